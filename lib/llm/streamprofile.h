// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <utility>

#include <QByteArray>
#include <QJsonObject>
#include <QLatin1String>
#include <QList>
#include <QString>
#include <QStringView>
#include <QUrl>

#include "sseevent.h"

/// Where a custom profile finds the parts of an answer in each event's JSON data: RFC 6901 JSON
/// pointers such as "/choices/0/delta/content". An empty pointer is not used.
struct CustomProfile
{
    QString text; ///< A string to append to the answer.
    QString reasoning; ///< A string to append to the reasoning.
    /// A tool call's id: a new id starts a new tool call; argument fragments without one belong
    /// to the last tool call.
    QString toolCallId;
    QString toolCallName; ///< A tool call's name.
    QString toolCallArguments; ///< A fragment of a tool call's arguments (a string), or an object.

    bool isEmpty() const
    {
        return text.isEmpty() && reasoning.isEmpty() && toolCallId.isEmpty()
                && toolCallName.isEmpty() && toolCallArguments.isEmpty();
    }
    friend bool operator==(const CustomProfile &, const CustomProfile &) = default;
};

/// The stream formats of LLM APIs that SSE Scope knows by name: how to tell them apart, which
/// event ends them, which reports an error, whether they report usage. Pure functions; the
/// stateful parts are ProfileDetector, EndMarkerDetector and DeltaAssembler.
///
/// | profile | wire | text | end marker |
/// | --- | --- | --- | --- |
/// | openai-chat | SSE `chat.completion.chunk` | choices[0].delta.content | `data: [DONE]` |
/// | openai-responses | SSE `response.*` events | response.output_text.delta | response.completed / .incomplete (.failed: error) |
/// | anthropic | SSE Messages events | content_block_delta text_delta | message_stop (`error`: error) |
/// | gemini | SSE `alt=sse` | candidates[0].content.parts[].text | a candidate's finishReason |
/// | mcp | SSE JSON-RPC messages (Streamable HTTP) | the result's text content | the JSON-RPC response |
/// | ollama | NDJSON | message.content or response | `"done": true` |
/// | custom | any JSON | JSON pointers (CustomProfile) | only the user's own (`until`) |
class StreamProfile
{
public:
    enum class Kind {
        Auto, ///< Decide from the URL, the headers and the first events.
        None, ///< A plain event stream: no end marker, nothing to merge.
        OpenAiChat,
        OpenAiResponses,
        Anthropic,
        Gemini,
        Mcp,
        Ollama,
        Custom,
    };

    /// "auto", "none", "openai-chat", "openai-responses", "anthropic", "gemini", "mcp",
    /// "ollama", "custom".
    static QLatin1String name(Kind kind);
    /// Case-insensitive inverse of name(); nullopt for unknown names.
    static std::optional<Kind> fromName(QStringView name);
    /// Every kind, in the order of the enum (for help texts and choosers).
    static QList<Kind> kinds();

    /// Whether a stream of that kind ends with an end marker, whose absence means it was cut.
    static bool hasEndMarker(Kind kind);
    /// Whether that kind reports token usage, so that a stream without it is worth a warning.
    static bool reportsUsage(Kind kind);

    /// A hint from the request URL (its host and path), or nullopt.
    static std::optional<Kind> fromUrl(const QUrl &url);
    /// A hint from the response headers, or nullopt: `anthropic-*` headers (Anthropic serves
    /// one stream format) and `Mcp-Session-Id` (MCP). Headers that a vendor sends on streams of
    /// several formats (OpenAI's `openai-*`) or that many producers share (a JSON-lines
    /// Content-Type) say nothing: a wrong profile would expect an end marker that never comes.
    static std::optional<Kind> fromHeaders(const QList<std::pair<QByteArray, QByteArray>> &headers);
    /// What one event's shape says, or nullopt when it says nothing. `json` is the event's data
    /// parsed as a JSON object (empty when it is not one).
    static std::optional<Kind> fromEvent(const SseEvent &event, const QJsonObject &json);

    /// Whether judging this event under that profile (endMarker(), errorMessage()) needs its data
    /// as JSON: a cheap look at the text, so a plain fast stream is never parsed.
    static bool needsJson(Kind kind, const SseEvent &event);
    /// The end marker the event is under that profile ("[DONE]", "message_stop",
    /// "response.completed", "finishReason STOP", "done", "JSON-RPC response"), or empty. `type`
    /// is eventType(). An error event is not a marker: see errorMessage().
    static QString endMarker(Kind kind, const SseEvent &event, const QString &type,
                             const QJsonObject &json);
    /// The error the event reports under that profile, as "kind: message" in the provider's own
    /// words (e.g. "overloaded_error: Overloaded"), or empty when it reports none.
    static QString errorMessage(Kind kind, const QString &type, const QJsonObject &json);

    /// The event's JSON data as an object, or an empty object (a cheap check first: the data
    /// must start with '{').
    static QJsonObject parseObject(const QString &data);
    /// The event's type: the SSE `event:` field, or the data's "type" when the event has none
    /// (some proxies drop `event:` lines; Anthropic and OpenAI repeat the type in the data).
    static QString eventType(const SseEvent &event, const QJsonObject &json);
};
