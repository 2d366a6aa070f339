// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include <memory>

#include <QAction>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>
#include <QUrlQuery>

#include "connectionpanel.h"
#include "demoserver.h"
#include "readerrecorder.h"
#include "recordtext.h"
#include "ssereader.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// Plural forms ("%n event(s)") are resolved by the English .qm, which only the app loads: the
// checks below match the common prefix of both spellings.
namespace {
constexpr int Timeout = 10000; // generous: the machine is shared and loaded
}

class TestConnectionPanel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void idleWithoutReader();
    void showsOpenAfterConnect();
    void dropShowsCountdownThenOpen();
    void countdownDrainsAndReconnectNow();
    void offlineShowsSimulatedErrorAndAttemptsRise();
    void lastEventIdFollowsReader();
    void errorTextIsPlainAndEscaped();
    void closeStopsTimers();
    void detachAndDestroyedReader();
    void objectNamesPresent_data();
    void objectNamesPresent();

private:
    template<typename T = QLabel>
    T *child(const char *name) const
    {
        T *widget = m_panel->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("missing child %s", name);
        return widget;
    }
    void openReader(const QUrlQuery &query = {}, const SseReader::Request &base = {});
    /// The kinds the log shows, in order.
    QList<StreamRecord::Kind> loggedKinds() const
    {
        QList<StreamRecord::Kind> kinds;
        for (const StreamRecord &record : m_panel->loggedRecords())
            kinds.append(record.kind);
        return kinds;
    }

    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<SseReader> m_reader;
    std::unique_ptr<ReaderRecorder> m_recorder;
    std::unique_ptr<ConnectionPanel> m_panel;
};

void TestConnectionPanel::init()
{
    m_server = std::make_unique<DemoServer>();
    DemoServer::Options options;
    options.intervalMs = 50;
    options.retryMs = 300;
    QVERIFY2(m_server->start(options), qPrintable(m_server->errorString()));
    m_reader = std::make_unique<SseReader>();
    m_recorder = std::make_unique<ReaderRecorder>(m_reader.get());
    m_panel = std::make_unique<ConnectionPanel>();
    m_panel->resize(340, 640);
    m_panel->show();
}

void TestConnectionPanel::cleanup()
{
    m_panel.reset();
    m_recorder.reset();
    m_reader.reset();
    m_server.reset();
}

void TestConnectionPanel::openReader(const QUrlQuery &query, const SseReader::Request &base)
{
    SseReader::Request request = base;
    request.url = query.isEmpty() ? m_server->streamUrl() : m_server->streamUrl(query);
    m_reader->setRequest(request);
    m_panel->setReader(m_reader.get());
    m_reader->open();
}

void TestConnectionPanel::idleWithoutReader()
{
    QCOMPARE(child("stateLabel")->text(), u"CLOSED"_s);
    QVERIFY(!child<QToolButton>("simulateDropButton")->isEnabled());
    QVERIFY(!child<QToolButton>("reconnectNowButton")->isEnabled());
    QVERIFY(child<QProgressBar>("countdownBar")->isHidden());
    QVERIFY(!m_panel->isCountdownTicking());
}

void TestConnectionPanel::showsOpenAfterConnect()
{
    openReader();
    QTRY_COMPARE_WITH_TIMEOUT(child("stateLabel")->text(), u"OPEN"_s, Timeout);
    QVERIFY(child("connectionLabel")->text().contains(u"#1"_s));
    QVERIFY(child<QToolButton>("simulateDropButton")->isEnabled());
    QVERIFY(!child<QToolButton>("reconnectNowButton")->isEnabled());
    QVERIFY(!m_panel->isCountdownTicking()); // no countdown ticker while nothing is pending
    QCOMPARE(child("attemptLabel")->text(), u"No reconnects yet"_s);

    // Totals are polled, not pushed per event: they catch up within a few polls.
    QTRY_VERIFY_WITH_TIMEOUT(m_reader->eventCount() >= 3, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!child("totalsLabel")->text().startsWith(u"0 event"_s), Timeout);
    QVERIFY(child("totalsLabel")->text().contains(u"0 reconnect"_s));
    QTRY_COMPARE_WITH_TIMEOUT(child("serverRetryLabel")->text(), u"300 ms"_s, Timeout);

    // The log is the reader's records, each written by the one formatter with its own time.
    using Kind = StreamRecord::Kind;
    QCOMPARE(loggedKinds(), (QList { Kind::Connecting, Kind::Open, Kind::Retry }));
    const QList<StreamRecord> logged = m_panel->loggedRecords();
    QCOMPARE(logged, m_recorder->records);
    QCOMPARE(logged.at(0).url, m_server->streamUrl().toString());
    QCOMPARE(logged.at(2).retryMs, 300);
    const QStringList lines = m_panel->logText().split(u'\n');
    QCOMPARE(lines.size(), logged.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QCOMPARE(lines.at(i),
                 logged.at(i).time.toLocalTime().toString(u"HH:mm:ss.zzz"_s) % u"  "_s
                         % RecordText::summary(logged.at(i)));
    }
    QCOMPARE(lines.at(0).mid(14), u"Connecting #1 to "_s % m_server->streamUrl().toDisplayString());
    QCOMPARE(lines.at(2).mid(14), u"Server retry: 300 ms"_s);
}

