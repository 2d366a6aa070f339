// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "checkcommand.h"

#include <cmath>
#include <cstdio>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>

#include "recordjson.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// The probe reconnects quickly after its cut, so that a short run still sees the resume.
constexpr auto ProbeReconnectDelay = 500ms;
// Refused connections are retried this often before the probe gives up (exit 2).
constexpr int ProbeAttempts = 3;

QString usageLine()
{
    return u"Usage: ssescope-cli check [options] URL"_s;
}

bool isHttpToken(QStringView text)
{
    static constexpr QStringView Specials = u"!#$%&'*+-.^_`|~";
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        if (!c.isLetterOrNumber() && !Specials.contains(c))
            return false;
        if (c.unicode() > 0x7f)
            return false;
    }
    return true;
}

QString severityLabel(Finding::Severity severity)
{
    return QString(Finding::severityName(severity)).toUpper();
}

} // namespace

CheckArguments CheckCommand::parseArguments(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Checks a Server-Sent Events stream: connects, watches it for a while, cuts the "
            "connection once halfway to see how it resumes, and reports what SSE Scope's "
            "findings engine found (resume verdicts, buffering, idle and heartbeats, response "
            "hygiene; see docs/findings.md).\n"
            "Exit codes: 0 = no warning or problem; 1 = usage error; 2 = could not connect, or "
            "the stream failed for good; 3 = at least one warning or problem was found."_s);
    const QCommandLineOption helpOption = parser.addHelpOption();
    parser.addPositionalArgument(u"URL"_s, u"The http:// or https:// stream URL."_s);
    const QCommandLineOption jsonOption(u"json"_s,
                                        u"Print one JSON document instead of the report."_s);
    const QCommandLineOption secondsOption(u"seconds"_s,
                                           u"How long the probe runs (default 10, at least 1)."_s,
                                           u"seconds"_s, u"10"_s);
    const QCommandLineOption headerOption(QStringList { u"H"_s, u"header"_s },
                                          u"Add a request header, \"Name: value\". Repeatable."_s,
                                          u"header"_s);
    const QCommandLineOption methodOption(QStringList { u"X"_s, u"method"_s },
                                          u"HTTP method (default GET, or POST with --data)."_s,
                                          u"method"_s);
    const QCommandLineOption dataOption(QStringList { u"d"_s, u"data"_s },
                                        u"Request body, sent again on the reconnect."_s, u"body"_s);
    const QCommandLineOption insecureOption(QStringList { u"k"_s, u"insecure"_s },
                                            u"Ignore TLS certificate errors."_s);
    parser.addOptions(
            { jsonOption, secondsOption, headerOption, methodOption, dataOption, insecureOption });

    CheckArguments result;
    const auto fail = [&result](const QString &message) {
        result.status = CheckArguments::Status::Error;
        result.text = message;
        return result;
    };
    if (!parser.parse(QStringList { u"ssescope-cli check"_s } + arguments))
        return fail(parser.errorText());
    if (parser.isSet(helpOption)) {
        const QString help = parser.helpText();
        result.status = CheckArguments::Status::Help;
        result.text = usageLine() + help.mid(help.indexOf(u'\n'));
        return result;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return fail(u"missing URL"_s);
    if (positional.size() > 1)
        return fail(u"unexpected argument '"_s % positional.at(1) % u"'"_s);

    CheckOptions &options = result.options;
    SseReader::Request &request = options.request;
    request.url = QUrl(positional.constFirst());
    const QString scheme = request.url.scheme().toLower();
    if (!request.url.isValid() || request.url.host().isEmpty()
        || (scheme != u"http"_s && scheme != u"https"_s))
        return fail(u"invalid URL '"_s % positional.constFirst()
                    % u"': expected an http:// or https:// URL"_s);

    bool ok = false;
    const double seconds = parser.value(secondsOption).toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < 1 || seconds > 24 * 3600)
        return fail(u"--seconds needs a number of seconds from 1 to 86400, not '"_s
                    % parser.value(secondsOption) % u"'"_s);
    options.duration = std::chrono::milliseconds(qRound64(seconds * 1000));
    options.json = parser.isSet(jsonOption);

    for (const QString &header : parser.values(headerOption)) {
        const qsizetype colon = header.indexOf(u':');
        const QString name = header.left(colon).trimmed();
        // Not echoed: a mistyped "Authorization Bearer …" would land in logs.
        if (colon < 0 || !isHttpToken(name))
            return fail(u"--header needs \"Name: value\" (the malformed header is not shown, "
                        "as it may hold a secret)"_s);
        const QString value = header.mid(colon + 1).trimmed();
        if (value.contains(u'\r') || value.contains(u'\n'))
            return fail(u"--header value must not contain line breaks"_s);
        request.headers.append({ name.toLatin1(), value.toUtf8() });
    }
    if (parser.isSet(dataOption)) {
        request.body = parser.value(dataOption).toUtf8();
        request.method = QByteArrayLiteral("POST");
    }
    if (parser.isSet(methodOption)) {
        const QString method = parser.value(methodOption);
        if (!isHttpToken(method))
            return fail(u"--method needs an HTTP method name, not '"_s % method % u"'"_s);
        request.method = method.toLatin1();
    }
    request.ignoreTlsErrors = parser.isSet(insecureOption);
    request.reconnect.retryOverride = ProbeReconnectDelay;
    request.reconnect.maxAttempts = ProbeAttempts;
    return result;
}

