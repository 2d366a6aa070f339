// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

// Issue 12: under a fast stream, can one row show one event's id beside another event's data?
// Drives MessageModel, MessageFilterProxyModel and a shown MessageView the way StreamTab does,
// with a small cap so every flush drops rows from the front, and checks each row three ways:
// the model's roles, the proxy's mapping, and the pixels the view left in the window.

#include <memory>

#include <QAbstractItemModelTester>
#include <QPaintEngine>
#include <QPainter>
#include <QRandomGenerator>
#include <QScreen>
#include <QScrollBar>
#include <QTest>

#include "messagefilterproxymodel.h"
#include "messagemodel.h"
#include "messageview.h"
#include "testevents.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int Cap = 30;
constexpr int Steps = 200;
constexpr int TagSize = 3;

/// The event number a cell's own text names: id "N" or data "payload N"; 0 for none (a
/// life-cycle row, or an event without an id).
int numberInText(int column, const QString &text)
{
    if (column == MessageModel::IdColumn)
        return text.toInt();
    return text.startsWith(u"payload "_s) ? QStringView(text).sliced(8).toInt() : 0;
}

/// A colour for an event number, and back: -1 when the pixel is not a tag.
QRgb tagColor(int number)
{
    return qRgb(0x10, (number >> 8) & 0xff, number & 0xff);
}

int numberOfTag(QRgb pixel)
{
    return qRed(pixel) == 0x10 ? (qGreen(pixel) << 8) | qBlue(pixel) : -1;
}

/// Keeps the text a painter draws and nothing else: what a delegate actually wrote in a cell,
/// which may differ from the model's text (a delegate that caches, elides or formats).
class TextRecordingEngine : public QPaintEngine
{
public:
    TextRecordingEngine()
        : QPaintEngine(QPaintEngine::AllFeatures)
    {}

    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState &) override {}
    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override {}
    void drawImage(const QRectF &, const QImage &, const QRectF &,
                   Qt::ImageConversionFlags) override
    {}
    void drawRects(const QRectF *, int) override {}
    void drawLines(const QLineF *, int) override {}
    void drawEllipse(const QRectF &) override {}
    void drawPath(const QPainterPath &) override {}
    void drawPolygon(const QPointF *, int, PolygonDrawMode) override {}
    void drawTextItem(const QPointF &, const QTextItem &textItem) override
    {
        text += textItem.text();
    }
    Type type() const override { return User; }

    QString text;
};

class TextRecordingDevice : public QPaintDevice
{
public:
    QPaintEngine *paintEngine() const override { return &m_engine; }
    QString text() const { return m_engine.text; }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth:
        case PdmHeight:
            return 4096;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96;
        case PdmDepth:
            return 32;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return int(devicePixelRatioFScale());
        default:
            return QPaintDevice::metric(metric);
        }
    }

private:
    mutable TextRecordingEngine m_engine;
};

/// Paints with the view's own delegate, then a small square in the cell's top-right corner in
/// the colour of the number in the text that delegate drew. A grab of the window then tells
/// which event each id and data cell on screen shows, pixels moved by scrolling included.
class TaggingDelegate : public QAbstractItemDelegate
{
public:
    TaggingDelegate(QAbstractItemDelegate *inner, QObject *parent)
        : QAbstractItemDelegate(parent)
        , m_inner(inner)
    {}

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const int column = index.column();
        if (column != MessageModel::IdColumn && column != MessageModel::DataColumn) {
            m_inner->paint(painter, option, index);
            return;
        }
        TextRecordingDevice recorder;
        {
            QPainter recording(&recorder);
            m_inner->paint(&recording, option, index);
        }
        m_inner->paint(painter, option, index);
        painter->fillRect(
                QRect(option.rect.right() - TagSize, option.rect.top() + 1, TagSize, TagSize),
                QColor(tagColor(numberInText(column, recorder.text()))));
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        return m_inner->sizeHint(option, index);
    }

private:
    QAbstractItemDelegate *m_inner;
};
} // namespace

class TestRowIntegrity : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void rowsNameOneEvent_data();
    void rowsNameOneEvent();

private:
    void appendBurst(int count, int lifecycleEvery);
    void setPaused(bool paused);
    /// Every row of model, in every role the view and the copy actions read, names the event
    /// expected for its arrival number; returns the rows' event numbers (0 for life-cycle).
    QList<int> checkRows(const QAbstractItemModel *model);
    void checkProxyMapping(const QList<int> &sourceEvents);
    void checkScreen(const QList<int> &proxyEvents);
    bool acceptedByFilter(int sourceRow) const;
    static bool failedAt(int step, const char *what);

    std::unique_ptr<MessageModel> m_model;
    std::unique_ptr<MessageFilterProxyModel> m_proxy;
    std::unique_ptr<MessageView> m_view;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
    QHash<qint64, int> m_eventOfNumber; ///< Arrival number → event number (0: life-cycle row).
    int m_nextEvent = 1;
};

