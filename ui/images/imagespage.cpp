#include "imagespage.h"

#include "builddialog.h"
#include "imagedetailsdialog.h"
#include "widgets/listpage.h"

#include "docker/dockerclient.h"
#include "hosts/hostconnection.h"
#include "images/imageactions.h"
#include "inventory/resourcelistmodel.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolBar>

namespace Wharf::Ui {

using namespace Models;

namespace {
// The filter box over every column, and "dangling only".
class ImageFilterProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    bool danglingOnly = false;
    void refresh() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (danglingOnly) {
            const QModelIndex i = sourceModel()->index(row, 0, parent);
            if (!i.data(ResourceListModel::JsonRole).toJsonObject().value(QLatin1String("Dangling")).toBool())
                return false;
        }
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }
};
} // namespace

ImagesPage::ImagesPage(HostConnection *host, ImageActions *actions, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_actions(actions)
    , m_table(new QTableView)
    , m_filter(new QLineEdit)
    , m_proxy(new ImageFilterProxy(this))
    , m_message(new QLabel)
    , m_dangling(new QCheckBox(tr("Dangling only")))
{
    confirm = [this](const QString &q) { return QMessageBox::question(this, tr("Images"), q) == QMessageBox::Yes; };
    confirmForce = confirm;
    askText = [this](const QString &title, const QString &label, const QString &initial) {
        return QInputDialog::getText(this, title, label, QLineEdit::Normal, initial);
    };
    askFile = [this](bool save, const QString &title) {
        const QString filter = tr("Tar archives (*.tar);;All files (*)");
        return save ? QFileDialog::getSaveFileName(this, title, {}, filter) : QFileDialog::getOpenFileName(this, title, {}, filter);
    };
    auto *toolbar = new QToolBar;
    toolbar->addAction(tr("Pull…"), this, &ImagesPage::pull);
    toolbar->addAction(tr("Build…"), this, &ImagesPage::build);
    toolbar->addAction(tr("Run…"), this, &ImagesPage::runSelected);
    toolbar->addAction(tr("Push"), this, &ImagesPage::pushSelected);
    toolbar->addAction(tr("Tag…"), this, &ImagesPage::tagSelected);
    toolbar->addAction(tr("Details"), this, &ImagesPage::detailsSelected);
    toolbar->addAction(tr("Remove…"), this, &ImagesPage::removeSelected);
    toolbar->addSeparator();
    toolbar->addAction(tr("Prune…"), this, &ImagesPage::prune);
    toolbar->addAction(tr("Save…"), this, &ImagesPage::saveSelected);
    toolbar->addAction(tr("Load…"), this, &ImagesPage::load);
    toolbar->addAction(tr("Import…"), this, &ImagesPage::importTar);
    toolbar->addWidget(m_dangling);
    m_filter->setPlaceholderText(tr("Filter images"));
    setUpListPage(this, toolbar, m_filter, m_message, m_proxy, host->images(), m_table, 0);
    m_table->setColumnWidth(0, 300);
    m_table->setColumnWidth(3, 150);
    // One line a row: a long "in use by" list is elided (the whole list is in the details).
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    connect(m_dangling, &QCheckBox::toggled, this, [this](bool on) {
        static_cast<ImageFilterProxy *>(m_proxy)->danglingOnly = on;
        static_cast<ImageFilterProxy *>(m_proxy)->refresh();
    });
    connect(m_table, &QTableView::doubleClicked, this, &ImagesPage::detailsSelected);
    connect(actions, &ImageActions::failed, this, [this](const QString &title, const QString &message) {
        showMessage(tr("%1: %2").arg(title, message));
    });
}

void ImagesPage::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QStringList ImagesPage::selectedReferences() const
{
    QStringList out;
    for (const auto &i : m_table->selectionModel()->selectedRows())
        out << i.data(ResourceListModel::JsonRole).toJsonObject().value(QLatin1String("Reference")).toString();
    return out;
}

void ImagesPage::pull()
{
    const QString ref = askText(tr("Pull image"), tr("Image (name[:tag] or registry/name[:tag]):"), {}).trimmed();
    if (ref.isEmpty())
        return;
    showMessage({});
    m_actions->pull(ref);
}

void ImagesPage::pushSelected()
{
    const QStringList refs = selectedReferences();
    if (refs.isEmpty())
        return showMessage(tr("Select an image to push."));
    showMessage({});
    for (const QString &r : refs) {
        if (r.startsWith(QLatin1String("sha256:"))) {
            showMessage(tr("An image without a tag cannot be pushed: tag it first."));
            continue;
        }
        m_actions->push(r);
    }
}

void ImagesPage::tagSelected()
{
    const QStringList refs = selectedReferences();
    if (refs.size() != 1)
        return showMessage(tr("Select one image to tag."));
    const QString target = askText(tr("Tag image"), tr("New name for %1 (registry/name:tag):").arg(refs.first()), refs.first()).trimmed();
    if (target.isEmpty() || target == refs.first())
        return;
    showMessage({});
    m_actions->tag(refs.first(), target);
}

void ImagesPage::removeSelected()
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return showMessage(tr("Select the images to remove."));
    QStringList refs, users;
    for (const auto &i : rows) {
        refs << i.data(ResourceListModel::JsonRole).toJsonObject().value(QLatin1String("Reference")).toString();
        users += i.data(ResourceListModel::UsedByRole).toStringList();
    }
    users.removeDuplicates();
    QString q = tr("Remove %1?").arg(refs.join(QStringLiteral(", ")));
    bool force = false;
    if (!users.isEmpty()) {
        q += QLatin1Char('\n') + tr("In use by: %1.").arg(users.join(QStringLiteral(", ")));
        q += QLatin1Char('\n') + tr("Remove anyway (force)? The containers keep running on the image's layers.");
        if (!confirmForce(q))
            return;
        force = true;
    } else if (!confirm(q)) {
        return;
    }
    showMessage({});
    m_actions->remove(refs, force);
}

void ImagesPage::prune()
{
    if (!confirm(tr("Remove every dangling image (untagged and unused)?")))
        return;
    showMessage({});
    m_actions->prune(false);
}

void ImagesPage::saveSelected()
{
    const QStringList refs = selectedReferences();
    if (refs.isEmpty())
        return showMessage(tr("Select the images to save."));
    const QString path = askFile(true, tr("Save images to a tar file"));
    if (path.isEmpty())
        return;
    showMessage({});
    m_actions->save(refs, path);
}

void ImagesPage::load()
{
    const QString path = askFile(false, tr("Load images from a tar file"));
    if (path.isEmpty())
        return;
    showMessage({});
    m_actions->load(path);
}

void ImagesPage::importTar()
{
    const QString path = askFile(false, tr("Import a root file system (tar)"));
    if (path.isEmpty())
        return;
    const QString ref = askText(tr("Import image"), tr("Name the new image (name:tag, may be empty):"), {}).trimmed();
    showMessage({});
    m_actions->importTar(path, ref, {});
}

BuildDialog *ImagesPage::build()
{
    auto *d = new BuildDialog(m_actions, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &BuildDialog::runRequested, this, &ImagesPage::runRequested);
    d->show();
    return d;
}

void ImagesPage::runSelected()
{
    const QStringList refs = selectedReferences();
    Q_EMIT runRequested(refs.value(0));
}

void ImagesPage::detailsSelected()
{
    const QStringList refs = selectedReferences();
    if (refs.isEmpty())
        return;
    auto *d = new ImageDetailsDialog(m_host, refs.first(), this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->show();
}

} // namespace Wharf::Ui
