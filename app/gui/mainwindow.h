// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include "demoserver.h"
#include "eventexporter.h"
#include "ssereader.h"

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QTabWidget;
class QTimer;
class QToolButton;
class DemoController;
class FaultProxyController;
class StreamTab;

/// The application window: one StreamTab per stream, menus, the built-in demo server, export
/// and recordings, the session (tabs, URL history, geometry) and a status bar for the current
/// tab. It only wires things together; tabs do the work.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    struct Options
    {
        bool restoreSession = true; ///< Load the last session from QSettings.
        bool startDemoOnFirstLaunch = true; ///< No session and no urls: open the demo stream.
        QStringList urls; ///< Opened in new first tabs and connected.
    };

    explicit MainWindow(QWidget *parent = nullptr);
    explicit MainWindow(const Options &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    QTabWidget *tabWidget() const { return m_tabs; }
    int tabCount() const;
    StreamTab *tabAt(int index) const;
    StreamTab *currentTab() const;
    DemoServer *demoServer() const;
    /// The app's fault proxy: Tools → Fault Proxy…, and what "Via fault proxy" tabs go through.
    FaultProxyController *faultProxy() const { return m_faultProxy; }
    QStringList urlHistory() const { return m_urlHistory; }

    /// Appends a tab (at `index`, or at the end when -1), makes it current and, when
    /// `connectNow`, connects it.
    StreamTab *newTab(const QUrl &url = {}, bool connectNow = false, int index = -1);
    /// Writes the current tab's rows; false + errorString on failure. No dialog.
    bool exportCurrentTab(const QString &path, EventExporter::Format format,
                          QString *errorString = nullptr);
    /// Loads an NDJSON recording into a new tab; nullptr + errorString on failure. No dialog.
    StreamTab *loadRecording(const QString &path, QString *errorString = nullptr);
    /// The demo server's /stream URL with a query; empty when the server is not running.
    QUrl demoStreamUrl(const QString &query = {}) const;
    /// Whether url points at the running demo server's /stream.
    bool isDemoUrl(const QUrl &url) const;

    void saveSession() const;
    /// "ssescope-YYYYMMDD-HHmmss.<suffix>" for now.
    static QString defaultExportFileName(EventExporter::Format format);

public slots:
    bool startDemoServer();
    void stopDemoServer();
    void configureDemoServer();
    void openDemoTab();
    void copyDemoUrl();
    void showFaultProxy();
    /// Opens the demo page in the default browser through the fault proxy's demo relay; false
    /// (with a message box) when the demo server or the relay cannot start.
    bool openDemoPageThroughFaultProxy();
    void closeTab(int index);
    /// Asks for a name for tab (Rename Tab…); an empty name goes back to its URL.
    void renameTab(StreamTab *tab);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    /// Cuts every connection from the tab (and its reader and view) to this window.
    void detachTab(StreamTab *tab);
    enum class StreamAction { Connect, Disconnect, SimulateDrop, ReconnectNow, Clear };

    void createActions();
    void createMenus();
    void createStatusBar();
    void createLanguageMenu();
    void updateLanguageActions();
    void retranslateUi();
    void restoreSession();
    /// startDemoServer(), with a message box saying why when it fails.
    bool startDemoServerOrWarn();
    void wireTab(StreamTab *tab);
    void updateTabDecoration(StreamTab *tab);
    /// Tells every tab how many others are open to its origin over HTTP/1.1.
    void updateOriginStreams();
    void handleCurrentTabChanged();
    void handleUrlUsed(const QString &url);
    void updateActions();
    void updateStatusBar();
    void triggerStreamAction(StreamAction action);
    void exportWithDialog(EventExporter::Format format);
    void openRecordingWithDialog();
    void showAbout();

    Options m_options;
    QTabWidget *m_tabs = nullptr;
    QToolButton *m_newTabButton = nullptr;
    DemoController *m_demo = nullptr;
    FaultProxyController *m_faultProxy = nullptr;
    QStringList m_urlHistory;
    QHash<StreamTab *, QString> m_fixedTitles; ///< Recording tabs: their file name.

    QMenu *m_fileMenu = nullptr;
    QMenu *m_exportMenu = nullptr;
    QMenu *m_streamMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_toolsMenu = nullptr;
    QMenu *m_demoMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QMenu *m_languageMenu = nullptr;

    QAction *m_newTabAction = nullptr;
    QAction *m_renameTabAction = nullptr;
    QAction *m_closeTabAction = nullptr;
    QAction *m_openRecordingAction = nullptr;
    QAction *m_saveRecordingAction = nullptr;
    QAction *m_exportNdjsonAction = nullptr;
    QAction *m_exportCsvAction = nullptr;
    QAction *m_exportJsonAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_simulateDropAction = nullptr;
    QAction *m_reconnectNowAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_clearAction = nullptr;
    QAction *m_recordAction = nullptr;
    QAction *m_hideLifecycleAction = nullptr;
    QAction *m_focusFilterAction = nullptr;
    QAction *m_nextProblemAction = nullptr;
    QAction *m_previousProblemAction = nullptr;
    QAction *m_demoStartAction = nullptr;
    QAction *m_demoStopAction = nullptr;
    QAction *m_demoConfigureAction = nullptr;
    QAction *m_demoOpenTabAction = nullptr;
    QAction *m_demoCopyUrlAction = nullptr;
    QAction *m_demoOpenPageAction = nullptr;
    QAction *m_demoOpenPageProxiedAction = nullptr;
    QAction *m_faultProxyAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QAction *m_languageSystemAction = nullptr;

    QLabel *m_rateLabel = nullptr;
    QLabel *m_retainedLabel = nullptr;
    QLabel *m_droppedLabel = nullptr;
    QLabel *m_demoLabel = nullptr;
    QTimer *m_statusTimer = nullptr;

    // Rate of the current tab, from model totals between two status refreshes.
    struct RateSample
    {
        qint64 elapsedMs = 0;
        qint64 total = 0;
    };
    QPointer<StreamTab> m_rateTab;
    QList<RateSample> m_rateSamples; ///< The last few seconds of (time, reader event count).
    QElapsedTimer m_rateClock;
};
