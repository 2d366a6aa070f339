// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
//
// End-to-end benchmarks over loopback, against the servers in benchserver.h, printed as one
// markdown table of medians. Normally started by tests/bench/run.sh.
//   bench_endtoend [--runs N] [--reconnects N] [--cli PATH] [--startup PATH] [--curl PATH]
//                  [--startup-platform QPA]      offscreen (default), or xcb with a DISPLAY
//                  [--only NAME[,NAME...]]       NAME: curl cli reader reconnect startup
//   bench_endtoend serve                          only the servers, until Ctrl-C
//
// What each row measures (every run starts a fresh client; one warm-up run is not counted):
// - curl: `curl -sN URL -o /dev/null`, accept → curl exited. The ceiling for this machine.
// - cli watch: `ssescope-cli watch --max-events N URL > pipe`; this process drains the pipe
//   counting newlines. accept → last byte on the pipe. Peak RSS = the child's ru_maxrss.
// - reader: an SseReader in this process, eventReceived → a counting lambda; accept → Nth
//   event.
// - reconnect: the server sends `retry: 0`, one event, then closes. Rate = (K - 1) / (first
//   accept → Kth accept), all requests checked for the right Last-Event-ID by the server. The
//   body is chunked; the "ended by the close" row sends it unframed, which Qt 6.4's QNAM
//   answers with extra requests of its own (their share is printed, not treated as a failure).
// - child CPU ms: user + system time of the ssescope-cli process per run, all threads; with the
//   machine busy it tells more than wall-clock rates (events / CPU s = a CPU-bound rate).
// - startup: bench_startup (MainWindow built as main.cpp builds it, fresh settings, so the
//   first-launch path that starts the demo server), spawn → end of the first paint of the
//   shown window. Offscreen by default; under X (e.g. `xvfb-run -a`) pass
//   `--startup-platform xcb` to include the map/expose round trip.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <memory>
#include <spawn.h>
#include <string>
#include <string_view>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include <QCoreApplication>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include "benchserver.h"
#include "ssereader.h"

extern char **environ;

using namespace Qt::StringLiterals;
using BenchServer::Clock;

namespace {

constexpr qsizetype CorpusBytes = 64 * 1024 * 1024;
constexpr auto RunTimeout = std::chrono::seconds(120);

double secondsBetween(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration<double>(to - from).count();
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

std::string loadAverage()
{
    char buffer[128] = {};
    if (FILE *file = std::fopen("/proc/loadavg", "r")) {
        if (!std::fgets(buffer, sizeof buffer, file))
            buffer[0] = 0;
        std::fclose(file);
    }
    std::string text(buffer);
    // "0.52 0.58 0.59 1/123 4567": the three averages only.
    size_t end = 0;
    for (int spaces = 0; end < text.size() && spaces < 3; ++end)
        spaces += text[end] == ' ';
    return text.substr(0, end > 0 ? end - 1 : 0);
}

struct ChildResult
{
    bool started = false;
    int status = -1; ///< waitpid status.
    long maxRssKiB = 0;
    long long cpuMicroseconds = 0; ///< User + system time of the child, all its threads.
    Clock::time_point spawnedAt;
    Clock::time_point lastByteAt;
    Clock::time_point exitedAt;
    qint64 lines = 0;
    qint64 bytes = 0;
    std::string tail; ///< The last bytes of stdout, for diagnostics and small outputs.

    bool exitedWith(int code) const { return WIFEXITED(status) && WEXITSTATUS(status) == code; }
};

std::string s_rusagePath; // bench_rusage, which reports the peak RSS of what it runs.

// Spawns argv (through bench_rusage) with extra environment, drains its stdout counting newlines
// (a cheap reader: memchr over 1 MiB reads), and reaps it.
ChildResult runChild(std::vector<std::string> arguments,
                     const std::vector<std::string> &extraEnvironment = {})
{
    ChildResult result;
    arguments.insert(arguments.begin(), { s_rusagePath, "3" });
    std::vector<std::string> environment(extraEnvironment);
    for (char **entry = environ; *entry; ++entry) {
        const std::string_view variable(*entry);
        const std::string_view name = variable.substr(0, variable.find('='));
        const bool overridden = std::any_of(
                extraEnvironment.begin(), extraEnvironment.end(), [name](const std::string &extra) {
                    return std::string_view(extra).substr(0, extra.find('=')) == name;
                });
        if (!overridden)
            environment.emplace_back(variable);
    }
    std::vector<char *> argv;
    for (const std::string &argument : arguments)
        argv.push_back(const_cast<char *>(argument.c_str()));
    argv.push_back(nullptr);
    std::vector<char *> envp;
    for (const std::string &variable : environment)
        envp.push_back(const_cast<char *>(variable.c_str()));
    envp.push_back(nullptr);

    int pipeFds[2] = { -1, -1 };
    int rusageFds[2] = { -1, -1 };
    if (::pipe2(pipeFds, O_CLOEXEC) != 0 || ::pipe2(rusageFds, O_CLOEXEC) != 0)
        return result;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], 1);
    posix_spawn_file_actions_adddup2(&actions, rusageFds[1], 3);

