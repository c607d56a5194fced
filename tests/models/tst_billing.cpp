// Bills and the time-dependent rules of the store, with a clock the test sets: no waiting,
// no daemon. Hour boundaries, a plan changed in the middle of an hour, usage priced by the
// plan in force, periods in UTC whatever the machine's time zone, a suspended tenant, and the
// age after which a reservation whose request never finished is given back.
#include "operations/tenancyadmin.h"
#include "tenancy/billing.h"
#include "tenancy/meter.h"
#include "core/clock.h"
#include "store/meteringstore.h"
#include "store/store.h"
#include "store/tenancystore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Wharf::Models;
using namespace Wharf::Backends;

class TestBilling : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    ManualClock m_clock;
    std::shared_ptr<TenancyStore> m_store;
    std::unique_ptr<MeteringStore> m_metering;
    // 2026-03-01 00:00:00 UTC
    const qint64 T0 = QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();

    static Plan plan(const QString &name, const char *hour, const char *cpuHour = "0")
    {
        Plan p;
        p.name = name;
        p.maxContainers = 4;
        p.cpusNano = 4'000'000'000;
        p.memoryBytes = 4LL << 30;
        p.priceHour = *Money::parse(QString::fromLatin1(hour));
        p.cpuPriceHour = *Money::parse(QString::fromLatin1(cpuHour));
        return p;
    }
    QString money(const Money &m) { return m.toString(); }
    Bill bill(const QString &granularity, qint64 from, qint64 to)
    {
        BillCalculator calc(m_store.get(), m_metering.get());
        auto b = calc.compute(QStringLiteral("acme"), granularity, from, to);
        if (!b)
            qWarning() << b.error().message;
        return b ? *b : Bill{};
    }

    // Tenant acme, on plan basic from t.
    bool acmeOnBasicAt(qint64 t)
    {
        m_clock.setSecs(t);
        Tenant acme;
        acme.name = QStringLiteral("acme");
        acme.plan = QStringLiteral("basic");
        return !TenancyAdmin(*m_store).createTenant(acme).isError();
    }

