// ssh:// hosts against a real OpenSSH server (tests/fixtures/sshd.sh) that reaches the test
// daemon with `docker -H unix://... system dial-stdio`: host keys, authentication, errors, the
// system ssh client, and wharfctl.
#include "docker/dockerclient.h"
#include "secrets/credentialstore.h"
#include "ssh/knownhosts.h"
#include "ssh/opensshtransport.h"
#include "ssh/sshkeyfile.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLocalServer>
#include <QLocalSocket>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Wharf::Backends;

namespace {

// Answers as a person would, and remembers what it was asked.
class ScriptedPerson : public SshInteraction
{
public:
    QList<HostKey> hostKeys;
    QList<SecretRequest> secrets;
    bool trust = true;
    QStringList answers; // secrets, in order; none left: cancel
    bool remember = false;

    void confirmHostKey(const HostKey &key, std::function<void(bool)> answer) override
    {
        hostKeys << key;
        const bool t = trust;
        QTimer::singleShot(10, [answer, t] { answer(t); });
    }
    void askSecret(const SecretRequest &request, std::function<void(std::optional<QString>, bool)> answer) override
    {
        secrets << request;
        std::optional<QString> a;
        if (!answers.isEmpty())
            a = answers.takeFirst();
        const bool r = remember;
        QTimer::singleShot(10, [answer, a, r] { answer(a, r); });
    }
};

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestSsh : public QObject
{
    Q_OBJECT
private:
    QMap<QString, QString> m_ssh;
    QString m_socketPath;
    QTemporaryDir m_tmp;

    QString dir() const { return m_ssh.value(QStringLiteral("WHARF_TEST_SSH_DIR")); }
    QString port() const { return m_ssh.value(QStringLiteral("WHARF_TEST_SSH_PORT")); }
    QString url(const QString &p = {}, const QString &socket = {}) const
    {
        return QStringLiteral("ssh://%1@127.0.0.1:%2%3")
            .arg(m_ssh.value(QStringLiteral("WHARF_TEST_SSH_USER")), p.isEmpty() ? port() : p, socket.isEmpty() ? m_socketPath : socket);
    }
    // A fresh known_hosts file for one test, optionally with the given fixture file's content.
    QString knownHosts(const QString &name, const QString &from = {})
    {
        const QString path = m_tmp.filePath(name);
        QFile::remove(path);
        if (!from.isEmpty())
            QFile::copy(dir() + QLatin1Char('/') + from, path);
        return path;
    }
    SshSettings settings(const QString &known, const QString &key = QStringLiteral("id_ed25519"))
    {
        SshSettings s;
        s.knownHostsFile = known;
        s.useAgent = false;
        if (!key.isEmpty())
            s.identityFiles = {dir() + QLatin1Char('/') + key};
        s.connectTimeoutMs = 15000;
        return s;
    }
    Expected<Endpoint> endpoint(const SshSettings &s, const QString &u = {})
    {
        auto ep = Endpoint::parse(u.isEmpty() ? url() : u);
        if (ep) {
            Endpoint e = *ep;
            e.setSshSettings(s);
            return e;
        }
        return ep;
    }
    // The daemon's version over SSH, or the error.
    QString version(const SshSettings &s, const QString &u = {})
    {
        auto ep = endpoint(s, u);
        if (!ep)
            return QStringLiteral("error: ") + ep.error().message;
        DockerClient c(*ep);
        DockerJob *j = c.version();
        QSignalSpy spy(j, &DockerJob::finished);
        if (!j->isFinished() && !spy.wait(60000))
            return QStringLiteral("error: no answer");
        return j->isError() ? QStringLiteral("error: ") + j->error().message
                            : j->json().object().value(QLatin1String("Version")).toString();
    }
    // Logins with this test's Ed25519 key (other tests share the sshd, with other keys).
    int acceptedLogins() const
    {
        KnownHosts::Key key;
        key.blob = QByteArray::fromBase64(readText(dir() + QStringLiteral("/id_ed25519.pub")).section(QLatin1Char(' '), 1, 1).toLatin1());
        int n = 0;
        for (const QString &line : readText(dir() + QStringLiteral("/sshd.log")).split(QLatin1Char('\n')))
            if (line.contains(QLatin1String("Accepted publickey")) && line.contains(key.fingerprint()))
                ++n;
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_ssh = TestSupport::readEnvFile(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/sshd/env"));
        QVERIFY2(!port().isEmpty(), "the sshd fixture is not running");
        const QString host = TestSupport::dockerHost();
        QVERIFY2(host.startsWith(QLatin1String("unix://")), "the dockerd fixture is not running");
        m_socketPath = host.mid(7);
        qunsetenv("SSH_AUTH_SOCK");
        qputenv("WHARF_CONFIG_DIR", m_tmp.filePath(QStringLiteral("config")).toUtf8());
    }

    void parsesSshAddresses()
    {
        auto ep = Endpoint::parse(QStringLiteral("ssh://deploy@build-01.example:2222/run/user/1000/docker.sock"));
        QVERIFY(ep);
        const SshTarget t = ep->sshTarget();
        QCOMPARE(t.user, QStringLiteral("deploy"));
        QCOMPARE(t.host, QStringLiteral("build-01.example"));
        QCOMPARE(t.port, quint16(2222));
        QCOMPARE(t.socketPath, QStringLiteral("/run/user/1000/docker.sock"));
        QCOMPARE(t.dialCommand(), QStringLiteral("docker -H unix:///run/user/1000/docker.sock system dial-stdio"));
        QCOMPARE(ep->url(), QStringLiteral("ssh://deploy@build-01.example:2222/run/user/1000/docker.sock"));
        QCOMPARE(Endpoint::parse(QStringLiteral("ssh://h"))->sshTarget().dialCommand(), QStringLiteral("docker system dial-stdio"));
        SshTarget spaced;
        spaced.host = QStringLiteral("h");
        spaced.socketPath = QStringLiteral("/a b/d.sock");
        QCOMPARE(spaced.dialCommand(), QStringLiteral("docker -H 'unix:///a b/d.sock' system dial-stdio"));
        auto pw = Endpoint::parse(QStringLiteral("ssh://u:secret@h"));
        QVERIFY(!pw);
        QVERIFY(pw.error().message.contains(QLatin1String("password")));
        QVERIFY(!Endpoint::parse(QStringLiteral("ssh://h:99999")));
    }

    void inspectsKeyFiles()
    {
        QCOMPARE(SshKeyFile::inspect(dir() + QStringLiteral("/id_ed25519")).type, SshKeyFile::Ed25519);
        QVERIFY(!SshKeyFile::inspect(dir() + QStringLiteral("/id_ed25519")).encrypted);
        const auto ecdsa = SshKeyFile::inspect(dir() + QStringLiteral("/id_ecdsa"));
        QCOMPARE(ecdsa.type, SshKeyFile::Ecdsa);
        QVERIFY(ecdsa.encrypted);
        QCOMPARE(SshKeyFile::inspect(dir() + QStringLiteral("/id_rsa")).type, SshKeyFile::Rsa);
        QVERIFY(!SshKeyFile::inspect(dir() + QStringLiteral("/id_ed25519.pub")).readable);
    }

    void unknownHostKeyFailsWithoutAQuestion()
    {
        const QString known = knownHosts(QStringLiteral("unknown"));
        const QString r = version(settings(known));
        QVERIFY2(r.startsWith(QLatin1String("error: ")), qPrintable(r));
        QVERIFY2(r.contains(m_ssh.value(QStringLiteral("WHARF_TEST_SSH_FINGERPRINT"))), qPrintable(r));
        QVERIFY2(r.contains(QLatin1String("--accept-new-host-key")), qPrintable(r));
        QVERIFY(!QFile::exists(known));
    }

    void unknownHostKeyIsAskedThenSaved()
    {
        const QString known = knownHosts(QStringLiteral("asked"));
        auto person = std::make_shared<ScriptedPerson>();
        SshSettings s = settings(known);
        s.interaction = person;
        QVERIFY(!version(s).startsWith(QLatin1String("error")));
        QCOMPARE(person->hostKeys.size(), 1);
        QCOMPARE(person->hostKeys[0].fingerprint, m_ssh.value(QStringLiteral("WHARF_TEST_SSH_FINGERPRINT")));
        QCOMPARE(person->hostKeys[0].keyType, QStringLiteral("ssh-ed25519"));
        QCOMPARE(person->hostKeys[0].port, quint16(port().toUInt()));
        // Saved as OpenSSH writes it, and trusted from then on without a question.
        QCOMPARE(readText(known).trimmed(), readText(dir() + QStringLiteral("/known_hosts.good")).trimmed());
        QVERIFY(!version(s).startsWith(QLatin1String("error")));
        QCOMPARE(person->hostKeys.size(), 1);
        // OpenSSH agrees with what was saved.
        QProcess ssh;
        ssh.start(QStringLiteral("ssh"), {QStringLiteral("-T"), QStringLiteral("-o"), QStringLiteral("BatchMode=yes"), QStringLiteral("-o"),
                                          QStringLiteral("StrictHostKeyChecking=yes"), QStringLiteral("-o"), QStringLiteral("UserKnownHostsFile=") + known,
                                          QStringLiteral("-i"), dir() + QStringLiteral("/id_ed25519"), QStringLiteral("-p"), port(),
                                          QStringLiteral("127.0.0.1"), QStringLiteral("true")});
        QVERIFY(ssh.waitForFinished(30000));
        QVERIFY2(ssh.exitCode() == 0, ssh.readAllStandardError().constData());
    }

    void refusedHostKeyIsNotSaved()
    {
        const QString known = knownHosts(QStringLiteral("refused"));
        auto person = std::make_shared<ScriptedPerson>();
        person->trust = false;
        SshSettings s = settings(known);
        s.interaction = person;
        const QString r = version(s);
        QVERIFY2(r.contains(QLatin1String("chose not to trust")), qPrintable(r));
        QVERIFY(!QFile::exists(known));
    }

    void changedHostKeyIsRefusedOutright()
    {
        const QString known = knownHosts(QStringLiteral("changed"), QStringLiteral("known_hosts.changed"));
        auto person = std::make_shared<ScriptedPerson>();
        SshSettings s = settings(known);
        s.interaction = person;
        s.acceptNewHostKey = true; // not even this lets a changed key through
        const QString r = version(s);
        QVERIFY2(r.contains(QLatin1String("has changed")), qPrintable(r));
        QVERIFY2(r.contains(QLatin1String("forget-key")), qPrintable(r));
        QVERIFY(person->hostKeys.isEmpty());
        const QString before = readText(known);
        QCOMPARE(readText(known), before);
        // Forgetting the old key is a separate step; after it the host is unknown again.
        auto removed = KnownHosts::remove(known, QStringLiteral("127.0.0.1"), quint16(port().toUInt()));
        QVERIFY(removed);
        QCOMPARE(*removed, 1);
        QVERIFY(!version(s).startsWith(QLatin1String("error")));
    }

    void hashedKnownHostsAndImportedFilesCount()
    {
        // ~/.ssh/known_hosts is only read: a hashed entry there is enough, and nothing is written.
        const QString imported = knownHosts(QStringLiteral("imported"), QStringLiteral("known_hosts.good"));
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-H"), QStringLiteral("-f"), imported});
        QVERIFY(keygen.waitForFinished(10000) && keygen.exitCode() == 0);
        QVERIFY(readText(imported).startsWith(QLatin1String("|1|")));
        const QString own = knownHosts(QStringLiteral("own-empty"));
        SshSettings s = settings(own);
        s.importedKnownHosts = {imported};
        QVERIFY(!version(s).startsWith(QLatin1String("error")));
        QVERIFY(!QFile::exists(own));
        QCOMPARE(*KnownHosts::remove(imported, QStringLiteral("127.0.0.1"), quint16(port().toUInt())), 1);
    }

    void callsShareOneSession()
    {
        const QString known = knownHosts(QStringLiteral("shared"), QStringLiteral("known_hosts.good"));
        auto ep = endpoint(settings(known));
        QVERIFY(ep);
        const int before = acceptedLogins();
        DockerClient c(*ep);
        // A stream and several calls at once: one SSH login, one channel each.
        EventOptions o;
        DockerJob *events = c.events(o);
        QSignalSpy started(events, &DockerJob::started);
        QList<DockerJob *> jobs{c.version(), c.listContainers(true), c.info(), c.listVolumes(), c.listNetworks()};
        for (DockerJob *j : jobs) {
            QSignalSpy spy(j, &DockerJob::finished);
            if (!j->isFinished())
                QVERIFY(spy.wait(30000));
            QVERIFY2(!j->isError(), qPrintable(j->error().message));
        }
        QVERIFY(started.count() > 0 || started.wait(10000));
        // An event arrives through the open stream while other calls run.
        // (Other tests share the daemon: their events come through too.)
        QByteArray seen;
        connect(events, &DockerJob::dataReceived, this, [&seen](const QByteArray &d) { seen += d; });
        QCOMPARE(TestSupport::wharfctl({QStringLiteral("volume"), QStringLiteral("create"), QStringLiteral("ssh-event-vol")}).code, 0);
        QTRY_VERIFY_WITH_TIMEOUT(seen.contains("ssh-event-vol"), 15000);
        events->abort();
        QCOMPARE(TestSupport::wharfctl({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("ssh-event-vol")}).code, 0);
        QTRY_COMPARE_WITH_TIMEOUT(acceptedLogins(), before + 1, 5000);
    }

    void ecdsaKeyWithPassphraseKeptInTheKeychain()
    {
        const QString known = knownHosts(QStringLiteral("ecdsa"), QStringLiteral("known_hosts.good"));
        const QString passphrase = readText(dir() + QStringLiteral("/id_ecdsa.passphrase"));
        QVERIFY(!passphrase.isEmpty());
        MemorySecretBackend backend;
        CredentialStore store(&backend);
        auto person = std::make_shared<ScriptedPerson>();
        person->answers = {QStringLiteral("not the passphrase"), passphrase};
        person->remember = true;
        SshSettings s = settings(known, QStringLiteral("id_ecdsa"));
        s.interaction = person;
        s.credentials = &store;
        QVERIFY(!version(s).startsWith(QLatin1String("error")));
        QCOMPARE(person->secrets.size(), 2);
        QCOMPARE(person->secrets[0].kind, SshInteraction::SecretKind::KeyPassphrase);
        QVERIFY(!person->secrets[0].retry);
        QVERIFY(person->secrets[1].retry);
        QVERIFY(person->secrets[1].keyFile.endsWith(QLatin1String("id_ecdsa")));
        // Kept in the keychain (and nowhere else): the next connection asks nothing.
        QTRY_VERIFY(!backend.entries().isEmpty());
        QCOMPARE(backend.entries().value(SshSettings::passphraseKey(dir() + QStringLiteral("/id_ecdsa"))), passphrase.toUtf8());
        QVERIFY(!version(s).startsWith(QLatin1String("error")));
        QCOMPARE(person->secrets.size(), 2);
        // Cancelled: a clear failure naming the key.
        auto nobody = std::make_shared<ScriptedPerson>();
        SshSettings s2 = settings(known, QStringLiteral("id_ecdsa"));
        s2.interaction = nobody;
        const QString r = version(s2);
        QVERIFY2(r.contains(QLatin1String("Authentication to")), qPrintable(r));
        QVERIFY2(r.contains(QLatin1String("No passphrase was given")), qPrintable(r));
        // Declined once, not asked again by the same session (reconnects in the background).
        auto ep = endpoint(s2);
        DockerClient c(*ep);
        for (int i = 0; i < 2; ++i) {
            DockerJob *j = c.version();
            QSignalSpy spy(j, &DockerJob::finished);
            QVERIFY(j->isFinished() || spy.wait(30000));
            QVERIFY(j->isError());
            c.resetNegotiation();
        }
        QCOMPARE(nobody->secrets.size(), 2); // one for version() above, one for this client
    }

    // Password last, kept only in the keychain (sshd reads a private /etc/shadow copy).
    void passwordAuthentication()
    {
        const QString pport = m_ssh.value(QStringLiteral("WHARF_TEST_SSH_PASSWORD_PORT"));
        QVERIFY2(!pport.isEmpty(), "the sshd fixture has no password port: it needs root and a mount namespace (unshare)");
        const QString password = readText(dir() + QStringLiteral("/password"));
        QVERIFY(!password.isEmpty());
        const QString u = url(pport);
        MemorySecretBackend backend;
        CredentialStore store(&backend);
        auto person = std::make_shared<ScriptedPerson>();
        person->answers = {QStringLiteral("wrong"), password};
        person->remember = true;
        SshSettings s = settings(knownHosts(QStringLiteral("password")), QStringLiteral("id_stranger"));
        s.acceptNewHostKey = true;
        s.interaction = person;
        s.credentials = &store;
        const QString r = version(s, u);
        QVERIFY2(!r.startsWith(QLatin1String("error")), qPrintable(r));
        QCOMPARE(person->secrets.size(), 2);
        QCOMPARE(person->secrets[0].kind, SshInteraction::SecretKind::Password);
        QVERIFY(person->secrets[1].retry);
        const QString key = SshSettings::passwordKey(Endpoint::parse(u)->sshTarget());
        QTRY_COMPARE(backend.entries().value(key), password.toUtf8());
        // Next time from the keychain, without a question.
        QVERIFY(!version(s, u).startsWith(QLatin1String("error")));
        QCOMPARE(person->secrets.size(), 2);
        // A stale password in the keychain is dropped and asked for again.
        backend.writeEntry(key, "stale", [](const Error &) {});
        person->answers = {password};
        QVERIFY(!version(s, u).startsWith(QLatin1String("error")));
        QCOMPARE(person->secrets.size(), 3);
        QVERIFY(person->secrets[2].retry);
        QTRY_COMPARE(backend.entries().value(key), password.toUtf8());
        // Wrong three times: the failure lists what was tried.
        auto wrong = std::make_shared<ScriptedPerson>();
        wrong->answers = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        SshSettings w = s;
        w.interaction = wrong;
        w.credentials = nullptr;
        const QString f = version(w, u);
        QVERIFY2(f.contains(QLatin1String("Tried:")) && f.contains(QLatin1String("password")), qPrintable(f));
        QCOMPARE(wrong->secrets.size(), 3);
    }

    void agentKeys()
    {
        const QString known = knownHosts(QStringLiteral("agent"), QStringLiteral("known_hosts.good"));
        qputenv("SSH_AUTH_SOCK", m_ssh.value(QStringLiteral("WHARF_TEST_SSH_AGENT")).toUtf8());
        SshSettings s = settings(known, QStringLiteral("id_stranger"));
        s.useAgent = true;
        const QString r = version(s);
        qunsetenv("SSH_AUTH_SOCK");
        QVERIFY2(!r.startsWith(QLatin1String("error")), qPrintable(r));
    }

    // An agent that never answers (one waiting for a confirmation) must not freeze the thread:
    // the event loop keeps running and the connect timeout ends the attempt with a reason.
    void silentAgentDoesNotBlock()
    {
        QLocalServer agent;
        QVERIFY(agent.listen(m_tmp.filePath(QStringLiteral("silent-agent.sock"))));
        QList<QLocalSocket *> held;
        connect(&agent, &QLocalServer::newConnection, &agent, [&] { held << agent.nextPendingConnection(); });
        qputenv("SSH_AUTH_SOCK", agent.fullServerName().toUtf8());
        SshSettings s = settings(knownHosts(QStringLiteral("silent-agent"), QStringLiteral("known_hosts.good")), QStringLiteral("id_stranger"));
        s.useAgent = true;
        s.connectTimeoutMs = 2000;
        QElapsedTimer clock;
        qint64 last = 0, longestGap = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, &tick, [&] {
            longestGap = std::max(longestGap, clock.elapsed() - last);
            last = clock.elapsed();
        });
        clock.start();
        tick.start(20);
        const QString r = version(s);
        qunsetenv("SSH_AUTH_SOCK");
        QVERIFY2(r.contains(QLatin1String("did not finish within 2 s")), qPrintable(r));
        QVERIFY(!held.isEmpty()); // the agent was asked
        QVERIFY2(longestGap < 500, qPrintable(QString::number(longestGap)));
    }

    void authenticationFailuresSayWhatWasTried()
    {
        const QString known = knownHosts(QStringLiteral("auth"), QStringLiteral("known_hosts.good"));
        const QString r = version(settings(known, QStringLiteral("id_stranger")));
        QVERIFY2(r.contains(QLatin1String("Authentication to")), qPrintable(r));
        QVERIFY2(r.contains(QLatin1String("id_stranger")), qPrintable(r));
        QVERIFY2(r.contains(QLatin1String("The server accepts: publickey")), qPrintable(r));
        // RSA through libssh2 1.10: skipped with the reason and the way out.
        const QString rsa = version(settings(known, QStringLiteral("id_rsa")));
        QVERIFY2(rsa.contains(QLatin1String("RSA")) && rsa.contains(QLatin1String("system ssh client")), qPrintable(rsa));
        const QString missing = version(settings(known, QStringLiteral("no-such-key")));
        QVERIFY2(missing.contains(QLatin1String("does not exist")), qPrintable(missing));
    }

    void connectionErrorsAreClear_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("expected");
        QTest::newRow("dns") << QStringLiteral("ssh://root@wharf-test-no-such-host.invalid") << QStringLiteral("Cannot resolve");
        QTest::newRow("refused") << QStringLiteral("ssh://root@127.0.0.1:1") << QStringLiteral("refused");
    }
    void connectionErrorsAreClear()
    {
        QFETCH(QString, address);
        QFETCH(QString, expected);
        const QString r = version(settings(knownHosts(QStringLiteral("errors"))), address);
        QVERIFY2(r.contains(expected), qPrintable(r));
    }

