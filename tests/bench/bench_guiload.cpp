// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

// GUI load driver: the real MainWindow, offscreen, fed a firehose over loopback HTTP by a paced
// server on its own thread. It measures what the user feels: event-loop stalls on the GUI
// thread, events lost, memory per retained event, filter latency over a full tab and whether
// the table keeps following the tail. Run on demand:
//   bench_guiload [--seconds 60] [--rate 100000] [--fill 100000] [--repeat 5] [--no-filter]
// Phases: fill (N events unpaced, then RSS and heap per retained row), firehose (the paced rate,
// with a 1 ms timer's gaps, thread CPU per gap and per event delivery, RSS and the tail), and
// filter (texts set through the filter bar over a full tab, checked against QString).

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <malloc.h>
#include <time.h>
#include <vector>

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QHostAddress>
#include <QPointer>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include "filterbar.h"
#include "mainwindow.h"
#include "messagefilterproxymodel.h"
#include "messagemodel.h"
#include "messageview.h"
#include "streamtab.h"

using namespace Qt::StringLiterals;

namespace {

constexpr int PacerIntervalMs = 10;
// Bytes the server may queue in its socket before it waits: ~15k events, 150 ms at the
// default rate. More would only hide a GUI that cannot keep up behind a growing buffer.
constexpr qint64 SendHighWater = 2 * 1024 * 1024;

struct Memory
{
    qint64 rssKb = 0;
    qint64 hwmKb = 0;
};

Memory readMemory()
{
    Memory memory;
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return memory;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const auto value = [&line] {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        };
        if (line.startsWith("VmRSS:"))
            memory.rssKb = value();
        else if (line.startsWith("VmHWM:"))
            memory.hwmKb = value();
    }
    return memory;
}

/// Bytes malloc has handed out and not had back: unlike RSS, blind to free lists.
qint64 heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks) + qint64(info.hblkhd);
}

/// CPU time of the calling thread: unlike wall time, barely moved by other load on the machine.
double threadCpuSeconds()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.readAll().split(' ').mid(0, 3).join(' '));
}

/// One ~140 B event, as a JSON API would send it: id + event type + one data line.
/// Every row contains "level"; one in ten is "warn"; one in a thousand says "needle".
void appendEvent(QByteArray &out, qint64 seq)
{
    const QByteArray number = QByteArray::number(seq);
    out += "id: ";
    out += number;
    out += seq % 3 ? "\nevent: tick\ndata: {\"seq\":" : "\nevent: price\ndata: {\"seq\":";
    out += number;
    out += ",\"user\":\"user";
    out += QByteArray::number(seq % 100);
    out += seq % 10 == 0 ? "\",\"level\":\"warn\",\"msg\":\"" : "\",\"level\":\"info\",\"msg\":\"";
    out += seq % 1000 == 0 ? "needle in the haystack" : "order shipped to depot";
    out += "\",\"pad\":\"abcdefghijklmnopqrstuvwxyz01234\"}\n\n";
}

/// The load generator. Lives on its own thread so the GUI thread only receives.
class LoadServer : public QObject
{
    Q_OBJECT
public:
    std::atomic<qint64> sent { 0 }; ///< Events written to the socket, over all phases.
    std::atomic<quint16> port { 0 };
    std::atomic<bool> idle { true }; ///< No phase running.

    void start()
    {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, &LoadServer::accept);
        m_server->listen(QHostAddress::LocalHost, 0);
        port = m_server->serverPort();
        m_pacer = new QTimer(this);
        m_pacer->setTimerType(Qt::PreciseTimer);
        m_pacer->setInterval(PacerIntervalMs);
        connect(m_pacer, &QTimer::timeout, this, &LoadServer::pump);
    }

    /// Sends `count` events as fast as the socket drains.
    void burst(qint64 count)
    {
        m_rate = 0;
        m_phaseTarget = count;
        beginPhase();
    }

    /// Sends `rate` events/s for `milliseconds`, in ~10 ms batches.
    void paced(qint64 rate, qint64 milliseconds)
    {
        m_rate = rate;
        m_phaseTarget = rate * milliseconds / 1000;
        beginPhase();
    }

    void stop()
    {
        m_pacer->stop();
        idle = true;
    }

    void shutdown()
    {
        stop();
        if (m_client)
            m_client->abort();
        m_server->close();
    }

    qint64 backpressureTicks() const { return m_backpressureTicks; }

