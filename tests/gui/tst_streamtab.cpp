// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include <memory>

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QUrlQuery>

#include "demoserver.h"
#include "detailpane.h"
#include "filterbar.h"
#include "messagefilterproxymodel.h"
#include "messagemodel.h"
#include "messageview.h"
#include "proxysetting.h"
#include "rawsseserver.h"
#include "recordtext.h"
#include "requestbar.h"
#include "requesteditor.h"
#include "streamrequest.h"
#include "streamtab.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(ProxySetting::Mode)

namespace {
constexpr int Timeout = 15000; // generous: the machine is shared and loaded
const QString NotSaved = u"not saved — enter the value again"_s;

int lifecycleRows(const QAbstractItemModel *model)
{
    int rows = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(MessageModel::RowKindRole).toInt()
            == int(MessageModel::RowKind::Lifecycle))
            ++rows;
    }
    return rows;
}

QStringList lifecycleTexts(const MessageModel *model)
{
    QStringList texts;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->rowKind(row) == MessageModel::RowKind::Lifecycle)
            texts << model->lifecycleText(row);
    }
    return texts;
}
} // namespace

class TestStreamTab : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void titleFollowsUrl_data();
    void titleFollowsUrl();
    void invalidUrlShowsInlineError_data();
    void invalidUrlShowsInlineError();
    void connectShowsRows();
    void liveProxyPassesModelTester();
    void pauseHoldsRowsAtTheCap();
    void editorChangesReachTheRunningStream();
    void disconnectCloses();
    void filterTextNarrowsRows();
    void hideLifecycleRows();
    void eventTypesAreOffered();
    void requestRoundTrip_data();
    void requestRoundTrip();
    void secretHeadersAreMaskedAndNotSaved();
    void stateRoundTrip();
    void sessionRequestIsStreamRequestJson();
    void typedUrlSurvivesSession_data();
    void typedUrlSurvivesSession();
    void version1SessionStillRestores();
    void proxyChoiceRoundTrip_data();
    void proxyChoiceRoundTrip();
    void sessionWithoutProxyChoiceIsSystem();
    void customProxyErrorsNameTheProxy();
    void unusableCustomProxyIsRefused();
    void restoredSecretWarnsBeforeConnecting();
    void pauseShowsBadgeAndStopsFollowing();
    void detailShowsPrettyJson();
    void detailShowsMarkupLiterally();
    void detailTruncatesHugePayloads();

private:
    void connectTo(const QUrlQuery &query);
    template<typename T>
    T *child(const QString &name) const
    {
        return m_tab->findChild<T *>(name);
    }

    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<StreamTab> m_tab;
};

void TestStreamTab::init()
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

void TestStreamTab::cleanup()
{
    m_tab.reset();
    m_server.reset();
}

void TestStreamTab::connectTo(const QUrlQuery &query)
{
    QUrlQuery withInterval = query;
    if (!withInterval.hasQueryItem(u"interval"_s))
        withInterval.addQueryItem(u"interval"_s, u"30"_s);
    m_tab->setUrl(m_server->streamUrl(withInterval));
    m_tab->connectStream();
}

void TestStreamTab::titleFollowsUrl_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("title");
    QTest::addRow("empty") << QString() << u"New stream"_s;
    QTest::addRow("full") << u"https://example.com/events?x=1"_s << u"example.com/events"_s;
    QTest::addRow("port") << u"http://127.0.0.1:8080/stream"_s << u"127.0.0.1:8080/stream"_s;
    QTest::addRow("no scheme") << u"localhost:8080/stream"_s << u"localhost:8080/stream"_s;
}

void TestStreamTab::titleFollowsUrl()
{
    QFETCH(QString, typed);
    QFETCH(QString, title);
    QSignalSpy spy(m_tab.get(), &StreamTab::titleChanged);
    m_tab->setUrl(QUrl(u"http://other.test/x"_s));
    child<QComboBox>(u"urlCombo"_s)->setEditText(typed);
    QCOMPARE(m_tab->title(), title);
    QVERIFY(!spy.isEmpty());
    QCOMPARE(spy.last().at(0).toString(), title);
}

void TestStreamTab::invalidUrlShowsInlineError_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addRow("empty") << QString();
    QTest::addRow("ftp") << u"ftp://example.com/x"_s;
    QTest::addRow("garbage") << u"http://"_s;
    QTest::addRow("spaces only") << u"   "_s;
}

void TestStreamTab::invalidUrlShowsInlineError()
{
    QFETCH(QString, typed);
    child<QComboBox>(u"urlCombo"_s)->setEditText(typed);
    m_tab->connectStream();
    auto *error = child<QLabel>(u"urlError"_s);
    QVERIFY(error);
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    QCOMPARE(error->textFormat(), Qt::PlainText);
    QCOMPARE(m_tab->reader()->state(), SseReader::State::Closed);
    // Typing hides the error again.
    child<QComboBox>(u"urlCombo"_s)->setEditText(u"http://127.0.0.1/"_s);
    QVERIFY(!error->isVisible());
}

