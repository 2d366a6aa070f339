// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

/// `ssescope-cli serve [options]`: runs DemoServer until SIGINT/SIGTERM. `arguments` are the
/// arguments after `serve`. Needs an existing QCoreApplication. Returns the process exit code:
/// 0 after a signal, 1 on a usage error or when the server cannot listen (e.g. port taken).
/// `--port 0` picks a free port; the stderr line names the real one.
int runServeCommand(const QStringList &arguments);
