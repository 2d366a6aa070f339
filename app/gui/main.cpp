// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include <QApplication>
#include <QCommandLineParser>
#include <QLabel>
#include <QLibraryInfo>
#include <QLocale>
#include <QMainWindow>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SSE Scope"));
    QApplication::setOrganizationName(QStringLiteral("ssescope"));
    QApplication::setApplicationVersion(QStringLiteral(SSESCOPE_VERSION));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator appTranslator;
    if (appTranslator.load(QLocale(), QStringLiteral("ssescope"), QStringLiteral("_"),
                           QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QApplication::translate("main", "Watch and test Server-Sent Events streams."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("url"),
                                 QApplication::translate("main", "Stream URL to open."),
                                 QStringLiteral("[url]"));
    parser.process(app);

    QMainWindow window;
    window.setWindowTitle(QApplication::translate("main", "SSE Scope"));
    auto *label = new QLabel(QApplication::translate("main", "SSE Scope"), &window);
    label->setAlignment(Qt::AlignCenter);
    window.setCentralWidget(label);
    window.resize(1100, 700);
    window.show();
    return QApplication::exec();
}
