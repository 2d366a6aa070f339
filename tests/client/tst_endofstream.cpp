// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <QTest>
#include <QTimer>

#include "llmfixtures.h"
#include "rawsseserver.h"
#include "readerrecorder.h"
#include "ssereader.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// How SseReader ends a stream: end markers, the user's marker, error events after HTTP 200, a
// clean end that no reconnect follows, a POST that is not sent again, and JSON-lines bodies.
// Every server here is a loopback RawSseServer that counts the requests it got.

namespace {

constexpr int Timeout = 10000;

SseReader::Request requestFor(const QUrl &url)
{
    SseReader::Request request;
    request.url = url;
    request.reconnect.fixedDelay = 20ms;
    request.reconnect.retryOverride = 20ms;
    request.reconnect.backoffBase = 20ms;
    request.reconnect.jitter = 0;
    return request;
}

QByteArray head(const QByteArray &contentType)
{
    return RawSseServer::streamHead(contentType);
}

QList<StreamRecord> closedRecords(const ReaderRecorder &recorder)
{
    return recorder.recordsOf(StreamRecord::Kind::Closed);
}

} // namespace

class TestEndOfStream : public QObject
{
    Q_OBJECT

private slots:
    void endMarkerNeverReconnects_data();
    void endMarkerNeverReconnects();
    void errorEventEndsTheStream();
    void untilEndsTheStream_data();
    void untilEndsTheStream();
    void cleanEndOfAPostIsTheEnd_data();
    void cleanEndOfAPostIsTheEnd();
    void cleanEndAfterTheLastAttempt();
    void cutPostIsNotSentAgain();
    void postWithoutAStreamIsRetried();
    void plainStreamsAreNotCutShort();
    void profileNoneIgnoresMarkers();
    void jsonLinesStream_data();
    void jsonLinesStream();
    void wrongContentTypeStillFails_data();
    void wrongContentTypeStillFails();
    void openCarriesHeadersMs();
};

void TestEndOfStream::endMarkerNeverReconnects_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<ReconnectPolicy::Mode>("mode");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<bool>("serverCloses");

    using Mode = ReconnectPolicy::Mode;
    const std::pair<Mode, const char *> modes[] = {
        { Mode::Browser, "browser" },
        { Mode::Fixed, "fixed" },
        { Mode::Backoff, "backoff" },
        { Mode::Off, "off" },
    };
    for (const QString &fixture : LlmFixtures::names()) {
        if (LlmFixtures::expected(fixture).value("endMarker"_L1).toString().isEmpty()
            || !LlmFixtures::expected(fixture).value("error"_L1).toString().isEmpty())
            continue;
        for (const auto &[mode, name] : modes) {
            for (const char *method : { "GET", "POST" })
                QTest::addRow("%s-%s-%s", qPrintable(fixture), name, method)
                        << fixture << mode << QByteArray(method) << (mode == Mode::Browser);
        }
    }
}

void TestEndOfStream::endMarkerNeverReconnects()
{
    QFETCH(QString, fixture);
    QFETCH(ReconnectPolicy::Mode, mode);
    QFETCH(QByteArray, method);
    QFETCH(bool, serverCloses);

    // The whole answer with its end marker; the server then closes or keeps the socket open.
    const QByteArray response =
            head(LlmFixtures::contentType(fixture)) + LlmFixtures::body(fixture);
    RawSseServer server([&](QTcpSocket *socket, const RawRequest &, int) {
        RawSseServer::respond(socket, response, serverCloses);
    });
    QVERIFY(server.listen());
    SseReader reader;
    SseReader::Request request = requestFor(server.url());
    request.reconnect.mode = mode;
    request.method = method;
    if (method == "POST") {
        request.body = R"({"stream":true})";
        request.resendBody = true; // even when a reconnect may send it again, a marker ends it
    }
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closedCount, 1, Timeout);

    const StreamRecord closed = closedRecords(recorder).constFirst();
    QCOMPARE(closed.reason, StreamRecord::CloseReason::completed());
    QCOMPARE(closed.endMarker, LlmFixtures::expected(fixture).value("endMarker"_L1).toString());
    QVERIFY2(recorder.errors.isEmpty(), qPrintable(recorder.errorText()));
    // Every event up to the marker arrived, the marker itself included, before Closed.
    QCOMPARE(recorder.events.size(), LlmFixtures::events(fixture).size());
    QCOMPARE(recorder.kinds().constLast(), StreamRecord::Kind::Closed);
    // Closed for good: no countdown runs, so there is no second request to come.
    QCOMPARE(reader.state(), SseReader::State::Closed);
    QVERIFY(!reader.isReconnectPending());
    QCOMPARE(server.requestCount(), 1);
}

