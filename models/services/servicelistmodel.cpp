#include "servicelistmodel.h"

#include "hosts/hostconnection.h"

#include <QColor>
#include <QJsonArray>

namespace Wharf::Models::Services {

using Backends::DockerJob;
using Backends::Expected;
using Backends::ServiceRecord;

ServiceListModel::ServiceListModel(HostConnection *host, QObject *parent)
    : QAbstractTableModel(parent)
    , m_host(host)
{
    const QString tenant = host->tenancy() ? host->tenancy()->principal().tenant : QString();
    m_actions = new ServiceActions(host->operations(), tenant, this);
    connect(&m_timer, &QTimer::timeout, this, &ServiceListModel::refresh);
}

bool ServiceListModel::available() const
{
    return m_host && m_host->gated();
}

void ServiceListModel::setActive(bool active, int intervalMs)
{
    if (active) {
        m_timer.start(intervalMs);
        refresh();
    } else {
        m_timer.stop();
    }
}

int ServiceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ServiceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int ServiceListModel::readyOf(const QString &name) const
{
    int n = 0;
    for (const Replica &r : replicasOf(name))
        if (r.ready())
            ++n;
    return n;
}

QVariant ServiceListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == Message)
        return r.record.message;
    if (role == Qt::ForegroundRole && index.column() == Status && (r.record.status == QLatin1String("failing") || r.record.status == QLatin1String("paused")))
        return QColor(Qt::red);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return r.record.name;
    case Image:
        return r.valid ? r.spec.image() : QString();
    case Replicas: {
        int ready = 0;
        for (const Replica &x : r.replicas)
            if (x.ready())
                ++ready;
        return r.valid ? QStringLiteral("%1/%2").arg(ready).arg(r.spec.replicas) : QStringLiteral("?");
    }
    case Endpoints: {
        QStringList list;
        for (const PublishedEndpoint &e : r.spec.endpoints)
            list << e.toText();
        return list.join(QStringLiteral(", "));
    }
    case Status:
        return r.record.status;
    case Message:
        return r.record.message;
    }
    return {};
}

QVariant ServiceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Name");
    case Image: return tr("Image");
    case Replicas: return tr("Replicas");
    case Endpoints: return tr("Endpoints");
    case Status: return tr("Status");
    case Message: return tr("Message");
    }
    return {};
}

void ServiceListModel::refresh()
{
    if (m_busy || !m_host || !available())
        return;
    m_busy = true;
    m_actions->list([this](const Expected<QList<ServiceRecord>> &records) {
        if (!records) {
            m_busy = false;
            return Q_EMIT failed(records.error().message);
        }
        if (!m_host || !m_host->client()) {
            m_busy = false;
            return;
        }
        auto *job = m_host->client()->listContainers(true, {{QStringLiteral("label"), {QLatin1String(Label::Replica)}}});
        Backends::whenFinished(job, this, [this, list = *records](DockerJob *j) {
            m_busy = false;
            if (j->isError())
                return Q_EMIT failed(j->error().message);
            const QJsonArray containers = j->json().array();
            QList<Row> rows;
            for (const ServiceRecord &record : list) {
                Row row;
                row.record = record;
                auto spec = ServiceSpec::fromJson(record.spec);
                row.valid = spec.hasValue();
                if (spec)
                    row.spec = *spec;
                row.replicas = Replica::ofService(containers, record.name, row.spec.networkName());
                rows << row;
            }
            // same services in the same order: only the cells change (the selection stays)
            bool same = rows.size() == m_rows.size();
            for (int i = 0; same && i < rows.size(); ++i)
                same = rows[i].record.name == m_rows[i].record.name;
            if (same) {
                m_rows = rows;
                if (!m_rows.isEmpty())
                    Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
            } else {
                beginResetModel();
                m_rows = rows;
                endResetModel();
            }
            Q_EMIT refreshed();
        });
    });
}

int ServiceListModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].record.name == name)
            return i;
    return -1;
}

ServiceSpec ServiceListModel::specAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].spec : ServiceSpec();
}

ServiceRecord ServiceListModel::recordAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].record : ServiceRecord();
}

QList<Replica> ServiceListModel::replicasOf(const QString &name) const
{
    const int row = rowOf(name);
    return row < 0 ? QList<Replica>() : m_rows[row].replicas;
}

} // namespace Wharf::Models::Services
