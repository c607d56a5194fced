#include "tenancystore.h"
#include "docker/format.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace Wharf::Backends {

namespace {
QString cpus(qint64 nano)
{
    return QString::number(double(nano) / 1e9, 'g', 6);
}

const char *planColumns = "name, max_containers, cpus_nano, memory_bytes, disk_bytes, bandwidth_note, price_hour, price_month,"
                          " cpu_price_hour, memory_price_gib_hour, disk_price_gib_day, free_tier, revision, created_at, updated_at, max_pids";

Plan planFrom(const QSqlQuery &q)
{
    Plan p;
    p.name = q.value(0).toString();
    p.maxContainers = q.value(1).toInt();
    p.cpusNano = q.value(2).toLongLong();
    p.memoryBytes = q.value(3).toLongLong();
    p.diskBytes = q.value(4).toLongLong();
    p.bandwidthNote = q.value(5).toString();
    p.priceHour = Money::fromMicros(q.value(6).toLongLong());
    p.priceMonth = Money::fromMicros(q.value(7).toLongLong());
    p.cpuPriceHour = Money::fromMicros(q.value(8).toLongLong());
    p.memoryPriceGibHour = Money::fromMicros(q.value(9).toLongLong());
    p.diskPriceGibDay = Money::fromMicros(q.value(10).toLongLong());
    p.freeTier = q.value(11).toInt() != 0;
    p.revision = q.value(12).toInt();
    p.createdAt = q.value(13).toLongLong();
    p.updatedAt = q.value(14).toLongLong();
    p.maxPids = q.value(15).toInt();
    return p;
}

const char *resourceColumns = "id, tenant, host, kind, ref, name, state, cpus_nano, memory_bytes, disk_bytes, created_at";

OwnedResource resourceFrom(const QSqlQuery &q)
{
    OwnedResource r;
    r.id = q.value(0).toLongLong();
    r.tenant = q.value(1).toString();
    r.host = q.value(2).toString();
    r.kind = q.value(3).toString();
    r.ref = q.value(4).toString();
    r.name = q.value(5).toString();
    r.state = q.value(6).toString();
    r.cpusNano = q.value(7).toLongLong();
    r.memoryBytes = q.value(8).toLongLong();
    r.diskBytes = q.value(9).toLongLong();
    r.createdAt = q.value(10).toLongLong();
    return r;
}
} // namespace

TenancyStore::TenancyStore(std::shared_ptr<Store> store)
    : m_store(std::move(store))
{
}

Error TenancyStore::checkName(const QString &what, const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9-]{0,39}$"));
    if (!re.match(name).hasMatch())
        return Error::make(Error::Input, tr("\"%1\" is not a valid %2 name: use 1 to 40 lower-case letters, digits and dashes, starting with a letter or digit.")
                                             .arg(name, what));
    return {};
}

Error TenancyStore::checkPlan(const Plan &p)
{
    if (auto e = checkName(tr("plan"), p.name); e.isError())
        return e;
    if (p.maxContainers <= 0)
        return Error::make(Error::Input, tr("Plan \"%1\": the number of containers must be at least 1.").arg(p.name));
    if (p.cpusNano <= 0)
        return Error::make(Error::Input, tr("Plan \"%1\": the CPUs must be more than 0.").arg(p.name));
    if (p.memoryBytes <= 0)
        return Error::make(Error::Input, tr("Plan \"%1\": the memory must be more than 0.").arg(p.name));
    if (p.diskBytes < 0)
        return Error::make(Error::Input, tr("Plan \"%1\": the disk cannot be negative.").arg(p.name));
    if (p.maxPids < 0 || (p.maxPids > 0 && p.maxPids < 16))
        return Error::make(Error::Input, tr("Plan \"%1\": the processes must be at least 16 (or 0 for no limit).").arg(p.name));
    if (p.freeTier && !(p.priceHour.isZero() && p.priceMonth.isZero() && p.cpuPriceHour.isZero()
                        && p.memoryPriceGibHour.isZero() && p.diskPriceGibDay.isZero()))
        return Error::make(Error::Input, tr("Plan \"%1\" is a free tier: it cannot have prices.").arg(p.name));
    if (!p.priceHour.isZero() && !p.priceMonth.isZero())
        return Error::make(Error::Input, tr("Plan \"%1\": give a price per hour or per month, not both.").arg(p.name));
    return {};
}

// Plans -------------------------------------------------------------------------------

Error TenancyStore::createPlan(const Plan &p)
{
    if (auto e = checkPlan(p); e.isError())
        return e;
    const qint64 t = m_clock->nowSecs();
    auto q = m_store->exec(QStringLiteral("INSERT INTO plans (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)").arg(QLatin1String(planColumns)),
                           {p.name, p.maxContainers, p.cpusNano, p.memoryBytes, p.diskBytes, p.bandwidthNote, p.priceHour.micros(),
                            p.priceMonth.micros(), p.cpuPriceHour.micros(), p.memoryPriceGibHour.micros(), p.diskPriceGibDay.micros(),
                            p.freeTier ? 1 : 0, t, t, p.maxPids});
    if (!q) {
        if (q.error().kind == Error::Conflict)
            return Error::make(Error::Conflict, tr("A plan named \"%1\" exists already.").arg(p.name));
        return q.error();
    }
    return {};
}

