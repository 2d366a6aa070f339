// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include "findingsengine.h"
#include "ssereader.h"

/// Everything `ssescope-cli check` was asked to do.
struct CheckOptions
{
    SseReader::Request request;
    std::chrono::milliseconds duration { 10'000 }; ///< How long the probe runs in all.
    bool json = false; ///< One JSON document instead of the readable report.
};

/// The outcome of reading the `check` arguments.
struct CheckArguments
{
    enum class Status { Ok, Help, Error };
    Status status = Status::Ok;
    CheckOptions options;
    QString text; ///< Help: the help text; Error: the message for stderr.
};

/// `ssescope-cli check URL`: a standard probe of a stream for a bounded time. It connects,
/// watches, cuts the connection once (SseReader::simulateDrop) halfway through to see how the
/// stream resumes, and reports what the findings engine found: the same Finding records
/// `watch` prints, as a readable report or one JSON document.
class CheckCommand : public QObject
{
    Q_OBJECT
public:
    /// 0 = nothing to complain about (info findings only), 1 = usage error, 2 = could not
    /// connect or the stream failed for good, 3 = at least one warning or problem.
    enum ExitCode { ExitClean = 0, ExitUsage = 1, ExitFailed = 2, ExitFindings = 3 };

    static CheckArguments parseArguments(const QStringList &arguments);

    explicit CheckCommand(const CheckOptions &options, QObject *parent = nullptr);

    /// Starts the probe once the event loop runs; the loop's exit code is the command's.
    void start();

private:
    void handleRecord(const StreamRecord &record);
    void cut();
    void finish();
    void collect();
    QString textReport(int exitCode) const;
    QByteArray jsonReport(int exitCode) const;

    CheckOptions m_options;
    SseReader m_reader;
    FindingsEngine m_engine;
    QTimer m_tickTimer;
    QTimer m_cutTimer;
    QTimer m_endTimer;
    QList<StreamRecord> m_findings;
    StreamRecord m_firstOpen; ///< Kind Event (unset) until a connection opened.
    SseError m_fatalError;
    quint64 m_events = 0;
    int m_connections = 0;
    bool m_cutDone = false;
    bool m_finished = false;
};

/// `ssescope-cli check URL [options]`: `arguments` are the ones after `check`. Needs an existing
/// QCoreApplication and runs its event loop. Returns the process exit code.
int runCheckCommand(const QStringList &arguments);
