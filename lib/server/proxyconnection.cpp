// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "proxyconnection.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <optional>
#include <utility>

#include <QHash>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>

#include "httprequesthead.h"
#include "ssestreamscanner.h"

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;

namespace {

// One read from a socket: large enough that a firehose costs one read and one write per 64 KiB,
// and the most Qt buffers for us per socket (QAbstractSocket::setReadBufferSize), so a side the
// proxy stops reading is held back by TCP, not by memory.
constexpr qint64 ReadChunkSize = 64 * 1024;
// A response head longer than this is relayed as it is instead of rewritten.
constexpr qsizetype MaximumResponseHead = 64 * 1024;
// Bandwidth: the bucket holds 50 ms worth of bytes, so a limit is smooth at a glance but costs at
// most about 20 timer wake-ups a second.
constexpr qint64 BucketMilliseconds = 50;

// RFC 9110 §7.6.1: hop-by-hop fields, never forwarded. Transfer-Encoding is hop-by-hop as well,
// but the proxy relays bodies unchanged, so a response keeps it (a request never has one:
// HttpRequestHead answers chunked request bodies with 501).
bool isHopByHop(QByteArrayView name, const QList<QByteArray> &connectionOptions, bool request)
{
    static const char *const Names[] = { "connection",         "keep-alive", "proxy-connection",
                                         "proxy-authenticate", "upgrade",    "te",
                                         "proxy-authorization" };
    const QByteArray lower = name.toByteArray().toLower();
    if (lower == "trailer")
        return request;
    if (std::any_of(std::begin(Names), std::end(Names),
                    [&lower](const char *hopByHop) { return lower == hopByHop; }))
        return true;
    return lower != "transfer-encoding" && connectionOptions.contains(lower);
}

// The field names a Connection header lists (RFC 9110 §7.6.1), lower case.
QList<QByteArray> connectionOptionsOf(const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QList<QByteArray> options;
    for (const auto &[name, value] : headers) {
        if (name.compare("connection", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &option : value.split(','))
            options.append(option.trimmed().toLower());
    }
    return options;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 413:
        return "Content Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    case 508:
        return "Loop Detected";
    default:
        return "Error";
    }
}

QByteArray simpleResponse(int status, const QString &text)
{
    const QByteArray body = "ssescope proxy: " + text.toUtf8() + '\n';
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
            + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

// "host:port" or "[v6]:port" (RFC 9112 §3.2.3); the port is required.
bool splitAuthority(QByteArrayView authority, std::optional<quint16> defaultPort, QString *host,
                    quint16 *port)
{
    QByteArrayView hostPart = authority;
    QByteArrayView portPart;
    if (authority.startsWith('[')) {
        const qsizetype close = authority.indexOf(']');
        if (close < 0)
            return false;
        hostPart = authority.sliced(1, close - 1);
        const QByteArrayView rest = authority.sliced(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(':'))
                return false;
            portPart = rest.sliced(1);
        }
    } else if (const qsizetype colon = authority.lastIndexOf(':'); colon >= 0) {
        hostPart = authority.first(colon);
        portPart = authority.sliced(colon + 1);
    }
    if (hostPart.isEmpty())
        return false;
    if (portPart.isEmpty()) {
        if (!defaultPort)
            return false;
        *port = *defaultPort;
    } else {
        bool ok = false;
        const uint number = portPart.toUInt(&ok);
        if (!ok || number == 0 || number > 65535)
            return false;
        *port = quint16(number);
    }
    *host = QString::fromLatin1(hostPart);
    return true;
}

// Drops what the peer sent and we will never read: closing a socket with unread input makes the
// kernel answer with RST instead of FIN (RFC 1122 §4.2.2.13), and a cut must be a clean FIN.
void drainInput(QTcpSocket *socket)
{
    socket->readAll();
#ifdef Q_OS_UNIX
    const int descriptor = int(socket->socketDescriptor());
    if (descriptor < 0)
        return;
    char scratch[16 * 1024];
    for (int i = 0; i < 64 && ::recv(descriptor, scratch, sizeof scratch, MSG_DONTWAIT) > 0; ++i) {}
#endif
}

// Rewrites response heads of the forward mode: hop-by-hop fields out, `Connection: close` in, as
// the proxy serves one request per client connection. 1xx heads are passed on and the next head
// is rewritten; anything that is not a readable HTTP/1.x head is relayed unchanged.
class ResponseHeadRewriter
{
public:
    bool isActive() const { return m_active; }