void TestRowIntegrity::init()
{
    m_model = std::make_unique<MessageModel>();
    m_model->setMaximumRows(Cap);
    m_model->setRecordFormatter([](const StreamRecord &record) -> QString {
        return u"note "_s + record.error.message;
    });
    m_proxy = std::make_unique<MessageFilterProxyModel>();
    m_proxy->setSourceModel(m_model.get());
    m_modelTester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_view = std::make_unique<MessageView>();
    m_view->setModel(m_proxy.get());
    m_view->setItemDelegate(new TaggingDelegate(m_view->itemDelegate(), m_view.get()));
    m_view->resize(600, 300); // about a dozen rows: fewer than the cap, so rows scroll away
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_eventOfNumber.clear();
    m_nextEvent = 1;
}

void TestRowIntegrity::cleanup()
{
    m_view.reset();
    m_proxyTester.reset();
    m_modelTester.reset();
    m_proxy.reset();
    m_model.reset();
}

void TestRowIntegrity::appendBurst(int count, int lifecycleEvery)
{
    for (int i = 0; i < count; ++i) {
        const int n = m_nextEvent++;
        m_model->append(numberedEvent(n, {}, n % 3 == 0 ? u"tick"_s : u"message"_s));
        m_eventOfNumber.insert(m_model->lastNumber(), n);
        if (lifecycleEvery > 0 && n % lifecycleEvery == 0) {
            StreamRecord record;
            record.kind = StreamRecord::Kind::Error;
            record.connection = 1;
            record.error.message = u"after %1"_s.arg(n);
            m_model->appendRecord(record);
            m_eventOfNumber.insert(m_model->lastNumber(), 0);
        }
    }
}

void TestRowIntegrity::setPaused(bool paused)
{
    // What StreamTab::setViewPaused() does.
    m_model->setHolding(paused);
    m_view->setPaused(paused);
}

QList<int> TestRowIntegrity::checkRows(const QAbstractItemModel *model)
{
    QList<int> events;
    qint64 previousNumber = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex id = model->index(row, MessageModel::IdColumn);
        const QModelIndex data = model->index(row, MessageModel::DataColumn);
        const qint64 number = id.data(MessageModel::NumberRole).toLongLong();
        [&] {
            QVERIFY2(number > previousNumber, qPrintable(u"row %1 out of order"_s.arg(row)));
            QVERIFY(m_eventOfNumber.contains(number));
            const int n = m_eventOfNumber.value(number);
            QCOMPARE(numberInText(MessageModel::IdColumn, id.data().toString()), n);
            QCOMPARE(numberInText(MessageModel::DataColumn, data.data().toString()), n);
            QCOMPARE(model->index(row, MessageModel::NumberColumn).data().toString(),
                     QString::number(number));
            // The roles the detail pane, the copy actions and the delegate read, from both cells.
            for (const QModelIndex &cell : { id, data }) {
                QCOMPARE(cell.data(MessageModel::NumberRole).toLongLong(), number);
                const auto record = cell.data(MessageModel::RecordRole).value<StreamRecord>();
                if (n == 0) {
                    QCOMPARE(cell.data(MessageModel::RowKindRole).toInt(),
                             int(MessageModel::RowKind::Lifecycle));
                    QVERIFY(id.data().toString().isEmpty());
                    QVERIFY(data.data().toString().startsWith(u"note after "_s));
                    continue;
                }
                QCOMPARE(cell.data(MessageModel::LastEventIdRole).toString(), QString::number(n));
                QCOMPARE(cell.data(MessageModel::EventDataRole).toString(), u"payload %1"_s.arg(n));
                QCOMPARE(record.data, u"payload %1"_s.arg(n));
                QCOMPARE(record.lastEventId, QString::number(n));
            }
            events.append(n);
        }();
        if (QTest::currentTestFailed()) {
            qWarning("%s row %d of %d, number %lld", model->metaObject()->className(), row,
                     model->rowCount(), number);
            return events;
        }
        previousNumber = number;
    }
    return events;
}

bool TestRowIntegrity::acceptedByFilter(int sourceRow) const
{
    const QModelIndex index = m_model->index(sourceRow, 0);
    const bool lifecycle =
            index.data(MessageModel::RowKindRole).toInt() == int(MessageModel::RowKind::Lifecycle);
    const QSet<QString> types = m_proxy->eventTypes();
    if (!lifecycle && !types.isEmpty()
        && !types.contains(index.data(MessageModel::EventTypeRole).toString()))
        return false;
    return index.data(MessageModel::EventDataRole)
            .toString()
            .contains(m_proxy->filterText(), Qt::CaseInsensitive);
}

void TestRowIntegrity::checkProxyMapping(const QList<int> &sourceEvents)
{
    QList<int> expected;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (acceptedByFilter(row))
            expected.append(sourceEvents.at(row));
    }
    const QList<int> shown = checkRows(m_proxy.get());
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(shown, expected);
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const int idSource =
                m_proxy->mapToSource(m_proxy->index(row, MessageModel::IdColumn)).row();
        QCOMPARE(m_proxy->mapToSource(m_proxy->index(row, MessageModel::DataColumn)).row(),
                 idSource);
        QCOMPARE(sourceEvents.at(idSource), shown.at(row));
    }
}

