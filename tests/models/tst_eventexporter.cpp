// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "eventexporter.h"
#include "messagemodel.h"

using namespace Qt::StringLiterals;

namespace {
const QDateTime BaseTime = QDateTime::fromMSecsSinceEpoch(1'790'000'000'123, Qt::UTC);

SseEvent makeEvent(int n, const QString &data, const QString &type = u"message"_s)
{
    SseEvent event;
    event.type = type;
    event.data = data;
    event.lastEventId = QString::number(n);
    event.hasId = true;
    event.rawSize = 10 + n;
    event.connection = 1;
    event.receivedAt = BaseTime.addMSecs(n);
    return event;
}

StreamRecord connectingRecord()
{
    StreamRecord record;
    record.kind = StreamRecord::Kind::Connecting;
    record.connection = 1;
    record.method = u"GET"_s;
    record.url = u"http://x/stream"_s;
    record.headers = { { "Host", "x" }, { "Accept", "text/event-stream" } };
    record.time = BaseTime;
    return record;
}

StreamRecord openRecord()
{
    StreamRecord record;
    record.kind = StreamRecord::Kind::Open;
    record.connection = 1;
    record.status = 200;
    record.statusText = u"OK"_s;
    record.httpVersion = u"1.1"_s;
    record.url = u"http://x/stream"_s;
    record.headers = { { "Content-Type", "text/event-stream" } };
    record.time = BaseTime;
    return record;
}

StreamRecord errorRecord()
{
    StreamRecord record;
    record.kind = StreamRecord::Kind::Error;
    record.connection = 1;
    record.error.kind = SseError::Kind::ConnectionReset;
    record.error.message = u"Connection reset"_s;
    record.time = BaseTime.addSecs(1);
    return record;
}

// Events 1..3, with a lifecycle story around them and an id-less event.
void fill(MessageModel &model)
{
    model.appendRecord(connectingRecord());
    model.appendRecord(openRecord());
    model.append(makeEvent(1, u"first"_s));
    model.append(makeEvent(2, u"line 1\nline 2"_s, u"update"_s));
    SseEvent noId = makeEvent(3, u"\u4e2d\u6587 \"quoted\", comma"_s);
    noId.hasId = false;
    noId.lastEventId = u"2"_s;
    model.append(noId);
    model.appendRecord(errorRecord());
    model.flushPending();
}

// A minimal RFC 4180 reader, enough to check what the writer produced.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row << field;
            field.clear();
            rows << row;
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}
} // namespace

class TestEventExporter : public QObject
{
    Q_OBJECT

private slots:
    void csvField_data();
    void csvField();
    void ndjson();
    void ndjsonRoundTrip();
    void csv();
    void csvCarriesEveryRecordField();
    void json();
    void withoutLifecycle();
    void writeToFile_data();
    void writeToFile();
    void writeFailsCleanly();
    void readRecordingSkipsGarbage();
    void readRecordingErrors();
};

void TestEventExporter::csvField_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addRow("plain") << u"abc"_s << u"abc"_s;
    QTest::addRow("empty") << QString() << QString();
    QTest::addRow("comma") << u"a,b"_s << u"\"a,b\""_s;
    QTest::addRow("quote") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
    QTest::addRow("newline") << u"a\nb"_s << u"\"a\nb\""_s;
    QTest::addRow("formula") << u"=1+1"_s << u"'=1+1"_s;
    QTest::addRow("plus") << u"+x"_s << u"'+x"_s;
    QTest::addRow("minus") << u"-x"_s << u"'-x"_s;
    QTest::addRow("at") << u"@x"_s << u"'@x"_s;
    QTest::addRow("tab") << u"\tx"_s << u"'\tx"_s;
    QTest::addRow("cr") << u"\rx"_s << u"\"'\rx\""_s;
    QTest::addRow("formula with comma") << u"=SUM(A1,A2)"_s << u"\"'=SUM(A1,A2)\""_s;
    QTest::addRow("formula with quote") << u"=\"x\""_s << u"\"'=\"\"x\"\"\""_s;
    QTest::addRow("inner equals") << u"a=b"_s << u"a=b"_s;
    QTest::addRow("chinese") << u"\u4e2d\u6587"_s << u"\u4e2d\u6587"_s;
}

