#include "sshsession.h"
#include "sshagent.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTcpSocket>

#include <libssh2.h>

#include <cerrno>
#include <cstring>
#include <mutex>

Q_LOGGING_CATEGORY(lcSsh, "wharf.ssh", QtWarningMsg)

namespace Wharf::Backends {

namespace {

// libssh2's I/O goes through Qt: the socket argument is always the session's own (Wharf
// speaks to ssh-agent itself, SshAgentClient, so libssh2 never opens a socket of its own).
LIBSSH2_RECV_FUNC(recvThroughQt)
{
    Q_UNUSED(socket);
    Q_UNUSED(flags);
    return ssize_t(static_cast<SshSession *>(*abstract)->readSocket(static_cast<char *>(buffer), qint64(length)));
}

LIBSSH2_SEND_FUNC(sendThroughQt)
{
    Q_UNUSED(socket);
    Q_UNUSED(flags);
    return ssize_t(static_cast<SshSession *>(*abstract)->writeSocket(static_cast<const char *>(buffer), qint64(length)));
}

void initLibrary()
{
    static std::once_flag once;
    std::call_once(once, [] { libssh2_init(0); });
}

} // namespace

// The channel's bytes for the HTTP client: what arrived is kept until read; what is written
// goes to the session, which sends it as the channel's window allows.
class SshChannelTransport::Device : public QIODevice
{
public:
    explicit Device(SshChannelTransport *t)
        : QIODevice(t)
        , m_t(t)
    {
        QIODevice::open(QIODevice::ReadWrite | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_buffer.size() + QIODevice::bytesAvailable(); }
    // What the session still holds for the channel: a writer streaming a large body waits for
    // bytesWritten() before it hands over more.
    qint64 bytesToWrite() const override
    {
        if (!m_t->m_session)
            return 0;
        const SshSession::Channel *c = m_t->m_session->find(const_cast<SshChannelTransport *>(m_t));
        return c ? c->out.size() : 0;
    }
    void append(const QByteArray &data) { m_buffer += data; }

protected:
    qint64 readData(char *data, qint64 max) override
    {
        const qint64 n = std::min<qint64>(max, m_buffer.size());
        if (n <= 0)
            return m_t->m_ended ? -1 : 0;
        std::memcpy(data, m_buffer.constData(), size_t(n));
        m_buffer.remove(0, n);
        return n;
    }
    qint64 writeData(const char *data, qint64 len) override
    {
        if (!m_t->m_open || m_t->m_ended)
            return -1;
        m_t->m_session->write(m_t, QByteArray(data, len));
        return len;
    }

private:
    SshChannelTransport *m_t;
    QByteArray m_buffer;
};

std::shared_ptr<SshSession> SshSession::create(const SshTarget &target, const SshSettings &settings)
{
    // Deleted from the event loop: the last reference may go inside one of its own signals.
    return std::shared_ptr<SshSession>(new SshSession(target, settings), [](SshSession *s) { s->deleteLater(); });
}

SshSession::SshSession(const SshTarget &target, const SshSettings &settings)
    : m_target(target)
    , m_settings(settings)
{
    initLibrary();
    m_deadAfterMs = std::max(1, m_settings.keepAliveSeconds) * 3000;
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        const int s = m_settings.connectTimeoutMs / 1000;
        if (m_phase == Phase::Connecting)
            fail(Error::make(Error::Timeout, tr("No answer from %1 port %2 within %3 s (is the host up, and is a firewall "
                                                "dropping SSH?).")
                                                 .arg(m_target.host)
                                                 .arg(m_target.port)
                                                 .arg(s)));
        else if (m_phase == Phase::Authenticating)
            fail(Error::make(Error::Timeout, tr("Authentication to %1 did not finish within %2 s (is ssh-agent waiting "
                                                "for a confirmation?).")
                                                 .arg(m_target.display())
                                                 .arg(s)));
        else
            fail(Error::make(Error::Timeout, tr("The SSH server %1 did not finish the handshake within %2 s.")
                                                 .arg(m_target.display())
                                                 .arg(s)));
    });
    connect(&m_keepAliveTimer, &QTimer::timeout, this, &SshSession::keepAlive);
}

