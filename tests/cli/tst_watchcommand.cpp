// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include "demoserver.h"
#include "llmdemo.h"
#include "recordjson.h"

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace Qt::StringLiterals;

namespace {

// Generous: the CLI starts a process and a network connection on a loaded 2-core machine.
constexpr int ProcessTimeout = 20'000;

const QString CliPath = QStringLiteral(SSESCOPE_CLI_PATH);

// What one run of the CLI produced.
struct CliRun
{
    int exitCode = -1;
    QByteArray standardOutput;
    QByteArray standardError;
    QJsonObject session; ///< The first line: which format and tool wrote the rest.
    QList<QJsonObject> records; ///< Every line after the Session record.

    QStringList kinds() const
    {
        QStringList result;
        for (const QJsonObject &record : records)
            result << record.value("kind"_L1).toString();
        return result;
    }
    QList<QJsonObject> ofKind(const QString &kind) const
    {
        QList<QJsonObject> result;
        for (const QJsonObject &record : records) {
            if (record.value("kind"_L1).toString() == kind)
                result << record;
        }
        return result;
    }
    QList<qint64> eventIds() const
    {
        QList<qint64> result;
        for (const QJsonObject &event : ofKind(u"event"_s))
            result << event.value("id"_L1).toString().toLongLong();
        return result;
    }
};

// Every stdout line must be one JSON object that both Qt's parser and RecordJson accept, and
// the first one the Session record.
void parseRecords(CliRun &run)
{
    QVERIFY2(run.standardOutput.isEmpty() || run.standardOutput.endsWith('\n'),
             "stdout does not end with a complete line");
    const QList<QByteArray> lines = run.standardOutput.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(lines.at(i), &error);
        QVERIFY2(error.error == QJsonParseError::NoError && document.isObject(),
                 lines.at(i).constData());
        QVERIFY2(RecordJson::fromJsonLine(lines.at(i)), lines.at(i).constData());
        run.records << document.object();
    }
    if (run.records.isEmpty())
        return;
    run.session = run.records.takeFirst();
    QCOMPARE(run.session.value("kind"_L1).toString(), u"session"_s);
    QCOMPARE(run.session.value("format"_L1).toInt(), StreamRecord::FormatVersion);
    QVERIFY(run.session.value("tool"_L1).toString().startsWith(u"ssescope-cli "_s));
}

// Runs the CLI to completion while this thread's event loop keeps serving the DemoServer
// (waitForFinished() would block it).
void runCli(const QStringList &arguments, CliRun &run,
            const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(CliPath, arguments);
    QVERIFY2(process.waitForStarted(ProcessTimeout), qPrintable(process.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, ProcessTimeout);
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    run.exitCode = process.exitCode();
    run.standardOutput = process.readAllStandardOutput();
    run.standardError = process.readAllStandardError();
    parseRecords(run);
}

QUrl streamUrl(const DemoServer &server, const QList<std::pair<QString, QString>> &query)
{
    QUrlQuery urlQuery;
    for (const auto &[name, value] : query)
        urlQuery.addQueryItem(name, value);
    return server.streamUrl(urlQuery);
}

QString urlArgument(const QUrl &url)
{
    return url.toString(QUrl::FullyEncoded);
}

QByteArray headerValue(const QList<std::pair<QByteArray, QByteArray>> &headers, QByteArrayView name)
{
    for (const auto &[headerName, value] : headers) {
        if (QByteArrayView(headerName).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

class TestWatchCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void helpAndVersion_data();
    void helpAndVersion();
    void usageErrors_data();
    void usageErrors();
    void eventsInOrderUntilMaxEvents_data();
    void eventsInOrderUntilMaxEvents();
    void timeoutStops();
    void fatalFailures_data();
    void fatalFailures();
    void gaveUp();
    void lastEventIdResumes();
    void reconnectsWithoutGap();
    void headersMethodAndBodyReachServer();
    void bodyFromFile();
    void comments_data();
    void comments();
    void signalStops_data();
    void signalStops();
    void closedStdoutStops();
    void serveCommand();
    void controlFromStdin();
    void findingRecords_data();
    void findingRecords();
    void llmStreamCompletes_data();
    void llmStreamCompletes();
    void noSecondPostAfterDone_data();
    void noSecondPostAfterDone();
    void llmFaultsAndExitCodes_data();
    void llmFaultsAndExitCodes();
    void timingFromAPacedServer();
    void untilStops_data();
    void untilStops();
    void cleanEndIsASuccess_data();
    void cleanEndIsASuccess();
    void jsonBody();
    void curlCommand();
    void summaryOfAPlainStream();

private:
    DemoServer::Options fastOptions() const;
};

DemoServer::Options TestWatchCommand::fastOptions() const
{
    DemoServer::Options options;
    options.intervalMs = 30;
    return options;
}

void TestWatchCommand::initTestCase()
{
    QVERIFY2(QFile::exists(CliPath), qPrintable(CliPath));
}

void TestWatchCommand::helpAndVersion_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expected");

    QTest::addRow("top-level help")
            << QStringList { u"--help"_s } << QStringList { u"watch"_s, u"serve"_s };
    QTest::addRow("version") << QStringList { u"--version"_s } << QStringList { u"0."_s };
    QTest::addRow("watch help") << QStringList { u"watch"_s, u"--help"_s }
                                << QStringList { u"ssescope-cli watch"_s, u"--max-events"_s,
                                                 u"--reconnect"_s, u"--last-event-id"_s,
                                                 u"--comments"_s };
    QTest::addRow("serve help") << QStringList { u"serve"_s, u"--help"_s }
                                << QStringList { u"--port"_s };
    QTest::addRow("watch help: --proxy") << QStringList { u"watch"_s, u"--help"_s }
                                         << QStringList { u"--proxy"_s, u"socks5://"_s };
    QTest::addRow("watch help: LLM streams")
            << QStringList { u"watch"_s, u"--help"_s }
            << QStringList { u"--until"_s,
                             u"--json"_s,
                             u"--curl"_s,
                             u"--profile"_s,
                             u"--resend-body"_s,
                             u"--summary"_s,
                             u"x-www-form-urlencoded"_s,
                             u"3 = it ended without the end marker"_s };
}

void TestWatchCommand::helpAndVersion()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);
    QProcess process;
    process.start(CliPath, arguments);
    QVERIFY(process.waitForFinished(ProcessTimeout));
    QCOMPARE(process.exitCode(), 0);
    const QString output = QString::fromUtf8(process.readAllStandardOutput());
    for (const QString &text : expected)
        QVERIFY2(output.contains(text), qPrintable(text));
}

void TestWatchCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QString url = u"http://127.0.0.1:9/stream"_s;
    QTest::addRow("no command") << QStringList() << u"missing command"_s;
    QTest::addRow("unknown command") << QStringList { u"listen"_s } << u"unknown command"_s;
    QTest::addRow("missing URL") << QStringList { u"watch"_s } << u"missing URL"_s;
    QTest::addRow("two URLs") << QStringList { u"watch"_s, url, url } << u"unexpected"_s;
    QTest::addRow("not http") << QStringList { u"watch"_s, u"ftp://example.com/x"_s }
                              << u"invalid URL"_s;
    QTest::addRow("unknown option")
            << QStringList { u"watch"_s, url, u"--colour"_s } << u"colour"_s;
    QTest::addRow("max-events zero")
            << QStringList { u"watch"_s, url, u"--max-events"_s, u"0"_s } << u"--max-events"_s;
    QTest::addRow("max-events text")
            << QStringList { u"watch"_s, url, u"--max-events"_s, u"lots"_s } << u"--max-events"_s;
    QTest::addRow("timeout negative")
            << QStringList { u"watch"_s, url, u"--timeout"_s, u"-1"_s } << u"--timeout"_s;
    QTest::addRow("bad policy") << QStringList { u"watch"_s, url, u"--reconnect"_s, u"sometimes"_s }
                                << u"--reconnect"_s;
    QTest::addRow("bad retry") << QStringList { u"watch"_s, url, u"--retry"_s, u"1s"_s }
                               << u"--retry"_s;
    QTest::addRow("bad max-reconnects")
            << QStringList { u"watch"_s, url, u"--max-reconnects"_s, u"-2"_s }
            << u"--max-reconnects"_s;
    QTest::addRow("bad idle-timeout")
            << QStringList { u"watch"_s, url, u"--idle-timeout"_s, u"0"_s } << u"--idle-timeout"_s;
    QTest::addRow("control from elsewhere")
            << QStringList { u"watch"_s, url, u"--control"_s, u"tty"_s } << u"--control"_s;
    QTest::addRow("control and body both on stdin")
            << QStringList { u"watch"_s, url, u"--control"_s, u"stdin"_s, u"--data"_s, u"@-"_s }
            << u"standard input"_s;
    QTest::addRow("findings both ways")
            << QStringList { u"watch"_s, url, u"--findings"_s, u"--no-findings"_s }
            << u"--no-findings"_s;
    QTest::addRow("header without colon")
            << QStringList { u"watch"_s, url, u"--header"_s, u"X-Test"_s } << u"--header"_s;
    QTest::addRow("header with space in name")
            << QStringList { u"watch"_s, url, u"--header"_s, u"X Test: 1"_s } << u"--header"_s;
    QTest::addRow("bad method") << QStringList { u"watch"_s, url, u"--method"_s, u"GE T"_s }
                                << u"--method"_s;
    QTest::addRow("missing data file")
            << QStringList { u"watch"_s, url, u"--data"_s, u"@/nonexistent/body.json"_s }
            << u"/nonexistent/body.json"_s;
    QTest::addRow("option without value")
            << QStringList { u"watch"_s, url, u"--timeout"_s } << u"timeout"_s;
    QTest::addRow("proxy scheme") << QStringList { u"watch"_s, url, u"--proxy"_s, u"ftp://p:1"_s }
                                  << u"--proxy"_s;
    QTest::addRow("proxy without port")
            << QStringList { u"watch"_s, url, u"--proxy"_s, u"http://127.0.0.1"_s } << u"--proxy"_s;
    // The message must not echo a password in the proxy URL.
    QTest::addRow("proxy password not shown")
            << QStringList { u"watch"_s, url, u"--proxy"_s, u"http://user:hunter2@"_s }
            << u"not shown"_s;
    QTest::addRow("until empty") << QStringList { u"watch"_s, url, u"--until"_s, QString() }
                                 << u"--until"_s;
    QTest::addRow("until bad regex")
            << QStringList { u"watch"_s, url, u"--until"_s, u"/(/"_s } << u"regular expression"_s;
    QTest::addRow("unknown profile")
            << QStringList { u"watch"_s, url, u"--profile"_s, u"openai"_s } << u"openai-chat"_s;
    QTest::addRow("custom without pointers")
            << QStringList { u"watch"_s, url, u"--profile"_s, u"custom"_s } << u"--pointer"_s;
    QTest::addRow("pointer without custom")
            << QStringList { u"watch"_s, url, u"--pointer"_s, u"text=/a"_s } << u"custom"_s;
    QTest::addRow("bad pointer") << QStringList {
        u"watch"_s, url, u"--profile"_s, u"custom"_s, u"--pointer"_s, u"text=a.b"_s
    } << u"part=/json/pointer"_s;
    QTest::addRow("data and json")
            << QStringList { u"watch"_s, url, u"-d"_s, u"a"_s, u"--json"_s, u"{}"_s }
            << u"either --data or --json"_s;
    QTest::addRow("URL and curl") << QStringList { u"watch"_s, url, u"--curl"_s,
                                                   u"curl http://h/"_s }
                                  << u"either a URL or --curl"_s;
    QTest::addRow("curl not curl") << QStringList { u"watch"_s, u"--curl"_s, u"wget http://h/"_s }
                                   << u"--curl: not a curl command"_s;
    QTest::addRow("curl form upload")
            << QStringList { u"watch"_s, u"--curl"_s, u"curl -F a=@b http://h/"_s } << u"-F"_s;
}

void TestWatchCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess process;
    process.start(CliPath, arguments);
    QVERIFY(process.waitForFinished(ProcessTimeout));
    QCOMPARE(process.exitCode(), 1);
    QVERIFY(process.readAllStandardOutput().isEmpty());
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestWatchCommand::eventsInOrderUntilMaxEvents_data()
{
    QTest::addColumn<int>("burst");
    QTest::addRow("one per tick") << 1;
    // Many events in one chunk: the limit must still cut at exactly three.
    QTest::addRow("burst of 50") << 50;
}

void TestWatchCommand::eventsInOrderUntilMaxEvents()
{
    QFETCH(int, burst);
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    const QUrl url = streamUrl(server, { { u"burst"_s, QString::number(burst) } });

    CliRun run;
    runCli({ u"watch"_s, urlArgument(url), u"--max-events"_s, u"3"_s }, run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.kinds(),
             (QStringList { u"connecting"_s, u"open"_s, u"event"_s, u"event"_s, u"event"_s,
                            u"closed"_s }));

    const QJsonObject connecting = run.records.at(0);
    QCOMPARE(connecting.value("connection"_L1).toInt(), 1);
    QCOMPARE(connecting.value("url"_L1).toString(), urlArgument(url));
    QCOMPARE(connecting.value("lastEventId"_L1).toString(), QString());

    const QJsonObject open = run.records.at(1);
    QCOMPARE(open.value("status"_L1).toInt(), 200);
    QVERIFY(open.value("contentType"_L1).toString().startsWith(u"text/event-stream"_s));

    const QList<qint64> ids = run.eventIds();
    QVERIFY(ids.at(0) > 0);
    QCOMPARE(ids, (QList<qint64> { ids.at(0), ids.at(0) + 1, ids.at(0) + 2 }));
    for (const QJsonObject &event : run.ofKind(u"event"_s)) {
        QCOMPARE(event.value("connection"_L1).toInt(), 1);
        QCOMPARE(event.value("type"_L1).toString(), u"message"_s);
        QCOMPARE(event.value("lastEventId"_L1).toString(), event.value("id"_L1).toString());
        // The demo payload is the send time; the record's own time is when it was received.
        QVERIFY(QDateTime::fromString(event.value("data"_L1).toString(), Qt::ISODateWithMs)
                        .isValid());
        QVERIFY(QDateTime::fromString(event.value("time"_L1).toString(), Qt::ISODateWithMs)
                        .isValid());
    }
    QCOMPARE(run.records.last().value("reason"_L1).toString(), u"max-events"_s);
}

void TestWatchCommand::timeoutStops()
{
    DemoServer::Options options;
    options.intervalMs = 3'600'000; // Nothing arrives: only the timeout can end the run.
    DemoServer server;
    QVERIFY(server.start(options));

    CliRun run;
    runCli({ u"watch"_s, urlArgument(server.streamUrl()), u"--timeout"_s, u"1"_s }, run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    // "open" is not asserted: on a loaded machine the second may pass before it arrives.
    QVERIFY(run.ofKind(u"event"_s).isEmpty());
    QCOMPARE(run.kinds().first(), u"connecting"_s);
    QCOMPARE(run.kinds().last(), u"closed"_s);
    QCOMPARE(run.records.last().value("reason"_L1).toString(), u"timeout"_s);
}

void TestWatchCommand::fatalFailures_data()
{
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("errorKind");
    QTest::addColumn<QString>("messagePart");

    QTest::addRow("status 500") << u"status"_s << u"500"_s << u"httpStatus"_s << u"500"_s;
    QTest::addRow("wrong content type")
            << u"contentType"_s << u"text/html"_s << u"wrongContentType"_s << u"text/html"_s;
    QTest::addRow("204 no content") << u"status"_s << u"204"_s << u"noContent"_s << u"204"_s;
}

void TestWatchCommand::fatalFailures()
{
    QFETCH(QString, parameter);
    QFETCH(QString, value);
    QFETCH(QString, errorKind);
    QFETCH(QString, messagePart);

    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    CliRun run;
    // The browser policy must not retry these; --timeout only guards against a hang.
    runCli({ u"watch"_s, urlArgument(streamUrl(server, { { parameter, value } })), u"--reconnect"_s,
             u"browser"_s, u"--timeout"_s, u"15"_s },
           run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.kinds(), (QStringList { u"connecting"_s, u"error"_s, u"closed"_s }));
    const QJsonObject error = run.records.at(1);
    QCOMPARE(error.value("fatal"_L1).toBool(), true);
    QCOMPARE(error.value("errorKind"_L1).toString(), errorKind);
    QVERIFY2(error.value("message"_L1).toString().contains(messagePart),
             qPrintable(error.value("message"_L1).toString()));
    QCOMPARE(run.records.last().value("reason"_L1).toString(), u"failed"_s);
}

void TestWatchCommand::gaveUp()
{
    // A port that was just free: every attempt is refused.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();

    CliRun run;
    runCli({ u"watch"_s, u"http://127.0.0.1:%1/stream"_s.arg(port), u"--max-reconnects"_s, u"2"_s,
             u"--retry"_s, u"20"_s, u"--timeout"_s, u"15"_s },
           run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 2);
    const QList<QJsonObject> reconnecting = run.ofKind(u"reconnecting"_s);
    QCOMPARE(reconnecting.size(), 2);
    QCOMPARE(reconnecting.at(0).value("attempt"_L1).toInt(), 1);
    QCOMPARE(reconnecting.at(1).value("attempt"_L1).toInt(), 2);
    QCOMPARE(reconnecting.at(0).value("delayMs"_L1).toInt(), 20);
    QCOMPARE(run.ofKind(u"connecting"_s).size(), 3);
    const QList<QJsonObject> errors = run.ofKind(u"error"_s);
    QVERIFY(!errors.isEmpty());
    QCOMPARE(errors.last().value("fatal"_L1).toBool(), true);
    QCOMPARE(run.records.last().value("kind"_L1).toString(), u"closed"_s);
    QCOMPARE(run.records.last().value("reason"_L1).toString(), u"gave-up"_s);
}

void TestWatchCommand::lastEventIdResumes()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    QTRY_VERIFY_WITH_TIMEOUT(server.lastEventIdSent() >= 8, ProcessTimeout);
    QSignalSpy requests(&server, &DemoServer::requestReceived);

    CliRun run;
    runCli({ u"watch"_s, urlArgument(server.streamUrl()), u"--last-event-id"_s, u"5"_s,
             u"--max-events"_s, u"3"_s },
           run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.records.at(0).value("lastEventId"_L1).toString(), u"5"_s);
    QCOMPARE(run.eventIds(), (QList<qint64> { 6, 7, 8 }));
    QVERIFY(!requests.isEmpty());
    const auto headers = requests.first().at(2).value<QList<std::pair<QByteArray, QByteArray>>>();
    QCOMPARE(headerValue(headers, "Last-Event-ID"), QByteArray("5"));
}

