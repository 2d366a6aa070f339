// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

struct SseEvent;

/// Writes server-sent events as `text/event-stream` bytes (UTF-8), the inverse of SseParser:
/// whatever it writes, SseParser reads back as the same event. The demo server writes its
/// streams with it and the GUI shows an event's wire form with it, so both agree byte for byte.
///
/// Every function writes whole blocks, each ending in an empty line, so outputs can be
/// concatenated in any order. Lines end in LF. A field whose value is empty is written as
/// `name:` (no space); otherwise as `name: value`, so a value's own leading space survives the
/// parser's "strip one leading space" rule. Byte input is taken as UTF-8 and copied as it is.
namespace SseWriter {

/// Appends one event: `event:` (when `type` is not empty), `id:` (when `id` is set; an empty id
/// resets the reader's last event id), one `data:` line per line of `data`, `retry:` (when set),
/// then the empty line that dispatches it. A LF, CR or CRLF inside `data` starts a new `data:`
/// line, which the parser joins back with LF (HTML §9.2.6), so CR and CRLF come back as LF.
/// `type` and `id` cannot hold a line break on the wire: they are cut at the first CR or LF.
void appendEvent(QByteArray &out, QByteArrayView data, QByteArrayView type = {},
                 std::optional<QByteArrayView> id = std::nullopt,
                 std::optional<qint64> retryMs = std::nullopt);
/// appendEvent() into a new array.
QByteArray event(QByteArrayView data, QByteArrayView type = {},
                 std::optional<QByteArrayView> id = std::nullopt,
                 std::optional<qint64> retryMs = std::nullopt);
/// The same from text, encoded as UTF-8.
QByteArray event(QStringView data, QStringView type = {},
                 std::optional<QStringView> id = std::nullopt,
                 std::optional<qint64> retryMs = std::nullopt);
/// A received event's wire form: `event:` unless its type is "message" (the default), `id:`
/// when its own block carried one (SseEvent::hasId), and its data. Comments, field order and
/// line ends of the original are not kept by the parser, so this is a reconstruction.
QByteArray event(const SseEvent &event);

/// Appends a comment block: `: text` per line of `text` (split like data), then an empty line.
/// The parser reports each line with the space after the colon, e.g. " heartbeat".
void appendComment(QByteArray &out, QByteArrayView text);
QByteArray comment(QByteArrayView text);
QByteArray comment(QStringView text);

/// A block with only `retry: MS` (HTML §9.2.6: sets the reader's reconnection time).
/// A negative value is written as 0: the field accepts ASCII digits only.
QByteArray retry(qint64 milliseconds);

} // namespace SseWriter