void TestStreamTab::connectShowsRows()
{
    QSignalSpy used(m_tab.get(), &StreamTab::urlUsed);
    QSignalSpy statistics(m_tab.get(), &StreamTab::statisticsChanged);
    connectTo({});
    QTRY_VERIFY_WITH_TIMEOUT(m_tab->model()->totalEvents() >= 3, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_tab->proxy()->rowCount() >= 5, Timeout);
    QCOMPARE(m_tab->messageView()->model(), m_tab->proxy());
    QTRY_COMPARE_WITH_TIMEOUT(used.count(), 1, Timeout);
    QCOMPARE(used.at(0).at(0).toString(),
             m_server->streamUrl(QUrlQuery(u"interval=30"_s)).toString());
    QTRY_VERIFY_WITH_TIMEOUT(!statistics.isEmpty(), Timeout);

    // The rows are the reader's records; the table shows them through the one formatter.
    const MessageModel *model = m_tab->model();
    QCOMPARE(model->recordKind(0), StreamRecord::Kind::Connecting);
    QCOMPARE(model->recordAt(0).url, used.at(0).at(0).toString());
    QCOMPARE(model->recordKind(1), StreamRecord::Kind::Open);
    QCOMPARE(model->recordAt(1).status, 200);
    const QStringList texts = lifecycleTexts(model);
    QVERIFY2(texts.size() >= 2, qPrintable(texts.join(u" | "_s)));
    QCOMPARE(texts.at(0), RecordText::summary(model->recordAt(0)));
    QVERIFY2(texts.at(0).startsWith(u"Connecting #1 to http://127.0.0.1:"_s),
             qPrintable(texts.at(0)));
    QVERIFY2(texts.at(1).contains(u"HTTP/1.1 200 OK, text/event-stream"_s),
             qPrintable(texts.at(1)));
    QCOMPARE(m_tab->model()->rowKind(0), MessageModel::RowKind::Lifecycle);
    QCOMPARE(m_tab->model()->rowKind(2), MessageModel::RowKind::Event);
    QCOMPARE(m_tab->model()->headerData(MessageModel::ConnectionColumn, Qt::Horizontal),
             QVariant(u"Conn."_s));
    // The view follows the live tail.
    QScrollBar *bar = m_tab->messageView()->verticalScrollBar();
    QTRY_VERIFY_WITH_TIMEOUT(m_tab->proxy()->rowCount() > 60, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > 0 && bar->value() == bar->maximum(), Timeout);
}

void TestStreamTab::liveProxyPassesModelTester()
{
    // The proxy the view shows, under a live stream: appends, front drops at the cap, filter
    // changes, comments shown and hidden, and clear, each checked by Qt's model tester.
    QAbstractItemModelTester tester(m_tab->proxy(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_tab->model()->setMaximumRows(40);
    m_tab->model()->setFlushInterval(5);
    connectTo(QUrlQuery(u"interval=10&burst=3&event=a,b&heartbeat=20"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_tab->model()->droppedCount() > 0, Timeout);
    MessageFilterProxyModel *proxy = m_tab->proxy();
    const auto settle = [this](qint64 moreEvents) {
        const qint64 target = m_tab->model()->totalEvents() + moreEvents;
        QTRY_VERIFY_WITH_TIMEOUT(m_tab->model()->totalEvents() >= target, Timeout);
    };
    proxy->setShowComments(true);
    settle(10);
    QTRY_VERIFY_WITH_TIMEOUT(proxy->rowCount() > 0, Timeout);
    proxy->setEventTypes({ u"b"_s });
    settle(10);
    proxy->setFilterText(u"2"_s);
    settle(10);
    proxy->setHideLifecycle(true);
    settle(10);
    proxy->setFilterText(QString());
    proxy->setEventTypes({});
    proxy->setShowComments(false);
    settle(10);
    QVERIFY(proxy->rowCount() > 0);
    m_tab->clearEvents();
    settle(10);
    m_tab->disconnectStream();
    m_tab->model()->flushPending();
    QVERIFY(proxy->rowCount() > 0);
}

void TestStreamTab::pauseHoldsRowsAtTheCap()
{
    // A user reading a paused table at the row cap: the rows on screen must stay put while
    // capture goes on and the cap would trim the front. Rows are fed straight into the tab's
    // model, so the test does not race a live stream on a loaded machine.
    MessageModel *model = m_tab->model();
    model->setMaximumRows(30);
    m_tab->resize(900, 600);
    m_tab->show();
    int next = 1;
    const auto feed = [model, &next](int count) {
        for (int i = 0; i < count; ++i) {
            SseEvent event;
            event.type = u"message"_s;
            event.data = u"event %1"_s.arg(next);
            event.lastEventId = QString::number(next++);
            event.hasId = true;
            model->append(event);
        }
        model->flushPending();
    };
    feed(40);
    QCOMPARE(model->rowCount(), 30);
    MessageView *view = m_tab->messageView();
    view->scrollToTop();
    m_tab->setViewPaused(true);
    const auto topNumber = [view] {
        return view->indexAt(QPoint(5, 5)).data(MessageModel::NumberRole).toLongLong();
    };
    const qint64 reading = topNumber();
    QCOMPARE(reading, 11); // rows 1-10 went to the cap before the pause
    feed(25);
    QCOMPARE(topNumber(), reading);
    QCOMPARE(model->rowCount(), 55);
    QCOMPARE(view->newRowsWhilePaused(), 25);
    // The bound while paused is twice the cap: beyond it the oldest rows go after all.
    feed(10);
    QCOMPARE(model->rowCount(), 30 * MessageModel::HoldFactor);
    // Resuming trims to the cap again.
    m_tab->setViewPaused(false);
    QCOMPARE(model->rowCount(), 30);
}

void TestStreamTab::editorChangesReachTheRunningStream()
{
    connectTo({});
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->reader()->state(), SseReader::State::Open, Timeout);
    auto *maxAttempts = m_tab->requestEditor()->findChild<QSpinBox *>(u"maxAttemptsSpin"_s);
    QVERIFY(maxAttempts);
    maxAttempts->setValue(7);
    // Reconnection settings apply to the running stream at once, no Connect needed.
    QCOMPARE(m_tab->reader()->request().reconnect.maxAttempts, 7);
    QVERIFY(child<QLabel>(u"requestWhenNote"_s)->text().contains(u"next Connect"_s));
}

void TestStreamTab::disconnectCloses()
{
    connectTo({});
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->reader()->state(), SseReader::State::Open, Timeout);
    auto *disconnect = child<QPushButton>(u"disconnectButton"_s);
    QVERIFY(disconnect->isEnabled());
    disconnect->click();
    QCOMPARE(m_tab->reader()->state(), SseReader::State::Closed);
    QVERIFY(!disconnect->isEnabled());
    const MessageModel *model = m_tab->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0
                                     && model->recordKind(model->rowCount() - 1)
                                             == StreamRecord::Kind::Closed,
                             Timeout);
    QCOMPARE(model->recordAt(model->rowCount() - 1).reason, u"closed"_s);
    QCOMPARE(lifecycleTexts(model).constLast(), u"Closed"_s);
}

