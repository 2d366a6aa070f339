// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QPointer>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>
#include <QWidget>

#include "eventexporter.h"
#include "proxyfault.h"
#include "proxysetting.h"
#include "ssereader.h"

class QLabel;
class QSplitter;
class QTimer;
class ConnectionPanel;
class DetailPane;
class FaultProxyController;
class FilterBar;
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

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void wireReader();
    void handleRecord(const StreamRecord &record);
    void updateTitle();
    void updateButtons();
    void handleCurrentRowChanged();
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
    ConnectionPanel *m_connectionPanel = nullptr;
    RateChart *m_rateChart = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_leftSplitter = nullptr;
    QTimer *m_statisticsTimer = nullptr;
    StreamRecorder *m_recorder = nullptr;
    QWidget *m_recordingInfo = nullptr; ///< A recording's facts, in place of the live panel.
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
