// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "faultproxycontroller.h"

#include <algorithm>

#include <QSettings>
#include <QWidget>

#include "demoserver.h"
#include "faultproxywindow.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
const QString SettingsGroup = u"faultProxy"_s;
const QString PortKey = u"port"_s;
// A claim that found nothing by then belonged to a request that never reached the proxy (the
// reader failed first): it must not catch someone else's connection later. The proxy announces
// a connection as soon as its request head has arrived, well within this.
constexpr auto ClaimLifetime = 10s;

QString normalPath(const QString &path)
{
    return path.isEmpty() ? u"/"_s : path;
}

// Whether the proxy's connection is the request a client made to url. Forwarded requests are
// compared by host, port and path (their encoding of the query may differ); tunnels by host and
// port, all that a CONNECT tells.
bool isRequestTo(const ProxyConnectionInfo &info, const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const int port = url.port(scheme == u"https"_s ? 443 : 80);
    if (info.upstreamHost.compare(url.host(), Qt::CaseInsensitive) != 0
        || info.upstreamPort != port)
        return false;
    switch (info.mode) {
    case ProxyConnectionInfo::Mode::ConnectTunnel:
        return scheme == u"https"_s;
    case ProxyConnectionInfo::Mode::HttpForward:
        return scheme == u"http"_s
                && normalPath(QUrl(info.target).path()) == normalPath(url.path());
    case ProxyConnectionInfo::Mode::Relay:
        break;
    }
    return false;
}
} // namespace

FaultProxyController::FaultProxyController(QWidget *dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
    , m_proxy(new FaultProxy(this))
    , m_demoRelay(new FaultProxy(this))
{
    connect(m_proxy, &FaultProxy::connectionOpened, this, &FaultProxyController::handleOpened);
    connect(m_proxy, &FaultProxy::connectionChanged, this,
            [this](const ProxyConnectionInfo &info) { handleChangedOrClosed(info, false); });
    connect(m_proxy, &FaultProxy::connectionClosed, this,
            [this](const ProxyConnectionInfo &info) { handleChangedOrClosed(info, true); });
}

FaultProxyController::~FaultProxyController()
{
    closeWindow();
}

FaultProxy *FaultProxyController::endpoint(Endpoint endpoint) const
{
    return endpoint == Endpoint::DemoRelay ? m_demoRelay : m_proxy;
}

void FaultProxyController::setConfiguredPort(quint16 port)
{
    m_configuredPort = port;
}

bool FaultProxyController::start()
{
    if (m_proxy->isRunning())
        return true;
    FaultProxy::Options options;
    // Whoever reaches the proxy can break connections and reach any host through it: loopback
    // only, always. (ssescope-cli proxy --listen is there for anything else.)
    options.address = QHostAddress(QHostAddress::LocalHost);
    options.port = m_configuredPort;
    if (!m_proxy->start(options)) {
        m_errorString = m_proxy->errorString();
        emit startFailed(m_errorString);
        emit runningChanged(false);
        return false;
    }
    m_errorString.clear();
    emit runningChanged(true);
    return true;
}

void FaultProxyController::stop()
{
    if (!m_proxy->isRunning())
        return;
    m_proxy->stop();
    emit runningChanged(false);
}

QString FaultProxyController::address() const
{
    if (!m_proxy->isRunning())
        return {};
    return m_proxy->address().toString() + u':' + QString::number(m_proxy->port());
}

QNetworkProxy FaultProxyController::networkProxy() const
{
    if (!m_proxy->isRunning())
        return QNetworkProxy(QNetworkProxy::NoProxy);
    return QNetworkProxy(QNetworkProxy::HttpProxy, m_proxy->address().toString(), m_proxy->port());
}

void FaultProxyController::setDemoServer(DemoServer *server)
{
    m_demoServer = server;
}

bool FaultProxyController::startDemoRelay()
{
    // The same relay port across demo restarts, so an open page keeps reconnecting to it.
    return startRelayOn(m_demoRelay->isRunning() ? m_demoRelay->port() : 0);
}

bool FaultProxyController::startRelayOn(quint16 relayPort)
{
    if (!m_demoServer || !m_demoServer->isListening()) {
        m_demoRelayError = u"the demo server is not running"_s;
        return false;
    }
    FaultProxy::Options options;
    options.address = QHostAddress(QHostAddress::LocalHost);
    options.port = relayPort;
    options.upstreamHost = u"127.0.0.1"_s;
    options.upstreamPort = m_demoServer->port();
    if (m_demoRelay->isRunning() && m_demoRelay->options().upstreamPort == options.upstreamPort)
        return true;
    const bool ok = m_demoRelay->start(options);
    m_demoRelayError = ok ? QString() : m_demoRelay->errorString();
    emit demoRelayChanged(ok);
    return ok;
}

void FaultProxyController::stopDemoRelay()
{
    if (!m_demoRelay->isRunning())
        return;
    m_demoRelay->stop();
    emit demoRelayChanged(false);
}

void FaultProxyController::followDemoServer()
{
    if (!m_demoRelay->isRunning())
        return;
    if (!m_demoServer || !m_demoServer->isListening())
        stopDemoRelay();
    else
        startRelayOn(m_demoRelay->port());
}

QUrl FaultProxyController::demoStreamUrl() const
{
    return m_demoServer && m_demoServer->isListening() ? m_demoServer->streamUrl() : QUrl();
}

QUrl FaultProxyController::demoRelayUrl() const
{
    if (!m_demoRelay->isRunning())
        return {};
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(m_demoRelay->address().toString());
    url.setPort(m_demoRelay->port());
    url.setPath(u"/"_s);
    return url;
}

QList<FaultProxyController::Applied> FaultProxyController::apply(const ProxyFault &fault,
                                                                 std::optional<Endpoint> endpoint)
{
    QList<Applied> results;
    if (endpoint) {
        results.append({ *endpoint, this->endpoint(*endpoint)->apply(fault) });
        return results;
    }
    for (Endpoint each : { Endpoint::Proxy, Endpoint::DemoRelay }) {
        if (this->endpoint(each)->isRunning())
            results.append({ each, this->endpoint(each)->apply(fault) });
    }
    return results;
}

bool FaultProxyController::removeFault(Endpoint endpoint, int faultId)
{
    return this->endpoint(endpoint)->removeFault(faultId);
}

int FaultProxyController::clearFaults()
{
    return m_proxy->clearFaults() + m_demoRelay->clearFaults();
}

void FaultProxyController::expectConnection(QObject *client, const QUrl &url, const QString &label)
{
    if (!client)
        return;
    if (!m_watchedClients.contains(client)) {
        m_watchedClients.insert(client);
        connect(client, &QObject::destroyed, this, [this, client] {
            m_claims.remove(client);
            m_watchedClients.remove(client);
        });
    }
    const std::optional<int> previous = m_claims.value(client).connection;
    Claim claim;
    claim.client = client;
    claim.url = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveFragment);
    claim.label = label;
    claim.sequence = m_nextSequence++;
    claim.expiry = QDeadlineTimer(ClaimLifetime);
    m_claims.insert(client, claim);
    if (previous)
        emit clientConnectionChanged(client);
}