void TestStreamTab::filterTextNarrowsRows()
{
    connectTo(QUrlQuery(u"payload=json"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_tab->model()->totalEvents() >= 12, Timeout);
    m_tab->disconnectStream();
    m_tab->model()->flushPending();
    const int all = m_tab->proxy()->rowCount();

    FilterBar *bar = m_tab->filterBar();
    // An id the stream has sent, as the JSON payload prints it: exactly one row matches.
    const QString wanted = m_tab->model()->eventAt(5).data.section(u',', 0, 0) + u',';
    bar->setFilterText(wanted);
    QCOMPARE(m_tab->proxy()->rowCount(), 1);
    QCOMPARE(m_tab->proxy()->index(0, 0).data(MessageModel::EventDataRole).toString(),
             m_tab->model()->eventAt(5).data);
    // The bar says how many rows the filter lets through, in the locale's numbers.
    auto *count = child<QLabel>(u"shownCountLabel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(count->isVisible(), Timeout);
    QCOMPARE(count->text(), u"1 of %1 shown"_s.arg(QLocale().toString(m_tab->model()->rowCount())));
    // The match is highlighted in the data cell: some pixels there take the highlight colour.
    m_tab->resize(1100, 700);
    m_tab->show();
    MessageView *view = m_tab->messageView();
    const QRect cell = view->visualRect(m_tab->proxy()->index(0, MessageModel::DataColumn));
    QVERIFY(cell.isValid());
    const QImage image = view->viewport()->grab(cell).toImage();
    // The window may be active or not: either colour group's highlight counts.
    const QColor active = view->palette().color(QPalette::Active, QPalette::Highlight).lighter(160);
    const QColor inactive =
            view->palette().color(QPalette::Inactive, QPalette::Highlight).lighter(160);
    int marked = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = image.pixel(x, y); // 8 bits a channel, as painted
            marked += pixel == active.rgb() || pixel == inactive.rgb();
        }
    }
    QVERIFY2(marked > 20, qPrintable(QString::number(marked)));

    bar->setFilterText(QString());
    QCOMPARE(m_tab->proxy()->rowCount(), all);
    QTRY_VERIFY_WITH_TIMEOUT(!count->isVisible(), Timeout); // nothing hidden, nothing to say

    // Typing is debounced, then applied.
    auto *edit = child<QLineEdit>(u"filterEdit"_s);
    edit->setFocus();
    QTest::keyClicks(edit, u"no such text"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->proxy()->rowCount(), 0, Timeout);

    bar->setRegularExpression(true);
    bar->setFilterText(u"([unclosed"_s);
    QVERIFY(child<QLabel>(u"filterError"_s)->isVisible());
    bar->setFilterText(uR"("n":\d+)"_s);
    QVERIFY(!child<QLabel>(u"filterError"_s)->isVisible());
    QCOMPARE(m_tab->proxy()->rowCount(), int(m_tab->model()->totalEvents()));
}

