// The registry client and the image calls against the real thing: Debian's docker-registry on
// loopback (open, without deletion, htpasswd, token auth; tests/fixtures/registry.sh) and the
// private dockerd, which pushes and pulls with the X-Registry-Auth that Wharf sends.
#include "testsupport.h"

#include "docker/dockerclient.h"
#include "docker/jsonmessages.h"
#include "registry/registryclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Wharf::Backends;

class TestRegistry : public QObject
{
    Q_OBJECT

    QMap<QString, QString> m_reg;
    QString m_password;
    DockerClient *m_docker = nullptr;

    QString reg(const char *which) const { return m_reg.value(QStringLiteral("WHARF_TEST_REGISTRY_") + QLatin1String(which)); }
    QString user() const { return m_reg.value(QStringLiteral("WHARF_TEST_REGISTRY_USER")); }

    // Runs a progress stream (push, pull) to its end: the tracker, or the error.
    Expected<ProgressTracker> follow(DockerJob *job)
    {
        auto stream = std::make_shared<JsonMessageStream>();
        auto tracker = std::make_shared<ProgressTracker>();
        connect(job, &DockerJob::dataReceived, this, [stream, tracker](const QByteArray &d) {
            for (const auto &m : stream->feed(d))
                tracker->apply(m);
        });
        QSignalSpy done(job, &DockerJob::finished);
        if (!done.wait(120000))
            return Error::make(Error::Timeout, QStringLiteral("the stream did not end"));
        for (const auto &m : stream->finish())
            tracker->apply(m);
        job->deleteLater();
        if (job->isError())
            return job->error();
        if (tracker->hasError())
            return Error::make(Error::Http, tracker->errorMessage());
        return *tracker;
    }
    bool call(DockerJob *job, QByteArray *body = nullptr)
    {
        QSignalSpy done(job, &DockerJob::finished);
        if (!done.wait(60000))
            return false;
        job->deleteLater();
        if (body)
            *body = job->body();
        if (job->isError())
            qWarning() << job->error().message;
        return !job->isError();
    }
    template<typename T, typename Fn>
    Expected<T> await(Fn start)
    {
        std::optional<Expected<T>> result;
        start([&result](const Expected<T> &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
            return Error::make(Error::Timeout, QStringLiteral("no answer"));
        return *result;
    }
    Error awaitError(RegistryClient *c)
    {
        std::optional<Error> result;
        c->ping([&result](const Error &e) { result = e; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
            return Error::make(Error::Timeout, QStringLiteral("no answer"));
        return *result;
    }
    RegistryClient *client(const QString &address, bool withLogin)
    {
        auto url = RegistryClient::parseUrl(address);
        auto *c = new RegistryClient(*url, this);
        if (withLogin)
            c->setCredentials(user(), m_password);
        return c;
    }
    RegistryAuth auth(const QString &address, bool withLogin) const
    {
        return withLogin ? RegistryAuth{address, user(), m_password, {}} : RegistryAuth{address, {}, {}, {}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_reg = TestSupport::readEnvFile(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/registry/env"));
        QVERIFY2(!reg("OPEN").isEmpty(), "the registry fixture is not running (tests/fixtures/registry.sh)");
        QFile pw(m_reg.value(QStringLiteral("WHARF_TEST_REGISTRY_PASSWORD_FILE")));
        QVERIFY(pw.open(QIODevice::ReadOnly));
        m_password = QString::fromUtf8(pw.readAll());
        auto ep = Endpoint::parse(TestSupport::dockerHost());
        QVERIFY(ep);
        m_docker = new DockerClient(*ep, this);
    }

    void pushBrowseDeletePull_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<bool>("login");
        QTest::newRow("open") << "OPEN" << false;
        QTest::newRow("htpasswd") << "BASIC" << true;
        QTest::newRow("token") << "TOKEN" << true;
    }
    void pushBrowseDeletePull()
    {
        QFETCH(QString, which);
        QFETCH(bool, login);
        const QString address = reg(which.toLatin1().constData());
        const QString repo = QStringLiteral("it/app-") + which.toLower();
        const QString name = address + QLatin1Char('/') + repo;
        QVERIFY(call(m_docker->tagImage(TestSupport::testImage(), name, QStringLiteral("v1"))));
        QVERIFY(call(m_docker->tagImage(TestSupport::testImage(), name, QStringLiteral("v2"))));

        // Push through the daemon with the login in X-Registry-Auth.
        auto pushed = follow(m_docker->pushImage(name, QStringLiteral("v1"), auth(address, login)));
        QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().message));
        QVERIFY(pushed->digest().startsWith(QLatin1String("sha256:")));
        QVERIFY(follow(m_docker->pushImage(name, QStringLiteral("v2"), auth(address, login))));
        if (login) {
            // Without the login the daemon is turned away.
            auto denied = follow(m_docker->pushImage(name, QStringLiteral("v1"), auth(address, false)));
            QVERIFY(!denied);
        }

        RegistryClient *c = client(address, login);
        QVERIFY(!awaitError(c).isError());
        auto repos = await<QStringList>([c](auto done) { c->repositories(done); });
        QVERIFY2(repos, qPrintable(repos ? QString() : repos.error().message));
        QVERIFY(repos->contains(repo));
        auto tags = await<QStringList>([c, repo](auto done) { c->tags(repo, done); });
        QVERIFY(tags);
        QCOMPARE(*tags, (QStringList{QStringLiteral("v1"), QStringLiteral("v2")}));
        auto img = await<RegistryImage>([c, repo](auto done) { c->image(repo, QStringLiteral("v1"), done); });
        QVERIFY2(img, qPrintable(img ? QString() : img.error().message));
        QCOMPARE(img->digest, pushed->digest());
        QCOMPARE(img->mediaType, QStringLiteral("application/vnd.docker.distribution.manifest.v2+json"));
        QCOMPARE(img->os, QStringLiteral("linux"));
        QVERIFY(!img->architecture.isEmpty());
        QVERIFY(img->created.isValid());
        QCOMPARE(img->layers.size(), 1);
        QVERIFY(img->size > img->layers.first().size);
        QCOMPARE(img->config.value(QLatin1String("Cmd")).toArray().first().toString(), QStringLiteral("/bin/sh"));
        if (which == QLatin1String("TOKEN")) {
            // Tokens are cached per scope: the catalog, the repository's pull (and the ping's).
            const int before = c->tokenRequests();
            QVERIFY(await<QStringList>([c, repo](auto done) { c->tags(repo, done); }));
            QVERIFY(await<RegistryImage>([c, repo](auto done) { c->image(repo, QStringLiteral("v2"), done); }));
            QCOMPARE(c->tokenRequests(), before);
            QVERIFY(before <= 3);
        }

        // Delete by digest: the tags on it go with it.
        auto deleted = await<QString>([c, repo](auto done) { c->deleteImage(repo, QStringLiteral("v1"), done); });
        QVERIFY2(deleted, qPrintable(deleted ? QString() : deleted.error().message));
        QCOMPARE(*deleted, pushed->digest());
        auto gone = await<RegistryImage>([c, repo](auto done) { c->image(repo, QStringLiteral("v2"), done); });
        QVERIFY(!gone);
        QCOMPARE(gone.error().kind, Error::NotFound);
        QVERIFY2(gone.error().message.contains(QStringLiteral("has no tag or manifest \"v2\"")), qPrintable(gone.error().message));

        // Push again and pull it back into the daemon.
        QVERIFY(call(m_docker->tagImage(TestSupport::testImage(), name, QStringLiteral("v3"))));
        QVERIFY(follow(m_docker->pushImage(name, QStringLiteral("v3"), auth(address, login))));
        QVERIFY(call(m_docker->removeImage(name + QStringLiteral(":v3"))));
        QVERIFY(!call(m_docker->inspectImage(name + QStringLiteral(":v3"))));
        auto pulled = follow(m_docker->pullImage(name + QStringLiteral(":v3"), auth(address, login)));
        QVERIFY2(pulled, qPrintable(pulled ? QString() : pulled.error().message));
        QCOMPARE(pulled->digest(), pushed->digest());
        QVERIFY(call(m_docker->inspectImage(name + QStringLiteral(":v3"))));
        for (const char *t : {":v1", ":v2", ":v3"})
            call(m_docker->removeImage(name + QLatin1String(t)));
    }

    void wrongAndMissingCredentials_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("htpasswd") << "BASIC";
        QTest::newRow("token") << "TOKEN";
    }
    void wrongAndMissingCredentials()
    {
        QFETCH(QString, which);
        const QString address = reg(which.toLatin1().constData());
        RegistryClient *wrong = client(address, false);
        wrong->setCredentials(user(), QStringLiteral("not-the-password"));
        const Error e = awaitError(wrong);
        QCOMPARE(e.kind, Error::Secret);
        QVERIFY2(e.message.contains(QStringLiteral("refused the user name or password of wharf")), qPrintable(e.message));
        // The catalog is not reachable with the wrong login either (and says why).
        auto repos = await<QStringList>([wrong](auto done) { wrong->repositories(done); });
        QVERIFY(!repos);
        // Without a login: htpasswd refuses even the ping; a token service hands out anonymous
        // tokens (as Docker Hub does), which the registry then finds too weak for the catalog.
        RegistryClient *none = client(address, false);
        Error n;
        if (which == QLatin1String("BASIC")) {
            n = awaitError(none);
        } else {
            QVERIFY(!awaitError(none).isError());
            auto anon = await<QStringList>([none](auto done) { none->repositories(done); });
            QVERIFY(!anon);
            n = anon.error();
        }
        QCOMPARE(n.kind, Error::Secret);
        QVERIFY2(n.message.contains(QStringLiteral("needs you to log in")), qPrintable(n.message));
    }

    void registryDown()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        RegistryClient *c = client(QStringLiteral("127.0.0.1:%1").arg(port), false);
        const Error e = awaitError(c);
        QCOMPARE(e.kind, Error::Connect);
        QVERIFY2(e.message.contains(QStringLiteral("Cannot reach the registry")), qPrintable(e.message));
    }

    void unknownRepositoryAndTag()
    {
        const QString address = reg("OPEN");
        QVERIFY(call(m_docker->tagImage(TestSupport::testImage(), address + QStringLiteral("/it/known"), QStringLiteral("1"))));
        QVERIFY(follow(m_docker->pushImage(address + QStringLiteral("/it/known"), QStringLiteral("1"))));
        RegistryClient *c = client(address, false);
        auto noRepo = await<QStringList>([c](auto done) { c->tags(QStringLiteral("it/no-such-repo"), done); });
        QVERIFY(!noRepo);
        QCOMPARE(noRepo.error().kind, Error::NotFound);
        QVERIFY2(noRepo.error().message.contains(QStringLiteral("no repository \"it/no-such-repo\"")), qPrintable(noRepo.error().message));
        auto noTag = await<RegistryImage>([c](auto done) { c->image(QStringLiteral("it/known"), QStringLiteral("nope"), done); });
        QVERIFY(!noTag);
        QCOMPARE(noTag.error().kind, Error::NotFound);
        auto noDigest = await<QString>([c](auto done) { c->deleteImage(QStringLiteral("it/known"), QStringLiteral("nope"), done); });
        QVERIFY(!noDigest);
        QCOMPARE(noDigest.error().kind, Error::NotFound);
        // The engine says the same for a pull of a tag that is not there.
        auto pull = follow(m_docker->pullImage(address + QStringLiteral("/it/known:nope")));
        QVERIFY(!pull);
        QVERIFY2(pull.error().message.contains(QStringLiteral("not found")) || pull.error().message.contains(QStringLiteral("unknown")),
                 qPrintable(pull.error().message));
        call(m_docker->removeImage(address + QStringLiteral("/it/known:1")));
    }

    void deletionDisabled()
    {
        const QString address = reg("NODELETE");
        const QString name = address + QStringLiteral("/it/keep");
        QVERIFY(call(m_docker->tagImage(TestSupport::testImage(), name, QStringLiteral("1"))));
        QVERIFY(follow(m_docker->pushImage(name, QStringLiteral("1"))));
        RegistryClient *c = client(address, false);
        auto d = await<QString>([c](auto done) { c->deleteImage(QStringLiteral("it/keep"), QStringLiteral("1"), done); });
        QVERIFY(!d);
        QVERIFY2(d.error().message.contains(QStringLiteral("deletion disabled")), qPrintable(d.error().message));
        // Nothing was lost.
        QVERIFY(await<RegistryImage>([c](auto done) { c->image(QStringLiteral("it/keep"), QStringLiteral("1"), done); }));
        call(m_docker->removeImage(name + QStringLiteral(":1")));
    }

    void catalogPages()
    {
        const QString address = reg("OPEN");
        QStringList expected;
        for (int i = 0; i < 5; ++i) {
            const QString repo = QStringLiteral("pages/r%1").arg(i);
            expected << repo;
            QVERIFY(call(m_docker->tagImage(TestSupport::testImage(), address + QLatin1Char('/') + repo, QStringLiteral("1"))));
            QVERIFY(follow(m_docker->pushImage(address + QLatin1Char('/') + repo, QStringLiteral("1"))));
            call(m_docker->removeImage(address + QLatin1Char('/') + repo + QStringLiteral(":1")));
        }
        RegistryClient *c = client(address, false);
        auto all = await<QStringList>([c](auto done) { c->repositories(done, 2); });
        QVERIFY(all);
        for (const QString &r : expected)
            QVERIFY2(all->contains(r), qPrintable(r));
        QCOMPARE(all->size(), QSet<QString>(all->begin(), all->end()).size()); // no page twice
        auto three = await<QStringList>([c](auto done) { c->repositories(done, 2, 3); });
        QVERIFY(three);
        QCOMPARE(three->size(), 3);
    }

    void indexesAndManifestLists_data()
    {
        QTest::addColumn<QString>("mediaType");
        QTest::newRow("OCI index") << "application/vnd.oci.image.index.v1+json";
        QTest::newRow("Docker manifest list") << "application/vnd.docker.distribution.manifest.list.v2+json";
    }
    void indexesAndManifestLists()
    {
        // A multi-platform tag: an index over the manifest of a pushed image, put through the API.
        QFETCH(QString, mediaType);
        const QString address = reg("OPEN");
        const QString name = address + QStringLiteral("/it/multi");
        QVERIFY(call(m_docker->tagImage(TestSupport::testImage(), name, QStringLiteral("single"))));
        auto pushed = follow(m_docker->pushImage(name, QStringLiteral("single")));
        QVERIFY(pushed);
        RegistryClient *c = client(address, false);
        auto single = await<RegistryImage>([c](auto done) { c->image(QStringLiteral("it/multi"), QStringLiteral("single"), done); });
        QVERIFY(single);
        auto *job = c->request("GET", QStringLiteral("/v2/it/multi/manifests/single"), QStringLiteral("repository:it/multi:pull"),
                               RegistryClient::ManifestAccept);
        QSignalSpy got(job, &RegistryJob::finished);
        QVERIFY(got.wait(10000));
        const qint64 size = job->body().size();
        const QJsonObject index{
            {QStringLiteral("schemaVersion"), 2},
            {QStringLiteral("mediaType"), mediaType},
            {QStringLiteral("manifests"),
             QJsonArray{QJsonObject{{QStringLiteral("mediaType"), QStringLiteral("application/vnd.docker.distribution.manifest.v2+json")},
                                    {QStringLiteral("digest"), single->digest},
                                    {QStringLiteral("size"), double(size)},
                                    {QStringLiteral("platform"), QJsonObject{{QStringLiteral("architecture"), single->architecture},
                                                                             {QStringLiteral("os"), QStringLiteral("linux")}}}}}}};
        QNetworkAccessManager nam;
        QNetworkRequest put(QUrl(QStringLiteral("http://%1/v2/it/multi/manifests/multi").arg(address)));
        put.setHeader(QNetworkRequest::ContentTypeHeader, mediaType);
        QNetworkReply *r = nam.put(put, QJsonDocument(index).toJson(QJsonDocument::Compact));
        QSignalSpy putDone(r, &QNetworkReply::finished);
        QVERIFY(putDone.wait(10000));
        QVERIFY2(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201, r->readAll().constData());
        r->deleteLater();
        auto multi = await<RegistryImage>([c](auto done) { c->image(QStringLiteral("it/multi"), QStringLiteral("multi"), done); });
        QVERIFY2(multi, qPrintable(multi ? QString() : multi.error().message));
        QVERIFY(multi->isIndex);
        QCOMPARE(multi->mediaType, mediaType);
        QCOMPARE(multi->platforms.size(), 1);
        QCOMPARE(multi->platforms.first().digest, single->digest);
        QCOMPARE(multi->platforms.first().architecture, single->architecture);
        // The details come from the first platform's image.
        QCOMPARE(multi->layers.size(), single->layers.size());
        QCOMPARE(multi->created, single->created);
        // The engine pulls the index too and picks its platform.
        call(m_docker->removeImage(name + QStringLiteral(":single")));
        auto pulled = follow(m_docker->pullImage(name + QStringLiteral(":multi")));
        QVERIFY2(pulled, qPrintable(pulled ? QString() : pulled.error().message));
        call(m_docker->removeImage(name + QStringLiteral(":multi")));
    }

    void malformedAnswers()
    {
        // Not a registry: a peer that answers 200 with bytes that are not JSON, and one without /v2/.
        QTcpServer peer;
        QVERIFY(peer.listen(QHostAddress::LocalHost));
        connect(&peer, &QTcpServer::newConnection, &peer, [&peer] {
            while (QTcpSocket *s = peer.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [s] {
                    const QByteArray req = s->readAll();
                    const QByteArray body = req.startsWith("GET /v2/_catalog") ? QByteArray("{\"repositories\": [\"a\", ") : QByteArray("no");
                    const QByteArray status = req.startsWith("GET /v2/ ") ? "404 Not Found" : "200 OK";
                    s->write("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                             + "\r\nConnection: close\r\n\r\n" + body);
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        RegistryClient *c = client(QStringLiteral("127.0.0.1:%1").arg(peer.serverPort()), false);
        auto repos = await<QStringList>([c](auto done) { c->repositories(done); });
        QVERIFY(!repos);
        QCOMPARE(repos.error().kind, Error::Protocol);
        QVERIFY2(repos.error().message.contains(QStringLiteral("not valid JSON")), qPrintable(repos.error().message));
        const Error ping = awaitError(c);
        QVERIFY2(ping.message.contains(QStringLiteral("is not a Docker registry")), qPrintable(ping.message));
    }

    // A peer that never stops sending: cut off at the bound with an error, the memory it took
    // given back (the peer would send 256 MiB).
    void oversizedAnswer()
    {
        QTcpServer peer;
        QVERIFY(peer.listen(QHostAddress::LocalHost));
        qint64 sent = 0;
        connect(&peer, &QTcpServer::newConnection, &peer, [&peer, &sent] {
            while (QTcpSocket *s = peer.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [s, &sent] {
                    s->readAll();
                    s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 268435456\r\n\r\n{\"repositories\": [");
                    const QByteArray chunk(1024 * 1024, ' ');
                    // more as the peer reads, up to the announced length
                    auto more = [s, chunk, &sent] {
                        if (s->bytesToWrite() < 4 * chunk.size() && sent < 268435456) {
                            s->write(chunk);
                            sent += chunk.size();
                        }
                    };
                    connect(s, &QTcpSocket::bytesWritten, s, more);
                    more();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        RegistryClient *c = client(QStringLiteral("127.0.0.1:%1").arg(peer.serverPort()), false);
        auto repos = await<QStringList>([c](auto done) { c->repositories(done); });
        QVERIFY(!repos);
        QCOMPARE(repos.error().kind, Error::Protocol);
        QVERIFY2(repos.error().message.contains(QStringLiteral("larger than 16 MiB")), qPrintable(repos.error().message));
        QVERIFY2(sent < 64 * 1024 * 1024, qPrintable(QString::number(sent)));
    }
};

QTEST_GUILESS_MAIN(TestRegistry)
#include "tst_registry.moc"
