// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

#include "sseerror.h"

/// The one place that turns an SseError into user-visible, translated text, so the table, the
/// connection panel and the log all name a failure the same way.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    /// Short translated name of a kind ("Connection refused").
    static QString kindName(SseError::Kind kind);
    /// Kind, "(simulated)" marker and the reader's technical detail in one line.
    static QString describe(const SseError &error);
};
