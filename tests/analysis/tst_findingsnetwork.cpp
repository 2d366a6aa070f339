// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <memory>

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include "demoserver.h"
#include "findingsengine.h"
#include "rawsseserver.h"
#include "ssereader.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int Timeout = 15000;

// Thresholds scaled down so that each finding shows within a second or two of a loopback
// stream; the clean stream below proves they do not fire on a healthy one all the same.
FindingsEngine::Settings fastSettings()
{
    FindingsEngine::Settings settings;
    settings.hopLimits = { { u"test hop"_s, u"idle timeout"_s, 400ms } };
    settings.silentAfter = 500ms;
    settings.firstDataWithin = 400ms;
    settings.slowHeadersAfter = 300ms;
    settings.minimumLifetime = 300ms;
    return settings;
}

// One stream as a face watches it: a reader feeding an engine, ticked every 50 ms.
class Watch
{
public:
    Watch(const QUrl &url, const FindingsEngine::Settings &settings)
        : m_engine(settings)
    {
        SseReader::Request request;
        request.url = url;
        request.reconnect.retryOverride = 300ms;
        m_reader.setRequest(request);
        QObject::connect(&m_reader, &SseReader::eventReceived, &m_reader,
                         [this](const SseEvent &event) {
                             ++m_events;
                             m_engine.addEvent(event);
                             collect();
                         });
        QObject::connect(&m_reader, &SseReader::recordReceived, &m_reader,
                         [this](const StreamRecord &record) {
                             m_engine.addRecord(record);
                             collect();
                         });
        m_ticker.setInterval(50);
        QObject::connect(&m_ticker, &QTimer::timeout, &m_reader, [this] {
            m_engine.tick(QDateTime::currentDateTimeUtc());
            collect();
        });
    }

    void open()
    {
        m_ticker.start();
        m_reader.open();
    }
    SseReader &reader() { return m_reader; }
    FindingsEngine &engine() { return m_engine; }
    int events() const { return m_events; }
    const QList<StreamRecord> &findings() const { return m_findings; }
    QStringList ids() const
    {
        QStringList result;
        for (const StreamRecord &record : m_findings)
            result.append(record.finding.id);
        return result;
    }
    const Finding *find(const QString &id) const
    {
        for (const StreamRecord &record : m_findings) {
            if (record.finding.id == id)
                return &record.finding;
        }
        return nullptr;
    }
    /// Findings that say something is wrong (warnings and problems), as "id: verdict".
    QStringList complaints() const
    {
        QStringList result;
        for (const StreamRecord &record : m_findings) {
            if (record.finding.severity != Finding::Severity::Info)
                result.append(record.finding.id + u": "_s + record.finding.verdict);
        }
        return result;
    }

private:
    void collect()
    {
        if (m_engine.hasFindings())
            m_findings += m_engine.takeFindings();
    }

    SseReader m_reader;
    FindingsEngine m_engine;
    QTimer m_ticker;
    QList<StreamRecord> m_findings;
    int m_events = 0;
};

// The raw scenarios: what a real server may do that the demo server does not.
RawSseServer::Responder rawScenario(const QString &name)
{
    const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                            "Cache-Control: no-cache\r\n";
    const auto keepOpen = [](QTcpSocket *socket, const QByteArray &bytes) {
        RawSseServer::respond(socket, bytes, false);
    };
    if (name == u"ids-back-on-resume"_s)
        return [=](QTcpSocket *socket, const RawRequest &, int index) {
            if (index == 0)
                RawSseServer::respond(socket,
                                      head
                                              + "\r\nretry: 100\n\nid: 100\ndata: a\n\nid: 101\n"
                                                "data: b\n\nid: 102\ndata: c\n\n",
                                      true);
            else
                keepOpen(socket, head + "\r\nid: 50\ndata: x\n\nid: 51\ndata: y\n\n");
        };
    if (name == u"no-ids"_s)
        return [=](QTcpSocket *socket, const RawRequest &, int index) {
            if (index == 0)
                RawSseServer::respond(socket, head + "\r\nretry: 100\n\ndata: a\n\ndata: b\n\n",
                                      true);
            else
                keepOpen(socket, head + "\r\ndata: c\n\n");
        };
    if (name == u"ids-back-mid-stream"_s)
        return [=](QTcpSocket *socket, const RawRequest &, int) {
            keepOpen(socket, head + "\r\nid: 5\ndata: a\n\nid: 6\ndata: b\n\nid: 3\ndata: c\n\n");
        };
    if (name == u"no-cache-control"_s)
        return [=](QTcpSocket *socket, const RawRequest &, int) {
            keepOpen(socket,
                     "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\ndata: a\n\n");
        };
    if (name == u"content-length"_s)
        return [=](QTcpSocket *socket, const RawRequest &, int) {
            keepOpen(socket, head + "Content-Length: 100000\r\n\r\ndata: a\n\n");
        };
    if (name == u"connection-close"_s)
        return [=](QTcpSocket *socket, const RawRequest &, int) {
            keepOpen(socket, RawSseServer::streamHead() + "data: a\n\n");
        };
    if (name == u"charset"_s)
        return [=](QTcpSocket *socket, const RawRequest &, int) {
            keepOpen(socket,
                     "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=iso-8859-1\r\n"
                     "Cache-Control: no-cache\r\n\r\ndata: a\n\n");
        };
    if (name == u"slow-headers"_s)
        return [=](QTcpSocket *socket, const RawRequest &, int) {
            QTimer::singleShot(600, socket, [=] { keepOpen(socket, head + "\r\ndata: a\n\n"); });
        };
    if (name == u"html-data"_s)
        return [=](QTcpSocket *socket, const RawRequest &, int) {
            keepOpen(socket,
                     head
                             + "\r\ndata: <!DOCTYPE html><html><head><title>502 Bad Gateway</title>"
                               "</head></html>\n\n");
        };
    qFatal("unknown raw scenario %s", qPrintable(name));
    return {};
}

