// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
//
// libFuzzer target for SseParser (clang only, not part of the default build). run.sh configures
// build-fuzz with -DCMAKE_CXX_COMPILER=clang++ -DSSESCOPE_FUZZ=ON, builds this target and fuzzes:
//   bash tests/fuzz/run.sh build-fuzz 600      # 10 minutes, one process, seeds in tests/fuzz/corpus
// A crash leaves crash-<sha1> in the current directory: replay it with
//   build-fuzz/tests/fuzz/fuzz_sseparser crash-<sha1>
// and keep it as a row of tests/protocol/tst_sseparserhostile.cpp. Every ctest run, in any build,
// replays tests/fuzz/corpus through these same checks (fuzz_corpus_replay, replay_corpus.cpp).
//
// Per input, the parser (cap 4 KiB) must not crash or trip ASan/UBSan, and:
// - fed whole, split at points chosen by the input, and byte by byte, it reports the same
//   events (type, data, id, hasId, rawSize, sequence), comments, retry values, oversize
//   reports, last event id and finish() result;
// - no event's data exceeds the cap, and its buffered bytes stay within twice the cap (the
//   line and data share the cap; a pending `id:` is one line more);
// - when the input is no bigger than the cap, it matches a plain transliteration of HTML §9.2.6
//   run on the stream decoded in one go.
#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <vector>

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include "sseparser.h"

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype Cap = 4 * 1024;
// Byte-by-byte feeding is the harshest split but costs one call per byte: bounded for speed.
constexpr size_t ByteByByteLimit = 2048;

[[noreturn]] void fail(const char *what, const QStringList &expected, const QStringList &actual)
{
    std::fprintf(stderr, "fuzz_sseparser: %s\n", what);
    for (qsizetype i = 0; i < qMax(expected.size(), actual.size()); ++i) {
        const QString left = i < expected.size() ? expected.at(i) : u"<none>"_s;
        const QString right = i < actual.size() ? actual.at(i) : u"<none>"_s;
        std::fprintf(stderr, "%c %s\n    %s\n", left == right ? ' ' : '!',
                     left.toUtf8().toPercentEncoding(" =").constData(),
                     right.toUtf8().toPercentEncoding(" =").constData());
    }
    std::abort();
}

QString eventLine(const QString &type, const QString &data, const QString &id, bool hasId)
{
    return u"event %1|%2|%3|%4"_s.arg(type, data, id, QString::number(int(hasId)));
}

class LogSink : public SseParser::Sink
{
public:
    explicit LogSink(const SseParser &parser)
        : m_parser(parser)
    {}

    void event(SseEvent &&event) override
    {
        if (event.data.size() > Cap) {
            std::fprintf(stderr, "fuzz_sseparser: event data of %lld units past the cap\n",
                         static_cast<long long>(event.data.size()));
            std::abort();
        }
        const QString line = eventLine(event.type, event.data, event.lastEventId, event.hasId);
        m_spec << line;
        m_log << line + u" raw=%1 seq=%2"_s.arg(event.rawSize).arg(event.sequence);
    }
    void comment(QStringView text) override
    {
        m_spec << u"comment "_s + text.toString();
        m_log << m_spec.constLast();
    }
    void retry(qint64 milliseconds) override
    {
        m_spec << u"retry "_s + QString::number(milliseconds);
        m_log << m_spec.constLast();
    }
    // The byte count depends on where the chunks were cut; that the cap fired does not.
    void eventTooLarge(qint64 bytes) override
    {
        if (bytes <= Cap)
            std::abort();
        m_log << u"too-large"_s;
        m_tooLarge = true;
    }

    void checkBuffered() const
    {
        if (m_parser.bufferedBytes() > 2 * Cap) {
            std::fprintf(stderr, "fuzz_sseparser: %lld bytes buffered\n",
                         static_cast<long long>(m_parser.bufferedBytes()));
            std::abort();
        }
    }

    const SseParser &m_parser;
    QStringList m_log; // everything, rawSize and sequence included
    QStringList m_spec; // what the reference can tell: no sizes, no oversize reports
    bool m_tooLarge = false;
};

// Takes integers from the end of the input exactly as libFuzzer's
// FuzzedDataProvider::ConsumeIntegralInRange does (bytes from the back, most significant first,
// then modulo the range), so a crash file replays with the same cuts. Its header ships with
// clang only, and tests/fuzz/replay_corpus.cpp builds this file with g++ as well.
class TailReader
{
public:
    TailReader(const uint8_t *data, size_t size)
        : m_data(data)
        , m_remaining(size)
    {}

    size_t takeInRange(size_t minimum, size_t maximum)
    {
        const uint64_t range = uint64_t(maximum) - minimum;
        uint64_t result = 0;
        for (size_t offset = 0;
             offset < sizeof(size_t) * CHAR_BIT && (range >> offset) > 0 && m_remaining != 0;
             offset += CHAR_BIT)
            result = (result << CHAR_BIT) | m_data[--m_remaining];
        if (range != std::numeric_limits<uint64_t>::max())
            result %= range + 1;
        return size_t(minimum + result);
    }

private:
    const uint8_t *m_data;
    size_t m_remaining;
};

