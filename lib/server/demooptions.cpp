// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "demooptions.h"

#include <cmath>
#include <limits>

#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace DemoOptions {

namespace {

constexpr int IntMax = std::numeric_limits<int>::max();
// A day: longer intervals are indistinguishable from "never" for a test, and QTimer takes int ms.
constexpr int MaximumIntervalMs = 24 * 3600 * 1000;
// Large payloads are built once per channel and copied into every event.
constexpr int MaximumPayloadBytes = 16 * 1024 * 1024;
// One tick's burst is written in one go; past this a tick takes longer than a typical interval.
constexpr int MaximumBurst = 100'000;
// Replay buffers are per channel, and there are up to 64 channels.
constexpr int MaximumReplayCapacity = 1'000'000;
// A minute is past every hop's first-byte limit; the body is held in memory meanwhile.
constexpr int MaximumFirstByteDelayMs = 60'000;

// The retry knobs take any int: testing how a client treats absurd values is part of the job.
constexpr Spec Table[] = {
    { .knob = Knob::Port,
      .type = Type::Integer,
      .scope = Scope::Server,
      .queryName = {},
      .flagName = "port"_L1,
      .jsonKey = "port"_L1,
      .valueName = "port"_L1,
      .minimum = 0,
      .maximum = 65535,
      .help = "TCP port to listen on; 0 picks a free one"_L1 },
    { .knob = Knob::Interval,
      .type = Type::Integer,
      .scope = Scope::Channel,
      .queryName = "interval"_L1,
      .flagName = "interval"_L1,
      .jsonKey = "intervalMs"_L1,
      .valueName = "ms"_L1,
      .minimum = 0,
      .maximum = MaximumIntervalMs,
      .help = "Milliseconds between events; 0 = as fast as possible"_L1 },
    { .knob = Knob::EventType,
      .type = Type::Text,
      .scope = Scope::Channel,
      .queryName = "event"_L1,
      .flagName = "event"_L1,
      .jsonKey = "eventType"_L1,
      .valueName = "type"_L1,
      .help = "Event type (`event:` line); a comma list rotates; none = message"_L1 },
    { .knob = Knob::Payload,
      .type = Type::Payload,
      .scope = Scope::Channel,
      .queryName = "payload"_L1,
      .flagName = "payload"_L1,
      .jsonKey = "payload"_L1,
      .valueName = "kind"_L1,
      .help = "Data: timestamp, json, tokens or large"_L1 },
    { .knob = Knob::PayloadBytes,
      .type = Type::Integer,
      .scope = Scope::Channel,
      .queryName = "bytes"_L1,
      .flagName = "bytes"_L1,
      .jsonKey = "payloadBytes"_L1,
      .valueName = "n"_L1,
      .minimum = 0,
      .maximum = MaximumPayloadBytes,
      .help = "Data size of the large payload"_L1 },
    { .knob = Knob::Burst,
      .type = Type::Integer,
      .scope = Scope::Channel,
      .queryName = "burst"_L1,
      .flagName = "burst"_L1,
      .jsonKey = "burst"_L1,
      .valueName = "n"_L1,
      .minimum = 1,
      .maximum = MaximumBurst,
      .help = "Events per interval"_L1 },
    { .knob = Knob::Retry,
      .type = Type::Integer,
      .scope = Scope::Connection,
      .queryName = "retry"_L1,
      .flagName = "retry"_L1,
      .jsonKey = "retryMs"_L1,
      .valueName = "ms"_L1,
      .minimum = 0,
      .maximum = IntMax,
      .canBeOff = true,
      .help = "Send `retry: MS` at the start of each stream"_L1 },
    { .knob = Knob::DropEvery,
      .type = Type::Integer,
      .scope = Scope::Connection,
      .queryName = "dropEvery"_L1,
      .flagName = "drop-every"_L1,
      .jsonKey = "dropEvery"_L1,
      .valueName = "n"_L1,
      .minimum = 0,
      .maximum = IntMax,
      .help = "Close each connection after N events; 0 = never"_L1 },
    { .knob = Knob::StallAfter,
      .type = Type::Integer,
      .scope = Scope::Connection,
      .queryName = "stallAfter"_L1,
      .flagName = "stall-after"_L1,
      .jsonKey = "stallAfter"_L1,
      .valueName = "n"_L1,
      .minimum = 0,
      .maximum = IntMax,
      .help = "Stop sending after N events but keep the connection open; 0 = never"_L1 },
    { .knob = Knob::Heartbeat,
      .type = Type::Integer,
      .scope = Scope::Connection,
      .queryName = "heartbeat"_L1,
      .flagName = "heartbeat"_L1,
      .jsonKey = "heartbeatMs"_L1,
      .valueName = "ms"_L1,
      .minimum = 0,
      .maximum = MaximumIntervalMs,
      .help = "Send a `: heartbeat` comment every MS milliseconds; 0 = never"_L1 },
    { .knob = Knob::Status,
      .type = Type::Integer,
      .scope = Scope::Connection,
      .queryName = "status"_L1,
      .flagName = "status"_L1,
      .jsonKey = "status"_L1,
      .valueName = "code"_L1,
      .minimum = 200,
      .maximum = 599,
      .help = "HTTP status for /stream; any other than 200 sends a short text body and closes"_L1 },
    { .knob = Knob::RetryAfter,
      .type = Type::Integer,
      .scope = Scope::Connection,
      .queryName = "retryAfter"_L1,
      .flagName = "retry-after"_L1,
      .jsonKey = "retryAfterSeconds"_L1,
      .valueName = "s"_L1,
      .minimum = 0,
      .maximum = IntMax,
      .canBeOff = true,
      .help = "Send `Retry-After: S` (seconds) with a status other than 200"_L1 },
    { .knob = Knob::ContentType,
      .type = Type::Text,
      .scope = Scope::Connection,
      .queryName = "contentType"_L1,
      .flagName = "content-type"_L1,
      .jsonKey = "contentType"_L1,
      .valueName = "type"_L1,
      .help = "Content-Type of the stream; empty = no Content-Type header"_L1 },
    { .knob = Knob::ReplayCapacity,
      .type = Type::Integer,
      .scope = Scope::Server,
      .queryName = {},
      .flagName = "replay-capacity"_L1,
      .jsonKey = "replayCapacity"_L1,
      .valueName = "n"_L1,
      .minimum = 0,
      .maximum = MaximumReplayCapacity,
      .help = "Events each channel keeps to replay after a Last-Event-ID"_L1 },
    // The pathology knobs: each makes one of the findings engine's verdicts on purpose.
    { .knob = Knob::Hold,
      .type = Type::Integer,
      .scope = Scope::Connection,
      .queryName = "hold"_L1,
      .flagName = "hold"_L1,
      .jsonKey = "holdEvents"_L1,
      .valueName = "n"_L1,
      .minimum = 0,
      .maximum = MaximumBurst,
      .help = "Hold back events until N are queued and send them together, as a buffering "
              "proxy does; 0 = send each at once"_L1 },
    { .knob = Knob::Resume,
      .type = Type::Choice,
      .scope = Scope::Connection,
      .queryName = "resume"_L1,
      .flagName = "resume"_L1,
      .jsonKey = "resume"_L1,
      .valueName = "mode"_L1,
      .help = "What a Last-Event-ID gets: replay (the missed events), ignore (live events "
              "only), full (every buffered event from the first) or restart (ids from 1 on "
              "each connection)"_L1,
      .choices = "replay,ignore,full,restart"_L1 },
    { .knob = Knob::FirstByteDelay,
      .type = Type::Integer,
      .scope = Scope::Connection,
      .queryName = "firstByteDelay"_L1,
      .flagName = "first-byte-delay"_L1,
      .jsonKey = "firstByteDelayMs"_L1,
      .valueName = "ms"_L1,
      .minimum = 0,
      .maximum = MaximumFirstByteDelayMs,
      .help = "Send the headers at once but hold the body back for MS milliseconds"_L1 },
    { .knob = Knob::Gzip,
      .type = Type::Integer,
      .scope = Scope::Connection,
      .queryName = "gzip"_L1,
      .flagName = "gzip"_L1,
      .jsonKey = "gzip"_L1,
      .valueName = "0|1"_L1,
      .minimum = 0,
      .maximum = 1,
      .help = "1 = compress the stream (Content-Encoding: gzip), flushed after each write"_L1 },
    { .knob = Knob::ProxyBuffering,
      .type = Type::Integer,
      .scope = Scope::Connection,
      .queryName = "proxyBuffering"_L1,
      .flagName = "proxy-buffering"_L1,
      .jsonKey = "proxyBuffering"_L1,
      .valueName = "0|1"_L1,
      .minimum = 0,
      .maximum = 1,
      .help = "1 = leave out `X-Accel-Buffering: no`, so an nginx in front buffers the "
              "stream"_L1 },
};

// A Choice knob's value as an index into its choices.
int choiceIndex(const DemoServer::Options &options, Knob knob)
{
    return knob == Knob::Resume ? int(options.resume) : 0;
}

void setChoice(DemoServer::Options &options, Knob knob, int index)
{
    if (knob == Knob::Resume)
        options.resume = DemoServer::Resume(index);
}

QStringList choiceNames(const Spec &spec)
{
    return QString(spec.choices).split(u',');
}

// Strict decimal: optional '-' (for the -1 of a knob that is off), digits only, fits in int.
std::optional<int> parseInteger(QStringView text, bool allowMinus)
{
    const bool negative = allowMinus && text.startsWith(u'-');
    const QStringView digits = negative ? text.sliced(1) : text;
    if (digits.isEmpty() || digits.size() > 10)
        return std::nullopt;
    qint64 value = 0;
    for (QChar c : digits) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    value = negative ? -value : value;
    if (value > IntMax || value < std::numeric_limits<int>::min())
        return std::nullopt;
    return int(value);
}

bool containsLineBreak(QStringView text)
{
    return text.contains(u'\r') || text.contains(u'\n') || text.contains(QChar(0));
}

QString rangeError(const Spec &spec, QStringView name, const QString &shown)
{
    return u"%1 must be an integer from %2 to %3%4, not %5"_s.arg(name)
            .arg(spec.minimum)
            .arg(spec.maximum)
            .arg(spec.canBeOff ? u" (or -1 for off)"_s : QString())
            .arg(shown);
}

void setInteger(DemoServer::Options &options, Knob knob, int value)
{
    switch (knob) {
    case Knob::Port:
        options.port = quint16(value);
        break;
    case Knob::Interval:
        options.intervalMs = value;
        break;
    case Knob::PayloadBytes:
        options.payloadBytes = value;
        break;
    case Knob::Burst:
        options.burst = value;
        break;
    case Knob::Retry:
        options.retryMs = value;
        break;
    case Knob::DropEvery:
        options.dropEvery = value;
        break;
    case Knob::StallAfter:
        options.stallAfter = value;
        break;
    case Knob::Heartbeat:
        options.heartbeatMs = value;
        break;
    case Knob::Status:
        options.status = value;
        break;
    case Knob::RetryAfter:
        options.retryAfterSeconds = value;
        break;
    case Knob::ReplayCapacity:
        options.replayCapacity = value;
        break;
    case Knob::Hold:
        options.holdEvents = value;
        break;
    case Knob::FirstByteDelay:
        options.firstByteDelayMs = value;
        break;
    case Knob::Gzip:
        options.gzip = value != 0;
        break;
    case Knob::ProxyBuffering:
        options.proxyBuffering = value != 0;
        break;
    case Knob::EventType:
    case Knob::Payload:
    case Knob::ContentType:
    case Knob::Resume:
        Q_ASSERT_X(false, "DemoOptions", "not an integer knob");
        break;
    }
}

void setText(DemoServer::Options &options, Knob knob, const QString &text)
{
    if (knob == Knob::EventType)
        options.eventType = text;
    else if (knob == Knob::ContentType)
        options.contentType = text.toUtf8();
}

// Empty when value is allowed for an Integer knob; canBeOff admits -1 (Options and JSON only).
bool inRange(const Spec &spec, qint64 value, bool offAllowed)
{
    return (value >= spec.minimum && value <= spec.maximum)
            || (spec.canBeOff && offAllowed && value == -1);
}

} // namespace

