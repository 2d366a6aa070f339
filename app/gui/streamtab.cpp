// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include "streamtab.h"

#include <algorithm>

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

#include "connectionpanel.h"
#include "detailpane.h"
#include "faultproxycontroller.h"
#include "filterbar.h"
#include "findingsengine.h"
#include "messagefilterproxymodel.h"
#include "messagemodel.h"
#include "messageview.h"
#include "ratechart.h"
#include "recordtext.h"
#include "requestbar.h"
#include "requesteditor.h"
#include "sessionstore.h"
#include "streamrecorder.h"
#include "theme.h"

using namespace Qt::StringLiterals;

namespace {

/// Holds the connection panel: as wide as the panel needs at least (its buttons never shrink
/// to slivers), and scrolling vertically when the side is shorter than the panel.
class PanelScrollArea : public QScrollArea
{
public:
    explicit PanelScrollArea(QWidget *parent)
        : QScrollArea(parent)
    {
        setWidgetResizable(true);
        setFrameShape(QFrame::NoFrame);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    }

    QSize minimumSizeHint() const override
    {
        const int panel = widget() ? widget()->minimumSizeHint().width() : 0;
        return { panel + verticalScrollBar()->sizeHint().width(), 120 };
    }

    QSize sizeHint() const override
    {
        const QSize panel = widget() ? widget()->sizeHint() : QSize();
        return { panel.width() + verticalScrollBar()->sizeHint().width(), panel.height() };
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // A language switch or a longer text changes what the panel needs.
        if (watched == widget() && event->type() == QEvent::LayoutRequest)
            updateGeometry();
        return QScrollArea::eventFilter(watched, event);
    }
};

// statisticsChanged() feeds status bars and tab tooltips: four times a second looks live
// without costing anything at thousands of events per second.
constexpr int StatisticsIntervalMs = 250;
// How far back the detail pane looks for the previous event (past lifecycle rows).
constexpr int PreviousEventScanLimit = 1000;
constexpr int RightPanelWidth = 340;
// The findings engine notices silences only as time passes: `watch` ticks it once a second too.
constexpr int EngineTickMs = 1000;
// Replaying a recording ticks the engine as the live tab did, but a gap longer than this is
// skipped to its end: past the longest hop limit a longer silence tells nothing new.
constexpr qint64 MaximumReplayedSilenceMs = 10 * 60 * 1000;

QVariantList toVariantList(const QList<int> &values)
{
    QVariantList list;
    for (int value : values)
        list << value;
    return list;
}

QList<int> toIntList(const QVariant &value)
{
    QList<int> list;
    for (const QVariant &entry : value.toList())
        list << entry.toInt();
    return list;
}
} // namespace

StreamTab::StreamTab(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"streamTab"_s);
    m_reader = new SseReader(this);
    m_model = new MessageModel(this);
    m_proxy = new MessageFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_model->setRecordFormatter(&RecordText::summary);

    m_statisticsTimer = new QTimer(this);
    m_statisticsTimer->setSingleShot(true);
    m_statisticsTimer->setInterval(StatisticsIntervalMs);
    connect(m_statisticsTimer, &QTimer::timeout, this, &StreamTab::statisticsChanged);

    m_recorder = new StreamRecorder(this);
    connect(m_recorder, &StreamRecorder::flushed, this, &StreamTab::updateRecordingIndicator);
    connect(m_recorder, &StreamRecorder::errorOccurred, this, &StreamTab::handleRecordingError);

    m_engine = std::make_unique<FindingsEngine>();
    m_tickTimer = new QTimer(this);
    m_tickTimer->setInterval(EngineTickMs);
    connect(m_tickTimer, &QTimer::timeout, this,
            [this] { tickEngine(QDateTime::currentDateTimeUtc()); });

    buildUi();
    wireReader();
    retranslateUi();
    updateButtons();
}

StreamTab::~StreamTab()
{
    // Closing a tab ends its recording with everything received so far on disk.
    stopRecording();
    // The panel and the chart observe the reader; detach them before it goes.
    m_connectionPanel->setReader(nullptr);
    m_rateChart->setReader(nullptr);
    m_reader->disconnect(this);
}