QString nginxPath()
{
    QString path = QStandardPaths::findExecutable(u"nginx"_s);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(u"nginx"_s,
                                              { u"/usr/sbin"_s, u"/usr/local/sbin"_s, u"/sbin"_s });
    return path;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class TestFindingsNetwork : public QObject
{
    Q_OBJECT
private slots:
    void demoServerPathologies_data();
    void demoServerPathologies();
    void rawServerPathologies_data();
    void rawServerPathologies();
    void otherStreamsToTheOrigin();
    void cleanStreamIsSilent();
    void nginxBuffering_data();
    void nginxBuffering();
};

void TestFindingsNetwork::demoServerPathologies_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("replayCapacity");
    QTest::addColumn<int>("dropAfter"); // cut once after this many events (0 = never)
    QTest::addColumn<QString>("expected");

    QTest::newRow("resume.clean") << u"interval=50"_s << 1000 << 5 << u"resume.clean"_s;
    QTest::newRow("resume.gap") << u"interval=50&resume=ignore"_s << 1000 << 5 << u"resume.gap"_s;
    // A replay buffer of 12 holds the last few events the client had as well.
    QTest::newRow("resume.duplicate")
            << u"interval=50&resume=full"_s << 12 << 20 << u"resume.duplicate"_s;
    QTest::newRow("resume.restart full replay")
            << u"interval=50&resume=full"_s << 1000 << 5 << u"resume.restart"_s;
    QTest::newRow("resume.restart new ids")
            << u"interval=50&resume=restart"_s << 1000 << 5 << u"resume.restart"_s;
    QTest::newRow("buffering.burst")
            << u"interval=200&hold=4&payload=json"_s << 1000 << 0 << u"buffering.burst"_s;
    QTest::newRow("buffering.first-byte")
            << u"interval=100&firstByteDelay=1500"_s << 1000 << 0 << u"buffering.first-byte"_s;
    QTest::newRow("hygiene.compressed")
            << u"interval=50&gzip=1"_s << 1000 << 0 << u"hygiene.compressed"_s;
    QTest::newRow("idle.silent") << u"interval=50&stallAfter=3"_s << 1000 << 0 << u"idle.silent"_s;
    QTest::newRow("idle.hop-limit")
            << u"interval=50&stallAfter=3"_s << 1000 << 0 << u"idle.hop-limit"_s;
    QTest::newRow("idle.heartbeat")
            << u"interval=60000&heartbeat=100"_s << 1000 << 0 << u"idle.heartbeat"_s;
    QTest::newRow("idle.lifetime")
            << u"interval=50&dropEvery=10&resume=ignore"_s << 1000 << 0 << u"idle.lifetime"_s;
    QTest::newRow("hygiene.no-retry")
            << u"interval=50&dropEvery=3"_s << 1000 << 0 << u"hygiene.no-retry"_s;
    QTest::newRow("hygiene.silent-start")
            << u"interval=60000"_s << 1000 << 0 << u"hygiene.silent-start"_s;
}

