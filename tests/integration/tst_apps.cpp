// Apps against a real daemon of this test's own: a 3-tier deploy, no-op re-deploys, one
// changed service, scaling, an atomic rollback, a daemon killed mid-deploy, and Debian's
// docker-compose seeing Wharf's apps and the other way round.
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::Run;

class TestApps : public QObject
{
    Q_OBJECT

    TestSupport::OwnDaemon m_daemon{QStringLiteral("apps")};
    QString m_host;
    QTemporaryDir m_dir;
    int m_port = 0;

    Run ctl(const QStringList &args) { return TestSupport::wharfctl(args, m_host); }

    QString writeApp(const QString &folder, const QString &yaml)
    {
        const QString dir = m_dir.filePath(folder);
        QDir().mkpath(dir + QStringLiteral("/www"));
        QFile index(dir + QStringLiteral("/www/index.html"));
        if (!index.exists() && index.open(QIODevice::WriteOnly))
            index.write("hello from " + folder.toUtf8() + '\n');
        QFile f(dir + QStringLiteral("/compose.yaml"));
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write the compose file");
        f.write(yaml.toUtf8());
        return f.fileName();
    }

    // The 3-tier app: web (published on loopback) waits for a healthy db and for the worker.
    QString threeTier(const QString &workerText = QStringLiteral("working"), int workers = 2, const QString &webName = {})
    {
        return QStringLiteral("name: shop\n"
                              "services:\n"
                              "  web:\n"
                              "    image: %3\n%1"
                              "    command: httpd -f -p 8080 -h /www\n"
                              "    ports: ['127.0.0.1:%2:8080']\n"
                              "    volumes: ['./www:/www:ro']\n"
                              "    init: true\n"
                              "    depends_on:\n"
                              "      db: {condition: service_healthy}\n"
                              "      worker: {condition: service_started}\n"
                              "    networks: [front, back]\n"
                              "  worker:\n"
                              "    image: %3\n"
                              "    command: [sh, -c, 'while true; do echo %4; sleep 1; done']\n"
                              "    networks: [back]\n"
                              "    stop_grace_period: 1s\n"
                              "    deploy: {replicas: %5}\n"
                              "  db:\n"
                              "    image: %3\n"
                              "    command: [sh, -c, 'echo db starting; sleep 2; touch /data/ready; exec sleep 3600']\n"
                              "    healthcheck: {test: [CMD, test, -f, /data/ready], interval: 1s, retries: 30}\n"
                              "    volumes: ['dbdata:/data']\n"
                              "    stop_grace_period: 1s\n"
                              "    networks: [back]\n"
                              "volumes:\n"
                              "  dbdata: {}\n"
                              "networks:\n"
                              "  front: {}\n"
                              "  back: {}\n")
            .arg(webName.isEmpty() ? QString() : QStringLiteral("    container_name: %1\n").arg(webName))
            .arg(m_port)
            .arg(TestSupport::testImage(), workerText)
            .arg(workers);
    }

    // docker's own view of every container: {Name, State, Labels}
    QJsonArray containers()
    {
        const Run ids = docker({QStringLiteral("ps"), QStringLiteral("-aq")});
        const QStringList list = ids.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (list.isEmpty())
            return {};
        const Run inspect = docker(QStringList{QStringLiteral("inspect")} + list);
        QJsonArray out;
        for (const auto &v : QJsonDocument::fromJson(inspect.out.toUtf8()).array()) {
            const QJsonObject c = v.toObject();
            out.append(QJsonObject{{QStringLiteral("Name"), c.value(QLatin1String("Name")).toString().mid(1)},
                                   {QStringLiteral("State"), c.value(QLatin1String("State")).toObject().value(QLatin1String("Status"))},
                                   {QStringLiteral("Labels"), c.value(QLatin1String("Config")).toObject().value(QLatin1String("Labels"))}});
        }
        return out;
    }

    QMap<QString, QString> idsByName(const QString &project)
    {
        QMap<QString, QString> m;
        const Run r = ctl({QStringLiteral("app"), QStringLiteral("ps"), project, QStringLiteral("-o"), QStringLiteral("json")});
        for (const auto &v : QJsonDocument::fromJson(r.out.toUtf8()).array())
            m.insert(v.toObject().value(QLatin1String("name")).toString(), v.toObject().value(QLatin1String("id")).toString());
        return m;
    }

