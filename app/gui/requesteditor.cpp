// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include "requesteditor.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
constexpr int SecretRole = Qt::UserRole + 1; // on the Name item
// On the Name item: the row's index in the headers of the request given to setRequest(), which
// is what a session's Save ticks and unsaved secrets refer to.
constexpr int HeaderIndexRole = Qt::UserRole + 2;
// On the Value item: a secret restored without its value (the session did not keep it).
constexpr int ValueNotSavedRole = Qt::UserRole + 3;
const QColor WarningColour(0xc6, 0x28, 0x28);

QString bullets()
{
    return QString(8, QChar(0x2022));
}

QString maskedText(const QString &value, bool masked)
{
    // A fixed count: the mask must not leak the secret's length either.
    return masked && !value.isEmpty() ? bullets() : value;
}

bool isContentType(QStringView name)
{
    return name.compare(u"content-type"_s, Qt::CaseInsensitive) == 0;
}

// The note goes as soon as there is a value again (typed, or pasted).
bool isValueNotSaved(const QModelIndex &value)
{
    return value.data(ValueNotSavedRole).toBool() && value.data().toString().isEmpty();
}

bool isValueNotSaved(const QTableWidgetItem *value)
{
    return value && value->data(ValueNotSavedRole).toBool() && value->text().isEmpty();
}

// Shown where the value would be, so the empty cell is not mistaken for an empty secret.
QString notSavedText()
{
    //: In a header's Value cell: the session did not keep this secret value
    return RequestEditor::tr("not saved — enter the value again");
}
} // namespace

/// Masks the values of secret headers (display and editing) until the user reveals them.
class SecretValueDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    bool m_revealed = false;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto *line = qobject_cast<QLineEdit *>(editor); line && isMasked(index))
            line->setEchoMode(QLineEdit::Password);
        return editor;
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->text = maskedText(option->text, isMasked(index));
        if (isValueNotSaved(index)) {
            option->text = notSavedText();
            option->font.setItalic(true);
            option->palette.setColor(QPalette::Text, WarningColour);
        }
    }

private:
    bool isMasked(const QModelIndex &index) const
    {
        return !m_revealed
                && index.siblingAtColumn(RequestEditor::NameColumn).data(SecretRole).toBool();
    }
};

RequestEditor::RequestEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"requestEditor"_s);
    buildUi();
    retranslateUi();
    updatePolicyFields();
}

RequestEditor::~RequestEditor() = default;

