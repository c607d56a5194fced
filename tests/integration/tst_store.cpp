// The metadata store on both engines: migrations, plans, tenants, quota reservations under
// concurrency, the audit log, the control lease, and (PostgreSQL) row-level security checked
// with raw SQL from a tenant's own role.
#include "storesupport.h"
#include "store/controllease.h"
#include "store/money.h"
#include "store/tenancystore.h"

#include <QFile>
#include <QSqlRecord>
#include <QtConcurrent>

using namespace Wharf::Backends;
using namespace TestSupport;

class TestStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static void engines()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgres") << QStringLiteral("postgres");
    }

    std::shared_ptr<Store> open(const QString &url, const QString &password = postgresPassword())
    {
        auto u = StoreUrl::parse(url);
        if (!u) {
            qWarning() << u.error().message;
            return {};
        }
        auto s = Store::open(*u, u->engine == StoreUrl::Postgres ? password : QString());
        if (!s) {
            qWarning() << s.error().message;
            return {};
        }
        return *s;
    }

    std::shared_ptr<Store> fresh(const QString &engine, QString *urlOut = nullptr)
    {
        const QString url = freshDatabaseUrl(engine, m_dir);
        if (urlOut)
            *urlOut = url;
        auto s = open(url);
        if (s) {
            const Error e = s->migrate();
            if (e.isError())
                qWarning() << e.message;
        }
        return s;
    }

    static Plan smallPlan(const QString &name = QStringLiteral("small"))
    {
        Plan p;
        p.name = name;
        p.maxContainers = 5;
        p.cpusNano = 2'000'000'000;
        p.memoryBytes = 1024LL * 1024 * 1024;
        p.priceHour = *Money::parse(QStringLiteral("0.05"));
        p.cpuPriceHour = *Money::parse(QStringLiteral("0.0125"));
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!postgresEnv().isEmpty(), "the postgres fixture is not running (tests/fixtures/postgres.sh)");
    }

    void money()
    {
        QCOMPARE(Money::parse(QStringLiteral("0.0125"))->micros(), 12500);
        QCOMPARE(Money::parse(QStringLiteral("12"))->micros(), 12'000'000);
        QCOMPARE(Money::parse(QStringLiteral("3.5"))->toString(), QStringLiteral("3.50"));
        QCOMPARE(Money::parse(QStringLiteral("0.0125"))->toString(), QStringLiteral("0.0125"));
        QVERIFY(!Money::parse(QStringLiteral("1.1234567")));
        QVERIFY(!Money::parse(QStringLiteral("-1")));
        QVERIFY(!Money::parse(QStringLiteral("1e3")));
        QVERIFY(Money::parse(QStringLiteral("abc")).error().message.contains(QLatin1String("not an amount")));
        // 0.1 a thousand times is exactly 100 (no floating point drift)
        Money sum;
        for (int i = 0; i < 1000; ++i)
            sum += *Money::parse(QStringLiteral("0.1"));
        QCOMPARE(sum.toString(), QStringLiteral("100.00"));
        // prorating rounds half to even at the micro-unit
        QCOMPARE(Money::prorate(Money::fromMicros(1), 1, 2).micros(), 0);
        QCOMPARE(Money::prorate(Money::fromMicros(3), 1, 2).micros(), 2);
        QCOMPARE(Money::prorate(Money::fromMicros(12500), 1800, 3600).micros(), 6250);
        // large: 1000 CPUs for a month at 1.0 per CPU-hour in nano-CPU-seconds
        const qint64 nanoCpuSeconds = 1000LL * 1'000'000'000 * 30 * 24 * 3600;
        QCOMPARE(Money::prorate(*Money::parse(QStringLiteral("1")), nanoCpuSeconds, 1'000'000'000LL * 3600).toString(),
                 QStringLiteral("720000.00"));
    }

    void urls()
    {
        QVERIFY(StoreUrl::parse(QStringLiteral("sqlite:///tmp/x.db")));
        QVERIFY(!StoreUrl::parse(QStringLiteral("sqlite://relative.db")));
        auto pg = StoreUrl::parse(QStringLiteral("postgresql://wharf@db.example:6543/platform?sslmode=verify-full&sslrootcert=/ca.pem"));
        QVERIFY(pg);
        QCOMPARE(pg->port, 6543);
        QCOMPARE(pg->database, QStringLiteral("platform"));
        QCOMPARE(pg->options.value(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
        QVERIFY(pg->toString().contains(QLatin1String("sslmode=verify-full")));
        auto withPassword = StoreUrl::parse(QStringLiteral("postgresql://wharf:secret@db/platform"));
        QVERIFY(!withPassword);
        QVERIFY(withPassword.error().message.contains(QLatin1String("keychain")));
        QVERIFY(!StoreUrl::parse(QStringLiteral("mysql://x/y")));
    }

    void migrations_data() { engines(); }
    void migrations()
    {
        QFETCH(QString, engine);
        QString url;
        auto s = open(freshDatabaseUrl(engine, m_dir));
        QVERIFY(s);
        QCOMPARE(*s->schemaVersion(), 0);
        QVERIFY(!s->migrate().isError());
        QCOMPARE(*s->schemaVersion(), Store::latestVersion());
        QVERIFY(Store::latestVersion() >= 2);
        // a second run changes nothing
        QVERIFY(!s->migrate().isError());
        QCOMPARE(s->scalar(QStringLiteral("SELECT count(*) FROM wharf_schema"))->toInt(), Store::latestVersion());
    }

    void newerDatabaseRefused_data() { engines(); }
    void newerDatabaseRefused()
    {
        QFETCH(QString, engine);
        auto s = fresh(engine);
        QVERIFY(s);
        QVERIFY(s->exec(QStringLiteral("INSERT INTO wharf_schema (version, description, applied_at) VALUES (999, 'from the future', 0)")));
        const Error e = s->migrate();
        QVERIFY(e.isError());
        QVERIFY2(e.message.contains(QLatin1String("newer")), qPrintable(e.message));
        QVERIFY(e.message.contains(QLatin1String("999")));
    }

    void failedMigrationRollsBack_data() { engines(); }
    void failedMigrationRollsBack()
    {
        QFETCH(QString, engine);
        auto s = fresh(engine);
        QVERIFY(s);
        TenancyStore t(s);
        QVERIFY(!t.createPlan(smallPlan()).isError());
        const int before = Store::latestVersion();
        Store::Migration bad{before + 1, QStringLiteral("half good"),
                             {QStringLiteral("CREATE TABLE half_done (x INTEGER)"), QStringLiteral("ALTER TABLE plans ADD COLUMN extra INTEGER"),
                              QStringLiteral("THIS IS NOT SQL")},
                             {QStringLiteral("CREATE TABLE half_done (x INTEGER)"), QStringLiteral("ALTER TABLE plans ADD COLUMN extra INTEGER"),
                              QStringLiteral("THIS IS NOT SQL")}};
        Store::setExtraMigrationsForTesting({bad});
        const Error e = s->migrate();
        Store::setExtraMigrationsForTesting({});
        QVERIFY(e.isError());
        QVERIFY2(e.message.contains(QLatin1String("rolled back")), qPrintable(e.message));
        QCOMPARE(*s->schemaVersion(), before);
        // nothing of it stayed, and the old schema still works
        QVERIFY(!s->exec(QStringLiteral("SELECT * FROM half_done")));
        QVERIFY(!s->exec(QStringLiteral("SELECT extra FROM plans")));
        QCOMPARE(t.plans()->size(), 1);
        QVERIFY(!t.createPlan(smallPlan(QStringLiteral("other"))).isError());
    }

    // A database made by the first release (schema 1, kept as a file) upgrades with its data.
    void upgradeFromFirstRelease()
    {
        const QString copy = m_dir.filePath(QStringLiteral("v1.db"));
        QVERIFY(QFile::copy(sourceDir() + QStringLiteral("/tests/data/wharf-v1.db"), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        auto s = open(QStringLiteral("sqlite://") + copy);
        QVERIFY(s);
        QCOMPARE(*s->schemaVersion(), 1);
        QVERIFY(!s->migrate().isError());
        QCOMPARE(*s->schemaVersion(), Store::latestVersion());
        TenancyStore t(s);
        auto plan = t.plan(QStringLiteral("basic"));
        QVERIFY(plan);
        QCOMPARE(plan->maxContainers, 3);
        QCOMPARE(plan->priceHour.toString(), QStringLiteral("0.10"));
        QCOMPARE(plan->cpuPriceHour.micros(), 0); // new in schema 2, defaulted
        auto tenant = t.tenant(QStringLiteral("acme"));
        QVERIFY(tenant);
        QCOMPARE(tenant->plan, QStringLiteral("basic"));
        QCOMPARE(t.usage(QStringLiteral("acme"))->containers, 1);
        QCOMPARE(t.auditLog({})->size(), 1);
        // schema 5 rebuilt the resources table: the row kept its id, new ids go on after it,
        // and a tenant's network can be recorded
        auto owned = t.resources(QStringLiteral("acme"));
        QVERIFY(owned);
        QCOMPARE(owned->size(), 1);
        QCOMPARE(owned->first().id, 1);
        QCOMPARE(owned->first().name, QStringLiteral("web"));
        auto net = t.reserve(QStringLiteral("acme"), owned->first().host, QStringLiteral("network"), QStringLiteral("app_default"), 0, 0, 0);
        QVERIFY2(net, net ? "" : qPrintable(net.error().message));
        QCOMPARE(*net, 2);
        QCOMPARE(t.usage(QStringLiteral("acme"))->containers, 1); // a network is not a container
    }

    // The same on PostgreSQL: a database at schema 1 with data, then the upgrade.
    void upgradeFromFirstReleasePostgres()
    {
        auto s = open(postgresUrl(newPostgresDatabase()));
        QVERIFY(s);
        QVERIFY(!s->migrate(1).isError());
        QCOMPARE(*s->schemaVersion(), 1);
        QVERIFY(s->exec(QStringLiteral("INSERT INTO plans (name, max_containers, cpus_nano, memory_bytes, price_hour, created_at, updated_at)"
                                       " VALUES ('basic', 3, 1000000000, 536870912, 100000, 0, 0)")));
        QVERIFY(s->exec(QStringLiteral("INSERT INTO tenants (name, created_at) VALUES ('acme', 0)")));
        QVERIFY(s->exec(QStringLiteral("INSERT INTO subscriptions (tenant, plan, valid_from) VALUES ('acme', 'basic', 0)")));
        QVERIFY(!s->migrate().isError());
        TenancyStore t(s);
        QCOMPARE(t.plan(QStringLiteral("basic"))->priceHour.toString(), QStringLiteral("0.10"));
        QCOMPARE(t.tenant(QStringLiteral("acme"))->plan, QStringLiteral("basic"));
    }

    // wharfctl's old audit rows (the command's words) are renamed to the one vocabulary.
    void auditVocabularyUpgrade_data() { engines(); }
    void auditVocabularyUpgrade()
    {
        QFETCH(QString, engine);
        auto s = open(engine == QLatin1String("sqlite") ? QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("vocab.db"))
                                                        : postgresUrl(newPostgresDatabase()));
        QVERIFY(s);
        QVERIFY(!s->migrate(5).isError());
        const QList<std::pair<QString, QString>> old{
            {QStringLiteral("plan"), QStringLiteral("create basic")}, {QStringLiteral("tenant"), QStringLiteral("suspend acme")},
            {QStringLiteral("domain"), QStringLiteral("rm h1")},      {QStringLiteral("stop"), QStringLiteral("web")},
            {QStringLiteral("rm"), QStringLiteral("web")},            {QStringLiteral("run"), QStringLiteral("busybox")},
            {QStringLiteral("rmi"), QStringLiteral("busybox")},       {QStringLiteral("pull"), QStringLiteral("busybox")},
            {QStringLiteral("volume"), QStringLiteral("create data")}, {QStringLiteral("plan.create"), QStringLiteral("kept")},
            {QStringLiteral("quota"), QStringLiteral("reconcile")}};
        for (const auto &[action, target] : old)
            QVERIFY(s->exec(QStringLiteral("INSERT INTO audit_log (at, actor, host, action, target, result, detail) VALUES (1, 'root', '', ?, ?, 'ok', '')"),
                               {action, target}));
        QVERIFY(!s->migrate().isError());
        TenancyStore t(s);
        QStringList got;
        const auto log = t.auditLog({});
        QVERIFY(log);
        for (const auto &e : *log)
            got << e.action + QLatin1Char(' ') + e.target;
        got.sort();
        QStringList want{QStringLiteral("plan.create basic"), QStringLiteral("tenant.suspend acme"), QStringLiteral("domain.remove h1"),
                         QStringLiteral("container.stop web"), QStringLiteral("container.remove web"), QStringLiteral("container.create busybox"),
                         QStringLiteral("image.remove busybox"), QStringLiteral("image.pull busybox"), QStringLiteral("volume.create data"),
                         QStringLiteral("plan.create kept"), QStringLiteral("quota.reconcile ")};
        want.sort();
        QCOMPARE(got, want);
    }

    // A change of the platform and its record commit together: a failed change leaves only
    // its failure on record, a failed record undoes the change.
    void auditedChanges_data() { engines(); }
    void auditedChanges()
    {
        QFETCH(QString, engine);
        auto s = fresh(engine);
        QVERIFY(s);
        TenancyStore t(s);
        AuditEntry e;
        e.action = QStringLiteral("plan.create");
        e.target = QStringLiteral("small");
        QVERIFY(!t.audited(e, [&] { return t.createPlan(smallPlan()); }).isError());
        QCOMPARE(t.audited(e, [&] { return t.createPlan(smallPlan()); }).kind, Error::Conflict);
        auto log = t.auditLog({});
        QCOMPARE(log->size(), 2);
        QCOMPARE(log->at(0).result, QStringLiteral("failed"));
        QCOMPARE(log->at(1).result, QStringLiteral("ok"));
        QVERIFY(!log->at(1).actor.isEmpty());
        // a change that fails half way is undone whole, and recorded as failed
        AuditEntry half = e;
        half.target = QStringLiteral("other");
        const Error failed = t.audited(half, [&]() -> Error {
            if (Error c = t.createPlan(smallPlan(QStringLiteral("other"))); c.isError())
                return c;
            return Error::make(Error::Input, QStringLiteral("the second step failed"));
        });
        QCOMPARE(failed.kind, Error::Input);
        QCOMPARE(t.auditLog({})->first().result, QStringLiteral("failed"));
        QCOMPARE(t.auditLog({})->first().target, QStringLiteral("other"));
        QVERIFY(!t.plan(QStringLiteral("other")));
    }

    void plans_data() { engines(); }
    void plans()
    {
        QFETCH(QString, engine);
        auto s = fresh(engine);
        QVERIFY(s);
        TenancyStore t(s);
        QVERIFY(!t.createPlan(smallPlan()).isError());
        QCOMPARE(t.createPlan(smallPlan()).kind, Error::Conflict);
        Plan bad = smallPlan(QStringLiteral("Bad Name"));
        QCOMPARE(t.createPlan(bad).kind, Error::Input);
        bad = smallPlan(QStringLiteral("zero"));
        bad.maxContainers = 0;
        QVERIFY(t.createPlan(bad).message.contains(QLatin1String("at least 1")));
        bad = smallPlan(QStringLiteral("free"));
        bad.freeTier = true;
        QVERIFY(t.createPlan(bad).message.contains(QLatin1String("free tier")));

        // two admins open the same plan; the second save is refused, nothing is lost
        Plan a = *t.plan(QStringLiteral("small"));
        Plan b = a;
        a.maxContainers = 7;
        QVERIFY(!t.updatePlan(a).isError());
        b.memoryBytes *= 2;
        const Error e = t.updatePlan(b);
        QCOMPARE(e.kind, Error::Conflict);
        QVERIFY2(e.message.contains(QLatin1String("changed by someone else")), qPrintable(e.message));
        const Plan now = *t.plan(QStringLiteral("small"));
        QCOMPARE(now.maxContainers, 7);
        QCOMPARE(now.memoryBytes, a.memoryBytes);
        QCOMPARE(now.revision, 2);

        // a plan in use cannot go
        Tenant acme;
        acme.name = QStringLiteral("acme");
        acme.plan = QStringLiteral("small");
        QVERIFY(!t.createTenant(acme).isError());
        const Error inUse = t.removePlan(QStringLiteral("small"));
        QCOMPARE(inUse.kind, Error::Conflict);
        QVERIFY(inUse.message.contains(QLatin1String("acme")));
        QVERIFY(t.plan(QStringLiteral("small")));
        QCOMPARE(t.removePlan(QStringLiteral("nosuch")).kind, Error::NotFound);
        QVERIFY(!t.createPlan(smallPlan(QStringLiteral("unused"))).isError());
        QVERIFY(!t.removePlan(QStringLiteral("unused")).isError());
    }

    void quota_data() { engines(); }
    void quota()
    {
        QFETCH(QString, engine);
        auto s = fresh(engine);
        QVERIFY(s);
        TenancyStore t(s);
        QVERIFY(!t.createPlan(smallPlan()).isError());
        Tenant acme;
        acme.name = QStringLiteral("acme");
        acme.plan = QStringLiteral("small");
        QVERIFY(!t.createTenant(acme).isError());
        QCOMPARE(t.createTenant(acme).kind, Error::Conflict);
        Tenant noPlan;
        noPlan.name = QStringLiteral("x");
        noPlan.plan = QStringLiteral("nosuch");
        QCOMPARE(t.createTenant(noPlan).kind, Error::NotFound);
        QVERIFY(!t.tenant(QStringLiteral("x"))); // nothing half-written

        const qint64 cpu = 400'000'000, mem = 200LL * 1024 * 1024;
        QList<qint64> held;
        for (int i = 0; i < 5; ++i) {
            auto r = t.reserve(QStringLiteral("acme"), QStringLiteral("h1"), QStringLiteral("container"), QStringLiteral("c%1").arg(i), cpu, mem);
            QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
            held << *r;
        }
        auto over = t.reserve(QStringLiteral("acme"), QStringLiteral("h1"), QStringLiteral("container"), QStringLiteral("c6"), cpu, mem);
        QVERIFY(!over);
        QCOMPARE(over.error().kind, Error::Quota);
        QVERIFY2(over.error().message.contains(QLatin1String("5 of 5 containers")), qPrintable(over.error().message));
        QCOMPARE(t.usage(QStringLiteral("acme"))->containers, 5);
        QCOMPARE(t.usage(QStringLiteral("acme"))->cpusNano, 5 * cpu);

        QVERIFY(!t.release(held.takeLast()).isError());
        // CPU is the limit now: 4 × 0.4 = 1.6 used, 0.5 more would be 2.1 of 2
        auto cpuOver = t.reserve(QStringLiteral("acme"), QStringLiteral("h1"), QStringLiteral("container"), QStringLiteral("big"), 500'000'000, mem);
        QVERIFY(!cpuOver);
        QVERIFY2(cpuOver.error().message.contains(QLatin1String("CPUs")), qPrintable(cpuOver.error().message));
        QVERIFY(!t.activate(held.first(), QStringLiteral("0123456789abcdef"), QStringLiteral("c0")).isError());
        QCOMPARE(t.owned(QStringLiteral("h1"), QStringLiteral("0123"))->id, held.first());
        QCOMPARE(t.owned(QStringLiteral("h1"), QStringLiteral("c0"))->id, held.first());
        QVERIFY(!t.owned(QStringLiteral("h2"), QStringLiteral("c0")));

        // suspended: no new resources
        QVERIFY(!t.setTenantState(QStringLiteral("acme"), QStringLiteral("suspended")).isError());
        auto suspended = t.reserve(QStringLiteral("acme"), QStringLiteral("h1"), QStringLiteral("container"), {}, 1, 1);
        QCOMPARE(suspended.error().kind, Error::Denied);
        QVERIFY(suspended.error().message.contains(QLatin1String("suspended")));
        QVERIFY(!t.setTenantState(QStringLiteral("acme"), QStringLiteral("active")).isError());

        // drifted counters are put right by a recount
        QVERIFY(s->exec(QStringLiteral("UPDATE quota_usage SET containers = 42 WHERE tenant = 'acme'")));
        auto before = t.recount(QStringLiteral("acme"));
        QCOMPARE(before->containers, 42);
        QCOMPARE(t.usage(QStringLiteral("acme"))->containers, 4);

        // a tenant with resources is not removed by accident
        QCOMPARE(t.removeTenant(QStringLiteral("acme")).kind, Error::Conflict);
        for (qint64 id : held)
            QVERIFY(!t.release(id).isError());
        QCOMPARE(t.usage(QStringLiteral("acme"))->containers, 0);
        QVERIFY(!t.removeTenant(QStringLiteral("acme")).isError());
    }

    // 20 clients, each with its own connection, race for a plan of 5 containers, 10 times over.
    void concurrentReservations_data() { engines(); }
    void concurrentReservations()
    {
        QFETCH(QString, engine);
        QString url;
        auto s = fresh(engine, &url);
        QVERIFY(s);
        TenancyStore admin(s);
        QVERIFY(!admin.createPlan(smallPlan()).isError());
        Tenant acme;
        acme.name = QStringLiteral("acme");
        acme.plan = QStringLiteral("small");
        QVERIFY(!admin.createTenant(acme).isError());
        QThreadPool pool;
        pool.setMaxThreadCount(20);
        for (int round = 0; round < 10; ++round) {
            QList<QFuture<int>> all;
            for (int i = 0; i < 20; ++i)
                all << QtConcurrent::run(&pool, [this, url] {
                    auto own = open(url); // a connection of its own, like another program
                    if (!own)
                        return -1;
                    TenancyStore t(own);
                    auto r = t.reserve(QStringLiteral("acme"), QStringLiteral("h"), QStringLiteral("container"), {}, 100'000'000, 1024 * 1024);
                    if (r)
                        return 1;
                    return r.error().kind == Error::Quota ? 0 : -1;
                });
            int granted = 0, refused = 0;
            for (auto &f : all) {
                const int v = f.result();
                QVERIFY(v >= 0);
                (v ? granted : refused)++;
            }
            QCOMPARE(granted, 5);
            QCOMPARE(refused, 15);
            QCOMPARE(admin.usage(QStringLiteral("acme"))->containers, 5);
            const QList<OwnedResource> held = *admin.resources(QStringLiteral("acme"));
            for (const auto &r : held)
                QVERIFY(!admin.release(r.id).isError());
            QCOMPARE(admin.usage(QStringLiteral("acme"))->containers, 0);
        }
    }

    // Releases, limit changes and recounts racing with each other and with reservations:
    // the counters always equal what the resource rows say.
    void concurrentReleasesRegrowsAndRecounts_data() { engines(); }
    void concurrentReleasesRegrowsAndRecounts()
    {
        QFETCH(QString, engine);
        QString url;
        auto s = fresh(engine, &url);
        QVERIFY(s);
        TenancyStore admin(s);
        Plan big = smallPlan(QStringLiteral("big"));
        big.maxContainers = 100;
        big.cpusNano = 100'000'000'000;
        QVERIFY(!admin.createPlan(big).isError());
        Tenant acme;
        acme.name = QStringLiteral("acme");
        acme.plan = big.name;
        QVERIFY(!admin.createTenant(acme).isError());
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i)
            ids << *admin.reserve(acme.name, QStringLiteral("h"), QStringLiteral("container"), {}, 100'000'000, 1024 * 1024);
        const QList<qint64> released = ids.mid(0, 2);
        const qint64 grown = ids.at(2);
        QThreadPool pool;
        pool.setMaxThreadCount(20);
        QList<QFuture<bool>> all;
        for (int i = 0; i < 20; ++i)
            all << QtConcurrent::run(&pool, [this, url, i, released, grown] {
                auto own = open(url);
                if (!own)
                    return false;
                TenancyStore t(own);
                switch (i % 4) {
                case 0: // everyone releases the same two: each gives its quota back once
                    for (qint64 id : released)
                        if (t.release(id).isError())
                            return false;
                    return true;
                case 1: // changes of one container's CPUs, each from what the last left
                    return bool(t.regrow(grown, 100'000'000 * (i + 1), -1));
                case 2:
                    return bool(t.recount(QStringLiteral("acme")));
                default:
                    return bool(t.reserve(QStringLiteral("acme"), QStringLiteral("h"), QStringLiteral("container"), {}, 100'000'000, 1024 * 1024));
                }
            });
        for (auto &f : all)
            QVERIFY(f.result());
        const QList<OwnedResource> rows = *admin.resources(acme.name);
        QCOMPARE(rows.size(), 3 + 5); // five reserved by the racers
        qint64 cpus = 0;
        for (const auto &r : rows)
            cpus += r.cpusNano;
        const QuotaUsage u = *admin.usage(acme.name);
        QCOMPARE(u.containers, 8);
        QCOMPARE(u.cpusNano, cpus);
        QCOMPARE(u.memoryBytes, 8LL * 1024 * 1024);
    }

    void auditLog_data() { engines(); }
    void auditLog()
    {
        QFETCH(QString, engine);
        auto s = fresh(engine);
        QVERIFY(s);
        TenancyStore t(s);
        QVERIFY(!t.createPlan(smallPlan()).isError());
        Tenant acme;
        acme.name = QStringLiteral("acme");
        acme.plan = QStringLiteral("small");
        QVERIFY(!t.createTenant(acme).isError());
        for (int i = 0; i < 6; ++i) {
            AuditEntry e;
            e.at = 1000 + i;
            e.actor = i % 2 ? QStringLiteral("alice") : QStringLiteral("bob");
            e.tenant = i < 3 ? QStringLiteral("acme") : QString();
            e.host = QStringLiteral("h%1").arg(i % 3);
            e.action = i % 2 ? QStringLiteral("container.create") : QStringLiteral("plan.update");
            e.result = QStringLiteral("ok");
            QVERIFY(!t.audit(e).isError());
        }
        QCOMPARE(t.auditLog({})->size(), 6);
        AuditFilter f;
        f.tenant = QStringLiteral("acme");
        QCOMPARE(t.auditLog(f)->size(), 3);
        f = {};
        f.actor = QStringLiteral("alice");
        f.action = QStringLiteral("container");
        QCOMPARE(t.auditLog(f)->size(), 3);
        f = {};
        f.since = 1004;
        QCOMPARE(t.auditLog(f)->size(), 2);
        QCOMPARE(t.auditLog(f)->first().at, 1005); // newest first
        f = {};
        f.host = QStringLiteral("h0");
        f.until = 1002;
        QCOMPARE(t.auditLog(f)->size(), 1);
    }

    void controlLease_data() { engines(); }
    void controlLease()
    {
        QFETCH(QString, engine);
        QString url;
        auto s = fresh(engine, &url);
        QVERIFY(s);
        const StoreUrl u = *StoreUrl::parse(url);
        const QString password = engine == QLatin1String("postgres") ? postgresPassword() : QString();
        ControlLease first(u, password, QStringLiteral("host-a"));
        ControlLease second(u, password, QStringLiteral("host-a"));
        ControlLease other(u, password, QStringLiteral("host-b"));
        QCOMPARE(*first.tryAcquire(), true);
        QCOMPARE(*second.tryAcquire(), false);
        QCOMPARE(*other.tryAcquire(), true); // one lease per host
        QVERIFY(first.check());
        first.release();
        QCOMPARE(*second.tryAcquire(), true);
        QCOMPARE(*first.tryAcquire(), false);
    }

    // A tenant's own role sees and changes only its own rows, whatever SQL it sends.
    void rowLevelSecurity()
    {
        const QString db = newPostgresDatabase();
        auto s = open(postgresUrl(db));
        QVERIFY(s);
        QVERIFY(!s->migrate().isError());
        TenancyStore admin(s);
        QVERIFY(!admin.createPlan(smallPlan()).isError());
        for (const char *name : {"ta", "tb"}) {
            Tenant t;
            t.name = QLatin1String(name);
            t.plan = QStringLiteral("small");
            QVERIFY(!admin.createTenant(t).isError());
            QVERIFY(!admin.createTenantRole(t.name, QStringLiteral("password-of-") + t.name).isError());
            auto r = admin.reserve(t.name, QStringLiteral("h"), QStringLiteral("container"), QStringLiteral("web-") + t.name, 1, 1);
            QVERIFY(r);
            AuditEntry e;
            e.actor = QStringLiteral("admin");
            e.tenant = t.name;
            e.action = QStringLiteral("container.create");
            e.result = QStringLiteral("ok");
            QVERIFY(!admin.audit(e).isError());
        }
        HostDomain privateB{QStringLiteral("b-host"), QStringLiteral("private"), QStringLiteral("tb")};
        QVERIFY(!admin.setHostDomain(privateB).isError());
        QVERIFY(!admin.setHostDomain({QStringLiteral("shared"), QStringLiteral("public"), {}}).isError());
        // the admin role owns nothing: the tables belong to the migrating role
        QCOMPARE(s->scalar(QStringLiteral("SELECT tableowner FROM pg_tables WHERE tablename = 'resources'"))->toString(),
                 postgresEnv().value(QStringLiteral("WHARF_TEST_PG_USER")));
        QVERIFY(s->scalar(QStringLiteral("SELECT relforcerowsecurity FROM pg_class WHERE relname = 'resources'"))->toBool());

        auto a = open(postgresUrl(db, TenancyStore::roleOf(QStringLiteral("ta"))), QStringLiteral("password-of-ta"));
        QVERIFY(a);
        QCOMPARE(*TenancyStore(a).connectedTenant(), QStringLiteral("ta"));
        auto names = [&](const QString &sql) {
            QStringList out;
            auto q = a->exec(sql);
            if (!q)
                return QStringList{q.error().message};
            while (q->next())
                out << q->value(0).toString();
            return out;
        };
        QCOMPARE(names(QStringLiteral("SELECT name FROM tenants ORDER BY name")), QStringList{QStringLiteral("ta")});
        QCOMPARE(names(QStringLiteral("SELECT name FROM resources ORDER BY name")), QStringList{QStringLiteral("web-ta")});
        QCOMPARE(names(QStringLiteral("SELECT tenant FROM quota_usage")), QStringList{QStringLiteral("ta")});
        QCOMPARE(names(QStringLiteral("SELECT tenant FROM audit_log")), QStringList{QStringLiteral("ta")});
        QCOMPARE(names(QStringLiteral("SELECT name FROM hosts")), QStringList{QStringLiteral("shared")});
        QCOMPARE(names(QStringLiteral("SELECT name FROM plans")), QStringList{QStringLiteral("small")});
        // changing B's rows: nothing matches, or refused outright
        QCOMPARE(a->exec(QStringLiteral("UPDATE quota_usage SET containers = 0 WHERE tenant = 'tb'"))->numRowsAffected(), 0);
        QCOMPARE(a->exec(QStringLiteral("DELETE FROM resources WHERE tenant = 'tb'"))->numRowsAffected(), 0);
        const auto insertForB = a->exec(QStringLiteral("INSERT INTO resources (tenant, host, kind, state, created_at) VALUES ('tb', 'h', 'container', 'active', 0)"));
        QVERIFY(!insertForB);
        QCOMPARE(insertForB.error().kind, Error::Denied);
        const auto moveToB = a->exec(QStringLiteral("UPDATE resources SET tenant = 'tb' WHERE tenant = 'ta'"));
        QVERIFY(!moveToB);
        QVERIFY(!a->exec(QStringLiteral("UPDATE plans SET max_containers = 1000")));
        QVERIFY(!a->exec(QStringLiteral("UPDATE tenants SET state = 'active' WHERE name = 'tb'")));
        QVERIFY(!a->exec(QStringLiteral("INSERT INTO audit_log (at, actor, tenant, action, result) VALUES (0, 'x', 'tb', 'forged', 'ok')")));
        // B's data is intact
        QCOMPARE(admin.usage(QStringLiteral("tb"))->containers, 1);
        QCOMPARE(admin.resources(QStringLiteral("tb"))->size(), 1);
        // and A can still reserve within its own quota through the same code the console runs
        TenancyStore asA(a);
        QVERIFY(asA.reserve(QStringLiteral("ta"), QStringLiteral("shared"), QStringLiteral("container"), {}, 1, 1));
        QVERIFY(!asA.reserve(QStringLiteral("tb"), QStringLiteral("shared"), QStringLiteral("container"), {}, 1, 1));
        QCOMPARE(admin.usage(QStringLiteral("tb"))->containers, 1);

        // members with roles of their own: confined like the tenant's role, and may write the
        // audit log only as themselves; an admin's own role sees everything
        QVERIFY(!admin.createUser(QStringLiteral("alice"), QStringLiteral("ta"), QStringLiteral("password-of-alice")).isError());
        QCOMPARE(admin.createUser(QStringLiteral("alice"), QStringLiteral("tb"), QStringLiteral("password-of-alice")).kind, Error::Conflict);
        QCOMPARE(admin.createUser(QStringLiteral("short"), QStringLiteral("ta"), QStringLiteral("short")).kind, Error::Input);
        QVERIFY(!admin.createUser(QStringLiteral("root"), {}, QStringLiteral("password-of-root")).isError());
        auto alice = open(postgresUrl(db, TenancyStore::memberRoleOf(QStringLiteral("ta"), QStringLiteral("alice"))), QStringLiteral("password-of-alice"));
        QVERIFY(alice);
        TenancyStore asAlice(alice);
        QCOMPARE(*asAlice.connectedTenant(), QStringLiteral("ta"));
        QCOMPARE(asAlice.tenants()->size(), 1);
        AuditEntry own;
        own.actor = TenancyStore::memberRoleOf(QStringLiteral("ta"), QStringLiteral("alice"));
        own.tenant = QStringLiteral("ta");
        own.action = QStringLiteral("container.stop");
        own.result = QStringLiteral("ok");
        QVERIFY(!asAlice.audit(own).isError());
        AuditEntry forged = own;
        forged.actor = QStringLiteral("wharf_t_ta");
        QVERIFY(asAlice.audit(forged).isError());
        QStringList people;
        const QList<User> users = *asAlice.users();
        for (const auto &u : users)
            people << u.name;
        QCOMPARE(people, (QStringList{QStringLiteral("alice"), QStringLiteral("wharf_t_ta")}));
        auto root = open(postgresUrl(db, TenancyStore::memberRoleOf({}, QStringLiteral("root"))), QStringLiteral("password-of-root"));
        QVERIFY(root);
        QCOMPARE(*TenancyStore(root).connectedTenant(), QString());
        QCOMPARE(TenancyStore(root).tenants()->size(), 2);
        const Error removed = admin.removeUser(QStringLiteral("alice"));
        QVERIFY2(!removed.isError(), qPrintable(removed.message));
        QVERIFY(!Store::open(*StoreUrl::parse(postgresUrl(db, TenancyStore::memberRoleOf(QStringLiteral("ta"), QStringLiteral("alice")))),
                             QStringLiteral("password-of-alice")));
    }

    void databaseDown()
    {
        auto u = StoreUrl::parse(QStringLiteral("postgresql://nobody@127.0.0.1:1/none"));
        auto s = Store::open(*u);
        QVERIFY(!s);
        QVERIFY2(s.error().message.contains(QLatin1String("not reachable")), qPrintable(s.error().message));
    }

    // A database opened read-only (a copy on a read-only share, say): reads work, writes say why.
    void readOnlySqlite()
    {
        QString url;
        auto s = fresh(QStringLiteral("sqlite"), &url);
        QVERIFY(s);
        QVERIFY(!TenancyStore(s).createPlan(smallPlan()).isError());
        s.reset();
        auto ro = open(url + QStringLiteral("?mode=ro"));
        QVERIFY(ro);
        QVERIFY(ro->isReadOnly());
        QVERIFY(!ro->migrate().isError()); // current already: nothing to write
        TenancyStore t(ro);
        QCOMPARE(t.plans()->size(), 1);
        const Error e = t.createPlan(smallPlan(QStringLiteral("more")));
        QVERIFY(e.isError());
        QVERIFY2(e.message.contains(QLatin1String("read-only")), qPrintable(e.message));
        QCOMPARE(t.plans()->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
