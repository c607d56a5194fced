// Metering without a daemon or waiting: run intervals split into hours (a table of cases),
// and the meter's ticks against an engine kept in memory (tests/fakeengine.h) with a clock the
// test sets: a run found on the first tick, starts and stops told by the events between two
// ticks, a tick run twice writing the same numbers, a container gone without a trace, and a
// tenant's volume measured for the day; a tenant's own daemon, where what the tenant made
// without Wharf is adopted with its limits (or the cgroup's) and metered.
#include "operations/tenancyadmin.h"
#include "tenancy/meter.h"
#include "tenancy/controlround.h"
#include "tenancy/tenantdaemons.h"
#include "core/clock.h"
#include "docker/dockerclient.h"
#include "store/meteringstore.h"
#include "store/store.h"
#include "store/tenancystore.h"
#include "fakeengine.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Wharf::Models;
using namespace Wharf::Backends;
using TestSupport::FakeEngine;

Q_DECLARE_METATYPE(QList<RunInterval>)

namespace {
// 2026-03-01 00:00:00 UTC
const qint64 T0 = QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
const qint64 OneCpu = 1'000'000'000;
const qint64 OneGiB = 1LL << 30;

RunInterval run(const char *ref, qint64 start, qint64 stop)
{
    return RunInterval{0, QStringLiteral("acme"), QStringLiteral("h1"), QString::fromLatin1(ref), QString::fromLatin1(ref), OneCpu, OneGiB, start, stop};
}
} // namespace

class TestMetering : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    ManualClock m_clock;
    std::shared_ptr<TenancyStore> m_store;
    std::unique_ptr<MeteringStore> m_metering;
    std::unique_ptr<FakeEngine> m_engine;
    std::unique_ptr<DockerClient> m_client;

    Expected<MeterReport> tick(qint64 at)
    {
        m_clock.setSecs(at);
        Meter meter(m_client.get(), QStringLiteral("h1"), m_store);
        std::optional<Expected<MeterReport>> got;
        meter.tick([&got](const Expected<MeterReport> &r) { got = r; });
        if (!QTest::qWaitFor([&got] { return got.has_value(); }, 10000))
            return Error::make(Error::Timeout, QStringLiteral("the tick did not end"));
        return *got;
    }
    // seconds of use per hour (from T0) of a container
    QList<int> secondsPerHour(const QString &ref, int hours)
    {
        QList<int> out(hours, 0);
        auto rows = m_metering->usage(QStringLiteral("acme"), T0, T0 + hours * 3600);
        if (!rows) {
            qWarning() << rows.error().message;
            return {};
        }
        for (const UsageHour &u : *rows)
            if (u.ref == ref && u.kind == QLatin1String("container"))
                out[int((u.hour - T0) / 3600)] += u.seconds;
        return out;
    }
    // acme's container, recorded as the gate records it: reserved, then made
    void acmeOwns(const QString &id, const QString &name)
    {
        auto r = m_store->reserve(QStringLiteral("acme"), QStringLiteral("h1"), QStringLiteral("container"), name, OneCpu, OneGiB);
        QVERIFY(r);
        QVERIFY(!m_store->activate(*r, id, name).isError());
    }

