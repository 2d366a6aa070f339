// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "messagefilterproxymodel.h"
#include "messagemodel.h"

using namespace Qt::StringLiterals;

namespace {
StreamRecord errorRecord(int connection, const QString &message)
{
    StreamRecord record;
    record.kind = StreamRecord::Kind::Error;
    record.connection = connection;
    record.error.kind = SseError::Kind::ConnectionReset;
    record.error.message = message;
    return record;
}

StreamRecord commentRecord(int connection, const QString &text)
{
    StreamRecord record;
    record.kind = StreamRecord::Kind::Comment;
    record.connection = connection;
    record.text = text;
    return record;
}
} // namespace

class TestMessageFilterProxyModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void filters_data();
    void filters();
    void textMatchesLikeQString_data();
    void textMatchesLikeQString();
    void filterChangeIsOneLayoutChange();
    void invalidRegularExpressionFiltersNothing();
    void liveAppendsAreFiltered();
    void capDropsFromFrontKeepFilterConsistent();
    void commentsShowOnlyWhenAsked();
    void matchesAreWhereTheFilterMatches_data();
    void matchesAreWhereTheFilterMatches();
    void lifecycleTextFollowsTheFormatter();

private:
    void fill();

    MessageModel *m_model = nullptr;
    MessageFilterProxyModel *m_proxy = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestMessageFilterProxyModel::init()
{
    m_model = new MessageModel(this);
    m_proxy = new MessageFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    // What the GUI does with a translated formatter; the filter matches what it shows.
    m_model->setRecordFormatter([](const StreamRecord &record) {
        return record.kind == StreamRecord::Kind::Comment ? u':' + record.text
                                                          : record.error.message;
    });
    m_tester = new QAbstractItemModelTester(
            m_proxy, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    fill();
}

void TestMessageFilterProxyModel::cleanup()
{
    delete m_tester;
    delete m_proxy;
    delete m_model;
}

void TestMessageFilterProxyModel::fill()
{
    // Connection 1: three events, then a drop; connection 2: two events.
    const struct
    {
        int connection;
        const char16_t *type;
        const char16_t *data;
    } rows[] = {
        { 1, u"message", u"{\"price\": 10}" }, { 1, u"tick", u"Hello World" },
        { 1, u"message", u"hello again" },     { 2, u"tick", u"price 42" },
        { 2, u"alert", u"Disk at 90%" },
    };
    int n = 0;
    for (const auto &row : rows) {
        if (n == 3)
            m_model->appendRecord(errorRecord(1, u"hello lifecycle"_s));
        SseEvent event;
        event.type = QString::fromUtf16(row.type);
        event.data = QString::fromUtf16(row.data);
        event.connection = row.connection;
        event.lastEventId = QString::number(++n);
        event.hasId = true;
        m_model->append(event);
    }
    m_model->flushPending();
}

void TestMessageFilterProxyModel::filters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<int>("connection");
    QTest::addColumn<bool>("hideLifecycle");
    QTest::addColumn<QStringList>("expected");

    const QStringList all { u"{\"price\": 10}"_s, u"Hello World"_s, u"hello again"_s,
                            u"hello lifecycle"_s, u"price 42"_s,    u"Disk at 90%"_s };
    QTest::addRow("no filter") << QString() << false << QStringList() << 0 << false << all;
    QTest::addRow("text is case-insensitive")
            << u"HELLO"_s << false << QStringList() << 0 << false
            << QStringList { u"Hello World"_s, u"hello again"_s, u"hello lifecycle"_s };
    QTest::addRow("text is literal, not a pattern")
            << u"90%"_s << false << QStringList() << 0 << false << QStringList { u"Disk at 90%"_s };
    QTest::addRow("regex") << u"^price \\d+$"_s << true << QStringList() << 0 << false
                           << QStringList { u"price 42"_s };
    QTest::addRow("types keep lifecycle rows")
            << QString() << false << QStringList { u"tick"_s } << 0 << false
            << QStringList { u"Hello World"_s, u"hello lifecycle"_s, u"price 42"_s };
    QTest::addRow("connection") << QString() << false << QStringList() << 2 << false
                                << QStringList { u"price 42"_s, u"Disk at 90%"_s };
    QTest::addRow("hide lifecycle") << u"hello"_s << false << QStringList() << 0 << true
                                    << QStringList { u"Hello World"_s, u"hello again"_s };
    QTest::addRow("all combined") << u"price"_s << false << QStringList { u"tick"_s } << 2 << true
                                  << QStringList { u"price 42"_s };
}

