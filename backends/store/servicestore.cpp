#include "servicestore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

namespace Wharf::Backends {

namespace {
const char *columns = "host, name, tenant, spec, previous, generation, status, message, updated_at";

ServiceRecord recordFrom(const QSqlQuery &q)
{
    ServiceRecord r;
    r.host = q.value(0).toString();
    r.name = q.value(1).toString();
    r.tenant = q.value(2).toString();
    r.spec = q.value(3).toString().toUtf8();
    r.previous = q.value(4).toString().toUtf8();
    r.generation = q.value(5).toLongLong();
    r.status = q.value(6).toString();
    r.message = q.value(7).toString();
    r.updatedAt = q.value(8).toLongLong();
    return r;
}

qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}
} // namespace

ServiceStore::ServiceStore(Store *store)
    : m_store(store)
{
}

Expected<QList<ServiceRecord>> ServiceStore::services(const QString &host)
{
    auto q = host.isEmpty() ? m_store->exec(QStringLiteral("SELECT %1 FROM services ORDER BY host, name").arg(QLatin1String(columns)))
                            : m_store->exec(QStringLiteral("SELECT %1 FROM services WHERE host = ? ORDER BY name").arg(QLatin1String(columns)), {host});
    if (!q)
        return q.error();
    QList<ServiceRecord> list;
    while (q->next())
        list << recordFrom(*q);
    return list;
}

Expected<std::optional<ServiceRecord>> ServiceStore::service(const QString &host, const QString &name)
{
    auto q = m_store->exec(QStringLiteral("SELECT %1 FROM services WHERE host = ? AND name = ?").arg(QLatin1String(columns)), {host, name});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<ServiceRecord>();
    return std::optional<ServiceRecord>(recordFrom(*q));
}

Error ServiceStore::insert(const ServiceRecord &r)
{
    auto have = m_store->scalar(QStringLiteral("SELECT count(*) FROM services WHERE host = ? AND name = ?"), {r.host, r.name});
    if (!have)
        return have.error();
    if (have->toInt() > 0)
        return Error::make(Error::Conflict, tr("Host %1 already has a service named %2.").arg(r.host, r.name));
    auto q = m_store->exec(QStringLiteral("INSERT INTO services (host, name, tenant, spec, previous, generation, status, message, updated_at) VALUES (?, ?, ?, ?, '', 1, ?, '', ?)"),
                           {r.host, r.name, r.tenant, QString::fromUtf8(r.spec), r.status, now()});
    return q ? Error{} : q.error();
}

Error ServiceStore::update(const QString &host, const QString &name, const QByteArray &spec, qint64 generation)
{
    auto q = m_store->exec(QStringLiteral("UPDATE services SET previous = spec, spec = ?, generation = generation + 1, status = 'updating', message = '', updated_at = ?"
                                          " WHERE host = ? AND name = ? AND generation = ?"),
                           {QString::fromUtf8(spec), now(), host, name, generation});
    if (!q)
        return q.error();
    if (q->numRowsAffected() < 1)
        return Error::make(Error::Conflict, tr("Service %1 on %2 was changed or removed meanwhile; look at it again and retry.").arg(name, host));
    return {};
}

Error ServiceStore::rollback(const QString &host, const QString &name)
{
    auto r = service(host, name);
    if (!r)
        return r.error();
    if (!*r)
        return Error::make(Error::NotFound, tr("Host %1 has no service named %2.").arg(host, name));
    if ((*r)->previous.isEmpty())
        return Error::make(Error::Input, tr("Service %1 has no previous configuration to go back to.").arg(name));
    auto q = m_store->exec(QStringLiteral("UPDATE services SET spec = previous, previous = spec, generation = generation + 1, status = 'rolling back', updated_at = ?"
                                          " WHERE host = ? AND name = ? AND generation = ?"),
                           {now(), host, name, (*r)->generation});
    if (!q)
        return q.error();
    if (q->numRowsAffected() < 1)
        return Error::make(Error::Conflict, tr("Service %1 on %2 was changed meanwhile; retry.").arg(name, host));
    return {};
}

Error ServiceStore::setStatus(const QString &host, const QString &name, const QString &status, const QString &message)
{
    auto q = m_store->exec(QStringLiteral("UPDATE services SET status = ?, message = ? WHERE host = ? AND name = ? AND (status <> ? OR message <> ?)"),
                           {status, message, host, name, status, message});
    return q ? Error{} : q.error();
}

Error ServiceStore::remove(const QString &host, const QString &name)
{
    auto q = m_store->exec(QStringLiteral("DELETE FROM services WHERE host = ? AND name = ?"), {host, name});
    if (!q)
        return q.error();
    if (q->numRowsAffected() < 1)
        return Error::make(Error::NotFound, tr("Host %1 has no service named %2.").arg(host, name));
    return {};
}

Expected<QJsonObject> ServiceStore::edgeSettings(const QString &host)
{
    auto v = m_store->scalar(QStringLiteral("SELECT settings FROM edge_routers WHERE host = ?"), {host}, QString());
    if (!v)
        return v.error();
    const QByteArray text = v->toString().toUtf8();
    if (text.size() > 64 * 1024)
        return Error::make(Error::Input, tr("The edge router settings of %1 are larger than 64 KiB.").arg(host));
    return QJsonDocument::fromJson(text).object();
}

Error ServiceStore::setEdgeSettings(const QString &host, const QJsonObject &settings)
{
    auto q = m_store->exec(QStringLiteral("INSERT INTO edge_routers (host, settings, updated_at) VALUES (?, ?, ?)"
                                          " ON CONFLICT (host) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at"),
                           {host, QString::fromUtf8(QJsonDocument(settings).toJson(QJsonDocument::Compact)), now()});
    return q ? Error{} : q.error();
}

Expected<QStringList> ServiceStore::edgeHosts()
{
    auto q = m_store->exec(QStringLiteral("SELECT DISTINCT host FROM services UNION SELECT host FROM edge_routers ORDER BY 1"));
    if (!q)
        return q.error();
    QStringList hosts;
    while (q->next())
        hosts << q->value(0).toString();
    return hosts;
}

} // namespace Wharf::Backends
