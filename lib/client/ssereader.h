// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <optional>
#include <utility>

#include <QByteArray>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include "endmarkerdetector.h"
#include "eventmatcher.h"
#include "jsonlinesparser.h"
#include "reconnectpolicy.h"
#include "sseerror.h"
#include "sseevent.h"
#include "sseparser.h"
#include "streamrecord.h"
#include "streamrequest.h"

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

/// A browser-grade EventSource over QNetworkAccessManager: opens a stream, emits one signal
/// per event, reconnects by a ReconnectPolicy with Last-Event-ID, and injects faults on demand.
///
/// Life cycle: open() → Connecting → (Open record) Open → on a failure either Connecting again
/// (a countdown runs: Reconnecting record, nextAttemptAt()) or Closed for good (Closed record).
///
/// How a stream ends, and what follows (the Closed record's reason):
/// - an end marker of its profile (StreamRequest::profile, see EndMarkerDetector: `[DONE]`,
///   message_stop, response.completed, …) arrives: "completed", never a reconnect, whatever the
///   policy; the user's own marker (StreamRequest::until): "until";
/// - an error event of its profile after HTTP 200 (Anthropic's `event: error`, …): a fatal
///   StreamError, then "failed";
/// - the server ends the body cleanly: a reconnect when the policy allows one and the request
///   may be sent again (StreamRequest::resendsBody(): not a POST unless asked), else "ended";
/// - any other failure: a reconnect, or "failed" / "gave-up". A request whose stream opened is
///   sent again only when resendsBody(); one that got no stream (refused, an error status) may
///   be retried as the policy says.
///
/// The response's Content-Type picks the parser: `text/event-stream` (SseParser) or a JSON-lines
/// type (JsonLinesParser: one line, one "message" event); anything else fails the connection.
/// Everything that happens is told once, as records (see StreamRecord); the getters below are
/// for live displays (countdowns, totals), not for filling in what a record left out.
/// Attempt numbering restarts at 1 when the failed connection had stayed Open for at least
/// Settings::stableAfter (0 = any connection that reached Open resets it).
/// Do not delete the reader from one of its own signal handlers; use deleteLater().
class SseReader : public QObject
{
    Q_OBJECT
public:
    /// The EventSource readyState: Connecting also covers the wait before a reconnect.
    enum class State { Connecting, Open, Closed };
    Q_ENUM(State)

    /// How simulateDrop() breaks the connection.
    enum class DropMode {
        Abort, ///< Cut now as a network reset, then the normal reconnect path.
        Offline, ///< Cut now, and every attempt within the window fails without touching the network.
    };
    Q_ENUM(DropMode)

    using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

    /// What to open; re-sent unchanged (plus Last-Event-ID) on every reconnect.
    using Request = StreamRequest;

    explicit SseReader(QObject *parent = nullptr);
    /// Uses a shared manager (not owned) instead of an own one. Each open stream holds one of
    /// its HTTP/1.1 connections for good, and QNAM allows 6 per host: share with care.
    explicit SseReader(QNetworkAccessManager *manager, QObject *parent = nullptr);
    ~SseReader() override;

    /// Takes effect at the next open(); the policy settings also at the next reconnect.
    void setRequest(const Request &request);
    /// Changes the reconnection settings and the idle timeout of a running stream at once:
    /// the next failure uses the new policy, and the idle timeout counts from the last byte.
    /// (A reconnect already scheduled keeps its delay.) Headers, body and URL wait for open().
    void setLiveSettings(const ReconnectPolicy::Settings &reconnect,
                         std::chrono::milliseconds idleTimeout);
    const Request &request() const { return m_request; }

    State state() const { return m_state; }
    QNetworkAccessManager *networkAccessManager() const { return m_manager; }

    /// The URL the current (or last) connection ended up at, after redirects.
    QUrl finalUrl() const { return m_finalUrl; }
    /// Status and headers of the current (or last) response; 0 / empty before one arrived.
    int httpStatus() const { return m_httpStatus; }
    HeaderList responseHeaders() const { return m_responseHeaders; }
    /// The id the next attempt sends as Last-Event-ID.
    QString lastEventId() const { return m_parser.lastEventId(); }
    /// The last valid `retry:` received, if any.
    std::optional<std::chrono::milliseconds> serverRetry() const { return m_policy.serverRetry(); }
    /// The most recent error (stays set after recovery; cleared by open()).
    SseError lastError() const { return m_lastError; }

    /// Connections started by this reader, including attempts that failed before Open; the
    /// number carried by every record and SseEvent::connection. It keeps counting across
    /// open(), so "connection 3" never names two different sessions of one reader.
    int connectionCount() const { return m_connectionCount; }
    /// The attempt number of the pending (or last) reconnect since the last connection that
    /// opened: 1 after a drop, 2 when that attempt failed as well, and so on (0 = none yet).
    int reconnectAttempt() const { return m_attemptSinceOpen; }
    /// The policy's attempt number: what the backoff and maxAttempts count. Unlike
    /// reconnectAttempt(), only a connection that stayed open Settings::stableAfter resets it.
    int policyAttempt() const { return m_attempt; }
    /// Reconnects scheduled since open(), never reset by a stable connection.
    int attemptCount() const { return m_attemptTotal; }
    /// Events dispatched since open().
    quint64 eventCount() const { return m_eventCount; }
    /// Body bytes received since open(), over all connections (after any Content-Encoding
    /// is decoded).
    qint64 byteCount() const { return m_byteCount; }