    QByteArray feed(QByteArray chunk)
    {
        if (!m_active)
            return chunk;
        m_buffer += chunk;
        QByteArray out;
        while (m_active) {
            const qsizetype crlf = m_buffer.indexOf("\r\n\r\n");
            const qsizetype lf = m_buffer.indexOf("\n\n");
            qsizetype end = -1;
            if (crlf >= 0 && (lf < 0 || crlf + 4 <= lf + 2))
                end = crlf + 4;
            else if (lf >= 0)
                end = lf + 2;
            if (end < 0) {
                if (m_buffer.size() > MaximumResponseHead
                    || !QByteArrayView("HTTP/").startsWith(QByteArrayView(m_buffer).first(
                            std::min<qsizetype>(5, m_buffer.size()))))
                    return out + flush();
                return out;
            }
            int status = 0;
            out += rewrite(QByteArrayView(m_buffer).first(end), &status);
            m_buffer.remove(0, end);
            // RFC 9110 §15.2: interim responses precede the final one; 101 switches protocols.
            if (status >= 200 || status == 101 || status == 0)
                out += flush();
        }
        return out;
    }

    /// Stops rewriting; returns what was held.
    QByteArray flush()
    {
        m_active = false;
        return std::exchange(m_buffer, {});
    }

private:
    static QByteArray rewrite(QByteArrayView head, int *status)
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
        if (lines.isEmpty() || !lines.constFirst().startsWith("HTTP/1.")
            || lines.constFirst().size() < 12)
            return head.toByteArray();
        bool ok = false;
        *status = lines.constFirst().sliced(9, 3).toInt(&ok);
        if (!ok || *status < 200)
            return head.toByteArray();
        QList<std::pair<QByteArray, QByteArray>> headers;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon <= 0)
                return head.toByteArray();
            headers.append({ lines.at(i).first(colon).trimmed().toByteArray(),
                             lines.at(i).sliced(colon + 1).trimmed().toByteArray() });
        }
        const QList<QByteArray> options = connectionOptionsOf(headers);
        QByteArray out = lines.constFirst().toByteArray() + "\r\n";
        for (const auto &[name, value] : headers) {
            if (!isHopByHop(name, options, false))
                out += name + ": " + value + "\r\n";
        }
        return out + "Connection: close\r\n\r\n";
    }

    QByteArray m_buffer;
    bool m_active = true;
};

} // namespace

/// One direction of a connection: reads its source, holds chunks while the faults in force say
/// so, and writes them to its sink. Everything is driven by pump(); a single-shot timer wakes it
/// for the next due time.
struct ProxyConnection::Pipe
{
    struct Chunk
    {
        QByteArray bytes;
        qint64 dueMs = 0;
    };

    ProxyFault::Direction way = ProxyFault::Direction::Downstream;
    QTcpSocket *source = nullptr;
    QTcpSocket *sink = nullptr;
    qint64 *counter = nullptr;

    // The faults in force, folded into what the pipe needs: latencies add up (two slow hops make
    // one slower hop), the lowest bandwidth wins, the newest slicer wins, any stall stalls.
    qint64 latencyMs = 0;
    qint64 jitterMs = 0;
    qint64 bytesPerSecond = 0;
    int slicerMaximumBytes = 0;
    qint64 slicerDelayMs = 0;
    bool stalled = false;
    qint64 slowCloseMs = 0;
    std::optional<ProxyFault> cutMidEvent;
    QList<ProxyFault> closeAfter;
    QHash<int, qint64> closeAfterRemaining; ///< Per CloseAfterBytes fault id: bytes still to pass.

    std::deque<Chunk> queue;
    qsizetype frontOffset = 0; ///< Bytes of queue.front() already written.
    qint64 queuedBytes = 0;
    qint64 lastDueMs = 0;
    double tokens = 0;
    qint64 tokensAtMs = 0;
    qint64 nextPieceAtMs = 0;
    /// Forward mode, client → server: request body bytes still to pass (-1 = no limit). The proxy
    /// serves one request per connection, so what follows the body is dropped.
    qint64 sourceLimit = -1;
    std::optional<SseStreamScanner> scanner;
    std::optional<ResponseHeadRewriter> rewriter;

    bool sourceEnded = false; ///< The source closed; what it sent is still being delivered.
    bool finished = false; ///< Nothing more will be written to the sink.
    bool slowClosing = false;
    bool pumping = false;
    bool pumpAgain = false;
    QTimer timer;

    qint64 backlog() const { return queuedBytes + (sink ? sink->bytesToWrite() : 0); }
    bool sourceHasBytes() const { return source && source->bytesAvailable() > 0; }
};

