// The SSH session's host key check and authentication (agent, key files, password).
#include "secrets/credentialstore.h"
#include "sshkeyfile.h"
#include "sshsession.h"
#include "sshutil.h"
#include "sshagent.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <libssh2.h>

#include <cstdlib>
#include <cstring>

Q_DECLARE_LOGGING_CATEGORY(lcSsh)

namespace Wharf::Backends {

using SshUtil::homeShort;

namespace {
LIBSSH2_USERAUTH_PUBLICKEY_SIGN_FUNC(signWithAgent)
{
    Q_UNUSED(session);
    return static_cast<SshSession *>(*abstract)->agentSign(sig, sig_len, data, data_len);
}
} // namespace

int SshSession::agentSign(unsigned char **sig, size_t *sigLen, const unsigned char *data, size_t dataLen)
{
    if (!m_agentSigning) {
        m_agentSigning = true;
        m_agent->requestSignature(m_agent->identities().at(m_agentIndex).blob,
                                  QByteArray(reinterpret_cast<const char *>(data), qsizetype(dataLen)));
        return LIBSSH2_ERROR_EAGAIN;
    }
    switch (m_agent->state()) {
    case SshAgentClient::State::Busy:
        return LIBSSH2_ERROR_EAGAIN;
    case SshAgentClient::State::Done: {
        const QByteArray s = m_agent->signature();
        // libssh2 frees it with its allocator, the C library's (the session was made with the defaults).
        *sig = static_cast<unsigned char *>(std::malloc(size_t(s.size())));
        if (!*sig)
            return -1;
        std::memcpy(*sig, s.constData(), size_t(s.size()));
        *sigLen = size_t(s.size());
        return 0;
    }
    default:
        m_notes << tr("The ssh-agent did not sign (%1).").arg(m_agent->error());
        return -1;
    }
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
            if (!m_settings.interaction || !m_settings.interaction->asksAboutHostKeys()) {
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
        if (m_agent)
            m_agent->deleteLater();
        m_agent = new SshAgentClient(qEnvironmentVariable("SSH_AUTH_SOCK"), this);
        connect(m_agent, &SshAgentClient::answered, this, &SshSession::schedulePump);
        m_agentListed = false;
        m_agentIndex = -1;
        m_agentSigning = false;
        m_agentTried.clear();
        m_agent->requestIdentities();
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
    if (m_declined.contains(storeKey)) {
        // Declined before in this session: background reconnects do not ask again ("Reconnect" does).
        m_notes << (kind == SshInteraction::SecretKind::KeyPassphrase ? tr("No passphrase was given for %1.").arg(homeShort(keyFile))
                                                                      : tr("No password was given."));
        m_cancelled = true;
        schedulePump();
        return false;
    }
    QPointer<SshSession> self(this);
    const quint64 gen = m_generation;
    auto ask = [self, gen, kind, keyFile, storeKey] {
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
        self->m_settings.interaction->askSecret(req, [self, gen, storeKey](std::optional<QString> secret, bool remember) {
            if (!self || gen != self->m_generation)
                return;
            self->setWaiting(false);
            if (!secret) {
                self->m_cancelled = true;
                self->m_declined.insert(storeKey);
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
        if (!m_agentListed) {
            // Everything with the agent is asynchronous: it may wait for the person to confirm.
            if (m_agent->state() == SshAgentClient::State::Busy)
                return false;
            if (m_agent->state() == SshAgentClient::State::Failed) {
                m_notes << tr("The ssh-agent could not be reached (%1).").arg(m_agent->error());
                return nextAuthStep();
            }
            m_agentListed = true;
        }
        for (;;) {
            if (m_agentIndex < 0 || m_agentTried.contains(m_agentIndex)) {
                ++m_agentIndex;
                if (m_agentIndex >= m_agent->identities().size())
                    return nextAuthStep();
                const SshAgentClient::Identity &id = m_agent->identities().at(m_agentIndex);
                const QString name = id.comment.isEmpty() ? QString::fromLatin1(id.type()) : id.comment;
                if (id.type() == "ssh-rsa") {
                    m_notes << tr("The agent's RSA key %1 was skipped: this build's libssh2 (1.10) cannot sign with "
                                  "rsa-sha2. Use the system ssh client for it.")
                                   .arg(name);
                    m_agentTried.insert(m_agentIndex);
                    continue;
                }
                m_tried << tr("ssh-agent key %1").arg(name);
                m_agentSigning = false;
            }
            const QByteArray blob = m_agent->identities().at(m_agentIndex).blob;
            m_signAbstract = this;
            const int rc = libssh2_userauth_publickey(m_session, user.constData(), reinterpret_cast<const unsigned char *>(blob.constData()),
                                                      size_t(blob.size()), &signWithAgent, &m_signAbstract);
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return false;
            m_agentSigning = false;
            m_agentTried.insert(m_agentIndex);
            if (rc == 0) {
                onAuthenticated(tr("ssh-agent"));
                return true;
            }
        }
        return false;
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

} // namespace Wharf::Backends
