// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <QTest>

#include "llmfixtures.h"
#include "recordjson.h"
#include "streamanalyzer.h"

using namespace Qt::StringLiterals;

namespace {

const QDateTime T0 = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);

// One connection's story as the reader tells it, with times the test chooses.
class Story
{
public:
    explicit Story(int connection = 1, const QString &url = u"http://127.0.0.1:1/llm"_s)
        : m_connection(connection)
    {
        StreamRecord connecting;
        connecting.kind = StreamRecord::Kind::Connecting;
        connecting.url = url;
        add(connecting, 0);
    }

    void open(qint64 ms, qint64 headersMs = -1)
    {
        StreamRecord open;
        open.kind = StreamRecord::Kind::Open;
        open.status = 200;
        open.headersMs = headersMs;
        add(open, ms);
    }
    void event(qint64 ms, const SseEvent &event)
    {
        StreamRecord record = StreamRecord::fromEvent(event);
        record.connection = m_connection;
        add(record, ms);
    }
    void error(qint64 ms, SseError::Kind kind, const QString &message = {})
    {
        StreamRecord error;
        error.kind = StreamRecord::Kind::Error;
        error.error.kind = kind;
        error.error.message = message;
        add(error, ms);
    }
    void closed(qint64 ms, const QString &reason, const QString &marker = {})
    {
        StreamRecord closed = StreamRecord::closed(m_connection, reason);
        closed.endMarker = marker;
        add(closed, ms);
    }
    void add(StreamRecord record, qint64 ms)
    {
        record.connection = m_connection;
        record.time = T0.addMSecs(ms);
        records.append(record);
    }

    QList<StreamRecord> records;

private:
    int m_connection;
};

StreamSummary analyse(const QList<StreamRecord> &records,
                      StreamProfile::Kind setting = StreamProfile::Kind::Auto)
{
    StreamAnalyzer analyzer(setting);
    for (const StreamRecord &record : records)
        analyzer.addRecord(record);
    return analyzer.summary();
}

QStringList warningIds(const StreamSummary &summary)
{
    QStringList ids;
    for (const StreamSummary::Warning &warning : summary.warnings)
        ids << warning.id;
    return ids;
}

} // namespace

class TestStreamAnalyzer : public QObject
{
    Q_OBJECT

private slots:
    void outcomes_data();
    void outcomes();
    void timingFromTheRequest();
    void plainStream();
    void lastConnectionThatOpened();
    void readsARecordingBack();
};

void TestStreamAnalyzer::outcomes_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("ending"); // how the connection ended
    QTest::addColumn<qint64>("firstMs"); // when the first event arrived
    QTest::addColumn<qint64>("stepMs"); // between events
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QStringList>("warnings");

    QTest::addRow("complete") << u"openai-chat"_s << u"completed"_s << qint64(400) << qint64(30)
                              << u"complete"_s << QStringList();
    QTest::addRow("cut before [DONE]")
            << u"openai-chat"_s << u"ended"_s << qint64(400) << qint64(30) << u"truncated"_s
            << QStringList { u"missing-end-marker"_s };
    QTest::addRow("dropped mid-answer")
            << u"anthropic"_s << u"cut"_s << qint64(400) << qint64(30) << u"truncated"_s
            << QStringList { u"missing-end-marker"_s };
    QTest::addRow("error after 200")
            << u"anthropic-error"_s << u"stream-error"_s << qint64(400) << qint64(30) << u"error"_s
            << QStringList { u"error-event"_s };
    QTest::addRow("no usage asked")
            << u"deepseek-reasoning"_s << u"completed"_s << qint64(400) << qint64(30)
            << u"complete"_s << QStringList { u"missing-usage"_s };
    QTest::addRow("token limit") << u"ollama-generate"_s << u"completed"_s << qint64(200)
                                 << qint64(20) << u"complete"_s << QStringList { u"token-limit"_s };
    QTest::addRow("buffered by a gateway")
            << u"openai-chat"_s << u"completed"_s << qint64(2500) << qint64(0) << u"complete"_s
            << QStringList { u"buffered-answer"_s };
    QTest::addRow("a long wait, then streamed")
            << u"openai-chat"_s << u"completed"_s << qint64(2500) << qint64(40) << u"complete"_s
            << QStringList();
    QTest::addRow("stopped by a limit") << u"gemini"_s << u"max-events"_s << qint64(300)
                                        << qint64(30) << u"stopped"_s << QStringList();
}

void TestStreamAnalyzer::outcomes()
{
    QFETCH(QString, fixture);
    QFETCH(QString, ending);
    QFETCH(qint64, firstMs);
    QFETCH(qint64, stepMs);
    QFETCH(QString, outcome);
    QFETCH(QStringList, warnings);

    Story story;
    story.open(5, 4);
    QList<SseEvent> events = LlmFixtures::events(fixture);
    // The reader stops at the end marker: a stream cut before it never delivered it.
    if (ending != u"completed"_s)
        events.removeLast();
    qint64 now = firstMs;
    for (const SseEvent &event : std::as_const(events)) {
        story.event(now, event);
        now += stepMs;
    }
    const QString marker = LlmFixtures::expected(fixture).value("endMarker"_L1).toString();
    if (ending == u"stream-error"_s) {
        story.error(now, SseError::Kind::StreamError, u"overloaded_error: Overloaded"_s);
        story.closed(now, u"failed"_s);
    } else if (ending == u"cut"_s) {
        story.error(now, SseError::Kind::RemoteClosed, u"the stream was cut"_s);
        story.closed(now, u"failed"_s);
    } else {
        story.closed(now, ending, ending == u"completed"_s ? marker : QString());
    }

    const StreamSummary summary = analyse(story.records);
    QCOMPARE(summary.outcome, outcome);
    QCOMPARE(warningIds(summary), warnings);
    for (const StreamSummary::Warning &warning : summary.warnings)
        QVERIFY(warning.message.endsWith(u'.') || warning.message.contains(u"Overloaded"_s));
    if (ending == u"completed"_s) {
        QCOMPARE(summary.endMarker, marker);
        QCOMPARE(summary.text, LlmFixtures::expected(fixture).value("text"_L1).toString());
    } else {
        QVERIFY(summary.endMarker.isEmpty());
    }
    QCOMPARE(summary.profile, LlmFixtures::expected(fixture).value("profile"_L1).toString());
}