void TestWatchCommand::reconnectsWithoutGap()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions()));

    CliRun run;
    runCli({ u"watch"_s,
             urlArgument(
                     streamUrl(server, { { u"dropEvery"_s, u"3"_s }, { u"retry"_s, u"50"_s } })),
             u"--max-events"_s, u"8"_s, u"--timeout"_s, u"15"_s },
           run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.records.last().value("reason"_L1).toString(), u"max-events"_s);

    const QList<qint64> ids = run.eventIds();
    QCOMPARE(ids.size(), 8);
    for (qsizetype i = 1; i < ids.size(); ++i)
        QCOMPARE(ids.at(i), ids.at(i - 1) + 1); // No gap and no duplicate across reconnects.

    const QList<QJsonObject> retries = run.ofKind(u"retry"_s);
    QVERIFY(!retries.isEmpty());
    QCOMPARE(retries.first().value("ms"_L1).toInt(), 50);

    // Each reconnect announces the id it resumes from, and the next attempt sends it.
    const QList<QJsonObject> &records = run.records;
    int reconnects = 0;
    QString lastSeenId;
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QString kind = records.at(i).value("kind"_L1).toString();
        if (kind == u"event"_s)
            lastSeenId = records.at(i).value("id"_L1).toString();
        if (kind != u"reconnecting"_s)
            continue;
        ++reconnects;
        QCOMPARE(records.at(i).value("lastEventId"_L1).toString(), lastSeenId);
        QCOMPARE(records.at(i).value("delayMs"_L1).toInt(), 50);
        QVERIFY(i + 1 < records.size());
        QCOMPARE(records.at(i + 1).value("kind"_L1).toString(), u"connecting"_s);
        QCOMPARE(records.at(i + 1).value("lastEventId"_L1).toString(), lastSeenId);
    }
    QVERIFY(reconnects >= 2);
    for (const QJsonObject &event : run.ofKind(u"event"_s))
        QVERIFY(event.value("connection"_L1).toInt() >= 1);
    QVERIFY(run.ofKind(u"event"_s).last().value("connection"_L1).toInt() >= 3);
}

void TestWatchCommand::headersMethodAndBodyReachServer()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    QSignalSpy requests(&server, &DemoServer::requestReceived);

    CliRun run;
    runCli({ u"watch"_s, urlArgument(server.streamUrl()), u"--header"_s, u"X-Test: hello"_s,
             u"-H"_s, u"Authorization: Bearer abc"_s, u"--method"_s, u"POST"_s, u"--data"_s, u"x"_s,
             u"--max-events"_s, u"1"_s },
           run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().at(0).toByteArray(), QByteArray("POST"));
    const auto headers = requests.first().at(2).value<QList<std::pair<QByteArray, QByteArray>>>();
    QCOMPARE(headerValue(headers, "X-Test"), QByteArray("hello"));
    QCOMPARE(headerValue(headers, "Authorization"), QByteArray("Bearer abc"));
    QCOMPARE(requests.first().at(3).toByteArray(), QByteArray("x"));
}

void TestWatchCommand::bodyFromFile()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    QFile file(directory.filePath(u"body.json"_s));
    const QByteArray body = "{\"prompt\":\"\xe4\xbd\xa0\xe5\xa5\xbd\"}\n";
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(body);
    file.close();

    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    QSignalSpy requests(&server, &DemoServer::requestReceived);

    CliRun run;
    // --data alone implies POST, as in curl.
    runCli({ u"watch"_s, urlArgument(server.streamUrl()), u"--data"_s, u'@' + file.fileName(),
             u"--max-events"_s, u"1"_s },
           run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().at(0).toByteArray(), QByteArray("POST"));
    QCOMPARE(requests.first().at(3).toByteArray(), body);
}

void TestWatchCommand::comments_data()
{
    QTest::addColumn<bool>("withComments");
    QTest::addRow("with --comments") << true;
    QTest::addRow("without") << false;
}

void TestWatchCommand::comments()
{
    QFETCH(bool, withComments);
    DemoServer::Options options;
    options.intervalMs = 400;
    options.heartbeatMs = 40;
    DemoServer server;
    QVERIFY(server.start(options));

    QStringList arguments { u"watch"_s, urlArgument(server.streamUrl()), u"--max-events"_s,
                            u"2"_s };
    if (withComments)
        arguments << u"--comments"_s;
    CliRun run;
    runCli(arguments, run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    const QList<QJsonObject> comments = run.ofKind(u"comment"_s);
    if (!withComments) {
        QVERIFY(comments.isEmpty());
        return;
    }
    QVERIFY(!comments.isEmpty());
    QVERIFY(comments.first().value("text"_L1).toString().contains(u"heartbeat"_s));
    QCOMPARE(comments.first().value("connection"_L1).toInt(), 1);
}

void TestWatchCommand::signalStops_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<QString>("reason");
#ifdef Q_OS_UNIX
    QTest::addRow("SIGINT") << int(SIGINT) << u"interrupted"_s;
    QTest::addRow("SIGTERM") << int(SIGTERM) << u"terminated"_s;
#endif
}

