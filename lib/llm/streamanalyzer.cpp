// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "streamanalyzer.h"

#include <QLocale>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

// What a profile's stream sends last, for the missing-end-marker sentence.
QString endMarkerText(StreamProfile::Kind profile)
{
    switch (profile) {
    case StreamProfile::Kind::OpenAiChat:
        return u"data: [DONE]"_s;
    case StreamProfile::Kind::OpenAiResponses:
        return u"response.completed"_s;
    case StreamProfile::Kind::Anthropic:
        return u"message_stop"_s;
    case StreamProfile::Kind::Gemini:
        return u"a chunk with a finishReason"_s;
    case StreamProfile::Kind::Mcp:
        return u"the JSON-RPC response"_s;
    case StreamProfile::Kind::Ollama:
        return u"\"done\": true"_s;
    case StreamProfile::Kind::Auto:
    case StreamProfile::Kind::None:
    case StreamProfile::Kind::Custom:
        break;
    }
    return u"its end marker"_s;
}

bool isTokenLimit(const QString &reason)
{
    // OpenAI chat, Anthropic, Gemini and the Responses API's incomplete_details.reason.
    return reason == u"length"_s || reason == u"max_tokens"_s || reason == u"MAX_TOKENS"_s
            || reason == u"max_output_tokens"_s;
}

} // namespace

StreamAnalyzer::StreamAnalyzer(StreamProfile::Kind profile, const CustomProfile &custom)
    : m_detector(profile)
    , m_assembler(StreamProfile::Kind::None, custom)
{}

void StreamAnalyzer::addRecord(const StreamRecord &record)
{
    using Kind = StreamRecord::Kind;
    switch (record.kind) {
    case Kind::Connecting:
        m_pendingConnection = record.connection;
        m_pendingSent = record.time;
        m_detector.setUrl(QUrl(record.url));
        break;
    case Kind::Open:
        // A new answer: the summary is about the last connection that opened.
        m_connection = record.connection;
        m_timing.start(record.connection == m_pendingConnection ? m_pendingSent : QDateTime());
        m_timing.addHeaders(record.time, record.headersMs);
        m_detector.setResponseHeaders(record.headers);
        m_assembler.reset();
        m_end = End::Open;
        m_endMarker.clear();
        m_streamError.clear();
        break;
    case Kind::Event:
        addEvent(record.toEvent());
        break;
    case Kind::Comment:
    case Kind::Retry:
        if (record.connection == m_connection && m_end == End::Open)
            m_timing.addBodyRecord(record.time);
        break;
    case Kind::Error:
        if (record.connection != m_connection || m_end != End::Open)
            break;
        if (record.error.kind == SseError::Kind::EventTooLarge) {
            m_timing.addBodyRecord(record.time); // skipped, but its bytes did arrive
        } else if (record.error.kind == SseError::Kind::StreamError) {
            m_streamError = record.error.message;
            finishConnection(End::StreamError, record.time);
        } else {
            finishConnection(End::Failed, record.time);
        }
        break;
    case Kind::Closed:
        if (m_end != End::Open)
            break;
        if (record.reason == StreamRecord::CloseReason::completed()
            || record.reason == StreamRecord::CloseReason::until()) {
            m_endMarker = record.endMarker;
            finishConnection(End::Completed, record.time);
        } else if (record.reason == StreamRecord::CloseReason::ended()) {
            finishConnection(End::Ended, record.time);
        } else if (record.reason == StreamRecord::CloseReason::failed()
                   || record.reason == StreamRecord::CloseReason::gaveUp()) {
            finishConnection(End::Failed, record.time);
        } else {
            finishConnection(End::Stopped, record.time);
        }
        break;
    case Kind::Session:
    case Kind::Redirect:
    case Kind::Reconnecting:
    case Kind::Control:
    case Kind::Summary:
    case Kind::Finding:
        break;
    }
}

void StreamAnalyzer::finishConnection(End end, const QDateTime &at)
{
    m_end = end;
    m_timing.end(at);
}

