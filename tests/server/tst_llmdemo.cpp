// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include "deltaassembler.h"
#include "demoserver.h"
#include "endmarkerdetector.h"
#include "jsonlinesparser.h"
#include "llmdemo.h"
#include "profiledetector.h"
#include "sseparser.h"

using namespace Qt::StringLiterals;

// The demo server's LLM answers: each script read back with the library's own parsers and
// assembler (so the demo speaks the formats SSE Scope recognises), the knobs, and the answers
// over loopback.

namespace {

constexpr int Timeout = 10000;

using Format = LlmDemo::Format;

QByteArray bodyOf(const LlmDemo::Script &script)
{
    QByteArray body;
    for (const LlmDemo::Step &step : script.steps)
        body += step.bytes;
    return body;
}

QList<SseEvent> eventsOf(const LlmDemo::Script &script)
{
    const QByteArray body = bodyOf(script);
    if (script.contentType.startsWith("application/x-ndjson")) {
        JsonLinesParser parser;
        return parser.feed(body);
    }
    SseParser parser;
    return parser.feed(body);
}

struct Merged
{
    QString profile, text, reasoning, marker, error;
    StreamSummary::Usage usage;
    int eventsAfterEnd = 0;
};

Merged merge(const LlmDemo::Script &script)
{
    ProfileDetector detector;
    EndMarkerDetector ends;
    DeltaAssembler assembler;
    Merged merged;
    std::optional<EndMarker> end;
    for (const SseEvent &event : eventsOf(script)) {
        if (end) {
            ++merged.eventsAfterEnd;
            continue;
        }
        const QJsonObject json = StreamProfile::parseObject(event.data);
        assembler.setProfile(detector.observe(event, json));
        assembler.add(event, json);
        end = ends.check(event);
    }
    merged.profile = StreamProfile::name(detector.profile());
    merged.text = assembler.text();
    merged.reasoning = assembler.reasoning();
    merged.usage = assembler.usage();
    if (end) {
        merged.marker = end->marker;
        merged.error = end->error;
    }
    return merged;
}

// A raw client: request bytes out, everything back until the server closes.
class Client
{
public:
    Client(quint16 port, const QByteArray &request)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket,
                         [this] { received += m_socket.readAll(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, &m_socket,
                         [this] { closed = true; });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.write(request);
    }
    QByteArray head() const { return received.left(received.indexOf("\r\n\r\n") + 2); }
    QByteArray body() const { return received.mid(received.indexOf("\r\n\r\n") + 4); }

    QByteArray received;
    bool closed = false;

private:
    QTcpSocket m_socket;
};

} // namespace

class TestLlmDemo : public QObject
{
    Q_OBJECT

private slots:
    void formats_data();
    void formats();
    void faults_data();
    void faults();
    void pacing();
    void bufferedAllAtOnce();
    void queryKnobs_data();
    void queryKnobs();
    void servedOverLoopback_data();
    void servedOverLoopback();
    void mcpEchoesTheRequestId();
    void badKnobIs400();
};

void TestLlmDemo::formats_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("marker");
    QTest::addColumn<bool>("reasons"); // streams reasoning before the answer
    QTest::addColumn<bool>("usage");

    QTest::addRow("openai") << u"/llm/openai"_s << u"openai-chat"_s << u"[DONE]"_s << false << true;
    QTest::addRow("openai-responses") << u"/llm/openai-responses"_s << u"openai-responses"_s
                                      << u"response.completed"_s << true << true;
    QTest::addRow("anthropic") << u"/llm/anthropic"_s << u"anthropic"_s << u"message_stop"_s << true
                               << true;
    QTest::addRow("gemini") << u"/llm/gemini"_s << u"gemini"_s << u"finishReason STOP"_s << true
                            << true;
    QTest::addRow("ollama") << u"/llm/ollama"_s << u"ollama"_s << u"done"_s << true << true;
    QTest::addRow("mcp") << u"/llm/mcp"_s << u"mcp"_s << u"JSON-RPC response"_s << false << false;
}

