#include "appspage.h"

#include "apps/appactions.h"
#include "apps/applistmodel.h"
#include "apps/applogs.h"
#include "apps/appspec.h"
#include "compose/loader.h"
#include "hosts/hostconnection.h"
#include "inventory/containerlistmodel.h"
#include "inventory/eventlistmodel.h"
#include "widgets/listpage.h"
#include "widgets/visiblerows.h"
#include "editor/composeeditor.h"
#include "inventory/resourcelistmodel.h"
#include "images/imageactions.h"
#include "registries/registryimages.h"
#include "monitoring/statsfeed.h"

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
#include <QFontDatabase>
#include <QScrollBar>
#include <QTabWidget>
#include <QTextCursor>
#include <QTableView>
#include <QTimer>
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

// The ids of these containers.
static QStringList idsOf(const QList<ObservedContainer> &containers)
{
    QStringList ids;
    for (const auto &c : containers)
        ids << c.id;
    return ids;
}

// The host's events about one app's containers (their labels come with each event).
class AppEventsProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setApp(const QString &app)
    {
        m_needle = app.isEmpty() ? QString() : QLatin1String(Label::Project) + QLatin1Char('=') + app;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        if (m_needle.isEmpty())
            return false;
        const QString attributes = sourceModel()->index(row, EventListModel::Attributes).data().toString();
        const qsizetype at = attributes.indexOf(m_needle);
        if (at < 0 || (at > 0 && attributes.at(at - 1) != QLatin1Char(' ')))
            return false;
        const qsizetype end = at + m_needle.size();
        return end == attributes.size() || attributes.at(end) == QLatin1Char(',');
    }

private:
    QString m_needle;
};

namespace {

// The plan, as a diff, before anything changes.
AppsPage::PlanChoice showPlanDialog(QWidget *parent, const QString &app, const DeployPlan &plan, bool canRebuild)
{
    AppsPage::PlanChoice choice;
    QDialog d(parent);
    d.setWindowTitle(QCoreApplication::translate("Wharf::Ui::AppsPage", "Deploy %1").arg(app));
    auto *layout = new QVBoxLayout(&d);
    auto *text = new QPlainTextEdit;
    text->setReadOnly(true);
    text->setPlainText(plan.toText());
    text->setMinimumSize(560, 260);
    layout->addWidget(new QLabel(QCoreApplication::translate("Wharf::Ui::AppsPage", "What the deploy will change (* pull or build, + create, ~ recreate, - remove, = unchanged):")));
    layout->addWidget(text);
    auto *atomicBox = new QCheckBox(QCoreApplication::translate("Wharf::Ui::AppsPage", "Atomic: if any step fails, put everything back as it was"));
    layout->addWidget(atomicBox);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    buttons->addButton(QCoreApplication::translate("Wharf::Ui::AppsPage", "Deploy"), QDialogButtonBox::AcceptRole)->setEnabled(plan.error.isEmpty());
    if (canRebuild && plan.count(PlanStep::Build) == 0) {
        // the built images are there: building them again is a choice, with its own plan
        QPushButton *rebuild = buttons->addButton(QCoreApplication::translate("Wharf::Ui::AppsPage", "Plan with images rebuilt"), QDialogButtonBox::ActionRole);
        QObject::connect(rebuild, &QPushButton::clicked, &d, [&d, &choice] {
            choice.rebuild = true;
            d.reject();
        });
    }
    if (!plan.error.isEmpty())
        layout->addWidget(new QLabel(plan.error));
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &d, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &d, &QDialog::reject);
    choice.deploy = d.exec() == QDialog::Accepted;
    choice.atomic = atomicBox->isChecked();
    return choice;
}

} // namespace