void TestConnectionPanel::dropShowsCountdownThenOpen()
{
    openReader();
    QTRY_COMPARE_WITH_TIMEOUT(m_reader->state(), SseReader::State::Open, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_reader->eventCount() >= 1, Timeout); // so an id is in force

    m_panel->cutConnection();
    const QString pendingId = m_reader->lastEventId();
    QVERIFY(!pendingId.isEmpty());
    // The reader schedules the reconnect synchronously; the panel reflects it at once.
    QVERIFY(m_reader->isReconnectPending());
    QCOMPARE(child("stateLabel")->text(), u"CONNECTING"_s);
    QVERIFY2(child("attemptLabel")->text().startsWith(u"Attempt 1 "_s),
             qPrintable(child("attemptLabel")->text()));
    QVERIFY(child("countdownLabel")->isVisible());
    QVERIFY2(child("countdownLabel")->text().startsWith(u"Reconnecting in "_s),
             qPrintable(child("countdownLabel")->text()));
    QVERIFY(child<QProgressBar>("countdownBar")->isVisible());
    QVERIFY(child<QProgressBar>("countdownBar")->value() > 0);
    QCOMPARE(child("delaySourceLabel")->text(), u"server retry: 300 ms"_s);
    QVERIFY(child<QToolButton>("reconnectNowButton")->isEnabled());
    QVERIFY(m_panel->isCountdownTicking());
    QVERIFY(child("lastErrorLabel")->toolTip().contains(u"(simulated)"_s));

    QTRY_COMPARE_WITH_TIMEOUT(m_recorder->openedCount, 2, Timeout);
    QCOMPARE(child("stateLabel")->text(), u"OPEN"_s);
    QVERIFY(child("connectionLabel")->text().contains(u"#2"_s));
    QVERIFY(child<QProgressBar>("countdownBar")->isHidden());
    QVERIFY(!m_panel->isCountdownTicking());
    QVERIFY(!child<QToolButton>("reconnectNowButton")->isEnabled());
    QVERIFY(child("attemptLabel")->text().contains(u"1 reconnect"_s));

    using Kind = StreamRecord::Kind;
    QCOMPARE(loggedKinds(),
             (QList { Kind::Connecting, Kind::Open, Kind::Retry, Kind::Error, Kind::Reconnecting,
                      Kind::Connecting, Kind::Open }));
    const QList<StreamRecord> logged = m_panel->loggedRecords();
    QCOMPARE(logged.at(3).error.kind, SseError::Kind::SimulatedDrop);
    QVERIFY(logged.at(3).error.simulated);
    QCOMPARE(logged.at(4).lastEventId, pendingId);
    QCOMPARE(logged.at(4).delaySource, u"server-retry"_s);
    const QString log = m_panel->logText();
    // Said once, in the user's words: the kind says it all for a simulated cut.
    QVERIFY2(log.contains(u"Connection cut (simulated)"_s), qPrintable(log));
    QVERIFY2(!log.contains(u"connection reset"_s), qPrintable(log));
    QVERIFY2(log.contains(u"Reconnect attempt 1 after server retry: 300 ms, Last-Event-ID: "_s
                          % pendingId),
             qPrintable(log));
    // The server repeats retry: 300 on every connection; only a change is worth a line.
    QCOMPARE(log.count(u"Server retry"_s), 1);
}