SshSession::~SshSession()
{
    m_channels.clear();
    reset();
}

SshChannelTransport *SshSession::newChannel(QObject *parent)
{
    return new SshChannelTransport(shared_from_this(), parent);
}

void SshSession::setKeepAlive(int intervalMs, int deadAfterMs)
{
    m_keepAliveTimer.setInterval(intervalMs);
    m_deadAfterMs = deadAfterMs;
}

qint64 SshSession::readSocket(char *buffer, qint64 length)
{
    if (m_dead || !m_socket)
        return 0;
    const qint64 n = m_socket->read(buffer, length);
    if (n > 0)
        return n;
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return 0; // the peer is gone: libssh2 reports a disconnect
    return -EAGAIN;
}

qint64 SshSession::writeSocket(const char *buffer, qint64 length)
{
    if (m_dead || !m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return -EPIPE;
    return m_socket->write(buffer, length);
}

void SshSession::add(SshChannelTransport *t)
{
    Channel c;
    c.transport = t;
    m_channels.append(c);
    if (m_phase == Phase::Idle)
        start();
    else
        schedulePump();
}

SshSession::Channel *SshSession::find(SshChannelTransport *t)
{
    for (auto &c : m_channels)
        if (c.transport == t)
            return &c;
    return nullptr;
}

void SshSession::write(SshChannelTransport *t, const QByteArray &data)
{
    if (Channel *c = find(t)) {
        c->out += data;
        schedulePump();
    }
}

void SshSession::closeWrite(SshChannelTransport *t)
{
    if (Channel *c = find(t)) {
        c->eofWanted = true;
        schedulePump();
    }
}

void SshSession::release(SshChannelTransport *t)
{
    for (int i = 0; i < m_channels.size(); ++i) {
        if (m_channels[i].transport == t) {
            if (m_channels[i].handle)
                m_orphans.append(m_channels[i].handle);
            // An open still in progress is finished by the next channel that opens: libssh2
            // keeps its state in the session, and a channel is a channel.
            if (m_opening && m_openingIndex == i)
                m_opening = false;
            else if (m_opening && m_openingIndex > i)
                --m_openingIndex;
            m_channels.removeAt(i);
            break;
        }
    }
    schedulePump();
}

void SshSession::start()
{
    reset();
    m_dead = false;
    m_phase = Phase::Connecting;
    m_tried.clear();
    m_notes.clear();
    m_socket = new QTcpSocket(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::connected, this, [this] {
        m_session = libssh2_session_init_ex(nullptr, nullptr, nullptr, this);
        if (!m_session) {
            fail(Error::make(Error::Connect, tr("Cannot start an SSH session: out of memory.")));
            return;
        }
        libssh2_session_callback_set(m_session, LIBSSH2_CALLBACK_RECV, reinterpret_cast<void *>(&recvThroughQt));
        libssh2_session_callback_set(m_session, LIBSSH2_CALLBACK_SEND, reinterpret_cast<void *>(&sendThroughQt));
        libssh2_session_set_blocking(m_session, 0);
        // Ed25519 first, as OpenSSH does, so a host whose key is known is asked for that key.
        // Only names this libssh2 knows: it drops the others with an overlapping memcpy.
        {
            const char **algs = nullptr;
            const int n = libssh2_session_supported_algs(m_session, LIBSSH2_METHOD_HOSTKEY, &algs);
            QByteArrayList supported;
            for (int i = 0; i < n; ++i)
                supported << QByteArray(algs[i]);
            if (n > 0)
                libssh2_free(m_session, algs);
            QByteArrayList pref;
            for (const char *a : {"ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
                                  "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"})
                if (supported.contains(QByteArray(a)))
                    pref << QByteArray(a);
            if (!pref.isEmpty())
                libssh2_session_method_pref(m_session, LIBSSH2_METHOD_HOSTKEY, pref.join(',').constData());
        }
        libssh2_keepalive_config(m_session, 1, unsigned(std::max(1, m_settings.keepAliveSeconds)));
        m_phase = Phase::Handshaking;
        m_lastRx.start();
        pump();
    });
    connect(m_socket, &QTcpSocket::readyRead, this, [this] {
        m_lastRx.start();
        pump();
    });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (m_phase != Phase::Connecting) {
            if (e == QAbstractSocket::RemoteHostClosedError)
                return; // reported by disconnected()
            pump();
            fail(Error::make(Error::Connect, tr("The SSH connection to %1 failed: %2.").arg(m_target.display(), m_socket->errorString())));
            return;
        }
        QString why;
        switch (e) {
        case QAbstractSocket::HostNotFoundError:
            fail(Error::make(Error::Connect, tr("Cannot resolve the host name \"%1\" (check the address and your DNS).").arg(m_target.host)));
            return;
        case QAbstractSocket::ConnectionRefusedError:
            why = tr("connection refused (is sshd running and listening on port %1?)").arg(m_target.port);
            break;
        case QAbstractSocket::NetworkError:
            why = tr("the network is unreachable");
            break;
        default:
            why = m_socket->errorString();
        }
        fail(Error::make(Error::Connect, tr("Cannot connect to %1 port %2: %3.").arg(m_target.host).arg(m_target.port).arg(why)));
    });
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        if (m_phase == Phase::Idle)
            return;
        pump(); // what was still buffered
        if (m_phase != Phase::Idle)
            fail(Error::make(Error::Connect, tr("The SSH server %1 closed the connection.").arg(m_target.display())));
    });
    m_connectTimer.start(m_settings.connectTimeoutMs);
    qCDebug(lcSsh) << "connecting to" << m_target.display();
    m_socket->connectToHost(m_target.host, m_target.port);
}

