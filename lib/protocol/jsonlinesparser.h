// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include "sseevent.h"
#include "sseparser.h"

/// Incremental parser of JSON-lines bodies, the sibling of SseParser for streams that are not
/// `text/event-stream`: NDJSON (`application/x-ndjson`, Ollama's native API), JSON Lines
/// (`application/jsonl`) and JSON text sequences (`application/json-seq`, RFC 7464). One record is
/// one event: its data is the record's text, its type "message", and it has no id. It reports
/// through the same SseParser::Sink, so a reader, its records, filters and exports treat both
/// kinds of stream alike. No I/O, not a QObject.
///
/// SseEvent::rawSize counts the record's bytes with its line end (and RS). Blank lines are
/// skipped, a leading UTF-8 BOM is dropped, bad UTF-8 becomes U+FFFD as in SSE.
class JsonLinesParser
{
public:
    enum class Framing {
        /// NDJSON and JSON Lines: a record ends at LF; a CR before it is dropped.
        Lines,
        /// RFC 7464: each record starts with RS (0x1E) and may span lines; it is complete at the
        /// next RS, or at a LF that closes its JSON value, so a stream is not one record behind.
        RecordSeparator,
    };

    /// The framing a response's Content-Type asks for (parameters and case ignored), or
    /// nullopt when it is not a JSON-lines type.
    static std::optional<Framing> framingFor(QByteArrayView contentType);

    explicit JsonLinesParser(Framing framing = Framing::Lines);

    Framing framing() const { return m_framing; }

    /// Feeds the next chunk of the body; the chunk may be split anywhere.
    void feed(QByteArrayView chunk, SseParser::Sink &sink);
    /// Convenience form: returns the events only.
    QList<SseEvent> feed(QByteArrayView chunk);
    /// The body ended cleanly. Unlike SSE, a last record without its line end is complete (many
    /// producers omit the final LF), so it is dispatched. Returns whether one was; then resets.
    bool finish(SseParser::Sink &sink);
    /// Prepares for a new body: a partial record is dropped. Keeps the counter and the size cap.
    void reset();

    /// The cap on one record; past it Sink::eventTooLarge and the record is skipped.
    qsizetype maximumEventSize() const { return m_maximumEventSize; }
    void setMaximumEventSize(qsizetype bytes) { m_maximumEventSize = bytes; }

    /// Records dispatched so far.
    quint64 eventCount() const { return m_sequence; }

private:
    void feedLines(const char *p, const char *end, SseParser::Sink &sink);
    void feedRecords(const char *p, const char *end, SseParser::Sink &sink);
    void append(const char *p, qsizetype size, SseParser::Sink &sink);
    void dispatch(QByteArrayView record, qint64 rawSize, SseParser::Sink &sink);
    void dispatchBuffered(SseParser::Sink &sink);

    Framing m_framing;
    QByteArray m_buffer; ///< The record so far (Lines: without its line end).
    qint64 m_bufferRawSize = 0; ///< Bytes of the record on the wire so far.
    qsizetype m_maximumEventSize = SseParser::DefaultMaximumEventSize;
    quint64 m_sequence = 0;
    int m_bomMatched = 0; ///< Bytes of a leading BOM seen so far; -1 once decided.
    bool m_skipping = false; ///< Discarding an oversized record up to its end.
    // RecordSeparator: where the JSON value of the current record stands, so that the LF that
    // closes it completes the record.
    int m_depth = 0;
    bool m_inString = false;
    bool m_escaped = false;
    bool m_hasValue = false;
};
