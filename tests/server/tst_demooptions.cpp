// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <limits>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include "demooptions.h"

using namespace Qt::StringLiterals;
using DemoOptions::Knob;

namespace {

constexpr int IntMax = std::numeric_limits<int>::max();

QString dump(const DemoServer::Options &options)
{
    return QString::fromUtf8(
            QJsonDocument(DemoOptions::toJson(options)).toJson(QJsonDocument::Compact));
}

// Options with every knob at one end of its range (or the other), to round-trip extremes.
DemoServer::Options allAt(bool maximum)
{
    DemoServer::Options options;
    for (const DemoOptions::Spec &spec : DemoOptions::specs()) {
        if (spec.type != DemoOptions::Type::Integer)
            continue;
        const int value = maximum ? spec.maximum : spec.minimum;
        const QString error = DemoOptions::setFromText(options, spec.knob, QString::number(value),
                                                       QString(spec.jsonKey));
        Q_ASSERT(error.isEmpty());
    }
    return options;
}

} // namespace

class TestDemoOptions : public QObject
{
    Q_OBJECT
private slots:
    void tableIsConsistent();
    void namesAreStable();
    void fromQuery_data();
    void fromQuery();
    void fromQueryKeepsTheRest();
    void textForms_data();
    void textForms();
    void validate_data();
    void validate();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void fromJsonRejects_data();
    void fromJsonRejects();
    void fromJsonIgnoresUnknownKeys();
    void settingsRoundTrip();
};

void TestDemoOptions::tableIsConsistent()
{
    QSet<Knob> knobs;
    QSet<QString> queryNames;
    QSet<QString> flagNames;
    QSet<QString> jsonKeys;
    for (const DemoOptions::Spec &spec : DemoOptions::specs()) {
        const QString name = spec.jsonKey;
        QVERIFY2(!knobs.contains(spec.knob), qPrintable(name));
        knobs.insert(spec.knob);
        QCOMPARE(&DemoOptions::spec(spec.knob), &spec);
        // Every name is unique within its form; a query parameter exactly when per request.
        QCOMPARE(spec.queryName.isEmpty(), spec.scope == DemoOptions::Scope::Server);
        if (!spec.queryName.isEmpty()) {
            QVERIFY2(!queryNames.contains(spec.queryName), qPrintable(name));
            queryNames.insert(spec.queryName);
        }
        QVERIFY(!spec.flagName.isEmpty() && !flagNames.contains(spec.flagName));
        flagNames.insert(spec.flagName);
        QVERIFY(!spec.jsonKey.isEmpty() && !jsonKeys.contains(name));
        jsonKeys.insert(name);
        QVERIFY(!spec.valueName.isEmpty());
        // Help is one English sentence without a final period (the CLI appends the default).
        QVERIFY2(!spec.help.isEmpty() && !spec.help.endsWith('.'_L1), qPrintable(name));
        if (spec.type == DemoOptions::Type::Integer) {
            QVERIFY2(spec.minimum >= 0 && spec.minimum < spec.maximum, qPrintable(name));
        } else {
            QCOMPARE(spec.minimum, 0);
            QCOMPARE(spec.maximum, 0);
            QVERIFY(!spec.canBeOff);
        }
    }
    QCOMPARE(knobs.size(), 19);
    // The defaults are valid, and so are both ends of every range.
    QCOMPARE(DemoOptions::validate(DemoServer::Options()), QString());
    QCOMPARE(DemoOptions::validate(allAt(false)), QString());
    QCOMPARE(DemoOptions::validate(allAt(true)), QString());
}

