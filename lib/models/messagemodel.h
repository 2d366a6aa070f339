// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <deque>
#include <functional>

#include <QAbstractTableModel>
#include <QExplicitlySharedDataPointer>
#include <QHash>
#include <QList>
#include <QSet>
#include <QTimer>

#include "sseevent.h"
#include "streamrecord.h"

/// Append-only, batched and capped table of a stream's records: events, and the connection's
/// life-cycle steps between them. Rows keep the records themselves, never display text: the
/// lifecycle rows' text comes from a formatter the GUI sets (translated there), so a language
/// switch re-renders every row and exports write the records as they were received.
class MessageModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NumberColumn,
        TimeColumn,
        ConnectionColumn,
        TypeColumn,
        IdColumn,
        DataColumn,
        SizeColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RowKindRole = Qt::UserRole + 1, ///< RowKind as int
        RecordKindRole, ///< StreamRecord::Kind as int (Event for event rows)
        RecordRole, ///< the row's StreamRecord (events converted)
        EventTypeRole, ///< the full event type
        EventDataRole, ///< the full, untruncated data (lifecycle rows: their formatted text)
        LastEventIdRole,
        HasIdRole,
        ConnectionRole,
        ReceivedAtRole, ///< QDateTime
        RawSizeRole,
        NumberRole, ///< the row's arrival number, stable across drops from the front
        MarkerRole, ///< the row's marker (int, 0 = none; see setRowMarker())
    };
    Q_ENUM(Role)

    enum class RowKind { Event, Lifecycle };
    Q_ENUM(RowKind)

    /// Turns a life-cycle record into the one line the table shows (the GUI's translated text).
    using RecordFormatter = std::function<QString(const StreamRecord &record)>;

    static constexpr int DefaultMaximumRows = 100'000;
    /// Longest data preview the table shows; the detail pane shows the rest.
    static constexpr int PreviewLength = 256;

    explicit MessageModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// O(1): queued and inserted with the next flush, never one insert per event.
    void append(const SseEvent &event);
    /// Queues any record: events as append(), Session records are not rows, every other kind
    /// becomes a life-cycle row (comments too; the filter decides whether they show).
    void appendRecord(const StreamRecord &record);

    /// Inserts everything queued now (normally done by a ~30 ms single-shot timer).
    void flushPending();
    void clear();

    /// The event of an event row; for a life-cycle row, its connection and time only.
    const SseEvent &eventAt(int row) const;
    RowKind rowKind(int row) const;
    /// The kind of the row's record (Event for event rows).
    StreamRecord::Kind recordKind(int row) const;
    /// The row as a record: a life-cycle row's own, an event row's event converted.
    StreamRecord recordAt(int row) const;
    /// The one-line text of a row's record, from the formatter (or a plain English fallback).
    QString lifecycleText(int row) const;
    /// The row that holds the row with this arrival number (NumberRole), or -1 when it was
    /// dropped, cleared or is still queued. O(1): the numbers of the rows kept are consecutive.
    int rowOfNumber(qint64 number) const;
    /// The number of the row appended last, queued or not (0 before the first).
    qint64 lastNumber() const { return m_nextNumber - 1; }

    /// A small mark on the row with this number, for the view to draw (the GUI's meaning: the
    /// severity of a finding whose evidence names the row); 0 removes it. Works for rows still
    /// queued. Marks are rare, so they live beside the rows instead of in every one.
    void setRowMarker(qint64 number, int marker);
    int rowMarker(qint64 number) const { return m_markers.value(number); }

    /// Sets the text of life-cycle rows; call again (or refreshText()) after a language change.
    void setRecordFormatter(RecordFormatter formatter);
    /// Re-renders every row's text: one layout change, not one signal per row.
    void refreshText();
    /// The formatter's text for a record (the fallback when none is set).
    QString formatRecord(const StreamRecord &record) const;

    int maximumRows() const { return m_maximumRows; }
    void setMaximumRows(int rows);
    /// While holding (the view is paused), no row is dropped from the front until the table
    /// holds HoldFactor times maximumRows, so what the user reads stays put; the memory bound
    /// while paused is that many rows. Releasing trims back to maximumRows at once.
    void setHolding(bool hold);
    bool isHolding() const { return m_holding; }
    static constexpr int HoldFactor = 2;
    /// Rows dropped from the front because of the retention cap.
    qint64 droppedCount() const { return m_droppedCount; }
    /// Events (not lifecycle rows) appended in total, including dropped ones.
    qint64 totalEvents() const { return m_totalEvents; }
    qsizetype pendingCount() const { return m_pending.size(); }

    int flushInterval() const { return m_flushTimer.interval(); }
    void setFlushInterval(int milliseconds) { m_flushTimer.setInterval(milliseconds); }

    /// Header labels are set by the GUI so they can be translated there.
    void setHeaderLabels(const QStringList &labels);

signals:
    /// Emitted after each flush with the number of rows it inserted.
    void rowsFlushed(int inserted);

private:
    struct LifecycleData : QSharedData
    {
        StreamRecord record;
    };

    struct Row
    {
        SseEvent event; // for life-cycle rows: connection and receivedAt only
        qint64 number = 0;
        // Null for event rows. One pointer, so an event row costs what it did before records.
        QExplicitlySharedDataPointer<LifecycleData> lifecycle;
    };

    void enqueue(Row &&row);
    QString displayText(const Row &row, int column) const;

    void dropFront(qsizetype count);
    qsizetype rowLimit() const;

    // A deque, not a QList: trimming the front frees whole blocks and appending never moves the
    // retained rows. A QList slid all 100,000 rows (12.8 MB) to its front whenever an append
    // reached the end of its capacity (a 14 ms flush once a second at 100k events/s), and its
    // geometric growth kept up to one spare Row per row (~130 B per retained event).
    std::deque<Row> m_rows;
    QHash<qint64, int> m_markers; ///< Row number → marker (see setRowMarker()).
    QSet<QString> m_types; ///< Interned event types: rows share one string per type.
    QList<Row> m_pending;
    QStringList m_headerLabels;
    RecordFormatter m_formatter;
    QTimer m_flushTimer;
    int m_maximumRows = DefaultMaximumRows;
    bool m_holding = false;
    qint64 m_droppedCount = 0;
    qint64 m_totalEvents = 0;
    qint64 m_nextNumber = 1;
};
