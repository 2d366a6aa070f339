// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <utility>

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QLatin1String>
#include <QList>
#include <QString>
#include <QStringView>
#include <QUrl>

#include "sseerror.h"
#include "sseevent.h"

/// One NDJSON record: a received event or a connection life-cycle step, as written by
/// `ssescope-cli watch`, NDJSON export and recordings, and as read back from them.
struct EventRecord
{
    enum class Kind { Connecting, Open, Event, Retry, Comment, Error, Reconnecting, Closed };

    Kind kind = Kind::Event;
    QDateTime time; ///< Written as the trailing "time" field (UTC, ms) when valid.
    int connection = 0; ///< Every kind except Reconnecting and Closed.

    QString url; ///< Connecting.
    QString lastEventId; ///< Connecting, Event, Reconnecting.
    int status = 0; ///< Open: the HTTP status; Error: the HTTP status when nonzero.
    QString contentType; ///< Open.

    QString type; ///< Event: the event type.
    QString data; ///< Event: the data.
    std::optional<QString> id; ///< Event: the block's own `id:`, or nullopt (JSON null).

    qint64 retryMs = 0; ///< Retry: the `retry:` value.
    QString text; ///< Comment: the comment text.

    QString message; ///< Error: English technical message.
    bool fatal = false; ///< Error: whether the reader stopped for good.
    bool simulated = false; ///< Error: caused by fault simulation.
    QString errorKind; ///< Error: the SseError kind name; empty = not written.

    int attempt = 0; ///< Reconnecting: 1-based attempt number.
    qint64 delayMs = 0; ///< Reconnecting: the delay before the attempt.

    QString reason; ///< Closed: why watching stopped.

    /// The "kind" value for a kind, e.g. "reconnecting".
    static QLatin1String kindName(Kind kind);
    static std::optional<Kind> kindFromName(QStringView name);

    /// An Event record for an event (its receivedAt becomes the time).
    static EventRecord fromEvent(const SseEvent &event);
    // The lifecycle records, built from SseReader's signals the same way by every writer
    // (ssescope-cli watch, the app's recorder). A URL's password is never kept.
    static EventRecord connecting(int connection, const QUrl &url, const QString &lastEventId);
    /// headers as SseReader::opened() gives them; the record keeps their Content-Type.
    static EventRecord opened(int connection, int status,
                              const QList<std::pair<QByteArray, QByteArray>> &headers);
    static EventRecord comment(int connection, const QString &text);
    static EventRecord retry(int connection, qint64 milliseconds);
    static EventRecord error(int connection, const SseError &error);
    static EventRecord reconnecting(int attempt, qint64 delayMs, const QString &lastEventId);

    /// The event of an Event record (rawSize and sequence are not recorded, so they stay 0).
    SseEvent toEvent() const;

    friend bool operator==(const EventRecord &, const EventRecord &) = default;
};

/// Fast JSON writing and reading of EventRecord lines; no Qt JSON classes on the write path.
namespace EventJson {

/// Appends `text` as a quoted JSON string: `"` `\` and control characters escaped, all other
/// characters as UTF-8; a lone surrogate becomes U+FFFD so the output is always valid UTF-8.
void appendString(QByteArray &out, QStringView text);
/// Appends `"YYYY-MM-DDTHH:MM:SS.mmmZ"` (quoted) for `time` in UTC.
void appendTimestamp(QByteArray &out, const QDateTime &time);

/// Appends one "event" line (ending in LF) straight from an event: the hot path.
/// `withTime` adds the event's receivedAt (when valid) as "time".
void appendEvent(QByteArray &out, const SseEvent &event, bool withTime = true);
/// Appends one line (ending in LF) for any record.
void appendRecord(QByteArray &out, const EventRecord &record);
/// The record as one line, ending in LF.
QByteArray toJsonLine(const EventRecord &record);

/// Reads one line back (a trailing CR/LF is allowed); nullopt for anything that is not a JSON
/// object of a known kind with correctly typed fields.
std::optional<EventRecord> fromJsonLine(QByteArrayView line);

} // namespace EventJson