void TestFindingsNetwork::demoServerPathologies()
{
    QFETCH(QString, query);
    QFETCH(int, replayCapacity);
    QFETCH(int, dropAfter);
    QFETCH(QString, expected);

    DemoServer::Options options;
    options.replayCapacity = replayCapacity;
    DemoServer server;
    QVERIFY2(server.start(options), qPrintable(server.errorString()));
    Watch watch(server.streamUrl(QUrlQuery(query)), fastSettings());
    watch.open();
    if (dropAfter > 0) {
        QTRY_VERIFY_WITH_TIMEOUT(watch.events() >= dropAfter, Timeout);
        watch.reader().simulateNetworkDrop();
    }
    QTRY_VERIFY2_WITH_TIMEOUT(watch.find(expected), qPrintable(watch.ids().join(u", "_s)), Timeout);
    const Finding *finding = watch.find(expected);
    QVERIFY(!finding->verdict.isEmpty());
    QVERIFY(!finding->evidence.connections.isEmpty());
    if (expected == u"resume.clean"_s) {
        QCOMPARE(finding->severity, Finding::Severity::Info);
        QCOMPARE(finding->parameters.value(u"lost"_s).toInteger(), 0);
    } else if (expected == u"resume.gap"_s) {
        QVERIFY(finding->parameters.value(u"lost"_s).toInteger() >= 1);
    } else if (expected == u"resume.duplicate"_s) {
        QVERIFY(finding->parameters.value(u"duplicates"_s).toInteger() >= 1);
    } else if (expected == u"buffering.burst"_s) {
        QCOMPARE(finding->parameters.value(u"evidence"_s).toString(), u"timestamps"_s);
        QCOMPARE(finding->parameters.value(u"events"_s).toInt(), 4);
    } else if (expected == u"hygiene.compressed"_s) {
        // The reader decodes it as it arrives: events flow all the same.
        QCOMPARE(finding->parameters.value(u"encoding"_s).toString(), u"gzip"_s);
        QTRY_VERIFY_WITH_TIMEOUT(watch.events() >= 3, Timeout);
    }
}

void TestFindingsNetwork::rawServerPathologies_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("expected");
    QTest::newRow("resume.backwards") << u"ids-back-on-resume"_s << u"resume.backwards"_s;
    QTest::newRow("resume.no-ids") << u"no-ids"_s << u"resume.no-ids"_s;
    QTest::newRow("ids.backwards") << u"ids-back-mid-stream"_s << u"ids.backwards"_s;
    QTest::newRow("hygiene.no-cache") << u"no-cache-control"_s << u"hygiene.no-cache"_s;
    QTest::newRow("hygiene.content-length") << u"content-length"_s << u"hygiene.content-length"_s;
    QTest::newRow("hygiene.connection-close")
            << u"connection-close"_s << u"hygiene.connection-close"_s;
    QTest::newRow("hygiene.charset") << u"charset"_s << u"hygiene.charset"_s;
    QTest::newRow("hygiene.slow-headers") << u"slow-headers"_s << u"hygiene.slow-headers"_s;
    QTest::newRow("hygiene.html-data") << u"html-data"_s << u"hygiene.html-data"_s;
}

void TestFindingsNetwork::rawServerPathologies()
{
    QFETCH(QString, scenario);
    QFETCH(QString, expected);
    RawSseServer server(rawScenario(scenario));
    QVERIFY(server.listen());
    Watch watch(server.url(), fastSettings());
    watch.open();
    QTRY_VERIFY2_WITH_TIMEOUT(watch.find(expected), qPrintable(watch.ids().join(u", "_s)), Timeout);
    QVERIFY(watch.find(expected)->severity != Finding::Severity::Info);
}

void TestFindingsNetwork::otherStreamsToTheOrigin()
{
    DemoServer server;
    QVERIFY(server.start());
    Watch watch(server.streamUrl(), fastSettings());
    watch.engine().setOtherOpenStreams(6);
    watch.open();
    QTRY_VERIFY_WITH_TIMEOUT(watch.find(u"hygiene.http1-streams"_s), Timeout);
    QCOMPARE(watch.find(u"hygiene.http1-streams"_s)->parameters.value(u"streams"_s).toInt(), 7);
}

// Every detector on, with the scaled-down thresholds, on a healthy stream with a cut: the only
// finding is the clean resume.
void TestFindingsNetwork::cleanStreamIsSilent()
{
    DemoServer server;
    QVERIFY(server.start());
    Watch watch(server.streamUrl(QUrlQuery(u"interval=50&payload=json&retry=300"_s)),
                fastSettings());
    watch.open();
    QTRY_VERIFY_WITH_TIMEOUT(watch.events() >= 10, Timeout);
    watch.reader().simulateNetworkDrop();
    QTRY_VERIFY_WITH_TIMEOUT(watch.find(u"resume.clean"_s), Timeout);
    const int events = watch.events();
    QTRY_VERIFY_WITH_TIMEOUT(watch.events() >= events + 20, Timeout);
    QVERIFY2(watch.complaints().isEmpty(), qPrintable(watch.complaints().join(u"\n"_s)));
    QCOMPARE(watch.ids(), QStringList { u"resume.clean"_s });
}

