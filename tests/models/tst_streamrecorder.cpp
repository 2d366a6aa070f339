// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include "demoserver.h"
#include "eventexporter.h"
#include "ssereader.h"
#include "streamrecord.h"
#include "streamrecorder.h"

using namespace Qt::StringLiterals;

namespace {

constexpr int Timeout = 20'000; // generous: a loaded 2-core machine

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

qint64 fileSize(const QString &path)
{
    return QFileInfo(path).size();
}

SseEvent makeEvent(int number, const QString &data = {})
{
    SseEvent event;
    event.type = u"tick"_s;
    event.data = data.isEmpty() ? u"data %1"_s.arg(number) : data;
    event.lastEventId = QString::number(number);
    event.hasId = true;
    event.connection = 1;
    event.receivedAt = QDateTime::fromMSecsSinceEpoch(1'767'225'600'000 + number, Qt::UTC);
    return event;
}

QList<StreamRecord> ofKind(const QList<StreamRecord> &records, StreamRecord::Kind kind)
{
    QList<StreamRecord> matching;
    for (const StreamRecord &record : records) {
        if (record.kind == kind)
            matching << record;
    }
    return matching;
}

} // namespace

class TestStreamRecorder : public QObject
{
    Q_OBJECT

private slots:
    void recordsLiveStreamWithoutSecrets();
    void flushesWithinInterval();
    void writesThroughWhenBufferFills();
    void closeEndsRecording();
    void reopenReplacesFile();
    void tornLastLineStillOpens_data();
    void tornLastLineStillOpens();
    void openErrorReported_data();
    void openErrorReported();
    void writeErrorReported();
};

void TestStreamRecorder::recordsLiveStreamWithoutSecrets()
{
    DemoServer server;
    DemoServer::Options options;
    options.intervalMs = 20;
    options.retryMs = 50;
    options.dropEvery = 4;
    options.heartbeatMs = 30;
    QVERIFY(server.start(options));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"live.ndjson"_s);

    const QByteArray secret = "Bearer rec-s3cret-7f3a";
    SseReader reader;
    SseReader::Request request;
    QUrl url = server.streamUrl();
    url.setUserName(u"alice"_s);
    url.setPassword(u"pw-s3cret-91"_s);
    request.url = url;
    request.headers = { { "Authorization", secret }, { "Cookie", "sid=cookie-s3cret" } };
    reader.setRequest(request);

    StreamRecorder recorder;
    connect(&reader, &SseReader::eventReceived, &recorder, &StreamRecorder::recordEvent);
    connect(&reader, &SseReader::recordReceived, &recorder, &StreamRecorder::record);
    QVERIFY2(recorder.open(path), qPrintable(recorder.errorString()));
    QSignalSpy events(&reader, &SseReader::eventReceived);
    int reconnects = 0;
    connect(&reader, &SseReader::recordReceived, this, [&reconnects](const StreamRecord &record) {
        reconnects += record.kind == StreamRecord::Kind::Reconnecting;
    });
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(events.size() >= 10 && reconnects >= 2, Timeout);
    reader.close();
    recorder.close();

    const QByteArray bytes = readAll(path);
    const EventExporter::Recording recording = EventExporter::parseRecording(bytes);
    QCOMPARE(recording.skippedLines, 0);
    const QList<StreamRecord> recorded = ofKind(recording.records, StreamRecord::Kind::Event);
    QCOMPARE(recorded.size(), events.size());
    QCOMPARE(recorder.eventCount(), events.size());
    QVERIFY(recording.session);
    QCOMPARE(recording.session->formatVersion, StreamRecord::FormatVersion);
    QCOMPARE(recorder.recordCount(), recording.records.size() + 1); // + the Session record
    QCOMPARE(recorder.bytesWritten(), bytes.size());
    for (qsizetype i = 0; i < recorded.size(); ++i) {
        const auto event = events.at(i).at(0).value<SseEvent>();
        QCOMPARE(recorded.at(i).data, event.data);
        QCOMPARE(recorded.at(i).lastEventId, event.lastEventId);
        QCOMPARE(recorded.at(i).connection, event.connection);
    }
    // Every lifecycle step is there, in the ssescope-cli shape.
    const QList<StreamRecord> connecting =
            ofKind(recording.records, StreamRecord::Kind::Connecting);
    QVERIFY(connecting.size() >= 3);
    QCOMPARE(connecting.first().connection, 1);
    QVERIFY(!ofKind(recording.records, StreamRecord::Kind::Open).isEmpty());
    QCOMPARE(ofKind(recording.records, StreamRecord::Kind::Open).first().status, 200);
    QCOMPARE(ofKind(recording.records, StreamRecord::Kind::Retry).first().retryMs, 50);
    QVERIFY(ofKind(recording.records, StreamRecord::Kind::Reconnecting).size() >= 2);
    QVERIFY(!ofKind(recording.records, StreamRecord::Kind::Error).isEmpty());
    QVERIFY(!ofKind(recording.records, StreamRecord::Kind::Comment).isEmpty());
    QCOMPARE(recording.records.constLast().kind, StreamRecord::Kind::Closed);
    QCOMPARE(recording.records.constLast().reason, u"closed"_s);
    for (const StreamRecord &record : recording.records)
        QVERIFY(record.time.isValid());

    // Neither header values nor the URL's password reach the file.
    QVERIFY2(!bytes.contains("rec-s3cret"), bytes.constData());
    QVERIFY(!bytes.contains("cookie-s3cret"));
    QVERIFY(!bytes.contains("pw-s3cret"));
    QVERIFY(connecting.first().url.contains(u"alice@127.0.0.1"_s));
}