Error TenancyStore::updatePlan(const Plan &p)
{
    if (auto e = checkPlan(p); e.isError())
        return e;
    return m_store->transaction([&]() -> Error {
        auto q = m_store->exec(QStringLiteral("UPDATE plans SET max_containers = ?, cpus_nano = ?, memory_bytes = ?, disk_bytes = ?,"
                                              " bandwidth_note = ?, price_hour = ?, price_month = ?, cpu_price_hour = ?,"
                                              " memory_price_gib_hour = ?, disk_price_gib_day = ?, free_tier = ?, max_pids = ?,"
                                              " revision = revision + 1, updated_at = ? WHERE name = ? AND revision = ?"),
                               {p.maxContainers, p.cpusNano, p.memoryBytes, p.diskBytes, p.bandwidthNote, p.priceHour.micros(),
                                p.priceMonth.micros(), p.cpuPriceHour.micros(), p.memoryPriceGibHour.micros(),
                                p.diskPriceGibDay.micros(), p.freeTier ? 1 : 0, p.maxPids, m_clock->nowSecs(), p.name, p.revision});
        if (!q)
            return q.error();
        if (q->numRowsAffected() == 1)
            return {};
        auto current = plan(p.name);
        if (!current)
            return current.error();
        return Error::make(Error::Conflict, tr("Plan \"%1\" was changed by someone else since you opened it (revision %2, now %3). Reload it and make your change again.")
                                                .arg(p.name).arg(p.revision).arg(current->revision));
    });
}

Expected<QList<Plan>> TenancyStore::plans()
{
    auto q = m_store->exec(QStringLiteral("SELECT %1 FROM plans ORDER BY name").arg(QLatin1String(planColumns)));
    if (!q)
        return q.error();
    QList<Plan> list;
    while (q->next())
        list << planFrom(*q);
    return list;
}

Expected<Plan> TenancyStore::plan(const QString &name)
{
    auto q = m_store->exec(QStringLiteral("SELECT %1 FROM plans WHERE name = ?").arg(QLatin1String(planColumns)), {name});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::make(Error::NotFound, tr("There is no plan named \"%1\".").arg(name));
    return planFrom(*q);
}

Error TenancyStore::removePlan(const QString &name)
{
    return m_store->transaction([&]() -> Error {
        auto users = m_store->exec(QStringLiteral("SELECT tenant FROM subscriptions WHERE plan = ? AND valid_to IS NULL ORDER BY tenant"), {name});
        if (!users)
            return users.error();
        QStringList tenants;
        while (users->next())
            tenants << users->value(0).toString();
        if (!tenants.isEmpty())
            return Error::make(Error::Conflict, tr("Plan \"%1\" is in use by %2; move them to another plan first.").arg(name, tenants.join(QStringLiteral(", "))));
        // Past subscriptions keep their history: a plan with history is kept but cannot be removed.
        auto past = m_store->scalar(QStringLiteral("SELECT count(*) FROM subscriptions WHERE plan = ?"), {name});
        if (!past)
            return past.error();
        if (past->toInt() > 0)
            return Error::make(Error::Conflict, tr("Plan \"%1\" appears in past bills and is kept for them.").arg(name));
        auto q = m_store->exec(QStringLiteral("DELETE FROM plans WHERE name = ?"), {name});
        if (!q)
            return q.error();
        if (q->numRowsAffected() == 0)
            return Error::make(Error::NotFound, tr("There is no plan named \"%1\".").arg(name));
        return {};
    });
}

// Tenants -----------------------------------------------------------------------------

Error TenancyStore::createTenant(const Tenant &t)
{
    if (auto e = checkName(tr("tenant"), t.name); e.isError())
        return e;
    if (t.plan.isEmpty())
        return Error::make(Error::Input, tr("A tenant needs a plan: --plan NAME."));
    return m_store->transaction([&]() -> Error {
        auto p = plan(t.plan);
        if (!p)
            return p.error();
        const qint64 at = m_clock->nowSecs();
        auto q = m_store->exec(QStringLiteral("INSERT INTO tenants (name, display_name, email, phone, state, created_at) VALUES (?, ?, ?, ?, 'active', ?)"),
                               {t.name, t.displayName, t.email, t.phone, at});
        if (!q) {
            if (q.error().kind == Error::Conflict)
                return Error::make(Error::Conflict, tr("A tenant named \"%1\" exists already.").arg(t.name));
            return q.error();
        }
        if (auto r = m_store->exec(QStringLiteral("INSERT INTO quota_usage (tenant) VALUES (?)"), {t.name}); !r)
            return r.error();
        if (auto r = m_store->exec(QStringLiteral("INSERT INTO subscriptions (tenant, plan, valid_from) VALUES (?, ?, ?)"), {t.name, t.plan, at}); !r)
            return r.error();
        return {};
    });
}

