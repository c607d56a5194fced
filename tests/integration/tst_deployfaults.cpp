// A tenant's deploy while the daemon dies: a proxy between wharfctl and the test's real
// dockerd cuts at every request of the deploy in turn, once before the daemon hears it and once
// after it acted but before its answer comes back. After each: nothing of the app is left
// without the tenant's label, and once the daemon is back `quota reconcile --adopt` makes the
// database and the daemon agree: the tenant's resources recorded are exactly the containers
// the daemon has, and the quota counters count them.
#include "faultproxy.h"
#include "store/store.h"
#include "store/tenancystore.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using TestSupport::FaultProxy;
using TestSupport::Run;

class TestDeployFaults : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestSupport::OwnDaemon m_daemon{QStringLiteral("deployfaults")};
    std::unique_ptr<FaultProxy> m_proxy;
    QString m_compose;
    int m_cleanRequests = 0;  // a first deploy's requests to the daemon
    int m_updateRequests = 0; // a changed configuration's (every container replaced)

    Run direct(const QStringList &args) { return TestSupport::wharfctl(args, m_daemon.host()); }
    Run proxied(const QStringList &args) { return TestSupport::wharfctl(args, m_proxy->url()); }
    Run deploy(int version = 1)
    {
        writeCompose(version);
        return proxied({QStringLiteral("--tenant"), QStringLiteral("acme"), QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("-f"), m_compose,
                        QStringLiteral("--name"), QStringLiteral("fapp")});
    }
    // The app; version 2 changes every service's configuration, so a deploy replaces them all.
    void writeCompose(int version)
    {
        QFile f(m_compose);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(m_compose));
        f.write(QStringLiteral("services:\n"
                               "  web:\n"
                               "    image: %1\n"
                               "    command: [sleep, \"300\"]\n"
                               "    stop_signal: KILL\n"
                               "    environment: {VERSION: \"%2\"}\n"
                               "    volumes: [data:/data]\n"
                               "    networks: [back]\n"
                               "  worker:\n"
                               "    image: %1\n"
                               "    command: [sleep, \"300\"]\n"
                               "    stop_signal: KILL\n"
                               "    environment: {VERSION: \"%2\"}\n"
                               "    deploy: {replicas: 2}\n"
                               "    networks: [back]\n"
                               "volumes:\n"
                               "  data: {}\n"
                               "networks:\n"
                               "  back: {}\n")
                    .arg(TestSupport::testImage())
                    .arg(version)
                    .toUtf8());
    }
    QStringList ids(const QString &filter)
    {
        const Run r = direct({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-q"), QStringLiteral("--no-trunc"), QStringLiteral("--filter"), filter});
        return r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
    QJsonObject quota()
    {
        const Run r = direct({QStringLiteral("quota"), QStringLiteral("show"), QStringLiteral("acme"), QStringLiteral("-o"), QStringLiteral("json")});
        return QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("containers")).toObject();
    }
    // Everything of the app goes, behind Wharf's back (the next reconcile gives the quota back).
    void removeApp()
    {
        const QStringList all = ids(QStringLiteral("label=com.docker.compose.project=fapp"));
        if (!all.isEmpty())
            direct(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + all);
        direct({QStringLiteral("network"), QStringLiteral("rm"), QStringLiteral("fapp_back")});
        direct({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("fapp_data")});
    }
    // The invariants after a deploy that may have been cut anywhere.
    void checkAgree(const QString &where)
    {
        // Nothing of the app without the tenant's label.
        const QStringList app = ids(QStringLiteral("label=com.docker.compose.project=fapp"));
        const QStringList tenants = ids(QStringLiteral("label=io.wharf.tenant=acme"));
        for (const QString &id : app)
            QVERIFY2(tenants.contains(id), qPrintable(where + QStringLiteral(": an unlabelled container ") + id));
        for (const auto &[kind, name] : {std::pair{QStringLiteral("network"), QStringLiteral("fapp_back")}, std::pair{QStringLiteral("volume"), QStringLiteral("fapp_data")}}) {
            const Run r = direct({kind, QStringLiteral("inspect"), name});
            if (r.code != 0)
                continue; // not made
            const QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8()).array();
            QVERIFY2(a.size() == 1 && a.first().toObject().value(QLatin1String("Labels")).toObject().value(QLatin1String("io.wharf.tenant")).toString()
                         == QLatin1String("acme"),
                     qPrintable(where + QStringLiteral(": an unlabelled ") + kind));
        }
        // The daemon is back: the next reconcile makes the books and the daemon agree.
        CHECK_RUN(proxied({QStringLiteral("quota"), QStringLiteral("reconcile"), QStringLiteral("--adopt")}), 0);
        const QJsonObject q = quota();
        QVERIFY2(q.value(QLatin1String("used")).toInt(-1) == tenants.size(),
                 qPrintable(QStringLiteral("%1: the quota counts %2 containers, the daemon has %3").arg(where).arg(q.value(QLatin1String("used")).toInt(-1)).arg(tenants.size())));
        // What the database holds of the tenant's containers: exactly those the daemon has.
        auto url = Wharf::Backends::StoreUrl::parse(QString::fromUtf8(qgetenv("WHARF_DB")));
        QVERIFY(url);
        auto store = Wharf::Backends::Store::open(*url);
        QVERIFY(store);
        auto rows = Wharf::Backends::TenancyStore(*store).resources(QStringLiteral("acme"));
        QVERIFY(rows);
        std::set<QString> recorded;
        for (const auto &row : *rows)
            if (row.kind == QLatin1String("container"))
                recorded.insert(row.ref);
        QVERIFY2(recorded == std::set<QString>(tenants.begin(), tenants.end()),
                 qPrintable(where + QStringLiteral(": the database records %1 containers, the daemon has %2").arg(recorded.size()).arg(tenants.size())));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_daemon.start(), "the test's dockerd did not start");
        const QString host = m_daemon.host();
        QVERIFY(host.startsWith(QLatin1String("unix://")));
        qputenv("WHARF_CONFIG_DIR", m_dir.filePath(QStringLiteral("config")).toUtf8());
        qputenv("WHARF_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8());
        qputenv("WHARF_KEYCHAIN", "none");
        qputenv("WHARF_DB", (QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("platform.db"))).toUtf8());
        m_proxy = std::make_unique<FaultProxy>(m_dir.filePath(QStringLiteral("proxy.sock")), host.mid(7));
        m_compose = m_dir.filePath(QStringLiteral("compose.yaml"));
        CHECK_RUN(direct({QStringLiteral("plan"), QStringLiteral("create"), QStringLiteral("faults"), QStringLiteral("--max-containers"), QStringLiteral("10"),
                          QStringLiteral("--cpus"), QStringLiteral("4"), QStringLiteral("--memory"), QStringLiteral("2g"), QStringLiteral("--free")}),
                  0);
        CHECK_RUN(direct({QStringLiteral("tenant"), QStringLiteral("create"), QStringLiteral("acme"), QStringLiteral("--plan"), QStringLiteral("faults")}), 0);
        CHECK_RUN(direct({QStringLiteral("domain"), QStringLiteral("set"), m_proxy->url(), QStringLiteral("public")}), 0);
        removeApp();
        // A whole deploy, to count its requests.
        m_proxy->revive();
        CHECK_RUN(deploy(), 0);
        m_cleanRequests = m_proxy->requests();
        checkAgree(QStringLiteral("the whole deploy"));
        QCOMPARE(ids(QStringLiteral("label=io.wharf.tenant=acme")).size(), 3);
        m_proxy->revive();
        CHECK_RUN(deploy(2), 0);
        m_updateRequests = m_proxy->requests();
        qInfo("a first deploy is %d requests to the daemon, a changed one %d", m_cleanRequests, m_updateRequests);
        QVERIFY(m_cleanRequests >= 10 && m_updateRequests >= m_cleanRequests);
        checkAgree(QStringLiteral("the whole update"));
        removeApp();
        CHECK_RUN(proxied({QStringLiteral("quota"), QStringLiteral("reconcile")}), 0);
        QCOMPARE(quota().value(QLatin1String("used")).toInt(-1), 0);
    }
    void cleanupTestCase()
    {
        if (m_proxy)
            removeApp();
        m_proxy.reset();
        m_daemon.stopIfOurs();
        qunsetenv("WHARF_DB");
    }

    // Every request of a first deploy, cut.
    void daemonDiesMidDeploy_data() { points(m_cleanRequests); }
    void daemonDiesMidDeploy()
    {
        QFETCH(int, at);
        QFETCH(int, mode);
        if (m_version != 0) { // a first deploy: nothing of the app there
            removeApp();
            CHECK_RUN(proxied({QStringLiteral("quota"), QStringLiteral("reconcile")}), 0);
            m_version = 0;
        }
        dieAt(at, FaultProxy::Mode(mode), 1);
        // Removing it all gives the whole quota back.
        removeApp();
        CHECK_RUN(proxied({QStringLiteral("quota"), QStringLiteral("reconcile")}), 0);
        QCOMPARE(quota().value(QLatin1String("used")).toInt(-1), 0);
        m_version = 0;
    }

    // Every request of an update that replaces every container (from the version deployed to
    // the other one), cut.
    void daemonDiesMidUpdate_data() { points(m_updateRequests); }
    void daemonDiesMidUpdate()
    {
        QFETCH(int, at);
        QFETCH(int, mode);
        if (m_version == 0) {
            m_proxy->revive();
            CHECK_RUN(deploy(1), 0);
            m_version = 1;
        }
        dieAt(at, FaultProxy::Mode(mode), m_version == 1 ? 2 : 1);
    }

