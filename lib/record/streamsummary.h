// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <memory>

#include <QLatin1String>
#include <QList>
#include <QString>

/// What one connection of a stream amounted to: the merged answer of an LLM stream, its usage,
/// its timing and the warnings about it. The content of a Summary record, filled by a stream
/// analyzer (lib/llm StreamAnalyzer) from the records and events of that connection; plain
/// values, so a recording read back carries the same. Durations are whole milliseconds from
/// the moment the request was sent; -1 means "not measured".
struct StreamSummary
{
    /// One tool (function) call, its argument fragments joined.
    struct ToolCall
    {
        QString id; ///< The provider's id ("call_…", "toolu_…"), or the index as text.
        QString name;
        QString arguments; ///< The arguments as sent: usually JSON text.
        friend bool operator==(const ToolCall &, const ToolCall &) = default;
    };

    /// Token counts as the provider reported them; -1 = not reported.
    struct Usage
    {
        qint64 inputTokens = -1;
        qint64 outputTokens = -1;
        qint64 totalTokens = -1;
        qint64 reasoningTokens = -1; ///< Part of outputTokens where the provider says so.
        bool isKnown() const { return inputTokens >= 0 || outputTokens >= 0 || totalTokens >= 0; }
        friend bool operator==(const Usage &, const Usage &) = default;
    };

    /// The upper bounds (exclusive, ms) of the gap histogram's buckets; the last bucket holds
    /// everything from the last bound up, so there is one bucket more than bounds.
    static constexpr std::array<qint64, 7> GapBucketBoundsMs = { 10, 25, 50, 100, 250, 500, 1000 };

    struct Timing
    {
        qint64 headersMs = -1; ///< Request sent → response head.
        qint64 firstByteMs = -1; ///< Request sent → first body record (event, comment, retry).
        qint64 firstTokenMs = -1; ///< Request sent → first event that carried answer text.
        qint64 totalMs = -1; ///< Request sent → end of the connection (or the last record).
        qint64 chunks = 0; ///< Events on the connection.
        qint64 textChunks = 0; ///< Events that carried answer or reasoning text.
        /// Events per second from the first event to the last; -1 when they arrived together.
        double chunksPerSecond = -1;
        /// Characters of text and reasoning per second from the first token to the last; -1
        /// when they arrived together or there was none.
        double charactersPerSecond = -1;
        qint64 gapMedianMs = -1; ///< Between consecutive events.
        qint64 gapP99Ms = -1;
        qint64 gapMaxMs = -1;
        /// Gaps per bucket of GapBucketBoundsMs (empty when there was no gap).
        QList<qint64> gapHistogram;
        friend bool operator==(const Timing &, const Timing &) = default;
    };

    /// A stable identifier and an English sentence, like a finding.
    struct Warning
    {
        QString id;
        QString message;
        friend bool operator==(const Warning &, const Warning &) = default;
    };

    /// Stable warning identifiers.
    struct WarningId
    {
        /// The whole answer arrived at once after a long wait: something buffers the stream.
        static QLatin1String bufferedAnswer() { return QLatin1String("buffered-answer"); }
        /// The stream ended without the end marker its profile expects.
        static QLatin1String missingEndMarker() { return QLatin1String("missing-end-marker"); }
        /// The server reported an error inside a stream that had answered HTTP 200.
        static QLatin1String errorEvent() { return QLatin1String("error-event"); }
        /// The profile reports usage (token counts) and none arrived.
        static QLatin1String missingUsage() { return QLatin1String("missing-usage"); }
        /// The answer stopped at the token limit (finish reason "length", "max_tokens", …).
        static QLatin1String tokenLimit() { return QLatin1String("token-limit"); }
    };

    /// Stable outcome identifiers.
    struct Outcome
    {
        /// The end marker arrived (a built-in one, or the user's --until).
        static QLatin1String complete() { return QLatin1String("complete"); }
        /// The server reported an error inside the stream.
        static QLatin1String error() { return QLatin1String("error"); }
        /// The stream ended, cleanly or cut, without the end marker its profile expects.
        static QLatin1String truncated() { return QLatin1String("truncated"); }
        /// The stream ended; its profile has no end marker to expect.
        static QLatin1String ended() { return QLatin1String("ended"); }
        /// The connection failed before the stream ended (profile without an end marker).
        static QLatin1String failed() { return QLatin1String("failed"); }
        /// Watching stopped first: a limit or the user.
        static QLatin1String stopped() { return QLatin1String("stopped"); }
    };

    QString profile; ///< StreamProfile name: "openai-chat", …, "none".
    QString outcome; ///< An Outcome value.
    QString endMarker; ///< The end marker seen, e.g. "[DONE]"; empty when none.
    QString finishReason; ///< The provider's own stop reason ("stop", "end_turn", "STOP", …).
    QString text; ///< The answer: every text delta, joined.
    QString reasoning; ///< Reasoning ("thinking") deltas, joined, kept apart from the text.
    QList<ToolCall> toolCalls;
    Usage usage;
    Timing timing;
    QList<Warning> warnings;

    /// Whether a warning of that id is present.
    bool hasWarning(QLatin1String id) const
    {
        for (const Warning &warning : warnings) {
            if (warning.id == id)
                return true;
        }
        return false;
    }

    friend bool operator==(const StreamSummary &, const StreamSummary &) = default;
};

/// A StreamSummary shared between copies of a record (a record is handed to every sink), compared
/// by value. Null reads as an empty summary.
class SharedStreamSummary
{
public:
    SharedStreamSummary() = default;
    SharedStreamSummary(StreamSummary summary)
        : m_summary(std::make_shared<const StreamSummary>(std::move(summary)))
    {}

    bool isNull() const { return !m_summary; }
    const StreamSummary &operator*() const { return m_summary ? *m_summary : empty(); }
    const StreamSummary *operator->() const { return &**this; }

    friend bool operator==(const SharedStreamSummary &a, const SharedStreamSummary &b)
    {
        return a.m_summary == b.m_summary || *a == *b;
    }

private:
    static const StreamSummary &empty()
    {
        static const StreamSummary summary;
        return summary;
    }
    std::shared_ptr<const StreamSummary> m_summary;
};
