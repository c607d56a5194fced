#include "containerlistmodel.h"
#include "docker/containerstate.h"

#include "docker/format.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace Wharf::Models {

using namespace Backends;

ContainerRow ContainerRow::fromListEntry(const QJsonObject &o)
{
    ContainerRow r;
    r.id = o.value(QLatin1String("Id")).toString();
    r.name = containerName(o);
    r.image = o.value(QLatin1String("Image")).toString();
    r.imageId = o.value(QLatin1String("ImageID")).toString();
    r.command = o.value(QLatin1String("Command")).toString();
    r.state = o.value(QLatin1String("State")).toString();
    r.status = o.value(QLatin1String("Status")).toString();
    r.live = ContainerStatus::parse(r.status, QDateTime::currentMSecsSinceEpoch());
    r.ports = formatPorts(o.value(QLatin1String("Ports")).toArray());
    r.created = qint64(o.value(QLatin1String("Created")).toDouble());
    r.labels = o.value(QLatin1String("Labels")).toObject();
    for (const auto &m : o.value(QLatin1String("Mounts")).toArray()) {
        const QJsonObject mo = m.toObject();
        if (mo.value(QLatin1String("Type")).toString() == QLatin1String("volume"))
            r.volumes << mo.value(QLatin1String("Name")).toString();
    }
    const QJsonObject nets = o.value(QLatin1String("NetworkSettings")).toObject().value(QLatin1String("Networks")).toObject();
    r.networks = nets.keys();
    return r;
}

bool ContainerRow::sameListData(const ContainerRow &o) const
{
    return name == o.name && image == o.image && imageId == o.imageId && state == o.state && status == o.status && ports == o.ports
        && labels == o.labels && volumes == o.volumes && networks == o.networks && command == o.command;
}

ContainerListModel::ContainerListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    // Redraw the status column now and then: views repaint only the rows on screen.
    m_clock.setInterval(10000);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, Status), index(int(m_rows.size()) - 1, Status), {Qt::DisplayRole});
    });
    m_clock.start();
}

int ContainerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ContainerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

static QString stateText(const QString &s)
{
    using Backends::ContainerState;
    switch (Backends::containerState(s)) {
    case ContainerState::Running: return ContainerListModel::tr("Running");
    case ContainerState::Exited: return ContainerListModel::tr("Exited");
    case ContainerState::Paused: return ContainerListModel::tr("Paused");
    case ContainerState::Created: return ContainerListModel::tr("Created");
    case ContainerState::Restarting: return ContainerListModel::tr("Restarting");
    case ContainerState::Removing: return ContainerListModel::tr("Removing");
    case ContainerState::Dead: return ContainerListModel::tr("Dead");
    case ContainerState::Unknown: break;
    }
    return s;
}

QVariant ContainerListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ContainerRow &r = m_rows[index.row()];
    switch (role) {
    case IdRole:
        return r.id;
    case StateRole:
        return r.state;
    case NameRole:
        return r.name;
    case Qt::ToolTipRole:
        return index.column() == Name ? r.id : QVariant();
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case Name:
            return r.name;
        case Image:
            return r.image;
        case State:
            return stateText(r.state);
        case Status:
            return role == SortRole ? QVariant(r.status) : QVariant(r.live.displayTextAt(QDateTime::currentMSecsSinceEpoch()));
        case Ports:
            return r.ports;
        case Cpu:
            if (!r.hasStats || Backends::containerState(r.state) != Backends::ContainerState::Running)
                return role == SortRole ? QVariant(-1.0) : QVariant();
            return role == SortRole ? QVariant(r.cpuPercent) : QVariant(QString::number(r.cpuPercent, 'f', 1) + QLatin1Char('%'));
        case Memory:
            if (!r.hasStats || Backends::containerState(r.state) != Backends::ContainerState::Running)
                return role == SortRole ? QVariant(qint64(-1)) : QVariant();
            return role == SortRole ? QVariant(r.memoryBytes) : QVariant(formatBytes(double(r.memoryBytes)));
        case Created:
            return role == SortRole ? QVariant(r.created)
                                    : QVariant(QLocale().toString(QDateTime::fromSecsSinceEpoch(r.created), QLocale::ShortFormat));
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == State) {
            if (Backends::containerState(r.state) == Backends::ContainerState::Running)
                return QColor(0x2e, 0x7d, 0x32);
            if (Backends::containerState(r.state) == Backends::ContainerState::Paused)
                return QColor(0xef, 0x6c, 0x00);
            if (Backends::containerState(r.state) == Backends::ContainerState::Dead || Backends::containerState(r.state) == Backends::ContainerState::Exited)
                return QColor(0x75, 0x75, 0x75);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Cpu || index.column() == Memory)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant ContainerListModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Image:
        return tr("Image");
    case State:
        return tr("State");
    case Status:
        return tr("Status");
    case Ports:
        return tr("Ports");
    case Cpu:
        return tr("CPU %");
    case Memory:
        return tr("Memory");
    case Created:
        return tr("Created", "column: creation time");
    }
    return {};
}

