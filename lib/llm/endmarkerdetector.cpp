// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "endmarkerdetector.h"

using namespace Qt::StringLiterals;

EndMarkerDetector::EndMarkerDetector(StreamProfile::Kind setting)
    : m_detector(setting)
{}

std::optional<EndMarker> EndMarkerDetector::check(const SseEvent &event)
{
    if (m_detector.setting() == StreamProfile::Kind::None)
        return std::nullopt;
    if (m_detector.isDecided() && m_detector.profile() == StreamProfile::Kind::None) {
        // Auto settled on a plain stream: one comparison per event, on the reader's hot path.
        if (event.data.size() == 6 && event.data == u"[DONE]"_s)
            return EndMarker { u"[DONE]"_s, QString() };
        return std::nullopt;
    }
    QJsonObject json;
    if (!m_detector.isDecided()) {
        json = StreamProfile::parseObject(event.data);
        m_detector.observe(event, json);
    }
    const StreamProfile::Kind profile = m_detector.profile();
    if (json.isEmpty() && StreamProfile::needsJson(profile, event))
        json = StreamProfile::parseObject(event.data);
    const QString type = StreamProfile::eventType(event, json);
    if (const QString error = StreamProfile::errorMessage(profile, type, json); !error.isEmpty())
        return EndMarker { type.isEmpty() || type == u"message"_s ? u"error"_s : type, error };
    if (QString marker = StreamProfile::endMarker(profile, event, type, json); !marker.isEmpty())
        return EndMarker { std::move(marker), QString() };
    // Auto before the profile is known (or settled on None): OpenAI's sentinel still ends it.
    if (profile == StreamProfile::Kind::None && m_detector.setting() == StreamProfile::Kind::Auto
        && event.data == u"[DONE]"_s)
        return EndMarker { u"[DONE]"_s, QString() };
    return std::nullopt;
}
