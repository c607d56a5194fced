#pragma once

#include <QAbstractTableModel>
#include <QPointer>
#include <QStringList>

namespace Wharf::Models {
class ContainerListModel;
}

namespace Wharf::Models::Apps {

// One app on a host, summed up from its containers' compose labels.
struct AppSummary
{
    QString name;
    QStringList services;
    int running = 0;
    int containers = 0;
    QStringList ports;
    double cpuPercent = 0; // of the containers with live stats
    qint64 memoryBytes = 0;
    bool hasStats = false;
    qint64 created = 0;
    qint64 updated = 0;
    bool deployedByWharf = false;
    QString workingDir;
    QStringList configFiles;

    QString state() const; // running, partial, stopped
    bool operator==(const AppSummary &o) const;
};

// One container as an app's summary counts it (from the console's container list or from a
// list call; both sum up through summarizeApps, so wharfctl app ls and the Apps page agree).
struct AppMember
{
    QString project;
    QString service;
    bool oneoff = false;
    bool running = false;
    QStringList ports; // "127.0.0.1:8080->80/tcp"; unpublished ports are not an app's
    qint64 created = 0;
    bool wharf = false; // deployed by Wharf
    QString workingDir;
    QStringList configFiles;
    bool hasStats = false;
    double cpuPercent = 0;
    qint64 memoryBytes = 0;
};

// The apps among containers, sorted by name: services and ports sorted, running of all,
// created the oldest container's time, updated the newest's; one-off containers left out.
QList<AppSummary> summarizeApps(const QList<AppMember> &members);

// The apps of one host (every compose project among its containers, whether Wharf or
// docker compose deployed it), kept in step with the container list: rows are inserted,
// changed and removed, never reset.
class AppListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Services, State, Ports, Cpu, Memory, Created, Updated, Host, ColumnCount };
    enum Roles { NameRole = Qt::UserRole + 1, SortRole };

    explicit AppListModel(ContainerListModel *containers, QObject *parent = nullptr);
    // The host's name in the Host column (for lists of the apps of several hosts).
    void setHostName(const QString &name) { m_hostName = name; }
    QString hostName() const { return m_hostName; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

    const AppSummary *app(const QString &name) const;
    QStringList names() const;
    // the container ids of an app
    QStringList containerIds(const QString &name) const;

    static QList<AppSummary> summarize(const ContainerListModel *containers);

private:
    void refresh();

    QPointer<ContainerListModel> m_containers;
    QList<AppSummary> m_apps; // sorted by name
    QString m_hostName;
};

} // namespace Wharf::Models::Apps
