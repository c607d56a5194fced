#include "cli.h"
#include "operations/daemoncalls.h"
#include "docker/containerspec.h"
#include "tenancy/policygate.h"

#include <QJsonObject>
#include <QSet>

namespace Wharf::App {

using namespace Backends;

static Error parseKeyValues(const QStringList &list, QJsonObject *out, const QString &what)
{
    for (const auto &kv : list) {
        const int eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return Error::make(Error::Input, QCoreApplication::translate("wharfctl", "bad %1 \"%2\": use KEY=VALUE").arg(what, kv));
        out->insert(kv.left(eq), kv.mid(eq + 1));
    }
    return {};
}

// The names (and ids) of the tenant's own volumes or networks on this host (the database decides).
Expected<QSet<QString>> Cli::ownedNames(const QString &kind)
{
    auto mine = m_gate->store()->resources(m_tenantName, hostKey());
    if (!mine)
        return mine.error();
    QSet<QString> names; // a volume's ref is its name, a network's its id
    for (const auto &r : *mine)
        if (r.kind == kind)
            for (const QString &n : {r.ref, r.name})
                if (!n.isEmpty())
                    names.insert(n);
    return names;
}

void Cli::cmdVolume(const QStringList &all)
{
    const QString sub = all.value(0);
    const QStringList a = all.mid(1);
    FlagParser f = flagsOf("volume");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    const QStringList pos = f.positional();
    // A tenant works on its own volumes: created through the gate, listed, inspected, removed.
    const bool tenant = m_gate && m_gate->principal().isTenant();
    m_ownedKind = QStringLiteral("volume");
    if (tenant && sub != QLatin1String("ls") && sub != QLatin1String("create") && sub != QLatin1String("inspect") && sub != QLatin1String("rm"))
        return fail(tenantRefusal(QStringLiteral("volume"), sub).message);
    if (sub == QLatin1String("ls")) {
        Filters filters;
        if (auto e = parseFilters(f.values(QStringLiteral("--filter")), &filters); e.isError())
            return failUsage(e.message);
        QSet<QString> owned;
        if (tenant) {
            auto mine = ownedNames(QStringLiteral("volume"));
            if (!mine)
                return fail(mine.error().message);
            owned = *mine;
        }
        call(m_client->listVolumes(filters), [this, f, tenant, owned](DockerJob *job) {
            QJsonArray vols = job->json().object().value(QLatin1String("Volumes")).toArray();
            if (tenant) {
                QJsonArray kept;
                for (const auto &v : std::as_const(vols))
                    if (owned.contains(v.toObject().value(QLatin1String("Name")).toString()))
                        kept << v;
                vols = kept;
            }
            if (m_json) {
                QJsonArray out;
                for (const auto &v : vols) {
                    const QJsonObject o = v.toObject();
                    out.append(QJsonObject{{QStringLiteral("name"), o.value(QLatin1String("Name"))},
                                           {QStringLiteral("driver"), o.value(QLatin1String("Driver"))},
                                           {QStringLiteral("mountpoint"), o.value(QLatin1String("Mountpoint"))},
                                           {QStringLiteral("labels"), o.value(QLatin1String("Labels"))},
                                           {QStringLiteral("created"), o.value(QLatin1String("CreatedAt"))}});
                }
                printJson(out);
            } else if (f.isSet(QStringLiteral("-q"))) {
                for (const auto &v : vols)
                    m_out << v.toObject().value(QLatin1String("Name")).toString() << '\n';
            } else {
                QList<QStringList> rows;
                for (const auto &v : vols)
                    rows << QStringList{v.toObject().value(QLatin1String("Driver")).toString(),
                                        v.toObject().value(QLatin1String("Name")).toString()};
                printTable({QStringLiteral("DRIVER"), QStringLiteral("VOLUME NAME")}, rows);
            }
            finish(0);
        });
    } else if (sub == QLatin1String("create")) {
        QJsonObject body;
        const QString name = pos.value(0, f.value(QStringLiteral("--name")));
        if (!name.isEmpty())
            body.insert(QStringLiteral("Name"), name);
        body.insert(QStringLiteral("Driver"), f.value(QStringLiteral("-d"), QStringLiteral("local")));
        QJsonObject labels, opts;
        if (auto e = parseKeyValues(f.values(QStringLiteral("--label")), &labels, QStringLiteral("label")); e.isError())
            return failUsage(e.message);
        for (auto it = labels.begin(); it != labels.end(); ++it)
            if (auto e = ContainerSpec::checkLabelKey(it.key()); e.isError())
                return failUsage(e.message);
        if (auto e = parseKeyValues(f.values(QStringLiteral("-o")), &opts, QStringLiteral("option")); e.isError())
            return failUsage(e.message);
        body.insert(QStringLiteral("Labels"), labels);
        body.insert(QStringLiteral("DriverOpts"), opts);
        operate(Models::Request::create(QStringLiteral("volume"), name, body), Models::Calls::createVolume(m_client), [this](const Models::Outcome &o) {
            m_out << o.id << Qt::endl;
            finish(0);
        });
    } else if (sub == QLatin1String("inspect")) {
        auto results = std::make_shared<QJsonArray>();
        forEach(pos, [this](const QString &n) { return m_client->inspectVolume(n); },
                [results](const QString &, DockerJob *job) { results->append(job->json().object()); },
                [this, results](int) { printJson(*results); });
    } else if (sub == QLatin1String("rm")) {
        const bool force = f.isSet(QStringLiteral("-f"));
        forEachOp(pos, [](const QString &n) { return Models::Request::remove(QStringLiteral("volume"), n); },
                  [this, force](const QString &n) { return Models::Calls::removeVolume(m_client, n, force); });
    } else if (sub == QLatin1String("prune")) {
        Filters filters;
        if (auto e = parseFilters(f.values(QStringLiteral("--filter")), &filters); e.isError())
            return failUsage(e.message);
        operate(Models::Request::admin(QStringLiteral("volume"), QStringLiteral("prune"), {}), Models::Calls::pruneVolumes(m_client, filters),
                [this](const Models::Outcome &outcome) {
            const QJsonObject o = outcome.job->json().object();
            if (m_json) {
                printJson(o);
            } else {
                const QJsonArray del = o.value(QLatin1String("VolumesDeleted")).toArray();
                if (!del.isEmpty())
                    m_out << "Deleted Volumes:\n";
                for (const auto &v : del)
                    m_out << v.toString() << '\n';
                m_out << "\nTotal reclaimed space: " << humanSize(o.value(QLatin1String("SpaceReclaimed")).toDouble()) << Qt::endl;
            }
            finish(0);
        });
    } else {
        failUsage(QCoreApplication::translate("wharfctl", "usage: wharfctl volume ls|create|inspect|rm|prune"));
    }
}

void Cli::cmdNetwork(const QStringList &all)
{
    const QString sub = all.value(0);
    const QStringList a = all.mid(1);
    FlagParser f = flagsOf("network");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    const QStringList pos = f.positional();
    // A tenant works on networks of its own (plain bridges made through the gate); the
    // daemon's bridge and none are listed too, as every container may join them.
    const bool tenant = m_gate && m_gate->principal().isTenant();
    m_ownedKind = QStringLiteral("network");
    if (tenant && sub != QLatin1String("ls") && sub != QLatin1String("create") && sub != QLatin1String("inspect") && sub != QLatin1String("rm"))
        return fail(tenantRefusal(QStringLiteral("network"), sub).message);
    if (sub == QLatin1String("ls")) {
        Filters filters;
        if (auto e = parseFilters(f.values(QStringLiteral("--filter")), &filters); e.isError())
            return failUsage(e.message);
        QSet<QString> owned{QStringLiteral("bridge"), QStringLiteral("none")};
        if (tenant) {
            auto mine = ownedNames(QStringLiteral("network"));
            if (!mine)
                return fail(mine.error().message);
            owned += *mine;
        }
        call(m_client->listNetworks(filters), [this, f, tenant, owned](DockerJob *job) {
            QJsonArray nets = job->json().array();
            if (tenant) {
                QJsonArray kept;
                for (const auto &v : std::as_const(nets))
                    if (owned.contains(v.toObject().value(QLatin1String("Name")).toString()))
                        kept << v;
                nets = kept;
            }
            if (m_json) {
                QJsonArray out;
                for (const auto &v : nets) {
                    const QJsonObject o = v.toObject();
                    out.append(QJsonObject{{QStringLiteral("id"), o.value(QLatin1String("Id"))},
                                           {QStringLiteral("name"), o.value(QLatin1String("Name"))},
                                           {QStringLiteral("driver"), o.value(QLatin1String("Driver"))},
                                           {QStringLiteral("scope"), o.value(QLatin1String("Scope"))}});
                }
                printJson(out);
            } else if (f.isSet(QStringLiteral("-q"))) {
                for (const auto &v : nets)
                    m_out << shortId(v.toObject().value(QLatin1String("Id")).toString()) << '\n';
            } else {
                QList<QStringList> rows;
                for (const auto &v : nets) {
                    const QJsonObject o = v.toObject();
                    rows << QStringList{shortId(o.value(QLatin1String("Id")).toString()), o.value(QLatin1String("Name")).toString(),
                                        o.value(QLatin1String("Driver")).toString(), o.value(QLatin1String("Scope")).toString()};
                }
                printTable({QStringLiteral("NETWORK ID"), QStringLiteral("NAME"), QStringLiteral("DRIVER"), QStringLiteral("SCOPE")}, rows);
            }
            finish(0);
        });
    } else if (sub == QLatin1String("create")) {
        if (pos.size() != 1)
            return failUsage(QCoreApplication::translate("wharfctl", "usage: wharfctl network create [OPTIONS] NAME"));
        QJsonObject body{{QStringLiteral("Name"), pos[0]},
                         {QStringLiteral("Driver"), f.value(QStringLiteral("-d"), QStringLiteral("bridge"))},
                         {QStringLiteral("Internal"), f.isSet(QStringLiteral("--internal"))},
                         {QStringLiteral("Attachable"), f.isSet(QStringLiteral("--attachable"))},
                         {QStringLiteral("CheckDuplicate"), true}};
        QJsonObject labels;
        if (auto e = parseKeyValues(f.values(QStringLiteral("--label")), &labels, QStringLiteral("label")); e.isError())
            return failUsage(e.message);
        for (auto it = labels.begin(); it != labels.end(); ++it)
            if (auto e = ContainerSpec::checkLabelKey(it.key()); e.isError())
                return failUsage(e.message);
        body.insert(QStringLiteral("Labels"), labels);
        if (f.isSet(QStringLiteral("--subnet"))) {
            QJsonObject cfg{{QStringLiteral("Subnet"), f.value(QStringLiteral("--subnet"))}};
            if (f.isSet(QStringLiteral("--gateway")))
                cfg.insert(QStringLiteral("Gateway"), f.value(QStringLiteral("--gateway")));
            body.insert(QStringLiteral("IPAM"), QJsonObject{{QStringLiteral("Config"), QJsonArray{cfg}}});
        }
        operate(Models::Request::create(QStringLiteral("network"), body.value(QLatin1String("Name")).toString(), body), Models::Calls::createNetwork(m_client),
                [this](const Models::Outcome &o) {
                    m_out << o.id << Qt::endl;
                    finish(0);
                });
    } else if (sub == QLatin1String("inspect")) {
        auto results = std::make_shared<QJsonArray>();
        forEach(pos, [this](const QString &n) { return m_client->inspectNetwork(n); },
                [results](const QString &, DockerJob *job) { results->append(job->json().object()); },
                [this, results](int) { printJson(*results); });
    } else if (sub == QLatin1String("connect") || sub == QLatin1String("disconnect")) {
        if (pos.size() != 2)
            return failUsage(QCoreApplication::translate("wharfctl", "usage: wharfctl network %1 NETWORK CONTAINER").arg(sub));
        operate(Models::Request::act(QStringLiteral("network"), sub, pos[0]).touching(pos[1]),
                sub == QLatin1String("connect") ? Models::Calls::connectNetwork(m_client, pos[0], pos[1])
                                                : Models::Calls::disconnectNetwork(m_client, pos[0], pos[1], f.isSet(QStringLiteral("-f"))),
                [this](const Models::Outcome &) { finish(0); });
    } else if (sub == QLatin1String("rm")) {
        forEachOp(pos, [](const QString &n) { return Models::Request::remove(QStringLiteral("network"), n); },
                  [this](const QString &n) { return Models::Calls::removeNetwork(m_client, n); });
    } else {
        failUsage(QCoreApplication::translate("wharfctl", "usage: wharfctl network ls|create|inspect|connect|disconnect|rm"));
    }
}

} // namespace Wharf::App
