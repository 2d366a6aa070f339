// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "demoserverdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

DemoServerDialog::DemoServerDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"demoServerDialog"_s);
    buildUi();
    retranslateUi();
    setOptions(DemoServer::Options());
    setMinimumWidth(sizeHint().width() + fontMetrics().averageCharWidth() * 16);
}

DemoServerDialog::~DemoServerDialog() = default;

QSpinBox *DemoServerDialog::addSpin(const char *objectName, DemoOptions::Knob knob)
{
    // The limits are the schema's, so the dialog offers exactly what the server accepts; a knob
    // that can be off gets -1, which shows as its special value text ("Not sent").
    const DemoOptions::Spec &spec = DemoOptions::spec(knob);
    auto *spin = new QSpinBox(this);
    spin->setObjectName(QString::fromLatin1(objectName));
    spin->setRange(spec.canBeOff ? -1 : spec.minimum, spec.maximum);
    spin->setAccelerated(true);
    spin->setGroupSeparatorShown(false);
    return spin;
}

void DemoServerDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(u"demoStatusLabel"_s);
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setWordWrap(true);
    layout->addWidget(m_statusLabel);

    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(m_form);

    m_portSpin = addSpin("portSpin", DemoOptions::Knob::Port);
    m_intervalSpin = addSpin("intervalSpin", DemoOptions::Knob::Interval);
    m_intervalSpin->setSingleStep(50);
    m_burstSpin = addSpin("burstSpin", DemoOptions::Knob::Burst);
    m_payloadCombo = new QComboBox(this);
    m_payloadCombo->setObjectName(u"payloadCombo"_s);
    for (auto payload : { DemoServer::Payload::Timestamp, DemoServer::Payload::JsonCounter,
                          DemoServer::Payload::Tokens, DemoServer::Payload::Large })
        m_payloadCombo->addItem(QString(), int(payload));
    m_payloadBytesSpin = addSpin("payloadBytesSpin", DemoOptions::Knob::PayloadBytes);
    m_eventTypesEdit = new QLineEdit(this);
    m_eventTypesEdit->setObjectName(u"eventTypesEdit"_s);
    m_eventTypesEdit->setClearButtonEnabled(true);
    m_retrySpin = addSpin("retrySpin", DemoOptions::Knob::Retry);
    m_retrySpin->setSingleStep(100);
    m_dropEverySpin = addSpin("dropEverySpin", DemoOptions::Knob::DropEvery);
    m_stallAfterSpin = addSpin("stallAfterSpin", DemoOptions::Knob::StallAfter);
    m_heartbeatSpin = addSpin("heartbeatSpin", DemoOptions::Knob::Heartbeat);
    m_heartbeatSpin->setSingleStep(1000);
    m_statusSpin = addSpin("statusSpin", DemoOptions::Knob::Status);
    m_retryAfterSpin = addSpin("retryAfterSpin", DemoOptions::Knob::RetryAfter);
    m_contentTypeEdit = new QLineEdit(this);
    m_contentTypeEdit->setObjectName(u"contentTypeEdit"_s);

    // Labels are set in retranslateUi(); rows are added once, in this order.
    for (QWidget *field : std::initializer_list<QWidget *> {
                 m_portSpin, m_intervalSpin, m_burstSpin, m_payloadCombo, m_payloadBytesSpin,
                 m_eventTypesEdit, m_retrySpin, m_dropEverySpin, m_stallAfterSpin, m_heartbeatSpin,
                 m_statusSpin, m_retryAfterSpin, m_contentTypeEdit })
        m_form->addRow(new QLabel(this), field);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply
                                             | QDialogButtonBox::Cancel
                                             | QDialogButtonBox::RestoreDefaults,
                                     this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        emit applied(options());
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            [this] { emit applied(options()); });
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setOptions(DemoServer::Options()); });
    connect(m_payloadCombo, &QComboBox::currentIndexChanged, this,
            &DemoServerDialog::updateEnabled);
    connect(m_statusSpin, &QSpinBox::valueChanged, this, &DemoServerDialog::updateEnabled);
}

