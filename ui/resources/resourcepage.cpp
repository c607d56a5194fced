#include "resourcepage.h"
#include "widgets/listpage.h"

#include "hosts/hostconnection.h"
#include "inventory/resourcelistmodel.h"

#include <QDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace Wharf::Ui {

using namespace Models;

ResourcePage::ResourcePage(HostConnection *host, Kind kind, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_kind(kind)
    , m_table(new QTableView)
    , m_filter(new QLineEdit)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_message(new QLabel)
{
    confirm = [this](const QString &q) { return QMessageBox::question(this, tr("Remove"), q) == QMessageBox::Yes; };
    askName = [this](const QString &title, const QString &label) { return QInputDialog::getText(this, title, label); };
    auto *toolbar = new QToolBar;
    toolbar->addAction(tr("Create…"), this, &ResourcePage::create);
    toolbar->addAction(tr("Inspect"), this, &ResourcePage::inspectSelected);
    toolbar->addAction(tr("Remove…"), this, &ResourcePage::removeSelected);
    m_filter->setPlaceholderText(kind == Volumes ? tr("Filter volumes") : tr("Filter networks"));
    setUpListPage(this, toolbar, m_filter, m_message, m_proxy, kind == Volumes ? host->volumes() : host->networks(), m_table, 0);
    m_table->setColumnWidth(0, 220);
    connect(m_table, &QTableView::doubleClicked, this, &ResourcePage::inspectSelected);
    connect(host, &HostConnection::actionFailed, this, [this](const QString &m) {
        m_message->setText(m);
        m_message->show();
    });
}

void ResourcePage::create()
{
    const QString name = askName(m_kind == Volumes ? tr("Create volume") : tr("Create network"), tr("Name:")).trimmed();
    if (name.isEmpty() && m_kind == Networks)
        return;
    m_message->hide();
    if (m_kind == Volumes)
        m_host->createVolume(name, {});
    else
        m_host->createNetwork(name, {});
}

void ResourcePage::removeSelected()
{
    const auto rows = m_table->selectionModel()->selectedRows();
    for (const auto &i : rows) {
        const QString name = i.data(ResourceListModel::NameRole).toString();
        const QStringList users = i.data(ResourceListModel::UsedByRole).toStringList();
        QString q = tr("Remove %1?").arg(name);
        if (!users.isEmpty())
            q += QLatin1Char('\n') + tr("It is in use by: %1. The daemon will refuse while they exist.").arg(users.join(QStringLiteral(", ")));
        if (!confirm(q))
            continue;
        m_message->hide();
        if (m_kind == Volumes)
            m_host->removeVolume(name);
        else
            m_host->removeNetwork(i.data(ResourceListModel::KeyRole).toString());
    }
}

void ResourcePage::inspectSelected()
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QString key = rows.first().data(ResourceListModel::KeyRole).toString();
    using Read = Models::HostConnection::Read;
    m_host->read(m_kind == Volumes ? Read::Volume : Read::Network, key, this, [this, key](const Backends::Expected<QJsonDocument> &json) {
        if (!json) {
            m_message->setText(json.error().message);
            m_message->show();
            return;
        }
        auto *d = new QDialog(this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->setWindowTitle(tr("Inspect %1").arg(key.left(24)));
        auto *text = new QPlainTextEdit(QString::fromUtf8(json->toJson(QJsonDocument::Indented)));
        text->setReadOnly(true);
        text->setFont(QFont(QStringLiteral("monospace")));
        auto *l = new QVBoxLayout(d);
        l->addWidget(text);
        d->resize(640, 520);
        d->show();
    });
}

} // namespace Wharf::Ui
