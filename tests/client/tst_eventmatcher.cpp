// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <QTest>

#include "eventmatcher.h"

using namespace Qt::StringLiterals;

class TestEventMatcher : public QObject
{
    Q_OBJECT

private slots:
    void matches_data();
    void matches();
    void invalid_data();
    void invalid();
};

void TestEventMatcher::matches_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("data");
    QTest::addColumn<bool>("matches");

    const QString message = u"message"_s;
    QTest::addRow("sentinel is not a character class")
            << u"[DONE]"_s << message << u"[DONE]"_s << true;
    QTest::addRow("sentinel, other data") << u"[DONE]"_s << message << u"D"_s << false;
    QTest::addRow("plain text names a type")
            << u"message_stop"_s << u"message_stop"_s << u"{}"_s << true;
    QTest::addRow("plain text is whole") << u"stop"_s << u"message_stop"_s << u"stop!"_s << false;
    QTest::addRow("event: prefix") << u"event:done"_s << u"done"_s << u"x"_s << true;
    QTest::addRow("event: prefix ignores data") << u"event:done"_s << message << u"done"_s << false;
    QTest::addRow("data: prefix") << u"data:bye"_s << message << u"bye"_s << true;
    QTest::addRow("data: may be empty") << u"data:"_s << message << QString() << true;
    QTest::addRow("regex search") << uR"(/"done":\s*true/)"_s << message
                                  << uR"({"x":1, "done": true})"_s << true;
    QTest::addRow("regex miss") << uR"(/"done":\s*true/)"_s << message << uR"({"done":false})"_s
                                << false;
    QTest::addRow("regex anchors") << u"/^bye$/"_s << message << u"goodbye"_s << false;
}

void TestEventMatcher::matches()
{
    QFETCH(QString, spec);
    QFETCH(QString, type);
    QFETCH(QString, data);
    QFETCH(bool, matches);
    QString error;
    const std::optional<EventMatcher> matcher = EventMatcher::parse(spec, &error);
    QVERIFY2(matcher, qPrintable(error));
    SseEvent event;
    event.type = type;
    event.data = data;
    QCOMPARE(matcher->matches(event), matches);
    QCOMPARE(matcher->spec(), spec);
}

void TestEventMatcher::invalid_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("error");
    QTest::addRow("empty") << QString() << u"empty"_s;
    QTest::addRow("event without a name") << u"event:"_s << u"event type"_s;
    QTest::addRow("broken regex") << u"/(unclosed/"_s << u"regular expression"_s;
}

void TestEventMatcher::invalid()
{
    QFETCH(QString, spec);
    QFETCH(QString, error);
    QString message;
    QVERIFY(!EventMatcher::parse(spec, &message));
    QVERIFY2(message.contains(error), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestEventMatcher)
#include "tst_eventmatcher.moc"
