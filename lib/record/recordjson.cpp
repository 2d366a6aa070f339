// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "recordjson.h"

#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QtAlgorithms>

using namespace Qt::StringLiterals;

namespace {

constexpr char HexDigits[] = "0123456789abcdef";

// The worst case is a control character: one UTF-16 unit becomes six bytes (\u00XX). Escaping
// in bounded chunks keeps the temporary over-allocation small even for multi-megabyte data.
constexpr qsizetype EscapeChunk = 8192;
constexpr qsizetype MaximumBytesPerUnit = 6;

char *escapeInto(char *out, const char16_t *begin, const char16_t *end)
{
#ifdef __SSE2__
    const __m128i space = _mm_set1_epi16(0x20);
    const __m128i del = _mm_set1_epi16(0x7f);
    const __m128i quote = _mm_set1_epi16('"');
    const __m128i backslash = _mm_set1_epi16('\\');
#endif
    for (const char16_t *p = begin; p != end; ++p) {
#ifdef __SSE2__
        // Most text is printable ASCII: 8 units at a time are checked and narrowed to bytes (the
        // caller's 6 bytes per unit leave room for the 8-byte store); the units up to the first
        // one that needs work are kept, and that one goes through the scalar code below.
        if (end - p >= 8) {
            const __m128i units = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            // Signed compares: units of 0x8000 and up are negative, so "< 0x20" catches them.
            const unsigned hard = unsigned(_mm_movemask_epi8(
                    _mm_or_si128(_mm_cmplt_epi16(units, space), _mm_cmpgt_epi16(units, del))));
            const unsigned soft = unsigned(_mm_movemask_epi8(_mm_or_si128(
                    _mm_cmpeq_epi16(units, quote), _mm_cmpeq_epi16(units, backslash))));
            const __m128i bytes = _mm_packus_epi16(units, units);
            if (hard == 0) {
                // Printable ASCII, where JSON text has its quotes: each '"' or '\\' gets its
                // backslash here instead of a round trip through the scalar code per character.
                if (soft == 0) {
                    _mm_storel_epi64(reinterpret_cast<__m128i *>(out), bytes);
                    out += 8;
                } else {
                    alignas(16) char narrow[16];
                    _mm_store_si128(reinterpret_cast<__m128i *>(narrow), bytes);
                    // Fixed 8-byte copies (one move each) that the next write partly
                    // overwrites: the caller's 6 bytes per unit leave room for the overhang.
                    unsigned at = 0;
                    // movemask gives two bits per 16-bit unit: keep one.
                    for (unsigned rest = soft & 0x5555; rest != 0; rest &= rest - 1) {
                        const unsigned index = qCountTrailingZeroBits(rest) / 2;
                        std::memcpy(out, narrow + at, 8);
                        out += index - at;
                        *out++ = '\\';
                        *out++ = narrow[index];
                        at = index + 1;
                    }
                    std::memcpy(out, narrow + at, 8);
                    out += 8 - at;
                }
                p += 7;
                continue;
            }
            // Something that needs the scalar code: the units before it are kept as they are.
            _mm_storel_epi64(reinterpret_cast<__m128i *>(out), bytes);
            const unsigned safe = qCountTrailingZeroBits(hard | soft) / 2;
            out += safe;
            p += safe;
        }
#endif
        const char16_t c = *p;
        if (c < 0x80) {
            if (c >= 0x20 && c != u'"' && c != u'\\') {
                *out++ = char(c);
                continue;
            }
            *out++ = '\\';
            switch (c) {
            case u'"':
                *out++ = '"';
                break;
            case u'\\':
                *out++ = '\\';
                break;
            case u'\n':
                *out++ = 'n';
                break;
            case u'\r':
                *out++ = 'r';
                break;
            case u'\t':
                *out++ = 't';
                break;
            case u'\b':
                *out++ = 'b';
                break;
            case u'\f':
                *out++ = 'f';
                break;
            default:
                // RFC 8259 §7: the remaining control characters need the \u form.
                *out++ = 'u';
                *out++ = '0';
                *out++ = '0';
                *out++ = HexDigits[c >> 4];
                *out++ = HexDigits[c & 0xf];
                break;
            }
        } else if (c < 0x800) {
            *out++ = char(0xc0 | (c >> 6));
            *out++ = char(0x80 | (c & 0x3f));
        } else if (QChar::isHighSurrogate(c) && p + 1 != end && QChar::isLowSurrogate(p[1])) {
            const char32_t ucs4 = QChar::surrogateToUcs4(c, p[1]);
            ++p;
            *out++ = char(0xf0 | (ucs4 >> 18));
            *out++ = char(0x80 | ((ucs4 >> 12) & 0x3f));
            *out++ = char(0x80 | ((ucs4 >> 6) & 0x3f));
            *out++ = char(0x80 | (ucs4 & 0x3f));
        } else if (QChar::isSurrogate(c)) {
            // A lone surrogate has no UTF-8 form; U+FFFD keeps the line valid for every reader.
            *out++ = char(0xef);
            *out++ = char(0xbf);
            *out++ = char(0xbd);
        } else {
            *out++ = char(0xe0 | (c >> 12));
            *out++ = char(0x80 | ((c >> 6) & 0x3f));
            *out++ = char(0x80 | (c & 0x3f));
        }
    }
    return out;
}

template<qsizetype N>
void appendLiteral(QByteArray &out, const char (&text)[N])
{
    out.append(text, N - 1);
}

void appendInteger(QByteArray &out, qint64 value)
{
    std::array<char, 24> buffer;
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    out.append(buffer.data(), result.ptr - buffer.data());
}

void appendBool(QByteArray &out, bool value)
{
    if (value)
        appendLiteral(out, "true");
    else
        appendLiteral(out, "false");
}

char *writeDigits(char *out, unsigned value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
    return out + width;
}

void appendKind(QByteArray &out, StreamRecord::Kind kind)
{
    appendLiteral(out, "{\"kind\":\"");
    const QLatin1String name = StreamRecord::kindName(kind);
    out.append(name.data(), name.size());
    out.append('"');
}

void appendConnection(QByteArray &out, int connection)
{
    appendLiteral(out, ",\"connection\":");
    appendInteger(out, connection);
}

template<qsizetype N>
void appendStringField(QByteArray &out, const char (&key)[N], QStringView value)
{
    appendLiteral(out, key);
    RecordJson::appendString(out, value);
}

template<qsizetype N>
void appendIntegerField(QByteArray &out, const char (&key)[N], qint64 value)
{
    appendLiteral(out, key);
    appendInteger(out, value);
}

// Header bytes are read as Latin-1: every byte maps to one code point, so whatever a server
// sends survives the round trip (tst_recordjson headerBytesSurvive).
void appendHeaders(QByteArray &out, const StreamRecord::HeaderList &headers)
{
    appendLiteral(out, ",\"headers\":[");
    bool first = true;
    for (const auto &[name, value] : headers) {
        if (!first)
            out.append(',');
        first = false;
        out.append('[');
        RecordJson::appendString(out, QString::fromLatin1(name));
        out.append(',');
        RecordJson::appendString(out, QString::fromLatin1(value));
        out.append(']');
    }
    out.append(']');
}

void appendTimeAndEnd(QByteArray &out, const QDateTime &time)
{
    if (time.isValid()) {
        appendLiteral(out, ",\"time\":");
        RecordJson::appendTimestamp(out, time);
    }
    appendLiteral(out, "}\n");
}

template<qsizetype N>
char *writeLiteral(char *out, const char (&text)[N])
{
    std::memcpy(out, text, N - 1);
    return out + N - 1;
}

char *writeString(char *out, QStringView text)
{
    *out++ = '"';
    out = escapeInto(out, text.utf16(), text.utf16() + text.size());
    *out++ = '"';
    return out;
}

// The quoted timestamp of `time` into out (26 bytes), or nullptr when the year needs the slow
// path. Events of one network chunk share one receivedAt, so the last result is kept.
char *writeTimestamp(char *out, const QDateTime &time)
{
    thread_local qint64 s_lastMsecs = std::numeric_limits<qint64>::min();
    thread_local std::array<char, 26> s_lastText;
    const qint64 msecs = time.toMSecsSinceEpoch();
    if (msecs != s_lastMsecs) {
        QByteArray text;
        RecordJson::appendTimestamp(text, time);
        if (text.size() != qsizetype(s_lastText.size()))
            return nullptr;
        std::memcpy(s_lastText.data(), text.constData(), s_lastText.size());
        s_lastMsecs = msecs;
    }
    std::memcpy(out, s_lastText.data(), s_lastText.size());
    return out + s_lastText.size();
}

// The fields of an event line, shared by the hot path (straight from an SseEvent) and by
// StreamRecord, so both write the same bytes.
struct EventFields
{
    int connection;
    QStringView type;
    QStringView data;
    QStringView lastEventId;
    const QString *id;
    qint64 size;
    QDateTime time;
};

// Writes a whole event line with one resize: the bound below is never exceeded (6 bytes per
// UTF-16 unit at worst, plus the fixed text). False, with `out` untouched, for lines with large
// data, which the chunked path writes without a 6x over-allocation.
bool writeEventLine(QByteArray &out, const EventFields &event)
{
    const qsizetype units = event.type.size() + event.data.size() + event.lastEventId.size()
            + (event.id ? event.id->size() : 0);
    if (units > EscapeChunk)
        return false;
    const qsizetype start = out.size();
    out.resize(start + 220 + units * MaximumBytesPerUnit);
    char *p = out.data() + start;
    p = writeLiteral(p, "{\"kind\":\"event\",\"connection\":");
    p = std::to_chars(p, p + 12, event.connection).ptr;
    p = writeString(writeLiteral(p, ",\"type\":"), event.type);
    p = writeString(writeLiteral(p, ",\"data\":"), event.data);
    p = writeString(writeLiteral(p, ",\"lastEventId\":"), event.lastEventId);
    p = writeLiteral(p, ",\"id\":");
    p = event.id ? writeString(p, *event.id) : writeLiteral(p, "null");
    p = writeLiteral(p, ",\"size\":");
    p = std::to_chars(p, p + 21, event.size).ptr;
    if (event.time.isValid()) {
        p = writeLiteral(p, ",\"time\":");
        p = writeTimestamp(p, event.time);
        if (!p) {
            out.resize(start);
            return false;
        }
    }
    p = writeLiteral(p, "}\n");
    out.resize(p - out.constData());
    return true;
}

void appendEventFields(QByteArray &out, const EventFields &event)
{
    if (writeEventLine(out, event))
        return;
    appendKind(out, StreamRecord::Kind::Event);
    appendConnection(out, event.connection);
    appendStringField(out, ",\"type\":", event.type);
    appendStringField(out, ",\"data\":", event.data);
    appendStringField(out, ",\"lastEventId\":", event.lastEventId);
    appendLiteral(out, ",\"id\":");
    if (event.id)
        RecordJson::appendString(out, *event.id);
    else
        appendLiteral(out, "null");
    appendIntegerField(out, ",\"size\":", event.size);
    appendTimeAndEnd(out, event.time);
}

// Field readers for the parse direction: a missing field keeps its default, a field of the
// wrong JSON type rejects the line.
bool readString(const QJsonObject &object, QLatin1String key, QString &into)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return true;
    if (!value.isString())
        return false;
    into = value.toString();
    return true;
}

