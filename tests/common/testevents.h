// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

#include "sseevent.h"

/// Event number n as a reader would deliver it on connection 1: id "n", data "payload n" unless
/// given. Shared by the model and view tests so both feed the same shape of rows.
inline SseEvent numberedEvent(int n, const QString &data = {},
                              const QString &type = QStringLiteral("message"))
{
    SseEvent event;
    event.type = type;
    event.data = data.isEmpty() ? QStringLiteral("payload %1").arg(n) : data;
    event.lastEventId = QString::number(n);
    event.hasId = true;
    event.rawSize = 20;
    event.sequence = quint64(n);
    event.connection = 1;
    event.receivedAt = QDateTime::currentDateTimeUtc();
    return event;
}
