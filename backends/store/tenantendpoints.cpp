// The tenancy store's record of where tenants reach daemons of their own (TenantEndpoint).
#include "tenancystore.h"

#include <QSqlQuery>
#include <QUrl>

namespace Wharf::Backends {

// Tenants' endpoints ----------------------------------------------------------------------

namespace {
const char *endpointColumns = "tenant, host, kind, unix_user, url, root, memory_bytes, cpus_nano, pids, created_at";
const char *usageColumns = "used_memory, peak_memory, cpu_micros, used_pids, usage_at";

TenantEndpoint endpointFrom(const QSqlQuery &q)
{
    TenantEndpoint e;
    e.tenant = q.value(0).toString();
    e.host = q.value(1).toString();
    e.kind = q.value(2).toString();
    e.unixUser = q.value(3).toString();
    e.url = q.value(4).toString();
    e.root = q.value(5).toString();
    e.memoryBytes = q.value(6).toLongLong();
    e.cpusNano = q.value(7).toLongLong();
    e.pids = q.value(8).toInt();
    e.createdAt = q.value(9).toLongLong();
    e.usage.memoryBytes = q.value(10).toLongLong();
    e.usage.peakMemoryBytes = q.value(11).toLongLong();
    e.usage.cpuMicros = q.value(12).toLongLong();
    e.usage.pids = q.value(13).toInt();
    e.usage.at = q.value(14).toLongLong();
    return e;
}
} // namespace

QString TenantEndpoint::hostKey() const
{
    const QUrl u(url);
    const QString where = u.host().isEmpty() ? host : u.port(22) == 22 ? u.host() : QStringLiteral("%1:%2").arg(u.host()).arg(u.port());
    return tenant + QLatin1Char('@') + where;
}

QString TenantEndpoint::socket() const
{
    return QUrl(url).path();
}

Error TenancyStore::checkEndpoint(const TenantEndpoint &e)
{
    if (e.kind != QLatin1String("rootless") && e.kind != QLatin1String("dedicated"))
        return Error::make(Error::Input, tr("An endpoint is a tenant's rootless daemon or a dedicated host, not \"%1\".").arg(e.kind));
    if (auto t = tenant(e.tenant); !t)
        return t.error();
    if (e.kind == QLatin1String("dedicated")) {
        // a host dedicated to one tenant serves no other: not theirs, not a rootless daemon
        auto others = m_store->exec(QStringLiteral("SELECT tenant FROM tenant_endpoints WHERE host = ? AND tenant <> ?"), {e.host, e.tenant});
        if (!others)
            return others.error();
        if (others->next())
            return Error::make(Error::Conflict, tr("Host %1 serves tenant \"%2\" already; a dedicated host serves one tenant only.")
                                                    .arg(e.host, others->value(0).toString()));
        return {};
    }
    auto dedicated = m_store->exec(QStringLiteral("SELECT tenant FROM tenant_endpoints WHERE host = ? AND kind = 'dedicated' AND tenant <> ?"),
                                   {e.host, e.tenant});
    if (!dedicated)
        return dedicated.error();
    if (dedicated->next())
        return Error::make(Error::Conflict, tr("Host %1 is dedicated to tenant \"%2\"; it runs no other tenant's daemon.")
                                                .arg(e.host, dedicated->value(0).toString()));
    return {};
}

Error TenancyStore::setEndpoint(TenantEndpoint e)
{
    return m_store->transaction([&]() -> Error {
        if (auto c = checkEndpoint(e); c.isError())
            return c;
        auto del = m_store->exec(QStringLiteral("DELETE FROM tenant_endpoints WHERE tenant = ? AND host = ?"), {e.tenant, e.host});
        if (!del)
            return del.error();
        if (e.createdAt == 0)
            e.createdAt = m_clock->nowSecs();
        auto q = m_store->exec(QStringLiteral("INSERT INTO tenant_endpoints (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(QLatin1String(endpointColumns)),
                               {e.tenant, e.host, e.kind, e.unixUser, e.url, e.root, e.memoryBytes, e.cpusNano, e.pids, e.createdAt});
        if (!q)
            return q.error();
        // What the tenant makes there is in its private domain, under the name its hosts
        // know the daemon by; a dedicated host is in it under the admin's name too.
        if (Error d = setHostDomain({e.hostKey(), QStringLiteral("private"), e.tenant}); d.isError())
            return d;
        if (e.kind == QLatin1String("dedicated"))
            return setHostDomain({e.host, QStringLiteral("private"), e.tenant});
        return Error{};
    });
}

Error TenancyStore::removeEndpoint(const QString &tenantName, const QString &host)
{
    return m_store->transaction([&]() -> Error {
        auto was = endpoint(tenantName, host);
        if (!was)
            return was.error();
        auto q = m_store->exec(QStringLiteral("DELETE FROM tenant_endpoints WHERE tenant = ? AND host = ?"), {tenantName, host});
        if (!q)
            return q.error();
        if (Error d = removeHostDomain(was->hostKey()); d.isError() && d.kind != Error::NotFound)
            return d;
        if (was->kind == QLatin1String("dedicated"))
            if (Error d = removeHostDomain(host); d.isError() && d.kind != Error::NotFound)
                return d;
        return Error{};
    });
}

Expected<QList<TenantEndpoint>> TenancyStore::endpoints(const QString &tenantName)
{
    auto q = tenantName.isEmpty()
        ? m_store->exec(QStringLiteral("SELECT %1, %2 FROM tenant_endpoints ORDER BY tenant, host").arg(QLatin1String(endpointColumns), QLatin1String(usageColumns)))
        : m_store->exec(QStringLiteral("SELECT %1, %2 FROM tenant_endpoints WHERE tenant = ? ORDER BY host").arg(QLatin1String(endpointColumns), QLatin1String(usageColumns)),
                        {tenantName});
    if (!q)
        return q.error();
    QList<TenantEndpoint> list;
    while (q->next())
        list << endpointFrom(*q);
    return list;
}

Expected<TenantEndpoint> TenancyStore::endpoint(const QString &tenantName, const QString &host)
{
    auto q = m_store->exec(QStringLiteral("SELECT %1, %2 FROM tenant_endpoints WHERE tenant = ? AND host = ?").arg(QLatin1String(endpointColumns), QLatin1String(usageColumns)),
                           {tenantName, host});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::make(Error::NotFound, tr("Tenant \"%1\" has no endpoint on %2.").arg(tenantName, host));
    return endpointFrom(*q);
}

Error TenancyStore::setEndpointUsage(const QString &tenantName, const QString &host, TenantEndpoint::Usage usage)
{
    if (usage.at == 0)
        usage.at = m_clock->nowSecs();
    auto q = m_store->exec(QStringLiteral("UPDATE tenant_endpoints SET used_memory = ?, peak_memory = ?, cpu_micros = ?, used_pids = ?, usage_at = ?"
                                          " WHERE tenant = ? AND host = ?"),
                           {usage.memoryBytes, usage.peakMemoryBytes, usage.cpuMicros, usage.pids, usage.at, tenantName, host});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::make(Error::NotFound, tr("Tenant \"%1\" has no endpoint on %2.").arg(tenantName, host));
    return {};
}

} // namespace Wharf::Backends
