// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QString>
#include <QUrl>

#include "profiledetector.h"
#include "sseevent.h"
#include "streamprofile.h"

/// How a stream said it is over: an end marker, or an error event (which ends it as well).
struct EndMarker
{
    QString marker; ///< What ended it: "[DONE]", "message_stop", "error", …
    QString error; ///< For an error event: the provider's words; empty for a normal end.
    bool isError() const { return !error.isEmpty(); }
    friend bool operator==(const EndMarker &, const EndMarker &) = default;
};

/// Watches a stream's events for the end its profile defines (StreamProfile::endMarker) and
/// for error events after HTTP 200 (StreamProfile::errorMessage), deciding the profile on the
/// way (ProfileDetector). The reader asks it about every event, so it parses JSON only when the
/// profile may need it (StreamProfile::needsJson) or while the profile is undecided: a plain
/// fast stream costs one comparison per event once Auto has settled on None.
class EndMarkerDetector
{
public:
    explicit EndMarkerDetector(StreamProfile::Kind setting = StreamProfile::Kind::Auto);

    /// The request's URL, for the profile's hint.
    void setUrl(const QUrl &url) { m_detector.setUrl(url); }
    /// A connection's response headers, for a better hint.
    void setResponseHeaders(const QList<std::pair<QByteArray, QByteArray>> &headers)
    {
        m_detector.setResponseHeaders(headers);
    }
    /// The event's verdict: nullopt while the stream goes on.
    std::optional<EndMarker> check(const SseEvent &event);
    /// The profile in force (never Auto).
    StreamProfile::Kind profile() const { return m_detector.profile(); }

private:
    ProfileDetector m_detector;
};
