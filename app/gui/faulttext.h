// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QLatin1StringView>
#include <QString>

#include "proxyconnectioninfo.h"
#include "proxyfault.h"

/// Words for the fault proxy's values, translated: fault kinds and their parameters, directions,
/// connection modes and states. The library's own texts (ProxyFault::description(), close
/// reasons, errors) are English for logs and the control API; the app shows these instead.
class FaultText
{
    Q_DECLARE_TR_FUNCTIONS(FaultText)

public:
    /// "Latency", "Cut mid-event", …
    static QString kindName(ProxyFault::Kind kind);
    /// One sentence on what the kind does, for tooltips.
    static QString kindHelp(ProxyFault::Kind kind);
    /// "Downstream (server → client)", …
    static QString directionName(ProxyFault::Direction direction);
    /// The label of a parameter (ProxyFault::ParameterRange::key) for a kind: "Latency:",
    /// "Delay between pieces:", …
    static QString parameterLabel(ProxyFault::Kind kind, QLatin1StringView key);
    /// The spin box suffix of a parameter: " ms", " B", " B/s".
    static QString parameterSuffix(QLatin1StringView key);
    /// One line for a fault in force: "#3 Latency 200 ± 50 ms, downstream, connection 4".
    static QString describe(const ProxyFault &fault);
    /// "HTTP", "CONNECT (TLS tunnel)", "TCP relay".
    static QString modeName(ProxyConnectionInfo::Mode mode);
    /// "connecting", "open", "closed".
    static QString stateName(ProxyConnectionInfo::State state);
};
