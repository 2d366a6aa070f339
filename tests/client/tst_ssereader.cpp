// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

#include "demoserver.h"
#include "rawsseserver.h"
#include "readerrecorder.h"
#include "requestlogserver.h"
#include "ssereader.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(ReconnectPolicy::Mode)

namespace {

constexpr int Timeout = 10000;

// Ids 1..N of one server sequence may start anywhere, but must then rise by exactly one.
bool isContiguous(const QList<qint64> &ids)
{
    for (qsizetype i = 1; i < ids.size(); ++i) {
        if (ids.at(i) != ids.at(i - 1) + 1)
            return false;
    }
    return !ids.isEmpty();
}

QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(u',');
}

// "id@connection" per event, for failure messages.
QString eventList(const QList<SseEvent> &events)
{
    QStringList parts;
    for (const SseEvent &event : events)
        parts.append(event.lastEventId % u'@' % QString::number(event.connection));
    return parts.join(u',');
}

SseReader::Request requestFor(const QUrl &url)
{
    SseReader::Request request;
    request.url = url;
    request.reconnect.fixedDelay = 50ms;
    request.reconnect.backoffBase = 50ms;
    request.reconnect.jitter = 0;
    return request;
}

QUrl demoUrl(const DemoServer &server, const QString &query)
{
    return server.streamUrl(QUrlQuery(query));
}

// Events every 20 ms on the server's default channel. An `interval=` query would make a channel
// of its own, and ids come from one server-wide sequence, so its ids would have gaps.
DemoServer::Options fastDemo()
{
    DemoServer::Options options;
    options.intervalMs = 20;
    return options;
}

} // namespace

class TestSseReader : public QObject
{
    Q_OBJECT

private slots:
    void eventsInOrder();
    void requestHeaders();
    void userAgent_data();
    void userAgent();
    void resumesWithLastEventId();
    void retryFieldSetsDelay();
    void policySchedule_data();
    void policySchedule();
    void maxAttemptsGivesUp();
    void httpStatusRetriesCappedByDefault_data();
    void httpStatusRetriesCappedByDefault();
    void retryAfterHonoured();
    void attemptsResetAfterStableConnection();
    void responseFailures_data();
    void responseFailures();
    void errorBodyIsKept_data();
    void errorBodyIsKept();
    void redirectFollowed_data();
    void redirectFollowed();
    void postBodyResent();
    void oneRequestPerAttempt_data();
    void oneRequestPerAttempt();
    void oneRequestWhenClosedBeforeResponse_data();
    void oneRequestWhenClosedBeforeResponse();
    void urlCredentialsAnswerChallenge_data();
    void urlCredentialsAnswerChallenge();
    void idleTimeoutReconnects();
    void simulateAbort();
    void simulateOffline();
    void connectionRefused();
    void partialEventDiscarded();
    void eventTooLargeContinues();
    void reconnectNowSkipsCountdown();
    void closeStops();
    void connectionNumbersGoOnAcrossOpen();
    void liveSettingsApplyAtOnce();
    void closeFromHandlerStopsMidChunk();
    void invalidUrl_data();
    void invalidUrl();
};

void TestSseReader::eventsInOrder()
{
    DemoServer server;
    QVERIFY2(server.start(fastDemo()), qPrintable(server.errorString()));
    SseReader reader;
    reader.setRequest(requestFor(demoUrl(server, QString())));
    ReaderRecorder recorder(&reader);
    QSignalSpy states(&reader, &SseReader::stateChanged);
    reader.open();
    QCOMPARE(reader.state(), SseReader::State::Connecting);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.events.size() >= 5, Timeout);

    // The story so far: one attempt that opened, each record complete in itself.
    QCOMPARE(recorder.kinds(),
             (QList { StreamRecord::Kind::Connecting, StreamRecord::Kind::Open }));
    const StreamRecord connecting = recorder.records.at(0);
    QCOMPARE(connecting.connection, 1);
    QCOMPARE(connecting.method, u"GET"_s);
    QCOMPARE(connecting.url, demoUrl(server, QString()).toString());
    QVERIFY(connecting.lastEventId.isEmpty());
    QCOMPARE(connecting.header("Accept"), "text/event-stream");
    QVERIFY(connecting.time.isValid());
    const StreamRecord open = recorder.records.at(1);
    QCOMPARE(open.connection, 1);
    QCOMPARE(open.status, 200);
    QCOMPARE(open.statusText, u"OK"_s);
    QCOMPARE(open.httpVersion, u"1.1"_s);
    QCOMPARE(open.url, connecting.url);
    QCOMPARE(open.contentType(), u"text/event-stream; charset=utf-8"_s);
    QCOMPARE(open.header("X-Accel-Buffering"), "no");
    QVERIFY(open.time >= connecting.time);
    QCOMPARE(reader.state(), SseReader::State::Open);
    QCOMPARE(reader.httpStatus(), 200);
    QCOMPARE(states.at(0).at(0).value<SseReader::State>(), SseReader::State::Connecting);
    QCOMPARE(states.at(1).at(0).value<SseReader::State>(), SseReader::State::Open);
    QVERIFY2(isContiguous(recorder.ids()), qPrintable(idList(recorder.ids())));
    for (const SseEvent &event : std::as_const(recorder.events)) {
        QCOMPARE(event.connection, 1);
        QCOMPARE(event.type, u"message"_s);
        QVERIFY(event.hasId);
        QVERIFY(event.receivedAt.isValid());
        QCOMPARE(event.receivedAt.timeSpec(), Qt::UTC);
    }
    QCOMPARE(reader.connectionCount(), 1);
    QVERIFY(reader.eventCount() >= 5);
    QVERIFY(reader.byteCount() > 0);
    QCOMPARE(reader.lastEventId(), recorder.events.constLast().lastEventId);
    QVERIFY(recorder.errors.isEmpty());
}

