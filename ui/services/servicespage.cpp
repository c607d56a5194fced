#include "servicespage.h"

#include "core/shellwords.h"
#include "docker/containerspec.h"
#include "hosts/hostconnection.h"
#include "services/servicelistmodel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Wharf::Ui {

using Backends::ContainerSpec;
using Backends::Error;
using Backends::Expected;
using Models::Services::Replica;
using Models::Services::ServiceListModel;
using Models::Services::ServiceSpec;

ServiceDialog::ServiceDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("New service"));
    auto *form = new QFormLayout;
    m_name = new QLineEdit;
    m_name->setPlaceholderText(tr("web"));
    m_image = new QLineEdit;
    m_image->setPlaceholderText(tr("nginx:1.27"));
    m_command = new QLineEdit;
    m_command->setPlaceholderText(tr("the image's own command"));
    m_replicas = new QSpinBox;
    m_replicas->setRange(0, ServiceSpec::MaxReplicas);
    m_replicas->setValue(2);
    m_publish = new QLineEdit;
    m_publish->setPlaceholderText(tr("8080:80/http, 127.0.0.1:5432:5432"));
    m_health = new QLineEdit;
    m_health->setPlaceholderText(tr("/healthz (empty: the image's own check)"));
    m_cpus = new QLineEdit;
    m_cpus->setPlaceholderText(tr("0.5 (empty: no limit)"));
    m_memory = new QLineEdit;
    m_memory->setPlaceholderText(tr("256m (empty: no limit)"));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Image:"), m_image);
    form->addRow(tr("&Command:"), m_command);
    form->addRow(tr("&Replicas:"), m_replicas);
    form->addRow(tr("&Published at the router:"), m_publish);
    form->addRow(tr("&HTTP health check path:"), m_health);
    form->addRow(tr("C&PUs per replica:"), m_cpus);
    form->addRow(tr("&Memory per replica:"), m_memory);
    m_problem = new QLabel;
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: palette(highlight)"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
}

Expected<ServiceSpec> ServiceDialog::spec() const
{
    ServiceSpec s;
    s.name = m_name->text().trimmed();
    s.replicas = m_replicas->value();
    ContainerSpec c;
    c.image = m_image->text().trimmed();
    if (!m_command->text().trimmed().isEmpty()) {
        auto words = Backends::splitShellWords(m_command->text());
        if (!words)
            return Error::make(Error::Input, tr("The command has an unclosed quote."));
        c.command = *words;
    }
    if (!m_cpus->text().trimmed().isEmpty()) {
        auto cpus = ContainerSpec::parseCpus(m_cpus->text().trimmed());
        if (!cpus)
            return cpus.error();
        c.nanoCpus = *cpus;
    }
    if (!m_memory->text().trimmed().isEmpty()) {
        auto memory = ContainerSpec::parseMemory(m_memory->text().trimmed());
        if (!memory)
            return memory.error();
        c.memoryBytes = *memory;
    }
    s.container = c.toCreateBody();
    for (const QString &p : m_publish->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        auto e = ServiceSpec::parsePublish(p);
        if (!e)
            return e.error();
        s.endpoints << *e;
    }
    if (!m_health->text().trimmed().isEmpty()) {
        s.health.kind = Models::Services::HealthCheck::Kind::Http;
        s.health.path = m_health->text().trimmed();
    }
    if (Error e = s.validate(); e.isError())
        return e;
    return s;
}

void ServiceDialog::done(int result)
{
    if (result == QDialog::Accepted) {
        const auto s = spec();
        if (!s) {
            m_problem->setText(s.error().message);
            return;
        }
    }
    QDialog::done(result);
}

ServicesPage::ServicesPage(Models::HostConnection *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_model(new ServiceListModel(host, this))
{
    askSpec = [this]() -> std::optional<ServiceSpec> {
        ServiceDialog d(this);
        if (d.exec() != QDialog::Accepted)
            return std::nullopt;
        return *d.spec();
    };
    askReplicas = [this](const QString &service, int current) -> std::optional<int> {
        bool ok = false;
        const int n = QInputDialog::getInt(this, tr("Scale %1").arg(service), tr("Replicas of %1:").arg(service), current, 0, ServiceSpec::MaxReplicas, 1, &ok);
        return ok ? std::optional<int>(n) : std::nullopt;
    };
    askImage = [this](const QString &service, const QString &current) -> std::optional<QString> {
        bool ok = false;
        const QString image = QInputDialog::getText(this, tr("Update %1").arg(service), tr("New image of %1 (its replicas are replaced one batch at a time):").arg(service),
                                                    QLineEdit::Normal, current, &ok);
        return ok && !image.trimmed().isEmpty() ? std::optional<QString>(image.trimmed()) : std::nullopt;
    };
    confirm = [this](const QString &question) { return QMessageBox::question(this, tr("Services"), question) == QMessageBox::Yes; };

    auto *bar = new QHBoxLayout;
    auto button = [this, bar](const QString &text, void (ServicesPage::*slot)(), bool needsSelection) {
        auto *b = new QPushButton(text);
        connect(b, &QPushButton::clicked, this, slot);
        bar->addWidget(b);
        if (needsSelection)
            m_selectionButtons << b;
        return b;
    };
    button(tr("&New service…"), &ServicesPage::newService, false);
    button(tr("&Scale…"), &ServicesPage::scaleSelected, true);
    button(tr("&Update image…"), &ServicesPage::updateImageOfSelected, true);
    button(tr("Roll &back"), &ServicesPage::rollbackSelected, true);
    button(tr("Re&start"), &ServicesPage::restartSelected, true);
    button(tr("&Remove"), &ServicesPage::removeSelected, true);
    bar->addStretch();

    m_message = new QLabel;
    m_message->setWordWrap(true);
    m_table = new QTableView;
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int c : {ServiceListModel::Name, ServiceListModel::Image, ServiceListModel::Replicas, ServiceListModel::Endpoints, ServiceListModel::Status})
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_replicas = new QStandardItemModel(0, 6, this);
    m_replicas->setHorizontalHeaderLabels({tr("Replica"), tr("Number"), tr("State"), tr("Health"), tr("Address"), tr("Configuration")});
    m_replicasView = new QTableView;
    m_replicasView->setModel(m_replicas);
    m_replicasView->verticalHeader()->hide();
    m_replicasView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_replicasView->horizontalHeader()->setStretchLastSection(true);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_table);
    split->addWidget(m_replicasView);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        showReplicas();
        updateButtons();
    });
    connect(m_model, &ServiceListModel::refreshed, this, [this] {
        showReplicas();
        updateButtons();
    });
    connect(m_model, &ServiceListModel::failed, this, [this](const QString &m) { m_message->setText(m); });
    if (!m_model->available())
        m_message->setText(tr("Services keep their desired state in the platform database: open one with File → Database."));
    updateButtons();
}

