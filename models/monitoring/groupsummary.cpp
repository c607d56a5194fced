#include "groupsummary.h"
#include "docker/containerstate.h"

#include "hosts/hostconnection.h"
#include "hosts/hostregistry.h"
#include "inventory/containerlistmodel.h"

namespace Wharf::Models {

using namespace Backends;

GroupSummary::GroupSummary(HostRegistry *registry, const QString &group, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_group(group)
{
    m_refresh.setInterval(30000);
    connect(&m_refresh, &QTimer::timeout, this, &GroupSummary::refresh);
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(250);
    connect(&m_coalesce, &QTimer::timeout, this, &GroupSummary::changed);
    for (auto *c : m_registry->connections())
        watch(c);
    connect(m_registry, &HostRegistry::connectionAdded, this, [this](HostConnection *c) {
        watch(c);
        m_coalesce.start();
    });
    connect(m_registry, &HostRegistry::connectionRemoved, this, [this](const QString &id) {
        m_info.remove(id);
        m_coalesce.start();
    });
}

void GroupSummary::watch(HostConnection *c)
{
    auto later = [this] {
        if (!m_coalesce.isActive())
            m_coalesce.start();
    };
    connect(c, &HostConnection::stateChanged, this, later);
    connect(c, &HostConnection::labelsChanged, this, later);
    connect(c, &HostConnection::synced, this, [this] {
        if (m_refresh.isActive())
            refresh();
    });
    connect(c->containers(), &QAbstractItemModel::rowsInserted, this, later);
    connect(c->containers(), &QAbstractItemModel::rowsRemoved, this, later);
    connect(c->containers(), &QAbstractItemModel::dataChanged, this,
            [later](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (roles.isEmpty() || roles.contains(ContainerListModel::StateRole))
                    later();
            });
}

void GroupSummary::setGroup(const QString &group)
{
    m_group = group;
    m_coalesce.start();
}

QList<HostConnection *> GroupSummary::hosts() const
{
    QList<HostConnection *> out;
    for (auto *c : m_registry->connections())
        if (c->config().group == m_group)
            out << c;
    return out;
}

void GroupSummary::start()
{
    refresh();
    m_refresh.start();
}

void GroupSummary::stop()
{
    m_refresh.stop();
}

void GroupSummary::refresh()
{
    for (auto *c : hosts()) {
        if (c->state() != HostConnection::Up)
            continue;
        const QString id = c->config().id;
        DockerJob *job = c->client()->info();
        connect(job, &DockerJob::finished, this, [this, job, id] {
            job->deleteLater();
            if (job->isError())
                return;
            m_info.insert(id, job->json().object());
            m_coalesce.start();
        });
    }
}

QList<GroupSummary::HostLine> GroupSummary::lines() const
{
    QList<HostLine> out;
    for (auto *c : hosts()) {
        HostLine l;
        l.id = c->config().id;
        l.name = c->config().name;
        l.up = c->state() == HostConnection::Up;
        l.state = c->stateText();
        l.reason = c->reason();
        const QJsonObject i = m_info.value(l.id);
        l.engine = i.value(QLatin1String("ServerVersion")).toString();
        l.cpus = i.value(QLatin1String("NCPU")).toInt();
        l.memoryBytes = qint64(i.value(QLatin1String("MemTotal")).toDouble());
        const auto *m = c->containers();
        l.containers = m->rowCount();
        for (int r = 0; r < m->rowCount(); ++r)
            if (Backends::containerState(m->rowAt(r).state) == Backends::ContainerState::Running)
                ++l.running;
        out << l;
    }
    return out;
}

GroupSummary::Totals GroupSummary::totals() const
{
    Totals t;
    for (const auto &l : lines()) {
        ++t.hosts;
        if (!l.up)
            continue;
        ++t.hostsUp;
        t.cpus += l.cpus;
        t.memoryBytes += l.memoryBytes;
        t.containers += l.containers;
        t.running += l.running;
    }
    return t;
}

} // namespace Wharf::Models
