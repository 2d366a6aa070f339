// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringView>

#include "sseevent.h"
#include "streamrecord.h"

/// The one NDJSON dialect of StreamRecord: one JSON object per line, written by `ssescope-cli
/// watch`, recordings, exports and Copy Row as JSON, and read back by Open Recording. Writing
/// uses no Qt JSON classes (it is the CLI's hot path); reading does.
///
/// Every line has "kind", "connection" and (when known) "time" last; the other fields per kind
/// are listed in docs/records.md. Header lists are arrays of [name, value] pairs in wire order,
/// bytes read as Latin-1 so that any header survives a round trip.
namespace RecordJson {

/// Appends `text` as a quoted JSON string: `"` `\` and control characters escaped, all other
/// characters as UTF-8; a lone surrogate becomes U+FFFD so the output is always valid UTF-8.
void appendString(QByteArray &out, QStringView text);
/// Appends `"YYYY-MM-DDTHH:MM:SS.mmmZ"` (quoted) for `time` in UTC.
void appendTimestamp(QByteArray &out, const QDateTime &time);

/// Appends one "event" line (ending in LF) straight from an event: the hot path.
/// `withTime` adds the event's receivedAt (when valid) as "time".
void appendEvent(QByteArray &out, const SseEvent &event, bool withTime = true);
/// Appends one line (ending in LF) for any record.
void appendRecord(QByteArray &out, const StreamRecord &record);
/// The record as one line, ending in LF.
QByteArray toJsonLine(const StreamRecord &record);

/// Reads one line back (a trailing CR/LF is allowed); nullopt for anything that is not a JSON
/// object of a known kind with correctly typed fields.
std::optional<StreamRecord> fromJsonLine(QByteArrayView line);

/// Every field of a record as (JSON key, text) pairs in the order the line writes them, "kind"
/// first; header lists as compact JSON arrays. For tabular exports (CSV) of the same fields.
QList<std::pair<QLatin1String, QString>> fields(const StreamRecord &record);

} // namespace RecordJson