void StreamTab::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);

    m_requestBar = new RequestBar(this);
    layout->addWidget(m_requestBar);

    m_requestEditor = new RequestEditor(this);
    m_requestEditor->setMaximumHeight(220);
    m_requestEditor->hide();
    layout->addWidget(m_requestEditor);

    // Middle: table side and connection side
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->setChildrenCollapsible(false);

    m_leftSplitter = new QSplitter(Qt::Vertical, m_mainSplitter);
    m_leftSplitter->setObjectName(u"leftSplitter"_s);
    m_leftSplitter->setChildrenCollapsible(false);
    auto *tablePane = new QWidget(m_leftSplitter);
    auto *tableLayout = new QVBoxLayout(tablePane);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(4);
    m_filterBar = new FilterBar(tablePane);
    m_filterBar->setProxy(m_proxy);
    tableLayout->addWidget(m_filterBar);
    m_view = new MessageView(tablePane);
    m_view->setModel(m_proxy);
    tableLayout->addWidget(m_view, 1);
    m_detailPane = new DetailPane(m_leftSplitter);
    m_leftSplitter->addWidget(tablePane);
    m_leftSplitter->addWidget(m_detailPane);
    m_leftSplitter->setStretchFactor(0, 3);
    m_leftSplitter->setStretchFactor(1, 1);
    m_leftSplitter->setSizes({ 480, 200 });

    auto *rightPane = new QWidget(m_mainSplitter);
    rightPane->setObjectName(u"connectionSide"_s);
    auto *rightLayout = new QVBoxLayout(rightPane);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(4);
    // On a short screen, or with the request editor open, the panel scrolls rather than
    // squeezing its rows and buttons into each other.
    m_panelScroll = new PanelScrollArea(rightPane);
    m_panelScroll->setObjectName(u"connectionPanelScroll"_s);
    m_connectionPanel = new ConnectionPanel;
    m_connectionPanel->setReader(m_reader);
    m_panelScroll->setWidget(m_connectionPanel);
    rightLayout->addWidget(m_panelScroll, 1);
    m_rateChart = new RateChart(rightPane);
    m_rateChart->setObjectName(u"rateChart"_s);
    m_rateChart->setReader(m_reader);
    rightLayout->addWidget(m_rateChart);

    m_mainSplitter->addWidget(m_leftSplitter);
    m_mainSplitter->addWidget(rightPane);
    m_mainSplitter->setStretchFactor(0, 1);
    m_mainSplitter->setStretchFactor(1, 0);
    m_mainSplitter->setSizes({ 900, RightPanelWidth });
    layout->addWidget(m_mainSplitter, 1);

    connect(m_requestBar, &RequestBar::methodChanged, m_requestEditor, &RequestEditor::setMethod);
    // Reconnection settings and the idle timeout reach a running stream at once; what the
    // request sends (headers, body, method, URL) waits for the next Connect, as the editor says.
    connect(m_requestEditor, &RequestEditor::changed, this, [this] {
        if (m_reader->state() == SseReader::State::Closed)
            return;
        const SseReader::Request edited = m_requestEditor->request();
        m_reader->setLiveSettings(edited.reconnect, edited.idleTimeout);
    });
    connect(m_requestBar, &RequestBar::urlEdited, this, &StreamTab::updateTitle);
    connect(m_requestBar, &RequestBar::editorToggled, m_requestEditor, &QWidget::setVisible);
    connect(m_requestBar, &RequestBar::connectRequested, this, &StreamTab::connectStream);
    connect(m_requestBar, &RequestBar::disconnectRequested, this, &StreamTab::disconnectStream);
    connect(m_requestBar, &RequestBar::recordRequested, this, &StreamTab::toggleRecording);
    connect(m_requestBar, &RequestBar::viaFaultProxyToggled, this, &StreamTab::setViaFaultProxy);
    connect(m_requestEditor, &RequestEditor::proxySettingChanged, this, [this] {
        const ProxySetting::Mode mode = m_requestEditor->proxySetting().mode;
        if (mode != ProxySetting::Mode::FaultProxy)
            m_modeBeforeFaultProxy = mode;
        m_requestBar->setViaFaultProxy(mode == ProxySetting::Mode::FaultProxy);
    });
    connect(m_connectionPanel, &ConnectionPanel::serverFaultRequested, this,
            &StreamTab::applyServerFault);
    connect(m_connectionPanel, &ConnectionPanel::serverFaultsRemovalRequested, this,
            [this](const QList<int> &ids) {
                for (int id : ids) {
                    if (m_faultProxy)
                        m_faultProxy->removeFault(FaultProxyController::Endpoint::Proxy, id);
                }
            });
    connect(m_connectionPanel, &ConnectionPanel::faultProxyWindowRequested, this,
            [this](ProxyFault::Kind kind) {
                if (!m_faultProxy)
                    return;
                const auto connection = m_faultProxy->connectionOf(this);
                m_faultProxy->showWindowFor(
                        kind, connection ? std::optional(connection->id) : std::nullopt);
            });
    connect(m_connectionPanel, &ConnectionPanel::routeThroughFaultProxyRequested, this,
            [this] { setViaFaultProxy(true); });

    connect(m_filterBar, &FilterBar::pauseToggled, this, &StreamTab::setViewPaused);
    connect(m_filterBar, &FilterBar::clearRequested, this, &StreamTab::clearEvents);
    connect(m_filterBar, &FilterBar::showCommentsChanged, m_proxy,
            &MessageFilterProxyModel::setShowComments);
    connect(m_view, &MessageView::newRowsWhilePausedChanged, m_filterBar, &FilterBar::setNewCount);
    connect(m_view, &MessageView::currentRowChanged, this, &StreamTab::handleCurrentRowChanged);
    connect(m_model, &MessageModel::rowsFlushed, this, &StreamTab::noteStatisticsChanged);
    connect(m_connectionPanel, &ConnectionPanel::nextProblemRequested, this,
            [this] { selectNextProblem(); });
    connect(m_detailPane, &DetailPane::rowRequested, this, &StreamTab::selectRowNumber);
}

