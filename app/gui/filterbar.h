// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QSet>
#include <QString>
#include <QVariantMap>
#include <QWidget>

class QCheckBox;
class QHBoxLayout;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTimer;
class QToolButton;
class MessageFilterProxyModel;

/// Filter text (debounced, optionally a regular expression), event-type and connection
/// choosers, "hide lifecycle rows" and "show comments", and the Pause view / Clear buttons.
/// It drives a MessageFilterProxyModel directly; the types and connections it offers are the
/// ones noted with noteEventType() / noteConnection().
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    /// Debounce between the last key press and refiltering.
    static constexpr int FilterDelayMs = 150;
    /// How often "N of M shown" follows the table at most.
    static constexpr int CountRefreshMs = 200;

    explicit FilterBar(QWidget *parent = nullptr);
    ~FilterBar() override;

    void setProxy(MessageFilterProxyModel *proxy);
    MessageFilterProxyModel *proxy() const { return m_proxy; }

    /// O(1) per call: remembers a type for the chooser (its menu is rebuilt when it opens).
    void noteEventType(const QString &type) { m_seenTypes.insert(type); }
    void noteConnection(int connection);
    QSet<QString> seenEventTypes() const { return m_seenTypes; }
    /// Forgets the seen types and connections and resets those two filters.
    void resetSeen();

    QString filterText() const;
    void setFilterText(const QString &text);
    bool isRegularExpression() const;
    void setRegularExpression(bool regex);
    /// Applies a pending debounced text change now.
    void applyFilterNow();

    bool showComments() const;
    void setShowComments(bool show);

    bool isPaused() const;
    /// Updates the button without emitting pauseToggled().
    void setPaused(bool paused);
    /// The "N new" badge shown while paused.
    void setNewCount(qint64 count);
    QLabel *newBadge() const { return m_newBadge; }

    void focusFilter();

    /// Filter text, regex, event types, connection, hide lifecycle, show comments.
    QVariantMap saveState() const;
    void restoreState(const QVariantMap &state);

    void retranslateUi();

    /// Whether the controls take two rows (the table side is too narrow for one).
    bool isTwoRows() const { return m_twoRows; }
    QSize minimumSizeHint() const override;

signals:
    void pauseToggled(bool paused);
    void clearRequested();
    void showCommentsChanged(bool show);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    static constexpr int Spacing = 6;

    void buildUi();
    QList<QWidget *> firstGroup() const;
    QList<QWidget *> secondGroup() const;
    /// The width a group needs in a row: preferred sizes, or the least it can take.
    int groupWidth(const QList<QWidget *> &group, bool preferred) const;
    int oneRowWidth() const;
    void arrange(bool twoRows);
    void applyTextFilter();
    void rebuildTypeMenu();
    void applyTypeSelection();
    void updateTypeButton();
    void updateFilterError();
    void updateCount();

    MessageFilterProxyModel *m_proxy = nullptr;
    QSet<QString> m_seenTypes;
    QSet<QString> m_selectedTypes; ///< Empty = all types.
    QList<int> m_connections;
    qint64 m_newCount = 0;
    bool m_twoRows = false;
    QHBoxLayout *m_firstRow = nullptr;
    QHBoxLayout *m_secondRow = nullptr;

    QLineEdit *m_filterEdit = nullptr;
    QTimer *m_debounce = nullptr;
    QToolButton *m_regexButton = nullptr;
    QLabel *m_filterError = nullptr;
    QToolButton *m_typeButton = nullptr;
    QMenu *m_typeMenu = nullptr;
    QComboBox *m_connectionCombo = nullptr;
    QCheckBox *m_hideLifecycleCheck = nullptr;
    QCheckBox *m_showCommentsCheck = nullptr;
    QLabel *m_newBadge = nullptr;
    QLabel *m_countLabel = nullptr;
    QTimer *m_countTimer = nullptr;
    QPushButton *m_pauseButton = nullptr;
    QPushButton *m_clearButton = nullptr;
};
