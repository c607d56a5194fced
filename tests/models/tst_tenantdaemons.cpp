// The rules of tenants' own daemons without a host: user names, the public keys a tenant may
// hand in (each bound hit), limits from the plan, the helper's words and its command line
// (nothing a value holds reaches the shell), the helper's output, the local runner's bounds
// (time, output), and the record of endpoints (a dedicated host serves one tenant; a tenant
// with a daemon cannot be removed).
#include "tenancy/tenantdaemons.h"
#include "tenancy/tenantprofile.h"
#include "hosts/hoststore.h"
#include "operations/tenancyadmin.h"
#include "ssh/hostscript.h"
#include "tenancyfixture.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Wharf;
using namespace Wharf::Backends;
using Models::TenantDaemons;
using Models::ConnectionProfile;
using Models::HostConfig;
using Models::HostStore;

namespace {
// An OpenSSH public key line of the type, with a blob that names it.
QString keyLine(const QByteArray &type, const QByteArray &blobType = {}, const QString &comment = QStringLiteral("me@laptop"))
{
    const QByteArray t = blobType.isEmpty() ? type : blobType;
    QByteArray blob;
    const auto put = [&blob](const QByteArray &b) {
        const quint32 n = quint32(b.size());
        blob.append(char(n >> 24)).append(char(n >> 16)).append(char(n >> 8)).append(char(n));
        blob.append(b);
    };
    put(t);
    put(QByteArray(32, 'k'));
    return QString::fromLatin1(type) + QLatin1Char(' ') + QString::fromLatin1(blob.toBase64()) + (comment.isEmpty() ? QString() : QLatin1Char(' ') + comment);
}

HostScriptResult runLocal(const QByteArray &script, const QStringList &args, const QString &expected, int timeoutMs = 20000, QStringList *progress = nullptr)
{
    auto endpoint = Endpoint::parse(QStringLiteral("unix:///nonexistent/docker.sock"));
    HostScript s(*endpoint);
    s.setTimeout(timeoutMs);
    HostScriptResult result;
    bool done = false;
    QObject::connect(&s, &HostScript::progress, [progress](const QString &l) {
        if (progress)
            *progress << l;
    });
    s.run(script, args, expected, [&](const HostScriptResult &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs + 10000))
        result.error = Error::make(Error::Timeout, QStringLiteral("the test gave up"));
    return result;
}
} // namespace

