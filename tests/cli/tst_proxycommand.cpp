// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

// Runs the real `ssescope-cli proxy` (and `watch --proxy` through it) against an in-process
// DemoServer, and drives its control API over HTTP.

#include <memory>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include "demoserver.h"
#include "rawsseserver.h"
#include "readerrecorder.h"
#include "ssereader.h"

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// Generous: processes and connections on a loaded 2-core machine.
constexpr int Timeout = 20000;

const QString CliPath = QStringLiteral(SSESCOPE_CLI_PATH);

// A running `ssescope-cli proxy` on free ports, its stderr collected.
class ProxyProcess
{
public:
    ~ProxyProcess()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(Timeout);
        }
    }

    /// Starts with `arguments` plus --listen/--control on free loopback ports; waits for the
    /// line that names them.
    bool start(const QStringList &arguments)
    {
        QObject::connect(&process, &QProcess::readyReadStandardError, &process,
                         [this] { log += process.readAllStandardError(); });
        process.start(CliPath,
                      QStringList { u"proxy"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--control"_s,
                                    u"127.0.0.1:0"_s }
                              + arguments);
        if (!process.waitForStarted(Timeout))
            return false;
        static const QRegularExpression line(
                u"listening on 127\\.0\\.0\\.1:(\\d+); control API on (http://\\S+)"_s);
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < Timeout && process.state() == QProcess::Running) {
            const QRegularExpressionMatch match = line.match(QString::fromUtf8(log));
            if (match.hasMatch()) {
                port = quint16(match.captured(1).toUInt());
                control = QUrl(match.captured(2));
                return true;
            }
            QTest::qWait(20);
        }
        return false;
    }

    /// Sends SIGTERM and returns the exit code (-1 on a crash or hang).
    int terminate()
    {
#ifdef Q_OS_UNIX
        ::kill(pid_t(process.processId()), SIGTERM);
#else
        process.terminate();
#endif
        QElapsedTimer clock;
        clock.start();
        while (process.state() != QProcess::NotRunning && clock.elapsed() < Timeout)
            QTest::qWait(20);
        if (process.state() != QProcess::NotRunning)
            return -1;
        log += process.readAllStandardError();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    QProcess process;
    QByteArray log;
    quint16 port = 0;
    QUrl control;
};

struct Answer
{
    int status = 0;
    QJsonObject body;
};

Answer request(QNetworkAccessManager &manager, const QByteArray &method, const QUrl &url,
               const QByteArray &body = {})
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    std::unique_ptr<QNetworkReply> reply(manager.sendCustomRequest(request, method, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    Answer answer;
    if (finished.wait(Timeout)) {
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = QJsonDocument::fromJson(reply->readAll()).object();
    }
    return answer;
}

struct CliResult
{
    int exitCode = -1;
    QList<QJsonObject> records;
    QByteArray standardError;

    QList<QJsonObject> ofKind(const QString &kind) const
    {
        QList<QJsonObject> result;
        for (const QJsonObject &record : records) {
            if (record.value("kind"_L1).toString() == kind)
                result << record;
        }
        return result;
    }
};

// Runs `ssescope-cli watch ...` to completion while this thread keeps serving.
CliResult runWatch(const QStringList &arguments)
{
    QProcess process;
    process.start(CliPath, QStringList { u"watch"_s } + arguments);
    CliResult result;
    if (!process.waitForStarted(Timeout))
        return result;
    QElapsedTimer clock;
    clock.start();
    while (process.state() != QProcess::NotRunning && clock.elapsed() < 2 * Timeout)
        QTest::qWait(20);
    if (process.state() != QProcess::NotRunning)
        return result;
    result.exitCode = process.exitCode();
    result.standardError = process.readAllStandardError();
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        if (!line.isEmpty())
            result.records << QJsonDocument::fromJson(line).object();
    }
    return result;
}

} // namespace

class TestProxyCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void help_data();
    void help();
    void usageErrors_data();
    void usageErrors();
    void relayDrivenByControlApi();
    void watchThroughForwardProxy();
    void watchThroughProxyNeedingAuthentication_data();
    void watchThroughProxyNeedingAuthentication();
};

void TestProxyCommand::initTestCase()
{
    QVERIFY2(QFile::exists(CliPath), qPrintable(CliPath));
}

