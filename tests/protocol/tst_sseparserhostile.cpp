// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
//
// SseParser against hostile input: invalid UTF-8 and NUL in every field, endless lines, floods
// of empty and comment lines, CR-only streams, random bytes, BOMs in the middle and absurd
// `retry:` values. The rule-by-rule tests live in tst_sseparser.cpp.
#include <limits>

#include <QRandomGenerator>
#include <QTest>

#include "parserlog.h"
#include "sseparser.h"

using namespace Qt::StringLiterals;

namespace {

// Large streams are fed as a socket would deliver them.
constexpr qsizetype ChunkSize = 16 * 1024;

using ParserLog::comment;
using ParserLog::escaped;
using ParserLog::RecordingSink;
using ParserLog::retry;
using ParserLog::TooLarge;

QString ev(QStringView type, QStringView data, QStringView id, bool hasId)
{
    return ParserLog::event(type, data, id, hasId);
}

// Feeds `stream` in chunks of `chunkSize` bytes (0: whole) and returns the log without sizes,
// so that it compares with hand-written expectations.
QStringList parseInChunks(const QByteArray &stream, qsizetype chunkSize)
{
    SseParser parser;
    RecordingSink sink;
    sink.sizes = RecordingSink::Sizes::Omitted;
    const qsizetype step = chunkSize > 0 ? chunkSize : qMax<qsizetype>(stream.size(), 1);
    for (qsizetype i = 0; i < stream.size(); i += step)
        parser.feed(QByteArrayView(stream).sliced(i, qMin(step, stream.size() - i)), sink);
    sink.log << u"last-id "_s + escaped(parser.lastEventId());
    return sink.log;
}

// Feeds `stream` cut at `cuts` and ends it; the log includes rawSize and the sequence number.
QStringList parseWithCuts(const QByteArray &stream, const QList<qsizetype> &cuts,
                          qsizetype maximumSize)
{
    return ParserLog::feedWithCuts(stream, cuts, maximumSize, RecordingSink::Sizes::Logged);
}

// The same hand-written expectation, whole and in chunks of every awkward size.
void checkChunkings(const QByteArray &stream, const QStringList &expected)
{
    for (const qsizetype chunkSize :
         { qsizetype(0), qsizetype(1), qsizetype(2), qsizetype(3), qsizetype(7), ChunkSize }) {
        const QStringList actual = parseInChunks(stream, chunkSize);
        if (actual != expected)
            qWarning("chunk size %lld", static_cast<long long>(chunkSize));
        QCOMPARE(actual, expected);
    }
}

QList<qsizetype> randomCuts(qsizetype size, int maximumStep, QRandomGenerator &random)
{
    QList<qsizetype> cuts;
    for (qsizetype at = random.bounded(1, maximumStep + 1); at < size;
         at += random.bounded(1, maximumStep + 1)) {
        cuts << at;
    }
    return cuts;
}

QList<qsizetype> everyChunk(qsizetype size, qsizetype chunkSize)
{
    QList<qsizetype> cuts;
    for (qsizetype at = chunkSize; at < size; at += chunkSize)
        cuts << at;
    return cuts;
}

// Feeds a synthetic stream of `total` bytes made of `chunk` repeated (the last one cut short),
// checking the parser's buffered size after every feed. Returns the largest seen.
qsizetype feedRepeated(SseParser &parser, RecordingSink &sink, const QByteArray &chunk,
                       qint64 total)
{
    qsizetype maximumBuffered = 0;
    for (qint64 fed = 0; fed < total; fed += chunk.size()) {
        parser.feed(QByteArrayView(chunk).first(qsizetype(qMin<qint64>(chunk.size(), total - fed))),
                    sink);
        maximumBuffered = qMax(maximumBuffered, parser.bufferedBytes());
    }
    return maximumBuffered;
}

} // namespace

class TestSseParserHostile : public QObject
{
    Q_OBJECT

private slots:
    void invalidUtf8InEveryField_data();
    void invalidUtf8InEveryField();
    void truncatedSequenceIsOneReplacement_data();
    void truncatedSequenceIsOneReplacement();
    void nulBytes_data();
    void nulBytes();
    void bomInTheMiddle_data();
    void bomInTheMiddle();
    void hugeRetry_data();
    void hugeRetry();
    void hundredMebibyteLine_data();
    void hundredMebibyteLine();
    void millionEmptyLines_data();
    void millionEmptyLines();
    void millionCommentLines();
    void onlyCarriageReturns();
    void binaryGarbage_data();
    void binaryGarbage();
};

