// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include "proxyfault.h"

/// One client connection through the FaultProxy, as a copyable snapshot: who, to where, how,
/// how many bytes each way, and the faults in force on it. FaultProxy's signals carry it whole,
/// so a face never calls back for a field.
struct ProxyConnectionInfo
{
    Q_GADGET
public:
    /// How the client reached its upstream.
    enum class Mode {
        HttpForward, ///< `GET http://host:port/path`: forwarded in origin form, head rewritten.
        ConnectTunnel, ///< `CONNECT host:port`: bytes relayed untouched (TLS stays end to end).
        Relay, ///< A plain TCP relay to the proxy's fixed upstream.
    };
    Q_ENUM(Mode)

    enum class State {
        Connecting, ///< Waiting for the upstream connection.
        Open, ///< Bytes flow (or are held by a fault).
        Closed,
    };
    Q_ENUM(State)

    int id = 0; ///< 1, 2, 3, ... per proxy, never reused.
    Mode mode = Mode::Relay;
    State state = State::Connecting;
    QHostAddress clientAddress;
    quint16 clientPort = 0;
    QString upstreamHost;
    quint16 upstreamPort = 0;
    /// HttpForward: the absolute URL requested (without user info); otherwise host:port.
    QString target;
    qint64 bytesDownstream = 0; ///< Bytes written to the client (server → client).
    qint64 bytesUpstream = 0; ///< Bytes written to the server (client → server).
    /// Bytes the proxy holds right now on their way to the client: read from the server, not
    /// yet taken by the client's kernel (a fault's queue, socket buffers). Bounded by
    /// FaultProxy::Options::maximumBufferedBytes plus one read.
    qint64 heldDownstream = 0;
    qint64 heldUpstream = 0; ///< The same on the way to the server.
    QDateTime openedAt; ///< UTC, when the client was accepted.
    QDateTime closedAt; ///< UTC; invalid while open.
    /// Closed: why, in English, e.g. "upstream closed", "cut by fault #3 (cutMidEvent)".
    QString closeReason;
    QList<ProxyFault> faults; ///< In force on this connection: its own and the all-connection ones.

    /// "http", "connect", "relay".
    static QString modeName(Mode mode);
    /// "connecting", "open", "closed".
    static QString stateName(State state);
    /// The control API's form of a connection (see README, "Fault proxy").
    QJsonObject toJson() const;

    friend bool operator==(const ProxyConnectionInfo &, const ProxyConnectionInfo &) = default;
};

Q_DECLARE_METATYPE(ProxyConnectionInfo)
