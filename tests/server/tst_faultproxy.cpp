// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

// FaultProxy between real servers and real clients. Every fault is observed from both ends: the
// client (SseReader's records, or a raw socket for the exact bytes and FIN versus RST) and the
// upstream server (DemoServer's signals, or a raw socket: its writes backing up, its FIN/RST).
// Timing is only ever checked as a lower bound, which a loaded machine cannot break.

#include <cerrno>
#include <memory>

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPointer>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include "demoserver.h"
#include "faultproxy.h"
#include "rawsseserver.h"
#include "readerrecorder.h"
#include "ssereader.h"
#include "tlssseserver.h"

#ifdef Q_OS_UNIX
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// Generous: a loaded 2-core machine under ASan can be slow, and nothing here waits on purpose.
constexpr int Timeout = 20000;

SseReader::Request requestFor(const QUrl &url)
{
    SseReader::Request request;
    request.url = url;
    request.reconnect.mode = ReconnectPolicy::Mode::Fixed;
    request.reconnect.fixedDelay = 50ms;
    request.reconnect.jitter = 0;
    return request;
}

QUrl relayUrl(const FaultProxy &proxy, const QString &path = u"/stream"_s)
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(proxy.port());
    url.setPath(path);
    return url;
}

FaultProxy::Options relayTo(quint16 port)
{
    FaultProxy::Options options;
    options.upstreamHost = u"127.0.0.1"_s;
    options.upstreamPort = port;
    return options;
}

void useProxy(SseReader &reader, const FaultProxy &proxy)
{
    reader.networkAccessManager()->setProxy(
            QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, proxy.port()));
}

ProxyFault fault(ProxyFault::Kind kind, int connection = ProxyFault::AllConnections,
                 ProxyFault::Direction direction = ProxyFault::Direction::Downstream)
{
    ProxyFault fault;
    fault.kind = kind;
    fault.connection = connection;
    fault.direction = direction;
    return fault;
}

// A plain upstream that hands every accepted socket to the test.
struct TcpUpstream
{
    TcpUpstream()
    {
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                sockets.append(socket);
                QObject::connect(socket, &QTcpSocket::readyRead, socket,
                                 [this, socket] { received[socket] += socket->readAll(); });
            }
        });
    }
    bool listen() { return server.listen(QHostAddress::LocalHost, 0); }
    QTcpSocket *last() const { return sockets.isEmpty() ? nullptr : sockets.constLast().data(); }

    QTcpServer server;
    QList<QPointer<QTcpSocket>> sockets;
    QHash<QTcpSocket *, QByteArray> received;
};

// A client that keeps every byte and each read's size.
struct RawClient
{
    explicit RawClient(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] {
            const QByteArray bytes = socket.readAll();
            received += bytes;
            reads.append(bytes.size());
        });
        QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [this] {
            closed = true;
            closedAfter = clock.elapsed();
        });
        clock.start();
        socket.connectToHost(QHostAddress::LocalHost, port);
    }
    QTcpSocket socket;
    QByteArray received;
    QList<qsizetype> reads;
    bool closed = false;
    qint64 closedAfter = -1;
    QElapsedTimer clock;
};

#ifdef Q_OS_UNIX
// How a raw socket's peer ended, read with recv() so FIN (0) and RST (ECONNRESET) differ; Qt
// reports both as RemoteHostClosedError.
enum class PeerEnd { Open, Fin, Reset };

PeerEnd peerEnd(int descriptor, QByteArray *received = nullptr)
{
    char buffer[16 * 1024];
    for (;;) {
        const ssize_t n = ::recv(descriptor, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n > 0) {
            if (received)
                received->append(buffer, n);
            continue;
        }
        if (n == 0)
            return PeerEnd::Fin;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return PeerEnd::Open;
        if (errno == EINTR)
            continue;
        return PeerEnd::Reset;
    }
}

// An upstream that keeps the accepted descriptors raw, never wrapped in a QTcpSocket.
class DescriptorServer : public QTcpServer
{
public:
    ~DescriptorServer() override
    {
        for (int descriptor : std::as_const(descriptors))
            ::close(descriptor);
    }
    QList<int> descriptors;

protected:
    void incomingConnection(qintptr descriptor) override { descriptors.append(int(descriptor)); }
};

// A blocking-connect raw client: loopback completes the handshake in the kernel at once.
int connectRaw(quint16 port)
{
    const int descriptor = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(descriptor, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        ::close(descriptor);
        return -1;
    }
    return descriptor;
}
#endif

// The last event id a reader received on one connection.
QString lastEventIdOn(const ReaderRecorder &recorder, int connection)
{
    QString id;
    for (const SseEvent &event : recorder.events) {
        if (event.connection == connection)
            id = event.lastEventId;
    }
    return id;
}

// The index of the first event a reader received on a connection after `connection`.
qsizetype firstEventAfter(const ReaderRecorder &recorder, int connection)
{
    for (qsizetype i = 0; i < recorder.events.size(); ++i) {
        if (recorder.events.at(i).connection > connection)
            return i;
    }
    return -1;
}

} // namespace

class TestFaultProxy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void relayPassesStreamUnchanged();
    void httpForwardRewritesTheRequest();
    void httpForwardResponseHead();
    void connectTunnelKeepsTlsEndToEnd();
    void refusals_data();
    void refusals();
    void relayToItselfRefused();
    void latencyHoldsAndReleases();
    void bandwidthLimits();
    void stallKeepsBothSocketsOpen();
    void stallCaughtByIdleTimeout();
    void cutAndReset_data();
    void cutAndReset();
    void cutAndResetSeenByReader_data();
    void cutAndResetSeenByReader();
    void cutMidEvent_data();
    void cutMidEvent();
    void cutMidEventResumes();
    void cutMidEventNotInTunnel();
    void slicerKeepsEventsIntact();
    void closeAfterBytes_data();
    void closeAfterBytes();
    void downRefusesNewConnections();
    void downExpires();
    void slowCloseDelaysFin();
    void slowReceiverBoundsMemory();
    void faultsAreScopedAndLive();
    void upstreamNeverGoesThroughTheSystemProxy();
};

