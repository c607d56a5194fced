#pragma once

#include "http/httptypes.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace Wharf::Backends {

class CredentialStore;

// Where an ssh:// endpoint goes: ssh://[user@]host[:port][/remote/socket/path].
struct SshTarget
{
    QString user; // empty: the local user name
    QString host;
    quint16 port = 22;
    QString socketPath; // empty: the remote docker's default
    // Runs instead of docker's dial-stdio (Wharf's helper on the host, HostScript).
    QString command;

    QString userOrDefault() const;
    // "user@host" or "user@host:port", for messages.
    QString display() const;
    // The command the remote runs: docker [-H unix://PATH] system dial-stdio, or command.
    QString dialCommand() const;
    // A word for a remote shell's command line, in single quotes unless it is plain.
    static QString shellQuote(const QString &word);
};

// What a `docker system dial-stdio` that ended before answering means, from its stderr and
// exit status: no docker, no permission on the socket, no daemon. No error for a clean end.
Error dialStdioError(const SshTarget &target, const QString &stderrText, int exitStatus);

// The questions an SSH connection may have to ask a person, answered asynchronously. The
// console shows dialogs; wharfctl answers from its flags and the terminal.
class SshInteraction
{
public:
    virtual ~SshInteraction() = default;

    struct HostKey
    {
        QString host;
        quint16 port = 22;
        QString keyType;     // "ssh-ed25519", "ecdsa-sha2-nistp256", ...
        QString fingerprint; // "SHA256:..." as OpenSSH prints it
    };
    // The host's key is not in any known_hosts file: answer true to trust it (it is then saved
    // in the console's own known_hosts), false to refuse the connection.
    virtual void confirmHostKey(const HostKey &key, std::function<void(bool trust)> answer) = 0;
    // False where no one can be asked about host keys (wharfctl: --accept-new-host-key decides).
    virtual bool asksAboutHostKeys() const { return true; }

    enum class SecretKind { KeyPassphrase, Password };
    struct SecretRequest
    {
        SecretKind kind = SecretKind::Password;
        QString target;  // user@host:port
        QString keyFile; // for passphrases
        bool retry = false; // the previous answer was wrong
    };
    // A passphrase or a password: nullopt when the person cancels. remember: keep it in the
    // keychain for the next connection.
    virtual void askSecret(const SecretRequest &request,
                           std::function<void(std::optional<QString> secret, bool remember)> answer) = 0;
};

struct SshSettings
{
    // The console's own known_hosts: checked, and where accepted keys are written.
    QString knownHostsFile;
    // Read-only extra known_hosts files (~/.ssh/known_hosts).
    QStringList importedKnownHosts;
    // Private keys to try, in order, after the agent. Empty: ~/.ssh/id_ed25519, id_ecdsa, id_rsa.
    QStringList identityFiles;
    bool useAgent = true;
    // Unknown host keys are trusted and saved without asking (wharfctl --accept-new-host-key).
    bool acceptNewHostKey = false;
    // Use the system OpenSSH client (ssh -T ... docker system dial-stdio) instead of libssh2:
    // for RSA keys, ProxyJump and ~/.ssh/config users.
    bool systemSsh = false;
    QString sshProgram = QStringLiteral("ssh");
    int connectTimeoutMs = 30000;
    int keepAliveSeconds = 15;

    std::shared_ptr<SshInteraction> interaction; // may be null: nothing is asked
    CredentialStore *credentials = nullptr;       // passphrases and passwords, if any

    // Defaults for a user: the given own known_hosts plus ~/.ssh/known_hosts read-only.
    static SshSettings forUser(const QString &ownKnownHosts);
    static QStringList defaultIdentityFiles();
    // Keychain keys for remembered secrets.
    static QString passphraseKey(const QString &keyFile);
    static QString passwordKey(const SshTarget &target);
};

} // namespace Wharf::Backends
