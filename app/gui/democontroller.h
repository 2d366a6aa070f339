// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>

#include "demoserver.h"

class QWidget;
class DemoServerDialog;

/// The app's built-in demo server: its options (kept in the settings' "demo" group, in
/// DemoOptions' JSON form), Tools → Demo Server → Configure…, start, stop and apply. It always
/// binds to loopback. MainWindow asks it for URLs and shows its state.
class DemoController : public QObject
{
    Q_OBJECT
public:
    /// dialogParent owns the configuration dialog and the warnings.
    explicit DemoController(QWidget *dialogParent);
    ~DemoController() override;

    DemoServer *server() const { return m_server; }
    bool isRunning() const { return m_server->isListening(); }
    const DemoServer::Options &options() const { return m_options; }

    /// Starts with the saved options when not running yet; false + server()->errorString().
    bool start();
    void stop();
    /// Shows the configuration dialog (non-modal); Apply restarts the server with the new
    /// options on the same port when the port is left automatic, so demo tabs just reconnect.
    void configure();
    void closeDialog();

    /// The running server's /stream URL with a query; empty when it is not running.
    QUrl streamUrl(const QString &query = {}) const;
    /// Whether url points at the running server's /stream.
    bool isDemoUrl(const QUrl &url) const;

    void loadOptions();
    void saveOptions() const;

signals:
    /// The server started or stopped (also after Apply).
    void runningChanged(bool running);
    /// A start failed; message is the server's own (English) reason.
    void startFailed(const QString &message);

private:
    bool startWith(const DemoServer::Options &options);
    void apply(const DemoServer::Options &options);

    QWidget *m_dialogParent;
    DemoServer *m_server;
    DemoServer::Options m_options;
    QPointer<DemoServerDialog> m_dialog;
};