private Q_SLOTS:
    void hoursOf_data()
    {
        QTest::addColumn<QList<RunInterval>>("runs");
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("to");
        QTest::addColumn<QList<int>>("seconds"); // per hour from T0, of "c1"
        QTest::addRow("inside one hour") << QList<RunInterval>{run("c1", T0 + 600, T0 + 1800)} << T0 << T0 + 3600 << QList<int>{1200};
        QTest::addRow("across an hour boundary") << QList<RunInterval>{run("c1", T0 + 3000, T0 + 4200)} << T0 << T0 + 7200 << QList<int>{600, 600};
        QTest::addRow("still running: cut at the end") << QList<RunInterval>{run("c1", T0 + 1800, 0)} << T0 << T0 + 5400 << QList<int>{1800, 1800};
        QTest::addRow("started before the window") << QList<RunInterval>{run("c1", T0 - 7200, T0 + 900)} << T0 << T0 + 3600 << QList<int>{900};
        QTest::addRow("two runs in one hour add up") << QList<RunInterval>{run("c1", T0, T0 + 600), run("c1", T0 + 1200, T0 + 1500)} << T0 << T0 + 3600
                                                     << QList<int>{900};
        QTest::addRow("stopped as it started") << QList<RunInterval>{run("c1", T0 + 60, T0 + 60)} << T0 << T0 + 3600 << QList<int>{0};
        QTest::addRow("whole hours") << QList<RunInterval>{run("c1", T0, T0 + 3 * 3600)} << T0 << T0 + 3 * 3600 << QList<int>{3600, 3600, 3600};
        QTest::addRow("ended before the window") << QList<RunInterval>{run("c1", T0 - 600, T0 - 60)} << T0 << T0 + 3600 << QList<int>{0};
    }
    void hoursOf()
    {
        QFETCH(QList<RunInterval>, runs);
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        QFETCH(QList<int>, seconds);
        QList<int> got(seconds.size(), 0);
        for (const UsageHour &u : MeteringStore::hoursOf(runs, from, to)) {
            QCOMPARE(u.ref, QStringLiteral("c1"));
            QVERIFY(u.hour >= T0 && u.hour < T0 + seconds.size() * 3600);
            QCOMPARE(u.hour % 3600, 0);
            got[int((u.hour - T0) / 3600)] += u.seconds;
            // allocation × time
            QCOMPARE(u.cpuNanoSeconds, OneCpu * u.seconds);
            QCOMPARE(u.memoryByteSeconds, OneGiB * u.seconds);
        }
        QCOMPARE(got, seconds);
    }

    void init()
    {
        auto url = StoreUrl::parse(QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("meter-%1.db").arg(m_n++)));
        auto s = Store::open(*url);
        QVERIFY(s);
        QVERIFY(!(*s)->migrate().isError());
        m_store = std::make_shared<TenancyStore>(*s);
        m_store->setClock(&m_clock);
        m_metering = std::make_unique<MeteringStore>(*s);
        m_clock.setSecs(T0);
        TenancyAdmin admin(*m_store);
        Plan basic;
        basic.name = QStringLiteral("basic");
        basic.maxContainers = 4;
        basic.cpusNano = 4 * OneCpu;
        basic.memoryBytes = 4 * OneGiB;
        basic.diskBytes = 10 * OneGiB;
        QVERIFY(!admin.createPlan(basic).isError());
        Tenant acme;
        acme.name = QStringLiteral("acme");
        acme.plan = QStringLiteral("basic");
        QVERIFY(!admin.createTenant(acme).isError());
        m_engine = std::make_unique<FakeEngine>(m_dir.filePath(QStringLiteral("engine-%1.sock").arg(m_n)));
        m_engine->addImage(QStringLiteral("web:1"), QStringLiteral("sha256:web1"));
        auto ep = Endpoint::parse(m_engine->url());
        QVERIFY(ep);
        m_client = std::make_unique<DockerClient>(*ep);
    }
    void cleanup()
    {
        m_client.reset();
        m_engine.reset();
        m_metering.reset();
        m_store.reset();
    }

    void ticksFollowRunsAndStops()
    {
        const QString c1 = QStringLiteral("c1") + QString(62, QLatin1Char('0'));
        acmeOwns(c1, QStringLiteral("web"));
        m_engine->addContainer(c1, QStringLiteral("web"), QStringLiteral("web:1"), true, T0 + 600);
        // someone else's container is not metered
        m_engine->addContainer(QStringLiteral("f") + QString(63, QLatin1Char('0')), QStringLiteral("other"), QStringLiteral("web:1"), true, T0);

        // First tick: the run is found (it started at 00:10, inspect says) and charged since.
        auto first = tick(T0 + 1800);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QCOMPARE(first->runsStarted, 1);
        QCOMPARE(secondsPerHour(c1, 3), (QList<int>{1200, 0, 0}));

        // Between ticks it stopped at 00:50, ran again 01:10–01:40 and is stopped now.
        m_engine->events << FakeEngine::Event{T0 + 3000, c1, QStringLiteral("die")} << FakeEngine::Event{T0 + 4200, c1, QStringLiteral("start")}
                         << FakeEngine::Event{T0 + 6000, c1, QStringLiteral("die")};
        m_engine->containers[c1].running = false;
        m_engine->containers[c1].finishedAt = T0 + 6000;
        auto second = tick(T0 + 7200);
        QVERIFY2(second, qPrintable(second ? QString() : second.error().message));
        QCOMPARE(second->runsStarted, 1);
        QCOMPARE(second->runsStopped, 2);
        QCOMPARE(secondsPerHour(c1, 3), (QList<int>{2400, 1800, 0}));

        // The same tick again (a restart, a second controller): the same numbers, not twice.
        auto again = tick(T0 + 7200);
        QVERIFY(again);
        QCOMPARE(secondsPerHour(c1, 3), (QList<int>{2400, 1800, 0}));
        auto open = m_metering->openIntervals(QStringLiteral("h1"));
        QVERIFY(open);
        QVERIFY(open->isEmpty());
    }

    // A running container that disappears between ticks (its events expired) is charged up to
    // the last tick that saw it, not to now.
    void goneWithoutATrace()
    {
        const QString c2 = QStringLiteral("c2") + QString(62, QLatin1Char('0'));
        acmeOwns(c2, QStringLiteral("api"));
        m_engine->addContainer(c2, QStringLiteral("api"), QStringLiteral("web:1"), true, T0);
        QVERIFY(tick(T0 + 3600));
        m_engine->containers.remove(c2);
        auto later = tick(T0 + 4 * 3600);
        QVERIFY(later);
        QCOMPARE(later->runsStopped, 1);
        QCOMPARE(secondsPerHour(c2, 4), (QList<int>{3600, 0, 0, 0}));
    }

    // A tenant's volume is measured once a day by the daemon's disk usage; gone volumes give
    // their disk back.
    void volumesMeasured()
    {
        auto r = m_store->reserve(QStringLiteral("acme"), QStringLiteral("h1"), QStringLiteral("volume"), QStringLiteral("data"), 0, 0);
        QVERIFY(r);
        QVERIFY(!m_store->activate(*r, QStringLiteral("data"), QStringLiteral("data")).isError());
        m_engine->volumeSizes.insert(QStringLiteral("data"), 3 * OneGiB);
        m_engine->volumeSizes.insert(QStringLiteral("someone-elses"), OneGiB);
        auto t = tick(T0 + 600);
        QVERIFY2(t, qPrintable(t ? QString() : t.error().message));
        QCOMPARE(t->volumesMeasured, 1);
        auto days = m_metering->volumeDays(QStringLiteral("acme"), T0, T0 + 86400);
        QVERIFY(days);
        QCOMPARE(days->size(), 1);
        QCOMPARE(days->first().sizeBytes, 3 * OneGiB);
        // larger later the same day: the day keeps the largest size seen
        m_engine->volumeSizes[QStringLiteral("data")] = 5 * OneGiB;
        QVERIFY(tick(T0 + 7200));
        QCOMPARE(m_metering->volumeDays(QStringLiteral("acme"), T0, T0 + 86400)->first().sizeBytes, 5 * OneGiB);
        m_engine->volumeSizes.remove(QStringLiteral("data"));
        auto gone = tick(T0 + 10800);
        QVERIFY(gone);
        QCOMPARE(gone->volumesGone, 1);
    }

    // A tenant's own daemon (its rootless daemon, a dedicated host): everything on it is the
    // tenant's. Containers and volumes it made without Wharf are adopted (each container with
    // its own limits, or the cgroup's when it has none), then metered; a second round adopts
    // nothing twice; a container it removed gives its quota back.
    void aTenantsOwnDaemon()
    {
        const QString key = QStringLiteral("acme@10.0.0.5:2222");
        const QString viaWharf = QStringLiteral("a1") + QString(62, QLatin1Char('0'));
        const QString limited = QStringLiteral("a2") + QString(62, QLatin1Char('0'));
        const QString unlimited = QStringLiteral("a3") + QString(62, QLatin1Char('0'));
        auto made = m_store->reserve(QStringLiteral("acme"), key, QStringLiteral("container"), QStringLiteral("web"), OneCpu, OneGiB);
        QVERIFY(made);
        QVERIFY(!m_store->activate(*made, viaWharf, QStringLiteral("web")).isError());
        m_engine->addContainer(viaWharf, QStringLiteral("web"), QStringLiteral("web:1"), true, T0).labels =
            QJsonObject{{QStringLiteral("io.wharf.tenant"), QStringLiteral("acme")}};
        // docker run --cpus 0.5 -m 256m, and a bare docker run (a foreign label changes nothing)
        m_engine->addContainer(limited, QStringLiteral("batch"), QStringLiteral("web:1"), true, T0 + 600).config =
            QJsonObject{{QStringLiteral("HostConfig"), QJsonObject{{QStringLiteral("CpuQuota"), 50000}, {QStringLiteral("CpuPeriod"), 100000},
                                                                   {QStringLiteral("Memory"), 256 << 20}}}};
        m_engine->addContainer(unlimited, QStringLiteral("shell"), QStringLiteral("web:1"), false, T0).labels =
            QJsonObject{{QStringLiteral("io.wharf.tenant"), QStringLiteral("someone-else")}};
        m_engine->volumeSizes.insert(QStringLiteral("cache"), 2 * OneGiB);

        QuotaReconciler::Owner owner;
        owner.tenant = QStringLiteral("acme");
        owner.cpusNano = 2 * OneCpu;
        owner.memoryBytes = OneGiB / 2;
        auto round = [&](qint64 at) {
            m_clock.setSecs(at);
            ControlRound r(m_client.get(), key, m_store);
            r.setOwner(owner);
            std::optional<ControlRound::Report> got;
            r.run([&got](const ControlRound::Report &rep) { got = rep; });
            [&] { QVERIFY(QTest::qWaitFor([&got] { return got.has_value(); }, 60000)); }();
            return got.value_or(ControlRound::Report{});
        };
        const ControlRound::Report first = round(T0 + 3600);
        QVERIFY2(first.ok(), qPrintable(!first.meter ? first.meter.error().message : first.reconcile ? QString() : first.reconcile.error().message));
        QCOMPARE(first.tenant, QStringLiteral("acme"));
        QCOMPARE(first.reconcile->untracked.size(), 2);
        QCOMPARE(first.meter->runsStarted, 2); // web and batch run; shell does not
        QCOMPARE(first.meter->volumesAdopted, 1);
        auto mine = m_store->resources(QStringLiteral("acme"), key);
        QVERIFY(mine);
        QHash<QString, OwnedResource> byRef;
        for (const OwnedResource &r : *mine)
            byRef.insert(r.ref, r);
        QCOMPARE(byRef.size(), 4);
        QCOMPARE(byRef.value(limited).cpusNano, OneCpu / 2);
        QCOMPARE(byRef.value(limited).memoryBytes, qint64(256 << 20));
        QCOMPARE(byRef.value(unlimited).cpusNano, 2 * OneCpu);
        QCOMPARE(byRef.value(unlimited).memoryBytes, OneGiB / 2);
        QCOMPARE(byRef.value(QStringLiteral("cache")).diskBytes, 2 * OneGiB);
        QCOMPARE(m_store->usage(QStringLiteral("acme"))->containers, 3);
        // metered like the rest: web the whole hour, batch since 00:10
        QCOMPARE(secondsPerHour(limited, 1), QList<int>{3000});
        auto runs = m_metering->intervals(key, T0, T0 + 3600);
        QVERIFY(runs);
        QCOMPARE(runs->size(), 2);

        // Again: nothing adopted twice. The tenant removed batch meanwhile: its quota goes back.
        m_engine->containers.remove(limited);
        const ControlRound::Report second = round(T0 + 7200);
        QVERIFY(second.ok());
        QCOMPARE(second.reconcile->untracked.size(), 0);
        QCOMPARE(second.reconcile->gone.size(), 1);
        QCOMPARE(m_store->resources(QStringLiteral("acme"), key)->size(), 3);
        QCOMPARE(m_store->usage(QStringLiteral("acme"))->containers, 2);
        // At most MaxInspections containers made without Wharf are inspected a round; the
        // others are adopted in a later round, with their own limits, never a guess.
        for (int i = 0; i < ControlRound::MaxInspections + 5; ++i)
            m_engine->addContainer(QStringLiteral("b%1").arg(i, 63, 10, QLatin1Char('0')), QStringLiteral("many-%1").arg(i), QStringLiteral("web:1"), false, T0)
                .config = QJsonObject{{QStringLiteral("HostConfig"), QJsonObject{{QStringLiteral("Memory"), 64 << 20}}}};
        const ControlRound::Report third = round(T0 + 7300);
        QVERIFY(third.ok());
        QCOMPARE(m_store->resources(QStringLiteral("acme"), key)->size(), 3 + ControlRound::MaxInspections);
        const ControlRound::Report fourth = round(T0 + 7400);
        QVERIFY(fourth.ok());
        auto all = m_store->resources(QStringLiteral("acme"), key);
        QCOMPARE(all->size(), 3 + ControlRound::MaxInspections + 5);
        for (const OwnedResource &r : *all)
            if (r.name.startsWith(QLatin1String("many-")))
                QCOMPARE(r.memoryBytes, qint64(64 << 20));
        // The host's own daemon, metered the usual way, adopts nobody's containers.
        QVERIFY(m_store->resources(QStringLiteral("acme"), QStringLiteral("h1"))->isEmpty());
    }

    // The tenants' daemons of a host, as its admin reaches them.
    void tenantDaemonsOfAHost()
    {
        TenantEndpoint rootless;
        rootless.tenant = QStringLiteral("acme");
        rootless.host = QStringLiteral("node-1");
        rootless.url = QStringLiteral("ssh://wharf-acme@10.0.0.5:2222/var/lib/wharf/tenants/wharf-acme/run/docker.sock");
        rootless.memoryBytes = TenantDaemons::DaemonMemory + OneGiB;
        rootless.cpusNano = 2 * OneCpu;
        QCOMPARE(rootless.hostKey(), QStringLiteral("acme@10.0.0.5:2222"));
        QCOMPARE(rootless.socket(), QStringLiteral("/var/lib/wharf/tenants/wharf-acme/run/docker.sock"));
        TenantEndpoint dedicated;
        dedicated.tenant = QStringLiteral("beta");
        dedicated.host = QStringLiteral("node-1");
        dedicated.kind = QStringLiteral("dedicated");
        dedicated.url = QStringLiteral("ssh://wharf-beta@node1.example/var/run/docker.sock");
        QCOMPARE(dedicated.hostKey(), QStringLiteral("beta@node1.example"));
        TenantEndpoint elsewhere = rootless;
        elsewhere.host = QStringLiteral("node-2");

        const auto admin = Endpoint::parse(QStringLiteral("ssh://root@10.0.0.5:2222"));
        QVERIFY(admin);
        const auto daemons = ControlRound::tenantDaemons(*admin, QStringLiteral("node-1"), {rootless, dedicated, elsewhere});
        QCOMPARE(daemons.size(), 2);
        QVERIFY(daemons.at(0).address);
        QCOMPARE(daemons.at(0).address->url(), QStringLiteral("ssh://root@10.0.0.5:2222/var/lib/wharf/tenants/wharf-acme/run/docker.sock"));
        QCOMPARE(daemons.at(0).owner.tenant, QStringLiteral("acme"));
        QCOMPARE(daemons.at(0).owner.memoryBytes, OneGiB); // the cgroup less the daemon's own share
        QCOMPARE(daemons.at(0).owner.cpusNano, 2 * OneCpu);
        QCOMPARE(daemons.at(1).address->url(), QStringLiteral("ssh://root@10.0.0.5:2222/var/run/docker.sock"));
        QCOMPARE(daemons.at(1).owner.tenant, QStringLiteral("beta"));
        // this machine's socket: the tenant's socket on this machine
        const auto local = ControlRound::tenantDaemons(*Endpoint::parse(QStringLiteral("unix:///var/run/docker.sock")), QStringLiteral("node-1"), {rootless});
        QCOMPARE(local.at(0).address->url(), QStringLiteral("unix:///var/lib/wharf/tenants/wharf-acme/run/docker.sock"));
        // a TCP host has no way in to a socket
        const auto tcp = ControlRound::tenantDaemons(*Endpoint::parse(QStringLiteral("tcp://10.0.0.5:2376"), {}, true), QStringLiteral("node-1"), {rootless});
        QVERIFY(!tcp.at(0).address);
        QVERIFY(tcp.at(0).address.error().message.contains(QLatin1String("TCP")));
    }

    // The daemon fails during a tick: the tick says so and records nothing as done.
    void daemonFailsDuringATick()
    {
        const QString c3 = QStringLiteral("c3") + QString(62, QLatin1Char('0'));
        acmeOwns(c3, QStringLiteral("job"));
        m_engine->addContainer(c3, QStringLiteral("job"), QStringLiteral("web:1"), true, T0);
        QVERIFY(tick(T0 + 1800));
        m_engine->failOn("GET", QStringLiteral("/events"), 1, QStringLiteral("injected failure"));
        auto failed = tick(T0 + 3600);
        QVERIFY(!failed);
        QVERIFY(failed.error().message.contains(QLatin1String("injected failure")));
        QCOMPARE(*m_metering->lastTick(QStringLiteral("h1")), T0 + 1800);
        m_engine->clearFaults();
        QVERIFY(tick(T0 + 3600));
        QCOMPARE(secondsPerHour(c3, 2), (QList<int>{3600, 0}));
    }
};

QTEST_GUILESS_MAIN(TestMetering)
#include "tst_metering.moc"
