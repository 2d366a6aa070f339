// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <utility>

#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class SseReader;
struct StreamRecord;

/// Events per second over the last minute as bars (one-second buckets, "now" at the right),
/// with markers for drops, errors and reconnects. Counts per event in O(1) and repaints only on
/// its one-second tick, so it costs nothing extra at thousands of events per second.
class RateChart : public QWidget
{
    Q_OBJECT
public:
    enum class Marker { Drop, Error, Reconnect };
    Q_ENUM(Marker)

    /// Seconds shown; buckets() always has this many entries.
    static constexpr int BucketCount = 60;

    explicit RateChart(QWidget *parent = nullptr);
    ~RateChart() override;

    /// Counts the reader's events and marks its drops, errors and reconnects; nullptr detaches.
    /// The chart never owns the reader. Does not reset the chart.
    void setReader(SseReader *reader);
    SseReader *reader() const { return m_reader; }

    /// Clears every bucket and marker.
    void reset();
    /// Adds count events to the current (rightmost) second.
    void addEvents(int count);
    /// Marks the current second.
    void addMarker(Marker marker);

    /// Events per second, oldest first; the last entry is the current, still filling second.
    QList<int> buckets() const;
    /// Markers still in view as (seconds ago, marker), oldest first; 0 = the current second.
    QList<std::pair<int, Marker>> markers() const;
    /// The y-axis maximum the next paint uses (a "nice" number ≥ the highest bucket).
    int axisMaximum() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public slots:
    /// Starts a new second: shifts every bucket left by one (the 1 s tick calls it).
    void advance();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void handleRecord(const StreamRecord &record);
    void updateToolTip();

    QPointer<SseReader> m_reader;
    QList<QMetaObject::Connection> m_readerConnections;
    QList<int> m_buckets; ///< Ring of BucketCount seconds; m_head is the current one.
    int m_head = 0;
    int m_openConnection = 0; ///< The connection an Open record announced, until it breaks.
    bool m_reconnecting = false; ///< A Reconnecting record came after the last Open.
    qint64 m_tick = 0; ///< Seconds advanced since construction (markers remember their tick).
    QList<std::pair<qint64, Marker>> m_markers;
    QTimer m_tickTimer;
};