void TestMessageFilterProxyModel::filters()
{
    QFETCH(QString, text);
    QFETCH(bool, regex);
    QFETCH(QStringList, types);
    QFETCH(int, connection);
    QFETCH(bool, hideLifecycle);
    QFETCH(QStringList, expected);

    m_proxy->setFilterText(text, regex);
    m_proxy->setEventTypes(QSet<QString>(types.cbegin(), types.cend()));
    m_proxy->setConnection(connection);
    m_proxy->setHideLifecycle(hideLifecycle);
    QStringList shown;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        shown << m_proxy->index(row, 0).data(MessageModel::EventDataRole).toString();
    QCOMPARE(shown, expected);
}

void TestMessageFilterProxyModel::textMatchesLikeQString_data()
{
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("text");

    // The proxy has its own case-insensitive search; it must agree with QString::contains().
    QTest::addRow("at start") << u"needle in hay"_s << u"NEEDLE"_s;
    QTest::addRow("at end") << u"hay with a needle"_s << u"Needle"_s;
    QTest::addRow("whole row") << u"needle"_s << u"needle"_s;
    QTest::addRow("longer than row") << u"need"_s << u"needle"_s;
    QTest::addRow("miss") << u"haystack without it"_s << u"needle"_s;
    QTest::addRow("one character") << u"abcXdef"_s << u"x"_s;
    QTest::addRow("repeated prefix") << u"aaaaaab"_s << u"aab"_s;
    QTest::addRow("shift past partial match") << u"abcabdabcabc"_s << u"abcabc"_s;
    QTest::addRow("kelvin sign folds to k") << u"5 \u212A"_s << u"k"_s;
    QTest::addRow("long s folds to s") << u"Mi\u017F\u017Fi"_s << u"miss"_s;
    QTest::addRow("non-ASCII in row") << u"caf\u00e9 ok"_s << u"E OK"_s;
    QTest::addRow("non-ASCII text") << u"Caf\u00c9"_s << u"caf\u00e9"_s;
    QTest::addRow("surrogate pair in row") << u"\U0001F600 smile"_s << u"SMILE"_s;
    QTest::addRow("punctuation") << u"{\"price\": 10}"_s << u"\": 1"_s;
    QTest::addRow("needle over 255") << (QString(300, u'a') + u'b') << (QString(260, u'A') + u'B');
    QTest::addRow("needle over 255, miss") << QString(300, u'a') << (QString(260, u'A') + u'B');
}

void TestMessageFilterProxyModel::textMatchesLikeQString()
{
    QFETCH(QString, data);
    QFETCH(QString, text);

    m_model->clear();
    SseEvent event;
    event.type = u"message"_s;
    event.data = data;
    m_model->append(event);
    m_model->flushPending();
    m_proxy->setFilterText(text, false);
    QCOMPARE(m_proxy->rowCount(), data.contains(text, Qt::CaseInsensitive) ? 1 : 0);
}

