#include "tenantdashboard.h"

#include "docker/format.h"
#include "tenancy/recordtablemodel.h"
#include "tenancy/tenancyservice.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QFileDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

namespace Wharf::Ui {

using namespace Backends;
using Models::RecordTableModel;

namespace {
// What the database calls a resource's kind, in the console's language.
QString kindName(const QString &kind)
{
    if (kind == QLatin1String("container"))
        return TenantDashboard::tr("container");
    if (kind == QLatin1String("volume"))
        return TenantDashboard::tr("volume");
    if (kind == QLatin1String("network"))
        return TenantDashboard::tr("network");
    if (kind == QLatin1String("app"))
        return TenantDashboard::tr("app");
    if (kind == QLatin1String("service"))
        return TenantDashboard::tr("service");
    return kind;
}

QTableView *table(QAbstractItemModel *m)
{
    auto *v = new QTableView;
    v->setModel(m);
    v->setEditTriggers(QAbstractItemView::NoEditTriggers);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->verticalHeader()->hide();
    v->horizontalHeader()->setStretchLastSection(true);
    return v;
}

void setGauge(QProgressBar *bar, double used, double limit, const QString &text)
{
    bar->setRange(0, 1000);
    bar->setValue(limit > 0 ? int(std::min(1.0, used / limit) * 1000) : 0);
    bar->setFormat(text);
    bar->setTextVisible(true);
}
} // namespace

TenantDashboard::TenantDashboard(Models::TenancyService *service, const QString &tenant, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_tenant(tenant)
{
    m_title = new QLabel;
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    m_title->setFont(f);
    auto *quota = new QGroupBox(tr("Quota"));
    auto *grid = new QGridLayout(quota);
    const QStringList names{tr("Containers"), tr("CPUs"), tr("Memory"), tr("Disk")};
    for (int i = 0; i < 4; ++i) {
        m_gauges[i] = new QProgressBar;
        grid->addWidget(new QLabel(names[i]), i, 0);
        grid->addWidget(m_gauges[i], i, 1);
    }
    m_bill = new QLabel;
    m_bill->setFont(f);
    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setTitle(tr("Cost per day, this month"));
    m_chart = new QChartView(chart);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(200);
    auto *billBox = new QGroupBox(tr("This month so far"));
    auto *bl = new QVBoxLayout(billBox);
    auto *billHead = new QHBoxLayout;
    billHead->addWidget(m_bill, 1);
    auto *exportButton = new QPushButton(tr("Export bill CSV…"));
    billHead->addWidget(exportButton);
    bl->addLayout(billHead);
    auto *billTabs = new QTabWidget;
    billTabs->addTab(m_chart, tr("Per day"));
    m_billLines = new RecordTableModel({tr("Day"), tr("Item"), tr("Resource"), tr("Quantity"), tr("Amount")}, this);
    billTabs->addTab(table(m_billLines), tr("Lines"));
    bl->addWidget(billTabs);
    chooseExportFile = [this] {
        return QFileDialog::getSaveFileName(this, tr("Export the bill"), QStringLiteral("bill-%1.csv").arg(m_tenant), tr("CSV files (*.csv)"));
    };
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = chooseExportFile();
        if (path.isEmpty())
            return;
        const QString error = exportBillCsv(path);
        if (!error.isEmpty())
            m_bill->setText(error);
    });
    m_resources = new RecordTableModel({tr("Name"), tr("Kind"), tr("Host"), tr("CPUs"), tr("Memory"), tr("Since")}, this);
    m_events = new RecordTableModel({tr("Time"), tr("Who"), tr("Action"), tr("Target"), tr("Result")}, this);
    // what the tenant has: containers, apps, networks and volumes
    auto *resBox = new QGroupBox(tr("Resources"));
    auto *resTable = table(m_resources);
    resTable->setMinimumHeight(160);
    (new QVBoxLayout(resBox))->addWidget(resTable);
    auto *evBox = new QGroupBox(tr("Recent events"));
    auto *evTable = table(m_events);
    evTable->setMinimumHeight(160);
    (new QVBoxLayout(evBox))->addWidget(evTable);
    auto *top = new QHBoxLayout;
    top->addWidget(quota, 1);
    top->addWidget(billBox, 2);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(resBox, 1);
    bottom->addWidget(evBox, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(top);
    layout->addLayout(bottom, 1);
    connect(m_service, &Models::TenancyService::changed, this, &TenantDashboard::reload);
    reload();
}

void TenantDashboard::reload()
{
    struct Data
    {
        Tenant tenant;
        Plan plan;
        QuotaUsage usage;
        QList<OwnedResource> resources;
        QList<AuditEntry> events;
        Models::Bill bill;
        Error error;
    };
    const QString name = m_tenant;
    m_service->query<Data>(this, [name](TenancyStore &s) {
        Data d;
        auto t = s.tenant(name);
        if (!t)
            return d.error = t.error(), d;
        d.tenant = *t;
        auto p = s.plan(t->plan);
        auto u = s.usage(name);
        auto r = s.resources(name);
        AuditFilter f;
        f.tenant = name;
        f.limit = 20;
        auto ev = s.auditLog(f);
        if (!p || !u || !r || !ev)
            return d.error = !p ? p.error() : !u ? u.error() : !r ? r.error() : ev.error(), d;
        d.plan = *p;
        d.usage = *u;
        d.resources = *r;
        d.events = *ev;
        Backends::MeteringStore metering(s.sharedStore());
        Models::BillCalculator calc(&s, &metering);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        auto bill = calc.compute(name, QStringLiteral("day"), Models::BillCalculator::periodStart(QStringLiteral("month"), now), now + 1);
        if (!bill)
            return d.error = bill.error(), d;
        d.bill = *bill;
        return d;
    }, [this](const Data &d) {
        if (d.error.isError()) {
            m_title->setText(d.error.message);
            Q_EMIT loaded();
            return;
        }
        m_title->setText(tr("%1 · plan %2 · %3").arg(d.tenant.displayName.isEmpty() ? d.tenant.name : d.tenant.displayName, d.plan.name,
                                                      d.tenant.state == QLatin1String("active") ? tr("active") : tr("suspended")));
        const auto cpus = [](qint64 n) { return QString::number(double(n) / 1e9, 'g', 4); };
        setGauge(m_gauges[0], d.usage.containers, d.plan.maxContainers, tr("%1 of %2").arg(d.usage.containers).arg(d.plan.maxContainers));
        setGauge(m_gauges[1], double(d.usage.cpusNano), double(d.plan.cpusNano), tr("%1 of %2").arg(cpus(d.usage.cpusNano), cpus(d.plan.cpusNano)));
        setGauge(m_gauges[2], double(d.usage.memoryBytes), double(d.plan.memoryBytes),
                 tr("%1 of %2").arg(formatBytes(double(d.usage.memoryBytes)), formatBytes(double(d.plan.memoryBytes))));
        setGauge(m_gauges[3], double(d.usage.diskBytes), double(d.plan.diskBytes),
                 d.plan.diskBytes ? tr("%1 of %2").arg(formatBytes(double(d.usage.diskBytes)), formatBytes(double(d.plan.diskBytes)))
                                  : tr("%1 (not limited)").arg(formatBytes(double(d.usage.diskBytes))));
        m_bill->setText(d.bill.total.toString());
        m_lastBill = d.bill;
        QList<RecordTableModel::Record> lines;
        for (const auto &l : d.bill.lines)
            lines << RecordTableModel::Record{QStringLiteral("%1|%2|%3").arg(l.period).arg(l.item, l.resource),
                                              {QDateTime::fromSecsSinceEpoch(l.period, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd")), l.item, l.resource,
                                               l.quantity, l.amount.toString()},
                                              {},
                                              {}};
        m_billLines->setRecords(lines);
        QList<RecordTableModel::Record> res;
        for (const auto &r : d.resources)
            res << RecordTableModel::Record{QString::number(r.id),
                                            {r.name.isEmpty() ? r.ref.left(12) : r.name, kindName(r.kind), r.host, cpus(r.cpusNano), formatBytes(double(r.memoryBytes)),
                                             QDateTime::fromSecsSinceEpoch(r.createdAt).toString(QStringLiteral("yyyy-MM-dd HH:mm"))},
                                            {},
                                            r.state == QLatin1String("reserved") ? QVariant(QColor(0x9a, 0x9a, 0x9a)) : QVariant()};
        m_resources->setRecords(res);
        QList<RecordTableModel::Record> ev;
        for (const auto &e : d.events)
            ev << RecordTableModel::Record{QString::number(e.id),
                                           {QDateTime::fromSecsSinceEpoch(e.at).toString(QStringLiteral("MM-dd HH:mm:ss")), e.actor, e.action, e.target, e.result},
                                           {},
                                           e.result == QLatin1String("ok") ? QVariant() : QVariant(QColor(0xc0, 0x1c, 0x28))};
        m_events->setRecords(ev);
        // The daily cost chart: one bar per day of the month so far.
        QChart *chart = m_chart->chart();
        chart->removeAllSeries();
        for (auto *axis : chart->axes())
            chart->removeAxis(axis);
        auto *set = new QBarSet(tr("Cost"));
        QStringList days;
        double top = 0;
        const qint64 monthStart = Models::BillCalculator::periodStart(QStringLiteral("month"), QDateTime::currentSecsSinceEpoch());
        for (qint64 day = monthStart; day <= QDateTime::currentSecsSinceEpoch(); day += 86400) {
            double amount = 0;
            for (const auto &[p, m] : d.bill.periods)
                if (p == day)
                    amount = double(m.micros()) / Money::Scale;
            *set << amount;
            top = std::max(top, amount);
            days << QDateTime::fromSecsSinceEpoch(day, Qt::UTC).toString(QStringLiteral("d"));
        }
        m_chartDays = int(days.size());
        auto *series = new QBarSeries;
        series->append(set);
        chart->addSeries(series);
        auto *x = new QBarCategoryAxis;
        x->append(days);
        auto *y = new QValueAxis;
        y->setRange(0, top > 0 ? top * 1.15 : 1);
        y->setLabelFormat(top >= 10 ? QStringLiteral("%.0f") : top >= 0.1 ? QStringLiteral("%.2f") : QStringLiteral("%.5f"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
        Q_EMIT loaded();
    });
}

QString TenantDashboard::exportBillCsv(const QString &path) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(path, f.errorString());
    QString s = QStringLiteral("day,item,resource,quantity,amount\n");
    for (const auto &l : m_lastBill.lines) {
        s += QStringList{QDateTime::fromSecsSinceEpoch(l.period, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd")), l.item, csvField(l.resource), l.quantity,
                         l.amount.toString()}
                 .join(QLatin1Char(','))
            + QLatin1Char('\n');
    }
    s += QStringLiteral("total,,,,") + m_lastBill.total.toString() + QLatin1Char('\n');
    f.write(s.toUtf8());
    if (!f.commit())
        return tr("Cannot write %1: %2").arg(path, f.errorString());
    return {};
}

} // namespace Wharf::Ui
