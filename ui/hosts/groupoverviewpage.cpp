#include "groupoverviewpage.h"

#include "docker/format.h"
#include "monitoring/groupsummary.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

namespace Wharf::Ui {

using namespace Models;
using Backends::formatBytes;

GroupOverviewPage::GroupOverviewPage(HostRegistry *registry, const QString &group, QWidget *parent)
    : QWidget(parent)
    , m_summary(new GroupSummary(registry, group, this))
{
    m_title = new QLabel;
    m_totals = new QLabel;
    m_totals->setWordWrap(true);
    m_table = new QTableWidget(0, 6);
    m_table->setHorizontalHeaderLabels({tr("Host"), tr("State"), tr("Engine"), tr("CPUs"), tr("Memory"), tr("Containers")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setMaximumHeight(220);
    m_counts = new QChart;
    m_counts->setTitle(tr("CPUs and running containers per host"));
    m_memory = new QChart;
    m_memory->setTitle(tr("Memory per host (GiB)"));
    auto *charts = new QHBoxLayout;
    for (QChart *c : {m_counts, m_memory}) {
        auto *view = new QChartView(c);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(300, 220);
        charts->addWidget(view);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_totals);
    layout->addWidget(m_table);
    layout->addLayout(charts, 1);
    connect(m_summary, &GroupSummary::changed, this, &GroupOverviewPage::rebuild);
    rebuild();
}

void GroupOverviewPage::showEvent(QShowEvent *e)
{
    QWidget::showEvent(e);
    m_summary->start();
}

void GroupOverviewPage::hideEvent(QHideEvent *e)
{
    QWidget::hideEvent(e);
    m_summary->stop();
}

QString GroupOverviewPage::totalsText() const
{
    return m_totals->text();
}

void GroupOverviewPage::rebuild()
{
    const QString group = m_summary->group().isEmpty() ? tr("Hosts") : m_summary->group();
    m_title->setText(QStringLiteral("<h2>%1</h2>").arg(group.toHtmlEscaped()));
    const auto t = m_summary->totals();
    m_totals->setText(tr("%1 hosts (%2 up) · %3 CPUs · %4 memory · %5 containers (%6 running)")
                          .arg(t.hosts)
                          .arg(t.hostsUp)
                          .arg(t.cpus)
                          .arg(formatBytes(double(t.memoryBytes)))
                          .arg(t.containers)
                          .arg(t.running));
    const auto lines = m_summary->lines();
    m_table->setRowCount(int(lines.size()));
    QStringList names;
    auto *cpus = new QBarSet(tr("CPUs"));
    auto *running = new QBarSet(tr("Running containers"));
    auto *memory = new QBarSet(tr("Memory"));
    for (int r = 0; r < lines.size(); ++r) {
        const auto &l = lines[r];
        const QStringList cells{l.name, l.state, l.engine.isEmpty() ? QStringLiteral("—") : tr("Docker %1").arg(l.engine),
                                l.cpus ? QString::number(l.cpus) : QStringLiteral("—"),
                                l.memoryBytes ? formatBytes(double(l.memoryBytes)) : QStringLiteral("—"),
                                tr("%1 (%2 running)").arg(l.containers).arg(l.running)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (!l.up && !l.reason.isEmpty())
                item->setToolTip(l.reason);
            m_table->setItem(r, c, item);
        }
        names << l.name;
        *cpus << l.cpus;
        *running << l.running;
        *memory << double(l.memoryBytes) / 1024.0 / 1024.0 / 1024.0;
    }
    auto fill = [&names](QChart *chart, QList<QBarSet *> sets) {
        chart->removeAllSeries();
        for (auto *a : chart->axes())
            chart->removeAxis(a);
        auto *series = new QHorizontalBarSeries;
        double max = 1;
        for (auto *s : sets) {
            series->append(s);
            for (int i = 0; i < s->count(); ++i)
                max = std::max(max, s->at(i));
        }
        chart->addSeries(series);
        auto *y = new QBarCategoryAxis;
        y->append(names);
        auto *x = new QValueAxis;
        x->setRange(0, max * 1.15);
        chart->addAxis(y, Qt::AlignLeft);
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(y);
        series->attachAxis(x);
        chart->legend()->setVisible(sets.size() > 1);
    };
    fill(m_counts, {cpus, running});
    fill(m_memory, {memory});
}

} // namespace Wharf::Ui