void RequestEditor::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"requestTabs"_s);
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs);
    m_whenNote = new QLabel(this);
    m_whenNote->setObjectName(u"requestWhenNote"_s);
    m_whenNote->setTextFormat(Qt::PlainText);
    m_whenNote->setWordWrap(true);
    m_whenNote->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_whenNote);

    // Headers
    m_headersPage = new QWidget(m_tabs);
    auto *headersLayout = new QGridLayout(m_headersPage);
    headersLayout->setContentsMargins(4, 4, 4, 4);
    m_headerTable = new QTableWidget(0, HeaderColumnCount, m_headersPage);
    m_headerTable->setObjectName(u"headerTable"_s);
    m_headerTable->verticalHeader()->hide();
    m_headerTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_headerTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_headerTable->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Interactive);
    m_headerTable->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_headerTable->horizontalHeader()->setSectionResizeMode(SaveColumn, QHeaderView::Fixed);
    m_headerTable->horizontalHeader()->resizeSection(NameColumn, 180);
    m_headerTable->horizontalHeader()->resizeSection(SaveColumn, 60);
    m_headerTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_secretDelegate = new SecretValueDelegate(m_headerTable);
    m_headerTable->setItemDelegateForColumn(ValueColumn, m_secretDelegate);
    m_headerTable->setMinimumHeight(90);
    connect(m_headerTable, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() == NameColumn)
            updateRowFlags(item->row());
        if (item->column() == ValueColumn && item->data(ValueNotSavedRole).toBool())
            updateUnsavedSecrets();
        emit changed();
    });
    headersLayout->addWidget(m_headerTable, 0, 0, 4, 1);

    m_addHeaderButton = new QToolButton(m_headersPage);
    m_addHeaderButton->setObjectName(u"addHeaderButton"_s);
    m_addHeaderButton->setText(u"+"_s);
    connect(m_addHeaderButton, &QToolButton::clicked, this, [this] {
        addHeader(QString(), QString());
        const int row = m_headerTable->rowCount() - 1;
        m_headerTable->setCurrentCell(row, NameColumn);
        m_headerTable->editItem(m_headerTable->item(row, NameColumn));
    });
    headersLayout->addWidget(m_addHeaderButton, 0, 1);
    m_removeHeaderButton = new QToolButton(m_headersPage);
    m_removeHeaderButton->setObjectName(u"removeHeaderButton"_s);
    m_removeHeaderButton->setText(QString(QChar(0x2212)));
    connect(m_removeHeaderButton, &QToolButton::clicked, this,
            &RequestEditor::removeSelectedHeaders);
    headersLayout->addWidget(m_removeHeaderButton, 1, 1);

    m_revealCheck = new QCheckBox(m_headersPage);
    m_revealCheck->setObjectName(u"revealSecretsCheck"_s);
    connect(m_revealCheck, &QCheckBox::toggled, this, &RequestEditor::setSecretsRevealed);
    m_headersHint = new QLabel(m_headersPage);
    m_headersHint->setWordWrap(true);
    m_headersHint->setForegroundRole(QPalette::PlaceholderText);
    auto *hintRow = new QHBoxLayout;
    hintRow->addWidget(m_revealCheck);
    hintRow->addWidget(m_headersHint, 1);
    headersLayout->addLayout(hintRow, 5, 0, 1, 2);
    m_unsavedSecretsWarning = new QLabel(m_headersPage);
    m_unsavedSecretsWarning->setObjectName(u"unsavedSecretsWarning"_s);
    m_unsavedSecretsWarning->setTextFormat(Qt::PlainText);
    m_unsavedSecretsWarning->setWordWrap(true);
    QPalette warningPalette = m_unsavedSecretsWarning->palette();
    warningPalette.setColor(QPalette::WindowText, WarningColour);
    m_unsavedSecretsWarning->setPalette(warningPalette);
    m_unsavedSecretsWarning->hide();
    headersLayout->addWidget(m_unsavedSecretsWarning, 4, 0, 1, 2);

    auto *lastIdRow = new QHBoxLayout;
    m_lastEventIdLabel = new QLabel(m_headersPage);
    m_lastEventIdEdit = new QLineEdit(m_headersPage);
    m_lastEventIdEdit->setObjectName(u"lastEventIdEdit"_s);
    m_lastEventIdLabel->setBuddy(m_lastEventIdEdit);
    connect(m_lastEventIdEdit, &QLineEdit::textChanged, this, &RequestEditor::changed);
    lastIdRow->addWidget(m_lastEventIdLabel);
    lastIdRow->addWidget(m_lastEventIdEdit, 1);
    headersLayout->addLayout(lastIdRow, 6, 0, 1, 2);
    headersLayout->setColumnStretch(0, 1);
    headersLayout->setRowStretch(3, 1);
    m_tabs->addTab(m_headersPage, QString());

    // Body
    m_bodyPage = new QWidget(m_tabs);
    auto *bodyLayout = new QFormLayout(m_bodyPage);
    bodyLayout->setContentsMargins(4, 4, 4, 4);
    m_contentTypeLabel = new QLabel(m_bodyPage);
    m_contentTypeEdit = new QLineEdit(m_bodyPage);
    m_contentTypeEdit->setObjectName(u"contentTypeEdit"_s);
    m_contentTypeEdit->setPlaceholderText(u"application/json"_s);
    m_contentTypeLabel->setBuddy(m_contentTypeEdit);
    connect(m_contentTypeEdit, &QLineEdit::textChanged, this, &RequestEditor::changed);
    bodyLayout->addRow(m_contentTypeLabel, m_contentTypeEdit);
    m_bodyEdit = new QPlainTextEdit(m_bodyPage);
    m_bodyEdit->setObjectName(u"bodyEdit"_s);
    m_bodyEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_bodyEdit->setTabChangesFocus(true);
    connect(m_bodyEdit, &QPlainTextEdit::textChanged, this, &RequestEditor::changed);
    bodyLayout->addRow(m_bodyEdit);
    m_bodyHint = new QLabel(m_bodyPage);
    m_bodyHint->setWordWrap(true);
    m_bodyHint->setForegroundRole(QPalette::PlaceholderText);
    bodyLayout->addRow(m_bodyHint);
    m_tabs->addTab(m_bodyPage, QString());

    // Reconnect
    m_reconnectPage = new QWidget(m_tabs);
    auto *reconnectLayout = new QGridLayout(m_reconnectPage);
    reconnectLayout->setContentsMargins(4, 4, 4, 4);
    const auto makeSpin = [this](const QString &name, int minimum, int maximum, int step) {
        auto *spin = new QSpinBox(m_reconnectPage);
        spin->setObjectName(name);
        spin->setRange(minimum, maximum);
        spin->setSingleStep(step);
        spin->setAccelerated(true);
        spin->setGroupSeparatorShown(true);
        spin->setMaximumWidth(180);
        connect(spin, &QSpinBox::valueChanged, this, &RequestEditor::changed);
        return spin;
    };

    m_policyLabel = new QLabel(m_reconnectPage);
    m_policyCombo = new QComboBox(m_reconnectPage);
    m_policyCombo->setObjectName(u"policyCombo"_s);
    for (const auto mode : { ReconnectPolicy::Mode::Browser, ReconnectPolicy::Mode::Fixed,
                             ReconnectPolicy::Mode::Backoff, ReconnectPolicy::Mode::Off })
        m_policyCombo->addItem(QString(), int(mode));
    m_policyLabel->setBuddy(m_policyCombo);
    connect(m_policyCombo, &QComboBox::currentIndexChanged, this, [this] {
        updatePolicyFields();
        emit changed();
    });
    m_policyHint = new QLabel(m_reconnectPage);
    m_policyHint->setWordWrap(true);
    m_policyHint->setForegroundRole(QPalette::PlaceholderText);
    m_policyHint->setMinimumWidth(200);

    m_retryOverrideCheck = new QCheckBox(m_reconnectPage);
    m_retryOverrideCheck->setObjectName(u"retryOverrideCheck"_s);
    m_retryOverrideSpin = makeSpin(u"retryOverrideSpin"_s, 0, 3'600'000, 100);
    m_retryOverrideSpin->setValue(1000);
    connect(m_retryOverrideCheck, &QCheckBox::toggled, this, [this] {
        updatePolicyFields();
        emit changed();
    });
    m_fixedDelayLabel = new QLabel(m_reconnectPage);
    m_fixedDelaySpin = makeSpin(u"fixedDelaySpin"_s, 0, 3'600'000, 100);
    m_backoffBaseLabel = new QLabel(m_reconnectPage);
    m_backoffBaseSpin = makeSpin(u"backoffBaseSpin"_s, 1, 3'600'000, 100);
    m_backoffCapLabel = new QLabel(m_reconnectPage);
    m_backoffCapSpin = makeSpin(u"backoffCapSpin"_s, 1, 86'400'000, 1000);
    m_jitterLabel = new QLabel(m_reconnectPage);
    m_jitterSpin = makeSpin(u"jitterSpin"_s, 0, 100, 5);
    m_jitterSpin->setSuffix(u" %"_s);
    m_maxAttemptsLabel = new QLabel(m_reconnectPage);
    m_maxAttemptsSpin = makeSpin(u"maxAttemptsSpin"_s, 0, 1'000'000, 1);
    m_idleTimeoutLabel = new QLabel(m_reconnectPage);
    m_idleTimeoutSpin = makeSpin(u"idleTimeoutSpin"_s, 0, 86'400, 5);

    m_ignoreTlsCheck = new QCheckBox(m_reconnectPage);
    m_ignoreTlsCheck->setObjectName(u"ignoreTlsCheck"_s);
    m_ignoreTlsCheck->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    QPalette warning = m_ignoreTlsCheck->palette();
    warning.setColor(QPalette::WindowText, WarningColour);
    warning.setColor(QPalette::ButtonText, WarningColour);
    m_ignoreTlsCheck->setPalette(warning);
    m_ignoreTlsWarning = new QLabel(m_reconnectPage);
    m_ignoreTlsWarning->setPalette(warning);
    m_ignoreTlsWarning->setWordWrap(true);
    m_ignoreTlsWarning->hide();
    connect(m_ignoreTlsCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_ignoreTlsWarning->setVisible(on);
        emit changed();
    });

    const ReconnectPolicy::Settings defaults;
    m_fixedDelaySpin->setValue(int(defaults.fixedDelay.count()));
    m_backoffBaseSpin->setValue(int(defaults.backoffBase.count()));
    m_backoffCapSpin->setValue(int(defaults.backoffCap.count()));
    m_jitterSpin->setValue(qRound(defaults.jitter * 100));
    m_maxAttemptsSpin->setValue(defaults.maxAttempts);

    // Two columns of label + field: the policy choice on the left, its numbers on the right.
    int row = 0;
    reconnectLayout->addWidget(m_policyLabel, row, 0);
    reconnectLayout->addWidget(m_policyCombo, row, 1);
    reconnectLayout->addWidget(m_policyHint, row, 2, 2, 3);
    ++row;
    reconnectLayout->addWidget(m_retryOverrideCheck, row, 0);
    reconnectLayout->addWidget(m_retryOverrideSpin, row, 1);
    ++row;
    reconnectLayout->addWidget(m_fixedDelayLabel, row, 0);
    reconnectLayout->addWidget(m_fixedDelaySpin, row, 1);
    reconnectLayout->addWidget(m_maxAttemptsLabel, row, 2);
    reconnectLayout->addWidget(m_maxAttemptsSpin, row, 3);
    ++row;
    reconnectLayout->addWidget(m_backoffBaseLabel, row, 0);
    reconnectLayout->addWidget(m_backoffBaseSpin, row, 1);
    reconnectLayout->addWidget(m_idleTimeoutLabel, row, 2);
    reconnectLayout->addWidget(m_idleTimeoutSpin, row, 3);
    ++row;
    reconnectLayout->addWidget(m_backoffCapLabel, row, 0);
    reconnectLayout->addWidget(m_backoffCapSpin, row, 1);
    reconnectLayout->addWidget(m_jitterLabel, row, 2);
    reconnectLayout->addWidget(m_jitterSpin, row, 3);
    ++row;
    reconnectLayout->addWidget(m_ignoreTlsCheck, row, 0, 1, 2);
    reconnectLayout->addWidget(m_ignoreTlsWarning, row, 2, 1, 3);
    m_policyCombo->setMaximumWidth(260);
    reconnectLayout->setColumnStretch(4, 1); // numbers stay compact; the slack goes right
    reconnectLayout->setRowStretch(row + 1, 1);
    m_tabs->addTab(m_reconnectPage, QString());

    // Proxy: one choice of four; the custom address and its password beside the last one.
    m_proxyPage = new QWidget(m_tabs);
    auto *proxyLayout = new QGridLayout(m_proxyPage);
    proxyLayout->setContentsMargins(4, 4, 4, 4);
    m_proxyGroup = new QButtonGroup(m_proxyPage);
    const auto makeRadio = [this](const QString &name, ProxySetting::Mode mode) {
        auto *radio = new QRadioButton(m_proxyPage);
        radio->setObjectName(name);
        m_proxyGroup->addButton(radio, int(mode));
        return radio;
    };
    m_proxySystemRadio = makeRadio(u"proxySystemRadio"_s, ProxySetting::Mode::System);
    m_proxyNoneRadio = makeRadio(u"proxyNoneRadio"_s, ProxySetting::Mode::None);
    m_proxyFaultRadio = makeRadio(u"proxyFaultRadio"_s, ProxySetting::Mode::FaultProxy);
    m_proxyCustomRadio = makeRadio(u"proxyCustomRadio"_s, ProxySetting::Mode::Custom);
    m_proxySystemRadio->setChecked(true);
    m_proxyUrlEdit = new QLineEdit(m_proxyPage);
    m_proxyUrlEdit->setObjectName(u"proxyUrlEdit"_s);
    m_proxyUrlEdit->setPlaceholderText(u"http://user@proxy.example:3128"_s);
    m_proxyPasswordLabel = new QLabel(m_proxyPage);
    m_proxyPasswordEdit = new QLineEdit(m_proxyPage);
    m_proxyPasswordEdit->setObjectName(u"proxyPasswordEdit"_s);
    m_proxyPasswordEdit->setEchoMode(QLineEdit::Password);
    m_proxyPasswordLabel->setBuddy(m_proxyPasswordEdit);
    m_proxyHint = new QLabel(m_proxyPage);
    m_proxyHint->setWordWrap(true);
    m_proxyHint->setForegroundRole(QPalette::PlaceholderText);
    proxyLayout->addWidget(m_proxySystemRadio, 0, 0, 1, 4);
    proxyLayout->addWidget(m_proxyNoneRadio, 1, 0, 1, 4);
    proxyLayout->addWidget(m_proxyFaultRadio, 2, 0, 1, 4);
    proxyLayout->addWidget(m_proxyCustomRadio, 3, 0);
    proxyLayout->addWidget(m_proxyUrlEdit, 3, 1);
    proxyLayout->addWidget(m_proxyPasswordLabel, 3, 2);
    proxyLayout->addWidget(m_proxyPasswordEdit, 3, 3);
    proxyLayout->addWidget(m_proxyHint, 4, 0, 1, 4);
    proxyLayout->setColumnStretch(1, 2);
    proxyLayout->setColumnStretch(3, 1);
    proxyLayout->setRowStretch(5, 1);
    connect(m_proxyGroup, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (!checked)
            return;
        updateProxyFields();
        emit proxySettingChanged();
        emit changed();
    });
    connect(m_proxyUrlEdit, &QLineEdit::textEdited, this, [this] {
        m_proxyCustomRadio->setChecked(true);
        emit changed();
    });
    // A password typed into the URL moves to its own, masked field.
    connect(m_proxyUrlEdit, &QLineEdit::editingFinished, this, [this] {
        const QUrl url = ProxySetting::parseCustomUrl(m_proxyUrlEdit->text());
        if (url.password().isEmpty())
            return;
        m_proxyPasswordEdit->setText(url.password());
        m_proxyUrlEdit->setText(url.toString(QUrl::RemovePassword));
    });
    connect(m_proxyPasswordEdit, &QLineEdit::textEdited, this, &RequestEditor::changed);
    m_tabs->addTab(m_proxyPage, QString());

    setMethod(m_method);
    updateProxyFields();
}