void SshSession::schedulePump()
{
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(this, &SshSession::pump, Qt::QueuedConnection);
}

void SshSession::pump()
{
    m_pumpQueued = false;
    while (m_session && advance()) {
    }
    if (m_phase == Phase::Ready)
        closeOrphans();
}

bool SshSession::advance()
{
    switch (m_phase) {
    case Phase::Idle:
    case Phase::Connecting:
        return false;
    case Phase::Handshaking: {
        const int rc = libssh2_session_handshake(m_session, libssh2_socket_t(m_socket->socketDescriptor()));
        if (rc == LIBSSH2_ERROR_EAGAIN)
            return false;
        if (rc != 0) {
            fail(Error::make(Error::Connect, tr("The SSH handshake with %1 failed: %2 (is that port an SSH server?)")
                                                 .arg(m_target.display(), lastError())));
            return false;
        }
        m_phase = Phase::HostKey;
        return true;
    }
    case Phase::HostKey:
        return checkHostKey();
    case Phase::Authenticating:
        return authenticate();
    case Phase::Ready:
        serviceChannels();
        return false;
    }
    return false;
}

void SshSession::serviceChannels()
{
    QList<std::function<void()>> emits;
    const QByteArray command = m_target.dialCommand().toUtf8();
    for (int i = 0; i < m_channels.size(); ++i) {
        Channel &c = m_channels[i];
        QPointer<SshChannelTransport> t = c.transport;
        if (!t) {
            if (c.handle)
                m_orphans.append(c.handle);
            c.handle = nullptr;
            c.state = Channel::Done;
            continue;
        }
        auto end = [&](const Error &e) {
            if (c.handle)
                m_orphans.append(c.handle);
            c.handle = nullptr;
            c.state = Channel::Done;
            emits.append([t, e] {
                if (t)
                    t->ended(e);
            });
        };
        if (c.state == Channel::Pending) {
            if (m_opening && m_openingIndex != i)
                continue; // libssh2 opens one channel at a time
            c.handle = libssh2_channel_open_session(m_session);
            if (!c.handle) {
                if (libssh2_session_last_errno(m_session) == LIBSSH2_ERROR_EAGAIN) {
                    m_opening = true;
                    m_openingIndex = i;
                    continue;
                }
                m_opening = false;
                end(Error::make(Error::Connect, tr("Cannot open an SSH channel to %1: %2").arg(m_target.display(), lastError())));
                continue;
            }
            m_opening = false;
            c.state = Channel::Exec;
        }
        if (c.state == Channel::Exec) {
            const int rc = libssh2_channel_process_startup(c.handle, "exec", 4, command.constData(), unsigned(command.size()));
            if (rc == LIBSSH2_ERROR_EAGAIN)
                continue;
            if (rc != 0) {
                end(Error::make(Error::Connect, tr("%1 refused to run \"%2\": %3").arg(m_target.display(), QString::fromUtf8(command), lastError())));
                continue;
            }
            c.state = Channel::Open;
            t->m_open = true;
            emits.append([t] {
                if (t)
                    Q_EMIT t->connected();
            });
        }
        if (c.state == Channel::Open) {
            while (!c.out.isEmpty()) {
                const auto n = libssh2_channel_write(c.handle, c.out.constData(), size_t(c.out.size()));
                if (n == LIBSSH2_ERROR_EAGAIN)
                    break;
                if (n < 0) {
                    end(Error::make(Error::Connect, tr("Writing to the SSH channel on %1 failed: %2").arg(m_target.display(), lastError())));
                    break;
                }
                c.out.remove(0, qsizetype(n));
                emits.append([t = c.transport, n] {
                    if (t)
                        Q_EMIT t->device()->bytesWritten(qint64(n));
                });
            }
            if (c.state != Channel::Open)
                continue;
            if (c.eofWanted && c.out.isEmpty() && !c.eofSent && libssh2_channel_send_eof(c.handle) == 0)
                c.eofSent = true;
            QByteArray got;
            char buf[32768];
            for (;;) {
                const auto n = libssh2_channel_read(c.handle, buf, sizeof buf);
                if (n > 0) {
                    got.append(buf, qsizetype(n));
                    continue;
                }
                if (n < 0 && n != LIBSSH2_ERROR_EAGAIN) {
                    if (!got.isEmpty())
                        t->deliver(got);
                    end(Error::make(Error::Connect, tr("Reading from the SSH channel on %1 failed: %2").arg(m_target.display(), lastError())));
                    got.clear();
                }
                break;
            }
            if (c.state != Channel::Open)
                continue;
            for (;;) {
                const auto n = libssh2_channel_read_stderr(c.handle, buf, sizeof buf);
                if (n <= 0)
                    break;
                if (c.stderrText.size() < 8192)
                    c.stderrText.append(buf, qsizetype(n));
            }
            if (!got.isEmpty()) {
                c.gotStdout = true;
                t->deliver(got);
                emits.append([t] {
                    if (t)
                        Q_EMIT t->device()->readyRead();
                });
            }
            if (!libssh2_channel_eof(c.handle))
                continue;
            c.state = Channel::Closing;
        }
        if (c.state == Channel::Closing) {
            int rc = libssh2_channel_close(c.handle);
            if (rc == LIBSSH2_ERROR_EAGAIN)
                continue;
            rc = libssh2_channel_wait_closed(c.handle);
            if (rc == LIBSSH2_ERROR_EAGAIN)
                continue;
            const int status = libssh2_channel_get_exit_status(c.handle);
            end(channelEndError(c, status));
        }
    }
    for (int i = int(m_channels.size()) - 1; i >= 0; --i) {
        if (m_channels[i].state == Channel::Done) {
            if (m_opening && m_openingIndex == i)
                m_opening = false;
            if (m_opening && m_openingIndex > i)
                --m_openingIndex;
            m_channels.removeAt(i);
        }
    }
    for (const auto &e : emits)
        QMetaObject::invokeMethod(this, e, Qt::QueuedConnection);
}

