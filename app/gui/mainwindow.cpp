// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include <algorithm>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QScreen>
#include <QSettings>
#include <QShortcut>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QUrlQuery>

#include "connectionpanel.h"
#include "democontroller.h"
#include "demooptions.h"
#include "faultproxycontroller.h"
#include "languagemanager.h"
#include "messagefilterproxymodel.h"
#include "messagemodel.h"
#include "messageview.h"
#include "sessionstore.h"
#include "streamtab.h"
#include "theme.h"

using namespace Qt::StringLiterals;

// ssescope.qrc is compiled into the static ssescope_gui library: its registration only links
// in when something references it (Q_INIT_RESOURCE must be called outside any namespace).
static void initResources()
{
    Q_INIT_RESOURCE(ssescope);
}

namespace {

constexpr int StatusRefreshMs = 500;
constexpr qint64 RateWindowMs = 5000;
constexpr int MaximumTabTitleWidth = 220; // px; the full title is in the tooltip

QIcon stateDot(SseReader::State state)
{
    // Built per state change (rare), not cached: a static QIcon would outlive QApplication.
    QIcon icon;
    for (int size : { 16, 32 }) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Theme::stateColor(state));
        const qreal diameter = size * 0.5;
        painter.drawEllipse(
                QRectF((size - diameter) / 2, (size - diameter) / 2, diameter, diameter));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QIcon applicationIcon()
{
    QIcon icon;
    for (int size : { 16, 24, 32, 48, 64, 128, 256 })
        icon.addFile(u":/icons/ssescope-%1.png"_s.arg(size), QSize(size, size));
    return icon;
}

QString formatNumber(qint64 value)
{
    return QLocale().toString(value);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : MainWindow(Options(), parent)
{}

MainWindow::MainWindow(const Options &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_demo(new DemoController(this))
    , m_faultProxy(new FaultProxyController(this))
{
    initResources();
    setObjectName(u"mainWindow"_s);
    setWindowIcon(applicationIcon());
    setMinimumSize(720, 480);
    // The first window fits the screen it opens on, a 1366×768 laptop's included (room left
    // for the frame and a panel); a saved session's geometry replaces it.
    QSize size(1280, 800);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size() - QSize(16, 48));
    resize(size.expandedTo(minimumSize()));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"streamTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setUsesScrollButtons(true);
    m_tabs->tabBar()->setElideMode(Qt::ElideRight);
    setCentralWidget(m_tabs);

    m_newTabButton = new QToolButton(m_tabs);
    m_newTabButton->setObjectName(u"newTabButton"_s);
    m_newTabButton->setAutoRaise(true);
    m_newTabButton->setText(u"+"_s);
    m_tabs->setCornerWidget(m_newTabButton, Qt::TopRightCorner);

    createActions();
    createMenus();
    createStatusBar();

    connect(m_newTabButton, &QToolButton::clicked, m_newTabAction, &QAction::trigger);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    m_tabs->tabBar()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tabs->tabBar(), &QWidget::customContextMenuRequested, this,
            [this](const QPoint &position) {
                StreamTab *tab = tabAt(m_tabs->tabBar()->tabAt(position));
                if (!tab)
                    return;
                QMenu menu(this);
                menu.addAction(m_renameTabAction->text(), this, [this, tab] { renameTab(tab); });
                menu.addAction(m_closeTabAction->text(), this,
                               [this, tab] { closeTab(m_tabs->indexOf(tab)); });
                menu.exec(m_tabs->tabBar()->mapToGlobal(position));
            });
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::handleCurrentTabChanged);

    connect(m_demo, &DemoController::runningChanged, this, [this] {
        m_faultProxy->followDemoServer();
        updateActions();
        updateStatusBar();
    });
    m_faultProxy->setDemoServer(m_demo->server());
    connect(m_faultProxy, &FaultProxyController::startFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("The fault proxy could not start: %1").arg(message), 10000);
    });
    connect(m_demo, &DemoController::startFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("The demo server could not start: %1").arg(message), 10000);
    });

    const std::optional<QString> corrupt = SessionStore::setAsideIfCorrupt();
    if (corrupt) {
        statusBar()->showMessage(tr("The saved settings could not be read, so SSE Scope started "
                                    "with defaults. The damaged file was kept as %1.")
                                         .arg(QDir::toNativeSeparators(*corrupt)),
                                 20000);
    }
    m_demo->loadOptions();
    m_faultProxy->loadSettings();
    const bool hasSession = m_options.restoreSession && !corrupt && SessionStore::hasSession();
    if (hasSession) {
        restoreSession();
    } else if (m_options.startDemoOnFirstLaunch && m_options.urls.isEmpty()) {
        // First launch: show something alive at once, the classic one timestamp per second.
        if (startDemoServer())
            openDemoTab();
    }
    for (qsizetype i = m_options.urls.size() - 1; i >= 0; --i)
        newTab(QUrl::fromUserInput(m_options.urls.at(i)), true, 0);
    if (!m_options.urls.isEmpty())
        m_tabs->setCurrentIndex(0);
    if (tabCount() == 0)
        newTab();

    m_statusTimer = new QTimer(this);
    m_statusTimer->setInterval(StatusRefreshMs);
    connect(m_statusTimer, &QTimer::timeout, this, &MainWindow::updateStatusBar);
    m_statusTimer->start();

    retranslateUi();
    handleCurrentTabChanged();
}

