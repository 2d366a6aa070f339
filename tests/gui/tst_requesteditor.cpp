// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include "requesteditor.h"

using namespace Qt::StringLiterals;

namespace {

const QString NotSaved = u"not saved — enter the value again"_s;
const QString Bullets(8, QChar(0x2022));

StreamRequest requestWithSecrets()
{
    StreamRequest request;
    request.headers = { { "Authorization", "" },
                        { "X-Plain", "visible" },
                        { "Cookie", "sid=42" },
                        { "X-Session-Token", "" } };
    return request;
}

} // namespace

class TestRequestEditor : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void restoredSecretSaysNotSaved();
    void enteringTheValueSettlesIt_data();
    void enteringTheValueSettlesIt();
    void connectingWarnsOnce();
    void saveTicksRoundTrip();
    void draftBodyKeptForGet();

private:
    QTableWidget *table() const { return m_editor->headerTable(); }
    QLabel *warning() const { return m_editor->findChild<QLabel *>(u"unsavedSecretsWarning"_s); }

    RequestEditor *m_editor = nullptr;
};

void TestRequestEditor::init()
{
    m_editor = new RequestEditor;
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor));
}

void TestRequestEditor::cleanup()
{
    delete m_editor;
    m_editor = nullptr;
}

void TestRequestEditor::restoredSecretSaysNotSaved()
{
    m_editor->setRequest(requestWithSecrets());
    // What StreamRequestJson::fromJson() reported for a session that left out two values.
    m_editor->restoreState({}, { 0, 3 });

    QCOMPARE(m_editor->displayedValue(0), NotSaved);
    QCOMPARE(m_editor->displayedValue(1), u"visible"_s);
    QCOMPARE(m_editor->displayedValue(2), Bullets); // a saved secret is simply masked
    QCOMPARE(m_editor->displayedValue(3), NotSaved);
    QVERIFY(!table()->item(0, RequestEditor::ValueColumn)->toolTip().isEmpty());
    QVERIFY(table()->item(2, RequestEditor::ValueColumn)->toolTip().isEmpty());
    QCOMPARE(m_editor->unsavedSecretHeaders(),
             (QStringList { u"Authorization"_s, u"X-Session-Token"_s }));
    // The note is on screen only: the request still carries the (empty) header.
    QCOMPARE(m_editor->request().headers, requestWithSecrets().headers);
    // Revealing secrets does not turn the note into a value either.
    m_editor->setSecretsRevealed(true);
    QCOMPARE(m_editor->displayedValue(0), NotSaved);
    // A fresh request has nothing to say about saving.
    m_editor->setRequest(requestWithSecrets());
    QVERIFY(m_editor->unsavedSecretHeaders().isEmpty());
    QCOMPARE(m_editor->displayedValue(0), QString());
}

void TestRequestEditor::enteringTheValueSettlesIt_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::addRow("value typed") << int(RequestEditor::ValueColumn) << u"Bearer new"_s << Bullets;
    QTest::addRow("renamed to a plain header")
            << int(RequestEditor::NameColumn) << u"X-Plain-Two"_s << QString();
}

void TestRequestEditor::enteringTheValueSettlesIt()
{
    QFETCH(int, column);
    QFETCH(QString, text);
    QFETCH(QString, shown);
    m_editor->setRequest(requestWithSecrets());
    m_editor->restoreState({}, { 0, 3 });
    table()->item(0, column)->setText(text);
    QCOMPARE(m_editor->displayedValue(0), shown);
    QVERIFY(table()->item(0, RequestEditor::ValueColumn)->toolTip().isEmpty());
    QCOMPARE(m_editor->unsavedSecretHeaders(), QStringList { u"X-Session-Token"_s });
    // Emptying the value again is the user's own choice, not a lost value.
    table()->item(0, RequestEditor::ValueColumn)->setText(QString());
    QCOMPARE(m_editor->unsavedSecretHeaders(), QStringList { u"X-Session-Token"_s });
}

