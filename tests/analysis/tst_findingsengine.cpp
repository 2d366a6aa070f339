// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include <QJsonArray>
#include <QTest>

#include "findingsengine.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QDateTime Base = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);

QDateTime at(qint64 ms)
{
    return Base.addMSecs(ms);
}

// A story in one line per step, so a table row reads like the stream it stands for:
//   T connecting C [LAST-EVENT-ID]      T open C [Name=value|-Name|http2 ...]
//   T event C [id=ID|id=-] [data=TEXT…] T comment C [TEXT]    T retry C MS
//   T error C KIND [simulated]          T reconnecting C      T closed C
//   T tick                              T others N (setOtherOpenStreams)
// Events of one read share T. data=ts:MS is an ISO timestamp of Base + MS; without data= an
// event's data is "event <id>". An open sends text/event-stream and Cache-Control: no-cache
// unless told otherwise.
class Story
{
public:
    explicit Story(FindingsEngine::Settings settings = {})
        : m_engine(settings)
    {}

    void run(const QStringList &lines)
    {
        for (const QString &line : lines)
            step(line);
        m_engine.finish(at(m_last + 1));
        take();
    }

    QStringList ids() const
    {
        QStringList result;
        for (const StreamRecord &record : m_findings)
            result.append(record.finding.id);
        return result;
    }
    const QList<StreamRecord> &findings() const { return m_findings; }
    FindingsEngine &engine() { return m_engine; }

private:
    void step(const QString &line)
    {
        const QStringList words = line.split(u' ');
        const qint64 time = words.at(0).toLongLong();
        m_last = std::max(m_last, time);
        const QString kind = words.at(1);
        const int connection = words.value(2).toInt();
        StreamRecord record;
        record.time = at(time);
        record.connection = connection;
        if (kind == u"event"_s) {
            SseEvent event;
            event.connection = connection;
            event.receivedAt = at(time);
            event.type = u"message"_s;
            event.lastEventId = m_lastId;
            for (qsizetype i = 3; i < words.size(); ++i) {
                const QString &word = words.at(i);
                if (word.startsWith(u"id="_s)) {
                    const QString id = word.mid(3);
                    if (id != u"-"_s) {
                        event.hasId = true;
                        event.lastEventId = id;
                        m_lastId = id;
                    }
                } else if (word.startsWith(u"type="_s)) {
                    event.type = word.mid(5);
                } else if (word.startsWith(u"data="_s)) {
                    event.data = words.mid(i).join(u' ').mid(5);
                    if (event.data.startsWith(u"ts:"_s))
                        event.data = at(event.data.mid(3).toLongLong()).toString(Qt::ISODateWithMs);
                    break;
                }
            }
            if (event.data.isEmpty())
                event.data = u"event "_s + event.lastEventId;
            m_engine.addEvent(event);
        } else if (kind == u"tick"_s) {
            m_engine.tick(at(time));
        } else if (kind == u"others"_s) {
            m_engine.setOtherOpenStreams(connection);
        } else {
            using Kind = StreamRecord::Kind;
            if (kind == u"connecting"_s) {
                record.kind = Kind::Connecting;
                record.lastEventId = words.value(3);
                record.url = u"http://127.0.0.1:8080/stream"_s;
            } else if (kind == u"open"_s) {
                record.kind = Kind::Open;
                record.status = 200;
                record.httpVersion = u"1.1"_s;
                record.url = u"http://127.0.0.1:8080/stream"_s;
                record.headers = { { "Content-Type", "text/event-stream" },
                                   { "Cache-Control", "no-cache" } };
                for (const QString &word : words.mid(3)) {
                    if (word == u"http2"_s) {
                        record.httpVersion = u"2"_s;
                    } else if (word.startsWith(u'-')) {
                        const QByteArray name = word.mid(1).toLatin1();
                        record.headers.removeIf([&name](const auto &header) {
                            return header.first.compare(name, Qt::CaseInsensitive) == 0;
                        });
                    } else {
                        const qsizetype equals = word.indexOf(u'=');
                        const QByteArray name = word.left(equals).toLatin1();
                        const QByteArray value =
                                word.mid(equals + 1).replace(u'_', u' ').toLatin1();
                        record.headers.removeIf([&name](const auto &header) {
                            return header.first.compare(name, Qt::CaseInsensitive) == 0;
                        });
                        record.headers.append({ name, value });
                    }
                }
            } else if (kind == u"comment"_s) {
                record.kind = Kind::Comment;
                record.text = words.mid(3).join(u' ');
            } else if (kind == u"retry"_s) {
                record.kind = Kind::Retry;
                record.retryMs = words.value(3).toLongLong();
            } else if (kind == u"error"_s) {
                record.kind = Kind::Error;
                record.error.kind = SseError::kindFromName(words.value(3))
                                            .value_or(SseError::Kind::NetworkError);
                record.error.simulated = words.contains(u"simulated"_s);
            } else if (kind == u"reconnecting"_s) {
                record.kind = Kind::Reconnecting;
                record.lastEventId = m_lastId;
            } else if (kind == u"closed"_s) {
                record.kind = Kind::Closed;
            } else {
                qFatal("unknown story step: %s", qPrintable(line));
            }
            m_engine.addRecord(record);
        }
        take();
    }

