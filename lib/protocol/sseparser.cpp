// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "sseparser.h"

#include <cstring>
#include <limits>
#include <utility>

#include <QStringDecoder>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

using namespace Qt::StringLiterals;

namespace {

constexpr char Utf8Bom[] = "\xEF\xBB\xBF";

// Buffers that grew past this (a huge line or event) are released instead of kept for reuse,
// so one big event does not pin its memory for the rest of the connection.
constexpr qsizetype RetainedBufferCapacity = 1024 * 1024;

// The hot loop: the first CR or LF in [p, end), or end. One pass finds both bytes, so an
// LF-only stream is not scanned twice (memchr for LF, then again for a stray CR).
inline const char *findLineEnd(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    // Most field lines (ids, event names) and every blank line end within 16 bytes.
    if (end - p >= 16) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i hits = _mm_or_si128(_mm_cmpeq_epi8(a, lf), _mm_cmpeq_epi8(a, cr));
        if (const unsigned mask = unsigned(_mm_movemask_epi8(hits)))
            return p + __builtin_ctz(mask);
        p += 16;
    }
    while (end - p >= 32) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 16));
        const __m128i hitsA = _mm_or_si128(_mm_cmpeq_epi8(a, lf), _mm_cmpeq_epi8(a, cr));
        const __m128i hitsB = _mm_or_si128(_mm_cmpeq_epi8(b, lf), _mm_cmpeq_epi8(b, cr));
        const unsigned mask =
                unsigned(_mm_movemask_epi8(hitsA)) | (unsigned(_mm_movemask_epi8(hitsB)) << 16);
        if (mask)
            return p + __builtin_ctz(mask);
        p += 32;
    }
    if (end - p >= 16) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i hits = _mm_or_si128(_mm_cmpeq_epi8(a, lf), _mm_cmpeq_epi8(a, cr));
        if (const unsigned mask = unsigned(_mm_movemask_epi8(hits)))
            return p + __builtin_ctz(mask);
        p += 16;
    }
#endif
    for (; p != end; ++p) {
        if (*p == '\n' || *p == '\r')
            return p;
    }
    return end;
}

inline bool isAscii(const char *p, qsizetype size)
{
#if defined(__SSE2__)
    if (size >= 16) {
        // Overlapping last block instead of a scalar tail.
        const char *const last = p + size - 16;
        // Four blocks per test: one movemask per 64 bytes keeps long values at ~memchr speed.
        for (; last - p >= 64; p += 64) {
            const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 16));
            const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 32));
            const __m128i d = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 48));
            if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d))))
                return false;
        }
        for (; p < last; p += 16) {
            if (_mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p))))
                return false;
        }
        return !_mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(last)));
    }
#endif
    // Short values (ids, tokens) are the common case: two overlapping word loads, no loop.
    if (size >= 8) {
        quint64 head, tail;
        std::memcpy(&head, p, 8);
        std::memcpy(&tail, p + size - 8, 8);
        return !((head | tail) & 0x8080808080808080ULL);
    }
    if (size >= 4) {
        quint32 head, tail;
        std::memcpy(&head, p, 4);
        std::memcpy(&tail, p + size - 4, 4);
        return !((head | tail) & 0x80808080U);
    }
    unsigned char bits = 0;
    for (qsizetype i = 0; i < size; ++i)
        bits |= static_cast<unsigned char>(p[i]);
    return bits < 0x80;
}

