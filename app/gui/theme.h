// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

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
/// A tooltip that shows `text` literally. Tooltips guess rich text from the content, so plain
/// escaping alone turns "Q&A" into "Q&amp;A"; escaped and wrapped, it has one reading.
QString plainToolTip(const QString &text);
} // namespace Theme
