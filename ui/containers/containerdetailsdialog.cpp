#include "containerdetailsdialog.h"
#include "docker/containerstate.h"

#include "hosts/execsession.h"
#include "hosts/hostconnection.h"
#include "inventory/containerlistmodel.h"
#include "logs/logfollower.h"
#include "logs/logmodel.h"
#include "monitoring/statsfeed.h"
#include "widgets/statscharts.h"
#include "widgets/terminalwidget.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Wharf::Ui {

using namespace Backends;
using namespace Models;

static QTableWidget *makeTable(const QStringList &headers, const QList<QStringList> &rows)
{
    auto *t = new QTableWidget(int(rows.size()), int(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    for (int r = 0; r < rows.size(); ++r)
        for (int c = 0; c < rows[r].size() && c < headers.size(); ++c)
            t->setItem(r, c, new QTableWidgetItem(rows[r][c]));
    t->resizeColumnsToContents();
    return t;
}

ContainerDetailsDialog::ContainerDetailsDialog(HostConnection *host, const QString &containerId, QWidget *parent)
    : QDialog(parent)
    , m_host(host)
    , m_id(containerId)
    , m_tabs(new QTabWidget)
{
    setWindowTitle(tr("Container %1").arg(containerId.left(12)));
    resize(980, 680);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs);
    m_overview = new QWidget;
    m_tabs->addTab(m_overview, tr("Overview"));
    for (const auto &name : {tr("Environment"), tr("Ports"), tr("Mounts"), tr("Labels")})
        m_tabs->addTab(new QWidget, name);
    m_inspect = new QPlainTextEdit;
    m_inspect->setReadOnly(true);
    m_inspect->setFont(QFont(QStringLiteral("monospace")));
    m_tabs->addTab(m_inspect, tr("Inspect"));
    m_logs = new LogModel(200000, this);
    m_follower = new LogFollower(host, containerId, m_logs, this);
    m_tabs->addTab(buildLogsTab(), tr("Logs"));
    m_charts = new StatsCharts;
    m_tabs->addTab(m_charts, tr("Stats"));
    m_tabs->addTab(buildConsoleTab(), tr("Console"));

    m_stats = new StatsFeed(host->client(), containerId, 300, this);
    connect(m_stats, &StatsFeed::sampleAdded, m_charts, &StatsCharts::addSample);
    // Live charts pick up again when the host is back or the container runs again.
    auto resumeStats = [this] {
        const ContainerRow *r = m_host->containers()->row(m_id);
        if (m_host->state() == HostConnection::Up && r && Backends::containerState(r->state) == Backends::ContainerState::Running && !m_stats->isRunning())
            m_stats->start();
    };
    connect(m_host, &HostConnection::synced, m_stats, resumeStats);
    connect(m_host->containers(), &QAbstractItemModel::dataChanged, m_stats, resumeStats);
    loadInspect();
}

ContainerDetailsDialog::~ContainerDetailsDialog() = default;

void ContainerDetailsDialog::loadInspect()
{
    m_host->read(HostConnection::Read::Container, m_id, this, [this](const Expected<QJsonDocument> &o) {
        if (!o) {
            m_status->setText(tr("Cannot read the container: %1").arg(o.error().message));
            return;
        }
        showInspect(o->object());
    });
}

void ContainerDetailsDialog::showInspect(const QJsonObject &o)
{
    const QJsonObject cfg = o.value(QLatin1String("Config")).toObject();
    const QJsonObject st = o.value(QLatin1String("State")).toObject();
    const QJsonObject hc = o.value(QLatin1String("HostConfig")).toObject();
    m_tty = cfg.value(QLatin1String("Tty")).toBool();
    QString name = o.value(QLatin1String("Name")).toString();
    if (name.startsWith(QLatin1Char('/')))
        name.remove(0, 1);
    setWindowTitle(tr("Container %1").arg(name));
    m_status->setText(tr("%1 — %2").arg(name, st.value(QLatin1String("Status")).toString()));

    auto *form = new QFormLayout;
    auto add = [&](const QString &label, const QString &value) {
        auto *l = new QLabel(value);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->setWordWrap(true);
        form->addRow(label, l);
    };
    auto join = [](const QJsonValue &v) {
        QStringList s;
        for (const auto &x : v.toArray())
            s << x.toString();
        return s.join(QLatin1Char(' '));
    };
    add(tr("ID:"), o.value(QLatin1String("Id")).toString());
    add(tr("Name:"), name);
    add(tr("Image:"), cfg.value(QLatin1String("Image")).toString());
    add(tr("State:"), st.value(QLatin1String("Status")).toString());
    add(tr("Exit code:"), QString::number(st.value(QLatin1String("ExitCode")).toInt()));
    add(tr("Started:"), st.value(QLatin1String("StartedAt")).toString());
    add(tr("Command:"), join(cfg.value(QLatin1String("Cmd"))));
    add(tr("Entrypoint:"), join(cfg.value(QLatin1String("Entrypoint"))));
    add(tr("Restart policy:"), hc.value(QLatin1String("RestartPolicy")).toObject().value(QLatin1String("Name")).toString());
    const double mem = hc.value(QLatin1String("Memory")).toDouble();
    const double cpus = hc.value(QLatin1String("NanoCpus")).toDouble() / 1e9;
    add(tr("Memory limit:"), mem > 0 ? QString::number(mem / 1024 / 1024, 'f', 0) + QStringLiteral(" MiB") : tr("none"));
    add(tr("CPU limit:"), cpus > 0 ? QString::number(cpus) : tr("none"));
    delete m_overview->layout();
    qDeleteAll(m_overview->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly));
    m_overview->setLayout(form);

    QList<QStringList> env;
    for (const auto &e : cfg.value(QLatin1String("Env")).toArray()) {
        const QString s = e.toString();
        const int eq = s.indexOf(QLatin1Char('='));
        env << QStringList{s.left(eq), eq < 0 ? QString() : s.mid(eq + 1)};
    }
    QList<QStringList> ports;
    const QJsonObject pb = o.value(QLatin1String("NetworkSettings")).toObject().value(QLatin1String("Ports")).toObject();
    for (auto it = pb.begin(); it != pb.end(); ++it) {
        const QJsonArray binds = it.value().toArray();
        if (binds.isEmpty())
            ports << QStringList{it.key(), tr("not published")};
        for (const auto &b : binds)
            ports << QStringList{it.key(), b[QLatin1String("HostIp")].toString() + QLatin1Char(':') + b[QLatin1String("HostPort")].toString()};
    }
    QList<QStringList> mounts;
    for (const auto &m : o.value(QLatin1String("Mounts")).toArray())
        mounts << QStringList{m[QLatin1String("Type")].toString(),
                              m[QLatin1String("Name")].toString().isEmpty() ? m[QLatin1String("Source")].toString() : m[QLatin1String("Name")].toString(),
                              m[QLatin1String("Destination")].toString(), m[QLatin1String("RW")].toBool() ? tr("read-write") : tr("read-only")};
    QList<QStringList> labels;
    const QJsonObject lo = cfg.value(QLatin1String("Labels")).toObject();
    for (auto it = lo.begin(); it != lo.end(); ++it)
        labels << QStringList{it.key(), it.value().toString()};
    const struct
    {
        int tab;
        QStringList headers;
        QList<QStringList> rows;
    } tables[] = {{1, {tr("Name"), tr("Value")}, env},
                  {2, {tr("Container port"), tr("Host address")}, ports},
                  {3, {tr("Type"), tr("Source"), tr("Destination"), tr("Mode")}, mounts},
                  {4, {tr("Label"), tr("Value")}, labels}};
    for (const auto &t : tables) {
        const QString title = m_tabs->tabText(t.tab);
        QWidget *old = m_tabs->widget(t.tab);
        m_tabs->removeTab(t.tab);
        old->deleteLater();
        m_tabs->insertTab(t.tab, makeTable(t.headers, t.rows), title);
    }
    m_inspect->setPlainText(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
    if (st.value(QLatin1String("Running")).toBool())
        m_stats->start();
    restartLogs();
}

QWidget *ContainerDetailsDialog::buildLogsTab()
{
    auto *w = new QWidget;
    auto *bar = new QHBoxLayout;
    m_follow = new QCheckBox(tr("Follow"));
    m_follow->setChecked(true);
    m_timestamps = new QCheckBox(tr("Timestamps"));
    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Search the logs"));
    m_search->setClearButtonEnabled(true);
    auto *copy = new QPushButton(tr("Copy"));
    auto *save = new QPushButton(tr("Save…"));
    bar->addWidget(m_follow);
    bar->addWidget(m_timestamps);
    bar->addWidget(m_search, 1);
    bar->addWidget(copy);
    bar->addWidget(save);
    m_logFilter = new QSortFilterProxyModel(this);
    m_logFilter->setSourceModel(m_logs);
    m_logFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_logView = new QListView;
    m_logView->setModel(m_logFilter);
    m_logView->setUniformItemSizes(true); // constant-time layout with 100,000+ lines
    m_logView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_logView->setFont(QFont(QStringLiteral("monospace")));
    auto *layout = new QVBoxLayout(w);
    layout->addLayout(bar);
    layout->addWidget(m_logView);
    connect(m_search, &QLineEdit::textChanged, m_logFilter, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_follow, &QCheckBox::toggled, this, &ContainerDetailsDialog::restartLogs);
    connect(m_timestamps, &QCheckBox::toggled, m_logs, &LogModel::setShowTimestamps);
    m_logs->setShowTimestamps(false);
    m_logStatus = new QLabel;
    m_logStatus->setWordWrap(true);
    m_logStatus->hide();
    layout->addWidget(m_logStatus);
    connect(m_follower, &LogFollower::statusChanged, this, [this](const QString &text) {
        m_logStatus->setText(text);
        m_logStatus->setVisible(!text.isEmpty());
    });
    connect(m_logs, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow->isChecked())
            m_logView->scrollToBottom();
    });
    connect(copy, &QPushButton::clicked, this, [this] {
        QStringList lines;
        const auto sel = m_logView->selectionModel()->selectedIndexes();
        if (sel.isEmpty()) {
            for (int r = 0; r < m_logFilter->rowCount(); ++r)
                lines << m_logFilter->index(r, 0).data().toString();
        } else {
            for (const auto &i : sel)
                lines << i.data().toString();
        }
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
    });
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save logs"), m_id.left(12) + QStringLiteral(".log"));
        if (path.isEmpty())
            return;
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(m_logs->allText().toUtf8()) < 0 || !f.commit())
            m_status->setText(tr("Cannot save the logs to %1: %2").arg(path, f.errorString()));
    });
    return w;
}

