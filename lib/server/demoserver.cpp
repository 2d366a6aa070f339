// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "demoserver.h"

#include <algorithm>
#include <zlib.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include "demooptions.h"
#include "httprequesthead.h"
#include "llmdemo.h"
#include "ssewriter.h"

using namespace Qt::StringLiterals;

namespace {

// The documented request limits: 64 KiB of head (else 431), a 1 MiB body (else 413).
constexpr HttpRequestHead::Limits RequestLimits;
// A client that stopped reading is dropped once this much is queued for it; otherwise a
// firehose channel would grow the write buffer without bound.
constexpr qint64 MaximumQueuedBytes = 64 * 1024 * 1024;
// Custom-parameter channels outlive their last client by this much, so a client that
// reconnects (browser default 3 s) still finds its replay buffer.
constexpr qint64 IdleChannelGraceMs = 30'000;
constexpr int MaximumChannels = 64;
// A firehose channel (interval below this) pauses while it has no clients instead of spinning
// the CPU for nobody; nothing is produced meanwhile, so nothing is missed either.
constexpr int MinimumIdleIntervalMs = 10;
// A firehose tick is skipped while any client of the channel has more than this queued: the
// stream is then clocked by its slowest reader instead of growing write buffers until the
// MaximumQueuedBytes drop (measured: a 64 KiB x 100 burst outran curl on loopback in < 1 s).
constexpr qint64 FirehoseHighWaterBytes = 4 * 1024 * 1024;

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 202:
        return QByteArrayLiteral("Accepted");
    case 204:
        return QByteArrayLiteral("No Content");
    case 301:
        return QByteArrayLiteral("Moved Permanently");
    case 302:
        return QByteArrayLiteral("Found");
    case 304:
        return QByteArrayLiteral("Not Modified");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 413:
        return QByteArrayLiteral("Content Too Large");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    case 505:
        return QByteArrayLiteral("HTTP Version Not Supported");
    default:
        return QByteArrayLiteral("Status");
    }
}

// Strict non-negative decimal: no sign, no spaces, fits in qint64.
std::optional<qint64> parseUnsigned(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

const char *const TokenWords[] = {
    "Server",    "-sent",   " events",  " stream", " text",    " from",     " a",     " server",
    " to",       " the",    " browser", " over",   " one",     " long",     "-lived", " HTTP",
    " response", ".",       " Each",    " token",  " arrives", " as",       " its",   " own",
    " event",    ",",       " just",    " like",   " a",       " language", " model", " writing",
    " an",       " answer", " word",    " by",     " word",    ".",         "\n",
};
constexpr int TokenWordCount = int(sizeof(TokenWords) / sizeof(TokenWords[0]));

const char IndexPage[] = R"html(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>SSE Scope demo server</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; }
#log { font: 13px/1.35 ui-monospace, monospace; white-space: pre-wrap; border: 1px solid #bbb;
       padding: .5em; height: 70vh; overflow-y: auto; }
.open { color: #070; } .error { color: #b00; } .event { color: #000; }
</style>
</head>
<body>
<h1>SSE Scope demo server</h1>
<p>This page's own <code>new EventSource(...)</code> on <code id="url"></code>, for comparison with
SSE Scope. The query string of this page is passed on to the stream, e.g.
<code>/?interval=200&amp;dropEvery=5&amp;retry=1000</code>.</p>
<p><button id="toggle">Close</button> readyState: <span id="state"></span></p>
<div id="log"></div>
<script>
"use strict";
const url = "/stream" + location.search;
document.getElementById("url").textContent = url;
const log = document.getElementById("log");
const stateLabel = document.getElementById("state");
const states = ["CONNECTING", "OPEN", "CLOSED"];
let source = null;
let lastError = 0;
function print(kind, text) {
  const line = document.createElement("div");
  line.className = kind;
  line.textContent = new Date().toISOString() + "  " + text;
  const follow = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
  log.appendChild(line);
  while (log.childNodes.length > 2000) log.removeChild(log.firstChild);
  if (follow) log.scrollTop = log.scrollHeight;
}
function showState() { stateLabel.textContent = source ? states[source.readyState] : "none"; }
function onEvent(event) {
  print("event", event.type + "  id=" + JSON.stringify(event.lastEventId) + "  data=" +
        JSON.stringify(event.data));
}
function connect() {
  source = new EventSource(url);
  source.onopen = () => { print("open", "open (" + (lastError ? "reconnected" : "connected") + ")"); showState(); };
  source.onerror = () => {
    lastError = Date.now();
    print("error", "error, readyState=" + states[source.readyState] +
          (source.readyState === 0 ? " (the browser will reconnect)" : " (gave up)"));
    showState();
  };
  source.onmessage = onEvent;
  const types = new URLSearchParams(location.search).get("event");
  if (types) for (const type of types.split(",")) if (type) source.addEventListener(type, onEvent);
  showState();
}
document.getElementById("toggle").onclick = (event) => {
  if (source && source.readyState !== 2) { source.close(); print("error", "closed by the page"); event.target.textContent = "Open"; }
  else { connect(); event.target.textContent = "Close"; }
  showState();
};
connect();
</script>
</body>
</html>
)html";

} // namespace

