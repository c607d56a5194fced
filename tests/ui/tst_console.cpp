#include "containers/containerdetailsdialog.h"
#include "hosts/addhostdialog.h"
#include "hosts/hostoverviewpage.h"
#include "hosts/groupoverviewpage.h"
#include "monitoring/groupsummary.h"
#include <QTableWidget>
#include <QTreeView>
#include "monitoring/hostusage.h"
#include "monitoring/statsfeed.h"
#include "hosts/navigationmodel.h"
#include "secrets/credentialstore.h"
#include "containers/containerspage.h"
#include "containers/limitsdialog.h"
#include "containers/createcontainerdialog.h"
#include "hosts/hostregistry.h"
#include "hosts/sshprompter.h"
#include "ssh/sshsettings.h"
#include "inventory/containerlistmodel.h"
#include "logs/logmodel.h"
#include "mainwindow.h"
#include "tasks/taskmodel.h"
#include "testsupport.h"
#include "widgets/terminalwidget.h"

#include <QAbstractItemModelTester>
#include <QMenu>
#include <QSignalSpy>
#include <QCheckBox>
#include <QMessageBox>
#include <QTimer>
#include <QUrl>
#include <QMimeData>
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
#include <QFile>
#include <QTest>

#include <memory>

using namespace Wharf;

