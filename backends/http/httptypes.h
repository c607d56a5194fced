#pragma once

#include <QIODevice>

#include <memory>

#include "core/error.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Wharf::Backends {

// A header list that keeps order and duplicates; names compare case-insensitively.
class HttpHeaders
{
public:
    void append(const QByteArray &name, const QByteArray &value) { m_list.append({name, value}); }
    QByteArray value(QByteArrayView name) const;
    bool contains(QByteArrayView name) const { return !value(name).isNull(); }
    const QList<QPair<QByteArray, QByteArray>> &list() const { return m_list; }
    void clear() { m_list.clear(); }

private:
    QList<QPair<QByteArray, QByteArray>> m_list;
};

struct HttpRequest
{
    QByteArray method = "GET";
    QByteArray target; // path and query, already encoded
    HttpHeaders headers;
    QByteArray body;
    QByteArray contentType; // set with a body
    // A body too large for memory (a build context, an image archive): read from this device
    // as the connection takes it, bodySourceSize bytes (sent instead of body).
    std::shared_ptr<QIODevice> bodySource;
    qint64 bodySourceSize = 0;
    qint64 bodySize() const { return bodySource ? bodySourceSize : body.size(); }
    bool upgrade = false;   // ask for a raw stream (attach, exec): Connection: Upgrade, Upgrade: tcp

    QByteArray serialize(const QByteArray &host) const;
    // The request line and headers alone (the body goes after it as it is, without a copy).
    QByteArray serializeHead(const QByteArray &host) const;
};

} // namespace Wharf::Backends
