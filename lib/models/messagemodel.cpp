// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include "messagemodel.h"

#include <iterator>

#include "recordjson.h"

using namespace Qt::StringLiterals;

namespace {
// ~30 flushes a second at most: enough to look live, few enough that a firehose of events
// costs one beginInsertRows per pass instead of one per event.
constexpr int DefaultFlushIntervalMs = 30;
// Streams use a handful of event types; a server inventing one per event must not grow the
// table of shared ones without bound (its rows then simply keep their own strings).
constexpr qsizetype MaximumInternedTypes = 256;
// The queue keeps its capacity between flushes up to this many rows (~0.5 MB, a flush at
// 130k events/s): one burst must not pin its peak forever (measured 32 B per retained event).
constexpr qsizetype PendingCapacityKept = 4096;

QString preview(const QString &data)
{
    // One line, bounded: the view elides, but must never lay out megabytes of text.
    QStringView view(data);
    bool truncated = false;
    if (view.size() > MessageModel::PreviewLength) {
        view = view.first(MessageModel::PreviewLength);
        truncated = true;
    }
    QString line = view.toString();
    for (QChar &c : line) {
        if (c == u'\n' || c == u'\r')
            c = u'\u21B5'; // ↵ keeps line structure visible in one row
        else if (c.unicode() < 0x20 || c == u'\u2028' || c == u'\u2029')
            c = u' ';
    }
    if (truncated)
        line += u'\u2026';
    return line;
}
} // namespace

MessageModel::MessageModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(DefaultFlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &MessageModel::flushPending);
    m_headerLabels = { u"#"_s, u"Time"_s, u"Conn"_s, u"Type"_s, u"Id"_s, u"Data"_s, u"Size"_s };
}

int MessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MessageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MessageModel::displayText(const Row &row, int column) const
{
    const SseEvent &event = row.event;
    switch (column) {
    case NumberColumn:
        return QString::number(row.number);
    case TimeColumn:
        return event.receivedAt.toLocalTime().toString(u"HH:mm:ss.zzz"_s);
    case ConnectionColumn:
        return event.connection > 0 ? QString::number(event.connection) : QString();
    case TypeColumn:
        return row.lifecycle ? QString() : event.type;
    case IdColumn:
        return !row.lifecycle && event.hasId ? event.lastEventId : QString();
    case DataColumn:
        return preview(row.lifecycle ? formatRecord(row.lifecycle->record) : event.data);
    case SizeColumn:
        return row.lifecycle ? QString() : QString::number(event.rawSize);
    default:
        return {};
    }
}

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const SseEvent &event = row.event;
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == NumberColumn || index.column() == SizeColumn
            || index.column() == ConnectionColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RowKindRole:
        return int(row.lifecycle ? RowKind::Lifecycle : RowKind::Event);
    case RecordKindRole:
        return int(row.lifecycle ? row.lifecycle->record.kind : StreamRecord::Kind::Event);
    case RecordRole:
        return QVariant::fromValue(row.lifecycle ? row.lifecycle->record
                                                 : StreamRecord::fromEvent(event));
    case EventTypeRole:
        return row.lifecycle ? QString() : event.type;
    case EventDataRole:
        return row.lifecycle ? formatRecord(row.lifecycle->record) : event.data;
    case LastEventIdRole:
        return event.lastEventId;
    case HasIdRole:
        return event.hasId;
    case ConnectionRole:
        return event.connection;
    case ReceivedAtRole:
        return event.receivedAt;
    case RawSizeRole:
        return event.rawSize;
    case NumberRole:
        return row.number;
    case MarkerRole:
        return m_markers.isEmpty() ? 0 : m_markers.value(row.number);
    default:
        return {};
    }
}

QVariant MessageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= m_headerLabels.size())
        return {};
    return m_headerLabels.at(section);
}