void TestRowIntegrity::checkScreen(const QList<int> &proxyEvents)
{
    // Let the view's deferred scroll and its repaint run, as the event loop does between flushes.
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
    // The window's backing store as the last frame left it (not a fresh render, as grab() is).
    const QImage frame = m_view->screen()
                                 ->grabWindow(m_view->winId())
                                 .toImage()
                                 .convertToFormat(QImage::Format_RGB32);
    QWidget *viewport = m_view->viewport();
    int checked = 0;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QRect id = m_view->visualRect(m_proxy->index(row, MessageModel::IdColumn));
        const QRect data = m_view->visualRect(m_proxy->index(row, MessageModel::DataColumn));
        if (id.top() < 0 || id.bottom() >= viewport->height())
            continue; // not (wholly) on screen
        const auto tagAt = [&](const QRect &cell) {
            const QPoint at = viewport->mapTo(m_view.get(),
                                              QPoint(cell.right() - TagSize + 1, cell.top() + 2));
            return numberOfTag(frame.pixel(at));
        };
        const int idTag = tagAt(id);
        const int dataTag = tagAt(data);
        QVERIFY2(idTag == dataTag,
                 qPrintable(u"row %1 on screen: id of event %2 beside data of event %3"_s.arg(row)
                                    .arg(idTag)
                                    .arg(dataTag)));
        QCOMPARE(idTag, proxyEvents.at(row)); // and the frame is the current one
        ++checked;
    }
    QVERIFY(checked > 0 || m_proxy->rowCount() == 0);
}

bool TestRowIntegrity::failedAt(int step, const char *what)
{
    if (!QTest::currentTestFailed())
        return false;
    qWarning("%s check failed after flush %d", what, step);
    return true;
}

void TestRowIntegrity::rowsNameOneEvent_data()
{
    QTest::addColumn<QString>("filterText");
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<int>("lifecycleEvery"); // a life-cycle row after every Nth event; 0: none
    QTest::addColumn<int>("pauseEvery"); // toggle pause every N flushes; 0: never, -1: always
    QTest::addColumn<bool>("scrolledUp"); // the user reads an older row while rows arrive
    QTest::addColumn<bool>("capChanges");

    const QStringList all;
    QTest::addRow("live") << QString() << all << 0 << 0 << false << false;
    QTest::addRow("live, text filter") << u"3"_s << all << 0 << 0 << false << false;
    QTest::addRow("live, type filter")
            << QString() << QStringList { u"tick"_s } << 0 << 0 << false << false;
    QTest::addRow("live, life-cycle rows") << QString() << all << 7 << 0 << false << false;
    QTest::addRow("live, scrolled up") << QString() << all << 0 << 0 << true << false;
    QTest::addRow("paused") << QString() << all << 0 << -1 << false << false;
    QTest::addRow("paused, text filter") << u"3"_s << all << 5 << -1 << false << false;
    QTest::addRow("pause toggled, cap changes") << u"1"_s << all << 11 << 17 << false << true;
}

void TestRowIntegrity::rowsNameOneEvent()
{
    QFETCH(QString, filterText);
    QFETCH(QStringList, types);
    QFETCH(int, lifecycleEvery);
    QFETCH(int, pauseEvery);
    QFETCH(bool, scrolledUp);
    QFETCH(bool, capChanges);

    m_proxy->setFilterText(filterText);
    m_proxy->setEventTypes(QSet<QString>(types.cbegin(), types.cend()));
    if (pauseEvery < 0)
        setPaused(true);
    // Fixed seed: every run feeds the same bursts, from one event up to past twice the cap (a
    // burst bigger than what a paused model holds).
    QRandomGenerator random(12);
    for (int step = 1; step <= Steps; ++step) {
        appendBurst(random.bounded(1, Cap * MessageModel::HoldFactor + 10), lifecycleEvery);
        m_model->flushPending();
        const QList<int> sourceEvents = checkRows(m_model.get());
        if (failedAt(step, "model"))
            return;
        checkProxyMapping(sourceEvents);
        if (failedAt(step, "proxy"))
            return;
        checkScreen(checkRows(m_proxy.get()));
        if (failedAt(step, "screen"))
            return;

        if (pauseEvery > 0 && step % pauseEvery == 0)
            setPaused(!m_view->isPaused());
        if (capChanges && step % 23 == 0)
            m_model->setMaximumRows(m_model->maximumRows() == Cap ? Cap / 3 : Cap);
        if (scrolledUp && step == 5)
            m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->maximum() / 2);
    }
    QVERIFY(m_model->droppedCount() > 0); // the cap was reached and trimmed throughout
    if (scrolledUp)
        QVERIFY(!m_view->isFollowingTail());
}

QTEST_MAIN(TestRowIntegrity)
#include "tst_rowintegrity.moc"
