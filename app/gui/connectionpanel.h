// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <deque>
#include <optional>

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include "proxyconnectioninfo.h"
#include "proxyfault.h"
#include "sseerror.h"
#include "ssereader.h"

class QGroupBox;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QSpinBox;
class QToolButton;

/// The live view of one SseReader's connection life cycle: state, connection number and uptime,
/// reconnect attempt and countdown, where the delay came from, last error, Last-Event-ID,
/// totals, fault-injection buttons and a timestamped lifecycle log. It only observes the reader
/// (never owns it) and calls its slots for the buttons.
///
/// The drop button's menu offers two kinds of faults: client-side ones the reader simulates
/// (only SSE Scope sees them), and server-visible ones the app's fault proxy carries out on the
/// real connection. The panel knows nothing of the proxy: it shows setServerFaultState() and
/// asks for faults by signal; StreamTab does the rest.
class ConnectionPanel : public QWidget
{
    Q_OBJECT
public:
    /// What the server-visible faults can act on, from the tab.
    struct ServerFaultState
    {
        bool available = false; ///< The app has a fault proxy (not in a bare panel).
        bool routed = false; ///< The tab's stream is set to go through it.
        /// The tab's open connection through the proxy, with the faults in force on it.
        std::optional<ProxyConnectionInfo> connection;
    };

    explicit ConnectionPanel(QWidget *parent = nullptr);
    ~ConnectionPanel() override;

    /// Observes reader (nullptr detaches). Shows its current state at once; does not clear the log.
    void setReader(SseReader *reader);
    SseReader *reader() const { return m_reader; }

    /// Re-sets every user-visible text (called on QEvent::LanguageChange).
    void retranslateUi();

    void setServerFaultState(const ServerFaultState &state);
    ServerFaultState serverFaultState() const { return m_serverFaults; }
    /// The drop button's menu (client-side and server-visible faults).
    QMenu *dropMenu() const { return m_dropMenu; }
    /// Shows a short note by the drop button, e.g. why a server-visible fault did not apply.
    void showDropMessage(const QString &text);

    /// The "Go offline for N s" duration, in seconds (1–600).
    int offlineSeconds() const;
    void setOfflineSeconds(int seconds);
    /// Whether the countdown ticker runs (only while a reconnect is pending).
    bool isCountdownTicking() const { return m_countdownTimer.isActive(); }
    /// The lifecycle log as plain text, one line per entry.
    QString logText() const;
    /// The records the log shows, oldest first.
    QList<StreamRecord> loggedRecords() const;
    void clearLog();

    /// A finding of the stream's (the tab's engine found it): logged, and a resume verdict
    /// becomes the "Last resume" line.
    void addFinding(const StreamRecord &finding);
    /// Warnings and problems in the tab: the Next Problem button is enabled when there are any.
    void setProblemCount(int count);

signals:
    /// The user asked for the next warning or problem (the button on the "Last resume" line).
    void nextProblemRequested();

public slots:
    /// Cuts the connection now (SseReader::DropMode::Abort).
    void cutConnection();
    /// Simulates a network outage of offlineSeconds() (SseReader::DropMode::Offline).
    void goOffline();

signals:
    /// A server-visible fault for this tab's proxy connection (its connection is left at
    /// AllConnections for the tab to fill in; Down is for all connections anyway).
    void serverFaultRequested(const ProxyFault &fault);
    /// Ends these faults (by the proxy's fault id), e.g. unticking Stall.
    void serverFaultsRemovalRequested(const QList<int> &faultIds);
    /// Opens the Fault Proxy window, preset to this kind on this tab's connection.
    void faultProxyWindowRequested(ProxyFault::Kind kind);
    /// Routes this tab through the fault proxy (and reconnects it).
    void routeThroughFaultProxyRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void buildDropMenu();
    void updateServerFaultActions();
    void requestServerFault(ProxyFault::Kind kind, ProxyFault::Direction direction);
    void toggleServerFault(ProxyFault::Kind kind, bool on);
    /// The lasting faults of a kind in force on the tab's proxy connection.
    QList<int> serverFaultIds(ProxyFault::Kind kind) const;
    void detachReader();
    void handleStateChanged(SseReader::State state);
    void handleRecord(const StreamRecord &record);
    void updateAll();
    void updateState();
    void updateUptime();
    void updateAttempt();
    void updateCountdown();
    void updateDelaySource();
    void updateLastError();
    void updateLastEventId();
    void updateTotals();
    void updateButtons();
    void updateTimers();
    void updateResume();
    /// How long the open connection has sent nothing (from the reader's byte count, polled).
    qint64 silenceMs() const;
    /// A log line: a record, or the user's own "go offline" (which the reader does not
    /// report while a reconnect is already pending).
    struct LogEntry
    {
        std::optional<StreamRecord> record;
        QDateTime time;
        int offlineSeconds = 0;
    };
    void appendLog(const LogEntry &entry);
    QString logLine(const LogEntry &entry) const;
    void rebuildLog();
    QString stateText(SseReader::State state) const;

