// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "jsonlinesparser.h"

#include <cstring>

using namespace Qt::StringLiterals;

namespace {

constexpr char Utf8Bom[] = "\xEF\xBB\xBF";
// RFC 7464 §2: "RS is the ASCII [RFC20] character Record Separator (0x1E)".
constexpr char RecordSeparatorByte = '\x1E';

// Buffers that grew past this (one huge record) are released instead of kept for reuse.
constexpr qsizetype RetainedBufferCapacity = 1024 * 1024;

bool isJsonWhitespace(char c)
{
    // RFC 8259 §2: the four insignificant whitespace characters.
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isBlank(QByteArrayView text)
{
    for (char c : text) {
        if (!isJsonWhitespace(c))
            return false;
    }
    return true;
}

// The sink of the convenience feed(): keeps events only.
class ListSink final : public SseParser::Sink
{
public:
    void event(SseEvent &&event) override { events.append(std::move(event)); }
    QList<SseEvent> events;
};

QByteArrayView essenceOf(QByteArrayView contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.first(semicolon)).trimmed();
}

} // namespace

std::optional<JsonLinesParser::Framing> JsonLinesParser::framingFor(QByteArrayView contentType)
{
    const QByteArray essence = essenceOf(contentType).toByteArray().toLower();
    // The registered and the common unregistered names of the same line-per-record format.
    static const QByteArrayView LineTypes[] = {
        "application/x-ndjson",   "application/ndjson",        "application/jsonl",
        "application/x-jsonl",    "application/jsonlines",     "application/x-jsonlines",
        "application/json-lines", "application/x-json-stream",
    };
    for (const QByteArrayView type : LineTypes) {
        if (essence == type)
            return Framing::Lines;
    }
    if (essence == "application/json-seq")
        return Framing::RecordSeparator;
    return std::nullopt;
}

JsonLinesParser::JsonLinesParser(Framing framing)
    : m_framing(framing)
{}

QList<SseEvent> JsonLinesParser::feed(QByteArrayView chunk)
{
    ListSink sink;
    feed(chunk, sink);
    return std::move(sink.events);
}

void JsonLinesParser::feed(QByteArrayView chunk, SseParser::Sink &sink)
{
    const char *p = chunk.data();
    const char *const end = p + chunk.size();
    if (m_bomMatched >= 0) {
        // The BOM may itself arrive split over chunks: match it byte by byte.
        while (p != end && m_bomMatched < 3 && *p == Utf8Bom[m_bomMatched]) {
            ++p;
            ++m_bomMatched;
        }
        if (m_bomMatched == 3) {
            m_bomMatched = -1;
        } else if (p != end) {
            // Not a BOM after all: the bytes matched so far are content.
            if (m_bomMatched > 0) {
                const QByteArrayView partial(Utf8Bom, m_bomMatched);
                m_bomMatched = -1;
                feed(partial, sink);
            }
            m_bomMatched = -1;
        }
    }
    if (p == end)
        return;
    if (m_framing == Framing::Lines)
        feedLines(p, end, sink);
    else
        feedRecords(p, end, sink);
}

void JsonLinesParser::feedLines(const char *p, const char *end, SseParser::Sink &sink)
{
    while (p != end) {
        const auto *lf = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        if (!lf) {
            append(p, end - p, sink);
            return;
        }
        const qsizetype length = lf - p;
        if (m_skipping) {
            m_skipping = false;
        } else if (m_buffer.isEmpty() && m_bufferRawSize == 0) {
            // The whole line lies in this chunk: no copy.
            if (length > m_maximumEventSize)
                sink.eventTooLarge(length);
            else
                dispatch(QByteArrayView(p, length), length + 1, sink);
        } else {
            append(p, length, sink);
            if (m_skipping)
                m_skipping = false;
            else
                dispatch(m_buffer, m_bufferRawSize + 1, sink);
        }
        m_buffer.resize(0);
        if (m_buffer.capacity() > RetainedBufferCapacity)
            m_buffer.squeeze();
        m_bufferRawSize = 0;
        p = lf + 1;
    }
}

