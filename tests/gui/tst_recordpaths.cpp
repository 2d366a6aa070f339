// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
//
// One stream with faults (an end of stream, a retry: change, a cut mid-event, an HTTP 503 and
// giving up) recorded through every path a user has: `ssescope-cli watch`, Record…, Save
// Recording / Export NDJSON, Export JSON and CSV, Copy Row as JSON, and Open Recording followed
// by another export. Every path must carry the same records, field for field (times aside where
// two separate runs are compared), findings included: the app's engine and watch's find the same
// things and put them at the same places in the story, and a recording without findings gets
// the same ones again when it is opened.

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "connectionpanel.h"
#include "eventexporter.h"
#include "mainwindow.h"
#include "messagefilterproxymodel.h"
#include "messagemodel.h"
#include "messageview.h"
#include "rawsseserver.h"
#include "recordjson.h"
#include "streamtab.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int Timeout = 20'000; // generous: a loaded 2-core machine runs many suites at once

// The same story for every client, whatever its request number: three connections.
void respond(QTcpSocket *socket, const RawRequest &, int index)
{
    switch (index % 3) {
    case 0: // retry: 200, two events and a heartbeat, then a clean end of stream
        RawSseServer::respond(socket,
                              RawSseServer::streamHead()
                                      + "retry: 200\n\nid: 1\ndata: one\n\n"
                                        "id: 2\nevent: tick\ndata: two\ndata: lines\n\n"
                                        ": heartbeat\n\n",
                              true);
        break;
    case 1: // retry changes to 100, one event, then a cut in the middle of the next one
        RawSseServer::respond(socket,
                              RawSseServer::streamHead()
                                      + "retry: 100\n\nid: 3\ndata: three\n\nid: 4\ndata: fo",
                              true);
        break;
    default: // the server fails: the client's last allowed attempt ends in giving up
        RawSseServer::respond(socket,
                              "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                              "Connection: close\r\n\r\n",
                              true);
        break;
    }
}

QList<QJsonObject> parseLines(const QByteArray &bytes)
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : bytes.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            qWarning("not a JSON object: %s", line.constData());
        objects.append(document.object());
    }
    return objects;
}

/// Records without the Session record that heads every file (checked here) and, when asked,
/// without their times (a finding's evidence has times too, and Open's headersMs is a time
/// measured per run).
QList<QJsonObject> withoutSession(QList<QJsonObject> records, bool dropTimes)
{
    if (records.isEmpty() || records.constFirst().value("kind"_L1).toString() != u"session"_s) {
        qWarning("the first record is not a Session record");
        return {};
    }
    records.removeFirst();
    if (dropTimes) {
        for (QJsonObject &record : records) {
            record.remove("time"_L1);
            if (record.contains("evidence"_L1)) {
                QJsonObject evidence = record.value("evidence"_L1).toObject();
                evidence.remove("times"_L1);
                record.insert("evidence"_L1, evidence);
            }
            record.remove("headersMs"_L1);
        }
    }
    return records;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList kinds(const QList<QJsonObject> &records)
{
    QStringList result;
    for (const QJsonObject &record : records)
        result.append(record.value("kind"_L1).toString());
    return result;
}

// A minimal RFC 4180 reader (the exporter's output: CRLF rows, quoted fields).
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row << field;
            field.clear();
            rows << row;
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

} // namespace

class TestRecordPaths : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyPathCarriesTheSameRecords();

private:
    QTemporaryDir m_dir;
};

void TestRecordPaths::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(u"SseScopeTests"_s);
    QCoreApplication::setApplicationName(u"tst_recordpaths"_s);
}

