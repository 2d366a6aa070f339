// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

#include "recordjson.h"

using namespace Qt::StringLiterals;

namespace {

QString allControlCharacters()
{
    QString text;
    for (char16_t c = 0; c < 0x20; ++c)
        text.append(QChar(c));
    text.append(QChar(0x7f));
    return text;
}

// Decodes what appendString produced through Qt's own JSON parser, so the escaper is checked
// against an independent reader rather than against itself.
std::optional<QString> parseJsonString(const QByteArray &quoted)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson('[' + quoted + ']', &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return std::nullopt;
    const QJsonValue value = document.array().at(0);
    if (!value.isString())
        return std::nullopt;
    return value.toString();
}

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int ms)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), Qt::UTC);
}

SseEvent makeEvent(const QString &type, const QString &data, const QString &lastEventId, bool hasId)
{
    SseEvent event;
    event.type = type;
    event.data = data;
    event.lastEventId = lastEventId;
    event.hasId = hasId;
    event.connection = 3;
    event.rawSize = 17;
    event.receivedAt = utc(2026, 11, 24, 7, 41, 0, 123);
    return event;
}

} // namespace

class TestRecordJson : public QObject
{
    Q_OBJECT

private slots:
    void escapeRoundTrip_data();
    void escapeRoundTrip();
    void escapeExactBytes_data();
    void escapeExactBytes();
    void loneSurrogateBecomesReplacement_data();
    void loneSurrogateBecomesReplacement();
    void timestamp_data();
    void timestamp();
    void eventLineFormat_data();
    void eventLineFormat();
    void eventRoundTrip_data();
    void eventRoundTrip();
    void recordFormat_data();
    void recordFormat();
    void recordRoundTrip_data();
    void recordRoundTrip();
    void reusedBufferHoldsOneRecordPerLine();
    void headerBytesSurvive();
    void readsVersionOne();
    void fieldsMatchTheLine_data();
    void fieldsMatchTheLine();
    void rejectsInvalidLines_data();
    void rejectsInvalidLines();
    void acceptsLineEnds();
};

void TestRecordJson::escapeRoundTrip_data()
{
    QTest::addColumn<QString>("text");

    QString longText;
    // An emoji straddling every chunk boundary the escaper might use.
    for (int i = 0; i < 3000; ++i)
        longText += u"ab\U0001F600\"\n"_s;

    QTest::addRow("empty") << QString();
    QTest::addRow("ascii") << u"hello world"_s;
    QTest::addRow("quotes") << u"say \"hi\""_s;
    QTest::addRow("backslashes") << u"C:\\path\\ and \\\\ and \\u0041"_s;
    QTest::addRow("control characters") << allControlCharacters();
    QTest::addRow("newlines") << u"line 1\nline 2\r\nline 3\r"_s;
    QTest::addRow("nul") << QString(QChar(0)) + u"after nul"_s;
    QTest::addRow("replacement character") << u"bad \uFFFD byte"_s;
    QTest::addRow("latin-1 and two-byte") << u"caf\u00e9 \u00fc \u03a9 \u0416"_s;
    QTest::addRow("cjk") << u"\u670d\u52a1\u5668\u63a8\u9001\u4e8b\u4ef6"_s;
    QTest::addRow("emoji") << u"\U0001F600\U0001F680 ok \U0001F44D\U0001F3FD"_s;
    QTest::addRow("line separators") << u"a\u2028b\u2029c"_s;
    QTest::addRow("json-looking") << u"{\"n\":1,\"time\":\"x\"}"_s;
    QTest::addRow("long with emoji at chunk edges") << longText;
    // The escaper checks 8 units at a time: each kind of unit that needs work, at every offset
    // of such a block and across the edge between two.
    const QString plain = u"abcdefghijklmnopqrstuvwx"_s;
    const QString specials[] = { u"\""_s,           u"\\"_s,     u"\n"_s,
                                 QString(QChar(0)), u"\u007f"_s, u"\u00e9"_s,
                                 u"\u8000"_s,       u"\uFFFF"_s, u"\U0001F600"_s };
    for (const QString &special : specials) {
        for (int at = 0; at <= 17; ++at) {
            QTest::addRow("U+%04X at %d", special.at(0).unicode(), at)
                    << plain.left(at) + special + plain.mid(at);
        }
    }
}

