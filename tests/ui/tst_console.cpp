#include "containers/containerdetailsdialog.h"
#include "hosts/addhostdialog.h"
#include "secrets/credentialstore.h"
#include "containers/containerspage.h"
#include "containers/createcontainerdialog.h"
#include "hosts/hostregistry.h"
#include "inventory/containerlistmodel.h"
#include "logs/logmodel.h"
#include "mainwindow.h"
#include "tasks/taskmodel.h"
#include "testsupport.h"
#include "widgets/terminalwidget.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Wharf;

class TestConsole : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addTlsHostTestsThenKeepsTheKeyInTheKeychain()
    {
        const auto env = TestSupport::readEnvFile(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/dockerd/env"));
        const QString certs = env.value(QStringLiteral("WHARF_TEST_CERT_PATH"));
        QVERIFY(!certs.isEmpty());
        QTemporaryDir dir;
        Models::HostStore store(dir.filePath(QStringLiteral("hosts.json")));
        Backends::MemorySecretBackend keychain;
        Backends::CredentialStore credentials(&keychain);
        Ui::AddHostDialog d(&store, &credentials);
        d.nameField()->setText(QStringLiteral("edge"));
        d.urlField()->setText(env.value(QStringLiteral("WHARF_TEST_TLS_HOST")));
        QVERIFY(!d.importCertFolder(dir.path())); // no certificates there
        QVERIFY(d.errorLabel()->text().contains(QLatin1String("ca.pem")));
        QVERIFY(d.importCertFolder(certs));
        d.testConnection();
        QTRY_VERIFY_WITH_TIMEOUT(d.testResult()->text().startsWith(QLatin1String("Connected: Docker")), 15000);
        QCOMPARE(store.hosts().size(), 0); // testing saves nothing
        d.buttons()->button(QDialogButtonBox::Ok)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!d.addedId().isEmpty(), 5000);
        const Models::HostConfig *h = store.find(d.addedId());
        QVERIFY(h && h->tlsKeyInKeychain && h->tls.clientKey.isEmpty());
        QFile key(certs + QStringLiteral("/key.pem"));
        QVERIFY(key.open(QIODevice::ReadOnly));
        QCOMPARE(keychain.entries().value(h->secretKey(u"tls-key")), key.readAll());
        QFile saved(store.filePath());
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(!saved.readAll().contains("key.pem"));
    }
    void emptyHostListInvitesToAdd()
    {
        QTemporaryDir dir;
        Models::HostStore store(dir.filePath(QStringLiteral("hosts.json")));
        Models::TaskModel tasks;
        Models::HostRegistry reg(&store, &tasks);
        Ui::MainWindow w(&reg);
        w.show();
        QVERIFY(w.findChild<QPushButton *>(QStringLiteral("addHostButton"))->isVisible());
    }
    void createDialogValidatesAsYouType()
    {
        Ui::CreateContainerDialog d({QStringLiteral("busybox")}, {});
        auto *ok = d.buttons()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        d.memoryField()->setText(QStringLiteral("12q"));
        QVERIFY(!ok->isEnabled());
        QVERIFY(d.errorText().contains(QLatin1String("12q")));
        d.memoryField()->setText(QStringLiteral("64m"));
        QVERIFY(ok->isEnabled());
        d.portsField()->setPlainText(QStringLiteral("99999:80"));
        QVERIFY(!ok->isEnabled());
        QVERIFY(d.errorText().startsWith(QLatin1String("Ports:")));
        d.portsField()->setPlainText(QStringLiteral("127.0.0.1:8080:80"));
        d.commandField()->setText(QStringLiteral("sh -c 'echo hi"));
        QVERIFY(!ok->isEnabled());
        d.commandField()->setText(QStringLiteral("sh -c 'echo hi'"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(d.spec().command, (QStringList{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo hi")}));
        QCOMPARE(d.spec().memoryBytes, qint64(64) * 1024 * 1024);
    }
    void managesRealContainers()
    {
        QTemporaryDir dir;
        Models::HostStore store(dir.filePath(QStringLiteral("hosts.json")));
        Models::HostConfig cfg;
        cfg.name = QStringLiteral("fixture");
        cfg.url = TestSupport::dockerHost();
        QVERIFY(store.add(cfg));
        Models::TaskModel tasks;
        Models::HostRegistry reg(&store, &tasks);
        Ui::MainWindow w(&reg);
        w.show();
        reg.connectAll();
        Models::HostConnection *host = reg.connections().first();
        QTRY_COMPARE_WITH_TIMEOUT(host->state(), Models::HostConnection::Up, 15000);
        auto *page = qobject_cast<Ui::ContainersPage *>(w.currentPage());
        QVERIFY(page);

        // Create through the console: it appears via the event stream.
        Backends::ContainerSpec spec;
        spec.image = TestSupport::testImage();
        spec.name = QStringLiteral("ui-logs");
        spec.command = {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("for i in 1 2 3; do echo line $i; done; echo 中文输出; sleep 300")};
        host->createContainer(spec, true);
        QTRY_VERIFY_WITH_TIMEOUT(host->containers()->row(host->containers()->ids().value(0)) != nullptr, 10000);
        page->filter()->setText(QStringLiteral("ui-logs"));
        QTRY_COMPARE_WITH_TIMEOUT(page->proxy()->rowCount(), 1, 10000);
        const QString id = page->proxy()->index(0, 0).data(Models::ContainerListModel::IdRole).toString();
        QTRY_COMPARE_WITH_TIMEOUT(host->containers()->row(id)->state, QStringLiteral("running"), 10000);

        // Details: logs arrive, the console runs a command with a terminal.
        Ui::ContainerDetailsDialog details(host, id);
        details.show();
        QTRY_VERIFY_WITH_TIMEOUT(details.logModel()->rowCount() == 4, 10000);
        QCOMPARE(details.logModel()->text(3), QStringLiteral("中文输出"));
        details.startConsole(QStringLiteral("/bin/sh"));
        auto screen = [&] {
            QString all;
            for (int r = 0; r < details.terminal()->rows(); ++r)
                all += details.terminal()->rowText(r) + QLatin1Char('\n');
            return all;
        };
        QTRY_VERIFY_WITH_TIMEOUT(screen().contains(QLatin1Char('#')), 10000); // the shell's prompt
        details.terminal()->emitInput("echo wharf-$((6*7))\r");
        QTRY_VERIFY2_WITH_TIMEOUT(screen().contains(QLatin1String("\nwharf-42")), qPrintable(screen()), 10000);

        // Remove with confirmation.
        bool asked = false;
        page->confirm = [&](const QString &q) {
            asked = q.contains(QLatin1String("ui-logs"));
            return true;
        };
        page->table()->selectRow(0);
        page->removeSelected();
        QVERIFY(asked);
        QTRY_VERIFY_WITH_TIMEOUT(!host->containers()->row(id), 15000);
    }
};

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