void StreamTab::wireReader()
{
    connect(m_reader, &SseReader::eventReceived, this, &StreamTab::handleEvent);
    connect(m_reader, &SseReader::recordReceived, this, &StreamTab::handleRecord);
    connect(m_reader, &SseReader::stateChanged, this, [this](SseReader::State state) {
        if (state == SseReader::State::Closed)
            m_tickTimer->stop();
        else if (!m_tickTimer->isActive())
            m_tickTimer->start();
        updateButtons();
        noteStatisticsChanged();
        updateFaultProxyState();
    });
}

void StreamTab::handleEvent(const SseEvent &event)
{
    // The hot path: every step is O(1) and allocates nothing per event. The model queues, the
    // filter bar notes the type, the recorder appends to its buffer (when recording) and the
    // engine compares a few numbers (tst_streamtabfindings eventPathAllocatesNothing).
    m_model->append(event);
    m_filterBar->noteEventType(event.type);
    m_recorder->recordEvent(event);
    ++m_storyPosition;
    m_engine->addEvent(event);
    if (m_engine->hasFindings())
        collectFindings();
}

void StreamTab::feedRecord(const StreamRecord &record)
{
    if (record.kind == StreamRecord::Kind::Event) {
        const SseEvent event = record.toEvent();
        handleEvent(event);
        return;
    }
    m_engine->addRecord(record);
    const bool closed = record.kind == StreamRecord::Kind::Closed;
    if (closed) {
        // The end of the story: verdicts still waiting are given, before the Closed line, as
        // `watch` writes them (tst_recordpaths).
        m_engine->finish(record.time);
        collectFindings();
    }
    addToStory(record);
    if (record.kind == StreamRecord::Kind::Connecting)
        m_filterBar->noteConnection(record.connection);
    else if (record.kind == StreamRecord::Kind::Open)
        m_http1 = record.httpVersion != u"2"_s;
    if (!closed && m_engine->hasFindings())
        collectFindings();
}

void StreamTab::addToStory(const StreamRecord &record)
{
    m_model->appendRecord(record);
    m_recorder->record(record);
    if (record.kind != StreamRecord::Kind::Finding && record.kind != StreamRecord::Kind::Session)
        ++m_storyPosition;
}

void StreamTab::tickEngine(const QDateTime &now)
{
    m_engine->tick(now);
    if (m_engine->hasFindings())
        collectFindings();
}

void StreamTab::collectFindings()
{
    const QList<StreamRecord> findings = m_engine->takeFindings();
    for (const StreamRecord &finding : findings)
        addFinding(finding);
}

qint64 StreamTab::rowNumberAt(qint64 position) const
{
    const auto before =
            std::lower_bound(m_findingPositions.cbegin(), m_findingPositions.cend(), position);
    return position + (before - m_findingPositions.cbegin());
}

void StreamTab::addFinding(const StreamRecord &finding)
{
    addToStory(finding);
    m_findingPositions.append(m_storyPosition);
    const qint64 number = m_storyPosition + m_findingPositions.size();
    Q_ASSERT(number == m_model->lastNumber()); // nothing but the story goes into the table
    // The finding's own row and the rows its evidence names carry its severity.
    const int marker = Theme::severityMarker(finding.finding.severity);
    m_model->setRowMarker(number, marker);
    for (const qint64 row : evidenceRows(finding.finding))
        m_model->setRowMarker(row, std::max(m_model->rowMarker(row), marker));
    m_connectionPanel->addFinding(finding);
    if (finding.finding.severity != Finding::Severity::Info) {
        m_problemRows.append(number);
        m_connectionPanel->setProblemCount(problemCount());
        emit problemsChanged(problemCount());
    }
}

QList<qint64> StreamTab::evidenceRows(const Finding &finding)
{
    const Finding::Evidence &evidence = finding.evidence;
    // Positions count the story from this tab's start; a recording started mid-stream counts
    // from elsewhere. Where the evidence says when each record happened, a row is named only
    // when its time agrees.
    const bool timed = evidence.times.size() == evidence.records.size();
    if (timed)
        m_model->flushPending();
    QList<qint64> rows;
    for (qsizetype i = 0; i < evidence.records.size(); ++i) {
        const qint64 position = evidence.records.at(i);
        if (position < 1 || position > m_storyPosition)
            continue;
        const qint64 number = rowNumberAt(position);
        if (const int row = m_model->rowOfNumber(number); timed && row >= 0
            && m_model->eventAt(row).receivedAt.toMSecsSinceEpoch()
                    != evidence.times.at(i).toMSecsSinceEpoch())
            continue;
        rows.append(number);
    }
    return rows;
}

