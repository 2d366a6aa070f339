// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "sseevent.h"
#include "streamprofile.h"
#include "streamsummary.h"

/// Merges the deltas of an LLM stream into what the model said: the answer text, the reasoning
/// apart from it, each tool call's arguments joined (by the call's id or index), the usage block
/// and the finish reason, by the rules of a StreamProfile. Fed one event at a time; the work per
/// event depends on that event alone (appends are amortised O(1)), never on what came before.
class DeltaAssembler
{
public:
    /// What one event added.
    struct Contribution
    {
        qsizetype text = 0; ///< Characters of answer text.
        qsizetype reasoning = 0; ///< Characters of reasoning.
        bool toolCall = false; ///< A tool call started or its arguments grew.
        bool usage = false; ///< Token counts arrived.
        QString error; ///< The error the event reported (see StreamProfile::errorMessage).
        /// Whether the event carried words (a "token" for time-to-first-token).
        bool carriesText() const { return text > 0 || reasoning > 0; }
    };

    explicit DeltaAssembler(StreamProfile::Kind profile = StreamProfile::Kind::None,
                            const CustomProfile &custom = {});

    /// The rules to apply from the next event on (a detector may settle on them late).
    void setProfile(StreamProfile::Kind profile) { m_profile = profile; }
    StreamProfile::Kind profile() const { return m_profile; }

    Contribution add(const SseEvent &event);
    /// The same with the data already parsed (StreamProfile::parseObject), to parse it once.
    Contribution add(const SseEvent &event, const QJsonObject &json);
    /// Forgets everything merged so far (a new answer); keeps the profile.
    void reset();

    const QString &text() const { return m_text; }
    const QString &reasoning() const { return m_reasoning; }
    const QList<StreamSummary::ToolCall> &toolCalls() const { return m_toolCalls; }
    const StreamSummary::Usage &usage() const { return m_usage; }
    const QString &finishReason() const { return m_finishReason; }
    /// The last error an event reported, or empty.
    const QString &errorMessage() const { return m_error; }

private:
    void addOpenAiChat(const QJsonObject &json, Contribution &added);
    void addOpenAiResponses(const QString &type, const QJsonObject &json, Contribution &added);
    void addAnthropic(const QString &type, const QJsonObject &json, Contribution &added);
    void addGemini(const QJsonObject &json, Contribution &added);
    void addMcp(const QJsonObject &json, Contribution &added);
    void addOllama(const QJsonObject &json, Contribution &added);
    void addCustom(const QJsonObject &json, Contribution &added);

    void appendText(const QString &text, Contribution &added);
    void appendReasoning(const QString &text, Contribution &added);
    /// The tool call known by `key`, created (with id `id`, or the key) when new.
    StreamSummary::ToolCall &toolCall(const QString &key, const QString &id, Contribution &added);

    StreamProfile::Kind m_profile;
    CustomProfile m_custom;
    QString m_text;
    QString m_reasoning;
    QList<StreamSummary::ToolCall> m_toolCalls;
    QHash<QString, qsizetype> m_toolCallIndex; ///< Key (id, index, item id) → m_toolCalls index.
    QString m_lastToolCallKey; ///< Custom profile: fragments without an id go here.
    StreamSummary::Usage m_usage;
    QString m_finishReason;
    QString m_error;
};
