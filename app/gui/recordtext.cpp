// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include "recordtext.h"

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
} // namespace

QString RecordText::milliseconds(qint64 value)
{
    //: A duration; %1 is a number already formatted for the locale
    return tr("%1 ms").arg(QLocale().toString(value));
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
    case Kind::Summary:
        return tr("Summary", "what a connection amounted to: answer, usage, timing");
    case Kind::Closed:
        return tr("Closed", "connection lifecycle");
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
    QString detail = error.message;
    // The reader's English detail may say "(simulated)" itself; the translated marker replaces it.
    if (error.simulated && detail.endsWith(u" (simulated)"_s))
        detail.chop(12);
    QString text = errorKindName(error.kind);
    if (error.simulated)
        text = tr("%1 (simulated)", "error kind of an injected fault").arg(text);
    if (!detail.isEmpty())
        text = tr("%1: %2", "error kind: technical detail").arg(text, detail);
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
        break;
    case Kind::Reconnecting:
        rows.append({ tr("Attempt"), attemptText(record) });
        rows.append({ tr("Delay"),
                      delaySource(record.delaySource, record.delayMs, record.policyAttempt) });
        rows.append({ tr("Last-Event-ID to send"),
                      record.lastEventId.isEmpty() ? none : record.lastEventId });
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
    }
    return rows;
}
