#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QTimer>

#include "docker/format.h"

namespace Wharf::Models {

struct ContainerRow
{
    QString id;
    QString name;
    QString image;
    QString imageId; // sha256:...
    QString command;
    QString state; // created, running, paused, restarting, removing, exited, dead
    QString status;                 // as the daemon wrote it when listed
    Backends::ContainerStatus live; // the same, kept current by the model's clock
    QString ports;
    qint64 created = 0;
    QJsonObject labels;
    QStringList volumes;  // names of the volumes it mounts
    QStringList networks; // names of the networks it is attached to
    bool hasStats = false;
    double cpuPercent = 0;
    qint64 memoryBytes = 0;
    qint64 memoryLimitBytes = 0;

    static ContainerRow fromListEntry(const QJsonObject &o);
    bool sameListData(const ContainerRow &o) const;
};

// The containers of one host, kept in place: rows are inserted, changed and removed, never reset.
class ContainerListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Image, State, Status, Ports, Cpu, Memory, Created, ColumnCount };
    enum Roles { IdRole = Qt::UserRole + 1, StateRole, SortRole, NameRole };

    explicit ContainerListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

    // A full listing: rows not in it are removed.
    void applyList(const QJsonArray &list);
    // The same in two steps: rows from the daemon's list (pure, safe on a worker thread), then
    // applied to the model (on its thread).
    static QList<ContainerRow> rowsFromList(const QJsonArray &list);
    void applyRows(const QList<ContainerRow> &fresh);
    // A partial listing for the given ids: those listed are updated or added, the others removed.
    void applyPartial(const QStringList &ids, const QJsonArray &list);
    void remove(const QString &id);
    // Only containers whose label has this value (a tenant's console shows its own); an empty
    // label shows all. Takes effect from the next listing.
    void setOwner(const QString &label, const QString &value);
    void setStats(const QString &id, double cpu, qint64 mem, qint64 limit);
    void clearStats(const QString &id);

    const ContainerRow *row(const QString &id) const;
    const ContainerRow &rowAt(int r) const { return m_rows[r]; }
    QString idAt(int r) const { return m_rows.value(r).id; }
    int indexOf(const QString &id) const { return m_index.value(id, -1); }
    QStringList ids() const;

Q_SIGNALS:
    void containersChanged();

private:
    void upsert(const ContainerRow &row);
    void removeAt(int r);
    void reindex(int from);
    bool accepts(const ContainerRow &row) const;
    QList<ContainerRow> m_rows;
    QHash<QString, int> m_index;
    QString m_ownerLabel, m_owner;
    QTimer m_clock; // "Up 5 minutes" moves on without asking the daemon
};

} // namespace Wharf::Models