void TestRecordJson::escapeRoundTrip()
{
    QFETCH(QString, text);
    QByteArray out = "prefix:";
    RecordJson::appendString(out, text);
    QVERIFY(out.startsWith("prefix:\""));
    const QByteArray quoted = out.mid(7);

    const std::optional<QString> parsed = parseJsonString(quoted);
    QVERIFY(parsed);
    QCOMPARE(*parsed, text);
    // NDJSON: the value must never contain a raw line break or other control byte.
    for (char byte : quoted)
        QVERIFY2(uchar(byte) >= 0x20, "raw control byte in the output");
    QVERIFY(QString::fromUtf8(quoted).toUtf8() == quoted);
}

void TestRecordJson::escapeExactBytes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("plain") << u"abc"_s << QByteArray(R"("abc")");
    QTest::addRow("quote and backslash") << u"a\"b\\c"_s << QByteArray(R"("a\"b\\c")");
    QTest::addRow("short escapes") << u"\n\r\t\b\f"_s << QByteArray(R"("\n\r\t\b\f")");
    QTest::addRow("u00XX escapes") << QString(QChar(0)) + QChar(0x1f) + QChar(0x0b)
                                   << QByteArray(R"("\u0000\u001f\u000b")");
    QTest::addRow("slash and DEL kept") << u"/\u007f"_s << QByteArray("\"/\x7f\"");
    QTest::addRow("utf-8 kept") << u"\u00e9\u4e2d\U0001F600"_s
                                << QByteArray("\"\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80\"");
}

void TestRecordJson::escapeExactBytes()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QByteArray out;
    RecordJson::appendString(out, text);
    QCOMPARE(out, expected);
}

void TestRecordJson::loneSurrogateBecomesReplacement_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::addRow("lone high") << u"a"_s + QChar(0xd83d) + u"b"_s << u"a\uFFFDb"_s;
    QTest::addRow("lone low") << u"a"_s + QChar(0xde00) << u"a\uFFFD"_s;
    QTest::addRow("high at end") << QString(QChar(0xd83d)) << u"\uFFFD"_s;
    QTest::addRow("reversed pair") << QString(QChar(0xde00)) + QChar(0xd83d) << u"\uFFFD\uFFFD"_s;
}

void TestRecordJson::loneSurrogateBecomesReplacement()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QByteArray out;
    RecordJson::appendString(out, text);
    const std::optional<QString> parsed = parseJsonString(out);
    QVERIFY(parsed);
    QCOMPARE(*parsed, expected);
}

void TestRecordJson::timestamp_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("epoch") << utc(1970, 1, 1, 0, 0, 0, 0) << QByteArray("1970-01-01T00:00:00.000Z");
    QTest::addRow("typical") << utc(2026, 11, 24, 7, 41, 0, 123)
                             << QByteArray("2026-11-24T07:41:00.123Z");
    QTest::addRow("leap day end") << utc(2024, 2, 29, 23, 59, 59, 999)
                                  << QByteArray("2024-02-29T23:59:59.999Z");
    QTest::addRow("before epoch") << utc(1969, 12, 31, 23, 59, 59, 1)
                                  << QByteArray("1969-12-31T23:59:59.001Z");
    QTest::addRow("offset converted to UTC")
            << QDateTime(QDate(2026, 1, 1), QTime(8, 0, 0, 5), QTimeZone(8 * 3600))
            << QByteArray("2026-01-01T00:00:00.005Z");
    QTest::addRow("year 9999") << utc(9999, 12, 31, 23, 59, 59, 999)
                               << QByteArray("9999-12-31T23:59:59.999Z");
}

void TestRecordJson::timestamp()
{
    QFETCH(QDateTime, time);
    QFETCH(QByteArray, expected);
    QByteArray out;
    RecordJson::appendTimestamp(out, time);
    QCOMPARE(out, '"' + expected + '"');
    QCOMPARE(QDateTime::fromString(QString::fromLatin1(expected), Qt::ISODateWithMs), time);
}