MainWindow::~MainWindow()
{
    // Tabs still emit while they die (their readers close). Let them go now, while the members
    // their handlers touch are alive, instead of in ~QWidget after those are gone.
    disconnect(m_tabs, nullptr, this, nullptr);
    while (m_tabs->count() > 0) {
        StreamTab *tab = tabAt(0);
        m_tabs->removeTab(0);
        if (!tab)
            continue;
        detachTab(tab);
        delete tab;
    }
}

void MainWindow::detachTab(StreamTab *tab)
{
    tab->disconnect(this);
    tab->reader()->disconnect(this);
    tab->messageView()->disconnect(this);
}

int MainWindow::tabCount() const
{
    return m_tabs->count();
}

StreamTab *MainWindow::tabAt(int index) const
{
    return qobject_cast<StreamTab *>(m_tabs->widget(index));
}

StreamTab *MainWindow::currentTab() const
{
    return qobject_cast<StreamTab *>(m_tabs->currentWidget());
}

void MainWindow::createActions()
{
    auto make = [this](const char *objectName, const QKeySequence &shortcut = {}) {
        auto *action = new QAction(this);
        action->setObjectName(QString::fromLatin1(objectName));
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        return action;
    };

    m_newTabAction = make("actionNewTab", QKeySequence::AddTab);
    connect(m_newTabAction, &QAction::triggered, this, [this] {
        // Ready for typing at once: the cursor goes to the URL field.
        newTab()->focusUrl();
    });
    m_renameTabAction = make("actionRenameTab", QKeySequence(Qt::Key_F2));
    connect(m_renameTabAction, &QAction::triggered, this, [this] {
        if (StreamTab *tab = currentTab())
            renameTab(tab);
    });
    m_closeTabAction = make("actionCloseTab", QKeySequence(Qt::CTRL | Qt::Key_W));
    connect(m_closeTabAction, &QAction::triggered, this, [this] {
        if (m_tabs->currentIndex() >= 0)
            closeTab(m_tabs->currentIndex());
    });
    m_openRecordingAction = make("actionOpenRecording", QKeySequence::Open);
    connect(m_openRecordingAction, &QAction::triggered, this, &MainWindow::openRecordingWithDialog);
    m_saveRecordingAction = make("actionSaveRecording", QKeySequence::Save);
    connect(m_saveRecordingAction, &QAction::triggered, this,
            [this] { exportWithDialog(EventExporter::Format::Ndjson); });
    m_exportNdjsonAction = make("actionExportNdjson");
    connect(m_exportNdjsonAction, &QAction::triggered, this,
            [this] { exportWithDialog(EventExporter::Format::Ndjson); });
    m_exportCsvAction = make("actionExportCsv");
    connect(m_exportCsvAction, &QAction::triggered, this,
            [this] { exportWithDialog(EventExporter::Format::Csv); });
    m_exportJsonAction = make("actionExportJson");
    connect(m_exportJsonAction, &QAction::triggered, this,
            [this] { exportWithDialog(EventExporter::Format::Json); });
    m_quitAction = make("actionQuit", QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_connectAction = make("actionConnect", QKeySequence(Qt::CTRL | Qt::Key_Return));
    connect(m_connectAction, &QAction::triggered, this,
            [this] { triggerStreamAction(StreamAction::Connect); });
    m_disconnectAction =
            make("actionDisconnect", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    connect(m_disconnectAction, &QAction::triggered, this,
            [this] { triggerStreamAction(StreamAction::Disconnect); });
    m_simulateDropAction = make("actionSimulateDrop", QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_simulateDropAction, &QAction::triggered, this,
            [this] { triggerStreamAction(StreamAction::SimulateDrop); });
    m_reconnectNowAction = make("actionReconnectNow", QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_reconnectNowAction, &QAction::triggered, this,
            [this] { triggerStreamAction(StreamAction::ReconnectNow); });
    m_pauseAction = make("actionPauseView");
    m_pauseAction->setCheckable(true);
    // Plain Space belongs to buttons and text fields, so the window-wide shortcut is
    // Ctrl+Shift+Space (Ctrl+Space toggles the input method for many zh_CN users); each table
    // also takes plain Space while it has focus (see wireTab()).
    m_pauseAction->setShortcuts(
            { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Space), QKeySequence(Qt::Key_Pause) });
    connect(m_pauseAction, &QAction::toggled, this, [this](bool paused) {
        if (StreamTab *tab = currentTab(); tab && tab->isViewPaused() != paused)
            tab->setViewPaused(paused);
    });
    m_clearAction = make("actionClear", QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_clearAction, &QAction::triggered, this,
            [this] { triggerStreamAction(StreamAction::Clear); });
    m_recordAction = make("actionRecordToFile");
    m_recordAction->setCheckable(true);
    connect(m_recordAction, &QAction::triggered, this, [this] {
        if (StreamTab *tab = currentTab())
            tab->toggleRecording();
        updateActions();
    });

    m_hideLifecycleAction = make("actionHideLifecycle");
    m_hideLifecycleAction->setCheckable(true);
    connect(m_hideLifecycleAction, &QAction::toggled, this, [this](bool hide) {
        if (StreamTab *tab = currentTab(); tab && tab->proxy()->hideLifecycle() != hide)
            tab->proxy()->setHideLifecycle(hide);
    });
    m_focusFilterAction = make("actionFocusFilter", QKeySequence::Find);
    connect(m_focusFilterAction, &QAction::triggered, this, [this] {
        if (StreamTab *tab = currentTab())
            tab->focusFilter();
    });

    m_nextProblemAction = make("actionNextProblem", QKeySequence(Qt::Key_F8));
    connect(m_nextProblemAction, &QAction::triggered, this, [this] {
        if (StreamTab *tab = currentTab())
            tab->selectNextProblem(true);
    });
    m_previousProblemAction = make("actionPreviousProblem", QKeySequence(Qt::SHIFT | Qt::Key_F8));
    connect(m_previousProblemAction, &QAction::triggered, this, [this] {
        if (StreamTab *tab = currentTab())
            tab->selectNextProblem(false);
    });

    m_demoStartAction = make("actionDemoStart");
    connect(m_demoStartAction, &QAction::triggered, this, &MainWindow::startDemoServerOrWarn);
    m_demoStopAction = make("actionDemoStop");
    connect(m_demoStopAction, &QAction::triggered, this, &MainWindow::stopDemoServer);
    m_demoConfigureAction = make("actionDemoConfigure");
    connect(m_demoConfigureAction, &QAction::triggered, this, &MainWindow::configureDemoServer);
    m_demoOpenTabAction = make("actionDemoOpenTab");
    connect(m_demoOpenTabAction, &QAction::triggered, this, &MainWindow::openDemoTab);
    m_demoCopyUrlAction = make("actionDemoCopyUrl");
    connect(m_demoCopyUrlAction, &QAction::triggered, this, &MainWindow::copyDemoUrl);
    m_demoOpenPageAction = make("actionDemoOpenPage");
    connect(m_demoOpenPageAction, &QAction::triggered, this, [this] {
        if (m_demo->isRunning())
            QDesktopServices::openUrl(m_demo->server()->baseUrl());
    });
    m_demoOpenPageProxiedAction = make("actionDemoOpenPageThroughFaultProxy");
    connect(m_demoOpenPageProxiedAction, &QAction::triggered, this,
            &MainWindow::openDemoPageThroughFaultProxy);
    m_faultProxyAction = make("actionFaultProxy");
    connect(m_faultProxyAction, &QAction::triggered, this, &MainWindow::showFaultProxy);

    m_aboutAction = make("actionAbout");
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQtAction = make("actionAboutQt");
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_newTabAction);
    m_fileMenu->addAction(m_renameTabAction);
    m_fileMenu->addAction(m_closeTabAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_openRecordingAction);
    m_fileMenu->addAction(m_saveRecordingAction);
    m_exportMenu = m_fileMenu->addMenu(QString());
    m_exportMenu->addAction(m_exportNdjsonAction);
    m_exportMenu->addAction(m_exportCsvAction);
    m_exportMenu->addAction(m_exportJsonAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_streamMenu = menuBar()->addMenu(QString());
    m_streamMenu->addAction(m_connectAction);
    m_streamMenu->addAction(m_disconnectAction);
    m_streamMenu->addSeparator();
    m_streamMenu->addAction(m_simulateDropAction);
    m_streamMenu->addAction(m_reconnectNowAction);
    m_streamMenu->addSeparator();
    m_streamMenu->addAction(m_pauseAction);
    m_streamMenu->addAction(m_clearAction);
    m_streamMenu->addSeparator();
    m_streamMenu->addAction(m_recordAction);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_hideLifecycleAction);
    m_viewMenu->addAction(m_focusFilterAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_nextProblemAction);
    m_viewMenu->addAction(m_previousProblemAction);
    m_viewMenu->addSeparator();
    createLanguageMenu();

    m_toolsMenu = menuBar()->addMenu(QString());
    m_demoMenu = m_toolsMenu->addMenu(QString());
    m_demoMenu->addAction(m_demoStartAction);
    m_demoMenu->addAction(m_demoStopAction);
    m_demoMenu->addAction(m_demoConfigureAction);
    m_toolsMenu->addSeparator();
    m_toolsMenu->addAction(m_demoOpenTabAction);
    m_toolsMenu->addAction(m_demoCopyUrlAction);
    m_toolsMenu->addAction(m_demoOpenPageAction);
    m_toolsMenu->addAction(m_demoOpenPageProxiedAction);
    m_toolsMenu->addSeparator();
    m_toolsMenu->addAction(m_faultProxyAction);
    // Stream and demo actions depend on live state: refresh right before a menu shows.
    connect(m_streamMenu, &QMenu::aboutToShow, this, &MainWindow::updateActions);
    connect(m_toolsMenu, &QMenu::aboutToShow, this, &MainWindow::updateActions);

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_aboutAction);
    m_helpMenu->addAction(m_aboutQtAction);
}

