#include "sshsettings.h"
#include "secrets/credentialstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace Wharf::Backends {

QString SshTarget::userOrDefault() const
{
    if (!user.isEmpty())
        return user;
    for (const char *var : {"USER", "LOGNAME", "USERNAME"}) {
        const QString u = qEnvironmentVariable(var);
        if (!u.isEmpty())
            return u;
    }
    return QStringLiteral("root");
}

QString SshTarget::display() const
{
    return userOrDefault() + QLatin1Char('@') + host + (port == 22 ? QString() : QStringLiteral(":%1").arg(port));
}

QString SshTarget::shellQuote(const QString &s)
{
    static const QString safe = QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-:+@=");
    bool plain = !s.isEmpty();
    for (QChar c : s)
        plain = plain && safe.contains(c);
    if (plain)
        return s;
    QString q = s;
    q.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

QString SshTarget::dialCommand() const
{
    if (!command.isEmpty())
        return command;
    if (socketPath.isEmpty())
        return QStringLiteral("docker system dial-stdio");
    return QStringLiteral("docker -H %1 system dial-stdio").arg(shellQuote(QStringLiteral("unix://") + socketPath));
}

namespace {
struct DialMessages
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Backends::SshSession)
};
} // namespace

Error dialStdioError(const SshTarget &target, const QString &stderrText, int exitStatus)
{
    const QString err = stderrText.trimmed().right(600);
    if (exitStatus == 0 && err.isEmpty())
        return {};
    const QString lower = err.toLower();
    if (exitStatus == 127 || lower.contains(QLatin1String("not found")))
        return Error::make(Error::Connect, DialMessages::tr("%1 has no docker command (%2). Install the Docker CLI there: Wharf runs "
                                              "\"docker system dial-stdio\" on the host.")
                                               .arg(target.display(), err));
    if (lower.contains(QLatin1String("permission denied")))
        return Error::make(Error::Connect, DialMessages::tr("The SSH user of %1 may not use the Docker socket (%2). Add the user to the "
                                              "docker group, or name a socket it may use in the address "
                                              "(ssh://user@host/run/user/UID/docker.sock).")
                                               .arg(target.display(), err));
    if (lower.contains(QLatin1String("no such file")) || lower.contains(QLatin1String("cannot connect"))
        || lower.contains(QLatin1String("connection refused")))
        return Error::make(Error::Connect, DialMessages::tr("The docker command on %1 cannot reach its daemon (%2). Is dockerd running "
                                              "there, and is the socket path right?")
                                               .arg(target.display(), err));
    return Error::make(Error::Connect, DialMessages::tr("\"%1\" on %2 ended with exit status %3: %4")
                                           .arg(target.dialCommand(), target.display())
                                           .arg(exitStatus)
                                           .arg(err.isEmpty() ? DialMessages::tr("no output") : err));
}

SshSettings SshSettings::forUser(const QString &ownKnownHosts)
{
    SshSettings s;
    s.knownHostsFile = ownKnownHosts;
    s.importedKnownHosts = {QDir::homePath() + QStringLiteral("/.ssh/known_hosts")};
    return s;
}

QStringList SshSettings::defaultIdentityFiles()
{
    const QString dir = QDir::homePath() + QStringLiteral("/.ssh/");
    return {dir + QStringLiteral("id_ed25519"), dir + QStringLiteral("id_ecdsa"), dir + QStringLiteral("id_rsa")};
}

QString SshSettings::passphraseKey(const QString &keyFile)
{
    return CredentialStore::key(u"ssh-key", QFileInfo(keyFile).absoluteFilePath(), u"passphrase");
}

QString SshSettings::passwordKey(const SshTarget &target)
{
    return CredentialStore::key(u"ssh", QStringLiteral("%1@%2:%3").arg(target.userOrDefault(), target.host).arg(target.port),
                                u"password");
}

} // namespace Wharf::Backends