void TestEventExporter::csvField()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(EventExporter::csvField(input), expected);
}

void TestEventExporter::ndjson()
{
    MessageModel model;
    fill(model);
    EventExporter exporter(&model);
    const QByteArray bytes = exporter.toBytes(EventExporter::Format::Ndjson);
    QVERIFY(bytes.endsWith('\n'));
    const QList<QByteArray> lines = bytes.chopped(1).split('\n');
    QCOMPARE(lines.size(), 7); // the Session record and six rows
    QCOMPARE(exporter.writtenRows(), 6);

    QStringList kinds;
    for (const QByteArray &line : lines) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(document.isObject());
        kinds << document.object().value(u"kind"_s).toString();
    }
    QCOMPARE(kinds,
             (QStringList { u"session"_s, u"connecting"_s, u"open"_s, u"event"_s, u"event"_s,
                            u"event"_s, u"error"_s }));

    // Life-cycle rows are written as their records: the structured fields, no display text.
    QCOMPARE(lines.at(1), RecordJson::toJsonLine(connectingRecord()).chopped(1));
    QCOMPARE(lines.at(2), RecordJson::toJsonLine(openRecord()).chopped(1));
    QCOMPARE(lines.at(6), RecordJson::toJsonLine(errorRecord()).chopped(1));
    const QJsonObject error = QJsonDocument::fromJson(lines.at(6)).object();
    QCOMPARE(error.value(u"errorKind"_s).toString(), u"connectionReset"_s);
    QVERIFY(!error.contains(u"text"_s));

    const QJsonObject second = QJsonDocument::fromJson(lines.at(4)).object();
    QCOMPARE(second.value(u"type"_s).toString(), u"update"_s);
    QCOMPARE(second.value(u"data"_s).toString(), u"line 1\nline 2"_s);
    QCOMPARE(second.value(u"id"_s).toString(), u"2"_s);
    QCOMPARE(second.value(u"size"_s).toInt(), 12);
    const QJsonObject third = QJsonDocument::fromJson(lines.at(5)).object();
    QVERIFY(third.value(u"id"_s).isNull());
    QCOMPARE(third.value(u"lastEventId"_s).toString(), u"2"_s);
}

void TestEventExporter::ndjsonRoundTrip()
{
    MessageModel model;
    fill(model);
    const QByteArray bytes = EventExporter(&model).toBytes(EventExporter::Format::Ndjson);
    const EventExporter::Recording recording = EventExporter::parseRecording(bytes);
    QCOMPARE(recording.skippedLines, 0);
    QVERIFY(recording.session);
    QCOMPARE(recording.session->formatVersion, StreamRecord::FormatVersion);
    QCOMPARE(recording.records.size(), 6);
    // Every row comes back as the record it was: reloading a recording loses nothing.
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY2(recording.records.at(row) == model.recordAt(row),
                 qPrintable(QString::number(row)));
}

