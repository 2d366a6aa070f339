// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

#include "demoserver.h"
#include "recordjson.h"

using namespace Qt::StringLiterals;

namespace {

constexpr int ProcessTimeout = 30'000;

const QString CliPath = QStringLiteral(SSESCOPE_CLI_PATH);

struct CliRun
{
    int exitCode = -1;
    QByteArray standardOutput;
    QByteArray standardError;
};

// Runs the CLI to completion while this thread's event loop keeps serving the DemoServer.
void runCli(const QStringList &arguments, CliRun &run)
{
    QProcess process;
    process.start(CliPath, arguments);
    QVERIFY2(process.waitForStarted(ProcessTimeout), qPrintable(process.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, ProcessTimeout);
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    run.exitCode = process.exitCode();
    run.standardOutput = process.readAllStandardOutput();
    run.standardError = process.readAllStandardError();
}

QString url(const DemoServer &server, const QString &query)
{
    return server.streamUrl(QUrlQuery(query)).toString(QUrl::FullyEncoded);
}

QStringList findingIds(const QJsonObject &report)
{
    QStringList ids;
    for (const QJsonValue &finding : report.value("findings"_L1).toArray())
        ids << finding.toObject().value("finding"_L1).toString();
    return ids;
}

} // namespace

class TestCheckCommand : public QObject
{
    Q_OBJECT
private slots:
    void usageErrors_data();
    void usageErrors();
    void report_data();
    void report();
    void readableReport();
    void failedStream_data();
    void failedStream();
};

void TestCheckCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no URL") << QStringList() << u"missing URL"_s;
    QTest::newRow("not http") << QStringList { u"ftp://example.com/"_s } << u"invalid URL"_s;
    QTest::newRow("seconds zero") << QStringList { u"http://127.0.0.1:1/"_s, u"--seconds"_s,
                                                   u"0"_s }
                                  << u"--seconds needs"_s;
    QTest::newRow("unknown option") << QStringList { u"--frobnicate"_s } << u"frobnicate"_s;
}

void TestCheckCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    CliRun run;
    runCli(QStringList { u"check"_s } + arguments, run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.standardError.contains(message.toUtf8()), run.standardError.constData());
}

void TestCheckCommand::report_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected"); // a finding id the report must hold
    QTest::newRow("clean") << u"interval=100"_s << 0 << u"resume.clean"_s;
    QTest::newRow("Last-Event-ID ignored")
            << u"interval=100&resume=ignore"_s << 3 << u"resume.gap"_s;
    QTest::newRow("compressed") << u"interval=100&gzip=1"_s << 3 << u"hygiene.compressed"_s;
}

void TestCheckCommand::report()
{
    QFETCH(QString, query);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    DemoServer server;
    QVERIFY(server.start());
    CliRun run;
    runCli({ u"check"_s, url(server, query), u"--seconds"_s, u"2"_s, u"--json"_s }, run);
    if (QTest::currentTestFailed())
        return;
    QJsonParseError error;
    const QJsonObject report = QJsonDocument::fromJson(run.standardOutput, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, run.standardOutput.constData());
    QCOMPARE(run.exitCode, exitCode);
    QCOMPARE(report.value("exitCode"_L1).toInt(), exitCode);
    QVERIFY(report.value("cut"_L1).toBool());
    QVERIFY(report.value("events"_L1).toInt() >= 5);
    QCOMPARE(report.value("connections"_L1).toInt(), 2);
    QCOMPARE(report.value("open"_L1).toObject().value("status"_L1).toInt(), 200);
    const QStringList ids = findingIds(report);
    QVERIFY2(ids.contains(expected), qPrintable(ids.join(u", "_s)));
    // Each entry is the finding record `watch` prints.
    for (const QJsonValue &finding : report.value("findings"_L1).toArray()) {
        const QByteArray line = QJsonDocument(finding.toObject()).toJson(QJsonDocument::Compact);
        const std::optional<StreamRecord> record = RecordJson::fromJsonLine(line);
        QVERIFY(record);
        QCOMPARE(record->kind, StreamRecord::Kind::Finding);
    }
    const QJsonObject counts = report.value("counts"_L1).toObject();
    QCOMPARE(counts.value("warning"_L1).toInt() + counts.value("problem"_L1).toInt() > 0,
             exitCode == 3);
}

void TestCheckCommand::readableReport()
{
    DemoServer server;
    QVERIFY(server.start());
    CliRun run;
    runCli({ u"check"_s, url(server, u"interval=100&resume=ignore"_s), u"--seconds"_s, u"2"_s },
           run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 3);
    const QString text = QString::fromUtf8(run.standardOutput);
    QVERIFY2(text.startsWith(u"SSE Scope check of "_s), qPrintable(text));
    QVERIFY2(text.contains(u"PROBLEM  resume.gap"_s), qPrintable(text));
    QVERIFY2(text.contains(u"What to do: "_s), qPrintable(text));
    QVERIFY2(text.contains(u"exit code 3"_s), qPrintable(text));
}

void TestCheckCommand::failedStream_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("body"); // part of the response body the report must show
    QTest::newRow("401 with a body") << u"status=401"_s << u"401 Unauthorized"_s;
    QTest::newRow("refused") << QString() << QString();
}

void TestCheckCommand::failedStream()
{
    QFETCH(QString, query);
    QFETCH(QString, body);
    DemoServer server;
    QVERIFY(server.start());
    QString target = url(server, query);
    if (query.isEmpty()) {
        // A port nobody listens on.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        target = u"http://127.0.0.1:%1/stream"_s.arg(probe.serverPort());
        probe.close();
    }
    CliRun run;
    runCli({ u"check"_s, target, u"--seconds"_s, u"5"_s, u"--json"_s }, run);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 2);
    const QJsonObject report = QJsonDocument::fromJson(run.standardOutput).object();
    QCOMPARE(report.value("exitCode"_L1).toInt(), 2);
    const QJsonObject error = report.value("error"_L1).toObject();
    QVERIFY(!error.isEmpty());
    if (!body.isEmpty())
        QVERIFY2(error.value("body"_L1).toString().contains(body),
                 qPrintable(error.value("body"_L1).toString()));
}

QTEST_GUILESS_MAIN(TestCheckCommand)
#include "tst_checkcommand.moc"
