// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include <memory>

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QMenu>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QToolButton>
#include <QUrlQuery>

#include "connectionpanel.h"
#include "demoserver.h"
#include "faultproxycontroller.h"
#include "faultproxywindow.h"
#include "mainwindow.h"
#include "proxyconnectionmodel.h"
#include "proxysetting.h"
#include "readerrecorder.h"
#include "requestbar.h"
#include "requesteditor.h"
#include "streamtab.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
constexpr int Timeout = 15000; // the machine is shared and loaded

/// The rows of a model's column, for failure messages and checks.
QStringList column(const QAbstractItemModel *model, int column)
{
    QStringList texts;
    for (int row = 0; row < model->rowCount(); ++row)
        texts << model->index(row, column).data().toString();
    return texts;
}

/// A client that is not an SSE Scope tab: a raw socket speaking HTTP to the proxy, like curl -x.
std::unique_ptr<QTcpSocket> rawProxyClient(quint16 proxyPort, const QUrl &url)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QHostAddress::LocalHost, proxyPort);
    if (!socket->waitForConnected(Timeout))
        return nullptr;
    socket->write("GET " + url.toEncoded() + " HTTP/1.1\r\nHost: " + url.authority().toLatin1()
                  + "\r\nAccept: text/event-stream\r\nUser-Agent: curl/7.88.1\r\n\r\n");
    return socket;
}
} // namespace

class TestFaultProxyWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void listsClientsThatAreNotTabs();
    void parameterLimitsAreTheLibrarys();
    void appliesAndRemovesFaults();
    void actionsActAtOnce();
    void copyFormsNameTheAddress();
    void tabThroughProxyReceivesEvents();
    void serverVisibleCutReconnectsWithLastEventId();
    void serverFaultsNeedTheRoute();
    void switchOffMeansNoProxy();
    void systemProxyIsUsedButNeverForLoopback();
    void loopbackHosts_data();
    void loopbackHosts();
    void demoPageRelayFollowsTheDemoServer();
    void toolsMenuShowsTheWindow();

private:
    StreamTab *newTab();

    std::unique_ptr<QWidget> m_parent;
    FaultProxyController *m_controller = nullptr;
    std::unique_ptr<DemoServer> m_demo;
    std::unique_ptr<StreamTab> m_tab;
};

void TestFaultProxyWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ssescope-tests"_s);
    QCoreApplication::setApplicationName(u"tst_faultproxywindow"_s);
    QSettings().clear();
}

void TestFaultProxyWindow::init()
{
    m_parent = std::make_unique<QWidget>();
    m_controller = new FaultProxyController(m_parent.get());
    m_demo = std::make_unique<DemoServer>();
    DemoServer::Options options;
    options.intervalMs = 50;
    options.retryMs = 100; // a quick reconnect after a cut
    QVERIFY2(m_demo->start(options), qPrintable(m_demo->errorString()));
    m_controller->setDemoServer(m_demo.get());
}

void TestFaultProxyWindow::cleanup()
{
    m_tab.reset();
    m_parent.reset(); // the controller and its window with it
    m_controller = nullptr;
    m_demo.reset();
    qunsetenv("http_proxy");
}

StreamTab *TestFaultProxyWindow::newTab()
{
    m_tab = std::make_unique<StreamTab>();
    m_tab->setFaultProxyController(m_controller);
    m_tab->resize(1024, 700);
    m_tab->show();
    return m_tab.get();
}

void TestFaultProxyWindow::listsClientsThatAreNotTabs()
{
    m_controller->showWindow();
    FaultProxyWindow *window = m_controller->window();
    QVERIFY(window);
    QVERIFY(m_controller->isRunning());
    ProxyConnectionModel *model = window->connectionModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    const std::unique_ptr<QTcpSocket> client =
            rawProxyClient(m_controller->proxy()->port(), m_demo->streamUrl());
    QVERIFY(client);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, Timeout);
    const QString clientText =
            model->index(0, ProxyConnectionModel::ClientColumn).data().toString();
    QCOMPARE(clientText, u"127.0.0.1:%1"_s.arg(client->localPort())); // no tab label
    QCOMPARE(model->index(0, ProxyConnectionModel::TargetColumn).data().toString(),
             m_demo->streamUrl().toString());
    QCOMPARE(model->index(0, ProxyConnectionModel::ModeColumn).data().toString(), u"HTTP"_s);
    // Bytes flow and the row follows them.
    QTRY_VERIFY_WITH_TIMEOUT(client->bytesAvailable() > 0 || client->waitForReadyRead(100),
                             Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(model->infoAt(0).bytesDownstream > 0, Timeout);
    QCOMPARE(model->infoAt(0).state, ProxyConnectionInfo::State::Open);

    client->disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(model->infoAt(0).state, ProxyConnectionInfo::State::Closed, Timeout);
    QVERIFY(model->index(0, ProxyConnectionModel::StateColumn)
                    .data()
                    .toString()
                    .startsWith(u"closed"_s));
    model->clearClosed();
    QCOMPARE(model->rowCount(), 0);
}

