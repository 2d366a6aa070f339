// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <limits>

#include <QRandomGenerator>
#include <QTest>

#include "parserlog.h"
#include "sseparser.h"

using namespace Qt::StringLiterals;

namespace {

using ParserLog::comment;
using ParserLog::escaped;
using ParserLog::RecordingSink;
using ParserLog::retry;
using ParserLog::TooLarge;

QString ev(const QString &type, const QString &data, const QString &id, bool hasId, qint64 rawSize,
           quint64 sequence)
{
    return ParserLog::withSizes(ParserLog::event(type, data, id, hasId), rawSize, sequence);
}

// Feeds `stream` cut at the given positions, then ends it; returns the full log.
QStringList run(const QByteArray &stream, const QList<qsizetype> &cuts, qsizetype maximumSize,
                bool withRawSize = true)
{
    return ParserLog::feedWithCuts(stream, cuts, maximumSize,
                                   withRawSize ? RecordingSink::Sizes::Logged
                                               : RecordingSink::Sizes::RawUnknown);
}

// The whole stream, every two-chunk split and byte by byte must give the same log.
void checkAllSplits(const QByteArray &stream, const QStringList &expected, qsizetype maximumSize,
                    bool withRawSize = true)
{
    QList<QList<qsizetype>> cutSets;
    cutSets << QList<qsizetype> {};
    for (qsizetype i = 0; i <= stream.size(); ++i)
        cutSets << QList<qsizetype> { i };
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < stream.size(); ++i)
        everyByte << i;
    cutSets << everyByte;

    for (const QList<qsizetype> &cuts : std::as_const(cutSets)) {
        const QStringList actual = run(stream, cuts, maximumSize, withRawSize);
        if (actual != expected) {
            qWarning() << "cut at" << (cuts.size() > 1 ? QList<qsizetype> { -1 } : cuts)
                       << "(-1 = byte by byte, empty = whole)";
            QCOMPARE(actual, expected);
        }
    }
}

// A straightforward transliteration of HTML §9.2.6 over the stream decoded in one go, used as
// an oracle: it cannot report byte sizes, so rawSize is not compared against it.
QStringList referenceParse(const QByteArray &bytes)
{
    QByteArrayView view(bytes);
    if (view.startsWith("\xEF\xBB\xBF"))
        view = view.sliced(3);
    // The Encoding Standard's decoder (tst_sseparserhostile pins its output byte by byte).
    const QString text = SseParser::utf8Decode(view);

    QStringList log;
    QString data, type, idBuffer, lastId;
    bool hasData = false, blockHasId = false;
    quint64 sequence = 0;
    qsizetype pos = 0;
    while (true) {
        qsizetype eol = pos;
        while (eol < text.size() && text[eol] != u'\n' && text[eol] != u'\r')
            ++eol;
        if (eol == text.size())
            break; // an unterminated last line is discarded
        const QString line = text.mid(pos, eol - pos);
        pos = eol
                + ((text[eol] == u'\r' && eol + 1 < text.size() && text[eol + 1] == u'\n') ? 2 : 1);
        if (line.isEmpty()) {
            lastId = idBuffer;
            if (hasData) {
                log << ev(type.isEmpty() ? u"message"_s : type, data, lastId, blockHasId, -1,
                          ++sequence);
            }
            data.clear();
            type.clear();
            hasData = blockHasId = false;
            continue;
        }
        if (line.startsWith(u':')) {
            log << comment(line.mid(1));
            continue;
        }
        const qsizetype colon = line.indexOf(u':');
        const QString name = colon < 0 ? line : line.left(colon);
        QString value = colon < 0 ? QString() : line.mid(colon + 1);
        if (value.startsWith(u' '))
            value.remove(0, 1);
        if (name == u"data"_s) {
            data += hasData ? u"\n"_s + value : value;
            hasData = true;
        } else if (name == u"event"_s) {
            type = value;
        } else if (name == u"id"_s) {
            if (!value.contains(QChar(0))) {
                idBuffer = value;
                blockHasId = true;
            }
        } else if (name == u"retry"_s) {
            bool ok = !value.isEmpty();
            for (const QChar c : std::as_const(value))
                ok = ok && c >= u'0' && c <= u'9';
            if (ok) {
                bool fits = false;
                const qint64 milliseconds = value.toLongLong(&fits);
                log << retry(fits ? milliseconds : std::numeric_limits<qint64>::max());
            }
        }
    }
    log << u"last-id "_s + escaped(lastId);
    return log;
}

} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void matchesReferenceOnRandomStreams();
    void invalidUtf8MatchesWholeStreamDecode_data();
    void invalidUtf8MatchesWholeStreamDecode();
    void convenienceFeedReturnsEvents();
    void finishReportsDiscardedState_data();
    void finishReportsDiscardedState();
    void resetKeepsLastEventIdAndRearmsBom();
    void setLastEventIdIsUsed();
    void oversizedLineWithoutNewlineDoesNotGrow();
    void oversizedDataLinesDoNotGrow();
    void oneMebibyteEvent();
    void decodesEveryLengthAndPosition();
    void shortIdsAndTypesAtEveryLengthAndPosition();
    void lastEventIdDuringAndAfterFeed();
};