void TestSseReader::requestHeaders()
{
    RawSseServer server([](QTcpSocket *socket, const RawRequest &, int) {
        RawSseServer::respond(socket, RawSseServer::streamHead() + ": ping\nid: 43\ndata: x\n\n",
                              false);
    });
    QVERIFY(server.listen());
    SseReader reader;
    SseReader::Request request = requestFor(server.url());
    request.lastEventId = u"42"_s;
    request.headers = { { "X-Test", "yes" }, { "Authorization", "Bearer t" } };
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.size(), 1, Timeout);
    QCOMPARE(recorder.comments, QStringList { u" ping"_s });
    QCOMPARE(recorder.recordsOf(StreamRecord::Kind::Comment).at(0).connection, 1);

    const RawRequest &seen = server.requests().at(0);
    QCOMPARE(seen.method, "GET");
    QCOMPARE(seen.target, "/stream");
    QCOMPARE(seen.header("Accept"), "text/event-stream");
    QCOMPARE(seen.header("Cache-Control"), "no-cache");
    // Qt offers the encodings it decodes on the fly, as browsers do (see tst_hostilenetwork).
    QVERIFY(seen.header("Accept-Encoding").contains("gzip"));
    QCOMPARE(seen.header("Last-Event-ID"), "42");
    QCOMPARE(seen.header("X-Test"), "yes");
    QCOMPARE(seen.header("Authorization"), "Bearer t");
    QCOMPARE(seen.header("User-Agent"), "ssescope/" SSESCOPE_VERSION);
    // Every request carries a body QNAM may not re-send on its own (see oneRequestPerAttempt);
    // for a GET it is empty, and Qt 6.4 announces it so.
    QCOMPARE(seen.header("Content-Length"), "0");
    QVERIFY(seen.body.isEmpty());
    QCOMPARE(recorder.connectingIds, QStringList { u"42"_s });
    QCOMPARE(reader.lastEventId(), u"43"_s);

    // The Connecting record lists what went on the wire, in order, with the secret masked.
    const StreamRecord connecting = recorder.recordsOf(StreamRecord::Kind::Connecting).at(0);
    QList<std::pair<QByteArray, QByteArray>> wire = seen.headers;
    for (auto &[name, value] : wire) {
        if (name.compare("Authorization", Qt::CaseInsensitive) == 0)
            value = StreamRecord::maskedValue();
    }
    QCOMPARE(connecting.headers, wire);
    QVERIFY(!connecting.header("Authorization").contains("Bearer t"));
}

void TestSseReader::userAgent_data()
{
    QTest::addColumn<SseReader::HeaderList>("headers");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("default") << SseReader::HeaderList {}
                             << QByteArray("ssescope/" SSESCOPE_VERSION);
    QTest::addRow("user") << SseReader::HeaderList { { "User-Agent", "probe/2" } }
                          << QByteArray("probe/2");
    // Header names are case-insensitive: the user's wins whatever its spelling.
    QTest::addRow("user-lower-case")
            << SseReader::HeaderList { { "user-agent", "probe/3" } } << QByteArray("probe/3");
}

void TestSseReader::userAgent()
{
    QFETCH(SseReader::HeaderList, headers);
    QFETCH(QByteArray, expected);
    RawSseServer server([](QTcpSocket *socket, const RawRequest &, int) {
        RawSseServer::respond(socket, RawSseServer::streamHead() + "data: x\n\n", false);
    });
    QVERIFY(server.listen());
    SseReader reader;
    SseReader::Request request = requestFor(server.url());
    request.headers = headers;
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.size(), 1, Timeout);
    const RawRequest &seen = server.requests().at(0);
    QCOMPARE(seen.header("User-Agent"), expected);
    int count = 0;
    for (const auto &[name, value] : seen.headers)
        count += name.compare("User-Agent", Qt::CaseInsensitive) == 0 ? 1 : 0;
    QCOMPARE(count, 1);
}

void TestSseReader::resumesWithLastEventId()
{
    DemoServer server;
    QVERIFY2(server.start(fastDemo()), qPrintable(server.errorString()));
    QList<QByteArray> sentIds;
    connect(&server, &DemoServer::requestReceived, this,
            [&sentIds](const QByteArray &, const QByteArray &,
                       const QList<std::pair<QByteArray, QByteArray>> &headers,
                       const QByteArray &) {
                QByteArray id;
                for (const auto &[name, value] : headers) {
                    if (name.compare("Last-Event-ID", Qt::CaseInsensitive) == 0)
                        id = value;
                }
                sentIds.append(id);
            });
    SseReader reader;
    reader.setRequest(requestFor(demoUrl(server, u"dropEvery=3&retry=30"_s)));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.events.size() >= 12, Timeout);
    reader.close();

    // Every drop is a clean end of stream followed by a resume: no loss, no duplicate.
    const QList<qint64> ids = recorder.ids();
    QVERIFY2(isContiguous(ids), qPrintable(idList(ids)));
    QVERIFY(recorder.connections.size() >= 4);
    QVERIFY(recorder.errorCount(SseError::Kind::RemoteClosed) >= 3);
    for (const SseError &error : std::as_const(recorder.errors))
        QVERIFY(!error.fatal);
    QCOMPARE(recorder.delays.value(0), 30); // the stream's retry: wins over the 50 ms default
    // Each reconnect sent the id of the last event of the previous connection.
    QVERIFY(sentIds.size() >= 4);
    QVERIFY(sentIds.at(0).isEmpty());
    for (qsizetype i = 1; i < recorder.connectingIds.size() && i < sentIds.size(); ++i)
        QCOMPARE(QString::fromLatin1(sentIds.at(i)), recorder.connectingIds.at(i));
    for (const SseEvent &event : std::as_const(recorder.events)) {
        const qsizetype connection = event.connection;
        QVERIFY(connection >= 1 && connection <= recorder.connections.size());
        if (connection > 1)
            QVERIFY(event.lastEventId.toLongLong()
                    > recorder.connectingIds.at(connection - 1).toLongLong());
    }
}

void TestSseReader::retryFieldSetsDelay()
{
    RawSseServer server([](QTcpSocket *socket, const RawRequest &, int index) {
        if (index == 0)
            RawSseServer::respond(socket, RawSseServer::streamHead() + "retry: 150\ndata: a\n\n",
                                  true);
        else
            RawSseServer::respond(socket, RawSseServer::streamHead() + "data: b\n\n", false);
    });
    QVERIFY(server.listen());
    SseReader reader;
    SseReader::Request request = requestFor(server.url());
    request.reconnect.fixedDelay = 3000ms;
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.attempts.size(), 1, Timeout);
    QCOMPARE(recorder.retries, QList<int> { 150 });
    const StreamRecord reconnecting = recorder.recordsOf(StreamRecord::Kind::Reconnecting).at(0);
    QCOMPARE(reconnecting.attempt, 1);
    QCOMPARE(reconnecting.delayMs, 150);
    QCOMPARE(reconnecting.delaySource, u"server-retry"_s);
    QCOMPARE(reconnecting.connection, 1);
    QCOMPARE(reconnecting.lastEventId, QString());
    QCOMPARE(reader.nextDelaySource(), ReconnectPolicy::DelaySource::ServerRetry);
    QCOMPARE(reader.lastError().kind, SseError::Kind::RemoteClosed);
    QVERIFY(reader.isReconnectPending());
    QVERIFY(reader.nextAttemptAt().remainingTime() <= 150);
    QCOMPARE(reader.state(), SseReader::State::Connecting);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.size(), 2, Timeout);
    QCOMPARE(recorder.events.at(1).connection, 2);
    QVERIFY(!reader.isReconnectPending());
    QCOMPARE(reader.nextAttemptAt().isForever(), true);
}

