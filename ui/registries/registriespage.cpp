#include "registriespage.h"

#include "docker/format.h"
#include "docker/imageref.h"
#include "hosts/hostregistry.h"
#include "images/imageactions.h"
#include "registries/localregistry.h"
#include "registries/registrybrowser.h"
#include "tasks/taskmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace Wharf::Ui {

using namespace Models;
using namespace Backends;

static QTableWidget *makeTable(const QStringList &headers)
{
    auto *t = new QTableWidget(0, int(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    t->setWordWrap(false);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 8);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

RegistriesPage::RegistriesPage(HostRegistry *hosts, QWidget *parent)
    : QWidget(parent)
    , m_hosts(hosts)
    , m_store(hosts->registries())
    , m_registries(new QListWidget)
    , m_filter(new QLineEdit)
    , m_repositories(new QListWidget)
    , m_tags(makeTable({tr("Tag"), tr("Digest"), tr("Size"), tr("Created", "column: creation time"), tr("Platform")}))
    , m_layers(makeTable({tr("Layer digest"), tr("Size"), tr("Media type")}))
    , m_status(new QLabel)
    , m_browser(new Models::RegistryBrowser(this))
{
    confirm = [this](const QString &q) { return QMessageBox::question(this, tr("Registries"), q) == QMessageBox::Yes; };
    askText = [this](const QString &title, const QString &label) { return QInputDialog::getText(this, title, label); };
    askLogin = [this](const QString &registry) -> std::optional<Login> {
        QDialog d(this);
        d.setWindowTitle(tr("Log in to %1").arg(registry));
        auto *user = new QLineEdit;
        auto *pass = new QLineEdit;
        pass->setEchoMode(QLineEdit::Password);
        auto *form = new QFormLayout(&d);
        form->addRow(tr("User name:"), user);
        form->addRow(tr("Password or token:"), pass);
        form->addRow(new QLabel(tr("The password is kept in the system keychain only.")));
        auto *b = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        connect(b, &QDialogButtonBox::accepted, &d, &QDialog::accept);
        connect(b, &QDialogButtonBox::rejected, &d, &QDialog::reject);
        form->addRow(b);
        if (d.exec() != QDialog::Accepted)
            return std::nullopt;
        return Login{user->text().trimmed(), pass->text()};
    };
    askHost = [this](const QString &title) {
        QStringList names;
        for (auto *c : m_hosts->connections())
            names << c->config().name;
        bool ok = false;
        const QString name = QInputDialog::getItem(this, title, tr("Host:"), names, 0, false, &ok);
        if (!ok)
            return QString();
        for (auto *c : m_hosts->connections())
            if (c->config().name == name)
                return c->config().id;
        return QString();
    };
    askLocalRegistry = [this]() {
        LocalRegistryForm f;
        QDialog d(this);
        d.setWindowTitle(tr("Run a local registry"));
        auto *host = new QComboBox;
        for (auto *c : m_hosts->connections())
            host->addItem(c->config().name, c->config().id);
        auto *name = new QLineEdit(QStringLiteral("local"));
        auto *port = new QSpinBox;
        port->setRange(1, 65535);
        port->setValue(5000);
        auto *image = new QLineEdit(QStringLiteral("registry:2"));
        auto *bind = new QLineEdit(QStringLiteral("127.0.0.1"));
        auto *form = new QFormLayout(&d);
        form->addRow(tr("Host:"), host);
        form->addRow(tr("Name:"), name);
        form->addRow(tr("Port:"), port);
        form->addRow(tr("Image:"), image);
        form->addRow(tr("Publish on:"), bind);
        form->addRow(new QLabel(tr("Its data goes to a volume; deleting tags is enabled. On a remote host, publish it on an address "
                                   "this console reaches, and protect it (a firewall, or TLS in front): the registry has no login.")));
        auto *b = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        connect(b, &QDialogButtonBox::accepted, &d, &QDialog::accept);
        connect(b, &QDialogButtonBox::rejected, &d, &QDialog::reject);
        form->addRow(b);
        if (d.exec() == QDialog::Accepted)
            f = LocalRegistryForm{true, host->currentData().toString(), name->text().trimmed(), port->value(), image->text().trimmed(),
                                  bind->text().trimmed()};
        return f;
    };

    auto *toolbar = new QToolBar;
    toolbar->addAction(tr("Add…"), this, &RegistriesPage::addRegistry);
    toolbar->addAction(tr("Remove"), this, &RegistriesPage::removeRegistry);
    toolbar->addAction(tr("Log in…"), this, &RegistriesPage::login);
    toolbar->addAction(tr("Log out"), this, &RegistriesPage::logout);
    toolbar->addAction(tr("Run a local registry…"), this, &RegistriesPage::runLocalRegistry);
    toolbar->addSeparator();
    toolbar->addAction(tr("Refresh"), this, &RegistriesPage::refresh);
    toolbar->addAction(tr("Pull to host…"), this, &RegistriesPage::pullSelectedTag);
    toolbar->addAction(tr("Copy pull command"), this, &RegistriesPage::copyPullCommand);
    toolbar->addAction(tr("Delete tag…"), this, &RegistriesPage::deleteSelectedTag);

    m_filter->setPlaceholderText(tr("Filter repositories, or type a name to open"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *repoBox = new QWidget;
    auto *rl = new QVBoxLayout(repoBox);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addWidget(m_filter);
    rl->addWidget(m_repositories);
    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(m_tags);
    right->addWidget(m_layers);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    auto *split = new QSplitter;
    split->addWidget(m_registries);
    split->addWidget(repoBox);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setStretchFactor(2, 4);
    auto *l = new QVBoxLayout(this);
    l->addWidget(toolbar);
    l->addWidget(m_status);
    l->addWidget(split, 1);

    connect(m_registries, &QListWidget::currentTextChanged, this, &RegistriesPage::selectRegistry);
    connect(m_repositories, &QListWidget::currentTextChanged, this, [this](const QString &r) {
        if (!r.isEmpty())
            selectRepository(r);
    });
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int i = 0; i < m_repositories->count(); ++i)
            m_repositories->item(i)->setHidden(!m_repositories->item(i)->text().contains(text, Qt::CaseInsensitive));
    });
    // Enter opens a repository by name (Docker Hub has no catalog).
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        const QString name = m_filter->text().trimmed();
        if (!name.isEmpty())
            selectRepository(name);
    });
    connect(m_tags, &QTableWidget::currentCellChanged, this, [this](int row) { showLayers(row); });
    if (m_store)
        connect(m_store, &RegistryStore::changed, this, &RegistriesPage::fillRegistries);
    fillRegistries();
}