private:
    void beginPhase()
    {
        m_phaseSent = 0;
        m_backpressureTicks = 0;
        m_phaseClock.start();
        idle = false;
        m_pacer->start();
        pump();
    }

    void accept()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            if (m_client)
                m_client->abort();
            m_client = socket;
            m_requestDone = false;
            m_request.clear();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                if (socket != m_client || m_requestDone)
                    return;
                m_request += socket->readAll();
                if (!m_request.contains("\r\n\r\n"))
                    return;
                m_requestDone = true;
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                              "Cache-Control: no-cache\r\n\r\n");
            });
            connect(socket, &QTcpSocket::bytesWritten, this, [this] {
                if (!idle && m_rate == 0)
                    pump();
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    void pump()
    {
        if (idle || !m_client || !m_requestDone)
            return;
        qint64 due = m_phaseTarget;
        if (m_rate > 0)
            due = qMin(m_phaseTarget, m_rate * m_phaseClock.elapsed() / 1000);
        qint64 count = due - m_phaseSent;
        if (count > 0 && m_client->bytesToWrite() > SendHighWater) {
            ++m_backpressureTicks;
            count = 0;
        }
        if (count > 0) {
            // Never more than ~high-water bytes in one write, so a burst stays a stream.
            count = qMin<qint64>(count, SendHighWater / 140);
            m_chunk.clear();
            const qint64 first = sent + 1;
            for (qint64 seq = first; seq < first + count; ++seq)
                appendEvent(m_chunk, seq);
            m_client->write(m_chunk);
            sent += count;
            m_phaseSent += count;
        }
        if (m_phaseSent >= m_phaseTarget)
            stop();
    }

    QTcpServer *m_server = nullptr;
    QPointer<QTcpSocket> m_client; ///< Deleted once the app disconnects, e.g. at its exit.
    QTimer *m_pacer = nullptr;
    QByteArray m_request;
    QByteArray m_chunk;
    QElapsedTimer m_phaseClock;
    qint64 m_rate = 0;
    qint64 m_phaseTarget = 0;
    qint64 m_phaseSent = 0;
    qint64 m_backpressureTicks = 0;
    bool m_requestDone = false;
};

/// Gaps between ticks of a 1 ms timer on the GUI thread: the longest is the worst stall.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed() / 1000;
            const qint64 cpu = cpuMicroseconds();
            m_gapsUs.push_back(now - m_last);
            m_cpuGapsUs.push_back(cpu - m_lastCpu);
            m_last = now;
            m_lastCpu = cpu;
        });
        m_clock.start();
    }
    void start()
    {
        m_gapsUs.clear();
        m_cpuGapsUs.clear();
        m_last = m_clock.nsecsElapsed() / 1000;
        m_lastCpu = cpuMicroseconds();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }

    struct Summary
    {
        double p50Ms = 0, p99Ms = 0, p999Ms = 0, maxMs = 0;
        qint64 over16 = 0, over50 = 0, ticks = 0;
        // The GUI thread's own CPU time within a gap: the stall its work caused, whatever
        // else the machine was running (a gap far longer than this one was preemption).
        double cpuP999Ms = 0, cpuMaxMs = 0;
        qint64 cpuOver50 = 0;
    };
    Summary summary() const
    {
        Summary s;
        if (m_gapsUs.empty())
            return s;
        std::vector<qint64> sorted = m_gapsUs;
        std::sort(sorted.begin(), sorted.end());
        const auto at = [&sorted](double q) {
            return double(sorted[std::min(sorted.size() - 1, size_t(q * double(sorted.size())))])
                    / 1000.0;
        };
        s.p50Ms = at(0.5);
        s.p99Ms = at(0.99);
        s.p999Ms = at(0.999);
        s.maxMs = double(sorted.back()) / 1000.0;
        s.ticks = qint64(sorted.size());
        for (qint64 gap : sorted) {
            s.over16 += gap > 16'000;
            s.over50 += gap > 50'000;
        }
        std::vector<qint64> cpu = m_cpuGapsUs;
        std::sort(cpu.begin(), cpu.end());
        s.cpuP999Ms =
                double(cpu[std::min(cpu.size() - 1, size_t(0.999 * double(cpu.size())))]) / 1000.0;
        s.cpuMaxMs = double(cpu.back()) / 1000.0;
        s.cpuOver50 =
                std::count_if(cpu.begin(), cpu.end(), [](qint64 gap) { return gap > 50'000; });
        return s;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    static qint64 cpuMicroseconds()
    {
        timespec now {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return qint64(now.tv_sec) * 1'000'000 + now.tv_nsec / 1000;
    }

    std::vector<qint64> m_gapsUs;
    std::vector<qint64> m_cpuGapsUs;
    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
};

/// Times every top-level event delivery on the GUI thread, so a stall can be pinned on what
/// ran during it (a paint, the flush timer, the socket's readyRead...), in wall and CPU time.
class ProfilingApplication : public QApplication
{
public:
    using QApplication::QApplication;

    struct Entry
    {
        qint64 count = 0;
        double cpuMs = 0;
        double maxWallMs = 0;
        double maxCpuMs = 0;
    };
    bool recording = false;
    QHash<QString, Entry> entries;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!recording || m_depth > 0 || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        const int type = event->type();
        const QObject *owner = qobject_cast<QTimer *>(receiver) && receiver->parent()
                ? receiver->parent()
                : receiver;
        QString key = QString::fromLatin1(owner->metaObject()->className()) + u'/'
                + QString::number(type);
        if (type == QEvent::MetaCall)
            key += u" (queued call)"_s;
        else if (type == QEvent::Timer)
            key += u" (timer)"_s;
        else if (type == QEvent::UpdateRequest)
            key += u" (paint)"_s;
        ++m_depth;
        QElapsedTimer clock;
        clock.start();
        const double cpuStart = cpuNow();
        const bool result = QApplication::notify(receiver, event);
        const double cpuMs = (cpuNow() - cpuStart) * 1000;
        const double wallMs = double(clock.nsecsElapsed()) / 1e6;
        --m_depth;
        Entry &entry = entries[key];
        ++entry.count;
        entry.cpuMs += cpuMs;
        entry.maxWallMs = qMax(entry.maxWallMs, wallMs);
        entry.maxCpuMs = qMax(entry.maxCpuMs, cpuMs);
        return result;
    }

    static double cpuNow()
    {
        timespec now {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
    }

private:
    int m_depth = 0;
};

void printDeliveries(const QHash<QString, ProfilingApplication::Entry> &entries)
{
    std::printf("  longest event deliveries on the GUI thread (receiver/event type):\n");
    QList<std::pair<QString, ProfilingApplication::Entry>> sorted;
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        sorted.append({ it.key(), it.value() });
    std::sort(sorted.begin(), sorted.end(),
              [](const auto &a, const auto &b) { return a.second.cpuMs > b.second.cpuMs; });
    std::printf("    %-46s %7s %9s %9s %9s\n", "", "count", "CPU ms", "max wall", "max CPU");
    for (qsizetype i = 0; i < qMin<qsizetype>(6, sorted.size()); ++i) {
        const auto &[key, entry] = sorted.at(i);
        std::printf("    %-46s %7lld %9.0f %9.1f %9.1f\n", qPrintable(key.left(46)), entry.count,
                    entry.cpuMs, entry.maxWallMs, entry.maxCpuMs);
    }
}

/// Spins the real event loop (so timers, sockets and paints run) until `done` or timeout.
template<typename Predicate>
bool waitUntil(Predicate done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(5);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || clock.elapsed() > timeoutMs)
            loop.quit();
    });
    if (done())
        return true;
    poll.start();
    loop.exec();
    return done();
}