// Feeds `input` cut at `cuts` (ascending offsets), then ends the stream.
LogSink parse(QByteArrayView input, const std::vector<size_t> &cuts, SseParser &parser)
{
    parser.setMaximumEventSize(Cap);
    LogSink sink(parser);
    size_t from = 0;
    for (const size_t cut : cuts) {
        parser.feed(input.sliced(qsizetype(from), qsizetype(cut - from)), sink);
        sink.checkBuffered();
        from = cut;
    }
    parser.feed(input.sliced(qsizetype(from)), sink);
    sink.checkBuffered();
    const QString lastId = u"last-id "_s + parser.lastEventId();
    sink.m_log << lastId;
    sink.m_spec << lastId;
    sink.m_log << (parser.finish() ? u"finish discarded"_s : u"finish clean"_s);
    if (parser.bufferedBytes() != 0)
        std::abort();
    return sink;
}

// HTML §9.2.6 read literally, over the whole stream decoded at once: the oracle for small inputs.
QStringList referenceParse(QByteArrayView bytes)
{
    // HTML §9.2.6: "The UTF-8 decode algorithm strips one leading UTF-8 Byte Order Mark (BOM)".
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    // The Encoding Standard's decoder (tst_sseparserhostile pins its output byte by byte).
    const QString text = SseParser::utf8Decode(bytes);

    QStringList log;
    QString dataBuffer, typeBuffer, idBuffer, lastId;
    bool blockHasId = false;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != u'\r' && text[i] != u'\n')
            continue;
        const QString line = text.mid(lineStart, i - lineStart);
        if (text[i] == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
            ++i;
        lineStart = i + 1;

        if (line.isEmpty()) {
            lastId = idBuffer;
            if (!dataBuffer.isEmpty()) {
                dataBuffer.chop(1);
                log << eventLine(typeBuffer.isEmpty() ? u"message"_s : typeBuffer, dataBuffer,
                                 lastId, blockHasId);
            }
            dataBuffer.clear();
            typeBuffer.clear();
            blockHasId = false;
            continue;
        }
        if (line.startsWith(u':')) {
            log << u"comment "_s + line.mid(1);
            continue;
        }
        const qsizetype colon = line.indexOf(u':');
        const QString name = colon < 0 ? line : line.left(colon);
        QString value = colon < 0 ? QString() : line.mid(colon + 1);
        if (value.startsWith(u' '))
            value.remove(0, 1);
        if (name == u"event"_s) {
            typeBuffer = value;
        } else if (name == u"data"_s) {
            dataBuffer += value + u'\n';
        } else if (name == u"id"_s) {
            if (!value.contains(QChar(u'\0'))) {
                idBuffer = value;
                blockHasId = true;
            }
        } else if (name == u"retry"_s) {
            const bool digits = !value.isEmpty()
                    && std::all_of(value.cbegin(), value.cend(),
                                   [](QChar c) { return c >= u'0' && c <= u'9'; });
            if (digits) {
                bool fits = false;
                const qint64 milliseconds = value.toLongLong(&fits);
                log << u"retry "_s
                                + QString::number(fits ? milliseconds
                                                       : std::numeric_limits<qint64>::max());
            }
        }
    }
    log << u"last-id "_s + lastId;
    return log;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));

    // Split points come from the input's last bytes; the whole input is still the stream, so
    // plain SSE seed files work as they are.
    TailReader tail(data, size);
    std::vector<size_t> cuts(tail.takeInRange(0, 16));
    for (size_t &cut : cuts)
        cut = tail.takeInRange(0, size);
    std::sort(cuts.begin(), cuts.end());

    SseParser wholeParser;
    const LogSink whole = parse(input, {}, wholeParser);

    SseParser splitParser;
    const LogSink split = parse(input, cuts, splitParser);
    if (split.m_log != whole.m_log)
        fail("split at chosen points differs from whole (whole first)", whole.m_log, split.m_log);

    if (size <= ByteByByteLimit) {
        std::vector<size_t> everyByte;
        for (size_t i = 1; i < size; ++i)
            everyByte.push_back(i);
        SseParser byteParser;
        const LogSink bytes = parse(input, everyByte, byteParser);
        if (bytes.m_log != whole.m_log)
            fail("byte by byte differs from whole (whole first)", whole.m_log, bytes.m_log);
    }

    if (qsizetype(size) <= Cap) {
        if (whole.m_tooLarge)
            std::abort(); // nothing in an input this small can exceed the cap
        const QStringList expected = referenceParse(input);
        if (whole.m_spec != expected)
            fail("differs from the HTML §9.2.6 reference (reference first)", expected,
                 whole.m_spec);
    }
    return 0;
}
