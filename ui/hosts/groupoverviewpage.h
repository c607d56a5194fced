#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;
class QChart;

namespace Wharf::Models {
class HostRegistry;
class GroupSummary;
} // namespace Wharf::Models

namespace Wharf::Ui {

// A group of hosts: the sums over the hosts that are up, a line per host, and bars comparing
// the hosts' CPUs, running containers and memory.
class GroupOverviewPage : public QWidget
{
    Q_OBJECT
public:
    GroupOverviewPage(Models::HostRegistry *registry, const QString &group, QWidget *parent = nullptr);
    Models::GroupSummary *summary() const { return m_summary; }
    QString totalsText() const;
    QTableWidget *table() const { return m_table; }

protected:
    void showEvent(QShowEvent *e) override;
    void hideEvent(QHideEvent *e) override;

private:
    void rebuild();

    Models::GroupSummary *m_summary;
    QLabel *m_title;
    QLabel *m_totals;
    QTableWidget *m_table;
    QChart *m_counts;
    QChart *m_memory;
};

} // namespace Wharf::Ui
