// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <QTest>

#include "httprequesthead.h"

using namespace Qt::StringLiterals;

using Status = HttpRequestHead::Status;
using TargetForm = HttpRequestHead::TargetForm;

namespace {

// The fields as one comparable list: "Name: value", in arrival order.
QByteArrayList flatten(const HttpRequestHead::HeaderList &headers)
{
    QByteArrayList result;
    for (const auto &[name, value] : headers)
        result << name + ": " + value;
    return result;
}

} // namespace

class TestHttpRequestHead : public QObject
{
    Q_OBJECT
private slots:
    void complete_data();
    void complete();
    void errors_data();
    void errors();
    void neverCompletes_data();
    void neverCompletes();
    void limits_data();
    void limits();
    void headerLookup();
    void pathAndQuery_data();
    void pathAndQuery();
};

void TestHttpRequestHead::complete_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<TargetForm>("form");
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<QByteArrayList>("headers");
    QTest::addColumn<qint64>("contentLength"); // -1: none
    QTest::addColumn<int>("size");

    const QByteArray get = "GET /stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    QTest::newRow("crlf") << get << QByteArray("GET") << QByteArray("/stream") << TargetForm::Origin
                          << QByteArray("HTTP/1.1") << QByteArrayList { "Host: 127.0.0.1" }
                          << qint64(-1) << int(get.size());
    QTest::newRow("bare-lf") << QByteArray("GET / HTTP/1.0\nA: 1\n\n") << QByteArray("GET")
                             << QByteArray("/") << TargetForm::Origin << QByteArray("HTTP/1.0")
                             << QByteArrayList { "A: 1" } << qint64(-1) << 21;
    QTest::newRow("crlf-then-lf") << QByteArray("GET / HTTP/1.1\r\nA: 1\r\n\n") << QByteArray("GET")
                                  << QByteArray("/") << TargetForm::Origin << QByteArray("HTTP/1.1")
                                  << QByteArrayList { "A: 1" } << qint64(-1) << 23;
    QTest::newRow("lf-then-crlf") << QByteArray("GET / HTTP/1.1\nA: 1\n\r\n") << QByteArray("GET")
                                  << QByteArray("/") << TargetForm::Origin << QByteArray("HTTP/1.1")
                                  << QByteArrayList { "A: 1" } << qint64(-1) << 22;
    QTest::newRow("no-fields") << QByteArray("GET /x HTTP/1.1\r\n\r\n") << QByteArray("GET")
                               << QByteArray("/x") << TargetForm::Origin << QByteArray("HTTP/1.1")
                               << QByteArrayList() << qint64(-1) << 19;
    // RFC 9112 §2.2: empty lines before the request line are ignored; they count in size().
    QTest::newRow("leading-empty-lines")
            << QByteArray("\r\n\n\r\nGET / HTTP/1.1\r\n\r\n") << QByteArray("GET")
            << QByteArray("/") << TargetForm::Origin << QByteArray("HTTP/1.1") << QByteArrayList()
            << qint64(-1) << 23;
    QTest::newRow("fields-in-order")
            << QByteArray("GET / HTTP/1.1\r\nB: 2\r\nA:1\r\nb:   spaced  \t\r\nEmpty:\r\n\r\n")
            << QByteArray("GET") << QByteArray("/") << TargetForm::Origin << QByteArray("HTTP/1.1")
            << QByteArrayList { "B: 2", "A: 1", "b: spaced", "Empty: " } << qint64(-1) << 53;
    QTest::newRow("value-with-colons")
            << QByteArray("GET / HTTP/1.1\r\nReferer: http://a:1/b\r\n\r\n") << QByteArray("GET")
            << QByteArray("/") << TargetForm::Origin << QByteArray("HTTP/1.1")
            << QByteArrayList { "Referer: http://a:1/b" } << qint64(-1) << 41;
    QTest::newRow("content-length")
            << QByteArray("POST /s?x=1 HTTP/1.1\r\nContent-Length: 11\r\n\r\nhello world")
            << QByteArray("POST") << QByteArray("/s?x=1") << TargetForm::Origin
            << QByteArray("HTTP/1.1") << QByteArrayList { "Content-Length: 11" } << qint64(11)
            << 44;
    QTest::newRow("content-length-repeated")
            << QByteArray("POST / HTTP/1.1\r\ncontent-length: 0\r\nContent-Length: 0\r\n\r\n")
            << QByteArray("POST") << QByteArray("/") << TargetForm::Origin << QByteArray("HTTP/1.1")
            << QByteArrayList { "content-length: 0", "Content-Length: 0" } << qint64(0) << 57;
    QTest::newRow("token-method") << QByteArray("M-SEARCH! /x HTTP/1.1\r\n\r\n")
                                  << QByteArray("M-SEARCH!") << QByteArray("/x")
                                  << TargetForm::Origin << QByteArray("HTTP/1.1")
                                  << QByteArrayList() << qint64(-1) << 25;
    QTest::newRow("utf8-target") << QByteArray("GET /\xC3\xA9t\xC3\xA9 HTTP/1.1\r\n\r\n")
                                 << QByteArray("GET") << QByteArray("/\xC3\xA9t\xC3\xA9")
                                 << TargetForm::Origin << QByteArray("HTTP/1.1") << QByteArrayList()
                                 << qint64(-1) << 23;
    QTest::newRow("absolute-form")
            << QByteArray("GET http://example.com:8080/stream?a=1 HTTP/1.1\r\nHost: "
                          "example.com:8080\r\n\r\n")
            << QByteArray("GET") << QByteArray("http://example.com:8080/stream?a=1")
            << TargetForm::Absolute << QByteArray("HTTP/1.1")
            << QByteArrayList { "Host: example.com:8080" } << qint64(-1) << 75;
    QTest::newRow("absolute-form-https")
            << QByteArray("POST https://h/ HTTP/1.1\r\n\r\n") << QByteArray("POST")
            << QByteArray("https://h/") << TargetForm::Absolute << QByteArray("HTTP/1.1")
            << QByteArrayList() << qint64(-1) << 28;
    QTest::newRow("authority-form")
            << QByteArray("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n")
            << QByteArray("CONNECT") << QByteArray("example.com:443") << TargetForm::Authority
            << QByteArray("HTTP/1.1") << QByteArrayList { "Host: example.com:443" } << qint64(-1)
            << 59;
    QTest::newRow("authority-form-ipv6")
            << QByteArray("CONNECT [::1]:8080 HTTP/1.1\r\n\r\n") << QByteArray("CONNECT")
            << QByteArray("[::1]:8080") << TargetForm::Authority << QByteArray("HTTP/1.1")
            << QByteArrayList() << qint64(-1) << 31;
    QTest::newRow("http-1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << QByteArray("GET")
                              << QByteArray("/") << TargetForm::Origin << QByteArray("HTTP/1.0")
                              << QByteArrayList() << qint64(-1) << 18;
}

