// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>

#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include "ssereader.h"

/// Records what a reader emits, in order, without QSignalSpy's QVariant round trips. Shared by
/// the reader tests (tst_ssereader, tst_hostilenetwork).
struct ReaderRecorder
{
    explicit ReaderRecorder(SseReader *reader)
    {
        QObject::connect(reader, &SseReader::eventReceived, reader,
                         [this](const SseEvent &event) { events.append(event); });
        QObject::connect(reader, &SseReader::errorOccurred, reader,
                         [this](const SseError &error) { errors.append(error); });
        QObject::connect(reader, &SseReader::opened, reader, [this] { ++openedCount; });
        QObject::connect(reader, &SseReader::reconnectScheduled, reader,
                         [this](int attempt, qint64 delayMs, const QString &lastEventId) {
                             attempts.append(attempt);
                             delays.append(delayMs);
                             lastEventIds.append(lastEventId);
                         });
        QObject::connect(reader, &SseReader::connecting, reader,
                         [this](int connection, const QUrl &, const QString &lastEventId) {
                             connections.append(connection);
                             connectingIds.append(lastEventId);
                         });
        QObject::connect(reader, &SseReader::closed, reader, [this] { ++closedCount; });
    }

    /// The events' ids as numbers (0 for none).
    QList<qint64> ids() const
    {
        QList<qint64> result;
        for (const SseEvent &event : events)
            result.append(event.lastEventId.toLongLong());
        return result;
    }
    QStringList data() const
    {
        QStringList result;
        for (const SseEvent &event : events)
            result.append(event.data);
        return result;
    }
    qsizetype errorCount(SseError::Kind kind) const
    {
        return std::count_if(errors.cbegin(), errors.cend(),
                             [kind](const SseError &error) { return error.kind == kind; });
    }
    /// Every error as "Kind: message", joined, for failure messages and text checks.
    QString errorText() const
    {
        QStringList parts;
        for (const SseError &error : errors)
            parts.append(SseError::kindName(error.kind) + QStringLiteral(": ") + error.message);
        return parts.join(QStringLiteral(" | "));
    }

    QList<SseEvent> events;
    QList<SseError> errors;
    QList<int> attempts;
    QList<qint64> delays;
    QStringList lastEventIds;
    QList<int> connections;
    QStringList connectingIds;
    int openedCount = 0;
    int closedCount = 0;
};
