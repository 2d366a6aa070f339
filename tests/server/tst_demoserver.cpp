// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <memory>
#include <zlib.h>

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "demoserver.h"
#include "sseparser.h"

using namespace Qt::StringLiterals;

namespace {

constexpr int Timeout = 10000;

// A hand-driven HTTP client: writes raw request bytes and keeps everything that comes back,
// so the tests see the exact wire format (status line, headers, SSE body).
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket,
                         [this] { m_received += m_socket.readAll(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, &m_socket,
                         [this] { m_closed = true; });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

    void send(const QByteArray &bytes) { m_socket.write(bytes); }
    void get(const QByteArray &target, const QByteArray &extraHeaders = {})
    {
        send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
             + extraHeaders + "\r\n");
    }
    void abort() { m_socket.abort(); }

    /// Closed by the peer, or never connected (e.g. refused because the server stopped).
    bool isClosed() const
    {
        return m_closed || m_socket.state() == QAbstractSocket::UnconnectedState;
    }
    const QByteArray &received() const { return m_received; }
    bool hasHead() const { return m_received.contains("\r\n\r\n"); }
    QByteArray head() const { return m_received.left(m_received.indexOf("\r\n\r\n") + 2); }
    QByteArray body() const
    {
        const qsizetype end = m_received.indexOf("\r\n\r\n");
        return end < 0 ? QByteArray() : m_received.mid(end + 4);
    }
    int status() const
    {
        const QList<QByteArray> parts = m_received.left(m_received.indexOf("\r\n")).split(' ');
        return parts.size() >= 2 ? parts.at(1).toInt() : 0;
    }
    /// The value of a response header (case-insensitive name); null if absent.
    QByteArray header(const QByteArray &name) const
    {
        const QList<QByteArray> lines = head().split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
    QList<SseEvent> events() const
    {
        SseParser parser;
        return parser.feed(body());
    }
    QList<qint64> ids() const
    {
        QList<qint64> result;
        for (const SseEvent &event : events())
            result << event.lastEventId.toLongLong();
        return result;
    }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
    bool m_closed = false;
};

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

QList<qint64> range(qint64 first, qint64 last)
{
    QList<qint64> result;
    for (qint64 id = first; id <= last; ++id)
        result << id;
    return result;
}

// Inflates as much of a gzip stream as has arrived (the server sync-flushes every write).
QByteArray gunzipSoFar(const QByteArray &compressed)
{
    z_stream stream = {};
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        return {};
    QByteArray out(1024 * 1024, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    stream.avail_in = uInt(compressed.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    inflate(&stream, Z_SYNC_FLUSH);
    out.resize(out.size() - stream.avail_out);
    inflateEnd(&stream);
    return out;
}

DemoServer::Options fastOptions(int intervalMs = 30)
{
    DemoServer::Options options;
    options.intervalMs = intervalMs;
    return options;
}

} // namespace

class TestDemoServer : public QObject
{
    Q_OBJECT
private slots:
    void startsOnFreeLoopbackPort();
    void startFailures();
    void streamHeadersAndEvents();
    void idsSharedAcrossClients();
    void lastEventIdReplaysMissedEvents_data();
    void lastEventIdReplaysMissedEvents();
    void idsContiguousPerChannel();
    void resumeAfterRestartContinues_data();
    void resumeAfterRestartContinues();
    void resumeIntoNewChannelTakesLargestId();
    void replayBoundedByCapacity();
    void retryAnnounced();
    void dropEveryClosesAfterN();
    void stallAfterStopsSending();
    void heartbeatComments();
    void payloads_data();
    void payloads();
    void eventTypesRotate();
    void burst();
    void firehosePausesWithoutClients();
    void errorStatus_data();
    void errorStatus();
    void wrongContentType();
    void badRequests_data();
    void badRequests();
    void indexPage();
    void requestReceivedCarriesBody();
    void severalClients();
    void disconnectCleanedUp();
    void stopClosesClients();
    void stopFromSlots_data();
    void stopFromSlots();
    void payloadNames();
    void resumeModes_data();
    void resumeModes();
    void holdSendsEventsTogether();
    void firstByteDelayHoldsTheBody();
    void gzipStream();
    void proxyBufferingDropsTheHeader();
};

void TestDemoServer::startsOnFreeLoopbackPort()
{
    DemoServer server;
    QVERIFY(!server.isListening());
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QVERIFY(server.isListening());
    QVERIFY(server.port() != 0);
    QCOMPARE(server.address(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(server.baseUrl(), QUrl(u"http://127.0.0.1:%1/"_s.arg(server.port())));
    QCOMPARE(server.streamUrl(), QUrl(u"http://127.0.0.1:%1/stream"_s.arg(server.port())));
    QCOMPARE(server.streamUrl(QUrlQuery(u"dropEvery=3&retry=100"_s)),
             QUrl(u"http://127.0.0.1:%1/stream?dropEvery=3&retry=100"_s.arg(server.port())));
    QCOMPARE(server.options().intervalMs, 1000);
    QCOMPARE(server.clientCount(), 0);
    server.stop();
    QVERIFY(!server.isListening());
}

void TestDemoServer::startFailures()
{
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost));
    DemoServer server;
    DemoServer::Options options;
    options.port = occupier.serverPort();
    QVERIFY(!server.start(options));
    QVERIFY(!server.errorString().isEmpty());
    QVERIFY(!server.isListening());

    options.port = 0;
    options.intervalMs = -1;
    QVERIFY(!server.start(options));
    QVERIFY(server.errorString().contains(u"interval"_s));
    options.intervalMs = 100;
    options.status = 42;
    QVERIFY(!server.start(options));
    options.status = 200;
    QVERIFY2(server.start(options), qPrintable(server.errorString()));
    QVERIFY(server.errorString().isEmpty());
}

void TestDemoServer::streamHeadersAndEvents()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    QSignalSpy connected(&server, &DemoServer::clientConnected);
    RawClient client(server.port());
    client.get("/stream");
    QTRY_VERIFY_WITH_TIMEOUT(client.events().size() >= 3, Timeout);

    QVERIFY(client.received().startsWith("HTTP/1.1 200 OK\r\n"));
    QCOMPARE(client.header("Content-Type"), QByteArray("text/event-stream; charset=utf-8"));
    QCOMPARE(client.header("Cache-Control"), QByteArray("no-cache"));
    QCOMPARE(client.header("Connection"), QByteArray("keep-alive"));
    QCOMPARE(client.header("Access-Control-Allow-Origin"), QByteArray("*"));
    QVERIFY(client.header("Content-Length").isNull());

    const QList<SseEvent> events = client.events();
    qint64 previous = 0;
    for (const SseEvent &event : events) {
        QVERIFY(event.hasId);
        QCOMPARE(event.type, u"message"_s);
        const qint64 id = event.lastEventId.toLongLong();
        QVERIFY2(id > previous, qPrintable(event.lastEventId));
        previous = id;
        // ISO 8601 UTC with milliseconds, e.g. 2026-01-02T03:04:05.678Z
        const QDateTime time = QDateTime::fromString(event.data, Qt::ISODateWithMs);
        QVERIFY2(time.isValid() && event.data.endsWith(u'Z') && event.data.size() == 24,
                 qPrintable(event.data));
    }
    QVERIFY(server.lastEventIdSent() >= previous);
    QCOMPARE(connected.size(), 1);
    QCOMPARE(connected.at(0).at(0).toString(), u"/stream"_s);
    QCOMPARE(server.clientCount(), 1);
}

void TestDemoServer::idsSharedAcrossClients()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    RawClient first(server.port());
    RawClient second(server.port());
    first.get("/stream");
    second.get("/stream?retry=10"); // a per-connection knob does not create a separate stream
    QTRY_VERIFY_WITH_TIMEOUT(first.events().size() >= 4 && second.events().size() >= 4, Timeout);
    // One channel fanned out: both see the same ids for the same events.
    const QList<qint64> firstIds = first.ids();
    const QList<qint64> secondIds = second.ids();
    const qint64 common = std::max(firstIds.constFirst(), secondIds.constFirst());
    QVERIFY(firstIds.contains(common + 1) && secondIds.contains(common + 1));
    const auto dataFor = [](const RawClient &client, qint64 id) {
        for (const SseEvent &event : client.events())
            if (event.lastEventId.toLongLong() == id)
                return event.data;
        return QString();
    };
    QCOMPARE(dataFor(first, common + 1), dataFor(second, common + 1));
}

