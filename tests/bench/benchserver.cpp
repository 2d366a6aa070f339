// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "benchserver.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string_view>
#include <sys/socket.h>
#include <unistd.h>

namespace BenchServer {

namespace {

constexpr qsizetype EventSize = 143; // 64 MiB / 143 B ≈ 469k events, as the reference figures.
constexpr qsizetype WriteSize = 1024 * 1024;

constexpr std::string_view StreamHeaders = "HTTP/1.1 200 OK\r\n"
                                           "Content-Type: text/event-stream\r\n"
                                           "Cache-Control: no-cache\r\n"
                                           "Connection: close\r\n"
                                           "\r\n";
constexpr std::string_view ChunkedHeaders = "HTTP/1.1 200 OK\r\n"
                                            "Content-Type: text/event-stream\r\n"
                                            "Cache-Control: no-cache\r\n"
                                            "Transfer-Encoding: chunked\r\n"
                                            "Connection: close\r\n"
                                            "\r\n";

// Blocking send of everything; false when the client went away (or stalled for 10 s).
bool sendAll(int fd, const char *data, qsizetype size)
{
    while (size > 0) {
        const ssize_t sent = ::send(fd, data, size_t(std::min(size, WriteSize)), MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent <= 0)
            return false;
        data += sent;
        size -= sent;
    }
    return true;
}

// Reads the request head (up to the blank line); empty when the client sent none.
std::string readRequestHead(int fd)
{
    std::string head;
    char buffer[4096];
    while (head.find("\r\n\r\n") == std::string::npos) {
        const ssize_t received = ::recv(fd, buffer, sizeof buffer, 0);
        if (received < 0 && errno == EINTR)
            continue;
        if (received <= 0 || head.size() > 64 * 1024)
            return {};
        head.append(buffer, size_t(received));
    }
    return head;
}

// The value of header `name` (lower case) in a request head, and whether it was there.
std::pair<std::string, bool> headerValue(const std::string &head, std::string_view name)
{
    size_t lineStart = head.find("\r\n");
    while (lineStart != std::string::npos && lineStart + 2 < head.size()) {
        lineStart += 2;
        const size_t lineEnd = head.find("\r\n", lineStart);
        if (lineEnd == std::string::npos || lineEnd == lineStart)
            break;
        const size_t colon = head.find(':', lineStart);
        if (colon != std::string::npos && colon < lineEnd && colon - lineStart == name.size()
            && std::equal(name.begin(), name.end(), head.begin() + qsizetype(lineStart),
                          [](char a, char b) { return a == char(std::tolower(b)); })) {
            size_t valueStart = colon + 1;
            while (valueStart < lineEnd && head[valueStart] == ' ')
                ++valueStart;
            return { head.substr(valueStart, lineEnd - valueStart), true };
        }
        lineStart = lineEnd;
    }
    return { {}, false };
}

void setTimeouts(int fd)
{
    const timeval timeout { 10, 0 };
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
}

} // namespace

Corpus buildCorpus(qsizetype targetBytes)
{
    Corpus corpus;
    corpus.bytes.reserve(targetBytes);
    static constexpr const char *Levels[] = { "info", "warn", "debug", "error" };
    char block[EventSize + 1];
    for (qint64 id = 1; corpus.bytes.size() + EventSize <= targetBytes; ++id) {
        // A fixed block size keeps the corpus exactly predictable: pad the message to fit.
        const int head = std::snprintf(
                block, sizeof block,
                "id: %lld\nevent: %s\ndata: {\"seq\":%lld,\"user\":\"u%04lld\","
                "\"level\":\"%s\",\"msg\":\"",
                static_cast<long long>(id), id % 16 == 0 ? "alert" : "tick",
                static_cast<long long>(id), static_cast<long long>(id % 9973), Levels[id % 4]);
        const qsizetype tail = 4; // "\"}\n\n"
        const qsizetype padding = EventSize - head - tail;
        Q_ASSERT(padding > 0);
        corpus.bytes.append(block, head);
        for (qsizetype i = 0; i < padding; ++i)
            corpus.bytes.append(char('a' + (id + i) % 26));
        corpus.bytes.append("\"}\n\n", tail);
        ++corpus.events;
    }
    return corpus;
}

Listener::~Listener()
{
    stop();
}

bool Listener::start()
{
    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_listenFd < 0) {
        std::perror("bench server: socket");
        return false;
    }
    const int on = 1;
    ::setsockopt(m_listenFd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    // A deep backlog: a client reconnecting at thousands per second must never see a refusal.
    if (::bind(m_listenFd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
        || ::listen(m_listenFd, 1024) != 0
        || ::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        std::perror("bench server: bind/listen");
        ::close(m_listenFd);
        m_listenFd = -1;
        return false;
    }
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] { acceptLoop(); });
    return true;
}

