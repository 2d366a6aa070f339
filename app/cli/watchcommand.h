// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <optional>

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include "findingsengine.h"
#include "ssereader.h"
#include "streamanalyzer.h"

struct StreamRecord;

/// Everything `ssescope-cli watch` was asked to do.
struct WatchOptions
{
    SseReader::Request request;
    quint64 maximumEvents = 0; ///< Stop after this many events (0 = no limit).
    std::optional<std::chrono::milliseconds> timeout; ///< Stop after this long.
    bool comments = false; ///< Also print comment lines (heartbeats).
    QUrl proxy; ///< http:// or socks5:// proxy, with optional user:password; empty = none.
    /// Print the findings engine's verdicts as finding records (the default, as the app's
    /// recordings carry them too: every recording path writes the same records,
    /// tst_recordpaths); --no-findings prints the plain story.
    bool findings = true;
    bool controlStdin = false; ///< Take control commands from standard input (--control stdin).
    /// Write the summary record even for a plain stream (it is written for a recognised LLM
    /// stream anyway).
    bool summary = false;
};

/// The outcome of reading the `watch` arguments.
struct WatchArguments
{
    enum class Status { Ok, Help, Error };
    Status status = Status::Ok;
    WatchOptions options;
    QString text; ///< Help: the help text; Error: the message for stderr.
    QStringList notes; ///< Ok: remarks for stderr (e.g. a curl command's unset variables).
};

/// A sink of SseReader's records: writes each as an NDJSON line on stdout (RecordJson, the
/// format recordings and exports share), sums the stream up (StreamAnalyzer: a summary record
/// before the closed one) and decides the exit code: 0 = the stream completed or ended, or a
/// limit or a signal stopped it; 2 = it failed for good; 3 = it ended without the end marker its
/// format sends (a cut-off answer). The same records feed a FindingsEngine, whose finding records
/// are written right after the line that revealed them.
class WatchCommand : public QObject
{
    Q_OBJECT
public:
    enum ExitCode { ExitStopped = 0, ExitUsage = 1, ExitFailed = 2, ExitIncomplete = 3 };

    /// Reads the arguments after `watch`.
    static WatchArguments parseArguments(const QStringList &arguments);

    explicit WatchCommand(const WatchOptions &options, QObject *parent = nullptr);
    ~WatchCommand() override;

    /// Opens the stream once the event loop runs; the loop's exit code is the command's.
    void start();
    /// Stops watching: the reader closes with `reason`, its Closed record is written, the loop
    /// exits with exitCode.
    void stop(const QString &reason, int exitCode);

private:
    void enableControl();
    /// One line of --control input: reconnect, drop, offline SECONDS or close.
    void runControl(const QString &line);
    void handleEvent(const SseEvent &event);
    void handleRecord(const StreamRecord &record);

    /// Appends a life-cycle record and flushes at once: these lines are rare and a pipe reader
    /// wants them promptly.
    void writeRecord(const StreamRecord &record);
    /// Writes the pending lines to stdout; false when stdout is gone.
    bool flush();
    /// Appends what the engine found since the last call, flushed at once like life-cycle lines.
    void writeFindings();

    WatchOptions m_options;
    SseReader m_reader;
    StreamAnalyzer m_analyzer;
    QByteArray m_buffer; ///< NDJSON lines not yet written; reused, so no per-line allocation.
    QTimer m_flushTimer; ///< Zero-interval: flushes once the current burst of events is handled.
    QTimer m_timeoutTimer;
    FindingsEngine m_engine;
    QTimer m_tickTimer; ///< Lets the engine notice silences while nothing arrives.
    QByteArray m_controlBuffer; ///< --control input not yet ended by a line break.
    quint64 m_eventCount = 0;
    int m_exitCode = ExitStopped;
    bool m_stopped = false;
};

/// `ssescope-cli watch URL [options]`: `arguments` are the ones after `watch`. Needs an existing
/// QCoreApplication and runs its event loop. Returns the process exit code.
int runWatchCommand(const QStringList &arguments);
