#include "serviceplan.h"

#include "tenancy/policygate.h"

#include <QJsonArray>
#include <QStringList>

#include <algorithm>

namespace Wharf::Models::Services {

Replica Replica::fromListEntry(const QJsonObject &entry, const QString &network)
{
    Replica r;
    r.id = entry.value(QLatin1String("Id")).toString();
    const QJsonArray names = entry.value(QLatin1String("Names")).toArray();
    r.name = names.isEmpty() ? QString() : names.first().toString().mid(1);
    const QJsonObject labels = entry.value(QLatin1String("Labels")).toObject();
    r.service = labels.value(QLatin1String(Label::WharfService)).toString();
    r.tenant = labels.value(QLatin1String(PolicyGate::TenantLabel)).toString();
    r.number = labels.value(QLatin1String(Label::Replica)).toString().toInt();
    r.configHash = labels.value(QLatin1String(Label::ServiceConfigHash)).toString();
    r.deployment = labels.value(QLatin1String(Label::Deployment)).toString();
    r.state = entry.value(QLatin1String("State")).toString();
    const QString status = entry.value(QLatin1String("Status")).toString();
    if (status.contains(QLatin1String("(healthy)")))
        r.health = QStringLiteral("healthy");
    else if (status.contains(QLatin1String("(unhealthy)")))
        r.health = QStringLiteral("unhealthy");
    else if (status.contains(QLatin1String("(health: starting)")))
        r.health = QStringLiteral("starting");
    r.address = entry.value(QLatin1String("NetworkSettings")).toObject().value(QLatin1String("Networks")).toObject().value(network).toObject().value(QLatin1String("IPAddress")).toString();
    r.created = qint64(entry.value(QLatin1String("Created")).toDouble());
    return r;
}

QList<Replica> Replica::ofService(const QJsonArray &containers, const QString &service, const QString &network)
{
    QList<Replica> list;
    for (const QJsonValue &v : containers) {
        const QJsonObject labels = v.toObject().value(QLatin1String("Labels")).toObject();
        if (labels.value(QLatin1String(Label::WharfService)).toString() == service && labels.contains(QLatin1String(Label::Replica)))
            list << fromListEntry(v.toObject(), network);
    }
    std::sort(list.begin(), list.end(), [](const Replica &a, const Replica &b) { return a.number != b.number ? a.number < b.number : a.created < b.created; });
    return list;
}

QJsonObject Replica::toJson() const
{
    return {{QStringLiteral("id"), id},         {QStringLiteral("name"), name},   {QStringLiteral("service"), service},
            {QStringLiteral("replica"), number}, {QStringLiteral("state"), state}, {QStringLiteral("health"), health},
            {QStringLiteral("address"), address}, {QStringLiteral("configHash"), configHash}, {QStringLiteral("deployment"), deployment},
            {QStringLiteral("created"), created}};
}

QString ServicePlan::summary() const
{
    QStringList parts;
    if (!create.isEmpty())
        parts << QStringLiteral("%1 to create").arg(create.size());
    if (!failed.isEmpty())
        parts << QStringLiteral("%1 failed").arg(failed.size());
    if (!surplus.isEmpty())
        parts << QStringLiteral("%1 to remove").arg(surplus.size());
    if (!outdated.isEmpty())
        parts << QStringLiteral("%1 to update").arg(outdated.size());
    if (!starting.isEmpty())
        parts << QStringLiteral("%1 starting").arg(starting.size());
    parts << QStringLiteral("%1 ready").arg(pool.size());
    return parts.join(QStringLiteral(", "));
}

ServicePlan planService(const ServiceSpec &spec, const QList<Replica> &observed, const QHash<QString, qint64> &unhealthySince, qint64 nowMs)
{
    ServicePlan plan;
    const QString hash = spec.configHash();
    QList<Replica> alive;
    for (const Replica &r : observed) {
        if (r.state == QLatin1String("removing"))
            continue;
        if (!r.alive()) {
            plan.failed << r;
            continue;
        }
        if (r.health == QLatin1String("unhealthy")) {
            const qint64 since = unhealthySince.value(r.id, nowMs);
            if (nowMs - since >= spec.health.graceMs) {
                plan.failed << r;
                continue;
            }
        }
        alive << r;
    }
    // oldest first, so that of two with one number the one that served longest stays
    std::sort(alive.begin(), alive.end(), [](const Replica &a, const Replica &b) {
        return a.created != b.created ? a.created < b.created : a.id < b.id;
    });
    for (int n = 1; n <= spec.replicas; ++n) {
        QList<Replica> current, old;
        for (const Replica &r : std::as_const(alive))
            if (r.number == n)
                (r.configHash == hash ? current : old) << r;
        const Replica *keep = nullptr;
        for (const Replica &r : std::as_const(current))
            if (r.ready()) {
                keep = &r;
                break;
            }
        if (keep) {
            plan.pool << *keep;
            for (const Replica &r : std::as_const(current))
                if (r.id != keep->id)
                    plan.surplus << r;
            plan.surplus << old; // replaced: the new one of its number is ready
            continue;
        }
        if (!current.isEmpty()) {
            // the new one is on its way: the old one (if any) serves meanwhile
            plan.starting << current.first();
            plan.surplus << current.mid(1);
            for (const Replica &r : std::as_const(old))
                if (r.ready())
                    plan.pool << r;
            continue;
        }
        if (old.isEmpty()) {
            plan.create << n;
            continue;
        }
        // only the old configuration: rolled, the first one ready meanwhile in the pool
        const Replica *serving = nullptr;
        for (const Replica &r : std::as_const(old))
            if (r.ready()) {
                serving = &r;
                break;
            }
        const Replica &first = serving ? *serving : old.first();
        plan.outdated << first;
        if (serving)
            plan.pool << first;
        for (const Replica &r : std::as_const(old))
            if (r.id != first.id)
                plan.surplus << r;
    }
    for (const Replica &r : std::as_const(alive))
        if (r.number < 1 || r.number > spec.replicas)
            plan.surplus << r;
    return plan;
}

} // namespace Wharf::Models::Services
