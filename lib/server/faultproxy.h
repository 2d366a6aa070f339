// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <optional>

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include "proxyconnectioninfo.h"
#include "proxyfault.h"

class ProxyConnection;
class QTcpServer;

/// A proxy that breaks real connections between any SSE server and any client (a browser tab,
/// curl, SseReader), so the server sees the network fault too. QtCore + QtNetwork only,
/// single-threaded on the Qt event loop with non-blocking sockets. Listens on 127.0.0.1 unless
/// Options::address says otherwise: it is never an open proxy by accident.
///
/// Two modes, by Options::upstreamHost:
/// - Forward proxy (no upstream): `CONNECT host:port` opens a tunnel whose bytes are relayed
///   untouched, so TLS stays end to end (certificate and SNI unchanged); `GET http://host/path
///   HTTP/1.1` (any method) is sent upstream in origin form with Host set from the URL, the
///   hop-by-hop headers removed, `Via` and `Connection: close` added, and the response head gets
///   `Connection: close` in place of its hop-by-hop headers: one request per client connection.
///   Requests in origin form get 400, other schemes 501, malformed heads HttpRequestHead's
///   status; a request to the proxy itself (its own Via entry, or an upstream that turns out to
///   be the proxy's own address and port) gets 508; an upstream that cannot be reached gets 502
///   (504 after Options::connectTimeout). All with a short text body.
/// - TCP relay (upstream set): every client is connected to upstreamHost:upstreamPort; an
///   upstream that cannot be reached resets the client (RST).
///
/// Faults (ProxyFault) apply to one connection or to all, those opened later included, in either
/// direction, live; removing one ends its effect at once (held bytes are released in order):
/// - Latency: each chunk read is written latency ± jitter later (uniform), never reordered.
/// - Bandwidth: a token bucket of bytesPerSecond holding 50 ms worth.
/// - Stall: that direction is neither read nor written, both sockets stay open: the sender's
///   writes back up in TCP, the receiver hears nothing, not even a FIN that arrives meanwhile.
/// - Slicer: pieces of 1..maximumPieceBytes (uniform) with `delay` between them, each flushed.
/// - CloseAfterBytes: after `bytes` more bytes in that direction (counted from when the fault
///   reaches the connection), FIN both ways (as Cut).
/// - CutMidEvent (downstream, plain HTTP only): the stream is forwarded until an event has been
///   partly delivered, i.e. up to and including the line end of its first `id`, `event` or `data`
///   line, then FIN both ways. Not possible inside a CONNECT tunnel (TLS) or on an encoded body.
/// - SlowClose: when the sending side has closed, what it sent is delivered, then the FIN to
///   the other side waits `delay`.
/// - Down: the listening socket closes for `duration` (or until removed), so the kernel answers
///   each new connection with RST to its SYN: clients see "connection refused", exactly as from
///   a host whose service is down, and nothing is accepted, half-served or counted. (Accepting
///   and closing would first tell the client that the connection was up.) Open connections
///   carry on. The proxy listens again on the same address and port afterwards.
/// - Cut (action): FIN both ways now, after unread input is dropped (so the kernel sends FIN,
///   not RST); what the proxy holds is dropped.
/// - Reset (action): RST both ways now (SO_LINGER 0, then close).
///
/// Memory: per connection and direction the proxy holds at most maximumBufferedBytes (its queue
/// plus the receiver's socket buffer) plus one 64 KiB read; then it stops reading the sender,
/// whose TCP window fills (backpressure). Qt closes a socket completely on the peer's FIN, so a
/// client's half-close ends the connection.
class FaultProxy : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QHostAddress address = QHostAddress(QHostAddress::LocalHost);
        quint16 port = 0; ///< 0 = any free port.
        /// Empty: forward proxy. Set: TCP relay to upstreamHost:upstreamPort.
        QString upstreamHost;
        quint16 upstreamPort = 0;
        /// Per connection and direction: what a slow receiver can make the proxy hold.
        qint64 maximumBufferedBytes = 1024 * 1024;
        std::chrono::milliseconds connectTimeout { 10000 };
    };

    /// What apply() did.
    struct ApplyResult
    {
        enum class Status {
            Applied, ///< A lasting fault is in force (fault.id set), or an action was carried out.
            Invalid, ///< The fault's parameters are wrong (ProxyFault::validate()).
            UnknownConnection, ///< No open connection has that id.
            NotApplicable, ///< E.g. CutMidEvent on a CONNECT tunnel.
        };
        Status status = Status::Applied;
        ProxyFault fault; ///< With its id when a lasting fault was added.
        QList<int> connections; ///< Actions: the connections they acted on.
        QString error; ///< English, when not Applied.
        bool isApplied() const { return status == Status::Applied; }
    };

    explicit FaultProxy(QObject *parent = nullptr);
    ~FaultProxy() override;

    /// Listens; false + errorString() on failure (port taken, relay to the proxy itself, ...).
    /// Restarting closes every connection and removes every fault.
    bool start(const Options &options);
    /// Closes every connection (FIN), removes every fault and stops listening.
    void stop();

    bool isRunning() const { return m_running; }
    /// False while a Down fault is in force.
    bool isListening() const;
    bool isDown() const { return m_down; }
    bool isRelay() const { return !m_options.upstreamHost.isEmpty(); }
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_options.address; }
    const Options &options() const { return m_options; }
    QString errorString() const { return m_errorString; }

    /// The open connections (announced ones: the target is known), by id.
    QList<ProxyConnectionInfo> connections() const;
    std::optional<ProxyConnectionInfo> connection(int id) const;
    /// The lasting faults in force, by id.
    QList<ProxyFault> faults() const { return m_faults; }

    /// Adds a lasting fault (it gets an id) or carries out an action (Cut, Reset).
    ApplyResult apply(const ProxyFault &fault);
    /// False when no fault has that id.
    bool removeFault(int id);
    /// Removes every fault; returns how many there were.
    int clearFaults();

