// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "ssereader.h"

#include <QIODevice>
#include <QLocale>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QStringDecoder>
#if QT_CONFIG(ssl)
#include <QSslError>
#endif

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// Bounds what QNAM may hold for us between two readyRead passes: when the event loop is slow
// the HTTP layer stops reading the socket instead of growing its buffer without limit.
constexpr qint64 ReplyReadBufferSize = 1024 * 1024;
// One reused buffer per reader: reading into it costs one memcpy per chunk and no allocation.
constexpr qsizetype ReadChunkSize = 64 * 1024;
// How long a failed status's body may take to arrive before the connection fails without the
// rest of it: error pages are short, but a server may keep the socket open after one.
constexpr auto ErrorBodyWait = 1000ms;

ReconnectPolicy::Failure failureOf(ReconnectPolicy::FailureKind kind)
{
    ReconnectPolicy::Failure failure;
    failure.kind = kind;
    return failure;
}

bool isRedirectStatus(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool hasHeader(const SseReader::HeaderList &headers, QByteArrayView name)
{
    return std::any_of(headers.cbegin(), headers.cend(), [name](const auto &header) {
        return QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0;
    });
}

QString hostAndPort(const QUrl &url)
{
    const int port = url.port(url.scheme() == u"https"_s ? 443 : 80);
    return url.host() % u':' % QString::number(port);
}

// The proxy QNAM takes for url: the manager's own, else its factory's (or the application's)
// first choice. An error through a proxy must name it: otherwise it reads like the server's.
QNetworkProxy proxyFor(const QNetworkAccessManager &manager, const QUrl &url)
{
    const QNetworkProxy own = manager.proxy();
    if (own.type() != QNetworkProxy::DefaultProxy)
        return own;
    const QNetworkProxyQuery query(url);
    const QList<QNetworkProxy> proxies = manager.proxyFactory()
            ? manager.proxyFactory()->queryProxy(query)
            : QNetworkProxyFactory::proxyForQuery(query);
    return proxies.isEmpty() ? QNetworkProxy(QNetworkProxy::NoProxy) : proxies.constFirst();
}

bool isProxy(const QNetworkProxy &proxy)
{
    return proxy.type() == QNetworkProxy::HttpProxy || proxy.type() == QNetworkProxy::Socks5Proxy
            || proxy.type() == QNetworkProxy::HttpCachingProxy;
}

// "the proxy host:port", for error messages.
QString proxyName(const QNetworkProxy &proxy)
{
    return isProxy(proxy)
            ? u"the proxy "_s % proxy.hostName() % u':' % QString::number(proxy.port())
            : u"the proxy"_s;
}

QString proxyAuthenticationMessage(const QNetworkProxy &proxy)
{
    return proxyName(proxy)
            % u" requires authentication (HTTP 407 Proxy Authentication Required): no "
              "credentials were given, or they were refused"_s;
}

// Retry-After is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qlonglong seconds = trimmed.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? std::nullopt
                           : std::optional(std::chrono::milliseconds(seconds * 1000));
    const QDateTime date = QDateTime::fromString(QString::fromLatin1(trimmed), Qt::RFC2822Date);
    if (!date.isValid())
        return std::nullopt;
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(date);
    return std::chrono::milliseconds(std::max<qint64>(ms, 0));
}

// What Qt's HTTP layer would put in Accept-Language (qhttpnetworkconnection.cpp, Qt 6.4): set
// by the reader itself, so the Connecting record lists the exact value sent.
QByteArray systemAcceptLanguage()
{
    QString locale = QLocale::system().name();
    locale.replace(u'_', u'-');
    if (locale == u"C"_s)
        return QByteArrayLiteral("en,*");
    if (locale.startsWith(u"en-"_s))
        return locale.toLatin1() + ",*";
    return locale.toLatin1() + ",en,*";
}

bool isChunked(const QNetworkReply &reply)
{
    return reply.rawHeader(QByteArrayLiteral("Transfer-Encoding")).toLower().contains("chunked");
}

// The Content-Length the server sent: QNAM drops the header when it decodes a compressed body.
QByteArray contentLength(const QNetworkReply &reply)
{
    const QVariant original = reply.attribute(QNetworkRequest::OriginalContentLengthAttribute);
    return original.isValid() ? original.toByteArray()
                              : reply.rawHeader(QByteArrayLiteral("Content-Length"));
}

// Whether the response says where its body ends (chunked, or a Content-Length), so that a close
// before that point cuts it; otherwise the close itself ends the body.
bool hasFramedBody(const QNetworkReply &reply)
{
    return isChunked(reply) || !contentLength(reply).isEmpty();
}