void TestFindingsNetwork::nginxBuffering_data()
{
    QTest::addColumn<bool>("proxyBuffering");
    QTest::newRow("default proxy_buffering buffers") << true;
    QTest::newRow("X-Accel-Buffering: no streams") << false;
}

// A real nginx with its default proxy_buffering in front of the demo server: the burst finding
// must fire when the upstream lets nginx buffer, and stay silent when it says
// X-Accel-Buffering: no.
void TestFindingsNetwork::nginxBuffering()
{
    QFETCH(bool, proxyBuffering);
    const QString nginx = nginxPath();
    if (nginx.isEmpty())
        QSKIP("nginx is not installed (Debian: apt-get install nginx-light); the buffering "
              "detector is not tested against a real proxy");

    DemoServer upstream;
    QVERIFY(upstream.start());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const quint16 port = freePort();
    QVERIFY(port != 0);
    const QString root = dir.path();
    // Everything nginx writes stays in the temporary directory, so it runs unprivileged.
    const QString config = uR"(worker_processes 1;
error_log %1/error.log;
pid %1/nginx.pid;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path %1/body;
    proxy_temp_path %1/proxy;
    fastcgi_temp_path %1/fastcgi;
    uwsgi_temp_path %1/uwsgi;
    scgi_temp_path %1/scgi;
    server {
        listen 127.0.0.1:%2;
        location / {
            proxy_pass http://127.0.0.1:%3;
            proxy_http_version 1.1;
        }
    }
}
)"_s.arg(root)
                                   .arg(port)
                                   .arg(upstream.port());
    QFile file(root + u"/nginx.conf"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(config.toUtf8());
    file.close();

    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(nginx,
                  { u"-p"_s, root, u"-c"_s, root + u"/nginx.conf"_s, u"-e"_s,
                    root + u"/error.log"_s, u"-g"_s, u"daemon off;"_s });
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    const auto stopNginx = qScopeGuard([&process] {
        process.terminate();
        if (!process.waitForFinished(5000))
            process.kill();
    });
    const auto errorLog = [&root, &process]() -> QString {
        QFile log(root + u"/error.log"_s);
        return QString::fromUtf8(process.readAll())
                + (log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll()) : QString());
    };
    QTRY_VERIFY2_WITH_TIMEOUT(
            [port] {
                QTcpSocket probe;
                probe.connectToHost(QHostAddress::LocalHost, port);
                return probe.waitForConnected(100);
            }() || process.state() == QProcess::NotRunning,
            "nginx did not start", Timeout);
    QVERIFY2(process.state() == QProcess::Running, qPrintable(errorLog()));

    // ~60-byte JSON events every 15 ms: nginx's 4 KiB buffers fill about once a second.
    QUrl url(u"http://127.0.0.1/stream"_s);
    url.setPort(port);
    QUrlQuery query(u"interval=15&payload=json"_s);
    if (proxyBuffering)
        query.addQueryItem(u"proxyBuffering"_s, u"1"_s);
    url.setQuery(query);
    Watch watch(url, FindingsEngine::Settings());
    watch.open();
    QTRY_VERIFY2_WITH_TIMEOUT(watch.reader().state() == SseReader::State::Open,
                              qPrintable(errorLog()), Timeout);
    const QByteArray server = [&watch] {
        for (const auto &[name, value] : watch.reader().responseHeaders()) {
            if (name.compare("Server", Qt::CaseInsensitive) == 0)
                return value;
        }
        return QByteArray();
    }();
    QVERIFY2(server.startsWith("nginx"), server.constData());

    if (proxyBuffering) {
        QTRY_VERIFY2_WITH_TIMEOUT(watch.find(u"buffering.burst"_s),
                                  qPrintable(watch.ids().join(u", "_s)), Timeout);
        const Finding *finding = watch.find(u"buffering.burst"_s);
        QCOMPARE(finding->severity, Finding::Severity::Problem);
        QCOMPARE(finding->parameters.value(u"layer"_s).toString(), u"nginx"_s);
        QCOMPARE(finding->parameters.value(u"evidence"_s).toString(), u"timestamps"_s);
        QVERIFY(finding->parameters.value(u"events"_s).toInt() >= 20);
        QVERIFY(finding->advice.contains(u"X-Accel-Buffering: no"_s));
        qInfo("nginx buffered: %s", qPrintable(finding->verdict));
    } else {
        // As long as the buffering case needs to show two bursts, with events flowing.
        QTRY_VERIFY_WITH_TIMEOUT(watch.events() >= 150, Timeout);
        for (const StreamRecord &record : watch.findings())
            QVERIFY2(!record.finding.id.startsWith(u"buffering."_s),
                     qPrintable(record.finding.verdict));
    }
}

QTEST_GUILESS_MAIN(TestFindingsNetwork)
#include "tst_findingsnetwork.moc"
