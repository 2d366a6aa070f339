// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "servecommand.h"

#include <cstdio>
#include <limits>
#include <optional>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QSocketNotifier>

#include "demoserver.h"

#ifdef Q_OS_UNIX
#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace {

void printError(const QString &message)
{
    std::fprintf(stderr, "ssescope-cli serve: %s\n", qPrintable(message));
}

#ifdef Q_OS_UNIX
int s_signalPipe[2] = { -1, -1 };

// Only async-signal-safe work here: one byte into a pipe; the event loop does the rest.
void writeSignalByte(int signalNumber)
{
    const char byte = char(signalNumber);
    [[maybe_unused]] const auto written = ::write(s_signalPipe[1], &byte, 1);
}

// Self-pipe bridge from SIGINT/SIGTERM to QCoreApplication::quit(); undone by the destructor.
class SignalBridge
{
public:
    SignalBridge()
    {
        if (::pipe(s_signalPipe) != 0)
            return;
        for (int fd : s_signalPipe)
            ::fcntl(fd, F_SETFD, FD_CLOEXEC);
        ::fcntl(s_signalPipe[1], F_SETFL, O_NONBLOCK);
        m_notifier = new QSocketNotifier(s_signalPipe[0], QSocketNotifier::Read);
        QObject::connect(m_notifier, &QSocketNotifier::activated, m_notifier, [] {
            char byte = 0;
            [[maybe_unused]] const auto bytesRead = ::read(s_signalPipe[0], &byte, 1);
            QCoreApplication::quit();
        });
        struct sigaction action = {};
        action.sa_handler = writeSignalByte;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(SIGINT, &action, &m_previousInt);
        ::sigaction(SIGTERM, &action, &m_previousTerm);
        m_installed = true;
    }
    ~SignalBridge()
    {
        if (m_installed) {
            ::sigaction(SIGINT, &m_previousInt, nullptr);
            ::sigaction(SIGTERM, &m_previousTerm, nullptr);
        }
        delete m_notifier;
        for (int &fd : s_signalPipe) {
            if (fd >= 0)
                ::close(fd);
            fd = -1;
        }
    }
    SignalBridge(const SignalBridge &) = delete;
    SignalBridge &operator=(const SignalBridge &) = delete;

private:
    QSocketNotifier *m_notifier = nullptr;
    struct sigaction m_previousInt = {};
    struct sigaction m_previousTerm = {};
    bool m_installed = false;
};
#endif

std::optional<int> parseNumber(const QCommandLineParser &parser, const QString &name, int minimum,
                               int maximum, QString &error)
{
    bool ok = false;
    const QString text = parser.value(name);
    const int value = text.toInt(&ok);
    if (!ok || value < minimum || value > maximum) {
        error = u"--%1 must be a number from %2 to %3, not \"%4\""_s.arg(name)
                        .arg(minimum)
                        .arg(maximum)
                        .arg(text);
        return std::nullopt;
    }
    return value;
}

} // namespace