Expected<QList<Tenant>> TenancyStore::tenants()
{
    auto q = m_store->exec(QStringLiteral("SELECT t.name, t.display_name, t.email, t.phone, t.state, t.created_at,"
                                          " (SELECT s.plan FROM subscriptions s WHERE s.tenant = t.name AND s.valid_to IS NULL)"
                                          " FROM tenants t ORDER BY t.name"));
    if (!q)
        return q.error();
    QList<Tenant> list;
    while (q->next()) {
        Tenant t;
        t.name = q->value(0).toString();
        t.displayName = q->value(1).toString();
        t.email = q->value(2).toString();
        t.phone = q->value(3).toString();
        t.state = q->value(4).toString();
        t.createdAt = q->value(5).toLongLong();
        t.plan = q->value(6).toString();
        list << t;
    }
    return list;
}

Expected<Tenant> TenancyStore::tenant(const QString &name)
{
    auto all = tenants();
    if (!all)
        return all.error();
    for (const auto &t : *all)
        if (t.name == name)
            return t;
    return Error::make(Error::NotFound, tr("There is no tenant named \"%1\".").arg(name));
}

Error TenancyStore::setTenantState(const QString &name, const QString &state)
{
    if (state != QLatin1String("active") && state != QLatin1String("suspended"))
        return Error::make(Error::Input, tr("A tenant is active or suspended, not \"%1\".").arg(state));
    auto q = m_store->exec(QStringLiteral("UPDATE tenants SET state = ? WHERE name = ?"), {state, name});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::make(Error::NotFound, tr("There is no tenant named \"%1\".").arg(name));
    return {};
}

Error TenancyStore::updateTenantContact(const Tenant &t)
{
    auto q = m_store->exec(QStringLiteral("UPDATE tenants SET display_name = ?, email = ?, phone = ? WHERE name = ?"),
                           {t.displayName, t.email, t.phone, t.name});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::make(Error::NotFound, tr("There is no tenant named \"%1\".").arg(t.name));
    return {};
}

Error TenancyStore::assignPlan(const QString &tenantName, const QString &planName)
{
    return m_store->transaction([&]() -> Error {
        auto t = tenant(tenantName);
        if (!t)
            return t.error();
        auto p = plan(planName);
        if (!p)
            return p.error();
        if (t->plan == planName)
            return {};
        const qint64 at = m_clock->nowSecs();
        if (auto r = m_store->exec(QStringLiteral("UPDATE subscriptions SET valid_to = ? WHERE tenant = ? AND valid_to IS NULL"), {at, tenantName}); !r)
            return r.error();
        if (auto r = m_store->exec(QStringLiteral("INSERT INTO subscriptions (tenant, plan, valid_from) VALUES (?, ?, ?)"), {tenantName, planName, at}); !r)
            return r.error();
        return {};
    });
}

Expected<QList<Subscription>> TenancyStore::subscriptions(const QString &tenantName)
{
    auto q = m_store->exec(QStringLiteral("SELECT tenant, plan, valid_from, valid_to FROM subscriptions WHERE tenant = ? ORDER BY valid_from, id"), {tenantName});
    if (!q)
        return q.error();
    QList<Subscription> list;
    while (q->next())
        list << Subscription{q->value(0).toString(), q->value(1).toString(), q->value(2).toLongLong(),
                             q->value(3).isNull() ? 0 : q->value(3).toLongLong()};
    return list;
}

Error TenancyStore::removeTenant(const QString &name, bool force)
{
    return m_store->transaction([&]() -> Error {
        auto count = m_store->scalar(QStringLiteral("SELECT count(*) FROM resources WHERE tenant = ?"), {name});
        if (!count)
            return count.error();
        if (count->toInt() > 0 && !force)
            return Error::make(Error::Conflict, tr("Tenant \"%1\" still owns %n resource(s); remove them first.", nullptr, count->toInt()).arg(name));
        // a daemon of its own would outlive it on the host, out of every list
        auto daemons = m_store->scalar(QStringLiteral("SELECT count(*) FROM tenant_endpoints WHERE tenant = ? AND kind = 'rootless'"), {name});
        if (!daemons)
            return daemons.error();
        if (daemons->toInt() > 0)
            return Error::make(Error::Conflict, tr("Tenant \"%1\" still has a daemon on %n host(s); deprovision it first (wharfctl tenant deprovision).",
                                                   nullptr, daemons->toInt())
                                                    .arg(name));
        auto q = m_store->exec(QStringLiteral("DELETE FROM tenants WHERE name = ?"), {name});
        if (!q)
            return q.error();
        if (q->numRowsAffected() == 0)
            return Error::make(Error::NotFound, tr("There is no tenant named \"%1\".").arg(name));
        return {};
    });
}

