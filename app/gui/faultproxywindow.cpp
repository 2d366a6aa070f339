// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "faultproxywindow.h"

#include <algorithm>
#include <limits>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMetaEnum>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "faulttext.h"
#include "proxyconnectionmodel.h"
#include "theme.h"

using namespace Qt::StringLiterals;

namespace {
using Endpoint = FaultProxyController::Endpoint;
constexpr int EndpointRole = Qt::UserRole + 1; // on target items and fault items; -1 = all
constexpr int IdRole = Qt::UserRole + 2;
const QColor ErrorColour(0xc6, 0x28, 0x28);

// Every parameter key any kind reads, in the order the form shows them.
QList<QLatin1StringView> allParameterKeys()
{
    QList<QLatin1StringView> keys;
    const QMetaEnum kinds = QMetaEnum::fromType<ProxyFault::Kind>();
    for (int i = 0; i < kinds.keyCount(); ++i) {
        for (const auto &range : ProxyFault::parameterRanges(ProxyFault::Kind(kinds.value(i)))) {
            if (!keys.contains(range.key))
                keys.append(range.key);
        }
    }
    return keys;
}

// What the form starts with: values that show the fault clearly on a one-event-per-second
// stream. Slicer's 10 ms is the control API's own default.
int defaultValue(QLatin1StringView key)
{
    if (key == "latencyMs"_L1)
        return 500;
    if (key == "bytesPerSecond"_L1)
        return 1024;
    if (key == "maxPieceBytes"_L1)
        return 1;
    if (key == "delayMs"_L1)
        return 10;
    if (key == "bytes"_L1)
        return 1024;
    if (key == "durationMs"_L1)
        return 5000;
    return 0;
}

bool hasDirection(ProxyFault::Kind kind)
{
    return kind != ProxyFault::Kind::Down && kind != ProxyFault::Kind::Cut
            && kind != ProxyFault::Kind::Reset && kind != ProxyFault::Kind::CutMidEvent;
}
} // namespace

