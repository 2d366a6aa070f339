// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <QJsonDocument>
#include <QMetaEnum>
#include <QTest>

#include "proxyfault.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

QJsonObject object(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestProxyFault : public QObject
{
    Q_OBJECT

private slots:
    void names();
    void fromJson_data();
    void fromJson();
    void invalid_data();
    void invalid();
    void roundTrip_data();
    void roundTrip();
    void parameterRangesAreWhatValidateAccepts();
};

void TestProxyFault::names()
{
    const QMetaEnum kinds = QMetaEnum::fromType<ProxyFault::Kind>();
    for (int i = 0; i < kinds.keyCount(); ++i) {
        const auto kind = ProxyFault::Kind(kinds.value(i));
        QCOMPARE(ProxyFault::kindFromName(ProxyFault::kindName(kind)), kind);
    }
    for (auto direction : { ProxyFault::Direction::Downstream, ProxyFault::Direction::Upstream,
                            ProxyFault::Direction::Both })
        QCOMPARE(ProxyFault::directionFromName(ProxyFault::directionName(direction)), direction);
    QCOMPARE(ProxyFault::kindFromName(u"Latency"_s), std::nullopt); // exact names only
}

void TestProxyFault::fromJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<ProxyFault>("expected");

    ProxyFault latency;
    latency.kind = ProxyFault::Kind::Latency;
    latency.latency = 200ms;
    latency.jitter = 50ms;
    QTest::addRow("latency, defaults: downstream, all")
            << QByteArray(R"({"type": "latency", "latencyMs": 200, "jitterMs": 50})") << latency;

    ProxyFault bandwidth;
    bandwidth.kind = ProxyFault::Kind::Bandwidth;
    bandwidth.bytesPerSecond = 1000;
    bandwidth.direction = ProxyFault::Direction::Both;
    bandwidth.connection = 7;
    QTest::addRow("bandwidth on one connection")
            << QByteArray(R"({"type": "bandwidth", "bytesPerSecond": 1000, "direction": "both",
                              "connection": 7})")
            << bandwidth;

    ProxyFault slicer;
    slicer.kind = ProxyFault::Kind::Slicer;
    slicer.delay = 10ms;
    QTest::addRow("slicer defaults") << QByteArray(R"({"type": "slicer"})") << slicer;

    ProxyFault closeAfter;
    closeAfter.kind = ProxyFault::Kind::CloseAfterBytes;
    closeAfter.bytes = 4096;
    closeAfter.direction = ProxyFault::Direction::Upstream;
    QTest::addRow("close after bytes upstream")
            << QByteArray(R"({"type": "closeAfterBytes", "bytes": 4096, "direction": "upstream",
                              "connection": "all"})")
            << closeAfter;

    ProxyFault down;
    down.kind = ProxyFault::Kind::Down;
    down.duration = 30s;
    QTest::addRow("down for 30 s")
            << QByteArray(R"({"type": "down", "durationMs": 30000})") << down;

    ProxyFault cut;
    cut.kind = ProxyFault::Kind::Cut;
    cut.connection = 3;
    QTest::addRow("cut one") << QByteArray(R"({"type": "cut", "connection": 3})") << cut;
}

void TestProxyFault::fromJson()
{
    QFETCH(QByteArray, json);
    QFETCH(ProxyFault, expected);
    QString error;
    const std::optional<ProxyFault> fault = ProxyFault::fromJson(object(json), &error);
    QVERIFY2(fault, qPrintable(error));
    QCOMPARE(*fault, expected);
}

void TestProxyFault::invalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");

    QTest::addRow("no type") << QByteArray(R"({"latencyMs": 5})") << u"\"type\""_s;
    QTest::addRow("unknown type") << QByteArray(R"({"type": "lag"})") << u"unknown fault type"_s;
    QTest::addRow("typo in a key")
            << QByteArray(R"({"type": "latency", "latency": 5})") << u"unknown key \"latency\""_s;
    QTest::addRow("key of another kind")
            << QByteArray(R"({"type": "stall", "bytes": 5})") << u"unknown key \"bytes\""_s;
    QTest::addRow("text for a number")
            << QByteArray(R"({"type": "latency", "latencyMs": "5"})") << u"whole number"_s;
    QTest::addRow("fraction") << QByteArray(R"({"type": "latency", "latencyMs": 1.5})")
                              << u"whole number"_s;
    QTest::addRow("negative") << QByteArray(R"({"type": "latency", "latencyMs": -1})")
                              << u"latencyMs must be from 0"_s;
    QTest::addRow("zero bandwidth")
            << QByteArray(R"({"type": "bandwidth"})") << u"bytesPerSecond must be from 1"_s;
    QTest::addRow("bad direction")
            << QByteArray(R"({"type": "stall", "direction": "down"})") << u"\"direction\""_s;
    QTest::addRow("bad connection")
            << QByteArray(R"({"type": "stall", "connection": "first"})") << u"\"connection\""_s;
    QTest::addRow("connection zero")
            << QByteArray(R"({"type": "stall", "connection": 0})") << u"\"connection\""_s;
    QTest::addRow("cut mid-event upstream")
            << QByteArray(R"({"type": "cutMidEvent", "direction": "upstream"})") << u"downstream"_s;
    QTest::addRow("down for one connection")
            << QByteArray(R"({"type": "down", "connection": 2})") << u"all connections"_s;
}

