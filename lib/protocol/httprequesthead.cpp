// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "httprequesthead.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

bool isTokenChar(char c)
{
    // RFC 9110 §5.6.2 tchar.
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

bool isControl(char c)
{
    return (uchar(c) < 0x20) || c == 0x7f;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Strict non-negative decimal: no sign, no spaces, fits in qint64.
std::optional<qint64> parseUnsigned(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (char c : text) {
        if (!isDigit(c))
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

// RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ":" and the rest.
bool isAbsoluteForm(QByteArrayView target)
{
    const qsizetype colon = target.indexOf(':');
    if (colon <= 0 || colon + 1 >= target.size() || !isAlpha(target.front()))
        return false;
    return std::all_of(target.begin(), target.begin() + colon, [](char c) {
        return isAlpha(c) || isDigit(c) || c == '+' || c == '-' || c == '.';
    });
}

// RFC 9112 §3.2.3: authority-form = uri-host ":" port. CONNECT needs a real port, so the
// port must be 1-5 digits up to 65535; an IPv6 host comes in brackets.
bool isAuthorityForm(QByteArrayView target)
{
    qsizetype hostEnd = 0;
    if (target.startsWith('[')) {
        hostEnd = target.indexOf(']') + 1;
        if (hostEnd <= 2)
            return false;
    } else {
        hostEnd = target.lastIndexOf(':');
        if (hostEnd <= 0)
            return false;
        for (char c : target.first(hostEnd)) {
            if (QByteArrayView(":/?#@[]").contains(c))
                return false;
        }
    }
    if (hostEnd >= target.size() || target.at(hostEnd) != ':')
        return false;
    const QByteArrayView port = target.sliced(hostEnd + 1);
    const auto number = port.size() <= 5 ? parseUnsigned(port) : std::nullopt;
    return number && *number <= 65535;
}

HttpRequestHead::ParseResult failure(int status, const QString &message)
{
    HttpRequestHead::ParseResult result;
    result.status = HttpRequestHead::Status::Error;
    result.errorStatus = status;
    result.errorMessage = message;
    return result;
}

} // namespace

HttpRequestHead::ParseResult HttpRequestHead::parse(QByteArrayView buffer)
{
    return parse(buffer, Limits {});
}

HttpRequestHead::ParseResult HttpRequestHead::parse(QByteArrayView buffer, const Limits &limits)
{
    // RFC 9112 §2.2: "a server that is expecting to receive and parse a request-line SHOULD
    // ignore at least one empty line (CRLF) received prior to the request-line".
    qsizetype start = 0;
    while (start < buffer.size()) {
        if (buffer.at(start) == '\n')
            start += 1;
        else if (buffer.at(start) == '\r' && start + 1 < buffer.size()
                 && buffer.at(start + 1) == '\n')
            start += 2;
        else
            break;
    }

    // The head ends at the first empty line; bare LF line ends are accepted as well (RFC 9112
    // §2.2 allows recipients to), in any mix with CRLF.
    qsizetype lastLineEnd = -1; // the LF that ends the last field line
    qsizetype size = -1;
    for (qsizetype lf = buffer.indexOf('\n', start); lf >= 0; lf = buffer.indexOf('\n', lf + 1)) {
        if (lf + 1 < buffer.size() && buffer.at(lf + 1) == '\n') {
            lastLineEnd = lf;
            size = lf + 2;
            break;
        }
        if (lf + 2 < buffer.size() && buffer.at(lf + 1) == '\r' && buffer.at(lf + 2) == '\n') {
            lastLineEnd = lf;
            size = lf + 3;
            break;
        }
    }
    if (size < 0) {
        // Once more than the limit arrived without an empty line, the head cannot fit any more.
        if (buffer.size() > limits.maximumHeadBytes)
            return failure(431, u"Request header section too large"_s);
        return {};
    }
    if (size > limits.maximumHeadBytes)
        return failure(431, u"Request header section too large"_s);

    QList<QByteArrayView> lines;
    for (qsizetype from = start; from <= lastLineEnd;) {
        const qsizetype lf = buffer.indexOf('\n', from);
        QByteArrayView line = buffer.sliced(from, lf - from);
        if (line.endsWith('\r'))
            line.chop(1);
        lines.append(line);
        from = lf + 1;
    }

    HttpRequestHead head;
    head.m_size = size;
    const QByteArrayView requestLine = lines.constFirst();
    const qsizetype firstSpace = requestLine.indexOf(' ');
    const qsizetype secondSpace = firstSpace < 0 ? -1 : requestLine.indexOf(' ', firstSpace + 1);
    if (secondSpace < 0 || requestLine.indexOf(' ', secondSpace + 1) >= 0
        || !isToken(requestLine.first(firstSpace))
        || std::any_of(requestLine.begin(), requestLine.end(), isControl))
        return failure(400, u"Malformed request line"_s);
    head.m_method = requestLine.first(firstSpace).toByteArray();
    head.m_target = requestLine.sliced(firstSpace + 1, secondSpace - firstSpace - 1).toByteArray();
    head.m_version = requestLine.sliced(secondSpace + 1).toByteArray();

    // RFC 9112 §3.2: the form follows from the method and the first byte.
    const QByteArrayView target = head.m_target;
    if (head.m_method == "CONNECT") {
        if (!isAuthorityForm(target))
            return failure(400, u"CONNECT needs a host:port request target"_s);
        head.m_targetForm = TargetForm::Authority;
    } else if (target.startsWith('/')) {
        head.m_targetForm = TargetForm::Origin;
    } else if (isAbsoluteForm(target)) {
        head.m_targetForm = TargetForm::Absolute;
    } else {
        return failure(400, u"Malformed request target"_s);
    }
    if (!head.m_version.startsWith("HTTP/1."))
        return failure(head.m_version.startsWith("HTTP/") ? 505 : 400,
                       u"Only HTTP/1.x is supported"_s);

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        // RFC 9112 §5.2: obsolete line folding (a line starting with whitespace) may be
        // rejected with 400; it fails the token check like any other malformed line.
        if (colon <= 0 || !isToken(line.first(colon)))
            return failure(400, u"Malformed header line"_s);
        const QByteArray name = line.first(colon).toByteArray();
        const QByteArray value = line.sliced(colon + 1).toByteArray().trimmed();
        // RFC 9110 §5.5: a recipient of CR or NUL in a field value must reject the message or
        // replace them; a proxy forwarding them as they are would let a request smuggle lines.
        if (value.contains('\r') || value.contains('\0'))
            return failure(400, u"Malformed header line"_s);
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            const auto length = parseUnsigned(value);
            if (!length || (head.m_contentLength && *head.m_contentLength != *length))
                return failure(400, u"Invalid Content-Length"_s);
            head.m_contentLength = length;
        } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            return failure(501, u"Transfer-Encoding is not supported; send Content-Length"_s);
        }
        head.m_headers.append({ name, value });
    }
    if (head.m_contentLength && *head.m_contentLength > limits.maximumBodyBytes)
        return failure(413, u"Request body too large"_s);

    ParseResult result;
    result.status = Status::Complete;
    result.head = std::move(head);
    return result;
}

QByteArray HttpRequestHead::header(QByteArrayView name) const
{
    for (const auto &[key, value] : m_headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray HttpRequestHead::path() const
{
    const qsizetype questionMark = m_target.indexOf('?');
    return questionMark < 0 ? m_target : m_target.left(questionMark);
}

QByteArray HttpRequestHead::query() const
{
    const qsizetype questionMark = m_target.indexOf('?');
    return questionMark < 0 ? QByteArray() : m_target.mid(questionMark + 1);
}
