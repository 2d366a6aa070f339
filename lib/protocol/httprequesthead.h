// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <utility>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

/// The head of one HTTP/1.1 request (request line + header fields), parsed incrementally from
/// the bytes a server has received so far. QtCore only, no I/O: the server layer (demo server,
/// fault proxy) and the test servers share it, so they all accept and reject the same requests.
///
/// Rules (RFC 9112 unless noted): CRLF or bare LF line ends; empty lines before the request
/// line are ignored; a request line of exactly three space-separated parts; a token method;
/// an origin-form target (`/path?query`), an absolute-form one (`http://host/path`, what a
/// forward proxy receives) or, for CONNECT only, an authority-form one (`host:port`); an
/// `HTTP/1.x` version (other `HTTP/` versions: 505). Field lines are `token ":" value`; obsolete
/// line folding and a CR or NUL inside a value are rejected (400). Content-Length must be one
/// decimal number (repeats must agree), Transfer-Encoding is not supported (501: chunked request
/// bodies are not read), and the limits give 431 (head) and 413 (announced body).
class HttpRequestHead
{
public:
    using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

    /// How much a server accepts from one request.
    struct Limits
    {
        static constexpr qsizetype DefaultMaximumHeadBytes = 64 * 1024;
        static constexpr qint64 DefaultMaximumBodyBytes = 1024 * 1024;

        /// Bytes before the body, empty lines before the request line included (else 431).
        qsizetype maximumHeadBytes = DefaultMaximumHeadBytes;
        /// The largest Content-Length accepted (else 413).
        qint64 maximumBodyBytes = DefaultMaximumBodyBytes;
    };

    /// RFC 9112 §3.2: the form of the request target.
    enum class TargetForm {
        Origin, ///< `/path?query`: a request to this server.
        Absolute, ///< `scheme:...`, e.g. `http://host/path`: a request to a forward proxy.
        Authority, ///< `host:port`: CONNECT only.
    };

    enum class Status {
        Incomplete, ///< The head has not fully arrived yet and nothing is wrong so far.
        Complete, ///< head is valid; the body (if any) starts at head.size().
        Error, ///< Answer errorStatus with errorMessage and close.
    };

    struct ParseResult;

    /// Parses the start of `buffer`, which holds everything received so far on the connection
    /// (a chunk may end anywhere). Never reads past the head: the body is the caller's.
    static ParseResult parse(QByteArrayView buffer, const Limits &limits);
    /// parse() with the default Limits.
    static ParseResult parse(QByteArrayView buffer);

    QByteArray method() const { return m_method; }
    /// As sent, percent-encoding untouched.
    QByteArray target() const { return m_target; }
    TargetForm targetForm() const { return m_targetForm; }
    /// E.g. "HTTP/1.1".
    QByteArray version() const { return m_version; }
    /// Every field in arrival order, names as sent, values without surrounding whitespace.
    const HeaderList &headers() const { return m_headers; }
    /// The value of the first field of that name (case-insensitive); a null QByteArray if none.
    QByteArray header(QByteArrayView name) const;
    /// The announced body size; nullopt when the request has no Content-Length (no body).
    std::optional<qint64> contentLength() const { return m_contentLength; }
    /// Bytes of the head, its final empty line included: the body starts at this offset.
    qsizetype size() const { return m_size; }

    /// For an origin-form target: the part before `?`, still percent-encoded.
    QByteArray path() const;
    /// For an origin-form target: the part after the first `?` (empty if none).
    QByteArray query() const;

private:
    QByteArray m_method;
    QByteArray m_target;
    QByteArray m_version;
    HeaderList m_headers;
    std::optional<qint64> m_contentLength;
    qsizetype m_size = 0;
    TargetForm m_targetForm = TargetForm::Origin;
};

/// What HttpRequestHead::parse() found; `head` is filled in only when Complete.
struct HttpRequestHead::ParseResult
{
    Status status = Status::Incomplete;
    HttpRequestHead head;
    int errorStatus = 0; ///< 400, 413, 431, 501 or 505 when status is Error.
    QString errorMessage; ///< One English sentence for the response body and logs.
};
