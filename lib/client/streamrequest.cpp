// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "streamrequest.h"

#include <cmath>
#include <limits>
#include <optional>
#include <utility>

#include <QJsonArray>
#include <QJsonValue>
#include <QStringDecoder>

#include "eventmatcher.h"
#include "jsonpointer.h"

using namespace Qt::StringLiterals;

namespace {

// Every duration ends up in a QTimer, which takes int milliseconds in Qt 6.4 (about 24.8 days);
// counts and sizes share the bound so one rule covers every whole-number field.
constexpr qint64 MaximumWhole = std::numeric_limits<int>::max();

// The body as text when it is UTF-8 that re-encodes to the very same bytes.
std::optional<QString> exactUtf8Text(const QByteArray &bytes)
{
    // QString::fromUtf8() drops a leading BOM, which would hide it from the check below.
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless
                                   | QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    // Qt's JSON reader (6.4) drops a U+FEFF at the very start of a string value: such a body
    // would not read back the same, so it goes as base64.
    if (decoder.hasError() || text.toUtf8() != bytes || text.startsWith(QChar(0xFEFF)))
        return std::nullopt;
    return text;
}

// RFC 9110 §5.6.2: a method is a token.
bool isToken(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool alphaNumeric =
                (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
        if (!alphaNumeric && !QStringView(u"!#$%&'*+-.^_`|~").contains(c))
            return false;
    }
    return true;
}

/// Reads the fields of one JSON object; the first problem found is kept as "path.key: problem".
/// A missing field leaves its target as it is (the default), so every reader is "optional".
class FieldReader
{
public:
    FieldReader(const QJsonObject &object, QString prefix, QString &error)
        : m_object(object)
        , m_prefix(std::move(prefix))
        , m_error(error)
    {}

    bool fail(const QString &key, const QString &problem)
    {
        if (m_error.isEmpty())
            m_error = m_prefix + key + u": "_s + problem;
        return false;
    }

    bool has(const QString &key) const { return m_object.contains(key); }
    QJsonValue value(const QString &key) const { return m_object.value(key); }

    bool string(const QString &key, QString &out)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined())
            return true;
        if (!value.isString())
            return fail(key, u"expected a string"_s);
        out = value.toString();
        return true;
    }

    bool boolean(const QString &key, bool &out)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined())
            return true;
        if (!value.isBool())
            return fail(key, u"expected true or false"_s);
        out = value.toBool();
        return true;
    }

    template<typename Integer>
    bool whole(const QString &key, qint64 minimum, Integer &out)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined())
            return true;
        const double number = value.toDouble();
        if (!value.isDouble() || number != std::floor(number) || number < double(minimum))
            return fail(key, u"expected a whole number >= %1"_s.arg(minimum));
        if (number > double(MaximumWhole))
            return fail(key, u"expected a whole number <= %1"_s.arg(MaximumWhole));
        out = Integer(number);
        return true;
    }

    bool milliseconds(const QString &key, std::chrono::milliseconds &out)
    {
        qint64 count = out.count();
        if (!whole(key, 0, count))
            return false;
        out = std::chrono::milliseconds(count);
        return true;
    }

private:
    const QJsonObject &m_object;
    QString m_prefix;
    QString &m_error;
};

