// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <array>

#include <QRegularExpression>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringMatcher>

class MessageModel;

/// Filters a MessageModel by data text or regular expression, event type, connection and row kind.
/// Text matches an event's data, or a life-cycle row's text as the table shows it.
class MessageFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit MessageFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;

    QString filterText() const { return m_text; }
    bool isRegularExpression() const { return m_useRegularExpression; }
    /// Plain text is matched case-insensitively; a pattern is a QRegularExpression.
    void setFilterText(const QString &text, bool regularExpression = false);
    /// False when the regular expression does not compile (then nothing is filtered by text).
    bool isFilterValid() const { return m_filterValid; }
    /// The compiled pattern of a regular-expression filter (for highlighting what matched).
    const QRegularExpression &filterExpression() const { return m_expression; }
    /// Where the text filter matches in text: (start, length) pairs, left to right, the same
    /// rule the filter applies (case-insensitive text, or the regular expression).
    QList<std::pair<qsizetype, qsizetype>> matchesIn(QStringView text) const;
    QString filterError() const { return m_filterError; }

    /// Event types to show; empty = all. Lifecycle rows are not affected.
    void setEventTypes(const QSet<QString> &types);
    QSet<QString> eventTypes() const { return m_types; }
    /// Connection number to show; 0 = all.
    void setConnection(int connection);
    int connection() const { return m_connection; }
    void setHideLifecycle(bool hide);
    bool hideLifecycle() const { return m_hideLifecycle; }
    /// Whether comment rows (heartbeats) show; off by default. The model keeps them either way,
    /// so turning this on shows the comments already received.
    void setShowComments(bool show);
    bool showComments() const { return m_showComments; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void refilter();
    bool matchesText(QStringView data) const;

    /// Case-insensitive Boyer-Moore-Horspool search for an all-ASCII text, folding case exactly
    /// as QString does (see foldToAscii() in the .cpp).
    struct AsciiMatcher
    {
        QString needle; ///< Lower case.
        std::array<quint8, 128> skip {};

        void setNeedle(QStringView text);
        bool matches(QStringView haystack) const;
    };

    const MessageModel *m_messages = nullptr;
    QString m_text;
    QRegularExpression m_expression;
    QStringMatcher m_matcher; ///< Plain non-ASCII text, case-insensitive.
    AsciiMatcher m_asciiMatcher;
    bool m_asciiText = false; ///< Plain text that is all ASCII: m_asciiMatcher is in force.
    QSet<QString> m_types;
    QString m_filterError;
    int m_connection = 0;
    bool m_useRegularExpression = false;
    bool m_filterValid = true;
    bool m_hideLifecycle = false;
    bool m_showComments = false;
};