// The request body as QNAM reads it, empty for a GET: a device QNAM may rewind only when the
// reader allows it, so that each attempt is exactly one request on the wire.
//
// Qt 6.4's HTTP/1 channel re-sends the request it is serving when the connection closes while
// the channel is not yet in its reading state (QHttpNetworkConnectionChannel::_q_error, case
// RemoteHostClosedError). A fast server puts the whole response, and the close, on the wire
// before the channel has noted that it sent the request; the channel then reads that response
// through a queued _q_receiveReply() without entering the reading state, and a close-delimited
// body (no Content-Length, not chunked: Python's http.server and many small servers) ends with
// a close that looks like a lost request. The copy goes out with the old Last-Event-ID while the
// first answer is delivered and finishes the reply, so its answer is dropped (measured: about a
// third of 200 `retry: 0` reconnects, tst_ssereader oneRequestPerAttempt). Every re-send first
// rewinds the upload data (resetUploadData()); a body that refuses fails it instead, and the
// reply ends with ContentReSendError (mapped in handleFinished()). A GET therefore carries an
// empty body, which Qt announces as "Content-Length: 0". Neither a "Connection: close" request
// header, a zero connection-cache expiry, a cache key per attempt nor a manager per attempt
// stops the copy: it is sent from the channel before the reply's finished() reaches the reader.
// Not covered: after a 301/302/303 QNAM follows with a plain GET without this body.
class OneShotBody final : public QIODevice
{
public:
    /// rewindable: allow rewinds until the first final response (an authentication challenge
    /// with URL credentials is answered by sending the request again).
    OneShotBody(const QByteArray &data, bool rewindable)
        : m_data(data)
        , m_rewindable(rewindable)
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }

    /// A response that is not a redirect reached the reader: no more rewinds for credentials.
    void endRewinds() { m_rewindable = false; }

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_data.size(); }
    bool seek(qint64 position) override
    {
        if (position < 0 || position > m_data.size() || (position < m_offset && !mayRewind()))
            return false;
        m_offset = position;
        return QIODevice::seek(position);
    }
    bool reset() override
    {
        if (!mayRewind())
            return false;
        m_offset = 0;
        return QIODevice::seek(0);
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = std::min(maxSize, m_data.size() - m_offset);
        std::memcpy(data, m_data.constData() + m_offset, size_t(count));
        m_offset += count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    bool mayRewind() const
    {
        if (m_rewindable)
            return true;
        // RFC 9110 §15.4.8: a 307 or 308 is followed with the same method and body, and QNAM
        // rewinds for it as soon as the redirect's head has been read, before redirected().
        const auto *reply = qobject_cast<const QNetworkReply *>(parent());
        const int status =
                reply ? reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
        return status == 307 || status == 308;
    }

    QByteArray m_data;
    qint64 m_offset = 0;
    bool m_rewindable = false;
};

} // namespace

SseReader::SseReader(QObject *parent)
    : SseReader(nullptr, parent)
{}

SseReader::SseReader(QNetworkAccessManager *manager, QObject *parent)
    : QObject(parent)
    , m_manager(manager ? manager : new QNetworkAccessManager(this))
{
    qRegisterMetaType<SseEvent>();
    qRegisterMetaType<SseError>();
    m_reconnectTimer.setSingleShot(true);
    m_reconnectTimer.setTimerType(Qt::PreciseTimer);
    m_idleTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &SseReader::startConnection);
    connect(&m_idleTimer, &QTimer::timeout, this, &SseReader::handleIdleCheck);
}

SseReader::~SseReader()
{
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        delete m_reply;
    }
}

void SseReader::setRequest(const Request &request)
{
    m_request = request;
    m_policy.setSettings(request.reconnect);
}

void SseReader::setLiveSettings(const ReconnectPolicy::Settings &reconnect,
                                std::chrono::milliseconds idleTimeout)
{
    m_request.reconnect = reconnect;
    m_policy.setSettings(reconnect); // keeps the server's retry: value
    m_request.idleTimeout = idleTimeout;
    if (!m_reply || idleTimeout <= 0ms) {
        m_idleTimer.stop();
        return;
    }
    // Measured from the last byte, as if the timeout had been in force all along.
    const qint64 left = std::max<qint64>(0, idleTimeout.count() - m_sinceLastByte.elapsed());
    m_idleTimer.start(std::chrono::milliseconds(left));
}

QDeadlineTimer SseReader::nextAttemptAt() const
{
    return m_reconnectTimer.isActive() ? m_nextAttemptAt : QDeadlineTimer(QDeadlineTimer::Forever);
}

bool SseReader::isOfflineSimulated() const
{
    return !m_offlineUntil.hasExpired();
}

void SseReader::open()
{
    if (m_feeding) {
        // The parser is on the stack (open() called from an eventReceived handler): it must not
        // be replaced under its own feet, so stop this connection now and restart afterwards.
        discardReply();
        QMetaObject::invokeMethod(this, &SseReader::open, Qt::QueuedConnection);
        return;
    }
    discardReply();
    m_reconnectTimer.stop();
    m_parser = SseParser();
    m_parser.setMaximumEventSize(m_request.maximumEventSize);
    m_parser.setLastEventId(m_request.lastEventId);
    m_endMarkers = EndMarkerDetector(m_request.profile);
    m_endMarkers.setUrl(m_request.url);
    // StreamRequestJson and the CLI refuse an invalid spec; here one simply matches nothing.
    m_until = m_request.until.isEmpty() ? std::nullopt : EventMatcher::parse(m_request.until);
    m_policy = ReconnectPolicy(m_request.reconnect);
    m_offlineUntil = QDeadlineTimer();
    m_lastError = SseError();
    m_nextDelay = ReconnectPolicy::Delay();
    m_finalUrl = m_request.url;
    m_httpStatus = 0;
    m_responseHeaders.clear();
    // m_connectionCount goes on: numbers stay unique across sessions of this reader.
    m_attempt = 0;
    m_attemptSinceOpen = 0;
    m_attemptTotal = 0;
    m_eventCount = 0;
    m_byteCount = 0;
    setState(State::Connecting);
    if (m_state != State::Connecting)
        return;
    startConnection();
}

void SseReader::close()
{
    closeWithReason(StreamRecord::CloseReason::closed());
}

void SseReader::closeWithReason(const QString &reason)
{
    if (m_state == State::Closed)
        return;
    finishClosed(reason);
}

void SseReader::reconnectNow()
{
    if (!m_reconnectTimer.isActive())
        return;
    m_reconnectTimer.stop();
    startConnection();
}

void SseReader::simulateDrop(DropMode mode, std::chrono::milliseconds offlineFor)
{
    if (m_state == State::Closed)
        return;
    if (mode == DropMode::Offline)
        m_offlineUntil = QDeadlineTimer(std::max(offlineFor, 0ms), Qt::PreciseTimer);
    if (!m_reply)
        return; // Waiting for a reconnect: the offline window (if any) catches the next attempt.

    SseError error;
    error.simulated = true;
    if (mode == DropMode::Abort) {
        error.kind = SseError::Kind::SimulatedDrop;
        error.message = u"connection reset (simulated)"_s;
    } else {
        error.kind = SseError::Kind::SimulatedOffline;
        error.message = u"network went offline for "_s % QString::number(offlineFor.count())
                % u" ms (simulated)"_s;
        error.detail = QString::number(offlineFor.count());
    }
    failConnection(error, failureOf(ReconnectPolicy::FailureKind::NetworkError));
}

