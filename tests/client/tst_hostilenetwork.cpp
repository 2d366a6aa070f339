// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

// SseReader against servers and networks that misbehave. Each case ends in a specific error or
// in the right events, never in a hang. Cases tst_ssereader already covers (refused connection,
// 204, 500, text/html, 302/307 GET, POST re-sent on reconnect, idle timeout after a stall, a
// partial event at a clean close) are not repeated here.

#include <memory>

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include "rawsseserver.h"
#include "readerrecorder.h"
#include "ssereader.h"

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int Timeout = 10000;

SseReader::Request requestFor(const QUrl &url)
{
    SseReader::Request request;
    request.url = url;
    request.reconnect.fixedDelay = 50ms;
    request.reconnect.backoffBase = 50ms;
    request.reconnect.jitter = 0;
    return request;
}

QByteArray chunkedHead()
{
    return QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                             "Transfer-Encoding: chunked\r\n\r\n");
}

QByteArray paddingHeaders(int count, int valueSize)
{
    QByteArray headers;
    for (int i = 0; i < count; ++i)
        headers +=
                "X-Padding-" + QByteArray::number(i) + ": " + QByteArray(valueSize, 'p') + "\r\n";
    return headers;
}

QByteArray chunk(const QByteArray &bytes)
{
    return QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n";
}

// Breaks the connection with a TCP RST instead of a FIN: SO_LINGER 0 makes close() abortive.
void resetConnection(QTcpSocket *socket)
{
#ifdef Q_OS_UNIX
    const linger abortive { 1, 0 };
    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &abortive,
                 sizeof abortive);
#endif
    socket->abort();
}

// Writes one piece per timer tick, so the reader meets the split points across separate reads.
void drip(QTcpSocket *socket, const QList<QByteArray> &pieces, std::chrono::milliseconds interval)
{
    auto *timer = new QTimer(socket);
    timer->setInterval(interval);
    auto next = std::make_shared<qsizetype>(0);
    QObject::connect(timer, &QTimer::timeout, socket, [socket, timer, pieces, next] {
        if (*next >= pieces.size()) {
            timer->stop();
            return;
        }
        socket->write(pieces.at((*next)++));
        socket->flush();
    });
    timer->start();
}

// A gzip stream of two events, each followed by Z_SYNC_FLUSH (so all its bytes can be inflated
// at once), with no gzip trailer: the stream is still open. Generated with Python's zlib:
//   c = zlib.compressobj(6, zlib.DEFLATED, 31)
//   c.compress(b"id: 1\ndata: first\n\n") + c.flush(zlib.Z_SYNC_FLUSH)
//   + c.compress(b"id: 2\ndata: second\n\n") + c.flush(zlib.Z_SYNC_FLUSH)
QByteArray gzipSyncFlushedEvents()
{
    return QByteArray::fromHex("1f8b0800000000000003ca4cb15230e44a492c49b45248cb2c2a2ee1e20200000"
                               "0ffffca040a1941858a5393f3f352b8b800000000ffff");
}

// Compressed whatever the request asked for, close-delimited.
QByteArray gzipHead()
{
    return QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                             "Content-Encoding: gzip\r\nConnection: close\r\n\r\n");
}

/// A loopback HTTPS server: Qt 6.4 has no QSslServer, so each accepted descriptor is wrapped in
/// a QSslSocket that starts the server side of the handshake with the test certificate.
class TlsSseServer : public QTcpServer
{
public:
    bool setUp(QString *error)
    {
        QFile certificateFile(u":/data/selfsigned-cert.pem"_s);
        QFile keyFile(u":/data/selfsigned-key.pem"_s);
        if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            *error = u"test certificate or key missing from the resources"_s;
            return false;
        }
        m_certificate = QSslCertificate(certificateFile.readAll(), QSsl::Pem);
        m_key = QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
        if (m_certificate.isNull() || m_key.isNull()) {
            *error = u"test certificate or key does not load"_s;
            return false;
        }
        if (!listen(QHostAddress::LocalHost, 0)) {
            *error = errorString();
            return false;
        }
        return true;
    }
    QUrl url() const
    {
        QUrl url(u"https://127.0.0.1/stream"_s);
        url.setPort(serverPort());
        return url;
    }
    int requestCount = 0;
    QByteArray response = RawSseServer::streamHead() + "id: 1\ndata: secure\n\n";

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
        connect(socket, &QSslSocket::readyRead, socket, [this, socket] {
            QByteArray request = socket->property("request").toByteArray() + socket->readAll();
            socket->setProperty("request", request);
            if (!request.contains("\r\n\r\n") || socket->property("answered").toBool())
                return;
            socket->setProperty("answered", true);
            ++requestCount;
            socket->write(response);
        });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        // The client refusing the certificate shows up here as a failed handshake: expected.
        connect(socket, &QSslSocket::sslErrors, socket, [](const QList<QSslError> &) {});
        socket->startServerEncryption();
    }