FaultProxyWindow::FaultProxyWindow(FaultProxyController *controller, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_controller(controller)
    , m_model(new ProxyConnectionModel(this))
{
    setObjectName(u"faultProxyWindow"_s);
    m_model->setClientLabeler([this](int source, int id) {
        const QString label = m_controller->clientLabel(Endpoint(source), id);
        return label.isEmpty() ? QString() : tr("SSE Scope tab “%1”").arg(label);
    });
    m_model->setSourceLabeler([](int source) {
        return Endpoint(source) == Endpoint::DemoRelay ? tr("demo page relay") : QString();
    });
    buildUi();
    for (Endpoint endpoint : { Endpoint::Proxy, Endpoint::DemoRelay }) {
        watch(endpoint);
        FaultProxy *proxy = m_controller->endpoint(endpoint);
        for (const ProxyConnectionInfo &info : proxy->connections())
            m_model->upsert(int(endpoint), info);
    }
    connect(m_controller, &FaultProxyController::runningChanged, this, [this](bool running) {
        if (!running)
            m_model->closeAll(int(Endpoint::Proxy), tr("the proxy stopped"));
        updateStatus();
        updateTargets();
        updateFaultList();
    });
    connect(m_controller, &FaultProxyController::demoRelayChanged, this, [this](bool running) {
        if (!running)
            m_model->closeAll(int(Endpoint::DemoRelay), tr("the relay stopped"));
        updateStatus();
        updateTargets();
        updateFaultList();
    });
    connect(m_controller, &FaultProxyController::clientConnectionChanged, this, [this] {
        m_model->refreshClientLabels();
        updateTargets();
    });
    retranslateUi();
    resize(1100, 720);
}

FaultProxyWindow::~FaultProxyWindow() = default;

void FaultProxyWindow::buildUi()
{
    auto *layout = new QVBoxLayout(this);

    // The address and how to use it.
    auto *addressRow = new QHBoxLayout;
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(u"statusLabel"_s);
    m_statusLabel->setTextFormat(Qt::PlainText);
    QFont bold = m_statusLabel->font();
    bold.setBold(true);
    m_statusLabel->setFont(bold);
    m_addressEdit = new QLineEdit(this);
    m_addressEdit->setObjectName(u"addressEdit"_s);
    m_addressEdit->setReadOnly(true);
    m_addressEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_addressEdit->setMaximumWidth(fontMetrics().horizontalAdvance(u"255.255.255.255:65535"_s)
                                   + 24);
    m_copyButton = new QToolButton(this);
    m_copyButton->setObjectName(u"copyButton"_s);
    m_copyButton->setPopupMode(QToolButton::MenuButtonPopup);
    m_copyMenu = new QMenu(m_copyButton);
    m_copyButton->setMenu(m_copyMenu);
    connect(m_copyMenu, &QMenu::aboutToShow, this, [this] {
        m_copyMenu->clear();
        for (const QString &form : copyForms()) {
            QAction *action = m_copyMenu->addAction(form);
            connect(action, &QAction::triggered, this,
                    [form] { QGuiApplication::clipboard()->setText(form); });
        }
    });
    connect(m_copyButton, &QToolButton::clicked, this, [this] {
        const QStringList forms = copyForms();
        if (!forms.isEmpty())
            QGuiApplication::clipboard()->setText(forms.constFirst());
    });
    m_portLabel = new QLabel(this);
    m_portSpin = new QSpinBox(this);
    m_portSpin->setObjectName(u"portSpin"_s);
    m_portSpin->setRange(0, 65535);
    m_portSpin->setValue(m_controller->configuredPort());
    m_portLabel->setBuddy(m_portSpin);
    connect(m_portSpin, &QSpinBox::valueChanged, this, [this](int port) {
        m_controller->setConfiguredPort(quint16(port));
        m_controller->saveSettings();
    });
    m_startStopButton = new QPushButton(this);
    m_startStopButton->setObjectName(u"startStopButton"_s);
    connect(m_startStopButton, &QPushButton::clicked, this, [this] {
        if (m_controller->isRunning())
            m_controller->stop();
        else
            m_controller->start();
        updateStatus();
    });
    addressRow->addWidget(m_statusLabel);
    addressRow->addWidget(m_addressEdit);
    addressRow->addWidget(m_copyButton);
    addressRow->addStretch(1);
    addressRow->addWidget(m_portLabel);
    addressRow->addWidget(m_portSpin);
    addressRow->addWidget(m_startStopButton);
    layout->addLayout(addressRow);
    m_usageLabel = new QLabel(this);
    m_usageLabel->setObjectName(u"usageLabel"_s);
    m_usageLabel->setTextFormat(Qt::PlainText);
    m_usageLabel->setWordWrap(true);
    m_usageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_usageLabel->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_usageLabel);

    // The connections, live.
    m_connectionsGroup = new QGroupBox(this);
    auto *connectionsLayout = new QVBoxLayout(m_connectionsGroup);
    m_connectionView = new QTableView(m_connectionsGroup);
    m_connectionView->setObjectName(u"connectionView"_s);
    m_connectionView->setModel(m_model);
    m_connectionView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_connectionView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_connectionView->setWordWrap(false);
    m_connectionView->setAlternatingRowColors(true);
    m_connectionView->verticalHeader()->hide();
    m_connectionView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_connectionView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    QHeaderView *header = m_connectionView->horizontalHeader();
    header->setStretchLastSection(true);
    const int digit = fontMetrics().horizontalAdvance(u'0');
    // Fixed widths, never ResizeToContents: the rows change four times a second.
    header->resizeSection(ProxyConnectionModel::IdColumn, digit * 4);
    header->resizeSection(ProxyConnectionModel::ClientColumn, digit * 40);
    header->resizeSection(ProxyConnectionModel::TargetColumn, digit * 30);
    header->resizeSection(ProxyConnectionModel::ModeColumn, digit * 8);
    header->resizeSection(ProxyConnectionModel::StateColumn, digit * 12);
    header->resizeSection(ProxyConnectionModel::DownstreamColumn, digit * 10);
    header->resizeSection(ProxyConnectionModel::UpstreamColumn, digit * 10);
    header->resizeSection(ProxyConnectionModel::OpenedColumn, digit * 9);
    connectionsLayout->addWidget(m_connectionView, 1);
    auto *connectionButtons = new QHBoxLayout;
    m_clearClosedButton = new QPushButton(m_connectionsGroup);
    m_clearClosedButton->setObjectName(u"clearClosedButton"_s);
    connect(m_clearClosedButton, &QPushButton::clicked, m_model,
            &ProxyConnectionModel::clearClosed);
    connectionButtons->addStretch(1);
    connectionButtons->addWidget(m_clearClosedButton);
    connectionsLayout->addLayout(connectionButtons);
    // Choosing a row makes it the fault's target.
    connect(m_connectionView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid()
                    || current.data(ProxyConnectionModel::StateRole).toInt()
                            == int(ProxyConnectionInfo::State::Closed))
                    return;
                const auto source = current.data(ProxyConnectionModel::SourceRole).toInt();
                const int id = current.data(ProxyConnectionModel::ConnectionIdRole).toInt();
                for (int i = 0; i < m_targetCombo->count(); ++i) {
                    if (m_targetCombo->itemData(i, EndpointRole).toInt() == source
                        && m_targetCombo->itemData(i, IdRole).toInt() == id
                        && m_targetCombo->isEnabled())
                        m_targetCombo->setCurrentIndex(i);
                }
            });

    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QHBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);

    // One fault: kind, its parameters (with the library's limits), direction, target.
    m_applyGroup = new QGroupBox(bottom);
    m_applyForm = new QFormLayout(m_applyGroup);
    m_applyForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_kindLabel = new QLabel(m_applyGroup);
    m_kindCombo = new QComboBox(m_applyGroup);
    m_kindCombo->setObjectName(u"kindCombo"_s);
    const QMetaEnum kinds = QMetaEnum::fromType<ProxyFault::Kind>();
    for (int i = 0; i < kinds.keyCount(); ++i)
        m_kindCombo->addItem(QString(), kinds.value(i));
    m_kindLabel->setBuddy(m_kindCombo);
    m_applyForm->addRow(m_kindLabel, m_kindCombo);
    m_kindHelp = new QLabel(m_applyGroup);
    m_kindHelp->setObjectName(u"kindHelp"_s);
    m_kindHelp->setWordWrap(true);
    m_kindHelp->setForegroundRole(QPalette::PlaceholderText);
    m_kindHelp->setMinimumWidth(320);
    m_applyForm->addRow(m_kindHelp);
    for (QLatin1StringView key : allParameterKeys()) {
        auto *label = new QLabel(m_applyGroup);
        auto *spin = new QSpinBox(m_applyGroup);
        spin->setObjectName(u"parameter_"_s + QString(key));
        // Wide open until a kind is chosen (updateFaultFields()), so the defaults fit.
        spin->setRange(0, std::numeric_limits<int>::max());
        spin->setAccelerated(true);
        spin->setGroupSeparatorShown(true);
        spin->setMinimumWidth(digit * 14);
        label->setBuddy(spin);
        m_applyForm->addRow(label, spin);
        m_parameterSpins.insert(QString(key), spin);
        m_parameterLabels.insert(QString(key), label);
    }
    m_directionLabel = new QLabel(m_applyGroup);
    m_directionCombo = new QComboBox(m_applyGroup);
    m_directionCombo->setObjectName(u"directionCombo"_s);
    for (auto direction : { ProxyFault::Direction::Downstream, ProxyFault::Direction::Upstream,
                            ProxyFault::Direction::Both })
        m_directionCombo->addItem(QString(), int(direction));
    m_directionLabel->setBuddy(m_directionCombo);
    m_applyForm->addRow(m_directionLabel, m_directionCombo);
    m_targetLabel = new QLabel(m_applyGroup);
    m_targetCombo = new QComboBox(m_applyGroup);
    m_targetCombo->setObjectName(u"targetCombo"_s);
    m_targetCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_targetCombo->setMinimumContentsLength(36);
    m_targetLabel->setBuddy(m_targetCombo);
    m_applyForm->addRow(m_targetLabel, m_targetCombo);
    m_applyButton = new QPushButton(m_applyGroup);
    m_applyButton->setObjectName(u"applyButton"_s);
    m_applyButton->setDefault(true);
    m_applyForm->addRow(m_applyButton);
    m_resultLabel = new QLabel(m_applyGroup);
    m_resultLabel->setObjectName(u"resultLabel"_s);
    m_resultLabel->setTextFormat(Qt::PlainText);
    m_resultLabel->setWordWrap(true);
    m_applyForm->addRow(m_resultLabel);
    connect(m_kindCombo, &QComboBox::currentIndexChanged, this,
            &FaultProxyWindow::updateFaultFields);
    connect(m_applyButton, &QPushButton::clicked, this, &FaultProxyWindow::applyCurrentFault);
    bottomLayout->addWidget(m_applyGroup, 0);

    // The faults in force.
    m_faultsGroup = new QGroupBox(bottom);
    auto *faultsLayout = new QVBoxLayout(m_faultsGroup);
    m_faultList = new QListWidget(m_faultsGroup);
    m_faultList->setObjectName(u"faultList"_s);
    m_faultList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // As tall as the fault form beside it, no taller: the connection list needs the room.
    m_faultList->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    faultsLayout->addWidget(m_faultList, 1);
    auto *faultButtons = new QHBoxLayout;
    m_removeButton = new QPushButton(m_faultsGroup);
    m_removeButton->setObjectName(u"removeFaultButton"_s);
    m_removeAllButton = new QPushButton(m_faultsGroup);
    m_removeAllButton->setObjectName(u"removeAllFaultsButton"_s);
    faultButtons->addWidget(m_removeButton);
    faultButtons->addWidget(m_removeAllButton);
    faultButtons->addStretch(1);
    faultsLayout->addLayout(faultButtons);
    connect(m_removeButton, &QPushButton::clicked, this, &FaultProxyWindow::removeSelectedFaults);
    connect(m_removeAllButton, &QPushButton::clicked, m_controller,
            &FaultProxyController::clearFaults);
    connect(m_faultList, &QListWidget::itemSelectionChanged, this,
            [this] { m_removeButton->setEnabled(!m_faultList->selectedItems().isEmpty()); });
    bottomLayout->addWidget(m_faultsGroup, 1);

    // The live list gets what the fault form leaves.
    layout->addWidget(m_connectionsGroup, 1);
    layout->addWidget(bottom, 0);

    for (QLatin1StringView key : allParameterKeys())
        m_parameterSpins.value(QString(key))->setValue(defaultValue(key));
    updateFaultFields();
}

