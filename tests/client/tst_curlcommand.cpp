// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <QTest>

#include "curlcommand.h"

using namespace Qt::StringLiterals;

namespace {

using Headers = StreamRequest::HeaderList;

// A small environment and file system, so no row depends on the machine it runs on.
CurlCommand::ParseOptions testOptions()
{
    CurlCommand::ParseOptions options;
    options.environment = [](const QString &name) -> std::optional<QString> {
        if (name == u"OPENAI_API_KEY"_s)
            return u"sk-test-123"_s;
        if (name == u"ANTHROPIC_API_KEY"_s)
            return u"sk-ant-456"_s;
        if (name == u"GEMINI_API_KEY"_s)
            return u"AIza789"_s;
        return std::nullopt;
    };
    options.readFile = [](const QString &name, QString *error) -> std::optional<QByteArray> {
        if (name == u"body.json"_s)
            return QByteArray("{\"prompt\":\r\n\"hi\"}\n");
        *error = u"No such file or directory"_s;
        return std::nullopt;
    };
    return options;
}

} // namespace

class TestCurlCommand : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void roundTrip_data();
    void roundTrip();
    void refused_data();
    void refused();
    void variablesWithoutAnEnvironment();
    void filesWithoutAReader();
    void exportMasksSecrets();
    void exportQuotesWhatSingleQuotesCannot();
};