void TestLlmDemo::formats()
{
    QFETCH(QString, path);
    QFETCH(QString, profile);
    QFETCH(QString, marker);
    QFETCH(bool, reasons);
    QFETCH(bool, usage);

    const auto format = LlmDemo::formatForPath(path);
    QVERIFY(format);
    QVERIFY(LlmDemo::paths().contains(path));
    const Merged merged = merge(LlmDemo::script(*format, {}));
    QCOMPARE(merged.profile, profile);
    QCOMPARE(merged.text, LlmDemo::answer());
    QCOMPARE(merged.reasoning, reasons ? LlmDemo::reasoning() : QString());
    QCOMPARE(merged.marker, marker);
    QVERIFY(merged.error.isEmpty());
    QCOMPARE(merged.eventsAfterEnd, 0); // the marker is the last thing sent
    QCOMPARE(merged.usage.isKnown(), usage);
    if (usage)
        QCOMPARE(merged.usage.inputTokens, 12);
}

void TestLlmDemo::faults_data()
{
    QTest::addColumn<int>("format");
    for (int format = int(Format::OpenAiChat); format <= int(Format::Mcp); ++format)
        QTest::addRow("%d", format) << format;
}

void TestLlmDemo::faults()
{
    QFETCH(int, format);
    LlmDemo::Options options;
    options.tokens = 10;

    options.noEndMarker = true;
    Merged merged = merge(LlmDemo::script(Format(format), options));
    QVERIFY2(merged.marker.isEmpty(), qPrintable(merged.marker));
    // MCP's answer is its response, the very thing nodone leaves out.
    QCOMPARE(merged.text, Format(format) == Format::Mcp ? QString() : LlmDemo::answer(10));

    options.noEndMarker = false;
    options.midstreamError = true;
    merged = merge(LlmDemo::script(Format(format), options));
    QVERIFY2(!merged.error.isEmpty(), qPrintable(merged.profile));
    QCOMPARE(merged.eventsAfterEnd, 0);
    if (Format(format) != Format::Mcp)
        QCOMPARE(merged.text, LlmDemo::answer(5)); // half the answer, then the error

    options.midstreamError = false;
    options.usage = false;
    merged = merge(LlmDemo::script(Format(format), options));
    QVERIFY(!merged.usage.isKnown());
    QVERIFY(!merged.marker.isEmpty());
}

void TestLlmDemo::pacing()
{
    LlmDemo::Options options;
    options.firstTokenMs = 333;
    const LlmDemo::Script script = LlmDemo::script(Format::OpenAiChat, options);
    // The role chunk comes with the first token, after the wait; then 20–50 ms per token.
    QCOMPARE(script.steps.constFirst().delayMs, 333);
    for (qsizetype i = 1; i < script.steps.size(); ++i) {
        QVERIFY2(script.steps.at(i).delayMs >= 20 && script.steps.at(i).delayMs <= 50,
                 qPrintable(QString::number(script.steps.at(i).delayMs)));
    }
    options.tokenMs = 7;
    for (const LlmDemo::Step &step : LlmDemo::script(Format::Anthropic, options).steps.mid(2))
        QCOMPARE(step.delayMs, 7);
    // Anthropic's message_start goes out at once, before the wait.
    QCOMPARE(LlmDemo::script(Format::Anthropic, options).steps.constFirst().delayMs, 0);
}

void TestLlmDemo::bufferedAllAtOnce()
{
    LlmDemo::Options options;
    options.buffered = true;
    options.firstTokenMs = 10;
    options.tokenMs = 1;
    const LlmDemo::Script script = LlmDemo::script(Format::Gemini, options);
    QCOMPARE(script.steps.size(), 1);
    QCOMPARE(script.steps.constFirst().delayMs, LlmDemo::BufferedWaitMs);
    QCOMPARE(merge(script).text, LlmDemo::answer());
}

void TestLlmDemo::queryKnobs_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("error"); // empty: valid
    QTest::addRow("none") << QString() << QString();
    QTest::addRow("all") << u"firstToken=0&tokenMs=5&tokens=200&error=midstream&nodone=1"
                            "&buffered=1&usage=0"_s
                         << QString();
    QTest::addRow("tokens zero") << u"tokens=0"_s << u"tokens must be an integer from 1 to 200"_s;
    QTest::addRow("tokens too many") << u"tokens=201"_s << u"tokens"_s;
    QTest::addRow("first token text") << u"firstToken=soon"_s << u"firstToken"_s;
    QTest::addRow("error kind") << u"error=early"_s << u"error must be \"midstream\""_s;
    QTest::addRow("nodone two") << u"nodone=2"_s << u"nodone"_s;
}

