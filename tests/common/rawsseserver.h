// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <memory>
#include <utility>

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QVariant>

#include "httprequesthead.h"

/// One HTTP request as a raw test server saw it.
struct RawRequest
{
    QByteArray method;
    QByteArray target;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    /// The value of the first header of that name (case-insensitive), or a null QByteArray.
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    bool hasHeader(QByteArrayView name) const { return !header(name).isNull(); }
};

/// A scripted loopback HTTP server for the odd cases a real SSE server never produces: it reads
/// each request (head via HttpRequestHead, then the Content-Length body), records it, and hands
/// the socket to a responder that writes whatever bytes the test wants and closes or keeps the
/// socket open. A request the parser rejects gets the parser's error status and is not recorded.
class RawSseServer
{
public:
    /// index is the 0-based number of the request on this server.
    using Responder = std::function<void(QTcpSocket *socket, const RawRequest &request, int index)>;

    explicit RawSseServer(Responder responder)
        : m_responder(std::move(responder))
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, socket,
                                 [this, socket] { readRequest(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &path = QStringLiteral("/stream")) const
    {
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(port());
        url.setPath(path);
        return url;
    }
    const QList<RawRequest> &requests() const { return m_requests; }
    qsizetype requestCount() const { return m_requests.size(); }

    /// The response head of a 200 event stream (close-delimited body).
    static QByteArray
    streamHead(const QByteArray &contentType = QByteArrayLiteral("text/event-stream"))
    {
        return QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Type: ") + contentType
                + QByteArrayLiteral("\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n");
    }
    /// Writes bytes, then closes after they are flushed when close is true.
    static void respond(QTcpSocket *socket, const QByteArray &bytes, bool close)
    {
        socket->write(bytes);
        if (close)
            socket->disconnectFromHost();
    }

private:
    void readRequest(QTcpSocket *socket)
    {
        if (socket->property("answered").toBool()) {
            socket->readAll(); // One request per connection; anything later is ignored.
            return;
        }
        const QByteArray buffer = socket->property("request").toByteArray() + socket->readAll();
        socket->setProperty("request", buffer);
        // The same request-head rules as the demo server.
        const auto parsed = HttpRequestHead::parse(buffer);
        if (parsed.status == HttpRequestHead::Status::Incomplete)
            return;
        if (parsed.status == HttpRequestHead::Status::Error) {
            // Never handed to the responder: a test must not pass on a request no server takes.
            qWarning("RawSseServer: rejected a request (%d): %s", parsed.errorStatus,
                     qPrintable(parsed.errorMessage));
            const QByteArray message = parsed.errorMessage.toUtf8() + '\n';
            socket->setProperty("answered", true);
            respond(socket,
                    "HTTP/1.1 " + QByteArray::number(parsed.errorStatus)
                            + " Rejected\r\nContent-Type: text/plain\r\nContent-Length: "
                            + QByteArray::number(message.size()) + "\r\nConnection: close\r\n\r\n"
                            + message,
                    true);
            return;
        }
        const HttpRequestHead &head = parsed.head;
        const qint64 contentLength = head.contentLength().value_or(0);
        if (buffer.size() < head.size() + contentLength)
            return; // The body is still on its way.
        RawRequest request;
        request.method = head.method();
        request.target = head.target();
        request.headers = head.headers();
        request.body = buffer.mid(head.size(), contentLength);
        socket->setProperty("answered", true);
        m_requests.append(request);
        m_responder(socket, request, int(m_requests.size() - 1));
    }

    QTcpServer m_server;
    Responder m_responder;
    QList<RawRequest> m_requests;
};