void TestRecordPaths::everyPathCarriesTheSameRecords()
{
    RawSseServer server(respond);
    QVERIFY(server.listen());
    const QUrl url = server.url();

    // ---- ssescope-cli watch, the reference ----
    QProcess cli;
    cli.start(QStringLiteral(SSESCOPE_CLI_PATH),
              { u"watch"_s, url.toString(), u"--comments"_s, u"--reconnect"_s, u"fixed"_s,
                u"--retry"_s, u"50"_s, u"--max-reconnects"_s, u"2"_s, u"--timeout"_s, u"15"_s });
    QVERIFY2(cli.waitForStarted(Timeout), qPrintable(cli.errorString()));
    // The server runs on this thread's event loop, so wait without blocking it.
    QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, Timeout);
    QCOMPARE(cli.exitCode(), 2); // gave up
    const QList<QJsonObject> watched =
            withoutSession(parseLines(cli.readAllStandardOutput()), true);
    // The findings engine's verdicts are part of the story, right after what revealed them:
    // the response's Connection: close, and the clean resume once the second connection ended.
    QCOMPARE(kinds(watched),
             (QStringList { u"connecting"_s,   u"open"_s,       u"finding"_s, u"retry"_s,
                            u"event"_s,        u"event"_s,      u"comment"_s, u"error"_s,
                            u"reconnecting"_s, u"connecting"_s, u"open"_s,    u"retry"_s,
                            u"event"_s,        u"error"_s,      u"finding"_s, u"reconnecting"_s,
                            u"connecting"_s,   u"error"_s,      u"error"_s,   u"closed"_s }));
    QCOMPARE(watched.at(2).value("finding"_L1).toString(), u"hygiene.connection-close"_s);
    QCOMPARE(watched.at(3).value("ms"_L1).toInt(), 200);
    QCOMPARE(watched.at(11).value("ms"_L1).toInt(), 100);
    QCOMPARE(watched.at(14).value("finding"_L1).toString(), u"resume.clean"_s);
    // Its evidence names the second Connecting and the event after it, by their positions in
    // the story without findings.
    QCOMPARE(watched.at(14).value("evidence"_L1).toObject().value("records"_L1).toArray(),
             (QJsonArray { 9, 12 }));
    // Both drops came from open connections: each reconnect is the first since the stream
    // opened, while the policy counts on towards its cap of 2.
    QCOMPARE(watched.at(15).value("attempt"_L1).toInt(), 1);
    QCOMPARE(watched.at(15).value("policyAttempt"_L1).toInt(), 2);
    QCOMPARE(watched.at(15).value("maxAttempts"_L1).toInt(), 2);
    QCOMPARE(watched.at(15).value("lastEventId"_L1).toString(), u"3"_s);
    QCOMPARE(watched.at(17).value("errorKind"_L1).toString(), u"httpStatus"_s);
    QCOMPARE(watched.at(18).value("errorKind"_L1).toString(), u"gaveUp"_s);
    QCOMPARE(watched.at(19).value("reason"_L1).toString(), u"gave-up"_s);

    // ---- the app: the same request, recorded live with Record… ----
    MainWindow window({ false, false, {} });
    window.show();
    StreamTab *tab = window.newTab();
    SseReader::Request request;
    request.url = url;
    request.reconnect.mode = ReconnectPolicy::Mode::Fixed;
    request.reconnect.retryOverride = 50ms; // what --retry 50 sets
    request.reconnect.fixedDelay = 50ms;
    request.reconnect.backoffBase = 50ms;
    request.reconnect.maxAttempts = 2;
    tab->setRequest(request);
    const QString recordPath = m_dir.filePath(u"record.ndjson"_s);
    QVERIFY(tab->startRecording(recordPath));
    tab->connectStream();
    QTRY_COMPARE_WITH_TIMEOUT(tab->reader()->state(), SseReader::State::Closed, Timeout);
    tab->model()->flushPending();
    tab->stopRecording();

    const QList<QJsonObject> recorded = withoutSession(parseLines(readAll(recordPath)), false);
    QCOMPARE(withoutSession(parseLines(readAll(recordPath)), true), watched);

    // ---- the connection panel logs the same findings ----
    QList<QJsonObject> recordedFindings;
    for (const QJsonObject &record : recorded) {
        if (record.value("kind"_L1).toString() == u"finding"_s)
            recordedFindings.append(record);
    }
    QList<QJsonObject> loggedFindings;
    for (const StreamRecord &record : tab->connectionPanel()->loggedRecords()) {
        if (record.kind == StreamRecord::Kind::Finding)
            loggedFindings.append(QJsonDocument::fromJson(RecordJson::toJsonLine(record)).object());
    }
    QCOMPARE(loggedFindings, recordedFindings);

    // ---- Save Recording / Export NDJSON: the table's rows, the same records ----
    const QString exportPath = m_dir.filePath(u"export.ndjson"_s);
    QString error;
    QVERIFY2(window.exportCurrentTab(exportPath, EventExporter::Format::Ndjson, &error),
             qPrintable(error));
    const QList<QJsonObject> exported = withoutSession(parseLines(readAll(exportPath)), false);
    QCOMPARE(exported, recorded); // same run: times included

    // ---- Export JSON: one array of the same objects ----
    const QString jsonPath = m_dir.filePath(u"export.json"_s);
    QVERIFY2(window.exportCurrentTab(jsonPath, EventExporter::Format::Json, &error),
             qPrintable(error));
    QList<QJsonObject> array;
    for (const QJsonValue &value : QJsonDocument::fromJson(readAll(jsonPath)).array())
        array.append(value.toObject());
    QCOMPARE(withoutSession(array, false), recorded);

    // ---- Export CSV: every field of every record in its column ----
    const QString csvPath = m_dir.filePath(u"export.csv"_s);
    QVERIFY2(window.exportCurrentTab(csvPath, EventExporter::Format::Csv, &error),
             qPrintable(error));
    const QList<QStringList> csv = parseCsv(QString::fromUtf8(readAll(csvPath).sliced(3)));
    QCOMPARE(csv.size(), recorded.size() + 1);
    const QStringList columns = csv.constFirst();
    for (qsizetype row = 0; row < recorded.size(); ++row) {
        const auto record = RecordJson::fromJsonLine(QJsonDocument(recorded.at(row)).toJson());
        QVERIFY(record);
        for (const auto &[key, value] : RecordJson::fields(*record)) {
            const qsizetype column = columns.indexOf(key);
            QVERIFY2(column >= 0, qPrintable(key));
            QCOMPARE(csv.at(row + 1).at(column), value);
        }
    }

    // ---- Copy Row as JSON, row by row, comments shown ----
    tab->proxy()->setShowComments(true);
    QCOMPARE(tab->proxy()->rowCount(), recorded.size());
    for (int row = 0; row < tab->proxy()->rowCount(); ++row) {
        tab->messageView()->setCurrentIndex(tab->proxy()->index(row, 0));
        const QJsonObject copied =
                QJsonDocument::fromJson(tab->messageView()->currentRowJson().toUtf8()).object();
        QCOMPARE(copied, recorded.at(row));
    }

    // ---- Open Recording, then export that tab: nothing lost on the way back ----
    StreamTab *reopened = window.loadRecording(recordPath, &error);
    QVERIFY2(reopened, qPrintable(error));
    const QString againPath = m_dir.filePath(u"again.ndjson"_s);
    QVERIFY2(window.exportCurrentTab(againPath, EventExporter::Format::Ndjson, &error),
             qPrintable(error));
    QCOMPARE(withoutSession(parseLines(readAll(againPath)), false), recorded);

    // ---- a recording without findings: the engine finds them again from its records ----
    const QString plainPath = m_dir.filePath(u"plain.ndjson"_s);
    {
        QFile plain(plainPath);
        QVERIFY(plain.open(QIODevice::WriteOnly));
        for (const QByteArray &line : readAll(recordPath).split('\n')) {
            if (!line.contains("\"kind\":\"finding\""))
                plain.write(line + '\n');
        }
    }
    QVERIFY2(window.loadRecording(plainPath, &error), qPrintable(error));
    const QString foundPath = m_dir.filePath(u"found.ndjson"_s);
    QVERIFY2(window.exportCurrentTab(foundPath, EventExporter::Format::Ndjson, &error),
             qPrintable(error));
    QCOMPARE(withoutSession(parseLines(readAll(foundPath)), false), recorded);
}

QTEST_MAIN(TestRecordPaths)
#include "tst_recordpaths.moc"