    QPointer<SseReader> m_reader;
    QList<QMetaObject::Connection> m_readerConnections;
    QElapsedTimer m_uptime; ///< Valid while the current connection is Open.
    QTimer m_countdownTimer; ///< ~50 ms, only while a reconnect is pending.
    QTimer m_uptimeTimer; ///< 1 s, only while Open.
    QTimer m_totalsTimer; ///< ~5 Hz poll of the reader's counters, only while not Closed.

    QGroupBox *m_statusGroup = nullptr;
    QGroupBox *m_reconnectGroup = nullptr;
    QGroupBox *m_streamGroup = nullptr;
    QGroupBox *m_logGroup = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_attemptLabel = nullptr;
    QLabel *m_countdownLabel = nullptr;
    QProgressBar *m_countdownBar = nullptr;
    QLabel *m_delaySourceTitle = nullptr;
    QLabel *m_delaySourceLabel = nullptr;
    QLabel *m_serverRetryTitle = nullptr;
    QLabel *m_serverRetryLabel = nullptr;
    QLabel *m_lastErrorTitle = nullptr;
    QLabel *m_lastErrorLabel = nullptr;
    QLabel *m_lastEventIdTitle = nullptr;
    QLabel *m_lastEventIdLabel = nullptr;
    QLabel *m_totalsTitle = nullptr;
    QLabel *m_totalsLabel = nullptr;
    QToolButton *m_simulateDropButton = nullptr;
    QMenu *m_dropMenu = nullptr;
    QAction *m_clientSection = nullptr;
    QAction *m_cutAction = nullptr;
    QAction *m_offlineAction = nullptr;
    QAction *m_serverSection = nullptr;
    QAction *m_serverCutAction = nullptr;
    QAction *m_serverResetAction = nullptr;
    QAction *m_serverStallAction = nullptr;
    QAction *m_serverCutMidEventAction = nullptr;
    QAction *m_serverDownAction = nullptr;
    QAction *m_serverSlicerAction = nullptr;
    QAction *m_serverMoreAction = nullptr;
    QAction *m_routeAction = nullptr;
    ServerFaultState m_serverFaults;
    QLabel *m_offlinePrefix = nullptr;
    QSpinBox *m_offlineSecondsSpin = nullptr;
    QToolButton *m_reconnectNowButton = nullptr;
    QLabel *m_resumeTitle = nullptr;
    QLabel *m_resumeLabel = nullptr;
    QToolButton *m_nextProblemButton = nullptr;
    QPlainTextEdit *m_lifecycleLog = nullptr;

    std::deque<LogEntry> m_log; ///< What the log shows, newest last, at most MaximumLogLines.
    std::optional<qint64> m_loggedRetry; ///< The server retry: last written to the log.
    bool m_sessionEnded = true; ///< A Closed record came last: the next Connecting starts anew.
    SseError m_lastError; ///< From the newest Error record.
    std::optional<StreamRecord> m_lastReconnect; ///< The newest Reconnecting record.
    std::optional<StreamRecord> m_lastResume; ///< The newest resume verdict of this session.
    int m_problemCount = 0;
    QElapsedTimer m_sinceData; ///< Since the reader's byte count last moved (or Open).
    qint64 m_lastByteCount = -1;
    bool m_silentShown = false; ///< The state pill shows the stream as stalled.
};
