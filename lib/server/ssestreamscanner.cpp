// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "ssestreamscanner.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include <QList>

namespace {

// Chunk-size lines and trailer lines are short; a longer one is not HTTP framing.
constexpr qsizetype MaximumFramingLine = 4096;

QByteArrayView trimmed(QByteArrayView bytes)
{
    return bytes.trimmed();
}

// The value of a header in a complete head (case-insensitive name), or a null view.
QByteArray headerValue(const QList<QByteArrayView> &lines, QByteArrayView name)
{
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        if (trimmed(line.first(colon)).compare(name, Qt::CaseInsensitive) == 0)
            return trimmed(line.sliced(colon + 1)).toByteArray();
    }
    return {};
}

} // namespace

std::optional<qsizetype> SseStreamScanner::scan(QByteArrayView bytes, bool findCut)
{
    qsizetype offset = 0;
    while (offset < bytes.size()) {
        const QByteArrayView rest = bytes.sliced(offset);
        switch (m_state) {
        case State::Opaque:
            return std::nullopt;
        case State::ResponseHead:
            offset += consumeHead(rest);
            break;
        case State::ChunkSizeLine:
        case State::ChunkDataEnd:
        case State::Trailers:
            offset += consumeFramingLine(rest);
            break;
        case State::LengthBody:
        case State::ChunkData:
        case State::BodyUntilClose: {
            const qsizetype size = m_state == State::BodyUntilClose
                    ? rest.size()
                    : qsizetype(std::min<qint64>(m_remaining, rest.size()));
            const QByteArrayView body = rest.first(size);
            qsizetype used = size;
            std::optional<qsizetype> cut;
            if (m_events) {
                cut = scanEvents(body, findCut);
                if (cut)
                    used = *cut;
            }
            offset += used;
            if (m_state != State::BodyUntilClose) {
                m_remaining -= used;
                if (m_remaining == 0) {
                    if (m_state == State::ChunkData)
                        m_state = State::ChunkDataEnd;
                    else
                        endResponse();
                }
            }
            if (cut)
                return offset;
            break;
        }
        }
    }
    return std::nullopt;
}

qsizetype SseStreamScanner::consumeHead(QByteArrayView bytes)
{
    // Only the bytes up to the head's end are taken; search the joint of old and new bytes too.
    const qsizetype searchFrom = std::max<qsizetype>(0, m_line.size() - 3);
    const qsizetype oldSize = m_line.size();
    m_line.append(bytes.first(std::min(bytes.size(), MaximumHeadBytes - oldSize + 1)));
    const qsizetype headEnd = [this, searchFrom] {
        const qsizetype crlf = m_line.indexOf("\r\n\r\n", searchFrom);
        const qsizetype lf = m_line.indexOf("\n\n", searchFrom);
        if (crlf < 0)
            return lf < 0 ? qsizetype(-1) : lf + 2;
        return lf < 0 || crlf + 4 <= lf + 2 ? crlf + 4 : lf + 2;
    }();
    if (headEnd < 0) {
        if (m_line.size() > MaximumHeadBytes
            || !QByteArrayView("HTTP/").startsWith(
                    m_line.first(std::min<qsizetype>(m_line.size(), 5))))
            m_state = State::Opaque;
        return bytes.size();
    }
    const QByteArray head = m_line.first(headEnd);
    m_line.clear();
    startBody(head);
    return headEnd - oldSize;
}

void SseStreamScanner::startBody(QByteArrayView head)
{
    QList<QByteArrayView> lines;
    for (qsizetype start = 0; start < head.size();) {
        qsizetype end = head.indexOf('\n', start);
        if (end < 0)
            end = head.size();
        QByteArrayView line = head.sliced(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.isEmpty())
            lines.append(line);
        start = end + 1;
    }
    // "HTTP/1.1 200 OK": the status code is the three digits after the first space.
    const QByteArrayView statusLine = lines.isEmpty() ? QByteArrayView() : lines.constFirst();
    bool ok = false;
    const int status = statusLine.size() >= 12 && statusLine.startsWith("HTTP/1.")
            ? statusLine.sliced(9, 3).toInt(&ok)
            : 0;
    if (!ok || status < 100) {
        m_state = State::Opaque;
        return;
    }
    if (status == 101) { // RFC 9110 §15.2.2: another protocol follows.
        m_state = State::Opaque;
        return;
    }
    if (status < 200 || status == 204 || status == 304) { // RFC 9112 §6.3: no body.
        m_state = State::ResponseHead;
        return;
    }
    const QByteArray encoding = headerValue(lines, "Content-Encoding").toLower();
    const bool encoded = !encoding.isEmpty() && encoding != "identity";
    m_events = !encoded
            && headerValue(lines, "Content-Type").toLower().startsWith("text/event-stream");
    m_lineLength = 0;
    m_afterCr = false;
    m_cutAfterCr = false;

    const QByteArray transferEncoding = headerValue(lines, "Transfer-Encoding").toLower();
    if (transferEncoding.contains("chunked")) {
        m_state = State::ChunkSizeLine;
    } else if (const QByteArray length = headerValue(lines, "Content-Length"); !length.isNull()) {
        m_remaining = length.toLongLong(&ok);
        if (!ok || m_remaining < 0)
            m_state = State::Opaque;
        else if (m_remaining == 0)
            endResponse();
        else
            m_state = State::LengthBody;
    } else {
        m_state = State::BodyUntilClose;
    }
    // An encoded event stream cannot be cut by its lines; following it further helps nobody.
    if (encoded && m_state != State::Opaque
        && headerValue(lines, "Content-Type").toLower().startsWith("text/event-stream"))
        m_state = State::Opaque;
}

