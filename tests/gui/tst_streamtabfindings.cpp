// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
//
// StreamTab's findings: the engine each tab feeds, and where its verdicts show: a row in the
// table, marks on the rows its evidence names, the connection panel's "Last resume" line and
// Next Problem, the detail pane; plus the request/response inspector and the live "last data"
// age. Against the demo server's pathology knobs (docs/findings.md) and raw loopback servers.

#include <atomic>
#include <cstdlib>
#include <memory>

#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
#include <QUrlQuery>

#include "connectionpanel.h"
#include "demoserver.h"
#include "detailpane.h"
#include "mainwindow.h"
#include "messagefilterproxymodel.h"
#include "messagemodel.h"
#include "messageview.h"
#include "rawsseserver.h"
#include "recordtext.h"
#include "streamtab.h"
#include "theme.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// Counting allocations: malloc itself is replaced (Qt's containers allocate with malloc, not
// operator new), and only while this thread asks for it. Not under AddressSanitizer, which
// replaces malloc itself.
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#define SSESCOPE_COUNT_ALLOCATIONS 1
extern "C" {
void *__libc_malloc(size_t size);
void *__libc_calloc(size_t count, size_t size);
void *__libc_realloc(void *pointer, size_t size);
}
namespace {
thread_local bool t_counting = false;
std::atomic<qint64> s_allocations { 0 };
} // namespace
extern "C" void *malloc(size_t size)
{
    if (t_counting)
        s_allocations.fetch_add(1, std::memory_order_relaxed);
    return __libc_malloc(size);
}
extern "C" void *calloc(size_t count, size_t size)
{
    if (t_counting)
        s_allocations.fetch_add(1, std::memory_order_relaxed);
    return __libc_calloc(count, size);
}
extern "C" void *realloc(void *pointer, size_t size)
{
    if (t_counting)
        s_allocations.fetch_add(1, std::memory_order_relaxed);
    return __libc_realloc(pointer, size);
}
#endif

namespace {
constexpr int Timeout = 15'000; // generous: the machine is shared and loaded

/// The table's finding rows, in order.
QList<StreamRecord> findings(const MessageModel *model)
{
    QList<StreamRecord> found;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->recordKind(row) == StreamRecord::Kind::Finding)
            found << model->recordAt(row);
    }
    return found;
}

int rowOfFinding(const MessageModel *model, const QString &id)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->recordKind(row) == StreamRecord::Kind::Finding
            && model->recordAt(row).finding.id == id)
            return row;
    }
    return -1;
}

int firstRowOfKind(const MessageModel *model, StreamRecord::Kind kind)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->recordKind(row) == kind)
            return row;
    }
    return -1;
}

/// The current row of a tab's table, as the model's record.
StreamRecord currentRecord(StreamTab *tab)
{
    const QModelIndex current = tab->proxy()->mapToSource(tab->messageView()->currentIndex());
    return current.isValid() ? tab->model()->recordAt(current.row()) : StreamRecord();
}

qint64 currentNumber(StreamTab *tab)
{
    return tab->messageView()->currentIndex().data(MessageModel::NumberRole).toLongLong();
}
} // namespace

class TestStreamTabFindings : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void resumeGapShowsEverywhere();
    void cleanResumeIsNoProblem();
    void viewMenuJumpsToProblems();
    void stalledStreamSaysSo();
    void inspectorShowsErrorBody();
    void inspectorShowsOpenExchange();
    void http1StreamsAcrossTabs();
    void eventPathAllocatesNothing();

private:
    /// Connects the tab to the demo stream with these knobs, reconnecting 100 ms after a drop.
    void connectTo(const QUrlQuery &query, StreamTab *tab = nullptr);
    template<typename T>
    T *child(const QString &name) const
    {
        return m_tab->findChild<T *>(name);
    }

    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<StreamTab> m_tab;
};

void TestStreamTabFindings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // MainWindow's settings stay out of the home
    QCoreApplication::setOrganizationName(u"SseScopeTests"_s);
    QCoreApplication::setApplicationName(u"tst_streamtabfindings"_s);
}

