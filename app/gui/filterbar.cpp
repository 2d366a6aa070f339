// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include "filterbar.h"

#include <algorithm>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QResizeEvent>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "messagefilterproxymodel.h"
#include "theme.h"

namespace {

void retainSizeWhenHidden(QWidget *widget)
{
    QSizePolicy policy = widget->sizePolicy();
    policy.setRetainSizeWhenHidden(true);
    widget->setSizePolicy(policy);
}

} // namespace

using namespace Qt::StringLiterals;

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"filterBar"_s);
    buildUi();
    retranslateUi();
}

FilterBar::~FilterBar() = default;

void FilterBar::buildUi()
{
    // The controls are placed by arrange(): one row when they fit, two when the table side is
    // narrow, so that nothing is ever squeezed into a sliver.
    auto *rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(4);
    m_firstRow = new QHBoxLayout;
    m_firstRow->setSpacing(Spacing);
    m_secondRow = new QHBoxLayout;
    m_secondRow->setSpacing(Spacing);
    rows->addLayout(m_firstRow);
    rows->addLayout(m_secondRow);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(u"filterEdit"_s);
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setMinimumWidth(160);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(FilterDelayMs);
    connect(m_debounce, &QTimer::timeout, this, &FilterBar::applyTextFilter);
    connect(m_filterEdit, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    connect(m_filterEdit, &QLineEdit::returnPressed, this, &FilterBar::applyFilterNow);

    m_regexButton = new QToolButton(this);
    m_regexButton->setObjectName(u"regexButton"_s);
    m_regexButton->setCheckable(true);
    m_regexButton->setText(u".*"_s);
    connect(m_regexButton, &QToolButton::toggled, this, &FilterBar::applyFilterNow);

    m_filterError = new QLabel(this);
    m_filterError->setObjectName(u"filterError"_s);
    m_filterError->setTextFormat(Qt::PlainText);
    QPalette errorPalette = m_filterError->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xd0, 0x33, 0x33));
    m_filterError->setPalette(errorPalette);
    m_filterError->hide();

    m_typeMenu = new QMenu(this);
    // Types are noted per event in O(1); the menu is only built when someone looks at it.
    connect(m_typeMenu, &QMenu::aboutToShow, this, &FilterBar::rebuildTypeMenu);
    m_typeButton = new QToolButton(this);
    m_typeButton->setObjectName(u"typeButton"_s);
    m_typeButton->setMenu(m_typeMenu);
    m_typeButton->setPopupMode(QToolButton::InstantPopup);
    m_typeButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_connectionCombo = new QComboBox(this);
    m_connectionCombo->setObjectName(u"connectionCombo"_s);
    m_connectionCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_connectionCombo->addItem(QString(), 0);
    connect(m_connectionCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_proxy)
            m_proxy->setConnection(m_connectionCombo->currentData().toInt());
    });

    m_hideLifecycleCheck = new QCheckBox(this);
    m_hideLifecycleCheck->setObjectName(u"hideLifecycleCheck"_s);
    connect(m_hideLifecycleCheck, &QCheckBox::toggled, this, [this](bool hide) {
        if (m_proxy)
            m_proxy->setHideLifecycle(hide);
    });

    m_showCommentsCheck = new QCheckBox(this);
    m_showCommentsCheck->setObjectName(u"showCommentsCheck"_s);
    connect(m_showCommentsCheck, &QCheckBox::toggled, this, &FilterBar::showCommentsChanged);

    // "N of M shown" while a filter hides rows; counted a few times a second, never per row.
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(u"shownCountLabel"_s);
    m_countLabel->setTextFormat(Qt::PlainText);
    m_countLabel->setForegroundRole(QPalette::PlaceholderText);
    // The count and the "N new" badge keep their place while hidden: showing them moves nothing.
    retainSizeWhenHidden(m_countLabel);
    m_countLabel->hide();
    m_countTimer = new QTimer(this);
    m_countTimer->setSingleShot(true);
    m_countTimer->setInterval(CountRefreshMs);
    connect(m_countTimer, &QTimer::timeout, this, &FilterBar::updateCount);

    m_newBadge = new QLabel(this);
    m_newBadge->setObjectName(u"newBadge"_s);
    m_newBadge->setTextFormat(Qt::PlainText);
    m_newBadge->setAlignment(Qt::AlignCenter);
    m_newBadge->setStyleSheet(
            u"QLabel { background: #d98c00; color: white; border-radius: 8px; padding: 1px 8px; }"_s);
    retainSizeWhenHidden(m_newBadge);
    m_newBadge->hide();

    m_pauseButton = new QPushButton(this);
    m_pauseButton->setObjectName(u"pauseButton"_s);
    m_pauseButton->setCheckable(true);
    m_pauseButton->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    connect(m_pauseButton, &QPushButton::toggled, this, [this](bool paused) {
        m_newBadge->setVisible(paused && m_newCount > 0);
        emit pauseToggled(paused);
    });

    m_clearButton = new QPushButton(this);
    m_clearButton->setObjectName(u"clearButton"_s);
    m_clearButton->setIcon(style()->standardIcon(QStyle::SP_DialogResetButton));
    connect(m_clearButton, &QPushButton::clicked, this, &FilterBar::clearRequested);

    arrange(false);
}