void TestSseReader::policySchedule_data()
{
    QTest::addColumn<ReconnectPolicy::Mode>("mode");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QList<qint64>>("expectedDelays");
    QTest::addColumn<bool>("stops");
    QTest::addColumn<QString>("closeReason"); // when it stops

    using Mode = ReconnectPolicy::Mode;
    const QList<qint64> none;
    QTest::addRow("fixed-500") << Mode::Fixed << u"status=500"_s << QList<qint64> { 50, 50, 50 }
                               << false << QString();
    QTest::addRow("backoff-503") << Mode::Backoff << u"status=503"_s
                                 << QList<qint64> { 50, 100, 200 } << false << QString();
    QTest::addRow("backoff-drop") << Mode::Backoff << u"dropEvery=1"_s
                                  << QList<qint64> { 50, 100, 200 } << false << QString();
    QTest::addRow("fixed-drop") << Mode::Fixed << u"dropEvery=1&retry=5000"_s
                                << QList<qint64> { 50, 50, 50 } << false << QString();
    // The demo server's drop is a clean end of the body: with no reconnect to follow, the
    // stream simply ended, which is no failure.
    QTest::addRow("off-drop") << Mode::Off << u"dropEvery=1"_s << none << true << u"ended"_s;
    QTest::addRow("off-500") << Mode::Off << u"status=500"_s << none << true << u"failed"_s;
    QTest::addRow("browser-500") << Mode::Browser << u"status=500"_s << none << true << u"failed"_s;
}

void TestSseReader::policySchedule()
{
    QFETCH(ReconnectPolicy::Mode, mode);
    QFETCH(QString, query);
    QFETCH(QList<qint64>, expectedDelays);
    QFETCH(bool, stops);
    QFETCH(QString, closeReason);

    DemoServer server;
    QVERIFY2(server.start(fastDemo()), qPrintable(server.errorString()));
    SseReader reader;
    SseReader::Request request = requestFor(demoUrl(server, query));
    request.reconnect.mode = mode;
    request.reconnect.stableAfter = 60s; // short connections must not reset the backoff
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    if (stops) {
        QTRY_COMPARE_WITH_TIMEOUT(recorder.closedCount, 1, Timeout);
        QCOMPARE(reader.state(), SseReader::State::Closed);
        QVERIFY(recorder.delays.isEmpty());
        QCOMPARE(recorder.connections.size(), 1);
        QCOMPARE(recorder.records.constLast().reason, closeReason);
        if (closeReason == u"ended"_s) {
            QVERIFY(recorder.errors.isEmpty());
            return;
        }
        QVERIFY(!recorder.errors.isEmpty());
        QVERIFY(recorder.errors.constLast().fatal);
        return;
    }
    QTRY_VERIFY_WITH_TIMEOUT(recorder.delays.size() >= expectedDelays.size(), Timeout);
    reader.close();
    QCOMPARE(recorder.delays.mid(0, expectedDelays.size()), expectedDelays);
    // The policy counts on through short connections (stableAfter); the attempt users read
    // starts again after every connection that opened.
    QCOMPARE(recorder.policyAttempts.mid(0, 3), (QList<int> { 1, 2, 3 }));
    const bool opens = query.contains(u"dropEvery"_s);
    const QList<int> expectedAttempts = opens ? QList<int> { 1, 1, 1 } : QList<int> { 1, 2, 3 };
    QCOMPARE(recorder.attempts.mid(0, 3), expectedAttempts);
    QCOMPARE(recorder.closedCount, 1);
    for (const SseError &error : std::as_const(recorder.errors))
        QVERIFY(!error.fatal);
}

void TestSseReader::maxAttemptsGivesUp()
{
    DemoServer server;
    QVERIFY2(server.start(fastDemo()), qPrintable(server.errorString()));
    SseReader reader;
    SseReader::Request request = requestFor(demoUrl(server, u"status=500"_s));
    request.reconnect.mode = ReconnectPolicy::Mode::Fixed;
    request.reconnect.maxAttempts = 2;
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closedCount, 1, Timeout);
    QCOMPARE(recorder.attempts, (QList<int> { 1, 2 }));
    QCOMPARE(recorder.connections.size(), 3);
    QCOMPARE(recorder.errors.constLast().kind, SseError::Kind::GaveUp);
    QVERIFY(recorder.errors.constLast().fatal);
    QCOMPARE(recorder.errorCount(SseError::Kind::HttpStatus), 3);
    QCOMPARE(reader.state(), SseReader::State::Closed);
}

void TestSseReader::httpStatusRetriesCappedByDefault_data()
{
    QTest::addColumn<ReconnectPolicy::Mode>("mode");
    QTest::addColumn<QString>("query");
    QTest::addRow("fixed-500") << ReconnectPolicy::Mode::Fixed << u"status=500"_s;
    QTest::addRow("backoff-429") << ReconnectPolicy::Mode::Backoff << u"status=429"_s;
}

void TestSseReader::httpStatusRetriesCappedByDefault()
{
    QFETCH(ReconnectPolicy::Mode, mode);
    QFETCH(QString, query);
    DemoServer server;
    QVERIFY2(server.start(fastDemo()), qPrintable(server.errorString()));
    SseReader reader;
    SseReader::Request request = requestFor(demoUrl(server, query));
    request.reconnect.mode = mode;
    request.reconnect.fixedDelay = 10ms;
    request.reconnect.backoffBase = 1ms; // 1, 2, 4 … 512 ms: the ten attempts take about 1 s
    request.reconnect.stableAfter = 60s;
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closedCount, 1, Timeout);
    const int cap = ReconnectPolicy::DefaultHttpStatusMaxAttempts;
    QCOMPARE(recorder.attempts.size(), cap);
    QCOMPARE(recorder.attempts.constLast(), cap);
    QCOMPARE(reader.connectionCount(), cap + 1);
    QCOMPARE(recorder.errors.constLast().kind, SseError::Kind::GaveUp);
    QVERIFY2(recorder.errors.constLast().message.contains(u"after 10 reconnect attempts"_s),
             qPrintable(recorder.errors.constLast().message));
}

