// The console's Services page against a private dockerd of this test's own: a service made in
// the page's dialog comes up behind the edge router because the console's control loop holds
// the host's lease; the page shows its replicas becoming ready, scales it, and removes it.
#include "hosts/hostconnection.h"
#include "hosts/hostregistry.h"
#include "hosts/hoststore.h"
#include "loadloop.h"
#include "mainwindow.h"
#include "services/servicelistmodel.h"
#include "services/servicespage.h"
#include "tasks/taskmodel.h"
#include "tenancy/controlloop.h"
#include "tenancy/tenancyservice.h"
#include "testsupport.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Wharf;

class TestServicesUi : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QMap<QString, QString> m_env;

private Q_SLOTS:
    void initTestCase()
    {
        m_env = TestSupport::readEnvFile(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/dockerd-servicesui/env"));
        QVERIFY2(!m_env.isEmpty(), "the dockerd_servicesui fixture did not run");
        qputenv("WHARF_CONFIG_DIR", m_dir.filePath(QStringLiteral("config")).toUtf8());
        qputenv("WHARF_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8());
    }

    void theDialogAndTheServiceItMakes()
    {
        Models::TenancyService service;
        QSignalSpy ready(&service, &Models::TenancyService::ready);
        service.open(Backends::StoreUrl::parse(QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("platform.db"))).value(), QString());
        QVERIFY(ready.wait(20000));

        Models::HostStore hostStore(m_dir.filePath(QStringLiteral("config/hosts.json")));
        Models::HostConfig h;
        h.name = QStringLiteral("svc-host");
        h.url = m_env.value(QStringLiteral("WHARF_TEST_DOCKER_HOST"));
        QVERIFY(hostStore.add(h));
        Models::TaskModel tasks;
        Models::HostRegistry hosts(&hostStore, &tasks);
        hosts.setTenancy(&service);
        Models::ControlLoop loop(&hosts, &service); // holds the host's lease: its services converge
        Ui::MainWindow window(&hosts);
        window.setTenancy(&service);
        window.resize(1200, 700);
        window.show();
        hosts.connectAll();
        auto *conn = hosts.connections().value(0);
        QVERIFY(conn);
        QTRY_VERIFY2_WITH_TIMEOUT(conn->state() == Models::HostConnection::Up, qPrintable(conn->reason()), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(loop.heldHosts().contains(QStringLiteral("svc-host")), 20000);

        auto *page = qobject_cast<Ui::ServicesPage *>(window.showPage(conn->config().id, Ui::MainWindow::ServicesKind));
        QVERIFY(page);
        Models::Services::ServiceListModel *model = page->services();
        QVERIFY(model->available());
        // the router's image: the test's, made from Debian's haproxy
        Backends::Error edge = Backends::Error::make(Backends::Error::Canceled, QString());
        bool answered = false;
        model->actions()->setEdgeImage(m_env.value(QStringLiteral("WHARF_TEST_EDGE_IMAGE")), [&](const Backends::Error &e) {
            edge = e;
            answered = true;
        });
        QTRY_VERIFY(answered);
        QVERIFY2(!edge.isError(), qPrintable(edge.message));

        // The dialog: a bad name keeps it open with the reason.
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        const int port = probe.serverPort();
        probe.close();
        {
            Ui::ServiceDialog d;
            d.name()->setText(QStringLiteral("Web_1"));
            d.image()->setText(m_env.value(QStringLiteral("WHARF_TEST_IMAGE")));
            d.show();
            d.done(QDialog::Accepted);
            QVERIFY(d.isVisible());
            QVERIFY(d.problem()->text().contains(QLatin1String("not a valid service name")));
            d.name()->setText(QStringLiteral("web"));
            d.command()->setText(QStringLiteral("sh -c 'trap \"exit 0\" TERM; hostname > /www/index.html; httpd -f -p 80 -h /www & wait'"));
            d.replicas()->setValue(2);
            d.publish()->setText(QStringLiteral("127.0.0.1:%1:80/http").arg(port));
            d.healthPath()->setText(QStringLiteral("/"));
            d.memory()->setText(QStringLiteral("64m"));
            auto spec = d.spec();
            QVERIFY2(spec, qPrintable(spec ? QString() : spec.error().message));
            spec->health.intervalMs = 1000;
            page->askSpec = [s = *spec]() { return std::optional<Models::Services::ServiceSpec>(s); };
        }
        page->newService();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(model->index(0, Models::Services::ServiceListModel::Replicas).data().toString(), QStringLiteral("2/2"), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(model->index(0, Models::Services::ServiceListModel::Status).data().toString(), QStringLiteral("converged"), 30000);
        QCOMPARE(page->selectedService(), QStringLiteral("web"));
        QCOMPARE(page->replicasTable()->model()->rowCount(), 2);
        QString body, reason;
        QVERIFY2(TestSupport::LoadLoop::request(port, "localhost", "/", &body, &reason), qPrintable(reason));

        page->askReplicas = [](const QString &, int current) {
            return std::optional<int>(current + 1);
        };
        page->scaleSelected();
        QTRY_COMPARE_WITH_TIMEOUT(model->index(0, Models::Services::ServiceListModel::Replicas).data().toString(), QStringLiteral("3/3"), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(page->replicasTable()->model()->rowCount(), 3, 10000);
        if (const QString dir = qEnvironmentVariable("WHARF_TEST_SCREENSHOTS"); !dir.isEmpty())
            window.grab().save(dir + QStringLiteral("/services.png"));

        page->confirm = [](const QString &) { return true; };
        page->removeSelected();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, 10000);
        // the controller takes its replicas off the router and removes them
        QTRY_VERIFY_WITH_TIMEOUT(!TestSupport::LoadLoop::request(port, "localhost", "/", &body, &reason), 30000);
    }
};

QTEST_MAIN(TestServicesUi)
#include "tst_servicesui.moc"