void TestRequestEditor::connectingWarnsOnce()
{
    // Nothing restored: nothing to warn about.
    m_editor->setRequest(requestWithSecrets());
    QVERIFY(m_editor->confirmUnsavedSecrets());
    QVERIFY(warning()->isHidden());

    m_editor->restoreState({}, { 0, 3 });
    auto *tabs = m_editor->findChild<QTabWidget *>(u"requestTabs"_s);
    tabs->setCurrentIndex(2);
    QVERIFY(warning()->isHidden()); // restoring alone only marks the rows
    QVERIFY(!m_editor->confirmUnsavedSecrets());
    QVERIFY(!warning()->isHidden());
    QVERIFY2(warning()->text().contains(u"Authorization"_s), qPrintable(warning()->text()));
    QVERIFY(warning()->text().contains(u"X-Session-Token"_s));
    QVERIFY(!warning()->text().contains(u"Cookie"_s));
    QCOMPARE(tabs->currentIndex(), 0); // the Headers page, where the rows are

    // Once told, Connect goes ahead and sends the header empty.
    QVERIFY(m_editor->confirmUnsavedSecrets());
    QVERIFY(warning()->isHidden());
    QVERIFY(m_editor->confirmUnsavedSecrets());

    // Every restore warns once again; filling in every value ends it.
    m_editor->setRequest(requestWithSecrets());
    m_editor->restoreState({}, { 0 });
    QVERIFY(!m_editor->confirmUnsavedSecrets());
    QVERIFY(!warning()->isHidden());
    table()->item(0, RequestEditor::ValueColumn)->setText(u"Bearer new"_s);
    QVERIFY(warning()->isHidden());
    m_editor->setRequest(requestWithSecrets());
    m_editor->restoreState({}, { 0 });
    table()->item(0, RequestEditor::ValueColumn)->setText(u"Bearer new"_s);
    QVERIFY(m_editor->confirmUnsavedSecrets());
}

void TestRequestEditor::saveTicksRoundTrip()
{
    m_editor->setRequest(requestWithSecrets());
    table()->item(2, RequestEditor::SaveColumn)->setCheckState(Qt::Checked);
    // A blank row does not count: indexes follow request().headers.
    m_editor->addHeader(QString(), QString());
    m_editor->addHeader(u"X-Api-Key"_s, u"k"_s, true);
    QCOMPARE(m_editor->sessionOptions().keptSecretHeaders, (QList<qsizetype> { 2, 4 }));
    QVERIFY(!m_editor->sessionOptions().keepSecretValues);

    const QVariantMap state = m_editor->saveState();
    const StreamRequest request = m_editor->request();
    RequestEditor other;
    other.setRequest(request);
    other.restoreState(state);
    QCOMPARE(other.sessionOptions().keptSecretHeaders, (QList<qsizetype> { 2, 4 }));
    QCOMPARE(other.headerTable()->item(0, RequestEditor::SaveColumn)->checkState(), Qt::Unchecked);
    QCOMPARE(other.headerTable()->item(2, RequestEditor::SaveColumn)->checkState(), Qt::Checked);
}

void TestRequestEditor::draftBodyKeptForGet()
{
    m_editor->setMethod("POST");
    m_editor->findChild<QPlainTextEdit *>(u"bodyEdit"_s)->setPlainText(u"{\"a\":1}"_s);
    m_editor->findChild<QLineEdit *>(u"contentTypeEdit"_s)->setText(u"application/json"_s);
    // POST sends the body, so the request's JSON holds it: no draft needed.
    QVERIFY(!m_editor->saveState().contains(u"draftBody"_s));

    // GET sends none, yet what the user typed is still theirs.
    m_editor->setMethod("GET");
    const QVariantMap state = m_editor->saveState();
    QVERIFY(m_editor->request().body.isEmpty());
    RequestEditor other;
    other.setMethod("GET");
    other.setRequest(m_editor->request());
    other.restoreState(state);
    other.setMethod("POST");
    QCOMPARE(other.request().body, QByteArray("{\"a\":1}"));
    QCOMPARE(other.request().headers.constLast(),
             (std::pair { QByteArray("Content-Type"), QByteArray("application/json") }));
}

QTEST_MAIN(TestRequestEditor)
#include "tst_requesteditor.moc"
