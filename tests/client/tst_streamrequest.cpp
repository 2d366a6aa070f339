// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "streamrequest.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(StreamRequest)

namespace {

QJsonObject parseObject(QByteArrayView text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("test JSON does not parse: %s", text.toByteArray().constData());
    return document.object();
}

// Through text and back: what a file on disk holds, numbers included.
StreamRequestJson::Result viaText(const StreamRequest &request,
                                  const StreamRequestJson::Options &options = {})
{
    const QByteArray text = QJsonDocument(StreamRequestJson::toJson(request, options)).toJson();
    return StreamRequestJson::fromJson(parseObject(text));
}

// StreamRequest has no operator== (ReconnectPolicy::Settings has none): field by field, so a
// failure names the field.
void compareRequests(const StreamRequest &actual, const StreamRequest &expected)
{
    QCOMPARE(actual.url, expected.url);
    QCOMPARE(actual.method, expected.method);
    QCOMPARE(actual.body, expected.body);
    QCOMPARE(actual.headers, expected.headers);
    QCOMPARE(actual.lastEventId, expected.lastEventId);
    QCOMPARE(actual.ignoreTlsErrors, expected.ignoreTlsErrors);
    QCOMPARE(actual.idleTimeout, expected.idleTimeout);
    QCOMPARE(actual.maximumEventSize, expected.maximumEventSize);
    const ReconnectPolicy::Settings &a = actual.reconnect;
    const ReconnectPolicy::Settings &e = expected.reconnect;
    QCOMPARE(a.mode, e.mode);
    QCOMPARE(a.retryOverride, e.retryOverride);
    QCOMPARE(a.fixedDelay, e.fixedDelay);
    QCOMPARE(a.backoffBase, e.backoffBase);
    QCOMPARE(a.backoffCap, e.backoffCap);
    QCOMPARE(a.jitter, e.jitter);
    QCOMPARE(a.maxAttempts, e.maxAttempts);
    QCOMPARE(a.stableAfter, e.stableAfter);
    // A file holds the resolved choice: what a reconnect does, not how it was decided.
    QCOMPARE(actual.resendsBody(), expected.resendsBody());
    QCOMPARE(actual.profile, expected.profile);
    QCOMPARE(actual.customProfile, expected.customProfile);
    QCOMPARE(actual.until, expected.until);
}

} // namespace

class TestStreamRequest : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void writesEveryField();
    void invalidUrlIsWrittenEmpty();
    void missingFieldsTakeDefaults();
    void badField_data();
    void badField();
    void unknownFieldsIgnored();
    void secretHeaderNames_data();
    void secretHeaderNames();
    void secretValuesLeftOut();
    void keptSecretValues();
    void body_data();
    void body();
};

