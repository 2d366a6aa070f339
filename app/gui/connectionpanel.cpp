// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include "connectionpanel.h"

#include <algorithm>
#include <chrono>
#include <limits>

#include <QAction>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QResizeEvent>
#include <QScrollBar>
#include <QSpinBox>
#include <QTime>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include "recordtext.h"
#include "theme.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
constexpr int CountdownTickMs = 50; // smooth enough for a draining bar, still ~20 wake-ups/s
constexpr int TotalsPollMs = 200; // totals refresh at most 5×/s, never per event
constexpr int UptimeTickMs = 1000;
constexpr int MaximumLogLines = 2000;
constexpr int CountdownBarRange = 1000;
// An open stream that has sent nothing for this long says so next to the state ("last data
// 7 s ago"); from the findings engine's idle.silent threshold on, the state turns amber.
constexpr qint64 QuietAfterMs = 5'000;
constexpr qint64 SilentAfterMs = 15'000;

QString formatDuration(qint64 milliseconds)
{
    const qint64 seconds = milliseconds / 1000;
    const QString minutesSeconds = u"%1:%2"_s.arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
                                           .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    if (seconds < 3600)
        return minutesSeconds;
    return QString::number(seconds / 3600) % u':' % minutesSeconds;
}

int clampToInt(quint64 value)
{
    return int(std::min<quint64>(value, quint64(std::numeric_limits<int>::max())));
}

/// A one-line label that elides to its width and keeps the full text in an escaped tooltip, so
/// a long server message never widens the panel.
class ElidingLabel : public QLabel
{
public:
    explicit ElidingLabel(QWidget *parent = nullptr)
        : QLabel(parent)
    {
        setTextFormat(Qt::PlainText);
        setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    }

    void setFullText(const QString &text)
    {
        // Multi-line messages (e.g. a TLS problem list) stay on one line here; the tooltip keeps
        // the line breaks.
        m_fullText = text;
        m_oneLine = QString(text).replace(u'\n', u' ');
        setToolTip(Theme::plainToolTip(text));
        refresh();
    }
    QString fullText() const { return m_fullText; }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::resizeEvent(event);
        refresh();
    }
    void changeEvent(QEvent *event) override
    {
        QLabel::changeEvent(event);
        if (event->type() == QEvent::FontChange)
            refresh();
    }

private:
    void refresh()
    {
        const QString elided = fontMetrics().elidedText(m_oneLine, Qt::ElideRight, width());
        if (elided != text())
            setText(elided);
    }

    QString m_fullText;
    QString m_oneLine;
};

QLabel *makeValueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    return label;
}
} // namespace

ConnectionPanel::ConnectionPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"connectionPanel"_s);
    m_countdownTimer.setInterval(CountdownTickMs);
    m_countdownTimer.setTimerType(Qt::PreciseTimer);
    m_uptimeTimer.setInterval(UptimeTickMs);
    m_totalsTimer.setInterval(TotalsPollMs);
    connect(&m_countdownTimer, &QTimer::timeout, this, &ConnectionPanel::updateCountdown);
    connect(&m_uptimeTimer, &QTimer::timeout, this, &ConnectionPanel::updateUptime);
    connect(&m_totalsTimer, &QTimer::timeout, this, [this] {
        updateTotals();
        updateLastEventId();
    });
    buildUi();
    retranslateUi();
}

ConnectionPanel::~ConnectionPanel() = default;

