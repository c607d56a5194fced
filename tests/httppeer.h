#pragma once

// A fake HTTP peer on a unix socket for tests that need an engine misbehaving in a precise way:
// calls handle(socket, target) for every request received (a body of Content-Length bytes is
// read first and left aside; serveRequestsWithBodies hands it over with the method).
// handle returns false to stop reading from that connection (it closed it).
#include <QByteArray>
#include <QLocalServer>
#include <QLocalSocket>

#include <functional>
#include <memory>

namespace TestSupport {

struct PeerRequest
{
    QByteArray method;
    QByteArray target;
    QByteArray body;
};

inline void serveRequestsWithBodies(QLocalServer *server, std::function<bool(QLocalSocket *, const PeerRequest &)> handle)
{
    QObject::connect(server, &QLocalServer::newConnection, server, [server, handle] {
        while (QLocalSocket *s = server->nextPendingConnection()) {
            auto buf = std::make_shared<QByteArray>();
            QObject::connect(s, &QLocalSocket::disconnected, s, &QObject::deleteLater);
            QObject::connect(s, &QLocalSocket::readyRead, s, [s, buf, handle] {
                buf->append(s->readAll());
                for (;;) {
                    const qsizetype end = buf->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const QByteArray head = buf->left(end);
                    qsizetype length = 0;
                    for (const QByteArray &line : head.split('\n'))
                        if (line.toLower().startsWith("content-length:"))
                            length = line.mid(15).trimmed().toLongLong();
                    if (buf->size() < end + 4 + length)
                        return; // the body is still on its way
                    const QList<QByteArray> first = head.left(head.indexOf('\r')).split(' ');
                    PeerRequest r{first.value(0), first.value(1), buf->mid(end + 4, length)};
                    buf->remove(0, end + 4 + length);
                    if (!handle(s, r))
                        return;
                }
            });
        }
    });
}

inline void serveRequests(QLocalServer *server, std::function<bool(QLocalSocket *, const QByteArray &target)> handle)
{
    serveRequestsWithBodies(server, [handle](QLocalSocket *s, const PeerRequest &r) { return handle(s, r.target); });
}

} // namespace TestSupport
