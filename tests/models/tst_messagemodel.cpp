// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "messagemodel.h"
#include "testevents.h"

using namespace Qt::StringLiterals;

class TestMessageModel : public QObject
{
    Q_OBJECT

private slots:
    void appendsAreBatched();
    void flushTimerInsertsWithoutExplicitFlush();
    void retentionCap_data();
    void retentionCap();
    void lowerCapDropsOldest();
    void holdingKeepsRowsUntilTwiceTheCap();
    void lifecycleRows();
    void previewIsOneBoundedLine();
    void clearEmptiesEverything();
    void rowsByNumberAndMarkers();
};

void TestMessageModel::appendsAreBatched()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    for (int i = 1; i <= 1000; ++i)
        model.append(numberedEvent(i));
    QCOMPARE(model.rowCount(), 0); // nothing reaches the view before the flush
    QCOMPARE(model.pendingCount(), 1000);
    model.flushPending();
    QCOMPARE(inserts.size(), 1);
    QCOMPARE(inserts.at(0).at(1).toInt(), 0);
    QCOMPARE(inserts.at(0).at(2).toInt(), 999); // last = first + n - 1
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.index(999, MessageModel::DataColumn).data().toString(), u"payload 1000"_s);
    QCOMPARE(model.index(0, MessageModel::IdColumn).data().toString(), u"1"_s);
    QCOMPARE(model.totalEvents(), 1000);
}

void TestMessageModel::flushTimerInsertsWithoutExplicitFlush()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy flushed(&model, &MessageModel::rowsFlushed);
    model.append(numberedEvent(1));
    model.append(numberedEvent(2));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 5000);
    QCOMPARE(flushed.size(), 1);
    QCOMPARE(flushed.at(0).at(0).toInt(), 2);
}

void TestMessageModel::retentionCap_data()
{
    QTest::addColumn<int>("cap");
    QTest::addColumn<QList<int>>("bursts");
    QTest::addColumn<int>("expectedRows");
    QTest::addColumn<int>("expectedDropped");
    QTest::addColumn<int>("expectedFirstNumber");
    QTest::addRow("under cap") << 10 << QList<int> { 3, 4 } << 7 << 0 << 1;
    QTest::addRow("exactly cap") << 10 << QList<int> { 5, 5 } << 10 << 0 << 1;
    QTest::addRow("overflow by one") << 10 << QList<int> { 10, 1 } << 10 << 1 << 2;
    QTest::addRow("burst bigger than cap") << 10 << QList<int> { 25 } << 10 << 15 << 16;
    QTest::addRow("many small bursts") << 5 << QList<int> { 2, 2, 2, 2, 2 } << 5 << 5 << 6;
    QTest::addRow("mixed") << 4 << QList<int> { 3, 9, 1 } << 4 << 9 << 10;
}

void TestMessageModel::retentionCap()
{
    QFETCH(int, cap);
    QFETCH(QList<int>, bursts);
    QFETCH(int, expectedRows);
    QFETCH(int, expectedDropped);
    QFETCH(int, expectedFirstNumber);

    MessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMaximumRows(cap);
    int n = 0;
    for (int burst : bursts) {
        for (int i = 0; i < burst; ++i)
            model.append(numberedEvent(++n));
        model.flushPending();
    }
    QCOMPARE(model.rowCount(), expectedRows);
    QCOMPARE(model.droppedCount(), expectedDropped);
    QCOMPARE(model.index(0, 0).data(MessageModel::NumberRole).toLongLong(), expectedFirstNumber);
    QCOMPARE(model.index(model.rowCount() - 1, 0).data(MessageModel::NumberRole).toLongLong(),
             qint64(n)); // the newest row always survives
}

void TestMessageModel::lowerCapDropsOldest()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int i = 1; i <= 50; ++i)
        model.append(numberedEvent(i));
    model.flushPending();
    model.setMaximumRows(20);
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(model.droppedCount(), 30);
    QCOMPARE(model.eventAt(0).data, u"payload 31"_s);
}

void TestMessageModel::holdingKeepsRowsUntilTwiceTheCap()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMaximumRows(10);
    for (int i = 1; i <= 10; ++i)
        model.append(numberedEvent(i));
    model.flushPending();
    model.setHolding(true); // paused: the front stays where the reader left it
    for (int i = 11; i <= 15; ++i)
        model.append(numberedEvent(i));
    model.flushPending();
    QCOMPARE(model.rowCount(), 15);
    QCOMPARE(model.eventAt(0).data, u"payload 1"_s);
    QCOMPARE(model.droppedCount(), 0);
    // The bound while holding: twice the cap, then the oldest rows go after all.
    for (int i = 16; i <= 25; ++i)
        model.append(numberedEvent(i));
    model.flushPending();
    QCOMPARE(model.rowCount(), 10 * MessageModel::HoldFactor);
    QCOMPARE(model.eventAt(0).data, u"payload 6"_s);
    // Released: back to the cap at once.
    model.setHolding(false);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.eventAt(0).data, u"payload 16"_s);
    QCOMPARE(model.droppedCount(), 15);
}

