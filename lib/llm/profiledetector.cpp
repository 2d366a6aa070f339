// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "profiledetector.h"

ProfileDetector::ProfileDetector(StreamProfile::Kind setting)
    : m_setting(setting)
{
    if (setting != StreamProfile::Kind::Auto)
        m_decided = setting;
}

void ProfileDetector::setUrl(const QUrl &url)
{
    m_urlHint = StreamProfile::fromUrl(url);
}

void ProfileDetector::setResponseHeaders(const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    m_headerHint = StreamProfile::fromHeaders(headers);
}

StreamProfile::Kind ProfileDetector::observe(const SseEvent &event, const QJsonObject &json)
{
    if (m_decided)
        return *m_decided;
    // The events' own shape beats the URL: a gateway may serve any format on any path.
    if (const auto shape = StreamProfile::fromEvent(event, json))
        m_decided = shape;
    else if (++m_seen >= EventsToDecide)
        m_decided = m_headerHint ? m_headerHint : m_urlHint.value_or(StreamProfile::Kind::None);
    return profile();
}

StreamProfile::Kind ProfileDetector::profile() const
{
    if (m_decided)
        return *m_decided;
    if (m_headerHint)
        return *m_headerHint;
    return m_urlHint.value_or(StreamProfile::Kind::None);
}
