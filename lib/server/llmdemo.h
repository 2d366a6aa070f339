// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>
#include <QUrlQuery>

/// The demo server's LLM endpoints: a scripted answer in the wire format of each API, paced like
/// a model (a wait for the first token, then 20–50 ms per token), with its end marker and usage,
/// and faults on request. Pure: it writes the script (what to send when); DemoServer plays it.
///
/// Paths: /llm/openai (Chat Completions chunks, `data: [DONE]`), /llm/openai-responses
/// (response.* events), /llm/anthropic (Messages events with a thinking block), /llm/gemini
/// (`alt=sse` chunks), /llm/ollama (NDJSON, application/x-ndjson), /llm/mcp (JSON-RPC progress
/// notifications, then the tools/call result). Any method.
///
/// Query knobs: firstToken (ms before the first token, default 400), tokenMs (ms per token;
/// 0 = 20–50 ms, varying), tokens (how many of the answer's tokens, 1–200, default all 24),
/// error=midstream (an error event after half the tokens, then the end), nodone=1 (no end
/// marker: the stream just ends), buffered=1 (the whole body at once, after at least 1.2 s, as
/// a buffering gateway delivers it), usage=0 (no usage block).
class LlmDemo
{
public:
    enum class Format { OpenAiChat, OpenAiResponses, Anthropic, Gemini, Ollama, Mcp };

    struct Options
    {
        int firstTokenMs = 400;
        int tokenMs = 0; ///< 0 = 20–50 ms per token, varying.
        int tokens = 0; ///< 0 = the whole answer.
        bool midstreamError = false;
        bool noEndMarker = false;
        bool buffered = false;
        bool usage = true;
    };

    /// One write: `bytes` go out `delayMs` after the previous step.
    struct Step
    {
        int delayMs = 0;
        QByteArray bytes;
    };

    /// What to send: the Content-Type, then the steps; the connection closes after the last.
    struct Script
    {
        QByteArray contentType;
        QList<Step> steps;
    };

    /// A buffered answer arrives no sooner than this, so it reads as "a long wait".
    static constexpr int BufferedWaitMs = 1200;
    static constexpr int MaximumTokens = 200;

    /// The format a path serves ("/llm/openai", …), or nullopt.
    static std::optional<Format> formatForPath(QStringView path);
    /// Every endpoint's path, for help texts and the 404 page.
    static QList<QString> paths();
    /// Reads the query knobs; an English error naming the knob on a bad value.
    static std::optional<Options> optionsFromQuery(const QUrlQuery &query, QString *error);

    /// The script of one answer. `requestId` is the JSON-RPC id an MCP answer echoes.
    static Script script(Format format, const Options &options, const QByteArray &requestId = "1");

    /// The answer's text with that many tokens (0 = all), exactly as the deltas join up.
    static QString answer(int tokens = 0);
    /// The reasoning the formats that have a reasoning channel stream before the answer
    /// (openai-responses, anthropic, gemini, ollama).
    static QString reasoning();
};