void TestWatchCommand::signalStops()
{
#ifndef Q_OS_UNIX
    QSKIP("POSIX signals only");
#else
    QFETCH(int, signalNumber);
    QFETCH(QString, reason);

    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    QProcess process;
    QByteArray output;
    connect(&process, &QProcess::readyReadStandardOutput, this,
            [&] { output += process.readAllStandardOutput(); });
    process.start(CliPath, { u"watch"_s, urlArgument(server.streamUrl()) });
    QVERIFY(process.waitForStarted(ProcessTimeout));
    // Lines reach a pipe while the CLI is still running: events are not held back until exit.
    QTRY_VERIFY_WITH_TIMEOUT(output.count("\"kind\":\"event\"") >= 2, ProcessTimeout);
    ::kill(pid_t(process.processId()), signalNumber);
    QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, ProcessTimeout);
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    output += process.readAllStandardOutput();

    CliRun run;
    run.standardOutput = output;
    parseRecords(run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.records.last().value("kind"_L1).toString(), u"closed"_s);
    QCOMPARE(run.records.last().value("reason"_L1).toString(), reason);
#endif
}

void TestWatchCommand::closedStdoutStops()
{
#ifndef Q_OS_UNIX
    QSKIP("Needs a POSIX shell pipeline");
#else
    DemoServer::Options options;
    options.intervalMs = 10;
    options.burst = 20;
    DemoServer server;
    QVERIFY(server.start(options));
    // `watch URL | head -n 1`: the consumer goes away while events keep coming. The group
    // reports the CLI's own exit code on stderr, which head does not touch.
    QProcess shell;
    shell.start(u"/bin/sh"_s,
                { u"-c"_s, u"{ \"$0\" watch \"$1\"; echo \"exit=$?\" >&2; } | head -n 1"_s, CliPath,
                  urlArgument(server.streamUrl()) });
    QVERIFY(shell.waitForStarted(ProcessTimeout));
    QTRY_VERIFY_WITH_TIMEOUT(shell.state() == QProcess::NotRunning, ProcessTimeout);
    const QByteArray firstLine = shell.readAllStandardOutput();
    QVERIFY2(firstLine.startsWith(R"({"kind":"session")"), firstLine.constData());
    const QByteArray error = shell.readAllStandardError();
    QCOMPARE(error.trimmed(), QByteArray("exit=0"));
#endif
}

void TestWatchCommand::serveCommand()
{
    QProcess serve;
    QByteArray serveError;
    connect(&serve, &QProcess::readyReadStandardError, this,
            [&] { serveError += serve.readAllStandardError(); });
    serve.start(CliPath, { u"serve"_s, u"--port"_s, u"0"_s, u"--interval"_s, u"30"_s });
    QVERIFY(serve.waitForStarted(ProcessTimeout));
    const QRegularExpression serving(uR"(Serving on (http://127\.0\.0\.1:\d+/stream))"_s);
    QTRY_VERIFY_WITH_TIMEOUT(serving.match(QString::fromUtf8(serveError)).hasMatch(),
                             ProcessTimeout);
    const QString url = serving.match(QString::fromUtf8(serveError)).captured(1);

    CliRun run;
    runCli({ u"watch"_s, url, u"--max-events"_s, u"2"_s }, run);
    serve.terminate();
    QTRY_VERIFY_WITH_TIMEOUT(serve.state() == QProcess::NotRunning, ProcessTimeout);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.ofKind(u"event"_s).size(), 2);
    QCOMPARE(serve.exitCode(), 0);
}

void TestWatchCommand::controlFromStdin()
{
    // A harness restarts a live stream (an SSE client contract asks for "caller can trigger a
    // restart"): each command is a control record, followed by what it caused.
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    QProcess process;
    process.start(CliPath,
                  { u"watch"_s, urlArgument(server.streamUrl()), u"--control"_s, u"stdin"_s,
                    u"--retry"_s, u"50"_s, u"--timeout"_s, u"30"_s });
    QVERIFY2(process.waitForStarted(ProcessTimeout), qPrintable(process.errorString()));
    QByteArray output;
    const auto kinds = [&output] {
        QStringList result;
        for (const QByteArray &line : output.split('\n')) {
            if (const auto record = RecordJson::fromJsonLine(line))
                result.append(StreamRecord::kindName(record->kind));
        }
        return result;
    };
    const auto waitForEvents = [&](int count) {
        const qsizetype before = kinds().count(u"event"_s);
        QTRY_VERIFY_WITH_TIMEOUT((output += process.readAllStandardOutput(),
                                  kinds().count(u"event"_s) >= before + count),
                                 ProcessTimeout);
    };
    waitForEvents(2);
    process.write("drop\n");
    waitForEvents(2);
    process.write("bogus\noffline 0.2\n");
    waitForEvents(2);
    process.write("reconnect\n");
    waitForEvents(2);
    process.write("close\n");
    QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, ProcessTimeout);
    output += process.readAllStandardOutput();
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardError().contains("unknown control command \"bogus\""));

    QList<StreamRecord> records;
    for (const QByteArray &line : output.split('\n')) {
        if (const auto record = RecordJson::fromJsonLine(line))
            records.append(*record);
    }
    QList<qsizetype> controls;
    for (qsizetype i = 0; i < records.size(); ++i) {
        if (records.at(i).kind == StreamRecord::Kind::Control)
            controls.append(i);
    }
    QCOMPARE(controls.size(), 4);
    const auto commandAt = [&](int n) { return records.at(controls.at(n)).command; };
    const auto next = [&](int n) { return records.at(controls.at(n) + 1); };
    QCOMPARE(commandAt(0), u"drop"_s);
    QCOMPARE(next(0).error.kind, SseError::Kind::SimulatedDrop);
    QCOMPARE(commandAt(1), u"offline"_s);
    QCOMPARE(records.at(controls.at(1)).durationMs, 200);
    QCOMPARE(next(1).error.kind, SseError::Kind::SimulatedOffline);
    QCOMPARE(commandAt(2), u"reconnect"_s);
    QCOMPARE(commandAt(3), u"close"_s);
    QCOMPARE(records.constLast().kind, StreamRecord::Kind::Closed);
    QCOMPARE(records.constLast().reason, u"control"_s);
    // Every reconnect sent the id of the last event before it: nothing lost to the commands.
    QString lastId;
    for (const StreamRecord &record : std::as_const(records)) {
        if (record.kind == StreamRecord::Kind::Event)
            lastId = record.lastEventId;
        else if (record.kind == StreamRecord::Kind::Connecting && !lastId.isEmpty())
            QCOMPARE(record.lastEventId, lastId);
    }
}

