// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include "recordtext.h"

#include <limits>

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {
QString displayUrl(const QString &url)
{
    // Records keep URLs fully encoded; people read them decoded.
    return QUrl(url).toDisplayString();
}

QString headerText(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes);
}

/// The number an id ends in ("123", "evt-123"), as the findings engine counts ids.
std::optional<qint64> trailingNumber(const QString &id)
{
    qsizetype start = id.size();
    while (start > 0 && id.at(start - 1).isDigit() && id.size() - start < 18)
        --start;
    if (start == id.size())
        return std::nullopt;
    bool ok = false;
    const qint64 value = QStringView(id).sliced(start).toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

/// The %n of a plural: tr() counts in int.
int plural(qint64 value)
{
    return int(std::clamp<qint64>(value, std::numeric_limits<int>::min(),
                                  std::numeric_limits<int>::max()));
}

/// Parameters of a finding, read the way the engine writes them.
class Parameters
{
public:
    explicit Parameters(const QJsonObject &object)
        : m_object(object)
    {}
    QString text(const char *key) const { return m_object.value(QLatin1String(key)).toString(); }
    qint64 count(const char *key) const { return m_object.value(QLatin1String(key)).toInteger(); }
    QString number(const char *key) const { return QLocale().toString(count(key)); }
    bool flag(const char *key) const { return m_object.value(QLatin1String(key)).toBool(); }
    QJsonArray list(const char *key) const { return m_object.value(QLatin1String(key)).toArray(); }

private:
    const QJsonObject &m_object;
};
} // namespace

QString RecordText::milliseconds(qint64 value)
{
    //: A duration; %1 is a number already formatted for the locale
    return tr("%1 ms").arg(QLocale().toString(value));
}

QString RecordText::duration(qint64 milliseconds)
{
    const QLocale locale;
    if (milliseconds < 1000)
        return RecordText::milliseconds(milliseconds);
    if (milliseconds < 10'000) {
        //: A duration in seconds; %1 is a number already formatted for the locale
        return tr("%1 s").arg(locale.toString(double(milliseconds) / 1000.0, 'f', 1));
    }
    const qint64 seconds = (milliseconds + 500) / 1000;
    if (seconds < 120)
        return tr("%1 s").arg(locale.toString(seconds));
    //: A duration; %1 = minutes, %2 = seconds, both formatted for the locale
    return tr("%1 min %2 s").arg(locale.toString(seconds / 60), locale.toString(seconds % 60));
}

QString RecordText::severityName(Finding::Severity severity)
{
    switch (severity) {
    case Finding::Severity::Info:
        //: Severity of a finding: worth knowing, nothing is wrong
        return tr("Info");
    case Finding::Severity::Warning:
        //: Severity of a finding: hurts some clients or networks
        return tr("Warning");
    case Finding::Severity::Problem:
        //: Severity of a finding: events lost, repeated or held back, or a broken stream
        return tr("Problem");
    }
    return {};
}