QList<QWidget *> FilterBar::firstGroup() const
{
    return { m_filterEdit, m_regexButton, m_filterError, m_typeButton, m_connectionCombo };
}

QList<QWidget *> FilterBar::secondGroup() const
{
    return { m_hideLifecycleCheck, m_showCommentsCheck, m_countLabel,
             m_newBadge,           m_pauseButton,       m_clearButton };
}

int FilterBar::groupWidth(const QList<QWidget *> &group, bool preferred) const
{
    int width = 0;
    int placed = 0;
    for (const QWidget *widget : group) {
        if (widget->isHidden() && !widget->sizePolicy().retainSizeWhenHidden())
            continue;
        const QSize hint = preferred ? widget->sizeHint() : widget->minimumSizeHint();
        width += std::max(hint.width(), widget->minimumWidth());
        ++placed;
    }
    return width + std::max(0, placed - 1) * Spacing;
}

int FilterBar::oneRowWidth() const
{
    return groupWidth(firstGroup(), true) + Spacing + groupWidth(secondGroup(), true);
}

void FilterBar::arrange(bool twoRows)
{
    m_twoRows = twoRows;
    for (QHBoxLayout *row : { m_firstRow, m_secondRow }) {
        while (QLayoutItem *item = row->takeAt(0))
            delete item; // the widgets stay; only their places go
    }
    m_firstRow->addWidget(m_filterEdit, 1);
    m_firstRow->addWidget(m_regexButton);
    m_firstRow->addWidget(m_filterError);
    m_firstRow->addWidget(m_typeButton);
    m_firstRow->addWidget(m_connectionCombo);
    QHBoxLayout *second = twoRows ? m_secondRow : m_firstRow;
    second->addWidget(m_hideLifecycleCheck);
    second->addWidget(m_showCommentsCheck);
    if (twoRows)
        second->addStretch(1);
    second->addWidget(m_countLabel);
    second->addWidget(m_newBadge);
    second->addWidget(m_pauseButton);
    second->addWidget(m_clearButton);
    updateGeometry();
}

QSize FilterBar::minimumSizeHint() const
{
    // As narrow as two rows allow, in either arrangement: the bar wraps rather than squeezes.
    const int width = std::max(groupWidth(firstGroup(), false), groupWidth(secondGroup(), false));
    return { width, QWidget::minimumSizeHint().height() };
}

void FilterBar::resizeEvent(QResizeEvent *event)
{
    const bool twoRows = event->size().width() < oneRowWidth();
    if (twoRows != m_twoRows)
        arrange(twoRows);
    QWidget::resizeEvent(event);
}

void FilterBar::setProxy(MessageFilterProxyModel *proxy)
{
    if (m_proxy)
        m_proxy->disconnect(this);
    m_proxy = proxy;
    if (!m_proxy)
        return;
    const auto schedule = [this] {
        if (!m_countTimer->isActive())
            m_countTimer->start();
    };
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, schedule);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, schedule);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, schedule);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, schedule);
    applyTextFilter();
    m_proxy->setEventTypes(m_selectedTypes);
    m_proxy->setConnection(m_connectionCombo->currentData().toInt());
    m_proxy->setHideLifecycle(m_hideLifecycleCheck->isChecked());
}

void FilterBar::noteConnection(int connection)
{
    if (connection <= 0 || m_connections.contains(connection))
        return;
    m_connections.append(connection);
    m_connectionCombo->addItem(tr("Connection %1").arg(connection), connection);
}

void FilterBar::resetSeen()
{
    m_seenTypes.clear();
    m_selectedTypes.clear();
    m_connections.clear();
    {
        const QSignalBlocker blocker(m_connectionCombo);
        while (m_connectionCombo->count() > 1)
            m_connectionCombo->removeItem(1);
        m_connectionCombo->setCurrentIndex(0);
    }
    if (m_proxy) {
        m_proxy->setEventTypes({});
        m_proxy->setConnection(0);
    }
    updateTypeButton();
}