void TestSseParserHostile::invalidUtf8InEveryField_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QStringList>("expected");
    // Each bad byte or sequence that can never start a valid character is one U+FFFD (Encoding
    // Standard, "UTF-8 decoder"), and decoding resumes at the next byte.
    const QString id = u"last-id "_s;
    QTest::newRow("data: 0xFF") << "data: a\xFF"
                                   "b\n\n"_ba
                                << QStringList { ev(u"message", u"a\uFFFDb", u"", false), id };
    QTest::newRow("data: lone continuation bytes")
            << "data: \x80\xBF\n\n"_ba
            << QStringList { ev(u"message", u"\uFFFD\uFFFD", u"", false), id };
    QTest::newRow("data: overlong slash")
            << "data: \xC0\xAF\n\n"_ba
            << QStringList { ev(u"message", u"\uFFFD\uFFFD", u"", false), id };
    QTest::newRow("data: surrogate")
            << "data: \xED\xA0\x80z\n\n"_ba
            << QStringList { ev(u"message", u"\uFFFD\uFFFD\uFFFDz", u"", false), id };
    QTest::newRow("data: beyond U+10FFFF")
            << "data: \xF4\x90\x80\x80\n\n"_ba
            << QStringList { ev(u"message", u"\uFFFD\uFFFD\uFFFD\uFFFD", u"", false), id };
    QTest::newRow("data: five-byte form")
            << "data: \xF8\x88\x80\x80\x80\n\n"_ba
            << QStringList { ev(u"message", u"\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD", u"", false), id };
    QTest::newRow("data: bad line, good line")
            << "data: \xFE\ndata: \xC3\xA9\n\n"_ba
            << QStringList { ev(u"message", u"\uFFFD\n\u00E9", u"", false), id };
    QTest::newRow("event") << "event: t\xFF\ndata: x\n\n"_ba
                           << QStringList { ev(u"t\uFFFD", u"x", u"", false), id };
    QTest::newRow("event: only invalid bytes is not empty")
            << "event: \xFF\ndata: x\n\n"_ba << QStringList { ev(u"\uFFFD", u"x", u"", false), id };
    QTest::newRow("id") << "id: 1\xFF\ndata: x\n\n"_ba
                        << QStringList { ev(u"message", u"x", u"1\uFFFD", true),
                                         id + u"1\\ufffd"_s };
    QTest::newRow("id kept across events")
            << "id: \xC0\ndata: x\n\ndata: y\n\n"_ba
            << QStringList { ev(u"message", u"x", u"\uFFFD", true),
                             ev(u"message", u"y", u"\uFFFD", false), id + u"\\ufffd"_s };
    // HTML §9.2.6: `retry` needs "only ASCII digits": any other byte makes it ignored.
    QTest::newRow("retry") << "retry: 1\xFF\nretry: \xB5\nretry: 7\ndata: x\n\n"_ba
                           << QStringList { retry(7), ev(u"message", u"x", u"", false), id };
    QTest::newRow("comment") << ":\xFF\x80 ok\n\n"_ba
                             << QStringList { comment(u"\uFFFD\uFFFD ok"), id };
    // An unknown field name, invalid or not, is ignored, and the block has no data to dispatch.
    QTest::newRow("field name") << "da\xFFta: x\n\n\xFF: y\n\xFF\ndata\xC3: z\n\n"_ba
                                << QStringList { id };
}

void TestSseParserHostile::invalidUtf8InEveryField()
{
    QFETCH(QByteArray, stream);
    QFETCH(QStringList, expected);
    checkChunkings(stream, expected);
}

void TestSseParserHostile::truncatedSequenceIsOneReplacement_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QString>("data");
    // HTML §9.2.6 decodes the stream with the Encoding Standard's UTF-8 decoder, which replaces
    // a valid but unfinished sequence (its "maximal subpart") with ONE U+FFFD; a browser shows
    // "\uFFFD\n" for "\xE2\x82\n". Qt's QString::fromUtf8 emits one per byte instead.
    QTest::newRow("3-byte cut by the line end") << "data: \xE2\x82\n\n"_ba << u"\uFFFD"_s;
    QTest::newRow("4-byte cut by the line end") << "data: \xF0\x9F\x98\n\n"_ba << u"\uFFFD"_s;
    QTest::newRow("3-byte cut by ASCII") << "data: \xE2\x82z\n\n"_ba << u"\uFFFDz"_s;
    QTest::newRow("4-byte cut by a new sequence")
            << "data: \xF0\x9F\xC3\xA9\n\n"_ba << u"\uFFFD\u00E9"_s;
    QTest::newRow("cut, then joined with the next data line")
            << "data: \xF0\x9F\ndata: \x98\x80\n\n"_ba << u"\uFFFD\n\uFFFD\uFFFD"_s;
}

