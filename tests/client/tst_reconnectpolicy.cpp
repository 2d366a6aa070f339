// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <QTest>

#include "reconnectpolicy.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using std::chrono::milliseconds;

using Mode = ReconnectPolicy::Mode;
using Kind = ReconnectPolicy::FailureKind;
using Source = ReconnectPolicy::DelaySource;

Q_DECLARE_METATYPE(ReconnectPolicy::Mode)
Q_DECLARE_METATYPE(ReconnectPolicy::FailureKind)
Q_DECLARE_METATYPE(ReconnectPolicy::DelaySource)

namespace {

constexpr int Unlimited = 1'000'000; // maxAttempts tests: stands for "any attempt number"

ReconnectPolicy::Failure failure(Kind kind, int status = 0)
{
    ReconnectPolicy::Failure result;
    result.kind = kind;
    result.httpStatus = status;
    return result;
}

ReconnectPolicy::Settings settingsFor(Mode mode)
{
    ReconnectPolicy::Settings settings;
    settings.mode = mode;
    settings.jitter = 0; // exact numbers in the matrix; jitter has its own tests
    return settings;
}

} // namespace

class TestReconnectPolicy : public QObject
{
    Q_OBJECT
private slots:
    void matrix_data();
    void matrix();
    void serverRetryReplacesDefault();
    void overrideWins_data();
    void overrideWins();
    void negativeServerRetryIgnored();
    void backoffDoublesToCap();
    void backoffLargeAttemptDoesNotOverflow();
    void jitterWithinBoundsAndDeterministic_data();
    void jitterWithinBoundsAndDeterministic();
    void jitterNeverExceedsCap();
    void differentSeedsDiffer();
    void retryAfter_data();
    void retryAfter();
    void retryAfterIsAMinimum_data();
    void retryAfterIsAMinimum();
    void retryAfterDoesNotPinBackoff();
    void maxAttempts_data();
    void maxAttempts();
    void defaultSettingsCapHttpStatuses();
    void attemptBelowOneCountsAsOne();
    void modeNames_data();
    void modeNames();
    void unknownModeName();
    void names();
};

// Each mode x each failure kind: fatal (-1) or the delay, with defaults (3000 ms, base 1000).
void TestReconnectPolicy::matrix_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("expected"); // ms, or -1 for "no reconnect"
    QTest::addColumn<Source>("source");

    struct Row
    {
        const char *name;
        Kind kind;
        int status;
    };
    const Row rows[] = {
        { "network", Kind::NetworkError, 0 },  { "eof", Kind::EndOfStream, 0 },
        { "idle", Kind::IdleTimeout, 0 },      { "http404", Kind::HttpStatus, 404 },
        { "http500", Kind::HttpStatus, 500 },  { "http503", Kind::HttpStatus, 503 },
        { "http429", Kind::HttpStatus, 429 },  { "http400", Kind::HttpStatus, 400 },
        { "http301", Kind::HttpStatus, 301 },  { "wrongType", Kind::WrongContentType, 200 },
        { "noContent", Kind::NoContent, 204 },
    };
    const auto retryable = [](const Row &row) {
        return row.kind != Kind::WrongContentType && row.kind != Kind::NoContent
                && (row.kind != Kind::HttpStatus || row.status >= 500 || row.status == 429);
    };
    for (const Row &row : rows) {
        const bool transport = row.kind == Kind::NetworkError || row.kind == Kind::EndOfStream
                || row.kind == Kind::IdleTimeout;
        QTest::addRow("browser-%s", row.name) << Mode::Browser << row.kind << row.status
                                              << (transport ? 3000 : -1) << Source::Default;
        QTest::addRow("fixed-%s", row.name) << Mode::Fixed << row.kind << row.status
                                            << (retryable(row) ? 3000 : -1) << Source::Default;
        QTest::addRow("backoff-%s", row.name) << Mode::Backoff << row.kind << row.status
                                              << (retryable(row) ? 1000 : -1) << Source::Backoff;
        QTest::addRow("off-%s", row.name)
                << Mode::Off << row.kind << row.status << -1 << Source::Default;
    }
}

