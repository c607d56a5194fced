#include "docker/containerspec.h"
#include "docker/execspec.h"
#include "docker/tar.h"
#include "docker/format.h"

#include <QJsonArray>
#include <QTest>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QJsonObject>
#include <QJsonDocument>

using namespace Wharf::Backends;

class TestContainerSpec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // One exec body for wharfctl exec and the console's terminal.
    void execBodies()
    {
        using Wharf::Backends::ExecSpec;
        ExecSpec cli;
        cli.command = {QStringLiteral("ls"), QStringLiteral("-l")};
        cli.env = {QStringLiteral("A=1")};
        cli.workingDir = QStringLiteral("/tmp");
        QVERIFY(!cli.check().isError());
        const QJsonObject b = cli.toCreateBody();
        QCOMPARE(b.value(QLatin1String("AttachStdin")).toBool(), false);
        QCOMPARE(b.value(QLatin1String("Tty")).toBool(), false);
        QCOMPARE(b.value(QLatin1String("Cmd")).toArray(), QJsonArray({QStringLiteral("ls"), QStringLiteral("-l")}));
        QCOMPARE(b.value(QLatin1String("Env")).toArray(), QJsonArray({QStringLiteral("A=1")}));
        QCOMPARE(b.value(QLatin1String("WorkingDir")).toString(), QStringLiteral("/tmp"));
        QVERIFY(!b.contains(QLatin1String("User")));
        const QJsonObject t = ExecSpec::terminal({QStringLiteral("/bin/sh")}).toCreateBody();
        QCOMPARE(t.value(QLatin1String("AttachStdin")).toBool(), true);
        QCOMPARE(t.value(QLatin1String("Tty")).toBool(), true);
        QVERIFY(t.value(QLatin1String("Env")).toArray().contains(QStringLiteral("TERM=xterm-256color")));
        ExecSpec bad = cli;
        bad.env = {QStringLiteral("=oops")};
        QVERIFY(bad.check().isError());
        QVERIFY(ExecSpec::terminal({}).check().isError());
    }

    void tarHardLinksSpecialsAndEscapes()
    {
        using Wharf::Backends::Tar;
        using Wharf::Backends::TarEntry;
        QTemporaryDir dir;
        const QByteArray archive = Tar::write({
            TarEntry{QStringLiteral("top"), TarEntry::Directory, 0755, 0, {}, {}},
            TarEntry{QStringLiteral("top/a.txt"), TarEntry::File, 0644, 0, {}, "same inode\n"},
            TarEntry{QStringLiteral("top/b.txt"), TarEntry::HardLink, 0644, 0, QStringLiteral("top/a.txt"), {}},
            TarEntry{QStringLiteral("top/fifo"), TarEntry::Other, 0644, 0, {}, {}},
        });
        auto entries = Tar::read(archive);
        QVERIFY(entries);
        QCOMPARE(entries->at(2).type, TarEntry::HardLink);
        int skipped = -1;
        QVERIFY(!Tar::unpack(*entries, dir.path(), {}, &skipped).isError());
        QCOMPARE(skipped, 1);
        QFile b(dir.filePath(QStringLiteral("top/b.txt")));
        QVERIFY(b.open(QIODevice::ReadOnly));
        QCOMPARE(b.readAll(), QByteArray("same inode\n"));
        QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("top/b.txt"))).size(), QFileInfo(dir.filePath(QStringLiteral("top/a.txt"))).size());

        // A symlink made by the archive must not carry a later entry outside the destination.
        QTemporaryDir outside;
        const QByteArray evil = Tar::write({
            TarEntry{QStringLiteral("link"), TarEntry::Symlink, 0777, 0, outside.path(), {}},
            TarEntry{QStringLiteral("link/owned.txt"), TarEntry::File, 0644, 0, {}, "x"},
        });
        QTemporaryDir dest;
        const auto err = Tar::unpack(*Tar::read(evil), dest.path());
        QVERIFY(err.isError());
        QVERIFY2(err.message.contains(QLatin1String("outside")), qPrintable(err.message));
        QVERIFY(!QFileInfo::exists(outside.filePath(QStringLiteral("owned.txt"))));
        // Nor a hard link to a file outside.
        const QByteArray evilLink = Tar::write({TarEntry{QStringLiteral("passwd"), TarEntry::HardLink, 0644, 0, QStringLiteral("../../etc/passwd"), {}}});
        QVERIFY(Tar::unpack(*Tar::read(evilLink), dest.path()).isError());
    }
    void containerStatusStaysCurrent()
    {
        using Wharf::Backends::ContainerStatus;
        const qint64 now = 1'800'000'000'000;
        auto up = ContainerStatus::parse(QStringLiteral("Up 5 minutes (healthy)"), now);
        QCOMPARE(up.kind, ContainerStatus::Up);
        QCOMPARE(up.textAt(now), QStringLiteral("Up 5 minutes (healthy)"));
        QCOMPARE(up.textAt(now + 60'000), QStringLiteral("Up 6 minutes (healthy)"));
        QCOMPARE(up.textAt(now + 3'600'000), QStringLiteral("Up About an hour (healthy)"));
        auto fresh = ContainerStatus::parse(QStringLiteral("Up Less than a second"), now);
        QCOMPARE(fresh.textAt(now + 30'000), QStringLiteral("Up 30 seconds"));
        auto exited = ContainerStatus::parse(QStringLiteral("Exited (137) 2 hours ago"), now);
        QCOMPARE(exited.kind, ContainerStatus::Exited);
        QCOMPARE(exited.textAt(now + 24 * 3'600'000), QStringLiteral("Exited (137) 26 hours ago"));
        auto paused = ContainerStatus::parse(QStringLiteral("Up 3 days (Paused)"), now);
        QCOMPARE(paused.textAt(now + 11 * 86'400'000LL), QStringLiteral("Up 2 weeks (Paused)"));
        for (const auto &other : {QStringLiteral("Created"), QStringLiteral("Restarting (1) 2 seconds ago"), QStringLiteral("Removal In Progress"),
                                  QStringLiteral("Up soon")})
            QCOMPARE(ContainerStatus::parse(other, now).textAt(now + 1000), other);
    }
    void jsonWriterRoundTrips()
    {
        const QJsonObject o{{QStringLiteral("s"), QStringLiteral("quote \" back\\ nl\n tab\t ctl\x01 中文 😀")},
                            {QStringLiteral("n"), 1795827724},
                            {QStringLiteral("f"), 0.25},
                            {QStringLiteral("b"), true},
                            {QStringLiteral("z"), QJsonValue::Null},
                            {QStringLiteral("a"), QJsonArray{1, QStringLiteral("x"), QJsonObject{{QStringLiteral("k"), QStringLiteral("v")}}}}};
        QByteArray out;
        Wharf::Backends::appendJsonValue(out, o);
        QJsonParseError e;
        const QJsonDocument back = QJsonDocument::fromJson(out, &e);
        QCOMPARE(e.error, QJsonParseError::NoError);
        QCOMPARE(back.object(), o);
        QVERIFY(out.contains("\\u0001"));
        QVERIFY(out.contains("1795827724")); // integers stay integers
    }
    void ports_data();
    void ports();
    // docker -p, the create dialog and compose's ports: read ranges by the one rule
    void portRanges()
    {
        using namespace Wharf::Backends;
        auto p = ContainerSpec::parsePort(QStringLiteral("127.0.0.1:8000-8002:80-82/UDP"));
        QVERIFY(p);
        QCOMPARE(p->target, 80);
        QCOMPARE(p->targetEnd, 82);
        QCOMPARE(p->protocol, QStringLiteral("udp"));
        const QList<PortMapping> each = expandPortRange(*p);
        QCOMPARE(each.size(), 3);
        QCOMPARE(each[2].target, 82);
        QCOMPARE(each[2].published, QStringLiteral("8002"));
        QCOMPARE(each[2].hostIp, QStringLiteral("127.0.0.1"));
        QCOMPARE(expandPortRange(*ContainerSpec::parsePort(QStringLiteral("9000:80-81")))[1].published, QStringLiteral("9000"));
        QCOMPARE(expandPortRange(*ContainerSpec::parsePort(QStringLiteral("80"))).size(), 1);
        const auto differ = ContainerSpec::parsePort(QStringLiteral("8000-8005:80-81"));
        QVERIFY(!differ);
        QVERIFY(differ.error().message.contains(QLatin1String("differ in size")));
        QVERIFY(!ContainerSpec::parsePort(QStringLiteral("81-80")));
        QVERIFY(!ContainerSpec::parsePort(QStringLiteral("[::1:8080:80")));
        QVERIFY(!ContainerSpec::parsePort(QStringLiteral("1.2.3.4.5:80:80")));
        QVERIFY(!ContainerSpec::parsePort(QString()));
    }
    void memory_data();
    void memory();
    void volumes();
    void restart();
    void reservedLabels();
    void createBody();
};

void TestContainerSpec::ports_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("ip");
    QTest::addColumn<int>("host");
    QTest::addColumn<int>("container");
    QTest::addColumn<QString>("proto");
    QTest::newRow("container only") << "80" << true << "" << 0 << 80 << "tcp";
    QTest::newRow("host:container") << "8080:80" << true << "" << 8080 << 80 << "tcp";
    QTest::newRow("ip:host:container/udp") << "127.0.0.1:53:53/udp" << true << "127.0.0.1" << 53 << 53 << "udp";
    QTest::newRow("ipv6") << "[::1]:8080:80" << true << "::1" << 8080 << 80 << "tcp";
    QTest::newRow("ip with random host port") << "127.0.0.1::80" << true << "127.0.0.1" << 0 << 80 << "tcp";
    QTest::newRow("too large") << "99999:80" << false << "" << 0 << 0 << "";
    QTest::newRow("zero") << "0:0" << false << "" << 0 << 0 << "";
    QTest::newRow("bad proto") << "80/icmp" << false << "" << 0 << 0 << "";
    QTest::newRow("bad ip") << "300.1.1.1:80:80" << false << "" << 0 << 0 << "";
    QTest::newRow("letters") << "http:80" << false << "" << 0 << 0 << "";
}

void TestContainerSpec::ports()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    auto p = ContainerSpec::parsePort(text);
    QCOMPARE(p.hasValue(), ok);
    if (!ok) {
        QVERIFY(!p.error().message.isEmpty());
        return;
    }
    QFETCH(QString, ip);
    QFETCH(int, host);
    QFETCH(int, container);
    QFETCH(QString, proto);
    QCOMPARE(p->hostIp, ip);
    QCOMPARE(p->published, host ? QString::number(host) : QString());
    QCOMPARE(p->target, container);
    QCOMPARE(p->protocol, proto);
}

void TestContainerSpec::memory_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("64m") << "64m" << qint64(64) * 1024 * 1024;
    QTest::newRow("1g") << "1g" << qint64(1024) * 1024 * 1024;
    QTest::newRow("512MB") << "512MB" << qint64(512) * 1024 * 1024;
    QTest::newRow("1.5g") << "1.5g" << qint64(1.5 * 1024 * 1024 * 1024);
    QTest::newRow("12q") << "12q" << qint64(-1);
    QTest::newRow("tiny") << "1k" << qint64(-1);
    QTest::newRow("empty") << "" << qint64(-1);
}