void TestRecordJson::eventLineFormat_data()
{
    QTest::addColumn<bool>("hasId");
    QTest::addColumn<bool>("withTime");
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("own id, time")
            << true << true
            << QByteArray(
                       R"({"kind":"event","connection":3,"type":"tick","data":"a\nb",)"
                       R"("lastEventId":"42","id":"42","size":17,"time":"2026-11-24T07:41:00.123Z"})"
                       "\n");
    QTest::addRow("inherited id, time")
            << false << true
            << QByteArray(
                       R"({"kind":"event","connection":3,"type":"tick","data":"a\nb",)"
                       R"("lastEventId":"42","id":null,"size":17,"time":"2026-11-24T07:41:00.123Z"})"
                       "\n");
    QTest::addRow("no time")
            << true << false
            << QByteArray(R"({"kind":"event","connection":3,"type":"tick","data":"a\nb",)"
                          R"("lastEventId":"42","id":"42","size":17})"
                          "\n");
}

void TestRecordJson::eventLineFormat()
{
    QFETCH(bool, hasId);
    QFETCH(bool, withTime);
    QFETCH(QByteArray, expected);

    const SseEvent event = makeEvent(u"tick"_s, u"a\nb"_s, u"42"_s, hasId);
    QByteArray out;
    RecordJson::appendEvent(out, event, withTime);
    QCOMPARE(out, expected);

    // The hot path and the general record writer produce the same bytes.
    StreamRecord record = StreamRecord::fromEvent(event);
    if (!withTime)
        record.time = QDateTime();
    QCOMPARE(RecordJson::toJsonLine(record), expected);
}

void TestRecordJson::eventRoundTrip_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("lastEventId");
    QTest::addColumn<bool>("hasId");

    QTest::addRow("message") << u"message"_s << u"2026-11-24T07:41:00.123Z"_s << u"1"_s << true;
    QTest::addRow("empty data") << u"message"_s << QString() << QString() << false;
    QTest::addRow("control chars") << u"message"_s << allControlCharacters() << u"7"_s << true;
    QTest::addRow("quotes and backslashes") << u"q\"t"_s << u"\\\"\\\\\""_s << u"\"id\\"_s << true;
    QTest::addRow("replacement character") << u"message"_s << u"\uFFFD\uFFFD"_s << u"9"_s << false;
    QTest::addRow("cjk") << u"\u901a\u77e5"_s << u"\u4f60\u597d\uff0c\u4e16\u754c"_s
                         << u"\u7f16\u53f7"_s << true;
    QTest::addRow("emoji") << u"token"_s << u"\U0001F916 says \U0001F44B"_s << u"e\U0001F600"_s
                           << true;
    QTest::addRow("json payload") << u"update"_s << u"{\"n\":1,\"s\":\"x\\ny\"}"_s << u"1"_s
                                  << true;
}

void TestRecordJson::eventRoundTrip()
{
    QFETCH(QString, type);
    QFETCH(QString, data);
    QFETCH(QString, lastEventId);
    QFETCH(bool, hasId);

    const SseEvent event = makeEvent(type, data, lastEventId, hasId);
    QByteArray line;
    RecordJson::appendEvent(line, event);
    QVERIFY(line.endsWith('\n'));
    QCOMPARE(line.count('\n'), 1);

    // An independent parser sees the same values.
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject object = document.object();
    QCOMPARE(object.value("kind"_L1).toString(), u"event"_s);
    QCOMPARE(object.value("connection"_L1).toInt(), 3);
    QCOMPARE(object.value("type"_L1).toString(), type);
    QCOMPARE(object.value("data"_L1).toString(), data);
    QCOMPARE(object.value("lastEventId"_L1).toString(), lastEventId);
    if (hasId)
        QCOMPARE(object.value("id"_L1).toString(), lastEventId);
    else
        QVERIFY(object.value("id"_L1).isNull());

    // And our own reader gives back the event.
    const std::optional<StreamRecord> record = RecordJson::fromJsonLine(line);
    QVERIFY(record);
    const SseEvent back = record->toEvent();
    QCOMPARE(back.type, event.type);
    QCOMPARE(back.data, event.data);
    QCOMPARE(back.lastEventId, event.lastEventId);
    QCOMPARE(back.hasId, event.hasId);
    QCOMPARE(back.connection, event.connection);
    QCOMPARE(back.receivedAt, event.receivedAt);
}

