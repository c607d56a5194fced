// The secrets canary: a password of its own goes in everywhere a secret enters Wharf today (a
// registry login, a wrong registry login, a TLS client key, a tenant's database role and its
// login, an environment value named like a secret), then the configuration folder, the data
// folder, the platform database (a dump of PostgreSQL), the audit trail and every line wharfctl
// printed are searched for it. Only the keychain may hold it (and it must: that proves each
// secret really went in). Runs in a private GNOME Keyring (tests/fixtures/with-keyring.sh).
#include "storesupport.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using TestSupport::Run;

class TestSecretsCanary : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QString m_database;
    QStringList m_printed; // everything wharfctl said
    QMap<QString, QString> m_canaries; // what -> the secret

    Run ctl(const QStringList &args, const QByteArray &in = {}, const QString &host = TestSupport::dockerHost())
    {
        const Run r = TestSupport::wharfctl(args, host, in);
        m_printed << r.out << r.err;
        return r;
    }
    static QString fresh(const char *what) { return QStringLiteral("canary-%1-%2").arg(QLatin1String(what), QUuid::createUuid().toString(QUuid::Id128)); }
    static QByteArray run(const QString &program, const QStringList &args, const QMap<QString, QString> &env = {})
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (auto it = env.begin(); it != env.end(); ++it)
            e.insert(it.key(), it.value());
        p.setProcessEnvironment(e);
        p.start(program, args);
        p.waitForFinished(60000);
        return p.readAllStandardOutput() + p.readAllStandardError();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run under tests/fixtures/with-keyring.sh");
        QVERIFY2(qEnvironmentVariable("HOME").startsWith(QLatin1String("/tmp/wharf-keyring.")), "refusing to touch a real keyring");
        QVERIFY(m_dir.isValid());
        QVERIFY2(!TestSupport::postgresEnv().isEmpty(), "the postgres fixture is not running");
        qputenv("WHARF_CONFIG_DIR", m_dir.filePath(QStringLiteral("config")).toUtf8());
        qputenv("WHARF_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8());
        qunsetenv("WHARF_KEYCHAIN");
        qputenv("PGPASSWORD", TestSupport::postgresPassword().toUtf8());
        m_database = TestSupport::newPostgresDatabase();
        m_db = TestSupport::postgresUrl(m_database);
        qputenv("WHARF_DB", m_db.toUtf8());
    }
    void cleanupTestCase()
    {
        qunsetenv("WHARF_DB");
        qunsetenv("PGPASSWORD");
    }

    void secretsGoIn()
    {
        // A registry login (the fixture's generated password) and a wrong one.
        const auto reg = TestSupport::readEnvFile(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/registry/env"));
        QVERIFY2(!reg.isEmpty(), "the registry fixture is not running");
        QFile pw(reg.value(QStringLiteral("WHARF_TEST_REGISTRY_PASSWORD_FILE")));
        QVERIFY(pw.open(QIODevice::ReadOnly));
        m_canaries.insert(QStringLiteral("registry password"), QString::fromUtf8(pw.readAll()).trimmed());
        const QString basic = reg.value(QStringLiteral("WHARF_TEST_REGISTRY_BASIC"));
        CHECK_RUN(ctl({QStringLiteral("login"), basic, QStringLiteral("-u"), reg.value(QStringLiteral("WHARF_TEST_REGISTRY_USER")), QStringLiteral("--password-stdin")},
                      m_canaries.value(QStringLiteral("registry password")).toUtf8()),
                  0);
        m_canaries.insert(QStringLiteral("wrong registry password"), fresh("wrong"));
        QVERIFY(ctl({QStringLiteral("login"), basic, QStringLiteral("-u"), QStringLiteral("wharf"), QStringLiteral("--password-stdin")},
                    m_canaries.value(QStringLiteral("wrong registry password")).toUtf8())
                    .code
                != 0);

        // A TLS client key (its base64 body is the secret), kept with a saved host.
        const QString tls = m_dir.filePath(QStringLiteral("tls"));
        QDir().mkpath(tls);
        run(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                                        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), tls + QStringLiteral("/key.pem"),
                                        QStringLiteral("-out"), tls + QStringLiteral("/cert.pem"), QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                                        QStringLiteral("/CN=canary")});
        QFile key(tls + QStringLiteral("/key.pem"));
        QVERIFY(key.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = key.readAll().split('\n');
        QVERIFY(lines.size() > 2);
        m_canaries.insert(QStringLiteral("TLS key"), QString::fromLatin1(lines.at(1))); // a line of the key itself
        CHECK_RUN(ctl({QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("tlshost"), QStringLiteral("tcp://127.0.0.1:2376"), QStringLiteral("--tlsverify"),
                       QStringLiteral("--tlscacert"), tls + QStringLiteral("/cert.pem"), QStringLiteral("--tlscert"), tls + QStringLiteral("/cert.pem"),
                       QStringLiteral("--tlskey"), tls + QStringLiteral("/key.pem")},
                      {}, {}),
                  0);
        QVERIFY(QFile::remove(tls + QStringLiteral("/key.pem"))); // only the keychain has it now

        // A tenant's database role, and its login from the tenant's side.
        CHECK_RUN(ctl({QStringLiteral("plan"), QStringLiteral("create"), QStringLiteral("p"), QStringLiteral("--max-containers"), QStringLiteral("2"),
                       QStringLiteral("--cpus"), QStringLiteral("1"), QStringLiteral("--memory"), QStringLiteral("512m"), QStringLiteral("--free")}),
                  0);
        CHECK_RUN(ctl({QStringLiteral("tenant"), QStringLiteral("create"), QStringLiteral("acme"), QStringLiteral("--plan"), QStringLiteral("p")}), 0);
        CHECK_RUN(ctl({QStringLiteral("domain"), QStringLiteral("set"), TestSupport::dockerHost(), QStringLiteral("public")}), 0);
        m_canaries.insert(QStringLiteral("tenant role password"), fresh("role"));
        CHECK_RUN(ctl({QStringLiteral("tenant"), QStringLiteral("role"), QStringLiteral("acme"), QStringLiteral("--password-stdin")},
                      m_canaries.value(QStringLiteral("tenant role password")).toUtf8()),
                  0);
        const QString tenantDb = TestSupport::postgresUrl(m_database, QStringLiteral("wharf_t_acme"));
        CHECK_RUN(ctl({QStringLiteral("--db"), tenantDb, QStringLiteral("db"), QStringLiteral("login"), QStringLiteral("--password-stdin")},
                      m_canaries.value(QStringLiteral("tenant role password")).toUtf8(), {}),
                  0);
        // The tenant works with it: the password comes from the keychain.
        {
            qunsetenv("PGPASSWORD");
            const Run r = ctl({QStringLiteral("--db"), tenantDb, QStringLiteral("--tenant"), QStringLiteral("acme"), QStringLiteral("ps")});
            qputenv("PGPASSWORD", TestSupport::postgresPassword().toUtf8());
            QVERIFY2(r.code == 0, qPrintable(r.err));
        }

        // An environment value named like a secret, on a tenant's container.
        m_canaries.insert(QStringLiteral("environment value"), fresh("env"));
        const Run created = ctl({QStringLiteral("--tenant"), QStringLiteral("acme"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("canary"),
                                 QStringLiteral("-e"), QStringLiteral("DB_PASSWORD=") + m_canaries.value(QStringLiteral("environment value")), TestSupport::testImage(),
                                 QStringLiteral("true")});
        CHECK_RUN(created, 0);
        CHECK_RUN(ctl({QStringLiteral("rm"), QStringLiteral("canary")}), 0);
    }

    void nothingElseHoldsThem()
    {
        QVERIFY(!m_canaries.isEmpty());
        // The keychain has each stored secret: they really went in.
        const QByteArray keyring = run(QStringLiteral("secret-tool"), {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"),
                                                                        QStringLiteral("io.wharf.Wharf")});
        // (QtKeychain keeps binary secrets in base64)
        QByteArray secrets;
        for (const QByteArray &line : keyring.split('\n'))
            if (line.startsWith("secret = "))
                secrets += QByteArray::fromBase64(line.mid(9)) + '\n';
        for (const char *stored : {"registry password", "tenant role password"})
            QVERIFY2(secrets.contains(m_canaries.value(QLatin1String(stored)).toUtf8()), stored);
        QVERIFY(secrets.contains(m_canaries.value(QStringLiteral("TLS key")).toUtf8()));

        QMap<QString, QByteArray> places;
        // the configuration and data folders, every file
        for (const char *folder : {"config", "data"}) {
            QDirIterator it(m_dir.filePath(QLatin1String(folder)), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                if (f.open(QIODevice::ReadOnly))
                    places.insert(f.fileName(), f.readAll());
            }
        }
        QVERIFY2(!places.isEmpty(), "no configuration was written");
        // the platform database, all of it
        const auto env = TestSupport::postgresEnv();
        places.insert(QStringLiteral("the database"),
                      run(QStringLiteral("pg_dump"), {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), env.value(QStringLiteral("WHARF_TEST_PG_PORT")),
                                                      QStringLiteral("-U"), env.value(QStringLiteral("WHARF_TEST_PG_USER")), m_database},
                          {{QStringLiteral("PGPASSWORD"), TestSupport::postgresPassword()}}));
        QVERIFY2(places.value(QStringLiteral("the database")).contains("CREATE TABLE"), places.value(QStringLiteral("the database")).left(400).constData());
        // the audit trail as wharfctl shows it, and everything wharfctl printed
        const Run audit = ctl({QStringLiteral("audit"), QStringLiteral("-o"), QStringLiteral("json")});
        CHECK_RUN(audit, 0);
        QVERIFY(audit.out.contains(QLatin1String("tenant.role")) || audit.out.contains(QLatin1String("container.create")));
        places.insert(QStringLiteral("what wharfctl printed"), m_printed.join(QLatin1Char('\n')).toUtf8());

        for (auto c = m_canaries.begin(); c != m_canaries.end(); ++c)
            for (auto p = places.begin(); p != places.end(); ++p)
                QVERIFY2(!p.value().contains(c.value().toUtf8()) && !p.value().contains(c.value().toUtf8().toBase64()),
                         qPrintable(QStringLiteral("the %1 is in %2").arg(c.key(), p.key())));
    }
};

QTEST_GUILESS_MAIN(TestSecretsCanary)
#include "tst_secretscanary.moc"