class TestConsole : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hostGroupsRenameAndDragBetweenGroups()
    {
        QTemporaryDir dir;
        Models::HostStore store(dir.filePath(QStringLiteral("hosts.json")));
        for (const auto &[name, group] : {std::pair{QStringLiteral("dc-1"), QStringLiteral("Data centre")},
                                          std::pair{QStringLiteral("cloud-1"), QStringLiteral("Public cloud")}}) {
            Models::HostConfig h;
            h.name = name;
            h.group = group;
            h.url = QStringLiteral("unix:///nonexistent/%1.sock").arg(name);
            QVERIFY(store.add(h));
        }
        Models::TaskModel tasks;
        Models::HostRegistry reg(&store, &tasks);
        Ui::MainWindow w(&reg);
        w.show();
        auto *nav = w.navigationModel();
        QAbstractItemModelTester tester(nav, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto groupNames = [nav] {
            QStringList out;
            for (int r = 0; r < nav->rowCount(); ++r)
                out << nav->index(r, 0).data().toString();
            return out;
        };
        QCOMPARE(groupNames(), (QStringList{QStringLiteral("Data centre"), QStringLiteral("Public cloud")}));
        const QString dc1 = store.findByName(QStringLiteral("dc-1"))->id;

        // Drag dc-1 onto "Public cloud": the host list changes and the tree follows it.
        const QModelIndex dcGroup = nav->index(0, 0);
        const QModelIndex dcHost = nav->index(0, 0, dcGroup);
        QCOMPARE(dcHost.data().toString(), QStringLiteral("dc-1"));
        QVERIFY(!nav->mimeData({nav->index(0, 0, dcHost)})); // a page row is not dragged
        std::unique_ptr<QMimeData> mime(nav->mimeData({dcHost}));
        QVERIFY(mime);
        const QModelIndex cloudGroup = nav->index(1, 0);
        QVERIFY(nav->canDropMimeData(mime.get(), Qt::MoveAction, -1, -1, cloudGroup));
        nav->dropMimeData(mime.get(), Qt::MoveAction, -1, -1, cloudGroup);
        QCOMPARE(store.find(dc1)->group, QStringLiteral("Public cloud"));
        QCOMPARE(reg.connection(dc1)->config().group, QStringLiteral("Public cloud"));
        QCOMPARE(groupNames(), QStringList{QStringLiteral("Public cloud")}); // the empty group is gone
        QCOMPARE(nav->rowCount(nav->index(0, 0)), 2);

        // Rename the group; saved, and shown.
        QVERIFY(!store.renameGroup(QStringLiteral("Public cloud"), QStringLiteral("阿里云 cn-hangzhou")).isError());
        QCOMPARE(groupNames(), QStringList{QStringLiteral("阿里云 cn-hangzhou")});
        Models::HostStore reread(store.filePath());
        QVERIFY(!reread.load().isError());
        QCOMPARE(reread.groups(), QStringList{QStringLiteral("阿里云 cn-hangzhou")});
        QVERIFY(store.renameGroup(QStringLiteral("nope"), QStringLiteral("x")).isError());

        // The context menus offer what belongs to the row.
        std::unique_ptr<QMenu> groupMenu(w.navigationMenu(nav->index(0, 0)));
        QVERIFY(groupMenu->actions().first()->text().contains(QLatin1String("Rename group")));
        std::unique_ptr<QMenu> hostMenu(w.navigationMenu(nav->index(0, 0, nav->index(0, 0))));
        QStringList texts;
        for (auto *a : hostMenu->actions())
            texts << a->text();
        QVERIFY2(texts.join(QLatin1Char('|')).contains(QLatin1String("Move to group")) && texts.join(QLatin1Char('|')).contains(QLatin1String("Remove host")),
                 qPrintable(texts.join(QLatin1Char('|'))));
    }
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
    // An ssh:// host: the console shows the host key's fingerprint and asks; then asks for the
    // key's passphrase and keeps it in the keychain when told to.
    void addSshHostAsksAboutKeyAndPassphrase()
    {
        const auto ssh = TestSupport::readEnvFile(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/sshd/env"));
        const QString sshDir = ssh.value(QStringLiteral("WHARF_TEST_SSH_DIR"));
        QVERIFY2(!sshDir.isEmpty(), "the sshd fixture is not running");
        QTemporaryDir dir;
        qputenv("WHARF_CONFIG_DIR", dir.path().toUtf8());
        qunsetenv("SSH_AUTH_SOCK");
        Models::HostStore store(dir.filePath(QStringLiteral("hosts.json")));
        Backends::MemorySecretBackend keychain;
        Backends::CredentialStore credentials(&keychain);
        Ui::AddHostDialog d(&store, &credentials);
        d.show();
        d.nameField()->setText(QStringLiteral("build-box"));
        QVERIFY(!d.sshKeyField()->isEnabled());
        d.urlField()->setText(QStringLiteral("ssh://%1@127.0.0.1:%2%3")
                                  .arg(ssh.value(QStringLiteral("WHARF_TEST_SSH_USER")), ssh.value(QStringLiteral("WHARF_TEST_SSH_PORT")),
                                       QUrl(TestSupport::dockerHost()).path()));
        QVERIFY(d.sshKeyField()->isEnabled());
        d.sshKeyField()->setText(sshDir + QStringLiteral("/id_ecdsa"));
        d.testConnection();
        QMessageBox *keyBox = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((keyBox = d.findChild<QMessageBox *>(QStringLiteral("sshHostKeyDialog"))), 15000);
        QVERIFY(keyBox->informativeText().contains(ssh.value(QStringLiteral("WHARF_TEST_SSH_FINGERPRINT"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("known_hosts")))); // nothing saved before the answer
        keyBox->findChild<QPushButton *>(QStringLiteral("trust"))->click();
        QDialog *secret = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((secret = d.findChild<QDialog *>(QStringLiteral("sshSecretDialog"))), 15000);
        QFile passphrase(sshDir + QStringLiteral("/id_ecdsa.passphrase"));
        QVERIFY(passphrase.open(QIODevice::ReadOnly));
        secret->findChild<QLineEdit *>(QStringLiteral("secret"))->setText(QString::fromUtf8(passphrase.readAll()));
        secret->findChild<QCheckBox *>(QStringLiteral("remember"))->setChecked(true);
        secret->accept();
        QTRY_VERIFY_WITH_TIMEOUT(d.testResult()->text().startsWith(QLatin1String("Connected: Docker")), 15000);
        QVERIFY2(d.errorLabel()->text().isEmpty(), qPrintable(d.errorLabel()->text()));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("known_hosts"))));
        QTRY_VERIFY(keychain.entries().contains(Backends::SshSettings::passphraseKey(sshDir + QStringLiteral("/id_ecdsa"))));
        d.buttons()->button(QDialogButtonBox::Ok)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!d.addedId().isEmpty(), 5000);
        const Models::HostConfig *h = store.find(d.addedId());
        QVERIFY(h && h->sshIdentityFile.endsWith(QLatin1String("id_ecdsa")));
        QFile saved(store.filePath());
        QVERIFY(saved.open(QIODevice::ReadOnly));
        passphrase.seek(0);
        QVERIFY(!saved.readAll().contains(passphrase.readAll())); // the passphrase is only in the keychain

        // The saved host connects in the console with no question: key known, passphrase kept.
        Models::TaskModel tasks;
        Models::HostRegistry reg(&store, &tasks);
        reg.setCredentialStore(&credentials);
        Ui::MainWindow w(&reg);
        auto prompter = std::make_shared<Ui::SshPrompter>(&w);
        reg.setSshInteraction(prompter);
        reg.connectAll();
        QTRY_COMPARE_WITH_TIMEOUT(reg.connections().first()->state(), Models::HostConnection::Up, 20000);
        QVERIFY(!w.findChild<QDialog *>(QStringLiteral("sshSecretDialog")));
        std::unique_ptr<QMenu> menu(w.navigationMenu(w.findChild<QTreeView *>()->model()->index(0, 0, w.findChild<QTreeView *>()->model()->index(0, 0))));
        QStringList texts;
        for (auto *a : menu->actions())
            texts << a->text();
        QVERIFY2(texts.contains(QStringLiteral("Forget host key…")), qPrintable(texts.join(QLatin1Char('|'))));
        qunsetenv("WHARF_CONFIG_DIR");
    }
    // Stats stream only for the page on screen: hidden, nothing; shown again, the rows that are
    // running get their figures back (also for containers started while it was hidden).
    void statsFollowTheVisiblePage()
    {
        QTemporaryDir dir;
        Models::HostStore store(dir.filePath(QStringLiteral("hosts.json")));
        Models::HostConfig h;
        h.name = QStringLiteral("stats");
        h.url = TestSupport::dockerHost();
        QVERIFY(store.add(h));
        Models::TaskModel tasks;
        Models::HostRegistry reg(&store, &tasks);
        Ui::MainWindow w(&reg);
        w.show();
        reg.connectAll();
        Models::HostConnection *c = reg.connections().first();
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), Models::HostConnection::Up, 15000);
        const QString hostId = c->config().id;
        w.showPage(hostId, Ui::MainWindow::ContainersKind);
        w.showPage(hostId, Ui::MainWindow::VolumesKind); // the containers page exists, hidden (volumes have no stats)
        const auto run = TestSupport::wharfctl({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("ui-stats"),
                                                TestSupport::testImage(), QStringLiteral("sleep"), QStringLiteral("300")});
        QCOMPARE(run.code, 0);
        const QString id = run.out.trimmed();
        QTRY_VERIFY_WITH_TIMEOUT(c->containers()->row(id) && c->containers()->row(id)->state == QLatin1String("running"), 10000);
        // not on screen: once the pages have settled which rows they show, none watches it
        const auto pages = w.findChildren<Ui::ContainersPage *>();
        QVERIFY(!pages.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(std::none_of(pages.cbegin(), pages.cend(), [](Ui::ContainersPage *p) {
            const auto timers = p->findChildren<QTimer *>(QString(), Qt::FindDirectChildrenOnly);
            return std::any_of(timers.cbegin(), timers.cend(), [](QTimer *t) { return t->isSingleShot() && t->isActive(); });
        }), 5000);
        for (Ui::ContainersPage *p : pages)
            for (Models::StatsMonitor *m : p->findChildren<Models::StatsMonitor *>())
                QVERIFY(!m->watched().contains(id));
        QVERIFY(!c->containers()->row(id)->hasStats); // no stream
        w.showPage(hostId, Ui::MainWindow::ContainersKind);
        QTRY_VERIFY_WITH_TIMEOUT(c->containers()->row(id)->hasStats, 15000);
        w.showPage(hostId, Ui::MainWindow::VolumesKind);
        QTRY_VERIFY_WITH_TIMEOUT(!c->containers()->row(id)->hasStats, 5000);
        QCOMPARE(TestSupport::wharfctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("ui-stats")}).code, 0);
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
    // File → Import connection profile…: the tenant's endpoints become hosts in its group, with
    // its key; a file that is not a profile saves nothing and says why.
    void importConnectionProfile()
    {
        QTemporaryDir dir;
        Models::HostStore store(dir.filePath(QStringLiteral("hosts.json")));
        Models::TaskModel tasks;
        Models::HostRegistry reg(&store, &tasks);
        Ui::MainWindow w(&reg);
        const QString profile = dir.filePath(QStringLiteral("acme.wharf-profile"));
        const QString key = dir.filePath(QStringLiteral("id_acme"));
        QFile f(profile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"wharfProfile\":1,\"tenant\":\"acme\",\"hosts\":[{\"name\":\"acme@node-1\",\"kind\":\"rootless\","
                "\"url\":\"ssh://wharf-acme@127.0.0.1:1/nonexistent/docker.sock\"}]}");
        f.close();
        QStringList answers{profile, key};
        w.chooseFile = [&answers](const QString &, const QString &) { return answers.isEmpty() ? QString() : answers.takeFirst(); };
        w.importProfile();
        QVERIFY2(w.lastImportMessage().contains(QLatin1String("acme@node-1")), qPrintable(w.lastImportMessage()));
        const Models::HostConfig *h = store.findByName(QStringLiteral("acme@node-1"));
        QVERIFY(h);
        QCOMPARE(h->group, QStringLiteral("acme"));
        QCOMPARE(h->sshIdentityFile, key);
        QTRY_VERIFY(!w.navigationModel()->findItems(QStringLiteral("acme"), Qt::MatchRecursive).isEmpty());
        // not a profile
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{\"wharfProfile\":1,\"tenant\":\"acme\",\"hosts\":[{\"name\":\"x\",\"kind\":\"rootless\",\"url\":\"tcp://10.0.0.1:2375\"}]}");
        f.close();
        answers = {profile, key};
        w.importProfile();
        QVERIFY2(w.lastImportMessage().contains(QLatin1String("no ssh:// address")), qPrintable(w.lastImportMessage()));
        QCOMPARE(store.hosts().size(), 1);
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
    void hostOverviewShowsEngineDiskAndLiveUsage()
    {
        QTemporaryDir dir;
        Models::HostStore store(dir.filePath(QStringLiteral("hosts.json")));
        Models::HostConfig cfg;
        cfg.name = QStringLiteral("overview");
        cfg.url = TestSupport::dockerHost();
        QVERIFY(store.add(cfg));
        QCOMPARE(TestSupport::wharfctl({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("ui-busy"), TestSupport::testImage(),
                                        QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("while true; do :; done")})
                     .code,
                 0);
        Models::TaskModel tasks;
        Models::HostRegistry reg(&store, &tasks);
        Ui::MainWindow w(&reg);
        w.show();
        reg.connectAll();
        Models::HostConnection *host = reg.connections().first();
        QTRY_COMPARE_WITH_TIMEOUT(host->state(), Models::HostConnection::Up, 15000);
        auto *page = qobject_cast<Ui::HostOverviewPage *>(w.showPage(host->config().id, Ui::MainWindow::OverviewKind));
        QVERIFY(page);
        page->usage()->setSampleInterval(200);
        QVERIFY(page->usage()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(page->factsText().contains(QLatin1String("Docker 2")) && page->factsText().contains(QLatin1String("build cache")), 20000);
        QVERIFY2(page->factsText().contains(QLatin1String("running")), qPrintable(page->factsText()));
        // The busy loop shows up in the summed CPU of the host's containers.
        QTRY_VERIFY_WITH_TIMEOUT(page->chartPoints() >= 3 && page->usage()->points().last().cpuPercent > 20
                                     && page->usage()->points().last().memoryBytes > 0,
                                 20000);
        // Off screen, the streams stop.
        w.showPage(host->config().id, Ui::MainWindow::ContainersKind);
        QVERIFY(!page->usage()->isRunning());
        QCOMPARE(TestSupport::wharfctl({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("ui-busy")}).code, 0);
    }
    void groupOverviewSumsTheHostsThatAreUp()
    {
        QTemporaryDir dir;
        Models::HostStore store(dir.filePath(QStringLiteral("hosts.json")));
        const auto env = TestSupport::readEnvFile(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/dockerd/env"));
        const QString certs = env.value(QStringLiteral("WHARF_TEST_CERT_PATH"));
        // The same engine twice (socket and TLS), and a host that is not there.
        Models::HostConfig a;
        a.name = QStringLiteral("sock");
        a.group = QStringLiteral("Region");
        a.url = TestSupport::dockerHost();
        QVERIFY(store.add(a));
        Models::HostConfig b;
        b.name = QStringLiteral("tls");
        b.group = QStringLiteral("Region");
        b.url = env.value(QStringLiteral("WHARF_TEST_TLS_HOST"));
        b.useTls = true;
        b.tls = {certs + QStringLiteral("/ca.pem"), certs + QStringLiteral("/cert.pem"), certs + QStringLiteral("/key.pem"), {}, true};
        QVERIFY(store.add(b));
        Models::HostConfig gone;
        gone.name = QStringLiteral("gone");
        gone.group = QStringLiteral("Region");
        gone.url = QStringLiteral("unix:///nonexistent/gone.sock");
        QVERIFY(store.add(gone));
        Models::TaskModel tasks;
        Models::HostRegistry reg(&store, &tasks);
        Ui::MainWindow w(&reg);
        w.show();
        reg.connectAll();
        for (auto *c : reg.connections())
            if (c->config().name != QLatin1String("gone"))
                QTRY_COMPARE_WITH_TIMEOUT(c->state(), Models::HostConnection::Up, 15000);
        // Clicking the group row shows its overview.
        w.navigation()->setCurrentIndex(w.navigationModel()->index(0, 0));
        auto *page = qobject_cast<Ui::GroupOverviewPage *>(w.currentPage());
        QVERIFY(page);
        QCOMPARE(page->table()->rowCount(), 3);
        // Both reachable hosts have reported (their info calls finish in any order).
        QTRY_VERIFY_WITH_TIMEOUT(page->summary()->lines().size() == 3 && page->summary()->lines()[0].cpus > 0
                                     && page->summary()->lines()[1].cpus > 0,
                                 15000);
        const auto t = page->summary()->totals();
        QCOMPARE(t.hosts, 3);
        QCOMPARE(t.hostsUp, 2);
        const auto lines = page->summary()->lines();
        QCOMPARE(t.cpus, lines[0].cpus + lines[1].cpus);
        QCOMPARE(lines[0].cpus, lines[1].cpus); // one engine seen twice
        QVERIFY(!lines[2].up && !lines[2].reason.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(page->totalsText().startsWith(QLatin1String("3 hosts (2 up)")), 5000);
    }
    void plainTcpLabHostCarriesARedBadge()
    {
        QTemporaryDir dir;
        Models::HostStore store(dir.filePath(QStringLiteral("hosts.json")));
        Models::HostConfig lab;
        lab.name = QStringLiteral("bench-lab");
        lab.url = QStringLiteral("tcp://127.0.0.1:1");
        QVERIFY(!store.add(lab)); // refused without lab mode
        lab.labMode = true;
        QVERIFY(store.add(lab));
        Models::TaskModel tasks;
        Models::HostRegistry reg(&store, &tasks);
        Ui::MainWindow w(&reg);
        const QModelIndex host = w.navigationModel()->index(0, 0, w.navigationModel()->index(0, 0));
        QVERIFY2(host.data().toString().contains(QLatin1String("unencrypted")), qPrintable(host.data().toString()));
        QCOMPARE(host.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(0xc6, 0x28, 0x28));
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

        // Limits: bad input is named in the dialog, which stays open; good input reaches the
        // daemon.
        page->table()->selectRow(0);
        QPointer<Ui::LimitsDialog> limits = page->changeLimits();
        QVERIFY(limits);
        limits->cpusField()->setText(QStringLiteral("lots"));
        limits->accept();
        QVERIFY(limits->isVisible());
        QVERIFY(!limits->errorLabel()->isHidden());
        QVERIFY2(limits->errorLabel()->text().contains(QLatin1String("lots")), qPrintable(limits->errorLabel()->text()));
        limits->cpusField()->setText(QStringLiteral("0.5"));
        limits->memoryField()->setText(QStringLiteral("64m"));
        limits->accept();
        QTRY_VERIFY(!limits);
        auto hostConfig = [&] {
            Backends::DockerJob *job = host->client()->inspectContainer(id);
            QSignalSpy done(job, &Backends::DockerJob::finished);
            if (!job->isFinished())
                done.wait(10000);
            job->deleteLater();
            return job->json().object().value(QLatin1String("HostConfig")).toObject();
        };
        QTRY_COMPARE_WITH_TIMEOUT(hostConfig().value(QLatin1String("NanoCpus")).toInteger(), 500'000'000, 10000);
        QCOMPARE(hostConfig().value(QLatin1String("Memory")).toInteger(), qint64(64) << 20);

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
