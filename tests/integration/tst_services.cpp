// Services behind the edge router, against a private dockerd of this test's own and the router
// image made from Debian's haproxy: replicas share an address, scaling and rolling updates drop
// no request, a failed update is rolled back, what breaks or is removed behind Wharf's back
// comes back, and a restarted controller loses nothing.
#include "loadloop.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using TestSupport::LoadLoop;
using TestSupport::Run;

namespace {
QString stateEnv(const char *key)
{
    return TestSupport::readEnvFile(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/dockerd-services/env")).value(QLatin1String(key));
}

int freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

// The script every replica runs: busybox httpd answering with the replica's host name,
// ending at once on SIGTERM.
QStringList httpdCommand()
{
    return {QStringLiteral("sh"), QStringLiteral("-c"),
            QStringLiteral("trap 'exit 0' TERM; hostname > /www/index.html; touch /tmp/ok; httpd -f -p 80 -h /www & wait")};
}

bool waitFor(const std::function<bool()> &condition, int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        if (condition())
            return true;
        QTest::qWait(200);
    }
    return condition();
}
} // namespace

class TestServices : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_host;
    int m_port = 0;
    QProcess *m_controller = nullptr;

    Run ctl(const QStringList &args) { return TestSupport::wharfctl(args, m_host); }

    QJsonArray replicas(const QString &service)
    {
        const Run r = ctl({QStringLiteral("service"), QStringLiteral("ps"), service, QStringLiteral("-o"), QStringLiteral("json")});
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }
    // The ready replicas of the service, by replica number.
    QMap<int, QString> ready(const QString &service)
    {
        QMap<int, QString> m;
        for (const QJsonValue &v : replicas(service)) {
            const QJsonObject o = v.toObject();
            if (o.value(QLatin1String("state")).toString() == QLatin1String("running")
                && (o.value(QLatin1String("health")).toString().isEmpty() || o.value(QLatin1String("health")).toString() == QLatin1String("healthy")))
                m.insert(o.value(QLatin1String("replica")).toInt(), o.value(QLatin1String("id")).toString());
        }
        return m;
    }
    QString request(const QByteArray &host = "localhost")
    {
        QString body, reason;
        if (!LoadLoop::request(m_port, host, "/", &body, &reason))
            return QStringLiteral("failed: ") + reason;
        return body;
    }
    void startController()
    {
        m_controller = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        m_controller->setProcessEnvironment(env);
        m_controller->setProcessChannelMode(QProcess::MergedChannels);
        m_controller->start(TestSupport::binaryDir() + QStringLiteral("/app/wharfctl"),
                            {QStringLiteral("-H"), m_host, QStringLiteral("controller"), QStringLiteral("--interval"), QStringLiteral("3600")});
        QVERIFY(m_controller->waitForStarted());
        auto seen = std::make_shared<QByteArray>();
        QVERIFY2(waitFor([this, seen] {
            *seen += m_controller->readAll();
            return seen->contains("Holding the control lease");
        }, 20000), seen->constData());
    }
    void stopController()
    {
        if (!m_controller)
            return;
        m_controller->terminate();
        if (!m_controller->waitForFinished(15000))
            m_controller->kill();
        m_controller->waitForFinished();
        delete m_controller;
        m_controller = nullptr;
    }

    // Runs wharfctl while the request loop goes on; every request must be answered 200.
    void underLoad(const QList<QStringList> &commands, int minimum, QSet<QString> *answered = nullptr)
    {
        LoadLoop load(m_port, 20, minimum);
        load.start();
        QVERIFY(waitFor([&load] { return load.total() > 200; }, 20000));
        for (const QStringList &c : commands)
            CHECK_RUN(ctl(c), 0);
        load.stop();
        load.wait();
        qInfo("%d requests, %d failed, %d replicas answered", load.total(), load.failures(), int(load.answers().size()));
        QVERIFY2(load.failures() == 0, qPrintable(load.failureReasons().join(QLatin1Char('\n'))));
        QVERIFY(load.total() >= minimum);
        if (answered)
            for (auto it = load.answers().cbegin(); it != load.answers().cend(); ++it)
                *answered << it.key();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_host = stateEnv("WHARF_TEST_DOCKER_HOST");
        QVERIFY2(!m_host.isEmpty(), "the dockerd_services fixture did not run");
        QVERIFY(m_dir.isValid());
        qputenv("WHARF_DB", QByteArray("sqlite://") + m_dir.filePath(QStringLiteral("wharf.db")).toUtf8());
        qputenv("WHARF_KEYCHAIN", "none");
        qputenv("WHARF_DATA_DIR", m_dir.filePath(QStringLiteral("wharf")).toUtf8());
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        m_port = freePort();
        CHECK_RUN(ctl({QStringLiteral("edge"), QStringLiteral("image"), stateEnv("WHARF_TEST_EDGE_IMAGE")}), 0);
        const Run image = ctl({QStringLiteral("edge"), QStringLiteral("image")});
        QCOMPARE(image.out.trimmed(), stateEnv("WHARF_TEST_EDGE_IMAGE"));
    }

    void cleanupTestCase()
    {
        stopController();
        ctl({QStringLiteral("service"), QStringLiteral("rm"), QStringLiteral("web"), QStringLiteral("probe")});
    }

    void requestsSpreadOverReplicas()
    {
        QStringList create{QStringLiteral("service"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("web"), QStringLiteral("--replicas"), QStringLiteral("3"),
                           QStringLiteral("-p"), QStringLiteral("127.0.0.1:%1:80/http").arg(m_port), QStringLiteral("--health-http"), QStringLiteral("/"),
                           QStringLiteral("--health-interval"), QStringLiteral("1s"), QStringLiteral("--drain"), QStringLiteral("1s"), QStringLiteral("--update-monitor"), QStringLiteral("1s"),
                           stateEnv("WHARF_TEST_IMAGE")};
        create << httpdCommand();
        CHECK_RUN(ctl(create), 0);
        QCOMPARE(ready(QStringLiteral("web")).size(), 3);
        QSet<QString> seen;
        for (int i = 0; i < 30; ++i) {
            const QString body = request();
            QVERIFY2(!body.startsWith(QLatin1String("failed")), qPrintable(body));
            seen << body;
        }
        QCOMPARE(seen.size(), 3); // round robin over the three
        const Run config = ctl({QStringLiteral("edge"), QStringLiteral("config")});
        CHECK_RUN(config, 0);
        QVERIFY(config.out.contains(QStringLiteral("bind 127.0.0.1:%1").arg(m_port)));
        QCOMPARE(config.out.count(QStringLiteral("    server web.")), 3);
        QVERIFY(config.out.contains(QLatin1String("option httpchk GET /")));
        const Run ls = ctl({QStringLiteral("-o"), QStringLiteral("json"), QStringLiteral("service"), QStringLiteral("ls")});
        const QJsonObject web = QJsonDocument::fromJson(ls.out.toUtf8()).array().first().toObject();
        QCOMPARE(web.value(QLatin1String("running")).toInt(), 3);
        QCOMPARE(web.value(QLatin1String("status")).toString(), QStringLiteral("converged"));
        // the audit trail has the service's own record and its replicas'
        const Run audit = ctl({QStringLiteral("audit"), QStringLiteral("--action"), QStringLiteral("service.")});
        QVERIFY2(audit.out.contains(QLatin1String("service.create")), qPrintable(audit.out));
    }

    void noRequestFailsWhileScaling()
    {
        QSet<QString> answered;
        underLoad({{QStringLiteral("service"), QStringLiteral("scale"), QStringLiteral("web=2")},
                   {QStringLiteral("service"), QStringLiteral("scale"), QStringLiteral("web=6")},
                   {QStringLiteral("service"), QStringLiteral("scale"), QStringLiteral("web=1")}},
                  5000, &answered);
        QVERIFY2(answered.size() >= 6, qPrintable(QStringList(answered.values()).join(QLatin1Char(' '))));
        QCOMPARE(ready(QStringLiteral("web")).size(), 1);
        QCOMPARE(ctl({QStringLiteral("edge"), QStringLiteral("config")}).out.count(QStringLiteral("    server web.")), 1);
    }

    void noRequestFailsWhileUpdating()
    {
        CHECK_RUN(ctl({QStringLiteral("service"), QStringLiteral("scale"), QStringLiteral("web=3")}), 0);
        const QMap<int, QString> before = ready(QStringLiteral("web"));
        QCOMPARE(before.size(), 3);
        underLoad({{QStringLiteral("service"), QStringLiteral("update"), QStringLiteral("web"), QStringLiteral("--env-add"), QStringLiteral("RELEASE=2")}}, 5000);
        const QMap<int, QString> after = ready(QStringLiteral("web"));
        QCOMPARE(after.size(), 3);
        for (int n : after.keys())
            QVERIFY2(after.value(n) != before.value(n), "every replica was replaced");
        for (const QJsonValue &v : replicas(QStringLiteral("web")))
            QVERIFY(v.toObject().value(QLatin1String("current")).toBool());
    }

    void failedUpdateRollsBack()
    {
        const QMap<int, QString> before = ready(QStringLiteral("web"));
        LoadLoop load(m_port, 20, 2000);
        load.start();
        // the new configuration's replicas never become healthy: the update goes back
        const Run update = ctl({QStringLiteral("service"), QStringLiteral("update"), QStringLiteral("web"), QStringLiteral("--health-cmd"), QStringLiteral("false"),
                                QStringLiteral("--health-interval"), QStringLiteral("500ms"), QStringLiteral("--health-retries"), QStringLiteral("1"),
                                QStringLiteral("--health-grace"), QStringLiteral("0s")});
        load.stop();
        load.wait();
        CHECK_RUN(update, 1); // the command fails: its update did not happen
        QVERIFY2(update.out.contains(QLatin1String("rolling back")), qPrintable(update.out));
        QVERIFY2(update.err.contains(QLatin1String("rolled back")), qPrintable(update.err));
        QVERIFY2(load.failures() == 0, qPrintable(load.failureReasons().join(QLatin1Char('\n'))));
        QCOMPARE(ready(QStringLiteral("web")), before); // the old replicas served throughout
        const Run inspect = ctl({QStringLiteral("service"), QStringLiteral("inspect"), QStringLiteral("web")});
        const QJsonObject spec = QJsonDocument::fromJson(inspect.out.toUtf8()).object();
        QCOMPARE(spec.value(QLatin1String("health")).toObject().value(QLatin1String("kind")).toString(), QStringLiteral("http"));
    }

    void removedReplicaComesBack()
    {
        startController();
        const QMap<int, QString> before = ready(QStringLiteral("web"));
        QCOMPARE(before.size(), 3);
        QElapsedTimer t;
        t.start();
        CHECK_RUN(ctl({QStringLiteral("rm"), QStringLiteral("-f"), before.value(2)}), 0);
        QVERIFY(waitFor([this, &before] {
            const QMap<int, QString> now = ready(QStringLiteral("web"));
            return now.size() == 3 && now.value(2) != before.value(2);
        }, 10000));
        qInfo("replica 2 was back and ready after %lld ms", t.elapsed());
    }

    void unhealthyReplicaIsReplaced()
    {
        QStringList create{QStringLiteral("service"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("probe"), QStringLiteral("--replicas"), QStringLiteral("2"),
                           QStringLiteral("--health-cmd"), QStringLiteral("test -f /tmp/ok"), QStringLiteral("--health-interval"), QStringLiteral("500ms"),
                           QStringLiteral("--health-retries"), QStringLiteral("1"), QStringLiteral("--health-grace"), QStringLiteral("1s"), stateEnv("WHARF_TEST_IMAGE")};
        create << httpdCommand();
        // the controller holds the lease: the command leaves the work to it and watches
        const Run created = ctl(create);
        CHECK_RUN(created, 0);
        QVERIFY2(created.out.contains(QLatin1String("waiting for it")), qPrintable(created.out));
        const QMap<int, QString> before = ready(QStringLiteral("probe"));
        QCOMPARE(before.size(), 2);
        CHECK_RUN(ctl({QStringLiteral("exec"), before.value(1), QStringLiteral("rm"), QStringLiteral("/tmp/ok")}), 0);
        QVERIFY(waitFor([this, &before] {
            const QMap<int, QString> now = ready(QStringLiteral("probe"));
            return now.size() == 2 && now.value(1) != before.value(1) && now.value(2) == before.value(2);
        }, 30000));
    }

    // A record this Wharf cannot read (written by a newer one, or by hand) leaves its replicas
    // and the router as they are, and says so in the service's status.
    void anUnreadableRecordChangesNothing()
    {
        const QMap<int, QString> before = ready(QStringLiteral("web"));
        QCOMPARE(before.size(), 3);
        const QString config = ctl({QStringLiteral("edge"), QStringLiteral("config")}).out;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("poke"));
            db.setDatabaseName(m_dir.filePath(QStringLiteral("wharf.db")));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT spec FROM services WHERE name = 'web'")) && q.next());
            const QString good = q.value(0).toString();
            QVERIFY(q.exec(QStringLiteral("UPDATE services SET spec = '{\"name\": \"web\", \"replicas\": 3, \"health\": {\"kind\": \"telepathy\"}}' WHERE name = 'web'")));
            // the good record goes back whatever the checks below say
            const auto restore = qScopeGuard([&db, good] {
                QSqlQuery put(db);
                put.prepare(QStringLiteral("UPDATE services SET spec = ? WHERE name = 'web'"));
                put.addBindValue(good);
                put.exec();
                db.close();
            });
            QTRY_VERIFY_WITH_TIMEOUT(ctl({QStringLiteral("service"), QStringLiteral("ls")}).out.contains(QLatin1String("failing")), 15000);
            QTest::qWait(3000); // passes of the controller
            // (service ps reads the record: the daemon's own list says what runs)
            const Run running = ctl({QStringLiteral("ps"), QStringLiteral("-q"), QStringLiteral("--no-trunc"), QStringLiteral("--filter"), QStringLiteral("label=io.wharf.service=web")});
            QStringList ids = running.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            ids.sort();
            QStringList expected = before.values();
            expected.sort();
            QCOMPARE(ids, expected);
            QCOMPARE(ctl({QStringLiteral("edge"), QStringLiteral("config")}).out, config);
            QVERIFY(!request().startsWith(QLatin1String("failed")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("poke"));
        QTRY_VERIFY_WITH_TIMEOUT(ctl({QStringLiteral("service"), QStringLiteral("ls")}).out.contains(QLatin1String("converged")), 15000);
        QCOMPARE(ready(QStringLiteral("web")), before);
    }

    // A tenant's service: made by the platform's controller as the tenant (its labels, its
    // quota), beyond the plan refused as a whole, invisible to other principals' names.
    void aTenantsServiceIsItsOwn()
    {
        const int port = freePort();
        CHECK_RUN(ctl({QStringLiteral("plan"), QStringLiteral("create"), QStringLiteral("three"), QStringLiteral("--max-containers"), QStringLiteral("3"),
                       QStringLiteral("--cpus"), QStringLiteral("3"), QStringLiteral("--memory"), QStringLiteral("1g"), QStringLiteral("--free")}),
                  0);
        CHECK_RUN(ctl({QStringLiteral("tenant"), QStringLiteral("create"), QStringLiteral("acme"), QStringLiteral("--plan"), QStringLiteral("three"),
                       QStringLiteral("--email"), QStringLiteral("ops@acme.example")}),
                  0);
        CHECK_RUN(ctl({QStringLiteral("domain"), QStringLiteral("set"), m_host, QStringLiteral("public")}), 0);
        auto asAcme = [this](QStringList args) { return ctl(QStringList{QStringLiteral("--tenant"), QStringLiteral("acme")} + args); };
        QStringList create{QStringLiteral("service"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("shop"), QStringLiteral("--replicas"), QStringLiteral("2"),
                           QStringLiteral("-p"), QStringLiteral("127.0.0.1:%1:80/http").arg(port), QStringLiteral("--health-http"), QStringLiteral("/"),
                           QStringLiteral("--health-interval"), QStringLiteral("1s"), stateEnv("WHARF_TEST_IMAGE")};
        create << httpdCommand();
        const Run created = asAcme(create);
        CHECK_RUN(created, 0);
        QVERIFY2(created.out.contains(QLatin1String("waiting for it")), qPrintable(created.out)); // a tenant never reconciles itself
        const Run mine = ctl({QStringLiteral("ps"), QStringLiteral("-q"), QStringLiteral("--filter"), QStringLiteral("label=io.wharf.tenant=acme")});
        QCOMPARE(mine.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 2);
        const Run quota = ctl({QStringLiteral("quota"), QStringLiteral("show"), QStringLiteral("acme"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(QJsonDocument::fromJson(quota.out.toUtf8()).object().value(QLatin1String("containers")).toObject().value(QLatin1String("used")).toInt(), 2);
        QString body, reason;
        QVERIFY2(LoadLoop::request(port, "localhost", "/", &body, &reason), qPrintable(reason));
        // beyond the plan: refused as a whole, nothing changes
        const Run scale = asAcme({QStringLiteral("service"), QStringLiteral("scale"), QStringLiteral("shop=4")});
        QCOMPARE(scale.code, 1);
        QVERIFY2(scale.err.contains(QLatin1String("Quota exceeded")), qPrintable(scale.err));
        QCOMPARE(ready(QStringLiteral("shop")).size(), 2);
        // the admin's service is not one of acme's
        const Run other = asAcme({QStringLiteral("service"), QStringLiteral("scale"), QStringLiteral("web=1")});
        QCOMPARE(other.code, 1);
        QVERIFY2(other.err.contains(QLatin1String("no service named web")), qPrintable(other.err));
        const Run ls = asAcme({QStringLiteral("service"), QStringLiteral("ls"), QStringLiteral("-q")});
        QCOMPARE(ls.out.trimmed(), QStringLiteral("shop"));
        CHECK_RUN(asAcme({QStringLiteral("service"), QStringLiteral("rm"), QStringLiteral("shop")}), 0);
        QTRY_COMPARE_WITH_TIMEOUT(ctl({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-q"), QStringLiteral("--filter"), QStringLiteral("label=io.wharf.tenant=acme")}).out.trimmed(),
                                  QString(), 20000);
        const Run after = ctl({QStringLiteral("quota"), QStringLiteral("show"), QStringLiteral("acme"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(QJsonDocument::fromJson(after.out.toUtf8()).object().value(QLatin1String("containers")).toObject().value(QLatin1String("used")).toInt(), 0);
    }

    void controllerRestartLosesNothing()
    {
        const QMap<int, QString> before = ready(QStringLiteral("web"));
        stopController();
        startController();
        QTest::qWait(3000); // a few passes of the new controller
        QCOMPARE(ready(QStringLiteral("web")), before);
        QCOMPARE(replicas(QStringLiteral("web")).size(), 3);
        QVERIFY(!request().startsWith(QLatin1String("failed")));
        stopController();
    }

    void removingAServiceTakesItOffTheRouter()
    {
        CHECK_RUN(ctl({QStringLiteral("service"), QStringLiteral("rm"), QStringLiteral("web"), QStringLiteral("probe")}), 0);
        QCOMPARE(replicas(QStringLiteral("web")).size(), 0);
        const Run ps = ctl({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-q"), QStringLiteral("--filter"), QStringLiteral("label=io.wharf.replica")});
        QCOMPARE(ps.out.trimmed(), QString());
        const Run config = ctl({QStringLiteral("edge"), QStringLiteral("config")});
        QVERIFY(!config.out.contains(QLatin1String("server web.")));
        QVERIFY(request().startsWith(QLatin1String("failed")));
        const Run missing = ctl({QStringLiteral("service"), QStringLiteral("scale"), QStringLiteral("web=2")});
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains(QLatin1String("no service named web")), qPrintable(missing.err));
    }
};

QTEST_GUILESS_MAIN(TestServices)
#include "tst_services.moc"
