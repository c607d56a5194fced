// The deploy planner is pure (a compose file × what the host has → steps): every case a
// deploy meets is made here by hand, without a daemon, and the config hash's stability is
// pinned down (what changes it, what must not).
#include "apps/appplan.h"
#include "apps/appspec.h"
#include "compose/loader.h"
#include "docker/imageref.h"

#include <QTest>

using namespace Wharf::Models::Apps;
using namespace Wharf::Backends::Compose;

namespace {

QString key(const char *reference)
{
    return Wharf::Backends::ImageRef::parse(QString::fromLatin1(reference))->toString();
}

const char *const Base = R"(name: shop
services:
  web:
    image: web:1
    ports: ["127.0.0.1:8080:80"]
    depends_on: [db]
  db:
    image: db:1
    volumes: [data:/var/lib/db]
volumes:
  data: {}
)";

Project load(const QByteArray &text)
{
    LoadOptions o;
    o.files = {QStringLiteral("/virtual/shop/compose.yaml")};
    o.contents.insert(o.files.first(), text);
    o.environment = {};
    const LoadResult r = load(o);
    if (!r.ok()) {
        for (const auto &d : r.diagnostics)
            qWarning() << d.message;
        return {};
    }
    return *r.project;
}

// The host as the planner sees it: images present, the app's network and volume, and
// containers with the given hashes and states.
struct Host
{
    ObservedApp app;
    Host()
    {
        app.project = QStringLiteral("shop");
        app.images.insert(key("web:1"), QStringLiteral("sha256:web1"));
        app.images.insert(key("db:1"), QStringLiteral("sha256:db1"));
    }
    Host &withInfrastructure()
    {
        app.networks << QStringLiteral("shop_default");
        app.volumes << QStringLiteral("shop_data");
        return *this;
    }
    Host &container(const QString &service, int number, const QString &hash, const QString &state = QStringLiteral("running"),
                    const QString &imageId = {})
    {
        ObservedContainer c;
        c.id = QStringLiteral("%1-%2-id").arg(service).arg(number);
        c.name = QStringLiteral("shop-%1-%2").arg(service).arg(number);
        c.project = QStringLiteral("shop");
        c.service = service;
        c.number = number;
        c.configHash = hash;
        c.state = state;
        c.imageId = imageId.isEmpty() ? QStringLiteral("sha256:%1").arg(service + QStringLiteral("1")) : imageId;
        app.containers << c;
        return *this;
    }
};

QStringList steps(const DeployPlan &p)
{
    QStringList out;
    for (const PlanStep &s : p.steps)
        out << s.kindName() + QLatin1Char(' ') + s.name;
    return out;
}

} // namespace

class TestAppPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void freshHostCreatesEverything()
    {
        const Project p = load(Base);
        QCOMPARE(p.name, QStringLiteral("shop"));
        const DeployPlan plan = planDeploy(p, Host().app);
        QCOMPARE(plan.serviceOrder, (QStringList{QStringLiteral("db"), QStringLiteral("web")}));
        QCOMPARE(steps(plan), (QStringList{QStringLiteral("create-network shop_default"), QStringLiteral("create-volume shop_data"),
                                           QStringLiteral("create shop-db-1"), QStringLiteral("create shop-web-1")}));
        QVERIFY(plan.error.isEmpty());
        QVERIFY(!plan.changesNothing());
    }

    void sameFileChangesNothing()
    {
        const Project p = load(Base);
        Host h;
        h.withInfrastructure().container(QStringLiteral("db"), 1, configHash(p, QStringLiteral("db"))).container(QStringLiteral("web"), 1, configHash(p, QStringLiteral("web")));
        const DeployPlan plan = planDeploy(p, h.app);
        QCOMPARE(steps(plan), (QStringList{QStringLiteral("unchanged shop-db-1"), QStringLiteral("unchanged shop-web-1")}));
        QVERIFY(plan.changesNothing());
        QCOMPARE(plan.count(PlanStep::Unchanged), 2);
    }

    // Containers labelled by an older Wharf (the hash of the emitted YAML) are not recreated
    // just because the hash is computed another way now.
    void legacyHashCountsAsCurrent()
    {
        const Project p = load(Base);
        QVERIFY(legacyConfigHash(p, QStringLiteral("web")) != configHash(p, QStringLiteral("web")));
        Host h;
        h.withInfrastructure()
            .container(QStringLiteral("db"), 1, legacyConfigHash(p, QStringLiteral("db")))
            .container(QStringLiteral("web"), 1, legacyConfigHash(p, QStringLiteral("web")));
        QVERIFY(planDeploy(p, h.app).changesNothing());
    }

    void stoppedContainersStart()
    {
        const Project p = load(Base);
        Host h;
        h.withInfrastructure()
            .container(QStringLiteral("db"), 1, configHash(p, QStringLiteral("db")), QStringLiteral("exited"))
            .container(QStringLiteral("web"), 1, configHash(p, QStringLiteral("web")));
        const DeployPlan plan = planDeploy(p, h.app);
        QCOMPARE(steps(plan), (QStringList{QStringLiteral("start shop-db-1"), QStringLiteral("unchanged shop-web-1")}));
    }

    void changedServiceIsRecreated()
    {
        const Project before = load(Base);
        Host h;
        h.withInfrastructure()
            .container(QStringLiteral("db"), 1, configHash(before, QStringLiteral("db")))
            .container(QStringLiteral("web"), 1, configHash(before, QStringLiteral("web")));
        const Project after = load(QByteArray(Base).replace("ports: [\"127.0.0.1:8080:80\"]", "ports: [\"127.0.0.1:8081:80\"]"));
        const DeployPlan plan = planDeploy(after, h.app);
        QCOMPARE(steps(plan), (QStringList{QStringLiteral("unchanged shop-db-1"), QStringLiteral("recreate shop-web-1")}));
        QCOMPARE(plan.steps.last().container, QStringLiteral("web-1-id"));
    }

    void scalingUpAndDown()
    {
        const Project one = load(Base);
        const Project three = load(QByteArray(Base).replace("    image: web:1\n", "    image: web:1\n    deploy: {replicas: 3}\n"));
        // replicas are not part of the configuration: scaling never recreates
        QCOMPARE(configHash(three, QStringLiteral("web")), configHash(one, QStringLiteral("web")));
        Host h;
        h.withInfrastructure().container(QStringLiteral("db"), 1, configHash(one, QStringLiteral("db"))).container(QStringLiteral("web"), 1, configHash(one, QStringLiteral("web")));
        QCOMPARE(steps(planDeploy(three, h.app)),
                 (QStringList{QStringLiteral("unchanged shop-db-1"), QStringLiteral("unchanged shop-web-1"), QStringLiteral("create shop-web-2"),
                              QStringLiteral("create shop-web-3")}));
        h.container(QStringLiteral("web"), 2, configHash(one, QStringLiteral("web"))).container(QStringLiteral("web"), 3, configHash(one, QStringLiteral("web")));
        const DeployPlan down = planDeploy(one, h.app);
        QCOMPARE(steps(down), (QStringList{QStringLiteral("unchanged shop-db-1"), QStringLiteral("unchanged shop-web-1"), QStringLiteral("remove shop-web-2"),
                                           QStringLiteral("remove shop-web-3")}));
    }

    void serviceLeftTheFile()
    {
        const Project p = load(Base);
        Host h;
        h.withInfrastructure()
            .container(QStringLiteral("db"), 1, configHash(p, QStringLiteral("db")))
            .container(QStringLiteral("web"), 1, configHash(p, QStringLiteral("web")))
            .container(QStringLiteral("cache"), 1, QStringLiteral("old"));
        const DeployPlan plan = planDeploy(p, h.app);
        QCOMPARE(plan.steps.last().kindName(), QStringLiteral("remove"));
        QCOMPARE(plan.steps.last().name, QStringLiteral("shop-cache-1"));
        QVERIFY(plan.steps.last().reason.contains(QLatin1String("no longer in the file")));
    }

    // Two containers with one number (a deploy cut short): the running one with the wanted
    // configuration stays, the other goes.
    void duplicateNumberKeepsTheGoodOne()
    {
        const Project p = load(Base);
        Host h;
        h.withInfrastructure().container(QStringLiteral("db"), 1, configHash(p, QStringLiteral("db")));
        h.container(QStringLiteral("web"), 1, QStringLiteral("stale"), QStringLiteral("exited"));
        h.app.containers.last().id = QStringLiteral("old");
        h.container(QStringLiteral("web"), 1, configHash(p, QStringLiteral("web")));
        h.app.containers.last().id = QStringLiteral("good");
        const DeployPlan plan = planDeploy(p, h.app);
        QCOMPARE(steps(plan), (QStringList{QStringLiteral("unchanged shop-db-1"), QStringLiteral("unchanged shop-web-1"), QStringLiteral("remove shop-web-1")}));
        QCOMPARE(plan.steps.at(1).container, QStringLiteral("good"));
        QCOMPARE(plan.steps.at(2).container, QStringLiteral("old"));
    }

    void imagesPulledOrRebuilt()
    {
        const Project p = load(Base);
        Host h;
        h.withInfrastructure().container(QStringLiteral("db"), 1, configHash(p, QStringLiteral("db"))).container(QStringLiteral("web"), 1, configHash(p, QStringLiteral("web")));
        // the host lost web:1: it is pulled first
        h.app.images.remove(key("web:1"));
        DeployPlan plan = planDeploy(p, h.app);
        QCOMPARE(steps(plan).first(), QStringLiteral("pull web:1"));
        // web:1 now names another image than the container runs: recreated
        h.app.images.insert(key("web:1"), QStringLiteral("sha256:web2"));
        plan = planDeploy(p, h.app);
        QCOMPARE(steps(plan), (QStringList{QStringLiteral("unchanged shop-db-1"), QStringLiteral("recreate shop-web-1")}));
        QVERIFY(plan.steps.last().reason.contains(QLatin1String("image")));
        // --pull asks for every image again
        PlanOptions o;
        o.pull = true;
        QCOMPARE(planDeploy(p, h.app, o).count(PlanStep::Pull), 2);
    }

    void neverPolicyWithoutTheImage()
    {
        const Project p = load(QByteArray(Base).replace("    image: db:1\n", "    image: db:2\n    pull_policy: never\n"));
        const DeployPlan plan = planDeploy(p, Host().app);
        QVERIFY2(plan.error.contains(QLatin1String("pull_policy is never")), qPrintable(plan.error));
    }

    void externalNetworkMustExist()
    {
        const Project p = load(QByteArray(Base) + "networks:\n  default:\n    name: edge\n    external: true\n");
        QVERIFY(planDeploy(p, Host().app).error.contains(QLatin1String("edge")));
        Host h;
        h.app.networks << QStringLiteral("edge");
        QVERIFY(planDeploy(p, h.app).error.isEmpty());
    }

    void dependencyRestarts()
    {
        const Project before = load(QByteArray(Base).replace("depends_on: [db]", "depends_on: {db: {condition: service_started, restart: true}}"));
        Host h;
        h.withInfrastructure().container(QStringLiteral("db"), 1, QStringLiteral("old")).container(QStringLiteral("web"), 1, configHash(before, QStringLiteral("web")));
        const DeployPlan plan = planDeploy(before, h.app);
        QCOMPARE(steps(plan), (QStringList{QStringLiteral("recreate shop-db-1"), QStringLiteral("unchanged shop-web-1")}));
        QVERIFY2(plan.steps.last().reason.contains(QLatin1String("db")), qPrintable(plan.steps.last().reason));
    }

    // The hash is the service's normalised configuration and the project's name: the same
    // file gives the same hash, key order and formatting do not count, a value does.
    void configHashStability()
    {
        const Project a = load(Base);
        const Project b = load(Base);
        QCOMPARE(configHash(a, QStringLiteral("web")), configHash(b, QStringLiteral("web")));
        const Project reordered = load(R"(name: shop
volumes:
  data: {}
services:
  db:
    volumes: [ "data:/var/lib/db" ]
    image: "db:1"
  web:
    depends_on: [db]
    ports:
      - 127.0.0.1:8080:80
    image: web:1
)");
        QCOMPARE(configHash(reordered, QStringLiteral("web")), configHash(a, QStringLiteral("web")));
        QCOMPARE(configHash(reordered, QStringLiteral("db")), configHash(a, QStringLiteral("db")));
        const Project env = load(QByteArray(Base).replace("    image: web:1\n", "    image: web:1\n    environment: {MODE: fast}\n"));
        QVERIFY(configHash(env, QStringLiteral("web")) != configHash(a, QStringLiteral("web")));
        QCOMPARE(configHash(env, QStringLiteral("db")), configHash(a, QStringLiteral("db")));
        const Project renamed = load(QByteArray(Base).replace("name: shop", "name: store"));
        QVERIFY(configHash(renamed, QStringLiteral("web")) != configHash(a, QStringLiteral("web")));
    }
};

QTEST_GUILESS_MAIN(TestAppPlan)
#include "tst_appplan.moc"
