#include "mainwindow.h"

#include "containers/containerspage.h"
#include "events/eventspage.h"
#include "hosts/addhostdialog.h"
#include "hosts/hostregistry.h"
#include "inventory/containerlistmodel.h"
#include "resources/resourcepage.h"
#include "tasks/taskmodel.h"

#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
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

static constexpr int HostIdRole = Qt::UserRole + 1;
static constexpr int KindRole = Qt::UserRole + 2;

MainWindow::MainWindow(HostRegistry *hosts, QWidget *parent)
    : QMainWindow(parent)
    , m_hosts(hosts)
    , m_nav(new QTreeView)
    , m_navModel(new QStandardItemModel(this))
    , m_pages(new QStackedWidget)
{
    setWindowTitle(tr("Wharf"));
    resize(1280, 780);

    // The call to action when there is no host yet.
    m_empty = new QWidget;
    auto *el = new QVBoxLayout(m_empty);
    auto *title = new QLabel(tr("<h2>No Docker host yet</h2><p>Add a host to manage its containers, volumes and networks: "
                                "the local socket, a TLS endpoint or (soon) SSH.</p>"));
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
    auto *split = new QSplitter;
    split->addWidget(m_nav);
    split->addWidget(m_pages);
    split->setStretchFactor(1, 1);
    setCentralWidget(split);

    auto *tasksDock = new QDockWidget(tr("Tasks"), this);
    tasksDock->setObjectName(QStringLiteral("tasksDock"));
    m_tasks = new QListView;
    m_tasks->setModel(hosts->tasks());
    tasksDock->setWidget(m_tasks);
    addDockWidget(Qt::BottomDockWidgetArea, tasksDock);
    connect(hosts->tasks(), &QAbstractItemModel::rowsInserted, m_tasks, &QListView::scrollToBottom);
    resizeDocks({tasksDock}, {110}, Qt::Vertical);

    auto *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Add host…"), this, &MainWindow::addHost);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    auto *view = menuBar()->addMenu(tr("&View"));
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
    connect(m_nav->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &i) {
        const QString host = i.data(HostIdRole).toString();
        int kind = i.data(KindRole).toInt();
        if (host.isEmpty())
            return;
        showPage(host, PageKind(kind ? kind : ContainersKind));
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
    g->setSelectable(false);
    m_navModel->appendRow(g);
    return g;
}

void MainWindow::addHostItems(HostConnection *c)
{
    auto *hostItem = new QStandardItem(c->config().name);
    hostItem->setData(c->config().id, HostIdRole);
    const struct
    {
        QString text;
        PageKind kind;
    } children[] = {{tr("Containers"), ContainersKind}, {tr("Volumes"), VolumesKind}, {tr("Networks"), NetworksKind}, {tr("Events"), EventsKind}};
    for (const auto &ch : children) {
        auto *item = new QStandardItem(ch.text);
        item->setData(c->config().id, HostIdRole);
        item->setData(int(ch.kind), KindRole);
        hostItem->appendRow(item);
    }
    groupItem(c->config().group)->appendRow(hostItem);
    m_nav->expandAll();
    auto *label = new QLabel;
    m_statusLabels.insert(c->config().id, label);
    statusBar()->addPermanentWidget(label);
    connect(c, &HostConnection::stateChanged, this, [this, c] { updateHostState(c); });
    updateHostState(c);
    updateEmptyState();
}

void MainWindow::removeHostItems(const QString &id)
{
    for (int g = m_navModel->rowCount() - 1; g >= 0; --g) {
        QStandardItem *group = m_navModel->item(g);
        for (int r = group->rowCount() - 1; r >= 0; --r)
            if (group->child(r)->data(HostIdRole).toString() == id)
                group->removeRow(r);
        if (group->rowCount() == 0)
            m_navModel->removeRow(g);
    }
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
    if (QLabel *l = m_statusLabels.value(c->config().id)) {
        l->setText(QStringLiteral("<span style=\"color:%1\">●</span> %2: %3")
                       .arg(colour.name(), c->config().name.toHtmlEscaped(), c->stateText().toHtmlEscaped()));
        l->setToolTip(c->reason());
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
        }
        m_pageCache.insert(key, page);
        m_pages->addWidget(page);
    }
    m_pages->setCurrentWidget(page);
    return page;
}

QWidget *MainWindow::currentPage() const
{
    return m_pages->currentWidget();
}

void MainWindow::addHost()
{
    AddHostDialog d(m_hosts->store(), m_hosts->credentials(), this);
    if (d.exec() == QDialog::Accepted && !d.addedId().isEmpty())
        showPage(d.addedId(), ContainersKind);
}

} // namespace Wharf::Ui
