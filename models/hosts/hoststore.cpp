#include "hoststore.h"

#include "core/paths.h"

#include "secrets/credentialstore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QPointer>
#include <QUuid>

namespace Wharf::Models {

using namespace Backends;

Expected<Endpoint> HostConfig::endpoint() const
{
    auto ep = Endpoint::parse(url, tls, useTls, labMode);
    if (ep && ep->scheme() == Endpoint::Ssh) {
        Endpoint e = *ep;
        SshSettings s = SshSettings::forUser(HostStore::knownHostsFile());
        if (!sshIdentityFile.isEmpty())
            s.identityFiles = {sshIdentityFile};
        s.systemSsh = sshSystemClient;
        e.setSshSettings(s);
        return e;
    }
    return ep;
}

QString HostStore::knownHostsFile()
{
    return defaultConfigDir() + QStringLiteral("/known_hosts");
}

QString HostConfig::secretKey(QStringView what) const
{
    return CredentialStore::key(u"host", id, what);
}

QString HostStore::defaultConfigDir()
{
    return Backends::configDir();
}

const HostConfig *HostStore::findByName(const QString &name) const
{
    for (const auto &h : m_hosts)
        if (h.name == name)
            return &h;
    return nullptr;
}

HostStore::HostStore(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_path(filePath)
{
}

Error HostStore::load()
{
    m_hosts.clear();
    QFile f(m_path);
    if (!f.exists())
        return {};
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(Error::Input, tr("Cannot read the host list %1: %2.").arg(m_path, f.errorString()));
    QJsonParseError pe;
    const auto doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError)
        return Error::make(Error::Input, tr("The host list %1 is damaged (%2); it was left as it is.").arg(m_path, pe.errorString()));
    for (const auto &v : doc.object().value(QLatin1String("hosts")).toArray()) {
        const QJsonObject o = v.toObject();
        HostConfig h;
        h.id = o.value(QLatin1String("id")).toString();
        h.name = o.value(QLatin1String("name")).toString();
        h.group = o.value(QLatin1String("group")).toString();
        h.url = o.value(QLatin1String("url")).toString();
        h.useTls = o.value(QLatin1String("tls")).toBool();
        h.labMode = o.value(QLatin1String("lab")).toBool();
        h.tls.caCert = o.value(QLatin1String("ca")).toString();
        h.tls.clientCert = o.value(QLatin1String("cert")).toString();
        h.tls.clientKey = o.value(QLatin1String("key")).toString();
        h.tlsKeyInKeychain = o.value(QLatin1String("keyInKeychain")).toBool();
        h.sshIdentityFile = o.value(QLatin1String("sshKey")).toString();
        h.sshSystemClient = o.value(QLatin1String("sshClient")).toString() == QLatin1String("openssh");
        if (!h.id.isEmpty() && !h.url.isEmpty())
            m_hosts << h;
    }
    return {};
}

Error HostStore::save() const
{
    QJsonArray list;
    for (const auto &h : m_hosts)
        list.append(QJsonObject{{QStringLiteral("id"), h.id},
                                {QStringLiteral("name"), h.name},
                                {QStringLiteral("group"), h.group},
                                {QStringLiteral("url"), h.url},
                                {QStringLiteral("tls"), h.useTls},
                                {QStringLiteral("lab"), h.labMode},
                                {QStringLiteral("ca"), h.tls.caCert},
                                {QStringLiteral("cert"), h.tls.clientCert},
                                {QStringLiteral("key"), h.tls.clientKey},
                                {QStringLiteral("keyInKeychain"), h.tlsKeyInKeychain},
                                {QStringLiteral("sshKey"), h.sshIdentityFile},
                                {QStringLiteral("sshClient"), h.sshSystemClient ? QStringLiteral("openssh") : QStringLiteral("libssh2")}});
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly))
        return Error::make(Error::Input, tr("Cannot write the host list %1: %2.").arg(m_path, f.errorString()));
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("hosts"), list}}).toJson());
    if (!f.commit())
        return Error::make(Error::Input, tr("Cannot write the host list %1: %2.").arg(m_path, f.errorString()));
    return {};
}

const HostConfig *HostStore::find(const QString &id) const
{
    for (const auto &h : m_hosts)
        if (h.id == id)
            return &h;
    return nullptr;
}

Expected<QString> HostStore::add(HostConfig config)
{
    if (config.name.trimmed().isEmpty())
        return Error::make(Error::Input, tr("Give the host a name."));
    for (const auto &h : m_hosts)
        if (h.name == config.name)
            return Error::make(Error::Input, tr("A host named \"%1\" exists already.").arg(config.name));
    auto ep = config.endpoint();
    if (!ep)
        return ep.error();
    config.url = ep->url();
    if (config.id.isEmpty())
        config.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_hosts << config;
    if (auto e = save(); e.isError()) {
        m_hosts.removeLast();
        return e;
    }
    Q_EMIT hostAdded(config.id);
    return config.id;
}

