// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "eventjson.h"

#include <array>
#include <charconv>
#include <chrono>
#include <cstring>
#include <limits>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

void appendKind(QByteArray &out, EventRecord::Kind kind)
{
    appendLiteral(out, "{\"kind\":\"");
    const QLatin1String name = EventRecord::kindName(kind);
    out.append(name.data(), name.size());
    out.append('"');
}

void appendConnection(QByteArray &out, int connection)
{
    appendLiteral(out, ",\"connection\":");
    appendInteger(out, connection);
}

void appendTimeAndEnd(QByteArray &out, const QDateTime &time)
{
    if (time.isValid()) {
        appendLiteral(out, ",\"time\":");
        EventJson::appendTimestamp(out, time);
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
        EventJson::appendTimestamp(text, time);
        if (text.size() != qsizetype(s_lastText.size()))
            return nullptr;
        std::memcpy(s_lastText.data(), text.constData(), s_lastText.size());
        s_lastMsecs = msecs;
    }
    std::memcpy(out, s_lastText.data(), s_lastText.size());
    return out + s_lastText.size();
}

// Writes a whole event line with one resize: the bound below is never exceeded (6 bytes per
// UTF-16 unit at worst, plus the fixed text). False, with `out` untouched, for lines with large
// data, which the chunked path writes without a 6x over-allocation.
bool writeEventLine(QByteArray &out, int connection, QStringView type, QStringView data,
                    QStringView lastEventId, const QString *id, const QDateTime &time)
{
    const qsizetype units = type.size() + data.size() + lastEventId.size() + (id ? id->size() : 0);
    if (units > EscapeChunk)
        return false;
    const qsizetype start = out.size();
    out.resize(start + 200 + units * MaximumBytesPerUnit);
    char *p = out.data() + start;
    p = writeLiteral(p, "{\"kind\":\"event\",\"connection\":");
    p = std::to_chars(p, p + 12, connection).ptr;
    p = writeString(writeLiteral(p, ",\"type\":"), type);
    p = writeString(writeLiteral(p, ",\"data\":"), data);
    p = writeString(writeLiteral(p, ",\"lastEventId\":"), lastEventId);
    p = writeLiteral(p, ",\"id\":");
    p = id ? writeString(p, *id) : writeLiteral(p, "null");
    if (time.isValid()) {
        p = writeLiteral(p, ",\"time\":");
        p = writeTimestamp(p, time);
        if (!p) {
            out.resize(start);
            return false;
        }
    }
    p = writeLiteral(p, "}\n");
    out.resize(p - out.constData());
    return true;
}

// Shared by the hot path (straight from an SseEvent) and by EventRecord, so both write the
// same bytes.
void appendEventFields(QByteArray &out, int connection, QStringView type, QStringView data,
                       QStringView lastEventId, const QString *id, const QDateTime &time)
{
    if (writeEventLine(out, connection, type, data, lastEventId, id, time))
        return;
    appendKind(out, EventRecord::Kind::Event);
    appendConnection(out, connection);
    appendLiteral(out, ",\"type\":");
    EventJson::appendString(out, type);
    appendLiteral(out, ",\"data\":");
    EventJson::appendString(out, data);
    appendLiteral(out, ",\"lastEventId\":");
    EventJson::appendString(out, lastEventId);
    appendLiteral(out, ",\"id\":");
    if (id)
        EventJson::appendString(out, *id);
    else
        appendLiteral(out, "null");
    appendTimeAndEnd(out, time);
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

} // namespace

QLatin1String EventRecord::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Connecting:
        return QLatin1String("connecting");
    case Kind::Open:
        return QLatin1String("open");
    case Kind::Event:
        return QLatin1String("event");
    case Kind::Retry:
        return QLatin1String("retry");
    case Kind::Comment:
        return QLatin1String("comment");
    case Kind::Error:
        return QLatin1String("error");
    case Kind::Reconnecting:
        return QLatin1String("reconnecting");
    case Kind::Closed:
        return QLatin1String("closed");
    }
    return QLatin1String("event");
}