ProxyConnection::ProxyConnection(int id, QTcpSocket *client, const Settings &settings,
                                 QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_client(client)
{
    m_info.id = id;
    m_info.mode = settings.relay ? ProxyConnectionInfo::Mode::Relay
                                 : ProxyConnectionInfo::Mode::HttpForward;
    m_info.clientAddress = client->peerAddress();
    m_info.clientPort = client->peerPort();
    m_info.openedAt = QDateTime::currentDateTimeUtc();
    client->setParent(this);
    client->setReadBufferSize(ReadChunkSize);
    // An event is small and must leave at once: with Nagle on, it waits for the ACK of the one
    // before, which the receiver's delayed ACK can hold back for up to 40 ms (RFC 1122 §4.2.3.2).
    client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(client, &QTcpSocket::readyRead, this, &ProxyConnection::handleClientReadyRead);
    connect(client, &QTcpSocket::disconnected, this, [this] { handleDisconnected(m_client); });

    m_downstream = std::make_unique<Pipe>();
    m_upstreamPipe = std::make_unique<Pipe>();
    m_downstream->way = ProxyFault::Direction::Downstream;
    m_downstream->sink = client;
    m_downstream->counter = &m_info.bytesDownstream;
    m_upstreamPipe->way = ProxyFault::Direction::Upstream;
    m_upstreamPipe->source = client;
    m_upstreamPipe->counter = &m_info.bytesUpstream;
    for (Pipe *pipe : { m_downstream.get(), m_upstreamPipe.get() }) {
        pipe->timer.setSingleShot(true);
        pipe->timer.setTimerType(Qt::PreciseTimer);
        connect(&pipe->timer, &QTimer::timeout, this, [this, pipe] { pump(*pipe); });
    }
}

ProxyConnection::~ProxyConnection()
{
    // The sockets are children; they must not call back into a half-destroyed connection.
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    if (m_upstream)
        disconnect(m_upstream, nullptr, this, nullptr);
}

void ProxyConnection::start()
{
    if (m_settings.relay) {
        m_info.upstreamHost = m_settings.relayHost;
        m_info.upstreamPort = m_settings.relayPort;
        m_info.target = m_settings.relayHost + u':' + QString::number(m_settings.relayPort);
        m_announced = true;
        emit opened();
        connectUpstream(m_settings.relayHost, m_settings.relayPort);
        return;
    }
    if (m_client->bytesAvailable() > 0)
        handleRequestBytes();
}

ProxyConnectionInfo ProxyConnection::info() const
{
    ProxyConnectionInfo info = m_info;
    if (m_relaying && !isClosed()) {
        for (const Pipe *pipe : { m_downstream.get(), m_upstreamPipe.get() }) {
            const qint64 held =
                    pipe->backlog() + (pipe->source ? pipe->source->bytesAvailable() : 0);
            (pipe == m_downstream.get() ? info.heldDownstream : info.heldUpstream) = held;
        }
    }
    return info;
}

bool ProxyConnection::canCutMidEvent() const
{
    return m_info.mode != ProxyConnectionInfo::Mode::ConnectTunnel
            && !(m_downstream->scanner && m_downstream->scanner->isOpaque());
}

qint64 ProxyConnection::now() const
{
    return m_settings.clock->elapsed();
}

bool ProxyConnection::isOwnEndpoint(const QHostAddress &address, quint16 port) const
{
    if (port != m_settings.ownPort)
        return false;
    if (address.isLoopback())
        return true;
    return std::any_of(m_settings.ownAddresses.cbegin(), m_settings.ownAddresses.cend(),
                       [&address](const QHostAddress &own) { return own.isEqual(address); });
}

void ProxyConnection::handleClientReadyRead()
{
    if (isClosed())
        return;
    if (!m_announced) {
        handleRequestBytes();
        return;
    }
    if (m_relaying) {
        pump(*m_upstreamPipe);
        return;
    }
    // Connecting upstream: what the client sends meanwhile (a TLS hello, a request body) waits
    // in the socket's bounded buffer and is read once the upstream is there.
}

void ProxyConnection::handleRequestBytes()
{
    m_requestBuffer += m_client->readAll();
    HttpRequestHead::Limits limits;
    // The proxy streams bodies instead of holding them, so any announced size is fine.
    limits.maximumBodyBytes = std::numeric_limits<qint64>::max() / 2;
    const HttpRequestHead::ParseResult parsed = HttpRequestHead::parse(m_requestBuffer, limits);
    if (parsed.status == HttpRequestHead::Status::Incomplete)
        return;
    if (parsed.status == HttpRequestHead::Status::Error) {
        refuse(parsed.errorStatus, parsed.errorMessage);
        return;
    }
    const HttpRequestHead &head = parsed.head;
    const QByteArray rest = m_requestBuffer.mid(head.size());
    m_requestBuffer.clear();

    if (head.header("Via").contains(m_settings.viaToken)) {
        refuse(508, u"the request came back to this proxy (its own Via entry is in the request)"_s);
        return;
    }

    QString host;
    quint16 port = 0;
    if (head.method() == "CONNECT") {
        // RFC 9110 §9.3.6: CONNECT takes the authority form; the parser checked the form.
        if (!splitAuthority(head.target(), std::nullopt, &host, &port)) {
            refuse(400, u"CONNECT needs host:port"_s);
            return;
        }
        m_info.mode = ProxyConnectionInfo::Mode::ConnectTunnel;
        m_info.target = QString::fromLatin1(head.target());
        m_pendingUpstream = rest; // e.g. a TLS ClientHello sent without waiting for the 200
    } else if (head.targetForm() == HttpRequestHead::TargetForm::Absolute) {
        const QByteArray target = head.target();
        const qsizetype schemeEnd = target.indexOf("://");
        const QByteArray scheme = target.first(std::max<qsizetype>(schemeEnd, 0)).toLower();
        if (schemeEnd < 0 || scheme != "http") {
            refuse(501,
                   scheme == "https"
                           ? u"https:// URLs go through a CONNECT tunnel (TLS stays end to end); this proxy does not open TLS itself"_s
                           : u"only http:// URLs (and CONNECT tunnels) are forwarded, not \"%1\""_s
                                     .arg(QString::fromLatin1(scheme)));
            return;
        }
        const QByteArrayView afterScheme = QByteArrayView(target).sliced(schemeEnd + 3);
        qsizetype authorityEnd = afterScheme.size();
        for (char stop : { '/', '?', '#' }) {
            if (const qsizetype at = afterScheme.indexOf(stop); at >= 0)
                authorityEnd = std::min(authorityEnd, at);
        }
        QByteArrayView authority = afterScheme.first(authorityEnd);
        // RFC 9110 §4.2.4: user info in an http URI is deprecated; it names nothing upstream.
        if (const qsizetype at = authority.lastIndexOf('@'); at >= 0)
            authority = authority.sliced(at + 1);
        if (!splitAuthority(authority, quint16(80), &host, &port)) {
            refuse(400, u"the URL has no valid host:port"_s);
            return;
        }
        QByteArray originTarget = afterScheme.sliced(authorityEnd).toByteArray();
        if (const qsizetype fragment = originTarget.indexOf('#'); fragment >= 0)
            originTarget.truncate(fragment);
        if (!originTarget.startsWith('/'))
            originTarget.prepend('/');

        // RFC 9112 §3.2.2: a proxy sends the origin form and replaces Host with the authority.
        const QList<QByteArray> options = connectionOptionsOf(head.headers());
        QByteArray request = head.method() + ' ' + originTarget
                + " HTTP/1.1\r\nHost: " + authority.toByteArray() + "\r\n";
        QByteArray via;
        for (const auto &[name, value] : head.headers()) {
            if (name.compare("host", Qt::CaseInsensitive) == 0 || isHopByHop(name, options, true))
                continue;
            if (name.compare("via", Qt::CaseInsensitive) == 0) {
                via += QByteArray(via.isEmpty() ? "" : ", ") + value;
                continue;
            }
            request += name + ": " + value + "\r\n";
        }
        // RFC 9110 §7.6.3: a proxy adds itself to Via, which is also what finds loops.
        via += QByteArray(via.isEmpty() ? "" : ", ") + "1.1 " + m_settings.viaToken;
        request += "Via: " + via + "\r\nConnection: close\r\n\r\n";
        const qint64 bodyLength = head.contentLength().value_or(0);
        const QByteArray body = rest.first(std::min<qint64>(bodyLength, rest.size()));
        m_pendingUpstream = request + body;
        m_upstreamPipe->sourceLimit = bodyLength - body.size();
        m_downstream->rewriter.emplace();
        m_info.target = QString::fromLatin1(target.first(schemeEnd + 3))
                + QString::fromLatin1(authority) + QString::fromLatin1(originTarget);
    } else {
        refuse(400,
               u"this is an HTTP proxy: ask for an absolute URL (GET http://host:port/path) or "
               "CONNECT host:port, or use the proxy's relay mode"_s);
        return;
    }

    m_info.upstreamHost = host;
    m_info.upstreamPort = port;
    m_announced = true;
    emit opened();
    if (isClosed())
        return;
    if (const QHostAddress literal(host); !literal.isNull() && isOwnEndpoint(literal, port)) {
        refuse(508, u"%1:%2 is this proxy itself"_s.arg(host).arg(port));
        return;
    }
    connectUpstream(host, port);
}

void ProxyConnection::refuse(int status, const QString &reason)
{
    emit requestRefused(status, reason);
    if (isClosed() || !m_client)
        return;
    setCloseReason(u"refused with %1: %2"_s.arg(status).arg(reason));
    m_client->write(simpleResponse(status, reason));
    m_downstream->finished = true;
    m_upstreamPipe->finished = true;
    if (m_upstream)
        closeGracefully(m_upstream);
    closeGracefully(m_client);
    checkFinished();
}

void ProxyConnection::connectUpstream(const QString &host, quint16 port)
{
    m_upstream = new QTcpSocket(this);
    // Direct, never through the system's proxy (Qt's default for sockets): the proxy is the hop
    // under test, and with http_proxy naming the proxy itself every upstream connection came
    // back to it as a CONNECT, which opened another, without end.
    m_upstream->setProxy(QNetworkProxy::NoProxy);
    m_upstream->setReadBufferSize(ReadChunkSize);
    connect(m_upstream, &QTcpSocket::connected, this, &ProxyConnection::handleUpstreamConnected);
    connect(m_upstream, &QTcpSocket::errorOccurred, this, &ProxyConnection::handleUpstreamError);
    connect(m_upstream, &QTcpSocket::disconnected, this,
            [this] { handleDisconnected(m_upstream); });
    QTimer::singleShot(m_settings.connectTimeout, this, [this] {
        if (m_relaying || isClosed() || !m_upstream
            || m_upstream->state() == QAbstractSocket::ConnectedState)
            return;
        disconnect(m_upstream, nullptr, this, nullptr);
        m_upstream->abort();
        const QString reason = u"no connection to %1:%2 within %3 ms"_s.arg(m_info.upstreamHost)
                                       .arg(m_info.upstreamPort)
                                       .arg(m_settings.connectTimeout.count());
        if (m_settings.relay) {
            setCloseReason(reason);
            resetNow({});
        } else {
            refuse(504, reason);
        }
    });
    m_upstream->connectToHost(host, port);
}

void ProxyConnection::handleUpstreamConnected()
{
    if (isClosed())
        return;
    // A name such as "localhost" is only known to be this proxy once connected.
    if (isOwnEndpoint(m_upstream->peerAddress(), m_upstream->peerPort())) {
        const QString reason =
                u"%1:%2 is this proxy itself"_s.arg(m_info.upstreamHost).arg(m_info.upstreamPort);
        if (m_settings.relay) {
            setCloseReason(reason);
            resetNow({});
        } else {
            refuse(508, reason);
        }
        return;
    }
    m_upstream->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_info.mode == ProxyConnectionInfo::Mode::ConnectTunnel)
        m_client->write("HTTP/1.1 200 Connection Established\r\n\r\n");
    startRelaying(std::exchange(m_pendingUpstream, {}));
}

