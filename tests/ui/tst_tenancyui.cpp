// The platform pages of the console, driven offscreen as an admin would (tenants, plans with a
// concurrent edit, host domains, the audit log and its CSV, a tenant's dashboard), and a
// tenant's console signed in with its own PostgreSQL role: only its pages, and the containers
// it creates pass the policy gate against the private dockerd.
#include "../integration/storesupport.h"

#include "apps/appactions.h"
#include "compose/loader.h"
#include "containers/containerdetailsdialog.h"
#include "hosts/hostregistry.h"
#include "inventory/eventlistmodel.h"
#include "images/imageactions.h"
#include "hosts/hoststore.h"
#include "hosts/navigationmodel.h"
#include "inventory/containerlistmodel.h"
#include "inventory/resourcelistmodel.h"
#include "mainwindow.h"
#include "store/money.h"
#include "tasks/taskmodel.h"
#include "tenancy/controlloop.h"
#include "tenancy/policygate.h"
#include "tenancy/quotawatcher.h"
#include "store/controllease.h"
#include "store/meteringstore.h"
#include "tenancy/recordtablemodel.h"
#include "tenancy/tenancyservice.h"
#include "tenants/auditpage.h"
#include "tenants/tenantdashboard.h"
#include "tenants/tenantspage.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QScopeGuard>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

using namespace Wharf;
using Models::RecordTableModel;