void RegistriesPage::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020") : QString());
}

void RegistriesPage::fillRegistries()
{
    const QString keep = m_registries->currentItem() ? m_registries->currentItem()->text() : QString();
    QSignalBlocker block(m_registries);
    m_registries->clear();
    if (!m_store)
        return;
    for (const auto &r : m_store->registries()) {
        auto *item = new QListWidgetItem(r.name, m_registries);
        item->setToolTip(r.url);
    }
    block.unblock();
    const auto found = m_registries->findItems(keep, Qt::MatchExactly);
    if (!found.isEmpty())
        m_registries->setCurrentItem(found.first());
}

std::optional<RegistryConfig> RegistriesPage::current() const
{
    if (!m_store || !m_registries->currentItem())
        return std::nullopt;
    if (const auto *r = m_store->find(m_registries->currentItem()->text()))
        return *r;
    return std::nullopt;
}

void RegistriesPage::selectRegistry(const QString &name)
{
    ++m_generation;
    m_repositories->clear();
    m_tags->setRowCount(0);
    m_layers->setRowCount(0);
    m_details.clear();
    m_repository.clear();
    m_browser->close();
    if (m_registries->currentItem() == nullptr || m_registries->currentItem()->text() != name) {
        const auto found = m_registries->findItems(name, Qt::MatchExactly);
        if (found.isEmpty())
            return;
        QSignalBlocker block(m_registries);
        m_registries->setCurrentItem(found.first());
    }
    const auto reg = current();
    if (!reg)
        return;
    setStatus(tr("Loading the repositories of %1…").arg(reg->name));
    const quint64 gen = m_generation;
    QPointer<RegistriesPage> self(this);
    m_browser->open(*reg, m_hosts->credentials(), [self, gen, reg](const Expected<QStringList> &repos) {
        if (!self || gen != self->m_generation)
            return;
        if (!repos) {
            self->setStatus(repos.error().message, true);
            Q_EMIT self->repositoriesLoaded();
            return;
        }
        QSignalBlocker block(self->m_repositories);
        self->m_repositories->addItems(*repos);
        block.unblock();
        self->setStatus(tr("%n repositories in %1", nullptr, int(repos->size())).arg(reg->name));
        Q_EMIT self->repositoriesLoaded();
    });
}

