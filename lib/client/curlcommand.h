// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <optional>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "streamrequest.h"

/// `curl …` commands in and out: the form a request takes in browser DevTools ("Copy as cURL",
/// bash and cmd), in API documentation and in bug reports.
///
/// parse() reads a command into a StreamRequest: the URL, the method, the headers in order, the
/// body. It splits words the way the shell the command was written for would: POSIX sh (single
/// and double quotes, `$'…'` ANSI-C escapes, backslash-newline continuations, `$NAME` expanded
/// from ParseOptions::environment) or Windows cmd (`^` escapes, `^"` quoting, `^` line
/// continuations, then the C runtime's quoting rules), told apart by its `^` escapes.
///
/// The options it knows: -X/--request, -H/--header, -d/--data/--data-ascii, --data-raw,
/// --data-binary, --data-urlencode, --json, -u/--user (becomes an Authorization header),
/// -A/--user-agent, -e/--referer, -b/--cookie (a cookie string, not a file), -G/--get, -I/--head,
/// -k/--insecure, --url. Options that only change how curl itself shows or fetches a response
/// (-s, -S, -N, -v, -i, -L, -f, --compressed, --http1.1, --http2, -m, --connect-timeout, -o, …)
/// are accepted and ignored: the reader decodes compression and follows redirects itself. Any
/// other option is an error, never silently dropped.
///
/// Data options mean what they mean to curl: several -d join with '&', a body makes the method
/// POST, -d without a Content-Type header sends application/x-www-form-urlencoded (the reader
/// adds it). `--json` sends its data with `Content-Type: application/json` and, unlike curl's
/// `Accept: application/json`, `Accept: text/event-stream, application/json`: a streaming API may
/// answer a plain JSON accept without streaming, and MCP servers require both.
/// `@file` data is read through ParseOptions::readFile, and refused when there is none.
namespace CurlCommand {

struct ParseOptions
{
    /// The value of an environment variable, or nullopt when it is unset. Without it, `$NAME`
    /// stays as written (with a warning), so a command from API docs with
    /// "Authorization: Bearer $OPENAI_API_KEY" reads the same on every machine.
    std::function<std::optional<QString>(const QString &name)> environment;
    /// The contents of a file named by `-d @file` (and the other data options), or nullopt with
    /// an English `error`. Without it such data is refused.
    std::function<std::optional<QByteArray>(const QString &fileName, QString *error)> readFile;
};

struct ParseResult
{
    StreamRequest request; ///< Complete when error is empty.
    QString error; ///< Empty on success, else English text naming the problem.
    QStringList warnings; ///< What was read but not taken literally (unexpanded variables, …).
    bool isValid() const { return error.isEmpty(); }
};

ParseResult parse(const QString &command, const ParseOptions &options = {});

struct WriteOptions
{
    /// Write secret header values (StreamRequest::isSecretHeader) as they are; by default they
    /// are written as `<redacted>`, so a command is safe to paste into a bug report.
    bool keepSecrets = false;
};

/// The request as a POSIX shell command (`curl -N 'URL' -H '…' --data-raw '…'`, one option per
/// line with backslash continuations) that parse() reads back to the same method, URL, headers
/// and body. Values go in single quotes, or in `$'…'` when they hold a quote or a control byte.
QString toCommand(const StreamRequest &request, const WriteOptions &options = {});

/// The words of a command line, as the shell it was written for would pass them to curl (see
/// above); nullopt with an English `error` for an unterminated quote.
std::optional<QList<QByteArray>> splitWords(const QString &command, QString *error = nullptr,
                                            const ParseOptions &options = {},
                                            QStringList *warnings = nullptr);

} // namespace CurlCommand