int StreamTab::loadRecords(const QList<StreamRecord> &records, bool computeFindings)
{
    int found = 0;
    qint64 nextTick = -1;
    QDateTime last;
    for (const StreamRecord &record : records) {
        if (record.kind == StreamRecord::Kind::Session)
            continue;
        if (record.kind == StreamRecord::Kind::Finding) {
            if (!computeFindings)
                addFinding(record);
            continue;
        }
        if (!computeFindings) {
            addToStory(record);
            if (record.kind == StreamRecord::Kind::Event)
                m_filterBar->noteEventType(record.type);
            else if (record.kind == StreamRecord::Kind::Connecting)
                m_filterBar->noteConnection(record.connection);
            continue;
        }
        // The live tab's clock: a tick a second between the records, so that the silences it
        // noticed are noticed again.
        if (record.time.isValid()) {
            const qint64 at = record.time.toMSecsSinceEpoch();
            if (nextTick < 0)
                nextTick = at + EngineTickMs;
            if (at - nextTick > MaximumReplayedSilenceMs)
                nextTick +=
                        (at - nextTick - MaximumReplayedSilenceMs) / EngineTickMs * EngineTickMs;
            for (; nextTick <= at; nextTick += EngineTickMs) {
                const qsizetype before = m_findingPositions.size();
                tickEngine(QDateTime::fromMSecsSinceEpoch(nextTick, Qt::UTC));
                found += int(m_findingPositions.size() - before);
            }
            last = record.time;
        }
        const qsizetype before = m_findingPositions.size();
        feedRecord(record);
        found += int(m_findingPositions.size() - before);
    }
    if (computeFindings
        && (records.isEmpty() || records.constLast().kind != StreamRecord::Kind::Closed)) {
        m_engine->finish(last);
        const qsizetype before = m_findingPositions.size();
        collectFindings();
        found += int(m_findingPositions.size() - before);
    }
    return found;
}

void StreamTab::setOtherOpenStreams(int count)
{
    m_engine->setOtherOpenStreams(count);
    if (m_engine->hasFindings())
        collectFindings();
}

QString StreamTab::http1Origin() const
{
    if (m_reader->state() != SseReader::State::Open || !m_http1)
        return {};
    return m_reader->finalUrl()
            .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment
                      | QUrl::RemoveUserInfo)
            .toString();
}

bool StreamTab::selectRowNumber(qint64 number)
{
    m_model->flushPending();
    const int row = m_model->rowOfNumber(number);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, MessageModel::DataColumn));
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

bool StreamTab::selectNextProblem(bool forward)
{
    m_model->flushPending();
    const qsizetype count = m_problemRows.size();
    if (count == 0)
        return false;
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    qsizetype start = 0;
    if (current.isValid()) {
        const qint64 number = current.data(MessageModel::NumberRole).toLongLong();
        start = forward ? std::upper_bound(m_problemRows.cbegin(), m_problemRows.cend(), number)
                        - m_problemRows.cbegin()
                        : std::lower_bound(m_problemRows.cbegin(), m_problemRows.cend(), number)
                        - m_problemRows.cbegin() - 1;
    } else if (!forward) {
        start = count - 1;
    }
    // Round the list once from there: rows gone or filtered out are passed over.
    for (qsizetype step = 0; step < count; ++step) {
        const qsizetype at =
                forward ? (start + step) % count : ((start - step) % count + count) % count;
        if (selectRowNumber(m_problemRows.at(at)))
            return true;
    }
    return false;
}

void StreamTab::handleRecord(const StreamRecord &record)
{
    feedRecord(record);
    switch (record.kind) {
    case StreamRecord::Kind::Connecting:
        // The next connection the fault proxy announces to this URL is this attempt's.
        if (m_routedThroughFaultProxy && m_faultProxy)
            m_faultProxy->expectConnection(this, m_reader->request().url, title());
        break;
    case StreamRecord::Kind::Redirect:
        if (m_routedThroughFaultProxy && m_faultProxy)
            m_faultProxy->expectConnection(this, QUrl(record.url), title());
        break;
    case StreamRecord::Kind::Closed:
        if (m_faultProxy)
            m_faultProxy->forgetClient(this);
        break;
    case StreamRecord::Kind::Open:
        if (!m_urlReported) {
            m_urlReported = true;
            emit urlUsed(m_openedUrl);
        }
        break;
    default:
        break;
    }
}

void StreamTab::setUrl(const QUrl &url)
{
    m_requestBar->setUrlText(url.toString());
    updateTitle();
}

QUrl StreamTab::url() const
{
    return m_requestBar->url();
}

SseReader::Request StreamTab::request() const
{
    SseReader::Request request = m_requestEditor->request();
    request.url = url();
    request.method = m_requestBar->method();
    return request;
}

void StreamTab::setRequest(const SseReader::Request &request)
{
    m_requestBar->setMethod(request.method);
    m_requestEditor->setMethod(m_requestBar->method());
    m_requestEditor->setRequest(request);
    setUrl(request.url);
}

QString StreamTab::title() const
{
    return m_customTitle.isEmpty() ? m_requestBar->title() : m_customTitle;
}