void TestProxyCommand::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("top-level help lists proxy")
            << QStringList { u"--help"_s } << QStringList { u"proxy [options]"_s };
    QTest::addRow("proxy help") << QStringList {
        u"proxy"_s, u"--help"_s
    } << QStringList { u"proxy [options]"_s, u"--listen"_s,     u"--upstream"_s, u"--control"_s,
                       u"--fault"_s,         u"POST /faults"_s, u"127.0.0.1"_s };
}

void TestProxyCommand::help()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);
    QProcess process;
    process.start(CliPath, arguments);
    QVERIFY(process.waitForFinished(Timeout));
    QCOMPARE(process.exitCode(), 0);
    const QString output = QString::fromUtf8(process.readAllStandardOutput());
    for (const QString &text : expected)
        QVERIFY2(output.contains(text), qPrintable(text));
}

void TestProxyCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addRow("listen without port")
            << QStringList { u"--listen"_s, u"127.0.0.1:"_s } << u"--listen"_s;
    QTest::addRow("listen on a name")
            << QStringList { u"--listen"_s, u"example.com:80"_s } << u"--listen"_s;
    QTest::addRow("upstream scheme")
            << QStringList { u"--upstream"_s, u"ftp://x/"_s } << u"--upstream"_s;
    QTest::addRow("upstream without port")
            << QStringList { u"--upstream"_s, u"example.com"_s } << u"--upstream"_s;
    QTest::addRow("control port") << QStringList { u"--control"_s, u"70000"_s } << u"--control"_s;
    QTest::addRow("fault not JSON") << QStringList { u"--fault"_s, u"latency"_s } << u"--fault"_s;
    QTest::addRow("fault unknown")
            << QStringList { u"--fault"_s, u"{\"type\":\"chaos\"}"_s } << u"unknown fault type"_s;
    QTest::addRow("fault action") << QStringList { u"--fault"_s, u"{\"type\":\"cut\"}"_s }
                                  << u"lasting faults"_s;
    QTest::addRow("positional") << QStringList { u"now"_s } << u"unexpected argument"_s;
}

void TestProxyCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess process;
    process.start(CliPath, QStringList { u"proxy"_s } + arguments);
    QVERIFY(process.waitForFinished(Timeout));
    QCOMPARE(process.exitCode(), 1);
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestProxyCommand::relayDrivenByControlApi()
{
    DemoServer server;
    DemoServer::Options serverOptions;
    serverOptions.intervalMs = 30;
    QVERIFY(server.start(serverOptions));
    QSignalSpy serverClients(&server, &DemoServer::clientConnected);
    ProxyProcess proxy;
    QVERIFY2(proxy.start({ u"--upstream"_s, server.streamUrl().toString() }),
             proxy.log.constData());
    QVERIFY2(proxy.log.contains(
                     QByteArray("relay to 127.0.0.1:" + QByteArray::number(server.port()))),
             proxy.log.constData());

    SseReader reader;
    SseReader::Request readerRequest;
    readerRequest.url = QUrl(u"http://127.0.0.1:%1/stream"_s.arg(proxy.port));
    readerRequest.reconnect.mode = ReconnectPolicy::Mode::Fixed;
    readerRequest.reconnect.fixedDelay = 50ms;
    reader.setRequest(readerRequest);
    ReaderRecorder recorder(&reader);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.events.size() >= 3, Timeout);

    QNetworkAccessManager manager;
    Answer answer = request(manager, "GET", proxy.control.resolved(QUrl(u"/connections"_s)));
    QCOMPARE(answer.status, 200);
    const QJsonArray connections = answer.body.value("connections"_L1).toArray();
    QCOMPARE(connections.size(), 1);
    QCOMPARE(connections.at(0).toObject().value("mode"_L1).toString(), u"relay"_s);
    QVERIFY(connections.at(0).toObject().value("bytesDownstream"_L1).toInteger() > 0);

    answer = request(manager, "POST", proxy.control.resolved(QUrl(u"/faults"_s)),
                     R"({"type": "cut"})");
    QCOMPARE(answer.status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.errors.isEmpty(), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(serverClients.size(), 2, Timeout);
    QVERIFY(!serverClients.at(1).at(1).toByteArray().isEmpty()); // resumed with Last-Event-ID

    answer = request(manager, "POST", proxy.control.resolved(QUrl(u"/faults"_s)),
                     R"({"type": "latency", "latencyMs": 100})");
    QCOMPARE(answer.status, 201);
    answer = request(manager, "GET", proxy.control.resolved(QUrl(u"/faults"_s)));
    QCOMPARE(answer.body.value("faults"_L1).toArray().size(), 1);

    reader.close();
    QCOMPARE(proxy.terminate(), 0);
    // The log tells the story: the connection, the cut, the fault list.
    QVERIFY2(proxy.log.contains("connection 1 (relay, 127.0.0.1:"), proxy.log.constData());
    QVERIFY2(proxy.log.contains("(cut) acted on connection 1"), proxy.log.constData());
    QVERIFY2(proxy.log.contains("faults: #"), proxy.log.constData());
}