template<typename Integer>
bool readInteger(const QJsonObject &object, QLatin1String key, Integer &into)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return true;
    if (!value.isDouble())
        return false;
    into = Integer(value.toInteger());
    return true;
}

bool readBool(const QJsonObject &object, QLatin1String key, bool &into)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return true;
    if (!value.isBool())
        return false;
    into = value.toBool();
    return true;
}

bool readHeaders(const QJsonObject &object, StreamRecord::HeaderList &into)
{
    const QJsonValue value = object.value(QLatin1String("headers"));
    if (value.isUndefined())
        return true;
    if (!value.isArray())
        return false;
    for (const QJsonValue &entry : value.toArray()) {
        const QJsonArray pair = entry.toArray();
        if (!entry.isArray() || pair.size() != 2 || !pair.at(0).isString()
            || !pair.at(1).isString())
            return false;
        into.append({ pair.at(0).toString().toLatin1(), pair.at(1).toString().toLatin1() });
    }
    return true;
}

QString headersText(const StreamRecord::HeaderList &headers)
{
    QByteArray text;
    appendHeaders(text, headers);
    // ,"headers":[...] → [...]
    return QString::fromUtf8(text.mid(qsizetype(sizeof(",\"headers\":")) - 1));
}

void appendJsonObject(QByteArray &out, const QJsonObject &object)
{
    // Findings are rare, so Qt's writer is fine here; compact output has no raw line breaks.
    out.append(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// Empty lists are left out: most findings name a few connections and ids, not every kind.
QJsonObject evidenceObject(const Finding::Evidence &evidence)
{
    QJsonObject object;
    if (!evidence.connections.isEmpty()) {
        QJsonArray connections;
        for (int connection : evidence.connections)
            connections.append(connection);
        object.insert(u"connections"_s, connections);
    }
    if (!evidence.eventIds.isEmpty())
        object.insert(u"eventIds"_s, QJsonArray::fromStringList(evidence.eventIds));
    if (!evidence.records.isEmpty()) {
        QJsonArray records;
        for (qint64 record : evidence.records)
            records.append(record);
        object.insert(u"records"_s, records);
    }
    if (!evidence.times.isEmpty()) {
        QJsonArray times;
        for (const QDateTime &time : evidence.times) {
            QByteArray text;
            RecordJson::appendTimestamp(text, time);
            times.append(QString::fromLatin1(text.mid(1, text.size() - 2)));
        }
        object.insert(u"times"_s, times);
    }
    if (!evidence.headers.isEmpty()) {
        QJsonArray headers;
        for (const auto &[name, value] : evidence.headers)
            headers.append(QJsonArray { QString::fromLatin1(name), QString::fromLatin1(value) });
        object.insert(u"headers"_s, headers);
    }
    return object;
}

bool readEvidence(const QJsonObject &object, Finding::Evidence &into)
{
    const QJsonValue value = object.value(QLatin1String("evidence"));
    if (value.isUndefined())
        return true;
    if (!value.isObject())
        return false;
    const QJsonObject evidence = value.toObject();
    const auto array = [&evidence](QLatin1String key, QJsonArray &out) {
        const QJsonValue entry = evidence.value(key);
        if (entry.isUndefined())
            return true;
        out = entry.toArray();
        return entry.isArray();
    };
    QJsonArray connections, eventIds, records, times;
    if (!array(QLatin1String("connections"), connections)
        || !array(QLatin1String("eventIds"), eventIds) || !array(QLatin1String("records"), records)
        || !array(QLatin1String("times"), times))
        return false;
    for (const QJsonValue &connection : std::as_const(connections)) {
        if (!connection.isDouble())
            return false;
        into.connections.append(connection.toInt());
    }
    for (const QJsonValue &id : std::as_const(eventIds)) {
        if (!id.isString())
            return false;
        into.eventIds.append(id.toString());
    }
    for (const QJsonValue &record : std::as_const(records)) {
        if (!record.isDouble())
            return false;
        into.records.append(record.toInteger());
    }
    for (const QJsonValue &time : std::as_const(times)) {
        const QDateTime parsed = QDateTime::fromString(time.toString(), Qt::ISODateWithMs);
        if (!time.isString() || !parsed.isValid())
            return false;
        into.times.append(parsed);
    }
    return readHeaders(evidence, into.headers);
}

// A measurement: -1 ("not measured") is written as null.
void appendMeasure(QByteArray &out, qint64 value)
{
    if (value < 0)
        appendLiteral(out, "null");
    else
        appendInteger(out, value);
}

void appendRate(QByteArray &out, double value)
{
    if (value < 0 || !std::isfinite(value)) {
        appendLiteral(out, "null");
        return;
    }
    // The shortest text that reads back as the same double.
    std::array<char, 32> buffer;
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    out.append(buffer.data(), result.ptr - buffer.data());
}

template<qsizetype N>
void appendMeasureField(QByteArray &out, const char (&key)[N], qint64 value)
{
    appendLiteral(out, key);
    appendMeasure(out, value);
}

void appendToolCalls(QByteArray &out, const QList<StreamSummary::ToolCall> &calls)
{
    out.append('[');
    for (qsizetype i = 0; i < calls.size(); ++i) {
        if (i > 0)
            out.append(',');
        appendLiteral(out, "{\"id\":");
        RecordJson::appendString(out, calls.at(i).id);
        appendStringField(out, ",\"name\":", calls.at(i).name);
        appendStringField(out, ",\"arguments\":", calls.at(i).arguments);
        out.append('}');
    }
    out.append(']');
}

void appendUsage(QByteArray &out, const StreamSummary::Usage &usage)
{
    if (!usage.isKnown()) {
        appendLiteral(out, "null");
        return;
    }
    appendMeasureField(out, "{\"inputTokens\":", usage.inputTokens);
    appendMeasureField(out, ",\"outputTokens\":", usage.outputTokens);
    appendMeasureField(out, ",\"totalTokens\":", usage.totalTokens);
    appendMeasureField(out, ",\"reasoningTokens\":", usage.reasoningTokens);
    out.append('}');
}

void appendTiming(QByteArray &out, const StreamSummary::Timing &timing)
{
    appendMeasureField(out, "{\"headersMs\":", timing.headersMs);
    appendMeasureField(out, ",\"firstByteMs\":", timing.firstByteMs);
    appendMeasureField(out, ",\"firstTokenMs\":", timing.firstTokenMs);
    appendMeasureField(out, ",\"totalMs\":", timing.totalMs);
    appendIntegerField(out, ",\"chunks\":", timing.chunks);
    appendIntegerField(out, ",\"textChunks\":", timing.textChunks);
    appendLiteral(out, ",\"chunksPerSecond\":");
    appendRate(out, timing.chunksPerSecond);
    appendLiteral(out, ",\"charactersPerSecond\":");
    appendRate(out, timing.charactersPerSecond);
    appendMeasureField(out, ",\"gapMedianMs\":", timing.gapMedianMs);
    appendMeasureField(out, ",\"gapP99Ms\":", timing.gapP99Ms);
    appendMeasureField(out, ",\"gapMaxMs\":", timing.gapMaxMs);
    // The bounds travel with the counts, so a reader needs no copy of the table.
    appendLiteral(out, ",\"gapBucketsMs\":[");
    for (std::size_t i = 0; i < StreamSummary::GapBucketBoundsMs.size(); ++i) {
        if (i > 0)
            out.append(',');
        appendInteger(out, StreamSummary::GapBucketBoundsMs[i]);
    }
    appendLiteral(out, "],\"gapHistogram\":[");
    for (qsizetype i = 0; i < timing.gapHistogram.size(); ++i) {
        if (i > 0)
            out.append(',');
        appendInteger(out, timing.gapHistogram.at(i));
    }
    appendLiteral(out, "]}");
}

void appendWarnings(QByteArray &out, const QList<StreamSummary::Warning> &warnings)
{
    out.append('[');
    for (qsizetype i = 0; i < warnings.size(); ++i) {
        if (i > 0)
            out.append(',');
        appendLiteral(out, "{\"id\":");
        RecordJson::appendString(out, warnings.at(i).id);
        appendStringField(out, ",\"message\":", warnings.at(i).message);
        out.append('}');
    }
    out.append(']');
}

template<typename Writer, typename Value>
QString jsonText(Writer writer, const Value &value)
{
    QByteArray text;
    writer(text, value);
    return QString::fromUtf8(text);
}

void appendSummary(QByteArray &out, const StreamSummary &summary)
{
    appendStringField(out, ",\"profile\":", summary.profile);
    appendStringField(out, ",\"outcome\":", summary.outcome);
    appendStringField(out, ",\"endMarker\":", summary.endMarker);
    appendStringField(out, ",\"finishReason\":", summary.finishReason);
    appendStringField(out, ",\"text\":", summary.text);
    appendStringField(out, ",\"reasoning\":", summary.reasoning);
    appendLiteral(out, ",\"toolCalls\":");
    appendToolCalls(out, summary.toolCalls);
    appendLiteral(out, ",\"usage\":");
    appendUsage(out, summary.usage);
    appendLiteral(out, ",\"timing\":");
    appendTiming(out, summary.timing);
    appendLiteral(out, ",\"warnings\":");
    appendWarnings(out, summary.warnings);
}

// A measurement back: null (or absent) is -1.
bool readMeasure(const QJsonObject &object, QLatin1String key, qint64 &into)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        into = -1;
        return true;
    }
    if (!value.isDouble())
        return false;
    into = value.toInteger(-1);
    return true;
}

