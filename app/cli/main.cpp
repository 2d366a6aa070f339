// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include <QCommandLineParser>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ssescope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SSESCOPE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Command-line face of SSE Scope: watch a Server-Sent Events stream as "
                           "NDJSON, or serve the demo stream."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("watch or serve"));
    parser.process(app);
    parser.showHelp(1);
}