void TestSseReader::retryAfterHonoured()
{
    DemoServer server;
    QVERIFY2(server.start(fastDemo()), qPrintable(server.errorString()));
    SseReader reader;
    SseReader::Request request = requestFor(demoUrl(server, u"status=503&retryAfter=1"_s));
    request.reconnect.mode = ReconnectPolicy::Mode::Backoff;
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.delays.size(), 1, Timeout);
    QCOMPARE(recorder.delays.at(0), 1000);
    QCOMPARE(reader.nextDelaySource(), ReconnectPolicy::DelaySource::RetryAfter);
    QCOMPARE(reader.lastError().httpStatus, 503);
    reader.close();
}

void TestSseReader::attemptsResetAfterStableConnection()
{
    DemoServer server;
    QVERIFY2(server.start(fastDemo()), qPrintable(server.errorString()));
    SseReader reader;
    SseReader::Request request = requestFor(demoUrl(server, u"dropEvery=2"_s));
    request.reconnect.mode = ReconnectPolicy::Mode::Backoff;
    request.reconnect.stableAfter = 0ms; // every connection that opened counts as stable
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.attempts.size() >= 3, Timeout);
    reader.close();
    QCOMPARE(recorder.attempts.mid(0, 3), (QList<int> { 1, 1, 1 }));
    QCOMPARE(recorder.delays.mid(0, 3), (QList<qint64> { 50, 50, 50 }));
    QCOMPARE(reader.attemptCount(), int(recorder.attempts.size()));
}

void TestSseReader::responseFailures_data()
{
    QTest::addColumn<ReconnectPolicy::Mode>("mode");
    QTest::addColumn<QString>("query");
    QTest::addColumn<SseError::Kind>("kind");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<bool>("fatal");

    using Mode = ReconnectPolicy::Mode;
    using Kind = SseError::Kind;
    QTest::addRow("browser-204") << Mode::Browser << u"status=204"_s << Kind::NoContent << u"204"_s
                                 << true;
    QTest::addRow("fixed-204") << Mode::Fixed << u"status=204"_s << Kind::NoContent << u"204"_s
                               << true;
    QTest::addRow("browser-500") << Mode::Browser << u"status=500"_s << Kind::HttpStatus
                                 << u"HTTP 500"_s << true;
    QTest::addRow("browser-404") << Mode::Browser << u"status=404"_s << Kind::HttpStatus
                                 << u"HTTP 404"_s << true;
    QTest::addRow("fixed-500") << Mode::Fixed << u"status=500"_s << Kind::HttpStatus
                               << u"HTTP 500"_s << false;
    QTest::addRow("backoff-429") << Mode::Backoff << u"status=429"_s << Kind::HttpStatus
                                 << u"HTTP 429"_s << false;
    QTest::addRow("fixed-404") << Mode::Fixed << u"status=404"_s << Kind::HttpStatus
                               << u"HTTP 404"_s << true;
    QTest::addRow("browser-html") << Mode::Browser << u"contentType=text/html"_s
                                  << Kind::WrongContentType << u"\"text/html\""_s << true;
    // The policy makes a wrong type fatal in every mode: retrying cannot fix a wrong endpoint.
    QTest::addRow("backoff-html") << Mode::Backoff << u"contentType=text/html"_s
                                  << Kind::WrongContentType << u"text/html"_s << true;
    QTest::addRow("browser-type-case-params")
            << Mode::Browser << u"contentType=Text/Event-Stream;%20charset=utf-8"_s << Kind::None
            << QString() << false;
}

void TestSseReader::responseFailures()
{
    QFETCH(ReconnectPolicy::Mode, mode);
    QFETCH(QString, query);
    QFETCH(SseError::Kind, kind);
    QFETCH(QString, messagePart);
    QFETCH(bool, fatal);

    DemoServer server;
    QVERIFY2(server.start(fastDemo()), qPrintable(server.errorString()));
    SseReader reader;
    SseReader::Request request = requestFor(demoUrl(server, query + u""_s));
    request.reconnect.mode = mode;
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    if (kind == SseError::Kind::None) {
        QTRY_VERIFY_WITH_TIMEOUT(recorder.events.size() >= 2, Timeout);
        QCOMPARE(recorder.openedCount, 1);
        QVERIFY(recorder.errors.isEmpty());
        return;
    }
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.errors.isEmpty(), Timeout);
    const SseError error = recorder.errors.at(0);
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.fatal, fatal);
    QVERIFY(!error.simulated);
    QVERIFY2(error.message.contains(messagePart), qPrintable(error.message));
    QCOMPARE(recorder.openedCount, 0);
    QVERIFY(recorder.events.isEmpty());
    if (fatal) {
        QCOMPARE(reader.state(), SseReader::State::Closed);
        QCOMPARE(recorder.closedCount, 1);
        QCOMPARE(recorder.records.constLast().reason, u"failed"_s);
        QVERIFY(recorder.delays.isEmpty());
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(recorder.connections.size() >= 2, Timeout);
        QCOMPARE(recorder.delays.value(0), 50);
        reader.close();
    }
    if (kind == SseError::Kind::HttpStatus)
        QCOMPARE(error.httpStatus, messagePart.mid(5).toInt());
}

void TestSseReader::redirectFollowed_data()
{
    QTest::addColumn<int>("status");
    QTest::addRow("302") << 302;
    QTest::addRow("307") << 307;
}

