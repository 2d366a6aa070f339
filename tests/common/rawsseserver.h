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
/// each request (headers + Content-Length body), records it, and hands the socket to a
/// responder that writes whatever bytes the test wants and closes or keeps the socket open.
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
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        RawRequest request;
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        qsizetype contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                contentLength = value.toLongLong();
            request.headers.append({ name, value });
        }
        if (buffer.size() < headEnd + 4 + contentLength)
            return; // The body is still on its way.
        request.body = buffer.mid(headEnd + 4, contentLength);
        socket->setProperty("answered", true);
        m_requests.append(request);
        m_responder(socket, request, int(m_requests.size() - 1));
    }

    QTcpServer m_server;
    Responder m_responder;
    QList<RawRequest> m_requests;
};