// Everything a `/stream` request asks for: the content part (which selects a channel) and the
// per-connection part.
struct DemoServer::StreamParameters
{
    int intervalMs = 1000;
    QStringList eventTypes;
    Payload payload = Payload::Timestamp;
    int payloadBytes = 1024;
    int burst = 1;

    int retryMs = -1;
    int dropEvery = 0;
    int stallAfter = 0;
    int status = 200;
    int retryAfterSeconds = -1;
    QByteArray contentType;
    int heartbeatMs = 0;
    int holdEvents = 0;
    Resume resume = Resume::Replay;
    int firstByteDelayMs = 0;
    bool gzip = false;
    bool proxyBuffering = false;

    static StreamParameters fromOptions(const Options &options)
    {
        StreamParameters parameters;
        parameters.intervalMs = options.intervalMs;
        parameters.eventTypes = options.eventType.split(u',', Qt::SkipEmptyParts);
        parameters.payload = options.payload;
        parameters.payloadBytes = options.payloadBytes;
        parameters.burst = options.burst;
        parameters.retryMs = options.retryMs;
        parameters.dropEvery = options.dropEvery;
        parameters.stallAfter = options.stallAfter;
        parameters.status = options.status;
        parameters.retryAfterSeconds = options.retryAfterSeconds;
        parameters.contentType = options.contentType;
        parameters.heartbeatMs = options.heartbeatMs;
        parameters.holdEvents = options.holdEvents;
        parameters.resume = options.resume;
        parameters.firstByteDelayMs = options.firstByteDelayMs;
        parameters.gzip = options.gzip;
        parameters.proxyBuffering = options.proxyBuffering;
        return parameters;
    }

    // Canonical form of the content part; equal keys share one generator and replay buffer.
    QString channelKey() const
    {
        return u"interval=%1;event=%2;payload=%3;bytes=%4;burst=%5"_s.arg(intervalMs)
                .arg(eventTypes.join(u','), DemoServer::payloadName(payload))
                .arg(payload == Payload::Large ? payloadBytes : 0)
                .arg(burst);
    }
};

// One event generator: a timer, the events it made (for replay) and the clients it feeds.
struct DemoServer::Channel
{
    struct Buffered
    {
        qint64 id = 0;
        QByteArray bytes;
    };

    StreamParameters parameters;
    bool permanent = false;
    QTimer timer;
    QList<Buffered> buffer; // Qt 6 QList: erasing the front only moves a pointer.
    qint64 generated = 0;
    qint64 lastId = 0; // the channel's own sequence: the newest id it generated
    // Whether any client received one of its events: until then its ids are no one's story yet,
    // so a resuming client may move the sequence on (see startStream()).
    bool delivered = false;
    QList<Connection *> clients;
    QElapsedTimer idleSince;
    QByteArray largeFill;

    void becomeIdle()
    {
        idleSince.start();
        if (parameters.intervalMs < MinimumIdleIntervalMs)
            timer.stop();
    }
};

// A gzip member written as the stream goes: each write is deflated and sync-flushed, so the
// client can decode every event as soon as it arrives (RFC 1952 framing by zlib).
class GzipStream
{
public:
    GzipStream()
    {
        // 15 + 16: the gzip wrapper instead of zlib's own.
        m_ok = deflateInit2(&m_stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
                            Z_DEFAULT_STRATEGY)
                == Z_OK;
    }
    ~GzipStream()
    {
        if (m_ok)
            deflateEnd(&m_stream);
    }
    GzipStream(const GzipStream &) = delete;
    GzipStream &operator=(const GzipStream &) = delete;

    /// Z_SYNC_FLUSH after a write, Z_FINISH for the trailer at the end.
    QByteArray compress(const QByteArray &input, int flush)
    {
        QByteArray output;
        if (!m_ok)
            return output;
        m_stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.constData()));
        m_stream.avail_in = uInt(input.size());
        do {
            const qsizetype start = output.size();
            const qsizetype room = 16 * 1024 + input.size() / 2;
            output.resize(start + room);
            m_stream.next_out = reinterpret_cast<Bytef *>(output.data() + start);
            m_stream.avail_out = uInt(room);
            deflate(&m_stream, flush);
            output.resize(start + room - m_stream.avail_out);
        } while (m_stream.avail_out == 0);
        return output;
    }