// Each row fed whole and as every prefix a server could have buffered: Incomplete until the
// empty line has arrived, then always the same head, however many body bytes follow.
void TestHttpRequestHead::complete()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(TargetForm, form);
    QFETCH(QByteArray, version);
    QFETCH(QByteArrayList, headers);
    QFETCH(qint64, contentLength);
    QFETCH(int, size);

    for (qsizetype split = 0; split <= request.size(); ++split) {
        const auto result = HttpRequestHead::parse(QByteArrayView(request).first(split));
        if (split < size) {
            QVERIFY2(result.status == Status::Incomplete, qPrintable(u"split %1"_s.arg(split)));
            continue;
        }
        QVERIFY2(result.status == Status::Complete,
                 qPrintable(u"split %1: %2"_s.arg(split).arg(result.errorMessage)));
        const HttpRequestHead &head = result.head;
        QCOMPARE(head.method(), method);
        QCOMPARE(head.target(), target);
        QCOMPARE(head.targetForm(), form);
        QCOMPARE(head.version(), version);
        QCOMPARE(flatten(head.headers()), headers);
        QCOMPARE(head.contentLength().value_or(-1), contentLength);
        QCOMPARE(head.size(), size);
        QCOMPARE(result.errorStatus, 0);
    }
}

void TestHttpRequestHead::errors_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");

    QTest::newRow("garbage") << QByteArray("GARBAGE\r\n\r\n") << 400 << u"request line"_s;
    QTest::newRow("two-words") << QByteArray("GET /stream\r\n\r\n") << 400 << u"request line"_s;
    QTest::newRow("four-words") << QByteArray("GET /a b HTTP/1.1\r\n\r\n") << 400
                                << u"request line"_s;
    QTest::newRow("double-space") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << 400
                                  << u"request line"_s;
    QTest::newRow("leading-space")
            << QByteArray(" GET / HTTP/1.1\r\n\r\n") << 400 << u"request line"_s;
    QTest::newRow("non-token-method")
            << QByteArray("GE(T / HTTP/1.1\r\n\r\n") << 400 << u"request line"_s;
    QTest::newRow("control-in-target")
            << QByteArray("GET /a\x01 HTTP/1.1\r\n\r\n") << 400 << u"request line"_s;
    QTest::newRow("cr-in-target") << QByteArray("GET /a\rb HTTP/1.1\r\n\r\n") << 400
                                  << u"request line"_s;
    QTest::newRow("cr-after-version")
            << QByteArray("GET / HTTP/1.1\r\r\n\r\n") << 400 << u"request line"_s;
    QTest::newRow("no-slash") << QByteArray("GET stream HTTP/1.1\r\n\r\n") << 400
                              << u"request target"_s;
    QTest::newRow("asterisk") << QByteArray("OPTIONS * HTTP/1.1\r\n\r\n") << 400
                              << u"request target"_s;
    QTest::newRow("scheme-only") << QByteArray("GET http: HTTP/1.1\r\n\r\n") << 400
                                 << u"request target"_s;
    QTest::newRow("bad-scheme") << QByteArray("GET 1http://h/ HTTP/1.1\r\n\r\n") << 400
                                << u"request target"_s;
    QTest::newRow("connect-origin")
            << QByteArray("CONNECT / HTTP/1.1\r\n\r\n") << 400 << u"host:port"_s;
    QTest::newRow("connect-no-port")
            << QByteArray("CONNECT example.com HTTP/1.1\r\n\r\n") << 400 << u"host:port"_s;
    QTest::newRow("connect-empty-port")
            << QByteArray("CONNECT example.com: HTTP/1.1\r\n\r\n") << 400 << u"host:port"_s;
    QTest::newRow("connect-big-port")
            << QByteArray("CONNECT example.com:65536 HTTP/1.1\r\n\r\n") << 400 << u"host:port"_s;
    QTest::newRow("connect-userinfo")
            << QByteArray("CONNECT u@example.com:1 HTTP/1.1\r\n\r\n") << 400 << u"host:port"_s;
    QTest::newRow("connect-absolute")
            << QByteArray("CONNECT http://h:1/ HTTP/1.1\r\n\r\n") << 400 << u"host:port"_s;
    QTest::newRow("http2") << QByteArray("GET /stream HTTP/2.0\r\n\r\n") << 505 << u"HTTP/1"_s;
    QTest::newRow("http0.9") << QByteArray("GET /stream HTTP/0.9\r\n\r\n") << 505 << u"HTTP/1"_s;
    QTest::newRow("not-http") << QByteArray("GET /stream FTP/1.0\r\n\r\n") << 400 << u"HTTP/1"_s;
    QTest::newRow("no-colon") << QByteArray("GET / HTTP/1.1\r\nno colon here\r\n\r\n") << 400
                              << u"header line"_s;
    QTest::newRow("empty-name") << QByteArray("GET / HTTP/1.1\r\n: x\r\n\r\n") << 400
                                << u"header line"_s;
    QTest::newRow("space-before-colon")
            << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << 400 << u"header line"_s;
    QTest::newRow("obs-fold") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << 400
                              << u"header line"_s;
    QTest::newRow("obs-fold-tab") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n\tc\r\n\r\n") << 400
                                  << u"header line"_s;
    QTest::newRow("cr-in-value") << QByteArray("GET / HTTP/1.1\r\nA: b\rX-Evil: 1\r\n\r\n") << 400
                                 << u"header line"_s;
    QTest::newRow("nul-in-value") << QByteArray("GET / HTTP/1.1\r\nA: b\0c\r\n\r\n", 27) << 400
                                  << u"header line"_s;
    QTest::newRow("length-not-a-number")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n") << 400
            << u"Content-Length"_s;
    QTest::newRow("length-negative") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n")
                                     << 400 << u"Content-Length"_s;
    QTest::newRow("length-plus") << QByteArray("POST / HTTP/1.1\r\nContent-Length: +1\r\n\r\n")
                                 << 400 << u"Content-Length"_s;
    QTest::newRow("length-list") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1, 1\r\n\r\n")
                                 << 400 << u"Content-Length"_s;
    QTest::newRow("length-conflict")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")
            << 400 << u"Content-Length"_s;
    QTest::newRow("length-overflow")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n") << 400
            << u"Content-Length"_s;
    QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                             << 501 << u"Transfer-Encoding"_s;
    QTest::newRow("chunked-before-bad-line")
            << QByteArray("POST / HTTP/1.1\r\ntransfer-encoding: gzip\r\nbad\r\n\r\n") << 501
            << u"Transfer-Encoding"_s;
    QTest::newRow("body-too-large")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1048577\r\n\r\n") << 413
            << u"too large"_s;
    QTest::newRow("huge-header") << QByteArray(
            "GET / HTTP/1.1\r\nX-Big: " + QByteArray(70 * 1024, 'a') + "\r\n\r\n")
                                 << 431 << u"too large"_s;
    QTest::newRow("endless-header")
            << QByteArray("GET / HTTP/1.1\r\nX-Big: " + QByteArray(70 * 1024, 'a')) << 431
            << u"too large"_s;
    QTest::newRow("endless-empty-lines") << QByteArray(70 * 1024, '\n') << 431 << u"too large"_s;
}