void Listener::stop()
{
    if (!m_thread.joinable())
        return;
    m_stopping = true;
    m_thread.join();
    ::close(m_listenFd);
    m_listenFd = -1;
}

void Listener::acceptLoop()
{
    pollfd poller { m_listenFd, POLLIN, 0 };
    while (!m_stopping) {
        // Polling with a timeout is the portable way to notice stop(): closing a socket does
        // not wake a thread blocked in accept() on Linux.
        if (::poll(&poller, 1, 100) <= 0)
            continue;
        const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        const Clock::time_point acceptedAt = Clock::now();
        const int on = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        setTimeouts(fd);
        handleConnection(fd, acceptedAt);
    }
}

FirehoseServer::FirehoseServer(QByteArray corpus)
    : m_corpus(std::move(corpus))
{}

FirehoseServer::~FirehoseServer()
{
    stop();
    // The connection threads are detached; they finish within the send timeout at worst.
    while (m_activeConnections.load() > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

Clock::time_point FirehoseServer::lastAccept() const
{
    return Clock::time_point(Clock::duration(m_lastAccept.load()));
}

void FirehoseServer::handleConnection(int fd, Clock::time_point acceptedAt)
{
    m_lastAccept = acceptedAt.time_since_epoch().count();
    ++m_activeConnections;
    std::thread([this, fd, corpus = m_corpus] {
        if (!readRequestHead(fd).empty() && sendAll(fd, StreamHeaders.data(), StreamHeaders.size()))
            sendAll(fd, corpus.constData(), corpus.size());
        ::shutdown(fd, SHUT_WR);
        ::close(fd);
        --m_activeConnections;
    }).detach();
}

ReconnectServer::~ReconnectServer()
{
    stop();
}

ReconnectServer::Session ReconnectServer::session(const std::string &path) const
{
    const std::lock_guard lock(m_mutex);
    const auto found = m_sessions.find(path);
    return found == m_sessions.end() ? Session() : found->second;
}

void ReconnectServer::handleConnection(int fd, Clock::time_point acceptedAt)
{
    const std::string head = readRequestHead(fd);
    const size_t pathStart = head.find(' ');
    const size_t pathEnd =
            pathStart == std::string::npos ? pathStart : head.find(' ', pathStart + 1);
    if (pathEnd == std::string::npos) {
        ::close(fd);
        return;
    }
    const std::string path = head.substr(pathStart + 1, pathEnd - pathStart - 1);
    const auto [lastEventId, hasLastEventId] = headerValue(head, "last-event-id");

    qint64 id = 0;
    {
        const std::lock_guard lock(m_mutex);
        Session &session = m_sessions[path];
        // The first request of a path carries no id; each later one the id sent just before.
        const std::string expected =
                session.requests == 0 ? std::string() : std::to_string(session.requests);
        if (lastEventId != expected || hasLastEventId == expected.empty()) {
            if (session.wrongIds++ == 0)
                session.firstWrong = "request " + std::to_string(session.requests + 1)
                        + ": expected Last-Event-ID \"" + expected + "\", got "
                        + (hasLastEventId ? '"' + lastEventId + '"' : std::string("none"));
        }
        if (session.requests == 0)
            session.firstAccept = acceptedAt;
        session.lastAccept = acceptedAt;
        id = ++session.requests;
    }

    const std::string event = "retry: 0\nid: " + std::to_string(id)
            + "\nevent: tick\ndata: {\"n\":" + std::to_string(id) + "}\n\n";
    std::string response;
    if (path.rfind("/eof/", 0) == 0) {
        response.append(StreamHeaders).append(event);
    } else {
        // Chunked, as Node, Go and most SSE servers frame a stream they later end: the body's
        // end is explicit, so a client never has to infer it from the close.
        char size[16];
        std::snprintf(size, sizeof size, "%zx\r\n", event.size());
        response.append(ChunkedHeaders).append(size).append(event).append("\r\n0\r\n\r\n");
    }
    sendAll(fd, response.data(), qsizetype(response.size()));
    ::shutdown(fd, SHUT_WR);
    ::close(fd);
}

} // namespace BenchServer