AppsPage::AppsPage(HostConnection *host, ImageActions *images, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_apps(new AppListModel(host->containers(), this))
    , m_actions(new AppActions(host, this))
    , m_stats(new StatsMonitor(host, this))
    , m_table(new QTableView)
    , m_filter(new QLineEdit)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_message(new QLabel)
    , m_containers(new QTableView)
    , m_containersProxy(new AppContainersProxy(this))
    , m_details(new QTabWidget)
    , m_logView(new QPlainTextEdit)
    , m_logs(new AppLogs(host->client(), this))
    , m_events(new QTableView)
    , m_eventsProxy(new AppEventsProxy(this))
{
    chooseFile = [this] {
        return QFileDialog::getOpenFileName(this, tr("Deploy a compose file"), QString(), tr("Compose files (*.yaml *.yml);;All files (*)"));
    };
    confirmPlan = [this](const QString &app, const DeployPlan &plan, bool canRebuild) { return showPlanDialog(this, app, plan, canRebuild); };
    m_images = images;
    if (images) {
        QPointer<ImageActions> guard(images);
        m_actions->setRegistryAuth([guard](const QString &reference, std::function<void(const Backends::RegistryAuth &)> then) {
            if (guard)
                guard->withAuth(reference, then);
            else
                then({});
        });
        m_actions->setRegistryLogins([guard](const QByteArray &dockerfile, std::function<void(const QList<Backends::RegistryAuth> &)> then) {
            if (guard)
                guard->withBuildLogins(dockerfile, then);
            else
                then({});
        });
    }
    confirmRemove = [this](const QString &question, bool *alsoVolumes) { return askToRemoveApp(this, question, alsoVolumes); };

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
    m_table->setColumnHidden(AppListModel::Host, true); // one host's page
    for (const auto &[column, width] : {std::pair{AppListModel::Name, 160}, {AppListModel::Services, 160}, {AppListModel::State, 100}, {AppListModel::Ports, 200},
                                        {AppListModel::Cpu, 60}, {AppListModel::Memory, 80}, {AppListModel::Created, 125}})
        m_table->setColumnWidth(column, width);
    m_table->setWordWrap(false);
    m_containers->setWordWrap(false);
    m_containersProxy->setSourceModel(host->containers());
    m_containers->setModel(m_containersProxy);
    m_containers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_containers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_containers->verticalHeader()->hide();
    m_containers->horizontalHeader()->setStretchLastSection(true);
    m_containers->setColumnWidth(ContainerListModel::Name, 200);
    // the selected app's details: its containers, the logs of all its services merged and
    // labelled by service (following), and its events
    m_details->addTab(m_containers, tr("Containers"));
    m_logView->setReadOnly(true);
    m_logView->setMaximumBlockCount(20000);
    m_logView->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_logView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_logView->setPlaceholderText(tr("Select an app to see the logs of all its services."));
    m_details->addTab(m_logView, tr("Logs"));
    m_eventsProxy->setSourceModel(host->events());
    m_events->setModel(m_eventsProxy);
    m_events->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_events->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_events->verticalHeader()->hide();
    m_events->horizontalHeader()->setStretchLastSection(true);
    m_events->setWordWrap(false);
    m_events->setColumnWidth(EventListModel::Time, 170);
    m_details->addTab(m_events, tr("Events"));
    connect(m_details, &QTabWidget::currentChanged, this, [this] { updateLogs(); });
    connect(m_logs, &AppLogs::lines, this, [this](const QList<AppLogLine> &lines) {
        int width = 0;
        for (const auto &l : lines)
            width = qMax(width, int(l.source.size()));
        m_logWidth = qMax(m_logWidth, width);
        QStringList text;
        text.reserve(lines.size());
        for (const auto &l : lines)
            text << l.source.leftJustified(m_logWidth) + QStringLiteral(" | ") + l.text;
        const bool atEnd = m_logView->verticalScrollBar()->value() >= m_logView->verticalScrollBar()->maximum() - 2;
        m_logView->appendPlainText(text.join(QLatin1Char('\n')));
        if (atEnd)
            m_logView->moveCursor(QTextCursor::End);
    });
    connect(m_logs, &AppLogs::finished, this, [this](const QString &error) {
        if (!error.isEmpty())
            m_logView->appendPlainText(tr("(the logs stopped: %1)").arg(error));
    });
    // a new container of the app (a deploy, a scale) joins the merged logs
    connect(host->containers(), &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_logsApp.isEmpty() && idsOf(appContainers(m_logsApp)) != m_logIds)
            updateLogs(true);
    });
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(top);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AppsPage::selectionChanged);
    m_visible = new VisibleRows(m_table, [this] { watchVisibleApps(); }, this);
    connect(m_apps, &QAbstractItemModel::dataChanged, m_visible, &VisibleRows::later); // an app's containers came or went (or a reading: cheap)
    connect(m_actions, &AppActions::failed, this, &AppsPage::showError);
    connect(m_actions, &AppActions::finished, this, [this](const QString &app) {
        m_message->hide();
        Q_EMIT deployed(app);
    });
}

