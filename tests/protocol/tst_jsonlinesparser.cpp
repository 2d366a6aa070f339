// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <QTest>

#include "jsonlinesparser.h"

using namespace Qt::StringLiterals;

namespace {

using Framing = JsonLinesParser::Framing;

// Every report of the parser as one comparable line.
class LogSink final : public SseParser::Sink
{
public:
    void event(SseEvent &&event) override
    {
        log << u"%1 raw=%2 seq=%3"_s.arg(event.data).arg(event.rawSize).arg(event.sequence);
        types << event.type;
        hasId = hasId || event.hasId;
    }
    void eventTooLarge(qint64 bytes) override { log << u"too-large %1"_s.arg(bytes); }

    QStringList log;
    QStringList types;
    bool hasId = false;
};

// Feeds `stream` whole, split once at every position, and byte by byte, then finishes; every way
// must report the same.
QStringList feedEveryWay(Framing framing, const QByteArray &stream, qsizetype maximum, bool finish)
{
    const auto run = [&](const QList<qsizetype> &cuts) {
        JsonLinesParser parser(framing);
        parser.setMaximumEventSize(maximum);
        LogSink sink;
        qsizetype at = 0;
        for (const qsizetype cut : cuts) {
            parser.feed(QByteArrayView(stream).sliced(at, cut - at), sink);
            at = cut;
        }
        parser.feed(QByteArrayView(stream).sliced(at), sink);
        if (finish)
            parser.finish(sink);
        // How much of an oversized record had arrived depends on the split; the report does not.
        for (QString &line : sink.log) {
            if (line.startsWith(u"too-large"_s))
                line = u"too-large ?"_s;
        }
        return sink.log;
    };
    const QStringList whole = run({});
    for (qsizetype i = 0; i <= stream.size(); ++i) {
        const QStringList split = run({ i });
        if (split != whole) {
            qWarning("split at %lld differs", qlonglong(i));
            return split;
        }
    }
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < stream.size(); ++i)
        everyByte << i;
    const QStringList bytes = run(everyByte);
    if (bytes != whole)
        qWarning("byte by byte differs");
    return bytes;
}

} // namespace

class TestJsonLinesParser : public QObject
{
    Q_OBJECT

private slots:
    void records_data();
    void records();
    void everyEventIsAMessageWithoutId();
    void finishDispatchesUnterminatedLine();
    void resetDropsPartialRecord();
    void framingFor_data();
    void framingFor();
};

void TestJsonLinesParser::records_data()
{
    QTest::addColumn<int>("framing");
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<qsizetype>("maximum");
    QTest::addColumn<bool>("finish");
    QTest::addColumn<QStringList>("expected");

    const qsizetype big = SseParser::DefaultMaximumEventSize;
    const int lines = int(Framing::Lines);
    const int sequence = int(Framing::RecordSeparator);

    QTest::addRow("ollama lines") << lines
                                  << QByteArray("{\"response\":\"Hi\",\"done\":false}\n"
                                                "{\"response\":\"!\",\"done\":true}\n")
                                  << big << false
                                  << QStringList {
                                         u"{\"response\":\"Hi\",\"done\":false} raw=31 seq=1"_s,
                                         u"{\"response\":\"!\",\"done\":true} raw=29 seq=2"_s
                                     };
    QTest::addRow("crlf and blank lines")
            << lines << QByteArray("{\"a\":1}\r\n\r\n  \n{\"a\":2}\r\n") << big << false
            << QStringList { u"{\"a\":1} raw=9 seq=1"_s, u"{\"a\":2} raw=9 seq=2"_s };
    QTest::addRow("leading bom") << lines << QByteArray("\xEF\xBB\xBF[1]\n[2]\n") << big << false
                                 << QStringList { u"[1] raw=4 seq=1"_s, u"[2] raw=4 seq=2"_s };
    QTest::addRow("bom-like bytes are content")
            << lines
            << QByteArray("\xEF\xBB"
                          "x\n")
            << big << false << QStringList { u"\uFFFDx raw=4 seq=1"_s };
    QTest::addRow("utf-8") << lines << QByteArray("{\"t\":\"\xe4\xbd\xa0\xe5\xa5\xbd\"}\n") << big
                           << false << QStringList { u"{\"t\":\"\u4f60\u597d\"} raw=15 seq=1"_s };
    QTest::addRow("unterminated last line, finished")
            << lines << QByteArray("[1]\n[2]") << big << true
            << QStringList { u"[1] raw=4 seq=1"_s, u"[2] raw=3 seq=2"_s };
    QTest::addRow("unterminated last line, not finished")
            << lines << QByteArray("[1]\n[2]") << big << false
            << QStringList { u"[1] raw=4 seq=1"_s };
    QTest::addRow("oversized line skipped")
            << lines << QByteArray("[1]\n[\"0123456789\"]\n[3]\n") << qsizetype(8) << false
            << QStringList { u"[1] raw=4 seq=1"_s, u"too-large ?"_s, u"[3] raw=4 seq=2"_s };
    QTest::addRow("json-seq one per line")
            << sequence << QByteArray("\x1E{\"a\":1}\n\x1E{\"a\":2}\n") << big << false
            << QStringList { u"{\"a\":1} raw=9 seq=1"_s, u"{\"a\":2} raw=9 seq=2"_s };
    QTest::addRow("json-seq pretty-printed record")
            << sequence << QByteArray("\x1E{\n  \"a\": \"}\\\"\n\"\n}\n\x1E[2]\n") << big << false
            << QStringList { u"{\n  \"a\": \"}\\\"\n\"\n} raw=19 seq=1"_s, u"[2] raw=5 seq=2"_s };
    QTest::addRow("json-seq truncated record ends at RS")
            << sequence << QByteArray("\x1E{\"a\":\x1E[2]\n") << big << false
            << QStringList { u"{\"a\": raw=6 seq=1"_s, u"[2] raw=5 seq=2"_s };
    QTest::addRow("json-seq scalar") << sequence
                                     << QByteArray("\x1E"
                                                   "42\n")
                                     << big << false << QStringList { u"42 raw=4 seq=1"_s };
}