void TestSseParser::parse_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<qsizetype>("maximumSize");

    const QString M = u"message"_s;
    const QString clean = u"finish clean"_s;
    const QString discarded = u"finish discarded"_s;
    const QString noId = u"last-id "_s;
    const qsizetype Default = 0;

    // Line ends: HTML §9.2.6 "Lines must be separated by either a U+000D CARRIAGE RETURN
    // U+000A LINE FEED (CRLF) character pair, a single U+000A LINE FEED (LF) character, or a
    // single U+000D CARRIAGE RETURN (CR) character."
    QTest::newRow("lf") << "data: a\n\n"_ba
                        << QStringList { ev(M, u"a"_s, {}, false, 8, 1), noId, clean } << Default;
    QTest::newRow("crlf") << "data: a\r\n\r\n"_ba
                          << QStringList { ev(M, u"a"_s, {}, false, 9, 1), noId, clean } << Default;
    QTest::newRow("cr") << "data: a\r\r"_ba
                        << QStringList { ev(M, u"a"_s, {}, false, 8, 1), noId, clean } << Default;
    QTest::newRow("mixed line ends")
            << "data: a\r\ndata: b\rdata: c\n\r\n"_ba
            << QStringList { ev(M, u"a\nb\nc"_s, {}, false, 25, 1), noId, clean } << Default;
    QTest::newRow("crlf twice is one blank line")
            << "data: a\r\n\r\ndata: b\r\n\r\n"_ba
            << QStringList { ev(M, u"a"_s, {}, false, 9, 1), ev(M, u"b"_s, {}, false, 9, 2), noId,
                             clean }
            << Default;
    QTest::newRow("bare cr then lf on a later line")
            << "data: a\rdata: b\n\n"_ba
            << QStringList { ev(M, u"a\nb"_s, {}, false, 16, 1), noId, clean } << Default;
    QTest::newRow("cr cr lf") << "data: a\r\r\n\ndata: b\n\n"_ba
                              << QStringList { ev(M, u"a"_s, {}, false, 8, 1),
                                               ev(M, u"b"_s, {}, false, 8, 2), noId, clean }
                              << Default;
    QTest::newRow("lf cr is two line ends")
            << "data: a\n\rdata: b\n\n"_ba
            << QStringList { ev(M, u"a"_s, {}, false, 8, 1), ev(M, u"b"_s, {}, false, 8, 2), noId,
                             clean }
            << Default;
    QTest::newRow("leading blank lines")
            << "\n\r\n\rdata: a\n\n"_ba
            << QStringList { ev(M, u"a"_s, {}, false, 8, 1), noId, clean } << Default;

    // BOM: the stream is UTF-8 decoded, which strips one leading BOM only.
    QTest::newRow("bom") << "\xEF\xBB\xBF"
                            "data: a\n\n"_ba
                         << QStringList { ev(M, u"a"_s, {}, false, 8, 1), noId, clean } << Default;
    QTest::newRow("second bom is part of the field name")
            << "\xEF\xBB\xBF\xEF\xBB\xBF"
               "data: a\n\ndata: b\n\n"_ba
            << QStringList { ev(M, u"b"_s, {}, false, 8, 1), noId, clean } << Default;
    QTest::newRow("bom later in the stream is data")
            << "data: a\n\ndata: \xEF\xBB\xBF"
               "b\n\n"_ba
            << QStringList { ev(M, u"a"_s, {}, false, 8, 1), ev(M, u"\uFEFFb"_s, {}, false, 11, 2),
                             noId, clean }
            << Default;
    QTest::newRow("bom prefix that is not a bom")
            << "\xEF\xBB"
               "data: a\n\ndata: b\n\n"_ba
            << QStringList { ev(M, u"b"_s, {}, false, 8, 1), noId, clean } << Default;
    QTest::newRow("only a partial bom")
            << "\xEF\xBB"_ba << QStringList { noId, discarded } << Default;

    // Comments.
    QTest::newRow("comment") << ": ping\n\n"_ba << QStringList { comment(u" ping"_s), noId, clean }
                             << Default;
    QTest::newRow("empty comment")
            << ":\n"_ba << QStringList { comment({}), noId, discarded } << Default;
    QTest::newRow("comment inside a block counts in rawSize")
            << "data: a\n:c\n\n"_ba
            << QStringList { comment(u"c"_s), ev(M, u"a"_s, {}, false, 11, 1), noId, clean }
            << Default;
    QTest::newRow("field named comment is unknown")
            << "comment: x\n\ncomment: y\ndata: z\n\n"_ba
            << QStringList { ev(M, u"z"_s, {}, false, 19, 1), noId, clean } << Default;

    // Fields and values.
    QTest::newRow("data without colon")
            << "data\n\n"_ba << QStringList { ev(M, {}, {}, false, 5, 1), noId, clean } << Default;
    QTest::newRow("data colon twice")
            << "data:\ndata:\n\n"_ba
            << QStringList { ev(M, u"\n"_s, {}, false, 12, 1), noId, clean } << Default;
    QTest::newRow("data without space")
            << "data:a\n\n"_ba << QStringList { ev(M, u"a"_s, {}, false, 7, 1), noId, clean }
            << Default;
    QTest::newRow("only one space stripped")
            << "data:  a \n\n"_ba << QStringList { ev(M, u" a "_s, {}, false, 10, 1), noId, clean }
            << Default;
    QTest::newRow("colon in value")
            << "data: a:b\n\n"_ba << QStringList { ev(M, u"a:b"_s, {}, false, 10, 1), noId, clean }
            << Default;
    QTest::newRow("multi-line data")
            << "data: a\ndata:\ndata: b\n\n"_ba
            << QStringList { ev(M, u"a\n\nb"_s, {}, false, 22, 1), noId, clean } << Default;
    QTest::newRow("unknown fields ignored")
            << "foo: bar\nData: x\ndata : y\ndata: a\n\n"_ba
            << QStringList { ev(M, u"a"_s, {}, false, 34, 1), noId, clean } << Default;
    QTest::newRow("empty data buffer dispatches nothing")
            << "event: x\nfoo\n\n"_ba << QStringList { noId, clean } << Default;

    // event.
    QTest::newRow("event type") << "event: add\ndata: a\n\n"_ba
                                << QStringList { ev(u"add"_s, u"a"_s, {}, false, 19, 1), noId,
                                                 clean }
                                << Default;
    QTest::newRow("event type reset after dispatch")
            << "event: add\ndata: a\n\ndata: b\n\n"_ba
            << QStringList { ev(u"add"_s, u"a"_s, {}, false, 19, 1), ev(M, u"b"_s, {}, false, 8, 2),
                             noId, clean }
            << Default;
    QTest::newRow("event type reset by a block without data")
            << "event: add\n\ndata: b\n\n"_ba
            << QStringList { ev(M, u"b"_s, {}, false, 8, 1), noId, clean } << Default;
    QTest::newRow("empty event is message")
            << "event: add\nevent:\ndata: a\n\n"_ba
            << QStringList { ev(M, u"a"_s, {}, false, 26, 1), noId, clean } << Default;
    QTest::newRow("same event type twice")
            << "event: x\ndata: 1\n\nevent: x\ndata: 2\n\nevent: y\ndata: 3\n\n"_ba
            << QStringList { ev(u"x"_s, u"1"_s, {}, false, 17, 1),
                             ev(u"x"_s, u"2"_s, {}, false, 17, 2),
                             ev(u"y"_s, u"3"_s, {}, false, 17, 3), noId, clean }
            << Default;

    // id.
    QTest::newRow("id persists") << "id: 7\ndata: a\n\ndata: b\n\n"_ba
                                 << QStringList { ev(M, u"a"_s, u"7"_s, true, 14, 1),
                                                  ev(M, u"b"_s, u"7"_s, false, 8, 2),
                                                  u"last-id 7"_s, clean }
                                 << Default;
    QTest::newRow("id with nul ignored")
            << "id: 1\ndata: a\n\nid: 2\0003\ndata: b\n\n"_ba
            << QStringList { ev(M, u"a"_s, u"1"_s, true, 14, 1),
                             ev(M, u"b"_s, u"1"_s, false, 16, 2), u"last-id 1"_s, clean }
            << Default;
    QTest::newRow("empty id clears") << "id: 1\ndata: a\n\nid\ndata: b\n\n"_ba
                                     << QStringList { ev(M, u"a"_s, u"1"_s, true, 14, 1),
                                                      ev(M, u"b"_s, {}, true, 11, 2), noId, clean }
                                     << Default;
    QTest::newRow("id only block")
            << "id: 5\n\ndata: x\n\n"_ba
            << QStringList { ev(M, u"x"_s, u"5"_s, false, 8, 1), u"last-id 5"_s, clean } << Default;
    QTest::newRow("id only at end")
            << "id: 5\n\n"_ba << QStringList { u"last-id 5"_s, clean } << Default;
    QTest::newRow("id takes effect at the blank line only")
            << "id: 5\n"_ba << QStringList { noId, discarded } << Default;
    QTest::newRow("last id wins") << "id: 1\nid: 2\ndata: a\n\n"_ba
                                  << QStringList { ev(M, u"a"_s, u"2"_s, true, 20, 1),
                                                   u"last-id 2"_s, clean }
                                  << Default;

    // retry.
    QTest::newRow("retry") << "retry: 1500\n\n"_ba << QStringList { retry(1500), noId, clean }
                           << Default;
    QTest::newRow("retry only block then event")
            << "retry: 10\n\ndata: a\n\n"_ba
            << QStringList { retry(10), ev(M, u"a"_s, {}, false, 8, 1), noId, clean } << Default;
    QTest::newRow("retry 10a ignored")
            << "retry: 10a\n\n"_ba << QStringList { noId, clean } << Default;
    QTest::newRow("retry negative ignored")
            << "retry: -5\n\n"_ba << QStringList { noId, clean } << Default;
    QTest::newRow("retry empty ignored")
            << "retry:\nretry\n\n"_ba << QStringList { noId, clean } << Default;
    QTest::newRow("retry huge clamps")
            << "retry: 99999999999999999999999999\n\n"_ba
            << QStringList { retry(std::numeric_limits<qint64>::max()), noId, clean } << Default;
    QTest::newRow("retry huge with letter ignored") << "retry: 99999999999999999999999999x\n\n"_ba
                                                    << QStringList { noId, clean } << Default;

    // End of stream.
    QTest::newRow("unterminated event discarded")
            << "data: a\n\ndata: b\n"_ba
            << QStringList { ev(M, u"a"_s, {}, false, 8, 1), noId, discarded } << Default;
    QTest::newRow("unterminated line discarded")
            << "data: a"_ba << QStringList { noId, discarded } << Default;
    QTest::newRow("empty stream") << QByteArray() << QStringList { noId, clean } << Default;

    // UTF-8.
    QTest::newRow("multi-byte characters")
            << "event: \xC3\xA9t\xC3\xA9\ndata: \xE2\x82\xAC \xF0\x9F\x98\x80\n\n"_ba
            << QStringList { ev(u"\u00E9t\u00E9"_s, u"\u20AC \U0001F600"_s, {}, false, 28, 1), noId,
                             clean }
            << Default;
    QTest::newRow("invalid byte") << "data: a\xFF"
                                     "b\n\n"_ba
                                  << QStringList { ev(M, u"a\uFFFDb"_s, {}, false, 10, 1), noId,
                                                   clean }
                                  << Default;

    // Size cap: the oversized event is reported once and skipped up to its blank line.
    const QByteArray longLine = QByteArray("data: " + QByteArray(100, 'x') + "\n");
    QTest::newRow("oversized single line")
            << QByteArray("data: a\n\n"_ba + longLine + "id: 9\ndata: b\n\nid: 3\ndata: c\n\n"_ba)
            << QStringList { ev(M, u"a"_s, {}, false, 8, 1), TooLarge,
                             ev(M, u"c"_s, u"3"_s, true, 14, 2), u"last-id 3"_s, clean }
            << qsizetype(64);
    QTest::newRow("oversized data lines adding up")
            << "data: 0123456789\ndata: 0123456789\ndata: 0123456789\ndata: 0123456789\n"
               "data: 0123456789\ndata: 0123456789\ndata: 0123456789\n\r\n"
               "data: ok\r\n\r\n"_ba
            << QStringList { TooLarge, ev(M, u"ok"_s, {}, false, 10, 1), noId, clean }
            << qsizetype(64);
    QTest::newRow("oversized line with cr line ends")
            << QByteArray("data: x\r"_ba + QByteArray(100, 'y') + "\r:skipped\r\rdata: z\r\r"_ba)
            << QStringList { TooLarge, ev(M, u"z"_s, {}, false, 8, 1), noId, clean }
            << qsizetype(64);
    QTest::newRow("oversized unterminated")
            << QByteArray(100, 'y') << QStringList { TooLarge, noId, discarded } << qsizetype(64);
    QTest::newRow("exactly at the cap")
            << QByteArray("data: " + QByteArray(58, 'x') + "\n\n")
            << QStringList { ev(M, QString(58, u'x'), {}, false, 65, 1), noId, clean }
            << qsizetype(64);
}

