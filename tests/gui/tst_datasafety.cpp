// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "connectionpanel.h"
#include "demoserverdialog.h"
#include "eventexporter.h"
#include "mainwindow.h"
#include "messagemodel.h"
#include "requesteditor.h"
#include "streamrecorder.h"
#include "streamtab.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int Timeout = 20'000; // generous: a loaded 2-core machine runs many suites at once

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            && file.write(bytes) == bytes.size();
}

// A second name for the file's current inode: an in-place rewrite shows through it, a new file
// renamed over the name does not.
bool hardLink(const QString &path, const QString &link)
{
    QFile::remove(link);
    return ::link(QFile::encodeName(path).constData(), QFile::encodeName(link).constData()) == 0;
}

// Everything the app logs (qDebug/qInfo/qWarning/qCritical) while a test runs.
QMutex s_logMutex;
QString s_log;
QtMessageHandler s_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const QMutexLocker locker(&s_logMutex);
        s_log += message + u'\n';
    }
    if (s_previousHandler)
        s_previousHandler(type, context, message);
}

int eventRows(const MessageModel *model)
{
    int count = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        count += model->rowKind(row) == MessageModel::RowKind::Event;
    return count;
}
} // namespace

class TestDataSafety : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void corruptSettingsStartWithDefaults_data();
    void corruptSettingsStartWithDefaults();
    void settingsAndExportsReplaceFilesAtomically();
    void secretsStayOutOfFilesAndLogs();
    void demoServerStaysOnLoopback();
    void cliKeepsSecretsOutOfOutput();

private:
    QString settingsPath() const { return QSettings().fileName(); }
};

void TestDataSafety::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ssescope-tests"_s);
    QCoreApplication::setApplicationName(u"tst_datasafety"_s);
}

void TestDataSafety::init()
{
    QSettings().clear();
    QSettings().sync();
    QFile::remove(settingsPath() + u".corrupt"_s);
}

void TestDataSafety::cleanup()
{
    QSettings().clear();
    QFile::remove(settingsPath() + u".corrupt"_s);
}

void TestDataSafety::corruptSettingsStartWithDefaults_data()
{
    QTest::addColumn<QByteArray>("bytes"); // empty: a real session, cut in half
    static constexpr char Garbage[] = "\x00\x01\xff\xfe\x80garbage\n=\n\x81\x82";
    QTest::addRow("garbage bytes") << QByteArray(Garbage, sizeof(Garbage) - 1);
    QTest::addRow("unterminated section") << QByteArray("[session\ntabs=1\n");
    QTest::addRow("truncated session") << QByteArray();
}

void TestDataSafety::corruptSettingsStartWithDefaults()
{
    QFETCH(QByteArray, bytes);
    const QString path = settingsPath();
    if (bytes.isEmpty()) {
        {
            MainWindow window(
                    { false, false, { u"http://127.0.0.1:9/a"_s, u"http://127.0.0.1:9/b"_s } });
            window.saveSession();
        }
        QSettings().sync();
        const QByteArray whole = readAll(path);
        const qsizetype tabs = whole.indexOf("tabs=");
        QVERIFY2(tabs >= 0, whole.constData());
        bytes = whole.left(tabs + 40); // inside the session's @Variant(...)
    }
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QVERIFY(writeFile(path, bytes));

    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(u"^Settings file .* is corrupt .*starting with "
                                            "defaults"_s));
    MainWindow window({ true, false, {} });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Defaults: one fresh tab, no stream, no demo.
    QCOMPARE(window.tabCount(), 1);
    QVERIFY(window.currentTab()->url().isEmpty());
    QCOMPARE(window.currentTab()->reader()->state(), SseReader::State::Closed);
    QVERIFY(!window.demoServer()->isListening());
    // The damaged file is kept for inspection...
    QCOMPARE(readAll(path + u".corrupt"_s), bytes);

    // ...and the next save writes a clean one that restores without complaint.
    window.currentTab()->setUrl(QUrl(u"http://127.0.0.1:9/fresh"_s));
    window.saveSession();
    QSettings().sync();
    QCOMPARE(QSettings().status(), QSettings::NoError);
    MainWindow again({ true, false, {} });
    QCOMPARE(again.tabCount(), 1);
    QCOMPARE(again.currentTab()->url(), QUrl(u"http://127.0.0.1:9/fresh"_s));
}