ProxySetting RequestEditor::proxySetting() const
{
    ProxySetting setting;
    setting.mode = ProxySetting::Mode(m_proxyGroup->checkedId());
    setting.customUrl = ProxySetting::parseCustomUrl(m_proxyUrlEdit->text());
    if (!m_proxyPasswordEdit->text().isEmpty() && !setting.customUrl.isEmpty())
        setting.customUrl.setPassword(m_proxyPasswordEdit->text());
    return setting;
}

void RequestEditor::setProxySetting(const ProxySetting &setting)
{
    m_proxyUrlEdit->setText(setting.customUrl.toString(QUrl::RemovePassword));
    m_proxyPasswordEdit->setText(setting.customUrl.password());
    if (QAbstractButton *button = m_proxyGroup->button(int(setting.mode)); !button->isChecked())
        button->setChecked(true); // emits proxySettingChanged()
    updateProxyFields();
}

void RequestEditor::setFaultProxyAddress(const QString &address)
{
    m_faultProxyAddress = address;
    updateProxyFields();
}

void RequestEditor::showProxyPage()
{
    m_tabs->setCurrentWidget(m_proxyPage);
}

void RequestEditor::updateProxyFields()
{
    const bool custom = m_proxyCustomRadio->isChecked();
    m_proxyPasswordLabel->setEnabled(custom);
    m_proxyPasswordEdit->setEnabled(custom);
    m_proxyFaultRadio->setText(
            m_faultProxyAddress.isEmpty()
                    ? tr("SSE Scope's &fault proxy (starts when you connect)")
                    //: %1 = the fault proxy's address, e.g. 127.0.0.1:8888
                    : tr("SSE Scope's &fault proxy (%1)").arg(m_faultProxyAddress));
}

