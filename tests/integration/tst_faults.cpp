#include "docker/dockerclient.h"
#include "hosts/hostconnection.h"
#include "inventory/containerlistmodel.h"
#include "logs/logfollower.h"
#include "logs/logmodel.h"
#include "monitoring/statsfeed.h"
#include "tasks/taskmodel.h"
#include "httppeer.h"
#include "testsupport.h"

#include <QLocalServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QLocalSocket>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Wharf::Backends;
using namespace Wharf::Models;

namespace {

// A peer on a real unix socket that answers like a Docker Engine for /_ping and a container
// inspect, and with the bytes it is given for everything else: the daemon never sends broken
// HTTP, so this is how the client meets it.
class BrokenDaemon : public QObject
{
public:
    explicit BrokenDaemon(const QString &path)
    {
        QLocalServer::removeServer(path);
        m_server.listen(path);
        TestSupport::serveRequests(&m_server, [this](QLocalSocket *s, const QByteArray &target) {
            if (target == "/_ping") {
                s->write("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\n\r\nOK");
            } else if (target.endsWith("/containers/broken/json")) {
                const QByteArray body = R"({"Id":"broken","Config":{"Tty":false}})";
                s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                         + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            } else {
                s->write(m_answer);
                s->flush();
                if (m_closeAfter) {
                    s->disconnectFromServer();
                    return false;
                }
            }
            return true;
        });
    }
    void answer(const QByteArray &bytes, bool closeAfter)
    {
        m_answer = bytes;
        m_closeAfter = closeAfter;
    }
    QString url() const { return QStringLiteral("unix://") + m_server.fullServerName(); }

private:
    QLocalServer m_server;
    QByteArray m_answer;
    bool m_closeAfter = true;
};

QByteArray frameHeader(quint8 stream, quint32 size)
{
    QByteArray h(8, '\0');
    h[0] = char(stream);
    h[4] = char(size >> 24);
    h[5] = char(size >> 16);
    h[6] = char(size >> 8);
    h[7] = char(size);
    return h;
}

// A TCP front for the daemon's unix socket that can go silent without closing anything, as a
// network that drops packets does.
class FreezingProxy : public QObject
{
public:
    // To the daemon's unix socket, or (tcpPort) to a TCP port on loopback such as sshd's.
    explicit FreezingProxy(const QString &socketPath, quint16 tcpPort = 0)
        : m_path(socketPath)
        , m_port(tcpPort)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection()) {
                QIODevice *daemon = nullptr;
                auto closeClient = [this, client] {
                    if (!m_frozen)
                        client->disconnectFromHost();
                };
                if (m_port) {
                    auto *t = new QTcpSocket(client);
                    t->connectToHost(QHostAddress::LocalHost, m_port);
                    daemon = t;
                    connect(t, &QTcpSocket::disconnected, client, closeClient);
                } else {
                    auto *l = new QLocalSocket(client);
                    l->connectToServer(m_path);
                    daemon = l;
                    connect(l, &QLocalSocket::disconnected, client, closeClient);
                }
                auto move = [this, client, daemon] {
                    if (m_frozen)
                        return;
                    if (client->bytesAvailable())
                        daemon->write(client->readAll());
                    if (daemon->bytesAvailable())
                        client->write(daemon->readAll());
                };
                connect(client, &QTcpSocket::readyRead, daemon, move);
                connect(daemon, &QIODevice::readyRead, client, move);
                if (auto *t = qobject_cast<QTcpSocket *>(daemon))
                    connect(t, &QTcpSocket::connected, client, move);
                else if (auto *l = qobject_cast<QLocalSocket *>(daemon))
                    connect(l, &QLocalSocket::connected, client, move);
                connect(this, &QObject::objectNameChanged, client, move); // thaw
                connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QString url() const { return QStringLiteral("tcp://127.0.0.1:%1").arg(m_server.serverPort()); }
    void freeze() { m_frozen = true; }
    void thaw()
    {
        m_frozen = false;
        setObjectName(objectName() + QLatin1Char('x')); // wakes every pump
    }

private:
    QTcpServer m_server;
    QString m_path;
    quint16 m_port = 0;
    bool m_frozen = false;
};

QStringList keys(const LogModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r) {
        const QModelIndex i = m.index(r);
        out << i.data(LogModel::TimestampRole).toString() + QLatin1Char('|') + i.data(LogModel::StreamRole).toString()
                + QLatin1Char('|') + i.data(LogModel::TextRole).toString();
    }
    return out;
}

