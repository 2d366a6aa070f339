// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QRegularExpression>
#include <QString>

#include "sseevent.h"

/// The user's own end marker (StreamRequest::until, `watch --until`): which event ends a stream.
///
///     event:NAME   the event's type is NAME
///     data:TEXT    the event's data is exactly TEXT
///     /REGEX/      the event's data contains a match of REGEX (QRegularExpression syntax)
///     TEXT         the type or the data is exactly TEXT, e.g. [DONE] or message_stop
///
/// A plain TEXT is never a regular expression, so "[DONE]" means the sentinel and not a
/// character class.
class EventMatcher
{
public:
    /// The matcher a spec describes, or nullopt with an English `error` (an empty spec, an empty
    /// name, a regular expression that does not compile).
    static std::optional<EventMatcher> parse(const QString &spec, QString *error = nullptr);

    bool matches(const SseEvent &event) const;
    /// The spec it was made from, as the Closed record's endMarker shows it.
    const QString &spec() const { return m_spec; }

private:
    enum class Mode { Type, Data, TypeOrData, Pattern };

    QString m_spec;
    QString m_text;
    QRegularExpression m_pattern;
    Mode m_mode = Mode::TypeOrData;
};