void TestFaultProxyWindow::parameterLimitsAreTheLibrarys()
{
    m_controller->showWindow();
    FaultProxyWindow *window = m_controller->window();
    auto *kinds = window->findChild<QComboBox *>(u"kindCombo"_s);
    QVERIFY(kinds);
    const QMetaEnum meta = QMetaEnum::fromType<ProxyFault::Kind>();
    QCOMPARE(kinds->count(), meta.keyCount());
    for (int i = 0; i < kinds->count(); ++i) {
        kinds->setCurrentIndex(i);
        const auto kind = ProxyFault::Kind(kinds->itemData(i).toInt());
        for (const ProxyFault::ParameterRange &range : ProxyFault::parameterRanges(kind)) {
            auto *spin = window->findChild<QSpinBox *>(u"parameter_"_s + QString(range.key));
            QVERIFY(spin);
            QVERIFY2(spin->isVisibleTo(window), range.key.data());
            QCOMPARE(qint64(spin->minimum()), range.minimum);
            QCOMPARE(qint64(spin->maximum()), std::min<qint64>(range.maximum, INT_MAX));
        }
        // What the controls build is always a fault the library accepts.
        const ProxyFault fault = window->currentFault();
        QCOMPARE(fault.kind, kind);
        QVERIFY2(fault.validate().isEmpty(), qPrintable(fault.validate()));
    }
}

void TestFaultProxyWindow::appliesAndRemovesFaults()
{
    m_controller->showWindow();
    FaultProxyWindow *window = m_controller->window();
    window->prepareFault(ProxyFault::Kind::Latency, FaultProxyController::Endpoint::Proxy,
                         std::nullopt);
    window->findChild<QSpinBox *>(u"parameter_latencyMs"_s)->setValue(250);
    window->findChild<QSpinBox *>(u"parameter_jitterMs"_s)->setValue(20);
    window->applyCurrentFault();
    QCOMPARE(m_controller->proxy()->faults().size(), 1);
    const ProxyFault fault = m_controller->proxy()->faults().constFirst();
    QCOMPARE(fault.kind, ProxyFault::Kind::Latency);
    QCOMPARE(fault.latency, 250ms);
    QCOMPARE(fault.jitter, 20ms);
    QCOMPARE(fault.connection, ProxyFault::AllConnections);
    QCOMPARE(window->faultsInForce().size(), 1);
    QVERIFY2(window->faultsInForce().constFirst().contains(u"250"_s),
             qPrintable(window->faultsInForce().constFirst()));
    QVERIFY2(window->resultText().startsWith(u"In force"_s), qPrintable(window->resultText()));

    // Down is for all connections only: the target cannot be chosen for it.
    window->prepareFault(ProxyFault::Kind::Down, FaultProxyController::Endpoint::Proxy, 3);
    QVERIFY(!window->findChild<QComboBox *>(u"targetCombo"_s)->isEnabled());
    window->findChild<QSpinBox *>(u"parameter_durationMs"_s)->setValue(0); // until removed
    window->applyCurrentFault();
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->proxy()->isDown(), Timeout);
    QCOMPARE(window->faultsInForce().size(), 2);

    auto *list = window->findChild<QWidget *>(u"faultList"_s);
    QVERIFY(list);
    m_controller->removeFault(FaultProxyController::Endpoint::Proxy, fault.id);
    QCOMPARE(window->faultsInForce().size(), 1);
    window->findChild<QAbstractButton *>(u"removeAllFaultsButton"_s)->click();
    QVERIFY(window->faultsInForce().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->proxy()->isDown(), Timeout);

    // A connection that is gone is said so, not silently ignored.
    window->prepareFault(ProxyFault::Kind::Stall, FaultProxyController::Endpoint::Proxy,
                         std::nullopt);
    ProxyFault stale = window->currentFault();
    stale.connection = 999;
    const auto results = m_controller->apply(stale);
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.constFirst().result.status,
             FaultProxy::ApplyResult::Status::UnknownConnection);
}

