#include "applistmodel.h"
#include "docker/containerstate.h"

#include "appspec.h"
#include "inventory/containerlistmodel.h"
#include "docker/format.h"

#include <QDateTime>
#include <QMap>

namespace Wharf::Models::Apps {

QString AppSummary::state() const
{
    if (running == 0)
        return QStringLiteral("stopped");
    return running == containers ? QStringLiteral("running") : QStringLiteral("partial");
}

bool AppSummary::operator==(const AppSummary &o) const
{
    return name == o.name && services == o.services && running == o.running && containers == o.containers && ports == o.ports
        && qFuzzyCompare(cpuPercent + 1, o.cpuPercent + 1) && memoryBytes == o.memoryBytes && hasStats == o.hasStats && created == o.created
        && updated == o.updated && deployedByWharf == o.deployedByWharf;
}

AppListModel::AppListModel(ContainerListModel *containers, QObject *parent)
    : QAbstractTableModel(parent)
    , m_containers(containers)
{
    connect(containers, &QAbstractItemModel::rowsInserted, this, &AppListModel::refresh);
    connect(containers, &QAbstractItemModel::rowsRemoved, this, &AppListModel::refresh);
    connect(containers, &QAbstractItemModel::dataChanged, this, &AppListModel::refresh);
    connect(containers, &QAbstractItemModel::modelReset, this, &AppListModel::refresh);
    refresh();
}

QList<AppSummary> summarizeApps(const QList<AppMember> &members)
{
    QMap<QString, AppSummary> apps;
    for (const AppMember &c : members) {
        if (c.project.isEmpty() || c.oneoff)
            continue;
        AppSummary &a = apps[c.project];
        a.name = c.project;
        if (!a.services.contains(c.service))
            a.services << c.service;
        ++a.containers;
        if (c.running)
            ++a.running;
        for (const QString &p : c.ports)
            if (p.contains(QLatin1String("->")) && !a.ports.contains(p))
                a.ports << p;
        if (c.hasStats) {
            a.hasStats = true;
            a.cpuPercent += c.cpuPercent;
            a.memoryBytes += c.memoryBytes;
        }
        a.created = a.created ? qMin(a.created, c.created) : c.created;
        a.updated = qMax(a.updated, c.created);
        a.deployedByWharf = a.deployedByWharf || c.wharf;
        if (!c.workingDir.isEmpty())
            a.workingDir = c.workingDir;
        if (!c.configFiles.isEmpty())
            a.configFiles = c.configFiles;
    }
    for (AppSummary &a : apps) {
        a.services.sort();
        a.ports.sort();
    }
    return apps.values();
}

QList<AppSummary> AppListModel::summarize(const ContainerListModel *containers)
{
    QList<AppMember> members;
    members.reserve(containers->rowCount());
    for (int r = 0; r < containers->rowCount(); ++r) {
        const ContainerRow &c = containers->rowAt(r);
        AppMember m;
        m.project = c.labels.value(QLatin1String(Label::Project)).toString();
        m.service = c.labels.value(QLatin1String(Label::Service)).toString();
        m.oneoff = c.labels.value(QLatin1String(Label::Oneoff)).toString().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
        m.running = Backends::containerState(c.state) == Backends::ContainerState::Running;
        m.ports = c.ports.split(QStringLiteral(", "), Qt::SkipEmptyParts);
        m.created = c.created;
        m.wharf = c.labels.value(QLatin1String(Label::ManagedBy)).toString() == QLatin1String("wharf");
        m.workingDir = c.labels.value(QLatin1String(Label::WorkingDir)).toString();
        m.configFiles = c.labels.value(QLatin1String(Label::ConfigFiles)).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        m.hasStats = c.hasStats;
        m.cpuPercent = c.cpuPercent;
        m.memoryBytes = c.memoryBytes;
        members << m;
    }
    return summarizeApps(members);
}

void AppListModel::refresh()
{
    if (!m_containers)
        return;
    const QList<AppSummary> fresh = summarize(m_containers);
    // both lists are sorted by name: walk them together
    int i = 0;
    int j = 0;
    while (i < m_apps.size() || j < fresh.size()) {
        if (j >= fresh.size() || (i < m_apps.size() && m_apps[i].name < fresh[j].name)) {
            beginRemoveRows({}, i, i);
            m_apps.removeAt(i);
            endRemoveRows();
        } else if (i >= m_apps.size() || fresh[j].name < m_apps[i].name) {
            beginInsertRows({}, i, i);
            m_apps.insert(i, fresh[j]);
            endInsertRows();
            ++i;
            ++j;
        } else {
            if (!(m_apps[i] == fresh[j])) {
                m_apps[i] = fresh[j];
                Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
            }
            ++i;
            ++j;
        }
    }
}

int AppListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_apps.size());
}

int AppListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AppListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_apps.size())
        return {};
    const AppSummary &a = m_apps[index.row()];
    if (role == NameRole)
        return a.name;
    if (role == Qt::DisplayRole || role == SortRole) {
        const bool sort = role == SortRole;
        switch (index.column()) {
        case Name:
            return a.name;
        case Services:
            return sort ? QVariant(a.services.size()) : QVariant(a.services.join(QStringLiteral(", ")));
        case State:
            if (sort)
                return a.running;
            return Backends::containerState(a.state()) == Backends::ContainerState::Running   ? tr("running (%1/%2)").arg(a.running).arg(a.containers)
                : a.state() == QLatin1String("partial") ? tr("partial (%1/%2)").arg(a.running).arg(a.containers)
                                                          : tr("stopped (%1/%2)").arg(a.running).arg(a.containers);
        case Ports:
            return a.ports.join(QStringLiteral(", "));
        case Cpu:
            if (sort)
                return a.cpuPercent;
            return a.hasStats ? QStringLiteral("%1%").arg(a.cpuPercent, 0, 'f', 1) : QString();
        case Memory:
            if (sort)
                return a.memoryBytes;
            return a.hasStats ? Backends::formatBytes(double(a.memoryBytes)) : QString();
        case Created:
        case Updated: {
            const qint64 t = index.column() == Created ? a.created : a.updated;
            if (sort)
                return t;
            return QDateTime::fromSecsSinceEpoch(t).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        }
        case Host:
            return m_hostName;
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Name)
        return a.deployedByWharf ? tr("Deployed by Wharf from %1").arg(a.configFiles.join(QStringLiteral(", ")))
                                 : tr("Deployed by docker compose from %1").arg(a.configFiles.join(QStringLiteral(", ")));
    return {};
}

QVariant AppListModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Services:
        return tr("Services");
    case State:
        return tr("State");
    case Ports:
        return tr("Ports");
    case Cpu:
        return tr("CPU");
    case Memory:
        return tr("Memory");
    case Created:
        return tr("Created");
    case Updated:
        return tr("Updated");
    case Host:
        return tr("Host");
    }
    return {};
}

const AppSummary *AppListModel::app(const QString &name) const
{
    for (const auto &a : m_apps)
        if (a.name == name)
            return &a;
    return nullptr;
}

QStringList AppListModel::names() const
{
    QStringList n;
    for (const auto &a : m_apps)
        n << a.name;
    return n;
}

QStringList AppListModel::containerIds(const QString &name) const
{
    QStringList ids;
    if (!m_containers)
        return ids;
    for (int r = 0; r < m_containers->rowCount(); ++r) {
        const ContainerRow &c = m_containers->rowAt(r);
        if (c.labels.value(QLatin1String(Label::Project)).toString() == name)
            ids << c.id;
    }
    return ids;
}

} // namespace Wharf::Models::Apps
