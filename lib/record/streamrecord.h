// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <utility>

#include <QByteArray>
#include <QDateTime>
#include <QLatin1String>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringView>
#include <QUrl>

#include "finding.h"
#include "sseerror.h"
#include "sseevent.h"
#include "streamsummary.h"

/// One step of a stream's story, complete: the connection number and time are filled in, and
/// every field a face shows is in the record itself, so no consumer calls back into the reader.
///
/// SseReader emits events through eventReceived(const SseEvent &) (the hot path, no record is
/// built per event) and every other step through recordReceived(const StreamRecord &), in one
/// order. The CLI's `watch`, recordings, exports, the table and the connection panel are sinks of
/// those two signals; the NDJSON form (RecordJson) is the same for all of them. A Session record
/// heads a file and says which format version and tool wrote it; the reader never emits one.
///
/// Adding a kind: the enum here, kindName(), a factory if it helps, RecordJson's writer and
/// reader (and its fields(), the plain English fallback of rows without a GUI formatter), the
/// emit site, and the GUI's RecordText (see HACKING.md).
///
/// Finding records are not emitted by the reader: the findings engine (lib/analysis) makes them
/// from the same story, and faces put them in it where they were found.
struct StreamRecord
{
    enum class Kind {
        Session, ///< First line of a file: formatVersion and tool.
        Connecting, ///< An attempt starts: method, url, lastEventId sent, headers sent.
        Redirect, ///< The server redirected the attempt: status, url (the new target).
        /// A 200 event stream (or JSON lines): status, statusText, httpVersion, url, headers,
        /// headersMs.
        Open,
        Event, ///< A dispatched event: type, data, id, lastEventId, size.
        Retry, ///< A valid `retry:` field: retryMs.
        Comment, ///< A comment line (heartbeat): text.
        Error, ///< A failure: error (kind, message, fatal, simulated, httpStatus).
        Reconnecting, ///< A reconnect is scheduled: attempt, delayMs, delaySource, lastEventId.
        /// Someone acted on the stream from outside (`watch --control`): command, durationMs.
        Control,
        /// What a connection amounted to (answer, usage, timing, warnings): summary. Written by
        /// a face that analyses the stream (`watch`), before the Closed record; never by the
        /// reader.
        Summary,
        Closed, ///< Watching stopped for good: reason (see CloseReason), endMarker.
        Finding, ///< A verdict of the findings engine: finding (see Finding).
    };

    using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

    /// The NDJSON format version this build writes. Version 1 files (no Session record, no
    /// headers, no event size) are read as well.
    static constexpr int FormatVersion = 2;

    Kind kind = Kind::Event;
    QDateTime time; ///< When it happened (UTC; written with millisecond precision).
    int connection = 0; ///< The connection it belongs to (Reconnecting: the one that failed).

    int formatVersion = 0; ///< Session.
    QString tool; ///< Session: e.g. "ssescope-cli 0.2.0".

    /// Connecting: its time is when the request was handed to the network, the zero of every
    /// duration a Summary gives.
    QString method;
    /// Connecting: the URL requested; Redirect: the target; Open: the final URL; Session: the
    /// stream recorded, when known (a recording started mid-stream has no Connecting record).
    /// Never with a password.
    QString url;
    /// Connecting: the Last-Event-ID sent (empty = none); Reconnecting: the one the next attempt
    /// sends; Event: the last event id in force when the event was dispatched.
    QString lastEventId;
    /// Connecting: the request headers as sent, secret values masked (see maskedValue); Open:
    /// every response header, in order. Bytes as on the wire.
    HeaderList headers;

    int status = 0; ///< Open, Redirect: the HTTP status.
    QString statusText; ///< Open: the reason phrase.
    QString httpVersion; ///< Open: "1.1" or "2".
    /// Open: milliseconds from sending the request to the response head, measured on a
    /// monotonic clock (-1 = not known, e.g. a recording from an older version).
    qint64 headersMs = -1;