void TestEndOfStream::errorEventEndsTheStream()
{
    const QString fixture = u"anthropic-error"_s;
    RawSseServer server([&](QTcpSocket *socket, const RawRequest &, int) {
        RawSseServer::respond(socket, head("text/event-stream") + LlmFixtures::body(fixture),
                              false);
    });
    QVERIFY(server.listen());
    SseReader reader;
    SseReader::Request request = requestFor(server.url());
    request.reconnect.mode = ReconnectPolicy::Mode::Backoff;
    request.method = "POST";
    request.resendBody = true;
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closedCount, 1, Timeout);
    QCOMPARE(recorder.errors.size(), 1);
    const SseError error = recorder.errors.constFirst();
    QCOMPARE(error.kind, SseError::Kind::StreamError);
    QVERIFY(error.fatal);
    QCOMPARE(error.httpStatus, 200);
    QVERIFY2(error.message.contains(u"overloaded_error: Overloaded"_s), qPrintable(error.message));
    QCOMPARE(closedRecords(recorder).constFirst().reason, StreamRecord::CloseReason::failed());
    QCOMPARE(server.requestCount(), 1);
}

void TestEndOfStream::untilEndsTheStream_data()
{
    QTest::addColumn<QString>("until");
    QTest::addColumn<int>("events"); // dispatched, the matching one included
    QTest::addRow("event type") << u"event:done"_s << 3;
    QTest::addRow("exact data") << u"data:b"_s << 2;
    QTest::addRow("regex") << uR"(/"n":\s*3/)"_s << 3;
    QTest::addRow("plain text names the type") << u"done"_s << 3;
}

void TestEndOfStream::untilEndsTheStream()
{
    QFETCH(QString, until);
    QFETCH(int, events);
    RawSseServer server([](QTcpSocket *socket, const RawRequest &, int) {
        RawSseServer::respond(socket,
                              head("text/event-stream")
                                      + "data: a\n\ndata: b\n\nevent: done\ndata: {\"n\": 3}\n\n"
                                        "data: after\n\n",
                              false);
    });
    QVERIFY(server.listen());
    SseReader reader;
    SseReader::Request request = requestFor(server.url());
    request.until = until;
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closedCount, 1, Timeout);
    QCOMPARE(recorder.events.size(), events);
    const StreamRecord closed = closedRecords(recorder).constFirst();
    QCOMPARE(closed.reason, StreamRecord::CloseReason::until());
    QCOMPARE(closed.endMarker, until);
    QCOMPARE(server.requestCount(), 1);
}

void TestEndOfStream::cleanEndOfAPostIsTheEnd_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<std::optional<bool>>("resendBody");
    QTest::addColumn<bool>("reconnects");
    QTest::addRow("POST, by method") << QByteArray("POST") << std::optional<bool>() << false;
    QTest::addRow("PUT, by method") << QByteArray("PUT") << std::optional<bool>() << false;
    QTest::addRow("POST, re-send asked for")
            << QByteArray("POST") << std::optional<bool>(true) << true;
    QTest::addRow("GET, by method") << QByteArray("GET") << std::optional<bool>() << true;
    QTest::addRow("GET, never again") << QByteArray("GET") << std::optional<bool>(false) << false;
}