QString RecordText::findingVerdict(const Finding &finding)
{
    const QString &id = finding.id;
    const Parameters p(finding.parameters);
    const QLocale locale;
    if (id.startsWith(u"resume."_s)) {
        const QString sent = p.text("lastEventId");
        const QString first = p.text("firstId");
        const QString last = p.text("lastReplayedId");
        const qint64 lost = p.count("lost");
        const qint64 duplicates = p.count("duplicates");
        //: How a reconnect resumed; %1 = the Last-Event-ID the client sent
        const QString head = sent.isEmpty()
                ? tr("Reconnected without Last-Event-ID")
                : tr("Resumed after id %1 (sent as Last-Event-ID)").arg(sent);
        const QString range = first.isEmpty()     ? QString()
                : last.isEmpty() || last == first ? first
                                                  : first + u"\u2013"_s + last;
        if (id == u"resume.clean"_s) {
            if (range.isEmpty())
                //: %1 = how it resumed ("Resumed after id 9 (sent as Last-Event-ID)")
                return tr("%1: no loss or duplicate found").arg(head);
            return p.count("replayed") > 1
                    //: %1 = how it resumed, %2 = the ids replayed ("10–12")
                    ? tr("%1: the server replayed %2, no loss or duplicate found").arg(head, range)
                    //: %1 = how it resumed, %2 = the id of the next event
                    : tr("%1: the server continued with %2, no loss or duplicate found")
                              .arg(head, range);
        }
        if (id == u"resume.gap"_s) {
            const auto sentNumber = trailingNumber(sent);
            const auto firstNumber = trailingNumber(first);
            if (sentNumber && firstNumber && *firstNumber > *sentNumber + 1)
                //: %1 = how it resumed, %2 = the id of the next event, %n = events lost
                return tr("%1: the next event was %2, %n event(s) lost", nullptr, plural(lost))
                        .arg(head, first);
            //: %1 = how it resumed, %2 = the ids replayed ("10–12"), %n = events lost
            return tr("%1: the server replayed %2 with gaps, %n event(s) lost", nullptr,
                      plural(lost))
                    .arg(head, range);
        }
        if (id == u"resume.duplicate"_s) {
            if (first.isEmpty())
                //: %1 = how it resumed, %n = events whose data arrived before
                return tr("%1: %n event(s) repeat data received before (the stream has no ids)",
                          nullptr, plural(duplicates))
                        .arg(head);
            //: %1 = how it resumed, %2 = the first id replayed, %n = events delivered twice
            return tr("%1: the server replayed from %2; %n event(s) delivered twice", nullptr,
                      plural(duplicates))
                    .arg(head, first);
        }
        if (id == u"resume.restart"_s) {
            if (duplicates > 0)
                //: %1 = how it resumed, %2 = the id it started from, %n = events delivered twice
                return tr("%1: the server started again from id %2 (Last-Event-ID ignored); %n "
                          "event(s) delivered twice",
                          nullptr, plural(duplicates))
                        .arg(head, first);
            //: %1 = how it resumed, %2 = the id the server started from
            return tr("%1: the server started again from id %2 (Last-Event-ID ignored)")
                    .arg(head, first);
        }
        if (id == u"resume.backwards"_s)
            //: %1 = how it resumed, %2 = the lower id the server went on with
            return tr("%1: ids went back to %2").arg(head, first);
        if (id == u"resume.no-ids"_s)
            return tr("Reconnecting without Last-Event-ID: the server sends no ids, so the events "
                      "it sends meanwhile are lost and cannot be replayed");
    }
    if (id == u"ids.backwards"_s)
        //: %1 = the previous id, %2 = the lower id after it, %3 = connection number
        return tr("Event ids went backwards from %1 to %2 on connection %3")
                .arg(p.text("previousId"), p.text("id"), p.number("connection"));

    if (id == u"buffering.burst"_s || id == u"buffering.first-byte"_s) {
        QString layer = p.text("layer");
        if (layer == u"compression middleware"_s)
            layer = tr("compression middleware");
        else if (layer == u"a proxy"_s)
            layer = tr("a proxy");
        else if (layer.startsWith(u"a proxy or middleware"_s))
            layer = tr("a proxy or middleware between the server and SSE Scope");
        const int events = plural(p.count("events"));
        if (id == u"buffering.first-byte"_s)
            //: %1 = how long the body waited, %2 = the layer that likely held it ("nginx"),
            //: %n = events in the first read
            return tr("The headers came at once but the body %1 later, %n event(s) in its first "
                      "read: something held the body back, likely %2",
                      nullptr, events)
                    .arg(duration(p.count("delayMs")), layer);
        if (p.text("evidence") == u"timestamps"_s)
            //: %n = events in one read, %1 = the silence before, %2 = how long the server
            //: took to make them, %3 = the layer that likely held them back ("nginx")
            return tr("Events arrive in bursts: %n event(s) in one read after %1 of silence, "
                      "though the server made them over %2 (timestamps in the data); likely "
                      "held back by %3",
                      nullptr, events)
                    .arg(duration(p.count("silenceMs")), duration(p.count("producerSpanMs")),
                         layer);
        //: %n = events in one read, %1 = the silence before, %2 = the layer that likely held
        //: them back ("nginx")
        return tr("Events arrive in bursts: %n event(s) in one read after %1 of silence, though "
                  "the server kept a steady rhythm before; likely held back by %2",
                  nullptr, events)
                .arg(duration(p.count("silenceMs")), layer);
    }

    const auto limits = [&locale](const QJsonArray &array) {
        QStringList names;
        for (const QJsonValue &value : array) {
            const QJsonObject limit = value.toObject();
            //: A hop's idle limit: %1 = its name ("nginx"), %2 = the setting, %3 = the limit
            names << tr("%1 %2 (%3)")
                             .arg(limit.value(u"name"_s).toString(),
                                  limit.value(u"setting"_s).toString(),
                                  duration(limit.value(u"limitMs"_s).toInteger()));
        }
        return locale.createSeparatedList(names);
    };
    if (id == u"idle.silent"_s)
        //: %1 = how long the stream has been silent; OPEN is the state badge's word
        return tr("OPEN · last data %1 ago: the stream was flowing and went silent")
                .arg(duration(p.count("silenceMs")));
    if (id == u"idle.hop-limit"_s)
        //: %1 = the silence, %2 = the hop limits it passed ("nginx proxy_read_timeout (60 s)")
        return tr("The stream was silent for %1, longer than %2: a hop with that limit would cut "
                  "it")
                .arg(duration(p.count("silenceMs")), limits(p.list("exceeded")));
    if (id == u"idle.heartbeat"_s) {
        const QString kind = p.text("kind") == u"event"_s
                //: Heartbeats sent as events (type or data "ping")
                ? tr("events", "heartbeat kind")
                //: Heartbeats sent as comment lines (": ping")
                : tr("comments", "heartbeat kind");
        const QString interval = duration(p.count("intervalMs"));
        if (finding.severity != Finding::Severity::Info)
            //: %1 = heartbeat interval, %2 = comments or events, %3 = the shortest hop limit's
            //: name ("Google Cloud load balancer"), %4 = that limit
            return tr("Heartbeat every %1 (%2), longer than %3's %4: that hop would cut the stream "
                      "between two heartbeats")
                    .arg(interval, kind, p.text("shortestLimitName"),
                         duration(p.count("shortestLimitMs")));
        //: %1 = heartbeat interval, %2 = comments or events
        return tr("Heartbeat every %1 (%2)").arg(interval, kind);
    }
    if (id == u"idle.lifetime"_s) {
        const QJsonArray matching = p.list("matching");
        if (matching.isEmpty())
            //: %1 = number of connections, %2 = how long each lived
            return tr("The last %1 connections were all cut after about %2: something on the way "
                      "ends them on a timer")
                    .arg(p.number("connections"), duration(p.count("lifetimeMs")));
        //: %1 = number of connections, %2 = how long each lived, %3 = hop limits that match
        return tr("The last %1 connections were all cut after about %2, like %3")
                .arg(p.number("connections"), duration(p.count("lifetimeMs")), limits(matching));
    }

    if (id == u"hygiene.no-cache"_s) {
        const QString value = p.text("cacheControl");
        //: Cache-Control is an HTTP header name
        return value.isEmpty() ? tr("The response has no Cache-Control header")
                               //: %1 = the header's value; no-cache is its expected value
                               : tr("The response says Cache-Control: %1, not no-cache").arg(value);
    }
    if (id == u"hygiene.content-length"_s)
        //: %1 = the Content-Length header's value
        return tr("The stream has Content-Length: %1, so it ends after that many bytes")
                .arg(p.text("contentLength"));
    if (id == u"hygiene.connection-close"_s)
        return tr("The stream says Connection: close: its end is only the socket closing, which "
                  "hops and clients cannot tell from a failure");
    if (id == u"hygiene.compressed"_s)
        //: %1 = the Content-Encoding, e.g. gzip
        return tr("The stream is compressed (Content-Encoding: %1): compressors and the proxies "
                  "around them hold events until a block fills")
                .arg(p.text("encoding"));
    if (id == u"hygiene.charset"_s)
        //: %1 = the charset the response declares
        return tr("The stream declares charset=%1, but event streams are always UTF-8")
                .arg(p.text("charset"));
    if (id == u"hygiene.no-retry"_s)
        return tr("The server ended the stream without ever sending retry:, so clients come back "
                  "after their own default (3 s in browsers)");
    if (id == u"hygiene.silent-start"_s)
        //: %1 = how long nothing came after the headers
        return tr("No data %1 after the headers: not even a comment shows the stream is alive")
                .arg(duration(p.count("silenceMs")));
    if (id == u"hygiene.slow-headers"_s)
        //: %1 = how long the response headers took
        return tr("The response headers took %1: the server sends them only with its first event")
                .arg(duration(p.count("waitMs")));
    if (id == u"hygiene.http1-streams"_s) {
        const QString origin = p.text("origin");
        //: %1 = streams open, %2 = the origin (scheme://host:port), %3 = the browser's limit
        return tr("%1 streams are open to %2 over HTTP/1.1, more than the %3 connections a "
                  "browser opens to one origin: the next EventSource would wait")
                .arg(p.number("streams"), origin.isEmpty() ? tr("one origin") : origin,
                     p.number("limit"));
    }
    if (id == u"hygiene.html-data"_s) {
        const QString title = p.text("title");
        return title.isEmpty()
                ? tr("An HTML page arrived as event data: an error page relayed as a stream")
                //: %1 = the page's <title>
                : tr("An HTML page (“%1”) arrived as event data: an error page relayed as a "
                     "stream")
                          .arg(title);
    }
    return finding.verdict;
}