void StreamTab::setCustomTitle(const QString &title)
{
    m_customTitle = title.trimmed();
    updateTitle();
}

void StreamTab::updateTitle()
{
    const QString current = title();
    if (current == m_title)
        return;
    m_title = current;
    emit titleChanged(m_title);
}

void StreamTab::setUrlHistory(const QStringList &urls)
{
    m_requestBar->setUrlHistory(urls);
}

void StreamTab::setFaultProxyController(FaultProxyController *controller)
{
    if (m_faultProxy)
        m_faultProxy->disconnect(this);
    m_faultProxy = controller;
    if (controller) {
        connect(controller, &FaultProxyController::clientConnectionChanged, this,
                [this](QObject *client) {
                    if (client == this)
                        updateFaultProxyState();
                });
        connect(controller, &FaultProxyController::runningChanged, this, [this](bool running) {
            const QString address = m_faultProxy->address();
            m_requestBar->setFaultProxyAddress(address);
            m_requestEditor->setFaultProxyAddress(address);
            // Restarted on another port: the next reconnect must find it there.
            if (running && m_routedThroughFaultProxy) {
                m_reader->networkAccessManager()->setProxyFactory(
                        new StreamProxyFactory(m_faultProxy->networkProxy()));
            }
            updateFaultProxyState();
        });
        m_requestBar->setFaultProxyAddress(controller->address());
        m_requestEditor->setFaultProxyAddress(controller->address());
    }
    updateFaultProxyState();
}

ProxySetting StreamTab::proxySetting() const
{
    return m_requestEditor->proxySetting();
}

void StreamTab::setProxySetting(const ProxySetting &setting)
{
    m_requestEditor->setProxySetting(setting);
}

void StreamTab::setViaFaultProxy(bool on)
{
    ProxySetting setting = m_requestEditor->proxySetting();
    setting.mode = on
            ? ProxySetting::Mode::FaultProxy
            : (m_modeBeforeFaultProxy == ProxySetting::Mode::FaultProxy ? ProxySetting::Mode::System
                                                                        : m_modeBeforeFaultProxy);
    m_requestEditor->setProxySetting(setting);
    m_requestBar->setViaFaultProxy(on);
    // One click: a running stream goes the new way at once (as Reconnect would).
    if (m_reader->state() != SseReader::State::Closed)
        connectStream();
    updateFaultProxyState();
}

bool StreamTab::applyProxySetting(QString *error)
{
    const ProxySetting setting = m_requestEditor->proxySetting();
    StreamProxyFactory *factory = nullptr;
    switch (setting.mode) {
    case ProxySetting::Mode::System:
        factory = new StreamProxyFactory;
        break;
    case ProxySetting::Mode::None:
        factory = new StreamProxyFactory(QNetworkProxy(QNetworkProxy::NoProxy));
        break;
    case ProxySetting::Mode::FaultProxy:
        if (!m_faultProxy) {
            *error = tr("This window has no fault proxy.");
            return false;
        }
        // Started on demand: switching a tab to it is all it takes.
        if (!m_faultProxy->start()) {
            *error = tr("The fault proxy could not start: %1").arg(m_faultProxy->errorString());
            return false;
        }
        factory = new StreamProxyFactory(m_faultProxy->networkProxy());
        break;
    case ProxySetting::Mode::Custom:
        if (!ProxySetting::isUsableCustomUrl(setting.customUrl)) {
            *error = tr("The custom proxy “%1” is not an http://host:port or socks5://host:port "
                        "address.")
                             .arg(setting.customUrl.toString(QUrl::RemovePassword));
            return false;
        }
        factory = new StreamProxyFactory(ProxySetting::customProxy(setting.customUrl));
        break;
    }
    m_reader->networkAccessManager()->setProxyFactory(factory); // takes ownership
    m_routedThroughFaultProxy = setting.mode == ProxySetting::Mode::FaultProxy;
    if (m_faultProxy && !m_routedThroughFaultProxy)
        m_faultProxy->forgetClient(this);
    return true;
}

void StreamTab::updateFaultProxyState()
{
    ConnectionPanel::ServerFaultState state;
    state.available = m_faultProxy != nullptr;
    state.routed = m_routedThroughFaultProxy && m_reader->state() != SseReader::State::Closed;
    if (state.routed)
        state.connection = m_faultProxy->connectionOf(this);
    m_connectionPanel->setServerFaultState(state);
}

void StreamTab::applyServerFault(ProxyFault fault)
{
    if (!m_faultProxy)
        return;
    if (fault.kind != ProxyFault::Kind::Down) {
        const std::optional<ProxyConnectionInfo> connection = m_faultProxy->connectionOf(this);
        if (!connection) {
            m_connectionPanel->showDropMessage(
                    tr("This tab has no open connection through the fault proxy right now."));
            return;
        }
        fault.connection = connection->id;
    }
    const QList<FaultProxyController::Applied> results =
            m_faultProxy->apply(fault, FaultProxyController::Endpoint::Proxy);
    if (!results.isEmpty() && !results.constFirst().result.isApplied()) {
        //: %1 = the fault proxy's own (English) reason
        m_connectionPanel->showDropMessage(
                tr("The fault proxy did not apply it: %1").arg(results.constFirst().result.error));
    }
}

