// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "ssewriter.h"

#include <algorithm>

#include "sseevent.h"

using namespace Qt::StringLiterals;

namespace {

// One `name: value` line; an empty value is `name:`, because "name: " would read back the same
// but costs a byte, and a value's own leading space must not be the one the parser strips.
void appendField(QByteArray &out, QByteArrayView name, QByteArrayView value)
{
    out.append(name);
    out.append(':');
    if (!value.isEmpty()) {
        out.append(' ');
        out.append(value);
    }
    out.append('\n');
}

// HTML §9.2.6: "Lines must be separated by either a U+000D CARRIAGE RETURN U+000A LINE FEED
// (CRLF) character pair, a single U+000A LINE FEED (LF) character, or a single U+000D CARRIAGE
// RETURN (CR) character", so each of them in a value must start a new field line.
void appendLines(QByteArray &out, QByteArrayView name, QByteArrayView text)
{
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c != '\n' && c != '\r')
            continue;
        appendField(out, name, text.sliced(start, i - start));
        if (c == '\r' && i + 1 < text.size() && text.at(i + 1) == '\n')
            ++i;
        start = i + 1;
    }
    appendField(out, name, text.sliced(start));
}

// A field that is one line on the wire keeps what comes before its first line break.
QByteArrayView firstLine(QByteArrayView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == '\n' || text.at(i) == '\r')
            return text.first(i);
    }
    return text;
}

} // namespace

namespace SseWriter {

void appendEvent(QByteArray &out, QByteArrayView data, QByteArrayView type,
                 std::optional<QByteArrayView> id, std::optional<qint64> retryMs)
{
    if (!type.isEmpty())
        appendField(out, "event", firstLine(type));
    if (id)
        appendField(out, "id", firstLine(*id));
    appendLines(out, "data", data);
    if (retryMs)
        appendField(out, "retry", QByteArray::number(std::max<qint64>(*retryMs, 0)));
    // HTML §9.2.6: "If the line is empty (a blank line): Dispatch the event".
    out += '\n';
}

QByteArray event(QByteArrayView data, QByteArrayView type, std::optional<QByteArrayView> id,
                 std::optional<qint64> retryMs)
{
    QByteArray out;
    out.reserve(data.size() + type.size() + (id ? id->size() : 0) + 32);
    appendEvent(out, data, type, id, retryMs);
    return out;
}

QByteArray event(QStringView data, QStringView type, std::optional<QStringView> id,
                 std::optional<qint64> retryMs)
{
    const QByteArray idBytes = id ? id->toUtf8() : QByteArray();
    return event(QByteArrayView(data.toUtf8()), QByteArrayView(type.toUtf8()),
                 id ? std::optional<QByteArrayView>(idBytes) : std::nullopt, retryMs);
}

QByteArray event(const SseEvent &event)
{
    // HTML §9.2.6: an event without an `event:` field is dispatched as "message".
    const QStringView type = event.type == u"message"_s ? QStringView() : QStringView(event.type);
    return SseWriter::event(QStringView(event.data), type,
                            event.hasId ? std::optional<QStringView>(event.lastEventId)
                                        : std::nullopt);
}

void appendComment(QByteArray &out, QByteArrayView text)
{
    appendLines(out, "", text);
    out += '\n';
}

QByteArray comment(QByteArrayView text)
{
    QByteArray out;
    appendComment(out, text);
    return out;
}

QByteArray comment(QStringView text)
{
    return comment(QByteArrayView(text.toUtf8()));
}

QByteArray retry(qint64 milliseconds)
{
    QByteArray out;
    appendField(out, "retry", QByteArray::number(std::max<qint64>(milliseconds, 0)));
    out += '\n';
    return out;
}

} // namespace SseWriter