QTableWidgetItem *RequestEditor::saveItem(bool secret, bool save) const
{
    auto *item = new QTableWidgetItem;
    item->setFlags(secret ? Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable
                          : Qt::ItemIsSelectable);
    // Only secret rows get a box: every other value is always saved.
    if (secret)
        item->setCheckState(save ? Qt::Checked : Qt::Unchecked);
    return item;
}

void RequestEditor::addHeader(const QString &name, const QString &value, bool save)
{
    const QSignalBlocker blocker(m_headerTable);
    const int row = m_headerTable->rowCount();
    m_headerTable->insertRow(row);
    auto *nameItem = new QTableWidgetItem(name);
    m_headerTable->setItem(row, NameColumn, nameItem);
    m_headerTable->setItem(row, ValueColumn, new QTableWidgetItem(value));
    const bool secret = isSecretHeader(name);
    nameItem->setData(SecretRole, secret);
    m_headerTable->setItem(row, SaveColumn, saveItem(secret, save));
    emit changed();
}

QString RequestEditor::displayedValue(int row) const
{
    const QTableWidgetItem *name = m_headerTable->item(row, NameColumn);
    const QTableWidgetItem *value = m_headerTable->item(row, ValueColumn);
    if (!value)
        return {};
    if (isValueNotSaved(value))
        return notSavedText();
    return maskedText(value->text(), !m_secretsRevealed && name && name->data(SecretRole).toBool());
}