QString RecordText::findingAdvice(const Finding &finding)
{
    const QString &id = finding.id;
    const Parameters p(finding.parameters);
    if (id == u"resume.clean"_s)
        return {};
    if (id == u"resume.gap"_s)
        return tr("Keep enough events to replay what a client misses while it reconnects (a "
                  "longer replay buffer or a store keyed by id), and replay every event after the "
                  "Last-Event-ID.");
    if (id == u"resume.duplicate"_s)
        return tr("Replay only the events after the Last-Event-ID the client sent.");
    if (id == u"resume.restart"_s)
        return tr("Read the Last-Event-ID request header and continue after it; a stream that "
                  "cannot resume (e.g. a POST that starts a new answer) should say so, e.g. with "
                  "new ids per answer and no retry.");
    if (id == u"resume.backwards"_s)
        return tr("Keep ids increasing across connections (a server restart must not start "
                  "over), so that Last-Event-ID means the same thing to both sides.");
    if (id == u"resume.no-ids"_s)
        return tr("Give every event an id (“id: 42”) and replay the events after the "
                  "Last-Event-ID a reconnecting client sends.");
    if (id == u"ids.backwards"_s)
        return tr("Give every event an id larger than the one before: a client resuming with "
                  "Last-Event-ID relies on their order.");
    if (id == u"buffering.burst"_s || id == u"buffering.first-byte"_s) {
        const QString generic = tr("Flush after each event, and turn off response buffering and "
                                   "compression for text/event-stream on every hop.");
        const QString layer = p.text("layer");
        if (layer == u"compression middleware"_s)
            return tr("Do not compress text/event-stream (compression buffers until a block "
                      "fills), or flush the compressor after each event.");
        if (layer == u"nginx"_s)
            return tr("Send X-Accel-Buffering: no from the application, or set proxy_buffering "
                      "off; for this location.");
        if (layer == u"Apache httpd"_s)
            return tr("Set flushpackets=on on the ProxyPass, and exclude text/event-stream from "
                      "mod_deflate.");
        if (layer == u"Caddy"_s)
            return tr("Set flush_interval -1 on reverse_proxy.");
        if (layer == u"Cloudflare"_s)
            //: %1 = the general advice ("Flush after each event, …")
            return tr("Send the stream uncompressed with Content-Type: text/event-stream and "
                      "Cache-Control: no-cache, and check Workers or tunnels in the path for "
                      "buffering. %1")
                    .arg(generic);
        if (layer == u"Amazon CloudFront"_s)
            //: %1 = the general advice ("Flush after each event, …")
            return tr("Disable compression for text/event-stream in the cache behaviour. %1")
                    .arg(generic);
        return generic;
    }
    if (id == u"idle.silent"_s)
        return tr("If the server has nothing to say, it should still send a comment every 15 s; "
                  "if it should be sending, the connection may be half-open (an idle timeout on "
                  "the client catches that).");
    if (id == u"idle.hop-limit"_s)
        return tr("Send a comment line (“: ping”) every 15 s so that no hop sees the stream "
                  "idle, or raise the hop's timeout.");
    if (id == u"idle.heartbeat"_s) {
        if (finding.severity == Finding::Severity::Info)
            return {};
        //: %1 = the longest interval that keeps every hop open
        return tr("Send the heartbeat at least every %1.")
                .arg(duration(std::max<qint64>(p.count("shortestLimitMs") / 2, 1000)));
    }
    if (id == u"idle.lifetime"_s)
        return tr("Find the hop with that timeout (proxy, load balancer, serverless limit) and "
                  "raise it, or send heartbeats if it cuts idle connections; clients then resume "
                  "with Last-Event-ID.");
    if (id == u"hygiene.no-cache"_s)
        return tr("Send Cache-Control: no-cache, so no cache or proxy stores or holds the stream.");
    if (id == u"hygiene.content-length"_s)
        return tr("Send no Content-Length on a stream: use chunked transfer (HTTP/1.1) or let "
                  "HTTP/2 frame it.");
    if (id == u"hygiene.connection-close"_s)
        return tr("Keep the connection alive and send the stream chunked; close it with a final "
                  "event the client understands.");
    if (id == u"hygiene.compressed"_s)
        return tr("Leave text/event-stream uncompressed, or flush the compressor after every "
                  "event.");
    if (id == u"hygiene.charset"_s)
        return tr("Send UTF-8 and say so (text/event-stream; charset=utf-8), or no charset: "
                  "browsers decode every stream as UTF-8 (HTML §9.2.5).");
    if (id == u"hygiene.no-retry"_s)
        return tr("Send “retry: MS” before closing a stream on purpose, so clients reconnect "
                  "when the server wants them to.");
    if (id == u"hygiene.silent-start"_s)
        return tr("Send a comment (“: ok”) or retry: right after the headers, and flush: some "
                  "hops cut a response without a first byte (Heroku after 30 s).");
    if (id == u"hygiene.slow-headers"_s)
        return tr("Flush the headers (and a first comment such as “: ok”) as soon as the request "
                  "is accepted: clients and hops give up on a response that sends nothing.");
    if (id == u"hygiene.http1-streams"_s)
        return tr("Serve the streams over HTTP/2 (one connection carries them all), or share one "
                  "stream between tabs (e.g. a SharedWorker).");
    if (id == u"hygiene.html-data"_s)
        return tr("Look at the upstream that produced the page (its status and logs), and end the "
                  "stream with an error event the client can read instead of relaying HTML.");
    return finding.advice;
}

