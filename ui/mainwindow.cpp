#include "mainwindow.h"
#include <QFile>
#include <QFileDialog>
#include "tenancy/tenantprofile.h"
#include "tenants/auditpage.h"
#include "tenants/tenantdashboard.h"
#include "tenants/tenantspage.h"
#include "tenancy/tenancyservice.h"
#include "ssh/knownhosts.h"
#include "hosts/navigationmodel.h"
#include "hosts/hostoverviewpage.h"
#include "hosts/groupoverviewpage.h"
#include "monitoring/groupsummary.h"

#include "containers/containerspage.h"
#include "events/eventspage.h"
#include "hosts/addhostdialog.h"
#include "hosts/hostregistry.h"
#include "inventory/containerlistmodel.h"
#include "resources/resourcepage.h"
#include "apps/allappspage.h"
#include "apps/appspage.h"
#include "services/servicespage.h"
#include "images/imagespage.h"
#include "registries/registriespage.h"
#include "widgets/taskdelegate.h"
#include "tasks/taskmodel.h"

#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QMenu>
#include <QInputDialog>
#include <QListView>
#include <QMenuBar>
#include <QPainter>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace Wharf::Ui {

using namespace Models;

static constexpr int HostIdRole = NavigationModel::HostIdRole;
static constexpr int KindRole = NavigationModel::KindRole;
static constexpr int GroupRole = NavigationModel::GroupRole;