    QString httpGet(int port)
    {
        QTcpSocket s;
        s.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
        if (!s.waitForConnected(5000))
            return QStringLiteral("no connection: ") + s.errorString();
        s.write("GET /index.html HTTP/1.0\r\nHost: localhost\r\n\r\n");
        QByteArray all;
        while (s.waitForReadyRead(5000))
            all += s.readAll();
        return QString::fromUtf8(all);
    }

    Run docker(const QStringList &args, const QString &dir = {}, const QString &program = QStringLiteral("docker"))
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DOCKER_HOST"), m_host);
        p.setProcessEnvironment(env);
        if (!dir.isEmpty())
            p.setWorkingDirectory(dir);
        p.start(program, args);
        Run r;
        if (!p.waitForFinished(120000))
            return r;
        r.code = p.exitCode();
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_daemon.start());
        m_host = m_daemon.host();
        QVERIFY(!m_host.isEmpty());
        qputenv("WHARF_CONFIG_DIR", m_dir.filePath(QStringLiteral("config")).toUtf8());
        qputenv("WHARF_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8());
        qputenv("WHARF_KEYCHAIN", "none");
        QTcpServer probe; // a free loopback port for the web tier
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        m_port = probe.serverPort();
    }
    void cleanupTestCase() { m_daemon.stopIfOurs(); }

    void deployChangeScaleAndRemove()
    {
        const QString file = writeApp(QStringLiteral("shop"), threeTier());
        const Run plan = ctl({QStringLiteral("app"), QStringLiteral("plan"), QStringLiteral("-f"), file});
        CHECK_RUN(plan, 0);
        QVERIFY2(plan.out.contains(QLatin1String("+ network shop_back (create-network)")), qPrintable(plan.out));
        QVERIFY2(plan.out.contains(QLatin1String("7 to create")), qPrintable(plan.out));

        const Run deploy = ctl({QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("-f"), file});
        CHECK_RUN(deploy, 0);
        // web started only after db was healthy
        const qsizetype healthy = deploy.out.indexOf(QLatin1String("[db] db is healthy"));
        const qsizetype webCreated = deploy.out.indexOf(QLatin1String("[web] Creating shop-web-1"));
        QVERIFY2(healthy > 0 && webCreated > healthy, qPrintable(deploy.out));
        // (a started container may take a moment before its server listens)
        QTRY_VERIFY2_WITH_TIMEOUT(httpGet(m_port).contains(QLatin1String("hello from shop")), qPrintable(httpGet(m_port)), 20000);
        // compose's labels and Wharf's on every container
        const QJsonArray all = containers();
        QCOMPARE(all.size(), 4);
        for (const auto &v : all) {
            const QJsonObject labels = v.toObject().value(QLatin1String("Labels")).toObject();
            QCOMPARE(labels.value(QLatin1String("com.docker.compose.project")).toString(), QStringLiteral("shop"));
            QVERIFY(!labels.value(QLatin1String("com.docker.compose.config-hash")).toString().isEmpty());
            QCOMPARE(labels.value(QLatin1String("io.wharf.app")).toString(), QStringLiteral("shop"));
        }
        const QMap<QString, QString> before = idsByName(QStringLiteral("shop"));
        QCOMPARE(before.keys(), (QStringList{QStringLiteral("shop-db-1"), QStringLiteral("shop-web-1"), QStringLiteral("shop-worker-1"),
                                             QStringLiteral("shop-worker-2")}));

        // the same file again: nothing changes, not even an id
        const Run again = ctl({QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("-f"), file});
        CHECK_RUN(again, 0);
        QVERIFY2(again.out.contains(QLatin1String("4 unchanged")), qPrintable(again.out));
        QCOMPARE(idsByName(QStringLiteral("shop")), before);
        const Run noop = ctl({QStringLiteral("app"), QStringLiteral("plan"), QStringLiteral("-f"), file, QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY(QJsonDocument::fromJson(noop.out.toUtf8()).object().value(QLatin1String("changesNothing")).toBool());

        // one service changed: only its containers are new
        writeApp(QStringLiteral("shop"), threeTier(QStringLiteral("working-v2")));
        const Run changed = ctl({QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("-f"), file});
        CHECK_RUN(changed, 0);
        QVERIFY2(changed.out.contains(QLatin1String("2 to recreate, 2 unchanged")), qPrintable(changed.out));
        const QMap<QString, QString> after = idsByName(QStringLiteral("shop"));
        QCOMPARE(after.keys(), before.keys());
        QCOMPARE(after.value(QStringLiteral("shop-web-1")), before.value(QStringLiteral("shop-web-1")));
        QCOMPARE(after.value(QStringLiteral("shop-db-1")), before.value(QStringLiteral("shop-db-1")));
        QVERIFY(after.value(QStringLiteral("shop-worker-1")) != before.value(QStringLiteral("shop-worker-1")));
        QVERIFY(after.value(QStringLiteral("shop-worker-2")) != before.value(QStringLiteral("shop-worker-2")));
        QCOMPARE(containers().size(), 4); // the old ones are gone
        // logs of every service, merged, each line labelled
        QTRY_VERIFY_WITH_TIMEOUT(ctl({QStringLiteral("app"), QStringLiteral("logs"), QStringLiteral("shop")}).out.contains(QLatin1String("worker-2 | working-v2")), 10000);
        QVERIFY(ctl({QStringLiteral("app"), QStringLiteral("logs"), QStringLiteral("shop")}).out.contains(QLatin1String("db-1     | db starting")));

        // scaled down to one worker
        writeApp(QStringLiteral("shop"), threeTier(QStringLiteral("working-v2"), 1));
        const Run scaled = ctl({QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("-f"), file});
        CHECK_RUN(scaled, 0);
        QVERIFY2(scaled.out.contains(QLatin1String("- shop-worker-2 (remove: scaled down to 1)")), qPrintable(scaled.out));
        QCOMPARE(idsByName(QStringLiteral("shop")).value(QStringLiteral("shop-worker-1")), after.value(QStringLiteral("shop-worker-1")));
        QCOMPARE(containers().size(), 3);

        // the app as a whole
        Run ls = ctl({QStringLiteral("app"), QStringLiteral("ls"), QStringLiteral("-o"), QStringLiteral("json")});
        QJsonObject app = QJsonDocument::fromJson(ls.out.toUtf8()).array().first().toObject();
        QCOMPARE(app.value(QLatin1String("name")).toString(), QStringLiteral("shop"));
        QCOMPARE(app.value(QLatin1String("state")).toString(), QStringLiteral("running"));
        QCOMPARE(app.value(QLatin1String("services")).toArray().size(), 3);
        CHECK_RUN(ctl({QStringLiteral("app"), QStringLiteral("stop"), QStringLiteral("shop")}), 0);
        ls = ctl({QStringLiteral("app"), QStringLiteral("ls"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(QJsonDocument::fromJson(ls.out.toUtf8()).array().first().toObject().value(QLatin1String("state")).toString(), QStringLiteral("stopped"));
        CHECK_RUN(ctl({QStringLiteral("app"), QStringLiteral("start"), QStringLiteral("shop")}), 0);
        CHECK_RUN(ctl({QStringLiteral("app"), QStringLiteral("restart"), QStringLiteral("shop")}), 0);
        ls = ctl({QStringLiteral("app"), QStringLiteral("ls"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(QJsonDocument::fromJson(ls.out.toUtf8()).array().first().toObject().value(QLatin1String("state")).toString(), QStringLiteral("running"));
        QTRY_VERIFY_WITH_TIMEOUT(httpGet(m_port).contains(QLatin1String("hello from shop")), 10000);

        // down keeps the data volume unless asked
        CHECK_RUN(ctl({QStringLiteral("app"), QStringLiteral("down"), QStringLiteral("shop")}), 0);
        QCOMPARE(containers().size(), 0);
        QVERIFY(ctl({QStringLiteral("volume"), QStringLiteral("ls")}).out.contains(QLatin1String("shop_dbdata")));
        QVERIFY(!ctl({QStringLiteral("network"), QStringLiteral("ls")}).out.contains(QLatin1String("shop_back")));
        CHECK_RUN(ctl({QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("-f"), file}), 0);
        CHECK_RUN(ctl({QStringLiteral("app"), QStringLiteral("down"), QStringLiteral("shop"), QStringLiteral("--volumes")}), 0);
        QVERIFY(!ctl({QStringLiteral("volume"), QStringLiteral("ls")}).out.contains(QLatin1String("shop_dbdata")));
        const Run gone = ctl({QStringLiteral("app"), QStringLiteral("ps"), QStringLiteral("shop")});
        QCOMPARE(gone.code, 1);
        QVERIFY2(gone.err.contains(QLatin1String("there is no app \"shop\"")), qPrintable(gone.err));
    }

    // An atomic deploy that fails half way leaves the app exactly as it was.
    void atomicDeployRollsBack()
    {
        const QString file = writeApp(QStringLiteral("atomic"), threeTier());
        CHECK_RUN(ctl({QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("-f"), file}), 0);
        const QMap<QString, QString> before = idsByName(QStringLiteral("shop"));
        // the workers change (and are replaced first), then web's new name is another container's
        const Run other = docker({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("shop-taken"), TestSupport::testImage(),
                                  QStringLiteral("sleep"), QStringLiteral("3600")});
        QVERIFY2(other.code == 0, qPrintable(other.err));
        writeApp(QStringLiteral("atomic"), threeTier(QStringLiteral("v3"), 2, QStringLiteral("shop-taken")));
        const Run failed = ctl({QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("-f"), file, QStringLiteral("--atomic")});
        QCOMPARE(failed.code, 1);
        QVERIFY2(failed.err.contains(QLatin1String("rolled back")), qPrintable(failed.err + failed.out));
        QVERIFY2(failed.err.contains(QLatin1String("shop-taken: Conflict")), qPrintable(failed.err));
        QCOMPARE(idsByName(QStringLiteral("shop")), before);
        for (const auto &v : containers()) {
            const QJsonObject c = v.toObject();
            QCOMPARE(c.value(QLatin1String("State")).toString(), QStringLiteral("running"));
            QVERIFY(!c.value(QLatin1String("Name")).toString().contains(QLatin1Char('_'))); // nothing left aside
        }
        QTRY_VERIFY_WITH_TIMEOUT(httpGet(m_port).contains(QLatin1String("hello from atomic")), 10000);
        // the journal says what happened
        QFile journal(m_dir.filePath(QStringLiteral("data/deploys/shop.json")));
        QVERIFY(journal.open(QIODevice::ReadOnly));
        const QJsonObject j = QJsonDocument::fromJson(journal.readAll()).object();
        QCOMPARE(j.value(QLatin1String("state")).toString(), QStringLiteral("rolled-back"));
        QVERIFY(j.value(QLatin1String("error")).toString().contains(QLatin1String("shop-taken")));
        // without --atomic the good part stays and the next deploy of a good file converges
        const Run partial = ctl({QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("-f"), file});
        QCOMPARE(partial.code, 1);
        writeApp(QStringLiteral("atomic"), threeTier(QStringLiteral("v3")));
        CHECK_RUN(ctl({QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("-f"), file}), 0);
        QVERIFY(ctl({QStringLiteral("app"), QStringLiteral("plan"), QStringLiteral("-f"), file}).out.contains(QLatin1String("4 unchanged")));
        CHECK_RUN(ctl({QStringLiteral("app"), QStringLiteral("down"), QStringLiteral("shop"), QStringLiteral("--volumes")}), 0);
        QCOMPARE(docker({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("shop-taken")}).code, 0);
    }

    // The daemon dies in the middle of a deploy; the next deploy converges, and no container
    // on the host is without its labels.
    void daemonKilledMidDeploy()
    {
        const QString file = writeApp(QStringLiteral("killed"), threeTier());
        QProcess deploy;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        deploy.setProcessEnvironment(env);
        deploy.start(TestSupport::binaryDir() + QStringLiteral("/app/wharfctl"),
                     {QStringLiteral("-H"), m_host, QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("-f"), file});
        QByteArray out;
        // the db is created and being waited for (2 s until healthy): now the engine dies
        QTRY_VERIFY_WITH_TIMEOUT((out += deploy.readAllStandardOutput()).contains("Waiting for db to be healthy"), 30000);
        QVERIFY(TestSupport::fixture(QStringLiteral("kill"), m_daemon.dir()));
        QVERIFY(deploy.waitForFinished(60000));
        out += deploy.readAllStandardOutput();
        QCOMPARE(deploy.exitCode(), 1);
        QVERIFY2(!out.contains("is deployed (7 to create)"), out.constData());
        QVERIFY(TestSupport::fixture(QStringLiteral("revive"), m_daemon.dir()));
        const Run converge = ctl({QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("-f"), file});
        CHECK_RUN(converge, 0);
        QVERIFY(ctl({QStringLiteral("app"), QStringLiteral("plan"), QStringLiteral("-f"), file}).out.contains(QLatin1String("4 unchanged")));
        QMap<QString, int> names;
        for (const auto &v : containers()) {
            const QJsonObject c = v.toObject();
            const QJsonObject labels = c.value(QLatin1String("Labels")).toObject();
            QCOMPARE(labels.value(QLatin1String("com.docker.compose.project")).toString(), QStringLiteral("shop"));
            QVERIFY(!labels.value(QLatin1String("com.docker.compose.service")).toString().isEmpty());
            QCOMPARE(c.value(QLatin1String("State")).toString(), QStringLiteral("running"));
            ++names[c.value(QLatin1String("Name")).toString()];
        }
        QCOMPARE(names.size(), 4);
        QTRY_VERIFY_WITH_TIMEOUT(httpGet(m_port).contains(QLatin1String("hello from killed")), 10000);
        CHECK_RUN(ctl({QStringLiteral("app"), QStringLiteral("down"), QStringLiteral("shop"), QStringLiteral("--volumes")}), 0);
    }

    // Debian's docker-compose (1.29) and Wharf see each other's apps.
    void interoperatesWithDockerCompose()
    {
        const QString dir = m_dir.filePath(QStringLiteral("legacy"));
        QDir().mkpath(dir);
        QFile f(dir + QStringLiteral("/docker-compose.yml"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("version: '3.7'\nservices:\n  web:\n    image: %1\n    command: sleep 3600\n  db:\n    image: %1\n    command: sleep 3600\n")
                    .arg(TestSupport::testImage())
                    .toUtf8());
        f.close();
        // compose's app in Wharf
        const Run up = docker({QStringLiteral("-p"), QStringLiteral("legacy"), QStringLiteral("up"), QStringLiteral("-d")}, dir, QStringLiteral("docker-compose"));
        QVERIFY2(up.code == 0, qPrintable(up.err));
        const Run ls = ctl({QStringLiteral("app"), QStringLiteral("ls"), QStringLiteral("-o"), QStringLiteral("json")});
        const QJsonArray apps = QJsonDocument::fromJson(ls.out.toUtf8()).array();
        QCOMPARE(apps.size(), 1);
        QCOMPARE(apps.first().toObject().value(QLatin1String("name")).toString(), QStringLiteral("legacy"));
        QCOMPARE(apps.first().toObject().value(QLatin1String("deployedBy")).toString(), QStringLiteral("compose"));
        QCOMPARE(apps.first().toObject().value(QLatin1String("state")).toString(), QStringLiteral("running"));
        const Run ps = ctl({QStringLiteral("app"), QStringLiteral("ps"), QStringLiteral("legacy")});
        QVERIFY2(ps.out.contains(QLatin1String("legacy_web_1")), qPrintable(ps.out));
        // Wharf's app in compose (same services, compose's own file)
        const QString file = writeApp(QStringLiteral("wharfapp"), QStringLiteral("services:\n  web: {image: %1, command: sleep 3600}\n  db: {image: %1, command: sleep 3600}\n")
                                                                    .arg(TestSupport::testImage()));
        CHECK_RUN(ctl({QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("-f"), file, QStringLiteral("--name"), QStringLiteral("fromwharf")}), 0);
        const Run cps = docker({QStringLiteral("-p"), QStringLiteral("fromwharf"), QStringLiteral("ps")}, dir, QStringLiteral("docker-compose"));
        QVERIFY2(cps.code == 0, qPrintable(cps.err));
        QVERIFY2(cps.out.contains(QLatin1String("fromwharf-web-1")) && cps.out.contains(QLatin1String("fromwharf-db-1")), qPrintable(cps.out));
        QCOMPARE(cps.out.count(QLatin1String(" Up ")), 2);
        // and each removes the other's
        const Run cdown = docker({QStringLiteral("-p"), QStringLiteral("fromwharf"), QStringLiteral("down")}, dir, QStringLiteral("docker-compose"));
        QVERIFY2(cdown.code == 0, qPrintable(cdown.err));
        CHECK_RUN(ctl({QStringLiteral("app"), QStringLiteral("down"), QStringLiteral("legacy")}), 0);
        QCOMPARE(containers().size(), 0);
        QVERIFY(!ctl({QStringLiteral("network"), QStringLiteral("ls")}).out.contains(QLatin1String("legacy_default")));
    }

    // Services with build: are built (folder, Dockerfile, dockerfile_inline), images that are
    // missing are pulled from a registry; --build builds again and recreates only what the
    // new image changed; a failed build changes nothing.
    void buildsAndPullsImages()
    {
        const QMap<QString, QString> reg = TestSupport::readEnvFile(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/registry/env"));
        const QString registry = reg.value(QStringLiteral("WHARF_TEST_REGISTRY_OPEN"));
        QVERIFY2(!registry.isEmpty(), "the registry fixture is not running");
        const QString pulled = registry + QStringLiteral("/apps/pulled:1");
        QCOMPARE(docker({QStringLiteral("tag"), TestSupport::testImage(), pulled}).code, 0);
        const Run push = docker({QStringLiteral("push"), pulled});
        QVERIFY2(push.code == 0, qPrintable(push.err));
        QCOMPARE(docker({QStringLiteral("rmi"), pulled}).code, 0);

        const QString ctx = m_dir.filePath(QStringLiteral("forge/ctx"));
        QVERIFY(QDir().mkpath(ctx));
        auto writeFile = [](const QString &path, const QByteArray &data) {
            QFile f(path);
            return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
        };
        const QByteArray base = TestSupport::testImage().toUtf8();
        QVERIFY(writeFile(ctx + QStringLiteral("/Dockerfile"), "FROM " + base + "\nCOPY msg.txt /msg.txt\nCMD [\"sh\", \"-c\", \"cat /msg.txt; exec sleep 3600\"]\n"));
        QVERIFY(writeFile(ctx + QStringLiteral("/msg.txt"), "version one\n"));
        const QString file = writeApp(QStringLiteral("forge"), QStringLiteral("name: forge\n"
                                                                              "services:\n"
                                                                              "  api:\n"
                                                                              "    build: ./ctx\n"
                                                                              "    init: true\n"
                                                                              "    stop_grace_period: 1s\n"
                                                                              "  tool:\n"
                                                                              "    image: forge-tool:dev\n"
                                                                              "    build:\n"
                                                                              "      context: ./ctx\n"
                                                                              "      dockerfile_inline: |\n"
                                                                              "        FROM %1\n"
                                                                              "        RUN echo inline > /inline.txt\n"
                                                                              "        CMD [\"sh\", \"-c\", \"cat /inline.txt; exec sleep 3600\"]\n"
                                                                              "    init: true\n"
                                                                              "    stop_grace_period: 1s\n"
                                                                              "  cache:\n"
                                                                              "    image: %2\n"
                                                                              "    command: [sh, -c, 'exec sleep 3600']\n"
                                                                              "    init: true\n"
                                                                              "    stop_grace_period: 1s\n")
                                                                   .arg(TestSupport::testImage(), pulled));
        const Run plan = ctl({QStringLiteral("app"), QStringLiteral("plan"), QStringLiteral("-f"), file});
        QCOMPARE(plan.code, 0);
        QVERIFY2(plan.out.contains(QLatin1String("* image forge-api (build: not on this host)")), qPrintable(plan.out));
        QVERIFY2(plan.out.contains(QLatin1String("* image forge-tool:dev (build: not on this host)")), qPrintable(plan.out));
        QVERIFY2(plan.out.contains(QStringLiteral("* image %1 (pull: not on this host)").arg(pulled)), qPrintable(plan.out));
        QVERIFY2(plan.out.contains(QLatin1String("1 image to pull, 2 images to build, 4 to create")), qPrintable(plan.out));

        const Run deploy = ctl({QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("-f"), file});
        QVERIFY2(deploy.code == 0, qPrintable(deploy.out + deploy.err));
        QVERIFY2(deploy.out.contains(QLatin1String("[api] Building forge-api: Step 2/3 : COPY msg.txt /msg.txt")), qPrintable(deploy.out));
        QVERIFY2(deploy.out.contains(QStringLiteral("[cache] Pulled %1").arg(pulled)), qPrintable(deploy.out));
        QVERIFY(docker({QStringLiteral("image"), QStringLiteral("inspect"), QStringLiteral("forge-api")}).code == 0);
        QVERIFY(docker({QStringLiteral("image"), QStringLiteral("inspect"), pulled}).code == 0);
        QTRY_VERIFY_WITH_TIMEOUT(docker({QStringLiteral("logs"), QStringLiteral("forge-api-1")}).out.contains(QLatin1String("version one")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(docker({QStringLiteral("logs"), QStringLiteral("forge-tool-1")}).out.contains(QLatin1String("inline")), 10000);
        const auto first = idsByName(QStringLiteral("forge"));
        QCOMPARE(first.size(), 3);

        // the images are there now: a re-deploy builds and pulls nothing and changes nothing
        const Run again = ctl({QStringLiteral("app"), QStringLiteral("plan"), QStringLiteral("-f"), file, QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(QJsonDocument::fromJson(again.out.toUtf8()).object().value(QLatin1String("changesNothing")).toBool(), qPrintable(again.out));

        // a changed source needs --build; only the service whose image changed is recreated
        QVERIFY(writeFile(ctx + QStringLiteral("/msg.txt"), "version two\n"));
        const Run rebuild = ctl({QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("-f"), file, QStringLiteral("--build")});
        QVERIFY2(rebuild.code == 0, qPrintable(rebuild.out + rebuild.err));
        QVERIFY2(rebuild.out.contains(QLatin1String("* image forge-api (build: build requested)")), qPrintable(rebuild.out));
        QVERIFY2(rebuild.out.contains(QLatin1String("2 images to build, 3 unchanged")), qPrintable(rebuild.out));
        const auto second = idsByName(QStringLiteral("forge"));
        QVERIFY(second.value(QStringLiteral("forge-api-1")) != first.value(QStringLiteral("forge-api-1")));
        QCOMPARE(second.value(QStringLiteral("forge-tool-1")), first.value(QStringLiteral("forge-tool-1"))); // the same layers: the same image
        QCOMPARE(second.value(QStringLiteral("forge-cache-1")), first.value(QStringLiteral("forge-cache-1")));
        QTRY_VERIFY_WITH_TIMEOUT(docker({QStringLiteral("logs"), QStringLiteral("forge-api-1")}).out.contains(QLatin1String("version two")), 10000);

        // an image rebuilt outside Wharf is noticed too: its containers are recreated
        QVERIFY(writeFile(ctx + QStringLiteral("/msg.txt"), "version three\n"));
        QCOMPARE(docker({QStringLiteral("build"), QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("forge-api"), ctx}).code, 0);
        const Run outside = ctl({QStringLiteral("app"), QStringLiteral("plan"), QStringLiteral("-f"), file});
        QVERIFY2(outside.out.contains(QLatin1String("~ forge-api-1 (recreate: the image changed)")), qPrintable(outside.out));
        QVERIFY2(outside.out.contains(QLatin1String("1 to recreate, 2 unchanged")), qPrintable(outside.out));

        // a build that fails stops the deploy before any container is touched
        QVERIFY(writeFile(ctx + QStringLiteral("/Dockerfile"), "FROM " + base + "\nRUN exit 3\n"));
        const Run broken = ctl({QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("-f"), file, QStringLiteral("--build"), QStringLiteral("--atomic")});
        QCOMPARE(broken.code, 1);
        QVERIFY2(broken.err.contains(QLatin1String("forge-api: Step 2/2 : RUN exit 3")), qPrintable(broken.err));
        QCOMPARE(idsByName(QStringLiteral("forge")).value(QStringLiteral("forge-api-1")), second.value(QStringLiteral("forge-api-1")));

        // pull_policy: never with an image the host does not have is refused at the plan
        const QString never = writeApp(QStringLiteral("never"), QStringLiteral("services:\n  x: {image: 'nothere/at-all:1', pull_policy: never}\n"));
        const Run refused = ctl({QStringLiteral("app"), QStringLiteral("plan"), QStringLiteral("-f"), never});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(QLatin1String("the image nothere/at-all:1 is not on this host and its pull_policy is never")), qPrintable(refused.err));

        CHECK_RUN(ctl({QStringLiteral("app"), QStringLiteral("down"), QStringLiteral("forge")}), 0);
        QCOMPARE(containers().size(), 0);
    }

    // depends_on with restart: true: when what a service depends on is recreated, its
    // unchanged containers restart (and the plan says so); without it they are left alone.
    void dependencyRestart()
    {
        auto write = [this](const QString &dbText) {
            return writeApp(QStringLiteral("chain"), QStringLiteral("name: chain\n"
                                                                   "services:\n"
                                                                   "  db:\n"
                                                                   "    image: %1\n"
                                                                   "    command: [sh, -c, 'echo %2; exec sleep 3600']\n"
                                                                   "    init: true\n"
                                                                   "    stop_grace_period: 1s\n"
                                                                   "  api:\n"
                                                                   "    image: %1\n"
                                                                   "    command: [sleep, '3600']\n"
                                                                   "    init: true\n"
                                                                   "    stop_grace_period: 1s\n"
                                                                   "    depends_on: {db: {condition: service_started, restart: true}}\n"
                                                                   "  cron:\n"
                                                                   "    image: %1\n"
                                                                   "    command: [sleep, '3600']\n"
                                                                   "    init: true\n"
                                                                   "    depends_on: [db]\n")
                                                        .arg(TestSupport::testImage(), dbText));
        };
        auto startedAt = [this](const QString &name) {
            return docker({QStringLiteral("inspect"), QStringLiteral("-f"), QStringLiteral("{{.State.StartedAt}}"), name}).out.trimmed();
        };
        const QString file = write(QStringLiteral("v1"));
        CHECK_RUN(ctl({QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("-f"), file}), 0);
        const auto before = idsByName(QStringLiteral("chain"));
        const QString apiStarted = startedAt(QStringLiteral("chain-api-1"));
        const QString cronStarted = startedAt(QStringLiteral("chain-cron-1"));
        write(QStringLiteral("v2"));
        const Run plan = ctl({QStringLiteral("app"), QStringLiteral("plan"), QStringLiteral("-f"), file});
        QVERIFY2(plan.out.contains(QLatin1String("= chain-api-1 (unchanged: restarts, as db changes)")), qPrintable(plan.out));
        QVERIFY2(plan.out.contains(QLatin1String("= chain-cron-1 (unchanged)")), qPrintable(plan.out));
        const Run deploy = ctl({QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("-f"), file});
        QVERIFY2(deploy.code == 0, qPrintable(deploy.out + deploy.err));
        QVERIFY2(deploy.out.contains(QLatin1String("[api] Restarting chain-api-1 (db changed)")), qPrintable(deploy.out));
        const auto after = idsByName(QStringLiteral("chain"));
        QVERIFY(after.value(QStringLiteral("chain-db-1")) != before.value(QStringLiteral("chain-db-1")));
        QCOMPARE(after.value(QStringLiteral("chain-api-1")), before.value(QStringLiteral("chain-api-1"))); // the same container, started again
        QVERIFY(startedAt(QStringLiteral("chain-api-1")) != apiStarted);
        QCOMPARE(after.value(QStringLiteral("chain-cron-1")), before.value(QStringLiteral("chain-cron-1")));
        QCOMPARE(startedAt(QStringLiteral("chain-cron-1")), cronStarted);
        CHECK_RUN(ctl({QStringLiteral("app"), QStringLiteral("down"), QStringLiteral("chain")}), 0);
    }

    void badInput()
    {
        const QString file = writeApp(QStringLiteral("bad"), QStringLiteral("services:\n  web:\n    image: x\n    ports: ['99999:80']\n"));
        const Run r = ctl({QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("-f"), file});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("compose.yaml:4:13: error: \"99999\" is not a host port")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("nothing was deployed")), qPrintable(r.err));
        const QString ext = writeApp(QStringLiteral("ext"), QStringLiteral("services:\n  web: {image: x, networks: [outside]}\nnetworks:\n  outside: {external: true}\n"));
        const Run e = ctl({QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("-f"), ext});
        QCOMPARE(e.code, 1);
        QVERIFY2(e.err.contains(QLatin1String("the external network outside does not exist")), qPrintable(e.err));
        const Run v = ctl({QStringLiteral("app"), QStringLiteral("validate"), QStringLiteral("-f"), ext});
        CHECK_RUN(v, 0);
        const Run usage = ctl({QStringLiteral("app"), QStringLiteral("down")});
        QCOMPARE(usage.code, 2);
        QCOMPARE(containers().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestApps)
#include "tst_apps.moc"
