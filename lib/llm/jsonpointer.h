// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonValue>
#include <QStringView>

/// RFC 6901 JSON pointers, for the custom stream profile: "/choices/0/delta/content".
namespace JsonPointer {

/// Whether `pointer` is one: empty (the whole document) or starting with '/'.
bool isValid(QStringView pointer);
/// The value `pointer` names in `root` ("~1" is "/", "~0" is "~", array members by decimal
/// index), or an undefined value when it names nothing.
QJsonValue value(const QJsonValue &root, QStringView pointer);

} // namespace JsonPointer
