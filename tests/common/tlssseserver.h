// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QUrl>

#include "rawsseserver.h"

/// A loopback HTTPS server with the self-signed test certificate (tests/client/data, compiled in
/// as :/data/selfsigned-cert.pem and :/data/selfsigned-key.pem): Qt 6.4 has no QSslServer, so
/// each accepted descriptor is wrapped in a QSslSocket that starts the server side of the
/// handshake. It answers the first request on each connection with `response`.
class TlsSseServer : public QTcpServer
{
public:
    bool setUp(QString *error)
    {
        QFile certificateFile(QStringLiteral(":/data/selfsigned-cert.pem"));
        QFile keyFile(QStringLiteral(":/data/selfsigned-key.pem"));
        if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("test certificate or key missing from the resources");
            return false;
        }
        m_certificate = QSslCertificate(certificateFile.readAll(), QSsl::Pem);
        m_key = QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
        if (m_certificate.isNull() || m_key.isNull()) {
            *error = QStringLiteral("test certificate or key does not load");
            return false;
        }
        if (!listen(QHostAddress::LocalHost, 0)) {
            *error = errorString();
            return false;
        }
        return true;
    }
    QUrl url() const
    {
        QUrl url(QStringLiteral("https://127.0.0.1/stream"));
        url.setPort(serverPort());
        return url;
    }
    int handshakeCount = 0; ///< Connections that completed the TLS handshake.
    int requestCount = 0;
    QByteArray response = RawSseServer::streamHead() + "id: 1\ndata: secure\n\n";

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
        connect(socket, &QSslSocket::encrypted, socket, [this] { ++handshakeCount; });
        connect(socket, &QSslSocket::readyRead, socket, [this, socket] {
            QByteArray request = socket->property("request").toByteArray() + socket->readAll();
            socket->setProperty("request", request);
            if (!request.contains("\r\n\r\n") || socket->property("answered").toBool())
                return;
            socket->setProperty("answered", true);
            ++requestCount;
            socket->write(response);
        });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        // The client refusing the certificate shows up here as a failed handshake: expected.
        connect(socket, &QSslSocket::sslErrors, socket, [](const QList<QSslError> &) {});
        socket->startServerEncryption();
    }

private:
    QSslCertificate m_certificate;
    QSslKey m_key;
};