// The Encoding Standard's "UTF-8 decoder", step by step: the slow path for text that has
// invalid bytes (or a real U+FFFD), where Qt's decoder replaces differently.
QString decodeUtf8Exactly(QByteArrayView bytes)
{
    QString text;
    text.reserve(bytes.size());
    const auto put = [&text](char32_t codePoint) {
        if (codePoint > 0xFFFF) {
            text.append(QChar(QChar::highSurrogate(codePoint)));
            text.append(QChar(QChar::lowSurrogate(codePoint)));
        } else {
            text.append(QChar(char16_t(codePoint)));
        }
    };
    char32_t codePoint = 0;
    int needed = 0, seen = 0;
    uchar lower = 0x80, upper = 0xBF;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const uchar byte = uchar(bytes[i]);
        if (needed == 0) {
            if (byte < 0x80) {
                put(byte);
            } else if (byte >= 0xC2 && byte <= 0xDF) {
                needed = 1;
                codePoint = byte & 0x1F;
            } else if (byte >= 0xE0 && byte <= 0xEF) {
                lower = byte == 0xE0 ? 0xA0 : 0x80; // no overlong forms
                upper = byte == 0xED ? 0x9F : 0xBF; // no surrogates
                needed = 2;
                codePoint = byte & 0x0F;
            } else if (byte >= 0xF0 && byte <= 0xF4) {
                lower = byte == 0xF0 ? 0x90 : 0x80;
                upper = byte == 0xF4 ? 0x8F : 0xBF; // nothing past U+10FFFF
                needed = 3;
                codePoint = byte & 0x07;
            } else {
                put(QChar::ReplacementCharacter);
            }
            continue;
        }
        if (byte < lower || byte > upper) {
            // The unfinished sequence is one U+FFFD; this byte starts over ("restore to ioQueue").
            needed = seen = 0;
            lower = 0x80;
            upper = 0xBF;
            put(QChar::ReplacementCharacter);
            --i;
            continue;
        }
        lower = 0x80;
        upper = 0xBF;
        codePoint = (codePoint << 6) | (byte & 0x3F);
        if (++seen == needed) {
            put(codePoint);
            needed = seen = 0;
        }
    }
    if (needed != 0)
        put(QChar::ReplacementCharacter);
    return text;
}

// UTF-8 that is not all ASCII, to UTF-16 in a QString.
Q_NEVER_INLINE QString decodeNonAscii(const char *p, qsizetype size)
{
    // QString::fromUtf8 silently drops a leading BOM, but after the stream's first BOM a U+FEFF
    // is content (HTML §9.2.6 decodes the stream once, stripping only the very first one).
    QString text;
    if (size >= 3 && std::memcmp(p, Utf8Bom, 3) == 0) {
        QStringDecoder decoder(QStringDecoder::Utf8,
                               QStringDecoder::Flag::Stateless
                                       | QStringDecoder::Flag::ConvertInitialBom);
        text = decoder.decode(QByteArrayView(p, size));
    } else {
        text = QString::fromUtf8(p, size);
    }
    // fromUtf8 matches the Encoding Standard on valid text and on every invalid byte except an
    // unfinished sequence (e.g. "\xE2\x82" then a line end), where it gives one U+FFFD per byte
    // and the standard one for the whole. Valid text never takes the second pass.
    if (text.contains(QChar::ReplacementCharacter))
        return decodeUtf8Exactly(QByteArrayView(p, size));
    return text;
}

// The same into `out`, which has room for `size` units: UTF-8 never yields more UTF-16 units
// than it has bytes (an invalid byte becomes at most one U+FFFD; fromUtf8 itself allocates
// exactly `size`). Returns the end. Measured (callgrind, a 59-byte Chinese JSON value):
// fromUtf8 plus this copy ~1,170 instructions, a QStringDecoder writing straight into `out`
// ~1,310: its stateful decoder is that much slower than fromUtf8's.
Q_NEVER_INLINE char16_t *decodeNonAscii(const char *p, qsizetype size, char16_t *out)
{
    const QString text = decodeNonAscii(p, size);
    Q_ASSERT(text.size() <= size);
    // The bound only keeps a broken invariant from writing past the block.
    const qsizetype units = qMin(text.size(), size);
    std::memcpy(out, text.utf16(), size_t(units) * sizeof(char16_t));
    return out + units;
}

