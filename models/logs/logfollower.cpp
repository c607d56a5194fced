#include "logfollower.h"
#include "docker/containerstate.h"

#include "hosts/hostconnection.h"
#include "inventory/containerlistmodel.h"
#include "logmodel.h"

#include <QDateTime>

namespace Wharf::Models {

using namespace Backends;

namespace {
// "2026-11-28T00:38:38.123456789Z" -> "1795833518.123456789", the form the logs API takes.
QString sinceParameter(const QString &rfc3339)
{
    const qsizetype dot = rfc3339.indexOf(QLatin1Char('.'));
    const QString whole = dot > 0 ? rfc3339.left(dot) : rfc3339.left(rfc3339.size() - 1);
    QDateTime t = QDateTime::fromString(whole, Qt::ISODate);
    if (!t.isValid())
        return {};
    t.setTimeSpec(Qt::UTC);
    QString nanos;
    if (dot > 0) {
        for (qsizetype i = dot + 1; i < rfc3339.size() && rfc3339[i].isDigit(); ++i)
            nanos += rfc3339[i];
    }
    nanos = nanos.leftJustified(9, QLatin1Char('0'));
    return QString::number(t.toSecsSinceEpoch()) + QLatin1Char('.') + nanos;
}
} // namespace

LogFollower::LogFollower(HostConnection *host, const QString &containerId, LogModel *model, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_id(containerId)
    , m_model(model)
{
    m_model->setTimestamped(true);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &LogFollower::maybeResume);
    connect(m_host, &HostConnection::stateChanged, this, [this](HostConnection::State s) {
        if (s == HostConnection::Up)
            maybeResume();
    });
    // A stopped container that runs again (restarted, or started by its restart policy).
    connect(m_host->containers(), &QAbstractItemModel::dataChanged, this, [this] {
        if (m_waiting && !m_job && containerRunning())
            m_retry.start(0);
    });
    connect(m_host->containers(), &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_waiting && !m_job && containerRunning())
            m_retry.start(0);
    });
}

LogFollower::~LogFollower()
{
    stop();
}

bool LogFollower::containerRunning() const
{
    const ContainerRow *r = m_host->containers()->row(m_id);
    return r && Backends::containerState(r->state) == Backends::ContainerState::Running;
}

void LogFollower::start(bool follow, int tail)
{
    stop();
    m_follow = follow;
    m_tail = tail;
    m_resumes = 0;
    m_model->clear();
    setStatus({});
    open(false);
}

void LogFollower::stop()
{
    m_waiting = false;
    m_retry.stop();
    if (DockerJob *j = m_job) {
        m_job = nullptr;
        j->disconnect(this);
        j->abort();
        j->deleteLater();
    }
}

void LogFollower::open(bool resume)
{
    m_waiting = false;
    LogOptions o;
    o.follow = m_follow;
    o.timestamps = true;
    const QString since = resume ? sinceParameter(m_model->lastTimestamp()) : QString();
    if (!since.isEmpty()) {
        o.since = since;
        o.tail = QStringLiteral("all");
        m_model->beginResume();
        ++m_resumes;
    } else {
        o.tail = m_tail < 0 ? QStringLiteral("all") : QString::number(m_tail);
        if (resume)
            m_model->clear(); // nothing was read yet: simply start again
    }
    // The logs of a tty container are raw bytes, else multiplexed frames: ask once.
    if (!m_ttyKnown) {
        DockerJob *inspect = m_host->client()->inspectContainer(m_id);
        connect(inspect, &DockerJob::finished, this, [this, inspect, o] {
            inspect->deleteLater();
            if (inspect->isError()) {
                setStatus(tr("Cannot read the logs: %1").arg(inspect->error().message));
                if (inspect->error().httpStatus != 404 && m_follow)
                    m_waiting = true;
                return;
            }
            m_tty = inspect->json().object().value(QLatin1String("Config")).toObject().value(QLatin1String("Tty")).toBool();
            m_ttyKnown = true;
            request(o);
        });
        return;
    }
    request(o);
}

void LogFollower::request(const LogOptions &o)
{
    m_job = m_host->client()->containerLogs(m_id, o);
    connect(m_job, &DockerJob::dataReceived, this, [this](const QByteArray &d) {
        m_model->appendRaw(d, m_tty);
        if (const Error e = m_model->streamError(); e.isError()) {
            // Bytes that are not Docker's stream format: stop here rather than show garbage.
            stop();
            setStatus(tr("The log stream was malformed and was stopped: %1").arg(e.message));
        }
    });
    connect(m_job, &DockerJob::finished, this, &LogFollower::onFinished);
}

void LogFollower::onFinished()
{
    DockerJob *j = m_job;
    m_job = nullptr;
    if (!j)
        return;
    j->deleteLater();
    const Error e = j->error();
    if (e.isError() && e.kind == Error::Canceled)
        return;
    if (e.isError() && e.httpStatus == 404) {
        setStatus(tr("The container no longer exists."));
        return;
    }
    if (!m_follow) {
        if (e.isError())
            setStatus(tr("The log stream stopped: %1").arg(e.message));
        return;
    }
    m_waiting = true;
    if (e.isError()) {
        setStatus(tr("The log stream stopped: %1 It resumes when the host is back.").arg(e.message));
        // The host may still be up (only this connection broke): try again shortly.
        if (m_host->state() == HostConnection::Up)
            m_retry.start(2000);
    } else {
        setStatus(tr("The container stopped; its logs continue here when it runs again."));
        if (containerRunning())
            m_retry.start(1000); // it is already running again (a restart)
    }
}

void LogFollower::maybeResume()
{
    if (!m_waiting || m_job || m_host->state() != HostConnection::Up)
        return;
    setStatus({});
    open(true);
}

void LogFollower::setStatus(const QString &text)
{
    if (text == m_status)
        return;
    m_status = text;
    Q_EMIT statusChanged(text);
}

} // namespace Wharf::Models