void TestMessageModel::lifecycleRows()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    StreamRecord open;
    open.kind = StreamRecord::Kind::Open;
    open.connection = 1;
    open.status = 200;
    StreamRecord reconnecting;
    reconnecting.kind = StreamRecord::Kind::Reconnecting;
    reconnecting.connection = 1;
    reconnecting.attempt = 1;
    reconnecting.delayMs = 3000;
    reconnecting.time = QDateTime::currentDateTimeUtc();
    model.appendRecord(open);
    model.append(numberedEvent(1));
    model.appendRecord(reconnecting);
    model.appendRecord(StreamRecord::session(u"tool"_s)); // a file's header, never a row
    model.flushPending();
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowKind(0), MessageModel::RowKind::Lifecycle);
    QCOMPARE(model.rowKind(1), MessageModel::RowKind::Event);
    QCOMPARE(model.recordKind(2), StreamRecord::Kind::Reconnecting);
    // Rows keep the records themselves: a row gives back exactly what was appended.
    QVERIFY(model.recordAt(2) == reconnecting);
    QVERIFY(model.index(2, 0).data(MessageModel::RecordRole).value<StreamRecord>() == reconnecting);
    QCOMPARE(model.recordAt(1).data, numberedEvent(1).data);
    QCOMPARE(model.eventAt(2).receivedAt, reconnecting.time);
    QCOMPARE(model.index(0, 0).data(MessageModel::RowKindRole).toInt(),
             int(MessageModel::RowKind::Lifecycle));
    QCOMPARE(model.index(0, MessageModel::SizeColumn).data().toString(), QString());
    QCOMPARE(model.totalEvents(), 1); // lifecycle rows are not events

    // Their text comes from the formatter; a new one re-renders the rows in one layout change.
    QVERIFY(model.index(2, MessageModel::DataColumn).data().toString().contains(u"3000"_s));
    QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);
    model.setRecordFormatter([](const StreamRecord &record) {
        return u"attempt %1 in %2 ms"_s.arg(record.attempt).arg(record.delayMs);
    });
    QCOMPARE(layouts.size(), 1);
    QCOMPARE(model.index(2, MessageModel::DataColumn).data().toString(), u"attempt 1 in 3000 ms"_s);
    QCOMPARE(model.lifecycleText(2), u"attempt 1 in 3000 ms"_s);
}

void TestMessageModel::previewIsOneBoundedLine()
{
    MessageModel model;
    SseEvent event = numberedEvent(1);
    event.data = u"<b>first</b>\nsecond\r"_s + QString(5000, u'x');
    model.append(event);
    model.flushPending();
    const QString preview = model.index(0, MessageModel::DataColumn).data().toString();
    QVERIFY(!preview.contains(u'\n'));
    QVERIFY(!preview.contains(u'\r'));
    QVERIFY(preview.startsWith(u"<b>first</b>"_s)); // literal text, never interpreted
    QCOMPARE(preview.size(), MessageModel::PreviewLength + 1); // + the ellipsis
    QCOMPARE(model.index(0, 0).data(MessageModel::EventDataRole).toString(), event.data);
}

void TestMessageModel::clearEmptiesEverything()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int i = 1; i <= 5; ++i)
        model.append(numberedEvent(i));
    model.flushPending();
    model.append(numberedEvent(6)); // still pending: must not appear after clear
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.pendingCount(), 0);
    model.flushPending();
    QCOMPARE(model.rowCount(), 0);
}

// Rows are found by their arrival number in O(1), also after drops from the front; markers are
// kept beside the rows, set even while a row is queued, and go with the rows they mark.
void TestMessageModel::rowsByNumberAndMarkers()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMaximumRows(10);
    for (int i = 1; i <= 6; ++i)
        model.append(numberedEvent(i));
    QCOMPARE(model.lastNumber(), 6);
    QCOMPARE(model.rowOfNumber(3), -1); // still queued
    model.setRowMarker(3, 2);
    model.setRowMarker(6, 3);
    model.flushPending();
    QCOMPARE(model.rowOfNumber(3), 2);
    QCOMPARE(model.index(2, 0).data(MessageModel::MarkerRole).toInt(), 2);
    QCOMPARE(model.index(5, 0).data(MessageModel::MarkerRole).toInt(), 3);
    QCOMPARE(model.index(0, 0).data(MessageModel::MarkerRole).toInt(), 0);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRowMarker(1, 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(changed.at(0).at(2).value<QList<int>>(), QList<int> { MessageModel::MarkerRole });
    model.setRowMarker(1, 0);
    QCOMPARE(model.rowMarker(1), 0);

    // Six more: the first two rows are dropped, their markers with them.
    for (int i = 7; i <= 12; ++i)
        model.append(numberedEvent(i));
    model.flushPending();
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.rowOfNumber(2), -1);
    QCOMPARE(model.rowOfNumber(3), 0);
    QCOMPARE(model.rowOfNumber(12), 9);
    QCOMPARE(model.rowOfNumber(13), -1);
    QCOMPARE(model.index(0, 0).data(MessageModel::MarkerRole).toInt(), 2);
    model.setMaximumRows(5);
    QCOMPARE(model.rowMarker(3), 0);
    QCOMPARE(model.rowMarker(6), 0);
    QCOMPARE(model.rowOfNumber(8), 0);

    model.setRowMarker(10, 3);
    model.clear();
    QCOMPARE(model.rowMarker(10), 0);
    QCOMPARE(model.rowOfNumber(10), -1);
    model.append(numberedEvent(13));
    model.flushPending();
    QCOMPARE(model.rowOfNumber(13), 0); // numbers go on after a clear
}

QTEST_GUILESS_MAIN(TestMessageModel)
#include "tst_messagemodel.moc"