void JsonLinesParser::feedRecords(const char *p, const char *end, SseParser::Sink &sink)
{
    const char *start = p; // of the bytes not yet appended to m_buffer
    for (; p != end; ++p) {
        const char c = *p;
        if (c == RecordSeparatorByte) {
            append(start, p - start, sink);
            // RFC 7464 §2.3: an RS ends the record before it, complete or not (a truncated
            // record reaches the consumer as it is, whose JSON reader then says so).
            if (!m_skipping && m_hasValue)
                dispatchBuffered(sink);
            m_buffer.resize(0);
            m_skipping = false;
            m_depth = 0;
            m_inString = m_escaped = m_hasValue = false;
            m_bufferRawSize = 1; // The RS belongs to the record it opens.
            start = p + 1;
            continue;
        }
        if (m_inString) {
            if (m_escaped)
                m_escaped = false;
            else if (c == '\\')
                m_escaped = true;
            else if (c == '"')
                m_inString = false;
            continue;
        }
        switch (c) {
        case '"':
            m_inString = true;
            m_hasValue = true;
            break;
        case '{':
        case '[':
            ++m_depth;
            m_hasValue = true;
            break;
        case '}':
        case ']':
            --m_depth;
            break;
        case '\n':
            if (m_depth <= 0 && m_hasValue) {
                append(start, p + 1 - start, sink);
                start = p + 1;
                if (!m_skipping)
                    dispatchBuffered(sink);
                m_buffer.resize(0);
                m_bufferRawSize = 0;
                m_skipping = false;
                m_depth = 0;
                m_hasValue = false;
            }
            break;
        default:
            if (!isJsonWhitespace(c))
                m_hasValue = true;
            break;
        }
    }
    append(start, end - start, sink);
}

void JsonLinesParser::append(const char *p, qsizetype size, SseParser::Sink &sink)
{
    m_bufferRawSize += size;
    if (m_skipping || size == 0)
        return;
    if (m_buffer.size() + size > m_maximumEventSize) {
        m_skipping = true;
        sink.eventTooLarge(m_buffer.size() + size);
        m_buffer.resize(0);
        m_buffer.squeeze();
        return;
    }
    m_buffer.append(p, size);
}

void JsonLinesParser::dispatchBuffered(SseParser::Sink &sink)
{
    dispatch(m_buffer, m_bufferRawSize, sink);
}

void JsonLinesParser::dispatch(QByteArrayView record, qint64 rawSize, SseParser::Sink &sink)
{
    // CR LF ends a line too; JSON never holds a raw CR inside a string.
    while (!record.isEmpty() && (record.back() == '\r' || record.back() == '\n'))
        record.chop(1);
    if (m_framing == Framing::RecordSeparator)
        record = record.trimmed();
    if (record.isEmpty() || isBlank(record))
        return; // A blank line is not a record.
    static const QString MessageType = u"message"_s;
    SseEvent event;
    event.type = MessageType;
    event.data = QString::fromUtf8(record);
    // fromUtf8 gives one U+FFFD per byte of an unfinished sequence; SSE streams follow the
    // Encoding Standard, and so do these.
    if (event.data.contains(QChar::ReplacementCharacter))
        event.data = SseParser::utf8Decode(record);
    event.rawSize = rawSize;
    event.sequence = ++m_sequence;
    sink.event(std::move(event));
}

bool JsonLinesParser::finish(SseParser::Sink &sink)
{
    const quint64 before = m_sequence;
    if (!m_skipping && !m_buffer.isEmpty())
        dispatchBuffered(sink);
    reset();
    return m_sequence != before;
}

void JsonLinesParser::reset()
{
    m_buffer.resize(0);
    if (m_buffer.capacity() > RetainedBufferCapacity)
        m_buffer.squeeze();
    m_bufferRawSize = 0;
    m_bomMatched = 0;
    m_skipping = false;
    m_depth = 0;
    m_inString = m_escaped = m_hasValue = false;
}