void TestContainerSpec::memory()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    auto m = ContainerSpec::parseMemory(text);
    if (bytes < 0) {
        QVERIFY(!m);
        QVERIFY(m.error().message.contains(text.isEmpty() ? QStringLiteral("memory") : text));
    } else {
        QVERIFY(m);
        QCOMPARE(*m, bytes);
    }
}

void TestContainerSpec::volumes()
{
    auto v = ContainerSpec::parseVolume(QStringLiteral("data:/var/lib/data:ro"));
    QVERIFY(v);
    QCOMPARE(v->source, QStringLiteral("data"));
    QVERIFY(v->readOnly);
    QVERIFY(!v->isBind());
    QVERIFY(ContainerSpec::parseVolume(QStringLiteral("/srv:/srv"))->isBind());
    QVERIFY(!ContainerSpec::parseVolume(QStringLiteral("data:relative")));
    QVERIFY(!ContainerSpec::parseVolume(QStringLiteral("data:/x:rx")));
    QVERIFY(!ContainerSpec::parseVolume(QStringLiteral("bad name!:/x")));
}

void TestContainerSpec::restart()
{
    QString p;
    int n = 0;
    QVERIFY(!ContainerSpec::parseRestart(QStringLiteral("on-failure:3"), &p, &n).isError());
    QCOMPARE(p, QStringLiteral("on-failure"));
    QCOMPARE(n, 3);
    QVERIFY(ContainerSpec::parseRestart(QStringLiteral("sometimes"), &p, &n).isError());
    QVERIFY(ContainerSpec::parseRestart(QStringLiteral("on-failure:x"), &p, &n).isError());
}