void TestMessageFilterProxyModel::filterChangeIsOneLayoutChange()
{
    // Row-by-row removal signals cost a view O(rows) each: a filter change must be one reset
    // of the mapping, whatever number of rows it hides or shows.
    QSignalSpy layouts(m_proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy removals(m_proxy, &QAbstractItemModel::rowsRemoved);
    QSignalSpy insertions(m_proxy, &QAbstractItemModel::rowsInserted);
    m_proxy->setFilterText(u"hello"_s, false);
    QCOMPARE(m_proxy->rowCount(), 3);
    m_proxy->setFilterText(QString(), false);
    QCOMPARE(m_proxy->rowCount(), m_model->rowCount());
    QCOMPARE(layouts.size(), 2);
    QCOMPARE(removals.size(), 0);
    QCOMPARE(insertions.size(), 0);
}

void TestMessageFilterProxyModel::invalidRegularExpressionFiltersNothing()
{
    m_proxy->setFilterText(u"price ("_s, true);
    QVERIFY(!m_proxy->isFilterValid());
    QVERIFY(!m_proxy->filterError().isEmpty());
    QCOMPARE(m_proxy->rowCount(), m_model->rowCount());
}

void TestMessageFilterProxyModel::liveAppendsAreFiltered()
{
    m_proxy->setFilterText(u"needle"_s);
    QCOMPARE(m_proxy->rowCount(), 0);
    for (int i = 0; i < 100; ++i) {
        SseEvent event;
        event.type = u"message"_s;
        event.data = i % 10 == 0 ? u"a needle %1"_s.arg(i) : u"hay %1"_s.arg(i);
        m_model->append(event);
    }
    m_model->flushPending();
    QCOMPARE(m_proxy->rowCount(), 10);
}

void TestMessageFilterProxyModel::capDropsFromFrontKeepFilterConsistent()
{
    m_model->setMaximumRows(8);
    m_proxy->setFilterText(u"keep"_s);
    for (int i = 0; i < 30; ++i) {
        SseEvent event;
        event.data = (i % 2 ? u"keep %1"_s : u"skip %1"_s).arg(i);
        m_model->append(event);
        if (i % 7 == 0)
            m_model->flushPending();
    }
    m_model->flushPending();
    QCOMPARE(m_model->rowCount(), 8);
    QCOMPARE(m_proxy->rowCount(), 4);
    QCOMPARE(m_proxy->index(3, 0).data(MessageModel::EventDataRole).toString(), u"keep 29"_s);
}

void TestMessageFilterProxyModel::matchesAreWhereTheFilterMatches_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<qsizetype>>("starts");
    QTest::addColumn<QList<qsizetype>>("lengths");
    QTest::addRow("plain, any case")
            << u"ab"_s << false << u"AB ab aB"_s << QList<qsizetype> { 0, 3, 6 }
            << QList<qsizetype> { 2, 2, 2 };
    QTest::addRow("plain, none") << u"zz"_s << false << u"abc"_s << QList<qsizetype>()
                                 << QList<qsizetype>();
    QTest::addRow("regex") << u"\\d+"_s << true << u"a1 b22 c333"_s << QList<qsizetype> { 1, 4, 8 }
                           << QList<qsizetype> { 1, 2, 3 };
    QTest::addRow("regex, empty matches skipped")
            << u"x*"_s << true << u"axxb"_s << QList<qsizetype> { 1 } << QList<qsizetype> { 2 };
    QTest::addRow("no filter") << QString() << false << u"abc"_s << QList<qsizetype>()
                               << QList<qsizetype>();
}

void TestMessageFilterProxyModel::matchesAreWhereTheFilterMatches()
{
    QFETCH(QString, filter);
    QFETCH(bool, regex);
    QFETCH(QString, text);
    QFETCH(QList<qsizetype>, starts);
    QFETCH(QList<qsizetype>, lengths);
    m_proxy->setFilterText(filter, regex);
    QList<qsizetype> foundStarts;
    QList<qsizetype> foundLengths;
    for (const auto &[start, length] : m_proxy->matchesIn(text)) {
        foundStarts.append(start);
        foundLengths.append(length);
    }
    QCOMPARE(foundStarts, starts);
    QCOMPARE(foundLengths, lengths);
}

void TestMessageFilterProxyModel::commentsShowOnlyWhenAsked()
{
    // Heartbeats are kept as rows from the start, so turning comments on shows the ones that
    // already arrived (and turning them off hides them again), under the live proxy's tester.
    m_model->appendRecord(commentRecord(2, u" heartbeat"_s));
    m_model->flushPending();
    const int withoutComments = m_proxy->rowCount();
    QCOMPARE(withoutComments, m_model->rowCount() - 1);
    m_proxy->setShowComments(true);
    QCOMPARE(m_proxy->rowCount(), m_model->rowCount());
    QCOMPARE(m_proxy->index(m_proxy->rowCount() - 1, MessageModel::DataColumn).data().toString(),
             u": heartbeat"_s);
    m_proxy->setFilterText(u"heart"_s);
    QCOMPARE(m_proxy->rowCount(), 1);
    m_proxy->setShowComments(false);
    QCOMPARE(m_proxy->rowCount(), 0);
}

void TestMessageFilterProxyModel::lifecycleTextFollowsTheFormatter()
{
    // A language switch gives life-cycle rows new text: the filter matches the new text.
    m_proxy->setFilterText(u"bonjour"_s);
    QCOMPARE(m_proxy->rowCount(), 0);
    m_model->setRecordFormatter([](const StreamRecord &) { return u"bonjour"_s; });
    m_proxy->setFilterText(QString());
    m_proxy->setFilterText(u"bonjour"_s);
    QCOMPARE(m_proxy->rowCount(), 1);
    QCOMPARE(m_proxy->index(0, MessageModel::DataColumn).data().toString(), u"bonjour"_s);
}

QTEST_GUILESS_MAIN(TestMessageFilterProxyModel)
#include "tst_messagefilterproxymodel.moc"
