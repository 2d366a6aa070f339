// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariantList>

/// The last session as QSettings keeps it: the tabs (each StreamTab::saveState() plus whether
/// it was connected and, for demo tabs, the demo query), the current tab, the URL history, the
/// window's geometry and whether the demo server ran. It also guards against a corrupt
/// settings file. MainWindow builds and applies a Session; this class only stores it.
class SessionStore
{
public:
    static constexpr int MaximumUrlHistory = 20;

    struct Tab
    {
        QVariantMap state; ///< StreamTab::saveState().
        bool connected = false;
        std::optional<QString> demoQuery; ///< Set for a tab on the demo server's /stream.
    };

    struct Session
    {
        QList<Tab> tabs;
        int currentTab = 0;
        QStringList urlHistory;
        QByteArray geometry;
        QByteArray windowState;
        bool demoRunning = false;
    };

    /// Whether a session was saved before.
    static bool hasSession();
    static Session load();
    static void save(const Session &session);

    /// Checks the settings file. When it is corrupt, a copy is kept as "<file>.corrupt", the
    /// settings start empty, and the return value is the path of that copy (or of the file
    /// itself when no copy could be made) for the user to be told.
    static std::optional<QString> setAsideIfCorrupt();

    /// The folder file dialogs open in: the last one used, else Documents, else home.
    static QString lastDirectory();
    static void rememberDirectory(const QString &filePath);
};
