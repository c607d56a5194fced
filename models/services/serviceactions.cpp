#include "serviceactions.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace Wharf::Models::Services {

using Backends::Error;
using Backends::Expected;
using Backends::ServiceRecord;
using Backends::ServiceStore;

ServiceActions::ServiceActions(Operations *operations, const QString &tenant, QObject *parent)
    : QObject(parent)
    , m_ops(operations)
    , m_tenant(tenant)
{
}

Error ServiceActions::checkQuota(Backends::TenancyStore &store, const QString &tenant, const ServiceSpec *before, const ServiceSpec &after)
{
    if (tenant.isEmpty())
        return {};
    auto t = store.tenant(tenant);
    if (!t)
        return t.error();
    auto plan = store.plan(t->plan);
    if (!plan)
        return plan.error();
    auto used = store.usage(tenant);
    if (!used)
        return used.error();
    // what the gate gives a replica without limits: a fair share of the plan
    const auto limit = [&plan](const ServiceSpec &s, const char *key, qint64 share) {
        const qint64 v = s.container.value(QLatin1String("HostConfig")).toObject().value(QLatin1String(key)).toInteger();
        return v > 0 ? v : share / std::max(1, plan->maxContainers);
    };
    // a start-first update runs a batch beside the service, and the last batch drains meanwhile
    const int surge = before && before->configHash() != after.configHash() && after.update.startFirst ? 2 * std::min(after.update.parallelism, after.replicas) : 0;
    const int count = after.replicas + surge;
    // what the service's replicas hold now (the rest of the usage stays as it is)
    auto held = store.resources(tenant, after.host);
    if (!held)
        return held.error();
    const QRegularExpression replicaName(QStringLiteral("^%1\\.\\d+\\.[a-z0-9]+$").arg(QRegularExpression::escape(after.name)));
    int counted = 0;
    qint64 heldCpus = 0, heldMemory = 0;
    for (const Backends::OwnedResource &r : *held)
        if (r.kind == QLatin1String("container") && replicaName.match(r.name).hasMatch()) {
            ++counted;
            heldCpus += r.cpusNano;
            heldMemory += r.memoryBytes;
        }
    const qint64 cpus = limit(after, "NanoCpus", plan->cpusNano) * count - heldCpus;
    const qint64 memory = limit(after, "Memory", plan->memoryBytes) * count - heldMemory;
    const QString message = Backends::TenancyStore::quotaMessage(tenant, *plan, *used, std::max(0, count - counted), std::max<qint64>(0, cpus), std::max<qint64>(0, memory), 0);
    if (!message.isEmpty())
        return Error::make(Error::Quota, message + QLatin1Char(' ') + tr("Nothing was changed."));
    return {};
}

void ServiceActions::create(ServiceSpec spec, Done done)
{
    spec.host = m_ops->host();
    spec.tenant = m_tenant;
    if (Error e = spec.validate(); e.isError())
        return done(e);
    Request request = Request::host(QStringLiteral("service"), QStringLiteral("create"), spec.name);
    request.imageNames.clear();
    const GatedSteps steps = m_ops->steps();
    m_ops->runWork(request,
                   [steps, spec](const QJsonObject &, Operations::Finished finished) {
                       steps.keep(
                           [spec](Backends::TenancyStore &t) {
                               ServiceRecord r;
                               r.host = spec.host;
                               r.name = spec.name;
                               r.tenant = spec.tenant;
                               r.spec = QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact);
                               r.status = QStringLiteral("scaling");
                               if (Error e = checkQuota(t, spec.tenant, nullptr, spec); e.isError())
                                   return e;
                               return ServiceStore(t.store()).insert(r);
                           },
                           [finished, spec](const Error &e) { finished(e, spec.name); });
                   },
                   [done](const Outcome &o) { done(o.error); });
}

// A request on an existing service of the principal's: its record read and handed to work,
// which changes it, where the gate's database lives; one audit record (service.VERB).
void ServiceActions::onService(const QString &name, const QString &verb, Work work, Done done)
{
    const GatedSteps steps = m_ops->steps();
    const QString host = m_ops->host();
    const QString tenant = m_tenant;
    m_ops->runWork(Request::host(QStringLiteral("service"), verb, name),
                   [steps, host, name, work, tenant](const QJsonObject &, Operations::Finished finished) {
                       steps.keep(
                           [host, name, work, tenant](Backends::TenancyStore &t) -> Error {
                               ServiceStore store(t.store());
                               auto r = store.service(host, name);
                               if (!r)
                                   return r.error();
                               if (!*r || (!tenant.isEmpty() && (*r)->tenant != tenant))
                                   return Error::make(Error::NotFound, tr("Host %1 has no service named %2.").arg(host, name));
                               return work(t, store, **r);
                           },
                           [finished, name](const Error &e) { finished(e, name); });
                   },
                   [done](const Outcome &o) { done(o.error); });
}

