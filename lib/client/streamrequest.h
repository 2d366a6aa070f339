// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
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
///         "jitter": 0.2, "maxAttempts": 0, "stableAfterMs": 10000 } }
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