void TestDemoServer::lastEventIdReplaysMissedEvents_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::newRow("default-channel") << QByteArray("/stream");
    QTest::newRow("custom-channel") << QByteArray("/stream?interval=20&payload=json");
    QTest::newRow("custom-channel-per-connection-knob")
            << QByteArray("/stream?interval=20&payload=json&retry=5000");
}

void TestDemoServer::lastEventIdReplaysMissedEvents()
{
    QFETCH(QByteArray, target);
    DemoServer server;
    QVERIFY(server.start(fastOptions(20)));

    qint64 lastSeen = 0;
    {
        RawClient client(server.port());
        client.get(target);
        QTRY_VERIFY_WITH_TIMEOUT(client.events().size() >= 3, Timeout);
        lastSeen = client.ids().at(2);
        client.abort();
    }
    QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), 0, Timeout);
    // Let events happen while nobody listens.
    const qsizetype questionMark = target.indexOf('?');
    const QUrlQuery query(questionMark < 0 ? QString()
                                           : QString::fromLatin1(target.mid(questionMark + 1)));
    const qint64 goneAt = server.lastEventIdSent(query);
    QVERIFY(goneAt >= lastSeen);
    QTRY_VERIFY_WITH_TIMEOUT(server.lastEventIdSent(query) >= goneAt + 10, Timeout);
    const qint64 resumeAt = server.lastEventIdSent(query);

    RawClient resumed(server.port());
    resumed.get(target, "Last-Event-ID: " + QByteArray::number(lastSeen) + "\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(resumed.ids().size() >= 10, Timeout);
    // Every channel has its own sequence, so the ids are exactly consecutive: the replay of
    // what was missed, then the live events, nothing lost or repeated.
    const QList<qint64> ids = resumed.ids();
    QCOMPARE(ids, range(lastSeen + 1, lastSeen + ids.size()));
    QVERIFY(ids.size() >= resumeAt - lastSeen);
    for (const SseEvent &event : resumed.events()) {
        if (!target.contains("payload=json"))
            break;
        const QJsonObject object = QJsonDocument::fromJson(event.data.toUtf8()).object();
        QCOMPARE(object.value(u"n"_s).toInteger(), event.lastEventId.toLongLong());
    }
}

