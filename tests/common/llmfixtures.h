// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include "jsonlinesparser.h"
#include "sseevent.h"
#include "sseparser.h"

/// The recorded LLM streams under tests/llm/data: NAME.sse (text/event-stream) or NAME.ndjson
/// (JSON lines), each with NAME.expected.json, what merging it must give. Shared by the
/// assembler, analyzer, reader and CLI tests, which need SSESCOPE_LLM_DATA (the folder).
namespace LlmFixtures {

inline QDir directory()
{
    return QDir(QStringLiteral(SSESCOPE_LLM_DATA));
}

/// Every fixture's name, sorted.
inline QStringList names()
{
    QStringList result;
    const QStringList expected =
            directory().entryList({ QStringLiteral("*.expected.json") }, QDir::Files, QDir::Name);
    for (const QString &file : expected)
        result << file.chopped(int(qstrlen(".expected.json")));
    return result;
}

inline bool isJsonLines(const QString &name)
{
    return directory().exists(name + QStringLiteral(".ndjson"));
}

/// The response body as the server sends it.
inline QByteArray body(const QString &name)
{
    QFile file(directory().filePath(
            name + (isJsonLines(name) ? QStringLiteral(".ndjson") : QStringLiteral(".sse"))));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The Content-Type the body goes with.
inline QByteArray contentType(const QString &name)
{
    return isJsonLines(name) ? QByteArrayLiteral("application/x-ndjson")
                             : QByteArrayLiteral("text/event-stream");
}

/// The body's events, parsed as the reader would.
inline QList<SseEvent> events(const QString &name)
{
    if (isJsonLines(name)) {
        JsonLinesParser parser;
        QList<SseEvent> result = parser.feed(body(name));
        struct Sink final : SseParser::Sink
        {
            void event(SseEvent &&event) override { events.append(std::move(event)); }
            QList<SseEvent> events;
        } sink;
        parser.finish(sink);
        return result + sink.events;
    }
    SseParser parser;
    return parser.feed(body(name));
}

inline QJsonObject expected(const QString &name)
{
    QFile file(directory().filePath(name + QStringLiteral(".expected.json")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace LlmFixtures