private:
    QSslCertificate m_certificate;
    QSslKey m_key;
};

} // namespace

class TestHostileNetwork : public QObject
{
    Q_OBJECT

private slots:
    void hostNotFound();
    void resetMidEvent_data();
    void resetMidEvent();
    void closeMidBody_data();
    void closeMidBody();
    void closeAfterHeaders_data();
    void closeAfterHeaders();
    void halfOpenCaughtByIdleTimeout_data();
    void halfOpenCaughtByIdleTimeout();
    void slowDrip();
    void hugeResponseHeaders_data();
    void hugeResponseHeaders();
    void redirectLoop_data();
    void redirectLoop();
    void redirectKeepsMethod_data();
    void redirectKeepsMethod();
    void gzipStreamIsLive();
    void gzipLongCompressibleStream();
    void gzipUndecodable_data();
    void gzipUndecodable();
    void http10ReadsUntilClose();
    void tinyChunks_data();
    void tinyChunks();
    void selfSignedCertificate();
    void httpsToHttpRedirectRefused();
    void proxyErrorsNameTheProxy_data();
    void proxyErrorsNameTheProxy();
};

void TestHostileNetwork::hostNotFound()
{
    // RFC 6761 §6.4: ".invalid" never resolves, so this needs no network and cannot hit a host.
    SseReader reader;
    reader.setRequest(requestFor(QUrl(u"http://sse-scope-test.invalid/stream"_s)));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.errors.isEmpty(), Timeout);
    reader.close();
    const SseError error = recorder.errors.at(0);
    QCOMPARE(error.kind, SseError::Kind::HostNotFound);
    QVERIFY2(error.message.contains(u"host not found"_s), qPrintable(error.message));
    QVERIFY2(error.message.contains(u"sse-scope-test.invalid"_s), qPrintable(error.message));
    // A lookup can fail for a moment (Wi-Fi switching): the browser policy retries.
    QVERIFY(!error.fatal);
    QCOMPARE(recorder.openedCount, 0);
}

void TestHostileNetwork::resetMidEvent_data()
{
    QTest::addColumn<bool>("chunked");
    QTest::addRow("close-delimited") << false;
    QTest::addRow("chunked") << true;
}

void TestHostileNetwork::resetMidEvent()
{
    QFETCH(bool, chunked);
    QPointer<QTcpSocket> first;
    RawSseServer server([chunked, &first](QTcpSocket *socket, const RawRequest &, int index) {
        if (index > 0) {
            RawSseServer::respond(socket, RawSseServer::streamHead() + "id: 3\ndata: c\n\n", false);
            return;
        }
        first = socket;
        const QByteArray body = "id: 1\ndata: a\n\nid: 2\ndata: half of b";
        socket->write(chunked ? chunkedHead() + chunk(body) : RawSseServer::streamHead() + body);
        socket->flush();
    });
    QVERIFY(server.listen());
    SseReader reader;
    reader.setRequest(requestFor(server.url()));
    ReaderRecorder recorder(&reader);
    reader.open();
    // The reset comes once the first event (and so the partial one after it) has been read.
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.size(), 1, Timeout);
    QVERIFY(first);
    resetConnection(first);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.size(), 2, Timeout);
    QCOMPARE(recorder.data(), (QStringList { u"a"_s, u"c"_s }));
    QCOMPARE(server.requests().at(1).header("Last-Event-ID"), "1");
    QVERIFY2(!recorder.errors.isEmpty(), qPrintable(recorder.errorText()));
    const SseError error = recorder.errors.at(0);
    QVERIFY(!error.fatal);
    // Qt 6.4 reads a reset like a close (see closeMidBody): inside a chunked body that is a cut,
    // in a close-delimited body the end of the body. It reconnects the same way.
    QCOMPARE(error.kind, chunked ? SseError::Kind::StreamCut : SseError::Kind::RemoteClosed);
    if (chunked)
        QCOMPARE(error.detail, u"Transfer-Encoding: chunked"_s);
    QVERIFY2(error.message.contains(chunked ? u"cut"_s : u"closed the stream"_s),
             qPrintable(error.message));
    QCOMPARE(recorder.events.at(1).connection, 2);
}