void TestReconnectPolicy::matrix()
{
    QFETCH(Mode, mode);
    QFETCH(Kind, kind);
    QFETCH(int, status);
    QFETCH(int, expected);
    QFETCH(Source, source);

    const ReconnectPolicy policy(settingsFor(mode), 1);
    const auto delay = policy.delayFor(1, failure(kind, status));
    QCOMPARE(ReconnectPolicy::isFatal(mode, failure(kind, status)), expected < 0);
    if (expected < 0) {
        QVERIFY(!delay);
        return;
    }
    QVERIFY(delay);
    QCOMPARE(delay->delay, milliseconds(expected));
    QCOMPARE(delay->source, source);
}

void TestReconnectPolicy::serverRetryReplacesDefault()
{
    ReconnectPolicy browser(settingsFor(Mode::Browser), 1);
    QVERIFY(!browser.serverRetry());
    browser.setServerRetry(1500ms);
    QCOMPARE(browser.serverRetry(), std::optional(1500ms));
    QCOMPARE(browser.delayFor(1, failure(Kind::EndOfStream)),
             std::optional(ReconnectPolicy::Delay { 1500ms, Source::ServerRetry }));
    // The latest valid value wins; 0 is valid ("reconnect at once").
    browser.setServerRetry(0ms);
    QCOMPARE(browser.delayFor(2, failure(Kind::NetworkError)),
             std::optional(ReconnectPolicy::Delay { 0ms, Source::ServerRetry }));
    browser.clearServerRetry();
    QCOMPARE(browser.delayFor(1, failure(Kind::NetworkError))->source, Source::Default);

    // Fixed and Backoff deliberately ignore the server's retry:.
    ReconnectPolicy fixed(settingsFor(Mode::Fixed), 1);
    fixed.setServerRetry(1500ms);
    QCOMPARE(fixed.delayFor(1, failure(Kind::EndOfStream)),
             std::optional(ReconnectPolicy::Delay { 3000ms, Source::Default }));
    ReconnectPolicy backoff(settingsFor(Mode::Backoff), 1);
    backoff.setServerRetry(1500ms);
    QCOMPARE(backoff.delayFor(1, failure(Kind::EndOfStream)),
             std::optional(ReconnectPolicy::Delay { 1000ms, Source::Backoff }));
}

void TestReconnectPolicy::overrideWins_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<bool>("withServerRetry");
    QTest::addColumn<int>("expected");
    QTest::addColumn<Source>("source");
    QTest::newRow("browser") << Mode::Browser << false << 250 << Source::Override;
    QTest::newRow("browser-over-retry") << Mode::Browser << true << 250 << Source::Override;
    QTest::newRow("fixed") << Mode::Fixed << false << 250 << Source::Override;
    QTest::newRow("fixed-over-retry") << Mode::Fixed << true << 250 << Source::Override;
    QTest::newRow("backoff-ignores") << Mode::Backoff << true << 1000 << Source::Backoff;
}

void TestReconnectPolicy::overrideWins()
{
    QFETCH(Mode, mode);
    QFETCH(bool, withServerRetry);
    QFETCH(int, expected);
    QFETCH(Source, source);
    auto settings = settingsFor(mode);
    settings.retryOverride = 250ms;
    ReconnectPolicy policy(settings, 1);
    if (withServerRetry)
        policy.setServerRetry(7000ms);
    const auto delay = policy.delayFor(1, failure(Kind::NetworkError));
    QVERIFY(delay);
    QCOMPARE(delay->delay, milliseconds(expected));
    QCOMPARE(delay->source, source);
}

void TestReconnectPolicy::negativeServerRetryIgnored()
{
    ReconnectPolicy policy(settingsFor(Mode::Browser), 1);
    policy.setServerRetry(800ms);
    policy.setServerRetry(-5ms);
    QCOMPARE(policy.serverRetry(), std::optional(800ms));
}