void TestProxyFault::invalid()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!ProxyFault::fromJson(object(json), &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestProxyFault::roundTrip_data()
{
    QTest::addColumn<ProxyFault>("fault");
    const QMetaEnum kinds = QMetaEnum::fromType<ProxyFault::Kind>();
    for (int i = 0; i < kinds.keyCount(); ++i) {
        ProxyFault fault;
        fault.kind = ProxyFault::Kind(kinds.value(i));
        fault.id = 12;
        fault.connection = fault.kind == ProxyFault::Kind::Down ? 0 : 4;
        fault.latency = 100ms;
        fault.jitter = 10ms;
        fault.bytesPerSecond = 512;
        fault.maximumPieceBytes = 3;
        fault.delay = 20ms;
        fault.bytes = 99;
        fault.duration = 1500ms;
        QTest::addRow("%s", kinds.key(i)) << fault;
    }
}

void TestProxyFault::roundTrip()
{
    QFETCH(ProxyFault, fault);
    const QJsonObject json = fault.toJson();
    QCOMPARE(json.value("id"_L1).toInt(), 12);
    QVERIFY(!json.value("description"_L1).toString().isEmpty());
    QString error;
    const std::optional<ProxyFault> back = ProxyFault::fromJson(json, &error);
    QVERIFY2(back, qPrintable(error));
    // Only the kind's own parameters travel; the others keep their defaults.
    QCOMPARE(back->toJson(), [&] {
        QJsonObject withoutId = json;
        withoutId.remove("id"_L1);
        withoutId.insert("description"_L1, back->description());
        return withoutId;
    }());
    QCOMPARE(back->kind, fault.kind);
    QCOMPARE(back->connection, fault.connection);
}

void TestProxyFault::parameterRangesAreWhatValidateAccepts()
{
    // Faces (the app's fault controls) take their limits from parameterRanges(): each limit
    // must pass validate() and one step beyond it must not.
    const QMetaEnum kinds = QMetaEnum::fromType<ProxyFault::Kind>();
    for (int i = 0; i < kinds.keyCount(); ++i) {
        const auto kind = ProxyFault::Kind(kinds.value(i));
        const QList<ProxyFault::ParameterRange> ranges = ProxyFault::parameterRanges(kind);
        ProxyFault fault;
        fault.kind = kind;
        for (const ProxyFault::ParameterRange &range : ranges)
            fault.setParameter(range.key, range.minimum);
        QVERIFY2(fault.validate().isEmpty(), qPrintable(fault.validate()));
        QCOMPARE(fault.toJson().size(), 4 + ranges.size()); // type, direction, connection, text
        for (const ProxyFault::ParameterRange &range : ranges) {
            QVERIFY(range.minimum <= range.maximum);
            ProxyFault edge = fault;
            edge.setParameter(range.key, range.maximum);
            QCOMPARE(edge.parameter(range.key), range.maximum);
            QVERIFY2(edge.validate().isEmpty(), qPrintable(edge.validate()));
            QVERIFY(edge.toJson().contains(range.key));
            edge.setParameter(range.key, range.maximum + 1);
            QVERIFY(!edge.validate().isEmpty());
            edge.setParameter(range.key, range.minimum - 1);
            QVERIFY(!edge.validate().isEmpty());
        }
    }
    ProxyFault latency;
    latency.setParameter("latencyMs"_L1, 250);
    QCOMPARE(latency.latency, 250ms);
    latency.setParameter("noSuchKey"_L1, 5);
    QCOMPARE(latency.parameter("noSuchKey"_L1), 0);
}

QTEST_GUILESS_MAIN(TestProxyFault)
#include "tst_proxyfault.moc"