// ASCII to UTF-16 into `out` (room for `size` units); returns the end. Measured (callgrind,
// ~100 B events): most values are ASCII, and widening them here costs a fraction of the
// general decoder; the result is identical, ASCII being the same in UTF-8 and UTF-16.
// With CheckAscii the ASCII check is fused into the widening, one pass over the bytes, and
// the result is null at the first byte that is not ASCII (what was written is then garbage).
// Without, the caller has checked that every byte is below 0x80.
template<bool CheckAscii>
Q_ALWAYS_INLINE char16_t *widenAscii(const char *p, qsizetype size, char16_t *out)
{
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    const auto ascii = [](__m128i bytes) { return !CheckAscii || !_mm_movemask_epi8(bytes); };
    if (size >= 16) {
        const auto widen = [&](__m128i bytes, qsizetype at) {
            _mm_storeu_si128(reinterpret_cast<__m128i *>(out + at), _mm_unpacklo_epi8(bytes, zero));
            _mm_storeu_si128(reinterpret_cast<__m128i *>(out + at + 8),
                             _mm_unpackhi_epi8(bytes, zero));
        };
        qsizetype i = 0;
        for (; size - i >= 32; i += 32) {
            const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
            const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i + 16));
            if (!ascii(_mm_or_si128(a, b))) [[unlikely]]
                return nullptr;
            widen(a, i);
            widen(b, i + 16);
        }
        if (size - i >= 16) {
            const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
            if (!ascii(a)) [[unlikely]]
                return nullptr;
            widen(a, i);
            i += 16;
        }
        if (i < size) {
            // The last 16 bytes, overlapping what is already done, instead of a scalar tail.
            const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + size - 16));
            if (!ascii(a)) [[unlikely]]
                return nullptr;
            widen(a, size - 16);
        }
        return out + size;
    }
    // Short values (ids, event names) are the common case: two overlapping loads, no loop.
    if (size >= 8) {
        const __m128i head = _mm_loadl_epi64(reinterpret_cast<const __m128i *>(p));
        const __m128i tail = _mm_loadl_epi64(reinterpret_cast<const __m128i *>(p + size - 8));
        if (!ascii(_mm_or_si128(head, tail))) [[unlikely]]
            return nullptr;
        _mm_storeu_si128(reinterpret_cast<__m128i *>(out), _mm_unpacklo_epi8(head, zero));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(out + size - 8),
                         _mm_unpacklo_epi8(tail, zero));
        return out + size;
    }
    if (size >= 4) {
        quint32 head, tail;
        std::memcpy(&head, p, 4);
        std::memcpy(&tail, p + size - 4, 4);
        if (CheckAscii && ((head | tail) & 0x80808080U)) [[unlikely]]
            return nullptr;
        _mm_storel_epi64(reinterpret_cast<__m128i *>(out),
                         _mm_unpacklo_epi8(_mm_cvtsi32_si128(int(head)), zero));
        _mm_storel_epi64(reinterpret_cast<__m128i *>(out + size - 4),
                         _mm_unpacklo_epi8(_mm_cvtsi32_si128(int(tail)), zero));
        return out + size;
    }
#endif
    for (qsizetype i = 0; i < size; ++i) {
        if (CheckAscii && static_cast<unsigned char>(p[i]) >= 0x80) [[unlikely]]
            return nullptr;
        out[i] = char16_t(static_cast<unsigned char>(p[i]));
    }
    return out + size;
}

// Decodes one value into `out` (room for `size` units) and returns the end.
Q_ALWAYS_INLINE char16_t *decodeInto(const char *p, qsizetype size, char16_t *out)
{
    if (char16_t *const end = widenAscii<true>(p, size, out)) [[likely]]
        return end;
    return decodeNonAscii(p, size, out);
}

// A block for `capacity` UTF-16 units (plus a terminator), allocated directly: measured
// (callgrind), QString(size, Qt::Uninitialized) adds ~40 instructions per string around the
// same allocation, about as much as widening a 50-byte value.
inline std::pair<QTypedArrayData<char16_t> *, char16_t *> allocateBlock(qsizetype capacity)
{
    // QArrayData::allocate reserves room for the terminator beyond `capacity`.
    const auto [header, data] = QTypedArrayData<char16_t>::allocate(capacity);
    Q_CHECK_PTR(header);
    return { header, data };
}

// Decodes one field value into a string of its own.
Q_ALWAYS_INLINE QString decodeUtf8(const char *data, qsizetype size)
{
    // The check comes first, in its own pass: fused into the widening, a value that is not
    // ASCII would pay for an allocation it then discards (measured +13 % instructions per
    // event on Chinese JSON), as QString::fromUtf8 allocates its own.
    if (size == 0)
        return QString();
    if (!isAscii(data, size)) [[unlikely]]
        return decodeNonAscii(data, size);
    const auto [header, out] = allocateBlock(size);
    widenAscii<false>(data, size, out);
    out[size] = u'\0';
    return QString(QString::DataPointer(header, out, size));
}

// Data up to this many bytes shares one allocation with the event's id (see below). The id
// keeps the whole block alive, so the cap bounds what a lone copy of the id can pin.
constexpr qsizetype SharedBlockMaximumData = 4096;

// An event's data and its own id, decoded into one block; header is null when they do not
// share one. Plain values, so that the event's strings are constructed in place from it.
struct SharedBlock
{
    QTypedArrayData<char16_t> *header = nullptr;
    char16_t *data = nullptr;
    qsizetype dataSize = 0;
    char16_t *id = nullptr;
    qsizetype idSize = 0;

    QString dataString() const { return QString(QString::DataPointer(header, data, dataSize)); }
    QString idString() const { return QString(QString::DataPointer(header, id, idSize)); }
};

