#pragma once

#include "serviceactions.h"
#include "serviceplan.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QTimer>

namespace Wharf::Models {
class HostConnection;
}

namespace Wharf::Models::Services {

// The services of one host for the console: their desired state from the database and their
// replicas from the daemon, read again every few seconds while shown (the rollout's progress:
// replicas ready, the status the controller writes). Its actions are the host's ServiceActions.
class ServiceListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Image, Replicas, Endpoints, Status, Message, ColumnCount };

    explicit ServiceListModel(HostConnection *host, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Reads again now; with active, every intervalMs too.
    void refresh();
    void setActive(bool active, int intervalMs = 2000);
    bool available() const; // a platform database is open
    ServiceActions *actions() const { return m_actions; }

    int rowOf(const QString &name) const;
    ServiceSpec specAt(int row) const;
    Backends::ServiceRecord recordAt(int row) const;
    QList<Replica> replicasOf(const QString &name) const;
    int readyOf(const QString &name) const;

Q_SIGNALS:
    void refreshed();
    void failed(const QString &message);

private:
    struct Row
    {
        Backends::ServiceRecord record;
        ServiceSpec spec;
        bool valid = false;
        QList<Replica> replicas;
    };
    QPointer<HostConnection> m_host;
    ServiceActions *m_actions = nullptr;
    QList<Row> m_rows;
    QTimer m_timer;
    bool m_busy = false;
};

} // namespace Wharf::Models::Services
