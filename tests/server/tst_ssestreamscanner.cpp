// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <QTest>

#include "ssestreamscanner.h"

using namespace Qt::StringLiterals;

namespace {

const QByteArray StreamHead = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n";

// Feeds `bytes` in pieces of `chunkSize` and returns the offset of the first cut (-1: none).
qsizetype firstCut(const QByteArray &bytes, qsizetype chunkSize)
{
    SseStreamScanner scanner;
    for (qsizetype offset = 0; offset < bytes.size(); offset += chunkSize) {
        const QByteArrayView chunk =
                QByteArrayView(bytes).sliced(offset, std::min(chunkSize, bytes.size() - offset));
        if (const std::optional<qsizetype> cut = scanner.scan(chunk, true))
            return offset + *cut;
    }
    return -1;
}

} // namespace

class TestSseStreamScanner : public QObject
{
    Q_OBJECT

private slots:
    void cutPoint_data();
    void cutPoint();
    void consecutiveCuts();
    void skipThenCut();
};

void TestSseStreamScanner::cutPoint_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("beforeCut"); // empty: no cut point at all

    QTest::addRow("id line") << StreamHead + "id: 1\ndata: a\n\n" << StreamHead + "id: 1\n";
    QTest::addRow("data line") << StreamHead + "data: a\ndata: b\n\n" << StreamHead + "data: a\n";
    QTest::addRow("event line") << StreamHead + "event: tick\ndata: a\n\n"
                                << StreamHead + "event: tick\n";
    QTest::addRow("field without colon") << StreamHead + "data\n\n" << StreamHead + "data\n";
    QTest::addRow("comments and retry first") << StreamHead + ": hi\n\nretry: 5\n\nid: 9\n\n"
                                              << StreamHead + ": hi\n\nretry: 5\n\nid: 9\n";
    QTest::addRow("CRLF") << StreamHead + "data: a\r\n\r\n" << StreamHead + "data: a\r\n";
    QTest::addRow("CR") << StreamHead + "data: a\r\r" << StreamHead + "data: a\r";
    QTest::addRow("not a field name") << StreamHead + "database: x\n\ndata: y\n\n"
                                      << StreamHead + "database: x\n\ndata: y\n";
    QTest::addRow("LF-only head") << QByteArray(
            "HTTP/1.1 200 OK\nContent-Type: text/event-stream\n\n"
            "data: a\n\n")
                                  << QByteArray(
                                             "HTTP/1.1 200 OK\nContent-Type: text/event-stream\n\n"
                                             "data: a\n");
    const QByteArray chunkedHead = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                                   "Transfer-Encoding: chunked\r\n\r\n";
    QTest::addRow("chunked") << chunkedHead + "4\r\n: x\n\r\n8;ext=1\r\ndata: a\n\r\n"
                             << chunkedHead + "4\r\n: x\n\r\n8;ext=1\r\ndata: a\n";
    // A chunk boundary inside a line does not end it.
    QTest::addRow("chunk splits a line") << chunkedHead + "3\r\ndat\r\n5\r\na: a\n\r\n"
                                         << chunkedHead + "3\r\ndat\r\n5\r\na: a\n";
    QTest::addRow("page, then the stream")
            << "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 12\r\n\r\n"
               "data: page\n\n"
                    + StreamHead + "data: s\n\n"
            << "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 12\r\n\r\n"
               "data: page\n\n"
                    + StreamHead + "data: s\n";
    QTest::addRow("100 Continue first")
            << "HTTP/1.1 100 Continue\r\n\r\n" + StreamHead + "data: a\n\n"
            << "HTTP/1.1 100 Continue\r\n\r\n" + StreamHead + "data: a\n";
    QTest::addRow("not an event stream")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\ndata: a\n\n")
            << QByteArray();
    QTest::addRow("gzip") << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                                        "Content-Encoding: gzip\r\n\r\ndata: a\n\n")
                          << QByteArray();
    QTest::addRow("TLS") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 data: a\n\n")
                         << QByteArray();
    QTest::addRow("protocol switch")
            << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\ndata: a\n\n")
            << QByteArray();
}

void TestSseStreamScanner::cutPoint()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, beforeCut);
    // The same bytes split at every point: the cut lands in the same place.
    for (qsizetype chunkSize : { 1, 2, 3, 7, 4096 }) {
        const qsizetype cut = firstCut(bytes, chunkSize);
        QVERIFY2(beforeCut.isEmpty() ? cut == -1 : cut == beforeCut.size(),
                 qPrintable(u"chunk size %1: cut at %2"_s.arg(chunkSize).arg(cut)));
    }
}

void TestSseStreamScanner::consecutiveCuts()
{
    // After a cut the scanner stands right there: the next cut is the next field line.
    const QByteArray bytes = StreamHead + "id: 1\ndata: a\n\n";
    SseStreamScanner scanner;
    QCOMPARE(scanner.scan(bytes, true), std::optional<qsizetype>(StreamHead.size() + 6));
    const QByteArrayView rest = QByteArrayView(bytes).sliced(StreamHead.size() + 6);
    QCOMPARE(scanner.scan(rest, true), std::optional<qsizetype>(8));
    QCOMPARE(scanner.scan(rest.sliced(8), true), std::nullopt);
    QVERIFY(scanner.isInEventStream());
}

void TestSseStreamScanner::skipThenCut()
{
    // Followed without looking for cuts, then asked: the next field line, wherever it starts.
    SseStreamScanner scanner;
    QCOMPARE(scanner.scan(QByteArray(StreamHead + "data: a\n\ndata: b"), false), std::nullopt);
    QCOMPARE(scanner.scan("c\n\n", true), std::optional<qsizetype>(2));
    QVERIFY(!scanner.isOpaque());
}

QTEST_GUILESS_MAIN(TestSseStreamScanner)
#include "tst_ssestreamscanner.moc"