MainWindow::MainWindow(HostRegistry *hosts, QWidget *parent)
    : QMainWindow(parent)
    , m_hosts(hosts)
    , m_nav(new QTreeView)
    , m_navModel(new NavigationModel(this))
    , m_pages(new QStackedWidget)
{
    chooseFile = [this](const QString &title, const QString &filter) { return QFileDialog::getOpenFileName(this, title, QString(), filter); };
    setWindowTitle(tr("Wharf"));
    resize(1280, 780);

    // The call to action when there is no host yet.
    m_empty = new QWidget;
    auto *el = new QVBoxLayout(m_empty);
    auto *title = new QLabel(tr("<h2>No Docker host yet</h2><p>Add a host to manage its containers, volumes and networks: "
                                "the local socket, a TLS endpoint or SSH.</p>"));
    title->setAlignment(Qt::AlignCenter);
    title->setWordWrap(true);
    auto *addBtn = new QPushButton(tr("Add host…"));
    addBtn->setObjectName(QStringLiteral("addHostButton"));
    connect(addBtn, &QPushButton::clicked, this, &MainWindow::addHost);
    el->addStretch();
    el->addWidget(title);
    el->addWidget(addBtn, 0, Qt::AlignCenter);
    el->addStretch();
    m_pages->addWidget(m_empty);

    m_nav->setModel(m_navModel);
    m_nav->setHeaderHidden(true);
    m_nav->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_nav->setMinimumWidth(220);
    // Hosts are dragged between groups; the host list decides, the tree follows.
    m_nav->setDragDropMode(QAbstractItemView::DragDrop);
    m_nav->setDefaultDropAction(Qt::MoveAction);
    m_nav->setDropIndicatorShown(true);
    connect(m_navModel, &NavigationModel::hostDropped, this, [this](const QString &id, const QString &group) {
        if (auto e = m_hosts->store()->setGroup(id, group); e.isError())
            statusBar()->showMessage(e.message, 10000);
    });
    m_nav->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_nav, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (QMenu *menu = navigationMenu(m_nav->indexAt(pos))) {
            menu->exec(m_nav->viewport()->mapToGlobal(pos));
            menu->deleteLater();
        }
    });
    auto *split = new QSplitter;
    split->addWidget(m_nav);
    split->addWidget(m_pages);
    split->setStretchFactor(1, 1);
    setCentralWidget(split);

    auto *tasksDock = new QDockWidget(tr("Tasks"), this);
    tasksDock->setObjectName(QStringLiteral("tasksDock"));
    m_tasks = new QListView;
    m_tasks->setModel(hosts->tasks());
    m_tasks->setItemDelegate(new TaskDelegate(m_tasks));
    m_tasks->setUniformItemSizes(false);
    // Running pulls, pushes, builds and saves can be stopped from here.
    m_tasks->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tasks, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex i = m_tasks->indexAt(pos);
        if (!i.isValid() || !i.data(TaskModel::CancelableRole).toBool())
            return;
        QMenu menu;
        const int id = i.data(TaskModel::IdRole).toInt();
        menu.addAction(tr("Cancel"), this, [this, id] { m_hosts->tasks()->cancel(id); });
        menu.exec(m_tasks->viewport()->mapToGlobal(pos));
    });
    tasksDock->setWidget(m_tasks);
    addDockWidget(Qt::BottomDockWidgetArea, tasksDock);
    connect(hosts->tasks(), &QAbstractItemModel::rowsInserted, m_tasks, &QListView::scrollToBottom);
    resizeDocks({tasksDock}, {140}, Qt::Vertical);

    auto *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Add host…"), this, &MainWindow::addHost);
    file->addAction(tr("&Import connection profile…"), this, &MainWindow::importProfile);
    file->addAction(tr("&Database…"), this, [this] { Q_EMIT databaseRequested(); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    auto *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Registries"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), this, [this] { showRegistries(); });
    view->addAction(tr("All &apps"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), this, [this] { showAllApps(); });
    view->addAction(tasksDock->toggleViewAction());
    auto *lang = view->addMenu(tr("&Language"));
    auto *group = new QActionGroup(this);
    const struct
    {
        QString name;
        QString code;
    } langs[] = {{QStringLiteral("English"), QStringLiteral("en")}, {QStringLiteral("简体中文"), QStringLiteral("zh_CN")}};
    for (const auto &l : langs) {
        QAction *a = lang->addAction(l.name);
        a->setCheckable(true);
        a->setChecked(QLocale().name().startsWith(l.code.left(2)));
        group->addAction(a);
        const QString code = l.code;
        connect(a, &QAction::triggered, this, [this, code] { Q_EMIT languageRequested(code); });
    }
    m_platform = menuBar()->addMenu(tr("&Platform"));
    m_platform->menuAction()->setVisible(false);
    auto *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Wharf"), this, [this] {
        QMessageBox::about(this, tr("About Wharf"),
                           tr("<b>Wharf</b> %1<br>A native console for Docker hosts and container clouds.")
                               .arg(QApplication::applicationVersion()));
    });

    for (auto *c : hosts->connections())
        addHostItems(c);
    connect(hosts, &HostRegistry::connectionAdded, this, &MainWindow::addHostItems);
    connect(hosts, &HostRegistry::connectionRemoved, this, &MainWindow::removeHostItems);
    connect(hosts, &HostRegistry::hiddenChanged, this, [this, hosts] {
        const QStringList hidden = hosts->hiddenHosts();
        if (!hidden.isEmpty())
            statusBar()->showMessage(tr("Not shown, outside this tenant's domain: %1. An admin puts a host in the domain with Platform → Tenants and plans → Host domains.")
                                         .arg(hidden.join(QStringLiteral(", "))),
                                     30000);
    });
    connect(m_nav->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &i) {
        const QString host = i.data(HostIdRole).toString();
        int kind = i.data(KindRole).toInt();
        if (host.isEmpty()) {
            if (i.isValid() && !i.parent().isValid())
                showGroupPage(i.data(GroupRole).toString());
            return;
        }
        showPage(host, PageKind(kind ? kind : OverviewKind));
    });
    m_nav->expandAll();
    updateEmptyState();
    if (!hosts->connections().isEmpty())
        showPage(hosts->connections().first()->config().id, ContainersKind);
}

QStandardItem *MainWindow::groupItem(const QString &groupIn)
{
    const QString group = groupIn.isEmpty() ? tr("Hosts") : groupIn;
    for (int r = 0; r < m_navModel->rowCount(); ++r)
        if (m_navModel->item(r)->text() == group)
            return m_navModel->item(r);
    auto *g = new QStandardItem(group);
    g->setData(groupIn, GroupRole);
    g->setDragEnabled(false);
    g->setDropEnabled(true);
    m_navModel->appendRow(g);
    return g;
}