void TestEventExporter::csv()
{
    MessageModel model;
    fill(model);
    const QByteArray bytes = EventExporter(&model).toBytes(EventExporter::Format::Csv);
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(bytes.sliced(3)));
    QCOMPARE(rows.size(), 7);
    const QStringList columns = EventExporter::csvColumns();
    QCOMPARE(rows.at(0), columns);
    for (const QStringList &row : rows)
        QCOMPARE(row.size(), columns.size());
    const auto cell = [&](int row, const QString &column) {
        return rows.at(row).at(columns.indexOf(column));
    };
    QCOMPARE(cell(1, u"kind"_s), u"connecting"_s);
    QCOMPARE(cell(1, u"url"_s), u"http://x/stream"_s);
    QCOMPARE(cell(1, u"headers"_s), u"[[\"Host\",\"x\"],[\"Accept\",\"text/event-stream\"]]"_s);
    QCOMPARE(cell(2, u"status"_s), u"200"_s);
    QCOMPARE(cell(2, u"contentType"_s), u"text/event-stream"_s);
    QCOMPARE(cell(3, u"number"_s), u"3"_s);
    QCOMPARE(cell(3, u"time"_s), u"2026-09-21T14:13:20.124Z"_s);
    QCOMPARE(cell(3, u"data"_s), u"first"_s);
    QCOMPARE(cell(3, u"id"_s), u"1"_s);
    QCOMPARE(cell(3, u"size"_s), u"11"_s);
    QCOMPARE(cell(4, u"data"_s), u"line 1\nline 2"_s);
    QCOMPARE(cell(5, u"id"_s), QString()); // no own id
    QCOMPARE(cell(5, u"lastEventId"_s), u"2"_s);
    QCOMPARE(cell(5, u"data"_s), u"\u4e2d\u6587 \"quoted\", comma"_s);
    QCOMPARE(cell(6, u"kind"_s), u"error"_s);
    QCOMPARE(cell(6, u"errorKind"_s), u"connectionReset"_s);
    QCOMPARE(cell(6, u"fatal"_s), u"false"_s);
    QCOMPARE(cell(6, u"size"_s), QString());

    // CSV carries every field the NDJSON line has, for every row.
    const QList<QByteArray> lines =
            EventExporter(&model).toBytes(EventExporter::Format::Ndjson).chopped(1).split('\n');
    for (int row = 1; row < rows.size(); ++row) {
        const QJsonObject object = QJsonDocument::fromJson(lines.at(row)).object();
        for (auto it = object.begin(); it != object.end(); ++it)
            QVERIFY2(columns.contains(it.key()), qPrintable(it.key()));
    }
}

void TestEventExporter::csvCarriesEveryRecordField()
{
    // Records with every optional field: Open's headersMs, a Summary, Closed's endMarker.
    MessageModel model;
    StreamRecord open = openRecord();
    open.headersMs = 12;
    model.appendRecord(open);
    StreamSummary summary;
    summary.profile = u"openai-chat"_s;
    summary.outcome = u"complete"_s;
    summary.endMarker = u"[DONE]"_s;
    summary.finishReason = u"stop"_s;
    summary.text = u"Hi, there"_s;
    summary.reasoning = u"r"_s;
    summary.toolCalls = { { u"c1"_s, u"f"_s, u"{}"_s } };
    summary.usage.inputTokens = 3;
    summary.timing.firstTokenMs = 40;
    summary.warnings = { { u"missing-usage"_s, u"none, sadly"_s } };
    model.appendRecord(StreamRecord::fromSummary(1, summary));
    StreamRecord closed = StreamRecord::closed(1, u"completed"_s);
    closed.endMarker = u"[DONE]"_s;
    model.appendRecord(closed);
    model.flushPending();

    const QByteArray bytes = EventExporter(&model).toBytes(EventExporter::Format::Csv);
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(bytes.sliced(3)));
    QCOMPARE(rows.size(), 4);
    const QStringList columns = EventExporter::csvColumns();
    for (int row = 0; row < model.rowCount(); ++row) {
        for (const auto &[key, value] : RecordJson::fields(model.recordAt(row))) {
            const qsizetype column = columns.indexOf(key);
            QVERIFY2(column >= 0, qPrintable(key));
            QCOMPARE(rows.at(row + 1).at(column), value);
        }
    }
}

void TestEventExporter::json()
{
    MessageModel model;
    fill(model);
    const QByteArray bytes = EventExporter(&model).toBytes(EventExporter::Format::Json);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(document.isArray());
    const QJsonArray array = document.array();
    QCOMPARE(array.size(), 7);
    QCOMPARE(array.at(0).toObject().value(u"kind"_s).toString(), u"session"_s);
    QCOMPARE(array.at(3).toObject().value(u"data"_s).toString(), u"first"_s);
    QCOMPARE(array.at(6).toObject().value(u"kind"_s).toString(), u"error"_s);
    // The same objects as the NDJSON lines.
    const QList<QByteArray> lines =
            EventExporter(&model).toBytes(EventExporter::Format::Ndjson).chopped(1).split('\n');
    for (int i = 1; i < array.size(); ++i)
        QCOMPARE(array.at(i).toObject(), QJsonDocument::fromJson(lines.at(i)).object());

    MessageModel empty;
    const QJsonDocument none =
            QJsonDocument::fromJson(EventExporter(&empty).toBytes(EventExporter::Format::Json));
    QVERIFY(none.isArray());
    QCOMPARE(none.array().size(), 1); // the Session record only
}

