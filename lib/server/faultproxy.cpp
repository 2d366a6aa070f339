// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "faultproxy.h"

#include <algorithm>

#include <QNetworkInterface>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>

#include "proxyconnection.h"

using namespace Qt::StringLiterals;

namespace {

// Live displays redraw a few times a second; more would only cost signal traffic.
constexpr int TrafficIntervalMs = 250;
// After Down, listening again can fail when something took the port meanwhile: retry this often.
constexpr int RelistenIntervalMs = 1000;

} // namespace

FaultProxy::FaultProxy(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    qRegisterMetaType<ProxyFault>();
    qRegisterMetaType<ProxyConnectionInfo>();
    m_clock.start();
    connect(m_server, &QTcpServer::newConnection, this, &FaultProxy::handleNewConnection);
    m_trafficTimer.setInterval(TrafficIntervalMs);
    connect(&m_trafficTimer, &QTimer::timeout, this, &FaultProxy::emitTraffic);
    m_relistenTimer.setInterval(RelistenIntervalMs);
    connect(&m_relistenTimer, &QTimer::timeout, this, [this] {
        if (!m_running || m_down || listen())
            m_relistenTimer.stop();
    });
}

FaultProxy::~FaultProxy()
{
    // Receivers may be half destroyed already; nobody is told about the final closes.
    blockSignals(true);
    stop();
}

bool FaultProxy::start(const Options &options)
{
    stop();
    m_options = options;
    m_errorString.clear();
    if (isRelay() && options.upstreamPort == 0) {
        m_errorString = u"the upstream needs a port"_s;
        return false;
    }
    m_port = options.port;
    if (!m_server->listen(options.address, options.port)) {
        m_errorString = m_server->errorString();
        return false;
    }
    m_port = m_server->serverPort();
    m_ownAddresses = QNetworkInterface::allAddresses();
    m_ownAddresses.append(options.address);
    if (isRelay()) {
        const QHostAddress upstream(options.upstreamHost);
        const bool ownAddress = !upstream.isNull()
                && (upstream.isLoopback() || upstream == QHostAddress::Any
                    || std::any_of(m_ownAddresses.cbegin(), m_ownAddresses.cend(),
                                   [&upstream](const QHostAddress &own) {
                                       return own.isEqual(upstream);
                                   }));
        if (ownAddress && options.upstreamPort == m_port) {
            m_server->close();
            m_errorString = u"the upstream %1:%2 is the proxy itself"_s.arg(options.upstreamHost)
                                    .arg(options.upstreamPort);
            return false;
        }
    }
    // RFC 9110 §7.6.3: a pseudonym in Via; random per run, so two proxies in a chain differ.
    m_viaToken = "ssescope-" + QByteArray::number(QRandomGenerator::global()->generate(), 16);
    m_running = true;
    return true;
}

void FaultProxy::stop()
{
    m_running = false;
    m_server->close();
    m_relistenTimer.stop();
    m_trafficTimer.stop();
    const QList<ProxyConnection *> connections = m_connections.values();
    for (ProxyConnection *connection : connections)
        connection->shutDown(u"the proxy stopped"_s);
    // shutDown() closes at once unless a receiver still has to take its bytes: no waiting.
    for (ProxyConnection *connection : m_connections) {
        disconnect(connection, nullptr, this, nullptr);
        connection->deleteLater();
    }
    m_connections.clear();
    m_reportedTraffic.clear();
    qDeleteAll(m_expiryTimers);
    m_expiryTimers.clear();
    const bool hadFaults = !m_faults.isEmpty();
    m_faults.clear();
    if (hadFaults)
        emit faultsChanged(m_faults);
    if (m_down) {
        m_down = false;
        emit downChanged(false);
    }
}

bool FaultProxy::isListening() const
{
    return m_server->isListening();
}

QList<ProxyConnectionInfo> FaultProxy::connections() const
{
    QList<int> ids = m_connections.keys();
    std::sort(ids.begin(), ids.end());
    QList<ProxyConnectionInfo> result;
    for (int id : ids) {
        const ProxyConnection *connection = m_connections.value(id);
        if (connection->isAnnounced() && !connection->isClosed())
            result.append(connection->info());
    }
    return result;
}

