#include "tenantprofile.h"

#include "docker/endpoint.h"
#include "hosts/hoststore.h"
#include "store/store.h"

#include <QRegularExpression>
#include <QUrl>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Wharf::Models {

using namespace Backends;

ConnectionProfile ConnectionProfile::of(const QString &tenant, const QList<TenantEndpoint> &endpoints, const QString &database)
{
    ConnectionProfile p;
    p.tenant = tenant;
    p.database = database;
    for (const TenantEndpoint &e : endpoints) {
        if (e.tenant != tenant)
            continue;
        // named after where the tenant's address goes (never the admin's own address for it):
        // the name the tenant's private domain knows it by
        p.hosts << Host{e.hostKey(), e.url, e.kind};
    }
    return p;
}

QString ConnectionProfile::databaseFor(const StoreUrl &platform, const QString &tenant)
{
    if (platform.engine != StoreUrl::Postgres)
        return {};
    StoreUrl url = platform;
    url.user = TenancyStore::roleOf(tenant);
    url.options.clear();
    return url.toString();
}

QByteArray ConnectionProfile::toJson() const
{
    QJsonArray hostList;
    for (const Host &h : hosts)
        hostList << QJsonObject{{QStringLiteral("name"), h.name}, {QStringLiteral("url"), h.url}, {QStringLiteral("kind"), h.kind}};
    QJsonObject o{{QStringLiteral("wharfProfile"), Version}, {QStringLiteral("tenant"), tenant}, {QStringLiteral("hosts"), hostList}};
    if (!database.isEmpty())
        o.insert(QStringLiteral("database"), database);
    return QJsonDocument(o).toJson();
}

Expected<ConnectionProfile> ConnectionProfile::parse(const QByteArray &json)
{
    if (json.size() > MaxBytes)
        return Error::make(Error::Input, tr("A connection profile is at most %1 KiB; this one has %2 bytes.").arg(MaxBytes / 1024).arg(json.size()));
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return Error::make(Error::Input, tr("This is not a connection profile (not a JSON object: %1).").arg(pe.errorString()));
    const QJsonObject o = doc.object();
    if (!o.contains(QLatin1String("wharfProfile")))
        return Error::make(Error::Input, tr("This is not a connection profile (no \"wharfProfile\")."));
    const int version = o.value(QLatin1String("wharfProfile")).toInt(-1);
    if (version < 1 || version > Version)
        return Error::make(Error::Input, tr("This connection profile is of version %1; this Wharf reads version %2 and older.")
                                             .arg(o.value(QLatin1String("wharfProfile")).toVariant().toString())
                                             .arg(Version));
    ConnectionProfile p;
    p.tenant = o.value(QLatin1String("tenant")).toString();
    static const QRegularExpression tenantName(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,62}$"));
    if (!tenantName.match(p.tenant).hasMatch())
        return Error::make(Error::Input, tr("The connection profile names no tenant, or one that cannot be (\"%1\").").arg(p.tenant.left(80)));
    p.database = o.value(QLatin1String("database")).toString();
    if (!p.database.isEmpty()) {
        auto url = StoreUrl::parse(p.database);
        if (!url || url->engine != StoreUrl::Postgres)
            return Error::make(Error::Input, tr("The connection profile's database is not a PostgreSQL address: %1").arg(p.database.left(200)));
    }
    const QJsonArray list = o.value(QLatin1String("hosts")).toArray();
    if (list.size() > MaxHosts)
        return Error::make(Error::Input, tr("A connection profile has at most %1 hosts; this one has %2.").arg(MaxHosts).arg(list.size()));
    for (const auto &v : list) {
        const QJsonObject h = v.toObject();
        Host host{h.value(QLatin1String("name")).toString(), h.value(QLatin1String("url")).toString(), h.value(QLatin1String("kind")).toString()};
        if (host.name.isEmpty() || host.name.size() > 200 || host.name.contains(QLatin1Char('\n')))
            return Error::make(Error::Input, tr("A host of the connection profile has no usable name."));
        if (host.kind != QLatin1String("rootless") && host.kind != QLatin1String("dedicated"))
            return Error::make(Error::Input, tr("The host %1 of the connection profile is of an unknown kind \"%2\".").arg(host.name, host.kind.left(40)));
        // Only the tenant's own kind of address: SSH to a daemon's socket.
        auto ep = Endpoint::parse(host.url);
        if (!host.url.startsWith(QLatin1String("ssh://")) || !ep)
            return Error::make(Error::Input, tr("The host %1 of the connection profile has no ssh:// address of a daemon (%2).").arg(host.name, host.url.left(200)));
        p.hosts << host;
    }
    return p;
}

Expected<QStringList> ConnectionProfile::importInto(HostStore &store, const QString &sshIdentityFile) const
{
    QStringList saved;
    for (const Host &h : hosts) {
        HostConfig c;
        c.name = h.name;
        c.group = tenant;
        c.url = h.url;
        c.sshIdentityFile = sshIdentityFile;
        if (const HostConfig *old = store.findByName(h.name)) {
            const auto was = old->endpoint();
            const auto now = c.endpoint();
            if (was && now && was->url() == now->url() && old->sshIdentityFile == c.sshIdentityFile && old->group == c.group) {
                saved << h.name;
                continue;
            }
            if (Error e = store.remove(old->id); e.isError())
                return e;
        }
        auto id = store.add(c);
        if (!id)
            return Error::make(id.error().kind, tr("The host %1 was not saved: %2").arg(h.name, id.error().message));
        saved << h.name;
    }
    return saved;
}

} // namespace Wharf::Models