    QString type; ///< Event: the event type.
    QString data; ///< Event: the data.
    std::optional<QString> id; ///< Event: the block's own `id:`, or nullopt (JSON null).
    qint64 size = 0; ///< Event: bytes of the block on the wire (0 when not known).

    qint64 retryMs = 0; ///< Retry.
    QString text; ///< Comment.

    SseError error; ///< Error.

    /// Reconnecting: the attempt since the last connection that opened (1 after a drop).
    int attempt = 0;
    /// Reconnecting: the policy's attempt number (backoff step; reset only by a connection that
    /// stayed open for the policy's stableAfter).
    int policyAttempt = 0;
    /// Reconnecting: the policy's cap on policyAttempt for this kind of failure (0 = none).
    int maxAttempts = 0;
    qint64 delayMs = 0; ///< Reconnecting: the wait before the attempt.
    QString delaySource; ///< Reconnecting: ReconnectPolicy::delaySourceName() of the delay.

    QString reason; ///< Closed: a CloseReason value, or a face's own ("max-events", …).
    /// Closed: what ended the stream when the reason is "completed" or "until", e.g. "[DONE]",
    /// "event message_stop" or the user's marker; empty otherwise.
    QString endMarker;

    SharedStreamSummary summary; ///< Summary.

    QString command; ///< Control: "reconnect", "drop", "offline" or "close".
    qint64 durationMs = 0; ///< Control: how long an "offline" lasts.

    Finding finding; ///< Finding.

    /// Stable identifiers of why watching stopped.
    struct CloseReason
    {
        static QLatin1String closed() { return QLatin1String("closed"); } ///< close() was called.
        /// A fatal error ended the stream (see the Error record before it).
        static QLatin1String failed() { return QLatin1String("failed"); }
        /// The policy's maximum number of attempts was used up.
        static QLatin1String gaveUp() { return QLatin1String("gave-up"); }
        /// A recording was stopped while the stream was still running.
        static QLatin1String recordingStopped() { return QLatin1String("recording-stopped"); }
        /// The server ended the stream cleanly and no reconnect follows: the policy is off or
        /// used up, or the request is not to be sent again (StreamRequest::resendBody).
        static QLatin1String ended() { return QLatin1String("ended"); }
        /// A recognised end marker arrived ("[DONE]", message_stop, response.completed, …).
        static QLatin1String completed() { return QLatin1String("completed"); }
        /// The user's own end marker (StreamRequest::until) matched an event.
        static QLatin1String until() { return QLatin1String("until"); }
    };

    /// The value written for a secret request header ("Authorization", …) instead of its own.
    static QByteArray maskedValue() { return QByteArrayLiteral("<redacted>"); }

    /// The "kind" value for a kind, e.g. "reconnecting".
    static QLatin1String kindName(Kind kind);
    static std::optional<Kind> kindFromName(QStringView name);

    /// Whether this is a connection life-cycle step (everything but Event and Session; a
    /// Finding counts, as it sits in the story like one).
    bool isLifecycle() const { return kind != Kind::Event && kind != Kind::Session; }
    /// The first header of that name (case-insensitive), or a null QByteArray.
    QByteArray header(QByteArrayView name) const;
    /// Open: the response's Content-Type, decoded as Latin-1 like every header value.
    QString contentType() const { return QString::fromLatin1(header("Content-Type")); }

    static StreamRecord session(const QString &tool);
    /// An Event record for an event (its receivedAt becomes the time).
    static StreamRecord fromEvent(const SseEvent &event);
    /// A Closed record.
    static StreamRecord closed(int connection, const QString &reason);
    /// A Finding record.
    static StreamRecord fromFinding(const Finding &finding, int connection, const QDateTime &time);
    /// A Summary record.
    static StreamRecord fromSummary(int connection, const StreamSummary &summary);
    /// url without its password: the one form a record ever keeps.
    static QString displayUrl(const QUrl &url);

    /// The event of an Event record (sequence is not recorded, so it stays 0).
    SseEvent toEvent() const;

    friend bool operator==(const StreamRecord &, const StreamRecord &) = default;
};

Q_DECLARE_METATYPE(StreamRecord)
