#pragma once

#include <QHash>
#include <QMainWindow>

#include <functional>

class QTreeView;
class QStackedWidget;
class QStandardItemModel;
class QMenu;
class QStandardItem;
class QLabel;
class QListView;

namespace Wharf::Models {
class HostRegistry;
class HostConnection;
class TenancyService;
}

namespace Wharf::Ui {

class NavigationModel;

// The console: hosts and their groups on the left (containers, volumes, networks, events per
// host), the page in the middle, connection states in the status bar, tasks in a dock.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum PageKind { ContainersKind = 1, VolumesKind, NetworksKind, EventsKind, OverviewKind, ImagesKind, AppsKind, ServicesKind };

    explicit MainWindow(Models::HostRegistry *hosts, QWidget *parent = nullptr);

    QTreeView *navigation() const { return m_nav; }
    NavigationModel *navigationModel() const { return m_navModel; }
    // The context menu of a row of the navigation tree (group: rename; host: move, remove).
    QMenu *navigationMenu(const QModelIndex &index);
    QStackedWidget *pages() const { return m_pages; }
    // Shows a host's page (creating it on first use); returns it.
    QWidget *showPage(const QString &hostId, PageKind kind);
    QWidget *currentPage() const;
    // The overview of a group of hosts.
    QWidget *showGroupPage(const QString &group);
    // The registry browser (registry list, repositories, tags).
    QWidget *showRegistries();
    // The apps of every host in one list.
    QWidget *showAllApps();
    QListView *taskList() const { return m_tasks; }

    // The platform (tenants, plans, audit, dashboards) from the metadata database. An admin's
    // console gets the tenants page and the whole audit log; a tenant's (its own database role)
    // only its dashboard and its own trail: the admin pages are not there at all.
    void setTenancy(Models::TenancyService *service);
    QMenu *platformMenu() const { return m_platform; }
    QWidget *showTenants();
    QWidget *showAudit();
    QWidget *showDashboard(const QString &tenant);
    // File → Import connection profile…: the endpoints an admin handed a tenant, saved as hosts
    // with the tenant's own key. chooseFile answers the file dialogs (tests set it).
    std::function<QString(const QString &title, const QString &filter)> chooseFile;
    // The sentence the last import ended with (what the message box showed).
    QString lastImportMessage() const { return m_lastImport; }

Q_SIGNALS:
    void languageRequested(const QString &locale);
    void databaseRequested();

public Q_SLOTS:
    void addHost();
    void importProfile();

private:
    QString m_lastImport;
    void addHostItems(Models::HostConnection *c);
    void removeHostItems(const QString &id);
    void moveHostItem(Models::HostConnection *c);
    QStandardItem *hostItem(const QString &id) const;
    void dropEmptyGroups();
    void renameGroup(const QString &group);
    void moveHost(const QString &id);
    void removeHost(const QString &id);
    void forgetHostKey(const QString &id);
    void updateHostState(Models::HostConnection *c);
    QStandardItem *groupItem(const QString &group);
    void updateEmptyState();

    Models::HostRegistry *m_hosts;
    QTreeView *m_nav;
    NavigationModel *m_navModel;
    QStackedWidget *m_pages;
    QWidget *m_empty;
    QHash<QString, QWidget *> m_pageCache; // hostId/kind
    QHash<QString, QLabel *> m_statusLabels;
    QListView *m_tasks;
    Models::TenancyService *m_tenancy = nullptr;
    QMenu *m_platform = nullptr;
};

} // namespace Wharf::Ui
