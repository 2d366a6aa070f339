// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <QTest>

#include "profiledetector.h"
#include "streamprofile.h"

using namespace Qt::StringLiterals;

namespace {

using Kind = StreamProfile::Kind;

SseEvent sseEvent(const QString &data, const QString &type = u"message"_s)
{
    SseEvent result;
    result.type = type;
    result.data = data;
    return result;
}

} // namespace

class TestStreamProfile : public QObject
{
    Q_OBJECT

private slots:
    void namesRoundTrip();
    void fromUrl_data();
    void fromUrl();
    void fromEvent_data();
    void fromEvent();
    void fromHeaders_data();
    void fromHeaders();
    void headersBeatTheUrl();
    void detectorTakesAHandPickedProfile();
    void detectorDecidesByShape();
    void detectorFallsBackOnTheUrl_data();
    void detectorFallsBackOnTheUrl();
};

void TestStreamProfile::namesRoundTrip()
{
    QSet<QString> seen;
    for (const Kind kind : StreamProfile::kinds()) {
        const QString name = StreamProfile::name(kind);
        QVERIFY(!seen.contains(name));
        seen.insert(name);
        QCOMPARE(StreamProfile::fromName(name), kind);
        QCOMPARE(StreamProfile::fromName(name.toUpper()), kind);
    }
    QCOMPARE(seen.size(), 9);
    QCOMPARE(StreamProfile::fromName(u"openai"_s), std::nullopt);
}

void TestStreamProfile::fromUrl_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<int>("kind"); // -1: no hint

    QTest::addRow("openai chat") << QUrl(u"https://api.openai.com/v1/chat/completions"_s)
                                 << int(Kind::OpenAiChat);
    QTest::addRow("compatible chat")
            << QUrl(u"http://localhost:8000/v1/chat/completions"_s) << int(Kind::OpenAiChat);
    QTest::addRow("responses") << QUrl(u"https://api.openai.com/v1/responses"_s)
                               << int(Kind::OpenAiResponses);
    QTest::addRow("anthropic") << QUrl(u"https://api.anthropic.com/v1/messages"_s)
                               << int(Kind::Anthropic);
    QTest::addRow("gemini") << QUrl(u"https://generativelanguage.googleapis.com/v1beta/models/"
                                    "gemini-2.5-flash:streamGenerateContent?alt=sse"_s)
                            << int(Kind::Gemini);
    QTest::addRow("vertex gemini") << QUrl(u"https://europe-west4-aiplatform.googleapis.com/v1/"
                                           "projects/p/models/m:streamGenerateContent"_s)
                                   << int(Kind::Gemini);
    QTest::addRow("ollama chat") << QUrl(u"http://127.0.0.1:11434/api/chat"_s) << int(Kind::Ollama);
    QTest::addRow("ollama generate")
            << QUrl(u"http://127.0.0.1:11434/api/generate"_s) << int(Kind::Ollama);
    QTest::addRow("mcp") << QUrl(u"https://example.com/mcp"_s) << int(Kind::Mcp);
    QTest::addRow("plain stream") << QUrl(u"http://127.0.0.1:8080/stream"_s) << -1;
}

void TestStreamProfile::fromUrl()
{
    QFETCH(QUrl, url);
    QFETCH(int, kind);
    const auto hint = StreamProfile::fromUrl(url);
    QCOMPARE(hint ? int(*hint) : -1, kind);
}

void TestStreamProfile::fromEvent_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("data");
    QTest::addColumn<int>("kind"); // -1: says nothing

    const QString message = u"message"_s;
    QTest::addRow("chat chunk") << message
                                << uR"({"object":"chat.completion.chunk","choices":[]})"_s
                                << int(Kind::OpenAiChat);
    QTest::addRow("chat-like choices")
            << message << uR"({"choices":[{"index":0,"delta":{"content":"a"}}]})"_s
            << int(Kind::OpenAiChat);
    QTest::addRow("done sentinel") << message << u"[DONE]"_s << int(Kind::OpenAiChat);
    QTest::addRow("responses by event")
            << u"response.created"_s << u"{}"_s << int(Kind::OpenAiResponses);
    QTest::addRow("responses by data type")
            << message << uR"({"type":"response.output_text.delta","delta":"a"})"_s
            << int(Kind::OpenAiResponses);
    QTest::addRow("anthropic") << u"message_start"_s << uR"({"type":"message_start"})"_s
                               << int(Kind::Anthropic);
    QTest::addRow("anthropic ping says nothing") << u"ping"_s << uR"({"type":"ping"})"_s << -1;
    QTest::addRow("a lone message_stop says nothing")
            << u"message_stop"_s << uR"({"type":"message_stop"})"_s << -1;
    QTest::addRow("gemini") << message << uR"({"candidates":[{"content":{"parts":[]}}]})"_s
                            << int(Kind::Gemini);
    QTest::addRow("mcp") << message << uR"({"jsonrpc":"2.0","method":"notifications/progress"})"_s
                         << int(Kind::Mcp);
    QTest::addRow("ollama chat") << message
                                 << uR"({"model":"m","message":{"content":"a"},"done":false})"_s
                                 << int(Kind::Ollama);
    QTest::addRow("a bare done is not ollama") << message << uR"({"done":true})"_s << -1;
    QTest::addRow("timestamp") << message << u"2026-01-01T00:00:00.000Z"_s << -1;
    QTest::addRow("app json") << u"update"_s << uR"({"n":1,"type":"tick"})"_s << -1;
}