int runServeCommand(const QStringList &arguments)
{
    if (!QCoreApplication::instance()) {
        printError(u"internal error: no QCoreApplication"_s);
        return 1;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Runs the SSE Scope demo server: the classic example, one `data: <timestamp>` event "
            u"per "
            "second on http://127.0.0.1:8080/stream, with replay of missed events on Last-Event-ID "
            "and fault knobs. Every option can also be overridden per request with a query "
            "parameter, e.g. /stream?interval=100&dropEvery=5&retry=1000. Stop with Ctrl+C."_s);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QList<QCommandLineOption> options = {
        { u"port"_s, u"TCP port to listen on; 0 picks a free one (default 8080)."_s, u"port"_s,
          u"8080"_s },
        { u"bind"_s, u"Address to listen on (default 127.0.0.1)."_s, u"address"_s, u"127.0.0.1"_s },
        { u"interval"_s, u"Milliseconds between events; 0 = as fast as possible (default 1000)."_s,
          u"ms"_s, u"1000"_s },
        { u"event"_s,
          u"Event type (`event:` line); a comma list rotates. Default: none (message)."_s,
          u"type"_s },
        { u"payload"_s, u"Data: timestamp, json, tokens or large (default timestamp)."_s, u"kind"_s,
          u"timestamp"_s },
        { u"bytes"_s, u"Data size for --payload large (default 1024)."_s, u"n"_s, u"1024"_s },
        { u"burst"_s, u"Events per interval (default 1)."_s, u"n"_s, u"1"_s },
        { u"retry"_s, u"Send `retry: MS` at the start of each stream."_s, u"ms"_s },
        { u"drop-every"_s, u"Close each connection after N events."_s, u"n"_s },
        { u"stall-after"_s, u"Stop sending after N events but keep the connection open."_s,
          u"n"_s },
        { u"heartbeat"_s, u"Send a `: heartbeat` comment every MS milliseconds."_s, u"ms"_s },
        { u"status"_s, u"Answer /stream with this HTTP status instead of 200."_s, u"code"_s },
        { u"content-type"_s,
          u"Content-Type of the stream (default text/event-stream; charset=utf-8)."_s, u"type"_s },
        { u"verbose"_s, u"Log each client connect and disconnect to stderr."_s },
    };
    parser.addOptions(options);

    if (!parser.parse(QStringList { QCoreApplication::applicationName() } + arguments)) {
        printError(parser.errorText());
        return 1;
    }
    if (parser.isSet(helpOption)) {
        QString help = parser.helpText();
        help.replace(u"[options]"_s, u"serve [options]"_s);
        std::fputs(qPrintable(help), stdout);
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printError(u"unexpected argument \"%1\"; see --help"_s.arg(
                parser.positionalArguments().constFirst()));
        return 1;
    }

    DemoServer::Options serverOptions;
    QString error;
    const auto number = [&](const QString &name, int minimum, int maximum) -> std::optional<int> {
        if (!error.isEmpty())
            return std::nullopt;
        return parseNumber(parser, name, minimum, maximum, error);
    };
    constexpr int Big = std::numeric_limits<int>::max();
    if (const auto port = number(u"port"_s, 0, 65535))
        serverOptions.port = quint16(*port);
    const QString bind = parser.value(u"bind"_s);
    if (bind.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        serverOptions.address = QHostAddress(QHostAddress::LocalHost);
    else if (!serverOptions.address.setAddress(bind) && error.isEmpty())
        error = u"--bind needs an IP address, not \"%1\""_s.arg(bind);
    if (const auto interval = number(u"interval"_s, 0, 24 * 3600 * 1000))
        serverOptions.intervalMs = *interval;
    serverOptions.eventType = parser.value(u"event"_s);
    if (const auto payload = DemoServer::payloadFromName(parser.value(u"payload"_s)))
        serverOptions.payload = *payload;
    else if (error.isEmpty())
        error = u"--payload must be timestamp, json, tokens or large, not \"%1\""_s.arg(
                parser.value(u"payload"_s));
    if (const auto bytes = number(u"bytes"_s, 0, 16 * 1024 * 1024))
        serverOptions.payloadBytes = *bytes;
    if (const auto burst = number(u"burst"_s, 1, 100'000))
        serverOptions.burst = *burst;
    if (parser.isSet(u"retry"_s)) {
        if (const auto retry = number(u"retry"_s, 0, Big))
            serverOptions.retryMs = *retry;
    }
    if (parser.isSet(u"drop-every"_s)) {
        if (const auto dropEvery = number(u"drop-every"_s, 0, Big))
            serverOptions.dropEvery = *dropEvery;
    }
    if (parser.isSet(u"stall-after"_s)) {
        if (const auto stallAfter = number(u"stall-after"_s, 0, Big))
            serverOptions.stallAfter = *stallAfter;
    }
    if (parser.isSet(u"heartbeat"_s)) {
        if (const auto heartbeat = number(u"heartbeat"_s, 0, 24 * 3600 * 1000))
            serverOptions.heartbeatMs = *heartbeat;
    }
    if (parser.isSet(u"status"_s)) {
        if (const auto status = number(u"status"_s, 200, 599))
            serverOptions.status = *status;
    }
    if (parser.isSet(u"content-type"_s))
        serverOptions.contentType = parser.value(u"content-type"_s).toUtf8();
    if (!error.isEmpty()) {
        printError(error);
        return 1;
    }

    DemoServer server;
    if (!server.start(serverOptions)) {
        printError(u"cannot listen on %1 port %2: %3"_s.arg(serverOptions.address.toString())
                           .arg(serverOptions.port)
                           .arg(server.errorString()));
        return 1;
    }
    if (!serverOptions.address.isLoopback()) {
        printError(u"warning: listening on %1, not loopback: anyone who can reach this machine can "
                   "connect"_s.arg(serverOptions.address.toString()));
    }
    std::fprintf(stderr, "Serving on %s (open %s in a browser)\n",
                 qPrintable(server.streamUrl().toString()),
                 qPrintable(server.baseUrl().toString()));
    std::fflush(stderr);

    if (parser.isSet(u"verbose"_s)) {
        QObject::connect(&server, &DemoServer::clientConnected, &server,
                         [&server](const QString &path, const QByteArray &lastEventId) {
                             std::fprintf(stderr, "client connected: %s%s%s (%d open)\n",
                                          qPrintable(path),
                                          lastEventId.isNull() ? "" : ", Last-Event-ID: ",
                                          lastEventId.constData(), server.clientCount());
                         });
        QObject::connect(&server, &DemoServer::clientDisconnected, &server, [&server] {
            std::fprintf(stderr, "client disconnected (%d open)\n", server.clientCount());
        });
    }

#ifdef Q_OS_UNIX
    const SignalBridge signalBridge;
#endif
    QCoreApplication::exec();
    server.stop();
    return 0;
}
