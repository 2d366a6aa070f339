// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>

#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include "ssereader.h"
#include "streamrecord.h"

/// Keeps what a reader emits, in order, without QSignalSpy's QVariant round trips: every
/// record, and the views on them the reader tests ask about. Shared by tst_ssereader,
/// tst_hostilenetwork and the GUI tests.
struct ReaderRecorder
{
    using Kind = StreamRecord::Kind;

    explicit ReaderRecorder(SseReader *reader)
    {
        QObject::connect(reader, &SseReader::eventReceived, reader,
                         [this](const SseEvent &event) { events.append(event); });
        QObject::connect(reader, &SseReader::recordReceived, reader,
                         [this](const StreamRecord &record) { add(record); });
    }

    /// The records of one kind, in order.
    QList<StreamRecord> recordsOf(Kind kind) const
    {
        QList<StreamRecord> result;
        std::copy_if(records.cbegin(), records.cend(), std::back_inserter(result),
                     [kind](const StreamRecord &record) { return record.kind == kind; });
        return result;
    }
    qsizetype count(Kind kind) const
    {
        return std::count_if(records.cbegin(), records.cend(),
                             [kind](const StreamRecord &record) { return record.kind == kind; });
    }
    /// The kinds of all records in order, e.g. {Connecting, Open, Error, Reconnecting, …}.
    QList<Kind> kinds() const
    {
        QList<Kind> result;
        for (const StreamRecord &record : records)
            result.append(record.kind);
        return result;
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

    QList<StreamRecord> records; ///< Everything but events.
    QList<SseEvent> events;
    QList<SseError> errors; ///< From the Error records.
    QList<int> attempts; ///< From the Reconnecting records: attempts since the last Open.
    QList<int> policyAttempts; ///< From the Reconnecting records: the policy's count.
    QList<qint64> delays;
    QStringList lastEventIds; ///< The ids the Reconnecting records say the next attempt sends.
    QList<int> connections; ///< From the Connecting records.
    QStringList connectingIds; ///< The Last-Event-ID each Connecting record says was sent.
    QList<int> retries; ///< From the Retry records.
    QStringList comments;
    int openedCount = 0;
    int closedCount = 0;

private:
    void add(const StreamRecord &record)
    {
        records.append(record);
        switch (record.kind) {
        case Kind::Connecting:
            connections.append(record.connection);
            connectingIds.append(record.lastEventId);
            break;
        case Kind::Open:
            ++openedCount;
            break;
        case Kind::Error:
            errors.append(record.error);
            break;
        case Kind::Reconnecting:
            attempts.append(record.attempt);
            policyAttempts.append(record.policyAttempt);
            delays.append(record.delayMs);
            lastEventIds.append(record.lastEventId);
            break;
        case Kind::Retry:
            retries.append(int(record.retryMs));
            break;
        case Kind::Comment:
            comments.append(record.text);
            break;
        case Kind::Closed:
            ++closedCount;
            break;
        default:
            break;
        }
    }
};