void TestFaultProxyWindow::actionsActAtOnce()
{
    m_controller->showWindow();
    FaultProxyWindow *window = m_controller->window();
    const std::unique_ptr<QTcpSocket> client =
            rawProxyClient(m_controller->proxy()->port(), m_demo->streamUrl());
    QVERIFY(client);
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->proxy()->connections().size(), 1, Timeout);
    const int id = m_controller->proxy()->connections().constFirst().id;
    window->prepareFault(ProxyFault::Kind::Reset, FaultProxyController::Endpoint::Proxy, id);
    QCOMPARE(window->currentFault().connection, id);
    QCOMPARE(window->targetEndpoint(), FaultProxyController::Endpoint::Proxy);
    QSignalSpy disconnected(m_demo.get(), &DemoServer::clientDisconnected);
    window->applyCurrentFault();
    // Carried out now, and not kept as a fault in force.
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), QAbstractSocket::UnconnectedState, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(disconnected.size() >= 1, Timeout);
    QVERIFY(window->faultsInForce().isEmpty());
    QVERIFY2(window->resultText().contains(u"1 connection"_s), qPrintable(window->resultText()));
}

void TestFaultProxyWindow::copyFormsNameTheAddress()
{
    m_controller->setConfiguredPort(0);
    m_controller->showWindow();
    const QString address = u"127.0.0.1:%1"_s.arg(m_controller->proxy()->port());
    QCOMPARE(m_controller->address(), address);
    const QStringList forms = m_controller->window()->copyForms();
    QCOMPARE(forms.size(), 4);
    QCOMPARE(forms.at(0), address);
    QCOMPARE(forms.at(1), u"http_proxy=http://%1 https_proxy=http://%1"_s.arg(address));
    QCOMPARE(forms.at(2),
             u"curl -N -x http://%1 %2"_s.arg(address, m_demo->streamUrl().toString()));
    QVERIFY(forms.at(3).contains(u"--proxy-server=http://%1"_s.arg(address)));
    QVERIFY(forms.at(3).contains(u"<-loopback>"_s));

    m_controller->stop();
    QVERIFY(m_controller->window()->copyForms().isEmpty());
    QVERIFY(m_controller->address().isEmpty());
}

void TestFaultProxyWindow::tabThroughProxyReceivesEvents()
{
    StreamTab *tab = newTab();
    QVERIFY(!m_controller->isRunning()); // started on demand
    ReaderRecorder recorder(tab->reader());
    tab->setUrl(m_demo->streamUrl());
    // The switch in the request bar: one click.
    auto *button = tab->findChild<QToolButton *>(u"viaFaultProxyButton"_s);
    QVERIFY(button);
    QVERIFY(button->isVisible());
    button->click();
    QCOMPARE(tab->proxySetting().mode, ProxySetting::Mode::FaultProxy);
    QVERIFY(tab->requestBar()->isViaFaultProxy());
    tab->connectStream();
    QVERIFY(m_controller->isRunning());
    QVERIFY(tab->isRoutedThroughFaultProxy());
    QTRY_VERIFY_WITH_TIMEOUT(recorder.events.size() >= 3, Timeout);

    // The proxy carries it, and knows it is this tab's.
    const QList<ProxyConnectionInfo> connections = m_controller->proxy()->connections();
    QCOMPARE(connections.size(), 1);
    QCOMPARE(connections.constFirst().target, m_demo->streamUrl().toString());
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->connectionOf(tab).has_value(), Timeout);
    QCOMPARE(m_controller->connectionOf(tab)->id, connections.constFirst().id);
    m_controller->showWindow();
    ProxyConnectionModel *model = m_controller->window()->connectionModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 1);
    const QString client = model->index(0, ProxyConnectionModel::ClientColumn).data().toString();
    QVERIFY2(client.contains(u"SSE Scope tab"_s) && client.contains(tab->title()),
             qPrintable(client));

    // The panel offers the server-visible faults now.
    auto *cut = tab->connectionPanel()->findChild<QAction *>(u"serverCutAction"_s);
    QVERIFY(cut);
    QTRY_VERIFY_WITH_TIMEOUT(cut->isEnabled(), Timeout);
}

