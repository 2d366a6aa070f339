// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "requestbar.h"

#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
const QColor WarningRed(0xd0, 0x33, 0x33);

void paintRed(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, WarningRed);
    label->setPalette(palette);
}
} // namespace

RequestBar::RequestBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"requestBar"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto *bar = new QHBoxLayout;
    bar->setSpacing(4);

    m_methodCombo = new QComboBox(this);
    m_methodCombo->setObjectName(u"methodCombo"_s);
    m_methodCombo->setEditable(true);
    m_methodCombo->setInsertPolicy(QComboBox::NoInsert);
    m_methodCombo->addItems({ u"GET"_s, u"POST"_s, u"PUT"_s, u"PATCH"_s, u"DELETE"_s });
    m_methodCombo->setMinimumContentsLength(6);
    m_methodCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    bar->addWidget(m_methodCombo);

    m_urlCombo = new QComboBox(this);
    m_urlCombo->setObjectName(u"urlCombo"_s);
    m_urlCombo->setEditable(true);
    m_urlCombo->setInsertPolicy(QComboBox::NoInsert);
    m_urlCombo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_urlCombo->setMinimumContentsLength(30);
    m_urlCombo->lineEdit()->setClearButtonEnabled(true);
    auto *completer = new QCompleter(m_urlCombo->model(), m_urlCombo);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    m_urlCombo->setCompleter(completer);
    bar->addWidget(m_urlCombo, 1);

    m_requestToggle = new QToolButton(this);
    m_requestToggle->setObjectName(u"requestToggle"_s);
    m_requestToggle->setCheckable(true);
    m_requestToggle->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addWidget(m_requestToggle);

    // The switch is a checkable button with its own colour while on: a tab whose stream goes
    // through the fault proxy must be told apart at a glance.
    m_viaProxyButton = new QToolButton(this);
    m_viaProxyButton->setObjectName(u"viaFaultProxyButton"_s);
    m_viaProxyButton->setCheckable(true);
    m_viaProxyButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_viaProxyButton->setStyleSheet(
            u"QToolButton#viaFaultProxyButton:checked { background-color: #e8a317; color: black;"
            " border: 1px solid #b07a0c; border-radius: 3px; padding: 2px 6px; }"_s);
    bar->addWidget(m_viaProxyButton);

    m_connectButton = new QPushButton(this);
    m_connectButton->setObjectName(u"connectButton"_s);
    m_connectButton->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    bar->addWidget(m_connectButton);
    m_disconnectButton = new QPushButton(this);
    m_disconnectButton->setObjectName(u"disconnectButton"_s);
    m_disconnectButton->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    bar->addWidget(m_disconnectButton);

    m_recordButton = new QToolButton(this);
    m_recordButton->setObjectName(u"recordButton"_s);
    m_recordButton->setCheckable(true);
    m_recordButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addWidget(m_recordButton);
    m_recordLabel = new QLabel(this);
    m_recordLabel->setObjectName(u"recordLabel"_s);
    m_recordLabel->setTextFormat(Qt::PlainText);
    paintRed(m_recordLabel);
    m_recordLabel->hide();
    bar->addWidget(m_recordLabel);
    layout->addLayout(bar);

    m_urlError = new QLabel(this);
    m_urlError->setObjectName(u"urlError"_s);
    m_urlError->setTextFormat(Qt::PlainText);
    m_urlError->setWordWrap(true);
    paintRed(m_urlError);
    m_urlError->hide();
    layout->addWidget(m_urlError);

    connect(m_methodCombo, &QComboBox::currentTextChanged, this,
            [this] { emit methodChanged(method()); });
    connect(m_urlCombo, &QComboBox::currentTextChanged, this, [this] {
        m_urlError->hide();
        emit urlEdited();
    });
    connect(m_urlCombo->lineEdit(), &QLineEdit::returnPressed, this, &RequestBar::connectRequested);
    connect(m_requestToggle, &QToolButton::toggled, this, &RequestBar::editorToggled);
    connect(m_viaProxyButton, &QToolButton::clicked, this, &RequestBar::viaFaultProxyToggled);
    connect(m_connectButton, &QPushButton::clicked, this, &RequestBar::connectRequested);
    connect(m_disconnectButton, &QPushButton::clicked, this, &RequestBar::disconnectRequested);
    connect(m_recordButton, &QToolButton::clicked, this, &RequestBar::recordRequested);

    retranslateUi();
    setRunning(false);
}

RequestBar::~RequestBar() = default;

QUrl RequestBar::parseUserUrl(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return {};
    if (!text.contains(u"://"_s))
        return QUrl(u"http://"_s + text);
    return QUrl(text);
}