    pid_t pid = 0;
    result.spawnedAt = Clock::now();
    const int spawnError =
            ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipeFds[1]);
    ::close(rusageFds[1]);
    if (spawnError != 0) {
        std::fprintf(stderr, "bench: cannot start %s: %s\n", argv[0], std::strerror(spawnError));
        ::close(pipeFds[0]);
        ::close(rusageFds[0]);
        return result;
    }
    result.started = true;

    std::vector<char> buffer(1024 * 1024);
    for (;;) {
        const ssize_t received = ::read(pipeFds[0], buffer.data(), buffer.size());
        if (received < 0 && errno == EINTR)
            continue;
        if (received <= 0)
            break;
        result.lastByteAt = Clock::now();
        result.bytes += received;
        const char *position = buffer.data();
        const char *end = position + received;
        while ((position =
                        static_cast<const char *>(std::memchr(position, '\n', end - position)))) {
            ++result.lines;
            ++position;
        }
        const size_t keep = std::min<size_t>(size_t(received), 4096);
        result.tail.append(end - keep, keep);
        if (result.tail.size() > 8192)
            result.tail.erase(0, result.tail.size() - 4096);
    }
    ::close(pipeFds[0]);
    while (::waitpid(pid, &result.status, 0) < 0 && errno == EINTR) {}
    result.exitedAt = Clock::now();
    char line[64] = {};
    if (::read(rusageFds[0], line, sizeof line - 1) > 0)
        std::sscanf(line, "maxrss_kib=%ld cpu_us=%lld", &result.maxRssKiB, &result.cpuMicroseconds);
    ::close(rusageFds[0]);
    return result;
}

std::string lastLine(const std::string &text)
{
    const size_t end = text.find_last_not_of('\n');
    if (end == std::string::npos)
        return {};
    const size_t newline = text.rfind('\n', end);
    const size_t start = newline == std::string::npos ? 0 : newline + 1;
    return text.substr(start, end - start + 1);
}

struct Row
{
    explicit Row(std::string rowName = {})
        : name(std::move(rowName))
    {}

    std::string name;
    std::vector<double> eventsPerSecond;
    std::vector<double> megabytesPerSecond;
    std::vector<double> peakRssMiB;
    std::vector<double> milliseconds;
    std::vector<double> cpuMilliseconds; ///< The child's CPU time per run (all threads).
    std::string note;
    bool failed = false;
};

class Bench
{
public:
    struct Options
    {
        int runs = 7;
        qint64 reconnects = 3000;
        std::string cliPath;
        std::string startupPath;
        std::string curlPath;
        std::string startupPlatform = "offscreen";
        std::vector<std::string> only;
    };

    explicit Bench(Options options)
        : m_options(std::move(options))
    {}

    int run();

private:
    bool wanted(const std::string &name) const
    {
        return m_options.only.empty()
                || std::find(m_options.only.begin(), m_options.only.end(), name)
                != m_options.only.end();
    }
    // Runs `once` runs + 1 times; the first (warm-up: page cache, fontconfig, TCP) is dropped.
    void repeat(Row &row, const std::function<bool(Row &)> &once);

    bool runCurl(Row &row);
    bool runCli(Row &row);
    bool runReader(Row &row);
    bool runReaderReconnect(Row &row);
    bool runCliReconnect(Row &row);
    bool runReaderReconnectEof(Row &row);
    /// Reads the reconnect server's one-event connections at `path` with an SseReader until
    /// --reconnects events arrived (or it timed out); returns the events read.
    qint64 readReconnectEvents(const std::string &path);
    bool runStartup(Row &row);
    bool checkReconnectSession(Row &row, const std::string &path);