void TestStreamRecorder::flushesWithinInterval()
{
    QVERIFY(StreamRecorder::DefaultFlushIntervalMs <= 1000);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"flush.ndjson"_s);
    StreamRecorder recorder;
    QCOMPARE(recorder.flushInterval(), StreamRecorder::DefaultFlushIntervalMs);
    QVERIFY(recorder.open(path));
    QSignalSpy flushed(&recorder, &StreamRecorder::flushed);
    recorder.recordEvent(makeEvent(1));
    // Buffered, not one write per event...
    QCOMPARE(fileSize(path), 0);
    QVERIFY(recorder.pendingBytes() > 0);
    // ...and on disk by the timer, without flush() or close(): what a kill would leave.
    QTRY_VERIFY_WITH_TIMEOUT(fileSize(path) > 0, Timeout);
    QCOMPARE(flushed.size(), 1);
    QCOMPARE(recorder.pendingBytes(), 0);
    const EventExporter::Recording recording = EventExporter::parseRecording(readAll(path));
    QCOMPARE(recording.records.size(), 1);
    QCOMPARE(recording.records.first().data, u"data 1"_s);
    QVERIFY(recorder.isOpen());
}

void TestStreamRecorder::writesThroughWhenBufferFills()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"burst.ndjson"_s);
    StreamRecorder recorder;
    recorder.setFlushInterval(60'000); // only the size limit can write in this test
    QVERIFY(recorder.open(path));
    const QString payload(1000, u'x');
    constexpr int Count = 2000; // ~2 MB: far more than the buffer may hold
    qsizetype largestPending = 0;
    for (int i = 1; i <= Count; ++i) {
        recorder.recordEvent(makeEvent(i, payload));
        largestPending = qMax(largestPending, recorder.pendingBytes());
    }
    // Memory stays bounded by the write-through size, whatever the rate: the rest is on disk.
    QVERIFY2(largestPending < StreamRecorder::WriteThroughBytes + 2 * payload.size(),
             QByteArray::number(largestPending).constData());
    QVERIFY(fileSize(path) > qint64(Count - 100) * payload.size());
    recorder.close();
    const EventExporter::Recording recording = EventExporter::parseRecording(readAll(path));
    QCOMPARE(recording.records.size(), Count);
    QCOMPARE(recording.skippedLines, 0);
}