void TestSseParser::parse()
{
    QFETCH(QByteArray, stream);
    QFETCH(QStringList, expected);
    QFETCH(qsizetype, maximumSize);
    checkAllSplits(stream, expected, maximumSize);
}

void TestSseParser::matchesReferenceOnRandomStreams()
{
    // Pieces chosen to hit the tricky spots: line ends of every kind, BOMs, partial and
    // invalid UTF-8, NUL, colons and spaces next to every field name.
    const QList<QByteArray> pieces = {
        "data"_ba,     "data:"_ba,   "data: "_ba,      "id"_ba,           "id:"_ba,
        "id: "_ba,     "event:"_ba,  "event: "_ba,     "retry:"_ba,       "retry: "_ba,
        ":"_ba,        " "_ba,       "\n"_ba,          "\n"_ba,           "\n"_ba,
        "\r"_ba,       "\r\n"_ba,    "x"_ba,           "42"_ba,           "\xEF\xBB\xBF"_ba,
        "\xE2\x82"_ba, "\xAC"_ba,    "\xFF"_ba,        "\xF0\x9F\x98"_ba, "\xC3"_ba,
        "\0"_ba,       "comment"_ba, "\xED\xA0\x80"_ba
    };
    QRandomGenerator random(20260101);
    for (int round = 0; round < 3000; ++round) {
        QByteArray stream;
        const int count = random.bounded(1, 40);
        for (int i = 0; i < count; ++i)
            stream += pieces.at(random.bounded(pieces.size()));
        QStringList expected = referenceParse(stream);

        QList<qsizetype> cuts;
        qsizetype at = 0;
        while (true) {
            at += random.bounded(1, 6);
            if (at >= stream.size())
                break;
            cuts << at;
        }
        QStringList actual = run(stream, cuts, 0, false);
        actual.removeLast(); // finish(): the reference does not model it
        if (actual != expected)
            qWarning() << "stream" << stream.toPercentEncoding() << "cuts" << cuts;
        QCOMPARE(actual, expected);
    }
}

