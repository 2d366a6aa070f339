// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

/// `ssescope-cli proxy [options]`: runs a FaultProxy (forward proxy, or a TCP relay with
/// --upstream) and its JSON control API until SIGINT/SIGTERM, logging connections and faults to
/// stderr. `arguments` are the ones after `proxy`. Needs an existing QCoreApplication and runs
/// its event loop. Returns the process exit code (0, or 1 for a usage or listen error).
int runProxyCommand(const QStringList &arguments);
