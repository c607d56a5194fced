#include "sshsession.h"
#include "secrets/credentialstore.h"
#include "sshkeyfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTcpSocket>

#include <libssh2.h>

#ifdef Q_OS_WIN
#include <winsock2.h>
#define MSG_NOSIGNAL 0
#else
#include <sys/socket.h>
#endif

#include <cerrno>
#include <cstring>
#include <mutex>

Q_LOGGING_CATEGORY(lcSsh, "wharf.ssh")

namespace Wharf::Backends {

namespace {

// libssh2 also talks to ssh-agent through these callbacks, on the agent's own socket: that
// traffic goes straight to the socket, the session's goes through Qt.
LIBSSH2_RECV_FUNC(recvThroughQt)
{
    auto *session = static_cast<SshSession *>(*abstract);
    if (!session->isSessionSocket(socket)) {
        const auto n = ::recv(socket, static_cast<char *>(buffer), length, flags);
        return n < 0 ? -errno : n;
    }
    return ssize_t(session->readSocket(static_cast<char *>(buffer), qint64(length)));
}

LIBSSH2_SEND_FUNC(sendThroughQt)
{
    auto *session = static_cast<SshSession *>(*abstract);
    if (!session->isSessionSocket(socket)) {
        const auto n = ::send(socket, static_cast<const char *>(buffer), length, flags | MSG_NOSIGNAL);
        return n < 0 ? -errno : n;
    }
    return ssize_t(session->writeSocket(static_cast<const char *>(buffer), qint64(length)));
}

void initLibrary()
{
    static std::once_flag once;
    std::call_once(once, [] { libssh2_init(0); });
}

QByteArray keyTypeOfBlob(const unsigned char *blob, size_t len)
{
    if (len < 4)
        return {};
    const quint32 n = (quint32(blob[0]) << 24) | (quint32(blob[1]) << 16) | (quint32(blob[2]) << 8) | quint32(blob[3]);
    if (n > len - 4)
        return {};
    return QByteArray(reinterpret_cast<const char *>(blob + 4), qsizetype(n));
}

QString homeShort(const QString &path)
{
    const QString home = QDir::homePath();
    return path.startsWith(home + QLatin1Char('/')) ? QStringLiteral("~") + path.mid(home.size()) : path;
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

bool SshSession::isSessionSocket(qintptr socket) const
{
    return m_socket && m_socket->socketDescriptor() == socket;
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
        libssh2_session_method_pref(m_session, LIBSSH2_METHOD_HOSTKEY,
                                    "ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,"
                                    "rsa-sha2-512,rsa-sha2-256,ssh-rsa");
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

bool SshSession::checkHostKey()
{
    if (m_keyState == KeyState::Asking)
        return false;
    if (m_keyState == KeyState::Unchecked) {
        size_t len = 0;
        int type = 0;
        const char *key = libssh2_session_hostkey(m_session, &len, &type);
        if (!key) {
            fail(Error::make(Error::Connect, tr("The SSH server %1 sent no host key.").arg(m_target.display())));
            return false;
        }
        m_hostKey.libssh2Type = type;
        m_hostKey.blob = QByteArray(key, qsizetype(len));
        QStringList files;
        if (!m_settings.knownHostsFile.isEmpty())
            files << m_settings.knownHostsFile;
        files << m_settings.importedKnownHosts;
        const auto check = KnownHosts::check(m_session, files, m_target.host, m_target.port, m_hostKey);
        if (!check) {
            fail(check.error());
            return false;
        }
        switch (check->result) {
        case KnownHosts::Result::Mismatch:
            fail(Error::make(Error::Connect,
                             tr("The host key of %1 has changed: it now presents the %2 key %3, which differs from the key "
                                "recorded in %4. Someone could be intercepting the connection, so Wharf refuses to connect. "
                                "If the host was really reinstalled, remove its old key first (\"Forget host key\" in the "
                                "console, or wharfctl host forget-key).")
                                 .arg(m_target.display(), m_hostKey.typeName(), m_hostKey.fingerprint(), homeShort(check->file))));
            return false;
        case KnownHosts::Result::Match:
            m_keyState = KeyState::Trusted;
            break;
        case KnownHosts::Result::Unknown: {
            auto trust = [this]() -> bool {
                if (m_settings.knownHostsFile.isEmpty()) {
                    fail(Error::make(Error::Connect, tr("There is no known_hosts file to save the host key of %1 in.").arg(m_target.display())));
                    return false;
                }
                if (auto e = KnownHosts::add(m_settings.knownHostsFile, m_target.host, m_target.port, m_hostKey); e.isError()) {
                    fail(e);
                    return false;
                }
                qCInfo(lcSsh) << "saved the host key of" << m_target.display() << m_hostKey.fingerprint();
                m_keyState = KeyState::Trusted;
                return true;
            };
            if (m_settings.acceptNewHostKey) {
                if (!trust())
                    return false;
                break;
            }
            const QString unknown = tr("The host key of %1 is not known. Its %2 fingerprint is %3.")
                                        .arg(m_target.display(), m_hostKey.typeName(), m_hostKey.fingerprint());
            if (!m_settings.interaction) {
                fail(Error::make(Error::Connect, unknown + QLatin1Char(' ')
                                     + tr("Check it with the host's administrator, then connect once with "
                                          "--accept-new-host-key to trust it.")));
                return false;
            }
            if (m_refusedKeys.contains(m_hostKey.fingerprint())) {
                fail(Error::make(Error::Connect, unknown + QLatin1Char(' ') + tr("You chose not to trust it.")));
                return false;
            }
            m_keyState = KeyState::Asking;
            setWaiting(true);
            QPointer<SshSession> self(this);
            const quint64 gen = m_generation;
            SshInteraction::HostKey q{m_target.host, m_target.port, m_hostKey.typeName(), m_hostKey.fingerprint()};
            m_settings.interaction->confirmHostKey(q, [self, gen, trust, unknown](bool yes) {
                if (!self || gen != self->m_generation)
                    return;
                self->setWaiting(false);
                if (!yes) {
                    self->m_refusedKeys.insert(self->m_hostKey.fingerprint());
                    self->fail(Error::make(Error::Connect, unknown + QLatin1Char(' ') + tr("You chose not to trust it.")));
                    return;
                }
                if (trust())
                    self->schedulePump();
            });
            return false;
        }
        }
    }
    m_phase = Phase::Authenticating;
    return true;
}

bool SshSession::nextAuthStep()
{
    ++m_step;
    m_secretState = SecretState::None;
    m_secret.fill(QLatin1Char('\0'));
    m_secret.clear();
    m_tries = 0;
    m_cancelled = false;
    if (m_step >= m_steps.size()) {
        QString msg = tr("Authentication to %1 failed.").arg(m_target.display());
        msg += QLatin1Char(' ')
            + (m_tried.isEmpty() ? tr("No method could be tried.") : tr("Tried: %1.").arg(m_tried.join(QLatin1String(", "))));
        msg += QLatin1Char(' ') + tr("The server accepts: %1.").arg(m_serverMethods);
        for (const QString &n : std::as_const(m_notes))
            msg += QLatin1Char(' ') + n;
        fail(Error::make(Error::Connect, msg));
        return false;
    }
    AuthStep &st = m_steps[m_step];
    switch (st.kind) {
    case AuthStep::Agent: {
        m_agent = libssh2_agent_init(m_session);
        if (!m_agent || libssh2_agent_connect(m_agent) != 0 || libssh2_agent_list_identities(m_agent) != 0) {
            m_notes << tr("The ssh-agent could not be reached.");
            if (m_agent) {
                libssh2_agent_free(m_agent);
                m_agent = nullptr;
            }
            return nextAuthStep();
        }
        m_agentPrev = nullptr;
        m_agentIdentity = nullptr;
        return true;
    }
    case AuthStep::KeyFile: {
        if (!QFileInfo::exists(st.keyFile)) {
            if (st.explicitFile)
                m_notes << tr("The key file %1 does not exist.").arg(homeShort(st.keyFile));
            return nextAuthStep();
        }
        const SshKeyFile kf = SshKeyFile::inspect(st.keyFile);
        if (!kf.readable) {
            m_notes << tr("%1 is not a private key Wharf can read (%2).").arg(homeShort(st.keyFile), kf.error);
            return nextAuthStep();
        }
        if (kf.type == SshKeyFile::Rsa) {
            m_notes << tr("%1 is an RSA key: this build's libssh2 (1.10) can only sign with ssh-rsa (SHA-1), which "
                          "current servers refuse. Use an Ed25519 or ECDSA key, or tick \"Use the system ssh client\" "
                          "(wharfctl --ssh-client=openssh).")
                           .arg(homeShort(st.keyFile));
            return nextAuthStep();
        }
        st.encrypted = kf.encrypted;
        return true;
    }
    case AuthStep::Password:
        return true;
    }
    return true;
}

bool SshSession::obtainSecret(SshInteraction::SecretKind kind, const QString &keyFile)
{
    switch (m_secretState) {
    case SecretState::Ready:
        return true;
    case SecretState::Reading:
    case SecretState::Asking:
        return false;
    case SecretState::None:
        break;
    }
    const QString storeKey = kind == SshInteraction::SecretKind::KeyPassphrase ? SshSettings::passphraseKey(keyFile)
                                                                               : SshSettings::passwordKey(m_target);
    QPointer<SshSession> self(this);
    const quint64 gen = m_generation;
    auto ask = [self, gen, kind, keyFile] {
        if (!self || gen != self->m_generation)
            return;
        if (!self->m_settings.interaction) {
            self->m_notes << (kind == SshInteraction::SecretKind::KeyPassphrase
                                  ? tr("%1 needs its passphrase, and none can be asked here (load the key into ssh-agent).")
                                        .arg(homeShort(keyFile))
                                  : tr("A password is needed, and none can be asked here."));
            self->m_cancelled = true;
            self->schedulePump();
            return;
        }
        self->m_secretState = SecretState::Asking;
        self->setWaiting(true);
        SshInteraction::SecretRequest req{kind, self->m_target.display(), keyFile, self->m_tries > 0};
        self->m_settings.interaction->askSecret(req, [self, gen](std::optional<QString> secret, bool remember) {
            if (!self || gen != self->m_generation)
                return;
            self->setWaiting(false);
            if (!secret) {
                self->m_cancelled = true;
            } else {
                self->m_secret = *secret;
                self->m_remember = remember;
                self->m_secretFromStore = false;
                self->m_secretState = SecretState::Ready;
            }
            self->schedulePump();
        });
    };
    if (m_settings.credentials && m_tries == 0) {
        m_secretState = SecretState::Reading;
        m_settings.credentials->read(storeKey, [self, gen, ask](const Expected<QByteArray> &v) {
            if (!self || gen != self->m_generation)
                return;
            if (v) {
                self->m_secret = QString::fromUtf8(*v);
                self->m_secretFromStore = true;
                self->m_remember = false;
                self->m_secretState = SecretState::Ready;
                self->schedulePump();
            } else {
                ask();
            }
        });
        return false;
    }
    ask();
    return false;
}

void SshSession::secretWorked(SshInteraction::SecretKind kind, const QString &keyFile)
{
    if (m_remember && !m_secretFromStore && m_settings.credentials) {
        const QString key = kind == SshInteraction::SecretKind::KeyPassphrase ? SshSettings::passphraseKey(keyFile)
                                                                              : SshSettings::passwordKey(m_target);
        m_settings.credentials->write(key, m_secret.toUtf8(), [](const Error &e) {
            if (e.isError())
                qCWarning(lcSsh) << "the secret was not kept in the keychain:" << e.message;
        });
    }
}

void SshSession::secretFailed(SshInteraction::SecretKind kind, const QString &keyFile)
{
    if (m_secretFromStore && m_settings.credentials) {
        const QString key = kind == SshInteraction::SecretKind::KeyPassphrase ? SshSettings::passphraseKey(keyFile)
                                                                              : SshSettings::passwordKey(m_target);
        m_settings.credentials->remove(key, [](const Error &) {});
    }
    ++m_tries;
    m_secretState = SecretState::None;
    m_secret.fill(QLatin1Char('\0'));
    m_secret.clear();
}

bool SshSession::authenticate()
{
    const QByteArray user = m_target.userOrDefault().toUtf8();
    if (!m_methodsListed) {
        const char *list = libssh2_userauth_list(m_session, user.constData(), unsigned(user.size()));
        if (!list) {
            if (libssh2_userauth_authenticated(m_session)) {
                onAuthenticated(tr("none"));
                return true;
            }
            if (libssh2_session_last_errno(m_session) == LIBSSH2_ERROR_EAGAIN)
                return false;
            fail(Error::make(Error::Connect, tr("The SSH server %1 did not list its authentication methods: %2")
                                                 .arg(m_target.display(), lastError())));
            return false;
        }
        m_methodsListed = true;
        m_serverMethods = QString::fromLatin1(list);
        const QStringList methods = m_serverMethods.split(QLatin1Char(','));
        m_steps.clear();
        if (methods.contains(QLatin1String("publickey"))) {
            if (m_settings.useAgent && !qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK"))
                m_steps.append({AuthStep::Agent, {}, false, false});
            const bool explicitFiles = !m_settings.identityFiles.isEmpty();
            for (const QString &f : explicitFiles ? m_settings.identityFiles : SshSettings::defaultIdentityFiles())
                m_steps.append({AuthStep::KeyFile, f, explicitFiles, false});
        }
        if (methods.contains(QLatin1String("password")))
            m_steps.append({AuthStep::Password, {}, false, false});
        m_step = -1;
        return nextAuthStep();
    }
    if (m_step < 0 || m_step >= m_steps.size())
        return false;
    const AuthStep st = m_steps[m_step];
    if (m_cancelled) {
        if (st.kind == AuthStep::KeyFile && !m_notes.join(QString()).contains(homeShort(st.keyFile)))
            m_notes << tr("No passphrase was given for %1.").arg(homeShort(st.keyFile));
        return nextAuthStep();
    }
    switch (st.kind) {
    case AuthStep::Agent:
        for (;;) {
            if (!m_agentIdentity) {
                libssh2_agent_publickey *next = nullptr;
                if (libssh2_agent_get_identity(m_agent, &next, static_cast<libssh2_agent_publickey *>(m_agentPrev)) != 0)
                    return nextAuthStep();
                m_agentPrev = next;
                const QByteArray type = keyTypeOfBlob(next->blob, next->blob_len);
                const QString name = QString::fromUtf8(next->comment ? next->comment : "");
                if (type == "ssh-rsa") {
                    m_notes << tr("The agent's RSA key %1 was skipped: this build's libssh2 (1.10) cannot sign with "
                                  "rsa-sha2. Use the system ssh client for it.")
                                   .arg(name);
                    continue;
                }
                m_agentIdentity = next;
                m_tried << tr("ssh-agent key %1").arg(name.isEmpty() ? QString::fromLatin1(type) : name);
            }
            const int rc = libssh2_agent_userauth(m_agent, user.constData(), static_cast<libssh2_agent_publickey *>(m_agentIdentity));
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return false;
            m_agentIdentity = nullptr;
            if (rc == 0) {
                onAuthenticated(tr("ssh-agent"));
                return true;
            }
        }
    case AuthStep::KeyFile: {
        if (st.encrypted && !obtainSecret(SshInteraction::SecretKind::KeyPassphrase, st.keyFile))
            return false;
        const QByteArray path = QFile::encodeName(st.keyFile);
        const QByteArray pass = st.encrypted ? m_secret.toUtf8() : QByteArray();
        const int rc = libssh2_userauth_publickey_fromfile_ex(m_session, user.constData(), unsigned(user.size()), nullptr,
                                                              path.constData(), st.encrypted ? pass.constData() : nullptr);
        if (rc == LIBSSH2_ERROR_EAGAIN)
            return false;
        if (rc == 0) {
            if (st.encrypted)
                secretWorked(SshInteraction::SecretKind::KeyPassphrase, st.keyFile);
            onAuthenticated(homeShort(st.keyFile));
            return true;
        }
        if (st.encrypted && rc == LIBSSH2_ERROR_FILE && m_tries < 2) {
            secretFailed(SshInteraction::SecretKind::KeyPassphrase, st.keyFile); // wrong passphrase: ask again
            return true;
        }
        if (rc == LIBSSH2_ERROR_FILE)
            m_notes << (st.encrypted ? tr("The passphrase for %1 was wrong.").arg(homeShort(st.keyFile))
                                     : tr("%1 could not be read: %2").arg(homeShort(st.keyFile), lastError()));
        m_tried << homeShort(st.keyFile);
        return nextAuthStep();
    }
    case AuthStep::Password: {
        if (!obtainSecret(SshInteraction::SecretKind::Password, {}))
            return false;
        const QByteArray pw = m_secret.toUtf8();
        const int rc = libssh2_userauth_password_ex(m_session, user.constData(), unsigned(user.size()), pw.constData(),
                                                    unsigned(pw.size()), nullptr);
        if (rc == LIBSSH2_ERROR_EAGAIN)
            return false;
        if (rc == 0) {
            secretWorked(SshInteraction::SecretKind::Password, {});
            onAuthenticated(tr("password"));
            return true;
        }
        if (m_tries == 0)
            m_tried << tr("password");
        if (rc == LIBSSH2_ERROR_AUTHENTICATION_FAILED && m_tries < 2) {
            secretFailed(SshInteraction::SecretKind::Password, {});
            return true;
        }
        return nextAuthStep();
    }
    }
    return false;
}

void SshSession::onAuthenticated(const QString &how)
{
    qCInfo(lcSsh) << "authenticated to" << m_target.display() << "with" << how;
    m_secret.fill(QLatin1Char('\0'));
    m_secret.clear();
    m_phase = Phase::Ready;
    m_connectTimer.stop();
    if (m_keepAliveTimer.interval() <= 0 || !m_keepAliveTimer.isActive())
        m_keepAliveTimer.start(m_keepAliveTimer.interval() > 0 ? m_keepAliveTimer.interval()
                                                                 : std::max(1, m_settings.keepAliveSeconds) * 1000);
    m_lastRx.start();
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
    qCWarning(lcSsh) << m_target.display() << error.message;
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
        libssh2_agent_disconnect(m_agent);
        libssh2_agent_free(m_agent);
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
    m_agentIdentity = nullptr;
    m_agentPrev = nullptr;
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