void ServiceActions::change(const QString &name, const QString &verb, Edit edit, Done done)
{
    onService(name, verb, [edit](Backends::TenancyStore &tenancy, ServiceStore &store, const ServiceRecord &r) -> Error {
        auto spec = ServiceSpec::fromJson(r.spec);
        if (!spec)
            return spec.error();
        const ServiceSpec before = *spec;
        if (Error e = edit(*spec); e.isError())
            return e;
        if (Error e = spec->validate(); e.isError())
            return e;
        if (Error e = checkQuota(tenancy, r.tenant, &before, *spec); e.isError())
            return e;
        return store.update(r.host, r.name, QJsonDocument(spec->toJson()).toJson(QJsonDocument::Compact), r.generation);
    }, std::move(done));
}

void ServiceActions::scale(const QString &name, int replicas, Done done)
{
    change(name, QStringLiteral("scale"), [replicas](ServiceSpec &s) {
        s.replicas = replicas;
        return Error{};
    }, std::move(done));
}

void ServiceActions::restart(const QString &name, Done done)
{
    change(name, QStringLiteral("restart"), [](ServiceSpec &s) {
        ++s.forceUpdate;
        return Error{};
    }, std::move(done));
}

void ServiceActions::rollback(const QString &name, Done done)
{
    onService(name, QStringLiteral("rollback"), [](Backends::TenancyStore &tenancy, ServiceStore &store, const ServiceRecord &r) -> Error {
        auto now = ServiceSpec::fromJson(r.spec);
        auto back = ServiceSpec::fromJson(r.previous);
        if (now && back)
            if (Error e = checkQuota(tenancy, r.tenant, &*now, *back); e.isError())
                return e;
        return store.rollback(r.host, r.name);
    }, std::move(done));
}

void ServiceActions::remove(const QString &name, Done done)
{
    onService(name, QStringLiteral("remove"), [](Backends::TenancyStore &, ServiceStore &store, const ServiceRecord &r) { return store.remove(r.host, r.name); }, std::move(done));
}

void ServiceActions::list(std::function<void(const Expected<QList<ServiceRecord>> &)> done)
{
    auto result = std::make_shared<QList<ServiceRecord>>();
    const QString host = m_ops->host();
    const QString tenant = m_tenant;
    m_ops->steps().keep(
        [result, host, tenant](Backends::TenancyStore &t) -> Error {
            auto r = ServiceStore(t.store()).services(host);
            if (!r)
                return r.error();
            for (const ServiceRecord &s : *r)
                if (tenant.isEmpty() || s.tenant == tenant)
                    *result << s;
            return {};
        },
        [result, done](const Error &e) {
            if (e.isError())
                return done(e);
            done(*result);
        });
}

void ServiceActions::get(const QString &name, std::function<void(const Expected<ServiceRecord> &)> done)
{
    list([name, done, host = m_ops->host()](const Expected<QList<ServiceRecord>> &all) {
        if (!all)
            return done(all.error());
        for (const ServiceRecord &r : *all)
            if (r.name == name)
                return done(r);
        done(Error::make(Error::NotFound, tr("Host %1 has no service named %2.").arg(host, name)));
    });
}

void ServiceActions::setEdgeImage(const QString &image, Done done)
{
    if (image.trimmed().isEmpty() || image.size() > 512 || image.contains(QLatin1Char(' ')))
        return done(Error::make(Error::Input, tr("\"%1\" is not an image reference.").arg(image.left(80))));
    const GatedSteps steps = m_ops->steps();
    const QString host = m_ops->host();
    m_ops->runWork(Request::admin(QStringLiteral("edge"), QStringLiteral("image"), host),
                   [steps, host, image](const QJsonObject &, Operations::Finished finished) {
                       steps.keep(
                           [host, image](Backends::TenancyStore &t) -> Error {
                               ServiceStore store(t.store());
                               auto s = store.edgeSettings(host);
                               if (!s)
                                   return s.error();
                               QJsonObject settings = *s;
                               settings.insert(QStringLiteral("image"), image);
                               return store.setEdgeSettings(host, settings);
                           },
                           [finished, host](const Error &e) { finished(e, host); });
                   },
                   [done](const Outcome &o) { done(o.error); });
}

void ServiceActions::edgeSettings(std::function<void(const Expected<QJsonObject> &)> done)
{
    auto result = std::make_shared<QJsonObject>();
    const QString host = m_ops->host();
    m_ops->steps().keep(
        [result, host](Backends::TenancyStore &t) -> Error {
            auto s = ServiceStore(t.store()).edgeSettings(host);
            if (!s)
                return s.error();
            *result = *s;
            return {};
        },
        [result, done](const Error &e) {
            if (e.isError())
                return done(e);
            done(*result);
        });
}

} // namespace Wharf::Models::Services
