#include "appspage.h"

#include "apps/appactions.h"
#include "apps/applistmodel.h"
#include "apps/appspec.h"
#include "compose/loader.h"
#include "hosts/hostconnection.h"
#include "inventory/containerlistmodel.h"
#include "widgets/listpage.h"
#include "editor/composeeditor.h"
#include "inventory/resourcelistmodel.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace Wharf::Ui {

using namespace Models;
using namespace Models::Apps;

// The containers of one app.
class AppContainersProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setApp(const QString &app)
    {
        m_app = app;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        auto *m = static_cast<ContainerListModel *>(sourceModel());
        return !m_app.isEmpty() && m->rowAt(row).labels.value(QLatin1String(Label::Project)).toString() == m_app;
    }

private:
    QString m_app;
};

namespace {

// The plan, as a diff, before anything changes.
bool showPlanDialog(QWidget *parent, const QString &app, const DeployPlan &plan, bool *atomic)
{
    QDialog d(parent);
    d.setWindowTitle(QCoreApplication::translate("Wharf::Ui::AppsPage", "Deploy %1").arg(app));
    auto *layout = new QVBoxLayout(&d);
    auto *text = new QPlainTextEdit;
    text->setReadOnly(true);
    text->setPlainText(plan.toText());
    text->setMinimumSize(560, 260);
    layout->addWidget(new QLabel(QCoreApplication::translate("Wharf::Ui::AppsPage", "What the deploy will change (+ create, ~ recreate, - remove, = unchanged):")));
    layout->addWidget(text);
    auto *atomicBox = new QCheckBox(QCoreApplication::translate("Wharf::Ui::AppsPage", "Atomic: if any step fails, put everything back as it was"));
    layout->addWidget(atomicBox);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    buttons->addButton(QCoreApplication::translate("Wharf::Ui::AppsPage", "Deploy"), QDialogButtonBox::AcceptRole)->setEnabled(plan.error.isEmpty());
    if (!plan.error.isEmpty())
        layout->addWidget(new QLabel(plan.error));
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &d, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &d, &QDialog::reject);
    const bool ok = d.exec() == QDialog::Accepted;
    *atomic = atomicBox->isChecked();
    return ok;
}

} // namespace

AppsPage::AppsPage(HostConnection *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_apps(new AppListModel(host->containers(), this))
    , m_actions(new AppActions(host, this))
    , m_table(new QTableView)
    , m_filter(new QLineEdit)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_message(new QLabel)
    , m_containers(new QTableView)
    , m_containersProxy(new AppContainersProxy(this))
{
    chooseFile = [this] {
        return QFileDialog::getOpenFileName(this, tr("Deploy a compose file"), QString(), tr("Compose files (*.yaml *.yml);;All files (*)"));
    };
    confirmPlan = [this](const QString &app, const DeployPlan &plan, bool *atomic) { return showPlanDialog(this, app, plan, atomic); };
    confirmRemove = [this](const QString &question, bool *alsoVolumes) {
        QMessageBox box(QMessageBox::Question, tr("Remove app"), question, QMessageBox::Yes | QMessageBox::No, this);
        auto *volumes = new QCheckBox(tr("Also remove the app's volumes (their data is lost)"));
        box.setCheckBox(volumes);
        const bool yes = box.exec() == QMessageBox::Yes;
        *alsoVolumes = volumes->isChecked();
        return yes;
    };

    auto *toolbar = new QToolBar;
    toolbar->addAction(tr("Deploy…"), this, [this] {
        const QString path = chooseFile();
        if (!path.isEmpty())
            deployFile(path);
    });
    toolbar->addAction(tr("New app…"), this, [this] { openEditor({}); });
    toolbar->addAction(tr("Edit…"), this, [this] {
        const AppSummary *a = m_apps->app(selectedApp());
        if (!a || a->configFiles.isEmpty()) {
            showError(tr("Select an app deployed from a file on this computer."));
            return;
        }
        openEditor(a->configFiles.first());
    });
    toolbar->addSeparator();
    toolbar->addAction(tr("Start"), this, [this] { actOnSelected(AppDeployer::Verb::Start); });
    toolbar->addAction(tr("Stop"), this, [this] { actOnSelected(AppDeployer::Verb::Stop); });
    toolbar->addAction(tr("Restart"), this, [this] { actOnSelected(AppDeployer::Verb::Restart); });
    toolbar->addAction(tr("Remove…"), this, [this] { actOnSelected(AppDeployer::Verb::Down); });
    m_filter->setPlaceholderText(tr("Filter apps"));
    m_proxy->setSortRole(AppListModel::SortRole);

    // the list page's layout, with the selected app's containers under the list
    auto *top = new QWidget;
    setUpListPage(top, toolbar, m_filter, m_message, m_proxy, m_apps, m_table, AppListModel::Name);
    m_table->setColumnWidth(AppListModel::Name, 180);
    m_table->setColumnWidth(AppListModel::Services, 200);
    m_table->setColumnWidth(AppListModel::Ports, 230);
    m_table->setWordWrap(false);
    m_containers->setWordWrap(false);
    m_containersProxy->setSourceModel(host->containers());
    m_containers->setModel(m_containersProxy);
    m_containers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_containers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_containers->verticalHeader()->hide();
    m_containers->horizontalHeader()->setStretchLastSection(true);
    m_containers->setColumnWidth(ContainerListModel::Name, 200);
    auto *bottom = new QWidget;
    auto *bl = new QVBoxLayout(bottom);
    bl->setContentsMargins(0, 0, 0, 0);
    auto *caption = new QLabel(tr("Containers of the selected app"));
    bl->addWidget(caption);
    bl->addWidget(m_containers);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AppsPage::selectionChanged);
    connect(m_actions, &AppActions::failed, this, &AppsPage::showError);
    connect(m_actions, &AppActions::finished, this, [this](const QString &app) {
        m_message->hide();
        Q_EMIT deployed(app);
    });
}