void TestDataSafety::settingsAndExportsReplaceFilesAtomically()
{
    // Qt writes settings through QSaveFile: a temporary file renamed over the old one, so a
    // crash mid-save leaves the previous complete file. The old inode keeps the old bytes.
    MainWindow window({ false, false, { u"http://127.0.0.1:9/one"_s } });
    window.saveSession();
    QSettings().sync();
    const QString path = settingsPath();
    const QString oldSettings = path + u".old"_s;
    const QByteArray before = readAll(path);
    QVERIFY(before.contains("tabs="));
    QVERIFY(hardLink(path, oldSettings));
    window.newTab(QUrl(u"http://127.0.0.1:9/two"_s));
    window.saveSession();
    QSettings().sync();
    QVERIFY(readAll(path) != before);
    QCOMPARE(readAll(oldSettings), before);
    QFile::remove(oldSettings);

    // What a crash mid-save leaves behind, a half-written temporary file, changes nothing.
    const QByteArray good = readAll(path);
    QVERIFY(writeFile(path + u".Xk3f9a"_s, good.left(good.size() / 2)));
    {
        MainWindow restored({ true, false, {} });
        QCOMPARE(restored.tabCount(), 2);
        QCOMPARE(restored.tabAt(1)->url(), QUrl(u"http://127.0.0.1:9/two"_s));
    }
    QFile::remove(path + u".Xk3f9a"_s);

    // Exports replace an existing file the same way, and leave nothing else behind.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString exportPath = dir.filePath(u"export.csv"_s);
    const QString oldExport = dir.filePath(u"old.csv"_s);
    QVERIFY(writeFile(exportPath, "old"));
    QVERIFY(hardLink(exportPath, oldExport));
    QString error;
    QVERIFY2(window.exportCurrentTab(exportPath, EventExporter::Format::Csv, &error),
             qPrintable(error));
    QVERIFY(readAll(exportPath).contains("number,time"));
    QCOMPARE(readAll(oldExport), QByteArray("old"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
             (QStringList { u"export.csv"_s, u"old.csv"_s }));
}

void TestDataSafety::secretsStayOutOfFilesAndLogs()
{
    {
        const QMutexLocker locker(&s_logMutex);
        s_log.clear();
    }
    s_previousHandler = qInstallMessageHandler(captureMessage);
    const auto restoreHandler = qScopeGuard([] { qInstallMessageHandler(s_previousHandler); });

    const QStringList secrets = { u"Bearer auth-s3cret-A"_s, u"key-s3cret-B"_s,
                                  u"sid=cookie-s3cret-C"_s, u"tok-s3cret-D"_s };
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString recordingPath = dir.filePath(u"rec.ndjson"_s);
    {
        MainWindow window({ false, false, {} });
        window.show();
        QVERIFY(window.startDemoServer());
        // Drops every 3 events: connecting/open/error/reconnecting rows and log lines too.
        StreamTab *tab = window.newTab(window.demoStreamUrl(u"interval=30&dropEvery=3&retry=50"_s));
        RequestEditor *editor = tab->requestEditor();
        editor->addHeader(u"Authorization"_s, secrets.at(0));
        editor->addHeader(u"X-Api-Key"_s, secrets.at(1));
        editor->addHeader(u"Cookie"_s, secrets.at(2));
        editor->addHeader(u"X-Refresh-Token"_s, secrets.at(3));
        editor->addHeader(u"X-Trace"_s, u"plain-visible-E"_s);
        for (int row = 0; row < 4; ++row)
            QCOMPARE(editor->displayedValue(row), QString(8, QChar(0x2022)));
        QVERIFY(tab->startRecording(recordingPath));
        tab->connectStream();
        QTRY_VERIFY_WITH_TIMEOUT(
                tab->reader()->connectionCount() >= 3 && eventRows(tab->model()) >= 6, Timeout);
        // The headers really were sent: the secrets exist in the app, just not in its output.
        QCOMPARE(tab->reader()->request().headers.size(), 5);
        tab->stopRecording();
        tab->model()->flushPending();

        window.saveSession();
        QSettings().sync();

        const auto checkClean = [&secrets](const QString &what, const QString &text) -> QString {
            for (const QString &secret : secrets) {
                if (text.contains(secret) || text.contains(secret.section(u'-', 1)))
                    return what + u" contains "_s + secret;
            }
            return QString();
        };
        QString leak;
        EventExporter exporter(tab->model());
        for (const auto format : { EventExporter::Format::Ndjson, EventExporter::Format::Csv,
                                   EventExporter::Format::Json }) {
            const QString bytes = QString::fromUtf8(exporter.toBytes(format));
            QVERIFY(bytes.contains(u"connecting"_s)); // lifecycle rows are in
            QVERIFY(bytes.contains(u"Authorization"_s)); // with the headers sent, masked
            leak += checkClean(u"export "_s + EventExporter::fileSuffix(format), bytes);
        }
        const QString recording = QString::fromUtf8(readAll(recordingPath));
        QVERIFY(recording.contains(u"\"kind\":\"reconnecting\""_s));
        leak += checkClean(u"recording"_s, recording);
        const QString log = tab->connectionPanel()->logText();
        QVERIFY(log.contains(u"Reconnect"_s));
        leak += checkClean(u"lifecycle log"_s, log);

        // The session: the raw file and what it decodes to (QVariant maps are stored binary).
        const QString session = QString::fromUtf8(
                QJsonDocument::fromVariant(QSettings().value(u"session/tabs"_s)).toJson());
        QVERIFY2(session.contains(u"plain-visible-E"_s), qPrintable(session));
        QVERIFY(session.contains(u"X-Refresh-Token"_s));
        leak += checkClean(u"session"_s, session);
        leak += checkClean(u"settings file"_s, QString::fromLatin1(readAll(settingsPath())));
        QVERIFY2(leak.isEmpty(), qPrintable(leak));
    }
    const QMutexLocker locker(&s_logMutex);
    for (const QString &secret : secrets)
        QVERIFY2(!s_log.contains(secret), qPrintable(s_log));
}

void TestDataSafety::demoServerStaysOnLoopback()
{
    MainWindow window({ false, false, {} });
    window.configureDemoServer();
    auto *dialog = window.findChild<DemoServerDialog *>();
    QVERIFY(dialog);
    // The dialog offers no address; even options asking for every interface stay on 127.0.0.1.
    DemoServer::Options options = dialog->options();
    QCOMPARE(options.address, QHostAddress(QHostAddress::LocalHost));
    options.address = QHostAddress(QHostAddress::AnyIPv4);
    emit dialog->applied(options);
    QVERIFY(window.demoServer()->isListening());
    QCOMPARE(window.demoServer()->address(), QHostAddress(QHostAddress::LocalHost));
    dialog->close();
}

void TestDataSafety::cliKeepsSecretsOutOfOutput()
{
    DemoServer server;
    DemoServer::Options options;
    options.intervalMs = 20;
    options.dropEvery = 2;
    options.retryMs = 50;
    QVERIFY(server.start(options));
    QUrl url = server.streamUrl();
    url.setUserName(u"alice"_s);
    url.setPassword(u"pw-s3cret-F"_s);

    QByteArray output;
    int exitCode = -1;
    // The event loop must run meanwhile: the server lives in this process.
    const auto run = [&output, &exitCode](const QStringList &arguments) {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels); // stdout and stderr alike
        process.start(QStringLiteral(SSESCOPE_CLI_PATH), arguments);
        QVERIFY2(process.waitForStarted(Timeout), qPrintable(process.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, Timeout);
        output = process.readAll();
        exitCode = process.exitCode();
    };
    run({ u"watch"_s, url.toString(), u"-H"_s, u"Authorization: Bearer cli-s3cret-G"_s,
          u"--header"_s, u"X-Api-Key: key-s3cret-H"_s, u"--max-events"_s, u"5"_s });
    QCOMPARE(exitCode, 0);
    QVERIFY2(output.contains("\"kind\":\"reconnecting\""), output.constData());
    QVERIFY(output.contains("alice@127.0.0.1")); // the URL is there, its password is not
    for (const char *secret : { "s3cret-F", "s3cret-G", "s3cret-H" })
        QVERIFY2(!output.contains(secret), output.constData());

    // A mistyped header (no colon) is refused without echoing what may be a token.
    run({ u"watch"_s, server.streamUrl().toString(), u"-H"_s,
          u"Authorization Bearer cli-s3cret-I"_s });
    QCOMPARE(exitCode, 1);
    QVERIFY(output.contains("--header"));
    QVERIFY2(!output.contains("s3cret-I"), output.constData());
}

QTEST_MAIN(TestDataSafety)
#include "tst_datasafety.moc"