void TestSseReader::redirectFollowed()
{
    QFETCH(int, status);
    RawSseServer server([status](QTcpSocket *socket, const RawRequest &request, int) {
        if (request.target == "/old") {
            RawSseServer::respond(socket,
                                  "HTTP/1.1 " + QByteArray::number(status)
                                          + " Moved\r\nLocation: /stream\r\nContent-Length: 0\r\n"
                                            "Connection: close\r\n\r\n",
                                  true);
        } else {
            RawSseServer::respond(socket, RawSseServer::streamHead() + "id: 1\ndata: moved\n\n",
                                  false);
        }
    });
    QVERIFY(server.listen());
    SseReader reader;
    reader.setRequest(requestFor(server.url(u"/old"_s)));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.events.isEmpty() || !recorder.errors.isEmpty(), Timeout);
    QVERIFY2(recorder.errors.isEmpty(), qPrintable(recorder.errors.value(0).message));
    QCOMPARE(recorder.events.size(), 1);
    QCOMPARE(recorder.events.at(0).data, u"moved"_s);
    QCOMPARE(reader.finalUrl(), server.url(u"/stream"_s));
    const QList<StreamRecord> redirects = recorder.recordsOf(StreamRecord::Kind::Redirect);
    QCOMPARE(redirects.size(), 1);
    QCOMPARE(redirects.at(0).status, status);
    QCOMPARE(redirects.at(0).url, server.url(u"/stream"_s).toString());
    QCOMPARE(recorder.recordsOf(StreamRecord::Kind::Open).at(0).url, redirects.at(0).url);
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(server.requests().at(1).header("Accept"), "text/event-stream");
    QVERIFY(recorder.errors.isEmpty());
}

void TestSseReader::postBodyResent()
{
    DemoServer server;
    QVERIFY2(server.start(fastDemo()), qPrintable(server.errorString()));
    QList<std::pair<QByteArray, QByteArray>> seen;
    connect(&server, &DemoServer::requestReceived, this,
            [&seen](const QByteArray &method, const QByteArray &,
                    const QList<std::pair<QByteArray, QByteArray>> &, const QByteArray &body) {
                seen.append({ method, body });
            });
    SseReader reader;
    SseReader::Request request = requestFor(demoUrl(server, u"dropEvery=2&retry=20"_s));
    request.method = "POST";
    request.body = R"({"prompt":"hi"})";
    request.headers = { { "Content-Type", "application/json" } };
    request.resendBody = true; // a POST is sent again only when asked (see endofstream tests)
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(seen.size() >= 3, Timeout);
    reader.close();
    for (const auto &[method, body] : std::as_const(seen)) {
        QCOMPARE(method, "POST");
        QCOMPARE(body, request.body);
    }
    QVERIFY(isContiguous(recorder.ids()));
}

void TestSseReader::oneRequestPerAttempt_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("framing");
    for (const QByteArray &method : { QByteArrayLiteral("GET"), QByteArrayLiteral("POST") }) {
        // close-*: the body ends with the close (Python's http.server answers HTTP/1.0 so).
        for (const QByteArray &framing :
             { QByteArrayLiteral("close-http1.0"), QByteArrayLiteral("close-connection-close"),
               QByteArrayLiteral("close-keep-alive"), QByteArrayLiteral("chunked"),
               QByteArrayLiteral("content-length") })
            QTest::addRow("%s-%s", method.constData(), framing.constData()) << method << framing;
    }
}

void TestSseReader::oneRequestPerAttempt()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, framing);
    // Each answer is `retry: 0` and one event, so the reader reconnects at once, Streams times,
    // as fast as loopback allows: the timing in which Qt 6.4 re-sent a third of the requests.
    constexpr int Streams = 200;
    const QByteArray body = method == "POST" ? QByteArrayLiteral(R"({"n":1})") : QByteArray();
    QStringList wrong;
    RequestLogServer server([&](QTcpSocket *socket, const RawRequest &request, int index) {
        const QByteArray expectedId = index == 0 ? QByteArray() : QByteArray::number(index);
        if (request.header("Last-Event-ID") != expectedId || request.body != body
            || request.method != method)
            wrong.append(u"request %1: %2 Last-Event-ID \"%3\""_s.arg(index).arg(
                    QString::fromLatin1(request.method),
                    QString::fromLatin1(request.header("Last-Event-ID"))));
        if (index == Streams) {
            socket->write("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n");
            return;
        }
        const QByteArray event = "retry: 0\nid: " + QByteArray::number(index + 1) + "\ndata: x\n\n";
        const QByteArray type = "Content-Type: text/event-stream\r\n";
        if (framing == "close-http1.0")
            RawSseServer::respond(socket, "HTTP/1.0 200 OK\r\n" + type + "\r\n" + event, true);
        else if (framing == "close-connection-close")
            RawSseServer::respond(
                    socket, "HTTP/1.1 200 OK\r\n" + type + "Connection: close\r\n\r\n" + event,
                    true);
        else if (framing == "close-keep-alive")
            RawSseServer::respond(socket, "HTTP/1.1 200 OK\r\n" + type + "\r\n" + event, true);
        else if (framing == "chunked")
            socket->write("HTTP/1.1 200 OK\r\n" + type + "Transfer-Encoding: chunked\r\n\r\n"
                          + QByteArray::number(event.size(), 16) + "\r\n" + event
                          + "\r\n0\r\n\r\n");
        else
            socket->write("HTTP/1.1 200 OK\r\n" + type + "Content-Length: "
                          + QByteArray::number(event.size()) + "\r\n\r\n" + event);
    });
    QVERIFY(server.listen());
    SseReader reader;
    SseReader::Request request = requestFor(server.url());
    request.method = method;
    request.body = body;
    request.resendBody = true; // the POST rows reconnect on purpose, as the GET rows do
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    // A real event loop: QTRY_* sleeps 10 ms between its passes, which hides the race.
    QSignalSpy states(&reader, &SseReader::stateChanged);
    reader.open();
    while (reader.state() != SseReader::State::Closed && states.wait(30000)) {}
    QCOMPARE(reader.state(), SseReader::State::Closed);
    QCOMPARE(reader.lastError().kind, SseError::Kind::NoContent);
    QCOMPARE(reader.eventCount(), quint64(Streams));
    QCOMPARE(reader.connectionCount(), Streams + 1);
    // Not a sync point: a copy would be on its way within microseconds of the close.
    QTest::qWait(50);
    QCOMPARE(server.requestCount(), Streams + 1);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.mid(0, 5).join(u"; "_s)));
    if (framing.startsWith("close-")) // and no connection that was opened and left unused
        QCOMPARE(server.connectionCount(), Streams + 1);
}

void TestSseReader::oneRequestWhenClosedBeforeResponse_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addRow("GET") << QByteArray("GET");
    QTest::addRow("POST") << QByteArray("POST");
}