void TestFaultProxy::initTestCase()
{
    qRegisterMetaType<ProxyConnectionInfo>();
    qRegisterMetaType<ProxyFault>();
}

void TestFaultProxy::relayPassesStreamUnchanged()
{
    DemoServer server;
    DemoServer::Options serverOptions;
    serverOptions.intervalMs = 20;
    QVERIFY(server.start(serverOptions));
    FaultProxy proxy;
    QSignalSpy opened(&proxy, &FaultProxy::connectionOpened);
    QSignalSpy closed(&proxy, &FaultProxy::connectionClosed);
    QSignalSpy updated(&proxy, &FaultProxy::connectionsUpdated);
    QVERIFY2(proxy.start(relayTo(server.port())), qPrintable(proxy.errorString()));
    QVERIFY(proxy.address().isLoopback()); // never an open proxy by default

    auto reader = std::make_unique<SseReader>();
    reader->setRequest(requestFor(relayUrl(proxy)));
    ReaderRecorder recorder(reader.get());
    reader->open();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.events.size() >= 5, Timeout);
    QCOMPARE(server.clientCount(), 1);
    QVERIFY2(recorder.errors.isEmpty(), qPrintable(recorder.errorText()));
    const QList<qint64> ids = recorder.ids();
    for (qsizetype i = 1; i < ids.size(); ++i)
        QCOMPARE(ids.at(i), ids.at(i - 1) + 1);

    QCOMPARE(opened.size(), 1);
    const auto info = opened.at(0).at(0).value<ProxyConnectionInfo>();
    QCOMPARE(info.mode, ProxyConnectionInfo::Mode::Relay);
    QCOMPARE(info.upstreamPort, server.port());
    QVERIFY(info.clientAddress.isLoopback());
    QVERIFY(info.clientPort != 0);
    QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty(), Timeout);
    const QList<ProxyConnectionInfo> live = proxy.connections();
    QCOMPARE(live.size(), 1);
    QCOMPARE(live.at(0).state, ProxyConnectionInfo::State::Open);
    QVERIFY(live.at(0).bytesDownstream > 0);
    QVERIFY(live.at(0).bytesUpstream > 0); // the request

    reader.reset(); // the client goes away: the server sees it through the proxy
    QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), 0, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, Timeout);
    QCOMPARE(closed.at(0).at(0).value<ProxyConnectionInfo>().closeReason, u"client closed"_s);
    QVERIFY(proxy.connections().isEmpty());
}

void TestFaultProxy::httpForwardRewritesTheRequest()
{
    DemoServer server;
    DemoServer::Options serverOptions;
    serverOptions.intervalMs = 20;
    QVERIFY(server.start(serverOptions));
    QSignalSpy requests(&server, &DemoServer::requestReceived);
    FaultProxy proxy;
    QSignalSpy opened(&proxy, &FaultProxy::connectionOpened);
    QVERIFY(proxy.start({}));
    QVERIFY(!proxy.isRelay());

    SseReader reader;
    useProxy(reader, proxy);
    SseReader::Request request = requestFor(server.streamUrl());
    request.lastEventId = u"0"_s;
    request.headers.append({ QByteArray("Authorization"), QByteArray("Bearer end-to-end") });
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.events.size() >= 3, Timeout);
    QVERIFY2(recorder.errors.isEmpty(), qPrintable(recorder.errorText()));

    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.at(0).at(1).toByteArray(), QByteArray("/stream")); // origin form
    const auto headers = requests.at(0).at(2).value<QList<std::pair<QByteArray, QByteArray>>>();
    RawRequest seen;
    seen.headers = headers;
    QCOMPARE(seen.header("Host"), "127.0.0.1:" + QByteArray::number(server.port()));
    QVERIFY2(seen.header("Via").startsWith("1.1 ssescope-"), seen.header("Via").constData());
    QCOMPARE(seen.header("Connection"), QByteArray("close"));
    QVERIFY(!seen.hasHeader("Proxy-Connection"));
    QCOMPARE(seen.header("Authorization"), QByteArray("Bearer end-to-end"));
    QCOMPARE(seen.header("Last-Event-ID"), QByteArray("0"));

    QCOMPARE(opened.size(), 1);
    const auto info = opened.at(0).at(0).value<ProxyConnectionInfo>();
    QCOMPARE(info.mode, ProxyConnectionInfo::Mode::HttpForward);
    QCOMPARE(info.target, server.streamUrl().toString());
    QCOMPARE(info.upstreamHost, u"127.0.0.1"_s);
    QCOMPARE(info.upstreamPort, server.port());
}

