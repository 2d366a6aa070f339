// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include "messagemodel.h"
#include "recordjson.h"

/// Writes a MessageModel's rows as NDJSON (RecordJson, the ssescope-cli format), CSV or a JSON
/// array, and reads an NDJSON recording back. QtCore only; every write goes through QSaveFile,
/// so a failed export never leaves a half-written file behind.
///
/// Every row is written as its record, with the same fields `ssescope-cli watch` prints: the
/// NDJSON and JSON forms are those lines (JSON as one array, a Session record first), CSV has
/// one column per record field (csvColumns()).
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
    /// The CSV header: "number" (the table's row number) and then every RecordJson field name.
    static QStringList csvColumns();

    /// What readRecording() found.
    struct Recording
    {
        QList<StreamRecord> records; ///< Everything but the Session record.
        std::optional<StreamRecord> session; ///< The file's Session record (none in version 1).
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