std::optional<ProxyConnectionInfo> FaultProxy::connection(int id) const
{
    const ProxyConnection *connection = m_connections.value(id);
    if (!connection || !connection->isAnnounced())
        return std::nullopt;
    return connection->info();
}

FaultProxy::ApplyResult FaultProxy::apply(const ProxyFault &requested)
{
    ApplyResult result;
    result.fault = requested;
    result.fault.id = 0;
    if (const QString problem = requested.validate(); !problem.isEmpty()) {
        result.status = ApplyResult::Status::Invalid;
        result.error = problem;
        return result;
    }
    ProxyConnection *target = nullptr;
    if (requested.connection != ProxyFault::AllConnections) {
        target = m_connections.value(requested.connection);
        if (!target || !target->isAnnounced() || target->isClosed()) {
            result.status = ApplyResult::Status::UnknownConnection;
            result.error = u"no open connection %1"_s.arg(requested.connection);
            return result;
        }
        if (requested.kind == ProxyFault::Kind::CutMidEvent && !target->canCutMidEvent()) {
            result.status = ApplyResult::Status::NotApplicable;
            result.error = target->info().mode == ProxyConnectionInfo::Mode::ConnectTunnel
                    ? u"connection %1 is a CONNECT tunnel: its events are encrypted, so the proxy "
                      "cannot see where one ends"_s.arg(requested.connection)
                    : u"connection %1 does not carry a plain text/event-stream the proxy can read"_s
                              .arg(requested.connection);
            return result;
        }
    }

    if (requested.isAction()) {
        // Actions get an id of their own, so the log can tell which one cut what.
        result.fault.id = ++m_lastFaultId;
        QList<ProxyConnection *> targets;
        if (target) {
            targets.append(target);
        } else {
            for (ProxyConnection *connection : std::as_const(m_connections)) {
                if (connection->isAnnounced() && !connection->isClosed())
                    targets.append(connection);
            }
        }
        std::sort(targets.begin(), targets.end(),
                  [](const auto *a, const auto *b) { return a->info().id < b->info().id; });
        for (ProxyConnection *connection : std::as_const(targets)) {
            result.connections.append(connection->info().id);
            if (requested.kind == ProxyFault::Kind::Cut)
                connection->cutNow(result.fault);
            else
                connection->resetNow(result.fault);
        }
        return result;
    }

    result.fault.id = ++m_lastFaultId;
    m_faults.append(result.fault);
    if (result.fault.kind == ProxyFault::Kind::Down && result.fault.duration.count() > 0) {
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        timer->setTimerType(Qt::PreciseTimer);
        const int id = result.fault.id;
        connect(timer, &QTimer::timeout, this, [this, id] { removeFault(id); });
        timer->start(result.fault.duration);
        m_expiryTimers.insert(id, timer);
    }
    emit faultsChanged(m_faults);
    updateDown();
    updateConnections();
    return result;
}

bool FaultProxy::removeFault(int id)
{
    const auto it = std::find_if(m_faults.begin(), m_faults.end(),
                                 [id](const ProxyFault &fault) { return fault.id == id; });
    if (it == m_faults.end())
        return false;
    m_faults.erase(it);
    if (QTimer *timer = m_expiryTimers.take(id))
        timer->deleteLater();
    emit faultsChanged(m_faults);
    updateDown();
    updateConnections();
    return true;
}

int FaultProxy::clearFaults()
{
    const int count = int(m_faults.size());
    if (count == 0)
        return 0;
    m_faults.clear();
    for (QTimer *timer : std::as_const(m_expiryTimers))
        timer->deleteLater();
    m_expiryTimers.clear();
    emit faultsChanged(m_faults);
    updateDown();
    updateConnections();
    return count;
}

