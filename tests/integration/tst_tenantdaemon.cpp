// A tenant's own rootless daemon on a shared host, end to end through wharfctl: the admin
// provisions it over root's SSH access to the tenanthost fixture's sshd (Wharf's helper makes
// the Unix user, the forced-command key, the cgroup and the supervised rootless dockerd); the
// tenant reaches it with its own key only; the kernel holds the plan's memory and processes
// even when the tenant talks to its daemon without Wharf's gate; the key opens no shell, no
// forwarding and no other daemon; the endpoint's record is the tenant's alone (row-level
// security); deprovisioning leaves no user, process, cgroup or folder behind.
#include "tenancyclisupport.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

#include <pwd.h>
#include <sys/types.h>

class TestTenantDaemon : public TenancyCliTest
{
    Q_OBJECT

    QMap<QString, QString> m_env;
    QString m_tenant; // unique per run: users, roles and cgroups are the machine's
    QString m_user;
    QString m_url;

    QString adminHost() const { return QStringLiteral("ssh://root@127.0.0.1:%1").arg(m_env.value(QStringLiteral("WHARF_TEST_TH_PORT"))); }
    QStringList sshFlags(const QString &key) const
    {
        return {QStringLiteral("--known-hosts"), m_env.value(QStringLiteral("WHARF_TEST_TH_KNOWN_HOSTS")), QStringLiteral("--ssh-key"), key};
    }
    // As the admin, on the platform database.
    Run admin(const QStringList &args, const QByteArray &in = {})
    {
        return TestSupport::wharfctl(sshFlags(m_env.value(QStringLiteral("WHARF_TEST_TH_ADMIN_KEY"))) + args, QString(), in);
    }
    // As the tenant holding only its key and its address, with no platform database: nothing
    // of Wharf's gate stands between it and its daemon.
    Run onOwnDaemon(const QStringList &args, const QString &url = {})
    {
        const QByteArray db = qgetenv("WHARF_DB");
        qunsetenv("WHARF_DB");
        const Run r = TestSupport::wharfctl(sshFlags(m_env.value(QStringLiteral("WHARF_TEST_TH_TENANT_KEY"))) + args, url.isEmpty() ? m_url : url);
        qputenv("WHARF_DB", db);
        return r;
    }
    // The system's OpenSSH client with the tenant's key.
    Run ssh(const QStringList &args, const QString &key = {})
    {
        QProcess p;
        p.start(QStringLiteral("ssh"), QStringList{QStringLiteral("-i"), key.isEmpty() ? m_env.value(QStringLiteral("WHARF_TEST_TH_TENANT_KEY")) : key,
                                                   QStringLiteral("-o"), QStringLiteral("BatchMode=yes"), QStringLiteral("-o"),
                                                   QStringLiteral("IdentitiesOnly=yes"), QStringLiteral("-o"),
                                                   QStringLiteral("UserKnownHostsFile=") + m_env.value(QStringLiteral("WHARF_TEST_TH_KNOWN_HOSTS")),
                                                   QStringLiteral("-o"), QStringLiteral("StrictHostKeyChecking=yes"), QStringLiteral("-p"),
                                                   m_env.value(QStringLiteral("WHARF_TEST_TH_PORT"))}
                                           + args);
        p.closeWriteChannel();
        Run r;
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("timed out");
            return r;
        }
        r.code = p.exitCode();
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }
    // Rows of tenant_endpoints a PostgreSQL role sees (the owner's password, or the tenant's).
    QStringList endpointRows(const QString &user, const QString &password, const QString &insertFor = {})
    {
        const auto env = TestSupport::postgresEnv();
        const QString conn = QStringLiteral("rls-") + user;
        QStringList rows;
        {
            QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), conn);
            d.setHostName(QStringLiteral("127.0.0.1"));
            d.setPort(env.value(QStringLiteral("WHARF_TEST_PG_PORT")).toInt());
            d.setUserName(user);
            d.setPassword(password);
            d.setDatabaseName(m_db.section(QLatin1Char('/'), -1));
            if (!d.open()) {
                rows << QStringLiteral("cannot open: ") + d.lastError().text();
            } else {
                QSqlQuery q(d);
                if (!insertFor.isEmpty())
                    q.exec(QStringLiteral("INSERT INTO tenant_endpoints (tenant, host, kind, url, created_at) VALUES ('%1', 'h', 'dedicated', 'ssh://h', 1)")
                               .arg(insertFor));
                q.exec(QStringLiteral("SELECT tenant FROM tenant_endpoints ORDER BY tenant"));
                while (q.next())
                    rows << q.value(0).toString();
            }
        }
        QSqlDatabase::removeDatabase(conn);
        return rows;
    }
    QString root() const { return m_env.value(QStringLiteral("WHARF_TEST_TH_ROOT")); }
    static int processesOf(uid_t uid)
    {
        int n = 0;
        const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &pid : pids) {
            bool ok = false;
            pid.toInt(&ok);
            if (!ok)
                continue;
            QFileInfo fi(QStringLiteral("/proc/") + pid);
            if (fi.exists() && fi.ownerId() == uid)
                ++n;
        }
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        setUpEnvironment();
        m_env = TestSupport::readEnvFile(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/tenanthost/env"));
        QVERIFY2(!m_env.isEmpty(), "the tenanthost fixture is not running");
        useFreshDatabase(QStringLiteral("postgres"));
        m_tenant = QStringLiteral("th%1").arg(QRandomGenerator::global()->generate() % 0xffffff, 6, 16, QLatin1Char('0'));
        m_user = QStringLiteral("wharf-") + m_tenant;
        CHECK_RUN(admin({QStringLiteral("plan"), QStringLiteral("create"), QStringLiteral("p-") + m_tenant, QStringLiteral("--max-containers"),
                         QStringLiteral("3"), QStringLiteral("--cpus"), QStringLiteral("1"), QStringLiteral("--memory"), QStringLiteral("256m"),
                         QStringLiteral("--pids"), QStringLiteral("64"), QStringLiteral("--free")}),
                  0);
        CHECK_RUN(admin({QStringLiteral("tenant"), QStringLiteral("create"), m_tenant, QStringLiteral("--plan"), QStringLiteral("p-") + m_tenant}), 0);
    }
    void cleanupTestCase()
    {
        // a failed run leaves its daemon to the fixture's stop
        tearDownEnvironment();
    }

    // Only an admin provisions, and only with a public key.
    void refusedBeforeTheHost()
    {
        const QString pub = m_env.value(QStringLiteral("WHARF_TEST_TH_TENANT_KEY")) + QStringLiteral(".pub");
        const Run asTenant = admin({QStringLiteral("--tenant"), m_tenant, QStringLiteral("tenant"), QStringLiteral("provision"), m_tenant,
                                    QStringLiteral("--host"), adminHost(), QStringLiteral("--ssh-pubkey"), pub, QStringLiteral("--root"), root()});
        QCOMPARE(asTenant.code, 1);
        QVERIFY2(asTenant.err.contains(QLatin1String("not available to tenant")), qPrintable(asTenant.err));
        const Run privateKey = admin({QStringLiteral("tenant"), QStringLiteral("provision"), m_tenant, QStringLiteral("--host"), adminHost(),
                                      QStringLiteral("--ssh-pubkey"), m_env.value(QStringLiteral("WHARF_TEST_TH_TENANT_KEY")), QStringLiteral("--root"),
                                      root()});
        QCOMPARE(privateKey.code, 1);
        QVERIFY2(privateKey.err.contains(QLatin1String("private key")), qPrintable(privateKey.err));
        QVERIFY(!getpwnam(m_user.toUtf8().constData()));
    }

    void provisionGivesTheTenantItsOwnRootlessDaemon()
    {
        const Run r = admin({QStringLiteral("tenant"), QStringLiteral("provision"), m_tenant, QStringLiteral("--host"), adminHost(),
                             QStringLiteral("--ssh-pubkey"), m_env.value(QStringLiteral("WHARF_TEST_TH_TENANT_KEY")) + QStringLiteral(".pub"),
                             QStringLiteral("--root"), root()});
        CHECK_RUN(r, 0);
        m_url = r.out.trimmed().section(QLatin1Char('\n'), -1);
        const QString socket = root() + QLatin1Char('/') + m_user + QStringLiteral("/run/docker.sock");
        QCOMPARE(m_url, QStringLiteral("ssh://%1@127.0.0.1:%2%3").arg(m_user, m_env.value(QStringLiteral("WHARF_TEST_TH_PORT")), socket));
        const passwd *pw = getpwnam(m_user.toUtf8().constData());
        QVERIFY(pw);
        QVERIFY(pw->pw_uid != 0);
        // the key may only dial the tenant's daemon, with every forwarding off
        QFile keys(root() + QLatin1Char('/') + m_user + QStringLiteral("/.ssh/authorized_keys"));
        QVERIFY(keys.open(QIODevice::ReadOnly));
        const QString line = QString::fromUtf8(keys.readAll());
        QVERIFY2(line.startsWith(QLatin1String("restrict,command=\"")), qPrintable(line));
        QVERIFY(line.contains(QStringLiteral("-H unix://%1 system dial-stdio\"").arg(socket)));
        QCOMPARE(QFileInfo(keys).ownerId(), 0u); // the tenant cannot rewrite it
        QCOMPARE(QFileInfo(root() + QLatin1Char('/') + m_user).ownerId(), 0u);

        const Run list = admin({QStringLiteral("tenant"), QStringLiteral("endpoints"), m_tenant, QStringLiteral("-o"), QStringLiteral("json")});
        CHECK_RUN(list, 0);
        const QJsonArray arr = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(arr.size(), 1);
        QCOMPARE(arr.at(0).toObject().value(QLatin1String("url")).toString(), m_url);
        QCOMPARE(arr.at(0).toObject().value(QLatin1String("kind")).toString(), QStringLiteral("rootless"));
        // 256 MiB plan + the daemon's 256 MiB; 64 processes + 128 for the daemon + 16 per container
        QCOMPARE(arr.at(0).toObject().value(QLatin1String("memoryBytes")).toDouble(), double(512ll << 20));
        QCOMPARE(arr.at(0).toObject().value(QLatin1String("pids")).toInt(), 64 + 128 + 3 * 16);

        // Provisioning again (new limits, a new key) is safe: the daemon keeps running.
        CHECK_RUN(admin({QStringLiteral("tenant"), QStringLiteral("provision"), m_tenant, QStringLiteral("--host"), adminHost(),
                         QStringLiteral("--ssh-pubkey"), m_env.value(QStringLiteral("WHARF_TEST_TH_TENANT_KEY")) + QStringLiteral(".pub"),
                         QStringLiteral("--root"), root()}),
                  0);
    }

    void theTenantRunsContainersOnItsDaemon()
    {
        QVERIFY(!m_url.isEmpty());
        const Run info = onOwnDaemon({QStringLiteral("info")});
        CHECK_RUN(info, 0);
        QVERIFY2(info.out.contains(root() + QLatin1Char('/') + m_user + QStringLiteral("/.local/share/docker")), qPrintable(info.out));
        CHECK_RUN(onOwnDaemon({QStringLiteral("import"), m_env.value(QStringLiteral("WHARF_TEST_TH_IMAGE_TAR")), QStringLiteral("bb:latest")}), 0);
        const Run hello = onOwnDaemon({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("bb"), QStringLiteral("echo"), QStringLiteral("hello")});
        CHECK_RUN(hello, 0);
        QCOMPARE(hello.out.trimmed(), QStringLiteral("hello"));
        // inside, root is the tenant's own user namespace's
        const Run map = onOwnDaemon({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("bb"), QStringLiteral("cat"), QStringLiteral("/proc/self/uid_map")});
        CHECK_RUN(map, 0);
        const passwd *pw = getpwnam(m_user.toUtf8().constData());
        QVERIFY(pw);
        QVERIFY2(map.out.simplified().startsWith(QStringLiteral("0 %1 1").arg(pw->pw_uid)), qPrintable(map.out));
    }

    // The admin hands the tenant a connection profile: its endpoints, no secret; the tenant's
    // wharfctl saves them as hosts with its own key and reaches its daemon by name.
    void theTenantIsHandedItsEndpoints()
    {
        QVERIFY(!m_url.isEmpty());
        const Run profile = admin({QStringLiteral("tenant"), QStringLiteral("profile"), m_tenant});
        CHECK_RUN(profile, 0);
        QVERIFY2(profile.out.contains(m_url) && !profile.out.contains(QLatin1String("root@")) && !profile.out.contains(QLatin1String("PRIVATE")),
                 qPrintable(profile.out));
        QTemporaryDir tenantSide;
        const QString file = tenantSide.filePath(QStringLiteral("profile.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(profile.out.toUtf8());
        f.close();
        const QByteArray config = qgetenv("WHARF_CONFIG_DIR");
        const QByteArray db = qgetenv("WHARF_DB");
        qputenv("WHARF_CONFIG_DIR", tenantSide.filePath(QStringLiteral("config")).toUtf8());
        qunsetenv("WHARF_DB");
        const auto restore = qScopeGuard([config, db] {
            qputenv("WHARF_CONFIG_DIR", config);
            qputenv("WHARF_DB", db);
        });
        const Run imported = TestSupport::wharfctl({QStringLiteral("host"), QStringLiteral("import"), file, QStringLiteral("--ssh-key"),
                                                    m_env.value(QStringLiteral("WHARF_TEST_TH_TENANT_KEY"))},
                                                   QString());
        CHECK_RUN(imported, 0);
        const QString name = imported.out.section(QLatin1Char('\n'), 0, 0).trimmed();
        QCOMPARE(name, QStringLiteral("%1@127.0.0.1:%2").arg(m_tenant, m_env.value(QStringLiteral("WHARF_TEST_TH_PORT"))));
        const Run info = TestSupport::wharfctl({QStringLiteral("--known-hosts"), m_env.value(QStringLiteral("WHARF_TEST_TH_KNOWN_HOSTS")), QStringLiteral("info")}, name);
        CHECK_RUN(info, 0);
        QVERIFY2(info.out.contains(root() + QLatin1Char('/') + m_user + QStringLiteral("/.local/share/docker")), qPrintable(info.out));
        // a profile that is not one: refused, nothing saved
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write("{\"wharfProfile\":1,\"tenant\":\"x\",\"hosts\":[{\"name\":\"evil\",\"kind\":\"rootless\",\"url\":\"tcp://10.0.0.1:2375\"}]}");
        f.close();
        const Run bad = TestSupport::wharfctl({QStringLiteral("host"), QStringLiteral("import"), file}, QString());
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.contains(QLatin1String("no ssh:// address")), qPrintable(bad.err));
        const Run list = TestSupport::wharfctl({QStringLiteral("host"), QStringLiteral("ls")}, QString());
        QVERIFY2(!list.out.contains(QLatin1String("evil")), qPrintable(list.out));
    }

    // The tenant's own daemon is metered and counted like a shared one: the admin's
    // controller for the host reaches it over root's login, adopts what the tenant ran there
    // without Wharf, and gives quota back for what the tenant removed. What the tenant runs
    // through Wharf there is in its private domain under the profile's name, and still
    // publishes on loopback only (the host is shared).
    void itsUsageIsMeteredAndCounted()
    {
        QVERIFY(!m_url.isEmpty());
        const QString key = QStringLiteral("%1@127.0.0.1:%2").arg(m_tenant, m_env.value(QStringLiteral("WHARF_TEST_TH_PORT")));
        const Run outside = onOwnDaemon({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("outside"), QStringLiteral("bb"),
                                         QStringLiteral("sleep"), QStringLiteral("600")});
        CHECK_RUN(outside, 0);
        // the tenant's side: its profile's hosts, its principal
        const Run profile = admin({QStringLiteral("tenant"), QStringLiteral("profile"), m_tenant});
        CHECK_RUN(profile, 0);
        QTemporaryDir tenantSide;
        QFile f(tenantSide.filePath(QStringLiteral("profile.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(profile.out.toUtf8());
        f.close();
        const QByteArray config = qgetenv("WHARF_CONFIG_DIR");
        qputenv("WHARF_CONFIG_DIR", tenantSide.filePath(QStringLiteral("config")).toUtf8());
        auto restore = qScopeGuard([config] { qputenv("WHARF_CONFIG_DIR", config); });
        CHECK_RUN(TestSupport::wharfctl({QStringLiteral("host"), QStringLiteral("import"), f.fileName(), QStringLiteral("--ssh-key"),
                                         m_env.value(QStringLiteral("WHARF_TEST_TH_TENANT_KEY"))},
                                        QString()),
                  0);
        const QStringList asTenant{QStringLiteral("--known-hosts"), m_env.value(QStringLiteral("WHARF_TEST_TH_KNOWN_HOSTS")), QStringLiteral("--tenant"), m_tenant};
        const Run everywhere = TestSupport::wharfctl(asTenant + QStringList{QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("-p"),
                                                                            QStringLiteral("18080:80"), QStringLiteral("bb"), QStringLiteral("sleep"),
                                                                            QStringLiteral("600")},
                                                     key);
        QCOMPARE(everywhere.code, 1);
        QVERIFY2(everywhere.err.contains(QLatin1String("127.0.0.1")), qPrintable(everywhere.err));
        const Run through = TestSupport::wharfctl(asTenant + QStringList{QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"),
                                                                         QStringLiteral("through"), QStringLiteral("bb"), QStringLiteral("sleep"),
                                                                         QStringLiteral("600")},
                                                  key);
        CHECK_RUN(through, 0);
        restore.dismiss();
        qputenv("WHARF_CONFIG_DIR", config);
        auto inUse = [this] {
            const Run show = admin({QStringLiteral("tenant"), QStringLiteral("show"), m_tenant});
            static const QRegularExpression n(QStringLiteral("In use: +(\\d+) containers"));
            return n.match(show.out).captured(1).toInt();
        };
        QCOMPARE(inUse(), 1);
        // the admin's controller for the host, one round
        const Run once = TestSupport::wharfctl(sshFlags(m_env.value(QStringLiteral("WHARF_TEST_TH_ADMIN_KEY")))
                                                   + QStringList{QStringLiteral("controller"), QStringLiteral("--once")},
                                               adminHost());
        CHECK_RUN(once, 0);
        // both its containers' runs are metered under the daemon's name
        QVERIFY2(once.out.contains(QStringLiteral("tick %1 (tenant %2's daemon): 2 runs started").arg(key, m_tenant)), qPrintable(once.out));
        QVERIFY2(once.out.contains(QLatin1String("1 adopted")), qPrintable(once.out));
        QCOMPARE(inUse(), 2);
        // and what its cgroup uses, from the kernel: the daemon and two sleeping containers
        QVERIFY2(once.out.contains(QStringLiteral("cgroup %1 (tenant %2's daemon): ").arg(key, m_tenant)), qPrintable(once.out + once.err));
        const Run endpoints = admin({QStringLiteral("tenant"), QStringLiteral("endpoints"), m_tenant, QStringLiteral("-o"), QStringLiteral("json")});
        const QJsonObject usage = QJsonDocument::fromJson(endpoints.out.toUtf8()).array().first().toObject().value(QLatin1String("usage")).toObject();
        QVERIFY2(usage.value(QLatin1String("memoryBytes")).toDouble() > 1 << 20, qPrintable(endpoints.out));
        QVERIFY2(usage.value(QLatin1String("pids")).toInt() > 5, qPrintable(endpoints.out));
        QVERIFY2(usage.value(QLatin1String("cpuSeconds")).toDouble() > 0, qPrintable(endpoints.out));
        // removed behind Wharf's back: its quota goes back on the next round
        CHECK_RUN(onOwnDaemon({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("outside")}), 0);
        CHECK_RUN(TestSupport::wharfctl(sshFlags(m_env.value(QStringLiteral("WHARF_TEST_TH_ADMIN_KEY")))
                                            + QStringList{QStringLiteral("controller"), QStringLiteral("--once")},
                                        adminHost()),
                  0);
        QCOMPARE(inUse(), 1);
        CHECK_RUN(onOwnDaemon({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("through")}), 0);
        CHECK_RUN(TestSupport::wharfctl(sshFlags(m_env.value(QStringLiteral("WHARF_TEST_TH_ADMIN_KEY")))
                                            + QStringList{QStringLiteral("controller"), QStringLiteral("--once")},
                                        adminHost()),
                  0);
        QCOMPARE(inUse(), 0);
    }

    // The plan holds in the kernel, whatever the tenant asks its daemon for.
    void theKernelHoldsThePlan()
    {
        QVERIFY(!m_url.isEmpty());
        // 900 MiB held in a pipe's buffer: killed at the cgroup's 512 MiB
        const Run hog = onOwnDaemon({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-m"), QStringLiteral("4g"), QStringLiteral("bb"),
                                     QStringLiteral("sh"), QStringLiteral("-c"),
                                     QStringLiteral("head -c 1000m /dev/zero | tail -c 900m >/dev/null; echo status=$?")});
        QVERIFY2(hog.out.contains(QLatin1String("status=137")), qPrintable(hog.out + hog.err));
        // a fork bomb stops at the processes' limit (240 with the daemon's own)
        const Run bomb = onOwnDaemon({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--pids-limit"), QStringLiteral("-1"), QStringLiteral("bb"),
                                      QStringLiteral("sh"), QStringLiteral("-c"),
                                      QStringLiteral("( i=0; while [ $i -lt 600 ]; do (echo x >>/c; sleep 3) & i=$((i+1)); done; wait ) 2>/err; sleep 5; "
                                                     "echo started=$(wc -l </c); echo refused=$(grep -c fork /err)")});
        static const QRegularExpression started(QStringLiteral("started=(\\d+)"));
        const auto m = started.match(bomb.out);
        QVERIFY2(m.hasMatch(), qPrintable(bomb.out + bomb.err));
        QVERIFY2(m.captured(1).toInt() > 10 && m.captured(1).toInt() < 240, qPrintable(bomb.out));
        QVERIFY2(!bomb.out.contains(QLatin1String("refused=0")), qPrintable(bomb.out));
        // and the daemon lives on
        CHECK_RUN(onOwnDaemon({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("bb"), QStringLiteral("true")}), 0);
    }

    // The tenant's key dials its daemon and does nothing else.
    void theKeyOpensNothingElse()
    {
        QVERIFY(!m_url.isEmpty());
        const QString at = m_user + QStringLiteral("@127.0.0.1");
        const Run shell = ssh({at, QStringLiteral("echo shell-$((6*7))")});
        QVERIFY2(!shell.out.contains(QLatin1String("shell-42")), qPrintable(shell.out));
        const Run forward = ssh({QStringLiteral("-W"), QStringLiteral("127.0.0.1:%1").arg(m_env.value(QStringLiteral("WHARF_TEST_TH_PORT"))), at});
        QCOMPARE(forward.code, 255);
        QVERIFY2(forward.err.contains(QLatin1String("forwarding failed")) || forward.err.contains(QLatin1String("prohibited")), qPrintable(forward.err));
        const Run pty = ssh({QStringLiteral("-tt"), at});
        QVERIFY2(pty.err.contains(QLatin1String("PTY allocation request failed")), qPrintable(pty.err));
        const Run asRoot = ssh({QStringLiteral("root@127.0.0.1"), QStringLiteral("id")});
        QCOMPARE(asRoot.code, 255);
        QVERIFY(!asRoot.out.contains(QLatin1String("uid=0")));
        const Run stranger = ssh({at, QStringLiteral("id")}, m_env.value(QStringLiteral("WHARF_TEST_TH_OTHER_KEY")));
        QCOMPARE(stranger.code, 255);
    }

    // Naming another daemon's socket still reaches the tenant's own; the root daemon's socket
    // is out of its containers' reach.
    void theRootDaemonIsOutOfReach()
    {
        QVERIFY(!m_url.isEmpty());
        const QString rootSocket = QUrl(TestSupport::dockerHost()).path();
        const QString other = QStringLiteral("ssh://%1@127.0.0.1:%2%3").arg(m_user, m_env.value(QStringLiteral("WHARF_TEST_TH_PORT")), rootSocket);
        const Run info = onOwnDaemon({QStringLiteral("info")}, other);
        CHECK_RUN(info, 0);
        QVERIFY2(info.out.contains(root() + QLatin1Char('/') + m_user), qPrintable(info.out));
        const QString dir = QFileInfo(rootSocket).path();
        const Run mount = onOwnDaemon({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-v"), dir + QStringLiteral(":/s"), QStringLiteral("bb"),
                                       QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("ls /s && echo listed")});
        QVERIFY2(!mount.out.contains(QLatin1String("listed")), qPrintable(mount.out + mount.err));
        QVERIFY2(mount.code != 0, qPrintable(mount.out + mount.err));
    }

    // PostgreSQL's row-level security: the tenant's own role sees its endpoint and no other's.
    void theRecordIsTheTenantsAlone()
    {
        QVERIFY(!m_url.isEmpty());
        const QString other = m_tenant + QStringLiteral("-b");
        CHECK_RUN(admin({QStringLiteral("tenant"), QStringLiteral("create"), other, QStringLiteral("--plan"), QStringLiteral("p-") + m_tenant}), 0);
        CHECK_RUN(admin({QStringLiteral("tenant"), QStringLiteral("role"), m_tenant, QStringLiteral("--password-stdin")}, "a-long-tenant-password\n"), 0);
        const QString database = m_db.section(QLatin1Char('/'), -1);
        qputenv("WHARF_DB", TestSupport::postgresUrl(database, QStringLiteral("wharf_t_") + m_tenant).toUtf8());
        qputenv("PGPASSWORD", "a-long-tenant-password");
        const Run own = TestSupport::wharfctl({QStringLiteral("tenant"), QStringLiteral("endpoints"), m_tenant, QStringLiteral("-o"), QStringLiteral("json")}, {});
        const Run others = TestSupport::wharfctl({QStringLiteral("tenant"), QStringLiteral("endpoints"), other}, {});
        const Run provision = TestSupport::wharfctl({QStringLiteral("tenant"), QStringLiteral("provision"), m_tenant, QStringLiteral("--host"), adminHost(),
                                                     QStringLiteral("--ssh-pubkey"), m_env.value(QStringLiteral("WHARF_TEST_TH_TENANT_KEY")) + QStringLiteral(".pub")},
                                                    {});
        // the table itself: the owner sees both tenants' rows, the tenant's role its own; it
        // cannot write one either
        const QStringList asOwner = endpointRows(TestSupport::postgresEnv().value(QStringLiteral("WHARF_TEST_PG_USER")), TestSupport::postgresPassword(), other);
        const QStringList asTenant = endpointRows(QStringLiteral("wharf_t_") + m_tenant, QStringLiteral("a-long-tenant-password"), m_tenant);
        qputenv("WHARF_DB", m_db.toUtf8());
        qputenv("PGPASSWORD", TestSupport::postgresPassword().toUtf8());
        CHECK_RUN(own, 0);
        QCOMPARE(QJsonDocument::fromJson(own.out.toUtf8()).array().size(), 1);
        QCOMPARE(others.code, 1);
        QCOMPARE(provision.code, 1);
        QCOMPARE(asOwner, (QStringList{m_tenant, other}));
        QCOMPARE(asTenant, QStringList{m_tenant});
        CHECK_RUN(admin({QStringLiteral("tenant"), QStringLiteral("rm"), other}), 0);
    }

    void deprovisionLeavesNothingBehind()
    {
        QVERIFY(!m_url.isEmpty());
        const passwd *pw = getpwnam(m_user.toUtf8().constData());
        QVERIFY(pw);
        const uid_t uid = pw->pw_uid;
        QVERIFY(processesOf(uid) > 0);
        // the tenant cannot go while its daemon runs
        const Run early = admin({QStringLiteral("tenant"), QStringLiteral("rm"), m_tenant});
        QCOMPARE(early.code, 1);
        QVERIFY2(early.err.contains(QLatin1String("deprovision")), qPrintable(early.err));
        CHECK_RUN(admin({QStringLiteral("tenant"), QStringLiteral("deprovision"), m_tenant, QStringLiteral("--host"), adminHost(), QStringLiteral("--data")}), 0);
        QVERIFY(!getpwnam(m_user.toUtf8().constData()));
        QCOMPARE(processesOf(uid), 0);
        QVERIFY(!QFileInfo::exists(root() + QLatin1Char('/') + m_user));
        QFile subuid(QStringLiteral("/etc/subuid"));
        QVERIFY(subuid.open(QIODevice::ReadOnly));
        QVERIFY(!subuid.readAll().contains((m_user + QLatin1Char(':')).toUtf8()));
        const Run list = admin({QStringLiteral("tenant"), QStringLiteral("endpoints"), m_tenant, QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 0);
        const Run audit = admin({QStringLiteral("audit"), QStringLiteral("-o"), QStringLiteral("json")});
        QStringList seen;
        for (const QJsonValue &v : QJsonDocument::fromJson(audit.out.toUtf8()).array()) {
            const QJsonObject o = v.toObject();
            if (o.value(QLatin1String("target")).toString() == m_tenant || o.value(QLatin1String("tenant")).toString() == m_tenant)
                seen << o.value(QLatin1String("action")).toString() + QLatin1Char(' ') + o.value(QLatin1String("result")).toString();
        }
        QVERIFY2(seen.contains(QStringLiteral("tenant.provision ok")), qPrintable(seen.join(QLatin1Char(','))));
        QVERIFY2(seen.contains(QStringLiteral("tenant.deprovision ok")), qPrintable(seen.join(QLatin1Char(','))));
        // the tenant's own attempts are recorded as refusals
        QVERIFY2(seen.contains(QStringLiteral("tenant.provision denied")), qPrintable(seen.join(QLatin1Char(','))));
        CHECK_RUN(admin({QStringLiteral("tenant"), QStringLiteral("rm"), m_tenant}), 0);
        m_url.clear();
    }

    // 专属主机: the host's own daemon for one tenant, reached with that tenant's key; no other
    // tenant gets an endpoint there.
    void aDedicatedHostServesOneTenant()
    {
        const QString owner = m_tenant + QStringLiteral("-d");
        const QString other = m_tenant + QStringLiteral("-e");
        for (const QString &t : {owner, other})
            CHECK_RUN(admin({QStringLiteral("tenant"), QStringLiteral("create"), t, QStringLiteral("--plan"), QStringLiteral("p-") + m_tenant}), 0);
        const QString socket = QUrl(TestSupport::dockerHost()).path();
        const QStringList dedicate{QStringLiteral("tenant"), QStringLiteral("dedicate"), owner, QStringLiteral("--host"), adminHost(), QStringLiteral("--ssh-pubkey"),
                                   m_env.value(QStringLiteral("WHARF_TEST_TH_TENANT_KEY")) + QStringLiteral(".pub"), QStringLiteral("--socket"), socket,
                                   QStringLiteral("--root"), root()};
        // the test daemon's folder is root's alone: the tenant's user could not reach it
        const Run closed = admin(dedicate);
        QCOMPARE(closed.code, 1);
        QVERIFY2(closed.err.contains(QLatin1String("closed to others")), qPrintable(closed.err));
        // opened for the test (its own daemon's folder), closed again after
        const QString folder = QFileInfo(socket).path();
        const QFile::Permissions before = QFile::permissions(folder);
        struct Restore
        {
            QString path;
            QFile::Permissions p;
            ~Restore() { QFile::setPermissions(path, p); }
        } restore{folder, before};
        QVERIFY(QFile::setPermissions(folder, before | QFile::ExeOther | QFile::ExeGroup));
        const Run r = admin(dedicate);
        CHECK_RUN(r, 0);
        const QString url = r.out.trimmed().section(QLatin1Char('\n'), -1);
        QCOMPARE(url, QStringLiteral("ssh://wharf-%1@127.0.0.1:%2%3").arg(owner, m_env.value(QStringLiteral("WHARF_TEST_TH_PORT")), socket));
        // the owner's key reaches the host's own daemon (not a rootless one)
        const Run info = onOwnDaemon({QStringLiteral("info")}, url);
        CHECK_RUN(info, 0);
        QVERIFY2(!info.out.contains(root()), qPrintable(info.out));
        QVERIFY2(info.out.contains(folder), qPrintable(info.out));
        // another tenant gets nothing there, and the host is not touched for it
        const Run refused = admin({QStringLiteral("tenant"), QStringLiteral("provision"), other, QStringLiteral("--host"), adminHost(), QStringLiteral("--ssh-pubkey"),
                                   m_env.value(QStringLiteral("WHARF_TEST_TH_OTHER_KEY")) + QStringLiteral(".pub"), QStringLiteral("--root"), root()});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(QLatin1String("dedicated to tenant")), qPrintable(refused.err));
        QVERIFY(!getpwnam((QStringLiteral("wharf-") + other).toUtf8().constData()));
        // the host is in the owner's private domain
        const Run domains = admin({QStringLiteral("domain"), QStringLiteral("ls")});
        QVERIFY2(domains.out.contains(owner), qPrintable(domains.out));
        // taken back: the user and key go, the host's daemon stays
        const Run wrong = admin({QStringLiteral("tenant"), QStringLiteral("deprovision"), owner, QStringLiteral("--host"), adminHost()});
        QCOMPARE(wrong.code, 1);
        QVERIFY2(wrong.err.contains(QLatin1String("undedicate")), qPrintable(wrong.err));
        CHECK_RUN(admin({QStringLiteral("tenant"), QStringLiteral("undedicate"), owner, QStringLiteral("--host"), adminHost()}), 0);
        QVERIFY(!getpwnam((QStringLiteral("wharf-") + owner).toUtf8().constData()));
        QCOMPARE(onOwnDaemon({QStringLiteral("info")}, url).code, 1);
        CHECK_RUN(TestSupport::wharfctl({QStringLiteral("info")}), 0);
        const Run after = admin({QStringLiteral("domain"), QStringLiteral("ls")});
        QVERIFY2(!after.out.contains(owner), qPrintable(after.out));
        for (const QString &t : {owner, other})
            CHECK_RUN(admin({QStringLiteral("tenant"), QStringLiteral("rm"), t}), 0);
    }
};

QTEST_GUILESS_MAIN(TestTenantDaemon)
#include "tst_tenantdaemon.moc"