// A wharfctl that runs while the test goes on (streams).
struct Background
{
    QProcess p;
    void start(const QStringList &args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        env.remove(QStringLiteral("DOCKER_HOST"));
        p.setProcessEnvironment(env);
        p.start(TestSupport::binaryDir() + QStringLiteral("/app/wharfctl"), args);
    }
};

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT
private:
    TestSupport::OwnDaemon m_daemon{QStringLiteral("faults")};
    QString m_host;
    QTemporaryDir m_config;

    QMap<QString, QString> sshEnv() const
    {
        return TestSupport::readEnvFile(sshState() + QStringLiteral("/env"));
    }
    static QString sshState() { return qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/sshd-faults"); }
    static bool sshd(const QString &command)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedChannels);
        p.start(QStringLiteral("bash"), {TestSupport::sourceDir() + QStringLiteral("/tests/fixtures/sshd.sh"), command, sshState()});
        return p.waitForFinished(60000) && p.exitCode() == 0;
    }
    QString sshDir() const { return sshEnv().value(QStringLiteral("WHARF_TEST_SSH_DIR")); }
    QString sshUrl(const QString &socket, int port = 0) const
    {
        return QStringLiteral("ssh://%1@127.0.0.1:%2%3")
            .arg(sshEnv().value(QStringLiteral("WHARF_TEST_SSH_USER")))
            .arg(port ? QString::number(port) : sshEnv().value(QStringLiteral("WHARF_TEST_SSH_PORT")))
            .arg(socket);
    }
    // The console's known_hosts (WHARF_CONFIG_DIR) trusting the private sshd, also behind
    // a proxy port.
    QString trustedKnownHosts(int extraPort = 0) const
    {
        const QString file = m_config.filePath(QStringLiteral("known_hosts"));
        QFile pub(sshDir() + QStringLiteral("/host_ed25519_key.pub"));
        if (!pub.open(QIODevice::ReadOnly))
            return file;
        const QByteArray key = pub.readAll().split(' ').mid(0, 2).join(' ');
        QFile f(file);
        if (f.open(QIODevice::WriteOnly)) {
            f.write("[127.0.0.1]:" + sshEnv().value(QStringLiteral("WHARF_TEST_SSH_PORT")).toUtf8() + ' ' + key + '\n');
            if (extraPort)
                f.write("[127.0.0.1]:" + QByteArray::number(extraPort) + ' ' + key + '\n');
        }
        return file;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qputenv("WHARF_CONFIG_DIR", m_config.path().toUtf8());
        qunsetenv("SSH_AUTH_SOCK");
        QVERIFY2(!sshDir().isEmpty(), "the sshd fixture is not running");
        trustedKnownHosts();
        QVERIFY(m_daemon.start());
        m_host = m_daemon.host();
        QVERIFY(!m_host.isEmpty());
    }
    void cleanupTestCase() { m_daemon.stopIfOurs(); }

    // The daemon dies while the console follows a container's logs and stats and wharfctl
    // streams logs, stats and events. wharfctl ends each with one error line; the console shows
    // the host down and resumes by itself when the daemon is back, with no line twice or lost.
    void daemonKilledDuringStreams_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("unix socket") << QStringLiteral("unix");
        QTest::newRow("TLS host") << QStringLiteral("tls");
        QTest::newRow("SSH host") << QStringLiteral("ssh");
    }
    void daemonKilledDuringStreams()
    {
        QFETCH(QString, kind);
        const bool tls = kind == QLatin1String("tls");
        const auto run = TestSupport::wharfctl({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("ft-log"),
                                                QStringLiteral("--restart"), QStringLiteral("always"), TestSupport::testImage(), QStringLiteral("sh"),
                                                QStringLiteral("-c"), QStringLiteral("i=0; while true; do echo \"tick $i\"; echo \"warn $i\" >&2; i=$((i+1)); sleep 0.05; done")},
                                               m_host);
        QCOMPARE(run.code, 0);
        const QString id = run.out.trimmed();

        TaskModel tasks;
        HostConfig cfg;
        cfg.id = QStringLiteral("faults");
        cfg.name = QStringLiteral("faults");
        cfg.url = m_host;
        if (tls) {
            // The same daemon through its --tlsverify port: the console reconnects over TLS.
            const auto env = m_daemon.env();
            const QString certs = env.value(QStringLiteral("WHARF_TEST_CERT_PATH"));
            cfg.url = env.value(QStringLiteral("WHARF_TEST_TLS_HOST"));
            cfg.useTls = true;
            cfg.tls = {certs + QStringLiteral("/ca.pem"), certs + QStringLiteral("/cert.pem"), certs + QStringLiteral("/key.pem"), {}, true};
        }
        QStringList ctlHost{QStringLiteral("-H"), m_host};
        if (kind == QLatin1String("ssh")) {
            // The same daemon through the private sshd; wharfctl's streams go over SSH too.
            cfg.url = sshUrl(QUrl(m_host).path());
            cfg.sshIdentityFile = sshDir() + QStringLiteral("/id_ed25519");
            ctlHost = QStringList{QStringLiteral("-H"), cfg.url, QStringLiteral("--known-hosts"), trustedKnownHosts(), QStringLiteral("--ssh-key"),
                                  cfg.sshIdentityFile};
        }
        HostConnection host(cfg, &tasks);
        host.setBackoff(200, 1000);
        host.connectToHost();
        QTRY_COMPARE_WITH_TIMEOUT(host.state(), HostConnection::Up, 15000);
        QVERIFY(host.client()->endpoint().usesTls() == tls);
        QTRY_VERIFY_WITH_TIMEOUT(host.containers()->row(id) && host.containers()->row(id)->state == QLatin1String("running"), 10000);

        LogModel logs(200000);
        LogFollower follower(&host, id, &logs);
        follower.start(true);
        StatsMonitor stats(&host);
        stats.watch({id});
        QTRY_VERIFY_WITH_TIMEOUT(logs.rowCount() > 20, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(host.containers()->row(id)->hasStats, 10000);

        Background ctlLogs, ctlStats, ctlEvents;
        ctlLogs.start(ctlHost + QStringList{QStringLiteral("logs"), QStringLiteral("-f"), QStringLiteral("ft-log")});
        ctlStats.start(ctlHost + QStringList{QStringLiteral("stats"), QStringLiteral("ft-log")});
        ctlEvents.start(ctlHost + QStringList{QStringLiteral("events")});
        for (Background *b : {&ctlLogs, &ctlStats, &ctlEvents})
            QVERIFY(b->p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(ctlLogs.p.bytesAvailable() > 0 || ctlLogs.p.state() != QProcess::Running, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(ctlStats.p.bytesAvailable() > 0 || ctlStats.p.state() != QProcess::Running, 10000);
        {
            // events is connected once it shows an event made after it started (over SSH it
            // may still be connecting when the first is made: make another until one shows)
            DockerClient direct(*Endpoint::parse(m_host));
            bool shown = false;
            for (int i = 0; i < 20 && !shown; ++i) {
                const QString volume = QStringLiteral("ft-events-%1-%2").arg(kind).arg(i);
                QSignalSpy made(direct.createVolume({{QStringLiteral("Name"), volume}}), &DockerJob::finished);
                QVERIFY(made.wait(10000));
                shown = QTest::qWaitFor([&] { return ctlEvents.p.bytesAvailable() > 0; }, 1000);
                QSignalSpy gone(direct.removeVolume(volume), &DockerJob::finished);
                QVERIFY(gone.wait(10000));
            }
            QVERIFY2(shown, "wharfctl events showed none of the events made after it started");
        }

        QVERIFY(TestSupport::fixture(QStringLiteral("kill"), m_daemon.dir()));
        QTRY_COMPARE_WITH_TIMEOUT(host.state(), HostConnection::Down, 10000);
        QVERIFY(!host.reason().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!follower.status().isEmpty(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!host.containers()->row(id)->hasStats, 10000);
        const int linesBefore = logs.rowCount();

        for (Background *b : {&ctlLogs, &ctlStats, &ctlEvents}) {
            QTRY_COMPARE_WITH_TIMEOUT(b->p.state(), QProcess::NotRunning, 15000);
            const QString err = QString::fromUtf8(b->p.readAllStandardError());
            QCOMPARE(b->p.exitCode(), 1);
            // logs -f also copies the container's stderr ("warn N"): the error is the one last line.
            const QStringList lines = err.trimmed().split(QLatin1Char('\n'));
            QVERIFY2(lines.last().startsWith(QLatin1String("Error: ")) && lines.filter(QStringLiteral("Error: ")).size() == 1,
                     qPrintable(lines.last()));
            if (b != &ctlLogs)
                QCOMPARE(lines.size(), 1);
        }

        QVERIFY(TestSupport::fixture(QStringLiteral("revive"), m_daemon.dir()));
        QTRY_COMPARE_WITH_TIMEOUT(host.state(), HostConnection::Up, 30000);
        // restart=always brings the container back; the console follows it again by itself.
        QTRY_VERIFY_WITH_TIMEOUT(follower.resumeCount() >= 1 && logs.rowCount() > linesBefore + 40, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(host.containers()->row(id) && host.containers()->row(id)->hasStats, 20000);
        QVERIFY2(follower.status().isEmpty(), qPrintable(follower.status()));
        follower.stop();

        // What the console shows is exactly the daemon's log, in order, without repeats.
        const QStringList shown = keys(logs);
        QCOMPARE(QSet<QString>(shown.begin(), shown.end()).size(), shown.size());
        DockerClient client(*Endpoint::parse(m_host));
        LogOptions o;
        o.timestamps = true;
        DockerJob *all = client.containerLogs(id, o);
        LogModel full(1000000);
        full.setTimestamped(true);
        connect(all, &DockerJob::dataReceived, &full, [&full](const QByteArray &d) { full.appendRaw(d, false); });
        QSignalSpy done(all, &DockerJob::finished);
        QVERIFY(done.wait(30000));
        QVERIFY2(!all->isError(), qPrintable(all->error().message));
        // Everything the daemon logged up to the newest line shown is there, and nothing else.
        QString newest;
        for (const auto &k : shown)
            newest = std::max(newest, k.section(QLatin1Char('|'), 0, 0));
        auto before = [&newest](const QStringList &l) {
            QStringList out;
            for (const auto &k : l)
                if (k.section(QLatin1Char('|'), 0, 0) < newest)
                    out << k;
            std::sort(out.begin(), out.end());
            return out;
        };
        const QStringList got = before(shown);
        const QStringList expected = before(keys(full));
        QVERIFY(got.size() > 100);
        QCOMPARE(got, expected);
        QVERIFY(shown.filter(QStringLiteral("|1|tick 0")).size() >= 2); // both runs are there

        QCOMPARE(TestSupport::wharfctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("ft-log")}, m_host).code, 0);
    }

    // A network that goes silent (no FIN, no RST): the event stream looks open forever, so only
    // the heartbeat notices. The host goes down, and comes back once packets flow again.
    void silentNetworkIsNoticedByTheHeartbeat_data()
    {
        QTest::addColumn<bool>("ssh");
        QTest::newRow("tcp") << false;
        QTest::newRow("SSH host") << true; // the SSH session itself goes silent and is replaced
    }
    void silentNetworkIsNoticedByTheHeartbeat()
    {
        QFETCH(bool, ssh);
        FreezingProxy proxy(QUrl(m_host).path(), ssh ? quint16(sshEnv().value(QStringLiteral("WHARF_TEST_SSH_PORT")).toUInt()) : 0);
        TaskModel tasks;
        HostConfig cfg;
        cfg.id = QStringLiteral("silent");
        cfg.name = QStringLiteral("silent");
        cfg.url = proxy.url();
        cfg.labMode = true; // plain tcp:// to loopback, for the proxy
        if (ssh) {
            trustedKnownHosts(proxy.port());
            cfg.url = sshUrl(QUrl(m_host).path(), proxy.port());
            cfg.sshIdentityFile = sshDir() + QStringLiteral("/id_ed25519");
        }
        HostConnection host(cfg, &tasks);
        host.setBackoff(200, 1000);
        host.setHeartbeat(300, 1000);
        host.connectToHost();
        QTRY_COMPARE_WITH_TIMEOUT(host.state(), HostConnection::Up, 15000);
        const int answered = host.heartbeatsAnswered();
        QTRY_VERIFY_WITH_TIMEOUT(host.heartbeatsAnswered() >= answered + 2, 10000);
        QCOMPARE(host.state(), HostConnection::Up); // heartbeats answered, still up
        proxy.freeze();
        QTRY_COMPARE_WITH_TIMEOUT(host.state(), HostConnection::Down, 5000);
        QVERIFY2(host.reason().contains(QLatin1String("heartbeat")), qPrintable(host.reason()));
        proxy.thaw();
        QTRY_COMPARE_WITH_TIMEOUT(host.state(), HostConnection::Up, 15000);
        // Changes while it was away are there.
        QCOMPARE(TestSupport::wharfctl({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("ft-silent"), TestSupport::testImage()}, m_host).code, 0);
        auto listed = [&host] {
            const QStringList ids = host.containers()->ids();
            return std::any_of(ids.cbegin(), ids.cend(), [&](const QString &id) { return host.containers()->row(id)->name == QLatin1String("ft-silent"); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(listed(), 10000);
        QCOMPARE(TestSupport::wharfctl({QStringLiteral("rm"), QStringLiteral("ft-silent")}, m_host).code, 0);
    }

    // sshd itself dies (listener and connections): the SSH host goes down with the reason and
    // comes back when sshd is there again; a wrong socket path says so.
    void sshdKilled()
    {
        TaskModel tasks;
        HostConfig cfg;
        cfg.id = QStringLiteral("sshd-killed");
        cfg.name = QStringLiteral("sshd-killed");
        cfg.url = sshUrl(QUrl(m_host).path());
        cfg.sshIdentityFile = sshDir() + QStringLiteral("/id_ed25519");
        HostConnection host(cfg, &tasks);
        host.setBackoff(200, 1000);
        host.connectToHost();
        QTRY_COMPARE_WITH_TIMEOUT(host.state(), HostConnection::Up, 15000);
        QVERIFY(sshd(QStringLiteral("kill")));
        QTRY_COMPARE_WITH_TIMEOUT(host.state(), HostConnection::Down, 10000);
        QVERIFY2(host.reason().contains(QLatin1String("SSH")) || host.reason().contains(QLatin1String("refused")), qPrintable(host.reason()));
        // While sshd is away, a container appears; after it is back the list has it.
        QCOMPARE(TestSupport::wharfctl({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("ft-sshd"), TestSupport::testImage()}, m_host).code, 0);
        QVERIFY(sshd(QStringLiteral("revive")));
        QTRY_COMPARE_WITH_TIMEOUT(host.state(), HostConnection::Up, 20000);
        auto listed = [&host] {
            const QStringList ids = host.containers()->ids();
            return std::count_if(ids.cbegin(), ids.cend(), [&](const QString &id) { return host.containers()->row(id)->name == QLatin1String("ft-sshd"); });
        };
        QTRY_COMPARE_WITH_TIMEOUT(listed(), 1, 10000);
        QCOMPARE(TestSupport::wharfctl({QStringLiteral("rm"), QStringLiteral("ft-sshd")}, m_host).code, 0);
        QTRY_COMPARE_WITH_TIMEOUT(listed(), 0, 10000);

        HostConfig wrong = cfg;
        wrong.id = QStringLiteral("wrong-socket");
        wrong.url = sshUrl(QStringLiteral("/nonexistent/docker.sock"));
        HostConnection bad(wrong, &tasks);
        bad.connectToHost();
        QTRY_COMPARE_WITH_TIMEOUT(bad.state(), HostConnection::Down, 15000);
        QVERIFY2(bad.reason().contains(QLatin1String("cannot reach its daemon")), qPrintable(bad.reason()));
    }

    void brokenAnswers_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("expected");
        const QByteArray json = "Content-Type: application/json\r\n";
        QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n") << QStringLiteral("HTTP");
        QTest::newRow("truncated body") << QByteArray("HTTP/1.1 200 OK\r\n" + json + "Content-Length: 100\r\n\r\n[{\"Id\":") << QStringLiteral("closed");
        QTest::newRow("truncated chunked") << QByteArray("HTTP/1.1 200 OK\r\n" + json + "Transfer-Encoding: chunked\r\n\r\n5\r\n[{\"Id") << QStringLiteral("closed");
        QTest::newRow("bad chunk size") << QByteArray("HTTP/1.1 200 OK\r\n" + json + "Transfer-Encoding: chunked\r\n\r\nZZ\r\nxx\r\n") << QStringLiteral("chunk");
        QTest::newRow("malformed JSON") << QByteArray("HTTP/1.1 200 OK\r\n" + json + "Content-Length: 10\r\n\r\n[{\"Id\": }]") << QStringLiteral("malformed JSON");
        QTest::newRow("headers without end") << QByteArray("HTTP/1.1 200 OK\r\nX-Filler: " + QByteArray(300 * 1024, 'a')) << QStringLiteral("KiB");
        QTest::newRow("error without JSON") << QByteArray("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\n\r\noops") << QStringLiteral("oops");
    }
    void brokenAnswers()
    {
        QFETCH(QByteArray, answer);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        BrokenDaemon daemon(dir.filePath(QStringLiteral("d.sock")));
        daemon.answer(answer, true);
        DockerClient client(*Endpoint::parse(daemon.url()));
        DockerJob *j = client.listContainers(true);
        QSignalSpy spy(j, &DockerJob::finished);
        QVERIFY(spy.wait(15000));
        QVERIFY(j->isError());
        QVERIFY2(j->error().message.contains(expected, Qt::CaseInsensitive), qPrintable(j->error().message));

        // wharfctl says the same in one line and exits 1, while the peer is still alive.
        Background ctl;
        ctl.start({QStringLiteral("-H"), daemon.url(), QStringLiteral("ps"), QStringLiteral("-a")});
        QTRY_COMPARE_WITH_TIMEOUT(ctl.p.state(), QProcess::NotRunning, 15000);
        const QString err = QString::fromUtf8(ctl.p.readAllStandardError());
        QCOMPARE(ctl.p.exitCode(), 1);
        QVERIFY2(err.startsWith(QLatin1String("Error: ")) && err.count(QLatin1Char('\n')) == 1 && err.contains(expected, Qt::CaseInsensitive),
                 qPrintable(err));
    }

    void oversizedFrame()
    {
        // A log stream whose frame header announces 2 GiB: refused, not allocated.
        QTemporaryDir dir;
        BrokenDaemon daemon(dir.filePath(QStringLiteral("d.sock")));
        QByteArray stream = frameHeader(1, 6) + "hello\n" + frameHeader(1, 0x7fffffff) + QByteArray(4096, 'x');
        daemon.answer("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\n" + stream, false);

        Background ctl;
        ctl.start({QStringLiteral("-H"), daemon.url(), QStringLiteral("logs"), QStringLiteral("-f"), QStringLiteral("broken")});
        QTRY_COMPARE_WITH_TIMEOUT(ctl.p.state(), QProcess::NotRunning, 15000);
        const QString err = QString::fromUtf8(ctl.p.readAllStandardError());
        QCOMPARE(ctl.p.exitCode(), 1);
        QCOMPARE(QString::fromUtf8(ctl.p.readAllStandardOutput()), QStringLiteral("hello\n"));
        QVERIFY2(err.contains(QLatin1String("exceeds the limit")) && err.count(QLatin1Char('\n')) == 1, qPrintable(err));

        // The console's follower stops with a clear status and keeps the good line.
        TaskModel tasks;
        HostConfig cfg;
        cfg.id = QStringLiteral("broken");
        cfg.url = daemon.url();
        HostConnection host(cfg, &tasks);
        LogModel logs;
        LogFollower follower(&host, QStringLiteral("broken"), &logs);
        follower.start(true);
        QTRY_VERIFY_WITH_TIMEOUT(follower.status().contains(QLatin1String("exceeds the limit")), 10000);
        QVERIFY(!follower.isStreaming());
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