std::optional<EventRecord::Kind> EventRecord::kindFromName(QStringView name)
{
    for (Kind kind : { Kind::Connecting, Kind::Open, Kind::Event, Kind::Retry, Kind::Comment,
                       Kind::Error, Kind::Reconnecting, Kind::Closed }) {
        if (name == kindName(kind))
            return kind;
    }
    return std::nullopt;
}

EventRecord EventRecord::connecting(int connection, const QUrl &url, const QString &lastEventId)
{
    EventRecord record;
    record.kind = Kind::Connecting;
    record.connection = connection;
    // Request headers are never part of a record; the URL's credentials are dropped here.
    record.url = url.toString(QUrl::RemovePassword | QUrl::FullyEncoded);
    record.lastEventId = lastEventId;
    return record;
}

EventRecord EventRecord::opened(int connection, int status,
                                const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    EventRecord record;
    record.kind = Kind::Open;
    record.connection = connection;
    record.status = status;
    for (const auto &[name, value] : headers) {
        if (QByteArrayView(name).compare("content-type", Qt::CaseInsensitive) == 0) {
            record.contentType = QString::fromLatin1(value);
            break;
        }
    }
    return record;
}

EventRecord EventRecord::comment(int connection, const QString &text)
{
    EventRecord record;
    record.kind = Kind::Comment;
    record.connection = connection;
    record.text = text;
    return record;
}

EventRecord EventRecord::retry(int connection, qint64 milliseconds)
{
    EventRecord record;
    record.kind = Kind::Retry;
    record.connection = connection;
    record.retryMs = milliseconds;
    return record;
}

EventRecord EventRecord::error(int connection, const SseError &error)
{
    EventRecord record;
    record.kind = Kind::Error;
    record.connection = connection;
    record.message = error.message;
    record.fatal = error.fatal;
    record.simulated = error.simulated;
    record.errorKind = SseError::kindName(error.kind);
    record.status = error.httpStatus;
    return record;
}

EventRecord EventRecord::reconnecting(int attempt, qint64 delayMs, const QString &lastEventId)
{
    EventRecord record;
    record.kind = Kind::Reconnecting;
    record.attempt = attempt;
    record.delayMs = delayMs;
    record.lastEventId = lastEventId;
    return record;
}

EventRecord EventRecord::fromEvent(const SseEvent &event)
{
    EventRecord record;
    record.kind = Kind::Event;
    record.time = event.receivedAt;
    record.connection = event.connection;
    record.type = event.type;
    record.data = event.data;
    record.lastEventId = event.lastEventId;
    // HTML §9.2.6: an accepted "id" field sets the last event ID buffer, which the event then
    // carries, so the block's own id is the event's lastEventId whenever it had one.
    if (event.hasId)
        record.id = event.lastEventId;
    return record;
}

SseEvent EventRecord::toEvent() const
{
    SseEvent event;
    event.type = type;
    event.data = data;
    event.lastEventId = lastEventId;
    event.hasId = id.has_value();
    event.connection = connection;
    event.receivedAt = time;
    return event;
}

namespace EventJson {

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
    appendEventFields(out, event.connection, event.type, event.data, event.lastEventId,
                      event.hasId ? &event.lastEventId : nullptr,
                      withTime ? event.receivedAt : QDateTime());
}