void TestStreamTab::hideLifecycleRows()
{
    connectTo({});
    QTRY_VERIFY_WITH_TIMEOUT(m_tab->model()->totalEvents() >= 3, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(lifecycleRows(m_tab->proxy()) >= 2, Timeout);
    child<QCheckBox>(u"hideLifecycleCheck"_s)->setChecked(true);
    QCOMPARE(lifecycleRows(m_tab->proxy()), 0);
    QVERIFY(m_tab->proxy()->rowCount() > 0);
    child<QCheckBox>(u"hideLifecycleCheck"_s)->setChecked(false);
    QVERIFY(lifecycleRows(m_tab->proxy()) >= 2);
}

void TestStreamTab::eventTypesAreOffered()
{
    connectTo(QUrlQuery(u"event=alpha,beta"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_tab->filterBar()->seenEventTypes().size() == 2, Timeout);
    QCOMPARE(m_tab->filterBar()->seenEventTypes(), (QSet<QString> { u"alpha"_s, u"beta"_s }));
    m_tab->proxy()->setEventTypes({ u"beta"_s });
    m_tab->disconnectStream();
    m_tab->model()->flushPending();
    int events = 0;
    for (int row = 0; row < m_tab->proxy()->rowCount(); ++row) {
        const QModelIndex index = m_tab->proxy()->index(row, 0);
        if (index.data(MessageModel::RowKindRole).toInt() == int(MessageModel::RowKind::Event)) {
            QCOMPARE(index.data(MessageModel::EventTypeRole).toString(), u"beta"_s);
            ++events;
        }
    }
    QVERIFY(events > 0); // the loop above must have had something to check
}

void TestStreamTab::requestRoundTrip_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<int>("mode");
    QTest::addRow("get browser") << QByteArrayLiteral("GET") << int(ReconnectPolicy::Mode::Browser);
    QTest::addRow("post fixed") << QByteArrayLiteral("POST") << int(ReconnectPolicy::Mode::Fixed);
    QTest::addRow("put backoff") << QByteArrayLiteral("PUT") << int(ReconnectPolicy::Mode::Backoff);
    QTest::addRow("patch off") << QByteArrayLiteral("PATCH") << int(ReconnectPolicy::Mode::Off);
}

void TestStreamTab::requestRoundTrip()
{
    QFETCH(QByteArray, method);
    QFETCH(int, mode);
    SseReader::Request request;
    request.url = QUrl(u"https://example.com/events?topic=a%20b"_s);
    request.method = method;
    request.headers = { { "Accept-Language", "zh-CN" }, { "X-Trace", "abc" } };
    const bool hasBody = method != "GET";
    if (hasBody) {
        request.body = QByteArrayLiteral("{\"q\":\"hello\"}");
        request.headers.append(
                std::pair { QByteArray("Content-Type"), QByteArray("application/json") });
    }
    request.lastEventId = u"41"_s;
    request.ignoreTlsErrors = mode == int(ReconnectPolicy::Mode::Backoff);
    request.idleTimeout = 45s;
    request.reconnect.mode = ReconnectPolicy::Mode(mode);
    request.reconnect.fixedDelay = 2500ms;
    if (mode == int(ReconnectPolicy::Mode::Fixed))
        request.reconnect.retryOverride = 750ms;
    request.reconnect.backoffBase = 200ms;
    request.reconnect.backoffCap = 9000ms;
    request.reconnect.jitter = 0.35;
    request.reconnect.maxAttempts = 7;

    m_tab->setRequest(request);
    const SseReader::Request back = m_tab->request();
    QCOMPARE(back.url, request.url);
    QCOMPARE(back.method, request.method);
    QCOMPARE(back.headers, request.headers);
    QCOMPARE(back.body, request.body);
    QCOMPARE(back.lastEventId, request.lastEventId);
    QCOMPARE(back.ignoreTlsErrors, request.ignoreTlsErrors);
    QCOMPARE(back.idleTimeout, request.idleTimeout);
    QCOMPARE(back.reconnect.mode, request.reconnect.mode);
    QCOMPARE(back.reconnect.fixedDelay, request.reconnect.fixedDelay);
    QCOMPARE(back.reconnect.retryOverride, request.reconnect.retryOverride);
    QCOMPARE(back.reconnect.backoffBase, request.reconnect.backoffBase);
    QCOMPARE(back.reconnect.backoffCap, request.reconnect.backoffCap);
    QCOMPARE(back.reconnect.jitter, request.reconnect.jitter);
    QCOMPARE(back.reconnect.maxAttempts, request.reconnect.maxAttempts);

    // The body only goes with a method that has one.
    child<QComboBox>(u"methodCombo"_s)->setEditText(u"GET"_s);
    QVERIFY(m_tab->request().body.isEmpty());
}

void TestStreamTab::secretHeadersAreMaskedAndNotSaved()
{
    SseReader::Request request;
    request.url = QUrl(u"https://example.com/events"_s);
    request.headers = { { "Authorization", "Bearer s3cr3t" },
                        { "X-Session-Token", "tok-123" },
                        { "Cookie", "sid=42" },
                        { "X-Plain", "visible" } };
    m_tab->setRequest(request);
    RequestEditor *editor = m_tab->requestEditor();
    QVERIFY(RequestEditor::isSecretHeader(u"authorization"_s));
    QVERIFY(RequestEditor::isSecretHeader(u"X-API-Key"_s));
    QVERIFY(RequestEditor::isSecretHeader(u"x-refresh-token"_s));
    QVERIFY(!RequestEditor::isSecretHeader(u"Accept"_s));

    // Masked on screen (bullets of a fixed length), revealed on request; request() keeps
    // the real values.
    QTableWidget *table = editor->headerTable();
    const QString bullets(8, QChar(0x2022));
    QCOMPARE(editor->displayedValue(0), bullets);
    QCOMPARE(editor->displayedValue(1), bullets);
    QCOMPARE(editor->displayedValue(2), bullets);
    QCOMPARE(editor->displayedValue(3), u"visible"_s);
    child<QCheckBox>(u"revealSecretsCheck"_s)->setChecked(true);
    QCOMPARE(editor->displayedValue(0), u"Bearer s3cr3t"_s);
    editor->setSecretsRevealed(false);
    QCOMPARE(editor->displayedValue(0), bullets);
    // Renaming a header to a secret name masks it at once.
    table->item(3, RequestEditor::NameColumn)->setText(u"X-Api-Key"_s);
    QCOMPARE(editor->displayedValue(3), bullets);
    table->item(3, RequestEditor::NameColumn)->setText(u"X-Plain"_s);
    QCOMPARE(editor->displayedValue(3), u"visible"_s);
    QCOMPARE(m_tab->request().headers, request.headers);

    // Not saved by default...
    QVariantMap state = m_tab->saveState();
    QString dump =
            QString::fromUtf8(QJsonDocument::fromVariant(state).toJson(QJsonDocument::Compact));
    QVERIFY2(!dump.contains(u"s3cr3t"_s), qPrintable(dump));
    QVERIFY(!dump.contains(u"tok-123"_s));
    QVERIFY(!dump.contains(u"sid=42"_s));
    QVERIFY(dump.contains(u"visible"_s));

    // ...restored as names without values, so the user sees what to fill in.
    StreamTab restored;
    restored.restoreState(state);
    const SseReader::HeaderList headers = restored.request().headers;
    QCOMPARE(headers.size(), 4);
    QCOMPARE(headers.at(0).first, QByteArray("Authorization"));
    QVERIFY(headers.at(0).second.isEmpty());
    QCOMPARE(headers.at(3).second, QByteArray("visible"));
    // ...and each of those rows says so where its value would be.
    QCOMPARE(restored.requestEditor()->displayedValue(0), NotSaved);
    QCOMPARE(restored.requestEditor()->displayedValue(3), u"visible"_s);
    QCOMPARE(restored.requestEditor()->unsavedSecretHeaders(),
             (QStringList { u"Authorization"_s, u"X-Session-Token"_s, u"Cookie"_s }));

    // ...unless the row's Save box is ticked.
    table->item(0, RequestEditor::SaveColumn)->setCheckState(Qt::Checked);
    QVERIFY(!(table->item(3, RequestEditor::SaveColumn)->flags() & Qt::ItemIsUserCheckable));
    state = m_tab->saveState();
    dump = QString::fromUtf8(QJsonDocument::fromVariant(state).toJson(QJsonDocument::Compact));
    QVERIFY(dump.contains(u"s3cr3t"_s));
    QVERIFY(!dump.contains(u"tok-123"_s));
    StreamTab again;
    again.restoreState(state);
    QCOMPARE(again.request().headers.at(0).second, QByteArray("Bearer s3cr3t"));
    // The tick itself is restored, so the next save keeps the value again.
    QCOMPARE(again.requestEditor()->headerTable()->item(0, RequestEditor::SaveColumn)->checkState(),
             Qt::Checked);
    QCOMPARE(again.requestEditor()->unsavedSecretHeaders(),
             (QStringList { u"X-Session-Token"_s, u"Cookie"_s }));
}

void TestStreamTab::stateRoundTrip()
{
    SseReader::Request request;
    request.url = QUrl(u"http://127.0.0.1:9/stream?a=1"_s);
    request.method = "POST";
    request.body = "hello";
    request.headers = { { "X-One", "1" }, { "Content-Type", "text/plain" } };
    request.reconnect.mode = ReconnectPolicy::Mode::Backoff;
    request.reconnect.backoffBase = 300ms;
    request.reconnect.backoffCap = 4000ms;
    request.reconnect.maxAttempts = 3;
    request.idleTimeout = 20s;
    request.ignoreTlsErrors = true;
    m_tab->setRequest(request);
    m_tab->filterBar()->setRegularExpression(true);
    m_tab->filterBar()->setFilterText(u"^a"_s);
    child<QCheckBox>(u"hideLifecycleCheck"_s)->setChecked(true);
    m_tab->messageView()->horizontalHeader()->resizeSection(MessageModel::TypeColumn, 123);
    m_tab->messageView()->horizontalHeader()->setSectionHidden(MessageModel::IdColumn, true);

    const QVariantMap state = m_tab->saveState();
    // Sessions are stored as JSON or QSettings: the state must survive a JSON trip.
    const QVariantMap viaJson = QJsonDocument::fromVariant(state).toVariant().toMap();

    StreamTab restored;
    restored.resize(1200, 700);
    restored.restoreState(viaJson);
    const SseReader::Request back = restored.request();
    QCOMPARE(back.url, request.url);
    QCOMPARE(back.method, request.method);
    QCOMPARE(back.body, request.body);
    QCOMPARE(back.headers, request.headers);
    QCOMPARE(back.reconnect.mode, ReconnectPolicy::Mode::Backoff);
    QCOMPARE(back.reconnect.backoffBase, 300ms);
    QCOMPARE(back.reconnect.backoffCap, 4000ms);
    QCOMPARE(back.reconnect.maxAttempts, 3);
    QCOMPARE(back.idleTimeout, 20s);
    QVERIFY(back.ignoreTlsErrors);
    QCOMPARE(restored.filterBar()->filterText(), u"^a"_s);
    QVERIFY(restored.filterBar()->isRegularExpression());
    QVERIFY(restored.proxy()->hideLifecycle());
    QCOMPARE(restored.proxy()->filterText(), u"^a"_s);
    QCOMPARE(restored.messageView()->horizontalHeader()->sectionSize(MessageModel::TypeColumn),
             123);
    QVERIFY(restored.messageView()->horizontalHeader()->isSectionHidden(MessageModel::IdColumn));
    QCOMPARE(restored.title(), u"127.0.0.1:9/stream"_s);
}

void TestStreamTab::sessionRequestIsStreamRequestJson()
{
    SseReader::Request request;
    request.url = QUrl(u"https://example.com/events"_s);
    request.method = "POST";
    request.body = "{}";
    request.headers = { { "Authorization", "Bearer s3cr3t" },
                        { "X-Plain", "visible" },
                        { "Content-Type", "application/json" } };
    request.reconnect.mode = ReconnectPolicy::Mode::Fixed;
    m_tab->setRequest(request);

    // The request part of a session is the library's JSON form, which any face reads back.
    const QVariantMap state = m_tab->saveState();
    QCOMPARE(state.value(u"version"_s).toInt(), 2);
    const StreamRequestJson::Result read = StreamRequestJson::fromJson(
            QJsonObject::fromVariantMap(state.value(u"request"_s).toMap()));
    QVERIFY2(read.isValid(), qPrintable(read.error));
    QCOMPARE(read.request.url, request.url);
    QCOMPARE(read.request.method, request.method);
    QCOMPARE(read.request.body, request.body);
    QCOMPARE(read.unsavedSecretNames(), QStringList { u"Authorization"_s });
    QCOMPARE(read.request.headers.mid(1), request.headers.mid(1));
    QCOMPARE(read.request.reconnect.mode, ReconnectPolicy::Mode::Fixed);
    QVERIFY(!state.contains(u"urlText"_s));
}

void TestStreamTab::typedUrlSurvivesSession_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QUrl>("url");
    QTest::addRow("full") << u"https://example.com/x?a=1"_s << QUrl(u"https://example.com/x?a=1"_s);
    QTest::addRow("no scheme") << u"localhost:8080/stream"_s
                               << QUrl(u"http://localhost:8080/stream"_s);
    QTest::addRow("half typed") << u"http://not a host/"_s << QUrl();
    QTest::addRow("empty") << QString() << QUrl();
}