void TestStreamRecorder::closeEndsRecording()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"close.ndjson"_s);
    SseReader reader;
    StreamRecorder recorder;
    connect(&reader, &SseReader::eventReceived, &recorder, &StreamRecorder::recordEvent);
    connect(&reader, &SseReader::recordReceived, &recorder, &StreamRecorder::record);
    QVERIFY(recorder.open(path)); // no stream running: close() adds no record of its own
    QCOMPARE(recorder.fileName(), path);
    StreamRecord connecting;
    connecting.kind = StreamRecord::Kind::Connecting;
    connecting.connection = 1;
    connecting.url = u"http://example.com/s"_s;
    recorder.record(connecting);
    recorder.recordEvent(makeEvent(1));
    recorder.close();
    QVERIFY(!recorder.isOpen());
    recorder.recordEvent(makeEvent(2)); // ignored after close
    // The Connecting record says a stream runs: stopping the recording says so too.
    const EventExporter::Recording recording = EventExporter::parseRecording(readAll(path));
    QCOMPARE(recording.records.size(), 3);
    QCOMPARE(recording.records.at(0).kind, StreamRecord::Kind::Connecting);
    QCOMPARE(recording.records.at(1).kind, StreamRecord::Kind::Event);
    QCOMPARE(recording.records.at(2).kind, StreamRecord::Kind::Closed);
    QCOMPARE(recording.records.at(2).reason, u"recording-stopped"_s);
    QCOMPARE(recording.records.at(2).connection, 1);

    // A stream still running when the recording stops is marked as such.
    QVERIFY(recorder.open(path));
    QSignalSpy records(&reader, &SseReader::recordReceived);
    SseReader::Request request;
    request.url = QUrl(u"http://127.0.0.1:1/never"_s);
    request.reconnect.mode = ReconnectPolicy::Mode::Fixed;
    request.reconnect.fixedDelay = std::chrono::minutes(10);
    reader.setRequest(request);
    reader.open();
    QTRY_VERIFY_WITH_TIMEOUT(!records.isEmpty(), Timeout); // Connecting
    recorder.close();
    reader.close(); // after the recording: not in the file
    const EventExporter::Recording stopped = EventExporter::parseRecording(readAll(path));
    QVERIFY(!stopped.records.isEmpty());
    QCOMPARE(stopped.records.constFirst().kind, StreamRecord::Kind::Connecting);
    QCOMPARE(stopped.records.constLast().kind, StreamRecord::Kind::Closed);
    QCOMPARE(stopped.records.constLast().reason, u"recording-stopped"_s);
}

void TestStreamRecorder::reopenReplacesFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"again.ndjson"_s);
    StreamRecorder recorder;
    QVERIFY(recorder.open(path));
    for (int i = 1; i <= 5; ++i)
        recorder.recordEvent(makeEvent(i));
    QVERIFY(recorder.open(path)); // closes (flushing) the first one, then starts over
    QCOMPARE(recorder.eventCount(), 0);
    recorder.recordEvent(makeEvent(9));
    recorder.close();
    const EventExporter::Recording recording = EventExporter::parseRecording(readAll(path));
    QCOMPARE(recording.records.size(), 1);
    QCOMPARE(recording.records.first().lastEventId, u"9"_s);
}

void TestStreamRecorder::tornLastLineStillOpens_data()
{
    QTest::addColumn<int>("cut"); // bytes cut off the end of the file
    QTest::addColumn<int>("events"); // complete events left
    QTest::addColumn<int>("skipped");
    QTest::addRow("newline only") << 1 << 10 << 0;
    QTest::addRow("closing brace") << 2 << 9 << 1;
    QTest::addRow("mid-line") << 30 << 9 << 1;
    QTest::addRow("inside the time") << 5 << 9 << 1;
}