Error SshSession::channelEndError(const Channel &c, int exitStatus) const
{
    if (c.gotStdout)
        return {};
    return dialStdioError(m_target, QString::fromUtf8(c.stderrText), exitStatus);
}

void SshSession::closeOrphans()
{
    for (int i = int(m_orphans.size()) - 1; i >= 0; --i) {
        const int rc = libssh2_channel_free(m_orphans[i]);
        if (rc != LIBSSH2_ERROR_EAGAIN)
            m_orphans.removeAt(i);
    }
}

void SshSession::keepAlive()
{
    if (m_phase != Phase::Ready || !m_session)
        return;
    if (m_lastRx.isValid() && m_lastRx.elapsed() > m_deadAfterMs) {
        fail(Error::make(Error::Timeout, tr("The SSH connection to %1 stopped answering (no reply for %2 s).")
                                             .arg(m_target.display())
                                             .arg(m_deadAfterMs / 1000)));
        return;
    }
    int next = 0;
    libssh2_keepalive_send(m_session, &next);
    schedulePump();
}

QString SshSession::lastError() const
{
    if (!m_session)
        return {};
    char *msg = nullptr;
    int len = 0;
    libssh2_session_last_error(m_session, &msg, &len, 0);
    return QString::fromUtf8(msg, len);
}

