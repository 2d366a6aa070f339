// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "curlcommand.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

using Words = QList<QByteArray>;

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isNameStart(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool isNameChar(char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9');
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// UTF-8 that decodes and encodes back to the very same bytes (a leading BOM, which fromUtf8
// drops, does not: such a body goes out escaped and still reads back the same).
bool isValidUtf8(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

// DevTools' "Copy as cURL (cmd)" escapes every quote as ^" and ends its lines with " ^".
bool isCmdStyle(const QByteArray &text)
{
    if (text.contains("^\""))
        return true;
    for (QByteArray line : text.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().endsWith('^'))
            return true;
    }
    return false;
}

// POSIX sh word splitting, for bash and zsh commands (what DevTools' "Copy as cURL (bash)" and
// API docs give): quotes, $'…', backslashes, $NAME. Words are bytes: $'\xHH' may make any.
class PosixSplitter
{
public:
    PosixSplitter(const QByteArray &text, const CurlCommand::ParseOptions &options,
                  QStringList *warnings)
        : m_text(text)
        , m_options(options)
        , m_warnings(warnings)
    {}

    std::optional<Words> run(QString *error)
    {
        const qsizetype size = m_text.size();
        while (m_at < size) {
            const char c = m_text.at(m_at);
            if (c == '\\' && isLineEnd(m_at + 1)) {
                skipLineEnd(m_at + 1); // a continuation joins lines and starts no word
                continue;
            }
            if (isBlank(c)) {
                endWord();
                ++m_at;
                continue;
            }
            if (c == '#' && !m_started) {
                while (m_at < size && m_text.at(m_at) != '\n')
                    ++m_at; // a comment to the end of the line
                continue;
            }
            m_started = true;
            if (c == '\\') {
                if (m_at + 1 < size)
                    m_word += m_text.at(m_at + 1);
                m_at += 2;
            } else if (c == '\'') {
                const qsizetype close = m_text.indexOf('\'', m_at + 1);
                if (close < 0)
                    return fail(error, u"unterminated single quote"_s);
                m_word += m_text.mid(m_at + 1, close - m_at - 1);
                m_at = close + 1;
            } else if (c == '$' && m_at + 1 < size && m_text.at(m_at + 1) == '\'') {
                if (!ansiQuoted())
                    return fail(error, u"unterminated $'…' quote"_s);
            } else if (c == '"') {
                if (!doubleQuoted())
                    return fail(error, u"unterminated double quote"_s);
            } else if (c == '$') {
                expand();
            } else {
                m_word += c;
                ++m_at;
            }
        }
        endWord();
        return m_words;
    }

private:
    std::optional<Words> fail(QString *error, const QString &message)
    {
        if (error)
            *error = message;
        return std::nullopt;
    }

    bool isLineEnd(qsizetype at) const
    {
        return at < m_text.size()
                && (m_text.at(at) == '\n'
                    || (m_text.at(at) == '\r' && at + 1 < m_text.size()
                        && m_text.at(at + 1) == '\n'));
    }
    void skipLineEnd(qsizetype at) { m_at = at + (m_text.at(at) == '\r' ? 2 : 1); }

    void endWord()
    {
        if (m_started)
            m_words.append(m_word);
        m_word.clear();
        m_started = false;
    }

    // bash: "Enclosing characters in double quotes preserves the literal value of all
    // characters within the quotes, with the exception of $, `, \ …"
    bool doubleQuoted()
    {
        ++m_at;
        while (m_at < m_text.size()) {
            const char c = m_text.at(m_at);
            if (c == '"') {
                ++m_at;
                return true;
            }
            if (c == '\\' && m_at + 1 < m_text.size()) {
                const char next = m_text.at(m_at + 1);
                if (isLineEnd(m_at + 1)) {
                    skipLineEnd(m_at + 1);
                    continue;
                }
                if (next == '$' || next == '`' || next == '"' || next == '\\') {
                    m_word += next;
                    m_at += 2;
                    continue;
                }
            }
            if (c == '$') {
                expand();
                continue;
            }
            m_word += c;
            ++m_at;
        }
        return false;
    }

    // bash's ANSI-C quoting: $'…' with backslash escapes.
    bool ansiQuoted()
    {
        m_at += 2;
        const qsizetype size = m_text.size();
        while (m_at < size) {
            const char c = m_text.at(m_at);
            if (c == '\'') {
                ++m_at;
                return true;
            }
            if (c != '\\' || m_at + 1 >= size) {
                m_word += c;
                ++m_at;
                continue;
            }
            const char e = m_text.at(m_at + 1);
            m_at += 2;
            switch (e) {
            case 'a':
                m_word += '\a';
                break;
            case 'b':
                m_word += '\b';
                break;
            case 'e':
            case 'E':
                m_word += '\x1b';
                break;
            case 'f':
                m_word += '\f';
                break;
            case 'n':
                m_word += '\n';
                break;
            case 'r':
                m_word += '\r';
                break;
            case 't':
                m_word += '\t';
                break;
            case 'v':
                m_word += '\v';
                break;
            case '\\':
            case '\'':
            case '"':
            case '?':
                m_word += e;
                break;
            case 'c':
                if (m_at < size)
                    m_word += char(m_text.at(m_at++) & 0x1f);
                break;
            case 'x':
                m_word += char(number(16, 2));
                break;
            case 'u':
            case 'U': {
                const char32_t codePoint = number(16, e == 'u' ? 4 : 8);
                m_word += QString::fromUcs4(&codePoint, 1).toUtf8();
                break;
            }
            default:
                if (e >= '0' && e <= '7') {
                    --m_at;
                    m_word += char(number(8, 3));
                } else {
                    m_word += '\\';
                    m_word += e;
                }
                break;
            }
        }
        return false;
    }

    // Up to `digits` digits of that base at m_at, consumed.
    uint number(int base, int digits)
    {
        uint value = 0;
        for (int i = 0; i < digits && m_at < m_text.size(); ++i) {
            const int digit = hexValue(m_text.at(m_at));
            if (digit < 0 || digit >= base)
                break;
            value = value * uint(base) + uint(digit);
            ++m_at;
        }
        return value;
    }

    // $NAME or ${NAME} at m_at.
    void expand()
    {
        const qsizetype start = m_at;
        QByteArray name;
        if (m_at + 1 < m_text.size() && m_text.at(m_at + 1) == '{') {
            const qsizetype close = m_text.indexOf('}', m_at + 2);
            if (close < 0) {
                m_word += '$';
                ++m_at;
                return;
            }
            name = m_text.mid(m_at + 2, close - m_at - 2);
            m_at = close + 1;
        } else if (m_at + 1 < m_text.size() && isNameStart(m_text.at(m_at + 1))) {
            qsizetype end = m_at + 1;
            while (end < m_text.size() && isNameChar(m_text.at(end)))
                ++end;
            name = m_text.mid(m_at + 1, end - m_at - 1);
            m_at = end;
        } else {
            m_word += '$'; // a lone dollar is a dollar
            ++m_at;
            return;
        }
        const QString variable = QString::fromUtf8(name);
        if (!m_options.environment) {
            m_word += m_text.mid(start, m_at - start);
            warnOnce(u"$%1 was left as written: no environment to expand it from"_s.arg(variable));
            return;
        }
        if (const std::optional<QString> value = m_options.environment(variable))
            m_word += value->toUtf8();
        else
            warnOnce(u"$%1 is not set: it expanded to nothing"_s.arg(variable));
    }

    void warnOnce(const QString &message)
    {
        if (m_warnings && !m_warnings->contains(message))
            m_warnings->append(message);
    }

    const QByteArray &m_text;
    const CurlCommand::ParseOptions &m_options;
    QStringList *m_warnings;
    qsizetype m_at = 0;
    Words m_words;
    QByteArray m_word;
    bool m_started = false;
};

// Windows: cmd.exe reads the line first (^ escapes the next character outside its quotes, and
// ^ at the end of a line continues it with the next character taken literally), then the C
// runtime splits the arguments (quotes group, backslashes escape only before a quote).
std::optional<Words> splitCmd(const QByteArray &text, QString *error)
{
    QByteArray line;
    bool cmdQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '"') {
            cmdQuoted = !cmdQuoted;
            line += c;
        } else if (c == '^' && !cmdQuoted && i + 1 < text.size()) {
            ++i;
            if (text.at(i) == '\r' && i + 1 < text.size() && text.at(i + 1) == '\n')
                ++i;
            if (text.at(i) == '\n') {
                // The escaped line end continues the command; the next character (DevTools
                // writes a second line end for a line end in the data) is taken as it is.
                if (i + 2 < text.size() && text.at(i + 1) == '\r' && text.at(i + 2) == '\n') {
                    line += '\n';
                    i += 2;
                } else if (i + 1 < text.size()) {
                    line += text.at(++i);
                }
                continue;
            }
            line += text.at(i);
        } else if (c == '\r' || c == '\n') {
            line += ' ';
        } else {
            line += c;
        }
    }

    Words words;
    QByteArray word;
    bool started = false;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line.at(i);
        if (isBlank(c) && !quoted) {
            if (started)
                words.append(word);
            word.clear();
            started = false;
            continue;
        }
        started = true;
        if (c == '\\') {
            qsizetype backslashes = 0;
            while (i < line.size() && line.at(i) == '\\') {
                ++backslashes;
                ++i;
            }
            if (i < line.size() && line.at(i) == '"') {
                // 2n backslashes + quote: n backslashes and a quote that groups; 2n + 1: n
                // backslashes and a literal quote.
                word += QByteArray(backslashes / 2, '\\');
                if (backslashes % 2)
                    word += '"';
                else
                    quoted = !quoted;
            } else {
                word += QByteArray(backslashes, '\\');
                --i;
            }
            continue;
        }
        if (c == '"') {
            if (quoted && i + 1 < line.size() && line.at(i + 1) == '"') {
                word += '"'; // "" inside quotes is a literal quote
                ++i;
            } else {
                quoted = !quoted;
            }
            continue;
        }
        word += c;
    }
    if (quoted) {
        if (error)
            *error = u"unterminated double quote"_s;
        return std::nullopt;
    }
    if (started)
        words.append(word);
    return words;
}