std::span<const Spec> specs()
{
    return Table;
}

const Spec &spec(Knob knob)
{
    for (const Spec &candidate : Table) {
        if (candidate.knob == knob)
            return candidate;
    }
    Q_UNREACHABLE();
}

int integerValue(const DemoServer::Options &options, Knob knob)
{
    switch (knob) {
    case Knob::Port:
        return options.port;
    case Knob::Interval:
        return options.intervalMs;
    case Knob::PayloadBytes:
        return options.payloadBytes;
    case Knob::Burst:
        return options.burst;
    case Knob::Retry:
        return options.retryMs;
    case Knob::DropEvery:
        return options.dropEvery;
    case Knob::StallAfter:
        return options.stallAfter;
    case Knob::Heartbeat:
        return options.heartbeatMs;
    case Knob::Status:
        return options.status;
    case Knob::RetryAfter:
        return options.retryAfterSeconds;
    case Knob::ReplayCapacity:
        return options.replayCapacity;
    case Knob::Hold:
        return options.holdEvents;
    case Knob::FirstByteDelay:
        return options.firstByteDelayMs;
    case Knob::Gzip:
        return options.gzip ? 1 : 0;
    case Knob::ProxyBuffering:
        return options.proxyBuffering ? 1 : 0;
    case Knob::EventType:
    case Knob::Payload:
    case Knob::ContentType:
    case Knob::Resume:
        break;
    }
    return 0;
}

