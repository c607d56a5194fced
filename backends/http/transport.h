#pragma once

#include "httptypes.h"

#include <QObject>
#include <QPointer>

class QIODevice;

namespace Wharf::Backends {

// One byte stream to a daemon: a unix socket, a TCP/TLS socket, an SSH channel or a process.
// open() is asynchronous; exactly one of connected() or failed() follows.
class Transport : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~Transport() override = default;

    virtual void open() = 0;
    virtual QIODevice *device() const = 0;
    virtual bool isOpen() const = 0;
    virtual void close() = 0;
    // Tells the peer that no more bytes will be written (half-close), where the transport can.
    virtual bool closeWrite() { return false; }
    // A description for error messages, like "unix:///var/run/docker.sock".
    virtual QString peerName() const = 0;

Q_SIGNALS:
    void connected();
    void failed(const Wharf::Backends::Error &error);
    void disconnected();
    // The connection waits for a person (an SSH passphrase, a host key to confirm): the
    // connect timeout stops while paused.
    void connectPaused(bool paused);
};

} // namespace Wharf::Backends
