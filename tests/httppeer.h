#pragma once

// A fake HTTP peer on a unix socket for tests that need an engine misbehaving in a precise way:
// calls handle(socket, target) for every request head received (bodies are not expected).
// handle returns false to stop reading from that connection (it closed it).
#include <QByteArray>
#include <QLocalServer>
#include <QLocalSocket>

#include <functional>
#include <memory>

namespace TestSupport {

inline void serveRequests(QLocalServer *server, std::function<bool(QLocalSocket *, const QByteArray &target)> handle)
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
                    const QByteArray target = buf->left(end).split(' ').value(1);
                    buf->remove(0, end + 4);
                    if (!handle(s, target))
                        return;
                }
            });
        }
    });
}

} // namespace TestSupport
