#include "tenancyadmin.h"

namespace Wharf::Models {

using namespace Backends;

Error TenancyAdmin::change(const QString &action, const QString &tenant, const QString &host, const QString &target,
                           const std::function<Error()> &work)
{
    AuditEntry e;
    e.tenant = tenant;
    e.host = host;
    e.action = action;
    e.target = target;
    return m_store.audited(e, work);
}

Error TenancyAdmin::createPlan(const Plan &p)
{
    return change(QStringLiteral("plan.create"), {}, {}, p.name, [&] { return m_store.createPlan(p); });
}

Error TenancyAdmin::updatePlan(const Plan &p)
{
    return change(QStringLiteral("plan.update"), {}, {}, p.name, [&] { return m_store.updatePlan(p); });
}

Error TenancyAdmin::removePlan(const QString &name)
{
    return change(QStringLiteral("plan.remove"), {}, {}, name, [&] { return m_store.removePlan(name); });
}

Error TenancyAdmin::createTenant(const Tenant &t)
{
    return change(QStringLiteral("tenant.create"), t.name, {}, t.name, [&] { return m_store.createTenant(t); });
}

Error TenancyAdmin::setTenantState(const QString &tenant, const QString &state)
{
    const QString action = state == QLatin1String("active") ? QStringLiteral("tenant.resume") : QStringLiteral("tenant.suspend");
    return change(action, tenant, {}, tenant, [&] { return m_store.setTenantState(tenant, state); });
}

Error TenancyAdmin::assignPlan(const QString &tenant, const QString &plan)
{
    return change(QStringLiteral("tenant.plan"), tenant, {}, plan, [&] { return m_store.assignPlan(tenant, plan); });
}

Error TenancyAdmin::removeTenant(const QString &tenant, bool force)
{
    // (the record names no tenant: the tenant's rows, this one too, would go with it)
    return change(QStringLiteral("tenant.remove"), {}, {}, tenant, [&]() -> Error {
        if (Error e = m_store.removeTenant(tenant, force); e.isError())
            return e;
        if (m_store.store()->isPostgres())
            m_store.dropTenantRole(tenant); // no role (never made) is fine
        return {};
    });
}

Error TenancyAdmin::createTenantRole(const QString &tenant, const QString &password)
{
    return change(QStringLiteral("tenant.role"), tenant, {}, tenant, [&] { return m_store.createTenantRole(tenant, password); });
}

Error TenancyAdmin::createUser(const QString &name, const QString &tenant, const QString &password)
{
    return change(QStringLiteral("user.create"), tenant, {}, name, [&] { return m_store.createUser(name, tenant, password); });
}

Error TenancyAdmin::removeUser(const QString &name)
{
    return change(QStringLiteral("user.remove"), {}, {}, name, [&] { return m_store.removeUser(name); });
}

Error TenancyAdmin::setHostDomain(const HostDomain &d)
{
    return change(QStringLiteral("domain.set"), d.tenant, d.host, d.domain, [&] { return m_store.setHostDomain(d); });
}

Error TenancyAdmin::removeHostDomain(const QString &host)
{
    return change(QStringLiteral("domain.remove"), {}, host, host, [&] { return m_store.removeHostDomain(host); });
}

} // namespace Wharf::Models
