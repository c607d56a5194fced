// The console's Apps page against a daemon of its own: an app deployed from a file after its
// plan is shown, listed with its state and containers, an app of docker compose's listed too,
// stopped, started and removed from the page; a bad file is refused with its line.
#include "apps/applistmodel.h"
#include "inventory/eventlistmodel.h"
#include "apps/allappspage.h"
#include "apps/appspage.h"
#include "hosts/hostregistry.h"
#include "hosts/hoststore.h"
#include "hosts/hostconnection.h"
#include "inventory/containerlistmodel.h"
#include "tasks/taskmodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QItemSelectionModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Wharf;

class TestAppsUi : public QObject
{
    Q_OBJECT
    TestSupport::OwnDaemon m_daemon{QStringLiteral("appsui")};
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &text)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write");
        f.write(text);
        return f.fileName();
    }

    // The test's daemon as a host of the console, connected (null when it does not come up).
    std::unique_ptr<Models::HostConnection> connectedHost(const QString &name, Models::TaskModel *tasks)
    {
        Models::HostConfig cfg;
        cfg.id = name;
        cfg.name = name;
        cfg.url = m_daemon.host();
        auto host = std::make_unique<Models::HostConnection>(cfg, tasks);
        host->connectToHost();
        if (!QTest::qWaitFor([&] { return host->state() == Models::HostConnection::Up; }, 20000))
            return nullptr;
        return host;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_daemon.start());
        qputenv("WHARF_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8());
    }
    void cleanupTestCase() { m_daemon.stopIfOurs(); }

    void deployListActAndRemove()
    {
        Models::TaskModel tasks;
        const auto connection = connectedHost(QStringLiteral("apps-host"), &tasks);
        QVERIFY(connection);
        Models::HostConnection &host = *connection;

        Ui::AppsPage page(&host);
        page.resize(1000, 700);
        page.show();
        QAbstractItemModelTester tester(page.apps(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QString shownPlan;
        page.confirmPlan = [&shownPlan](const QString &, const Models::Apps::DeployPlan &plan, bool) {
            shownPlan = plan.toText();
            return Ui::AppsPage::PlanChoice{true, true, false};
        };
        const QByteArray image = TestSupport::testImage().toUtf8();
        const QString file = write(QStringLiteral("compose.yaml"), "name: blog\n"
                                                                   "services:\n"
                                                                   "  web:\n"
                                                                   "    image: " + image + "\n"
                                                                   "    command: [sh, -c, 'echo web says hello; exec sleep 3600']\n"
                                                                   "    init: true\n"
                                                                   "    depends_on: [db]\n"
                                                                   "  db:\n"
                                                                   "    image: " + image + "\n"
                                                                   "    command: [sh, -c, 'echo db is ready >&2; exec sleep 3600']\n"
                                                                   "    init: true\n"
                                                                   "    volumes: [data:/data]\n"
                                                                   "volumes:\n"
                                                                   "  data: {}\n");
        QSignalSpy deployed(&page, &Ui::AppsPage::deployed);
        page.deployFile(file);
        QVERIFY(deployed.wait(60000));
        QVERIFY2(shownPlan.contains(QLatin1String("+ blog-db-1 (create)")), qPrintable(shownPlan));
        QVERIFY2(shownPlan.contains(QLatin1String("4 to create")), qPrintable(shownPlan)); // network, volume, two containers
        // the list follows the host's containers
        QTRY_VERIFY_WITH_TIMEOUT(page.apps()->app(QStringLiteral("blog")) && page.apps()->app(QStringLiteral("blog"))->running == 2, 20000);
        const Models::Apps::AppSummary *blog = page.apps()->app(QStringLiteral("blog"));
        QCOMPARE(blog->services, (QStringList{QStringLiteral("db"), QStringLiteral("web")}));
        QVERIFY(blog->deployedByWharf);
        QCOMPARE(blog->state(), QStringLiteral("running"));
        // the page streams the stats of the apps on screen: the app's memory is the sum of its containers'
        QTRY_VERIFY_WITH_TIMEOUT(page.apps()->app(QStringLiteral("blog"))->hasStats && page.apps()->app(QStringLiteral("blog"))->memoryBytes > 0, 20000);
        QVERIFY(!page.apps()->index(page.apps()->names().indexOf(QStringLiteral("blog")), Models::Apps::AppListModel::Memory).data().toString().isEmpty());
        page.hide(); // nobody looks: no streams
        QTRY_VERIFY_WITH_TIMEOUT(!page.apps()->app(QStringLiteral("blog"))->hasStats, 10000);
        page.show();
        // the deploy was a task with its outcome
        bool taskDone = false;
        for (int r = 0; r < tasks.rowCount(); ++r)
            taskDone = taskDone || tasks.index(r, 0).data().toString().contains(QLatin1String("Deploy app blog on apps-host"));
        QVERIFY(taskDone);
        page.selectApp(QStringLiteral("blog"));
        QTRY_COMPARE(page.containersTable()->model()->rowCount(), 2);
        // the logs of both services, merged in the order they were written, each line labelled
        page.detailsTabs()->setCurrentWidget(page.logView());
        QTRY_VERIFY_WITH_TIMEOUT(page.logView()->toPlainText().contains(QLatin1String("web-1 | web says hello")), 20000);
        const QString logs = page.logView()->toPlainText();
        QVERIFY2(logs.contains(QLatin1String("db-1  | db is ready")), qPrintable(logs));
        QVERIFY2(logs.indexOf(QLatin1String("db is ready")) < logs.indexOf(QLatin1String("web says hello")), qPrintable(logs));
        // and the app's events, nobody else's
        page.detailsTabs()->setCurrentWidget(page.eventsTable());
        QTRY_VERIFY_WITH_TIMEOUT(page.eventsTable()->model()->rowCount() >= 4, 20000); // create and start of each
        for (int r = 0; r < page.eventsTable()->model()->rowCount(); ++r)
            QVERIFY(page.eventsTable()->model()->index(r, Models::EventListModel::Attributes).data().toString().contains(QLatin1String("com.docker.compose.project=blog")));

        // docker compose's apps are apps too
        QFile v1(m_dir.filePath(QStringLiteral("docker-compose.yml")));
        QVERIFY(v1.open(QIODevice::WriteOnly));
        v1.write("version: '3.7'\nservices:\n  one:\n    image: " + image + "\n    command: sleep 3600\n");
        v1.close();
        QProcess compose;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DOCKER_HOST"), m_daemon.host());
        compose.setProcessEnvironment(env);
        compose.setWorkingDirectory(m_dir.path());
        compose.start(QStringLiteral("docker-compose"), {QStringLiteral("-p"), QStringLiteral("legacy"), QStringLiteral("up"), QStringLiteral("-d")});
        QVERIFY(compose.waitForFinished(60000));
        QCOMPARE(compose.exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(page.apps()->app(QStringLiteral("legacy")), 20000);
        QVERIFY(!page.apps()->app(QStringLiteral("legacy"))->deployedByWharf);

        // stop, start, remove as a whole
        QSignalSpy finished(&page, &Ui::AppsPage::deployed);
        page.selectApp(QStringLiteral("blog"));
        page.actOnSelected(Models::Apps::AppDeployer::Verb::Stop);
        QTRY_VERIFY_WITH_TIMEOUT(page.apps()->app(QStringLiteral("blog"))->state() == QLatin1String("stopped"), 30000);
        page.actOnSelected(Models::Apps::AppDeployer::Verb::Start);
        QTRY_VERIFY_WITH_TIMEOUT(page.apps()->app(QStringLiteral("blog"))->state() == QLatin1String("running"), 30000);
        QString asked;
        page.confirmRemove = [&asked](const QString &q, bool *volumes) {
            asked = q;
            *volumes = false;
            return true;
        };
        page.selectApp(QStringLiteral("legacy"));
        page.actOnSelected(Models::Apps::AppDeployer::Verb::Down);
        QTRY_VERIFY_WITH_TIMEOUT(!page.apps()->app(QStringLiteral("legacy")), 30000);
        QVERIFY(asked.contains(QLatin1String("legacy")));
        page.selectApp(QStringLiteral("blog"));
        page.actOnSelected(Models::Apps::AppDeployer::Verb::Down);
        QTRY_VERIFY_WITH_TIMEOUT(page.apps()->rowCount() == 0, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, 30000); // stop, start and both removals are over

        // a bad file: refused with its place, nothing deployed
        const QString bad = write(QStringLiteral("bad.yaml"), "services:\n  web:\n    image: x\n    depends_on: [nope]\n");
        page.deployFile(bad); // read on a worker thread: the answer comes back
        QTRY_VERIFY(page.message()->isVisible());
        QVERIFY2(page.message()->text().contains(QLatin1String("bad.yaml:4:17: error: service \"web\" depends on \"nope\"")), qPrintable(page.message()->text()));
        // nothing selected: said so
        page.table()->clearSelection();
        page.actOnSelected(Models::Apps::AppDeployer::Verb::Stop);
        QCOMPARE(page.message()->text(), QStringLiteral("Select an app first."));
    }

    // The apps of every host in one list: two hosts (the same daemon saved twice) show the
    // app once each, with their host; it is stopped from here and opened on its host.
    void allHostsList()
    {
        Models::HostStore store(m_dir.filePath(QStringLiteral("hosts.json")));
        for (const char *name : {"east", "west"}) {
            Models::HostConfig h;
            h.name = QLatin1String(name);
            h.url = m_daemon.host();
            QVERIFY(store.add(h));
        }
        Models::TaskModel tasks;
        Models::HostRegistry registry(&store, &tasks);
        registry.connectAll();
        for (auto *c : registry.connections())
            QTRY_COMPARE_WITH_TIMEOUT(c->state(), Models::HostConnection::Up, 20000);
        const QByteArray image = TestSupport::testImage().toUtf8();
        const QString file = write(QStringLiteral("pair.yaml"), "name: pair\nservices:\n  one:\n    image: " + image + "\n    command: [sleep, '3600']\n    init: true\n");
        const TestSupport::Run up = TestSupport::wharfctl({QStringLiteral("app"), QStringLiteral("deploy"), QStringLiteral("-f"), file}, m_daemon.host());
        QVERIFY2(up.code == 0, qPrintable(up.err));

        Ui::AllAppsPage page(&registry);
        page.resize(1100, 500);
        page.show();
        QAbstractItemModelTester tester(page.table()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(page.table()->model()->rowCount(), 2, 20000);
        QStringList hosts;
        for (int r = 0; r < 2; ++r) {
            QCOMPARE(page.appAt(r).second, QStringLiteral("pair"));
            hosts << page.table()->model()->index(r, Models::Apps::AppListModel::Host).data().toString();
        }
        hosts.sort();
        QCOMPARE(hosts, (QStringList{QStringLiteral("east"), QStringLiteral("west")}));
        // the whole app's memory, from the stats of the apps on screen
        QTRY_VERIFY_WITH_TIMEOUT(!page.table()->model()->index(0, Models::Apps::AppListModel::Memory).data().toString().isEmpty(), 20000);
        // stopped from here, on one host: both rows are the same app, both say so
        const QString west = registry.connections().last()->config().id;
        page.selectApp(west, QStringLiteral("pair"));
        QSignalSpy acted(&page, &Ui::AllAppsPage::acted);
        page.actOnSelected(Models::Apps::AppDeployer::Verb::Stop);
        QVERIFY(acted.wait(30000));
        QCOMPARE(acted.first().at(0).toString(), west);
        QTRY_VERIFY_WITH_TIMEOUT(page.table()->model()->index(0, Models::Apps::AppListModel::State).data().toString().startsWith(QLatin1String("stopped"))
                                     && page.table()->model()->index(1, Models::Apps::AppListModel::State).data().toString().startsWith(QLatin1String("stopped")),
                                 20000);
        // opened on its host
        QSignalSpy open(&page, &Ui::AllAppsPage::openRequested);
        page.selectApp(west, QStringLiteral("pair"));
        const auto rows = page.table()->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        Q_EMIT page.table()->doubleClicked(rows.first());
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().at(0).toString(), west);
        QCOMPARE(open.first().at(1).toString(), QStringLiteral("pair"));
        // nothing selected: said so; a host that goes takes its rows along
        page.table()->clearSelection();
        page.actOnSelected(Models::Apps::AppDeployer::Verb::Start);
        QCOMPARE(page.message()->text(), QStringLiteral("Select an app first."));
        QVERIFY(!store.remove(west).isError());
        QTRY_COMPARE(page.table()->model()->rowCount(), 1);
        QCOMPARE(page.table()->model()->index(0, Models::Apps::AppListModel::Host).data().toString(), QStringLiteral("east"));
        TestSupport::wharfctl({QStringLiteral("app"), QStringLiteral("down"), QStringLiteral("pair")}, m_daemon.host());
        QTRY_COMPARE_WITH_TIMEOUT(page.table()->model()->rowCount(), 0, 20000);
    }

    // An app with build: deploys from the console: the plan builds the missing image, and a
    // plan with the images rebuilt is one button away.
    void deployBuildsImages()
    {
        Models::TaskModel tasks;
        const auto host = connectedHost(QStringLiteral("build-host"), &tasks);
        QVERIFY(host);
        Ui::AppsPage page(host.get());
        QDir().mkpath(m_dir.filePath(QStringLiteral("src")));
        write(QStringLiteral("src/Dockerfile"), "FROM " + TestSupport::testImage().toUtf8() + "\nRUN echo built > /built.txt\nCMD [\"sh\", \"-c\", \"cat /built.txt; exec sleep 3600\"]\n");
        const QString file = write(QStringLiteral("built.yaml"), "name: built\nservices:\n  api:\n    build: ./src\n    init: true\n    stop_grace_period: 1s\n");
        QStringList plans;
        QList<bool> rebuildOffered;
        page.confirmPlan = [&](const QString &, const Models::Apps::DeployPlan &plan, bool canRebuild) {
            plans << plan.toText();
            rebuildOffered << canRebuild;
            Ui::AppsPage::PlanChoice c;
            // the second deploy asks for a rebuild first, then deploys that plan
            c.rebuild = plans.size() == 2;
            c.deploy = !c.rebuild;
            return c;
        };
        QSignalSpy deployed(&page, &Ui::AppsPage::deployed);
        page.deployFile(file);
        QVERIFY(deployed.wait(120000));
        QVERIFY2(plans.value(0).contains(QLatin1String("* image built-api (build: not on this host)")), qPrintable(plans.value(0)));
        QVERIFY(rebuildOffered.value(0));
        QTRY_VERIFY_WITH_TIMEOUT(page.apps()->app(QStringLiteral("built")) && page.apps()->app(QStringLiteral("built"))->running == 1, 20000);
        // the task told how the build went
        bool buildShown = false;
        for (int r = 0; r < tasks.rowCount(); ++r)
            buildShown = buildShown || tasks.index(r, 0).data().toString().contains(QLatin1String("Deploy app built on build-host"));
        QVERIFY(buildShown);

        page.deployFile(file);
        QVERIFY(deployed.wait(120000));
        QCOMPARE(plans.size(), 3);
        QVERIFY2(!plans[1].contains(QLatin1String("* image")), qPrintable(plans[1]));
        QVERIFY2(plans[2].contains(QLatin1String("* image built-api (build: build requested)")), qPrintable(plans[2]));
        QVERIFY2(plans[2].contains(QLatin1String("= built-api-1 (unchanged)")), qPrintable(plans[2]));

        page.confirmRemove = [](const QString &, bool *volumes) {
            *volumes = true;
            return true;
        };
        page.selectApp(QStringLiteral("built"));
        page.actOnSelected(Models::Apps::AppDeployer::Verb::Down);
        QTRY_VERIFY_WITH_TIMEOUT(!page.apps()->app(QStringLiteral("built")), 30000);
    }
};

QTEST_MAIN(TestAppsUi)
#include "tst_appsui.moc"