// Measured (callgrind, ~100 B events): an allocation and its free cost ~175 instructions, a
// sixth of the 1,008 per event before this. Both strings therefore live in one block, the data
// first and the id after it, each null-terminated, with the reference count set to two. This
// is the layout QString itself makes when its ptr moves inside the block (freeSpaceAtBegin()):
// a string that is modified while the other still holds the block detaches (ref > 1), and once
// alone it owns the other's region as spare capacity. The ASCII check is fused into the
// widening here, since the block is needed whatever the bytes are; a value that is not ASCII
// is decoded by fromUtf8 and copied in (Chinese JSON: +2.5 % instructions per event).
// A consumer that writes through a non-const accessor (data(), back(), operator[]) while both
// strings live gets a copy, as with any shared QString.
Q_ALWAYS_INLINE SharedBlock decodeIntoSharedBlock(const char *data, qsizetype dataSize,
                                                  const char *id, qsizetype idSize)
{
    // An empty value stays a plain null QString, as decodeUtf8() makes it. (One unsigned
    // compare tests both 0 < dataSize and dataSize <= SharedBlockMaximumData.)
    if (size_t(dataSize - 1) >= size_t(SharedBlockMaximumData) || idSize == 0) [[unlikely]]
        return {};
    // Each value decodes to at most as many units as it has bytes, plus its terminator.
    const auto [header, out] = allocateBlock(dataSize + 1 + idSize);
    char16_t *const dataEnd = decodeInto(data, dataSize, out);
    *dataEnd = u'\0';
    char16_t *const idBegin = dataEnd + 1;
    char16_t *const idEnd = decodeInto(id, idSize, idBegin);
    *idEnd = u'\0';
    // Nobody else sees the block yet: a plain store instead of an atomic increment.
    header->ref_.storeRelaxed(2);
    return { header, out, dataEnd - out, idBegin, idEnd - idBegin };
}

// Short values (ids, event names) are the common case: word compares instead of a libc call,
// measured at ~20 instructions per call on ~100 B events.
inline bool containsNull(const char *p, qsizetype size)
{
    if (size > 16 || size < 4)
        return size > 0 && std::memchr(p, '\0', size_t(size));
    const auto hasZeroByte = [](quint64 word) {
        return ((word - 0x0101010101010101ULL) & ~word & 0x8080808080808080ULL) != 0;
    };
    quint64 head = 0, tail = 0;
    if (size >= 8) {
        std::memcpy(&head, p, 8);
        std::memcpy(&tail, p + size - 8, 8);
        return hasZeroByte(head) || hasZeroByte(tail);
    }
    quint32 head32, tail32;
    std::memcpy(&head32, p, 4);
    std::memcpy(&tail32, p + size - 4, 4);
    // Upper halves of ones keep the zero-byte test to the four loaded bytes.
    return hasZeroByte(head32 | 0xFFFFFFFF00000000ULL)
            || hasZeroByte(tail32 | 0xFFFFFFFF00000000ULL);
}

inline bool equalBytes(const char *a, const char *b, qsizetype size)
{
    if (size > 16 || size < 4)
        return std::memcmp(a, b, size_t(size)) == 0;
    if (size >= 8) {
        quint64 a1, a2, b1, b2;
        std::memcpy(&a1, a, 8);
        std::memcpy(&a2, a + size - 8, 8);
        std::memcpy(&b1, b, 8);
        std::memcpy(&b2, b + size - 8, 8);
        return ((a1 ^ b1) | (a2 ^ b2)) == 0;
    }
    quint32 a1, a2, b1, b2;
    std::memcpy(&a1, a, 4);
    std::memcpy(&a2, a + size - 4, 4);
    std::memcpy(&b1, b, 4);
    std::memcpy(&b2, b + size - 4, 4);
    return ((a1 ^ b1) | (a2 ^ b2)) == 0;
}

// HTML §9.2.6: "If the field value consists of only ASCII digits, then interpret the field
// value as an integer in base ten". An empty value is not a number, so it is ignored; a value
// beyond qint64 saturates instead of wrapping.
bool parseRetry(const char *value, qsizetype size, qint64 *milliseconds)
{
    if (size == 0)
        return false;
    constexpr qint64 Max = std::numeric_limits<qint64>::max();
    qint64 result = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const char c = value[i];
        if (c < '0' || c > '9')
            return false;
        const int digit = c - '0';
        result = result > (Max - digit) / 10 ? Max : result * 10 + digit;
    }
    *milliseconds = result;
    return true;
}