void TestFaultProxy::httpForwardResponseHead()
{
    RawSseServer upstream([](QTcpSocket *socket, const RawRequest &, int) {
        RawSseServer::respond(socket,
                              "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                              "Connection: keep-alive, X-Private\r\nKeep-Alive: timeout=5\r\n"
                              "X-Private: hop\r\nX-Kept: end\r\n\r\ndata: one\n\n",
                              true);
    });
    QVERIFY(upstream.listen());
    FaultProxy proxy;
    QVERIFY(proxy.start({}));
    RawClient client(proxy.port());
    client.socket.write("GET " + upstream.url().toEncoded()
                        + " HTTP/1.1\r\nHost: x\r\nProxy-Connection: keep-alive\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(client.closed, Timeout);
    const QByteArray head = client.received.left(client.received.indexOf("\r\n\r\n") + 4);
    QVERIFY2(head.contains("\r\nConnection: close\r\n"), head.constData());
    QVERIFY2(head.contains("\r\nX-Kept: end\r\n"), head.constData());
    QVERIFY2(!head.contains("Keep-Alive") && !head.contains("X-Private"), head.constData());
    QVERIFY(client.received.endsWith("\r\n\r\ndata: one\n\n"));
    QCOMPARE(upstream.requestCount(), 1);
    QVERIFY(!upstream.requests().at(0).hasHeader("Proxy-Connection"));
}

void TestFaultProxy::connectTunnelKeepsTlsEndToEnd()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("No TLS backend at run time (Qt's openssl plugin or libssl missing)");
    TlsSseServer server;
    QString setUpError;
    QVERIFY2(server.setUp(&setUpError), qPrintable(setUpError));
    FaultProxy proxy;
    QSignalSpy opened(&proxy, &FaultProxy::connectionOpened);
    QVERIFY(proxy.start({}));

    {
        // Verification stays on: the proxy only relays bytes, so the server's own self-signed
        // certificate reaches the reader, which refuses it as it would without a proxy.
        SseReader reader;
        useProxy(reader, proxy);
        reader.setRequest(requestFor(server.url()));
        ReaderRecorder recorder(&reader);
        reader.open();
        QTRY_VERIFY_WITH_TIMEOUT(!recorder.errors.isEmpty(), Timeout);
        reader.close();
        const SseError error = recorder.errors.at(0);
        QCOMPARE(error.kind, SseError::Kind::Tls);
        QVERIFY2(error.message.contains(u"self-signed"_s, Qt::CaseInsensitive),
                 qPrintable(error.message));
        QVERIFY(recorder.events.isEmpty());
        QCOMPARE(server.requestCount, 0);
        QCOMPARE(opened.size(), 1);
        const auto info = opened.at(0).at(0).value<ProxyConnectionInfo>();
        QCOMPARE(info.mode, ProxyConnectionInfo::Mode::ConnectTunnel);
        QCOMPARE(info.target, u"127.0.0.1:"_s + QString::number(server.serverPort()));
    }
    {
        SseReader reader;
        useProxy(reader, proxy);
        SseReader::Request request = requestFor(server.url());
        request.ignoreTlsErrors = true;
        reader.setRequest(request);
        ReaderRecorder recorder(&reader);
        reader.open();
        QTRY_VERIFY_WITH_TIMEOUT(!recorder.events.isEmpty() || !recorder.errors.isEmpty(), Timeout);
        QCOMPARE(recorder.data(), QStringList { u"secure"_s });
        QCOMPARE(server.requestCount, 1);
        QCOMPARE(server.handshakeCount, 1); // with the server itself, not with the proxy
    }
}

void TestFaultProxy::refusals_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("text");

    // %PROXY% is the proxy's own port, %CLOSED% a port nothing listens on.
    QTest::addRow("origin form") << QByteArray("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n") << 400
                                 << u"absolute URL"_s;
    QTest::addRow("https without CONNECT")
            << QByteArray("GET https://127.0.0.1:1/ HTTP/1.1\r\nHost: x\r\n\r\n") << 501
            << u"CONNECT"_s;
    QTest::addRow("other scheme") << QByteArray("GET ftp://127.0.0.1/x HTTP/1.1\r\nHost: x\r\n\r\n")
                                  << 501 << u"ftp"_s;
    QTest::addRow("malformed") << QByteArray("GET\r\n\r\n") << 400 << QString();
    QTest::addRow("chunked request body")
            << QByteArray("POST http://127.0.0.1:1/ HTTP/1.1\r\nHost: x\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n")
            << 501 << QString();
    QTest::addRow("loop by address")
            << QByteArray("GET http://127.0.0.1:%PROXY%/stream HTTP/1.1\r\nHost: x\r\n\r\n") << 508
            << u"itself"_s;
    QTest::addRow("CONNECT loop") << QByteArray(
            "CONNECT 127.0.0.1:%PROXY% HTTP/1.1\r\nHost: x\r\n\r\n")
                                  << 508 << u"itself"_s;
    QTest::addRow("loop by name") << QByteArray(
            "GET http://localhost:%PROXY%/stream HTTP/1.1\r\nHost: x\r\n\r\n")
                                  << 508 << u"itself"_s;
    QTest::addRow("upstream refuses")
            << QByteArray("GET http://127.0.0.1:%CLOSED%/ HTTP/1.1\r\nHost: x\r\n\r\n") << 502
            << u"cannot connect"_s;
    QTest::addRow("CONNECT refused")
            << QByteArray("CONNECT 127.0.0.1:%CLOSED% HTTP/1.1\r\nHost: x\r\n\r\n") << 502
            << u"cannot connect"_s;
}

void TestFaultProxy::refusals()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QString, text);
    FaultProxy proxy;
    QSignalSpy refused(&proxy, &FaultProxy::requestRefused);
    QVERIFY(proxy.start({}));
    quint16 closedPort = 0;
    {
        QTcpServer probe; // a port that was free a moment ago and is closed now
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    request.replace("%PROXY%", QByteArray::number(proxy.port()));
    request.replace("%CLOSED%", QByteArray::number(closedPort));
    RawClient client(proxy.port());
    client.socket.write(request);
    QTRY_VERIFY_WITH_TIMEOUT(client.closed, Timeout);
    QVERIFY2(client.received.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' ')),
             client.received.constData());
    QVERIFY(client.received.contains("\r\nContent-Length: "));
    const QByteArray body = client.received.mid(client.received.indexOf("\r\n\r\n") + 4);
    QVERIFY2(!body.trimmed().isEmpty(), client.received.constData());
    QVERIFY2(QString::fromUtf8(body).contains(text), body.constData());
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.at(0).at(1).toInt(), status);
    // The proxy's own inner connection of a loop is gone too: nothing is left open.
    QTRY_VERIFY_WITH_TIMEOUT(proxy.connections().isEmpty(), Timeout);
}

void TestFaultProxy::relayToItselfRefused()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    FaultProxy proxy;
    FaultProxy::Options options = relayTo(port);
    options.port = port;
    QVERIFY(!proxy.start(options));
    QVERIFY2(proxy.errorString().contains(u"itself"_s), qPrintable(proxy.errorString()));
    QVERIFY(!proxy.isListening());
}

