#include "secretsupport.h"
#include "secrets/keychainbackend.h"
#include "hosts/hostconnection.h"
#include "hosts/hoststore.h"
#include "tasks/taskmodel.h"
#include "testsupport.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Wharf::Backends;
using namespace SecretSupport;

// The QtKeychain store against a real Secret Service: GNOME Keyring in a private D-Bus
// session (tests/fixtures/with-keyring.sh runs this test).
class TestKeychain : public QObject
{
    Q_OBJECT
private:
    QString m_service = QStringLiteral("io.wharf.test-%1").arg(QCoreApplication::applicationPid());

    // What the Secret Service itself holds, asked with libsecret's own tool.
    static QByteArray lookup(const QString &service, const QString &key)
    {
        QProcess p;
        p.start(QStringLiteral("secret-tool"), {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"), service});
        p.waitForFinished(20000);
        return p.readAllStandardOutput() + p.readAllStandardError() + key.toUtf8().left(0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run under tests/fixtures/with-keyring.sh");
        QVERIFY2(qEnvironmentVariable("HOME").startsWith(QLatin1String("/tmp/wharf-keyring.")), "refusing to touch a real keyring");
    }
    void tlsKeyAndSshPassphrase()
    {
        KeychainSecretBackend backend(m_service);
        CredentialStore store(&backend);
        const QString tlsKey = CredentialStore::key(u"host", u"h1", u"tls-key");
        const QString passphrase = CredentialStore::key(u"host", u"h1", u"ssh-passphrase");
        QByteArray pem = "-----BEGIN EC PRIVATE KEY-----\n";
        for (int i = 0; i < 60; ++i)
            pem += QByteArray(64, char('A' + i % 26)) + '\n';
        pem += "-----END EC PRIVATE KEY-----\n";

        QCOMPARE(read(store, tlsKey).error().kind, Error::NotFound);
        Error e = write(store, tlsKey, pem);
        QVERIFY2(!e.isError(), qPrintable(e.message));
        e = write(store, passphrase, QByteArrayLiteral("correct horse 口令"));
        QVERIFY2(!e.isError(), qPrintable(e.message));
        QCOMPARE(*read(store, tlsKey), pem);
        QCOMPARE(*read(store, passphrase), QByteArrayLiteral("correct horse 口令"));

        // It is really in the Secret Service, under our service name.
        const QByteArray listed = lookup(m_service, tlsKey);
        QVERIFY2(listed.contains(tlsKey.toUtf8()) && listed.contains(passphrase.toUtf8()), listed.constData());

        // A second store (a new start of the console) reads the same.
        KeychainSecretBackend again(m_service);
        CredentialStore store2(&again);
        QCOMPARE(*read(store2, tlsKey), pem);

        // Overwrite, then delete.
        e = write(store, passphrase, QByteArrayLiteral("battery staple"));
        QVERIFY2(!e.isError(), qPrintable(e.message));
        QCOMPARE(*read(store2, passphrase), QByteArrayLiteral("battery staple"));
        QVERIFY(!remove(store, tlsKey).isError());
        QVERIFY(!remove(store, passphrase).isError());
        QCOMPARE(read(store2, tlsKey).error().kind, Error::NotFound);
        QCOMPARE(read(store2, passphrase).error().kind, Error::NotFound);
        QVERIFY(!lookup(m_service, tlsKey).contains(tlsKey.toUtf8()));
    }
    // wharfctl keeps a TLS host's private key in the keychain and nowhere else; the saved host
    // works by name from wharfctl and from the console's connection.
    void savedTlsHostKeepsItsKeyInTheKeychain()
    {
        const auto env = TestSupport::readEnvFile(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/dockerd/env"));
        const QString url = env.value(QStringLiteral("WHARF_TEST_TLS_HOST"));
        const QString certs = env.value(QStringLiteral("WHARF_TEST_CERT_PATH"));
        QVERIFY2(!url.isEmpty(), "the dockerd fixture is not running");
        QTemporaryDir config;
        qputenv("WHARF_CONFIG_DIR", config.path().toUtf8());
        auto ctl = [](const QStringList &args) { return TestSupport::wharfctl(args, {}); };

        auto add = ctl({QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("edge-1"), url, QStringLiteral("--group"), QStringLiteral("Public cloud"),
                        QStringLiteral("--tlsverify"), QStringLiteral("--tlscacert"), certs + QStringLiteral("/ca.pem"), QStringLiteral("--tlscert"),
                        certs + QStringLiteral("/cert.pem"), QStringLiteral("--tlskey"), certs + QStringLiteral("/key.pem")});
        QVERIFY2(add.code == 0, qPrintable(add.err));
        const QString id = add.out.trimmed();

        // The host list names the certificates but holds no key, neither its path nor its bytes.
        QFile list(config.filePath(QStringLiteral("hosts.json")));
        QVERIFY(list.open(QIODevice::ReadOnly));
        const QByteArray saved = list.readAll();
        QFile keyFile(certs + QStringLiteral("/key.pem"));
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        const QByteArray keyPem = keyFile.readAll();
        QVERIFY(saved.contains("ca.pem") && saved.contains("\"keyInKeychain\": true"));
        QVERIFY(!saved.contains("key.pem"));
        QVERIFY(!saved.contains(keyPem.mid(40, 30)));
        KeychainSecretBackend backend(QStringLiteral("io.wharf.Wharf"));
        CredentialStore store(&backend);
        QCOMPARE(*read(store, CredentialStore::key(u"host", id, u"tls-key")), keyPem);

        auto ls = ctl({QStringLiteral("host"), QStringLiteral("ls"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(ls.code, 0);
        QVERIFY2(ls.out.contains(QLatin1String("\"tls_key_in_keychain\": true")), qPrintable(ls.out));
        auto test = ctl({QStringLiteral("host"), QStringLiteral("test"), QStringLiteral("edge-1")});
        QVERIFY2(test.code == 0 && test.out.contains(QLatin1String("CPUs:")), qPrintable(test.out + test.err));
        auto ps = TestSupport::wharfctl({QStringLiteral("ps"), QStringLiteral("-a")}, QStringLiteral("edge-1"));
        QVERIFY2(ps.code == 0 && ps.out.startsWith(QLatin1String("CONTAINER ID")), qPrintable(ps.err));
        auto unknown = TestSupport::wharfctl({QStringLiteral("ps")}, QStringLiteral("no-such-host"));
        QCOMPARE(unknown.code, 1);
        QVERIFY2(unknown.err.contains(QLatin1String("no-such-host")), qPrintable(unknown.err));
        QCOMPARE(ctl({QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("edge-1"), url}).code, 1); // the name is taken

        // The console's connection reads the key from the keychain before it connects.
        Wharf::Models::HostStore hosts(config.filePath(QStringLiteral("hosts.json")));
        QVERIFY(!hosts.load().isError());
        Wharf::Models::TaskModel tasks;
        Wharf::Models::HostConnection withoutKeychain(*hosts.findByName(QStringLiteral("edge-1")), &tasks);
        withoutKeychain.connectToHost();
        QTRY_COMPARE_WITH_TIMEOUT(withoutKeychain.state(), Wharf::Models::HostConnection::Down, 5000);
        QVERIFY2(withoutKeychain.reason().contains(QLatin1String("keychain")), qPrintable(withoutKeychain.reason()));
        Wharf::Models::HostConnection host(*hosts.findByName(QStringLiteral("edge-1")), &tasks);
        host.setCredentialStore(&store);
        host.connectToHost();
        QTRY_COMPARE_WITH_TIMEOUT(host.state(), Wharf::Models::HostConnection::Up, 20000);
        host.disconnectFromHost();

        // Removing the host removes its key.
        QCOMPARE(ctl({QStringLiteral("host"), QStringLiteral("rm"), QStringLiteral("edge-1")}).code, 0);
        QCOMPARE(read(store, CredentialStore::key(u"host", id, u"tls-key")).error().kind, Error::NotFound);
        auto gone = TestSupport::wharfctl({QStringLiteral("ps")}, QStringLiteral("edge-1"));
        QCOMPARE(gone.code, 1);
        qunsetenv("WHARF_CONFIG_DIR");
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
