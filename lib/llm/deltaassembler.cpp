// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "deltaassembler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include "jsonpointer.h"

using namespace Qt::StringLiterals;

namespace {

// A token count, or -1 when the field is missing or not a number.
qint64 count(const QJsonObject &object, QLatin1String key)
{
    const QJsonValue value = object.value(key);
    return value.isDouble() ? value.toInteger(-1) : -1;
}

// Sets `into` only when the provider reported the count, so a later partial block does not
// erase an earlier one.
void takeCount(qint64 &into, qint64 value)
{
    if (value >= 0)
        into = value;
}

void completeTotal(StreamSummary::Usage &usage)
{
    if (usage.totalTokens < 0 && usage.inputTokens >= 0 && usage.outputTokens >= 0)
        usage.totalTokens = usage.inputTokens + usage.outputTokens;
}

// Arguments that arrive whole as an object (Gemini, Ollama): kept as compact JSON text, the
// form the fragment-by-fragment providers end up with.
QString compactJson(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return {};
}

// OpenAI sends one choice per `n`; the answer is choice 0.
QJsonObject firstChoice(const QJsonObject &json)
{
    const QJsonArray choices = json.value("choices"_L1).toArray();
    for (const QJsonValue &choice : choices) {
        const QJsonObject object = choice.toObject();
        if (object.value("index"_L1).toInteger(0) == 0)
            return object;
    }
    return {};
}

} // namespace

DeltaAssembler::DeltaAssembler(StreamProfile::Kind profile, const CustomProfile &custom)
    : m_profile(profile)
    , m_custom(custom)
{}

void DeltaAssembler::reset()
{
    m_text.clear();
    m_reasoning.clear();
    m_toolCalls.clear();
    m_toolCallIndex.clear();
    m_lastToolCallKey.clear();
    m_usage = {};
    m_finishReason.clear();
    m_error.clear();
}

DeltaAssembler::Contribution DeltaAssembler::add(const SseEvent &event)
{
    return add(event, StreamProfile::parseObject(event.data));
}

DeltaAssembler::Contribution DeltaAssembler::add(const SseEvent &event, const QJsonObject &json)
{
    Contribution added;
    if (json.isEmpty())
        return added; // `[DONE]`, heartbeats and anything that is not a JSON object
    const QString type = StreamProfile::eventType(event, json);
    added.error = StreamProfile::errorMessage(m_profile, type, json);
    if (!added.error.isEmpty())
        m_error = added.error;
    switch (m_profile) {
    case StreamProfile::Kind::OpenAiChat:
        addOpenAiChat(json, added);
        break;
    case StreamProfile::Kind::OpenAiResponses:
        addOpenAiResponses(type, json, added);
        break;
    case StreamProfile::Kind::Anthropic:
        addAnthropic(type, json, added);
        break;
    case StreamProfile::Kind::Gemini:
        addGemini(json, added);
        break;
    case StreamProfile::Kind::Mcp:
        addMcp(json, added);
        break;
    case StreamProfile::Kind::Ollama:
        addOllama(json, added);
        break;
    case StreamProfile::Kind::Custom:
        addCustom(json, added);
        break;
    case StreamProfile::Kind::Auto:
    case StreamProfile::Kind::None:
        break;
    }
    return added;
}

void DeltaAssembler::appendText(const QString &text, Contribution &added)
{
    m_text += text;
    added.text += text.size();
}

void DeltaAssembler::appendReasoning(const QString &text, Contribution &added)
{
    m_reasoning += text;
    added.reasoning += text.size();
}

StreamSummary::ToolCall &DeltaAssembler::toolCall(const QString &key, const QString &id,
                                                  Contribution &added)
{
    added.toolCall = true;
    if (const auto found = m_toolCallIndex.constFind(key); found != m_toolCallIndex.constEnd()) {
        StreamSummary::ToolCall &call = m_toolCalls[found.value()];
        if (!id.isEmpty() && call.id != id && call.id == key.section(u':', 1))
            call.id = id; // The index stood in until the id arrived.
        return call;
    }
    m_toolCallIndex.insert(key, m_toolCalls.size());
    // Without an id of its own a call is known by its index (the part of the key after ':').
    m_toolCalls.append({ id.isEmpty() ? key.section(u':', 1) : id, QString(), QString() });
    return m_toolCalls.last();
}