void TestRecordJson::recordFormat_data()
{
    QTest::addColumn<StreamRecord>("record");
    QTest::addColumn<QByteArray>("expected");

    using Kind = StreamRecord::Kind;
    const QDateTime time = utc(2026, 11, 24, 7, 41, 0, 5);
    const QByteArray timeField = R"(,"time":"2026-11-24T07:41:00.005Z"})";

    StreamRecord session = StreamRecord::session(u"ssescope-cli 0.2.0"_s);
    session.time = time;
    QTest::addRow("session") << session
                             << QByteArray(R"({"kind":"session","connection":0,"format":2,)"
                                           R"("tool":"ssescope-cli 0.2.0")"
                                           + timeField + '\n');

    StreamRecord connecting;
    connecting.kind = Kind::Connecting;
    connecting.connection = 1;
    connecting.method = u"POST"_s;
    connecting.url = u"http://127.0.0.1:8080/stream?a=1&b=\"2\""_s;
    connecting.lastEventId = u"5"_s;
    connecting.headers = { { "Host", "127.0.0.1:8080" },
                           { "Authorization", StreamRecord::maskedValue() } };
    connecting.time = time;
    QTest::addRow("connecting")
            << connecting
            << QByteArray(R"({"kind":"connecting","connection":1,"method":"POST",)"
                          R"("url":"http://127.0.0.1:8080/stream?a=1&b=\"2\"","lastEventId":"5",)"
                          R"("headers":[["Host","127.0.0.1:8080"],["Authorization","<redacted>"]])"
                          + timeField + '\n');

    StreamRecord redirect;
    redirect.kind = Kind::Redirect;
    redirect.connection = 1;
    redirect.status = 307;
    redirect.url = u"http://127.0.0.1:8080/new"_s;
    QTest::addRow("redirect, no time")
            << redirect
            << QByteArray(R"({"kind":"redirect","connection":1,"status":307,)"
                          R"("url":"http://127.0.0.1:8080/new"})"
                          "\n");

    StreamRecord open;
    open.kind = Kind::Open;
    open.connection = 2;
    open.status = 200;
    open.statusText = u"OK"_s;
    open.httpVersion = u"1.1"_s;
    open.url = u"http://h/s"_s;
    open.headers = { { "Content-Type", "text/event-stream; charset=utf-8" },
                     { "Set-Cookie", "a=1" },
                     { "Set-Cookie", "b=2" } };
    QTest::addRow("open, repeated headers, no time")
            << open
            << QByteArray(R"({"kind":"open","connection":2,"status":200,"statusText":"OK",)"
                          R"("httpVersion":"1.1","url":"http://h/s",)"
                          R"("contentType":"text/event-stream; charset=utf-8","headers":[)"
                          R"(["Content-Type","text/event-stream; charset=utf-8"],)"
                          R"(["Set-Cookie","a=1"],["Set-Cookie","b=2"]]})"
                          "\n");

    StreamRecord retry;
    retry.kind = Kind::Retry;
    retry.connection = 1;
    retry.retryMs = 1500;
    retry.time = time;
    QTest::addRow("retry") << retry
                           << QByteArray(R"({"kind":"retry","connection":1,"ms":1500)" + timeField
                                         + '\n');

    StreamRecord comment;
    comment.kind = Kind::Comment;
    comment.connection = 1;
    comment.text = u" heartbeat"_s;
    QTest::addRow("comment") << comment
                             << QByteArray(
                                        R"({"kind":"comment","connection":1,"text":" heartbeat"})"
                                        "\n");

    StreamRecord error;
    error.kind = Kind::Error;
    error.connection = 1;
    error.error.kind = SseError::Kind::HttpStatus;
    error.error.message = u"HTTP 500 Internal Server Error"_s;
    error.error.fatal = true;
    error.error.httpStatus = 500;
    error.time = time;
    QTest::addRow("error") << error
                           << QByteArray(
                                      R"({"kind":"error","connection":1,"errorKind":"httpStatus",)"
                                      R"("message":"HTTP 500 Internal Server Error","fatal":true,)"
                                      R"("simulated":false,"status":500)"
                                      + timeField + '\n');

    StreamRecord withBody;
    withBody.kind = Kind::Error;
    withBody.connection = 1;
    withBody.error.kind = SseError::Kind::HttpStatus;
    withBody.error.message = u"HTTP 401 Unauthorized"_s;
    withBody.error.fatal = true;
    withBody.error.httpStatus = 401;
    withBody.error.body = u"{\"error\":{\"message\":\"Incorrect API key provided\"}}\n"_s;
    withBody.error.bodyTruncated = true;
    QTest::addRow("error with a body")
            << withBody
            << QByteArray(R"({"kind":"error","connection":1,"errorKind":"httpStatus",)"
                          R"("message":"HTTP 401 Unauthorized","fatal":true,"simulated":false,)"
                          R"("status":401,"body":"{\"error\":{\"message\":)"
                          R"(\"Incorrect API key provided\"}}\n","bodyTruncated":true})"
                          "\n");

    StreamRecord simulated;
    simulated.kind = Kind::Error;
    simulated.connection = 4;
    simulated.error.kind = SseError::Kind::SimulatedOffline;
    simulated.error.message = u"network unreachable (simulated)"_s;
    simulated.error.simulated = true;
    QTest::addRow("simulated error, no status")
            << simulated
            << QByteArray(R"({"kind":"error","connection":4,"errorKind":"simulatedOffline",)"
                          R"j("message":"network unreachable (simulated)","fatal":false,)j"
                          R"("simulated":true})"
                          "\n");

    StreamRecord reconnecting;
    reconnecting.kind = Kind::Reconnecting;
    reconnecting.connection = 3;
    reconnecting.attempt = 2;
    reconnecting.policyAttempt = 4;
    reconnecting.maxAttempts = 10;
    reconnecting.delayMs = 3000;
    reconnecting.delaySource = u"default"_s;
    reconnecting.lastEventId = u"17"_s;
    reconnecting.time = time;
    QTest::addRow("reconnecting")
            << reconnecting
            << QByteArray(R"({"kind":"reconnecting","connection":3,"attempt":2,"policyAttempt":4,)"
                          R"("maxAttempts":10,"delayMs":3000,)"
                          R"("delaySource":"default","lastEventId":"17")"
                          + timeField + '\n');

    StreamRecord control;
    control.kind = Kind::Control;
    control.connection = 2;
    control.command = u"offline"_s;
    control.durationMs = 5000;
    control.time = time;
    QTest::addRow("control")
            << control
            << QByteArray(
                       R"({"kind":"control","connection":2,"command":"offline","durationMs":5000)"
                       + timeField + '\n');

    StreamRecord closed = StreamRecord::closed(3, u"max-events"_s);
    closed.time = time;
    QTest::addRow("closed") << closed
                            << QByteArray(R"({"kind":"closed","connection":3,"reason":"max-events")"
                                          + timeField + '\n');

    Finding gap;
    gap.id = u"resume.gap"_s;
    gap.severity = Finding::Severity::Problem;
    gap.verdict = u"Resumed after id 9: next event was 31, 21 events lost"_s;
    gap.parameters = { { u"lastEventId"_s, u"9"_s }, { u"firstId"_s, u"31"_s }, { u"lost"_s, 21 } };
    gap.evidence.connections = { 1, 2 };
    gap.evidence.eventIds = { u"9"_s, u"31"_s };
    gap.evidence.records = { 14, 17 };
    gap.evidence.times = { time, time.addMSecs(1500) };
    gap.evidence.headers = { { "Server", "nginx/1.22.1" } };
    gap.advice = u"Keep more events for replay."_s;
    QTest::addRow("finding")
            << StreamRecord::fromFinding(gap, 2, time)
            << QByteArray(R"({"kind":"finding","connection":2,"finding":"resume.gap",)"
                          R"("severity":"problem",)"
                          R"("verdict":"Resumed after id 9: next event was 31, 21 events lost",)"
                          R"("parameters":{"firstId":"31","lastEventId":"9","lost":21},)"
                          R"("evidence":{"connections":[1,2],"eventIds":["9","31"],)"
                          R"("headers":[["Server","nginx/1.22.1"]],"records":[14,17],)"
                          R"("times":["2026-11-24T07:41:00.005Z","2026-11-24T07:41:01.505Z"]},)"
                          R"("advice":"Keep more events for replay.")"
                          + timeField + '\n');

    Finding bare;
    bare.id = u"hygiene.no-cache"_s;
    bare.severity = Finding::Severity::Warning;
    bare.verdict = u"No Cache-Control: no-cache"_s;
    QTest::addRow("finding without parameters or evidence")
            << StreamRecord::fromFinding(bare, 1, QDateTime())
            << QByteArray(R"({"kind":"finding","connection":1,"finding":"hygiene.no-cache",)"
                          R"("severity":"warning","verdict":"No Cache-Control: no-cache",)"
                          R"("parameters":{},"evidence":{},"advice":""})"
                          "\n");

    StreamRecord timedOpen = open;
    timedOpen.headers = { { "Content-Type", "application/x-ndjson" } };
    timedOpen.headersMs = 42;
    QTest::addRow("open with headersMs")
            << timedOpen
            << QByteArray(R"({"kind":"open","connection":2,"status":200,"statusText":"OK",)"
                          R"("httpVersion":"1.1","url":"http://h/s",)"
                          R"("contentType":"application/x-ndjson","headers":[)"
                          R"(["Content-Type","application/x-ndjson"]],"headersMs":42})"
                          "\n");

    StreamRecord completed = StreamRecord::closed(1, u"completed"_s);
    completed.endMarker = u"[DONE]"_s;
    completed.time = time;
    QTest::addRow("closed at an end marker")
            << completed
            << QByteArray(R"({"kind":"closed","connection":1,"reason":"completed",)"
                          R"("endMarker":"[DONE]")"
                          + timeField + '\n');

    StreamSummary full;
    full.profile = u"openai-chat"_s;
    full.outcome = u"complete"_s;
    full.endMarker = u"[DONE]"_s;
    full.finishReason = u"tool_calls"_s;
    full.text = u"Hello \"world\"\n\u4f60\u597d"_s;
    full.reasoning = u"think"_s;
    full.toolCalls = { { u"call_1"_s, u"get_weather"_s, u"{\"city\":\"Paris\"}"_s } };
    full.usage.inputTokens = 12;
    full.usage.outputTokens = 30;
    full.usage.totalTokens = 42;
    full.timing.headersMs = 5;
    full.timing.firstByteMs = 310;
    full.timing.firstTokenMs = 312;
    full.timing.totalMs = 1250;
    full.timing.chunks = 31;
    full.timing.textChunks = 29;
    full.timing.chunksPerSecond = 33.5;
    full.timing.charactersPerSecond = 120.25;
    full.timing.gapMedianMs = 30;
    full.timing.gapP99Ms = 49;
    full.timing.gapMaxMs = 51;
    full.timing.gapHistogram = { 0, 0, 28, 2, 0, 0, 0, 0 };
    full.warnings = { { u"missing-usage"_s, u"no usage"_s } };
    StreamRecord summary = StreamRecord::fromSummary(1, full);
    summary.time = time;
    QTest::addRow("summary")
            << summary
            << QByteArray(
                       R"({"kind":"summary","connection":1,"profile":"openai-chat",)"
                       R"("outcome":"complete","endMarker":"[DONE]","finishReason":"tool_calls",)"
                       R"("text":"Hello \"world\"\n)"
                       "\xe4\xbd\xa0\xe5\xa5\xbd"
                       R"(","reasoning":"think",)"
                       R"("toolCalls":[{"id":"call_1","name":"get_weather",)"
                       R"("arguments":"{\"city\":\"Paris\"}"}],)"
                       R"("usage":{"inputTokens":12,"outputTokens":30,"totalTokens":42,)"
                       R"("reasoningTokens":null},)"
                       R"("timing":{"headersMs":5,"firstByteMs":310,"firstTokenMs":312,)"
                       R"("totalMs":1250,"chunks":31,"textChunks":29,"chunksPerSecond":33.5,)"
                       R"("charactersPerSecond":120.25,"gapMedianMs":30,"gapP99Ms":49,)"
                       R"("gapMaxMs":51,"gapBucketsMs":[10,25,50,100,250,500,1000],)"
                       R"("gapHistogram":[0,0,28,2,0,0,0,0]},)"
                       R"("warnings":[{"id":"missing-usage","message":"no usage"}])"
                       + timeField + '\n');

    StreamSummary empty;
    empty.profile = u"none"_s;
    empty.outcome = u"ended"_s;
    StreamRecord emptySummary = StreamRecord::fromSummary(2, empty);
    emptySummary.time = QDateTime();
    QTest::addRow("summary, nothing measured, no time")
            << emptySummary
            << QByteArray(R"({"kind":"summary","connection":2,"profile":"none","outcome":"ended",)"
                          R"("endMarker":"","finishReason":"","text":"","reasoning":"",)"
                          R"("toolCalls":[],"usage":null,)"
                          R"("timing":{"headersMs":null,"firstByteMs":null,"firstTokenMs":null,)"
                          R"("totalMs":null,"chunks":0,"textChunks":0,"chunksPerSecond":null,)"
                          R"("charactersPerSecond":null,"gapMedianMs":null,"gapP99Ms":null,)"
                          R"("gapMaxMs":null,"gapBucketsMs":[10,25,50,100,250,500,1000],)"
                          R"("gapHistogram":[]},"warnings":[]})"
                          "\n");
}