void TestSseParser::invalidUtf8MatchesWholeStreamDecode_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::newRow("truncated at line end") << "data: \xE2\x82\n\n"_ba;
    QTest::newRow("truncated at cr") << "data: a\xF0\x9F\rdata: b\r\r"_ba;
    QTest::newRow("truncated between data lines") << "data: \xF0\x9F\ndata: \x98\x80\n\n"_ba;
    QTest::newRow("overlong") << "data: \xC0\xAF\n\n"_ba;
    QTest::newRow("surrogate") << "data: \xED\xA0\x80z\n\n"_ba;
    QTest::newRow("beyond U+10FFFF") << "data: \xF4\x90\x80\x80\n\n"_ba;
    QTest::newRow("lone continuation") << "data: \x80\x80\n\n"_ba;
    QTest::newRow("in id and event") << "id: \xC3\nevent: \xE2\x82\ndata: \xFF\n\n"_ba;
    QTest::newRow("in comment") << ":\xE2\x82\n\n"_ba;
    QTest::newRow("before the colon") << "data\xC3: a\ndata: b\xC3\n\n"_ba;
}

void TestSseParser::invalidUtf8MatchesWholeStreamDecode()
{
    QFETCH(QByteArray, stream);
    QStringList expected = referenceParse(stream);
    expected << u"finish clean"_s;
    QVERIFY(expected.join(u'\n').contains(u"\\ufffd"_s));
    checkAllSplits(stream, expected, 0, false);
}