void ProxyConnection::handleUpstreamError()
{
    if (isClosed() || m_relaying || !m_upstream)
        return; // Once relaying, a broken upstream shows up as its disconnected().
    const QString reason = u"cannot connect to %1:%2: %3"_s.arg(m_info.upstreamHost)
                                   .arg(m_info.upstreamPort)
                                   .arg(m_upstream->errorString());
    disconnect(m_upstream, nullptr, this, nullptr);
    m_upstream->abort();
    if (m_settings.relay) {
        // A relay has no way to say why; a reset is what the client would see from a dead hop.
        setCloseReason(reason);
        resetNow({});
    } else {
        refuse(502, reason);
    }
}

void ProxyConnection::startRelaying(const QByteArray &initialUpstreamBytes)
{
    m_relaying = true;
    m_info.state = ProxyConnectionInfo::State::Open;
    m_downstream->source = m_upstream;
    m_upstreamPipe->sink = m_upstream;
    connect(m_upstream, &QTcpSocket::readyRead, this, [this] { pump(*m_downstream); });
    connect(m_upstream, &QTcpSocket::bytesWritten, this, [this] { pump(*m_upstreamPipe); });
    connect(m_client, &QTcpSocket::bytesWritten, this, [this] { pump(*m_downstream); });
    // The events are only readable in plain HTTP; inside a tunnel they are TLS records.
    if (m_info.mode != ProxyConnectionInfo::Mode::ConnectTunnel)
        m_downstream->scanner.emplace();
    emit changed();
    if (isClosed())
        return;
    if (!initialUpstreamBytes.isEmpty()) {
        m_upstreamPipe->queue.push_back({ initialUpstreamBytes, now() });
        m_upstreamPipe->queuedBytes += initialUpstreamBytes.size();
    }
    if (m_client->state() != QAbstractSocket::ConnectedState)
        m_upstreamPipe->sourceEnded = true;
    pump(*m_upstreamPipe);
    pump(*m_downstream);
}