void TestCurlCommand::parse_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QByteArray>("body");

    const QByteArray chatBody =
            R"({"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"Hi"}]})";

    // Chrome DevTools, Copy as cURL (bash): one option per line, lower-case header names.
    QTest::addRow("devtools bash")
            << u"curl 'https://api.openai.com/v1/chat/completions' \\\n"
               "  -H 'accept: text/event-stream' \\\n"
               "  -H 'authorization: Bearer sk-live' \\\n"
               "  -H 'content-type: application/json' \\\n"
               "  --data-raw '"_s
                    + QString::fromUtf8(chatBody) + u"' \\\n  --compressed"_s
            << QByteArray("POST") << u"https://api.openai.com/v1/chat/completions"_s
            << Headers { { "accept", "text/event-stream" },
                         { "authorization", "Bearer sk-live" },
                         { "content-type", "application/json" } }
            << chatBody;
    // DevTools switches to $'…' when the data holds a quote, a control character or "!".
    QTest::addRow("devtools bash, ANSI-C quoting")
            << uR"(curl 'https://example.com/v1/messages' -H 'content-type: application/json' --data-raw $'{"text":"it\'s line 1\nline 2\u0021 \xe4\xbd\xa0"}')"_s
            << QByteArray("POST") << u"https://example.com/v1/messages"_s
            << Headers { { "content-type", "application/json" } }
            << QByteArray("{\"text\":\"it's line 1\nline 2! \xe4\xbd\xa0\"}");
    // OpenAI's docs: double quotes, $OPENAI_API_KEY, a multi-line single-quoted body.
    QTest::addRow("openai docs")
            << u"curl https://api.openai.com/v1/chat/completions \\\n"
               "  -H \"Content-Type: application/json\" \\\n"
               "  -H \"Authorization: Bearer $OPENAI_API_KEY\" \\\n"
               "  -d '{\n    \"model\": \"gpt-4o\",\n    \"stream\": true\n  }'"_s
            << QByteArray("POST") << u"https://api.openai.com/v1/chat/completions"_s
            << Headers { { "Content-Type", "application/json" },
                         { "Authorization", "Bearer sk-test-123" } }
            << QByteArray("{\n    \"model\": \"gpt-4o\",\n    \"stream\": true\n  }");
    QTest::addRow("anthropic docs")
            << u"curl https://api.anthropic.com/v1/messages \\\n"
               "     --header \"x-api-key: ${ANTHROPIC_API_KEY}\" \\\n"
               "     --header \"anthropic-version: 2023-06-01\" \\\n"
               "     --header \"content-type: application/json\" \\\n"
               "     --data '{\"model\": \"claude-sonnet-4-5\", \"stream\": true}'"_s
            << QByteArray("POST") << u"https://api.anthropic.com/v1/messages"_s
            << Headers { { "x-api-key", "sk-ant-456" },
                         { "anthropic-version", "2023-06-01" },
                         { "content-type", "application/json" } }
            << QByteArray(R"({"model": "claude-sonnet-4-5", "stream": true})");
    QTest::addRow("gemini docs, quoted URL, -X POST")
            << u"curl \"https://generativelanguage.googleapis.com/v1beta/models/"
               "gemini-2.5-flash:streamGenerateContent?alt=sse&key=${GEMINI_API_KEY}\" \\\n"
               "  -H 'Content-Type: application/json' --no-buffer -X POST \\\n"
               "  -d '{\"contents\":[{\"parts\":[{\"text\":\"Hi\"}]}]}'"_s
            << QByteArray("POST")
            << u"https://generativelanguage.googleapis.com/v1beta/models/"
               "gemini-2.5-flash:streamGenerateContent?alt=sse&key=AIza789"_s
            << Headers { { "Content-Type", "application/json" } }
            << QByteArray(R"({"contents":[{"parts":[{"text":"Hi"}]}]})");
    // Ollama's docs: no scheme-less tricks, no Content-Type, -d makes it a POST.
    QTest::addRow("ollama docs")
            << u"curl http://localhost:11434/api/chat -d '{\"model\": \"llama3.2\", "
               "\"messages\": [{\"role\": \"user\", \"content\": \"why is the sky blue?\"}]}'"_s
            << QByteArray("POST") << u"http://localhost:11434/api/chat"_s << Headers()
            << QByteArray(R"({"model": "llama3.2", "messages": [{"role": "user", )"
                          R"("content": "why is the sky blue?"}]})");
    // Chrome DevTools, Copy as cURL (cmd): ^" quotes, ^ escapes and line continuations, the
    // C runtime's \" inside.
    QTest::addRow("devtools cmd")
            << u"curl ^\"https://api.example.com/v1/chat?x=1^&y=2^\" ^\r\n"
               "  -H ^\"accept: text/event-stream^\" ^\r\n"
               "  -H ^\"content-type: application/json^\" ^\r\n"
               "  --data-raw ^\"^{^\\^\"model^\\^\":^\\^\"m^\\^\",^\\^\"q^\\^\":^\\^\"100^%^ "
               "sure^\\^\"^}^\""_s
            << QByteArray("POST") << u"https://api.example.com/v1/chat?x=1&y=2"_s
            << Headers { { "accept", "text/event-stream" }, { "content-type", "application/json" } }
            << QByteArray(R"({"model":"m","q":"100% sure"})");
    QTest::addRow("cmd, a line end in the data")
            << u"curl ^\"https://h/s^\" --data-raw ^\"a^\r\n\r\nb^\""_s << QByteArray("POST")
            << u"https://h/s"_s << Headers() << QByteArray("a\nb");
    QTest::addRow("--json")
            << u"curl --json '{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}' "
               "https://example.com/mcp"_s
            << QByteArray("POST") << u"https://example.com/mcp"_s
            << Headers { { "Content-Type", "application/json" },
                         { "Accept", "text/event-stream, application/json" } }
            << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"tools/list"})");
    QTest::addRow("--json keeps a given Accept")
            << u"curl -H 'Accept: application/json, text/event-stream' --json '{}' "
               "https://example.com/mcp"_s
            << QByteArray("POST") << u"https://example.com/mcp"_s
            << Headers { { "Accept", "application/json, text/event-stream" },
                         { "Content-Type", "application/json" } }
            << QByteArray("{}");
    QTest::addRow("-u user:pass") << u"curl -u 'alice:s3cr3t' http://h/stream"_s
                                  << QByteArray("GET") << u"http://h/stream"_s
                                  << Headers { { "Authorization", "Basic YWxpY2U6czNjcjN0" } }
                                  << QByteArray();
    QTest::addRow("grouped short flags, attached values")
            << u"curl -sSN -XPUT -H'X-A: 1' -HX-B:2 http://h/s"_s << QByteArray("PUT")
            << u"http://h/s"_s << Headers { { "X-A", "1" }, { "X-B", "2" } } << QByteArray();
    QTest::addRow("-d @file drops line ends, repeated -d join with &")
            << u"curl http://h/s -d @body.json -d x=1"_s << QByteArray("POST") << u"http://h/s"_s
            << Headers() << QByteArray("{\"prompt\":\"hi\"}&x=1");
    QTest::addRow("--data-binary @file keeps every byte")
            << u"curl http://h/s --data-binary @body.json"_s << QByteArray("POST")
            << u"http://h/s"_s << Headers() << QByteArray("{\"prompt\":\r\n\"hi\"}\n");
    QTest::addRow("-G puts the data in the query")
            << u"curl -G http://h/s?a=1 --data-urlencode 'q=x y' -d n=2"_s << QByteArray("GET")
            << u"http://h/s?a=1&q=x%20y&n=2"_s << Headers() << QByteArray();
    QTest::addRow("no scheme, backslash escapes, comments")
            << u"# from a bug report\ncurl example.com/stream\\?topic=a\\ b -A my\\ agent"_s
            << QByteArray("GET") << u"http://example.com/stream?topic=a%20b"_s
            << Headers { { "User-Agent", "my agent" } } << QByteArray();
    QTest::addRow("empty header value with ;, curl.exe")
            << u"curl.exe -H \"X-Empty;\" -I https://h/s"_s << QByteArray("HEAD")
            << u"https://h/s"_s << Headers { { "X-Empty", "" } } << QByteArray();
}

