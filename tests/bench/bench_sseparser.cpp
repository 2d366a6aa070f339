// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
//
// Throughput of SseParser with every event fully decoded to QString.
//   bench_sseparser                      built-in corpora, median of 7 runs, memchr ceiling
//   bench_sseparser FILE [--chunk N] [--runs N]   one line per run over FILE
//   --cpu (either form)                  time with the thread's CPU clock instead of the wall
//                                        clock: on a shared, loaded machine the wall clock also
//                                        counts the time other processes hold the core
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <time.h>

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QRandomGenerator>
#include <QString>

#include "sseparser.h"

namespace {

// Consumes every field so the decoding work cannot be optimised away.
class CountingSink : public SseParser::Sink
{
public:
    // Reads through const access only, as a consumer would: the event's data may share its
    // block with its id, so a non-const accessor (back(), data(), ...) would copy the data.
    void event(SseEvent &&event) override
    {
        ++m_events;
        m_dataUnits += quint64(event.data.size());
        m_checksum += quint64(event.type.size()) + quint64(event.lastEventId.size())
                + (event.data.isEmpty() ? 0u : event.data.at(event.data.size() - 1).unicode());
    }
    void comment(QStringView text) override { m_checksum += quint64(text.size()); }

    quint64 m_events = 0;
    quint64 m_dataUnits = 0;
    quint64 m_checksum = 0;
};

struct Result
{
    double seconds = 0;
    quint64 events = 0;
    quint64 dataUnits = 0;
    quint64 checksum = 0;
};

bool s_cpuClock = false;

double now()
{
    if (s_cpuClock) {
        timespec spec;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec);
        return double(spec.tv_sec) + double(spec.tv_nsec) / 1e9;
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
            .count();
}

Result parseOnce(const QByteArray &corpus, qsizetype chunkSize)
{
    SseParser parser;
    CountingSink sink;
    const double start = now();
    for (qsizetype i = 0; i < corpus.size(); i += chunkSize)
        parser.feed(QByteArrayView(corpus).sliced(i, std::min(chunkSize, corpus.size() - i)), sink);
    parser.finish();
    return { now() - start, sink.m_events, sink.m_dataUnits, sink.m_checksum };
}

// The ceiling: memchr for LF over the same bytes in the same chunks, counting hits.
Result memchrOnce(const QByteArray &corpus, qsizetype chunkSize)
{
    quint64 hits = 0;
    const double start = now();
    for (qsizetype i = 0; i < corpus.size(); i += chunkSize) {
        const char *p = corpus.constData() + i;
        const char *const end = p + std::min(chunkSize, corpus.size() - i);
        while (const void *hit = std::memchr(p, '\n', size_t(end - p))) {
            ++hits;
            p = static_cast<const char *>(hit) + 1;
        }
    }
    return { now() - start, hits, 0, hits };
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

QByteArray buildCorpus(qsizetype targetSize, const std::function<void(QByteArray &, int)> &append)
{
    QByteArray corpus;
    corpus.reserve(targetSize + 128 * 1024);
    for (int i = 0; corpus.size() < targetSize; ++i)
        append(corpus, i);
    return corpus;
}

QByteArray jsonEvent(int i, const char *lineEnd)
{
    // ~100 bytes: id, event type and one JSON data line.
    QByteArray event;
    event += "id: ";
    event += QByteArray::number(i);
    event += lineEnd;
    event += "event: update";
    event += lineEnd;
    event += R"(data: {"seq":)";
    event += QByteArray::number(i);
    event += R"(,"user":"u)";
    event += QByteArray::number(i % 977);
    event += R"(","price":)";
    event += QByteArray::number(100 + i % 50);
    event += R"(.25,"ok":true})";
    event += lineEnd;
    event += lineEnd;
    return event;
}

