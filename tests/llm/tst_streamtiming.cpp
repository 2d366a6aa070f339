// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <QTest>

#include "streamtiming.h"

using namespace Qt::StringLiterals;

namespace {

const QDateTime T0 = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);

QDateTime at(qint64 ms)
{
    return T0.addMSecs(ms);
}

} // namespace

class TestStreamTiming : public QObject
{
    Q_OBJECT

private slots:
    void figures();
    void nothingMeasured();
    void headersFromTheClockWhenNotGiven();
    void percentiles_data();
    void percentiles();
    void clockSteppingBackIsNoNegativeGap();
    void startForgetsTheLastConnection();
};

void TestStreamTiming::figures()
{
    StreamTiming timing;
    timing.start(T0);
    timing.addHeaders(at(6), 4); // the monotonic figure wins over the timestamps
    timing.addBodyRecord(at(100)); // a heartbeat comment: the first byte
    timing.addEvent(at(300), 3);
    timing.addEvent(at(330), 0); // a role-only chunk: an event, no text
    timing.addEvent(at(360), 5);
    timing.addEvent(at(1900), 2);
    timing.end(at(2000));
    timing.end(at(5000)); // only the first end counts

    const StreamSummary::Timing result = timing.result();
    QCOMPARE(result.headersMs, 4);
    QCOMPARE(result.firstByteMs, 100);
    QCOMPARE(result.firstTokenMs, 300);
    QCOMPARE(result.totalMs, 2000);
    QCOMPARE(result.chunks, 4);
    QCOMPARE(result.textChunks, 3);
    QCOMPARE(result.chunksPerSecond, 1.9); // 3 gaps in 1.6 s
    QCOMPARE(result.charactersPerSecond, 6.3); // 10 characters in 1.6 s
    QCOMPARE(result.gapMedianMs, 30);
    QCOMPARE(result.gapP99Ms, 1540);
    QCOMPARE(result.gapMaxMs, 1540);
    // Buckets end at 10, 25, 50, 100, 250, 500, 1000 ms; the last is open.
    QCOMPARE(result.gapHistogram, (QList<qint64> { 0, 0, 2, 0, 0, 0, 0, 1 }));
    QCOMPARE(timing.firstTextAt(), at(300));
    QCOMPARE(timing.lastTextAt(), at(1900));
}

void TestStreamTiming::nothingMeasured()
{
    StreamTiming timing;
    timing.start(T0);
    const StreamSummary::Timing result = timing.result();
    QCOMPARE(result.headersMs, -1);
    QCOMPARE(result.firstByteMs, -1);
    QCOMPARE(result.firstTokenMs, -1);
    QCOMPARE(result.totalMs, -1);
    QCOMPARE(result.chunksPerSecond, -1.0);
    QCOMPARE(result.charactersPerSecond, -1.0);
    QCOMPARE(result.gapMedianMs, -1);
    QVERIFY(result.gapHistogram.isEmpty());

    // Everything at once: counts, but no rate (the span is 0).
    timing.addEvent(at(50), 1);
    timing.addEvent(at(50), 1);
    QCOMPARE(timing.result().chunks, 2);
    QCOMPARE(timing.result().chunksPerSecond, -1.0);
    QCOMPARE(timing.result().gapMaxMs, 0);
    QCOMPARE(timing.result().totalMs, 50); // no end yet: the last event
}

void TestStreamTiming::headersFromTheClockWhenNotGiven()
{
    // A recording from before headersMs existed: the records' own times tell.
    StreamTiming timing;
    timing.start(T0);
    timing.addHeaders(at(42), -1);
    QCOMPARE(timing.result().headersMs, 42);
}

void TestStreamTiming::percentiles_data()
{
    QTest::addColumn<QList<qint64>>("gaps");
    QTest::addColumn<qint64>("median");
    QTest::addColumn<qint64>("p99");

    QList<qint64> hundred;
    for (qint64 gap = 1; gap <= 100; ++gap)
        hundred << gap;
    QTest::addRow("1..100") << hundred << qint64(50) << qint64(99);
    QTest::addRow("one gap") << QList<qint64> { 7 } << qint64(7) << qint64(7);
    QTest::addRow("long gaps sorted")
            << QList<qint64> { 5000, 1200, 3000 } << qint64(3000) << qint64(5000);
    QList<qint64> mostlyFast(999, 20);
    mostlyFast << 4000;
    QTest::addRow("one stall in a thousand") << mostlyFast << qint64(20) << qint64(20);
}

void TestStreamTiming::percentiles()
{
    QFETCH(QList<qint64>, gaps);
    QFETCH(qint64, median);
    QFETCH(qint64, p99);
    StreamTiming timing;
    timing.start(T0);
    qint64 now = 0;
    timing.addEvent(at(now), 1);
    for (const qint64 gap : gaps) {
        now += gap;
        timing.addEvent(at(now), 1);
    }
    QCOMPARE(timing.result().gapMedianMs, median);
    QCOMPARE(timing.result().gapP99Ms, p99);
    QCOMPARE(timing.result().gapMaxMs, *std::max_element(gaps.cbegin(), gaps.cend()));
    qint64 counted = 0;
    for (const qint64 count : timing.result().gapHistogram)
        counted += count;
    QCOMPARE(counted, gaps.size());
}

void TestStreamTiming::clockSteppingBackIsNoNegativeGap()
{
    StreamTiming timing;
    timing.start(T0);
    timing.addEvent(at(100), 1);
    timing.addEvent(at(40), 1);
    QCOMPARE(timing.result().gapMaxMs, 0);
    QCOMPARE(timing.result().firstTokenMs, 100);
}

void TestStreamTiming::startForgetsTheLastConnection()
{
    StreamTiming timing;
    timing.start(T0);
    timing.addEvent(at(10), 1);
    timing.end(at(20));
    timing.start(at(1000));
    timing.addEvent(at(1300), 1);
    QCOMPARE(timing.result().firstTokenMs, 300);
    QCOMPARE(timing.result().chunks, 1);
    QCOMPARE(timing.result().totalMs, 300);
}

QTEST_GUILESS_MAIN(TestStreamTiming)
#include "tst_streamtiming.moc"
