// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
//
// The window at the sizes people use (a 1024×700 netbook, a 1280×800 laptop with the request
// editor open, the window's own minimum): no control is squeezed below what its text needs,
// no two controls of the connection panel overlap, and badges appearing move nothing.

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QScreen>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

#include "connectionpanel.h"
#include "demoserver.h"
#include "filterbar.h"
#include "mainwindow.h"
#include "streamtab.h"

using namespace Qt::StringLiterals;

namespace {

constexpr int Timeout = 10000;

/// Widgets whose text is cut when they get less than their minimum size hint.
bool showsText(const QWidget *widget)
{
    return qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QComboBox *>(widget)
            || qobject_cast<const QAbstractSpinBox *>(widget);
}

QString describe(const QWidget *widget)
{
    const auto *button = qobject_cast<const QAbstractButton *>(widget);
    return u"%1 \"%2\" (%3): %4×%5, needs %6×%7"_s
            .arg(QString::fromLatin1(widget->metaObject()->className()),
                 button ? button->text() : QString(), widget->objectName())
            .arg(widget->width())
            .arg(widget->height())
            .arg(widget->minimumSizeHint().width())
            .arg(widget->minimumSizeHint().height());
}

/// Every visible text control under root that got less than it needs.
QStringList squeezed(const QWidget *root)
{
    QStringList problems;
    for (const QWidget *widget : root->findChildren<QWidget *>()) {
        // A line edit's clear button is the line edit's business.
        if (!widget->isVisible() || !showsText(widget)
            || qobject_cast<const QLineEdit *>(widget->parentWidget()))
            continue;
        const QSize needed = widget->minimumSizeHint();
        if (widget->width() < needed.width() || widget->height() < needed.height())
            problems << describe(widget);
    }
    return problems;
}

/// Visible widgets of one layout (the panel's rows and button rows) that overlap each other.
QStringList overlapping(const QWidget *root)
{
    QStringList problems;
    for (const QLayout *layout : root->findChildren<QLayout *>()) {
        QList<const QWidget *> widgets;
        for (int i = 0; i < layout->count(); ++i) {
            const QWidget *widget = layout->itemAt(i)->widget();
            if (widget && widget->isVisible())
                widgets << widget;
        }
        for (qsizetype a = 0; a < widgets.size(); ++a) {
            for (qsizetype b = a + 1; b < widgets.size(); ++b) {
                if (widgets.at(a)->parentWidget() == widgets.at(b)->parentWidget()
                    && widgets.at(a)->geometry().intersects(widgets.at(b)->geometry()))
                    problems << describe(widgets.at(a)) + u" overlaps "_s + describe(widgets.at(b));
            }
        }
    }
    return problems;
}

/// Lets every pending layout request run, as the event loop would before the next paint.
void settle()
{
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
    }
}

} // namespace

class TestLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaultWindowFitsTheScreen();
    void nothingSqueezed_data();
    void nothingSqueezed();
    void badgesMoveNothing();

private:
    DemoServer m_server;
};

void TestLayout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ssescope-tests"_s);
    QCoreApplication::setApplicationName(u"tst_layout"_s);
    DemoServer::Options options;
    options.intervalMs = 50;
    QVERIFY(m_server.start(options));
}

void TestLayout::defaultWindowFitsTheScreen()
{
    MainWindow window({ false, false, {} });
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    QVERIFY2(window.width() <= available.width() && window.height() <= available.height(),
             qPrintable(u"%1×%2 on %3×%4"_s.arg(window.width())
                                .arg(window.height())
                                .arg(available.width())
                                .arg(available.height())));
}

void TestLayout::nothingSqueezed_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("editorOpen");
    QTest::addRow("1024x700") << QSize(1024, 700) << false;
    QTest::addRow("1024x700, editor open") << QSize(1024, 700) << true;
    QTest::addRow("1280x800, editor open") << QSize(1280, 800) << true;
    QTest::addRow("1366x768") << QSize(1366, 768) << false;
    QTest::addRow("1920x1080, editor open") << QSize(1920, 1080) << true;
}

void TestLayout::nothingSqueezed()
{
    QFETCH(QSize, size);
    QFETCH(bool, editorOpen);
    MainWindow window({ false, false, { m_server.streamUrl().toString() } });
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    StreamTab *tab = window.currentTab();
    QVERIFY(tab);
    if (editorOpen)
        tab->findChild<QToolButton *>(u"requestToggle"_s)->click();
    // Open, with events and a reconnect count: the panel's texts at their usual length.
    QTRY_VERIFY_WITH_TIMEOUT(tab->model()->rowCount() > 3, Timeout);
    settle();

    const QStringList squeezedControls = squeezed(&window);
    QVERIFY2(squeezedControls.isEmpty(), qPrintable(squeezedControls.join(u"\n"_s)));
    const QStringList overlaps = overlapping(tab->connectionPanel());
    QVERIFY2(overlaps.isEmpty(), qPrintable(overlaps.join(u"\n"_s)));
    // Whatever does not fit the side's height scrolls: the panel keeps its own minimum.
    ConnectionPanel *panel = tab->connectionPanel();
    qWarning() << "PROBE" << size << panel->minimumSizeHint() << panel->parentWidget()->size() << tab->findChild<QWidget *>(u"rateChart"_s)->size();
    for (QObject *child : panel->children()) if (auto *w = qobject_cast<QWidget *>(child)) qWarning() << "  " << w->metaObject()->className() << w->minimumSizeHint() << w->height();
    QVERIFY(panel->height() >= panel->minimumSizeHint().height());
    QVERIFY(panel->width() >= panel->minimumSizeHint().width());
    // And the table side keeps room for the table.
    QVERIFY(tab->findChild<QWidget *>(u"mainSplitter"_s)->width() - panel->width() > 400);
}

void TestLayout::badgesMoveNothing()
{
    MainWindow window({ false, false, {} });
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    StreamTab *tab = window.newTab();
    settle();
    auto *filterBar = tab->findChild<FilterBar *>();
    QVERIFY(filterBar);
    const auto geometries = [filterBar] {
        QList<QRect> result;
        for (const char *name :
             { "filterEdit", "typeButton", "connectionCombo", "hideLifecycleCheck",
               "showCommentsCheck", "pauseButton", "clearButton" })
            result << filterBar->findChild<QWidget *>(QString::fromLatin1(name))->geometry();
        return result;
    };
    const QList<QRect> before = geometries();
    filterBar->setPaused(true);
    filterBar->setNewCount(12345);
    QVERIFY(filterBar->newBadge()->isVisible());
    settle();
    QCOMPARE(geometries(), before);
    filterBar->setNewCount(0);
    filterBar->setPaused(false);
    settle();
    QCOMPARE(geometries(), before);
}

QTEST_MAIN(TestLayout)
#include "tst_layout.moc"