void TestSseParser::convenienceFeedReturnsEvents()
{
    SseParser parser;
    QList<SseEvent> events = parser.feed(": c\nretry: 5\ndata: a\n\nid: 2\ndata"_ba);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).data, u"a"_s);
    events = parser.feed(": b\n\n"_ba);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).data, u"b"_s);
    QCOMPARE(events.at(0).lastEventId, u"2"_s);
    QCOMPARE(events.at(0).sequence, quint64(2));
    QCOMPARE(parser.eventCount(), quint64(2));
}

void TestSseParser::finishReportsDiscardedState_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<bool>("discarded");
    QTest::newRow("nothing") << QByteArray() << false;
    QTest::newRow("complete event") << "data: a\n\n"_ba << false;
    QTest::newRow("partial line") << "data: a\n\nda"_ba << true;
    QTest::newRow("partial event") << "data: a\n"_ba << true;
    QTest::newRow("comment without blank line") << ": c\n"_ba << true;
    QTest::newRow("partial bom") << "\xEF"_ba << true;
    QTest::newRow("whole bom") << "\xEF\xBB\xBF"_ba << false;
}

void TestSseParser::finishReportsDiscardedState()
{
    QFETCH(QByteArray, stream);
    QFETCH(bool, discarded);
    SseParser parser;
    parser.feed(stream);
    QCOMPARE(parser.finish(), discarded);
    QCOMPARE(parser.bufferedBytes(), qsizetype(0));
    // After the end of a stream the parser is ready for the next one, leading BOM included.
    const QList<SseEvent> events = parser.feed("\xEF\xBB\xBF"
                                               "data: next\n\n"_ba);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).data, u"next"_s);
}