void SseReader::startConnection()
{
    if (m_state == State::Closed)
        return;
    if (m_feeding) {
        // Called from a handler while the parser is mid-chunk; reset() must wait for it to return.
        m_reconnectTimer.start(0);
        return;
    }
    m_reconnectTimer.stop();
    discardReply();

    ++m_connectionCount;
    m_responseValidated = false;
    m_httpStatus = 0;
    m_responseHeaders.clear();
    m_finalUrl = m_request.url;
    // A partial event of the previous connection is discarded here, never dispatched.
    m_parser.reset();
    m_parser.setMaximumEventSize(m_request.maximumEventSize);
    m_jsonLines = false;
    const int connection = m_connectionCount;
    const QString lastEventId = m_parser.lastEventId();
    StreamRecord connecting;
    connecting.kind = StreamRecord::Kind::Connecting;
    connecting.method = QString::fromLatin1(m_request.method);
    connecting.url = StreamRecord::displayUrl(m_request.url);
    connecting.lastEventId = lastEventId;
    // Tells whether a handler of the Connecting record closed or restarted the reader.
    const auto announce = [&] {
        emitRecord(connecting);
        return m_state != State::Closed && connection == m_connectionCount;
    };

    const QUrl &url = m_request.url;
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.isRelative() || url.host().isEmpty()
        || (scheme != u"http"_s && scheme != u"https"_s)) {
        SseError error;
        error.kind = SseError::Kind::InvalidUrl;
        if (url.isEmpty())
            error.message = u"no URL given"_s;
        else if (!url.isValid())
            // QUrl's text ends with "; source was ..." and the parts, password included.
            error.message = u"invalid URL: "_s % url.errorString().section(u"; source was"_s, 0, 0);
        else if (url.isRelative())
            error.message = u"relative URL \""_s % url.toString(QUrl::RemovePassword)
                    % u"\" (expected an http:// or https:// URL)"_s;
        else if (scheme != u"http"_s && scheme != u"https"_s)
            error.message = u"unsupported URL scheme \""_s % url.scheme()
                    % u"\" (expected http or https)"_s;
        else
            error.message = u"invalid URL \""_s % url.toString(QUrl::RemovePassword)
                    % u"\" (needs a host)"_s;
        if (announce())
            failConnection(error, std::nullopt);
        return;
    }

    if (isOfflineSimulated()) {
        // Nothing goes on the wire, so the record lists no headers.
        if (!announce())
            return;
        SseError error;
        error.kind = SseError::Kind::SimulatedOffline;
        error.message = u"network unreachable (simulated)"_s;
        error.simulated = true;
        failConnection(error, failureOf(ReconnectPolicy::FailureKind::NetworkError));
        return;
    }

    QNetworkRequest request(url);
    // HTML §9.2.2: the request's redirect mode is "follow"; we refuse only https → http.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    // HTML §9.2.2: "Set request's cache mode to no-store".
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("text/event-stream"));
    request.setRawHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache"));
    // Qt's own default is a bare "Mozilla/5.0", which server logs cannot tell from a browser.
    request.setRawHeader(QByteArrayLiteral("User-Agent"),
                         QByteArrayLiteral("ssescope/" SSESCOPE_VERSION));
    // No Accept-Encoding of our own: QNAM then offers what it can decode (gzip, deflate, br,
    // zstd) and decodes it as it arrives, so each event a server flushes arrives at once
    // (tst_hostilenetwork gzipStreamIsLive). Browsers offer compression too, and a server that
    // buffers only compressed streams is one of the bugs this tool is for. A user header turns
    // QNAM's decoding off; validateResponse() then refuses an encoded body it cannot read.
    // QNAM's archive-bomb check (10 MiB at 40:1) would cut a long repetitive stream with
    // "Decompression failed": a stream is read as it comes, never held whole, so it is off.
    request.setDecompressedSafetyCheckThreshold(-1);
    if (!hasHeader(m_request.headers, "Accept-Language"))
        request.setRawHeader(QByteArrayLiteral("Accept-Language"), systemAcceptLanguage());
    if (!m_request.body.isEmpty() && !hasHeader(m_request.headers, "Content-Type"))
        request.setRawHeader(QByteArrayLiteral("Content-Type"),
                             QByteArrayLiteral("application/x-www-form-urlencoded"));
    for (const auto &[name, value] : m_request.headers)
        request.setRawHeader(name, value);
    // HTML §9.2.3: "If the EventSource object's last event ID string is not the empty string,
    // set `Last-Event-ID`/lastEventIDValue [UTF-8 encoded]" — it wins over a user header, which
    // would otherwise resend a stale id after every reconnect.
    if (!lastEventId.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Last-Event-ID"), lastEventId.toUtf8());

    connecting.headers = sentHeaders(request);
    if (!announce())
        return;

    auto *body = new OneShotBody(m_request.body, !url.userName().isEmpty());
    // The zero of Open's headersMs: the Connecting record's time, on a monotonic clock.
    m_sinceRequest.start();
    QNetworkReply *reply = m_manager->sendCustomRequest(request, m_request.method, body);
    body->setParent(reply); // QNAM reads it until the reply finishes.
    m_reply = reply;
    m_sink.m_active = true;
    m_tlsProblems.clear();
    reply->setReadBufferSize(ReplyReadBufferSize);

    connect(reply, &QNetworkReply::metaDataChanged, this, &SseReader::handleMetaDataChanged);
    connect(reply, &QNetworkReply::readyRead, this, &SseReader::handleReadyRead);
    connect(reply, &QNetworkReply::finished, this, &SseReader::handleFinished);
    connect(reply, &QNetworkReply::redirected, this, [this, reply](const QUrl &target) {
        m_finalUrl = target;
        StreamRecord record;
        record.kind = StreamRecord::Kind::Redirect;
        record.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        record.url = StreamRecord::displayUrl(target);
        emitRecord(record);
    });
    // The HTTP thread queues the head before it can ask for a rewind, so this always comes first.
    connect(reply, &QNetworkReply::metaDataChanged, body, [reply, body] {
        if (!isRedirectStatus(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()))
            body->endRewinds();
    });
#if QT_CONFIG(ssl)
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        if (m_request.ignoreTlsErrors) {
            reply->ignoreSslErrors();
            return;
        }
        for (const QSslError &error : errors)
            m_tlsProblems.append(error.errorString());
    });
