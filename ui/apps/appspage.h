#pragma once

#include "apps/appdeployer.h"
#include "compose/loader.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;
class QSortFilterProxyModel;
class QTableView;

namespace Wharf::Models {
class HostConnection;
class ImageActions;
class StatsMonitor;
}
namespace Wharf::Models::Apps {
class AppActions;
class AppListModel;
class AppLogs;
}

namespace Wharf::Ui {

class AppContainersProxy;
class AppEventsProxy;
class ComposeEditor;
class VisibleRows;

// The question before an app is removed, with "and its volumes?" (the console's dialog).
bool askToRemoveApp(QWidget *parent, const QString &question, bool *alsoVolumes);

// The apps of one host (Wharf's and docker compose's): their services, state, ports and
// resources; deploy a compose file after seeing its plan, and start, stop, restart or remove
// an app as a whole. Below the list, the selected app's containers, the logs of all its
// services merged and labelled by service, and its events.
class AppsPage : public QWidget
{
    Q_OBJECT
public:
    // images: where the registry logins for the images a deploy pulls come from (none: anonymous)
    explicit AppsPage(Models::HostConnection *host, Models::ImageActions *images = nullptr, QWidget *parent = nullptr);

    // Loads, validates and plans a compose file, then deploys it once the plan is accepted.
    void deployFile(const QString &path);
    void actOnSelected(Models::Apps::AppDeployer::Verb verb);
    QString selectedApp() const;
    // The orchestration editor in a window of its own, on a file or a new app; its Deploy
    // comes back here (plan first).
    ComposeEditor *openEditor(const QString &path);
    void selectApp(const QString &name);

    Models::Apps::AppListModel *apps() const { return m_apps; }
    QTableView *table() const { return m_table; }
    QTableView *containersTable() const { return m_containers; }
    QTabWidget *detailsTabs() const { return m_details; }
    QPlainTextEdit *logView() const { return m_logView; }
    QTableView *eventsTable() const { return m_events; }
    QLabel *message() const { return m_message; }

    // What the person chose on seeing a plan: deploy it (atomically or not), or plan again
    // with every image that has a build: built again.
    struct PlanChoice
    {
        bool deploy = false;
        bool atomic = false;
        bool rebuild = false;
    };
    // Replaceable for tests: the file to deploy, the plan shown before deploying (canRebuild:
    // the app has services with build:), a yes/no question (with "and volumes?").
    std::function<QString()> chooseFile;
    std::function<PlanChoice(const QString &app, const Models::Apps::DeployPlan &plan, bool canRebuild)> confirmPlan;
    std::function<bool(const QString &question, bool *alsoVolumes)> confirmRemove;

Q_SIGNALS:
    void deployed(const QString &app);

private:
    void showError(const QString &text);
    void planLoaded(const QString &path, const Backends::Compose::LoadResult &loaded);
    void planAndConfirm(const Backends::Compose::Project &project, bool rebuild);
    void selectionChanged();
    void updateLogs(bool containersChanged = false);
    QList<Models::Apps::ObservedContainer> appContainers(const QString &app) const;
    // Live stats for the running containers of the apps on screen (the CPU and memory columns
    // sum them up), none while the page is hidden.
    void watchVisibleApps();
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

    Models::HostConnection *m_host;
    Models::Apps::AppListModel *m_apps;
    Models::Apps::AppActions *m_actions;
    QPointer<Models::ImageActions> m_images;
    Models::StatsMonitor *m_stats;
    VisibleRows *m_visible;
    QTableView *m_table;
    QLineEdit *m_filter;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_message;
    QTableView *m_containers;
    AppContainersProxy *m_containersProxy;
    QTabWidget *m_details;
    QPlainTextEdit *m_logView;
    Models::Apps::AppLogs *m_logs;
    QTableView *m_events;
    AppEventsProxy *m_eventsProxy;
    QString m_logsApp; // whose logs are streaming
    QStringList m_logIds; // of these containers (by service and replica)
    int m_logWidth = 0;
};

} // namespace Wharf::Ui
