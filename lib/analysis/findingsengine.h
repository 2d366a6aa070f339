// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <chrono>
#include <optional>

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include "finding.h"
#include "sseevent.h"
#include "streamrecord.h"

/// One hop on the way to a server that cuts a connection after a time without bytes (or a fixed
/// time): the table idle findings hold a stream's silences against.
struct HopLimit
{
    QString name; ///< e.g. "nginx", "AWS ALB".
    QString setting; ///< The knob that sets it, e.g. "proxy_read_timeout".
    std::chrono::milliseconds limit { 0 };

    friend bool operator==(const HopLimit &, const HopLimit &) = default;
};

/// The findings engine: tells what is wrong with a stream, and proves it. Pure: it is fed the
/// stream's story (the reader's events and records, or a recording's) and a clock, and gives
/// findings back as Finding records; no widgets, no network, no timers of its own. Every face
/// feeds one engine per stream and shows what it finds (docs/findings.md lists the findings).
///
/// Feeding: addEvent() for each event (the hot path: O(1) and allocation-free unless it finds
/// something), addRecord() for every other record in the same order, and tick() now and then
/// (a face's 1 s timer) so that silences are noticed while nothing arrives. The clock is the
/// records' own times (an event's receivedAt) and tick()'s argument, never the system clock,
/// so a recording replayed through an engine finds the same things.
///
/// Output: after any call, hasFindings() says whether takeFindings() has records to put into
/// the story right there. A resume verdict comes once the replay after a reconnect has arrived
/// (the first pause after the new connection's first events, or the next record).
class FindingsEngine
{
public:
    /// The thresholds; the defaults are the ones docs/findings.md gives.
    struct Settings
    {
        /// Idle limits of common hops, held against the stream's longest silence.
        QList<HopLimit> hopLimits = defaultHopLimits();
        /// idle.silent: an open stream that was flowing sends nothing for this long.
        std::chrono::milliseconds silentAfter { 15'000 };
        /// hygiene.silent-start: an open stream sends no byte for this long after its headers.
        std::chrono::milliseconds firstDataWithin { 10'000 };
        /// hygiene.slow-headers: the response headers take this long after the request.
        std::chrono::milliseconds slowHeadersAfter { 5'000 };
        /// buffering.first-byte: the body starts this long after the headers, held back.
        std::chrono::milliseconds lateFirstByteAfter { 1'000 };
        /// buffering.burst: at least burstEvents events in one arrival after burstSilence of
        /// nothing, the server evidently having made them spread out, burstRepeats times.
        std::chrono::milliseconds burstSilence { 500 };
        int burstEvents = 3;
        int burstRepeats = 2;
        /// Events received within this of the first of an arrival belong to it (one read).
        std::chrono::milliseconds burstSpread { 10 };
        /// A reconnect's replay has ended at the first pause this long between its events: a
        /// replay comes in back-to-back reads, live events each in a read of their own.
        std::chrono::milliseconds replayPause { 25 };
        /// hygiene.http1-streams: browsers open at most this many HTTP/1.1 connections to one
        /// origin.
        int originStreamLimit = 6;
        /// idle.lifetime: this many connections in a row cut after about the same time, each
        /// open at least minimumLifetime.
        int lifetimeRepeats = 3;
        std::chrono::milliseconds minimumLifetime { 1'000 };
    };

    /// nginx proxy_read_timeout 60 s, AWS ALB idle timeout 60 s, Cloudflare 100 s, Heroku 55 s
    /// (rolling), Google Cloud load balancer 30 s (backend service timeout).
    static QList<HopLimit> defaultHopLimits();

    FindingsEngine();
    explicit FindingsEngine(const Settings &settings);

    const Settings &settings() const { return m_settings; }

    /// One event of the story (the reader's eventReceived).
    void addEvent(const SseEvent &event);
    /// Any other record of the story (the reader's recordReceived; a recording's lines).
    /// Event records go to addEvent(); Session and Finding records are skipped.
    void addRecord(const StreamRecord &record);
    /// The time now, for what only silence reveals (idle, no first data, a pending verdict).
    void tick(const QDateTime &now);
    /// The end of the story: verdicts still waiting for more events are given now.
    void finish(const QDateTime &now);
    /// How many other streams the face has open to this stream's origin over HTTP/1.1 (the
    /// GUI counts its tabs); 0 by default.
    void setOtherOpenStreams(int count);

    bool hasFindings() const { return !m_found.isEmpty(); }
    /// The Finding records found since the last call, in the order found.
    QList<StreamRecord> takeFindings();

    /// Records and events fed so far (Session and Finding records not counted): the position
    /// findings' evidence refers to.
    qint64 position() const { return m_position; }

private:
    struct Arrival; // one read's worth of events
    /// A recently seen event, for duplicate checks after a reconnect (hashes only).
    struct Seen
    {
        size_t id = 0; ///< qHash of the id, 0 for an event without one.
        size_t payload = 0;
    };
    static constexpr int SeenCapacity = 4096;

    void handleConnecting(const StreamRecord &record);
    void handleOpen(const StreamRecord &record);
    void handleError(const StreamRecord &record);
    void handleBody(qint64 at, bool isEvent);
    void handleHeartbeat(qint64 at, const QString &kind);
    void noteSilence(qint64 silence, qint64 at);
    void closeArrival();
    void evaluateArrival();
    void evaluateFirstRead(qint64 producerSpan);
    void checkResumeEvent(const SseEvent &event, qint64 at, size_t idHash, size_t payloadHash);
    void giveResumeVerdict(qint64 at);
    void checkOriginStreams(qint64 at);
    void endConnection(qint64 at);
    void startRun();
    void report(Finding finding, int connection, qint64 at);
    /// Whether a hygiene finding was already given in this run (each is given once).
    bool once(const QString &id);

    Settings m_settings;
    QList<HopLimit> m_sortedLimits; ///< hopLimits by limit, shortest first.
    QList<StreamRecord> m_found;
    QStringList m_given; ///< Ids given once per run.
    qint64 m_position = 0;
    qint64 m_now = 0; ///< The latest time seen (ms since the epoch).
    int m_otherOpenStreams = 0;

    // The current connection.
    struct Connection
    {
        int number = 0;
        qint64 connectingAt = -1;
        qint64 connectingPosition = 0;
        qint64 openAt = -1; ///< -1 while not open.
        qint64 openPosition = 0;
        qint64 lastBodyAt = -1; ///< Last event, comment or retry (or the Open record).
        qint64 firstBodyAt = -1;
        qint64 bodyItems = 0;
        qint64 events = 0;
        bool silentReported = false;
        bool firstReadPending = false; ///< The first read after Open is still to be judged.
        bool firstReadHadControl = false; ///< It started with `retry:` or a comment.
        bool burstReported = false;
        int bursts = 0;
        bool backwardsReported = false;
        bool http1 = true;
        QString url;
        StreamRecord::HeaderList headers;
    } m_connection;

    // One arrival: the events of one read (within burstSpread of the first).
    struct Arrival
    {
        qint64 firstAt = -1;
        qint64 silenceBefore = 0;
        int count = 0;
        qint64 firstPosition = 0;
        bool judged = false; ///< After a silence, or the first read: worth evaluating.
        QString firstData;
        QString lastData;
        QString firstId;
        QString lastId;
    } m_arrival;
    struct Burst
    {
        int events = 0;
        qint64 silence = 0;
        qint64 producerSpan = -1;
        QString evidence;
        QString firstId;
        QString lastId;
        qint64 position = 0;
        qint64 at = 0;
    } m_biggestBurst;
    // Regular single-event arrivals before any burst: the rhythm the server keeps.
    std::array<qint64, 8> m_rhythm {};
    int m_rhythmCount = 0;

    // Ids in this run.
    QString m_lastId; ///< The last id in force (as events carry it).
    bool m_lastIdNumeric = false;
    qint64 m_lastIdNumber = 0;
    qsizetype m_lastIdPrefix = 0;
    std::optional<qint64> m_firstIdNumber; ///< The run's first numeric id.
    qint64 m_idSteps = 0; ///< Numeric steps between consecutive ids on one connection.
    qint64 m_unitSteps = 0; ///< Of which +1.
    qint64 m_eventsWithId = 0;
    qint64 m_eventsWithoutId = 0;
    bool m_noIdsReported = false;
    bool m_retrySeen = false;
    std::array<Seen, SeenCapacity> m_seen {};
    qint64 m_seenCount = 0; ///< Events ever put into m_seen (its write position).
    int m_lastConnectionNumber = 0;
    qint64 m_connectionsWithEvents = 0;
    int m_previousConnection = 0; ///< The last connection that delivered events.

    // The resume verdict being prepared after a reconnect.
    struct Resume
    {
        bool pending = false; ///< A reconnect happened; waiting for its first events.
        bool active = false; ///< Its first events are arriving.
        int connection = 0;
        int previousConnection = 0;
        QString sent; ///< The Last-Event-ID sent.
        QString lastIdBefore;
        bool sentNumeric = false;
        qint64 sentNumber = 0;
        bool contiguous = false; ///< Ids rose by one before the drop.
        qint64 seenMark = 0; ///< m_seenCount when the connection started: older is history.
        qint64 connectingPosition = 0;
        qint64 connectingAt = 0;
        // What arrived.
        int events = 0;
        qint64 firstAt = 0;
        qint64 lastAt = 0;
        qint64 firstPosition = 0;
        QString firstId;
        QString lastId;
        bool firstNumeric = false;
        qint64 firstNumber = 0;
        qint64 previousNumber = 0;
        bool previousNumeric = false;
        qint64 lost = 0; ///< Missing ids inside the replay and between it and the live events.
        qint64 duplicates = 0; ///< Events (id and payload) seen before.
        qint64 reusedIds = 0; ///< Ids seen before with another payload.
        qint64 payloadRepeats = 0; ///< Events without ids whose payload was seen before.
        bool firstRepeated = false; ///< The first event after the reconnect was one of them.
        bool backwards = false;
        QString nextId; ///< The first event after the replay, when it ended with a pause.
    } m_resume;

    // Heartbeats and silences.
    qint64 m_lastHeartbeatAt = -1;
    int m_heartbeats = 0;
    qint64 m_heartbeatIntervalSum = 0;
    QString m_heartbeatKind;
    bool m_heartbeatReported = false;
    qint64 m_longestSilence = 0;
    int m_limitsExceeded = 0; ///< How many of m_sortedLimits the longest silence passed.
    std::array<qint64, 8> m_lifetimes {};
    int m_lifetimeCount = 0;
    bool m_lifetimeReported = false;
};