void MainWindow::addHostItems(HostConnection *c)
{
    auto *hostItem = new QStandardItem(c->config().name);
    hostItem->setData(c->config().id, HostIdRole);
    hostItem->setDragEnabled(true);
    hostItem->setDropEnabled(true);
    const struct
    {
        QString text;
        PageKind kind;
    } children[] = {{tr("Overview"), OverviewKind}, {tr("Apps"), AppsKind}, {tr("Services"), ServicesKind}, {tr("Containers"), ContainersKind}, {tr("Images"), ImagesKind}, {tr("Volumes"), VolumesKind},
                    {tr("Networks"), NetworksKind}, {tr("Events"), EventsKind}};
    for (const auto &ch : children) {
        auto *item = new QStandardItem(ch.text);
        item->setData(c->config().id, HostIdRole);
        item->setData(int(ch.kind), KindRole);
        item->setDragEnabled(false);
        item->setDropEnabled(false);
        hostItem->appendRow(item);
    }
    groupItem(c->config().group)->appendRow(hostItem);
    m_nav->expandAll();
    auto *label = new QLabel;
    m_statusLabels.insert(c->config().id, label);
    statusBar()->addPermanentWidget(label);
    connect(c, &HostConnection::stateChanged, this, [this, c] { updateHostState(c); });
    connect(c, &HostConnection::labelsChanged, this, [this, c] { moveHostItem(c); });
    updateHostState(c);
    updateEmptyState();
}

QStandardItem *MainWindow::hostItem(const QString &id) const
{
    for (int g = 0; g < m_navModel->rowCount(); ++g) {
        QStandardItem *group = m_navModel->item(g);
        for (int r = 0; r < group->rowCount(); ++r)
            if (group->child(r)->data(HostIdRole).toString() == id)
                return group->child(r);
    }
    return nullptr;
}

void MainWindow::dropEmptyGroups()
{
    for (int g = m_navModel->rowCount() - 1; g >= 0; --g)
        if (m_navModel->item(g)->rowCount() == 0)
            m_navModel->removeRow(g);
}

void MainWindow::moveHostItem(HostConnection *c)
{
    QStandardItem *item = hostItem(c->config().id);
    if (!item)
        return;
    item->setText(c->config().name);
    QStandardItem *from = item->parent();
    QStandardItem *to = groupItem(c->config().group);
    if (from != to) {
        const QList<QStandardItem *> row = from->takeRow(item->row());
        to->appendRow(row);
        dropEmptyGroups();
        m_nav->expandAll();
    }
    // Overviews of groups that no longer exist (renamed, emptied): the one on screen follows
    // the host, the others go.
    const QStringList groups = m_hosts->store()->groups();
    for (auto it = m_pageCache.begin(); it != m_pageCache.end();) {
        auto *gp = qobject_cast<GroupOverviewPage *>(it.value());
        if (!gp || groups.contains(gp->summary()->group())) {
            ++it;
            continue;
        }
        if (m_pages->currentWidget() == gp) {
            gp->summary()->setGroup(c->config().group);
            QWidget *page = it.value();
            it = m_pageCache.erase(it);
            m_pageCache.insert(QStringLiteral("group/") + c->config().group, page);
            break; // the hash changed; the rest is handled on the next change
        }
        m_pages->removeWidget(gp);
        gp->deleteLater();
        it = m_pageCache.erase(it);
    }
    updateHostState(c);
}

QMenu *MainWindow::navigationMenu(const QModelIndex &index)
{
    if (!index.isValid())
        return nullptr;
    auto *menu = new QMenu(this);
    if (!index.parent().isValid()) {
        const QString group = index.data(GroupRole).toString();
        menu->addAction(tr("Rename group…"), this, [this, group] { renameGroup(group); });
    } else {
        const QString id = index.data(HostIdRole).toString();
        menu->addAction(tr("Reconnect"), this, [this, id] {
            if (Models::HostConnection *c = m_hosts->connection(id))
                c->reconnectNow();
        });
        menu->addAction(tr("Move to group…"), this, [this, id] { moveHost(id); });
        if (const Models::HostConfig *h = m_hosts->store()->find(id); h && h->url.startsWith(QLatin1String("ssh://")))
            menu->addAction(tr("Forget host key…"), this, [this, id] { forgetHostKey(id); });
        menu->addSeparator();
        menu->addAction(tr("Remove host…"), this, [this, id] { removeHost(id); });
    }
    menu->addSeparator();
    menu->addAction(tr("Add host…"), this, &MainWindow::addHost);
    return menu;
}

void MainWindow::renameGroup(const QString &group)
{
    bool ok = false;
    const QString to = QInputDialog::getText(this, tr("Rename group"), tr("New name of the group:"), QLineEdit::Normal,
                                             group.isEmpty() ? tr("Hosts") : group, &ok);
    if (!ok || to.trimmed() == group)
        return;
    if (auto e = m_hosts->store()->renameGroup(group, to); e.isError())
        QMessageBox::warning(this, tr("Rename group"), e.message);
}

