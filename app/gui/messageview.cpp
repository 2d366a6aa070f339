// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include "messageview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QKeySequence>
#include <QMenu>
#include <QMetaEnum>
#include <QPainter>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTextLayout>
#include <QTimer>

#include "messagefilterproxymodel.h"
#include "messagemodel.h"
#include "recordjson.h"
#include "theme.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int DefaultWidths[MessageModel::ColumnCount] = {
    60, // #
    100, // time
    50, // connection
    90, // type
    70, // id
    400, // data (stretches)
    70, // size
};

/// The first column on screen (columns move and hide): where a row's marker is drawn.
int firstShownColumn(const QWidget *widget)
{
    const auto *view = qobject_cast<const QTableView *>(widget);
    if (!view)
        return 0;
    const QHeaderView *header = view->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            return logical;
    }
    return 0;
}

/// Lifecycle rows read as annotations between events: tinted by kind and italic; finding rows by
/// their severity. Rows a finding names (and the finding itself) get an edge in the severity's
/// colour at the left. In the data column, what the text filter matched is highlighted.
class LifecycleDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static constexpr int MarkerWidth = 4;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        paintCell(painter, option, index);
        const std::optional<Finding::Severity> severity =
                Theme::severityOfMarker(index.data(MessageModel::MarkerRole).toInt());
        if (severity && index.column() == firstShownColumn(option.widget)) {
            const QRect edge(option.rect.left(), option.rect.top(), MarkerWidth,
                             option.rect.height());
            painter->fillRect(edge, Theme::severityColor(*severity, option.palette));
        }
    }

private:
    void paintCell(QPainter *painter, const QStyleOptionViewItem &option,
                   const QModelIndex &index) const
    {
        const auto *proxy = qobject_cast<const MessageFilterProxyModel *>(index.model());
        if (!proxy || index.column() != MessageModel::DataColumn || proxy->filterText().isEmpty()
            || !proxy->isFilterValid()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString text = opt.text;
        opt.text.clear(); // background, selection and focus as usual; the text is drawn below
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget)
                                       .adjusted(2, 0, -2, 0);
        const QString shown = opt.fontMetrics.elidedText(text, opt.textElideMode, textRect.width());
        QList<QTextLayout::FormatRange> formats;
        QTextCharFormat highlight;
        highlight.setBackground(opt.palette.color(QPalette::Highlight).lighter(160));
        highlight.setForeground(opt.palette.color(QPalette::Text));
        for (const auto &[start, length] : proxy->matchesIn(shown))
            formats.append({ int(start), int(length), highlight });
        QTextLayout layout(shown, opt.font);
        layout.setFormats(formats);
        layout.beginLayout();
        QTextLine line = layout.createLine();
        line.setLineWidth(textRect.width());
        layout.endLayout();
        painter->save();
        const bool selected = opt.state & QStyle::State_Selected;
        painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        const qreal y = textRect.top() + (textRect.height() - line.height()) / 2;
        layout.draw(painter, QPointF(textRect.left(), y));
        painter->restore();
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(MessageModel::RowKindRole).toInt() != int(MessageModel::RowKind::Lifecycle))
            return;
        const auto kind = StreamRecord::Kind(index.data(MessageModel::RecordKindRole).toInt());
        const std::optional<Finding::Severity> severity = kind == StreamRecord::Kind::Finding
                ? Theme::severityOfMarker(index.data(MessageModel::MarkerRole).toInt())
                : std::nullopt;
        if (severity)
            option->backgroundBrush = Theme::severityBackground(*severity, option->palette);
        else if (const QColor background = Theme::lifecycleBackground(kind, option->palette);
                 background.isValid())
            option->backgroundBrush = background;
        const QColor foreground = Theme::lifecycleForeground(kind, option->palette);
        option->palette.setColor(QPalette::Text, foreground);
        option->font.setItalic(true);
    }
};

bool isLifecycle(const QModelIndex &index)
{
    return index.data(MessageModel::RowKindRole).toInt() == int(MessageModel::RowKind::Lifecycle);
}
} // namespace