// An error is final: once a prefix gives it, every longer prefix gives the same one, and every
// shorter prefix is merely Incomplete.
void TestHttpRequestHead::errors()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QString, message);

    const auto whole = HttpRequestHead::parse(request);
    QCOMPARE(whole.status, Status::Error);
    QCOMPARE(whole.errorStatus, status);
    QVERIFY2(whole.errorMessage.contains(message), qPrintable(whole.errorMessage));

    // Large rows are checked at a stride: every byte of 70 KiB would be quadratic.
    const qsizetype stride = request.size() > 4096 ? 509 : 1;
    bool failed = false;
    for (qsizetype split = 0; split <= request.size(); split += stride) {
        const auto result = HttpRequestHead::parse(QByteArrayView(request).first(split));
        if (failed) {
            QCOMPARE(result.status, Status::Error);
        } else if (result.status == Status::Error) {
            failed = true;
        } else {
            QVERIFY2(result.status == Status::Incomplete, qPrintable(u"split %1"_s.arg(split)));
            continue;
        }
        QCOMPARE(result.errorStatus, status);
        QCOMPARE(result.errorMessage, whole.errorMessage);
    }
}

void TestHttpRequestHead::neverCompletes_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("nothing") << QByteArray();
    QTest::newRow("empty-lines-only") << QByteArray("\r\n\r\n\n\r\n");
    QTest::newRow("one-line") << QByteArray("GET / HTTP/1.1\r\n");
    QTest::newRow("cr-at-end") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n\r");
    QTest::newRow("bare-cr-lines") << QByteArray("GET / HTTP/1.1\r\r");
}

