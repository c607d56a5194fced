#include "cli.h"
#include "operations/operations.h"
#include "terminal.h"

#include "docker/format.h"
#include "docker/imageref.h"
#include "registries/registrystore.h"
#include "registry/registryclient.h"

#include <QDateTime>
#include <QFile>
#include <QJsonObject>

namespace Wharf::App {

using namespace Backends;
using Models::RegistryConfig;
namespace RegistryLogins = Models::RegistryLogins;

namespace {
QJsonObject imageJson(const RegistryImage &img)
{
    QJsonArray layers;
    for (const auto &l : img.layers)
        layers.append(QJsonObject{{QStringLiteral("digest"), l.digest}, {QStringLiteral("size"), double(l.size)},
                                  {QStringLiteral("mediaType"), l.mediaType}});
    QJsonArray platforms;
    for (const auto &p : img.platforms)
        platforms.append(QJsonObject{{QStringLiteral("digest"), p.digest}, {QStringLiteral("os"), p.os},
                                     {QStringLiteral("architecture"), p.architecture}, {QStringLiteral("variant"), p.variant}});
    QJsonObject o{{QStringLiteral("reference"), img.reference},
                  {QStringLiteral("digest"), img.digest},
                  {QStringLiteral("mediaType"), img.mediaType},
                  {QStringLiteral("os"), img.os},
                  {QStringLiteral("architecture"), img.architecture},
                  {QStringLiteral("created"), img.created.isValid() ? img.created.toString(Qt::ISODate) : QString()},
                  {QStringLiteral("size"), double(img.size)},
                  {QStringLiteral("config"), img.config},
                  {QStringLiteral("layers"), layers}};
    if (img.isIndex)
        o.insert(QStringLiteral("platforms"), platforms);
    return o;
}
} // namespace

// A registry named on the command line: a saved one by name, or an address.
static Expected<RegistryConfig> resolveRegistry(Models::RegistryStore *store, const QString &text)
{
    if (const auto *r = store->find(text.isEmpty() ? QStringLiteral("docker.io") : text))
        return *r;
    const auto url = RegistryClient::parseUrl(text);
    if (!url)
        return url.error();
    return RegistryConfig{url->authority(), url->toString(), {}, {}};
}

void Cli::cmdLogin(const QStringList &a)
{
    FlagParser f = flagsOf("login");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    if (f.positional().size() > 1)
        return failUsage(QCoreApplication::translate("wharfctl", "usage: wharfctl login [REGISTRY] -u USER [--password-stdin]"));
    const auto reg = resolveRegistry(registries(), f.positional().value(0));
    if (!reg)
        return failUsage(reg.error().message);
    const QString user = f.value(QStringLiteral("-u"));
    if (user.isEmpty())
        return failUsage(QCoreApplication::translate("wharfctl", "give the user name with -u USER"));
    QString password;
    if (f.isSet(QStringLiteral("-p")) && !f.isSet(QStringLiteral("--password-stdin"))) {
        m_err << QCoreApplication::translate("wharfctl", "Warning: a password on the command line is visible to other users; use --password-stdin.") << Qt::endl;
        password = f.value(QStringLiteral("-p"));
        if (password.isEmpty())
            return failUsage(QCoreApplication::translate("wharfctl", "the password is empty"));
    } else {
        const auto given = this->password(f.isSet(QStringLiteral("--password-stdin")),
                                          QCoreApplication::translate("wharfctl", "Password for %1 at %2: ").arg(user, reg->name));
        if (!given)
            return;
        password = *given;
    }
    RegistryLogins::login(credentials(), *reg, user, password, [this, reg](const Error &e) {
        if (e.isError())
            return fail(e.message);
        m_out << QCoreApplication::translate("wharfctl", "Login Succeeded (%1; the password is in the keychain)").arg(reg->serverAddress()) << Qt::endl;
        finish(0);
    });
}

void Cli::cmdLogout(const QStringList &a)
{
    if (a.size() > 1)
        return failUsage(QCoreApplication::translate("wharfctl", "usage: wharfctl logout [REGISTRY]"));
    const auto reg = resolveRegistry(registries(), a.value(0));
    if (!reg)
        return failUsage(reg.error().message);
    RegistryLogins::logout(credentials(), reg->serverAddress(), [this, reg](const Error &e) {
        if (e.isError())
            return fail(e.message);
        m_out << QCoreApplication::translate("wharfctl", "Removed the login for %1").arg(reg->serverAddress()) << Qt::endl;
        finish(0);
    });
}

void Cli::cmdRegistry(const QStringList &all)
{
    const QString sub = all.value(0);
    const QStringList a = all.mid(1);
    FlagParser f = flagsOf("registry");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    const QStringList pos = f.positional();
    auto *store = registries();
    if (sub == QLatin1String("ls")) {
        if (m_json) {
            QJsonArray out;
            for (const auto &r : store->registries())
                out.append(QJsonObject{{QStringLiteral("name"), r.name},
                                       {QStringLiteral("url"), r.url},
                                       {QStringLiteral("address"), r.serverAddress()},
                                       {QStringLiteral("host"), r.hostId},
                                       {QStringLiteral("container"), r.containerId}});
            printJson(out);
            return finish(0);
        }
        QList<QStringList> rows;
        for (const auto &r : store->registries())
            rows << QStringList{r.name, r.url, r.containerId.isEmpty() ? QString() : QCoreApplication::translate("wharfctl", "run by Wharf")};
        printTable({QStringLiteral("NAME"), QStringLiteral("URL"), QStringLiteral("")}, rows);
        return finish(0);
    }
    if (sub == QLatin1String("add")) {
        if (pos.size() != 2)
            return failUsage(QCoreApplication::translate("wharfctl", "usage: wharfctl registry add NAME URL"));
        if (auto e = store->add(RegistryConfig{pos[0], pos[1], {}, {}}); e.isError())
            return fail(e.message);
        return finish(0);
    }
    if (sub == QLatin1String("remove")) {
        if (pos.size() != 1)
            return failUsage(QCoreApplication::translate("wharfctl", "usage: wharfctl registry remove NAME"));
        if (auto e = store->remove(pos[0]); e.isError())
            return fail(e.message);
        return finish(0);
    }
    auto withClient = [this, store](const RegistryConfig &reg, std::function<void(RegistryClient *)> then) {
        if (qEnvironmentVariable("WHARF_KEYCHAIN") == QLatin1String("none")) {
            const auto url = RegistryClient::parseUrl(reg.url);
            if (!url)
                return fail(url.error().message);
            return then(new RegistryClient(*url, this));
        }
        RegistryLogins::client(credentials(), reg, this, [this, then](const Expected<RegistryClient *> &c) {
            if (!c)
                return fail(c.error().message);
            then(*c);
        });
        Q_UNUSED(store);
    };
    if (sub == QLatin1String("repos")) {
        if (pos.size() != 1)
            return failUsage(QCoreApplication::translate("wharfctl", "usage: wharfctl registry repos REGISTRY"));
        const auto reg = resolveRegistry(store, pos[0]);
        if (!reg)
            return failUsage(reg.error().message);
        const int limit = f.value(QStringLiteral("-n"), QStringLiteral("0")).toInt();
        return withClient(*reg, [this, limit](RegistryClient *c) {
            c->repositories([this](const Expected<QStringList> &repos) {
                if (!repos)
                    return fail(repos.error().message);
                if (m_json) {
                    printJson(QJsonArray::fromStringList(*repos));
                } else {
                    for (const QString &r : *repos)
                        m_out << r << '\n';
                }
                finish(0);
            }, 1000, limit);
        });
    }
    if (sub == QLatin1String("tags") || sub == QLatin1String("inspect") || sub == QLatin1String("rm")) {
        if (pos.size() != 1)
            return failUsage(QCoreApplication::translate("wharfctl", "usage: wharfctl registry %1 REGISTRY/REPOSITORY%2")
                                 .arg(sub, sub == QLatin1String("tags") ? QString() : QStringLiteral(":TAG")));
        const auto split = store->splitRepository(pos[0]);
        if (!split)
            return failUsage(split.error().message);
        const RegistryConfig reg = split->first;
        QString repo = split->second;
        QString ref;
        const qsizetype at = repo.indexOf(QLatin1Char('@'));
        const qsizetype colon = repo.lastIndexOf(QLatin1Char(':'));
        if (at > 0) {
            ref = repo.mid(at + 1);
            repo = repo.left(at);
        } else if (colon > 0) {
            ref = repo.mid(colon + 1);
            repo = repo.left(colon);
        }
        if (sub == QLatin1String("tags")) {
            if (!ref.isEmpty())
                return failUsage(QCoreApplication::translate("wharfctl", "registry tags takes a repository without a tag"));
            const bool quiet = f.isSet(QStringLiteral("-q"));
            return withClient(reg, [this, repo, quiet](RegistryClient *c) {
                c->tags(repo, [this, c, repo, quiet](const Expected<QStringList> &tags) {
                    if (!tags)
                        return fail(tags.error().message);
                    if (quiet) {
                        for (const QString &t : *tags)
                            m_out << t << '\n';
                        return finish(0);
                    }
                    // Details of every tag, asked for in parallel.
                    auto results = std::make_shared<QMap<QString, Expected<RegistryImage>>>();
                    auto pending = std::make_shared<int>(int(tags->size()));
                    auto print = [this, results, tags = *tags] {
                        if (m_json) {
                            QJsonArray out;
                            for (const QString &t : tags) {
                                const auto &r = results->value(t, Error());
                                QJsonObject o = r ? imageJson(*r) : QJsonObject{{QStringLiteral("error"), r.error().message}};
                                o.insert(QStringLiteral("tag"), t);
                                o.remove(QStringLiteral("config"));
                                out.append(o);
                            }
                            printJson(out);
                            return finish(0);
                        }
                        QList<QStringList> rows;
                        const qint64 now = QDateTime::currentSecsSinceEpoch();
                        for (const QString &t : tags) {
                            const auto &r = results->value(t, Error());
                            if (!r) {
                                rows << QStringList{t, QString(), QString(), QString(), r.error().message};
                                continue;
                            }
                            QString arch = r->isIndex ? QStringList([&] {
                                QStringList l;
                                for (const auto &p : r->platforms)
                                    l << p.os + QLatin1Char('/') + p.architecture;
                                return l;
                            }()).join(QLatin1Char(','))
                                                      : r->os + QLatin1Char('/') + r->architecture;
                            rows << QStringList{t, r->digest.left(19), formatSize(double(r->size)),
                                                r->created.isValid() ? formatAge(r->created.toSecsSinceEpoch(), now) : QString(), arch};
                        }
                        printTable({QStringLiteral("TAG"), QStringLiteral("DIGEST"), QStringLiteral("SIZE"), QStringLiteral("CREATED"),
                                    QStringLiteral("PLATFORM")},
                                   rows);
                        finish(0);
                    };
                    if (tags->isEmpty())
                        return print();
                    for (const QString &t : *tags) {
                        c->image(repo, t, [results, pending, print, t](const Expected<RegistryImage> &img) {
                            results->insert(t, img);
                            if (--*pending == 0)
                                print();
                        });
                    }
                });
            });
        }
        if (ref.isEmpty())
            return failUsage(QCoreApplication::translate("wharfctl", "give a tag or digest: REGISTRY/REPOSITORY:TAG"));
        if (sub == QLatin1String("inspect")) {
            return withClient(reg, [this, repo, ref](RegistryClient *c) {
                c->image(repo, ref, [this](const Expected<RegistryImage> &img) {
                    if (!img)
                        return fail(img.error().message);
                    printJson(imageJson(*img));
                    finish(0);
                });
            });
        }
        return withClient(reg, [this, repo, ref](RegistryClient *c) {
            c->deleteImage(repo, ref, [this](const Expected<QString> &digest) {
                if (!digest)
                    return fail(digest.error().message);
                m_out << QCoreApplication::translate("wharfctl", "Deleted: %1").arg(*digest) << '\n';
                finish(0);
            });
        });
    }
    failUsage(QCoreApplication::translate("wharfctl", "usage: wharfctl registry ls|add|remove|repos|tags|inspect|rm|run ..."));
}

} // namespace Wharf::App

