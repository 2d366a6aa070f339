// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

#include "demooptions.h"
#include "sseparser.h"

using namespace Qt::StringLiterals;

namespace {

// Generous: the CLI starts a process and a network connection on a loaded 2-core machine.
constexpr int ProcessTimeout = 20'000;

const QString CliPath = QStringLiteral(SSESCOPE_CLI_PATH);

// A running `ssescope-cli serve`, stopped with SIGTERM when the test leaves.
class ServeProcess
{
public:
    explicit ServeProcess(const QStringList &arguments)
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                         [this] { m_standardError += m_process.readAllStandardError(); });
        m_process.start(CliPath, QStringList { u"serve"_s, u"--port"_s, u"0"_s } + arguments);
    }
    ~ServeProcess()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(ProcessTimeout))
            m_process.kill();
    }
    ServeProcess(const ServeProcess &) = delete;
    ServeProcess &operator=(const ServeProcess &) = delete;

    /// The port from the "Serving on" line; 0 until it was printed.
    quint16 port() const
    {
        static const QRegularExpression serving(
                uR"(Serving on http://127\.0\.0\.1:(\d+)/stream)"_s);
        const auto match = serving.match(QString::fromUtf8(m_standardError));
        return match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
    }

private:
    QProcess m_process;
    QByteArray m_standardError;
};