void RegistriesPage::selectRepository(const QString &repository)
{
    if (!m_browser->isOpen())
        return;
    ++m_generation;
    m_repository = repository;
    m_tags->setRowCount(0);
    m_layers->setRowCount(0);
    m_details.clear();
    setStatus(tr("Loading the tags of %1…").arg(repository));
    const quint64 gen = m_generation;
    QPointer<RegistriesPage> self(this);
    m_browser->tags(repository, [self, gen, repository](const Expected<QStringList> &tags) {
        if (!self || gen != self->m_generation)
            return;
        if (!tags) {
            self->setStatus(tags.error().message, true);
            Q_EMIT self->tagsLoaded();
            return;
        }
        self->m_tags->setRowCount(int(tags->size()));
        for (int r = 0; r < tags->size(); ++r) {
            self->m_tags->setItem(r, 0, new QTableWidgetItem(tags->at(r)));
            for (int c = 1; c < 5; ++c)
                self->m_tags->setItem(r, c, new QTableWidgetItem(c == 1 ? tr("loading…") : QString()));
        }
        if (tags->isEmpty()) {
            self->setStatus(tr("%1 has no tags.").arg(repository));
            Q_EMIT self->tagsLoaded();
            return;
        }
        // Every tag's details at once: QNetworkAccessManager runs them in parallel.
        auto pending = std::make_shared<int>(int(tags->size()));
        for (int r = 0; r < tags->size(); ++r) {
            const QString tag = tags->at(r);
            self->m_browser->image(repository, tag, [self, gen, r, tag, pending, repository](const Expected<RegistryImage> &img) {
                if (!self || gen != self->m_generation)
                    return;
                if (!img) {
                    self->m_tags->item(r, 1)->setText(img.error().message);
                } else {
                    self->m_details.insert(tag, *img);
                    QStringList platforms;
                    if (img->isIndex)
                        for (const auto &p : img->platforms)
                            platforms << p.os + QLatin1Char('/') + p.architecture + (p.variant.isEmpty() ? QString() : QLatin1Char('/') + p.variant);
                    else
                        platforms << img->os + QLatin1Char('/') + img->architecture;
                    self->m_tags->item(r, 1)->setText(img->digest.left(19));
                    self->m_tags->item(r, 1)->setToolTip(img->digest);
                    self->m_tags->item(r, 2)->setText(formatSize(double(img->size)));
                    self->m_tags->item(r, 3)->setText(img->created.isValid() ? QLocale().toString(img->created.toLocalTime(), QLocale::ShortFormat) : QString());
                    self->m_tags->item(r, 4)->setText(platforms.join(QStringLiteral(", ")));
                    if (self->m_tags->currentRow() == r)
                        self->showLayers(r);
                }
                if (--*pending == 0) {
                    self->m_tags->resizeColumnsToContents();
                    self->setStatus(tr("%1: %n tags", nullptr, self->m_tags->rowCount()).arg(repository));
                    Q_EMIT self->tagsLoaded();
                }
            });
        }
    });
}

