// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <span>

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QUrlQuery>

#include "demoserver.h"

/// The one schema of DemoServer::Options: every knob's names (query parameter, CLI flag,
/// JSON/settings key), type, limits, default and English help, and the conversions between
/// Options and its query, command-line and JSON forms. The demo server's query string,
/// `ssescope-cli serve`, the GUI's demo dialog and its saved settings all read this table, so
/// they accept the same values. No tr() here: the GUI labels its fields itself.
namespace DemoOptions {

/// One per field of DemoServer::Options, except the listening address (see `serve --bind`).
enum class Knob {
    Port,
    Interval,
    EventType,
    Payload,
    PayloadBytes,
    Burst,
    Retry,
    DropEvery,
    StallAfter,
    Heartbeat,
    Status,
    RetryAfter,
    ContentType,
    ReplayCapacity,
    Hold,
    Resume,
    FirstByteDelay,
    Gzip,
    ProxyBuffering,
};

enum class Type {
    Integer, ///< A decimal number from minimum to maximum.
    Text, ///< Any text without CR, LF or NUL (it ends up in a header or an SSE field).
    Payload, ///< A DemoServer::payloadName(), case-insensitive.
    Choice, ///< One of the names in Spec::choices, case-insensitive.
};

/// Where a knob takes effect; only Channel and Connection knobs are query parameters.
enum class Scope {
    Server, ///< The listening server: set when it starts.
    Channel, ///< The generated events: a distinct value makes its own channel (own ids, replay).
    Connection, ///< One client's response: many clients with different values share a channel.
};

struct Spec
{
    Knob knob;
    Type type;
    Scope scope;
    QLatin1StringView queryName; ///< The `/stream?name=` parameter; empty: not per request.
    QLatin1StringView flagName; ///< The `ssescope-cli serve --name`.
    QLatin1StringView jsonKey; ///< The toJson() key, also the GUI's QSettings key.
    QLatin1StringView valueName; ///< The CLI help's placeholder, e.g. "ms".
    int minimum = 0;
    int maximum = 0;
    /// An Integer knob that can be off: -1 in Options and JSON, not given in a query or on the
    /// command line. The GUI shows -1 as "Not sent".
    bool canBeOff = false;
    QLatin1StringView help; ///< One English sentence for `serve --help`, without the default.
    /// A Choice knob's names, comma-separated, in the order of its enum's values.
    QLatin1StringView choices = {};
};

/// Every knob, in the order the CLI help and the GUI dialog list them.
std::span<const Spec> specs();
const Spec &spec(Knob knob);

/// An Integer knob's value in options (-1 for a knob that is off); 0 for other types.
int integerValue(const DemoServer::Options &options, Knob knob);
/// The value as its query or command-line text: a number, a payload name or the text itself;
/// empty for a knob that is off.
QString textValue(const DemoServer::Options &options, Knob knob);
/// Sets one knob from its query or command-line text. Returns an empty string, or (leaving
/// options unchanged) an English error that names the knob as `name`, e.g. "--interval".
QString setFromText(DemoServer::Options &options, Knob knob, QStringView text, QStringView name);

/// The result of reading a query: options, or an error naming the parameter.
struct QueryResult
{
    DemoServer::Options options;
    QString error;
    bool isValid() const { return error.isEmpty(); }
};
/// `base` with the knobs a `/stream` query gives (fully decoded values); other query items
/// are ignored. The first bad value makes an error such as
/// `interval must be an integer from 0 to 86400000, not "abc"`.
QueryResult fromQuery(const QUrlQuery &query, const DemoServer::Options &base);

/// Empty when every knob of options is within the table, else what is wrong with the first
/// one that is not (named by its JSON key). DemoServer::start() refuses such options.
QString validate(const DemoServer::Options &options);

/// Every knob under its JSON key: numbers (-1 for a knob that is off), the payload's name and
/// texts as strings.
QJsonObject toJson(const DemoServer::Options &options);
/// The inverse of toJson(). Keys that are missing keep their default and unknown keys are
/// ignored. A value that is out of range or of the wrong type is rejected, not clamped: that
/// knob keeps its default and `problems` gets one English line naming the key, so one bad
/// value never discards the others. Integers may also be decimal text, which is how QSettings'
/// INI files give numbers back.
DemoServer::Options fromJson(const QJsonObject &object, QStringList *problems = nullptr);

} // namespace DemoOptions
