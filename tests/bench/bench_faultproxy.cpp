// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
//
// What the fault proxy costs with no fault in force, side by side in one run: the same loopback
// servers read directly, through FaultProxy (TCP relay mode, on a thread of its own, as the CLI
// runs it) and through socat, the reference relay:
//   socat TCP-LISTEN:PORT,reuseaddr,fork TCP:127.0.0.1:UPSTREAM
// socat is skipped with a message when it is not installed.
//
//   bench_faultproxy [--runs N] [--corpus-mib N] [--events N] [--interval-us N] [--socat PATH]
//
// - throughput: a firehose of ~143 B events (benchserver.h), connect → EOF, read by a raw
//   blocking socket that only counts bytes. events/s = corpus events / seconds.
// - latency: a server writes one `data: <steady-clock ns>` event per interval (TCP_NODELAY);
//   the client computes receive time − send time per event. Median and p99 of each run.
// Each figure is the median over the runs (after one warm-up run per path); the ratios are
// against the direct connection. Targets: the proxy adds < 1 ms median latency per event and
// moves >= 500k events/s.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <future>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <optional>
#include <spawn.h>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include <QCoreApplication>
#include <QStandardPaths>
#include <QThread>

#include "benchserver.h"
#include "faultproxy.h"

extern char **environ;

using namespace Qt::StringLiterals;
using BenchServer::Clock;

namespace {

struct Settings
{
    int runs = 5;
    qsizetype corpusBytes = 32 * 1024 * 1024;
    int latencyEvents = 1000;
    int intervalMicroseconds = 1000;
    QString socat;
};

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

double percentile(std::vector<double> values, double fraction)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(fraction * double(values.size())))];
}

int connectTo(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    const timeval timeout { 30, 0 };
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    return fd;
}

bool sendAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t sent = ::send(fd, data, size, MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent <= 0)
            return false;
        data += sent;
        size -= size_t(sent);
    }
    return true;
}

constexpr char Request[] =
        "GET /stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n";

/// One `data: <ns>` event per interval, then close.
class TickerServer final : public BenchServer::Listener
{
public:
    TickerServer(int events, int intervalMicroseconds)
        : m_events(events)
        , m_interval(intervalMicroseconds)
    {}
    ~TickerServer() override { stop(); }

protected:
    void handleConnection(int fd, Clock::time_point) override
    {
        std::thread([this, fd] {
            std::string head;
            char buffer[4096];
            while (head.find("\r\n\r\n") == std::string::npos) {
                const ssize_t received = ::recv(fd, buffer, sizeof buffer, 0);
                if (received <= 0) {
                    ::close(fd);
                    return;
                }
                head.append(buffer, size_t(received));
            }
            const int on = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
            static constexpr char Head[] = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                                           "Cache-Control: no-cache\r\nConnection: close\r\n\r\n";
            bool ok = sendAll(fd, Head, sizeof Head - 1);
            auto next = Clock::now();
            for (int i = 0; ok && i < m_events; ++i) {
                next += std::chrono::microseconds(m_interval);
                std::this_thread::sleep_until(next);
                char event[64];
                const int size = std::snprintf(
                        event, sizeof event, "data: %lld\n\n",
                        static_cast<long long>(Clock::now().time_since_epoch().count()));
                ok = sendAll(fd, event, size_t(size));
            }
            ::shutdown(fd, SHUT_WR);
            ::close(fd);
        }).detach();
    }

private:
    int m_events;
    int m_interval;
};

/// FaultProxy as a TCP relay on a thread with its own event loop, as `ssescope-cli proxy` runs.
class ProxyThread : public QThread
{
public:
    explicit ProxyThread(quint16 upstream)
        : m_upstream(upstream)
    {}
    quint16 port() { return m_port.get_future().get(); }

protected:
    void run() override
    {
        FaultProxy proxy;
        FaultProxy::Options options;
        options.upstreamHost = u"127.0.0.1"_s;
        options.upstreamPort = m_upstream;
        if (!proxy.start(options)) {
            std::fprintf(stderr, "fault proxy: %s\n", qPrintable(proxy.errorString()));
            m_port.set_value(0);
            return;
        }
        m_port.set_value(proxy.port());
        exec();
    }

private:
    quint16 m_upstream;
    std::promise<quint16> m_port;
};