void TestSseReader::oneRequestWhenClosedBeforeResponse()
{
    QFETCH(QByteArray, method);
    // The server reads the request and closes without a word: Qt 6.4 re-sent such a request on
    // its own before giving up; each attempt must stay one request, its failure the reader's.
    RequestLogServer server(
            [](QTcpSocket *socket, const RawRequest &, int) { socket->disconnectFromHost(); });
    QVERIFY(server.listen());
    SseReader reader;
    SseReader::Request request = requestFor(server.url());
    request.method = method;
    request.body = method == "POST" ? QByteArray("{}") : QByteArray();
    request.reconnect.fixedDelay = 10ms;
    request.reconnect.maxAttempts = 4;
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    QSignalSpy states(&reader, &SseReader::stateChanged);
    reader.open();
    while (reader.state() != SseReader::State::Closed && states.wait(Timeout)) {}
    QCOMPARE(reader.state(), SseReader::State::Closed);
    QCOMPARE(recorder.errors.constLast().kind, SseError::Kind::GaveUp);
    QCOMPARE(reader.connectionCount(), 5);
    QTest::qWait(50); // not a sync point: lets a late copy arrive
    QCOMPARE(server.requestCount(), 5);
    QCOMPARE(server.connectionCount(), 5);
}

void TestSseReader::urlCredentialsAnswerChallenge_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::addRow("GET") << QByteArray("GET") << QByteArray();
    QTest::addRow("POST") << QByteArray("POST") << QByteArray(R"({"n":1})");
}

void TestSseReader::urlCredentialsAnswerChallenge()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);
    // QNAM answers a 401 with the URL's credentials by sending the request again: the one case,
    // besides a 307/308, where the body must go out twice.
    RequestLogServer server([](QTcpSocket *socket, const RawRequest &request, int) {
        if (request.header("Authorization").isEmpty())
            socket->write("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"sse\"\r\n"
                          "Content-Length: 0\r\n\r\n");
        else
            socket->write(RawSseServer::streamHead() + "data: in\n\n");
    });
    QVERIFY(server.listen());
    QUrl url = server.url();
    url.setUserName(u"user"_s);
    url.setPassword(u"secret"_s);
    SseReader reader;
    SseReader::Request request = requestFor(url);
    request.method = method;
    request.body = body;
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.events.isEmpty() || !recorder.errors.isEmpty(), Timeout);
    QVERIFY2(recorder.errors.isEmpty(), qPrintable(recorder.errorText()));
    QCOMPARE(recorder.data(), QStringList { u"in"_s });
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(server.requests().at(1).header("Authorization"), "Basic dXNlcjpzZWNyZXQ=");
    QCOMPARE(server.requests().at(1).body, body);
}

void TestSseReader::idleTimeoutReconnects()
{
    DemoServer server;
    QVERIFY2(server.start(fastDemo()), qPrintable(server.errorString()));
    SseReader reader;
    SseReader::Request request = requestFor(demoUrl(server, u"stallAfter=2"_s));
    request.idleTimeout = 300ms;
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.errorCount(SseError::Kind::IdleTimeout) >= 1, Timeout);
    const SseError error = recorder.errors.at(0);
    QCOMPARE(error.kind, SseError::Kind::IdleTimeout);
    QVERIFY(!error.fatal);
    QVERIFY(!error.simulated);
    QCOMPARE(recorder.events.size(), 2);
    QCOMPARE(recorder.attempts.value(0), 1);
    // The reconnect resumes from the stalled stream's last id and gets the next events.
    QTRY_VERIFY_WITH_TIMEOUT(recorder.events.size() >= 4, Timeout);
    QCOMPARE(recorder.connectingIds.value(1), recorder.events.at(1).lastEventId);
    QVERIFY2(isContiguous(recorder.ids()), qPrintable(idList(recorder.ids())));
    QCOMPARE(recorder.events.at(2).connection, 2);
}

void TestSseReader::simulateAbort()
{
    DemoServer server;
    QVERIFY2(server.start(fastDemo()), qPrintable(server.errorString()));
    SseReader reader;
    reader.setRequest(requestFor(demoUrl(server, QString())));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.events.size() >= 3, Timeout);
    reader.simulateNetworkDrop();
    const QString idAtDrop = reader.lastEventId();
    QCOMPARE(recorder.errors.size(), 1);
    QCOMPARE(recorder.errors.at(0).kind, SseError::Kind::SimulatedDrop);
    QVERIFY(recorder.errors.at(0).simulated);
    QVERIFY(!recorder.errors.at(0).fatal);
    QCOMPARE(reader.lastError().kind, SseError::Kind::SimulatedDrop);
    QCOMPARE(reader.state(), SseReader::State::Connecting);
    QCOMPARE(recorder.lastEventIds.value(0), idAtDrop);
    const qsizetype eventsAtDrop = recorder.events.size();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.events.size() >= eventsAtDrop + 3, Timeout);
    QCOMPARE(recorder.connectingIds.value(1), idAtDrop);
    QCOMPARE(recorder.events.at(eventsAtDrop).connection, 2);
    QVERIFY2(isContiguous(recorder.ids()), qPrintable(idList(recorder.ids())));
}

void TestSseReader::simulateOffline()
{
    DemoServer server;
    QVERIFY2(server.start(fastDemo()), qPrintable(server.errorString()));
    SseReader reader;
    reader.setRequest(requestFor(demoUrl(server, u"retry=100"_s)));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.events.size() >= 3, Timeout);
    reader.simulateDrop(SseReader::DropMode::Offline, 2s);
    QVERIFY(reader.isOfflineSimulated());
    QCOMPARE(recorder.errors.at(0).kind, SseError::Kind::SimulatedOffline);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.openedCount, 2, Timeout);
    const qsizetype eventsAtRecovery = recorder.events.size();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.events.size() >= eventsAtRecovery + 3, Timeout);
    reader.close();

    // Attempts inside the window failed without the network, each one scheduled by the policy.
    QVERIFY2(recorder.errorCount(SseError::Kind::SimulatedOffline) >= 4,
             qPrintable(QString::number(recorder.errors.size())));
    for (const SseError &error : std::as_const(recorder.errors)) {
        QVERIFY(error.simulated);
        QVERIFY(!error.fatal);
        QVERIFY(error.message.contains(u"simulated"_s));
    }
    QCOMPARE(recorder.errors.at(1).message, u"network unreachable (simulated)"_s);
    QVERIFY(recorder.attempts.size() >= 4);
    for (qsizetype i = 0; i < recorder.attempts.size(); ++i) {
        QCOMPARE(recorder.attempts.at(i), int(i + 1));
        QCOMPARE(recorder.delays.at(i), 100);
    }
    QVERIFY(!reader.isOfflineSimulated());
    // Replay on Last-Event-ID: nothing the server sent while "offline" is lost or repeated.
    QVERIFY2(isContiguous(recorder.ids()), qPrintable(eventList(recorder.events)));
}