void TestSseParser::resetKeepsLastEventIdAndRearmsBom()
{
    SseParser parser;
    parser.setMaximumEventSize(1000);
    RecordingSink sink;
    parser.feed("id: 1\ndata: a\n\nid: 2\nevent: t\ndata: partial\nretry"_ba, sink);
    parser.reset();
    QCOMPARE(parser.lastEventId(), u"1"_s);
    QCOMPARE(parser.bufferedBytes(), qsizetype(0));
    QCOMPARE(parser.maximumEventSize(), qsizetype(1000));
    // The partial line "retry" is gone (not completed to "retry: 7"), as are the partial
    // event's id, type and data; the sequence counter continues.
    parser.feed(": 7\n\xEF\xBB\xBF"_ba, sink);
    parser.reset();
    parser.feed("\xEF\xBB"_ba, sink);
    parser.feed("\xBF"
                "data: b\n\n"_ba,
                sink);
    QCOMPARE(sink.log,
             (QStringList { ev(u"message"_s, u"a"_s, u"1"_s, true, 14, 1), comment(u" 7"_s),
                            ev(u"message"_s, u"b"_s, u"1"_s, false, 8, 2) }));
    QCOMPARE(parser.eventCount(), quint64(2));
}

void TestSseParser::setLastEventIdIsUsed()
{
    SseParser parser;
    parser.setLastEventId(u"start"_s);
    QList<SseEvent> events = parser.feed("data: a\n\n"_ba);
    QCOMPARE(events.at(0).lastEventId, u"start"_s);
    QCOMPARE(events.at(0).hasId, false);
    parser.feed("id: 2\n"_ba);
    parser.reset();
    QCOMPARE(parser.lastEventId(), u"start"_s);
}

