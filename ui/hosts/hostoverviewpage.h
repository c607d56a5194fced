#pragma once

#include <QWidget>

class QLabel;
class QChart;
class QLineSeries;
class QValueAxis;

namespace Wharf::Models {
class HostConnection;
class HostUsage;
} // namespace Wharf::Models

namespace Wharf::Ui {

// A host at a glance: the engine and the machine, containers and disk use, and the live CPU and
// memory of its running containers over the last five minutes.
class HostOverviewPage : public QWidget
{
    Q_OBJECT
public:
    explicit HostOverviewPage(Models::HostConnection *host, QWidget *parent = nullptr);
    Models::HostUsage *usage() const { return m_usage; }
    QString factsText() const; // the facts as shown, for tests
    int chartPoints() const;

protected:
    void showEvent(QShowEvent *e) override;
    void hideEvent(QHideEvent *e) override;

private:
    void showFacts();
    void addPoint();

    Models::HostConnection *m_host;
    Models::HostUsage *m_usage;
    QLabel *m_title;
    QLabel *m_engine, *m_system, *m_cpus, *m_memory, *m_containers, *m_disk;
    QLineSeries *m_cpu, *m_mem;
    QValueAxis *m_cpuY, *m_memY, *m_cpuX, *m_memX;
};

} // namespace Wharf::Ui