void TestStreamTabFindings::init()
{
    m_server = std::make_unique<DemoServer>();
    DemoServer::Options options;
    options.intervalMs = 30;
    QVERIFY2(m_server->start(options), qPrintable(m_server->errorString()));
    m_tab = std::make_unique<StreamTab>();
    m_tab->resize(1200, 700);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
}

void TestStreamTabFindings::cleanup()
{
    m_tab.reset();
    m_server.reset();
}

void TestStreamTabFindings::connectTo(const QUrlQuery &query, StreamTab *tab)
{
    if (!tab)
        tab = m_tab.get();
    QUrlQuery withInterval = query;
    if (!withInterval.hasQueryItem(u"interval"_s))
        withInterval.addQueryItem(u"interval"_s, u"30"_s);
    SseReader::Request request;
    request.url = m_server->streamUrl(withInterval);
    request.reconnect.retryOverride = 100ms;
    tab->setRequest(request);
    tab->connectStream();
}

// resume=ignore: after a drop the server goes on with live events only, so the events sent
// while the client reconnected are lost. The verdict is a row, a mark on the rows that prove
// it, the panel's line, Next Problem's target and the detail pane's subject.
void TestStreamTabFindings::resumeGapShowsEverywhere()
{
    connectTo(QUrlQuery { { u"resume"_s, u"ignore"_s } });
    MessageModel *model = m_tab->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->totalEvents() >= 5, Timeout);
    m_tab->reader()->simulateNetworkDrop();
    QTRY_VERIFY_WITH_TIMEOUT((model->flushPending(), rowOfFinding(model, u"resume.gap"_s) >= 0),
                             Timeout);
    const int row = rowOfFinding(model, u"resume.gap"_s);
    const StreamRecord gap = model->recordAt(row);
    QCOMPARE(gap.finding.severity, Finding::Severity::Problem);
    QVERIFY(gap.finding.parameters.value(u"lost"_s).toInteger() >= 1);

    // The row: its words, and the severity as its mark.
    QCOMPARE(model->index(row, MessageModel::DataColumn).data().toString(),
             RecordText::summary(gap));
    QVERIFY(model->lifecycleText(row).startsWith(u"Problem: Resumed after id "_s));
    QCOMPARE(model->index(row, 0).data(MessageModel::MarkerRole).toInt(),
             Theme::severityMarker(Finding::Severity::Problem));
    // The rows the evidence names: the second Connecting and the first event after it.
    const QList<qint64> evidence = m_tab->evidenceRows(gap.finding);
    QCOMPARE(evidence.size(), 2);
    const int connectingRow = model->rowOfNumber(evidence.at(0));
    const int firstEventRow = model->rowOfNumber(evidence.at(1));
    QCOMPARE(model->recordKind(connectingRow), StreamRecord::Kind::Connecting);
    QCOMPARE(model->recordAt(connectingRow).connection, 2);
    QCOMPARE(model->recordKind(firstEventRow), StreamRecord::Kind::Event);
    QCOMPARE(model->eventAt(firstEventRow).lastEventId, gap.finding.parameters[u"firstId"_s]);
    for (const qint64 number : evidence)
        QCOMPARE(model->rowMarker(number), Theme::severityMarker(Finding::Severity::Problem));
    QCOMPARE(
            model->rowMarker(
                    model->index(firstEventRow - 1, 0).data(MessageModel::NumberRole).toLongLong()),
            0);

    // The panel: "Last resume: N lost" in the problem's colour, and a way to it.
    auto *resume = child<QLabel>(u"lastResumeLabel"_s);
    QVERIFY(resume);
    QCOMPARE(resume->text(), RecordText::resumeOutcome(gap.finding));
    QCOMPARE(resume->palette().color(QPalette::WindowText),
             Theme::severityColor(Finding::Severity::Problem, resume->palette()));
    auto *next = child<QToolButton>(u"nextProblemButton"_s);
    QVERIFY(next);
    QVERIFY(next->isEnabled());
    QCOMPARE(m_tab->problemCount(), 1);
    next->click();
    QCOMPARE(currentRecord(m_tab.get()).finding.id, u"resume.gap"_s);

    // The detail pane: verdict, advice and evidence; its row links select the rows.
    DetailPane *detail = m_tab->detailPane();
    QVERIFY(detail->dataText().startsWith(u"Problem: "_s
                                          + RecordText::findingVerdict(gap.finding)));
    QVERIFY(detail->dataText().contains(u"What to do: Keep enough events to replay"_s));
    QVERIFY(detail->metaText().contains(u"Severity: Problem"_s));
    auto *links = detail->findChild<QLabel *>(u"detailEvidence"_s);
    QVERIFY(links);
    QVERIFY(links->isVisible());
    QVERIFY(links->text().contains(u"row:%1"_s.arg(evidence.at(1))));
    emit links->linkActivated(u"row:%1"_s.arg(evidence.at(1)));
    QCOMPARE(currentNumber(m_tab.get()), evidence.at(1));
}

