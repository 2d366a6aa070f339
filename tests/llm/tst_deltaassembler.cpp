// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <QJsonArray>
#include <QTest>

#include "deltaassembler.h"
#include "endmarkerdetector.h"
#include "llmfixtures.h"
#include "profiledetector.h"

using namespace Qt::StringLiterals;

namespace {

qint64 measure(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    return value.isDouble() ? value.toInteger() : -1;
}

CustomProfile customOf(const QJsonObject &expected)
{
    const QJsonObject custom = expected.value("custom"_L1).toObject();
    CustomProfile profile;
    profile.text = custom.value("text"_L1).toString();
    profile.reasoning = custom.value("reasoning"_L1).toString();
    profile.toolCallId = custom.value("toolCallId"_L1).toString();
    profile.toolCallName = custom.value("toolCallName"_L1).toString();
    profile.toolCallArguments = custom.value("toolCallArguments"_L1).toString();
    return profile;
}

// What feeding a fixture gives, the way the reader and the analyzer see it: the profile decided
// on the way, every event merged up to the end marker, which ends the stream.
struct Merged
{
    StreamProfile::Kind profile = StreamProfile::Kind::None;
    QString text, reasoning, finishReason, endMarker, error;
    QList<StreamSummary::ToolCall> toolCalls;
    StreamSummary::Usage usage;
    qsizetype contributedText = 0;
    qsizetype contributedReasoning = 0;
    int eventsAfterEnd = 0;
};

Merged merge(const QString &name)
{
    const QJsonObject expected = LlmFixtures::expected(name);
    const StreamProfile::Kind setting = expected.contains("custom"_L1) ? StreamProfile::Kind::Custom
                                                                       : StreamProfile::Kind::Auto;
    ProfileDetector detector(setting);
    EndMarkerDetector ends(setting);
    DeltaAssembler assembler(StreamProfile::Kind::None, customOf(expected));
    Merged merged;
    std::optional<EndMarker> end;
    for (const SseEvent &event : LlmFixtures::events(name)) {
        if (end) {
            ++merged.eventsAfterEnd;
            continue;
        }
        const QJsonObject json = StreamProfile::parseObject(event.data);
        assembler.setProfile(detector.observe(event, json));
        const DeltaAssembler::Contribution added = assembler.add(event, json);
        merged.contributedText += added.text;
        merged.contributedReasoning += added.reasoning;
        end = ends.check(event);
    }
    merged.profile = detector.profile();
    merged.text = assembler.text();
    merged.reasoning = assembler.reasoning();
    merged.finishReason = assembler.finishReason();
    merged.toolCalls = assembler.toolCalls();
    merged.usage = assembler.usage();
    if (end) {
        merged.endMarker = end->marker;
        merged.error = end->error;
    }
    return merged;
}

} // namespace

class TestDeltaAssembler : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fixtures_data();
    void fixtures();
    void contributionsAddUp_data();
    void contributionsAddUp();
    void resetStartsANewAnswer();
    void laterProfileAppliesFromThen();
    void plainDataContributesNothing_data();
    void plainDataContributesNothing();
};

void TestDeltaAssembler::initTestCase()
{
    QVERIFY2(LlmFixtures::names().size() >= 8, qPrintable(LlmFixtures::directory().path()));
}

void TestDeltaAssembler::fixtures_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : LlmFixtures::names())
        QTest::addRow("%s", qPrintable(name)) << name;
}