// These names are an interface: saved GUI settings, scripts calling `serve`, URLs in bug
// reports. Renaming one breaks them.
void TestDemoOptions::namesAreStable()
{
    QStringList query;
    QStringList flags;
    QStringList json;
    for (const DemoOptions::Spec &spec : DemoOptions::specs()) {
        if (!spec.queryName.isEmpty())
            query << spec.queryName;
        flags << spec.flagName;
        json << spec.jsonKey;
    }
    QCOMPARE(query,
             (QStringList { u"interval"_s, u"event"_s, u"payload"_s, u"bytes"_s, u"burst"_s,
                            u"retry"_s, u"dropEvery"_s, u"stallAfter"_s, u"heartbeat"_s,
                            u"status"_s, u"retryAfter"_s, u"contentType"_s, u"hold"_s, u"resume"_s,
                            u"firstByteDelay"_s, u"gzip"_s, u"proxyBuffering"_s }));
    QCOMPARE(flags,
             (QStringList { u"port"_s, u"interval"_s, u"event"_s, u"payload"_s, u"bytes"_s,
                            u"burst"_s, u"retry"_s, u"drop-every"_s, u"stall-after"_s,
                            u"heartbeat"_s, u"status"_s, u"retry-after"_s, u"content-type"_s,
                            u"replay-capacity"_s, u"hold"_s, u"resume"_s, u"first-byte-delay"_s,
                            u"gzip"_s, u"proxy-buffering"_s }));
    QCOMPARE(json,
             (QStringList { u"port"_s, u"intervalMs"_s, u"eventType"_s, u"payload"_s,
                            u"payloadBytes"_s, u"burst"_s, u"retryMs"_s, u"dropEvery"_s,
                            u"stallAfter"_s, u"heartbeatMs"_s, u"status"_s, u"retryAfterSeconds"_s,
                            u"contentType"_s, u"replayCapacity"_s, u"holdEvents"_s, u"resume"_s,
                            u"firstByteDelayMs"_s, u"gzip"_s, u"proxyBuffering"_s }));
}

