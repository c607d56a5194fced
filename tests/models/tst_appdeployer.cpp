// The deployer against an engine kept in memory (tests/fakeengine.h): a deploy of two services
// with two networks and a volume, with the daemon failing at each of its steps in turn. After
// a failure the journal says so and the next deploy completes the app; an atomic deploy puts
// everything back as it was, including a replaced container stepped aside. No daemon needed.
#include "apps/appdeployer.h"
#include "apps/appspec.h"
#include "compose/loader.h"
#include "docker/dockerclient.h"
#include "fakeengine.h"
#include "tenancyfixture.h"
#include "tenancy/policygate.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Wharf::Models::Apps;
using namespace Wharf::Backends;
using TestSupport::FakeEngine;

namespace {

const char *const Shop = R"(name: shop
services:
  web:
    image: web:1
    depends_on: [db]
    networks: [front, back]
  db:
    image: db:1
    volumes: [data:/var/lib/db]
    networks: [back]
networks:
  front: {}
  back: {}
volumes:
  data: {}
)";

Compose::Project load(const QByteArray &text)
{
    Compose::LoadOptions o;
    o.files = {QStringLiteral("/virtual/shop/compose.yaml")};
    o.contents.insert(o.files.first(), text);
    o.environment = {};
    const Compose::LoadResult r = Compose::load(o);
    if (!r.ok()) {
        for (const auto &d : r.diagnostics)
            qWarning() << d.message;
        return {};
    }
    return *r.project;
}

struct Result
{
    Error error;
    QJsonObject journal;
    bool planned = false;
};

} // namespace