class TestTenancyUi : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<Models::TenancyService> openService(const QString &url, const QString &password = {})
    {
        auto service = std::make_unique<Models::TenancyService>();
        QSignalSpy ready(service.get(), &Models::TenancyService::ready);
        QSignalSpy failed(service.get(), &Models::TenancyService::failed);
        service->open(*Backends::StoreUrl::parse(url), password);
        if (!ready.wait(20000))
            qWarning() << "the database did not open:" << failed;
        return service;
    }

    // A free plan of 2 containers (1 CPU, 512 MiB), tenants on it, and host "shared" public.
    static void freePlanWithTenants(Backends::TenancyStore *s, const QString &plan, const QStringList &tenants)
    {
        Backends::Plan p;
        p.name = plan;
        p.maxContainers = 2;
        p.cpusNano = 1'000'000'000;
        p.memoryBytes = 512LL << 20;
        p.freeTier = true;
        QVERIFY(!s->createPlan(p).isError());
        for (const QString &name : tenants) {
            Backends::Tenant t;
            t.name = name;
            t.plan = plan;
            QVERIFY(!s->createTenant(t).isError());
        }
        QVERIFY(!s->setHostDomain({QStringLiteral("shared"), QStringLiteral("public"), {}}).isError());
    }

    // work on the service's own thread (where its connection lives), waited for
    template<typename T>
    static T onServiceThread(Models::TenancyService *service, std::function<T(Backends::TenancyStore &)> work)
    {
        std::optional<T> result;
        service->query<T>(service, work, [&result](const T &r) { result = r; });
        (void)QTest::qWaitFor([&result] { return result.has_value(); }, 10000);
        return result.value_or(T{});
    }

    static void select(QTableView *view, RecordTableModel *model, const QString &key)
    {
        const int row = model->rowOf(key);
        QVERIFY(row >= 0);
        auto *proxy = qobject_cast<QAbstractProxyModel *>(view->model());
        view->selectionModel()->select(proxy->mapFromSource(model->index(row, 0)), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }

    static QString cell(RecordTableModel *m, const QString &key, int column)
    {
        const int row = m->rowOf(key);
        return row < 0 ? QString() : m->index(row, column).data().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!TestSupport::postgresEnv().isEmpty(), "the postgres fixture is not running");
        QVERIFY2(!TestSupport::dockerHost().isEmpty(), "the dockerd fixture is not running");
    }

    void adminManagesTenantsAndPlans()
    {
        auto service = openService(QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("admin.db")));
        QVERIFY(service->isOpen());
        QVERIFY(!service->isTenant());
        Models::HostStore store(m_dir.filePath(QStringLiteral("edge-hosts.json")));
        for (const char *name : {"edge-1", "edge-2"}) {
            Models::HostConfig h;
            h.name = QString::fromLatin1(name);
            h.url = QStringLiteral("unix:///nonexistent/%1.sock").arg(h.name);
            QVERIFY(store.add(h));
        }
        Models::TaskModel tasks;
        Models::HostRegistry hosts(&store, &tasks);
        Ui::TenantsPage page(service.get(), &hosts);
        page.show();
        QAbstractItemModelTester t1(page.tenantsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(page.plansModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(page.domainsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        // a new plan through its dialog, with a bad price first (the dialog stays open)
        bool sawError = false;
        page.execPlanDialog = [&](Ui::PlanDialog *d) {
            auto edit = [d](const char *name) { return d->findChild<QLineEdit *>(QLatin1String(name)); };
            edit("name")->setText(QStringLiteral("gold"));
            d->findChild<QSpinBox *>()->setValue(4);
            edit("cpus")->setText(QStringLiteral("2"));
            edit("memory")->setText(QStringLiteral("2g"));
            edit("priceHour")->setText(QStringLiteral("0.1234567")); // too many places
            d->accept();
            auto *error = d->findChild<QLabel *>(QStringLiteral("error"));
            sawError = !error->isHidden() && error->text().contains(QLatin1String("six places"));
            edit("priceHour")->setText(QStringLiteral("0.25"));
            edit("cpuPrice")->setText(QStringLiteral("0.02"));
            d->accept();
            return d->result() == QDialog::Accepted;
        };
        page.newPlan();
        QVERIFY(sawError);
        QTRY_VERIFY(page.plansModel()->rowOf(QStringLiteral("gold")) >= 0);
        QCOMPARE(cell(page.plansModel(), QStringLiteral("gold"), 5), QStringLiteral("0.25 per hour"));

        // a tenant on it
        page.execTenantDialog = [](Ui::TenantDialog *d) {
            d->findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("acme"));
            d->findChild<QLineEdit *>(QStringLiteral("email"))->setText(QStringLiteral("ops@acme.example"));
            d->accept();
            return d->result() == QDialog::Accepted;
        };
        page.newTenant();
        QTRY_VERIFY(page.tenantsModel()->rowOf(QStringLiteral("acme")) >= 0);
        QCOMPARE(cell(page.tenantsModel(), QStringLiteral("acme"), 1), QStringLiteral("gold"));
        QCOMPARE(cell(page.tenantsModel(), QStringLiteral("acme"), 3), QStringLiteral("0 / 4"));

        // suspend and resume
        select(page.tenantsView(), page.tenantsModel(), QStringLiteral("acme"));
        page.setSelectedTenantState(QStringLiteral("suspended"));
        QTRY_COMPARE(cell(page.tenantsModel(), QStringLiteral("acme"), 2), QStringLiteral("suspended"));
        page.setSelectedTenantState(QStringLiteral("active"));
        QTRY_COMPARE(cell(page.tenantsModel(), QStringLiteral("acme"), 2), QStringLiteral("active"));

        // a plan in use cannot be removed: the page says why
        select(page.plansView(), page.plansModel(), QStringLiteral("gold"));
        QSignalSpy errors(&page, &Ui::TenantsPage::errorShown);
        page.removePlan();
        QTRY_VERIFY(!errors.isEmpty());
        QVERIFY(page.lastError().contains(QLatin1String("in use by acme")));

        // two admins: someone else saves the plan while this page has it open
        select(page.plansView(), page.plansModel(), QStringLiteral("gold"));
        page.execPlanDialog = [&](Ui::PlanDialog *d) {
            auto other = service->store()->plan(QStringLiteral("gold")); // the other admin's console
            Backends::Plan p = *other;
            p.maxContainers = 8;
            [&] { QVERIFY(!service->store()->updatePlan(p).isError()); }();
            d->findChild<QSpinBox *>()->setValue(6);
            d->accept();
            return true;
        };
        errors.clear();
        page.editPlan();
        QTRY_VERIFY(!errors.isEmpty());
        QTRY_VERIFY2(page.lastError().contains(QLatin1String("changed by someone else")), qPrintable(page.lastError()));
        QTRY_COMPARE(cell(page.plansModel(), QStringLiteral("gold"), 1), QStringLiteral("8")); // the other admin's change, not lost
        // editing again from the fresh revision works
        page.execPlanDialog = [](Ui::PlanDialog *d) {
            d->findChild<QSpinBox *>()->setValue(6);
            d->accept();
            return true;
        };
        page.editPlan();
        QTRY_COMPARE(cell(page.plansModel(), QStringLiteral("gold"), 1), QStringLiteral("6"));

        // a second plan and a change of plan
        QVERIFY(!service->store()->createPlan([] {
            Backends::Plan p;
            p.name = QStringLiteral("tiny");
            p.maxContainers = 1;
            p.cpusNano = 500'000'000;
            p.memoryBytes = 256LL << 20;
            p.freeTier = true;
            return p;
        }()).isError());
        page.reload();
        QTRY_VERIFY(page.plansModel()->rowOf(QStringLiteral("tiny")) >= 0);
        select(page.tenantsView(), page.tenantsModel(), QStringLiteral("acme"));
        page.chooseItem = [](const QString &, const QString &, const QStringList &items) {
            return items.contains(QStringLiteral("tiny")) ? QStringLiteral("tiny") : QString();
        };
        page.assignPlan();
        QTRY_COMPARE(cell(page.tenantsModel(), QStringLiteral("acme"), 1), QStringLiteral("tiny"));

        // host domains
        page.setDomain(QStringLiteral("edge-1"), QStringLiteral("public"));
        page.setDomain(QStringLiteral("edge-2"), QStringLiteral("acme"));
        QTRY_COMPARE(page.domainsModel()->rowCount(), 2);
        QCOMPARE(cell(page.domainsModel(), QStringLiteral("edge-2"), 2), QStringLiteral("acme"));
        select(page.domainsView(), page.domainsModel(), QStringLiteral("edge-1"));
        page.removeDomain();
        QTRY_COMPARE(page.domainsModel()->rowCount(), 1);

        // the audit log has all of it; filter and export
        Ui::AuditPage audit(service.get());
        QAbstractItemModelTester t4(audit.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(audit.model()->rowCount() >= 9);
        audit.actionFilter()->setText(QStringLiteral("plan."));
        QSignalSpy auditLoaded(&audit, &Ui::AuditPage::loaded);
        audit.reload();
        QVERIFY(auditLoaded.wait(10000));
        QVERIFY(audit.model()->rowCount() > 0);
        for (int r = 0; r < audit.model()->rowCount(); ++r)
            QVERIFY(audit.model()->index(r, 4).data().toString().startsWith(QLatin1String("plan.")));
        bool sawConflict = false;
        for (int r = 0; r < audit.model()->rowCount(); ++r)
            sawConflict |= audit.model()->index(r, 6).data().toString() == QLatin1String("failed");
        QVERIFY(sawConflict); // the refused edit is on record too
        const QString csv = m_dir.filePath(QStringLiteral("audit.csv"));
        QCOMPARE(audit.exportCsv(csv), QString());
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.first(), QStringLiteral("time,actor,tenant,host,action,target,result,detail"));
        QCOMPARE(lines.size(), audit.model()->rowCount() + 1);
    }

    void dashboardShowsUsageAndBill()
    {
        const QString url = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("dash.db"));
        auto service = openService(url);
        auto *s = service->store().get();
        Backends::Plan p;
        p.name = QStringLiteral("std");
        p.maxContainers = 4;
        p.cpusNano = 2'000'000'000;
        p.memoryBytes = 2LL << 30;
        p.cpuPriceHour = *Backends::Money::parse(QStringLiteral("0.5"));
        p.priceHour = *Backends::Money::parse(QStringLiteral("0.01"));
        QVERIFY(!s->createPlan(p).isError());
        Backends::Tenant t;
        t.name = QStringLiteral("dash");
        t.plan = QStringLiteral("std");
        QVERIFY(!s->createTenant(t).isError());
        auto r = s->reserve(QStringLiteral("dash"), QStringLiteral("h"), QStringLiteral("container"), QStringLiteral("web"), 1'000'000'000, 1LL << 30);
        QVERIFY(r);
        QVERIFY(!s->activate(*r, QStringLiteral("abc"), QStringLiteral("web")).isError());
        // two hours of one CPU today: 1.00 of CPU
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const qint64 hour = now - (now % 3600) - 2 * 3600;
        Backends::MeteringStore m(s->sharedStore());
        // the subscription began before the metered hours
        QVERIFY(s->store()->exec(QStringLiteral("UPDATE subscriptions SET valid_from = ? WHERE tenant = 'dash'"), {hour - 3600}));
        const bool sameMonth = Models::BillCalculator::periodStart(QStringLiteral("month"), hour) == Models::BillCalculator::periodStart(QStringLiteral("month"), now);
        QVERIFY(!m.writeUsage({{QStringLiteral("dash"), hour, QStringLiteral("h"), QStringLiteral("abc"), QStringLiteral("web"), QStringLiteral("container"), 3600, 3600LL * 1'000'000'000, 0},
                               {QStringLiteral("dash"), hour + 3600, QStringLiteral("h"), QStringLiteral("abc"), QStringLiteral("web"), QStringLiteral("container"), 3600, 3600LL * 1'000'000'000, 0}})
                     .isError());
        Ui::TenantDashboard dash(service.get(), QStringLiteral("dash"));
        QSignalSpy loaded(&dash, &Ui::TenantDashboard::loaded);
        QVERIFY(loaded.wait(10000));
        QVERIFY2(dash.containersGauge()->text() == QStringLiteral("1 of 4"), qPrintable(dash.findChild<QLabel *>()->text()));
        QCOMPARE(dash.cpuGauge()->text(), QStringLiteral("1 of 2"));
        QCOMPARE(dash.containersGauge()->value(), 250);
        QCOMPARE(dash.resourcesModel()->rowCount(), 1);
        if (sameMonth) {
            const qint64 total = Backends::Money::parse(dash.billLabel()->text())->micros();
            QVERIFY2(total >= 1'000'000, qPrintable(dash.billLabel()->text())); // the CPU, plus the plan's hours
        }
        QVERIFY(dash.chartDays() >= 1);
        // the bill's lines, and the same as CSV whose total is their sum
        if (sameMonth) {
            QVERIFY(dash.billModel()->rowCount() >= 2); // the plan's hours and the CPU
            const QString csv = m_dir.filePath(QStringLiteral("bill.csv"));
            QCOMPARE(dash.exportBillCsv(csv), QString());
            QFile f(csv);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QStringList lines = QString::fromUtf8(f.readAll()).trimmed().split(QLatin1Char('\n'));
            QCOMPARE(lines.first(), QStringLiteral("day,item,resource,quantity,amount"));
            qint64 sum = 0;
            for (const auto &l : lines.mid(1, lines.size() - 2))
                sum += Backends::Money::parse(l.section(QLatin1Char(','), 4, 4))->micros();
            QCOMPARE(Backends::Money::parse(lines.last().section(QLatin1Char(','), 4, 4))->micros(), sum);
            QCOMPARE(lines.last().section(QLatin1Char(','), 4, 4), dash.billLabel()->text());
        }
    }

    // An admin's console recounts quotas when a host comes up: a container removed while no
    // console watched gives its quota back.
    void adminConsoleReconcilesOnConnect()
    {
        auto service = openService(QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("watch.db")));
        auto *s = service->store().get();
        Backends::Plan p;
        p.name = QStringLiteral("p");
        p.maxContainers = 3;
        p.cpusNano = 1'000'000'000;
        p.memoryBytes = 1LL << 30;
        p.freeTier = true;
        QVERIFY(!s->createPlan(p).isError());
        Backends::Tenant t;
        t.name = QStringLiteral("gone");
        t.plan = QStringLiteral("p");
        QVERIFY(!s->createTenant(t).isError());
        auto r = s->reserve(QStringLiteral("gone"), QStringLiteral("watched"), QStringLiteral("container"), QStringLiteral("vanished"), 1, 1);
        QVERIFY(r);
        QVERIFY(!s->activate(*r, QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")).isError());
        QCOMPARE(s->usage(QStringLiteral("gone"))->containers, 1);

        Models::HostStore store(m_dir.filePath(QStringLiteral("watched-hosts.json")));
        Models::HostConfig h;
        h.name = QStringLiteral("watched");
        h.url = TestSupport::dockerHost();
        QVERIFY(store.add(h));
        Models::TaskModel tasks;
        Models::HostRegistry hosts(&store, &tasks);
        Models::HostQuotaWatcher watcher(&hosts, service.get());
        QSignalSpy reconciled(&watcher, &Models::HostQuotaWatcher::reconciled);
        hosts.connectAll();
        QVERIFY(reconciled.wait(30000));
        QCOMPARE(reconciled.first().at(0).toString(), QStringLiteral("watched"));
        const auto report = reconciled.first().at(1).value<Models::ReconcileReport>();
        QCOMPARE(report.gone, QStringList{QStringLiteral("gone/vanished")});
        QCOMPARE(s->usage(QStringLiteral("gone"))->containers, 0);
    }

    // An admin's console runs the control loops of the hosts whose lease it gets: the runs of
    // tenants' containers are metered; nobody else holds the lease meanwhile; closing lets go.
    void adminConsoleRunsTheControlLoopsUnderTheLease()
    {
        const QString db = TestSupport::newPostgresDatabase();
        const QString url = TestSupport::postgresUrl(db);
        auto admin = openService(url, TestSupport::postgresPassword());
        QVERIFY(admin->isOpen());
        auto *s = admin->store().get();
        Backends::Plan p;
        p.name = QStringLiteral("metered");
        p.maxContainers = 3;
        p.cpusNano = 1'000'000'000;
        p.memoryBytes = 256LL << 20;
        p.freeTier = true;
        QVERIFY(!s->createPlan(p).isError());
        Backends::Tenant t;
        t.name = QStringLiteral("acme");
        t.plan = p.name;
        QVERIFY(!s->createTenant(t).isError());
        const QString hostName = QStringLiteral("metered-host");
        QVERIFY(!s->setHostDomain({hostName, QStringLiteral("public"), {}}).isError());

        Models::HostStore store(m_dir.filePath(QStringLiteral("metered-hosts.json")));
        Models::HostConfig h;
        h.name = hostName;
        h.url = TestSupport::dockerHost();
        auto id = store.add(h);
        QVERIFY(id);
        Models::TaskModel tasks;
        Models::HostRegistry hosts(&store, &tasks);
        hosts.setTenancy(admin.get());
        hosts.connectAll();
        Models::HostConnection *c = hosts.connection(*id);
        QTRY_VERIFY_WITH_TIMEOUT(c->state() == Models::HostConnection::Up, 30000);
        auto finished = [](Backends::DockerJob *job) {
            QSignalSpy done(job, &Backends::DockerJob::finished);
            if (!job->isFinished())
                done.wait(20000);
            job->deleteLater();
            return job;
        };
        finished(c->client()->removeContainer(QStringLiteral("acme-metered"), true)); // by an earlier run that failed
        // acme's container, through the gate as wharfctl makes it
        Models::PolicyGate gate(admin->store(), {QStringLiteral("tester"), QStringLiteral("acme")});
        Backends::ContainerSpec spec;
        spec.image = TestSupport::testImage();
        spec.name = QStringLiteral("acme-metered");
        spec.command = {QStringLiteral("sleep"), QStringLiteral("300")};
        QJsonObject body = spec.toCreateBody();
        auto admission = gate.admitContainer(hostName, body, spec.name);
        QVERIFY(admission);
        Backends::DockerJob *create = finished(c->client()->createContainer(body, spec.name));
        QVERIFY2(!create->isError(), qPrintable(create->error().message));
        const QString ref = create->json().object().value(QLatin1String("Id")).toString();
        gate.settle(*admission, ref, {});
        QVERIFY(!finished(c->client()->startContainer(ref))->isError());

        // an admin's image action, in the audit log in words that do not depend on the language
        {
            Models::ImageActions *images = hosts.imageActions(c);
            QSignalSpy imageDone(images, &Models::ImageActions::done);
            images->tag(TestSupport::testImage(), QStringLiteral("acme/tagged:1"));
            QVERIFY(imageDone.wait(10000));
            Backends::AuditFilter af;
            af.action = QStringLiteral("image.tag");
            QTRY_COMPARE_WITH_TIMEOUT(s->auditLog(af)->size(), 1, 10000);
            QCOMPARE(s->auditLog(af)->first().target, TestSupport::testImage() + QStringLiteral(" acme/tagged:1"));
            QCOMPARE(s->auditLog(af)->first().result, QStringLiteral("ok"));
            QSignalSpy removed(images, &Models::ImageActions::done);
            images->remove({QStringLiteral("acme/tagged:1")}, false);
            QVERIFY(removed.wait(10000));
        }
        Backends::ControlLease other(*Backends::StoreUrl::parse(url), TestSupport::postgresPassword(), hostName);
        {
            Models::ControlLoop loop(&hosts, admin.get());
            QSignalSpy metered(&loop, &Models::ControlLoop::metered);
            QSignalSpy failed(&loop, &Models::ControlLoop::failed);
            // the meter reads a clock two seconds ahead: a run of a second or more (the daemon
            // tells start times in seconds), without waiting for it
            struct AheadClock : Backends::Clock
            {
                qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch() + 2000; }
            };
            static const AheadClock ahead;
            onServiceThread<int>(admin.get(), [](Backends::TenancyStore &t) {
                t.setClock(&ahead);
                return 0;
            });
            loop.tickNow();
            QVERIFY2(metered.wait(20000), qPrintable(failed.isEmpty() ? QString() : failed.first().at(1).toString()));
            onServiceThread<int>(admin.get(), [](Backends::TenancyStore &t) {
                t.setClock(Backends::Clock::system());
                return 0;
            });
            QCOMPARE(metered.first().at(0).toString(), hostName);
            const auto report = metered.first().at(1).value<Models::MeterReport>();
            QCOMPARE(report.runsStarted, 1);
            QVERIFY(report.hoursWritten >= 1);
            QCOMPARE(loop.heldHosts(), QStringList{hostName});
            QCOMPARE(*other.tryAcquire(), false); // the console holds it
            Backends::MeteringStore metering(s->sharedStore());
            const QList<Backends::RunInterval> open = *metering.openIntervals(hostName);
            QCOMPARE(open.size(), 1);
            QCOMPARE(open.first().tenant, QStringLiteral("acme"));
            QCOMPARE(open.first().ref, ref);
        }
        // the console's loops are gone: so is its lease
        QTRY_VERIFY_WITH_TIMEOUT(*other.tryAcquire(), 10000);
        other.release();
        QVERIFY(!finished(c->client()->removeContainer(ref, true))->isError());
        gate.removed(hostName, ref);
        QCOMPARE(s->usage(QStringLiteral("acme"))->containers, 0);
    }

    // A tenant's console: its own role, its own pages, its requests through the gate.
    void tenantConsoleIsConfined()
    {
        const QString db = TestSupport::newPostgresDatabase();
        auto admin = openService(TestSupport::postgresUrl(db), TestSupport::postgresPassword());
        QVERIFY(admin->isOpen());
        auto *s = admin->store().get();
        freePlanWithTenants(s, QStringLiteral("two"), {QStringLiteral("blue"), QStringLiteral("red")});
        QVERIFY(!s->createTenantRole(QStringLiteral("blue"), QStringLiteral("blue-secret-password")).isError());
        QVERIFY(s->reserve(QStringLiteral("red"), QStringLiteral("shared"), QStringLiteral("container"), QStringLiteral("red-web"), 1, 1));

        auto tenant = openService(TestSupport::postgresUrl(db, QStringLiteral("wharf_t_blue")), QStringLiteral("blue-secret-password"));
        QVERIFY(tenant->isOpen());
        QVERIFY(tenant->isTenant());
        QCOMPARE(tenant->principal().tenant, QStringLiteral("blue"));

        Models::HostStore store(m_dir.filePath(QStringLiteral("hosts.json")));
        Models::HostConfig h;
        h.name = QStringLiteral("shared");
        h.url = TestSupport::dockerHost();
        auto id = store.add(h);
        QVERIFY(id);
        h.name = QStringLiteral("elsewhere"); // the same daemon under a name outside blue's domain
        auto other = store.add(h);
        QVERIFY(other);
        Models::TaskModel tasks;
        Models::HostRegistry hosts(&store, &tasks);
        QCOMPARE(hosts.connections().size(), 2);
        Ui::MainWindow window(&hosts);
        QSignalSpy hidden(&hosts, &Models::HostRegistry::hiddenChanged);
        hosts.setTenancy(tenant.get());
        window.setTenancy(tenant.get());
        // only the hosts of blue's domain and the public one are there
        QVERIFY(hidden.wait(10000));
        QCOMPARE(hosts.hiddenHosts(), QStringList{QStringLiteral("elsewhere")});
        QCOMPARE(hosts.connections().size(), 1);
        QCOMPARE(hosts.connections().first()->config().name, QStringLiteral("shared"));
        auto *nav = window.navigationModel();
        auto rowsOf = [nav](const QString &hostId) {
            return nav->match(nav->index(0, 0), Ui::NavigationModel::HostIdRole, hostId, -1, Qt::MatchRecursive | Qt::MatchExactly | Qt::MatchWrap).size();
        };
        QVERIFY(rowsOf(*id) > 0);
        QCOMPARE(rowsOf(*other), 0);
        QStringList actions;
        for (auto *a : window.platformMenu()->actions())
            actions << a->text();
        QCOMPARE(actions, (QStringList{QStringLiteral("&Dashboard"), QStringLiteral("&Activity")}));
        QCOMPARE(window.showTenants(), nullptr);         // not there for a tenant
        QCOMPARE(window.showDashboard(QStringLiteral("red")), nullptr);
        auto *dash = qobject_cast<Ui::TenantDashboard *>(window.showDashboard(QStringLiteral("blue")));
        QVERIFY(dash);
        QSignalSpy loaded(dash, &Ui::TenantDashboard::loaded);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(dash->containersGauge()->text(), QStringLiteral("0 of 2"));
        auto *audit = qobject_cast<Ui::AuditPage *>(window.showAudit());
        QVERIFY(audit);
        QVERIFY(audit->tenantFilter()->isHidden());

        hosts.connectAll();
        Models::HostConnection *c = hosts.connection(*id);
        QVERIFY(c);
        QTRY_VERIFY_WITH_TIMEOUT(c->state() == Models::HostConnection::Up, 30000);
        QVERIFY(c->actsForTenant());
        auto removeLabelled = [c] {
            for (const char *left : {"blue-web", "red-web", "red-app"}) {
                QSignalSpy gone(c->client()->removeContainer(QLatin1String(left), true), &Backends::DockerJob::finished);
                gone.wait(10000);
            }
        };
        removeLabelled(); // by an earlier run that failed
        // a failure below leaves nothing labelled for a tenant on the shared daemon
        const auto cleanUp = qScopeGuard(removeLabelled);
        {
            QSignalSpy gone(c->client()->removeVolume(QStringLiteral("blue-data")), &Backends::DockerJob::finished);
            QVERIFY(gone.wait(10000));
        }
        QSignalSpy failures(c, &Models::HostConnection::actionFailed);
        // (checks read through the admin's connection, or on the tenant service's thread: its
        // connection is that thread's alone)
        Backends::AuditFilter blueOnly;
        blueOnly.tenant = QStringLiteral("blue");
        // the gate answers later, off the window's thread
        Backends::ContainerSpec bad;
        bad.image = TestSupport::testImage();
        bad.privileged = true;
        auto refusal = std::make_shared<QString>();
        c->createContainer(bad, false, [refusal](const Backends::Expected<QString> &r) { *refusal = r ? QStringLiteral("created?") : r.error().message; });
        QVERIFY(refusal->isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!refusal->isEmpty(), 10000);
        QVERIFY2(refusal->contains(QLatin1String("--privileged")), qPrintable(*refusal));
        QCOMPARE(failures.size(), 1);
        QVERIFY(failures.first().first().toString().contains(QLatin1String("--privileged")));
        Backends::ContainerSpec ok;
        ok.image = TestSupport::testImage();
        ok.name = QStringLiteral("blue-web");
        ok.command = {QStringLiteral("sleep"), QStringLiteral("300")};
        auto created = std::make_shared<QString>();
        c->createContainer(ok, true, [created](const Backends::Expected<QString> &r) { *created = r ? *r : QStringLiteral("error: ") + r.error().message; });
        QTRY_VERIFY_WITH_TIMEOUT(!created->isEmpty(), 20000);
        QVERIFY2(!created->startsWith(QLatin1String("error")), qPrintable(*created));
        QTRY_COMPARE_WITH_TIMEOUT(s->usage(QStringLiteral("blue"))->containers, 1, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!s->owned(QStringLiteral("shared"), QStringLiteral("blue-web"))->ref.isEmpty(), 20000);
        const QString ref = s->owned(QStringLiteral("shared"), QStringLiteral("blue-web"))->ref;
        QCOMPARE(ref, *created);
        QTRY_COMPARE_WITH_TIMEOUT(c->containers()->row(ref) ? c->containers()->row(ref)->state : QString(), QStringLiteral("running"), 20000);
        // red's resource is invisible, blue's is there, in the database and on the host
        QCOMPARE(onServiceThread<int>(tenant.get(), [](Backends::TenancyStore &t) { return int(t.resources()->size()); }), 1);
        {
            QSignalSpy made(c->client()->createContainer({{QStringLiteral("Image"), TestSupport::testImage()},
                                                          {QStringLiteral("Cmd"), QJsonArray{QStringLiteral("sleep"), QStringLiteral("300")}},
                                                          {QStringLiteral("Labels"), QJsonObject{{QStringLiteral("io.wharf.tenant"), QStringLiteral("red")}}}},
                                                         QStringLiteral("red-app")),
                            &Backends::DockerJob::finished);
            QVERIFY(made.wait(10000));
        }
        failures.clear();
        QElapsedTimer took;
        took.start();
        c->containerAction(Models::HostConnection::Action::Pause, {ref}); // events and a listing go by
        // (on failure: what the host and the action said, to tell a refusal from a lost event)
        const int eventsBefore = c->events()->rowCount();
        const auto said = [&] {
            QStringList l;
            for (const auto &f : failures)
                l << f.first().toString();
            Backends::AuditFilter paused = blueOnly;
            paused.action = QStringLiteral("container.pause");
            const auto recorded = s->auditLog(paused);
            l << QStringLiteral("pause recorded: %1").arg(recorded && !recorded->isEmpty() ? recorded->first().result : QStringLiteral("no"));
            l << QStringLiteral("events since: %1").arg(c->events()->rowCount() - eventsBefore);
            return QStringLiteral("state %1; host %2 %3; listing %4; failures: %5")
                .arg(c->containers()->row(ref)->state)
                .arg(int(c->state()))
                .arg(c->reason())
                .arg(c->isListing() ? QStringLiteral("yes") : QStringLiteral("no"))
                .arg(l.join(QStringLiteral(" | ")));
        };
        QTRY_VERIFY2_WITH_TIMEOUT(c->containers()->row(ref)->state == QLatin1String("paused"), qPrintable(said()), 30000);
        qInfo("paused shown after %lld ms", took.elapsed());
        QVERIFY2(failures.isEmpty(), qPrintable(said()));
        c->containerAction(Models::HostConnection::Action::Unpause, {ref});
        QTRY_VERIFY_WITH_TIMEOUT(s->auditLog(blueOnly)->size() >= 5, 10000);
        // the unpause's event is in (after red's create): red's container was never shown
        QTRY_COMPARE_WITH_TIMEOUT(c->containers()->row(ref)->state, QStringLiteral("running"), 30000);
        QCOMPARE(c->containers()->ids(), QStringList{ref});
        {
            Ui::ContainerDetailsDialog details(c, ref);
            details.startConsole(QStringLiteral("/bin/sh"));
            QTRY_VERIFY_WITH_TIMEOUT(s->auditLog(blueOnly)->size() >= 6, 10000);
        }
        // limits: beyond the plan refused, within it changed (fair share was half a CPU)
        failures.clear();
        c->updateContainer(ref, 1'500'000'000, -1);
        QTRY_COMPARE_WITH_TIMEOUT(failures.size(), 1, 10000);
        QVERIFY2(failures.first().first().toString().contains(QLatin1String("Quota exceeded")), qPrintable(failures.first().first().toString()));
        c->updateContainer(ref, 1'000'000'000, -1);
        QTRY_COMPARE_WITH_TIMEOUT(s->usage(QStringLiteral("blue"))->cpusNano, 1'000'000'000, 10000);
        // the quota moves when the gate admits the change, the audit record when the daemon
        // has answered: wait for it, so that the trail below has its order
        auto updated = [&] {
            Backends::AuditFilter u;
            u.tenant = QStringLiteral("blue");
            u.action = QStringLiteral("container.update");
            const auto log = s->auditLog(u);
            return log && std::any_of(log->cbegin(), log->cend(), [](const Backends::AuditEntry &e) { return e.result == QLatin1String("ok"); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(updated(), 10000);
        // someone else's container: refused without a word about whether it exists
        failures.clear();
        c->containerAction(Models::HostConnection::Action::Stop, {QStringLiteral("red-web")});
        QTRY_COMPARE_WITH_TIMEOUT(failures.size(), 1, 10000);
        QVERIFY(failures.first().first().toString().contains(QLatin1String("No container \"red-web\" of tenant \"blue\"")));
        // volumes are the tenant's own and counted; networks are an admin's
        c->createVolume(QStringLiteral("blue-data"), {});
        auto volumeState = [&] {
            auto v = s->owned(QStringLiteral("shared"), QStringLiteral("blue-data"), QStringLiteral("volume"));
            return v ? v->state : QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(volumeState(), QStringLiteral("active"), 20000);
        // networks: a plain bridge of its own, listed for it alongside the daemon's shared ones
        failures.clear();
        c->createNetwork(QStringLiteral("blue-macvlan"), QStringLiteral("macvlan"));
        QTRY_COMPARE_WITH_TIMEOUT(failures.size(), 1, 10000);
        QVERIFY2(failures.first().first().toString().contains(QLatin1String("--driver macvlan")), qPrintable(failures.first().first().toString()));
        c->createNetwork(QStringLiteral("blue-net"), {});
        auto networkState = [&] {
            auto n = s->owned(QStringLiteral("shared"), QStringLiteral("blue-net"), QStringLiteral("network"));
            return n ? n->state : QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(networkState(), QStringLiteral("active"), 20000);
        auto networkNames = [c] {
            QStringList names;
            for (int r = 0; r < c->networks()->rowCount(); ++r)
                names << c->networks()->objectAt(r).value(QLatin1String("Name")).toString();
            names.sort();
            return names;
        };
        QTRY_COMPARE_WITH_TIMEOUT(networkNames(), (QStringList{QStringLiteral("blue-net"), QStringLiteral("bridge"), QStringLiteral("none")}), 20000);
        c->removeNetwork(QStringLiteral("blue-net"));
        QTRY_COMPARE_WITH_TIMEOUT(networkState(), QString(), 20000);
        QCOMPARE(failures.size(), 1);
        {
            Models::ImageActions *images = hosts.imageActions(c);
            QSignalSpy imageFailed(images, &Models::ImageActions::failed);
            images->tag(TestSupport::testImage(), QStringLiteral("blue/mine:1"));
            // (the gate answers from the database's thread)
            QTRY_COMPARE_WITH_TIMEOUT(imageFailed.size(), 1, 10000);
            QVERIFY2(imageFailed.first().at(1).toString().contains(QLatin1String("\"image.tag\" is not available to tenant \"blue\"")),
                     qPrintable(imageFailed.first().at(1).toString()));
        }
        c->removeVolume(QStringLiteral("blue-data"));
        QTRY_COMPARE_WITH_TIMEOUT(volumeState(), QString(), 20000);
        // removing blue's container gives the quota back
        c->containerAction(Models::HostConnection::Action::ForceRemove, {ref});
        QTRY_COMPARE_WITH_TIMEOUT(s->usage(QStringLiteral("blue"))->containers, 0, 20000);
        QCOMPARE(s->usage(QStringLiteral("blue"))->cpusNano, 0);
        QCOMPARE(s->usage(QStringLiteral("red"))->containers, 1);
        {
            QSignalSpy gone(c->client()->removeContainer(QStringLiteral("red-app"), true), &Backends::DockerJob::finished);
            QVERIFY(gone.wait(10000));
        }
        // all of it is in blue's audit trail, in order, in words that do not depend on the
        // console's language
        Backends::AuditFilter f;
        f.tenant = QStringLiteral("blue");
        QStringList trail;
        QTRY_VERIFY_WITH_TIMEOUT(s->auditLog(f)->size() >= 16, 10000);
        const QList<Backends::AuditEntry> entries = *s->auditLog(f);
        for (const auto &e : entries)
            trail.prepend(e.action + QLatin1Char(' ') + e.result);
        QCOMPARE(trail, (QStringList{QStringLiteral("container.create denied"), QStringLiteral("container.create ok"),
                                     QStringLiteral("container.start ok"), QStringLiteral("container.pause ok"),
                                     QStringLiteral("container.unpause ok"), QStringLiteral("container.exec ok"),
                                     QStringLiteral("container.update denied-quota"),
                                     QStringLiteral("container.update ok"), QStringLiteral("container.stop denied"), QStringLiteral("volume.create ok"),
                                     QStringLiteral("network.create denied"), QStringLiteral("network.create ok"),
                                     QStringLiteral("network.remove ok"), QStringLiteral("image.tag denied"), QStringLiteral("volume.remove ok"),
                                     QStringLiteral("container.remove ok")}));
    }

    // A tenant's console deploys a compose app: every container, network and volume passes
    // the gate on the database's thread, within the plan; removing the app gives it all back.
    void tenantConsoleDeploysApps()
    {
        const QString db = TestSupport::newPostgresDatabase();
        auto admin = openService(TestSupport::postgresUrl(db), TestSupport::postgresPassword());
        QVERIFY(admin->isOpen());
        auto *s = admin->store().get();
        freePlanWithTenants(s, QStringLiteral("pair"), {QStringLiteral("green")});
        QVERIFY(!s->createTenantRole(QStringLiteral("green"), QStringLiteral("green-secret-password")).isError());
        auto tenant = openService(TestSupport::postgresUrl(db, QStringLiteral("wharf_t_green")), QStringLiteral("green-secret-password"));
        QVERIFY(tenant->isTenant());
        // (the checks below read through the admin's connection: the tenant's is its service's
        // thread's alone)

        Models::HostStore store(m_dir.filePath(QStringLiteral("hosts-apps.json")));
        Models::HostConfig h;
        h.name = QStringLiteral("shared");
        h.url = TestSupport::dockerHost();
        auto id = store.add(h);
        QVERIFY(id);
        Models::TaskModel tasks;
        Models::HostRegistry hosts(&store, &tasks);
        hosts.setTenancy(tenant.get());
        hosts.connectAll();
        Models::HostConnection *c = hosts.connection(*id);
        QVERIFY(c);
        QTRY_VERIFY_WITH_TIMEOUT(c->state() == Models::HostConnection::Up && c->actsForTenant(), 30000);

        const QString file = m_dir.filePath(QStringLiteral("gapp.yaml"));
        auto load = [&](int workers) {
            QFile f(file);
            f.open(QIODevice::WriteOnly | QIODevice::Truncate);
            f.write(QStringLiteral("name: gapp\nservices:\n  web:\n    image: %1\n    command: [sleep, \"300\"]\n    volumes: [data:/data]\n"
                                   "  worker:\n    image: %1\n    command: [sleep, \"300\"]\n    deploy: {replicas: %2}\nvolumes:\n  data: {}\n")
                        .arg(TestSupport::testImage())
                        .arg(workers)
                        .toUtf8());
            f.close();
            Backends::Compose::LoadOptions o;
            o.files = {file};
            return Backends::Compose::load(o);
        };
        Models::Apps::AppActions actions(c);
        actions.setJournalDir(m_dir.filePath(QStringLiteral("deploys")));
        QSignalSpy finished(&actions, &Models::Apps::AppActions::finished);
        QSignalSpy failed(&actions, &Models::Apps::AppActions::failed);
        auto deploy = [&](int workers) {
            const auto loaded = load(workers);
            QVERIFY(loaded.ok());
            const Backends::Compose::Project project = *loaded.project;
            auto planned = std::make_shared<std::optional<Backends::Expected<Models::Apps::DeployPlan>>>();
            actions.plan(project, [planned](const Backends::Expected<Models::Apps::DeployPlan> &pl) { *planned = pl; });
            QTRY_VERIFY_WITH_TIMEOUT(planned->has_value(), 20000);
            QVERIFY(**planned);
            actions.deploy(project, ***planned, false);
        };
        const auto cleanUp = qScopeGuard([&] { // nothing of green's stays on the shared daemon
            Models::Apps::AppActions admins(c);
            c->setTenancy(nullptr);
            QSignalSpy removed(&admins, &Models::Apps::AppActions::finished);
            QSignalSpy notRemoved(&admins, &Models::Apps::AppActions::failed);
            admins.act(QStringLiteral("gapp"), Models::Apps::AppDeployer::Verb::DownWithVolumes);
            QTRY_VERIFY_WITH_TIMEOUT(removed.size() + notRemoved.size() > 0, 30000);
        });
        deploy(1);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() + failed.size() == 1, 60000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QCOMPARE(s->usage(QStringLiteral("green"))->containers, 2);
        for (const auto &[name, kind] : {std::pair{QStringLiteral("gapp_default"), QStringLiteral("network")},
                                         std::pair{QStringLiteral("gapp_data"), QStringLiteral("volume")}}) {
            auto owned = s->owned(QStringLiteral("shared"), name, kind);
            QVERIFY2(owned && owned->tenant == QLatin1String("green") && owned->state == QLatin1String("active"), qPrintable(name));
        }
        auto app = s->owned(QStringLiteral("shared"), QStringLiteral("gapp"), QStringLiteral("app"));
        QVERIFY(app && app->tenant == QLatin1String("green"));
        {
            // the tenant's dashboard lists the app with its containers, network and volume
            Ui::TenantDashboard dash(tenant.get(), QStringLiteral("green"));
            QSignalSpy loaded(&dash, &Ui::TenantDashboard::loaded);
            QVERIFY(loaded.wait(10000));
            QStringList rows;
            for (int r = 0; r < dash.resourcesModel()->rowCount(); ++r)
                rows << dash.resourcesModel()->index(r, 0).data().toString() + QLatin1Char('/') + dash.resourcesModel()->index(r, 1).data().toString();
            rows.sort();
            QCOMPARE(rows, (QStringList{QStringLiteral("gapp-web-1/container"), QStringLiteral("gapp-worker-1/container"), QStringLiteral("gapp/app"),
                                        QStringLiteral("gapp_data/volume"), QStringLiteral("gapp_default/network")}));
        }
        // a second worker is beyond the plan: refused by the gate, nothing changed
        deploy(2);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() + failed.size() == 2, 60000);
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.first().first().toString().contains(QLatin1String("Quota exceeded")), qPrintable(failed.first().first().toString()));
        QCOMPARE(s->usage(QStringLiteral("green"))->containers, 2);
        // removed with its volume: the quota and the records go back
        actions.act(QStringLiteral("gapp"), Models::Apps::AppDeployer::Verb::DownWithVolumes);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() + failed.size() == 3, 60000);
        QCOMPARE(failed.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(s->usage(QStringLiteral("green"))->containers, 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(s->resources(QStringLiteral("green"))->isEmpty(), 10000);
        Backends::AuditFilter f;
        f.tenant = QStringLiteral("green");
        QStringList actionsSeen;
        const auto log = s->auditLog(f);
        QVERIFY(log);
        for (const auto &e : *log)
            actionsSeen << e.action;
        for (const char *a : {"network.create", "volume.create", "container.create", "app.deploy", "app.remove", "network.remove", "volume.remove"})
            QVERIFY2(actionsSeen.contains(QLatin1String(a)), a);
    }
};

QTEST_MAIN(TestTenancyUi)
#include "tst_tenancyui.moc"