MessageView::MessageView(QWidget *parent)
    : QTableView(parent)
{
    setObjectName(u"messageView"_s);
    setItemDelegate(new LifecycleDelegate(this));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    // Painting is most of the GUI thread's work under a firehose (every flush shows ~30 new
    // rows), and most of a paint is HarfBuzz shaping each cell's text: without it a paint took
    // 4.6 instead of 7.3 ms CPU (bench_guiload). Only this one attribute is set, so family and
    // size still follow the application font; scripts that need shaping (Arabic, Indic) still
    // get it.
    QFont unshaped;
    unshaped.setStyleStrategy(QFont::PreferNoShaping);
    setFont(unshaped);
    setShowGrid(false);
    setAlternatingRowColors(true);
    setSortingEnabled(false); // sorting a live, append-only table would reshuffle under the user
    setCornerButtonEnabled(false);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Per-item scrolling keeps "at the bottom" exact: the maximum is a whole row.
    setVerticalScrollMode(QAbstractItemView::ScrollPerItem);

    verticalHeader()->hide();
    // Fixed: with ResizeToContents (or Interactive + resizeRowsToContents) every insert would
    // measure rows, which is what makes naive live tables stutter at high rates.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    updateRowHeight();

    QHeaderView *header = horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, &MessageView::showHeaderMenu);

    connect(verticalScrollBar(), &QScrollBar::valueChanged, this,
            &MessageView::handleScrollValueChanged);

    m_contextMenu = new QMenu(this);
    m_copyDataAction = m_contextMenu->addAction(QString(), this, &MessageView::copyData);
    m_copyDataAction->setShortcut(QKeySequence::Copy);
    m_copyJsonAction = m_contextMenu->addAction(QString(), this, &MessageView::copyRowJson);
    m_copyIdAction = m_contextMenu->addAction(QString(), this, &MessageView::copyId);
    retranslateUi();
}

MessageView::~MessageView() = default;

void MessageView::setModel(QAbstractItemModel *model)
{
    disconnect(m_insertConnection);
    disconnect(m_resetConnection);
    disconnect(m_layoutConnection);
    disconnect(m_currentConnection);
    QTableView::setModel(model);
    if (!model)
        return;
    m_insertConnection = connect(model, &QAbstractItemModel::rowsInserted, this,
                                 &MessageView::handleRowsInserted);
    m_resetConnection = connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_followTail = true;
        if (m_newWhilePaused != 0) {
            m_newWhilePaused = 0;
            emit newRowsWhilePausedChanged(0);
        }
    });
    // A filter change arrives as one layoutChanged (see MessageFilterProxyModel::refilter()):
    // a view that followed the tail keeps following it.
    m_layoutConnection = connect(model, &QAbstractItemModel::layoutChanged, this, [this] {
        if (!m_paused && m_followTail)
            scheduleScrollToBottom();
    });
    m_currentConnection =
            connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                    [this](const QModelIndex &current) { emit currentRowChanged(current); });
    horizontalHeader()->setStretchLastSection(false);
    if (model->columnCount() == MessageModel::ColumnCount)
        applyDefaultColumnWidths();
}

void MessageView::applyDefaultColumnWidths()
{
    QHeaderView *header = horizontalHeader();
    const int count = qMin<int>(header->count(), MessageModel::ColumnCount);
    for (int column = 0; column < count; ++column) {
        header->setSectionResizeMode(column,
                                     column == MessageModel::DataColumn ? QHeaderView::Stretch
                                                                        : QHeaderView::Interactive);
        header->resizeSection(column, DefaultWidths[column]);
    }
    // A little wider than the longest number a 100'000-row table shows.
    header->resizeSection(MessageModel::NumberColumn,
                          qMax(DefaultWidths[MessageModel::NumberColumn],
                               fontMetrics().horizontalAdvance(u"0000000"_s) + 12));
}

void MessageView::updateRowHeight()
{
    const int height = fontMetrics().height() + 6;
    verticalHeader()->setMinimumSectionSize(height);
    verticalHeader()->setDefaultSectionSize(height);
}

void MessageView::handleScrollValueChanged(int value)
{
    if (m_scrolling)
        return;
    // Any scroll the user makes decides: away from the bottom stops following, back at the
    // bottom resumes. Range growth from inserts does not emit valueChanged, so following
    // survives the inserts themselves.
    m_followTail = value >= verticalScrollBar()->maximum();
}

void MessageView::handleRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    if (m_paused) {
        m_newWhilePaused += last - first + 1;
        emit newRowsWhilePausedChanged(m_newWhilePaused);
        return;
    }
    if (m_followTail)
        scheduleScrollToBottom();
}

void MessageView::scheduleScrollToBottom()
{
    if (m_scrollPending)
        return;
    m_scrollPending = true;
    // Deferred so one flush (remove from the front + insert) scrolls once, after the view has
    // laid out the new rows.
    QTimer::singleShot(0, this, [this] {
        m_scrollPending = false;
        if (m_paused || !m_followTail)
            return;
        m_scrolling = true;
        scrollToBottom();
        m_scrolling = false;
    });
}

void MessageView::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (!paused) {
        m_newWhilePaused = 0;
        emit newRowsWhilePausedChanged(0);
        m_followTail = true;
        m_scrolling = true;
        scrollToBottom();
        m_scrolling = false;
    }
    emit pausedChanged(paused);
}

