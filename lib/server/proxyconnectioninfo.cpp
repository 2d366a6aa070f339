// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "proxyconnectioninfo.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

QString hostAndPort(const QString &host, quint16 port)
{
    // An IPv6 literal needs brackets, or its colons run into the port.
    return (host.contains(u':') ? u'[' + host + u']' : host) + u':' + QString::number(port);
}

} // namespace

QString ProxyConnectionInfo::modeName(Mode mode)
{
    switch (mode) {
    case Mode::HttpForward:
        return u"http"_s;
    case Mode::ConnectTunnel:
        return u"connect"_s;
    case Mode::Relay:
        return u"relay"_s;
    }
    return u"unknown"_s;
}

QString ProxyConnectionInfo::stateName(State state)
{
    switch (state) {
    case State::Connecting:
        return u"connecting"_s;
    case State::Open:
        return u"open"_s;
    case State::Closed:
        return u"closed"_s;
    }
    return u"unknown"_s;
}

QJsonObject ProxyConnectionInfo::toJson() const
{
    QJsonObject object;
    object.insert("id"_L1, id);
    object.insert("mode"_L1, modeName(mode));
    object.insert("state"_L1, stateName(state));
    object.insert("client"_L1, hostAndPort(clientAddress.toString(), clientPort));
    object.insert("upstream"_L1, hostAndPort(upstreamHost, upstreamPort));
    object.insert("target"_L1, target);
    object.insert("bytesDownstream"_L1, bytesDownstream);
    object.insert("bytesUpstream"_L1, bytesUpstream);
    object.insert("heldDownstream"_L1, heldDownstream);
    object.insert("heldUpstream"_L1, heldUpstream);
    object.insert("openedAt"_L1, openedAt.toString(Qt::ISODateWithMs));
    if (closedAt.isValid()) {
        object.insert("closedAt"_L1, closedAt.toString(Qt::ISODateWithMs));
        object.insert("closeReason"_L1, closeReason);
    }
    QJsonArray faultIds;
    for (const ProxyFault &fault : faults)
        faultIds.append(fault.id);
    object.insert("faults"_L1, faultIds);
    return object;
}
