// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QUrl>

#include "demooptions.h"
#include "demoserver.h"

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

/// Edits the built-in demo server's Options. Apply and OK emit applied(); MainWindow restarts
/// the server with them. The address is not editable: the demo always binds to 127.0.0.1.
class DemoServerDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DemoServerDialog(QWidget *parent = nullptr);
    ~DemoServerDialog() override;

    DemoServer::Options options() const;
    void setOptions(const DemoServer::Options &options);
    /// Shows whether the server runs and its stream URL.
    void setServerStatus(bool running, const QUrl &streamUrl);

signals:
    void applied(const DemoServer::Options &options);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslateUi();
    void updateEnabled();
    QSpinBox *addSpin(const char *objectName, DemoOptions::Knob knob);

    QFormLayout *m_form = nullptr;
    QLabel *m_statusLabel = nullptr;
    QSpinBox *m_portSpin = nullptr;
    QSpinBox *m_intervalSpin = nullptr;
    QSpinBox *m_burstSpin = nullptr;
    QComboBox *m_payloadCombo = nullptr;
    QSpinBox *m_payloadBytesSpin = nullptr;
    QLineEdit *m_eventTypesEdit = nullptr;
    QSpinBox *m_retrySpin = nullptr;
    QSpinBox *m_dropEverySpin = nullptr;
    QSpinBox *m_stallAfterSpin = nullptr;
    QSpinBox *m_heartbeatSpin = nullptr;
    QSpinBox *m_statusSpin = nullptr;
    QSpinBox *m_retryAfterSpin = nullptr;
    QLineEdit *m_contentTypeEdit = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_running = false;
    QUrl m_streamUrl;
    int m_replayCapacity = DemoServer::Options().replayCapacity;
};