class TestAppDeployer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<FakeEngine> m_engine;
    std::unique_ptr<DockerClient> m_client;

    Result deploy(const Compose::Project &project, bool atomic)
    {
        AppDeployer d(m_client.get());
        DeployOptions options;
        options.atomic = atomic;
        options.journalPath = m_dir.filePath(QStringLiteral("deploys/shop.json"));
        options.stopTimeoutSeconds = 0;
        d.setOptions(options);
        std::optional<Expected<DeployPlan>> plan;
        d.plan(project, [&plan](const Expected<DeployPlan> &p) { plan = p; });
        if (!QTest::qWaitFor([&plan] { return plan.has_value(); }, 10000))
            return {Error::make(Error::Timeout, QStringLiteral("no plan")), {}, false};
        if (!*plan)
            return {plan->error(), {}, false};
        if (!(*plan)->error.isEmpty())
            return {Error::make(Error::Input, (*plan)->error), {}, false};
        QSignalSpy finished(&d, &AppDeployer::finished);
        d.apply(project, **plan);
        if (!finished.count() && !finished.wait(10000))
            return {Error::make(Error::Timeout, QStringLiteral("the deploy did not finish")), d.journal(), true};
        return {finished.first().at(0).value<Error>(), d.journal(), true};
    }

    // The deployer's plan for project, waited for (none when it did not answer).
    static std::optional<Expected<DeployPlan>> planOf(AppDeployer &d, const Compose::Project &project)
    {
        std::optional<Expected<DeployPlan>> plan;
        d.plan(project, [&plan](const Expected<DeployPlan> &p) { plan = p; });
        (void)QTest::qWaitFor([&plan] { return plan.has_value(); }, 10000);
        return plan;
    }

    // Everything of the app the engine has: "container shop-web-1 running", "network shop_back", …
    QStringList inventory() const
    {
        QStringList out;
        for (const auto &c : m_engine->containers)
            out << QStringLiteral("container %1 %2 %3").arg(c.name, c.image, c.running ? QStringLiteral("running") : QStringLiteral("stopped"));
        for (auto it = m_engine->networks.cbegin(); it != m_engine->networks.cend(); ++it)
            out << QStringLiteral("network ") + it.key();
        for (auto it = m_engine->volumes.cbegin(); it != m_engine->volumes.cend(); ++it)
            out << QStringLiteral("volume ") + it.key();
        out.sort();
        return out;
    }
    static QStringList complete(const QString &webImage = QStringLiteral("web:1"))
    {
        return {QStringLiteral("container shop-db-1 db:1 running"), QStringLiteral("container shop-web-1 %1 running").arg(webImage),
                QStringLiteral("network shop_back"), QStringLiteral("network shop_front"), QStringLiteral("volume shop_data")};
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_engine = std::make_unique<FakeEngine>(m_dir.filePath(QStringLiteral("engine.sock")));
        m_engine->addImage(QStringLiteral("web:1"), QStringLiteral("sha256:") + QString(64, QLatin1Char('1')));
        m_engine->addImage(QStringLiteral("web:2"), QStringLiteral("sha256:") + QString(64, QLatin1Char('2')));
        m_engine->addImage(QStringLiteral("db:1"), QStringLiteral("sha256:") + QString(64, QLatin1Char('d')));
        auto ep = Endpoint::parse(m_engine->url());
        QVERIFY(ep);
        m_client = std::make_unique<DockerClient>(*ep);
    }
    void cleanup()
    {
        m_client.reset();
        m_engine.reset();
    }

    void deploysTheWholeApp()
    {
        const Result r = deploy(load(Shop), false);
        QVERIFY2(!r.error.isError(), qPrintable(r.error.message));
        QCOMPARE(inventory(), complete());
        QCOMPARE(r.journal.value(QLatin1String("state")).toString(), QStringLiteral("done"));
        const FakeEngine::Container *web = m_engine->byName(QStringLiteral("shop-web-1"));
        QVERIFY(web);
        QCOMPARE(web->networks.size(), 2); // one at create, one connected after
        QCOMPARE(web->labels.value(QLatin1String(Label::Service)).toString(), QStringLiteral("web"));
        // db before web (depends_on)
        const qsizetype dbStart = m_engine->calls.indexOf(QStringLiteral("POST /containers/%1/start").arg(m_engine->byName(QStringLiteral("shop-db-1"))->id));
        const qsizetype webCreate = m_engine->calls.lastIndexOf(QStringLiteral("POST /containers/create"));
        QVERIFY(dbStart >= 0 && dbStart < webCreate);
        // Again: nothing to do, nothing changed.
        const int before = int(m_engine->calls.size());
        const Result again = deploy(load(Shop), false);
        QVERIFY2(!again.planned || !again.error.isError(), qPrintable(again.error.message));
        QCOMPARE(inventory(), complete());
        for (qsizetype i = before; i < m_engine->calls.size(); ++i)
            QVERIFY2(m_engine->calls[i].startsWith(QLatin1String("GET ")), qPrintable(m_engine->calls[i]));
    }

    void failsAtEachStep_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("nth");
        QTest::addColumn<bool>("atomic");
        const QString start = QStringLiteral("/containers/[0-9a-f]+/start");
        const QString connect = QStringLiteral("/networks/[^/]+/connect");
        struct Step { const char *name; QByteArray method; QString path; int nth; };
        const Step steps[] = {
            {"first network", "POST", QStringLiteral("/networks/create"), 1},
            {"second network", "POST", QStringLiteral("/networks/create"), 2},
            {"volume", "POST", QStringLiteral("/volumes/create"), 1},
            {"db create", "POST", QStringLiteral("/containers/create"), 1},
            {"db start", "POST", start, 1},
            {"web create", "POST", QStringLiteral("/containers/create"), 2},
            {"web joins its second network", "POST", connect, 1},
            {"web start", "POST", start, 2},
        };
        for (const Step &s : steps) {
            QTest::addRow("%s", s.name) << s.method << s.path << s.nth << false;
            QTest::addRow("%s, atomic", s.name) << s.method << s.path << s.nth << true;
        }
    }
    void failsAtEachStep()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(int, nth);
        QFETCH(bool, atomic);
        m_engine->failOn(method, path, nth, QStringLiteral("injected failure"));
        const Result r = deploy(load(Shop), atomic);
        QVERIFY(r.planned);
        QVERIFY(r.error.isError());
        QVERIFY2(r.error.message.contains(QLatin1String("injected failure")), qPrintable(r.error.message));
        QCOMPARE(r.error.httpStatus, 500);
        QFile journal(m_dir.filePath(QStringLiteral("deploys/shop.json")));
        QVERIFY(journal.open(QIODevice::ReadOnly));
        const QJsonObject written = QJsonDocument::fromJson(journal.readAll()).object();
        if (atomic) {
            // Everything it made is gone again: the host is as it was (empty).
            QVERIFY2(r.error.message.contains(QLatin1String("rolled back")), qPrintable(r.error.message));
            QCOMPARE(written.value(QLatin1String("state")).toString(), QStringLiteral("rolled-back"));
            QCOMPARE(inventory(), QStringList());
        } else {
            QCOMPARE(written.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
            QCOMPARE(written.value(QLatin1String("error")).toString(), r.error.message);
            QVERIFY(inventory() != complete());
        }
        // The daemon is well again: the next deploy finishes the app from wherever it stopped.
        m_engine->clearFaults();
        const Result next = deploy(load(Shop), atomic);
        QVERIFY2(!next.error.isError(), qPrintable(next.error.message));
        QCOMPARE(inventory(), complete());
    }

    // A changed service gets a new container before the old one goes; when the new one cannot
    // start, an atomic deploy brings the old one back under its name, running.
    void atomicReplaceKeepsTheOldContainer()
    {
        QVERIFY(!deploy(load(Shop), false).error.isError());
        const QString oldWeb = m_engine->byName(QStringLiteral("shop-web-1"))->id;
        const QByteArray changed = QByteArray(Shop).replace("image: web:1", "image: web:2");
        m_engine->failOn("POST", QStringLiteral("/containers/[0-9a-f]+/start"), 1, QStringLiteral("injected failure"));
        const Result r = deploy(load(changed), true);
        QVERIFY(r.error.isError());
        QVERIFY2(r.error.message.contains(QLatin1String("rolled back")), qPrintable(r.error.message));
        QCOMPARE(inventory(), complete(QStringLiteral("web:1")));
        QCOMPARE(m_engine->byName(QStringLiteral("shop-web-1"))->id, oldWeb);
        m_engine->clearFaults();
        const Result ok = deploy(load(changed), true);
        QVERIFY2(!ok.error.isError(), qPrintable(ok.error.message));
        QCOMPARE(inventory(), complete(QStringLiteral("web:2")));
        QVERIFY(m_engine->byName(QStringLiteral("shop-web-1"))->id != oldWeb);
    }

    // The journal is a typed record; its file keeps the format earlier versions wrote.
    void journalRoundTrip()
    {
        using Kind = JournalEntry::Kind;
        DeployJournal j;
        j.app = QStringLiteral("shop");
        j.deployment = QStringLiteral("abc123");
        j.atomic = true;
        j.state = DeployJournal::State::RolledBack;
        j.updated = QDateTime(QDate(2026, 12, 7), QTime(8, 0), Qt::UTC);
        j.error = QStringLiteral("shop-web-1: injected failure");
        for (Kind k : {Kind::Image, Kind::Network, Kind::Volume, Kind::Created, Kind::Started, Kind::Restarted, Kind::Aside, Kind::Retired, Kind::Removed})
            j.entries << JournalEntry{k, QStringLiteral("id-") + JournalEntry::kindName(k), QStringLiteral("name"), QStringLiteral("web"), QStringLiteral("sha256:old"), true};
        const auto back = DeployJournal::fromJson(j.toJson());
        QVERIFY(back);
        QCOMPARE(back->toJson(), j.toJson());
        QCOMPARE(back->entries.size(), 9);
        QCOMPARE(back->entries[6].kind, Kind::Aside);
        QVERIFY(back->entries[6].wasRunning);
        QCOMPARE(back->state, DeployJournal::State::RolledBack);

        // as an earlier version wrote it
        const QJsonObject old = QJsonDocument::fromJson(R"({"app":"shop","deployment":"d1","atomic":false,"state":"failed",
            "updated":"2026-12-01T10:00:00Z","error":"boom","entries":[{"kind":"network","name":"shop_back","id":"n1"},
            {"kind":"created","id":"c1","name":"shop-db-1","service":"db"},{"kind":"aside","id":"c0","name":"shop-web-1","wasRunning":true}]})").object();
        const auto read = DeployJournal::fromJson(old);
        QVERIFY(read);
        QCOMPARE(read->state, DeployJournal::State::Failed);
        QCOMPARE(read->entries.size(), 3);
        QCOMPARE(read->entries[1].service, QStringLiteral("db"));
        QCOMPARE(read->toJson(), old);

        QJsonObject newer = old;
        newer.insert(QStringLiteral("entries"), QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("teleported")}}});
        const auto refused = DeployJournal::fromJson(newer);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QLatin1String("teleported")));
        newer = old;
        newer.insert(QStringLiteral("state"), QStringLiteral("paused"));
        QVERIFY(!DeployJournal::fromJson(newer));
    }

    // The daemon fails while the app is being read: no plan, nothing changed.
    // A deploy cancelled as it starts ends with Error::Canceled once what was in flight is
    // back; an atomic one puts the host back as it was (here: nothing of the app).
    void cancelEndsTheDeploy_data()
    {
        QTest::addColumn<bool>("atomic");
        QTest::newRow("plain") << false;
        QTest::newRow("atomic") << true;
    }
    void cancelEndsTheDeploy()
    {
        QFETCH(bool, atomic);
        const Compose::Project project = load(Shop);
        AppDeployer d(m_client.get());
        DeployOptions options;
        options.atomic = atomic;
        options.stopTimeoutSeconds = 0;
        d.setOptions(options);
        d.cancel(); // before a deploy: nothing to cancel, nothing happens
        const auto plan = planOf(d, project);
        QVERIFY(plan && *plan);
        QSignalSpy finished(&d, &AppDeployer::finished);
        d.apply(project, **plan);
        d.cancel();
        QVERIFY(finished.count() || finished.wait(10000));
        QCOMPARE(finished.count(), 1);
        const Error e = finished.first().at(0).value<Error>();
        QCOMPARE(e.kind, Error::Canceled);
        QCOMPARE(d.record().state, atomic ? DeployJournal::State::RolledBack : DeployJournal::State::Failed);
        QVERIFY(!inventory().contains(QStringLiteral("container shop-web-1 web:1 running"))); // web waits for db: never started
        if (atomic)
            QCOMPARE(inventory(), QStringList{});
        d.cancel(); // after the end: nothing
        QCOMPARE(finished.count(), 1);
    }

    // A tenant's deploy of two independent services: the first create fails at the daemon while
    // the second one's admission is still with the gate (the console's gate answers later). The
    // deploy ends, the second create never goes out, and nothing stays reserved.
    void gatedFailureWhileAnotherWaitsForTheGate()
    {
        auto store = TestSupport::tenancyFixture(m_dir.filePath(QStringLiteral("tenancy.sqlite")));
        QVERIFY(store);
        auto gate = std::make_shared<Wharf::Models::PolicyGate>(store, Wharf::Models::Principal{QStringLiteral("dev"), QStringLiteral("acme")});
        // the gate decides at once; its answers wait until the test lets them through, in order
        auto answers = std::make_shared<QList<std::function<void()>>>();
        Wharf::Models::Operations ops(QStringLiteral("h1"));
        ops.setRunner([gate, answers](std::function<void(Wharf::Models::PolicyGate &)> work, std::function<void()> then) {
            work(*gate);
            if (then)
                answers->append(then);
        }, true);
        const auto release = [answers] {
            if (!answers->isEmpty())
                answers->takeFirst()();
        };
        const Compose::Project project = load(R"(name: shop
services:
  a:
    image: web:1
  b:
    image: db:1
)");
        QVERIFY(!project.services.isEmpty());
        m_engine->failOn("POST", QStringLiteral("/containers/create"), 1, QStringLiteral("injected failure"));
        AppDeployer d(m_client.get());
        d.setSteps(ops.steps());
        const auto plan = planOf(d, project);
        QVERIFY(plan && *plan);
        QSignalSpy finished(&d, &AppDeployer::finished);
        d.apply(project, **plan);
        // the app's name, then its network: let each answer through as it comes
        QVERIFY(QTest::qWaitFor([&] {
            if (answers->size() == 2) // both services' admissions wait
                return true;
            release();
            return false;
        }, 10000));
        release(); // the first create goes out and fails
        QVERIFY(QTest::qWaitFor([&] { return m_engine->calls.count(QStringLiteral("POST /containers/create")) == 1; }, 10000));
        QVERIFY(QTest::qWaitFor([&] {
            const auto log = store->auditLog({});
            for (const auto &e : *log)
                if (e.action == QLatin1String("container.create") && e.result == QLatin1String("failed"))
                    return true;
            return false;
        }, 10000));
        QCOMPARE(finished.count(), 0); // the other create is still with the gate
        release(); // the second is admitted after the failure: it goes no further
        QVERIFY(finished.count() || finished.wait(10000));
        const Error e = finished.first().at(0).value<Error>();
        QVERIFY2(e.message.contains(QLatin1String("injected failure")), qPrintable(e.message));
        QCOMPARE(m_engine->calls.count(QStringLiteral("POST /containers/create")), 1);
        QCOMPARE(store->usage(QStringLiteral("acme"))->containers, 0);
        const auto resources = store->resources(QStringLiteral("acme"));
        for (const auto &r : *resources)
            QVERIFY2(r.kind != QLatin1String("container"), qPrintable(r.ref));
    }

    void failsWhileObserving()
    {
        m_engine->failOn("GET", QStringLiteral("/networks"), 1, QStringLiteral("injected failure"));
        const Result r = deploy(load(Shop), false);
        QVERIFY(!r.planned);
        QVERIFY2(r.error.message.contains(QLatin1String("injected failure")), qPrintable(r.error.message));
        QCOMPARE(inventory(), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestAppDeployer)
#include "tst_appdeployer.moc"