void TestStreamRecorder::tornLastLineStillOpens()
{
    QFETCH(int, cut);
    QFETCH(int, events);
    QFETCH(int, skipped);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"torn.ndjson"_s);
    {
        StreamRecorder recorder;
        QVERIFY(recorder.open(path));
        for (int i = 1; i <= 10; ++i)
            recorder.recordEvent(makeEvent(i, u"\u4e2d\u6587 %1"_s.arg(i)));
        QVERIFY(recorder.flush());
        // Left as a kill would leave it: no close().
        QFile file(path);
        QVERIFY(file.resize(fileSize(path) - cut));
    }
    QString error;
    const std::optional<EventExporter::Recording> recording =
            EventExporter::readRecording(path, &error);
    QVERIFY2(recording, qPrintable(error));
    QCOMPARE(recording->records.size(), events);
    QCOMPARE(recording->skippedLines, skipped);
    QCOMPARE(recording->records.constLast().data, u"\u4e2d\u6587 %1"_s.arg(events));
}

void TestStreamRecorder::openErrorReported_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::addColumn<bool>("readOnlyDirectory");
    QTest::addRow("missing directory") << u"missing/dir/rec.ndjson"_s << false;
    QTest::addRow("a directory") << u"."_s << false;
    QTest::addRow("read-only directory") << u"ro/rec.ndjson"_s << true;
}

void TestStreamRecorder::openErrorReported()
{
    QFETCH(QString, relativePath);
    QFETCH(bool, readOnlyDirectory);
    if (readOnlyDirectory && ::geteuid() == 0)
        QSKIP("root ignores directory permissions");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    if (readOnlyDirectory) {
        QVERIFY(QDir(dir.path()).mkdir(u"ro"_s));
        QVERIFY(QFile::setPermissions(dir.filePath(u"ro"_s), QFile::ReadOwner | QFile::ExeOwner));
    }
    StreamRecorder recorder;
    QVERIFY(!recorder.open(dir.filePath(relativePath)));
    QVERIFY(!recorder.isOpen());
    QVERIFY(!recorder.errorString().isEmpty());
    recorder.recordEvent(makeEvent(1)); // harmless
    QCOMPARE(recorder.pendingBytes(), 0);
    if (readOnlyDirectory)
        QFile::setPermissions(dir.filePath(u"ro"_s),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

void TestStreamRecorder::writeErrorReported()
{
    // /dev/full accepts open() and fails every write with ENOSPC: a full disk on demand.
    if (!QFileInfo(u"/dev/full"_s).isWritable())
        QSKIP("no writable /dev/full");
    StreamRecorder recorder;
    QSignalSpy errors(&recorder, &StreamRecorder::errorOccurred);
    QVERIFY(recorder.open(u"/dev/full"_s));
    recorder.recordEvent(makeEvent(1));
    // Reported by the timer's write, not silently dropped.
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, Timeout);
    QVERIFY(!recorder.isOpen());
    QCOMPARE(errors.first().at(0).toString(), recorder.errorString());
    QVERIFY2(recorder.errorString().contains(u"space"_s, Qt::CaseInsensitive),
             qPrintable(recorder.errorString()));
    QCOMPARE(recorder.pendingBytes(), 0);
    QVERIFY(!recorder.flush());
    // Later events are ignored without piling up or repeating the error.
    recorder.recordEvent(makeEvent(2));
    QCOMPARE(recorder.pendingBytes(), 0);
    QCOMPARE(errors.size(), 1);

    // A write-through on a full buffer reports it at once, too.
    QVERIFY(recorder.open(u"/dev/full"_s));
    const QString payload(StreamRecorder::WriteThroughBytes, u'y');
    recorder.recordEvent(makeEvent(3, payload));
    QCOMPARE(errors.size(), 2);
    QVERIFY(!recorder.isOpen());
}

QTEST_GUILESS_MAIN(TestStreamRecorder)
#include "tst_streamrecorder.moc"