void TestHostileNetwork::closeMidBody_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("reset");
    QTest::addColumn<QString>("messagePart");
    const QByteArray lengthHead = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                                  "Content-Length: 1000\r\n\r\n";
    for (const bool reset : { false, true }) {
        const char *how = reset ? "rst" : "fin";
        QTest::addRow("chunked-%s", how) << chunkedHead() << reset
                                         << u"cut: the server closed the connection before the "
                                            "end of the chunked body"_s;
        QTest::addRow("content-length-%s", how)
                << lengthHead << reset
                << u"cut: the server closed the connection before the end "
                   "of the body (Content-Length: 1000)"_s;
        // No framing: the close is the end of the body, as in HTML §9.2.3.
        QTest::addRow("close-delimited-%s", how)
                << RawSseServer::streamHead() << reset << u"the server closed the stream"_s;
    }
}

void TestHostileNetwork::closeMidBody()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, reset);
    QFETCH(QString, messagePart);
    const bool chunked = head.contains("chunked");
    QPointer<QTcpSocket> first;
    RawSseServer server([&](QTcpSocket *socket, const RawRequest &, int index) {
        if (index > 0) { // Asked to stop, so the test ends with the reader closed.
            RawSseServer::respond(socket, "HTTP/1.1 204 No Content\r\n\r\n", true);
            return;
        }
        first = socket;
        const QByteArray body = "id: 1\ndata: a\n\nid: 2\ndata: half of b";
        socket->write(head + (chunked ? chunk(body) : body));
        socket->flush();
    });
    QVERIFY(server.listen());
    SseReader reader;
    reader.setRequest(requestFor(server.url()));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.size(), 1, Timeout);
    QVERIFY(first);
    // A FIN after everything was sent, or an RST (SO_LINGER 0). Qt 6.4 reports both as
    // RemoteHostClosedError (it reads ECONNRESET as end of file), so the reader cannot tell
    // them apart, and reports what the HTTP framing shows: a cut, or the end of the body.
    if (reset)
        resetConnection(first);
    else
        first->disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closedCount, 1, Timeout);
    QCOMPARE(recorder.data(), QStringList { u"a"_s }); // the half event is discarded
    QCOMPARE(recorder.errors.size(), 2);
    const SseError error = recorder.errors.at(0);
    // Where the framing says more must come, a close cuts the stream; else it ends it.
    const bool framed = chunked || head.contains("Content-Length");
    QCOMPARE(error.kind, framed ? SseError::Kind::StreamCut : SseError::Kind::RemoteClosed);
    QVERIFY2(error.message.contains(messagePart), qPrintable(error.message));
    QVERIFY(!error.fatal);
    QCOMPARE(error.httpStatus, 200);
    QCOMPARE(recorder.attempts, QList<int> { 1 });
    QCOMPARE(server.requests().at(1).header("Last-Event-ID"), "1");
    QCOMPARE(recorder.errors.at(1).kind, SseError::Kind::NoContent);
}

void TestHostileNetwork::closeAfterHeaders_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<SseError::Kind>("kind");
    QTest::addRow("close-delimited") << RawSseServer::streamHead() << SseError::Kind::RemoteClosed;
    QTest::addRow("content-length-0")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                          "Content-Length: 0\r\n\r\n")
            << SseError::Kind::RemoteClosed;
    // The chunked body never got its last chunk: the server cut the stream (see closeMidBody).
    QTest::addRow("chunked-unfinished") << chunkedHead() << SseError::Kind::StreamCut;
}

void TestHostileNetwork::closeAfterHeaders()
{
    QFETCH(QByteArray, response);
    QFETCH(SseError::Kind, kind);
    RawSseServer server([response](QTcpSocket *socket, const RawRequest &, int index) {
        if (index == 0)
            RawSseServer::respond(socket, response, true);
        else
            RawSseServer::respond(socket, RawSseServer::streamHead() + "data: second\n\n", false);
    });
    QVERIFY(server.listen());
    SseReader reader;
    reader.setRequest(requestFor(server.url()));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.size(), 1, Timeout);
    QCOMPARE(recorder.data(), QStringList { u"second"_s });
    QCOMPARE(recorder.openedCount, 2);
    QCOMPARE(recorder.errors.size(), 1);
    QCOMPARE(recorder.errors.at(0).kind, kind);
    QVERIFY(!recorder.errors.at(0).fatal);
    QCOMPARE(recorder.attempts, QList<int> { 1 });
}