QString textValue(const DemoServer::Options &options, Knob knob)
{
    const Spec &knobSpec = spec(knob);
    switch (knobSpec.type) {
    case Type::Integer: {
        const int value = integerValue(options, knob);
        return knobSpec.canBeOff && value < 0 ? QString() : QString::number(value);
    }
    case Type::Payload:
        return DemoServer::payloadName(options.payload);
    case Type::Choice:
        return choiceNames(knobSpec).value(choiceIndex(options, knob));
    case Type::Text:
        return knob == Knob::EventType ? options.eventType : QString::fromUtf8(options.contentType);
    }
    return {};
}

QString setFromText(DemoServer::Options &options, Knob knob, QStringView text, QStringView name)
{
    const Spec &knobSpec = spec(knob);
    switch (knobSpec.type) {
    case Type::Integer: {
        // The text forms have no "off": a knob that is off is simply not given.
        const auto value = parseInteger(text, false);
        if (!value || !inRange(knobSpec, *value, false))
            return u"%1 must be an integer from %2 to %3, not \"%4\""_s.arg(name)
                    .arg(knobSpec.minimum)
                    .arg(knobSpec.maximum)
                    .arg(text);
        setInteger(options, knob, *value);
        return {};
    }
    case Type::Payload:
        if (const auto payload = DemoServer::payloadFromName(text)) {
            options.payload = *payload;
            return {};
        }
        return u"%1 must be timestamp, json, tokens or large, not \"%2\""_s.arg(name, text);
    case Type::Choice: {
        const QStringList names = choiceNames(knobSpec);
        for (qsizetype i = 0; i < names.size(); ++i) {
            if (text.compare(names.at(i), Qt::CaseInsensitive) == 0) {
                setChoice(options, knob, int(i));
                return {};
            }
        }
        return u"%1 must be %2 or %3, not \"%4\""_s.arg(
                name, names.mid(0, names.size() - 1).join(u", "_s), names.constLast(), text);
    }
    case Type::Text:
        if (containsLineBreak(text))
            return u"%1 must not contain line breaks"_s.arg(name);
        setText(options, knob, text.toString());
        return {};
    }
    return {};
}

