// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include <QImage>
#include <QPixmap>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include "demoserver.h"
#include "ratechart.h"
#include "ssereader.h"
#include "streamrecord.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestRateChart : public QObject
{
    Q_OBJECT
private slots:
    void startsEmpty();
    void addEventsCountsInCurrentSecond();
    void advanceShifts_data();
    void advanceShifts();
    void markersAgeAndExpire();
    void resetClears();
    void axisMaximumIsRound_data();
    void axisMaximumIsRound();
    void paints_data();
    void paints();
    void countsReaderEventsAndMarksDrop();
};

void TestRateChart::startsEmpty()
{
    RateChart chart;
    QCOMPARE(chart.buckets(), QList<int>(RateChart::BucketCount, 0));
    QVERIFY(chart.markers().isEmpty());
    QCOMPARE(chart.axisMaximum(), 1);
    QVERIFY(chart.sizeHint().width() >= 300);
}

void TestRateChart::addEventsCountsInCurrentSecond()
{
    RateChart chart;
    chart.addEvents(3);
    chart.addEvents(4);
    chart.addEvents(0);
    chart.addEvents(-5); // ignored, never subtracts
    QCOMPARE(chart.buckets().constLast(), 7);
    QCOMPARE(chart.buckets().first(RateChart::BucketCount - 1),
             QList<int>(RateChart::BucketCount - 1, 0));
}

void TestRateChart::advanceShifts_data()
{
    QTest::addColumn<int>("ticks");
    for (int ticks : { 1, 2, 30, 59, 60, 61, 125 })
        QTest::addRow("ticks-%d", ticks) << ticks;
}

void TestRateChart::advanceShifts()
{
    QFETCH(int, ticks);
    RateChart chart;
    chart.addEvents(10);
    for (int i = 0; i < ticks; ++i)
        chart.advance();
    chart.addEvents(2);

    QList<int> expected(RateChart::BucketCount, 0);
    expected.last() = 2;
    const int oldIndex = RateChart::BucketCount - 1 - ticks;
    if (oldIndex >= 0)
        expected[oldIndex] = 10; // scrolled left by one slot per tick, gone after 60
    QCOMPARE(chart.buckets(), expected);
}

void TestRateChart::markersAgeAndExpire()
{
    RateChart chart;
    chart.addMarker(RateChart::Marker::Drop);
    chart.advance();
    chart.addMarker(RateChart::Marker::Reconnect);
    chart.addMarker(RateChart::Marker::Error);

    using Entry = std::pair<int, RateChart::Marker>;
    QCOMPARE(chart.markers(),
             (QList<Entry> { { 1, RateChart::Marker::Drop },
                             { 0, RateChart::Marker::Reconnect },
                             { 0, RateChart::Marker::Error } }));

    for (int i = 0; i < RateChart::BucketCount - 2; ++i)
        chart.advance();
    QCOMPARE(chart.markers().size(), 3);
    QCOMPARE(chart.markers().constFirst().first, RateChart::BucketCount - 1);
    chart.advance(); // the Drop marker leaves the 60 s window
    QCOMPARE(chart.markers(),
             (QList<Entry> { { RateChart::BucketCount - 1, RateChart::Marker::Reconnect },
                             { RateChart::BucketCount - 1, RateChart::Marker::Error } }));
    chart.advance();
    QVERIFY(chart.markers().isEmpty());
}

void TestRateChart::resetClears()
{
    RateChart chart;
    chart.addEvents(5);
    chart.advance();
    chart.addEvents(6);
    chart.addMarker(RateChart::Marker::Error);
    chart.reset();
    QCOMPARE(chart.buckets(), QList<int>(RateChart::BucketCount, 0));
    QVERIFY(chart.markers().isEmpty());
}

void TestRateChart::axisMaximumIsRound_data()
{
    QTest::addColumn<int>("peak");
    QTest::addColumn<int>("maximum");
    QTest::newRow("zero") << 0 << 1;
    QTest::newRow("one") << 1 << 1;
    QTest::newRow("three") << 3 << 5;
    QTest::newRow("seven") << 7 << 10;
    QTest::newRow("ten") << 10 << 10;
    QTest::newRow("eleven") << 11 << 20;
    QTest::newRow("240") << 240 << 500;
    QTest::newRow("4999") << 4999 << 5000;
    QTest::newRow("50001") << 50001 << 100000;
}

