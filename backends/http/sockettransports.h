#pragma once

#include "transport.h"

#include <QSslConfiguration>

class QLocalSocket;
class QTcpSocket;

namespace Wharf::Backends {

// A unix domain socket (or, on Windows, a named pipe: QLocalSocket speaks both).
class LocalTransport : public Transport
{
    Q_OBJECT
public:
    explicit LocalTransport(const QString &path, QObject *parent = nullptr);
    void open() override;
    QIODevice *device() const override;
    bool isOpen() const override;
    void close() override;
    bool closeWrite() override;
    QString peerName() const override;

private:
    QString m_path;
    QLocalSocket *m_socket;
};

// TCP, with TLS when a configuration is given (verify the peer, TLS 1.2 or newer).
class TcpTransport : public Transport
{
    Q_OBJECT
public:
    TcpTransport(const QString &host, quint16 port, bool tls, const QSslConfiguration &config,
                 const QString &expectedName, QObject *parent = nullptr);
    void open() override;
    QIODevice *device() const override;
    bool isOpen() const override;
    void close() override;
    bool closeWrite() override;
    QString peerName() const override;

private:
    QString m_host;
    quint16 m_port;
    bool m_tls;
    QString m_expectedName;
    QTcpSocket *m_socket;
};

} // namespace Wharf::Backends
