// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include <cstring>

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include "languagemanager.h"
#include "mainwindow.h"

using namespace Qt::StringLiterals;

namespace {
// --help and --version only print text, but QApplication needs a display to start: answer them
// without one (over SSH, in a package test, in CI) by using the offscreen platform.
bool onlyPrintsText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : { "-h", "--help", "--help-all", "-v", "--version" }) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}
} // namespace

int main(int argc, char *argv[])
{
    if (onlyPrintsText(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"SSE Scope"_s);
    QApplication::setOrganizationName(u"ssescope"_s);
    QApplication::setApplicationVersion(QStringLiteral(SSESCOPE_VERSION));
    QApplication::setDesktopFileName(u"ssescope"_s);

    // Before the parser, so that --help is translated too. The choice lives in QSettings
    // ("language"); View > Language changes it at runtime.
    LanguageManager::instance()->loadFromSettings();

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QApplication::translate("main", "Watch and test Server-Sent Events streams."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
            u"url"_s,
            QApplication::translate("main", "Stream URLs to open and connect, one tab each."),
            u"[url...]"_s);
    const QCommandLineOption noRestoreOption(
            u"no-restore"_s,
            QApplication::translate("main", "Start fresh: do not restore the last session."));
    parser.addOption(noRestoreOption);
    const QCommandLineOption dropAfterOption(
            u"demo-drop-after"_s,
            QApplication::translate("main",
                                    "Testing aid: simulate a network drop on the current tab "
                                    "after <seconds>, as Stream > Simulate Network Drop does."),
            QApplication::translate("main", "seconds"));
    parser.addOption(dropAfterOption);
    parser.process(app);

    MainWindow::Options options;
    options.restoreSession = !parser.isSet(noRestoreOption);
    options.urls = parser.positionalArguments();
    MainWindow window(options);
    window.show();

    if (parser.isSet(dropAfterOption)) {
        bool ok = false;
        const double seconds = parser.value(dropAfterOption).toDouble(&ok);
        if (!ok || seconds < 0) {
            qWarning("--demo-drop-after expects a number of seconds");
            return 2;
        }
        QTimer::singleShot(int(seconds * 1000), &window, [&window] {
            if (auto *action = window.findChild<QAction *>(u"actionSimulateDrop"_s))
                action->trigger();
        });
    }
    return QApplication::exec();
}
