// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "jsonpointer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

using namespace Qt::StringLiterals;

namespace JsonPointer {

bool isValid(QStringView pointer)
{
    return pointer.isEmpty() || pointer.front() == u'/';
}

QJsonValue value(const QJsonValue &root, QStringView pointer)
{
    if (!isValid(pointer))
        return QJsonValue(QJsonValue::Undefined);
    QJsonValue current = root;
    qsizetype at = 0;
    while (at < pointer.size()) {
        ++at; // the '/'
        qsizetype end = pointer.indexOf(u'/', at);
        if (end < 0)
            end = pointer.size();
        // RFC 6901 §4: "first transforming any occurrence of ~1 to /, and then ~0 to ~".
        QString token = pointer.sliced(at, end - at).toString();
        token.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
        at = end;
        if (current.isObject()) {
            const QJsonObject object = current.toObject();
            const auto found = object.constFind(token);
            if (found == object.constEnd())
                return QJsonValue(QJsonValue::Undefined);
            current = found.value();
        } else if (current.isArray()) {
            bool ok = false;
            const qsizetype index = token.toLongLong(&ok);
            // RFC 6901 §4: indexes are decimal without leading zeros.
            const QJsonArray array = current.toArray();
            if (!ok || index < 0 || index >= array.size()
                || (token.size() > 1 && token.startsWith(u'0')))
                return QJsonValue(QJsonValue::Undefined);
            current = array.at(index);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return current;
}

} // namespace JsonPointer