void TestEndOfStream::cleanEndOfAPostIsTheEnd()
{
    QFETCH(QByteArray, method);
    QFETCH(std::optional<bool>, resendBody);
    QFETCH(bool, reconnects);
    // A stream with no end marker of its own that the server ends cleanly every time.
    RawSseServer server([](QTcpSocket *socket, const RawRequest &, int index) {
        RawSseServer::respond(socket,
                              head("text/event-stream") + "data: answer "
                                      + QByteArray::number(index) + "\n\n",
                              true);
    });
    QVERIFY(server.listen());
    SseReader reader;
    SseReader::Request request = requestFor(server.url());
    request.method = method;
    request.body = "{}";
    request.resendBody = resendBody;
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    if (reconnects) {
        QTRY_VERIFY_WITH_TIMEOUT(server.requestCount() >= 3, Timeout);
        reader.close();
        for (const RawRequest &sent : server.requests())
            QCOMPARE(sent.body, request.body);
        return;
    }
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closedCount, 1, Timeout);
    // Not a failure: no error record, the Closed record says the server ended it.
    QVERIFY2(recorder.errors.isEmpty(), qPrintable(recorder.errorText()));
    QCOMPARE(recorder.data(), QStringList { u"answer 0"_s });
    QCOMPARE(closedRecords(recorder).constFirst().reason, StreamRecord::CloseReason::ended());
    QVERIFY(!reader.isReconnectPending());
    QCOMPARE(server.requestCount(), 1);
}

void TestEndOfStream::cleanEndAfterTheLastAttempt()
{
    // A GET stream the server ends cleanly each time: the policy allows two reconnects, and the
    // end of the third connection is then simply the end, not a failure.
    RawSseServer server([](QTcpSocket *socket, const RawRequest &, int index) {
        RawSseServer::respond(
                socket, head("text/event-stream") + "data: " + QByteArray::number(index) + "\n\n",
                true);
    });
    QVERIFY(server.listen());
    SseReader reader;
    SseReader::Request request = requestFor(server.url());
    request.reconnect.mode = ReconnectPolicy::Mode::Fixed;
    request.reconnect.maxAttempts = 2;
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closedCount, 1, Timeout);
    QCOMPARE(server.requestCount(), 3);
    QCOMPARE(recorder.data(), (QStringList { u"0"_s, u"1"_s, u"2"_s }));
    QCOMPARE(recorder.errorCount(SseError::Kind::RemoteClosed), 2);
    QCOMPARE(recorder.errorCount(SseError::Kind::GaveUp), 0);
    for (const SseError &error : std::as_const(recorder.errors))
        QVERIFY(!error.fatal);
    QCOMPARE(closedRecords(recorder).constFirst().reason, StreamRecord::CloseReason::ended());
}

void TestEndOfStream::cutPostIsNotSentAgain()
{
    // The body says 1000 bytes and the server closes after 20: the answer was cut (StreamCut).
    RawSseServer server([](QTcpSocket *socket, const RawRequest &, int) {
        RawSseServer::respond(socket,
                              "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                              "Content-Length: 1000\r\n\r\ndata: partial\n\n",
                              true);
    });
    QVERIFY(server.listen());
    SseReader reader;
    SseReader::Request request = requestFor(server.url());
    request.reconnect.mode = ReconnectPolicy::Mode::Fixed;
    request.method = "POST";
    request.body = "{}";
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closedCount, 1, Timeout);
    QCOMPARE(recorder.errors.size(), 1);
    QCOMPARE(recorder.errors.constFirst().kind, SseError::Kind::StreamCut);
    QVERIFY(recorder.errors.constFirst().fatal);
    // The record says why the policy's reconnect did not happen.
    QVERIFY2(recorder.errors.constFirst().message.contains(u"not reconnecting"_s),
             qPrintable(recorder.errors.constFirst().message));
    QCOMPARE(closedRecords(recorder).constFirst().reason, StreamRecord::CloseReason::failed());
    QCOMPARE(server.requestCount(), 1);
}