    void take()
    {
        if (m_engine.hasFindings())
            m_findings += m_engine.takeFindings();
    }

    FindingsEngine m_engine;
    QList<StreamRecord> m_findings;
    QString m_lastId;
    qint64 m_last = 0;
};

// Events FIRST..LAST on connection C, one every STEP ms from T (one read each).
QStringList events(int connection, qint64 first, qint64 last, qint64 time, qint64 step,
                   const QString &extra = {})
{
    QStringList lines;
    for (qint64 id = first; id <= last; ++id, time += step)
        lines.append(u"%1 event %2 id=%3%4"_s.arg(time).arg(connection).arg(id).arg(extra));
    return lines;
}

// A clean first connection with ids 1..N, then a cut and the next attempt sending N.
QStringList cutAfter(qint64 last, qint64 step = 100)
{
    QStringList lines { u"0 connecting 1"_s, u"10 open 1"_s };
    lines += events(1, 1, last, 100, step);
    const qint64 end = 100 + last * step;
    lines += { u"%1 error 1 simulatedDrop simulated"_s.arg(end), u"%1 reconnecting 1"_s.arg(end),
               u"%1 connecting 2 %2"_s.arg(end + 50).arg(last), u"%1 open 2"_s.arg(end + 60) };
    return lines;
}

QString value(const StreamRecord &record, const QString &key)
{
    return record.finding.parameters.value(key).toVariant().toString();
}

} // namespace

class TestFindingsEngine : public QObject
{
    Q_OBJECT
private slots:
    void findings_data();
    void findings();
    void everyFindingIsComplete();
    void positionsPointAtTheStory();
    void recordsReplayTheSameFindings();
    void hopTableIsAnInput();
};