void runFor(int milliseconds)
{
    QElapsedTimer clock;
    clock.start();
    waitUntil([&] { return clock.elapsed() >= milliseconds; }, milliseconds + 1000);
}

/// Rows between the proxy's last row and the last row the viewport shows (0 = at the tail).
int tailLag(MessageView *view)
{
    const int rows = view->model()->rowCount();
    if (rows == 0)
        return 0;
    const int bottom = view->rowAt(view->viewport()->height() - 1);
    const int lastVisible = bottom < 0 ? rows - 1 : bottom;
    return rows - 1 - lastVisible;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n == 0 ? 0 : n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

void line(const char *label, const QString &value)
{
    std::printf("  %-44s %s\n", label, qPrintable(value));
}

QString ms(double value)
{
    return QString::number(value, 'f', 1) + u" ms"_s;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    ProfilingApplication app(argc, argv);
    QApplication::setApplicationName(u"ssescope-bench-guiload"_s);
    QApplication::setOrganizationName(u"ssescope"_s);
    // Never read or write the user's session.
    QStandardPaths::setTestModeEnabled(true);

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption secondsOption(u"seconds"_s, u"Firehose duration."_s, u"s"_s, u"60"_s);
    const QCommandLineOption rateOption(u"rate"_s, u"Events per second."_s, u"n"_s, u"100000"_s);
    const QCommandLineOption fillOption(u"fill"_s, u"Events sent before the firehose."_s, u"n"_s,
                                        QString::number(MessageModel::DefaultMaximumRows));
    const QCommandLineOption repeatOption(u"repeat"_s, u"Runs per filter text."_s, u"n"_s, u"5"_s);
    const QCommandLineOption noFilterOption(u"no-filter"_s, u"Skip the filter phase."_s);
    parser.addOptions({ secondsOption, rateOption, fillOption, repeatOption, noFilterOption });
    parser.process(app);
    const int seconds = parser.value(secondsOption).toInt();
    const qint64 rate = parser.value(rateOption).toLongLong();
    const qint64 fill = parser.value(fillOption).toLongLong();
    const int repeat = qMax(1, parser.value(repeatOption).toInt());

    QThread serverThread;
    serverThread.setObjectName(u"load-server"_s);
    auto *server = new LoadServer;
    server->moveToThread(&serverThread);
    QObject::connect(&serverThread, &QThread::finished, server, &QObject::deleteLater);
    serverThread.start();
    QMetaObject::invokeMethod(server, &LoadServer::start, Qt::BlockingQueuedConnection);
    const QString url = u"http://127.0.0.1:%1/stream"_s.arg(server->port.load());

    const Memory beforeWindow = readMemory();
    MainWindow::Options options;
    options.restoreSession = false;
    options.startDemoOnFirstLaunch = false;
    options.urls = { url };
    auto *window = new MainWindow(options);
    window->show();
    StreamTab *tab = window->currentTab();
    MessageModel *model = tab->model();
    MessageFilterProxyModel *proxy = tab->proxy();
    MessageView *view = tab->messageView();
    if (!waitUntil([&] { return tab->reader()->state() == SseReader::State::Open; }, 10'000)) {
        std::fprintf(stderr, "the stream did not open\n");
        return 1;
    }
    runFor(500);
    const Memory baseline = readMemory();
    const qint64 heapBaseline = heapInUse();
    const int baselineRows = model->rowCount();
    std::printf("SSE Scope GUI load: %s, rate %lld ev/s for %d s, fill %lld, load avg %s\n",
                qPrintable(url), rate, seconds, fill, qPrintable(loadAverage()));
    {
        QByteArray sample;
        appendEvent(sample, 1'234'567);
        std::printf("event on the wire: %lld B (data %lld B)\n", qint64(sample.size()),
                    qint64(sample.size() - sample.indexOf("data: ") - 6 - 2));
    }

    const auto receivedAll = [&] {
        return server->idle && qint64(model->totalEvents()) == server->sent
                && model->pendingCount() == 0;
    };

    // Phase 1: fill the tab as fast as the GUI takes it; then the memory one full tab costs.
    StallMeter stalls;
    stalls.start();
    app.recording = true;
    // In two halves: the second half's growth is the marginal cost of a retained event, free of
    // what the first burst left behind (socket and reply buffers, the server thread's arena).
    const auto fillWith = [&](qint64 count) {
        QElapsedTimer clock;
        clock.start();
        server->idle = false; // before the call, so receivedAll() cannot pass before it starts
        QMetaObject::invokeMethod(server, [server, count] { server->burst(count); });
        const bool complete = waitUntil(receivedAll, 60'000);
        return std::pair { complete, clock.elapsed() };
    };
    const auto [firstComplete, firstMs] = fillWith(fill / 2);
    runFor(300);
    const Memory half = readMemory();
    const qint64 heapHalf = heapInUse();
    const int halfRows = model->rowCount();
    const auto [secondComplete, secondMs] = fillWith(fill - fill / 2);
    const bool fillComplete = firstComplete && secondComplete;
    const qint64 fillMs = firstMs + secondMs;
    const qint64 fillReceived = model->totalEvents();
    stalls.stop();
    app.recording = false;
    const auto fillDeliveries = std::exchange(app.entries, {});
    const StallMeter::Summary fillStalls = stalls.summary();
    runFor(300);
    const Memory filled = readMemory();
    const qint64 heapFilled = heapInUse();
    const int filledRows = model->rowCount();
    const qint64 retainedNew = filledRows - baselineRows;

    // Phase 2: the firehose, paced by the server thread.
    std::vector<Memory> rss;
    std::vector<int> lags;
    int maxRows = 0;
    const qint64 sentBefore = server->sent;
    const qint64 receivedBefore = model->totalEvents();
    QTimer sampler;
    sampler.setInterval(250);
    int sampleCount = 0;
    QObject::connect(&sampler, &QTimer::timeout, [&] {
        lags.push_back(tailLag(view));
        maxRows = qMax(maxRows, model->rowCount());
        if (++sampleCount % 4 == 0)
            rss.push_back(readMemory());
    });
    const double cpuBefore = threadCpuSeconds();
    QElapsedTimer firehoseClock;
    firehoseClock.start();
    stalls.start();
    sampler.start();
    app.recording = true;
    server->idle = false;
    QMetaObject::invokeMethod(server,
                              [server, rate, seconds] { server->paced(rate, seconds * 1000LL); });
    waitUntil([&] { return bool(server->idle); }, seconds * 1000 + 60'000);
    const qint64 sendMs = firehoseClock.elapsed();
    const bool drained = waitUntil(receivedAll, 30'000);
    const qint64 drainMs = firehoseClock.elapsed() - sendMs;
    sampler.stop();
    stalls.stop();
    app.recording = false;
    const double cpuSeconds = threadCpuSeconds() - cpuBefore;
    const StallMeter::Summary firehoseStalls = stalls.summary();
    const qint64 firehoseSent = server->sent - sentBefore;
    const qint64 firehoseReceived = model->totalEvents() - receivedBefore;
    const qint64 backpressure = server->backpressureTicks();
    runFor(100); // the deferred scroll after the last flush
    const int finalLag = tailLag(view);
    const bool atBottom =
            view->verticalScrollBar()->value() == view->verticalScrollBar()->maximum();
    const QString lastId =
            model->rowCount() > 0 ? model->eventAt(model->rowCount() - 1).lastEventId : QString();
    const Memory afterFirehose = readMemory();

    // Phase 3: filter a full tab through the filter bar, as typing (then Enter) does.
    FilterBar *filterBar = tab->filterBar();
    struct FilterResult
    {
        QString text;
        int rows = 0;
        int expected = 0;
        std::vector<double> answerMs;
        std::vector<double> answerCpuMs;
        std::vector<double> shownMs;
        std::vector<double> clearMs;
    };
    std::vector<FilterResult> filters;
    QStringList filterTexts = { u"LEVEL"_s, u"Warn"_s, u"needle"_s, u"zebra-miss"_s };
    if (parser.isSet(noFilterOption))
        filterTexts.clear();
    for (const QString &text : std::as_const(filterTexts)) {
        FilterResult result;
        result.text = text;
        // What QString itself answers, to prove the filter's own matcher right.
        for (int row = 0; row < model->rowCount(); ++row)
            result.expected += model->eventAt(row).data.contains(text, Qt::CaseInsensitive);
        for (int run = 0; run < repeat; ++run) {
            QElapsedTimer clock;
            const double cpuStart = threadCpuSeconds();
            clock.start();
            filterBar->setFilterText(text);
            result.answerMs.push_back(double(clock.nsecsElapsed()) / 1e6);
            result.answerCpuMs.push_back((threadCpuSeconds() - cpuStart) * 1000);
            result.rows = proxy->rowCount();
            QCoreApplication::processEvents();
            view->viewport()->repaint();
            result.shownMs.push_back(double(clock.nsecsElapsed()) / 1e6);
            runFor(50);
            clock.restart();
            filterBar->setFilterText(QString());
            QCoreApplication::processEvents();
            view->viewport()->repaint();
            result.clearMs.push_back(double(clock.nsecsElapsed()) / 1e6);
            runFor(50);
        }
        filters.push_back(result);
    }

    // Report.
    std::printf("\nFill (%lld events, unpaced):\n", fill);
    line("received / sent",
         u"%1 / %2%3"_s.arg(fillReceived).arg(fill).arg(fillComplete ? u""_s : u"  INCOMPLETE"_s));
    line("time, GUI ingest rate",
         u"%1 ms, %2 ev/s"_s.arg(fillMs).arg(fillMs ? fill * 1000 / fillMs : 0));
    line("stall max / p99", ms(fillStalls.maxMs) + u" / "_s + ms(fillStalls.p99Ms));
    line("GUI CPU within a gap: max", ms(fillStalls.cpuMaxMs));
    printDeliveries(fillDeliveries);
    line("rows retained", QString::number(filledRows));
    line("RSS baseline -> filled",
         u"%1 -> %2 MiB"_s.arg(double(baseline.rssKb) / 1024, 0, 'f', 1)
                 .arg(double(filled.rssKb) / 1024, 0, 'f', 1));
    if (retainedNew > 0) {
        line("bytes per retained event (RSS delta / rows)",
             QString::number((filled.rssKb - baseline.rssKb) * 1024 / retainedNew) + u" B"_s);
        line("bytes per retained event (heap delta / rows)",
             QString::number((heapFilled - heapBaseline) / retainedNew) + u" B"_s);
    }
    if (const qint64 secondHalf = filledRows - halfRows; secondHalf > 0) {
        line("marginal bytes per event, 2nd half (RSS / heap)",
             u"%1 B / %2 B"_s.arg((filled.rssKb - half.rssKb) * 1024 / secondHalf)
                     .arg((heapFilled - heapHalf) / secondHalf));
    }
    {
        QByteArray sample;
        appendEvent(sample, fill);
        const qint64 dataBytes = sample.size() - sample.indexOf("data: ") - 6 - 2;
        line("payload per event (data, UTF-8 / as UTF-16)",
             u"%1 B / %2 B"_s.arg(dataBytes).arg(dataBytes * 2));
    }

    std::printf("\nFirehose (%lld ev/s for %d s):\n", rate, seconds);
    line("sent / received",
         u"%1 / %2  (%3)"_s.arg(firehoseSent)
                 .arg(firehoseReceived)
                 .arg(firehoseSent == firehoseReceived && drained ? u"nothing lost"_s : u"LOST"_s));
    line("achieved send rate",
         u"%1 ev/s (%2 ticks held back by a full socket)"_s
                 .arg(sendMs ? firehoseSent * 1000 / sendMs : 0)
                 .arg(backpressure));
    line("drain after the last send", QString::number(drainMs) + u" ms"_s);
    line("GUI thread CPU",
         u"%1 s of %2 s (%3%)"_s.arg(cpuSeconds, 0, 'f', 1)
                 .arg(double(sendMs + drainMs) / 1000, 0, 'f', 1)
                 .arg(100 * cpuSeconds * 1000 / double(sendMs + drainMs), 0, 'f', 0));
    line("stall max / p99.9 / p99 / p50",
         ms(firehoseStalls.maxMs) + u" / "_s + ms(firehoseStalls.p999Ms) + u" / "_s
                 + ms(firehoseStalls.p99Ms) + u" / "_s + ms(firehoseStalls.p50Ms));
    line("GUI CPU within a gap: max / p99.9, > 50 ms",
         ms(firehoseStalls.cpuMaxMs) + u" / "_s + ms(firehoseStalls.cpuP999Ms) + u", "_s
                 + QString::number(firehoseStalls.cpuOver50));
    line("ticks, gaps > 16 ms, gaps > 50 ms",
         u"%1, %2, %3"_s.arg(firehoseStalls.ticks)
                 .arg(firehoseStalls.over16)
                 .arg(firehoseStalls.over50));
    line("rows: max / at end (cap)",
         u"%1 / %2 (%3)"_s.arg(maxRows).arg(model->rowCount()).arg(model->maximumRows()));
    {
        const int maxLag = lags.empty() ? 0 : *std::max_element(lags.begin(), lags.end());
        const auto atTail = std::count(lags.begin(), lags.end(), 0);
        line("tail lag while live: max rows, samples at 0",
             u"%1, %2 of %3"_s.arg(maxLag).arg(atTail).arg(lags.size()));
    }
    line("tail at end: lag, scrollbar at max, last id",
         u"%1, %2, %3 (sent %4)"_s.arg(finalLag)
                 .arg(atBottom ? u"yes"_s : u"NO"_s, lastId)
                 .arg(server->sent.load()));
    {
        QStringList series;
        for (size_t i = 0; i < rss.size(); i += qMax<size_t>(1, rss.size() / 12))
            series << QString::number(rss[i].rssKb / 1024);
        line("RSS MiB over time", series.join(u' '));
        line("RSS at end / VmHWM",
             u"%1 / %2 MiB (before window %3)"_s.arg(afterFirehose.rssKb / 1024)
                     .arg(afterFirehose.hwmKb / 1024)
                     .arg(beforeWindow.rssKb / 1024));
    }

    printDeliveries(app.entries);

    std::printf("\nFilter over %d rows (set via the filter bar; answer = proxy has the rows, "
                "shown = + events + table repaint; ok = as QString::contains):\n",
                model->rowCount());
    std::printf("  %-12s %9s  %17s  %17s  %17s  %17s\n", "text", "rows", "answer med/max",
                "answer CPU med", "shown med/max", "clear med/max");
    for (const FilterResult &result : filters) {
        const auto pair = [](const std::vector<double> &v) {
            return u"%1 / %2"_s.arg(median(v), 0, 'f', 1)
                    .arg(*std::max_element(v.begin(), v.end()), 0, 'f', 1);
        };
        std::printf("  %-12s %7d %s  %17s  %17.1f  %17s  %17s\n", qPrintable(result.text),
                    result.rows, result.rows == result.expected ? "ok" : "!!",
                    qPrintable(pair(result.answerMs)), median(result.answerCpuMs),
                    qPrintable(pair(result.shownMs)), qPrintable(pair(result.clearMs)));
    }
    std::printf("\nload avg at end %s\n", qPrintable(loadAverage()));

    delete window;
    QMetaObject::invokeMethod(server, &LoadServer::shutdown, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
    return 0;
}

#include "bench_guiload.moc"