void TestLlmDemo::queryKnobs()
{
    QFETCH(QString, query);
    QFETCH(QString, error);
    QString problem;
    const auto options = LlmDemo::optionsFromQuery(QUrlQuery(query), &problem);
    if (error.isEmpty()) {
        QVERIFY2(options, qPrintable(problem));
        return;
    }
    QVERIFY(!options);
    QVERIFY2(problem.startsWith(error), qPrintable(problem));
}

void TestLlmDemo::servedOverLoopback_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addRow("POST openai") << QByteArray("POST") << QByteArray("/llm/openai")
                                 << QByteArray("text/event-stream; charset=utf-8");
    QTest::addRow("GET anthropic") << QByteArray("GET") << QByteArray("/llm/anthropic")
                                   << QByteArray("text/event-stream; charset=utf-8");
    QTest::addRow("POST ollama") << QByteArray("POST") << QByteArray("/llm/ollama")
                                 << QByteArray("application/x-ndjson");
}

void TestLlmDemo::servedOverLoopback()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, contentType);
    DemoServer server;
    QVERIFY(server.start());
    QSignalSpy requests(&server, &DemoServer::requestReceived);
    const QByteArray body = method == "POST" ? QByteArray("{\"stream\":true}") : QByteArray();
    Client client(server.port(),
                  method + ' ' + path + "?firstToken=5&tokenMs=2 HTTP/1.1\r\nHost: x\r\n"
                          + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
                          + body);
    // The whole answer, then the server closes: the end of a close-delimited body.
    QTRY_VERIFY_WITH_TIMEOUT(client.closed, Timeout);
    QVERIFY2(client.head().startsWith("HTTP/1.1 200 OK\r\n"), client.head().constData());
    QVERIFY(client.head().contains(QByteArray("Content-Type: " + contentType + "\r\n")));
    QVERIFY(!client.head().contains("Content-Length"));
    const auto format = LlmDemo::formatForPath(QString::fromLatin1(path));
    LlmDemo::Options options;
    options.firstTokenMs = 5;
    options.tokenMs = 2;
    QCOMPARE(client.body(), bodyOf(LlmDemo::script(*format, options)));
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.constFirst().at(3).toByteArray(), body);
}

void TestLlmDemo::mcpEchoesTheRequestId()
{
    DemoServer server;
    QVERIFY(server.start());
    const QByteArray body = R"({"jsonrpc":"2.0","id":"call-7","method":"tools/call"})";
    Client client(server.port(),
                  "POST /llm/mcp?firstToken=0&tokenMs=1&tokens=2 HTTP/1.1\r\nHost: x\r\n"
                  "Content-Length: "
                          + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QTRY_VERIFY_WITH_TIMEOUT(client.closed, Timeout);
    SseParser parser;
    const QList<SseEvent> events = parser.feed(client.body());
    QCOMPARE(events.size(), 3);
    QVERIFY2(events.constLast().data.contains(u"\"id\":\"call-7\""_s),
             qPrintable(events.constLast().data));
    QCOMPARE(events.constLast().lastEventId, u"3"_s); // resumable ids on every message
}

void TestLlmDemo::badKnobIs400()
{
    DemoServer server;
    QVERIFY(server.start());
    Client client(server.port(), "GET /llm/gemini?tokens=0 HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(client.closed, Timeout);
    QVERIFY(client.head().startsWith("HTTP/1.1 400"));
    QVERIFY(client.body().startsWith("tokens must be"));
    Client missing(server.port(), "GET /llm/mistral HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(missing.closed, Timeout);
    QVERIFY(missing.head().startsWith("HTTP/1.1 404"));
    QVERIFY(missing.body().contains("/llm/openai"));
}

QTEST_GUILESS_MAIN(TestLlmDemo)
#include "tst_llmdemo.moc"