class TestTenantDaemons : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unixUsers()
    {
        QCOMPARE(TenantDaemons::unixUser(QStringLiteral("acme")), QStringLiteral("wharf-acme"));
        const QString a = TenantDaemons::unixUser(QStringLiteral("a-very-long-tenant-name-of-forty-chars-1"));
        const QString b = TenantDaemons::unixUser(QStringLiteral("a-very-long-tenant-name-of-forty-chars-2"));
        QVERIFY(a.size() <= 32);
        QVERIFY(b.size() <= 32);
        QVERIFY(a != b);
        QVERIFY(a.startsWith(QLatin1String("wharf-a-very")));
    }

    void publicKeys_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::newRow("ed25519") << keyLine("ssh-ed25519") << QString();
        QTest::newRow("ecdsa, no comment") << keyLine("ecdsa-sha2-nistp256", {}, {}) << QString();
        QTest::newRow("trailing newline") << keyLine("ssh-rsa") + QLatin1Char('\n') << QString();
        QTest::newRow("empty") << QString() << QStringLiteral("empty");
        QTest::newRow("too long") << keyLine("ssh-ed25519", {}, QString(TenantDaemons::MaxPublicKey, QLatin1Char('c'))) << QStringLiteral("longer than");
        QTest::newRow("two keys") << keyLine("ssh-ed25519") + QLatin1Char('\n') + keyLine("ssh-ed25519") << QStringLiteral("not several");
        QTest::newRow("private key") << QStringLiteral("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----")
                                     << QStringLiteral("private key");
        QTest::newRow("options") << QStringLiteral("command=\"/bin/sh\" ") + keyLine("ssh-ed25519") << QStringLiteral("Options");
        QTest::newRow("unknown type") << keyLine("ssh-dss") << QStringLiteral("Not an SSH public key");
        QTest::newRow("not base64") << QStringLiteral("ssh-ed25519 AAAA$(reboot) x") << QStringLiteral("not base64");
        QTest::newRow("short blob") << QStringLiteral("ssh-ed25519 AAA=") << QStringLiteral("too short");
        QTest::newRow("type mismatch") << keyLine("ssh-ed25519", "ssh-rsa") << QStringLiteral("not a ssh-ed25519 key");
    }
    void publicKeys()
    {
        QFETCH(QString, key);
        QFETCH(QString, error);
        const Error e = TenantDaemons::checkPublicKey(key);
        if (error.isEmpty())
            QVERIFY2(!e.isError(), qPrintable(e.message));
        else
            QVERIFY2(e.isError() && e.message.contains(error), qPrintable(e.message));
    }

    void limitsFromThePlan()
    {
        Plan p;
        p.maxContainers = 3;
        p.cpusNano = 1'500'000'000;
        p.memoryBytes = 256ll << 20;
        p.maxPids = 64;
        const Models::DaemonLimits l = TenantDaemons::limits(p);
        QCOMPARE(l.memoryBytes, (256ll << 20) + TenantDaemons::DaemonMemory);
        QCOMPARE(l.cpusNano, 1'500'000'000ll);
        QCOMPARE(l.pids, 64 + TenantDaemons::DaemonPids + 3 * TenantDaemons::ShimPids);
        p.maxPids = 0;
        QCOMPARE(TenantDaemons::limits(p).pids, 0); // not limited
    }

    void roots_data()
    {
        QTest::addColumn<QString>("root");
        QTest::addColumn<bool>("ok");
        QTest::newRow("default") << TenantDaemons::defaultRoot() << true;
        QTest::newRow("tmp") << QStringLiteral("/tmp/wharf-th.AbC123") << true;
        QTest::newRow("relative") << QStringLiteral("tenants") << false;
        QTest::newRow("dot-dot") << QStringLiteral("/var/../etc") << false;
        QTest::newRow("space") << QStringLiteral("/var/lib/my tenants") << false;
        QTest::newRow("shell") << QStringLiteral("/var/$(id)") << false;
        QTest::newRow("root itself") << QStringLiteral("/") << false;
        QTest::newRow("too long") << QStringLiteral("/") + QString(60, QLatin1Char('d')) << false;
    }
    void roots()
    {
        QFETCH(QString, root);
        QFETCH(bool, ok);
        QCOMPARE(!TenantDaemons::checkRoot(root).isError(), ok);
    }

    // Every value is one word on the host's command line, whatever it holds.
    void commandLine()
    {
        const QStringList args = TenantDaemons::provisionArgs(QStringLiteral("wharf-acme"), QStringLiteral("/srv/t"), keyLine("ssh-ed25519", {}, QStringLiteral("evil'; reboot; '")),
                                                              {512ll << 20, 1'000'000'000, 240});
        QCOMPARE(args.value(0), QStringLiteral("provision"));
        QVERIFY(args.value(3).startsWith(QLatin1String("key=ssh-ed25519 ")));
        QVERIFY(args.value(3).endsWith(QLatin1String(" wharf-tenant:wharf-acme"))); // the key's own comment is not passed on
        QVERIFY(!args.join(QLatin1Char(' ')).contains(QLatin1String("reboot")));
        QCOMPARE(args.value(4), QStringLiteral("memory=536870912"));
        QCOMPARE(args.value(6), QStringLiteral("pids=240"));
        // the shell sees the words the helper gets, one each
        const QString line = HostScript::commandLine({QStringLiteral("a b"), QStringLiteral("it's"), QStringLiteral("$(id)")});
        QProcess sh;
        sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), line});
        sh.write("for a in \"$@\"; do printf '[%s]' \"$a\"; done\n");
        sh.closeWriteChannel();
        QVERIFY(sh.waitForFinished(10000));
        QCOMPARE(QString::fromUtf8(sh.readAllStandardOutput()), QStringLiteral("[a b][it's][$(id)]"));
    }

    void endpointUrls()
    {
        QCOMPARE(TenantDaemons::endpointUrl({QStringLiteral("root"), QStringLiteral("node1"), 22, {}, {}}, QStringLiteral("wharf-acme"), QStringLiteral("/var/lib/wharf/tenants/wharf-acme/run/docker.sock")),
                 QStringLiteral("ssh://wharf-acme@node1/var/lib/wharf/tenants/wharf-acme/run/docker.sock"));
        QCOMPARE(TenantDaemons::endpointUrl({QStringLiteral("root"), QStringLiteral("::1"), 2222, {}, {}}, QStringLiteral("wharf-a"), QStringLiteral("/t/s.sock")),
                 QStringLiteral("ssh://wharf-a@[::1]:2222/t/s.sock"));
        auto parsed = Endpoint::parse(QStringLiteral("ssh://wharf-a@node1:2222/t/wharf-a/run/docker.sock"));
        QVERIFY(parsed);
        QCOMPARE(parsed->sshTarget().socketPath, QStringLiteral("/t/wharf-a/run/docker.sock"));
    }

    void helperOutput()
    {
        auto r = HostScriptResult::parse("wharf: created the user\nsome log\nwharf-endpoint: socket=/x/docker.sock uid=1001\n", QStringLiteral("endpoint"), QStringLiteral("h"));
        QVERIFY(r.ok());
        QCOMPARE(r.values.value(QStringLiteral("endpoint")), QStringLiteral("socket=/x/docker.sock uid=1001"));
        r = HostScriptResult::parse("wharf: starting\nwharf-error: rootlesskit is missing on the host\n", QStringLiteral("endpoint"), QStringLiteral("h"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error.message, QStringLiteral("h: rootlesskit is missing on the host"));
        r = HostScriptResult::parse("bash: sudo: command not found\n", QStringLiteral("endpoint"), QStringLiteral("h"));
        QVERIFY(!r.ok());
        QVERIFY(r.error.message.contains(QLatin1String("command not found")));
        QVERIFY(!HostScriptResult::parse({}, QStringLiteral("endpoint"), QStringLiteral("h")).ok());
        // the bundled helper is there
        QVERIFY(TenantDaemons::helperScript().startsWith("#!/bin/sh"));
    }

    // The local runner: the helper's words, its progress, its error; bounded in time and output.
    void localRuns()
    {
        QStringList progress;
        auto r = runLocal("echo 'wharf: step one'; echo \"wharf-done: $1 $2\"\n", {QStringLiteral("x y"), QStringLiteral("z")}, QStringLiteral("done"), 20000, &progress);
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.values.value(QStringLiteral("done")), QStringLiteral("x y z"));
        QCOMPARE(progress, QStringList{QStringLiteral("step one")});
        r = runLocal("echo 'wharf-error: no such user' >&2; exit 1\n", {}, QStringLiteral("done"));
        QCOMPARE(r.error.message, QStringLiteral("this machine: no such user"));
        QElapsedTimer t;
        t.start();
        r = runLocal("sleep 30\n", {}, QStringLiteral("done"), 300);
        QCOMPARE(r.error.kind, Error::Timeout);
        QVERIFY(t.elapsed() < 10000);
        r = runLocal("head -c 3000000 /dev/zero | tr '\\0' a; echo; echo wharf-done: yes\n", {}, QStringLiteral("done"));
        QVERIFY2(r.ok(), qPrintable(r.error.message.left(200)));
        QVERIFY(r.output.size() <= HostScript::MaxOutput);
        auto tcp = Endpoint::parse(QStringLiteral("tcp://127.0.0.1:2376"), {}, true);
        QVERIFY(tcp);
        HostScript s(*tcp);
        HostScriptResult got;
        bool done = false;
        s.run("true", {}, QStringLiteral("done"), [&](const HostScriptResult &x) {
            got = x;
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 5000));
        QVERIFY(got.error.message.contains(QLatin1String("SSH address")));
    }

    // The helper's usage line: four counts; anything else is an error naming the word.
    void usageWords()
    {
        auto u = TenantDaemons::parseUsage(QStringLiteral("memory=1048576 peak=2097152 cpu_usec=1500000 pids=17"));
        QVERIFY(u);
        QCOMPARE(u->memoryBytes, 1048576);
        QCOMPARE(u->peakMemoryBytes, 2097152);
        QCOMPARE(u->cpuMicros, 1500000);
        QCOMPARE(u->pids, 17);
        // a word a newer helper adds is left alone
        QVERIFY(TenantDaemons::parseUsage(QStringLiteral("memory=1 peak=0 cpu_usec=0 pids=1 io_bytes=5")));
        for (const char *bad : {"memory=1 peak=0 cpu_usec=0", "memory=x peak=0 cpu_usec=0 pids=1", "memory=-1 peak=0 cpu_usec=0 pids=1",
                                "memory=1 peak=0 cpu_usec=0 pids=99999999999", "memory peak cpu_usec pids", "", "memory=99999999999999999999 peak=0 cpu_usec=0 pids=1"}) {
            auto r = TenantDaemons::parseUsage(QString::fromLatin1(bad));
            QVERIFY2(!r, bad);
            QCOMPARE(r.error().kind, Error::Protocol);
        }
    }

    void endpointRecords()
    {
        QTemporaryDir dir;
        auto store = TestSupport::tenancyFixture(dir.filePath(QStringLiteral("w.db")));
        QVERIFY(store);
        Models::TenancyAdmin admin(*store);
        Tenant other;
        other.name = QStringLiteral("other");
        other.plan = QStringLiteral("two");
        QVERIFY(!admin.createTenant(other).isError());
        TenantEndpoint e;
        e.tenant = QStringLiteral("acme");
        e.host = QStringLiteral("h1");
        e.unixUser = QStringLiteral("wharf-acme");
        e.url = QStringLiteral("ssh://wharf-acme@h1/r/wharf-acme/run/docker.sock");
        e.root = QStringLiteral("/r");
        QVERIFY(!store->setEndpoint(e).isError());
        QVERIFY(!store->setEndpoint(e).isError()); // again: replaced, not doubled
        QCOMPARE(store->endpoints(QStringLiteral("acme"))->size(), 1);
        // in acme's private domain under the name its profile gives it
        QCOMPARE(e.hostKey(), QStringLiteral("acme@h1"));
        QCOMPARE(store->hostDomain(QStringLiteral("acme@h1"))->tenant, QStringLiteral("acme"));
        QCOMPARE(store->hostDomain(QStringLiteral("acme@h1"))->domain, QStringLiteral("private"));
        QCOMPARE(store->hostDomain(QStringLiteral("h1"))->domain, QStringLiteral("public")); // the shared host stays as it was
        // what its cgroup uses, as the controller read it
        TenantEndpoint::Usage used;
        used.memoryBytes = 300 << 20;
        used.peakMemoryBytes = 400 << 20;
        used.cpuMicros = 12'500'000;
        used.pids = 42;
        QVERIFY(!store->setEndpointUsage(QStringLiteral("acme"), QStringLiteral("h1"), used).isError());
        const TenantEndpoint read = *store->endpoint(QStringLiteral("acme"), QStringLiteral("h1"));
        QCOMPARE(read.usage.memoryBytes, qint64(300 << 20));
        QCOMPARE(read.usage.peakMemoryBytes, qint64(400 << 20));
        QCOMPARE(read.usage.cpuMicros, 12'500'000);
        QCOMPARE(read.usage.pids, 42);
        QVERIFY(read.usage.at > 0);
        QCOMPARE(store->setEndpointUsage(QStringLiteral("acme"), QStringLiteral("nowhere"), used).kind, Error::NotFound);
        // h1 runs acme's daemon: it cannot be dedicated to another tenant
        TenantEndpoint d{QStringLiteral("other"), QStringLiteral("h1"), QStringLiteral("dedicated"), {}, QStringLiteral("ssh://h1"), {}, 0, 0, 0, 0};
        QCOMPARE(store->setEndpoint(d).kind, Error::Conflict);
        d.host = QStringLiteral("h2");
        QVERIFY(!store->setEndpoint(d).isError());
        // and a dedicated host runs no other tenant's daemon
        e.host = QStringLiteral("h2");
        QCOMPARE(store->setEndpoint(e).kind, Error::Conflict);
        e.kind = QStringLiteral("shared");
        QCOMPARE(store->setEndpoint(e).kind, Error::Input);
        // a tenant with a daemon somewhere stays until it is deprovisioned
        const Error early = admin.removeTenant(QStringLiteral("acme"), true);
        QVERIFY2(early.isError() && early.message.contains(QLatin1String("deprovision")), qPrintable(early.message));
        QVERIFY(!store->removeEndpoint(QStringLiteral("acme"), QStringLiteral("h1")).isError());
        QVERIFY(store->hostDomain(QStringLiteral("acme@h1"))->domain.isEmpty()); // its domain row goes with it
        QCOMPARE(store->removeEndpoint(QStringLiteral("acme"), QStringLiteral("h1")).kind, Error::NotFound);
        QVERIFY(!admin.removeTenant(QStringLiteral("acme"), true).isError());
        QCOMPARE(store->endpoints()->size(), 1); // other's dedicated host
    }

    void plansLimitProcesses()
    {
        QTemporaryDir dir;
        auto store = TestSupport::tenancyFixture(dir.filePath(QStringLiteral("w.db")));
        QVERIFY(store);
        auto p = store->plan(QStringLiteral("two"));
        QVERIFY(p);
        QCOMPARE(p->maxPids, 0);
        p->maxPids = 8;
        QCOMPARE(store->updatePlan(*p).kind, Error::Input);
        p->maxPids = 100;
        QVERIFY(!store->updatePlan(*p).isError());
        QCOMPARE(store->plan(QStringLiteral("two"))->maxPids, 100);
    }

    // The connection profile a tenant is handed: its endpoints only, no secret, read with bounds.
    void connectionProfiles()
    {
        TenantEndpoint own{QStringLiteral("acme"), QStringLiteral("h1"), QStringLiteral("rootless"), QStringLiteral("wharf-acme"),
                           QStringLiteral("ssh://wharf-acme@h1.example:22/var/lib/wharf/tenants/wharf-acme/run/docker.sock")};
        TenantEndpoint dedicated{QStringLiteral("acme"), QStringLiteral("d1"), QStringLiteral("dedicated"), QStringLiteral("wharf-acme"),
                                 QStringLiteral("ssh://wharf-acme@d1.example:2222/var/run/docker.sock")};
        TenantEndpoint other{QStringLiteral("other"), QStringLiteral("h1"), QStringLiteral("rootless"), QStringLiteral("wharf-other"),
                             QStringLiteral("ssh://wharf-other@h1.example:22/x/docker.sock")};
        const ConnectionProfile p = ConnectionProfile::of(QStringLiteral("acme"), {own, dedicated, other}, QStringLiteral("postgresql://wharf_t_acme@db:5432/wharf"));
        QCOMPARE(p.hosts.size(), 2); // never another tenant's
        const QByteArray text = p.toJson();
        QVERIFY(!text.contains("wharf-other"));
        auto back = ConnectionProfile::parse(text);
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QCOMPARE(back->tenant, QStringLiteral("acme"));
        QCOMPARE(back->database, p.database);
        QCOMPARE(back->hosts.size(), 2);
        QCOMPARE(back->hosts.at(0).name, QStringLiteral("acme@h1.example"));
        QCOMPARE(back->hosts.at(1).name, QStringLiteral("acme@d1.example:2222"));

        // Each bound and each malformed part: refused with a sentence.
        auto refused = [](const QByteArray &json, const char *words) {
            auto r = ConnectionProfile::parse(json);
            QVERIFY2(!r, json.left(100).constData());
            QVERIFY2(r.error().message.contains(QLatin1String(words)), qPrintable(r.error().message));
        };
        refused(QByteArray(ConnectionProfile::MaxBytes + 1, ' '), "at most 64 KiB");
        QByteArray many = "{\"wharfProfile\":1,\"tenant\":\"acme\",\"hosts\":[";
        for (int i = 0; i <= ConnectionProfile::MaxHosts; ++i)
            many += QByteArray(i ? "," : "") + "{\"name\":\"h" + QByteArray::number(i) + "\",\"kind\":\"rootless\",\"url\":\"ssh://u@h/s.sock\"}";
        many += "]}";
        refused(many, "at most 64 hosts");
        refused("[1,2]", "not a connection profile");
        refused("{\"tenant\":\"acme\"}", "no \"wharfProfile\"");
        refused("{\"wharfProfile\":2,\"tenant\":\"acme\"}", "version 2");
        refused("{\"wharfProfile\":1,\"tenant\":\"../etc\"}", "names no tenant");
        refused("{\"wharfProfile\":1,\"tenant\":\"acme\",\"database\":\"sqlite:///tmp/x.db\"}", "not a PostgreSQL address");
        refused("{\"wharfProfile\":1,\"tenant\":\"acme\",\"hosts\":[{\"name\":\"x\",\"kind\":\"rootless\",\"url\":\"tcp://h:2375\"}]}", "no ssh:// address");
        refused("{\"wharfProfile\":1,\"tenant\":\"acme\",\"hosts\":[{\"name\":\"x\",\"kind\":\"root\",\"url\":\"ssh://u@h/s.sock\"}]}", "unknown kind");
        refused("{\"wharfProfile\":1,\"tenant\":\"acme\",\"hosts\":[{\"name\":\"\",\"kind\":\"rootless\",\"url\":\"ssh://u@h/s.sock\"}]}", "no usable name");

        // Imported: saved hosts in the tenant's group with its key; again, nothing changes; a
        // moved endpoint is brought up to date.
        QTemporaryDir dir;
        HostStore store(dir.filePath(QStringLiteral("hosts.json")));
        QVERIFY(!store.load().isError());
        const QString key = dir.filePath(QStringLiteral("id_ed25519"));
        auto saved = back->importInto(store, key);
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
        QCOMPARE(*saved, (QStringList{QStringLiteral("acme@h1.example"), QStringLiteral("acme@d1.example:2222")}));
        const HostConfig *h1 = store.findByName(QStringLiteral("acme@h1.example"));
        QVERIFY(h1);
        QCOMPARE(h1->group, QStringLiteral("acme"));
        QCOMPARE(h1->sshIdentityFile, key);
        QCOMPARE(h1->endpoint()->url(), Endpoint::parse(own.url)->url());
        const QString idBefore = h1->id;
        QVERIFY(back->importInto(store, key));
        QCOMPARE(store.hosts().size(), 2);
        QCOMPARE(store.findByName(QStringLiteral("acme@h1.example"))->id, idBefore); // left as it was
        ConnectionProfile moved = *back;
        moved.hosts[0].url = QStringLiteral("ssh://wharf-acme@h1.example:2200/var/lib/wharf/tenants/wharf-acme/run/docker.sock");
        QVERIFY(moved.importInto(store, key));
        QCOMPARE(store.hosts().size(), 2);
        QCOMPARE(store.findByName(QStringLiteral("acme@h1.example"))->endpoint()->url(), Endpoint::parse(moved.hosts[0].url)->url());
        HostStore reread(dir.filePath(QStringLiteral("hosts.json")));
        QVERIFY(!reread.load().isError());
        QCOMPARE(reread.hosts().size(), 2); // saved on disk
    }
};

QTEST_GUILESS_MAIN(TestTenantDaemons)
#include "tst_tenantdaemons.moc"
