// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "watchcommand.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <limits>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QProcessEnvironment>
#include <QSocketNotifier>

#include "curlcommand.h"
#include "eventmatcher.h"
#include "jsonpointer.h"
#include "recordjson.h"

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace {

// Lines are written once the current burst is handled, or earlier when this much piles up:
// large enough that a firehose costs one write() per 64 KiB, small enough to stay in cache.
constexpr qsizetype FlushThreshold = 64 * 1024;

// Seconds as a positive decimal ("1", "0.25"), rounded to whole milliseconds (at least 1).
std::optional<std::chrono::milliseconds> parseSeconds(const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value <= 0 || value > 365.0 * 24 * 3600)
        return std::nullopt;
    return std::chrono::milliseconds(std::max<qint64>(1, qRound64(value * 1000)));
}

bool isHttpToken(QStringView text)
{
    // RFC 9110 §5.6.2: token = 1*tchar.
    static constexpr QStringView Specials = u"!#$%&'*+-.^_`|~";
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const bool alphanumeric =
                (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
        if (!alphanumeric && !Specials.contains(c))
            return false;
    }
    return true;
}

QString usageLine()
{
    return u"Usage: ssescope-cli watch [options] URL (or --curl COMMAND)"_s;
}

// A body option's value: the text itself, or @file / @- (stdin).
std::optional<QByteArray> readBody(const QString &value, QString *error)
{
    if (!value.startsWith(u'@'))
        return value.toUtf8();
    const QString fileName = value.mid(1);
    QFile file(fileName);
    const bool opened = fileName == u"-"_s ? file.open(stdin, QIODevice::ReadOnly)
                                           : file.open(QIODevice::ReadOnly);
    if (!opened) {
        *error = u"cannot read file '"_s % fileName % u"': "_s % file.errorString();
        return std::nullopt;
    }
    return file.readAll();
}

bool hasHeader(const StreamRequest::HeaderList &headers, QByteArrayView name)
{
    return std::any_of(headers.cbegin(), headers.cend(), [name](const auto &header) {
        return QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0;
    });
}

QString profileNames()
{
    QStringList names;
    for (const StreamProfile::Kind kind : StreamProfile::kinds())
        names << StreamProfile::name(kind);
    return names.join(u", "_s);
}

#ifdef Q_OS_UNIX
// SIGINT/SIGTERM → the event loop: the handler only writes the signal number to a pipe (the one
// async-signal-safe thing to do); a QSocketNotifier reads it on the main thread.
int s_signalPipe[2] = { -1, -1 };

void forwardSignal(int signalNumber)
{
    const int savedErrno = errno;
    const char byte = char(signalNumber);
    if (::write(s_signalPipe[1], &byte, 1) < 0) {
        // Nothing useful can be done inside a signal handler; the pipe is non-blocking.
    }
    errno = savedErrno;
}

void installSignalBridge(WatchCommand *command)
{
    if (::pipe(s_signalPipe) != 0)
        return;
    for (int fd : s_signalPipe) {
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    }
    auto *notifier = new QSocketNotifier(s_signalPipe[0], QSocketNotifier::Read, command);
    QObject::connect(notifier, &QSocketNotifier::activated, command, [command] {
        char byte = 0;
        if (::read(s_signalPipe[0], &byte, 1) != 1)
            return;
        command->stop(byte == SIGTERM ? u"terminated"_s : u"interrupted"_s,
                      WatchCommand::ExitStopped);
    });
    struct sigaction action = {};
    action.sa_handler = forwardSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}
#endif

} // namespace