void MessageModel::setHeaderLabels(const QStringList &labels)
{
    if (labels.size() != ColumnCount)
        return;
    m_headerLabels = labels;
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void MessageModel::append(const SseEvent &event)
{
    ++m_totalEvents;
    Row row { event, 0, {} };
    // The parser shares a type string only between consecutive events of the same type; with
    // types interleaved, each row held its own copy (measured 32 B per retained event).
    if (const auto it = m_types.constFind(row.event.type); it != m_types.cend())
        row.event.type = *it;
    else if (m_types.size() < MaximumInternedTypes)
        m_types.insert(row.event.type);
    enqueue(std::move(row));
}

void MessageModel::appendRecord(const StreamRecord &record)
{
    if (record.kind == StreamRecord::Kind::Event) {
        append(record.toEvent());
        return;
    }
    if (record.kind == StreamRecord::Kind::Session)
        return;
    Row row;
    row.event.connection = record.connection;
    row.event.receivedAt = record.time;
    row.lifecycle = new LifecycleData;
    row.lifecycle->record = record;
    enqueue(std::move(row));
}

void MessageModel::setRecordFormatter(RecordFormatter formatter)
{
    m_formatter = std::move(formatter);
    refreshText();
}

void MessageModel::refreshText()
{
    if (m_rows.empty())
        return;
    // The text of rows changed, not their order: a layout change repaints every view in one
    // pass, where a dataChanged over all rows is slow in Qt 6 (and the filter re-reads it too).
    emit layoutAboutToBeChanged();
    emit layoutChanged();
}

QString MessageModel::formatRecord(const StreamRecord &record) const
{
    if (m_formatter)
        return m_formatter(record);
    // Without a GUI: the record's fields as they are written to files, minus the time.
    QStringList parts;
    for (const auto &[key, value] : RecordJson::fields(record)) {
        if (key != QLatin1String("connection") && key != QLatin1String("time"))
            parts.append(key + u'=' + value);
    }
    return parts.join(u' ');
}

QString MessageModel::lifecycleText(int row) const
{
    const Row &entry = m_rows[size_t(row)];
    return entry.lifecycle ? formatRecord(entry.lifecycle->record) : QString();
}

int MessageModel::rowOfNumber(qint64 number) const
{
    if (m_rows.empty())
        return -1;
    const qint64 index = number - m_rows.front().number;
    if (index < 0 || index >= qint64(m_rows.size()))
        return -1;
    return int(index);
}

void MessageModel::setRowMarker(qint64 number, int marker)
{
    if (marker == 0)
        m_markers.remove(number);
    else
        m_markers.insert(number, marker);
    if (const int row = rowOfNumber(number); row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1), { MarkerRole });
}

void MessageModel::enqueue(Row &&row)
{
    row.number = m_nextNumber++;
    m_pending.append(std::move(row));
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void MessageModel::flushPending()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;
    const qsizetype limit = rowLimit();
    if (m_pending.size() > limit) { // one burst bigger than the whole cap
        const qsizetype excess = m_pending.size() - limit;
        m_droppedCount += excess;
        m_pending.remove(0, excess);
    }
    if (const qsizetype overflow = qsizetype(m_rows.size()) + m_pending.size() - limit;
        overflow > 0)
        dropFront(overflow);
    const int first = int(m_rows.size());
    const int inserted = int(m_pending.size());
    beginInsertRows({}, first, first + inserted - 1);
    m_rows.insert(m_rows.end(), std::make_move_iterator(m_pending.begin()),
                  std::make_move_iterator(m_pending.end()));
    m_pending.clear();
    if (m_pending.capacity() > PendingCapacityKept)
        m_pending.squeeze();
    endInsertRows();
    emit rowsFlushed(inserted);
}

void MessageModel::clear()
{
    m_flushTimer.stop();
    beginResetModel();
    std::deque<Row>().swap(m_rows); // gives the blocks back, as squeeze() did
    m_types.clear();
    m_pending.clear();
    m_markers.clear();
    m_droppedCount = 0;
    endResetModel();
}

const SseEvent &MessageModel::eventAt(int row) const
{
    return m_rows[size_t(row)].event;
}

MessageModel::RowKind MessageModel::rowKind(int row) const
{
    return m_rows[size_t(row)].lifecycle ? RowKind::Lifecycle : RowKind::Event;
}

StreamRecord::Kind MessageModel::recordKind(int row) const
{
    const Row &entry = m_rows[size_t(row)];
    return entry.lifecycle ? entry.lifecycle->record.kind : StreamRecord::Kind::Event;
}

StreamRecord MessageModel::recordAt(int row) const
{
    const Row &entry = m_rows[size_t(row)];
    return entry.lifecycle ? entry.lifecycle->record : StreamRecord::fromEvent(entry.event);
}

qsizetype MessageModel::rowLimit() const
{
    return m_holding ? qsizetype(m_maximumRows) * HoldFactor : m_maximumRows;
}

void MessageModel::setHolding(bool hold)
{
    if (hold == m_holding)
        return;
    m_holding = hold;
    if (const qsizetype overflow = qsizetype(m_rows.size()) - rowLimit(); overflow > 0)
        dropFront(overflow);
}

void MessageModel::setMaximumRows(int rows)
{
    rows = qMax(1, rows);
    if (rows == m_maximumRows)
        return;
    m_maximumRows = rows;
    if (const qsizetype overflow = qsizetype(m_rows.size()) - rowLimit(); overflow > 0)
        dropFront(overflow);
}

void MessageModel::dropFront(qsizetype count)
{
    beginRemoveRows({}, 0, int(count) - 1);
    m_rows.erase(m_rows.begin(), m_rows.begin() + count);
    if (!m_markers.isEmpty()) {
        // The oldest row still kept or queued: marks on rows before it can never show again.
        const qint64 first = !m_rows.empty() ? m_rows.front().number
                : !m_pending.isEmpty()       ? m_pending.constFirst().number
                                             : m_nextNumber;
        m_markers.removeIf(
                [first](const QHash<qint64, int>::iterator &it) { return it.key() < first; });
    }
    m_droppedCount += count;
    endRemoveRows();
}
