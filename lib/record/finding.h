// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <utility>

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QLatin1String>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QStringView>

/// One verdict about a stream, computed once by the findings engine (lib/analysis) and shown by
/// every face: the payload of a StreamRecord of kind Finding. English technical text only (no
/// tr()); a face that translates builds its sentence from `id` and `parameters`, which hold
/// every number, id and header value the verdict mentions. docs/findings.md lists the ids.
struct Finding
{
    enum class Severity {
        Info, ///< Worth knowing; nothing is wrong (e.g. a clean resume).
        Warning, ///< Likely to hurt some clients or some networks.
        Problem, ///< Events are lost, duplicated or held back, or the stream is broken.
    };

    /// What a finding points at: enough to find the rows and header lines it is about.
    struct Evidence
    {
        QList<int> connections; ///< Connection numbers, as in the records.
        QStringList eventIds; ///< Event ids involved (e.g. the Last-Event-ID sent, the next id).
        /// Positions of records in the story fed to the engine (1-based, every record and
        /// event counted in order, findings not): a face that stores the same story in the
        /// same order finds the rows by these.
        QList<qint64> records;
        QList<QDateTime> times; ///< When those records happened (UTC), in the same order.
        QList<std::pair<QByteArray, QByteArray>> headers; ///< Response header lines involved.

        bool isEmpty() const
        {
            return connections.isEmpty() && eventIds.isEmpty() && records.isEmpty()
                    && times.isEmpty() && headers.isEmpty();
        }
        friend bool operator==(const Evidence &, const Evidence &) = default;
    };

    QString id; ///< Stable dotted identifier, e.g. "resume.gap" (see docs/findings.md).
    Severity severity = Severity::Info;
    QString verdict; ///< One English line: what was found, with its numbers.
    /// Every value the verdict mentions, under stable camelCase keys ("lost", "lastEventId",
    /// "silenceMs", …): numbers as JSON numbers, ids and header values as strings.
    QJsonObject parameters;
    Evidence evidence;
    QString advice; ///< English: what to do about it (empty when nothing needs doing).

    /// "info", "warning" or "problem".
    static QLatin1String severityName(Severity severity);
    static std::optional<Severity> severityFromName(QStringView name);

    friend bool operator==(const Finding &, const Finding &) = default;
};

Q_DECLARE_METATYPE(Finding)

inline QLatin1String Finding::severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return QLatin1String("info");
    case Severity::Warning:
        return QLatin1String("warning");
    case Severity::Problem:
        return QLatin1String("problem");
    }
    return QLatin1String("info");
}

inline std::optional<Finding::Severity> Finding::severityFromName(QStringView name)
{
    for (Severity severity : { Severity::Info, Severity::Warning, Severity::Problem }) {
        if (name == severityName(severity))
            return severity;
    }
    return std::nullopt;
}
