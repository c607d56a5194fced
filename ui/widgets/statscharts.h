#pragma once

#include "docker/containerstats.h"

#include <QWidget>

class QLineSeries;
class QValueAxis;
class QChart;

namespace Wharf::Ui {

// Live charts of one container: CPU %, memory, network rx/tx and block I/O rates over the last
// five minutes (x: seconds ago).
class StatsCharts : public QWidget
{
    Q_OBJECT
public:
    explicit StatsCharts(QWidget *parent = nullptr);
    void addSample(const Backends::StatsSample &s);
    int pointCount() const;

private:
    struct Chart
    {
        QChart *chart;
        QList<QLineSeries *> series;
        QValueAxis *x;
        QValueAxis *y;
    };
    Chart makeChart(const QString &title, const QStringList &names);
    void appendPoint(Chart &c, int series, double value);
    void rescale(Chart &c);
    Chart m_cpu, m_mem, m_net, m_io;
    Backends::StatsSample m_prev;
    qint64 m_t0 = 0;
};

} // namespace Wharf::Ui