void ConnectionPanel::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    // Tight enough that the whole panel fits beside the table at 1024×700 without scrolling.
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);

    // Status: state pill, connection number and uptime, attempt counter.
    m_statusGroup = new QGroupBox(this);
    auto *statusLayout = new QVBoxLayout(m_statusGroup);
    auto *stateRow = new QHBoxLayout;
    m_stateLabel = makeValueLabel(u"stateLabel"_s, m_statusGroup);
    m_stateLabel->setAlignment(Qt::AlignCenter);
    QFont pillFont = m_stateLabel->font();
    pillFont.setBold(true);
    m_stateLabel->setFont(pillFont);
    m_connectionLabel = makeValueLabel(u"connectionLabel"_s, m_statusGroup);
    stateRow->addWidget(m_stateLabel);
    stateRow->addWidget(m_connectionLabel, 1);
    statusLayout->addLayout(stateRow);
    m_attemptLabel = makeValueLabel(u"attemptLabel"_s, m_statusGroup);
    statusLayout->addWidget(m_attemptLabel);
    layout->addWidget(m_statusGroup);

    // Reconnection: countdown, delay source, server retry.
    m_reconnectGroup = new QGroupBox(this);
    auto *reconnectLayout = new QVBoxLayout(m_reconnectGroup);
    reconnectLayout->setSpacing(4);
    m_countdownLabel = makeValueLabel(u"countdownLabel"_s, m_reconnectGroup);
    m_countdownBar = new QProgressBar(m_reconnectGroup);
    m_countdownBar->setObjectName(u"countdownBar"_s);
    m_countdownBar->setRange(0, CountdownBarRange);
    m_countdownBar->setTextVisible(false);
    m_countdownBar->setMaximumHeight(m_countdownBar->fontMetrics().height() / 2 + 4);
    // Hidden while nothing is pending, but its space is kept so the panel does not jump.
    QSizePolicy barPolicy = m_countdownBar->sizePolicy();
    barPolicy.setRetainSizeWhenHidden(true);
    m_countdownBar->setSizePolicy(barPolicy);
    reconnectLayout->addWidget(m_countdownLabel);
    reconnectLayout->addWidget(m_countdownBar);
    auto *reconnectForm = new QFormLayout;
    reconnectForm->setVerticalSpacing(2);
    reconnectForm->setRowWrapPolicy(QFormLayout::DontWrapRows);
    reconnectForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_delaySourceTitle = new QLabel(m_reconnectGroup);
    m_delaySourceLabel = makeValueLabel(u"delaySourceLabel"_s, m_reconnectGroup);
    m_delaySourceLabel->setWordWrap(true);
    m_serverRetryTitle = new QLabel(m_reconnectGroup);
    m_serverRetryLabel = makeValueLabel(u"serverRetryLabel"_s, m_reconnectGroup);
    reconnectForm->addRow(m_delaySourceTitle, m_delaySourceLabel);
    reconnectForm->addRow(m_serverRetryTitle, m_serverRetryLabel);
    reconnectLayout->addLayout(reconnectForm);

    auto *buttonRow = new QHBoxLayout;
    m_simulateDropButton = new QToolButton(m_reconnectGroup);
    m_simulateDropButton->setObjectName(u"simulateDropButton"_s);
    m_simulateDropButton->setPopupMode(QToolButton::MenuButtonPopup);
    m_simulateDropButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    buildDropMenu();
    m_simulateDropButton->setMenu(m_dropMenu);
    m_reconnectNowButton = new QToolButton(m_reconnectGroup);
    m_reconnectNowButton->setObjectName(u"reconnectNowButton"_s);
    m_reconnectNowButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    buttonRow->addWidget(m_simulateDropButton);
    buttonRow->addWidget(m_reconnectNowButton);
    buttonRow->addStretch(1);
    reconnectLayout->addLayout(buttonRow);

    auto *offlineRow = new QHBoxLayout;
    m_offlinePrefix = new QLabel(m_reconnectGroup);
    m_offlineSecondsSpin = new QSpinBox(m_reconnectGroup);
    m_offlineSecondsSpin->setObjectName(u"offlineSecondsSpin"_s);
    m_offlineSecondsSpin->setRange(1, 600);
    m_offlineSecondsSpin->setValue(5);
    m_offlinePrefix->setBuddy(m_offlineSecondsSpin);
    offlineRow->addWidget(m_offlinePrefix);
    offlineRow->addWidget(m_offlineSecondsSpin);
    offlineRow->addStretch(1);
    reconnectLayout->addLayout(offlineRow);
    layout->addWidget(m_reconnectGroup);

    // Stream: last error, Last-Event-ID, totals.
    m_streamGroup = new QGroupBox(this);
    auto *streamForm = new QFormLayout(m_streamGroup);
    streamForm->setRowWrapPolicy(QFormLayout::DontWrapRows);
    streamForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_lastErrorTitle = new QLabel(m_streamGroup);
    auto *errorLabel = new ElidingLabel(m_streamGroup);
    errorLabel->setObjectName(u"lastErrorLabel"_s);
    m_lastErrorLabel = errorLabel;
    m_lastEventIdTitle = new QLabel(m_streamGroup);
    m_lastEventIdLabel = makeValueLabel(u"lastEventIdLabel"_s, m_streamGroup);
    m_lastEventIdLabel->setTextInteractionFlags(Qt::TextSelectableByMouse
                                                | Qt::TextSelectableByKeyboard);
    m_lastEventIdLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // A long id must not widen the panel; the tooltip and selection still hold all of it.
    m_lastEventIdLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_totalsTitle = new QLabel(m_streamGroup);
    m_totalsLabel = makeValueLabel(u"totalsLabel"_s, m_streamGroup);
    m_totalsLabel->setWordWrap(true);
    // The last resume verdict in a word or two, and the way to the findings in the table.
    m_resumeTitle = new QLabel(m_streamGroup);
    auto *resumeRow = new QHBoxLayout;
    auto *resumeLabel = new ElidingLabel(m_streamGroup);
    resumeLabel->setObjectName(u"lastResumeLabel"_s);
    m_resumeLabel = resumeLabel;
    m_nextProblemButton = new QToolButton(m_streamGroup);
    m_nextProblemButton->setObjectName(u"nextProblemButton"_s);
    // Small, so the outcome keeps its room in a narrow panel: an arrow and how many.
    m_nextProblemButton->setArrowType(Qt::DownArrow);
    m_nextProblemButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    resumeRow->addWidget(m_resumeLabel, 1);
    resumeRow->addWidget(m_nextProblemButton);
    streamForm->addRow(m_lastErrorTitle, m_lastErrorLabel);
    streamForm->addRow(m_resumeTitle, resumeRow);
    streamForm->addRow(m_lastEventIdTitle, m_lastEventIdLabel);
    streamForm->addRow(m_totalsTitle, m_totalsLabel);
    layout->addWidget(m_streamGroup);

    m_logGroup = new QGroupBox(this);
    auto *logLayout = new QVBoxLayout(m_logGroup);
    m_lifecycleLog = new QPlainTextEdit(m_logGroup);
    m_lifecycleLog->setObjectName(u"lifecycleLog"_s);
    m_lifecycleLog->setReadOnly(true);
    m_lifecycleLog->setMaximumBlockCount(MaximumLogLines);
    // Wrapped: the panel is narrow and a URL or error line is worth reading in full.
    m_lifecycleLog->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_lifecycleLog->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Three lines: with the "Last resume" line the panel still fits 1024×700.
    m_lifecycleLog->setMinimumHeight(56);
    // Whatever height is left, and no more asked for: the scroll area around the panel sizes it
    // by its preferred height for the width, and a text edit's own preference (12 lines) would
    // put a scroll bar on a panel that fits.
    m_lifecycleLog->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    logLayout->addWidget(m_lifecycleLog);
    layout->addWidget(m_logGroup, 1);

    for (QLabel *title : { m_delaySourceTitle, m_serverRetryTitle, m_lastErrorTitle, m_resumeTitle,
                           m_lastEventIdTitle, m_totalsTitle })
        title->setTextFormat(Qt::PlainText);

    connect(m_nextProblemButton, &QToolButton::clicked, this,
            &ConnectionPanel::nextProblemRequested);
    connect(m_simulateDropButton, &QToolButton::clicked, this, &ConnectionPanel::cutConnection);
    connect(m_cutAction, &QAction::triggered, this, &ConnectionPanel::cutConnection);
    connect(m_offlineAction, &QAction::triggered, this, &ConnectionPanel::goOffline);
    connect(m_reconnectNowButton, &QToolButton::clicked, this, [this] {
        if (m_reader)
            m_reader->reconnectNow();
    });
    connect(m_offlineSecondsSpin, &QSpinBox::valueChanged, this, [this] {
        m_offlineAction->setText(tr("Go offline for %n s", "simulate a network outage of N seconds",
                                    m_offlineSecondsSpin->value()));
        m_serverDownAction->setText(tr("Proxy down for %n s (refuse new connections)", nullptr,
                                       m_offlineSecondsSpin->value()));
    });
}

