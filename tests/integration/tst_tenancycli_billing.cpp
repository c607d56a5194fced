// Tenancy's money end to end through wharfctl, against the private dockerd on both engines:
// metering and bills, volumes and disk, issued bills, reconciliation after changes behind our
// back, the controller's lease, and a tenant's own database role.
#include "tenancyclisupport.h"

class TestTenancyCliBilling : public TenancyCliTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { setUpEnvironment(); }
    void cleanupTestCase() { tearDownEnvironment(); }

    // Usage turns into bills; a second tick changes nothing; runs between ticks are back-filled.
    void meteringAndBills_data() { engines(); }
    void meteringAndBills()
    {
        QFETCH(QString, engine);
        useFreshDatabase(engine);
        setUpTenant(QStringLiteral("metered"));
        CHECK_RUN(ctl({QStringLiteral("meter")}), 0); // the first tick: nothing runs yet
        CHECK_RUN(tenant(QStringLiteral("metered"), {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("steady"),
                                                    QStringLiteral("--cpus"), QStringLiteral("1"), QStringLiteral("-m"), QStringLiteral("512m"),
                                                    TestSupport::testImage(), QStringLiteral("sleep"), QStringLiteral("300")}),
                  0);
        // started and stopped between two ticks: only the events tell
        CHECK_RUN(tenant(QStringLiteral("metered"), {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("brief"),
                                                    QStringLiteral("--cpus"), QStringLiteral("0.5"), TestSupport::testImage(), QStringLiteral("sleep"),
                                                    QStringLiteral("2")}),
                  0);
        // (brief's sleep is over: it has exited)
        QTRY_COMPARE_WITH_TIMEOUT(ctl({QStringLiteral("inspect"), QStringLiteral("-o"), QStringLiteral("json"), QStringLiteral("brief")}).out.contains(
                                      QLatin1String("\"Status\": \"exited\"")),
                                  true, 30000);
        const Run tick = ctl({QStringLiteral("meter"), QStringLiteral("-o"), QStringLiteral("json")});
        CHECK_RUN(tick, 0);
        const QJsonObject t = QJsonDocument::fromJson(tick.out.toUtf8()).object();
        QCOMPARE(t.value(QLatin1String("runsStarted")).toInt(), 2);
        QCOMPARE(t.value(QLatin1String("runsStopped")).toInt(), 1);
        CHECK_RUN(tenant(QStringLiteral("metered"), {QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("0"), QStringLiteral("steady")}), 0);
        CHECK_RUN(ctl({QStringLiteral("meter")}), 0);
        const QStringList billArgs{QStringLiteral("bill"), QStringLiteral("metered"), QStringLiteral("--period"), QStringLiteral("hour"),
                                   QStringLiteral("--from"), QStringLiteral("1d"), QStringLiteral("--to"),
                                   QString::number(QDateTime::currentSecsSinceEpoch() + 7200), QStringLiteral("-o"), QStringLiteral("json")};
        const Run bill = ctl(billArgs);
        CHECK_RUN(bill, 0);
        const QJsonObject b = QJsonDocument::fromJson(bill.out.toUtf8()).object();
        QSet<QString> resources;
        qint64 sumMicros = 0;
        for (const auto &v : b.value(QLatin1String("lines")).toArray()) {
            const QJsonObject l = v.toObject();
            resources.insert(l.value(QLatin1String("item")).toString() + QLatin1Char('/') + l.value(QLatin1String("resource")).toString());
            sumMicros += Wharf::Backends::Money::parse(l.value(QLatin1String("amount")).toString())->micros();
        }
        QVERIFY2(resources.contains(QStringLiteral("cpu/steady")), qPrintable(bill.out));
        QVERIFY(resources.contains(QStringLiteral("memory/steady")));
        QVERIFY(resources.contains(QStringLiteral("cpu/brief"))); // back-filled from events
        QVERIFY(resources.contains(QStringLiteral("plan/p-metered")));
        QCOMPARE(Wharf::Backends::Money::parse(b.value(QLatin1String("total")).toString())->micros(), sumMicros); // exact
        // the stopped containers are free: their runs are closed, so nothing more accrues (the
        // meter has nothing open of them), and two more ticks later the bill is the same
        {
            auto store = Wharf::Backends::Store::open(*Wharf::Backends::StoreUrl::parse(m_db), {});
            QVERIFY(store);
            Wharf::Backends::MeteringStore metering(*store);
            const auto hours = metering.usage(QStringLiteral("metered"), 0, QDateTime::currentSecsSinceEpoch() + 7200);
            QVERIFY(hours && !hours->isEmpty());
            QSet<QString> hosts;
            for (const auto &h : *hours)
                hosts << h.host;
            for (const QString &host : hosts) {
                const auto open = metering.openIntervals(host);
                QVERIFY(open);
                for (const auto &run : *open)
                    QVERIFY2(run.tenant != QLatin1String("metered"), qPrintable(run.name));
            }
        }
        CHECK_RUN(ctl({QStringLiteral("meter")}), 0);
        CHECK_RUN(ctl({QStringLiteral("meter")}), 0);
        const Run again = ctl(billArgs);
        QJsonArray before, after;
        for (const auto &v : b.value(QLatin1String("lines")).toArray())
            if (v.toObject().value(QLatin1String("item")).toString() != QLatin1String("plan"))
                before << v;
        for (const auto &v : QJsonDocument::fromJson(again.out.toUtf8()).object().value(QLatin1String("lines")).toArray())
            if (v.toObject().value(QLatin1String("item")).toString() != QLatin1String("plan"))
                after << v;
        QCOMPARE(after, before);
        // CSV: one line per item and a total that is their sum
        const Run csv = ctl(QStringList{billArgs.mid(0, billArgs.size() - 2)} + QStringList{QStringLiteral("-o"), QStringLiteral("csv")});
        CHECK_RUN(csv, 0);
        QVERIFY(csv.out.startsWith(QLatin1String("period,item,resource,quantity,amount\n")));
        QVERIFY(csv.out.contains(QLatin1String(",cpu,steady,")));
        QVERIFY(csv.out.trimmed().split(QLatin1Char('\n')).last().startsWith(QLatin1String("total,,,,")));
        removeAll(QStringLiteral("metered"));
    }

    // A tenant's volumes: its own, created without host options, measured by the meter,
    // billed per GiB-day and held to the plan's disk.
    void tenantVolumesAndDisk()
    {
        useFreshDatabase(QStringLiteral("sqlite"));
        CHECK_RUN(ctl({QStringLiteral("plan"), QStringLiteral("create"), QStringLiteral("disky"), QStringLiteral("--max-containers"), QStringLiteral("4"),
                       QStringLiteral("--cpus"), QStringLiteral("1"), QStringLiteral("--memory"), QStringLiteral("512m"), QStringLiteral("--disk"),
                       QStringLiteral("10m"), QStringLiteral("--price-hour"), QStringLiteral("0.01"), QStringLiteral("--disk-price"), QStringLiteral("1")}),
                  0);
        CHECK_RUN(ctl({QStringLiteral("tenant"), QStringLiteral("create"), QStringLiteral("vol"), QStringLiteral("--plan"), QStringLiteral("disky")}), 0);
        CHECK_RUN(ctl({QStringLiteral("domain"), QStringLiteral("set"), TestSupport::dockerHost(), QStringLiteral("public")}), 0);
        ctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("filler")});
        ctl({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("tv-data"), QStringLiteral("admin-data")});
        CHECK_RUN(tenant(QStringLiteral("vol"), {QStringLiteral("volume"), QStringLiteral("create"), QStringLiteral("tv-data")}), 0);
        CHECK_RUN(ctl({QStringLiteral("volume"), QStringLiteral("create"), QStringLiteral("admin-data")}), 0);
        const Run ls = tenant(QStringLiteral("vol"), {QStringLiteral("volume"), QStringLiteral("ls"), QStringLiteral("-q")});
        CHECK_RUN(ls, 0);
        QCOMPARE(ls.out.trimmed(), QStringLiteral("tv-data"));
        const Run bindOpt = tenant(QStringLiteral("vol"), {QStringLiteral("volume"), QStringLiteral("create"), QStringLiteral("--opt"), QStringLiteral("type=none"),
                                                          QStringLiteral("--opt"), QStringLiteral("o=bind"), QStringLiteral("--opt"), QStringLiteral("device=/etc"),
                                                          QStringLiteral("sneaky")});
        QCOMPARE(bindOpt.code, 1);
        QVERIFY2(bindOpt.err.contains(QLatin1String("--opt")), qPrintable(bindOpt.err));
        const Run foreign = tenant(QStringLiteral("vol"), {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("-v"), QStringLiteral("admin-data:/data"),
                                                          TestSupport::testImage(), QStringLiteral("true")});
        QCOMPARE(foreign.code, 1);
        QVERIFY2(foreign.err.contains(QLatin1String("not a volume of tenant")), qPrintable(foreign.err));
        QCOMPARE(tenant(QStringLiteral("vol"), {QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("admin-data")}).code, 1);
        // 12 MB into its own volume, then the meter measures it: over the 10 MB disk
        CHECK_RUN(tenant(QStringLiteral("vol"), {QStringLiteral("run"), QStringLiteral("--name"), QStringLiteral("filler"), QStringLiteral("-v"),
                                                QStringLiteral("tv-data:/data"), TestSupport::testImage(), QStringLiteral("dd"), QStringLiteral("if=/dev/zero"),
                                                QStringLiteral("of=/data/blob"), QStringLiteral("bs=1048576"), QStringLiteral("count=12")}),
                  0);
        const Run tick = ctl({QStringLiteral("meter"), QStringLiteral("-o"), QStringLiteral("json")});
        CHECK_RUN(tick, 0);
        QCOMPARE(QJsonDocument::fromJson(tick.out.toUtf8()).object().value(QLatin1String("volumes")).toInt(), 1);
        const QJsonObject q = quota(QStringLiteral("vol"));
        QVERIFY2(q.value(QLatin1String("diskBytes")).toObject().value(QLatin1String("used")).toInteger() >= 12LL * 1024 * 1024, QJsonDocument(q).toJson().constData());
        const Run full = tenant(QStringLiteral("vol"), {QStringLiteral("run"), QStringLiteral("-d"), TestSupport::testImage(), QStringLiteral("true")});
        QCOMPARE(full.code, 1);
        QVERIFY2(full.err.contains(QLatin1String("disk")), qPrintable(full.err));
        // a day of 12 MiB at 1.00 per GiB-day: 12/1024
        const Run bill = ctl({QStringLiteral("bill"), QStringLiteral("vol"), QStringLiteral("--period"), QStringLiteral("day"), QStringLiteral("-o"), QStringLiteral("csv")});
        CHECK_RUN(bill, 0);
        QVERIFY2(bill.out.contains(QLatin1String(",disk,tv-data,")), qPrintable(bill.out));
        // removing the volume gives its disk back
        CHECK_RUN(tenant(QStringLiteral("vol"), {QStringLiteral("rm"), QStringLiteral("filler")}), 0);
        CHECK_RUN(tenant(QStringLiteral("vol"), {QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("tv-data")}), 0);
        QCOMPARE(quota(QStringLiteral("vol")).value(QLatin1String("diskBytes")).toObject().value(QLatin1String("used")).toInteger(), 0);
        CHECK_RUN(ctl({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("admin-data")}), 0);
    }

    // Volumes the daemon makes for a tenant's container (-v /path) count and are billed like
    // named ones; removed with their container (rm -v), their disk goes back.
    void anonymousVolumesAreMeteredToo()
    {
        useFreshDatabase(QStringLiteral("sqlite"));
        CHECK_RUN(ctl({QStringLiteral("plan"), QStringLiteral("create"), QStringLiteral("anon"), QStringLiteral("--max-containers"), QStringLiteral("4"),
                       QStringLiteral("--cpus"), QStringLiteral("1"), QStringLiteral("--memory"), QStringLiteral("512m"), QStringLiteral("--disk"),
                       QStringLiteral("100m"), QStringLiteral("--price-hour"), QStringLiteral("0.01"), QStringLiteral("--disk-price"), QStringLiteral("1")}),
                  0);
        CHECK_RUN(ctl({QStringLiteral("tenant"), QStringLiteral("create"), QStringLiteral("anon"), QStringLiteral("--plan"), QStringLiteral("anon")}), 0);
        CHECK_RUN(ctl({QStringLiteral("domain"), QStringLiteral("set"), TestSupport::dockerHost(), QStringLiteral("public")}), 0);
        ctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("-v"), QStringLiteral("anon-filler")}); // by an earlier run that failed
        CHECK_RUN(tenant(QStringLiteral("anon"), {QStringLiteral("run"), QStringLiteral("--name"), QStringLiteral("anon-filler"), QStringLiteral("-v"),
                                                 QStringLiteral("/scratch"), TestSupport::testImage(), QStringLiteral("dd"), QStringLiteral("if=/dev/zero"),
                                                 QStringLiteral("of=/scratch/blob"), QStringLiteral("bs=1048576"), QStringLiteral("count=3")}),
                  0);
        Run tick = ctl({QStringLiteral("meter"), QStringLiteral("-o"), QStringLiteral("json")});
        CHECK_RUN(tick, 0);
        QJsonObject report = QJsonDocument::fromJson(tick.out.toUtf8()).object();
        QCOMPARE(report.value(QLatin1String("volumesAdopted")).toInt(), 1);
        QCOMPARE(report.value(QLatin1String("volumes")).toInt(), 1);
        auto disk = [&] { return quota(QStringLiteral("anon")).value(QLatin1String("diskBytes")).toObject().value(QLatin1String("used")).toInteger(); };
        QVERIFY2(disk() >= 3LL * 1024 * 1024, qPrintable(QString::number(disk())));
        // the next tick measures it again, without recording it twice
        tick = ctl({QStringLiteral("meter"), QStringLiteral("-o"), QStringLiteral("json")});
        CHECK_RUN(tick, 0);
        report = QJsonDocument::fromJson(tick.out.toUtf8()).object();
        QCOMPARE(report.value(QLatin1String("volumesAdopted")).toInt(), 0);
        QCOMPARE(report.value(QLatin1String("volumes")).toInt(), 1);
        const Run bill = ctl({QStringLiteral("bill"), QStringLiteral("anon"), QStringLiteral("--period"), QStringLiteral("day"), QStringLiteral("-o"), QStringLiteral("csv")});
        CHECK_RUN(bill, 0);
        QVERIFY2(bill.out.contains(QLatin1String(",disk,")), qPrintable(bill.out));
        // the tenant sees it as its own
        const Run ls = tenant(QStringLiteral("anon"), {QStringLiteral("volume"), QStringLiteral("ls"), QStringLiteral("-q")});
        CHECK_RUN(ls, 0);
        QCOMPARE(ls.out.trimmed().size(), 64);
        // gone with its container: the next tick gives the disk back
        CHECK_RUN(tenant(QStringLiteral("anon"), {QStringLiteral("rm"), QStringLiteral("-v"), QStringLiteral("anon-filler")}), 0);
        tick = ctl({QStringLiteral("meter"), QStringLiteral("-o"), QStringLiteral("json")});
        CHECK_RUN(tick, 0);
        QCOMPARE(QJsonDocument::fromJson(tick.out.toUtf8()).object().value(QLatin1String("volumesGone")).toInt(), 1);
        QCOMPARE(disk(), 0);
    }

    // A closed period's bill is issued once and kept as it was issued.
    void issuedBills()
    {
        useFreshDatabase(QStringLiteral("sqlite"));
        setUpTenant(QStringLiteral("inv"));
        setUpTenant(QStringLiteral("nosy"));
        const qint64 today = QDateTime::currentSecsSinceEpoch() / 86400 * 86400;
        const qint64 yesterday = today - 86400;
        // an hour of one CPU for inv's container, written as the meter writes it
        auto cpuHour = [&](qint64 hour) {
            auto store = Wharf::Backends::Store::open(*Wharf::Backends::StoreUrl::parse(m_db), {});
            if (!store)
                return false;
            Wharf::Backends::MeteringStore metering(*store);
            Wharf::Backends::UsageHour u;
            u.tenant = QStringLiteral("inv");
            u.hour = hour;
            u.host = QStringLiteral("h");
            u.ref = QStringLiteral("c0ffee");
            u.name = QStringLiteral("web");
            u.kind = QStringLiteral("container");
            u.seconds = 3600;
            u.cpuNanoSeconds = 1'000'000'000LL * 3600;
            return !metering.writeUsage({u}).isError();
        };
        {
            // a subscription since three days
            auto store = Wharf::Backends::Store::open(*Wharf::Backends::StoreUrl::parse(m_db), {});
            QVERIFY(store);
            QVERIFY((*store)->exec(QStringLiteral("UPDATE subscriptions SET valid_from = ? WHERE tenant = 'inv'"), {today - 3 * 86400}));
        }
        QVERIFY(cpuHour(yesterday + 10 * 3600));
        const QString day = QDateTime::fromSecsSinceEpoch(yesterday, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
        const Run computed = ctl({QStringLiteral("bill"), QStringLiteral("inv"), QStringLiteral("--period"), QStringLiteral("day"), QStringLiteral("--from"), day,
                                  QStringLiteral("--to"), QDateTime::fromSecsSinceEpoch(today, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd")),
                                  QStringLiteral("-o"), QStringLiteral("json")});
        CHECK_RUN(computed, 0);
        const QString total = QJsonDocument::fromJson(computed.out.toUtf8()).object().value(QLatin1String("total")).toString();
        QCOMPARE(total, Wharf::Backends::Money::parse(QStringLiteral("2.42"))->toString()); // 24 h × 0.10 + 1 CPU-hour × 0.02
        const Run issued = ctl({QStringLiteral("bill"), QStringLiteral("inv"), QStringLiteral("--period"), QStringLiteral("day"), QStringLiteral("--issue"), day,
                                QStringLiteral("-o"), QStringLiteral("json")});
        CHECK_RUN(issued, 0);
        const QJsonObject bill = QJsonDocument::fromJson(issued.out.toUtf8()).object();
        QCOMPARE(bill.value(QLatin1String("total")).toString(), total);
        QCOMPARE(bill.value(QLatin1String("lines")).toArray().size(), 2);
        // once only; not before the period is over
        Run again = ctl({QStringLiteral("bill"), QStringLiteral("inv"), QStringLiteral("--period"), QStringLiteral("day"), QStringLiteral("--issue"), day});
        QCOMPARE(again.code, 1);
        QVERIFY2(again.err.contains(QLatin1String("issued already")), qPrintable(again.err));
        again = ctl({QStringLiteral("bill"), QStringLiteral("inv"), QStringLiteral("--period"), QStringLiteral("day"), QStringLiteral("--issue"),
                     QDateTime::fromSecsSinceEpoch(today, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"))});
        QCOMPARE(again.code, 1);
        QVERIFY2(again.err.contains(QLatin1String("not over yet")), qPrintable(again.err));
        // kept as issued: more usage later changes the computed bill, not the issued one
        QVERIFY(cpuHour(yesterday + 11 * 3600));
        const Run list = tenant(QStringLiteral("inv"), {QStringLiteral("bills"), QStringLiteral("-o"), QStringLiteral("json")});
        CHECK_RUN(list, 0);
        const QJsonArray bills = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(bills.size(), 1);
        QCOMPARE(bills.first().toObject().value(QLatin1String("total")).toString(), total);
        // a tenant may not issue, and sees no one else's
        QCOMPARE(tenant(QStringLiteral("nosy"), {QStringLiteral("bill"), QStringLiteral("nosy"), QStringLiteral("--period"), QStringLiteral("day"),
                                                QStringLiteral("--issue"), day})
                     .code,
                 1);
        const Run nosy = tenant(QStringLiteral("nosy"), {QStringLiteral("bills"), QStringLiteral("inv"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(nosy.code, 1);
        QVERIFY2(nosy.err.contains(QLatin1String("no tenant named \"inv\"")), qPrintable(nosy.err));
    }

    void reconcileAfterChangesBehindOurBack()
    {
        useFreshDatabase(QStringLiteral("sqlite"));
        setUpTenant(QStringLiteral("drifty"));
        CHECK_RUN(tenant(QStringLiteral("drifty"), {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("d1"),
                                                   TestSupport::testImage(), QStringLiteral("sleep"), QStringLiteral("300")}),
                  0);
        CHECK_RUN(tenant(QStringLiteral("drifty"), {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("d2"),
                                                   TestSupport::testImage(), QStringLiteral("sleep"), QStringLiteral("300")}),
                  0);
        QCOMPARE(used(QStringLiteral("drifty")), 2);
        // removed by the docker CLI, which knows nothing of quotas
        QProcess docker;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DOCKER_HOST"), TestSupport::dockerHost());
        docker.setProcessEnvironment(env);
        docker.start(QStringLiteral("docker"), {QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("d1")});
        QVERIFY(docker.waitForFinished(60000));
        QCOMPARE(docker.exitCode(), 0);
        QCOMPARE(used(QStringLiteral("drifty")), 2);
        const Run rec = ctl({QStringLiteral("quota"), QStringLiteral("reconcile")});
        CHECK_RUN(rec, 0);
        QVERIFY2(rec.out.contains(QLatin1String("gone:      drifty/d1")), qPrintable(rec.out));
        QCOMPARE(used(QStringLiteral("drifty")), 1);
        const Run again = ctl({QStringLiteral("quota"), QStringLiteral("reconcile")});
        CHECK_RUN(again, 0);
        // other tests' containers on the shared daemon may be listed; none of drifty's
        QVERIFY2(!again.out.contains(QLatin1String("drifty/")), qPrintable(again.out));
        removeAll(QStringLiteral("drifty"));
    }

    // Two controllers for one host: one holds the lease, the other waits and takes over.
    void controllerLease_data() { engines(); }
    void controllerLease()
    {
        QFETCH(QString, engine);
        useFreshDatabase(engine);
        setUpTenant(QStringLiteral("ctl"));
        auto start = [this](QProcess &p) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
            env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
            p.setProcessEnvironment(env);
            p.start(TestSupport::binaryDir() + QStringLiteral("/app/wharfctl"),
                    {QStringLiteral("-H"), TestSupport::dockerHost(), QStringLiteral("controller"), QStringLiteral("--interval"), QStringLiteral("1")});
        };
        QProcess first, second;
        start(first);
        QByteArray firstOut;
        QTRY_VERIFY2_WITH_TIMEOUT((firstOut += first.readAllStandardOutput()).contains("Holding the control lease"),
                                  QByteArray(firstOut + first.readAllStandardError()).constData(), 20000);
        start(second);
        QByteArray secondOut;
        QTRY_VERIFY_WITH_TIMEOUT((secondOut += second.readAllStandardOutput()).contains("Another controller holds the lease"), 20000);
        // the first keeps ticking (each second, as the second one tries again): two more ticks
        const qsizetype ticks = (firstOut += first.readAllStandardOutput()).count("tick ");
        QTRY_VERIFY_WITH_TIMEOUT((firstOut += first.readAllStandardOutput()).count("tick ") >= ticks + 2, 20000);
        secondOut += second.readAllStandardOutput();
        QVERIFY(!secondOut.contains("Holding the control lease")); // still waiting
        first.terminate();
        QVERIFY(first.waitForFinished(20000));
        QCOMPARE(first.exitCode(), 0);
        QVERIFY((firstOut += first.readAllStandardOutput()).contains("lease released"));
        QTRY_VERIFY_WITH_TIMEOUT((secondOut += second.readAllStandardOutput()).contains("Holding the control lease"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT((secondOut += second.readAllStandardOutput()).contains("tick "), 20000);
        second.terminate();
        QVERIFY(second.waitForFinished(20000));
    }

    // A tenant's console signs in to the shared database with its own role: it is confined to
    // its tenant whatever it asks, and cannot do an admin's work even with raw SQL rights.
    void tenantDatabaseRole()
    {
        useFreshDatabase(QStringLiteral("postgres"));
        setUpTenant(QStringLiteral("roled"));
        setUpTenant(QStringLiteral("other"));
        ctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("other-web"), QStringLiteral("roled-web")}); // by an earlier run that failed
        CHECK_RUN(ctl({QStringLiteral("tenant"), QStringLiteral("role"), QStringLiteral("roled"), QStringLiteral("--password-stdin")},
                      "a-long-tenant-password\n"),
                  0);
        CHECK_RUN(tenant(QStringLiteral("other"), {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("other-web"),
                                                  TestSupport::testImage(), QStringLiteral("sleep"), QStringLiteral("300")}),
                  0);
        const QString url = m_db;
        const QString database = url.section(QLatin1Char('/'), -1);
        qputenv("WHARF_DB", TestSupport::postgresUrl(database, QStringLiteral("wharf_t_roled")).toUtf8());
        qputenv("PGPASSWORD", "a-long-tenant-password");
        const Run status = ctl({QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("-o"), QStringLiteral("json")});
        const Run run = ctl({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("roled-web"), TestSupport::testImage(),
                             QStringLiteral("sleep"), QStringLiteral("300")});
        const Run ps = ctl({QStringLiteral("ps")});
        const Run asOther = ctl({QStringLiteral("--tenant"), QStringLiteral("other"), QStringLiteral("ps")});
        const Run tenants = ctl({QStringLiteral("tenant"), QStringLiteral("ls")});
        const Run planCreate = ctl({QStringLiteral("plan"), QStringLiteral("create"), QStringLiteral("cheap"), QStringLiteral("--max-containers"),
                                    QStringLiteral("99"), QStringLiteral("--cpus"), QStringLiteral("9"), QStringLiteral("--memory"), QStringLiteral("9g"),
                                    QStringLiteral("--free")});
        const Run stopOther = ctl({QStringLiteral("stop"), QStringLiteral("other-web")});
        qputenv("WHARF_DB", m_db.toUtf8());
        qputenv("PGPASSWORD", TestSupport::postgresPassword().toUtf8());
        CHECK_RUN(status, 0);
        QCOMPARE(QJsonDocument::fromJson(status.out.toUtf8()).object().value(QLatin1String("tenant")).toString(), QStringLiteral("roled"));
        CHECK_RUN(run, 0);
        QVERIFY(ps.out.contains(QLatin1String("roled-web")));
        QVERIFY(!ps.out.contains(QLatin1String("other-web")));
        QCOMPARE(asOther.code, 1);
        QVERIFY(asOther.err.contains(QLatin1String("belongs to tenant \"roled\"")));
        QVERIFY(tenants.out.contains(QLatin1String("roled")));
        QVERIFY(!tenants.out.contains(QLatin1String("other")));
        QCOMPARE(planCreate.code, 1);
        QVERIFY(stopOther.code != 0);
        QCOMPARE(used(QStringLiteral("roled")), 1);

        // a second person of the same tenant, with a role of their own: confined the same
        // way, and named in the audit log as themselves
        CHECK_RUN(ctl({QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("alice"), QStringLiteral("--tenant"), QStringLiteral("roled"),
                       QStringLiteral("--password-stdin")},
                      "alice-long-password\n"),
                  0);
        const Run noKind = ctl({QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("bob"), QStringLiteral("--password-stdin")}, "bob-long-password\n");
        QCOMPARE(noKind.code, 2);
        QVERIFY2(noKind.err.contains(QLatin1String("--tenant T")), qPrintable(noKind.err));
        qputenv("WHARF_DB", TestSupport::postgresUrl(database, Wharf::Backends::TenancyStore::memberRoleOf(QStringLiteral("roled"), QStringLiteral("alice"))).toUtf8());
        qputenv("PGPASSWORD", "alice-long-password");
        const Run aliceStops = ctl({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("0"), QStringLiteral("roled-web")});
        const Run aliceOther = ctl({QStringLiteral("stop"), QStringLiteral("other-web")});
        const Run aliceAudit = ctl({QStringLiteral("audit"), QStringLiteral("-o"), QStringLiteral("json")});
        const Run aliceUsers = ctl({QStringLiteral("user"), QStringLiteral("ls"), QStringLiteral("-o"), QStringLiteral("json")});
        const Run aliceMakes = ctl({QStringLiteral("user"), QStringLiteral("create"), QStringLiteral("mallory"), QStringLiteral("--admin"),
                                    QStringLiteral("--password-stdin")},
                                   "mallory-long-password\n");
        qputenv("WHARF_DB", m_db.toUtf8());
        qputenv("PGPASSWORD", TestSupport::postgresPassword().toUtf8());
        CHECK_RUN(aliceStops, 0);
        QVERIFY(aliceOther.code != 0);
        CHECK_RUN(aliceAudit, 0);
        QStringList actors;
        for (const auto &v : QJsonDocument::fromJson(aliceAudit.out.toUtf8()).array()) {
            QCOMPARE(v.toObject().value(QLatin1String("tenant")).toString(), QStringLiteral("roled"));
            actors << v.toObject().value(QLatin1String("actor")).toString();
        }
        QVERIFY2(actors.contains(QStringLiteral("wharf_t_roled.alice")) && actors.contains(QStringLiteral("wharf_t_roled")), qPrintable(actors.join(QLatin1Char(','))));
        CHECK_RUN(aliceUsers, 0);
        for (const auto &v : QJsonDocument::fromJson(aliceUsers.out.toUtf8()).array())
            QCOMPARE(v.toObject().value(QLatin1String("tenant")).toString(), QStringLiteral("roled"));
        QCOMPARE(aliceMakes.code, 1);
        QVERIFY2(aliceMakes.err.contains(QLatin1String("not available to tenant")), qPrintable(aliceMakes.err));
        CHECK_RUN(ctl({QStringLiteral("user"), QStringLiteral("rm"), QStringLiteral("alice")}), 0);
        qputenv("WHARF_DB", TestSupport::postgresUrl(database, Wharf::Backends::TenancyStore::memberRoleOf(QStringLiteral("roled"), QStringLiteral("alice"))).toUtf8());
        qputenv("PGPASSWORD", "alice-long-password");
        const Run gone = ctl({QStringLiteral("db"), QStringLiteral("status")});
        qputenv("WHARF_DB", m_db.toUtf8());
        qputenv("PGPASSWORD", TestSupport::postgresPassword().toUtf8());
        QVERIFY(gone.code != 0);
        removeAll(QStringLiteral("roled"));
        removeAll(QStringLiteral("other"));
    }
};

QTEST_GUILESS_MAIN(TestTenancyCliBilling)
#include "tst_tenancycli_billing.moc"