QString RecordText::resumeOutcome(const Finding &finding)
{
    const QString &id = finding.id;
    const Parameters p(finding.parameters);
    if (id == u"resume.clean"_s)
        //: The last resume after a reconnect lost nothing and repeated nothing
        return tr("clean", "resume outcome");
    if (id == u"resume.gap"_s)
        return tr("%n lost", "resume outcome: events lost", plural(p.count("lost")));
    if (id == u"resume.duplicate"_s)
        return tr("%n duplicate(s)", "resume outcome: events delivered twice",
                  plural(p.count("duplicates")));
    if (id == u"resume.restart"_s)
        return tr("started over", "resume outcome: Last-Event-ID ignored");
    if (id == u"resume.backwards"_s)
        return tr("ids went back", "resume outcome");
    if (id == u"resume.no-ids"_s)
        return tr("no ids to resume from", "resume outcome");
    return {};
}

QString RecordText::findingText(const Finding &finding)
{
    const QLocale locale;
    QStringList paragraphs;
    paragraphs << tr("%1: %2", "finding row")
                          .arg(severityName(finding.severity), findingVerdict(finding));
    if (const QString advice = findingAdvice(finding); !advice.isEmpty())
        //: %1 = what to do about a finding
        paragraphs << tr("What to do: %1").arg(advice);
    const Finding::Evidence &evidence = finding.evidence;
    QStringList lines;
    if (!evidence.connections.isEmpty()) {
        QStringList numbers;
        for (int connection : evidence.connections)
            numbers << u'#' + locale.toString(connection);
        lines << tr("Connections: %1").arg(locale.createSeparatedList(numbers));
    }
    if (!evidence.eventIds.isEmpty())
        //: %1 = event ids, as the server sent them
        lines << tr("Event ids: %1").arg(evidence.eventIds.join(u", "_s));
    if (!evidence.times.isEmpty()) {
        QStringList times;
        for (const QDateTime &time : evidence.times)
            times << time.toLocalTime().toString(u"HH:mm:ss.zzz"_s);
        lines << tr("Times: %1").arg(times.join(u", "_s));
    }
    for (const auto &[name, value] : evidence.headers)
        //: A response header line a finding is about; %1 = name, %2 = value
        lines << tr("Header: %1: %2").arg(headerText(name), headerText(value));
    if (!lines.isEmpty())
        //: Heading above what proves a finding (connections, ids, times, headers)
        paragraphs << tr("Evidence") + u'\n' + lines.join(u'\n');
    //: %1 = the finding's stable id, e.g. resume.gap (see docs/findings.md)
    paragraphs << tr("Finding: %1").arg(finding.id);
    return paragraphs.join(u"\n\n"_s);
}