void TestStreamTab::typedUrlSurvivesSession()
{
    QFETCH(QString, typed);
    QFETCH(QUrl, url);
    child<QComboBox>(u"urlCombo"_s)->setEditText(typed);
    const QVariantMap state = m_tab->saveState();
    StreamTab restored;
    restored.restoreState(QJsonDocument::fromVariant(state).toVariant().toMap());
    QCOMPARE(restored.findChild<QComboBox *>(u"urlCombo"_s)->currentText(), typed);
    QCOMPARE(restored.request().url.isValid() ? restored.request().url : QUrl(), url);
}

void TestStreamTab::version1SessionStillRestores()
{
    // A tab as the app saved it before sessions used StreamRequest JSON.
    const QVariantList headers {
        QVariantMap { { u"name"_s, u"Authorization"_s }, { u"save"_s, false } },
        QVariantMap {
                { u"name"_s, u"Cookie"_s }, { u"value"_s, u"sid=42"_s }, { u"save"_s, true } },
        QVariantMap { { u"name"_s, u"X-Plain"_s }, { u"value"_s, u"visible"_s } },
    };
    const QVariantMap request {
        { u"url"_s, u"localhost:8080/stream"_s },
        { u"method"_s, u"POST"_s },
        { u"headers"_s, headers },
        { u"body"_s, u"hello"_s },
        { u"contentType"_s, u"text/plain"_s },
        { u"lastEventId"_s, u"41"_s },
        { u"policy"_s, u"backoff"_s },
        { u"fixedDelayMs"_s, 2500 },
        { u"retryOverrideMs"_s, -1 },
        { u"backoffBaseMs"_s, 300 },
        { u"backoffCapMs"_s, 4000 },
        { u"jitterPercent"_s, 35 },
        { u"maxAttempts"_s, 3 },
        { u"idleTimeoutS"_s, 20 },
        { u"ignoreTlsErrors"_s, true },
    };
    const QVariantMap state { { u"version"_s, 1 },
                              { u"request"_s, request },
                              { u"requestEditorVisible"_s, true } };

    StreamTab restored;
    restored.restoreState(state);
    const SseReader::Request back = restored.request();
    QCOMPARE(back.url, QUrl(u"http://localhost:8080/stream"_s));
    QCOMPARE(back.method, QByteArray("POST"));
    QCOMPARE(back.headers,
             (SseReader::HeaderList { { "Authorization", "" },
                                      { "Cookie", "sid=42" },
                                      { "X-Plain", "visible" },
                                      { "Content-Type", "text/plain" } }));
    QCOMPARE(back.body, QByteArray("hello"));
    QCOMPARE(back.lastEventId, u"41"_s);
    QCOMPARE(back.reconnect.mode, ReconnectPolicy::Mode::Backoff);
    QCOMPARE(back.reconnect.fixedDelay, 2500ms);
    QCOMPARE(back.reconnect.retryOverride, std::nullopt);
    QCOMPARE(back.reconnect.backoffBase, 300ms);
    QCOMPARE(back.reconnect.backoffCap, 4000ms);
    QCOMPARE(back.reconnect.jitter, 0.35);
    QCOMPARE(back.reconnect.maxAttempts, 3);
    QCOMPARE(back.idleTimeout, 20s);
    QVERIFY(back.ignoreTlsErrors);
    RequestEditor *editor = restored.requestEditor();
    QCOMPARE(editor->unsavedSecretHeaders(), QStringList { u"Authorization"_s });
    QCOMPARE(editor->displayedValue(0), NotSaved);
    QCOMPARE(editor->headerTable()->item(1, RequestEditor::SaveColumn)->checkState(), Qt::Checked);

    // Saved again, it is a version 2 session that keeps the same choices.
    const QVariantMap again = restored.saveState();
    QCOMPARE(again.value(u"version"_s).toInt(), 2);
    const QString dump =
            QString::fromUtf8(QJsonDocument::fromVariant(again).toJson(QJsonDocument::Compact));
    QVERIFY2(dump.contains(u"sid=42"_s), qPrintable(dump));
    StreamTab second;
    second.restoreState(again);
    QCOMPARE(second.request().headers, back.headers);
    QCOMPARE(second.requestEditor()->unsavedSecretHeaders(), QStringList { u"Authorization"_s });
    QCOMPARE(second.findChild<QComboBox *>(u"urlCombo"_s)->currentText(),
             u"localhost:8080/stream"_s);
}

