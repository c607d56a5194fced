#include "docker/dockerclient.h"
#include "hosts/hostconnection.h"
#include "inventory/containerlistmodel.h"
#include "inventory/eventlistmodel.h"
#include "inventory/resourcelistmodel.h"
#include "tasks/taskmodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Wharf::Models;

// A daemon of this test's own, so killing it disturbs no other test.
class TestHostConnection : public QObject
{
    Q_OBJECT
private:
    TestSupport::OwnDaemon m_daemon{QStringLiteral("hostconnection")};
    QString m_host;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_daemon.start());
        m_host = m_daemon.host();
        QVERIFY(!m_host.isEmpty());
    }
    void cleanupTestCase() { m_daemon.stopIfOurs(); }

    void followsEventsAndRecoversFromDaemonDeath()
    {
        TaskModel tasks;
        HostConfig cfg;
        cfg.id = QStringLiteral("h1");
        cfg.name = QStringLiteral("test");
        cfg.url = m_host;
        HostConnection host(cfg, &tasks);
        host.setBackoff(200, 2000);
        QAbstractItemModelTester t1(host.containers(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(host.volumes(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(host.networks(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t4(host.events(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(host.containers(), &QAbstractItemModel::modelReset);
        host.connectToHost();
        QTRY_COMPARE_WITH_TIMEOUT(host.state(), HostConnection::Up, 15000);
        QVERIFY(host.networks()->rowCount() >= 3); // bridge, host, none

        // A container made elsewhere appears through the event stream; so does its removal.
        QCOMPARE(TestSupport::wharfctl({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("hc-1"),
                                        TestSupport::testImage(), QStringLiteral("sleep"), QStringLiteral("300")}, m_host).code, 0);
        QTRY_VERIFY_WITH_TIMEOUT(host.containers()->indexOf(host.containers()->ids().value(0)) >= 0 && host.containers()->rowCount() == 1, 10000);
        const QString id = host.containers()->idAt(0);
        QTRY_COMPARE_WITH_TIMEOUT(host.containers()->row(id)->state, QStringLiteral("running"), 10000);
        host.containerAction(HostConnection::Action::Pause, {id});
        QTRY_COMPARE_WITH_TIMEOUT(host.containers()->row(id)->state, QStringLiteral("paused"), 10000);
        host.containerAction(HostConnection::Action::Unpause, {id});
        QTRY_COMPARE_WITH_TIMEOUT(host.containers()->row(id)->state, QStringLiteral("running"), 10000);

        // A volume in use shows who uses it.
        QCOMPARE(TestSupport::wharfctl({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("hc-2"), QStringLiteral("-v"),
                                        QStringLiteral("hc-data:/data"), TestSupport::testImage(), QStringLiteral("sleep"), QStringLiteral("300")}, m_host).code, 0);
        QTRY_VERIFY_WITH_TIMEOUT(host.volumes()->usedBy(QStringLiteral("hc-data")).contains(QStringLiteral("hc-2")), 10000);

        // Kill the daemon: the host goes down with a reason, then comes back by itself.
        const int eventsBefore = host.events()->rowCount();
        QVERIFY(TestSupport::fixture(QStringLiteral("kill"), m_daemon.dir()));
        QTRY_COMPARE_WITH_TIMEOUT(host.state(), HostConnection::Down, 10000);
        QVERIFY(!host.reason().isEmpty());
        // A container created while we are away must show up after the reconnect.
        QVERIFY(TestSupport::fixture(QStringLiteral("revive"), m_daemon.dir()));
        QCOMPARE(TestSupport::wharfctl({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("hc-3"), TestSupport::testImage()}, m_host).code, 0);
        QTRY_COMPARE_WITH_TIMEOUT(host.state(), HostConnection::Up, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(host.containers()->rowCount() == 3, 10000);
        QCOMPARE(resets.count(), 0);
        QVERIFY(host.events()->rowCount() >= eventsBefore);
        // No event twice.
        QSet<QString> keys;
        for (int r = 0; r < host.events()->rowCount(); ++r)
            keys.insert(host.events()->index(r, 0).data(EventListModel::KeyRole).toString());
        QCOMPARE(keys.size(), host.events()->rowCount());

        // Removing through the console.
        host.containerAction(HostConnection::Action::ForceRemove, host.containers()->ids());
        auto why = [&] {
            QStringList lines;
            for (int r = 0; r < tasks.rowCount(); ++r)
                lines << tasks.index(r, 0).data().toString();
            for (int r = 0; r < host.containers()->rowCount(); ++r)
                lines << host.containers()->rowAt(r).name + QLatin1Char(' ') + host.containers()->rowAt(r).status;
            return lines.join(QLatin1String(" | "));
        };
        QTRY_VERIFY2_WITH_TIMEOUT(host.containers()->rowCount() == 0, qPrintable(why()), 30000);
        QCOMPARE(tasks.runningCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHostConnection)
#include "tst_hostconnection.moc"
