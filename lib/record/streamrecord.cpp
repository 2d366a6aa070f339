// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "streamrecord.h"

#include <array>

using namespace Qt::StringLiterals;

namespace {
constexpr std::array Kinds = {
    StreamRecord::Kind::Session, StreamRecord::Kind::Connecting, StreamRecord::Kind::Redirect,
    StreamRecord::Kind::Open,    StreamRecord::Kind::Event,      StreamRecord::Kind::Retry,
    StreamRecord::Kind::Comment, StreamRecord::Kind::Error,      StreamRecord::Kind::Reconnecting,
    StreamRecord::Kind::Control, StreamRecord::Kind::Summary,    StreamRecord::Kind::Closed,
    StreamRecord::Kind::Finding,
};
} // namespace

QLatin1String StreamRecord::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Session:
        return QLatin1String("session");
    case Kind::Connecting:
        return QLatin1String("connecting");
    case Kind::Redirect:
        return QLatin1String("redirect");
    case Kind::Open:
        return QLatin1String("open");
    case Kind::Event:
        return QLatin1String("event");
    case Kind::Retry:
        return QLatin1String("retry");
    case Kind::Comment:
        return QLatin1String("comment");
    case Kind::Error:
        return QLatin1String("error");
    case Kind::Reconnecting:
        return QLatin1String("reconnecting");
    case Kind::Control:
        return QLatin1String("control");
    case Kind::Summary:
        return QLatin1String("summary");
    case Kind::Closed:
        return QLatin1String("closed");
    case Kind::Finding:
        return QLatin1String("finding");
    }
    return QLatin1String("event");
}

std::optional<StreamRecord::Kind> StreamRecord::kindFromName(QStringView name)
{
    for (Kind kind : Kinds) {
        if (name == kindName(kind))
            return kind;
    }
    return std::nullopt;
}

QByteArray StreamRecord::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

StreamRecord StreamRecord::session(const QString &tool)
{
    StreamRecord record;
    record.kind = Kind::Session;
    record.formatVersion = FormatVersion;
    record.tool = tool;
    record.time = QDateTime::currentDateTimeUtc();
    return record;
}

StreamRecord StreamRecord::fromEvent(const SseEvent &event)
{
    StreamRecord record;
    record.kind = Kind::Event;
    record.time = event.receivedAt;
    record.connection = event.connection;
    record.type = event.type;
    record.data = event.data;
    record.lastEventId = event.lastEventId;
    // HTML §9.2.6: an accepted "id" field sets the last event ID buffer, which the event then
    // carries, so the block's own id is the event's lastEventId whenever it had one.
    if (event.hasId)
        record.id = event.lastEventId;
    record.size = event.rawSize;
    return record;
}

StreamRecord StreamRecord::closed(int connection, const QString &reason)
{
    StreamRecord record;
    record.kind = Kind::Closed;
    record.connection = connection;
    record.reason = reason;
    return record;
}

StreamRecord StreamRecord::fromFinding(const Finding &finding, int connection,
                                       const QDateTime &time)
{
    StreamRecord record;
    record.kind = Kind::Finding;
    record.connection = connection;
    record.time = time;
    record.finding = finding;
    return record;
}

StreamRecord StreamRecord::fromSummary(int connection, const StreamSummary &summary)
{
    StreamRecord record;
    record.kind = Kind::Summary;
    record.connection = connection;
    record.summary = summary;
    record.time = QDateTime::currentDateTimeUtc();
    return record;
}

QString StreamRecord::displayUrl(const QUrl &url)
{
    return url.toString(QUrl::RemovePassword | QUrl::FullyEncoded);
}

SseEvent StreamRecord::toEvent() const
{
    SseEvent event;
    event.type = type;
    event.data = data;
    event.lastEventId = lastEventId;
    event.hasId = id.has_value();
    event.rawSize = size;
    event.connection = connection;
    event.receivedAt = time;
    return event;
}
