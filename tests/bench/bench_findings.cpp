// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

// The findings engine's cost per event: 1M events of a 100,000 events/s stream (~100-byte
// JSON, numeric ids, 16 events per network read), fed to FindingsEngine::addEvent() in batches
// of 4096 built beforehand, so that only the engine is timed. Also counts heap allocations
// inside the timed sections (operator new is replaced in this executable), which must stay 0:
// the engine's event path allocates only when it finds something.
//
//   bench_findings [--events N] [--runs R] [--baseline]
// --baseline builds the batches but feeds nothing: `perf stat -e instructions` of both runs
// gives the engine's instructions per event, which load on a shared machine does not skew.

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <new>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QStringList>

#include "findingsengine.h"

using namespace Qt::StringLiterals;

namespace {
std::atomic<bool> s_counting { false };
std::atomic<qint64> s_allocations { 0 };
} // namespace

void *operator new(std::size_t size)
{
    if (s_counting.load(std::memory_order_relaxed))
        s_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void *p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}

void operator delete(void *p) noexcept
{
    std::free(p);
}

void operator delete(void *p, std::size_t) noexcept
{
    std::free(p);
}

namespace {

constexpr int Batch = 4096;
constexpr int EventsPerRead = 16;
const QDateTime Start = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);

struct Result
{
    double nanosecondsPerEvent = 0;
    qint64 allocations = 0;
    int findings = 0;
};

Result run(qint64 total, bool feed)
{
    FindingsEngine engine;
    StreamRecord connecting;
    connecting.kind = StreamRecord::Kind::Connecting;
    connecting.connection = 1;
    connecting.time = Start;
    engine.addRecord(connecting);
    StreamRecord open;
    open.kind = StreamRecord::Kind::Open;
    open.connection = 1;
    open.status = 200;
    open.httpVersion = u"1.1"_s;
    open.headers = { { "Content-Type", "text/event-stream" }, { "Cache-Control", "no-cache" } };
    open.time = Start;
    engine.addRecord(open);

    QList<SseEvent> batch(Batch);
    qint64 elapsed = 0;
    qint64 allocations = 0;
    int findings = 0;
    QElapsedTimer timer;
    for (qint64 done = 0; done < total; done += Batch) {
        // Built outside the timed section: one read of 16 events every 160 µs (100,000/s).
        for (int i = 0; i < Batch; ++i) {
            const qint64 id = done + i + 1;
            SseEvent &event = batch[i];
            event.type = u"message"_s;
            event.lastEventId = QString::number(id);
            event.hasId = true;
            event.data = u"{\"n\":%1,\"user\":\"someone\",\"text\":\"a message of about a hundred "
                         "bytes\",\"ok\":true}"_s.arg(id);
            event.connection = 1;
            event.receivedAt = Start.addMSecs((id / EventsPerRead) * EventsPerRead / 100);
        }
        s_allocations = 0;
        s_counting = true;
        timer.start();
        if (feed) {
            for (const SseEvent &event : std::as_const(batch))
                engine.addEvent(event);
        }
        elapsed += timer.nsecsElapsed();
        s_counting = false;
        allocations += s_allocations;
        if (engine.hasFindings())
            findings += int(engine.takeFindings().size());
    }
    return { double(elapsed) / double(total), allocations, findings };
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const auto option = [&arguments](const QString &name, qint64 fallback) {
        const qsizetype at = arguments.indexOf(name);
        return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1).toLongLong() : fallback;
    };
    const qint64 events = option(u"--events"_s, 1'000'000);
    const int runs = int(option(u"--runs"_s, 5));
    const bool feed = !arguments.contains(u"--baseline"_s);

    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        const Result result = run(events, feed);
        times.append(result.nanosecondsPerEvent);
        std::printf("run %d: %.1f ns/event, %lld allocations in the timed sections, "
                    "%d findings\n",
                    i + 1, result.nanosecondsPerEvent, static_cast<long long>(result.allocations),
                    result.findings);
    }
    std::sort(times.begin(), times.end());
    const double median = times.at(times.size() / 2);
    std::printf("median of %d runs over %lld events: %.1f ns/event (%.2f %% of one core at "
                "100,000 events/s)\n",
                runs, static_cast<long long>(events), median, median * 100'000 / 1e9 * 100);
    return 0;
}