void TestStreamProfile::fromEvent()
{
    QFETCH(QString, type);
    QFETCH(QString, data);
    QFETCH(int, kind);
    const SseEvent sample = sseEvent(data, type);
    const auto shape = StreamProfile::fromEvent(sample, StreamProfile::parseObject(data));
    QCOMPARE(shape ? int(*shape) : -1, kind);
}

void TestStreamProfile::fromHeaders_data()
{
    using Headers = QList<std::pair<QByteArray, QByteArray>>;
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<int>("kind"); // -1: no hint
    QTest::addRow("anthropic") << Headers { { "Content-Type", "text/event-stream" },
                                            { "request-id", "req_1" },
                                            { "Anthropic-Ratelimit-Requests-Limit", "50" } }
                               << int(Kind::Anthropic);
    QTest::addRow("mcp session") << Headers { { "mcp-session-id", "1868a90c" } } << int(Kind::Mcp);
    // OpenAI sends these on streams of several formats; NDJSON has many producers.
    QTest::addRow("openai says nothing") << Headers { { "openai-processing-ms", "12" } } << -1;
    QTest::addRow("ndjson says nothing")
            << Headers { { "Content-Type", "application/x-ndjson" } } << -1;
}

void TestStreamProfile::fromHeaders()
{
    using Headers = QList<std::pair<QByteArray, QByteArray>>;
    QFETCH(Headers, headers);
    QFETCH(int, kind);
    const auto hint = StreamProfile::fromHeaders(headers);
    QCOMPARE(hint ? int(*hint) : -1, kind);
}

void TestStreamProfile::headersBeatTheUrl()
{
    // A proxy that serves Anthropic on a path of its own, and a stream of no known shape.
    ProfileDetector detector;
    detector.setUrl(QUrl(u"https://gateway.example/v1/chat/completions"_s));
    QCOMPARE(detector.profile(), Kind::OpenAiChat);
    detector.setResponseHeaders({ { "anthropic-organization-id", "org" } });
    QCOMPARE(detector.profile(), Kind::Anthropic);
    const SseEvent tick = sseEvent(u"tick"_s);
    for (int i = 0; i < ProfileDetector::EventsToDecide; ++i)
        detector.observe(tick, {});
    QVERIFY(detector.isDecided());
    QCOMPARE(detector.profile(), Kind::Anthropic);
}

void TestStreamProfile::detectorTakesAHandPickedProfile()
{
    ProfileDetector detector(Kind::Gemini);
    QVERIFY(detector.isDecided());
    const QString chat = uR"({"object":"chat.completion.chunk"})"_s;
    QCOMPARE(detector.observe(sseEvent(chat), StreamProfile::parseObject(chat)), Kind::Gemini);
    ProfileDetector none(Kind::None);
    QCOMPARE(none.observe(sseEvent(chat), StreamProfile::parseObject(chat)), Kind::None);
}

void TestStreamProfile::detectorDecidesByShape()
{
    ProfileDetector detector;
    detector.setUrl(QUrl(u"https://api.openai.com/v1/chat/completions"_s));
    QVERIFY(!detector.isDecided());
    QCOMPARE(detector.profile(), Kind::OpenAiChat); // the URL's hint until then
    // A gateway that serves Anthropic's format on an OpenAI-looking path: the events win.
    const QString start = uR"({"type":"message_start","message":{}})"_s;
    QCOMPARE(detector.observe(sseEvent(start, u"message_start"_s),
                              StreamProfile::parseObject(start)),
             Kind::Anthropic);
    QVERIFY(detector.isDecided());
    const QString chat = uR"({"object":"chat.completion.chunk"})"_s;
    QCOMPARE(detector.observe(sseEvent(chat), StreamProfile::parseObject(chat)), Kind::Anthropic);
}

void TestStreamProfile::detectorFallsBackOnTheUrl_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<int>("kind");
    QTest::addRow("hint") << QUrl(u"http://h/mcp"_s) << int(Kind::Mcp);
    QTest::addRow("no hint") << QUrl(u"http://h/stream"_s) << int(Kind::None);
}

void TestStreamProfile::detectorFallsBackOnTheUrl()
{
    QFETCH(QUrl, url);
    QFETCH(int, kind);
    ProfileDetector detector;
    detector.setUrl(url);
    const SseEvent tick = sseEvent(u"tick"_s);
    for (int i = 1; i < ProfileDetector::EventsToDecide; ++i) {
        detector.observe(tick, {});
        QVERIFY(!detector.isDecided());
    }
    QCOMPARE(int(detector.observe(tick, {})), kind);
    QVERIFY(detector.isDecided());
    // Settled: a later chat chunk changes nothing.
    const QString chat = uR"({"object":"chat.completion.chunk"})"_s;
    QCOMPARE(int(detector.observe(sseEvent(chat), StreamProfile::parseObject(chat))), kind);
}

QTEST_GUILESS_MAIN(TestStreamProfile)
#include "tst_streamprofile.moc"