void TestDemoServer::idsContiguousPerChannel()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions(20)));
    // Three channels tick at once; with one server-wide counter each would see gaps
    // (e.g. 201, 202, 204, 206), exactly what a client must read as lost events.
    RawClient slow(server.port());
    RawClient fast(server.port());
    RawClient plain(server.port());
    slow.get("/stream?interval=30");
    fast.get("/stream?interval=10&payload=json");
    plain.get("/stream");
    QTRY_VERIFY_WITH_TIMEOUT(slow.ids().size() >= 10 && fast.ids().size() >= 10
                                     && plain.ids().size() >= 10,
                             Timeout);
    for (const RawClient *client : { &slow, &fast, &plain }) {
        const QList<qint64> ids = client->ids();
        QCOMPARE(ids, range(ids.constFirst(), ids.constFirst() + ids.size() - 1));
    }
    // A channel that started with its first client numbers from 1.
    QCOMPARE(slow.ids().constFirst(), 1);
    QCOMPARE(fast.ids().constFirst(), 1);
    QVERIFY(server.lastEventIdSent(QUrlQuery(u"interval=30"_s)) >= slow.ids().constLast());
    QVERIFY(server.lastEventIdSent(QUrlQuery(u"interval=10&payload=json&dropEvery=4"_s))
            >= fast.ids().constLast());
    QCOMPARE(server.lastEventIdSent(QUrlQuery(u"interval=31"_s)), 0); // no such channel
    QCOMPARE(server.lastEventIdSent(QUrlQuery(u"interval=x"_s)), 0); // invalid
}

void TestDemoServer::resumeAfterRestartContinues_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<bool>("eventsBeforeResume");
    QTest::newRow("default-channel") << QByteArray("/stream") << true;
    QTest::newRow("custom-channel") << QByteArray("/stream?interval=20&payload=json") << false;
    QTest::newRow("custom-channel-after-default-ran")
            << QByteArray("/stream?event=tick,tock") << true;
}

