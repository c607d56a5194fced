// The images page, the build dialog, the registry browser and the task list's progress, driven
// as a person would, against the private dockerd and Debian's docker-registry.
#include "containers/containerspage.h"
#include "docker/tar.h"
#include "containers/createcontainerdialog.h"
#include "hosts/hostregistry.h"
#include "images/builddialog.h"
#include "images/imageactions.h"
#include "images/imagedetailsdialog.h"
#include "images/imagespage.h"
#include "inventory/resourcelistmodel.h"
#include "mainwindow.h"
#include "apps/appspage.h"
#include "editor/composeeditor.h"
#include "registries/registriespage.h"
#include "registries/registrystore.h"
#include "secrets/credentialstore.h"
#include "tasks/taskmodel.h"
#include "testsupport.h"
#include "widgets/taskdelegate.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Wharf;

class TestImagesUi : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Models::HostStore> m_store;
    std::unique_ptr<Models::TaskModel> m_tasks;
    std::unique_ptr<Models::HostRegistry> m_hosts;
    std::unique_ptr<Models::RegistryStore> m_registries;
    std::unique_ptr<Backends::MemorySecretBackend> m_keychain;
    std::unique_ptr<Backends::CredentialStore> m_credentials;
    std::unique_ptr<Ui::MainWindow> m_window;
    QString m_hostId;
    QMap<QString, QString> m_reg;
    QString m_password;

    QString reg(const char *which) const { return m_reg.value(QStringLiteral("WHARF_TEST_REGISTRY_") + QLatin1String(which)); }
    Models::HostConnection *host() const { return m_hosts->connection(m_hostId); }
    Ui::ImagesPage *imagesPage() { return qobject_cast<Ui::ImagesPage *>(m_window->showPage(m_hostId, Ui::MainWindow::ImagesKind)); }
    int rowOf(const QString &repository, const QString &tag)
    {
        auto *m = host()->images();
        for (int r = 0; r < m->rowCount(); ++r) {
            const QJsonObject o = m->objectAt(r);
            if (o.value(QLatin1String("Repository")).toString() == repository && o.value(QLatin1String("Tag")).toString() == tag)
                return r;
        }
        return -1;
    }
    void selectImage(Ui::ImagesPage *page, const QString &repository, const QString &tag)
    {
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(page->table()->model());
        const int src = rowOf(repository, tag);
        QVERIFY(src >= 0);
        const QModelIndex i = proxy->mapFromSource(host()->images()->index(src, 0));
        QVERIFY(i.isValid());
        page->table()->selectionModel()->select(i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    // Runs a docker call to its end (setup steps of the test).
    bool call(Backends::DockerJob *job)
    {
        QSignalSpy done(job, &Backends::DockerJob::finished);
        const bool ok = done.wait(60000) && !job->isError();
        job->deleteLater();
        return ok;
    }
    int lastTask() const { return m_tasks->idAt(m_tasks->rowCount() - 1); }

private Q_SLOTS:
    void initTestCase()
    {
        m_reg = TestSupport::readEnvFile(qEnvironmentVariable("WHARF_TEST_STATE") + QStringLiteral("/registry/env"));
        QVERIFY2(!reg("OPEN").isEmpty(), "the registry fixture is not running");
        QFile pw(m_reg.value(QStringLiteral("WHARF_TEST_REGISTRY_PASSWORD_FILE")));
        QVERIFY(pw.open(QIODevice::ReadOnly));
        m_password = QString::fromUtf8(pw.readAll());
        m_store = std::make_unique<Models::HostStore>(m_dir.filePath(QStringLiteral("hosts.json")));
        Models::HostConfig h;
        h.name = QStringLiteral("local");
        h.url = TestSupport::dockerHost();
        auto id = m_store->add(h);
        QVERIFY(id);
        m_hostId = *id;
        m_tasks = std::make_unique<Models::TaskModel>();
        m_hosts = std::make_unique<Models::HostRegistry>(m_store.get(), m_tasks.get());
        m_keychain = std::make_unique<Backends::MemorySecretBackend>();
        m_credentials = std::make_unique<Backends::CredentialStore>(m_keychain.get());
        m_hosts->setCredentialStore(m_credentials.get());
        m_registries = std::make_unique<Models::RegistryStore>(m_dir.filePath(QStringLiteral("registries.json")));
        m_hosts->setRegistryStore(m_registries.get());
        QVERIFY(!m_registries->add({QStringLiteral("open"), reg("OPEN"), {}, {}}).isError());
        QVERIFY(!m_registries->add({QStringLiteral("locked"), reg("BASIC"), {}, {}}).isError());
        m_window = std::make_unique<Ui::MainWindow>(m_hosts.get());
        m_window->show();
        m_hosts->connectAll();
        QTRY_VERIFY_WITH_TIMEOUT(host()->state() == Models::HostConnection::Up, 30000);
    }
    void cleanupTestCase()
    {
        m_window.reset();
        m_hosts.reset();
    }

    void imagesPageListsAndFollowsEvents()
    {
        auto *page = imagesPage();
        QVERIFY(page);
        QAbstractItemModelTester tester(host()->images(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("wharf-test/busybox"), QStringLiteral("latest")) >= 0, 20000);
        // Tagging shows up through the events stream, without a refresh.
        QVERIFY(call(host()->client()->tagImage(TestSupport::testImage(), QStringLiteral("ui/evented"), QStringLiteral("1"))));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("ui/evented"), QStringLiteral("1")) >= 0, 10000);
        // The filter box and "dangling only".
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(page->table()->model());
        page->danglingOnly()->setChecked(true);
        for (int r = 0; r < proxy->rowCount(); ++r)
            QCOMPARE(proxy->index(r, 1).data().toString(), QStringLiteral("<none>"));
        page->danglingOnly()->setChecked(false);
        QVERIFY(proxy->rowCount() >= 2);
        QVERIFY(call(host()->client()->removeImage(QStringLiteral("ui/evented:1"))));
        QTRY_COMPARE_WITH_TIMEOUT(rowOf(QStringLiteral("ui/evented"), QStringLiteral("1")), -1, 10000);
    }

    void pushThenPullWithLayerProgress()
    {
        auto *page = imagesPage();
        const QString name = reg("OPEN") + QStringLiteral("/ui/app");
        // An image with a layer of its own (the busybox layer stays on the host when this goes).
        const QByteArray context = Backends::Tar::write(
            {Backends::TarEntry{QStringLiteral("Dockerfile"), Backends::TarEntry::File, 0644, 0, {},
                                "FROM wharf-test/busybox\nRUN head -c 400000 /dev/urandom > /blob\n"}});
        Backends::BuildOptions bo;
        bo.tags = {name + QStringLiteral(":1")};
        Backends::DockerJob *build = host()->client()->build(context, bo);
        QSignalSpy built(build, &Backends::DockerJob::finished);
        QVERIFY(built.wait(60000));
        QVERIFY(!build->isError());
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(name, QStringLiteral("1")) >= 0, 10000);
        selectImage(page, name, QStringLiteral("1"));
        page->pushSelected();
        const int push = lastTask();
        QTRY_COMPARE_WITH_TIMEOUT(m_tasks->stateOf(push), Models::TaskModel::Succeeded, 60000);
        QVERIFY(call(host()->client()->removeImage(name + QStringLiteral(":1"))));
        QTRY_COMPARE_WITH_TIMEOUT(rowOf(name, QStringLiteral("1")), -1, 10000);

        // Pull it back through the page; the task list shows a bar per layer while it runs.
        int maxBars = 0;
        int maxParts = 0;
        auto *list = m_window->taskList();
        auto conn = connect(m_tasks.get(), &QAbstractItemModel::dataChanged, this, [&](const QModelIndex &i) {
            maxParts = std::max(maxParts, int(i.data(Models::TaskModel::PartsRole).toList().size()));
            maxBars = std::max(maxBars, Ui::TaskDelegate::barCount(i));
            list->viewport()->repaint(); // the delegate paints what the model says
        });
        page->askText = [&](const QString &, const QString &, const QString &) -> QString { return name + QStringLiteral(":1"); };
        page->pull();
        const int pull = lastTask();
        QTRY_COMPARE_WITH_TIMEOUT(m_tasks->stateOf(pull), Models::TaskModel::Succeeded, 60000);
        disconnect(conn);
        QCOMPARE(maxParts, 2); // the busybox layer (already there) and the image's own
        QCOMPARE(maxBars, 2);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(name, QStringLiteral("1")) >= 0, 10000);

        // A pull of something that is not there fails with the registry's word, on the page.
        page->askText = [&](const QString &, const QString &, const QString &) -> QString { return name + QStringLiteral(":nope"); };
        page->pull();
        const int bad = lastTask();
        QTRY_COMPARE_WITH_TIMEOUT(m_tasks->stateOf(bad), Models::TaskModel::Failed, 60000);
        QTRY_VERIFY(page->message()->isVisible());
        QVERIFY2(page->message()->text().contains(QStringLiteral("not found")) || page->message()->text().contains(QStringLiteral("unknown")),
                 qPrintable(page->message()->text()));
        page->askText = [&](const QString &, const QString &, const QString &) -> QString { return QStringLiteral("Not A Name"); };
        page->pull();
        QTRY_VERIFY(page->message()->text().contains(QStringLiteral("not a valid image reference")));
    }

    // The orchestration editor's palette offers what the registries hold (read with their
    // logins), beside the host's images; a registry that cannot be read is named, not fatal.
    void editorPaletteOffersRegistryImages()
    {
        auto *apps = qobject_cast<Ui::AppsPage *>(m_window->showPage(m_hostId, Ui::MainWindow::AppsKind));
        QVERIFY(apps);
        Ui::ComposeEditor *editor = apps->openEditor({});
        QVERIFY(editor);
        const QString pushed = QStringLiteral("image:") + reg("OPEN") + QStringLiteral("/ui/app:1");
        // offered after the heading (empty: anywhere)
        auto offered = [editor](const QString &block, const QString &heading = {}) {
            bool past = heading.isEmpty();
            for (int i = 0; i < editor->palette()->count(); ++i) {
                past = past || editor->palette()->item(i)->text() == heading;
                if (past && editor->palette()->item(i)->data(Qt::UserRole).toString() == block)
                    return true;
            }
            return false;
        };
        QVERIFY(offered(QStringLiteral("image:") + TestSupport::testImage())); // the host's, at once
        QTRY_VERIFY_WITH_TIMEOUT(offered(pushed, QStringLiteral("Images in the registries")), 20000);
        QVERIFY2(editor->palette()->toolTip().contains(QLatin1String("locked")), qPrintable(editor->palette()->toolTip())); // no login for it here
        editor->close();
    }

    void saveLoadAndImportFromThePage()
    {
        auto *page = imagesPage();
        QTemporaryDir dir;
        QVERIFY(call(host()->client()->tagImage(TestSupport::testImage(), QStringLiteral("ui/saved"), QStringLiteral("1"))));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("ui/saved"), QStringLiteral("1")) >= 0, 10000);
        selectImage(page, QStringLiteral("ui/saved"), QStringLiteral("1"));
        const QString tar = dir.filePath(QStringLiteral("saved.tar"));
        page->askFile = [&](bool, const QString &) -> QString { return tar; };
        page->saveSelected();
        QTRY_COMPARE_WITH_TIMEOUT(m_tasks->stateOf(lastTask()), Models::TaskModel::Succeeded, 30000);
        QVERIFY(QFileInfo(tar).size() > 100 * 1024);
        QVERIFY(call(host()->client()->removeImage(QStringLiteral("ui/saved:1"))));
        QTRY_COMPARE_WITH_TIMEOUT(rowOf(QStringLiteral("ui/saved"), QStringLiteral("1")), -1, 10000);
        page->load();
        const int load = lastTask();
        QTRY_COMPARE_WITH_TIMEOUT(m_tasks->stateOf(load), Models::TaskModel::Succeeded, 30000);
        QCOMPARE(m_tasks->messageOf(load), QStringLiteral("ui/saved:1"));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("ui/saved"), QStringLiteral("1")) >= 0, 10000);
        // Not an archive: the task fails with the reason, and nothing else happens.
        const QString junk = dir.filePath(QStringLiteral("junk.tar"));
        QFile j(junk);
        QVERIFY(j.open(QIODevice::WriteOnly));
        j.write("short");
        j.close();
        page->askFile = [&](bool, const QString &) -> QString { return junk; };
        page->load();
        const int bad = lastTask();
        QTRY_COMPARE_WITH_TIMEOUT(m_tasks->stateOf(bad), Models::TaskModel::Failed, 10000);
        QVERIFY2(m_tasks->messageOf(bad).contains(QStringLiteral("not an image archive")), qPrintable(m_tasks->messageOf(bad)));
        // Import a root file system as a new image.
        QDir().mkpath(dir.filePath(QStringLiteral("rootfs")));
        QFile hello(dir.filePath(QStringLiteral("rootfs/hello.txt")));
        QVERIFY(hello.open(QIODevice::WriteOnly));
        hello.write("imported\n");
        hello.close();
        QProcess tarp;
        tarp.start(QStringLiteral("tar"), {QStringLiteral("-C"), dir.filePath(QStringLiteral("rootfs")), QStringLiteral("-cf"),
                                           dir.filePath(QStringLiteral("rootfs.tar")), QStringLiteral(".")});
        QVERIFY(tarp.waitForFinished());
        page->askFile = [&](bool, const QString &) -> QString { return dir.filePath(QStringLiteral("rootfs.tar")); };
        page->askText = [](const QString &, const QString &, const QString &) -> QString { return QStringLiteral("ui/imported:1"); };
        page->importTar();
        QTRY_COMPARE_WITH_TIMEOUT(m_tasks->stateOf(lastTask()), Models::TaskModel::Succeeded, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("ui/imported"), QStringLiteral("1")) >= 0, 10000);
        for (const char *n : {"ui/saved:1", "ui/imported:1"})
            call(host()->client()->removeImage(QLatin1String(n)));
    }

    void detailsAndRemoveInUse()
    {
        auto *page = imagesPage();
        QVERIFY(call(host()->client()->tagImage(TestSupport::testImage(), QStringLiteral("ui/used"), QStringLiteral("1"))));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("ui/used"), QStringLiteral("1")) >= 0, 10000);
        selectImage(page, QStringLiteral("ui/used"), QStringLiteral("1"));
        Ui::ImageDetailsDialog d(host(), QStringLiteral("ui/used:1"));
        QTRY_VERIFY_WITH_TIMEOUT(d.history()->rowCount() > 0, 10000);
        QTRY_VERIFY(d.overview()->text().contains(QStringLiteral("/bin/sh")));
        QVERIFY(d.raw()->toPlainText().contains(QStringLiteral("\"RepoTags\"")));

        // In use: the question names the container and offers to force.
        Backends::ContainerSpec spec;
        spec.image = QStringLiteral("ui/used:1");
        spec.name = QStringLiteral("ui-user");
        call(host()->client()->removeContainer(spec.name, true)); // left by an earlier run that failed
        auto created = std::make_shared<int>(0);
        host()->createContainer(spec, false, [created](const Backends::Expected<QString> &id) { *created = id ? 1 : -1; });
        QTRY_VERIFY_WITH_TIMEOUT(*created != 0, 10000);
        QCOMPARE(*created, 1);
        QTRY_VERIFY_WITH_TIMEOUT(host()->images()->index(rowOf(QStringLiteral("ui/used"), QStringLiteral("1")), 0)
                                     .data(Models::ResourceListModel::UsedByRole).toStringList().contains(QStringLiteral("ui-user")), 10000);
        selectImage(page, QStringLiteral("ui/used"), QStringLiteral("1"));
        QString asked;
        page->confirmForce = [&](const QString &q) {
            asked = q;
            return true;
        };
        page->removeSelected();
        QVERIFY2(asked.contains(QStringLiteral("ui-user")), qPrintable(asked));
        QTRY_COMPARE_WITH_TIMEOUT(rowOf(QStringLiteral("ui/used"), QStringLiteral("1")), -1, 10000);
        QVERIFY(call(host()->client()->removeContainer(QStringLiteral("ui-user"), true)));
    }

    void buildDialogBuildsRunsAndNamesTheFailingStep()
    {
        auto *page = imagesPage();
        QTemporaryDir ctx;
        auto write = [&](const QString &name, const QByteArray &data) {
            QDir().mkpath(QFileInfo(ctx.filePath(name)).absolutePath());
            QFile f(ctx.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(data);
        };
        write(QStringLiteral("Dockerfile"), "FROM wharf-test/busybox\nARG WHO=nobody\nCOPY hello.txt /\nRUN echo \"hi $WHO\" > /who\n");
        write(QStringLiteral("hello.txt"), "hello\n");
        write(QStringLiteral("secret.key"), "do not send\n");
        write(QStringLiteral(".dockerignore"), "*.key\n");
        Ui::BuildDialog *d = page->build();
        d->contextField()->setText(ctx.path());
        d->tagsField()->setText(QStringLiteral("ui/built:1"));
        d->buildArgsField()->setPlainText(QStringLiteral("WHO=wharf"));
        d->buildArgsField()->setPlainText(QStringLiteral("WHO=wharf\nbroken line"));
        d->startBuild();
        QVERIFY(d->status()->text().contains(QStringLiteral("KEY=VALUE")));
        d->buildArgsField()->setPlainText(QStringLiteral("WHO=wharf"));
        d->startBuild();
        QTRY_VERIFY_WITH_TIMEOUT(d->status()->text().startsWith(QStringLiteral("Built ")), 60000);
        QVERIFY(d->log()->toPlainText().contains(QStringLiteral("Step 1/4")));
        QVERIFY(d->log()->toPlainText().contains(QStringLiteral("1 left out by .dockerignore")));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("ui/built"), QStringLiteral("1")) >= 0, 10000);
        QVERIFY(d->runButton()->isEnabled());
        // "Run…" opens the containers page's form with the image.
        d->runButton()->click();
        auto *cp = qobject_cast<Ui::ContainersPage *>(m_window->currentPage());
        QVERIFY(cp);
        Ui::CreateContainerDialog *form = nullptr;
        QTRY_VERIFY((form = cp->findChild<Ui::CreateContainerDialog *>()) != nullptr);
        QCOMPARE(form->imageField()->currentText(), QStringLiteral("ui/built:1"));
        form->nameField()->setText(QStringLiteral("ui-built-run"));
        form->commandField()->setText(QStringLiteral("cat /who"));
        call(host()->client()->removeContainer(QStringLiteral("ui-built-run"), true)); // an earlier run's
        form->accept();
        // It ran: the container printed what the build argument said.
        QByteArray logs;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
            Backends::LogOptions lo;
            Backends::DockerJob *j = host()->client()->containerLogs(QStringLiteral("ui-built-run"), lo);
            logs.clear();
            connect(j, &Backends::DockerJob::dataReceived, this, [&logs](const QByteArray &d) { logs += d; });
            QSignalSpy done(j, &Backends::DockerJob::finished);
            done.wait(10000);
            j->deleteLater();
            return logs.contains("hi wharf");
        }()), 20000);
        QVERIFY(call(host()->client()->removeContainer(QStringLiteral("ui-built-run"), true)));

        write(QStringLiteral("Dockerfile"), "FROM wharf-test/busybox\nRUN false\n");
        d->startBuild();
        QTRY_VERIFY_WITH_TIMEOUT(d->status()->text().startsWith(QStringLiteral("The build failed")), 60000);
        QVERIFY2(d->status()->text().contains(QStringLiteral("Step 2/2 : RUN false failed")), qPrintable(d->status()->text()));
        QVERIFY(!d->runButton()->isEnabled());

        // A long build is canceled from the task list.
        write(QStringLiteral("Dockerfile"), "FROM wharf-test/busybox\nRUN sleep 60\n");
        d->startBuild();
        const int task = d->currentRun()->task();
        QTRY_VERIFY_WITH_TIMEOUT(m_tasks->index(m_tasks->rowCount() - 1).data(Models::TaskModel::CancelableRole).toBool(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(d->log()->toPlainText().contains(QStringLiteral("Step 2/2")), 30000);
        QVERIFY(m_tasks->cancel(task));
        QTRY_COMPARE_WITH_TIMEOUT(m_tasks->stateOf(task), Models::TaskModel::Failed, 10000);
        QTRY_VERIFY(d->status()->text().contains(QStringLiteral("Canceled")));
        d->close();
        call(host()->client()->removeImage(QStringLiteral("ui/built:1")));
    }

    void registryBrowser()
    {
        auto *page = qobject_cast<Ui::RegistriesPage *>(m_window->showRegistries());
        QVERIFY(page);
        // Something to browse: two tags of one image in the open registry.
        const QString name = reg("OPEN") + QStringLiteral("/ui/browse");
        for (const char *t : {"a", "b"}) {
            QVERIFY(call(host()->client()->tagImage(TestSupport::testImage(), name, QLatin1String(t))));
            auto *p = imagesPage();
            QTRY_VERIFY_WITH_TIMEOUT(rowOf(name, QLatin1String(t)) >= 0, 10000);
            selectImage(p, name, QLatin1String(t));
            p->pushSelected();
            QTRY_COMPARE_WITH_TIMEOUT(m_tasks->stateOf(lastTask()), Models::TaskModel::Succeeded, 60000);
        }
        page = qobject_cast<Ui::RegistriesPage *>(m_window->showRegistries());
        QSignalSpy repos(page, &Ui::RegistriesPage::repositoriesLoaded);
        page->selectRegistry(QStringLiteral("open"));
        QVERIFY(repos.wait(20000));
        QVERIFY(!page->repositoryList()->findItems(QStringLiteral("ui/browse"), Qt::MatchExactly).isEmpty());
        QSignalSpy tags(page, &Ui::RegistriesPage::tagsLoaded);
        page->selectRepository(QStringLiteral("ui/browse"));
        QVERIFY(tags.wait(20000));
        QCOMPARE(page->tagTable()->rowCount(), 2);
        QVERIFY(page->tagTable()->item(0, 1)->toolTip().startsWith(QStringLiteral("sha256:")));
        QVERIFY(page->tagTable()->item(0, 4)->text().startsWith(QStringLiteral("linux/")));
        page->tagTable()->setCurrentCell(0, 0);
        QTRY_VERIFY(page->layerTable()->rowCount() == 1);
        page->copyPullCommand();
        const QString first = page->tagTable()->item(0, 0)->text();
        QCOMPARE(page->lastCopied(), QStringLiteral("docker pull ") + name + QLatin1Char(':') + first);

        // Pull to a host.
        QVERIFY(call(host()->client()->removeImage(name + QLatin1Char(':') + first)));
        page->askHost = [this](const QString &) { return m_hostId; };
        page->pullSelectedTag();
        QTRY_COMPARE_WITH_TIMEOUT(m_tasks->stateOf(lastTask()), Models::TaskModel::Succeeded, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(name, first) >= 0, 10000);

        // Delete: both tags are on one digest, and the question says so.
        QString asked;
        page->confirm = [&](const QString &q) {
            asked = q;
            return true;
        };
        QSignalSpy again(page, &Ui::RegistriesPage::tagsLoaded);
        page->deleteSelectedTag();
        QVERIFY(again.wait(20000));
        QVERIFY2(asked.contains(QStringLiteral("same image")), qPrintable(asked));
        QCOMPARE(page->tagTable()->rowCount(), 0);

        // A registry that wants a login says so; logging in (the keychain) opens it.
        QSignalSpy locked(page, &Ui::RegistriesPage::repositoriesLoaded);
        page->selectRegistry(QStringLiteral("locked"));
        QVERIFY(locked.wait(20000));
        QVERIFY2(page->status()->text().contains(QStringLiteral("log in")), qPrintable(page->status()->text()));
        page->askLogin = [this](const QString &) { return std::optional<Ui::RegistriesPage::Login>({QStringLiteral("wharf"), QStringLiteral("wrong")}); };
        page->login();
        QTRY_VERIFY_WITH_TIMEOUT(page->status()->text().contains(QStringLiteral("refused")), 20000);
        page->askLogin = [this](const QString &) { return std::optional<Ui::RegistriesPage::Login>({QStringLiteral("wharf"), m_password}); };
        QSignalSpy opened(page, &Ui::RegistriesPage::repositoriesLoaded);
        page->login();
        QVERIFY(opened.wait(20000));
        QVERIFY2(!page->status()->text().contains(QStringLiteral("log in")), qPrintable(page->status()->text()));
        QVERIFY(m_keychain->entries().contains(Models::RegistryLogins::secretKey(reg("BASIC"))));
        QFile saved(m_registries->filePath());
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(!saved.readAll().contains(m_password.toUtf8()));
    }

    void runLocalRegistryFromTheConsole()
    {
        auto *page = qobject_cast<Ui::RegistriesPage *>(m_window->showRegistries());
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const int port = probe.serverPort();
        probe.close();
        page->askLocalRegistry = [&] {
            return Ui::RegistriesPage::LocalRegistryForm{true, m_hostId, QStringLiteral("console-local"), port,
                                                          QStringLiteral("wharf-test/registry:latest")};
        };
        QSignalSpy repos(page, &Ui::RegistriesPage::repositoriesLoaded);
        page->runLocalRegistry();
        QVERIFY(repos.wait(60000));
        QVERIFY2(page->status()->text().contains(QStringLiteral("0 repositories")), qPrintable(page->status()->text()));
        const auto *r = m_registries->find(QStringLiteral("console-local"));
        QVERIFY(r);
        QCOMPARE(r->url, QStringLiteral("http://127.0.0.1:%1").arg(port));
        QVERIFY(!r->containerId.isEmpty());
        // Push to it from the images page, and find it in the browser.
        const QString name = QStringLiteral("127.0.0.1:%1/console/app").arg(port);
        QVERIFY(call(host()->client()->tagImage(TestSupport::testImage(), name, QStringLiteral("1"))));
        auto *images = imagesPage();
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(name, QStringLiteral("1")) >= 0, 10000);
        selectImage(images, name, QStringLiteral("1"));
        images->pushSelected();
        QTRY_COMPARE_WITH_TIMEOUT(m_tasks->stateOf(lastTask()), Models::TaskModel::Succeeded, 60000);
        page = qobject_cast<Ui::RegistriesPage *>(m_window->showRegistries());
        QSignalSpy again(page, &Ui::RegistriesPage::repositoriesLoaded);
        page->refresh();
        QVERIFY(again.wait(20000));
        QVERIFY(!page->repositoryList()->findItems(QStringLiteral("console/app"), Qt::MatchExactly).isEmpty());
        call(host()->client()->removeImage(name + QStringLiteral(":1")));
        QVERIFY(call(host()->client()->removeContainer(r->containerId, true)));
        call(host()->client()->removeVolume(QStringLiteral("wharf-registry-console-local")));
    }
};

QTEST_MAIN(TestImagesUi)
#include "tst_imagesui.moc"
