// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "faulttext.h"

#include <QLocale>

using namespace Qt::StringLiterals;

QString FaultText::kindName(ProxyFault::Kind kind)
{
    using Kind = ProxyFault::Kind;
    switch (kind) {
    case Kind::Latency:
        return tr("Latency");
    case Kind::Bandwidth:
        return tr("Bandwidth limit");
    case Kind::Stall:
        return tr("Stall", "network fault: nothing moves, the connection stays open");
    case Kind::Slicer:
        return tr("Slicer", "network fault: bytes arrive in tiny pieces");
    case Kind::CloseAfterBytes:
        return tr("Close after bytes");
    case Kind::CutMidEvent:
        return tr("Cut mid-event");
    case Kind::SlowClose:
        return tr("Slow close");
    case Kind::Down:
        return tr("Down", "network fault: the proxy refuses new connections");
    case Kind::Cut:
        return tr("Cut (FIN)");
    case Kind::Reset:
        return tr("Reset (RST)");
    }
    return {};
}

QString FaultText::kindHelp(ProxyFault::Kind kind)
{
    using Kind = ProxyFault::Kind;
    switch (kind) {
    case Kind::Latency:
        return tr(
                "Every chunk is delayed by the latency, plus or minus the jitter; order is kept.");
    case Kind::Bandwidth:
        return tr("At most this many bytes per second get through.");
    case Kind::Stall:
        return tr("Nothing is read or forwarded and both sockets stay open: the half-open case. "
                  "Only an idle timeout or a heartbeat check notices.");
    case Kind::Slicer:
        return tr("Bytes are forwarded in pieces of 1 to N bytes, each sent on its own, with a "
                  "delay between them.");
    case Kind::CloseAfterBytes:
        return tr("After this many more bytes, both sides are closed (FIN).");
    case Kind::CutMidEvent:
        return tr("The stream is forwarded until an event is half delivered, then both sides are "
                  "closed: the client holds half an event. Plain HTTP only.");
    case Kind::SlowClose:
        return tr("When the sender closes, its bytes are delivered and the close waits this long.");
    case Kind::Down:
        return tr("The proxy stops listening: new connections are refused, as from a service "
                  "that is down. Open connections carry on.");
    case Kind::Cut:
        return tr("Now: both sides are closed with FIN, as by a server or proxy that hangs up.");
    case Kind::Reset:
        return tr("Now: both sides get a TCP reset (RST), as from a crashed peer or a firewall.");
    }
    return {};
}

QString FaultText::directionName(ProxyFault::Direction direction)
{
    switch (direction) {
    case ProxyFault::Direction::Downstream:
        return tr("Downstream (server → client)");
    case ProxyFault::Direction::Upstream:
        return tr("Upstream (client → server)");
    case ProxyFault::Direction::Both:
        return tr("Both directions");
    }
    return {};
}

QString FaultText::parameterLabel(ProxyFault::Kind kind, QLatin1StringView key)
{
    if (key == "latencyMs"_L1)
        return tr("Latency:");
    if (key == "jitterMs"_L1)
        return tr("Jitter (±):");
    if (key == "bytesPerSecond"_L1)
        return tr("Rate:");
    if (key == "maxPieceBytes"_L1)
        return tr("Largest piece:");
    if (key == "delayMs"_L1)
        return kind == ProxyFault::Kind::Slicer ? tr("Delay between pieces:")
                                                : tr("Delay before the close:");
    if (key == "bytes"_L1)
        return tr("Close after:");
    if (key == "durationMs"_L1)
        return tr("For:", "how long the proxy stays down");
    return QString(key);
}

QString FaultText::parameterSuffix(QLatin1StringView key)
{
    if (key == "bytesPerSecond"_L1)
        return tr(" B/s", "bytes per second suffix");
    if (key == "maxPieceBytes"_L1 || key == "bytes"_L1)
        return tr(" B", "bytes suffix");
    return tr(" ms", "milliseconds suffix");
}

QString FaultText::describe(const ProxyFault &fault)
{
    using Kind = ProxyFault::Kind;
    const QLocale locale;
    const auto number = [&locale](qint64 value) { return locale.toString(value); };
    QString text = kindName(fault.kind);
    switch (fault.kind) {
    case Kind::Latency:
        text = fault.jitter.count() > 0
                ? tr("Latency %1 ± %2 ms")
                          .arg(number(fault.latency.count()), number(fault.jitter.count()))
                : tr("Latency %1 ms").arg(number(fault.latency.count()));
        break;
    case Kind::Bandwidth:
        text = tr("Bandwidth limit %1 B/s").arg(number(fault.bytesPerSecond));
        break;
    case Kind::Slicer:
        text = tr("Slicer: pieces of 1–%1 B, %2 ms apart")
                       .arg(number(fault.maximumPieceBytes), number(fault.delay.count()));
        break;
    case Kind::CloseAfterBytes:
        text = tr("Close after %1 B").arg(number(fault.bytes));
        break;
    case Kind::SlowClose:
        text = tr("Slow close: %1 ms").arg(number(fault.delay.count()));
        break;
    case Kind::Down:
        text = fault.duration.count() > 0 ? tr("Down for %1 ms").arg(number(fault.duration.count()))
                                          : tr("Down until removed");
        break;
    case Kind::Stall:
    case Kind::CutMidEvent:
    case Kind::Cut:
    case Kind::Reset:
        break;
    }
    if (fault.id > 0)
        text = u"#%1 "_s.arg(fault.id) + text;
    if (fault.kind != Kind::Down && fault.kind != Kind::Cut && fault.kind != Kind::Reset) {
        switch (fault.direction) {
        case ProxyFault::Direction::Downstream:
            text += tr(", downstream");
            break;
        case ProxyFault::Direction::Upstream:
            text += tr(", upstream");
            break;
        case ProxyFault::Direction::Both:
            text += tr(", both directions");
            break;
        }
    }
    text += fault.connection == ProxyFault::AllConnections
            ? tr(", all connections")
            : tr(", connection %1").arg(fault.connection);
    return text;
}

QString FaultText::modeName(ProxyConnectionInfo::Mode mode)
{
    switch (mode) {
    case ProxyConnectionInfo::Mode::HttpForward:
        //: How a client reached the proxy: a plain http:// request it forwards
        return tr("HTTP");
    case ProxyConnectionInfo::Mode::ConnectTunnel:
        return tr("CONNECT (TLS tunnel)");
    case ProxyConnectionInfo::Mode::Relay:
        return tr("TCP relay");
    }
    return {};
}

QString FaultText::stateName(ProxyConnectionInfo::State state)
{
    switch (state) {
    case ProxyConnectionInfo::State::Connecting:
        return tr("connecting", "proxy connection state");
    case ProxyConnectionInfo::State::Open:
        return tr("open", "proxy connection state");
    case ProxyConnectionInfo::State::Closed:
        return tr("closed", "proxy connection state");
    }
    return {};
}