void ConnectionPanel::buildDropMenu()
{
    // One menu, two halves, each saying who sees the fault: the reader's own simulation, and
    // the fault proxy breaking the real connection (the server sees that one too).
    m_dropMenu = new QMenu(m_simulateDropButton);
    m_dropMenu->setObjectName(u"dropMenu"_s);
    m_dropMenu->setToolTipsVisible(true); // a disabled server-visible fault says why
    const auto add = [this](const char *name) {
        QAction *action = m_dropMenu->addAction(QString());
        action->setObjectName(QString::fromLatin1(name));
        return action;
    };
    m_clientSection = m_dropMenu->addSection(QString());
    m_cutAction = add("cutConnectionAction");
    m_offlineAction = add("goOfflineAction");
    m_serverSection = m_dropMenu->addSection(QString());
    m_serverCutAction = add("serverCutAction");
    m_serverResetAction = add("serverResetAction");
    m_serverStallAction = add("serverStallAction");
    m_serverStallAction->setCheckable(true);
    m_serverCutMidEventAction = add("serverCutMidEventAction");
    m_serverDownAction = add("serverDownAction");
    m_serverSlicerAction = add("serverSlicerAction");
    m_serverSlicerAction->setCheckable(true);
    m_serverMoreAction = add("serverMoreAction");
    m_routeAction = add("routeThroughFaultProxyAction");

    using Kind = ProxyFault::Kind;
    using Direction = ProxyFault::Direction;
    connect(m_serverCutAction, &QAction::triggered, this,
            [this] { requestServerFault(Kind::Cut, Direction::Both); });
    connect(m_serverResetAction, &QAction::triggered, this,
            [this] { requestServerFault(Kind::Reset, Direction::Both); });
    connect(m_serverStallAction, &QAction::triggered, this,
            [this](bool on) { toggleServerFault(Kind::Stall, on); });
    connect(m_serverCutMidEventAction, &QAction::triggered, this,
            [this] { requestServerFault(Kind::CutMidEvent, Direction::Downstream); });
    connect(m_serverDownAction, &QAction::triggered, this,
            [this] { requestServerFault(Kind::Down, Direction::Downstream); });
    connect(m_serverSlicerAction, &QAction::triggered, this,
            [this](bool on) { toggleServerFault(Kind::Slicer, on); });
    connect(m_serverMoreAction, &QAction::triggered, this,
            [this] { emit faultProxyWindowRequested(Kind::Latency); });
    connect(m_routeAction, &QAction::triggered, this,
            &ConnectionPanel::routeThroughFaultProxyRequested);
    updateServerFaultActions();
}

