// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
//
// Test-only start-up probe: builds the main window the way app/gui/main.cpp does (application
// names, saved language, default MainWindow::Options, show()), then prints CLOCK_MONOTONIC
// times in nanoseconds and exits once the first paint of the shown window is finished:
//   main=<entered main()> shown=<show() returned> painted=<first paint pass done>
// The caller takes its own clock before spawning it (bench_endtoend's startup row), so the
// figure includes exec, dynamic linking and QApplication start-up. Not part of the product.
#include <cstdio>
#include <ctime>

#include <QApplication>
#include <QEvent>
#include <QMetaObject>
#include <QTimer>

#include "languagemanager.h"
#include "mainwindow.h"

using namespace Qt::StringLiterals;

namespace {

long long monotonicNanoseconds()
{
    timespec now {};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec * 1'000'000'000LL + now.tv_nsec;
}

// Sees the first Paint event of any widget of the window; the queued call then runs once the
// whole paint pass (every widget, then the flush to the backing store) has returned.
class FirstPaintProbe : public QObject
{
public:
    FirstPaintProbe(QWidget *window, long long mainNs)
        : m_window(window)
        , m_mainNs(mainNs)
    {}

    long long m_shownNs = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (!m_seen && event->type() == QEvent::Paint && watched->isWidgetType()
            && static_cast<QWidget *>(watched)->window() == m_window) {
            m_seen = true;
            QMetaObject::invokeMethod(this, &FirstPaintProbe::report, Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void report()
    {
        const long long paintedNs = monotonicNanoseconds();
        std::printf("main=%lld shown=%lld painted=%lld\n", m_mainNs, m_shownNs, paintedNs);
        std::fflush(stdout);
        QCoreApplication::exit(0);
    }

    QWidget *m_window;
    long long m_mainNs;
    bool m_seen = false;
};

} // namespace

int main(int argc, char *argv[])
{
    const long long mainNs = monotonicNanoseconds();
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"SSE Scope"_s);
    QApplication::setOrganizationName(u"ssescope"_s);
    QApplication::setApplicationVersion(QStringLiteral(SSESCOPE_VERSION));
    QApplication::setDesktopFileName(u"ssescope"_s);
    LanguageManager::instance()->loadFromSettings();

    MainWindow window { MainWindow::Options() };
    FirstPaintProbe probe(&window, mainNs);
    app.installEventFilter(&probe);
    window.show();
    probe.m_shownNs = monotonicNanoseconds();

    QTimer::singleShot(std::chrono::seconds(30), &app, [] {
        std::fputs("bench_startup: no paint within 30 s\n", stderr);
        QCoreApplication::exit(1);
    });
    return QApplication::exec();
}