void FaultProxyWindow::watch(Endpoint endpoint)
{
    FaultProxy *proxy = m_controller->endpoint(endpoint);
    const int source = int(endpoint);
    connect(proxy, &FaultProxy::connectionOpened, this,
            [this, source](const ProxyConnectionInfo &info) {
                m_model->upsert(source, info);
                updateTargets();
            });
    connect(proxy, &FaultProxy::connectionChanged, this,
            [this, source](const ProxyConnectionInfo &info) { m_model->upsert(source, info); });
    connect(proxy, &FaultProxy::connectionClosed, this,
            [this, source](const ProxyConnectionInfo &info) {
                m_model->upsert(source, info);
                updateTargets();
            });
    connect(proxy, &FaultProxy::connectionsUpdated, this,
            [this, source](const QList<ProxyConnectionInfo> &connections) {
                m_model->updateTraffic(source, connections);
            });
    connect(proxy, &FaultProxy::faultsChanged, this, &FaultProxyWindow::updateFaultList);
    connect(proxy, &FaultProxy::downChanged, this, &FaultProxyWindow::updateStatus);
}

QStringList FaultProxyWindow::copyForms() const
{
    const QString address = m_controller->address();
    if (address.isEmpty())
        return {};
    const QString proxyUrl = u"http://"_s + address;
    QUrl example = m_controller->demoStreamUrl();
    if (example.isEmpty())
        example = QUrl(u"http://127.0.0.1:8080/stream"_s);
    return {
        address,
        u"http_proxy=%1 https_proxy=%1"_s.arg(proxyUrl),
        u"curl -N -x %1 %2"_s.arg(proxyUrl, example.toString()),
        // Chromium sends loopback hosts direct unless told otherwise, and joins a running
        // instance (ignoring these flags) unless it gets a profile of its own.
        u"chromium --proxy-server=%1 --proxy-bypass-list='<-loopback>' "
        "--user-data-dir=$(mktemp -d)"_s.arg(proxyUrl),
    };
}

