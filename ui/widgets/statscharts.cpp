#include "statscharts.h"

#include "docker/format.h"

#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QLineSeries>
#include <QValueAxis>

namespace Wharf::Ui {

using namespace Backends;

static constexpr double WindowSeconds = 300;

StatsCharts::StatsCharts(QWidget *parent)
    : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    m_cpu = makeChart(tr("CPU %"), {tr("CPU %")});
    m_mem = makeChart(tr("Memory (MiB)"), {tr("Used")});
    m_net = makeChart(tr("Network (KiB/s)"), {tr("Received"), tr("Sent")});
    m_io = makeChart(tr("Block I/O (KiB/s)"), {tr("Read"), tr("Written")});
    int i = 0;
    for (Chart *c : {&m_cpu, &m_mem, &m_net, &m_io}) {
        auto *view = new QChartView(c->chart);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(260, 180);
        grid->addWidget(view, i / 2, i % 2);
        ++i;
    }
}

StatsCharts::Chart StatsCharts::makeChart(const QString &title, const QStringList &names)
{
    Chart c;
    c.chart = new QChart;
    c.chart->setTitle(title);
    c.chart->legend()->setVisible(names.size() > 1);
    c.x = new QValueAxis;
    c.x->setRange(-WindowSeconds, 0);
    c.x->setLabelFormat(QStringLiteral("%d s"));
    c.y = new QValueAxis;
    c.y->setRange(0, 1);
    c.chart->addAxis(c.x, Qt::AlignBottom);
    c.chart->addAxis(c.y, Qt::AlignLeft);
    for (const auto &n : names) {
        auto *s = new QLineSeries;
        s->setName(n);
        c.chart->addSeries(s);
        s->attachAxis(c.x);
        s->attachAxis(c.y);
        c.series << s;
    }
    return c;
}

void StatsCharts::appendPoint(Chart &c, int series, double value)
{
    QLineSeries *s = c.series[series];
    // Points carry absolute seconds; shifting the axis window keeps appends O(1).
    s->append(double(m_prev.timestampMs - m_t0) / 1000.0, value);
    while (s->count() > 0 && s->at(0).x() < s->at(s->count() - 1).x() - WindowSeconds - 1)
        s->remove(0);
}

void StatsCharts::rescale(Chart &c)
{
    const double now = double(m_prev.timestampMs - m_t0) / 1000.0;
    c.x->setRange(now - WindowSeconds, now);
    double maxY = 0;
    for (auto *s : c.series)
        for (const auto &p : s->points())
            maxY = std::max(maxY, p.y());
    c.y->setRange(0, maxY <= 0 ? 1 : maxY * 1.2);
}

void StatsCharts::addSample(const StatsSample &s)
{
    if (!s.valid)
        return;
    if (m_t0 == 0) {
        m_t0 = s.timestampMs;
    }
    const StatsSample prev = m_prev;
    m_prev = s;
    appendPoint(m_cpu, 0, s.cpuPercent);
    appendPoint(m_mem, 0, double(s.memoryBytes) / (1024.0 * 1024.0));
    const double dt = prev.valid ? double(s.timestampMs - prev.timestampMs) / 1000.0 : 0;
    auto rate = [&](qint64 now, qint64 before) { return dt > 0 ? std::max(0.0, double(now - before) / dt / 1024.0) : 0.0; };
    appendPoint(m_net, 0, rate(s.netRxBytes, prev.netRxBytes));
    appendPoint(m_net, 1, rate(s.netTxBytes, prev.netTxBytes));
    appendPoint(m_io, 0, rate(s.blockReadBytes, prev.blockReadBytes));
    appendPoint(m_io, 1, rate(s.blockWriteBytes, prev.blockWriteBytes));
    for (Chart *c : {&m_cpu, &m_mem, &m_net, &m_io})
        rescale(*c);
}

int StatsCharts::pointCount() const
{
    return int(m_cpu.series[0]->count());
}

} // namespace Wharf::Ui