void RegistriesPage::showLayers(int row)
{
    m_layers->setRowCount(0);
    if (row < 0 || !m_tags->item(row, 0))
        return;
    const auto it = m_details.constFind(m_tags->item(row, 0)->text());
    if (it == m_details.cend())
        return;
    m_layers->setRowCount(int(it->layers.size()));
    for (int r = 0; r < it->layers.size(); ++r) {
        const auto &l = it->layers[r];
        m_layers->setItem(r, 0, new QTableWidgetItem(l.digest));
        m_layers->setItem(r, 1, new QTableWidgetItem(formatSize(double(l.size))));
        m_layers->setItem(r, 2, new QTableWidgetItem(l.mediaType));
    }
    m_layers->resizeColumnsToContents();
    Q_EMIT layersLoaded();
}

QString RegistriesPage::selectedTag() const
{
    const int row = m_tags->currentRow();
    return row >= 0 && m_tags->item(row, 0) ? m_tags->item(row, 0)->text() : QString();
}

QString RegistriesPage::imageName(const QString &tag) const
{
    const auto reg = current();
    if (!reg)
        return {};
    QString repo = m_repository;
    if (reg->isDockerHub() && repo.startsWith(QLatin1String("library/")))
        repo = repo.mid(8);
    return (reg->isDockerHub() ? QString() : reg->imagePrefix() + QLatin1Char('/')) + repo + QLatin1Char(':') + tag;
}

void RegistriesPage::copyPullCommand()
{
    const QString tag = selectedTag();
    if (tag.isEmpty())
        return setStatus(tr("Select a tag first."), true);
    m_copied = QStringLiteral("docker pull ") + imageName(tag);
    QApplication::clipboard()->setText(m_copied);
    setStatus(tr("Copied: %1").arg(m_copied));
}

void RegistriesPage::pullSelectedTag()
{
    const QString tag = selectedTag();
    if (tag.isEmpty())
        return setStatus(tr("Select a tag first."), true);
    const QString hostId = askHost(tr("Pull %1 to").arg(imageName(tag)));
    HostConnection *c = hostId.isEmpty() ? nullptr : m_hosts->connection(hostId);
    if (!c)
        return;
    m_hosts->imageActions(c)->pull(imageName(tag));
    setStatus(tr("Pulling %1 to %2: see the task list.").arg(imageName(tag), c->config().name));
}

void RegistriesPage::deleteSelectedTag()
{
    const QString tag = selectedTag();
    if (tag.isEmpty() || !m_browser->isOpen())
        return setStatus(tr("Select a tag first."), true);
    QStringList sameDigest;
    const QString digest = m_details.value(tag).digest;
    for (auto it = m_details.cbegin(); it != m_details.cend(); ++it)
        if (!digest.isEmpty() && it->digest == digest && it.key() != tag)
            sameDigest << it.key();
    QString q = tr("Delete %1 from the registry?").arg(imageName(tag));
    if (!sameDigest.isEmpty())
        q += QLatin1Char('\n') + tr("These tags point to the same image and go with it: %1.").arg(sameDigest.join(QStringLiteral(", ")));
    if (!confirm(q))
        return;
    QPointer<RegistriesPage> self(this);
    const QString repo = m_repository;
    m_browser->remove(repo, tag, [self, repo, tag](const Expected<QString> &d) {
        if (!self)
            return;
        if (!d)
            return self->setStatus(d.error().message, true);
        self->selectRepository(repo);
        self->setStatus(tr("Deleted %1 (%2).").arg(tag, *d));
    });
}

void RegistriesPage::refresh()
{
    const QString repo = m_repository;
    if (m_registries->currentItem())
        selectRegistry(m_registries->currentItem()->text());
    if (!repo.isEmpty()) {
        connect(this, &RegistriesPage::repositoriesLoaded, this, [this, repo] { selectRepository(repo); }, Qt::SingleShotConnection);
    }
}

void RegistriesPage::addRegistry()
{
    if (!m_store)
        return;
    const QString url = askText(tr("Add a registry"), tr("Address (host[:port] or https://host):")).trimmed();
    if (url.isEmpty())
        return;
    const auto parsed = RegistryClient::parseUrl(url);
    if (!parsed)
        return setStatus(parsed.error().message, true);
    const QString name = askText(tr("Add a registry"), tr("Name:")).trimmed();
    if (name.isEmpty())
        return;
    if (auto e = m_store->add(RegistryConfig{name, parsed->toString(), {}, {}}); e.isError())
        return setStatus(e.message, true);
    selectRegistry(name);
}