void ConnectionPanel::setServerFaultState(const ServerFaultState &state)
{
    m_serverFaults = state;
    updateServerFaultActions();
}

QList<int> ConnectionPanel::serverFaultIds(ProxyFault::Kind kind) const
{
    QList<int> ids;
    if (m_serverFaults.connection) {
        for (const ProxyFault &fault : m_serverFaults.connection->faults) {
            if (fault.kind == kind)
                ids << fault.id;
        }
    }
    return ids;
}

void ConnectionPanel::requestServerFault(ProxyFault::Kind kind, ProxyFault::Direction direction)
{
    ProxyFault fault;
    fault.kind = kind;
    fault.direction = direction;
    if (kind == ProxyFault::Kind::Down)
        fault.duration = std::chrono::seconds(offlineSeconds());
    if (kind == ProxyFault::Kind::Slicer) {
        // One byte at a time, 10 ms apart: a 60-byte event takes most of a second to arrive.
        fault.maximumPieceBytes = 1;
        fault.delay = 10ms;
    }
    emit serverFaultRequested(fault);
}

void ConnectionPanel::toggleServerFault(ProxyFault::Kind kind, bool on)
{
    if (on) {
        // Stall holds both ways: the request side of a half-open connection is stuck as well.
        requestServerFault(kind,
                           kind == ProxyFault::Kind::Stall ? ProxyFault::Direction::Both
                                                           : ProxyFault::Direction::Downstream);
    } else if (const QList<int> ids = serverFaultIds(kind); !ids.isEmpty()) {
        emit serverFaultsRemovalRequested(ids);
    }
    updateServerFaultActions(); // the tick follows the proxy, not the click
}

void ConnectionPanel::showDropMessage(const QString &text)
{
    QToolTip::showText(m_simulateDropButton->mapToGlobal(QPoint(0, m_simulateDropButton->height())),
                       text, m_simulateDropButton);
}

void ConnectionPanel::updateServerFaultActions()
{
    const QList<QAction *> connectionFaults { m_serverCutAction,    m_serverResetAction,
                                              m_serverStallAction,  m_serverCutMidEventAction,
                                              m_serverSlicerAction, m_serverMoreAction };
    const bool running = m_reader && m_reader->state() != SseReader::State::Closed;
    const bool hasConnection = m_serverFaults.routed && m_serverFaults.connection.has_value();
    QString why;
    if (!m_serverFaults.available)
        why = tr("No fault proxy in this window.");
    else if (!m_serverFaults.routed)
        why = tr("This tab does not go through the fault proxy: turn on “Via fault proxy” in the "
                 "request bar (or choose it below).");
    else if (!hasConnection)
        why = running ? tr("This tab has no open connection through the fault proxy right now.")
                      : tr("Connect first: the fault acts on this tab's open connection.");
    const QString help = tr("Server-visible: the fault proxy breaks the real connection, so the "
                            "server sees it too.");
    for (QAction *action : connectionFaults) {
        action->setEnabled(hasConnection);
        action->setToolTip(hasConnection ? help : why);
    }
    m_serverStallAction->setChecked(!serverFaultIds(ProxyFault::Kind::Stall).isEmpty());
    m_serverSlicerAction->setChecked(!serverFaultIds(ProxyFault::Kind::Slicer).isEmpty());
    if (hasConnection
        && m_serverFaults.connection->mode == ProxyConnectionInfo::Mode::ConnectTunnel) {
        m_serverCutMidEventAction->setEnabled(false);
        m_serverCutMidEventAction->setToolTip(
                tr("An https:// stream goes through the proxy encrypted (CONNECT), so the proxy "
                   "cannot see where an event ends."));
    }
    // Down acts on the proxy's listener, for every client: the tab only has to be routed.
    const bool canDown = m_serverFaults.available && m_serverFaults.routed;
    m_serverDownAction->setEnabled(canDown);
    m_serverDownAction->setToolTip(
            canDown ? tr("The proxy refuses every new connection, this tab's reconnects "
                         "included; open connections carry on.")
                    : why);
    m_routeAction->setVisible(m_serverFaults.available && !m_serverFaults.routed);
}

