// "Run a local registry" as one operation, against the engine kept in memory: a tenant is
// refused before anything reaches the host, and a cancelled run makes nothing and ends with
// Error::Canceled.
#include "docker/dockerclient.h"
#include "fakeengine.h"
#include "operations/operations.h"
#include "registries/localregistry.h"
#include "registries/registrystore.h"
#include "tenancy/policygate.h"
#include "tenancyfixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Wharf::Models;
using namespace Wharf::Backends;
using TestSupport::FakeEngine;

class TestLocalRegistry : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<FakeEngine> m_engine;
    std::unique_ptr<DockerClient> m_client;
    std::unique_ptr<RegistryStore> m_registries;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_engine = std::make_unique<FakeEngine>(m_dir.filePath(QStringLiteral("engine.sock")));
        m_engine->addImage(QStringLiteral("registry:2"), QStringLiteral("sha256:") + QString(64, QLatin1Char('2')));
        auto ep = Endpoint::parse(m_engine->url());
        QVERIFY(ep);
        m_client = std::make_unique<DockerClient>(*ep);
        m_registries = std::make_unique<RegistryStore>(m_dir.filePath(QStringLiteral("registries.json")));
    }
    void cleanup()
    {
        m_registries.reset();
        m_client.reset();
        m_engine.reset();
    }

    void cancelledMakesNothing()
    {
        Operations ops(QStringLiteral("h1"));
        LocalRegistryDeployer::Options o;
        o.name = QStringLiteral("mine");
        o.port = 5999;
        LocalRegistryDeployer d(m_client.get(), &ops, m_registries.get(), o);
        QSignalSpy finished(&d, &LocalRegistryDeployer::finished);
        d.start();
        d.cancel();
        QVERIFY(finished.count() || finished.wait(10000));
        QCOMPARE(finished.first().at(0).value<Error>().kind, Error::Canceled);
        QVERIFY(m_engine->containers.isEmpty());
        QVERIFY(m_engine->volumes.isEmpty());
        QVERIFY(!m_registries->find(QStringLiteral("mine")));
    }

    // A registry publishes a port with the host's rights: a tenant is refused, and recorded.
    void tenantIsRefused()
    {
        auto store = TestSupport::tenancyFixture(m_dir.filePath(QStringLiteral("tenancy.sqlite")));
        QVERIFY(store);
        auto gate = std::make_shared<PolicyGate>(store, Principal{QStringLiteral("dev"), QStringLiteral("acme")});
        Operations ops(QStringLiteral("h1"));
        ops.setRunner([gate](std::function<void(PolicyGate &)> work, std::function<void()> then) {
            work(*gate);
            if (then)
                then();
        }, true);
        LocalRegistryDeployer d(m_client.get(), &ops, m_registries.get(), {});
        QSignalSpy finished(&d, &LocalRegistryDeployer::finished);
        d.start();
        QVERIFY(finished.count() || finished.wait(10000));
        QCOMPARE(finished.first().at(1).toBool(), true); // refused
        QCOMPARE(finished.first().at(0).value<Error>().kind, Error::Denied);
        QVERIFY(m_engine->calls.isEmpty() || !m_engine->calls.join(QLatin1Char(' ')).contains(QLatin1String("create")));
        const auto log = store->auditLog({});
        QVERIFY(log && !log->isEmpty());
        QCOMPARE(log->first().action, QStringLiteral("registry.run"));
        QCOMPARE(log->first().result, QStringLiteral("denied"));
    }
};

QTEST_GUILESS_MAIN(TestLocalRegistry)
#include "tst_localregistry.moc"
