#pragma once

#include "http/transport.h"
#include "sshsettings.h"

class QProcess;

namespace Wharf::Backends {

// HTTP through the system OpenSSH client: `ssh -T ... host docker system dial-stdio`, one
// process per connection. For RSA keys, ProxyJump and ~/.ssh/config; the same host-key rules
// apply (StrictHostKeyChecking with Wharf's known_hosts), prompts are off (BatchMode): keys
// with a passphrase go through ssh-agent.
class OpenSshTransport : public Transport
{
    Q_OBJECT
public:
    OpenSshTransport(const SshTarget &target, const SshSettings &settings, QObject *parent = nullptr);
    ~OpenSshTransport() override;
    void open() override;
    QIODevice *device() const override;
    bool isOpen() const override;
    void close() override;
    bool closeWrite() override;
    QString peerName() const override;

    // The ssh command line (program first), for tests and for messages.
    static QStringList commandLine(const SshTarget &target, const SshSettings &settings);
    // What ssh's stderr and exit status mean, as one sentence.
    static Error explain(const SshTarget &target, const QString &stderrText, int exitCode);

private:
    SshTarget m_target;
    SshSettings m_settings;
    QProcess *m_process;
    QByteArray m_stderr;
    bool m_gotStdout = false;
    bool m_closing = false;
};

} // namespace Wharf::Backends