void ConnectionPanel::retranslateUi()
{
    m_statusGroup->setTitle(tr("Connection"));
    m_reconnectGroup->setTitle(tr("Reconnection"));
    m_streamGroup->setTitle(tr("Stream"));
    m_logGroup->setTitle(tr("Lifecycle log"));
    m_delaySourceTitle->setText(tr("Delay:", "where the reconnect delay came from"));
    m_serverRetryTitle->setText(tr("Server retry:", "the last retry: field the server sent"));
    m_lastErrorTitle->setText(tr("Last error:"));
    //: The outcome of the last reconnect's resume (Last-Event-ID), e.g. "clean" or "3 lost"
    m_resumeTitle->setText(tr("Last resume:"));
    m_lastEventIdTitle->setText(tr("Last-Event-ID:", "HTTP header name; usually kept as is"));
    m_totalsTitle->setText(tr("Totals:"));
    m_simulateDropButton->setText(tr("Simulate network drop"));
    m_simulateDropButton->setToolTip(
            tr("Cut the connection now, inside SSE Scope. The arrow offers a longer outage and "
               "server-visible faults through the fault proxy."));
    m_clientSection->setText(tr("Client-side (only SSE Scope sees it)"));
    m_cutAction->setText(tr("Cut connection now"));
    m_offlineAction->setText(tr("Go offline for %n s", "simulate a network outage of N seconds",
                                m_offlineSecondsSpin->value()));
    m_serverSection->setText(tr("Server-visible (through the fault proxy)"));
    m_serverCutAction->setText(tr("Cut (FIN)"));
    m_serverResetAction->setText(tr("Reset (RST)"));
    m_serverStallAction->setText(tr("Stall (hold both ways)"));
    m_serverCutMidEventAction->setText(tr("Cut mid-event"));
    m_serverDownAction->setText(tr("Proxy down for %n s (refuse new connections)", nullptr,
                                   m_offlineSecondsSpin->value()));
    m_serverSlicerAction->setText(tr("Slicer (1-byte pieces)"));
    m_serverMoreAction->setText(tr("Latency and more…"));
    m_routeAction->setText(tr("Route this tab through the fault proxy"));
    updateServerFaultActions();
    m_reconnectNowButton->setText(tr("Reconnect now"));
    m_reconnectNowButton->setToolTip(tr("Skip the countdown and attempt the next connection now"));
    m_offlinePrefix->setText(tr("Offline duration:"));
    //: Suffix of the offline duration spin box, seconds
    m_offlineSecondsSpin->setSuffix(tr(" s"));
    m_lifecycleLog->setPlaceholderText(tr("Connects, drops and reconnects appear here."));
    rebuildLog();
    updateAll();
    updateResume();
}

void ConnectionPanel::setReader(SseReader *reader)
{
    if (reader == m_reader)
        return;
    detachReader();
    m_reader = reader;
    if (reader) {
        m_readerConnections << connect(reader, &SseReader::stateChanged, this,
                                       &ConnectionPanel::handleStateChanged)
                            << connect(reader, &SseReader::recordReceived, this,
                                       &ConnectionPanel::handleRecord)
                            << connect(reader, &QObject::destroyed, this, [this] {
                                   detachReader();
                                   updateAll();
                               });
        m_loggedRetry = reader->serverRetry()
                ? std::optional<qint64>(reader->serverRetry()->count())
                : std::nullopt;
        m_lastError = reader->lastError();
        m_lastReconnect.reset();
        // The reader does not expose when its connection opened: count from now.
        if (reader->state() == SseReader::State::Open)
            m_uptime.start();
    }
    updateAll();
}

void ConnectionPanel::detachReader()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_readerConnections))
        disconnect(connection);
    m_readerConnections.clear();
    m_reader = nullptr;
    m_uptime.invalidate();
}

int ConnectionPanel::offlineSeconds() const
{
    return m_offlineSecondsSpin->value();
}