void MainWindow::createLanguageMenu()
{
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->setObjectName(u"languageMenu"_s);
    m_languageGroup = new QActionGroup(this);
    m_languageGroup->setExclusive(true);
    auto add = [this](const QString &code) {
        auto *action = m_languageMenu->addAction(LanguageManager::nativeName(code));
        action->setObjectName(code.isEmpty() ? u"actionLanguageSystem"_s
                                             : u"actionLanguage_"_s + code);
        action->setData(code);
        action->setCheckable(true);
        m_languageGroup->addAction(action);
        return action;
    };
    m_languageSystemAction = add(QString());
    m_languageMenu->addSeparator();
    for (const QString &code : LanguageManager::availableLanguages())
        add(code);
    connect(m_languageGroup, &QActionGroup::triggered, this, [](QAction *action) {
        LanguageManager::instance()->setLanguage(action->data().toString());
    });
    // The switch itself arrives as QEvent::LanguageChange; this only keeps the ticks right.
    connect(LanguageManager::instance(), &LanguageManager::languageChanged, this,
            &MainWindow::updateLanguageActions);
    updateLanguageActions();
}

void MainWindow::updateLanguageActions()
{
    const QString language = LanguageManager::instance()->language();
    for (QAction *action : m_languageGroup->actions())
        action->setChecked(action->data().toString() == language);
}