QString RecordText::kindName(StreamRecord::Kind kind)
{
    using Kind = StreamRecord::Kind;
    switch (kind) {
    case Kind::Session:
        return tr("Session", "the first record of a recording file");
    case Kind::Connecting:
        return tr("Connecting");
    case Kind::Redirect:
        return tr("Redirect");
    case Kind::Open:
        return tr("Opened", "connection lifecycle");
    case Kind::Event:
        return tr("Event");
    case Kind::Retry:
        return tr("Retry changed", "server sent a retry: field");
    case Kind::Comment:
        return tr("Comment", "an SSE comment line");
    case Kind::Error:
        return tr("Error");
    case Kind::Reconnecting:
        return tr("Reconnecting");
    case Kind::Control:
        return tr("Control", "a command given to a running watch");
    case Kind::Summary:
        return tr("Summary", "what a connection amounted to: answer, usage, timing");
    case Kind::Closed:
        return tr("Closed", "connection lifecycle");
    case Kind::Finding:
        //: A verdict of the findings engine about the stream
        return tr("Finding");
    }
    return {};
}

QString RecordText::errorKindName(SseError::Kind kind)
{
    switch (kind) {
    case SseError::Kind::None:
        return tr("No error");
    case SseError::Kind::InvalidUrl:
        return tr("Invalid URL");
    case SseError::Kind::HostNotFound:
        return tr("Host not found");
    case SseError::Kind::ConnectionRefused:
        return tr("Connection refused");
    case SseError::Kind::RemoteClosed:
        return tr("Server ended the stream");
    case SseError::Kind::StreamCut:
        return tr("Stream cut");
    case SseError::Kind::ConnectionReset:
        return tr("Connection reset");
    case SseError::Kind::NetworkError:
        return tr("Network error");
    case SseError::Kind::Tls:
        return tr("TLS error");
    case SseError::Kind::Timeout:
        return tr("Timed out");
    case SseError::Kind::IdleTimeout:
        return tr("Idle timeout");
    case SseError::Kind::Redirect:
        return tr("Redirect refused");
    case SseError::Kind::HttpStatus:
        return tr("HTTP error status");
    case SseError::Kind::WrongContentType:
        //: Content-Type is an HTTP header name
        return tr("Wrong Content-Type");
    case SseError::Kind::NoContent:
        return tr("HTTP 204: server asked to stop");
    case SseError::Kind::EventTooLarge:
        return tr("Event too large");
    case SseError::Kind::SimulatedDrop:
        return tr("Connection cut");
    case SseError::Kind::SimulatedOffline:
        return tr("Network offline");
    case SseError::Kind::GaveUp:
        return tr("Gave up reconnecting");
    case SseError::Kind::StreamError:
        return tr("Error reported in the stream");
    }
    return tr("Unknown error");
}

