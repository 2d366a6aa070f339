// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <memory>

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

#include "proxyconnectioninfo.h"
#include "proxyfault.h"

class QTcpSocket;

/// One client of the FaultProxy and its upstream: reads the proxy request (forward mode) or
/// connects straight away (relay mode), then moves bytes both ways through two fault pipelines.
/// Single-threaded, non-blocking; the FaultProxy owns it and tells it which faults are in force.
/// An implementation class of FaultProxy: faces use FaultProxy and ProxyConnectionInfo.
class ProxyConnection : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        bool relay = false; ///< True: connect to relayHost:relayPort; false: read a proxy request.
        QString relayHost;
        quint16 relayPort = 0;
        /// Per direction: what the proxy itself holds for a slow receiver (its queue plus the
        /// socket's write buffer) before it stops reading from the sender.
        qint64 maximumBufferedBytes = 1024 * 1024;
        std::chrono::milliseconds connectTimeout { 10000 };
        /// This proxy's Via pseudonym; a request that already carries it has looped back.
        QByteArray viaToken;
        /// Where this proxy listens: an upstream there would be the proxy itself.
        QList<QHostAddress> ownAddresses;
        quint16 ownPort = 0;
        const QElapsedTimer *clock = nullptr; ///< Shared monotonic clock for due times.
    };

    /// Takes over `client` (reparents it).
    ProxyConnection(int id, QTcpSocket *client, const Settings &settings, QObject *parent);
    ~ProxyConnection() override;

    /// Starts reading the request (forward mode) or connecting (relay mode).
    void start();

    /// A snapshot: byte counts as of now, faults as last set.
    ProxyConnectionInfo info() const;
    /// Whether opened() was emitted: the target is known.
    bool isAnnounced() const { return m_announced; }
    bool isClosed() const { return m_info.state == ProxyConnectionInfo::State::Closed; }
    /// Whether a CutMidEvent fault can ever fire here: the downstream bytes are readable HTTP.
    bool canCutMidEvent() const;

    /// The faults in force on this connection (its own and the all-connection ones), lasting
    /// kinds only; takes effect at once.
    void setFaults(const QList<ProxyFault> &faults);
    /// The Cut and Reset actions.
    void cutNow(const ProxyFault &action);
    void resetNow(const ProxyFault &action);
    /// Closes both sides with a FIN (the proxy is stopping).
    void shutDown(const QString &reason);

signals:
    /// The target is known (forward mode: after the request head); info() is complete.
    void opened();
    /// The state or the faults in force changed.
    void changed();
    /// Both sockets are closed; info() has closedAt and closeReason. Emitted once, also for a
    /// connection that was never announced (then it is of no interest to anyone).
    void closed();
    /// A fault acted on this connection (CutMidEvent, CloseAfterBytes, Cut, Reset).
    void faultTriggered(const ProxyFault &fault);
    /// The proxy answered the request itself with an error status (and closed).
    void requestRefused(int status, const QString &reason);

private:
    struct Pipe;

    void handleClientReadyRead();
    void handleRequestBytes();
    void refuse(int status, const QString &reason);
    void connectUpstream(const QString &host, quint16 port);
    void handleUpstreamConnected();
    void handleUpstreamError();
    void handleDisconnected(QTcpSocket *socket);
    void startRelaying(const QByteArray &initialUpstreamBytes);
    void pump(Pipe &pipe);
    void deliver(Pipe &pipe);
    void finishPipe(Pipe &pipe);
    void closeWithFault(const ProxyFault &fault, const QString &what);
    void closeGracefully(QTcpSocket *socket);
    void setCloseReason(const QString &reason);
    void checkFinished();
    qint64 now() const;
    bool isOwnEndpoint(const QHostAddress &address, quint16 port) const;

    const Settings m_settings;
    ProxyConnectionInfo m_info;
    QTcpSocket *m_client = nullptr;
    QTcpSocket *m_upstream = nullptr;
    QByteArray m_requestBuffer; ///< Forward mode: the request until its head is parsed.
    QByteArray m_pendingUpstream; ///< Bytes for the upstream once it is connected.
    std::unique_ptr<Pipe> m_downstream; ///< Upstream socket → client.
    std::unique_ptr<Pipe> m_upstreamPipe; ///< Client → upstream socket.
    bool m_announced = false;
    bool m_relaying = false;
    bool m_finishing = false;
    bool m_resetting = false;
};