void TestRecordJson::recordFormat()
{
    QFETCH(StreamRecord, record);
    QFETCH(QByteArray, expected);
    QCOMPARE(RecordJson::toJsonLine(record), expected);
}

void TestRecordJson::recordRoundTrip_data()
{
    recordFormat_data();
}

void TestRecordJson::recordRoundTrip()
{
    QFETCH(StreamRecord, record);
    const QByteArray line = RecordJson::toJsonLine(record);
    const std::optional<StreamRecord> back = RecordJson::fromJsonLine(line);
    QVERIFY(back);
    QVERIFY(*back == record);
    QCOMPARE(RecordJson::toJsonLine(*back), line);
}

void TestRecordJson::reusedBufferHoldsOneRecordPerLine()
{
    QByteArray buffer;
    const QList<QString> data = { u"first\nwith newline"_s, QString(), u"\r\n\r\n"_s,
                                  u"\u4e2d\U0001F600"_s };
    for (int round = 0; round < 3; ++round) {
        buffer.clear();
        for (qsizetype i = 0; i < data.size(); ++i)
            RecordJson::appendEvent(buffer, makeEvent(u"message"_s, data.at(i), QString(), false));
        const QList<QByteArray> lines = buffer.split('\n');
        QCOMPARE(lines.size(), data.size() + 1);
        QVERIFY(lines.last().isEmpty());
        for (qsizetype i = 0; i < data.size(); ++i) {
            const std::optional<StreamRecord> record = RecordJson::fromJsonLine(lines.at(i));
            QVERIFY(record);
            QCOMPARE(record->data, data.at(i));
        }
    }
}