class ListSink : public SseParser::Sink
{
public:
    void event(SseEvent &&event) override { m_events.append(std::move(event)); }
    QList<SseEvent> m_events;
};

} // namespace

QString SseParser::utf8Decode(QByteArrayView bytes)
{
    return decodeUtf8Exactly(bytes);
}

SseParser::SseParser() = default;

QList<SseEvent> SseParser::feed(QByteArrayView chunk)
{
    ListSink sink;
    feed(chunk, sink);
    return std::move(sink.m_events);
}

void SseParser::feed(QByteArrayView chunk, Sink &sink)
{
    const char *p = chunk.data();
    const char *const end = p + chunk.size();
    if (p == end)
        return;

    if (m_bomMatched >= 0) {
        // The BOM may itself arrive split over chunks: match it byte by byte.
        while (p != end && m_bomMatched < 3 && *p == Utf8Bom[m_bomMatched]) {
            ++p;
            ++m_bomMatched;
        }
        if (m_bomMatched == 3) {
            m_bomMatched = -1;
        } else if (p == end) {
            return;
        } else {
            // Not a BOM after all: the bytes matched so far start the first line. None of
            // them is a line end, so they can only be a line prefix.
            m_lineBuffer.append(Utf8Bom, m_bomMatched);
            m_bomMatched = -1;
        }
        if (p == end)
            return;
    }

    if (m_skipLf) {
        // HTML §9.2.6: a CR LF pair is one line end, even when the pair is split over chunks.
        m_skipLf = false;
        if (*p == '\n') {
            ++p;
            if (m_skipLfCounts)
                ++m_blockRawSize;
        }
    }

    consume(p, end, sink);
    // Values kept as views into this chunk must be copied before the chunk goes away.
    materializeViews();
}

void SseParser::consume(const char *p, const char *const end, Sink &sink)
{
    while (p != end) {
        // The usual state, for every line but the first of a chunk: not skipping and nothing
        // buffered. It holds until the size cap fires, so its loop tests neither (with the
        // field switch in processLine(), measured ~30 fewer instructions per ~100 B event).
        if (!m_skipping && m_lineBuffer.isEmpty()) {
            p = consumeInChunk(p, end, sink);
            continue;
        }
        const char *const eol = findLineEnd(p, end);
        if (eol == end) {
            consumeIncompleteLine(p, end, sink);
            return;
        }

        qsizetype terminatorSize = 1;
        if (*eol == '\r') {
            if (eol + 1 == end)
                m_skipLf = true;
            else if (eol[1] == '\n')
                terminatorSize = 2;
        }
        const qsizetype length = eol - p;

        if (m_skipping) {
            if (length == 0 && m_skipAtLineStart) {
                // The blank line that ends the oversized event: parse normally from here.
                m_skipping = false;
                m_skipLfCounts = false;
                resetBlock();
            } else {
                m_skipAtLineStart = true;
                m_skipLfCounts = true;
            }
        } else {
            const qsizetype lineSize = m_lineBuffer.size() + length;
            m_skipLfCounts = true;
            if (const qint64 eventSize = pendingDataSize() + lineSize;
                eventSize > m_maximumEventSize) {
                startSkipping(eventSize, sink);
                m_skipAtLineStart = true;
            } else {
                m_lineBuffer.append(p, length);
                m_blockRawSize += lineSize + terminatorSize;
                processLine(m_lineBuffer.constData(), lineSize, false, sink);
                if (m_lineBuffer.capacity() > RetainedBufferCapacity)
                    m_lineBuffer = QByteArray();
                else
                    m_lineBuffer.resize(0);
            }
        }
        p = eol + terminatorSize;
    }
}

// Lines complete inside the chunk, parsed in place without a copy, while not skipping and with
// nothing buffered. Returns where it stopped: at end, or after a line that started skipping.
Q_ALWAYS_INLINE const char *SseParser::consumeInChunk(const char *p, const char *const end,
                                                      Sink &sink)
{
    while (p != end) {
        const char *const eol = findLineEnd(p, end);
        if (eol == end) {
            consumeIncompleteLine(p, end, sink);
            return end;
        }
        qsizetype terminatorSize = 1;
        if (*eol == '\r') {
            if (eol + 1 == end) {
                m_skipLf = true;
                // Whether that LF, if it comes, is part of the block's raw size.
                m_skipLfCounts = eol != p;
            } else if (eol[1] == '\n') {
                terminatorSize = 2;
            }
        }
        const qsizetype length = eol - p;
        if (length == 0) {
            // HTML §9.2.6: "If the line is empty (a blank line), Dispatch the event"
            dispatch(sink);
        } else if (const qint64 eventSize = pendingDataSize() + length;
                   eventSize > m_maximumEventSize) [[unlikely]] {
            startSkipping(eventSize, sink);
            m_skipAtLineStart = true;
            return eol + terminatorSize;
        } else {
            m_blockRawSize += length + terminatorSize;
            processLine(p, length, true, sink);
        }
        p = eol + terminatorSize;
    }
    return end;
}