void ContainerDetailsDialog::restartLogs()
{
    m_follower->start(m_follow->isChecked());
}

QWidget *ContainerDetailsDialog::buildConsoleTab()
{
    auto *w = new QWidget;
    auto *bar = new QHBoxLayout;
    m_shell = new QLineEdit(QStringLiteral("/bin/sh"));
    auto *connectBtn = new QPushButton(tr("Connect"));
    m_consoleStatus = new QLabel(tr("Run a command in the container with a terminal."));
    bar->addWidget(new QLabel(tr("Command:")));
    bar->addWidget(m_shell, 1);
    bar->addWidget(connectBtn);
    m_terminal = new TerminalWidget;
    auto *layout = new QVBoxLayout(w);
    layout->addLayout(bar);
    layout->addWidget(m_terminal, 1);
    layout->addWidget(m_consoleStatus);
    connect(connectBtn, &QPushButton::clicked, this, [this] { startConsole(m_shell->text()); });
    m_exec = new ExecSession(m_host, m_id, this);
    connect(m_terminal, &TerminalWidget::input, m_exec, &ExecSession::write);
    connect(m_terminal, &TerminalWidget::resized, m_exec, &ExecSession::resize);
    connect(m_exec, &ExecSession::output, m_terminal, &TerminalWidget::feed);
    connect(m_exec, &ExecSession::connected, this, [this] {
        m_consoleStatus->setText(tr("Connected."));
        m_terminal->setFocus();
    });
    connect(m_exec, &ExecSession::failed, this, [this](const QString &message) {
        m_consoleStatus->setText(tr("Cannot start the command: %1").arg(message));
    });
    connect(m_exec, &ExecSession::ended, this, [this](const QString &reason) {
        m_consoleStatus->setText(reason.isEmpty() ? tr("The session ended.") : tr("The session ended: %1").arg(reason));
    });
    return w;
}

void ContainerDetailsDialog::startConsole(const QString &command)
{
    m_consoleStatus->setText(tr("Connecting…"));
    m_exec->start(command, m_terminal->rows(), m_terminal->columns());
}

} // namespace Wharf::Ui