QString RecordText::describe(const SseError &error)
{
    // Each kind in the user's words, with only what the kind does not say already (a host, a
    // status line, a Content-Type): never "HTTP error status: HTTP 500". The reader's English
    // message follows only where no such detail was recorded.
    using Kind = SseError::Kind;
    const QString &detail = error.detail;
    const QLocale locale;
    QString text;
    switch (error.kind) {
    case Kind::HttpStatus:
        // A status line reads the same in every language.
        text = detail.isEmpty() ? errorKindName(error.kind) : u"HTTP "_s + detail;
        break;
    case Kind::ConnectionRefused:
        text = detail.isEmpty() ? QString() : tr("Connection refused by %1").arg(detail);
        break;
    case Kind::HostNotFound:
        text = detail.isEmpty() ? QString() : tr("Host not found: %1").arg(detail);
        break;
    case Kind::Timeout:
        text = detail.isEmpty() ? QString() : tr("Timed out waiting for %1").arg(detail);
        break;
    case Kind::WrongContentType:
        //: Content-Type and text/event-stream are HTTP words; keep them as they are
        text = detail.isEmpty()
                ? tr("No Content-Type (expected text/event-stream)")
                : tr("Wrong Content-Type “%1” (expected text/event-stream)").arg(detail);
        // Also the refusal of an undecodable Content-Encoding: that one explains itself.
        if (error.message.startsWith(u"cannot decode"_s))
            text.clear();
        break;
    case Kind::StreamCut:
        if (error.httpStatus == 0 && !detail.isEmpty())
            text = tr("The server closed the connection without a response (%1)").arg(detail);
        else if (!detail.isEmpty())
            //: %1 is the HTTP header that says the body goes on, e.g. "Content-Length: 512"
            text = tr("Stream cut: the server closed the connection before the end of the body "
                      "(%1)")
                           .arg(detail);
        else
            text = tr("Stream cut: the server closed the connection before the end of the body");
        break;
    case Kind::IdleTimeout:
        text = detail.isEmpty()
                ? QString()
                : tr("Idle timeout: no data for %1").arg(milliseconds(detail.toLongLong()));
        break;
    case Kind::EventTooLarge:
        text = detail.isEmpty() ? QString()
                                : tr("Event of %1 skipped: larger than the maximum event size")
                                          .arg(locale.formattedDataSize(detail.toLongLong()));
        break;
    case Kind::GaveUp:
        text = detail.isEmpty()
                ? QString()
                : tr("Gave up after %n reconnect attempt(s)", nullptr, detail.toInt());
        break;
    case Kind::SimulatedOffline:
        text = detail.isEmpty()
                ? errorKindName(error.kind)
                : tr("Network offline for %1").arg(milliseconds(detail.toLongLong()));
        break;
    case Kind::RemoteClosed:
    case Kind::NoContent:
    case Kind::SimulatedDrop:
        text = errorKindName(error.kind); // the kind says it all
        break;
    default:
        break;
    }
    if (text.isEmpty()) {
        // No structured detail: the kind, then the reader's own explanation.
        QString message = error.message;
        if (error.simulated && message.endsWith(u" (simulated)"_s))
            message.chop(12);
        text = message.isEmpty() ? errorKindName(error.kind)
                                 : tr("%1: %2", "error kind: technical detail")
                                           .arg(errorKindName(error.kind), message);
    }
    if (error.simulated)
        text = tr("%1 (simulated)", "an error caused by an injected fault").arg(text);
    return text;
}

QString RecordText::delaySource(const QString &source, qint64 delayMs, int attempt)
{
    const QString ms = milliseconds(delayMs);
    if (source == u"server-retry"_s)
        return tr("server retry: %1").arg(ms);
    if (source == u"override"_s)
        return tr("user override (%1)").arg(ms);
    if (source == u"backoff"_s)
        return tr("backoff step %1 (%2)").arg(QLocale().toString(qMax(1, attempt)), ms);
    if (source == u"retry-after"_s)
        //: Retry-After is an HTTP header name
        return tr("Retry-After (%1)").arg(ms);
    if (source == u"fixed"_s)
        return tr("fixed interval (%1)").arg(ms);
    return tr("browser default (%1)").arg(ms);
}

QString RecordText::attemptText(const StreamRecord &record)
{
    const QLocale locale;
    // With a cap, the policy's count is what runs out; without one, the attempts since the
    // stream last opened are what a user counts.
    if (record.maxAttempts > 0) {
        //: Reconnect attempt N of the M the policy allows before giving up
        return tr("%1 of %2")
                .arg(locale.toString(record.policyAttempt), locale.toString(record.maxAttempts));
    }
    return locale.toString(record.attempt);
}

QString RecordText::closeReason(const QString &reason)
{
    if (reason.isEmpty() || reason == StreamRecord::CloseReason::closed())
        return tr("Closed");
    if (reason == StreamRecord::CloseReason::failed())
        return tr("Closed after a fatal error");
    if (reason == StreamRecord::CloseReason::gaveUp())
        return tr("Closed: gave up reconnecting");
    if (reason == StreamRecord::CloseReason::recordingStopped())
        return tr("Recording stopped while the stream was running");
    if (reason == StreamRecord::CloseReason::ended())
        return tr("Closed: the server ended the stream");
    if (reason == StreamRecord::CloseReason::completed())
        return tr("Closed: the stream completed (end marker received)");
    if (reason == StreamRecord::CloseReason::until())
        return tr("Closed: the stop marker matched");
    if (reason == u"max-events"_s)
        return tr("Closed: event limit reached");
    if (reason == u"timeout"_s)
        return tr("Closed: time limit reached");
    if (reason == u"interrupted"_s || reason == u"terminated"_s)
        return tr("Closed: interrupted");
    if (reason == u"control"_s)
        return tr("Closed by a command");
    //: %1 is a reason identifier from a recording, e.g. "max-events"
    return tr("Closed: %1").arg(reason);
}