void ConnectionPanel::setOfflineSeconds(int seconds)
{
    m_offlineSecondsSpin->setValue(seconds);
}

QString ConnectionPanel::logText() const
{
    return m_lifecycleLog->toPlainText();
}

QList<StreamRecord> ConnectionPanel::loggedRecords() const
{
    QList<StreamRecord> records;
    for (const LogEntry &entry : m_log) {
        if (entry.record)
            records.append(*entry.record);
    }
    return records;
}

void ConnectionPanel::clearLog()
{
    m_log.clear();
    m_lifecycleLog->clear();
}

void ConnectionPanel::addFinding(const StreamRecord &finding)
{
    if (!RecordText::resumeOutcome(finding.finding).isEmpty()) {
        m_lastResume = finding;
        updateResume();
    }
    appendLog(LogEntry { finding, finding.time, 0 });
}

void ConnectionPanel::setProblemCount(int count)
{
    m_problemCount = count;
    updateResume();
}

void ConnectionPanel::updateResume()
{
    auto *label = static_cast<ElidingLabel *>(m_resumeLabel);
    QPalette palette = m_resumeLabel->parentWidget()->palette();
    if (m_lastResume) {
        const Finding &finding = m_lastResume->finding;
        label->setFullText(RecordText::resumeOutcome(finding));
        palette.setColor(QPalette::WindowText, Theme::severityColor(finding.severity, palette));
        // The tooltip says it all; escaped, as ids are server text.
        const QString advice = RecordText::findingAdvice(finding);
        label->setToolTip(
                Theme::plainToolTip(RecordText::findingVerdict(finding)
                                    + (advice.isEmpty() ? QString() : u"\n\n"_s + advice)));
    } else {
        //: No reconnect has resumed yet in this session
        label->setFullText(tr("none yet", "last resume"));
        palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
        label->setToolTip(tr("After a reconnect, SSE Scope checks whether the server resumed "
                             "after the Last-Event-ID: nothing lost, nothing twice."));
    }
    m_resumeLabel->setPalette(palette);
    m_nextProblemButton->setEnabled(m_problemCount > 0);
    m_nextProblemButton->setText(m_problemCount > 0 ? QLocale().toString(m_problemCount)
                                                    : QString());
    m_nextProblemButton->setToolTip(
            m_problemCount > 0
                    //: The button by "Last resume": %n = warnings and problems found in the tab
                    ? tr("Next problem (F8; Shift+F8 for the previous one): %n warning(s) or "
                         "problem(s) in this tab",
                         nullptr, m_problemCount)
                    : tr("No warnings or problems in this tab"));
}

qint64 ConnectionPanel::silenceMs() const
{
    if (!m_reader || m_reader->state() != SseReader::State::Open || !m_sinceData.isValid())
        return 0;
    return m_sinceData.elapsed();
}

void ConnectionPanel::cutConnection()
{
    if (m_reader)
        m_reader->simulateDrop(SseReader::DropMode::Abort);
}

void ConnectionPanel::goOffline()
{
    if (!m_reader || m_reader->state() == SseReader::State::Closed)
        return;
    const int seconds = offlineSeconds();
    // Logged here because a drop while a reconnect is already pending emits no record.
    appendLog(LogEntry { std::nullopt, QDateTime::currentDateTimeUtc(), seconds });
    m_reader->simulateDrop(SseReader::DropMode::Offline, std::chrono::seconds(seconds));
    updateCountdown();
}

void ConnectionPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    } else if (event->type() == QEvent::PaletteChange) {
        updateState();
        updateResume();
    }
}

void ConnectionPanel::handleStateChanged(SseReader::State state)
{
    if (state != SseReader::State::Open)
        m_uptime.invalidate();
    updateAll();
}

void ConnectionPanel::handleRecord(const StreamRecord &record)
{
    using Kind = StreamRecord::Kind;
    switch (record.kind) {
    case Kind::Connecting:
        if (m_sessionEnded) {
            m_loggedRetry.reset(); // a new session (open()): the next retry: is news again
            m_lastResume.reset();
            updateResume();
        }
        m_sessionEnded = false;
        break;
    case Kind::Closed:
        m_sessionEnded = true;
        break;
    case Kind::Open:
        m_uptime.start();
        m_sinceData.start(); // silence counts from the headers
        break;
    case Kind::Retry:
        // Many servers repeat the same retry: on every connection; the log says it once.
        if (m_loggedRetry == record.retryMs) {
            updateDelaySource();
            return;
        }
        m_loggedRetry = record.retryMs;
        break;
    case Kind::Comment:
        return; // heartbeats belong in the table, not in a log of the connection's life
    case Kind::Error:
        m_lastError = record.error;
        break;
    case Kind::Reconnecting:
        m_lastReconnect = record;
        break;
    default:
        break;
    }
    appendLog(LogEntry { record, record.time, 0 });
    updateAll();
}