#endif

    m_sinceLastByte.start();
    if (m_request.idleTimeout > 0ms)
        m_idleTimer.start(m_request.idleTimeout);
}

void SseReader::handleMetaDataChanged()
{
    if (!m_responseValidated)
        validateResponse();
}

bool SseReader::validateResponse()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return false;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return false; // No response yet (or not HTTP): finished() reports the network error.
    // QNAM follows redirects itself and reports the next response's headers; a redirect left
    // standing at the end (refused, too many, no Location) is judged in handleFinished().
    if (isRedirectStatus(status)
        && (!reply->isFinished() || reply->error() == QNetworkReply::TooManyRedirectsError
            || reply->error() == QNetworkReply::InsecureRedirectError))
        return false;

    m_responseValidated = true;
    m_httpStatus = status;
    m_responseHeaders = reply->rawHeaderPairs();
    m_finalUrl = reply->url();

    SseError error;
    error.httpStatus = status;
    ReconnectPolicy::Failure failure;
    failure.httpStatus = status;
    if (status == 204) {
        error.kind = SseError::Kind::NoContent;
        error.message = u"HTTP 204 No Content: the server asks the client to stop"_s;
        failure.kind = ReconnectPolicy::FailureKind::NoContent;
        failConnection(error, failure);
        return false;
    }
    if (status == 407) {
        // A plain http:// request through a proxy gets the proxy's 407 as its response (CONNECT
        // fails as ProxyAuthenticationRequiredError instead): it is the proxy's, not the server's.
        if (const QNetworkProxy proxy = proxyFor(*m_manager, reply->url()); isProxy(proxy)) {
            error.kind = SseError::Kind::NetworkError;
            error.message = proxyAuthenticationMessage(proxy);
            failConnection(error, std::nullopt); // the same credentials cannot succeed on a retry
            return false;
        }
    }
    if (status != 200) {
        // HTML §9.2.3: "if res's status is not 200 [...] then fail the connection".
        const QByteArray reason =
                reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
        error.kind = SseError::Kind::HttpStatus;
        error.detail = QString::number(status)
                % (reason.isEmpty() ? QString() : u' ' % QString::fromLatin1(reason));
        error.message = u"HTTP "_s % error.detail;
        failure.kind = ReconnectPolicy::FailureKind::HttpStatus;
        failure.retryAfter = parseRetryAfter(reply->rawHeader(QByteArrayLiteral("Retry-After")));
        // The body says why (a 401's "Incorrect API key provided"): read it first, bounded in
        // size and time (tst_ssereader errorBodyIsKept).
        m_failedResponse = FailedResponse {
            error, failure, reply->rawHeader(QByteArrayLiteral("Content-Type")), {}
        };
        if (reply->isFinished()) {
            failWithErrorBody();
        } else {
            QTimer::singleShot(ErrorBodyWait, reply, [this, reply] {
                if (m_reply == reply)
                    failWithErrorBody();
            });
        }
        return false;
    }
    // HTML §9.2.3: "[...] or if res's `Content-Type` is not `text/event-stream`, then fail the
    // connection" — compared as a MIME essence: parameters ignored, case-insensitive.
    const QByteArray contentType = reply->rawHeader(QByteArrayLiteral("Content-Type"));
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArray essence =
            (semicolon < 0 ? contentType : contentType.left(semicolon)).trimmed().toLower();
    // Not the spec's EventSource, but the same records: JSON-lines streams (Ollama's native
    // API, NDJSON endpoints) are read a line per event when their own type says so.
    const std::optional<JsonLinesParser::Framing> jsonLines =
            JsonLinesParser::framingFor(contentType);
    if (essence != "text/event-stream" && !jsonLines) {
        error.kind = SseError::Kind::WrongContentType;
        error.detail = QString::fromLatin1(contentType);
        if (essence == "application/json")
            error.message = u"wrong Content-Type \""_s % QString::fromLatin1(contentType)
                    % u"\" (expected text/event-stream or a JSON-lines type such as "
                      "application/x-ndjson): a single JSON body usually means the request did "
                      "not ask for a stream (e.g. \"stream\": true)"_s;
        else if (!contentType.isEmpty())
            error.message = u"wrong Content-Type \""_s % QString::fromLatin1(contentType)
                    % u"\" (expected text/event-stream or a JSON-lines type such as "
                      "application/x-ndjson)"_s;
        else if (m_responseHeaders.isEmpty())
            // Qt 6.4 drops every header of a response with more than 100 header fields, and
            // then carries on as if it had none (tst_hostilenetwork hugeResponseHeaders).
            error.message = u"missing Content-Type (expected text/event-stream): the response "
                            "has no readable headers; Qt reads at most 100 header fields"_s;
        else
            error.message = u"missing Content-Type (expected text/event-stream)"_s;
        failure.kind = ReconnectPolicy::FailureKind::WrongContentType;
        failConnection(error, failure);
        return false;
    }
    // QNAM decodes Content-Encoding only when it wrote Accept-Encoding itself; after a user's
    // own Accept-Encoding the bytes would reach the parser still compressed.
    const QByteArray contentEncoding =
            reply->rawHeader(QByteArrayLiteral("Content-Encoding")).trimmed().toLower();
    if (!contentEncoding.isEmpty() && contentEncoding != "identity"
        && hasHeader(m_request.headers, "Accept-Encoding")) {
        error.kind = SseError::Kind::WrongContentType;
        error.message = u"cannot decode Content-Encoding \""_s
                % QString::fromLatin1(contentEncoding)
                % u"\" because the request sets its own Accept-Encoding header; remove it to "
                  "let the reader negotiate compression"_s;
        failure.kind = ReconnectPolicy::FailureKind::WrongContentType;
        failConnection(error, failure);
        return false;
    }

    m_endMarkers.setResponseHeaders(m_responseHeaders);
    m_jsonLines = jsonLines.has_value();
    if (m_jsonLines) {
        m_lineParser = JsonLinesParser(*jsonLines);
        m_lineParser.setMaximumEventSize(m_request.maximumEventSize);
    }
    m_sinceOpen.start();
    const int connection = m_connectionCount;
    setState(State::Open);
    if (connection != m_connectionCount || m_state != State::Open)
        return false;
    StreamRecord open;
    open.kind = StreamRecord::Kind::Open;
    open.status = status;
    open.statusText = QString::fromLatin1(
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
    // QNAM tells HTTP/2 apart but not HTTP/1.0 from 1.1; a 1.0 server is rare behind a stream.
    open.httpVersion =
            reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool() ? u"2"_s : u"1.1"_s;
    open.url = StreamRecord::displayUrl(m_finalUrl);
    open.headers = m_responseHeaders;
    open.headersMs = m_sinceRequest.isValid() ? m_sinceRequest.elapsed() : -1;
    emitRecord(open);
    return connection == m_connectionCount && m_state == State::Open && m_reply;
}

