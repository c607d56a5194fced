// wharfctl's image, build and registry commands as whole processes, against the private dockerd
// and Debian's docker-registry, in a private keyring (the logins live there) and a configuration
// folder of the test's own.
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QDirIterator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QProcess>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QTest>

using TestSupport::Run;

class TestImagesCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_config;
    QMap<QString, QString> m_reg;
    QString m_password;

    QString reg(const char *which) const { return m_reg.value(QStringLiteral("WHARF_TEST_REGISTRY_") + QLatin1String(which)); }
    Run ctl(const QStringList &args, const QByteArray &in = {})
    {
        qputenv("WHARF_CONFIG_DIR", m_config.path().toUtf8());
        return TestSupport::wharfctl(args, TestSupport::dockerHost(), in);
    }
    static void writeFile(const QString &path, const QByteArray &data)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        m_reg = TestSupport::readEnvFile(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/registry/env"));
        QVERIFY2(!reg("OPEN").isEmpty(), "the registry fixture is not running");
        QFile pw(m_reg.value(QStringLiteral("WHARF_TEST_REGISTRY_PASSWORD_FILE")));
        QVERIFY(pw.open(QIODevice::ReadOnly));
        m_password = QString::fromUtf8(pw.readAll());
    }

    void imagesTagHistoryRmi()
    {
        auto tag = ctl({QStringLiteral("tag"), TestSupport::testImage(), QStringLiteral("cli/tagged:one")});
        CHECK_RUN(tag, 0);
        auto list = ctl({QStringLiteral("images"), QStringLiteral("-o"), QStringLiteral("json")});
        CHECK_RUN(list, 0);
        bool found = false;
        for (const auto &v : QJsonDocument::fromJson(list.out.toUtf8()).array()) {
            const QJsonObject o = v.toObject();
            for (const char *k : {"repository", "tag", "id", "created", "size"})
                QVERIFY2(o.contains(QLatin1String(k)), k);
            found |= o.value(QLatin1String("repository")).toString() == QLatin1String("cli/tagged")
                && o.value(QLatin1String("tag")).toString() == QLatin1String("one");
        }
        QVERIFY(found);
        auto table = ctl({QStringLiteral("images"), QStringLiteral("cli/tagged")});
        CHECK_RUN(table, 0);
        QVERIFY(table.out.startsWith(QStringLiteral("REPOSITORY")));
        QVERIFY(table.out.contains(QStringLiteral("cli/tagged")));
        QVERIFY(!table.out.contains(QStringLiteral("wharf-test/busybox"))); // the reference filter
        auto history = ctl({QStringLiteral("history"), QStringLiteral("cli/tagged:one")});
        CHECK_RUN(history, 0);
        QVERIFY(history.out.contains(QStringLiteral("CREATED BY")));
        auto rmi = ctl({QStringLiteral("rmi"), QStringLiteral("cli/tagged:one")});
        CHECK_RUN(rmi, 0);
        QVERIFY(rmi.out.contains(QStringLiteral("Untagged: cli/tagged:one")));
        auto again = ctl({QStringLiteral("rmi"), QStringLiteral("cli/tagged:one")});
        CHECK_RUN(again, 1);
        QVERIFY2(again.err.contains(QStringLiteral("No such image")), qPrintable(again.err));
        auto bad = ctl({QStringLiteral("tag"), TestSupport::testImage(), QStringLiteral("Bad/Name")});
        CHECK_RUN(bad, 2);
        QVERIFY(bad.err.contains(QStringLiteral("lower-case")));
    }

    void rmiInUseNeedsForce()
    {
        CHECK_RUN(ctl({QStringLiteral("tag"), TestSupport::testImage(), QStringLiteral("cli/inuse:1")}), 0);
        auto run = ctl({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("cli-inuse"), QStringLiteral("cli/inuse:1")});
        CHECK_RUN(run, 0);
        // Removing the only other tag is fine (the image stays for the busybox tag); an id in use is not.
        auto id = ctl({QStringLiteral("images"), QStringLiteral("-q"), QStringLiteral("cli/inuse")});
        auto rm = ctl({QStringLiteral("rmi"), id.out.trimmed()});
        CHECK_RUN(rm, 1);
        QVERIFY2(rm.err.contains(QStringLiteral("must be forced")) || rm.err.contains(QStringLiteral("is using"))
                     || rm.err.contains(QStringLiteral("being used by")),
                 qPrintable(rm.err));
        CHECK_RUN(ctl({QStringLiteral("rm"), QStringLiteral("cli-inuse")}), 0);
        CHECK_RUN(ctl({QStringLiteral("rmi"), QStringLiteral("cli/inuse:1")}), 0);
    }

    void saveLoadImport()
    {
        QTemporaryDir dir;
        CHECK_RUN(ctl({QStringLiteral("tag"), TestSupport::testImage(), QStringLiteral("cli/saved:1")}), 0);
        const QString tar = dir.filePath(QStringLiteral("saved.tar"));
        auto save = ctl({QStringLiteral("save"), QStringLiteral("-o"), tar, QStringLiteral("cli/saved:1")});
        CHECK_RUN(save, 0);
        QVERIFY(QFileInfo(tar).size() > 100 * 1024);
        CHECK_RUN(ctl({QStringLiteral("rmi"), QStringLiteral("cli/saved:1")}), 0);
        auto load = ctl({QStringLiteral("load"), QStringLiteral("-i"), tar});
        CHECK_RUN(load, 0);
        QVERIFY2(load.out.contains(QStringLiteral("Loaded image: cli/saved:1")), qPrintable(load.out));
        // A save of an image that does not exist leaves no file behind.
        const QString none = dir.filePath(QStringLiteral("none.tar"));
        auto missing = ctl({QStringLiteral("save"), QStringLiteral("-o"), none, QStringLiteral("cli/no-such:1")});
        CHECK_RUN(missing, 1);
        QVERIFY(!QFile::exists(none));
        // Not a tar
        writeFile(dir.filePath(QStringLiteral("junk.tar")), QByteArray(4096, 'j'));
        auto junk = ctl({QStringLiteral("load"), QStringLiteral("-i"), dir.filePath(QStringLiteral("junk.tar"))});
        CHECK_RUN(junk, 1);
        QVERIFY(!junk.err.isEmpty());

        // import: a root file system tar (made by the daemon's own export of the image's files).
        QProcess tarp;
        writeFile(dir.filePath(QStringLiteral("rootfs/hello.txt")), "imported\n");
        tarp.start(QStringLiteral("tar"), {QStringLiteral("-C"), dir.filePath(QStringLiteral("rootfs")), QStringLiteral("-cf"),
                                           dir.filePath(QStringLiteral("rootfs.tar")), QStringLiteral(".")});
        QVERIFY(tarp.waitForFinished());
        auto imp = ctl({QStringLiteral("import"), QStringLiteral("-c"), QStringLiteral("LABEL origin=cli-test"), dir.filePath(QStringLiteral("rootfs.tar")),
                        QStringLiteral("cli/imported:1")});
        CHECK_RUN(imp, 0);
        QVERIFY(imp.out.trimmed().startsWith(QStringLiteral("sha256:")));
        auto inspect = ctl({QStringLiteral("image"), QStringLiteral("inspect"), QStringLiteral("cli/imported:1")});
        CHECK_RUN(inspect, 0);
        QVERIFY(inspect.out.contains(QStringLiteral("cli-test")));
        for (const char *n : {"cli/saved:1", "cli/imported:1"})
            ctl({QStringLiteral("rmi"), QLatin1String(n)});
    }

    void buildWithDockerIgnoreArgsTarget()
    {
        QTemporaryDir ctx;
        writeFile(ctx.filePath(QStringLiteral("Dockerfile")),
                  "FROM wharf-test/busybox AS base\n"
                  "ARG GREETING=none\n"
                  "COPY . /ctx/\n"
                  "RUN echo \"$GREETING\" > /greeting\n"
                  "FROM base AS final\n"
                  "RUN echo final > /stage\n");
        writeFile(ctx.filePath(QStringLiteral("app.txt")), "app\n");
        writeFile(ctx.filePath(QStringLiteral("big.bin")), QByteArray(20 * 1024 * 1024, 'b'));
        writeFile(ctx.filePath(QStringLiteral("logs/a.log")), "log\n");
        writeFile(ctx.filePath(QStringLiteral(".dockerignore")), "big.bin\n**/*.log\n");
        auto build = ctl({QStringLiteral("build"), QStringLiteral("-t"), QStringLiteral("cli/built:1"), QStringLiteral("--build-arg"),
                          QStringLiteral("GREETING=hello"), QStringLiteral("--target"), QStringLiteral("base"), QStringLiteral("--label"),
                          QStringLiteral("team=cli"), ctx.path()});
        CHECK_RUN(build, 0);
        QVERIFY2(build.out.contains(QStringLiteral("Step 1/")), qPrintable(build.out));
        QVERIFY2(build.out.contains(QStringLiteral("Successfully tagged cli/built:1")), qPrintable(build.out));
        QVERIFY2(build.err.contains(QStringLiteral("left out by .dockerignore")), qPrintable(build.err));
        // The big file never reached the daemon: the context was small, and the image lacks it.
        QVERIFY2(!build.err.contains(QStringLiteral("MB in")), qPrintable(build.err));
        auto run = ctl({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("cli/built:1"), QStringLiteral("sh"), QStringLiteral("-c"),
                        QStringLiteral("cat /greeting; ls -a /ctx; test -e /stage && echo has-stage || echo no-stage")});
        CHECK_RUN(run, 0);
        QVERIFY(run.out.startsWith(QStringLiteral("hello\n")));
        QVERIFY(run.out.contains(QStringLiteral("app.txt")));
        QVERIFY(!run.out.contains(QStringLiteral("big.bin")));
        QVERIFY(!run.out.contains(QStringLiteral("a.log")));
        QVERIFY(run.out.contains(QStringLiteral("no-stage"))); // --target stopped at "base"
        auto inspect = ctl({QStringLiteral("image"), QStringLiteral("inspect"), QStringLiteral("cli/built:1")});
        QVERIFY(inspect.out.contains(QStringLiteral("\"team\": \"cli\"")));
        // -q prints the id only; -f takes another Dockerfile.
        writeFile(ctx.filePath(QStringLiteral("other/Dockerfile.alt")), "FROM wharf-test/busybox\nRUN echo alt > /alt\n");
        auto quiet = ctl({QStringLiteral("build"), QStringLiteral("-q"), QStringLiteral("-f"), ctx.filePath(QStringLiteral("other/Dockerfile.alt")),
                          QStringLiteral("-t"), QStringLiteral("cli/alt:1"), ctx.path()});
        CHECK_RUN(quiet, 0);
        QVERIFY2(quiet.out.trimmed().startsWith(QStringLiteral("sha256:")), qPrintable(quiet.out));
        for (const char *n : {"cli/built:1", "cli/alt:1"})
            ctl({QStringLiteral("rmi"), QLatin1String(n)});
    }

    void buildErrors()
    {
        QTemporaryDir ctx;
        writeFile(ctx.filePath(QStringLiteral("Dockerfile")), "FROM wharf-test/busybox\nRUN echo before\nRUN false\nRUN echo after\n");
        auto failing = ctl({QStringLiteral("build"), QStringLiteral("-t"), QStringLiteral("cli/failing:1"), ctx.path()});
        CHECK_RUN(failing, 1);
        QVERIFY2(failing.err.contains(QStringLiteral("Step 3/4 : RUN false failed")), qPrintable(failing.err));
        QVERIFY2(failing.err.contains(QStringLiteral("non-zero code: 1")), qPrintable(failing.err));
        QVERIFY(failing.out.contains(QStringLiteral("before")));

        writeFile(ctx.filePath(QStringLiteral("Dockerfile")), "FROM wharf-test/busybox\nRUNN echo typo\n");
        auto syntax = ctl({QStringLiteral("build"), ctx.path()});
        CHECK_RUN(syntax, 1);
        QVERIFY2(syntax.err.contains(QStringLiteral("unknown instruction")), qPrintable(syntax.err));

        auto missing = ctl({QStringLiteral("build"), ctx.filePath(QStringLiteral("no-such-folder"))});
        CHECK_RUN(missing, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("does not exist")), qPrintable(missing.err));
        auto badArg = ctl({QStringLiteral("build"), QStringLiteral("--build-arg"), QStringLiteral("NOEQUALS"), ctx.path()});
        CHECK_RUN(badArg, 2);
        QVERIFY(badArg.err.contains(QStringLiteral("KEY=VALUE")));
    }

    void buildFromGitUrl()
    {
        // The engine fetches the context itself: a repository served by `git daemon` on loopback.
        QTemporaryDir repos;
        const QString repo = repos.filePath(QStringLiteral("app"));
        writeFile(repo + QStringLiteral("/Dockerfile"), "FROM wharf-test/busybox\nCOPY hello.txt /\n");
        writeFile(repo + QStringLiteral("/hello.txt"), "from git\n");
        auto git = [&](const QStringList &args) {
            QProcess p;
            p.setWorkingDirectory(repo);
            p.start(QStringLiteral("git"), QStringList{QStringLiteral("-c"), QStringLiteral("user.email=wharf@test"), QStringLiteral("-c"),
                                                       QStringLiteral("user.name=wharf")}
                                               + args);
            return p.waitForFinished(30000) && p.exitCode() == 0;
        };
        QVERIFY(git({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main")}));
        QVERIFY(git({QStringLiteral("add"), QStringLiteral(".")}));
        QVERIFY(git({QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("context")}));
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QString port = QString::number(probe.serverPort());
        probe.close();
        QProcess daemon;
        daemon.start(QStringLiteral("git"), {QStringLiteral("daemon"), QStringLiteral("--reuseaddr"), QStringLiteral("--export-all"),
                                             QStringLiteral("--base-path=") + repos.path(), QStringLiteral("--listen=127.0.0.1"),
                                             QStringLiteral("--port=") + port, repos.path()});
        QVERIFY(daemon.waitForStarted());
        QTcpSocket up;
        QTRY_VERIFY_WITH_TIMEOUT((up.abort(), up.connectToHost(QHostAddress::LocalHost, quint16(port.toUInt())), up.waitForConnected(200)), 10000);
        up.abort();
        auto build = ctl({QStringLiteral("build"), QStringLiteral("-t"), QStringLiteral("cli/fromgit:1"),
                          QStringLiteral("git://127.0.0.1:") + port + QStringLiteral("/app#main")});
        daemon.terminate();
        daemon.waitForFinished(5000);
        CHECK_RUN(build, 0);
        QVERIFY(!build.err.contains(QStringLiteral("Sending build context"))); // nothing was packed here
        auto run = ctl({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("cli/fromgit:1"), QStringLiteral("cat"), QStringLiteral("/hello.txt")});
        CHECK_RUN(run, 0);
        QCOMPARE(run.out, QStringLiteral("from git\n"));
        ctl({QStringLiteral("rmi"), QStringLiteral("cli/fromgit:1")});
    }

    void loginPushBrowseDeletePull_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("htpasswd") << "BASIC";
        QTest::newRow("token") << "TOKEN";
    }
    void loginPushBrowseDeletePull()
    {
        QFETCH(QString, which);
        const QString address = reg(which.toLatin1().constData());
        const QString name = address + QStringLiteral("/cli/app");
        CHECK_RUN(ctl({QStringLiteral("tag"), TestSupport::testImage(), name + QStringLiteral(":1")}), 0);
        // Not logged in yet: the engine is turned away and the message says how to log in.
        auto denied = ctl({QStringLiteral("push"), name + QStringLiteral(":1")});
        CHECK_RUN(denied, 1);
        QVERIFY2(denied.err.contains(QStringLiteral("wharfctl login ") + address), qPrintable(denied.err));
        auto wrong = ctl({QStringLiteral("login"), address, QStringLiteral("-u"), QStringLiteral("wharf"), QStringLiteral("--password-stdin")},
                         "wrong-password\n");
        CHECK_RUN(wrong, 1);
        QVERIFY2(wrong.err.contains(QStringLiteral("refused")), qPrintable(wrong.err));
        auto login = ctl({QStringLiteral("login"), address, QStringLiteral("-u"), QStringLiteral("wharf"), QStringLiteral("--password-stdin")},
                         m_password.toUtf8() + '\n');
        CHECK_RUN(login, 0);
        // The password is in the keychain, nowhere in the configuration folder.
        QDirIterator it(m_config.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(m_password.toUtf8()), qPrintable(f.fileName()));
        }
        auto push = ctl({QStringLiteral("push"), name + QStringLiteral(":1")});
        CHECK_RUN(push, 0);
        QVERIFY2(push.out.contains(QStringLiteral("digest: sha256:")), qPrintable(push.out));
        auto repos = ctl({QStringLiteral("registry"), QStringLiteral("repos"), address, QStringLiteral("-o"), QStringLiteral("json")});
        CHECK_RUN(repos, 0);
        QVERIFY(QJsonDocument::fromJson(repos.out.toUtf8()).array().contains(QJsonValue(QStringLiteral("cli/app"))));
        auto tags = ctl({QStringLiteral("registry"), QStringLiteral("tags"), address + QStringLiteral("/cli/app")});
        CHECK_RUN(tags, 0);
        QVERIFY2(tags.out.contains(QStringLiteral("linux/")), qPrintable(tags.out));
        auto inspect = ctl({QStringLiteral("registry"), QStringLiteral("inspect"), address + QStringLiteral("/cli/app:1")});
        CHECK_RUN(inspect, 0);
        const QJsonObject img = QJsonDocument::fromJson(inspect.out.toUtf8()).object();
        QVERIFY(img.value(QLatin1String("digest")).toString().startsWith(QLatin1String("sha256:")));
        QCOMPARE(img.value(QLatin1String("layers")).toArray().size(), 1);
        CHECK_RUN(ctl({QStringLiteral("rmi"), name + QStringLiteral(":1")}), 0);
        auto pull = ctl({QStringLiteral("pull"), name + QStringLiteral(":1")});
        CHECK_RUN(pull, 0);
        QVERIFY(pull.out.contains(QStringLiteral("Downloaded newer image")));
        auto rm = ctl({QStringLiteral("registry"), QStringLiteral("rm"), address + QStringLiteral("/cli/app:1")});
        CHECK_RUN(rm, 0);
        QVERIFY(rm.out.startsWith(QStringLiteral("Deleted: sha256:")));
        auto after = ctl({QStringLiteral("registry"), QStringLiteral("inspect"), address + QStringLiteral("/cli/app:1")});
        CHECK_RUN(after, 1);
        CHECK_RUN(ctl({QStringLiteral("logout"), address}), 0);
        auto anon = ctl({QStringLiteral("registry"), QStringLiteral("repos"), address});
        CHECK_RUN(anon, 1);
        QVERIFY2(anon.err.contains(QStringLiteral("log in")), qPrintable(anon.err));
        ctl({QStringLiteral("rmi"), name + QStringLiteral(":1")});
    }

    // An app whose build starts FROM an image in a registry that needs a login: the deploy's
    // build sends the keychain's logins (X-Registry-Config), as wharfctl build does; without the
    // login the same build is turned away.
    void deployBuildsFromAPrivateBase()
    {
        const QString address = reg("BASIC");
        const QString base = address + QStringLiteral("/private/base:1");
        CHECK_RUN(ctl({QStringLiteral("login"), address, QStringLiteral("-u"), QStringLiteral("wharf"), QStringLiteral("--password-stdin")},
                      m_password.toUtf8() + '\n'),
                  0);
        CHECK_RUN(ctl({QStringLiteral("tag"), TestSupport::testImage(), base}), 0);
        CHECK_RUN(ctl({QStringLiteral("push"), base}), 0);
        CHECK_RUN(ctl({QStringLiteral("rmi"), base}), 0); // the build must pull it
        QTemporaryDir app;
        writeFile(app.filePath(QStringLiteral("Dockerfile")), "FROM " + base.toUtf8() + "\nRUN echo built > /built.txt\nCMD [\"sleep\", \"3600\"]\n");
        writeFile(app.filePath(QStringLiteral("compose.yaml")), "services:\n  web:\n    build: .\n");
        const QStringList deploy{QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("-f"), app.filePath(QStringLiteral("compose.yaml")),
                                 QStringLiteral("--name"), QStringLiteral("privbase"), QStringLiteral("--build")};
        const auto cleanUp = qScopeGuard([&] {
            ctl({QStringLiteral("app"), QStringLiteral("down"), QStringLiteral("privbase")});
            ctl({QStringLiteral("rmi"), QStringLiteral("-f"), QStringLiteral("privbase-web"), base});
            ctl({QStringLiteral("logout"), address});
        });
        const Run ok = ctl(deploy);
        CHECK_RUN(ok, 0);
        QVERIFY2(ok.out.contains(QLatin1String("is deployed")), qPrintable(ok.out));
        // without the login, the same base cannot be pulled
        CHECK_RUN(ctl({QStringLiteral("app"), QStringLiteral("down"), QStringLiteral("privbase")}), 0);
        CHECK_RUN(ctl({QStringLiteral("rmi"), QStringLiteral("-f"), QStringLiteral("privbase-web"), base}), 0);
        CHECK_RUN(ctl({QStringLiteral("logout"), address}), 0);
        const Run refused = ctl(deploy);
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(QLatin1String("private/base")), qPrintable(refused.err));
    }

    void registryListAndLocalRegistry()
    {
        auto add = ctl({QStringLiteral("registry"), QStringLiteral("add"), QStringLiteral("team"), reg("OPEN")});
        CHECK_RUN(add, 0);
        auto dup = ctl({QStringLiteral("registry"), QStringLiteral("add"), QStringLiteral("again"), reg("OPEN")});
        CHECK_RUN(dup, 1);
        QVERIFY(dup.err.contains(QStringLiteral("already in the list")));
        auto badUrl = ctl({QStringLiteral("registry"), QStringLiteral("add"), QStringLiteral("bad"), QStringLiteral("ftp://x")});
        CHECK_RUN(badUrl, 1);
        // By name: the registry's repositories.
        CHECK_RUN(ctl({QStringLiteral("tag"), TestSupport::testImage(), reg("OPEN") + QStringLiteral("/named/app:1")}), 0);
        CHECK_RUN(ctl({QStringLiteral("push"), QStringLiteral("-q"), reg("OPEN") + QStringLiteral("/named/app:1")}), 0);
        auto repos = ctl({QStringLiteral("registry"), QStringLiteral("repos"), QStringLiteral("team")});
        CHECK_RUN(repos, 0);
        QVERIFY(repos.out.contains(QStringLiteral("named/app")));
        auto tags = ctl({QStringLiteral("registry"), QStringLiteral("tags"), QStringLiteral("-q"), QStringLiteral("team/named/app")});
        CHECK_RUN(tags, 0);
        QCOMPARE(tags.out, QStringLiteral("1\n"));

        // Run a local registry on the host, from Debian's docker-registry image.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QString port = QString::number(probe.serverPort());
        probe.close();
        auto run = ctl({QStringLiteral("registry"), QStringLiteral("run"), QStringLiteral("--name"), QStringLiteral("mine"), QStringLiteral("--port"),
                        port, QStringLiteral("--image"), QStringLiteral("wharf-test/registry:latest")});
        CHECK_RUN(run, 0);
        QVERIFY2(run.out.contains(QStringLiteral("http://127.0.0.1:") + port), qPrintable(run.out));
        auto ls = ctl({QStringLiteral("registry"), QStringLiteral("ls"), QStringLiteral("-o"), QStringLiteral("json")});
        CHECK_RUN(ls, 0);
        QStringList names;
        QString container;
        for (const auto &v : QJsonDocument::fromJson(ls.out.toUtf8()).array()) {
            names << v.toObject().value(QLatin1String("name")).toString();
            if (names.last() == QLatin1String("mine"))
                container = v.toObject().value(QLatin1String("container")).toString();
        }
        QVERIFY(names.contains(QStringLiteral("Docker Hub")));
        QVERIFY(names.contains(QStringLiteral("team")));
        QVERIFY(names.contains(QStringLiteral("mine")));
        QVERIFY(!container.isEmpty());
        // Push to it, browse it, delete from it (deletion is enabled), pull back.
        const QString name = QStringLiteral("127.0.0.1:") + port + QStringLiteral("/local/app:1");
        CHECK_RUN(ctl({QStringLiteral("tag"), TestSupport::testImage(), name}), 0);
        CHECK_RUN(ctl({QStringLiteral("push"), name}), 0);
        auto mineTags = ctl({QStringLiteral("registry"), QStringLiteral("tags"), QStringLiteral("-q"), QStringLiteral("mine/local/app")});
        CHECK_RUN(mineTags, 0);
        QCOMPARE(mineTags.out, QStringLiteral("1\n"));
        CHECK_RUN(ctl({QStringLiteral("rmi"), name}), 0);
        CHECK_RUN(ctl({QStringLiteral("pull"), name}), 0);
        CHECK_RUN(ctl({QStringLiteral("registry"), QStringLiteral("rm"), QStringLiteral("mine/local/app:1")}), 0);
        // A second registry on the same name or port is refused before anything is made.
        auto again = ctl({QStringLiteral("registry"), QStringLiteral("run"), QStringLiteral("--name"), QStringLiteral("mine"), QStringLiteral("--port"),
                          port, QStringLiteral("--image"), QStringLiteral("wharf-test/registry:latest")});
        CHECK_RUN(again, 1);
        QVERIFY(again.err.contains(QStringLiteral("already")));
        CHECK_RUN(ctl({QStringLiteral("rm"), QStringLiteral("-f"), container}), 0);
        CHECK_RUN(ctl({QStringLiteral("registry"), QStringLiteral("remove"), QStringLiteral("mine")}), 0);
        CHECK_RUN(ctl({QStringLiteral("registry"), QStringLiteral("remove"), QStringLiteral("team")}), 0);
        ctl({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("wharf-registry-mine")});
        for (const QString &n : QStringList{name, QString(reg("OPEN") + QStringLiteral("/named/app:1"))})
            ctl({QStringLiteral("rmi"), n});
    }

    void prune()
    {
        // A dangling image: build twice to the same tag.
        QTemporaryDir ctx;
        writeFile(ctx.filePath(QStringLiteral("Dockerfile")), "FROM wharf-test/busybox\nRUN echo one > /v\n");
        auto first = ctl({QStringLiteral("build"), QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("cli/prune:1"), ctx.path()});
        CHECK_RUN(first, 0);
        const QString firstId = first.out.trimmed();
        writeFile(ctx.filePath(QStringLiteral("Dockerfile")), "FROM wharf-test/busybox\nRUN echo two > /v\n");
        CHECK_RUN(ctl({QStringLiteral("build"), QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("cli/prune:1"), ctx.path()}), 0);
        auto dangling = ctl({QStringLiteral("images"), QStringLiteral("-q"), QStringLiteral("--filter"), QStringLiteral("dangling=true")});
        CHECK_RUN(dangling, 0);
        QVERIFY(!dangling.out.trimmed().isEmpty());
        auto noForce = ctl({QStringLiteral("image"), QStringLiteral("prune")});
        CHECK_RUN(noForce, 2);
        auto prune = ctl({QStringLiteral("image"), QStringLiteral("prune"), QStringLiteral("-f")});
        CHECK_RUN(prune, 0);
        QVERIFY(prune.out.contains(QStringLiteral("Total reclaimed space")));
        QVERIFY2(prune.out.contains(QStringLiteral("deleted: ") + firstId), qPrintable(prune.out));
        // (A failed build of another test may keep its base layer through the container it left,
        // as docker does without --force-rm: only what no container uses goes.)
        auto after = ctl({QStringLiteral("image"), QStringLiteral("inspect"), firstId});
        CHECK_RUN(after, 1);
        ctl({QStringLiteral("rmi"), QStringLiteral("cli/prune:1")});
    }
};

QTEST_GUILESS_MAIN(TestImagesCli)
#include "tst_imagescli.moc"
