// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <utility>

#include <QList>
#include <QString>
#include <QStringList>

#include "sseparser.h"

/// What an SseParser reports, as comparable text lines: shared by the parser tests
/// (tst_sseparser, tst_sseparserhostile) so that hand-written expectations, the reference
/// parser and the real parser all speak one format.
namespace ParserLog {

/// Makes control characters and non-ASCII visible in failure messages.
inline QString escaped(QStringView text)
{
    QString result;
    for (const QChar c : text) {
        if (c == u'\\')
            result += QStringLiteral("\\\\");
        else if (c == u'\n')
            result += QStringLiteral("\\n");
        else if (c == u'\r')
            result += QStringLiteral("\\r");
        else if (c.unicode() >= 0x20 && c.unicode() < 0x7f)
            result += c;
        else
            result += QStringLiteral("\\u")
                    + QString::number(c.unicode(), 16).rightJustified(4, u'0');
    }
    return result;
}

inline QString event(QStringView type, QStringView data, QStringView id, bool hasId)
{
    return QStringLiteral("event type=%1 data=%2 id=%3 hasId=%4")
            .arg(escaped(type), escaped(data), escaped(id), QString::number(int(hasId)));
}

/// An event line with its raw size (negative: not known, shown as "?") and sequence number.
inline QString withSizes(const QString &eventLine, qint64 rawSize, quint64 sequence)
{
    return eventLine
            + QStringLiteral(" raw=%1 seq=%2")
                      .arg(rawSize < 0 ? QStringLiteral("?") : QString::number(rawSize),
                           QString::number(sequence));
}

inline QString comment(QStringView text)
{
    return QStringLiteral("comment ") + escaped(text);
}

inline QString retry(qint64 milliseconds)
{
    return QStringLiteral("retry ") + QString::number(milliseconds);
}

inline const QString TooLarge = QStringLiteral("too-large");

/// Records everything the parser reports, in order: as lines in `log`, and the events themselves.
class RecordingSink : public SseParser::Sink
{
public:
    enum class Sizes {
        Logged, ///< rawSize and sequence in every event line.
        RawUnknown, ///< rawSize as "?" (for comparing with a reference that cannot count bytes).
        Omitted, ///< Neither (for hand-written expectations).
    };

    void event(SseEvent &&event) override
    {
        const QString line =
                ParserLog::event(event.type, event.data, event.lastEventId, event.hasId);
        if (sizes == Sizes::Omitted)
            log << line;
        else
            log << withSizes(line, sizes == Sizes::Logged ? event.rawSize : -1, event.sequence);
        events << std::move(event);
    }
    void comment(QStringView text) override
    {
        if (logComments)
            log << ParserLog::comment(text);
        ++commentCount;
    }
    void retry(qint64 milliseconds) override { log << ParserLog::retry(milliseconds); }
    // The byte count depends on where the chunks were cut, so only the fact is logged.
    void eventTooLarge(qint64 bytes) override
    {
        log << TooLarge;
        tooLargeBytes << bytes;
    }

    Sizes sizes = Sizes::Logged;
    bool logComments = true;
    QStringList log;
    QList<SseEvent> events;
    int commentCount = 0;
    QList<qint64> tooLargeBytes;
};

/// Feeds `stream` cut at `cuts`, then ends it; returns the log with the last id and how the
/// stream ended. maximumSize 0 keeps the parser's default cap.
inline QStringList feedWithCuts(const QByteArray &stream, const QList<qsizetype> &cuts,
                                qsizetype maximumSize, RecordingSink::Sizes sizes)
{
    SseParser parser;
    if (maximumSize > 0)
        parser.setMaximumEventSize(maximumSize);
    RecordingSink sink;
    sink.sizes = sizes;
    qsizetype from = 0;
    for (const qsizetype cut : cuts) {
        parser.feed(QByteArrayView(stream).sliced(from, cut - from), sink);
        from = cut;
    }
    parser.feed(QByteArrayView(stream).sliced(from), sink);
    sink.log << QStringLiteral("last-id ") + escaped(parser.lastEventId());
    sink.log << (parser.finish() ? QStringLiteral("finish discarded")
                                 : QStringLiteral("finish clean"));
    return sink.log;
}

} // namespace ParserLog