void TestConnectionPanel::countdownDrainsAndReconnectNow()
{
    SseReader::Request base;
    base.reconnect.retryOverride = 20s; // long enough that only the button can end it in time
    openReader({}, base);
    QTRY_COMPARE_WITH_TIMEOUT(m_reader->state(), SseReader::State::Open, Timeout);

    auto *button = child<QToolButton>("reconnectNowButton");
    auto *bar = child<QProgressBar>("countdownBar");
    QVERIFY(!button->isEnabled());
    m_panel->cutConnection();
    QVERIFY(button->isEnabled());
    QCOMPARE(child("delaySourceLabel")->text(), u"user override (20,000 ms)"_s);
    const int start = bar->value();
    QVERIFY(start > bar->maximum() * 9 / 10);
    QTRY_VERIFY_WITH_TIMEOUT(bar->value() < start, Timeout); // it drains by itself
    QVERIFY(child("countdownLabel")->text().startsWith(u"Reconnecting in "_s));

    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!m_reader->isReconnectPending());
    QVERIFY(!button->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder->openedCount, 2, Timeout);
    QCOMPARE(child("stateLabel")->text(), u"OPEN"_s);
    QVERIFY(!m_panel->isCountdownTicking());
}

void TestConnectionPanel::offlineShowsSimulatedErrorAndAttemptsRise()
{
    openReader();
    QTRY_COMPARE_WITH_TIMEOUT(m_reader->state(), SseReader::State::Open, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_reader->serverRetry().has_value(), Timeout);

    auto *spin = child<QSpinBox>("offlineSecondsSpin");
    QCOMPARE(spin->value(), 5);
    QCOMPARE(spin->minimum(), 1);
    QCOMPARE(spin->maximum(), 600);
    spin->setValue(1);
    QAction *offline = m_panel->findChild<QAction *>(u"goOfflineAction"_s);
    QVERIFY(offline);
    QVERIFY(child<QToolButton>("simulateDropButton")->menu()->actions().contains(offline));
    QCOMPARE(offline->text(), u"Go offline for 1 s"_s);
    offline->trigger();

    QCOMPARE(m_reader->lastError().kind, SseError::Kind::SimulatedOffline);
    const QString error = child("lastErrorLabel")->toolTip();
    QVERIFY2(error.contains(u"Network offline for 1,000 ms (simulated)"_s), qPrintable(error));
    QVERIFY2(child("countdownLabel")->text().contains(u"offline (simulated)"_s),
             qPrintable(child("countdownLabel")->text()));
    // Every attempt inside the 1 s window fails at once, so the counter climbs.
    QTRY_VERIFY_WITH_TIMEOUT(child("attemptLabel")->text().startsWith(u"Attempt 2 "_s)
                                     || child("attemptLabel")->text().startsWith(u"Attempt 3 "_s),
                             Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder->openedCount, 2, Timeout);
    QCOMPARE(child("stateLabel")->text(), u"OPEN"_s);
    QVERIFY(m_reader->attemptCount() >= 2);
    const QString log = m_panel->logText();
    QVERIFY2(log.contains(u"Network offline for 1 s (simulated)"_s), qPrintable(log));
    // Each attempt inside the window fails at once; its line says so without repeating itself.
    QVERIFY2(log.contains(u"Network offline (simulated)"_s), qPrintable(log));
    QVERIFY2(!log.contains(u"unreachable"_s), qPrintable(log));
}

void TestConnectionPanel::lastEventIdFollowsReader()
{
    SseReader::Request base;
    base.lastEventId = u"<b>start</b>"_s; // shown verbatim: plain text, never markup
    openReader({}, base);
    auto *label = child("lastEventIdLabel");
    QCOMPARE(label->textFormat(), Qt::PlainText);
    QVERIFY(label->textInteractionFlags() & Qt::TextSelectableByMouse);
    QCOMPARE(label->text(), u"<b>start</b>"_s);

    QTRY_VERIFY_WITH_TIMEOUT(m_reader->eventCount() >= 3, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(label->text() != u"<b>start</b>"_s, Timeout);
    bool numeric = false;
    label->text().toLongLong(&numeric);
    QVERIFY2(numeric, qPrintable(label->text())); // the demo server's ids

    // While a reconnect is pending the id is fixed: the label shows exactly what will be sent.
    m_panel->cutConnection();
    QCOMPARE(label->text(), m_reader->lastEventId());
    m_reader->close();
    QCOMPARE(label->text(), m_reader->lastEventId());
}

void TestConnectionPanel::errorTextIsPlainAndEscaped()
{
    QUrlQuery query;
    query.addQueryItem(u"contentType"_s, u"text/<b>html</b>"_s);
    openReader(query);
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder->closedCount, 1, Timeout); // wrong Content-Type is fatal
    QCOMPARE(child("stateLabel")->text(), u"CLOSED"_s);

    auto *label = child("lastErrorLabel");
    QCOMPARE(label->textFormat(), Qt::PlainText);
    QVERIFY2(label->toolTip().contains(u"&lt;b&gt;html&lt;/b&gt;"_s), qPrintable(label->toolTip()));
    QVERIFY(!label->toolTip().contains(u"<b>"_s));
    // Elided to the panel's width, never wider.
    QVERIFY(label->width() <= m_panel->width());
    QVERIFY(label->fontMetrics().horizontalAdvance(label->text()) <= label->width());
    QVERIFY(m_panel->logText().contains(u"Wrong Content-Type"_s));
    QVERIFY(m_panel->logText().contains(u"(fatal: no reconnect)"_s));
    QCOMPARE(m_panel->loggedRecords().constLast().reason, u"failed"_s);
    QVERIFY(m_panel->logText().trimmed().endsWith(u"Closed after a fatal error"_s));
}

