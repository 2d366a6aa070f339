// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class FaultProxy;
class HttpRequestHead;
class QTcpServer;
class QTcpSocket;

/// The FaultProxy's JSON control API over plain HTTP/1.1 (requests parsed by HttpRequestHead,
/// one request per connection), for scripts and `curl`. Listens on 127.0.0.1 unless told
/// otherwise: whoever reaches it can break connections.
///
///   GET    /               the proxy's address, mode and the endpoints
///   GET    /connections    {"connections": [ProxyConnectionInfo::toJson(), ...]}
///   GET    /faults         {"faults": [ProxyFault::toJson(), ...]}
///   POST   /faults         body: ProxyFault::toJson()'s form → 201 {"fault": {...}}; the Cut
///                          and Reset actions → 200 {"action": {...}, "connections": [ids]}
///   DELETE /faults/{id}    → 200 {"removed": {...}} or 404
///   DELETE /faults         → 200 {"removed": n}
/// Errors: {"error": "..."} with 400 (bad JSON or fault), 404 (unknown path, fault or
/// connection), 405 (method; with Allow), 409 (fault not applicable to that connection), 415
/// (POST without `Content-Type: application/json`: a web page cannot send that cross-origin
/// without a CORS preflight, which this server never grants, so no page the user visits can
/// drive it) and HttpRequestHead's statuses.
class ProxyControlServer : public QObject
{
    Q_OBJECT
public:
    /// A fault's body is a few hundred bytes; anything near this is not a fault.
    static constexpr qint64 MaximumBodyBytes = 64 * 1024;

    /// `proxy` is not owned and must outlive the server.
    explicit ProxyControlServer(FaultProxy *proxy, QObject *parent = nullptr);
    ~ProxyControlServer() override;

    bool listen(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost),
                quint16 port = 0);
    void close();
    bool isListening() const;
    quint16 port() const;
    QHostAddress address() const;
    QString errorString() const;
    /// http://ADDRESS:PORT/
    QUrl url() const;

signals:
    /// After each answered request, for logs.
    void requestHandled(const QByteArray &method, const QByteArray &target, int status);

private:
    struct Response;

    void handleNewConnection();
    void handleReadyRead(QTcpSocket *socket);
    Response dispatch(const HttpRequestHead &head, const QByteArray &body);
    Response postFault(const HttpRequestHead &head, const QByteArray &body);
    void respond(QTcpSocket *socket, const QByteArray &method, const QByteArray &target,
                 const Response &response);

    QPointer<FaultProxy> m_proxy;
    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, QByteArray> m_pending; ///< Request bytes so far, per client.
};
