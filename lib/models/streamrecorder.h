// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QFile>
#include <QObject>
#include <QString>
#include <QTimer>

#include "recordjson.h"
#include "sseevent.h"
#include "streamrecord.h"

/// Records a stream to an NDJSON file (RecordJson, the ssescope-cli format) while it runs: a
/// sink of the reader's two signals (eventReceived → recordEvent, recordReceived → record).
/// Records are buffered briefly and written through, so that killing the app loses at most the
/// last flush interval. The file starts with a Session record. QtCore only.
class StreamRecorder : public QObject
{
    Q_OBJECT
public:
    /// How long a record may wait in memory before it is written (well under a second).
    static constexpr int DefaultFlushIntervalMs = 250;
    /// Buffered bytes that trigger an immediate write, so a burst never piles up in memory.
    static constexpr qsizetype WriteThroughBytes = 64 * 1024;

    explicit StreamRecorder(QObject *parent = nullptr);
    /// Flushes and closes the file.
    ~StreamRecorder() override;

    /// Whether comment lines (heartbeats) are recorded too (default true).
    void setRecordComments(bool record) { m_recordComments = record; }
    bool recordComments() const { return m_recordComments; }

    /// Starts a new recording at path, replacing any file there; false + errorString() when
    /// the file cannot be created. A recording already running is closed first. streamRunning
    /// says whether the stream is between a Connecting and a Closed record right now (a
    /// recording stopped before the stream ends then says so with its own Closed record).
    /// url, when known, names the stream in the file's Session record.
    bool open(const QString &path, bool streamRunning = false, const QString &url = {});
    /// Writes what is buffered and closes the file; a "closed" record with reason
    /// "recording-stopped" ends it while the stream is still running.
    void close();
    bool isOpen() const { return m_file.isOpen(); }
    /// The file being (or last) recorded to.
    QString fileName() const { return m_file.fileName(); }

    /// Appends one record (its time is set to now when it has none).
    void record(const StreamRecord &record);
    /// Appends one event: the hot path.
    void recordEvent(const SseEvent &event);
    /// Writes everything buffered now; false after a write error.
    bool flush();

    /// Events recorded since open().
    qint64 eventCount() const { return m_eventCount; }
    /// Records (events included) recorded since open().
    qint64 recordCount() const { return m_recordCount; }
    /// Bytes written to the file since open().
    qint64 bytesWritten() const { return m_bytesWritten; }
    /// Bytes waiting in memory for the next write (never much above WriteThroughBytes).
    qsizetype pendingBytes() const { return m_buffer.size(); }

    int flushInterval() const { return m_flushTimer.interval(); }
    void setFlushInterval(int milliseconds) { m_flushTimer.setInterval(milliseconds); }

    /// English technical text of the last failure (open or write), e.g. "No space left on device".
    QString errorString() const { return m_errorString; }

signals:
    /// Buffered records reached the file.
    void flushed();
    /// Writing failed (disk full, permission, device gone): the recording has stopped and the
    /// file keeps what was written before. `message` is errorString().
    void errorOccurred(const QString &message);

private:
    void noteAppended();
    void fail(const QString &message);

    QFile m_file;
    QByteArray m_buffer;
    QTimer m_flushTimer;
    QString m_errorString;
    qint64 m_eventCount = 0;
    qint64 m_recordCount = 0;
    qint64 m_bytesWritten = 0;
    bool m_recordComments = true;
    bool m_streamRunning = false; ///< Between a Connecting and a Closed record.
    int m_connection = 0; ///< The connection of the newest record.
};