// The GUI's demo dialog Apply restarts the server; a client that resumes with Last-Event-ID N
// must then see N + 1, not 1 (backwards) and not whatever the new run made meanwhile (a gap).
void TestDemoServer::resumeAfterRestartContinues()
{
    QFETCH(QByteArray, target);
    QFETCH(bool, eventsBeforeResume);
    DemoServer server;
    QVERIFY(server.start(fastOptions(20)));
    qint64 lastSeen = 0;
    {
        RawClient client(server.port());
        client.get(target);
        QTRY_VERIFY_WITH_TIMEOUT(client.ids().size() >= 3, Timeout);
        lastSeen = client.ids().constLast();
    }
    // Push the old run's ids well past anything the new run reaches during the test.
    lastSeen += 1000;
    const quint16 port = server.port();
    server.stop();
    DemoServer::Options options = fastOptions(20);
    options.port = port;
    QVERIFY2(server.start(options), qPrintable(server.errorString()));
    if (eventsBeforeResume) // the default channel produces for nobody while the client is away
        QTRY_VERIFY_WITH_TIMEOUT(server.lastEventIdSent() >= 3, Timeout);

    RawClient resumed(server.port());
    resumed.get(target, "Last-Event-ID: " + QByteArray::number(lastSeen) + "\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(resumed.ids().size() >= 5, Timeout);
    const QList<qint64> ids = resumed.ids();
    QCOMPARE(ids, range(lastSeen + 1, lastSeen + ids.size()));
    if (target.contains("payload=json")) {
        const QJsonObject object =
                QJsonDocument::fromJson(resumed.events().constFirst().data.toUtf8()).object();
        QCOMPARE(object.value(u"n"_s).toInteger(), lastSeen + 1);
    }

    // A fresh client now joins the same, continued sequence; an older Last-Event-ID replays
    // from the continued buffer; one from yet another run no longer moves it.
    RawClient fresh(server.port());
    fresh.get(target);
    RawClient older(server.port());
    older.get(target, "Last-Event-ID: " + QByteArray::number(lastSeen + 1) + "\r\n");
    RawClient ahead(server.port());
    ahead.get(target, "Last-Event-ID: " + QByteArray::number(lastSeen + 5000) + "\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(
            fresh.ids().size() >= 2 && older.ids().size() >= 2 && ahead.ids().size() >= 2, Timeout);
    QVERIFY(fresh.ids().constFirst() > lastSeen + 1);
    QCOMPARE(older.ids().mid(0, 2), range(lastSeen + 2, lastSeen + 3));
    QVERIFY(ahead.ids().constFirst() < lastSeen + 5000);
}

void TestDemoServer::resumeIntoNewChannelTakesLargestId()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions(60'000)));
    // Both arrive before the new channel's first tick: the larger id wins, so neither client
    // ever sees an id at or below one it already has.
    RawClient first(server.port());
    RawClient second(server.port());
    first.get("/stream?interval=1000", "Last-Event-ID: 70\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), 1, Timeout);
    second.get("/stream?interval=1000", "Last-Event-ID: 90\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), 2, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(first.ids().size() >= 2 && second.ids().size() >= 2, Timeout);
    QCOMPARE(first.ids().mid(0, 2), range(91, 92));
    QCOMPARE(second.ids().mid(0, 2), range(91, 92));

    // A non-numeric Last-Event-ID moves nothing.
    RawClient named(server.port());
    named.get("/stream?interval=20", "Last-Event-ID: abc\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(named.ids().size() >= 2, Timeout);
    QCOMPARE(named.ids().mid(0, 2), range(1, 2));
}

void TestDemoServer::replayBoundedByCapacity()
{
    DemoServer server;
    DemoServer::Options options = fastOptions(20);
    options.replayCapacity = 3;
    QVERIFY(server.start(options));
    QTRY_VERIFY_WITH_TIMEOUT(server.lastEventIdSent() >= 10, Timeout);
    RawClient client(server.port());
    client.get("/stream", "Last-Event-ID: 1\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(client.ids().size() >= 3, Timeout);
    const QList<qint64> ids = client.ids();
    // Only the newest three survived; the first replayed one is far beyond id 2.
    QVERIFY2(ids.constFirst() >= 8, qPrintable(QString::number(ids.constFirst())));
    QCOMPARE(ids.mid(0, 3), range(ids.constFirst(), ids.constFirst() + 2));
}

void TestDemoServer::retryAnnounced()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    RawClient client(server.port());
    client.get("/stream?retry=1234");
    QTRY_VERIFY_WITH_TIMEOUT(client.events().size() >= 1, Timeout);
    QVERIFY(client.body().startsWith("retry: 1234\n\n"));
    SseParser parser;
    RecordingSink sink;
    parser.feed(client.body(), sink);
    QCOMPARE(sink.retries, QList<qint64> { 1234 });

    // Without the knob there is no retry: line at all.
    RawClient plain(server.port());
    plain.get("/stream");
    QTRY_VERIFY_WITH_TIMEOUT(plain.events().size() >= 1, Timeout);
    QVERIFY(!plain.body().contains("retry:"));
}

void TestDemoServer::dropEveryClosesAfterN()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions(20)));
    QSignalSpy disconnected(&server, &DemoServer::clientDisconnected);
    RawClient client(server.port());
    client.get("/stream?dropEvery=3");
    QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), Timeout);
    QCOMPARE(client.events().size(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, Timeout);
    QCOMPARE(server.clientCount(), 0);

    // Resuming from the last id after a drop gives the next events, again at most three.
    const qint64 last = client.ids().constLast();
    RawClient next(server.port());
    next.get("/stream?dropEvery=3", "Last-Event-ID: " + QByteArray::number(last) + "\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(next.isClosed(), Timeout);
    QCOMPARE(next.ids(), range(last + 1, last + 3));
}

void TestDemoServer::stallAfterStopsSending()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions(20)));
    RawClient client(server.port());
    client.get("/stream?stallAfter=2&heartbeat=20");
    QTRY_COMPARE_WITH_TIMEOUT(client.events().size(), 2, Timeout);
    // Nothing is written after the second event, and TCP keeps order, so this is final.
    const QByteArray atStall = client.body();
    const qint64 stalledAt = server.lastEventIdSent();
    QTRY_VERIFY_WITH_TIMEOUT(server.lastEventIdSent() >= stalledAt + 10, Timeout);
    QCOMPARE(client.events().size(), 2);
    QCOMPARE(client.body(), atStall); // stalled means silent: no heartbeat comments either
    QVERIFY(!client.isClosed());
    QCOMPARE(server.clientCount(), 1);
}

void TestDemoServer::heartbeatComments()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions(60'000))); // no events during the test: only heartbeats
    RawClient client(server.port());
    client.get("/stream?heartbeat=20");
    QTRY_VERIFY_WITH_TIMEOUT(client.body().count(": heartbeat\n") >= 3, Timeout);
    SseParser parser;
    RecordingSink sink;
    parser.feed(client.body(), sink);
    QVERIFY(sink.events.isEmpty());
    QVERIFY(sink.comments.size() >= 3);
    QCOMPARE(sink.comments.constFirst(), u" heartbeat"_s);
}