QString FilterBar::filterText() const
{
    return m_filterEdit->text();
}

void FilterBar::setFilterText(const QString &text)
{
    m_filterEdit->setText(text);
    applyFilterNow();
}

bool FilterBar::isRegularExpression() const
{
    return m_regexButton->isChecked();
}

void FilterBar::setRegularExpression(bool regex)
{
    m_regexButton->setChecked(regex);
    applyFilterNow();
}

void FilterBar::applyFilterNow()
{
    m_debounce->stop();
    applyTextFilter();
}

void FilterBar::applyTextFilter()
{
    if (!m_proxy)
        return;
    const QString text = m_filterEdit->text();
    const bool regex = m_regexButton->isChecked();
    if (text != m_proxy->filterText() || regex != m_proxy->isRegularExpression())
        m_proxy->setFilterText(text, regex);
    updateFilterError();
}

void FilterBar::updateFilterError()
{
    const bool invalid = m_proxy && !m_proxy->isFilterValid();
    if (invalid) {
        const QString message = tr("Invalid pattern: %1").arg(m_proxy->filterError());
        m_filterError->setText(tr("Invalid pattern"));
        m_filterError->setToolTip(Theme::plainToolTip(message));
        m_filterEdit->setToolTip(Theme::plainToolTip(message));
        m_filterEdit->setStyleSheet(u"QLineEdit { border: 1px solid #d03333; }"_s);
    } else {
        m_filterEdit->setToolTip(
                m_regexButton->isChecked()
                        ? tr("Regular expression matched against the event data")
                        : tr("Text matched against the event data, ignoring case"));
        m_filterEdit->setStyleSheet(QString());
    }
    m_filterError->setVisible(invalid);
}

void FilterBar::rebuildTypeMenu()
{
    m_typeMenu->clear();
    QAction *all = m_typeMenu->addAction(tr("All Types"));
    all->setCheckable(true);
    all->setChecked(m_selectedTypes.isEmpty());
    connect(all, &QAction::triggered, this, [this] {
        m_selectedTypes.clear();
        applyTypeSelection();
    });
    m_typeMenu->addSeparator();
    QStringList types(m_seenTypes.cbegin(), m_seenTypes.cend());
    // A selected type may not have been seen since a clear; keep it offered so it can be undone.
    for (const QString &type : std::as_const(m_selectedTypes)) {
        if (!m_seenTypes.contains(type))
            types << type;
    }
    std::sort(types.begin(), types.end());
    if (types.isEmpty()) {
        QAction *none = m_typeMenu->addAction(tr("No events yet"));
        none->setEnabled(false);
        return;
    }
    for (const QString &type : std::as_const(types)) {
        QAction *action = m_typeMenu->addAction(type);
        action->setCheckable(true);
        action->setChecked(m_selectedTypes.contains(type));
        connect(action, &QAction::toggled, this, [this, type](bool checked) {
            if (checked)
                m_selectedTypes.insert(type);
            else
                m_selectedTypes.remove(type);
            applyTypeSelection();
        });
    }
}

void FilterBar::applyTypeSelection()
{
    if (m_proxy)
        m_proxy->setEventTypes(m_selectedTypes);
    updateTypeButton();
}

void FilterBar::updateTypeButton()
{
    if (m_selectedTypes.isEmpty()) {
        m_typeButton->setText(tr("All Types"));
        m_typeButton->setToolTip(tr("Show only some event types"));
        return;
    }
    if (m_selectedTypes.size() == 1) {
        const QString type = *m_selectedTypes.cbegin();
        m_typeButton->setText(fontMetrics().elidedText(type, Qt::ElideRight, 140));
    } else {
        m_typeButton->setText(tr("%n Type(s)", "event types chosen", int(m_selectedTypes.size())));
    }
    QStringList sorted(m_selectedTypes.cbegin(), m_selectedTypes.cend());
    std::sort(sorted.begin(), sorted.end());
    m_typeButton->setToolTip(Theme::plainToolTip(sorted.join(u", "_s)));
}

bool FilterBar::showComments() const
{
    return m_showCommentsCheck->isChecked();
}

void FilterBar::setShowComments(bool show)
{
    m_showCommentsCheck->setChecked(show);
}

