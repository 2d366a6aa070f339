// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QByteArray>
#include <QByteArrayView>

/// Follows the server → client bytes of one plain HTTP/1.1 connection, response after response
/// (Content-Length, chunked and close-delimited bodies, 1xx/204/304 without one), and the SSE
/// lines inside `text/event-stream` bodies, to find where an event is half delivered: right
/// after the line end of its first `id`, `event` or `data` field, before its blank line (a CR
/// that ends a read waits for the next byte, so a CRLF is never split). The
/// FaultProxy's CutMidEvent fault closes the connection there. QtCore only, no I/O.
///
/// The scanner gives up for good ("opaque") on anything it cannot read: bytes that are not an
/// HTTP/1.x response (TLS, another protocol), a protocol switch (101), an encoded body
/// (Content-Encoding), or a malformed head or chunk. Responses to HEAD requests are not told
/// apart (the scanner never sees the requests), so a HEAD answered with a Content-Length
/// misleads it; an event stream is never fetched that way.
class SseStreamScanner
{
public:
    /// Longest response head or chunk-size line followed before giving up.
    static constexpr qsizetype MaximumHeadBytes = 64 * 1024;

    /// Follows the next `bytes` on the connection. With findCut, stops at the first mid-event cut
    /// point and returns how many of the bytes come before it (the state then stands right there,
    /// and the rest is not consumed); otherwise, or when there is none, consumes everything and
    /// returns nullopt.
    std::optional<qsizetype> scan(QByteArrayView bytes, bool findCut);

    /// Whether the scanner has given up; no cut point is ever found after that.
    bool isOpaque() const { return m_state == State::Opaque; }
    /// Whether the bytes scanned last are inside a `text/event-stream` body.
    bool isInEventStream() const { return m_events && m_state != State::ResponseHead; }

private:
    enum class State {
        ResponseHead,
        LengthBody,
        ChunkSizeLine,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        BodyUntilClose,
        Opaque,
    };

    /// Consumes head bytes; returns how many were used (the rest belongs to the body).
    qsizetype consumeHead(QByteArrayView bytes);
    void startBody(QByteArrayView head);
    /// Consumes one line of a chunked framing state; returns the bytes used.
    qsizetype consumeFramingLine(QByteArrayView bytes);
    void endResponse();
    /// Scans body bytes of an event stream; returns the cut offset when findCut found one.
    std::optional<qsizetype> scanEvents(QByteArrayView bytes, bool findCut);
    /// Whether the line just ended starts a cut: an `id`, `event` or `data` field.
    bool lineIsCutField() const;

    State m_state = State::ResponseHead;
    QByteArray m_line; ///< The head, or a chunk-size/trailer line, collected so far.
    qint64 m_remaining = 0; ///< Bytes left in a Content-Length body or the current chunk.
    bool m_events = false; ///< The current body is an event stream.

    // SSE line state (HTML §9.2.6: CR, LF and CRLF all end a line).
    static constexpr qsizetype PrefixSize = 6; ///< Enough for "event:".
    char m_prefix[PrefixSize] = {};
    qsizetype m_lineLength = 0;
    bool m_afterCr = false; ///< The last byte was a CR: an LF right after it is the same line end.
    bool m_cutAfterCr = false; ///< That CR ended a cut line: cut after the possible LF.
};