WatchArguments WatchCommand::parseArguments(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Watches a Server-Sent Events stream (or a JSON-lines one: application/x-ndjson, "
            "application/jsonl, application/json-seq) and prints one JSON object per line "
            "(NDJSON) on stdout: connecting, open, event, retry, comment, error, reconnecting, "
            "summary and closed records, and finding records: what the findings engine concludes "
            "about the stream (resume verdicts, buffering, idle, response hygiene; see "
            "docs/findings.md), each right after the record that revealed it.\n"
            "An LLM stream (OpenAI, Anthropic, Gemini, MCP, Ollama; see --profile) stops at its "
            "end marker and never reconnects after it; a summary record before closed gives the "
            "merged answer, usage, time to first token, gaps and warnings. A POST (or any "
            "request but GET, HEAD, OPTIONS) is not sent again after its stream opened unless "
            "--resend-body is given: a clean end is then the end.\n"
            "Exit codes: 0 = the stream completed (an end marker such as [DONE]) or ended, or "
            "--max-events, --timeout, --until or a signal stopped it; 1 = usage error; 2 = the "
            "stream failed for good (non-200 status, wrong Content-Type, HTTP 204, an error "
            "event inside the stream, a cut POST stream, or gave up reconnecting); 3 = it ended "
            "without the end marker its format sends (a cut-off answer)."_s);
    const QCommandLineOption helpOption = parser.addHelpOption();
    parser.addPositionalArgument(u"URL"_s,
                                 u"The http:// or https:// stream URL (or use --curl)."_s);

    const QCommandLineOption maxEventsOption(u"max-events"_s, u"Stop (exit 0) after <n> events."_s,
                                             u"n"_s);
    const QCommandLineOption timeoutOption(
            u"timeout"_s, u"Stop (exit 0) after <seconds> (decimals allowed)."_s, u"seconds"_s);
    const QCommandLineOption headerOption(QStringList { u"H"_s, u"header"_s },
                                          u"Add a request header, \"Name: value\". Repeatable."_s,
                                          u"header"_s);
    const QCommandLineOption methodOption(QStringList { u"X"_s, u"method"_s },
                                          u"HTTP method (default GET, or POST with --data)."_s,
                                          u"method"_s);
    const QCommandLineOption dataOption(
            QStringList { u"d"_s, u"data"_s },
            u"Request body (makes the method POST); as with curl -d it goes out as "
            "application/x-www-form-urlencoded unless a Content-Type header is given: use "
            "--json for JSON. @file reads it from a file, @- from stdin."_s,
            u"body"_s);
    const QCommandLineOption jsonOption(
            u"json"_s,
            u"Send <body> as JSON (POST; @file and @- as for --data) with Content-Type: "
            "application/json and Accept: text/event-stream, application/json, unless given "
            "with -H. curl's --json asks for application/json alone, which a streaming API may "
            "answer without streaming; MCP servers require both."_s,
            u"body"_s);
    const QCommandLineOption curlOption(
            u"curl"_s,
            u"Take the URL, method, headers and body from a curl command as copied from browser "
            "DevTools (bash or cmd) or API docs; $NAME is read from the environment, @file "
            "data from disk. Other options still apply on top."_s,
            u"command"_s);
    const QCommandLineOption untilOption(
            u"until"_s,
            u"Stop (exit 0, reason until) at the first event that matches <marker>: a type or "
            "data given exactly ([DONE], message_stop), event:NAME, data:TEXT, or /REGEX/ "
            "searched in the data."_s,
            u"marker"_s);
    const QCommandLineOption profileOption(
            u"profile"_s,
            u"The stream's format, which decides the end marker and how the summary merges the "
            "answer: "_s
                    + profileNames()
                    + u". Default auto: from the URL and the first events; none: a plain "
                      "event stream."_s,
            u"name"_s, u"auto"_s);
    const QCommandLineOption pointerOption(
            u"pointer"_s,
            u"For --profile custom: where each event's JSON holds a part of the answer, as "
            "<part>=<JSON pointer>; part is text, reasoning, tool-id, tool-name or "
            "tool-arguments, e.g. text=/choices/0/delta/content. Repeatable."_s,
            u"part=pointer"_s);
    const QCommandLineOption resendBodyOption(
            u"resend-body"_s,
            u"Send a POST (or PUT, …) again on every reconnect, body and all; by default only "
            "GET, HEAD and OPTIONS requests are repeated after their stream opened."_s);
    const QCommandLineOption summaryOption(
            u"summary"_s,
            u"Write the summary record (timing, and the answer for an LLM stream) for any "
            "stream; by default only for a recognised LLM stream."_s);
    const QCommandLineOption lastEventIdOption(u"last-event-id"_s,
                                               u"Initial Last-Event-ID to resume from."_s, u"id"_s);
    const QCommandLineOption reconnectOption(
            u"reconnect"_s,
            u"Reconnection policy: browser (default: as EventSource, honours retry:), fixed, "
            "backoff or off."_s,
            u"policy"_s, u"browser"_s);
    const QCommandLineOption retryOption(
            u"retry"_s,
            u"Reconnect delay in ms: overrides the server's retry: (browser), the fixed "
            "delay (fixed) or the first delay (backoff)."_s,
            u"ms"_s);
    const QCommandLineOption maxReconnectsOption(
            u"max-reconnects"_s,
            u"Give up (exit 2) after <n> failed reconnect attempts in a row; 0 = never "
            "reconnect."_s,
            u"n"_s);
    const QCommandLineOption idleTimeoutOption(
            u"idle-timeout"_s,
            u"Treat <seconds> without any bytes (comments count) as a broken connection and "
            "reconnect."_s,
            u"seconds"_s);
    const QCommandLineOption insecureOption(QStringList { u"k"_s, u"insecure"_s },
                                            u"Ignore TLS certificate errors."_s);
    const QCommandLineOption commentsOption(u"comments"_s,
                                            u"Also print comment lines (e.g. heartbeats)."_s);
    const QCommandLineOption proxyOption(
            u"proxy"_s,
            u"Connect through this proxy: http://[user:password@]host:port (an HTTP proxy such "
            "as `ssescope-cli proxy`; https streams go through CONNECT) or socks5://host:port."_s,
            u"url"_s);
    const QCommandLineOption findingsOption(
            u"findings"_s,
            u"Print finding records, each right after the record that revealed it (the "
            "default)."_s);
    const QCommandLineOption noFindingsOption(u"no-findings"_s, u"Do not print finding records."_s);
    const QCommandLineOption controlOption(
            u"control"_s,
            u"Take commands while watching, one per line, from <source> (only \"stdin\"): "
            "reconnect (now, keeping Last-Event-ID), drop (cut the connection as a network "
            "failure would), offline SECONDS (every attempt fails for that long), close (stop, "
            "exit 0). Each command is printed as a control record before its effects."_s,
            u"source"_s);
    parser.addOptions({ maxEventsOption,   timeoutOption,     untilOption,    headerOption,
                        methodOption,      dataOption,        jsonOption,     curlOption,
                        lastEventIdOption, reconnectOption,   retryOption,    maxReconnectsOption,
                        resendBodyOption,  idleTimeoutOption, insecureOption, commentsOption,
                        profileOption,     pointerOption,     summaryOption,  proxyOption,
                        findingsOption,    noFindingsOption,  controlOption });

    WatchArguments result;
    const auto fail = [&result](const QString &message) {
        result.status = WatchArguments::Status::Error;
        result.text = message;
        return result;
    };

    if (!parser.parse(QStringList { u"ssescope-cli watch"_s } + arguments))
        return fail(parser.errorText());
    if (parser.isSet(helpOption)) {
        // QCommandLineParser names the executable by its full path; the subcommand is clearer.
        QString help = parser.helpText();
        const qsizetype firstLineEnd = help.indexOf(u'\n');
        help = usageLine() + help.mid(firstLineEnd);
        result.status = WatchArguments::Status::Help;
        result.text = help;
        return result;
    }

    const QStringList positional = parser.positionalArguments();
    const bool fromCurl = parser.isSet(curlOption);
    if (positional.isEmpty() && !fromCurl)
        return fail(u"missing URL"_s);
    if (!positional.isEmpty() && fromCurl)
        return fail(u"give either a URL or --curl, not both"_s);
    if (positional.size() > 1)
        return fail(u"unexpected argument '"_s % positional.at(1) % u"'"_s);

    WatchOptions &options = result.options;
    SseReader::Request &request = options.request;

    if (fromCurl) {
        CurlCommand::ParseOptions curlOptions;
        const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        curlOptions.environment = [environment](const QString &name) -> std::optional<QString> {
            if (!environment.contains(name))
                return std::nullopt;
            return environment.value(name);
        };
        curlOptions.readFile = [](const QString &fileName,
                                  QString *error) -> std::optional<QByteArray> {
            QFile file(fileName);
            if (!file.open(QIODevice::ReadOnly)) {
                *error = file.errorString();
                return std::nullopt;
            }
            return file.readAll();
        };
        const CurlCommand::ParseResult curl =
                CurlCommand::parse(parser.value(curlOption), curlOptions);
        if (!curl.isValid())
            return fail(u"--curl: "_s % curl.error);
        for (const QString &warning : curl.warnings)
            result.notes << u"--curl: "_s % warning;
        request.url = curl.request.url;
        request.method = curl.request.method;
        request.headers = curl.request.headers;
        request.body = curl.request.body;
        request.ignoreTlsErrors = curl.request.ignoreTlsErrors;
    } else {
        request.url = QUrl(positional.constFirst());
        const QString scheme = request.url.scheme().toLower();
        if (!request.url.isValid() || request.url.host().isEmpty()
            || (scheme != u"http"_s && scheme != u"https"_s)) {
            return fail(u"invalid URL '"_s % positional.constFirst()
                        % u"': expected an http:// or https:// URL"_s);
        }
    }

    if (parser.isSet(maxEventsOption)) {
        bool ok = false;
        options.maximumEvents = parser.value(maxEventsOption).toULongLong(&ok);
        if (!ok || options.maximumEvents == 0)
            return fail(u"--max-events needs a positive whole number, not '"_s
                        % parser.value(maxEventsOption) % u"'"_s);
    }
    if (parser.isSet(timeoutOption)) {
        options.timeout = parseSeconds(parser.value(timeoutOption));
        if (!options.timeout)
            return fail(u"--timeout needs a positive number of seconds, not '"_s
                        % parser.value(timeoutOption) % u"'"_s);
    }

    for (const QString &header : parser.values(headerOption)) {
        const qsizetype colon = header.indexOf(u':');
        const QString name = header.left(colon).trimmed();
        // A malformed header is not echoed: a mistyped "Authorization Bearer …" would put the
        // token into terminal scrollback and CI logs.
        if (colon < 0 || !isHttpToken(name))
            return fail(u"--header needs \"Name: value\" (the malformed header is not shown, "
                        "as it may hold a secret)"_s);
        const QString value = header.mid(colon + 1).trimmed();
        if (value.contains(u'\r') || value.contains(u'\n'))
            return fail(u"--header value must not contain line breaks"_s);
        request.headers.append({ name.toLatin1(), value.toUtf8() });
    }

    // Before --data @- reads standard input: the two cannot share it.
    if (parser.isSet(controlOption)) {
        if (parser.value(controlOption) != u"stdin"_s)
            return fail(u"--control takes \"stdin\", not '"_s % parser.value(controlOption)
                        % u"'"_s);
        for (const QCommandLineOption &bodyOption : { dataOption, jsonOption }) {
            if (parser.isSet(bodyOption) && parser.value(bodyOption) == u"@-"_s)
                return fail(u"--control stdin and --"_s % bodyOption.names().constLast()
                            % u" @- both want standard input"_s);
        }
        options.controlStdin = true;
    }
    if (parser.isSet(dataOption) && parser.isSet(jsonOption))
        return fail(u"give either --data or --json, not both"_s);
    for (const QCommandLineOption &bodyOption : { dataOption, jsonOption }) {
        if (!parser.isSet(bodyOption))
            continue;
        QString problem;
        const std::optional<QByteArray> body = readBody(parser.value(bodyOption), &problem);
        if (!body)
            return fail(u"--"_s % bodyOption.names().constLast() % u": "_s % problem);
        request.body = *body;
        request.method = QByteArrayLiteral("POST");
    }
    if (parser.isSet(jsonOption)) {
        if (!hasHeader(request.headers, "Content-Type"))
            request.headers.append(
                    { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") });
        if (!hasHeader(request.headers, "Accept"))
            request.headers.append({ QByteArrayLiteral("Accept"),
                                     QByteArrayLiteral("text/event-stream, application/json") });
    }
    if (parser.isSet(methodOption)) {
        const QString method = parser.value(methodOption);
        if (!isHttpToken(method))
            return fail(u"--method needs an HTTP method name, not '"_s % method % u"'"_s);
        request.method = method.toLatin1();
    }

    if (parser.isSet(lastEventIdOption))
        request.lastEventId = parser.value(lastEventIdOption);

    ReconnectPolicy::Settings &reconnect = request.reconnect;
    const std::optional<ReconnectPolicy::Mode> mode =
            ReconnectPolicy::modeFromName(parser.value(reconnectOption));
    if (!mode)
        return fail(u"--reconnect must be browser, fixed, backoff or off, not '"_s
                    % parser.value(reconnectOption) % u"'"_s);
    reconnect.mode = *mode;

    if (parser.isSet(retryOption)) {
        bool ok = false;
        const qint64 milliseconds = parser.value(retryOption).toLongLong(&ok);
        if (!ok || milliseconds < 0 || milliseconds > std::numeric_limits<int>::max())
            return fail(u"--retry needs a number of milliseconds, not '"_s
                        % parser.value(retryOption) % u"'"_s);
        const std::chrono::milliseconds delay(milliseconds);
        reconnect.retryOverride = delay;
        reconnect.fixedDelay = delay;
        reconnect.backoffBase = delay;
        reconnect.backoffCap = std::max(reconnect.backoffCap, delay);
    }
    if (parser.isSet(maxReconnectsOption)) {
        bool ok = false;
        const int count = parser.value(maxReconnectsOption).toInt(&ok);
        if (!ok || count < 0)
            return fail(u"--max-reconnects needs a whole number >= 0, not '"_s
                        % parser.value(maxReconnectsOption) % u"'"_s);
        // The policy reads 0 as "unlimited"; on the command line 0 reads as "none at all".
        if (count == 0)
            reconnect.mode = ReconnectPolicy::Mode::Off;
        else
            reconnect.maxAttempts = count;
    }
    if (parser.isSet(idleTimeoutOption)) {
        const std::optional<std::chrono::milliseconds> idle =
                parseSeconds(parser.value(idleTimeoutOption));
        if (!idle)
            return fail(u"--idle-timeout needs a positive number of seconds, not '"_s
                        % parser.value(idleTimeoutOption) % u"'"_s);
        request.idleTimeout = *idle;
    }

    if (parser.isSet(untilOption)) {
        QString problem;
        if (!EventMatcher::parse(parser.value(untilOption), &problem))
            return fail(u"--until: "_s % problem);
        request.until = parser.value(untilOption);
    }
    const std::optional<StreamProfile::Kind> profile =
            StreamProfile::fromName(parser.value(profileOption));
    if (!profile)
        return fail(u"--profile must be one of "_s % profileNames() % u", not '"_s
                    % parser.value(profileOption) % u"'"_s);
    request.profile = *profile;
    for (const QString &pointer : parser.values(pointerOption)) {
        const QString part = pointer.section(u'=', 0, 0);
        const QString value = pointer.section(u'=', 1);
        QString *target = part == u"text"_s   ? &request.customProfile.text
                : part == u"reasoning"_s      ? &request.customProfile.reasoning
                : part == u"tool-id"_s        ? &request.customProfile.toolCallId
                : part == u"tool-name"_s      ? &request.customProfile.toolCallName
                : part == u"tool-arguments"_s ? &request.customProfile.toolCallArguments
                                              : nullptr;
        if (!target || !pointer.contains(u'=') || !JsonPointer::isValid(value))
            return fail(u"--pointer needs part=/json/pointer with part text, reasoning, tool-id, "
                        "tool-name or tool-arguments, not '"_s
                        % pointer % u"'"_s);
        *target = value;
    }
    if (request.profile == StreamProfile::Kind::Custom && request.customProfile.isEmpty())
        return fail(u"--profile custom needs at least one --pointer"_s);
    if (request.profile != StreamProfile::Kind::Custom && !request.customProfile.isEmpty())
        return fail(u"--pointer needs --profile custom"_s);
    if (parser.isSet(resendBodyOption))
        request.resendBody = true;
    options.summary = parser.isSet(summaryOption);

    request.ignoreTlsErrors = request.ignoreTlsErrors || parser.isSet(insecureOption);
    options.comments = parser.isSet(commentsOption);
    if (parser.isSet(proxyOption)) {
        const QUrl proxy(parser.value(proxyOption), QUrl::StrictMode);
        const QString proxyScheme = proxy.scheme().toLower();
        if (!proxy.isValid() || proxy.host().isEmpty() || proxy.port() <= 0
            || (proxyScheme != u"http"_s && proxyScheme != u"socks5"_s))
            // Not echoed: the value may hold the proxy's password.
            return fail(
                    u"--proxy needs http://host:port or socks5://host:port, with an optional "
                    "user:password@ (the value given is not shown, as it may hold a password)"_s);
        options.proxy = proxy;
    }
    if (parser.isSet(findingsOption) && parser.isSet(noFindingsOption))
        return fail(u"--findings and --no-findings contradict each other"_s);
    options.findings = !parser.isSet(noFindingsOption);
    return result;
}

WatchCommand::WatchCommand(const WatchOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_buffer.reserve(2 * FlushThreshold);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    m_timeoutTimer.setSingleShot(true);
    m_timeoutTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_flushTimer, &QTimer::timeout, this, &WatchCommand::flush);
    connect(&m_timeoutTimer, &QTimer::timeout, this, [this] { stop(u"timeout"_s, ExitStopped); });
    // Silences (idle, no first byte) show only with time passing; a second is fine enough.
    m_tickTimer.setInterval(1000);
    connect(&m_tickTimer, &QTimer::timeout, this, [this] {
        m_engine.tick(QDateTime::currentDateTimeUtc());
        writeFindings();
    });

    connect(&m_reader, &SseReader::eventReceived, this, &WatchCommand::handleEvent);
    connect(&m_reader, &SseReader::recordReceived, this, &WatchCommand::handleRecord);
    m_reader.setRequest(m_options.request);
    m_analyzer = StreamAnalyzer(m_options.request.profile, m_options.request.customProfile);
    if (!m_options.proxy.isEmpty()) {
        QNetworkProxy proxy(m_options.proxy.scheme().toLower() == u"socks5"_s
                                    ? QNetworkProxy::Socks5Proxy
                                    : QNetworkProxy::HttpProxy,
                            m_options.proxy.host(), quint16(m_options.proxy.port()),
                            m_options.proxy.userName(), m_options.proxy.password());
        m_reader.networkAccessManager()->setProxy(proxy);
    }
}

WatchCommand::~WatchCommand()
{
    flush();
}

void WatchCommand::enableControl()
{
#ifdef Q_OS_UNIX
    ::fcntl(STDIN_FILENO, F_SETFL, ::fcntl(STDIN_FILENO, F_GETFL) | O_NONBLOCK);
    auto *notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [this, notifier] {
        char chunk[4096];
        for (;;) {
            const ssize_t count = ::read(STDIN_FILENO, chunk, sizeof chunk);
            if (count > 0) {
                m_controlBuffer.append(chunk, count);
                continue;
            }
            if (count == 0) // end of input: no more commands, the stream goes on
                notifier->setEnabled(false);
            break;
        }
        for (qsizetype end = m_controlBuffer.indexOf('\n'); end >= 0;
             end = m_controlBuffer.indexOf('\n')) {
            const QByteArray line = m_controlBuffer.left(end).trimmed();
            m_controlBuffer.remove(0, end + 1);
            if (!line.isEmpty())
                runControl(QString::fromUtf8(line));
            if (m_stopped)
                return;
        }
        // A line without its end is kept, but not without bound.
        if (m_controlBuffer.size() > 4096)
            m_controlBuffer.clear();
    });
#endif
}