void MainWindow::createStatusBar()
{
    auto makeLabel = [this](const char *objectName) {
        auto *label = new QLabel(this);
        label->setObjectName(QString::fromLatin1(objectName));
        label->setTextFormat(Qt::PlainText);
        label->setContentsMargins(8, 0, 8, 0);
        statusBar()->addPermanentWidget(label);
        return label;
    };
    m_droppedLabel = makeLabel("droppedLabel");
    QPalette warning = m_droppedLabel->palette();
    warning.setColor(QPalette::WindowText, Theme::stateColor(SseReader::State::Connecting));
    m_droppedLabel->setPalette(warning);
    m_rateLabel = makeLabel("rateLabel");
    m_retainedLabel = makeLabel("retainedLabel");
    m_demoLabel = makeLabel("demoLabel");
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("SSE Scope"));
    m_fileMenu->setTitle(tr("&File"));
    m_exportMenu->setTitle(tr("&Export"));
    m_streamMenu->setTitle(tr("&Stream"));
    m_viewMenu->setTitle(tr("&View"));
    //: Menu of UI languages; the language names themselves are never translated
    m_languageMenu->setTitle(tr("Lan&guage"));
    //: Language menu entry: follow the operating system's language
    m_languageSystemAction->setText(tr("&System"));
    m_toolsMenu->setTitle(tr("&Tools"));
    m_demoMenu->setTitle(tr("&Demo Server"));
    m_helpMenu->setTitle(tr("&Help"));

    m_newTabAction->setText(tr("&New Tab"));
    m_renameTabAction->setText(tr("Re&name Tab…"));
    m_closeTabAction->setText(tr("&Close Tab"));
    m_openRecordingAction->setText(tr("&Open Recording…"));
    m_saveRecordingAction->setText(tr("&Save Recording…"));
    //: Export format menu entry; NDJSON = newline-delimited JSON, one record per line
    m_exportNdjsonAction->setText(tr("&NDJSON…"));
    m_exportCsvAction->setText(tr("&CSV…"));
    m_exportJsonAction->setText(tr("&JSON…"));
    m_quitAction->setText(tr("&Quit"));

    m_connectAction->setText(tr("&Connect"));
    m_disconnectAction->setText(tr("&Disconnect"));
    m_simulateDropAction->setText(tr("Simulate Network &Drop"));
    m_simulateDropAction->setStatusTip(
            tr("Cut the connection now, as a network failure, and watch the reconnect"));
    m_reconnectNowAction->setText(tr("&Reconnect Now"));
    m_reconnectNowAction->setStatusTip(tr("Skip the reconnect countdown"));
    //: Stops the table from scrolling; events keep being received
    m_pauseAction->setText(tr("&Pause View"));
    m_clearAction->setText(tr("C&lear Events"));
    m_recordAction->setText(tr("&Record to File…"));
    m_recordAction->setStatusTip(
            tr("Write this tab's stream to an NDJSON file continuously, as it arrives"));
    m_hideLifecycleAction->setText(tr("Hide &Lifecycle Rows"));
    m_hideLifecycleAction->setStatusTip(
            tr("Show only events, without connecting/open/error/reconnect rows"));
    m_focusFilterAction->setText(tr("&Filter Events…"));
    m_nextProblemAction->setText(tr("&Next Problem"));
    m_nextProblemAction->setStatusTip(
            tr("Select the next finding that is a warning or a problem in the current tab"));
    m_previousProblemAction->setText(tr("P&revious Problem"));
    m_previousProblemAction->setStatusTip(
            tr("Select the previous finding that is a warning or a problem in the current tab"));

    m_demoStartAction->setText(tr("&Start"));
    m_demoStopAction->setText(tr("S&top"));
    m_demoConfigureAction->setText(tr("&Configure…"));
    m_demoOpenTabAction->setText(tr("&Open Demo Stream in New Tab"));
    m_demoCopyUrlAction->setText(tr("Copy Demo &URL"));
    m_demoOpenPageAction->setText(tr("Open Demo Page in &Browser"));
    m_demoOpenPageAction->setStatusTip(
            tr("Compare with a real browser's EventSource on the same stream"));
    m_demoOpenPageProxiedAction->setText(tr("Open Demo Page &Through Fault Proxy"));
    m_demoOpenPageProxiedAction->setStatusTip(
            tr("The demo page in your browser, its stream through the fault proxy's relay: "
               "faults applied there reach the browser and the server alike"));
    m_faultProxyAction->setText(tr("&Fault Proxy…"));
    m_faultProxyAction->setStatusTip(tr("Break real connections between any server and any "
                                        "client: connections, faults, the proxy's address"));

    m_aboutAction->setText(tr("&About SSE Scope"));
    m_aboutQtAction->setText(tr("About &Qt"));

    m_newTabButton->setToolTip(
            tr("New tab (%1)").arg(m_newTabAction->shortcut().toString(QKeySequence::NativeText)));
    m_rateLabel->setToolTip(tr("Events received per second by the current tab"));
    m_demoLabel->setToolTip(QString());

    for (int i = 0; i < tabCount(); ++i)
        updateTabDecoration(tabAt(i));
    updateStatusBar();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSession();
    // Quitting ends every recording with all it received on disk.
    for (int i = 0; i < tabCount(); ++i)
        tabAt(i)->stopRecording();
    m_demo->closeDialog();
    m_faultProxy->closeWindow();
    QMainWindow::closeEvent(event);
}

