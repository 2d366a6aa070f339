// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "reconnectpolicy.h"

#include <algorithm>
#include <cmath>

#include <QRandomGenerator>

using namespace Qt::StringLiterals;
using std::chrono::milliseconds;

namespace {

// splitmix64: a stateless mix, so delayFor() stays const and the same (seed, attempt) always
// gives the same jitter, however often a UI asks.
quint64 mix(quint64 value)
{
    value += 0x9E3779B97F4A7C15ULL;
    value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ULL;
    value = (value ^ (value >> 27)) * 0x94D049BB133111EBULL;
    return value ^ (value >> 31);
}

// Uniform in [-1, 1).
double unitJitter(quint32 seed, int attempt)
{
    const quint64 bits = mix((quint64(seed) << 32) ^ quint64(quint32(attempt)));
    return double(bits >> 11) * 0x1.0p-53 * 2.0 - 1.0;
}

} // namespace

QString ReconnectPolicy::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Browser:
        return u"browser"_s;
    case Mode::Fixed:
        return u"fixed"_s;
    case Mode::Backoff:
        return u"backoff"_s;
    case Mode::Off:
        return u"off"_s;
    }
    return {};
}

std::optional<ReconnectPolicy::Mode> ReconnectPolicy::modeFromName(QStringView name)
{
    for (Mode mode : { Mode::Browser, Mode::Fixed, Mode::Backoff, Mode::Off }) {
        if (name.compare(modeName(mode), Qt::CaseInsensitive) == 0)
            return mode;
    }
    return std::nullopt;
}

QString ReconnectPolicy::failureKindName(FailureKind kind)
{
    switch (kind) {
    case FailureKind::NetworkError:
        return u"network-error"_s;
    case FailureKind::EndOfStream:
        return u"end-of-stream"_s;
    case FailureKind::IdleTimeout:
        return u"idle-timeout"_s;
    case FailureKind::HttpStatus:
        return u"http-status"_s;
    case FailureKind::WrongContentType:
        return u"wrong-content-type"_s;
    case FailureKind::NoContent:
        return u"no-content"_s;
    }
    return {};
}

QString ReconnectPolicy::delaySourceName(DelaySource source)
{
    switch (source) {
    case DelaySource::Default:
        return u"default"_s;
    case DelaySource::ServerRetry:
        return u"server-retry"_s;
    case DelaySource::Override:
        return u"override"_s;
    case DelaySource::Backoff:
        return u"backoff"_s;
    case DelaySource::RetryAfter:
        return u"retry-after"_s;
    }
    return {};
}

ReconnectPolicy::ReconnectPolicy()
    : ReconnectPolicy(Settings {})
{}

ReconnectPolicy::ReconnectPolicy(const Settings &settings, quint32 seed)
    : m_settings(settings)
    , m_seed(seed)
{
    while (m_seed == 0)
        m_seed = QRandomGenerator::global()->generate();
}

void ReconnectPolicy::setServerRetry(milliseconds retry)
{
    if (retry.count() >= 0)
        m_serverRetry = retry;
}

bool ReconnectPolicy::isRetryableStatus(int httpStatus)
{
    // 503 and 429 are the statuses servers use to say "come back later"; the other 5xx are
    // usually transient proxy or deploy errors. 4xx are the client's fault and will not heal.
    return (httpStatus >= 500 && httpStatus <= 599) || httpStatus == 429;
}

bool ReconnectPolicy::isFatal(Mode mode, const Failure &failure)
{
    if (mode == Mode::Off)
        return true;
    switch (failure.kind) {
    case FailureKind::NetworkError:
    case FailureKind::EndOfStream:
    case FailureKind::IdleTimeout:
        return false;
    case FailureKind::HttpStatus:
        // HTML §9.2.3: "if res's status is not 200 ... fail the connection" (no reconnect).
        // Fixed and Backoff are opt-in extensions for servers that shed load with 5xx/429.
        return mode == Mode::Browser || !isRetryableStatus(failure.httpStatus);
    case FailureKind::WrongContentType:
    case FailureKind::NoContent:
        // A 204 is the spec's way for a server to say "stop reconnecting", and a wrong type
        // will not fix itself; every mode honours both.
        return true;
    }
    return true;
}

int ReconnectPolicy::Settings::maxAttemptsFor(FailureKind kind) const
{
    if (maxAttempts > 0)
        return maxAttempts;
    return kind == FailureKind::HttpStatus ? std::max(httpStatusMaxAttempts, 0) : 0;
}

milliseconds ReconnectPolicy::backoffDelay(int attempt) const
{
    const qint64 base = std::max<qint64>(0, m_settings.backoffBase.count());
    const qint64 cap = std::max<qint64>(0, m_settings.backoffCap.count());
    qint64 delay = std::min(base, cap);
    // Doubling step by step instead of base << n avoids overflow for large attempt numbers.
    for (int step = 1; step < attempt && delay < cap; ++step)
        delay = std::min(delay * 2, cap);
    return milliseconds(delay);
}

std::optional<ReconnectPolicy::Delay> ReconnectPolicy::delayFor(int attempt,
                                                                const Failure &failure) const
{
    attempt = std::max(attempt, 1);
    if (isFatal(m_settings.mode, failure))
        return std::nullopt;
    if (const int cap = m_settings.maxAttemptsFor(failure.kind); cap > 0 && attempt > cap)
        return std::nullopt;

    switch (m_settings.mode) {
    case Mode::Browser:
        // HTML §9.2.3: "set the event stream's reconnection time to that integer" — a valid
        // retry: replaces the default; the user's override beats both.
        if (m_settings.retryOverride)
            return Delay { std::max(*m_settings.retryOverride, milliseconds(0)),
                           DelaySource::Override };
        if (m_serverRetry)
            return Delay { *m_serverRetry, DelaySource::ServerRetry };
        return Delay { std::max(m_settings.fixedDelay, milliseconds(0)), DelaySource::Default };
    case Mode::Fixed:
        if (m_settings.retryOverride)
            return Delay { std::max(*m_settings.retryOverride, milliseconds(0)),
                           DelaySource::Override };
        return Delay { std::max(m_settings.fixedDelay, milliseconds(0)), DelaySource::Default };
    case Mode::Backoff: {
        const milliseconds cap = std::max(m_settings.backoffCap, milliseconds(0));
        const double jitter = std::clamp(m_settings.jitter, 0.0, 1.0);
        const double nominal = double(backoffDelay(attempt).count());
        const double jittered = nominal * (1.0 + jitter * unitJitter(m_seed, attempt));
        const milliseconds step(
                qint64(std::llround(std::clamp(jittered, 0.0, double(cap.count())))));
        // RFC 9110 §10.2.3: Retry-After is how long the client "ought to wait" at least. Taking
        // it instead of the step let a 429 with "Retry-After: 1" be retried every second forever.
        if (failure.retryAfter) {
            const milliseconds retryAfter = std::clamp(*failure.retryAfter, milliseconds(0), cap);
            if (retryAfter > step)
                return Delay { retryAfter, DelaySource::RetryAfter };
        }
        return Delay { step, DelaySource::Backoff };
    }
    case Mode::Off:
        break;
    }
    return std::nullopt;
}