void TestFaultProxyWindow::serverVisibleCutReconnectsWithLastEventId()
{
    StreamTab *tab = newTab();
    ReaderRecorder recorder(tab->reader());
    QSignalSpy connected(m_demo.get(), &DemoServer::clientConnected);
    QSignalSpy disconnected(m_demo.get(), &DemoServer::clientDisconnected);
    tab->setUrl(m_demo->streamUrl());
    ProxySetting setting;
    setting.mode = ProxySetting::Mode::FaultProxy;
    tab->setProxySetting(setting);
    tab->connectStream();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.events.size() >= 3, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->connectionOf(tab).has_value(), Timeout);
    QCOMPARE(connected.size(), 1);

    // Cut (FIN) from the panel's drop menu: the proxy closes both sides.
    auto *cut = tab->connectionPanel()->findChild<QAction *>(u"serverCutAction"_s);
    QTRY_VERIFY_WITH_TIMEOUT(cut->isEnabled(), Timeout);
    cut->trigger();
    // The server sees its client go, unlike with the client-side simulation.
    QTRY_VERIFY_WITH_TIMEOUT(disconnected.size() >= 1, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.errors.isEmpty(), Timeout);
    const SseError error = recorder.errors.constFirst();
    QVERIFY2(!error.simulated, qPrintable(recorder.errorText()));
    const QString lastId = recorder.events.constLast().lastEventId;
    QVERIFY(!lastId.isEmpty());

    // The reader reconnects (through the proxy again) and resumes from the last id it got.
    QTRY_VERIFY_WITH_TIMEOUT(connected.size() >= 2, Timeout);
    QCOMPARE(connected.at(1).at(1).toByteArray(), lastId.toUtf8());
    QCOMPARE(recorder.lastEventIds.constFirst(), lastId);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.openedCount, 2, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->connectionOf(tab).has_value(), Timeout);
    QCOMPARE(m_controller->proxy()->connections().size(), 1);
    QCOMPARE(m_controller->connectionOf(tab)->id,
             m_controller->proxy()->connections().constFirst().id);
    // No event was lost or repeated: the demo server replays from Last-Event-ID.
    QTRY_VERIFY_WITH_TIMEOUT(recorder.events.constLast().lastEventId.toLongLong()
                                     > lastId.toLongLong() + 2,
                             Timeout);
    const QList<qint64> ids = recorder.ids();
    for (qsizetype i = 1; i < ids.size(); ++i)
        QCOMPARE(ids.at(i), ids.at(i - 1) + 1);

    // Stall is a lasting fault on this connection alone, ticked while in force.
    auto *stall = tab->connectionPanel()->findChild<QAction *>(u"serverStallAction"_s);
    QTRY_VERIFY_WITH_TIMEOUT(stall->isEnabled(), Timeout);
    QVERIFY(!stall->isChecked());
    stall->trigger();
    QCOMPARE(m_controller->proxy()->faults().size(), 1);
    QCOMPARE(m_controller->proxy()->faults().constFirst().connection,
             m_controller->connectionOf(tab)->id);
    QTRY_VERIFY_WITH_TIMEOUT(stall->isChecked(), Timeout);
    stall->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->proxy()->faults().isEmpty(), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!stall->isChecked(), Timeout);
}

void TestFaultProxyWindow::serverFaultsNeedTheRoute()
{
    StreamTab *tab = newTab();
    ReaderRecorder recorder(tab->reader());
    tab->setUrl(m_demo->streamUrl());
    tab->connectStream();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.events.size() >= 1, Timeout);
    ConnectionPanel *panel = tab->connectionPanel();
    QMenu *menu = panel->dropMenu();
    auto *cut = panel->findChild<QAction *>(u"serverCutAction"_s);
    auto *route = panel->findChild<QAction *>(u"routeThroughFaultProxyAction"_s);
    auto *clientCut = panel->findChild<QAction *>(u"cutConnectionAction"_s);
    QVERIFY(menu && cut && route && clientCut);
    QVERIFY(menu->actions().contains(cut));
    // Not routed: disabled, and the tooltip says why; the client-side cut stays available.
    QVERIFY(!cut->isEnabled());
    QVERIFY2(cut->toolTip().contains(u"Via fault proxy"_s), qPrintable(cut->toolTip()));
    QVERIFY(clientCut->isEnabled());
    QVERIFY(route->isVisible());

    // One click from the menu routes the tab and reconnects it through the proxy.
    route->trigger();
    QVERIFY(tab->isRoutedThroughFaultProxy());
    QVERIFY(tab->requestBar()->isViaFaultProxy());
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->connectionOf(tab).has_value(), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(cut->isEnabled(), Timeout);
    QVERIFY(!route->isVisible());
}

