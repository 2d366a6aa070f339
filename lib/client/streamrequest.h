// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <optional>
#include <utility>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QUrl>

#include "reconnectpolicy.h"
#include "sseparser.h"
#include "streamprofile.h"

/// What to open: everything a client needs to watch one stream, as a copyable value. SseReader
/// re-sends it unchanged (plus Last-Event-ID) on every reconnect; sessions and test files keep it
/// in its JSON form (StreamRequestJson).
struct StreamRequest
{
    using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

    QUrl url;
    QByteArray method = QByteArrayLiteral("GET");
    QByteArray body; ///< Sent with every attempt (POST, PUT, …).
    /// Extra headers, in order (a name may repeat); they override the reader's defaults of the
    /// same name.
    HeaderList headers;
    QString lastEventId; ///< Initial Last-Event-ID (empty = none).
    bool ignoreTlsErrors = false;
    /// No bytes for this long → IdleTimeout (0 = off).
    std::chrono::milliseconds idleTimeout { 0 };
    ReconnectPolicy::Settings reconnect;
    qsizetype maximumEventSize = SseParser::DefaultMaximumEventSize;
    /// The stream's format (StreamProfile): it decides which events end the stream (an end
    /// marker closes it as "completed" and never reconnects). Auto detects it; None reads a plain
    /// event stream that only ends when the server ends it.
    StreamProfile::Kind profile = StreamProfile::Kind::Auto;
    CustomProfile customProfile; ///< Where a Custom profile finds the answer.
    /// The user's own end marker (EventMatcher syntax: "[DONE]", "event:NAME", "/REGEX/"): the
    /// first event that matches ends the stream as "until". Empty = none.
    QString until;
    /// Whether a reconnect may send the request again, body and all, after its stream opened
    /// (it ended or broke). nullopt = by method (resendsBody()): re-sending a POST repeats an
    /// action, and against a paid API every repeat is a new completion, so it must be asked for.
    /// An attempt that got no stream (refused, an error status) may be retried either way.
    std::optional<bool> resendBody;

    /// resendBody, or by method: yes for GET, HEAD and OPTIONS, no for POST, PUT, PATCH, DELETE
    /// and any other method.
    bool resendsBody() const;
    /// Whether a method is safe (RFC 9110 §9.2.1) and so repeatable: GET, HEAD, OPTIONS, TRACE.
    static bool isSafeMethod(QByteArrayView method);

    /// Whether a header's value is a credential, to be masked on screen and kept out of saved
    /// files unless the user asks: Authorization, Proxy-Authorization, Cookie, API keys, and any
    /// name containing "token", "secret", "password" or "apikey" (case-insensitive).
    static bool isSecretHeader(QStringView name);
};

/// The versioned JSON form of a StreamRequest, shared by sessions, test files and the CLI.
///
/// toJson() writes every field, defaults included, so a file says exactly what it sends even if
/// a later version changes a default; fromJson() takes any missing field as the default and
/// ignores unknown fields. Layout (version 1):
///
///     { "version": 1, "method": "GET", "url": "https://…",
///       "headers": [ { "name": "Accept", "value": "…" }, { "name": "Cookie", "secret": true } ],
///       "body": "…", "bodyEncoding": "base64" (only when the body is not UTF-8 text that reads
///         back byte for byte: invalid UTF-8, or a leading BOM, which Qt's JSON reader drops),
///       "lastEventId": "", "ignoreTlsErrors": false, "idleTimeoutMs": 0,
///       "maximumEventSize": 16777216,
///       "reconnect": { "policy": "browser|fixed|backoff|off", "retryOverrideMs": 750 (absent =
///         none), "fixedDelayMs": 3000, "backoffBaseMs": 1000, "backoffCapMs": 30000,
///         "jitter": 0.2, "maxAttempts": 0, "stableAfterMs": 10000 },
///       "resendBody": false (absent or null = by method, see StreamRequest::resendsBody()),
///       "profile": "auto|none|openai-chat|openai-responses|anthropic|gemini|mcp|ollama|custom",
///       "customProfile": { "text": "/choices/0/delta/content", "reasoning": "",
///         "toolCallId": "", "toolCallName": "", "toolCallArguments": "" } (JSON pointers),
///       "until": "" (an EventMatcher spec) }
///
/// resendBody, profile, customProfile and until came later within version 1: older files lack
/// them and read as the defaults.
///
/// Header names and values are UTF-8 text. A header written as `"secret": true` without a
/// "value" is a secret whose value was not saved.
namespace StreamRequestJson {

/// The layout version written, and the only one read.
constexpr int Version = 1;

struct Options
{
    /// Secret headers (StreamRequest::isSecretHeader) are written without their value, as
    /// {"name": …, "secret": true}, unless this is true…
    bool keepSecretValues = false;
    /// …or their index in StreamRequest::headers is listed here (the user chose to save that one).
    QList<qsizetype> keptSecretHeaders;
};

/// What fromJson() read.
struct Result
{
    StreamRequest request; ///< Complete when error is empty; defaults otherwise.
    /// Empty on success, else "field: problem" in English, e.g.
    /// "reconnect.maxAttempts: expected a whole number >= 0" or "headers[2].name: …".
    QString error;
    /// Indexes into request.headers of secrets whose value was not saved: their value is empty
    /// and someone has to supply it.
    QList<qsizetype> unsavedSecrets;

    bool isValid() const { return error.isEmpty(); }
    /// The names of the unsavedSecrets headers, in order.
    QStringList unsavedSecretNames() const;
};

QJsonObject toJson(const StreamRequest &request, const Options &options = {});
Result fromJson(const QJsonObject &json);

} // namespace StreamRequestJson
