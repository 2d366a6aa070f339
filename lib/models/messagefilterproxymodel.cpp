// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include "messagefilterproxymodel.h"

#include "messagemodel.h"

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

void MessageFilterProxyModel::refilter()
{
    // Qt 6.4 has no beginFilterChange(); invalidateFilter() re-evaluates every row once.
    invalidateFilter();
}

bool MessageFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_messages || sourceParent.isValid())
        return true;
    const SseEvent &event = m_messages->eventAt(sourceRow);
    const bool lifecycle = m_messages->rowKind(sourceRow) == MessageModel::RowKind::Lifecycle;
    if (lifecycle && m_hideLifecycle)
        return false;
    if (m_connection > 0 && event.connection != m_connection)
        return false;
    if (!lifecycle && !m_types.isEmpty() && !m_types.contains(event.type))
        return false;
    if (m_text.isEmpty() || !m_filterValid)
        return true;
    if (m_useRegularExpression)
        return m_expression.match(event.data).hasMatch();
    return event.data.contains(m_text, Qt::CaseInsensitive);
}