void ProxyConnection::setFaults(const QList<ProxyFault> &faults)
{
    m_info.faults = faults;
    for (Pipe *pipe : { m_downstream.get(), m_upstreamPipe.get() }) {
        const qint64 oldLatency = pipe->latencyMs + pipe->jitterMs;
        const bool wasStalled = pipe->stalled;
        pipe->latencyMs = 0;
        pipe->jitterMs = 0;
        pipe->bytesPerSecond = 0;
        pipe->slicerMaximumBytes = 0;
        pipe->slicerDelayMs = 0;
        pipe->stalled = false;
        pipe->slowCloseMs = 0;
        pipe->cutMidEvent.reset();
        pipe->closeAfter.clear();
        for (const ProxyFault &fault : faults) {
            if (!fault.affects(pipe->way))
                continue;
            switch (fault.kind) {
            case ProxyFault::Kind::Latency:
                pipe->latencyMs += fault.latency.count();
                pipe->jitterMs += fault.jitter.count();
                break;
            case ProxyFault::Kind::Bandwidth:
                pipe->bytesPerSecond = pipe->bytesPerSecond == 0
                        ? fault.bytesPerSecond
                        : std::min(pipe->bytesPerSecond, fault.bytesPerSecond);
                break;
            case ProxyFault::Kind::Slicer:
                pipe->slicerMaximumBytes = fault.maximumPieceBytes;
                pipe->slicerDelayMs = fault.delay.count();
                break;
            case ProxyFault::Kind::Stall:
                pipe->stalled = true;
                break;
            case ProxyFault::Kind::SlowClose:
                pipe->slowCloseMs = std::max<qint64>(pipe->slowCloseMs, fault.delay.count());
                break;
            case ProxyFault::Kind::CutMidEvent:
                if (pipe->way == ProxyFault::Direction::Downstream)
                    pipe->cutMidEvent = fault;
                break;
            case ProxyFault::Kind::CloseAfterBytes:
                pipe->closeAfter.append(fault);
                break;
            case ProxyFault::Kind::Down:
            case ProxyFault::Kind::Cut:
            case ProxyFault::Kind::Reset:
                break;
            }
        }
        // A count starts when its fault reaches the connection and survives other changes.
        QHash<int, qint64> remaining;
        for (const ProxyFault &fault : std::as_const(pipe->closeAfter))
            remaining.insert(fault.id, pipe->closeAfterRemaining.value(fault.id, fault.bytes));
        pipe->closeAfterRemaining = remaining;
        if (pipe->bytesPerSecond > 0 && pipe->tokensAtMs == 0) {
            pipe->tokens = 0;
            pipe->tokensAtMs = now();
        } else if (pipe->bytesPerSecond == 0) {
            pipe->tokensAtMs = 0;
        }
        // Removing a latency releases what it holds; what is in flight under a smaller latency
        // keeps its due time (order is never changed).
        if (pipe->latencyMs + pipe->jitterMs < oldLatency) {
            const qint64 latest = now() + pipe->latencyMs + pipe->jitterMs;
            for (Pipe::Chunk &chunk : pipe->queue)
                chunk.dueMs = std::min(chunk.dueMs, latest);
            pipe->lastDueMs = std::min(pipe->lastDueMs, latest);
        }
        if (pipe->slicerMaximumBytes == 0)
            pipe->nextPieceAtMs = 0;
        Q_UNUSED(wasStalled);
    }
    emit changed();
    if (isClosed() || !m_relaying)
        return;
    pump(*m_downstream);
    pump(*m_upstreamPipe);
}

