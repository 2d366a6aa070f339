// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "streamprofile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace {

using Kind = StreamProfile::Kind;

constexpr Kind AllKinds[] = {
    Kind::Auto,   Kind::None, Kind::OpenAiChat, Kind::OpenAiResponses, Kind::Anthropic,
    Kind::Gemini, Kind::Mcp,  Kind::Ollama,     Kind::Custom
};

bool isAnthropicType(QStringView type)
{
    // The Messages API's own event names that open a message or a block: every stream starts
    // with them. Its ending events (message_delta, message_stop) and its `ping` and `error`
    // are too generic to tell a stream of no known format from it on their own.
    return type == u"message_start"_s || type == u"content_block_start"_s
            || type == u"content_block_delta"_s || type == u"content_block_stop"_s;
}

// "code: message" from the parts an error object has.
QString joinError(const QJsonValue &code, const QJsonValue &message)
{
    const QString codeText = code.isDouble() ? QString::number(code.toInteger()) : code.toString();
    const QString messageText = message.toString();
    if (codeText.isEmpty())
        return messageText;
    if (messageText.isEmpty())
        return codeText;
    return codeText + u": "_s + messageText;
}

QString errorObjectText(const QJsonObject &error, const char *codeKey)
{
    const QString text = joinError(error.value(QLatin1String(codeKey)), error.value("message"_L1));
    return text.isEmpty() ? u"error"_s : text;
}

bool isJsonRpcResponse(const QJsonObject &json)
{
    // JSON-RPC 2.0 §5: a response has the request's id and a result or an error, no method.
    return json.value("jsonrpc"_L1).toString() == u"2.0"_s && json.contains("id"_L1)
            && !json.contains("method"_L1)
            && (json.contains("result"_L1) || json.contains("error"_L1));
}

} // namespace

QLatin1String StreamProfile::name(Kind kind)
{
    switch (kind) {
    case Kind::Auto:
        return QLatin1String("auto");
    case Kind::None:
        return QLatin1String("none");
    case Kind::OpenAiChat:
        return QLatin1String("openai-chat");
    case Kind::OpenAiResponses:
        return QLatin1String("openai-responses");
    case Kind::Anthropic:
        return QLatin1String("anthropic");
    case Kind::Gemini:
        return QLatin1String("gemini");
    case Kind::Mcp:
        return QLatin1String("mcp");
    case Kind::Ollama:
        return QLatin1String("ollama");
    case Kind::Custom:
        return QLatin1String("custom");
    }
    return QLatin1String("none");
}