private Q_SLOTS:
    void init()
    {
        auto url = StoreUrl::parse(QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("bills-%1.db").arg(m_n++)));
        auto s = Store::open(*url);
        QVERIFY(s);
        QVERIFY(!(*s)->migrate().isError());
        m_store = std::make_shared<TenancyStore>(*s);
        m_store->setClock(&m_clock);
        m_metering = std::make_unique<MeteringStore>(*s);
        TenancyAdmin admin(*m_store);
        QVERIFY(!admin.createPlan(plan(QStringLiteral("basic"), "0.10", "0.02")).isError());
        QVERIFY(!admin.createPlan(plan(QStringLiteral("better"), "0.40", "0.05")).isError());
    }
    void cleanup()
    {
        m_metering.reset();
        m_store.reset();
    }

    // Subscribed at 00:30 to basic, moved to better at 01:30: each hour pays for the seconds
    // of each plan in it, and the day's bill is the same money in other lines.
    void planChangedMidHour()
    {
        TenancyAdmin admin(*m_store);
        QVERIFY(acmeOnBasicAt(T0 + 1800));
        m_clock.setSecs(T0 + 5400);
        QVERIFY(!admin.assignPlan(QStringLiteral("acme"), QStringLiteral("better")).isError());

        const Bill hourly = bill(QStringLiteral("hour"), T0, T0 + 3 * 3600);
        QCOMPARE(hourly.periods.size(), 3);
        QCOMPARE(hourly.periods.at(0).first, T0);
        QCOMPARE(money(hourly.periods.at(0).second), QStringLiteral("0.05"));
        QCOMPARE(money(hourly.periods.at(1).second), QStringLiteral("0.25")); // 0.05 + 0.20
        QCOMPARE(money(hourly.periods.at(2).second), QStringLiteral("0.40"));
        QCOMPARE(money(hourly.total), QStringLiteral("0.70"));

        const Bill daily = bill(QStringLiteral("day"), T0, T0 + 3 * 3600);
        QCOMPARE(daily.periods.size(), 1);
        QCOMPARE(money(daily.total), QStringLiteral("0.70"));
        QCOMPARE(daily.lines.size(), 2);
        // the audit records carry the clock's time
        const auto log = m_store->auditLog({});
        QVERIFY(log);
        QCOMPARE(log->first().action, QStringLiteral("tenant.plan"));
        QCOMPARE(log->first().at, T0 + 5400);
    }

    // Usage is priced by the plan in force for most of its hour.
    void usagePricedByThePlanInForce()
    {
        TenancyAdmin admin(*m_store);
        QVERIFY(acmeOnBasicAt(T0));
        m_clock.setSecs(T0 + 3600 + 2400); // better from 01:40: basic has most of hour 1
        QVERIFY(!admin.assignPlan(QStringLiteral("acme"), QStringLiteral("better")).isError());
        // one CPU for the whole of hours 0, 1 and 2
        QList<UsageHour> rows;
        for (int h = 0; h < 3; ++h)
            rows << UsageHour{QStringLiteral("acme"), T0 + h * 3600, QStringLiteral("h1"), QStringLiteral("c1"), QStringLiteral("web"),
                              QStringLiteral("container"), 3600, 1'000'000'000LL * 3600, 0};
        QVERIFY(!m_metering->writeUsage(rows).isError());
        const Bill b = bill(QStringLiteral("hour"), T0, T0 + 3 * 3600);
        Money cpu[3];
        for (const BillLine &l : b.lines)
            if (l.item == QLatin1String("cpu"))
                cpu[(l.period - T0) / 3600] = l.amount;
        QCOMPARE(money(cpu[0]), QStringLiteral("0.02"));
        QCOMPARE(money(cpu[1]), QStringLiteral("0.02")); // basic for 40 of its 60 minutes
        QCOMPARE(money(cpu[2]), QStringLiteral("0.05"));
    }

    // Periods are UTC: a day bill splits at 00:00 UTC, not at the machine's midnight.
    void periodsAreUtc()
    {
        const QByteArray tz = qgetenv("TZ");
        qputenv("TZ", "Asia/Shanghai");
        const qint64 noonUtc = T0 + 12 * 3600;
        QCOMPARE(BillCalculator::periodStart(QStringLiteral("day"), noonUtc), T0);
        QCOMPARE(BillCalculator::periodStart(QStringLiteral("hour"), T0 + 3599), T0);
        QCOMPARE(BillCalculator::nextPeriod(QStringLiteral("day"), T0), T0 + 86400);
        QCOMPARE(BillCalculator::periodStart(QStringLiteral("month"), T0 + 20 * 86400), T0);
        QCOMPARE(BillCalculator::nextPeriod(QStringLiteral("month"), T0), T0 + 31 * 86400); // March
        if (tz.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", tz);
    }

    // A suspended tenant cannot run anything, so it is charged no usage; its plan's flat
    // price goes on (the subscription stands until the plan changes or the tenant goes).
    void suspendedTenant()
    {
        TenancyAdmin admin(*m_store);
        QVERIFY(acmeOnBasicAt(T0));
        m_clock.setSecs(T0 + 3600);
        QVERIFY(!admin.setTenantState(QStringLiteral("acme"), QStringLiteral("suspended")).isError());
        // no quota while suspended
        const auto r = m_store->reserve(QStringLiteral("acme"), QStringLiteral("h1"), QStringLiteral("container"), QStringLiteral("web"), 1, 1);
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Denied);
        const Bill b = bill(QStringLiteral("hour"), T0, T0 + 2 * 3600);
        QCOMPARE(money(b.total), QStringLiteral("0.20"));
        for (const BillLine &l : b.lines)
            QCOMPARE(l.item, QStringLiteral("plan"));
    }

    // A reservation whose request never came back is given back after ten minutes, not before.
    void staleReservationsAge()
    {
        QVERIFY(acmeOnBasicAt(T0));
        QVERIFY(m_store->reserve(QStringLiteral("acme"), QStringLiteral("h1"), QStringLiteral("container"), QStringLiteral("web"), 1, 1));
        QCOMPARE(m_store->usage(QStringLiteral("acme"))->containers, 1);
        m_clock.setSecs(T0 + 300);
        auto early = QuotaReconciler::reconcile(*m_store, QStringLiteral("h1"), QJsonArray{}, false);
        QVERIFY(early);
        QVERIFY(early->stale.isEmpty());
        QCOMPARE(m_store->usage(QStringLiteral("acme"))->containers, 1);
        m_clock.setSecs(T0 + 601);
        auto late = QuotaReconciler::reconcile(*m_store, QStringLiteral("h1"), QJsonArray{}, false);
        QVERIFY(late);
        QCOMPARE(late->stale.size(), 1);
        QCOMPARE(m_store->usage(QStringLiteral("acme"))->containers, 0);
    }
};

QTEST_GUILESS_MAIN(TestBilling)
#include "tst_billing.moc"