StreamTab *MainWindow::newTab(const QUrl &url, bool connectNow, int index)
{
    auto *tab = new StreamTab(m_tabs);
    tab->setFaultProxyController(m_faultProxy);
    tab->setUrlHistory(m_urlHistory);
    if (!url.isEmpty())
        tab->setUrl(url);
    wireTab(tab);
    index = m_tabs->insertTab(index < 0 ? m_tabs->count() : index, tab, QString());
    updateTabDecoration(tab);
    m_tabs->setCurrentIndex(index);
    if (connectNow)
        tab->connectStream();
    return tab;
}

void MainWindow::wireTab(StreamTab *tab)
{
    connect(tab, &StreamTab::titleChanged, this, [this, tab] { updateTabDecoration(tab); });
    connect(tab, &StreamTab::urlUsed, this, [this, tab](const QString &url) {
        m_fixedTitles.remove(tab);
        updateTabDecoration(tab);
        handleUrlUsed(url);
    });
    SseReader *reader = tab->reader();
    connect(reader, &SseReader::stateChanged, this, [this, tab] {
        updateTabDecoration(tab);
        // Before the Open record reaches the tab's engine (the state changes first).
        updateOriginStreams();
        if (tab == currentTab())
            updateActions();
    });
    connect(reader, &SseReader::recordReceived, this, [this, tab](const StreamRecord &record) {
        // "Reconnect now" becomes possible while a reconnect is pending.
        if (record.kind == StreamRecord::Kind::Reconnecting && tab == currentTab())
            updateActions();
        else if (record.kind == StreamRecord::Kind::Open) // now its protocol is known
            updateOriginStreams();
    });
    connect(tab, &StreamTab::problemsChanged, this, [this, tab] {
        if (tab == currentTab())
            updateActions();
    });
    MessageView *view = tab->messageView();
    connect(tab, &StreamTab::recordingChanged, this, [this, tab] {
        if (tab == currentTab())
            updateActions();
    });
    connect(view, &MessageView::pausedChanged, this, [this, tab](bool paused) {
        if (tab == currentTab())
            m_pauseAction->setChecked(paused);
    });
    auto *spaceToPause = new QShortcut(QKeySequence(Qt::Key_Space), view);
    spaceToPause->setContext(Qt::WidgetShortcut);
    connect(spaceToPause, &QShortcut::activated, m_pauseAction, &QAction::toggle);
}

void MainWindow::updateTabDecoration(StreamTab *tab)
{
    const int index = m_tabs->indexOf(tab);
    if (index < 0)
        return;
    // Formatted here, not stored, so that a language switch retitles recording tabs too.
    const auto fixed = m_fixedTitles.constFind(tab);
    const QString title =
            fixed != m_fixedTitles.cend() ? tr("Recording: %1").arg(*fixed) : tab->title();
    const QString elided = m_tabs->tabBar()->fontMetrics().elidedText(title, Qt::ElideMiddle,
                                                                      MaximumTabTitleWidth);
    // Tab text is shown with mnemonics: a literal & in a URL must not become an underline.
    m_tabs->setTabText(index, QString(elided).replace(u'&', u"&&"_s));
    m_tabs->setTabIcon(index, stateDot(tab->reader()->state()));
    // The whole story in the tooltip: the name in full and the URL (or the file) behind it.
    QString toolTip = title;
    const QString url = tab->url().toString(QUrl::RemovePassword);
    if (fixed == m_fixedTitles.cend() && !url.isEmpty() && url != title)
        toolTip += u'\n' + url;
    m_tabs->setTabToolTip(index, Theme::plainToolTip(toolTip));
}

void MainWindow::renameTab(StreamTab *tab)
{
    bool ok = false;
    const QString name =
            QInputDialog::getText(this, tr("Rename Tab"), tr("Name (empty: named after its URL):"),
                                  QLineEdit::Normal, tab->customTitle(), &ok);
    if (ok)
        tab->setCustomTitle(name);
}

void MainWindow::updateOriginStreams()
{
    // Browsers open at most 6 HTTP/1.1 connections to one origin, and every open stream holds
    // one; the engine in each tab says so when this window holds more.
    QHash<QString, int> open;
    for (int i = 0; i < tabCount(); ++i) {
        if (const QString origin = tabAt(i)->http1Origin(); !origin.isEmpty())
            ++open[origin];
    }
    for (int i = 0; i < tabCount(); ++i) {
        StreamTab *tab = tabAt(i);
        const QString origin = tab->http1Origin();
        tab->setOtherOpenStreams(origin.isEmpty() ? 0 : open.value(origin) - 1);
    }
}

