// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include <memory>

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

#include "messagefilterproxymodel.h"
#include "messagemodel.h"
#include "messageview.h"
#include "recordjson.h"
#include "testevents.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int Timeout = 10000; // generous: the machine is shared and loaded
} // namespace

class TestMessageView : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void defaults();
    void followsTailAtBottom();
    void followTailDependsOnPosition_data();
    void followTailDependsOnPosition();
    void scrollingBackToBottomResumes();
    void followsTailAtRetentionCap();
    void pauseCountsAndDoesNotScroll();
    void clearResetsPausedCount();
    void stateRoundTrip();
    void copyActions();

private:
    /// Appends count events, flushes, and lets the view's deferred scroll run.
    void feed(int count);
    QScrollBar *bar() const { return m_view->verticalScrollBar(); }

    std::unique_ptr<MessageModel> m_model;
    std::unique_ptr<MessageFilterProxyModel> m_proxy;
    std::unique_ptr<MessageView> m_view;
    int m_next = 1;
};

void TestMessageView::init()
{
    m_model = std::make_unique<MessageModel>();
    m_proxy = std::make_unique<MessageFilterProxyModel>();
    m_proxy->setSourceModel(m_model.get());
    m_view = std::make_unique<MessageView>();
    m_view->setModel(m_proxy.get());
    m_view->resize(600, 300);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_next = 1;
}

void TestMessageView::cleanup()
{
    m_view.reset();
    m_proxy.reset();
    m_model.reset();
}