void TestSseReader::connectionRefused()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    SseReader reader;
    QUrl url(u"http://127.0.0.1/stream"_s);
    url.setPort(port);
    reader.setRequest(requestFor(url));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.attempts.size() >= 2, Timeout);
    reader.close();
    QCOMPARE(recorder.errors.at(0).kind, SseError::Kind::ConnectionRefused);
    QVERIFY2(recorder.errors.at(0).message.contains(QString::number(port)),
             qPrintable(recorder.errors.at(0).message));
    QVERIFY(!recorder.errors.at(0).fatal);
    QCOMPARE(recorder.delays.at(0), 50);
    QCOMPARE(recorder.attempts.mid(0, 2), (QList<int> { 1, 2 }));
    QCOMPARE(reader.state(), SseReader::State::Closed);
}

void TestSseReader::partialEventDiscarded()
{
    RawSseServer server([](QTcpSocket *socket, const RawRequest &, int index) {
        if (index == 0)
            RawSseServer::respond(
                    socket, RawSseServer::streamHead() + "id: 1\ndata: a\n\nid: 2\ndata: partial",
                    true);
        else
            RawSseServer::respond(socket, RawSseServer::streamHead() + "id: 3\ndata: b\n\n", false);
    });
    QVERIFY(server.listen());
    SseReader reader;
    reader.setRequest(requestFor(server.url()));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.size(), 2, Timeout);
    QCOMPARE(recorder.events.at(0).data, u"a"_s);
    QCOMPARE(recorder.events.at(1).data, u"b"_s);
    QCOMPARE(recorder.errors.at(0).kind, SseError::Kind::RemoteClosed);
    // The half-received event's id never took effect.
    QCOMPARE(server.requests().at(1).header("Last-Event-ID"), "1");
    QCOMPARE(recorder.lastEventIds.at(0), u"1"_s);
}

void TestSseReader::eventTooLargeContinues()
{
    RawSseServer server([](QTcpSocket *socket, const RawRequest &, int) {
        RawSseServer::respond(socket,
                              RawSseServer::streamHead() + "data: " + QByteArray(500, 'x')
                                      + "\n\ndata: small\n\n",
                              false);
    });
    QVERIFY(server.listen());
    SseReader reader;
    SseReader::Request request = requestFor(server.url());
    request.maximumEventSize = 100;
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.size(), 1, Timeout);
    QCOMPARE(recorder.events.at(0).data, u"small"_s);
    QCOMPARE(recorder.errors.size(), 1);
    QCOMPARE(recorder.errors.at(0).kind, SseError::Kind::EventTooLarge);
    QVERIFY(!recorder.errors.at(0).fatal);
    QCOMPARE(reader.state(), SseReader::State::Open);
}

void TestSseReader::reconnectNowSkipsCountdown()
{
    RawSseServer server([](QTcpSocket *socket, const RawRequest &, int index) {
        RawSseServer::respond(socket, RawSseServer::streamHead() + "data: x\n\n", index == 0);
    });
    QVERIFY(server.listen());
    SseReader reader;
    SseReader::Request request = requestFor(server.url());
    request.reconnect.fixedDelay = 60s;
    reader.setRequest(request);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.delays.size(), 1, Timeout);
    QCOMPARE(recorder.delays.at(0), 60000);
    QVERIFY(reader.isReconnectPending());
    QVERIFY(reader.nextAttemptAt().remainingTime() > 30000);
    reader.reconnectNow();
    QCOMPARE(recorder.connections, (QList<int> { 1, 2 }));
    QVERIFY(!reader.isReconnectPending());
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.size(), 2, Timeout);
    QCOMPARE(reader.state(), SseReader::State::Open);
}

void TestSseReader::connectionNumbersGoOnAcrossOpen()
{
    // A manual Reconnect (close, then open) in one tab: "connection 1" must never name two
    // sessions, or the connection filter and the recordings would mix them.
    DemoServer server;
    QVERIFY2(server.start(fastDemo()), qPrintable(server.errorString()));
    SseReader reader;
    reader.setRequest(requestFor(demoUrl(server, QString())));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.events.isEmpty(), Timeout);
    reader.close();
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.events.constLast().connection == 2, Timeout);
    reader.close();
    QCOMPARE(recorder.connections, (QList<int> { 1, 2 }));
    QCOMPARE(recorder.recordsOf(StreamRecord::Kind::Closed).at(0).connection, 1);
    QCOMPARE(recorder.events.constFirst().connection, 1);
    // Counters of a session still start over; only the numbering goes on.
    QCOMPARE(reader.attemptCount(), 0);
}

void TestSseReader::liveSettingsApplyAtOnce()
{
    // The user sets an idle timeout and turns reconnecting off while a silent stream runs: the
    // running connection times out and the reader stops, without a new Connect.
    RawSseServer server([](QTcpSocket *socket, const RawRequest &, int) {
        RawSseServer::respond(socket, RawSseServer::streamHead() + "id: 1\ndata: a\n\n", false);
    });
    QVERIFY(server.listen());
    SseReader reader;
    reader.setRequest(requestFor(server.url()));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.events.size(), 1, Timeout);
    ReconnectPolicy::Settings off;
    off.mode = ReconnectPolicy::Mode::Off;
    reader.setLiveSettings(off, 200ms);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closedCount, 1, Timeout);
    QCOMPARE(recorder.errors.constFirst().kind, SseError::Kind::IdleTimeout);
    QCOMPARE(recorder.connections.size(), 1); // no reconnect: the new policy was in force
    QCOMPARE(reader.request().idleTimeout, 200ms);
}