void SshSession::setWaiting(bool waiting)
{
    if (m_waiting == waiting)
        return;
    m_waiting = waiting;
    // Time spent answering a question is not the server's fault.
    if (waiting)
        m_connectTimer.stop();
    else if (m_phase != Phase::Ready && m_phase != Phase::Idle)
        m_connectTimer.start(m_settings.connectTimeoutMs);
    for (const auto &c : std::as_const(m_channels))
        if (c.transport)
            Q_EMIT c.transport->connectPaused(waiting);
    Q_EMIT waitingForUser(waiting);
}

void SshSession::fail(const Error &error)
{
    qCInfo(lcSsh) << m_target.display() << error.message; // the error reaches the person through the calls
    setWaiting(false);
    const QList<Channel> channels = std::exchange(m_channels, {});
    reset();
    for (const auto &c : channels) {
        QPointer<SshChannelTransport> t = c.transport;
        if (t)
            QMetaObject::invokeMethod(this, [t, error] {
                if (t)
                    t->ended(error);
            }, Qt::QueuedConnection);
    }
}

void SshSession::reset()
{
    ++m_generation;
    m_connectTimer.stop();
    m_keepAliveTimer.stop();
    m_dead = true;
    for (auto &c : m_channels)
        c.handle = nullptr; // freed with the session
    m_orphans.clear();
    m_opening = false;
    if (m_agent) {
        m_agent->disconnect(this);
        m_agent->deleteLater();
        m_agent = nullptr;
    }
    if (m_session) {
        libssh2_session_disconnect(m_session, "bye");
        for (int i = 0; i < 10 && libssh2_session_free(m_session) == LIBSSH2_ERROR_EAGAIN; ++i) {
        }
        m_session = nullptr;
    }
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_phase = Phase::Idle;
    m_keyState = KeyState::Unchecked;
    m_methodsListed = false;
    m_steps.clear();
    m_step = -1;
    m_secretState = SecretState::None;
    m_secret.fill(QLatin1Char('\0'));
    m_secret.clear();
    m_agentIndex = -1;
    m_agentSigning = false;
    m_agentListed = false;
    m_agentTried.clear();
    m_cancelled = false;
}

SshChannelTransport::SshChannelTransport(std::shared_ptr<SshSession> session, QObject *parent)
    : Transport(parent)
    , m_session(std::move(session))
    , m_device(new Device(this))
{
}

SshChannelTransport::~SshChannelTransport()
{
    if (!m_ended)
        m_session->release(this);
}

void SshChannelTransport::open()
{
    m_session->add(this);
}

QIODevice *SshChannelTransport::device() const
{
    return m_device;
}

bool SshChannelTransport::isOpen() const
{
    return m_open && !m_ended;
}

void SshChannelTransport::close()
{
    if (m_ended)
        return;
    m_ended = true;
    m_session->release(this);
}

bool SshChannelTransport::closeWrite()
{
    m_session->closeWrite(this);
    return true;
}

QString SshChannelTransport::peerName() const
{
    return QStringLiteral("ssh://") + m_session->target().display();
}

void SshChannelTransport::deliver(const QByteArray &data)
{
    m_device->append(data);
}

void SshChannelTransport::ended(const Error &error)
{
    if (m_ended)
        return;
    const bool wasOpen = m_open;
    m_ended = true;
    if (error.isError())
        Q_EMIT failed(error);
    if (wasOpen)
        Q_EMIT disconnected();
}

} // namespace Wharf::Backends