    std::string firehoseUrl() const
    {
        return "http://127.0.0.1:" + std::to_string(m_firehose->port()) + "/firehose";
    }
    std::string reconnectUrl(const std::string &path) const
    {
        return "http://127.0.0.1:" + std::to_string(m_reconnect.port()) + path;
    }

    Options m_options;
    BenchServer::Corpus m_corpus;
    std::unique_ptr<BenchServer::FirehoseServer> m_firehose;
    BenchServer::ReconnectServer m_reconnect;
    std::vector<std::pair<double, double>> m_startupSplits; ///< main() entered, show() returned.
    std::vector<double> m_eofExtraRequests; ///< Share of requests QNAM sent on its own.
    int m_sessionCounter = 0;
    bool m_warmUp = false;
};

void Bench::repeat(Row &row, const std::function<bool(Row &)> &once)
{
    std::fprintf(stderr, "bench: %s ", row.name.c_str());
    for (int run = 0; run <= m_options.runs && !row.failed; ++run) {
        m_warmUp = run == 0;
        Row scratch;
        Row &target = m_warmUp ? scratch : row;
        if (!once(target)) {
            row.failed = true;
            if (row.note.empty())
                row.note = target.note;
        }
        std::fputc(m_warmUp ? 'w' : '.', stderr);
    }
    std::fputc('\n', stderr);
}

bool Bench::runCurl(Row &row)
{
    const ChildResult child =
            runChild({ m_options.curlPath, "-sN", "-o", "/dev/null", firehoseUrl() });
    if (!child.started || !child.exitedWith(0)) {
        row.note = "curl failed";
        return false;
    }
    const double seconds = secondsBetween(m_firehose->lastAccept(), child.exitedAt);
    row.eventsPerSecond.push_back(double(m_corpus.events) / seconds);
    row.megabytesPerSecond.push_back(double(m_corpus.bytes.size()) / seconds / 1e6);
    row.peakRssMiB.push_back(double(child.maxRssKiB) / 1024);
    return true;
}

bool Bench::runCli(Row &row)
{
    const ChildResult child =
            runChild({ m_options.cliPath, "watch", "--reconnect", "off", "--max-events",
                       std::to_string(m_corpus.events), firehoseUrl() });
    // connecting + open + one line per event + closed, and the findings `watch` prints by
    // default about this server (a few response-hygiene verdicts, no more).
    constexpr qint64 MaximumFindingLines = 16;
    const qint64 expectedLines = m_corpus.events + 3;
    if (!child.started || !child.exitedWith(0) || child.lines < expectedLines
        || child.lines > expectedLines + MaximumFindingLines) {
        row.note = "cli: exit status " + std::to_string(child.status) + ", "
                + std::to_string(child.lines) + " lines (expected " + std::to_string(expectedLines)
                + " and at most " + std::to_string(MaximumFindingLines)
                + " finding lines), last: " + lastLine(child.tail);
        return false;
    }
    const double seconds = secondsBetween(m_firehose->lastAccept(), child.lastByteAt);
    row.eventsPerSecond.push_back(double(m_corpus.events) / seconds);
    row.megabytesPerSecond.push_back(double(m_corpus.bytes.size()) / seconds / 1e6);
    row.peakRssMiB.push_back(double(child.maxRssKiB) / 1024);
    row.cpuMilliseconds.push_back(double(child.cpuMicroseconds) / 1000);
    return true;
}

bool Bench::runReader(Row &row)
{
    SseReader reader;
    SseReader::Request request;
    request.url = QUrl(QString::fromStdString(firehoseUrl()));
    request.reconnect.mode = ReconnectPolicy::Mode::Off;
    reader.setRequest(request);

    QEventLoop loop;
    qint64 count = 0;
    qint64 dataUnits = 0;
    Clock::time_point lastEventAt;
    const qint64 expected = m_corpus.events;
    QObject::connect(&reader, &SseReader::eventReceived, &loop, [&](const SseEvent &event) {
        dataUnits += event.data.size();
        if (++count == expected) {
            lastEventAt = Clock::now();
            loop.quit();
        }
    });
    QObject::connect(&reader, &SseReader::recordReceived, &loop,
                     [&loop](const StreamRecord &record) {
                         if (record.kind == StreamRecord::Kind::Closed)
                             loop.quit();
                     });
    QTimer::singleShot(RunTimeout, &loop, &QEventLoop::quit);
    reader.open();
    loop.exec();
    reader.close();
    if (count != expected || dataUnits == 0) {
        row.note = "reader: " + std::to_string(count) + " events (expected "
                + std::to_string(expected) + ")";
        return false;
    }
    const double seconds = secondsBetween(m_firehose->lastAccept(), lastEventAt);
    row.eventsPerSecond.push_back(double(count) / seconds);
    row.megabytesPerSecond.push_back(double(m_corpus.bytes.size()) / seconds / 1e6);
    return true;
}

