#pragma once

#include "store/tenancystore.h"

namespace Wharf::Models {

// The platform's own administration (plans, tenants, members, host domains), from the console
// and wharfctl alike: each change is recorded in the one audit vocabulary (plan.create,
// tenant.suspend, domain.set, …) inside the change's own transaction, so a change and its
// record commit together or not at all. Runs where the store's connection lives (the console's
// database thread, wharfctl's own).
class TenancyAdmin
{
public:
    explicit TenancyAdmin(Backends::TenancyStore &store)
        : m_store(store)
    {
    }

    Backends::Error createPlan(const Backends::Plan &p);
    Backends::Error updatePlan(const Backends::Plan &p);
    Backends::Error removePlan(const QString &name);
    Backends::Error createTenant(const Backends::Tenant &t);
    // state: active (tenant.resume) or suspended (tenant.suspend)
    Backends::Error setTenantState(const QString &tenant, const QString &state);
    Backends::Error assignPlan(const QString &tenant, const QString &plan);
    // force: drop the tenant's records of resources too; its own PostgreSQL role goes with it.
    Backends::Error removeTenant(const QString &tenant, bool force);
    Backends::Error createTenantRole(const QString &tenant, const QString &password);
    Backends::Error createUser(const QString &name, const QString &tenant, const QString &password);
    Backends::Error removeUser(const QString &name);
    Backends::Error setHostDomain(const Backends::HostDomain &d);
    Backends::Error removeHostDomain(const QString &host);

private:
    Backends::Error change(const QString &action, const QString &tenant, const QString &host, const QString &target,
                           const std::function<Backends::Error()> &work);
    Backends::TenancyStore &m_store;
};

} // namespace Wharf::Models