bool readRate(const QJsonObject &object, QLatin1String key, double &into)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        into = -1;
        return true;
    }
    if (!value.isDouble())
        return false;
    into = value.toDouble();
    return true;
}

bool readSummaryString(const QJsonObject &object, const char *key, QString &into)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined())
        return true;
    if (!value.isString())
        return false;
    into = value.toString();
    return true;
}

bool readSummary(const QJsonObject &object, StreamSummary &summary)
{
    if (!readSummaryString(object, "profile", summary.profile)
        || !readSummaryString(object, "outcome", summary.outcome)
        || !readSummaryString(object, "endMarker", summary.endMarker)
        || !readSummaryString(object, "finishReason", summary.finishReason)
        || !readSummaryString(object, "text", summary.text)
        || !readSummaryString(object, "reasoning", summary.reasoning))
        return false;

    const QJsonValue calls = object.value(QLatin1String("toolCalls"));
    if (!calls.isUndefined() && !calls.isArray())
        return false;
    for (const QJsonValue &entry : calls.toArray()) {
        const QJsonObject call = entry.toObject();
        StreamSummary::ToolCall toolCall;
        if (!entry.isObject() || !readSummaryString(call, "id", toolCall.id)
            || !readSummaryString(call, "name", toolCall.name)
            || !readSummaryString(call, "arguments", toolCall.arguments))
            return false;
        summary.toolCalls.append(toolCall);
    }

    const QJsonValue usage = object.value(QLatin1String("usage"));
    if (usage.isObject()) {
        const QJsonObject fields = usage.toObject();
        if (!readMeasure(fields, QLatin1String("inputTokens"), summary.usage.inputTokens)
            || !readMeasure(fields, QLatin1String("outputTokens"), summary.usage.outputTokens)
            || !readMeasure(fields, QLatin1String("totalTokens"), summary.usage.totalTokens)
            || !readMeasure(fields, QLatin1String("reasoningTokens"),
                            summary.usage.reasoningTokens))
            return false;
    } else if (!usage.isUndefined() && !usage.isNull()) {
        return false;
    }

    const QJsonValue timingValue = object.value(QLatin1String("timing"));
    if (timingValue.isObject()) {
        const QJsonObject fields = timingValue.toObject();
        StreamSummary::Timing &timing = summary.timing;
        if (!readMeasure(fields, QLatin1String("headersMs"), timing.headersMs)
            || !readMeasure(fields, QLatin1String("firstByteMs"), timing.firstByteMs)
            || !readMeasure(fields, QLatin1String("firstTokenMs"), timing.firstTokenMs)
            || !readMeasure(fields, QLatin1String("totalMs"), timing.totalMs)
            || !readInteger(fields, QLatin1String("chunks"), timing.chunks)
            || !readInteger(fields, QLatin1String("textChunks"), timing.textChunks)
            || !readRate(fields, QLatin1String("chunksPerSecond"), timing.chunksPerSecond)
            || !readRate(fields, QLatin1String("charactersPerSecond"), timing.charactersPerSecond)
            || !readMeasure(fields, QLatin1String("gapMedianMs"), timing.gapMedianMs)
            || !readMeasure(fields, QLatin1String("gapP99Ms"), timing.gapP99Ms)
            || !readMeasure(fields, QLatin1String("gapMaxMs"), timing.gapMaxMs))
            return false;
        const QJsonValue histogram = fields.value(QLatin1String("gapHistogram"));
        if (!histogram.isUndefined() && !histogram.isArray())
            return false;
        for (const QJsonValue &count : histogram.toArray()) {
            if (!count.isDouble())
                return false;
            timing.gapHistogram.append(count.toInteger());
        }
    } else if (!timingValue.isUndefined()) {
        return false;
    }

    const QJsonValue warnings = object.value(QLatin1String("warnings"));
    if (!warnings.isUndefined() && !warnings.isArray())
        return false;
    for (const QJsonValue &entry : warnings.toArray()) {
        StreamSummary::Warning warning;
        if (!entry.isObject() || !readSummaryString(entry.toObject(), "id", warning.id)
            || !readSummaryString(entry.toObject(), "message", warning.message))
            return false;
        summary.warnings.append(warning);
    }
    return true;
}

} // namespace