void TestFaultProxy::latencyHoldsAndReleases()
{
    TcpUpstream upstream;
    QVERIFY(upstream.listen());
    FaultProxy proxy;
    QVERIFY(proxy.start(relayTo(upstream.server.serverPort())));
    ProxyFault latency = fault(ProxyFault::Kind::Latency);
    latency.latency = 300ms;
    latency.jitter = 100ms;
    const FaultProxy::ApplyResult added = proxy.apply(latency);
    QVERIFY2(added.isApplied(), qPrintable(added.error));

    RawClient client(proxy.port());
    QTRY_VERIFY_WITH_TIMEOUT(upstream.last(), Timeout);
    QElapsedTimer sent;
    sent.start();
    QByteArray expected;
    for (int i = 0; i < 5; ++i)
        expected += "data: " + QByteArray::number(i) + "\n\n";
    upstream.last()->write(expected);
    QTRY_COMPARE_WITH_TIMEOUT(client.received, expected, Timeout); // in order despite jitter
    QVERIFY2(sent.elapsed() >= 200, QByteArray::number(sent.elapsed()).constData());

    // A latency nobody waits out: the bytes are held by the proxy, and removing it lets them go.
    ProxyFault hour = fault(ProxyFault::Kind::Latency);
    hour.latency = 3600s;
    const int id = proxy.apply(hour).fault.id;
    upstream.last()->write("data: held\n\n");
    QTRY_VERIFY_WITH_TIMEOUT(proxy.connections().value(0).heldDownstream > 0, Timeout);
    QCOMPARE(client.received, expected);
    QVERIFY(proxy.removeFault(id));
    QTRY_COMPARE_WITH_TIMEOUT(client.received, expected + "data: held\n\n", Timeout);
    QCOMPARE(proxy.connections().value(0).heldDownstream, 0);
}

void TestFaultProxy::bandwidthLimits()
{
    TcpUpstream upstream;
    QVERIFY(upstream.listen());
    FaultProxy proxy;
    QVERIFY(proxy.start(relayTo(upstream.server.serverPort())));
    ProxyFault bandwidth = fault(ProxyFault::Kind::Bandwidth);
    bandwidth.bytesPerSecond = 20'000;
    QVERIFY(proxy.apply(bandwidth).isApplied());

    RawClient client(proxy.port());
    QTRY_VERIFY_WITH_TIMEOUT(upstream.last(), Timeout);
    const QByteArray payload(30'000, 'x');
    QElapsedTimer clock;
    clock.start();
    upstream.last()->write(payload);
    QTRY_COMPARE_WITH_TIMEOUT(client.received.size(), payload.size(), Timeout);
    // 30 kB at 20 kB/s with a 1 kB bucket: at least 1.45 s, however fast the machine.
    QVERIFY2(clock.elapsed() >= 1400, QByteArray::number(clock.elapsed()).constData());
    QCOMPARE(client.received, payload);
}

void TestFaultProxy::stallKeepsBothSocketsOpen()
{
    TcpUpstream upstream;
    QVERIFY(upstream.listen());
    FaultProxy proxy;
    QSignalSpy opened(&proxy, &FaultProxy::connectionOpened);
    QVERIFY(proxy.start(relayTo(upstream.server.serverPort())));
    RawClient client(proxy.port());
    QTRY_VERIFY_WITH_TIMEOUT(upstream.last(), Timeout);
    QTcpSocket *server = upstream.last();
    server->write("data: before\n\n");
    QTRY_COMPARE_WITH_TIMEOUT(client.received, QByteArray("data: before\n\n"), Timeout);

    const int connection = opened.at(0).at(0).value<ProxyConnectionInfo>().id;
    const int id = proxy.apply(fault(ProxyFault::Kind::Stall, connection)).fault.id;
    // The server keeps writing; nothing is read from it any more, so TCP backs its writes up in
    // its own buffer (the proxy holds at most one read's worth).
    const QByteArray block(256 * 1024, 'x');
    int written = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                while (server->bytesToWrite() < 4 * block.size() && written < 256) {
                    server->write(block);
                    ++written;
                }
                return server->bytesToWrite() >= 2 * block.size();
            }(),
            Timeout);
    QVERIFY(proxy.connections().value(0).heldDownstream <= 64 * 1024);
    QCOMPARE(client.received, QByteArray("data: before\n\n"));
    // The half-open case: both sockets are still connected.
    QCOMPARE(server->state(), QAbstractSocket::ConnectedState);
    QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
    QVERIFY(!client.closed);

    QVERIFY(proxy.removeFault(id));
    const qint64 total = QByteArray("data: before\n\n").size() + qint64(written) * block.size();
    QTRY_COMPARE_WITH_TIMEOUT(client.received.size(), total, Timeout);
}

void TestFaultProxy::stallCaughtByIdleTimeout()
{
    DemoServer server;
    DemoServer::Options serverOptions;
    serverOptions.intervalMs = 30;
    QVERIFY(server.start(serverOptions));
    QSignalSpy serverClients(&server, &DemoServer::clientConnected);
    FaultProxy proxy;
    QSignalSpy opened(&proxy, &FaultProxy::connectionOpened);
    QVERIFY(proxy.start(relayTo(server.port())));

    SseReader reader;
    SseReader::Request request = requestFor(relayUrl(proxy));
    request.idleTimeout = 1s;
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.events.size() >= 3, Timeout);
    QVERIFY(proxy.apply(fault(ProxyFault::Kind::Stall,
                              opened.at(0).at(0).value<ProxyConnectionInfo>().id))
                    .isApplied());
    // The server still has its client: the stall is invisible to it.
    QCOMPARE(server.clientCount(), 1);

    QTRY_COMPARE_WITH_TIMEOUT(recorder.errorCount(SseError::Kind::IdleTimeout), 1, Timeout);
    const QString lastSeen = lastEventIdOn(recorder, 1);
    // The second connection is not stalled: the stream resumes where the reader left off.
    QTRY_COMPARE_WITH_TIMEOUT(serverClients.size(), 2, Timeout);
    QCOMPARE(serverClients.at(1).at(1).toByteArray(), lastSeen.toUtf8());
    QCOMPARE(recorder.connectingIds.value(1), lastSeen);
    const int cutConnection = 1;
    QTRY_VERIFY_WITH_TIMEOUT(firstEventAfter(recorder, cutConnection) >= 0, Timeout);
    QCOMPARE(recorder.events.at(firstEventAfter(recorder, cutConnection)).lastEventId.toLongLong(),
             lastSeen.toLongLong() + 1);
}