void StreamTab::focusUrl()
{
    m_requestBar->focusUrl();
}

void StreamTab::connectStream()
{
    const QString text = m_requestBar->urlText();
    const QUrl target = RequestBar::parseUserUrl(text);
    if (text.isEmpty()) {
        m_requestBar->showUrlError(
                tr("Enter the URL of an event stream, e.g. https://example.com/events"));
        return;
    }
    if (!RequestBar::isUsableUrl(target)) {
        m_requestBar->showUrlError(tr("\"%1\" is not a valid http:// or https:// URL.").arg(text));
        return;
    }
    m_requestBar->clearUrlError();
    // A secret the session did not keep would go out empty: the editor says so, once.
    if (!m_requestEditor->confirmUnsavedSecrets()) {
        m_requestBar->setEditorShown(true);
        return;
    }
    QString proxyError;
    if (!applyProxySetting(&proxyError)) {
        m_requestBar->showUrlError(proxyError);
        if (m_requestEditor->proxySetting().mode == ProxySetting::Mode::Custom) {
            m_requestBar->setEditorShown(true);
            m_requestEditor->showProxyPage();
        }
        return;
    }
    if (m_reader->state() != SseReader::State::Closed)
        m_reader->close();
    m_reader->setRequest(request());
    m_openedUrl = target.toString();
    m_urlReported = false;
    m_reader->open();
    updateButtons();
}

void StreamTab::disconnectStream()
{
    if (m_reader->state() == SseReader::State::Closed)
        return;
    m_reader->close();
    updateButtons();
}

void StreamTab::clearEvents()
{
    m_model->clear();
    m_detailPane->clear();
    // Row numbers go on (the engine and the recorder keep the story); only the rows are gone.
    if (!m_problemRows.isEmpty()) {
        m_problemRows.clear();
        m_connectionPanel->setProblemCount(0);
        emit problemsChanged(0);
    }
    noteStatisticsChanged();
}

bool StreamTab::isViewPaused() const
{
    return m_view->isPaused();
}

void StreamTab::setViewPaused(bool paused)
{
    // The rows on screen must not scroll away under a paused reader as the cap trims the front.
    m_model->setHolding(paused);
    m_view->setPaused(paused);
    m_filterBar->setPaused(paused);
    m_filterBar->setNewCount(m_view->newRowsWhilePaused());
}

void StreamTab::focusFilter()
{
    m_filterBar->focusFilter();
}

void StreamTab::updateButtons()
{
    m_requestBar->setRunning(m_reader->state() != SseReader::State::Closed);
}

void StreamTab::noteStatisticsChanged()
{
    if (!m_statisticsTimer->isActive())
        m_statisticsTimer->start();
}

void StreamTab::handleCurrentRowChanged()
{
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    if (!current.isValid()) {
        m_detailPane->clear();
        return;
    }
    const int row = current.row();
    const SseEvent &event = m_model->eventAt(row);
    const qint64 number = current.data(MessageModel::NumberRole).toLongLong();
    if (m_model->rowKind(row) == MessageModel::RowKind::Lifecycle) {
        const StreamRecord record = m_model->recordAt(row);
        m_detailPane->setRecord(record, number, recordContext(row, record));
        return;
    }
    std::optional<qint64> sincePrevious;
    const int stop = qMax(0, row - PreviousEventScanLimit);
    for (int previous = row - 1; previous >= stop; --previous) {
        if (m_model->rowKind(previous) == MessageModel::RowKind::Event) {
            sincePrevious = m_model->eventAt(previous).receivedAt.msecsTo(event.receivedAt);
            break;
        }
    }
    m_detailPane->setEvent(event, number, sincePrevious);
}