QVariantMap MessageView::saveState() const
{
    QVariantList widths;
    QVariantList hidden;
    const QHeaderView *header = horizontalHeader();
    for (int column = 0; column < header->count(); ++column) {
        widths << header->sectionSize(column);
        if (header->isSectionHidden(column))
            hidden << column;
    }
    return { { u"columnWidths"_s, widths }, { u"hiddenColumns"_s, hidden } };
}

void MessageView::restoreState(const QVariantMap &state)
{
    QHeaderView *header = horizontalHeader();
    const QVariantList widths = state.value(u"columnWidths"_s).toList();
    for (int column = 0; column < qMin<int>(widths.size(), header->count()); ++column) {
        if (column == MessageModel::DataColumn)
            continue; // it stretches
        const int width = widths.at(column).toInt();
        if (width > 0)
            header->resizeSection(column, width);
    }
    if (state.contains(u"hiddenColumns"_s)) {
        const QVariantList hidden = state.value(u"hiddenColumns"_s).toList();
        for (int column = 0; column < header->count(); ++column)
            header->setSectionHidden(column, false);
        for (const QVariant &column : hidden) {
            const int section = column.toInt();
            // The data column is the point of the table: never restore it hidden.
            if (section >= 0 && section < header->count() && section != MessageModel::DataColumn)
                header->setSectionHidden(section, true);
        }
    }
}

QString MessageView::currentData() const
{
    const QModelIndex current = currentIndex();
    return current.isValid() ? current.data(MessageModel::EventDataRole).toString() : QString();
}

QString MessageView::currentId() const
{
    const QModelIndex current = currentIndex();
    if (!current.isValid() || isLifecycle(current)
        || !current.data(MessageModel::HasIdRole).toBool())
        return {};
    return current.data(MessageModel::LastEventIdRole).toString();
}

QString MessageView::currentRowJson() const
{
    const QModelIndex current = currentIndex();
    if (!current.isValid())
        return {};
    // The row's record in the one NDJSON dialect: the same line `watch` and exports write.
    QByteArray line =
            RecordJson::toJsonLine(current.data(MessageModel::RecordRole).value<StreamRecord>());
    if (line.endsWith('\n'))
        line.chop(1);
    return QString::fromUtf8(line);
}

void MessageView::copyData()
{
    // Several selected rows copy as one block, one data value per row, in view order.
    const QModelIndexList rows =
            selectionModel() ? selectionModel()->selectedRows() : QModelIndexList();
    if (rows.size() > 1) {
        QList<QModelIndex> sorted = rows;
        std::sort(sorted.begin(), sorted.end(),
                  [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
        QStringList lines;
        lines.reserve(sorted.size());
        for (const QModelIndex &index : std::as_const(sorted))
            lines << index.data(MessageModel::EventDataRole).toString();
        QApplication::clipboard()->setText(lines.join(u'\n'));
        return;
    }
    if (currentIndex().isValid())
        QApplication::clipboard()->setText(currentData());
}

void MessageView::copyRowJson()
{
    if (currentIndex().isValid())
        QApplication::clipboard()->setText(currentRowJson());
}

void MessageView::copyId()
{
    if (currentIndex().isValid())
        QApplication::clipboard()->setText(currentId());
}

void MessageView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    if (index.isValid() && !selectionModel()->isRowSelected(index.row(), index.parent()))
        setCurrentIndex(index);
    const bool valid = currentIndex().isValid();
    m_copyDataAction->setEnabled(valid);
    m_copyJsonAction->setEnabled(valid);
    m_copyIdAction->setEnabled(valid && !currentId().isEmpty());
    m_contextMenu->popup(event->globalPos());
}

void MessageView::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        copyData();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void MessageView::showHeaderMenu(const QPoint &position)
{
    QHeaderView *header = horizontalHeader();
    QMenu menu(this);
    for (int column = 0; column < header->count(); ++column) {
        if (column == MessageModel::DataColumn)
            continue;
        QAction *action = menu.addAction(
                model() ? model()->headerData(column, Qt::Horizontal).toString() : QString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        connect(action, &QAction::toggled, header,
                [header, column](bool shown) { header->setSectionHidden(column, !shown); });
    }
    menu.addSeparator();
    menu.addAction(tr("Reset Column Widths"), this, &MessageView::applyDefaultColumnWidths);
    menu.exec(header->viewport()->mapToGlobal(position));
}

void MessageView::retranslateUi()
{
    m_copyDataAction->setText(tr("Copy Data"));
    m_copyJsonAction->setText(tr("Copy Row as JSON"));
    m_copyIdAction->setText(tr("Copy Id", "the event's id: field"));
}

void MessageView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::FontChange)
        updateRowHeight();
    QTableView::changeEvent(event);
}
