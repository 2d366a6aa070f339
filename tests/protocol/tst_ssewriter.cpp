// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <limits>

#include <QTest>

#include "sseparser.h"
#include "ssewriter.h"

using namespace Qt::StringLiterals;

namespace {

class RecordingSink : public SseParser::Sink
{
public:
    void event(SseEvent &&event) override { events << event; }
    void comment(QStringView text) override { comments << text.toString(); }
    void retry(qint64 milliseconds) override { retries << milliseconds; }
    QList<SseEvent> events;
    QStringList comments;
    QList<qint64> retries;
};

// Feeds the stream one byte at a time as well as whole: the writer's line ends must read back
// the same however a network splits them (a CR at a chunk end waits for a possible LF).
RecordingSink parseBytewise(const QByteArray &stream)
{
    SseParser parser;
    RecordingSink sink;
    for (qsizetype i = 0; i < stream.size(); ++i)
        parser.feed(QByteArrayView(stream).sliced(i, 1), sink);
    return sink;
}

} // namespace

class TestSseWriter : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void wireBytes_data();
    void wireBytes();
    void fieldsCutAtLineBreaks();
    void comments_data();
    void comments();
    void retry_data();
    void retry();
    void blocksConcatenate();
};

void TestSseWriter::roundTrip_data()
{
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("type"); // empty: none, read back as "message"
    QTest::addColumn<QString>("id"); // null: no id field
    QTest::addColumn<QString>("expectedData");

    QTest::newRow("plain") << u"hello"_s << QString() << QString() << u"hello"_s;
    QTest::newRow("empty-data") << QString() << QString() << QString() << QString();
    QTest::newRow("empty-data-with-id") << QString() << u"t"_s << u"1"_s << QString();
    QTest::newRow("leading-space") << u" x"_s << QString() << QString() << u" x"_s;
    QTest::newRow("leading-spaces") << u"   x  "_s << QString() << QString() << u"   x  "_s;
    QTest::newRow("only-space") << u" "_s << QString() << QString() << u" "_s;
    QTest::newRow("tab") << u"\tx"_s << QString() << QString() << u"\tx"_s;
    QTest::newRow("colons") << u"a:b: c::"_s << QString() << QString() << u"a:b: c::"_s;
    QTest::newRow("leading-colon")
            << u":not a comment"_s << QString() << QString() << u":not a comment"_s;
    QTest::newRow("looks-like-fields")
            << u"x\ndata: y\nid: 9\nevent: z\nretry: 1\n\nw"_s << QString() << QString()
            << u"x\ndata: y\nid: 9\nevent: z\nretry: 1\n\nw"_s;
    QTest::newRow("lf") << u"a\nb"_s << QString() << QString() << u"a\nb"_s;
    QTest::newRow("cr") << u"a\rb"_s << QString() << QString() << u"a\nb"_s;
    QTest::newRow("crlf") << u"a\r\nb"_s << QString() << QString() << u"a\nb"_s;
    QTest::newRow("lf-cr") << u"a\n\rb"_s << QString() << QString() << u"a\n\nb"_s;
    QTest::newRow("cr-cr-lf") << u"a\r\r\nb"_s << QString() << QString() << u"a\n\nb"_s;
    QTest::newRow("mixed") << u"1\r2\n3\r\n4"_s << QString() << QString() << u"1\n2\n3\n4"_s;
    QTest::newRow("only-lf") << u"\n"_s << QString() << QString() << u"\n"_s;
    QTest::newRow("only-crlf") << u"\r\n"_s << QString() << QString() << u"\n"_s;
    QTest::newRow("trailing-lf") << u"a\n"_s << QString() << QString() << u"a\n"_s;
    QTest::newRow("trailing-cr") << u"a\r"_s << QString() << QString() << u"a\n"_s;
    QTest::newRow("leading-lf") << u"\na"_s << QString() << QString() << u"\na"_s;
    QTest::newRow("empty-lines") << u"\n\n\n"_s << QString() << QString() << u"\n\n\n"_s;
    QTest::newRow("space-after-lf") << u"a\n b"_s << QString() << QString() << u"a\n b"_s;
    QTest::newRow("unicode") << u"温度 23 °C — ok 🙂"_s << QString() << QString()
                             << u"温度 23 °C — ok 🙂"_s;
    QTest::newRow("bom-in-data") << u"\uFEFFx"_s << QString() << QString() << u"\uFEFFx"_s;
    QTest::newRow("nul-in-data") << QStringView(u"a\0b", 3).toString() << QString() << QString()
                                 << QStringView(u"a\0b", 3).toString();
    QTest::newRow("json") << u"{\"n\":1,\"s\":\"a: b\"}"_s << QString() << QString()
                          << u"{\"n\":1,\"s\":\"a: b\"}"_s;
    QTest::newRow("long") << QString(100'000, u'x') << QString() << QString()
                          << QString(100'000, u'x');
    QTest::newRow("type") << u"x"_s << u"update"_s << QString() << u"x"_s;
    QTest::newRow("type-message") << u"x"_s << u"message"_s << QString() << u"x"_s;
    QTest::newRow("type-with-spaces") << u"x"_s << u" a b "_s << QString() << u"x"_s;
    QTest::newRow("type-unicode") << u"x"_s << u"事件"_s << QString() << u"x"_s;
    QTest::newRow("id") << u"x"_s << QString() << u"42"_s << u"x"_s;
    QTest::newRow("id-with-spaces") << u"x"_s << QString() << u"a b c"_s << u"x"_s;
    QTest::newRow("id-leading-space") << u"x"_s << QString() << u" 7"_s << u"x"_s;
    QTest::newRow("id-colon") << u"x"_s << QString() << u"urn:x:1"_s << u"x"_s;
    QTest::newRow("id-unicode") << u"x"_s << QString() << u"ид-1"_s << u"x"_s;
    QTest::newRow("id-empty") << u"x"_s << QString() << u""_s << u"x"_s; // resets the id
    QTest::newRow("everything") << u" a\r\nb:c\n"_s << u"t y"_s << u" i d "_s << u" a\nb:c\n"_s;
}

void TestSseWriter::roundTrip()
{
    QFETCH(QString, data);
    QFETCH(QString, type);
    QFETCH(QString, id);
    QFETCH(QString, expectedData);

    const std::optional<QStringView> idField =
            id.isNull() ? std::nullopt : std::optional<QStringView>(id);
    const QByteArray bytes = SseWriter::event(QStringView(data), QStringView(type), idField);
    // The byte form writes the same bytes as the text form.
    QCOMPARE(SseWriter::event(QByteArrayView(data.toUtf8()), QByteArrayView(type.toUtf8()),
                              id.isNull() ? std::nullopt
                                          : std::optional<QByteArrayView>(id.toUtf8())),
             bytes);

    SseParser parser;
    parser.setLastEventId(u"before"_s);
    const QList<SseEvent> events = parser.feed(bytes);
    QCOMPARE(events.size(), 1);
    const SseEvent &event = events.constFirst();
    QCOMPARE(event.data, expectedData);
    QCOMPARE(event.type, type.isEmpty() ? u"message"_s : type);
    QCOMPARE(event.hasId, !id.isNull());
    QCOMPARE(event.lastEventId, id.isNull() ? u"before"_s : id);
    QVERIFY(!parser.finish()); // nothing left over: the block was complete

    const RecordingSink bytewise = parseBytewise(bytes);
    QCOMPARE(bytewise.events.size(), 1);
    QCOMPARE(bytewise.events.constFirst().data, expectedData);
    QVERIFY(bytewise.comments.isEmpty());

    // A received event written again reads back as itself (the GUI's Raw tab).
    const QByteArray again = SseWriter::event(event);
    SseParser second;
    second.setLastEventId(u"before"_s);
    const QList<SseEvent> reread = second.feed(again);
    QCOMPARE(reread.size(), 1);
    QCOMPARE(reread.constFirst().data, event.data);
    QCOMPARE(reread.constFirst().type, event.type);
    QCOMPARE(reread.constFirst().hasId, event.hasId);
    QCOMPARE(reread.constFirst().lastEventId, event.lastEventId);
    if (expectedData == data && type != u"message"_s)
        QCOMPARE(again, bytes);
}

void TestSseWriter::wireBytes_data()
{
    QTest::addColumn<QByteArray>("written");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("data") << SseWriter::event("a") << QByteArray("data: a\n\n");
    QTest::newRow("empty-data") << SseWriter::event("") << QByteArray("data:\n\n");
    QTest::newRow("all-fields") << SseWriter::event("a\nb", "tick", QByteArrayView("7"), 1500)
                                << QByteArray(
                                           "event: tick\nid: 7\ndata: a\ndata: b\nretry: 1500\n\n");
    QTest::newRow("empty-id") << SseWriter::event("a", {}, QByteArrayView(""))
                              << QByteArray("id:\ndata: a\n\n");
    QTest::newRow("empty-lines") << SseWriter::event("\r\n\r")
                                 << QByteArray("data:\ndata:\ndata:\n\n");
    QTest::newRow("utf8") << SseWriter::event(u"é"_s) << QByteArray("data: \xC3\xA9\n\n");
    QTest::newRow("comment") << SseWriter::comment("heartbeat") << QByteArray(": heartbeat\n\n");
    QTest::newRow("empty-comment") << SseWriter::comment("") << QByteArray(":\n\n");
    QTest::newRow("retry") << SseWriter::retry(1234) << QByteArray("retry: 1234\n\n");
    SseEvent received;
    received.type = u"message"_s;
    received.data = u"x"_s;
    received.lastEventId = u"5"_s; // in force, but not carried by this block
    QTest::newRow("received-no-id") << SseWriter::event(received) << QByteArray("data: x\n\n");
    received.hasId = true;
    received.type = u"up"_s;
    QTest::newRow("received") << SseWriter::event(received)
                              << QByteArray("event: up\nid: 5\ndata: x\n\n");
}

void TestSseWriter::wireBytes()
{
    QFETCH(QByteArray, written);
    QFETCH(QByteArray, expected);
    QCOMPARE(written, expected);
}

void TestSseWriter::fieldsCutAtLineBreaks()
{
    // A line break in a one-line field would start a new field: the writer cuts instead of
    // letting the value inject lines into the stream.
    const QByteArray bytes =
            SseWriter::event("x", "tick\ndata: injected", QByteArrayView("1\r\nid: 2"));
    QCOMPARE(bytes, QByteArray("event: tick\nid: 1\ndata: x\n\n"));
    SseParser parser;
    const QList<SseEvent> events = parser.feed(bytes);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.constFirst().type, u"tick"_s);
    QCOMPARE(events.constFirst().lastEventId, u"1"_s);
    QCOMPARE(events.constFirst().data, u"x"_s);
}

void TestSseWriter::comments_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("one") << u"heartbeat"_s << QStringList { u" heartbeat"_s };
    QTest::newRow("empty") << QString() << QStringList { QString() };
    QTest::newRow("multi-line") << u"a\nb\r\nc\rd"_s
                                << QStringList { u" a"_s, u" b"_s, u" c"_s, u" d"_s };
    QTest::newRow("empty-line-inside")
            << u"a\n\nb"_s << QStringList { u" a"_s, QString(), u" b"_s };
    QTest::newRow("unicode") << u"心跳 ♥"_s << QStringList { u" 心跳 ♥"_s };
    QTest::newRow("looks-like-data") << u"x\ndata: y"_s << QStringList { u" x"_s, u" data: y"_s };
}