void TestStreamTab::proxyChoiceRoundTrip_data()
{
    QTest::addColumn<ProxySetting::Mode>("mode");
    QTest::addColumn<QString>("custom");
    QTest::addColumn<QString>("saved");
    QTest::addRow("system") << ProxySetting::Mode::System << QString() << QString();
    QTest::addRow("none") << ProxySetting::Mode::None << QString() << QString();
    QTest::addRow("fault proxy") << ProxySetting::Mode::FaultProxy << QString() << QString();
    // The proxy's password is a credential: it never reaches the session.
    QTest::addRow("custom with password")
            << ProxySetting::Mode::Custom << u"http://ann:pw1@proxy.example:3128"_s
            << u"http://ann@proxy.example:3128"_s;
    QTest::addRow("custom socks") << ProxySetting::Mode::Custom << u"socks5://10.0.0.2:1080"_s
                                  << u"socks5://10.0.0.2:1080"_s;
}

void TestStreamTab::proxyChoiceRoundTrip()
{
    QFETCH(ProxySetting::Mode, mode);
    QFETCH(QString, custom);
    QFETCH(QString, saved);
    ProxySetting setting;
    setting.mode = mode;
    setting.customUrl = QUrl(custom);
    m_tab->setProxySetting(setting);
    QCOMPARE(m_tab->proxySetting(), setting); // the password is kept while the app runs
    QCOMPARE(m_tab->requestBar()->isViaFaultProxy(), mode == ProxySetting::Mode::FaultProxy);

    const QVariantMap state = m_tab->saveState();
    const QByteArray json = QJsonDocument::fromVariant(state).toJson();
    QVERIFY2(!json.contains("pw1"), json.constData());
    StreamTab restored;
    restored.restoreState(QJsonDocument::fromJson(json).toVariant().toMap());
    QCOMPARE(restored.proxySetting().mode, mode);
    QCOMPARE(restored.proxySetting().customUrl.toString(), saved);
    QCOMPARE(restored.requestBar()->isViaFaultProxy(), mode == ProxySetting::Mode::FaultProxy);
}