void TestSseParser::oversizedLineWithoutNewlineDoesNotGrow()
{
    constexpr qsizetype Cap = 1024 * 1024;
    SseParser parser;
    parser.setMaximumEventSize(Cap);
    RecordingSink sink;
    parser.feed("id: 1\ndata: first\n\nid: 2\ndata: "_ba, sink);
    const QByteArray chunk(64 * 1024, 'x');
    qsizetype maximumBuffered = 0;
    for (int i = 0; i < 256; ++i) { // 16 MiB of one line
        parser.feed(chunk, sink);
        maximumBuffered = qMax(maximumBuffered, parser.bufferedBytes());
    }
    QVERIFY2(maximumBuffered <= Cap, qPrintable(QString::number(maximumBuffered)));
    QCOMPARE(parser.bufferedBytes(), qsizetype(0));
    QVERIFY(parser.isSkippingOversizedEvent());
    QCOMPARE(sink.tooLargeBytes.size(), 1);
    QVERIFY(sink.tooLargeBytes.at(0) > Cap);
    QVERIFY(sink.tooLargeBytes.at(0) <= Cap + chunk.size() + 16);

    parser.feed("\ndata: more of it\n\r\ndata: after\n\n"_ba, sink);
    QVERIFY(!parser.isSkippingOversizedEvent());
    QCOMPARE(sink.events.size(), 2);
    QCOMPARE(sink.events.at(1).data, u"after"_s);
    // The oversized block's `id: 2` was discarded with it.
    QCOMPARE(sink.events.at(1).lastEventId, u"1"_s);
    QCOMPARE(sink.tooLargeBytes.size(), 1);
}

void TestSseParser::oversizedDataLinesDoNotGrow()
{
    constexpr qsizetype Cap = 256 * 1024;
    SseParser parser;
    parser.setMaximumEventSize(Cap);
    RecordingSink sink;
    const QByteArray line = "data: " + QByteArray(1000, 'd') + "\n";
    qsizetype maximumBuffered = 0;
    for (int i = 0; i < 2000; ++i) { // ~2 MiB of data lines, one event
        parser.feed(line, sink);
        maximumBuffered = qMax(maximumBuffered, parser.bufferedBytes());
    }
    QVERIFY2(maximumBuffered <= Cap, qPrintable(QString::number(maximumBuffered)));
    QCOMPARE(sink.tooLargeBytes.size(), 1);
    QVERIFY(sink.events.isEmpty());
    parser.feed("\ndata: next\n\n"_ba, sink);
    QCOMPARE(sink.events.size(), 1);
    QCOMPARE(sink.events.at(0).data, u"next"_s);
    QCOMPARE(sink.tooLargeBytes.size(), 1);
}

void TestSseParser::oneMebibyteEvent()
{
    // 1 MiB of mixed 1-, 2-, 3- and 4-byte characters, so chunk cuts fall inside sequences.
    const QString unit = u"a\u00E9\u20AC\U0001F600"_s;
    QString expected;
    while (expected.toUtf8().size() < 1024 * 1024)
        expected += unit.repeated(1024);
    const QByteArray stream = "event: big\r\ndata: " + expected.toUtf8() + "\r\n\r\n";

    for (const qsizetype chunkSize : { qsizetype(16 * 1024), qsizetype(4093), stream.size() }) {
        SseParser parser;
        RecordingSink sink;
        for (qsizetype i = 0; i < stream.size(); i += chunkSize)
            parser.feed(QByteArrayView(stream).sliced(i, qMin(chunkSize, stream.size() - i)), sink);
        QCOMPARE(sink.events.size(), 1);
        QCOMPARE(sink.events.at(0).type, u"big"_s);
        QVERIFY(sink.events.at(0).data == expected);
        QCOMPARE(sink.events.at(0).rawSize, stream.size() - 2);
        QVERIFY(!parser.finish());
    }
}

