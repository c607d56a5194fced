// Tenancy end to end through wharfctl, as whole processes against the private dockerd, on
// both engines (an embedded SQLite file and the fixture's PostgreSQL): plans and tenants, quota
// under 20 concurrent `run`s, the policy gate's denials, ownership between tenants, metering
// and bills, reconciliation, the controller's lease, and a tenant's own database role.
#include "storesupport.h"
#include "store/meteringstore.h"
#include "store/money.h"
#include "store/tenancystore.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::Run;


class TestTenancyCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    static void engines()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgres") << QStringLiteral("postgres");
    }

    // A new database of the engine for this test function, used by every ctl() after it.
    void useFreshDatabase(const QString &engine)
    {
        m_db = TestSupport::freshDatabaseUrl(engine, m_dir);
        qputenv("WHARF_DB", m_db.toUtf8());
    }

    Run ctl(const QStringList &args, const QByteArray &in = {})
    {
        return TestSupport::wharfctl(args, TestSupport::dockerHost(), in);
    }
    Run tenant(const QString &t, const QStringList &args) { return ctl(QStringList{QStringLiteral("--tenant"), t} + args); }

    // A plan, a tenant on it, and the test daemon in the public domain.
    void setUpTenant(const QString &name, int containers = 5, const QString &cpus = QStringLiteral("2"))
    {
        CHECK_RUN(ctl({QStringLiteral("plan"), QStringLiteral("create"), QStringLiteral("p-") + name, QStringLiteral("--max-containers"),
                       QString::number(containers), QStringLiteral("--cpus"), cpus, QStringLiteral("--memory"),
                       QStringLiteral("1g"), QStringLiteral("--price-hour"), QStringLiteral("0.10"), QStringLiteral("--cpu-price"),
                       QStringLiteral("0.02"), QStringLiteral("--memory-price"), QStringLiteral("0.005")}),
                  0);
        CHECK_RUN(ctl({QStringLiteral("tenant"), QStringLiteral("create"), name, QStringLiteral("--plan"), QStringLiteral("p-") + name,
                       QStringLiteral("--email"), name + QStringLiteral("@example.org")}),
                  0);
        CHECK_RUN(ctl({QStringLiteral("domain"), QStringLiteral("set"), TestSupport::dockerHost(), QStringLiteral("public")}), 0);
    }

    QJsonObject quota(const QString &t)
    {
        const Run r = ctl({QStringLiteral("quota"), QStringLiteral("show"), t, QStringLiteral("-o"), QStringLiteral("json")});
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }
    int used(const QString &t) { return quota(t).value(QLatin1String("containers")).toObject().value(QLatin1String("used")).toInt(-1); }

    QStringList containersOf(const QString &t)
    {
        const Run r = ctl({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-q"), QStringLiteral("--no-trunc"), QStringLiteral("--filter"),
                           QStringLiteral("label=io.wharf.tenant=") + t});
        return r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    void removeAll(const QString &t)
    {
        const QStringList ids = containersOf(t);
        if (!ids.isEmpty())
            CHECK_RUN(ctl(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + ids), 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!TestSupport::dockerHost().isEmpty(), "the dockerd fixture is not running");
        QVERIFY2(!TestSupport::postgresEnv().isEmpty(), "the postgres fixture is not running");
        qputenv("WHARF_CONFIG_DIR", m_dir.filePath(QStringLiteral("config")).toUtf8());
        qputenv("WHARF_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8()); // deploy journals
        qputenv("WHARF_KEYCHAIN", "none");
        qputenv("PGPASSWORD", TestSupport::postgresPassword().toUtf8()); // libpq's own, for the owner role
    }

    void cleanupTestCase()
    {
        qunsetenv("WHARF_DB");
        qunsetenv("PGPASSWORD");
    }

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
        const qsizetype ticks = (firstOut += first.readAllStandardOutput()).count("tick:");
        QTRY_VERIFY_WITH_TIMEOUT((firstOut += first.readAllStandardOutput()).count("tick:") >= ticks + 2, 20000);
        secondOut += second.readAllStandardOutput();
        QVERIFY(!secondOut.contains("Holding the control lease")); // still waiting
        first.terminate();
        QVERIFY(first.waitForFinished(20000));
        QCOMPARE(first.exitCode(), 0);
        QVERIFY((firstOut += first.readAllStandardOutput()).contains("lease released"));
        QTRY_VERIFY_WITH_TIMEOUT((secondOut += second.readAllStandardOutput()).contains("Holding the control lease"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT((secondOut += second.readAllStandardOutput()).contains("tick:"), 20000);
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

QTEST_GUILESS_MAIN(TestTenancyCli)
#include "tst_tenancycli.moc"