void TestSseParserHostile::truncatedSequenceIsOneReplacement()
{
    QFETCH(QByteArray, stream);
    QFETCH(QString, data);
    checkChunkings(stream, { ev(u"message", data, u"", false), u"last-id "_s });
}

void TestSseParserHostile::nulBytes_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QStringList>("expected");
    const QString id = u"last-id "_s;
    const QChar nul(u'\0');
    // NUL is an ordinary character everywhere except in `id`.
    QTest::newRow("data") << "data: a\0b\0\n\n"_ba
                          << QStringList {
                                 ev(u"message", QString(u"a"_s + nul + u'b' + nul), u"", false), id
                             };
    QTest::newRow("data: only NUL")
            << "data:\0\n\n"_ba << QStringList { ev(u"message", QString(nul), u"", false), id };
    QTest::newRow("event") << "event: \0t\ndata: x\n\n"_ba
                           << QStringList { ev(QString(nul + u"t"_s), u"x", u"", false), id };
    QTest::newRow("comment") << ":\0\0\n\n"_ba << QStringList { comment(QString(2, nul)), id };
    // HTML §9.2.6: "If the field value does not contain U+0000 NULL, then set the last event
    // ID buffer to the field value. Otherwise, ignore the field."
    QTest::newRow("id: ignored, the previous one stays")
            << "id: 1\ndata: x\n\nid: 2\0\ndata: y\n\nid: \0\n\ndata: z\n\n"_ba
            << QStringList { ev(u"message", u"x", u"1", true), ev(u"message", u"y", u"1", false),
                             ev(u"message", u"z", u"1", false), id + u'1' };
    QTest::newRow("id: NUL after an accepted id in the same block")
            << "id: 3\nid: 4\0\ndata: x\n\n"_ba
            << QStringList { ev(u"message", u"x", u"3", true), id + u'3' };
    QTest::newRow("id: NUL at every place of a long id")
            << "id: 0123456789abcdefghij\0\nid: \0"
               "0123456789abcdefghij\nid: ab\0d\nid: abcdefg\0ijklmnop\ndata: x\n\n"_ba
            << QStringList { ev(u"message", u"x", u"", false), id };
    QTest::newRow("retry") << "retry: 1\0\nretry: \0\ndata: x\n\n"_ba
                           << QStringList { ev(u"message", u"x", u"", false), id };
    QTest::newRow("field name") << "data\0: x\n\0\ndata: y\n\n"_ba
                                << QStringList { ev(u"message", u"y", u"", false), id };
}

void TestSseParserHostile::nulBytes()
{
    QFETCH(QByteArray, stream);
    QFETCH(QStringList, expected);
    checkChunkings(stream, expected);
}

