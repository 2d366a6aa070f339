// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

// The control API through real HTTP requests (QNetworkAccessManager), against a FaultProxy
// relaying to a raw loopback upstream.

#include <memory>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "faultproxy.h"
#include "proxycontrolserver.h"

using namespace Qt::StringLiterals;

namespace {

constexpr int Timeout = 20000;

struct Answer
{
    int status = 0;
    QJsonObject body;
    QByteArray allow;
    QByteArray contentType;
};

} // namespace

class TestProxyControlServer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void status();
    void addListRemove();
    void errors_data();
    void errors();
    void actionsOnConnections();
    void loopbackByDefault();

private:
    Answer send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                const QByteArray &contentType = "application/json");

    QNetworkAccessManager m_manager;
    QTcpServer m_upstream;
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<ProxyControlServer> m_control;
};

void TestProxyControlServer::init()
{
    QVERIFY(m_upstream.listen(QHostAddress::LocalHost, 0));
    m_proxy = std::make_unique<FaultProxy>();
    FaultProxy::Options options;
    options.upstreamHost = u"127.0.0.1"_s;
    options.upstreamPort = m_upstream.serverPort();
    QVERIFY(m_proxy->start(options));
    m_control = std::make_unique<ProxyControlServer>(m_proxy.get());
    QVERIFY(m_control->listen());
}

void TestProxyControlServer::cleanup()
{
    m_control.reset();
    m_proxy.reset();
    m_upstream.close();
}

Answer TestProxyControlServer::send(const QByteArray &method, const QString &path,
                                    const QByteArray &body, const QByteArray &contentType)
{
    QNetworkRequest request(m_control->url().resolved(QUrl(path)));
    if (!body.isEmpty() || method == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    std::unique_ptr<QNetworkReply> reply(m_manager.sendCustomRequest(request, method, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    Answer answer;
    if (!finished.wait(Timeout))
        return answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = QJsonDocument::fromJson(reply->readAll()).object();
    answer.allow = reply->rawHeader("Allow");
    answer.contentType = reply->rawHeader("Content-Type");
    return answer;
}

void TestProxyControlServer::status()
{
    const Answer answer = send("GET", u"/"_s);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.contentType, QByteArray("application/json"));
    QCOMPARE(answer.body.value("mode"_L1).toString(), u"relay"_s);
    QCOMPARE(answer.body.value("proxy"_L1).toString(),
             u"127.0.0.1:"_s + QString::number(m_proxy->port()));
    QCOMPARE(answer.body.value("listening"_L1).toBool(), true);
    QVERIFY(answer.body.value("endpoints"_L1).toArray().contains(u"POST /faults"_s));
}

void TestProxyControlServer::addListRemove()
{
    QSignalSpy faultsChanged(m_proxy.get(), &FaultProxy::faultsChanged);
    Answer added =
            send("POST", u"/faults"_s, R"({"type": "latency", "latencyMs": 250, "jitterMs": 20})");
    QCOMPARE(added.status, 201);
    const QJsonObject fault = added.body.value("fault"_L1).toObject();
    const int id = fault.value("id"_L1).toInt();
    QVERIFY(id > 0);
    QCOMPARE(fault.value("latencyMs"_L1).toInt(), 250);
    QCOMPARE(fault.value("connection"_L1).toString(), u"all"_s);
    QCOMPARE(fault.value("direction"_L1).toString(), u"downstream"_s);
    QCOMPARE(faultsChanged.size(), 1);
    QCOMPARE(m_proxy->faults().size(), 1);
    QCOMPARE(m_proxy->faults().at(0).latency.count(), 250);

    added = send("POST", u"/faults"_s, R"({"type": "stall", "direction": "both"})");
    QCOMPARE(added.status, 201);
    const Answer listed = send("GET", u"/faults"_s);
    QCOMPARE(listed.status, 200);
    const QJsonArray faults = listed.body.value("faults"_L1).toArray();
    QCOMPARE(faults.size(), 2);
    QCOMPARE(faults.at(0).toObject().value("id"_L1).toInt(), id);
    QCOMPARE(faults.at(1).toObject().value("type"_L1).toString(), u"stall"_s);

    const Answer removed = send("DELETE", u"/faults/"_s + QString::number(id));
    QCOMPARE(removed.status, 200);
    QCOMPARE(removed.body.value("removed"_L1).toObject().value("id"_L1).toInt(), id);
    QCOMPARE(send("DELETE", u"/faults/"_s + QString::number(id)).status, 404);
    QCOMPARE(m_proxy->faults().size(), 1);

    const Answer cleared = send("DELETE", u"/faults"_s);
    QCOMPARE(cleared.status, 200);
    QCOMPARE(cleared.body.value("removed"_L1).toInt(), 1);
    QVERIFY(m_proxy->faults().isEmpty());
}

void TestProxyControlServer::errors_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");

    const QByteArray json = "application/json";
    QTest::addRow("invalid JSON") << QByteArray("POST") << u"/faults"_s << QByteArray("{type:")
                                  << json << 400 << u"invalid JSON"_s;
    QTest::addRow("not an object") << QByteArray("POST") << u"/faults"_s << QByteArray("[1]")
                                   << json << 400 << u"one JSON object"_s;
    QTest::addRow("unknown type") << QByteArray("POST") << u"/faults"_s
                                  << QByteArray(R"({"type": "gremlins"})") << json << 400
                                  << u"unknown fault type"_s;
    QTest::addRow("bad parameter") << QByteArray("POST") << u"/faults"_s
                                   << QByteArray(R"({"type": "bandwidth", "bytesPerSecond": 0})")
                                   << json << 400 << u"bytesPerSecond"_s;
    QTest::addRow("unknown connection") << QByteArray("POST") << u"/faults"_s
                                        << QByteArray(R"({"type": "stall", "connection": 99})")
                                        << json << 404 << u"no open connection 99"_s;
    // A web page can send text/plain cross-origin without asking; application/json it cannot.
    QTest::addRow("form post") << QByteArray("POST") << u"/faults"_s
                               << QByteArray(R"({"type": "stall"})") << QByteArray("text/plain")
                               << 415 << u"application/json"_s;
    QTest::addRow("wrong method") << QByteArray("PUT") << u"/faults"_s << QByteArray("{}") << json
                                  << 405 << u"GET, POST, DELETE"_s;
    QTest::addRow("unknown fault") << QByteArray("DELETE") << u"/faults/77"_s << QByteArray()
                                   << json << 404 << u"no fault 77"_s;
    QTest::addRow("unknown path") << QByteArray("GET") << u"/toxics"_s << QByteArray() << json
                                  << 404 << u"GET /"_s;
}

void TestProxyControlServer::errors()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, message);
    const Answer answer = send(method, path, body, contentType);
    QCOMPARE(answer.status, status);
    const QString error = answer.body.value("error"_L1).toString();
    QVERIFY2(error.contains(message), qPrintable(error));
    if (status == 405)
        QCOMPARE(answer.allow, QByteArray("GET, POST, DELETE"));
    QVERIFY(m_proxy->faults().isEmpty());
}

