// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "jsonpointer.h"

using namespace Qt::StringLiterals;

class TestJsonPointer : public QObject
{
    Q_OBJECT

private slots:
    void value_data();
    void value();
};

void TestJsonPointer::value_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QByteArray>("expected"); // compact JSON in an array; empty = undefined

    // RFC 6901 §5's examples, and what does not resolve.
    QTest::addRow("whole document")
            << QString() << QByteArray("[{\"a/b\":1,\"foo\":[\"bar\",\"baz\"],\"m~n\":8}]");
    QTest::addRow("member") << u"/foo"_s << QByteArray("[[\"bar\",\"baz\"]]");
    QTest::addRow("array index") << u"/foo/0"_s << QByteArray("[\"bar\"]");
    QTest::addRow("escaped slash") << u"/a~1b"_s << QByteArray("[1]");
    QTest::addRow("escaped tilde") << u"/m~0n"_s << QByteArray("[8]");
    QTest::addRow("missing member") << u"/nope"_s << QByteArray();
    QTest::addRow("index past the end") << u"/foo/2"_s << QByteArray();
    QTest::addRow("leading zero") << u"/foo/01"_s << QByteArray();
    QTest::addRow("not an index") << u"/foo/x"_s << QByteArray();
    QTest::addRow("into a scalar") << u"/a~1b/c"_s << QByteArray();
    QTest::addRow("no leading slash") << u"foo"_s << QByteArray();
}

void TestJsonPointer::value()
{
    QFETCH(QString, pointer);
    QFETCH(QByteArray, expected);
    const QJsonValue root =
            QJsonDocument::fromJson(R"({"foo":["bar","baz"],"a/b":1,"m~n":8})").object();
    const QJsonValue value = JsonPointer::value(root, pointer);
    QCOMPARE(JsonPointer::isValid(pointer), pointer.isEmpty() || pointer.startsWith(u'/'));
    if (expected.isEmpty()) {
        QVERIFY(value.isUndefined());
        return;
    }
    QCOMPARE(QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact), expected);
}

QTEST_GUILESS_MAIN(TestJsonPointer)
#include "tst_jsonpointer.moc"