/// `socat TCP-LISTEN:port,reuseaddr,fork TCP:127.0.0.1:upstream` while it lives.
class Socat
{
public:
    Socat(const QString &path, quint16 upstream)
    {
        // A port that was free a moment ago; socat binds it itself.
        const int probe = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address = {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        ::bind(probe, reinterpret_cast<sockaddr *>(&address), sizeof address);
        ::getsockname(probe, reinterpret_cast<sockaddr *>(&address), &length);
        m_port = ntohs(address.sin_port);
        ::close(probe);
        const std::string executable = path.toStdString();
        const std::string listen = "TCP-LISTEN:" + std::to_string(m_port) + ",reuseaddr,fork";
        const std::string target = "TCP:127.0.0.1:" + std::to_string(upstream);
        char *argv[] = { const_cast<char *>(executable.c_str()), const_cast<char *>(listen.c_str()),
                         const_cast<char *>(target.c_str()), nullptr };
        if (::posix_spawn(&m_pid, argv[0], nullptr, nullptr, argv, environ) != 0) {
            m_pid = 0;
            return;
        }
        for (int i = 0; i < 200; ++i) { // up to 2 s for it to listen
            if (const int fd = connectTo(m_port); fd >= 0) {
                ::close(fd); // socat forks a child for this probe; it ends on the close
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        stop();
    }
    ~Socat() { stop(); }
    quint16 port() const { return m_pid > 0 ? m_port : 0; }

private:
    void stop()
    {
        if (m_pid <= 0)
            return;
        ::kill(m_pid, SIGTERM);
        ::waitpid(m_pid, nullptr, 0);
        m_pid = 0;
    }
    pid_t m_pid = 0;
    quint16 m_port = 0;
};

/// Seconds from connect to EOF, or nullopt when the bytes did not all arrive.
std::optional<double> throughputRun(quint16 port, qint64 expectedBytes)
{
    const auto start = Clock::now();
    const int fd = connectTo(port);
    if (fd < 0 || !sendAll(fd, Request, sizeof Request - 1))
        return std::nullopt;
    static std::vector<char> buffer(1024 * 1024);
    qint64 total = 0;
    for (;;) {
        const ssize_t received = ::recv(fd, buffer.data(), buffer.size(), 0);
        if (received < 0 && errno == EINTR)
            continue;
        if (received <= 0)
            break;
        total += received;
    }
    const auto end = Clock::now();
    ::close(fd);
    if (total != expectedBytes) {
        std::fprintf(stderr, "  got %lld of %lld bytes\n", static_cast<long long>(total),
                     static_cast<long long>(expectedBytes));
        return std::nullopt;
    }
    return std::chrono::duration<double>(end - start).count();
}

/// Per-event latencies in microseconds.
std::vector<double> latencyRun(quint16 port, int events)
{
    std::vector<double> latencies;
    const int fd = connectTo(port);
    if (fd < 0 || !sendAll(fd, Request, sizeof Request - 1))
        return latencies;
    std::string pending;
    bool inBody = false;
    char buffer[64 * 1024];
    while (int(latencies.size()) < events) {
        const ssize_t received = ::recv(fd, buffer, sizeof buffer, 0);
        if (received < 0 && errno == EINTR)
            continue;
        if (received <= 0)
            break;
        const auto now = Clock::now().time_since_epoch().count();
        pending.append(buffer, size_t(received));
        if (!inBody) {
            const size_t headEnd = pending.find("\r\n\r\n");
            if (headEnd == std::string::npos)
                continue;
            pending.erase(0, headEnd + 4);
            inBody = true;
        }
        size_t start = 0;
        for (size_t end; (end = pending.find("\n\n", start)) != std::string::npos;
             start = end + 2) {
            if (pending.compare(start, 6, "data: ") == 0) {
                const long long sent = std::stoll(pending.substr(start + 6, end - start - 6));
                latencies.push_back(double(now - sent) / 1000.0);
            }
        }
        pending.erase(0, start);
    }
    ::close(fd);
    return latencies;
}

struct PathResult
{
    std::string name;
    quint16 firehosePort = 0;
    quint16 tickerPort = 0;
    std::vector<double> eventsPerSecond;
    std::vector<double> medianLatency;
    std::vector<double> p99Latency;
    bool failed = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Settings settings;
    const QStringList arguments = QCoreApplication::arguments();
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        const QString value = i + 1 < arguments.size() ? arguments.at(i + 1) : QString();
        if (argument == u"--runs"_s)
            settings.runs = std::max(1, value.toInt());
        else if (argument == u"--corpus-mib"_s)
            settings.corpusBytes = qsizetype(std::max(1, value.toInt())) * 1024 * 1024;
        else if (argument == u"--events"_s)
            settings.latencyEvents = std::max(10, value.toInt());
        else if (argument == u"--interval-us"_s)
            settings.intervalMicroseconds = std::max(1, value.toInt());
        else if (argument == u"--socat"_s)
            settings.socat = value;
        else {
            std::fprintf(stderr,
                         "usage: bench_faultproxy [--runs N] [--corpus-mib N] [--events N] "
                         "[--interval-us N] [--socat PATH]\n");
            return argument == u"--help"_s ? 0 : 1;
        }
        ++i;
    }
    if (settings.socat.isEmpty())
        settings.socat = QStandardPaths::findExecutable(u"socat"_s);

    const BenchServer::Corpus corpus = BenchServer::buildCorpus(settings.corpusBytes);
    const qint64 expectedBytes = qint64(std::strlen("HTTP/1.1 200 OK\r\n"
                                                    "Content-Type: text/event-stream\r\n"
                                                    "Cache-Control: no-cache\r\n"
                                                    "Connection: close\r\n"
                                                    "\r\n"))
            + corpus.bytes.size();
    BenchServer::FirehoseServer firehose(corpus.bytes);
    TickerServer ticker(settings.latencyEvents, settings.intervalMicroseconds);
    if (!firehose.start() || !ticker.start())
        return 1;

    ProxyThread firehoseProxy(quint16(firehose.port()));
    ProxyThread tickerProxy(quint16(ticker.port()));
    firehoseProxy.start();
    tickerProxy.start();
    std::optional<Socat> firehoseSocat;
    std::optional<Socat> tickerSocat;
    if (settings.socat.isEmpty()) {
        std::printf("socat not found: its row is skipped (install it, or pass --socat PATH)\n");
    } else {
        firehoseSocat.emplace(settings.socat, quint16(firehose.port()));
        tickerSocat.emplace(settings.socat, quint16(ticker.port()));
        if (!firehoseSocat->port() || !tickerSocat->port()) {
            std::printf("socat did not start: its row is skipped\n");
            firehoseSocat.reset();
            tickerSocat.reset();
        }
    }

    std::vector<PathResult> paths;
    paths.push_back({ "direct", quint16(firehose.port()), quint16(ticker.port()), {}, {}, {} });
    paths.push_back({ "fault proxy", firehoseProxy.port(), tickerProxy.port(), {}, {}, {} });
    if (firehoseSocat)
        paths.push_back({ "socat", firehoseSocat->port(), tickerSocat->port(), {}, {}, {} });

    std::printf("corpus: %lld events, %.1f MiB; latency: %d events every %d us; %d runs + 1 "
                "warm-up per path\n",
                static_cast<long long>(corpus.events), double(corpus.bytes.size()) / 1048576.0,
                settings.latencyEvents, settings.intervalMicroseconds, settings.runs);
    std::fflush(stdout);
    // Interleaved, so a change in machine load hits every path alike.
    for (int run = 0; run <= settings.runs; ++run) {
        for (PathResult &path : paths) {
            if (path.failed || path.firehosePort == 0 || path.tickerPort == 0) {
                path.failed = true;
                continue;
            }
            const std::optional<double> seconds = throughputRun(path.firehosePort, expectedBytes);
            const std::vector<double> latencies =
                    latencyRun(path.tickerPort, settings.latencyEvents);
            if (!seconds || int(latencies.size()) < settings.latencyEvents) {
                std::fprintf(stderr, "%s: run %d failed\n", path.name.c_str(), run);
                path.failed = true;
                continue;
            }
            if (run == 0)
                continue; // warm-up
            path.eventsPerSecond.push_back(double(corpus.events) / *seconds);
            path.medianLatency.push_back(median(latencies));
            path.p99Latency.push_back(percentile(latencies, 0.99));
        }
    }

    const PathResult &direct = paths.front();
    const double directRate = median(direct.eventsPerSecond);
    const double directLatency = median(direct.medianLatency);
    std::printf("\n| path | events/s | x direct | median latency (us) | p99 (us) | added median "
                "(us) |\n|---|---:|---:|---:|---:|---:|\n");
    for (const PathResult &path : paths) {
        if (path.failed) {
            std::printf("| %s | failed | | | | |\n", path.name.c_str());
            continue;
        }
        const double rate = median(path.eventsPerSecond);
        const double latency = median(path.medianLatency);
        std::printf("| %s | %.0f | %.2f | %.1f | %.1f | %+.1f |\n", path.name.c_str(), rate,
                    rate / directRate, latency, median(path.p99Latency), latency - directLatency);
    }
    int status = 0;
    const PathResult &proxy = paths.at(1);
    if (!proxy.failed) {
        const double rate = median(proxy.eventsPerSecond);
        const double added = median(proxy.medianLatency) - directLatency;
        std::printf("\nfault proxy: %.0f events/s (target >= 500000: %s), adds %.1f us median "
                    "latency (target < 1000: %s)\n",
                    rate, rate >= 500000 ? "met" : "MISSED", added,
                    added < 1000 ? "met" : "MISSED");
        if (paths.size() > 2 && !paths.at(2).failed)
            std::printf("fault proxy vs socat: %.2fx the events/s, %+.1f us median latency\n",
                        rate / median(paths.at(2).eventsPerSecond),
                        median(proxy.medianLatency) - median(paths.at(2).medianLatency));
    }
    for (const PathResult &path : paths)
        status |= path.failed ? 1 : 0;

    firehoseProxy.quit();
    tickerProxy.quit();
    firehoseProxy.wait();
    tickerProxy.wait();
    return status;
}
