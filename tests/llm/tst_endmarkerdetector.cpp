// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <QTest>

#include "endmarkerdetector.h"

using namespace Qt::StringLiterals;

namespace {

using Kind = StreamProfile::Kind;

// "type|data" per event; a missing "|" means type "message".
QList<SseEvent> eventsOf(const QStringList &lines)
{
    QList<SseEvent> events;
    for (const QString &line : lines) {
        SseEvent event;
        const qsizetype bar = line.indexOf(u'|');
        event.type = bar < 0 ? u"message"_s : line.left(bar);
        event.data = bar < 0 ? line : line.mid(bar + 1);
        events.append(event);
    }
    return events;
}

} // namespace

class TestEndMarkerDetector : public QObject
{
    Q_OBJECT

private slots:
    void endOfStream_data();
    void endOfStream();
};

void TestEndMarkerDetector::endOfStream_data()
{
    QTest::addColumn<int>("setting");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<int>("endsAt"); // index of the ending event, -1: never
    QTest::addColumn<QString>("marker");
    QTest::addColumn<QString>("error");

    const int automatic = int(Kind::Auto);
    const QString plainUrl = u"http://h/stream"_s;
    const QString chunk =
            uR"({"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"a"}}]})"_s;

    QTest::addRow("openai [DONE]")
            << automatic << plainUrl << QStringList { chunk, chunk, u"[DONE]"_s, chunk } << 2
            << u"[DONE]"_s << QString();
    QTest::addRow("[DONE] on an undecided plain stream")
            << automatic << plainUrl << QStringList { u"a"_s, u"[DONE]"_s } << 1 << u"[DONE]"_s
            << QString();
    QTest::addRow("[DONE] after settling on none")
            << automatic << plainUrl << QStringList { u"1"_s, u"2"_s, u"3"_s, u"4"_s, u"5"_s,
                                                      u"6"_s, u"7"_s, u"8"_s, u"9"_s, u"[DONE]"_s }
            << 9 << u"[DONE]"_s << QString();
    QTest::addRow("profile none ignores [DONE]")
            << int(Kind::None) << plainUrl << QStringList { chunk, u"[DONE]"_s } << -1 << QString()
            << QString();
    QTest::addRow("[DONE] with spaces is data")
            << automatic << plainUrl << QStringList { u" [DONE]"_s, u"[done]"_s } << -1 << QString()
            << QString();
    QTest::addRow("openai error object")
            << automatic << plainUrl
            << QStringList { chunk, uR"({"error":{"message":"Rate limit","type":"requests"}})"_s }
            << 1 << u"error"_s << u"requests: Rate limit"_s;
    QTest::addRow("anthropic message_stop")
            << automatic << plainUrl
            << QStringList { uR"(message_start|{"type":"message_start","message":{}})"_s,
                             uR"(ping|{"type":"ping"})"_s,
                             uR"(message_stop|{"type":"message_stop"})"_s }
            << 2 << u"message_stop"_s << QString();
    QTest::addRow("anthropic error")
            << automatic << plainUrl
            << QStringList { uR"(message_start|{"type":"message_start","message":{}})"_s,
                             uR"(error|{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})"_s }
            << 1 << u"error"_s << u"overloaded_error: Overloaded"_s;
    QTest::addRow("an error event of a plain stream goes on")
            << automatic << plainUrl
            << QStringList { uR"(error|{"type":"error","error":{"type":"x","message":"y"}})"_s,
                             u"next"_s }
            << -1 << QString() << QString();
    QTest::addRow("responses completed")
            << automatic << u"https://api.openai.com/v1/responses"_s
            << QStringList { uR"(response.created|{"type":"response.created"})"_s,
                             uR"(response.completed|{"type":"response.completed","response":{}})"_s }
            << 1 << u"response.completed"_s << QString();
    QTest::addRow("responses incomplete, event line dropped by a proxy")
            << automatic << plainUrl
            << QStringList { uR"({"type":"response.created"})"_s,
                             uR"({"type":"response.incomplete","response":{}})"_s }
            << 1 << u"response.incomplete"_s << QString();
    QTest::addRow("responses failed")
            << automatic << plainUrl
            << QStringList { uR"(response.created|{"type":"response.created"})"_s,
                             uR"(response.failed|{"type":"response.failed","response":{"error":{"code":"server_error","message":"boom"}}})"_s }
            << 1 << u"response.failed"_s << u"server_error: boom"_s;
    QTest::addRow("gemini finishReason")
            << automatic << plainUrl
            << QStringList { uR"({"candidates":[{"content":{"parts":[{"text":"a"}]}}]})"_s,
                             uR"({"candidates":[{"content":{"parts":[{"text":"b"}]},"finishReason":"MAX_TOKENS"}]})"_s }
            << 1 << u"finishReason MAX_TOKENS"_s << QString();
    QTest::addRow("ollama done")
            << automatic << u"http://127.0.0.1:11434/api/chat"_s
            << QStringList { uR"({"model":"m","message":{"content":"a"},"done":false})"_s,
                             uR"({"model":"m","message":{"content":""},"done":true})"_s }
            << 1 << u"done"_s << QString();
    QTest::addRow("ollama error")
            << automatic << plainUrl
            << QStringList { uR"({"model":"m","response":"a","done":false})"_s,
                             uR"({"error":"model 'x' not found"})"_s }
            << 1 << u"error"_s << u"model 'x' not found"_s;
    QTest::addRow("mcp response after notifications")
            << automatic << plainUrl
            << QStringList { uR"({"jsonrpc":"2.0","method":"notifications/progress","params":{}})"_s,
                             uR"({"jsonrpc":"2.0","id":1,"result":{"content":[]}})"_s }
            << 1 << u"JSON-RPC response"_s << QString();
    QTest::addRow("mcp error response")
            << automatic << plainUrl
            << QStringList { uR"({"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"Unknown tool"}})"_s }
            << 0 << u"error"_s << u"-32602: Unknown tool"_s;
    QTest::addRow("hand-picked gemini ignores message_stop")
            << int(Kind::Gemini) << plainUrl
            << QStringList { uR"(message_stop|{"type":"message_stop"})"_s } << -1 << QString()
            << QString();
    QTest::addRow("custom still ends at [DONE]")
            << int(Kind::Custom) << plainUrl << QStringList { u"{}"_s, u"[DONE]"_s } << 1
            << u"[DONE]"_s << QString();
}

void TestEndMarkerDetector::endOfStream()
{
    QFETCH(int, setting);
    QFETCH(QString, url);
    QFETCH(QStringList, events);
    QFETCH(int, endsAt);
    QFETCH(QString, marker);
    QFETCH(QString, error);

    EndMarkerDetector detector { Kind(setting) };
    detector.setUrl(QUrl(url));
    const QList<SseEvent> list = eventsOf(events);
    for (qsizetype i = 0; i < list.size(); ++i) {
        const std::optional<EndMarker> end = detector.check(list.at(i));
        if (i != endsAt) {
            QVERIFY2(!end, qPrintable(u"event %1 ended the stream: %2"_s.arg(i).arg(end->marker)));
            continue;
        }
        QVERIFY2(end, qPrintable(u"event %1 did not end the stream"_s.arg(i)));
        QCOMPARE(end->marker, marker);
        QCOMPARE(end->error, error);
        QCOMPARE(end->isError(), !error.isEmpty());
        return;
    }
    QCOMPARE(endsAt, -1);
}

QTEST_GUILESS_MAIN(TestEndMarkerDetector)
#include "tst_endmarkerdetector.moc"
