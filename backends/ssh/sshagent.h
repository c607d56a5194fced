#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

class QLocalSocket;

namespace Wharf::Backends {

// A client for ssh-agent's protocol (identities and signatures) on a QLocalSocket, so that an
// agent that takes its time (one asking the person to confirm) never blocks the event loop.
// libssh2 1.10's own agent code cannot be resumed safely after EAGAIN: it sends a signature
// request again while the first is still unanswered.
class SshAgentClient : public QObject
{
    Q_OBJECT
public:
    struct Identity
    {
        QByteArray blob;
        QString comment;
        QByteArray type() const; // "ssh-ed25519", ...
    };
    enum class State { Idle, Busy, Done, Failed };

    explicit SshAgentClient(const QString &socketPath, QObject *parent = nullptr);
    void requestIdentities();
    void requestSignature(const QByteArray &keyBlob, const QByteArray &data);

    State state() const { return m_state; }
    QString error() const { return m_error; }
    const QList<Identity> &identities() const { return m_identities; }
    // The signature's bytes without its algorithm name (what libssh2's sign callback returns).
    QByteArray signature() const { return m_signature; }

Q_SIGNALS:
    void answered();

private:
    void send(const QByteArray &message);
    void onReadyRead();
    void finish(State s, const QString &error = {});

    QString m_path;
    QLocalSocket *m_socket;
    QByteArray m_pending; // written once connected
    QByteArray m_buffer;
    char m_expect = 0;
    State m_state = State::Idle;
    QString m_error;
    QList<Identity> m_identities;
    QByteArray m_signature;
};

} // namespace Wharf::Backends