// By default the engine's verdicts arrive inline, as finding records every RecordJson reader
// accepts, right after the record that revealed them; --no-findings prints the plain story.
void TestWatchCommand::findingRecords_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<bool>("findings");
    QTest::newRow("default") << QStringList() << true;
    QTest::newRow("--findings") << QStringList { u"--findings"_s } << true;
    QTest::newRow("--no-findings") << QStringList { u"--no-findings"_s } << false;
}

void TestWatchCommand::findingRecords()
{
    QFETCH(QStringList, options);
    QFETCH(bool, findings);
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    // The server closes every 4 events and ignores Last-Event-ID: each resume loses events.
    const QUrl url = streamUrl(server,
                               { { u"interval"_s, u"30"_s },
                                 { u"dropEvery"_s, u"4"_s },
                                 { u"resume"_s, u"ignore"_s } });
    const QStringList arguments = QStringList { u"watch"_s, urlArgument(url),  u"--retry"_s,
                                                u"100"_s,   u"--max-events"_s, u"10"_s }
            + options;
    CliRun run;
    runCli(arguments, run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    const QList<QJsonObject> found = run.ofKind(u"finding"_s);
    if (!findings) {
        QVERIFY(found.isEmpty());
        return;
    }
    QStringList ids;
    for (const QJsonObject &finding : found)
        ids << finding.value("finding"_L1).toString();
    QVERIFY2(ids.contains(u"resume.gap"_s), qPrintable(ids.join(u", "_s)));
    QVERIFY2(ids.contains(u"hygiene.no-retry"_s), qPrintable(ids.join(u", "_s)));
    for (const QJsonObject &finding : found) {
        QVERIFY(!finding.value("verdict"_L1).toString().isEmpty());
        QVERIFY(finding.value("parameters"_L1).isObject());
        QVERIFY(finding.value("evidence"_L1).isObject());
        QVERIFY(finding.value("time"_L1).isString());
    }
    const QJsonObject gap = found.at(ids.indexOf(u"resume.gap"_s));
    QCOMPARE(gap.value("severity"_L1).toString(), u"problem"_s);
    QVERIFY(gap.value("parameters"_L1).toObject().value("lost"_L1).toInt() >= 1);
    // The closed record still ends the output.
    QCOMPARE(run.kinds().constLast(), u"closed"_s);
}

void TestWatchCommand::llmStreamCompletes_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("marker");
    for (const QString &path : LlmDemo::paths()) {
        const QString name = path.mid(5);
        static const QHash<QString, std::pair<QString, QString>> expected = {
            { u"openai"_s, { u"openai-chat"_s, u"[DONE]"_s } },
            { u"openai-responses"_s, { u"openai-responses"_s, u"response.completed"_s } },
            { u"anthropic"_s, { u"anthropic"_s, u"message_stop"_s } },
            { u"gemini"_s, { u"gemini"_s, u"finishReason STOP"_s } },
            { u"ollama"_s, { u"ollama"_s, u"done"_s } },
            { u"mcp"_s, { u"mcp"_s, u"JSON-RPC response"_s } },
        };
        QTest::addRow("%s", qPrintable(name))
                << path << expected.value(name).first << expected.value(name).second;
    }
}

void TestWatchCommand::llmStreamCompletes()
{
    QFETCH(QString, path);
    QFETCH(QString, profile);
    QFETCH(QString, marker);
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    QSignalSpy requests(&server, &DemoServer::requestReceived);
    QUrl url = server.baseUrl();
    url.setPath(path);
    url.setQuery(u"firstToken=20&tokenMs=2&tokens=6"_s);

    CliRun run;
    runCli({ u"watch"_s, urlArgument(url), u"--json"_s,
             u"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"}"_s },
           run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.kinds().mid(run.kinds().size() - 2), (QStringList { u"summary"_s, u"closed"_s }));
    const QJsonObject closed = run.records.last();
    QCOMPARE(closed.value("reason"_L1).toString(), u"completed"_s);
    QCOMPARE(closed.value("endMarker"_L1).toString(), marker);
    const QJsonObject summary = run.ofKind(u"summary"_s).constFirst();
    QCOMPARE(summary.value("profile"_L1).toString(), profile);
    QCOMPARE(summary.value("outcome"_L1).toString(), u"complete"_s);
    QCOMPARE(summary.value("text"_L1).toString(), LlmDemo::answer(6));
    QCOMPARE(summary.value("warnings"_L1).toArray(), QJsonArray());
    QCOMPARE(requests.size(), 1);
}

void TestWatchCommand::noSecondPostAfterDone_data()
{
    QTest::addColumn<QString>("policy");
    for (const char *policy : { "browser", "fixed", "backoff", "off" })
        QTest::addRow("%s", policy) << QString::fromLatin1(policy);
}