QString RecordText::summary(const StreamRecord &record)
{
    using Kind = StreamRecord::Kind;
    switch (record.kind) {
    case Kind::Session:
        //: %1 = the program that wrote a recording, %2 = its format version
        return tr("Recorded by %1 (format %2)").arg(record.tool).arg(record.formatVersion);
    case Kind::Connecting: {
        const QString url = displayUrl(record.url);
        const bool get = record.method.isEmpty() || record.method == u"GET"_s;
        if (record.lastEventId.isEmpty()) {
            //: %1 = connection number, %2 = URL
            return get ? tr("Connecting #%1 to %2").arg(record.connection).arg(url)
                       //: %1 = connection number, %2 = URL, %3 = HTTP method
                       : tr("Connecting #%1 to %2 (%3)")
                                 .arg(record.connection)
                                 .arg(url, record.method);
        }
        //: %1 = connection number, %2 = URL, %3 = the Last-Event-ID sent
        return get ? tr("Connecting #%1 to %2, Last-Event-ID: %3")
                             .arg(record.connection)
                             .arg(url, record.lastEventId)
                   //: %1 = connection number, %2 = URL, %3 = HTTP method, %4 = Last-Event-ID
                   : tr("Connecting #%1 to %2 (%3), Last-Event-ID: %4")
                             .arg(record.connection)
                             .arg(url, record.method, record.lastEventId);
    }
    case Kind::Redirect:
        //: %1 = HTTP status (e.g. 307), %2 = the new URL
        return tr("Redirected (HTTP %1) to %2").arg(record.status).arg(displayUrl(record.url));
    case Kind::Open: {
        const QString contentType = record.contentType();
        //: %1 = connection number, %2 = the HTTP status line ("HTTP/1.1 200 OK"), %3 = Content-Type
        return tr("Open #%1: %2, %3")
                .arg(record.connection)
                .arg(u"HTTP/%1 %2 %3"_s
                             .arg(record.httpVersion.isEmpty() ? u"1.1"_s : record.httpVersion)
                             .arg(record.status)
                             .arg(record.statusText)
                             .trimmed(),
                     contentType);
    }
    case Kind::Event:
        return record.data;
    case Kind::Retry:
        return tr("Server retry: %1").arg(milliseconds(record.retryMs));
    case Kind::Comment:
        return u':' + record.text;
    case Kind::Error:
        return record.error.fatal ? tr("%1 (fatal: no reconnect)").arg(describe(record.error))
                                  : describe(record.error);
    case Kind::Reconnecting: {
        const QString source =
                delaySource(record.delaySource, record.delayMs, record.policyAttempt);
        const QString attempt = attemptText(record);
        //: %1 = attempt number ("2", or "2 of 10"), %2 = where the delay came from, with its length
        return record.lastEventId.isEmpty()
                ? tr("Reconnect attempt %1 after %2, no Last-Event-ID").arg(attempt, source)
                //: %1 = attempt number ("2", or "2 of 10"), %2 = where the delay came from,
                //: %3 = Last-Event-ID
                : tr("Reconnect attempt %1 after %2, Last-Event-ID: %3")
                          .arg(attempt, source, record.lastEventId);
    }
    case Kind::Control:
        if (record.command == u"offline"_s)
            return tr("Command: go offline for %1").arg(milliseconds(record.durationMs));
        if (record.command == u"drop"_s)
            return tr("Command: cut the connection");
        if (record.command == u"reconnect"_s)
            return tr("Command: reconnect now");
        if (record.command == u"close"_s)
            return tr("Command: close");
        //: %1 is a command name from a recording
        return tr("Command: %1").arg(record.command);
    case Kind::Summary: {
        // A minimal line for now; the merged answer gets its own view later.
        const StreamSummary &summary = *record.summary;
        //: %1 = stream profile (e.g. openai-chat), %2 = outcome (e.g. complete), %3 = characters
        return tr("Summary (%1): %2, %3 characters of text")
                .arg(summary.profile, summary.outcome, QLocale().toString(summary.text.size()));
    }
    case Kind::Closed:
        return record.endMarker.isEmpty()
                ? closeReason(record.reason)
                //: %1 = why the stream closed, %2 = the end marker seen, e.g. [DONE]
                : tr("%1: %2", "close reason: end marker")
                          .arg(closeReason(record.reason), record.endMarker);
    case Kind::Finding:
        //: A finding row: %1 = severity ("Problem"), %2 = the verdict
        return tr("%1: %2", "finding row")
                .arg(severityName(record.finding.severity), findingVerdict(record.finding));
    }
    return {};
}

