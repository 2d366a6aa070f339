// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "sessionstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {
namespace Keys {
const QString Tabs = u"session/tabs"_s;
const QString CurrentTab = u"session/currentTab"_s;
const QString UrlHistory = u"session/urlHistory"_s;
const QString Geometry = u"window/geometry"_s;
const QString WindowState = u"window/state"_s;
const QString LastDirectory = u"paths/lastDirectory"_s;
const QString DemoRunning = u"demo/running"_s;
} // namespace Keys

// A demo tab's URL is stored as this marker and its query: the port changes with every launch.
const QString DemoMarker = u"demo:"_s;
} // namespace

bool SessionStore::hasSession()
{
    return QSettings().contains(Keys::Tabs);
}

SessionStore::Session SessionStore::load()
{
    QSettings settings;
    Session session;
    session.geometry = settings.value(Keys::Geometry).toByteArray();
    session.windowState = settings.value(Keys::WindowState).toByteArray();
    session.urlHistory = settings.value(Keys::UrlHistory).toStringList().mid(0, MaximumUrlHistory);
    session.currentTab = settings.value(Keys::CurrentTab).toInt();
    session.demoRunning = settings.value(Keys::DemoRunning).toBool();
    for (const QVariant &value : settings.value(Keys::Tabs).toList()) {
        const QVariantMap entry = value.toMap();
        Tab tab;
        tab.state = entry.value(u"state"_s).toMap();
        tab.connected = entry.value(u"connected"_s).toBool();
        if (const QString demo = entry.value(u"demo"_s).toString(); demo.startsWith(DemoMarker))
            tab.demoQuery = demo.mid(DemoMarker.size());
        session.tabs.append(tab);
    }
    return session;
}

void SessionStore::save(const Session &session)
{
    QSettings settings;
    QVariantList tabs;
    for (const Tab &tab : session.tabs) {
        QVariantMap entry;
        entry.insert(u"state"_s, tab.state);
        entry.insert(u"connected"_s, tab.connected);
        if (tab.demoQuery)
            entry.insert(u"demo"_s, QString(DemoMarker + *tab.demoQuery));
        tabs.append(entry);
    }
    settings.setValue(Keys::Tabs, tabs);
    settings.setValue(Keys::CurrentTab, session.currentTab);
    settings.setValue(Keys::UrlHistory, session.urlHistory);
    settings.setValue(Keys::Geometry, session.geometry);
    settings.setValue(Keys::WindowState, session.windowState);
    settings.setValue(Keys::DemoRunning, session.demoRunning);
}

std::optional<QString> SessionStore::setAsideIfCorrupt()
{
    QSettings settings;
    QString problem;
    if (settings.status() == QSettings::FormatError) {
        problem = u"format error"_s;
    } else if (settings.status() == QSettings::AccessError) {
        problem = u"access error"_s;
    } else if (settings.contains(Keys::Tabs)
               && settings.value(Keys::Tabs).typeId() != QMetaType::QVariantList) {
        // A truncated file cuts the session's @Variant(...) short; Qt then reads it as text.
        problem = u"the saved session is not a list"_s;
    } else if (settings.allKeys().contains(QString())) {
        // Lines of garbage bytes parse as keys without a name.
        problem = u"lines without a key"_s;
    }
    if (problem.isEmpty())
        return std::nullopt;

    // Keep the damaged file for the curious, then start clean: Qt would otherwise carry the
    // unreadable entries into every later save, and the warning into every start.
    const QString path = settings.fileName();
    const QString backup = path + u".corrupt"_s;
    QFile::remove(backup);
    const bool copied = QFile::copy(path, backup);
    settings.clear();
    qWarning("Settings file %s is corrupt (%s); starting with defaults%s%s",
             qPrintable(QDir::toNativeSeparators(path)), qPrintable(problem),
             copied ? ", a copy is kept as " : "",
             copied ? qPrintable(QDir::toNativeSeparators(backup)) : "");
    return copied ? backup : path;
}

QString SessionStore::lastDirectory()
{
    const QString directory = QSettings().value(Keys::LastDirectory).toString();
    if (!directory.isEmpty() && QFileInfo(directory).isDir())
        return directory;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}

void SessionStore::rememberDirectory(const QString &filePath)
{
    QSettings().setValue(Keys::LastDirectory, QFileInfo(filePath).absolutePath());
}