void ProxyConnection::pump(Pipe &pipe)
{
    if (isClosed() || !m_relaying || pipe.finished)
        return;
    if (pipe.pumping) {
        pipe.pumpAgain = true; // bytesWritten or disconnected from inside a write
        return;
    }
    pipe.pumping = true;
    do {
        pipe.pumpAgain = false;
        while (!pipe.stalled && pipe.sourceHasBytes()
               && pipe.backlog() < m_settings.maximumBufferedBytes) {
            QByteArray chunk = pipe.source->read(ReadChunkSize);
            if (chunk.isEmpty())
                break;
            if (pipe.sourceLimit >= 0) {
                if (chunk.size() > pipe.sourceLimit)
                    chunk.truncate(pipe.sourceLimit);
                pipe.sourceLimit -= chunk.size();
            }
            if (pipe.rewriter && pipe.rewriter->isActive())
                chunk = pipe.rewriter->feed(std::move(chunk));
            if (chunk.isEmpty())
                continue;
            qint64 due = now();
            if (pipe.latencyMs > 0 || pipe.jitterMs > 0) {
                const qint64 jitter = pipe.jitterMs > 0
                        ? qint64(QRandomGenerator::global()->bounded(
                                  quint64(2 * pipe.jitterMs + 1)))
                                - pipe.jitterMs
                        : 0;
                due += std::max<qint64>(0, pipe.latencyMs + jitter);
            }
            // Jitter never reorders bytes: a chunk is due no earlier than the one before it.
            due = std::max(due, pipe.lastDueMs);
            pipe.lastDueMs = due;
            pipe.queuedBytes += chunk.size();
            pipe.queue.push_back({ std::move(chunk), due });
        }
        deliver(pipe);
        if (isClosed() || pipe.finished)
            break;
        if (pipe.sourceEnded && !pipe.sourceHasBytes() && pipe.queue.empty() && !pipe.stalled) {
            if (pipe.rewriter && pipe.rewriter->isActive()) {
                const QByteArray held = pipe.rewriter->flush();
                if (!held.isEmpty()) {
                    pipe.queuedBytes += held.size();
                    pipe.queue.push_back({ held, now() });
                    pipe.pumpAgain = true;
                    continue;
                }
            }
            finishPipe(pipe);
        }
    } while (pipe.pumpAgain && !isClosed() && !pipe.finished);
    pipe.pumping = false;
}

