// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QTableView>
#include <QVariantMap>

class QMenu;

/// The live event table over a MessageFilterProxyModel (or any MessageModel-shaped model):
/// compact fixed-height rows, no word wrap, tinted italic lifecycle rows. It follows the tail
/// only while the user is at the bottom, and a paused view stops scrolling while it counts the
/// rows that arrive.
class MessageView : public QTableView
{
    Q_OBJECT
public:
    explicit MessageView(QWidget *parent = nullptr);
    ~MessageView() override;

    void setModel(QAbstractItemModel *model) override;

    /// Whether the next insert scrolls to the bottom (the user is at the bottom, not paused).
    bool isFollowingTail() const { return m_followTail && !m_paused; }
    bool isPaused() const { return m_paused; }
    /// Rows inserted since the view was paused.
    qint64 newRowsWhilePaused() const { return m_newWhilePaused; }

    /// #, time 100, connection 50, type 90, id 70, size 70; data stretches.
    void applyDefaultColumnWidths();
    /// Column widths and hidden columns, as plain lists (JSON/QSettings friendly).
    QVariantMap saveState() const;
    void restoreState(const QVariantMap &state);

    /// The data of the current row's source event; empty when none.
    QString currentData() const;
    /// The current row as one JSON object (the ssescope-cli NDJSON format for events).
    QString currentRowJson() const;
    /// The current row's own `id:`; empty when it has none.
    QString currentId() const;

    void retranslateUi();

public slots:
    /// Paused: the view stops following and counts new rows; resuming jumps to the end.
    void setPaused(bool paused);
    void copyData();
    void copyRowJson();
    void copyId();

signals:
    void pausedChanged(bool paused);
    void newRowsWhilePausedChanged(qint64 count);
    /// The current row changed (invalid when none); index is in the view's model.
    void currentRowChanged(const QModelIndex &current);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void handleRowsInserted(const QModelIndex &parent, int first, int last);
    void handleScrollValueChanged(int value);
    void scheduleScrollToBottom();
    void showHeaderMenu(const QPoint &position);
    void updateRowHeight();

    QMetaObject::Connection m_insertConnection;
    QMetaObject::Connection m_resetConnection;
    QMetaObject::Connection m_layoutConnection;
    QMetaObject::Connection m_currentConnection;
    QMenu *m_contextMenu = nullptr;
    QAction *m_copyDataAction = nullptr;
    QAction *m_copyJsonAction = nullptr;
    QAction *m_copyIdAction = nullptr;
    qint64 m_newWhilePaused = 0;
    bool m_followTail = true;
    bool m_paused = false;
    bool m_scrollPending = false;
    bool m_scrolling = false; ///< Our own scrollToBottom(): not a user scroll.
};