private:
    z_stream m_stream = {};
    bool m_ok = false;
};

// One open `/stream` client.
struct DemoServer::Connection
{
    QTcpSocket *socket = nullptr;
    std::shared_ptr<Channel> channel;
    qint64 sent = 0;
    int dropEvery = 0;
    int stallAfter = 0;
    bool closing = false;
    QTimer heartbeat;
    // The pathology knobs: what the body goes through before the socket (see writeBody()).
    int holdEvents = 0;
    int heldEvents = 0;
    QByteArray held; ///< Body bytes held back by hold or firstByteDelay.
    QTimer firstByte; ///< Running while the body is held back after the headers.
    std::unique_ptr<GzipStream> gzip;
    qint64 idBase = -1; ///< Resume::Restart: ids are rewritten as channel id - idBase.

    void stopTimers()
    {
        heartbeat.stop();
        firstByte.stop();
    }
};

namespace {

// The event with its `id:` line replaced: SseWriter writes `event:` (optional) then `id: N`,
// and no other line starts with "id:", as every data line starts with "data:".
QByteArray withId(const QByteArray &event, qint64 id)
{
    const qsizetype start = event.startsWith("id: ") ? 0 : event.indexOf("\nid: ") + 1;
    if (start <= 0 && !event.startsWith("id: "))
        return event;
    const qsizetype end = event.indexOf('\n', start);
    QByteArray result = event;
    result.replace(start, end - start, QByteArray("id: " + QByteArray::number(id)));
    return result;
}

} // namespace

QString DemoServer::payloadName(Payload payload)
{
    switch (payload) {
    case Payload::Timestamp:
        return u"timestamp"_s;
    case Payload::JsonCounter:
        return u"json"_s;
    case Payload::Tokens:
        return u"tokens"_s;
    case Payload::Large:
        return u"large"_s;
    }
    return {};
}

QString DemoServer::resumeName(Resume resume)
{
    return DemoOptions::textValue(
            [resume] {
                Options options;
                options.resume = resume;
                return options;
            }(),
            DemoOptions::Knob::Resume);
}

std::optional<DemoServer::Payload> DemoServer::payloadFromName(QStringView name)
{
    for (Payload payload :
         { Payload::Timestamp, Payload::JsonCounter, Payload::Tokens, Payload::Large }) {
        if (name.compare(payloadName(payload), Qt::CaseInsensitive) == 0)
            return payload;
    }
    return std::nullopt;
}

DemoServer::DemoServer(QObject *parent)
    : QObject(parent)
{}

DemoServer::~DemoServer()
{
    // No signals from a half-destroyed object.
    blockSignals(true);
    stop();
}

bool DemoServer::start()
{
    return start(Options {});
}

bool DemoServer::start(const Options &options)
{
    stop();
    m_errorString.clear();
    if (const QString problem = DemoOptions::validate(options); !problem.isEmpty()) {
        m_errorString = problem;
        return false;
    }
    const StreamParameters defaults = StreamParameters::fromOptions(options);
    m_options = options;

    m_server = new QTcpServer(this);
    if (!m_server->listen(options.address, options.port)) {
        m_errorString = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return false;
    }
    connect(m_server, &QTcpServer::newConnection, this, &DemoServer::handleNewConnection);

    // The default channel runs for as long as the server listens, so events produced while a
    // client is away are there to replay when it comes back with Last-Event-ID.
    Channel *defaultChannel = channelFor(defaults);
    m_defaultChannelKey = defaults.channelKey();
    defaultChannel->permanent = true;
    defaultChannel->becomeIdle();

    auto *expiry = new QTimer(m_server);
    expiry->setInterval(5000);
    connect(expiry, &QTimer::timeout, this, &DemoServer::expireIdleChannels);
    expiry->start();
    return true;
}