void TestFaultProxyWindow::switchOffMeansNoProxy()
{
    StreamTab *tab = newTab();
    QVERIFY(m_controller->start());
    ReaderRecorder recorder(tab->reader());
    tab->setUrl(m_demo->streamUrl());
    auto *button = tab->findChild<QToolButton *>(u"viaFaultProxyButton"_s);
    button->click(); // on
    button->click(); // and off again: back to the previous choice, the system default
    QCOMPARE(tab->proxySetting().mode, ProxySetting::Mode::System);
    QVERIFY(!tab->requestBar()->isViaFaultProxy());
    tab->connectStream();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.events.size() >= 3, Timeout);
    QVERIFY(!tab->isRoutedThroughFaultProxy());
    QVERIFY(m_controller->proxy()->connections().isEmpty());
    QVERIFY(!m_controller->connectionOf(tab));

    // Switching while it runs reconnects it through the proxy at once, and back.
    button->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->proxy()->connections().size(), 1, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->connectionOf(tab).has_value(), Timeout);
    button->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->proxy()->connections().isEmpty(), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(tab->reader()->state(), SseReader::State::Open, Timeout);
    QVERIFY(!m_controller->connectionOf(tab));

    // The editor's choice and the switch are one setting.
    ProxySetting none;
    none.mode = ProxySetting::Mode::None;
    tab->setProxySetting(none);
    QVERIFY(!tab->requestBar()->isViaFaultProxy());
    button->click();
    QCOMPARE(tab->proxySetting().mode, ProxySetting::Mode::FaultProxy);
    button->click();
    QCOMPARE(tab->proxySetting().mode, ProxySetting::Mode::None);
}

void TestFaultProxyWindow::systemProxyIsUsedButNeverForLoopback()
{
    // A "system" proxy, as http_proxy names it: the fault proxy itself, to see who comes by.
    QVERIFY(m_controller->start());
    qputenv("http_proxy", u"http://%1/"_s.arg(m_controller->address()).toLatin1());
    QSignalSpy opened(m_controller->proxy(), &FaultProxy::connectionOpened);

    // A remote host goes through it (RFC 6761: .invalid never resolves; the proxy answers 502).
    StreamTab *tab = newTab();
    QCOMPARE(tab->proxySetting().mode, ProxySetting::Mode::System); // the default
    ReaderRecorder recorder(tab->reader());
    tab->setUrl(QUrl(u"http://sse-scope-test.invalid/stream"_s));
    tab->connectStream();
    QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), Timeout);
    const auto info = opened.constFirst().constFirst().value<ProxyConnectionInfo>();
    QCOMPARE(info.target, u"http://sse-scope-test.invalid/stream"_s);
    tab->disconnectStream();

    // 127.0.0.1 never does, whatever the system says.
    opened.clear();
    ReaderRecorder local(tab->reader());
    tab->setUrl(m_demo->streamUrl());
    tab->connectStream();
    QTRY_VERIFY_WITH_TIMEOUT(local.events.size() >= 3, Timeout);
    QVERIFY(opened.isEmpty());
    QVERIFY(m_controller->proxy()->connections().isEmpty());

    // "No proxy" means none even for the remote host.
    ProxySetting none;
    none.mode = ProxySetting::Mode::None;
    tab->setProxySetting(none);
    tab->setUrl(QUrl(u"http://sse-scope-test.invalid/stream"_s));
    ReaderRecorder direct(tab->reader());
    tab->connectStream();
    QTRY_VERIFY_WITH_TIMEOUT(!direct.errors.isEmpty(), Timeout);
    QVERIFY2(direct.errors.constFirst().kind == SseError::Kind::HostNotFound,
             qPrintable(direct.errorText()));
    QVERIFY(opened.isEmpty());
}

void TestFaultProxyWindow::loopbackHosts_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("localhost") << u"localhost"_s << true;
    QTest::newRow("LOCALHOST.") << u"LOCALHOST."_s << true;
    QTest::newRow("app.localhost") << u"app.localhost"_s << true;
    QTest::newRow("127.0.0.1") << u"127.0.0.1"_s << true;
    QTest::newRow("127.1.2.3") << u"127.1.2.3"_s << true;
    QTest::newRow("::1") << u"::1"_s << true;
    QTest::newRow("[::1]") << u"[::1]"_s << true;
    QTest::newRow("example.com") << u"example.com"_s << false;
    QTest::newRow("localhost.example.com") << u"localhost.example.com"_s << false;
    QTest::newRow("10.0.0.1") << u"10.0.0.1"_s << false;
    QTest::newRow("128.0.0.1") << u"128.0.0.1"_s << false;
}