void FaultProxyWindow::updateStatus()
{
    FaultProxy *proxy = m_controller->proxy();
    const QString address = m_controller->address();
    QPalette palette = m_statusLabel->palette();
    palette.setColor(QPalette::WindowText, this->palette().color(QPalette::WindowText));
    if (proxy->isRunning() && proxy->isDown()) {
        m_statusLabel->setText(tr("Down: refusing new connections on"));
        palette.setColor(QPalette::WindowText, ErrorColour);
    } else if (proxy->isRunning()) {
        m_statusLabel->setText(tr("Listening on"));
        palette.setColor(QPalette::WindowText,
                         Theme::stateColor(SseReader::State::Open).darker(120));
    } else if (!m_controller->errorString().isEmpty()) {
        m_statusLabel->setText(tr("Could not start: %1").arg(m_controller->errorString()));
        palette.setColor(QPalette::WindowText, ErrorColour);
    } else {
        m_statusLabel->setText(tr("Stopped"));
    }
    m_statusLabel->setPalette(palette);
    m_addressEdit->setText(address);
    m_addressEdit->setVisible(!address.isEmpty());
    m_copyButton->setEnabled(!address.isEmpty());
    m_startStopButton->setText(proxy->isRunning() ? tr("S&top") : tr("&Start"));
    m_portSpin->setEnabled(!proxy->isRunning());
    const QStringList forms = copyForms();
    if (forms.size() >= 3) {
        m_usageLabel->setText(tr("Point any client at it, e.g. %1 — or turn on “Via fault proxy” "
                                 "in a tab. The demo page can use it too: Tools → Open Demo Page "
                                 "Through Fault Proxy.")
                                      .arg(forms.at(2)));
    } else {
        m_usageLabel->setText(tr("The proxy listens on 127.0.0.1 only. Port 0 picks a free one."));
    }
    m_applyButton->setEnabled(proxy->isRunning() || m_controller->demoRelay()->isRunning());
}

