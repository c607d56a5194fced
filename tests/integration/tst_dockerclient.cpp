#include "docker/containerspec.h"
#include "docker/dockerclient.h"
#include "docker/tar.h"
#include "http/socketframe.h"
#include "http/sockettransports.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QSslKey>
#include <QSslServer>

using namespace Wharf::Backends;

class TestDockerClient : public QObject
{
    Q_OBJECT
private:
    DockerClient *m_client = nullptr;
    DockerJob *run(DockerJob *job)
    {
        QSignalSpy spy(job, &DockerJob::finished);
        if (!job->isFinished())
            spy.wait(60000);
        return job;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto ep = Endpoint::parse(TestSupport::dockerHost());
        QVERIFY2(ep, "the dockerd fixture is not running");
        m_client = new DockerClient(*ep, this);
    }
    void negotiates()
    {
        DockerJob *j = run(m_client->ping());
        QVERIFY2(!j->isError(), qPrintable(j->error().message));
        QVERIFY(m_client->isNegotiated());
        const int minor = DockerClient::apiMinor(m_client->apiVersion());
        QVERIFY(minor >= 41 && minor <= 52);
    }
    void unreachableSocketNamesThePath()
    {
        DockerClient c(*Endpoint::parse(QStringLiteral("unix:///nonexistent/wharf.sock")));
        DockerJob *j = c.info();
        QSignalSpy spy(j, &DockerJob::finished);
        QVERIFY(spy.wait(10000));
        QVERIFY(j->isError());
        QVERIFY2(j->error().message.contains(QLatin1String("/nonexistent/wharf.sock")), qPrintable(j->error().message));
    }
    // The fixture's daemon also listens on loopback TCP with --tlsverify.
    void tlsVerifiedEndpoint_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("ca");
        QTest::addColumn<bool>("clientCert");
        QTest::addColumn<QString>("expected"); // empty: works; else a part of the error message
        const auto env = TestSupport::readEnvFile(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/dockerd/env"));
        const QString host = env.value(QStringLiteral("WHARF_TEST_TLS_HOST"));
        const QString port = env.value(QStringLiteral("TLS_PORT"));
        QTest::newRow("verified") << host << QStringLiteral("ca.pem") << true << QString();
        QTest::newRow("by name") << QStringLiteral("tcp://localhost:") + port << QStringLiteral("ca.pem") << true << QString();
        QTest::newRow("wrong CA") << host << QStringLiteral("other-ca.pem") << true << QStringLiteral("certificate");
        QTest::newRow("no client certificate") << host << QStringLiteral("ca.pem") << false << QStringLiteral("client certificate");
        // The certificate names 127.0.0.1 and localhost, not 127.0.0.2 (which still reaches loopback,
        // but nothing listens there: the daemon binds 127.0.0.1 only).
        QTest::newRow("nothing listens") << QStringLiteral("tcp://127.0.0.2:") + port << QStringLiteral("ca.pem") << true << QStringLiteral("refused");
    }
    void tlsVerifiedEndpoint()
    {
        QFETCH(QString, url);
        QFETCH(QString, ca);
        QFETCH(bool, clientCert);
        QFETCH(QString, expected);
        const QString dir = TestSupport::readEnvFile(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/dockerd/env"))
                                .value(QStringLiteral("WHARF_TEST_CERT_PATH"));
        QVERIFY(!dir.isEmpty());
        TlsFiles files;
        files.caCert = dir + QLatin1Char('/') + ca;
        if (clientCert) {
            files.clientCert = dir + QStringLiteral("/cert.pem");
            files.clientKey = dir + QStringLiteral("/key.pem");
        }
        auto ep = Endpoint::parse(url, files, true);
        if (!ep)
            QFAIL(qPrintable(ep.error().message));
        DockerClient c(*ep);
        DockerJob *j = run(c.version());
        if (expected.isEmpty()) {
            QVERIFY2(!j->isError(), qPrintable(j->error().message));
            QVERIFY(j->json().object().value(QLatin1String("ApiVersion")).toString().startsWith(QLatin1String("1.")));
        } else {
            QVERIFY(j->isError());
            QVERIFY2(j->error().message.contains(expected, Qt::CaseInsensitive), qPrintable(j->error().message));
        }
    }
    void tlsExpiredCertificateIsRefused()
    {
        // A TLS peer (Qt's own server) presenting a certificate of the right CA that expired.
        const QString dir = TestSupport::readEnvFile(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/dockerd/env"))
                                .value(QStringLiteral("WHARF_TEST_CERT_PATH"));
        QFile certFile(dir + QStringLiteral("/expired-cert.pem")), keyFile(dir + QStringLiteral("/expired-key.pem"));
        QVERIFY2(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly), "the fixture made no expired certificate");
        QSslConfiguration server = QSslConfiguration::defaultConfiguration();
        server.setLocalCertificate(QSslCertificate(certFile.readAll()));
        server.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
        server.setPeerVerifyMode(QSslSocket::VerifyNone);
        QSslServer peer;
        peer.setSslConfiguration(server);
        QVERIFY(peer.listen(QHostAddress::LocalHost, 0));
        TlsFiles files{dir + QStringLiteral("/ca.pem"), dir + QStringLiteral("/cert.pem"), dir + QStringLiteral("/key.pem"), {}, true};
        auto ep = Endpoint::parse(QStringLiteral("tcp://127.0.0.1:%1").arg(peer.serverPort()), files, true);
        QVERIFY(ep);
        DockerClient c(*ep);
        DockerJob *j = run(c.ping());
        QVERIFY(j->isError());
        QVERIFY2(j->error().message.contains(QLatin1String("expired"), Qt::CaseInsensitive), qPrintable(j->error().message));
    }
    void tlsNameMismatchIsRefused()
    {
        // A daemon certificate is accepted only for the names it carries: pin the right CA but
        // expect another name.
        const QString dir = TestSupport::readEnvFile(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/dockerd/env"))
                                .value(QStringLiteral("WHARF_TEST_CERT_PATH"));
        const QString port = TestSupport::readEnvFile(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/dockerd/env"))
                                 .value(QStringLiteral("TLS_PORT"));
        TlsFiles files{dir + QStringLiteral("/ca.pem"), dir + QStringLiteral("/cert.pem"), dir + QStringLiteral("/key.pem"), {}, true};
        auto ep = Endpoint::parse(QStringLiteral("tcp://127.0.0.1:") + port, files, true);
        QVERIFY(ep);
        auto config = ep->sslConfiguration();
        QVERIFY(config);
        TcpTransport t(QStringLiteral("127.0.0.1"), quint16(port.toUInt()), true, *config, QStringLiteral("docker.example.org"));
        QSignalSpy failed(&t, &Transport::failed);
        QSignalSpy connected(&t, &Transport::connected);
        t.open();
        QVERIFY(failed.wait(10000));
        QCOMPARE(connected.count(), 0);
        const QString msg = failed.first().first().value<Error>().message;
        QVERIFY2(msg.contains(QLatin1String("host name"), Qt::CaseInsensitive), qPrintable(msg));
    }
    void containerLifecycle()
    {
        ContainerSpec s;
        s.image = TestSupport::testImage();
        s.name = QStringLiteral("tdc-life");
        s.command = {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo out; echo err >&2; sleep 300")};
        DockerJob *c = run(m_client->createContainer(s.toCreateBody(), s.name));
        QVERIFY2(!c->isError(), qPrintable(c->error().message));
        const QString id = c->json().object().value(QLatin1String("Id")).toString();
        QVERIFY(!run(m_client->startContainer(id))->isError());

        // Removing a running container without force is refused with the daemon's words.
        DockerJob *rm = run(m_client->removeContainer(id));
        QVERIFY(rm->isError());
        QCOMPARE(rm->error().httpStatus, 409);
        QVERIFY(rm->error().message.contains(QLatin1String("running")));

        // Logs, demultiplexed.
        LogOptions lo;
        QByteArray out, err;
        FrameDemuxer demux([&](FrameDemuxer::Stream st, const QByteArray &p) { (st == FrameDemuxer::Stderr ? err : out) += p; });
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     out.clear();
                                     err.clear();
                                     DockerJob *l = m_client->containerLogs(id, lo);
                                     connect(l, &DockerJob::dataReceived, this, [&](const QByteArray &d) { demux.feed(d); });
                                     run(l);
                                     return out == "out\n" && err == "err\n";
                                 }()),
                                 10000);

        // One-shot stats.
        DockerJob *st = run(m_client->containerStats(id, false));
        QVERIFY(!st->isError());
        QVERIFY(st->json().object().contains(QLatin1String("memory_stats")));

        // Exec with exit code.
        DockerJob *ec = run(m_client->execCreate(id, {{QStringLiteral("Cmd"), QJsonArray{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo hi; exit 7")}},
                                                      {QStringLiteral("AttachStdout"), true},
                                                      {QStringLiteral("AttachStderr"), true}}));
        const QString execId = ec->json().object().value(QLatin1String("Id")).toString();
        QByteArray execOut;
        FrameDemuxer d2([&](FrameDemuxer::Stream, const QByteArray &p) { execOut += p; });
        DockerJob *es = m_client->execStart(execId, false);
        connect(es, &DockerJob::dataReceived, this, [&](const QByteArray &d) { d2.feed(d); });
        run(es);
        QCOMPARE(execOut, QByteArray("hi\n"));
        QCOMPARE(run(m_client->execInspect(execId))->json().object().value(QLatin1String("ExitCode")).toInt(), 7);

        // Archive round trip.
        auto tar = Tar::write({TarEntry{QStringLiteral("greeting.txt"), TarEntry::File, 0644, 0, {}, "你好\n"}});
        QVERIFY(!run(m_client->archivePut(id, QStringLiteral("/tmp"), tar))->isError());
        DockerJob *g = run(m_client->archiveGet(id, QStringLiteral("/tmp/greeting.txt")));
        auto entries = Tar::read(g->body());
        QVERIFY(entries);
        QCOMPARE(entries->first().data, QByteArray("你好\n"));

        // Top, update, rename, stop, remove.
        QVERIFY(!run(m_client->containerTop(id))->isError());
        QVERIFY(!run(m_client->updateContainer(id, {{QStringLiteral("Memory"), 128 * 1024 * 1024}, {QStringLiteral("MemorySwap"), -1}}))->isError());
        QVERIFY(!run(m_client->renameContainer(id, QStringLiteral("tdc-life2")))->isError());
        QVERIFY(!run(m_client->stopContainer(id, 1))->isError());
        QVERIFY(!run(m_client->removeContainer(id))->isError());
        QCOMPARE(run(m_client->inspectContainer(id))->error().httpStatus, 404);
    }
    void volumesAndNetworks()
    {
        QVERIFY(!run(m_client->createVolume({{QStringLiteral("Name"), QStringLiteral("tdc-vol")}}))->isError());
        DockerJob *l = run(m_client->listVolumes({{QStringLiteral("name"), {QStringLiteral("tdc-vol")}}}));
        QCOMPARE(l->json().object().value(QLatin1String("Volumes")).toArray().size(), 1);
        QVERIFY(!run(m_client->removeVolume(QStringLiteral("tdc-vol")))->isError());
        DockerJob *n = run(m_client->createNetwork({{QStringLiteral("Name"), QStringLiteral("tdc-net")}}));
        QVERIFY2(!n->isError(), qPrintable(n->error().message));
        const QString nid = n->json().object().value(QLatin1String("Id")).toString();
        QVERIFY(!run(m_client->inspectNetwork(nid))->isError());
        QVERIFY(!run(m_client->removeNetwork(nid))->isError());
    }
};

QTEST_GUILESS_MAIN(TestDockerClient)
#include "tst_dockerclient.moc"