void MainWindow::closeTab(int index)
{
    StreamTab *tab = tabAt(index);
    if (!tab)
        return;
    m_fixedTitles.remove(tab);
    m_tabs->removeTab(index);
    tab->disconnectStream();
    // Its handlers must not run from a later ~QWidget (the window may close before
    // deleteLater() comes round), when half of this window is gone: UBSan caught that.
    detachTab(tab);
    tab->deleteLater();
    updateOriginStreams();
    // An empty window is a dead end; a fresh tab is what the user wants next.
    if (tabCount() == 0)
        newTab();
}

void MainWindow::handleCurrentTabChanged()
{
    StreamTab *tab = currentTab();
    {
        const QSignalBlocker pauseBlocker(m_pauseAction);
        m_pauseAction->setChecked(tab && tab->isViewPaused());
        const QSignalBlocker lifecycleBlocker(m_hideLifecycleAction);
        m_hideLifecycleAction->setChecked(tab && tab->proxy()->hideLifecycle());
    }
    // Start the rate anew: the previous tab's counter says nothing about this one.
    m_rateTab = tab;
    m_rateSamples.clear();
    m_rateClock.start();
    updateActions();
    updateStatusBar();
}

void MainWindow::handleUrlUsed(const QString &url)
{
    // The demo's port changes between launches, so its URLs would only pollute the history;
    // Tools → Demo Server opens it anyway.
    if (url.isEmpty() || isDemoUrl(QUrl(url)))
        return;
    m_urlHistory.removeAll(url);
    m_urlHistory.prepend(url);
    while (m_urlHistory.size() > SessionStore::MaximumUrlHistory)
        m_urlHistory.removeLast();
    for (int i = 0; i < tabCount(); ++i)
        tabAt(i)->setUrlHistory(m_urlHistory);
}

void MainWindow::updateActions()
{
    StreamTab *tab = currentTab();
    const bool hasTab = tab != nullptr;
    const SseReader::State state = hasTab ? tab->reader()->state() : SseReader::State::Closed;
    const bool active = state != SseReader::State::Closed;
    m_closeTabAction->setEnabled(hasTab);
    m_saveRecordingAction->setEnabled(hasTab);
    m_exportMenu->menuAction()->setEnabled(hasTab);
    m_connectAction->setEnabled(hasTab);
    m_disconnectAction->setEnabled(active);
    m_simulateDropAction->setEnabled(active);
    m_reconnectNowAction->setEnabled(hasTab && tab->reader()->isReconnectPending());
    m_pauseAction->setEnabled(hasTab);
    m_clearAction->setEnabled(hasTab);
    m_recordAction->setEnabled(hasTab);
    m_recordAction->setChecked(hasTab && tab->isRecording());
    m_hideLifecycleAction->setEnabled(hasTab);
    m_focusFilterAction->setEnabled(hasTab);
    m_nextProblemAction->setEnabled(hasTab && tab->problemCount() > 0);
    m_previousProblemAction->setEnabled(hasTab && tab->problemCount() > 0);
    if (hasTab && m_hideLifecycleAction->isChecked() != tab->proxy()->hideLifecycle()) {
        const QSignalBlocker blocker(m_hideLifecycleAction);
        m_hideLifecycleAction->setChecked(tab->proxy()->hideLifecycle());
    }

    const bool demoRunning = m_demo->isRunning();
    m_demoStartAction->setEnabled(!demoRunning);
    m_demoStopAction->setEnabled(demoRunning);
    m_demoOpenTabAction->setEnabled(true); // starts the server when needed
    m_demoCopyUrlAction->setEnabled(demoRunning);
    m_demoOpenPageAction->setEnabled(demoRunning);
    m_demoOpenPageProxiedAction->setEnabled(true); // starts the demo server when needed
}

void MainWindow::triggerStreamAction(StreamAction action)
{
    StreamTab *tab = currentTab();
    if (!tab)
        return;
    switch (action) {
    case StreamAction::Connect:
        tab->connectStream();
        break;
    case StreamAction::Disconnect:
        tab->disconnectStream();
        break;
    case StreamAction::SimulateDrop:
        tab->reader()->simulateNetworkDrop();
        break;
    case StreamAction::ReconnectNow:
        tab->reader()->reconnectNow();
        break;
    case StreamAction::Clear:
        tab->clearEvents();
        break;
    }
    updateActions();
}