namespace RecordJson {

void appendString(QByteArray &out, QStringView text)
{
    const char16_t *p = text.utf16();
    const char16_t *const end = p + text.size();
    out.append('"');
    while (p != end) {
        qsizetype count = std::min<qsizetype>(end - p, EscapeChunk);
        // Never split a surrogate pair across chunks.
        if (p + count != end && QChar::isHighSurrogate(p[count - 1]))
            ++count;
        const qsizetype start = out.size();
        out.resize(start + count * MaximumBytesPerUnit);
        char *const written = escapeInto(out.data() + start, p, p + count);
        out.resize(written - out.constData());
        p += count;
    }
    out.append('"');
}

void appendTimestamp(QByteArray &out, const QDateTime &time)
{
    using namespace std::chrono;
    const qint64 msecs = time.toMSecsSinceEpoch();
    const sys_days day = floor<days>(sys_time<milliseconds>(milliseconds(msecs)));
    const year_month_day date(day);
    const int year = int(date.year());
    if (year < 0 || year > 9999) {
        // Outside what the fixed-width fast path can write; rare enough for the slow path.
        out.append('"');
        out.append(time.toUTC().toString(Qt::ISODateWithMs).toUtf8());
        out.append('"');
        return;
    }
    const qint64 msOfDay = msecs - duration_cast<milliseconds>(day.time_since_epoch()).count();
    std::array<char, 26> buffer;
    char *p = buffer.data();
    *p++ = '"';
    p = writeDigits(p, unsigned(year), 4);
    *p++ = '-';
    p = writeDigits(p, unsigned(date.month()), 2);
    *p++ = '-';
    p = writeDigits(p, unsigned(date.day()), 2);
    *p++ = 'T';
    p = writeDigits(p, unsigned(msOfDay / 3'600'000), 2);
    *p++ = ':';
    p = writeDigits(p, unsigned(msOfDay / 60'000 % 60), 2);
    *p++ = ':';
    p = writeDigits(p, unsigned(msOfDay / 1000 % 60), 2);
    *p++ = '.';
    p = writeDigits(p, unsigned(msOfDay % 1000), 3);
    *p++ = 'Z';
    *p++ = '"';
    out.append(buffer.data(), p - buffer.data());
}

void appendEvent(QByteArray &out, const SseEvent &event, bool withTime)
{
    appendEventFields(out,
                      { event.connection, event.type, event.data, event.lastEventId,
                        event.hasId ? &event.lastEventId : nullptr, event.rawSize,
                        withTime ? event.receivedAt : QDateTime() });
}

void appendRecord(QByteArray &out, const StreamRecord &record)
{
    using Kind = StreamRecord::Kind;
    if (record.kind == Kind::Event) {
        appendEventFields(out,
                          { record.connection, record.type, record.data, record.lastEventId,
                            record.id ? &*record.id : nullptr, record.size, record.time });
        return;
    }
    appendKind(out, record.kind);
    appendConnection(out, record.connection);
    switch (record.kind) {
    case Kind::Session:
        appendIntegerField(out, ",\"format\":", record.formatVersion);
        appendStringField(out, ",\"tool\":", record.tool);
        if (!record.url.isEmpty())
            appendStringField(out, ",\"url\":", record.url);
        break;
    case Kind::Connecting:
        appendStringField(out, ",\"method\":", record.method);
        appendStringField(out, ",\"url\":", record.url);
        appendStringField(out, ",\"lastEventId\":", record.lastEventId);
        appendHeaders(out, record.headers);
        break;
    case Kind::Redirect:
        appendIntegerField(out, ",\"status\":", record.status);
        appendStringField(out, ",\"url\":", record.url);
        break;
    case Kind::Open:
        appendIntegerField(out, ",\"status\":", record.status);
        appendStringField(out, ",\"statusText\":", record.statusText);
        appendStringField(out, ",\"httpVersion\":", record.httpVersion);
        appendStringField(out, ",\"url\":", record.url);
        // Also on its own: the field scripts look for first (`jq .contentType`).
        appendStringField(out, ",\"contentType\":", record.contentType());
        appendHeaders(out, record.headers);
        if (record.headersMs >= 0)
            appendIntegerField(out, ",\"headersMs\":", record.headersMs);
        break;
    case Kind::Retry:
        appendIntegerField(out, ",\"ms\":", record.retryMs);
        break;
    case Kind::Comment:
        appendStringField(out, ",\"text\":", record.text);
        break;
    case Kind::Error:
        appendStringField(out, ",\"errorKind\":", SseError::kindName(record.error.kind));
        appendStringField(out, ",\"message\":", record.error.message);
        if (!record.error.detail.isEmpty())
            appendStringField(out, ",\"detail\":", record.error.detail);
        appendLiteral(out, ",\"fatal\":");
        appendBool(out, record.error.fatal);
        appendLiteral(out, ",\"simulated\":");
        appendBool(out, record.error.simulated);
        if (record.error.httpStatus != 0)
            appendIntegerField(out, ",\"status\":", record.error.httpStatus);
        if (!record.error.body.isEmpty())
            appendStringField(out, ",\"body\":", record.error.body);
        if (record.error.bodyTruncated)
            appendLiteral(out, ",\"bodyTruncated\":true");
        break;
    case Kind::Reconnecting:
        appendIntegerField(out, ",\"attempt\":", record.attempt);
        appendIntegerField(out, ",\"policyAttempt\":", record.policyAttempt);
        appendIntegerField(out, ",\"maxAttempts\":", record.maxAttempts);
        appendIntegerField(out, ",\"delayMs\":", record.delayMs);
        appendStringField(out, ",\"delaySource\":", record.delaySource);
        appendStringField(out, ",\"lastEventId\":", record.lastEventId);
        break;
    case Kind::Control:
        appendStringField(out, ",\"command\":", record.command);
        if (record.durationMs != 0)
            appendIntegerField(out, ",\"durationMs\":", record.durationMs);
        break;
    case Kind::Summary:
        appendSummary(out, *record.summary);
        break;
    case Kind::Closed:
        appendStringField(out, ",\"reason\":", record.reason);
        if (!record.endMarker.isEmpty())
            appendStringField(out, ",\"endMarker\":", record.endMarker);
        break;
    case Kind::Finding:
        appendStringField(out, ",\"finding\":", record.finding.id);
        appendStringField(
                out, ",\"severity\":", QString(Finding::severityName(record.finding.severity)));
        appendStringField(out, ",\"verdict\":", record.finding.verdict);
        appendLiteral(out, ",\"parameters\":");
        appendJsonObject(out, record.finding.parameters);
        appendLiteral(out, ",\"evidence\":");
        appendJsonObject(out, evidenceObject(record.finding.evidence));
        appendStringField(out, ",\"advice\":", record.finding.advice);
        break;
    case Kind::Event:
        break;
    }
    appendTimeAndEnd(out, record.time);
}

QByteArray toJsonLine(const StreamRecord &record)
{
    QByteArray line;
    appendRecord(line, record);
    return line;
}

std::optional<StreamRecord> fromJsonLine(QByteArrayView line)
{
    while (!line.isEmpty() && (line.back() == '\n' || line.back() == '\r'))
        line.chop(1);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();

    const QJsonValue kindValue = object.value(QLatin1String("kind"));
    if (!kindValue.isString())
        return std::nullopt;
    const std::optional<StreamRecord::Kind> kind = StreamRecord::kindFromName(kindValue.toString());
    if (!kind)
        return std::nullopt;

    StreamRecord record;
    record.kind = *kind;

    QString time;
    QString errorKind;
    QString contentType;
    QString severity;
    QString body;
    bool bodyTruncated = false;
    int status = 0;
    const bool ok = readString(object, QLatin1String("time"), time)
            && readInteger(object, QLatin1String("connection"), record.connection)
            && readInteger(object, QLatin1String("format"), record.formatVersion)
            && readString(object, QLatin1String("tool"), record.tool)
            && readString(object, QLatin1String("method"), record.method)
            && readString(object, QLatin1String("url"), record.url)
            && readString(object, QLatin1String("lastEventId"), record.lastEventId)
            && readHeaders(object, record.headers)
            && readInteger(object, QLatin1String("status"), status)
            && readString(object, QLatin1String("statusText"), record.statusText)
            && readString(object, QLatin1String("httpVersion"), record.httpVersion)
            && readString(object, QLatin1String("contentType"), contentType)
            && readString(object, QLatin1String("type"), record.type)
            && readString(object, QLatin1String("data"), record.data)
            && readInteger(object, QLatin1String("size"), record.size)
            && readInteger(object, QLatin1String("ms"), record.retryMs)
            && readString(object, QLatin1String("text"), record.text)
            && readString(object, QLatin1String("errorKind"), errorKind)
            && readString(object, QLatin1String("message"), record.error.message)
            && readString(object, QLatin1String("detail"), record.error.detail)
            && readBool(object, QLatin1String("fatal"), record.error.fatal)
            && readBool(object, QLatin1String("simulated"), record.error.simulated)
            && readInteger(object, QLatin1String("attempt"), record.attempt)
            && readInteger(object, QLatin1String("policyAttempt"), record.policyAttempt)
            && readInteger(object, QLatin1String("maxAttempts"), record.maxAttempts)
            && readInteger(object, QLatin1String("delayMs"), record.delayMs)
            && readString(object, QLatin1String("delaySource"), record.delaySource)
            && readString(object, QLatin1String("reason"), record.reason)
            && readString(object, QLatin1String("command"), record.command)
            && readInteger(object, QLatin1String("durationMs"), record.durationMs)
            && readString(object, QLatin1String("body"), body)
            && readBool(object, QLatin1String("bodyTruncated"), bodyTruncated)
            && readString(object, QLatin1String("finding"), record.finding.id)
            && readString(object, QLatin1String("severity"), severity)
            && readString(object, QLatin1String("verdict"), record.finding.verdict)
            && readString(object, QLatin1String("advice"), record.finding.advice)
            && readEvidence(object, record.finding.evidence)
            && readString(object, QLatin1String("endMarker"), record.endMarker)
            && readMeasure(object, QLatin1String("headersMs"), record.headersMs);
    if (!ok)
        return std::nullopt;
    if (const QJsonValue parameters = object.value(QLatin1String("parameters"));
        parameters.isObject())
        record.finding.parameters = parameters.toObject();
    else if (!parameters.isUndefined())
        return std::nullopt;
    if (record.kind == StreamRecord::Kind::Finding) {
        const auto parsed = Finding::severityFromName(severity);
        if (!severity.isEmpty() && !parsed)
            return std::nullopt;
        record.finding.severity = parsed.value_or(Finding::Severity::Info);
    }
    if (record.kind == StreamRecord::Kind::Summary) {
        StreamSummary summary;
        if (!readSummary(object, summary))
            return std::nullopt;
        record.summary = summary;
        // Its "text" and "endMarker" are the summary's, not a comment's or a Closed record's.
        record.text.clear();
        record.endMarker.clear();
    }

    if (!time.isEmpty()) {
        record.time = QDateTime::fromString(time, Qt::ISODateWithMs);
        if (!record.time.isValid())
            return std::nullopt;
    }
    if (record.kind == StreamRecord::Kind::Error) {
        record.error.httpStatus = status;
        record.error.body = body;
        record.error.bodyTruncated = bodyTruncated;
        // Version 1 lines may lack the kind; an unknown one stays readable as None.
        record.error.kind = SseError::kindFromName(errorKind).value_or(SseError::Kind::None);
    } else {
        record.status = status;
    }
    // Version 1 "open" lines carry only contentType; keep it as the one header they knew.
    if (record.kind == StreamRecord::Kind::Open && record.headers.isEmpty()
        && !contentType.isEmpty())
        record.headers.append({ QByteArrayLiteral("Content-Type"), contentType.toLatin1() });

    const QJsonValue id = object.value(QLatin1String("id"));
    if (id.isString())
        record.id = id.toString();
    else if (!id.isUndefined() && !id.isNull())
        return std::nullopt;

    return record;
}

QList<std::pair<QLatin1String, QString>> fields(const StreamRecord &record)
{
    using Kind = StreamRecord::Kind;
    QList<std::pair<QLatin1String, QString>> result;
    const auto add = [&result](const char *key, const QString &value) {
        result.append({ QLatin1String(key), value });
    };
    add("kind", StreamRecord::kindName(record.kind));
    add("connection", QString::number(record.connection));
    switch (record.kind) {
    case Kind::Session:
        add("format", QString::number(record.formatVersion));
        add("tool", record.tool);
        if (!record.url.isEmpty())
            add("url", record.url);
        break;
    case Kind::Connecting:
        add("method", record.method);
        add("url", record.url);
        add("lastEventId", record.lastEventId);
        add("headers", headersText(record.headers));
        break;
    case Kind::Redirect:
        add("status", QString::number(record.status));
        add("url", record.url);
        break;
    case Kind::Open:
        add("status", QString::number(record.status));
        add("statusText", record.statusText);
        add("httpVersion", record.httpVersion);
        add("url", record.url);
        add("contentType", record.contentType());
        add("headers", headersText(record.headers));
        if (record.headersMs >= 0)
            add("headersMs", QString::number(record.headersMs));
        break;
    case Kind::Event:
        add("type", record.type);
        add("data", record.data);
        add("lastEventId", record.lastEventId);
        add("id", record.id.value_or(QString()));
        add("size", QString::number(record.size));
        break;
    case Kind::Retry:
        add("ms", QString::number(record.retryMs));
        break;
    case Kind::Comment:
        add("text", record.text);
        break;
    case Kind::Error:
        add("errorKind", SseError::kindName(record.error.kind));
        add("message", record.error.message);
        if (!record.error.detail.isEmpty())
            add("detail", record.error.detail);
        add("fatal", record.error.fatal ? u"true"_s : u"false"_s);
        add("simulated", record.error.simulated ? u"true"_s : u"false"_s);
        if (record.error.httpStatus != 0)
            add("status", QString::number(record.error.httpStatus));
        if (!record.error.body.isEmpty())
            add("body", record.error.body);
        if (record.error.bodyTruncated)
            add("bodyTruncated", u"true"_s);
        break;
    case Kind::Reconnecting:
        add("attempt", QString::number(record.attempt));
        add("policyAttempt", QString::number(record.policyAttempt));
        add("maxAttempts", QString::number(record.maxAttempts));
        add("delayMs", QString::number(record.delayMs));
        add("delaySource", record.delaySource);
        add("lastEventId", record.lastEventId);
        break;
    case Kind::Control:
        add("command", record.command);
        if (record.durationMs != 0)
            add("durationMs", QString::number(record.durationMs));
        break;
    case Kind::Summary: {
        const StreamSummary &summary = *record.summary;
        add("profile", summary.profile);
        add("outcome", summary.outcome);
        add("endMarker", summary.endMarker);
        add("finishReason", summary.finishReason);
        add("text", summary.text);
        add("reasoning", summary.reasoning);
        add("toolCalls", jsonText(appendToolCalls, summary.toolCalls));
        add("usage", jsonText(appendUsage, summary.usage));
        add("timing", jsonText(appendTiming, summary.timing));
        add("warnings", jsonText(appendWarnings, summary.warnings));
        break;
    }
    case Kind::Closed:
        add("reason", record.reason);
        if (!record.endMarker.isEmpty())
            add("endMarker", record.endMarker);
        break;
    case Kind::Finding: {
        add("finding", record.finding.id);
        add("severity", Finding::severityName(record.finding.severity));
        add("verdict", record.finding.verdict);
        QByteArray json;
        appendJsonObject(json, record.finding.parameters);
        add("parameters", QString::fromUtf8(json));
        json.clear();
        appendJsonObject(json, evidenceObject(record.finding.evidence));
        add("evidence", QString::fromUtf8(json));
        add("advice", record.finding.advice);
        break;
    }
    }
    if (record.time.isValid())
        add("time", record.time.toUTC().toString(Qt::ISODateWithMs));
    return result;
}

} // namespace RecordJson