bool Bench::checkReconnectSession(Row &row, const std::string &path)
{
    const BenchServer::ReconnectServer::Session session = m_reconnect.session(path);
    if (session.requests != m_options.reconnects) {
        row.note = path + ": " + std::to_string(session.requests) + " requests (expected "
                + std::to_string(m_options.reconnects) + ")";
        return false;
    }
    if (session.wrongIds != 0) {
        row.note = "Last-Event-ID all correct: no (" + std::to_string(session.wrongIds) + " wrong; "
                + session.firstWrong + ")";
        return false;
    }
    const double seconds = secondsBetween(session.firstAccept, session.lastAccept);
    row.eventsPerSecond.push_back(double(session.requests - 1) / seconds);
    return true;
}

bool Bench::runReaderReconnect(Row &row)
{
    const std::string path = "/reconnect/reader-" + std::to_string(++m_sessionCounter);
    readReconnectEvents(path);
    return checkReconnectSession(row, path);
}

qint64 Bench::readReconnectEvents(const std::string &path)
{
    SseReader reader;
    SseReader::Request request;
    request.url = QUrl(QString::fromStdString(reconnectUrl(path)));
    reader.setRequest(request); // Browser policy: the server's `retry: 0` sets the delay.

    QEventLoop loop;
    qint64 count = 0;
    QObject::connect(&reader, &SseReader::eventReceived, &loop, [&] {
        if (++count == m_options.reconnects) {
            reader.close();
            loop.quit();
        }
    });
    QObject::connect(&reader, &SseReader::recordReceived, &loop,
                     [&loop](const StreamRecord &record) {
                         if (record.kind == StreamRecord::Kind::Closed)
                             loop.quit();
                     });
    QTimer::singleShot(RunTimeout, &loop, &QEventLoop::quit);
    reader.open();
    loop.exec();
    reader.close();
    return count;
}

bool Bench::runReaderReconnectEof(Row &row)
{
    // Qt 6.4's QNAM re-sends a request whose response body ended with the close (no length,
    // not chunked) once that response is complete; the copy goes out with the old
    // Last-Event-ID and its answer is dropped. Measured here so the count stays visible.
    const std::string path = "/eof/reader-" + std::to_string(++m_sessionCounter);
    const qint64 count = readReconnectEvents(path);
    const BenchServer::ReconnectServer::Session session = m_reconnect.session(path);
    if (count != m_options.reconnects || session.requests < 2) {
        row.note = path + ": " + std::to_string(count) + " events";
        return false;
    }
    row.eventsPerSecond.push_back(double(count - 1)
                                  / secondsBetween(session.firstAccept, session.lastAccept));
    if (!m_warmUp)
        m_eofExtraRequests.push_back(double(session.requests - count) / double(session.requests));
    return true;
}

bool Bench::runCliReconnect(Row &row)
{
    const std::string path = "/reconnect/cli-" + std::to_string(++m_sessionCounter);
    const ChildResult child =
            runChild({ m_options.cliPath, "watch", "--max-events",
                       std::to_string(m_options.reconnects), reconnectUrl(path) });
    if (!child.started || !child.exitedWith(0)) {
        row.note = "cli reconnect: exit status " + std::to_string(child.status)
                + ", last: " + lastLine(child.tail);
        return false;
    }
    if (!checkReconnectSession(row, path))
        return false;
    row.peakRssMiB.push_back(double(child.maxRssKiB) / 1024);
    row.cpuMilliseconds.push_back(double(child.cpuMicroseconds) / 1000);
    return true;
}