void TestStreamRequest::roundTrip_data()
{
    QTest::addColumn<StreamRequest>("request");
    const auto with = [](auto change) {
        StreamRequest request;
        change(request);
        return request;
    };
    QTest::addRow("defaults") << StreamRequest();
    QTest::addRow("url") << with([](StreamRequest &r) {
        r.url = QUrl(u"https://example.com:8443/events?topic=a%20b&x=%E4%BD%A0#frag"_s);
    });
    QTest::addRow("url ipv6 and user")
            << with([](StreamRequest &r) { r.url = QUrl(u"http://user@[::1]:8080/s"_s); });
    QTest::addRow("url non-ascii")
            << with([](StreamRequest &r) { r.url = QUrl(u"http://例子.测试/流?名=值"_s); });
    QTest::addRow("method") << with([](StreamRequest &r) { r.method = "POST"; });
    QTest::addRow("method extension") << with([](StreamRequest &r) { r.method = "X-STREAM"; });
    QTest::addRow("headers in order, repeated") << with([](StreamRequest &r) {
        r.headers = { { "X-B", "2" },
                      { "Accept", "text/event-stream" },
                      { "X-B", "1" },
                      { "X-Empty", "" },
                      { "X-Unicode", "中文 ✓" } };
    });
    QTest::addRow("body") << with([](StreamRequest &r) {
        r.method = "POST";
        r.body = "{\"q\": \"hello\\n\"}\n";
    });
    QTest::addRow("lastEventId") << with([](StreamRequest &r) { r.lastEventId = u"41 ✓"_s; });
    QTest::addRow("ignoreTlsErrors") << with([](StreamRequest &r) { r.ignoreTlsErrors = true; });
    QTest::addRow("idleTimeout") << with([](StreamRequest &r) { r.idleTimeout = 45'500ms; });
    QTest::addRow("maximumEventSize") << with([](StreamRequest &r) { r.maximumEventSize = 1; });
    QTest::addRow("policy fixed") << with(
            [](StreamRequest &r) { r.reconnect.mode = ReconnectPolicy::Mode::Fixed; });
    QTest::addRow("policy backoff")
            << with([](StreamRequest &r) { r.reconnect.mode = ReconnectPolicy::Mode::Backoff; });
    QTest::addRow("policy off") << with(
            [](StreamRequest &r) { r.reconnect.mode = ReconnectPolicy::Mode::Off; });
    QTest::addRow("retryOverride")
            << with([](StreamRequest &r) { r.reconnect.retryOverride = 750ms; });
    // Zero is an override ("at once"), not "none".
    QTest::addRow("retryOverride zero")
            << with([](StreamRequest &r) { r.reconnect.retryOverride = 0ms; });
    QTest::addRow("fixedDelay") << with([](StreamRequest &r) { r.reconnect.fixedDelay = 0ms; });
    QTest::addRow("backoffBase") << with([](StreamRequest &r) { r.reconnect.backoffBase = 250ms; });
    QTest::addRow("backoffCap") << with(
            [](StreamRequest &r) { r.reconnect.backoffCap = 2'147'483'647ms; });
    QTest::addRow("jitter") << with([](StreamRequest &r) { r.reconnect.jitter = 0.35; });
    QTest::addRow("jitter zero") << with([](StreamRequest &r) { r.reconnect.jitter = 0; });
    QTest::addRow("maxAttempts") << with([](StreamRequest &r) { r.reconnect.maxAttempts = 7; });
    QTest::addRow("stableAfter") << with([](StreamRequest &r) { r.reconnect.stableAfter = 0ms; });
    QTest::addRow("post resends on request") << with([](StreamRequest &r) {
        r.method = "POST";
        r.resendBody = true;
    });
    QTest::addRow("get never resent") << with([](StreamRequest &r) { r.resendBody = false; });
    QTest::addRow("profile") << with(
            [](StreamRequest &r) { r.profile = StreamProfile::Kind::Ollama; });
    QTest::addRow("custom profile") << with([](StreamRequest &r) {
        r.profile = StreamProfile::Kind::Custom;
        r.customProfile = { u"/out/text"_s, u"/out/why"_s, u"/call/id"_s, u"/call/name"_s,
                            u"/call/a~1b"_s };
    });
    QTest::addRow("until") << with([](StreamRequest &r) { r.until = uR"(/"done":\s*true/)"_s; });
}

void TestStreamRequest::roundTrip()
{
    QFETCH(StreamRequest, request);
    const StreamRequestJson::Result result = viaText(request);
    QVERIFY2(result.isValid(), qPrintable(result.error));
    QVERIFY(result.unsavedSecrets.isEmpty());
    compareRequests(result.request, request);
}

void TestStreamRequest::writesEveryField()
{
    // The documented choice: every field is written, defaults included, so a saved file keeps
    // meaning the same when a later version changes a default. Only an absent override and a
    // text body's encoding are left out.
    const QJsonObject json = StreamRequestJson::toJson(StreamRequest());
    QCOMPARE(json.value(u"version"_s).toInt(), 1);
    QCOMPARE(json.value(u"method"_s).toString(), u"GET"_s);
    QCOMPARE(json.value(u"url"_s).toString(), QString());
    QCOMPARE(json.value(u"headers"_s).toArray(), QJsonArray());
    QCOMPARE(json.value(u"body"_s).toString(), QString());
    QVERIFY(!json.contains(u"bodyEncoding"_s));
    QCOMPARE(json.value(u"lastEventId"_s).toString(), QString());
    QCOMPARE(json.value(u"ignoreTlsErrors"_s), QJsonValue(false));
    QCOMPARE(json.value(u"idleTimeoutMs"_s).toInteger(), 0);
    QCOMPARE(json.value(u"maximumEventSize"_s).toInteger(), SseParser::DefaultMaximumEventSize);
    const QJsonObject reconnect = json.value(u"reconnect"_s).toObject();
    QCOMPARE(reconnect.value(u"policy"_s).toString(), u"browser"_s);
    QVERIFY(!reconnect.contains(u"retryOverrideMs"_s));
    QCOMPARE(reconnect.value(u"fixedDelayMs"_s).toInteger(), 3000);
    QCOMPARE(reconnect.value(u"backoffBaseMs"_s).toInteger(), 1000);
    QCOMPARE(reconnect.value(u"backoffCapMs"_s).toInteger(), 30000);
    QCOMPARE(reconnect.value(u"jitter"_s).toDouble(), 0.2);
    QCOMPARE(reconnect.value(u"maxAttempts"_s).toInteger(), 0);
    QCOMPARE(reconnect.value(u"stableAfterMs"_s).toInteger(), 10000);
    QCOMPARE(reconnect.size(), 7);
    QCOMPARE(json.value(u"resendBody"_s), QJsonValue(true)); // a GET: by method
    QCOMPARE(json.value(u"profile"_s).toString(), u"auto"_s);
    QCOMPARE(json.value(u"customProfile"_s).toObject().size(), 5);
    QCOMPARE(json.value(u"until"_s).toString(), QString());
    QCOMPARE(json.size(), 14);

    StreamRequest post;
    post.method = "POST";
    QCOMPARE(StreamRequestJson::toJson(post).value(u"resendBody"_s), QJsonValue(false));
}

void TestStreamRequest::invalidUrlIsWrittenEmpty()
{
    // What a form may hold while the user types: written as no URL, so the file still reads.
    StreamRequest request;
    request.url = QUrl(u"http://not a host/"_s);
    QVERIFY(!request.url.isValid());
    QCOMPARE(StreamRequestJson::toJson(request).value(u"url"_s).toString(), QString());
    const StreamRequestJson::Result result = viaText(request);
    QVERIFY2(result.isValid(), qPrintable(result.error));
    QVERIFY(result.request.url.isEmpty());
}

void TestStreamRequest::missingFieldsTakeDefaults()
{
    StreamRequestJson::Result result = StreamRequestJson::fromJson({});
    QVERIFY2(result.isValid(), qPrintable(result.error));
    compareRequests(result.request, StreamRequest());

    // A hand-written test file says only what matters to it; null means "no override".
    result = StreamRequestJson::fromJson(parseObject(
            R"({"url": "http://127.0.0.1:8080/stream",
                "reconnect": {"policy": "FIXED", "retryOverrideMs": null}})"));
    QVERIFY2(result.isValid(), qPrintable(result.error));
    StreamRequest expected;
    expected.url = QUrl(u"http://127.0.0.1:8080/stream"_s);
    expected.reconnect.mode = ReconnectPolicy::Mode::Fixed;
    compareRequests(result.request, expected);

    // A file from before resendBody: a POST in it is not sent again on a reconnect.
    result = StreamRequestJson::fromJson(parseObject(R"({"method": "POST", "resendBody": null})"));
    QVERIFY2(result.isValid(), qPrintable(result.error));
    QCOMPARE(result.request.resendBody, std::nullopt);
    QVERIFY(!result.request.resendsBody());
}

void TestStreamRequest::badField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const auto row = [](const char *name, const char *json, const QString &error) {
        QTest::newRow(name) << QByteArray(json) << error;
    };
    row("version 2", R"({"version": 2})", u"version: unsupported version 2, expected 1"_s);
    row("version text", R"({"version": "1"})",
        u"version: unsupported version (not a number), expected 1"_s);
    row("method number", R"({"method": 5})",
        u"method: expected an HTTP method such as GET or POST"_s);
    row("method empty", R"({"method": ""})",
        u"method: expected an HTTP method such as GET or POST"_s);
    row("method space", R"({"method": "GE T"})",
        u"method: expected an HTTP method such as GET or POST"_s);
    row("url number", R"({"url": 5})", u"url: expected a string"_s);
    row("url invalid", R"({"url": "http://[::1/x"})", u"url: not a valid URL ("_s);
    row("headers object", R"({"headers": {"A": "1"}})",
        u"headers: expected an array of {name, value} objects"_s);
    row("header not object", R"({"headers": ["A: 1"]})",
        u"headers[0]: expected an object with a name and a value"_s);
    row("header name missing", R"({"headers": [{"value": "1"}]})",
        u"headers[0].name: expected a non-empty string"_s);
    row("header name number", R"({"headers": [{"name": 1, "value": "1"}]})",
        u"headers[0].name: expected a non-empty string"_s);
    row("second header name empty", R"({"headers": [{"name": "A", "value": "1"}, {"name": ""}]})",
        u"headers[1].name: expected a non-empty string"_s);
    row("header value missing", R"({"headers": [{"name": "A"}]})",
        uR"(headers[0].value: expected a string (or "secret": true))"_s);
    row("header value number", R"({"headers": [{"name": "A", "value": 1}]})",
        u"headers[0].value: expected a string"_s);
    row("header secret text", R"({"headers": [{"name": "Cookie", "secret": "yes"}]})",
        u"headers[0].secret: expected true or false"_s);
    row("body number", R"({"body": 1})", u"body: expected a string"_s);
    row("bodyEncoding unknown", R"({"body": "00", "bodyEncoding": "hex"})",
        uR"(bodyEncoding: expected "utf-8" or "base64")"_s);
    row("body not base64", R"({"body": "!!", "bodyEncoding": "base64"})",
        u"body: expected base64 (bodyEncoding is base64)"_s);
    row("lastEventId number", R"({"lastEventId": 7})", u"lastEventId: expected a string"_s);
    row("ignoreTlsErrors text", R"({"ignoreTlsErrors": "true"})",
        u"ignoreTlsErrors: expected true or false"_s);
    row("idleTimeoutMs negative", R"({"idleTimeoutMs": -1})",
        u"idleTimeoutMs: expected a whole number >= 0"_s);
    row("idleTimeoutMs fraction", R"({"idleTimeoutMs": 1.5})",
        u"idleTimeoutMs: expected a whole number >= 0"_s);
    row("idleTimeoutMs text", R"({"idleTimeoutMs": "10"})",
        u"idleTimeoutMs: expected a whole number >= 0"_s);
    row("idleTimeoutMs huge", R"({"idleTimeoutMs": 1e12})",
        u"idleTimeoutMs: expected a whole number <= 2147483647"_s);
    row("maximumEventSize zero", R"({"maximumEventSize": 0})",
        u"maximumEventSize: expected a whole number >= 1"_s);
    row("reconnect array", R"({"reconnect": []})", u"reconnect: expected an object"_s);
    row("policy unknown", R"({"reconnect": {"policy": "sometimes"}})",
        u"reconnect.policy: expected one of browser, fixed, backoff, off"_s);
    row("policy number", R"({"reconnect": {"policy": 1}})",
        u"reconnect.policy: expected one of browser, fixed, backoff, off"_s);
    row("retryOverrideMs negative", R"({"reconnect": {"retryOverrideMs": -5}})",
        u"reconnect.retryOverrideMs: expected a whole number >= 0"_s);
    row("fixedDelayMs text", R"({"reconnect": {"fixedDelayMs": "3s"}})",
        u"reconnect.fixedDelayMs: expected a whole number >= 0"_s);
    row("backoffBaseMs bool", R"({"reconnect": {"backoffBaseMs": true}})",
        u"reconnect.backoffBaseMs: expected a whole number >= 0"_s);
    row("backoffCapMs huge", R"({"reconnect": {"backoffCapMs": 2147483648}})",
        u"reconnect.backoffCapMs: expected a whole number <= 2147483647"_s);
    row("jitter above one", R"({"reconnect": {"jitter": 1.5}})",
        u"reconnect.jitter: expected a number from 0 to 1"_s);
    row("jitter text", R"({"reconnect": {"jitter": "0.2"}})",
        u"reconnect.jitter: expected a number from 0 to 1"_s);
    row("maxAttempts negative", R"({"reconnect": {"maxAttempts": -1}})",
        u"reconnect.maxAttempts: expected a whole number >= 0"_s);
    row("stableAfterMs null", R"({"reconnect": {"stableAfterMs": null}})",
        u"reconnect.stableAfterMs: expected a whole number >= 0"_s);
    row("resendBody text", R"({"resendBody": "no"})", u"resendBody: expected true or false"_s);
    row("profile unknown", R"({"profile": "openai"})",
        u"profile: expected one of auto, none, openai-chat, openai-responses, anthropic, gemini, "
        "mcp, ollama, custom"_s);
    row("customProfile array", R"({"customProfile": []})",
        u"customProfile: expected an object of JSON pointers"_s);
    row("customProfile not a pointer", R"({"customProfile": {"text": "choices.0"}})",
        u"customProfile.text: expected a JSON pointer such as /choices/0/delta/content"_s);
    row("until number", R"({"until": 3})", u"until: expected a string"_s);
    row("until bad regex", R"({"until": "/(/"})",
        u"until: invalid regular expression: missing closing parenthesis"_s);
}

void TestStreamRequest::badField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    // A header with a missing secret value first: a failed read must not report it either.
    QJsonObject object = parseObject(json);
    if (!object.contains(u"headers"_s))
        object.insert(
                u"headers"_s,
                QJsonArray { QJsonObject { { u"name"_s, u"Cookie"_s }, { u"secret"_s, true } } });
    const StreamRequestJson::Result result = StreamRequestJson::fromJson(object);
    QVERIFY(!result.isValid());
    // The URL row's detail is Qt's own text: only its start is ours.
    if (error.endsWith(u'('))
        QVERIFY2(result.error.startsWith(error), qPrintable(result.error));
    else
        QCOMPARE(result.error, error);
    QVERIFY(result.unsavedSecrets.isEmpty());
    compareRequests(result.request, StreamRequest());
}

void TestStreamRequest::unknownFieldsIgnored()
{
    // Fields from a later minor addition (or a human's notes) are not errors.
    const StreamRequestJson::Result result = StreamRequestJson::fromJson(parseObject(R"({
        "version": 1, "comment": "login stream", "timeoutMs": 5,
        "method": "POST",
        "headers": [{"name": "X-A", "value": "1", "note": "why"}],
        "reconnect": {"policy": "off", "future": {"x": 1}}
    })"));
    QVERIFY2(result.isValid(), qPrintable(result.error));
    StreamRequest expected;
    expected.method = "POST";
    expected.headers = { { "X-A", "1" } };
    expected.reconnect.mode = ReconnectPolicy::Mode::Off;
    compareRequests(result.request, expected);
}

void TestStreamRequest::secretHeaderNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("secret");
    for (const QString &name :
         { u"Authorization"_s, u"authorization"_s, u" Proxy-Authorization "_s, u"Cookie"_s,
           u"X-API-Key"_s, u"Api-Key"_s, u"X-Auth-Token"_s, u"x-refresh-token"_s,
           u"X-Client-Secret"_s, u"X-Password"_s, u"X-MyApiKey"_s })
        QTest::newRow(qPrintable(name)) << name << true;
    for (const QString &name : { u"Accept"_s, u"Content-Type"_s, u"X-Trace"_s, u"Set-Cookie2"_s,
                                 u"Last-Event-ID"_s, u""_s })
        QTest::newRow(qPrintable(u"not "_s + name)) << name << false;
}

void TestStreamRequest::secretHeaderNames()
{
    QFETCH(QString, name);
    QFETCH(bool, secret);
    QCOMPARE(StreamRequest::isSecretHeader(name), secret);
}

void TestStreamRequest::secretValuesLeftOut()
{
    StreamRequest request;
    request.headers = { { "Authorization", "Bearer s3cr3t" },
                        { "X-Plain", "visible" },
                        { "X-Session-Token", "tok-123" },
                        { "Authorization", "Basic b3RoZXI=" } };
    const QJsonObject json = StreamRequestJson::toJson(request);
    const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
    for (const char *secret : { "s3cr3t", "tok-123", "b3RoZXI" })
        QVERIFY2(!text.contains(secret), text.constData());
    const QJsonArray headers = json.value(u"headers"_s).toArray();
    QCOMPARE(headers.at(0).toObject(),
             (QJsonObject { { u"name"_s, u"Authorization"_s }, { u"secret"_s, true } }));
    QCOMPARE(headers.at(1).toObject(),
             (QJsonObject { { u"name"_s, u"X-Plain"_s }, { u"value"_s, u"visible"_s } }));

    // Read back: names in place, values empty, and the reader told which ones need a value.
    const StreamRequestJson::Result result = StreamRequestJson::fromJson(json);
    QVERIFY2(result.isValid(), qPrintable(result.error));
    QCOMPARE(result.unsavedSecrets, (QList<qsizetype> { 0, 2, 3 }));
    QCOMPARE(result.unsavedSecretNames(),
             (QStringList { u"Authorization"_s, u"X-Session-Token"_s, u"Authorization"_s }));
    QCOMPARE(result.request.headers,
             (StreamRequest::HeaderList { { "Authorization", "" },
                                          { "X-Plain", "visible" },
                                          { "X-Session-Token", "" },
                                          { "Authorization", "" } }));
}

void TestStreamRequest::keptSecretValues()
{
    StreamRequest request;
    request.headers = { { "Authorization", "Bearer s3cr3t" }, { "Cookie", "sid=42" } };

    // One header the user chose to save, by its index.
    StreamRequestJson::Options options;
    options.keptSecretHeaders = { 1 };
    StreamRequestJson::Result result = viaText(request, options);
    QVERIFY2(result.isValid(), qPrintable(result.error));
    QCOMPARE(result.unsavedSecrets, QList<qsizetype> { 0 });
    QCOMPARE(result.request.headers.at(1).second, QByteArray("sid=42"));

    // All of them.
    options = {};
    options.keepSecretValues = true;
    result = viaText(request, options);
    QVERIFY(result.unsavedSecrets.isEmpty());
    compareRequests(result.request, request);

    // A secret written by hand with its value is simply a header.
    result = StreamRequestJson::fromJson(parseObject(
            R"({"headers": [{"name": "Authorization", "value": "x", "secret": true}]})"));
    QVERIFY(result.unsavedSecrets.isEmpty());
    QCOMPARE(result.request.headers.at(0).second, QByteArray("x"));
}

void TestStreamRequest::body_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("base64");
    QTest::addRow("empty") << QByteArray() << false;
    QTest::addRow("utf-8") << QByteArray("{\"q\":\"你好\"}") << false;
    QTest::addRow("nul is text") << QByteArray("a\0b", 3) << false;
    // Qt's JSON reader would drop it from the start of a string.
    QTest::addRow("leading bom") << QByteArray("\xEF\xBB\xBF{}") << true;
    QTest::addRow("inner bom") << QByteArray("{}\xEF\xBB\xBF") << false;
    QTest::addRow("invalid byte") << QByteArray("caf\xE9") << true;
    QTest::addRow("truncated sequence") << QByteArray("\xE4\xBD") << true;
    QTest::addRow("surrogate") << QByteArray("\xED\xA0\x80") << true;
    QTest::addRow("overlong") << QByteArray("\xC0\xAF") << true;
    QByteArray all;
    for (int byte = 0; byte < 256; ++byte)
        all += char(byte);
    QTest::addRow("every byte") << all << true;
}

void TestStreamRequest::body()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, base64);
    StreamRequest request;
    request.method = "POST";
    request.body = body;
    const QJsonObject json = StreamRequestJson::toJson(request);
    QCOMPARE(json.value(u"bodyEncoding"_s).toString(), base64 ? u"base64"_s : QString());
    if (!base64)
        QCOMPARE(json.value(u"body"_s).toString().toUtf8(), body);
    const StreamRequestJson::Result result = viaText(request);
    QVERIFY2(result.isValid(), qPrintable(result.error));
    QCOMPARE(result.request.body, body);
}

QTEST_GUILESS_MAIN(TestStreamRequest)
#include "tst_streamrequest.moc"
