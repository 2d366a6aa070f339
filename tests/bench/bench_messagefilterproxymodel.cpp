// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

// How long one filter change takes over a full tab (100,000 retained rows), the figure the
// user feels when typing in the filter bar. Run on demand: bench_messagefilterproxymodel.

#include <QTest>

#include "messagefilterproxymodel.h"
#include "messagemodel.h"

using namespace Qt::StringLiterals;

class BenchMessageFilterProxyModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void filter_data();
    void filter();
    void appendBatchWhileFiltered();

private:
    MessageModel m_model;
};

void BenchMessageFilterProxyModel::initTestCase()
{
    // ~140 B JSON events, as in the firehose reference stream, with a lifecycle row per 1,000.
    for (int i = 0; i < MessageModel::DefaultMaximumRows; ++i) {
        if (i % 1000 == 999) {
            StreamRecord reconnecting;
            reconnecting.kind = StreamRecord::Kind::Reconnecting;
            reconnecting.connection = i / 1000 + 1;
            reconnecting.attempt = 1;
            reconnecting.delayMs = 3000;
            m_model.appendRecord(reconnecting);
            continue;
        }
        SseEvent event;
        event.type = i % 3 ? u"tick"_s : u"price"_s;
        event.data =
                u"{\"n\":%1,\"symbol\":\"SSE%2\",\"price\":%3,\"time\":\"2026-11-24T08:00:00.000Z\"}"_s
                        .arg(i)
                        .arg(i % 97)
                        .arg(1000 + i % 5000);
        event.lastEventId = QString::number(i);
        event.hasId = true;
        event.connection = i / 1000 + 1;
        m_model.append(event);
    }
    m_model.flushPending();
    QCOMPARE(m_model.rowCount(), MessageModel::DefaultMaximumRows);
}

void BenchMessageFilterProxyModel::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("regex");
    QTest::addRow("text, rare match") << u"SSE96\""_s << false;
    QTest::addRow("text, common match") << u"price"_s << false;
    QTest::addRow("text, no match") << u"needle"_s << false;
    QTest::addRow("regex") << u"\"price\":10\\d\\d,"_s << true;
}

void BenchMessageFilterProxyModel::filter()
{
    QFETCH(QString, text);
    QFETCH(bool, regex);
    MessageFilterProxyModel proxy;
    proxy.setSourceModel(&m_model);
    int rows = 0;
    QBENCHMARK {
        proxy.setFilterText(text, regex);
        rows = proxy.rowCount();
        proxy.setFilterText(QString()); // back to all rows, so every iteration filters anew
    }
    qInfo("%s: %d of %d rows shown", qPrintable(text), rows, m_model.rowCount());
}

void BenchMessageFilterProxyModel::appendBatchWhileFiltered()
{
    // One flush of 3,000 events (100k events/s at ~33 flushes/s) into a full, filtered model:
    // the cap removes 3,000 rows from the front and the proxy maps the new ones.
    MessageFilterProxyModel proxy;
    proxy.setSourceModel(&m_model);
    proxy.setFilterText(u"SSE1"_s);
    int n = 0;
    QBENCHMARK {
        for (int i = 0; i < 3000; ++i) {
            SseEvent event;
            event.type = u"tick"_s;
            ++n;
            event.data = u"{\"n\":%1,\"symbol\":\"SSE%2\"}"_s.arg(n).arg(n % 97);
            m_model.append(event);
        }
        m_model.flushPending();
    }
    QCOMPARE(m_model.rowCount(), MessageModel::DefaultMaximumRows);
}

QTEST_GUILESS_MAIN(BenchMessageFilterProxyModel)
#include "bench_messagefilterproxymodel.moc"
