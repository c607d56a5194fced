#include "registrystore.h"
#include "docker/imageref.h"
#include "docker/buildcontext.h"

#include "hosts/hoststore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSaveFile>

namespace Wharf::Models {

using namespace Backends;

bool RegistryConfig::isDockerHub() const
{
    const QString host = QUrl(url).host();
    return host == QLatin1String("registry-1.docker.io") || host == QLatin1String("index.docker.io")
        || host == QLatin1String("docker.io");
}

QString RegistryConfig::serverAddress() const
{
    return isDockerHub() ? QStringLiteral("https://index.docker.io/v1/") : QUrl(url).authority();
}

QString RegistryConfig::imagePrefix() const
{
    return isDockerHub() ? QStringLiteral("docker.io") : QUrl(url).authority();
}

RegistryStore::RegistryStore(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_path(filePath)
{
    m_list << RegistryConfig{QString(DockerHubName), QString(DockerHubUrl), {}, {}};
}

QString RegistryStore::defaultFile()
{
    return HostStore::defaultConfigDir() + QStringLiteral("/registries.json");
}

Error RegistryStore::load()
{
    m_list = {RegistryConfig{QString(DockerHubName), QString(DockerHubUrl), {}, {}}};
    QFile f(m_path);
    if (!f.exists())
        return {};
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(Error::Input, tr("Cannot read the registry list %1: %2.").arg(m_path, f.errorString()));
    QJsonParseError pe;
    const auto doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError)
        return Error::make(Error::Input, tr("The registry list %1 is damaged (%2); it was left as it is.").arg(m_path, pe.errorString()));
    for (const auto &v : doc.object().value(QLatin1String("registries")).toArray()) {
        const QJsonObject o = v.toObject();
        RegistryConfig r{o.value(QLatin1String("name")).toString(), o.value(QLatin1String("url")).toString(),
                         o.value(QLatin1String("host")).toString(), o.value(QLatin1String("container")).toString()};
        if (r.name.isEmpty() || r.url.isEmpty() || r.isDockerHub())
            continue;
        m_list << r;
    }
    return {};
}

Error RegistryStore::save() const
{
    QJsonArray list;
    for (const auto &r : m_list) {
        if (r.isDockerHub())
            continue;
        QJsonObject o{{QStringLiteral("name"), r.name}, {QStringLiteral("url"), r.url}};
        if (!r.hostId.isEmpty())
            o.insert(QStringLiteral("host"), r.hostId);
        if (!r.containerId.isEmpty())
            o.insert(QStringLiteral("container"), r.containerId);
        list.append(o);
    }
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly))
        return Error::make(Error::Input, tr("Cannot write the registry list %1: %2.").arg(m_path, f.errorString()));
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("registries"), list}}).toJson());
    if (!f.commit())
        return Error::make(Error::Input, tr("Cannot write the registry list %1: %2.").arg(m_path, f.errorString()));
    return {};
}

const RegistryConfig *RegistryStore::find(const QString &text) const
{
    for (const auto &r : m_list)
        if (r.name == text)
            return &r;
    if (text == QLatin1String("docker.io") || text == QLatin1String("index.docker.io")
        || text == QLatin1String("https://index.docker.io/v1/"))
        return &m_list.first();
    const auto url = RegistryClient::parseUrl(text);
    if (url) {
        for (const auto &r : m_list)
            if (QUrl(r.url).authority() == url->authority())
                return &r;
    }
    return nullptr;
}

RegistryConfig RegistryStore::forImage(const ImageRef &ref) const
{
    if (ref.isDockerHub())
        return m_list.first();
    if (const auto *r = find(ref.registry))
        return *r;
    const auto url = RegistryClient::parseUrl(ref.registry);
    return RegistryConfig{ref.registry, url ? url->toString() : QStringLiteral("https://") + ref.registry, {}, {}};
}

Expected<QPair<RegistryConfig, QString>> RegistryStore::splitRepository(const QString &text) const
{
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash > 0) {
        if (const auto *r = find(text.left(slash)))
            return qMakePair(*r, text.mid(slash + 1));
    }
    auto ref = ImageRef::parse(text, false);
    if (!ref)
        return ref.error();
    QString repo = ref->repository;
    if (!ref->tag.isEmpty())
        repo += QLatin1Char(':') + ref->tag;
    if (!ref->digest.isEmpty())
        repo += QLatin1Char('@') + ref->digest;
    return qMakePair(forImage(*ref), repo);
}

Error RegistryStore::add(const RegistryConfig &config)
{
    if (config.name.trimmed().isEmpty())
        return Error::make(Error::Input, tr("A registry needs a name."));
    if (config.name.contains(QLatin1Char('/')))
        return Error::make(Error::Input, tr("A registry name cannot contain '/'."));
    for (const auto &r : m_list)
        if (r.name == config.name)
            return Error::make(Error::Input, tr("There is already a registry named \"%1\".").arg(config.name));
    const auto url = RegistryClient::parseUrl(config.url);
    if (!url)
        return url.error();
    RegistryConfig c = config;
    c.url = url->toString();
    for (const auto &r : m_list)
        if (QUrl(r.url).authority() == url->authority())
            return Error::make(Error::Input, tr("%1 is already in the list as \"%2\".").arg(url->authority(), r.name));
    m_list << c;
    if (auto e = save(); e.isError()) {
        m_list.removeLast();
        return e;
    }
    Q_EMIT changed();
    return {};
}

