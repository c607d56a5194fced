#pragma once

#include "http/transport.h"
#include "knownhosts.h"
#include "sshsettings.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>

class QTcpSocket;
struct _LIBSSH2_SESSION;
struct _LIBSSH2_CHANNEL;

namespace Wharf::Backends {

class SshChannelTransport;

// One SSH connection, driven by the event loop: libssh2 in non-blocking mode reads and writes
// through a QTcpSocket, so nothing waits on the network. Channels (one per HTTP connection)
// each run `docker system dial-stdio` and share the session; it connects on the first channel
// and again after it was lost. Host keys are checked against known_hosts before any secret is
// sent; authentication tries the agent, key files, then a password.
class SshSession : public QObject, public std::enable_shared_from_this<SshSession>
{
    Q_OBJECT
public:
    enum class Phase { Idle, Connecting, Handshaking, HostKey, Authenticating, Ready };

    static std::shared_ptr<SshSession> create(const SshTarget &target, const SshSettings &settings);
    ~SshSession() override;

    const SshTarget &target() const { return m_target; }
    Phase phase() const { return m_phase; }
    // A new HTTP connection through this session.
    SshChannelTransport *newChannel(QObject *parent);
    // For tests: how often the session sends keep-alives and how long a silent server lasts.
    void setKeepAlive(int intervalMs, int deadAfterMs);
    // The methods that were tried, for messages ("ssh-agent, ~/.ssh/id_ed25519, password").
    QStringList triedMethods() const { return m_tried; }

Q_SIGNALS:
    void waitingForUser(bool waiting);

private:
    friend class SshChannelTransport;
    SshSession(const SshTarget &target, const SshSettings &settings);

    struct Channel
    {
        QPointer<SshChannelTransport> transport;
        _LIBSSH2_CHANNEL *handle = nullptr;
        enum State { Pending, Exec, Open, Closing, Done } state = Pending;
        QByteArray out;
        bool eofWanted = false;
        bool eofSent = false;
        bool gotStdout = false;
        QByteArray stderrText;
    };

    void start();
    void schedulePump();
    void pump();
    bool advance();
    bool checkHostKey();
    bool authenticate();
    bool nextAuthStep();
    bool obtainSecret(SshInteraction::SecretKind kind, const QString &keyFile);
    void secretWorked(SshInteraction::SecretKind kind, const QString &keyFile);
    void secretFailed(SshInteraction::SecretKind kind, const QString &keyFile);
    void onAuthenticated(const QString &how);
    void serviceChannels();
    void closeOrphans();
    void fail(const Error &error);
    void reset();
    void setWaiting(bool waiting);
    void add(SshChannelTransport *t);
    void write(SshChannelTransport *t, const QByteArray &data);
    void closeWrite(SshChannelTransport *t);
    void release(SshChannelTransport *t);
    Channel *find(SshChannelTransport *t);
    QString lastError() const;
    Error channelEndError(const Channel &c, int exitStatus) const;
    void keepAlive();

public:
    // For the libssh2 I/O callbacks.
    // libssh2's sign callback for agent keys: asks the agent without blocking.
    int agentSign(unsigned char **sig, size_t *sigLen, const unsigned char *data, size_t dataLen);
    qint64 readSocket(char *buffer, qint64 length);
    qint64 writeSocket(const char *buffer, qint64 length);

private:

    SshTarget m_target;
    SshSettings m_settings;
    Phase m_phase = Phase::Idle;
    QTcpSocket *m_socket = nullptr;
    _LIBSSH2_SESSION *m_session = nullptr;
    class SshAgentClient *m_agent = nullptr;
    void *m_signAbstract = nullptr; // this, for libssh2's sign callback
    bool m_dead = false; // the socket is gone: libssh2 reads EOF
    bool m_pumpQueued = false;
    bool m_waiting = false;
    quint64 m_generation = 0;
    QTimer m_connectTimer;
    QTimer m_keepAliveTimer;
    int m_deadAfterMs = 45000;
    QElapsedTimer m_lastRx;
    QList<Channel> m_channels;
    QList<_LIBSSH2_CHANNEL *> m_orphans;
    bool m_opening = false;
    int m_openingIndex = 0;
    QSet<QString> m_refusedKeys; // fingerprints the person chose not to trust
    QSet<QString> m_declined;    // secrets the person chose not to give

    // Host key.
    KnownHosts::Key m_hostKey;
    enum class KeyState { Unchecked, Asking, Trusted } m_keyState = KeyState::Unchecked;

    // Authentication.
    struct AuthStep
    {
        enum Kind { Agent, KeyFile, Password } kind;
        QString keyFile;
        bool explicitFile = false;
        bool encrypted = false;
    };
    QString m_serverMethods;
    bool m_methodsListed = false;
    QList<AuthStep> m_steps;
    int m_step = -1;
    enum class SecretState { None, Reading, Asking, Ready } m_secretState = SecretState::None;
    QString m_secret;
    bool m_secretFromStore = false;
    bool m_remember = false;
    int m_tries = 0;
    int m_agentIndex = -1;   // the identity being tried
    bool m_agentSigning = false;
    QSet<int> m_agentTried;
    bool m_cancelled = false;
    bool m_agentListed = false;
    QStringList m_tried;
    QStringList m_notes;
};

// An HTTP connection over one channel of an SshSession.
class SshChannelTransport : public Transport
{
    Q_OBJECT
public:
    ~SshChannelTransport() override;
    void open() override;
    QIODevice *device() const override;
    bool isOpen() const override;
    void close() override;
    bool closeWrite() override;
    QString peerName() const override;

private:
    friend class SshSession;
    SshChannelTransport(std::shared_ptr<SshSession> session, QObject *parent);
    void deliver(const QByteArray &data);
    void ended(const Error &error);

    std::shared_ptr<SshSession> m_session;
    class Device;
    Device *m_device;
    bool m_open = false;
    bool m_ended = false;
};

} // namespace Wharf::Backends
