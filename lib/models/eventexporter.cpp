// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "eventexporter.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace {

// Excel only detects UTF-8 in a CSV file by its BOM; without it, non-ASCII data (Chinese
// payloads, emoji) shows up as mojibake for exactly the users who attach CSVs to bug reports.
constexpr char Utf8Bom[] = "\xEF\xBB\xBF";

// RFC 4180 §2: records end in CRLF.
constexpr char CsvLineEnd[] = "\r\n";

void appendCsvRow(QByteArray &out, const QList<QStringView> &fields)
{
    bool first = true;
    for (QStringView field : fields) {
        if (!first)
            out.append(',');
        first = false;
        out.append(EventExporter::csvField(field).toUtf8());
    }
    out.append(CsvLineEnd);
}

} // namespace

EventExporter::EventExporter(const MessageModel *model)
    : m_model(model)
{}

QString EventExporter::fileSuffix(Format format)
{
    switch (format) {
    case Format::Ndjson:
        return u"ndjson"_s;
    case Format::Csv:
        return u"csv"_s;
    case Format::Json:
        return u"json"_s;
    }
    return u"ndjson"_s;
}

QString EventExporter::csvField(QStringView text)
{
    QString field;
    field.reserve(text.size() + 3);
    // OWASP "CSV injection": a cell starting with one of these is a formula (or becomes one after
    // a spreadsheet strips the TAB/CR), and server data must never run as one on a QA machine.
    if (!text.isEmpty()) {
        const QChar c = text.front();
        if (c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r')
            field += u'\'';
    }
    field += text;
    const bool needsQuotes = field.contains(u',') || field.contains(u'"') || field.contains(u'\n')
            || field.contains(u'\r');
    if (!needsQuotes)
        return field;
    field.replace(u"\""_s, u"\"\""_s);
    return u'"' + field + u'"';
}

QStringList EventExporter::csvColumns()
{
    return { u"number"_s, u"time"_s, u"connection"_s, u"kind"_s, u"type"_s, u"id"_s,
             u"lastEventId"_s, u"data"_s, u"size"_s, u"method"_s, u"url"_s, u"status"_s,
             u"statusText"_s, u"httpVersion"_s, u"contentType"_s, u"headers"_s, u"ms"_s, u"text"_s,
             u"errorKind"_s, u"message"_s, u"detail"_s, u"fatal"_s, u"simulated"_s, u"attempt"_s,
             u"policyAttempt"_s, u"maxAttempts"_s, u"delayMs"_s, u"delaySource"_s, u"reason"_s,
             u"command"_s, u"durationMs"_s, u"format"_s, u"tool"_s,
             // Error records' failed response body; finding records (the app records them).
             u"body"_s, u"bodyTruncated"_s, u"finding"_s, u"severity"_s, u"verdict"_s,
             u"parameters"_s, u"evidence"_s, u"advice"_s,
             // Open's timing, Closed's end marker and the Summary record's fields.
             u"headersMs"_s, u"endMarker"_s, u"profile"_s, u"outcome"_s, u"finishReason"_s,
             u"reasoning"_s, u"toolCalls"_s, u"usage"_s, u"timing"_s, u"warnings"_s };
}

bool EventExporter::skipRow(int row) const
{
    return !m_includeLifecycle && m_model->rowKind(row) == MessageModel::RowKind::Lifecycle;
}

QByteArray EventExporter::toNdjson(bool asJsonArray) const
{
    QByteArray out;
    m_writtenRows = 0;
    if (asJsonArray)
        out.append("[\n");
    // Appends a record's line; in the array form, a comma goes after the previous object.
    const auto append = [&out, asJsonArray](const StreamRecord &record, bool first) {
        if (asJsonArray && !first)
            out.insert(out.size() - 1, ',');
        RecordJson::appendRecord(out, record);
    };
    append(StreamRecord::session(QCoreApplication::applicationName() + u' '
                                 + QCoreApplication::applicationVersion()),
           true);
    const int rows = m_model->rowCount();
    for (int row = 0; row < rows; ++row) {
        if (skipRow(row))
            continue;
        if (m_model->rowKind(row) == MessageModel::RowKind::Event) {
            if (asJsonArray)
                out.insert(out.size() - 1, ',');
            RecordJson::appendEvent(out, m_model->eventAt(row)); // no record per event
        } else {
            append(m_model->recordAt(row), false);
        }
        ++m_writtenRows;
    }
    if (asJsonArray)
        out.append("]\n");
    return out;
}

QByteArray EventExporter::toCsv() const
{
    QByteArray out(Utf8Bom);
    m_writtenRows = 0;
    const QStringList columns = csvColumns();
    QList<QStringView> header;
    for (const QString &column : columns)
        header.append(column);
    appendCsvRow(out, header);
    QStringList values(columns.size());
    QList<QStringView> fields(columns.size());
    const int rows = m_model->rowCount();
    for (int row = 0; row < rows; ++row) {
        if (skipRow(row))
            continue;
        values.fill(QString());
        values[0] = m_model->index(row, 0).data(MessageModel::NumberRole).toString();
        for (const auto &[key, value] : RecordJson::fields(m_model->recordAt(row))) {
            if (const qsizetype column = columns.indexOf(key); column > 0)
                values[column] = value;
        }
        for (qsizetype i = 0; i < values.size(); ++i)
            fields[i] = values.at(i);
        appendCsvRow(out, fields);
        ++m_writtenRows;
    }
    return out;
}

QByteArray EventExporter::toBytes(Format format) const
{
    switch (format) {
    case Format::Ndjson:
        return toNdjson(false);
    case Format::Csv:
        return toCsv();
    case Format::Json:
        return toNdjson(true);
    }
    return {};
}

bool EventExporter::write(const QString &path, Format format)
{
    m_errorString.clear();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_errorString = file.errorString();
        return false;
    }
    const QByteArray bytes = toBytes(format);
    if (file.write(bytes) != bytes.size()) {
        m_errorString = file.errorString();
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        m_errorString = file.errorString();
        return false;
    }
    return true;
}

EventExporter::Recording EventExporter::parseRecording(QByteArrayView bytes)
{
    Recording recording;
    if (bytes.startsWith(Utf8Bom))
        bytes = bytes.sliced(3);
    qsizetype start = 0;
    while (start < bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        QByteArrayView line = bytes.sliced(start, end - start);
        start = end + 1;
        if (line.trimmed().isEmpty())
            continue;
        std::optional<StreamRecord> record = RecordJson::fromJsonLine(line);
        if (!record)
            ++recording.skippedLines;
        else if (record->kind == StreamRecord::Kind::Session)
            recording.session = std::move(*record);
        else
            recording.records.append(std::move(*record));
    }
    return recording;
}

std::optional<EventExporter::Recording> EventExporter::readRecording(const QString &path,
                                                                     QString *errorString)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (errorString)
            *errorString = file.errorString();
        return std::nullopt;
    }
    Recording recording = parseRecording(file.readAll());
    if (recording.records.isEmpty()) {
        if (errorString)
            *errorString = u"no ssescope NDJSON record found"_s;
        return std::nullopt;
    }
    return recording;
}
