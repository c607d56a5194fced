#include "opensshtransport.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRegularExpression>

namespace Wharf::Backends {

OpenSshTransport::OpenSshTransport(const SshTarget &target, const SshSettings &settings, QObject *parent)
    : Transport(parent)
    , m_target(target)
    , m_settings(settings)
    , m_process(new QProcess(this))
{
    m_process->setReadChannel(QProcess::StandardOutput);
    connect(m_process, &QProcess::started, this, &Transport::connected);
    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] { m_gotStdout = true; });
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        m_stderr += m_process->readAllStandardError();
        if (m_stderr.size() > 16384)
            m_stderr = m_stderr.right(16384);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            Q_EMIT failed(Error::make(Error::Connect, tr("Cannot run the system ssh client (%1): %2. Install OpenSSH's "
                                                         "client, or use the built-in SSH.")
                                                          .arg(m_settings.sshProgram, m_process->errorString())));
    });
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        m_stderr += m_process->readAllStandardError();
        if (!m_closing && !m_gotStdout && m_process->bytesAvailable() == 0) {
            const Error e = explain(m_target, QString::fromLocal8Bit(m_stderr), status == QProcess::CrashExit ? 255 : code);
            if (e.isError())
                Q_EMIT failed(e);
        }
        Q_EMIT disconnected();
    });
}

OpenSshTransport::~OpenSshTransport()
{
    if (m_process->state() != QProcess::NotRunning) {
        // Let the process go away on its own time instead of waiting for it here.
        m_process->disconnect(this);
        m_process->setParent(nullptr);
        connect(m_process, &QProcess::finished, m_process, &QObject::deleteLater);
        m_process->closeWriteChannel();
        m_process->kill();
    }
}

QStringList OpenSshTransport::commandLine(const SshTarget &target, const SshSettings &s)
{
    QStringList args{s.sshProgram, QStringLiteral("-T"), QStringLiteral("-o"), QStringLiteral("BatchMode=yes"),
                     QStringLiteral("-o"),
                     s.acceptNewHostKey ? QStringLiteral("StrictHostKeyChecking=accept-new")
                                        : QStringLiteral("StrictHostKeyChecking=yes")};
    QStringList files;
    if (!s.knownHostsFile.isEmpty())
        files << s.knownHostsFile;
    files << s.importedKnownHosts;
    if (!files.isEmpty()) {
        QStringList quoted;
        for (const QString &f : std::as_const(files))
            quoted << QLatin1Char('"') + f + QLatin1Char('"');
        args << QStringLiteral("-o") << QStringLiteral("UserKnownHostsFile=") + quoted.join(QLatin1Char(' '));
    }
    args << QStringLiteral("-o") << QStringLiteral("ConnectTimeout=%1").arg(std::max(1, s.connectTimeoutMs / 1000));
    args << QStringLiteral("-o") << QStringLiteral("ServerAliveInterval=%1").arg(std::max(1, s.keepAliveSeconds));
    args << QStringLiteral("-o") << QStringLiteral("ServerAliveCountMax=3");
    for (const QString &f : s.identityFiles)
        args << QStringLiteral("-i") << f;
    if (target.port != 22)
        args << QStringLiteral("-p") << QString::number(target.port);
    if (!target.user.isEmpty())
        args << QStringLiteral("-l") << target.user;
    args << QStringLiteral("--") << target.host << target.dialCommand();
    return args;
}

Error OpenSshTransport::explain(const SshTarget &target, const QString &stderrText, int exitCode)
{
    const QString err = stderrText.trimmed();
    if (exitCode != 255)
        return dialStdioError(target, err, exitCode); // the remote command's own failure
    const QString last = err.section(QLatin1Char('\n'), -3).trimmed();
    if (err.contains(QLatin1String("REMOTE HOST IDENTIFICATION HAS CHANGED")))
        return Error::make(Error::Connect, tr("The host key of %1 has changed. Someone could be intercepting the "
                                              "connection, so Wharf refuses to connect. If the host was really "
                                              "reinstalled, remove its old key first (\"Forget host key\" in the "
                                              "console, or wharfctl host forget-key).")
                                               .arg(target.display()));
    if (err.contains(QLatin1String("Host key verification failed")))
        return Error::make(Error::Connect, tr("The host key of %1 is not known. Check it with the host's "
                                              "administrator, then connect once with --accept-new-host-key (or with "
                                              "the built-in SSH, which shows the fingerprint) to trust it.")
                                               .arg(target.display()));
    if (err.contains(QLatin1String("Could not resolve hostname")))
        return Error::make(Error::Connect, tr("Cannot resolve the host name \"%1\" (check the address and your DNS).").arg(target.host));
    if (err.contains(QLatin1String("Connection refused")))
        return Error::make(Error::Connect, tr("Cannot connect to %1 port %2: connection refused (is sshd running and "
                                              "listening on port %2?).")
                                               .arg(target.host)
                                               .arg(target.port));
    if (err.contains(QLatin1String("timed out")))
        return Error::make(Error::Timeout, tr("No answer from %1 port %2 (%3).").arg(target.host).arg(target.port).arg(last));
    static const QRegularExpression denied(QStringLiteral("Permission denied \\(([^)]*)\\)"));
    if (const auto m = denied.match(err); m.hasMatch())
        return Error::make(Error::Connect, tr("Authentication to %1 failed; the server accepts: %2. The system ssh "
                                              "client does not ask for passphrases here: add the key to ssh-agent.")
                                               .arg(target.display(), m.captured(1)));
    return Error::make(Error::Connect, tr("ssh to %1 failed: %2").arg(target.display(), last.isEmpty() ? tr("no output") : last));
}

void OpenSshTransport::open()
{
    const QStringList args = commandLine(m_target, m_settings);
    m_process->start(args.first(), args.mid(1), QIODevice::ReadWrite);
}

QIODevice *OpenSshTransport::device() const
{
    return m_process;
}

bool OpenSshTransport::isOpen() const
{
    return m_process->state() == QProcess::Running;
}

void OpenSshTransport::close()
{
    if (m_process->state() == QProcess::NotRunning)
        return;
    m_closing = true;
    m_process->closeWriteChannel();
    m_process->kill(); // our own child; QProcess reaps it
}

bool OpenSshTransport::closeWrite()
{
    m_process->closeWriteChannel();
    return true;
}

QString OpenSshTransport::peerName() const
{
    return QStringLiteral("ssh://") + m_target.display();
}

} // namespace Wharf::Backends