void TestHostileNetwork::halfOpenCaughtByIdleTimeout_data()
{
    QTest::addColumn<QByteArray>("firstResponse");
    QTest::addColumn<int>("opened");
    // The server accepted and read the request, and then went silent: no status line at all.
    QTest::addRow("no-response") << QByteArray() << 0;
    QTest::addRow("headers-only") << RawSseServer::streamHead() << 1;
}

void TestHostileNetwork::halfOpenCaughtByIdleTimeout()
{
    QFETCH(QByteArray, firstResponse);
    QFETCH(int, opened);
    RawSseServer server([firstResponse](QTcpSocket *socket, const RawRequest &, int index) {
        if (index == 0)
            socket->write(firstResponse); // and keep the socket open forever
        else
            RawSseServer::respond(socket, RawSseServer::streamHead() + "data: back\n\n", false);
    });
    QVERIFY(server.listen());
    SseReader reader;
    SseReader::Request request = requestFor(server.url());
    request.idleTimeout = 300ms;
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.errors.isEmpty(), Timeout);
    const SseError error = recorder.errors.at(0);
    QCOMPARE(error.kind, SseError::Kind::IdleTimeout);
    QVERIFY2(error.message.contains(u"idle timeout 300 ms"_s), qPrintable(error.message));
    QVERIFY(!error.fatal);
    QCOMPARE(recorder.openedCount, opened);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.size(), 1, Timeout);
    QCOMPARE(recorder.data(), QStringList { u"back"_s });
}

void TestHostileNetwork::slowDrip()
{
    const QByteArray body = "id: 1\ndata: one\n\nid: 2\ndata: two\n\n";
    QList<QByteArray> bytes;
    for (const char c : body)
        bytes.append(QByteArray(1, c));
    RawSseServer server([&bytes](QTcpSocket *socket, const RawRequest &, int) {
        socket->write(RawSseServer::streamHead());
        drip(socket, bytes, 50ms);
    });
    QVERIFY(server.listen());
    SseReader reader;
    SseReader::Request request = requestFor(server.url());
    // A byte every 50 ms is a live stream, not an idle one.
    request.idleTimeout = 1s;
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    QList<qint64> bytesAtEvent;
    connect(&reader, &SseReader::eventReceived, this,
            [&reader, &bytesAtEvent] { bytesAtEvent.append(reader.byteCount()); });
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.size(), 2, Timeout);
    QCOMPARE(recorder.data(), (QStringList { u"one"_s, u"two"_s }));
    QCOMPARE(reader.lastEventId(), u"2"_s);
    // Each event went out as soon as its blank line arrived, not at the end of the body.
    QCOMPARE(bytesAtEvent, (QList<qint64> { 17, body.size() }));
    QVERIFY2(recorder.errors.isEmpty(), qPrintable(recorder.errorText()));
    QCOMPARE(reader.state(), SseReader::State::Open);
}

void TestHostileNetwork::hugeResponseHeaders_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<bool>("opens");
    // Browsers accept far more (Chromium: 256 KiB), and CDNs and auth proxies do send cookie
    // and policy headers this big: a user expects the stream to open.
    QTest::addRow("one-64KiB-header") << "X-Padding: " + QByteArray(64 * 1024, 'p') + "\r\n"
                                      << true;
    QTest::addRow("64KiB-in-99-headers") << paddingHeaders(99, 660) << true;
    // Qt 6.4 reads at most 100 header fields and silently drops them all beyond that: the
    // reader cannot open such a stream, so the error must say why instead of blaming the
    // (present) Content-Type.
    QTest::addRow("1000-small-headers") << paddingHeaders(1000, 60) << false;
}

void TestHostileNetwork::hugeResponseHeaders()
{
    QFETCH(QByteArray, headers);
    QFETCH(bool, opens);
    RawSseServer server([headers](QTcpSocket *socket, const RawRequest &, int) {
        RawSseServer::respond(socket,
                              "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n" + headers
                                      + "\r\nid: 1\ndata: after the headers\n\n",
                              false);
    });
    QVERIFY(server.listen());
    SseReader reader;
    reader.setRequest(requestFor(server.url()));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.events.isEmpty() || !recorder.errors.isEmpty(), Timeout);
    if (!opens) {
        QCOMPARE(recorder.errors.size(), 1);
        const SseError error = recorder.errors.at(0);
        QCOMPARE(error.kind, SseError::Kind::WrongContentType);
        QVERIFY2(error.message.contains(u"at most 100 header fields"_s), qPrintable(error.message));
        QVERIFY(error.fatal);
        QVERIFY(recorder.events.isEmpty());
        return;
    }
    QVERIFY2(recorder.errors.isEmpty(), qPrintable(recorder.errorText()));
    QCOMPARE(recorder.data(), QStringList { u"after the headers"_s });
    qsizetype headerBytes = 0;
    for (const auto &[name, value] : reader.responseHeaders())
        headerBytes += name.size() + value.size();
    QVERIFY(headerBytes >= 64 * 1024);
}

