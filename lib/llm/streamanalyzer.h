// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

#include "deltaassembler.h"
#include "profiledetector.h"
#include "sseevent.h"
#include "streamprofile.h"
#include "streamrecord.h"
#include "streamsummary.h"
#include "streamtiming.h"

/// Turns a stream's records and events into a StreamSummary of its last connection that opened:
/// the profile (chosen, or detected by ProfileDetector), the merged answer (DeltaAssembler), the
/// timing from the request on (StreamTiming), the outcome and the warnings. A sink of SseReader's
/// two signals, or of a recording read back: records in, a summary out; no clock, no I/O.
///
/// Warnings (StreamSummary::WarningId), each with an English sentence:
/// - error-event: an error event after HTTP 200 (a streamError record, or the profile's error
///   shape in an event);
/// - missing-end-marker: the connection ended, cleanly or cut, without the end marker its
///   profile sends last;
/// - token-limit: the finish reason says the answer hit the token limit;
/// - missing-usage: a complete stream of a profile that reports usage carried none;
/// - buffered-answer: at least BufferedMinimumChunks events with text, the first after at least
///   BufferedWaitMs, all within BufferedSpreadMs and less than BufferedMeanGapMs apart on average
///   (a model streams tokens tens of ms apart; a gateway that held them back releases them in
///   one or a few reads).
class StreamAnalyzer
{
public:
    static constexpr qint64 BufferedWaitMs = 1000;
    static constexpr qint64 BufferedSpreadMs = 100;
    static constexpr qint64 BufferedMeanGapMs = 5;
    static constexpr qint64 BufferedMinimumChunks = 3;

    explicit StreamAnalyzer(StreamProfile::Kind profile = StreamProfile::Kind::Auto,
                            const CustomProfile &custom = {});

    /// Any record; an Event record is taken like addEvent().
    void addRecord(const StreamRecord &record);
    /// One event (the reader's hot path signal).
    void addEvent(const SseEvent &event);

    /// Whether a connection opened: only then there is something to summarise.
    bool hasOpened() const { return m_connection > 0; }
    /// The connection the summary is about.
    int connection() const { return m_connection; }
    /// The profile in force (never Auto).
    StreamProfile::Kind profile() const { return m_detector.profile(); }
    /// Whether the stream is settled as a plain one (profile None): its events then only count
    /// for the timing, and a caller that wants no summary of it may stop feeding them.
    bool isPlainStream() const
    {
        return m_detector.isDecided() && m_detector.profile() == StreamProfile::Kind::None;
    }
    StreamSummary summary() const;
    /// summary() as a Summary record of connection().
    StreamRecord summaryRecord() const;

private:
    enum class End { Open, Completed, Stopped, Ended, Failed, StreamError };

    void finishConnection(End end, const QDateTime &at);

    ProfileDetector m_detector;
    DeltaAssembler m_assembler;
    StreamTiming m_timing;
    int m_pendingConnection = 0; ///< The last Connecting record's connection…
    QDateTime m_pendingSent; ///< …and when its request went out.
    int m_connection = 0;
    End m_end = End::Open;
    QString m_endMarker;
    QString m_streamError;
};