void TestEndOfStream::postWithoutAStreamIsRetried()
{
    // A 503 means the request was not taken: retrying it repeats nothing.
    RawSseServer server([](QTcpSocket *socket, const RawRequest &, int index) {
        if (index == 0)
            RawSseServer::respond(socket,
                                  "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                                  "Connection: close\r\n\r\n",
                                  true);
        else
            RawSseServer::respond(
                    socket, head("text/event-stream") + LlmFixtures::body(u"openai-chat"_s), false);
    });
    QVERIFY(server.listen());
    SseReader reader;
    SseReader::Request request = requestFor(server.url());
    request.reconnect.mode = ReconnectPolicy::Mode::Backoff;
    request.method = "POST";
    request.body = "{}";
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closedCount, 1, Timeout);
    QCOMPARE(closedRecords(recorder).constFirst().reason, StreamRecord::CloseReason::completed());
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(server.requests().at(1).body, QByteArray("{}"));
}

void TestEndOfStream::plainStreamsAreNotCutShort()
{
    // Events that look like markers to a careless reader, on a stream of no known format: an
    // app's own `error` event, a bare {"done": true}, "[done]" in other case. The GET stream
    // goes on and reconnects after its clean end, as EventSource does.
    RawSseServer server([](QTcpSocket *socket, const RawRequest &, int) {
        RawSseServer::respond(socket,
                              head("text/event-stream")
                                      + "event: error\ndata: {\"type\":\"error\",\"error\":{}}\n\n"
                                        "data: {\"done\": true}\n\ndata: [done]\n\n"
                                        "event: message_stop\ndata: not anthropic\n\n",
                              true);
    });
    QVERIFY(server.listen());
    SseReader reader;
    reader.setRequest(requestFor(server.url()));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(server.requestCount() >= 2, Timeout);
    reader.close();
    QVERIFY(recorder.events.size() >= 4);
    QCOMPARE(recorder.errorCount(SseError::Kind::StreamError), 0);
    QCOMPARE(closedRecords(recorder).constFirst().reason, StreamRecord::CloseReason::closed());
}

void TestEndOfStream::profileNoneIgnoresMarkers()
{
    RawSseServer server([](QTcpSocket *socket, const RawRequest &, int) {
        RawSseServer::respond(socket, head("text/event-stream") + "data: [DONE]\n\ndata: more\n\n",
                              false);
    });
    QVERIFY(server.listen());
    SseReader reader;
    SseReader::Request request = requestFor(server.url());
    request.profile = StreamProfile::Kind::None;
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.size(), 2, Timeout);
    QCOMPARE(reader.state(), SseReader::State::Open);
    reader.close();
}

void TestEndOfStream::jsonLinesStream_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("data");
    QTest::addColumn<QString>("reason");

    QTest::addRow("ndjson, ends at done")
            << QByteArray("application/x-ndjson") << LlmFixtures::body(u"ollama-generate"_s)
            << QStringList() << u"completed"_s;
    // The last line lacks its LF: whole at a clean end, and here it is the end marker.
    QTest::addRow("ndjson, last line unterminated")
            << QByteArray("application/x-ndjson; charset=utf-8")
            << QByteArray("{\"model\":\"m\",\"response\":\"a\",\"done\":false}\n"
                          "{\"model\":\"m\",\"response\":\"\",\"done\":true}")
            << QStringList { u"{\"model\":\"m\",\"response\":\"a\",\"done\":false}"_s,
                             u"{\"model\":\"m\",\"response\":\"\",\"done\":true}"_s }
            << u"completed"_s;
    QTest::addRow("jsonl without a marker")
            << QByteArray("application/jsonl") << QByteArray("[1]\n[2]\n")
            << QStringList { u"[1]"_s, u"[2]"_s } << u"ended"_s;
    QTest::addRow("json-seq") << QByteArray("application/json-seq")
                              << QByteArray("\x1E{\"a\":1}\n\x1E{\"a\":2}\n")
                              << QStringList { u"{\"a\":1}"_s, u"{\"a\":2}"_s } << u"ended"_s;
}

