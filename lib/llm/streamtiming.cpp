// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "streamtiming.h"

#include <algorithm>
#include <cmath>

namespace {

// Rates are shown, not computed with: one decimal is what a reader compares.
double roundedRate(double count, qint64 milliseconds)
{
    if (milliseconds <= 0)
        return -1;
    return std::round(count * 1000.0 / double(milliseconds) * 10.0) / 10.0;
}

} // namespace

void StreamTiming::start(const QDateTime &requestSent)
{
    *this = StreamTiming();
    m_requestSent = requestSent;
}

qint64 StreamTiming::sinceRequest(const QDateTime &at) const
{
    if (!m_requestSent.isValid() || !at.isValid())
        return -1;
    // The wall clock may step back (NTP) between two records: never a negative duration.
    return std::max<qint64>(0, m_requestSent.msecsTo(at));
}

void StreamTiming::addHeaders(const QDateTime &at, qint64 headersMs)
{
    m_headersMs = headersMs >= 0 ? headersMs : sinceRequest(at);
}

void StreamTiming::addBodyRecord(const QDateTime &at)
{
    if (m_firstByteMs < 0)
        m_firstByteMs = sinceRequest(at);
}

void StreamTiming::addEvent(const QDateTime &at, qsizetype textCharacters)
{
    addBodyRecord(at);
    if (m_lastEvent.isValid()) {
        const qint64 gap = std::max<qint64>(0, m_lastEvent.msecsTo(at));
        if (gap < FineGaps)
            ++m_fineGaps[std::size_t(gap)];
        else
            m_longGaps.append(gap);
        ++m_gapCount;
        m_maxGap = std::max(m_maxGap, gap);
    } else {
        m_firstEvent = at;
    }
    m_lastEvent = at;
    ++m_chunks;
    if (textCharacters > 0) {
        if (!m_firstText.isValid())
            m_firstText = at;
        m_lastText = at;
        ++m_textChunks;
        m_textCharacters += textCharacters;
    }
}

void StreamTiming::end(const QDateTime &at)
{
    if (!m_end.isValid())
        m_end = at;
}

qint64 StreamTiming::percentile(int percent) const
{
    if (m_gapCount == 0)
        return -1;
    // Nearest rank: the smallest gap with at least percent % of the gaps at or below it.
    const qint64 rank = std::max<qint64>(1, (m_gapCount * percent + 99) / 100);
    qint64 seen = 0;
    for (int gap = 0; gap < FineGaps; ++gap) {
        seen += m_fineGaps[std::size_t(gap)];
        if (seen >= rank)
            return gap;
    }
    QList<qint64> longGaps = m_longGaps;
    std::sort(longGaps.begin(), longGaps.end());
    return longGaps.at(std::min<qsizetype>(rank - seen - 1, longGaps.size() - 1));
}

StreamSummary::Timing StreamTiming::result() const
{
    StreamSummary::Timing timing;
    timing.headersMs = m_headersMs;
    timing.firstByteMs = m_firstByteMs;
    timing.firstTokenMs = sinceRequest(m_firstText);
    timing.totalMs = sinceRequest(m_end.isValid() ? m_end : m_lastEvent);
    timing.chunks = m_chunks;
    timing.textChunks = m_textChunks;
    if (m_chunks > 1)
        timing.chunksPerSecond =
                roundedRate(double(m_chunks - 1), m_firstEvent.msecsTo(m_lastEvent));
    if (m_textChunks > 1)
        timing.charactersPerSecond =
                roundedRate(double(m_textCharacters), m_firstText.msecsTo(m_lastText));
    timing.gapMedianMs = percentile(50);
    timing.gapP99Ms = percentile(99);
    timing.gapMaxMs = m_maxGap;
    if (m_gapCount > 0) {
        const auto &bounds = StreamSummary::GapBucketBoundsMs;
        timing.gapHistogram.fill(0, qsizetype(bounds.size()) + 1);
        const auto bucketOf = [&bounds](qint64 gap) {
            return qsizetype(std::upper_bound(bounds.begin(), bounds.end(), gap) - bounds.begin());
        };
        for (int gap = 0; gap < FineGaps; ++gap) {
            if (m_fineGaps[std::size_t(gap)] != 0)
                timing.gapHistogram[bucketOf(gap)] += m_fineGaps[std::size_t(gap)];
        }
        for (const qint64 gap : m_longGaps)
            ++timing.gapHistogram[bucketOf(gap)];
    }
    return timing;
}