void ProxyConnection::deliver(Pipe &pipe)
{
    if (!pipe.sink || pipe.sink->state() != QAbstractSocket::ConnectedState) {
        pipe.queue.clear();
        pipe.queuedBytes = 0;
        return;
    }
    const qint64 current = now();
    const auto wakeAt = [&pipe, current](qint64 at) {
        const qint64 wait = std::max<qint64>(1, at - current);
        if (!pipe.timer.isActive() || pipe.timer.remainingTime() > wait)
            pipe.timer.start(int(std::min<qint64>(wait, std::numeric_limits<int>::max())));
    };
    bool wrote = false;
    while (!pipe.queue.empty() && !pipe.stalled) {
        // The receiver is slow: wait for its bytesWritten() instead of growing its buffer.
        if (pipe.sink->bytesToWrite() >= m_settings.maximumBufferedBytes)
            break;
        Pipe::Chunk &front = pipe.queue.front();
        if (front.dueMs > current) {
            wakeAt(front.dueMs);
            break;
        }
        qsizetype allowed = front.bytes.size() - pipe.frontOffset;
        if (pipe.bytesPerSecond > 0) {
            const qint64 capacity =
                    std::max<qint64>(1, pipe.bytesPerSecond * BucketMilliseconds / 1000);
            pipe.tokens = std::min(double(capacity),
                                   pipe.tokens
                                           + double(current - pipe.tokensAtMs)
                                                   * double(pipe.bytesPerSecond) / 1000.0);
            pipe.tokensAtMs = current;
            const qint64 wanted = std::min<qint64>(capacity, allowed);
            if (pipe.tokens < double(wanted)) {
                wakeAt(current
                       + qint64(std::ceil((double(wanted) - pipe.tokens) * 1000.0
                                          / double(pipe.bytesPerSecond))));
                break;
            }
            allowed = std::min<qsizetype>(allowed, qsizetype(pipe.tokens));
        }
        if (pipe.slicerMaximumBytes > 0) {
            if (current < pipe.nextPieceAtMs) {
                wakeAt(pipe.nextPieceAtMs);
                break;
            }
            allowed = std::min<qsizetype>(
                    allowed, 1 + QRandomGenerator::global()->bounded(pipe.slicerMaximumBytes));
        }
        const ProxyFault *limitReached = nullptr;
        for (const ProxyFault &fault : std::as_const(pipe.closeAfter)) {
            const qint64 remaining = pipe.closeAfterRemaining.value(fault.id);
            if (remaining <= allowed) {
                allowed = qsizetype(remaining);
                limitReached = &fault;
            }
        }
        const QByteArrayView piece(front.bytes.constData() + pipe.frontOffset, allowed);
        std::optional<qsizetype> cut;
        if (pipe.scanner && !pipe.scanner->isOpaque()) {
            cut = pipe.scanner->scan(piece, pipe.cutMidEvent.has_value());
            if (cut) {
                allowed = *cut;
                limitReached = nullptr;
            }
        }
        if (allowed > 0) {
            pipe.sink->write(piece.constData(), allowed);
            wrote = true;
            *pipe.counter += allowed;
            pipe.queuedBytes -= allowed;
            pipe.frontOffset += allowed;
            pipe.tokens -= double(allowed);
            for (auto it = pipe.closeAfterRemaining.begin(); it != pipe.closeAfterRemaining.end();
                 ++it)
                it.value() -= allowed;
            if (pipe.frontOffset == front.bytes.size()) {
                pipe.queue.pop_front();
                pipe.frontOffset = 0;
            }
        }
        if (cut) {
            pipe.sink->flush();
            closeWithFault(*pipe.cutMidEvent,
                           u"cut mid-event after %1 bytes downstream"_s.arg(*pipe.counter));
            return;
        }
        if (limitReached) {
            pipe.sink->flush();
            const ProxyFault fault = *limitReached;
            closeWithFault(fault,
                           u"closed after %1 bytes %2"_s.arg(fault.bytes)
                                   .arg(ProxyFault::directionName(pipe.way)));
            return;
        }
        if (pipe.slicerMaximumBytes > 0) {
            // Each piece leaves on its own, or the kernel would merge them again.
            pipe.sink->flush();
            wrote = false;
            if (isClosed() || pipe.finished)
                return;
            pipe.nextPieceAtMs = current + pipe.slicerDelayMs;
            if (pipe.slicerDelayMs > 0) {
                if (!pipe.queue.empty())
                    wakeAt(pipe.nextPieceAtMs);
                break;
            }
        }
    }
    if (pipe.queue.empty())
        pipe.lastDueMs = std::min(pipe.lastDueMs, current);
    // Straight to the kernel instead of on the next event-loop pass: one pass less per chunk.
    if (wrote)
        pipe.sink->flush();
}

void ProxyConnection::finishPipe(Pipe &pipe)
{
    if (pipe.finished)
        return;
    if (pipe.slowCloseMs > 0 && !pipe.slowClosing) {
        pipe.slowClosing = true;
        QTimer::singleShot(pipe.slowCloseMs, this, [this, &pipe] {
            if (!isClosed() && !pipe.finished)
                finishPipe(pipe);
        });
        return;
    }
    pipe.finished = true;
    if (m_info.closeReason.isEmpty())
        setCloseReason(pipe.way == ProxyFault::Direction::Downstream ? u"upstream closed"_s
                                                                     : u"client closed"_s);
    if (pipe.sink)
        closeGracefully(pipe.sink);
    checkFinished();
}