bool RequestBar::isUsableUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == u"http"_s || scheme == u"https"_s) && !url.host().isEmpty();
}

QByteArray RequestBar::method() const
{
    const QByteArray method = m_methodCombo->currentText().trimmed().toUpper().toUtf8();
    return method.isEmpty() ? QByteArrayLiteral("GET") : method;
}

void RequestBar::setMethod(const QByteArray &method)
{
    const QString text = QString::fromUtf8(method).trimmed().toUpper();
    m_methodCombo->setEditText(text.isEmpty() ? u"GET"_s : text);
}

QString RequestBar::urlText() const
{
    return m_urlCombo->currentText().trimmed();
}

void RequestBar::setUrlText(const QString &text)
{
    m_urlCombo->setEditText(text);
}

QUrl RequestBar::url() const
{
    return parseUserUrl(urlText());
}

QString RequestBar::title() const
{
    const QString text = urlText();
    if (text.isEmpty())
        return tr("New stream");
    const QUrl parsed = parseUserUrl(text);
    if (!isUsableUrl(parsed))
        return text;
    QString title = parsed.host();
    if (parsed.port() != -1)
        title += u':' + QString::number(parsed.port());
    return title + parsed.path();
}

void RequestBar::setUrlHistory(const QStringList &urls)
{
    // Replacing the items must not replace what the user is typing.
    const QString text = m_urlCombo->currentText();
    const QSignalBlocker blocker(m_urlCombo);
    m_urlCombo->clear();
    m_urlCombo->addItems(urls);
    m_urlCombo->setCurrentIndex(-1);
    m_urlCombo->setEditText(text);
}

void RequestBar::showUrlError(const QString &message)
{
    m_urlError->setText(message);
    m_urlError->show();
    m_urlCombo->setFocus(Qt::OtherFocusReason);
    m_urlCombo->lineEdit()->selectAll();
}

void RequestBar::clearUrlError()
{
    m_urlError->hide();
}

void RequestBar::focusUrl()
{
    m_urlCombo->setFocus(Qt::ShortcutFocusReason);
}

bool RequestBar::isEditorShown() const
{
    return m_requestToggle->isChecked();
}

void RequestBar::setEditorShown(bool shown)
{
    m_requestToggle->setChecked(shown);
}

void RequestBar::setRunning(bool running)
{
    m_running = running;
    m_disconnectButton->setEnabled(running);
    m_connectButton->setText(running ? tr("Reconnect", "restart the stream") : tr("Connect"));
}

bool RequestBar::isViaFaultProxy() const
{
    return m_viaProxyButton->isChecked();
}

void RequestBar::setViaFaultProxy(bool on)
{
    const QSignalBlocker blocker(m_viaProxyButton);
    m_viaProxyButton->setChecked(on);
}

void RequestBar::setFaultProxyAddress(const QString &address)
{
    m_faultProxyAddress = address;
    retranslateUi();
}

void RequestBar::setRecording(bool recording, const QString &text, const QString &toolTip)
{
    {
        const QSignalBlocker blocker(m_recordButton);
        m_recordButton->setChecked(recording);
    }
    m_recordLabel->setText(text);
    m_recordLabel->setToolTip(toolTip);
    m_recordLabel->setVisible(!text.isEmpty());
}

void RequestBar::retranslateUi()
{
    m_methodCombo->setToolTip(tr("HTTP method"));
    m_urlCombo->lineEdit()->setPlaceholderText(tr("https://example.com/events"));
    m_urlCombo->setToolTip(tr("Stream URL; press Enter to connect"));
    m_requestToggle->setText(tr("Request…"));
    m_requestToggle->setToolTip(tr("Headers, body and reconnection settings"));
    //: A switch: this tab's stream goes through SSE Scope's fault proxy
    m_viaProxyButton->setText(tr("Via fault proxy"));
    m_viaProxyButton->setToolTip(
            (m_faultProxyAddress.isEmpty()
                     ? tr("Route this stream through SSE Scope's fault proxy")
                     : tr("Route this stream through SSE Scope's fault proxy on %1")
                               .arg(m_faultProxyAddress))
            + u'\n'
            + tr("Then the drop button's server-visible faults break the real connection: the "
                 "server sees them too. Switching reconnects a running stream."));
    m_disconnectButton->setText(tr("Disconnect"));
    m_disconnectButton->setToolTip(tr("Close the stream and stop reconnecting"));
    m_recordButton->setText(tr("Record…"));
    m_recordButton->setToolTip(tr("Record this stream to an NDJSON file as it arrives; "
                                  "Open Recording reads it back"));
    setRunning(m_running);
}

void RequestBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}
