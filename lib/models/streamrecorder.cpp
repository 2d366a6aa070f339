// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "streamrecorder.h"

using namespace Qt::StringLiterals;

StreamRecorder::StreamRecorder(QObject *parent)
    : QObject(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(DefaultFlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &StreamRecorder::flush);
}

StreamRecorder::~StreamRecorder()
{
    close();
}

void StreamRecorder::setReader(SseReader *reader)
{
    if (m_reader == reader)
        return;
    if (m_reader)
        m_reader->disconnect(this);
    m_reader = reader;
    if (!reader)
        return;
    m_streamClosed = reader->state() == SseReader::State::Closed;
    connect(reader, &SseReader::connecting, this, &StreamRecorder::handleConnecting);
    connect(reader, &SseReader::opened, this, &StreamRecorder::handleOpened);
    connect(reader, &SseReader::eventReceived, this, &StreamRecorder::recordEvent);
    connect(reader, &SseReader::commentReceived, this, &StreamRecorder::handleComment);
    connect(reader, &SseReader::retryChanged, this, &StreamRecorder::handleRetry);
    connect(reader, &SseReader::errorOccurred, this, &StreamRecorder::handleError);
    connect(reader, &SseReader::reconnectScheduled, this,
            &StreamRecorder::handleReconnectScheduled);
    connect(reader, &SseReader::closed, this, &StreamRecorder::handleClosed);
}

bool StreamRecorder::open(const QString &path)
{
    close();
    m_errorString.clear();
    m_eventCount = 0;
    m_recordCount = 0;
    m_bytesWritten = 0;
    m_file.setFileName(path);
    // Unbuffered: every flush() is one write(2), so the data is the kernel's, and survives a
    // crash or a kill of this process, as soon as flush() returns.
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
        m_errorString = m_file.errorString();
        return false;
    }
    return true;
}

void StreamRecorder::close()
{
    if (!m_file.isOpen())
        return;
    if (!m_streamClosed) {
        EventRecord closed;
        closed.kind = EventRecord::Kind::Closed;
        closed.reason = u"recording-stopped"_s;
        record(std::move(closed));
    }
    flush();
    m_flushTimer.stop();
    m_file.close();
}

void StreamRecorder::record(EventRecord record)
{
    if (!m_file.isOpen())
        return;
    if (!record.time.isValid())
        record.time = QDateTime::currentDateTimeUtc();
    EventJson::appendRecord(m_buffer, record);
    if (record.kind == EventRecord::Kind::Event)
        ++m_eventCount;
    noteAppended();
}

void StreamRecorder::recordEvent(const SseEvent &event)
{
    if (!m_file.isOpen())
        return;
    EventJson::appendEvent(m_buffer, event);
    ++m_eventCount;
    noteAppended();
}

void StreamRecorder::noteAppended()
{
    ++m_recordCount;
    // A slow disk blocks here instead of letting the buffer grow without bound.
    if (m_buffer.size() >= WriteThroughBytes)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

bool StreamRecorder::flush()
{
    m_flushTimer.stop();
    if (!m_file.isOpen())
        return m_errorString.isEmpty();
    if (m_buffer.isEmpty())
        return true;
    const qint64 written = m_file.write(m_buffer);
    if (written != m_buffer.size()) {
        // A partial write leaves a torn last line, which readers skip; the rest of the
        // recording stays valid, and the user is told instead of losing events silently.
        if (written > 0)
            m_bytesWritten += written;
        fail(m_file.errorString());
        return false;
    }
    m_bytesWritten += written;
    m_buffer.resize(0); // keeps the capacity for the next burst
    emit flushed();
    return true;
}

void StreamRecorder::fail(const QString &message)
{
    m_errorString = message.isEmpty() ? u"write failed"_s : message;
    m_buffer.clear();
    m_flushTimer.stop();
    m_file.close();
    emit errorOccurred(m_errorString);
}

int StreamRecorder::connectionCount() const
{
    return m_reader ? m_reader->connectionCount() : 0;
}

void StreamRecorder::handleConnecting(int connection, const QUrl &url, const QString &lastEventId)
{
    m_streamClosed = false;
    record(EventRecord::connecting(connection, url, lastEventId));
}

void StreamRecorder::handleOpened(int status, const SseReader::HeaderList &headers)
{
    record(EventRecord::opened(connectionCount(), status, headers));
}

void StreamRecorder::handleComment(const QString &text)
{
    if (m_recordComments)
        record(EventRecord::comment(connectionCount(), text));
}

void StreamRecorder::handleRetry(int milliseconds)
{
    record(EventRecord::retry(connectionCount(), milliseconds));
}

void StreamRecorder::handleError(const SseError &error)
{
    record(EventRecord::error(connectionCount(), error));
}

void StreamRecorder::handleReconnectScheduled(int attempt, qint64 delayMs,
                                              const QString &lastEventId)
{
    record(EventRecord::reconnecting(attempt, delayMs, lastEventId));
}

void StreamRecorder::handleClosed()
{
    m_streamClosed = true;
    EventRecord record;
    record.kind = EventRecord::Kind::Closed;
    if (m_reader) {
        const SseError error = m_reader->lastError();
        if (error.kind == SseError::Kind::GaveUp)
            record.reason = u"gave-up"_s;
        else if (error.fatal)
            record.reason = u"failed"_s;
    }
    if (record.reason.isEmpty())
        record.reason = u"closed"_s;
    this->record(std::move(record));
    // The stream stopped: get its last lines to disk now rather than on the next timer.
    flush();
}