void TestReconnectPolicy::backoffDoublesToCap()
{
    auto settings = settingsFor(Mode::Backoff);
    settings.backoffBase = 500ms;
    settings.backoffCap = 10000ms;
    const ReconnectPolicy policy(settings, 1);
    QList<qint64> schedule;
    for (int attempt = 1; attempt <= 8; ++attempt) {
        const auto delay = policy.delayFor(attempt, failure(Kind::NetworkError));
        QVERIFY(delay);
        QCOMPARE(delay->source, Source::Backoff);
        schedule << delay->delay.count();
    }
    QCOMPARE(schedule, (QList<qint64> { 500, 1000, 2000, 4000, 8000, 10000, 10000, 10000 }));
}

void TestReconnectPolicy::backoffLargeAttemptDoesNotOverflow()
{
    auto settings = settingsFor(Mode::Backoff);
    const ReconnectPolicy policy(settings, 1);
    QCOMPARE(policy.backoffDelay(100000), 30000ms);
    QCOMPARE(policy.delayFor(std::numeric_limits<int>::max(), failure(Kind::NetworkError))->delay,
             30000ms);
}

void TestReconnectPolicy::jitterWithinBoundsAndDeterministic_data()
{
    QTest::addColumn<double>("jitter");
    QTest::addColumn<quint32>("seed");
    QTest::newRow("20%-seed1") << 0.2 << 1u;
    QTest::newRow("20%-seed42") << 0.2 << 42u;
    QTest::newRow("50%-seed7") << 0.5 << 7u;
    QTest::newRow("100%-seed9") << 1.0 << 9u;
}

void TestReconnectPolicy::jitterWithinBoundsAndDeterministic()
{
    QFETCH(double, jitter);
    QFETCH(quint32, seed);
    auto settings = settingsFor(Mode::Backoff);
    settings.jitter = jitter;
    settings.backoffBase = 1000ms;
    settings.backoffCap = 1'000'000ms; // far away: bounds are exactly nominal * (1 ± jitter)
    const ReconnectPolicy policy(settings, seed);
    const ReconnectPolicy twin(settings, seed);
    QCOMPARE(policy.seed(), seed);
    bool anyJittered = false;
    for (int attempt = 1; attempt <= 9; ++attempt) {
        const qint64 nominal = 1000LL << (attempt - 1);
        const auto delay = policy.delayFor(attempt, failure(Kind::NetworkError));
        QVERIFY(delay);
        const qint64 ms = delay->delay.count();
        QVERIFY2(ms >= qint64(nominal * (1 - jitter)) && ms <= qint64(nominal * (1 + jitter)) + 1,
                 qPrintable(u"attempt %1: %2 ms"_s.arg(attempt).arg(ms)));
        anyJittered = anyJittered || ms != nominal;
        // Same seed, same attempt: same number, and asking again does not change it.
        QCOMPARE(twin.delayFor(attempt, failure(Kind::NetworkError))->delay, delay->delay);
        QCOMPARE(policy.delayFor(attempt, failure(Kind::NetworkError))->delay, delay->delay);
    }
    QVERIFY(anyJittered);
}

void TestReconnectPolicy::jitterNeverExceedsCap()
{
    auto settings = settingsFor(Mode::Backoff);
    settings.jitter = 0.5;
    settings.backoffBase = 1000ms;
    settings.backoffCap = 4000ms;
    for (quint32 seed = 1; seed <= 50; ++seed) {
        const ReconnectPolicy policy(settings, seed);
        for (int attempt = 1; attempt <= 6; ++attempt) {
            const auto delay = policy.delayFor(attempt, failure(Kind::EndOfStream))->delay;
            QVERIFY(delay <= 4000ms);
            QVERIFY(delay >= milliseconds(qint64(policy.backoffDelay(attempt).count() * 0.5)));
        }
    }
}

