// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QTest>

#include "requesteditor.h"

using namespace Qt::StringLiterals;

namespace {

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
    void saveTicksRoundTrip();
    void draftBodyKeptForGet();

private:
    QTableWidget *table() const { return m_editor->headerTable(); }

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
