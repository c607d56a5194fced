// Metering, bills, quota reconciliation and the controller (the control loops under a lease).
#include "cli.h"
#include "operations/operations.h"
#include "services/servicereconciler.h"

#include "docker/format.h"

#include "store/controllease.h"
#include "store/meteringstore.h"
#include "store/tenancystore.h"
#include "tenancy/billing.h"
#include "tenancy/controlround.h"
#include "tenancy/meter.h"
#include "tenancy/policygate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <cstdio>

namespace Wharf::App {

using namespace Backends;
using namespace Models;

namespace {
QString when(qint64 t, const QString &g)
{
    const QDateTime dt = QDateTime::fromSecsSinceEpoch(t, Qt::UTC);
    if (g == QLatin1String("month"))
        return dt.toString(QStringLiteral("yyyy-MM"));
    if (g == QLatin1String("day"))
        return dt.toString(QStringLiteral("yyyy-MM-dd"));
    return dt.toString(QStringLiteral("yyyy-MM-dd HH:00"));
}

volatile std::sig_atomic_t stopRequested = 0;
void onStopSignal(int)
{
    stopRequested = 1;
}
} // namespace

void Cli::cmdMeter(const QStringList &a)
{
    if (!a.isEmpty())
        return failUsage(tr("usage: wharfctl [-H HOST] meter   (one metering tick for the host; run it from cron or use the controller)"));
    if (m_gate->principal().isTenant())
        return fail(tenantRefusal(QStringLiteral("meter"), QStringLiteral("tick")).message);
    auto *meter = new Meter(m_client, hostKey(), m_tenancy, this);
    meter->tick([this](const Expected<MeterReport> &r) {
        if (!r)
            return fail(r.error().message);
        if (json())
            return printJson(QJsonObject{{QStringLiteral("host"), hostKey()},
                                         {QStringLiteral("runsStarted"), r->runsStarted},
                                         {QStringLiteral("runsStopped"), r->runsStopped},
                                         {QStringLiteral("hours"), r->hoursWritten},
                                         {QStringLiteral("volumes"), r->volumesMeasured},
                                         {QStringLiteral("volumesAdopted"), r->volumesAdopted},
                                         {QStringLiteral("volumesGone"), r->volumesGone},
                                         {QStringLiteral("from"), QDateTime::fromSecsSinceEpoch(r->from, Qt::UTC).toString(Qt::ISODate)},
                                         {QStringLiteral("to"), QDateTime::fromSecsSinceEpoch(r->to, Qt::UTC).toString(Qt::ISODate)}}),
                   finish(0);
        out() << tr("Metered %1: %2 runs started, %3 stopped, %4 resource-hours written (%5 to %6)")
                     .arg(hostKey())
                     .arg(r->runsStarted)
                     .arg(r->runsStopped)
                     .arg(r->hoursWritten)
                     .arg(QDateTime::fromSecsSinceEpoch(r->from, Qt::UTC).toString(Qt::ISODate),
                          QDateTime::fromSecsSinceEpoch(r->to, Qt::UTC).toString(Qt::ISODate))
              << Qt::endl;
        finish(0);
    });
}

void Cli::cmdQuotaReconcile(const QStringList &a)
{
    const bool adopt = a.contains(QStringLiteral("--adopt"));
    ops()->runWork(Models::Request::admin(QStringLiteral("quota"), QStringLiteral("reconcile"), {}),
                   [this, adopt](const QJsonObject &, Models::Operations::Finished finished) { quotaReconcile(adopt, finished); },
                   [this](const Models::Outcome &o) {
                       if (o.refused)
                           fail(o.error.message);
                   });
}

void Cli::quotaReconcile(bool adopt, std::function<void(const Error &, const QString &)> finished)
{
    auto *rec = new QuotaReconciler(m_client, hostKey(), m_tenancy, this);
    rec->run(adopt, [this, adopt, finished](const Expected<ReconcileReport> &r) {
        if (!r) {
            finished(r.error(), {});
            return fail(r.error().message);
        }
        finished({}, tr("%1 gone, %2 stale, %3 untracked, %4 drifted").arg(r->gone.size()).arg(r->stale.size()).arg(r->untracked.size()).arg(r->drift.size()));
        if (json()) {
            QJsonArray drift;
            for (const auto &d : r->drift)
                drift << QJsonObject{{QStringLiteral("tenant"), d.tenant},
                                     {QStringLiteral("containersBefore"), d.before.containers},
                                     {QStringLiteral("containersAfter"), d.after.containers},
                                     {QStringLiteral("cpusBefore"), double(d.before.cpusNano) / 1e9},
                                     {QStringLiteral("cpusAfter"), double(d.after.cpusNano) / 1e9},
                                     {QStringLiteral("memoryBefore"), d.before.memoryBytes},
                                     {QStringLiteral("memoryAfter"), d.after.memoryBytes}};
            printJson(QJsonObject{{QStringLiteral("gone"), QJsonArray::fromStringList(r->gone)},
                                  {QStringLiteral("stale"), QJsonArray::fromStringList(r->stale)},
                                  {QStringLiteral("untracked"), QJsonArray::fromStringList(r->untracked)},
                                  {QStringLiteral("drift"), drift}});
            return finish(0);
        }
        for (const auto &g : r->gone)
            out() << tr("gone:      %1 (removed outside Wharf; its quota is given back)").arg(g) << '\n';
        for (const auto &s : r->stale)
            out() << tr("stale:     %1 (a reservation whose request never finished)").arg(s) << '\n';
        for (const auto &u : r->untracked)
            out() << (adopt ? tr("adopted:   %1").arg(u) : tr("untracked: %1 (labelled for a tenant but not recorded; --adopt counts it)").arg(u)) << '\n';
        for (const auto &d : r->drift)
            out() << tr("drift:     %1 had %2 containers, %3 CPUs counted; now %4, %5")
                         .arg(d.tenant)
                         .arg(d.before.containers)
                         .arg(double(d.before.cpusNano) / 1e9)
                         .arg(d.after.containers)
                         .arg(double(d.after.cpusNano) / 1e9)
                  << '\n';
        if (r->gone.isEmpty() && r->stale.isEmpty() && r->untracked.isEmpty() && r->drift.isEmpty())
            out() << tr("No drift: the quota counters match what %1 runs.").arg(hostKey()) << '\n';
        out().flush();
        finish(0);
    });
}

void Cli::cmdBill(const QStringList &a)
{
    FlagParser f = flagsOf("bill");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    if (f.positional().size() > 1)
        return failUsage(tr("usage: wharfctl bill TENANT [--period hour|day|month] [--from D --to D] [-o table|json|csv]"));
    const QString g = f.value(QStringLiteral("--period"), QStringLiteral("day"));
    if (f.isSet(QStringLiteral("--issue"))) {
        // Issue the bill of the closed period that holds the given time.
        auto at = parseTime(f.value(QStringLiteral("--issue")));
        if (!at || !*at)
            return failUsage(!at ? at.error().message : tr("--issue needs a time in the period, e.g. 2026-10-01"));
        const QString who = f.positional().value(0);
        if (who.isEmpty())
            return failUsage(tr("usage: wharfctl bill TENANT --period day|month --issue DATE"));
        return withTenancy([this, who, g, at = *at] {
            if (m_gate->principal().isTenant())
                return fail(tenantRefusal(QStringLiteral("bill"), QStringLiteral("issue")).message);
            MeteringStore metering(m_tenancy->sharedStore());
            BillCalculator calc(m_tenancy.get(), &metering);
            auto issued = calc.issue(who, g, at, m_tenancy->store()->currentUser(), QDateTime::currentSecsSinceEpoch());
            if (!issued)
                return fail(issued.error().message);
            if (json())
                return printJson(issuedBillJson(*issued)), finish(0);
            out() << tr("Issued bill %1: %2, %3 from %4, total %5")
                         .arg(issued->id)
                         .arg(issued->tenant, issued->period, when(issued->start, issued->period), Money::fromMicros(issued->totalMicros).toString())
                  << Qt::endl;
            finish(0);
        });
    }
    auto from = parseTime(f.value(QStringLiteral("--from")));
    auto to = parseTime(f.value(QStringLiteral("--to")));
    if (!from || !to)
        return failUsage(!from ? from.error().message : to.error().message);
    const QString who = f.positional().value(0);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    // The default: this month so far.
    const qint64 start = *from ? *from : BillCalculator::periodStart(QStringLiteral("month"), now);
    const qint64 end = *to ? *to : now;
    withTenancy([this, who, g, start, end] {
        const QString name = who.isEmpty() ? m_tenantName : who;
        if (name.isEmpty())
            return failUsage(tr("usage: wharfctl bill TENANT [--period hour|day|month] [--from D --to D]"));
        if (m_gate->principal().isTenant() && name != m_tenantName)
            return fail(tr("There is no tenant named \"%1\".").arg(name));
        MeteringStore metering(m_tenancy->sharedStore());
        BillCalculator calc(m_tenancy.get(), &metering);
        auto bill = calc.compute(name, g, start, end);
        if (!bill)
            return fail(bill.error().message);
        if (m_csv) {
            QString s = QStringLiteral("period,item,resource,quantity,amount\n");
            for (const auto &l : bill->lines)
                s += QStringList{when(l.period, g), l.item, csvField(l.resource), l.quantity, l.amount.toString()}.join(QLatin1Char(','))
                    + QLatin1Char('\n');
            s += QStringLiteral("total,,,,") + bill->total.toString() + QLatin1Char('\n');
            writeRaw(s.toUtf8());
            return finish(0);
        }
        if (json()) {
            QJsonArray lines, periods;
            for (const auto &l : bill->lines)
                lines << QJsonObject{{QStringLiteral("period"), when(l.period, g)}, {QStringLiteral("item"), l.item},
                                     {QStringLiteral("resource"), l.resource}, {QStringLiteral("quantity"), l.quantity},
                                     {QStringLiteral("amount"), l.amount.toString()}};
            for (const auto &[p, m] : bill->periods)
                periods << QJsonObject{{QStringLiteral("period"), when(p, g)}, {QStringLiteral("amount"), m.toString()}};
            printJson(QJsonObject{{QStringLiteral("tenant"), bill->tenant}, {QStringLiteral("period"), g},
                                  {QStringLiteral("from"), QDateTime::fromSecsSinceEpoch(bill->from, Qt::UTC).toString(Qt::ISODate)},
                                  {QStringLiteral("to"), QDateTime::fromSecsSinceEpoch(bill->to, Qt::UTC).toString(Qt::ISODate)},
                                  {QStringLiteral("lines"), lines}, {QStringLiteral("periods"), periods},
                                  {QStringLiteral("total"), bill->total.toString()}});
            return finish(0);
        }
        QList<QStringList> rows;
        for (const auto &l : bill->lines)
            rows << QStringList{when(l.period, g), l.item, l.resource, l.quantity, l.amount.toString()};
        printTable({tr("PERIOD"), tr("ITEM"), tr("RESOURCE"), tr("QUANTITY"), tr("AMOUNT")}, rows);
        out() << tr("Total for %1 from %2 to %3: %4")
                     .arg(bill->tenant, QDateTime::fromSecsSinceEpoch(bill->from, Qt::UTC).toString(Qt::ISODate),
                          QDateTime::fromSecsSinceEpoch(bill->to, Qt::UTC).toString(Qt::ISODate), bill->total.toString())
              << Qt::endl;
        finish(0);
    });
}

QJsonObject Cli::issuedBillJson(const IssuedBill &b)
{
    return QJsonObject{{QStringLiteral("id"), b.id},
                       {QStringLiteral("tenant"), b.tenant},
                       {QStringLiteral("period"), b.period},
                       {QStringLiteral("from"), QDateTime::fromSecsSinceEpoch(b.start, Qt::UTC).toString(Qt::ISODate)},
                       {QStringLiteral("to"), QDateTime::fromSecsSinceEpoch(b.end, Qt::UTC).toString(Qt::ISODate)},
                       {QStringLiteral("total"), Money::fromMicros(b.totalMicros).toString()},
                       {QStringLiteral("lines"), QJsonDocument::fromJson(b.lines).array()},
                       {QStringLiteral("issued"), QDateTime::fromSecsSinceEpoch(b.issuedAt, Qt::UTC).toString(Qt::ISODate)},
                       {QStringLiteral("issuedBy"), b.issuedBy}};
}

// The bills issued so far (a tenant sees its own).
void Cli::cmdBills(const QStringList &a)
{
    if (a.size() > 1)
        return failUsage(tr("usage: wharfctl bills [TENANT] [-o table|json|csv]"));
    const QString who = a.value(0);
    withTenancy([this, who] {
        if (m_gate->principal().isTenant() && !who.isEmpty() && who != m_tenantName)
            return fail(tr("There is no tenant named \"%1\".").arg(who));
        MeteringStore metering(m_tenancy->sharedStore());
        auto list = metering.bills(who.isEmpty() && m_gate->principal().isTenant() ? m_tenantName : who);
        if (!list)
            return fail(list.error().message);
        if (json()) {
            QJsonArray arr;
            for (const auto &b : *list)
                arr << issuedBillJson(b);
            return printJson(arr), finish(0);
        }
        QList<QStringList> rows;
        for (const auto &b : *list)
            rows << QStringList{QString::number(b.id), b.tenant, b.period, when(b.start, b.period), Money::fromMicros(b.totalMicros).toString(),
                                QDateTime::fromSecsSinceEpoch(b.issuedAt, Qt::UTC).toString(Qt::ISODate), b.issuedBy};
        if (m_csv) {
            QString s = QStringLiteral("id,tenant,period,from,total,issued,issued_by\n");
            for (const auto &r : std::as_const(rows)) {
                QStringList fields;
                for (const auto &v : r)
                    fields << csvField(v);
                s += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
            }
            writeRaw(s.toUtf8());
            return finish(0);
        }
        printTable({tr("ID"), tr("TENANT"), tr("PERIOD"), tr("FROM"), tr("TOTAL"), tr("ISSUED"), tr("BY")}, rows);
        finish(0);
    });
}

// Holds the control lease of the host and runs its loops (metering; quota reconciliation)
// until SIGINT/SIGTERM. Another controller for the same host waits for the lease.
void Cli::cmdController(const QStringList &a)
{
    FlagParser f = flagsOf("controller");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    const int interval = f.value(QStringLiteral("--interval"), QStringLiteral("300")).toInt();
    if (interval < 1)
        return failUsage(tr("--interval needs a number of seconds"));
    if (m_gate->principal().isTenant())
        return fail(tenantRefusal(QStringLiteral("controller"), QStringLiteral("run")).message);
    auto lease = std::make_shared<ControlLease>(m_tenancy->store()->url(), m_dbPassword, hostKey());
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    auto *timer = new QTimer(this);
    auto *stopCheck = new QTimer(this);
    stopCheck->start(200);
    connect(stopCheck, &QTimer::timeout, this, [this, lease] {
        if (!stopRequested)
            return;
        lease->release();
        out() << tr("Controller for %1 stopped; lease released.").arg(hostKey()) << Qt::endl, std::fflush(stdout);
        finish(0);
    });
    auto waiting = std::make_shared<bool>(false);
    auto running = std::make_shared<bool>(false);
    auto holding = std::make_shared<bool>(false);
    auto services = std::make_shared<QPointer<Models::Services::ServiceReconciler>>();
    auto loop = [this, lease, waiting, running, holding, services, once = f.isSet(QStringLiteral("--once"))] {
        if (*running)
            return;
        auto held = lease->tryAcquire();
        if (!held)
            return fail(held.error().message);
        if (!*held || !lease->check()) {
            if (*services)
                (*services)->stop();
            *holding = false;
            if (!*waiting)
                out() << tr("Another controller holds the lease for %1; waiting.").arg(hostKey()) << Qt::endl, std::fflush(stdout);
            *waiting = true;
            return;
        }
        if (!*holding) {
            out() << tr("Holding the control lease for %1.").arg(hostKey()) << Qt::endl, std::fflush(stdout);
            // the services of the host keep their replicas while the lease is held
            if (!*services) {
                *services = new Models::Services::ServiceReconciler(m_client, hostKey(), ops()->steps(), this);
                (*services)->setTenantSteps([this](const QString &tenant) { return opsAs(tenant)->steps(); });
                connect(*services, &Models::Services::ServiceReconciler::event, this, [this](const QString &service, const QString &, const QString &message) {
                    (service.isEmpty() ? out() : out() << service << ": ") << message << Qt::endl;
                    std::fflush(stdout);
                });
                connect(*services, &Models::Services::ServiceReconciler::failed, this, [this](const QString &service, const QString &message) {
                    (service.isEmpty() ? m_err : m_err << service << ": ") << message << Qt::endl;
                });
            }
            if (!once)
                (*services)->start();
        }
        *holding = true;
        *waiting = false;
        *running = true;
        // The host's daemon, then the tenants' own daemons on it (over the admin's way in).
        auto report = [this](const ControlRound::Report &r) {
            const QString who = r.tenant.isEmpty() ? QString() : tr(" (tenant %1's daemon)").arg(r.tenant);
            if (!r.meter)
                m_err << tr("Metering %1%2 failed: %3").arg(r.host, who, r.meter.error().message) << Qt::endl;
            else
                out() << tr("tick %1%2: %3 runs started, %4 stopped, %5 resource-hours")
                             .arg(r.host, who)
                             .arg(r.meter->runsStarted)
                             .arg(r.meter->runsStopped)
                             .arg(r.meter->hoursWritten)
                      << Qt::endl;
            if (!r.reconcile)
                m_err << tr("Reconciling %1%2 failed: %3").arg(r.host, who, r.reconcile.error().message) << Qt::endl;
            else if (!r.reconcile->gone.isEmpty() || !r.reconcile->drift.isEmpty() || (!r.tenant.isEmpty() && !r.reconcile->untracked.isEmpty()))
                out() << tr("reconciled %1%2: %3 gone, %4 drifted, %5 adopted")
                             .arg(r.host, who)
                             .arg(r.reconcile->gone.size())
                             .arg(r.reconcile->drift.size())
                             .arg(r.tenant.isEmpty() ? 0 : r.reconcile->untracked.size())
                      << Qt::endl;
            if (r.cgroup && !*r.cgroup)
                m_err << tr("Reading the cgroup of %1%2 failed: %3").arg(r.host, who, r.cgroup->error().message) << Qt::endl;
            else if (r.cgroup)
                out() << tr("cgroup %1%2: %3").arg(r.host, who, cgroupUsageText(**r.cgroup)) << Qt::endl;
            std::fflush(stdout);
        };
        auto *round = new ControlRound(m_client, hostKey(), m_tenancy, this);
        round->run([this, round, running, once, report](const ControlRound::Report &r) {
            round->deleteLater();
            report(r);
            auto daemons = m_tenancy->endpoints();
            if (!daemons)
                m_err << tr("The tenants' daemons were not read: %1").arg(daemons.error().message) << Qt::endl;
            auto *rounds = new TenantDaemonRounds(m_tenancy, {}, this);
            rounds->run(daemons ? ControlRound::tenantDaemons(m_client->endpoint(), hostKey(), *daemons) : QList<ControlRound::Daemon>{}, report,
                        [this, rounds, running, once] {
                            rounds->deleteLater();
                            *running = false;
                            if (once)
                                finish(0);
                        });
        });
    };
    connect(timer, &QTimer::timeout, this, loop);
    timer->start(interval * 1000);
    // while another holds the lease (a wharfctl command converging its change, another
    // controller), it is asked for again every few seconds, not only at the interval
    auto *retry = new QTimer(this);
    connect(retry, &QTimer::timeout, this, [holding, loop] {
        if (!*holding)
            loop();
    });
    retry->start(5000);
    loop();
}

} // namespace Wharf::App