void TestReconnectPolicy::differentSeedsDiffer()
{
    auto settings = settingsFor(Mode::Backoff);
    settings.jitter = 0.2;
    const ReconnectPolicy a(settings, 1);
    const ReconnectPolicy b(settings, 2);
    bool differs = false;
    for (int attempt = 1; attempt <= 5; ++attempt)
        differs = differs
                || a.delayFor(attempt, failure(Kind::NetworkError))
                        != b.delayFor(attempt, failure(Kind::NetworkError));
    QVERIFY(differs);
    // Seed 0 means "random": the policy picks a non-zero one.
    QVERIFY(ReconnectPolicy(settings, 0).seed() != 0);
    QVERIFY(ReconnectPolicy().seed() != 0);
}

void TestReconnectPolicy::retryAfter_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("retryAfterMs");
    QTest::addColumn<int>("expected");
    QTest::addColumn<Source>("source");
    // Backoff with base 1000, cap 30000, no jitter: the step is 1000, 2000, 4000, 8000, …
    QTest::newRow("backoff-longer-retry-after")
            << Mode::Backoff << 503 << 1 << 5000 << 5000 << Source::RetryAfter;
    QTest::newRow("backoff-429-longer-retry-after")
            << Mode::Backoff << 429 << 2 << 3000 << 3000 << Source::RetryAfter;
    QTest::newRow("backoff-step-longer")
            << Mode::Backoff << 503 << 4 << 5000 << 8000 << Source::Backoff;
    QTest::newRow("backoff-429-retry-after-1s")
            << Mode::Backoff << 429 << 5 << 1000 << 16000 << Source::Backoff;
    QTest::newRow("backoff-equal") << Mode::Backoff << 503 << 3 << 4000 << 4000 << Source::Backoff;
    QTest::newRow("backoff-zero") << Mode::Backoff << 503 << 1 << 0 << 1000 << Source::Backoff;
    QTest::newRow("backoff-capped")
            << Mode::Backoff << 503 << 1 << 120000 << 30000 << Source::RetryAfter;
    QTest::newRow("backoff-step-at-cap")
            << Mode::Backoff << 503 << 9 << 5000 << 30000 << Source::Backoff;
    QTest::newRow("backoff-404-fatal")
            << Mode::Backoff << 404 << 1 << 5000 << -1 << Source::Default;
    QTest::newRow("fixed-ignores") << Mode::Fixed << 503 << 1 << 5000 << 3000 << Source::Default;
    QTest::newRow("browser-fatal") << Mode::Browser << 503 << 1 << 5000 << -1 << Source::Default;
}

void TestReconnectPolicy::retryAfter()
{
    QFETCH(Mode, mode);
    QFETCH(int, status);
    QFETCH(int, attempt);
    QFETCH(int, retryAfterMs);
    QFETCH(int, expected);
    QFETCH(Source, source);
    const ReconnectPolicy policy(settingsFor(mode), 3);
    auto fail = failure(Kind::HttpStatus, status);
    fail.retryAfter = milliseconds(retryAfterMs);
    const auto delay = policy.delayFor(attempt, fail);
    if (expected < 0) {
        QVERIFY(!delay);
        return;
    }
    QVERIFY(delay);
    QCOMPARE(delay->delay, milliseconds(expected));
    QCOMPARE(delay->source, source);
}

void TestReconnectPolicy::retryAfterIsAMinimum_data()
{
    QTest::addColumn<double>("jitter");
    QTest::addColumn<int>("retryAfterMs");
    QTest::newRow("no-jitter-1s") << 0.0 << 1000;
    QTest::newRow("jitter-1s") << 0.5 << 1000;
    QTest::newRow("jitter-7s") << 0.5 << 7000;
    QTest::newRow("full-jitter-3s") << 1.0 << 3000;
}

void TestReconnectPolicy::retryAfterIsAMinimum()
{
    QFETCH(double, jitter);
    QFETCH(int, retryAfterMs);
    auto settings = settingsFor(Mode::Backoff);
    settings.jitter = jitter;
    auto fail = failure(Kind::HttpStatus, 429);
    fail.retryAfter = milliseconds(retryAfterMs);
    for (quint32 seed = 1; seed <= 50; ++seed) {
        const ReconnectPolicy policy(settings, seed);
        for (int attempt = 1; attempt <= ReconnectPolicy::DefaultHttpStatusMaxAttempts; ++attempt) {
            const auto delay = policy.delayFor(attempt, fail);
            QVERIFY(delay);
            // Never sooner than the server asked, never later than the cap, and never less
            // than the jittered step would have been without a Retry-After.
            QVERIFY(delay->delay >= milliseconds(retryAfterMs));
            QVERIFY(delay->delay <= settings.backoffCap);
            auto plain = fail;
            plain.retryAfter.reset();
            QVERIFY(delay->delay >= policy.delayFor(attempt, plain)->delay);
        }
    }
}