void DemoServer::stop()
{
    const auto pending = m_pendingRequests.keys() + m_answering;
    m_pendingRequests.clear();
    m_answering.clear();
    const auto streams = m_connections.keys();
    // Callers up the stack (generate(), startStream()) hold shared pointers, so marking is
    // enough to make them stop writing; the objects die when the last holder lets go.
    for (const auto &connection : std::as_const(m_connections)) {
        connection->closing = true;
        connection->stopTimers();
    }
    for (const auto &channel : std::as_const(m_channels))
        channel->timer.stop();
    m_connections.clear();
    m_channels.clear();
    for (QTcpSocket *socket : pending + streams) {
        disconnect(socket, nullptr, this, nullptr);
        socket->abort();
        socket->deleteLater();
    }
    if (m_server) {
        m_server->close();
        m_server->deleteLater();
        m_server = nullptr;
    }
    for (qsizetype i = 0; i < streams.size(); ++i)
        emit clientDisconnected();
}

bool DemoServer::isListening() const
{
    return m_server && m_server->isListening();
}

quint16 DemoServer::port() const
{
    return isListening() ? m_server->serverPort() : 0;
}

QHostAddress DemoServer::address() const
{
    return isListening() ? m_server->serverAddress() : QHostAddress();
}

QUrl DemoServer::baseUrl() const
{
    if (!isListening())
        return {};
    QHostAddress host = address();
    // A wildcard bind is reachable on loopback; "0.0.0.0" is not a URL a client can open.
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress(QHostAddress::LocalHost);
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress(QHostAddress::LocalHostIPv6);
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(host.toString());
    url.setPort(port());
    url.setPath(u"/"_s);
    return url;
}

QUrl DemoServer::streamUrl() const
{
    QUrl url = baseUrl();
    if (!url.isEmpty())
        url.setPath(u"/stream"_s);
    return url;
}

QUrl DemoServer::streamUrl(const QUrlQuery &query) const
{
    QUrl url = streamUrl();
    if (!url.isEmpty())
        url.setQuery(query);
    return url;
}

QString DemoServer::errorString() const
{
    return m_errorString;
}

int DemoServer::clientCount() const
{
    return int(m_connections.size());
}

const DemoServer::Options &DemoServer::options() const
{
    return m_options;
}

qint64 DemoServer::lastEventIdSent() const
{
    const auto channel = m_channels.value(m_defaultChannelKey);
    return channel ? channel->lastId : 0;
}

qint64 DemoServer::lastEventIdSent(const QUrlQuery &query) const
{
    QString problem;
    const StreamParameters parameters = parametersFor(query, &problem);
    if (!problem.isEmpty())
        return 0;
    const auto channel = m_channels.value(parameters.channelKey());
    return channel ? channel->lastId : 0;
}

void DemoServer::handleNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        // The QTcpServer owns accepted sockets by default; reparent so stop() decides.
        socket->setParent(this);
        m_pendingRequests.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { handleReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this,
                [this, socket] { handleDisconnected(socket); });
        if (socket->bytesAvailable() > 0)
            handleReadyRead(socket);
    }
}

void DemoServer::handleReadyRead(QTcpSocket *socket)
{
    const auto pending = m_pendingRequests.find(socket);
    if (pending == m_pendingRequests.end()) {
        // Anything a streaming client sends after its request is irrelevant here.
        socket->readAll();
        return;
    }
    QByteArray &buffer = pending.value();
    buffer += socket->readAll();

    const HttpRequestHead::ParseResult parsed = HttpRequestHead::parse(buffer, RequestLimits);
    if (parsed.status == HttpRequestHead::Status::Incomplete)
        return;
    if (parsed.status == HttpRequestHead::Status::Error) {
        m_pendingRequests.erase(pending);
        // These answer before the request was read to its end, so the client may still be
        // sending (a body, or the rest of an endless head).
        const bool unread =
                parsed.errorStatus == 413 || parsed.errorStatus == 431 || parsed.errorStatus == 501;
        sendSimpleResponse(socket, parsed.errorStatus, parsed.errorMessage.toUtf8() + '\n',
                           QByteArrayLiteral("text/plain; charset=utf-8"), {}, unread);
        return;
    }
    const HttpRequestHead &head = parsed.head;
    // The parser also accepts a proxy's absolute-form target; this server only serves its own.
    if (head.targetForm() != HttpRequestHead::TargetForm::Origin) {
        m_pendingRequests.erase(pending);
        sendSimpleResponse(socket, 400,
                           QByteArrayLiteral("Request target must be an absolute path\n"));
        return;
    }
    const qint64 bodyLength = head.contentLength().value_or(0);
    if (buffer.size() - head.size() < bodyLength)
        return; // wait for the rest of the body

    const QByteArray body = buffer.mid(head.size(), bodyLength);
    m_pendingRequests.erase(pending);
    emit requestReceived(head.method(), head.target(), head.headers(), body);
    // A slot may have stopped the server (this socket was in no list stop() walks, so close it
    // here) or the client may be gone already.
    if (!isListening()) {
        disconnect(socket, nullptr, this, nullptr);
        socket->abort();
        socket->deleteLater();
        return;
    }
    if (socket->state() != QAbstractSocket::ConnectedState)
        return;
    dispatchRequest(socket, head, body);
}