    /// Whether a reconnect countdown is running.
    bool isReconnectPending() const { return m_reconnectTimer.isActive(); }
    /// When the pending attempt starts (QDeadlineTimer::Forever when none is pending).
    QDeadlineTimer nextAttemptAt() const;
    /// The length and origin of the pending (or last) reconnect delay.
    std::chrono::milliseconds nextDelay() const { return m_nextDelay.delay; }
    ReconnectPolicy::DelaySource nextDelaySource() const { return m_nextDelay.source; }
    /// Whether a simulated offline window is in force.
    bool isOfflineSimulated() const;
    /// When the simulated offline window ends (expired when none).
    QDeadlineTimer offlineUntil() const { return m_offlineUntil; }

public slots:
    /// Starts (or restarts) from scratch: counters reset, the initial Last-Event-ID applies.
    void open();
    /// Stops for good; only stateChanged(Closed) and a Closed record (reason "closed") follow.
    /// No-op when Closed.
    void close();
    /// close() with the reason the Closed record carries (e.g. "max-events").
    void closeWithReason(const QString &reason);
    /// Skips a pending reconnect countdown and attempts now. No-op otherwise.
    void reconnectNow();
    /// Breaks the connection on purpose; see DropMode. offlineFor only matters for Offline.
    void simulateDrop(SseReader::DropMode mode, std::chrono::milliseconds offlineFor = {});
    /// simulateDrop(DropMode::Abort).
    void simulateNetworkDrop() { simulateDrop(DropMode::Abort); }

signals:
    void stateChanged(SseReader::State state);
    /// One dispatched event, with connection and receivedAt set: the hot path, so no record is
    /// built for it. With recordReceived() it forms the stream's one ordered story.
    void eventReceived(const SseEvent &event);
    /// Every other step of the story (connecting, redirect, open, retry, comment, error,
    /// reconnecting, closed) as a complete record, connection and time filled in. Closed comes
    /// last, after close(), a fatal error or giving up.
    void recordReceived(const StreamRecord &record);

private:
    /// Feeds the parser's findings into signals; nested so it may touch the reader's state.
    class ParserSink final : public SseParser::Sink
    {
    public:
        explicit ParserSink(SseReader *reader)
            : m_reader(reader)
        {}
        void event(SseEvent &&event) override;
        void comment(QStringView text) override;
        void retry(qint64 milliseconds) override;
        void eventTooLarge(qint64 bytes) override;

        QDateTime m_receivedAt; ///< One timestamp per received chunk, not per event.
        bool m_active = false; ///< False once the connection is gone, even mid-chunk.

    private:
        SseReader *m_reader;
    };

    void startConnection();
    void handleMetaDataChanged();
    void handleReadyRead();
    void handleFinished();
    void handleIdleCheck();
    bool validateResponse();
    /// Reads what has arrived of a failed status's body, up to SseError::MaximumBodyBytes.
    void collectErrorBody();
    /// Fails the connection for the failed status, its body (as far as read) in the record.
    void failWithErrorBody();
    void discardReply();
    /// failure = nullopt: fatal whatever the policy says (e.g. an invalid URL).
    void failConnection(SseError error, const std::optional<ReconnectPolicy::Failure> &failure);
    void setState(State state);
    void finishClosed(const QString &reason, const QString &endMarker = {});
    /// After an event was emitted: the user's marker or the profile's end ends the stream.
    void checkEndOfStream(const SseEvent &event);
    /// Fills in connection and time and emits the record.
    void emitRecord(StreamRecord &record);
    /// The request's headers in the order and form they go on the wire, secrets masked.
    StreamRecord::HeaderList sentHeaders(const QNetworkRequest &request) const;

    QNetworkAccessManager *m_manager = nullptr;
    QPointer<QNetworkReply> m_reply;
    Request m_request;
    SseParser m_parser;
    JsonLinesParser m_lineParser;
    bool m_jsonLines = false; ///< The current response is JSON lines (m_lineParser), not SSE.
    EndMarkerDetector m_endMarkers;
    std::optional<EventMatcher> m_until;
    QElapsedTimer m_sinceRequest; ///< Since the current attempt's request went out.
    ParserSink m_sink { this };
    ReconnectPolicy m_policy;
    QTimer m_reconnectTimer;
    QTimer m_idleTimer;
    QElapsedTimer m_sinceLastByte;
    QElapsedTimer m_sinceOpen;
    QDeadlineTimer m_offlineUntil;
    QDeadlineTimer m_nextAttemptAt;
    QStringList m_tlsProblems;
    QByteArray m_readBuffer;
    State m_state = State::Closed;
    bool m_responseValidated = false;
    bool m_feeding = false; ///< The parser is on the stack: it must not be reset or replaced.
    QUrl m_finalUrl;
    int m_httpStatus = 0;
    HeaderList m_responseHeaders;
    SseError m_lastError;
    /// A non-200 response whose body is read before the connection fails, so that its Error
    /// record can show what the server said (a 401's JSON message).
    struct FailedResponse
    {
        SseError error;
        ReconnectPolicy::Failure failure;
        QByteArray contentType;
        QByteArray body;
    };
    std::optional<FailedResponse> m_failedResponse;
    ReconnectPolicy::Delay m_nextDelay;
    int m_connectionCount = 0;
    int m_attempt = 0;
    int m_attemptSinceOpen = 0;
    int m_attemptTotal = 0;
    quint64 m_eventCount = 0;
    qint64 m_byteCount = 0;
};