signals:
    /// A client's target is known (relay: at once; forward: after its request head).
    void connectionOpened(const ProxyConnectionInfo &connection);
    /// Its state (connecting → open) or the faults in force on it changed.
    void connectionChanged(const ProxyConnectionInfo &connection);
    void connectionClosed(const ProxyConnectionInfo &connection);
    /// The open connections with their byte counts, at most four times a second while bytes
    /// move, for live displays.
    void connectionsUpdated(const QList<ProxyConnectionInfo> &connections);
    void faultsChanged(const QList<ProxyFault> &faults);
    /// A fault acted on a connection: CutMidEvent or CloseAfterBytes fired, Cut or Reset.
    void faultTriggered(const ProxyFault &fault, const ProxyConnectionInfo &connection);
    /// The proxy answered a client's request itself with an error status (400, 501, 502, 508, ...).
    void requestRefused(const ProxyConnectionInfo &connection, int status, const QString &reason);
    /// A Down fault started or ended.
    void downChanged(bool down);
    /// Something failed outside any request, e.g. listening again after Down.
    void errorOccurred(const QString &message);

private:
    void handleNewConnection();
    void handleConnectionClosed(ProxyConnection *connection);
    void updateConnections();
    QList<ProxyFault> faultsFor(const ProxyConnection *connection) const;
    void updateDown();
    bool listen();
    void emitTraffic();

    QTcpServer *m_server = nullptr;
    Options m_options;
    QString m_errorString;
    quint16 m_port = 0;
    bool m_running = false;
    bool m_down = false;
    QByteArray m_viaToken;
    QList<QHostAddress> m_ownAddresses;
    QElapsedTimer m_clock;
    QHash<int, ProxyConnection *> m_connections;
    QList<ProxyFault> m_faults;
    QHash<int, QTimer *> m_expiryTimers; ///< Down faults with a duration.
    QTimer m_trafficTimer;
    QTimer m_relistenTimer;
    QHash<int, std::pair<qint64, qint64>> m_reportedTraffic;
    int m_lastConnectionId = 0;
    int m_lastFaultId = 0;
};