void TestDemoServer::payloads_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QString>("kind");
    QTest::newRow("timestamp") << QByteArray("payload=timestamp") << u"timestamp"_s;
    QTest::newRow("json") << QByteArray("payload=json") << u"json"_s;
    QTest::newRow("tokens") << QByteArray("payload=tokens") << u"tokens"_s;
    QTest::newRow("large-5000") << QByteArray("payload=large&bytes=5000") << u"large"_s;
    QTest::newRow("large-3") << QByteArray("payload=LARGE&bytes=3") << u"large"_s;
}

void TestDemoServer::payloads()
{
    QFETCH(QByteArray, query);
    QFETCH(QString, kind);
    DemoServer server;
    QVERIFY(server.start(fastOptions(60'000)));
    RawClient client(server.port());
    client.get("/stream?interval=10&" + query);
    QTRY_VERIFY_WITH_TIMEOUT(client.events().size() >= 5, Timeout);
    const QList<SseEvent> events = client.events();
    QStringList tokens;
    for (const SseEvent &event : events) {
        QVERIFY(event.hasId);
        if (kind == u"timestamp"_s) {
            QVERIFY(QDateTime::fromString(event.data, Qt::ISODateWithMs).isValid());
        } else if (kind == u"json"_s) {
            QJsonParseError error;
            const QJsonObject object =
                    QJsonDocument::fromJson(event.data.toUtf8(), &error).object();
            QCOMPARE(error.error, QJsonParseError::NoError);
            QCOMPARE(object.value(u"n"_s).toInteger(), event.lastEventId.toLongLong());
            QVERIFY(QDateTime::fromString(object.value(u"time"_s).toString(), Qt::ISODateWithMs)
                            .isValid());
        } else if (kind == u"tokens"_s) {
            QVERIFY(!event.data.isEmpty());
            tokens << event.data;
        } else {
            const int bytes = query.endsWith("=3") ? 3 : 5000;
            QCOMPARE(event.data.size(), bytes);
            for (QChar c : event.data)
                QVERIFY(c.unicode() >= 0x20 && c.unicode() < 0x7f);
        }
    }
    if (kind == u"tokens"_s)
        QVERIFY(tokens.join(QString()).startsWith(u"Server-sent events stream"_s));
}

void TestDemoServer::eventTypesRotate()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    RawClient client(server.port());
    client.get("/stream?event=tick,tock");
    QTRY_VERIFY_WITH_TIMEOUT(client.events().size() >= 4, Timeout);
    const QList<SseEvent> events = client.events();
    for (qsizetype i = 1; i < events.size(); ++i) {
        QVERIFY(events.at(i).type == u"tick"_s || events.at(i).type == u"tock"_s);
        QVERIFY(events.at(i).type != events.at(i - 1).type);
    }

    // The server-wide option applies to /stream without a query.
    DemoServer named;
    DemoServer::Options options = fastOptions();
    options.eventType = u"update"_s;
    QVERIFY(named.start(options));
    RawClient plain(named.port());
    plain.get("/stream");
    QTRY_VERIFY_WITH_TIMEOUT(plain.events().size() >= 1, Timeout);
    QCOMPARE(plain.events().constFirst().type, u"update"_s);
    QVERIFY(plain.body().startsWith("event: update\nid: 1\ndata: "));
}

void TestDemoServer::burst()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions(60'000)));
    RawClient client(server.port());
    client.get("/stream?interval=50&burst=25&payload=json");
    QTRY_VERIFY_WITH_TIMEOUT(client.events().size() >= 50, Timeout);
    const QList<qint64> ids = client.ids();
    QCOMPARE(ids, range(ids.constFirst(), ids.constFirst() + ids.size() - 1));
}

void TestDemoServer::firehosePausesWithoutClients()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions(0)));
    // Zero-interval timers fire on every pass, so a few passes would show any production.
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents();
    QCOMPARE(server.lastEventIdSent(), 0);

    RawClient client(server.port());
    client.get("/stream?burst=50");
    QTRY_VERIFY_WITH_TIMEOUT(client.ids().size() >= 500, Timeout);
    const QList<qint64> ids = client.ids();
    QCOMPARE(ids, range(1, ids.size())); // lossless from the first event on
    client.abort();
    QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), 0, Timeout);
    const qint64 paused = server.lastEventIdSent();
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents();
    QCOMPARE(server.lastEventIdSent(), paused);
}

void TestDemoServer::errorStatus_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::newRow("500") << QByteArray("status=500") << 500 << QByteArray();
    QTest::newRow("404") << QByteArray("status=404") << 404 << QByteArray();
    QTest::newRow("503-retry-after")
            << QByteArray("status=503&retryAfter=7") << 503 << QByteArray("7");
    QTest::newRow("429") << QByteArray("status=429&retryAfter=0") << 429 << QByteArray("0");
    QTest::newRow("204") << QByteArray("status=204") << 204 << QByteArray();
}

