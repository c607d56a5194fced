#pragma once

#include "store/tenancystore.h"
#include "tenancy/billing.h"

#include <QWidget>

#include <functional>

class QLabel;
class QProgressBar;
class QTableView;

namespace Wharf::Models {
class TenancyService;
class RecordTableModel;
}

QT_BEGIN_NAMESPACE
class QChartView;
class QBarSet;
QT_END_NAMESPACE

namespace Wharf::Ui {

// A tenant's dashboard: usage against the plan's quota, its containers, this month's bill so
// far with the daily cost chart, and the recent events of its audit trail. The tenant's own
// view, and what an admin sees when opening a tenant.
class TenantDashboard : public QWidget
{
    Q_OBJECT
public:
    TenantDashboard(Models::TenancyService *service, const QString &tenant, QWidget *parent = nullptr);
    QString tenant() const { return m_tenant; }
    void reload();

    QProgressBar *containersGauge() const { return m_gauges[0]; }
    QProgressBar *cpuGauge() const { return m_gauges[1]; }
    QProgressBar *memoryGauge() const { return m_gauges[2]; }
    QProgressBar *diskGauge() const { return m_gauges[3]; }
    QLabel *billLabel() const { return m_bill; }
    Models::RecordTableModel *resourcesModel() const { return m_resources; }
    Models::RecordTableModel *eventsModel() const { return m_events; }
    Models::RecordTableModel *billModel() const { return m_billLines; }
    // This month's bill, line by line, as CSV; an error sentence, or empty.
    QString exportBillCsv(const QString &path) const;
    std::function<QString()> chooseExportFile;
    int chartDays() const { return m_chartDays; }

Q_SIGNALS:
    void loaded();

private:
    Models::TenancyService *m_service;
    QString m_tenant;
    QLabel *m_title;
    QLabel *m_bill;
    QProgressBar *m_gauges[4];
    Models::RecordTableModel *m_resources;
    Models::RecordTableModel *m_events;
    Models::RecordTableModel *m_billLines;
    Models::Bill m_lastBill;
    QChartView *m_chart;
    int m_chartDays = 0;
};

} // namespace Wharf::Ui
