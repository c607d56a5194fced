#include "hostscript.h"

#include "http/transport.h"
#include "opensshtransport.h"
#include "sshsession.h"

#include <QIODevice>
#include <QProcess>

namespace Wharf::Backends {

HostScriptResult HostScriptResult::parse(const QByteArray &output, const QString &expectedKey, const QString &where)
{
    HostScriptResult r;
    r.output = QString::fromUtf8(output);
    QString failure;
    const QStringList lines = r.output.split(QLatin1Char('\n'));
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.startsWith(QLatin1String("wharf-error:"))) {
            failure = line.mid(12).trimmed();
            continue;
        }
        if (!line.startsWith(QLatin1String("wharf-")))
            continue;
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon < 7)
            continue;
        r.values.insert(line.mid(6, colon - 6), line.mid(colon + 1).trimmed());
    }
    if (!failure.isEmpty())
        r.error = Error::make(Error::Input, HostScript::tr("%1: %2").arg(where, failure));
    else if (!r.values.contains(expectedKey)) {
        QString tail = r.output.trimmed().right(600);
        r.error = Error::make(Error::Protocol, HostScript::tr("Wharf's helper on %1 ended without saying it was done%2")
                                                   .arg(where, tail.isEmpty() ? QString() : QStringLiteral(": ") + tail));
    }
    return r;
}

HostScript::HostScript(const Endpoint &endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
{
    m_where = endpoint.scheme() == Endpoint::Ssh ? endpoint.sshTarget().display() : tr("this machine");
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        finish(Error::make(Error::Timeout, tr("Wharf's helper on %1 did not finish in %2 s.").arg(m_where).arg(m_timeoutMs / 1000)));
    });
}

HostScript::~HostScript()
{
    m_done = {};
    if (m_transport)
        m_transport->close();
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

QString HostScript::commandLine(const QStringList &args)
{
    QStringList quoted;
    for (const QString &a : args)
        quoted << SshTarget::shellQuote(a);
    return QStringLiteral("umask 077; d=$(mktemp -d) || exit 1; cat >\"$d/wharf-host.sh\" && sh \"$d/wharf-host.sh\" %1 2>&1; "
                          "s=$?; rm -rf \"$d\"; exit $s")
        .arg(quoted.join(QLatin1Char(' ')));
}

void HostScript::run(const QByteArray &script, const QStringList &args, const QString &expectedKey, Done done)
{
    m_done = std::move(done);
    m_expected = expectedKey;
    m_output.clear();
    m_partial.clear();
    m_finished = false;
    const QString command = commandLine(args);
    m_timer.start(m_timeoutMs);
    switch (m_endpoint.scheme()) {
    case Endpoint::Ssh: {
        SshTarget target = m_endpoint.sshTarget();
        target.command = command;
        const SshSettings settings = m_endpoint.sshSettings();
        Transport *t = nullptr;
        if (settings.systemSsh)
            t = new OpenSshTransport(target, settings, this);
        else
            t = SshSession::create(target, settings)->newChannel(this);
        m_transport = t;
        connect(t, &Transport::connected, this, [t, script] {
            t->device()->write(script);
            t->closeWrite();
        });
        connect(t->device(), &QIODevice::readyRead, this, [this, t] { received(t->device()->readAll()); });
        connect(t, &Transport::failed, this, [this](const Error &e) { finish(e); });
        connect(t, &Transport::disconnected, this, [this, t] {
            received(t->device()->readAll());
            finish({});
        });
        connect(t, &Transport::connectPaused, this, [this](bool paused) {
            if (paused)
                m_timer.stop();
            else
                m_timer.start(m_timeoutMs);
        });
        t->open();
        return;
    }
    case Endpoint::Unix: {
        m_process = new QProcess(this);
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        connect(m_process, &QProcess::readyReadStandardOutput, this, [this] { received(m_process->readAllStandardOutput()); });
        connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
            if (e == QProcess::FailedToStart)
                finish(Error::make(Error::Connect, tr("Cannot run sh on this machine: %1").arg(m_process->errorString())));
        });
        connect(m_process, &QProcess::finished, this, [this] {
            received(m_process->readAllStandardOutput());
            finish({});
        });
        connect(m_process, &QProcess::started, this, [this, script] {
            m_process->write(script);
            m_process->closeWriteChannel();
        });
        m_process->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
        return;
    }
    default:
        break;
    }
    const Error e = Error::make(Error::Input, tr("%1 is reached over TCP, which runs no commands on the host. Add the host with its "
                                                 "SSH address (ssh://root@host) to manage it this way.")
                                                  .arg(m_endpoint.url()));
    QMetaObject::invokeMethod(this, [this, e] { finish(e); }, Qt::QueuedConnection);
}

void HostScript::cancel()
{
    finish(Error::make(Error::Canceled, tr("Canceled; the host may have done part of the work, and running it again finishes it.")));
}

void HostScript::received(const QByteArray &data)
{
    if (data.isEmpty())
        return;
    m_output += data;
    if (m_output.size() > MaxOutput)
        m_output = m_output.right(MaxOutput);
    m_partial += data;
    if (m_partial.size() > 65536)
        m_partial = m_partial.right(65536);
    qsizetype nl;
    while ((nl = m_partial.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_partial.left(nl)).trimmed();
        m_partial.remove(0, nl + 1);
        if (line.startsWith(QLatin1String("wharf: ")))
            Q_EMIT progress(line.mid(7));
    }
}

void HostScript::finish(const Error &transportError)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->device()->disconnect(this);
        m_transport->close();
    }
    if (m_process) {
        m_process->disconnect(this);
        if (m_process->state() != QProcess::NotRunning)
            m_process->kill();
    }
    HostScriptResult r;
    if (transportError.isError()) {
        r.error = transportError;
        r.output = QString::fromUtf8(m_output);
    } else {
        r = HostScriptResult::parse(m_output, m_expected, m_where);
    }
    if (auto done = std::exchange(m_done, {}))
        done(r);
}

} // namespace Wharf::Backends