void RequestEditor::markValueNotSaved(int row)
{
    QTableWidgetItem *value = m_headerTable->item(row, ValueColumn);
    if (!value)
        return;
    const QSignalBlocker blocker(m_headerTable);
    value->setData(ValueNotSavedRole, true);
}

void RequestEditor::updateUnsavedSecrets()
{
    const QSignalBlocker blocker(m_headerTable);
    for (int row = 0; row < m_headerTable->rowCount(); ++row) {
        QTableWidgetItem *value = m_headerTable->item(row, ValueColumn);
        if (!value || !value->data(ValueNotSavedRole).toBool())
            continue;
        const QTableWidgetItem *name = m_headerTable->item(row, NameColumn);
        // Typing a value, or renaming the header to something that is not a secret, settles it.
        if (!value->text().isEmpty() || !name || !name->data(SecretRole).toBool()) {
            value->setData(ValueNotSavedRole, QVariant());
            value->setToolTip(QString());
            continue;
        }
        value->setToolTip(tr("The session did not keep this secret value. Enter it again, or "
                             "the header is sent empty."));
    }
    const QStringList names = unsavedSecretHeaders();
    if (names.isEmpty()) {
        m_unsavedSecretsWarning->hide();
    } else {
        //: %1 = header names, e.g. "Authorization and Cookie"
        m_unsavedSecretsWarning->setText(
                tr("Not saved with the session: %1. Enter the value again; Connect once more "
                   "sends the header empty.")
                        .arg(QLocale().createSeparatedList(names)));
    }
    m_headerTable->viewport()->update();
}

QStringList RequestEditor::unsavedSecretHeaders() const
{
    QStringList names;
    for (int row = 0; row < m_headerTable->rowCount(); ++row) {
        const QTableWidgetItem *value = m_headerTable->item(row, ValueColumn);
        const QTableWidgetItem *name = m_headerTable->item(row, NameColumn);
        if (name && isValueNotSaved(value))
            names << name->text().trimmed();
    }
    return names;
}

bool RequestEditor::confirmUnsavedSecrets()
{
    if (unsavedSecretHeaders().isEmpty())
        return true;
    if (m_unsavedSecretsWarned) {
        // Told once: the user connects with the empty value on purpose.
        m_unsavedSecretsWarning->hide();
        return true;
    }
    m_unsavedSecretsWarned = true;
    updateUnsavedSecrets();
    m_unsavedSecretsWarning->show();
    m_tabs->setCurrentWidget(m_headersPage);
    return false;
}

void RequestEditor::updateRowFlags(int row)
{
    QTableWidgetItem *nameItem = m_headerTable->item(row, NameColumn);
    if (!nameItem)
        return;
    const bool secret = isSecretHeader(nameItem->text());
    if (nameItem->data(SecretRole).toBool() == secret)
        return;
    {
        const QSignalBlocker blocker(m_headerTable);
        nameItem->setData(SecretRole, secret);
        m_headerTable->setItem(row, SaveColumn, saveItem(secret, false));
    }
    updateUnsavedSecrets();
}

void RequestEditor::removeSelectedHeaders()
{
    QList<int> rows;
    for (const QModelIndex &index : m_headerTable->selectionModel()->selectedRows())
        rows << index.row();
    if (rows.isEmpty() && m_headerTable->currentRow() >= 0)
        rows << m_headerTable->currentRow();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : std::as_const(rows))
        m_headerTable->removeRow(row);
    if (!rows.isEmpty()) {
        updateUnsavedSecrets();
        emit changed();
    }
}

void RequestEditor::setSecretsRevealed(bool revealed)
{
    m_secretsRevealed = revealed;
    m_secretDelegate->m_revealed = revealed;
    {
        const QSignalBlocker blocker(m_revealCheck);
        m_revealCheck->setChecked(revealed);
    }
    m_headerTable->viewport()->update();
}

bool RequestEditor::methodHasBody() const
{
    return m_method != "GET" && m_method != "HEAD";
}

void RequestEditor::setMethod(const QByteArray &method)
{
    m_method = method.trimmed().toUpper();
    const bool body = methodHasBody();
    m_bodyEdit->setEnabled(body);
    m_contentTypeEdit->setEnabled(body);
    m_tabs->setTabEnabled(m_tabs->indexOf(m_bodyPage), body);
}