int runBuiltIn()
{
    constexpr qsizetype CorpusSize = 48 * 1000 * 1000;
    constexpr qsizetype ChunkSize = 16 * 1024;
    constexpr int Runs = 7;
    static const char *const Tokens[] = { "Hello", " world", ",",     " the",  " quick", " brown",
                                          " fox",  " jumps", " over", " lazy", " dog",   "." };

    struct Corpus
    {
        const char *name;
        std::function<void(QByteArray &, int)> append;
    };
    const QList<Corpus> corpora = {
        { "a: ~100 B JSON + id + event", [](QByteArray &c, int i) { c += jsonEvent(i, "\n"); } },
        { "b: ~30 B tokens",
          [](QByteArray &c, int i) {
              c += R"(data: {"t":")";
              c += Tokens[i % 12];
              c += "\"}\n\n";
          } },
        { "c: 64 KiB multi-line",
          [](QByteArray &c, int i) {
              c += "event: chunk\nid: ";
              c += QByteArray::number(i);
              c += '\n';
              const QByteArray line = "data: " + QByteArray(94, char('a' + i % 26)) + '\n';
              for (int n = 0; n < 655; ++n) // 655 * 100 B = 64 KiB of lines
                  c += line;
              c += '\n';
          } },
        { "d: ~100 B JSON, CRLF", [](QByteArray &c, int i) { c += jsonEvent(i, "\r\n"); } },
        { "e: ~100 B JSON + heartbeats",
          [](QByteArray &c, int i) {
              if (i % 4 == 0)
                  c += ": heartbeat\n\n";
              c += jsonEvent(i, "\n");
          } },
    };

    std::printf("%-30s %9s %10s %11s %12s %11s\n", "corpus", "MB", "events", "parser MB/s",
                "events/s", "memchr MB/s");
    quint64 checksum = 0;
    for (const Corpus &corpus : corpora) {
        const QByteArray bytes = buildCorpus(CorpusSize, corpus.append);
        QList<double> parseTimes;
        QList<double> memchrTimes;
        quint64 events = 0;
        for (int run = 0; run < Runs; ++run) {
            const Result parsed = parseOnce(bytes, ChunkSize);
            parseTimes << parsed.seconds;
            events = parsed.events;
            checksum += parsed.checksum + parsed.dataUnits;
            const Result scanned = memchrOnce(bytes, ChunkSize);
            memchrTimes << scanned.seconds;
            checksum += scanned.checksum;
        }
        const double megabytes = double(bytes.size()) / 1e6;
        const double parseSeconds = median(parseTimes);
        std::printf("%-30s %9.1f %10llu %11.0f %12.0f %11.0f\n", corpus.name, megabytes,
                    static_cast<unsigned long long>(events), megabytes / parseSeconds,
                    double(events) / parseSeconds, megabytes / median(memchrTimes));
    }
    std::printf("(median of %d runs, %lld-byte chunks, fresh parser per run, %s clock; checksum "
                "%llu)\n",
                Runs, static_cast<long long>(ChunkSize), s_cpuClock ? "thread CPU" : "wall",
                static_cast<unsigned long long>(checksum));
    return 0;
}

int runFile(const char *path, qsizetype chunkSize, int runs)
{
    QFile file(QString::fromLocal8Bit(path));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", path);
        return 1;
    }
    const QByteArray corpus = file.readAll();
    for (int run = 1; run <= runs; ++run) {
        const Result result = parseOnce(corpus, chunkSize);
        std::printf("parser=ssescope run=%d events=%llu data_bytes=%llu lines=0 seconds=%.6f\n",
                    run, static_cast<unsigned long long>(result.events),
                    static_cast<unsigned long long>(result.dataUnits), result.seconds);
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    const char *path = nullptr;
    qsizetype chunkSize = 16384;
    int runs = 2;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--chunk") == 0 && i + 1 < argc) {
            chunkSize = std::max<qsizetype>(1, QByteArray(argv[++i]).toLongLong());
        } else if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
            runs = std::max(1, QByteArray(argv[++i]).toInt());
        } else if (std::strcmp(argv[i], "--cpu") == 0) {
            s_cpuClock = true;
        } else if (argv[i][0] == '-') {
            std::fprintf(stderr, "usage: %s [--cpu] [CORPUS_FILE [--chunk BYTES] [--runs N]]\n",
                         argv[0]);
            return 2;
        } else {
            path = argv[i];
        }
    }
    return path ? runFile(path, chunkSize, runs) : runBuiltIn();
}
