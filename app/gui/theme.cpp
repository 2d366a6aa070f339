// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include "theme.h"

#include <QString>

using namespace Qt::StringLiterals;

namespace {
bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor tint(const QColor &colour, const QPalette &palette)
{
    // Blend towards the base colour so row text stays readable in either palette.
    const QColor base = palette.color(QPalette::Base);
    const qreal amount = isDark(palette) ? 0.30 : 0.18;
    return QColor::fromRgbF(base.redF() + (colour.redF() - base.redF()) * amount,
                            base.greenF() + (colour.greenF() - base.greenF()) * amount,
                            base.blueF() + (colour.blueF() - base.blueF()) * amount);
}

QColor kindColour(StreamRecord::Kind kind)
{
    switch (kind) {
    case StreamRecord::Kind::Open:
        return QColor(0x2e, 0x9d, 0x4f); // green: the stream is flowing
    case StreamRecord::Kind::Connecting:
    case StreamRecord::Kind::Redirect:
    case StreamRecord::Kind::Reconnecting:
        return QColor(0xd9, 0x8c, 0x00); // amber: waiting
    case StreamRecord::Kind::Error:
    case StreamRecord::Kind::Closed:
        return QColor(0xd0, 0x33, 0x33); // red: broken or stopped
    case StreamRecord::Kind::Control:
    case StreamRecord::Kind::Retry:
    case StreamRecord::Kind::Finding:
    case StreamRecord::Kind::Summary:
        return QColor(0x3b, 0x6e, 0xd6); // blue: informational
    case StreamRecord::Kind::Comment:
        return QColor(0x80, 0x80, 0x80);
    case StreamRecord::Kind::Session:
    case StreamRecord::Kind::Event:
        break;
    }
    return {};
}
} // namespace

namespace Theme {
QColor stateColor(SseReader::State state)
{
    switch (state) {
    case SseReader::State::Connecting:
        return QColor(0xd9, 0x8c, 0x00);
    case SseReader::State::Open:
        return QColor(0x2e, 0x9d, 0x4f);
    case SseReader::State::Closed:
        return QColor(0xd0, 0x33, 0x33);
    }
    return {};
}

QColor lifecycleBackground(StreamRecord::Kind kind, const QPalette &palette)
{
    if (kind == StreamRecord::Kind::Comment || kind == StreamRecord::Kind::Event
        || kind == StreamRecord::Kind::Session)
        return {};
    return tint(kindColour(kind), palette);
}

QColor lifecycleForeground(StreamRecord::Kind kind, const QPalette &palette)
{
    if (kind == StreamRecord::Kind::Comment)
        return palette.color(QPalette::PlaceholderText);
    return palette.color(QPalette::Text);
}

QColor severityColor(Finding::Severity severity, const QPalette &palette)
{
    // Measured against white and #2b2b2b-ish bases: each pair keeps 4.5:1 or more.
    const bool dark = isDark(palette);
    switch (severity) {
    case Finding::Severity::Info:
        return dark ? QColor(0x7f, 0xb2, 0xff) : QColor(0x1f, 0x5f, 0xbf);
    case Finding::Severity::Warning:
        return dark ? QColor(0xf0, 0xb4, 0x4a) : QColor(0x94, 0x58, 0x00);
    case Finding::Severity::Problem:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1f, 0x1f);
    }
    return palette.color(QPalette::WindowText);
}

QColor severityBackground(Finding::Severity severity, const QPalette &palette)
{
    return tint(severityColor(severity, palette), palette);
}

int severityMarker(Finding::Severity severity)
{
    return int(severity) + 1;
}

std::optional<Finding::Severity> severityOfMarker(int marker)
{
    switch (marker) {
    case 1:
        return Finding::Severity::Info;
    case 2:
        return Finding::Severity::Warning;
    case 3:
        return Finding::Severity::Problem;
    default:
        return std::nullopt;
    }
}

QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    return u"<p style=\"white-space:pre-wrap\">"_s % text.toHtmlEscaped() % u"</p>"_s;
}

} // namespace Theme
