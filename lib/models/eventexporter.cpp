// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "eventexporter.h"

#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace {

// Excel only detects UTF-8 in a CSV file by its BOM; without it, non-ASCII data (Chinese
// payloads, emoji) shows up as mojibake for exactly the users who attach CSVs to bug reports.
constexpr char Utf8Bom[] = "\xEF\xBB\xBF";

// RFC 4180 §2: records end in CRLF.
constexpr char CsvLineEnd[] = "\r\n";

void appendCsvRow(QByteArray &out, std::initializer_list<QStringView> fields)
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

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// One NDJSON line for a row: lifecycle rows carry their display text as "text", which
// EventJson::appendRecord only writes for comments.
void appendRow(QByteArray &out, const MessageModel &model, int row)
{
    const EventRecord record = EventExporter::recordForRow(model, row);
    const qsizetype start = out.size();
    EventJson::appendRecord(out, record);
    if (record.kind == EventRecord::Kind::Event || record.kind == EventRecord::Kind::Comment)
        return;
    // Insert before "time" so the line keeps the ssescope-cli shape: fields, then time, then }.
    const QByteArray line = out.mid(start);
    qsizetype insertAt = line.lastIndexOf(",\"time\":");
    if (insertAt < 0)
        insertAt = line.size() - 2; // before "}\n"
    QByteArray text(",\"text\":");
    EventJson::appendString(text, record.text);
    out.insert(start + insertAt, text);
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

EventRecord::Kind EventExporter::recordKind(MessageModel::Lifecycle lifecycle)
{
    using Lifecycle = MessageModel::Lifecycle;
    using Kind = EventRecord::Kind;
    switch (lifecycle) {
    case Lifecycle::Connecting:
        return Kind::Connecting;
    case Lifecycle::Opened:
        return Kind::Open;
    case Lifecycle::Error:
        return Kind::Error;
    case Lifecycle::Reconnecting:
        return Kind::Reconnecting;
    case Lifecycle::RetryChanged:
        return Kind::Retry;
    case Lifecycle::Closed:
        return Kind::Closed;
    case Lifecycle::Comment:
        return Kind::Comment;
    }
    return Kind::Comment;
}

MessageModel::Lifecycle EventExporter::lifecycleKind(EventRecord::Kind kind)
{
    using Lifecycle = MessageModel::Lifecycle;
    using Kind = EventRecord::Kind;
    switch (kind) {
    case Kind::Connecting:
        return Lifecycle::Connecting;
    case Kind::Open:
        return Lifecycle::Opened;
    case Kind::Error:
        return Lifecycle::Error;
    case Kind::Reconnecting:
        return Lifecycle::Reconnecting;
    case Kind::Retry:
        return Lifecycle::RetryChanged;
    case Kind::Closed:
        return Lifecycle::Closed;
    case Kind::Comment:
    case Kind::Event:
        return Lifecycle::Comment;
    }
    return Lifecycle::Comment;
}

EventRecord EventExporter::recordForRow(const MessageModel &model, int row)
{
    const SseEvent &event = model.eventAt(row);
    if (model.rowKind(row) == MessageModel::RowKind::Event)
        return EventRecord::fromEvent(event);

    EventRecord record;
    record.kind = recordKind(model.lifecycleAt(row));
    record.time = event.receivedAt;
    record.connection = event.connection;
    record.text = event.data;
    switch (record.kind) {
    case EventRecord::Kind::Error:
        record.message = event.data;
        break;
    case EventRecord::Kind::Closed:
        record.reason = event.data;
        break;
    default:
        break;
    }
    return record;
}

bool EventExporter::skipRow(int row) const
{
    return !m_includeLifecycle && m_model->rowKind(row) == MessageModel::RowKind::Lifecycle;
}

QByteArray EventExporter::toNdjson(bool asJsonArray) const
{
    QByteArray out;
    m_writtenRows = 0;
    const int rows = m_model->rowCount();
    if (asJsonArray)
        out.append("[\n");
    for (int row = 0; row < rows; ++row) {
        if (skipRow(row))
            continue;
        if (asJsonArray && m_writtenRows > 0)
            out.insert(out.size() - 1, ','); // after the previous object, before its LF
        appendRow(out, *m_model, row);
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
    appendCsvRow(out,
                 { u"number", u"time", u"connection", u"kind", u"type", u"id", u"lastEventId",
                   u"data", u"size" });
    const int rows = m_model->rowCount();
    for (int row = 0; row < rows; ++row) {
        if (skipRow(row))
            continue;
        const SseEvent &event = m_model->eventAt(row);
        const bool isEvent = m_model->rowKind(row) == MessageModel::RowKind::Event;
        const QString number = m_model->index(row, 0).data(MessageModel::NumberRole).toString();
        const QString kind = isEvent
                ? u"event"_s
                : QString(EventRecord::kindName(recordKind(m_model->lifecycleAt(row))));
        const QString connection =
                event.connection > 0 ? QString::number(event.connection) : QString();
        const QString id = isEvent && event.hasId ? event.lastEventId : QString();
        const QString size = isEvent ? QString::number(event.rawSize) : QString();
        appendCsvRow(out,
                     { number, isoTime(event.receivedAt), connection, kind, event.type, id,
                       isEvent ? QStringView(event.lastEventId) : QStringView(), event.data,
                       size });
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
        if (std::optional<EventRecord> record = EventJson::fromJsonLine(line))
            recording.records.append(std::move(*record));
        else
            ++recording.skippedLines;
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
