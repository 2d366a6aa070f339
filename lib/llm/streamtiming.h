// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <array>

#include <QDateTime>
#include <QList>

#include "streamsummary.h"

/// Times one connection of a stream from its records: time to the response head, to the first
/// body byte and the first token, the total, the gaps between events (median, p99, maximum and a
/// histogram), events and characters per second. Pure arithmetic on the records' timestamps
/// (millisecond precision, as records keep them): no clock of its own, so tests feed times.
///
/// Gaps are kept exactly at millisecond resolution up to a second and one by one beyond, so the
/// percentiles are exact and memory stays bounded however long a fast stream runs.
class StreamTiming
{
public:
    /// A new connection: its request was sent at `requestSent` (the Connecting record's time).
    void start(const QDateTime &requestSent);
    /// The response head arrived `headersMs` after the request (-1: derive it from `at`).
    void addHeaders(const QDateTime &at, qint64 headersMs);
    /// A body record that is not an event (comment, retry, oversized event): a first byte.
    void addBodyRecord(const QDateTime &at);
    /// An event; `textCharacters` > 0 when it carried words of the answer or the reasoning.
    void addEvent(const QDateTime &at, qsizetype textCharacters);
    /// The connection ended (or watching stopped) at `at`.
    void end(const QDateTime &at);

    bool isStarted() const { return m_requestSent.isValid(); }
    /// The figures so far.
    StreamSummary::Timing result() const;
    /// When the first and the last event with text arrived (invalid when none did).
    QDateTime firstTextAt() const { return m_firstText; }
    QDateTime lastTextAt() const { return m_lastText; }

private:
    qint64 sinceRequest(const QDateTime &at) const;
    qint64 percentile(int percent) const;

    static constexpr int FineGaps = 1024; ///< Gaps below this many ms are counted per ms.

    QDateTime m_requestSent;
    QDateTime m_firstEvent;
    QDateTime m_lastEvent;
    QDateTime m_firstText;
    QDateTime m_lastText;
    QDateTime m_end;
    qint64 m_headersMs = -1;
    qint64 m_firstByteMs = -1;
    qint64 m_chunks = 0;
    qint64 m_textChunks = 0;
    qint64 m_textCharacters = 0;
    std::array<qint64, FineGaps> m_fineGaps {};
    QList<qint64> m_longGaps; ///< Gaps of a second and more, as they came.
    qint64 m_gapCount = 0;
    qint64 m_maxGap = -1;
};
