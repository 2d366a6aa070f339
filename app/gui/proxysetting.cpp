// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "proxysetting.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace {
const QString ModeKey = u"mode"_s;
const QString UrlKey = u"url"_s;
} // namespace

QString ProxySetting::modeName(Mode mode)
{
    switch (mode) {
    case Mode::System:
        return u"system"_s;
    case Mode::None:
        return u"none"_s;
    case Mode::FaultProxy:
        return u"faultProxy"_s;
    case Mode::Custom:
        return u"custom"_s;
    }
    return {};
}

std::optional<ProxySetting::Mode> ProxySetting::modeFromName(QStringView name)
{
    for (Mode mode : { Mode::System, Mode::None, Mode::FaultProxy, Mode::Custom }) {
        if (name == modeName(mode))
            return mode;
    }
    return std::nullopt;
}

QUrl ProxySetting::parseCustomUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    return QUrl(trimmed.contains(u"://"_s) ? trimmed : u"http://"_s + trimmed, QUrl::StrictMode);
}

bool ProxySetting::isUsableCustomUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    // A path or query would be silently ignored: better to say the address is wrong.
    const bool bare =
            (url.path().isEmpty() || url.path() == u"/"_s) && !url.hasQuery() && !url.hasFragment();
    return url.isValid() && (scheme == u"http"_s || scheme == u"socks5"_s) && !url.host().isEmpty()
            && url.port() > 0 && bare;
}

QNetworkProxy ProxySetting::customProxy(const QUrl &url)
{
    const auto type = url.scheme().compare(u"socks5"_s, Qt::CaseInsensitive) == 0
            ? QNetworkProxy::Socks5Proxy
            : QNetworkProxy::HttpProxy;
    return QNetworkProxy(type, url.host(), quint16(url.port()), url.userName(), url.password());
}

QVariantMap ProxySetting::toVariantMap() const
{
    QVariantMap map { { ModeKey, modeName(mode) } };
    if (!customUrl.isEmpty())
        map.insert(UrlKey, customUrl.toString(QUrl::RemovePassword));
    return map;
}

ProxySetting ProxySetting::fromVariantMap(const QVariantMap &map)
{
    ProxySetting setting;
    setting.mode = modeFromName(map.value(ModeKey).toString()).value_or(Mode::System);
    setting.customUrl = parseCustomUrl(map.value(UrlKey).toString());
    return setting;
}

StreamProxyFactory::StreamProxyFactory() = default;

StreamProxyFactory::StreamProxyFactory(const QNetworkProxy &proxy)
    : m_proxy(proxy)
{}

QList<QNetworkProxy> StreamProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    if (m_proxy)
        return { *m_proxy };
    if (isLoopbackHost(query.peerHostName()))
        return { QNetworkProxy(QNetworkProxy::NoProxy) };
    QList<QNetworkProxy> proxies = systemProxyForQuery(query);
    if (proxies.isEmpty())
        proxies.append(QNetworkProxy(QNetworkProxy::NoProxy));
    return proxies;
}

bool StreamProxyFactory::isLoopbackHost(const QString &host)
{
    QString name = host.toLower();
    if (name.endsWith(u'.'))
        name.chop(1); // "localhost." is the same name, fully qualified
    if (name == u"localhost"_s || name.endsWith(u".localhost"_s))
        return true;
    if (name.startsWith(u'[') && name.endsWith(u']'))
        name = name.mid(1, name.size() - 2);
    const QHostAddress address(name);
    return !address.isNull() && address.isLoopback();
}