void MainWindow::updateStatusBar()
{
    StreamTab *tab = currentTab();
    double rate = 0;
    if (tab && tab == m_rateTab) {
        const qint64 total = qint64(tab->reader()->eventCount());
        // The reader's counter restarts with every open(): a smaller total is a new run.
        if (!m_rateSamples.isEmpty() && total < m_rateSamples.constLast().total)
            m_rateSamples.clear();
        const qint64 now = m_rateClock.elapsed();
        m_rateSamples.append({ now, total });
        // Over a window of whole seconds, a 1 event/s stream reads 1.0, not a flicker between
        // 0 and 2 as two 500 ms refreshes would show.
        while (m_rateSamples.size() > 2 && now - m_rateSamples.at(1).elapsedMs >= RateWindowMs)
            m_rateSamples.removeFirst();
        const RateSample &oldest = m_rateSamples.constFirst();
        if (now > oldest.elapsedMs)
            rate = double(total - oldest.total) * 1000.0 / double(now - oldest.elapsedMs);
    }

    const QLocale locale;
    if (tab) {
        const int precision = rate > 0 && rate < 10 ? 1 : 0;
        //: Status bar: rate of received events in the current tab
        m_rateLabel->setText(tr("%1 events/s").arg(locale.toString(rate, 'f', precision)));
        const MessageModel *model = tab->model();
        //: Status bar: rows kept in the table / the retention cap (memory limit)
        m_retainedLabel->setText(
                tr("%1 / %2 rows")
                        .arg(formatNumber(model->rowCount()), formatNumber(model->maximumRows())));
        m_retainedLabel->setToolTip(
                tr("The table keeps at most %1 rows to bound memory; beyond that the oldest "
                   "rows are dropped from the view (exports contain only the rows kept).")
                        .arg(formatNumber(model->maximumRows())));
        const qint64 dropped = model->droppedCount();
        m_droppedLabel->setVisible(dropped > 0);
        if (dropped > 0) {
            const int shown = int(std::min<qint64>(dropped, std::numeric_limits<int>::max()));
            m_droppedLabel->setText(tr("%n oldest row(s) dropped from view", nullptr, shown));
        }
    } else {
        m_rateLabel->clear();
        m_retainedLabel->clear();
        m_droppedLabel->hide();
    }
    if (m_demo->isRunning()) {
        //: Status bar: the built-in demo server listens on this port
        m_demoLabel->setText(tr("Demo on :%1").arg(m_demo->server()->port()));
        m_demoLabel->setToolTip(Theme::plainToolTip(m_demo->streamUrl().toString()));
    } else {
        m_demoLabel->setText(tr("Demo off"));
        m_demoLabel->setToolTip(QString());
    }
}

// ---- Demo server --------------------------------------------------------------------------

DemoServer *MainWindow::demoServer() const
{
    return m_demo->server();
}

QUrl MainWindow::demoStreamUrl(const QString &query) const
{
    return m_demo->streamUrl(query);
}

bool MainWindow::isDemoUrl(const QUrl &url) const
{
    return m_demo->isDemoUrl(url);
}

bool MainWindow::startDemoServer()
{
    return m_demo->start();
}

void MainWindow::stopDemoServer()
{
    m_demo->stop();
}

void MainWindow::configureDemoServer()
{
    m_demo->configure();
}

bool MainWindow::startDemoServerOrWarn()
{
    if (startDemoServer())
        return true;
    QMessageBox::warning(
            this, tr("Demo Server"),
            tr("The demo server could not start:\n%1").arg(m_demo->server()->errorString()));
    return false;
}

void MainWindow::openDemoTab()
{
    if (startDemoServerOrWarn())
        newTab(demoStreamUrl(), true);
}

void MainWindow::copyDemoUrl()
{
    if (!m_demo->isRunning())
        return;
    const QString url = m_demo->streamUrl().toString();
    QGuiApplication::clipboard()->setText(url);
    statusBar()->showMessage(tr("Copied %1").arg(url), 3000);
}

void MainWindow::showFaultProxy()
{
    m_faultProxy->showWindow();
}

bool MainWindow::openDemoPageThroughFaultProxy()
{
    if (!startDemoServerOrWarn())
        return false;
    // A relay, not the forward proxy: any browser opens its URL as it is, with no proxy
    // setting (which Chromium would skip for 127.0.0.1 anyway, and Firefox too), and the
    // page's relative /stream comes through the same relay.
    if (!m_faultProxy->startDemoRelay()) {
        QMessageBox::warning(
                this, tr("Fault Proxy"),
                tr("The demo page relay could not start:\n%1").arg(m_faultProxy->errorString()));
        return false;
    }
    const QUrl url = m_faultProxy->demoRelayUrl();
    QDesktopServices::openUrl(url);
    statusBar()->showMessage(tr("Opened %1 in the browser: the demo page through the fault "
                                "proxy's relay (Tools → Fault Proxy… shows its connections)")
                                     .arg(url.toString()),
                             10000);
    return true;
}

// ---- Session --------------------------------------------------------------------------------

void MainWindow::saveSession() const
{
    SessionStore::Session session;
    for (int i = 0; i < tabCount(); ++i) {
        StreamTab *tab = tabAt(i);
        // A recording lives in its file; the session only remembers live streams.
        if (m_fixedTitles.contains(tab))
            continue;
        if (i == m_tabs->currentIndex())
            session.currentTab = int(session.tabs.size());
        SessionStore::Tab entry;
        entry.state = tab->saveState();
        entry.connected = tab->reader()->state() != SseReader::State::Closed;
        if (isDemoUrl(tab->url()))
            entry.demoQuery = tab->url().query(QUrl::FullyEncoded);
        session.tabs.append(entry);
    }
    session.urlHistory = m_urlHistory;
    session.geometry = saveGeometry();
    session.windowState = saveState();
    session.demoRunning = m_demo->isRunning();
    SessionStore::save(session);
    m_demo->saveOptions();
    m_faultProxy->saveSettings();
}