private:
    int m_version = 0; // the version of the app deployed (0: none)

    // Each request once, every other one before the daemon heard it and the others after it
    // acted; WHARF_TEST_FAULTS_BOTH=1 cuts each request both ways.
    void points(int requests)
    {
        QTest::addColumn<int>("at");
        QTest::addColumn<int>("mode");
        const bool both = qEnvironmentVariableIsSet("WHARF_TEST_FAULTS_BOTH");
        for (int at = 1; at <= requests; ++at) {
            if (both || at % 2 == 1)
                QTest::addRow("request %d, before", at) << at << int(FaultProxy::Mode::Before);
            if (both || at % 2 == 0)
                QTest::addRow("request %d, answer lost", at) << at << int(FaultProxy::Mode::After);
        }
    }

    // The daemon dies at request `at` of a deploy of this version; then the books and the
    // daemon must agree, and the next deploy must put the app right.
    void dieAt(int at, FaultProxy::Mode mode, int version)
    {
        m_proxy->arm(at, mode);
        const Run r = deploy(version);
        const bool died = m_proxy->died();
        m_proxy->revive();
        if (died)
            QVERIFY2(r.code != 0, qPrintable(QStringLiteral("the deploy said it worked: ") + r.out));
        else
            CHECK_RUN(r, 0);
        QVERIFY2(!r.err.contains(QLatin1String("AddressSanitizer")) && r.code != -1, qPrintable(r.err));
        checkAgree(QStringLiteral("request %1").arg(at));
        // The next deploy puts the app right: three containers of this version.
        CHECK_RUN(deploy(version), 0);
        m_version = version;
        const QStringList now = ids(QStringLiteral("label=io.wharf.tenant=acme"));
        QCOMPARE(now.size(), 3);
        const Run env = direct(QStringList{QStringLiteral("inspect"), QStringLiteral("--type"), QStringLiteral("container")} + now);
        CHECK_RUN(env, 0);
        QCOMPARE(env.out.count(QStringLiteral("VERSION=%1").arg(version)), 3);
    }
};

QTEST_GUILESS_MAIN(TestDeployFaults)
#include "tst_deployfaults.moc"