void FaultProxyWindow::updateFaultFields()
{
    const auto kind = ProxyFault::Kind(m_kindCombo->currentData().toInt());
    QList<QString> used;
    for (const ProxyFault::ParameterRange &range : ProxyFault::parameterRanges(kind)) {
        QSpinBox *spin = m_parameterSpins.value(QString(range.key));
        // A QSpinBox holds an int; the library allows more for byte counts than anyone types.
        spin->setRange(int(range.minimum),
                       int(std::min<qint64>(range.maximum, std::numeric_limits<int>::max())));
        used << QString(range.key);
    }
    for (auto it = m_parameterSpins.cbegin(); it != m_parameterSpins.cend(); ++it)
        m_applyForm->setRowVisible(it.value(), used.contains(it.key()));
    for (auto it = m_parameterLabels.cbegin(); it != m_parameterLabels.cend(); ++it)
        it.value()->setText(
                FaultText::parameterLabel(kind, QLatin1StringView(it.key().toLatin1())));
    m_kindHelp->setText(FaultText::kindHelp(kind));

    const bool direction = hasDirection(kind);
    if (!direction)
        m_directionCombo->setCurrentIndex(0); // Down, Cut and Reset: unused; CutMidEvent: down
    m_directionCombo->setEnabled(direction);
    m_directionLabel->setEnabled(direction);
    // Down closes the listener, which serves every client alike.
    const bool down = kind == ProxyFault::Kind::Down;
    if (down)
        m_targetCombo->setCurrentIndex(0);
    m_targetCombo->setEnabled(!down);
    if (kind == ProxyFault::Kind::Cut)
        m_applyButton->setText(tr("Cut Now"));
    else if (kind == ProxyFault::Kind::Reset)
        m_applyButton->setText(tr("Reset Now"));
    else
        m_applyButton->setText(tr("&Apply"));
}