enum class Option {
    Request,
    Header,
    Data,
    DataRaw,
    DataBinary,
    DataUrlencode,
    Json,
    User,
    UserAgent,
    Referer,
    Cookie,
    Url,
    Get,
    Head,
    Insecure,
    Ignored, ///< Changes how curl shows or fetches: nothing for the request.
    IgnoredWithValue,
    Unsupported, ///< Would change the request in a way a stream request cannot carry.
};

struct OptionSpec
{
    char shortName;
    const char *longName;
    Option option;
    bool takesValue;
};

constexpr OptionSpec Options[] = {
    { 'X', "--request", Option::Request, true },
    { 'H', "--header", Option::Header, true },
    { 'd', "--data", Option::Data, true },
    { 0, "--data-ascii", Option::Data, true },
    { 0, "--data-raw", Option::DataRaw, true },
    { 0, "--data-binary", Option::DataBinary, true },
    { 0, "--data-urlencode", Option::DataUrlencode, true },
    { 0, "--json", Option::Json, true },
    { 'u', "--user", Option::User, true },
    { 'A', "--user-agent", Option::UserAgent, true },
    { 'e', "--referer", Option::Referer, true },
    { 'b', "--cookie", Option::Cookie, true },
    { 0, "--url", Option::Url, true },
    { 'G', "--get", Option::Get, false },
    { 'I', "--head", Option::Head, false },
    { 'k', "--insecure", Option::Insecure, false },
    { 's', "--silent", Option::Ignored, false },
    { 'S', "--show-error", Option::Ignored, false },
    { 'N', "--no-buffer", Option::Ignored, false },
    { 'v', "--verbose", Option::Ignored, false },
    { 'i', "--include", Option::Ignored, false },
    { 'L', "--location", Option::Ignored, false },
    { 0, "--location-trusted", Option::Ignored, false },
    { 'f', "--fail", Option::Ignored, false },
    { 0, "--fail-with-body", Option::Ignored, false },
    { 0, "--compressed", Option::Ignored, false },
    { 0, "--http1.1", Option::Ignored, false },
    { 0, "--http2", Option::Ignored, false },
    { 0, "--http2-prior-knowledge", Option::Ignored, false },
    { 'g', "--globoff", Option::Ignored, false },
    { '#', "--progress-bar", Option::Ignored, false },
    { 0, "--no-progress-meter", Option::Ignored, false },
    { 0, "--tcp-nodelay", Option::Ignored, false },
    { 'm', "--max-time", Option::IgnoredWithValue, true },
    { 0, "--connect-timeout", Option::IgnoredWithValue, true },
    { 'o', "--output", Option::IgnoredWithValue, true },
    { 'w', "--write-out", Option::IgnoredWithValue, true },
    { 0, "--retry", Option::IgnoredWithValue, true },
    { 0, "--retry-delay", Option::IgnoredWithValue, true },
    { 0, "--max-redirs", Option::IgnoredWithValue, true },
    { 0, "--limit-rate", Option::IgnoredWithValue, true },
    { 'F', "--form", Option::Unsupported, true },
    { 'T', "--upload-file", Option::Unsupported, true },
    { 'x', "--proxy", Option::Unsupported, true },
};

