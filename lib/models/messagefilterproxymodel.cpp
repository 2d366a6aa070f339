// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include "messagefilterproxymodel.h"

#include <algorithm>

#include "messagemodel.h"

namespace {
// Qt's case folding (QChar::toCaseFolded, used by Qt::CaseInsensitive) maps exactly two
// non-ASCII characters into ASCII: U+017F LATIN SMALL LETTER LONG S to "s" and U+212A KELVIN
// SIGN to "k" (checked over every code point with Qt 6.4). Every other non-ASCII UTF-16 unit,
// surrogates included, can never equal a folded ASCII character.
inline char16_t foldToAscii(char16_t c)
{
    if (char16_t(c - u'A') < 26)
        return c | 0x20;
    if (c == 0x017F)
        return u's';
    if (c == 0x212A)
        return u'k';
    return c;
}

bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}
} // namespace

MessageFilterProxyModel::MessageFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // Sorting stays off while live: rows keep arrival order, the cheapest order to maintain.
    setDynamicSortFilter(true);
}

void MessageFilterProxyModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    m_messages = qobject_cast<const MessageModel *>(sourceModel);
    QSortFilterProxyModel::setSourceModel(sourceModel);
}

void MessageFilterProxyModel::setFilterText(const QString &text, bool regularExpression)
{
    if (text == m_text && regularExpression == m_useRegularExpression)
        return;
    m_text = text;
    m_useRegularExpression = regularExpression;
    m_filterValid = true;
    m_filterError.clear();
    // Plain text is matched with a skip table built once here. QString::contains() rebuilds its
    // state for every row and folds every character through the Unicode tables: over 100,000
    // rows of ~120 characters a miss took 55-75 ms of CPU that way, ~10 ms now (bench_guiload).
    const bool plain = !regularExpression && !text.isEmpty();
    m_asciiText = plain && isAscii(text);
    if (m_asciiText)
        m_asciiMatcher.setNeedle(text);
    m_matcher = QStringMatcher(plain && !m_asciiText ? text : QString(), Qt::CaseInsensitive);
    if (regularExpression && !text.isEmpty()) {
        m_expression = QRegularExpression(text, QRegularExpression::CaseInsensitiveOption);
        m_filterValid = m_expression.isValid();
        if (m_filterValid)
            m_expression.optimize();
        else
            m_filterError = m_expression.errorString();
    }
    refilter();
}

void MessageFilterProxyModel::setEventTypes(const QSet<QString> &types)
{
    if (types == m_types)
        return;
    m_types = types;
    refilter();
}

void MessageFilterProxyModel::setConnection(int connection)
{
    if (connection == m_connection)
        return;
    m_connection = connection;
    refilter();
}

void MessageFilterProxyModel::setHideLifecycle(bool hide)
{
    if (hide == m_hideLifecycle)
        return;
    m_hideLifecycle = hide;
    refilter();
}

void MessageFilterProxyModel::setShowComments(bool show)
{
    if (show == m_showComments)
        return;
    m_showComments = show;
    refilter();
}

void MessageFilterProxyModel::refilter()
{
    // One layoutChanged instead of invalidateFilter()'s rowsRemoved/rowsInserted per run of
    // changed rows: with every 10th row matching, that was ~10,000 signals, each costing the view
    // O(rows), 4.9 s over 100,000 rows; rebuilding the mapping is one pass over the rows.
    invalidate();
}

bool MessageFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_messages || sourceParent.isValid())
        return true;
    const SseEvent &event = m_messages->eventAt(sourceRow);
    const StreamRecord::Kind kind = m_messages->recordKind(sourceRow);
    const bool lifecycle = kind != StreamRecord::Kind::Event;
    if (lifecycle && m_hideLifecycle)
        return false;
    if (kind == StreamRecord::Kind::Comment && !m_showComments)
        return false;
    if (m_connection > 0 && event.connection != m_connection)
        return false;
    if (!lifecycle && !m_types.isEmpty() && !m_types.contains(event.type))
        return false;
    if (m_text.isEmpty() || !m_filterValid)
        return true;
    // Life-cycle rows are few; their text is formatted only when a text filter asks.
    const QString text = lifecycle ? m_messages->lifecycleText(sourceRow) : QString();
    const QString &haystack = lifecycle ? text : event.data;
    if (m_useRegularExpression)
        return m_expression.match(haystack).hasMatch();
    return matchesText(haystack);
}

QList<std::pair<qsizetype, qsizetype>> MessageFilterProxyModel::matchesIn(QStringView text) const
{
    QList<std::pair<qsizetype, qsizetype>> ranges;
    if (m_text.isEmpty() || !m_filterValid)
        return ranges;
    if (m_useRegularExpression) {
        for (auto it = m_expression.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            if (match.capturedLength() > 0)
                ranges.append({ match.capturedStart(), match.capturedLength() });
        }
        return ranges;
    }
    for (qsizetype at = text.indexOf(m_text, 0, Qt::CaseInsensitive); at >= 0;
         at = text.indexOf(m_text, at + m_text.size(), Qt::CaseInsensitive))
        ranges.append({ at, m_text.size() });
    return ranges;
}

bool MessageFilterProxyModel::matchesText(QStringView data) const
{
    return m_asciiText ? m_asciiMatcher.matches(data) : m_matcher.indexIn(data) >= 0;
}

void MessageFilterProxyModel::AsciiMatcher::setNeedle(QStringView text)
{
    needle = text.toString().toLower(); // ASCII only: the same as folding
    const qsizetype length = needle.size();
    // A shorter skip is still correct, so long needles clamp to what a quint8 holds.
    skip.fill(quint8(std::min<qsizetype>(length, 255)));
    for (qsizetype i = 0; i + 1 < length; ++i)
        skip[needle.at(i).unicode()] = quint8(std::min<qsizetype>(length - 1 - i, 255));
}

bool MessageFilterProxyModel::AsciiMatcher::matches(QStringView haystack) const
{
    const qsizetype length = needle.size();
    const char16_t *text = haystack.utf16();
    const char16_t *pattern = reinterpret_cast<const char16_t *>(needle.utf16());
    const qsizetype last = length - 1;
    for (qsizetype at = 0; at + length <= haystack.size();) {
        const char16_t tail = foldToAscii(text[at + last]);
        qsizetype i = last;
        if (tail == pattern[last]) {
            while (i > 0 && foldToAscii(text[at + i - 1]) == pattern[i - 1])
                --i;
            if (i == 0)
                return true;
        }
        at += tail < 0x80 ? skip[tail] : length;
    }
    return false;
}
