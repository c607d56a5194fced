#include "execsession.h"

#include "core/shellwords.h"
#include "docker/execspec.h"
#include "hostconnection.h"
#include "inventory/containerlistmodel.h"
#include "operations/daemoncalls.h"

#include <QJsonArray>

namespace Wharf::Models {

using namespace Backends;

ExecSession::ExecSession(HostConnection *host, const QString &containerId, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_container(containerId)
{
}

ExecSession::~ExecSession()
{
    stop();
}

void ExecSession::stop()
{
    ++m_generation;
    if (DockerJob *j = m_stream) {
        m_stream = nullptr;
        j->disconnect(this);
        j->abort();
        j->deleteLater();
    }
    m_execId.clear();
}

void ExecSession::start(const QString &command, int rows, int cols)
{
    stop();
    const auto argv = splitShellWords(command);
    if (!argv)
        return Q_EMIT failed(tr("The command has a quote that is not closed."));
    const ExecSpec spec = ExecSpec::terminal(*argv);
    if (const Error e = spec.check(); e.isError())
        return Q_EMIT failed(e.message);
    if (!m_host || !m_host->client() || m_host->state() != HostConnection::Up)
        return Q_EMIT failed(tr("The host is not connected."));
    const ContainerRow *row = m_host->containers()->row(m_container);
    Request exec = Request::act(QStringLiteral("container"), QStringLiteral("exec"),
                                (row ? row->name : m_container.left(12)) + QLatin1Char(' ') + argv->join(QLatin1Char(' ')))
                       .on(m_container);
    exec.body = spec.toCreateBody();
    const quint64 gen = m_generation;
    QPointer<ExecSession> self(this);
    m_host->operations()->run(exec, Calls::execCreate(m_host->client(), m_container), [self, gen, rows, cols](const Outcome &o) {
        if (!self || gen != self->m_generation)
            return;
        if (!o.ok())
            return Q_EMIT self->failed(o.error.message);
        self->attach(o.id, rows, cols);
    });
}

void ExecSession::attach(const QString &execId, int rows, int cols)
{
    if (!m_host || !m_host->client())
        return Q_EMIT failed(tr("The host is not connected."));
    m_execId = execId;
    m_stream = m_host->client()->execStart(execId, true);
    DockerJob *stream = m_stream;
    connect(stream, &DockerJob::started, this, [this, rows, cols] {
        resize(rows, cols);
        Q_EMIT connected();
    });
    connect(stream, &DockerJob::dataReceived, this, &ExecSession::output);
    connect(stream, &DockerJob::finished, this, [this, stream] {
        stream->deleteLater();
        if (m_stream != stream)
            return;
        m_stream = nullptr;
        const Error e = stream->error();
        Q_EMIT ended(e.isError() && e.kind != Error::Canceled ? e.message : QString());
    });
}

void ExecSession::write(const QByteArray &input)
{
    if (m_stream)
        m_stream->write(input);
}

void ExecSession::resize(int rows, int cols)
{
    if (!m_stream || m_execId.isEmpty() || !m_host || !m_host->client() || rows <= 0 || cols <= 0)
        return;
    whenFinished(m_host->client()->execResize(m_execId, rows, cols), this, [](DockerJob *) {});
}

} // namespace Wharf::Models
