// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include "ratechart.h"

#include <algorithm>
#include <limits>

#include <QEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include "ssereader.h"
#include "streamrecord.h"
#include "theme.h"

namespace {
constexpr int TickMs = 1000;

/// The smallest 1-2-5 step number ≥ value, so the axis label reads as a round figure.
int niceCeiling(int value)
{
    if (value <= 1)
        return 1;
    qint64 magnitude = 1;
    while (magnitude * 10 < value)
        magnitude *= 10;
    for (const int step : { 1, 2, 5, 10 }) {
        if (magnitude * step >= value)
            return int(std::min<qint64>(magnitude * step, std::numeric_limits<int>::max()));
    }
    return value;
}

QColor markerColor(RateChart::Marker marker)
{
    switch (marker) {
    case RateChart::Marker::Drop:
        return Theme::stateColor(SseReader::State::Connecting);
    case RateChart::Marker::Error:
        return Theme::stateColor(SseReader::State::Closed);
    case RateChart::Marker::Reconnect:
        return Theme::stateColor(SseReader::State::Open);
    }
    return {};
}
} // namespace

RateChart::RateChart(QWidget *parent)
    : QWidget(parent)
    , m_buckets(BucketCount, 0)
{
    setObjectName(QStringLiteral("rateChart"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_tickTimer.setInterval(TickMs);
    connect(&m_tickTimer, &QTimer::timeout, this, &RateChart::advance);
    updateToolTip();
}

RateChart::~RateChart() = default;

void RateChart::setReader(SseReader *reader)
{
    if (reader == m_reader)
        return;
    for (const QMetaObject::Connection &connection : std::as_const(m_readerConnections))
        disconnect(connection);
    m_readerConnections.clear();
    m_reader = reader;
    if (!reader)
        return;
    // One increment per event and no repaint: the tick draws what accumulated.
    m_readerConnections << connect(reader, &SseReader::eventReceived, this,
                                   [this] { addEvents(1); });
    m_readerConnections << connect(reader, &SseReader::recordReceived, this,
                                   &RateChart::handleRecord);
    m_readerConnections << connect(reader, &SseReader::stateChanged, this, [this] {
        if (!m_tickTimer.isActive())
            m_tickTimer.start();
    });
    if (reader->state() != SseReader::State::Closed)
        m_tickTimer.start();
}

void RateChart::reset()
{
    m_buckets.fill(0);
    m_head = 0;
    m_markers.clear();
    update();
}

void RateChart::addEvents(int count)
{
    if (count <= 0)
        return;
    int &bucket = m_buckets[m_head];
    bucket = count > std::numeric_limits<int>::max() - bucket ? std::numeric_limits<int>::max()
                                                              : bucket + count;
    if (!m_tickTimer.isActive())
        m_tickTimer.start();
}

void RateChart::addMarker(Marker marker)
{
    m_markers.append({ m_tick, marker });
    if (!m_tickTimer.isActive())
        m_tickTimer.start();
    update(); // rare (a few per drop), and a marker should show before the next tick
}

QList<int> RateChart::buckets() const
{
    QList<int> ordered;
    ordered.reserve(BucketCount);
    for (int i = 1; i <= BucketCount; ++i)
        ordered.append(m_buckets.at((m_head + i) % BucketCount));
    return ordered;
}

QList<std::pair<int, RateChart::Marker>> RateChart::markers() const
{
    QList<std::pair<int, Marker>> result;
    result.reserve(m_markers.size());
    for (const auto &[tick, marker] : m_markers)
        result.append({ int(m_tick - tick), marker });
    return result;
}

int RateChart::axisMaximum() const
{
    return niceCeiling(*std::max_element(m_buckets.cbegin(), m_buckets.cend()));
}

QSize RateChart::sizeHint() const
{
    return { 360, 90 };
}

QSize RateChart::minimumSizeHint() const
{
    return { 160, 70 };
}

void RateChart::advance()
{
    ++m_tick;
    m_head = (m_head + 1) % BucketCount;
    m_buckets[m_head] = 0;
    // Markers are appended in tick order, so the expired ones are always at the front.
    while (!m_markers.isEmpty() && m_tick - m_markers.constFirst().first >= BucketCount)
        m_markers.removeFirst();

    // No idle ticking: once the reader is gone or closed and the chart has scrolled empty,
    // there is nothing left to move.
    const bool readerActive = m_reader && m_reader->state() != SseReader::State::Closed;
    const bool empty = m_markers.isEmpty()
            && std::all_of(m_buckets.cbegin(), m_buckets.cend(),
                           [](int value) { return value == 0; });
    if (!readerActive && empty)
        m_tickTimer.stop();
    update();
}

void RateChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette &pal = palette();
    painter.fillRect(rect(), pal.color(QPalette::Base));

    const QLocale locale;
    const int maximum = axisMaximum();
    const QFontMetrics metrics = fontMetrics();
    const QString maximumText = tr("%1/s", "rate chart y-axis maximum, events per second")
                                        .arg(locale.toString(maximum));
    const QString nowText = tr("now", "rate chart: right end of the time axis");
    const QString startText =
            tr("−%1 s", "rate chart: left end of the time axis, seconds ago").arg(BucketCount);
    const QString latestText = tr("%Ln event(s)/s", "rate chart: rate of the last complete second",
                                  buckets().at(BucketCount - 2));

    const int margin = 4;
    const int leftMargin = margin
            + std::max(metrics.horizontalAdvance(maximumText),
                       metrics.horizontalAdvance(QStringLiteral("0")))
            + margin;
    const QRect plot(QPoint(leftMargin, margin + metrics.height() / 2),
                     QPoint(width() - margin - 1, height() - margin - metrics.height() - 2));
    if (plot.width() < 10 || plot.height() < 10)
        return;

    QColor gridColor = pal.color(QPalette::Text);
    gridColor.setAlphaF(0.15f);
    QColor textColor = pal.color(QPalette::PlaceholderText);

    // Axis: the frame bottom plus a dashed line at the maximum and at half of it.
    painter.setPen(QPen(gridColor, 1));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.setPen(QPen(gridColor, 1, Qt::DashLine));
    painter.drawLine(plot.topLeft(), plot.topRight());
    const int middle = plot.top() + plot.height() / 2;
    painter.drawLine(QPoint(plot.left(), middle), QPoint(plot.right(), middle));

    painter.setPen(textColor);
    painter.drawText(QRect(margin, plot.top() - metrics.height() / 2, leftMargin - 2 * margin,
                           metrics.height()),
                     Qt::AlignRight | Qt::AlignVCenter, maximumText);
    painter.drawText(QRect(margin, plot.bottom() - metrics.height() / 2, leftMargin - 2 * margin,
                           metrics.height()),
                     Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));
    const QRect axisText(plot.left(), plot.bottom() + 2, plot.width(), metrics.height());
    painter.drawText(axisText, Qt::AlignLeft | Qt::AlignTop, startText);
    painter.drawText(axisText, Qt::AlignRight | Qt::AlignTop, nowText);
    // The last complete second under the middle of the axis, clear of the bars and markers.
    painter.setPen(pal.color(QPalette::Text));
    painter.drawText(axisText, Qt::AlignHCenter | Qt::AlignTop, latestText);

    // Bars: one per second, the current (still filling) one lighter.
    const QList<int> values = buckets();
    const qreal slot = qreal(plot.width()) / BucketCount;
    const qreal gap = slot >= 4 ? 1 : 0;
    QColor barColor = pal.color(QPalette::Highlight);
    QColor currentColor = barColor;
    currentColor.setAlphaF(0.45f);
    painter.setPen(Qt::NoPen);
    for (int i = 0; i < BucketCount; ++i) {
        if (values.at(i) == 0)
            continue;
        const qreal h = std::max(1.0, qreal(plot.height()) * values.at(i) / maximum);
        const QRectF bar(plot.left() + i * slot + gap / 2, plot.bottom() - h + 1, slot - gap, h);
        painter.fillRect(bar, i == BucketCount - 1 ? currentColor : barColor);
    }

    // Markers: a vertical line through the plot and a small glyph at the top.
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal glyph = std::max(3, metrics.height() / 4);
    for (const auto &[age, marker] : markers()) {
        const qreal x = plot.left() + (BucketCount - 1 - age + 0.5) * slot;
        QColor color = markerColor(marker);
        QColor lineColor = color;
        lineColor.setAlphaF(0.7f);
        painter.setPen(QPen(lineColor, 1.5));
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        painter.setPen(QPen(color, 2));
        const QPointF top(x, plot.top());
        switch (marker) {
        case Marker::Drop: { // a down-pointing triangle: the stream fell
            QPainterPath path;
            path.moveTo(x - glyph, top.y() - glyph);
            path.lineTo(x + glyph, top.y() - glyph);
            path.lineTo(x, top.y() + glyph);
            path.closeSubpath();
            painter.fillPath(path, color);
            break;
        }
        case Marker::Error: // a cross
            painter.drawLine(top + QPointF(-glyph, -glyph), top + QPointF(glyph, glyph));
            painter.drawLine(top + QPointF(-glyph, glyph), top + QPointF(glyph, -glyph));
            break;
        case Marker::Reconnect: // a filled dot: back online
            painter.setBrush(color);
            painter.drawEllipse(top, glyph, glyph);
            painter.setBrush(Qt::NoBrush);
            break;
        }
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void RateChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        updateToolTip();
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange
        || event->type() == QEvent::FontChange)
        update();
    QWidget::changeEvent(event);
}

void RateChart::handleRecord(const StreamRecord &record)
{
    switch (record.kind) {
    case StreamRecord::Kind::Open:
        m_openConnection = record.connection;
        if (m_reconnecting)
            addMarker(Marker::Reconnect);
        m_reconnecting = false;
        break;
    case StreamRecord::Kind::Reconnecting:
        m_reconnecting = true;
        break;
    case StreamRecord::Kind::Closed:
        m_reconnecting = false;
        break;
    case StreamRecord::Kind::Error:
        // An error on the connection that was open is a live stream breaking (a drop); anything
        // else is a failed attempt. An oversized event skipped is not a break at all.
        if (record.error.kind == SseError::Kind::EventTooLarge)
            break;
        addMarker(record.connection == m_openConnection ? Marker::Drop : Marker::Error);
        m_openConnection = 0;
        break;
    default:
        break;
    }
}

void RateChart::updateToolTip()
{
    setToolTip(tr("Events per second over the last %n second(s), newest at the right.\n"
                  "▼ connection dropped  ✕ error  ● reconnected",
                  "rate chart tooltip; the symbols match the markers drawn in the chart",
                  BucketCount));
}