// The chunk ends inside a line: only this tail is ever buffered.
void SseParser::consumeIncompleteLine(const char *p, const char *end, Sink &sink)
{
    if (m_skipping) {
        m_skipAtLineStart = false;
        return;
    }
    const qsizetype lineSize = m_lineBuffer.size() + (end - p);
    const qint64 eventSize = pendingDataSize() + lineSize;
    if (eventSize > m_maximumEventSize)
        startSkipping(eventSize, sink);
    else
        m_lineBuffer.append(p, end - p);
}

// Inlined into consume()'s two call sites: measured 6 % fewer instructions on ~100 B events.
Q_ALWAYS_INLINE void SseParser::processLine(const char *line, qsizetype length, bool inChunk,
                                            Sink &sink)
{
    enum class Field { Data, Event, Id, Retry, Other };
    Field field = Field::Other;
    const char *value = line + length;
    qsizetype valueSize = 0;
    // `prefix` is the field name and its colon, followed by the value.
    const auto takeValue = [&](Field name, qsizetype prefix) {
        field = name;
        value = line + prefix;
        valueSize = length - prefix;
        // HTML §9.2.6: "If value starts with a U+0020 SPACE character, remove it from value."
        if (valueSize > 0 && *value == ' ') {
            ++value;
            --valueSize;
        }
    };
    // The usual lines name a known field followed by a colon: recognise them from their first
    // bytes, without searching the line for the colon: one switch on the first byte instead of
    // a chain of compares, with the name's length known in each case.
    switch (line[0]) {
    case ':':
        // HTML §9.2.6: "If the line starts with a U+003A COLON character (:) Ignore the line."
        // It is still reported: heartbeats are what users want to see.
        sink.comment(decodeComment(line + 1, length - 1));
        if (m_commentText.capacity() > RetainedBufferCapacity)
            m_commentText = QString();
        return;
    case 'd':
        if (length >= 5 && std::memcmp(line, "data:", 5) == 0)
            takeValue(Field::Data, 5);
        break;
    case 'i':
        if (length >= 3 && std::memcmp(line, "id:", 3) == 0)
            takeValue(Field::Id, 3);
        break;
    case 'e':
        if (length >= 6 && std::memcmp(line, "event:", 6) == 0)
            takeValue(Field::Event, 6);
        break;
    case 'r':
        if (length >= 6 && std::memcmp(line, "retry:", 6) == 0)
            takeValue(Field::Retry, 6);
        break;
    default:
        break;
    }
    if (field == Field::Other) {
        const auto *colon = static_cast<const char *>(std::memchr(line, ':', length));
        // HTML §9.2.6: otherwise "using the whole line as the field name, and the empty string
        // as the field value."
        const qsizetype nameSize = colon ? colon - line : length;
        Field name = Field::Other;
        if (nameSize == 4 && std::memcmp(line, "data", 4) == 0)
            name = Field::Data;
        else if (nameSize == 2 && std::memcmp(line, "id", 2) == 0)
            name = Field::Id;
        else if (nameSize == 5 && std::memcmp(line, "event", 5) == 0)
            name = Field::Event;
        else if (nameSize == 5 && std::memcmp(line, "retry", 5) == 0)
            name = Field::Retry;
        else
            return; // HTML §9.2.6: "Otherwise The field is ignored."
        if (colon)
            takeValue(name, nameSize + 1);
        else
            field = name;
    }

    switch (field) {
    case Field::Data:
        if (!m_hasData && inChunk) {
            // Most events have one data line: decode it straight from the chunk later.
            m_hasData = true;
            m_dataView = value;
            m_dataViewSize = valueSize;
        } else {
            appendData(value, valueSize);
        }
        break;
    case Field::Id:
        // HTML §9.2.6: "If the field value does not contain U+0000 NULL, then set the last
        // event ID buffer to the field value. Otherwise, ignore the field."
        if (containsNull(value, valueSize))
            break;
        m_blockHasId = true;
        if (inChunk) {
            m_idView = value;
            m_idViewSize = valueSize;
        } else {
            m_idView = nullptr;
            m_idBytes.resize(0);
            m_idBytes.append(value, valueSize);
        }
        break;
    case Field::Event:
        // The type is decoded here, not at dispatch, so that a repeated name costs one compare.
        m_hasType = valueSize > 0;
        if (m_hasType
            && (valueSize != m_cachedTypeBytes.size()
                || !equalBytes(value, m_cachedTypeBytes.constData(), valueSize))) {
            m_cachedTypeBytes = QByteArray(value, valueSize);
            m_cachedType = decodeUtf8(value, valueSize);
        }
        break;
    case Field::Retry:
        if (qint64 milliseconds = 0; parseRetry(value, valueSize, &milliseconds))
            sink.retry(milliseconds);
        break;
    case Field::Other:
        break;
    }
}