void TestMessageView::feed(int count)
{
    for (int i = 0; i < count; ++i)
        m_model->append(numberedEvent(m_next++));
    m_model->flushPending();
    // The scroll is posted once per flush; run it (a posted call, not a timed wait).
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

void TestMessageView::defaults()
{
    QVERIFY(!m_view->wordWrap());
    QVERIFY(m_view->verticalHeader()->isHidden());
    QCOMPARE(m_view->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
    const QHeaderView *header = m_view->horizontalHeader();
    QCOMPARE(header->sectionResizeMode(MessageModel::DataColumn), QHeaderView::Stretch);
    for (int column = 0; column < MessageModel::ColumnCount; ++column)
        QVERIFY(header->sectionResizeMode(column) != QHeaderView::ResizeToContents);
    QCOMPARE(header->sectionSize(MessageModel::TimeColumn), 100);
    QCOMPARE(header->sectionSize(MessageModel::ConnectionColumn), 50);
    QCOMPARE(header->sectionSize(MessageModel::TypeColumn), 90);
    QCOMPARE(header->sectionSize(MessageModel::IdColumn), 70);
    QCOMPARE(header->sectionSize(MessageModel::SizeColumn), 70);
    QVERIFY(m_view->isFollowingTail());
}

void TestMessageView::followsTailAtBottom()
{
    feed(200);
    QCOMPARE(m_proxy->rowCount(), 200);
    QVERIFY(bar()->maximum() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(bar()->value(), bar()->maximum(), Timeout);
    const int firstMaximum = bar()->maximum();
    feed(50);
    QTRY_VERIFY_WITH_TIMEOUT(bar()->maximum() > firstMaximum, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(bar()->value(), bar()->maximum(), Timeout);
    QVERIFY(m_view->isFollowingTail());
}

void TestMessageView::followTailDependsOnPosition_data()
{
    QTest::addColumn<int>("position"); // percent of the scroll range
    QTest::addColumn<bool>("follows");
    QTest::addRow("top") << 0 << false;
    QTest::addRow("middle") << 50 << false;
    QTest::addRow("one row above the bottom") << -1 << false;
    QTest::addRow("bottom") << 100 << true;
}

void TestMessageView::followTailDependsOnPosition()
{
    QFETCH(int, position);
    QFETCH(bool, follows);
    feed(200);
    QTRY_COMPARE_WITH_TIMEOUT(bar()->value(), bar()->maximum(), Timeout);

    const int target = position < 0 ? bar()->maximum() - 1 : bar()->maximum() * position / 100;
    bar()->setValue(target); // what a wheel or drag does
    QCOMPARE(m_view->isFollowingTail(), follows);

    const int maximumBefore = bar()->maximum();
    feed(100);
    QTRY_VERIFY_WITH_TIMEOUT(bar()->maximum() > maximumBefore, Timeout);
    if (follows) {
        QTRY_COMPARE_WITH_TIMEOUT(bar()->value(), bar()->maximum(), Timeout);
    } else {
        QCOMPARE(bar()->value(), target); // the rows the user reads stay put
        QVERIFY(!m_view->isFollowingTail());
    }
}

void TestMessageView::scrollingBackToBottomResumes()
{
    feed(200);
    QTRY_COMPARE_WITH_TIMEOUT(bar()->value(), bar()->maximum(), Timeout);
    bar()->setValue(10);
    feed(20);
    QCOMPARE(bar()->value(), 10);
    bar()->setValue(bar()->maximum());
    QVERIFY(m_view->isFollowingTail());
    const int maximumBefore = bar()->maximum();
    feed(20);
    QTRY_VERIFY_WITH_TIMEOUT(bar()->maximum() > maximumBefore, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(bar()->value(), bar()->maximum(), Timeout);
}

void TestMessageView::followsTailAtRetentionCap()
{
    m_model->setMaximumRows(300);
    feed(300);
    QTRY_COMPARE_WITH_TIMEOUT(bar()->value(), bar()->maximum(), Timeout);
    for (int round = 0; round < 5; ++round) {
        feed(40); // each flush drops 40 rows from the front and appends 40
        QCOMPARE(m_proxy->rowCount(), 300);
        QTRY_COMPARE_WITH_TIMEOUT(bar()->value(), bar()->maximum(), Timeout);
    }
    const QModelIndex last = m_proxy->index(m_proxy->rowCount() - 1, MessageModel::DataColumn);
    QCOMPARE(last.data(MessageModel::EventDataRole).toString(), u"payload %1"_s.arg(m_next - 1));
}

void TestMessageView::pauseCountsAndDoesNotScroll()
{
    QSignalSpy paused(m_view.get(), &MessageView::pausedChanged);
    QSignalSpy counted(m_view.get(), &MessageView::newRowsWhilePausedChanged);
    feed(200);
    QTRY_COMPARE_WITH_TIMEOUT(bar()->value(), bar()->maximum(), Timeout);
    const int valueBefore = bar()->value();

    m_view->setPaused(true);
    QCOMPARE(paused.count(), 1);
    QVERIFY(m_view->isPaused());
    QVERIFY(!m_view->isFollowingTail());
    feed(30);
    feed(12);
    QCOMPARE(m_view->newRowsWhilePaused(), 42);
    QCOMPARE(counted.last().at(0).toLongLong(), 42);
    QCOMPARE(bar()->value(), valueBefore);
    QVERIFY(bar()->maximum() > valueBefore);

    m_view->setPaused(false);
    QCOMPARE(m_view->newRowsWhilePaused(), 0);
    QCOMPARE(counted.last().at(0).toLongLong(), 0);
    QCOMPARE(bar()->value(), bar()->maximum()); // resuming jumps to the end
    QVERIFY(m_view->isFollowingTail());
}

void TestMessageView::clearResetsPausedCount()
{
    m_view->setPaused(true);
    feed(5);
    QCOMPARE(m_view->newRowsWhilePaused(), 5);
    m_model->clear();
    QCOMPARE(m_view->newRowsWhilePaused(), 0);
    QVERIFY(m_view->isPaused());
}

void TestMessageView::stateRoundTrip()
{
    QHeaderView *header = m_view->horizontalHeader();
    header->resizeSection(MessageModel::TypeColumn, 140);
    header->setSectionHidden(MessageModel::SizeColumn, true);
    const QVariantMap state = m_view->saveState();

    MessageView other;
    other.setModel(m_proxy.get());
    QCOMPARE(other.horizontalHeader()->sectionSize(MessageModel::TypeColumn), 90);
    other.restoreState(state);
    QCOMPARE(other.horizontalHeader()->sectionSize(MessageModel::TypeColumn), 140);
    QVERIFY(other.horizontalHeader()->isSectionHidden(MessageModel::SizeColumn));
    QVERIFY(!other.horizontalHeader()->isSectionHidden(MessageModel::TypeColumn));

    // A saved state can never hide the data column.
    QVariantMap hostile = state;
    hostile.insert(u"hiddenColumns"_s, QVariantList { int(MessageModel::DataColumn) });
    other.restoreState(hostile);
    QVERIFY(!other.horizontalHeader()->isSectionHidden(MessageModel::DataColumn));
}

void TestMessageView::copyActions()
{
    SseEvent event = numberedEvent(7, u"line 1\nline \"2\""_s);
    event.type = u"update"_s;
    m_model->append(event);
    StreamRecord error;
    error.kind = StreamRecord::Kind::Error;
    error.connection = 1;
    error.error.kind = SseError::Kind::ConnectionReset;
    error.error.message = u"boom"_s;
    error.time = event.receivedAt;
    m_model->appendRecord(error);
    m_model->flushPending();

    m_view->setCurrentIndex(m_proxy->index(0, 0));
    QCOMPARE(m_view->currentData(), event.data);
    QCOMPARE(m_view->currentId(), u"7"_s);
    const QJsonObject json = QJsonDocument::fromJson(m_view->currentRowJson().toUtf8()).object();
    QCOMPARE(json.value(u"type"_s).toString(), u"update"_s);
    QCOMPARE(json.value(u"data"_s).toString(), event.data);
    QCOMPARE(json.value(u"id"_s).toString(), u"7"_s);
    // Copy Row as JSON is the row's line in the one NDJSON dialect, exactly.
    QCOMPARE(m_view->currentRowJson().toUtf8() + '\n',
             RecordJson::toJsonLine(StreamRecord::fromEvent(event)));

    m_view->copyData();
    QCOMPARE(QApplication::clipboard()->text(), event.data);
    m_view->copyId();
    QCOMPARE(QApplication::clipboard()->text(), u"7"_s);

    m_view->setCurrentIndex(m_proxy->index(1, 0));
    QCOMPARE(m_view->currentId(), QString()); // lifecycle rows carry no id
    QCOMPARE(m_view->currentRowJson().toUtf8() + '\n', RecordJson::toJsonLine(error));
    const QJsonObject lifecycle =
            QJsonDocument::fromJson(m_view->currentRowJson().toUtf8()).object();
    QCOMPARE(lifecycle.value(u"kind"_s).toString(), u"error"_s);
    QCOMPARE(lifecycle.value(u"errorKind"_s).toString(), u"connectionReset"_s);
    QCOMPARE(lifecycle.value(u"message"_s).toString(), u"boom"_s);
}

QTEST_MAIN(TestMessageView)
#include "tst_messageview.moc"
