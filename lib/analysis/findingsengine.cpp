// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "findingsengine.h"

#include <algorithm>
#include <cstring>

#include <QHashFunctions>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

qint64 msecsOf(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : -1;
}

QDateTime timeOf(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

// English numbers as a verdict writes them: "20,900".
QString number(qint64 value)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(value);
}

// "1 event", "20,900 events".
QString counted(qint64 value, const QString &singular, const QString &plural)
{
    return number(value) + u' ' + (value == 1 ? singular : plural);
}

// "47 s", "1.5 s", "250 ms".
QString duration(qint64 ms)
{
    if (ms < 1000)
        return QString::number(ms) + u" ms"_s;
    if (ms < 10'000)
        return QString::number(double(ms) / 1000.0, 'f', 1) + u" s"_s;
    return number((ms + 500) / 1000) + u" s"_s;
}

// An id as a prefix and a trailing number ("1234", "evt-1234", "chat:42"): the form in which
// ids can be counted. Up to 18 digits, so the number fits in qint64.
struct IdParts
{
    bool numeric = false;
    qint64 number = 0;
    qsizetype prefix = 0;
};

IdParts parseId(QStringView id)
{
    IdParts parts;
    const char16_t *const begin = id.utf16();
    const char16_t *p = begin + id.size();
    const char16_t *const limit = p - std::min<qsizetype>(id.size(), 18);
    qint64 number = 0;
    qint64 scale = 1;
    while (p > limit && p[-1] >= u'0' && p[-1] <= u'9') {
        --p;
        number += (*p - u'0') * scale;
        scale *= 10;
    }
    if (p == begin + id.size())
        return parts;
    parts.numeric = true;
    parts.number = number;
    parts.prefix = p - begin;
    return parts;
}

// A fast non-cryptographic hash of the length and at most the first and the last 16 UTF-16
// units: duplicate checks only need to tell recent events apart (events that differ only in
// their middle are rare), and qHash() (SipHash on a baseline x86-64 Qt) cost more per event
// than all the rest of the engine (bench_findings).
size_t textHash(QStringView text)
{
    quint64 hash = 0x9e3779b97f4a7c15ull ^ quint64(text.size());
    const auto mix = [&hash](const char16_t *units, qsizetype count) {
        const auto *bytes = reinterpret_cast<const unsigned char *>(units);
        const qsizetype length = count * qsizetype(sizeof(char16_t));
        qsizetype i = 0;
        for (; i + 8 <= length; i += 8) {
            quint64 word;
            std::memcpy(&word, bytes + i, 8);
            hash = (hash ^ word) * 0xff51afd7ed558ccdull;
            hash ^= hash >> 32;
        }
        for (; i < length; ++i)
            hash = (hash ^ bytes[i]) * 0x100000001b3ull;
    };
    constexpr qsizetype Edge = 16;
    if (text.size() <= 2 * Edge) {
        mix(text.utf16(), text.size());
    } else {
        mix(text.utf16(), Edge);
        mix(text.utf16() + text.size() - Edge, Edge);
    }
    hash ^= hash >> 29;
    return size_t(hash);
}

size_t idHash(QStringView id)
{
    return textHash(id) | 1; // 0 means "no id"
}

// Bounded, so the per-event cost does not grow with the payload.
size_t payloadHash(const QString &data)
{
    return textHash(data);
}

// When the server made an event, if its data says so: an ISO 8601 timestamp on its own, or a
// JSON object with a time field (ISO text or epoch seconds/milliseconds).
std::optional<qint64> producerTime(const QString &data)
{
    const QStringView text = QStringView(data).trimmed();
    if (text.isEmpty() || text.size() > 64 * 1024)
        return std::nullopt;
    const auto fromEpoch = [](double value) -> std::optional<qint64> {
        if (value <= 0)
            return std::nullopt;
        if (value < 1e11)
            return qint64(value * 1000.0);
        if (value < 1e14)
            return qint64(value);
        if (value < 1e17)
            return qint64(value / 1000.0);
        return qint64(value / 1e6);
    };
    const auto fromText = [](const QString &value) -> std::optional<qint64> {
        if (value.size() < 19 || value.size() > 40 || !value.at(0).isDigit())
            return std::nullopt;
        const QDateTime time = QDateTime::fromString(value, Qt::ISODateWithMs);
        return time.isValid() ? std::optional(time.toMSecsSinceEpoch()) : std::nullopt;
    };
    if (text.front() == u'{') {
        const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
        for (const char *key : { "time", "timestamp", "ts", "created", "created_at", "createdAt",
                                 "date", "sentAt", "sent_at", "t" }) {
            const QJsonValue value = object.value(QLatin1String(key));
            if (value.isString()) {
                if (const auto time = fromText(value.toString()))
                    return time;
            } else if (value.isDouble()) {
                if (const auto time = fromEpoch(value.toDouble()))
                    return time;
            }
        }
        return std::nullopt;
    }
    if (const auto time = fromText(text.toString()))
        return time;
    if ((text.size() == 10 || text.size() == 13)
        && std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); }))
        return fromEpoch(text.toDouble());
    return std::nullopt;
}