void TestStreamTab::sessionWithoutProxyChoiceIsSystem()
{
    ProxySetting none;
    none.mode = ProxySetting::Mode::None;
    m_tab->setProxySetting(none);
    QVariantMap state = m_tab->saveState();
    QVariantMap editor = state.value(u"requestEditor"_s).toMap();
    QVERIFY(editor.contains(u"proxy"_s));
    editor.remove(u"proxy"_s); // as sessions from before the proxy choice were
    state.insert(u"requestEditor"_s, editor);
    StreamTab restored;
    restored.setProxySetting(none);
    restored.restoreState(state);
    QCOMPARE(restored.proxySetting().mode, ProxySetting::Mode::System);
}

void TestStreamTab::customProxyErrorsNameTheProxy()
{
    // A proxy that wants credentials, for a plain http:// stream: its 407 is the proxy's, and
    // the tab says so rather than "the server answered 407".
    RawSseServer proxyServer([](QTcpSocket *socket, const RawRequest &, int) {
        RawSseServer::respond(socket,
                              "HTTP/1.1 407 Proxy Authentication Required\r\n"
                              "Proxy-Authenticate: Basic realm=\"x\"\r\n"
                              "Content-Length: 0\r\nConnection: close\r\n\r\n",
                              true);
    });
    QVERIFY(proxyServer.listen());
    ProxySetting setting;
    setting.mode = ProxySetting::Mode::Custom;
    setting.customUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(proxyServer.port()));
    m_tab->setProxySetting(setting);
    connectTo({});
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->reader()->state(), SseReader::State::Closed, Timeout);
    QCOMPARE(proxyServer.requestCount(), 1); // one attempt: a retry cannot succeed
    // An http:// stream asks the proxy with the absolute URL.
    QVERIFY(proxyServer.requests().constFirst().target.startsWith(
            m_server->streamUrl().toEncoded()));
    auto *lastError = child<QLabel>(u"lastErrorLabel"_s);
    QVERIFY(lastError);
    const QString text = lastError->toolTip();
    QVERIFY2(text.contains(
                     u"the proxy 127.0.0.1:%1 requires authentication"_s.arg(proxyServer.port())),
             qPrintable(text));
}

void TestStreamTab::unusableCustomProxyIsRefused()
{
    ProxySetting setting;
    setting.mode = ProxySetting::Mode::Custom;
    setting.customUrl = ProxySetting::parseCustomUrl(u"proxy.example"_s); // no port
    m_tab->setProxySetting(setting);
    connectTo({});
    QCOMPARE(m_tab->reader()->state(), SseReader::State::Closed);
    auto *error = child<QLabel>(u"urlError"_s);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"proxy"_s), qPrintable(error->text()));
    QVERIFY(m_tab->requestEditor()->isVisible()); // opened on its Proxy page
}

void TestStreamTab::restoredSecretWarnsBeforeConnecting()
{
    SseReader::Request request;
    request.url = m_server->streamUrl(QUrlQuery { { u"interval"_s, u"30"_s } });
    request.headers = { { "Authorization", "Bearer s3cr3t" } };
    m_tab->setRequest(request);
    const QVariantMap state = m_tab->saveState(); // Save not ticked: the value stays out
    m_tab.reset();

    StreamTab restored;
    restored.resize(1200, 700);
    restored.show();
    QVERIFY(QTest::qWaitForWindowExposed(&restored));
    restored.restoreState(state);
    QVERIFY(!restored.requestEditor()->isVisible());

    // The first Connect (also the one a restored session makes by itself) stops to say why.
    restored.connectStream();
    QCOMPARE(restored.reader()->state(), SseReader::State::Closed);
    QVERIFY(restored.requestEditor()->isVisible());
    auto *warning = restored.findChild<QLabel *>(u"unsavedSecretsWarning"_s);
    QVERIFY(warning->isVisible());
    QVERIFY2(warning->text().contains(u"Authorization"_s), qPrintable(warning->text()));

    // The second goes ahead, with the header empty as the user was told.
    restored.connectStream();
    QTRY_COMPARE_WITH_TIMEOUT(restored.reader()->state(), SseReader::State::Open, Timeout);
    QCOMPARE(restored.reader()->request().headers.at(0),
             (std::pair { QByteArray("Authorization"), QByteArray() }));
    QVERIFY(!warning->isVisible());
}

