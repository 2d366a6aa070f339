// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <optional>

#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringView>

/// One network fault the FaultProxy applies to the bytes it relays, as a copyable value: what it
/// does, in which direction, to which connection, with its parameters. The same value is what
/// the proxy's signals carry, what its control API reads and writes as JSON, and what a face
/// lists; English technical text only (no tr()).
///
/// Cut and Reset are actions, not lasting faults: FaultProxy::apply() carries them out on the
/// connections open at that moment and keeps nothing. Every other kind stays in force until it
/// is removed (or, for Down with a duration, until it expires; for one connection, until that
/// connection closes). See FaultProxy for the exact semantics of each kind.
struct ProxyFault
{
    Q_GADGET
public:
    enum class Kind {
        Latency, ///< Delay every chunk by latency ± jitter (order is kept).
        Bandwidth, ///< At most bytesPerSecond, smoothed over 50 ms.
        Stall, ///< Forward nothing, read nothing, keep both sockets open (the half-open case).
        Slicer, ///< Re-chunk into pieces of 1..maximumPieceBytes bytes, delay apart.
        CloseAfterBytes, ///< Cut (FIN both ways) once `bytes` more bytes have passed.
        CutMidEvent, ///< Downstream only: cut right after an event's first id/event/data line.
        SlowClose, ///< Once the sending side has closed, hold the FIN back for `delay`.
        Down, ///< All connections: refuse new ones (the listener closes) for duration or until removed.
        Cut, ///< Action: FIN both ways now, dropping what the proxy holds.
        Reset, ///< Action: RST both ways now (SO_LINGER 0).
    };
    Q_ENUM(Kind)

    /// Which bytes a fault acts on.
    enum class Direction {
        Downstream, ///< Server → client (the event stream).
        Upstream, ///< Client → server (the request).
        Both,
    };
    Q_ENUM(Direction)

    /// The `connection` value that means every connection, those opened later included.
    static constexpr int AllConnections = 0;

    int id = 0; ///< Given by FaultProxy::apply(); 0 for a fault not (yet) in force.
    Kind kind = Kind::Latency;
    Direction direction = Direction::Downstream;
    int connection = AllConnections; ///< A ProxyConnectionInfo::id, or AllConnections.

    std::chrono::milliseconds latency { 0 }; ///< Latency.
    std::chrono::milliseconds jitter { 0 }; ///< Latency: each chunk gets latency ± up to this.
    qint64 bytesPerSecond = 0; ///< Bandwidth.
    int maximumPieceBytes = 1; ///< Slicer: each piece is 1..this many bytes (at random).
    std::chrono::milliseconds delay { 0 }; ///< Slicer: between pieces; SlowClose: FIN delay.
    qint64 bytes = 0; ///< CloseAfterBytes.
    std::chrono::milliseconds duration { 0 }; ///< Down: 0 = until removed.

    /// One numeric parameter of a kind: its JSON key and the values validate() accepts.
    struct ParameterRange
    {
        QLatin1StringView key; ///< "latencyMs", "jitterMs", "bytesPerSecond", ...
        qint64 minimum;
        qint64 maximum;
    };
    /// The parameters a kind reads, in the control API's order; empty for Stall, CutMidEvent,
    /// Cut and Reset. Faces take their limits from here instead of repeating them.
    static QList<ParameterRange> parameterRanges(Kind kind);
    /// A parameter by its JSON key (0 for a key no kind reads).
    qint64 parameter(QLatin1StringView key) const;
    /// Sets a parameter by its JSON key; an unknown key does nothing.
    void setParameter(QLatin1StringView key, qint64 value);

    /// Stable camelCase name of a kind for JSON and logs ("cutMidEvent").
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(QStringView name);
    /// "downstream", "upstream", "both".
    static QString directionName(Direction direction);
    static std::optional<Direction> directionFromName(QStringView name);

    /// Cut and Reset: carried out once, never kept.
    bool isAction() const { return kind == Kind::Cut || kind == Kind::Reset; }
    /// Whether the fault acts on the bytes going that way (Both counts for either).
    bool affects(Direction way) const { return direction == Direction::Both || direction == way; }
    /// Empty when the parameters make sense for the kind, else one English sentence.
    QString validate() const;
    /// One line for logs and lists, e.g. "#3 latency 200±50 ms downstream, all connections".
    QString description() const;

    /// The control API's form: {"id", "type", "direction", "connection" (number or "all"), and
    /// the kind's own parameters: latencyMs, jitterMs, bytesPerSecond, maxPieceBytes, delayMs,
    /// bytes, durationMs}.
    QJsonObject toJson() const;
    /// Reads toJson()'s form ("id" and "description" are ignored); missing parameters keep their
    /// defaults. nullopt and
    /// *error set when a key is unknown, a value has the wrong type, or validate() objects.
    static std::optional<ProxyFault> fromJson(const QJsonObject &object, QString *error);

    friend bool operator==(const ProxyFault &, const ProxyFault &) = default;
};

Q_DECLARE_METATYPE(ProxyFault)