bool Bench::runStartup(Row &row)
{
    // A fresh settings directory each run: the first-launch path of main.cpp (it starts the
    // built-in demo server and connects a tab), and no user settings touched.
    QTemporaryDir configDirectory;
    const ChildResult child =
            runChild({ m_options.startupPath },
                     { "QT_QPA_PLATFORM=" + m_options.startupPlatform,
                       "XDG_CONFIG_HOME=" + configDirectory.path().toStdString(),
                       "XDG_RUNTIME_DIR=" + configDirectory.path().toStdString() });
    // bench_startup prints "main=<ns> shown=<ns> painted=<ns>" (CLOCK_MONOTONIC).
    long long mainNs = 0, shownNs = 0, paintedNs = 0;
    if (!child.started || !child.exitedWith(0)
        || std::sscanf(lastLine(child.tail).c_str(), "main=%lld shown=%lld painted=%lld", &mainNs,
                       &shownNs, &paintedNs)
                != 3) {
        row.note = "startup: exit status " + std::to_string(child.status)
                + ", output: " + lastLine(child.tail);
        return false;
    }
    const long long spawnedNs = child.spawnedAt.time_since_epoch().count();
    row.milliseconds.push_back(double(paintedNs - spawnedNs) / 1e6);
    row.peakRssMiB.push_back(double(child.maxRssKiB) / 1024);
    if (!m_warmUp)
        m_startupSplits.push_back(
                { double(mainNs - spawnedNs) / 1e6, double(shownNs - spawnedNs) / 1e6 });
    return true;
}

int Bench::run()
{
    const std::string loadBefore = loadAverage();
    std::vector<Row> rows;
    const bool needFirehose = wanted("curl") || wanted("cli") || wanted("reader");
    if (needFirehose) {
        m_corpus = BenchServer::buildCorpus(CorpusBytes);
        m_firehose = std::make_unique<BenchServer::FirehoseServer>(m_corpus.bytes);
        if (!m_firehose->start())
            return 1;
    }
    if (!m_reconnect.start())
        return 1;

    if (wanted("curl")) {
        Row row("`curl -sN` → /dev/null (ceiling)");
        if (m_options.curlPath.empty())
            row.note = "skipped: curl not found";
        else
            repeat(row, [this](Row &target) { return runCurl(target); });
        rows.push_back(row);
    }
    if (wanted("cli")) {
        Row row("`ssescope-cli watch URL > pipe`");
        repeat(row, [this](Row &target) { return runCli(target); });
        rows.push_back(row);
    }
    if (wanted("reader")) {
        Row row("SseReader → counting slot (in-process)");
        repeat(row, [this](Row &target) { return runReader(target); });
        rows.push_back(row);
    }
    if (wanted("reconnect")) {
        Row row("reconnects/s, `ssescope-cli watch` (`retry: 0`)");
        repeat(row, [this](Row &target) { return runCliReconnect(target); });
        if (row.note.empty())
            row.note = "Last-Event-ID all correct: yes";
        rows.push_back(row);
        Row readerRow("reconnects/s, SseReader in-process (`retry: 0`)");
        repeat(readerRow, [this](Row &target) { return runReaderReconnect(target); });
        if (readerRow.note.empty())
            readerRow.note = "Last-Event-ID all correct: yes";
        rows.push_back(readerRow);
        Row eofRow("reconnects/s, SseReader, body ended by the close");
        repeat(eofRow, [this](Row &target) { return runReaderReconnectEof(target); });
        if (eofRow.note.empty()) {
            char note[200];
            std::snprintf(note, sizeof note,
                          "Qt 6.4 QNAM re-sent %.0f%% of the requests itself, with a stale "
                          "Last-Event-ID",
                          median(m_eofExtraRequests) * 100);
            eofRow.note = note;
        }
        rows.push_back(eofRow);
    }
    if (wanted("startup")) {
        Row row("startup → first paint, `bench_startup` " + m_options.startupPlatform);
        repeat(row, [this](Row &target) { return runStartup(target); });
        if (!m_startupSplits.empty()) {
            std::vector<double> mains, shown;
            for (const auto &[mainMs, shownMs] : m_startupSplits) {
                mains.push_back(mainMs);
                shown.push_back(shownMs);
            }
            char note[160];
            std::snprintf(note, sizeof note, "main() entered %.0f ms, show() returned %.0f ms",
                          median(mains), median(shown));
            if (row.note.empty())
                row.note = note;
        }
        rows.push_back(row);
    }

    std::printf(
            "\nMedians of %d runs (after 1 warm-up); corpus %lld events, %.1f MiB "
            "(%lld B/event); %lld reconnects per run.\n"
            "Load average before: %s, after: %s. Cores: %ld.\n\n",
            m_options.runs, static_cast<long long>(m_corpus.events),
            double(m_corpus.bytes.size()) / 1048576,
            static_cast<long long>(m_corpus.events ? m_corpus.bytes.size() / m_corpus.events : 0),
            static_cast<long long>(m_options.reconnects), loadBefore.c_str(), loadAverage().c_str(),
            sysconf(_SC_NPROCESSORS_ONLN));
    std::printf("| Measurement | events/s (or reconnects/s) | MB/s | peak RSS MiB | ms | child CPU "
                "ms | notes |\n");
    std::printf("|---|---:|---:|---:|---:|---:|---|\n");
    const auto cell = [](const std::vector<double> &values, const char *format) {
        if (values.empty())
            return std::string("–");
        char text[64];
        std::snprintf(text, sizeof text, format, median(values));
        return std::string(text);
    };
    bool allPassed = true;
    for (const Row &row : rows) {
        allPassed = allPassed && !row.failed;
        std::printf("| %s | %s | %s | %s | %s | %s | %s%s |\n", row.name.c_str(),
                    cell(row.eventsPerSecond, "%.0f").c_str(),
                    cell(row.megabytesPerSecond, "%.0f").c_str(),
                    cell(row.peakRssMiB, "%.1f").c_str(), cell(row.milliseconds, "%.0f").c_str(),
                    cell(row.cpuMilliseconds, "%.0f").c_str(), row.failed ? "FAILED: " : "",
                    row.note.c_str());
    }
    std::fflush(stdout);
    return allPassed ? 0 : 1;
}

