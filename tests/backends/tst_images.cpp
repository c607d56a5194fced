// Image references, .dockerignore, build contexts, the engine's progress messages and the
// registry client's parsers (recorded bytes; the real registry and daemon are in
// tests/integration/tst_registry.cpp).
#include "docker/buildcontext.h"
#include "docker/dockerclient.h"
#include "httppeer.h"
#include "docker/imageref.h"
#include "docker/jsonmessages.h"
#include "docker/tar.h"
#include "registry/registryclient.h"

#include <QDir>
#include <QFile>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QLocalServer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QElapsedTimer>
#include <QTimer>
#include <QTest>

#include <memory>

using namespace Wharf::Backends;

class TestImages : public QObject
{
    Q_OBJECT

    static void writeFile(const QString &path, const QByteArray &data)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }
    static QStringList names(const QByteArray &tar)
    {
        QStringList out;
        auto entries = Tar::read(tar);
        if (!entries)
            return {QStringLiteral("<unreadable>")};
        for (const auto &e : *entries)
            out << e.name;
        return out;
    }

private Q_SLOTS:
    void imageRef_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("registry");
        QTest::addColumn<QString>("repository");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("digest");
        QTest::addColumn<QString>("familiar");
        const QString d = QStringLiteral("sha256:") + QString(64, QLatin1Char('a'));
        QTest::newRow("hub short") << "nginx" << "docker.io" << "library/nginx" << "latest" << "" << "nginx";
        QTest::newRow("hub user") << "team/app:1.2" << "docker.io" << "team/app" << "1.2" << "" << "team/app";
        QTest::newRow("hub explicit") << "docker.io/library/nginx:alpine" << "docker.io" << "library/nginx" << "alpine" << ""
                                      << "nginx";
        QTest::newRow("index alias") << "index.docker.io/team/app" << "docker.io" << "team/app" << "latest" << "" << "team/app";
        QTest::newRow("loopback port") << "127.0.0.1:5000/team/app:2" << "127.0.0.1:5000" << "team/app" << "2" << ""
                                       << "127.0.0.1:5000/team/app";
        QTest::newRow("localhost") << "localhost/app" << "localhost" << "app" << "latest" << "" << "localhost/app";
        QTest::newRow("domain") << "ghcr.io/org/tool/cli:v1" << "ghcr.io" << "org/tool/cli" << "v1" << "" << "ghcr.io/org/tool/cli";
        QTest::newRow("digest") << QString(QStringLiteral("busybox@") + d) << "docker.io" << "library/busybox" << "" << d << "busybox";
        QTest::newRow("tag and digest") << QString(QStringLiteral("r.io/a:1@") + d) << "r.io" << "a" << "1" << d << "r.io/a";
    }
    void imageRef()
    {
        QFETCH(QString, input);
        auto r = ImageRef::parse(input);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QTEST(r->registry, "registry");
        QTEST(r->repository, "repository");
        QTEST(r->tag, "tag");
        QTEST(r->digest, "digest");
        QTEST(r->familiarName(), "familiar");
        // Round trip
        auto again = ImageRef::parse(r->toString());
        QVERIFY(again);
        QCOMPARE(again->toString(), r->toString());
    }
    void imageRefBad_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << "" << "image name is needed";
        QTest::newRow("upper case") << "team/App" << "lower-case";
        QTest::newRow("bad tag") << "app:bad tag" << "tag";
        QTest::newRow("bad digest") << "app@sha256:xyz" << "digest";
        QTest::newRow("empty component") << "team//app" << "empty path component";
        QTest::newRow("trailing colon") << "app:" << "tag";
    }
    void imageRefBad()
    {
        QFETCH(QString, input);
        QFETCH(QString, says);
        auto r = ImageRef::parse(input);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(says), qPrintable(r.error().message));
        QCOMPARE(r.error().kind, Error::Input);
    }
    void authAddress()
    {
        QCOMPARE(ImageRef::parse(QStringLiteral("nginx"))->authServerAddress(), QStringLiteral("https://index.docker.io/v1/"));
        QCOMPARE(ImageRef::parse(QStringLiteral("127.0.0.1:5000/a"))->authServerAddress(), QStringLiteral("127.0.0.1:5000"));
    }

    // The images a build pulls its base from (their registries' logins go with the build).
    void baseImages_data()
    {
        QTest::addColumn<QByteArray>("dockerfile");
        QTest::addColumn<QStringList>("images");
        QTest::newRow("one") << QByteArray("FROM debian:12\nRUN true\n") << QStringList{QStringLiteral("debian:12")};
        QTest::newRow("private registry") << QByteArray("# syntax\nfrom registry.example:5000/team/base:1 as build\n")
                                          << QStringList{QStringLiteral("registry.example:5000/team/base:1")};
        QTest::newRow("stages") << QByteArray("FROM --platform=linux/amd64 golang:1 AS build\nFROM build AS test\nFROM scratch\nCOPY --from=build /a /a\n")
                                << QStringList{QStringLiteral("golang:1")};
        QTest::newRow("a variable") << QByteArray("ARG BASE=debian\nFROM ${BASE}\nFROM alpine\n") << QStringList{QStringLiteral("alpine")};
        QTest::newRow("twice") << QByteArray("FROM a\nFROM a\n") << QStringList{QStringLiteral("a")};
        QTest::newRow("none") << QByteArray("RUN true\n") << QStringList{};
    }
    void baseImages()
    {
        QFETCH(QByteArray, dockerfile);
        QFETCH(QStringList, images);
        QCOMPARE(Wharf::Backends::BuildContext::baseImages(dockerfile), images);
    }

    // The Dockerfile is read for its FROM lines up to its bound, and not at all when missing.
    void readDockerfileBound()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QCOMPARE(BuildContext::readDockerfile(dir.path(), {}), QByteArray());
        QFile f(dir.filePath(QStringLiteral("Dockerfile")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray head("FROM private.example/base:1\n");
        f.write(head);
        f.write(QByteArray(BuildContext::MaxDockerfileRead, '#')); // past the bound
        f.write("\nFROM after.example/hidden:1\n");
        f.close();
        const QByteArray read = BuildContext::readDockerfile(dir.path(), {});
        QCOMPARE(read.size(), BuildContext::MaxDockerfileRead);
        QCOMPARE(BuildContext::baseImages(read), QStringList{QStringLiteral("private.example/base:1")});
        // a named Dockerfile, relative to the folder or absolute
        QCOMPARE(BuildContext::readDockerfile(dir.path(), QStringLiteral("Dockerfile")).size(), BuildContext::MaxDockerfileRead);
        QCOMPARE(BuildContext::readDockerfile(QStringLiteral("/nonexistent"), f.fileName()).size(), BuildContext::MaxDockerfileRead);
    }

    void dockerIgnore_data()
    {
        QTest::addColumn<QString>("patterns");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("excluded");
        QTest::newRow("plain") << "big.bin" << "big.bin" << true;
        QTest::newRow("plain other") << "big.bin" << "small.txt" << false;
        QTest::newRow("folder takes children") << "build" << "build/out/a.o" << true;
        QTest::newRow("star one level") << "*.log" << "a.log" << true;
        QTest::newRow("star not deeper") << "*.log" << "logs/a.log" << false;
        QTest::newRow("double star") << "**/*.log" << "logs/deep/a.log" << true;
        QTest::newRow("double star top") << "**/*.log" << "a.log" << true;
        QTest::newRow("question") << "file?.txt" << "file1.txt" << true;
        QTest::newRow("question no slash") << "a?b" << "a/b" << false;
        QTest::newRow("class") << "v[0-9].txt" << "v3.txt" << true;
        QTest::newRow("negated class") << "v[!0-9].txt" << "v3.txt" << false;
        QTest::newRow("exception") << "*.md\n!README.md" << "README.md" << false;
        QTest::newRow("exception other") << "*.md\n!README.md" << "NOTES.md" << true;
        QTest::newRow("re-exclude") << "*.md\n!README*.md\nREADME-secret.md" << "README-secret.md" << true;
        QTest::newRow("leading slash and dot") << "/./secrets/../secrets/key" << "secrets/key" << true;
        QTest::newRow("comment") << "# big.bin\n" << "# big.bin" << false;
        QTest::newRow("trailing spaces") << "big.bin   " << "big.bin" << true;
        QTest::newRow("escape") << "\\*.txt" << "*.txt" << true;
        QTest::newRow("escape no wildcard") << "\\*.txt" << "a.txt" << false;
        QTest::newRow("dots are literal") << "a.b" << "axb" << false;
    }
    void dockerIgnore()
    {
        QFETCH(QString, patterns);
        QFETCH(QString, path);
        QTEST(DockerIgnore::parse(patterns).excludes(path), "excluded");
    }

    void buildContextHonoursDockerIgnore()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("Dockerfile")), "FROM scratch\nCOPY . /\n");
        writeFile(dir.filePath(QStringLiteral("app/main.sh")), "echo hi\n");
        writeFile(dir.filePath(QStringLiteral("big.bin")), QByteArray(2 * 1024 * 1024, 'x'));
        writeFile(dir.filePath(QStringLiteral("build/out.o")), "obj");
        writeFile(dir.filePath(QStringLiteral("build/keep.txt")), "keep");
        writeFile(dir.filePath(QStringLiteral("docs/a.md")), "a");
        // The .dockerignore excludes itself and the Dockerfile too: both are sent anyway.
        writeFile(dir.filePath(QStringLiteral(".dockerignore")), "big.bin\nbuild\n!build/keep.txt\n**/*.md\nDockerfile\n.dockerignore\n");
        BuildContextStats stats;
        auto tar = BuildContext::pack(dir.path(), {}, &stats);
        QVERIFY2(tar, qPrintable(tar ? QString() : tar.error().message));
        const QStringList n = names(*tar);
        QVERIFY2(n.contains(QStringLiteral("Dockerfile")), qPrintable(n.join(QLatin1Char(' '))));
        QVERIFY(n.contains(QStringLiteral(".dockerignore")));
        QVERIFY(n.contains(QStringLiteral("app/main.sh")));
        QVERIFY(n.contains(QStringLiteral("build/keep.txt")));
        QVERIFY(!n.contains(QStringLiteral("big.bin")));
        QVERIFY(!n.contains(QStringLiteral("build/out.o")));
        QVERIFY(!n.contains(QStringLiteral("docs/a.md")));
        QVERIFY(tar->size() < 64 * 1024); // the 2 MiB file did not go in
        QCOMPARE(stats.dockerfile, QStringLiteral("Dockerfile"));
        QVERIFY(stats.excluded >= 3);
        // Same folder, same archive (a stable order keeps the engine's cache useful).
        auto again = BuildContext::pack(dir.path(), {});
        QVERIFY(again);
        QCOMPARE(names(*again), n);
    }
    void buildContextDockerfileElsewhere()
    {
        QTemporaryDir dir, other;
        writeFile(dir.filePath(QStringLiteral("ctx/a.txt")), "a");
        writeFile(dir.filePath(QStringLiteral("ctx/sub/Dockerfile.dev")), "FROM x\n");
        writeFile(other.filePath(QStringLiteral("Dockerfile")), "FROM y\n");
        BuildContextStats stats;
        auto inside = BuildContext::pack(dir.filePath(QStringLiteral("ctx")), QStringLiteral("sub/Dockerfile.dev"), &stats);
        QVERIFY(inside);
        QCOMPARE(stats.dockerfile, QStringLiteral("sub/Dockerfile.dev"));
        auto outside = BuildContext::pack(dir.filePath(QStringLiteral("ctx")), other.filePath(QStringLiteral("Dockerfile")), &stats);
        QVERIFY(outside);
        QVERIFY(stats.dockerfile.startsWith(QStringLiteral(".wharf-dockerfile-")));
        QVERIFY(names(*outside).contains(stats.dockerfile));
    }
    // A context packed into a temporary file is the same archive as one packed in memory, and
    // a build sends it from there whole: the engine's side receives every byte, in order, with
    // the Content-Length of the file (48 MiB here, through a socket buffer of a few MiB).
    void buildContextStreamsFromAFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ctx = dir.filePath(QStringLiteral("ctx"));
        QVERIFY(QDir().mkpath(ctx + QStringLiteral("/data")));
        auto write = [&](const QString &rel, const QByteArray &bytes) {
            QFile f(ctx + QLatin1Char('/') + rel);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        };
        write(QStringLiteral("Dockerfile"), "FROM scratch\n");
        QByteArray big(16 << 20, '\0');
        for (int part = 0; part < 3; ++part) {
            for (qsizetype i = 0; i < big.size(); i += 4096)
                big[i] = char((i / 4096 + part) & 0xff);
            write(QStringLiteral("data/part%1.bin").arg(part), big);
        }
        BuildContextStats memoryStats;
        const auto inMemory = BuildContext::pack(ctx, {}, &memoryStats);
        QVERIFY(inMemory);
        const auto packed = BuildContext::packToFile(ctx, {});
        QVERIFY2(packed, qPrintable(packed ? QString() : packed.error().message));
        QCOMPARE(packed->size, inMemory->size());
        QCOMPARE(packed->stats.files, memoryStats.files);
        QCOMPARE(packed->stats.bytes, memoryStats.bytes);

        QLocalServer server;
        QVERIFY(server.listen(dir.filePath(QStringLiteral("engine.sock"))));
        QByteArray received;
        QByteArray contentLength;
        TestSupport::serveRequestsWithBodies(&server, [&](QLocalSocket *s, const TestSupport::PeerRequest &r) {
            if (r.target == "/_ping") {
                s->write("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\n\r\nOK");
                return true;
            }
            received = r.body;
            const QByteArray done = R"({"stream":"Successfully built 0123456789ab\n"})" "\n";
            s->write("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(done.size())
                     + "\r\n\r\n" + done);
            return true;
        });
        DockerClient client(*Endpoint::parse(QStringLiteral("unix://") + server.fullServerName()));
        BuildOptions o;
        o.tags = {QStringLiteral("big:1")};
        DockerJob *job = client.build(packed->archive, packed->size, o);
        QSignalSpy finished(job, &DockerJob::finished);
        QVERIFY(finished.wait(60000));
        QVERIFY2(!job->isError(), qPrintable(job->error().message));
        QCOMPARE(received.size(), inMemory->size());
        QCOMPARE(QCryptographicHash::hash(received, QCryptographicHash::Sha256), QCryptographicHash::hash(*inMemory, QCryptographicHash::Sha256));
        delete job;
    }

    // A push the engine stops telling about (it stalled with its upload never started) fails
    // after the idle time with a sentence saying so; a pull that keeps reporting progress is
    // not cut however long it takes.
    void silentProgressStreamsEnd()
    {
        QTemporaryDir dir;
        QLocalServer server;
        QVERIFY(server.listen(dir.filePath(QStringLiteral("engine.sock"))));
        auto chunk = [](const QByteArray &line) -> QByteArray { return QByteArray::number(line.size(), 16) + "\r\n" + line + "\r\n"; };
        TestSupport::serveRequestsWithBodies(&server, [&](QLocalSocket *s, const TestSupport::PeerRequest &r) {
            if (r.target == "/_ping") {
                s->write("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\n\r\nOK");
                return true;
            }
            s->write("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            if (r.target.contains("/push")) {
                s->write(chunk(R"({"status":"Preparing","progressDetail":{},"id":"5f70bf18a086"})" "\n"));
                return true; // and nothing more
            }
            // a pull: progress every 100 ms, for 8 ticks, then done
            auto *timer = new QTimer(s);
            auto ticks = std::make_shared<int>(0);
            QObject::connect(timer, &QTimer::timeout, s, [s, timer, ticks, chunk] {
                if (++*ticks <= 8) {
                    s->write(chunk(R"({"status":"Downloading","progressDetail":{"current":1,"total":8},"id":"5f70bf18a086"})" "\n"));
                    return;
                }
                timer->stop();
                s->write(chunk(R"({"status":"Status: Downloaded newer image for slow:1"})" "\n") + "0\r\n\r\n");
            });
            timer->start(100);
            return true;
        });
        DockerClient client(*Endpoint::parse(QStringLiteral("unix://") + server.fullServerName()));
        QCOMPARE(client.progressIdleTimeout(), 120000);
        client.setProgressIdleTimeout(400);
        QElapsedTimer t;
        t.start();
        DockerJob *push = client.pushImage(QStringLiteral("stalls"), QStringLiteral("1"));
        QSignalSpy pushed(push, &DockerJob::finished);
        QVERIFY(pushed.wait(10000));
        QCOMPARE(push->error().kind, Error::Timeout);
        QVERIFY2(push->error().message.contains(QLatin1String("stalled")), qPrintable(push->error().message));
        QVERIFY(t.elapsed() >= 300); // the idle time (a coarse timer may fire a little early)
        delete push;

        DockerJob *pull = client.pullImage(QStringLiteral("slow:1"));
        QSignalSpy pulled(pull, &DockerJob::finished);
        QVERIFY(pulled.wait(10000));
        QVERIFY2(!pull->isError(), qPrintable(pull->error().message)); // 900 ms in all, never 400 ms silent
        delete pull;
    }

    void buildContextBadInput()
    {
        QTemporaryDir dir;
        auto missing = BuildContext::pack(dir.filePath(QStringLiteral("nope")), {});
        QVERIFY(!missing);
        QVERIFY(missing.error().message.contains(QStringLiteral("does not exist")));
        auto noDockerfile = BuildContext::pack(dir.path(), {});
        QVERIFY(!noDockerfile);
        QVERIFY(noDockerfile.error().message.contains(QStringLiteral("no Dockerfile")));
        writeFile(dir.filePath(QStringLiteral("file")), "x");
        auto notFolder = BuildContext::pack(dir.filePath(QStringLiteral("file")), {});
        QVERIFY(!notFolder);
        QVERIFY(notFolder.error().message.contains(QStringLiteral("not a folder")));
    }

    void pullProgress()
    {
        // Recorded from dockerd 20.10 (pull of a two-layer image), split at odd places.
        const QByteArray stream =
            "{\"status\":\"Pulling from team/app\",\"id\":\"1\"}\r\n"
            "{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"aaaaaaaaaaaa\"}\r\n"
            "{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"bbbbbbbbbbbb\"}\r\n"
            "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":500,\"total\":1000},\"progress\":\"[==>  ]\",\"id\":\"aaaaaaaaaaaa\"}\r\n"
            "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":100,\"total\":4000},\"id\":\"bbbbbbbbbbbb\"}\r\n"
            "{\"status\":\"Pull complete\",\"progressDetail\":{},\"id\":\"aaaaaaaaaaaa\"}\r\n"
            "{\"status\":\"Digest: sha256:1111111111111111111111111111111111111111111111111111111111111111\"}\r\n"
            "{\"status\":\"Status: Downloaded newer image for 127.0.0.1:5000/team/app:1\"}\r\n";
        JsonMessageStream s;
        ProgressTracker t;
        QStringList lines;
        for (qsizetype i = 0; i < stream.size(); i += 37)
            for (const auto &m : s.feed(stream.mid(i, 37)))
                lines += t.apply(m);
        for (const auto &m : s.finish())
            lines += t.apply(m);
        QVERIFY(!s.error().isError());
        QCOMPARE(t.layers().size(), 2);
        QCOMPARE(t.layers()[0].current, 1000); // complete: the whole layer
        QVERIFY(t.layers()[0].done);
        QCOMPARE(t.layers()[1].current, 100);
        QCOMPARE(t.totalBytes(), 5000);
        QCOMPARE(t.doneLayers(), 1);
        QCOMPARE(t.digest(), QStringLiteral("sha256:1111111111111111111111111111111111111111111111111111111111111111"));
        QVERIFY(lines.contains(QStringLiteral("1: Pulling from team/app")));
        QVERIFY(lines.contains(QStringLiteral("aaaaaaaaaaaa: Pull complete")));
        QVERIFY(!t.summary().isEmpty());
        QVERIFY(!t.hasError());
    }
    void pushAndErrors()
    {
        ProgressTracker push;
        push.apply(QJsonDocument::fromJson("{\"status\":\"1: digest: sha256:2222222222222222222222222222222222222222222222222222222222222222 size: 527\"}").object());
        QCOMPARE(push.digest(), QStringLiteral("sha256:2222222222222222222222222222222222222222222222222222222222222222"));
        ProgressTracker denied;
        denied.apply(QJsonDocument::fromJson("{\"errorDetail\":{\"message\":\"unauthorized: authentication required\"},\"error\":\"unauthorized: authentication required\"}").object());
        QVERIFY(denied.hasError());
        QCOMPARE(denied.errorMessage(), QStringLiteral("unauthorized: authentication required"));
    }
    void buildProgressNamesTheFailingStep()
    {
        const QByteArray stream = "{\"stream\":\"Step 1/3 : FROM wharf-test/busybox\"}\n"
                                  "{\"stream\":\"\\n\"}\n"
                                  "{\"stream\":\" ---\\u003e 4680db5f9530\\n\"}\n"
                                  "{\"stream\":\"Step 2/3 : RUN false\\n\"}\n"
                                  "{\"stream\":\" ---\\u003e Running in 0123456789ab\\n\"}\n"
                                  "{\"errorDetail\":{\"code\":1,\"message\":\"The command '/bin/sh -c false' returned a non-zero code: 1\"},"
                                  "\"error\":\"The command '/bin/sh -c false' returned a non-zero code: 1\"}\n";
        JsonMessageStream s;
        ProgressTracker t;
        for (const auto &m : s.feed(stream))
            t.apply(m);
        QVERIFY(t.hasError());
        QCOMPARE(t.lastStep(), QStringLiteral("Step 2/3 : RUN false"));
        QCOMPARE(t.errorMessage(), QStringLiteral("Step 2/3 : RUN false failed: The command '/bin/sh -c false' returned a non-zero code: 1"));
        ProgressTracker ok;
        ok.apply(QJsonDocument::fromJson("{\"aux\":{\"ID\":\"sha256:abc\"}}").object());
        ok.apply(QJsonDocument::fromJson("{\"stream\":\"Loaded image: team/app:1\\n\"}").object());
        QCOMPARE(ok.imageId(), QStringLiteral("sha256:abc"));
        QCOMPARE(ok.loadedImages(), QStringList{QStringLiteral("team/app:1")});
    }
    void malformedProgress()
    {
        JsonMessageStream s;
        s.feed("{\"status\":\"ok\"}\nnot json at all\n");
        QVERIFY(s.error().isError());
        QVERIFY(s.error().message.contains(QStringLiteral("not JSON")));
    }

    void challenge()
    {
        QString scheme;
        auto c = RegistryClient::parseChallenge(
            "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/nginx:pull\"", &scheme);
        QCOMPARE(scheme, QStringLiteral("bearer"));
        QCOMPARE(c.value(QStringLiteral("realm")), QStringLiteral("https://auth.docker.io/token"));
        QCOMPARE(c.value(QStringLiteral("service")), QStringLiteral("registry.docker.io"));
        QCOMPARE(c.value(QStringLiteral("scope")), QStringLiteral("repository:library/nginx:pull"));
        c = RegistryClient::parseChallenge("Basic realm=\"wharf \\\"test\\\"\"", &scheme);
        QCOMPARE(scheme, QStringLiteral("basic"));
        QCOMPARE(c.value(QStringLiteral("realm")), QStringLiteral("wharf \"test\""));
        // Several scopes in one challenge (a cross-repository mount) stay together.
        c = RegistryClient::parseChallenge("Bearer realm=\"http://a/t\",scope=\"repository:a:pull repository:b:pull,push\"", &scheme);
        QCOMPARE(c.value(QStringLiteral("scope")), QStringLiteral("repository:a:pull repository:b:pull,push"));
    }
    void links()
    {
        const QUrl base(QStringLiteral("http://127.0.0.1:5000"));
        QCOMPARE(RegistryClient::nextLink("</v2/_catalog?last=b&n=2>; rel=\"next\"", base),
                 QUrl(QStringLiteral("http://127.0.0.1:5000/v2/_catalog?last=b&n=2")));
        QVERIFY(RegistryClient::nextLink("", base).isEmpty());
    }
    void registryUrls()
    {
        QCOMPARE(RegistryClient::parseUrl(QStringLiteral("127.0.0.1:5000"))->toString(), QStringLiteral("http://127.0.0.1:5000"));
        QCOMPARE(RegistryClient::parseUrl(QStringLiteral("localhost:5000"))->toString(), QStringLiteral("http://localhost:5000"));
        QCOMPARE(RegistryClient::parseUrl(QStringLiteral("registry.example.com"))->toString(), QStringLiteral("https://registry.example.com"));
        QCOMPARE(RegistryClient::parseUrl(QStringLiteral("https://r.example.com/v2/"))->toString(), QStringLiteral("https://r.example.com"));
        QVERIFY(!RegistryClient::parseUrl(QStringLiteral("ftp://x")));
        QVERIFY(!RegistryClient::parseUrl(QString()));
    }
};

QTEST_GUILESS_MAIN(TestImages)
#include "tst_images.moc"