qsizetype SseStreamScanner::consumeFramingLine(QByteArrayView bytes)
{
    const qsizetype lf = bytes.indexOf('\n');
    const qsizetype used = lf < 0 ? bytes.size() : lf + 1;
    m_line.append(bytes.first(lf < 0 ? bytes.size() : lf));
    if (m_line.size() > MaximumFramingLine) {
        m_state = State::Opaque;
        return bytes.size();
    }
    if (lf < 0)
        return used;
    QByteArray line = m_line;
    m_line.clear();
    if (line.endsWith('\r'))
        line.chop(1);

    switch (m_state) {
    case State::ChunkDataEnd: // RFC 9112 §7.1: chunk-data CRLF.
        if (!line.isEmpty())
            m_state = State::Opaque;
        else
            m_state = State::ChunkSizeLine;
        break;
    case State::ChunkSizeLine: {
        const qsizetype extension = line.indexOf(';');
        bool ok = false;
        const QByteArray size = (extension < 0 ? line : line.first(extension)).trimmed();
        m_remaining = size.toLongLong(&ok, 16);
        if (!ok || m_remaining < 0)
            m_state = State::Opaque;
        else
            m_state = m_remaining == 0 ? State::Trailers : State::ChunkData;
        break;
    }
    case State::Trailers:
        if (line.isEmpty())
            endResponse();
        break;
    default:
        break;
    }
    return used;
}

void SseStreamScanner::endResponse()
{
    m_state = State::ResponseHead;
    m_events = false;
    m_remaining = 0;
    m_line.clear();
}

std::optional<qsizetype> SseStreamScanner::scanEvents(QByteArrayView bytes, bool findCut)
{
    const char *data = bytes.data();
    const qsizetype size = bytes.size();
    qsizetype position = 0;
    // memchr runs vectorised, so a line costs a few instructions whatever its length; the next
    // CR is remembered, as most streams have none at all.
    qsizetype nextCr = -1;
    while (position < size) {
        if (m_afterCr) {
            m_afterCr = false;
            if (data[position] == '\n')
                ++position;
            if (std::exchange(m_cutAfterCr, false) && findCut)
                return position;
            continue;
        }
        if (nextCr < position) {
            const void *cr = std::memchr(data + position, '\r', size_t(size - position));
            nextCr = cr ? static_cast<const char *>(cr) - data : size;
        }
        const void *lf = std::memchr(data + position, '\n', size_t(nextCr - position));
        const qsizetype end = lf ? static_cast<const char *>(lf) - data : nextCr;
        if (m_lineLength < PrefixSize) {
            const qsizetype copied = std::min(PrefixSize - m_lineLength, end - position);
            std::memcpy(m_prefix + m_lineLength, data + position, size_t(copied));
        }
        m_lineLength += end - position;
        if (end == size)
            return std::nullopt;

        qsizetype after = end + 1;
        const bool cutHere = findCut && lineIsCutField();
        if (data[end] == '\r') {
            if (after < size) {
                if (data[after] == '\n')
                    ++after;
            } else {
                // Whether an LF completes this line end is only known from the next byte; the
                // cut waits for it, so it never falls between the CR and the LF of a CRLF.
                m_afterCr = true;
                m_cutAfterCr = cutHere;
                m_lineLength = 0;
                return std::nullopt;
            }
        }
        m_lineLength = 0;
        position = after;
        if (cutHere)
            return after;
    }
    return std::nullopt;
}

bool SseStreamScanner::lineIsCutField() const
{
    const QByteArrayView prefix(m_prefix, std::min(m_lineLength, PrefixSize));
    for (QByteArrayView name :
         { QByteArrayView("data"), QByteArrayView("id"), QByteArrayView("event") }) {
        // HTML §9.2.6: a line without a colon is a field with an empty value.
        if (prefix.startsWith(name)
            && (m_lineLength == name.size() || prefix.at(name.size()) == ':'))
            return true;
    }
    return false;
}