void StreamAnalyzer::addEvent(const SseEvent &event)
{
    if (event.connection != m_connection || m_end != End::Open)
        return;
    if (isPlainStream()) {
        // Nothing to merge: no JSON parse per event on a fast plain stream.
        m_timing.addEvent(event.receivedAt, event.data.size());
        return;
    }
    const QJsonObject json = StreamProfile::parseObject(event.data);
    const StreamProfile::Kind profile = m_detector.observe(event, json);
    m_assembler.setProfile(profile);
    const DeltaAssembler::Contribution added = m_assembler.add(event, json);
    qsizetype characters = added.text + added.reasoning;
    // A plain stream's "token" is any data: its first event is its first answer.
    if (profile == StreamProfile::Kind::None)
        characters = event.data.size();
    m_timing.addEvent(event.receivedAt, characters);
}

StreamSummary StreamAnalyzer::summary() const
{
    const StreamProfile::Kind profile = m_detector.profile();
    const bool expectsMarker = StreamProfile::hasEndMarker(profile);
    StreamSummary summary;
    summary.profile = StreamProfile::name(profile);
    summary.endMarker = m_endMarker;
    summary.finishReason = m_assembler.finishReason();
    summary.text = m_assembler.text();
    summary.reasoning = m_assembler.reasoning();
    summary.toolCalls = m_assembler.toolCalls();
    summary.usage = m_assembler.usage();
    summary.timing = m_timing.result();

    // The provider's own words when the event was read, else the reader's error record.
    const QString streamError =
            m_assembler.errorMessage().isEmpty() ? m_streamError : m_assembler.errorMessage();
    switch (m_end) {
    case End::Completed:
        summary.outcome = StreamSummary::Outcome::complete();
        break;
    case End::StreamError:
        summary.outcome = StreamSummary::Outcome::error();
        break;
    case End::Ended:
        summary.outcome = expectsMarker ? StreamSummary::Outcome::truncated()
                                        : StreamSummary::Outcome::ended();
        break;
    case End::Failed:
        summary.outcome = expectsMarker ? StreamSummary::Outcome::truncated()
                                        : StreamSummary::Outcome::failed();
        break;
    case End::Open:
    case End::Stopped:
        summary.outcome = StreamSummary::Outcome::stopped();
        break;
    }
    if (!streamError.isEmpty())
        summary.outcome = StreamSummary::Outcome::error();

    const auto warn = [&summary](QLatin1String id, const QString &message) {
        summary.warnings.append({ id, message });
    };
    if (!streamError.isEmpty())
        warn(StreamSummary::WarningId::errorEvent(),
             u"The server reported an error inside the stream after answering HTTP 200: "_s
                     + streamError);
    if (summary.outcome == StreamSummary::Outcome::truncated())
        warn(StreamSummary::WarningId::missingEndMarker(),
             u"The stream ended without %1, the end marker of the %2 format: the answer may be "
             "cut short."_s.arg(endMarkerText(profile), summary.profile));
    if (isTokenLimit(summary.finishReason))
        warn(StreamSummary::WarningId::tokenLimit(),
             u"The answer stopped at the token limit (finish reason \"%1\")."_s.arg(
                     summary.finishReason));
    if (StreamProfile::reportsUsage(profile) && !summary.usage.isKnown()
        && summary.outcome == StreamSummary::Outcome::complete()) {
        QString message = u"No usage (token counts) arrived."_s;
        if (profile == StreamProfile::Kind::OpenAiChat)
            message += u" Chat Completions sends them only when the request asks with "
                       "\"stream_options\": {\"include_usage\": true}."_s;
        warn(StreamSummary::WarningId::missingUsage(), message);
    }
    const StreamSummary::Timing &timing = summary.timing;
    const QDateTime firstText = m_timing.firstTextAt();
    const QDateTime lastText = m_timing.lastTextAt();
    const qint64 spread = firstText.msecsTo(lastText);
    if (timing.textChunks >= BufferedMinimumChunks && timing.firstTokenMs >= BufferedWaitMs
        && spread <= BufferedSpreadMs && spread < BufferedMeanGapMs * (timing.textChunks - 1)) {
        warn(StreamSummary::WarningId::bufferedAnswer(),
             u"The whole answer (%1 chunks) arrived within %2 ms after a wait of %3 ms: something "
             "between the server and here (a proxy, a gateway, a compressing middleware) buffers "
             "the stream."_s.arg(timing.textChunks)
                     .arg(spread)
                     .arg(timing.firstTokenMs));
    }
    return summary;
}

StreamRecord StreamAnalyzer::summaryRecord() const
{
    return StreamRecord::fromSummary(m_connection, summary());
}
