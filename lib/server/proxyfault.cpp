// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "proxyfault.h"

#include <cmath>
#include <limits>

#include <QJsonValue>
#include <QMetaEnum>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

// A day: longer is a typo, not a test plan, and keeps every sum of delays far from overflow.
constexpr qint64 MaximumMilliseconds = 24LL * 3600 * 1000;

using Parameter = ProxyFault::ParameterRange;

// The JSON keys each kind reads, with their ranges; any other key is refused, so a typo such
// as "latency" for "latencyMs" cannot silently become a fault with a zero parameter.
QList<Parameter> parametersOf(ProxyFault::Kind kind)
{
    using Kind = ProxyFault::Kind;
    switch (kind) {
    case Kind::Latency:
        return { { "latencyMs"_L1, 0, MaximumMilliseconds },
                 { "jitterMs"_L1, 0, MaximumMilliseconds } };
    case Kind::Bandwidth:
        return { { "bytesPerSecond"_L1, 1, std::numeric_limits<qint32>::max() } };
    case Kind::Slicer:
        return { { "maxPieceBytes"_L1, 1, 1024 * 1024 }, { "delayMs"_L1, 0, MaximumMilliseconds } };
    case Kind::CloseAfterBytes:
        return { { "bytes"_L1, 0, std::numeric_limits<qint64>::max() / 2 } };
    case Kind::SlowClose:
        return { { "delayMs"_L1, 0, MaximumMilliseconds } };
    case Kind::Down:
        return { { "durationMs"_L1, 0, MaximumMilliseconds } };
    case Kind::Stall:
    case Kind::CutMidEvent:
    case Kind::Cut:
    case Kind::Reset:
        break;
    }
    return {};
}

} // namespace

QList<ProxyFault::ParameterRange> ProxyFault::parameterRanges(Kind kind)
{
    return parametersOf(kind);
}

qint64 ProxyFault::parameter(QLatin1StringView key) const
{
    if (key == "latencyMs"_L1)
        return latency.count();
    if (key == "jitterMs"_L1)
        return jitter.count();
    if (key == "bytesPerSecond"_L1)
        return bytesPerSecond;
    if (key == "maxPieceBytes"_L1)
        return maximumPieceBytes;
    if (key == "delayMs"_L1)
        return delay.count();
    if (key == "bytes"_L1)
        return bytes;
    if (key == "durationMs"_L1)
        return duration.count();
    return 0;
}

void ProxyFault::setParameter(QLatin1StringView key, qint64 value)
{
    if (key == "latencyMs"_L1)
        latency = std::chrono::milliseconds(value);
    else if (key == "jitterMs"_L1)
        jitter = std::chrono::milliseconds(value);
    else if (key == "bytesPerSecond"_L1)
        bytesPerSecond = value;
    else if (key == "maxPieceBytes"_L1)
        maximumPieceBytes = int(value);
    else if (key == "delayMs"_L1)
        delay = std::chrono::milliseconds(value);
    else if (key == "bytes"_L1)
        bytes = value;
    else if (key == "durationMs"_L1)
        duration = std::chrono::milliseconds(value);
}

namespace {

QString kindList()
{
    QStringList names;
    const QMetaEnum kinds = QMetaEnum::fromType<ProxyFault::Kind>();
    for (int i = 0; i < kinds.keyCount(); ++i)
        names << ProxyFault::kindName(ProxyFault::Kind(kinds.value(i)));
    return names.join(u", "_s);
}

} // namespace

QString ProxyFault::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Latency:
        return u"latency"_s;
    case Kind::Bandwidth:
        return u"bandwidth"_s;
    case Kind::Stall:
        return u"stall"_s;
    case Kind::Slicer:
        return u"slicer"_s;
    case Kind::CloseAfterBytes:
        return u"closeAfterBytes"_s;
    case Kind::CutMidEvent:
        return u"cutMidEvent"_s;
    case Kind::SlowClose:
        return u"slowClose"_s;
    case Kind::Down:
        return u"down"_s;
    case Kind::Cut:
        return u"cut"_s;
    case Kind::Reset:
        return u"reset"_s;
    }
    return u"unknown"_s;
}

std::optional<ProxyFault::Kind> ProxyFault::kindFromName(QStringView name)
{
    const QMetaEnum kinds = QMetaEnum::fromType<Kind>();
    for (int i = 0; i < kinds.keyCount(); ++i) {
        const auto kind = Kind(kinds.value(i));
        if (name == kindName(kind))
            return kind;
    }
    return std::nullopt;
}

QString ProxyFault::directionName(Direction direction)
{
    switch (direction) {
    case Direction::Downstream:
        return u"downstream"_s;
    case Direction::Upstream:
        return u"upstream"_s;
    case Direction::Both:
        return u"both"_s;
    }
    return u"unknown"_s;
}

std::optional<ProxyFault::Direction> ProxyFault::directionFromName(QStringView name)
{
    for (Direction direction : { Direction::Downstream, Direction::Upstream, Direction::Both }) {
        if (name == directionName(direction))
            return direction;
    }
    return std::nullopt;
}

