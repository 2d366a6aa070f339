// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QHash>
#include <QWidget>

#include "faultproxycontroller.h"
#include "proxyfault.h"

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QPushButton;
class QSpinBox;
class QTableView;
class QToolButton;
class ProxyConnectionModel;

/// Tools → Fault Proxy…: the app's fault proxy at a glance and at hand. Its address in the forms
/// people paste (host:port, http_proxy=…, curl -x, Chromium's flags), start and stop, every
/// client connection live (tabs, curl, browsers, the demo page's relay), a fault with its
/// parameters, direction and target to apply, and the faults in force to remove. Non-modal;
/// FaultProxyController owns it.
class FaultProxyWindow : public QWidget
{
    Q_OBJECT
public:
    explicit FaultProxyWindow(FaultProxyController *controller, QWidget *parent = nullptr);
    ~FaultProxyWindow() override;

    ProxyConnectionModel *connectionModel() const { return m_model; }

    /// Selects a fault kind and target (connection id of that endpoint; nullopt = all), ready to
    /// adjust and apply.
    void prepareFault(ProxyFault::Kind kind, FaultProxyController::Endpoint endpoint,
                      std::optional<int> connectionId);
    /// The fault the controls describe now (connection set; the endpoint from target()).
    ProxyFault currentFault() const;
    /// The chosen target: an endpoint and connection, or nullopt for all connections.
    std::optional<FaultProxyController::Endpoint> targetEndpoint() const;
    /// Applies currentFault() to the chosen target, as the Apply button does.
    void applyCurrentFault();
    /// The text of each fault in force, in list order.
    QStringList faultsInForce() const;
    /// The last Apply's outcome, as shown.
    QString resultText() const;
    /// What the Copy menu offers, in order: address, http_proxy=…, curl -x …, Chromium flags.
    QStringList copyForms() const;

    void retranslateUi();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void watch(FaultProxyController::Endpoint endpoint);
    void updateStatus();
    void updateFaultFields();
    void updateTargets();
    void updateFaultList();
    void showResult(const QList<FaultProxyController::Applied> &results);
    void removeSelectedFaults();
    QString resultMessage(const FaultProxyController::Applied &applied) const;

    FaultProxyController *m_controller;
    ProxyConnectionModel *m_model = nullptr;

    QLabel *m_statusLabel = nullptr;
    QLineEdit *m_addressEdit = nullptr;
    QToolButton *m_copyButton = nullptr;
    QMenu *m_copyMenu = nullptr;
    QLabel *m_portLabel = nullptr;
    QSpinBox *m_portSpin = nullptr;
    QPushButton *m_startStopButton = nullptr;
    QLabel *m_usageLabel = nullptr;

    QGroupBox *m_connectionsGroup = nullptr;
    QTableView *m_connectionView = nullptr;
    QPushButton *m_clearClosedButton = nullptr;

    QGroupBox *m_applyGroup = nullptr;
    QFormLayout *m_applyForm = nullptr;
    QLabel *m_kindLabel = nullptr;
    QComboBox *m_kindCombo = nullptr;
    QLabel *m_kindHelp = nullptr;
    /// One spin per parameter key (ProxyFault::ParameterRange::key), shown for the kinds that
    /// read it.
    QHash<QString, QSpinBox *> m_parameterSpins;
    QHash<QString, QLabel *> m_parameterLabels;
    QLabel *m_directionLabel = nullptr;
    QComboBox *m_directionCombo = nullptr;
    QLabel *m_targetLabel = nullptr;
    QComboBox *m_targetCombo = nullptr;
    QPushButton *m_applyButton = nullptr;
    QLabel *m_resultLabel = nullptr;
    QList<FaultProxyController::Applied> m_lastResults;

    QGroupBox *m_faultsGroup = nullptr;
    QListWidget *m_faultList = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_removeAllButton = nullptr;
};