std::string findInPath(const char *program)
{
    const char *path = std::getenv("PATH");
    std::string directories = path ? path : "/usr/bin:/bin";
    size_t start = 0;
    while (start <= directories.size()) {
        const size_t end = std::min(directories.find(':', start), directories.size());
        const std::string candidate = directories.substr(start, end - start) + '/' + program;
        if (::access(candidate.c_str(), X_OK) == 0)
            return candidate;
        start = end + 1;
    }
    return {};
}

int serve()
{
    const BenchServer::Corpus corpus = BenchServer::buildCorpus(CorpusBytes);
    BenchServer::FirehoseServer firehose(corpus.bytes);
    BenchServer::ReconnectServer reconnect;
    if (!firehose.start() || !reconnect.start())
        return 1;
    std::printf("firehose:  http://127.0.0.1:%d/  (%lld events, %lld bytes, then close)\n"
                "reconnect: http://127.0.0.1:%d/<any-path>  (retry: 0, one event, close)\n"
                "Ctrl-C to stop.\n",
                firehose.port(), static_cast<long long>(corpus.events),
                static_cast<long long>(corpus.bytes.size()), reconnect.port());
    std::fflush(stdout);
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    int received = 0;
    sigwait(&stopSignals, &received);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() == 2 && arguments.at(1) == u"serve"_s)
        return serve();

    Bench::Options options;
    options.curlPath = findInPath("curl");
#ifdef SSESCOPE_CLI_PATH
    options.cliPath = SSESCOPE_CLI_PATH;
#endif
#ifdef SSESCOPE_BENCH_STARTUP_PATH
    options.startupPath = SSESCOPE_BENCH_STARTUP_PATH;
#endif
#ifdef SSESCOPE_BENCH_RUSAGE_PATH
    s_rusagePath = SSESCOPE_BENCH_RUSAGE_PATH;
#endif
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        const bool hasValue = i + 1 < arguments.size();
        const std::string value = hasValue ? arguments.at(i + 1).toStdString() : std::string();
        if (argument == u"--runs"_s && hasValue) {
            options.runs = std::max(1, std::atoi(value.c_str()));
        } else if (argument == u"--reconnects"_s && hasValue) {
            options.reconnects = std::max(2, std::atoi(value.c_str()));
        } else if (argument == u"--cli"_s && hasValue) {
            options.cliPath = value;
        } else if (argument == u"--startup"_s && hasValue) {
            options.startupPath = value;
        } else if (argument == u"--startup-platform"_s && hasValue) {
            options.startupPlatform = value;
        } else if (argument == u"--curl"_s && hasValue) {
            options.curlPath = value == "none" ? std::string() : value;
        } else if (argument == u"--only"_s && hasValue) {
            for (const QString &name : arguments.at(i + 1).split(u','))
                options.only.push_back(name.toStdString());
        } else {
            std::fprintf(stderr,
                         "usage: bench_endtoend [--runs N] [--reconnects N] [--cli PATH]\n"
                         "         [--startup PATH] [--startup-platform offscreen|xcb]\n"
                         "         [--curl PATH|none] [--only curl,cli,reader,reconnect,startup]\n"
                         "       bench_endtoend serve\n");
            return 2;
        }
        ++i;
    }
    return Bench(options).run();
}