Error TenancyStore::createLoginRole(const QString &role, const QString &memberOf, const QString &password)
{
    if (!m_store->isPostgres())
        return Error::make(Error::Input, tr("Database roles need PostgreSQL; an embedded SQLite database has one local user."));
    if (password.size() < 12)
        return Error::make(Error::Input, tr("A database password needs at least 12 characters."));
    if (role.size() > 63)
        return Error::make(Error::Input, tr("The role name %1 is longer than PostgreSQL's 63 characters: choose a shorter name.").arg(role));
    QString literal = password;
    literal.replace(QLatin1Char('\''), QStringLiteral("''"));
    if (auto e = m_store->execDirect(QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1') THEN"
                                                    " CREATE ROLE \"%1\" LOGIN IN ROLE %2; END IF; END $$")
                                         .arg(role, memberOf));
        e.isError())
        return e;
    if (auto e = m_store->execDirect(QStringLiteral("ALTER ROLE \"%1\" LOGIN PASSWORD '%2'").arg(role, literal)); e.isError())
        return Error::make(e.kind, tr("Cannot set the password of role %1.").arg(role));
    if (auto d = m_store->db())
        m_store->execDirect(QStringLiteral("GRANT CONNECT ON DATABASE \"%1\" TO \"%2\"").arg(d->databaseName(), role));
    return {};
}

Error TenancyStore::createTenantRole(const QString &tenantName, const QString &password)
{
    auto t = tenant(tenantName);
    if (!t)
        return t.error();
    const QString role = roleOf(tenantName);
    if (auto e = createLoginRole(role, QStringLiteral("wharf_tenant"), password); e.isError())
        return e;
    auto u = m_store->exec(QStringLiteral("INSERT INTO users (name, tenant, role, db_role, created_at) VALUES (?, ?, 'member', ?, ?)"
                                          " ON CONFLICT (name) DO NOTHING"),
                           {role, tenantName, role, m_clock->nowSecs()});
    return u ? Error{} : u.error();
}

Error TenancyStore::dropTenantRole(const QString &tenantName)
{
    if (!m_store->isPostgres())
        return {};
    const QString role = roleOf(tenantName);
    m_store->exec(QStringLiteral("DELETE FROM users WHERE name = ?"), {role});
    return dropLoginRole(role);
}