void TestSseReader::closeStops()
{
    DemoServer server;
    QVERIFY2(server.start(fastDemo()), qPrintable(server.errorString()));
    SseReader reader;
    reader.setRequest(requestFor(demoUrl(server, QString())));
    ReaderRecorder recorder(&reader);
    QSignalSpy states(&reader, &SseReader::stateChanged);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.events.size() >= 2, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), 1, Timeout);
    reader.close();
    QCOMPARE(reader.state(), SseReader::State::Closed);
    QCOMPARE(recorder.closedCount, 1);
    QCOMPARE(states.constLast().at(0).value<SseReader::State>(), SseReader::State::Closed);
    const qsizetype events = recorder.events.size();
    const qsizetype stateChanges = states.size();
    // The server sees the connection go away; nothing more reaches the (closed) reader.
    QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), 0, Timeout);
    QCOMPARE(recorder.events.size(), events);
    QCOMPARE(states.size(), stateChanges);
    QVERIFY(recorder.errors.isEmpty());
    QVERIFY(recorder.delays.isEmpty());
    reader.close();
    QCOMPARE(recorder.closedCount, 1);
}

void TestSseReader::closeFromHandlerStopsMidChunk()
{
    RawSseServer server([](QTcpSocket *socket, const RawRequest &, int) {
        RawSseServer::respond(socket,
                              RawSseServer::streamHead()
                                      + "data: 1\n\ndata: 2\n\ndata: 3\n\ndata: 4\n\ndata: 5\n\n",
                              false);
    });
    QVERIFY(server.listen());
    SseReader reader;
    reader.setRequest(requestFor(server.url()));
    ReaderRecorder recorder(&reader);
    connect(&reader, &SseReader::eventReceived, &reader, [&reader, &recorder] {
        if (recorder.events.size() == 2)
            reader.close();
    });
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.closedCount, 1, Timeout);
    QCOMPARE(recorder.events.size(), 2);
    QCOMPARE(reader.eventCount(), 2u);
}

void TestSseReader::invalidUrl_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("messagePart");
    QTest::addRow("empty") << QUrl() << u"no URL"_s;
    QTest::addRow("ftp") << QUrl(u"ftp://127.0.0.1/x"_s) << u"\"ftp\""_s;
    QTest::addRow("relative") << QUrl(u"/stream"_s) << u"/stream"_s;
    // Errors reach the log and recordings: a password in the URL must not.
    QTest::addRow("no host, password kept out")
            << QUrl(u"http://user:s3cret@/x"_s) << u"http://user@/x"_s;
    QTest::addRow("bad host, password kept out")
            << QUrl(u"http://user:s3cret@ho st/x"_s) << u"Invalid hostname"_s;
}

void TestSseReader::invalidUrl()
{
    QFETCH(QUrl, url);
    QFETCH(QString, messagePart);
    SseReader reader;
    reader.setRequest(requestFor(url));
    ReaderRecorder recorder(&reader);
    reader.open();
    QCOMPARE(reader.state(), SseReader::State::Closed);
    QCOMPARE(recorder.errors.size(), 1);
    QCOMPARE(recorder.errors.at(0).kind, SseError::Kind::InvalidUrl);
    QVERIFY(recorder.errors.at(0).fatal);
    QVERIFY2(recorder.errors.at(0).message.contains(messagePart),
             qPrintable(recorder.errors.at(0).message));
    QVERIFY2(!recorder.errors.at(0).message.contains(u"s3cret"_s),
             qPrintable(recorder.errors.at(0).message));
    QCOMPARE(recorder.closedCount, 1);
}

void TestSseReader::errorBodyIsKept_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<bool>("close");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("body");
    QTest::addColumn<bool>("truncated");

    const QByteArray json = R"({"error":{"message":"Incorrect API key provided: sk-abc***","type":)"
                            R"("invalid_request_error"}})";
    QTest::addRow("401 json, length-delimited")
            << "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: "
                    + QByteArray::number(json.size()) + "\r\n\r\n" + json
            << false << 401 << QString::fromUtf8(json) << false;
    QTest::addRow("500 text, close-delimited")
            << QByteArray("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\n"
                          "Connection: close\r\n\r\nupstream exploded\n")
            << true << 500 << u"upstream exploded\n"_s << false;
    QTest::addRow("403 latin-1") << QByteArray(
            "HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain; charset=ISO-8859-1"
            "\r\nContent-Length: 5\r\n\r\ncaf\xe9!")
                                 << false << 403 << u"caf\u00e9!"_s << false;
    const QByteArray large(SseError::MaximumBodyBytes + 4000, 'x');
    QTest::addRow("429 longer than the limit")
            << "HTTP/1.1 429 Too Many Requests\r\nContent-Type: text/plain\r\nContent-Length: "
                    + QByteArray::number(large.size()) + "\r\n\r\n" + large
            << false << 429 << QString(SseError::MaximumBodyBytes, u'x') << true;
    // A server that sends part of an error page and then nothing: the error is not held up.
    QTest::addRow("502 that never ends")
            << QByteArray("HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\n\r\n"
                          "<h1>Bad gateway</h1>")
            << false << 502 << u"<h1>Bad gateway</h1>"_s << false;
    QTest::addRow("404 without a body")
            << QByteArray("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n") << false << 404
            << QString() << false;
}

void TestSseReader::errorBodyIsKept()
{
    QFETCH(QByteArray, response);
    QFETCH(bool, close);
    QFETCH(int, status);
    QFETCH(QString, body);
    QFETCH(bool, truncated);

    RawSseServer server([&response, close](QTcpSocket *socket, const RawRequest &, int) {
        RawSseServer::respond(socket, response, close);
    });
    QVERIFY(server.listen());
    SseReader reader;
    reader.setRequest(requestFor(server.url()));
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_COMPARE_WITH_TIMEOUT(reader.state(), SseReader::State::Closed, Timeout);

    QCOMPARE(recorder.errors.size(), 1);
    const SseError error = recorder.errors.constFirst();
    QCOMPARE(error.kind, SseError::Kind::HttpStatus);
    QCOMPARE(error.httpStatus, status);
    QVERIFY(error.fatal);
    QCOMPARE(error.body.size(), body.size());
    QCOMPARE(error.body, body);
    QCOMPARE(error.bodyTruncated, truncated);
    QCOMPARE(reader.lastError().body, body);
    QCOMPARE(recorder.openedCount, 0);
}

QTEST_GUILESS_MAIN(TestSseReader)
#include "tst_ssereader.moc"