void TestDemoOptions::fromQuery_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<Knob>("knob");
    QTest::addColumn<QString>("expected"); // the knob's text value after the query
    QTest::addColumn<QString>("error"); // empty: valid; else a part of the error

    // Limits at both ends, pinned as numbers so a table edit shows up here.
    const struct
    {
        const char *name;
        Knob knob;
        int minimum;
        int maximum;
    } limits[] = {
        { "interval", Knob::Interval, 0, 86'400'000 },
        { "bytes", Knob::PayloadBytes, 0, 16 * 1024 * 1024 },
        { "burst", Knob::Burst, 1, 100'000 },
        { "retry", Knob::Retry, 0, IntMax },
        { "dropEvery", Knob::DropEvery, 0, IntMax },
        { "stallAfter", Knob::StallAfter, 0, IntMax },
        { "heartbeat", Knob::Heartbeat, 0, 86'400'000 },
        { "status", Knob::Status, 200, 599 },
        { "retryAfter", Knob::RetryAfter, 0, IntMax },
        { "hold", Knob::Hold, 0, 100'000 },
        { "firstByteDelay", Knob::FirstByteDelay, 0, 60'000 },
        { "gzip", Knob::Gzip, 0, 1 },
        { "proxyBuffering", Knob::ProxyBuffering, 0, 1 },
    };
    for (const auto &limit : limits) {
        const QString name = QString::fromLatin1(limit.name);
        const QString minimum = QString::number(limit.minimum);
        const QString maximum = QString::number(limit.maximum);
        const QString mustBe = QString(name + u" must be an integer"_s);
        const auto query = [&name](const QString &value) { return QString(name + u'=' + value); };
        QTest::addRow("%s-minimum", limit.name)
                << query(minimum) << limit.knob << minimum << QString();
        QTest::addRow("%s-maximum", limit.name)
                << query(maximum) << limit.knob << maximum << QString();
        QTest::addRow("%s-below", limit.name)
                << query(QString::number(qint64(limit.minimum) - 1)) << limit.knob << QString()
                << QString(mustBe + u" from "_s + minimum + u" to "_s + maximum + u", not \""_s);
        QTest::addRow("%s-above", limit.name) << query(QString::number(qint64(limit.maximum) + 1))
                                              << limit.knob << QString() << mustBe;
        QTest::addRow("%s-text", limit.name)
                << query(u"abc"_s) << limit.knob << QString() << mustBe;
        QTest::addRow("%s-empty", limit.name)
                << query(QString()) << limit.knob << QString() << mustBe;
        QTest::addRow("%s-plus", limit.name)
                << query(u"%2B5"_s) << limit.knob << QString() << u"not \"+5\""_s;
        QTest::addRow("%s-space", limit.name)
                << query(u"%205"_s) << limit.knob << QString() << mustBe;
        QTest::addRow("%s-fraction", limit.name)
                << query(u"1.5"_s) << limit.knob << QString() << mustBe;
        QTest::addRow("%s-huge", limit.name)
                << query(u"99999999999999999999"_s) << limit.knob << QString() << mustBe;
    }
    QTest::newRow("retry-off-is-not-a-value")
            << u"retry=-1"_s << Knob::Retry << QString() << u"retry must be"_s;

    QTest::newRow("event") << u"event=tick"_s << Knob::EventType << u"tick"_s << QString();
    QTest::newRow("event-list") << u"event=tick,tock"_s << Knob::EventType << u"tick,tock"_s
                                << QString();
    QTest::newRow("event-encoded")
            << u"event=%E4%BA%8B%20x"_s << Knob::EventType << u"事 x"_s << QString();
    QTest::newRow("event-empty") << u"event="_s << Knob::EventType << QString() << QString();
    QTest::newRow("event-lf") << u"event=a%0Ab"_s << Knob::EventType << QString()
                              << u"event must not contain line breaks"_s;
    QTest::newRow("event-cr") << u"event=a%0Db"_s << Knob::EventType << QString()
                              << u"event must not contain line breaks"_s;
    QTest::newRow("event-nul") << u"event=a%00b"_s << Knob::EventType << QString()
                               << u"event must not contain line breaks"_s;

    for (const char *name : { "timestamp", "json", "tokens", "large" })
        QTest::addRow("payload-%s", name)
                << QString(u"payload="_s + QString::fromLatin1(name)) << Knob::Payload
                << QString::fromLatin1(name) << QString();
    QTest::newRow("payload-case") << u"payload=JSON"_s << Knob::Payload << u"json"_s << QString();
    QTest::newRow("payload-unknown")
            << u"payload=video"_s << Knob::Payload << QString()
            << u"payload must be timestamp, json, tokens or large, not \"video\""_s;
    QTest::newRow("payload-empty")
            << u"payload="_s << Knob::Payload << QString() << u"payload must be"_s;

    for (const char *name : { "replay", "ignore", "full", "restart" })
        QTest::addRow("resume-%s", name) << QString(u"resume="_s + QString::fromLatin1(name))
                                         << Knob::Resume << QString::fromLatin1(name) << QString();
    QTest::newRow("resume-case") << u"resume=Ignore"_s << Knob::Resume << u"ignore"_s << QString();
    QTest::newRow("resume-unknown")
            << u"resume=maybe"_s << Knob::Resume << QString()
            << u"resume must be replay, ignore, full or restart, not \"maybe\""_s;

    QTest::newRow("content-type") << u"contentType=text%2Fhtml"_s << Knob::ContentType
                                  << u"text/html"_s << QString();
    QTest::newRow("content-type-empty")
            << u"contentType="_s << Knob::ContentType << QString() << QString();
    QTest::newRow("content-type-injected")
            << u"contentType=a%0D%0AX-Evil:%201"_s << Knob::ContentType << QString()
            << u"contentType must not contain line breaks"_s;

    // The first bad parameter (in table order) is the one named.
    QTest::newRow("first-error-wins")
            << u"status=1&interval=x"_s << Knob::Interval << QString() << u"interval must be"_s;
}

void TestDemoOptions::fromQuery()
{
    QFETCH(QString, query);
    QFETCH(Knob, knob);
    QFETCH(QString, expected);
    QFETCH(QString, error);

    const DemoServer::Options base;
    const DemoOptions::QueryResult result = DemoOptions::fromQuery(QUrlQuery(query), base);
    if (error.isEmpty()) {
        QVERIFY2(result.isValid(), qPrintable(result.error));
        QCOMPARE(DemoOptions::textValue(result.options, knob), expected);
        QCOMPARE(DemoOptions::validate(result.options), QString());
    } else {
        QVERIFY(!result.isValid());
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
    }
}

void TestDemoOptions::fromQueryKeepsTheRest()
{
    DemoServer::Options base;
    base.port = 8080;
    base.intervalMs = 250;
    base.eventType = u"update"_s;
    base.replayCapacity = 7;
    const auto result = DemoOptions::fromQuery(
            QUrlQuery(u"burst=3&port=1&replayCapacity=1&x=1&retry=10"_s), base);
    QVERIFY2(result.isValid(), qPrintable(result.error));
    QCOMPARE(result.options.burst, 3);
    QCOMPARE(result.options.retryMs, 10);
    // Not query parameters: the listening port and the replay buffer are the server's.
    QCOMPARE(result.options.port, 8080);
    QCOMPARE(result.options.replayCapacity, 7);
    QCOMPARE(result.options.intervalMs, 250);
    QCOMPARE(result.options.eventType, u"update"_s);
    // An empty query is the base itself.
    QCOMPARE(dump(DemoOptions::fromQuery(QUrlQuery(), base).options), dump(base));
}

void TestDemoOptions::textForms_data()
{
    QTest::addColumn<Knob>("knob");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("port-0") << Knob::Port << u"0"_s << QString();
    QTest::newRow("port-65535") << Knob::Port << u"65535"_s << QString();
    QTest::newRow("port-65536") << Knob::Port << u"65536"_s
                                << u"--port must be an integer from 0 to 65535, not \"65536\""_s;
    QTest::newRow("replay-0") << Knob::ReplayCapacity << u"0"_s << QString();
    QTest::newRow("replay-1000000") << Knob::ReplayCapacity << u"1000000"_s << QString();
    QTest::newRow("replay-too-big") << Knob::ReplayCapacity << u"1000001"_s
                                    << u"--replay-capacity must be an integer from 0 to 1000000"_s;
    QTest::newRow("retry-after") << Knob::RetryAfter << u"30"_s << QString();
}

// The command-line form: the same parser as the query, with the flag as the name.
void TestDemoOptions::textForms()
{
    QFETCH(Knob, knob);
    QFETCH(QString, text);
    QFETCH(QString, error);
    DemoServer::Options options;
    const QString before = dump(options);
    const QString name = u"--"_s + DemoOptions::spec(knob).flagName;
    const QString result = DemoOptions::setFromText(options, knob, text, name);
    if (error.isEmpty()) {
        QCOMPARE(result, QString());
        QCOMPARE(DemoOptions::textValue(options, knob), text);
        QCOMPARE(DemoOptions::integerValue(options, knob), text.toInt());
    } else {
        QVERIFY2(result.startsWith(error), qPrintable(result));
        QCOMPARE(dump(options), before); // unchanged on error
    }
}

void TestDemoOptions::validate_data()
{
    QTest::addColumn<Knob>("knob");
    QTest::addColumn<int>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("interval-negative") << Knob::Interval << -1 << false;
    QTest::newRow("interval-too-long") << Knob::Interval << 86'400'001 << false;
    QTest::newRow("retry-off") << Knob::Retry << -1 << true;
    QTest::newRow("retry-below-off") << Knob::Retry << -2 << false;
    QTest::newRow("retry-after-off") << Knob::RetryAfter << -1 << true;
    QTest::newRow("drop-negative") << Knob::DropEvery << -1 << false;
    QTest::newRow("burst-zero") << Knob::Burst << 0 << false;
    QTest::newRow("status-42") << Knob::Status << 42 << false;
    QTest::newRow("status-199") << Knob::Status << 199 << false;
    QTest::newRow("status-600") << Knob::Status << 600 << false;
    QTest::newRow("replay-negative") << Knob::ReplayCapacity << -1 << false;
    QTest::newRow("bytes-too-large") << Knob::PayloadBytes << 16 * 1024 * 1024 + 1 << false;
}

void TestDemoOptions::validate()
{
    QFETCH(Knob, knob);
    QFETCH(int, value);
    QFETCH(bool, valid);
    // Options fields are plain ints: set the raw value, bypassing every parser.
    DemoServer::Options options;
    switch (knob) {
    case Knob::Interval:
        options.intervalMs = value;
        break;
    case Knob::Retry:
        options.retryMs = value;
        break;
    case Knob::RetryAfter:
        options.retryAfterSeconds = value;
        break;
    case Knob::DropEvery:
        options.dropEvery = value;
        break;
    case Knob::Burst:
        options.burst = value;
        break;
    case Knob::Status:
        options.status = value;
        break;
    case Knob::ReplayCapacity:
        options.replayCapacity = value;
        break;
    case Knob::PayloadBytes:
        options.payloadBytes = value;
        break;
    default:
        QFAIL("add the knob to the switch");
    }
    QCOMPARE(DemoOptions::integerValue(options, knob), value);
    const QString problem = DemoOptions::validate(options);
    QCOMPARE(problem.isEmpty(), valid);
    if (!valid) {
        const QString key = DemoOptions::spec(knob).jsonKey;
        QVERIFY2(problem.startsWith(key + u" must be"_s), qPrintable(problem));
    }

    // DemoServer::start() applies the same check.
    DemoServer server;
    QCOMPARE(server.start(options), valid);
    if (!valid)
        QCOMPARE(server.errorString(), problem);
}

void TestDemoOptions::jsonRoundTrip_data()
{
    QTest::addColumn<DemoServer::Options>("options");
    QTest::newRow("defaults") << DemoServer::Options();
    QTest::newRow("all-minimum") << allAt(false);
    QTest::newRow("all-maximum") << allAt(true);
    DemoServer::Options custom;
    custom.port = 8080;
    custom.intervalMs = 0;
    custom.eventType = u"tick,tock,事件"_s;
    custom.payload = DemoServer::Payload::Large;
    custom.payloadBytes = 5000;
    custom.retryMs = 0;
    custom.retryAfterSeconds = 0;
    custom.contentType = QByteArrayLiteral("text/plain");
    custom.heartbeatMs = 15'000;
    custom.status = 503;
    custom.replayCapacity = 0;
    custom.holdEvents = 5;
    custom.resume = DemoServer::Resume::Restart;
    custom.firstByteDelayMs = 1500;
    custom.gzip = true;
    custom.proxyBuffering = true;
    QTest::newRow("custom") << custom;
    DemoServer::Options empty;
    empty.contentType.clear(); // no Content-Type header at all
    empty.payload = DemoServer::Payload::Tokens;
    QTest::newRow("empty-content-type") << empty;
    for (DemoServer::Payload payload :
         { DemoServer::Payload::Timestamp, DemoServer::Payload::JsonCounter }) {
        DemoServer::Options options;
        options.payload = payload;
        QTest::addRow("payload-%s", qPrintable(DemoServer::payloadName(payload))) << options;
    }
}

void TestDemoOptions::jsonRoundTrip()
{
    QFETCH(DemoServer::Options, options);
    const QJsonObject json = DemoOptions::toJson(options);
    QCOMPARE(json.size(), qsizetype(DemoOptions::specs().size()));
    // Through text, as a settings file or a test file would store it.
    const QJsonObject reread = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
    QStringList problems;
    const DemoServer::Options back = DemoOptions::fromJson(reread, &problems);
    QCOMPARE(problems, QStringList());
    QCOMPARE(dump(back), dump(options));
    QCOMPARE(back.contentType, options.contentType);
    QCOMPARE(back.eventType, options.eventType);
}

void TestDemoOptions::fromJsonRejects_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("problem");
    QTest::newRow("interval-negative")
            << u"intervalMs"_s << QJsonValue(-1)
            << u"intervalMs must be an integer from 0 to 86400000, not -1"_s;
    QTest::newRow("interval-too-long")
            << u"intervalMs"_s << QJsonValue(86'400'001) << u"intervalMs must be"_s;
    QTest::newRow("interval-fraction")
            << u"intervalMs"_s << QJsonValue(1.5) << u"intervalMs must be an integer"_s;
    QTest::newRow("interval-huge")
            << u"intervalMs"_s << QJsonValue(1e300) << u"intervalMs must be"_s;
    QTest::newRow("interval-bool")
            << u"intervalMs"_s << QJsonValue(true) << u"intervalMs must be"_s;
    QTest::newRow("interval-text") << u"intervalMs"_s << QJsonValue(u"soon"_s) << u"not \"soon\""_s;
    QTest::newRow("port-too-big") << u"port"_s << QJsonValue(70000) << u"port must be"_s;
    QTest::newRow("retry-below-off") << u"retryMs"_s << QJsonValue(-2)
                                     << u"retryMs must be an integer from 0 to 2147483647 (or -1 "
                                        "for off), not -2"_s;
    QTest::newRow("retry-too-big") << u"retryMs"_s << QJsonValue(3e9) << u"retryMs must be"_s;
    QTest::newRow("burst-zero") << u"burst"_s << QJsonValue(0) << u"burst must be"_s;
    QTest::newRow("status-100") << u"status"_s << QJsonValue(100) << u"status must be"_s;
    QTest::newRow("payload-unknown")
            << u"payload"_s << QJsonValue(u"video"_s) << u"payload must be timestamp"_s;
    QTest::newRow("payload-number")
            << u"payload"_s << QJsonValue(1) << u"payload must be a string"_s;
    QTest::newRow("event-array") << u"eventType"_s << QJsonValue(QJsonArray { u"a"_s })
                                 << u"eventType must be a string"_s;
    QTest::newRow("event-line-break") << u"eventType"_s << QJsonValue(u"a\nb"_s)
                                      << u"eventType must not contain line breaks"_s;
    QTest::newRow("content-type-line-break") << u"contentType"_s << QJsonValue(u"a\r\nX: y"_s)
                                             << u"contentType must not contain line breaks"_s;
    QTest::newRow("replay-null") << u"replayCapacity"_s << QJsonValue() << u"replayCapacity must"_s;
}

// A bad value is reported and that knob keeps its default; the other knobs still load.
void TestDemoOptions::fromJsonRejects()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, problem);
    QJsonObject object { { u"burst"_s, 7 }, { u"eventType"_s, u"ok"_s }, { u"status"_s, 204 } };
    object.insert(key, value);
    QStringList problems;
    const DemoServer::Options options = DemoOptions::fromJson(object, &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.constFirst().contains(problem), qPrintable(problems.constFirst()));
    const QJsonObject defaults = DemoOptions::toJson(DemoServer::Options());
    QCOMPARE(DemoOptions::toJson(options).value(key), defaults.value(key));
    if (key != u"burst"_s)
        QCOMPARE(options.burst, 7);
    if (key != u"eventType"_s)
        QCOMPARE(options.eventType, u"ok"_s);
    if (key != u"status"_s)
        QCOMPARE(options.status, 204);
    QCOMPARE(DemoOptions::validate(options), QString());
    // Without a list to fill, it is the same, silently.
    QCOMPARE(dump(DemoOptions::fromJson(object)), dump(options));
}