void TestStreamAnalyzer::timingFromTheRequest()
{
    Story story;
    story.open(12, 11);
    story.add(
            [] {
                StreamRecord comment;
                comment.kind = StreamRecord::Kind::Comment;
                comment.text = u" keep-alive"_s;
                return comment;
            }(),
            200);
    qint64 now = 450;
    for (const SseEvent &event : LlmFixtures::events(u"anthropic"_s)) {
        story.event(now, event);
        now += 25;
    }
    story.closed(now, u"completed"_s, u"message_stop"_s);
    const StreamSummary summary = analyse(story.records);
    QCOMPARE(summary.timing.headersMs, 11);
    QCOMPARE(summary.timing.firstByteMs, 200);
    // message_start, the thinking block's start and the ping carry no words.
    QCOMPARE(summary.timing.firstTokenMs, 450 + 3 * 25);
    QCOMPARE(summary.timing.totalMs, now);
    QCOMPARE(summary.timing.chunks, LlmFixtures::events(u"anthropic"_s).size());
    QCOMPARE(summary.timing.gapMedianMs, 25);
    QCOMPARE(summary.usage.outputTokens, 89);
    QCOMPARE(summary.toolCalls.size(), 1);
}

void TestStreamAnalyzer::plainStream()
{
    Story story(1, u"http://127.0.0.1:1/stream"_s);
    story.open(3);
    for (int i = 0; i < 3; ++i) {
        SseEvent event;
        event.type = u"message"_s;
        event.data = u"2026-01-01T10:00:0%1.000Z"_s.arg(i);
        story.event(1000 + i * 1000, event);
    }
    story.closed(3500, u"ended"_s);
    const StreamSummary summary = analyse(story.records);
    QCOMPARE(summary.profile, u"none"_s);
    QCOMPARE(summary.outcome, u"ended"_s);
    QVERIFY(summary.warnings.isEmpty());
    QVERIFY(summary.text.isEmpty());
    QCOMPARE(summary.timing.firstTokenMs, 1000); // a plain stream's first data
    QCOMPARE(summary.timing.gapMedianMs, 1000);
    QCOMPARE(summary.timing.chunksPerSecond, 1.0);
}

void TestStreamAnalyzer::lastConnectionThatOpened()
{
    Story first(1);
    first.open(5);
    SseEvent early;
    early.data =
            uR"({"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"lost"}}]})"_s;
    first.event(100, early);
    first.error(200, SseError::Kind::RemoteClosed, u"the stream was cut"_s);
    Story refused(2);
    refused.error(300, SseError::Kind::ConnectionRefused);
    Story second(3);
    second.open(400);
    for (SseEvent event : LlmFixtures::events(u"openai-chat"_s)) {
        event.connection = 3;
        second.event(500, event);
    }
    second.closed(600, u"completed"_s, u"[DONE]"_s);

    StreamAnalyzer analyzer;
    for (const QList<StreamRecord> &records : { first.records, refused.records, second.records })
        for (const StreamRecord &record : records)
            analyzer.addRecord(record);
    QCOMPARE(analyzer.connection(), 3);
    const StreamSummary summary = analyzer.summary();
    QCOMPARE(summary.text, LlmFixtures::expected(u"openai-chat"_s).value("text"_L1).toString());
    QCOMPARE(summary.outcome, u"complete"_s);
    QCOMPARE(analyzer.summaryRecord().connection, 3);
    QCOMPARE(analyzer.summaryRecord().kind, StreamRecord::Kind::Summary);
}

void TestStreamAnalyzer::readsARecordingBack()
{
    // Records in, a summary out: the NDJSON lines of a run give what the run itself gave.
    Story story;
    story.open(5, 5);
    qint64 now = 300;
    for (const SseEvent &event : LlmFixtures::events(u"gemini"_s)) {
        story.event(now, event);
        now += 35;
    }
    story.closed(now, u"completed"_s, u"finishReason STOP"_s);
    QByteArray lines;
    for (const StreamRecord &record : std::as_const(story.records))
        RecordJson::appendRecord(lines, record);
    QList<StreamRecord> readBack;
    for (const QByteArray &line : lines.split('\n')) {
        if (const auto record = RecordJson::fromJsonLine(line))
            readBack.append(*record);
    }
    QCOMPARE(readBack.size(), story.records.size());
    const StreamSummary live = analyse(story.records);
    const StreamSummary recorded = analyse(readBack);
    QVERIFY(live == recorded);
    QCOMPARE(recorded.text, LlmFixtures::expected(u"gemini"_s).value("text"_L1).toString());
    QCOMPARE(recorded.timing.firstTokenMs, 300);
    // The summary itself survives its own line.
    const StreamRecord summaryRecord = StreamRecord::fromSummary(1, live);
    const auto back = RecordJson::fromJsonLine(RecordJson::toJsonLine(summaryRecord));
    QVERIFY(back);
    QVERIFY(*back->summary == live);
}

QTEST_GUILESS_MAIN(TestStreamAnalyzer)
#include "tst_streamanalyzer.moc"
