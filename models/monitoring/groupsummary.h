#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

namespace Wharf::Models {

class HostConnection;
class HostRegistry;

// A group of hosts (a data centre, a cloud region, a tenant's machines) at a glance: per host
// its state, CPUs, memory and containers, and the sums over the hosts that are up. Engine facts
// come from /info of each host (refreshed while started); container counts follow the hosts'
// live inventories.
class GroupSummary : public QObject
{
    Q_OBJECT
public:
    struct HostLine
    {
        QString id, name, state, reason, engine;
        bool up = false;
        int cpus = 0;
        qint64 memoryBytes = 0;
        int containers = 0, running = 0;
    };
    struct Totals
    {
        int hosts = 0, hostsUp = 0, cpus = 0, containers = 0, running = 0;
        qint64 memoryBytes = 0;
    };

    GroupSummary(HostRegistry *registry, const QString &group, QObject *parent = nullptr);
    QString group() const { return m_group; }
    void setGroup(const QString &group);
    void start();
    void stop();
    QList<HostLine> lines() const;
    Totals totals() const;

Q_SIGNALS:
    void changed();

private:
    QList<HostConnection *> hosts() const;
    void refresh();
    void watch(HostConnection *c);

    HostRegistry *m_registry;
    QString m_group;
    QHash<QString, QJsonObject> m_info; // host id -> /info
    QTimer m_refresh;
    QTimer m_coalesce;
};

} // namespace Wharf::Models