void TestCurlCommand::parse()
{
    QFETCH(QString, command);
    QFETCH(QByteArray, method);
    QFETCH(QString, url);
    QFETCH(Headers, headers);
    QFETCH(QByteArray, body);

    const CurlCommand::ParseResult result = CurlCommand::parse(command, testOptions());
    QVERIFY2(result.isValid(), qPrintable(result.error));
    QCOMPARE(result.request.method, method);
    QCOMPARE(result.request.url.toString(QUrl::FullyEncoded),
             QUrl(url).toString(QUrl::FullyEncoded));
    QCOMPARE(result.request.headers, headers);
    QCOMPARE(result.request.body, body);
}

void TestCurlCommand::roundTrip_data()
{
    parse_data();
}

void TestCurlCommand::roundTrip()
{
    // Import → export → import: the same request, whatever shape it came in.
    QFETCH(QString, command);
    const CurlCommand::ParseResult first = CurlCommand::parse(command, testOptions());
    QVERIFY2(first.isValid(), qPrintable(first.error));
    CurlCommand::WriteOptions keep;
    keep.keepSecrets = true;
    const QString exported = CurlCommand::toCommand(first.request, keep);
    // Exported commands need no environment and no files.
    const CurlCommand::ParseResult second = CurlCommand::parse(exported);
    QVERIFY2(second.isValid(), qPrintable(second.error + u"\n"_s + exported));
    QVERIFY2(second.warnings.isEmpty(), qPrintable(second.warnings.join(u"; "_s)));
    QCOMPARE(second.request.method, first.request.method);
    QCOMPARE(second.request.url, first.request.url);
    QCOMPARE(second.request.headers, first.request.headers);
    QCOMPARE(second.request.body, first.request.body);
    QCOMPARE(second.request.ignoreTlsErrors, first.request.ignoreTlsErrors);
    QCOMPARE(CurlCommand::toCommand(second.request, keep), exported);
}

void TestCurlCommand::refused_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("error");
    QTest::addRow("not curl") << u"wget http://h/s"_s << u"not a curl command"_s;
    QTest::addRow("empty") << u"  "_s << u"empty command"_s;
    QTest::addRow("unterminated quote") << u"curl 'http://h/s"_s << u"unterminated single quote"_s;
    QTest::addRow("unterminated cmd quote")
            << u"curl \"http://h/s ^\r\n -H x"_s << u"unterminated double quote"_s;
    QTest::addRow("multipart form") << u"curl -F file=@a.png http://h/s"_s << u"-F"_s;
    QTest::addRow("unknown option") << u"curl --frobnicate http://h/s"_s << u"--frobnicate"_s;
    QTest::addRow("two URLs") << u"curl http://h/a http://h/b"_s << u"more than one URL"_s;
    QTest::addRow("no URL") << u"curl -H 'A: b'"_s << u"no URL"_s;
    QTest::addRow("ftp") << u"curl ftp://h/f"_s << u"http://"_s;
    QTest::addRow("user without password") << u"curl -u alice http://h/s"_s << u"user:password"_s;
    QTest::addRow("cookie jar") << u"curl -b cookies.txt http://h/s"_s << u"cookie jar"_s;
    QTest::addRow("missing file") << u"curl -d @nope.json http://h/s"_s
                                  << u"No such file or directory"_s;
    QTest::addRow("stdin") << u"curl -d @- http://h/s"_s << u"standard input"_s;
    QTest::addRow("option without value") << u"curl http://h/s -H"_s << u"-H needs a value"_s;
    QTest::addRow("bad header") << u"curl -H 'no colon' http://h/s"_s << u"Name: value"_s;
}

