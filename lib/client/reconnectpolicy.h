// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <optional>

#include <QString>
#include <QStringView>
#include <QtGlobal>

/// Decides whether and when an SSE client reconnects after a failure. Pure arithmetic: no
/// QObject, no timers, no I/O, so every schedule is testable without sleeping.
///
/// Modes:
/// - Browser (default, as WHATWG/Chromium EventSource): delay = retryOverride, else the last
///   valid server `retry:`, else fixedDelay (3000 ms). Reconnects after NetworkError,
///   EndOfStream and IdleTimeout; HttpStatus, WrongContentType and NoContent are fatal.
/// - Fixed: delay = retryOverride, else fixedDelay. It deliberately ignores server `retry:` and
///   Retry-After ("fixed" means the user's number). Also retries HTTP 5xx and 429.
/// - Backoff: backoffBase * 2^(attempt-1), hard-capped at backoffCap, then ±jitter (the result
///   never exceeds backoffCap). Ignores server `retry:` and retryOverride. Retries 5xx and 429;
///   a Retry-After on such a failure is a minimum: the delay is the longer of it and the
///   jittered step (source RetryAfter when Retry-After is longer), so the schedule keeps growing
///   under a short Retry-After. Capped at backoffCap too: the cap is the user's ceiling on any
///   single wait.
/// - Off: never reconnects.
/// In every mode, WrongContentType and NoContent (HTTP 204) are fatal, and with maxAttempts > 0
/// an attempt beyond it gives up. With maxAttempts 0, Fixed and Backoff still give up on an HTTP
/// status after httpStatusMaxAttempts (10 by default): a server that answers 5xx or 429 is up,
/// and asking it for ever only adds to its load. Attempts count the whole current run of
/// failures, whatever their kinds; resetting that count after a connection stayed open
/// `stableAfter` is the reader's job: it simply starts counting from 1 again.
class ReconnectPolicy
{
public:
    enum class Mode { Browser, Fixed, Backoff, Off };
    enum class FailureKind {
        NetworkError,
        EndOfStream,
        IdleTimeout,
        HttpStatus,
        WrongContentType,
        NoContent
    };
    enum class DelaySource { Default, ServerRetry, Override, Backoff, RetryAfter };

    /// Why the previous connection ended.
    struct Failure
    {
        FailureKind kind = FailureKind::NetworkError;
        int httpStatus = 0; ///< For HttpStatus: the response status (non-200).
        std::optional<std::chrono::milliseconds>
                retryAfter; ///< A parsed Retry-After header, if any.
    };

    /// The wait before the next attempt and where that number came from.
    struct Delay
    {
        std::chrono::milliseconds delay { 0 };
        DelaySource source = DelaySource::Default;
        friend bool operator==(const Delay &, const Delay &) = default;
    };

    /// Settings::httpStatusMaxAttempts by default.
    static constexpr int DefaultHttpStatusMaxAttempts = 10;

    struct Settings
    {
        Mode mode = Mode::Browser;
        std::chrono::milliseconds fixedDelay {
            3000
        }; ///< Browser's default delay and Fixed's delay.
        /// User override of the delay for Browser and Fixed (wins over server `retry:`).
        std::optional<std::chrono::milliseconds> retryOverride;
        std::chrono::milliseconds backoffBase { 1000 };
        std::chrono::milliseconds backoffCap { 30000 };
        double jitter = 0.2; ///< Backoff only: fraction, 0.2 = ±20 %. Clamped to [0, 1].
        int maxAttempts = 0; ///< 0 = unlimited, except after HTTP statuses (see below).
        /// The cap on attempts after an HTTP status while maxAttempts is 0; 0 = unlimited.
        int httpStatusMaxAttempts = DefaultHttpStatusMaxAttempts;
        /// A connection open this long resets the attempt count (applied by the reader).
        std::chrono::milliseconds stableAfter { 10000 };

        /// The cap that applies after a failure of that kind, for a panel to show: maxAttempts
        /// when set, else httpStatusMaxAttempts for HttpStatus; 0 = none. Moot where the kind
        /// is fatal (HTTP statuses in Browser and Off).
        int maxAttemptsFor(FailureKind kind) const;
    };

    /// "browser", "fixed", "backoff", "off".
    static QString modeName(Mode mode);
    /// Case-insensitive inverse of modeName(); nullopt for unknown names.
    static std::optional<Mode> modeFromName(QStringView name);
    /// "network-error", "end-of-stream", "idle-timeout", "http-status", "wrong-content-type",
    /// "no-content" (stable identifiers for logs and NDJSON).
    static QString failureKindName(FailureKind kind);
    /// "default", "server-retry", "override", "backoff", "retry-after".
    static QString delaySourceName(DelaySource source);

    /// Default settings (browser mode) and a random jitter seed.
    ReconnectPolicy();
    /// seed 0 picks a random seed; any other seed makes the backoff jitter reproducible.
    explicit ReconnectPolicy(const Settings &settings, quint32 seed = 0);

    const Settings &settings() const { return m_settings; }
    /// Settings::maxAttemptsFor(): the effective cap on attempts after that kind of failure.
    int maxAttemptsFor(FailureKind kind) const { return m_settings.maxAttemptsFor(kind); }
    void setSettings(const Settings &settings) { m_settings = settings; }
    /// The effective jitter seed (never 0).
    quint32 seed() const { return m_seed; }

    /// Records a valid `retry:` value from the stream; negative values are ignored.
    void setServerRetry(std::chrono::milliseconds retry);
    void clearServerRetry() { m_serverRetry.reset(); }
    std::optional<std::chrono::milliseconds> serverRetry() const { return m_serverRetry; }

    /// attempt is 1-based (1 = first reconnect after a failure); values below 1 count as 1.
    /// nullopt = do not reconnect (the failure is fatal for this mode, or maxAttempts is used up).
    /// The same attempt always yields the same delay for a given seed.
    std::optional<Delay> delayFor(int attempt, const Failure &failure) const;

    /// Whether this failure stops the stream for good under that mode.
    static bool isFatal(Mode mode, const Failure &failure);
    /// Statuses Fixed and Backoff retry: 5xx and 429.
    static bool isRetryableStatus(int httpStatus);

    /// Backoff's delay for an attempt before jitter: base * 2^(attempt-1), capped.
    std::chrono::milliseconds backoffDelay(int attempt) const;

private:
    Settings m_settings;
    quint32 m_seed = 0;
    std::optional<std::chrono::milliseconds> m_serverRetry;
};