// The sink gets a view, valid for the call only, so comments are decoded into one reused
// buffer instead of a string of their own: measured ~35 instructions per event on ~100 B
// events with a heartbeat every fourth event (one allocation and free fewer per comment).
QStringView SseParser::decodeComment(const char *text, qsizetype size)
{
    if (size == 0)
        return {};
    if (!isAscii(text, size)) [[unlikely]] {
        m_commentText = decodeNonAscii(text, size);
        return m_commentText;
    }
    m_commentText.resize(size);
    widenAscii<false>(text, size, reinterpret_cast<char16_t *>(m_commentText.data()));
    return m_commentText;
}

void SseParser::appendData(const char *value, qsizetype length)
{
    // The spec appends value + LF and strips the final LF at dispatch; joining with LF is the
    // same. Raw bytes are joined and decoded once: LF is ASCII, so it ends any broken UTF-8
    // sequence exactly as it would when decoding the whole stream.
    if (m_hasData) {
        materializeDataView();
        char *out = growData(1 + length);
        *out = '\n';
        std::memcpy(out + 1, value, size_t(length));
    } else {
        m_hasData = true;
        std::memcpy(growData(length), value, size_t(length));
    }
}

// m_dataBuffer is used as raw storage (its size() is the capacity, m_dataSize the fill):
// QByteArray::append is an out-of-line call costing more than the copy for ~100 B lines.
char *SseParser::growData(qsizetype extra)
{
    const qsizetype needed = m_dataSize + extra;
    if (needed > m_dataBuffer.size()) {
        // Doubling, but never much past the cap, which bounds any event's data anyway.
        const qsizetype doubled = qMin(2 * m_dataBuffer.size(), m_maximumEventSize + 1);
        m_dataBuffer.resize(qMax(qMax(needed, doubled), qsizetype(256)));
    }
    char *out = m_dataBuffer.data() + m_dataSize;
    m_dataSize = needed;
    return out;
}

void SseParser::materializeDataView()
{
    if (m_dataView) {
        std::memcpy(growData(m_dataViewSize), m_dataView, size_t(m_dataViewSize));
        m_dataView = nullptr;
        m_dataViewSize = 0;
    }
}

void SseParser::materializeViews()
{
    materializeDataView();
    if (m_lastEventIdView) {
        m_lastEventIdBytes.resize(0);
        m_lastEventIdBytes.append(m_lastEventIdView, m_lastEventIdViewSize);
        m_lastEventIdView = nullptr;
    }
    if (m_idView) {
        m_idBytes.resize(0);
        m_idBytes.append(m_idView, m_idViewSize);
        m_idView = nullptr;
        m_idViewSize = 0;
    }
}

inline qsizetype SseParser::pendingDataSize() const
{
    // m_dataSize is 0 while the data is a view, and m_dataViewSize is 0 once it is not.
    return m_dataSize + m_dataViewSize;
}

// Records the block's accepted `id:` as the last event id, kept undecoded: the decoded string
// goes to the event alone. Sharing it between the parser and the event cost an out-of-line
// copy assignment and three atomic reference count updates per event; lastEventId() is only
// read at (re)connection time, so it decodes on demand instead. Inlined into dispatch():
// measured ~12 instructions per event.
Q_ALWAYS_INLINE QByteArrayView SseParser::commitBlockId()
{
    m_lastEventIdMoved = true;
    if (m_idView) {
        m_lastEventIdView = m_idView;
        m_lastEventIdViewSize = m_idViewSize;
        return QByteArrayView(m_idView, m_idViewSize);
    }
    m_lastEventIdBytes.swap(m_idBytes);
    m_lastEventIdView = nullptr;
    return m_lastEventIdBytes;
}

