// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "eventmatcher.h"

using namespace Qt::StringLiterals;

std::optional<EventMatcher> EventMatcher::parse(const QString &spec, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<EventMatcher> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (spec.isEmpty())
        return fail(u"an empty end marker matches nothing"_s);
    EventMatcher matcher;
    matcher.m_spec = spec;
    if (spec.startsWith(u"event:"_s)) {
        matcher.m_mode = Mode::Type;
        matcher.m_text = spec.mid(6);
        if (matcher.m_text.isEmpty())
            return fail(u"event: needs an event type, e.g. event:message_stop"_s);
    } else if (spec.startsWith(u"data:"_s)) {
        matcher.m_mode = Mode::Data;
        matcher.m_text = spec.mid(5);
    } else if (spec.size() >= 2 && spec.startsWith(u'/') && spec.endsWith(u'/')) {
        matcher.m_mode = Mode::Pattern;
        matcher.m_pattern = QRegularExpression(spec.mid(1, spec.size() - 2));
        if (!matcher.m_pattern.isValid())
            return fail(u"invalid regular expression: "_s + matcher.m_pattern.errorString());
        matcher.m_pattern.optimize();
    } else {
        matcher.m_mode = Mode::TypeOrData;
        matcher.m_text = spec;
    }
    return matcher;
}

bool EventMatcher::matches(const SseEvent &event) const
{
    switch (m_mode) {
    case Mode::Type:
        return event.type == m_text;
    case Mode::Data:
        return event.data == m_text;
    case Mode::TypeOrData:
        return event.type == m_text || event.data == m_text;
    case Mode::Pattern:
        return m_pattern.match(event.data).hasMatch();
    }
    return false;
}