void FaultProxyWindow::updateTargets()
{
    const int previousEndpoint = m_targetCombo->currentData(EndpointRole).toInt();
    const int previousId = m_targetCombo->currentData(IdRole).toInt();
    const QSignalBlocker blocker(m_targetCombo);
    m_targetCombo->clear();
    m_targetCombo->addItem(m_controller->demoRelay()->isRunning()
                                   ? tr("All connections (proxy and demo page relay)")
                                   : tr("All connections"));
    m_targetCombo->setItemData(0, -1, EndpointRole);
    m_targetCombo->setItemData(0, 0, IdRole);
    for (Endpoint endpoint : { Endpoint::Proxy, Endpoint::DemoRelay }) {
        for (const ProxyConnectionInfo &info : m_controller->endpoint(endpoint)->connections()) {
            const QString target = info.mode == ProxyConnectionInfo::Mode::HttpForward
                    ? QUrl(info.target).toDisplayString()
                    : info.target;
            QString text = endpoint == Endpoint::DemoRelay
                    ? tr("Demo page relay #%1: %2").arg(info.id).arg(target)
                    : tr("#%1: %2").arg(info.id).arg(target);
            if (const QString label = m_controller->clientLabel(endpoint, info.id);
                !label.isEmpty())
                text += tr(" (SSE Scope tab)");
            const int index = m_targetCombo->count();
            m_targetCombo->addItem(text);
            m_targetCombo->setItemData(index, int(endpoint), EndpointRole);
            m_targetCombo->setItemData(index, info.id, IdRole);
            if (int(endpoint) == previousEndpoint && info.id == previousId)
                m_targetCombo->setCurrentIndex(index);
        }
    }
}

void FaultProxyWindow::updateFaultList()
{
    m_faultList->clear();
    for (Endpoint endpoint : { Endpoint::Proxy, Endpoint::DemoRelay }) {
        for (const ProxyFault &fault : m_controller->endpoint(endpoint)->faults()) {
            const QString text = endpoint == Endpoint::DemoRelay
                    ? tr("Demo page relay: %1").arg(FaultText::describe(fault))
                    : FaultText::describe(fault);
            auto *item = new QListWidgetItem(text, m_faultList);
            item->setData(EndpointRole, int(endpoint));
            item->setData(IdRole, fault.id);
            item->setToolTip(Theme::plainToolTip(FaultText::kindHelp(fault.kind)));
        }
    }
    m_removeButton->setEnabled(false);
    m_removeAllButton->setEnabled(m_faultList->count() > 0);
}

void FaultProxyWindow::removeSelectedFaults()
{
    const QList<QListWidgetItem *> items = m_faultList->selectedItems();
    QList<std::pair<Endpoint, int>> faults;
    for (const QListWidgetItem *item : items)
        faults.append({ Endpoint(item->data(EndpointRole).toInt()), item->data(IdRole).toInt() });
    for (const auto &[endpoint, id] : std::as_const(faults))
        m_controller->removeFault(endpoint, id);
}

void FaultProxyWindow::prepareFault(ProxyFault::Kind kind, Endpoint endpoint,
                                    std::optional<int> connectionId)
{
    m_kindCombo->setCurrentIndex(std::max(0, m_kindCombo->findData(int(kind))));
    updateTargets();
    m_targetCombo->setCurrentIndex(0);
    if (connectionId) {
        for (int i = 0; i < m_targetCombo->count(); ++i) {
            if (m_targetCombo->itemData(i, EndpointRole).toInt() == int(endpoint)
                && m_targetCombo->itemData(i, IdRole).toInt() == *connectionId)
                m_targetCombo->setCurrentIndex(i);
        }
    }
    updateFaultFields();
    m_kindCombo->setFocus(Qt::OtherFocusReason);
}

ProxyFault FaultProxyWindow::currentFault() const
{
    ProxyFault fault;
    fault.kind = ProxyFault::Kind(m_kindCombo->currentData().toInt());
    fault.direction = ProxyFault::Direction(m_directionCombo->currentData().toInt());
    if (!hasDirection(fault.kind))
        fault.direction = ProxyFault::Direction::Downstream;
    for (const ProxyFault::ParameterRange &range : ProxyFault::parameterRanges(fault.kind))
        fault.setParameter(range.key, m_parameterSpins.value(QString(range.key))->value());
    fault.connection = m_targetCombo->currentData(EndpointRole).toInt() < 0
            ? ProxyFault::AllConnections
            : m_targetCombo->currentData(IdRole).toInt();
    return fault;
}

std::optional<Endpoint> FaultProxyWindow::targetEndpoint() const
{
    const int endpoint = m_targetCombo->currentData(EndpointRole).toInt();
    return endpoint < 0 ? std::nullopt : std::optional(Endpoint(endpoint));
}

void FaultProxyWindow::applyCurrentFault()
{
    showResult(m_controller->apply(currentFault(), targetEndpoint()));
}

