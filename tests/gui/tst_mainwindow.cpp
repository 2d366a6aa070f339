// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include <memory>

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include "connectionpanel.h"
#include "demoserver.h"
#include "demoserverdialog.h"
#include "mainwindow.h"
#include "messagefilterproxymodel.h"
#include "messagemodel.h"
#include "streamtab.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int Timeout = 15'000; // generous: a loaded 2-core machine runs many suites at once

int eventRows(const MessageModel *model)
{
    int count = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        count += model->rowKind(row) == MessageModel::RowKind::Event;
    return count;
}

QList<qint64> eventIds(const MessageModel *model)
{
    QList<qint64> ids;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->rowKind(row) == MessageModel::RowKind::Event)
            ids << model->eventAt(row).lastEventId.toLongLong();
    }
    return ids;
}

QAction *action(const MainWindow &window, const QString &name)
{
    return window.findChild<QAction *>(name);
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void connectsAndShowsRows();
    void simulatedDropResumesWithLastEventId();
    void filterNarrowsRows();
    void hideLifecycleAction();
    void exportNdjsonParsesBack();
    void exportFailureReportsError();
    void statusBarShowsDropsAndDemo();
    void firstLaunchStartsDemo();
    void sessionRestoresDemoTabOnNewPort();
    void newAndCloseTab();
    void newTabTakesTypingAtOnce();
    void tabsAreToldApart();
    void demoDialogApplyRestartsOnSamePort();

private:
    QUrl testStreamUrl() const;

    std::unique_ptr<DemoServer> m_server;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ssescope-tests"_s);
    QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
}

void TestMainWindow::init()
{
    QSettings().clear();
    m_server = std::make_unique<DemoServer>();
    DemoServer::Options options;
    // The same interval as the URL's query: the stream shares the server's default channel, so
    // its ids are contiguous (the id sequence is server-wide across channels).
    options.intervalMs = 40;
    QVERIFY2(m_server->start(options), qPrintable(m_server->errorString()));
}

void TestMainWindow::cleanup()
{
    m_server.reset();
    QSettings().clear();
}

QUrl TestMainWindow::testStreamUrl() const
{
    return m_server->streamUrl(QUrlQuery(u"interval=40&retry=200"_s));
}

