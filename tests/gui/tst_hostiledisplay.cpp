// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

// Server text that is markup, or huge, as the user sees it: every widget must show markup as the
// literal characters the server sent (never render it, never fetch an <img>), and a 10 MiB event
// must show a bounded amount at once. tst_streamtab already covers <b>x</b> in the Data tab and a
// 3 MiB "Show All"; this covers the table, tooltips, the connection panel and other payloads.

#include <memory>

#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyledItemDelegate>
#include <QTest>
#include <QTextDocument>
#include <QToolButton>
#include <QToolTip>

#include "connectionpanel.h"
#include "detailpane.h"
#include "filterbar.h"
#include "messagefilterproxymodel.h"
#include "messagemodel.h"
#include "messageview.h"
#include "rawsseserver.h"
#include "streamtab.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int Timeout = 15000; // generous: the machine is shared and loaded

/// The characters a user reads for a text Qt may take as rich text (labels in AutoText, tooltips).
QString shownText(const QString &text, Qt::TextFormat format = Qt::AutoText)
{
    if (format == Qt::PlainText || (format == Qt::AutoText && !Qt::mightBeRichText(text)))
        return text;
    QTextDocument document;
    document.setHtml(text);
    return document.toPlainText();
}

QString shownText(const QLabel *label)
{
    return shownText(label->text(), label->textFormat());
}

/// What the tooltip over a widget position says ("" when none shows).
QString toolTipAt(QWidget *widget, const QPoint &position)
{
    QToolTip::hideText();
    QHelpEvent event(QEvent::ToolTip, position, widget->mapToGlobal(position));
    QCoreApplication::sendEvent(widget, &event);
    return QToolTip::isVisible() ? shownText(QToolTip::text()) : QString();
}

SseEvent makeEvent(const QString &type, const QString &data, const QString &id = {})
{
    SseEvent event;
    event.type = type;
    event.data = data;
    event.lastEventId = id;
    event.hasId = !id.isEmpty();
    event.rawSize = data.size();
    event.connection = 1;
    event.receivedAt = QDateTime::currentDateTimeUtc();
    return event;
}

QString repeatedTo(const QString &unit, qsizetype size)
{
    QString text;
    text.reserve(size + unit.size());
    while (text.size() < size)
        text += unit;
    return text;
}
} // namespace

class TestHostileDisplay : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void toolTipProbe();
    void markupShownLiterally_data();
    void markupShownLiterally();
    void serverTextInPanels();
    void typeFilterToolTip_data();
    void typeFilterToolTip();
    void hugeEventIsBounded_data();
    void hugeEventIsBounded();
    void hugeEventOverTheNetwork();

private:
    /// Appends event to the tab, selects its row, and returns the row in the view's model.
    QModelIndex showEvent(const SseEvent &event);
    /// What a user sees of the huge event at index once its row is selected: a bounded amount.
    void verifyBounded(const QModelIndex &index, const QString &data);

    std::unique_ptr<StreamTab> m_tab;
};

void TestHostileDisplay::init()
{
    m_tab = std::make_unique<StreamTab>();
    m_tab->resize(1200, 700);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
}

void TestHostileDisplay::cleanup()
{
    QToolTip::hideText();
    m_tab.reset();
}

QModelIndex TestHostileDisplay::showEvent(const SseEvent &event)
{
    m_tab->model()->append(event);
    m_tab->model()->flushPending();
    const QModelIndex index =
            m_tab->proxy()->index(m_tab->proxy()->rowCount() - 1, MessageModel::DataColumn);
    m_tab->messageView()->setCurrentIndex(index);
    m_tab->messageView()->scrollTo(index);
    return index;
}

void TestHostileDisplay::toolTipProbe()
{
    // toolTipAt() must see a tooltip when there is one, or the table check below proves nothing.
    QLabel label;
    label.setToolTip(u"<b>rich</b>"_s);
    label.resize(100, 30);
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    QCOMPARE(toolTipAt(&label, QPoint(10, 10)), u"rich"_s);
}

void TestHostileDisplay::markupShownLiterally_data()
{
    QTest::addColumn<QString>("markup");
    QTest::addRow("img") << u"<img src=x onerror=alert(1)>"_s;
    QTest::addRow("bold") << u"<b>bold</b>"_s;
    QTest::addRow("link") << u"<a href=\"https://example.com/\">click</a>"_s;
    QTest::addRow("entity") << u"&lt;b&gt; &amp; &#65;"_s; // must not decode to "<b> & A"
    QTest::addRow("doctype") << u"<!DOCTYPE html><html><body><h1>t</h1></body></html>"_s;
    QTest::addRow("table") << u"<table><tr><td>cell</td></tr></table>"_s;
}