QueryResult fromQuery(const QUrlQuery &query, const DemoServer::Options &base)
{
    QueryResult result { base, {} };
    for (const Spec &knobSpec : Table) {
        if (knobSpec.queryName.isEmpty() || !query.hasQueryItem(knobSpec.queryName))
            continue;
        const QString name = knobSpec.queryName;
        const QString value = query.queryItemValue(name, QUrl::FullyDecoded);
        result.error = setFromText(result.options, knobSpec.knob, value, name);
        if (!result.error.isEmpty())
            return result;
    }
    return result;
}

QString validate(const DemoServer::Options &options)
{
    for (const Spec &knobSpec : Table) {
        const QString name = knobSpec.jsonKey;
        switch (knobSpec.type) {
        case Type::Integer: {
            const int value = integerValue(options, knobSpec.knob);
            if (!inRange(knobSpec, value, true))
                return rangeError(knobSpec, name, QString::number(value));
            break;
        }
        case Type::Payload:
        case Type::Choice:
            break; // an enum: always one of the names
        case Type::Text:
            if (containsLineBreak(textValue(options, knobSpec.knob)))
                return u"%1 must not contain line breaks"_s.arg(name);
            break;
        }
    }
    return {};
}

QJsonObject toJson(const DemoServer::Options &options)
{
    QJsonObject object;
    for (const Spec &knobSpec : Table) {
        const QString key = knobSpec.jsonKey;
        if (knobSpec.type == Type::Integer)
            object.insert(key, integerValue(options, knobSpec.knob));
        else
            object.insert(key, textValue(options, knobSpec.knob));
    }
    return object;
}