void TestDeltaAssembler::fixtures()
{
    QFETCH(QString, name);
    const QJsonObject expected = LlmFixtures::expected(name);
    const Merged merged = merge(name);

    QCOMPARE(StreamProfile::name(merged.profile), expected.value("profile"_L1).toString());
    // The merged text is the concatenation of every delta the format defines, in order.
    QCOMPARE(merged.text, expected.value("text"_L1).toString());
    QCOMPARE(merged.reasoning, expected.value("reasoning"_L1).toString());
    QCOMPARE(merged.finishReason, expected.value("finishReason"_L1).toString());
    QCOMPARE(merged.endMarker, expected.value("endMarker"_L1).toString());
    QCOMPARE(merged.error, expected.value("error"_L1).toString());
    QCOMPARE(merged.eventsAfterEnd, 0); // the end marker is the last event of every fixture

    const QJsonArray calls = expected.value("toolCalls"_L1).toArray();
    QCOMPARE(merged.toolCalls.size(), calls.size());
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const QJsonObject call = calls.at(i).toObject();
        QCOMPARE(merged.toolCalls.at(i).id, call.value("id"_L1).toString());
        QCOMPARE(merged.toolCalls.at(i).name, call.value("name"_L1).toString());
        QCOMPARE(merged.toolCalls.at(i).arguments, call.value("arguments"_L1).toString());
    }

    const QJsonValue usage = expected.value("usage"_L1);
    if (usage.isNull()) {
        QVERIFY(!merged.usage.isKnown());
    } else {
        const QJsonObject counts = usage.toObject();
        QCOMPARE(merged.usage.inputTokens, measure(counts, "inputTokens"));
        QCOMPARE(merged.usage.outputTokens, measure(counts, "outputTokens"));
        QCOMPARE(merged.usage.totalTokens, measure(counts, "totalTokens"));
        QCOMPARE(merged.usage.reasoningTokens, measure(counts, "reasoningTokens"));
    }
}

void TestDeltaAssembler::contributionsAddUp_data()
{
    fixtures_data();
}

void TestDeltaAssembler::contributionsAddUp()
{
    // What add() says each event brought is what the answer grew by: the timing counts on it.
    QFETCH(QString, name);
    const Merged merged = merge(name);
    QCOMPARE(merged.contributedText, merged.text.size());
    QCOMPARE(merged.contributedReasoning, merged.reasoning.size());
}

void TestDeltaAssembler::resetStartsANewAnswer()
{
    DeltaAssembler assembler(StreamProfile::Kind::Ollama);
    SseEvent event;
    event.data = uR"({"model":"m","message":{"content":"a"},"done":true,"eval_count":1})"_s;
    assembler.add(event);
    QCOMPARE(assembler.text(), u"a"_s);
    QVERIFY(assembler.usage().isKnown());
    assembler.reset();
    QVERIFY(assembler.text().isEmpty());
    QVERIFY(!assembler.usage().isKnown());
    QCOMPARE(assembler.profile(), StreamProfile::Kind::Ollama);
    assembler.add(event);
    QCOMPARE(assembler.text(), u"a"_s);
}

void TestDeltaAssembler::laterProfileAppliesFromThen()
{
    DeltaAssembler assembler;
    SseEvent event;
    event.data = uR"({"choices":[{"index":0,"delta":{"content":"x"}}]})"_s;
    QVERIFY(!assembler.add(event).carriesText()); // no profile yet: nothing to merge
    assembler.setProfile(StreamProfile::Kind::OpenAiChat);
    QCOMPARE(assembler.add(event).text, 1);
    QCOMPARE(assembler.text(), u"x"_s);
}

void TestDeltaAssembler::plainDataContributesNothing_data()
{
    QTest::addColumn<int>("profile");
    QTest::addColumn<QString>("data");
    QTest::addRow("done sentinel") << int(StreamProfile::Kind::OpenAiChat) << u"[DONE]"_s;
    QTest::addRow("not json") << int(StreamProfile::Kind::Anthropic) << u"hello"_s;
    QTest::addRow("json array") << int(StreamProfile::Kind::Ollama) << u"[1,2]"_s;
    QTest::addRow("broken json") << int(StreamProfile::Kind::Gemini) << u"{\"candidates\":"_s;
    QTest::addRow("other shape") << int(StreamProfile::Kind::OpenAiChat) << u"{\"n\":1}"_s;
}

void TestDeltaAssembler::plainDataContributesNothing()
{
    QFETCH(int, profile);
    QFETCH(QString, data);
    DeltaAssembler assembler { StreamProfile::Kind(profile) };
    SseEvent event;
    event.data = data;
    const DeltaAssembler::Contribution added = assembler.add(event);
    QVERIFY(!added.carriesText());
    QVERIFY(!added.toolCall);
    QVERIFY(added.error.isEmpty());
    QVERIFY(assembler.text().isEmpty());
}

QTEST_GUILESS_MAIN(TestDeltaAssembler)
#include "tst_deltaassembler.moc"