void MainWindow::moveHost(const QString &id)
{
    const Models::HostConfig *h = m_hosts->store()->find(id);
    if (!h)
        return;
    bool ok = false;
    const QStringList groups = m_hosts->store()->groups();
    const QString to = QInputDialog::getItem(this, tr("Move to group"), tr("Group of %1 (choose or type a new one):").arg(h->name),
                                             groups, int(std::max<qsizetype>(0, groups.indexOf(h->group))), true, &ok);
    if (!ok)
        return;
    if (auto e = m_hosts->store()->setGroup(id, to); e.isError())
        QMessageBox::warning(this, tr("Move to group"), e.message);
}

void MainWindow::forgetHostKey(const QString &id)
{
    const Models::HostConfig *h = m_hosts->store()->find(id);
    if (!h)
        return;
    auto ep = h->endpoint();
    if (!ep)
        return;
    const QString pattern = Backends::KnownHosts::hostPattern(ep->host(), ep->port());
    if (QMessageBox::warning(this, tr("Forget host key"),
                             tr("Remove the saved SSH host key of %1 (%2)? Do this only when you know the host was "
                                "reinstalled or its key was replaced: the next connection shows the new key's "
                                "fingerprint and asks whether to trust it.")
                                 .arg(h->name, pattern),
                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    auto removed = Backends::KnownHosts::remove(Models::HostStore::knownHostsFile(), ep->host(), ep->port());
    if (!removed) {
        QMessageBox::warning(this, tr("Forget host key"), removed.error().message);
        return;
    }
    statusBar()->showMessage(*removed ? tr("The host key of %1 was removed.").arg(h->name)
                                      : tr("Wharf's known_hosts had no key for %1; keys in ~/.ssh/known_hosts are only read (ssh-keygen -R removes them).").arg(h->name),
                             10000);
}

void MainWindow::removeHost(const QString &id)
{
    const Models::HostConfig *h = m_hosts->store()->find(id);
    if (!h)
        return;
    if (QMessageBox::question(this, tr("Remove host"),
                              tr("Remove %1 from Wharf? Its containers keep running; only the connection and its saved "
                                 "secrets are removed.")
                                  .arg(h->name))
        != QMessageBox::Yes)
        return;
    QPointer<MainWindow> self(this);
    Models::HostSecrets::remove(m_hosts->store(), m_hosts->credentials(), id, [self](const Backends::Error &e) {
        if (self && e.isError())
            QMessageBox::warning(self, tr("Remove host"), e.message);
    });
}

void MainWindow::removeHostItems(const QString &id)
{
    if (QStandardItem *item = hostItem(id))
        item->parent()->removeRow(item->row());
    dropEmptyGroups();
    for (auto it = m_pageCache.begin(); it != m_pageCache.end();) {
        if (it.key().startsWith(id + QLatin1Char('/'))) {
            m_pages->removeWidget(it.value());
            it.value()->deleteLater();
            it = m_pageCache.erase(it);
        } else {
            ++it;
        }
    }
    delete m_statusLabels.take(id);
    updateEmptyState();
}

void MainWindow::updateHostState(HostConnection *c)
{
    const QColor colour = c->state() == HostConnection::Up ? QColor(0x2e, 0x7d, 0x32)
        : c->state() == HostConnection::Down               ? QColor(0xc6, 0x28, 0x28)
                                                           : QColor(0xf9, 0xa8, 0x25);
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    {
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(colour);
        p.setPen(Qt::NoPen);
        p.drawEllipse(1, 1, 10, 10);
    }
    const QIcon icon(pm);
    // Plain tcp:// (a lab host) carries a red badge wherever the host is named.
    const bool plain = c->config().labMode && c->config().url.startsWith(QLatin1String("tcp://")) && !c->config().useTls;
    const QString badge = plain ? QStringLiteral(" <span style=\"color:#c62828\">[%1]</span>").arg(tr("unencrypted")) : QString();
    if (QLabel *l = m_statusLabels.value(c->config().id)) {
        l->setText(QStringLiteral("<span style=\"color:%1\">●</span> %2%3: %4")
                       .arg(colour.name(), c->config().name.toHtmlEscaped(), badge, c->stateText().toHtmlEscaped()));
        l->setToolTip(c->reason());
    }
    if (QStandardItem *item = hostItem(c->config().id)) {
        item->setText(plain ? tr("%1 [unencrypted]").arg(c->config().name) : c->config().name);
        item->setForeground(plain ? QBrush(QColor(0xc6, 0x28, 0x28)) : QBrush());
    }
    for (int g = 0; g < m_navModel->rowCount(); ++g) {
        QStandardItem *group = m_navModel->item(g);
        for (int r = 0; r < group->rowCount(); ++r)
            if (group->child(r)->data(HostIdRole).toString() == c->config().id) {
                group->child(r)->setIcon(icon);
                group->child(r)->setToolTip(c->stateText());
            }
    }
}

void MainWindow::updateEmptyState()
{
    if (m_hosts->connections().isEmpty())
        m_pages->setCurrentWidget(m_empty);
}

QWidget *MainWindow::showPage(const QString &hostId, PageKind kind)
{
    HostConnection *c = m_hosts->connection(hostId);
    if (!c)
        return nullptr;
    const QString key = hostId + QLatin1Char('/') + QString::number(int(kind));
    QWidget *page = m_pageCache.value(key);
    if (!page) {
        switch (kind) {
        case ContainersKind:
            page = new ContainersPage(c);
            break;
        case VolumesKind:
            page = new ResourcePage(c, ResourcePage::Volumes);
            break;
        case NetworksKind:
            page = new ResourcePage(c, ResourcePage::Networks);
            break;
        case EventsKind:
            page = new EventsPage(c);
            break;
        case AppsKind:
            page = new AppsPage(c, m_hosts->imageActions(c));
            break;
        case ServicesKind:
            page = new ServicesPage(c);
            break;
        case OverviewKind:
            page = new HostOverviewPage(c);
            break;
        case ImagesKind: {
            auto *images = new ImagesPage(c, m_hosts->imageActions(c));
            // "Run" opens the containers page's create form with the image chosen.
            connect(images, &ImagesPage::runRequested, this, [this, hostId](const QString &image) {
                if (auto *cp = qobject_cast<ContainersPage *>(showPage(hostId, ContainersKind)))
                    cp->createContainer(image);
            });
            page = images;
            break;
        }
        }
        m_pageCache.insert(key, page);
        m_pages->addWidget(page);
    }
    m_pages->setCurrentWidget(page);
    // The tree shows where we are.
    if (QStandardItem *h = hostItem(hostId)) {
        for (int r = 0; r < h->rowCount(); ++r)
            if (h->child(r)->data(KindRole).toInt() == int(kind) && m_nav->currentIndex() != h->child(r)->index())
                m_nav->setCurrentIndex(h->child(r)->index());
    }
    return page;
}

QWidget *MainWindow::showGroupPage(const QString &group)
{
    const QString key = QStringLiteral("group/") + group;
    QWidget *page = m_pageCache.value(key);
    if (!page) {
        page = new GroupOverviewPage(m_hosts, group);
        m_pageCache.insert(key, page);
        m_pages->addWidget(page);
    }
    m_pages->setCurrentWidget(page);
    return page;
}

QWidget *MainWindow::showRegistries()
{
    const QString key = QStringLiteral("registries");
    QWidget *page = m_pageCache.value(key);
    if (!page) {
        page = new RegistriesPage(m_hosts);
        m_pageCache.insert(key, page);
        m_pages->addWidget(page);
    }
    m_pages->setCurrentWidget(page);
    m_nav->setCurrentIndex({}); // no host page is on screen now
    return page;
}

QWidget *MainWindow::showAllApps()
{
    const QString key = QStringLiteral("apps");
    QWidget *page = m_pageCache.value(key);
    if (!page) {
        auto *all = new AllAppsPage(m_hosts);
        connect(all, &AllAppsPage::openRequested, this, [this](const QString &hostId, const QString &app) {
            if (auto *p = qobject_cast<AppsPage *>(showPage(hostId, AppsKind)))
                p->selectApp(app);
        });
        page = all;
        m_pageCache.insert(key, page);
        m_pages->addWidget(page);
    }
    m_pages->setCurrentWidget(page);
    m_nav->setCurrentIndex({}); // no host page is on screen now
    return page;
}

QWidget *MainWindow::currentPage() const
{
    return m_pages->currentWidget();
}

void MainWindow::importProfile()
{
    const QString path = chooseFile(tr("Import connection profile"), tr("Connection profiles (*.wharf-profile *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    auto done = [this](const QString &message, bool ok) {
        m_lastImport = message;
        if (isVisible())
            ok ? QMessageBox::information(this, tr("Import connection profile"), message) : QMessageBox::warning(this, tr("Import connection profile"), message);
    };
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return done(tr("Cannot read %1: %2.").arg(path, in.errorString()), false);
    auto profile = Models::ConnectionProfile::parse(in.read(Models::ConnectionProfile::MaxBytes + 1));
    if (!profile)
        return done(profile.error().message, false);
    // The tenant's own private key (it never left the tenant); none: the agent and ~/.ssh/id_*.
    const QString key = chooseFile(tr("Your SSH private key for %1 (cancel: the agent's keys)").arg(profile->tenant), tr("All files (*)"));
    auto saved = profile->importInto(*m_hosts->store(), key);
    if (!saved)
        return done(saved.error().message, false);
    done(tr("Saved %n host(s) of tenant %1: %2", nullptr, int(saved->size())).arg(profile->tenant, saved->join(QStringLiteral(", "))), true);
}

void MainWindow::addHost()
{
    auto *d = new AddHostDialog(m_hosts->store(), m_hosts->credentials(), this);
    d->setObjectName(QStringLiteral("addHostDialog"));
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &QDialog::accepted, this, [this, d] {
        if (!d->addedId().isEmpty())
            showPage(d->addedId(), ContainersKind);
    });
    d->open();
}

void MainWindow::setTenancy(Models::TenancyService *service)
{
    m_tenancy = service;
    // Pages of another database or role go.
    for (const QString &key : {QStringLiteral("tenants"), QStringLiteral("audit")}) {
        if (QWidget *w = m_pageCache.take(key))
            w->deleteLater();
    }
    for (auto it = m_pageCache.begin(); it != m_pageCache.end();) {
        if (it.key().startsWith(QLatin1String("dashboard/"))) {
            it.value()->deleteLater();
            it = m_pageCache.erase(it);
        } else {
            ++it;
        }
    }
    m_platform->clear();
    m_platform->menuAction()->setVisible(service && service->isOpen());
    if (!service || !service->isOpen())
        return;
    if (service->isTenant()) {
        const QString tenant = service->principal().tenant;
        m_platform->addAction(tr("&Dashboard"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), this, [this, tenant] { showDashboard(tenant); });
        m_platform->addAction(tr("&Activity"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), this, [this] { showAudit(); });
        setWindowTitle(tr("Wharf — %1").arg(tenant));
    } else {
        m_platform->addAction(tr("&Tenants and plans"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), this, [this] { showTenants(); });
        m_platform->addAction(tr("&Audit log"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), this, [this] { showAudit(); });
        setWindowTitle(QStringLiteral("Wharf"));
    }
}

QWidget *MainWindow::showTenants()
{
    if (!m_tenancy || !m_tenancy->isOpen() || m_tenancy->isTenant())
        return nullptr;
    const QString key = QStringLiteral("tenants");
    auto *page = qobject_cast<TenantsPage *>(m_pageCache.value(key));
    if (!page) {
        page = new TenantsPage(m_tenancy, m_hosts);
        connect(page, &TenantsPage::openDashboard, this, [this](const QString &t) { showDashboard(t); });
        m_pageCache.insert(key, page);
        m_pages->addWidget(page);
    }
    m_pages->setCurrentWidget(page);
    m_nav->setCurrentIndex({});
    return page;
}

QWidget *MainWindow::showAudit()
{
    if (!m_tenancy || !m_tenancy->isOpen())
        return nullptr;
    const QString key = QStringLiteral("audit");
    QWidget *page = m_pageCache.value(key);
    if (!page) {
        page = new AuditPage(m_tenancy);
        m_pageCache.insert(key, page);
        m_pages->addWidget(page);
    }
    m_pages->setCurrentWidget(page);
    m_nav->setCurrentIndex({});
    return page;
}

QWidget *MainWindow::showDashboard(const QString &tenant)
{
    if (!m_tenancy || !m_tenancy->isOpen())
        return nullptr;
    if (m_tenancy->isTenant() && tenant != m_tenancy->principal().tenant)
        return nullptr;
    const QString key = QStringLiteral("dashboard/") + tenant;
    QWidget *page = m_pageCache.value(key);
    if (!page) {
        page = new TenantDashboard(m_tenancy, tenant);
        m_pageCache.insert(key, page);
        m_pages->addWidget(page);
    }
    m_pages->setCurrentWidget(page);
    m_nav->setCurrentIndex({});
    return page;
}

} // namespace Wharf::Ui