DemoServer::Options fromJson(const QJsonObject &object, QStringList *problems)
{
    DemoServer::Options options;
    const auto reject = [problems](const QString &problem) {
        if (problems)
            problems->append(problem);
    };
    for (const Spec &knobSpec : Table) {
        const QString key = knobSpec.jsonKey;
        const auto found = object.constFind(key);
        if (found == object.constEnd())
            continue;
        const QJsonValue value = found.value();
        switch (knobSpec.type) {
        case Type::Integer: {
            std::optional<qint64> number;
            QString shown;
            if (value.isDouble()) {
                const double real = value.toDouble();
                shown = QString::number(real, 'g', 17);
                // Whole numbers only, and within qint64 before the range check.
                if (std::trunc(real) == real && std::abs(real) < 1e15)
                    number = qint64(real);
            } else if (value.isString()) {
                shown = u"\"%1\""_s.arg(value.toString());
                number = parseInteger(value.toString(), true);
            } else {
                shown = u"a JSON value of the wrong type"_s;
            }
            if (!number || !inRange(knobSpec, *number, true))
                reject(rangeError(knobSpec, key, shown));
            else
                setInteger(options, knobSpec.knob, int(*number));
            break;
        }
        case Type::Payload:
        case Type::Choice:
        case Type::Text: {
            if (!value.isString()) {
                reject(u"%1 must be a string"_s.arg(key));
                break;
            }
            DemoServer::Options candidate = options;
            if (const QString problem =
                        setFromText(candidate, knobSpec.knob, value.toString(), key);
                !problem.isEmpty())
                reject(problem);
            else
                options = candidate;
            break;
        }
        }
    }
    return options;
}

} // namespace DemoOptions