void TestSseParserHostile::bomInTheMiddle_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QStringList>("expected");
    const QString id = u"last-id "_s;
    // HTML §9.2.6: only the stream's first BOM is stripped; any later U+FEFF is content, so a
    // line that starts with one names the unknown field "\uFEFFdata" and is ignored.
    QTest::newRow("before a field name") << "data: a\n\n\xEF\xBB\xBF"
                                            "data: b\n\n"_ba
                                         << QStringList { ev(u"message", u"a", u"", false), id };
    QTest::newRow("second BOM right after the first")
            << "\xEF\xBB\xBF\xEF\xBB\xBF"
               "data: a\n\ndata: b\n\n"_ba
            << QStringList { ev(u"message", u"b", u"", false), id };
    QTest::newRow("starts a data value")
            << "data: \xEF\xBB\xBF"
               "b\n\n"_ba
            << QStringList { ev(u"message", u"\uFEFFb", u"", false), id };
    QTest::newRow("is the whole data value")
            << "data:\xEF\xBB\xBF\n\n"_ba
            << QStringList { ev(u"message", u"\uFEFF", u"", false), id };
    QTest::newRow("starts the second data line")
            << "data: a\ndata: \xEF\xBB\xBF\n\n"_ba
            << QStringList { ev(u"message", u"a\n\uFEFF", u"", false), id };
    QTest::newRow("inside a value") << "data: a\xEF\xBB\xBF"
                                       "b\n\n"_ba
                                    << QStringList { ev(u"message", u"a\uFEFFb", u"", false), id };
    QTest::newRow("event") << "event: \xEF\xBB\xBFt\ndata: x\n\n"_ba
                           << QStringList { ev(u"\uFEFFt", u"x", u"", false), id };
    QTest::newRow("id") << "id: \xEF\xBB\xBF\ndata: x\n\n"_ba
                        << QStringList { ev(u"message", u"x", u"\uFEFF", true), id + u"\\ufeff"_s };
    QTest::newRow("comment") << ":\xEF\xBB\xBF\n\n"_ba << QStringList { comment(u"\uFEFF"), id };
    // A BOM before the colon is part of the name: no longer `retry`.
    QTest::newRow("retry") << "retry\xEF\xBB\xBF: 5\nretry: \xEF\xBB\xBF"
                              "5\ndata: x\n\n"_ba
                           << QStringList { ev(u"message", u"x", u"", false), id };
    QTest::newRow("after a blank line at the start")
            << "\n\xEF\xBB\xBF"
               "data: a\n\ndata: b\n\n"_ba
            << QStringList { ev(u"message", u"b", u"", false), id };
}

void TestSseParserHostile::bomInTheMiddle()
{
    QFETCH(QByteArray, stream);
    QFETCH(QStringList, expected);
    checkChunkings(stream, expected);
}

void TestSseParserHostile::hugeRetry_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("milliseconds");
    constexpr qint64 Max = std::numeric_limits<qint64>::max();
    // HTML §9.2.6: "If the field value consists of only ASCII digits, then interpret the field
    // value as an integer in base ten". Any such integer is valid, however long; one beyond
    // qint64 clamps to its maximum (the reader clamps further), it never wraps or is dropped.
    QTest::newRow("30 digits") << "123456789012345678901234567890"_ba << true << Max;
    QTest::newRow("30 nines") << QByteArray(30, '9') << true << Max;
    QTest::newRow("1000 digits") << QByteArray(1000, '7') << true << Max;
    QTest::newRow("qint64 max") << "9223372036854775807"_ba << true << Max;
    QTest::newRow("qint64 max + 1") << "9223372036854775808"_ba << true << Max;
    QTest::newRow("qint64 max * 10") << "92233720368547758070"_ba << true << Max;
    QTest::newRow("30 digits, leading zeros")
            << "000000000000000000000000000042"_ba << true << qint64(42);
    QTest::newRow("zero") << "0"_ba << true << qint64(0);
    QTest::newRow("empty") << QByteArray() << false << qint64(0);
    QTest::newRow("negative") << "-1"_ba << false << qint64(0);
    QTest::newRow("plus") << "+1"_ba << false << qint64(0);
    QTest::newRow("exponent") << "1e3"_ba << false << qint64(0);
    QTest::newRow("decimal") << "1.5"_ba << false << qint64(0);
    QTest::newRow("second space") << " 5"_ba << false << qint64(0);
    QTest::newRow("trailing space") << "5 "_ba << false << qint64(0);
    QTest::newRow("30 digits and a letter")
            << "123456789012345678901234567890x"_ba << false << qint64(0);
    QTest::newRow("fullwidth digit") << "\xEF\xBC\x95"_ba << false << qint64(0);
    QTest::newRow("arabic-indic digit") << "\xD9\xA5"_ba << false << qint64(0);
}

void TestSseParserHostile::hugeRetry()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, valid);
    QFETCH(qint64, milliseconds);
    const QByteArray stream = "retry: " + value + "\ndata: x\n\n";
    QStringList expected;
    if (valid)
        expected << retry(milliseconds);
    expected << ev(u"message", u"x", u"", false) << u"last-id "_s;
    checkChunkings(stream, expected);
}

void TestSseParserHostile::hundredMebibyteLine_data()
{
    QTest::addColumn<QByteArray>("prefix");
    QTest::newRow("data") << "data: "_ba;
    QTest::newRow("comment") << ":"_ba;
    QTest::newRow("id") << "id: "_ba;
    QTest::newRow("no field name") << QByteArray();
}

