// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include <QElapsedTimer>
#include <QPointer>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>
#include <QWidget>

#include "detailpane.h"
#include "eventexporter.h"
#include "proxyfault.h"
#include "proxysetting.h"
#include "ssereader.h"

class QLabel;
class QSplitter;
class QTimer;
class ConnectionPanel;
class QScrollArea;
class FaultProxyController;
class FilterBar;
class FindingsEngine;
class MessageFilterProxyModel;
class MessageModel;
class MessageView;
class RateChart;
class RequestBar;
class RequestEditor;
class StreamRecorder;

/// One stream per tab: request bar, filterable live event table, detail pane, connection panel
/// and rate chart around one SseReader. MainWindow only wires tabs together.
///
/// The tab also decides how its reader reaches the network (the editor's ProxySetting, the
/// bar's "Via fault proxy" switch): the system's proxy settings by default, and through the
/// app's FaultProxyController on request, whose server-visible faults the connection panel then
/// offers for this tab's own proxy connection.
///
/// The tab tells its stream's story once: every event and record of the reader goes to the
/// model, the recorder and one FindingsEngine in the same order, and the findings the engine
/// gives back go into the story right after the input that revealed them (as `ssescope-cli
/// watch` prints them), to the model, the recorder and the connection panel.
class StreamTab : public QWidget
{
    Q_OBJECT
public:
    explicit StreamTab(QWidget *parent = nullptr);
    ~StreamTab() override;

    SseReader *reader() const { return m_reader; }
    MessageModel *model() const { return m_model; }
    MessageFilterProxyModel *proxy() const { return m_proxy; }
    ConnectionPanel *connectionPanel() const { return m_connectionPanel; }
    MessageView *messageView() const { return m_view; }
    FilterBar *filterBar() const { return m_filterBar; }
    DetailPane *detailPane() const { return m_detailPane; }
    RequestEditor *requestEditor() const { return m_requestEditor; }
    RequestBar *requestBar() const { return m_requestBar; }
    StreamRecorder *recorder() const { return m_recorder; }

    /// Turns the tab into a view of a recording: the live parts (request bar, connection panel,
    /// rate chart) give way to what the file says about itself. The rows come separately.
    void showRecording(const QString &path, const EventExporter::Recording &recording);
    /// Whether the tab shows a recording (showRecording()) rather than a live stream.
    bool isRecordingView() const { return m_recordingInfo != nullptr; }

    /// Whether the stream is being recorded to a file (Record to File…).
    bool isRecording() const;
    /// Records everything the reader reports from now on to path (NDJSON, replacing the file);
    /// false + errorString on failure. No dialog.
    bool startRecording(const QString &path, QString *errorString = nullptr);

    void setUrl(const QUrl &url);
    /// The URL typed in the bar (may be invalid; see connectStream()).
    QUrl url() const;
    /// What the request bar and editor currently say.
    SseReader::Request request() const;
    void setRequest(const SseReader::Request &request);
    /// The name the user gave the tab, else "host:port/path", or tr("New stream") without a URL.
    QString title() const;
    /// Renames the tab; empty goes back to the URL's "host:port/path". Part of the session.
    void setCustomTitle(const QString &title);
    QString customTitle() const { return m_customTitle; }
    /// Shared across tabs by MainWindow; the newest first.
    void setUrlHistory(const QStringList &urls);

    /// The app's fault proxy (not owned; nullptr: none, the fault proxy choice then fails).
    void setFaultProxyController(FaultProxyController *controller);
    /// The editor's proxy choice; a change applies at the next connect.
    ProxySetting proxySetting() const;
    void setProxySetting(const ProxySetting &setting);
    /// Whether the current run goes through the app's fault proxy.
    bool isRoutedThroughFaultProxy() const { return m_routedThroughFaultProxy; }

    /// Request (url, method, headers, body, policy and options, idle timeout, ignore TLS), filter,
    /// splitter sizes, column widths and hidden columns. Secret header values are left out unless
    /// the user ticked "save" for that header. Version 2: the request as StreamRequestJson, the
    /// editor's extras beside it.
    QVariantMap saveState() const;
    /// Restores saveState(), and version 1 sessions too. A secret header whose value was not
    /// saved says so in its row, and the next Connect warns instead of sending it empty.
    void restoreState(const QVariantMap &state);

    bool isViewPaused() const;
    void retranslateUi();

    /// Warnings and problems among the findings in the table: what Next Problem visits.
    int problemCount() const { return int(m_problemRows.size()); }
    /// Selects the next (or, backwards, the previous) finding row that is a warning or a
    /// problem, after the current row and wrapping around; false when none can be shown.
    bool selectNextProblem(bool forward = true);
    /// Selects and shows the row with this number (the table's # column); false when it is
    /// gone (cleared, dropped) or hidden by the filter.
    bool selectRowNumber(qint64 number);
    /// The table rows a finding's evidence names, by number (its records, as far as the table
    /// holds the same story).
    QList<qint64> evidenceRows(const Finding &finding);

