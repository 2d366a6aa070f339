// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include "eventjson.h"
#include "messagemodel.h"

/// Writes a MessageModel's rows as NDJSON (the ssescope-cli format), CSV or a JSON array, and
/// reads an NDJSON recording back. QtCore only; every write goes through QSaveFile, so a failed
/// export never leaves a half-written file behind.
///
/// Lifecycle rows become records of the matching ssescope-cli kind ("connecting", "open",
/// "error", "reconnecting", "retry", "closed", "comment") carrying the row's display text in a
/// "text" field, because the model keeps only that text, not the structured fields.
class EventExporter
{
public:
    enum class Format { Ndjson, Csv, Json };

    /// The model is read as it stands: call MessageModel::flushPending() first for queued rows.
    explicit EventExporter(const MessageModel *model);

    /// Whether lifecycle rows are written too (default true).
    void setIncludeLifecycle(bool include) { m_includeLifecycle = include; }
    bool includeLifecycle() const { return m_includeLifecycle; }

    /// The whole export in memory.
    QByteArray toBytes(Format format) const;
    /// Writes atomically to path; false + errorString() on failure.
    bool write(const QString &path, Format format);
    /// English technical text of the last failure (for logs; the GUI words its own message).
    QString errorString() const { return m_errorString; }
    /// Rows the last toBytes()/write() produced.
    qsizetype writtenRows() const { return m_writtenRows; }

    /// "ndjson", "csv", "json".
    static QString fileSuffix(Format format);
    /// One RFC 4180 field: quoted when needed, quotes doubled, and a leading = + - @ TAB or CR
    /// prefixed with ' so spreadsheets do not evaluate it as a formula.
    static QString csvField(QStringView text);
    /// The record a row is written as.
    static EventRecord recordForRow(const MessageModel &model, int row);
    /// The ssescope-cli record kind of a lifecycle row kind.
    static EventRecord::Kind recordKind(MessageModel::Lifecycle lifecycle);
    /// The lifecycle row kind of a non-event record kind.
    static MessageModel::Lifecycle lifecycleKind(EventRecord::Kind kind);

    /// What readRecording() found.
    struct Recording
    {
        QList<EventRecord> records;
        qsizetype skippedLines = 0; ///< Non-empty lines that are not valid records.
    };
    /// Reads an NDJSON file; nullopt + errorString when it cannot be read or holds no record.
    static std::optional<Recording> readRecording(const QString &path,
                                                  QString *errorString = nullptr);
    /// The same from bytes already in memory.
    static Recording parseRecording(QByteArrayView bytes);

private:
    QByteArray toNdjson(bool asJsonArray) const;
    QByteArray toCsv() const;
    bool skipRow(int row) const;

    const MessageModel *m_model;
    QString m_errorString;
    mutable qsizetype m_writtenRows = 0;
    bool m_includeLifecycle = true;
};