Error TenancyStore::dropLoginRole(const QString &role)
{
    // No such role (a tenant that never had one): nothing to do. Asked first, as a failed
    // REVOKE would abort the transaction this runs in on PostgreSQL.
    auto exists = m_store->scalar(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = ?"), {role});
    if (!exists)
        return exists.error();
    if (exists->toInt() == 0)
        return {};
    // The right to connect is a dependency that would keep the role.
    if (auto d = m_store->db())
        m_store->execDirect(QStringLiteral("REVOKE CONNECT ON DATABASE \"%1\" FROM \"%2\"").arg(d->databaseName(), role));
    if (!m_store->execDirect(QStringLiteral("DROP ROLE IF EXISTS \"%1\"").arg(role)).isError())
        return {};
    // Still granted in another database of the cluster: it can no longer sign in anywhere.
    if (auto e = m_store->execDirect(QStringLiteral("ALTER ROLE \"%1\" NOLOGIN").arg(role)); e.isError())
        return Error::make(e.kind, tr("Cannot remove the database role %1: %2").arg(role, e.message));
    return {};
}

Error TenancyStore::createUser(const QString &name, const QString &tenantName, const QString &password)
{
    if (auto e = checkName(tr("user"), name); e.isError())
        return e;
    if (!tenantName.isEmpty()) {
        auto t = tenant(tenantName);
        if (!t)
            return t.error();
    }
    auto existing = m_store->scalar(QStringLiteral("SELECT count(*) FROM users WHERE name = ?"), {name});
    if (!existing)
        return existing.error();
    if (existing->toInt() > 0)
        return Error::make(Error::Conflict, tr("There is already a user named \"%1\".").arg(name));
    const QString role = memberRoleOf(tenantName, name);
    if (auto e = createLoginRole(role, tenantName.isEmpty() ? QStringLiteral("wharf_admin") : QStringLiteral("wharf_tenant"), password); e.isError())
        return e;
    auto u = m_store->exec(QStringLiteral("INSERT INTO users (name, tenant, role, db_role, created_at) VALUES (?, ?, ?, ?, ?)"),
                           {name, tenantName.isEmpty() ? QVariant::fromValue(nullptr) : QVariant(tenantName),
                            tenantName.isEmpty() ? QStringLiteral("admin") : QStringLiteral("member"), role, m_clock->nowSecs()});
    if (!u) {
        dropLoginRole(role);
        return u.error();
    }
    return {};
}

Expected<QList<User>> TenancyStore::users(const QString &tenantName)
{
    auto q = tenantName.isEmpty()
        ? m_store->exec(QStringLiteral("SELECT name, COALESCE(tenant, ''), role, db_role, created_at FROM users ORDER BY name"))
        : m_store->exec(QStringLiteral("SELECT name, COALESCE(tenant, ''), role, db_role, created_at FROM users WHERE tenant = ? ORDER BY name"), {tenantName});
    if (!q)
        return q.error();
    QList<User> out;
    while (q->next())
        out << User{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString(), q->value(4).toLongLong()};
    return out;
}

Error TenancyStore::removeUser(const QString &name)
{
    auto q = m_store->exec(QStringLiteral("SELECT db_role FROM users WHERE name = ?"), {name});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::make(Error::NotFound, tr("There is no user named \"%1\".").arg(name));
    const QString role = q->value(0).toString();
    if (auto d = m_store->exec(QStringLiteral("DELETE FROM users WHERE name = ?"), {name}); !d)
        return d.error();
    if (m_store->isPostgres() && !role.isEmpty())
        return dropLoginRole(role);
    return {};
}

Expected<QString> TenancyStore::connectedTenant()
{
    if (!m_store->isPostgres())
        return QString();
    auto v = m_store->scalar(QStringLiteral("SELECT COALESCE(wharf_current_tenant(), '')"));
    if (!v)
        return v.error();
    return v->toString();
}

// Quota -------------------------------------------------------------------------------

Expected<QuotaUsage> TenancyStore::usage(const QString &tenantName)
{
    auto q = m_store->exec(QStringLiteral("SELECT containers, cpus_nano, memory_bytes, disk_bytes FROM quota_usage WHERE tenant = ?"), {tenantName});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::make(Error::NotFound, tr("There is no tenant named \"%1\".").arg(tenantName));
    return QuotaUsage{q->value(0).toInt(), q->value(1).toLongLong(), q->value(2).toLongLong(), q->value(3).toLongLong()};
}

Expected<Plan> TenancyStore::currentPlanLocked(const QString &tenantName, QString *state)
{
    auto q = m_store->exec(QStringLiteral("SELECT t.state, s.plan FROM tenants t LEFT JOIN subscriptions s ON s.tenant = t.name AND s.valid_to IS NULL WHERE t.name = ?"),
                           {tenantName});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::make(Error::NotFound, tr("There is no tenant named \"%1\".").arg(tenantName));
    *state = q->value(0).toString();
    const QString planName = q->value(1).toString();
    if (planName.isEmpty())
        return Error::make(Error::Denied, tr("Tenant \"%1\" has no plan; an admin assigns one with: wharfctl tenant plan %1 PLAN").arg(tenantName));
    return plan(planName);
}

QString TenancyStore::quotaMessage(const QString &tenantName, const Plan &p, const QuotaUsage &used, int addContainers,
                                   qint64 addCpus, qint64 addMemory, qint64 addDisk)
{
    if (used.containers + addContainers > p.maxContainers)
        return tr("Quota exceeded for tenant \"%1\": %2 of %3 containers of plan \"%4\" are in use.")
            .arg(tenantName).arg(used.containers).arg(p.maxContainers).arg(p.name);
    if (used.cpusNano + addCpus > p.cpusNano)
        return tr("Quota exceeded for tenant \"%1\": %2 more CPUs asked, %3 of %4 CPUs of plan \"%5\" are in use.")
            .arg(tenantName, cpus(addCpus), cpus(used.cpusNano), cpus(p.cpusNano), p.name);
    if (used.memoryBytes + addMemory > p.memoryBytes)
        return tr("Quota exceeded for tenant \"%1\": %2 more memory asked, %3 of %4 of plan \"%5\" are in use.")
            .arg(tenantName, formatBytes(double(addMemory)), formatBytes(double(used.memoryBytes)), formatBytes(double(p.memoryBytes)), p.name);
    if (p.diskBytes > 0 && used.diskBytes + addDisk > p.diskBytes)
        return tr("Quota exceeded for tenant \"%1\": %2 of %3 disk of plan \"%4\" are in use.")
            .arg(tenantName, formatBytes(double(used.diskBytes)), formatBytes(double(p.diskBytes)), p.name);
    return {};
}

Expected<qint64> TenancyStore::reserve(const QString &tenantName, const QString &host, const QString &kind, const QString &name,
                                       qint64 cpusNano, qint64 memoryBytes, qint64 diskBytes)
{
    qint64 id = 0;
    const int addContainers = kind == QLatin1String("container") ? 1 : 0;
    Error e = m_store->transaction([&]() -> Error {
        QString state;
        auto p = currentPlanLocked(tenantName, &state);
        if (!p)
            return p.error();
        if (state != QLatin1String("active"))
            return Error::make(Error::Denied, tr("Tenant \"%1\" is suspended: it cannot create or grow resources.").arg(tenantName));
        // One conditional update: it succeeds only while the limits hold, and the row lock
        // (PostgreSQL) or the write lock (SQLite, BEGIN IMMEDIATE) serialises the racers.
        auto q = m_store->exec(QStringLiteral("UPDATE quota_usage SET containers = containers + ?, cpus_nano = cpus_nano + ?,"
                                              " memory_bytes = memory_bytes + ?, disk_bytes = disk_bytes + ?"
                                              " WHERE tenant = ? AND containers + ? <= ? AND cpus_nano + ? <= ? AND memory_bytes + ? <= ?"
                                              " AND (? = 0 OR disk_bytes + ? <= ?)"),
                               {addContainers, cpusNano, memoryBytes, diskBytes, tenantName, addContainers, p->maxContainers, cpusNano,
                                p->cpusNano, memoryBytes, p->memoryBytes, p->diskBytes, diskBytes, p->diskBytes});
        if (!q)
            return q.error();
        if (q->numRowsAffected() != 1) {
            auto used = usage(tenantName);
            if (!used)
                return used.error();
            QString msg = quotaMessage(tenantName, *p, *used, addContainers, cpusNano, memoryBytes, diskBytes);
            if (msg.isEmpty())
                msg = tr("Quota exceeded for tenant \"%1\" (plan \"%2\").").arg(tenantName, p->name);
            return Error::make(Error::Quota, msg);
        }
        auto ins = m_store->exec(QStringLiteral("INSERT INTO resources (tenant, host, kind, name, state, cpus_nano, memory_bytes, disk_bytes, created_at)"
                                                " VALUES (?, ?, ?, ?, 'reserved', ?, ?, ?, ?) RETURNING id"),
                                 {tenantName, host, kind, name, cpusNano, memoryBytes, diskBytes, m_clock->nowSecs()});
        if (!ins)
            return ins.error();
        if (!ins->next())
            return Error::make(Error::Database, tr("The reservation was not recorded."));
        id = ins->value(0).toLongLong();
        return {};
    });
    if (e.isError())
        return e;
    return id;
}

Error TenancyStore::activate(qint64 reservation, const QString &ref, const QString &name)
{
    auto q = m_store->exec(QStringLiteral("UPDATE resources SET state = 'active', ref = ?, name = CASE WHEN ? = '' THEN name ELSE ? END WHERE id = ?"),
                           {ref, name, name, reservation});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::make(Error::NotFound, tr("Reservation %1 is gone (released by a reconciliation?).").arg(reservation));
    return {};
}

Error TenancyStore::release(qint64 reservation)
{
    return m_store->transaction([&]() -> Error {
        auto q = m_store->exec(QStringLiteral("SELECT %1 FROM resources WHERE id = ?").arg(QLatin1String(resourceColumns)), {reservation});
        if (!q)
            return q.error();
        if (!q->next())
            return {}; // released already
        const OwnedResource r = resourceFrom(*q);
        auto d = m_store->exec(QStringLiteral("DELETE FROM resources WHERE id = ?"), {reservation});
        if (!d)
            return d.error();
        if (d->numRowsAffected() != 1)
            return {}; // another release (a removal and a reconciliation at once) got there first
        const int containers = r.kind == QLatin1String("container") ? 1 : 0;
        // Never below zero, even if the counters drifted (reconcile puts them right).
        auto u = m_store->exec(QStringLiteral("UPDATE quota_usage SET containers = CASE WHEN containers >= ? THEN containers - ? ELSE 0 END,"
                                              " cpus_nano = CASE WHEN cpus_nano >= ? THEN cpus_nano - ? ELSE 0 END,"
                                              " memory_bytes = CASE WHEN memory_bytes >= ? THEN memory_bytes - ? ELSE 0 END,"
                                              " disk_bytes = CASE WHEN disk_bytes >= ? THEN disk_bytes - ? ELSE 0 END WHERE tenant = ?"),
                               {containers, containers, r.cpusNano, r.cpusNano, r.memoryBytes, r.memoryBytes, r.diskBytes, r.diskBytes, r.tenant});
        return u ? Error{} : u.error();
    });
}

Expected<OwnedResource> TenancyStore::owned(const QString &host, const QString &refOrName, const QString &kind)
{
    // A full id, an unambiguous id prefix (like docker), or a name.
    auto q = m_store->exec(QStringLiteral("SELECT %1 FROM resources WHERE host = ? AND kind = ? AND (ref = ? OR name = ? OR (length(?) >= 4 AND substr(ref, 1, length(?)) = ?))")
                               .arg(QLatin1String(resourceColumns)),
                           {host, kind, refOrName, refOrName, refOrName, refOrName, refOrName});
    if (!q)
        return q.error();
    QList<OwnedResource> found;
    while (q->next())
        found << resourceFrom(*q);
    if (found.isEmpty())
        return Error::make(Error::NotFound, tr("No %1 \"%2\" is recorded on host %3.").arg(kind, refOrName, host));
    if (found.size() > 1) {
        for (const auto &r : found)
            if (r.ref == refOrName || r.name == refOrName)
                return r;
        return Error::make(Error::Input, tr("\"%1\" matches several %2s; give more of the id.").arg(refOrName, kind));
    }
    return found.first();
}

Expected<QList<OwnedResource>> TenancyStore::resources(const QString &tenantName, const QString &host)
{
    auto q = m_store->exec(QStringLiteral("SELECT %1 FROM resources WHERE (? = '' OR tenant = ?) AND (? = '' OR host = ?) ORDER BY tenant, host, id")
                               .arg(QLatin1String(resourceColumns)),
                           {tenantName, tenantName, host, host});
    if (!q)
        return q.error();
    QList<OwnedResource> list;
    while (q->next())
        list << resourceFrom(*q);
    return list;
}

Expected<QuotaUsage> TenancyStore::recount(const QString &tenantName)
{
    QuotaUsage before;
    Error e = m_store->transaction([&]() -> Error {
        // PostgreSQL (read committed): take the counter row's lock first, so that the sums
        // below are read after any reservation in flight has committed (an UPDATE that waits
        // for the lock would still sum with the snapshot from before it waited).
        if (m_store->isPostgres()) {
            if (auto l = m_store->exec(QStringLiteral("SELECT tenant FROM quota_usage WHERE tenant = ? FOR UPDATE"), {tenantName}); !l)
                return l.error();
        }
        auto u = usage(tenantName);
        if (!u)
            return u.error();
        before = *u;
        auto q = m_store->exec(QStringLiteral("UPDATE quota_usage SET"
                                              " containers = (SELECT count(*) FROM resources r WHERE r.tenant = quota_usage.tenant AND r.kind = 'container'),"
                                              " cpus_nano = (SELECT COALESCE(SUM(r.cpus_nano), 0) FROM resources r WHERE r.tenant = quota_usage.tenant),"
                                              " memory_bytes = (SELECT COALESCE(SUM(r.memory_bytes), 0) FROM resources r WHERE r.tenant = quota_usage.tenant),"
                                              " disk_bytes = (SELECT COALESCE(SUM(r.disk_bytes), 0) FROM resources r WHERE r.tenant = quota_usage.tenant)"
                                              " WHERE tenant = ?"),
                               {tenantName});
        return q ? Error{} : q.error();
    });
    if (e.isError())
        return e;
    return before;
}

Error TenancyStore::resize(qint64 id, qint64 cpusNano, qint64 memoryBytes, qint64 diskBytes)
{
    auto q = m_store->exec(QStringLiteral("UPDATE resources SET cpus_nano = ?, memory_bytes = ?, disk_bytes = ? WHERE id = ?"),
                           {cpusNano, memoryBytes, diskBytes, id});
    return q ? Error{} : q.error();
}

Expected<OwnedResource> TenancyStore::regrow(qint64 id, qint64 cpusNano, qint64 memoryBytes, bool enforce)
{
    OwnedResource before;
    Error e = m_store->transaction([&]() -> Error {
        // Two changes of one container must not both start from the same old values.
        auto q = m_store->exec(QStringLiteral("SELECT %1 FROM resources WHERE id = ?%2")
                                   .arg(QLatin1String(resourceColumns), m_store->isPostgres() ? QStringLiteral(" FOR UPDATE") : QString()),
                               {id});
        if (!q)
            return q.error();
        if (!q->next())
            return Error::make(Error::NotFound, tr("Resource %1 is not recorded (removed meanwhile?).").arg(id));
        before = resourceFrom(*q);
        const qint64 cpus = cpusNano < 0 ? before.cpusNano : cpusNano;
        const qint64 memory = memoryBytes < 0 ? before.memoryBytes : memoryBytes;
        const qint64 addCpus = cpus - before.cpusNano;
        const qint64 addMemory = memory - before.memoryBytes;
        if (addCpus == 0 && addMemory == 0)
            return {};
        if (enforce && (addCpus > 0 || addMemory > 0)) {
            QString state;
            auto p = currentPlanLocked(before.tenant, &state);
            if (!p)
                return p.error();
            if (state != QLatin1String("active"))
                return Error::make(Error::Denied, tr("Tenant \"%1\" is suspended: it cannot create or grow resources.").arg(before.tenant));
            // Only what grows is checked; a value that shrinks never blocks the change.
            auto u = m_store->exec(QStringLiteral("UPDATE quota_usage SET cpus_nano = CASE WHEN cpus_nano + ? >= 0 THEN cpus_nano + ? ELSE 0 END,"
                                                  " memory_bytes = CASE WHEN memory_bytes + ? >= 0 THEN memory_bytes + ? ELSE 0 END"
                                                  " WHERE tenant = ? AND (? <= 0 OR cpus_nano + ? <= ?) AND (? <= 0 OR memory_bytes + ? <= ?)"),
                                   {addCpus, addCpus, addMemory, addMemory, before.tenant, addCpus, addCpus, p->cpusNano, addMemory, addMemory,
                                    p->memoryBytes});
            if (!u)
                return u.error();
            if (u->numRowsAffected() != 1) {
                auto used = usage(before.tenant);
                if (!used)
                    return used.error();
                QString msg = quotaMessage(before.tenant, *p, *used, 0, std::max<qint64>(addCpus, 0), std::max<qint64>(addMemory, 0), 0);
                if (msg.isEmpty())
                    msg = tr("Quota exceeded for tenant \"%1\" (plan \"%2\").").arg(before.tenant, p->name);
                return Error::make(Error::Quota, msg);
            }
        } else {
            auto u = m_store->exec(QStringLiteral("UPDATE quota_usage SET cpus_nano = CASE WHEN cpus_nano + ? >= 0 THEN cpus_nano + ? ELSE 0 END,"
                                                  " memory_bytes = CASE WHEN memory_bytes + ? >= 0 THEN memory_bytes + ? ELSE 0 END WHERE tenant = ?"),
                                   {addCpus, addCpus, addMemory, addMemory, before.tenant});
            if (!u)
                return u.error();
        }
        auto r = m_store->exec(QStringLiteral("UPDATE resources SET cpus_nano = ?, memory_bytes = ? WHERE id = ?"), {cpus, memory, id});
        return r ? Error{} : r.error();
    });
    if (e.isError())
        return e;
    return before;
}

Error TenancyStore::adopt(const OwnedResource &r)
{
    auto q = m_store->exec(QStringLiteral("INSERT INTO resources (tenant, host, kind, ref, name, state, cpus_nano, memory_bytes, disk_bytes, created_at)"
                                          " VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)"),
                           {r.tenant, r.host, r.kind, r.ref, r.name, r.cpusNano, r.memoryBytes, r.diskBytes, r.createdAt ? r.createdAt : m_clock->nowSecs()});
    return q ? Error{} : q.error();
}

// Host domains ------------------------------------------------------------------------

Error TenancyStore::setHostDomain(const HostDomain &d)
{
    if (d.domain != QLatin1String("public") && d.domain != QLatin1String("private"))
        return Error::make(Error::Input, tr("A host's domain is public or a tenant's private domain, not \"%1\".").arg(d.domain));
    if (d.domain == QLatin1String("private") && d.tenant.isEmpty())
        return Error::make(Error::Input, tr("A private host belongs to a tenant: name it."));
    return m_store->transaction([&]() -> Error {
        if (d.domain == QLatin1String("private")) {
            auto t = tenant(d.tenant);
            if (!t)
                return t.error();
        }
        if (auto r = m_store->exec(QStringLiteral("DELETE FROM hosts WHERE name = ?"), {d.host}); !r)
            return r.error();
        auto r = m_store->exec(QStringLiteral("INSERT INTO hosts (name, domain, tenant) VALUES (?, ?, ?)"),
                               {d.host, d.domain, d.domain == QLatin1String("private") ? QVariant(d.tenant) : QVariant::fromValue(nullptr)});
        return r ? Error{} : r.error();
    });
}

Error TenancyStore::removeHostDomain(const QString &host)
{
    auto r = m_store->exec(QStringLiteral("DELETE FROM hosts WHERE name = ?"), {host});
    return r ? Error{} : r.error();
}

Expected<QList<HostDomain>> TenancyStore::hostDomains()
{
    auto q = m_store->exec(QStringLiteral("SELECT name, domain, COALESCE(tenant, '') FROM hosts ORDER BY name"));
    if (!q)
        return q.error();
    QList<HostDomain> list;
    while (q->next())
        list << HostDomain{q->value(0).toString(), q->value(1).toString(), q->value(2).toString()};
    return list;
}

Expected<HostDomain> TenancyStore::hostDomain(const QString &host)
{
    auto q = m_store->exec(QStringLiteral("SELECT name, domain, COALESCE(tenant, '') FROM hosts WHERE name = ?"), {host});
    if (!q)
        return q.error();
    if (!q->next())
        return HostDomain{host, {}, {}};
    return HostDomain{q->value(0).toString(), q->value(1).toString(), q->value(2).toString()};
}

// Audit -------------------------------------------------------------------------------

Error TenancyStore::audit(AuditEntry e)
{
    if (e.at == 0)
        e.at = m_clock->nowSecs();
    auto q = m_store->exec(QStringLiteral("INSERT INTO audit_log (at, actor, tenant, host, action, target, result, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                           {e.at, e.actor, e.tenant.isEmpty() ? QVariant::fromValue(nullptr) : QVariant(e.tenant), e.host, e.action,
                            e.target, e.result, e.detail});
    return q ? Error{} : q.error();
}

Error TenancyStore::audited(AuditEntry e, const std::function<Error()> &change)
{
    if (e.actor.isEmpty())
        e.actor = m_store->currentUser();
    const Error error = m_store->transaction([&]() -> Error {
        if (Error c = change(); c.isError())
            return c;
        e.result = QStringLiteral("ok");
        return audit(e);
    });
    if (error.isError()) {
        e.result = error.kind == Error::Denied ? QStringLiteral("denied") : QStringLiteral("failed");
        e.detail = error.message;
        audit(e); // (a failed audit write must not hide the change's own error)
    }
    return error;
}

Expected<QList<AuditEntry>> TenancyStore::auditLog(const AuditFilter &f)
{
    auto q = m_store->exec(QStringLiteral("SELECT id, at, actor, COALESCE(tenant, ''), host, action, target, result, detail FROM audit_log"
                                          " WHERE (? = '' OR tenant = ?) AND (? = '' OR actor = ?) AND (? = '' OR substr(action, 1, length(?)) = ?)"
                                          " AND (? = '' OR host = ?) AND at >= ? AND (? = 0 OR at <= ?)"
                                          " ORDER BY at DESC, id DESC LIMIT ?"),
                           {f.tenant, f.tenant, f.actor, f.actor, f.action, f.action, f.action, f.host, f.host, f.since, f.until, f.until,
                            f.limit > 0 ? f.limit : 1000});
    if (!q)
        return q.error();
    QList<AuditEntry> list;
    while (q->next())
        list << AuditEntry{q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toString(), q->value(3).toString(),
                           q->value(4).toString(), q->value(5).toString(), q->value(6).toString(), q->value(7).toString(),
                           q->value(8).toString()};
    return list;
}

} // namespace Wharf::Backends