Error RegistryStore::remove(const QString &name)
{
    for (qsizetype i = 0; i < m_list.size(); ++i) {
        if (m_list[i].name != name)
            continue;
        if (m_list[i].isDockerHub())
            return Error::make(Error::Input, tr("Docker Hub stays in the list."));
        const RegistryConfig old = m_list.takeAt(i);
        if (auto e = save(); e.isError()) {
            m_list.insert(i, old);
            return e;
        }
        Q_EMIT changed();
        return {};
    }
    return Error::make(Error::NotFound, tr("There is no registry named \"%1\".").arg(name));
}

namespace RegistryLogins {

QString secretKey(const QString &serverAddress)
{
    return CredentialStore::key(u"registry", serverAddress, u"login");
}

void read(CredentialStore *store, const QString &address, std::function<void(const Expected<RegistryAuth> &)> done)
{
    store->read(secretKey(address), [address, done](const Expected<QByteArray> &v) {
        RegistryAuth auth;
        auth.serverAddress = address;
        if (!v) {
            if (v.error().kind == Error::NotFound)
                return done(auth);
            return done(v.error());
        }
        const QJsonObject o = QJsonDocument::fromJson(*v).object();
        auth.username = o.value(QLatin1String("username")).toString();
        auth.password = o.value(QLatin1String("password")).toString();
        done(auth);
    });
}

void forBuild(CredentialStore *store, const RegistryStore *registries, const QByteArray &dockerfile,
              std::function<void(const QList<RegistryAuth> &)> done)
{
    QStringList addresses;
    if (registries) {
        for (const RegistryConfig &r : registries->registries())
            addresses << r.serverAddress();
        for (const QString &image : BuildContext::baseImages(dockerfile))
            if (const auto ref = ImageRef::parse(image))
                addresses << registries->forImage(*ref).serverAddress();
    }
    addresses.removeDuplicates();
    addresses.removeAll(QString());
    if (!store || addresses.isEmpty())
        return done({});
    struct Gather
    {
        QList<RegistryAuth> found;
        qsizetype waiting = 0;
    };
    auto g = std::make_shared<Gather>();
    g->waiting = addresses.size();
    for (const QString &address : std::as_const(addresses)) {
        read(store, address, [g, done](const Expected<RegistryAuth> &a) {
            if (a && !a->isEmpty())
                g->found << *a;
            if (--g->waiting == 0)
                done(g->found);
        });
    }
}

void login(CredentialStore *store, const RegistryConfig &registry, const QString &username, const QString &password,
           std::function<void(const Error &)> done)
{
    const auto url = RegistryClient::parseUrl(registry.url);
    if (!url)
        return done(url.error());
    if (username.isEmpty())
        return done(Error::make(Error::Input, QCoreApplication::translate("Wharf::Models::RegistryStore", "A user name is needed.")));
    auto *client = new RegistryClient(*url);
    client->setCredentials(username, password);
    QPointer<CredentialStore> guard(store);
    client->ping([client, guard, registry, username, password, done](const Error &e) {
        client->deleteLater();
        if (e.isError())
            return done(e);
        if (!guard)
            return done(Error::make(Error::Canceled, QStringLiteral("canceled")));
        const QByteArray value = QJsonDocument(QJsonObject{{QStringLiteral("username"), username},
                                                           {QStringLiteral("password"), password}})
                                     .toJson(QJsonDocument::Compact);
        guard->write(secretKey(registry.serverAddress()), value, done);
    });
}

void logout(CredentialStore *store, const QString &address, std::function<void(const Error &)> done)
{
    store->remove(secretKey(address), done);
}

void client(CredentialStore *store, const RegistryConfig &registry, QObject *parent,
            std::function<void(const Expected<RegistryClient *> &)> done)
{
    const auto url = RegistryClient::parseUrl(registry.url);
    if (!url)
        return done(url.error());
    QPointer<QObject> guard(parent);
    const QUrl u = *url;
    read(store, registry.serverAddress(), [guard, u, done](const Expected<RegistryAuth> &auth) {
        // No keychain to read (a session without a Secret Service): go on without a login; a
        // registry that needs one says so.
        if (!auth)
            qCWarning(lcRegistry) << "no login could be read from the keychain:" << auth.error().message;
        auto *c = new RegistryClient(u, guard.data());
        if (auth && !auth->isEmpty())
            c->setCredentials(auth->username, auth->password);
        done(c);
    });
}

} // namespace RegistryLogins

} // namespace Wharf::Models