void SseReader::handleReadyRead()
{
    if (!m_reply)
        return;
    if (m_failedResponse) {
        collectErrorBody();
        return;
    }
    if (!m_responseValidated && !validateResponse())
        return;
    if (m_readBuffer.size() != ReadChunkSize)
        m_readBuffer.resize(ReadChunkSize);

    m_sinceLastByte.restart();
    m_sink.m_receivedAt = QDateTime::currentDateTimeUtc();
    while (m_reply && m_sink.m_active) {
        const qint64 read = m_reply->read(m_readBuffer.data(), m_readBuffer.size());
        if (read <= 0)
            break;
        m_byteCount += read;
        m_feeding = true;
        if (m_jsonLines)
            m_lineParser.feed(QByteArrayView(m_readBuffer.constData(), read), m_sink);
        else
            m_parser.feed(QByteArrayView(m_readBuffer.constData(), read), m_sink);
        m_feeding = false;
    }
}

void SseReader::handleFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_idleTimer.stop();
    if (!m_responseValidated) {
        validateResponse();
        if (m_reply != reply)
            return; // The response itself failed the connection (status or type).
    }
    if (m_failedResponse) {
        failWithErrorBody();
        return;
    }
    if (m_responseValidated && reply->bytesAvailable() > 0) {
        handleReadyRead();
        if (m_reply != reply)
            return;
    }

    QNetworkReply::NetworkError code = reply->error();
    if (code == QNetworkReply::ContentReSendError) {
        // OneShotBody refused QNAM's re-send after the server closed the connection: the end of
        // a close-delimited body, or a close like any other (RemoteHostClosedError).
        code = m_responseValidated && !hasFramedBody(*reply) ? QNetworkReply::NoError
                                                             : QNetworkReply::RemoteHostClosedError;
    }
    if (code == QNetworkReply::NoError && m_jsonLines && m_sink.m_active) {
        // A JSON-lines body may end without its last LF: at a clean end that line is whole
        // (Ollama's "done" line is often the one), unlike a cut-off SSE event.
        m_sink.m_receivedAt = QDateTime::currentDateTimeUtc();
        m_feeding = true;
        m_lineParser.finish(m_sink);
        m_feeding = false;
        if (m_reply != reply)
            return; // The last line ended the stream (an end marker), or a handler closed it.
    }
    SseError error;
    error.httpStatus = m_httpStatus;
    const ReconnectPolicy::Failure failure = failureOf(ReconnectPolicy::FailureKind::NetworkError);
    std::optional<ReconnectPolicy::Failure> reconnectable = failure;
    const QString where = hostAndPort(reply->url());
    // Through a proxy the socket connects to the proxy: refusals and lookups concern it.
    const QNetworkProxy proxy = proxyFor(*m_manager, reply->url());
    switch (code) {
    case QNetworkReply::NoError:
        // HTML §9.2.3: the end of the body "reestablishes the connection" (not an error to the
        // server, but it is one to the page); the incomplete event at the end is discarded.
        error.kind = SseError::Kind::RemoteClosed;
        error.message = u"the server closed the stream"_s;
        reconnectable->kind = ReconnectPolicy::FailureKind::EndOfStream;
        break;
    case QNetworkReply::ConnectionRefusedError:
        error.kind = SseError::Kind::ConnectionRefused;
        if (isProxy(proxy)) {
            error.message = u"connection refused by "_s % proxyName(proxy) % u" (on the way to "_s
                    % where % u')';
            // The refusal came from the proxy: name that one.
            error.detail = proxy.hostName() % u':' % QString::number(proxy.port());
        } else {
            error.message = u"connection refused by "_s % where;
            error.detail = where;
        }
        break;
    case QNetworkReply::RemoteHostClosedError:
        // The server closed the connection where the HTTP framing says the body goes on (or
        // before any response). Not ConnectionReset: Qt 6.4 reads a TCP reset as the end of the
        // stream (QNativeSocketEngine::read() turns ECONNRESET into a zero-byte read), so a FIN
        // and an RST arrive here alike, and only the framing tells a cut from an end
        // (tst_hostilenetwork closeMidBody).
        error.kind = SseError::Kind::StreamCut;
        if (!m_responseValidated)
            error.message = u"the server closed the connection without sending a response ("_s
                    % where % u')';
        else if (isChunked(*reply))
            error.message = u"the stream was cut: the server closed the connection before the "
                            "end of the chunked body (no terminating zero-length chunk)"_s;
        else if (const QByteArray length = contentLength(*reply); !length.isEmpty())
            error.message = u"the stream was cut: the server closed the connection before the "
                            "end of the body (Content-Length: "_s
                    % QString::fromLatin1(length) % u')';
        // What says the body goes on, shown as it is on the wire (or where nothing came from).
        if (!m_responseValidated)
            error.detail = where;
        else if (isChunked(*reply))
            error.detail = u"Transfer-Encoding: chunked"_s;
        else if (const QByteArray length = contentLength(*reply); !length.isEmpty())
            error.detail = u"Content-Length: "_s % QString::fromLatin1(length);
        else
            error.message = u"the stream was cut: the server closed the connection before the "
                            "end of the body"_s;
        break;
    case QNetworkReply::HostNotFoundError:
        error.kind = SseError::Kind::HostNotFound;
        if (isProxy(proxy)) {
            error.message = u"proxy host not found: "_s % proxy.hostName();
            error.detail = proxy.hostName();
        } else {
            error.message = u"host not found: "_s % reply->url().host();
            error.detail = reply->url().host();
        }
        break;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        error.kind = SseError::Kind::Timeout;
        error.message = u"network timeout ("_s % where % u')';
        error.detail = where;
        break;
    case QNetworkReply::SslHandshakeFailedError:
        error.kind = SseError::Kind::Tls;
        error.message = u"TLS handshake failed with "_s % where
                % (m_tlsProblems.isEmpty() ? u": "_s % reply->errorString()
                                           : u": "_s % m_tlsProblems.join(u"; "_s));
        break;
    case QNetworkReply::TooManyRedirectsError:
        error.kind = SseError::Kind::Redirect;
        error.message = u"too many redirects"_s;
        reconnectable.reset();
        break;
    case QNetworkReply::InsecureRedirectError:
        error.kind = SseError::Kind::Redirect;
        error.message = u"refused a redirect from https to http"_s;
        reconnectable.reset();
        break;
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownProxyError: {
        // Say that it is the proxy, and which: its errors otherwise read like the server's.
        const QString name = proxyName(proxy);
        if (code == QNetworkReply::ProxyAuthenticationRequiredError) {
            error.kind = SseError::Kind::NetworkError;
            error.message = proxyAuthenticationMessage(proxy);
            reconnectable.reset(); // the same credentials cannot succeed on a retry
        } else if (code == QNetworkReply::ProxyConnectionRefusedError) {
            error.kind = SseError::Kind::ConnectionRefused;
            error.message =
                    u"connection refused by "_s % name % u" (on the way to "_s % where % u")"_s;
        } else if (code == QNetworkReply::ProxyNotFoundError) {
            error.kind = SseError::Kind::HostNotFound;
            error.message = u"proxy host not found: "_s % proxy.hostName();
        } else if (code == QNetworkReply::ProxyTimeoutError) {
            error.kind = SseError::Kind::Timeout;
            error.message = u"timeout at "_s % name % u" (on the way to "_s % where % u")"_s;
        } else {
            error.kind = SseError::Kind::NetworkError;
            error.message = name % u" failed to reach "_s % where % u": "_s % reply->errorString();
        }
        break;
    }
    case QNetworkReply::ProtocolUnknownError:
        error.kind = SseError::Kind::InvalidUrl;
        error.message = u"unsupported protocol: "_s % reply->url().scheme();
        reconnectable.reset();
        break;
    default:
        if (code == QNetworkReply::UnknownNetworkError
            && !m_tlsProblems.isEmpty()) { // Some TLS back ends report certificate failures so.
            error.kind = SseError::Kind::Tls;
            error.message = u"TLS error with "_s % where % u": "_s % m_tlsProblems.join(u"; "_s);
        } else {
            error.kind = m_state == State::Open ? SseError::Kind::ConnectionReset
                                                : SseError::Kind::NetworkError;
            error.message = u"network error ("_s % where % u"): "_s % reply->errorString();
        }
        break;
    }
    failConnection(error, reconnectable);
}