void TestHostileNetwork::redirectLoop_data()
{
    QTest::addColumn<bool>("pingPong");
    QTest::addRow("self") << false;
    QTest::addRow("a-b-a") << true;
}

void TestHostileNetwork::redirectLoop()
{
    QFETCH(bool, pingPong);
    RawSseServer server([pingPong](QTcpSocket *socket, const RawRequest &request, int) {
        const QByteArray target = pingPong && request.target == "/a" ? "/b" : "/a";
        RawSseServer::respond(socket,
                              "HTTP/1.1 302 Found\r\nLocation: " + target
                                      + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                              true);
    });
    QVERIFY(server.listen());
    SseReader reader;
    reader.setRequest(requestFor(server.url(u"/a"_s)));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closedCount, 1, Timeout);
    QCOMPARE(recorder.errors.size(), 1);
    const SseError error = recorder.errors.at(0);
    QCOMPARE(error.kind, SseError::Kind::Redirect);
    QVERIFY2(error.message.contains(u"too many redirects"_s), qPrintable(error.message));
    QVERIFY(error.fatal);
    QCOMPARE(reader.state(), SseReader::State::Closed);
    QVERIFY(!reader.isReconnectPending());
    QVERIFY(recorder.attempts.isEmpty());
    // Bounded: QNAM's default limit is 50 redirects, and the reader does not start over.
    QVERIFY2(server.requestCount() <= 51, qPrintable(QString::number(server.requestCount())));
}

void TestHostileNetwork::redirectKeepsMethod_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::addRow("301-get") << 301 << QByteArray("GET") << QByteArray();
    // RFC 9110 §15.4.8: 307 must not change the request method (nor, so, drop the body).
    QTest::addRow("307-post") << 307 << QByteArray("POST") << QByteArray(R"({"prompt":"hi"})");
    QTest::addRow("308-post") << 308 << QByteArray("POST") << QByteArray(R"({"prompt":"hi"})");
}

void TestHostileNetwork::redirectKeepsMethod()
{
    QFETCH(int, status);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);
    RawSseServer server([status](QTcpSocket *socket, const RawRequest &request, int) {
        if (request.target == "/old")
            RawSseServer::respond(socket,
                                  "HTTP/1.1 " + QByteArray::number(status)
                                          + " Moved\r\nLocation: /new\r\nContent-Length: 0\r\n"
                                            "Connection: close\r\n\r\n",
                                  true);
        else
            RawSseServer::respond(socket, RawSseServer::streamHead() + "data: moved\n\n", false);
    });
    QVERIFY(server.listen());
    SseReader reader;
    SseReader::Request request = requestFor(server.url(u"/old"_s));
    request.method = method;
    request.body = body;
    if (!body.isEmpty())
        request.headers = { { "Content-Type", "application/json" } };
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.events.isEmpty() || !recorder.errors.isEmpty(), Timeout);
    QVERIFY2(recorder.errors.isEmpty(), qPrintable(recorder.errorText()));
    QCOMPARE(recorder.data(), QStringList { u"moved"_s });
    QCOMPARE(reader.finalUrl(), server.url(u"/new"_s));
    QCOMPARE(server.requestCount(), 2);
    const RawRequest &followed = server.requests().at(1);
    QCOMPARE(followed.target, "/new");
    QCOMPARE(followed.method, method);
    QCOMPARE(followed.body, body);
    if (!body.isEmpty())
        QCOMPARE(followed.header("Content-Type"), "application/json");
    QCOMPARE(followed.header("Accept"), "text/event-stream");
}