    /// How many other streams the window has open to this stream's origin over HTTP/1.1, for
    /// the findings engine (browsers open at most 6 connections to one origin).
    void setOtherOpenStreams(int count);
    /// "scheme://host:port" of the open connection when it runs over HTTP/1.1; empty when the
    /// stream is not open or uses HTTP/2.
    QString http1Origin() const;

    /// Shows a recording's records (Session record left out) as the live tab showed them. The
    /// findings a file carries are shown as they are; with computeFindings the tab's engine
    /// is run over the records instead, with the clock the records give (a tick a second, as
    /// live), and its findings go in where a live tab would have put them. Returns how many
    /// findings that found.
    int loadRecords(const QList<StreamRecord> &records, bool computeFindings);

public slots:
    /// Applies request() to the reader and opens it; shows an inline error for a bad URL.
    void connectStream();
    void disconnectStream();
    void clearEvents();
    void setViewPaused(bool paused);
    void focusFilter();
    /// Puts the cursor in the URL field (a new tab), keeping what is there.
    void focusUrl();
    /// Writes what is buffered and closes the recording file.
    void stopRecording();
    /// Stops recording, or asks for a file and starts.
    void toggleRecording();

signals:
    void titleChanged(const QString &title);
    /// After a successful connect (the stream opened), for the URL history.
    void urlUsed(const QString &url);
    /// At most a few times per second.
    void statisticsChanged();
    /// Recording started or stopped (by the user, by closing, or after a write error).
    void recordingChanged(bool recording);
    /// problemCount() changed.
    void problemsChanged(int count);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void wireReader();
    void handleEvent(const SseEvent &event);
    void handleRecord(const StreamRecord &record);
    /// One record of the story, through the engine, to the model and the recorder.
    void feedRecord(const StreamRecord &record);
    void addToStory(const StreamRecord &record);
    void collectFindings();
    void addFinding(const StreamRecord &finding);
    void tickEngine(const QDateTime &now);
    /// The table's row number of the story's record at an engine position (1-based).
    qint64 rowNumberAt(qint64 position) const;
    void updateTitle();
    void updateButtons();
    void handleCurrentRowChanged();
    /// What the detail pane shows beside a life-cycle row: the exchange it belongs to, or the
    /// rows a finding's evidence names.
    DetailPane::Context recordContext(int row, const StreamRecord &record);
    void noteStatisticsChanged();
    void updateRecordingIndicator();
    void handleRecordingError(const QString &message);
    /// Gives the reader the proxy factory for proxySetting(); false + why (translated).
    bool applyProxySetting(QString *error);
    void setViaFaultProxy(bool on);
    void updateFaultProxyState();
    void applyServerFault(ProxyFault fault);

    SseReader *m_reader = nullptr;
    MessageModel *m_model = nullptr;
    MessageFilterProxyModel *m_proxy = nullptr;

    RequestBar *m_requestBar = nullptr;
    RequestEditor *m_requestEditor = nullptr;
    FilterBar *m_filterBar = nullptr;
    MessageView *m_view = nullptr;
    DetailPane *m_detailPane = nullptr;
    QScrollArea *m_panelScroll = nullptr; ///< Holds the connection panel.
    ConnectionPanel *m_connectionPanel = nullptr;
    RateChart *m_rateChart = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_leftSplitter = nullptr;
    QTimer *m_statisticsTimer = nullptr;
    StreamRecorder *m_recorder = nullptr;
    QWidget *m_recordingInfo = nullptr; ///< A recording's facts, in place of the live panel.
    std::unique_ptr<FindingsEngine> m_engine;
    QTimer *m_tickTimer = nullptr; ///< 1 s while the stream runs: silences show only with time.
    /// Story records (events and records; findings and Session records not counted) that went
    /// into the table: the engine's position() whenever the engine saw them all.
    qint64 m_storyPosition = 0;
    /// For each finding row, in order: the story position it came after. Row numbers follow:
    /// story record p is row p plus the findings before it.
    QList<qint64> m_findingPositions;
    QList<qint64> m_problemRows; ///< Numbers of warning and problem rows in the table, in order.
    bool m_http1 = true; ///< The last Open record's protocol.
    QString m_recordingError; ///< Why the last recording stopped on its own; empty = it did not.

    QPointer<FaultProxyController> m_faultProxy;
    bool m_routedThroughFaultProxy = false;
    /// The choice to go back to when "Via fault proxy" is switched off.
    ProxySetting::Mode m_modeBeforeFaultProxy = ProxySetting::Mode::System;

    QString m_title;
    QString m_customTitle; ///< Set by Rename Tab; empty = named after the URL.
    QString m_openedUrl; ///< URL of the current run, reported once via urlUsed().
    bool m_urlReported = false;
};
