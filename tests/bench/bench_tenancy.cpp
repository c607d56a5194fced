// Tenancy benchmarks on a database URL (SQLite file or PostgreSQL):
//   reserve URL [N=1000] [CLIENTS=20]   N quota reservations from CLIENTS concurrent connections
//                                       (each a thread with its own connection, as separate
//                                       consoles would be): throughput and latency per reservation
//   bill URL [TENANTS=1000] [DAYS=30]   hourly usage of one container per tenant for DAYS days,
//                                       then every tenant's monthly and daily bill
// Prints one JSON line per measurement.
#include "store/meteringstore.h"
#include "store/tenancystore.h"
#include "tenancy/billing.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace Wharf;
using namespace Wharf::Backends;

namespace {
std::shared_ptr<Store> open(const QString &url)
{
    auto u = StoreUrl::parse(url);
    if (!u) {
        std::fprintf(stderr, "%s\n", qPrintable(u.error().message));
        std::exit(2);
    }
    auto s = Store::open(*u, qEnvironmentVariable("PGPASSWORD"));
    if (!s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error().message));
        std::exit(2);
    }
    return *s;
}

void report(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size())))];
}

int reserveBench(const QString &url, int n, int clients)
{
    auto s = open(url);
    if (auto e = s->migrate(); e.isError())
        return std::fprintf(stderr, "%s\n", qPrintable(e.message)), 1;
    TenancyStore admin(s);
    Plan p;
    p.name = QStringLiteral("bench");
    p.maxContainers = 1'000'000;
    p.cpusNano = 1'000'000LL * 1'000'000'000;
    p.memoryBytes = 1LL << 50;
    p.freeTier = true;
    admin.createPlan(p);
    Tenant t;
    t.name = QStringLiteral("bench");
    t.plan = QStringLiteral("bench");
    admin.createTenant(t);
    QMutex lock;
    QList<double> latencies;
    QList<qint64> ids;
    int failures = 0;
    QAtomicInt next(0);
    QList<QThread *> threads;
    QElapsedTimer total;
    total.start();
    for (int c = 0; c < clients; ++c) {
        threads << QThread::create([&] {
            auto own = open(url);
            TenancyStore ts(own);
            QList<double> mine;
            QList<qint64> got;
            int failed = 0;
            while (next.fetchAndAddRelaxed(1) < n) {
                QElapsedTimer one;
                one.start();
                auto r = ts.reserve(QStringLiteral("bench"), QStringLiteral("h"), QStringLiteral("container"), {}, 1000, 1024);
                mine << double(one.nsecsElapsed()) / 1e6;
                if (r)
                    got << *r;
                else
                    ++failed;
            }
            QMutexLocker l(&lock);
            latencies += mine;
            ids += got;
            failures += failed;
        });
        threads.last()->start();
    }
    for (auto *th : threads) {
        th->wait();
        delete th;
    }
    const double secs = double(total.nsecsElapsed()) / 1e9;
    const QuotaUsage u = *admin.usage(QStringLiteral("bench"));
    report({{QStringLiteral("bench"), QStringLiteral("quota-reserve")},
          {QStringLiteral("engine"), s->isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite")},
          {QStringLiteral("reservations"), n},
          {QStringLiteral("clients"), clients},
          {QStringLiteral("failures"), failures},
          {QStringLiteral("counted"), u.containers},
          {QStringLiteral("seconds"), secs},
          {QStringLiteral("perSecond"), double(n) / secs},
          {QStringLiteral("latencyMedianMs"), percentile(latencies, 0.5)},
          {QStringLiteral("latencyP95Ms"), percentile(latencies, 0.95)},
          {QStringLiteral("latencyMaxMs"), percentile(latencies, 1.0)}});
    for (qint64 id : ids)
        admin.release(id);
    return failures == 0 && u.containers == n ? 0 : 1;
}

int billBench(const QString &url, int tenants, int days)
{
    auto s = open(url);
    if (auto e = s->migrate(); e.isError())
        return std::fprintf(stderr, "%s\n", qPrintable(e.message)), 1;
    TenancyStore admin(s);
    MeteringStore metering(s);
    Plan p;
    p.name = QStringLiteral("metered");
    p.maxContainers = 10;
    p.cpusNano = 4'000'000'000;
    p.memoryBytes = 8LL << 30;
    p.priceMonth = *Money::parse(QStringLiteral("99"));
    p.cpuPriceHour = *Money::parse(QStringLiteral("0.0125"));
    p.memoryPriceGibHour = *Money::parse(QStringLiteral("0.004"));
    admin.createPlan(p);
    // A month that has begun: the usage runs from its first hour.
    const qint64 start = QDateTime(QDate(2026, 10, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    const qint64 end = start + qint64(days) * 86400;
    QElapsedTimer setup;
    setup.start();
    for (int i = 0; i < tenants; ++i) {
        Tenant t;
        t.name = QStringLiteral("t%1").arg(i);
        t.plan = QStringLiteral("metered");
        admin.createTenant(t);
        s->exec(QStringLiteral("UPDATE subscriptions SET valid_from = ? WHERE tenant = ?"), {start, t.name});
        QList<UsageHour> rows;
        rows.reserve(days * 24);
        for (qint64 h = start; h < end; h += 3600) {
            const int secs = 3600 - int((h / 3600 + i) % 7) * 60; // a little variety
            rows << UsageHour{t.name, h, QStringLiteral("h"), QStringLiteral("c%1").arg(i), QStringLiteral("web"), QStringLiteral("container"), secs,
                              qint64(secs) * 500'000'000, qint64(secs) * (512LL << 20)};
        }
        metering.writeUsage(rows);
    }
    const double setupSecs = double(setup.nsecsElapsed()) / 1e9;
    for (const QString &g : {QStringLiteral("month"), QStringLiteral("day")}) {
        Models::BillCalculator calc(&admin, &metering);
        QList<double> each;
        Money grand;
        int lines = 0;
        QElapsedTimer total;
        total.start();
        for (int i = 0; i < tenants; ++i) {
            QElapsedTimer one;
            one.start();
            auto bill = calc.compute(QStringLiteral("t%1").arg(i), g, start, end);
            each << double(one.nsecsElapsed()) / 1e6;
            if (!bill)
                return std::fprintf(stderr, "%s\n", qPrintable(bill.error().message)), 1;
            grand += bill->total;
            lines += int(bill->lines.size());
        }
        report({{QStringLiteral("bench"), QStringLiteral("bills")},
              {QStringLiteral("engine"), s->isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite")},
              {QStringLiteral("period"), g},
              {QStringLiteral("tenants"), tenants},
              {QStringLiteral("usageRows"), tenants * days * 24},
              {QStringLiteral("setupSeconds"), setupSecs},
              {QStringLiteral("seconds"), double(total.nsecsElapsed()) / 1e9},
              {QStringLiteral("perTenantMedianMs"), percentile(each, 0.5)},
              {QStringLiteral("perTenantMaxMs"), percentile(each, 1.0)},
              {QStringLiteral("lines"), lines},
              {QStringLiteral("grandTotal"), grand.toString()}});
    }
    return 0;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() < 3) {
        std::fprintf(stderr, "usage: bench_tenancy reserve URL [N] [CLIENTS] | bill URL [TENANTS] [DAYS]\n");
        return 2;
    }
    if (a[1] == QLatin1String("reserve"))
        return reserveBench(a[2], a.value(3, QStringLiteral("1000")).toInt(), a.value(4, QStringLiteral("20")).toInt());
    if (a[1] == QLatin1String("bill"))
        return billBench(a[2], a.value(3, QStringLiteral("1000")).toInt(), a.value(4, QStringLiteral("30")).toInt());
    return 2;
}