void TestDemoServer::errorStatus()
{
    QFETCH(QByteArray, query);
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    RawClient client(server.port());
    client.get("/stream?" + query);
    QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), Timeout);
    QCOMPARE(client.status(), status);
    QCOMPARE(client.header("Retry-After"), retryAfter);
    if (status == 204) {
        QVERIFY(client.received().startsWith("HTTP/1.1 204 No Content\r\n"));
        QVERIFY(client.body().isEmpty());
    } else {
        QVERIFY(client.header("Content-Type").startsWith("text/plain"));
        QCOMPARE(client.header("Content-Length").toInt(), client.body().size());
        QVERIFY(client.body().contains(QByteArray::number(status)));
    }
    QCOMPARE(server.clientCount(), 0);
}

void TestDemoServer::wrongContentType()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    RawClient client(server.port());
    client.get("/stream?contentType=text%2Fhtml");
    QTRY_VERIFY_WITH_TIMEOUT(client.events().size() >= 1, Timeout);
    QCOMPARE(client.status(), 200);
    QCOMPARE(client.header("Content-Type"), QByteArray("text/html"));

    RawClient missing(server.port());
    missing.get("/stream?contentType=");
    QTRY_VERIFY_WITH_TIMEOUT(missing.events().size() >= 1, Timeout);
    QVERIFY(missing.header("Content-Type").isNull());
}

void TestDemoServer::badRequests_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::newRow("unknown-path") << QByteArray("GET /nope HTTP/1.1\r\nHost: x\r\n\r\n") << 404;
    QTest::newRow("garbage") << QByteArray("GARBAGE\r\n\r\n") << 400;
    QTest::newRow("two-words") << QByteArray("GET /stream\r\n\r\n") << 400;
    QTest::newRow("no-slash") << QByteArray("GET stream HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("bad-header") << QByteArray("GET /stream HTTP/1.1\r\nno colon here\r\n\r\n")
                                << 400;
    QTest::newRow("folded-header")
            << QByteArray("GET /stream HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << 400;
    QTest::newRow("bad-length") << QByteArray("POST /stream HTTP/1.1\r\nContent-Length: x\r\n\r\n")
                                << 400;
    QTest::newRow("chunked") << QByteArray(
            "POST /stream HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                             << 501;
    QTest::newRow("http2") << QByteArray("GET /stream HTTP/2.0\r\n\r\n") << 505;
    // The shared parser accepts a proxy's target forms; the demo server serves only its own.
    QTest::newRow("absolute-target")
            << QByteArray("GET http://127.0.0.1/stream HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("connect") << QByteArray("CONNECT 127.0.0.1:1 HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("cr-in-value") << QByteArray("GET /stream HTTP/1.1\r\nA: b\rc\r\n\r\n") << 400;
    QTest::newRow("body-too-large")
            << QByteArray("POST /stream HTTP/1.1\r\nContent-Length: 1048577\r\n\r\n") << 413;
    QTest::newRow("bad-interval") << QByteArray("GET /stream?interval=abc HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("negative-retry") << QByteArray("GET /stream?retry=-5 HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("bad-payload") << QByteArray("GET /stream?payload=video HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("bad-status") << QByteArray("GET /stream?status=99 HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("zero-burst") << QByteArray("GET /stream?burst=0 HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("injected-type")
            << QByteArray("GET /stream?contentType=a%0D%0AX-Evil:%201 HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("huge-header") << QByteArray(
            "GET /stream HTTP/1.1\r\nX-Big: " + QByteArray(70 * 1024, 'a') + "\r\n\r\n")
                                 << 431;
    QTest::newRow("endless-header")
            << QByteArray("GET /stream HTTP/1.1\r\nX-Big: " + QByteArray(70 * 1024, 'a')) << 431;
}

void TestDemoServer::badRequests()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    QSignalSpy connected(&server, &DemoServer::clientConnected);
    RawClient client(server.port());
    client.send(request);
    QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), Timeout);
    QCOMPARE(client.status(), status);
    QCOMPARE(client.header("Content-Length").toInt(), client.body().size());
    QVERIFY(!client.body().isEmpty());
    QCOMPARE(connected.size(), 0);
    QCOMPARE(server.clientCount(), 0);
}

void TestDemoServer::indexPage()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    RawClient client(server.port());
    client.get("/");
    QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), Timeout);
    QCOMPARE(client.status(), 200);
    QCOMPARE(client.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
    QCOMPARE(client.header("Content-Length").toInt(), client.body().size());
    QVERIFY(client.body().startsWith("<!DOCTYPE html>"));
    QVERIFY(client.body().contains("new EventSource("));
    QVERIFY(client.body().contains("\"/stream\""));
    // Self-contained: no external scripts, styles or images.
    QVERIFY(!client.body().contains("src="));
    QVERIFY(!client.body().contains("href="));
}

void TestDemoServer::requestReceivedCarriesBody()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    QSignalSpy requests(&server, &DemoServer::requestReceived);
    RawClient client(server.port());
    // The body arrives in a separate write: the server must wait for Content-Length bytes.
    client.send("POST /stream?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Token: abc\r\nContent-Length: "
                "11\r\n\r\nhello");
    QTRY_VERIFY_WITH_TIMEOUT(server.lastEventIdSent() >= 2, Timeout);
    QCOMPARE(requests.size(), 0);
    client.send(" world");
    QTRY_COMPARE_WITH_TIMEOUT(requests.size(), 1, Timeout);
    QCOMPARE(requests.at(0).at(0).toByteArray(), QByteArray("POST"));
    QCOMPARE(requests.at(0).at(1).toByteArray(), QByteArray("/stream?x=1"));
    const auto headers = requests.at(0).at(2).value<QList<std::pair<QByteArray, QByteArray>>>();
    QVERIFY(headers.contains(std::pair(QByteArray("X-Token"), QByteArray("abc"))));
    QCOMPARE(requests.at(0).at(3).toByteArray(), QByteArray("hello world"));
    // Any method streams.
    QTRY_VERIFY_WITH_TIMEOUT(client.events().size() >= 1, Timeout);
    QCOMPARE(client.status(), 200);
}

