#pragma once

#include "apps/appdeployer.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>

class QConcatenateTablesProxyModel;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace Wharf::Models {
class HostConnection;
class HostRegistry;
class StatsMonitor;
}
namespace Wharf::Models::Apps {
class AppActions;
class AppListModel;
}

namespace Wharf::Ui {

class VisibleRows;

// The apps of every host in one list (host, name, services, state, ports, CPU and memory of
// the whole app, created, updated), kept in step as hosts come and go; start, stop, restart
// or remove an app from here, or open it on its host's Apps page.
class AllAppsPage : public QWidget
{
    Q_OBJECT
public:
    explicit AllAppsPage(Models::HostRegistry *hosts, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QLabel *message() const { return m_message; }
    // The host id and app name of a row of the table (empty when there is none).
    std::pair<QString, QString> appAt(int row) const;
    void selectApp(const QString &hostId, const QString &app);
    void actOnSelected(Models::Apps::AppDeployer::Verb verb);

    // Replaceable for tests: the question before removing (with "and volumes?").
    std::function<bool(const QString &question, bool *alsoVolumes)> confirmRemove;

Q_SIGNALS:
    void openRequested(const QString &hostId, const QString &app);
    void acted(const QString &hostId, const QString &app);

private:
    struct PerHost
    {
        QPointer<Models::HostConnection> host;
        Models::Apps::AppListModel *apps = nullptr;
        Models::StatsMonitor *stats = nullptr;
        Models::Apps::AppActions *actions = nullptr;
    };
    void addHost(Models::HostConnection *c);
    void removeHost(const QString &id);
    void watchVisibleApps();
    void showError(const QString &text);
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

    Models::HostRegistry *m_hosts;
    QHash<QString, PerHost> m_perHost;
    QConcatenateTablesProxyModel *m_all;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
    QLabel *m_message;
    VisibleRows *m_visible;
    bool m_columnsArranged = false;
};

} // namespace Wharf::Ui