void TestRateChart::axisMaximumIsRound()
{
    QFETCH(int, peak);
    QFETCH(int, maximum);
    RateChart chart;
    chart.addEvents(peak);
    chart.advance(); // the peak need not be in the current second
    QCOMPARE(chart.axisMaximum(), maximum);
}

void TestRateChart::paints_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QSize>("size");
    QTest::newRow("light") << false << QSize(360, 110);
    QTest::newRow("dark") << true << QSize(360, 110);
    QTest::newRow("tiny") << false << QSize(20, 10);
    QTest::newRow("wide") << true << QSize(1200, 300);
}

void TestRateChart::paints()
{
    QFETCH(bool, dark);
    QFETCH(QSize, size);
    RateChart chart;
    if (dark) {
        QPalette palette = chart.palette();
        palette.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
        palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        palette.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe6));
        chart.setPalette(palette);
    }
    chart.resize(size);
    for (int second = 0; second < 70; ++second) {
        chart.addEvents((second * 37) % 120);
        if (second % 17 == 0)
            chart.addMarker(RateChart::Marker::Drop);
        if (second % 23 == 0)
            chart.addMarker(RateChart::Marker::Error);
        if (second % 19 == 1)
            chart.addMarker(RateChart::Marker::Reconnect);
        chart.advance();
    }
    chart.addEvents(3);
    const QImage image = chart.grab().toImage();
    QCOMPARE(image.size(), size * chart.devicePixelRatioF());
    if (size.width() >= 100) {
        // Bars use the highlight colour somewhere in the plot: the chart really drew data.
        const QRgb highlight = chart.palette().color(QPalette::Highlight).rgb();
        bool found = false;
        for (int y = 0; y < image.height() && !found; ++y) {
            for (int x = 0; x < image.width() && !found; ++x)
                found = image.pixel(x, y) == highlight;
        }
        QVERIFY(found);
    }
}

void TestRateChart::countsReaderEventsAndMarksDrop()
{
    DemoServer server;
    DemoServer::Options options;
    options.intervalMs = 20;
    options.retryMs = 200;
    QVERIFY2(server.start(options), qPrintable(server.errorString()));

    SseReader reader;
    SseReader::Request request;
    request.url = server.streamUrl();
    reader.setRequest(request);
    RateChart chart;
    chart.setReader(&reader);
    reader.open();

    QTRY_VERIFY_WITH_TIMEOUT(reader.eventCount() >= 5, 10000);
    quint64 counted = 0;
    for (int value : chart.buckets())
        counted += quint64(value);
    QCOMPARE(counted, reader.eventCount());

    int opened = 0;
    connect(&reader, &SseReader::recordReceived, this, [&opened](const StreamRecord &record) {
        opened += record.kind == StreamRecord::Kind::Open;
    });
    reader.simulateDrop(SseReader::DropMode::Abort);
    QTRY_COMPARE_WITH_TIMEOUT(opened, 1, 10000);

    QList<RateChart::Marker> kinds;
    for (const auto &entry : chart.markers())
        kinds << entry.second;
    QCOMPARE(kinds,
             (QList<RateChart::Marker> { RateChart::Marker::Drop, RateChart::Marker::Reconnect }));

    chart.setReader(nullptr);
    const auto sum = [&chart] {
        quint64 total = 0;
        for (int value : chart.buckets())
            total += quint64(value);
        return total;
    };
    const quint64 before = sum();
    QCOMPARE(before, reader.eventCount());
    const quint64 readerBefore = reader.eventCount();
    QTRY_VERIFY_WITH_TIMEOUT(reader.eventCount() >= readerBefore + 5, 10000);
    QCOMPARE(sum(), before); // detached: no longer counting (the tick only shifts buckets)
    reader.close();
}

QTEST_MAIN(TestRateChart)
#include "tst_ratechart.moc"