CheckCommand::CheckCommand(const CheckOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_reader.setRequest(m_options.request);
    connect(&m_reader, &SseReader::eventReceived, this, [this](const SseEvent &event) {
        ++m_events;
        m_engine.addEvent(event);
        collect();
    });
    connect(&m_reader, &SseReader::recordReceived, this, &CheckCommand::handleRecord);
    m_tickTimer.setInterval(250);
    connect(&m_tickTimer, &QTimer::timeout, this, [this] {
        m_engine.tick(QDateTime::currentDateTimeUtc());
        collect();
    });
    m_cutTimer.setSingleShot(true);
    connect(&m_cutTimer, &QTimer::timeout, this, &CheckCommand::cut);
    m_endTimer.setSingleShot(true);
    m_endTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_endTimer, &QTimer::timeout, this, &CheckCommand::finish);
}

void CheckCommand::start()
{
    m_tickTimer.start();
    m_cutTimer.start(m_options.duration / 2);
    m_endTimer.start(m_options.duration);
    QMetaObject::invokeMethod(&m_reader, &SseReader::open, Qt::QueuedConnection);
}

void CheckCommand::handleRecord(const StreamRecord &record)
{
    if (m_finished)
        return;
    m_engine.addRecord(record);
    collect();
    switch (record.kind) {
    case StreamRecord::Kind::Connecting:
        m_connections = record.connection;
        break;
    case StreamRecord::Kind::Open:
        if (m_firstOpen.kind != StreamRecord::Kind::Open)
            m_firstOpen = record;
        break;
    case StreamRecord::Kind::Error:
        if (record.error.fatal)
            m_fatalError = record.error;
        break;
    case StreamRecord::Kind::Closed:
        finish();
        break;
    default:
        break;
    }
}

void CheckCommand::cut()
{
    // Cut an open connection that has delivered something; otherwise look again shortly, as
    // long as there is time left to see the resume.
    if (m_reader.state() == SseReader::State::Open && m_events > 0) {
        m_cutDone = true;
        m_reader.simulateDrop(SseReader::DropMode::Abort);
        return;
    }
    if (m_endTimer.remainingTime() > 1000)
        m_cutTimer.start(250);
}

void CheckCommand::collect()
{
    if (m_engine.hasFindings())
        m_findings += m_engine.takeFindings();
}

void CheckCommand::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_tickTimer.stop();
    m_cutTimer.stop();
    m_endTimer.stop();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_engine.tick(now);
    m_engine.finish(now);
    collect();
    if (m_reader.state() != SseReader::State::Closed)
        m_reader.closeWithReason(u"check-done"_s);

    int exitCode = ExitClean;
    if (!m_fatalError.isNull() || m_firstOpen.kind != StreamRecord::Kind::Open)
        exitCode = ExitFailed;
    else if (std::any_of(m_findings.cbegin(), m_findings.cend(), [](const StreamRecord &record) {
                 return record.finding.severity != Finding::Severity::Info;
             }))
        exitCode = ExitFindings;
    if (m_options.json) {
        const QByteArray report = jsonReport(exitCode);
        std::fwrite(report.constData(), 1, size_t(report.size()), stdout);
    } else {
        std::fputs(qPrintable(textReport(exitCode)), stdout);
    }
    std::fflush(stdout);
    QCoreApplication::exit(exitCode);
}