void ServicesPage::showEvent(QShowEvent *e)
{
    QWidget::showEvent(e);
    m_model->setActive(true);
}

void ServicesPage::hideEvent(QHideEvent *e)
{
    QWidget::hideEvent(e);
    m_model->setActive(false);
}

QString ServicesPage::selectedService() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->recordAt(rows.first().row()).name;
}

void ServicesPage::selectService(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row >= 0)
        m_table->selectRow(row);
}

void ServicesPage::updateButtons()
{
    const bool any = !selectedService().isEmpty() && m_model->available();
    for (QPushButton *b : std::as_const(m_selectionButtons))
        b->setEnabled(any);
}

void ServicesPage::showReplicas()
{
    const QString name = selectedService();
    const int row = m_model->rowOf(name);
    const QString hash = row >= 0 ? m_model->specAt(row).configHash() : QString();
    m_replicas->removeRows(0, m_replicas->rowCount());
    for (const Replica &r : m_model->replicasOf(name)) {
        QList<QStandardItem *> items{new QStandardItem(r.name),
                                     new QStandardItem(QString::number(r.number)),
                                     new QStandardItem(r.state),
                                     new QStandardItem(r.health.isEmpty() ? tr("no check") : r.health),
                                     new QStandardItem(r.address),
                                     new QStandardItem(r.configHash == hash ? tr("current") : tr("previous"))};
        m_replicas->appendRow(items);
    }
    m_replicasView->resizeColumnsToContents();
}

void ServicesPage::said(const QString &what, const Error &e)
{
    m_message->setText(e.isError() ? e.message : what);
    m_model->refresh();
}

void ServicesPage::newService()
{
    const auto spec = askSpec();
    if (!spec)
        return;
    const QString name = spec->name;
    m_model->actions()->create(*spec, [this, name](const Error &e) {
        said(tr("Service %1 created; its replicas start as the host's controller gets to them.").arg(name), e);
        if (!e.isError())
            connect(m_model, &ServiceListModel::refreshed, this, [this, name] { selectService(name); }, Qt::SingleShotConnection);
    });
}

void ServicesPage::scaleSelected()
{
    const QString name = selectedService();
    if (name.isEmpty())
        return;
    const auto n = askReplicas(name, m_model->specAt(m_model->rowOf(name)).replicas);
    if (!n)
        return;
    m_model->actions()->scale(name, *n, [this, name, n = *n](const Error &e) { said(tr("%1 is scaling to %2 replicas.").arg(name).arg(n), e); });
}

void ServicesPage::updateImageOfSelected()
{
    const QString name = selectedService();
    if (name.isEmpty())
        return;
    const auto image = askImage(name, m_model->specAt(m_model->rowOf(name)).image());
    if (!image)
        return;
    m_model->actions()->change(name, QStringLiteral("update"), [image = *image](ServiceSpec &s) {
        s.container.insert(QStringLiteral("Image"), image);
        return Error{};
    }, [this, name, image = *image](const Error &e) { said(tr("%1 is rolling out %2.").arg(name, image), e); });
}

void ServicesPage::rollbackSelected()
{
    const QString name = selectedService();
    if (name.isEmpty() || !confirm(tr("Roll %1 back to the configuration before its last change?").arg(name)))
        return;
    m_model->actions()->rollback(name, [this, name](const Error &e) { said(tr("%1 is rolling back.").arg(name), e); });
}

void ServicesPage::restartSelected()
{
    const QString name = selectedService();
    if (name.isEmpty())
        return;
    m_model->actions()->restart(name, [this, name](const Error &e) { said(tr("Every replica of %1 is being replaced, one batch at a time.").arg(name), e); });
}

void ServicesPage::removeSelected()
{
    const QString name = selectedService();
    if (name.isEmpty() || !confirm(tr("Remove service %1? Its replicas leave the router, drain and are removed.").arg(name)))
        return;
    m_model->actions()->remove(name, [this, name](const Error &e) { said(tr("Service %1 removed.").arg(name), e); });
}

} // namespace Wharf::Ui
