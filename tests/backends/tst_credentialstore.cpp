#include "secretsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace Wharf::Backends;
using namespace SecretSupport;


class TestCredentialStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void smallValuesRoundTrip()
    {
        MemorySecretBackend b;
        CredentialStore s(&b);
        const QString k = CredentialStore::key(u"host", u"h1", u"ssh-passphrase");
        QCOMPARE(k, QStringLiteral("host/h1/ssh-passphrase"));
        QVERIFY(!write(s, k, "口令 pass").isError());
        QCOMPARE(*read(s, k), QByteArray("口令 pass"));
        QCOMPARE(b.entries().size(), 1);
        QCOMPARE(read(s, QStringLiteral("host/none/x")).error().kind, Error::NotFound);
    }
    void largeValuesAreSplitAndJoined()
    {
        MemorySecretBackend b;
        b.setMaxEntrySize(100);
        CredentialStore s(&b);
        QByteArray key;
        for (int i = 0; i < 1000; ++i)
            key += char('a' + i % 26);
        QVERIFY(!write(s, QStringLiteral("host/h/tls-key"), key).isError());
        QCOMPARE(b.entries().size(), 11); // the head and 10 parts
        for (const auto &v : b.entries())
            QVERIFY(v.size() <= 100);
        QCOMPARE(*read(s, QStringLiteral("host/h/tls-key")), key);
        // Overwriting with a short value leaves no part behind.
        QVERIFY(!write(s, QStringLiteral("host/h/tls-key"), "short").isError());
        QCOMPARE(b.entries().size(), 1);
        QCOMPARE(*read(s, QStringLiteral("host/h/tls-key")), QByteArray("short"));
        // And back to long, then removed with all its parts.
        QVERIFY(!write(s, QStringLiteral("host/h/tls-key"), key + key).isError());
        QCOMPARE(b.entries().size(), 21);
        QVERIFY(!remove(s, QStringLiteral("host/h/tls-key")).isError());
        QCOMPARE(b.entries().size(), 0);
        QVERIFY(!remove(s, QStringLiteral("host/h/tls-key")).isError()); // removing twice is fine
    }
    void valueThatLooksLikeTheMarkerIsKeptAsIs()
    {
        MemorySecretBackend b;
        CredentialStore s(&b);
        const QByteArray tricky = "wharf-split-secret:v1:3:12";
        QVERIFY(!write(s, QStringLiteral("k"), tricky).isError());
        QCOMPARE(*read(s, QStringLiteral("k")), tricky);
    }
    void writeIsReadBack()
    {
        MemorySecretBackend b;
        CredentialStore s(&b);
        b.corruptNextWrite();
        const Error e = write(s, QStringLiteral("k"), "secret");
        QCOMPARE(e.kind, Error::Secret);
        QVERIFY2(e.message.contains(QLatin1String("did not keep")), qPrintable(e.message));
    }
    void missingPartIsReported()
    {
        MemorySecretBackend b;
        b.setMaxEntrySize(64);
        CredentialStore s(&b);
        QVERIFY(!write(s, QStringLiteral("k"), QByteArray(300, 'x')).isError());
        bool done = false;
        b.deleteEntry(QStringLiteral("k#2"), [&](const Error &) { done = true; });
        QTRY_VERIFY(done);
        const auto r = read(s, QStringLiteral("k"));
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(QLatin1String("damaged")), qPrintable(r.error().message));
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