DemoServer::StreamParameters DemoServer::parametersFor(const QUrlQuery &query,
                                                       QString *problem) const
{
    const DemoOptions::QueryResult result = DemoOptions::fromQuery(query, m_options);
    *problem = result.error;
    return StreamParameters::fromOptions(result.options);
}

void DemoServer::dispatchRequest(QTcpSocket *socket, const HttpRequestHead &head,
                                 const QByteArray &body)
{
    const QString path = QUrl::fromPercentEncoding(head.path());
    const QUrlQuery query(QString::fromUtf8(head.query()));

    if (path == u"/"_s || path == u"/index.html"_s) {
        sendSimpleResponse(socket, 200, QByteArray(IndexPage),
                           QByteArrayLiteral("text/html; charset=utf-8"));
        return;
    }
    if (LlmDemo::formatForPath(path)) {
        startLlmAnswer(socket, path, query, body);
        return;
    }
    if (path != u"/stream"_s) {
        sendSimpleResponse(socket, 404,
                           "Not found; the stream is at /stream, LLM answers at "
                                   + LlmDemo::paths().join(u", "_s).toUtf8() + '\n');
        return;
    }

    QString problem;
    const StreamParameters parameters = parametersFor(query, &problem);
    if (!problem.isEmpty()) {
        sendSimpleResponse(socket, 400, problem.toUtf8() + '\n');
        return;
    }

    const QByteArray lastEventId = head.header("Last-Event-ID");

    if (parameters.status != 200) {
        HeaderList extra;
        if (parameters.retryAfterSeconds >= 0)
            extra.append({ QByteArrayLiteral("Retry-After"),
                           QByteArray::number(parameters.retryAfterSeconds) });
        const QByteArray body = parameters.status == 204
                ? QByteArray()
                : QByteArray::number(parameters.status) + ' ' + reasonPhrase(parameters.status)
                        + " (requested by status=" + QByteArray::number(parameters.status) + ")\n";
        sendSimpleResponse(socket, parameters.status, body,
                           QByteArrayLiteral("text/plain; charset=utf-8"), extra);
        return;
    }
    startStream(socket, path, parameters, lastEventId);
}

void DemoServer::startLlmAnswer(QTcpSocket *socket, const QString &path, const QUrlQuery &query,
                                const QByteArray &body)
{
    QString problem;
    const std::optional<LlmDemo::Options> options = LlmDemo::optionsFromQuery(query, &problem);
    if (!options) {
        sendSimpleResponse(socket, 400, problem.toUtf8() + '\n');
        return;
    }
    // An MCP answer echoes the JSON-RPC id of the request, when the body has one.
    QByteArray requestId;
    const QJsonObject request = QJsonDocument::fromJson(body).object();
    if (const QJsonValue id = request.value(u"id"_s); id.isString() || id.isDouble())
        requestId =
                QJsonDocument(QJsonArray { id }).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    auto script = std::make_shared<LlmDemo::Script>(
            LlmDemo::script(*LlmDemo::formatForPath(path), *options, requestId));

    // Close-delimited, as many streaming gateways answer; the close after the last write ends
    // the body cleanly.
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: " + script->contentType
                  + "\r\nCache-Control: no-cache\r\nConnection: close\r\n"
                    "Access-Control-Allow-Origin: *\r\nX-Accel-Buffering: no\r\n\r\n");
    m_answering.append(socket);
    // The timer is the socket's child: a client that leaves ends the answer with it.
    auto *player = new QTimer(socket);
    player->setSingleShot(true);
    player->setTimerType(Qt::PreciseTimer);
    auto next = std::make_shared<qsizetype>(0);
    connect(player, &QTimer::timeout, socket, [socket, player, script, next] {
        socket->write(script->steps.at((*next)++).bytes);
        if (*next < script->steps.size())
            player->start(script->steps.at(*next).delayMs);
        else
            socket->disconnectFromHost(); // flushes first
    });
    if (script->steps.isEmpty())
        socket->disconnectFromHost();
    else
        player->start(script->steps.constFirst().delayMs);
}

