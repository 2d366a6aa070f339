// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "proxycontrolserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include "faultproxy.h"
#include "httprequesthead.h"

using namespace Qt::StringLiterals;

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 431:
        return "Request Header Fields Too Large";
    case 501:
        return "Not Implemented";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Error";
    }
}

QString hostAndPort(const QHostAddress &address, quint16 port)
{
    const QString host = address.toString();
    return (host.contains(u':') ? u'[' + host + u']' : host) + u':' + QString::number(port);
}

} // namespace

struct ProxyControlServer::Response
{
    int status = 200;
    QJsonObject body;
    QByteArray allow; ///< 405: the methods the path takes.

    static Response error(int status, const QString &message)
    {
        Response response;
        response.status = status;
        response.body.insert("error"_L1, message);
        return response;
    }
};

ProxyControlServer::ProxyControlServer(FaultProxy *proxy, QObject *parent)
    : QObject(parent)
    , m_proxy(proxy)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &ProxyControlServer::handleNewConnection);
}

ProxyControlServer::~ProxyControlServer() = default;

bool ProxyControlServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server->listen(address, port);
}

void ProxyControlServer::close()
{
    m_server->close();
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        it.key()->deleteLater();
    m_pending.clear();
}

bool ProxyControlServer::isListening() const
{
    return m_server->isListening();
}

quint16 ProxyControlServer::port() const
{
    return m_server->serverPort();
}

QHostAddress ProxyControlServer::address() const
{
    return m_server->serverAddress();
}

QString ProxyControlServer::errorString() const
{
    return m_server->errorString();
}

QUrl ProxyControlServer::url() const
{
    return QUrl(u"http://"_s + hostAndPort(address(), port()) + u'/');
}

void ProxyControlServer::handleNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        m_pending.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { handleReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_pending.remove(socket);
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            handleReadyRead(socket);
    }
}

void ProxyControlServer::handleReadyRead(QTcpSocket *socket)
{
    const auto pending = m_pending.find(socket);
    if (pending == m_pending.end()) {
        socket->readAll(); // Answered already; one request per connection.
        return;
    }
    pending.value() += socket->readAll();
    const QByteArray buffer = pending.value();
    HttpRequestHead::Limits limits;
    limits.maximumBodyBytes = MaximumBodyBytes;
    const HttpRequestHead::ParseResult parsed = HttpRequestHead::parse(buffer, limits);
    if (parsed.status == HttpRequestHead::Status::Incomplete)
        return;
    if (parsed.status == HttpRequestHead::Status::Error) {
        m_pending.erase(pending);
        respond(socket, {}, {}, Response::error(parsed.errorStatus, parsed.errorMessage));
        return;
    }
    const HttpRequestHead &head = parsed.head;
    const qint64 bodyLength = head.contentLength().value_or(0);
    if (buffer.size() - head.size() < bodyLength)
        return; // The body is still on its way.
    m_pending.erase(pending);
    const QByteArray body = buffer.mid(head.size(), bodyLength);
    const Response response = head.targetForm() == HttpRequestHead::TargetForm::Origin
            ? dispatch(head, body)
            : Response::error(400, u"the control API takes paths such as /faults"_s);
    respond(socket, head.method(), head.target(), response);
}