void TestSseWriter::comments()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const QByteArray bytes = SseWriter::comment(QStringView(text));
    QCOMPARE(SseWriter::comment(QByteArrayView(text.toUtf8())), bytes);
    const RecordingSink sink = parseBytewise(bytes);
    QVERIFY(sink.events.isEmpty()); // a comment block never dispatches anything
    QCOMPARE(sink.comments, expected);
}

void TestSseWriter::retry_data()
{
    QTest::addColumn<qint64>("milliseconds");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("zero") << qint64(0) << qint64(0);
    QTest::newRow("typical") << qint64(3000) << qint64(3000);
    QTest::newRow("int-max") << qint64(2147483647) << qint64(2147483647);
    QTest::newRow("qint64-max") << std::numeric_limits<qint64>::max()
                                << std::numeric_limits<qint64>::max();
    QTest::newRow("negative") << qint64(-5) << qint64(0); // `retry:` takes digits only
}

void TestSseWriter::retry()
{
    QFETCH(qint64, milliseconds);
    QFETCH(qint64, expected);
    for (const QByteArray &bytes : { SseWriter::retry(milliseconds),
                                     SseWriter::event("x", {}, std::nullopt, milliseconds) }) {
        const RecordingSink sink = parseBytewise(bytes);
        QCOMPARE(sink.retries, QList<qint64> { expected });
    }
}

void TestSseWriter::blocksConcatenate()
{
    // Blocks of any kind, in any order, are one valid stream.
    QByteArray stream = SseWriter::retry(100);
    stream += SseWriter::comment("hello\nthere");
    stream += SseWriter::event("a", "t", QByteArrayView("1"));
    stream += SseWriter::event("");
    stream += SseWriter::comment("");
    stream += SseWriter::event("b\r", {}, QByteArrayView("2"));
    const RecordingSink sink = parseBytewise(stream);
    QCOMPARE(sink.retries, QList<qint64> { 100 });
    QCOMPARE(sink.comments, (QStringList { u" hello"_s, u" there"_s, QString() }));
    QCOMPARE(sink.events.size(), 3);
    QCOMPARE(sink.events.at(0).data, u"a"_s);
    QCOMPARE(sink.events.at(0).type, u"t"_s);
    QCOMPARE(sink.events.at(1).data, QString());
    QCOMPARE(sink.events.at(1).lastEventId, u"1"_s);
    QCOMPARE(sink.events.at(2).data, u"b\n"_s);
    QCOMPARE(sink.events.at(2).lastEventId, u"2"_s);
}

QTEST_GUILESS_MAIN(TestSseWriter)
#include "tst_ssewriter.moc"