// The default demo replays what a client missed: the verdict is information, not a problem.
void TestStreamTabFindings::cleanResumeIsNoProblem()
{
    connectTo(QUrlQuery());
    MessageModel *model = m_tab->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->totalEvents() >= 5, Timeout);
    m_tab->reader()->simulateNetworkDrop();
    QTRY_VERIFY_WITH_TIMEOUT((model->flushPending(), rowOfFinding(model, u"resume.clean"_s) >= 0),
                             Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(model->totalEvents() >= 15, Timeout);
    for (const StreamRecord &finding : findings(model))
        QVERIFY2(finding.finding.severity == Finding::Severity::Info,
                 qPrintable(finding.finding.verdict));
    const StreamRecord clean = model->recordAt(rowOfFinding(model, u"resume.clean"_s));
    QVERIFY(RecordText::findingVerdict(clean.finding).contains(u"no loss or duplicate found"_s));
    QCOMPARE(child<QLabel>(u"lastResumeLabel"_s)->text(), u"clean"_s);
    QCOMPARE(m_tab->problemCount(), 0);
    QVERIFY(!child<QToolButton>(u"nextProblemButton"_s)->isEnabled());
    QVERIFY(!m_tab->selectNextProblem());
}

// View → Next Problem (F8) and Previous Problem (Shift+F8) go through the current tab's
// problems, wrapping around, and pass over rows the filter hides.
void TestStreamTabFindings::viewMenuJumpsToProblems()
{
    MainWindow window({ false, false, {} });
    window.show();
    StreamTab *tab = window.newTab();
    auto *next = window.findChild<QAction *>(u"actionNextProblem"_s);
    auto *previous = window.findChild<QAction *>(u"actionPreviousProblem"_s);
    QVERIFY(next && previous);
    QCOMPARE(next->shortcut(), QKeySequence(Qt::Key_F8));
    QCOMPARE(previous->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_F8));
    QVERIFY(!next->isEnabled());

    connectTo(QUrlQuery { { u"resume"_s, u"ignore"_s } }, tab);
    MessageModel *model = tab->model();
    for (int drop = 1; drop <= 2; ++drop) {
        QTRY_VERIFY_WITH_TIMEOUT(tab->reader()->state() == SseReader::State::Open, Timeout);
        const qint64 events = model->totalEvents();
        QTRY_VERIFY_WITH_TIMEOUT(model->totalEvents() >= events + 3, Timeout);
        tab->reader()->simulateNetworkDrop();
        QTRY_COMPARE_WITH_TIMEOUT(tab->problemCount(), drop, Timeout);
    }
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), Timeout);
    model->flushPending();
    QList<qint64> gaps;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->recordKind(row) == StreamRecord::Kind::Finding
            && model->recordAt(row).finding.id == u"resume.gap"_s)
            gaps << model->index(row, 0).data(MessageModel::NumberRole).toLongLong();
    }
    QCOMPARE(gaps.size(), 2);

    next->trigger();
    QCOMPARE(currentNumber(tab), gaps.at(0));
    next->trigger();
    QCOMPARE(currentNumber(tab), gaps.at(1));
    next->trigger(); // wraps
    QCOMPARE(currentNumber(tab), gaps.at(0));
    previous->trigger(); // wraps backwards
    QCOMPARE(currentNumber(tab), gaps.at(1));

    // Hidden by the filter: passed over, and with none shown, nothing is selected.
    tab->messageView()->clearSelection();
    tab->messageView()->setCurrentIndex({});
    tab->proxy()->setHideLifecycle(true);
    QVERIFY(!tab->selectNextProblem());
    tab->proxy()->setHideLifecycle(false);
    QVERIFY(tab->selectNextProblem(false));
    QCOMPARE(currentNumber(tab), gaps.at(1));
}

