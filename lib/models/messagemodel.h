// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <deque>

#include <QAbstractTableModel>
#include <QList>
#include <QSet>
#include <QTimer>

#include "sseevent.h"

/// Append-only, batched and capped table of received events and connection lifecycle rows.
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
        LifecycleRole, ///< Lifecycle as int (lifecycle rows only)
        EventTypeRole, ///< the full event type
        EventDataRole, ///< the full, untruncated data
        LastEventIdRole,
        HasIdRole,
        ConnectionRole,
        ReceivedAtRole, ///< QDateTime
        RawSizeRole,
        NumberRole, ///< the row's arrival number, stable across drops from the front
    };
    Q_ENUM(Role)

    enum class RowKind { Event, Lifecycle };
    Q_ENUM(RowKind)

    /// Lifecycle rows tell the story of a stream between its events.
    enum class Lifecycle { Connecting, Opened, Error, Reconnecting, RetryChanged, Closed, Comment };
    Q_ENUM(Lifecycle)

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
    /// Queues a lifecycle row; `text` is shown in the data column as it is (already translated).
    void appendLifecycle(Lifecycle kind, int connection, const QString &text,
                         const QDateTime &time = QDateTime::currentDateTimeUtc());

    /// Inserts everything queued now (normally done by a ~30 ms single-shot timer).
    void flushPending();
    void clear();

    const SseEvent &eventAt(int row) const;
    RowKind rowKind(int row) const;
    Lifecycle lifecycleAt(int row) const;

    int maximumRows() const { return m_maximumRows; }
    void setMaximumRows(int rows);
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
    struct Row
    {
        SseEvent event; // for lifecycle rows: data = text, type = empty
        qint64 number = 0;
        RowKind kind = RowKind::Event;
        Lifecycle lifecycle = Lifecycle::Opened;
    };

    void enqueue(Row &&row);
    QString displayText(const Row &row, int column) const;

    void dropFront(qsizetype count);

    // A deque, not a QList: trimming the front frees whole blocks and appending never moves the
    // retained rows. A QList slid all 100,000 rows (12.8 MB) to its front whenever an append
    // reached the end of its capacity (a 14 ms flush once a second at 100k events/s), and its
    // geometric growth kept up to one spare Row per row (~130 B per retained event).
    std::deque<Row> m_rows;
    QSet<QString> m_types; ///< Interned event types: rows share one string per type.
    QList<Row> m_pending;
    QStringList m_headerLabels;
    QTimer m_flushTimer;
    int m_maximumRows = DefaultMaximumRows;
    qint64 m_droppedCount = 0;
    qint64 m_totalEvents = 0;
    qint64 m_nextNumber = 1;
};