void DeltaAssembler::addOpenAiChat(const QJsonObject &json, Contribution &added)
{
    const QJsonObject choice = firstChoice(json);
    const QJsonObject delta = choice.value("delta"_L1).toObject();
    appendText(delta.value("content"_L1).toString(), added);
    // The legacy completions endpoint streams choices[].text.
    appendText(choice.value("text"_L1).toString(), added);
    // DeepSeek and vLLM call it reasoning_content, OpenRouter and others reasoning.
    appendReasoning(delta.value("reasoning_content"_L1).toString(), added);
    appendReasoning(delta.value("reasoning"_L1).toString(), added);
    for (const QJsonValue &entry : delta.value("tool_calls"_L1).toArray()) {
        const QJsonObject fragment = entry.toObject();
        // The id and the name come with the first fragment, the arguments over many; the index
        // ties them together.
        const QString key = u"index:"_s + QString::number(fragment.value("index"_L1).toInteger());
        const QJsonObject function = fragment.value("function"_L1).toObject();
        StreamSummary::ToolCall &call = toolCall(key, fragment.value("id"_L1).toString(), added);
        if (call.name.isEmpty())
            call.name = function.value("name"_L1).toString();
        call.arguments += function.value("arguments"_L1).toString();
    }
    if (const QJsonObject function = delta.value("function_call"_L1).toObject();
        !function.isEmpty()) {
        StreamSummary::ToolCall &call = toolCall(u"function_call:0"_s, QString(), added);
        if (call.name.isEmpty())
            call.name = function.value("name"_L1).toString();
        call.arguments += function.value("arguments"_L1).toString();
    }
    if (const QString reason = choice.value("finish_reason"_L1).toString(); !reason.isEmpty())
        m_finishReason = reason;
    // stream_options.include_usage: one last chunk with empty choices and the usage.
    if (const QJsonObject usage = json.value("usage"_L1).toObject(); !usage.isEmpty()) {
        takeCount(m_usage.inputTokens, count(usage, "prompt_tokens"_L1));
        takeCount(m_usage.outputTokens, count(usage, "completion_tokens"_L1));
        takeCount(m_usage.totalTokens, count(usage, "total_tokens"_L1));
        takeCount(m_usage.reasoningTokens,
                  count(usage.value("completion_tokens_details"_L1).toObject(),
                        "reasoning_tokens"_L1));
        added.usage = true;
    }
}

void DeltaAssembler::addOpenAiResponses(const QString &type, const QJsonObject &json,
                                        Contribution &added)
{
    if (type == u"response.output_text.delta"_s || type == u"response.refusal.delta"_s) {
        appendText(json.value("delta"_L1).toString(), added);
    } else if (type == u"response.reasoning_summary_text.delta"_s
               || type == u"response.reasoning_text.delta"_s) {
        appendReasoning(json.value("delta"_L1).toString(), added);
    } else if (type == u"response.output_item.added"_s) {
        const QJsonObject item = json.value("item"_L1).toObject();
        if (item.value("type"_L1).toString() == u"function_call"_s) {
            const QString itemId = item.value("id"_L1).toString();
            const QString callId = item.value("call_id"_L1).toString();
            StreamSummary::ToolCall &call =
                    toolCall(u"item:"_s + itemId, callId.isEmpty() ? itemId : callId, added);
            call.name = item.value("name"_L1).toString();
            call.arguments += item.value("arguments"_L1).toString();
        }
    } else if (type == u"response.function_call_arguments.delta"_s) {
        const QString itemId = json.value("item_id"_L1).toString();
        toolCall(u"item:"_s + itemId, QString(), added).arguments +=
                json.value("delta"_L1).toString();
    } else if (type == u"response.function_call_arguments.done"_s) {
        // The whole arguments again: only needed when the deltas were missed.
        StreamSummary::ToolCall &call =
                toolCall(u"item:"_s + json.value("item_id"_L1).toString(), QString(), added);
        if (call.arguments.isEmpty())
            call.arguments = json.value("arguments"_L1).toString();
    } else if (type == u"response.completed"_s || type == u"response.incomplete"_s
               || type == u"response.failed"_s) {
        const QJsonObject response = json.value("response"_L1).toObject();
        const QString reason =
                response.value("incomplete_details"_L1).toObject().value("reason"_L1).toString();
        m_finishReason = reason.isEmpty() ? response.value("status"_L1).toString() : reason;
        if (const QJsonObject usage = response.value("usage"_L1).toObject(); !usage.isEmpty()) {
            takeCount(m_usage.inputTokens, count(usage, "input_tokens"_L1));
            takeCount(m_usage.outputTokens, count(usage, "output_tokens"_L1));
            takeCount(m_usage.totalTokens, count(usage, "total_tokens"_L1));
            takeCount(m_usage.reasoningTokens,
                      count(usage.value("output_tokens_details"_L1).toObject(),
                            "reasoning_tokens"_L1));
            added.usage = true;
        }
    }
}

