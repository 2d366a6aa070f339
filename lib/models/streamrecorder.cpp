// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "streamrecorder.h"

#include <QCoreApplication>

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

bool StreamRecorder::open(const QString &path, bool streamRunning, const QString &url)
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
    m_streamRunning = streamRunning;
    StreamRecord session = StreamRecord::session(QCoreApplication::applicationName() + u' '
                                                 + QCoreApplication::applicationVersion());
    session.url = url;
    record(session);
    return true;
}

void StreamRecorder::close()
{
    if (!m_file.isOpen())
        return;
    if (m_streamRunning) {
        record(StreamRecord::closed(m_connection, StreamRecord::CloseReason::recordingStopped()));
        m_streamRunning = false;
    }
    flush();
    m_flushTimer.stop();
    m_file.close();
}

void StreamRecorder::record(const StreamRecord &record)
{
    if (!m_file.isOpen())
        return;
    using Kind = StreamRecord::Kind;
    if (record.kind == Kind::Comment && !m_recordComments)
        return;
    if (record.kind == Kind::Connecting)
        m_streamRunning = true;
    else if (record.kind == Kind::Closed)
        m_streamRunning = false;
    if (record.kind != Kind::Session)
        m_connection = record.connection;
    if (record.time.isValid()) {
        RecordJson::appendRecord(m_buffer, record);
    } else {
        StreamRecord timed = record;
        timed.time = QDateTime::currentDateTimeUtc();
        RecordJson::appendRecord(m_buffer, timed);
    }
    if (record.kind == Kind::Event)
        ++m_eventCount;
    noteAppended();
    // The stream stopped: get its last lines to disk now rather than on the next timer.
    if (record.kind == Kind::Closed)
        flush();
}

void StreamRecorder::recordEvent(const SseEvent &event)
{
    if (!m_file.isOpen())
        return;
    RecordJson::appendEvent(m_buffer, event);
    m_connection = event.connection;
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