const OptionSpec *findLong(QByteArrayView name)
{
    for (const OptionSpec &spec : Options) {
        if (name == spec.longName)
            return &spec;
    }
    return nullptr;
}

const OptionSpec *findShort(char name)
{
    for (const OptionSpec &spec : Options) {
        if (spec.shortName != 0 && spec.shortName == name)
            return &spec;
    }
    return nullptr;
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        const bool alphanumeric =
                (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!alphanumeric && !QByteArrayView("!#$%&'*+-.^_`|~").contains(c))
            return false;
    }
    return true;
}

bool hasHeader(const StreamRequest::HeaderList &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// What a command amounts to, as its options are read.
class CommandReader
{
public:
    CommandReader(const CurlCommand::ParseOptions &options, CurlCommand::ParseResult &result)
        : m_options(options)
        , m_result(result)
    {}

    bool read(const Words &words)
    {
        if (words.isEmpty())
            return fail(u"empty command"_s);
        const QByteArray program = words.constFirst().toLower();
        if (program != "curl" && program != "curl.exe" && !program.endsWith("/curl")
            && !program.endsWith("\\curl.exe"))
            return fail(u"not a curl command: it must start with curl"_s);
        bool urlsOnly = false;
        for (qsizetype i = 1; i < words.size(); ++i) {
            const QByteArray &word = words.at(i);
            if (urlsOnly || !word.startsWith('-') || word == "-") {
                if (!setUrl(word))
                    return false;
                continue;
            }
            if (word == "--") {
                urlsOnly = true;
                continue;
            }
            if (word.startsWith("--")) {
                const OptionSpec *spec = findLong(word);
                if (!spec)
                    return fail(u"unsupported curl option %1"_s.arg(QString::fromUtf8(word)));
                QByteArray value;
                if (spec->takesValue) {
                    if (++i >= words.size())
                        return fail(u"%1 needs a value"_s.arg(QString::fromUtf8(word)));
                    value = words.at(i);
                }
                if (!apply(*spec, QString::fromUtf8(word), value))
                    return false;
                continue;
            }
            // Short options may be grouped (-sSN) and take their value attached (-XPOST).
            for (qsizetype j = 1; j < word.size(); ++j) {
                const OptionSpec *spec = findShort(word.at(j));
                const QString name = u"-"_s + QChar::fromLatin1(word.at(j));
                if (!spec)
                    return fail(u"unsupported curl option %1"_s.arg(name));
                QByteArray value;
                if (spec->takesValue) {
                    if (j + 1 < word.size()) {
                        value = word.mid(j + 1);
                    } else if (++i < words.size()) {
                        value = words.at(i);
                    } else {
                        return fail(u"%1 needs a value"_s.arg(name));
                    }
                    if (!apply(*spec, name, value))
                        return false;
                    break;
                }
                if (!apply(*spec, name, value))
                    return false;
            }
        }
        return finish();
    }

private:
    bool fail(const QString &message)
    {
        m_result.error = message;
        return false;
    }

    bool setUrl(const QByteArray &word)
    {
        if (!m_url.isEmpty())
            return fail(u"more than one URL (a stream request has one)"_s);
        m_url = QString::fromUtf8(word);
        return true;
    }

    std::optional<QByteArray> readFile(const QString &option, const QByteArray &name)
    {
        const QString fileName = QString::fromUtf8(name);
        if (fileName == u"-"_s) {
            fail(u"%1 @- reads standard input, which a pasted command cannot"_s.arg(option));
            return std::nullopt;
        }
        if (!m_options.readFile) {
            fail(u"%1 @%2 reads a file: paste the body itself (e.g. --data-raw '…')"_s.arg(
                    option, fileName));
            return std::nullopt;
        }
        QString error;
        std::optional<QByteArray> contents = m_options.readFile(fileName, &error);
        if (!contents)
            fail(u"cannot read %1 @%2: %3"_s.arg(option, fileName, error));
        return contents;
    }

    bool addData(const QByteArray &data)
    {
        m_data.append(data);
        return true;
    }

    bool apply(const OptionSpec &spec, const QString &name, const QByteArray &value)
    {
        switch (spec.option) {
        case Option::Request:
            if (!isToken(value))
                return fail(u"%1 needs an HTTP method name"_s.arg(name));
            m_method = value;
            return true;
        case Option::Header:
            return addHeader(name, value);
        case Option::Data:
            if (value.startsWith('@')) {
                // curl -d @file drops the file's CR and LF bytes.
                std::optional<QByteArray> contents = readFile(name, value.mid(1));
                if (!contents)
                    return false;
                contents->replace("\r", "").replace("\n", "");
                return addData(*contents);
            }
            return addData(value);
        case Option::DataRaw:
            return addData(value);
        case Option::DataBinary:
        case Option::Json: {
            if (spec.option == Option::Json)
                m_json = true;
            if (!value.startsWith('@'))
                return addData(value);
            const std::optional<QByteArray> contents = readFile(name, value.mid(1));
            return contents && addData(*contents);
        }
        case Option::DataUrlencode:
            return addUrlencoded(name, value);
        case Option::User: {
            const qsizetype colon = value.indexOf(':');
            if (colon < 0)
                return fail(u"%1 without a password would make curl ask for one: give "
                            "user:password"_s.arg(name));
            m_headers.append({ QByteArrayLiteral("Authorization"), "Basic " + value.toBase64() });
            return true;
        }
        case Option::UserAgent:
            m_headers.append({ QByteArrayLiteral("User-Agent"), value });
            return true;
        case Option::Referer:
            m_headers.append({ QByteArrayLiteral("Referer"), value });
            return true;
        case Option::Cookie:
            if (!value.contains('='))
                return fail(u"%1 with a file name reads a cookie jar: give the cookies "
                            "themselves (name=value; …)"_s.arg(name));
            m_headers.append({ QByteArrayLiteral("Cookie"), value });
            return true;
        case Option::Url:
            return setUrl(value);
        case Option::Get:
            m_get = true;
            return true;
        case Option::Head:
            m_method = QByteArrayLiteral("HEAD");
            return true;
        case Option::Insecure:
            m_result.request.ignoreTlsErrors = true;
            return true;
        case Option::Ignored:
        case Option::IgnoredWithValue:
            return true;
        case Option::Unsupported:
            return fail(
                    u"unsupported curl option %1: a stream request cannot carry it"_s.arg(name));
        }
        return true;
    }

    bool addHeader(const QString &name, const QByteArray &value)
    {
        if (value.startsWith('@'))
            return fail(u"%1 @file reads headers from a file: give them one by one"_s.arg(name));
        qsizetype colon = value.indexOf(':');
        const qsizetype semicolon = value.indexOf(';');
        // curl: "Name;" sends the header with an empty value, "Name:" removes one of curl's own.
        if (colon < 0 && semicolon > 0 && value.mid(semicolon + 1).trimmed().isEmpty()) {
            const QByteArray headerName = value.left(semicolon).trimmed();
            if (!isToken(headerName))
                return fail(u"%1 needs \"Name: value\""_s.arg(name));
            m_headers.append({ headerName, QByteArray() });
            return true;
        }
        if (colon <= 0)
            return fail(u"%1 needs \"Name: value\""_s.arg(name));
        const QByteArray headerName = value.left(colon).trimmed();
        if (!isToken(headerName))
            return fail(u"%1 needs \"Name: value\" (the header name is not a token)"_s.arg(name));
        const QByteArray headerValue = value.mid(colon + 1).trimmed();
        if (headerValue.contains('\r') || headerValue.contains('\n'))
            return fail(u"%1 value must not contain line breaks"_s.arg(name));
        if (headerValue.isEmpty()) {
            m_result.warnings.append(u"\"%1:\" asks curl to leave out a header of its own; it "
                                     "was ignored"_s.arg(QString::fromLatin1(headerName)));
            return true;
        }
        m_headers.append({ headerName, headerValue });
        return true;
    }

    bool addUrlencoded(const QString &name, const QByteArray &value)
    {
        // curl: "content", "=content", "name=content", "@file", "name@file".
        QByteArray prefix;
        QByteArray content = value;
        const qsizetype equals = value.indexOf('=');
        const qsizetype at = value.indexOf('@');
        if (equals >= 0 && (at < 0 || equals < at)) {
            prefix = value.left(equals);
            content = value.mid(equals + 1);
        } else if (at >= 0) {
            prefix = value.left(at);
            const std::optional<QByteArray> contents = readFile(name, value.mid(at + 1));
            if (!contents)
                return false;
            content = *contents;
        }
        const QByteArray encoded = content.toPercentEncoding();
        return addData(prefix.isEmpty() ? encoded : prefix + '=' + encoded);
    }

    bool finish()
    {
        StreamRequest &request = m_result.request;
        if (m_url.isEmpty())
            return fail(u"no URL"_s);
        // curl's own default for a URL without a scheme.
        if (!m_url.contains(u"://"_s))
            m_url.prepend(u"http://"_s);
        QUrl url(m_url, QUrl::TolerantMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() || (scheme != u"http"_s && scheme != u"https"_s))
            return fail(u"not an http:// or https:// URL: %1"_s.arg(
                    url.toString(QUrl::RemovePassword)));
        // A JSON body is concatenated as curl does for repeated --json; form fields join with &.
        const QByteArray body = m_data.join(m_json ? QByteArray() : QByteArrayLiteral("&"));
        if (m_get && !m_data.isEmpty()) {
            // -G: the data goes in the query string instead of a body.
            QString query = url.query(QUrl::FullyEncoded);
            query += (query.isEmpty() ? QString() : u"&"_s) + QString::fromUtf8(body);
            url.setQuery(query, QUrl::TolerantMode);
        } else {
            request.body = body;
        }
        if (!m_method.isEmpty())
            request.method = m_method;
        else
            request.method =
                    request.body.isEmpty() ? QByteArrayLiteral("GET") : QByteArrayLiteral("POST");
        request.url = url;
        request.headers = m_headers;
        if (m_json && !hasHeader(request.headers, "Content-Type"))
            request.headers.append(
                    { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") });
        if (m_json && !hasHeader(request.headers, "Accept"))
            request.headers.append({ QByteArrayLiteral("Accept"),
                                     QByteArrayLiteral("text/event-stream, application/json") });
        return true;
    }

    const CurlCommand::ParseOptions &m_options;
    CurlCommand::ParseResult &m_result;
    QString m_url;
    QByteArray m_method;
    StreamRequest::HeaderList m_headers;
    QList<QByteArray> m_data;
    bool m_json = false;
    bool m_get = false;
};

// One word for a POSIX shell: single quotes, or $'…' when a quote or a control byte (or bytes
// that are not UTF-8) would not survive them.
QByteArray shellQuote(const QByteArray &bytes)
{
    const bool utf8 = isValidUtf8(bytes);
    bool ansi = !utf8;
    for (const char c : bytes) {
        const uchar byte = uchar(c);
        if (byte < 0x20 || byte == 0x7f || c == '\'')
            ansi = true;
    }
    if (!ansi)
        return '\'' + bytes + '\'';
    QByteArray out = "$'";
    for (const char c : bytes) {
        const uchar byte = uchar(c);
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\'':
            out += "\\'";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (byte < 0x20 || byte == 0x7f || (byte >= 0x80 && !utf8)) {
                static constexpr char Hex[] = "0123456789abcdef";
                out += "\\x";
                out += Hex[byte >> 4];
                out += Hex[byte & 0xf];
            } else {
                out += c;
            }
            break;
        }
    }
    out += '\'';
    return out;
}

} // namespace

namespace CurlCommand {

std::optional<QList<QByteArray>> splitWords(const QString &command, QString *error,
                                            const ParseOptions &options, QStringList *warnings)
{
    const QByteArray text = command.toUtf8();
    if (isCmdStyle(text))
        return splitCmd(text, error);
    PosixSplitter splitter(text, options, warnings);
    return splitter.run(error);
}

ParseResult parse(const QString &command, const ParseOptions &options)
{
    ParseResult result;
    QString error;
    const std::optional<Words> words = splitWords(command, &error, options, &result.warnings);
    if (!words) {
        result.error = error;
        return result;
    }
    CommandReader reader(options, result);
    if (!reader.read(*words))
        result.request = StreamRequest();
    return result;
}

QString toCommand(const StreamRequest &request, const WriteOptions &options)
{
    // -N: curl shows each event as it arrives instead of filling its buffer first.
    QByteArray first = "curl -N ";
    QList<QByteArray> lines;
    QUrl url = request.url;
    if (!url.userName().isEmpty()) {
        const QByteArray password = url.password().isEmpty()
                ? QByteArray()
                : ':' + (options.keepSecrets ? url.password().toUtf8() : QByteArray("<redacted>"));
        lines << "-u " + shellQuote(url.userName().toUtf8() + password);
        url.setUserInfo(QString());
    }
    first += shellQuote(url.toString(QUrl::FullyEncoded).toUtf8());

    // curl infers GET, or POST when there is a body: -X only for anything else.
    const QByteArray inferred = request.body.isEmpty() ? "GET" : "POST";
    if (request.method != inferred)
        lines << "-X " + shellQuote(request.method);
    for (const auto &[name, value] : request.headers) {
        const bool masked =
                !options.keepSecrets && StreamRequest::isSecretHeader(QString::fromLatin1(name));
        // curl's "Name;" sends a header with an empty value ("Name:" would remove one).
        const QByteArray header = value.isEmpty()
                ? QByteArray(name + ';')
                : QByteArray(name + ": " + (masked ? QByteArray("<redacted>") : value));
        lines << "-H " + shellQuote(header);
    }
    if (!request.lastEventId.isEmpty() && !hasHeader(request.headers, "Last-Event-ID"))
        lines << "-H " + shellQuote("Last-Event-ID: " + request.lastEventId.toUtf8());
    if (!request.body.isEmpty())
        lines << "--data-raw " + shellQuote(request.body);
    if (request.ignoreTlsErrors)
        lines << QByteArrayLiteral("-k");

    QByteArray command = first;
    for (const QByteArray &line : std::as_const(lines))
        command += " \\\n  " + line;
    return QString::fromUtf8(command);
}

} // namespace CurlCommand
