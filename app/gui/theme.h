// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QColor>
#include <QPalette>

#include "ssereader.h"
#include "streamrecord.h"

/// Colours shared by the table, the connection panel and the rate chart, so one state or one
/// lifecycle kind reads the same everywhere. Chosen to keep contrast on light and dark palettes.
namespace Theme {
QColor stateColor(SseReader::State state);
/// Background tint of a lifecycle row; invalid for kinds that keep the normal background.
QColor lifecycleBackground(StreamRecord::Kind kind, const QPalette &palette);
QColor lifecycleForeground(StreamRecord::Kind kind, const QPalette &palette);
/// A finding's severity: blue (info), amber (warning), red (problem), darker on light palettes
/// and lighter on dark ones so that it reads as text on the window (at least 4.5:1) and stands
/// out as a row's edge.
QColor severityColor(Finding::Severity severity, const QPalette &palette);
/// Background tint of a Finding row of that severity.
QColor severityBackground(Finding::Severity severity, const QPalette &palette);
/// The table's marker for a severity (MessageModel::MarkerRole), and back: 0 is no marker.
int severityMarker(Finding::Severity severity);
std::optional<Finding::Severity> severityOfMarker(int marker);
/// A tooltip that shows `text` literally. Tooltips guess rich text from the content, so plain
/// escaping alone turns "Q&A" into "Q&amp;A"; escaped and wrapped, it has one reading.
QString plainToolTip(const QString &text);
} // namespace Theme