const QString &SseParser::currentLastEventId()
{
    if (m_lastEventIdMoved) {
        m_lastEventId = lastEventId();
        m_lastEventIdMoved = false;
        m_lastEventIdView = nullptr;
    }
    return m_lastEventId;
}

QString SseParser::lastEventId() const
{
    if (!m_lastEventIdMoved)
        return m_lastEventId;
    return m_lastEventIdView
            ? decodeUtf8(m_lastEventIdView, m_lastEventIdViewSize)
            : decodeUtf8(m_lastEventIdBytes.constData(), m_lastEventIdBytes.size());
}

// Inlined into its one call site, the in-chunk loop: measured ~15 instructions per event of
// call overhead and register saves.
Q_ALWAYS_INLINE void SseParser::dispatch(Sink &sink)
{
    // HTML §9.2.6: "If the data buffer is an empty string, set the data buffer and the event
    // type buffer to the empty string and return."
    if (!m_hasData) {
        // HTML §9.2.6: "Set the last event ID string of the event source to the value of the
        // last event ID buffer." This happens even when no event follows.
        if (m_blockHasId) {
            const QByteArrayView id = commitBlockId();
            m_lastEventId = decodeUtf8(id.data(), id.size());
            m_lastEventIdMoved = false;
            m_lastEventIdView = nullptr;
        }
        resetBlock();
        return;
    }

    const char *const dataBytes = m_dataView ? m_dataView : m_dataBuffer.constData();
    const qsizetype dataSize = m_dataView ? m_dataViewSize : m_dataSize;
    QByteArrayView blockId;
    SharedBlock shared;
    if (m_blockHasId) {
        blockId = commitBlockId();
        shared = decodeIntoSharedBlock(dataBytes, dataSize, blockId.data(), blockId.size());
    }
    // Built in place: member-wise assignment would call QString's out-of-line copy assignment,
    // and moving finished strings in costs ~30 instructions per event.
    SseEvent event {
        // HTML §9.2.6: "Initialize event's type attribute to "message"" unless the buffer is set.
        .type = m_hasType ? m_cachedType : u"message"_s,
        .data = shared.header ? shared.dataString() : decodeUtf8(dataBytes, dataSize),
        .lastEventId = shared.header ? shared.idString()
                : m_blockHasId       ? decodeUtf8(blockId.data(), blockId.size())
                                     : currentLastEventId(),
        .hasId = m_blockHasId,
        .rawSize = m_blockRawSize,
        .sequence = ++m_sequence,
        .connection = 0,
        .receivedAt = {},
    };
    resetBlock();
    sink.event(std::move(event));
}

Q_ALWAYS_INLINE void SseParser::resetBlock()
{
    if (m_dataBuffer.size() > RetainedBufferCapacity)
        m_dataBuffer = QByteArray();
    m_dataSize = 0;
    m_dataView = nullptr;
    m_dataViewSize = 0;
    m_idView = nullptr;
    m_idViewSize = 0;
    m_hasData = false;
    m_hasType = false;
    m_blockHasId = false;
    m_blockRawSize = 0;
}

void SseParser::startSkipping(qint64 bytes, Sink &sink)
{
    // The whole event is dropped, its `id:` included, so the last event id never points past
    // an event the user did not get to see.
    resetBlock();
    m_lineBuffer = QByteArray();
    m_skipping = true;
    m_skipAtLineStart = false;
    sink.eventTooLarge(bytes);
}

bool SseParser::finish()
{
    // HTML §9.2.6: "Once the end of the file is reached, any pending data must be discarded."
    const bool discarded = m_bomMatched > 0 || !m_lineBuffer.isEmpty() || m_blockRawSize > 0
            || m_hasData || m_skipping;
    reset();
    return discarded;
}

void SseParser::reset()
{
    resetBlock();
    if (m_lineBuffer.capacity() > RetainedBufferCapacity)
        m_lineBuffer = QByteArray();
    else
        m_lineBuffer.resize(0);
    // resetBlock() also dropped an `id:` whose block never completed: it did not take effect.
    m_bomMatched = 0;
    m_skipLf = false;
    m_skipLfCounts = false;
    m_skipping = false;
    m_skipAtLineStart = false;
}

void SseParser::setLastEventId(const QString &id)
{
    m_lastEventId = id;
    m_lastEventIdMoved = false;
    m_lastEventIdView = nullptr;
}

qsizetype SseParser::bufferedBytes() const
{
    return m_lineBuffer.size() + m_dataSize + (m_blockHasId ? m_idBytes.size() : 0);
}
