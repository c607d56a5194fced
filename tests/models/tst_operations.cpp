// The operations layer without a daemon: a scripted engine on a unix socket answers the
// requests, an embedded database in a temporary folder holds the plans, quotas and the audit
// log. Every path a request can take is run: done, refused by policy, refused by quota,
// failed at the daemon, removed; inline (wharfctl) and on the database's thread (console).
#include "operations/daemoncalls.h"
#include "operations/operations.h"
#include "operations/tenancyadmin.h"
#include "tenancy/tenancyservice.h"
#include "docker/dockerclient.h"
#include "store/store.h"
#include "store/tenancystore.h"
#include "scriptedengine.h"
#include "tenancyfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <QTimer>

#include <memory>

using namespace Wharf::Models;
using namespace Wharf::Backends;

using TestSupport::ScriptedEngine;

class TestOperations : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ScriptedEngine> m_engine;
    std::unique_ptr<DockerClient> m_client;
    std::shared_ptr<TenancyStore> m_store;
    int m_db = 0;

    static constexpr const char *Host = "h1";

    std::unique_ptr<Operations> operations(const QString &tenant)
    {
        auto ops = std::make_unique<Operations>(QString::fromLatin1(Host));
        auto gate = std::make_shared<PolicyGate>(m_store, Principal{QStringLiteral("tester"), tenant});
        ops->setRunner(TestSupport::inlineGateRunner(gate), !tenant.isEmpty());
        return ops;
    }
    Outcome runAndWait(Operations &ops, const Request &r, Operations::Send send)
    {
        std::optional<Outcome> got;
        ops.run(r, std::move(send), [&got](const Outcome &o) {
            got = o;
            got->job = nullptr; // not kept past the call
        });
        if (!QTest::qWaitFor([&] { return got.has_value(); }, 10000))
            return Outcome{Error::make(Error::Timeout, QStringLiteral("no outcome")), false, nullptr, {}};
        return *got;
    }
    QList<AuditEntry> log() { return *m_store->auditLog({}); }
    QJsonObject createBody(const QJsonObject &hostConfig = {})
    {
        return {{QStringLiteral("Image"), QStringLiteral("busybox")}, {QStringLiteral("HostConfig"), hostConfig}};
    }

    struct StepResult
    {
        Error error;
        QString id;
        bool reachedDaemon = false;
    };
    static std::optional<StepResult> waitStep(const std::function<void(GatedSteps::Done)> &step)
    {
        auto got = std::make_shared<std::optional<StepResult>>();
        step([got](const Error &e, const QString &id, DockerJob *job) { *got = StepResult{e, id, job != nullptr}; });
        (void)QTest::qWaitFor([got] { return got->has_value(); }, 10000);
        return *got;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_engine = std::make_unique<ScriptedEngine>(m_dir.filePath(QStringLiteral("engine-%1.sock").arg(m_db)));
        auto ep = Endpoint::parse(m_engine->url());
        QVERIFY(ep);
        m_client = std::make_unique<DockerClient>(*ep);
        m_store = TestSupport::tenancyFixture(m_dir.filePath(QStringLiteral("db-%1.sqlite").arg(m_db++)));
        QVERIFY(m_store);
    }
    void cleanup()
    {
        m_client.reset();
        m_engine.reset();
        m_store.reset();
    }

    // An admin's change: sent as it is, one record in the vocabulary.
    void adminCreateIsRecorded()
    {
        auto ops = operations({});
        const Outcome o = runAndWait(*ops, Request::create(QStringLiteral("container"), QStringLiteral("web"), createBody()),
                                     Calls::createContainer(m_client.get(), QStringLiteral("web")));
        QVERIFY2(o.ok(), qPrintable(o.error.message));
        QCOMPARE(o.id, QStringLiteral("c0ffee"));
        QCOMPARE(m_engine->calls.last(), QByteArray("POST /containers/create?name=web"));
        const AuditEntry last = log().first();
        QCOMPARE(last.action, QStringLiteral("container.create"));
        QCOMPARE(last.target, QStringLiteral("web"));
        QCOMPARE(last.result, QStringLiteral("ok"));
        QCOMPARE(last.actor, QStringLiteral("tester"));
    }

    // A tenant's create: labelled, limited to a share of the plan, quota reserved and settled.
    void tenantCreateReservesAndSettles()
    {
        auto ops = operations(QStringLiteral("acme"));
        const Outcome o = runAndWait(*ops, Request::create(QStringLiteral("container"), QStringLiteral("web"), createBody()),
                                     Calls::createContainer(m_client.get(), QStringLiteral("web")));
        QVERIFY2(o.ok(), qPrintable(o.error.message));
        const QJsonObject sent = m_engine->bodies.last();
        QCOMPARE(sent.value(QLatin1String("Labels")).toObject().value(QLatin1String("io.wharf.tenant")).toString(), QStringLiteral("acme"));
        QCOMPARE(sent.value(QLatin1String("HostConfig")).toObject().value(QLatin1String("NanoCpus")).toInteger(), 1'000'000'000);
        // a plan without a process limit: the default, so a fork bomb stops in its container
        QCOMPARE(sent.value(QLatin1String("HostConfig")).toObject().value(QLatin1String("PidsLimit")).toInteger(), PolicyGate::DefaultTenantPids);
        QCOMPARE(m_store->usage(QStringLiteral("acme"))->containers, 1);
        auto owned = m_store->owned(QString::fromLatin1(Host), QStringLiteral("c0ffee"));
        QVERIFY(owned);
        QCOMPARE(owned->state, QStringLiteral("active"));
        QCOMPARE(log().first().tenant, QStringLiteral("acme"));
        QCOMPARE(log().first().result, QStringLiteral("ok"));
    }

    // A container joins an app by compose's project label only when the app is the tenant's.
    void composeProjectOfItsOwnApp()
    {
        auto ops = operations(QStringLiteral("acme"));
        Error claimed = Error::make(Error::Input, QStringLiteral("not answered"));
        ops->steps().claimApp(QStringLiteral("shop"), [&claimed](const Error &e) { claimed = e; });
        QVERIFY2(!claimed.isError(), qPrintable(claimed.message));
        QJsonObject body = createBody();
        body.insert(QStringLiteral("Labels"), QJsonObject{{QStringLiteral("com.docker.compose.project"), QStringLiteral("shop")}});
        const Outcome o = runAndWait(*ops, Request::create(QStringLiteral("container"), QStringLiteral("shop-web-1"), body),
                                     Calls::createContainer(m_client.get(), QStringLiteral("shop-web-1")));
        QVERIFY2(o.ok(), qPrintable(o.error.message));
    }

    // The daemon said no: the reservation goes back, the failure is recorded with its reason.
    void daemonFailureReleases()
    {
        auto ops = operations(QStringLiteral("acme"));
        const Outcome o = runAndWait(*ops, Request::create(QStringLiteral("container"), QStringLiteral("boom"), createBody()),
                                     Calls::createContainer(m_client.get(), QStringLiteral("boom")));
        QVERIFY(!o.ok());
        QVERIFY(!o.refused);
        QVERIFY2(o.error.message.contains(QLatin1String("the engine broke")), qPrintable(o.error.message));
        QCOMPARE(m_store->usage(QStringLiteral("acme"))->containers, 0);
        QCOMPARE(m_store->resources(QStringLiteral("acme"))->size(), 0);
        QCOMPARE(log().first().result, QStringLiteral("failed"));
        QVERIFY(log().first().detail.contains(QLatin1String("the engine broke")));
    }

    // Policy refusals never reach the daemon and are recorded as refusals, with the reason.
    void refusals_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("verb");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("result");
        QTest::addColumn<QString>("reason");
        const QJsonObject privileged{{QStringLiteral("Image"), QStringLiteral("busybox")},
                                     {QStringLiteral("HostConfig"), QJsonObject{{QStringLiteral("Privileged"), true}}}};
        const QJsonObject hostMount{{QStringLiteral("Image"), QStringLiteral("busybox")},
                                    {QStringLiteral("HostConfig"), QJsonObject{{QStringLiteral("Binds"), QJsonArray{QStringLiteral("/etc:/x")}}}}};
        const QJsonObject bigger{{QStringLiteral("Image"), QStringLiteral("busybox")},
                                 {QStringLiteral("HostConfig"), QJsonObject{{QStringLiteral("NanoCpus"), 3'000'000'000LL}}}};
        const QJsonObject reserved{{QStringLiteral("Image"), QStringLiteral("busybox")},
                                   {QStringLiteral("Labels"), QJsonObject{{QStringLiteral("io.wharf.tenant"), QStringLiteral("other")}}}};
        const QJsonObject driver{{QStringLiteral("Name"), QStringLiteral("v")}, {QStringLiteral("Driver"), QStringLiteral("nfs")}};
        const QJsonObject joinsAnApp{{QStringLiteral("Image"), QStringLiteral("busybox")},
                                     {QStringLiteral("Labels"), QJsonObject{{QStringLiteral("com.docker.compose.project"), QStringLiteral("shop")}}}};
        const QJsonObject manyProcesses{{QStringLiteral("Image"), QStringLiteral("busybox")},
                                        {QStringLiteral("HostConfig"), QJsonObject{{QStringLiteral("PidsLimit"), PolicyGate::DefaultTenantPids + 1}}}};
        const int create = int(Request::Kind::Create), act = int(Request::Kind::Act), remove = int(Request::Kind::Remove),
                  admin = int(Request::Kind::Admin);
        QTest::newRow("privileged") << "acme" << create << "container" << "create" << privileged << "denied" << "--privileged";
        QTest::newRow("host folder") << "acme" << create << "container" << "create" << hostMount << "denied" << "a host folder";
        QTest::newRow("over the plan") << "acme" << create << "container" << "create" << bigger << "denied-quota" << "CPUs";
        QTest::newRow("an app not its own") << "acme" << create << "container" << "create" << joinsAnApp << "denied" << "not an app of tenant";
        QTest::newRow("processes over the plan") << "acme" << create << "container" << "create" << manyProcesses << "denied" << "processes";
        QTest::newRow("reserved label") << "acme" << create << "container" << "create" << reserved << "denied" << "reserved";
        QTest::newRow("volume driver") << "acme" << create << "volume" << "create" << driver << "denied" << "--driver nfs";
        QTest::newRow("someone else's container") << "acme" << act << "container" << "stop" << QJsonObject{} << "denied" << "No container";
        QTest::newRow("someone else's volume") << "acme" << remove << "volume" << "remove" << QJsonObject{} << "denied" << "No volume";
        QTest::newRow("an admin's action") << "acme" << admin << "image" << "push" << QJsonObject{} << "denied" << "not available";
    }
    void refusals()
    {
        QFETCH(QString, tenant);
        QFETCH(int, kind);
        QFETCH(QString, resource);
        QFETCH(QString, verb);
        QFETCH(QJsonObject, body);
        QFETCH(QString, result);
        QFETCH(QString, reason);
        auto ops = operations(tenant);
        Request r{Request::Kind(kind), resource, verb, QStringLiteral("x"), body, {}, {}};
        bool sent = false;
        const Outcome o = runAndWait(*ops, r, [&sent, this](const QJsonObject &b) {
            sent = true;
            return m_client->createContainer(b);
        });
        QVERIFY(o.refused);
        QVERIFY(!sent);
        QVERIFY2(o.error.message.contains(reason), qPrintable(o.error.message));
        const AuditEntry last = log().first();
        QCOMPARE(last.action, r.action());
        QCOMPARE(last.result, result);
        QVERIFY2(last.detail.contains(reason), qPrintable(last.detail));
        QCOMPARE(m_store->usage(QStringLiteral("acme"))->containers, 0);
    }

    // The plan holds two: the third is refused by quota, and a removal gives one back.
    void quotaAndRemoval()
    {
        auto ops = operations(QStringLiteral("acme"));
        for (const char *name : {"a", "b"})
            QVERIFY(runAndWait(*ops, Request::create(QStringLiteral("container"), QString::fromLatin1(name), createBody(QJsonObject{{QStringLiteral("NanoCpus"), 500'000'000LL}})),
                               Calls::createContainer(m_client.get(), QString::fromLatin1(name)))
                        .ok());
        // (the scripted engine gives every container one id; the second reservation is made
        // active under it too, which is enough for counting)
        const Outcome third = runAndWait(*ops, Request::create(QStringLiteral("container"), QStringLiteral("c"), createBody()),
                                         Calls::createContainer(m_client.get(), QStringLiteral("c")));
        QVERIFY(third.refused);
        QCOMPARE(third.error.kind, Error::Quota);
        QCOMPARE(log().first().result, QStringLiteral("denied-quota"));
        QCOMPARE(m_store->usage(QStringLiteral("acme"))->containers, 2);
        const Outcome removed = runAndWait(*ops, Request::remove(QStringLiteral("container"), QStringLiteral("a")),
                                           Calls::removeContainer(m_client.get(), QStringLiteral("a")));
        QVERIFY2(removed.ok(), qPrintable(removed.error.message));
        QCOMPARE(m_store->usage(QStringLiteral("acme"))->containers, 1);
        QCOMPARE(log().first().action, QStringLiteral("container.remove"));
        QCOMPARE(log().first().target, QStringLiteral("a"));
        QCOMPARE(m_engine->calls.last(), QByteArray("DELETE /containers/a"));
    }

    // A tenant's action on its own container goes out and is recorded as done.
    void ownActionIsRecorded()
    {
        auto ops = operations(QStringLiteral("acme"));
        QVERIFY(runAndWait(*ops, Request::create(QStringLiteral("container"), QStringLiteral("web"), createBody()),
                           Calls::createContainer(m_client.get(), QStringLiteral("web")))
                    .ok());
        const Outcome o = runAndWait(*ops, Request::act(QStringLiteral("container"), QStringLiteral("stop"), QStringLiteral("web")).on(QStringLiteral("c0ffee")),
                                     Calls::stopContainer(m_client.get(), QStringLiteral("c0ffee")));
        QVERIFY2(o.ok(), qPrintable(o.error.message));
        QCOMPARE(m_engine->calls.last(), QByteArray("POST /containers/c0ffee/stop"));
        QCOMPARE(log().first().action, QStringLiteral("container.stop"));
        QCOMPARE(log().first().target, QStringLiteral("web"));
        QCOMPARE(log().first().result, QStringLiteral("ok"));
    }

    // Without a platform database the request goes straight out and nothing is recorded.
    void withoutGate()
    {
        Operations ops(QString::fromLatin1(Host));
        QVERIFY(!ops.gated());
        const Outcome o = runAndWait(ops, Request::create(QStringLiteral("network"), QStringLiteral("n"), {{QStringLiteral("Name"), QStringLiteral("n")}}),
                                     Calls::createNetwork(m_client.get()));
        QVERIFY(o.ok());
        QCOMPARE(o.id, QStringLiteral("n0ffee"));
        QCOMPARE(log().size(), 3); // the set-up's own records only
        QVERIFY(!ops.steps().gated());
    }

    // Work of several calls (a deploy): one record for the whole, with what it says it did.
    void workIsOneRecord()
    {
        auto ops = operations({});
        std::optional<Outcome> got;
        ops->runWork(Request::host(QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("shop")),
                     [](const QJsonObject &, Operations::Finished finished) { finished({}, QStringLiteral("2 to create")); },
                     [&got](const Outcome &o) { got = o; });
        QVERIFY(got && got->ok());
        QCOMPARE(log().first().action, QStringLiteral("app.deploy"));
        QCOMPARE(log().first().detail, QStringLiteral("2 to create"));
    }

    // The steps of work of several calls (a deploy): a create is admitted (the tenant's labels,
    // its share of the plan), sent, settled and recorded; a removal gives the quota back.
    void gatedStepsCreateAndRemove()
    {
        auto ops = operations(QStringLiteral("acme"));
        const GatedSteps steps = ops->steps();
        QVERIFY(steps.gated());
        QObject context;
        const auto made = waitStep([&](GatedSteps::Done done) {
            steps.create(QStringLiteral("container"), QStringLiteral("web"), createBody(), Calls::createContainer(m_client.get(), QStringLiteral("web")), &context, done);
        });
        QVERIFY(made);
        QVERIFY2(!made->error.isError(), qPrintable(made->error.message));
        QCOMPARE(made->id, QStringLiteral("c0ffee"));
        QCOMPARE(m_engine->bodies.last().value(QLatin1String("Labels")).toObject().value(QLatin1String("io.wharf.tenant")).toString(), QStringLiteral("acme"));
        QCOMPARE(m_store->usage(QStringLiteral("acme"))->containers, 1);
        QCOMPARE(log().first().action, QStringLiteral("container.create"));
        QCOMPARE(log().first().result, QStringLiteral("ok"));
        const auto gone = waitStep([&](GatedSteps::Done done) {
            steps.remove(QStringLiteral("container"), QStringLiteral("c0ffee"), Calls::removeContainer(m_client.get(), QStringLiteral("c0ffee")), &context, done);
        });
        QVERIFY(gone && !gone->error.isError());
        QCOMPARE(m_engine->calls.last(), QByteArray("DELETE /containers/c0ffee"));
        QCOMPARE(m_store->usage(QStringLiteral("acme"))->containers, 0);
    }

    // A create the gate refuses never reaches the daemon.
    void gatedStepsRefusalSendsNothing()
    {
        auto ops = operations(QStringLiteral("acme"));
        const GatedSteps steps = ops->steps();
        QObject context;
        const QJsonObject big = createBody(QJsonObject{{QStringLiteral("Memory"), 8LL * 1024 * 1024 * 1024}});
        const qsizetype before = m_engine->calls.size();
        const auto refused = waitStep([&](GatedSteps::Done done) {
            steps.create(QStringLiteral("container"), QStringLiteral("huge"), big, Calls::createContainer(m_client.get(), QStringLiteral("huge")), &context, done);
        });
        QVERIFY(refused);
        QVERIFY(refused->error.isError());
        QVERIFY(!refused->reachedDaemon);
        QCOMPARE(m_engine->calls.size(), before);
        QCOMPARE(log().first().result, QStringLiteral("denied-quota"));
        QCOMPARE(m_store->usage(QStringLiteral("acme"))->containers, 0);
    }

    // Work that failed while a create waited for its admission: the create goes no further and
    // its reservation is given back.
    void gatedStepsAbandonedCreateReleases()
    {
        auto ops = operations(QStringLiteral("acme"));
        GatedSteps steps = ops->steps();
        steps.setAbandoned([] { return Error::make(Error::Http, QStringLiteral("an earlier step failed")); });
        QObject context;
        const qsizetype before = m_engine->calls.size();
        const auto abandoned = waitStep([&](GatedSteps::Done done) {
            steps.create(QStringLiteral("container"), QStringLiteral("web"), createBody(), Calls::createContainer(m_client.get(), QStringLiteral("web")), &context, done);
        });
        QVERIFY(abandoned);
        QCOMPARE(abandoned->error.message, QStringLiteral("an earlier step failed"));
        QVERIFY(!abandoned->reachedDaemon);
        QCOMPARE(m_engine->calls.size(), before);
        QCOMPARE(m_store->usage(QStringLiteral("acme"))->containers, 0);
        QCOMPARE(m_store->resources(QStringLiteral("acme"))->size(), 0);
    }

    // The work went away while the gate was deciding (the console's gate answers later): nothing
    // is created and nothing stays reserved.
    void gatedStepsContextGoneReleases()
    {
        auto gate = std::make_shared<PolicyGate>(m_store, Principal{QStringLiteral("tester"), QStringLiteral("acme")});
        Operations ops(QString::fromLatin1(Host));
        ops.setRunner([gate](std::function<void(PolicyGate &)> work, std::function<void()> then) {
            QTimer::singleShot(0, [gate, work, then] {
                work(*gate);
                if (then)
                    then();
            });
        }, true);
        auto context = std::make_unique<QObject>();
        bool called = false;
        const qsizetype before = m_engine->calls.size();
        ops.steps().create(QStringLiteral("container"), QStringLiteral("web"), createBody(), Calls::createContainer(m_client.get(), QStringLiteral("web")),
                           context.get(), [&called](const Error &, const QString &, DockerJob *) { called = true; });
        context.reset();
        // the admission, then the release, each on a later turn of the event loop
        QTRY_COMPARE_WITH_TIMEOUT(m_store->resources(QStringLiteral("acme"))->size(), 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(log().first().result == QLatin1String("failed"), 10000);
        QVERIFY(!called);
        QCOMPARE(m_engine->calls.size(), before);
        QCOMPARE(m_store->usage(QStringLiteral("acme"))->containers, 0);
    }

    // The work went away after its create was sent: the daemon makes the container anyway, so
    // the reservation is settled with its id (the tenant's books match the host), and the
    // work's own callback does not run.
    void gatedStepsSettleAfterTheWorkIsGone()
    {
        auto ops = operations(QStringLiteral("acme"));
        auto context = std::make_unique<QObject>();
        bool called = false;
        ops->steps().create(QStringLiteral("container"), QStringLiteral("web"), createBody(), Calls::createContainer(m_client.get(), QStringLiteral("web")),
                            context.get(), [&called](const Error &, const QString &, DockerJob *) { called = true; });
        context.reset(); // (the inline gate admitted at once: the request is on its way)
        const auto settled = [this] {
            const auto owned = m_store->owned(QString::fromLatin1(Host), QStringLiteral("c0ffee"));
            return owned && owned->state == QLatin1String("active");
        };
        QTRY_VERIFY_WITH_TIMEOUT(settled(), 10000);
        QVERIFY(!called);
        QCOMPARE(m_store->usage(QStringLiteral("acme"))->containers, 1);
        QCOMPARE(log().first().action, QStringLiteral("container.create"));
        QCOMPARE(log().first().result, QStringLiteral("ok"));
    }

    // The console's way: the gate on the database's own thread, answers back on this one.
    void onTheDatabaseThread()
    {
        TenancyService service;
        QSignalSpy ready(&service, &TenancyService::ready);
        service.open(*StoreUrl::parse(QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("db-%1.sqlite").arg(m_db - 1))), {});
        QVERIFY(ready.wait(10000));
        Operations ops(QString::fromLatin1(Host));
        ops.setRunner(service.runner(), false);
        const Outcome o = runAndWait(ops, Request::create(QStringLiteral("volume"), QStringLiteral("data"), {{QStringLiteral("Name"), QStringLiteral("data")}}),
                                     Calls::createVolume(m_client.get()));
        QVERIFY2(o.ok(), qPrintable(o.error.message));
        QCOMPARE(o.id, QStringLiteral("data"));
        // the record is written on the service's thread after the answer
        QTRY_COMPARE_WITH_TIMEOUT(log().first().action, QStringLiteral("volume.create"), 10000);
        QCOMPARE(log().first().target, QStringLiteral("data"));
    }
};

QTEST_GUILESS_MAIN(TestOperations)
#include "tst_operations.moc"