SseReader::Request RequestEditor::request() const
{
    SseReader::Request request;
    request.method = m_method;
    for (int row = 0; row < m_headerTable->rowCount(); ++row) {
        const QTableWidgetItem *name = m_headerTable->item(row, NameColumn);
        const QTableWidgetItem *value = m_headerTable->item(row, ValueColumn);
        const QString headerName = name ? name->text().trimmed() : QString();
        if (headerName.isEmpty())
            continue;
        request.headers.append(
                { headerName.toUtf8(), value ? value->text().toUtf8() : QByteArray() });
    }
    if (methodHasBody()) {
        request.body = m_bodyEdit->toPlainText().toUtf8();
        if (const QString type = m_contentTypeEdit->text().trimmed(); !type.isEmpty())
            request.headers.append({ QByteArrayLiteral("Content-Type"), type.toUtf8() });
    }
    request.lastEventId = m_lastEventIdEdit->text();
    request.ignoreTlsErrors = m_ignoreTlsCheck->isChecked();
    request.idleTimeout = std::chrono::seconds(m_idleTimeoutSpin->value());

    ReconnectPolicy::Settings &policy = request.reconnect;
    policy.mode = ReconnectPolicy::Mode(m_policyCombo->currentData().toInt());
    policy.fixedDelay = std::chrono::milliseconds(m_fixedDelaySpin->value());
    if (m_retryOverrideCheck->isChecked())
        policy.retryOverride = std::chrono::milliseconds(m_retryOverrideSpin->value());
    policy.backoffBase = std::chrono::milliseconds(m_backoffBaseSpin->value());
    policy.backoffCap = std::chrono::milliseconds(m_backoffCapSpin->value());
    policy.jitter = m_jitterSpin->value() / 100.0;
    policy.maxAttempts = m_maxAttemptsSpin->value();
    return request;
}

void RequestEditor::setRequest(const SseReader::Request &request)
{
    {
        const QSignalBlocker blocker(m_headerTable);
        m_headerTable->setRowCount(0);
    }
    QString contentType;
    for (qsizetype index = 0; index < request.headers.size(); ++index) {
        const auto &[name, value] = request.headers.at(index);
        const QString headerName = QString::fromUtf8(name);
        // The Body tab owns Content-Type while there is a body to describe.
        if (isContentType(headerName) && methodHasBody()) {
            contentType = QString::fromUtf8(value);
            continue;
        }
        addHeader(headerName, QString::fromUtf8(value));
        const QSignalBlocker blocker(m_headerTable);
        m_headerTable->item(m_headerTable->rowCount() - 1, NameColumn)
                ->setData(HeaderIndexRole, index);
    }
    m_contentTypeEdit->setText(contentType);
    m_bodyEdit->setPlainText(QString::fromUtf8(request.body));
    m_lastEventIdEdit->setText(request.lastEventId);
    m_ignoreTlsCheck->setChecked(request.ignoreTlsErrors);
    m_idleTimeoutSpin->setValue(
            int(std::chrono::duration_cast<std::chrono::seconds>(request.idleTimeout).count()));

    const ReconnectPolicy::Settings &policy = request.reconnect;
    m_policyCombo->setCurrentIndex(qMax(0, m_policyCombo->findData(int(policy.mode))));
    m_fixedDelaySpin->setValue(int(policy.fixedDelay.count()));
    m_retryOverrideCheck->setChecked(policy.retryOverride.has_value());
    if (policy.retryOverride)
        m_retryOverrideSpin->setValue(int(policy.retryOverride->count()));
    m_backoffBaseSpin->setValue(int(policy.backoffBase.count()));
    m_backoffCapSpin->setValue(int(policy.backoffCap.count()));
    m_jitterSpin->setValue(qRound(policy.jitter * 100));
    m_maxAttemptsSpin->setValue(policy.maxAttempts);
    updatePolicyFields();
    updateUnsavedSecrets();
}

StreamRequestJson::Options RequestEditor::sessionOptions() const
{
    // Indexes as request() numbers its headers: rows with a name, in table order.
    StreamRequestJson::Options options;
    qsizetype index = 0;
    for (int row = 0; row < m_headerTable->rowCount(); ++row) {
        const QTableWidgetItem *name = m_headerTable->item(row, NameColumn);
        const QTableWidgetItem *save = m_headerTable->item(row, SaveColumn);
        if (!name || name->text().trimmed().isEmpty())
            continue;
        if (isSecretHeader(name->text()) && save && save->checkState() == Qt::Checked)
            options.keptSecretHeaders << index;
        ++index;
    }
    return options;
}

QVariantMap RequestEditor::saveState() const
{
    // The Save ticks are kept apart from the values: a header that only a later version counts
    // as secret must not come back with Save ticked just because its value was written.
    QVariantList saved;
    for (const qsizetype index : sessionOptions().keptSecretHeaders)
        saved << index;
    QVariantMap state { { u"savedSecrets"_s, saved },
                        { u"proxy"_s, proxySetting().toVariantMap() } };
    // request() sends no body for GET, but what the user typed on the Body tab stays a draft.
    if (!methodHasBody()) {
        if (const QString body = m_bodyEdit->toPlainText(); !body.isEmpty())
            state.insert(u"draftBody"_s, body);
        if (const QString type = m_contentTypeEdit->text(); !type.isEmpty())
            state.insert(u"draftContentType"_s, type);
    }
    return state;
}