void TestContainerSpec::reservedLabels()
{
    ContainerSpec s;
    s.image = QStringLiteral("busybox");
    s.labels.insert(QStringLiteral("io.wharf.tenant"), QStringLiteral("x"));
    QVERIFY(s.validate().isError());
}

void TestContainerSpec::createBody()
{
    ContainerSpec s;
    s.image = QStringLiteral("busybox");
    s.command = {QStringLiteral("httpd"), QStringLiteral("-f")};
    s.ports << *ContainerSpec::parsePort(QStringLiteral("127.0.0.1:8080:80"));
    s.volumes << *ContainerSpec::parseVolume(QStringLiteral("data:/data:ro"));
    s.memoryBytes = 64 * 1024 * 1024;
    s.nanoCpus = *ContainerSpec::parseCpus(QStringLiteral("0.5"));
    s.restartPolicy = QStringLiteral("always");
    QVERIFY(!s.toCreateBody()[QLatin1String("HostConfig")].toObject().contains(QLatin1String("PidsLimit"))); // the daemon's default
    s.pidsLimit = 100;
    const QJsonObject b = s.toCreateBody();
    QCOMPARE(b[QLatin1String("Cmd")].toArray().size(), 2);
    const QJsonObject hc = b[QLatin1String("HostConfig")].toObject();
    QCOMPARE(hc[QLatin1String("PidsLimit")].toInteger(), 100);
    QCOMPARE(hc[QLatin1String("NanoCpus")].toInteger(), 500000000);
    QCOMPARE(hc[QLatin1String("Memory")].toInteger(), 64 * 1024 * 1024);
    QCOMPARE(hc[QLatin1String("Binds")].toArray().first().toString(), QStringLiteral("data:/data:ro"));
    QCOMPARE(hc[QLatin1String("PortBindings")][QLatin1String("80/tcp")][0][QLatin1String("HostPort")].toString(), QStringLiteral("8080"));
    QCOMPARE(hc[QLatin1String("RestartPolicy")][QLatin1String("Name")].toString(), QStringLiteral("always"));
}

QTEST_GUILESS_MAIN(TestContainerSpec)
#include "tst_containerspec.moc"
