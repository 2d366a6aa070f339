// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QNetworkProxy>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QUrl>

#include "faultproxy.h"

class QWidget;
class DemoServer;
class FaultProxyWindow;

/// The app's fault proxy (a FaultProxy forward proxy on 127.0.0.1, started on demand on the port
/// the user set or a free one, the port kept in the settings' "faultProxy" group), the demo
/// page's relay, and Tools → Fault Proxy…. MainWindow creates one; tabs route through it and ask
/// it which proxy connection is theirs.
///
/// Two endpoints share the window and the fault controls:
/// - Proxy: the forward proxy that tabs (and curl, browsers, anything) are pointed at.
/// - DemoRelay: a TCP relay to the demo server, so a stock browser can open the demo page
///   "through the fault proxy" without any proxy setting (see openDemoPageThroughProxy()).
class FaultProxyController : public QObject
{
    Q_OBJECT
public:
    enum class Endpoint { Proxy, DemoRelay };
    Q_ENUM(Endpoint)

    /// What apply() did at one endpoint.
    struct Applied
    {
        Endpoint endpoint = Endpoint::Proxy;
        FaultProxy::ApplyResult result;
    };

    /// dialogParent owns the window; the controller itself belongs to it too.
    explicit FaultProxyController(QWidget *dialogParent);
    ~FaultProxyController() override;

    FaultProxy *proxy() const { return m_proxy; }
    FaultProxy *demoRelay() const { return m_demoRelay; }
    FaultProxy *endpoint(Endpoint endpoint) const;

    bool isRunning() const { return m_proxy->isRunning(); }
    /// The port to listen on; 0 = any free one. Takes effect at the next start().
    quint16 configuredPort() const { return m_configuredPort; }
    void setConfiguredPort(quint16 port);
    /// Starts the forward proxy when it is not running; false + errorString() on failure.
    bool start();
    void stop();
    QString errorString() const { return m_errorString; }
    /// "127.0.0.1:8888" while running, else empty.
    QString address() const;
    /// What a tab's reader uses: an HTTP proxy on address(); NoProxy while not running.
    QNetworkProxy networkProxy() const;

    /// The demo server the relay forwards to (not owned); its restarts move the relay along.
    void setDemoServer(DemoServer *server);
    /// Starts (or moves) the relay to the running demo server; false + demoRelayError().
    bool startDemoRelay();
    void stopDemoRelay();
    QString demoRelayError() const { return m_demoRelayError; }
    /// The demo server started, stopped or moved: a running relay follows it (same relay port).
    void followDemoServer();
    /// The demo server's /stream URL while it runs, else empty (for examples).
    QUrl demoStreamUrl() const;
    /// The relay's http://127.0.0.1:PORT/ while it runs, else empty.
    QUrl demoRelayUrl() const;

    /// Adds a fault or carries out an action. With an endpoint the fault's connection id is that
    /// endpoint's; without one the fault must be for all connections, and goes to every running
    /// endpoint.
    QList<Applied> apply(const ProxyFault &fault,
                         std::optional<Endpoint> endpoint = Endpoint::Proxy);
    bool removeFault(Endpoint endpoint, int faultId);
    /// Removes every fault at every endpoint; returns how many there were.
    int clearFaults();

    /// A client of the proxy in this app (a tab) is about to ask it for url: the next connection
    /// the proxy announces to that URL's host, port and path is the client's, unless an earlier
    /// client waits for the same one. label names the client in the connection list. One claim
    /// per client; a new one replaces it.
    void expectConnection(QObject *client, const QUrl &url, const QString &label);
    /// The client no longer uses the proxy (closed, or no longer routed).
    void forgetClient(QObject *client);
    /// The client's open connection through the proxy, if it has one now.
    std::optional<ProxyConnectionInfo> connectionOf(const QObject *client) const;
    /// "SSE Scope tab “…”" for a client's connection, else empty.
    QString clientLabel(Endpoint endpoint, int connectionId) const;

    /// Shows Tools → Fault Proxy… (non-modal), starting the proxy when it is not running.
    void showWindow();
    /// The window, preset to fault `kind` on one connection (e.g. from a tab's drop menu).
    void showWindowFor(ProxyFault::Kind kind, std::optional<int> proxyConnectionId);
    void closeWindow();
    FaultProxyWindow *window() const;

    void loadSettings();
    void saveSettings() const;

signals:
    /// The forward proxy started or stopped.
    void runningChanged(bool running);
    /// A start failed; message is the proxy's own (English) reason.
    void startFailed(const QString &message);
    void demoRelayChanged(bool running);
    /// A client's connection was found, changed (faults in force) or closed.
    void clientConnectionChanged(QObject *client);

private:
    struct Claim
    {
        QPointer<QObject> client;
        QUrl url;
        QString label;
        quint64 sequence = 0;
        QDeadlineTimer expiry;
        std::optional<int> connection; ///< Found: the proxy's connection id.
    };

    void handleOpened(const ProxyConnectionInfo &info);
    void handleChangedOrClosed(const ProxyConnectionInfo &info, bool closed);
    bool startRelayOn(quint16 relayPort);

    QWidget *m_dialogParent;
    FaultProxy *m_proxy;
    FaultProxy *m_demoRelay;
    QPointer<DemoServer> m_demoServer;
    quint16 m_configuredPort = 0;
    QString m_errorString;
    QString m_demoRelayError;
    QHash<const QObject *, Claim> m_claims;
    QSet<const QObject *> m_watchedClients; ///< Their destruction removes their claim.
    quint64 m_nextSequence = 1;
    QPointer<FaultProxyWindow> m_window;
};