QByteArray headerValue(const StreamRecord::HeaderList &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// The hop that most likely holds a stream back, named by what it writes into the response.
struct Layer
{
    QString name;
    QByteArray header;
    QByteArray value;
    QString fix;
};

Layer likelyLayer(const StreamRecord::HeaderList &headers)
{
    const auto has = [&headers](const char *name) { return !headerValue(headers, name).isNull(); };
    const auto layer = [&headers](const QString &name, const char *header, const QString &fix) {
        return Layer { name, QByteArray(header), headerValue(headers, header), fix };
    };
    const QByteArray server = headerValue(headers, "Server").toLower();
    const QByteArray via = headerValue(headers, "Via").toLower();
    const QString genericFix = u"flush after each event, and turn off response buffering and "
                               "compression for text/event-stream on every hop"_s;
    if (!headerValue(headers, "Content-Encoding").isEmpty()
        && headerValue(headers, "Content-Encoding").trimmed().toLower() != "identity")
        return layer(u"compression middleware"_s, "Content-Encoding",
                     u"do not compress text/event-stream (compression buffers until a block "
                     "fills), or flush the compressor after each event"_s);
    if (has("cf-ray") || server.contains("cloudflare"))
        return layer(u"Cloudflare"_s, has("cf-ray") ? "cf-ray" : "Server",
                     u"send the stream uncompressed with Content-Type: text/event-stream and "
                     "Cache-Control: no-cache, and check Workers or tunnels in the path for "
                     "buffering; "_s
                             + genericFix);
    if (has("x-amz-cf-id") || via.contains("cloudfront"))
        return layer(u"Amazon CloudFront"_s, has("x-amz-cf-id") ? "x-amz-cf-id" : "Via",
                     u"disable compression for text/event-stream in the cache behaviour; "_s
                             + genericFix);
    if (has("fly-request-id"))
        return layer(u"Fly.io proxy"_s, "fly-request-id", genericFix);
    if (has("x-vercel-id"))
        return layer(u"Vercel"_s, "x-vercel-id", genericFix);
    if (has("x-fastly-request-id") || has("x-served-by"))
        return layer(u"Fastly"_s,
                     has("x-fastly-request-id") ? "x-fastly-request-id" : "x-served-by",
                     genericFix);
    if (has("x-azure-ref"))
        return layer(u"Azure Front Door"_s, "x-azure-ref", genericFix);
    if (server.contains("envoy") || has("x-envoy-upstream-service-time"))
        return layer(u"Envoy"_s,
                     server.contains("envoy") ? "Server" : "x-envoy-upstream-service-time",
                     genericFix);
    if (server.contains("nginx") || server.contains("openresty") || has("X-Accel-Buffering"))
        return layer(u"nginx"_s, server.isEmpty() ? "X-Accel-Buffering" : "Server",
                     u"send X-Accel-Buffering: no from the application, or set "
                     "proxy_buffering off; for this location"_s);
    if (server.contains("apache"))
        return layer(u"Apache httpd"_s, "Server",
                     u"set flushpackets=on on the ProxyPass, and exclude text/event-stream "
                     "from mod_deflate"_s);
    if (server.contains("caddy"))
        return layer(u"Caddy"_s, "Server", u"set flush_interval -1 on reverse_proxy"_s);
    if (via.contains("google") || has("x-goog-request-id"))
        return layer(u"Google Cloud load balancer"_s,
                     via.contains("google") ? "Via" : "x-goog-request-id", genericFix);
    if (!via.isEmpty())
        return layer(u"a proxy"_s, "Via", genericFix);
    return Layer {
        u"a proxy or middleware between the server and SSE Scope"_s, {}, {}, genericFix
    };
}

bool isHeartbeatEvent(const SseEvent &event)
{
    // Most events are "message"s with longer data: the first letter rules them out cheaply.
    const auto small = [](const QString &text) {
        if (text.size() < 4 || text.size() > 10)
            return false;
        const char16_t first = char16_t(text.at(0).unicode() | 0x20);
        return (first == u'p' || first == u'h' || first == u'k')
                && (text.compare(u"ping"_s, Qt::CaseInsensitive) == 0
                    || text.compare(u"heartbeat"_s, Qt::CaseInsensitive) == 0
                    || text.compare(u"keepalive"_s, Qt::CaseInsensitive) == 0
                    || text.compare(u"keep-alive"_s, Qt::CaseInsensitive) == 0);
    };
    return small(event.type) || small(event.data);
}

// An HTML page where event data belongs: a proxy's or framework's error page relayed as data.
bool looksLikeHtml(const QString &data)
{
    if (data.isEmpty())
        return false;
    const QChar first = data.at(0);
    if (first != u'<' && !first.isSpace())
        return false;
    const QStringView text = QStringView(data).left(256).trimmed();
    for (QStringView start : { u"<!doctype html", u"<html", u"<head", u"<body", u"<title" }) {
        if (text.startsWith(start, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString titleOf(const QString &html)
{
    const qsizetype open = html.indexOf(u"<title>"_s, 0, Qt::CaseInsensitive);
    const qsizetype close = html.indexOf(u"</title>"_s, open, Qt::CaseInsensitive);
    if (open < 0 || close < 0)
        return {};
    return html.mid(open + 7, close - open - 7).simplified();
}

QJsonArray limitsJson(const QList<HopLimit> &limits)
{
    QJsonArray array;
    for (const HopLimit &limit : limits) {
        array.append(QJsonObject { { u"name"_s, limit.name },
                                   { u"setting"_s, limit.setting },
                                   { u"limitMs"_s, qint64(limit.limit.count()) } });
    }
    return array;
}

QString limitText(const HopLimit &limit)
{
    return limit.name + u' ' + limit.setting + u' ' + duration(limit.limit.count());
}

} // namespace

QList<HopLimit> FindingsEngine::defaultHopLimits()
{
    return {
        { u"nginx"_s, u"proxy_read_timeout"_s, 60s },
        { u"AWS ALB"_s, u"idle timeout"_s, 60s },
        { u"Cloudflare"_s, u"proxy read timeout"_s, 100s },
        { u"Heroku"_s, u"rolling 55 s window"_s, 55s },
        { u"Google Cloud load balancer"_s, u"backend service timeout"_s, 30s },
    };
}

FindingsEngine::FindingsEngine()
    : FindingsEngine(Settings())
{}

FindingsEngine::FindingsEngine(const Settings &settings)
    : m_settings(settings)
    , m_sortedLimits(settings.hopLimits)
{
    std::stable_sort(m_sortedLimits.begin(), m_sortedLimits.end(),
                     [](const HopLimit &a, const HopLimit &b) { return a.limit < b.limit; });
}

QList<StreamRecord> FindingsEngine::takeFindings()
{
    return std::exchange(m_found, {});
}

void FindingsEngine::setOtherOpenStreams(int count)
{
    m_otherOpenStreams = std::max(count, 0);
    if (m_connection.openAt >= 0)
        checkOriginStreams(m_now);
}

bool FindingsEngine::once(const QString &id)
{
    if (m_given.contains(id))
        return false;
    m_given.append(id);
    return true;
}

void FindingsEngine::report(Finding finding, int connection, qint64 at)
{
    m_found.append(StreamRecord::fromFinding(finding, connection, timeOf(at)));
}

// ---------------------------------------------------------------------------------------------
// Events: the hot path. Everything here is a few comparisons unless something is found.

void FindingsEngine::addEvent(const SseEvent &event)
{
    ++m_position;
    const qint64 at = msecsOf(event.receivedAt);
    if (at > m_now)
        m_now = at;
    if (event.connection != m_connection.number) {
        // Events without a Connecting record (a recording cut at the front): a connection all
        // the same.
        endConnection(at);
        m_connection = Connection();
        m_connection.number = event.connection;
        m_connection.openAt = at;
        m_connection.lastBodyAt = at;
    }
    ++m_connection.events;

    // One read's events share their receivedAt; an arrival is those within burstSpread.
    if (m_arrival.count > 0 && at - m_arrival.firstAt > m_settings.burstSpread.count())
        closeArrival();
    if (m_arrival.count == 0) {
        m_arrival.firstAt = at;
        m_arrival.silenceBefore = m_connection.lastBodyAt >= 0 ? at - m_connection.lastBodyAt : 0;
        m_arrival.firstPosition = m_position;
        // Only an arrival after a silence (or the first read) can be judged; under a firehose
        // none is, and its events are not even referenced.
        m_arrival.judged = m_arrival.silenceBefore >= m_settings.burstSilence.count()
                || m_connection.firstBodyAt < 0 || m_connection.firstReadPending;
        if (m_arrival.judged) {
            m_arrival.firstData = event.data; // implicitly shared: no copy
            m_arrival.firstId = event.lastEventId;
        }
    }
    ++m_arrival.count;
    if (m_arrival.judged) {
        m_arrival.lastData = event.data;
        m_arrival.lastId = event.lastEventId;
    }

    handleBody(at, true);
    if (isHeartbeatEvent(event))
        handleHeartbeat(at, u"event"_s);

    // Ids: numbers that rise by one can be counted; anything seen before is a duplicate.
    size_t idHashValue = 0;
    if (event.hasId) {
        ++m_eventsWithId;
        const QStringView id(event.lastEventId);
        const IdParts parts = parseId(id);
        // A plain number is its own hash (mixed); other ids are hashed as text.
        idHashValue = parts.numeric && parts.prefix == 0 && id.size() < 19
                ? size_t((quint64(parts.number) ^ quint64(id.size()) << 59) * 0x9e3779b97f4a7c15ull)
                        | 1
                : idHash(id);
        if (parts.numeric && m_lastIdNumeric && m_connection.events > 1 && !m_resume.active
            && parts.prefix == m_lastIdPrefix
            && (parts.prefix == 0
                || id.first(parts.prefix) == QStringView(m_lastId).first(m_lastIdPrefix))) {
            ++m_idSteps;
            if (parts.number == m_lastIdNumber + 1)
                ++m_unitSteps;
            else if (parts.number < m_lastIdNumber && !m_connection.backwardsReported) {
                m_connection.backwardsReported = true;
                Finding finding;
                finding.id = u"ids.backwards"_s;
                finding.severity = Finding::Severity::Warning;
                finding.verdict = u"Event ids went backwards from %1 to %2 on connection %3"_s
                                          .arg(m_lastId, event.lastEventId)
                                          .arg(m_connection.number);
                finding.parameters = { { u"previousId"_s, m_lastId },
                                       { u"id"_s, event.lastEventId },
                                       { u"connection"_s, m_connection.number } };
                finding.evidence.connections = { m_connection.number };
                finding.evidence.eventIds = { m_lastId, event.lastEventId };
                finding.evidence.records = { m_position };
                finding.evidence.times = { timeOf(at) };
                finding.advice = u"Give every event an id larger than the one before: a client "
                                 "resuming with Last-Event-ID relies on their order"_s;
                report(finding, m_connection.number, at);
            }
        }
        if (parts.numeric && !m_firstIdNumber)
            m_firstIdNumber = parts.number;
        m_lastIdNumeric = parts.numeric;
        m_lastIdNumber = parts.number;
        m_lastIdPrefix = parts.prefix;
    } else {
        ++m_eventsWithoutId;
    }
    m_lastId = event.lastEventId;
    const size_t payload = payloadHash(event.data);
    if (m_resume.pending && event.connection == m_resume.connection)
        checkResumeEvent(event, at, idHashValue, payload);
    m_seen[size_t(m_seenCount % SeenCapacity)] = { idHashValue, payload };
    ++m_seenCount;

    if (looksLikeHtml(event.data) && once(u"hygiene.html-data"_s)) {
        Finding finding;
        finding.id = u"hygiene.html-data"_s;
        finding.severity = Finding::Severity::Problem;
        const QString title = titleOf(event.data);
        finding.verdict = title.isEmpty()
                ? u"An HTML page arrived as event data: an error page relayed as a stream"_s
                : u"An HTML page (\"%1\") arrived as event data: an error page relayed as a "
                  "stream"_s.arg(title);
        finding.parameters = { { u"title"_s, title },
                               { u"excerpt"_s, event.data.left(120) },
                               { u"connection"_s, m_connection.number } };
        finding.evidence.connections = { m_connection.number };
        if (event.hasId)
            finding.evidence.eventIds = { event.lastEventId };
        finding.evidence.records = { m_position };
        finding.evidence.times = { timeOf(at) };
        finding.advice = u"Look at the upstream that produced the page (its status and logs), "
                         "and end the stream with an error event the client can read instead "
                         "of relaying HTML"_s;
        report(finding, m_connection.number, at);
    }
}

void FindingsEngine::handleBody(qint64 at, bool isEvent)
{
    Connection &connection = m_connection;
    if (connection.firstBodyAt < 0) {
        connection.firstBodyAt = at;
        connection.firstReadPending = connection.openAt >= 0;
        connection.firstReadHadControl = !isEvent;
    }
    if (connection.lastBodyAt >= 0)
        noteSilence(at - connection.lastBodyAt, at);
    connection.lastBodyAt = at;
    connection.silentReported = false;
    ++connection.bodyItems;
}

// A silence between two body bytes (or until now) against the hop table: work only when it
// passes the next limit.
void FindingsEngine::noteSilence(qint64 silence, qint64 at)
{
    if (silence <= m_longestSilence)
        return;
    m_longestSilence = silence;
    if (m_limitsExceeded >= m_sortedLimits.size()
        || silence < m_sortedLimits.at(m_limitsExceeded).limit.count())
        return;
    while (m_limitsExceeded < m_sortedLimits.size()
           && silence >= m_sortedLimits.at(m_limitsExceeded).limit.count())
        ++m_limitsExceeded;
    const QList<HopLimit> exceeded = m_sortedLimits.first(m_limitsExceeded);
    QStringList names;
    for (const HopLimit &limit : exceeded)
        names.append(limitText(limit));
    Finding finding;
    finding.id = u"idle.hop-limit"_s;
    finding.severity = Finding::Severity::Warning;
    finding.verdict = u"The stream was silent for %1, longer than %2: a hop with that limit "
                      "would cut it"_s.arg(duration(silence), names.join(u", "_s));
    finding.parameters = { { u"silenceMs"_s, silence },
                           { u"exceeded"_s, limitsJson(exceeded) },
                           { u"heartbeatSeen"_s, m_heartbeats > 0 },
                           { u"connection"_s, m_connection.number } };
    finding.evidence.connections = { m_connection.number };
    finding.evidence.records = { m_position };
    finding.evidence.times = { timeOf(at - silence), timeOf(at) };
    finding.advice = u"Send a comment line (\": ping\") every 15 s so that no hop sees the "
                     "stream idle, or raise the hop's timeout"_s;
    report(finding, m_connection.number, at);
}

void FindingsEngine::handleHeartbeat(qint64 at, const QString &kind)
{
    if (m_lastHeartbeatAt >= 0) {
        m_heartbeatIntervalSum += at - m_lastHeartbeatAt;
        ++m_heartbeats;
    }
    m_lastHeartbeatAt = at;
    m_heartbeatKind = kind;
    if (m_heartbeatReported || m_heartbeats < 2)
        return;
    m_heartbeatReported = true;
    const qint64 interval = m_heartbeatIntervalSum / m_heartbeats;
    const HopLimit shortest =
            m_sortedLimits.isEmpty() ? HopLimit { {}, {}, 0ms } : m_sortedLimits.constFirst();
    const bool tooSlow = shortest.limit.count() > 0 && interval >= shortest.limit.count();
    Finding finding;
    finding.id = u"idle.heartbeat"_s;
    finding.severity = tooSlow ? Finding::Severity::Warning : Finding::Severity::Info;
    finding.verdict = tooSlow
            ? u"Heartbeat every %1 (%2s), longer than %3: that hop would cut the stream between "
              "two heartbeats"_s.arg(duration(interval), kind, limitText(shortest))
            : u"Heartbeat every %1 (%2s)"_s.arg(duration(interval), kind);
    finding.parameters = { { u"intervalMs"_s, interval },
                           { u"kind"_s, kind },
                           { u"shortestLimitName"_s, shortest.name },
                           { u"shortestLimitMs"_s, qint64(shortest.limit.count()) } };
    finding.evidence.connections = { m_connection.number };
    finding.evidence.records = { m_position };
    finding.evidence.times = { timeOf(at) };
    if (tooSlow)
        finding.advice = u"Send the heartbeat at least every %1"_s.arg(
                duration(std::max<qint64>(shortest.limit.count() / 2, 1000)));
    report(finding, m_connection.number, at);
}

// ---------------------------------------------------------------------------------------------
// Buffering: arrivals of many events after a silence that the server made spread out.

void FindingsEngine::closeArrival()
{
    if (m_arrival.count > 0)
        evaluateArrival();
    m_arrival.count = 0;
    m_arrival.firstData.clear();
    m_arrival.lastData.clear();
}

void FindingsEngine::evaluateArrival()
{
    const Arrival &arrival = m_arrival;
    Connection &connection = m_connection;
    const bool firstRead = connection.firstReadPending && arrival.firstAt == connection.firstBodyAt;
    const bool candidate = arrival.count >= m_settings.burstEvents
            && arrival.silenceBefore >= m_settings.burstSilence.count();
    if (!firstRead && !candidate) {
        // A lone event after a pause: the rhythm the server keeps when nothing buffers.
        if (arrival.count == 1 && arrival.silenceBefore >= 20) {
            m_rhythm[size_t(m_rhythmCount % int(m_rhythm.size()))] = arrival.silenceBefore;
            ++m_rhythmCount;
        }
        return;
    }
    // Only candidates get their data parsed for timestamps: two parses per burst at most.
    qint64 producerSpan = -1;
    if (arrival.count >= 2) {
        const auto first = producerTime(arrival.firstData);
        const auto last = producerTime(arrival.lastData);
        if (first && last && *last >= *first)
            producerSpan = *last - *first;
    }
    if (firstRead) {
        connection.firstReadPending = false;
        evaluateFirstRead(producerSpan);
        return;
    }
    QString evidence;
    if (producerSpan >= 0 && producerSpan * 2 >= arrival.silenceBefore
        && producerSpan >= m_settings.burstSilence.count() / 2) {
        evidence = u"timestamps"_s;
    } else if (m_rhythmCount >= 4) {
        const int count = std::min(m_rhythmCount, int(m_rhythm.size()));
        const auto [low, high] = std::minmax_element(m_rhythm.begin(), m_rhythm.begin() + count);
        qint64 sum = 0;
        for (int i = 0; i < count; ++i)
            sum += m_rhythm[size_t(i)];
        const qint64 rhythm = sum / count;
        const qint64 expected = rhythm * arrival.count;
        if (*high * 2 <= *low * 3 && expected * 2 >= arrival.silenceBefore
            && expected <= arrival.silenceBefore * 2)
            evidence = u"rhythm"_s;
    }
    if (evidence.isEmpty())
        return;
    ++connection.bursts;
    if (arrival.count > m_biggestBurst.events)
        m_biggestBurst = Burst { arrival.count,         arrival.silenceBefore,
                                 producerSpan,          evidence,
                                 arrival.firstId,       arrival.lastId,
                                 arrival.firstPosition, arrival.firstAt };
    if (connection.burstReported || connection.bursts < m_settings.burstRepeats)
        return;
    connection.burstReported = true;
    const Layer layer = likelyLayer(connection.headers);
    const Burst &burst = m_biggestBurst;
    Finding finding;
    finding.id = u"buffering.burst"_s;
    finding.severity = Finding::Severity::Problem;
    finding.verdict =
            u"Events arrive in bursts: %1 events in one read after %2 of silence, though the "
            "server %3; likely held back by %4"_s.arg(
                    number(burst.events), duration(burst.silence),
                    burst.evidence == u"timestamps"_s
                            ? u"made them over %1 (timestamps in "
                              "the data)"_s.arg(duration(burst.producerSpan))
                            : u"kept a steady rhythm before"_s,
                    layer.name);
    finding.parameters = { { u"events"_s, burst.events },
                           { u"silenceMs"_s, burst.silence },
                           { u"producerSpanMs"_s, burst.producerSpan },
                           { u"evidence"_s, burst.evidence },
                           { u"bursts"_s, connection.bursts },
                           { u"layer"_s, layer.name },
                           { u"layerHeader"_s, QString::fromLatin1(layer.header) },
                           { u"layerValue"_s, QString::fromLatin1(layer.value) },
                           { u"connection"_s, connection.number } };
    finding.evidence.connections = { connection.number };
    finding.evidence.eventIds = { burst.firstId, burst.lastId };
    finding.evidence.records = { burst.position };
    finding.evidence.times = { timeOf(burst.at) };
    if (!layer.header.isEmpty())
        finding.evidence.headers = { { layer.header, layer.value } };
    finding.advice = layer.fix.at(0).toUpper() + layer.fix.mid(1);
    report(finding, connection.number, arrival.firstAt);
}

void FindingsEngine::evaluateFirstRead(qint64 producerSpan)
{
    const Connection &connection = m_connection;
    const qint64 delay = m_arrival.firstAt - connection.openAt;
    if (delay < m_settings.lateFirstByteAfter.count())
        return;
    // Held back, not just quiet: several events, or a retry:/comment a server sends at once,
    // or events the server made well before they came.
    const bool held =
            m_arrival.count >= 2 || connection.firstReadHadControl || producerSpan * 2 >= delay;
    if (!held)
        return;
    const Layer layer = likelyLayer(connection.headers);
    Finding finding;
    finding.id = u"buffering.first-byte"_s;
    finding.severity = Finding::Severity::Problem;
    finding.verdict = u"The headers came at once but the body %1 later, %2 events in its first "
                      "read: something held the body back, likely %3"_s.arg(
                              duration(delay), number(m_arrival.count), layer.name);
    finding.parameters = { { u"delayMs"_s, delay },
                           { u"events"_s, m_arrival.count },
                           { u"producerSpanMs"_s, producerSpan },
                           { u"layer"_s, layer.name },
                           { u"layerHeader"_s, QString::fromLatin1(layer.header) },
                           { u"layerValue"_s, QString::fromLatin1(layer.value) },
                           { u"connection"_s, connection.number } };
    finding.evidence.connections = { connection.number };
    finding.evidence.eventIds = { m_arrival.firstId };
    finding.evidence.records = { connection.openPosition, m_arrival.firstPosition };
    finding.evidence.times = { timeOf(connection.openAt), timeOf(m_arrival.firstAt) };
    if (!layer.header.isEmpty())
        finding.evidence.headers = { { layer.header, layer.value } };
    finding.advice = layer.fix.at(0).toUpper() + layer.fix.mid(1);
    report(finding, connection.number, m_arrival.firstAt);
}

// ---------------------------------------------------------------------------------------------
// Records.

void FindingsEngine::addRecord(const StreamRecord &record)
{
    using Kind = StreamRecord::Kind;
    if (record.kind == Kind::Event) {
        addEvent(record.toEvent());
        return;
    }
    if (record.kind == Kind::Session || record.kind == Kind::Finding)
        return;
    ++m_position;
    const qint64 at = record.time.isValid() ? msecsOf(record.time) : m_now;
    if (at > m_now)
        m_now = at;
    switch (record.kind) {
    case Kind::Connecting:
        handleConnecting(record);
        break;
    case Kind::Open:
        handleOpen(record);
        break;
    case Kind::Retry:
        m_retrySeen = true;
        if (record.connection == m_connection.number)
            handleBody(at, false);
        break;
    case Kind::Comment:
        if (record.connection == m_connection.number)
            handleBody(at, false);
        handleHeartbeat(at, u"comment"_s);
        break;
    case Kind::Error:
        handleError(record);
        break;
    case Kind::Reconnecting:
    case Kind::Closed:
        closeArrival();
        if (m_resume.active)
            giveResumeVerdict(at);
        if (record.kind == Kind::Closed)
            endConnection(at);
        break;
    case Kind::Redirect:
    case Kind::Event:
    case Kind::Session:
    case Kind::Finding:
    case Kind::Control:
    case Kind::Summary: // a row of the story (it counts), but a face's sum, not the stream's
        break;
    }
}

void FindingsEngine::startRun()
{
    m_given.clear();
    m_lastId.clear();
    m_lastIdNumeric = false;
    m_lastIdNumber = 0;
    m_lastIdPrefix = 0;
    m_firstIdNumber.reset();
    m_idSteps = 0;
    m_unitSteps = 0;
    m_eventsWithId = 0;
    m_eventsWithoutId = 0;
    m_noIdsReported = false;
    m_retrySeen = false;
    m_seenCount = 0;
    m_connectionsWithEvents = 0;
    m_previousConnection = 0;
    m_rhythmCount = 0;
    m_biggestBurst = Burst();
}

void FindingsEngine::handleConnecting(const StreamRecord &record)
{
    const qint64 at = msecsOf(record.time) >= 0 ? msecsOf(record.time) : m_now;
    closeArrival();
    if (m_resume.active)
        giveResumeVerdict(at);
    endConnection(at);
    // A face that opens the reader again starts its numbering over: a new run, which resumes
    // only when it sends a Last-Event-ID.
    const bool newRun = record.connection <= m_lastConnectionNumber;
    if (newRun && record.lastEventId.isEmpty())
        startRun();
    m_lastConnectionNumber = record.connection;

    m_connection = Connection();
    m_connection.number = record.connection;
    m_connection.connectingAt = at;
    m_connection.connectingPosition = m_position;
    m_connection.url = record.url;

    m_resume = Resume();
    const bool hadEvents = m_eventsWithId + m_eventsWithoutId > 0;
    if (!hadEvents)
        return;
    if (record.lastEventId.isEmpty()) {
        if (m_eventsWithId == 0 && !m_noIdsReported) {
            m_noIdsReported = true;
            Finding finding;
            finding.id = u"resume.no-ids"_s;
            finding.severity = Finding::Severity::Warning;
            finding.verdict = u"Reconnecting without Last-Event-ID: the server sends no ids, so "
                              "the events it sends meanwhile are lost and cannot be replayed"_s;
            finding.parameters = { { u"eventsWithoutId"_s, m_eventsWithoutId },
                                   { u"connection"_s, record.connection } };
            finding.evidence.connections = { m_previousConnection, record.connection };
            finding.evidence.records = { m_position };
            finding.evidence.times = { timeOf(at) };
            finding.advice = u"Give every event an id (\"id: 42\") and replay the events after "
                             "the Last-Event-ID a reconnecting client sends"_s;
            report(finding, record.connection, at);
        }
        if (newRun)
            return; // a fresh start: repeating what came before is expected
    }
    Resume &resume = m_resume;
    resume.pending = true;
    resume.connection = record.connection;
    resume.previousConnection = m_previousConnection;
    resume.sent = record.lastEventId;
    resume.lastIdBefore = m_lastId;
    const IdParts sent = parseId(resume.sent);
    const IdParts last = parseId(m_lastId);
    resume.sentNumeric = sent.numeric
            && QStringView(resume.sent).first(sent.prefix)
                    == QStringView(m_lastId).first(last.prefix);
    resume.sentNumber = sent.number;
    resume.contiguous = m_idSteps >= 1 && m_unitSteps * 10 >= m_idSteps * 9;
    resume.seenMark = m_seenCount;
    resume.connectingPosition = m_position;
    resume.connectingAt = at;
}

void FindingsEngine::checkResumeEvent(const SseEvent &event, qint64 at, size_t idHashValue,
                                      size_t payload)
{
    Resume &resume = m_resume;
    const bool inReplay = !resume.active || at - resume.lastAt <= m_settings.replayPause.count();
    if (!resume.active) {
        resume.active = true;
        resume.firstAt = at;
        resume.firstPosition = m_position;
        resume.firstId = event.hasId ? event.lastEventId : QString();
    }
    // History: what came before this connection started, as far as the ring remembers.
    const qint64 historyEnd = resume.seenMark;
    const qint64 historyStart = std::max<qint64>(0, historyEnd - SeenCapacity);
    bool idSeen = false;
    bool eventSeen = false;
    for (qint64 i = historyEnd - 1; i >= historyStart && !eventSeen; --i) {
        const Seen &seen = m_seen[size_t(i % SeenCapacity)];
        if (idHashValue != 0 && seen.id == idHashValue) {
            idSeen = true;
            eventSeen = seen.payload == payload;
        } else if (idHashValue == 0 && seen.id == 0 && seen.payload == payload) {
            eventSeen = true;
        }
        if (idSeen && !eventSeen)
            break;
    }
    if (event.hasId) {
        if (eventSeen)
            ++resume.duplicates;
        else if (idSeen)
            ++resume.reusedIds;
    } else if (eventSeen) {
        ++resume.payloadRepeats;
        if (resume.events == 0)
            resume.firstRepeated = true;
    }
    if (event.hasId) {
        const IdParts parts = parseId(event.lastEventId);
        if (parts.numeric) {
            if (resume.events == 0 || !resume.firstNumeric) {
                if (resume.events == 0) {
                    resume.firstNumeric = true;
                    resume.firstNumber = parts.number;
                }
            } else if (resume.previousNumeric && parts.number > resume.previousNumber + 1
                       && resume.contiguous) {
                resume.lost += parts.number - resume.previousNumber - 1;
            } else if (resume.previousNumeric && parts.number < resume.previousNumber) {
                resume.backwards = true;
            }
            resume.previousNumeric = true;
            resume.previousNumber = parts.number;
        }
    }
    if (!inReplay) {
        // The first live event after the replay: counted for losses above, then the verdict.
        resume.nextId = event.lastEventId;
        giveResumeVerdict(at);
        return;
    }
    ++resume.events;
    resume.lastAt = at;
    resume.lastId = event.hasId ? event.lastEventId : resume.lastId;
    if (resume.events >= 256)
        giveResumeVerdict(at);
}

void FindingsEngine::giveResumeVerdict(qint64 at)
{
    Resume resume = std::exchange(m_resume, Resume());
    if (!resume.active)
        return;
    Finding finding;
    const QString sent = resume.sent;
    const QString head = sent.isEmpty()
            ? u"Reconnected without Last-Event-ID"_s
            : u"Resumed after id %1 (sent as Last-Event-ID)"_s.arg(sent);
    const QString range = resume.firstId.isEmpty() ? QString()
            : resume.lastId == resume.firstId || resume.lastId.isEmpty()
            ? resume.firstId
            : resume.firstId + u"\u2013"_s + resume.lastId;
    // Without ids, only a run of repeats counts: short payloads (tokens) repeat by nature.
    const qint64 payloadRepeats = resume.firstRepeated && resume.payloadRepeats >= 3
                    && resume.payloadRepeats * 2 >= resume.events
            ? resume.payloadRepeats
            : 0;
    const qint64 repeated = resume.duplicates + payloadRepeats;
    qint64 lost = resume.lost;
    if (resume.sentNumeric && resume.firstNumeric && resume.contiguous
        && resume.firstNumber > resume.sentNumber + 1)
        lost += resume.firstNumber - resume.sentNumber - 1;
    // Started over: from the run's first id, or from 0 or 1, while the client was further on.
    const bool restarted = resume.firstNumeric && resume.sentNumeric
            && resume.sentNumber > resume.firstNumber
            && (resume.firstNumber <= 1
                || (m_firstIdNumber && resume.firstNumber == *m_firstIdNumber));
    const bool backwards =
            resume.sentNumeric && resume.firstNumeric && resume.firstNumber <= resume.sentNumber;

    if (restarted) {
        finding.id = u"resume.restart"_s;
        finding.severity = Finding::Severity::Problem;
        finding.verdict = u"%1: the server started again from id %2 (Last-Event-ID ignored)"_s.arg(
                                  head, resume.firstId)
                + (repeated > 0 ? u"; %1 delivered twice"_s.arg(
                           counted(repeated, u"event"_s, u"events"_s))
                                : QString());
        finding.advice = u"Read the Last-Event-ID request header and continue after it; a "
                         "stream that cannot resume (e.g. a POST that starts a new answer) "
                         "should say so, e.g. with new ids per answer and no retry"_s;
    } else if (repeated > 0) {
        finding.id = u"resume.duplicate"_s;
        finding.severity = Finding::Severity::Warning;
        finding.verdict = resume.firstId.isEmpty()
                ? u"%1: %2 payloads received before (the stream has no ids)"_s.arg(
                        head, counted(repeated, u"event repeats"_s, u"events repeat"_s))
                : u"%1: the server replayed from %2; %3 delivered twice"_s.arg(
                        head, resume.firstId, counted(repeated, u"event"_s, u"events"_s));
        finding.advice = u"Replay only the events after the Last-Event-ID the client sent"_s;
    } else if (backwards || resume.reusedIds > 0 || resume.backwards) {
        finding.id = u"resume.backwards"_s;
        finding.severity = Finding::Severity::Warning;
        finding.verdict = u"%1: ids went back to %2"_s.arg(head, resume.firstId);
        finding.advice = u"Keep ids increasing across connections (a server restart must not "
                         "start over), so that Last-Event-ID means the same thing to both "
                         "sides"_s;
    } else if (lost > 0) {
        finding.id = u"resume.gap"_s;
        finding.severity = Finding::Severity::Problem;
        finding.verdict = resume.firstNumeric && resume.firstNumber > resume.sentNumber + 1
                ? u"%1: next event was %2, %3 lost"_s.arg(head, resume.firstId,
                                                          counted(lost, u"event"_s, u"events"_s))
                : u"%1: server replayed %2 with gaps, %3 lost"_s.arg(
                        head, range, counted(lost, u"event"_s, u"events"_s));
        finding.advice = u"Keep enough events to replay what a client misses while it "
                         "reconnects (a longer replay buffer or a store keyed by id), and "
                         "replay every event after the Last-Event-ID"_s;
    } else if (!sent.isEmpty()) {
        finding.id = u"resume.clean"_s;
        finding.severity = Finding::Severity::Info;
        const bool counted = resume.sentNumeric && resume.firstNumeric && resume.contiguous;
        finding.verdict = head
                + (resume.events > 1 ? u": server replayed %1"_s.arg(range)
                                     : u": server continued with %1"_s.arg(range))
                + (counted ? u", nothing lost, no duplicate"_s
                           : u", no duplicate (ids are not consecutive, so losses cannot be "
                             "counted)"_s);
    } else {
        return; // no ids, nothing repeated: resume.no-ids has said what there is to say
    }
    finding.parameters = { { u"lastEventId"_s, sent },
                           { u"firstId"_s, resume.firstId },
                           { u"lastReplayedId"_s, resume.lastId },
                           { u"nextId"_s, resume.nextId },
                           { u"replayed"_s, resume.events },
                           { u"lost"_s, lost },
                           { u"duplicates"_s, repeated },
                           { u"reusedIds"_s, resume.reusedIds },
                           { u"previousConnection"_s, resume.previousConnection },
                           { u"connection"_s, resume.connection } };
    if (resume.previousConnection > 0)
        finding.evidence.connections.append(resume.previousConnection);
    finding.evidence.connections.append(resume.connection);
    for (const QString &id : { sent, resume.firstId, resume.lastId, resume.nextId }) {
        if (!id.isEmpty() && !finding.evidence.eventIds.contains(id))
            finding.evidence.eventIds.append(id);
    }
    finding.evidence.records = { resume.connectingPosition, resume.firstPosition };
    finding.evidence.times = { timeOf(resume.connectingAt), timeOf(resume.firstAt) };
    report(finding, resume.connection, at);
}

void FindingsEngine::handleOpen(const StreamRecord &record)
{
    const qint64 at = msecsOf(record.time) >= 0 ? msecsOf(record.time) : m_now;
    if (record.connection != m_connection.number) {
        m_connection = Connection();
        m_connection.number = record.connection;
    }
    Connection &connection = m_connection;
    connection.openAt = at;
    connection.openPosition = m_position;
    connection.lastBodyAt = at;
    connection.headers = record.headers;
    connection.http1 = record.httpVersion != u"2"_s;
    connection.url = record.url;

    const int number = record.connection;
    const auto hygiene = [&](const QString &id, Finding::Severity severity, const QString &verdict,
                             const QJsonObject &parameters, const StreamRecord::HeaderList &lines,
                             const QString &advice) {
        if (!once(id))
            return;
        Finding finding;
        finding.id = id;
        finding.severity = severity;
        finding.verdict = verdict;
        finding.parameters = parameters;
        finding.parameters.insert(u"connection"_s, number);
        finding.evidence.connections = { number };
        finding.evidence.records = { m_position };
        finding.evidence.times = { timeOf(at) };
        finding.evidence.headers = lines;
        finding.advice = advice;
        report(finding, number, at);
    };

    if (connection.connectingAt >= 0
        && at - connection.connectingAt >= m_settings.slowHeadersAfter.count()) {
        const qint64 wait = at - connection.connectingAt;
        hygiene(u"hygiene.slow-headers"_s, Finding::Severity::Warning,
                u"The response headers took %1: the server sends them only with its first "
                "event"_s.arg(duration(wait)),
                { { u"waitMs"_s, wait } }, {},
                u"Flush the headers (and a first comment such as \": ok\") as soon as the "
                "request is accepted: clients and hops give up on a response that sends nothing"_s);
    }
    const QByteArray cacheControl = record.header("Cache-Control");
    if (!cacheControl.toLower().contains("no-cache")
        && !cacheControl.toLower().contains("no-store"))
        hygiene(u"hygiene.no-cache"_s, Finding::Severity::Warning,
                cacheControl.isNull() ? u"The response has no Cache-Control header"_s
                                      : u"The response says Cache-Control: %1, not no-cache"_s.arg(
                                              QString::fromLatin1(cacheControl)),
                { { u"cacheControl"_s, QString::fromLatin1(cacheControl) } },
                cacheControl.isNull()
                        ? StreamRecord::HeaderList()
                        : StreamRecord::HeaderList { { "Cache-Control", cacheControl } },
                u"Send Cache-Control: no-cache, so no cache or proxy stores or holds the stream"_s);
    const QByteArray contentLength = record.header("Content-Length");
    if (!contentLength.isNull())
        hygiene(u"hygiene.content-length"_s, Finding::Severity::Problem,
                u"The stream has Content-Length: %1, so it ends after that many bytes"_s.arg(
                        QString::fromLatin1(contentLength)),
                { { u"contentLength"_s, QString::fromLatin1(contentLength) } },
                { { "Content-Length", contentLength } },
                u"Send no Content-Length on a stream: use chunked transfer (HTTP/1.1) or let "
                "HTTP/2 frame it"_s);
    const QByteArray connectionHeader = record.header("Connection");
    if (connectionHeader.trimmed().toLower() == "close")
        hygiene(u"hygiene.connection-close"_s, Finding::Severity::Warning,
                u"The stream says Connection: close: its end is only the socket closing, which "
                "hops and clients cannot tell from a failure"_s,
                { { u"connectionHeader"_s, QString::fromLatin1(connectionHeader) } },
                { { "Connection", connectionHeader } },
                u"Keep the connection alive and send the stream chunked; close it with a final "
                "event the client understands"_s);
    const QByteArray encoding = record.header("Content-Encoding").trimmed();
    if (!encoding.isEmpty() && encoding.toLower() != "identity")
        hygiene(u"hygiene.compressed"_s, Finding::Severity::Warning,
                u"The stream is compressed (Content-Encoding: %1): compressors and the proxies "
                "around them hold events until a block fills"_s.arg(QString::fromLatin1(encoding)),
                { { u"encoding"_s, QString::fromLatin1(encoding) } },
                { { "Content-Encoding", encoding } },
                u"Leave text/event-stream uncompressed, or flush the compressor after every "
                "event"_s);
    const QString contentType = record.contentType().toLower();
    if (const qsizetype at = contentType.indexOf(u"charset="_s); at >= 0) {
        QString charset = contentType.mid(at + 8).section(u';', 0, 0).trimmed();
        charset.remove(u'"');
        if (charset != u"utf-8"_s && charset != u"utf8"_s)
            hygiene(u"hygiene.charset"_s, Finding::Severity::Warning,
                    u"The stream declares charset=%1, but event streams are always UTF-8"_s.arg(
                            charset),
                    { { u"charset"_s, charset } },
                    { { "Content-Type", record.header("Content-Type") } },
                    u"Send UTF-8 and say so (text/event-stream; charset=utf-8), or no charset: "
                    "browsers decode every stream as UTF-8 (HTML §9.2.5)"_s);
    }
    checkOriginStreams(at);
}

void FindingsEngine::checkOriginStreams(qint64 at)
{
    const int streams = m_otherOpenStreams + 1;
    if (!m_connection.http1 || streams <= m_settings.originStreamLimit
        || !once(u"hygiene.http1-streams"_s))
        return;
    const QUrl url(m_connection.url);
    const QString origin = url.isValid()
            ? url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment
                           | QUrl::RemoveUserInfo)
                      .toString()
            : QString();
    Finding finding;
    finding.id = u"hygiene.http1-streams"_s;
    finding.severity = Finding::Severity::Warning;
    finding.verdict = u"%1 streams are open to %2 over HTTP/1.1, more than the %3 connections a "
                      "browser opens to one origin: the next EventSource would wait forever"_s
                              .arg(number(streams), origin.isEmpty() ? u"one origin"_s : origin)
                              .arg(m_settings.originStreamLimit);
    finding.parameters = { { u"streams"_s, streams },
                           { u"limit"_s, m_settings.originStreamLimit },
                           { u"origin"_s, origin },
                           { u"connection"_s, m_connection.number } };
    finding.evidence.connections = { m_connection.number };
    finding.evidence.records = { m_connection.openPosition };
    finding.evidence.times = { timeOf(at) };
    finding.advice = u"Serve the streams over HTTP/2 (one connection carries them all), or share "
                     "one stream between tabs (e.g. a SharedWorker)"_s;
    report(finding, m_connection.number, at);
}

void FindingsEngine::handleError(const StreamRecord &record)
{
    const qint64 at = msecsOf(record.time) >= 0 ? msecsOf(record.time) : m_now;
    const SseError &error = record.error;
    if (error.kind == SseError::Kind::EventTooLarge)
        return; // not the end of the connection
    closeArrival();
    if (m_resume.active)
        giveResumeVerdict(at);
    Connection &connection = m_connection;
    const bool wasOpen = connection.openAt >= 0 && record.connection == connection.number;

    // The far side ended it: how long it lived says whether a hop cuts every N seconds.
    using Kind = SseError::Kind;
    const bool cutByFarSide = !error.simulated
            && (error.kind == Kind::RemoteClosed || error.kind == Kind::ConnectionReset
                || error.kind == Kind::NetworkError || error.kind == Kind::Timeout);
    if (wasOpen && cutByFarSide) {
        const qint64 lifetime = at - connection.openAt;
        m_lifetimes[size_t(m_lifetimeCount % int(m_lifetimes.size()))] = lifetime;
        ++m_lifetimeCount;
        const int repeats = m_settings.lifetimeRepeats;
        if (!m_lifetimeReported && repeats >= 2 && m_lifetimeCount >= repeats
            && repeats <= int(m_lifetimes.size())) {
            qint64 low = std::numeric_limits<qint64>::max();
            qint64 high = 0;
            qint64 sum = 0;
            for (int i = 0; i < repeats; ++i) {
                const qint64 value =
                        m_lifetimes[size_t((m_lifetimeCount - 1 - i) % int(m_lifetimes.size()))];
                low = std::min(low, value);
                high = std::max(high, value);
                sum += value;
            }
            const qint64 mean = sum / repeats;
            if (low >= m_settings.minimumLifetime.count()
                && high - low <= std::max<qint64>(mean / 10, 500)) {
                m_lifetimeReported = true;
                QList<HopLimit> matching;
                for (const HopLimit &limit : std::as_const(m_sortedLimits)) {
                    if (std::abs(limit.limit.count() - mean) <= limit.limit.count() / 10)
                        matching.append(limit);
                }
                QStringList names;
                for (const HopLimit &limit : std::as_const(matching))
                    names.append(limitText(limit));
                Finding finding;
                finding.id = u"idle.lifetime"_s;
                finding.severity = Finding::Severity::Warning;
                finding.verdict =
                        u"The last %1 connections were all cut after about %2%3"_s.arg(repeats).arg(
                                duration(mean),
                                names.isEmpty() ? u": something on the way ends them on "
                                                  "a timer"_s
                                                : u", like %1"_s.arg(names.join(u", "_s)));
                finding.parameters = { { u"lifetimeMs"_s, mean },
                                       { u"connections"_s, repeats },
                                       { u"matching"_s, limitsJson(matching) },
                                       { u"connection"_s, record.connection } };
                for (int i = repeats - 1; i >= 0; --i)
                    finding.evidence.connections.append(record.connection - i);
                finding.evidence.records = { m_position };
                finding.evidence.times = { timeOf(at) };
                finding.advice = u"Find the hop with that timeout (proxy, load balancer, "
                                 "serverless limit) and raise it, or send heartbeats if it cuts "
                                 "idle connections; clients then resume with Last-Event-ID"_s;
                report(finding, record.connection, at);
            }
        }
    }
    if (wasOpen && error.kind == Kind::RemoteClosed && !m_retrySeen
        && once(u"hygiene.no-retry"_s)) {
        Finding finding;
        finding.id = u"hygiene.no-retry"_s;
        finding.severity = Finding::Severity::Info;
        finding.verdict = u"The server ended the stream without ever sending retry:, so clients "
                          "come back after their own default (3 s in browsers)"_s;
        finding.parameters = { { u"connection"_s, record.connection } };
        finding.evidence.connections = { record.connection };
        finding.evidence.records = { m_position };
        finding.evidence.times = { timeOf(at) };
        finding.advice = u"Send \"retry: MS\" before closing a stream on purpose, so clients "
                         "reconnect when the server wants them to"_s;
        report(finding, record.connection, at);
    }
    endConnection(at);
}

void FindingsEngine::endConnection(qint64 at)
{
    Q_UNUSED(at);
    closeArrival();
    if (m_connection.events > 0) {
        ++m_connectionsWithEvents;
        m_previousConnection = m_connection.number;
    }
    m_connection.openAt = -1;
}

void FindingsEngine::tick(const QDateTime &now)
{
    const qint64 at = msecsOf(now);
    if (at < 0)
        return;
    if (at > m_now)
        m_now = at;
    if (m_arrival.count > 0 && at - m_arrival.firstAt > m_settings.burstSpread.count())
        closeArrival();
    if (m_resume.active && at - m_resume.lastAt > m_settings.replayPause.count())
        giveResumeVerdict(at);
    Connection &connection = m_connection;
    if (connection.openAt < 0)
        return;
    const qint64 silence = at - connection.lastBodyAt;
    noteSilence(silence, at);
    if (connection.bodyItems == 0 && silence >= m_settings.firstDataWithin.count()
        && once(u"hygiene.silent-start"_s)) {
        Finding finding;
        finding.id = u"hygiene.silent-start"_s;
        finding.severity = Finding::Severity::Warning;
        finding.verdict = u"No data %1 after the headers: not even a comment shows the stream "
                          "is alive"_s.arg(duration(silence));
        finding.parameters = { { u"silenceMs"_s, silence },
                               { u"connection"_s, connection.number } };
        finding.evidence.connections = { connection.number };
        finding.evidence.records = { connection.openPosition };
        finding.evidence.times = { timeOf(connection.openAt) };
        finding.advice = u"Send a comment (\": ok\") or retry: right after the headers, and "
                         "flush: some hops cut a response without a first byte (Heroku after "
                         "30 s)"_s;
        report(finding, connection.number, at);
    }
    if (connection.bodyItems >= 2 && !connection.silentReported
        && silence >= m_settings.silentAfter.count()) {
        connection.silentReported = true;
        Finding finding;
        finding.id = u"idle.silent"_s;
        finding.severity = Finding::Severity::Warning;
        finding.verdict = u"OPEN \u00b7 last data %1 ago: the stream was flowing and went "
                          "silent"_s.arg(duration(silence));
        finding.parameters = { { u"silenceMs"_s, silence },
                               { u"heartbeatSeen"_s, m_heartbeats > 0 },
                               { u"connection"_s, connection.number } };
        finding.evidence.connections = { connection.number };
        finding.evidence.times = { timeOf(connection.lastBodyAt) };
        finding.advice = u"If the server has nothing to say, it should still send a comment "
                         "every 15 s; if it should be sending, the connection may be half-open "
                         "(an idle timeout on the client catches that)"_s;
        report(finding, connection.number, at);
    }
}

void FindingsEngine::finish(const QDateTime &now)
{
    const qint64 at = now.isValid() ? msecsOf(now) : m_now;
    closeArrival();
    if (m_resume.active)
        giveResumeVerdict(at);
}