void TestDemoServer::severalClients()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < 8; ++i) {
        clients.push_back(std::make_unique<RawClient>(server.port()));
        clients.back()->get(i % 2 ? "/stream" : "/stream?payload=json&interval=25");
    }
    QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), 8, Timeout);
    for (const auto &client : clients)
        QTRY_VERIFY_WITH_TIMEOUT(client->events().size() >= 3, Timeout);
}

void TestDemoServer::disconnectCleanedUp()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions(10)));
    QSignalSpy disconnected(&server, &DemoServer::clientDisconnected);
    RawClient a(server.port());
    RawClient b(server.port());
    RawClient c(server.port());
    for (RawClient *client : { &a, &b, &c })
        client->get("/stream");
    QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), 3, Timeout);
    a.abort();
    b.abort();
    QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), 1, Timeout);
    QCOMPARE(disconnected.size(), 2);
    // The server keeps generating and the survivor keeps receiving.
    const qsizetype before = c.events().size();
    QTRY_VERIFY_WITH_TIMEOUT(c.events().size() >= before + 5, Timeout);
    QVERIFY(!c.isClosed());

    // A client that goes away before finishing its request is not a stream client at all.
    {
        RawClient partial(server.port());
        partial.send("GET /stream HTTP/1.1\r\nHost");
        QTRY_VERIFY_WITH_TIMEOUT(server.lastEventIdSent() >= 1, Timeout);
        partial.abort();
    }
    QCOMPARE(server.clientCount(), 1);
    QCOMPARE(disconnected.size(), 2);
}

void TestDemoServer::stopClosesClients()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    QSignalSpy disconnected(&server, &DemoServer::clientDisconnected);
    RawClient client(server.port());
    client.get("/stream");
    QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), 1, Timeout);
    server.stop();
    QCOMPARE(server.clientCount(), 0);
    QCOMPARE(disconnected.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), Timeout);
    QVERIFY(!server.isListening());
    QVERIFY(server.streamUrl().isEmpty());
    // Restartable, with a fresh sequence.
    QVERIFY(server.start(fastOptions()));
    QCOMPARE(server.lastEventIdSent(), 0);
}

void TestDemoServer::stopFromSlots_data()
{
    QTest::addColumn<int>("which");
    QTest::newRow("requestReceived") << 0;
    QTest::newRow("clientConnected") << 1;
    QTest::newRow("clientDisconnected") << 2;
}