void TestProxyControlServer::actionsOnConnections()
{
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, m_proxy->port());
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->connections().size(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->connections().at(0).state, ProxyConnectionInfo::State::Open,
                              Timeout);
    const int id = m_proxy->connections().at(0).id;

    Answer answer = send("GET", u"/connections"_s);
    QCOMPARE(answer.status, 200);
    const QJsonArray connections = answer.body.value("connections"_L1).toArray();
    QCOMPARE(connections.size(), 1);
    const QJsonObject connection = connections.at(0).toObject();
    QCOMPARE(connection.value("id"_L1).toInt(), id);
    QCOMPARE(connection.value("mode"_L1).toString(), u"relay"_s);
    QCOMPARE(connection.value("state"_L1).toString(), u"open"_s);
    QCOMPARE(connection.value("upstream"_L1).toString(),
             u"127.0.0.1:"_s + QString::number(m_upstream.serverPort()));
    QVERIFY(connection.value("client"_L1).toString().startsWith(u"127.0.0.1:"_s));

    answer = send("POST", u"/faults"_s,
                  QJsonDocument(QJsonObject { { u"type"_s, u"stall"_s }, { u"connection"_s, id } })
                          .toJson());
    QCOMPARE(answer.status, 201);
    answer = send("GET", u"/connections"_s);
    QCOMPARE(answer.body.value("connections"_L1).toArray().at(0).toObject().value("faults"_L1),
             QJsonValue(QJsonArray { m_proxy->faults().at(0).id }));

    // An action: carried out at once, listed with the connections it acted on, never kept.
    answer = send("POST", u"/faults"_s, R"({"type": "cut"})");
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body.value("action"_L1).toObject().value("type"_L1).toString(), u"cut"_s);
    QCOMPARE(answer.body.value("connections"_L1).toArray(), QJsonArray { id });
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_proxy->connections().isEmpty(), Timeout);
    QVERIFY(m_proxy->faults().isEmpty()); // the stall belonged to the connection
}

void TestProxyControlServer::loopbackByDefault()
{
    QVERIFY(m_control->address().isLoopback());
    QCOMPARE(m_control->url().host(), u"127.0.0.1"_s);
}

QTEST_GUILESS_MAIN(TestProxyControlServer)
#include "tst_proxycontrolserver.moc"