void TestCurlCommand::refused()
{
    QFETCH(QString, command);
    QFETCH(QString, error);
    const CurlCommand::ParseResult result = CurlCommand::parse(command, testOptions());
    QVERIFY(!result.isValid());
    QVERIFY2(result.error.contains(error), qPrintable(result.error));
}

void TestCurlCommand::variablesWithoutAnEnvironment()
{
    const CurlCommand::ParseResult result = CurlCommand::parse(
            u"curl https://api.openai.com/v1/chat/completions "
            "-H \"Authorization: Bearer $OPENAI_API_KEY\" -d '{\"a\":\"$NOT_EXPANDED\"}'"_s);
    QVERIFY2(result.isValid(), qPrintable(result.error));
    QCOMPARE(result.request.headers.at(0).second, QByteArray("Bearer $OPENAI_API_KEY"));
    // Single quotes never expand; only the double-quoted variable is worth a warning.
    QCOMPARE(result.request.body, QByteArray(R"({"a":"$NOT_EXPANDED"})"));
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY(result.warnings.at(0).contains(u"$OPENAI_API_KEY"_s));
}

void TestCurlCommand::filesWithoutAReader()
{
    const CurlCommand::ParseResult result =
            CurlCommand::parse(u"curl http://h/s --data-binary @body.json"_s);
    QVERIFY(!result.isValid());
    QVERIFY2(result.error.contains(u"--data-raw"_s), qPrintable(result.error));
}

void TestCurlCommand::exportMasksSecrets()
{
    StreamRequest request;
    request.url = QUrl(u"https://bob:hunter2@h/s"_s);
    request.headers = { { "Authorization", "Bearer sk-live" }, { "X-Trace", "1" } };
    request.lastEventId = u"41"_s;
    const QString command = CurlCommand::toCommand(request);
    QVERIFY(!command.contains(u"sk-live"_s));
    QVERIFY(!command.contains(u"hunter2"_s));
    QVERIFY2(command.contains(u"'Authorization: <redacted>'"_s), qPrintable(command));
    QVERIFY(command.contains(u"-u 'bob:<redacted>'"_s));
    QVERIFY(command.contains(u"'Last-Event-ID: 41'"_s));
    QVERIFY(command.startsWith(u"curl -N 'https://h/s'"_s));
    CurlCommand::WriteOptions keep;
    keep.keepSecrets = true;
    QVERIFY(CurlCommand::toCommand(request, keep).contains(u"Bearer sk-live"_s));
}

void TestCurlCommand::exportQuotesWhatSingleQuotesCannot()
{
    StreamRequest request;
    request.url = QUrl(u"http://h/s"_s);
    request.method = "PATCH";
    request.body = QByteArray("it's\tbinary \xff\x01", 14);
    request.ignoreTlsErrors = true;
    const QString command = CurlCommand::toCommand(request);
    QVERIFY2(command.contains(uR"(--data-raw $'it\'s\tbinary \xff\x01')"_s), qPrintable(command));
    QVERIFY(command.contains(u"-X 'PATCH'"_s));
    QVERIFY(command.endsWith(u"-k"_s));
    const CurlCommand::ParseResult back = CurlCommand::parse(command);
    QVERIFY2(back.isValid(), qPrintable(back.error));
    QCOMPARE(back.request.body, request.body);
    QCOMPARE(back.request.method, request.method);
    QVERIFY(back.request.ignoreTlsErrors);
}

QTEST_GUILESS_MAIN(TestCurlCommand)
#include "tst_curlcommand.moc"
