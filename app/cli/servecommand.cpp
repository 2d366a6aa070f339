// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "servecommand.h"

#include <cstdio>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QSocketNotifier>

#include "demooptions.h"
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

// The classic example's URL, http://127.0.0.1:8080/stream: a fixed port is easier to type into
// a browser than the "any free port" the library defaults to.
constexpr quint16 DefaultPort = 8080;

QString flagOf(const DemoOptions::Spec &spec)
{
    return u"--"_s + spec.flagName;
}

} // namespace

int runServeCommand(const QStringList &arguments)
{
    if (!QCoreApplication::instance()) {
        printError(u"internal error: no QCoreApplication"_s);
        return 1;
    }

    DemoServer::Options serverOptions;
    serverOptions.port = DefaultPort;

    QStringList queryNames;
    for (const DemoOptions::Spec &spec : DemoOptions::specs()) {
        if (!spec.queryName.isEmpty())
            queryNames << spec.queryName;
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Runs the SSE Scope demo server: the classic example, one `data: <timestamp>` event "
            "per second on http://127.0.0.1:8080/stream, with replay of missed events on "
            "Last-Event-ID and fault knobs. The stream options can also be overridden per request "
            "with query parameters of /stream (%1), e.g. "
            "/stream?interval=100&dropEvery=5&retry=1000. "
            "Stop with Ctrl+C."_s.arg(queryNames.join(u", "_s)));
    const QCommandLineOption helpOption = parser.addHelpOption();
    // One option per knob of the shared schema, so the flags take exactly what the query string,
    // the GUI and saved settings take.
    QList<QCommandLineOption> options;
    for (const DemoOptions::Spec &spec : DemoOptions::specs()) {
        QString help = spec.help;
        if (const QString value = DemoOptions::textValue(serverOptions, spec.knob);
            !value.isEmpty())
            help += u" (default %1)"_s.arg(value);
        options.append({ QString(spec.flagName), help + u'.', QString(spec.valueName) });
    }
    options.append({ u"bind"_s, u"Address to listen on (default 127.0.0.1)."_s, u"address"_s,
                     u"127.0.0.1"_s });
    options.append({ u"verbose"_s, u"Log each client connect and disconnect to stderr."_s });
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

    for (const DemoOptions::Spec &spec : DemoOptions::specs()) {
        const QString flag = spec.flagName;
        if (!parser.isSet(flag))
            continue;
        if (const QString error = DemoOptions::setFromText(serverOptions, spec.knob,
                                                           parser.value(flag), flagOf(spec));
            !error.isEmpty()) {
            printError(error);
            return 1;
        }
    }
    const QString bind = parser.value(u"bind"_s);
    if (bind.compare(u"localhost"_s, Qt::CaseInsensitive) == 0) {
        serverOptions.address = QHostAddress(QHostAddress::LocalHost);
    } else if (!serverOptions.address.setAddress(bind)) {
        printError(u"--bind needs an IP address, not \"%1\""_s.arg(bind));
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