void TestHttpRequestHead::neverCompletes()
{
    QFETCH(QByteArray, request);
    for (qsizetype split = 0; split <= request.size(); ++split) {
        const auto result = HttpRequestHead::parse(QByteArrayView(request).first(split));
        QCOMPARE(result.status, Status::Incomplete);
        QCOMPARE(result.head.size(), 0);
    }
}

void TestHttpRequestHead::limits_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<qsizetype>("maximumHeadBytes");
    QTest::addColumn<qint64>("maximumBodyBytes");
    QTest::addColumn<int>("status"); // 0: Complete, 1: Incomplete, else the error

    const QByteArray head = "POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n"; // 39 bytes
    QTest::newRow("head-at-limit") << head << qsizetype(39) << qint64(10) << 0;
    QTest::newRow("head-over-limit") << head << qsizetype(38) << qint64(10) << 431;
    QTest::newRow("head-incomplete-at-limit") << head.first(38) << qsizetype(38) << qint64(10) << 1;
    QTest::newRow("head-incomplete-over-limit")
            << head.first(38) << qsizetype(37) << qint64(10) << 431;
    QTest::newRow("body-at-limit") << head << qsizetype(1000) << qint64(10) << 0;
    QTest::newRow("body-over-limit") << head << qsizetype(1000) << qint64(9) << 413;
    QTest::newRow("leading-lines-count")
            << QByteArray("\r\n" + head) << qsizetype(40) << qint64(10) << 431;
    QTest::newRow("default-head-limit")
            << QByteArray() << qsizetype(64 * 1024) << qint64(1024 * 1024) << -1;
}