void TestHostileNetwork::gzipStreamIsLive()
{
    const QByteArray gzip = gzipSyncFlushedEvents();
    // Z_SYNC_FLUSH ends with an empty stored block: 00 00 FF FF.
    const qsizetype firstFlush = gzip.indexOf(QByteArrayView("\x00\x00\xff\xff", 4)) + 4;
    QVERIFY(firstFlush > 4 && firstFlush < gzip.size());
    QPointer<QTcpSocket> open;
    RawSseServer server([&gzip, firstFlush, &open](QTcpSocket *socket, const RawRequest &, int) {
        open = socket;
        socket->write(gzipHead() + gzip.first(firstFlush));
        socket->flush();
    });
    QVERIFY(server.listen());
    SseReader reader;
    reader.setRequest(requestFor(server.url()));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.events.isEmpty() || !recorder.errors.isEmpty(), Timeout);
    QVERIFY2(recorder.errors.isEmpty(), qPrintable(recorder.errorText()));
    // The reader offered gzip, as browsers do, so the server may compress.
    QVERIFY2(server.requests().at(0).header("Accept-Encoding").contains("gzip"),
             server.requests().at(0).header("Accept-Encoding").constData());
    // The first event arrived while the response is still open and its second half unsent.
    QCOMPARE(recorder.data(), QStringList { u"first"_s });
    QVERIFY(open);
    open->write(gzip.sliced(firstFlush));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.size(), 2, Timeout);
    QCOMPARE(recorder.data(), (QStringList { u"first"_s, u"second"_s }));
    QCOMPARE(reader.lastEventId(), u"2"_s);
    QVERIFY2(recorder.errors.isEmpty(), qPrintable(recorder.errorText()));
    QCOMPARE(reader.state(), SseReader::State::Open);
}

void TestHostileNetwork::gzipLongCompressibleStream()
{
    // 11 MiB of 1 KiB events compressed ~500:1 (data/README.md). QNAM's archive-bomb check
    // (10 MiB at 40:1 by default) would cut such a stream with "Decompression failed", and a
    // long-lived repetitive stream reaches it in hours; the reader turns the check off.
    QFile file(u":/data/compressible-11MiB.gz"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray gzip = file.readAll();
    RawSseServer server([&gzip](QTcpSocket *socket, const RawRequest &, int) {
        socket->write(gzipHead() + gzip);
    });
    QVERIFY(server.listen());
    SseReader reader;
    reader.setRequest(requestFor(server.url()));
    qsizetype events = 0;
    QString last;
    connect(&reader, &SseReader::eventReceived, this, [&events, &last](const SseEvent &event) {
        ++events;
        last = event.data.left(3);
    });
    QList<SseError> errors;
    connect(&reader, &SseReader::recordReceived, this, [&errors](const StreamRecord &record) {
        if (record.kind == StreamRecord::Kind::Error)
            errors.append(record.error);
    });
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(last == u"end"_s || !errors.isEmpty(), Timeout);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).message));
    QCOMPARE(events, 11444);
    QVERIFY(reader.byteCount() > 11 * 1024 * 1024);
}

void TestHostileNetwork::gzipUndecodable_data()
{
    QTest::addColumn<QByteArray>("acceptEncoding");
    // A user header of their own switches QNAM's decoding off.
    QTest::addRow("user-asks-gzip") << QByteArray("gzip");
    // The server (or a proxy) compresses although the request said not to.
    QTest::addRow("user-asks-identity") << QByteArray("identity");
}

void TestHostileNetwork::gzipUndecodable()
{
    QFETCH(QByteArray, acceptEncoding);
    RawSseServer server([](QTcpSocket *socket, const RawRequest &, int) {
        socket->write(gzipHead() + gzipSyncFlushedEvents());
    });
    QVERIFY(server.listen());
    SseReader reader;
    SseReader::Request request = requestFor(server.url());
    request.headers = { { "Accept-Encoding", acceptEncoding } };
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closedCount, 1, Timeout);
    QCOMPARE(server.requests().at(0).header("Accept-Encoding"), acceptEncoding);
    QCOMPARE(recorder.errors.size(), 1);
    const SseError error = recorder.errors.at(0);
    QCOMPARE(error.kind, SseError::Kind::WrongContentType);
    QVERIFY2(error.message.contains(u"Content-Encoding \"gzip\""_s), qPrintable(error.message));
    QVERIFY2(error.message.contains(u"Accept-Encoding"_s), qPrintable(error.message));
    QVERIFY(error.fatal);
    QVERIFY(recorder.events.isEmpty()); // no binary garbage parsed as events
    QCOMPARE(recorder.openedCount, 0);
}