void appendRecord(QByteArray &out, const EventRecord &record)
{
    using Kind = EventRecord::Kind;
    if (record.kind == Kind::Event) {
        appendEventFields(out, record.connection, record.type, record.data, record.lastEventId,
                          record.id ? &*record.id : nullptr, record.time);
        return;
    }
    appendKind(out, record.kind);
    switch (record.kind) {
    case Kind::Connecting:
        appendConnection(out, record.connection);
        appendLiteral(out, ",\"url\":");
        appendString(out, record.url);
        appendLiteral(out, ",\"lastEventId\":");
        appendString(out, record.lastEventId);
        break;
    case Kind::Open:
        appendConnection(out, record.connection);
        appendLiteral(out, ",\"status\":");
        appendInteger(out, record.status);
        appendLiteral(out, ",\"contentType\":");
        appendString(out, record.contentType);
        break;
    case Kind::Retry:
        appendConnection(out, record.connection);
        appendLiteral(out, ",\"ms\":");
        appendInteger(out, record.retryMs);
        break;
    case Kind::Comment:
        appendConnection(out, record.connection);
        appendLiteral(out, ",\"text\":");
        appendString(out, record.text);
        break;
    case Kind::Error:
        appendConnection(out, record.connection);
        appendLiteral(out, ",\"message\":");
        appendString(out, record.message);
        appendLiteral(out, ",\"fatal\":");
        appendBool(out, record.fatal);
        appendLiteral(out, ",\"simulated\":");
        appendBool(out, record.simulated);
        if (!record.errorKind.isEmpty()) {
            appendLiteral(out, ",\"errorKind\":");
            appendString(out, record.errorKind);
        }
        if (record.status != 0) {
            appendLiteral(out, ",\"status\":");
            appendInteger(out, record.status);
        }
        break;
    case Kind::Reconnecting:
        appendLiteral(out, ",\"attempt\":");
        appendInteger(out, record.attempt);
        appendLiteral(out, ",\"delayMs\":");
        appendInteger(out, record.delayMs);
        appendLiteral(out, ",\"lastEventId\":");
        appendString(out, record.lastEventId);
        break;
    case Kind::Closed:
        appendLiteral(out, ",\"reason\":");
        appendString(out, record.reason);
        break;
    case Kind::Event:
        break;
    }
    appendTimeAndEnd(out, record.time);
}

QByteArray toJsonLine(const EventRecord &record)
{
    QByteArray line;
    appendRecord(line, record);
    return line;
}

std::optional<EventRecord> fromJsonLine(QByteArrayView line)
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
    const std::optional<EventRecord::Kind> kind = EventRecord::kindFromName(kindValue.toString());
    if (!kind)
        return std::nullopt;

    EventRecord record;
    record.kind = *kind;

    QString time;
    const bool ok = readString(object, QLatin1String("time"), time)
            && readInteger(object, QLatin1String("connection"), record.connection)
            && readString(object, QLatin1String("url"), record.url)
            && readString(object, QLatin1String("lastEventId"), record.lastEventId)
            && readInteger(object, QLatin1String("status"), record.status)
            && readString(object, QLatin1String("contentType"), record.contentType)
            && readString(object, QLatin1String("type"), record.type)
            && readString(object, QLatin1String("data"), record.data)
            && readString(object, QLatin1String("text"), record.text)
            && readString(object, QLatin1String("message"), record.message)
            && readBool(object, QLatin1String("fatal"), record.fatal)
            && readBool(object, QLatin1String("simulated"), record.simulated)
            && readString(object, QLatin1String("errorKind"), record.errorKind)
            && readInteger(object, QLatin1String("attempt"), record.attempt)
            && readInteger(object, QLatin1String("delayMs"), record.delayMs)
            && readInteger(object, QLatin1String("ms"), record.retryMs)
            && readString(object, QLatin1String("reason"), record.reason);
    if (!ok)
        return std::nullopt;

    if (!time.isEmpty()) {
        record.time = QDateTime::fromString(time, Qt::ISODateWithMs);
        if (!record.time.isValid())
            return std::nullopt;
    }

    const QJsonValue id = object.value(QLatin1String("id"));
    if (id.isString())
        record.id = id.toString();
    else if (!id.isUndefined() && !id.isNull())
        return std::nullopt;

    return record;
}

} // namespace EventJson