void DeltaAssembler::addAnthropic(const QString &type, const QJsonObject &json, Contribution &added)
{
    if (type == u"content_block_delta"_s) {
        const QJsonObject delta = json.value("delta"_L1).toObject();
        const QString deltaType = delta.value("type"_L1).toString();
        if (deltaType == u"text_delta"_s) {
            appendText(delta.value("text"_L1).toString(), added);
        } else if (deltaType == u"thinking_delta"_s) {
            appendReasoning(delta.value("thinking"_L1).toString(), added);
        } else if (deltaType == u"input_json_delta"_s) {
            const QString key = u"block:"_s + QString::number(json.value("index"_L1).toInteger());
            toolCall(key, QString(), added).arguments += delta.value("partial_json"_L1).toString();
        }
    } else if (type == u"content_block_start"_s) {
        const QJsonObject block = json.value("content_block"_L1).toObject();
        const QString blockType = block.value("type"_L1).toString();
        if (blockType == u"text"_s) {
            appendText(block.value("text"_L1).toString(), added);
        } else if (blockType == u"thinking"_s) {
            appendReasoning(block.value("thinking"_L1).toString(), added);
        } else if (blockType == u"tool_use"_s || blockType == u"server_tool_use"_s) {
            const QString key = u"block:"_s + QString::number(json.value("index"_L1).toInteger());
            StreamSummary::ToolCall &call = toolCall(key, block.value("id"_L1).toString(), added);
            call.name = block.value("name"_L1).toString();
        }
    } else if (type == u"message_start"_s || type == u"message_delta"_s) {
        const QJsonObject message = json.value("message"_L1).toObject();
        // message_start carries the input count; message_delta the output count so far
        // (cumulative, so the last one wins).
        QJsonObject usage = message.value("usage"_L1).toObject();
        if (usage.isEmpty())
            usage = json.value("usage"_L1).toObject();
        if (!usage.isEmpty()) {
            takeCount(m_usage.inputTokens, count(usage, "input_tokens"_L1));
            takeCount(m_usage.outputTokens, count(usage, "output_tokens"_L1));
            m_usage.totalTokens = -1;
            completeTotal(m_usage);
            added.usage = true;
        }
        const QString reason = json.value("delta"_L1).toObject().value("stop_reason"_L1).toString();
        if (!reason.isEmpty())
            m_finishReason = reason;
    }
}