bool FilterBar::isPaused() const
{
    return m_pauseButton->isChecked();
}

void FilterBar::setPaused(bool paused)
{
    const QSignalBlocker blocker(m_pauseButton);
    m_pauseButton->setChecked(paused);
    m_newBadge->setVisible(paused && m_newCount > 0);
}

void FilterBar::setNewCount(qint64 count)
{
    m_newCount = count;
    //: Badge while the table is paused: rows that arrived since
    m_newBadge->setText(
            tr("%n new", "rows arrived while paused", int(qMin<qint64>(count, INT_MAX))));
    m_newBadge->setVisible(isPaused() && count > 0);
}

void FilterBar::focusFilter()
{
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

QVariantMap FilterBar::saveState() const
{
    QStringList types(m_selectedTypes.cbegin(), m_selectedTypes.cend());
    std::sort(types.begin(), types.end());
    return {
        { u"text"_s, m_filterEdit->text() },
        { u"regex"_s, m_regexButton->isChecked() },
        { u"types"_s, types },
        { u"hideLifecycle"_s, m_hideLifecycleCheck->isChecked() },
        { u"showComments"_s, m_showCommentsCheck->isChecked() },
    };
}

void FilterBar::restoreState(const QVariantMap &state)
{
    {
        const QSignalBlocker blocker(m_regexButton);
        m_regexButton->setChecked(state.value(u"regex"_s).toBool());
    }
    m_filterEdit->setText(state.value(u"text"_s).toString());
    applyFilterNow();
    const QStringList types = state.value(u"types"_s).toStringList();
    m_selectedTypes = QSet<QString>(types.cbegin(), types.cend());
    applyTypeSelection();
    m_hideLifecycleCheck->setChecked(state.value(u"hideLifecycle"_s).toBool());
    m_showCommentsCheck->setChecked(state.value(u"showComments"_s).toBool());
}

void FilterBar::updateCount()
{
    m_countTimer->stop();
    const int total = m_proxy && m_proxy->sourceModel() ? m_proxy->sourceModel()->rowCount() : 0;
    const int shown = m_proxy ? m_proxy->rowCount() : 0;
    const QLocale locale;
    //: Filter bar: rows the filter lets through, of all rows in the table
    const QString format = tr("%1 of %2 shown");
    // Room for the widest count of this many rows, taken once: the bar does not move as the
    // numbers change, or as the count comes and goes.
    const QString widest = format.arg(locale.toString(total), locale.toString(total));
    const int width = m_countLabel->fontMetrics().horizontalAdvance(widest);
    if (width > m_countLabel->minimumWidth())
        m_countLabel->setMinimumWidth(width);
    // Only worth a word while the filter hides something.
    m_countLabel->setVisible(shown != total);
    if (shown != total)
        m_countLabel->setText(format.arg(locale.toString(shown), locale.toString(total)));
}

void FilterBar::retranslateUi()
{
    m_filterEdit->setPlaceholderText(tr("Filter data…"));
    m_countLabel->setMinimumWidth(0); // measured again in the new language
    updateCount();
    // The badge's room fits a large count, so that it appears without moving anything.
    m_newBadge->setMinimumWidth(m_newBadge->fontMetrics().horizontalAdvance(
                                        tr("%n new", "rows arrived while paused", 99999))
                                + 2 * m_newBadge->fontMetrics().averageCharWidth() + 16);
    m_regexButton->setToolTip(tr("Use a regular expression"));
    m_connectionCombo->setItemText(0, tr("All connections"));
    for (int i = 1; i < m_connectionCombo->count(); ++i)
        m_connectionCombo->setItemText(
                i, tr("Connection %1").arg(m_connectionCombo->itemData(i).toInt()));
    m_connectionCombo->setToolTip(tr("Show the events of one connection only"));
    m_hideLifecycleCheck->setText(tr("Hide lifecycle rows"));
    m_hideLifecycleCheck->setToolTip(
            tr("Hide the connecting, opened, error and reconnecting rows between events"));
    m_showCommentsCheck->setText(tr("Show comments"));
    m_showCommentsCheck->setToolTip(tr("Add a row for each comment line (heartbeats) received"));
    m_pauseButton->setText(tr("Pause View"));
    m_pauseButton->setToolTip(
            tr("Freeze the table; events are still captured and shown when you resume"));
    m_clearButton->setText(tr("Clear"));
    m_clearButton->setToolTip(tr("Remove all rows from the table"));
    updateTypeButton();
    updateFilterError();
    setNewCount(m_newCount);
}

void FilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}