void TestEndOfStream::jsonLinesStream()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QStringList, data);
    QFETCH(QString, reason);
    RawSseServer server([&](QTcpSocket *socket, const RawRequest &, int) {
        RawSseServer::respond(socket, head(contentType) + body, true);
    });
    QVERIFY(server.listen());
    SseReader reader;
    SseReader::Request request = requestFor(server.url());
    request.method = "POST"; // Ollama's API: a POST, so a clean end is the end
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closedCount, 1, Timeout);
    QVERIFY2(recorder.errors.isEmpty(), qPrintable(recorder.errorText()));
    const StreamRecord open = recorder.recordsOf(StreamRecord::Kind::Open).constFirst();
    QCOMPARE(open.contentType(), QString::fromLatin1(contentType));
    if (!data.isEmpty())
        QCOMPARE(recorder.data(), data);
    for (const SseEvent &event : std::as_const(recorder.events)) {
        QCOMPARE(event.type, u"message"_s);
        QVERIFY(!event.hasId);
        QCOMPARE(event.connection, 1);
        QVERIFY(event.rawSize > 0);
    }
    QCOMPARE(closedRecords(recorder).constFirst().reason, reason);
    QCOMPARE(server.requestCount(), 1);
}

void TestEndOfStream::wrongContentTypeStillFails_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("message");
    QTest::addRow("html") << QByteArray("text/html") << u"x-ndjson"_s;
    QTest::addRow("plain json") << QByteArray("application/json") << u"\"stream\": true"_s;
}

void TestEndOfStream::wrongContentTypeStillFails()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QString, message);
    RawSseServer server([&](QTcpSocket *socket, const RawRequest &, int) {
        RawSseServer::respond(socket, head(contentType) + "{\"choices\":[]}\n", true);
    });
    QVERIFY(server.listen());
    SseReader reader;
    reader.setRequest(requestFor(server.url()));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closedCount, 1, Timeout);
    QCOMPARE(recorder.errors.size(), 1);
    QCOMPARE(recorder.errors.constFirst().kind, SseError::Kind::WrongContentType);
    QVERIFY2(recorder.errors.constFirst().message.contains(message),
             qPrintable(recorder.errors.constFirst().message));
    QVERIFY(recorder.events.isEmpty());
}

void TestEndOfStream::openCarriesHeadersMs()
{
    // The head waits a while; headersMs measures it from the request on, monotonically.
    RawSseServer server([](QTcpSocket *socket, const RawRequest &, int) {
        QTimer::singleShot(150, socket, [socket] {
            RawSseServer::respond(socket, head("text/event-stream") + "data: [DONE]\n\n", false);
        });
    });
    QVERIFY(server.listen());
    SseReader reader;
    reader.setRequest(requestFor(server.url()));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closedCount, 1, Timeout);
    const StreamRecord connecting = recorder.recordsOf(StreamRecord::Kind::Connecting).first();
    const StreamRecord open = recorder.recordsOf(StreamRecord::Kind::Open).first();
    // Broad bounds: a loaded machine may add seconds, never subtract the server's 150 ms.
    QVERIFY2(open.headersMs >= 140, qPrintable(QString::number(open.headersMs)));
    QVERIFY2(open.headersMs < Timeout, qPrintable(QString::number(open.headersMs)));
    // The same interval on the records' wall clock, within a few ms of rounding.
    QVERIFY(qAbs(connecting.time.msecsTo(open.time) - open.headersMs) <= 20);
}

QTEST_GUILESS_MAIN(TestEndOfStream)
#include "tst_endofstream.moc"
