// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "proxycommand.h"

#include <cstdio>
#include <optional>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QUrl>

#include "faultproxy.h"
#include "proxycontrolserver.h"

#ifdef Q_OS_UNIX
#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace {

// Charles and Fiddler use 8888: a port people already type into proxy settings. `serve` has
// 8080, so both run side by side with their defaults.
constexpr quint16 DefaultProxyPort = 8888;
constexpr quint16 DefaultControlPort = 8889;

void printError(const QString &message)
{
    std::fprintf(stderr, "ssescope-cli proxy: %s\n", qPrintable(message));
}

void log(const QString &line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
    std::fflush(stderr);
}

QString hostAndPort(const QString &host, quint16 port)
{
    return (host.contains(u':') ? u'[' + host + u']' : host) + u':' + QString::number(port);
}

struct Endpoint
{
    QString host;
    quint16 port = 0;
};

// "HOST:PORT", "[v6]:PORT", or a bare "PORT" (on 127.0.0.1); port 0 = any free one.
std::optional<Endpoint> parseEndpoint(const QString &text, bool allowPortZero)
{
    Endpoint endpoint;
    QString portText = text;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u"]:"_s);
        if (close < 0)
            return std::nullopt;
        endpoint.host = text.mid(1, close - 1);
        portText = text.mid(close + 2);
    } else if (const qsizetype colon = text.lastIndexOf(u':'); colon >= 0) {
        if (text.indexOf(u':') != colon)
            return std::nullopt; // an IPv6 address needs brackets
        endpoint.host = text.left(colon);
        portText = text.mid(colon + 1);
    } else {
        endpoint.host = u"127.0.0.1"_s;
    }
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port > 65535 || (port == 0 && !allowPortZero) || endpoint.host.isEmpty())
        return std::nullopt;
    endpoint.port = quint16(port);
    return endpoint;
}

// A listening address: an IP literal or "localhost" (never a name that could resolve elsewhere).
std::optional<QHostAddress> listenAddress(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return QHostAddress(QHostAddress::LocalHost);
    QHostAddress address;
    if (!address.setAddress(host))
        return std::nullopt;
    return address;
}

// An upstream: an http(s) URL (its host and port; the default port of its scheme) or HOST:PORT.
std::optional<Endpoint> parseUpstream(const QString &text)
{
    if (text.contains(u"://"_s)) {
        const QUrl url(text);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() || (scheme != u"http"_s && scheme != u"https"_s))
            return std::nullopt;
        return Endpoint { url.host(), quint16(url.port(scheme == u"https"_s ? 443 : 80)) };
    }
    return parseEndpoint(text, false);
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

QString describe(const ProxyConnectionInfo &connection)
{
    return u"connection %1 (%2, %3 -> %4)"_s.arg(connection.id)
            .arg(ProxyConnectionInfo::modeName(connection.mode),
                 hostAndPort(connection.clientAddress.toString(), connection.clientPort),
                 connection.target);
}

void logEvents(const FaultProxy &proxy, bool quiet)
{
    if (!quiet) {
        QObject::connect(&proxy, &FaultProxy::connectionOpened, &proxy,
                         [](const ProxyConnectionInfo &connection) {
                             log(describe(connection) + u" opened"_s);
                         });
        QObject::connect(&proxy, &FaultProxy::connectionClosed, &proxy,
                         [](const ProxyConnectionInfo &connection) {
                             log(u"%1 closed: %2 (%3 B down, %4 B up)"_s.arg(
                                     describe(connection), connection.closeReason,
                                     QString::number(connection.bytesDownstream),
                                     QString::number(connection.bytesUpstream)));
                         });
    }
    QObject::connect(&proxy, &FaultProxy::faultTriggered, &proxy,
                     [](const ProxyFault &fault, const ProxyConnectionInfo &connection) {
                         log(u"fault #%1 (%2) acted on connection %3"_s.arg(fault.id).arg(
                                 ProxyFault::kindName(fault.kind), QString::number(connection.id)));
                     });
    QObject::connect(
            &proxy, &FaultProxy::requestRefused, &proxy,
            [](const ProxyConnectionInfo &connection, int status, const QString &reason) {
                log(u"refused %1 with %2: %3"_s.arg(
                        hostAndPort(connection.clientAddress.toString(), connection.clientPort),
                        QString::number(status), reason));
            });
    QObject::connect(&proxy, &FaultProxy::downChanged, &proxy, [&proxy](bool down) {
        log(down ? u"down: new connections are refused"_s
                 : u"up again on "_s + hostAndPort(proxy.address().toString(), proxy.port()));
    });
    QObject::connect(&proxy, &FaultProxy::errorOccurred, &proxy,
                     [](const QString &message) { log(u"error: "_s + message); });
    // Every change of the fault list, as the list now in force: one line tells the whole state.
    QObject::connect(&proxy, &FaultProxy::faultsChanged, &proxy,
                     [](const QList<ProxyFault> &faults) {
                         if (faults.isEmpty()) {
                             log(u"faults: none"_s);
                             return;
                         }
                         QStringList lines;
                         for (const ProxyFault &fault : faults)
                             lines << fault.description();
                         log(u"faults: "_s + lines.join(u"; "_s));
                     });
}

} // namespace

int runProxyCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Runs the SSE Scope fault proxy: it breaks the real connection between any server "
            "and any client (a browser, curl, ssescope-cli watch --proxy), so the server sees "
            "the fault too. Without --upstream it is an HTTP forward proxy (point the client's "
            "proxy setting at it: CONNECT tunnels for https keep TLS end to end, http:// URLs "
            "are forwarded); with --upstream it is a plain TCP relay for clients that cannot use "
            "a proxy. Faults (latency, bandwidth, stall, slicer, closeAfterBytes, cutMidEvent, "
            "slowClose, down, and the cut and reset actions) are added and removed live through "
            "the JSON control API:\n"
            "  GET /connections, GET /faults, POST /faults, DELETE /faults/{id}, DELETE /faults\n"
            "e.g. curl -H 'Content-Type: application/json' -d "
            "'{\"type\":\"latency\",\"latencyMs\":200}' http://127.0.0.1:8889/faults\n"
            "Both listen on 127.0.0.1 only unless told otherwise. Stop with Ctrl+C."_s);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption listenOption(
            u"listen"_s,
            u"Where the proxy listens, ADDRESS:PORT or PORT (default 127.0.0.1:%1; port 0 = any "
            "free port). An address other than loopback makes it reachable from other machines."_s
                    .arg(DefaultProxyPort),
            u"address:port"_s);
    const QCommandLineOption upstreamOption(
            u"upstream"_s,
            u"Relay every connection to this server: a URL (http://host:port/...) or "
            "HOST:PORT. Without it the proxy is an HTTP forward proxy."_s,
            u"url|host:port"_s);
    const QCommandLineOption controlOption(
            u"control"_s,
            u"Where the JSON control API listens, ADDRESS:PORT or PORT (default 127.0.0.1:%1)."_s
                    .arg(DefaultControlPort),
            u"address:port"_s);
    const QCommandLineOption noControlOption(u"no-control"_s,
                                             u"Run without the control API (faults from --fault "
                                             "only)."_s);
    const QCommandLineOption faultOption(
            u"fault"_s,
            u"A fault in force from the start, as the JSON body of POST /faults, e.g. "
            "'{\"type\":\"slicer\",\"maxPieceBytes\":3}'. Repeatable."_s,
            u"json"_s);
    const QCommandLineOption quietOption(
            u"quiet"_s, u"Do not log each connection (faults are still logged)."_s);
    parser.addOptions({ listenOption, upstreamOption, controlOption, noControlOption, faultOption,
                        quietOption });

    if (!parser.parse(QStringList { QCoreApplication::applicationName() } + arguments)) {
        printError(parser.errorText());
        return 1;
    }
    if (parser.isSet(helpOption)) {
        QString help = parser.helpText();
        help.replace(u"[options]"_s, u"proxy [options]"_s);
        std::fputs(qPrintable(help), stdout);
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printError(u"unexpected argument \"%1\"; see --help"_s.arg(
                parser.positionalArguments().constFirst()));
        return 1;
    }

    FaultProxy::Options options;
    options.port = DefaultProxyPort;
    if (parser.isSet(listenOption)) {
        const std::optional<Endpoint> endpoint = parseEndpoint(parser.value(listenOption), true);
        const std::optional<QHostAddress> address =
                endpoint ? listenAddress(endpoint->host) : std::nullopt;
        if (!address) {
            printError(u"--listen needs ADDRESS:PORT with an IP address, not \"%1\""_s.arg(
                    parser.value(listenOption)));
            return 1;
        }
        options.address = *address;
        options.port = endpoint->port;
    }
    if (parser.isSet(upstreamOption)) {
        const std::optional<Endpoint> upstream = parseUpstream(parser.value(upstreamOption));
        if (!upstream) {
            printError(u"--upstream needs an http(s):// URL or HOST:PORT, not \"%1\""_s.arg(
                    parser.value(upstreamOption)));
            return 1;
        }
        options.upstreamHost = upstream->host;
        options.upstreamPort = upstream->port;
    }
    QHostAddress controlAddress(QHostAddress::LocalHost);
    quint16 controlPort = DefaultControlPort;
    if (parser.isSet(controlOption)) {
        const std::optional<Endpoint> endpoint = parseEndpoint(parser.value(controlOption), true);
        const std::optional<QHostAddress> address =
                endpoint ? listenAddress(endpoint->host) : std::nullopt;
        if (!address) {
            printError(u"--control needs ADDRESS:PORT with an IP address, not \"%1\""_s.arg(
                    parser.value(controlOption)));
            return 1;
        }
        controlAddress = *address;
        controlPort = endpoint->port;
    }
    QList<ProxyFault> faults;
    for (const QString &json : parser.values(faultOption)) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &parseError);
        QString error = parseError.error != QJsonParseError::NoError
                ? parseError.errorString()
                : (document.isObject() ? QString() : u"not a JSON object"_s);
        std::optional<ProxyFault> fault;
        if (error.isEmpty())
            fault = ProxyFault::fromJson(document.object(), &error);
        if (!fault) {
            printError(u"--fault '%1': %2"_s.arg(json, error));
            return 1;
        }
        if (fault->connection != ProxyFault::AllConnections || fault->isAction()) {
            printError(u"--fault '%1': at start-up only lasting faults for all connections make "
                       "sense"_s.arg(json));
            return 1;
        }
        faults.append(*fault);
    }

    FaultProxy proxy;
    logEvents(proxy, parser.isSet(quietOption));
    if (!proxy.start(options)) {
        printError(u"cannot listen on %1: %2"_s.arg(
                hostAndPort(options.address.toString(), options.port), proxy.errorString()));
        return 1;
    }
    ProxyControlServer control(&proxy);
    const bool withControl = !parser.isSet(noControlOption);
    if (withControl && !control.listen(controlAddress, controlPort)) {
        printError(u"cannot listen for the control API on %1: %2"_s.arg(
                hostAndPort(controlAddress.toString(), controlPort), control.errorString()));
        return 1;
    }
    if (!options.address.isLoopback()) {
        printError(proxy.isRelay()
                           ? u"warning: listening on %1, not loopback: anyone who can reach this "
                             "machine can reach %2 through it"_s.arg(
                                     options.address.toString(),
                                     hostAndPort(options.upstreamHost, options.upstreamPort))
                           : u"warning: listening on %1, not loopback: this is an open proxy, "
                             "anyone who can reach this machine can reach any host it can"_s.arg(
                                     options.address.toString()));
    }
    if (withControl && !controlAddress.isLoopback()) {
        printError(u"warning: the control API listens on %1, not loopback: anyone who can reach "
                   "it can break connections"_s.arg(controlAddress.toString()));
    }
    log(u"Fault proxy (%1) listening on %2%3"_s.arg(
            proxy.isRelay()
                    ? u"relay to "_s + hostAndPort(options.upstreamHost, options.upstreamPort)
                    : u"HTTP forward proxy"_s,
            hostAndPort(proxy.address().toString(), proxy.port()),
            withControl ? u"; control API on "_s + control.url().toString() : QString()));
    for (const ProxyFault &fault : std::as_const(faults))
        proxy.apply(fault);

#ifdef Q_OS_UNIX
    const SignalBridge signalBridge;
#endif
    QCoreApplication::exec();
    control.close();
    proxy.stop();
    return 0;
}