void TestReconnectPolicy::retryAfterDoesNotPinBackoff()
{
    // A 429 with "Retry-After: 1" on every attempt: the wait grows to the cap as without it.
    const ReconnectPolicy policy(settingsFor(Mode::Backoff), 1);
    auto fail = failure(Kind::HttpStatus, 429);
    fail.retryAfter = 1000ms;
    QList<qint64> delays;
    for (int attempt = 1; attempt <= 7; ++attempt)
        delays.append(policy.delayFor(attempt, fail)->delay.count());
    QCOMPARE(delays, (QList<qint64> { 1000, 2000, 4000, 8000, 16000, 30000, 30000 }));
}

void TestReconnectPolicy::maxAttempts_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("maxAttempts");
    QTest::addColumn<int>("httpStatusMaxAttempts");
    QTest::addColumn<int>("expectedCap"); // maxAttemptsFor(kind); 0 = none
    QTest::addColumn<int>("lastAttempt"); // the last attempt that gets a delay; 0 = none

    const int defaultCap = ReconnectPolicy::DefaultHttpStatusMaxAttempts;
    for (const Mode mode : { Mode::Browser, Mode::Fixed, Mode::Backoff }) {
        const QByteArray name = ReconnectPolicy::modeName(mode).toLatin1();
        const char *n = name.constData();
        // A cap the user set applies to every kind of failure.
        QTest::addRow("%s-set-network", n)
                << mode << Kind::NetworkError << 0 << 3 << defaultCap << 3 << 3;
        QTest::addRow("%s-set-eof", n)
                << mode << Kind::EndOfStream << 0 << 3 << defaultCap << 3 << 3;
        // Unset: transport failures are retried without end.
        QTest::addRow("%s-unset-network", n)
                << mode << Kind::NetworkError << 0 << 0 << defaultCap << 0 << Unlimited;
        QTest::addRow("%s-unset-idle", n)
                << mode << Kind::IdleTimeout << 0 << 0 << defaultCap << 0 << Unlimited;
    }
    // HTTP statuses: only Fixed and Backoff retry them, by default 10 times.
    QTest::newRow("fixed-503-default") << Mode::Fixed << Kind::HttpStatus << 503 << 0 << defaultCap
                                       << defaultCap << defaultCap;
    QTest::newRow("backoff-429-default") << Mode::Backoff << Kind::HttpStatus << 429 << 0
                                         << defaultCap << defaultCap << defaultCap;
    QTest::newRow("backoff-500-user-wins-higher")
            << Mode::Backoff << Kind::HttpStatus << 500 << 25 << defaultCap << 25 << 25;
    QTest::newRow("fixed-500-user-wins-lower")
            << Mode::Fixed << Kind::HttpStatus << 500 << 2 << defaultCap << 2 << 2;
    QTest::newRow("fixed-503-own-http-cap")
            << Mode::Fixed << Kind::HttpStatus << 503 << 0 << 4 << 4 << 4;
    QTest::newRow("backoff-503-http-cap-off")
            << Mode::Backoff << Kind::HttpStatus << 503 << 0 << 0 << 0 << Unlimited;
    QTest::newRow("browser-503-fatal")
            << Mode::Browser << Kind::HttpStatus << 503 << 0 << defaultCap << defaultCap << 0;
    QTest::newRow("fixed-404-fatal")
            << Mode::Fixed << Kind::HttpStatus << 404 << 0 << defaultCap << defaultCap << 0;
}