void TestMainWindow::connectsAndShowsRows()
{
    MainWindow window({ false, false, { testStreamUrl().toString() } });
    window.show();
    QCOMPARE(window.tabCount(), 1);
    StreamTab *tab = window.currentTab();
    QVERIFY(tab);
    QCOMPARE(tab->url(), testStreamUrl());
    QTRY_COMPARE_WITH_TIMEOUT(tab->reader()->state(), SseReader::State::Open, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(eventRows(tab->model()) >= 3, Timeout);
    QVERIFY(!window.demoServer()->isListening()); // not asked for
    QVERIFY(window.tabWidget()->tabText(0).contains(u"127.0.0.1"_s));
}

void TestMainWindow::simulatedDropResumesWithLastEventId()
{
    MainWindow window({ false, false, { testStreamUrl().toString() } });
    window.show();
    StreamTab *tab = window.currentTab();
    SseReader *reader = tab->reader();
    QTRY_VERIFY_WITH_TIMEOUT(reader->eventCount() >= 3, Timeout);

    QSignalSpy connects(m_server.get(), &DemoServer::clientConnected);
    QAction *drop = action(window, u"actionSimulateDrop"_s);
    QVERIFY(drop);
    QVERIFY(drop->isEnabled());
    const int attemptsBefore = reader->attemptCount();
    const QString idAtDrop = reader->lastEventId();
    QVERIFY(!idAtDrop.isEmpty());
    drop->trigger();

    // The drop is synchronous: the countdown (retry: 200 ms) is running right now.
    QCOMPARE(reader->attemptCount(), attemptsBefore + 1);
    QVERIFY(reader->isReconnectPending());
    QVERIFY(tab->connectionPanel()->isCountdownTicking());
    auto *bar = tab->connectionPanel()->findChild<QProgressBar *>(u"countdownBar"_s);
    QVERIFY(bar);
    QVERIFY(bar->isVisible());

    QTRY_VERIFY_WITH_TIMEOUT(!connects.isEmpty(), Timeout);
    QCOMPARE(connects.first().at(1).toByteArray(), idAtDrop.toUtf8());
    QTRY_COMPARE_WITH_TIMEOUT(reader->state(), SseReader::State::Open, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(reader->lastEventId().toLongLong() >= idAtDrop.toLongLong() + 3,
                             Timeout);

    tab->model()->flushPending();
    const QList<qint64> ids = eventIds(tab->model());
    QVERIFY(ids.size() >= 6);
    for (qsizetype i = 1; i < ids.size(); ++i)
        QCOMPARE(ids.at(i), ids.at(i - 1) + 1); // contiguous: nothing lost, nothing twice
    QVERIFY(ids.contains(idAtDrop.toLongLong() + 1));
}

void TestMainWindow::filterNarrowsRows()
{
    MainWindow window({ false, false, { testStreamUrl().toString() } });
    window.show();
    StreamTab *tab = window.currentTab();
    QTRY_VERIFY_WITH_TIMEOUT(eventRows(tab->model()) >= 5, Timeout);
    tab->reader()->close(); // freeze the rows
    tab->model()->flushPending();

    const int lastEventRow = [&] {
        for (int row = tab->model()->rowCount() - 1; row >= 0; --row) {
            if (tab->model()->rowKind(row) == MessageModel::RowKind::Event)
                return row;
        }
        return -1;
    }();
    QVERIFY(lastEventRow >= 0);
    const QString needle = tab->model()->eventAt(lastEventRow).data;
    QVERIFY(!needle.isEmpty());
    tab->proxy()->setFilterText(needle);
    QTRY_VERIFY_WITH_TIMEOUT(tab->proxy()->rowCount() >= 1, Timeout);
    QVERIFY(tab->proxy()->rowCount() < tab->model()->rowCount());
    for (int row = 0; row < tab->proxy()->rowCount(); ++row) {
        QVERIFY(tab->proxy()
                        ->index(row, 0)
                        .data(MessageModel::EventDataRole)
                        .toString()
                        .contains(needle, Qt::CaseInsensitive));
    }
}

void TestMainWindow::hideLifecycleAction()
{
    MainWindow window({ false, false, { testStreamUrl().toString() } });
    window.show();
    StreamTab *tab = window.currentTab();
    QTRY_VERIFY_WITH_TIMEOUT(eventRows(tab->model()) >= 2, Timeout);
    tab->model()->flushPending();
    QVERIFY(eventRows(tab->model()) < tab->model()->rowCount()); // connecting/open rows exist

    QAction *hide = action(window, u"actionHideLifecycle"_s);
    QVERIFY(hide);
    hide->trigger();
    QVERIFY(tab->proxy()->hideLifecycle());
    QVERIFY(tab->proxy()->rowCount() >= 2); // the events are still there to check
    for (int row = 0; row < tab->proxy()->rowCount(); ++row) {
        QCOMPARE(tab->proxy()->index(row, 0).data(MessageModel::RowKindRole).toInt(),
                 int(MessageModel::RowKind::Event));
    }
    hide->trigger();
    QVERIFY(!tab->proxy()->hideLifecycle());
}

void TestMainWindow::exportNdjsonParsesBack()
{
    MainWindow window({ false, false, { testStreamUrl().toString() } });
    window.show();
    StreamTab *tab = window.currentTab();
    QTRY_VERIFY_WITH_TIMEOUT(eventRows(tab->model()) >= 5, Timeout);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path =
            dir.filePath(MainWindow::defaultExportFileName(EventExporter::Format::Ndjson));
    QVERIFY(path.endsWith(u".ndjson"_s));
    QString error;
    QVERIFY2(window.exportCurrentTab(path, EventExporter::Format::Ndjson, &error),
             qPrintable(error));
    // Same event loop turn: the model cannot have changed since the export flushed it.
    const int expectedEvents = eventRows(tab->model());
    const int expectedRows = tab->model()->rowCount();

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    int lines = 0;
    int events = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QVERIFY(document.isObject());
        ++lines;
        events += document.object().value(u"kind"_s).toString() == u"event"_s;
    }
    QCOMPARE(lines, expectedRows + 1); // + the Session record heading the file
    QCOMPARE(events, expectedEvents);

    // And the recording opens in a tab of its own, idle, with the same rows.
    StreamTab *recording = window.loadRecording(path, &error);
    QVERIFY2(recording, qPrintable(error));
    QCOMPARE(window.currentTab(), recording);
    QCOMPARE(window.tabCount(), 2);
    QCOMPARE(eventRows(recording->model()), expectedEvents);
    QCOMPARE(recording->model()->rowCount(), expectedRows);
    QCOMPARE(recording->reader()->state(), SseReader::State::Closed);
    QVERIFY(window.tabWidget()->tabToolTip(1).contains(u"Recording"_s));
}

void TestMainWindow::exportFailureReportsError()
{
    MainWindow window({ false, false, {} });
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    QVERIFY(!window.exportCurrentTab(dir.filePath(u"no/such/dir/x.csv"_s),
                                     EventExporter::Format::Csv, &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!window.loadRecording(dir.filePath(u"absent.ndjson"_s), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(window.tabCount(), 1);
}

void TestMainWindow::statusBarShowsDropsAndDemo()
{
    MainWindow window({ false, false, { testStreamUrl().toString() } });
    window.show();
    StreamTab *tab = window.currentTab();
    auto *dropped = window.findChild<QLabel *>(u"droppedLabel"_s);
    auto *demo = window.findChild<QLabel *>(u"demoLabel"_s);
    auto *retained = window.findChild<QLabel *>(u"retainedLabel"_s);
    QVERIFY(dropped && demo && retained);
    QVERIFY(dropped->isHidden());
    QVERIFY(!demo->text().contains(u':'));

    tab->model()->setMaximumRows(5);
    QTRY_VERIFY_WITH_TIMEOUT(tab->model()->droppedCount() > 0, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!dropped->isHidden(), Timeout);
    QVERIFY(dropped->text().contains(u"dropped"_s));
    QVERIFY(retained->text().contains(u"/ 5"_s));

    QVERIFY(window.startDemoServer());
    QTRY_VERIFY_WITH_TIMEOUT(demo->text().contains(QString::number(window.demoServer()->port())),
                             Timeout);
}

void TestMainWindow::firstLaunchStartsDemo()
{
    MainWindow window({ false, true, {} });
    window.show();
    QVERIFY(window.demoServer()->isListening());
    QCOMPARE(window.tabCount(), 1);
    StreamTab *tab = window.currentTab();
    QVERIFY(window.isDemoUrl(tab->url()));
    // The default demo: one timestamp a second.
    QTRY_VERIFY_WITH_TIMEOUT(eventRows(tab->model()) >= 1, Timeout);
}

void TestMainWindow::sessionRestoresDemoTabOnNewPort()
{
    quint16 firstPort = 0;
    {
        MainWindow first({ true, true, {} });
        first.show();
        QVERIFY(first.demoServer()->isListening());
        firstPort = first.demoServer()->port();
        QTRY_COMPARE_WITH_TIMEOUT(first.currentTab()->reader()->state(), SseReader::State::Open,
                                  Timeout);
        first.close(); // writes the session
    }
    // Hold the old port so the restored demo must move to a new one.
    DemoServer blocker;
    DemoServer::Options options;
    options.port = firstPort;
    const bool blocked = blocker.start(options);

    MainWindow second({ true, true, {} });
    second.show();
    QCOMPARE(second.tabCount(), 1);
    QVERIFY(second.demoServer()->isListening());
    if (blocked)
        QVERIFY(second.demoServer()->port() != firstPort);
    StreamTab *tab = second.currentTab();
    QVERIFY(second.isDemoUrl(tab->url()));
    QTRY_VERIFY_WITH_TIMEOUT(eventRows(tab->model()) >= 1, Timeout);
}

void TestMainWindow::newAndCloseTab()
{
    MainWindow window({ false, false, {} });
    QCOMPARE(window.tabCount(), 1);
    action(window, u"actionNewTab"_s)->trigger();
    QCOMPARE(window.tabCount(), 2);
    QCOMPARE(window.tabWidget()->currentIndex(), 1);
    action(window, u"actionCloseTab"_s)->trigger();
    QCOMPARE(window.tabCount(), 1);
    // Closing the last tab leaves a fresh one rather than an empty window.
    action(window, u"actionCloseTab"_s)->trigger();
    QCOMPARE(window.tabCount(), 1);
    QVERIFY(window.currentTab());
}

void TestMainWindow::newTabTakesTypingAtOnce()
{
    // Ctrl+T and type: the text lands in the new tab's URL field, none of it lost.
    MainWindow window({ false, false, {} });
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_T, Qt::ControlModifier);
    QCOMPARE(window.tabCount(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(QApplication::focusWidget(), Timeout);
    QTest::keyClicks(QApplication::focusWidget(), u"localhost:8080/stream"_s);
    QCOMPARE(window.currentTab()->url(), QUrl(u"http://localhost:8080/stream"_s));
}

void TestMainWindow::tabsAreToldApart()
{
    MainWindow window({ false, false, {} });
    window.show();
    StreamTab *first = window.currentTab();
    first->setUrl(QUrl(u"http://127.0.0.1:9/a/very/long/path/to/the/notifications/stream"_s));
    StreamTab *second =
            window.newTab(QUrl(u"http://127.0.0.1:9/a/very/long/path/to/the/prices/stream"_s));
    QTabWidget *tabs = window.tabWidget();
    // Two long URLs of one host: elided in the middle, the ends that differ stay visible.
    QVERIFY(tabs->tabText(0) != tabs->tabText(1));
    QVERIFY2(tabs->tabText(1).contains(u"stream"_s), qPrintable(tabs->tabText(1)));
    QVERIFY2(tabs->tabText(1).startsWith(u"127.0.0.1:9"_s), qPrintable(tabs->tabText(1)));
    QVERIFY2(tabs->tabToolTip(1).contains(u"http://127.0.0.1:9/a/very/long/path/to/the/prices/"
                                          "stream"_s),
             qPrintable(tabs->tabToolTip(1)));

    // Rename Tab… (F2) asks for a name; the tab keeps it, in the session too.
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->setTextValue(u"Prices"_s);
        dialog->accept();
    });
    action(window, u"actionRenameTab"_s)->trigger();
    QCOMPARE(tabs->tabText(1), u"Prices"_s);
    QVERIFY(tabs->tabToolTip(1).contains(u"prices/stream"_s));
    QCOMPARE(first->title(), u"127.0.0.1:9/a/very/long/path/to/the/notifications/stream"_s);
    const QVariantMap state = second->saveState();
    StreamTab restored;
    restored.restoreState(state);
    QCOMPARE(restored.title(), u"Prices"_s);
    second->setCustomTitle(QString());
    QCOMPARE(second->title(), u"127.0.0.1:9/a/very/long/path/to/the/prices/stream"_s);
}

void TestMainWindow::demoDialogApplyRestartsOnSamePort()
{
    MainWindow window({ false, true, {} });
    window.show();
    QVERIFY(window.demoServer()->isListening());
    const quint16 port = window.demoServer()->port();
    StreamTab *tab = window.currentTab();

    action(window, u"actionDemoConfigure"_s)->trigger();
    auto *dialog = window.findChild<DemoServerDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), Timeout);
    QCOMPARE(dialog->options().intervalMs, 1000);
    auto *interval = dialog->findChild<QSpinBox *>(u"intervalSpin"_s);
    auto *retry = dialog->findChild<QSpinBox *>(u"retrySpin"_s);
    QVERIFY(interval && retry);
    interval->setValue(50);
    retry->setValue(100);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Apply)->click();

    QVERIFY(window.demoServer()->isListening());
    QCOMPARE(window.demoServer()->port(), port); // open demo tabs simply reconnect
    QCOMPARE(window.demoServer()->options().intervalMs, 50);
    QCOMPARE(window.demoServer()->options().address, QHostAddress(QHostAddress::LocalHost));
    // The tab was cut by the restart and comes back on the same URL, now at 20 events/s.
    const quint64 before = tab->reader()->eventCount();
    QTRY_VERIFY_WITH_TIMEOUT(tab->reader()->eventCount() >= before + 10, Timeout);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
