#include "sockettransports.h"
#include "halfclose.h"

#include <QCoreApplication>
#include <QLocalSocket>
#include <QSslSocket>

namespace Wharf::Backends {


LocalTransport::LocalTransport(const QString &path, QObject *parent)
    : Transport(parent)
    , m_path(path)
    , m_socket(new QLocalSocket(this))
{
    connect(m_socket, &QLocalSocket::connected, this, &Transport::connected);
    connect(m_socket, &QLocalSocket::disconnected, this, &Transport::disconnected);
    connect(m_socket, &QLocalSocket::errorOccurred, this, [this](QLocalSocket::LocalSocketError e) {
        if (m_socket->state() == QLocalSocket::ConnectedState || e == QLocalSocket::PeerClosedError)
            return; // a disconnect after use is reported through disconnected()
        QString why;
        switch (e) {
        case QLocalSocket::ServerNotFoundError:
            why = tr("the socket does not exist");
            break;
        case QLocalSocket::ConnectionRefusedError:
            why = tr("connection refused (is the daemon running?)");
            break;
        case QLocalSocket::SocketAccessError:
            why = tr("permission denied (is your user in the docker group?)");
            break;
        default:
            why = m_socket->errorString();
        }
        Q_EMIT failed(Error::make(Error::Connect,
                                  tr("Cannot connect to the Docker daemon at %1: %2.").arg(peerName(), why)));
    });
}

void LocalTransport::open()
{
    m_socket->connectToServer(m_path);
}

QIODevice *LocalTransport::device() const
{
    return m_socket;
}

bool LocalTransport::isOpen() const
{
    return m_socket->state() == QLocalSocket::ConnectedState;
}

void LocalTransport::close()
{
    m_socket->abort();
}

bool LocalTransport::closeWrite()
{
    m_socket->flush();
    return halfCloseSocket(m_socket->socketDescriptor());
}

QString LocalTransport::peerName() const
{
#ifdef Q_OS_WIN
    return QStringLiteral("npipe://") + m_path;
#else
    return QStringLiteral("unix://") + m_path;
#endif
}

TcpTransport::TcpTransport(const QString &host, quint16 port, bool tls, const QSslConfiguration &config,
                           const QString &expectedName, QObject *parent)
    : Transport(parent)
    , m_host(host)
    , m_port(port)
    , m_tls(tls)
    , m_expectedName(expectedName)
{
    if (tls) {
        auto *ssl = new QSslSocket(this);
        ssl->setSslConfiguration(config);
        if (!expectedName.isEmpty())
            ssl->setPeerVerifyName(expectedName);
        connect(ssl, &QSslSocket::encrypted, this, &Transport::connected);
        connect(ssl, &QSslSocket::sslErrors, this, [this, ssl](const QList<QSslError> &errors) {
            QStringList texts;
            for (const auto &e : errors)
                texts << e.errorString();
            // Report first: aborting emits disconnected(), which would read as a plain hang-up.
            const Error err = Error::make(Error::Tls, tr("The TLS certificate of %1 was rejected: %2. Check the CA "
                                                         "certificate and the host name.")
                                                          .arg(peerName(), texts.join(QStringLiteral("; "))));
            ssl->disconnect(this);
            Q_EMIT failed(err);
            ssl->abort();
        });
        m_socket = ssl;
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &Transport::connected);
    }
    connect(m_socket, &QTcpSocket::disconnected, this, &Transport::disconnected);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (e == QAbstractSocket::RemoteHostClosedError && m_socket->state() != QAbstractSocket::ConnectingState
            && m_socket->state() != QAbstractSocket::HostLookupState) {
            return;
        }
        if (e == QAbstractSocket::SslHandshakeFailedError && m_socket->state() == QAbstractSocket::UnconnectedState)
            return; // reported by sslErrors
        const QString text = m_socket->errorString();
        if (m_tls && (text.contains(QLatin1String("bad certificate")) || text.contains(QLatin1String("certificate required"))
                      || text.contains(QLatin1String("unknown ca")))) {
            // The daemon ended the handshake because of our side's certificate.
            const bool sent = !static_cast<QSslSocket *>(m_socket)->sslConfiguration().localCertificate().isNull();
            Q_EMIT failed(Error::make(Error::Tls, sent ? tr("The Docker daemon at %1 did not accept the client certificate "
                                                            "(is it signed by the CA the daemon trusts?).")
                                                             .arg(peerName())
                                                       : tr("The Docker daemon at %1 asks for a client certificate and key; "
                                                            "none was given.")
                                                             .arg(peerName())));
            return;
        }
        Q_EMIT failed(Error::make(m_tls && e >= QAbstractSocket::SslHandshakeFailedError ? Error::Tls : Error::Connect,
                                  tr("Cannot connect to the Docker daemon at %1: %2.").arg(peerName(), text)));
    });
}

void TcpTransport::open()
{
    if (m_tls)
        static_cast<QSslSocket *>(m_socket)->connectToHostEncrypted(m_host, m_port, m_expectedName);
    else
        m_socket->connectToHost(m_host, m_port);
}

QIODevice *TcpTransport::device() const
{
    return m_socket;
}

bool TcpTransport::isOpen() const
{
    if (m_tls)
        return static_cast<QSslSocket *>(m_socket)->isEncrypted();
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void TcpTransport::close()
{
    m_socket->abort();
}

bool TcpTransport::closeWrite()
{
    if (m_tls)
        return false; // a TLS close_notify would end the whole session
    m_socket->flush();
    return halfCloseSocket(m_socket->socketDescriptor());
}

QString TcpTransport::peerName() const
{
    return QStringLiteral("tcp://%1:%2").arg(m_host).arg(m_port);
}

} // namespace Wharf::Backends