void AppsPage::watchVisibleApps()
{
    QStringList ids;
    for (int r : m_visible->rows())
        ids << m_apps->containerIds(m_proxy->index(r, AppListModel::Name).data(AppListModel::NameRole).toString());
    m_stats->watch(ids);
}

void AppsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_visible->later();
}

void AppsPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_visible->stop();
    m_stats->watch({});
}

bool askToRemoveApp(QWidget *parent, const QString &question, bool *alsoVolumes)
{
    QMessageBox box(QMessageBox::Question, AppsPage::tr("Remove app"), question, QMessageBox::Yes | QMessageBox::No, parent);
    auto *volumes = new QCheckBox(AppsPage::tr("Also remove the app's volumes (their data is lost)"));
    box.setCheckBox(volumes);
    const bool yes = box.exec() == QMessageBox::Yes;
    *alsoVolumes = volumes->isChecked();
    return yes;
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
    // and the registries' (read in the background; the palette grows when they come)
    if (m_images && m_images->registries())
        listRegistryImages(m_images->registries(), m_images->credentials(), editor, [editor](const Models::RegistryImages &found) {
            editor->setRegistryImages(found.images);
            if (!found.errors.isEmpty())
                editor->palette()->setToolTip(tr("Not read: %1").arg(found.errors.join(QStringLiteral("; "))));
        });
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
    m_eventsProxy->setApp(selectedApp());
    updateLogs();
}

// The app's containers on this host, by service and replica.
QList<ObservedContainer> AppsPage::appContainers(const QString &app) const
{
    QList<ObservedContainer> containers;
    ContainerListModel *m = m_host->containers();
    for (int r = 0; r < m->rowCount(); ++r) {
        const ContainerRow &row = m->rowAt(r);
        if (row.labels.value(QLatin1String(Label::Project)).toString() != app)
            continue;
        ObservedContainer c;
        c.id = row.id;
        c.service = row.labels.value(QLatin1String(Label::Service)).toString();
        c.number = row.labels.value(QLatin1String(Label::Number)).toString().toInt();
        containers << c;
    }
    std::sort(containers.begin(), containers.end(), [](const ObservedContainer &a, const ObservedContainer &b) {
        return std::pair(a.service, a.number) < std::pair(b.service, b.number);
    });
    return containers;
}

// Streams the selected app's logs while the Logs tab is shown (and only then).
void AppsPage::updateLogs(bool containersChanged)
{
    const QString app = m_details->currentWidget() == m_logView ? selectedApp() : QString();
    if (app == m_logsApp && !containersChanged)
        return;
    m_logs->stop();
    m_logsApp = app;
    m_logIds.clear();
    if (!containersChanged)
        m_logView->clear();
    m_logWidth = 0;
    if (app.isEmpty() || !m_host->client())
        return;
    const QList<ObservedContainer> containers = appContainers(app);
    m_logIds = idsOf(containers);
    // after a change of containers only what is new is asked for (no tail again)
    m_logs->start(containers, containersChanged ? QStringLiteral("0") : QStringLiteral("200"), true);
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
    planAndConfirm(*loaded.project, false);
}

void AppsPage::planAndConfirm(const Backends::Compose::Project &project, bool rebuild)
{
    const bool canRebuild = std::any_of(project.services.cbegin(), project.services.cend(), [](const auto &s) { return s.build.has_value(); });
    m_actions->plan(project, [this, project, canRebuild](const Backends::Expected<DeployPlan> &plan) {
        if (!plan)
            return showError(plan.error().message);
        const PlanChoice choice = confirmPlan(project.name, *plan, canRebuild);
        if (choice.rebuild)
            return planAndConfirm(project, true);
        if (choice.deploy)
            m_actions->deploy(project, *plan, choice.atomic);
    }, rebuild);
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