void ProxyConnection::handleDisconnected(QTcpSocket *socket)
{
    if (isClosed())
        return;
    if (!m_relaying) {
        if (socket == m_client) {
            setCloseReason(u"client closed"_s);
            if (m_upstream) {
                disconnect(m_upstream, nullptr, this, nullptr);
                m_upstream->abort();
            }
        }
        checkFinished();
        return;
    }
    // Qt closes a socket for good once its peer's FIN arrives (no half-close), so the pipe
    // that writes to it is done, and the one that reads from it delivers what is left.
    Pipe &reading = socket == m_client ? *m_upstreamPipe : *m_downstream;
    Pipe &writing = socket == m_client ? *m_downstream : *m_upstreamPipe;
    writing.finished = true;
    writing.queue.clear();
    writing.queuedBytes = 0;
    reading.sourceEnded = true;
    pump(reading);
    checkFinished();
}

void ProxyConnection::closeWithFault(const ProxyFault &fault, const QString &what)
{
    setCloseReason(u"%1 by fault #%2 (%3)"_s.arg(what).arg(fault.id).arg(
            ProxyFault::kindName(fault.kind)));
    emit faultTriggered(fault);
    shutDown(m_info.closeReason);
}

void ProxyConnection::cutNow(const ProxyFault &action)
{
    if (isClosed())
        return;
    setCloseReason(u"cut by fault #%1"_s.arg(action.id));
    emit faultTriggered(action);
    shutDown(m_info.closeReason);
}

void ProxyConnection::shutDown(const QString &reason)
{
    if (isClosed())
        return;
    setCloseReason(reason);
    for (Pipe *pipe : { m_downstream.get(), m_upstreamPipe.get() }) {
        pipe->finished = true;
        pipe->queue.clear();
        pipe->queuedBytes = 0;
        pipe->timer.stop();
    }
    if (m_upstream)
        closeGracefully(m_upstream);
    if (m_client)
        closeGracefully(m_client);
    checkFinished();
}

void ProxyConnection::resetNow(const ProxyFault &action)
{
    if (isClosed())
        return;
    // Aborting one socket reports its disconnection at once; the other must still get its RST,
    // not the FIN that closing a relay's remaining side would send.
    m_resetting = true;
    if (action.id > 0) {
        setCloseReason(u"reset by fault #%1"_s.arg(action.id));
        emit faultTriggered(action);
    }
    for (Pipe *pipe : { m_downstream.get(), m_upstreamPipe.get() }) {
        pipe->finished = true;
        pipe->queue.clear();
        pipe->queuedBytes = 0;
        pipe->timer.stop();
    }
    for (QTcpSocket *socket : { m_upstream, m_client }) {
        if (!socket || socket->state() == QAbstractSocket::UnconnectedState)
            continue;
#ifdef Q_OS_UNIX
        // SO_LINGER with a zero timeout makes close() abortive: RST instead of FIN.
        const linger abortive { 1, 0 };
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &abortive,
                     sizeof abortive);
#endif
        socket->abort();
    }
    m_resetting = false;
    checkFinished();
}

void ProxyConnection::closeGracefully(QTcpSocket *socket)
{
    if (socket->state() == QAbstractSocket::UnconnectedState)
        return;
    drainInput(socket);
    socket->flush();
    if (socket->bytesToWrite() > 0) {
        // Qt writes the rest, then closes; bounded by maximumBufferedBytes.
        socket->disconnectFromHost();
        return;
    }
#ifdef Q_OS_UNIX
    // FIN now, whatever arrives between here and close().
    ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
#endif
    socket->abort();
}

void ProxyConnection::setCloseReason(const QString &reason)
{
    if (m_info.closeReason.isEmpty())
        m_info.closeReason = reason;
}

void ProxyConnection::checkFinished()
{
    if (isClosed() || m_finishing || m_resetting)
        return;
    const auto gone = [](QTcpSocket *socket) {
        return !socket || socket->state() == QAbstractSocket::UnconnectedState;
    };
    if (!gone(m_client) || !gone(m_upstream)) {
        // A relay whose one side is gone and whose other side has nothing left to deliver.
        if (m_relaying && m_downstream->finished && m_upstreamPipe->finished) {
            for (QTcpSocket *socket : { m_client, m_upstream }) {
                if (!gone(socket) && socket->state() != QAbstractSocket::ClosingState)
                    closeGracefully(socket);
            }
            if (!gone(m_client) || !gone(m_upstream))
                return;
        } else {
            return;
        }
    }
    m_finishing = true;
    m_downstream->timer.stop();
    m_upstreamPipe->timer.stop();
    m_info.state = ProxyConnectionInfo::State::Closed;
    m_info.closedAt = QDateTime::currentDateTimeUtc();
    if (m_info.closeReason.isEmpty())
        m_info.closeReason = u"closed"_s;
    emit closed();
}
