// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUrlQuery>

#include "connectionpanel.h"
#include "eventexporter.h"
#include "mainwindow.h"
#include "messagemodel.h"
#include "requesteditor.h"
#include "streamrecorder.h"
#include "streamtab.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int Timeout = 20'000; // generous: a loaded 2-core machine runs many suites at once

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<StreamRecord> eventRecords(const QString &path)
{
    QList<StreamRecord> events;
    for (const StreamRecord &record : EventExporter::parseRecording(readAll(path)).records) {
        if (record.kind == StreamRecord::Kind::Event)
            events << record;
    }
    return events;
}

/// Answers the next file dialog with `path`, as a user typing it and pressing Save would.
void answerFileDialog(const QString &path, bool *answered)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, path, answered] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->selectFile(path);
        // selectFile() leaves the name field alone once it has focus, as it has when the dialog
        // became active first: type the name there too.
        if (auto *nameEdit = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s))
            nameEdit->setText(path);
        static_cast<QDialog *>(dialog)->accept(); // public there, virtual
        *answered = true;
        timer->deleteLater();
    });
    timer->start();
}
} // namespace

class TestRecording : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void recordToggleWritesLiveFile();
    void closingTabOrWindowFlushes();
    void recordingErrorStopsAndTells();

private:
    QTemporaryDir m_dir;
};

void TestRecording::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ssescope-tests"_s);
    QCoreApplication::setApplicationName(u"tst_recording"_s);
    QSettings().clear();
    QVERIFY(m_dir.isValid());
}

void TestRecording::cleanup()
{
    QSettings().clear();
}