void TestFaultProxy::cutAndReset_data()
{
#ifdef Q_OS_UNIX
    QTest::addColumn<ProxyFault::Kind>("kind");
    QTest::addColumn<int>("expected");
    QTest::addRow("cut: FIN both ways") << ProxyFault::Kind::Cut << int(PeerEnd::Fin);
    QTest::addRow("reset: RST both ways") << ProxyFault::Kind::Reset << int(PeerEnd::Reset);
#endif
}

void TestFaultProxy::cutAndReset()
{
#ifndef Q_OS_UNIX
    QSKIP("FIN and RST are told apart with recv()");
#else
    QFETCH(ProxyFault::Kind, kind);
    QFETCH(int, expected);
    DescriptorServer upstream;
    QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
    FaultProxy proxy;
    QSignalSpy triggered(&proxy, &FaultProxy::faultTriggered);
    QSignalSpy closed(&proxy, &FaultProxy::connectionClosed);
    QVERIFY(proxy.start(relayTo(upstream.serverPort())));
    const int client = connectRaw(proxy.port());
    QVERIFY(client >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(upstream.descriptors.size(), 1, Timeout);
    const int server = upstream.descriptors.at(0);
    QTRY_COMPARE_WITH_TIMEOUT(proxy.connections().size(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(proxy.connections().at(0).state, ProxyConnectionInfo::State::Open,
                              Timeout);
    QCOMPARE(peerEnd(client), PeerEnd::Open);
    QCOMPARE(peerEnd(server), PeerEnd::Open);

    const FaultProxy::ApplyResult result = proxy.apply(fault(kind));
    QVERIFY(result.isApplied());
    QCOMPARE(result.connections, QList<int> { 1 });
    QVERIFY(proxy.faults().isEmpty()); // an action, not a lasting fault
    // The first answer that is not "open" tells FIN from RST.
    PeerEnd clientEnd = PeerEnd::Open;
    PeerEnd serverEnd = PeerEnd::Open;
    const auto observe = [](int descriptor, PeerEnd &seen) {
        if (seen == PeerEnd::Open)
            seen = peerEnd(descriptor);
        return seen != PeerEnd::Open;
    };
    QTRY_VERIFY_WITH_TIMEOUT(observe(client, clientEnd), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(observe(server, serverEnd), Timeout);
    QCOMPARE(int(clientEnd), expected);
    QCOMPARE(int(serverEnd), expected);
    QCOMPARE(triggered.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, Timeout);
    ::close(client);
#endif
}

void TestFaultProxy::cutAndResetSeenByReader_data()
{
    QTest::addColumn<ProxyFault::Kind>("kind");
    QTest::addColumn<SseError::Kind>("error");
    // DemoServer's body ends with the connection, and in such a body Qt reports a RST like a FIN
    // (both are RemoteHostClosedError; see tst_hostilenetwork resetMidEvent): the reader sees a
    // clean end either way. cutAndReset() tells FIN from RST on the sockets themselves.
    QTest::addRow("cut") << ProxyFault::Kind::Cut << SseError::Kind::RemoteClosed;
    QTest::addRow("reset") << ProxyFault::Kind::Reset << SseError::Kind::RemoteClosed;
}

void TestFaultProxy::cutAndResetSeenByReader()
{
    QFETCH(ProxyFault::Kind, kind);
    QFETCH(SseError::Kind, error);
    DemoServer server;
    DemoServer::Options serverOptions;
    serverOptions.intervalMs = 30;
    QVERIFY(server.start(serverOptions));
    QSignalSpy serverClients(&server, &DemoServer::clientConnected);
    QSignalSpy serverGone(&server, &DemoServer::clientDisconnected);
    FaultProxy proxy;
    QVERIFY(proxy.start(relayTo(server.port())));
    SseReader reader;
    reader.setRequest(requestFor(relayUrl(proxy)));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.events.size() >= 3, Timeout);

    QVERIFY(proxy.apply(fault(kind)).isApplied());
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.errors.isEmpty(), Timeout);
    QCOMPARE(recorder.errors.at(0).kind, error);
    QTRY_VERIFY_WITH_TIMEOUT(!serverGone.isEmpty(), Timeout); // the server saw it too
    const QString lastSeen = lastEventIdOn(recorder, 1);
    QTRY_COMPARE_WITH_TIMEOUT(serverClients.size(), 2, Timeout);
    QCOMPARE(serverClients.at(1).at(1).toByteArray(), lastSeen.toUtf8());
    const int cutConnection = 1;
    QTRY_VERIFY_WITH_TIMEOUT(firstEventAfter(recorder, cutConnection) >= 0, Timeout);
    QCOMPARE(recorder.events.at(firstEventAfter(recorder, cutConnection)).lastEventId.toLongLong(),
             lastSeen.toLongLong() + 1);
}

void TestFaultProxy::cutMidEvent_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QList<QByteArray>>("body"); // written in separate pieces
    QTest::addColumn<QByteArray>("expectedBody");

    const QByteArray stream = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n";
    const QByteArray chunked = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                               "Transfer-Encoding: chunked\r\n\r\n";
    QTest::addRow("LF") << stream
                        << QList<QByteArray> { "retry: 10\n\n: ping\n\nid: 1\ndata: a\n\nid: 2\n" }
                        << QByteArray("retry: 10\n\n: ping\n\nid: 1\n");
    QTest::addRow("CRLF") << stream << QList<QByteArray> { "data: a\r\ndata: b\r\n\r\n" }
                          << QByteArray("data: a\r\n");
    QTest::addRow("CR") << stream << QList<QByteArray> { "event: x\rdata: b\r\r" }
                        << QByteArray("event: x\r");
    QTest::addRow("split line") << stream << QList<QByteArray> { ": c\n\nda", "ta: late", "\n\n" }
                                << QByteArray(": c\n\ndata: late\n");
    QTest::addRow("chunked") << chunked
                             << QList<QByteArray> { "6\r\n: a\n\n\r\n",
                                                    "f\r\nid: 7\ndata: x\n\n\r\n" }
                             << QByteArray("6\r\n: a\n\n\r\nf\r\nid: 7\n");
}

void TestFaultProxy::cutMidEvent()
{
    QFETCH(QByteArray, head);
    QFETCH(QList<QByteArray>, body);
    QFETCH(QByteArray, expectedBody);
    TcpUpstream upstream;
    QVERIFY(upstream.listen());
    FaultProxy proxy;
    QSignalSpy triggered(&proxy, &FaultProxy::faultTriggered);
    QVERIFY(proxy.start(relayTo(upstream.server.serverPort())));
    QVERIFY(proxy.apply(fault(ProxyFault::Kind::CutMidEvent)).isApplied());

    RawClient client(proxy.port());
    QTRY_VERIFY_WITH_TIMEOUT(upstream.last(), Timeout);
    QPointer<QTcpSocket> server = upstream.last();
    server->write(head);
    for (const QByteArray &piece : body) {
        server->write(piece);
        server->flush();
        // Each piece reaches the proxy on its own read.
        QTRY_VERIFY_WITH_TIMEOUT(client.closed || client.received.endsWith(piece), Timeout);
        if (client.closed)
            break;
    }
    QTRY_VERIFY_WITH_TIMEOUT(client.closed, Timeout);
    QCOMPARE(client.received, head + expectedBody);
    QTRY_VERIFY_WITH_TIMEOUT(!server || server->state() == QAbstractSocket::UnconnectedState,
                             Timeout); // the server sees the close
    QCOMPARE(triggered.size(), 1);
    QCOMPARE(triggered.at(0).at(0).value<ProxyFault>().kind, ProxyFault::Kind::CutMidEvent);
}

void TestFaultProxy::cutMidEventResumes()
{
    DemoServer server;
    DemoServer::Options serverOptions;
    serverOptions.intervalMs = 30;
    QVERIFY(server.start(serverOptions));
    QSignalSpy serverClients(&server, &DemoServer::clientConnected);
    FaultProxy proxy;
    QSignalSpy opened(&proxy, &FaultProxy::connectionOpened);
    QSignalSpy closed(&proxy, &FaultProxy::connectionClosed);
    QVERIFY(proxy.start(relayTo(server.port())));
    SseReader reader;
    reader.setRequest(requestFor(relayUrl(proxy)));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.events.size() >= 3, Timeout);

    // For the first connection only, so the reconnection is not cut in turn.
    const int first = opened.at(0).at(0).value<ProxyConnectionInfo>().id;
    QVERIFY(proxy.apply(fault(ProxyFault::Kind::CutMidEvent, first)).isApplied());
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.errors.isEmpty(), Timeout);
    QCOMPARE(recorder.errors.at(0).kind, SseError::Kind::RemoteClosed);
    QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, Timeout);
    QVERIFY2(closed.at(0).at(0).value<ProxyConnectionInfo>().closeReason.contains(u"mid-event"_s),
             qPrintable(closed.at(0).at(0).value<ProxyConnectionInfo>().closeReason));
    QVERIFY(proxy.faults().isEmpty()); // a fault for one connection ends with it

    // The half event (its id line, not its data) was never dispatched: the reader resumes with
    // the last complete event's id, and the server replays the cut one.
    const QString lastSeen = lastEventIdOn(recorder, 1);
    QTRY_COMPARE_WITH_TIMEOUT(serverClients.size(), 2, Timeout);
    QCOMPARE(serverClients.at(1).at(1).toByteArray(), lastSeen.toUtf8());
    const int cutConnection = 1;
    QTRY_VERIFY_WITH_TIMEOUT(firstEventAfter(recorder, cutConnection) >= 0, Timeout);
    QCOMPARE(recorder.events.at(firstEventAfter(recorder, cutConnection)).lastEventId.toLongLong(),
             lastSeen.toLongLong() + 1);
    const QList<qint64> ids = recorder.ids();
    for (qsizetype i = 1; i < ids.size(); ++i)
        QCOMPARE(ids.at(i), ids.at(i - 1) + 1); // no gap, no duplicate
}

