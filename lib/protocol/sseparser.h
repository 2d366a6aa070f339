// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

#include "sseevent.h"

/// Incremental WHATWG "text/event-stream" parser: bytes in, events out. No I/O, not a QObject.
/// SseEvent::rawSize counts every line of the block (comments and ignored fields included)
/// with its line end, but not the terminating blank line nor a leading BOM.
class SseParser
{
public:
    static constexpr qsizetype DefaultMaximumEventSize = 16 * 1024 * 1024;

    /// Receives everything the parser finds, in stream order.
    class Sink
    {
    public:
        virtual ~Sink() = default;
        virtual void event(SseEvent &&event) = 0;
        /// A comment line (`:` removed, nothing else stripped), e.g. a heartbeat. The view is
        /// valid during the call only.
        virtual void comment(QStringView text) { Q_UNUSED(text); }
        /// A valid `retry:` field (one or more ASCII digits), in milliseconds; a value too big
        /// for qint64 is clamped to std::numeric_limits<qint64>::max() rather than ignored.
        virtual void retry(qint64 milliseconds) { Q_UNUSED(milliseconds); }
        /// An event (or a line) grew past maximumEventSize(); it is discarded up to its blank line.
        /// `bytes` is how much of it had arrived when the cap fired. Fields of that block (its
        /// `id:` too) are dropped with it; a `retry:` already seen was already reported.
        virtual void eventTooLarge(qint64 bytes) { Q_UNUSED(bytes); }
    };

    SseParser();

    /// The Encoding Standard's UTF-8 decode without BOM handling: each maximal invalid subpart
    /// becomes one U+FFFD (QString::fromUtf8 gives one per byte of an unfinished sequence).
    static QString utf8Decode(QByteArrayView bytes);

    /// Feeds the next chunk of the stream; the chunk may be split anywhere.
    void feed(QByteArrayView chunk, Sink &sink);
    /// Convenience form: returns the events only (comments, retry and diagnostics dropped).
    QList<SseEvent> feed(QByteArrayView chunk);

    /// End of stream: an unterminated event is discarded, as the spec says. Returns whether
    /// anything (a partial line or a partial event) was discarded. Then behaves like reset().
    bool finish();
    /// Prepares for a new connection: drops partial line/event state and expects a new BOM.
    /// Keeps the last event id, the sequence counter and the size cap.
    void reset();

    /// The last event id in force: set by a block's accepted `id:` when that block's blank
    /// line arrives (HTML §9.2.6 dispatch step 1), even if the block had no data.
    QString lastEventId() const;
    /// Sets the id to start from (e.g. the user's initial Last-Event-ID).
    void setLastEventId(const QString &id);

    /// The cap on one event: its buffered data bytes plus its current line's bytes (so a single
    /// endless line is caught too). Past it, Sink::eventTooLarge and the event is skipped.
    qsizetype maximumEventSize() const { return m_maximumEventSize; }
    void setMaximumEventSize(qsizetype bytes) { m_maximumEventSize = bytes; }

    /// Number of events dispatched so far.
    quint64 eventCount() const { return m_sequence; }

    /// Bytes held for the current incomplete line and event (bounded by maximumEventSize()).
    qsizetype bufferedBytes() const;
    /// Whether an oversized event is being discarded up to its terminating blank line.
    bool isSkippingOversizedEvent() const { return m_skipping; }

private:
    void consume(const char *begin, const char *end, Sink &sink);
    const char *consumeInChunk(const char *begin, const char *end, Sink &sink);
    void consumeIncompleteLine(const char *begin, const char *end, Sink &sink);
    void processLine(const char *line, qsizetype length, bool inChunk, Sink &sink);
    QStringView decodeComment(const char *text, qsizetype size);
    void appendData(const char *value, qsizetype length);
    void dispatch(Sink &sink);
    QByteArrayView commitBlockId();
    const QString &currentLastEventId();
    void resetBlock();
    void materializeViews();
    void materializeDataView();
    char *growData(qsizetype extra);
    void startSkipping(qint64 bytes, Sink &sink);
    qsizetype pendingDataSize() const;

    // The dispatched "last event ID string" (HTML §9.2.6), which the reader sends back. When
    // m_lastEventIdMoved is set, the decoded string went to the event that carried it (so
    // neither side pays for sharing it) and m_lastEventIdBytes holds it still undecoded.
    QString m_lastEventId;
    QByteArray m_lastEventIdBytes;
    // ...or, until the end of the feed() call, in place in the chunk.
    const char *m_lastEventIdView = nullptr;
    qsizetype m_lastEventIdViewSize = 0;
    // The block's pending "last event ID buffer" (HTML §9.2.6) as raw bytes, decoded only
    // when the block's blank line arrives: either in place in the chunk being fed, or copied
    // to m_idBytes.
    QByteArray m_idBytes;
    const char *m_idView = nullptr;
    qsizetype m_idViewSize = 0;
    // A one-entry cache of the decoded event type, so that a stream repeating one `event:`
    // name never allocates for it; m_hasType says the block's type buffer is that entry.
    QByteArray m_cachedTypeBytes;
    QString m_cachedType;
    // The data buffer as raw UTF-8, lines joined with LF (no trailing LF), in the first
    // m_dataSize bytes of m_dataBuffer. While the block's
    // only data line lies inside the chunk being fed, it is referenced in place instead.
    QByteArray m_dataBuffer;
    qsizetype m_dataSize = 0;
    const char *m_dataView = nullptr;
    qsizetype m_dataViewSize = 0;
    // The decoded text of the comment being reported (Sink::comment gets a view of it).
    QString m_commentText;
    // The incomplete last line of the previous chunk (never a line end inside).
    QByteArray m_lineBuffer;
    qint64 m_blockRawSize = 0;
    qsizetype m_maximumEventSize = DefaultMaximumEventSize;
    quint64 m_sequence = 0;
    int m_bomMatched = 0; // bytes of a leading BOM seen so far; -1 once decided
    bool m_hasData = false;
    bool m_hasType = false;
    bool m_blockHasId = false;
    bool m_lastEventIdMoved = false;
    bool m_skipLf = false; // the previous chunk ended with CR: a leading LF belongs to it
    bool m_skipLfCounts = false; // ...and that LF counts towards the current block's rawSize
    bool m_skipping = false; // discarding an oversized event up to its blank line
    bool m_skipAtLineStart = false; // while skipping: nothing seen yet on the current line
};