void TestEventExporter::withoutLifecycle()
{
    MessageModel model;
    fill(model);
    EventExporter exporter(&model);
    exporter.setIncludeLifecycle(false);
    const QByteArray bytes = exporter.toBytes(EventExporter::Format::Ndjson);
    QCOMPARE(bytes.count('\n'), 4); // the Session record and the three events
    QCOMPARE(exporter.writtenRows(), 3);
    QVERIFY(!bytes.contains("\"kind\":\"error\""));
}

void TestEventExporter::writeToFile_data()
{
    QTest::addColumn<EventExporter::Format>("format");
    QTest::addRow("ndjson") << EventExporter::Format::Ndjson;
    QTest::addRow("csv") << EventExporter::Format::Csv;
    QTest::addRow("json") << EventExporter::Format::Json;
}

void TestEventExporter::writeToFile()
{
    QFETCH(EventExporter::Format, format);
    MessageModel model;
    fill(model);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"out."_s + EventExporter::fileSuffix(format));
    // An existing file is replaced as a whole (QSaveFile), never appended to.
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write(QByteArray(100'000, 'x'));
    }
    EventExporter exporter(&model);
    QVERIFY2(exporter.write(path, format), qPrintable(exporter.errorString()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    // The same bytes as in memory, but for the Session record's time (when it was written).
    const auto withoutSession = [](QByteArray bytes) {
        const qsizetype start = bytes.indexOf("{\"kind\":\"session\"");
        if (start >= 0)
            bytes.remove(start, bytes.indexOf('\n', start) + 1 - start);
        return bytes;
    };
    QCOMPARE(withoutSession(file.readAll()), withoutSession(exporter.toBytes(format)));
    // QSaveFile leaves no temporary file behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList { path.section(u'/', -1) });
}

void TestEventExporter::writeFailsCleanly()
{
    MessageModel model;
    fill(model);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EventExporter exporter(&model);
    QVERIFY(!exporter.write(dir.filePath(u"missing/dir/out.ndjson"_s),
                            EventExporter::Format::Ndjson));
    QVERIFY(!exporter.errorString().isEmpty());
    QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
}

void TestEventExporter::readRecordingSkipsGarbage()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"rec.ndjson"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"kind\":\"event\",\"connection\":2,\"type\":\"tick\",\"data\":\"a\","
               "\"lastEventId\":\"9\",\"id\":\"9\",\"time\":\"2026-01-01T00:00:00.000Z\"}\r\n"
               "\n"
               "not json\n"
               "{\"kind\":\"bogus\"}\n"
               "{\"kind\":\"closed\",\"reason\":\"done\"}");
    file.close();
    QString error;
    const std::optional<EventExporter::Recording> recording =
            EventExporter::readRecording(path, &error);
    QVERIFY2(recording, qPrintable(error));
    QCOMPARE(recording->records.size(), 2);
    QCOMPARE(recording->skippedLines, 2);
    const SseEvent event = recording->records.at(0).toEvent();
    QCOMPARE(event.type, u"tick"_s);
    QCOMPARE(event.lastEventId, u"9"_s);
    QVERIFY(event.hasId);
    QCOMPARE(event.connection, 2);
    QCOMPARE(recording->records.at(1).reason, u"done"_s);
}

void TestEventExporter::readRecordingErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    QVERIFY(!EventExporter::readRecording(dir.filePath(u"absent.ndjson"_s), &error));
    QVERIFY(!error.isEmpty());

    const QString path = dir.filePath(u"text.ndjson"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("hello\nworld\n");
    file.close();
    error.clear();
    QVERIFY(!EventExporter::readRecording(path, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestEventExporter)
#include "tst_eventexporter.moc"
