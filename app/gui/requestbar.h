// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QUrl>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QToolButton;

/// The bar at the top of a tab: method, URL (with history), the Request… toggle for the
/// editor, the "Via fault proxy" switch, Connect/Reconnect and Disconnect, Record… and its
/// indicator, and the line below that says what is wrong with a URL. It holds what the user
/// typed; StreamTab decides what to do.
class RequestBar : public QWidget
{
    Q_OBJECT
public:
    explicit RequestBar(QWidget *parent = nullptr);
    ~RequestBar() override;

    /// The URL the user means: "localhost:8080/stream" is taken as http://.
    static QUrl parseUserUrl(const QString &input);
    /// An absolute http:// or https:// URL with a host.
    static bool isUsableUrl(const QUrl &url);

    /// The method as typed, upper-cased; "GET" when empty.
    QByteArray method() const;
    void setMethod(const QByteArray &method);
    /// The URL field's text, trimmed, exactly as typed.
    QString urlText() const;
    void setUrlText(const QString &text);
    /// parseUserUrl(urlText()).
    QUrl url() const;
    /// "host:port/path" of a usable URL, the text itself otherwise, tr("New stream") when empty.
    QString title() const;
    /// Offers these URLs (newest first) without touching what is being typed.
    void setUrlHistory(const QStringList &urls);
    /// Shows the problem under the bar and selects the URL for correction.
    void showUrlError(const QString &message);
    void clearUrlError();
    /// Puts the cursor in the URL field, keeping what is there.
    void focusUrl();

    bool isEditorShown() const;
    void setEditorShown(bool shown);
    /// Closed: "Connect", Disconnect disabled; running: "Reconnect".
    void setRunning(bool running);
    /// The "Via fault proxy" switch; setting it emits nothing.
    bool isViaFaultProxy() const;
    void setViaFaultProxy(bool on);
    /// Shown in the switch's tooltip, e.g. "127.0.0.1:8888"; empty: not running yet.
    void setFaultProxyAddress(const QString &address);
    /// Record… checked, and the indicator's text and tooltip (empty text hides it).
    void setRecording(bool recording, const QString &text, const QString &toolTip);

    void retranslateUi();

signals:
    void connectRequested();
    void disconnectRequested();
    void recordRequested();
    void editorToggled(bool shown);
    /// The user flipped the "Via fault proxy" switch.
    void viaFaultProxyToggled(bool on);
    void methodChanged(const QByteArray &method);
    /// The URL text changed (typed, pasted or set).
    void urlEdited();

protected:
    void changeEvent(QEvent *event) override;

private:
    QComboBox *m_methodCombo = nullptr;
    QComboBox *m_urlCombo = nullptr;
    QToolButton *m_requestToggle = nullptr;
    QToolButton *m_viaProxyButton = nullptr;
    QPushButton *m_connectButton = nullptr;
    QPushButton *m_disconnectButton = nullptr;
    QToolButton *m_recordButton = nullptr;
    QLabel *m_recordLabel = nullptr;
    QLabel *m_urlError = nullptr;
    bool m_running = false;
    QString m_faultProxyAddress;
};