QList<std::pair<QString, QString>> RecordText::details(const StreamRecord &record)
{
    using Kind = StreamRecord::Kind;
    const QLocale locale;
    QList<std::pair<QString, QString>> rows;
    rows.append({ tr("Kind"), kindName(record.kind) });
    rows.append({ tr("Time"),
                  record.time.isValid()
                          ? record.time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s)
                          : QString() });
    rows.append({ tr("Connection"),
                  record.connection > 0 ? QString::number(record.connection) : tr("None") });
    const auto addHeaders = [&rows](const StreamRecord::HeaderList &headers) {
        for (const auto &[name, value] : headers)
            rows.append({ headerText(name), headerText(value) });
    };
    const QString none = tr("(none)");
    switch (record.kind) {
    case Kind::Session:
        rows.append({ tr("Written by"), record.tool });
        rows.append({ tr("Format version"), QString::number(record.formatVersion) });
        break;
    case Kind::Connecting:
        rows.append({ tr("Method"), record.method });
        rows.append({ tr("URL"), displayUrl(record.url) });
        rows.append({ tr("Last-Event-ID sent"),
                      record.lastEventId.isEmpty() ? none : record.lastEventId });
        //: A heading row above the request's headers in the detail pane
        rows.append(
                { tr("Request headers"), record.headers.isEmpty() ? tr("none sent") : QString() });
        addHeaders(record.headers);
        break;
    case Kind::Redirect:
        rows.append({ tr("Status"), QString::number(record.status) });
        rows.append({ tr("Target"), displayUrl(record.url) });
        break;
    case Kind::Open:
        rows.append({ tr("Status line"),
                      u"HTTP/%1 %2 %3"_s.arg(record.httpVersion)
                              .arg(record.status)
                              .arg(record.statusText) });
        rows.append({ tr("Final URL"), displayUrl(record.url) });
        if (record.headersMs >= 0)
            rows.append({ tr("Response head after"), milliseconds(record.headersMs) });
        //: A heading row above the response's headers in the detail pane
        rows.append({ tr("Response headers"), QString() });
        addHeaders(record.headers);
        break;
    case Kind::Event:
        rows.append({ tr("Type"), record.type });
        rows.append({ tr("Id", "the event's own id: field"), record.id.value_or(none) });
        rows.append({ tr("Last-Event-ID"), record.lastEventId });
        break;
    case Kind::Retry:
        rows.append({ tr("Retry"), milliseconds(record.retryMs) });
        break;
    case Kind::Comment:
        rows.append({ tr("Text"), record.text });
        break;
    case Kind::Error:
        rows.append({ tr("Error"), errorKindName(record.error.kind) });
        rows.append({ tr("Detail"), record.error.message });
        rows.append({ tr("Fatal"), record.error.fatal ? tr("yes") : tr("no") });
        rows.append({ tr("Simulated"), record.error.simulated ? tr("yes") : tr("no") });
        if (record.error.httpStatus != 0)
            rows.append({ tr("HTTP status"), QString::number(record.error.httpStatus) });
        if (!record.error.body.isEmpty()) {
            // One bounded line here; the Data tab shows all of it, pretty-printed.
            constexpr qsizetype Preview = 300;
            QString body = record.error.body.left(Preview).simplified();
            if (record.error.body.size() > Preview || record.error.bodyTruncated)
                body += u'\u2026';
            //: The body of a response that failed the stream (a 401's JSON message, …)
            rows.append({ tr("Response body"), body });
        }
        break;
    case Kind::Reconnecting:
        rows.append({ tr("Attempt"), attemptText(record) });
        rows.append({ tr("Delay"),
                      delaySource(record.delaySource, record.delayMs, record.policyAttempt) });
        rows.append({ tr("Last-Event-ID to send"),
                      record.lastEventId.isEmpty() ? none : record.lastEventId });
        break;
    case Kind::Control:
        rows.append({ tr("Command"), summary(record) });
        break;
    case Kind::Summary: {
        const StreamSummary &summary = *record.summary;
        rows.append({ tr("Profile"), summary.profile });
        rows.append({ tr("Outcome"), summary.outcome });
        rows.append({ tr("Text"), summary.text });
        if (!summary.reasoning.isEmpty())
            rows.append({ tr("Reasoning"), summary.reasoning });
        if (summary.timing.firstTokenMs >= 0)
            rows.append({ tr("First token after"), milliseconds(summary.timing.firstTokenMs) });
        for (const StreamSummary::Warning &warning : summary.warnings)
            rows.append({ tr("Warning"), warning.message });
        break;
    }
    case Kind::Closed:
        rows.append({ tr("Reason"), closeReason(record.reason) });
        if (!record.endMarker.isEmpty())
            rows.append({ tr("End marker"), record.endMarker });
        break;
    case Kind::Finding: {
        const Finding &finding = record.finding;
        rows.append({ tr("Severity"), severityName(finding.severity) });
        rows.append({ tr("Verdict"), findingVerdict(finding) });
        const QString advice = findingAdvice(finding);
        rows.append({ tr("What to do"), advice.isEmpty() ? tr("nothing") : advice });
        //: The finding's stable identifier (e.g. resume.gap)
        rows.append({ tr("Finding id"), finding.id });
        QStringList connections;
        for (int connection : finding.evidence.connections)
            connections << QString::number(connection);
        if (!connections.isEmpty())
            rows.append({ tr("Connections"), connections.join(u", "_s) });
        if (!finding.evidence.eventIds.isEmpty())
            rows.append({ tr("Event ids"), finding.evidence.eventIds.join(u", "_s) });
        QStringList times;
        for (const QDateTime &time : finding.evidence.times)
            times << time.toLocalTime().toString(u"HH:mm:ss.zzz"_s);
        if (!times.isEmpty())
            rows.append({ tr("Times"), times.join(u", "_s) });
        addHeaders(finding.evidence.headers);
        break;
    }
    }
    return rows;
}
