// Tenancy end to end through wharfctl, as whole processes against the private dockerd, on
// both engines (an embedded SQLite file and the fixture's PostgreSQL): plans and tenants, quota
// under 20 concurrent `run`s, the policy gate's denials, ownership between tenants, apps,
// limits within the quota, the audit vocabulary and bad input.
#include "tenancyclisupport.h"

class TestTenancyCli : public TenancyCliTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { setUpEnvironment(); }
    void cleanupTestCase() { tearDownEnvironment(); }

    // The acceptance race: 20 processes, a plan of 5, exactly 5 win, 10 rounds, both engines.
    void concurrentRunsHoldTheQuota_data() { engines(); }
    void concurrentRunsHoldTheQuota()
    {
        QFETCH(QString, engine);
        useFreshDatabase(engine);
        const QString t = QStringLiteral("race-") + engine;
        setUpTenant(t, 5);
        for (int round = 0; round < 10; ++round) {
            QList<QProcess *> procs;
            for (int i = 0; i < 20; ++i) {
                auto *p = new QProcess(this);
                QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
                env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
                env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
                p->setProcessEnvironment(env);
                p->start(TestSupport::binaryDir() + QStringLiteral("/app/wharfctl"),
                         {QStringLiteral("-H"), TestSupport::dockerHost(), QStringLiteral("--tenant"), t, QStringLiteral("run"), QStringLiteral("-d"),
                          TestSupport::testImage(), QStringLiteral("sleep"), QStringLiteral("300")});
                procs << p;
            }
            int ok = 0, refused = 0;
            QStringList other;
            for (auto *p : procs) {
                QVERIFY(p->waitForFinished(120000));
                const QString err = QString::fromUtf8(p->readAllStandardError());
                if (p->exitCode() == 0)
                    ++ok;
                else if (err.contains(QLatin1String("Quota exceeded")) && err.contains(QLatin1String("5 of 5 containers")))
                    ++refused;
                else
                    other << err;
                p->deleteLater();
            }
            QVERIFY2(other.isEmpty(), qPrintable(other.join(QLatin1Char('\n'))));
            QCOMPARE(ok, 5);
            QCOMPARE(refused, 15);
            QCOMPARE(used(t), 5);
            const QStringList ids = containersOf(t);
            QCOMPARE(ids.size(), 5); // and the daemon agrees: no container past the quota
            removeAll(t);
            QCOMPARE(used(t), 0);
        }
        // every decision is in the audit log
        const Run audit = ctl({QStringLiteral("audit"), QStringLiteral("--tenant"), t, QStringLiteral("--action"), QStringLiteral("container.create"),
                               QStringLiteral("-o"), QStringLiteral("json"), QStringLiteral("--limit"), QStringLiteral("1000")});
        CHECK_RUN(audit, 0);
        int okRecords = 0, quotaRecords = 0;
        for (const auto &v : QJsonDocument::fromJson(audit.out.toUtf8()).array()) {
            const QString result = v.toObject().value(QLatin1String("result")).toString();
            okRecords += result == QLatin1String("ok");
            quotaRecords += result == QLatin1String("denied-quota");
        }
        QCOMPARE(okRecords, 50);
        QCOMPARE(quotaRecords, 150);
    }

    void gateDenials()
    {
        useFreshDatabase(QStringLiteral("sqlite"));
        setUpTenant(QStringLiteral("gated"));
        ctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("admin-privileged")}); // a leftover of an interrupted run
        const QString img = TestSupport::testImage();
        const QList<QPair<QStringList, QString>> denied{
            {{QStringLiteral("--privileged")}, QStringLiteral("--privileged")},
            {{QStringLiteral("-v"), QStringLiteral("/etc:/host-etc")}, QStringLiteral("host folder")},
            {{QStringLiteral("--network"), QStringLiteral("host")}, QStringLiteral("--network host")},
            {{QStringLiteral("--pid"), QStringLiteral("host")}, QStringLiteral("PidMode host")},
            {{QStringLiteral("--ipc"), QStringLiteral("host")}, QStringLiteral("IpcMode host")},
            {{QStringLiteral("--device"), QStringLiteral("/dev/null")}, QStringLiteral("--device")},
            {{QStringLiteral("--cap-add"), QStringLiteral("SYS_ADMIN")}, QStringLiteral("--cap-add SYS_ADMIN")},
        };
        for (const auto &[flags, named] : denied) {
            const Run r = tenant(QStringLiteral("gated"), QStringList{QStringLiteral("run"), QStringLiteral("-d")} + flags + QStringList{img, QStringLiteral("true")});
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains(named), qPrintable(r.err));
        }
        // reserved labels: refused for everyone
        const Run label = tenant(QStringLiteral("gated"), {QStringLiteral("run"), QStringLiteral("-l"), QStringLiteral("io.wharf.tenant=other"), img});
        QVERIFY(label.code != 0);
        QVERIFY(label.err.contains(QLatin1String("reserved")));
        // admins may (an admin holds the host's credentials anyway)
        const Run adminPrivileged = ctl({QStringLiteral("create"), QStringLiteral("--privileged"), QStringLiteral("--name"),
                                         QStringLiteral("admin-privileged"), img, QStringLiteral("sleep"), QStringLiteral("30")});
        CHECK_RUN(adminPrivileged, 0);
        CHECK_RUN(ctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("admin-privileged")}), 0);
        QVERIFY(containersOf(QStringLiteral("gated")).isEmpty());
        QCOMPARE(used(QStringLiteral("gated")), 0);
        // admin-only commands are not there for tenants
        // the daemon fetching remote sources for a tenant
        for (const QStringList &cmd : {QStringList{QStringLiteral("build"), QStringLiteral("https://example.org/app.git")},
                                       QStringList{QStringLiteral("import"), QStringLiteral("http://example.org/rootfs.tar"), QStringLiteral("x:1")}}) {
            const Run r = tenant(QStringLiteral("gated"), cmd);
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains(QLatin1String("may not have the daemon fetch")), qPrintable(r.err));
        }
        for (const QStringList &cmd : {QStringList{QStringLiteral("volume"), QStringLiteral("prune"), QStringLiteral("-f")}, QStringList{QStringLiteral("network"), QStringLiteral("connect"), QStringLiteral("bridge"), QStringLiteral("x")},
                                       QStringList{QStringLiteral("plan"), QStringLiteral("create"), QStringLiteral("x"), QStringLiteral("--max-containers"),
                                                   QStringLiteral("1"), QStringLiteral("--cpus"), QStringLiteral("1"), QStringLiteral("--memory"),
                                                   QStringLiteral("1g"), QStringLiteral("--free")},
                                       QStringList{QStringLiteral("tag"), QStringLiteral("a"), QStringLiteral("b")}}) {
            const Run r = tenant(QStringLiteral("gated"), cmd);
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains(QLatin1String("not available to tenant")), qPrintable(r.err));
        }
        // a failed create (no such image) gives the reservation back
        const Run missing = tenant(QStringLiteral("gated"), {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("wharf-test/no-such-image:1")});
        QVERIFY(missing.code != 0);
        QCOMPARE(used(QStringLiteral("gated")), 0);
        // the default limits are a fair share of the plan, and the daemon enforces them
        CHECK_RUN(tenant(QStringLiteral("gated"), {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("fair"), img,
                                                  QStringLiteral("sleep"), QStringLiteral("300")}),
                  0);
        const Run inspect = ctl({QStringLiteral("inspect"), QStringLiteral("fair")});
        const QJsonObject c = QJsonDocument::fromJson(inspect.out.toUtf8()).array().first().toObject();
        QCOMPARE(c.value(QLatin1String("HostConfig")).toObject().value(QLatin1String("NanoCpus")).toInteger(), 400'000'000); // 2 CPUs / 5
        QCOMPARE(c.value(QLatin1String("HostConfig")).toObject().value(QLatin1String("Memory")).toInteger(), 1024LL * 1024 * 1024 / 5);
        QCOMPARE(c.value(QLatin1String("Config")).toObject().value(QLatin1String("Labels")).toObject().value(QLatin1String("io.wharf.tenant")).toString(),
                 QStringLiteral("gated"));
        // a suspended tenant creates nothing, but may still stop and remove
        CHECK_RUN(ctl({QStringLiteral("tenant"), QStringLiteral("suspend"), QStringLiteral("gated")}), 0);
        const Run suspended = tenant(QStringLiteral("gated"), {QStringLiteral("run"), QStringLiteral("-d"), img});
        QCOMPARE(suspended.code, 1);
        QVERIFY(suspended.err.contains(QLatin1String("suspended")));
        CHECK_RUN(tenant(QStringLiteral("gated"), {QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("fair")}), 0);
        QCOMPARE(used(QStringLiteral("gated")), 0);
        CHECK_RUN(ctl({QStringLiteral("tenant"), QStringLiteral("resume"), QStringLiteral("gated")}), 0);
        // a host outside the tenant's domains
        CHECK_RUN(ctl({QStringLiteral("domain"), QStringLiteral("rm"), TestSupport::dockerHost()}), 0);
        const Run outside = tenant(QStringLiteral("gated"), {QStringLiteral("ps")});
        QCOMPARE(outside.code, 1);
        QVERIFY(outside.err.contains(QLatin1String("not in the domain")));
        CHECK_RUN(ctl({QStringLiteral("domain"), QStringLiteral("set"), TestSupport::dockerHost(), QStringLiteral("gated")}), 0);
        CHECK_RUN(tenant(QStringLiteral("gated"), {QStringLiteral("ps")}), 0);
    }

    void tenantsOwnTheirContainers()
    {
        useFreshDatabase(QStringLiteral("sqlite"));
        setUpTenant(QStringLiteral("ta"));
        setUpTenant(QStringLiteral("tb"));
        CHECK_RUN(tenant(QStringLiteral("ta"), {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("a-web"),
                                               TestSupport::testImage(), QStringLiteral("sleep"), QStringLiteral("300")}),
                  0);
        for (const QStringList &cmd : {QStringList{QStringLiteral("stop"), QStringLiteral("a-web")}, QStringList{QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("a-web")},
                                       QStringList{QStringLiteral("logs"), QStringLiteral("a-web")}, QStringList{QStringLiteral("inspect"), QStringLiteral("a-web")},
                                       QStringList{QStringLiteral("exec"), QStringLiteral("a-web"), QStringLiteral("true")}}) {
            const Run r = tenant(QStringLiteral("tb"), cmd);
            QVERIFY2(r.code != 0, qPrintable(cmd.join(QLatin1Char(' '))));
            QVERIFY2(r.err.contains(QLatin1String("No container \"a-web\" of tenant \"tb\"")), qPrintable(r.err));
        }
        const Run psB = tenant(QStringLiteral("tb"), {QStringLiteral("ps"), QStringLiteral("-a")});
        CHECK_RUN(psB, 0);
        QVERIFY(!psB.out.contains(QLatin1String("a-web")));
        const Run psA = tenant(QStringLiteral("ta"), {QStringLiteral("ps")});
        QVERIFY(psA.out.contains(QLatin1String("a-web")));
        CHECK_RUN(tenant(QStringLiteral("ta"), {QStringLiteral("logs"), QStringLiteral("a-web")}), 0);
        CHECK_RUN(tenant(QStringLiteral("ta"), {QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("a-web")}), 0);
        // a tenant reads its own audit trail only
        const Run auditB = tenant(QStringLiteral("tb"), {QStringLiteral("audit"), QStringLiteral("-o"), QStringLiteral("json")});
        CHECK_RUN(auditB, 0);
        for (const auto &v : QJsonDocument::fromJson(auditB.out.toUtf8()).array())
            QCOMPARE(v.toObject().value(QLatin1String("tenant")).toString(), QStringLiteral("tb"));
        // an admin's removal of a tenant's container gives the tenant its quota back
        CHECK_RUN(tenant(QStringLiteral("tb"), {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("b-web"),
                                               TestSupport::testImage(), QStringLiteral("sleep"), QStringLiteral("300")}),
                  0);
        QCOMPARE(used(QStringLiteral("tb")), 1);
        CHECK_RUN(ctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("b-web")}), 0);
        QCOMPARE(used(QStringLiteral("tb")), 0);
    }

    // A tenant's compose app: its containers, network and volume pass the gate and are its
    // own; its plan holds the replicas; another tenant can neither see, take over, join nor
    // remove it; down gives everything back.
    void tenantsDeployApps()
    {
        useFreshDatabase(QStringLiteral("sqlite"));
        setUpTenant(QStringLiteral("apa"), 3);
        setUpTenant(QStringLiteral("apb"));
        const QString file = m_dir.filePath(QStringLiteral("tapp.yaml"));
        auto write = [&](int workers, const QString &extra = {}) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(QStringLiteral("services:\n"
                                   "  web:\n"
                                   "    image: %1\n"
                                   "    command: [sleep, \"300\"]\n"
                                   "    volumes: [data:/data]\n"
                                   "  worker:\n"
                                   "    image: %1\n"
                                   "    command: [sleep, \"300\"]\n"
                                   "    deploy: {replicas: %2}\n"
                                   "%3"
                                   "volumes:\n"
                                   "  data: {}\n")
                        .arg(TestSupport::testImage())
                        .arg(workers)
                        .arg(extra)
                        .toUtf8());
        };
        auto app = [&](const QString &t, const QStringList &args) {
            return tenant(t, QStringList{QStringLiteral("app")} + args);
        };
        const QStringList deployArgs{QStringLiteral("deploy"), QStringLiteral("-f"), file, QStringLiteral("--name"), QStringLiteral("tapp")};
        ctl({QStringLiteral("app"), QStringLiteral("down"), QStringLiteral("tapp"), QStringLiteral("--volumes")});
        write(2);
        CHECK_RUN(app(QStringLiteral("apa"), deployArgs), 0);
        QCOMPARE(used(QStringLiteral("apa")), 3);
        QCOMPARE(containersOf(QStringLiteral("apa")).size(), 3);
        for (const QString &what : {QStringLiteral("network"), QStringLiteral("volume")}) {
            const Run r = ctl({what, QStringLiteral("inspect"), what == QLatin1String("network") ? QStringLiteral("tapp_default") : QStringLiteral("tapp_data")});
            CHECK_RUN(r, 0);
            QVERIFY2(r.out.contains(QLatin1String("\"io.wharf.tenant\": \"apa\"")), qPrintable(r.out));
        }
        const Run lsA = app(QStringLiteral("apa"), {QStringLiteral("ls"), QStringLiteral("-q")});
        CHECK_RUN(lsA, 0);
        QCOMPARE(lsA.out.trimmed(), QStringLiteral("tapp"));
        const Run psA = app(QStringLiteral("apa"), {QStringLiteral("ps"), QStringLiteral("tapp")});
        CHECK_RUN(psA, 0);
        QVERIFY2(psA.out.contains(QLatin1String("tapp-worker-2")), qPrintable(psA.out));
        // a re-deploy changes nothing; a third worker is over the plan of 3
        const Run again = app(QStringLiteral("apa"), deployArgs);
        CHECK_RUN(again, 0);
        QCOMPARE(used(QStringLiteral("apa")), 3);
        write(3);
        const Run over = app(QStringLiteral("apa"), deployArgs);
        QCOMPARE(over.code, 1);
        QVERIFY2(over.err.contains(QLatin1String("Quota exceeded")), qPrintable(over.err));
        QCOMPARE(used(QStringLiteral("apa")), 3);
        QCOMPARE(containersOf(QStringLiteral("apa")).size(), 3);
        // another tenant: not listed, not taken over, not joined, not removed
        write(1);
        const Run lsB = app(QStringLiteral("apb"), {QStringLiteral("ls"), QStringLiteral("-q")});
        CHECK_RUN(lsB, 0);
        QCOMPARE(lsB.out.trimmed(), QString());
        QCOMPARE(app(QStringLiteral("apb"), {QStringLiteral("ps"), QStringLiteral("tapp")}).code, 1);
        const Run takeOver = app(QStringLiteral("apb"), deployArgs);
        QCOMPARE(takeOver.code, 1);
        QVERIFY2(takeOver.err.contains(QLatin1String("not yours")), qPrintable(takeOver.err));
        for (const QString &verb : {QStringLiteral("stop"), QStringLiteral("down")}) {
            const Run r = app(QStringLiteral("apb"), {verb, QStringLiteral("tapp")});
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains(QLatin1String("not yours")), qPrintable(r.err));
        }
        const Run join = tenant(QStringLiteral("apb"), {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"), QStringLiteral("tapp_default"),
                                                        TestSupport::testImage(), QStringLiteral("true")});
        QCOMPARE(join.code, 1);
        QVERIFY2(join.err.contains(QLatin1String("No network \"tapp_default\" of tenant \"apb\"")), qPrintable(join.err));
        QCOMPARE(containersOf(QStringLiteral("apa")).size(), 3);
        QCOMPARE(used(QStringLiteral("apb")), 0);
        // networks of its own: listed with the daemon's shared ones, nobody else's
        QCOMPARE(tenant(QStringLiteral("apb"), {QStringLiteral("network"), QStringLiteral("rm"), QStringLiteral("tapp_default")}).code, 1);
        const Run subnet = tenant(QStringLiteral("apb"), {QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--subnet"),
                                                          QStringLiteral("10.99.0.0/24"), QStringLiteral("bnet")});
        QCOMPARE(subnet.code, 1);
        QVERIFY2(subnet.err.contains(QLatin1String("--subnet")), qPrintable(subnet.err));
        ctl({QStringLiteral("network"), QStringLiteral("rm"), QStringLiteral("bnet")});
        CHECK_RUN(tenant(QStringLiteral("apb"), {QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("bnet")}), 0);
        const Run nets = tenant(QStringLiteral("apb"), {QStringLiteral("-o"), QStringLiteral("json"), QStringLiteral("network"), QStringLiteral("ls")});
        CHECK_RUN(nets, 0);
        QStringList names;
        for (const auto &v : QJsonDocument::fromJson(nets.out.toUtf8()).array())
            names << v.toObject().value(QLatin1String("name")).toString();
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("bnet"), QStringLiteral("bridge"), QStringLiteral("none")}));
        CHECK_RUN(tenant(QStringLiteral("apb"), {QStringLiteral("network"), QStringLiteral("rm"), QStringLiteral("bnet")}), 0);
        // what a tenant may not ask for, named
        struct Case { QString extra; QString named; };
        const QList<Case> refused{
            {QStringLiteral("networks:\n  default:\n    driver_opts: {com.docker.network.bridge.name: wharf0}\n"), QStringLiteral("--opt")},
            {QStringLiteral("networks:\n  default:\n    ipam: {config: [{subnet: 10.99.0.0/24}]}\n"), QStringLiteral("--subnet")},
        };
        for (const Case &c : refused) {
            write(1, c.extra);
            const QStringList other{QStringLiteral("deploy"), QStringLiteral("-f"), file, QStringLiteral("--name"), QStringLiteral("bapp")};
            const Run r = app(QStringLiteral("apb"), other);
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains(c.named), qPrintable(r.err));
        }
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(QStringLiteral("services:\n  root:\n    image: %1\n    privileged: true\n    command: [sleep, \"300\"]\n").arg(TestSupport::testImage()).toUtf8());
        }
        const Run priv = app(QStringLiteral("apb"), {QStringLiteral("deploy"), QStringLiteral("-f"), file, QStringLiteral("--name"), QStringLiteral("bapp")});
        QCOMPARE(priv.code, 1);
        QVERIFY2(priv.err.contains(QLatin1String("--privileged")), qPrintable(priv.err));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("services:\n  src:\n    build: https://git.invalid/team/app.git\n");
        }
        const Run remote = app(QStringLiteral("apb"), {QStringLiteral("deploy"), QStringLiteral("-f"), file, QStringLiteral("--name"), QStringLiteral("bapp")});
        QCOMPARE(remote.code, 1);
        QVERIFY2(remote.err.contains(QLatin1String("may not have the daemon fetch https://git.invalid/team/app.git")), qPrintable(remote.err));
        QCOMPARE(used(QStringLiteral("apb")), 0);
        ctl({QStringLiteral("app"), QStringLiteral("down"), QStringLiteral("bapp")}); // the network the refused deploys made
        // down gives the containers, the network and the volume back
        CHECK_RUN(app(QStringLiteral("apa"), {QStringLiteral("down"), QStringLiteral("tapp"), QStringLiteral("--volumes")}), 0);
        QCOMPARE(used(QStringLiteral("apa")), 0);
        QCOMPARE(containersOf(QStringLiteral("apa")).size(), 0);
        QCOMPARE(ctl({QStringLiteral("network"), QStringLiteral("inspect"), QStringLiteral("tapp_default")}).code, 1);
        QCOMPARE(ctl({QStringLiteral("volume"), QStringLiteral("inspect"), QStringLiteral("tapp_data")}).code, 1);
        const Run audit = ctl({QStringLiteral("audit"), QStringLiteral("--tenant"), QStringLiteral("apa"), QStringLiteral("-o"), QStringLiteral("json")});
        CHECK_RUN(audit, 0);
        for (const QString &action : {QStringLiteral("network.create"), QStringLiteral("volume.create"), QStringLiteral("container.create"),
                                      QStringLiteral("network.remove"), QStringLiteral("volume.remove"), QStringLiteral("app.deploy"),
                                      QStringLiteral("app.remove")})
            QVERIFY2(audit.out.contains(QLatin1String("\"action\": \"") + action + QLatin1Char('"')), qPrintable(action));
        QVERIFY2(audit.out.contains(QLatin1String("\"target\": \"tapp\"")), qPrintable(audit.out));
    }

    // docker update: a tenant's growth is reserved against its plan, a shrink given back,
    // and a change the daemon refuses leaves the counters as they were.
    void tenantsChangeLimitsWithinTheirQuota_data() { engines(); }
    void tenantsChangeLimitsWithinTheirQuota()
    {
        QFETCH(QString, engine);
        useFreshDatabase(engine);
        const QString t = QStringLiteral("tu");
        // more CPUs than this machine has, 1 GiB
        const int cores = QThread::idealThreadCount();
        setUpTenant(t, 5, QString::number(cores + 2));
        setUpTenant(QStringLiteral("tv"));
        const QString name = QStringLiteral("u-web-") + engine;
        ctl({QStringLiteral("rm"), QStringLiteral("-f"), name}); // left by an earlier run that failed
        CHECK_RUN(tenant(t, {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), name, QStringLiteral("--cpus"), QStringLiteral("0.5"),
                             QStringLiteral("-m"), QStringLiteral("256m"), TestSupport::testImage(), QStringLiteral("sleep"), QStringLiteral("300")}),
                  0);
        auto cpusUsed = [&] { return quota(t).value(QLatin1String("cpus")).toObject().value(QLatin1String("used")).toDouble(); };
        auto memoryUsed = [&] { return quota(t).value(QLatin1String("memoryBytes")).toObject().value(QLatin1String("used")).toInteger(); };
        auto limits = [&] {
            const Run r = ctl({QStringLiteral("inspect"), name});
            const QJsonObject hc = QJsonDocument::fromJson(r.out.toUtf8()).array().first().toObject().value(QLatin1String("HostConfig")).toObject();
            return qMakePair(hc.value(QLatin1String("NanoCpus")).toInteger(), hc.value(QLatin1String("Memory")).toInteger());
        };
        QCOMPARE(cpusUsed(), 0.5);
        // grows within the plan
        CHECK_RUN(tenant(t, {QStringLiteral("update"), QStringLiteral("--cpus"), QStringLiteral("1.5"), QStringLiteral("-m"), QStringLiteral("512m"), name}), 0);
        QCOMPARE(cpusUsed(), 1.5);
        QCOMPARE(memoryUsed(), 512LL << 20);
        QCOMPARE(limits(), qMakePair(qint64(1500000000), qint64(512) << 20));
        // beyond it: refused before the daemon is asked, nothing changed
        Run r = tenant(t, {QStringLiteral("update"), QStringLiteral("-m"), QStringLiteral("2g"), name});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("Quota exceeded")) && r.err.contains(QLatin1String("memory")), qPrintable(r.err));
        QCOMPARE(memoryUsed(), 512LL << 20);
        QCOMPARE(limits().second, qint64(512) << 20);
        // within the plan, but the daemon refuses (more CPUs than the machine has): the
        // counters are put back
        r = tenant(t, {QStringLiteral("update"), QStringLiteral("--cpus"), QString::number(cores + 1), name});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("CPU")), qPrintable(r.err));
        QCOMPARE(cpusUsed(), 1.5);
        // a shrink gives quota back
        CHECK_RUN(tenant(t, {QStringLiteral("update"), QStringLiteral("--cpus"), QStringLiteral("0.25"), name}), 0);
        QCOMPARE(cpusUsed(), 0.25);
        // someone else's container is not there for tv
        r = tenant(QStringLiteral("tv"), {QStringLiteral("update"), QStringLiteral("--cpus"), QStringLiteral("0.1"), name});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("No container")), qPrintable(r.err));
        // an admin may go beyond the plan; the tenant's counters follow
        CHECK_RUN(ctl({QStringLiteral("update"), QStringLiteral("-m"), QStringLiteral("2g"), name}), 0);
        QCOMPARE(memoryUsed(), 2LL << 30);
        const Run audit = tenant(t, {QStringLiteral("audit"), QStringLiteral("-o"), QStringLiteral("json")});
        QStringList trail;
        for (const auto &v : QJsonDocument::fromJson(audit.out.toUtf8()).array())
            if (v.toObject().value(QLatin1String("action")).toString() == QLatin1String("container.update"))
                trail.prepend(v.toObject().value(QLatin1String("result")).toString());
        QCOMPARE(trail, (QStringList{QStringLiteral("ok"), QStringLiteral("denied-quota"), QStringLiteral("failed"), QStringLiteral("ok")}));
        CHECK_RUN(tenant(t, {QStringLiteral("rm"), QStringLiteral("-f"), name}), 0);
        QCOMPARE(cpusUsed(), 0.0);
        QCOMPARE(memoryUsed(), 0);
    }

    // wharfctl records changes in the console's words (tst_tenancyui checks the console's
    // trail with the same strings), refusals as refusals.
    void auditVocabularyMatchesTheConsole()
    {
        ctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("vocab-admin")}); // a leftover of an interrupted run (before the trail starts)
        useFreshDatabase(QStringLiteral("sqlite"));
        setUpTenant(QStringLiteral("vocab"));
        const QString img = TestSupport::testImage();
        CHECK_RUN(ctl({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("vocab-admin"), img, QStringLiteral("sleep"), QStringLiteral("60")}), 0);
        CHECK_RUN(ctl({QStringLiteral("start"), QStringLiteral("vocab-admin")}), 0);
        CHECK_RUN(ctl({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("0"), QStringLiteral("vocab-admin")}), 0);
        CHECK_RUN(ctl({QStringLiteral("volume"), QStringLiteral("create"), QStringLiteral("vocab-data")}), 0);
        CHECK_RUN(ctl({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("vocab-data")}), 0);
        CHECK_RUN(ctl({QStringLiteral("tag"), img, QStringLiteral("vocab/tagged:1")}), 0);
        CHECK_RUN(ctl({QStringLiteral("rmi"), QStringLiteral("vocab/tagged:1")}), 0);
        CHECK_RUN(ctl({QStringLiteral("tenant"), QStringLiteral("suspend"), QStringLiteral("vocab")}), 0);
        CHECK_RUN(ctl({QStringLiteral("tenant"), QStringLiteral("resume"), QStringLiteral("vocab")}), 0);
        // a tenant's refused requests: someone else's container, an admin's action
        QCOMPARE(tenant(QStringLiteral("vocab"), {QStringLiteral("stop"), QStringLiteral("vocab-admin")}).code, 1);
        QCOMPARE(tenant(QStringLiteral("vocab"), {QStringLiteral("tag"), img, QStringLiteral("vocab/mine:1")}).code, 1);
        CHECK_RUN(ctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("vocab-admin")}), 0);
        const Run audit = ctl({QStringLiteral("audit"), QStringLiteral("-o"), QStringLiteral("json")});
        CHECK_RUN(audit, 0);
        QStringList trail;
        for (const auto &v : QJsonDocument::fromJson(audit.out.toUtf8()).array()) {
            const QJsonObject o = v.toObject();
            trail.prepend(o.value(QLatin1String("action")).toString() + QLatin1Char(' ') + o.value(QLatin1String("target")).toString() + QLatin1Char(' ')
                          + o.value(QLatin1String("result")).toString());
        }
        const QStringList want{QStringLiteral("plan.create p-vocab ok"), QStringLiteral("tenant.create vocab ok"), QStringLiteral("domain.set public ok"),
                               QStringLiteral("container.create vocab-admin ok"), QStringLiteral("container.start vocab-admin ok"),
                               QStringLiteral("container.stop vocab-admin ok"), QStringLiteral("volume.create vocab-data ok"),
                               QStringLiteral("volume.remove vocab-data ok"), QStringLiteral("image.tag ") + img + QStringLiteral(" vocab/tagged:1 ok"),
                               QStringLiteral("image.remove vocab/tagged:1 ok"), QStringLiteral("tenant.suspend vocab ok"),
                               QStringLiteral("tenant.resume vocab ok"), QStringLiteral("container.stop vocab-admin denied"),
                               QStringLiteral("image.tag  denied"), QStringLiteral("container.remove vocab-admin ok")};
        QCOMPARE(trail, want);
    }

    void plansAndTenantsBadInput()
    {
        useFreshDatabase(QStringLiteral("postgres"));
        setUpTenant(QStringLiteral("acme"));
        const Run inUse = ctl({QStringLiteral("plan"), QStringLiteral("rm"), QStringLiteral("p-acme")});
        QCOMPARE(inUse.code, 1);
        QVERIFY(inUse.err.contains(QLatin1String("in use by acme")));
        // two admins: the second edit was based on an old revision
        CHECK_RUN(ctl({QStringLiteral("plan"), QStringLiteral("update"), QStringLiteral("p-acme"), QStringLiteral("--max-containers"), QStringLiteral("6"),
                       QStringLiteral("--revision"), QStringLiteral("1")}),
                  0);
        const Run stale = ctl({QStringLiteral("plan"), QStringLiteral("update"), QStringLiteral("p-acme"), QStringLiteral("--max-containers"),
                               QStringLiteral("9"), QStringLiteral("--revision"), QStringLiteral("1")});
        QCOMPARE(stale.code, 1);
        QVERIFY2(stale.err.contains(QLatin1String("changed by someone else")), qPrintable(stale.err));
        const Run show = ctl({QStringLiteral("plan"), QStringLiteral("show"), QStringLiteral("p-acme"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(QJsonDocument::fromJson(show.out.toUtf8()).object().value(QLatin1String("maxContainers")).toInt(), 6);
        const Run badMoney = ctl({QStringLiteral("plan"), QStringLiteral("create"), QStringLiteral("x"), QStringLiteral("--max-containers"),
                                  QStringLiteral("1"), QStringLiteral("--cpus"), QStringLiteral("1"), QStringLiteral("--memory"), QStringLiteral("1g"),
                                  QStringLiteral("--price-hour"), QStringLiteral("0.1234567")});
        QCOMPARE(badMoney.code, 2);
        QVERIFY(badMoney.err.contains(QLatin1String("six places")));
        const Run noPlan = ctl({QStringLiteral("tenant"), QStringLiteral("create"), QStringLiteral("ghost"), QStringLiteral("--plan"), QStringLiteral("nope")});
        QCOMPARE(noPlan.code, 1);
        QVERIFY(noPlan.err.contains(QLatin1String("no plan named \"nope\"")));
        QVERIFY(!ctl({QStringLiteral("tenant"), QStringLiteral("ls")}).out.contains(QLatin1String("ghost")));
        const Run unknownTenant = tenant(QStringLiteral("nobody"), {QStringLiteral("ps")});
        QCOMPARE(unknownTenant.code, 1);
        QVERIFY(unknownTenant.err.contains(QLatin1String("no tenant named \"nobody\"")));
        // a database that is down: a clear error, and nothing reaches the daemon
        qputenv("WHARF_DB", "postgresql://wharf_owner@127.0.0.1:1/none");
        const Run down = tenant(QStringLiteral("acme"), {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("never"),
                                                        TestSupport::testImage()});
        qputenv("WHARF_DB", m_db.toUtf8());
        QCOMPARE(down.code, 1);
        QVERIFY2(down.err.contains(QLatin1String("not reachable")), qPrintable(down.err));
        QVERIFY(ctl({QStringLiteral("inspect"), QStringLiteral("never")}).code != 0);
    }
};

QTEST_GUILESS_MAIN(TestTenancyCli)
#include "tst_tenancycli.moc"