void TestHostileNetwork::http10ReadsUntilClose()
{
    RawSseServer server([](QTcpSocket *socket, const RawRequest &, int index) {
        if (index == 0)
            RawSseServer::respond(socket,
                                  "HTTP/1.0 200 OK\r\nContent-Type: text/event-stream\r\n\r\n"
                                  "id: 1\ndata: a\n\nid: 2\ndata: b\n\n",
                                  true);
        else // Asked to stop, so the test ends with the reader closed.
            RawSseServer::respond(socket, "HTTP/1.0 204 No Content\r\n\r\n", true);
    });
    QVERIFY(server.listen());
    SseReader reader;
    reader.setRequest(requestFor(server.url()));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closedCount, 1, Timeout);
    QCOMPARE(recorder.data(), (QStringList { u"a"_s, u"b"_s }));
    QCOMPARE(recorder.errors.size(), 2);
    // The end of a length-less body is the normal end of stream: reconnect, resume from id 2.
    QCOMPARE(recorder.errors.at(0).kind, SseError::Kind::RemoteClosed);
    QVERIFY(!recorder.errors.at(0).fatal);
    QCOMPARE(recorder.attempts, QList<int> { 1 });
    QCOMPARE(server.requests().at(1).header("Last-Event-ID"), "2");
    QCOMPARE(recorder.errors.at(1).kind, SseError::Kind::NoContent);
}

void TestHostileNetwork::tinyChunks_data()
{
    QTest::addColumn<int>("chunkSize");
    for (int size : { 1, 2, 3 })
        QTest::addRow("chunk-%d", size) << size;
}

void TestHostileNetwork::tinyChunks()
{
    QFETCH(int, chunkSize);
    // "中" is 3 bytes, "é" 2 and "😀" 4: with 1–3 byte chunks some split inside them, and the
    // CRLFs split between CR and LF.
    const QByteArray body = "id: 7\r\ndata: \xe4\xb8\xad\xe6\x96\x87\r\n\r\n"
                            "data: caf\xc3\xa9 \xf0\x9f\x98\x80\r\ndata: 2\r\n\r\n";
    QList<QByteArray> pieces;
    for (qsizetype i = 0; i < body.size(); i += chunkSize)
        pieces.append(chunk(body.mid(i, chunkSize)));
    pieces.append(QByteArrayLiteral("0\r\n\r\n"));
    RawSseServer server([&pieces](QTcpSocket *socket, const RawRequest &, int index) {
        if (index > 0)
            return; // stay silent: the test has what it needs after the first body
        socket->write(chunkedHead());
        drip(socket, pieces, 2ms);
    });
    QVERIFY(server.listen());
    SseReader reader;
    SseReader::Request request = requestFor(server.url());
    request.reconnect.mode = ReconnectPolicy::Mode::Off;
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closedCount, 1, Timeout);
    QCOMPARE(recorder.data(), (QStringList { u"\u4e2d\u6587"_s, u"caf\u00e9 \U0001F600\n2"_s }));
    QCOMPARE(recorder.events.at(1).lastEventId, u"7"_s);
    QCOMPARE(reader.byteCount(), body.size());
    // The terminating chunk is a clean end of stream: with reconnecting off, simply the end.
    QVERIFY2(recorder.errors.isEmpty(), qPrintable(recorder.errorText()));
    QCOMPARE(recorder.records.constLast().reason, StreamRecord::CloseReason::ended());
}

void TestHostileNetwork::selfSignedCertificate()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("No TLS backend at run time (Qt's openssl plugin or libssl missing)");
    TlsSseServer server;
    QString setUpError;
    QVERIFY2(server.setUp(&setUpError), qPrintable(setUpError));

    {
        SseReader reader;
        reader.setRequest(requestFor(server.url()));
        ReaderRecorder recorder(&reader);
        reader.open();
        QTRY_VERIFY_WITH_TIMEOUT(!recorder.errors.isEmpty(), Timeout);
        reader.close();
        const SseError error = recorder.errors.at(0);
        QCOMPARE(error.kind, SseError::Kind::Tls);
        QVERIFY2(error.message.contains(u"self-signed"_s, Qt::CaseInsensitive),
                 qPrintable(error.message));
        QVERIFY2(error.message.contains(u"127.0.0.1:"_s), qPrintable(error.message));
        QVERIFY(recorder.events.isEmpty());
        QCOMPARE(server.requestCount, 0); // no request went out over the untrusted connection
    }
    {
        SseReader reader;
        SseReader::Request request = requestFor(server.url());
        request.ignoreTlsErrors = true;
        reader.setRequest(request);
        ReaderRecorder recorder(&reader);
        reader.open();
        QTRY_VERIFY_WITH_TIMEOUT(!recorder.events.isEmpty() || !recorder.errors.isEmpty(), Timeout);
        QVERIFY2(recorder.errors.isEmpty(), qPrintable(recorder.errorText()));
        QCOMPARE(recorder.data(), QStringList { u"secure"_s });
        QCOMPARE(server.requestCount, 1);
    }
}