void TestHostileDisplay::markupShownLiterally()
{
    QFETCH(QString, markup);
    const QModelIndex index = showEvent(makeEvent(markup, markup, markup));
    MessageView *view = m_tab->messageView();

    // The table: the delegate draws the display text as plain text, elided, one line.
    QCOMPARE(index.data(Qt::DisplayRole).toString(), markup);
    auto *delegate = qobject_cast<QStyledItemDelegate *>(view->itemDelegateForIndex(index));
    QVERIFY(delegate);
    QCOMPARE(delegate->displayText(index.data(), QLocale()), markup);
    const QModelIndex typeIndex = index.siblingAtColumn(MessageModel::TypeColumn);
    QCOMPARE(delegate->displayText(typeIndex.data(), QLocale()), markup);
    QVERIFY(!view->indexWidget(index)); // no label or browser widget that could render it
    // Hovering the cell shows no tooltip, or the markup as text.
    const QRect cell = view->visualRect(index);
    QVERIFY(cell.isValid());
    const QString tip = toolTipAt(view->viewport(), cell.center());
    QVERIFY2(tip.isEmpty() || tip == markup, qPrintable(tip));

    // The detail pane: Data and Raw are plain-text editors, Meta is plain-text labels.
    DetailPane *detail = m_tab->detailPane();
    QCOMPARE(detail->dataEdit()->toPlainText(), markup);
    QVERIFY2(detail->rawEdit()->toPlainText().contains(u"data: "_s + markup),
             qPrintable(detail->rawEdit()->toPlainText()));
    QVERIFY(detail->rawEdit()->toPlainText().startsWith(u"event: "_s + markup));
    int metaHits = 0;
    for (const QLabel *label : detail->findChildren<QLabel *>()) {
        if (label->text() == markup) {
            QCOMPARE(shownText(label), markup);
            ++metaHits;
        }
    }
    QCOMPARE(metaHits, 3); // type, id and Last-Event-ID
}

void TestHostileDisplay::serverTextInPanels()
{
    // One stream whose id, type and data are markup, then a reconnect that fails on a
    // Content-Type that is markup too: the connection panel shows all of it as text.
    const QByteArray badType = "text/html; <b>charset</b>=<img src=x>";
    RawSseServer server([&badType](QTcpSocket *socket, const RawRequest &, int index) {
        if (index == 0)
            RawSseServer::respond(socket,
                                  RawSseServer::streamHead()
                                          + "retry: 10\nid: <img src=x>\nevent: <b>t</b>\n"
                                            "data: <a href=\"https://example.com/\">click</a>\n\n",
                                  true);
        else
            RawSseServer::respond(socket, RawSseServer::streamHead(badType), true);
    });
    QVERIFY(server.listen());
    m_tab->setUrl(server.url());
    m_tab->connectStream();
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->reader()->state(), SseReader::State::Closed, Timeout);
    QCOMPARE(m_tab->reader()->lastError().kind, SseError::Kind::WrongContentType);
    m_tab->model()->flushPending();

    ConnectionPanel *panel = m_tab->connectionPanel();
    auto *idLabel = panel->findChild<QLabel *>(u"lastEventIdLabel"_s);
    QVERIFY(idLabel);
    QCOMPARE(shownText(idLabel), u"<img src=x>"_s);
    QCOMPARE(shownText(idLabel->toolTip()), u"<img src=x>"_s);
    auto *errorLabel = panel->findChild<QLabel *>(u"lastErrorLabel"_s);
    QVERIFY(errorLabel);
    QCOMPARE(errorLabel->textFormat(), Qt::PlainText);
    const QString literalType = QString::fromLatin1(badType);
    QVERIFY2(shownText(errorLabel->toolTip()).contains(literalType),
             qPrintable(errorLabel->toolTip()));
    auto *log = panel->findChild<QPlainTextEdit *>(u"lifecycleLog"_s);
    QVERIFY(log);
    QVERIFY2(log->toPlainText().contains(literalType), qPrintable(log->toPlainText()));

    // The table: the event's type and data, and the error's lifecycle row, as sent.
    const MessageModel *model = m_tab->model();
    bool sawEvent = false;
    bool sawError = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString data =
                model->index(row, MessageModel::DataColumn).data(Qt::DisplayRole).toString();
        if (model->rowKind(row) == MessageModel::RowKind::Event) {
            sawEvent = true;
            QCOMPARE(data, u"<a href=\"https://example.com/\">click</a>"_s);
            QCOMPARE(model->index(row, MessageModel::TypeColumn).data().toString(), u"<b>t</b>"_s);
            QCOMPARE(model->index(row, MessageModel::IdColumn).data().toString(), u"<img src=x>"_s);
        } else if (model->recordKind(row) == StreamRecord::Kind::Error
                   && data.contains(literalType)) {
            sawError = true;
            m_tab->messageView()->setCurrentIndex(
                    m_tab->proxy()->mapFromSource(model->index(row, 0)));
            QVERIFY(m_tab->detailPane()->dataEdit()->toPlainText().contains(literalType));
        }
    }
    QVERIFY(sawEvent);
    QVERIFY(sawError);
}

void TestHostileDisplay::typeFilterToolTip_data()
{
    QTest::addColumn<QString>("type");
    QTest::addRow("markup") << u"<b>t</b>"_s;
    QTest::addRow("ampersand") << u"Q&A"_s;
}