void ConnectionPanel::updateAll()
{
    updateState();
    updateUptime();
    updateAttempt();
    updateCountdown();
    updateDelaySource();
    updateLastError();
    updateLastEventId();
    updateTotals();
    updateButtons();
    updateTimers();
}

void ConnectionPanel::updateState()
{
    const SseReader::State state = m_reader ? m_reader->state() : SseReader::State::Closed;
    m_stateLabel->setText(stateText(state));
    QColor background = Theme::stateColor(state);
    if (!m_reader)
        background = palette().color(QPalette::Disabled, QPalette::WindowText);
    else if (silenceMs() >= SilentAfterMs)
        background = Theme::stateColor(SseReader::State::Connecting); // open, but stalled
    // Dark text on light pills (amber) and white on dark ones keeps the label readable.
    const QColor foreground =
            background.lightnessF() > 0.55f ? QColor(Qt::black) : QColor(Qt::white);
    m_stateLabel->setStyleSheet(
            u"QLabel { background-color: %1; color: %2; border-radius: 9px; padding: 2px 10px; }"_s
                    .arg(background.name(), foreground.name()));
}

void ConnectionPanel::updateUptime()
{
    if (!m_reader || m_reader->connectionCount() == 0) {
        m_connectionLabel->setText(m_reader ? tr("No connection yet") : tr("No stream"));
        return;
    }
    QString text = tr("Connection #%1").arg(m_reader->connectionCount());
    const qint64 silence = silenceMs();
    if (silence >= QuietAfterMs) {
        // A stalled stream must not look healthy: how long it has been quiet, live.
        //: The open connection has sent nothing for a while; %1 = how long ("47 s")
        text += tr(" · last data %1 ago").arg(RecordText::duration(silence / 1000 * 1000));
    } else if (m_reader->state() == SseReader::State::Open && m_uptime.isValid()) {
        text += tr(" · up %1", "uptime of the open connection, h:mm:ss")
                        .arg(formatDuration(m_uptime.elapsed()));
    }
    m_connectionLabel->setText(text);
    m_connectionLabel->setToolTip(m_uptime.isValid() && m_reader->state() == SseReader::State::Open
                                          ? tr("Up %1", "uptime of the open connection, h:mm:ss")
                                                    .arg(formatDuration(m_uptime.elapsed()))
                                          : QString());
    // The state pill turns amber once the silence is a finding's worth.
    const bool silent = silence >= SilentAfterMs;
    if (silent != m_silentShown) {
        m_silentShown = silent;
        updateState();
    }
}

void ConnectionPanel::updateAttempt()
{
    if (!m_reader || m_reader->attemptCount() == 0) {
        m_attemptLabel->setText(tr("No reconnects yet"));
        return;
    }
    const QString total = tr("%Ln reconnect(s) in total", "", m_reader->attemptCount());
    // While the stream is open the last attempt succeeded: only the total is news then.
    const bool reconnecting = m_lastReconnect && m_reader->state() != SseReader::State::Open;
    m_attemptLabel->setText(reconnecting
                                    ? tr("Attempt %1 · %2", "attempt number · total reconnects")
                                              .arg(RecordText::attemptText(*m_lastReconnect), total)
                                    : total);
}

void ConnectionPanel::updateCountdown()
{
    if (!m_reader || !m_reader->isReconnectPending()) {
        m_countdownBar->hide();
        QString text;
        if (!m_reader)
            text = tr("No reconnect pending");
        else if (m_reader->state() == SseReader::State::Connecting)
            text = tr("Connecting…");
        else
            text = tr("No reconnect pending");
        m_countdownLabel->setText(text);
        return;
    }
    const qint64 remaining = std::max<qint64>(0, m_reader->nextAttemptAt().remainingTime());
    const qint64 delay = std::max<qint64>(1, m_reader->nextDelay().count());
    QString text =
            tr("Reconnecting in %1 s").arg(QLocale().toString(double(remaining) / 1000.0, 'f', 1));
    if (m_reader->isOfflineSimulated()) {
        const qint64 offline = m_reader->offlineUntil().remainingTime();
        text += tr(" · offline (simulated) for %1 s more")
                        .arg(QLocale().toString(double(offline) / 1000.0, 'f', 1));
    }
    m_countdownLabel->setText(text);
    m_countdownBar->setValue(
            int(std::clamp<qint64>(remaining * CountdownBarRange / delay, 0, CountdownBarRange)));
    m_countdownBar->show();
}

