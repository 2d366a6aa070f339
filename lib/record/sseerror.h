// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QMetaEnum>
#include <QMetaType>
#include <QObject>
#include <QString>

/// One failure reported by SseReader, as a copyable value. The message is English technical
/// text (no tr()); front ends translate by kind if they want to.
struct SseError
{
    Q_GADGET
public:
    enum class Kind {
        None,
        InvalidUrl, ///< Empty, relative or non-http(s) URL, or an unsupported protocol.
        HostNotFound,
        ConnectionRefused,
        RemoteClosed, ///< The server ended the stream: the body ended where its framing says.
        /// The server closed the connection where the HTTP framing says more must come (before
        /// the end of a chunked or Content-Length body, or before any response).
        StreamCut,
        ConnectionReset, ///< The connection broke mid-stream (reset, remote host closed abruptly).
        NetworkError, ///< Any other network-level failure (proxy, unreachable, protocol error…).
        Tls, ///< TLS handshake or certificate failure; the message lists the certificate problems.
        Timeout, ///< The network layer timed out (connect or transfer timeout).
        IdleTimeout, ///< No bytes for Request::idleTimeout (catches half-open connections).
        Redirect, ///< Too many redirects, or a redirect from https to http (refused).
        HttpStatus, ///< A status other than 200 (and 204); httpStatus holds it.
        WrongContentType, ///< The response is not text/event-stream; the message names the type.
        NoContent, ///< HTTP 204: the server asks the client to stop.
        EventTooLarge, ///< One event passed Request::maximumEventSize; it was skipped (not fatal).
        SimulatedDrop, ///< simulateDrop(Abort): the connection was cut on purpose.
        SimulatedOffline, ///< simulateDrop(Offline): the cut and every attempt inside the window.
        GaveUp, ///< ReconnectPolicy::Settings::maxAttempts used up.
        /// The server reported an error inside a stream that had answered 200 (an error event of
        /// the stream's profile, e.g. Anthropic's `event: error`); the stream ends there.
        StreamError,
    };
    Q_ENUM(Kind)

    Kind kind = Kind::None;
    QString message; ///< English, technical, complete sentence fragment ("connection refused").
    /// The part of the failure that is not in its kind, untranslated: a host:port, a status
    /// line's "500 Internal Server Error", a Content-Type, a number. Faces put it after their
    /// own words for the kind, so that a message never says the same thing twice; empty when
    /// the kind says it all.
    QString detail;
    bool fatal = false; ///< True when the reader stops for good after this error.
    bool simulated = false; ///< True when the fault was injected by simulateDrop().
    int httpStatus = 0; ///< The response status when one was received, else 0.
    /// HttpStatus: the response body decoded as text (its charset, else UTF-8), at most
    /// MaximumBodyBytes of it; empty when there was none. A 401's `{"error": …}` is here.
    QString body;
    bool bodyTruncated = false; ///< True when the body was longer than MaximumBodyBytes.

    /// How much of a failed response's body is kept.
    static constexpr qsizetype MaximumBodyBytes = 64 * 1024;

    /// Stable camelCase identifier of a kind, for logs and NDJSON ("connectionRefused").
    static QString kindName(Kind kind);
    /// Inverse of kindName(); nullopt for unknown names.
    static std::optional<Kind> kindFromName(QStringView name);
    bool isNull() const { return kind == Kind::None; }

    friend bool operator==(const SseError &, const SseError &) = default;
};

Q_DECLARE_METATYPE(SseError)

inline QString SseError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::InvalidUrl:
        return QStringLiteral("invalidUrl");
    case Kind::HostNotFound:
        return QStringLiteral("hostNotFound");
    case Kind::ConnectionRefused:
        return QStringLiteral("connectionRefused");
    case Kind::RemoteClosed:
        return QStringLiteral("remoteClosed");
    case Kind::StreamCut:
        return QStringLiteral("streamCut");
    case Kind::ConnectionReset:
        return QStringLiteral("connectionReset");
    case Kind::NetworkError:
        return QStringLiteral("networkError");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::IdleTimeout:
        return QStringLiteral("idleTimeout");
    case Kind::Redirect:
        return QStringLiteral("redirect");
    case Kind::HttpStatus:
        return QStringLiteral("httpStatus");
    case Kind::WrongContentType:
        return QStringLiteral("wrongContentType");
    case Kind::NoContent:
        return QStringLiteral("noContent");
    case Kind::EventTooLarge:
        return QStringLiteral("eventTooLarge");
    case Kind::SimulatedDrop:
        return QStringLiteral("simulatedDrop");
    case Kind::SimulatedOffline:
        return QStringLiteral("simulatedOffline");
    case Kind::GaveUp:
        return QStringLiteral("gaveUp");
    case Kind::StreamError:
        return QStringLiteral("streamError");
    }
    return QStringLiteral("unknown");
}

inline std::optional<SseError::Kind> SseError::kindFromName(QStringView name)
{
    const QMetaEnum kinds = QMetaEnum::fromType<Kind>();
    for (int i = 0; i < kinds.keyCount(); ++i) {
        const auto kind = Kind(kinds.value(i));
        if (name == kindName(kind))
            return kind;
    }
    return std::nullopt;
}