void TestFaultProxy::cutMidEventNotInTunnel()
{
    TcpUpstream upstream;
    QVERIFY(upstream.listen());
    FaultProxy proxy;
    QSignalSpy changed(&proxy, &FaultProxy::connectionChanged);
    QVERIFY(proxy.start({}));
    RawClient client(proxy.port());
    client.socket.write("CONNECT 127.0.0.1:" + QByteArray::number(upstream.server.serverPort())
                        + " HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(client.received.startsWith("HTTP/1.1 200 "), Timeout);
    const int id = proxy.connections().value(0).id;
    const FaultProxy::ApplyResult result = proxy.apply(fault(ProxyFault::Kind::CutMidEvent, id));
    QCOMPARE(result.status, FaultProxy::ApplyResult::Status::NotApplicable);
    QVERIFY2(result.error.contains(u"tunnel"_s), qPrintable(result.error));
    // A tunnel relays bytes untouched, whatever they are.
    QTRY_VERIFY_WITH_TIMEOUT(upstream.last(), Timeout);
    client.socket.write("\x16\x03\x01 not really TLS");
    QTRY_COMPARE_WITH_TIMEOUT(upstream.received.value(upstream.last()),
                              QByteArray("\x16\x03\x01 not really TLS"), Timeout);
}

void TestFaultProxy::slicerKeepsEventsIntact()
{
    RawSseServer upstream([](QTcpSocket *socket, const RawRequest &, int) {
        QByteArray events;
        for (int i = 1; i <= 5; ++i)
            events += "id: " + QByteArray::number(i) + "\ndata: piece " + QByteArray::number(i)
                    + "\n\n";
        RawSseServer::respond(socket, RawSseServer::streamHead() + events, false);
    });
    QVERIFY(upstream.listen());
    FaultProxy proxy;
    QVERIFY(proxy.start(relayTo(upstream.port())));
    ProxyFault slicer = fault(ProxyFault::Kind::Slicer);
    slicer.maximumPieceBytes = 3;
    slicer.delay = 2ms;
    QVERIFY(proxy.apply(slicer).isApplied());

    SseReader reader;
    reader.setRequest(requestFor(relayUrl(proxy)));
    ReaderRecorder recorder(&reader);
    QElapsedTimer clock;
    clock.start();
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.size(), 5, Timeout);
    QVERIFY2(recorder.errors.isEmpty(), qPrintable(recorder.errorText()));
    QCOMPARE(recorder.data().constLast(), u"piece 5"_s);
    // At least (response bytes / 3) pieces, 2 ms apart.
    const qint64 bytes = proxy.connections().value(0).bytesDownstream;
    QVERIFY(bytes > 150);
    QVERIFY2(clock.elapsed() >= (bytes / 3 - 1) * 2,
             QByteArray::number(clock.elapsed()).constData());
}

