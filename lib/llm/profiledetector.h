// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QJsonObject>
#include <QUrl>

#include "sseevent.h"
#include "streamprofile.h"

/// Tells which StreamProfile a stream follows: a hand-picked profile is taken as it is; Auto
/// decides from the shape of the first events (StreamProfile::fromEvent), falling back on the
/// response headers (StreamProfile::fromHeaders), then the URL (StreamProfile::fromUrl) when
/// EventsToDecide events said nothing. Until then profile() gives the best hint, so the very
/// first event is already judged by it.
class ProfileDetector
{
public:
    /// Events Auto looks at before it settles on the URL's hint (or None).
    static constexpr int EventsToDecide = 8;

    explicit ProfileDetector(StreamProfile::Kind setting = StreamProfile::Kind::Auto);

    StreamProfile::Kind setting() const { return m_setting; }
    /// The request's URL, for a hint.
    void setUrl(const QUrl &url);
    /// The response headers (each connection's), for a hint that beats the URL's.
    void setResponseHeaders(const QList<std::pair<QByteArray, QByteArray>> &headers);

    /// Looks at one event while undecided; `json` is its data as an object (or empty). Returns
    /// the profile in force for this event.
    StreamProfile::Kind observe(const SseEvent &event, const QJsonObject &json);
    /// Whether the profile is settled (it is at once unless the setting is Auto).
    bool isDecided() const { return m_decided.has_value(); }
    /// The profile in force: the settled one, else the URL's hint, else None. Never Auto.
    StreamProfile::Kind profile() const;

private:
    StreamProfile::Kind m_setting;
    std::optional<StreamProfile::Kind> m_decided;
    std::optional<StreamProfile::Kind> m_urlHint;
    std::optional<StreamProfile::Kind> m_headerHint;
    int m_seen = 0;
};