void TestProxyCommand::watchThroughForwardProxy()
{
    DemoServer server;
    DemoServer::Options serverOptions;
    serverOptions.intervalMs = 20;
    QVERIFY(server.start(serverOptions));
    QSignalSpy requests(&server, &DemoServer::requestReceived);
    ProxyProcess proxy;
    // Tiny pieces all the way: the events still arrive whole.
    QVERIFY2(proxy.start({ u"--fault"_s,
                           u"{\"type\":\"slicer\",\"maxPieceBytes\":7,\"delayMs\":0}"_s }),
             proxy.log.constData());
    QVERIFY2(proxy.log.contains("HTTP forward proxy"), proxy.log.constData());

    const CliResult result = runWatch({ u"--proxy"_s, u"http://127.0.0.1:%1"_s.arg(proxy.port),
                                        u"--max-events"_s, u"3"_s, server.streamUrl().toString() });
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.ofKind(u"event"_s).size(), 3);
    const QList<QJsonObject> events = result.ofKind(u"event"_s);
    QCOMPARE(events.at(2).value("id"_L1).toString().toLongLong(),
             events.at(0).value("id"_L1).toString().toLongLong() + 2);
    QCOMPARE(requests.size(), 1);
    RawRequest seen;
    seen.headers = requests.at(0).at(2).value<QList<std::pair<QByteArray, QByteArray>>>();
    QVERIFY2(seen.header("Via").contains("ssescope-"), seen.header("Via").constData());
    QCOMPARE(proxy.terminate(), 0);
    QVERIFY2(proxy.log.contains("(http, 127.0.0.1:"), proxy.log.constData());
}

void TestProxyCommand::watchThroughProxyNeedingAuthentication_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("errorKind");
    QTest::addColumn<QStringList>("message");
    // http: the proxy's 407 is the response to the request itself, but it is the proxy's: the
    // reader names the proxy, as for CONNECT.
    QTest::addRow("http") << u"http://127.0.0.1:9/stream"_s << u"networkError"_s
                          << QStringList { u"407 Proxy Authentication Required"_s,
                                           u"requires authentication"_s,
                                           u"the proxy 127.0.0.1:"_s };
    // https: the 407 answers the CONNECT, before any response; the reader names the proxy.
    QTest::addRow("https through CONNECT")
            << u"https://127.0.0.1:9/stream"_s << u"networkError"_s
            << QStringList { u"407"_s, u"requires authentication"_s, u"the proxy 127.0.0.1:"_s };
}

void TestProxyCommand::watchThroughProxyNeedingAuthentication()
{
    QFETCH(QString, url);
    QFETCH(QString, errorKind);
    QFETCH(QStringList, message);
    RawSseServer strictProxy([](QTcpSocket *socket, const RawRequest &, int) {
        RawSseServer::respond(socket,
                              "HTTP/1.1 407 Proxy Authentication Required\r\n"
                              "Proxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n"
                              "Connection: close\r\n\r\n",
                              true);
    });
    QVERIFY(strictProxy.listen());
    const CliResult result =
            runWatch({ u"--proxy"_s, u"http://127.0.0.1:%1"_s.arg(strictProxy.port()), url });
    QCOMPARE(result.exitCode, 2);
    const QList<QJsonObject> errors = result.ofKind(u"error"_s);
    QCOMPARE(errors.size(), 1); // no pointless retries with the same credentials
    QCOMPARE(errors.at(0).value("errorKind"_L1).toString(), errorKind);
    QCOMPARE(errors.at(0).value("fatal"_L1).toBool(), true);
    const QString text = errors.at(0).value("message"_L1).toString();
    for (const QString &part : message)
        QVERIFY2(text.contains(part), qPrintable(text));
    QCOMPARE(strictProxy.requestCount(), 1);
}

QTEST_GUILESS_MAIN(TestProxyCommand)
#include "tst_proxycommand.moc"