void TestSseParserHostile::hundredMebibyteLine()
{
    QFETCH(QByteArray, prefix);
    constexpr qint64 LineSize = 100 * 1024 * 1024;
    const qsizetype cap = SseParser::DefaultMaximumEventSize;
    SseParser parser;
    RecordingSink sink;
    parser.feed("id: 1\ndata: before\n\nid: 2\n"_ba, sink);
    parser.feed(prefix, sink);

    // 100 MiB without a line end, 16 KiB at a time: the cap fires once, nothing of the line is
    // kept past it, and the parser never holds more than the cap plus one chunk.
    const qsizetype maximumBuffered =
            feedRepeated(parser, sink, QByteArray(ChunkSize, 'x'), LineSize);
    QVERIFY2(maximumBuffered <= cap + ChunkSize, qPrintable(QString::number(maximumBuffered)));
    QVERIFY(maximumBuffered > cap / 2); // the line was buffered up to the cap, not dropped early
    QCOMPARE(parser.bufferedBytes(), qsizetype(0));
    QVERIFY(parser.isSkippingOversizedEvent());
    QCOMPARE(sink.tooLargeBytes.size(), 1);
    QVERIFY(sink.tooLargeBytes.at(0) > cap);
    QVERIFY(sink.tooLargeBytes.at(0) <= cap + ChunkSize + 16);
    QCOMPARE(sink.commentCount, 0);
    QCOMPARE(sink.events.size(), 1);

    // The line's end and the blank line end the skipped block; parsing resumes normally. The
    // skipped block's `id: 2` went with it.
    parser.feed("\r\n\r\n: back\ndata: after\n\n"_ba, sink);
    QVERIFY(!parser.isSkippingOversizedEvent());
    QCOMPARE(sink.events.size(), 2);
    QCOMPARE(sink.events.last().data, u"after"_s);
    QCOMPARE(sink.events.last().lastEventId, u"1"_s);
    QCOMPARE(sink.events.last().sequence, quint64(2));
    QCOMPARE(sink.events.last().rawSize, qint64(19));
    QCOMPARE(sink.commentCount, 1);
    QCOMPARE(sink.tooLargeBytes.size(), 1);
    QVERIFY(!parser.finish());
}

void TestSseParserHostile::millionEmptyLines_data()
{
    QTest::addColumn<QByteArray>("lineEnd");
    QTest::newRow("LF") << "\n"_ba;
    QTest::newRow("CRLF") << "\r\n"_ba;
    QTest::newRow("CR") << "\r"_ba;
}

void TestSseParserHostile::millionEmptyLines()
{
    QFETCH(QByteArray, lineEnd);
    // Fed in 16 KiB chunks; the odd-sized first line makes every boundary split a CR LF pair.
    const QByteArray stream = "id: 5\r\n" + lineEnd.repeated(1'000'000) + "data: x\n\n";
    SseParser parser;
    RecordingSink sink;
    qsizetype maximumBuffered = 0;
    const QList<qsizetype> cuts = everyChunk(stream.size(), ChunkSize);
    qsizetype from = 0;
    for (const qsizetype cut : cuts) {
        parser.feed(QByteArrayView(stream).sliced(from, cut - from), sink);
        maximumBuffered = qMax(maximumBuffered, parser.bufferedBytes());
        from = cut;
    }
    parser.feed(QByteArrayView(stream).sliced(from), sink);
    // A million blank lines dispatch nothing (no data) but the first one commits `id: 5`.
    QCOMPARE(sink.log, (QStringList { ev(u"message", u"x", u"5", false) + u" raw=8 seq=1"_s }));
    QVERIFY2(maximumBuffered <= 16, qPrintable(QString::number(maximumBuffered)));
    QCOMPARE(parser.lastEventId(), u"5"_s);
    QVERIFY(!parser.finish());
}