void TestSseParser::decodesEveryLengthAndPosition()
{
    // The decoder takes block-wise shortcuts for ASCII: every length around the block sizes,
    // with one non-ASCII character (valid or not) at every position, must decode exactly as
    // QString::fromUtf8 does.
    SseParser parser;
    for (int length = 0; length <= 140; ++length) {
        const QByteArray ascii(length, 'k');
        QList<QByteArray> values { ascii };
        for (int at = 0; at < length; ++at) {
            values << QByteArray(ascii).replace(at, 1, "\xC3\xA9");
            values << QByteArray(ascii).replace(at, 1, "\x80");
        }
        for (const QByteArray &value : std::as_const(values)) {
            const QList<SseEvent> events = parser.feed(QByteArray("data:" + value + "\n\n"));
            QCOMPARE(events.size(), 1);
            if (events.at(0).data != QString::fromUtf8(value))
                QCOMPARE(escaped(events.at(0).data), escaped(QString::fromUtf8(value)));
        }
    }
}

void TestSseParser::shortIdsAndTypesAtEveryLengthAndPosition()
{
    // Ids and event names take word-wise shortcuts (NUL test, compare with the previous name):
    // one differing byte, or a NUL, at every position of every short length must count.
    for (int length = 1; length <= 20; ++length) {
        QByteArray stream;
        QStringList expected;
        const QByteArray base(length, 'k');
        for (int at = 0; at < length; ++at) {
            const QByteArray other = QByteArray(base).replace(at, 1, "j");
            const QByteArray withNull = QByteArray(base).replace(at, 1, "\0"_ba);
            stream += "id: " + other + "\nevent: " + base + "\ndata: x\n\n";
            expected << QString::fromLatin1(other) + u' ' + QString::fromLatin1(base);
            stream += "id: " + withNull + "\nevent: " + other + "\ndata: x\n\n";
            expected << QString::fromLatin1(other) + u' ' + QString::fromLatin1(other);
        }
        SseParser parser;
        QStringList actual;
        for (const SseEvent &event : parser.feed(stream))
            actual << event.lastEventId + u' ' + event.type;
        QCOMPARE(actual, expected);
    }
}

void TestSseParser::lastEventIdDuringAndAfterFeed()
{
    // An event's id is handed to the event and kept undecoded by the parser: lastEventId() must
    // still be right from inside the sink, after the chunk is gone, and for id-less events.
    class IdSink : public SseParser::Sink
    {
    public:
        explicit IdSink(const SseParser &parser)
            : m_parser(parser)
        {}
        void event(SseEvent &&event) override
        {
            log << event.lastEventId + u'/' + m_parser.lastEventId();
        }
        QStringList log;

    private:
        const SseParser &m_parser;
    };
    SseParser parser;
    IdSink sink(parser);
    QByteArray chunk = "id: \xC3\xA9\ndata: a\n\ndata: b\n\n"_ba;
    parser.feed(chunk, sink);
    chunk.fill('z'); // the parser must not read a chunk after feed() returns
    QCOMPARE(parser.lastEventId(), u"\u00e9"_s);
    parser.feed("data: c\n\nid: 7\n\n"_ba, sink);
    QCOMPARE(parser.lastEventId(), u"7"_s);
    parser.feed("id: 8\ndata: d\n\nid\n"_ba, sink);
    parser.feed("data: e\n\n"_ba, sink);
    parser.setLastEventId(u"s"_s);
    parser.feed("data: f\n\n"_ba, sink);
    QCOMPARE(sink.log,
             (QStringList { u"\u00e9/\u00e9"_s, u"\u00e9/\u00e9"_s, u"\u00e9/\u00e9"_s, u"8/8"_s,
                            u"/"_s, u"s/s"_s }));
    QCOMPARE(parser.lastEventId(), u"s"_s);
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