void TestReconnectPolicy::maxAttempts()
{
    QFETCH(Mode, mode);
    QFETCH(Kind, kind);
    QFETCH(int, status);
    QFETCH(int, maxAttempts);
    QFETCH(int, httpStatusMaxAttempts);
    QFETCH(int, expectedCap);
    QFETCH(int, lastAttempt);
    auto settings = settingsFor(mode);
    settings.maxAttempts = maxAttempts;
    settings.httpStatusMaxAttempts = httpStatusMaxAttempts;
    const ReconnectPolicy policy(settings, 1);
    QCOMPARE(settings.maxAttemptsFor(kind), expectedCap);
    QCOMPARE(policy.maxAttemptsFor(kind), expectedCap);
    const auto fail = failure(kind, status);
    if (lastAttempt == 0) {
        QVERIFY(!policy.delayFor(1, fail));
        return;
    }
    for (int attempt = 1; attempt <= std::min(lastAttempt, 50); ++attempt)
        QVERIFY2(policy.delayFor(attempt, fail), qPrintable(QString::number(attempt)));
    QVERIFY(policy.delayFor(lastAttempt, fail));
    if (lastAttempt == Unlimited)
        QVERIFY(policy.delayFor(lastAttempt + 1, fail));
    else
        QVERIFY(!policy.delayFor(lastAttempt + 1, fail));
}

void TestReconnectPolicy::defaultSettingsCapHttpStatuses()
{
    const ReconnectPolicy::Settings settings;
    QCOMPARE(settings.maxAttempts, 0);
    QCOMPARE(settings.httpStatusMaxAttempts, 10);
    QCOMPARE(settings.maxAttemptsFor(Kind::HttpStatus), 10);
    QCOMPARE(settings.maxAttemptsFor(Kind::NetworkError), 0);
    QCOMPARE(settings.maxAttemptsFor(Kind::EndOfStream), 0);
}

void TestReconnectPolicy::attemptBelowOneCountsAsOne()
{
    auto settings = settingsFor(Mode::Backoff);
    settings.maxAttempts = 1;
    const ReconnectPolicy policy(settings, 1);
    QCOMPARE(policy.delayFor(0, failure(Kind::NetworkError)),
             policy.delayFor(1, failure(Kind::NetworkError)));
    QCOMPARE(policy.delayFor(-3, failure(Kind::NetworkError))->delay, 1000ms);
}

void TestReconnectPolicy::modeNames_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<QString>("name");
    QTest::newRow("browser") << Mode::Browser << u"browser"_s;
    QTest::newRow("fixed") << Mode::Fixed << u"fixed"_s;
    QTest::newRow("backoff") << Mode::Backoff << u"backoff"_s;
    QTest::newRow("off") << Mode::Off << u"off"_s;
}

void TestReconnectPolicy::modeNames()
{
    QFETCH(Mode, mode);
    QFETCH(QString, name);
    QCOMPARE(ReconnectPolicy::modeName(mode), name);
    QCOMPARE(ReconnectPolicy::modeFromName(name), std::optional(mode));
    QCOMPARE(ReconnectPolicy::modeFromName(name.toUpper()), std::optional(mode));
}

void TestReconnectPolicy::unknownModeName()
{
    QVERIFY(!ReconnectPolicy::modeFromName(u"exponential"));
    QVERIFY(!ReconnectPolicy::modeFromName(u""));
    QVERIFY(!ReconnectPolicy::modeFromName(u"browser "));
}

void TestReconnectPolicy::names()
{
    QCOMPARE(ReconnectPolicy::failureKindName(Kind::WrongContentType), u"wrong-content-type"_s);
    QCOMPARE(ReconnectPolicy::failureKindName(Kind::NoContent), u"no-content"_s);
    QCOMPARE(ReconnectPolicy::delaySourceName(Source::ServerRetry), u"server-retry"_s);
    QCOMPARE(ReconnectPolicy::delaySourceName(Source::RetryAfter), u"retry-after"_s);
}

QTEST_GUILESS_MAIN(TestReconnectPolicy)
#include "tst_reconnectpolicy.moc"