void TestSseParserHostile::millionCommentLines()
{
    constexpr int Count = 1'000'000;
    const QByteArray line = ": keep-alive\n"_ba;
    SseParser parser;
    RecordingSink sink;
    sink.logComments = false;
    // Inside one event, so that its rawSize sums them all.
    parser.feed("event: t\ndata: a\n"_ba, sink);
    QByteArray chunk;
    while (chunk.size() < ChunkSize)
        chunk += line; // whole lines per chunk; the split case is below
    const qsizetype maximumBuffered =
            feedRepeated(parser, sink, chunk, qint64(Count) * line.size());
    QCOMPARE(sink.commentCount, Count);
    QCOMPARE(sink.events.size(), 0);
    QVERIFY2(maximumBuffered <= 64, qPrintable(QString::number(maximumBuffered)));
    parser.feed("data: b\n\n"_ba, sink);
    QCOMPARE(sink.events.size(), 1);
    QCOMPARE(sink.events.last().type, u"t"_s);
    QCOMPARE(sink.events.last().data, u"a\nb"_s);
    QCOMPARE(sink.events.last().rawSize, qint64(9 + 8 + qint64(Count) * line.size() + 8));

    // The same million comments cut mid-line: each chunk ends inside a comment.
    SseParser splitParser;
    RecordingSink splitSink;
    splitSink.logComments = false;
    const QByteArray stream = line.repeated(Count);
    const qsizetype oddChunk = ChunkSize + 5;
    for (qsizetype i = 0; i < stream.size(); i += oddChunk)
        splitParser.feed(QByteArrayView(stream).sliced(i, qMin(oddChunk, stream.size() - i)),
                         splitSink);
    QCOMPARE(splitSink.commentCount, Count);
    QVERIFY(splitParser.finish()); // the comments' block never ended with a blank line
}

void TestSseParserHostile::onlyCarriageReturns()
{
    // 4 MiB of CR: each one ends a line, none pairs with a following LF, chunk boundaries
    // (where the parser waits to see whether an LF follows) included.
    SseParser parser;
    RecordingSink sink;
    const qsizetype maximumBuffered =
            feedRepeated(parser, sink, QByteArray(ChunkSize, '\r'), 4 * 1024 * 1024);
    QVERIFY(sink.log.isEmpty());
    QCOMPARE(parser.bufferedBytes(), qsizetype(0));
    QCOMPARE(maximumBuffered, qsizetype(0));
    // The CR that ended the last chunk must not swallow the next chunk's first line.
    parser.feed("data: a\r\r"_ba, sink);
    parser.feed("\ndata: b\r\r"_ba, sink);
    QCOMPARE(sink.log,
             (QStringList { ev(u"message", u"a", u"", false) + u" raw=8 seq=1"_s,
                            ev(u"message", u"b", u"", false) + u" raw=8 seq=2"_s }));
    QVERIFY(!parser.finish());
}

void TestSseParserHostile::binaryGarbage_data()
{
    QTest::addColumn<QByteArray>("alphabet");
    QTest::addColumn<qsizetype>("maximumSize");
    QByteArray allBytes;
    for (int byte = 0; byte < 256; ++byte)
        allBytes += char(byte);
    // Bytes that mean something to the parser, so that garbage forms fields and events too.
    const QByteArray significant = "data:event:id:retry: \n\n\r\r:0123456789x\0\xEF\xBB\xBF\xC3\xA9"
                                   "\xE2\x82\xAC\xF0\x9F\x98\x80\x80\xFF"_ba;
    QTest::newRow("all bytes") << allBytes << SseParser::DefaultMaximumEventSize;
    QTest::newRow("all bytes, 1 KiB cap") << allBytes << qsizetype(1024);
    QTest::newRow("significant bytes") << significant << SseParser::DefaultMaximumEventSize;
    QTest::newRow("significant bytes, 100 byte cap") << significant << qsizetype(100);
}

void TestSseParserHostile::binaryGarbage()
{
    QFETCH(QByteArray, alphabet);
    QFETCH(qsizetype, maximumSize);
    QRandomGenerator random(0x55E5C0E);
    for (int round = 0; round < 8; ++round) {
        QByteArray stream(random.bounded(1, 128 * 1024), Qt::Uninitialized);
        for (char &byte : stream)
            byte = alphabet.at(random.bounded(alphabet.size()));

        // No crash, and the same events, sizes and reports whichever way the bytes arrive.
        const QStringList whole = parseWithCuts(stream, {}, maximumSize);
        const auto compare = [&](const QList<qsizetype> &cuts, const char *how) {
            const QStringList split = parseWithCuts(stream, cuts, maximumSize);
            if (split != whole)
                qWarning("round %d, %s, stream %s", round, how, stream.toBase64().constData());
            QCOMPARE(split, whole);
        };
        compare(everyChunk(stream.size(), ChunkSize), "16 KiB chunks");
        compare(randomCuts(stream.size(), 64, random), "random cuts up to 64 bytes");
        compare(randomCuts(stream.size(), 3, random), "random cuts up to 3 bytes");
        if (QTest::currentTestFailed())
            return;
    }
}

QTEST_GUILESS_MAIN(TestSseParserHostile)
#include "tst_sseparserhostile.moc"