QString CheckCommand::textReport(int exitCode) const
{
    QString text;
    const QString url = StreamRecord::displayUrl(m_options.request.url);
    text += u"SSE Scope check of %1 (%2 s%3)\n"_s.arg(url)
                    .arg(double(m_options.duration.count()) / 1000.0)
                    .arg(m_cutDone ? u", cut once"_s : u", not cut"_s);
    if (m_firstOpen.kind == StreamRecord::Kind::Open) {
        text += u"Opened: HTTP/%1 %2 %3, %4\n"_s.arg(m_firstOpen.httpVersion)
                        .arg(m_firstOpen.status)
                        .arg(m_firstOpen.statusText, m_firstOpen.contentType());
    }
    text += u"Events: %1 on %2 connection(s)\n"_s.arg(m_events).arg(m_connections);
    if (!m_fatalError.isNull()) {
        text += u"Failed: "_s + m_fatalError.message + u'\n';
        if (!m_fatalError.body.isEmpty())
            text += u"Response body: "_s + m_fatalError.body.left(2000).trimmed() + u'\n';
    }
    text += u'\n';
    int counts[3] = { 0, 0, 0 };
    // Worst first, then in the order found.
    for (Finding::Severity severity :
         { Finding::Severity::Problem, Finding::Severity::Warning, Finding::Severity::Info }) {
        for (const StreamRecord &record : m_findings) {
            const Finding &finding = record.finding;
            if (finding.severity != severity)
                continue;
            ++counts[int(severity)];
            text += u"%1 %2 %3\n"_s.arg(severityLabel(severity), -8)
                            .arg(finding.id, -26)
                            .arg(finding.verdict);
            if (!finding.advice.isEmpty())
                text += u"%1 What to do: %2\n"_s.arg(QString(), -35).arg(finding.advice);
        }
    }
    if (m_findings.isEmpty())
        text += u"No findings.\n"_s;
    text += u"\n%1 problem(s), %2 warning(s), %3 info; exit code %4\n"_s.arg(counts[2])
                    .arg(counts[1])
                    .arg(counts[0])
                    .arg(exitCode);
    return text;
}

QByteArray CheckCommand::jsonReport(int exitCode) const
{
    QJsonObject report;
    report.insert(u"url"_s, StreamRecord::displayUrl(m_options.request.url));
    report.insert(u"durationMs"_s, qint64(m_options.duration.count()));
    report.insert(u"cut"_s, m_cutDone);
    report.insert(u"events"_s, qint64(m_events));
    report.insert(u"connections"_s, m_connections);
    report.insert(u"exitCode"_s, exitCode);
    if (m_firstOpen.kind == StreamRecord::Kind::Open)
        report.insert(u"open"_s,
                      QJsonDocument::fromJson(RecordJson::toJsonLine(m_firstOpen)).object());
    if (!m_fatalError.isNull()) {
        StreamRecord error;
        error.kind = StreamRecord::Kind::Error;
        error.error = m_fatalError;
        report.insert(u"error"_s, QJsonDocument::fromJson(RecordJson::toJsonLine(error)).object());
    }
    // The same finding records `watch` prints.
    QJsonArray findings;
    QJsonObject counts { { u"info"_s, 0 }, { u"warning"_s, 0 }, { u"problem"_s, 0 } };
    for (const StreamRecord &record : m_findings) {
        findings.append(QJsonDocument::fromJson(RecordJson::toJsonLine(record)).object());
        const QString severity = Finding::severityName(record.finding.severity);
        counts.insert(severity, counts.value(severity).toInt() + 1);
    }
    report.insert(u"counts"_s, counts);
    report.insert(u"findings"_s, findings);
    return QJsonDocument(report).toJson(QJsonDocument::Indented);
}

int runCheckCommand(const QStringList &arguments)
{
    const CheckArguments parsed = CheckCommand::parseArguments(arguments);
    switch (parsed.status) {
    case CheckArguments::Status::Help:
        std::fputs(qPrintable(parsed.text), stdout);
        return CheckCommand::ExitClean;
    case CheckArguments::Status::Error:
        std::fprintf(stderr, "ssescope-cli check: %s\n%s\nTry 'ssescope-cli check --help'.\n",
                     qPrintable(parsed.text), qPrintable(usageLine()));
        return CheckCommand::ExitUsage;
    case CheckArguments::Status::Ok:
        break;
    }
    CheckCommand command(parsed.options);
    command.start();
    return QCoreApplication::exec();
}
