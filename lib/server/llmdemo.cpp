// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "llmdemo.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "ssewriter.h"

using namespace Qt::StringLiterals;

namespace {

using Format = LlmDemo::Format;

// The answer, a token at a time, the way a tokenizer cuts words (leading spaces included).
const char *const AnswerTokens[] = {
    "Server",  "-Sent",  " Events", " carry", " each",   " token", " of", " this",
    " answer", " as",    " its",    " own",   " event",  ",",      " so", " you",
    " can",    " watch", " the",    " words", " arrive", " one",   " by", " one.",
};
constexpr int AnswerTokenCount = int(std::size(AnswerTokens));

// The reasoning streamed first by the formats that have a channel for it; one token is not
// ASCII, so every path carries UTF-8.
const char *const ReasoningTokens[] = {
    "The", " user", " wants", " a", " demo", " \xe2\x80\x94", " stream", " it.",
};
constexpr int ReasoningTokenCount = int(std::size(ReasoningTokens));

constexpr int InputTokens = 12;

QString answerToken(int index)
{
    return QString::fromUtf8(AnswerTokens[index % AnswerTokenCount]);
}

QString reasoningToken(int index)
{
    return QString::fromUtf8(ReasoningTokens[index]);
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray sse(const QJsonObject &data, QByteArrayView type = {})
{
    return SseWriter::event(json(data), type);
}

// Collects the writes with their delays; writes with no delay between them go out as one.
class ScriptBuilder
{
public:
    explicit ScriptBuilder(const LlmDemo::Options &options)
        : m_options(options)
    {}

    void wait(int milliseconds) { m_pending += milliseconds; }
    void send(const QByteArray &bytes)
    {
        if (m_pending == 0 && !m_steps.isEmpty())
            m_steps.last().bytes += bytes;
        else
            m_steps.append({ m_pending, bytes });
        m_pending = 0;
    }
    // The wait before token `index` of the whole stream (reasoning and answer counted together).
    void waitForToken(int index)
    {
        if (index == 0)
            wait(m_options.firstTokenMs);
        else
            wait(m_options.tokenMs > 0 ? m_options.tokenMs : 20 + (index * 7) % 31);
    }
    // Whether the answer breaks off with an error after token `index` of the answer.
    bool errorAfter(int index) const
    {
        return m_options.midstreamError && index + 1 == std::max(1, tokens() / 2);
    }
    int tokens() const
    {
        return m_options.tokens > 0 ? std::min(m_options.tokens, LlmDemo::MaximumTokens)
                                    : AnswerTokenCount;
    }

    QList<LlmDemo::Step> finish()
    {
        if (!m_options.buffered || m_steps.isEmpty())
            return m_steps;
        // A gateway that buffers the body: nothing for a long while, then all of it at once.
        int total = 0;
        QByteArray all;
        for (const LlmDemo::Step &step : std::as_const(m_steps)) {
            total += step.delayMs;
            all += step.bytes;
        }
        return { { std::max(total, LlmDemo::BufferedWaitMs), all } };
    }

private:
    const LlmDemo::Options &m_options;
    QList<LlmDemo::Step> m_steps;
    int m_pending = 0;
};

QJsonObject chatChunk(const QJsonObject &delta, const QJsonValue &finishReason = QJsonValue())
{
    return QJsonObject {
        { u"id"_s, u"chatcmpl-demo"_s },
        { u"object"_s, u"chat.completion.chunk"_s },
        { u"created"_s, 1767225600 },
        { u"model"_s, u"ssescope-demo"_s },
        { u"choices"_s,
          QJsonArray { QJsonObject { { u"index"_s, 0 },
                                     { u"delta"_s, delta },
                                     { u"finish_reason"_s, finishReason } } } },
    };
}

void openAiChat(ScriptBuilder &out, const LlmDemo::Options &options)
{
    const int tokens = out.tokens();
    for (int i = 0; i < tokens; ++i) {
        out.waitForToken(i);
        if (i == 0)
            out.send(sse(chatChunk(
                    QJsonObject { { u"role"_s, u"assistant"_s }, { u"content"_s, u""_s } })));
        out.send(sse(chatChunk(QJsonObject { { u"content"_s, answerToken(i) } })));
        if (out.errorAfter(i)) {
            // OpenAI reports a failure mid-stream as a data line with an error object.
            out.send(sse(QJsonObject { { u"error"_s,
                                         QJsonObject { { u"message"_s,
                                                         u"The server had an error while "
                                                         "processing your request."_s },
                                                       { u"type"_s, u"server_error"_s } } } }));
            return;
        }
    }
    out.waitForToken(tokens);
    out.send(sse(chatChunk(QJsonObject(), u"stop"_s)));
    if (options.usage) {
        QJsonObject last = chatChunk(QJsonObject());
        last.insert(u"choices"_s, QJsonArray());
        last.insert(u"usage"_s,
                    QJsonObject { { u"prompt_tokens"_s, InputTokens },
                                  { u"completion_tokens"_s, tokens },
                                  { u"total_tokens"_s, InputTokens + tokens } });
        out.send(sse(last));
    }
    if (!options.noEndMarker)
        out.send(SseWriter::event("[DONE]"));
}

void openAiResponses(ScriptBuilder &out, const LlmDemo::Options &options)
{
    int sequence = 0;
    const auto event = [&sequence](const QString &type, QJsonObject data) {
        data.insert(u"type"_s, type);
        data.insert(u"sequence_number"_s, sequence++);
        return sse(data, type.toUtf8());
    };
    const QJsonObject created {
        { u"id"_s, u"resp_demo"_s },       { u"object"_s, u"response"_s },
        { u"status"_s, u"in_progress"_s }, { u"model"_s, u"ssescope-demo"_s },
        { u"output"_s, QJsonArray() },     { u"usage"_s, QJsonValue() }
    };
    out.send(event(u"response.created"_s, { { u"response"_s, created } }));
    out.send(event(u"response.in_progress"_s, { { u"response"_s, created } }));

    int index = 0;
    for (int i = 0; i < ReasoningTokenCount; ++i) {
        out.waitForToken(index++);
        if (i == 0)
            out.send(event(u"response.output_item.added"_s,
                           { { u"output_index"_s, 0 },
                             { u"item"_s,
                               QJsonObject { { u"id"_s, u"rs_demo"_s },
                                             { u"type"_s, u"reasoning"_s },
                                             { u"summary"_s, QJsonArray() } } } }));
        out.send(event(u"response.reasoning_summary_text.delta"_s,
                       { { u"item_id"_s, u"rs_demo"_s },
                         { u"output_index"_s, 0 },
                         { u"summary_index"_s, 0 },
                         { u"delta"_s, reasoningToken(i) } }));
    }
    out.send(event(u"response.output_item.added"_s,
                   { { u"output_index"_s, 1 },
                     { u"item"_s,
                       QJsonObject { { u"id"_s, u"msg_demo"_s },
                                     { u"type"_s, u"message"_s },
                                     { u"role"_s, u"assistant"_s },
                                     { u"content"_s, QJsonArray() } } } }));
    const int tokens = out.tokens();
    for (int i = 0; i < tokens; ++i) {
        out.waitForToken(index++);
        out.send(event(u"response.output_text.delta"_s,
                       { { u"item_id"_s, u"msg_demo"_s },
                         { u"output_index"_s, 1 },
                         { u"content_index"_s, 0 },
                         { u"delta"_s, answerToken(i) } }));
        if (out.errorAfter(i)) {
            QJsonObject failed = created;
            failed.insert(u"status"_s, u"failed"_s);
            failed.insert(u"error"_s,
                          QJsonObject { { u"code"_s, u"server_error"_s },
                                        { u"message"_s, u"The model failed mid-answer."_s } });
            out.send(event(u"response.failed"_s, { { u"response"_s, failed } }));
            return;
        }
    }
    out.waitForToken(index);
    out.send(event(u"response.output_text.done"_s,
                   { { u"item_id"_s, u"msg_demo"_s },
                     { u"output_index"_s, 1 },
                     { u"content_index"_s, 0 },
                     { u"text"_s, LlmDemo::answer(tokens) } }));
    if (options.noEndMarker)
        return;
    QJsonObject completed = created;
    completed.insert(u"status"_s, u"completed"_s);
    if (options.usage)
        completed.insert(
                u"usage"_s,
                QJsonObject { { u"input_tokens"_s, InputTokens },
                              { u"output_tokens"_s, tokens + ReasoningTokenCount },
                              { u"output_tokens_details"_s,
                                QJsonObject { { u"reasoning_tokens"_s, ReasoningTokenCount } } },
                              { u"total_tokens"_s, InputTokens + tokens + ReasoningTokenCount } });
    out.send(event(u"response.completed"_s, { { u"response"_s, completed } }));
}

void anthropic(ScriptBuilder &out, const LlmDemo::Options &options)
{
    const auto event = [](const QString &type, QJsonObject data) {
        data.insert(u"type"_s, type);
        return sse(data, type.toUtf8());
    };
    QJsonObject message { { u"id"_s, u"msg_demo"_s },     { u"type"_s, u"message"_s },
                          { u"role"_s, u"assistant"_s },  { u"model"_s, u"ssescope-demo"_s },
                          { u"content"_s, QJsonArray() }, { u"stop_reason"_s, QJsonValue() } };
    if (options.usage)
        message.insert(
                u"usage"_s,
                QJsonObject { { u"input_tokens"_s, InputTokens }, { u"output_tokens"_s, 1 } });
    out.send(event(u"message_start"_s, { { u"message"_s, message } }));
    out.send(event(u"ping"_s, {}));

    int index = 0;
    for (int i = 0; i < ReasoningTokenCount; ++i) {
        out.waitForToken(index++);
        if (i == 0)
            out.send(event(u"content_block_start"_s,
                           { { u"index"_s, 0 },
                             { u"content_block"_s,
                               QJsonObject { { u"type"_s, u"thinking"_s },
                                             { u"thinking"_s, u""_s } } } }));
        out.send(event(u"content_block_delta"_s,
                       { { u"index"_s, 0 },
                         { u"delta"_s,
                           QJsonObject { { u"type"_s, u"thinking_delta"_s },
                                         { u"thinking"_s, reasoningToken(i) } } } }));
    }
    out.send(event(u"content_block_stop"_s, { { u"index"_s, 0 } }));
    out.send(event(u"content_block_start"_s,
                   { { u"index"_s, 1 },
                     { u"content_block"_s,
                       QJsonObject { { u"type"_s, u"text"_s }, { u"text"_s, u""_s } } } }));
    const int tokens = out.tokens();
    for (int i = 0; i < tokens; ++i) {
        out.waitForToken(index++);
        out.send(event(u"content_block_delta"_s,
                       { { u"index"_s, 1 },
                         { u"delta"_s,
                           QJsonObject { { u"type"_s, u"text_delta"_s },
                                         { u"text"_s, answerToken(i) } } } }));
        if (out.errorAfter(i)) {
            out.send(event(u"error"_s,
                           { { u"error"_s,
                               QJsonObject { { u"type"_s, u"overloaded_error"_s },
                                             { u"message"_s, u"Overloaded"_s } } } }));
            return;
        }
    }
    out.waitForToken(index);
    out.send(event(u"content_block_stop"_s, { { u"index"_s, 1 } }));
    QJsonObject delta { { u"delta"_s,
                          QJsonObject { { u"stop_reason"_s, u"end_turn"_s },
                                        { u"stop_sequence"_s, QJsonValue() } } } };
    if (options.usage)
        delta.insert(u"usage"_s,
                     QJsonObject { { u"output_tokens"_s, tokens + ReasoningTokenCount } });
    out.send(event(u"message_delta"_s, delta));
    if (!options.noEndMarker)
        out.send(event(u"message_stop"_s, {}));
}

void gemini(ScriptBuilder &out, const LlmDemo::Options &options)
{
    const int tokens = out.tokens();
    const auto chunk = [&options](const QJsonObject &part, int answered, bool last) {
        QJsonObject candidate {
            { u"content"_s,
              QJsonObject { { u"parts"_s, QJsonArray { part } }, { u"role"_s, u"model"_s } } },
            { u"index"_s, 0 },
        };
        if (last && !options.noEndMarker)
            candidate.insert(u"finishReason"_s, u"STOP"_s);
        QJsonObject data { { u"candidates"_s, QJsonArray { candidate } },
                           { u"modelVersion"_s, u"ssescope-demo"_s } };
        if (options.usage)
            data.insert(u"usageMetadata"_s,
                        QJsonObject { { u"promptTokenCount"_s, InputTokens },
                                      { u"candidatesTokenCount"_s, answered },
                                      { u"thoughtsTokenCount"_s, ReasoningTokenCount },
                                      { u"totalTokenCount"_s,
                                        InputTokens + answered + ReasoningTokenCount } });
        return sse(data);
    };
    int index = 0;
    for (int i = 0; i < ReasoningTokenCount; ++i) {
        out.waitForToken(index++);
        out.send(chunk(QJsonObject { { u"text"_s, reasoningToken(i) }, { u"thought"_s, true } }, 0,
                       false));
    }
    for (int i = 0; i < tokens; ++i) {
        out.waitForToken(index++);
        // The last chunk carries the finishReason (and the final usage) with its text.
        out.send(chunk(QJsonObject { { u"text"_s, answerToken(i) } }, i + 1, i + 1 == tokens));
        if (out.errorAfter(i)) {
            out.send(sse(
                    QJsonObject { { u"error"_s,
                                    QJsonObject { { u"code"_s, 503 },
                                                  { u"message"_s, u"The model is overloaded."_s },
                                                  { u"status"_s, u"UNAVAILABLE"_s } } } }));
            return;
        }
    }
}

void ollama(ScriptBuilder &out, const LlmDemo::Options &options)
{
    // QByteArray, not auto: a QStringBuilder would outlive the temporary it refers to.
    const auto line = [](const QJsonObject &message, bool done) -> QByteArray {
        return json(QJsonObject { { u"model"_s, u"ssescope-demo"_s },
                                  { u"created_at"_s, u"2026-01-01T00:00:00.000Z"_s },
                                  { u"message"_s, message },
                                  { u"done"_s, done } })
                + '\n';
    };
    int index = 0;
    for (int i = 0; i < ReasoningTokenCount; ++i) {
        out.waitForToken(index++);
        out.send(line(QJsonObject { { u"role"_s, u"assistant"_s },
                                    { u"content"_s, u""_s },
                                    { u"thinking"_s, reasoningToken(i) } },
                      false));
    }
    const int tokens = out.tokens();
    for (int i = 0; i < tokens; ++i) {
        out.waitForToken(index++);
        out.send(line(
                QJsonObject { { u"role"_s, u"assistant"_s }, { u"content"_s, answerToken(i) } },
                false));
        if (out.errorAfter(i)) {
            out.send(
                    json(QJsonObject { { u"error"_s, u"model runner has unexpectedly stopped"_s } })
                    + '\n');
            return;
        }
    }
    if (options.noEndMarker)
        return;
    out.waitForToken(index);
    QJsonObject last { { u"model"_s, u"ssescope-demo"_s },
                       { u"created_at"_s, u"2026-01-01T00:00:00.000Z"_s },
                       { u"message"_s,
                         QJsonObject { { u"role"_s, u"assistant"_s }, { u"content"_s, u""_s } } },
                       { u"done_reason"_s, u"stop"_s },
                       { u"done"_s, true },
                       { u"total_duration"_s, 1'234'000'000 } };
    if (options.usage) {
        last.insert(u"prompt_eval_count"_s, InputTokens);
        last.insert(u"eval_count"_s, tokens + ReasoningTokenCount);
    }
    out.send(json(last) + '\n');
}

void mcp(ScriptBuilder &out, const LlmDemo::Options &options, const QByteArray &requestId)
{
    // The id as the request had it: a number or a string, whatever JSON it is.
    const QJsonValue id = QJsonDocument::fromJson('[' + requestId + ']').array().at(0);
    int eventId = 0;
    const auto event = [&eventId](const QJsonObject &message) {
        return SseWriter::event(json(message), {}, QByteArray::number(++eventId));
    };
    const int tokens = out.tokens();
    for (int i = 0; i < tokens; ++i) {
        out.waitForToken(i);
        out.send(event(QJsonObject { { u"jsonrpc"_s, u"2.0"_s },
                                     { u"method"_s, u"notifications/progress"_s },
                                     { u"params"_s,
                                       QJsonObject { { u"progressToken"_s, u"demo"_s },
                                                     { u"progress"_s, i + 1 },
                                                     { u"total"_s, tokens },
                                                     { u"message"_s, answerToken(i) } } } }));
        if (out.errorAfter(i)) {
            out.send(event(QJsonObject {
                    { u"jsonrpc"_s, u"2.0"_s },
                    { u"id"_s, id },
                    { u"error"_s,
                      QJsonObject { { u"code"_s, -32603 },
                                    { u"message"_s, u"Internal error: the tool crashed"_s } } } }));
            return;
        }
    }
    if (options.noEndMarker)
        return;
    out.waitForToken(tokens);
    out.send(event(QJsonObject {
            { u"jsonrpc"_s, u"2.0"_s },
            { u"id"_s, id },
            { u"result"_s,
              QJsonObject {
                      { u"content"_s,
                        QJsonArray { QJsonObject { { u"type"_s, u"text"_s },
                                                   { u"text"_s, LlmDemo::answer(tokens) } } } },
                      { u"isError"_s, false } } } }));
}

// One integer knob of the query: absent keeps `value`.
bool readKnob(const QUrlQuery &query, const QString &name, int minimum, int maximum, int &value,
              QString *error)
{
    if (!query.hasQueryItem(name))
        return true;
    const QString text = query.queryItemValue(name, QUrl::FullyDecoded);
    bool ok = false;
    const int number = text.toInt(&ok);
    if (!ok || number < minimum || number > maximum) {
        *error = u"%1 must be an integer from %2 to %3, not \"%4\""_s.arg(name)
                         .arg(minimum)
                         .arg(maximum)
                         .arg(text);
        return false;
    }
    value = number;
    return true;
}

} // namespace

std::optional<LlmDemo::Format> LlmDemo::formatForPath(QStringView path)
{
    if (path == u"/llm/openai"_s)
        return Format::OpenAiChat;
    if (path == u"/llm/openai-responses"_s)
        return Format::OpenAiResponses;
    if (path == u"/llm/anthropic"_s)
        return Format::Anthropic;
    if (path == u"/llm/gemini"_s)
        return Format::Gemini;
    if (path == u"/llm/ollama"_s)
        return Format::Ollama;
    if (path == u"/llm/mcp"_s)
        return Format::Mcp;
    return std::nullopt;
}

QList<QString> LlmDemo::paths()
{
    return { u"/llm/openai"_s, u"/llm/openai-responses"_s, u"/llm/anthropic"_s,
             u"/llm/gemini"_s, u"/llm/ollama"_s,           u"/llm/mcp"_s };
}

std::optional<LlmDemo::Options> LlmDemo::optionsFromQuery(const QUrlQuery &query, QString *error)
{
    Options options;
    int midstream = 0, noDone = 0, buffered = 0, usage = 1;
    if (query.hasQueryItem(u"error"_s)) {
        const QString value = query.queryItemValue(u"error"_s);
        if (value != u"midstream"_s) {
            *error = u"error must be \"midstream\", not \"%1\""_s.arg(value);
            return std::nullopt;
        }
        midstream = 1;
    }
    if (!readKnob(query, u"firstToken"_s, 0, 60'000, options.firstTokenMs, error)
        || !readKnob(query, u"tokenMs"_s, 0, 10'000, options.tokenMs, error)
        || !readKnob(query, u"tokens"_s, 1, MaximumTokens, options.tokens, error)
        || !readKnob(query, u"nodone"_s, 0, 1, noDone, error)
        || !readKnob(query, u"buffered"_s, 0, 1, buffered, error)
        || !readKnob(query, u"usage"_s, 0, 1, usage, error))
        return std::nullopt;
    options.midstreamError = midstream != 0;
    options.noEndMarker = noDone != 0;
    options.buffered = buffered != 0;
    options.usage = usage != 0;
    return options;
}

LlmDemo::Script LlmDemo::script(Format format, const Options &options, const QByteArray &requestId)
{
    Script script;
    script.contentType = format == Format::Ollama
            ? QByteArrayLiteral("application/x-ndjson")
            : QByteArrayLiteral("text/event-stream; charset=utf-8");
    ScriptBuilder out(options);
    switch (format) {
    case Format::OpenAiChat:
        openAiChat(out, options);
        break;
    case Format::OpenAiResponses:
        openAiResponses(out, options);
        break;
    case Format::Anthropic:
        anthropic(out, options);
        break;
    case Format::Gemini:
        gemini(out, options);
        break;
    case Format::Ollama:
        ollama(out, options);
        break;
    case Format::Mcp:
        mcp(out, options, requestId.isEmpty() ? QByteArrayLiteral("1") : requestId);
        break;
    }
    script.steps = out.finish();
    return script;
}

QString LlmDemo::answer(int tokens)
{
    const int count = tokens > 0 ? std::min(tokens, MaximumTokens) : AnswerTokenCount;
    QString text;
    for (int i = 0; i < count; ++i)
        text += answerToken(i);
    return text;
}

QString LlmDemo::reasoning()
{
    QString text;
    for (int i = 0; i < ReasoningTokenCount; ++i)
        text += reasoningToken(i);
    return text;
}