void DemoServerDialog::retranslateUi()
{
    setWindowTitle(tr("Demo Server"));
    auto setLabel = [this](QWidget *field, const QString &text) {
        if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(field))) {
            label->setText(text);
            label->setBuddy(field);
        }
    };
    setLabel(m_portSpin, tr("&Port:"));
    m_portSpin->setSpecialValueText(tr("Automatic"));
    m_portSpin->setToolTip(tr("The demo always listens on 127.0.0.1 only."));
    setLabel(m_intervalSpin, tr("&Interval:"));
    m_intervalSpin->setSuffix(tr(" ms"));
    //: Interval 0: an event on every pass of the server's event loop, as fast as possible
    m_intervalSpin->setSpecialValueText(tr("As fast as possible"));
    setLabel(m_burstSpin, tr("Events per &tick:"));
    setLabel(m_payloadCombo, tr("P&ayload:"));
    m_payloadCombo->setItemText(0, tr("Timestamp"));
    m_payloadCombo->setItemText(1, tr("JSON counter"));
    //: Payload that imitates an LLM streaming tokens
    m_payloadCombo->setItemText(2, tr("Tokens"));
    m_payloadCombo->setItemText(3, tr("Large (fixed size)"));
    setLabel(m_payloadBytesSpin, tr("Payload &size:"));
    m_payloadBytesSpin->setSuffix(tr(" bytes"));
    setLabel(m_eventTypesEdit, tr("&Event types:"));
    m_eventTypesEdit->setPlaceholderText(tr("message; a comma list rotates: tick,update"));
    setLabel(m_retrySpin, tr("Send &retry:"));
    m_retrySpin->setSuffix(tr(" ms"));
    m_retrySpin->setSpecialValueText(tr("Not sent"));
    setLabel(m_dropEverySpin, tr("&Drop connection every:"));
    m_dropEverySpin->setSuffix(tr(" events"));
    m_dropEverySpin->setSpecialValueText(tr("Never"));
    setLabel(m_stallAfterSpin, tr("S&tall after:"));
    m_stallAfterSpin->setSuffix(tr(" events"));
    m_stallAfterSpin->setSpecialValueText(tr("Never"));
    m_stallAfterSpin->setToolTip(tr("Keep the connection open but send nothing more, "
                                    "like a stuck proxy"));
    setLabel(m_heartbeatSpin, tr("&Heartbeat comment every:"));
    m_heartbeatSpin->setSuffix(tr(" ms"));
    m_heartbeatSpin->setSpecialValueText(tr("Off"));
    setLabel(m_statusSpin, tr("HTTP st&atus:"));
    setLabel(m_retryAfterSpin, tr("Retry-&After:"));
    m_retryAfterSpin->setSuffix(tr(" s"));
    m_retryAfterSpin->setSpecialValueText(tr("Not sent"));
    m_retryAfterSpin->setToolTip(tr("Sent with a non-200 status"));
    setLabel(m_contentTypeEdit, tr("&Content-Type:"));
    m_buttons->button(QDialogButtonBox::Apply)
            ->setToolTip(tr("Restart the demo server with "
                            "these settings"));
    setServerStatus(m_running, m_streamUrl);
}

void DemoServerDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void DemoServerDialog::updateEnabled()
{
    const auto payload = DemoServer::Payload(m_payloadCombo->currentData().toInt());
    m_payloadBytesSpin->setEnabled(payload == DemoServer::Payload::Large);
    m_retryAfterSpin->setEnabled(m_statusSpin->value() != 200);
}

void DemoServerDialog::setServerStatus(bool running, const QUrl &streamUrl)
{
    m_running = running;
    m_streamUrl = streamUrl;
    m_statusLabel->setText(running ? tr("Running: %1").arg(streamUrl.toString())
                                   : tr("Stopped. Apply starts it."));
}

DemoServer::Options DemoServerDialog::options() const
{
    DemoServer::Options options;
    options.port = quint16(m_portSpin->value());
    options.intervalMs = m_intervalSpin->value();
    options.burst = m_burstSpin->value();
    options.payload = DemoServer::Payload(m_payloadCombo->currentData().toInt());
    options.payloadBytes = m_payloadBytesSpin->value();
    QStringList types = m_eventTypesEdit->text().split(u',', Qt::SkipEmptyParts);
    for (QString &type : types)
        type = type.trimmed();
    types.removeAll(QString());
    options.eventType = types.join(u',');
    options.retryMs = m_retrySpin->value();
    options.dropEvery = m_dropEverySpin->value();
    options.stallAfter = m_stallAfterSpin->value();
    options.heartbeatMs = m_heartbeatSpin->value();
    options.status = m_statusSpin->value();
    options.retryAfterSeconds = m_retryAfterSpin->value();
    const QString contentType = m_contentTypeEdit->text().trimmed();
    options.contentType =
            contentType.isEmpty() ? DemoServer::Options().contentType : contentType.toLatin1();
    options.replayCapacity = m_replayCapacity;
    return options;
}

void DemoServerDialog::setOptions(const DemoServer::Options &options)
{
    m_portSpin->setValue(options.port);
    m_intervalSpin->setValue(options.intervalMs);
    m_burstSpin->setValue(options.burst);
    m_payloadCombo->setCurrentIndex(m_payloadCombo->findData(int(options.payload)));
    m_payloadBytesSpin->setValue(options.payloadBytes);
    m_eventTypesEdit->setText(options.eventType);
    m_retrySpin->setValue(options.retryMs);
    m_dropEverySpin->setValue(options.dropEvery);
    m_stallAfterSpin->setValue(options.stallAfter);
    m_heartbeatSpin->setValue(options.heartbeatMs);
    m_statusSpin->setValue(options.status);
    m_retryAfterSpin->setValue(options.retryAfterSeconds);
    m_contentTypeEdit->setText(QString::fromLatin1(options.contentType));
    m_replayCapacity = options.replayCapacity;
    updateEnabled();
}