void TestFaultProxyWindow::loopbackHosts()
{
    QFETCH(QString, host);
    QFETCH(bool, loopback);
    QCOMPARE(StreamProxyFactory::isLoopbackHost(host), loopback);
    qputenv("http_proxy", "http://192.0.2.1:3128/");
    StreamProxyFactory factory;
    const QList<QNetworkProxy> proxies =
            factory.queryProxy(QNetworkProxyQuery(QUrl(u"http://%1/stream"_s.arg(host))));
    QVERIFY(!proxies.isEmpty());
    if (loopback)
        QCOMPARE(proxies.constFirst().type(), QNetworkProxy::NoProxy);
}

void TestFaultProxyWindow::demoPageRelayFollowsTheDemoServer()
{
    QVERIFY(m_controller->startDemoRelay());
    const QUrl relay = m_controller->demoRelayUrl();
    QCOMPARE(relay.host(), u"127.0.0.1"_s);
    QCOMPARE(m_controller->demoRelay()->options().upstreamPort, m_demo->port());

    m_controller->showWindow();
    ProxyConnectionModel *model = m_controller->window()->connectionModel();

    // A browser-like client gets the page through the relay.
    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
    std::unique_ptr<QNetworkReply> page(manager.get(QNetworkRequest(relay)));
    QTRY_VERIFY_WITH_TIMEOUT(page->isFinished(), Timeout);
    QCOMPARE(page->error(), QNetworkReply::NoError);
    QVERIFY(page->readAll().contains("new EventSource(url)"));
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 1, Timeout);
    QCOMPARE(model->sourceAt(0), int(FaultProxyController::Endpoint::DemoRelay));
    QVERIFY2(model->index(0, ProxyConnectionModel::TargetColumn)
                     .data()
                     .toString()
                     .contains(u"demo page relay"_s),
             qPrintable(column(model, ProxyConnectionModel::TargetColumn).join(u'|')));

    // A fault for all connections reaches the relay too.
    ProxyFault latency;
    latency.latency = 100ms;
    const auto results = m_controller->apply(latency, std::nullopt);
    QCOMPARE(results.size(), 2);
    QCOMPARE(m_controller->demoRelay()->faults().size(), 1);
    QCOMPARE(m_controller->window()->faultsInForce().size(), 2);

    // The demo server moves to another port: the relay follows on its own port.
    const quint16 relayPort = m_controller->demoRelay()->port();
    m_demo->stop();
    DemoServer::Options options;
    QVERIFY(m_demo->start(options));
    m_controller->followDemoServer();
    QVERIFY(m_controller->demoRelay()->isRunning());
    QCOMPARE(m_controller->demoRelay()->port(), relayPort);
    QCOMPARE(m_controller->demoRelay()->options().upstreamPort, m_demo->port());
    m_demo->stop();
    m_controller->followDemoServer();
    QVERIFY(!m_controller->demoRelay()->isRunning());
    QVERIFY(m_controller->demoRelayUrl().isEmpty());
}

void TestFaultProxyWindow::toolsMenuShowsTheWindow()
{
    MainWindow::Options options;
    options.restoreSession = false;
    options.startDemoOnFirstLaunch = false;
    MainWindow window(options);
    auto *open = window.findChild<QAction *>(u"actionFaultProxy"_s);
    QVERIFY(open);
    QVERIFY(window.findChild<QAction *>(u"actionDemoOpenPageThroughFaultProxy"_s));
    open->trigger();
    FaultProxyController *controller = window.faultProxy();
    QVERIFY(controller->isRunning()); // opening the window starts it
    QVERIFY(controller->window() && controller->window()->isVisible());
    QCOMPARE(controller->proxy()->address(), QHostAddress(QHostAddress::LocalHost));
    // Every tab knows the app's proxy: the switch names its address.
    auto *button = window.currentTab()->findChild<QToolButton *>(u"viaFaultProxyButton"_s);
    QVERIFY2(button->toolTip().contains(controller->address()), qPrintable(button->toolTip()));
    // The port chosen in the window is kept for the next launch.
    controller->window()->findChild<QSpinBox *>(u"portSpin"_s)->setValue(18888);
    FaultProxyController next(nullptr);
    next.loadSettings();
    QCOMPARE(next.configuredPort(), quint16(18888));
    window.close();
    QVERIFY(!controller->window() || !controller->window()->isVisible());
}

QTEST_MAIN(TestFaultProxyWindow)
#include "tst_faultproxywindow.moc"
