#include "hostoverviewpage.h"
#include "docker/containerstate.h"

#include "docker/format.h"
#include "hosts/hostconnection.h"
#include "inventory/containerlistmodel.h"
#include "monitoring/hostusage.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

namespace Wharf::Ui {

using namespace Models;
using Backends::formatBytes;

namespace {
QChart *makeChart(const QString &title, QLineSeries **series, QValueAxis **x, QValueAxis **y)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    *series = new QLineSeries;
    *x = new QValueAxis;
    (*x)->setRange(-300, 0);
    (*x)->setLabelFormat(QStringLiteral("%d s"));
    *y = new QValueAxis;
    (*y)->setRange(0, 1);
    chart->addSeries(*series);
    chart->addAxis(*x, Qt::AlignBottom);
    chart->addAxis(*y, Qt::AlignLeft);
    (*series)->attachAxis(*x);
    (*series)->attachAxis(*y);
    return chart;
}
} // namespace

HostOverviewPage::HostOverviewPage(HostConnection *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_usage(new HostUsage(host, this))
{
    m_title = new QLabel;
    auto *form = new QFormLayout;
    auto field = [form](const QString &label) {
        auto *l = new QLabel(QStringLiteral("—"));
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->setWordWrap(true);
        form->addRow(label, l);
        return l;
    };
    m_engine = field(tr("Engine:"));
    m_system = field(tr("System:"));
    m_cpus = field(tr("CPUs:"));
    m_memory = field(tr("Memory:"));
    m_containers = field(tr("Containers:"));
    m_disk = field(tr("Disk use:"));
    auto *charts = new QHBoxLayout;
    for (QChart *c : {makeChart(tr("CPU of all containers (%)"), &m_cpu, &m_cpuX, &m_cpuY),
                      makeChart(tr("Memory of all containers (MiB)"), &m_mem, &m_memX, &m_memY)}) {
        auto *view = new QChartView(c);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(300, 220);
        charts->addWidget(view);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addLayout(charts, 1);

    connect(m_usage, &HostUsage::infoChanged, this, &HostOverviewPage::showFacts);
    connect(m_usage, &HostUsage::diskChanged, this, &HostOverviewPage::showFacts);
    connect(m_usage, &HostUsage::sampled, this, &HostOverviewPage::addPoint);
    connect(m_host, &HostConnection::stateChanged, this, &HostOverviewPage::showFacts);
    connect(m_host->containers(), &QAbstractItemModel::rowsInserted, this, &HostOverviewPage::showFacts);
    connect(m_host->containers(), &QAbstractItemModel::rowsRemoved, this, &HostOverviewPage::showFacts);
    showFacts();
}

void HostOverviewPage::showEvent(QShowEvent *e)
{
    QWidget::showEvent(e);
    m_usage->start();
}

void HostOverviewPage::hideEvent(QHideEvent *e)
{
    QWidget::hideEvent(e);
    m_usage->stop();
}

void HostOverviewPage::showFacts()
{
    m_title->setText(QStringLiteral("<h2>%1</h2>%2").arg(m_host->config().name.toHtmlEscaped(), m_host->stateText().toHtmlEscaped()));
    const QJsonObject i = m_usage->info();
    if (!i.isEmpty()) {
        m_engine->setText(tr("Docker %1, API %2, storage driver %3")
                              .arg(i.value(QLatin1String("ServerVersion")).toString(), m_host->client()->apiVersion(),
                                   i.value(QLatin1String("Driver")).toString()));
        m_system->setText(tr("%1, kernel %2, %3")
                              .arg(i.value(QLatin1String("OperatingSystem")).toString(), i.value(QLatin1String("KernelVersion")).toString(),
                                   i.value(QLatin1String("Architecture")).toString()));
        m_cpus->setText(QString::number(i.value(QLatin1String("NCPU")).toInt()));
        m_memory->setText(formatBytes(i.value(QLatin1String("MemTotal")).toDouble()));
    }
    int running = 0, paused = 0, stopped = 0;
    const auto *c = m_host->containers();
    for (int r = 0; r < c->rowCount(); ++r) {
        const QString &s = c->rowAt(r).state;
        if (Backends::containerState(s) == Backends::ContainerState::Running)
            ++running;
        else if (Backends::containerState(s) == Backends::ContainerState::Paused)
            ++paused;
        else
            ++stopped;
    }
    m_containers->setText(tr("%1 (%2 running, %3 paused, %4 stopped)").arg(c->rowCount()).arg(running).arg(paused).arg(stopped));
    const auto &d = m_usage->disk();
    if (d.known)
        m_disk->setText(tr("images %1 (%2), containers %3, volumes %4 (%5), build cache %6")
                            .arg(formatBytes(double(d.images)))
                            .arg(d.imageCount)
                            .arg(formatBytes(double(d.containers)))
                            .arg(formatBytes(double(d.volumes)))
                            .arg(d.volumeCount)
                            .arg(formatBytes(double(d.buildCache))));
}

void HostOverviewPage::addPoint()
{
    const auto &points = m_usage->points();
    if (points.isEmpty())
        return;
    const qint64 now = points.last().timeMs;
    QList<QPointF> cpu, mem;
    double cpuMax = 1, memMax = 1;
    for (const auto &p : points) {
        const double x = double(p.timeMs - now) / 1000.0;
        cpu << QPointF(x, p.cpuPercent);
        mem << QPointF(x, double(p.memoryBytes) / 1024.0 / 1024.0);
        cpuMax = std::max(cpuMax, p.cpuPercent);
        memMax = std::max(memMax, double(p.memoryBytes) / 1024.0 / 1024.0);
    }
    m_cpu->replace(cpu);
    m_mem->replace(mem);
    m_cpuY->setRange(0, cpuMax * 1.2);
    m_memY->setRange(0, memMax * 1.2);
}

QString HostOverviewPage::factsText() const
{
    QStringList out;
    for (QLabel *l : {m_engine, m_system, m_cpus, m_memory, m_containers, m_disk})
        out << l->text();
    return out.join(QLatin1Char('\n'));
}

int HostOverviewPage::chartPoints() const
{
    return int(m_cpu->count());
}

} // namespace Wharf::Ui
