// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include "errortext.h"

using namespace Qt::StringLiterals;

QString ErrorText::kindName(SseError::Kind kind)
{
    switch (kind) {
    case SseError::Kind::None:
        return tr("No error");
    case SseError::Kind::InvalidUrl:
        return tr("Invalid URL");
    case SseError::Kind::HostNotFound:
        return tr("Host not found");
    case SseError::Kind::ConnectionRefused:
        return tr("Connection refused");
    case SseError::Kind::RemoteClosed:
        return tr("Server ended the stream");
    case SseError::Kind::ConnectionReset:
        return tr("Connection reset");
    case SseError::Kind::NetworkError:
        return tr("Network error");
    case SseError::Kind::Tls:
        return tr("TLS error");
    case SseError::Kind::Timeout:
        return tr("Timed out");
    case SseError::Kind::IdleTimeout:
        return tr("Idle timeout");
    case SseError::Kind::Redirect:
        return tr("Redirect refused");
    case SseError::Kind::HttpStatus:
        return tr("HTTP error status");
    case SseError::Kind::WrongContentType:
        //: Content-Type is an HTTP header name
        return tr("Wrong Content-Type");
    case SseError::Kind::NoContent:
        return tr("HTTP 204: server asked to stop");
    case SseError::Kind::EventTooLarge:
        return tr("Event too large");
    case SseError::Kind::SimulatedDrop:
        return tr("Connection cut");
    case SseError::Kind::SimulatedOffline:
        return tr("Network offline");
    case SseError::Kind::GaveUp:
        return tr("Gave up reconnecting");
    }
    return tr("Unknown error");
}

QString ErrorText::describe(const SseError &error)
{
    QString detail = error.message;
    // The reader's English detail may say "(simulated)" itself; the translated marker replaces it.
    if (error.simulated && detail.endsWith(u" (simulated)"_s))
        detail.chop(12);
    QString text = kindName(error.kind);
    if (error.simulated)
        text = tr("%1 (simulated)", "error kind of an injected fault").arg(text);
    if (!detail.isEmpty())
        text = tr("%1: %2", "error kind: technical detail").arg(text, detail);
    return text;
}
