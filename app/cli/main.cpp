// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include <cstdio>

#include <QCommandLineParser>
#include <QCoreApplication>

#include "checkcommand.h"
#include "proxycommand.h"
#include "servecommand.h"
#include "watchcommand.h"

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"ssescope-cli"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SSESCOPE_VERSION));

    // Commands own their options, so dispatch before any parser sees them.
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() >= 2) {
        const QString &command = arguments.at(1);
        if (command == u"watch"_s)
            return runWatchCommand(arguments.mid(2));
        if (command == u"serve"_s)
            return runServeCommand(arguments.mid(2));
        if (command == u"proxy"_s)
            return runProxyCommand(arguments.mid(2));
        if (command == u"check"_s)
            return runCheckCommand(arguments.mid(2));
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Command-line face of SSE Scope.\n\n"
            "Commands:\n"
            "  watch URL [options]  Watch a Server-Sent Events stream; print NDJSON on stdout.\n"
            "  serve [options]      Run the demo SSE server (http://127.0.0.1:8080/stream).\n"
            "  proxy [options]      Run the fault proxy (HTTP proxy on 127.0.0.1:8888, or a TCP\n"
            "                       relay) with faults set live through a JSON control API.\n"
            "  check URL [options]  Probe a stream (connect, cut once, resume) and report what is\n"
            "                       wrong with it; exit 3 when a warning or problem is found.\n\n"
            "Run 'ssescope-cli <command> --help' for a command's options."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"command"_s, u"watch, serve, proxy or check"_s,
                                 u"<command> [options]"_s);
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "ssescope-cli: %s\n", qPrintable(parser.errorText()));
        return 1;
    }
    if (parser.isSet(u"version"_s))
        parser.showVersion(); // Exits with 0.
    if (parser.isSet(u"help"_s)) {
        // QCommandLineParser names the executable by the path it was started with.
        QString help = parser.helpText();
        help = u"Usage: ssescope-cli <command> [options]"_s % help.mid(help.indexOf(u'\n'));
        std::fputs(qPrintable(help), stdout);
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        std::fputs("ssescope-cli: missing command (watch, serve, proxy or check)\n", stderr);
    else
        std::fprintf(stderr,
                     "ssescope-cli: unknown command '%s' (expected watch, serve, proxy or check)\n",
                     qPrintable(positional.constFirst()));
    std::fputs("Try 'ssescope-cli --help'.\n", stderr);
    return 1;
}