void RegistriesPage::removeRegistry()
{
    const auto reg = current();
    if (!reg || !m_store)
        return;
    QString q = tr("Remove %1 from the registry list? Its images stay in the registry.").arg(reg->name);
    if (!reg->containerId.isEmpty())
        q += QLatin1Char('\n') + tr("The registry container Wharf started keeps running; remove it on its host's containers page.");
    if (!confirm(q))
        return;
    if (auto e = m_store->remove(reg->name); e.isError())
        return setStatus(e.message, true);
    setStatus(tr("Removed %1 from the list.").arg(reg->name));
}

void RegistriesPage::login()
{
    const auto reg = current();
    if (!reg || !m_hosts->credentials())
        return;
    const auto l = askLogin(reg->name);
    if (!l)
        return;
    setStatus(tr("Checking the login with %1…").arg(reg->name));
    QPointer<RegistriesPage> self(this);
    RegistryLogins::login(m_hosts->credentials(), *reg, l->username, l->password, [self, reg](const Error &e) {
        if (!self)
            return;
        if (e.isError())
            return self->setStatus(e.message, true);
        self->setStatus(tr("Logged in to %1; the password is in the keychain.").arg(reg->name));
        self->selectRegistry(reg->name);
    });
}

void RegistriesPage::logout()
{
    const auto reg = current();
    if (!reg || !m_hosts->credentials())
        return;
    QPointer<RegistriesPage> self(this);
    RegistryLogins::logout(m_hosts->credentials(), reg->serverAddress(), [self, reg](const Error &e) {
        if (!self)
            return;
        if (e.isError())
            return self->setStatus(e.message, true);
        self->setStatus(tr("Logged out of %1.").arg(reg->name));
    });
}

void RegistriesPage::runLocalRegistry()
{
    if (!m_store)
        return;
    const LocalRegistryForm f = askLocalRegistry();
    if (!f.accepted)
        return;
    HostConnection *c = m_hosts->connection(f.hostId);
    if (!c)
        return setStatus(tr("Choose a host to run the registry on."), true);
    LocalRegistryDeployer::Options o;
    o.name = f.name;
    o.port = f.port;
    o.image = f.image.isEmpty() ? o.image : f.image;
    o.hostId = f.hostId;
    if (!f.bindAddress.isEmpty())
        o.bindAddress = f.bindAddress;
    if (o.bindAddress != QLatin1String("127.0.0.1") && o.bindAddress != QLatin1String("0.0.0.0"))
        o.address = o.bindAddress; // reached where it is published
    startLocalRegistry(c, o);
}

void RegistriesPage::startLocalRegistry(HostConnection *c, const LocalRegistryDeployer::Options &o)
{
    auto *d = new LocalRegistryDeployer(c->client(), c->operations(), m_store, o, this);
    const int task = m_hosts->tasks() ? m_hosts->tasks()->begin(tr("Run registry %1 on %2").arg(o.name, c->config().name)) : 0;
    connect(d, &LocalRegistryDeployer::progress, this, [this](const QString &s) { setStatus(s); });
    if (m_hosts->tasks() && task)
        m_hosts->tasks()->setCanceller(task, [d = QPointer<LocalRegistryDeployer>(d)] {
            if (d)
                d->cancel();
        });
    connect(d, &LocalRegistryDeployer::finished, this, [this, d, task](const Error &e) {
        d->deleteLater();
        if (e.isError()) {
            if (m_hosts->tasks())
                m_hosts->tasks()->fail(task, e.message);
            return setStatus(e.message, true);
        }
        if (m_hosts->tasks())
            m_hosts->tasks()->succeed(task, d->result().url);
        setStatus(tr("Registry %1 runs at %2.").arg(d->result().name, d->result().url));
        selectRegistry(d->result().name);
    });
    d->start();
}

} // namespace Wharf::Ui
