// The service model without a daemon: the spec and its bounds, the plan of a reconcile pass,
// the router's configuration (checked by HAProxy itself where it is installed), the desired
// state in the database.
#include "docker/tar.h"
#include "services/edgeconfig.h"
#include "services/edgerouter.h"
#include "services/serviceactions.h"
#include "tenancy/policygate.h"
#include "services/serviceplan.h"
#include "services/servicespec.h"
#include "store/servicestore.h"
#include "tenancyfixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Wharf::Models::Services;
using Wharf::Backends::Error;

namespace {
ServiceSpec web(int replicas = 3)
{
    ServiceSpec s;
    s.name = QStringLiteral("web");
    s.host = QStringLiteral("h1");
    s.container = QJsonObject{{QStringLiteral("Image"), QStringLiteral("nginx:1.27")}, {QStringLiteral("Env"), QJsonArray{QStringLiteral("A=1")}}};
    s.replicas = replicas;
    s.endpoints << *ServiceSpec::parsePublish(QStringLiteral("127.0.0.1:8080:80/http"));
    s.health.kind = HealthCheck::Kind::Http;
    return s;
}

Replica replica(const QString &id, int number, const QString &hash, const QString &state = QStringLiteral("running"), const QString &health = {}, qint64 created = 0)
{
    Replica r;
    r.id = id;
    r.name = QStringLiteral("web.%1.%2").arg(number).arg(id);
    r.service = QStringLiteral("web");
    r.number = number;
    r.configHash = hash;
    r.state = state;
    r.health = health;
    r.address = QStringLiteral("10.0.0.%1").arg(number);
    r.created = created;
    return r;
}

QStringList ids(const QList<Replica> &list)
{
    QStringList out;
    for (const Replica &r : list)
        out << r.id;
    out.sort();
    return out;
}

QJsonObject specJson(const ServiceSpec &s)
{
    return s.toJson();
}
} // namespace

class TestServiceModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void publish_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normal"); // empty: an error
        QTest::newRow("port") << "8080:80" << "8080:80/tcp";
        QTest::newRow("ip") << "127.0.0.1:8080:80/http" << "127.0.0.1:8080:80/http";
        QTest::newRow("ipv6") << "[::1]:8080:80" << "[::1]:8080:80/tcp";
        QTest::newRow("long") << "published=443,target=8443,mode=http,host=a.example;*.b.example,path=/api"
                              << "443:8443/http host=a.example;*.b.example path=/api";
        QTest::newRow("long host means http") << "published=80,target=80,host=x.example" << "80:80/http host=x.example";
        QTest::newRow("port zero") << "0:80" << "";
        QTest::newRow("port too big") << "8080:65536" << "";
        QTest::newRow("udp") << "8080:80/udp" << "";
        QTest::newRow("one number") << "8080" << "";
        QTest::newRow("unknown key") << "published=80,target=80,color=red" << "";
        QTest::newRow("bad mode") << "published=80,target=80,mode=quic" << "";
        QTest::newRow("not a number") << "published=eighty,target=80" << "";
    }
    void publish()
    {
        QFETCH(QString, text);
        QFETCH(QString, normal);
        auto e = ServiceSpec::parsePublish(text);
        if (normal.isEmpty()) {
            QVERIFY(!e);
            QVERIFY(!e.error().message.isEmpty());
        } else {
            QVERIFY2(e, qPrintable(e ? QString() : e.error().message));
            QCOMPARE(e->toText(), normal);
        }
    }

    void durations()
    {
        QCOMPARE(*ServiceSpec::parseDurationMs(QStringLiteral("2s")), 2000);
        QCOMPARE(*ServiceSpec::parseDurationMs(QStringLiteral("500ms")), 500);
        QCOMPARE(*ServiceSpec::parseDurationMs(QStringLiteral("1m30s")), 90000);
        QCOMPARE(*ServiceSpec::parseDurationMs(QStringLiteral("1h")), 3600000);
        QCOMPARE(*ServiceSpec::parseDurationMs(QStringLiteral("3")), 3000);
        QCOMPARE(*ServiceSpec::parseDurationMs(QStringLiteral("0s")), 0);
        QVERIFY(!ServiceSpec::parseDurationMs(QStringLiteral("2 weeks")));
        QVERIFY(!ServiceSpec::parseDurationMs(QStringLiteral("s")));
        QVERIFY(!ServiceSpec::parseDurationMs(QStringLiteral("-1s")));
        QVERIFY(!ServiceSpec::parseDurationMs(QStringLiteral("800h"))); // beyond 20 days
        QVERIFY(!ServiceSpec::parseDurationMs(QStringLiteral("2388890"))); // seconds: beyond 20 days, not an overflow
        QVERIFY(!ServiceSpec::parseDurationMs(QStringLiteral("99999999999999999999h")));
        QVERIFY(!ServiceSpec::parseDurationMs(QStringLiteral("inf")));
        QVERIFY(!ServiceSpec::parseDurationMs(QStringLiteral("nan")));
        QCOMPARE(*ServiceSpec::parseDurationMs(QStringLiteral("480h")), 480 * 3600000); // 20 days, the most
        QVERIFY(!ServiceSpec::parseDurationMs(QString(40, QLatin1Char('1')) + QStringLiteral("s"))); // too long to be one
    }

    void roundTrip()
    {
        ServiceSpec s = web();
        s.tenant = QStringLiteral("acme");
        s.update.startFirst = false;
        s.update.rollbackOnFailure = false;
        s.update.parallelism = 2;
        s.sticky = true;
        s.links << QStringLiteral("db");
        s.labels.insert(QStringLiteral("team"), QStringLiteral("blue"));
        s.forceUpdate = 3;
        auto back = ServiceSpec::fromJson(QJsonDocument(s.toJson()).toJson());
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QCOMPARE(back->toJson(), s.toJson());
        QCOMPARE(back->configHash(), s.configHash());
    }

    // Every bound of what the database may hand over, hit: a clear error at once.
    void bounds()
    {
        QElapsedTimer t;
        t.start();
        QVERIFY(!ServiceSpec::fromJson(QByteArray(ServiceSpec::MaxJsonBytes + 1, ' ')));
        QVERIFY(!ServiceSpec::fromJson(QByteArray("[1, 2]")));
        QVERIFY(!ServiceSpec::fromJson(QByteArray("{\"name\": ")));
        const QJsonObject base = specJson(web());
        auto with = [&base](const char *key, const QJsonValue &v) {
            QJsonObject o = base;
            o.insert(QLatin1String(key), v);
            return ServiceSpec::fromJson(o);
        };
        QJsonArray endpoints;
        for (int i = 0; i < ServiceSpec::MaxEndpoints + 1; ++i)
            endpoints << QJsonObject{{QStringLiteral("port"), 1000 + i}, {QStringLiteral("target"), 80}};
        QVERIFY(!with("endpoints", endpoints));
        QJsonArray hosts;
        for (int i = 0; i < ServiceSpec::MaxHostsPerEndpoint + 1; ++i)
            hosts << QStringLiteral("h%1.example").arg(i);
        QVERIFY(!with("endpoints", QJsonArray{QJsonObject{{QStringLiteral("mode"), QStringLiteral("http")}, {QStringLiteral("port"), 80}, {QStringLiteral("target"), 80}, {QStringLiteral("hosts"), hosts}}}));
        QJsonArray links;
        for (int i = 0; i < ServiceSpec::MaxLinks + 1; ++i)
            links << QStringLiteral("s%1").arg(i);
        QVERIFY(!with("links", links));
        QJsonObject labels;
        for (int i = 0; i < ServiceSpec::MaxLabels + 1; ++i)
            labels.insert(QStringLiteral("l%1").arg(i), QStringLiteral("v"));
        QVERIFY(!with("labels", labels));
        QVERIFY(!with("replicas", ServiceSpec::MaxReplicas + 1));
        QVERIFY(!with("replicas", -1));
        QVERIFY(with("replicas", ServiceSpec::MaxReplicas));
        QVERIFY(!with("container", QStringLiteral("not an object")));
        QVERIFY(!with("endpoints", QStringLiteral("not a list")));
        QVERIFY(!with("links", QJsonArray{1, 2}));
        QVERIFY(!with("health", QJsonObject{{QStringLiteral("kind"), QStringLiteral("ping")}}));
        QVERIFY(!with("endpoints", QJsonArray{QJsonObject{{QStringLiteral("mode"), QStringLiteral("udp")}, {QStringLiteral("port"), 80}, {QStringLiteral("target"), 80}}}));
        QVERIFY(t.elapsed() < 1000);
    }

    void validation_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("name") << "name" << QJsonValue(QStringLiteral("Web_1")) << "not a valid service name";
        QTest::newRow("reserved label") << "labels" << QJsonValue(QJsonObject{{QStringLiteral("io.wharf.tenant"), QStringLiteral("x")}}) << "reserved";
        QTest::newRow("reserved container label")
            << "container" << QJsonValue(QJsonObject{{QStringLiteral("Image"), QStringLiteral("x")}, {QStringLiteral("Labels"), QJsonObject{{QStringLiteral("io.wharf.service"), QStringLiteral("y")}}}})
            << "reserved";
        QTest::newRow("network mode") << "container"
                                      << QJsonValue(QJsonObject{{QStringLiteral("Image"), QStringLiteral("x")}, {QStringLiteral("HostConfig"), QJsonObject{{QStringLiteral("NetworkMode"), QStringLiteral("host")}}}})
                                      << "network mode";
        QTest::newRow("no image") << "container" << QJsonValue(QJsonObject{}) << "no image";
        QTest::newRow("tcp with host") << "endpoints"
                                       << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("mode"), QStringLiteral("tcp")}, {QStringLiteral("port"), 80}, {QStringLiteral("target"), 80},
                                                                            {QStringLiteral("hosts"), QJsonArray{QStringLiteral("a.example")}}}})
                                       << "route HTTP only";
        QTest::newRow("bad host") << "endpoints"
                                  << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("mode"), QStringLiteral("http")}, {QStringLiteral("port"), 80}, {QStringLiteral("target"), 80},
                                                                       {QStringLiteral("hosts"), QJsonArray{QStringLiteral("a b")}}}})
                                  << "not a host name";
        QTest::newRow("health path") << "health" << QJsonValue(QJsonObject{{QStringLiteral("kind"), QStringLiteral("http")}, {QStringLiteral("path"), QStringLiteral("/x;rm -rf /")}})
                                     << "shell characters";
        QTest::newRow("balance") << "balance" << QJsonValue(QStringLiteral("random")) << "roundrobin or leastconn";
        QTest::newRow("category") << "category" << QJsonValue(QStringLiteral("games")) << "category";
        QTest::newRow("parallelism") << "update" << QJsonValue(QJsonObject{{QStringLiteral("parallelism"), 0}}) << "parallelism";
    }
    void validation()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, message);
        QJsonObject o = specJson(web());
        o.insert(key, value);
        auto s = ServiceSpec::fromJson(o);
        QVERIFY(!s);
        QVERIFY2(s.error().message.contains(message), qPrintable(s.error().message));
    }

    void replicaBody()
    {
        ServiceSpec s = web();
        s.container.insert(QStringLiteral("HostConfig"), QJsonObject{{QStringLiteral("PortBindings"), QJsonObject{{QStringLiteral("80/tcp"), QJsonArray{}}}}, {QStringLiteral("Memory"), 1024}});
        const QJsonObject body = s.replicaBody(2, QStringLiteral("7"));
        const QJsonObject labels = body.value(QLatin1String("Labels")).toObject();
        QCOMPARE(labels.value(QLatin1String(Label::WharfService)).toString(), QStringLiteral("web"));
        QCOMPARE(labels.value(QLatin1String(Label::Replica)).toString(), QStringLiteral("2"));
        QCOMPARE(labels.value(QLatin1String(Label::ServiceConfigHash)).toString(), s.configHash());
        QCOMPARE(labels.value(QLatin1String(Label::Deployment)).toString(), QStringLiteral("7"));
        const QJsonObject host = body.value(QLatin1String("HostConfig")).toObject();
        QVERIFY(!host.contains(QLatin1String("PortBindings"))); // the router publishes
        QCOMPARE(host.value(QLatin1String("Memory")).toInt(), 1024);
        QCOMPARE(host.value(QLatin1String("NetworkMode")).toString(), QStringLiteral("wharf-services"));
        QCOMPARE(host.value(QLatin1String("RestartPolicy")).toObject().value(QLatin1String("Name")).toString(), QStringLiteral("on-failure"));
        QCOMPARE(body.value(QLatin1String("NetworkingConfig")).toObject().value(QLatin1String("EndpointsConfig")).toObject().value(QLatin1String("wharf-services")).toObject().value(QLatin1String("Aliases")).toArray(),
                 QJsonArray{QStringLiteral("web")});
        const QJsonArray test = body.value(QLatin1String("Healthcheck")).toObject().value(QLatin1String("Test")).toArray();
        QCOMPARE(test.at(0).toString(), QStringLiteral("CMD-SHELL"));
        QVERIFY(test.at(1).toString().contains(QLatin1String("http://127.0.0.1:80/")));
        QCOMPARE(body.value(QLatin1String("Healthcheck")).toObject().value(QLatin1String("Interval")).toDouble(), 2e9);

        s.health.kind = HealthCheck::Kind::None;
        QCOMPARE(s.replicaBody(1, {}).value(QLatin1String("Healthcheck")).toObject().value(QLatin1String("Test")).toArray(), QJsonArray{QStringLiteral("NONE")});
        s.health.kind = HealthCheck::Kind::Image;
        QVERIFY(!s.replicaBody(1, {}).contains(QLatin1String("Healthcheck")));
        s.health.kind = HealthCheck::Kind::Tcp;
        s.health.port = 9000;
        QVERIFY(s.replicaBody(1, {}).value(QLatin1String("Healthcheck")).toObject().value(QLatin1String("Test")).toArray().at(1).toString().contains(QLatin1String("nc -z 127.0.0.1 9000")));
        s.tenant = QStringLiteral("acme");
        QCOMPARE(s.replicaBody(1, {}).value(QLatin1String("HostConfig")).toObject().value(QLatin1String("NetworkMode")).toString(), QStringLiteral("wharf-services-acme"));
        QCOMPARE(s.replicaName(3, QStringLiteral("abcdef")), QStringLiteral("web.3.abcdef"));
    }

    void configHash()
    {
        const ServiceSpec a = web();
        ServiceSpec b = a;
        b.replicas = 9;
        b.endpoints.clear();
        b.drainMs = 10;
        b.update.parallelism = 4;
        QCOMPARE(b.configHash(), a.configHash()); // scale and routing do not replace replicas
        b = a;
        b.container.insert(QStringLiteral("Image"), QStringLiteral("nginx:1.28"));
        QVERIFY(b.configHash() != a.configHash());
        b = a;
        b.container.insert(QStringLiteral("Env"), QJsonArray{QStringLiteral("A=2")});
        QVERIFY(b.configHash() != a.configHash());
        b = a;
        b.health.intervalMs = 5000;
        QVERIFY(b.configHash() != a.configHash());
        b = a;
        ++b.forceUpdate; // a restart
        QVERIFY(b.configHash() != a.configHash());
    }

    void planScaling()
    {
        ServiceSpec s = web(3);
        const QString h = s.configHash();
        ServicePlan p = planService(s, {replica(QStringLiteral("a"), 1, h)}, {}, 0);
        QCOMPARE(p.create, (QList<int>{2, 3}));
        QCOMPARE(ids(p.pool), QStringList{QStringLiteral("a")});
        QVERIFY(!p.converged());

        s.replicas = 1;
        p = planService(s, {replica(QStringLiteral("a"), 1, h), replica(QStringLiteral("b"), 2, h), replica(QStringLiteral("c"), 3, h)}, {}, 0);
        QCOMPARE(ids(p.surplus), (QStringList{QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(ids(p.pool), QStringList{QStringLiteral("a")});

        s.replicas = 2;
        p = planService(s, {replica(QStringLiteral("a"), 1, h), replica(QStringLiteral("b"), 2, h)}, {}, 0);
        QVERIFY(p.converged());
        QCOMPARE(p.pool.size(), 2);

        s.replicas = 0;
        p = planService(s, {replica(QStringLiteral("a"), 1, h)}, {}, 0);
        QCOMPARE(ids(p.surplus), QStringList{QStringLiteral("a")});
        QVERIFY(p.pool.isEmpty());
    }

    void planHealing()
    {
        ServiceSpec s = web(2);
        s.health.graceMs = 1000;
        const QString h = s.configHash();
        // a dead one goes and its number comes back
        ServicePlan p = planService(s, {replica(QStringLiteral("a"), 1, h, QStringLiteral("exited")), replica(QStringLiteral("b"), 2, h)}, {}, 0);
        QCOMPARE(ids(p.failed), QStringList{QStringLiteral("a")});
        QCOMPARE(p.create, QList<int>{1});
        // unhealthy: out of the pool at once, replaced after its grace period
        const QList<Replica> sick{replica(QStringLiteral("a"), 1, h, QStringLiteral("running"), QStringLiteral("unhealthy")), replica(QStringLiteral("b"), 2, h)};
        p = planService(s, sick, {{QStringLiteral("a"), 0}}, 500);
        QVERIFY(p.failed.isEmpty());
        QCOMPARE(ids(p.pool), QStringList{QStringLiteral("b")});
        QCOMPARE(ids(p.starting), QStringList{QStringLiteral("a")});
        p = planService(s, sick, {{QStringLiteral("a"), 0}}, 1000);
        QCOMPARE(ids(p.failed), QStringList{QStringLiteral("a")});
        QCOMPARE(p.create, QList<int>{1});
        // two of one number (a pass cut short): the older one stays
        p = planService(s, {replica(QStringLiteral("old"), 1, h, QStringLiteral("running"), {}, 10), replica(QStringLiteral("new"), 1, h, QStringLiteral("running"), {}, 20),
                            replica(QStringLiteral("b"), 2, h)},
                        {}, 0);
        QCOMPARE(ids(p.surplus), QStringList{QStringLiteral("new")});
        // still starting: waited for, not in the pool
        p = planService(s, {replica(QStringLiteral("a"), 1, h, QStringLiteral("running"), QStringLiteral("starting")), replica(QStringLiteral("b"), 2, h)}, {}, 0);
        QCOMPARE(ids(p.starting), QStringList{QStringLiteral("a")});
        QVERIFY(p.create.isEmpty());
        // no address on the services' network yet: not ready
        Replica noAddress = replica(QStringLiteral("a"), 1, h);
        noAddress.address.clear();
        QVERIFY(!noAddress.ready());
    }

    void planRollingUpdate()
    {
        ServiceSpec s = web(2);
        const QString h = s.configHash();
        // the old configuration serves while its successor starts
        ServicePlan p = planService(s, {replica(QStringLiteral("o1"), 1, QStringLiteral("old")), replica(QStringLiteral("o2"), 2, QStringLiteral("old"))}, {}, 0);
        QCOMPARE(ids(p.outdated), (QStringList{QStringLiteral("o1"), QStringLiteral("o2")}));
        QCOMPARE(ids(p.pool), (QStringList{QStringLiteral("o1"), QStringLiteral("o2")}));
        QVERIFY(p.create.isEmpty());
        p = planService(s,
                        {replica(QStringLiteral("o1"), 1, QStringLiteral("old")), replica(QStringLiteral("n1"), 1, h, QStringLiteral("running"), QStringLiteral("starting")),
                         replica(QStringLiteral("o2"), 2, QStringLiteral("old"))},
                        {}, 0);
        QCOMPARE(ids(p.starting), QStringList{QStringLiteral("n1")});
        QCOMPARE(ids(p.pool), (QStringList{QStringLiteral("o1"), QStringLiteral("o2")}));
        QVERIFY(p.surplus.isEmpty());
        // the new one is ready: the old one of its number leaves
        p = planService(s, {replica(QStringLiteral("o1"), 1, QStringLiteral("old")), replica(QStringLiteral("n1"), 1, h), replica(QStringLiteral("o2"), 2, QStringLiteral("old"))}, {}, 0);
        QCOMPARE(ids(p.surplus), QStringList{QStringLiteral("o1")});
        QCOMPARE(ids(p.pool), (QStringList{QStringLiteral("n1"), QStringLiteral("o2")}));
        QCOMPARE(ids(p.outdated), QStringList{QStringLiteral("o2")});
    }

    void listEntry()
    {
        const QJsonObject entry{{QStringLiteral("Id"), QStringLiteral("abc")},
                                {QStringLiteral("Names"), QJsonArray{QStringLiteral("/web.2.xyz")}},
                                {QStringLiteral("State"), QStringLiteral("running")},
                                {QStringLiteral("Status"), QStringLiteral("Up 3 seconds (health: starting)")},
                                {QStringLiteral("Created"), 1700000000},
                                {QStringLiteral("Labels"), QJsonObject{{QLatin1String(Label::WharfService), QStringLiteral("web")}, {QLatin1String(Label::Replica), QStringLiteral("2")},
                                                                       {QLatin1String(Label::ServiceConfigHash), QStringLiteral("h")}}},
                                {QStringLiteral("NetworkSettings"),
                                 QJsonObject{{QStringLiteral("Networks"), QJsonObject{{QStringLiteral("wharf-services"), QJsonObject{{QStringLiteral("IPAddress"), QStringLiteral("10.1.0.7")}}}}}}}};
        const Replica r = Replica::fromListEntry(entry, QStringLiteral("wharf-services"));
        // a service's replicas in a list: only numbered ones of that service, by number
        QJsonObject second = entry;
        second.insert(QStringLiteral("Id"), QStringLiteral("abd"));
        QJsonObject secondLabels = entry.value(QLatin1String("Labels")).toObject();
        secondLabels.insert(QLatin1String(Label::Replica), QStringLiteral("1"));
        second.insert(QStringLiteral("Labels"), secondLabels);
        QJsonObject appContainer = entry; // an app's container of a compose service named web
        appContainer.insert(QStringLiteral("Labels"), QJsonObject{{QLatin1String(Label::WharfService), QStringLiteral("web")}});
        const QList<Replica> list = Replica::ofService({entry, second, appContainer}, QStringLiteral("web"), QStringLiteral("wharf-services"));
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.first().number, 1);
        QVERIFY(Replica::ofService({entry}, QStringLiteral("api"), {}).isEmpty());
        QCOMPARE(r.name, QStringLiteral("web.2.xyz"));
        QCOMPARE(r.number, 2);
        QCOMPARE(r.health, QStringLiteral("starting"));
        QCOMPARE(r.address, QStringLiteral("10.1.0.7"));
        QVERIFY(!r.ready());
    }

    void edgeConfig()
    {
        ServiceSpec a = web();
        a.sticky = true;
        a.maxConnections = 50;
        ServiceSpec api = web();
        api.name = QStringLiteral("api");
        api.endpoints = {*ServiceSpec::parsePublish(QStringLiteral("published=8080,target=9000,ip=127.0.0.1,host=api.example;*.api.example,path=/v1"))};
        ServiceSpec db = web();
        db.name = QStringLiteral("db");
        db.endpoints = {*ServiceSpec::parsePublish(QStringLiteral("127.0.0.1:5432:5432"))};
        db.health.kind = HealthCheck::Kind::Tcp;
        QList<EdgeRoute> routes = EdgeRoute::of(a, {{QStringLiteral("web.1.a"), QStringLiteral("10.0.0.2"), 0}, {QStringLiteral("web.2.b"), QStringLiteral("10.0.0.3"), 0}});
        routes += EdgeRoute::of(api, {{QStringLiteral("api.1.c"), QStringLiteral("10.0.0.4"), 0}});
        routes += EdgeRoute::of(db, {});
        auto text = EdgeConfig::generate(routes, {});
        QVERIFY2(text, qPrintable(text ? QString() : text.error().message));
        QVERIFY(text->contains(QLatin1String("frontend fe_127.0.0.1_8080\n    mode http\n    bind 127.0.0.1:8080")));
        QVERIFY(text->contains(QLatin1String("acl host1 req.hdr(host),field(1,:),lower -m str api.example")));
        QVERIFY(text->contains(QLatin1String("acl host1 req.hdr(host),field(1,:),lower -m end .api.example")));
        QVERIFY(text->contains(QLatin1String("acl path1 path_beg /v1")));
        QVERIFY(text->contains(QLatin1String("use_backend svc_api_9000_8080 if host1 path1")));
        QVERIFY(text->contains(QLatin1String("default_backend svc_web_80")));
        QVERIFY(text->contains(QLatin1String("server web.1.a 10.0.0.2:80 cookie web.1.a")));
        QVERIFY(text->contains(QLatin1String("cookie WHARF_web insert indirect nocache")));
        QVERIFY(text->contains(QLatin1String("maxconn 50")));
        QVERIFY(text->contains(QLatin1String("frontend fe_127.0.0.1_5432\n    mode tcp")));
        QVERIFY(text->contains(QLatin1String("option httpchk GET /")));
        // the same input, the same text: an unchanged pool is never reloaded
        std::reverse(routes.begin(), routes.end());
        QCOMPARE(*EdgeConfig::generate(routes, {}), *text);

        // HAProxy itself accepts it, where it is installed (the tests install it)
        const QString haproxy = QStandardPaths::findExecutable(QStringLiteral("haproxy"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")});
        if (!haproxy.isEmpty()) {
            QTemporaryDir dir;
            QFile f(dir.filePath(QStringLiteral("haproxy.cfg")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            // the router's own paths are inside its container; here they go to the test's folder
            f.write(QString(*text).replace(QLatin1String("/var/run/"), dir.path() + QLatin1Char('/')).toUtf8());
            f.close();
            QProcess p;
            p.start(haproxy, {QStringLiteral("-c"), QStringLiteral("-f"), f.fileName()});
            QVERIFY(p.waitForFinished(30000));
            QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        } else {
            qWarning("haproxy is not installed: the configuration was not checked by it");
        }
    }

    void edgeConflicts()
    {
        ServiceSpec a = web();
        ServiceSpec b = web();
        b.name = QStringLiteral("other");
        auto same = EdgeConfig::generate(EdgeRoute::of(a, {}) + EdgeRoute::of(b, {}), {});
        QVERIFY(!same);
        QVERIFY(same.error().message.contains(QLatin1String("same host and path")));
        b.endpoints = {*ServiceSpec::parsePublish(QStringLiteral("127.0.0.1:8080:5432/tcp"))};
        auto tcp = EdgeConfig::generate(EdgeRoute::of(a, {}) + EdgeRoute::of(b, {}), {});
        QVERIFY(!tcp);
        QVERIFY(tcp.error().message.contains(QLatin1String("TCP port of its own")));
        b.endpoints = {*ServiceSpec::parsePublish(QStringLiteral("8080:80/http"))};
        auto any = EdgeConfig::generate(EdgeRoute::of(a, {}) + EdgeRoute::of(b, {}), {});
        QVERIFY(!any);
        QVERIFY(any.error().message.contains(QLatin1String("every address")));
        // no services: still a valid router (its stats listener)
        auto empty = EdgeConfig::generate({}, {});
        QVERIFY(empty);
        QVERIFY(empty->contains(QLatin1String("frontend wharf_stats")));
    }

    void edgeArchive()
    {
        Wharf::Backends::TarEntry e;
        e.name = QStringLiteral("haproxy.cfg");
        e.data = "global\n";
        auto text = EdgeRouter::configFromArchive(Wharf::Backends::Tar::write({e}));
        QVERIFY(text);
        QCOMPARE(*text, QStringLiteral("global\n"));
        QVERIFY(!EdgeRouter::configFromArchive(QByteArray(16 * 1024 * 1024 + 1, '\0')));
        e.name = QStringLiteral("other.cfg");
        QVERIFY(!EdgeRouter::configFromArchive(Wharf::Backends::Tar::write({e})));
        const QJsonObject body = EdgeRouter::createBody({});
        QCOMPARE(body.value(QLatin1String("HostConfig")).toObject().value(QLatin1String("NetworkMode")).toString(), QStringLiteral("host"));
        QCOMPARE(body.value(QLatin1String("Labels")).toObject().value(QLatin1String(Label::Role)).toString(), QStringLiteral("edge"));
        QCOMPARE(body.value(QLatin1String("Entrypoint")).toArray().at(1).toString(), QStringLiteral("-W")); // master-worker: seamless reloads
    }

    void store()
    {
        using Wharf::Backends::ServiceRecord;
        using Wharf::Backends::ServiceStore;
        QTemporaryDir dir;
        auto tenancy = TestSupport::tenancyFixture(dir.filePath(QStringLiteral("w.db")));
        QVERIFY(tenancy);
        ServiceStore s(tenancy->store());
        ServiceRecord r;
        r.host = QStringLiteral("h1");
        r.name = QStringLiteral("web");
        r.tenant = QStringLiteral("acme");
        r.spec = "{\"v\":1}";
        QVERIFY(!s.insert(r).isError());
        QCOMPARE(s.insert(r).kind, Error::Conflict);
        auto got = s.service(QStringLiteral("h1"), QStringLiteral("web"));
        QVERIFY(got && *got);
        QCOMPARE((*got)->generation, 1);
        QVERIFY(!s.update(QStringLiteral("h1"), QStringLiteral("web"), "{\"v\":2}", 1).isError());
        QCOMPARE(s.update(QStringLiteral("h1"), QStringLiteral("web"), "{\"v\":3}", 1).kind, Error::Conflict); // changed meanwhile
        got = s.service(QStringLiteral("h1"), QStringLiteral("web"));
        QCOMPARE((*got)->spec, QByteArray("{\"v\":2}"));
        QCOMPARE((*got)->previous, QByteArray("{\"v\":1}"));
        QCOMPARE((*got)->generation, 2);
        QVERIFY(!s.rollback(QStringLiteral("h1"), QStringLiteral("web")).isError());
        got = s.service(QStringLiteral("h1"), QStringLiteral("web"));
        QCOMPARE((*got)->spec, QByteArray("{\"v\":1}"));
        QCOMPARE((*got)->previous, QByteArray("{\"v\":2}"));
        QCOMPARE((*got)->status, QStringLiteral("rolling back"));
        QVERIFY(!s.setStatus(QStringLiteral("h1"), QStringLiteral("web"), QStringLiteral("converged"), QStringLiteral("3/3")).isError());
        QCOMPARE((*s.services(QStringLiteral("h1"))).first().status, QStringLiteral("converged"));
        QVERIFY(!s.setEdgeSettings(QStringLiteral("h1"), QJsonObject{{QStringLiteral("image"), QStringLiteral("haproxy:3.0")}}).isError());
        QCOMPARE(s.edgeSettings(QStringLiteral("h1"))->value(QLatin1String("image")).toString(), QStringLiteral("haproxy:3.0"));
        QCOMPARE(*s.edgeHosts(), QStringList{QStringLiteral("h1")});
        // the router's settings are read bounded (64 KiB)
        QVERIFY(!s.setEdgeSettings(QStringLiteral("h2"), QJsonObject{{QStringLiteral("image"), QString(70 * 1024, QLatin1Char('x'))}}).isError());
        QCOMPARE(s.edgeSettings(QStringLiteral("h2")).error().kind, Error::Input);
        QVERIFY(!s.remove(QStringLiteral("h1"), QStringLiteral("web")).isError());
        QCOMPARE(s.remove(QStringLiteral("h1"), QStringLiteral("web")).kind, Error::NotFound);
        QCOMPARE(s.rollback(QStringLiteral("h1"), QStringLiteral("web")).kind, Error::NotFound);
    }

    // A tenant's scale-up or update is checked as a whole against its plan before anything
    // changes; beyond it, the quota message and the desired state as it was.
    void quotaOfTheWholeChange()
    {
        using Wharf::Backends::ServiceStore;
        QTemporaryDir dir;
        auto tenancy = TestSupport::tenancyFixture(dir.filePath(QStringLiteral("w.db"))); // plan "two": 2 containers, 2 CPUs, 1 GiB
        QVERIFY(tenancy);
        Wharf::Models::Principal who;
        who.user = QStringLiteral("ann");
        who.tenant = QStringLiteral("acme");
        auto gate = std::make_shared<Wharf::Models::PolicyGate>(tenancy, who);
        Wharf::Models::Operations ops(QStringLiteral("h1"));
        ops.setRunner(TestSupport::inlineGateRunner(gate), true);
        ServiceActions actions(&ops, QStringLiteral("acme"));
        auto run = [](std::function<void(ServiceActions::Done)> f) {
            Error out = Error::make(Error::Canceled, QStringLiteral("no answer"));
            f([&out](const Error &e) { out = e; });
            return out;
        };
        ServiceSpec s = web(3);
        QCOMPARE(run([&](auto done) { actions.create(s, done); }).kind, Error::Quota); // three do not fit
        s.replicas = 2;
        const Error created = run([&](auto done) { actions.create(s, done); });
        QVERIFY2(!created.isError(), qPrintable(created.message));
        const Error scaled = run([&](auto done) { actions.scale(QStringLiteral("web"), 3, done); });
        QCOMPARE(scaled.kind, Error::Quota);
        QVERIFY2(scaled.message.contains(QLatin1String("Quota exceeded")), qPrintable(scaled.message));
        auto record = ServiceStore(tenancy->store()).service(QStringLiteral("h1"), QStringLiteral("web"));
        QCOMPARE((*record)->generation, 1); // nothing changed
        QCOMPARE(ServiceSpec::fromJson((*record)->spec)->replicas, 2);
        // a start-first update runs a third replica beside the two: beyond the plan
        auto env = [](const QString &order) {
            return [order](ServiceSpec &x) {
                x.container.insert(QStringLiteral("Env"), QJsonArray{QStringLiteral("A=2")});
                x.update.startFirst = order == QLatin1String("start-first");
                return Error{};
            };
        };
        QCOMPARE(run([&](auto done) { actions.change(QStringLiteral("web"), QStringLiteral("update"), env(QStringLiteral("start-first")), done); }).kind, Error::Quota);
        QVERIFY(!run([&](auto done) { actions.change(QStringLiteral("web"), QStringLiteral("update"), env(QStringLiteral("stop-first")), done); }).isError());
        // more memory per replica than the plan holds
        const Error memory = run([&](auto done) {
            actions.change(QStringLiteral("web"), QStringLiteral("update"), [](ServiceSpec &x) {
                x.container.insert(QStringLiteral("HostConfig"), QJsonObject{{QStringLiteral("Memory"), 600LL * 1024 * 1024}});
                x.update.startFirst = false;
                return Error{};
            }, done);
        });
        QCOMPARE(memory.kind, Error::Quota);
        // another tenant's service is not there for it
        ServiceActions other(&ops, QStringLiteral("globex"));
        QCOMPARE(run([&](auto done) { other.scale(QStringLiteral("web"), 1, done); }).kind, Error::NotFound);
        // the refusals and the changes are in the audit trail
        Wharf::Backends::AuditFilter f;
        f.action = QStringLiteral("service.");
        const auto audit = tenancy->auditLog(f);
        QVERIFY(audit);
        QVERIFY(audit->size() >= 5);
    }
};

QTEST_GUILESS_MAIN(TestServiceModel)
#include "tst_servicemodel.moc"