void RequestEditor::restoreState(const QVariantMap &state, const QList<qsizetype> &unsavedSecrets)
{
    QList<qsizetype> saved;
    for (const QVariant &index : state.value(u"savedSecrets"_s).toList())
        saved << index.toLongLong();
    for (int row = 0; row < m_headerTable->rowCount(); ++row) {
        const QTableWidgetItem *name = m_headerTable->item(row, NameColumn);
        QTableWidgetItem *save = m_headerTable->item(row, SaveColumn);
        const QVariant index = name ? name->data(HeaderIndexRole) : QVariant();
        if (!index.isValid() || !save)
            continue;
        if (saved.contains(index.toLongLong()) && (save->flags() & Qt::ItemIsUserCheckable)) {
            const QSignalBlocker blocker(m_headerTable);
            save->setCheckState(Qt::Checked);
        }
        if (unsavedSecrets.contains(index.toLongLong()))
            markValueNotSaved(row);
    }
    if (!methodHasBody()) {
        if (state.contains(u"draftBody"_s))
            m_bodyEdit->setPlainText(state.value(u"draftBody"_s).toString());
        if (state.contains(u"draftContentType"_s))
            m_contentTypeEdit->setText(state.value(u"draftContentType"_s).toString());
    }
    // Sessions from before the proxy choice have none: the System default.
    setProxySetting(ProxySetting::fromVariantMap(state.value(u"proxy"_s).toMap()));
    m_unsavedSecretsWarned = false;
    updateUnsavedSecrets();
}

void RequestEditor::restoreVersion1State(const QVariantMap &state)
{
    {
        const QSignalBlocker blocker(m_headerTable);
        m_headerTable->setRowCount(0);
    }
    for (const QVariant &entry : state.value(u"headers"_s).toList()) {
        const QVariantMap header = entry.toMap();
        const QString name = header.value(u"name"_s).toString();
        if (name.isEmpty())
            continue;
        addHeader(name, header.value(u"value"_s).toString(), header.value(u"save"_s).toBool());
        if (isSecretHeader(name) && !header.contains(u"value"_s))
            markValueNotSaved(m_headerTable->rowCount() - 1);
    }
    m_bodyEdit->setPlainText(state.value(u"body"_s).toString());
    m_contentTypeEdit->setText(state.value(u"contentType"_s).toString());
    m_lastEventIdEdit->setText(state.value(u"lastEventId"_s).toString());
    const ReconnectPolicy::Settings defaults;
    const auto mode = ReconnectPolicy::modeFromName(state.value(u"policy"_s).toString())
                              .value_or(defaults.mode);
    m_policyCombo->setCurrentIndex(qMax(0, m_policyCombo->findData(int(mode))));
    const auto number = [&state](const QString &key, qint64 fallback) {
        bool ok = false;
        const qint64 value = state.value(key).toLongLong(&ok);
        return ok ? value : fallback;
    };
    m_fixedDelaySpin->setValue(int(number(u"fixedDelayMs"_s, defaults.fixedDelay.count())));
    const qint64 override = number(u"retryOverrideMs"_s, -1);
    m_retryOverrideCheck->setChecked(override >= 0);
    if (override >= 0)
        m_retryOverrideSpin->setValue(int(override));
    m_backoffBaseSpin->setValue(int(number(u"backoffBaseMs"_s, defaults.backoffBase.count())));
    m_backoffCapSpin->setValue(int(number(u"backoffCapMs"_s, defaults.backoffCap.count())));
    m_jitterSpin->setValue(int(number(u"jitterPercent"_s, qRound(defaults.jitter * 100))));
    m_maxAttemptsSpin->setValue(int(number(u"maxAttempts"_s, defaults.maxAttempts)));
    m_idleTimeoutSpin->setValue(int(number(u"idleTimeoutS"_s, 0)));
    m_ignoreTlsCheck->setChecked(state.value(u"ignoreTlsErrors"_s).toBool());
    updatePolicyFields();
    m_unsavedSecretsWarned = false;
    updateUnsavedSecrets();
}

void RequestEditor::updatePolicyFields()
{
    const auto mode = ReconnectPolicy::Mode(m_policyCombo->currentData().toInt());
    const bool browserOrFixed =
            mode == ReconnectPolicy::Mode::Browser || mode == ReconnectPolicy::Mode::Fixed;
    const bool backoff = mode == ReconnectPolicy::Mode::Backoff;
    const bool reconnects = mode != ReconnectPolicy::Mode::Off;
    m_retryOverrideCheck->setEnabled(browserOrFixed);
    m_retryOverrideSpin->setEnabled(browserOrFixed && m_retryOverrideCheck->isChecked());
    m_fixedDelayLabel->setEnabled(browserOrFixed);
    m_fixedDelaySpin->setEnabled(browserOrFixed);
    m_backoffBaseLabel->setEnabled(backoff);
    m_backoffBaseSpin->setEnabled(backoff);
    m_backoffCapLabel->setEnabled(backoff);
    m_backoffCapSpin->setEnabled(backoff);
    m_jitterLabel->setEnabled(backoff);
    m_jitterSpin->setEnabled(backoff);
    m_maxAttemptsLabel->setEnabled(reconnects);
    m_maxAttemptsSpin->setEnabled(reconnects);

    switch (mode) {
    case ReconnectPolicy::Mode::Browser:
        m_policyHint->setText(tr("Like a browser's EventSource: waits the server's retry: value, "
                                 "else the default delay; HTTP errors stop the stream."));
        break;
    case ReconnectPolicy::Mode::Fixed:
        m_policyHint->setText(tr("Always waits the fixed delay (ignores retry:); also retries "
                                 "HTTP 5xx and 429."));
        break;
    case ReconnectPolicy::Mode::Backoff:
        m_policyHint->setText(tr("Doubles the wait after each failure up to the cap, with random "
                                 "jitter; honours Retry-After on 5xx and 429."));
        break;
    case ReconnectPolicy::Mode::Off:
        m_policyHint->setText(tr("Never reconnects: the first failure closes the stream."));
        break;
    }
}