void ContainerListModel::upsert(const ContainerRow &incoming)
{
    const int r = m_index.value(incoming.id, -1);
    if (r < 0) {
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at);
        m_rows.append(incoming);
        m_index.insert(incoming.id, at);
        endInsertRows();
        return;
    }
    ContainerRow &cur = m_rows[r];
    if (cur.sameListData(incoming))
        return;
    const bool wasRunning = Backends::containerState(cur.state) == Backends::ContainerState::Running;
    ContainerRow merged = incoming;
    if (wasRunning && Backends::containerState(incoming.state) == Backends::ContainerState::Running) {
        merged.hasStats = cur.hasStats;
        merged.cpuPercent = cur.cpuPercent;
        merged.memoryBytes = cur.memoryBytes;
        merged.memoryLimitBytes = cur.memoryLimitBytes;
    }
    cur = merged;
    Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
}

void ContainerListModel::removeAt(int r)
{
    beginRemoveRows({}, r, r);
    m_index.remove(m_rows[r].id);
    m_rows.removeAt(r);
    reindex(r);
    endRemoveRows();
}

void ContainerListModel::reindex(int from)
{
    for (int i = from; i < m_rows.size(); ++i)
        m_index.insert(m_rows[i].id, i);
}

void ContainerListModel::applyList(const QJsonArray &list)
{
    applyRows(rowsFromList(list));
}

QList<ContainerRow> ContainerListModel::rowsFromList(const QJsonArray &list)
{
    QList<ContainerRow> fresh;
    fresh.reserve(list.size());
    for (const auto &v : list)
        fresh << ContainerRow::fromListEntry(v.toObject());
    return fresh;
}

void ContainerListModel::setOwner(const QString &label, const QString &value)
{
    m_ownerLabel = label;
    m_owner = value;
}

bool ContainerListModel::accepts(const ContainerRow &row) const
{
    return m_ownerLabel.isEmpty() || row.labels.value(m_ownerLabel).toString() == m_owner;
}

void ContainerListModel::applyRows(const QList<ContainerRow> &all)
{
    QList<ContainerRow> fresh;
    fresh.reserve(all.size());
    for (const auto &row : all)
        if (accepts(row))
            fresh << row;
    QSet<QString> seen;
    seen.reserve(fresh.size());
    for (const auto &row : fresh)
        seen.insert(row.id);
    // Removals first (contiguous runs at once), then changes and insertions.
    for (int r = int(m_rows.size()) - 1; r >= 0;) {
        if (seen.contains(m_rows[r].id)) {
            --r;
            continue;
        }
        int first = r;
        while (first > 0 && !seen.contains(m_rows[first - 1].id))
            --first;
        beginRemoveRows({}, first, r);
        for (int i = r; i >= first; --i)
            m_index.remove(m_rows[i].id);
        m_rows.remove(first, r - first + 1);
        endRemoveRows();
        r = first - 1;
    }
    reindex(0);
    QList<ContainerRow> added;
    for (const auto &row : std::as_const(fresh)) {
        if (m_index.contains(row.id))
            upsert(row);
        else
            added << row;
    }
    if (!added.isEmpty()) {
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at + int(added.size()) - 1);
        for (const auto &row : std::as_const(added)) {
            m_index.insert(row.id, int(m_rows.size()));
            m_rows.append(row);
        }
        endInsertRows();
    }
    Q_EMIT containersChanged();
}

void ContainerListModel::applyPartial(const QStringList &ids, const QJsonArray &list)
{
    QSet<QString> listed;
    for (const auto &v : list) {
        const ContainerRow row = ContainerRow::fromListEntry(v.toObject());
        if (!accepts(row))
            continue; // removed below if it was there
        listed.insert(row.id);
        upsert(row);
    }
    for (const auto &id : ids) {
        // ids may be given in short form by events; match by prefix
        if (listed.contains(id))
            continue;
        bool matched = false;
        for (const auto &l : std::as_const(listed))
            if (l.startsWith(id)) {
                matched = true;
                break;
            }
        if (!matched)
            remove(id);
    }
    Q_EMIT containersChanged();
}

void ContainerListModel::remove(const QString &id)
{
    const int r = m_index.value(id, -1);
    if (r >= 0)
        removeAt(r);
}

void ContainerListModel::setStats(const QString &id, double cpu, qint64 mem, qint64 limit)
{
    const int r = m_index.value(id, -1);
    if (r < 0)
        return;
    ContainerRow &row = m_rows[r];
    row.hasStats = true;
    row.cpuPercent = cpu;
    row.memoryBytes = mem;
    row.memoryLimitBytes = limit;
    Q_EMIT dataChanged(index(r, Cpu), index(r, Memory), {Qt::DisplayRole, SortRole});
}

void ContainerListModel::clearStats(const QString &id)
{
    const int r = m_index.value(id, -1);
    if (r < 0 || !m_rows[r].hasStats)
        return;
    m_rows[r].hasStats = false;
    Q_EMIT dataChanged(index(r, Cpu), index(r, Memory), {Qt::DisplayRole, SortRole});
}

const ContainerRow *ContainerListModel::row(const QString &id) const
{
    const int r = m_index.value(id, -1);
    return r < 0 ? nullptr : &m_rows[r];
}

QStringList ContainerListModel::ids() const
{
    QStringList out;
    for (const auto &r : m_rows)
        out << r.id;
    return out;
}

} // namespace Wharf::Models