void WatchCommand::runControl(const QString &line)
{
    const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
    const QString command = words.value(0).toLower();
    StreamRecord record;
    record.kind = StreamRecord::Kind::Control;
    record.command = command;
    record.connection = m_reader.connectionCount();
    record.time = QDateTime::currentDateTimeUtc();
    if (command == u"offline"_s) {
        bool ok = false;
        const double seconds = words.value(1).toDouble(&ok);
        if (!ok || words.size() != 2 || !(seconds > 0) || seconds > 24 * 3600) {
            std::fprintf(stderr,
                         "ssescope-cli watch: offline needs a number of seconds, as in "
                         "\"offline 5\"\n");
            return;
        }
        record.durationMs = qRound64(seconds * 1000);
    } else if ((command != u"reconnect"_s && command != u"drop"_s && command != u"close"_s)
               || words.size() != 1) {
        std::fprintf(stderr,
                     "ssescope-cli watch: unknown control command \"%s\" (expected reconnect, "
                     "drop, offline SECONDS or close)\n",
                     qPrintable(line.left(80)));
        return;
    }
    // The command's record first, then what it caused: the output reads in order.
    writeRecord(record);
    if (command == u"close"_s) {
        stop(u"control"_s, ExitStopped);
    } else if (command == u"drop"_s) {
        m_reader.simulateDrop(SseReader::DropMode::Abort);
    } else if (command == u"offline"_s) {
        m_reader.simulateDrop(SseReader::DropMode::Offline,
                              std::chrono::milliseconds(record.durationMs));
    } else if (m_reader.state() != SseReader::State::Closed) {
        // Reconnect now: cut the open connection (if any) and skip the wait; the next attempt
        // sends the Last-Event-ID as any reconnect does.
        if (!m_reader.isReconnectPending())
            m_reader.simulateDrop(SseReader::DropMode::Abort);
        m_reader.reconnectNow();
    } else {
        m_reader.open();
    }
}