void StreamTab::showRecording(const QString &path, const EventExporter::Recording &recording)
{
    // Nothing here is live: no request to send, no connection to watch.
    m_requestBar->hide();
    m_requestEditor->hide();
    m_panelScroll->hide();
    m_connectionPanel->hide();
    m_rateChart->hide();

    int events = 0;
    QSet<int> connections;
    QString url = recording.session ? QUrl(recording.session->url).toDisplayString() : QString();
    QDateTime first;
    QDateTime last;
    for (const StreamRecord &record : recording.records) {
        events += record.kind == StreamRecord::Kind::Event;
        if (record.connection > 0)
            connections.insert(record.connection);
        if (url.isEmpty() && record.kind == StreamRecord::Kind::Connecting)
            url = QUrl(record.url).toDisplayString();
        if (record.time.isValid()) {
            if (!first.isValid() || record.time < first)
                first = record.time;
            if (!last.isValid() || record.time > last)
                last = record.time;
        }
    }
    auto *box = new QGroupBox(tr("Recording"), m_panelScroll->parentWidget());
    box->setObjectName(u"recordingInfo"_s);
    auto *form = new QFormLayout(box);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    const auto addRow = [box, form](const QString &label, const QString &value,
                                    const char *objectName) {
        auto *field = new QLabel(value, box);
        field->setObjectName(QString::fromLatin1(objectName));
        field->setTextFormat(Qt::PlainText); // file names and URLs are the user's or a server's
        field->setWordWrap(true);
        field->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(label, field);
    };
    const QLocale locale;
    addRow(tr("File:"), QDir::toNativeSeparators(path), "recordingFile");
    addRow(tr("Written by:"),
           recording.session ? tr("%1, format %2")
                                       .arg(recording.session->tool)
                                       .arg(recording.session->formatVersion)
                             : tr("an earlier version (format 1)"),
           "recordingTool");
    addRow(tr("Stream:"), url.isEmpty() ? tr("(not in the file)") : url, "recordingUrl");
    addRow(tr("Records:"),
           tr("%1, %2", "events, other records")
                   .arg(tr("%Ln event(s)", nullptr, events),
                        tr("%Ln other record(s)", nullptr, int(recording.records.size() - events))),
           "recordingCounts");
    addRow(tr("Connections:"), locale.toString(connections.size()), "recordingConnections");
    if (first.isValid()) {
        addRow(tr("From:"),
               first.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s) + u" → "_s
                       + last.toLocalTime().toString(u"HH:mm:ss.zzz"_s),
               "recordingSpan");
    }
    if (recording.skippedLines > 0) {
        addRow(tr("Skipped:"),
               tr("%Ln line(s) that were not records", nullptr, int(recording.skippedLines)),
               "recordingSkipped");
    }
    auto *layout = qobject_cast<QVBoxLayout *>(m_panelScroll->parentWidget()->layout());
    layout->insertWidget(0, box);
    layout->addStretch(1);
    box->show(); // a child added to a shown pane stays hidden until told otherwise
    m_recordingInfo = box;
}

DetailPane::Context StreamTab::recordContext(int row, const StreamRecord &record)
{
    using Kind = StreamRecord::Kind;
    DetailPane::Context context;
    if (record.kind == Kind::Finding) {
        context.evidenceRows = evidenceRows(record.finding);
        return context;
    }
    if (record.connection <= 0
        || (record.kind != Kind::Connecting && record.kind != Kind::Redirect
            && record.kind != Kind::Open && record.kind != Kind::Error))
        return context;
    // The exchange the row belongs to: its connection's request, response and the failure
    // that ended it, wherever they are around the row. Only on a click, so a walk is fine;
    // event rows cost a pointer test each.
    const auto note = [&context](const StreamRecord &other) {
        if (other.kind == Kind::Connecting && !context.request)
            context.request = other;
        else if (other.kind == Kind::Open && !context.response)
            context.response = other;
        else if (other.kind == Kind::Error && !context.failure
                 && other.error.kind != SseError::Kind::EventTooLarge)
            context.failure = other;
    };
    note(record);
    for (int previous = row - 1; previous >= 0 && !context.request; --previous) {
        if (m_model->rowKind(previous) == MessageModel::RowKind::Event)
            continue;
        const StreamRecord other = m_model->recordAt(previous);
        if (other.connection == record.connection)
            note(other);
        else if (other.kind != Kind::Finding && other.connection < record.connection)
            break;
    }
    for (int next = row + 1; next < m_model->rowCount() && !context.failure; ++next) {
        if (m_model->rowKind(next) == MessageModel::RowKind::Event)
            continue;
        const StreamRecord other = m_model->recordAt(next);
        if (other.connection == record.connection)
            note(other);
        else if (other.kind != Kind::Finding && other.connection > record.connection)
            break;
    }
    return context;
}

bool StreamTab::isRecording() const
{
    return m_recorder->isOpen();
}

bool StreamTab::startRecording(const QString &path, QString *errorString)
{
    // The recorder is fed by the story path (handleEvent(), addToStory()), so that findings
    // land in the file where they land in the table.
    const bool ok = m_recorder->open(path, m_reader->state() != SseReader::State::Closed,
                                     StreamRecord::displayUrl(m_reader->request().url));
    if (!ok && errorString)
        *errorString = m_recorder->errorString();
    m_recordingError.clear();
    updateRecordingIndicator();
    emit recordingChanged(ok);
    return ok;
}

void StreamTab::stopRecording()
{
    if (!m_recorder->isOpen())
        return;
    m_recorder->close();
    updateRecordingIndicator();
    emit recordingChanged(false);
}