void TestJsonLinesParser::records()
{
    QFETCH(int, framing);
    QFETCH(QByteArray, stream);
    QFETCH(qsizetype, maximum);
    QFETCH(bool, finish);
    QFETCH(QStringList, expected);

    QCOMPARE(feedEveryWay(Framing(framing), stream, maximum, finish), expected);
}

void TestJsonLinesParser::everyEventIsAMessageWithoutId()
{
    JsonLinesParser parser;
    LogSink sink;
    parser.feed("{\"id\":\"7\",\"event\":\"x\"}\n[]\n", sink);
    QCOMPARE(sink.types, (QStringList { u"message"_s, u"message"_s }));
    QVERIFY(!sink.hasId);
    QCOMPARE(parser.eventCount(), 2u);
}

void TestJsonLinesParser::finishDispatchesUnterminatedLine()
{
    JsonLinesParser parser;
    LogSink sink;
    parser.feed("{\"done\":true}", sink);
    QVERIFY(sink.log.isEmpty());
    QVERIFY(parser.finish(sink));
    QCOMPARE(sink.log, QStringList { u"{\"done\":true} raw=13 seq=1"_s });
    QVERIFY(!parser.finish(sink)); // nothing left
    // finish() also starts over: a new body may begin with a BOM again.
    parser.feed("\xEF\xBB\xBF[1]\n", sink);
    QCOMPARE(sink.log.last(), u"[1] raw=4 seq=2"_s);
}

void TestJsonLinesParser::resetDropsPartialRecord()
{
    JsonLinesParser parser;
    LogSink sink;
    parser.feed("{\"cut\":", sink);
    parser.reset();
    parser.feed("[1]\n", sink);
    QCOMPARE(sink.log, QStringList { u"[1] raw=4 seq=1"_s });
}

void TestJsonLinesParser::framingFor_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("framing"); // -1: not a JSON-lines type

    QTest::addRow("ndjson") << QByteArray("application/x-ndjson") << int(Framing::Lines);
    QTest::addRow("ndjson with charset, upper case")
            << QByteArray("Application/X-NDJSON; charset=utf-8") << int(Framing::Lines);
    QTest::addRow("jsonl") << QByteArray("application/jsonl") << int(Framing::Lines);
    QTest::addRow("json-seq") << QByteArray("application/json-seq")
                              << int(Framing::RecordSeparator);
    QTest::addRow("event stream") << QByteArray("text/event-stream") << -1;
    QTest::addRow("plain json") << QByteArray("application/json") << -1;
    QTest::addRow("html") << QByteArray("text/html") << -1;
    QTest::addRow("empty") << QByteArray() << -1;
}

void TestJsonLinesParser::framingFor()
{
    QFETCH(QByteArray, contentType);
    QFETCH(int, framing);
    const auto result = JsonLinesParser::framingFor(contentType);
    QCOMPARE(result ? int(*result) : -1, framing);
}

QTEST_GUILESS_MAIN(TestJsonLinesParser)
#include "tst_jsonlinesparser.moc"