void FaultProxyController::forgetClient(QObject *client)
{
    const auto it = m_claims.constFind(client);
    if (it == m_claims.cend())
        return;
    const bool hadConnection = it->connection.has_value();
    m_claims.erase(it);
    if (hadConnection)
        emit clientConnectionChanged(client);
}

std::optional<ProxyConnectionInfo> FaultProxyController::connectionOf(const QObject *client) const
{
    const auto it = m_claims.constFind(client);
    if (it == m_claims.cend() || !it->connection)
        return std::nullopt;
    std::optional<ProxyConnectionInfo> info = m_proxy->connection(*it->connection);
    if (!info || info->state == ProxyConnectionInfo::State::Closed)
        return std::nullopt;
    return info;
}

QString FaultProxyController::clientLabel(Endpoint endpoint, int connectionId) const
{
    if (endpoint != Endpoint::Proxy)
        return {};
    for (const Claim &claim : m_claims) {
        if (claim.client && claim.connection == connectionId)
            return claim.label;
    }
    return {};
}

void FaultProxyController::handleOpened(const ProxyConnectionInfo &info)
{
    // The oldest waiting claim for this request wins: two tabs opening the same URL at the same
    // moment are told apart only by the order their requests reach the proxy.
    Claim *best = nullptr;
    for (Claim &claim : m_claims) {
        if (!claim.client || claim.connection || claim.expiry.hasExpired()
            || !isRequestTo(info, claim.url))
            continue;
        if (!best || claim.sequence < best->sequence)
            best = &claim;
    }
    if (!best)
        return;
    best->connection = info.id;
    emit clientConnectionChanged(best->client);
}

void FaultProxyController::handleChangedOrClosed(const ProxyConnectionInfo &info, bool closed)
{
    for (auto it = m_claims.begin(); it != m_claims.end(); ++it) {
        if (it->connection != info.id)
            continue;
        if (closed)
            it->connection.reset();
        if (QObject *client = it->client)
            emit clientConnectionChanged(client);
        return;
    }
}

void FaultProxyController::showWindow()
{
    if (!m_proxy->isRunning())
        start(); // the window says why when it fails
    if (!m_window) {
        m_window = new FaultProxyWindow(this, m_dialogParent);
        m_window->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void FaultProxyController::showWindowFor(ProxyFault::Kind kind,
                                         std::optional<int> proxyConnectionId)
{
    showWindow();
    m_window->prepareFault(kind, Endpoint::Proxy, proxyConnectionId);
}

FaultProxyWindow *FaultProxyController::window() const
{
    return m_window;
}

void FaultProxyController::closeWindow()
{
    if (m_window)
        m_window->close();
}

void FaultProxyController::loadSettings()
{
    QSettings settings;
    settings.beginGroup(SettingsGroup);
    bool ok = false;
    const uint port = settings.value(PortKey, 0).toUInt(&ok);
    m_configuredPort = ok && port <= 65535 ? quint16(port) : 0;
    settings.endGroup();
}

void FaultProxyController::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(SettingsGroup);
    settings.setValue(PortKey, m_configuredPort);
    settings.endGroup();
}