void WatchCommand::start()
{
    writeRecord(StreamRecord::session(QCoreApplication::applicationName() + u' '
                                      + QCoreApplication::applicationVersion()));
    if (m_options.timeout)
        m_timeoutTimer.start(*m_options.timeout);
    if (m_options.findings)
        m_tickTimer.start();
    if (m_options.controlStdin)
        enableControl();
    // Queued, so that even an immediate failure finds the event loop running and can exit it.
    QMetaObject::invokeMethod(&m_reader, &SseReader::open, Qt::QueuedConnection);
}

void WatchCommand::stop(const QString &reason, int exitCode)
{
    if (m_stopped)
        return;
    m_exitCode = exitCode;
    m_timeoutTimer.stop();
    m_tickTimer.stop();
    if (m_reader.state() != SseReader::State::Closed) {
        m_reader.closeWithReason(reason); // its Closed record ends the output
        return;
    }
    // Before the reader opened (a timeout while the queued open() waits): say why ourselves.
    writeRecord(StreamRecord::closed(m_reader.connectionCount(), reason));
    m_stopped = true;
    QCoreApplication::exit(m_exitCode);
}

void WatchCommand::handleEvent(const SseEvent &event)
{
    // The reader may still be inside one chunk's loop when a limit stopped us.
    if (m_stopped)
        return;
    RecordJson::appendEvent(m_buffer, event);
    ++m_eventCount;
    if (m_options.findings) {
        m_engine.addEvent(event); // O(1), allocation-free unless it finds something
        if (m_engine.hasFindings())
            writeFindings();
    }
    // A plain stream needs no analysis unless its summary was asked for: the hot path stays lean.
    if (m_options.summary || !m_analyzer.isPlainStream())
        m_analyzer.addEvent(event);
    if (m_options.maximumEvents != 0 && m_eventCount >= m_options.maximumEvents) {
        stop(u"max-events"_s, ExitStopped);
        return;
    }
    if (m_buffer.size() >= FlushThreshold)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void WatchCommand::handleRecord(const StreamRecord &record)
{
    if (m_stopped)
        return;
    const bool closed = record.kind == StreamRecord::Kind::Closed;
    m_analyzer.addRecord(record);
    if (closed && m_analyzer.hasOpened()
        && (m_options.summary || m_analyzer.profile() != StreamProfile::Kind::None)) {
        // What the stream amounted to, before the Closed record that ends every run. It is a
        // record of the story, so the engine counts it too, as it does in a reloaded recording.
        const StreamRecord summary = m_analyzer.summaryRecord();
        if (m_options.findings)
            m_engine.addRecord(summary);
        writeRecord(summary);
        if (summary.summary->outcome == StreamSummary::Outcome::truncated()
            && record.reason == StreamRecord::CloseReason::ended())
            m_exitCode = ExitIncomplete;
    }
    if (m_options.findings) {
        // Comments feed the engine (heartbeats) even when they are not printed.
        m_engine.addRecord(record);
        // The Closed line ends the output: verdicts it completes go before it.
        if (closed) {
            m_engine.finish(record.time);
            writeFindings();
        }
    }
    if (record.kind == StreamRecord::Kind::Comment && !m_options.comments)
        return;
    writeRecord(record);
    if (m_options.findings && !closed)
        writeFindings();
    if (!closed)
        return;
    m_tickTimer.stop();
    // Closed by stop() (a limit or a signal), or by the reader itself: a failure.
    if (record.reason == StreamRecord::CloseReason::failed()
        || record.reason == StreamRecord::CloseReason::gaveUp())
        m_exitCode = ExitFailed;
    m_stopped = true;
    m_timeoutTimer.stop();
    QCoreApplication::exit(m_exitCode);
}

void WatchCommand::writeFindings()
{
    if (m_stopped || !m_engine.hasFindings())
        return;
    for (const StreamRecord &finding : m_engine.takeFindings())
        RecordJson::appendRecord(m_buffer, finding);
    flush();
}

void WatchCommand::writeRecord(const StreamRecord &record)
{
    RecordJson::appendRecord(m_buffer, record);
    flush();
}

bool WatchCommand::flush()
{
    m_flushTimer.stop();
    if (m_buffer.isEmpty())
        return true;
    const size_t written = std::fwrite(m_buffer.constData(), 1, size_t(m_buffer.size()), stdout);
    const bool ok = written == size_t(m_buffer.size()) && std::fflush(stdout) == 0;
    m_buffer.resize(0); // Unlike clear(), keeps the capacity for the next burst.
    if (!ok && !m_stopped) {
        // SIGPIPE is ignored (runWatchCommand), so a reader that went away (`| head -3`) shows up
        // here as EPIPE: that is the consumer's way of saying "enough", not a failure.
        const int error = errno;
        m_stopped = true;
        m_reader.close();
        if (error == EPIPE) {
            QCoreApplication::exit(ExitStopped);
        } else {
            std::fprintf(stderr, "ssescope-cli: cannot write to stdout: %s\n",
                         std::strerror(error));
            QCoreApplication::exit(ExitFailed);
        }
    }
    return ok;
}

int runWatchCommand(const QStringList &arguments)
{
    const WatchArguments parsed = WatchCommand::parseArguments(arguments);
    switch (parsed.status) {
    case WatchArguments::Status::Help:
        std::fputs(qPrintable(parsed.text), stdout);
        return WatchCommand::ExitStopped;
    case WatchArguments::Status::Error:
        std::fprintf(stderr, "ssescope-cli watch: %s\n%s\nTry 'ssescope-cli watch --help'.\n",
                     qPrintable(parsed.text), qPrintable(usageLine()));
        return WatchCommand::ExitUsage;
    case WatchArguments::Status::Ok:
        break;
    }
    for (const QString &note : parsed.notes)
        std::fprintf(stderr, "ssescope-cli watch: note: %s\n", qPrintable(note));

    WatchCommand command(parsed.options);
#ifdef Q_OS_UNIX
    installSignalBridge(&command);
    // A consumer that goes away (`| head -n 1`) must show up as EPIPE in flush(), not kill us:
    // the first line is written before Qt's network layer, which ignores SIGPIPE too, starts.
    ::signal(SIGPIPE, SIG_IGN);
#endif
    command.start();
    return QCoreApplication::exec();
}