ProxyControlServer::Response ProxyControlServer::dispatch(const HttpRequestHead &head,
                                                          const QByteArray &body)
{
    if (!m_proxy)
        return Response::error(404, u"the proxy is gone"_s);
    QByteArray path = head.path();
    if (path.size() > 1 && path.endsWith('/'))
        path.chop(1);
    const QByteArray method = head.method();
    const auto notAllowed = [](const QByteArray &allow) {
        Response response = Response::error(405, u"allowed here: "_s + QString::fromLatin1(allow));
        response.allow = allow;
        return response;
    };

    if (path == "/") {
        if (method != "GET")
            return notAllowed("GET");
        Response response;
        response.body.insert("proxy"_L1, hostAndPort(m_proxy->address(), m_proxy->port()));
        response.body.insert("mode"_L1, m_proxy->isRelay() ? u"relay"_s : u"forward"_s);
        if (m_proxy->isRelay())
            response.body.insert("upstream"_L1,
                                 QString(m_proxy->options().upstreamHost + u':'
                                         + QString::number(m_proxy->options().upstreamPort)));
        response.body.insert("listening"_L1, m_proxy->isListening());
        response.body.insert("down"_L1, m_proxy->isDown());
        response.body.insert("endpoints"_L1,
                             QJsonArray { u"GET /connections"_s, u"GET /faults"_s,
                                          u"POST /faults"_s, u"DELETE /faults/{id}"_s,
                                          u"DELETE /faults"_s });
        return response;
    }
    if (path == "/connections") {
        if (method != "GET")
            return notAllowed("GET");
        QJsonArray connections;
        for (const ProxyConnectionInfo &connection : m_proxy->connections())
            connections.append(connection.toJson());
        Response response;
        response.body.insert("connections"_L1, connections);
        return response;
    }
    if (path == "/faults") {
        if (method == "GET") {
            QJsonArray faults;
            for (const ProxyFault &fault : m_proxy->faults())
                faults.append(fault.toJson());
            Response response;
            response.body.insert("faults"_L1, faults);
            return response;
        }
        if (method == "POST")
            return postFault(head, body);
        if (method == "DELETE") {
            Response response;
            response.body.insert("removed"_L1, m_proxy->clearFaults());
            return response;
        }
        return notAllowed("GET, POST, DELETE");
    }
    if (path.startsWith("/faults/")) {
        if (method != "DELETE")
            return notAllowed("DELETE");
        bool ok = false;
        const int id = path.mid(8).toInt(&ok);
        const QList<ProxyFault> faults = m_proxy->faults();
        const auto fault = std::find_if(faults.cbegin(), faults.cend(),
                                        [id](const ProxyFault &each) { return each.id == id; });
        if (!ok || fault == faults.cend() || !m_proxy->removeFault(id))
            return Response::error(404, u"no fault %1"_s.arg(QString::fromLatin1(path.mid(8))));
        Response response;
        response.body.insert("removed"_L1, fault->toJson());
        return response;
    }
    return Response::error(404, u"no such endpoint; GET / lists them"_s);
}

ProxyControlServer::Response ProxyControlServer::postFault(const HttpRequestHead &head,
                                                           const QByteArray &body)
{
    const QByteArray contentType = head.header("Content-Type").toLower();
    if (!contentType.startsWith("application/json"))
        return Response::error(415, u"send the fault as Content-Type: application/json"_s);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Response::error(400,
                               parseError.error != QJsonParseError::NoError
                                       ? u"invalid JSON: "_s + parseError.errorString()
                                       : u"the body must be one JSON object"_s);
    QString error;
    const std::optional<ProxyFault> fault = ProxyFault::fromJson(document.object(), &error);
    if (!fault)
        return Response::error(400, error);
    const FaultProxy::ApplyResult result = m_proxy->apply(*fault);
    switch (result.status) {
    case FaultProxy::ApplyResult::Status::Invalid:
        return Response::error(400, result.error);
    case FaultProxy::ApplyResult::Status::UnknownConnection:
        return Response::error(404, result.error);
    case FaultProxy::ApplyResult::Status::NotApplicable:
        return Response::error(409, result.error);
    case FaultProxy::ApplyResult::Status::Applied:
        break;
    }
    Response response;
    if (result.fault.isAction()) {
        QJsonArray connections;
        for (int id : result.connections)
            connections.append(id);
        response.body.insert("action"_L1, result.fault.toJson());
        response.body.insert("connections"_L1, connections);
    } else {
        response.status = 201;
        response.body.insert("fault"_L1, result.fault.toJson());
    }
    return response;
}

void ProxyControlServer::respond(QTcpSocket *socket, const QByteArray &method,
                                 const QByteArray &target, const Response &response)
{
    const QByteArray body = QJsonDocument(response.body).toJson(QJsonDocument::Indented);
    QByteArray bytes = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
            + reasonPhrase(response.status) + "\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + QByteArray::number(body.size()) + "\r\n"
            + "Cache-Control: no-store\r\n";
    if (!response.allow.isEmpty())
        bytes += "Allow: " + response.allow + "\r\n";
    bytes += "Connection: close\r\n\r\n" + body;
    socket->write(bytes);
    // disconnectFromHost() flushes first. Input still arriving (an oversized body) would turn
    // the close into a RST that can destroy the answer, so such a client gets a moment to read.
    if (response.status == 413 || response.status == 431)
        QTimer::singleShot(500, socket, [socket] { socket->disconnectFromHost(); });
    else
        socket->disconnectFromHost();
    emit requestHandled(method, target, response.status);
}