void TestWatchCommand::noSecondPostAfterDone()
{
    // Even with re-sending on and a 10 ms retry, [DONE] ends it: one request on the wire.
    QFETCH(QString, policy);
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    QSignalSpy requests(&server, &DemoServer::requestReceived);
    QUrl url = server.baseUrl();
    url.setPath(u"/llm/openai"_s);
    url.setQuery(u"firstToken=10&tokenMs=2&tokens=3"_s);
    CliRun run;
    runCli({ u"watch"_s, urlArgument(url), u"--data"_s, u"{}"_s, u"--reconnect"_s, policy,
             u"--retry"_s, u"10"_s, u"--resend-body"_s },
           run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.records.last().value("reason"_L1).toString(), u"completed"_s);
    QCOMPARE(run.ofKind(u"connecting"_s).size(), 1);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.constFirst().at(0).toByteArray(), QByteArray("POST"));
}

void TestWatchCommand::llmFaultsAndExitCodes_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("warning");

    QTest::addRow("no end marker") << u"/llm/anthropic"_s << u"nodone=1"_s << 3 << u"ended"_s
                                   << u"truncated"_s << u"missing-end-marker"_s;
    QTest::addRow("ollama without done") << u"/llm/ollama"_s << u"nodone=1"_s << 3 << u"ended"_s
                                         << u"truncated"_s << u"missing-end-marker"_s;
    QTest::addRow("error after 200") << u"/llm/openai-responses"_s << u"error=midstream"_s << 2
                                     << u"failed"_s << u"error"_s << u"error-event"_s;
    QTest::addRow("openai error object") << u"/llm/openai"_s << u"error=midstream"_s << 2
                                         << u"failed"_s << u"error"_s << u"error-event"_s;
    QTest::addRow("no usage") << u"/llm/gemini"_s << u"usage=0"_s << 0 << u"completed"_s
                              << u"complete"_s << u"missing-usage"_s;
    QTest::addRow("buffered by a gateway")
            << u"/llm/anthropic"_s << u"buffered=1"_s << 0 << u"completed"_s << u"complete"_s
            << u"buffered-answer"_s;
}

void TestWatchCommand::llmFaultsAndExitCodes()
{
    QFETCH(QString, path);
    QFETCH(QString, query);
    QFETCH(int, exitCode);
    QFETCH(QString, reason);
    QFETCH(QString, outcome);
    QFETCH(QString, warning);
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    QSignalSpy requests(&server, &DemoServer::requestReceived);
    QUrl url = server.baseUrl();
    url.setPath(path);
    url.setQuery(u"firstToken=10&tokenMs=2&tokens=8&"_s + query);
    CliRun run;
    runCli({ u"watch"_s, urlArgument(url), u"--data"_s, u"{}"_s }, run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, exitCode);
    QCOMPARE(run.records.last().value("reason"_L1).toString(), reason);
    const QJsonObject summary = run.ofKind(u"summary"_s).constFirst();
    QCOMPARE(summary.value("outcome"_L1).toString(), outcome);
    QStringList ids;
    for (const QJsonValue &entry : summary.value("warnings"_L1).toArray())
        ids << entry.toObject().value("id"_L1).toString();
    QVERIFY2(ids.contains(warning), qPrintable(ids.join(u", "_s)));
    if (outcome == u"error"_s)
        QCOMPARE(run.ofKind(u"error"_s).constLast().value("errorKind"_L1).toString(),
                 u"streamError"_s);
    QCOMPARE(requests.size(), 1); // a POST that got its stream is never sent again
}