void TestHttpRequestHead::limits()
{
    QFETCH(QByteArray, request);
    QFETCH(qsizetype, maximumHeadBytes);
    QFETCH(qint64, maximumBodyBytes);
    QFETCH(int, status);

    if (status == -1) {
        // The defaults are the demo server's documented limits.
        const HttpRequestHead::Limits defaults;
        QCOMPARE(defaults.maximumHeadBytes, maximumHeadBytes);
        QCOMPARE(defaults.maximumBodyBytes, maximumBodyBytes);
        return;
    }
    HttpRequestHead::Limits limits;
    limits.maximumHeadBytes = maximumHeadBytes;
    limits.maximumBodyBytes = maximumBodyBytes;
    const auto result = HttpRequestHead::parse(request, limits);
    if (status == 0) {
        QCOMPARE(result.status, Status::Complete);
        QCOMPARE(result.head.contentLength(), std::optional<qint64>(10));
    } else if (status == 1) {
        QCOMPARE(result.status, Status::Incomplete);
    } else {
        QCOMPARE(result.status, Status::Error);
        QCOMPARE(result.errorStatus, status);
    }
}

void TestHttpRequestHead::headerLookup()
{
    const auto result = HttpRequestHead::parse("GET / HTTP/1.1\r\nLast-Event-ID: 7\r\nX: a\r\n"
                                               "x: b\r\nEmpty:\r\n\r\n");
    QCOMPARE(result.status, Status::Complete);
    const HttpRequestHead &head = result.head;
    QCOMPARE(head.header("last-event-id"), QByteArray("7"));
    QCOMPARE(head.header("LAST-EVENT-ID"), QByteArray("7"));
    QCOMPARE(head.header("x"), QByteArray("a")); // the first of repeated fields
    QVERIFY(head.header("Empty").isEmpty());
    QVERIFY(!head.header("Empty").isNull()); // present but empty...
    QVERIFY(head.header("Missing").isNull()); // ...versus absent
}

void TestHttpRequestHead::pathAndQuery_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::newRow("plain") << QByteArray("/stream") << QByteArray("/stream") << QByteArray();
    QTest::newRow("query") << QByteArray("/stream?a=1&b=%20") << QByteArray("/stream")
                           << QByteArray("a=1&b=%20");
    QTest::newRow("two-marks") << QByteArray("/s?a=?") << QByteArray("/s") << QByteArray("a=?");
    QTest::newRow("encoded-path") << QByteArray("/a%2Fb?") << QByteArray("/a%2Fb") << QByteArray();
}

void TestHttpRequestHead::pathAndQuery()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    const auto result = HttpRequestHead::parse(QByteArray("GET " + target + " HTTP/1.1\r\n\r\n"));
    QCOMPARE(result.status, Status::Complete);
    QCOMPARE(result.head.path(), path);
    QCOMPARE(result.head.query(), query);
}

QTEST_GUILESS_MAIN(TestHttpRequestHead)
#include "tst_httprequesthead.moc"