// Re-entrancy: a slot that stops the server must not crash it or write to dead sockets.
void TestDemoServer::stopFromSlots()
{
    QFETCH(int, which);
    DemoServer server;
    QVERIFY(server.start(fastOptions(10)));
    const auto stop = [&server] { server.stop(); };
    if (which == 0)
        connect(&server, &DemoServer::requestReceived, &server, stop);
    else if (which == 1)
        connect(&server, &DemoServer::clientConnected, &server, stop);
    else
        connect(&server, &DemoServer::clientDisconnected, &server, stop);
    RawClient first(server.port());
    RawClient second(server.port());
    first.get("/stream?dropEvery=2&burst=3", "Last-Event-ID: 0\r\n");
    second.get("/stream?dropEvery=2&burst=3");
    QTRY_VERIFY_WITH_TIMEOUT(!server.isListening(), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(first.isClosed() && second.isClosed(), Timeout);
    QCOMPARE(server.clientCount(), 0);
    QVERIFY(server.start(fastOptions(10))); // and it is still usable
}

void TestDemoServer::payloadNames()
{
    for (auto payload : { DemoServer::Payload::Timestamp, DemoServer::Payload::JsonCounter,
                          DemoServer::Payload::Tokens, DemoServer::Payload::Large })
        QCOMPARE(DemoServer::payloadFromName(DemoServer::payloadName(payload)),
                 std::optional(payload));
    QVERIFY(!DemoServer::payloadFromName(u"video"));
}

void TestDemoServer::resumeModes_data()
{
    QTest::addColumn<QByteArray>("mode");
    QTest::newRow("replay") << QByteArray("replay");
    QTest::newRow("ignore") << QByteArray("ignore");
    QTest::newRow("full") << QByteArray("full");
    QTest::newRow("restart") << QByteArray("restart");
}

// Each resume mode makes the story its name says: the pathologies SSE Scope's resume verdicts
// are tested against.
void TestDemoServer::resumeModes()
{
    QFETCH(QByteArray, mode);
    DemoServer server;
    QVERIFY(server.start(fastOptions(20)));
    const QByteArray target = "/stream?resume=" + mode;
    qint64 lastSeen = 0;
    {
        RawClient client(server.port());
        client.get(target);
        QTRY_VERIFY_WITH_TIMEOUT(client.events().size() >= 3, Timeout);
        lastSeen = client.ids().constLast();
        client.abort();
    }
    QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), 0, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(server.lastEventIdSent() >= lastSeen + 5, Timeout);
    const qint64 resumeAt = server.lastEventIdSent();

    RawClient resumed(server.port());
    resumed.get(target, "Last-Event-ID: " + QByteArray::number(lastSeen) + "\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(resumed.ids().size() >= 3, Timeout);
    const QList<qint64> ids = resumed.ids();
    QCOMPARE(ids, range(ids.constFirst(), ids.constFirst() + ids.size() - 1));
    if (mode == "replay")
        QCOMPARE(ids.constFirst(), lastSeen + 1);
    else if (mode == "ignore")
        QVERIFY2(ids.constFirst() > resumeAt, qPrintable(QString::number(ids.constFirst())));
    else // full replays from the first buffered event, restart numbers this connection from 1
        QCOMPARE(ids.constFirst(), 1);
    if (mode == "restart") {
        // The data is live (made after the reconnect), only the numbering starts over.
        const QDateTime first =
                QDateTime::fromString(resumed.events().constFirst().data, Qt::ISODateWithMs);
        QVERIFY(first.isValid());
        QVERIFY(ids.size() < resumeAt);
    }
}

void TestDemoServer::holdSendsEventsTogether()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions(20)));
    RawClient client(server.port());
    client.get("/stream?hold=4");
    QTRY_VERIFY_WITH_TIMEOUT(client.events().size() >= 8, Timeout);
    // Every write is four events, and a small loopback write arrives whole.
    QCOMPARE(client.events().size() % 4, 0);
    QCOMPARE(client.header("X-Accel-Buffering"), "no");
}

void TestDemoServer::firstByteDelayHoldsTheBody()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions(20)));
    RawClient client(server.port());
    QElapsedTimer sinceHead;
    client.get("/stream?firstByteDelay=400&retry=1500");
    QTRY_VERIFY_WITH_TIMEOUT(client.hasHead(), Timeout);
    sinceHead.start();
    QCOMPARE(client.status(), 200);
    QVERIFY(client.body().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!client.body().isEmpty(), Timeout);
    QVERIFY2(sinceHead.elapsed() >= 300, qPrintable(QString::number(sinceHead.elapsed())));
    // What was made meanwhile arrives at once, the retry: first.
    QVERIFY(client.body().startsWith("retry: 1500\n\n"));
    QVERIFY(client.events().size() >= 5);
}

void TestDemoServer::gzipStream()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions(20)));
    RawClient client(server.port());
    client.get("/stream?gzip=1&hold=2");
    QTRY_VERIFY_WITH_TIMEOUT(client.body().size() > 40, Timeout);
    QCOMPARE(client.header("Content-Encoding"), "gzip");
    // Each write is sync-flushed: what has arrived decodes to whole events.
    QByteArray plain;
    QTRY_VERIFY_WITH_TIMEOUT((plain = gunzipSoFar(client.body())).count("\n\n") >= 4, Timeout);
    SseParser parser;
    const QList<SseEvent> events = parser.feed(plain);
    QVERIFY(events.size() >= 4);
    QCOMPARE(events.at(1).lastEventId.toLongLong(), events.at(0).lastEventId.toLongLong() + 1);
}

void TestDemoServer::proxyBufferingDropsTheHeader()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions(20)));
    RawClient client(server.port());
    client.get("/stream?proxyBuffering=1");
    QTRY_VERIFY_WITH_TIMEOUT(client.events().size() >= 1, Timeout);
    QVERIFY(client.header("X-Accel-Buffering").isNull());
    QCOMPARE(client.header("Cache-Control"), "no-cache");
}

QTEST_GUILESS_MAIN(TestDemoServer)
#include "tst_demoserver.moc"
