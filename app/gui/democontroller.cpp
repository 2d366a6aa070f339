// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "democontroller.h"

#include <QJsonObject>
#include <QMessageBox>
#include <QSettings>
#include <QWidget>

#include "demooptions.h"
#include "demoserverdialog.h"

using namespace Qt::StringLiterals;

namespace {
const QString DemoGroup = u"demo"_s;
} // namespace

DemoController::DemoController(QWidget *dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
    , m_server(new DemoServer(this))
{}

DemoController::~DemoController() = default;

bool DemoController::start()
{
    if (isRunning())
        return true;
    return startWith(m_options);
}

bool DemoController::startWith(const DemoServer::Options &options)
{
    DemoServer::Options effective = options;
    // The demo is a local testing aid: never reachable from the network.
    effective.address = QHostAddress(QHostAddress::LocalHost);
    const bool ok = m_server->start(effective);
    if (!ok)
        emit startFailed(m_server->errorString());
    emit runningChanged(isRunning());
    return ok;
}

void DemoController::stop()
{
    m_server->stop();
    emit runningChanged(false);
}

void DemoController::apply(const DemoServer::Options &options)
{
    m_options = options;
    saveOptions();
    const quint16 previousPort = isRunning() ? m_server->port() : 0;
    m_server->stop();
    // Keep the port when the user left it automatic, so open demo tabs simply reconnect.
    if (options.port == 0 && previousPort != 0) {
        DemoServer::Options samePort = options;
        samePort.port = previousPort;
        if (startWith(samePort))
            return;
    }
    if (!startWith(options)) {
        QMessageBox::warning(
                m_dialogParent, tr("Demo Server"),
                tr("The demo server could not start:\n%1").arg(m_server->errorString()));
    }
}

void DemoController::configure()
{
    if (!m_dialog) {
        m_dialog = new DemoServerDialog(m_dialogParent);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &DemoServerDialog::applied, this,
                [this](const DemoServer::Options &options) {
                    apply(options);
                    if (m_dialog)
                        m_dialog->setServerStatus(isRunning(), m_server->streamUrl());
                });
    }
    m_dialog->setOptions(m_options);
    m_dialog->setServerStatus(isRunning(), m_server->streamUrl());
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void DemoController::closeDialog()
{
    if (m_dialog)
        m_dialog->close();
}

QUrl DemoController::streamUrl(const QString &query) const
{
    if (!isRunning())
        return {};
    QUrl url = m_server->streamUrl();
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

bool DemoController::isDemoUrl(const QUrl &url) const
{
    if (!isRunning())
        return false;
    const QUrl stream = m_server->streamUrl();
    return url.scheme() == stream.scheme() && url.host() == stream.host()
            && url.port() == stream.port() && url.path() == stream.path();
}

// The demo group keeps DemoOptions' JSON form key by key, under the keys it always used, so
// settings from before the schema load unchanged. INI files give numbers back as text, which
// fromJson() accepts; a value it rejects falls back to that knob's default alone.
void DemoController::loadOptions()
{
    QSettings settings;
    settings.beginGroup(DemoGroup);
    QVariantMap map;
    for (const QString &key : settings.childKeys())
        map.insert(key, settings.value(key));
    settings.endGroup();
    QStringList problems;
    m_options = DemoOptions::fromJson(QJsonObject::fromVariantMap(map), &problems);
    for (const QString &problem : std::as_const(problems))
        qWarning("Demo server settings: %s; using the default", qPrintable(problem));
}

void DemoController::saveOptions() const
{
    QSettings settings;
    settings.beginGroup(DemoGroup);
    const QVariantMap map = DemoOptions::toJson(m_options).toVariantMap();
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        settings.setValue(it.key(), it.value());
    settings.endGroup();
}
