// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <utility>

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include "rawsseserver.h"

/// A loopback HTTP/1.1 server that logs every request on every connection, the second and later
/// ones on a kept-alive connection included, so a test can count exactly what went over the
/// wire. (RawSseServer answers one request per connection and ignores the rest.) The responder
/// writes the answer; a socket it leaves open stays open for the next request.
class RequestLogServer
{
public:
    /// index is the 0-based number of the request on this server.
    using Responder = std::function<void(QTcpSocket *socket, const RawRequest &request, int index)>;

    explicit RequestLogServer(Responder responder)
        : m_responder(std::move(responder))
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                m_connectionOf.insert(socket, m_connectionCount++);
                QObject::connect(socket, &QTcpSocket::readyRead, socket,
                                 [this, socket] { readRequests(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
                    m_buffers.remove(socket);
                    m_connectionOf.remove(socket);
                    socket->deleteLater();
                });
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url(const QString &path = QStringLiteral("/stream")) const
    {
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(m_server.serverPort());
        url.setPath(path);
        return url;
    }

    const QList<RawRequest> &requests() const { return m_requests; }
    qsizetype requestCount() const { return m_requests.size(); }
    /// The 0-based number of the connection each request came on, in request order.
    const QList<int> &requestConnections() const { return m_requestConnections; }
    /// Connections accepted so far.
    int connectionCount() const { return m_connectionCount; }

private:
    void readRequests(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
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
            buffer.remove(0, headEnd + 4 + contentLength);
            m_requests.append(request);
            m_requestConnections.append(m_connectionOf.value(socket, -1));
            m_responder(socket, request, int(m_requests.size() - 1));
            if (!m_buffers.contains(socket))
                return; // The responder closed the socket and it is gone.
        }
    }

    Responder m_responder;
    QList<RawRequest> m_requests;
    QList<int> m_requestConnections;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QTcpSocket *, int> m_connectionOf;
    int m_connectionCount = 0;
    // Last, so it goes first: its sockets emit disconnected() while the members above still live.
    QTcpServer m_server;
};