    void notAnSshServer()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        connect(&server, &QTcpServer::newConnection, &server, [&server] {
            QTcpSocket *s = server.nextPendingConnection();
            s->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            s->disconnectFromHost();
        });
        const QString r = version(settings(knownHosts(QStringLiteral("http"))),
                                  QStringLiteral("ssh://root@127.0.0.1:%1").arg(server.serverPort()));
        QVERIFY2(r.startsWith(QLatin1String("error")), qPrintable(r));
        QVERIFY2(r.contains(QLatin1String("SSH")), qPrintable(r));
    }

    void silentServerTimesOut()
    {
        // Accepts, then says nothing: the handshake times out instead of hanging.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        SshSettings s = settings(knownHosts(QStringLiteral("silent")));
        s.connectTimeoutMs = 1500;
        const QString r = version(s, QStringLiteral("ssh://root@127.0.0.1:%1").arg(server.serverPort()));
        QVERIFY2(r.contains(QLatin1String("handshake")), qPrintable(r));
    }

    void remoteWithoutDockerOrDaemon()
    {
        const QString known = knownHosts(QStringLiteral("nodocker"));
        SshSettings s = settings(known);
        s.acceptNewHostKey = true;
        const QString noDocker = version(s, url(m_ssh.value(QStringLiteral("WHARF_TEST_SSH_NODOCKER_PORT"))));
        QVERIFY2(noDocker.contains(QLatin1String("has no docker command")), qPrintable(noDocker));
        const QString noDaemon = version(settings(knownHosts(QStringLiteral("nodaemon"), QStringLiteral("known_hosts.good"))),
                                         url({}, m_tmp.filePath(QStringLiteral("no-daemon.sock"))));
        QVERIFY2(noDaemon.contains(QLatin1String("cannot reach its daemon")), qPrintable(noDaemon));
        // An SSH user who may not use the socket (the fixture runs that port's commands as nobody).
        const QString noPermPort = m_ssh.value(QStringLiteral("WHARF_TEST_SSH_NOPERM_PORT"));
        QVERIFY2(!noPermPort.isEmpty(), "the sshd fixture has no unprivileged port: it needs root and setpriv");
        const QString noPerm = version(s, url(noPermPort));
        QVERIFY2(noPerm.contains(QLatin1String("may not use the Docker socket")), qPrintable(noPerm));
    }

    void systemSshClient()
    {
        SshSettings s = settings(knownHosts(QStringLiteral("openssh"), QStringLiteral("known_hosts.good")), QStringLiteral("id_rsa"));
        s.systemSsh = true;
        const QString r = version(s);
        QVERIFY2(!r.startsWith(QLatin1String("error")), qPrintable(r)); // RSA works through OpenSSH
        // Same host-key rules.
        SshSettings unknown = settings(knownHosts(QStringLiteral("openssh-unknown")));
        unknown.systemSsh = true;
        const QString u = version(unknown);
        QVERIFY2(u.contains(QLatin1String("is not known")), qPrintable(u));
        SshSettings changed = settings(knownHosts(QStringLiteral("openssh-changed"), QStringLiteral("known_hosts.changed")));
        changed.systemSsh = true;
        changed.acceptNewHostKey = true;
        const QString c = version(changed);
        QVERIFY2(c.contains(QLatin1String("has changed")), qPrintable(c));
        SshSettings stranger = settings(knownHosts(QStringLiteral("openssh-auth"), QStringLiteral("known_hosts.good")), QStringLiteral("id_stranger"));
        stranger.systemSsh = true;
        const QString a = version(stranger);
        QVERIFY2(a.contains(QLatin1String("Authentication to")), qPrintable(a));
    }

    void wharfctlHostKeyRules()
    {
        const QString known = knownHosts(QStringLiteral("ctl"));
        const QStringList common{QStringLiteral("--known-hosts"), known, QStringLiteral("--ssh-key"), dir() + QStringLiteral("/id_ed25519")};
        auto r = TestSupport::wharfctl(common + QStringList{QStringLiteral("version")}, url());
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(m_ssh.value(QStringLiteral("WHARF_TEST_SSH_FINGERPRINT"))), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("--accept-new-host-key")), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1); // one line
        r = TestSupport::wharfctl(common + QStringList{QStringLiteral("--accept-new-host-key"), QStringLiteral("version")}, url());
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("Server")));
        QCOMPARE(readText(known).trimmed(), readText(dir() + QStringLiteral("/known_hosts.good")).trimmed());
        r = TestSupport::wharfctl(common + QStringList{QStringLiteral("version")}, url());
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // A changed key always fails, with or without the flag.
        const QString changed = knownHosts(QStringLiteral("ctl-changed"), QStringLiteral("known_hosts.changed"));
        r = TestSupport::wharfctl({QStringLiteral("--known-hosts"), changed, QStringLiteral("--accept-new-host-key"), QStringLiteral("--ssh-key"),
                                   dir() + QStringLiteral("/id_ed25519"), QStringLiteral("ps")},
                                  url());
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("has changed")), qPrintable(r.err));
        // forget-key is the deliberate way out.
        r = TestSupport::wharfctl({QStringLiteral("--known-hosts"), changed, QStringLiteral("host"), QStringLiteral("forget-key"),
                                   QStringLiteral("127.0.0.1:") + port()},
                                  QString());
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("Removed 1 key")), qPrintable(r.out + r.err));
        QVERIFY(readText(changed).trimmed().isEmpty());
    }

    void wharfctlWorksOverSsh()
    {
        const QStringList common{QStringLiteral("--known-hosts"), knownHosts(QStringLiteral("ctl-work"), QStringLiteral("known_hosts.good")),
                                 QStringLiteral("--ssh-key"), dir() + QStringLiteral("/id_ed25519")};
        auto r = TestSupport::wharfctl(common + QStringList{QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("over-ssh"),
                                                          TestSupport::testImage(), QStringLiteral("sh"), QStringLiteral("-c"),
                                                          QStringLiteral("echo started; sleep 120")},
                                       url());
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // exec upgrades the connection (101) inside the SSH channel.
        r = TestSupport::wharfctl(common + QStringList{QStringLiteral("exec"), QStringLiteral("over-ssh"), QStringLiteral("echo"), QStringLiteral("hello over ssh")}, url());
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), QStringLiteral("hello over ssh"));
        r = TestSupport::wharfctl(common + QStringList{QStringLiteral("exec"), QStringLiteral("over-ssh"), QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("exit 7")}, url());
        QCOMPARE(r.code, 7);
        r = TestSupport::wharfctl(common + QStringList{QStringLiteral("logs"), QStringLiteral("over-ssh")}, url());
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("started")), qPrintable(r.out + r.err));
        // The system ssh client carries the same calls (and RSA keys).
        r = TestSupport::wharfctl({QStringLiteral("--known-hosts"), knownHosts(QStringLiteral("ctl-openssh"), QStringLiteral("known_hosts.good")),
                                   QStringLiteral("--ssh-key"), dir() + QStringLiteral("/id_rsa"), QStringLiteral("--ssh-client"), QStringLiteral("openssh"),
                                   QStringLiteral("ps"), QStringLiteral("-a")},
                                  url());
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("over-ssh")), qPrintable(r.out + r.err));
        r = TestSupport::wharfctl(common + QStringList{QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("over-ssh")}, url());
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // Bad flag values are usage errors.
        r = TestSupport::wharfctl({QStringLiteral("--ssh-client"), QStringLiteral("putty"), QStringLiteral("ps")}, url());
        QCOMPARE(r.code, 2);
    }

    void savedSshHost()
    {
        auto r = TestSupport::wharfctl({QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("ssh-lab"), url(), QStringLiteral("--ssh-key"),
                                        dir() + QStringLiteral("/id_ed25519")},
                                       QString());
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // The console's own known_hosts (in the config folder) learns the key once.
        r = TestSupport::wharfctl({QStringLiteral("version")}, QStringLiteral("ssh-lab"));
        QCOMPARE(r.code, 1);
        r = TestSupport::wharfctl({QStringLiteral("--accept-new-host-key"), QStringLiteral("version")}, QStringLiteral("ssh-lab"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString own = m_tmp.filePath(QStringLiteral("config/known_hosts"));
        QVERIFY(readText(own).contains(QStringLiteral("[127.0.0.1]:") + port()));
        r = TestSupport::wharfctl({QStringLiteral("host"), QStringLiteral("test"), QStringLiteral("ssh-lab")}, QString());
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("Connected to ssh://")), qPrintable(r.out + r.err));
        r = TestSupport::wharfctl({QStringLiteral("host"), QStringLiteral("forget-key"), QStringLiteral("ssh-lab")}, QString());
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(!readText(own).contains(QStringLiteral("[127.0.0.1]:") + port()));
        QCOMPARE(TestSupport::wharfctl({QStringLiteral("host"), QStringLiteral("rm"), QStringLiteral("ssh-lab")}, QString()).code, 0);
    }
};

QTEST_GUILESS_MAIN(TestSsh)
#include "tst_ssh.moc"