void SseReader::handleIdleCheck()
{
    if (!m_reply || m_request.idleTimeout <= 0ms)
        return;
    const qint64 idle = m_request.idleTimeout.count();
    const qint64 elapsed = m_sinceLastByte.elapsed();
    if (elapsed < idle) {
        // Bytes arrived since the timer was armed; re-arming per chunk would cost a timer
        // re-registration per readyRead, so we only look at the clock here.
        m_idleTimer.start(std::chrono::milliseconds(idle - elapsed));
        return;
    }
    SseError error;
    error.kind = SseError::Kind::IdleTimeout;
    error.message = u"no data for "_s % QString::number(elapsed) % u" ms (idle timeout "_s
            % QString::number(idle) % u" ms)"_s;
    error.detail = QString::number(elapsed);
    error.httpStatus = m_httpStatus;
    failConnection(error, failureOf(ReconnectPolicy::FailureKind::IdleTimeout));
}

void SseReader::collectErrorBody()
{
    if (!m_reply || !m_failedResponse)
        return;
    QByteArray &body = m_failedResponse->body;
    // One byte more than kept tells a longer body from one of exactly the maximum size.
    const qint64 wanted = SseError::MaximumBodyBytes + 1 - body.size();
    if (wanted > 0)
        body += m_reply->read(wanted);
    if (body.size() > SseError::MaximumBodyBytes)
        failWithErrorBody();
}