std::optional<StreamProfile::Kind> StreamProfile::fromName(QStringView name)
{
    for (const Kind kind : AllKinds) {
        if (name.compare(StreamProfile::name(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

QList<StreamProfile::Kind> StreamProfile::kinds()
{
    return QList<Kind>(std::begin(AllKinds), std::end(AllKinds));
}

bool StreamProfile::hasEndMarker(Kind kind)
{
    switch (kind) {
    case Kind::OpenAiChat:
    case Kind::OpenAiResponses:
    case Kind::Anthropic:
    case Kind::Gemini:
    case Kind::Mcp:
    case Kind::Ollama:
        return true;
    case Kind::Auto:
    case Kind::None:
    case Kind::Custom:
        break;
    }
    return false;
}

bool StreamProfile::reportsUsage(Kind kind)
{
    switch (kind) {
    case Kind::OpenAiChat:
    case Kind::OpenAiResponses:
    case Kind::Anthropic:
    case Kind::Gemini:
    case Kind::Ollama:
        return true;
    case Kind::Auto:
    case Kind::None:
    case Kind::Mcp: // JSON-RPC results carry no token counts
    case Kind::Custom:
        break;
    }
    return false;
}

std::optional<StreamProfile::Kind> StreamProfile::fromUrl(const QUrl &url)
{
    const QString host = url.host().toLower();
    const QString path = url.path();
    // Gemini's method is part of the path: /v1beta/models/NAME:streamGenerateContent.
    if (path.contains(u":streamGenerateContent"_s)
        || host == u"generativelanguage.googleapis.com"_s)
        return Kind::Gemini;
    if (path.endsWith(u"/chat/completions"_s) || path.endsWith(u"/v1/completions"_s))
        return Kind::OpenAiChat;
    if (path.endsWith(u"/responses"_s))
        return Kind::OpenAiResponses;
    if (host == u"api.anthropic.com"_s || path.endsWith(u"/v1/messages"_s))
        return Kind::Anthropic;
    // Ollama's native API, on its own port by default.
    if (path.endsWith(u"/api/chat"_s) || path.endsWith(u"/api/generate"_s))
        return Kind::Ollama;
    if (path.endsWith(u"/mcp"_s))
        return Kind::Mcp;
    return std::nullopt;
}

std::optional<StreamProfile::Kind>
StreamProfile::fromHeaders(const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    for (const auto &[name, value] : headers) {
        const QByteArray lower = name.toLower();
        // Anthropic's request-id comes with anthropic-ratelimit-* and anthropic-organization-id.
        if (lower.startsWith("anthropic-"))
            return Kind::Anthropic;
        // MCP Streamable HTTP: the session the server assigned at initialize.
        if (lower == "mcp-session-id")
            return Kind::Mcp;
    }
    return std::nullopt;
}

std::optional<StreamProfile::Kind> StreamProfile::fromEvent(const SseEvent &event,
                                                            const QJsonObject &json)
{
    if (event.data == u"[DONE]"_s)
        return Kind::OpenAiChat;
    const QString type = eventType(event, json);
    if (type.startsWith(u"response."_s))
        return Kind::OpenAiResponses;
    if (isAnthropicType(type))
        return Kind::Anthropic;
    if (json.isEmpty())
        return std::nullopt;
    const QString object = json.value("object"_L1).toString();
    if (object == u"chat.completion.chunk"_s || object == u"text_completion"_s)
        return Kind::OpenAiChat;
    if (const QJsonValue choices = json.value("choices"_L1); choices.isArray()) {
        const QJsonObject first = choices.toArray().at(0).toObject();
        if (first.contains("delta"_L1) || first.contains("text"_L1))
            return Kind::OpenAiChat;
    }
    if (json.value("candidates"_L1).isArray() || json.value("usageMetadata"_L1).isObject())
        return Kind::Gemini;
    if (json.value("jsonrpc"_L1).toString() == u"2.0"_s)
        return Kind::Mcp;
    if (json.value("done"_L1).isBool()
        && (json.contains("model"_L1) || json.contains("message"_L1)
            || json.contains("response"_L1)))
        return Kind::Ollama;
    return std::nullopt;
}

QJsonObject StreamProfile::parseObject(const QString &data)
{
    // Most data of a plain stream is not JSON at all: no parser for it.
    qsizetype start = 0;
    while (start < data.size() && data.at(start).isSpace())
        ++start;
    if (start == data.size() || data.at(start) != u'{')
        return {};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(data.toUtf8(), &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

QString StreamProfile::eventType(const SseEvent &event, const QJsonObject &json)
{
    if (!event.type.isEmpty() && event.type != u"message"_s)
        return event.type;
    const QJsonValue type = json.value("type"_L1);
    return type.isString() ? type.toString() : event.type;
}

bool StreamProfile::needsJson(Kind kind, const SseEvent &event)
{
    const QString &data = event.data;
    switch (kind) {
    case Kind::Auto:
    case Kind::None:
    case Kind::Custom:
        return false;
    case Kind::OpenAiChat:
        return data.contains(u"\"error\""_s);
    case Kind::OpenAiResponses:
    case Kind::Anthropic:
        // The SSE type says all, unless a proxy dropped it or the event is an error.
        return event.type.isEmpty() || event.type == u"message"_s || event.type == u"error"_s
                || event.type == u"response.failed"_s;
    case Kind::Gemini:
        return data.contains(u"finishReason"_s) || data.contains(u"\"error\""_s);
    case Kind::Mcp:
        return data.contains(u"\"result\""_s) || data.contains(u"\"error\""_s);
    case Kind::Ollama:
        return (data.contains(u"\"done\""_s) && data.contains(u"true"_s))
                || data.contains(u"\"error\""_s);
    }
    return false;
}

QString StreamProfile::endMarker(Kind kind, const SseEvent &event, const QString &type,
                                 const QJsonObject &json)
{
    if (kind == Kind::None || kind == Kind::Auto)
        return {};
    // OpenAI's sentinel, also sent by most OpenAI-compatible servers whatever their chunks.
    if (event.data == u"[DONE]"_s)
        return u"[DONE]"_s;
    switch (kind) {
    case Kind::OpenAiResponses:
        if (type == u"response.completed"_s || type == u"response.incomplete"_s)
            return type;
        break;
    case Kind::Anthropic:
        if (type == u"message_stop"_s)
            return type;
        break;
    case Kind::Gemini: {
        // The last chunk of a candidate carries its finishReason (and the final usage).
        const QJsonObject candidate = json.value("candidates"_L1).toArray().at(0).toObject();
        const QString reason = candidate.value("finishReason"_L1).toString();
        if (!reason.isEmpty())
            return u"finishReason "_s + reason;
        break;
    }
    case Kind::Ollama:
        if (json.value("done"_L1).toBool())
            return u"done"_s;
        break;
    case Kind::Mcp:
        // Streamable HTTP: the server closes a POST's stream once it has sent the response.
        if (isJsonRpcResponse(json))
            return u"JSON-RPC response"_s;
        break;
    case Kind::Auto:
    case Kind::None:
    case Kind::OpenAiChat:
    case Kind::Custom:
        break;
    }
    return {};
}

QString StreamProfile::errorMessage(Kind kind, const QString &type, const QJsonObject &json)
{
    switch (kind) {
    case Kind::OpenAiChat:
        if (const QJsonValue error = json.value("error"_L1); error.isObject())
            return errorObjectText(error.toObject(), "type");
        break;
    case Kind::OpenAiResponses:
        if (type == u"error"_s)
            return errorObjectText(json, "code");
        if (type == u"response.failed"_s) {
            const QJsonObject error =
                    json.value("response"_L1).toObject().value("error"_L1).toObject();
            return error.isEmpty() ? u"response.failed"_s : errorObjectText(error, "code");
        }
        break;
    case Kind::Anthropic:
        if (type == u"error"_s)
            return errorObjectText(json.value("error"_L1).toObject(), "type");
        break;
    case Kind::Gemini:
        if (const QJsonValue error = json.value("error"_L1); error.isObject())
            return errorObjectText(error.toObject(), "status");
        break;
    case Kind::Ollama:
        if (const QJsonValue error = json.value("error"_L1); error.isString())
            return error.toString();
        break;
    case Kind::Mcp:
        if (isJsonRpcResponse(json) && json.value("error"_L1).isObject())
            return errorObjectText(json.value("error"_L1).toObject(), "code");
        break;
    case Kind::Auto:
    case Kind::None:
    case Kind::Custom:
        break;
    }
    return {};
}