bool readHeaders(const QJsonValue &json, StreamRequestJson::Result &result)
{
    FieldReader top(QJsonObject(), QString(), result.error);
    if (!json.isArray())
        return top.fail(u"headers"_s, u"expected an array of {name, value} objects"_s);
    const QJsonArray array = json.toArray();
    for (qsizetype index = 0; index < array.size(); ++index) {
        const QString path = u"headers[%1]"_s.arg(index);
        if (!array.at(index).isObject())
            return top.fail(path, u"expected an object with a name and a value"_s);
        const QJsonObject object = array.at(index).toObject();
        FieldReader header(object, path + u'.', result.error);
        // toString() is empty for a missing or non-string name alike: one message for both.
        const QString name = object.value(u"name"_s).toString();
        if (name.isEmpty())
            return header.fail(u"name"_s, u"expected a non-empty string"_s);
        bool secret = false;
        if (!header.boolean(u"secret"_s, secret))
            return false;
        QString value;
        if (header.has(u"value"_s)) {
            if (!header.string(u"value"_s, value))
                return false;
        } else if (secret) {
            result.unsavedSecrets << result.request.headers.size();
        } else {
            return header.fail(u"value"_s, u"expected a string (or \"secret\": true)"_s);
        }
        result.request.headers.append({ name.toUtf8(), value.toUtf8() });
    }
    return true;
}

bool readReconnect(const QJsonValue &json, ReconnectPolicy::Settings &settings, QString &error)
{
    if (!json.isObject()) {
        FieldReader top(QJsonObject(), QString(), error);
        return top.fail(u"reconnect"_s, u"expected an object"_s);
    }
    const QJsonObject object = json.toObject();
    FieldReader fields(object, u"reconnect."_s, error);

    if (fields.has(u"policy"_s)) {
        const QJsonValue policy = fields.value(u"policy"_s);
        const auto mode =
                policy.isString() ? ReconnectPolicy::modeFromName(policy.toString()) : std::nullopt;
        if (!mode)
            return fields.fail(u"policy"_s, u"expected one of browser, fixed, backoff, off"_s);
        settings.mode = *mode;
    }
    // Absent and null both mean "no override", so a generated file may write either.
    if (const QJsonValue retry = fields.value(u"retryOverrideMs"_s);
        !retry.isUndefined() && !retry.isNull()) {
        std::chrono::milliseconds override { 0 };
        if (!fields.milliseconds(u"retryOverrideMs"_s, override))
            return false;
        settings.retryOverride = override;
    }
    if (!fields.milliseconds(u"fixedDelayMs"_s, settings.fixedDelay)
        || !fields.milliseconds(u"backoffBaseMs"_s, settings.backoffBase)
        || !fields.milliseconds(u"backoffCapMs"_s, settings.backoffCap)
        || !fields.whole(u"maxAttempts"_s, 0, settings.maxAttempts)
        || !fields.milliseconds(u"stableAfterMs"_s, settings.stableAfter))
        return false;
    if (const QJsonValue jitter = fields.value(u"jitter"_s); !jitter.isUndefined()) {
        const double fraction = jitter.toDouble(-1);
        if (!jitter.isDouble() || fraction < 0 || fraction > 1)
            return fields.fail(u"jitter"_s, u"expected a number from 0 to 1"_s);
        settings.jitter = fraction;
    }
    return true;
}

bool readCustomProfile(const QJsonValue &json, CustomProfile &custom, QString &error)
{
    if (!json.isObject()) {
        FieldReader top(QJsonObject(), QString(), error);
        return top.fail(u"customProfile"_s, u"expected an object of JSON pointers"_s);
    }
    const QJsonObject object = json.toObject();
    FieldReader fields(object, u"customProfile."_s, error);
    const std::pair<QString, QString *> pointers[] = {
        { u"text"_s, &custom.text },
        { u"reasoning"_s, &custom.reasoning },
        { u"toolCallId"_s, &custom.toolCallId },
        { u"toolCallName"_s, &custom.toolCallName },
        { u"toolCallArguments"_s, &custom.toolCallArguments },
    };
    for (const auto &[key, target] : pointers) {
        if (!fields.string(key, *target))
            return false;
        if (!JsonPointer::isValid(*target))
            return fields.fail(key, u"expected a JSON pointer such as /choices/0/delta/content"_s);
    }
    return true;
}

} // namespace

bool StreamRequest::isSafeMethod(QByteArrayView method)
{
    return method == "GET" || method == "HEAD" || method == "OPTIONS" || method == "TRACE";
}

