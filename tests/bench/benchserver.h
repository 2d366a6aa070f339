// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include <QByteArray>

// Loopback servers for the end-to-end benchmarks. They use blocking POSIX sockets on their own
// threads (no Qt event loop), so that a client under test in the same process or another one
// never waits on them: the firehose writes a pre-built corpus with 1 MiB writes, the reconnect
// server answers one short event per connection.
namespace BenchServer {

using Clock = std::chrono::steady_clock; // CLOCK_MONOTONIC: comparable across processes.

/// The firehose corpus: ~143 B JSON events, each with `id:` and `event:`, back to back.
struct Corpus
{
    QByteArray bytes;
    qint64 events = 0;
};

/// Builds about `targetBytes` of events (never more), every block the same size.
Corpus buildCorpus(qsizetype targetBytes);

/// A listening socket on 127.0.0.1 (port chosen by the kernel) with an accept thread.
class Listener
{
public:
    Listener() = default;
    virtual ~Listener();
    Listener(const Listener &) = delete;
    Listener &operator=(const Listener &) = delete;

    /// Binds and starts accepting; false (and a message on stderr) when the socket fails.
    bool start();
    /// Stops accepting and joins the accept thread. Called by the destructor.
    void stop();
    int port() const { return m_port; }

protected:
    /// Runs on the accept thread for each connection; owns `fd` (must close it).
    virtual void handleConnection(int fd, Clock::time_point acceptedAt) = 0;

private:
    void acceptLoop();

    int m_listenFd = -1;
    int m_port = 0;
    std::atomic<bool> m_stopping { false };
    std::thread m_thread;
};

/// Any request → 200 text/event-stream, the whole corpus, then close. Each connection is
/// served on its own thread, so a client that stops reading does not block the next one.
class FirehoseServer final : public Listener
{
public:
    explicit FirehoseServer(QByteArray corpus);
    ~FirehoseServer() override;

    /// When the most recent connection was accepted.
    Clock::time_point lastAccept() const;

protected:
    void handleConnection(int fd, Clock::time_point acceptedAt) override;

private:
    QByteArray m_corpus;
    std::atomic<Clock::rep> m_lastAccept { 0 };
    std::atomic<int> m_activeConnections { 0 };
};

/// Each request → `retry: 0`, one event whose id is the next number of its path, then close.
/// Checks that every request but a path's first carries Last-Event-ID = the id sent last on
/// that path (and the first none), so each benchmark run uses a fresh path. The body is chunked
/// (an explicit end, as Node or Go send it), or ends with the close for paths under /eof/.
class ReconnectServer final : public Listener
{
public:
    struct Session
    {
        qint64 requests = 0;
        qint64 wrongIds = 0; ///< Requests whose Last-Event-ID was not the expected one.
        std::string firstWrong; ///< "expected X, got Y" for the first wrong one.
        Clock::time_point firstAccept;
        Clock::time_point lastAccept;
    };

    ~ReconnectServer() override;

    /// What the requests to `path` (e.g. "/reconnect/run-1") looked like so far.
    Session session(const std::string &path) const;

protected:
    void handleConnection(int fd, Clock::time_point acceptedAt) override;

private:
    mutable std::mutex m_mutex;
    std::map<std::string, Session> m_sessions;
};

} // namespace BenchServer
