#include "containerspage.h"
#include "docker/containerstate.h"
#include "limitsdialog.h"
#include "widgets/listpage.h"

#include "containerdetailsdialog.h"
#include "createcontainerdialog.h"
#include "docker/dockerclient.h"
#include "hosts/hostconnection.h"
#include "inventory/containerlistmodel.h"
#include "inventory/resourcelistmodel.h"
#include "monitoring/statsfeed.h"

#include <QComboBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace Wharf::Ui {

using namespace Models;
using Action = HostConnection::Action;

ContainersPage::ContainersPage(HostConnection *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_stats(new StatsMonitor(host, this))
    , m_table(new QTableView)
    , m_filter(new QLineEdit)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_message(new QLabel)
{
    confirm = [this](const QString &q) {
        return QMessageBox::question(this, tr("Remove containers"), q) == QMessageBox::Yes;
    };
    auto *toolbar = new QToolBar;
    toolbar->addAction(tr("Create…"), this, [this] { createContainer(); });
    toolbar->addSeparator();
    const struct
    {
        QString text;
        Action action;
    } actions[] = {{tr("Start"), Action::Start},     {tr("Stop"), Action::Stop},       {tr("Restart"), Action::Restart},
                   {tr("Pause"), Action::Pause},     {tr("Resume"), Action::Unpause}, {tr("Kill"), Action::Kill}};
    for (const auto &a : actions) {
        const Action act = a.action;
        m_selectionActions << toolbar->addAction(a.text, this, [this, act] { m_host->containerAction(act, selectedIds()); });
    }
    m_selectionActions << toolbar->addAction(tr("Limits…"), this, &ContainersPage::changeLimits);
    m_selectionActions << toolbar->addAction(tr("Remove…"), this, &ContainersPage::removeSelected);
    m_filter->setPlaceholderText(tr("Filter by name, image, state, ports…"));
    m_proxy->setSortRole(ContainerListModel::SortRole);
    setUpListPage(this, toolbar, m_filter, m_message, m_proxy, host->containers(), m_table, ContainerListModel::Name);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // Widths that fit every column in a 1280-pixel window; Created takes the rest.
    const int em = m_table->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const struct
    {
        int column, ems;
    } widths[] = {{ContainerListModel::Name, 13}, {ContainerListModel::Image, 15}, {ContainerListModel::State, 7},
                  {ContainerListModel::Status, 17}, {ContainerListModel::Ports, 20}, {ContainerListModel::Cpu, 5},
                  {ContainerListModel::Memory, 7}};
    for (const auto &w : widths)
        m_table->setColumnWidth(w.column, w.ems * em);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->setAlternatingRowColors(true);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ContainersPage::updateActions);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &i) {
        openDetails(i.data(ContainerListModel::IdRole).toString());
    });
    connect(host, &HostConnection::actionFailed, this, [this](const QString &msg) {
        m_message->setText(msg);
        m_message->show();
        QTimer::singleShot(15000, m_message, &QLabel::hide);
    });
    // Stats only for what is on screen: re-evaluated when rows move or the view scrolls.
    auto *watchTimer = m_watchTimer = new QTimer(this);
    watchTimer->setSingleShot(true);
    watchTimer->setInterval(300);
    connect(watchTimer, &QTimer::timeout, this, &ContainersPage::updateWatched);
    auto poke = [watchTimer] { watchTimer->start(); };
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, poke);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, poke);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, poke);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, poke);
    connect(host->containers(), &ContainerListModel::containersChanged, this, poke);
    updateActions();
}

QStringList ContainersPage::selectedIds() const
{
    QStringList ids;
    for (const auto &i : m_table->selectionModel()->selectedRows())
        ids << i.data(ContainerListModel::IdRole).toString();
    return ids;
}

void ContainersPage::updateActions()
{
    const bool any = m_table->selectionModel()->hasSelection();
    for (auto *a : std::as_const(m_selectionActions))
        a->setEnabled(any);
}

void ContainersPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_watchTimer->start(0);
}

void ContainersPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_watchTimer->start(0);
}

void ContainersPage::updateWatched()
{
    if (!isVisible()) {
        m_stats->watch({});
        return;
    }
    QStringList ids;
    const int first = std::max(0, m_table->rowAt(0));
    int last = m_table->rowAt(m_table->viewport()->height() - 1);
    if (last < 0)
        last = m_proxy->rowCount() - 1;
    for (int r = first; r <= last && r < m_proxy->rowCount(); ++r)
        ids << m_proxy->index(r, 0).data(ContainerListModel::IdRole).toString();
    m_stats->watch(ids);
}

void ContainersPage::removeSelected()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    QStringList names, running;
    for (const auto &id : ids) {
        const ContainerRow *r = m_host->containers()->row(id);
        names << (r ? r->name : id.left(12));
        if (r && (Backends::containerState(r->state) == Backends::ContainerState::Running || Backends::containerState(r->state) == Backends::ContainerState::Paused || Backends::containerState(r->state) == Backends::ContainerState::Restarting))
            running << r->name;
    }
    QString q = tr("Remove %n container(s): %1?", nullptr, int(ids.size())).arg(names.join(QStringLiteral(", ")));
    if (!running.isEmpty())
        q += QLatin1Char('\n') + tr("Running containers are stopped first: %1.").arg(running.join(QStringLiteral(", ")));
    if (!confirm(q))
        return;
    m_host->containerAction(running.isEmpty() ? Action::Remove : Action::ForceRemove, ids);
}

void ContainersPage::createContainer(const QString &image)
{
    // Offer the host's images and networks.
    QStringList networks;
    for (int r = 0; r < m_host->networks()->rowCount(); ++r)
        networks << m_host->networks()->objectAt(r).value(QLatin1String("Name")).toString();
    QStringList tags;
    for (int r = 0; r < m_host->images()->rowCount(); ++r) {
        const QJsonObject o = m_host->images()->objectAt(r);
        if (!o.value(QLatin1String("Dangling")).toBool())
            tags << o.value(QLatin1String("Reference")).toString();
    }
    tags.sort();
    auto *dialog = new CreateContainerDialog(tags, networks, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!image.isEmpty())
        dialog->imageField()->setCurrentText(image);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { m_host->createContainer(dialog->spec(), dialog->startAfterCreate()); });
    dialog->open();
}

LimitsDialog *ContainersPage::changeLimits()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return nullptr;
    QStringList names;
    for (const auto &id : ids)
        names << (m_host->containers()->row(id) ? m_host->containers()->row(id)->name : id.left(12));
    auto *dialog = new LimitsDialog(names, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, ids] {
        for (const auto &id : ids)
            m_host->updateContainer(id, dialog->nanoCpus(), dialog->memoryBytes());
    });
    dialog->open();
    return dialog;
}

void ContainersPage::openDetails(const QString &id)
{
    auto *d = new ContainerDetailsDialog(m_host, id, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->show();
}

} // namespace Wharf::Ui