void TestStreamTab::pauseShowsBadgeAndStopsFollowing()
{
    connectTo({});
    QScrollBar *bar = m_tab->messageView()->verticalScrollBar();
    QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > 0 && bar->value() == bar->maximum(), Timeout);

    auto *pause = child<QPushButton>(u"pauseButton"_s);
    pause->click();
    QVERIFY(m_tab->isViewPaused());
    QVERIFY(!m_tab->messageView()->isFollowingTail());
    const int valueAtPause = bar->value();
    auto *badge = child<QLabel>(u"newBadge"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_tab->messageView()->newRowsWhilePaused() >= 5, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(badge->isVisible(), Timeout);
    QVERIFY2(badge->text().endsWith(u" new"_s), qPrintable(badge->text()));
    QVERIFY(bar->maximum() > valueAtPause); // rows kept arriving...
    QCOMPARE(bar->value(), valueAtPause); // ...and the view stayed where it was

    m_tab->setViewPaused(false);
    QVERIFY(!pause->isChecked());
    QVERIFY(!badge->isVisible());
    QCOMPARE(bar->value(), bar->maximum());
}

void TestStreamTab::detailShowsPrettyJson()
{
    connectTo(QUrlQuery(u"payload=json"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_tab->model()->totalEvents() >= 2, Timeout);
    m_tab->model()->flushPending();
    int row = 0;
    while (m_tab->proxy()->index(row, 0).data(MessageModel::RowKindRole).toInt()
           != int(MessageModel::RowKind::Event))
        ++row;
    m_tab->messageView()->setCurrentIndex(m_tab->proxy()->index(row, 0));
    DetailPane *detail = m_tab->detailPane();
    QVERIFY(detail->isJson());
    const QString shown = detail->dataEdit()->toPlainText();
    QVERIFY2(shown.startsWith(u"{\n  \"n\": "_s), qPrintable(shown));
    QVERIFY(shown.contains(u",\n  \"time\": \""_s));
    QVERIFY(shown.endsWith(u"\n}"_s));
    QVERIFY(detail->rawText().startsWith(u"id: "_s));
    QVERIFY(detail->rawText().contains(u"\ndata: {\"n\":"_s));
    QVERIFY(detail->metaText().contains(u"Since previous event"_s));
}

void TestStreamTab::detailShowsMarkupLiterally()
{
    // The type comes from the server too: `event: <b>x</b>`.
    connectTo(QUrlQuery(u"event=%3Cb%3Ex%3C/b%3E"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_tab->model()->totalEvents() >= 1, Timeout);
    m_tab->disconnectStream();
    SseEvent markup;
    markup.type = u"<i>t</i>"_s;
    markup.data = u"<b>x</b>"_s;
    markup.connection = 1;
    markup.receivedAt = QDateTime::currentDateTimeUtc();
    m_tab->model()->append(markup);
    m_tab->model()->flushPending();

    const int last = m_tab->proxy()->rowCount() - 1;
    m_tab->messageView()->setCurrentIndex(m_tab->proxy()->index(last, 0));
    DetailPane *detail = m_tab->detailPane();
    QVERIFY(!detail->isJson());
    QCOMPARE(detail->dataEdit()->toPlainText(), u"<b>x</b>"_s);
    QVERIFY(detail->rawText().contains(u"data: <b>x</b>"_s));
    // Every label in the pane shows its text as it is.
    for (const QLabel *label : detail->findChildren<QLabel *>()) {
        if (label->text().contains(u'<'))
            QCOMPARE(label->textFormat(), Qt::PlainText);
    }
    bool sawType = false;
    for (const QLabel *label : detail->findChildren<QLabel *>())
        sawType = sawType || label->text() == u"<i>t</i>"_s;
    QVERIFY(sawType);

    // And the server's event type from the stream itself.
    int row = 0;
    while (m_tab->proxy()->index(row, 0).data(MessageModel::RowKindRole).toInt()
           != int(MessageModel::RowKind::Event))
        ++row;
    m_tab->messageView()->setCurrentIndex(m_tab->proxy()->index(row, 0));
    QVERIFY(detail->rawText().startsWith(u"event: <b>x</b>\n"_s));
}

void TestStreamTab::detailTruncatesHugePayloads()
{
    SseEvent huge;
    huge.type = u"message"_s;
    // One line of 3 MiB: the worst case for QPlainTextEdit's layout.
    huge.data = QString(3 * DetailPane::InitialChunk + 5, u'x');
    huge.data[17] = QChar(0x4e2d); // a non-ASCII character survives the display splitting
    huge.receivedAt = QDateTime::currentDateTimeUtc();
    DetailPane *detail = m_tab->detailPane();
    detail->setEvent(huge, 1);
    QVERIFY(detail->isTruncated());
    QString shown = detail->dataEdit()->toPlainText();
    QVERIFY(shown.size() <= DetailPane::InitialChunk);
    QVERIFY(shown.size() > DetailPane::InitialChunk / 2);
    // Display lines are bounded so the layout stays fast.
    for (const QStringView line : QStringView(shown).tokenize(u'\n'))
        QVERIFY(line.size() <= DetailPane::DisplayLineLimit);
    auto *showAll = detail->findChild<QPushButton *>(u"detailShowAllButton"_s);
    QVERIFY(showAll && showAll->isVisible());
    showAll->click();
    QTRY_VERIFY_WITH_TIMEOUT(!detail->isTruncated(), Timeout);
    QVERIFY(!showAll->isVisible());
    shown = detail->dataEdit()->toPlainText();
    shown.remove(u'\n');
    QCOMPARE(shown.size(), huge.data.size());
    QVERIFY(shown == huge.data);
    QCOMPARE(detail->dataText(), huge.data); // what Copy copies is exact

    // A short payload afterwards is neither truncated nor split.
    huge.data = u"small"_s;
    detail->setEvent(huge, 2);
    QVERIFY(!detail->isTruncated());
    QVERIFY(!showAll->isVisible());
    QCOMPARE(detail->dataEdit()->toPlainText(), u"small"_s);
}

QTEST_MAIN(TestStreamTab)
#include "tst_streamtab.moc"