void RequestEditor::retranslateUi()
{
    m_whenNote->setText(tr("Reconnection settings and the idle timeout apply to a running stream "
                           "at once; headers, body and method from the next Connect."));
    m_tabs->setTabText(m_tabs->indexOf(m_headersPage), tr("Headers"));
    m_tabs->setTabText(m_tabs->indexOf(m_bodyPage), tr("Body"));
    m_tabs->setTabText(m_tabs->indexOf(m_reconnectPage), tr("Reconnect"));
    m_tabs->setTabText(m_tabs->indexOf(m_proxyPage), tr("Proxy"));

    m_headerTable->setHorizontalHeaderLabels(
            { tr("Name", "HTTP header"), tr("Value", "HTTP header"),
              //: Column of checkboxes: keep a secret header's value in the saved session
              tr("Save") });
    m_headerTable->horizontalHeaderItem(SaveColumn)
            ->setToolTip(tr("Keep this secret value when the session is saved"));
    m_addHeaderButton->setToolTip(tr("Add a header"));
    m_removeHeaderButton->setToolTip(tr("Remove the selected headers"));
    m_revealCheck->setText(tr("Show secret values"));
    m_headersHint->setText(tr("Values of Authorization, Cookie, API key and token headers are "
                              "hidden and not saved unless you tick Save."));
    updateUnsavedSecrets();
    m_lastEventIdLabel->setText(tr("Initial &Last-Event-ID:"));
    m_lastEventIdEdit->setPlaceholderText(tr("none"));
    m_lastEventIdEdit->setToolTip(tr("Sent with the first connection, as if resuming a stream"));

    m_contentTypeLabel->setText(tr("Content-&Type:"));
    m_bodyEdit->setPlaceholderText(tr("Request body, sent again with every reconnect"));
    m_bodyHint->setText(tr("A browser's EventSource can only send GET; other methods are for "
                           "servers that stream a POST response the same way."));

    m_policyLabel->setText(tr("&Policy:", "reconnection policy"));
    m_policyCombo->setItemText(0, tr("Browser (spec default)"));
    m_policyCombo->setItemText(1, tr("Fixed interval"));
    m_policyCombo->setItemText(2, tr("Exponential backoff"));
    m_policyCombo->setItemText(3, tr("Off (never reconnect)"));
    m_retryOverrideCheck->setText(tr("Override retry:"));
    m_retryOverrideCheck->setToolTip(tr("Use this delay instead of the server's retry: value"));
    const QString ms = tr(" ms", "milliseconds suffix");
    m_retryOverrideSpin->setSuffix(ms);
    m_fixedDelayLabel->setText(tr("Default/fixed delay:"));
    m_fixedDelaySpin->setSuffix(ms);
    m_backoffBaseLabel->setText(tr("Backoff base:"));
    m_backoffBaseSpin->setSuffix(ms);
    m_backoffCapLabel->setText(tr("Backoff cap:"));
    m_backoffCapSpin->setSuffix(ms);
    m_jitterLabel->setText(tr("Jitter:"));
    m_maxAttemptsLabel->setText(tr("Max attempts:"));
    m_maxAttemptsSpin->setSpecialValueText(tr("Unlimited"));
    m_idleTimeoutLabel->setText(tr("Idle timeout:"));
    m_idleTimeoutSpin->setSuffix(tr(" s", "seconds suffix"));
    m_idleTimeoutSpin->setSpecialValueText(tr("Off"));
    m_idleTimeoutSpin->setToolTip(
            tr("Treat the connection as dead when no bytes arrive for this long"));
    m_ignoreTlsCheck->setText(tr("Ignore TLS errors (insecure)"));
    m_ignoreTlsCheck->setToolTip(
            tr("Accept invalid, expired or self-signed certificates. "
               "Anyone on the network path could read and change the stream."));
    m_ignoreTlsWarning->setText(tr("Insecure: certificate errors are ignored for this stream."));
    updatePolicyFields();

    m_proxySystemRadio->setText(tr("&System proxy settings (default)"));
    m_proxySystemRadio->setToolTip(
            tr("The desktop's proxy settings, or the http_proxy, https_proxy and no_proxy "
               "environment variables"));
    m_proxyNoneRadio->setText(tr("&No proxy"));
    m_proxyFaultRadio->setToolTip(
            tr("Through SSE Scope's own fault proxy (Tools → Fault Proxy…), so faults you apply "
               "there break the real connection and the server sees them too"));
    m_proxyCustomRadio->setText(tr("C&ustom:"));
    m_proxyUrlEdit->setToolTip(tr("http://[user@]host:port or socks5://host:port"));
    m_proxyPasswordLabel->setText(tr("Pass&word:"));
    m_proxyPasswordEdit->setToolTip(tr("The proxy's password; it is not saved with the session"));
    m_proxyHint->setText(tr("Loopback hosts (localhost, 127.0.0.1, ::1) never go through the "
                            "system proxy. https:// streams go through a proxy with CONNECT: TLS "
                            "stays end to end and is verified as usual."));
    updateProxyFields();
}

void RequestEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}