void TestFaultProxy::closeAfterBytes_data()
{
    QTest::addColumn<ProxyFault::Direction>("direction");
    QTest::addRow("downstream") << ProxyFault::Direction::Downstream;
    QTest::addRow("upstream") << ProxyFault::Direction::Upstream;
}

void TestFaultProxy::closeAfterBytes()
{
    QFETCH(ProxyFault::Direction, direction);
    TcpUpstream upstream;
    QVERIFY(upstream.listen());
    FaultProxy proxy;
    QVERIFY(proxy.start(relayTo(upstream.server.serverPort())));
    ProxyFault limit =
            fault(ProxyFault::Kind::CloseAfterBytes, ProxyFault::AllConnections, direction);
    limit.bytes = 100;
    QVERIFY(proxy.apply(limit).isApplied());

    RawClient client(proxy.port());
    QTRY_VERIFY_WITH_TIMEOUT(upstream.last(), Timeout);
    QPointer<QTcpSocket> server = upstream.last();
    QTcpSocket *serverSocket = server;
    const QByteArray payload(1000, 'p');
    if (direction == ProxyFault::Direction::Downstream)
        server->write(payload);
    else
        client.socket.write(payload);
    QTRY_VERIFY_WITH_TIMEOUT(client.closed, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!server || server->state() == QAbstractSocket::UnconnectedState,
                             Timeout);
    if (direction == ProxyFault::Direction::Downstream)
        QCOMPARE(client.received, payload.left(100));
    else
        QCOMPARE(upstream.received.value(serverSocket), payload.left(100));
}

void TestFaultProxy::downRefusesNewConnections()
{
    DemoServer server;
    DemoServer::Options serverOptions;
    serverOptions.intervalMs = 30;
    QVERIFY(server.start(serverOptions));
    QSignalSpy serverClients(&server, &DemoServer::clientConnected);
    FaultProxy proxy;
    QSignalSpy downChanged(&proxy, &FaultProxy::downChanged);
    QVERIFY(proxy.start(relayTo(server.port())));

    SseReader connected; // open before the proxy goes down: it carries on
    connected.setRequest(requestFor(relayUrl(proxy)));
    ReaderRecorder connectedRecorder(&connected);
    connected.open();
    QTRY_VERIFY_WITH_TIMEOUT(connectedRecorder.events.size() >= 1, Timeout);

    const FaultProxy::ApplyResult down = proxy.apply(fault(ProxyFault::Kind::Down));
    QVERIFY(down.isApplied());
    QCOMPARE(downChanged.size(), 1);
    QVERIFY(!proxy.isListening());

    SseReader reader;
    reader.setRequest(requestFor(relayUrl(proxy)));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.errors.size() >= 2, Timeout);
    for (const SseError &error : std::as_const(recorder.errors))
        QCOMPARE(error.kind, SseError::Kind::ConnectionRefused);
    QCOMPARE(serverClients.size(), 1); // the server never heard of the refused attempts
    const qsizetype connectedBefore = connectedRecorder.events.size();
    QTRY_VERIFY_WITH_TIMEOUT(connectedRecorder.events.size() > connectedBefore, Timeout);

    QVERIFY(proxy.removeFault(down.fault.id));
    QVERIFY(proxy.isListening());
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.events.isEmpty(), Timeout);
    QCOMPARE(serverClients.size(), 2);
}

void TestFaultProxy::downExpires()
{
    FaultProxy proxy;
    QSignalSpy downChanged(&proxy, &FaultProxy::downChanged);
    QSignalSpy faultsChanged(&proxy, &FaultProxy::faultsChanged);
    QVERIFY(proxy.start({}));
    const quint16 port = proxy.port();
    ProxyFault down = fault(ProxyFault::Kind::Down);
    down.duration = 200ms;
    QVERIFY(proxy.apply(down).isApplied());
    QVERIFY(proxy.isDown());
    QTRY_COMPARE_WITH_TIMEOUT(downChanged.size(), 2, Timeout);
    QCOMPARE(downChanged.at(1).at(0).toBool(), false);
    QVERIFY(proxy.isListening());
    QCOMPARE(proxy.port(), port); // the same address and port again
    QVERIFY(proxy.faults().isEmpty());
    QCOMPARE(faultsChanged.size(), 2);
}