void MainWindow::restoreSession()
{
    const SessionStore::Session session = SessionStore::load();
    restoreGeometry(session.geometry);
    restoreState(session.windowState);
    m_urlHistory = session.urlHistory;

    const bool needsDemo = session.demoRunning
            || std::any_of(session.tabs.cbegin(), session.tabs.cend(),
                           [](const SessionStore::Tab &tab) { return tab.demoQuery.has_value(); });
    if (needsDemo)
        startDemoServer();

    for (const SessionStore::Tab &entry : session.tabs) {
        StreamTab *tab = newTab();
        tab->restoreState(entry.state);
        if (entry.demoQuery) {
            // The demo's port is new on every launch: point the tab at today's server.
            const QUrl url = demoStreamUrl(*entry.demoQuery);
            if (!url.isEmpty())
                tab->setUrl(url);
        }
        if (entry.connected)
            tab->connectStream();
    }
    if (session.currentTab >= 0 && session.currentTab < tabCount())
        m_tabs->setCurrentIndex(session.currentTab);
}

// ---- Export and recordings ------------------------------------------------------------------

QString MainWindow::defaultExportFileName(EventExporter::Format format)
{
    return u"ssescope-"_s + QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s) + u'.'
            + EventExporter::fileSuffix(format);
}

bool MainWindow::exportCurrentTab(const QString &path, EventExporter::Format format,
                                  QString *errorString)
{
    StreamTab *tab = currentTab();
    if (!tab)
        return false;
    tab->model()->flushPending();
    EventExporter exporter(tab->model());
    if (!exporter.write(path, format)) {
        if (errorString)
            *errorString = exporter.errorString();
        return false;
    }
    statusBar()->showMessage(tr("Wrote %n row(s) to %1", nullptr, int(exporter.writtenRows()))
                                     .arg(QDir::toNativeSeparators(path)),
                             5000);
    return true;
}

void MainWindow::exportWithDialog(EventExporter::Format format)
{
    if (!currentTab())
        return;
    QString filter;
    switch (format) {
    case EventExporter::Format::Ndjson:
        filter = tr("NDJSON recordings (*.ndjson)");
        break;
    case EventExporter::Format::Csv:
        filter = tr("CSV files (*.csv)");
        break;
    case EventExporter::Format::Json:
        filter = tr("JSON files (*.json)");
        break;
    }
    const QString title =
            format == EventExporter::Format::Ndjson ? tr("Save Recording") : tr("Export Events");
    const QString path = QFileDialog::getSaveFileName(
            this, title,
            QDir(SessionStore::lastDirectory()).filePath(defaultExportFileName(format)), filter);
    if (path.isEmpty())
        return;
    SessionStore::rememberDirectory(path);
    QString error;
    if (!exportCurrentTab(path, format, &error)) {
        QMessageBox::critical(
                this, title,
                tr("Could not write “%1”.\n\n%2").arg(QDir::toNativeSeparators(path), error));
    }
}

StreamTab *MainWindow::loadRecording(const QString &path, QString *errorString)
{
    QString error;
    const std::optional<EventExporter::Recording> recording =
            EventExporter::readRecording(path, &error);
    if (!recording) {
        if (errorString)
            *errorString = error;
        return nullptr;
    }
    StreamTab *tab = newTab();
    m_fixedTitles.insert(tab, QFileInfo(path).fileName());
    // The same records a live tab gets, formatted the same way (and in the current language).
    // A file with findings shows them; a version-2 file without any (an older recording, or
    // `watch --no-findings`) is run through the findings engine, which finds from the records
    // what the live tab would have. Version 1 files lack the response headers it reads.
    const bool hasFindings = std::any_of(
            recording->records.cbegin(), recording->records.cend(),
            [](const StreamRecord &record) { return record.kind == StreamRecord::Kind::Finding; });
    const bool computeFindings =
            !hasFindings && recording->session && recording->session->formatVersion >= 2;
    const int computed = tab->loadRecords(recording->records, computeFindings);
    tab->model()->flushPending();
    tab->showRecording(path, *recording);
    updateTabDecoration(tab);
    QStringList messages;
    if (computed > 0) {
        messages << tr("The recording carries no findings; SSE Scope found %n from its records.",
                       nullptr, computed);
    }
    if (recording->skippedLines > 0) {
        messages << tr("%n line(s) of the recording were not valid records and were "
                       "skipped.",
                       nullptr, int(recording->skippedLines));
    }
    if (!messages.isEmpty())
        statusBar()->showMessage(messages.join(u' '), 10000);
    return tab;
}

void MainWindow::openRecordingWithDialog()
{
    const QString path =
            QFileDialog::getOpenFileName(this, tr("Open Recording"), SessionStore::lastDirectory(),
                                         tr("NDJSON recordings (*.ndjson *.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    SessionStore::rememberDirectory(path);
    QString error;
    if (!loadRecording(path, &error)) {
        QMessageBox::critical(this, tr("Open Recording"),
                              tr("Could not open “%1” as a recording.\n\n%2\n\nA recording is an "
                                 "NDJSON file as written by Save Recording or ssescope-cli watch.")
                                      .arg(QDir::toNativeSeparators(path), error));
    }
}

void MainWindow::showAbout()
{
    QMessageBox::about(
            this, tr("About SSE Scope"),
            tr("<h3>SSE Scope %1</h3>"
               "<p>Watch and test Server-Sent Events streams: every event live, and every "
               "reconnect visible — attempt, countdown, <code>retry:</code> and "
               "<code>Last-Event-ID</code>.</p>"
               "<p>Built with Qt %2. Released under the MIT license.</p>")
                    .arg(QApplication::applicationVersion().toHtmlEscaped(),
                         QString::fromLatin1(qVersion())));
}