void StreamTab::toggleRecording()
{
    if (isRecording()) {
        stopRecording();
        return;
    }
    updateRecordingIndicator(); // the button's own toggle waits for the outcome
    const QString suggestion =
            QDir(SessionStore::lastDirectory())
                    .filePath(u"ssescope-rec-"_s
                              + QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s)
                              + u".ndjson"_s);
    const QString path = QFileDialog::getSaveFileName(this, tr("Record to File"), suggestion,
                                                      tr("NDJSON recordings (*.ndjson)"));
    if (path.isEmpty())
        return;
    SessionStore::rememberDirectory(path);
    QString error;
    if (!startRecording(path, &error)) {
        QMessageBox::critical(
                this, tr("Record to File"),
                tr("Could not record to “%1”.\n\n%2").arg(QDir::toNativeSeparators(path), error));
    }
}

void StreamTab::handleRecordingError(const QString &message)
{
    m_recordingError = message;
    updateRecordingIndicator();
    emit recordingChanged(false);
    // Not modal: the stream and the table carry on while the user reads this.
    auto *box = new QMessageBox(
            QMessageBox::Warning, tr("Record to File"),
            tr("Recording to “%1” stopped: %2\n\nThe file keeps everything recorded before the "
               "error.")
                    .arg(QDir::toNativeSeparators(m_recorder->fileName()), message),
            QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void StreamTab::updateRecordingIndicator()
{
    const bool recording = isRecording();
    const QString file = QFileInfo(m_recorder->fileName()).fileName();
    QString text;
    if (recording) {
        //: Shown while a tab records its stream: %1 = file name, %n = events written so far
        text = tr("● REC %1 · %n event(s)", nullptr, int(m_recorder->eventCount())).arg(file);
    } else if (!m_recordingError.isEmpty()) {
        text = tr("Recording stopped: %1").arg(m_recordingError);
    }
    m_requestBar->setRecording(
            recording, text, Theme::plainToolTip(QDir::toNativeSeparators(m_recorder->fileName())));
}

QVariantMap StreamTab::saveState() const
{
    // Version 2: the request in the JSON form every face reads (StreamRequestJson), plus what
    // only this tab and its editor know.
    const SseReader::Request current = request();
    QVariantMap state {
        { u"version"_s, 2 },
        { u"request"_s,
          StreamRequestJson::toJson(current, m_requestEditor->sessionOptions()).toVariantMap() },
        { u"requestEditor"_s, m_requestEditor->saveState() },
        { u"requestEditorVisible"_s, m_requestBar->isEditorShown() },
        { u"title"_s, m_customTitle },
        { u"filter"_s, m_filterBar->saveState() },
        { u"view"_s, m_view->saveState() },
        { u"mainSplitter"_s, toVariantList(m_mainSplitter->sizes()) },
        { u"leftSplitter"_s, toVariantList(m_leftSplitter->sizes()) },
    };
    // The bar shows what the user typed ("localhost:8080/x", or a URL still being written);
    // the request holds what it means.
    if (const QString typed = m_requestBar->urlText(); typed != current.url.toString())
        state.insert(u"urlText"_s, typed);
    return state;
}

void StreamTab::restoreState(const QVariantMap &state)
{
    const QVariantMap request = state.value(u"request"_s).toMap();
    if (state.value(u"version"_s).toInt() >= 2) {
        const StreamRequestJson::Result read =
                StreamRequestJson::fromJson(QJsonObject::fromVariantMap(request));
        if (!read.isValid())
            qWarning("Session: the saved request is unreadable (%s); starting from defaults",
                     qPrintable(read.error));
        setRequest(read.request);
        m_requestEditor->restoreState(state.value(u"requestEditor"_s).toMap(), read.unsavedSecrets);
        if (state.contains(u"urlText"_s))
            m_requestBar->setUrlText(state.value(u"urlText"_s).toString());
    } else {
        // Version 1 kept the editor's fields and the bar's url and method in one map.
        m_requestBar->setMethod(request.value(u"method"_s).toString().toUtf8());
        m_requestEditor->setMethod(m_requestBar->method());
        m_requestEditor->restoreVersion1State(request);
        m_requestBar->setUrlText(request.value(u"url"_s).toString());
    }
    updateTitle();
    m_requestBar->setEditorShown(state.value(u"requestEditorVisible"_s).toBool());
    setCustomTitle(state.value(u"title"_s).toString());
    m_filterBar->restoreState(state.value(u"filter"_s).toMap());
    m_proxy->setShowComments(m_filterBar->showComments());
    m_view->restoreState(state.value(u"view"_s).toMap());
    if (const QList<int> sizes = toIntList(state.value(u"mainSplitter"_s)); sizes.size() == 2)
        m_mainSplitter->setSizes(sizes);
    if (const QList<int> sizes = toIntList(state.value(u"leftSplitter"_s)); sizes.size() == 2)
        m_leftSplitter->setSizes(sizes);
}

void StreamTab::retranslateUi()
{
    m_model->refreshText(); // life-cycle rows already shown, in the new language
    m_model->setHeaderLabels({ tr("#"), tr("Time"), tr("Conn.", "connection number column"),
                               tr("Type", "event type column"), tr("Id", "event id column"),
                               tr("Data"), tr("Size") });
    updateRecordingIndicator();
    updateButtons();
    updateTitle();
}

void StreamTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}