void TestRecording::recordToggleWritesLiveFile()
{
    MainWindow window({ false, false, {} });
    window.show();
    QVERIFY(window.startDemoServer());
    StreamTab *tab = window.newTab(window.demoStreamUrl(u"interval=30"_s));
    const QString secret = u"Bearer gui-rec-s3cret"_s;
    tab->requestEditor()->addHeader(u"Authorization"_s, secret);
    tab->connectStream();
    QTRY_COMPARE_WITH_TIMEOUT(tab->reader()->state(), SseReader::State::Open, Timeout);

    auto *button = tab->findChild<QToolButton *>(u"recordButton"_s);
    auto *label = tab->findChild<QLabel *>(u"recordLabel"_s);
    auto *action = window.findChild<QAction *>(u"actionRecordToFile"_s);
    QVERIFY(button && label && action);
    QVERIFY(!button->isChecked());
    QVERIFY(label->isHidden());

    // The toolbar toggle asks for a file and starts recording into it.
    const QString path = m_dir.filePath(u"toggle.ndjson"_s);
    bool answered = false;
    answerFileDialog(path, &answered);
    button->click();
    QVERIFY(answered);
    QVERIFY(tab->isRecording());
    QVERIFY(button->isChecked());
    QVERIFY(action->isChecked());
    QCOMPARE(tab->recorder()->fileName(), path);
    QVERIFY(label->isVisible());
    QVERIFY2(label->text().contains(u"REC toggle.ndjson"_s), qPrintable(label->text()));

    // Events reach the file while the recording runs, and the indicator counts them.
    QTRY_VERIFY_WITH_TIMEOUT(eventRecords(path).size() >= 5, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(
            label->text().contains(u"event"_s) && !label->text().contains(u" 0 event"_s), Timeout);

    // The Stream menu's action stops it; everything recorded is on disk at once.
    action->trigger();
    QVERIFY(!tab->isRecording());
    QVERIFY(!button->isChecked());
    QVERIFY(!action->isChecked());
    QVERIFY(label->isHidden());
    const qint64 recordedEvents = tab->recorder()->eventCount();
    const QList<StreamRecord> events = eventRecords(path);
    QCOMPARE(events.size(), recordedEvents);
    for (qsizetype i = 1; i < events.size(); ++i)
        QVERIFY(events.at(i).lastEventId.toLongLong() > events.at(i - 1).lastEventId.toLongLong());
    const QByteArray bytes = readAll(path);
    QVERIFY(!bytes.contains("gui-rec-s3cret"));
    const EventExporter::Recording recording = EventExporter::parseRecording(bytes);
    QCOMPARE(recording.records.constLast().kind, StreamRecord::Kind::Closed);
    QCOMPARE(recording.records.constLast().reason, u"recording-stopped"_s);

    // The stream carries on, no longer recorded.
    const qint64 size = QFileInfo(path).size();
    const quint64 seen = tab->reader()->eventCount();
    QTRY_VERIFY_WITH_TIMEOUT(tab->reader()->eventCount() > seen + 3, Timeout);
    QCOMPARE(QFileInfo(path).size(), size);

    // File → Open Recording reads it back as a tab of the same events.
    QString error;
    StreamTab *loaded = window.loadRecording(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    int rows = 0;
    for (int row = 0; row < loaded->model()->rowCount(); ++row) {
        if (loaded->model()->rowKind(row) != MessageModel::RowKind::Event)
            continue;
        // The sizes the stream really had, as the file keeps them.
        QCOMPARE(loaded->model()->eventAt(row).rawSize, events.at(rows).size);
        QVERIFY(events.at(rows).size > 0);
        ++rows;
    }
    QCOMPARE(rows, events.size());
    // A recording is not a live connection: no panel pretends it is; the file's facts show.
    QVERIFY(loaded->isRecordingView());
    QVERIFY(loaded->connectionPanel()->isHidden());
    auto *info = loaded->findChild<QWidget *>(u"recordingInfo"_s);
    QVERIFY(info && info->isVisibleTo(loaded));
    QVERIFY(loaded->findChild<QLabel *>(u"recordingTool"_s)->text().contains(u"format 2"_s));
    QCOMPARE(loaded->findChild<QLabel *>(u"recordingUrl"_s)->text(), tab->url().toDisplayString());
    const QString counts = loaded->findChild<QLabel *>(u"recordingCounts"_s)->text();
    QVERIFY2(counts.startsWith(QString::number(events.size()) + u" event"_s), qPrintable(counts));
}

void TestRecording::closingTabOrWindowFlushes()
{
    const QString tabPath = m_dir.filePath(u"tab.ndjson"_s);
    const QString windowPath = m_dir.filePath(u"window.ndjson"_s);
    {
        MainWindow window({ false, false, {} });
        window.show();
        QVERIFY(window.startDemoServer());
        StreamTab *first = window.newTab(window.demoStreamUrl(u"interval=30"_s), true);
        QVERIFY(first->startRecording(tabPath));
        StreamTab *second = window.newTab(window.demoStreamUrl(u"interval=30"_s), true);
        QVERIFY(second->startRecording(windowPath));
        // A long flush interval: only closing can get these events to disk in time.
        first->recorder()->setFlushInterval(600'000);
        second->recorder()->setFlushInterval(600'000);
        QTRY_VERIFY_WITH_TIMEOUT(first->recorder()->eventCount() >= 3
                                         && second->recorder()->eventCount() >= 3,
                                 Timeout);

        // Closing a tab ends its recording.
        const qint64 firstEvents = first->recorder()->eventCount();
        window.closeTab(window.tabWidget()->indexOf(first));
        QTRY_VERIFY_WITH_TIMEOUT(eventRecords(tabPath).size() >= firstEvents, Timeout);
        const EventExporter::Recording tabRecording =
                EventExporter::parseRecording(readAll(tabPath));
        QCOMPARE(tabRecording.skippedLines, 0);
        QCOMPARE(tabRecording.records.constLast().kind, StreamRecord::Kind::Closed);

        // Quitting (closing the window) ends the others, with every event received so far.
        window.close();
        QVERIFY(!second->isRecording());
        QCOMPARE(eventRecords(windowPath).size(), second->recorder()->eventCount());
    }
    const EventExporter::Recording windowRecording =
            EventExporter::parseRecording(readAll(windowPath));
    QCOMPARE(windowRecording.skippedLines, 0);
    QCOMPARE(windowRecording.records.constLast().kind, StreamRecord::Kind::Closed);
}

void TestRecording::recordingErrorStopsAndTells()
{
    if (!QFileInfo(u"/dev/full"_s).isWritable())
        QSKIP("no writable /dev/full");
    MainWindow window({ false, false, {} });
    window.show();
    QVERIFY(window.startDemoServer());
    StreamTab *tab = window.newTab(window.demoStreamUrl(u"interval=30"_s), true);
    QSignalSpy recordingChanged(tab, &StreamTab::recordingChanged);
    QVERIFY(tab->startRecording(u"/dev/full"_s));
    // The first write fails (a full disk): the recording stops and says why, in the tab.
    QTRY_VERIFY_WITH_TIMEOUT(!tab->isRecording(), Timeout);
    QCOMPARE(recordingChanged.size(), 2);
    QCOMPARE(recordingChanged.last().at(0).toBool(), false);
    auto *label = tab->findChild<QLabel *>(u"recordLabel"_s);
    QVERIFY(label->isVisible());
    QVERIFY2(label->text().contains(tab->recorder()->errorString()), qPrintable(label->text()));
    QVERIFY(!tab->findChild<QToolButton *>(u"recordButton"_s)->isChecked());
    // The stream itself carries on.
    QCOMPARE(tab->reader()->state(), SseReader::State::Open);
}

QTEST_MAIN(TestRecording)
#include "tst_recording.moc"