void ConnectionPanel::updateDelaySource()
{
    m_delaySourceLabel->setText(m_lastReconnect ? RecordText::delaySource(
                                        m_lastReconnect->delaySource, m_lastReconnect->delayMs,
                                        m_lastReconnect->attempt)
                                                : tr("—"));
    const auto retry = m_reader ? m_reader->serverRetry() : std::nullopt;
    m_serverRetryLabel->setText(retry ? RecordText::milliseconds(retry->count())
                                      : tr("none received"));
}

void ConnectionPanel::updateLastError()
{
    auto *label = static_cast<ElidingLabel *>(m_lastErrorLabel);
    label->setFullText(m_lastError.isNull() ? tr("none") : RecordText::describe(m_lastError));
}

void ConnectionPanel::updateLastEventId()
{
    const QString id = m_reader ? m_reader->lastEventId() : QString();
    const QString text = id.isEmpty() ? tr("(none)", "no Last-Event-ID") : id;
    if (m_lastEventIdLabel->text() != text) {
        m_lastEventIdLabel->setText(text);
        m_lastEventIdLabel->setToolTip(id.isEmpty() ? QString() : Theme::plainToolTip(id));
    }
}

void ConnectionPanel::updateTotals()
{
    const quint64 events = m_reader ? m_reader->eventCount() : 0;
    const qint64 bytes = m_reader ? m_reader->byteCount() : 0;
    // Polled, never per event: any byte (comments too) means the stream is alive.
    if (bytes != m_lastByteCount) {
        m_lastByteCount = bytes;
        m_sinceData.start();
    }
    const int reconnects = m_reader ? m_reader->attemptCount() : 0;
    const QLocale locale;
    const QString text =
            tr("%1 · %2 · %3", "totals: events · bytes · reconnects")
                    .arg(tr("%Ln event(s)", "", clampToInt(events)),
                         locale.formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat),
                         tr("%Ln reconnect(s)", "", reconnects));
    if (m_totalsLabel->text() != text)
        m_totalsLabel->setText(text);
}

void ConnectionPanel::updateButtons()
{
    const bool running = m_reader && m_reader->state() != SseReader::State::Closed;
    m_simulateDropButton->setEnabled(running);
    updateServerFaultActions();
    m_reconnectNowButton->setEnabled(m_reader && m_reader->isReconnectPending());
}

void ConnectionPanel::updateTimers()
{
    const auto toggle = [](QTimer &timer, bool on) {
        if (on && !timer.isActive())
            timer.start();
        else if (!on)
            timer.stop();
    };
    toggle(m_countdownTimer, m_reader && m_reader->isReconnectPending());
    toggle(m_uptimeTimer, m_reader && m_reader->state() == SseReader::State::Open);
    toggle(m_totalsTimer, m_reader && m_reader->state() != SseReader::State::Closed);
}

QString ConnectionPanel::logLine(const LogEntry &entry) const
{
    const QString text = entry.record
            ? RecordText::summary(*entry.record)
            : tr("Network offline for %n s (simulated)", "", entry.offlineSeconds);
    return entry.time.toLocalTime().toString(u"HH:mm:ss.zzz"_s) % u"  "_s % text;
}

void ConnectionPanel::appendLog(const LogEntry &entry)
{
    m_log.push_back(entry);
    if (m_log.size() > size_t(MaximumLogLines))
        m_log.pop_front();
    QScrollBar *bar = m_lifecycleLog->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    const int previous = bar->value();
    m_lifecycleLog->appendPlainText(logLine(entry));
    // Follow the tail only while the user is at the bottom, as in the event table.
    bar->setValue(atEnd ? bar->maximum() : previous);
}

void ConnectionPanel::rebuildLog()
{
    // The log keeps records, not text: after a language switch every line is written anew.
    QStringList lines;
    lines.reserve(qsizetype(m_log.size()));
    for (const LogEntry &entry : m_log)
        lines.append(logLine(entry));
    QScrollBar *bar = m_lifecycleLog->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    m_lifecycleLog->setPlainText(lines.join(u'\n'));
    if (atEnd)
        bar->setValue(bar->maximum());
}

QString ConnectionPanel::stateText(SseReader::State state) const
{
    switch (state) {
    case SseReader::State::Connecting:
        //: EventSource readyState, shown as the state badge; translated like any label
        return tr("CONNECTING");
    case SseReader::State::Open:
        //: EventSource readyState, shown as the state badge; translated like any label
        return tr("OPEN");
    case SseReader::State::Closed:
        //: EventSource readyState, shown as the state badge; translated like any label
        return tr("CLOSED");
    }
    return {};
}