void TestConnectionPanel::closeStopsTimers()
{
    openReader();
    QTRY_COMPARE_WITH_TIMEOUT(m_reader->state(), SseReader::State::Open, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_reader->eventCount() >= 3, Timeout);
    m_panel->cutConnection();
    QVERIFY(m_panel->isCountdownTicking());
    m_reader->close();
    QVERIFY(!m_panel->isCountdownTicking());
    QCOMPARE(child("stateLabel")->text(), u"CLOSED"_s);
    QVERIFY(!child<QToolButton>("simulateDropButton")->isEnabled());
    QVERIFY(!child<QToolButton>("reconnectNowButton")->isEnabled());
    // Final totals are exact once closed (byte sizes human-readable).
    const QString totals = child("totalsLabel")->text();
    QVERIFY2(totals.startsWith(QLocale().toString(m_reader->eventCount()) % u" event"_s),
             qPrintable(totals));
    QVERIFY2(totals.contains(QLocale().formattedDataSize(m_reader->byteCount(), 1,
                                                         QLocale::DataSizeIecFormat)),
             qPrintable(totals));
    QVERIFY(totals.contains(u"1 reconnect"_s));
    QVERIFY(m_panel->logText().trimmed().endsWith(u"Closed"_s));
}

void TestConnectionPanel::detachAndDestroyedReader()
{
    openReader();
    QTRY_COMPARE_WITH_TIMEOUT(child("stateLabel")->text(), u"OPEN"_s, Timeout);
    m_panel->setReader(nullptr);
    QCOMPARE(child("stateLabel")->text(), u"CLOSED"_s);
    QCOMPARE(child("connectionLabel")->text(), u"No stream"_s);
    const QString log = m_panel->logText();
    m_reader->simulateDrop(SseReader::DropMode::Abort);
    QCOMPARE(m_panel->logText(), log); // no longer observed
    QVERIFY(!m_panel->isCountdownTicking());

    m_panel->setReader(m_reader.get());
    QVERIFY(m_panel->isCountdownTicking()); // picks up the pending reconnect it missed
    QCOMPARE(child("stateLabel")->text(), u"CONNECTING"_s);
    m_reader.reset();
    QVERIFY(!m_panel->reader());
    QCOMPARE(child("stateLabel")->text(), u"CLOSED"_s);
    QVERIFY(!m_panel->isCountdownTicking());
}

void TestConnectionPanel::objectNamesPresent_data()
{
    QTest::addColumn<QString>("name");
    for (const char *name :
         { "stateLabel", "connectionLabel", "attemptLabel", "countdownLabel", "countdownBar",
           "delaySourceLabel", "lastErrorLabel", "lastEventIdLabel", "totalsLabel",
           "simulateDropButton", "offlineSecondsSpin", "reconnectNowButton", "lifecycleLog" })
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestConnectionPanel::objectNamesPresent()
{
    QFETCH(QString, name);
    QWidget *widget = m_panel->findChild<QWidget *>(name);
    QVERIFY(widget);
    if (auto *label = qobject_cast<QLabel *>(widget))
        QCOMPARE(label->textFormat(), Qt::PlainText);
    if (auto *log = qobject_cast<QPlainTextEdit *>(widget)) {
        QVERIFY(log->isReadOnly());
        QCOMPARE(log->maximumBlockCount(), 2000);
    }
}

QTEST_MAIN(TestConnectionPanel)
#include "tst_connectionpanel.moc"
