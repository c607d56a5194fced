// The admin's console gives a tenant a daemon of its own and takes it back, against the
// tenanthost fixture's sshd (root's login is the console's way in): the Tenants page's
// "Tenants' daemons" tab, its dialog (a bad key keeps it open), the task in the task list with
// the helper's progress, Cancel, the endpoint's row, the exported connection profile, and
// taking it back with its data.
#include "hosts/hostconnection.h"
#include "hosts/hostregistry.h"
#include "hosts/hoststore.h"
#include "mainwindow.h"
#include "operations/tenancyadmin.h"
#include "tasks/taskmodel.h"
#include "tenancy/recordtablemodel.h"
#include "tenancy/tenancyservice.h"
#include "tenancy/tenantprofile.h"
#include "tenants/tenantdaemonstab.h"
#include "tenants/tenantspage.h"
#include "testsupport.h"

#include <QFile>
#include <QLabel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QUrl>
#include <QTest>

#include <pwd.h>

using namespace Wharf;

class TestTenantDaemonUi : public QObject
{
    Q_OBJECT

    QMap<QString, QString> m_env;
    QTemporaryDir m_dir;

    QString readKey(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QString();
    }
    // The id of the running task whose title names text (0: none).
    static int runningTask(Models::TaskModel &tasks, const QString &text)
    {
        for (int row = 0; row < tasks.rowCount(); ++row) {
            const QModelIndex i = tasks.index(row);
            if (i.data(Models::TaskModel::StateRole).toInt() == Models::TaskModel::Running
                && i.data(Models::TaskModel::TitleRole).toString().contains(text))
                return tasks.idAt(row);
        }
        return 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_env = TestSupport::readEnvFile(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/tenanthost/env"));
        QVERIFY2(!m_env.isEmpty(), "the tenanthost fixture is not running");
        // the console's configuration folder, with the fixture's host key known
        qputenv("WHARF_CONFIG_DIR", m_dir.filePath(QStringLiteral("config")).toUtf8());
        QDir().mkpath(m_dir.filePath(QStringLiteral("config")));
        QVERIFY(QFile::copy(m_env.value(QStringLiteral("WHARF_TEST_TH_KNOWN_HOSTS")), m_dir.filePath(QStringLiteral("config/known_hosts"))));
    }

    void adminGivesAndTakesBack()
    {
        const QString tenant = QStringLiteral("ui%1").arg(QRandomGenerator::global()->generate() % 0xffffff, 6, 16, QLatin1Char('0'));
        Models::TenancyService service;
        QSignalSpy ready(&service, &Models::TenancyService::ready);
        service.open(Backends::StoreUrl::parse(QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("platform.db"))).value(), QString());
        QVERIFY(ready.wait(20000));
        {
            auto store = service.store();
            Models::TenancyAdmin admin(*store);
            Backends::Plan plan;
            plan.name = QStringLiteral("small");
            plan.maxContainers = 3;
            plan.cpusNano = 1'000'000'000;
            plan.memoryBytes = 256ll << 20;
            plan.maxPids = 64;
            plan.freeTier = true;
            QVERIFY(!admin.createPlan(plan).isError());
            Backends::Tenant t;
            t.name = tenant;
            t.plan = QStringLiteral("small");
            QVERIFY(!admin.createTenant(t).isError());
        }

        Models::HostStore hostStore(m_dir.filePath(QStringLiteral("config/hosts.json")));
        Models::HostConfig h;
        h.name = QStringLiteral("shared-1");
        // the host's own daemon is the dockerd fixture's
        h.url = QStringLiteral("ssh://root@127.0.0.1:%1%2").arg(m_env.value(QStringLiteral("WHARF_TEST_TH_PORT")), QUrl(TestSupport::dockerHost()).path());
        h.sshIdentityFile = m_env.value(QStringLiteral("WHARF_TEST_TH_ADMIN_KEY"));
        QVERIFY(hostStore.add(h));
        Models::TaskModel tasks;
        Models::HostRegistry hosts(&hostStore, &tasks);
        hosts.setTenancy(&service);
        Ui::MainWindow window(&hosts);
        window.setTenancy(&service);
        window.resize(1200, 700);
        window.show();
        hosts.connectAll();
        auto *conn = hosts.connections().value(0);
        QVERIFY(conn);
        QTRY_VERIFY2_WITH_TIMEOUT(conn->state() == Models::HostConnection::Up, qPrintable(conn->reason()), 30000);

        auto *page = qobject_cast<Ui::TenantsPage *>(window.showTenants());
        QVERIFY(page);
        Ui::TenantDaemonsTab *tab = page->daemonsTab();
        page->tabs()->setCurrentWidget(tab);
        QSignalSpy finished(tab, &Ui::TenantDaemonsTab::finished);
        QSignalSpy reloaded(tab, &Ui::TenantDaemonsTab::reloaded);
        tab->reload();
        QVERIFY(reloaded.wait(10000));

        // The dialog: a key that is not one keeps it open with the reason; then the real one.
        const QString pub = readKey(m_env.value(QStringLiteral("WHARF_TEST_TH_TENANT_KEY")) + QStringLiteral(".pub"));
        QVERIFY(!pub.isEmpty());
        Ui::DaemonRequest request;
        request.tenant = tenant;
        request.host = QStringLiteral("shared-1");
        request.root = m_env.value(QStringLiteral("WHARF_TEST_TH_ROOT"));
        QString dialogError;
        tab->execDaemonDialog = [&](Ui::DaemonDialog *d) {
            Ui::DaemonRequest bad = request;
            bad.publicKey = QStringLiteral("command=\"sh\" ") + pub;
            d->setRequest(bad);
            d->accept();
            if (d->result() == QDialog::Accepted)
                return false;
            dialogError = d->errorLabel()->text();
            if (const QString shots = qEnvironmentVariable("WHARF_TEST_SCREENSHOTS"); !shots.isEmpty()) {
                d->show();
                d->grab().save(shots + QStringLiteral("/daemon-dialog.png"));
            }
            d->setRequest(request);
            if (!d->loadKeyFile(m_env.value(QStringLiteral("WHARF_TEST_TH_TENANT_KEY")) + QStringLiteral(".pub")))
                return false;
            d->accept();
            return d->result() == QDialog::Accepted;
        };

        // Started, then canceled while the helper works: the task says so, nothing is recorded.
        tab->give();
        QVERIFY2(!dialogError.isEmpty(), "the dialog took a key with options");
        int task = 0;
        QTRY_VERIFY2_WITH_TIMEOUT((task = runningTask(tasks, tenant)) != 0, qPrintable(tab->lastMessage()), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!tasks.index(0).data(Models::TaskModel::DetailRole).toString().isEmpty() || tasks.stateOf(task) != Models::TaskModel::Running,
                                 20000);
        QVERIFY(tasks.cancel(task));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
        QCOMPARE(finished.takeFirst().at(0).toBool(), false);
        QCOMPARE(tasks.stateOf(task), Models::TaskModel::Failed);
        QVERIFY2(tab->lastMessage().contains(QLatin1String("anceled")), qPrintable(tab->lastMessage()));
        QTRY_COMPARE_WITH_TIMEOUT(tab->endpoints().size(), 0, 5000);

        // Given for real: the task succeeds, the row shows the tenant's address and its limits.
        tab->give();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 240000);
        const QList<QVariant> done = finished.takeFirst();
        QVERIFY2(done.at(0).toBool(), qPrintable(done.at(1).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(tab->model()->rowCount(), 1, 5000);
        const QString user = QStringLiteral("wharf-") + tenant;
        QVERIFY(getpwnam(user.toUtf8().constData()));
        const auto *row = tab->model()->record(0);
        QCOMPARE(row->cells.at(0), tenant);
        QCOMPARE(row->cells.at(3), user);
        QVERIFY2(row->cells.at(4).startsWith(QStringLiteral("ssh://%1@127.0.0.1:").arg(user)), qPrintable(row->cells.at(4)));
        // the plan plus the daemon's own allowance: 64 + 128 + 16 for each of 3 containers
        QVERIFY2(row->cells.at(5).contains(QLatin1String("240 processes")), qPrintable(row->cells.at(5)));
        bool succeeded = false;
        for (int r = 0; r < tasks.rowCount(); ++r)
            succeeded |= tasks.index(r).data(Models::TaskModel::StateRole).toInt() == Models::TaskModel::Succeeded
                && tasks.index(r).data(Models::TaskModel::TitleRole).toString().contains(tenant);
        QVERIFY(succeeded);
        // WHARF_TEST_SCREENSHOTS=DIR: how the page looks now, for a person to look at
        if (const QString shots = qEnvironmentVariable("WHARF_TEST_SCREENSHOTS"); !shots.isEmpty())
            window.grab().save(shots + QStringLiteral("/tenant-daemons.png"));

        // What the tenant is handed: its address, no admin's login, no secret.
        tab->view()->selectRow(0);
        const QString profileFile = m_dir.filePath(QStringLiteral("handed.wharf-profile"));
        tab->chooseSaveFile = [&](const QString &suggested) {
            [&] { QCOMPARE(suggested, tenant + QStringLiteral(".wharf-profile")); }();
            return profileFile;
        };
        tab->exportSelectedProfile();
        QVERIFY2(finished.takeFirst().at(0).toBool(), qPrintable(tab->lastMessage()));
        QFile f(profileFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        auto profile = Models::ConnectionProfile::parse(f.readAll());
        QVERIFY(profile);
        QCOMPARE(profile->tenant, tenant);
        QCOMPARE(profile->hosts.size(), 1);
        QCOMPARE(profile->hosts.first().url, row->cells.at(4));
        QVERIFY(!profile->hosts.first().url.contains(QLatin1String("root@")));

        // Taken back with its data: the user goes, the row goes.
        bool asked = false;
        tab->confirmTakeBack = [&](const QString &question, bool *withData) {
            asked = question.contains(user);
            *withData = true;
            return true;
        };
        tab->view()->selectRow(0);
        tab->takeBackSelected();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 120000);
        QVERIFY(asked);
        QVERIFY2(finished.takeFirst().at(0).toBool(), qPrintable(tab->lastMessage()));
        QTRY_COMPARE_WITH_TIMEOUT(tab->model()->rowCount(), 0, 5000);
        QVERIFY(!getpwnam(user.toUtf8().constData()));
        QVERIFY(!QFileInfo::exists(m_env.value(QStringLiteral("WHARF_TEST_TH_ROOT")) + QLatin1Char('/') + user));
    }
};

QTEST_MAIN(TestTenantDaemonUi)
#include "tst_tenantdaemonui.moc"