void DeltaAssembler::addGemini(const QJsonObject &json, Contribution &added)
{
    const QJsonObject candidate = json.value("candidates"_L1).toArray().at(0).toObject();
    for (const QJsonValue &entry :
         candidate.value("content"_L1).toObject().value("parts"_L1).toArray()) {
        const QJsonObject part = entry.toObject();
        if (const QJsonValue text = part.value("text"_L1); text.isString()) {
            if (part.value("thought"_L1).toBool())
                appendReasoning(text.toString(), added);
            else
                appendText(text.toString(), added);
        }
        if (const QJsonObject function = part.value("functionCall"_L1).toObject();
            !function.isEmpty()) {
            // Gemini sends each call whole, so every one is a call of its own.
            const QString key = u"call:"_s + QString::number(m_toolCalls.size());
            StreamSummary::ToolCall &call =
                    toolCall(key, function.value("id"_L1).toString(), added);
            call.name = function.value("name"_L1).toString();
            call.arguments = compactJson(function.value("args"_L1));
        }
    }
    if (const QString reason = candidate.value("finishReason"_L1).toString(); !reason.isEmpty())
        m_finishReason = reason;
    // Every chunk may carry usageMetadata, each time the totals so far.
    if (const QJsonObject usage = json.value("usageMetadata"_L1).toObject(); !usage.isEmpty()) {
        takeCount(m_usage.inputTokens, count(usage, "promptTokenCount"_L1));
        takeCount(m_usage.outputTokens, count(usage, "candidatesTokenCount"_L1));
        takeCount(m_usage.totalTokens, count(usage, "totalTokenCount"_L1));
        takeCount(m_usage.reasoningTokens, count(usage, "thoughtsTokenCount"_L1));
        added.usage = true;
    }
}

void DeltaAssembler::addMcp(const QJsonObject &json, Contribution &added)
{
    // A tools/call result: its text content items make the answer; notifications say nothing.
    if (json.contains("method"_L1))
        return;
    for (const QJsonValue &entry :
         json.value("result"_L1).toObject().value("content"_L1).toArray()) {
        const QJsonObject item = entry.toObject();
        if (item.value("type"_L1).toString() == u"text"_s)
            appendText(item.value("text"_L1).toString(), added);
    }
}

void DeltaAssembler::addOllama(const QJsonObject &json, Contribution &added)
{
    // /api/chat nests the delta in "message", /api/generate puts it at the top.
    const QJsonObject message = json.value("message"_L1).toObject();
    appendText(message.value("content"_L1).toString(), added);
    appendText(json.value("response"_L1).toString(), added);
    appendReasoning(message.value("thinking"_L1).toString(), added);
    appendReasoning(json.value("thinking"_L1).toString(), added);
    for (const QJsonValue &entry : message.value("tool_calls"_L1).toArray()) {
        const QJsonObject function = entry.toObject().value("function"_L1).toObject();
        const QString key = u"call:"_s + QString::number(m_toolCalls.size());
        StreamSummary::ToolCall &call =
                toolCall(key, entry.toObject().value("id"_L1).toString(), added);
        call.name = function.value("name"_L1).toString();
        call.arguments = compactJson(function.value("arguments"_L1));
    }
    if (const QString reason = json.value("done_reason"_L1).toString(); !reason.isEmpty())
        m_finishReason = reason;
    const qint64 input = count(json, "prompt_eval_count"_L1);
    const qint64 output = count(json, "eval_count"_L1);
    if (input >= 0 || output >= 0) {
        takeCount(m_usage.inputTokens, input);
        takeCount(m_usage.outputTokens, output);
        m_usage.totalTokens = -1;
        completeTotal(m_usage);
        added.usage = true;
    }
}

void DeltaAssembler::addCustom(const QJsonObject &json, Contribution &added)
{
    const QJsonValue root(json);
    const auto string = [&root](const QString &pointer) {
        return pointer.isEmpty() ? QString() : JsonPointer::value(root, pointer).toString();
    };
    appendText(string(m_custom.text), added);
    appendReasoning(string(m_custom.reasoning), added);

    const QString id = string(m_custom.toolCallId);
    const QString name = string(m_custom.toolCallName);
    const QJsonValue arguments = m_custom.toolCallArguments.isEmpty()
            ? QJsonValue()
            : JsonPointer::value(root, m_custom.toolCallArguments);
    const bool hasArguments = arguments.isString() || arguments.isObject() || arguments.isArray();
    if (!id.isEmpty())
        m_lastToolCallKey = u"id:"_s + id;
    if (id.isEmpty() && name.isEmpty() && !hasArguments)
        return;
    if (m_lastToolCallKey.isEmpty())
        m_lastToolCallKey = u"id:0"_s;
    StreamSummary::ToolCall &call = toolCall(m_lastToolCallKey, id, added);
    if (call.name.isEmpty())
        call.name = name;
    call.arguments += compactJson(arguments);
}
