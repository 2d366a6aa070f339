// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <utility>

#include <QCoreApplication>
#include <QList>
#include <QString>

#include "sseerror.h"
#include "streamrecord.h"

/// The one place that turns records into user-visible, translated text: the table's life-cycle
/// rows, the connection panel's log and last-error line, the detail pane and reopened
/// recordings all read a record the same way. Nothing here is stored: a language switch simply
/// formats again.
class RecordText
{
    Q_DECLARE_TR_FUNCTIONS(RecordText)

public:
    /// One line for a life-cycle record, e.g. "Reconnect attempt 2 after server retry: 300 ms,
    /// Last-Event-ID: 9". Events give their data.
    static QString summary(const StreamRecord &record);
    /// The name of a record kind ("Connecting", "Open", …).
    static QString kindName(StreamRecord::Kind kind);
    /// Field rows (translated label, value) for the detail pane; headers one row each.
    static QList<std::pair<QString, QString>> details(const StreamRecord &record);

    /// Short translated name of an error kind ("Connection refused").
    static QString errorKindName(SseError::Kind kind);
    /// Kind, "(simulated)" marker and the reader's technical detail in one line.
    static QString describe(const SseError &error);
    /// Where a reconnect delay came from, with its length: "server retry: 300 ms".
    /// source is ReconnectPolicy::delaySourceName() (or "fixed"); attempt numbers backoff steps.
    static QString delaySource(const QString &source, qint64 delayMs, int attempt);
    /// A Reconnecting record's attempt: "2", or "2 of 10" when the policy gives up after 10.
    static QString attemptText(const StreamRecord &record);
    /// Why watching stopped, for a Closed record's reason.
    static QString closeReason(const QString &reason);
    /// A duration in milliseconds, in the user's locale: "3,000 ms".
    static QString milliseconds(qint64 value);
    /// A duration for people: "850 ms", "1.5 s", "47 s", "2 min 5 s" (locale numbers).
    static QString duration(qint64 milliseconds);

    /// "Info", "Warning", "Problem".
    static QString severityName(Finding::Severity severity);
    /// A finding's verdict in one translated line, built from its id and parameters; the
    /// engine's English verdict for an id this build does not know.
    static QString findingVerdict(const Finding &finding);
    /// What to do about it, translated (empty when nothing needs doing); the engine's English
    /// advice for an id this build does not know.
    static QString findingAdvice(const Finding &finding);
    /// A resume verdict in a word or two for the connection panel: "clean", "3 lost",
    /// "2 duplicates"; empty for findings that are not about a resume.
    static QString resumeOutcome(const Finding &finding);
    /// The finding's verdict, advice and evidence (ids, times, header lines) as plain text
    /// paragraphs, for the detail pane.
    static QString findingText(const Finding &finding);
};