Error HostStore::remove(const QString &id)
{
    for (qsizetype i = 0; i < m_hosts.size(); ++i) {
        if (m_hosts[i].id == id) {
            const HostConfig old = m_hosts.takeAt(i);
            if (auto e = save(); e.isError()) {
                m_hosts.insert(i, old);
                return e;
            }
            Q_EMIT hostRemoved(id);
            return {};
        }
    }
    return Error::make(Error::Input, tr("No such host."));
}

Error HostStore::setGroup(const QString &id, const QString &groupIn)
{
    const QString group = groupIn.trimmed();
    for (auto &h : m_hosts) {
        if (h.id != id)
            continue;
        if (h.group == group)
            return {};
        const QString old = std::exchange(h.group, group);
        if (auto e = save(); e.isError()) {
            h.group = old;
            return e;
        }
        Q_EMIT hostChanged(id);
        return {};
    }
    return Error::make(Error::Input, tr("No such host."));
}

Error HostStore::renameGroup(const QString &from, const QString &toIn)
{
    const QString to = toIn.trimmed();
    if (to.isEmpty())
        return Error::make(Error::Input, tr("Give the group a name."));
    QStringList changed;
    for (auto &h : m_hosts)
        if (h.group == from) {
            h.group = to;
            changed << h.id;
        }
    if (changed.isEmpty())
        return Error::make(Error::Input, tr("There is no group \"%1\".").arg(from));
    if (auto e = save(); e.isError()) {
        for (auto &h : m_hosts)
            if (changed.contains(h.id))
                h.group = from;
        return e;
    }
    for (const auto &id : std::as_const(changed))
        Q_EMIT hostChanged(id);
    return {};
}

QStringList HostStore::groups() const
{
    QStringList out;
    for (const auto &h : m_hosts)
        if (!out.contains(h.group))
            out << h.group;
    return out;
}

namespace HostSecrets {

Error check(const HostStore &store, const HostConfig &config, const QByteArray &tlsKeyPem)
{
    if (config.name.trimmed().isEmpty())
        return Error::make(Error::Input, HostStore::tr("Give the host a name."));
    if (store.findByName(config.name))
        return Error::make(Error::Input, HostStore::tr("A host named \"%1\" exists already.").arg(config.name));
    HostConfig c = config;
    c.tls.clientKeyPem = tlsKeyPem;
    auto ep = c.endpoint();
    if (!ep)
        return ep.error();
    if (ep->usesTls())
        if (auto ssl = ep->sslConfiguration(); !ssl)
            return ssl.error();
    return {};
}

void add(HostStore *store, CredentialStore *credentials, HostConfig config, const QByteArray &tlsKeyPem,
         std::function<void(const Expected<QString> &)> done)
{
    if (auto e = check(*store, config, tlsKeyPem); e.isError())
        return done(e);
    config.tls.clientKey.clear();
    config.tls.clientKeyPem.clear();
    if (tlsKeyPem.isEmpty()) {
        config.tlsKeyInKeychain = false;
        return done(store->add(config));
    }
    if (!credentials)
        return done(Error::make(Error::Secret, HostStore::tr("No keychain is available to keep the private key.")));
    if (config.id.isEmpty())
        config.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    config.tlsKeyInKeychain = true;
    QPointer<HostStore> guard(store);
    credentials->write(config.secretKey(u"tls-key"), tlsKeyPem, [guard, credentials, config, done](const Error &e) {
        if (e.isError())
            return done(Error::make(e.kind, HostStore::tr("The host was not added: %1").arg(e.message)));
        if (!guard)
            return done(Error::make(Error::Canceled, HostStore::tr("The host list was closed.")));
        auto id = guard->add(config);
        if (!id) {
            credentials->remove(config.secretKey(u"tls-key"), [id, done](const Error &) { done(id); });
            return;
        }
        done(id);
    });
}

void remove(HostStore *store, CredentialStore *credentials, const QString &id, std::function<void(const Error &)> done)
{
    const HostConfig *h = store->find(id);
    if (!h)
        return done(Error::make(Error::Input, HostStore::tr("No such host.")));
    const HostConfig gone = *h;
    if (auto e = store->remove(id); e.isError())
        return done(e);
    if (!gone.tlsKeyInKeychain || !credentials)
        return done({});
    credentials->remove(gone.secretKey(u"tls-key"), [done](const Error &e) {
        done(e.isError() ? Error::make(e.kind, HostStore::tr("The host was removed, but its key is still in the keychain: %1").arg(e.message))
                         : Error());
    });
}

} // namespace HostSecrets

} // namespace Wharf::Models