void TestHostileDisplay::typeFilterToolTip()
{
    QFETCH(QString, type);
    FilterBar *filter = m_tab->filterBar();
    filter->noteEventType(type);
    filter->restoreState({ { u"types"_s, QStringList { type } } });
    auto *button = filter->findChild<QToolButton *>(u"typeButton"_s);
    QVERIFY(button);
    // Escaped text without "<" would be taken as plain by the tooltip and show "Q&amp;A".
    QCOMPARE(shownText(button->toolTip()), type);
}

void TestHostileDisplay::hugeEventIsBounded_data()
{
    QTest::addColumn<QString>("data");
    constexpr qsizetype TenMiB = 10 * 1024 * 1024;
    // One line: the worst case for text layout. Markup too, so what shows must stay literal.
    QTest::addRow("one-line-markup") << repeatedTo(u"<b>bold</b> <img src=x> "_s, TenMiB);
    // Too big to pretty-print: shown as it came.
    QTest::addRow("json") << u"["_s + repeatedTo(u"{\"k\":\"<i>v</i>\"},"_s, TenMiB) + u"0]"_s;
    QTest::addRow("short-lines") << repeatedTo(u"line <br>\n"_s, TenMiB);
}

void TestHostileDisplay::hugeEventIsBounded()
{
    QFETCH(QString, data);
    const QModelIndex index = showEvent(makeEvent(u"message"_s, data, u"1"_s));
    verifyBounded(index, data);
}

void TestHostileDisplay::hugeEventOverTheNetwork()
{
    // The same through the whole pipeline: socket → reader → model → view → detail pane.
    const QString data = repeatedTo(u"<i>x</i>"_s, 10 * 1024 * 1024);
    RawSseServer server([&data](QTcpSocket *socket, const RawRequest &, int) {
        RawSseServer::respond(socket,
                              RawSseServer::streamHead() + "id: 1\ndata: " + data.toUtf8() + "\n\n",
                              false);
    });
    QVERIFY(server.listen());
    m_tab->setUrl(server.url());
    m_tab->connectStream();
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->model()->totalEvents(), 1, Timeout);
    m_tab->model()->flushPending();
    int row = 0;
    while (m_tab->model()->rowKind(row) != MessageModel::RowKind::Event)
        ++row;
    const QModelIndex index =
            m_tab->proxy()->mapFromSource(m_tab->model()->index(row, MessageModel::DataColumn));
    m_tab->messageView()->setCurrentIndex(index);
    verifyBounded(index, data);
    m_tab->disconnectStream();
}

void TestHostileDisplay::verifyBounded(const QModelIndex &index, const QString &data)
{
    // The table keeps a short, elided preview of one line.
    const QString preview = index.data(Qt::DisplayRole).toString();
    QCOMPARE(preview.size(), MessageModel::PreviewLength + 1);
    QVERIFY(preview.endsWith(QChar(0x2026)));
    QVERIFY(!preview.contains(u'\n'));
    QCOMPARE(m_tab->messageView()->textElideMode(), Qt::ElideRight);
    QVERIFY(!m_tab->messageView()->wordWrap());
    QCOMPARE(m_tab->messageView()->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
    QCOMPARE(index.data(MessageModel::EventDataRole).toString().size(), data.size());

    // The detail pane shows its first chunk at once, in bounded lines, and offers the rest.
    DetailPane *detail = m_tab->detailPane();
    QVERIFY(detail->isTruncated());
    const QString shown = detail->dataEdit()->toPlainText();
    QVERIFY2(shown.size() <= DetailPane::InitialChunk, qPrintable(QString::number(shown.size())));
    QVERIFY(shown.size() >= DetailPane::InitialChunk / 2);
    QVERIFY(detail->rawEdit()->toPlainText().size() <= DetailPane::InitialChunk);
    for (const QStringView line : QStringView(shown).tokenize(u'\n'))
        QVERIFY(line.size() <= DetailPane::DisplayLineLimit);
    // What is shown is the start of the data, literally (only display line breaks added).
    QString unsplit = shown;
    if (!data.contains(u'\n'))
        unsplit.remove(u'\n');
    QVERIFY(data.startsWith(unsplit));
    auto *showAll = detail->findChild<QPushButton *>(u"detailShowAllButton"_s);
    QVERIFY(showAll);
    QVERIFY(showAll->isVisible());
    QVERIFY(showAll->isEnabled());
    auto *note = detail->findChild<QLabel *>(u"detailTruncatedNote"_s);
    QVERIFY(note && note->isVisible());
    QVERIFY2(note->text().contains(u"MiB"_s) || note->text().contains(u"MB"_s),
             qPrintable(note->text()));
    // Copy still takes the whole event.
    QCOMPARE(detail->dataText().size(), data.size());
    QVERIFY(!detail->isJson());
}

QTEST_MAIN(TestHostileDisplay)
#include "tst_hostiledisplay.moc"