void TestFaultProxy::slowCloseDelaysFin()
{
    TcpUpstream upstream;
    QVERIFY(upstream.listen());
    FaultProxy proxy;
    QVERIFY(proxy.start(relayTo(upstream.server.serverPort())));
    ProxyFault slowClose = fault(ProxyFault::Kind::SlowClose);
    slowClose.delay = 400ms;
    QVERIFY(proxy.apply(slowClose).isApplied());

    RawClient client(proxy.port());
    QTRY_VERIFY_WITH_TIMEOUT(upstream.last(), Timeout);
    upstream.last()->write("data: last\n\n");
    upstream.last()->disconnectFromHost();
    QElapsedTimer clock;
    clock.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.received, QByteArray("data: last\n\n"), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(client.closed, Timeout);
    QVERIFY2(clock.elapsed() >= 390, QByteArray::number(clock.elapsed()).constData());
}

void TestFaultProxy::slowReceiverBoundsMemory()
{
    TcpUpstream upstream;
    QVERIFY(upstream.listen());
    FaultProxy proxy;
    FaultProxy::Options options = relayTo(upstream.server.serverPort());
    options.maximumBufferedBytes = 256 * 1024;
    QVERIFY(proxy.start(options));
    RawClient client(proxy.port());
    client.socket.setReadBufferSize(4096); // a client that reads almost nothing
    QObject::disconnect(&client.socket, &QTcpSocket::readyRead, nullptr, nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(upstream.last(), Timeout);
    QTcpSocket *server = upstream.last();
    const QByteArray block(256 * 1024, 'x');
    qint64 written = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                while (server->bytesToWrite() < 4 * block.size() && written < 512 * block.size()) {
                    server->write(block);
                    written += block.size();
                }
                return server->bytesToWrite() >= 2 * block.size();
            }(),
            Timeout);
    const ProxyConnectionInfo info = proxy.connections().value(0);
    // The limit, one read of 64 KiB, and one chunk in flight.
    QVERIFY2(info.heldDownstream <= options.maximumBufferedBytes + 2 * 64 * 1024,
             QByteArray::number(info.heldDownstream).constData());
    // Everything reaches the client once it reads again.
    client.socket.setReadBufferSize(0);
    QObject::connect(&client.socket, &QTcpSocket::readyRead, &client.socket,
                     [&client] { client.received += client.socket.readAll(); });
    client.received += client.socket.readAll();
    QTRY_COMPARE_WITH_TIMEOUT(qint64(client.received.size()), written, Timeout);
}

void TestFaultProxy::faultsAreScopedAndLive()
{
    TcpUpstream upstream;
    QVERIFY(upstream.listen());
    FaultProxy proxy;
    QSignalSpy faultsChanged(&proxy, &FaultProxy::faultsChanged);
    QSignalSpy changed(&proxy, &FaultProxy::connectionChanged);
    QVERIFY(proxy.start(relayTo(upstream.server.serverPort())));

    FaultProxy::ApplyResult result = proxy.apply(fault(ProxyFault::Kind::Stall, 42));
    QCOMPARE(result.status, FaultProxy::ApplyResult::Status::UnknownConnection);
    ProxyFault invalid = fault(ProxyFault::Kind::CutMidEvent);
    invalid.direction = ProxyFault::Direction::Upstream;
    QCOMPARE(proxy.apply(invalid).status, FaultProxy::ApplyResult::Status::Invalid);
    QCOMPARE(faultsChanged.size(), 0);

    const int all = proxy.apply(fault(ProxyFault::Kind::Stall)).fault.id;
    QCOMPARE(faultsChanged.size(), 1);
    auto first = std::make_unique<RawClient>(proxy.port());
    QTRY_COMPARE_WITH_TIMEOUT(proxy.connections().size(), 1, Timeout);
    const int id = proxy.connections().at(0).id;
    // A connection made after an all-connection fault gets it too.
    QCOMPARE(proxy.connections().at(0).faults.size(), 1);
    QCOMPARE(proxy.connections().at(0).faults.at(0).id, all);

    ProxyFault own = fault(ProxyFault::Kind::Latency, id);
    own.latency = 10ms;
    const int ownId = proxy.apply(own).fault.id;
    QCOMPARE(proxy.faults().size(), 2);
    QCOMPARE(proxy.connections().at(0).faults.size(), 2);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.constLast().at(0).value<ProxyConnectionInfo>().faults.size(), 2);
    QVERIFY(proxy.removeFault(all));
    QCOMPARE(proxy.connections().at(0).faults.size(), 1);
    QVERIFY(!proxy.removeFault(all));

    first.reset(); // the connection's own fault goes with it
    QTRY_VERIFY_WITH_TIMEOUT(proxy.faults().isEmpty(), Timeout);
    QCOMPARE(faultsChanged.constLast().at(0).value<QList<ProxyFault>>().size(), 0);
    Q_UNUSED(ownId);
    QCOMPARE(proxy.clearFaults(), 0);
}

void TestFaultProxy::upstreamNeverGoesThroughTheSystemProxy()
{
    // Qt's sockets take the system proxy by default. With http_proxy naming the fault proxy
    // itself, each upstream connection came back to it as a CONNECT, which opened another one.
    FaultProxy proxy;
    FaultProxy::Options options;
    options.connectTimeout = 300ms; // .invalid may take long to fail here; a 504 is just as good
    QVERIFY(proxy.start(options));
    const QByteArray previous = qgetenv("http_proxy");
    qputenv("http_proxy", "http://127.0.0.1:" + QByteArray::number(proxy.port()) + '/');
    QSignalSpy opened(&proxy, &FaultProxy::connectionOpened);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, proxy.port());
    QVERIFY(client.waitForConnected(Timeout));
    client.write("GET http://sse-scope-test.invalid/stream HTTP/1.1\r\n"
                 "Host: sse-scope-test.invalid\r\n\r\n");
    QByteArray response;
    QTRY_VERIFY_WITH_TIMEOUT((response += client.readAll()).contains("\r\n\r\n"), Timeout);
    qputenv("http_proxy", previous);
    QVERIFY2(response.startsWith("HTTP/1.1 502") || response.startsWith("HTTP/1.1 504"),
             response.constData());
    QCOMPARE(opened.size(), 1);
}

QTEST_GUILESS_MAIN(TestFaultProxy)
#include "tst_faultproxy.moc"