void TestRecordJson::headerBytesSurvive()
{
    // Header values are bytes; whatever a server sends (Latin-1, UTF-8, control bytes) must
    // come back from a recording unchanged.
    QByteArray every;
    for (int byte = 1; byte < 256; ++byte)
        every.append(char(byte));
    StreamRecord open;
    open.kind = StreamRecord::Kind::Open;
    open.headers = { { "X-Bytes", every }, { "X-Utf8", "\xe4\xbd\xa0\xe5\xa5\xbd" } };
    const std::optional<StreamRecord> back = RecordJson::fromJsonLine(RecordJson::toJsonLine(open));
    QVERIFY(back);
    QCOMPARE(back->headers, open.headers);
}

void TestRecordJson::readsVersionOne()
{
    // Files written before the Session record and headers: still readable, the Content-Type
    // kept as the one header they knew, an error's kind by name.
    const auto open = RecordJson::fromJsonLine(
            R"({"kind":"open","connection":1,"status":200,"contentType":"text/event-stream"})");
    QVERIFY(open);
    QCOMPARE(open->contentType(), u"text/event-stream"_s);
    QCOMPARE(open->status, 200);
    const auto error = RecordJson::fromJsonLine(
            R"({"kind":"error","connection":1,"message":"m","fatal":false,"simulated":true,)"
            R"("errorKind":"simulatedDrop","status":0})");
    QVERIFY(error);
    QCOMPARE(error->error.kind, SseError::Kind::SimulatedDrop);
    QVERIFY(error->error.simulated);
    const auto event = RecordJson::fromJsonLine(
            R"({"kind":"event","connection":1,"type":"message","data":"x","lastEventId":"1",)"
            R"("id":"1"})");
    QVERIFY(event);
    QCOMPARE(event->size, 0);
    QCOMPARE(event->toEvent().hasId, true);
}

