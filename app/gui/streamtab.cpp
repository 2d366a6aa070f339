// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include "streamtab.h"

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
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

#include "connectionpanel.h"
#include "detailpane.h"
#include "faultproxycontroller.h"
#include "filterbar.h"
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
// statisticsChanged() feeds status bars and tab tooltips: four times a second looks live
// without costing anything at thousands of events per second.
constexpr int StatisticsIntervalMs = 250;
// How far back the detail pane looks for the previous event (past lifecycle rows).
constexpr int PreviousEventScanLimit = 1000;
constexpr int RightPanelWidth = 340;

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
    m_connectionPanel = new ConnectionPanel(rightPane);
    m_connectionPanel->setReader(m_reader);
    rightLayout->addWidget(m_connectionPanel, 1);
    m_rateChart = new RateChart(rightPane);
    m_rateChart->setObjectName(u"rateChart"_s);
    m_rateChart->setReader(m_reader);
    rightLayout->addWidget(m_rateChart);
    rightPane->setMinimumWidth(260);

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
}

void StreamTab::wireReader()
{
    // Every handler is O(1) per event: the model queues and the filter bar only notes the type.
    connect(m_reader, &SseReader::eventReceived, this, [this](const SseEvent &event) {
        m_model->append(event);
        m_filterBar->noteEventType(event.type);
    });
    connect(m_reader, &SseReader::recordReceived, this, &StreamTab::handleRecord);
    connect(m_reader, &SseReader::stateChanged, this, [this] {
        updateButtons();
        noteStatisticsChanged();
        updateFaultProxyState();
    });
}

void StreamTab::handleRecord(const StreamRecord &record)
{
    m_model->appendRecord(record);
    switch (record.kind) {
    case StreamRecord::Kind::Connecting:
        m_filterBar->noteConnection(record.connection);
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
        m_detailPane->setRecord(m_model->recordAt(row), number);
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
    auto *box = new QGroupBox(tr("Recording"), m_connectionPanel->parentWidget());
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
    auto *layout = qobject_cast<QVBoxLayout *>(m_connectionPanel->parentWidget()->layout());
    layout->insertWidget(0, box);
    layout->addStretch(1);
    box->show(); // a child added to a shown pane stays hidden until told otherwise
    m_recordingInfo = box;
}

bool StreamTab::isRecording() const
{
    return m_recorder->isOpen();
}

bool StreamTab::startRecording(const QString &path, QString *errorString)
{
    const bool ok = m_recorder->open(path, m_reader->state() != SseReader::State::Closed,
                                     StreamRecord::displayUrl(m_reader->request().url));
    if (ok) {
        connect(m_reader, &SseReader::eventReceived, m_recorder, &StreamRecorder::recordEvent);
        connect(m_reader, &SseReader::recordReceived, m_recorder, &StreamRecorder::record);
    } else if (errorString) {
        *errorString = m_recorder->errorString();
    }
    m_recordingError.clear();
    updateRecordingIndicator();
    emit recordingChanged(ok);
    return ok;
}

void StreamTab::stopRecording()
{
    if (!m_recorder->isOpen())
        return;
    m_reader->disconnect(m_recorder);
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
    m_reader->disconnect(m_recorder);
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
