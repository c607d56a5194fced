#include "allappspage.h"

#include "apps/appactions.h"
#include "apps/applistmodel.h"
#include "hosts/hostconnection.h"
#include "hosts/hostregistry.h"
#include "monitoring/statsfeed.h"
#include "apps/appspage.h"
#include "widgets/listpage.h"
#include "widgets/visiblerows.h"

#include <QConcatenateTablesProxyModel>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolBar>

namespace Wharf::Ui {

using namespace Models;
using namespace Models::Apps;

AllAppsPage::AllAppsPage(HostRegistry *hosts, QWidget *parent)
    : QWidget(parent)
    , m_hosts(hosts)
    , m_all(new QConcatenateTablesProxyModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView)
    , m_filter(new QLineEdit)
    , m_message(new QLabel)
{
    confirmRemove = [this](const QString &question, bool *alsoVolumes) { return askToRemoveApp(this, question, alsoVolumes); };
    auto *toolbar = new QToolBar;
    auto open = [this] {
        const auto rows = m_table->selectionModel()->selectedRows();
        const auto [host, app] = appAt(rows.isEmpty() ? -1 : rows.first().row());
        if (app.isEmpty())
            return showError(tr("Select an app first."));
        Q_EMIT openRequested(host, app);
    };
    toolbar->addAction(tr("Open on its host"), this, open);
    toolbar->addSeparator();
    toolbar->addAction(tr("Start"), this, [this] { actOnSelected(AppDeployer::Verb::Start); });
    toolbar->addAction(tr("Stop"), this, [this] { actOnSelected(AppDeployer::Verb::Stop); });
    toolbar->addAction(tr("Restart"), this, [this] { actOnSelected(AppDeployer::Verb::Restart); });
    toolbar->addAction(tr("Remove…"), this, [this] { actOnSelected(AppDeployer::Verb::Down); });
    m_filter->setPlaceholderText(tr("Filter apps of all hosts"));
    m_proxy->setSortRole(AppListModel::SortRole);
    setUpListPage(this, toolbar, m_filter, m_message, m_proxy, m_all, m_table, AppListModel::Name);
    m_table->setWordWrap(false);
    connect(m_table, &QAbstractItemView::doubleClicked, this, open);

    m_visible = new VisibleRows(m_table, [this] { watchVisibleApps(); }, this);
    connect(m_all, &QAbstractItemModel::dataChanged, m_visible, &VisibleRows::later);

    for (HostConnection *c : hosts->connections())
        addHost(c);
    connect(hosts, &HostRegistry::connectionAdded, this, &AllAppsPage::addHost);
    connect(hosts, &HostRegistry::connectionRemoved, this, &AllAppsPage::removeHost);
}

void AllAppsPage::addHost(HostConnection *c)
{
    const QString id = c->config().id;
    if (m_perHost.contains(id))
        return;
    PerHost h;
    h.host = c;
    h.apps = new AppListModel(c->containers(), this);
    h.apps->setHostName(c->config().name);
    h.stats = new StatsMonitor(c, this);
    h.actions = new AppActions(c, this);
    connect(h.actions, &AppActions::failed, this, &AllAppsPage::showError);
    connect(h.actions, &AppActions::finished, this, [this, id](const QString &app) {
        m_message->hide();
        Q_EMIT acted(id, app);
    });
    m_perHost.insert(id, h);
    m_all->addSourceModel(h.apps);
    m_visible->later();
    if (m_perHost.size() == 1 && !m_columnsArranged) { // the columns exist from the first host on
        m_columnsArranged = true;
        m_table->horizontalHeader()->moveSection(m_table->horizontalHeader()->visualIndex(AppListModel::Host), 0); // the host first
        for (const auto &[column, width] : {std::pair{AppListModel::Host, 120}, {AppListModel::Name, 130}, {AppListModel::Services, 120}, {AppListModel::State, 100},
                                            {AppListModel::Ports, 150}, {AppListModel::Cpu, 60}, {AppListModel::Memory, 80}, {AppListModel::Created, 125}})
            m_table->setColumnWidth(column, width);
    }
}

void AllAppsPage::removeHost(const QString &id)
{
    const PerHost h = m_perHost.take(id);
    if (!h.apps)
        return;
    m_all->removeSourceModel(h.apps);
    h.apps->deleteLater();
    h.stats->watch({});
    h.stats->deleteLater();
    h.actions->deleteLater();
}

std::pair<QString, QString> AllAppsPage::appAt(int row) const
{
    if (row < 0 || row >= m_proxy->rowCount())
        return {};
    const QModelIndex source = m_all->mapToSource(m_proxy->mapToSource(m_proxy->index(row, AppListModel::Name)));
    for (auto it = m_perHost.cbegin(); it != m_perHost.cend(); ++it)
        if (it->apps == source.model())
            return {it.key(), source.data(AppListModel::NameRole).toString()};
    return {};
}

void AllAppsPage::selectApp(const QString &hostId, const QString &app)
{
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        if (appAt(r) == std::pair{hostId, app}) {
            m_table->selectRow(r);
            return;
        }
    }
}

void AllAppsPage::actOnSelected(AppDeployer::Verb verb)
{
    const auto rows = m_table->selectionModel()->selectedRows();
    const auto [host, app] = appAt(rows.isEmpty() ? -1 : rows.first().row());
    if (app.isEmpty())
        return showError(tr("Select an app first."));
    m_message->hide();
    const PerHost h = m_perHost.value(host);
    if (verb == AppDeployer::Verb::Down || verb == AppDeployer::Verb::DownWithVolumes) {
        bool volumes = false;
        const QString hostName = h.host ? h.host->config().name : host;
        if (!confirmRemove(tr("Remove the app %1 on %2: stop and remove its containers and networks?").arg(app, hostName), &volumes))
            return;
        verb = volumes ? AppDeployer::Verb::DownWithVolumes : AppDeployer::Verb::Down;
    }
    h.actions->act(app, verb);
}

// Live stats for the running containers of the apps on screen, on each host; none while hidden.
void AllAppsPage::watchVisibleApps()
{
    QHash<QString, QStringList> ids;
    for (int r : m_visible->rows()) {
        const auto [host, app] = appAt(r);
        if (const auto it = m_perHost.constFind(host); it != m_perHost.cend())
            ids[host] << it->apps->containerIds(app);
    }
    for (auto it = m_perHost.cbegin(); it != m_perHost.cend(); ++it)
        it->stats->watch(ids.value(it.key()));
}

void AllAppsPage::showError(const QString &text)
{
    m_message->setText(text);
    m_message->show();
}

void AllAppsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_visible->later();
}

void AllAppsPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_visible->stop();
    watchVisibleApps(); // none on screen
}

} // namespace Wharf::Ui