void TestFindingsEngine::findings_data()
{
    QTest::addColumn<QStringList>("story");
    QTest::addColumn<QStringList>("expected"); // finding ids, in the order found
    QTest::addColumn<QStringList>("checks"); // "id.parameter=value" of the first such finding

    // Resume verdicts ---------------------------------------------------------------------
    QTest::newRow("resume clean with replay") << cutAfter(9)
                    + QStringList { u"2000 event 2 id=10"_s, u"2000 event 2 id=11"_s,
                                    u"2000 event 2 id=12"_s, u"3000 event 2 id=13"_s }
                                              << QStringList { u"resume.clean"_s }
                                              << QStringList { u"resume.clean.lastEventId=9"_s,
                                                               u"resume.clean.firstId=10"_s,
                                                               u"resume.clean.lastReplayedId=12"_s,
                                                               u"resume.clean.nextId=13"_s,
                                                               u"resume.clean.lost=0"_s,
                                                               u"resume.clean.duplicates=0"_s };
    QTest::newRow("resume clean, live continues")
            << cutAfter(9) + QStringList { u"2000 event 2 id=10"_s, u"3000 event 2 id=11"_s }
            << QStringList { u"resume.clean"_s } << QStringList { u"resume.clean.replayed=1"_s };
    QTest::newRow("resume gap") << cutAfter(9)
                    + QStringList { u"2000 event 2 id=31"_s, u"3000 event 2 id=32"_s }
                                << QStringList { u"resume.gap"_s }
                                << QStringList { u"resume.gap.lost=21"_s,
                                                 u"resume.gap.firstId=31"_s };
    QStringList firehose { u"0 connecting 1"_s, u"10 open 1"_s };
    firehose += events(1, 7238801, 7238811, 100, 0);
    firehose += { u"200 error 1 connectionReset"_s, u"200 reconnecting 1"_s,
                  u"300 connecting 2 7238811"_s,    u"310 open 2"_s,
                  u"320 event 2 id=7259712"_s,      u"320 event 2 id=7259713"_s };
    QTest::newRow("resume gap under a firehose")
            << firehose << QStringList { u"resume.gap"_s }
            << QStringList { u"resume.gap.lost=20900"_s, u"resume.gap.lastEventId=7238811"_s };
    QTest::newRow("resume gap inside the replay")
            << cutAfter(9) + QStringList { u"2000 event 2 id=10"_s, u"2000 event 2 id=13"_s }
            << QStringList { u"resume.gap"_s } << QStringList { u"resume.gap.lost=2"_s };
    QTest::newRow("resume duplicates")
            << cutAfter(9) + events(2, 7, 12, 2000, 0) << QStringList { u"resume.duplicate"_s }
            << QStringList { u"resume.duplicate.duplicates=3"_s, u"resume.duplicate.firstId=7"_s };
    QTest::newRow("resume restart, Last-Event-ID ignored")
            << cutAfter(48, 10) + events(2, 1, 48, 700, 0) << QStringList { u"resume.restart"_s }
            << QStringList { u"resume.restart.duplicates=48"_s, u"resume.restart.firstId=1"_s,
                             u"resume.restart.lastEventId=48"_s };
    QTest::newRow("resume restart with new events")
            << cutAfter(5) + events(2, 1, 3, 700, 0, u" data=new"_s)
            << QStringList { u"resume.restart"_s }
            << QStringList { u"resume.restart.duplicates=0"_s };
    QStringList backwards { u"0 connecting 1"_s, u"10 open 1"_s };
    backwards += events(1, 100, 105, 100, 100);
    backwards += { u"800 error 1 connectionReset"_s, u"800 reconnecting 1"_s,
                   u"900 connecting 2 105"_s, u"910 open 2"_s, u"920 event 2 id=50 data=x"_s };
    QTest::newRow("resume ids go backwards") << backwards << QStringList { u"resume.backwards"_s }
                                             << QStringList { u"resume.backwards.firstId=50"_s };
    QTest::newRow("resume without ids") << QStringList { u"0 connecting 1"_s,
                                                         u"10 open 1"_s,
                                                         u"100 event 1 data=a"_s,
                                                         u"200 event 1 data=b"_s,
                                                         u"300 error 1 connectionReset"_s,
                                                         u"300 reconnecting 1"_s,
                                                         u"400 connecting 2"_s,
                                                         u"410 open 2"_s,
                                                         u"500 event 2 data=c"_s }
                                        << QStringList { u"resume.no-ids"_s }
                                        << QStringList { u"resume.no-ids.eventsWithoutId=2"_s };
    QTest::newRow("resume without ids, history sent again")
            << QStringList { u"0 connecting 1"_s,
                             u"10 open 1"_s,
                             u"100 event 1 data=alpha"_s,
                             u"200 event 1 data=beta"_s,
                             u"300 event 1 data=gamma"_s,
                             u"400 error 1 connectionReset"_s,
                             u"400 reconnecting 1"_s,
                             u"500 connecting 2"_s,
                             u"510 open 2"_s,
                             u"520 event 2 data=alpha"_s,
                             u"520 event 2 data=beta"_s,
                             u"520 event 2 data=gamma"_s }
            << QStringList { u"resume.no-ids"_s, u"resume.duplicate"_s }
            << QStringList { u"resume.duplicate.duplicates=3"_s };
    QTest::newRow("token repeats are not duplicates")
            << QStringList { u"0 connecting 1"_s,
                             u"10 open 1"_s,
                             u"100 event 1 data=."_s,
                             u"200 event 1 data=the"_s,
                             u"300 error 1 connectionReset"_s,
                             u"300 reconnecting 1"_s,
                             u"400 connecting 2"_s,
                             u"410 open 2"_s,
                             u"520 event 2 data=the"_s,
                             u"520 event 2 data=new"_s,
                             u"520 event 2 data=words"_s }
            << QStringList { u"resume.no-ids"_s } << QStringList();
    QTest::newRow("reopened from scratch: no resume")
            << QStringList { u"0 connecting 1"_s, u"10 open 1"_s } + events(1, 1, 5, 100, 100)
                    + QStringList { u"700 closed 1"_s, u"800 connecting 1"_s, u"810 open 1"_s }
                    + events(1, 1, 3, 900, 100)
            << QStringList() << QStringList();
    QTest::newRow("reopened with a Last-Event-ID resumes")
            << QStringList { u"0 connecting 1"_s, u"10 open 1"_s } + events(1, 1, 5, 100, 100)
                    + QStringList { u"700 closed 1"_s, u"800 connecting 1 5"_s, u"810 open 1"_s }
                    + events(1, 6, 8, 900, 0)
            << QStringList { u"resume.clean"_s } << QStringList { u"resume.clean.firstId=6"_s };
    QStringList sparse { u"0 connecting 1"_s,      u"10 open 1"_s,
                         u"100 event 1 id=1000"_s, u"200 event 1 id=2000"_s,
                         u"300 event 1 id=3500"_s, u"400 error 1 connectionReset"_s,
                         u"400 reconnecting 1"_s,  u"500 connecting 2 3500"_s,
                         u"510 open 2"_s,          u"600 event 2 id=9000"_s };
    QTest::newRow("resume with ids that are not consecutive")
            << sparse << QStringList { u"resume.clean"_s }
            << QStringList { u"resume.clean.lost=0"_s };

    // Buffering ---------------------------------------------------------------------------
    // Five events made 200 ms apart (timestamps in the data) arrive in one read each second.
    QStringList held { u"0 connecting 1"_s, u"10 open 1 Server=nginx/1.22.1"_s };
    for (int burst = 0; burst < 3; ++burst) {
        const qint64 read = 1000 + burst * 1000;
        for (int i = 0; i < 5; ++i)
            held.append(u"%1 event 1 id=%2 data=ts:%3"_s.arg(read)
                                .arg(burst * 5 + i + 1)
                                .arg(read - 1000 + i * 200));
    }
    QTest::newRow("burst after silence, timestamps")
            << held << QStringList { u"buffering.burst"_s }
            << QStringList { u"buffering.burst.layer=nginx"_s, u"buffering.burst.events=5"_s,
                             u"buffering.burst.evidence=timestamps"_s,
                             u"buffering.burst.layerValue=nginx/1.22.1"_s };
    QStringList batches { u"0 connecting 1"_s, u"10 open 1"_s };
    for (int burst = 0; burst < 3; ++burst) {
        const qint64 read = 1000 + burst * 1000;
        for (int i = 0; i < 5; ++i)
            batches.append(u"%1 event 1 id=%2 data=ts:%3"_s.arg(read)
                                   .arg(burst * 5 + i + 1)
                                   .arg(read - 2));
    }
    QTest::newRow("batches the server made at once") << batches << QStringList() << QStringList();
    QStringList rhythm { u"0 connecting 1"_s, u"10 open 1 cf-ray=8a1b2c3d4e-AMS"_s };
    rhythm += events(1, 1, 6, 200, 200);
    for (int burst = 0; burst < 2; ++burst) {
        const qint64 read = 2200 + burst * 1000;
        for (int i = 0; i < 5; ++i)
            rhythm.append(u"%1 event 1 id=%2"_s.arg(read).arg(7 + burst * 5 + i));
    }
    QTest::newRow("burst after a steady rhythm")
            << rhythm << QStringList { u"buffering.burst"_s }
            << QStringList { u"buffering.burst.evidence=rhythm"_s,
                             u"buffering.burst.layer=Cloudflare"_s };
    QStringList late { u"0 connecting 1"_s, u"10 open 1 Via=1.1_varnish"_s };
    late += events(1, 1, 6, 1510, 0);
    late += events(1, 7, 9, 1600, 100);
    QTest::newRow("body held after the headers")
            << late << QStringList { u"buffering.first-byte"_s }
            << QStringList { u"buffering.first-byte.delayMs=1500"_s,
                             u"buffering.first-byte.events=6"_s,
                             u"buffering.first-byte.layer=a proxy"_s };
    QTest::newRow("a quiet server's late first event")
            << QStringList { u"0 connecting 1"_s, u"10 open 1"_s, u"4000 event 1 id=1"_s }
            << QStringList() << QStringList();
    QTest::newRow("compressed stream")
            << QStringList { u"0 connecting 1"_s, u"10 open 1 Content-Encoding=gzip"_s }
            << QStringList { u"hygiene.compressed"_s }
            << QStringList { u"hygiene.compressed.encoding=gzip"_s };

    // Idle and heartbeats -------------------------------------------------------------------
    QTest::newRow("flowing stream goes silent")
            << QStringList { u"0 connecting 1"_s, u"10 open 1"_s } + events(1, 1, 5, 100, 100)
                    + QStringList { u"10000 tick"_s, u"16000 tick"_s, u"17000 tick"_s }
            << QStringList { u"idle.silent"_s } << QStringList { u"idle.silent.silenceMs=15500"_s };
    QTest::newRow("silence past hop limits")
            << QStringList { u"0 connecting 1"_s, u"10 open 1"_s, u"100 event 1 id=1"_s,
                             u"35100 event 1 id=2"_s, u"35200 event 1 id=3"_s }
            << QStringList { u"idle.hop-limit"_s }
            << QStringList { u"idle.hop-limit.silenceMs=35000"_s };
    QTest::newRow("silence past two limits, found by ticks")
            << QStringList { u"0 connecting 1"_s,   u"10 open 1"_s,  u"100 event 1 id=1"_s,
                             u"200 event 1 id=2"_s, u"20000 tick"_s, u"31000 tick"_s,
                             u"61000 tick"_s }
            << QStringList { u"idle.silent"_s, u"idle.hop-limit"_s, u"idle.hop-limit"_s }
            << QStringList();
    QTest::newRow("heartbeat cadence")
            << QStringList { u"0 connecting 1"_s, u"10 open 1"_s, u"15000 comment 1 ping"_s,
                             u"30000 comment 1 ping"_s, u"45000 comment 1 ping"_s }
            << QStringList { u"idle.heartbeat"_s }
            << QStringList { u"idle.heartbeat.intervalMs=15000"_s,
                             u"idle.heartbeat.kind=comment"_s };
    QTest::newRow("heartbeat events slower than a hop")
            << QStringList { u"0 connecting 1"_s, u"10 open 1"_s,
                             u"100 event 1 id=1 type=ping data=x"_s,
                             u"40100 event 1 id=2 type=ping data=x"_s,
                             u"80100 event 1 id=3 type=ping data=x"_s }
            << QStringList { u"idle.hop-limit"_s, u"idle.heartbeat"_s }
            << QStringList { u"idle.heartbeat.intervalMs=40000"_s, u"idle.heartbeat.kind=event"_s };
    QStringList cut;
    for (int connection = 1; connection <= 3; ++connection) {
        const qint64 start = (connection - 1) * 70'000;
        cut += {
            u"%1 connecting %2"_s.arg(start).arg(connection),
            u"%1 open %2"_s.arg(start + 10).arg(connection),
            u"%1 comment %2 ping"_s.arg(start + 20'000).arg(connection),
            u"%1 comment %2 ping"_s.arg(start + 40'000).arg(connection),
            u"%1 error %2 connectionReset"_s.arg(start + 60'010 + connection * 50).arg(connection),
            u"%1 reconnecting %2"_s.arg(start + 60'200).arg(connection)
        };
    }
    QTest::newRow("every connection cut after 60 s")
            << cut << QStringList { u"idle.heartbeat"_s, u"idle.lifetime"_s }
            << QStringList { u"idle.lifetime.lifetimeMs=60100"_s,
                             u"idle.lifetime.connections=3"_s };

    // Response hygiene ----------------------------------------------------------------------
    QTest::newRow("clean stream") << QStringList { u"0 connecting 1"_s, u"10 open 1"_s }
                    + events(1, 1, 20, 100, 500)
                    + QStringList { u"10000 tick"_s, u"10500 closed 1"_s }
                                  << QStringList() << QStringList();
    QTest::newRow("no Cache-Control")
            << QStringList { u"0 connecting 1"_s, u"10 open 1 -Cache-Control"_s }
            << QStringList { u"hygiene.no-cache"_s }
            << QStringList { u"hygiene.no-cache.cacheControl="_s };
    QTest::newRow("Cache-Control without no-cache")
            << QStringList { u"0 connecting 1"_s, u"10 open 1 Cache-Control=max-age=60"_s }
            << QStringList { u"hygiene.no-cache"_s }
            << QStringList { u"hygiene.no-cache.cacheControl=max-age=60"_s };
    QTest::newRow("Content-Length")
            << QStringList { u"0 connecting 1"_s, u"10 open 1 Content-Length=512"_s }
            << QStringList { u"hygiene.content-length"_s }
            << QStringList { u"hygiene.content-length.contentLength=512"_s };
    QTest::newRow("Connection: close")
            << QStringList { u"0 connecting 1"_s, u"10 open 1 Connection=close"_s }
            << QStringList { u"hygiene.connection-close"_s } << QStringList();
    QTest::newRow("charset")
            << QStringList { u"0 connecting 1"_s,
                             u"10 open 1 Content-Type=text/event-stream;_charset=ISO-8859-1"_s }
            << QStringList { u"hygiene.charset"_s }
            << QStringList { u"hygiene.charset.charset=iso-8859-1"_s };
    QTest::newRow("charset utf-8 is fine")
            << QStringList { u"0 connecting 1"_s,
                             u"10 open 1 Content-Type=text/event-stream;_charset=UTF-8"_s }
            << QStringList() << QStringList();
    QTest::newRow("seven HTTP/1.1 streams to one origin")
            << QStringList { u"0 others 6"_s, u"0 connecting 1"_s, u"10 open 1"_s }
            << QStringList { u"hygiene.http1-streams"_s }
            << QStringList { u"hygiene.http1-streams.streams=7"_s,
                             u"hygiene.http1-streams.origin=http://127.0.0.1:8080"_s };
    QTest::newRow("seven HTTP/2 streams are fine")
            << QStringList { u"0 others 6"_s, u"0 connecting 1"_s, u"10 open 1 http2"_s }
            << QStringList() << QStringList();
    QTest::newRow("streams opened later in other tabs")
            << QStringList { u"0 connecting 1"_s, u"10 open 1"_s, u"5000 others 6"_s }
            << QStringList { u"hygiene.http1-streams"_s } << QStringList();
    QTest::newRow("HTML page as data")
            << QStringList { u"0 connecting 1"_s, u"10 open 1"_s,
                             u"100 event 1 data=<html><head><title>502 Bad Gateway</title>"_s }
            << QStringList { u"hygiene.html-data"_s }
            << QStringList { u"hygiene.html-data.title=502 Bad Gateway"_s };
    QTest::newRow("server closes without retry")
            << QStringList { u"0 connecting 1"_s, u"10 open 1"_s, u"100 event 1 id=1"_s,
                             u"200 error 1 remoteClosed"_s }
            << QStringList { u"hygiene.no-retry"_s } << QStringList();
    QTest::newRow("server closes after retry")
            << QStringList { u"0 connecting 1"_s, u"10 open 1"_s, u"11 retry 1 2000"_s,
                             u"100 event 1 id=1"_s, u"200 error 1 remoteClosed"_s }
            << QStringList() << QStringList();
    QTest::newRow("no data after the headers")
            << QStringList { u"0 connecting 1"_s, u"10 open 1"_s, u"5000 tick"_s, u"11000 tick"_s,
                             u"12000 tick"_s }
            << QStringList { u"hygiene.silent-start"_s }
            << QStringList { u"hygiene.silent-start.silenceMs=10990"_s };
    QTest::newRow("headers only with the first event")
            << QStringList { u"0 connecting 1"_s, u"6000 open 1"_s, u"6000 event 1 id=1"_s }
            << QStringList { u"hygiene.slow-headers"_s }
            << QStringList { u"hygiene.slow-headers.waitMs=6000"_s };
    QTest::newRow("ids go backwards mid-stream")
            << QStringList { u"0 connecting 1"_s, u"10 open 1"_s } + events(1, 5, 7, 100, 100)
                    + QStringList { u"500 event 1 id=3"_s }
            << QStringList { u"ids.backwards"_s }
            << QStringList { u"ids.backwards.previousId=7"_s, u"ids.backwards.id=3"_s };
}

void TestFindingsEngine::findings()
{
    QFETCH(QStringList, story);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, checks);

    QStringList lines;
    for (const QString &line : story)
        lines += line.split(u'|');
    Story run;
    run.run(lines);
    QVERIFY2(run.ids() == expected, qPrintable(run.ids().join(u", "_s)));
    for (const QString &check : checks) {
        const qsizetype equals = check.indexOf(u'=');
        const qsizetype dot = check.lastIndexOf(u'.', equals);
        const QString id = check.left(dot);
        const QString key = check.mid(dot + 1, equals - dot - 1);
        const auto found =
                std::find_if(run.findings().cbegin(), run.findings().cend(),
                             [&id](const StreamRecord &record) { return record.finding.id == id; });
        QVERIFY2(found != run.findings().cend(), qPrintable(check));
        QVERIFY2(found->finding.parameters.contains(key), qPrintable(check));
        QCOMPARE(value(*found, key), check.mid(equals + 1));
    }
}

// Every finding of every row carries what the faces rely on.
void TestFindingsEngine::everyFindingIsComplete()
{
    QStringList story = cutAfter(9) + events(2, 31, 33, 2000, 0);
    story += { u"3000 tick"_s, u"40000 tick"_s };
    Story run;
    run.run(story);
    QVERIFY(!run.findings().isEmpty());
    for (const StreamRecord &record : run.findings()) {
        QCOMPARE(record.kind, StreamRecord::Kind::Finding);
        QVERIFY(record.time.isValid());
        QVERIFY(record.connection > 0);
        const Finding &finding = record.finding;
        QVERIFY2(finding.id.contains(u'.'), qPrintable(finding.id));
        QVERIFY2(!finding.verdict.isEmpty() && !finding.verdict.contains(u'\n'),
                 qPrintable(finding.id));
        QVERIFY2(!finding.parameters.isEmpty(), qPrintable(finding.id));
        QVERIFY2(!finding.evidence.connections.isEmpty(), qPrintable(finding.id));
        QVERIFY2(!finding.evidence.times.isEmpty(), qPrintable(finding.id));
        if (finding.severity != Finding::Severity::Info)
            QVERIFY2(!finding.advice.isEmpty(), qPrintable(finding.id));
    }
}

void TestFindingsEngine::positionsPointAtTheStory()
{
    // Connecting 1, Open 1, events 1..9 (positions 3..11), Error, Reconnecting, Connecting 2
    // (position 14), Open 2, then the first event after the reconnect (position 16).
    Story run;
    run.run(cutAfter(9) + events(2, 31, 31, 2000, 0));
    QCOMPARE(run.ids(), QStringList { u"resume.gap"_s });
    const Finding::Evidence &evidence = run.findings().constFirst().finding.evidence;
    QCOMPARE(evidence.records, (QList<qint64> { 14, 16 }));
    QCOMPARE(evidence.connections, (QList<int> { 1, 2 }));
    QCOMPARE(evidence.eventIds, (QStringList { u"9"_s, u"31"_s }));
    QCOMPARE(evidence.times.constLast(), at(2000));
    QCOMPARE(run.engine().position(), 16);
}

void TestFindingsEngine::recordsReplayTheSameFindings()
{
    // A recording's lines (events as records) give the same verdicts as the live signals.
    Story live;
    const QStringList story = cutAfter(9) + events(2, 31, 33, 2000, 0);
    live.run(story);

    FindingsEngine replay;
    QList<StreamRecord> found;
    for (const QString &line : story) {
        const QStringList words = line.split(u' ');
        if (words.at(1) != u"event"_s)
            continue;
        SseEvent event;
        event.connection = words.at(2).toInt();
        event.receivedAt = at(words.at(0).toLongLong());
        event.hasId = true;
        event.lastEventId = words.at(3).mid(3);
        event.data = u"event "_s + event.lastEventId;
        found.append(StreamRecord::fromEvent(event));
    }
    QCOMPARE(found.size(), 12);
    StreamRecord connecting;
    connecting.kind = StreamRecord::Kind::Connecting;
    connecting.connection = 2;
    connecting.lastEventId = u"9"_s;
    connecting.time = at(1050);
    for (const StreamRecord &record : found.first(9))
        replay.addRecord(record);
    replay.addRecord(connecting);
    for (const StreamRecord &record : found.mid(9))
        replay.addRecord(record);
    replay.finish(at(5000));
    const QList<StreamRecord> verdicts = replay.takeFindings();
    QCOMPARE(verdicts.size(), 1);
    QCOMPARE(verdicts.constFirst().finding.id, live.findings().constFirst().finding.id);
    QCOMPARE(verdicts.constFirst().finding.parameters.value(u"lost"_s).toInt(), 21);
}

void TestFindingsEngine::hopTableIsAnInput()
{
    FindingsEngine::Settings settings;
    QCOMPARE(settings.hopLimits.size(), 5);
    settings.hopLimits = { { u"corporate proxy"_s, u"idle timeout"_s, 5s } };
    Story run(settings);
    run.run({ u"0 connecting 1"_s, u"10 open 1"_s, u"100 event 1 id=1"_s, u"6100 event 1 id=2"_s });
    QCOMPARE(run.ids(), QStringList { u"idle.hop-limit"_s });
    const QJsonArray exceeded =
            run.findings().constFirst().finding.parameters.value(u"exceeded"_s).toArray();
    QCOMPARE(exceeded.size(), 1);
    QCOMPARE(exceeded.at(0).toObject().value(u"name"_s).toString(), u"corporate proxy"_s);
    QCOMPARE(exceeded.at(0).toObject().value(u"limitMs"_s).toInteger(), 5000);
    QVERIFY(run.findings().constFirst().finding.verdict.contains(u"corporate proxy"_s));
}

QTEST_GUILESS_MAIN(TestFindingsEngine)
#include "tst_findingsengine.moc"