// A raw HTTP client, so the test sees the exact bytes the server sends.
class RawClient
{
public:
    RawClient(quint16 port, const QByteArray &target)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket,
                         [this] { m_received += m_socket.readAll(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, &m_socket,
                         [this] { m_closed = true; });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.write("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    }
    bool isClosed() const { return m_closed; }
    QByteArray head() const { return m_received.left(m_received.indexOf("\r\n\r\n") + 2); }
    QByteArray body() const
    {
        const qsizetype end = m_received.indexOf("\r\n\r\n");
        return end < 0 ? QByteArray() : m_received.mid(end + 4);
    }
    QList<SseEvent> events() const
    {
        SseParser parser;
        return parser.feed(body());
    }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
    bool m_closed = false;
};

struct Finished
{
    int exitCode = -1;
    QString standardOutput;
    QString standardError;
};

Finished runToEnd(const QStringList &arguments)
{
    QProcess process;
    process.start(CliPath, QStringList { u"serve"_s } + arguments);
    Finished result;
    if (!process.waitForFinished(ProcessTimeout)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitCode();
    result.standardOutput = QString::fromUtf8(process.readAllStandardOutput());
    result.standardError = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace

class TestServeCommand : public QObject
{
    Q_OBJECT
private slots:
    void helpListsEverySchemaFlag();
    void usageErrors_data();
    void usageErrors();
    void flagsReachTheStream();
    void statusFlags();
};

void TestServeCommand::helpListsEverySchemaFlag()
{
    const Finished run = runToEnd({ u"--help"_s });
    QCOMPARE(run.exitCode, 0);
    // Every knob of the shared schema is a flag, with its help and the default it starts with.
    for (const DemoOptions::Spec &spec : DemoOptions::specs()) {
        const QString flag = u"--"_s + spec.flagName + u" <"_s + spec.valueName + u'>';
        QVERIFY2(run.standardOutput.contains(flag), qPrintable(flag));
        if (!spec.queryName.isEmpty())
            QVERIFY2(run.standardOutput.contains(spec.queryName), qPrintable(spec.queryName));
    }
    // Help lines wrap at the terminal width.
    const QString help = run.standardOutput.simplified();
    for (const QString &text : { u"--bind <address>"_s, u"--verbose"_s, u"(default 8080)"_s,
                                 u"(default 1000)"_s, u"(default timestamp)"_s })
        QVERIFY2(help.contains(text), qPrintable(text));
    QVERIFY(run.standardError.isEmpty());
}

void TestServeCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addRow("interval-text") << QStringList { u"--interval"_s, u"soon"_s }
                                   << u"--interval must be an integer from 0 to 86400000, not "
                                      "\"soon\""_s;
    QTest::addRow("interval-negative")
            << QStringList { u"--interval"_s, u"-5"_s } << u"--interval must be"_s;
    QTest::addRow("port-too-big") << QStringList { u"--port"_s, u"65536"_s }
                                  << u"--port must be an integer from 0 to 65535"_s;
    QTest::addRow("burst-zero") << QStringList { u"--burst"_s, u"0"_s } << u"--burst must be"_s;
    QTest::addRow("status-99") << QStringList { u"--status"_s, u"99"_s }
                               << u"--status must be an integer from 200 to 599"_s;
    QTest::addRow("retry-negative")
            << QStringList { u"--retry"_s, u"-1"_s } << u"--retry must be"_s;
    QTest::addRow("retry-after-text")
            << QStringList { u"--retry-after"_s, u"x"_s } << u"--retry-after must be"_s;
    QTest::addRow("replay-too-big") << QStringList { u"--replay-capacity"_s, u"1000001"_s }
                                    << u"--replay-capacity must be"_s;
    QTest::addRow("payload") << QStringList { u"--payload"_s, u"video"_s }
                             << u"--payload must be timestamp, json, tokens or large"_s;
    QTest::addRow("event-line-break")
            << QStringList { u"--event"_s, u"a\nb"_s } << u"--event must not contain line breaks"_s;
    QTest::addRow("content-type-line-break") << QStringList { u"--content-type"_s, u"a\r\nX: 1"_s }
                                             << u"--content-type must not contain line breaks"_s;
    QTest::addRow("bind") << QStringList { u"--bind"_s, u"nowhere"_s }
                          << u"--bind needs an IP address"_s;
    QTest::addRow("unknown-flag") << QStringList { u"--intervall"_s, u"5"_s } << u"intervall"_s;
    QTest::addRow("positional") << QStringList { u"extra"_s } << u"unexpected argument"_s;
}

void TestServeCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Finished run = runToEnd(arguments);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.standardError.startsWith(u"ssescope-cli serve: "_s),
             qPrintable(run.standardError));
    QVERIFY2(run.standardError.contains(message), qPrintable(run.standardError));
    QVERIFY(run.standardOutput.isEmpty());
}

void TestServeCommand::flagsReachTheStream()
{
    ServeProcess serve({ u"--interval"_s, u"20"_s, u"--event"_s, u"tick,tock"_s, u"--payload"_s,
                         u"json"_s, u"--retry"_s, u"1234"_s, u"--drop-every"_s, u"4"_s,
                         u"--content-type"_s, u"text/event-stream"_s, u"--replay-capacity"_s,
                         u"2"_s });
    QTRY_VERIFY_WITH_TIMEOUT(serve.port() != 0, ProcessTimeout);

    RawClient client(serve.port(), "/stream");
    QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), ProcessTimeout); // --drop-every 4
    QVERIFY2(client.head().startsWith("HTTP/1.1 200 OK\r\n"), client.head().constData());
    QVERIFY(client.head().contains("\r\nContent-Type: text/event-stream\r\n"));
    QVERIFY(client.body().startsWith("retry: 1234\n\n"));
    const QList<SseEvent> events = client.events();
    QCOMPARE(events.size(), 4);
    // The default channel ticks from the moment the server listens, so the first event this
    // client sees may be either type; what must hold is that the types take turns.
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QString type = events.at(i).type;
        QVERIFY2(type == u"tick"_s || type == u"tock"_s, qPrintable(type));
        if (i > 0)
            QVERIFY(type != events.at(i - 1).type);
        QVERIFY2(events.at(i).data.startsWith(u"{\"n\":"_s), qPrintable(events.at(i).data));
    }

    // A query still overrides per request, within the same limits.
    RawClient custom(serve.port(), "/stream?dropEvery=1&event=other");
    QTRY_VERIFY_WITH_TIMEOUT(custom.isClosed(), ProcessTimeout);
    QCOMPARE(custom.events().size(), 1);
    QCOMPARE(custom.events().constFirst().type, u"other"_s);
    RawClient bad(serve.port(), "/stream?burst=0");
    QTRY_VERIFY_WITH_TIMEOUT(bad.isClosed(), ProcessTimeout);
    QVERIFY(bad.head().startsWith("HTTP/1.1 400 "));
    QVERIFY(bad.body().startsWith("burst must be an integer from 1 to 100000"));
}

void TestServeCommand::statusFlags()
{
    ServeProcess serve({ u"--status"_s, u"503"_s, u"--retry-after"_s, u"7"_s });
    QTRY_VERIFY_WITH_TIMEOUT(serve.port() != 0, ProcessTimeout);
    RawClient client(serve.port(), "/stream");
    QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), ProcessTimeout);
    QVERIFY2(client.head().startsWith("HTTP/1.1 503 "), client.head().constData());
    QVERIFY(client.head().contains("\r\nRetry-After: 7\r\n"));
}

QTEST_GUILESS_MAIN(TestServeCommand)
#include "tst_servecommand.moc"
