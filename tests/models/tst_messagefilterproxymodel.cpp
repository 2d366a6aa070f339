// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include <QAbstractItemModelTester>
#include <QTest>

#include "messagefilterproxymodel.h"
#include "messagemodel.h"

using namespace Qt::StringLiterals;

class TestMessageFilterProxyModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void filters_data();
    void filters();
    void invalidRegularExpressionFiltersNothing();
    void liveAppendsAreFiltered();
    void capDropsFromFrontKeepFilterConsistent();

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
            m_model->appendLifecycle(MessageModel::Lifecycle::Reconnecting, 1,
                                     u"hello lifecycle"_s);
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

QTEST_GUILESS_MAIN(TestMessageFilterProxyModel)
#include "tst_messagefilterproxymodel.moc"