void TestRecordJson::fieldsMatchTheLine_data()
{
    recordFormat_data();
}

void TestRecordJson::fieldsMatchTheLine()
{
    // The tabular form (CSV) carries the same keys as the line, in the same order.
    QFETCH(StreamRecord, record);
    const QJsonObject object = QJsonDocument::fromJson(RecordJson::toJsonLine(record)).object();
    QStringList lineKeys;
    for (const auto &[key, value] : RecordJson::fields(record)) {
        lineKeys.append(key);
        QVERIFY2(object.contains(key), qPrintable(key));
    }
    QCOMPARE(lineKeys.size(), object.size());
}

void TestRecordJson::rejectsInvalidLines_data()
{
    QTest::addColumn<QByteArray>("line");

    QTest::addRow("empty") << QByteArray();
    QTest::addRow("not json") << QByteArray("data: hello");
    QTest::addRow("truncated") << QByteArray(R"({"kind":"event","data":"ab)");
    QTest::addRow("array") << QByteArray(R"(["kind","event"])");
    QTest::addRow("no kind") << QByteArray(R"({"data":"x"})");
    QTest::addRow("unknown kind") << QByteArray(R"({"kind":"telemetry"})");
    QTest::addRow("summary tool calls not an array")
            << QByteArray(R"({"kind":"summary","toolCalls":{"id":"x"}})");
    QTest::addRow("summary timing of the wrong type")
            << QByteArray(R"({"kind":"summary","timing":{"chunks":"many"}})");
    QTest::addRow("summary usage of the wrong type")
            << QByteArray(R"({"kind":"summary","usage":12})");
    QTest::addRow("kind not a string") << QByteArray(R"({"kind":1})");
    QTest::addRow("data not a string") << QByteArray(R"({"kind":"event","data":5})");
    QTest::addRow("id a number") << QByteArray(R"({"kind":"event","data":"x","id":5})");
    QTest::addRow("connection a string") << QByteArray(R"({"kind":"open","connection":"1"})");
    QTest::addRow("fatal a string") << QByteArray(R"({"kind":"error","fatal":"yes"})");
    QTest::addRow("bad time") << QByteArray(R"({"kind":"closed","time":"yesterday"})");
    QTest::addRow("headers not pairs") << QByteArray(R"({"kind":"open","headers":[["a"]]})");
    QTest::addRow("header not text") << QByteArray(R"({"kind":"open","headers":[["a",1]]})");
    QTest::addRow("unknown severity")
            << QByteArray(R"({"kind":"finding","finding":"x","severity":"fatal"})");
    QTest::addRow("parameters not an object")
            << QByteArray(R"({"kind":"finding","finding":"x","parameters":[1]})");
    QTest::addRow("evidence ids not text")
            << QByteArray(R"({"kind":"finding","finding":"x","evidence":{"eventIds":[1]}})");
    QTest::addRow("evidence time not a time")
            << QByteArray(R"({"kind":"finding","finding":"x","evidence":{"times":["soon"]}})");
}

void TestRecordJson::rejectsInvalidLines()
{
    QFETCH(QByteArray, line);
    QVERIFY(!RecordJson::fromJsonLine(line));
}

void TestRecordJson::acceptsLineEnds()
{
    for (const QByteArray &end : { QByteArray(), QByteArray("\n"), QByteArray("\r\n") }) {
        const QByteArray line = R"({"kind":"closed","reason":"timeout"})" + end;
        const std::optional<StreamRecord> record = RecordJson::fromJsonLine(line);
        QVERIFY(record);
        QCOMPARE(record->kind, StreamRecord::Kind::Closed);
        QCOMPARE(record->reason, u"timeout"_s);
        QVERIFY(!record->time.isValid());
    }
}

QTEST_GUILESS_MAIN(TestRecordJson)
#include "tst_recordjson.moc"