// stallAfter: the stream stays open and sends nothing. The panel says how long it has been
// quiet, live, instead of a healthy uptime.
void TestStreamTabFindings::stalledStreamSaysSo()
{
    connectTo(QUrlQuery { { u"stallAfter"_s, u"3"_s } });
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->model()->totalEvents(), 3, Timeout);
    auto *connection = child<QLabel>(u"connectionLabel"_s);
    QVERIFY(connection);
    QVERIFY(connection->text().contains(u" · up "_s));
    QTRY_VERIFY_WITH_TIMEOUT(connection->text().contains(u" · last data "_s), Timeout);
    QVERIFY2(connection->text().contains(u" s ago"_s), qPrintable(connection->text()));
    QCOMPARE(m_tab->reader()->state(), SseReader::State::Open);
}

// A 401 with a JSON message: the Error row shows the request as sent (the key masked), the
// status line and the body, pretty-printed, so "Incorrect API key provided" is readable.
void TestStreamTabFindings::inspectorShowsErrorBody()
{
    RawSseServer server([](QTcpSocket *socket, const RawRequest &, int) {
        const QByteArray body =
                R"({"error": {"message": "Incorrect API key provided: sk-xx**1234.", )"
                R"("type": "invalid_request_error", "code": "invalid_api_key"}})";
        RawSseServer::respond(socket,
                              "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\n"
                              "Content-Length: "
                                      + QByteArray::number(body.size()) + "\r\n\r\n" + body,
                              true);
    });
    QVERIFY(server.listen());
    SseReader::Request request;
    request.url = server.url();
    request.headers = { { "Authorization", "Bearer sk-live-s3cret" } };
    m_tab->setRequest(request);
    m_tab->connectStream();
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->reader()->state(), SseReader::State::Closed, Timeout);
    MessageModel *model = m_tab->model();
    model->flushPending();
    const int errorRow = firstRowOfKind(model, StreamRecord::Kind::Error);
    QVERIFY(errorRow >= 0);
    m_tab->messageView()->setCurrentIndex(m_tab->proxy()->mapFromSource(model->index(errorRow, 0)));
    const QString text = m_tab->detailPane()->dataText();
    QVERIFY2(text.contains(u"GET /stream"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Authorization: <redacted>"_s), qPrintable(text));
    QVERIFY(!text.contains(u"s3cret"_s));
    QVERIFY2(text.contains(u"HTTP 401 Unauthorized"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Response body\n{\n  \"error\": {\n    \"message\": \"Incorrect API "
                           "key provided: sk-xx**1234.\","_s),
             qPrintable(text));
    QVERIFY(m_tab->detailPane()->metaText().contains(u"Incorrect API key provided"_s));

    // The Connecting row shows the same exchange.
    const int connectingRow = firstRowOfKind(model, StreamRecord::Kind::Connecting);
    m_tab->messageView()->setCurrentIndex(
            m_tab->proxy()->mapFromSource(model->index(connectingRow, 0)));
    QVERIFY(m_tab->detailPane()->dataText().contains(u"Incorrect API key provided"_s));
}

void TestStreamTabFindings::inspectorShowsOpenExchange()
{
    connectTo(QUrlQuery());
    MessageModel *model = m_tab->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->totalEvents() >= 2, Timeout);
    model->flushPending();
    const int openRow = firstRowOfKind(model, StreamRecord::Kind::Open);
    m_tab->messageView()->setCurrentIndex(m_tab->proxy()->mapFromSource(model->index(openRow, 0)));
    const QString text = m_tab->detailPane()->dataText();
    QVERIFY2(text.contains(
                     u"Request, as sent\nGET /stream?interval=30 HTTP/1.1\nHost: 127.0.0.1:"_s),
             qPrintable(text));
    QVERIFY2(text.contains(u"Response\nHTTP/1.1 200 OK\n"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Content-Type: text/event-stream"_s), qPrintable(text));
}

// Browsers open at most 6 HTTP/1.1 connections to one origin: the window counts its tabs' open
// streams per origin, and the seventh stream to the demo server is told so in every tab.
void TestStreamTabFindings::http1StreamsAcrossTabs()
{
    MainWindow window({ false, false, {} });
    window.show();
    QList<StreamTab *> tabs;
    const auto told = [](StreamTab *tab) {
        tab->model()->flushPending();
        for (const StreamRecord &finding : findings(tab->model())) {
            if (finding.finding.id == u"hygiene.http1-streams"_s)
                return finding.finding.parameters.value(u"streams"_s).toInt();
        }
        return 0;
    };
    for (int i = 0; i < 7; ++i) {
        tabs << window.newTab();
        connectTo(QUrlQuery(), tabs.constLast());
        QTRY_COMPARE_WITH_TIMEOUT(tabs.constLast()->reader()->state(), SseReader::State::Open,
                                  Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(tabs.constLast()->model()->totalEvents() >= 1, Timeout);
        if (i < 6) {
            for (StreamTab *tab : std::as_const(tabs))
                QCOMPARE(told(tab), 0);
        }
    }
    for (StreamTab *tab : std::as_const(tabs))
        QTRY_COMPARE_WITH_TIMEOUT(told(tab), 7, Timeout);
}

// The findings engine rides the event path without a cost of its own: no allocation per event
// in the tab's handler (model queue growth aside: amortised, a few dozen for 20,000 events).
void TestStreamTabFindings::eventPathAllocatesNothing()
{
#ifndef SSESCOPE_COUNT_ALLOCATIONS
    QSKIP("allocations are counted only with glibc and without AddressSanitizer");
#else
    SseReader *reader = m_tab->reader();
    const QDateTime start = QDateTime::currentDateTimeUtc();
    StreamRecord connecting;
    connecting.kind = StreamRecord::Kind::Connecting;
    connecting.connection = 1;
    connecting.time = start;
    connecting.url = u"http://127.0.0.1:9/stream"_s;
    StreamRecord open;
    open.kind = StreamRecord::Kind::Open;
    open.connection = 1;
    open.time = start;
    open.status = 200;
    open.httpVersion = u"1.1"_s;
    open.headers = { { "Content-Type", "text/event-stream" }, { "Cache-Control", "no-cache" } };
    emit reader->recordReceived(connecting);
    emit reader->recordReceived(open);

    // Built beforehand: the events' own strings are the reader's, not the handler's.
    constexpr int Count = 20'000;
    const QString data = u"{\"n\":1,\"text\":\"hello\"}"_s;
    const QString type = u"message"_s;
    QList<SseEvent> events;
    events.reserve(Count);
    for (int i = 0; i < Count; ++i) {
        SseEvent event;
        event.type = type;
        event.data = data;
        event.lastEventId = QString::number(i + 1);
        event.hasId = true;
        event.rawSize = 40;
        event.sequence = quint64(i + 1);
        event.connection = 1;
        event.receivedAt = start.addMSecs(100 * (i + 1));
        events.append(event);
    }
    for (int i = 0; i < 100; ++i) // the model's queue and the filter's type set settle
        emit reader->eventReceived(events.at(i));

    s_allocations = 0;
    t_counting = true;
    for (int i = 100; i < Count; ++i)
        emit reader->eventReceived(events.at(i));
    t_counting = false;
    const qint64 allocations = s_allocations;
    qInfo("%lld allocations for %d events", allocations, Count - 100);
    QVERIFY2(allocations < 64, qPrintable(QString::number(allocations)));
    m_tab->model()->flushPending();
    QVERIFY(findings(m_tab->model()).isEmpty());
    QCOMPARE(m_tab->model()->totalEvents(), Count);
#endif
}

QTEST_MAIN(TestStreamTabFindings)
#include "tst_streamtabfindings.moc"
