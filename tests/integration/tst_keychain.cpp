#include "secretsupport.h"
#include "secrets/keychainbackend.h"

#include <QProcess>
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
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