void FaultProxy::handleNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        ProxyConnection::Settings settings;
        settings.relay = isRelay();
        settings.relayHost = m_options.upstreamHost;
        settings.relayPort = m_options.upstreamPort;
        settings.maximumBufferedBytes = m_options.maximumBufferedBytes;
        settings.connectTimeout = m_options.connectTimeout;
        settings.viaToken = m_viaToken;
        settings.ownAddresses = m_ownAddresses;
        settings.ownPort = m_port;
        settings.clock = &m_clock;
        const int id = ++m_lastConnectionId;
        auto *connection = new ProxyConnection(id, socket, settings, this);
        m_connections.insert(id, connection);
        connect(connection, &ProxyConnection::opened, this, [this, connection] {
            connection->setFaults(faultsFor(connection));
            emit connectionOpened(connection->info());
            if (!m_trafficTimer.isActive())
                m_trafficTimer.start();
        });
        connect(connection, &ProxyConnection::changed, this, [this, connection] {
            if (connection->isAnnounced() && !connection->isClosed())
                emit connectionChanged(connection->info());
        });
        connect(connection, &ProxyConnection::closed, this,
                [this, connection] { handleConnectionClosed(connection); });
        connect(connection, &ProxyConnection::faultTriggered, this,
                [this, connection](const ProxyFault &fault) {
                    emit faultTriggered(fault, connection->info());
                });
        connect(connection, &ProxyConnection::requestRefused, this,
                [this, connection](int status, const QString &reason) {
                    emit requestRefused(connection->info(), status, reason);
                });
        connection->start();
    }
}

void FaultProxy::handleConnectionClosed(ProxyConnection *connection)
{
    const int id = connection->info().id;
    m_connections.remove(id);
    m_reportedTraffic.remove(id);
    disconnect(connection, nullptr, this, nullptr);
    connection->deleteLater();
    // A fault for this connection alone has nothing left to act on.
    const auto removed =
            std::remove_if(m_faults.begin(), m_faults.end(),
                           [id](const ProxyFault &fault) { return fault.connection == id; });
    const bool faultsRemoved = removed != m_faults.end();
    m_faults.erase(removed, m_faults.end());
    if (connection->isAnnounced())
        emit connectionClosed(connection->info());
    if (faultsRemoved)
        emit faultsChanged(m_faults);
    if (m_connections.isEmpty())
        m_trafficTimer.stop();
}

QList<ProxyFault> FaultProxy::faultsFor(const ProxyConnection *connection) const
{
    QList<ProxyFault> faults;
    for (const ProxyFault &fault : m_faults) {
        if (fault.kind == ProxyFault::Kind::Down)
            continue;
        if (fault.connection == ProxyFault::AllConnections
            || fault.connection == connection->info().id)
            faults.append(fault);
    }
    return faults;
}

void FaultProxy::updateConnections()
{
    QList<int> ids = m_connections.keys();
    std::sort(ids.begin(), ids.end());
    for (int id : std::as_const(ids)) {
        ProxyConnection *connection = m_connections.value(id);
        if (!connection || !connection->isAnnounced() || connection->isClosed())
            continue;
        const QList<ProxyFault> faults = faultsFor(connection);
        if (faults != connection->info().faults)
            connection->setFaults(faults);
    }
}

void FaultProxy::updateDown()
{
    const bool down = std::any_of(m_faults.cbegin(), m_faults.cend(), [](const ProxyFault &fault) {
        return fault.kind == ProxyFault::Kind::Down;
    });
    if (down == m_down || !m_running)
        return;
    m_down = down;
    if (down) {
        m_relistenTimer.stop();
        m_server->close();
    } else if (!listen()) {
        m_relistenTimer.start();
    }
    emit downChanged(down);
}

bool FaultProxy::listen()
{
    if (m_server->isListening())
        return true;
    if (m_server->listen(m_options.address, m_port))
        return true;
    emit errorOccurred(u"cannot listen again on %1:%2 after down: %3 (retrying)"_s.arg(
            m_options.address.toString(), QString::number(m_port), m_server->errorString()));
    return false;
}

void FaultProxy::emitTraffic()
{
    bool moved = false;
    const QList<ProxyConnectionInfo> list = connections();
    for (const ProxyConnectionInfo &info : list) {
        const std::pair<qint64, qint64> traffic { info.bytesDownstream, info.bytesUpstream };
        auto it = m_reportedTraffic.find(info.id);
        if (it == m_reportedTraffic.end() || *it != traffic) {
            m_reportedTraffic.insert(info.id, traffic);
            moved = true;
        }
    }
    if (moved)
        emit connectionsUpdated(list);
}