void DemoServer::sendSimpleResponse(QTcpSocket *socket, int status, const QByteArray &body,
                                    const QByteArray &contentType, const HeaderList &extraHeaders,
                                    bool drainBeforeClose)
{
    QByteArray response =
            "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    // RFC 9110 §15.3.5: a 204 has no content, so no Content-Type or Content-Length either.
    if (status != 204) {
        response += "Content-Type: " + contentType + "\r\n";
        response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    for (const auto &[name, value] : extraHeaders)
        response += name + ": " + value + "\r\n";
    response += "Cache-Control: no-cache\r\n"
                "Access-Control-Allow-Origin: *\r\n"
                "Connection: close\r\n\r\n";
    if (status != 204)
        response += body;
    socket->write(response);
    if (drainBeforeClose) {
        // Closing with unread input makes the kernel send RST, which can destroy the response
        // before the client reads it. Keep reading (handleReadyRead() discards input of
        // unknown sockets) and close a little later; most clients close first on their own.
        QTimer::singleShot(500, socket, [socket] { socket->disconnectFromHost(); });
        return;
    }
    // disconnectFromHost() flushes what was written before closing.
    socket->disconnectFromHost();
}

void DemoServer::startStream(QTcpSocket *socket, const QString &path,
                             const StreamParameters &parameters, const QByteArray &lastEventId)
{
    channelFor(parameters);
    auto connection = std::make_shared<Connection>();
    connection->socket = socket;
    connection->channel = m_channels.value(parameters.channelKey());
    connection->dropEvery = parameters.dropEvery;
    connection->stallAfter = parameters.stallAfter;
    connection->holdEvents = parameters.holdEvents;
    if (parameters.gzip)
        connection->gzip = std::make_unique<GzipStream>();
    m_connections.insert(socket, connection);
    Connection *raw = connection.get();
    Channel *channel = raw->channel.get();
    // Announced before any write: a drop limit may close the connection during the replay.
    emit clientConnected(path, lastEventId);
    if (raw->closing || !m_connections.contains(socket))
        return;

    QByteArray head = QByteArrayLiteral("HTTP/1.1 200 OK\r\n");
    if (!parameters.contentType.isEmpty())
        head += "Content-Type: " + parameters.contentType + "\r\n";
    if (parameters.gzip)
        head += "Content-Encoding: gzip\r\n";
    head += "Cache-Control: no-cache\r\n"
            "Connection: keep-alive\r\n"
            "Access-Control-Allow-Origin: *\r\n";
    // Tells nginx-style proxies in front of a forwarded port not to buffer the stream; the
    // proxyBuffering knob leaves it out to show what such a proxy does by default.
    if (!parameters.proxyBuffering)
        head += "X-Accel-Buffering: no\r\n";
    head += "\r\n";
    socket->write(head);

    if (parameters.firstByteDelayMs > 0) {
        raw->firstByte.setSingleShot(true);
        connect(&raw->firstByte, &QTimer::timeout, this, [this, raw] {
            if (!raw->closing)
                releaseHeld(raw);
        });
        raw->firstByte.start(parameters.firstByteDelayMs);
    }
    // HTML §9.2.6: "If the field name is "retry"... set the event stream's reconnection time".
    if (parameters.retryMs >= 0)
        writeBody(raw, SseWriter::retry(parameters.retryMs), 0);

    if (parameters.heartbeatMs > 0) {
        raw->heartbeat.setInterval(parameters.heartbeatMs);
        connect(&raw->heartbeat, &QTimer::timeout, this, [this, raw] {
            if (raw->closing || (raw->stallAfter > 0 && raw->sent >= raw->stallAfter))
                return;
            writeBody(raw, SseWriter::comment("heartbeat"), 0);
        });
        raw->heartbeat.start();
    }

    QList<qint64> ids;
    QList<QByteArray> missed;
    QByteArray joined;
    switch (parameters.resume) {
    case Resume::Replay:
        // Replay what this client missed (ids are increasing, so "id > N" is exactly the gap),
        // then it joins the live fan-out. A non-numeric Last-Event-ID replays nothing.
        if (const auto after = parseUnsigned(lastEventId.trimmed())) {
            if (*after > channel->lastId && !channel->delivered) {
                // The client comes from an earlier run of this server or from an expired
                // channel: continue its story at N + 1. Restarting at 1 (or jumping on to
                // whatever this channel made meanwhile, for nobody) would read as lost events,
                // which the server never lost. Nothing buffered has an id above N, so nothing is
                // dropped from replay.
                channel->buffer.clear();
                channel->lastId = *after;
            }
            for (const Channel::Buffered &event : std::as_const(channel->buffer)) {
                if (event.id > *after) {
                    ids.append(event.id);
                    missed.append(event.bytes);
                    joined += event.bytes;
                }
            }
        }
        break;
    case Resume::Full:
        // Whatever the client sent: everything buffered again, from the first.
        for (const Channel::Buffered &event : std::as_const(channel->buffer)) {
            ids.append(event.id);
            missed.append(event.bytes);
            joined += event.bytes;
        }
        break;
    case Resume::Restart:
        raw->idBase = channel->lastId;
        break;
    case Resume::Ignore:
        break;
    }
    if (!missed.isEmpty())
        deliver(raw, ids, missed, joined);
    if (!raw->closing) {
        channel->clients.append(raw);
        if (!channel->timer.isActive())
            channel->timer.start();
    }
}

DemoServer::Channel *DemoServer::channelFor(const StreamParameters &parameters)
{
    const QString key = parameters.channelKey();
    if (const auto existing = m_channels.value(key))
        return existing.get();

    if (m_channels.size() >= MaximumChannels) {
        // Evict the channel idle the longest; busy ones are never evicted (rare overflow is OK).
        QString oldestKey;
        qint64 oldestIdle = -1;
        for (auto it = m_channels.cbegin(); it != m_channels.cend(); ++it) {
            const Channel &candidate = *it.value();
            if (candidate.permanent || !candidate.clients.isEmpty()
                || !candidate.idleSince.isValid())
                continue;
            if (candidate.idleSince.elapsed() > oldestIdle) {
                oldestIdle = candidate.idleSince.elapsed();
                oldestKey = it.key();
            }
        }
        if (!oldestKey.isEmpty())
            m_channels.remove(oldestKey);
    }

    auto channel = std::make_shared<Channel>();
    channel->parameters = parameters;
    if (parameters.payload == Payload::Large) {
        static constexpr char Alphabet[] =
                "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ";
        constexpr int AlphabetSize = int(sizeof(Alphabet)) - 1;
        channel->largeFill.resize(parameters.payloadBytes);
        for (int i = 0; i < parameters.payloadBytes; ++i)
            channel->largeFill[i] = Alphabet[i % AlphabetSize];
    }
    Channel *raw = channel.get();
    raw->timer.setInterval(parameters.intervalMs);
    // The lock keeps the channel alive even if a slot reached from generate() stops the server.
    connect(&raw->timer, &QTimer::timeout, this, [this, weak = std::weak_ptr<Channel>(channel)] {
        if (const auto locked = weak.lock())
            generate(locked.get());
    });
    raw->timer.start();
    m_channels.insert(key, std::move(channel));
    return raw;
}

void DemoServer::generate(Channel *channel)
{
    const StreamParameters &parameters = channel->parameters;
    if (parameters.intervalMs < MinimumIdleIntervalMs) {
        for (const Connection *connection : std::as_const(channel->clients)) {
            if (connection->socket->bytesToWrite() > FirehoseHighWaterBytes)
                return;
        }
    }
    // One clock reading per tick: a burst shares its timestamp, as a real batch would.
    const QByteArray time = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1();
    QList<QByteArray> events;
    events.reserve(parameters.burst);
    QList<qint64> ids;
    ids.reserve(parameters.burst);
    QByteArray joined;

    for (int i = 0; i < parameters.burst; ++i) {
        const qint64 id = ++channel->lastId;
        const qint64 index = channel->generated++;
        QByteArray data;
        switch (parameters.payload) {
        case Payload::Timestamp:
            data = time;
            break;
        case Payload::JsonCounter:
            data = "{\"n\":" + QByteArray::number(id) + ",\"time\":\"" + time + "\"}";
            break;
        case Payload::Tokens:
            data = TokenWords[index % TokenWordCount];
            break;
        case Payload::Large: {
            data = channel->largeFill;
            const QByteArray prefix = '#' + QByteArray::number(id) + ' ';
            data.replace(0, std::min(prefix.size(), data.size()), prefix.left(data.size()));
            break;
        }
        }

        QByteArray event;
        event.reserve(data.size() + 48);
        const QByteArray type = parameters.eventTypes.isEmpty()
                ? QByteArray()
                : parameters.eventTypes.at(index % parameters.eventTypes.size()).toUtf8();
        SseWriter::appendEvent(event, data, type, QByteArrayView(QByteArray::number(id)));
        joined += event;
        events.append(event);
        ids.append(id);
        channel->buffer.append({ id, std::move(event) });
    }

    const qsizetype capacity = m_options.replayCapacity;
    if (channel->buffer.size() > capacity)
        channel->buffer.remove(0, channel->buffer.size() - capacity);

    // Shared copies: delivering can close connections (and so edit the client list), and a
    // slot connected to clientDisconnected may even stop the server.
    QList<std::shared_ptr<Connection>> clients;
    clients.reserve(channel->clients.size());
    for (Connection *connection : std::as_const(channel->clients))
        clients.append(m_connections.value(connection->socket));
    for (const auto &connection : std::as_const(clients)) {
        if (connection && !connection->closing)
            deliver(connection.get(), ids, events, joined);
    }
}

void DemoServer::deliver(Connection *connection, const QList<qint64> &ids,
                         const QList<QByteArray> &events, const QByteArray &joined)
{
    qint64 allowed = events.size();
    if (connection->dropEvery > 0)
        allowed = std::min<qint64>(allowed, connection->dropEvery - connection->sent);
    if (connection->stallAfter > 0)
        allowed = std::min<qint64>(allowed, connection->stallAfter - connection->sent);
    allowed = std::max<qint64>(allowed, 0);

    QTcpSocket *socket = connection->socket;
    if (allowed > 0)
        connection->channel->delivered = true;
    if (connection->idBase >= 0) {
        QByteArray renumbered;
        for (qsizetype i = 0; i < allowed; ++i)
            renumbered += withId(events.at(i), ids.at(i) - connection->idBase);
        writeBody(connection, renumbered, int(allowed));
    } else if (allowed == events.size()) {
        writeBody(connection, joined, int(allowed));
    } else if (allowed > 0) {
        QByteArray part;
        for (qsizetype i = 0; i < allowed; ++i)
            part += events.at(i);
        writeBody(connection, part, int(allowed));
    }
    connection->sent += allowed;

    if (connection->dropEvery > 0 && connection->sent >= connection->dropEvery) {
        closeConnection(socket);
    } else if (socket->bytesToWrite() > MaximumQueuedBytes) {
        qWarning("DemoServer: dropping a client that stopped reading (%lld bytes queued)",
                 socket->bytesToWrite());
        socket->abort();
    }
}

void DemoServer::writeBody(Connection *connection, const QByteArray &bytes, int eventCount)
{
    if (bytes.isEmpty())
        return;
    if (connection->firstByte.isActive() || connection->holdEvents > 0) {
        connection->held += bytes;
        connection->heldEvents += eventCount;
        if (connection->firstByte.isActive() || connection->heldEvents < connection->holdEvents)
            return;
        releaseHeld(connection);
        return;
    }
    connection->socket->write(connection->gzip ? connection->gzip->compress(bytes, Z_SYNC_FLUSH)
                                               : bytes);
}

void DemoServer::releaseHeld(Connection *connection)
{
    connection->firstByte.stop();
    const QByteArray held = std::exchange(connection->held, {});
    connection->heldEvents = 0;
    if (held.isEmpty())
        return;
    connection->socket->write(connection->gzip ? connection->gzip->compress(held, Z_SYNC_FLUSH)
                                               : held);
}

void DemoServer::closeConnection(QTcpSocket *socket)
{
    const auto connection = m_connections.value(socket);
    if (!connection || connection->closing)
        return;
    // "Close after N events" means N arrive: whatever is held back goes out first, and a
    // compressed stream gets its gzip trailer.
    releaseHeld(connection.get());
    if (connection->gzip)
        socket->write(connection->gzip->compress({}, Z_FINISH));
    connection->closing = true;
    connection->stopTimers();
    Channel *channel = connection->channel.get();
    channel->clients.removeOne(connection.get());
    if (channel->clients.isEmpty())
        channel->becomeIdle();
    // Flushes the queued events, then closes.
    socket->disconnectFromHost();
}

void DemoServer::handleDisconnected(QTcpSocket *socket)
{
    m_pendingRequests.remove(socket);
    m_answering.removeOne(socket);
    socket->deleteLater();
    const auto connection = m_connections.take(socket);
    if (!connection)
        return;
    connection->closing = true;
    connection->stopTimers();
    Channel *channel = connection->channel.get();
    if (channel->clients.removeOne(connection.get()) && channel->clients.isEmpty())
        channel->becomeIdle();
    // This can run inside deliver() (abort() emits synchronously); its callers hold their own
    // shared pointer, so dropping ours here is safe.
    emit clientDisconnected();
}

void DemoServer::expireIdleChannels()
{
    for (auto it = m_channels.begin(); it != m_channels.end();) {
        const Channel &channel = *it.value();
        if (!channel.permanent && channel.clients.isEmpty() && channel.idleSince.isValid()
            && channel.idleSince.elapsed() > IdleChannelGraceMs) {
            it = m_channels.erase(it);
        } else {
            ++it;
        }
    }
}