void SseReader::failWithErrorBody()
{
    if (!m_failedResponse)
        return;
    if (m_failedResponse->body.size() <= SseError::MaximumBodyBytes && m_reply)
        m_failedResponse->body +=
                m_reply->read(SseError::MaximumBodyBytes + 1 - m_failedResponse->body.size());
    FailedResponse failed = std::move(*m_failedResponse);
    m_failedResponse.reset();
    if (failed.body.size() > SseError::MaximumBodyBytes) {
        failed.body.truncate(SseError::MaximumBodyBytes);
        failed.error.bodyTruncated = true;
    }
    // The charset the response names, else UTF-8; a stateful decoder leaves out a sequence cut
    // in half by the size limit instead of showing it as garbage.
    const QByteArray contentType = failed.contentType.toLower();
    const qsizetype charsetAt = contentType.indexOf("charset=");
    QByteArray charset =
            charsetAt < 0 ? QByteArray() : contentType.mid(charsetAt + 8).split(';').constFirst();
    charset = charset.trimmed();
    if (charset.startsWith('"') && charset.endsWith('"') && charset.size() >= 2)
        charset = charset.mid(1, charset.size() - 2);
    QStringDecoder decoder(charset.isEmpty() ? "utf-8" : charset.constData());
    if (!decoder.isValid())
        decoder = QStringDecoder(QStringDecoder::Utf8);
    failed.error.body = decoder.decode(failed.body);
    failConnection(failed.error, failed.failure);
}

void SseReader::discardReply()
{
    m_idleTimer.stop();
    m_sink.m_active = false;
    m_failedResponse.reset();
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    // Not abort(): for a response QNAM is about to fail itself (e.g. a 500 seen in
    // metaDataChanged) it would report a second error and warn "must only be called once".
    // Destroying the reply aborts its HTTP request just the same, silently; deleteLater()
    // because we may be inside one of its signals.
    reply->deleteLater();
}

void SseReader::failConnection(SseError error,
                               const std::optional<ReconnectPolicy::Failure> &failure)
{
    discardReply();
    m_reconnectTimer.stop();
    if (m_state == State::Closed)
        return;

    const auto stableAfter = m_request.reconnect.stableAfter;
    const bool hadOpened = m_sinceOpen.isValid();
    if (hadOpened && m_sinceOpen.elapsed() >= stableAfter.count())
        m_attempt = 0;
    m_sinceOpen.invalidate();

    std::optional<ReconnectPolicy::Delay> delay;
    bool gaveUp = false;
    const int attempt = m_attempt + 1;
    if (failure) {
        delay = m_policy.delayFor(attempt, *failure);
        gaveUp = !delay && !ReconnectPolicy::isFatal(m_request.reconnect.mode, *failure)
                && m_request.reconnect.mode != ReconnectPolicy::Mode::Off;
    }
    // Re-sending a POST that the server took (its stream opened) repeats an action: against a
    // paid API every loop is a new completion. It happens only when the request asks for it
    // (StreamRequest::resendBody). An attempt that got no stream (refused, an error status) was
    // not taken, so the policy may still retry it.
    if (hadOpened && !m_request.resendsBody() && (delay || gaveUp)) {
        delay.reset();
        gaveUp = false;
        if (!failure || failure->kind != ReconnectPolicy::FailureKind::EndOfStream)
            error.message += u" (not reconnecting: this "_s % QString::fromLatin1(m_request.method)
                    % u" request got its stream, and it is sent again only when re-sending the "
                      "body on reconnect is on)"_s;
    }
    if (failure && failure->kind == ReconnectPolicy::FailureKind::EndOfStream && !delay) {
        // The server ended the stream and nothing follows: the end of the story, not a failure
        // (`watch --reconnect off` exits 0 on it). A policy that gave up ends it the same way.
        finishClosed(StreamRecord::CloseReason::ended());
        return;
    }
    error.fatal = !delay && !gaveUp;
    m_lastError = error;
    const int connection = m_connectionCount;
    StreamRecord record;
    record.kind = StreamRecord::Kind::Error;
    record.error = error;
    emitRecord(record);
    if (m_state == State::Closed || connection != m_connectionCount || m_reply)
        return; // A handler closed or reopened the reader.

    if (!delay) {
        if (gaveUp) {
            SseError gaveUpError;
            gaveUpError.kind = SseError::Kind::GaveUp;
            gaveUpError.message = u"gave up after "_s % QString::number(attempt - 1)
                    % u" reconnect attempts (last error: "_s % error.message % u')';
            gaveUpError.detail = QString::number(attempt - 1);
            gaveUpError.fatal = true;
            gaveUpError.simulated = error.simulated;
            gaveUpError.httpStatus = error.httpStatus;
            m_lastError = gaveUpError;
            StreamRecord gaveUpRecord;
            gaveUpRecord.kind = StreamRecord::Kind::Error;
            gaveUpRecord.error = gaveUpError;
            emitRecord(gaveUpRecord);
            if (m_state == State::Closed || connection != m_connectionCount || m_reply)
                return;
        }
        finishClosed(gaveUp ? StreamRecord::CloseReason::gaveUp()
                            : StreamRecord::CloseReason::failed());
        return;
    }

    m_attempt = attempt;
    m_attemptSinceOpen = hadOpened ? 1 : m_attemptSinceOpen + 1;
    ++m_attemptTotal;
    m_nextDelay = *delay;
    m_nextAttemptAt = QDeadlineTimer(delay->delay, Qt::PreciseTimer);
    m_reconnectTimer.start(delay->delay);
    setState(State::Connecting);
    if (m_state != State::Connecting || !m_reconnectTimer.isActive())
        return;
    StreamRecord reconnecting;
    reconnecting.kind = StreamRecord::Kind::Reconnecting;
    reconnecting.attempt = m_attemptSinceOpen;
    reconnecting.policyAttempt = attempt;
    reconnecting.maxAttempts = m_policy.maxAttemptsFor(failure->kind);
    reconnecting.delayMs = delay->delay.count();
    // Fixed mode's own interval has the policy's Default source; the record says which it was.
    reconnecting.delaySource = delay->source == ReconnectPolicy::DelaySource::Default
                    && m_request.reconnect.mode == ReconnectPolicy::Mode::Fixed
            ? u"fixed"_s
            : ReconnectPolicy::delaySourceName(delay->source);
    reconnecting.lastEventId = m_parser.lastEventId();
    emitRecord(reconnecting);
}

