// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QList>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QString>
#include <QStringView>
#include <QUrl>
#include <QVariantMap>

/// How one tab reaches the network: the choice its request editor shows, its session keeps and
/// StreamTab turns into a StreamProxyFactory for the tab's reader.
struct ProxySetting
{
    enum class Mode {
        System, ///< The desktop's or http_proxy/https_proxy/no_proxy settings; never for loopback.
        None, ///< Direct, whatever the system says.
        FaultProxy, ///< The app's own fault proxy (FaultProxyController), for every host.
        Custom, ///< customUrl, for every host.
    };

    Mode mode = Mode::System;
    /// Custom: http://[user:password@]host:port, or socks5://host:port.
    QUrl customUrl;

    /// "system", "none", "faultProxy", "custom": the session's words.
    static QString modeName(Mode mode);
    static std::optional<Mode> modeFromName(QStringView name);

    /// Reads what the user typed: "host:port" is taken as http://.
    static QUrl parseCustomUrl(const QString &text);
    /// An http:// or socks5:// URL with a host and a port, and nothing else.
    static bool isUsableCustomUrl(const QUrl &url);
    /// The proxy a usable custom URL names, credentials included.
    static QNetworkProxy customProxy(const QUrl &url);

    /// The session's form: {"mode": modeName(), "url": customUrl without its password}. A proxy
    /// password is a credential, so it stays out of saved files, like secret headers do.
    QVariantMap toVariantMap() const;
    /// Reads toVariantMap()'s form; anything missing or unknown is the System default, which is
    /// also what sessions from before the proxy choice get.
    static ProxySetting fromVariantMap(const QVariantMap &map);

    friend bool operator==(const ProxySetting &, const ProxySetting &) = default;
};

/// The proxy factory of one tab's reader (QNetworkAccessManager::setProxyFactory).
///
/// System asks QNetworkProxyFactory::systemProxyForQuery() (desktop settings, or the
/// http_proxy, https_proxy and no_proxy variables), except for loopback hosts, which always go
/// direct: a local server is never on the far side of a system proxy, and a corporate proxy
/// cannot reach this machine's 127.0.0.1. The other modes use one proxy for every host,
/// loopback included: routing a local server through the fault proxy is the point.
class StreamProxyFactory : public QNetworkProxyFactory
{
public:
    /// System mode.
    StreamProxyFactory();
    /// One proxy for every host (QNetworkProxy::NoProxy for ProxySetting::Mode::None).
    explicit StreamProxyFactory(const QNetworkProxy &proxy);

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;

    /// localhost, *.localhost (RFC 6761 §6.3), 127.0.0.0/8 and ::1.
    static bool isLoopbackHost(const QString &host);

private:
    std::optional<QNetworkProxy> m_proxy; ///< Empty: System.
};