ComposeEditor *AppsPage::openEditor(const QString &path)
{
    auto *editor = new ComposeEditor;
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->setWindowFlag(Qt::Window);
    editor->resize(1200, 760);
    QStringList images;
    for (int r = 0; r < m_host->images()->rowCount(); ++r) {
        const QJsonObject image = m_host->images()->index(r, 0).data(Models::ResourceListModel::JsonRole).toJsonObject();
        for (const auto &tag : image.value(QLatin1String("RepoTags")).toArray())
            if (!tag.toString().contains(QLatin1String("<none>")))
                images << tag.toString();
    }
    images.sort();
    editor->setImages(images);
    auto title = [editor, this](const QString &file) {
        editor->setWindowTitle(tr("%1 — orchestration editor — %2").arg(file.isEmpty() ? tr("new app") : QFileInfo(file).fileName(), m_host->config().name));
    };
    connect(editor, &ComposeEditor::titleChanged, editor, title);
    title(path);
    editor->deploy = [this](const QString &file) { deployFile(file); };
    if (!path.isEmpty())
        editor->openFile(path);
    editor->show();
    return editor;
}

void AppsPage::showError(const QString &text)
{
    m_message->setText(text);
    m_message->show();
}

QString AppsPage::selectedApp() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(AppListModel::NameRole).toString();
}

void AppsPage::selectApp(const QString &name)
{
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        if (m_proxy->index(r, 0).data(AppListModel::NameRole).toString() == name) {
            m_table->selectRow(r);
            return;
        }
}

void AppsPage::selectionChanged()
{
    m_containersProxy->setApp(selectedApp());
}

void AppsPage::deployFile(const QString &path)
{
    m_message->hide();
    Backends::Compose::LoadOptions o;
    o.files << path;
    o.environment = Backends::Compose::LoadOptions::processEnvironment();
    // reading and checking a big file is work for a worker thread, not the window's
    auto *watcher = new QFutureWatcher<Backends::Compose::LoadResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        planLoaded(path, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([o] { return Backends::Compose::load(o); }));
}

void AppsPage::planLoaded(const QString &path, const Backends::Compose::LoadResult &loaded)
{
    if (!loaded.ok()) {
        QStringList lines;
        for (const auto &d : loaded.errors())
            lines << d.toString();
        showError(tr("%1 cannot be deployed:\n%2").arg(QFileInfo(path).fileName(), lines.join(QLatin1Char('\n'))));
        return;
    }
    const Backends::Compose::Project project = *loaded.project;
    m_actions->plan(project, [this, project](const Backends::Expected<DeployPlan> &plan) {
        if (!plan)
            return showError(plan.error().message);
        bool atomic = false;
        if (!confirmPlan(project.name, *plan, &atomic))
            return;
        m_actions->deploy(project, *plan, atomic);
    });
}

void AppsPage::actOnSelected(AppDeployer::Verb verb)
{
    const QString app = selectedApp();
    if (app.isEmpty()) {
        showError(tr("Select an app first."));
        return;
    }
    m_message->hide();
    if (verb == AppDeployer::Verb::Down || verb == AppDeployer::Verb::DownWithVolumes) {
        bool volumes = false;
        if (!confirmRemove(tr("Remove the app %1: stop and remove its containers and networks?").arg(app), &volumes))
            return;
        verb = volumes ? AppDeployer::Verb::DownWithVolumes : AppDeployer::Verb::Down;
    }
    m_actions->act(app, verb);
}

} // namespace Wharf::Ui