void SseReader::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void SseReader::finishClosed(const QString &reason, const QString &endMarker)
{
    m_reconnectTimer.stop();
    discardReply();
    m_sinceOpen.invalidate();
    if (m_state == State::Closed)
        return;
    setState(State::Closed);
    if (m_state != State::Closed)
        return;
    StreamRecord record;
    record.kind = StreamRecord::Kind::Closed;
    record.reason = reason;
    record.endMarker = endMarker;
    emitRecord(record);
}

void SseReader::checkEndOfStream(const SseEvent &event)
{
    if (m_until && m_until->matches(event)) {
        finishClosed(StreamRecord::CloseReason::until(), m_until->spec());
        return;
    }
    const std::optional<EndMarker> end = m_endMarkers.check(event);
    if (!end)
        return;
    if (!end->isError()) {
        // The stream says it is complete: a reconnect would only ask for the answer again.
        finishClosed(StreamRecord::CloseReason::completed(), end->marker);
        return;
    }
    SseError error;
    error.kind = SseError::Kind::StreamError;
    error.message =
            u"the server reported an error in the stream ("_s % end->marker % u"): "_s % end->error;
    error.httpStatus = m_httpStatus;
    failConnection(error, std::nullopt);
}

StreamRecord::HeaderList SseReader::sentHeaders(const QNetworkRequest &request) const
{
    // Mirrors what Qt 6.4's HTTP/1.1 layer writes (qhttpnetworkconnection.cpp prepareRequest,
    // qhttpnetworkrequest.cpp header()): Host first, the request's own headers in order, then
    // the ones Qt adds when they are missing. tst_ssereader connectingRecordListsWireHeaders
    // compares this list with what a loopback server receives, so a Qt that writes otherwise
    // fails there instead of recording something that was not sent.
    StreamRecord::HeaderList headers;
    const QUrl url = request.url();
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int defaultPort = url.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0 ? 443 : 80;
    if (url.port(defaultPort) != defaultPort)
        host += ':' + QByteArray::number(url.port());
    headers.append({ QByteArrayLiteral("Host"), host });
    for (const QByteArray &name : request.rawHeaderList()) {
        headers.append({ name,
                         StreamRequest::isSecretHeader(QString::fromLatin1(name))
                                 ? StreamRecord::maskedValue()
                                 : request.rawHeader(name) });
    }
    // Every request carries a body device (OneShotBody), so Qt always announces its length,
    // "Content-Length: 0" for a GET.
    headers.append(
            { QByteArrayLiteral("Content-Length"), QByteArray::number(m_request.body.size()) });
    if (!request.hasRawHeader("Connection"))
        headers.append({ QByteArrayLiteral("Connection"), QByteArrayLiteral("Keep-Alive") });
    // Qt offers every coding it can decode when the request names none (and then decodes).
    if (!request.hasRawHeader("Accept-Encoding"))
        headers.append({ QByteArrayLiteral("Accept-Encoding"),
                         QByteArrayLiteral("zstd, br, gzip, deflate") });
    if (!request.hasRawHeader("User-Agent"))
        headers.append({ QByteArrayLiteral("User-Agent"), QByteArrayLiteral("Mozilla/5.0") });
    return headers;
}

void SseReader::emitRecord(StreamRecord &record)
{
    record.connection = m_connectionCount;
    if (!record.time.isValid())
        record.time = QDateTime::currentDateTimeUtc();
    emit recordReceived(record);
}

void SseReader::ParserSink::event(SseEvent &&event)
{
    if (!m_active)
        return; // The connection was dropped or closed by a handler earlier in this chunk.
    const int connection = m_reader->m_connectionCount;
    event.connection = connection;
    event.receivedAt = m_receivedAt;
    ++m_reader->m_eventCount;
    emit m_reader->eventReceived(event);
    // Consumers see the event that ends a stream before its Closed record.
    if (m_active && connection == m_reader->m_connectionCount)
        m_reader->checkEndOfStream(event);
}

void SseReader::ParserSink::comment(QStringView text)
{
    if (!m_active)
        return;
    StreamRecord record;
    record.kind = StreamRecord::Kind::Comment;
    record.text = text.toString();
    record.time = m_receivedAt;
    m_reader->emitRecord(record);
}

void SseReader::ParserSink::retry(qint64 milliseconds)
{
    if (!m_active)
        return;
    // HTML §9.2.6: "If the field value consists of only ASCII digits, then interpret the field
    // value as an integer in base ten, and set the event stream's reconnection time to that integer."
    const qint64 clamped = std::clamp<qint64>(milliseconds, 0, std::numeric_limits<int>::max());
    m_reader->m_policy.setServerRetry(std::chrono::milliseconds(clamped));
    StreamRecord record;
    record.kind = StreamRecord::Kind::Retry;
    record.retryMs = clamped;
    record.time = m_receivedAt;
    m_reader->emitRecord(record);
}

void SseReader::ParserSink::eventTooLarge(qint64 bytes)
{
    if (!m_active)
        return;
    SseError error;
    error.kind = SseError::Kind::EventTooLarge;
    error.message = u"event skipped: "_s % QString::number(bytes)
            % u" bytes exceed the maximum event size of "_s
            % QString::number(m_reader->m_parser.maximumEventSize()) % u" bytes"_s;
    error.detail = QString::number(bytes);
    error.httpStatus = m_reader->m_httpStatus;
    m_reader->m_lastError = error;
    StreamRecord record;
    record.kind = StreamRecord::Kind::Error;
    record.error = error;
    record.time = m_receivedAt;
    m_reader->emitRecord(record);
}