void FaultProxyWindow::showResult(const QList<FaultProxyController::Applied> &results)
{
    m_lastResults = results;
    QStringList lines;
    bool failed = false;
    for (const FaultProxyController::Applied &applied : results) {
        lines << resultMessage(applied);
        failed = failed || !applied.result.isApplied();
    }
    if (results.isEmpty()) {
        lines << tr("Nothing to apply it to: start the proxy first.");
        failed = true;
    }
    QPalette palette = m_resultLabel->palette();
    palette.setColor(QPalette::WindowText,
                     failed ? ErrorColour : this->palette().color(QPalette::WindowText));
    m_resultLabel->setPalette(palette);
    m_resultLabel->setText(lines.join(u'\n'));
}

QString FaultProxyWindow::resultMessage(const FaultProxyController::Applied &applied) const
{
    const FaultProxy::ApplyResult &result = applied.result;
    QString text;
    switch (result.status) {
    case FaultProxy::ApplyResult::Status::Applied:
        if (result.fault.isAction())
            text = tr("%1: acted on %n connection(s).", nullptr, int(result.connections.size()))
                           .arg(FaultText::kindName(result.fault.kind));
        else
            text = tr("In force: %1").arg(FaultText::describe(result.fault));
        break;
    case FaultProxy::ApplyResult::Status::UnknownConnection:
        text = tr("Not applied: connection %1 has closed.").arg(result.fault.connection);
        break;
    case FaultProxy::ApplyResult::Status::NotApplicable:
        text = tr("Not applied: this fault does not fit that connection (%1).").arg(result.error);
        break;
    case FaultProxy::ApplyResult::Status::Invalid:
        text = tr("Not applied: %1").arg(result.error);
        break;
    }
    return applied.endpoint == Endpoint::DemoRelay ? tr("Demo page relay: %1").arg(text) : text;
}

QStringList FaultProxyWindow::faultsInForce() const
{
    QStringList texts;
    for (int i = 0; i < m_faultList->count(); ++i)
        texts << m_faultList->item(i)->text();
    return texts;
}

QString FaultProxyWindow::resultText() const
{
    return m_resultLabel->text();
}

void FaultProxyWindow::retranslateUi()
{
    setWindowTitle(tr("Fault Proxy"));
    m_copyButton->setText(tr("Copy"));
    m_copyButton->setToolTip(tr("Copy the address; the arrow offers http_proxy=…, curl and "
                                "Chromium forms"));
    m_portLabel->setText(tr("&Port:"));
    m_portSpin->setSpecialValueText(tr("Automatic"));
    m_portSpin->setToolTip(tr("The port to listen on when the proxy starts; Automatic picks a "
                              "free one. Always on 127.0.0.1."));
    m_connectionsGroup->setTitle(tr("Connections"));
    m_clearClosedButton->setText(tr("Clear Closed"));
    m_applyGroup->setTitle(tr("Apply a fault"));
    m_kindLabel->setText(tr("&Fault:"));
    for (int i = 0; i < m_kindCombo->count(); ++i)
        m_kindCombo->setItemText(
                i, FaultText::kindName(ProxyFault::Kind(m_kindCombo->itemData(i).toInt())));
    m_directionLabel->setText(tr("&Direction:"));
    for (int i = 0; i < m_directionCombo->count(); ++i)
        m_directionCombo->setItemText(i,
                                      FaultText::directionName(ProxyFault::Direction(
                                              m_directionCombo->itemData(i).toInt())));
    m_targetLabel->setText(tr("&Connection:"));
    for (auto it = m_parameterSpins.cbegin(); it != m_parameterSpins.cend(); ++it) {
        it.value()->setSuffix(FaultText::parameterSuffix(QLatin1StringView(it.key().toLatin1())));
        if (it.key() == u"durationMs"_s)
            it.value()->setSpecialValueText(tr("until removed"));
    }
    m_faultsGroup->setTitle(tr("Faults in force"));
    m_removeButton->setText(tr("&Remove"));
    m_removeAllButton->setText(tr("Remove &All"));
    updateFaultFields();
    updateStatus();
    updateTargets();
    updateFaultList();
    if (!m_lastResults.isEmpty())
        showResult(m_lastResults);
    m_model->retranslate();
}

void FaultProxyWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}