#include "registries/localregistry.h"

namespace Wharf::App {

void Cli::cmdRegistryRun(const QStringList &a)
{
    FlagParser f = flagsOf("registry run");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    if (!f.positional().isEmpty())
        return failUsage(QCoreApplication::translate("wharfctl", "usage: wharfctl registry run [--name N] [--port P] [--image I] [--volume V] [--bind ADDR]"));
    Models::LocalRegistryDeployer::Options o;
    o.name = f.value(QStringLiteral("--name"), o.name);
    bool ok = true;
    o.port = f.value(QStringLiteral("--port"), QString::number(o.port)).toInt(&ok);
    if (!ok)
        return failUsage(QCoreApplication::translate("wharfctl", "--port needs a number"));
    o.image = f.value(QStringLiteral("--image"), o.image);
    o.volume = f.value(QStringLiteral("--volume"));
    o.bindAddress = f.value(QStringLiteral("--bind"), o.bindAddress);
    o.address = f.value(QStringLiteral("--address"));
    auto *d = new Models::LocalRegistryDeployer(m_client, ops(), registries(), o, this);
    connect(d, &Models::LocalRegistryDeployer::progress, this, [this](const QString &s) { m_err << s << Qt::endl; });
    connect(d, &Models::LocalRegistryDeployer::finished, this, [this, d](const Error &e) {
        d->deleteLater();
        if (e.isError())
            return fail(e.message);
        m_out << QCoreApplication::translate("wharfctl", "Registry \"%1\" runs at %2 (container %3)").arg(d->result().name, d->result().url, shortId(d->result().containerId))
              << Qt::endl;
        finish(0);
    });
    d->start();
}

} // namespace Wharf::App
