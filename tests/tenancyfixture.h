#pragma once

// A platform database for model tests: SQLite in a folder of the test's, migrated, with a plan
// "two" (two containers, 2 CPUs, 1 GiB), a tenant "acme" on it and host "h1" in the public
// domain.
#include "operations/operations.h"
#include "operations/tenancyadmin.h"
#include "store/store.h"
#include "store/tenancystore.h"

#include <QTest>

#include <memory>

namespace TestSupport {

// The gate run inline, as wharfctl runs it.
inline Wharf::Models::GateRunner inlineGateRunner(std::shared_ptr<Wharf::Models::PolicyGate> gate)
{
    return [gate](std::function<void(Wharf::Models::PolicyGate &)> work, std::function<void()> then) {
        work(*gate);
        if (then)
            then();
    };
}

inline std::shared_ptr<Wharf::Backends::TenancyStore> tenancyFixture(const QString &sqlitePath)
{
    using namespace Wharf::Backends;
    auto url = StoreUrl::parse(QStringLiteral("sqlite://") + sqlitePath);
    if (!url)
        return {};
    auto s = Store::open(*url);
    if (!s || (*s)->migrate().isError())
        return {};
    auto store = std::make_shared<TenancyStore>(*s);
    Wharf::Models::TenancyAdmin admin(*store);
    Plan p;
    p.name = QStringLiteral("two");
    p.maxContainers = 2;
    p.cpusNano = 2'000'000'000;
    p.memoryBytes = 1024LL * 1024 * 1024;
    Tenant t;
    t.name = QStringLiteral("acme");
    t.plan = p.name;
    if (admin.createPlan(p).isError() || admin.createTenant(t).isError()
        || admin.setHostDomain({QStringLiteral("h1"), QStringLiteral("public"), {}}).isError())
        return {};
    return store;
}

} // namespace TestSupport
