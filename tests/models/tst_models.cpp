#include "apps/applogs.h"
#include "core/job.h"
#include "docker/containerstate.h"
#include "hosts/execsession.h"
#include "hosts/hostconnection.h"
#include "registries/registrybrowser.h"
#include "tasks/taskmodel.h"
#include "inventory/containerlistmodel.h"
#include "inventory/eventlistmodel.h"
#include "logs/logmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Wharf::Models;

namespace {
// A job that ends when the test says so.
class ScriptedJob : public Wharf::Backends::Job
{
public:
    using Job::Job;
    int aborts = 0;
    void end(const Wharf::Backends::Error &e)
    {
        m_error = e;
        m_done = true;
        Q_EMIT finished();
    }
    void abort() override
    {
        ++aborts;
        if (!m_done)
            end(Wharf::Backends::Error::make(Wharf::Backends::Error::Canceled, QStringLiteral("aborted")));
    }
};
} // namespace

class TestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The daemon's RFC 3339 timestamps drop trailing zeros of the fraction, so they are read
    // as numbers, not compared as text.
    void appLogTimestamps()
    {
        using Wharf::Models::Apps::AppLogs;
        const qint64 base = AppLogs::parseTimestamp(u"2026-11-28T19:05:33Z");
        QCOMPARE(base, 1795892733LL * 1'000'000'000LL); // date -u -d 2026-11-28T19:05:33Z +%s
        QCOMPARE(AppLogs::parseTimestamp(u"2026-11-28T19:05:33.1Z"), base + 100'000'000);
        QCOMPARE(AppLogs::parseTimestamp(u"2026-11-28T19:05:33.12Z"), base + 120'000'000);
        QCOMPARE(AppLogs::parseTimestamp(u"2026-11-28T19:05:33.123456789Z"), base + 123'456'789);
        QVERIFY(AppLogs::parseTimestamp(u"2026-11-28T19:05:33.1Z") < AppLogs::parseTimestamp(u"2026-11-28T19:05:33.12Z"));
        QCOMPARE(AppLogs::parseTimestamp(u"not a time"), 0);
        QCOMPARE(AppLogs::parseTimestamp(u"2026-11-28T19:05:33.12"), 0); // no zone
    }

    // The one job style: done runs once with the job, the job is deleted after; when the asker
    // goes first the job is aborted and done never runs.
    void jobsEndOnceForTheirAsker()
    {
        using Wharf::Backends::Error;
        auto *job = new ScriptedJob;
        QPointer<ScriptedJob> alive(job);
        QObject asker;
        int calls = 0;
        Error seen;
        Wharf::Backends::whenFinished(job, &asker, [&](ScriptedJob *j) {
            ++calls;
            seen = j->error();
        });
        job->end(Error::make(Error::Http, QStringLiteral("no such image"), 404));
        QCOMPARE(calls, 1);
        QCOMPARE(seen.httpStatus, 404);
        QTRY_VERIFY(!alive);

        auto *second = new ScriptedJob;
        QPointer<ScriptedJob> secondAlive(second);
        auto *gone = new QObject;
        Wharf::Backends::whenFinished(second, gone, [&](ScriptedJob *) { ++calls; });
        delete gone;
        QVERIFY(secondAlive);
        QCOMPARE(second->aborts, 1);
        QCOMPARE(calls, 1);
        QTRY_VERIFY(!secondAlive);
    }

    void containerStatesAreNamed()
    {
        using Wharf::Backends::ContainerState;
        using Wharf::Backends::containerState;
        QCOMPARE(containerState(u"running"), ContainerState::Running);
        QCOMPARE(containerState(u"Exited"), ContainerState::Exited);
        QCOMPARE(containerState(u"paused"), ContainerState::Paused);
        QCOMPARE(containerState(u"restarting"), ContainerState::Restarting);
        QCOMPARE(containerState(u"removing"), ContainerState::Removing);
        QCOMPARE(containerState(u"created"), ContainerState::Created);
        QCOMPARE(containerState(u"dead"), ContainerState::Dead);
        QCOMPARE(containerState(u""), ContainerState::Unknown);
        QCOMPARE(containerState(u"hibernating"), ContainerState::Unknown);
    }

    void registryTagsNewestFirst()
    {
        const QStringList sorted = RegistryBrowser::newestFirst({QStringLiteral("1"), QStringLiteral("10"), QStringLiteral("9"),
                                                                 QStringLiteral("latest"), QStringLiteral("1.10"), QStringLiteral("1.9"),
                                                                 QStringLiteral("v2-alpine"), QStringLiteral("v10-alpine"), QStringLiteral("007")});
        QCOMPARE(sorted, (QStringList{QStringLiteral("latest"), QStringLiteral("v10-alpine"), QStringLiteral("v2-alpine"), QStringLiteral("10"),
                                      QStringLiteral("9"), QStringLiteral("007"), QStringLiteral("1.10"), QStringLiteral("1.9"), QStringLiteral("1")}));
        QVERIFY(RegistryBrowser::newestFirst({}).isEmpty());
    }

    // The console's exec splits its command like a shell and says why it cannot start.
    void execSessionExplainsWhatItCannotRun()
    {
        TaskModel tasks;
        HostConfig config;
        config.id = QStringLiteral("h1");
        config.name = QStringLiteral("nowhere");
        config.url = QStringLiteral("unix:///nonexistent/docker.sock");
        HostConnection host(config, &tasks);
        ExecSession exec(&host, QStringLiteral("abc"));
        QSignalSpy failed(&exec, &ExecSession::failed);
        exec.start(QStringLiteral("sh -c 'echo"), 24, 80);
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.last().at(0).toString().contains(QLatin1String("quote")));
        exec.start(QStringLiteral("   "), 24, 80);
        QCOMPARE(failed.count(), 2);
        QVERIFY(failed.last().at(0).toString().contains(QLatin1String("/bin/sh")));
        exec.start(QStringLiteral("/bin/sh"), 24, 80);
        QCOMPARE(failed.count(), 3);
        QVERIFY(failed.last().at(0).toString().contains(QLatin1String("not connected")));
        QVERIFY(!exec.isRunning());
    }

    void containersDiffInPlace();
    void eventsDeduplicated();
    void logsBounded();
};