void TestDemoOptions::fromJsonIgnoresUnknownKeys()
{
    QStringList problems;
    const DemoServer::Options options = DemoOptions::fromJson(
            QJsonObject { { u"running"_s, true }, { u"interval"_s, 5 }, { u"future"_s, u"x"_s } },
            &problems);
    QCOMPARE(problems, QStringList());
    QCOMPARE(dump(options), dump(DemoServer::Options()));
    QCOMPARE(dump(DemoOptions::fromJson(QJsonObject())), dump(DemoServer::Options()));
}

// The GUI keeps the JSON form key by key in a QSettings group, next to its own keys; INI
// files give every number back as text. Settings written before the schema existed used the
// same keys, so they load too.
void TestDemoOptions::settingsRoundTrip()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(u"settings.ini"_s);
    const QString oldPath = directory.filePath(u"old.ini"_s);
    DemoServer::Options options;
    options.intervalMs = 250;
    options.retryMs = -1;
    options.retryAfterSeconds = 30;
    options.eventType = u"tick,tock"_s;
    options.payload = DemoServer::Payload::JsonCounter;
    options.contentType = QByteArrayLiteral("text/event-stream");
    {
        QSettings settings(path, QSettings::IniFormat);
        settings.beginGroup(u"demo"_s);
        settings.setValue(u"running"_s, true);
        const QVariantMap map = DemoOptions::toJson(options).toVariantMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            settings.setValue(it.key(), it.value());
    }
    {
        // An old file: some keys only, numbers as text, no replayCapacity.
        QSettings settings(oldPath, QSettings::IniFormat);
        settings.beginGroup(u"demo"_s);
        settings.setValue(u"intervalMs"_s, u"250"_s);
        settings.setValue(u"retryMs"_s, u"-1"_s);
        settings.setValue(u"payload"_s, u"json"_s);
        settings.setValue(u"running"_s, u"true"_s);
    }
    for (const QString &file : { path, oldPath }) {
        QSettings settings(file, QSettings::IniFormat);
        settings.beginGroup(u"demo"_s);
        QVariantMap map;
        for (const QString &key : settings.childKeys())
            map.insert(key, settings.value(key));
        QStringList problems;
        const DemoServer::Options back =
                DemoOptions::fromJson(QJsonObject::fromVariantMap(map), &problems);
        QCOMPARE(problems, QStringList());
        QCOMPARE(back.intervalMs, 250);
        QCOMPARE(back.retryMs, -1);
        QCOMPARE(back.payload, DemoServer::Payload::JsonCounter);
        if (file == path)
            QCOMPARE(dump(back), dump(options));
        else
            QCOMPARE(back.replayCapacity, DemoServer::Options().replayCapacity);
    }
}

QTEST_GUILESS_MAIN(TestDemoOptions)
#include "tst_demooptions.moc"