bool StreamRequest::resendsBody() const
{
    return resendBody.value_or(isSafeMethod(method));
}

bool StreamRequest::isSecretHeader(QStringView name)
{
    const QString lower = name.trimmed().toString().toLower();
    static const QStringList exact = { u"authorization"_s, u"proxy-authorization"_s,
                                       u"cookie"_s,        u"x-api-key"_s,
                                       u"api-key"_s,       u"x-auth-token"_s };
    return exact.contains(lower) || lower.contains(u"token"_s) || lower.contains(u"secret"_s)
            || lower.contains(u"password"_s) || lower.contains(u"apikey"_s);
}

namespace StreamRequestJson {

QStringList Result::unsavedSecretNames() const
{
    QStringList names;
    for (const qsizetype index : unsavedSecrets)
        names << QString::fromUtf8(request.headers.at(index).first);
    return names;
}

QJsonObject toJson(const StreamRequest &request, const Options &options)
{
    QJsonArray headers;
    for (qsizetype index = 0; index < request.headers.size(); ++index) {
        const auto &[name, value] = request.headers.at(index);
        const QString headerName = QString::fromUtf8(name);
        QJsonObject header { { u"name"_s, headerName } };
        const bool omit = StreamRequest::isSecretHeader(headerName) && !options.keepSecretValues
                && !options.keptSecretHeaders.contains(index);
        if (omit)
            header.insert(u"secret"_s, true);
        else
            header.insert(u"value"_s, QString::fromUtf8(value));
        headers.append(header);
    }

    const ReconnectPolicy::Settings &policy = request.reconnect;
    QJsonObject reconnect {
        { u"policy"_s, ReconnectPolicy::modeName(policy.mode) },
        { u"fixedDelayMs"_s, qint64(policy.fixedDelay.count()) },
        { u"backoffBaseMs"_s, qint64(policy.backoffBase.count()) },
        { u"backoffCapMs"_s, qint64(policy.backoffCap.count()) },
        { u"jitter"_s, policy.jitter },
        { u"maxAttempts"_s, policy.maxAttempts },
        { u"stableAfterMs"_s, qint64(policy.stableAfter.count()) },
    };
    if (policy.retryOverride)
        reconnect.insert(u"retryOverrideMs"_s, qint64(policy.retryOverride->count()));

    QJsonObject json {
        { u"version"_s, Version },
        { u"method"_s, QString::fromUtf8(request.method) },
        // Fully encoded: the text parses back to the same URL, whatever it holds.
        { u"url"_s, request.url.toString(QUrl::FullyEncoded) },
        { u"headers"_s, headers },
        { u"lastEventId"_s, request.lastEventId },
        { u"ignoreTlsErrors"_s, request.ignoreTlsErrors },
        { u"idleTimeoutMs"_s, qint64(request.idleTimeout.count()) },
        { u"maximumEventSize"_s, qint64(request.maximumEventSize) },
        { u"reconnect"_s, reconnect },
        // The resolved value, so the file says what a reconnect does whatever the method.
        { u"resendBody"_s, request.resendsBody() },
        { u"profile"_s, QString(StreamProfile::name(request.profile)) },
        { u"customProfile"_s,
          QJsonObject {
                  { u"text"_s, request.customProfile.text },
                  { u"reasoning"_s, request.customProfile.reasoning },
                  { u"toolCallId"_s, request.customProfile.toolCallId },
                  { u"toolCallName"_s, request.customProfile.toolCallName },
                  { u"toolCallArguments"_s, request.customProfile.toolCallArguments },
          } },
        { u"until"_s, request.until },
    };
    if (const std::optional<QString> text = exactUtf8Text(request.body)) {
        json.insert(u"body"_s, *text);
    } else {
        json.insert(u"body"_s, QString::fromLatin1(request.body.toBase64()));
        json.insert(u"bodyEncoding"_s, u"base64"_s);
    }
    return json;
}

Result fromJson(const QJsonObject &json)
{
    Result result;
    StreamRequest &request = result.request;
    FieldReader fields(json, QString(), result.error);
    const auto failed = [&result] {
        result.request = {};
        result.unsavedSecrets.clear();
        return result;
    };

    // A missing version reads as 1, so a hand-written test file may leave it out.
    if (const QJsonValue version = json.value(u"version"_s);
        !version.isUndefined() && version.toDouble() != Version) {
        fields.fail(u"version"_s,
                    u"unsupported version %1, expected %2"_s
                            .arg(version.isDouble() ? QString::number(version.toDouble())
                                                    : u"(not a number)"_s)
                            .arg(Version));
        return failed();
    }

    if (fields.has(u"method"_s)) {
        const QJsonValue method = json.value(u"method"_s);
        if (!method.isString() || !isToken(method.toString())) {
            fields.fail(u"method"_s, u"expected an HTTP method such as GET or POST"_s);
            return failed();
        }
        request.method = method.toString().toUtf8();
    }

    QString url;
    if (!fields.string(u"url"_s, url))
        return failed();
    if (!url.isEmpty()) {
        request.url = QUrl(url, QUrl::StrictMode);
        if (!request.url.isValid()) {
            fields.fail(u"url"_s, u"not a valid URL (%1)"_s.arg(request.url.errorString()));
            return failed();
        }
    }

    if (fields.has(u"headers"_s) && !readHeaders(json.value(u"headers"_s), result))
        return failed();

    QString body;
    if (!fields.string(u"body"_s, body))
        return failed();
    QString encoding = u"utf-8"_s;
    if (!fields.string(u"bodyEncoding"_s, encoding))
        return failed();
    if (encoding == u"base64"_s) {
        auto decoded = QByteArray::fromBase64Encoding(body.toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            fields.fail(u"body"_s, u"expected base64 (bodyEncoding is base64)"_s);
            return failed();
        }
        request.body = std::move(*decoded);
    } else if (encoding == u"utf-8"_s) {
        request.body = body.toUtf8();
    } else {
        fields.fail(u"bodyEncoding"_s, u"expected \"utf-8\" or \"base64\""_s);
        return failed();
    }

    if (!fields.string(u"lastEventId"_s, request.lastEventId)
        || !fields.boolean(u"ignoreTlsErrors"_s, request.ignoreTlsErrors)
        || !fields.milliseconds(u"idleTimeoutMs"_s, request.idleTimeout)
        || !fields.whole(u"maximumEventSize"_s, 1, request.maximumEventSize))
        return failed();

    if (fields.has(u"reconnect"_s)
        && !readReconnect(json.value(u"reconnect"_s), request.reconnect, result.error))
        return failed();

    if (const QJsonValue resend = json.value(u"resendBody"_s);
        !resend.isUndefined() && !resend.isNull()) {
        bool value = false;
        if (!fields.boolean(u"resendBody"_s, value))
            return failed();
        request.resendBody = value;
    }
    if (fields.has(u"profile"_s)) {
        const QJsonValue profile = json.value(u"profile"_s);
        const auto kind =
                profile.isString() ? StreamProfile::fromName(profile.toString()) : std::nullopt;
        if (!kind) {
            QStringList names;
            for (const StreamProfile::Kind each : StreamProfile::kinds())
                names << StreamProfile::name(each);
            fields.fail(u"profile"_s, u"expected one of "_s + names.join(u", "_s));
            return failed();
        }
        request.profile = *kind;
    }
    if (fields.has(u"customProfile"_s)
        && !readCustomProfile(json.value(u"customProfile"_s), request.customProfile, result.error))
        return failed();
    if (!fields.string(u"until"_s, request.until))
        return failed();
    if (QString problem;
        !request.until.isEmpty() && !EventMatcher::parse(request.until, &problem)) {
        fields.fail(u"until"_s, problem);
        return failed();
    }
    return result;
}

} // namespace StreamRequestJson