static QJsonObject entry(const QString &id, const QString &name, const QString &state)
{
    return QJsonObject{{QStringLiteral("Id"), id},
                       {QStringLiteral("Names"), QJsonArray{QString(QLatin1Char('/') + name)}},
                       {QStringLiteral("Image"), QStringLiteral("busybox")},
                       {QStringLiteral("State"), state},
                       {QStringLiteral("Status"), state},
                       {QStringLiteral("Created"), 1700000000}};
}

void TestModels::containersDiffInPlace()
{
    ContainerListModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
    m.applyList({entry(QStringLiteral("a"), QStringLiteral("one"), QStringLiteral("running")),
                 entry(QStringLiteral("b"), QStringLiteral("two"), QStringLiteral("exited")),
                 entry(QStringLiteral("c"), QStringLiteral("three"), QStringLiteral("running"))});
    QCOMPARE(m.rowCount(), 3);
    m.applyList({entry(QStringLiteral("a"), QStringLiteral("one"), QStringLiteral("exited")),
                 entry(QStringLiteral("c"), QStringLiteral("three"), QStringLiteral("running")),
                 entry(QStringLiteral("d"), QStringLiteral("four"), QStringLiteral("created"))});
    QCOMPARE(m.rowCount(), 3);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1); // only "a" changed
    QVERIFY(!m.row(QStringLiteral("b")));
    QCOMPARE(m.row(QStringLiteral("a"))->state, QStringLiteral("exited"));
    m.applyPartial({QStringLiteral("c"), QStringLiteral("zz")}, {entry(QStringLiteral("c"), QStringLiteral("renamed"), QStringLiteral("running"))});
    QCOMPARE(m.row(QStringLiteral("c"))->name, QStringLiteral("renamed"));
    m.applyPartial({QStringLiteral("d")}, {});
    QCOMPARE(m.rowCount(), 2);
    m.setStats(QStringLiteral("c"), 12.5, 1024, 2048);
    QCOMPARE(m.index(m.indexOf(QStringLiteral("c")), ContainerListModel::Cpu).data().toString(), QStringLiteral("12.5%"));
}

void TestModels::eventsDeduplicated()
{
    EventListModel m(3);
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto ev = [](qint64 t, const char *action) {
        return QJsonObject{{QStringLiteral("Type"), QStringLiteral("container")},
                           {QStringLiteral("Action"), QString::fromLatin1(action)},
                           {QStringLiteral("timeNano"), double(t)},
                           {QStringLiteral("Actor"), QJsonObject{{QStringLiteral("ID"), QStringLiteral("abc")}}}};
    };
    QVERIFY(m.append(ev(1, "create")));
    QVERIFY(m.append(ev(2, "start")));
    QVERIFY(!m.append(ev(2, "start"))); // replayed after a reconnect
    QVERIFY(m.append(ev(3, "die")));
    QVERIFY(m.append(ev(4, "destroy")));
    QCOMPARE(m.rowCount(), 3); // bounded
    QCOMPARE(m.lastTimeNano(), qint64(4));
}

void TestModels::logsBounded()
{
    LogModel m(1000);
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Warning);
    QByteArray chunk;
    for (int i = 0; i < 5000; ++i)
        chunk += "line " + QByteArray::number(i) + '\n';
    m.appendData(LogModel::Stdout, chunk.left(1234));
    m.appendData(LogModel::Stdout, chunk.mid(1234));
    QCOMPARE(m.rowCount(), 1000);
    QCOMPARE(m.text(999), QStringLiteral("line 4999"));
    m.appendData(LogModel::Stderr, "partial");
    QCOMPARE(m.rowCount(), 1000);
    m.appendData(LogModel::Stderr, " done\n");
    QCOMPARE(m.text(999), QStringLiteral("partial done"));
    QCOMPARE(m.index(999).data(LogModel::StreamRole).toInt(), int(LogModel::Stderr));
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