void TestHostileNetwork::httpsToHttpRedirectRefused()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("No TLS backend at run time (Qt's openssl plugin or libssl missing)");
    RawSseServer plain([](QTcpSocket *socket, const RawRequest &, int) {
        RawSseServer::respond(socket, RawSseServer::streamHead() + "data: in clear\n\n", false);
    });
    QVERIFY(plain.listen());
    TlsSseServer server;
    QString setUpError;
    QVERIFY2(server.setUp(&setUpError), qPrintable(setUpError));
    server.response = "HTTP/1.1 302 Found\r\nLocation: " + plain.url().toEncoded()
            + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    SseReader reader;
    SseReader::Request request = requestFor(server.url());
    request.ignoreTlsErrors = true;
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closedCount, 1, Timeout);
    QCOMPARE(server.requestCount, 1);
    QCOMPARE(recorder.errors.size(), 1);
    const SseError error = recorder.errors.at(0);
    QCOMPARE(error.kind, SseError::Kind::Redirect);
    QVERIFY2(error.message.contains(u"https to http"_s), qPrintable(error.message));
    QVERIFY(error.fatal);
    // The request (and its headers, maybe a token) never went out unencrypted.
    QCOMPARE(plain.requestCount(), 0);
    QVERIFY(recorder.events.isEmpty());
}

namespace {
/// Always answers with one proxy, as a per-reader factory of the app does.
class FixedProxyFactory : public QNetworkProxyFactory
{
public:
    explicit FixedProxyFactory(const QNetworkProxy &proxy)
        : m_proxy(proxy)
    {}
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &) override { return { m_proxy }; }

private:
    QNetworkProxy m_proxy;
};
} // namespace

void TestHostileNetwork::proxyErrorsNameTheProxy_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<bool>("viaFactory");
    QTest::addColumn<bool>("listening");
    QTest::addColumn<SseError::Kind>("kind");
    QTest::addColumn<QString>("words");
    QTest::addColumn<bool>("fatal");
    for (const bool factory : { false, true }) {
        const char *how = factory ? "factory" : "setProxy";
        // A plain http:// stream asks the proxy with an absolute URL, https:// with CONNECT.
        QTest::addRow("http 407, %s", how)
                << u"http"_s << factory << true << SseError::Kind::NetworkError
                << u"requires authentication (HTTP 407"_s << true;
        QTest::addRow("https 407, %s", how)
                << u"https"_s << factory << true << SseError::Kind::NetworkError
                << u"requires authentication (HTTP 407"_s << true;
        QTest::addRow("proxy not listening, %s", how)
                << u"http"_s << factory << false << SseError::Kind::ConnectionRefused
                << u"connection refused by the proxy"_s << false;
    }
}

void TestHostileNetwork::proxyErrorsNameTheProxy()
{
    QFETCH(QString, scheme);
    QFETCH(bool, viaFactory);
    QFETCH(bool, listening);
    QFETCH(SseError::Kind, kind);
    QFETCH(QString, words);
    QFETCH(bool, fatal);
    RawSseServer proxyServer([](QTcpSocket *socket, const RawRequest &, int) {
        RawSseServer::respond(socket,
                              "HTTP/1.1 407 Proxy Authentication Required\r\n"
                              "Proxy-Authenticate: Basic realm=\"test\"\r\n"
                              "Content-Length: 0\r\nConnection: close\r\n\r\n",
                              true);
    });
    QVERIFY(proxyServer.listen());
    quint16 port = proxyServer.port();
    if (!listening) {
        QTcpServer closed; // a port nothing listens on any more
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        port = closed.serverPort();
    }

    SseReader reader;
    const QNetworkProxy proxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, port);
    if (viaFactory)
        reader.networkAccessManager()->setProxyFactory(new FixedProxyFactory(proxy));
    else
        reader.networkAccessManager()->setProxy(proxy);
    // The stream's host is never reached: the proxy answers first.
    reader.setRequest(requestFor(QUrl(scheme + u"://sse-scope-test.invalid/stream"_s)));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.errors.isEmpty(), Timeout);
    reader.close();
    const SseError error = recorder.errors.at(0);
    QVERIFY2(error.kind == kind, qPrintable(recorder.errorText()));
    const QString name = u"the proxy 127.0.0.1:%1"_s.arg(port);
    QVERIFY2(error.message.contains(name), qPrintable(error.message));
    QVERIFY2(error.message.contains(words), qPrintable(error.message));
    QCOMPARE(error.fatal, fatal);
    QCOMPARE(recorder.openedCount, 0);
}

QTEST_GUILESS_MAIN(TestHostileNetwork)
#include "tst_hostilenetwork.moc"