void TestWatchCommand::timingFromAPacedServer()
{
    // 300 ms to the first token, then one token every 40 ms: orders and broad bounds only, so
    // a loaded machine can be late but never makes the figures wrong.
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    QUrl url = server.baseUrl();
    url.setPath(u"/llm/openai"_s);
    url.setQuery(u"firstToken=300&tokenMs=40&tokens=10"_s);
    CliRun run;
    runCli({ u"watch"_s, urlArgument(url), u"--json"_s, u"{}"_s }, run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    const QJsonObject timing = run.ofKind(u"summary"_s).constFirst().value("timing"_L1).toObject();
    const auto ms = [&timing](const char *key) {
        return timing.value(QLatin1String(key)).toInteger();
    };
    QVERIFY(ms("headersMs") >= 0);
    QVERIFY(ms("headersMs") <= ms("firstByteMs"));
    QVERIFY(ms("firstByteMs") <= ms("firstTokenMs"));
    QVERIFY(ms("firstTokenMs") <= ms("totalMs"));
    QVERIFY2(ms("firstTokenMs") >= 290, qPrintable(QString::number(ms("firstTokenMs"))));
    QVERIFY2(ms("firstTokenMs") < ProcessTimeout, qPrintable(QString::number(ms("firstTokenMs"))));
    // Nine gaps of 40 ms between the tokens, however the machine delivers them.
    QVERIFY2(ms("totalMs") - ms("firstTokenMs") >= 9 * 35,
             qPrintable(QString::number(ms("totalMs") - ms("firstTokenMs"))));
    QCOMPARE(ms("textChunks"), 10);
    QCOMPARE(ms("chunks"), 14); // the role chunk, ten tokens, finish, usage, [DONE]
    QVERIFY(ms("gapMaxMs") >= 35);
    QVERIFY(ms("gapMedianMs") <= ms("gapP99Ms"));
    QVERIFY(ms("gapP99Ms") <= ms("gapMaxMs"));
    qint64 gaps = 0;
    for (const QJsonValue &count : timing.value("gapHistogram"_L1).toArray())
        gaps += count.toInteger();
    QCOMPARE(gaps, 13);
    QVERIFY(timing.value("charactersPerSecond"_L1).toDouble() > 0);
    const QJsonObject open = run.ofKind(u"open"_s).constFirst();
    QCOMPARE(open.value("headersMs"_L1).toInteger(), ms("headersMs"));
}

void TestWatchCommand::untilStops_data()
{
    QTest::addColumn<QString>("until");
    QTest::addRow("event type") << u"event:done"_s;
    QTest::addRow("plain name") << u"done"_s;
}

void TestWatchCommand::untilStops()
{
    QFETCH(QString, until);
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    CliRun run;
    runCli({ u"watch"_s, urlArgument(streamUrl(server, { { u"event"_s, u"a,b,done"_s } })),
             u"--until"_s, until, u"--timeout"_s, u"15"_s },
           run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    const QList<QJsonObject> events = run.ofKind(u"event"_s);
    QVERIFY(!events.isEmpty());
    QCOMPARE(events.constLast().value("type"_L1).toString(), u"done"_s);
    QCOMPARE(run.records.last().value("reason"_L1).toString(), u"until"_s);
    QCOMPARE(run.records.last().value("endMarker"_L1).toString(), until);
    QVERIFY(run.ofKind(u"summary"_s).isEmpty()); // a plain stream: no summary unless asked
}

void TestWatchCommand::cleanEndIsASuccess_data()
{
    QTest::addColumn<QStringList>("options");
    // The server ends the stream after two events; nothing follows.
    QTest::addRow("reconnect off") << QStringList { u"--reconnect"_s, u"off"_s };
    QTest::addRow("max-reconnects 0") << QStringList { u"--max-reconnects"_s, u"0"_s };
    QTest::addRow("POST, browser policy") << QStringList { u"--data"_s, u"x"_s };
}

void TestWatchCommand::cleanEndIsASuccess()
{
    QFETCH(QStringList, options);
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    QSignalSpy requests(&server, &DemoServer::requestReceived);
    CliRun run;
    runCli(QStringList { u"watch"_s, urlArgument(streamUrl(server, { { u"dropEvery"_s, u"2"_s } })),
                         u"--retry"_s, u"10"_s, u"--timeout"_s, u"15"_s }
                   + options,
           run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.kinds(),
             (QStringList { u"connecting"_s, u"open"_s, u"event"_s, u"event"_s, u"closed"_s }));
    QCOMPARE(run.records.last().value("reason"_L1).toString(), u"ended"_s);
    QCOMPARE(requests.size(), 1);
}

void TestWatchCommand::jsonBody()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    QSignalSpy requests(&server, &DemoServer::requestReceived);
    CliRun run;
    runCli({ u"watch"_s, urlArgument(server.streamUrl()), u"--json"_s, u"{\"q\":1}"_s,
             u"--max-events"_s, u"1"_s },
           run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(requests.size(), 1);
    const auto headers = requests.first().at(2).value<QList<std::pair<QByteArray, QByteArray>>>();
    QCOMPARE(requests.first().at(0).toByteArray(), QByteArray("POST"));
    QCOMPARE(headerValue(headers, "Content-Type"), QByteArray("application/json"));
    QCOMPARE(headerValue(headers, "Accept"), QByteArray("text/event-stream, application/json"));
    QCOMPARE(requests.first().at(3).toByteArray(), QByteArray("{\"q\":1}"));

    // --data says what it sends: a form body, as curl -d does.
    requests.clear();
    CliRun form;
    runCli({ u"watch"_s, urlArgument(server.streamUrl()), u"--data"_s, u"q=1"_s, u"--max-events"_s,
             u"1"_s },
           form);
    QCOMPARE(form.exitCode, 0);
    const auto formHeaders =
            requests.first().at(2).value<QList<std::pair<QByteArray, QByteArray>>>();
    QCOMPARE(headerValue(formHeaders, "Content-Type"),
             QByteArray("application/x-www-form-urlencoded"));
}

void TestWatchCommand::curlCommand()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    QSignalSpy requests(&server, &DemoServer::requestReceived);
    QUrl url = server.baseUrl();
    url.setPath(u"/llm/openai"_s);
    url.setQuery(u"firstToken=10&tokenMs=2&tokens=4"_s);
    // As copied from API docs: a line continuation and a key from the environment.
    const QString command = u"curl '"_s + urlArgument(url)
            + u"' \\\n  -H \"Authorization: Bearer $SSESCOPE_TEST_KEY\" \\\n"
              "  -H 'Content-Type: application/json' -d '{\"stream\": true}'"_s;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"SSESCOPE_TEST_KEY"_s, u"sk-demo"_s);
    CliRun run;
    runCli({ u"watch"_s, u"--curl"_s, command }, run, environment);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().at(0).toByteArray(), QByteArray("POST"));
    const auto headers = requests.first().at(2).value<QList<std::pair<QByteArray, QByteArray>>>();
    QCOMPARE(headerValue(headers, "Authorization"), QByteArray("Bearer sk-demo"));
    QCOMPARE(requests.first().at(3).toByteArray(), QByteArray("{\"stream\": true}"));
    // The key never reaches the output.
    QVERIFY(!run.standardOutput.contains("sk-demo"));
    QCOMPARE(run.ofKind(u"summary"_s).constFirst().value("text"_L1).toString(), LlmDemo::answer(4));
}

void TestWatchCommand::summaryOfAPlainStream()
{
    DemoServer server;
    QVERIFY(server.start(fastOptions()));
    CliRun run;
    runCli({ u"watch"_s, urlArgument(server.streamUrl()), u"--max-events"_s, u"3"_s,
             u"--summary"_s },
           run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.kinds().mid(run.kinds().size() - 2), (QStringList { u"summary"_s, u"closed"_s }));
    const QJsonObject summary = run.ofKind(u"summary"_s).constFirst();
    QCOMPARE(summary.value("profile"_L1).toString(), u"none"_s);
    QCOMPARE(summary.value("outcome"_L1).toString(), u"stopped"_s);
    QCOMPARE(summary.value("timing"_L1).toObject().value("chunks"_L1).toInteger(), 3);
}

QTEST_GUILESS_MAIN(TestWatchCommand)
#include "tst_watchcommand.moc"
