#include "sshagent.h"
#include "sshutil.h"

#include <QLocalSocket>
#include <QtEndian>

namespace Wharf::Backends {

namespace {

constexpr char RequestIdentities = 11;
constexpr char IdentitiesAnswer = 12;
constexpr char SignRequest = 13;
constexpr char SignResponse = 14;
constexpr qsizetype MaxMessage = 256 * 1024;

void putString(QByteArray *out, const QByteArray &s)
{
    char len[4];
    qToBigEndian<quint32>(quint32(s.size()), len);
    out->append(len, 4);
    out->append(s);
}


} // namespace

QByteArray SshAgentClient::Identity::type() const
{
    qsizetype pos = 0;
    QByteArray t;
    SshUtil::takeString(blob, &pos, &t);
    return t;
}

SshAgentClient::SshAgentClient(const QString &socketPath, QObject *parent)
    : QObject(parent)
    , m_path(socketPath)
    , m_socket(new QLocalSocket(this))
{
    connect(m_socket, &QLocalSocket::connected, this, [this] {
        m_socket->write(std::exchange(m_pending, {}));
    });
    connect(m_socket, &QLocalSocket::readyRead, this, &SshAgentClient::onReadyRead);
    connect(m_socket, &QLocalSocket::errorOccurred, this, [this] {
        if (m_state == State::Busy)
            finish(State::Failed, m_socket->errorString());
    });
}

void SshAgentClient::send(const QByteArray &message)
{
    QByteArray framed;
    putString(&framed, message);
    m_state = State::Busy;
    m_buffer.clear();
    if (m_socket->state() == QLocalSocket::ConnectedState) {
        m_socket->write(framed);
        return;
    }
    m_pending = framed;
    if (m_socket->state() == QLocalSocket::UnconnectedState)
        m_socket->connectToServer(m_path);
}

void SshAgentClient::requestIdentities()
{
    m_expect = IdentitiesAnswer;
    m_identities.clear();
    send(QByteArray(1, RequestIdentities));
}

void SshAgentClient::requestSignature(const QByteArray &keyBlob, const QByteArray &data)
{
    m_expect = SignResponse;
    m_signature.clear();
    QByteArray m(1, SignRequest);
    putString(&m, keyBlob);
    putString(&m, data);
    m.append(4, '\0'); // flags
    send(m);
}

void SshAgentClient::onReadyRead()
{
    m_buffer += m_socket->readAll();
    if (m_state != State::Busy || m_buffer.size() < 4)
        return;
    const quint32 len = qFromBigEndian<quint32>(m_buffer.constData());
    if (len == 0 || len > MaxMessage)
        return finish(State::Failed, QStringLiteral("the agent sent a malformed answer"));
    if (m_buffer.size() < qsizetype(4 + len))
        return;
    const QByteArray msg = m_buffer.mid(4, len);
    m_buffer.remove(0, 4 + len);
    if (msg.at(0) != m_expect)
        return finish(State::Failed, m_expect == SignResponse ? QStringLiteral("the agent refused to sign")
                                                              : QStringLiteral("the agent refused to list its keys"));
    qsizetype pos = 1;
    if (m_expect == IdentitiesAnswer) {
        if (pos + 4 > msg.size())
            return finish(State::Failed, QStringLiteral("the agent sent a malformed answer"));
        const quint32 n = qFromBigEndian<quint32>(msg.constData() + pos);
        pos += 4;
        for (quint32 i = 0; i < n; ++i) {
            QByteArray blob, comment;
            if (!SshUtil::takeString(msg, &pos, &blob) || !SshUtil::takeString(msg, &pos, &comment))
                return finish(State::Failed, QStringLiteral("the agent sent a malformed answer"));
            m_identities.append({blob, QString::fromUtf8(comment)});
        }
        return finish(State::Done);
    }
    QByteArray sigBlob, algorithm, sig;
    qsizetype p = 0;
    if (!SshUtil::takeString(msg, &pos, &sigBlob) || !SshUtil::takeString(sigBlob, &p, &algorithm) || !SshUtil::takeString(sigBlob, &p, &sig))
        return finish(State::Failed, QStringLiteral("the agent sent a malformed signature"));
    m_signature = sig;
    finish(State::Done);
}

void SshAgentClient::finish(State s, const QString &error)
{
    m_state = s;
    m_error = error;
    Q_EMIT answered();
}

} // namespace Wharf::Backends
