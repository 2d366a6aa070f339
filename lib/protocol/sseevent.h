// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

/// One dispatched server-sent event, as a copyable value.
struct SseEvent
{
    QString type; ///< The `event:` field, or "message" when none (or an empty one) was given.
    QString data; ///< The `data:` lines joined with LF, final LF removed.
    QString lastEventId; ///< The last event id in force when this event was dispatched.
    bool hasId = false; ///< Whether this event's own block carried an accepted `id:` field.
    qint64 rawSize = 0; ///< Bytes of the block as received: every line of it, line ends included.
    quint64 sequence = 0; ///< 1-based dispatch counter of the parser that produced it.
    int connection = 0; ///< Connection number it arrived on (set by the reader; 0 = none).
    QDateTime receivedAt; ///< When it was received (set by the reader).
};

Q_DECLARE_METATYPE(SseEvent)