QString ProxyFault::validate() const
{
    if (connection < 0)
        return u"connection must be a connection id or \"all\""_s;
    for (const Parameter &range : parametersOf(kind)) {
        const qint64 value = parameter(range.key);
        if (value < range.minimum || value > range.maximum)
            return u"%1 must be from %2 to %3, not %4"_s.arg(range.key)
                    .arg(range.minimum)
                    .arg(range.maximum)
                    .arg(value);
    }
    switch (kind) {
    case Kind::CutMidEvent:
        // Only the server's bytes carry events; the request has none to cut in half.
        if (direction != Direction::Downstream)
            return u"cutMidEvent acts on the downstream event stream only"_s;
        break;
    case Kind::Down:
        // It closes the listener, which serves every client alike.
        if (connection != AllConnections)
            return u"down refuses new connections, so it applies to all connections only"_s;
        break;
    default:
        break;
    }
    return {};
}

QString ProxyFault::description() const
{
    QString text;
    if (id > 0)
        text = u"#%1 "_s.arg(id);
    text += kindName(kind);
    switch (kind) {
    case Kind::Latency:
        text += u" %1"_s.arg(latency.count());
        if (jitter.count() > 0)
            text += u"\u00b1%1"_s.arg(jitter.count());
        text += u" ms"_s;
        break;
    case Kind::Bandwidth:
        text += u" %1 B/s"_s.arg(bytesPerSecond);
        break;
    case Kind::Slicer:
        text += u" 1-%1 B every %2 ms"_s.arg(maximumPieceBytes).arg(delay.count());
        break;
    case Kind::CloseAfterBytes:
        text += u" %1 B"_s.arg(bytes);
        break;
    case Kind::SlowClose:
        text += u" %1 ms"_s.arg(delay.count());
        break;
    case Kind::Down:
        text += duration.count() > 0 ? u" for %1 ms"_s.arg(duration.count()) : u" until removed"_s;
        break;
    case Kind::Stall:
    case Kind::CutMidEvent:
    case Kind::Cut:
    case Kind::Reset:
        break;
    }
    if (kind != Kind::Down && kind != Kind::Cut && kind != Kind::Reset)
        text += u' ' + directionName(direction);
    text += connection == AllConnections ? u", all connections"_s
                                         : u", connection %1"_s.arg(connection);
    return text;
}

QJsonObject ProxyFault::toJson() const
{
    QJsonObject object;
    if (id > 0)
        object.insert("id"_L1, id);
    object.insert("type"_L1, kindName(kind));
    object.insert("direction"_L1, directionName(direction));
    object.insert("connection"_L1,
                  connection == AllConnections ? QJsonValue(u"all"_s) : QJsonValue(connection));
    for (const Parameter &range : parametersOf(kind))
        object.insert(range.key, parameter(range.key));
    object.insert("description"_L1, description());
    return object;
}

std::optional<ProxyFault> ProxyFault::fromJson(const QJsonObject &object, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<ProxyFault> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QJsonValue type = object.value("type"_L1);
    if (!type.isString())
        return fail(u"\"type\" must name the fault: "_s + kindList());
    const std::optional<Kind> kind = kindFromName(type.toString());
    if (!kind)
        return fail(u"unknown fault type \"%1\" (expected one of %2)"_s.arg(type.toString(),
                                                                            kindList()));
    ProxyFault fault;
    fault.kind = *kind;
    // The defaults keep a bare {"type": "slicer"} meaningful: 1-byte pieces, 10 ms apart.
    if (fault.kind == Kind::Slicer)
        fault.delay = std::chrono::milliseconds(10);

    const QList<Parameter> parameters = parametersOf(fault.kind);
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        // A fault listed by the API (with its id and description) can be sent back as it is.
        if (key == "type"_L1 || key == "description"_L1 || key == "id"_L1)
            continue;
        if (key == "direction"_L1) {
            const std::optional<Direction> direction = directionFromName(value.toString());
            if (!direction)
                return fail(u"\"direction\" must be \"downstream\", \"upstream\" or \"both\""_s);
            fault.direction = *direction;
            continue;
        }
        if (key == "connection"_L1) {
            if (value.isString() && value.toString() == "all"_L1) {
                fault.connection = AllConnections;
                continue;
            }
            const double number = value.toDouble(-1);
            if (!value.isDouble() || number < 1 || number > std::numeric_limits<int>::max()
                || std::floor(number) != number)
                return fail(u"\"connection\" must be a connection id or \"all\""_s);
            fault.connection = int(number);
            continue;
        }
        const auto parameter =
                std::find_if(parameters.cbegin(), parameters.cend(),
                             [&key](const Parameter &candidate) { return key == candidate.key; });
        if (parameter == parameters.cend())
            return fail(u"unknown key \"%1\" for a %2 fault"_s.arg(key, kindName(fault.kind)));
        const double number = value.toDouble(std::nan(""));
        // A double holds every integer up to 2^53 exactly; nothing here is larger.
        if (!value.isDouble() || std::floor(number) != number || number < -9.0e15
            || number > 9.0e15)
            return fail(u"\"%1\" must be a whole number"_s.arg(key));
        fault.setParameter(parameter->key, qint64(number));
    }
    if (const QString problem = fault.validate(); !problem.isEmpty())
        return fail(problem);
    return fault;
}
