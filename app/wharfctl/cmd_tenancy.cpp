// Tenancy in wharfctl: the metadata database (db), plans, tenants, host domains, quotas and
// the audit log; and the policy gate every resource command passes with --tenant.
#include "cli.h"
#include "tenancy/tenantprofile.h"
#include "operations/tenancyadmin.h"
#include "terminal.h"

#include "docker/format.h"
#include "store/controllease.h"
#include "store/tenancystore.h"
#include "tenancy/policygate.h"
#include "tenancy/tenantdaemons.h"

#include <QFile>
#include <QJsonObject>

namespace Wharf::App {

using namespace Backends;
using Models::PolicyGate;
using Models::Principal;

namespace {
QString cpusText(qint64 nano)
{
    return QString::number(double(nano) / 1e9, 'g', 6);
}

QString dateText(qint64 secs)
{
    return secs ? QDateTime::fromSecsSinceEpoch(secs).toString(Qt::ISODate) : QString();
}

QJsonObject planJson(const Plan &p)
{
    return QJsonObject{{QStringLiteral("name"), p.name},
                       {QStringLiteral("maxContainers"), p.maxContainers},
                       {QStringLiteral("maxPids"), p.maxPids},
                       {QStringLiteral("cpus"), double(p.cpusNano) / 1e9},
                       {QStringLiteral("memoryBytes"), p.memoryBytes},
                       {QStringLiteral("diskBytes"), p.diskBytes},
                       {QStringLiteral("bandwidth"), p.bandwidthNote},
                       {QStringLiteral("priceHour"), p.priceHour.toString()},
                       {QStringLiteral("priceMonth"), p.priceMonth.toString()},
                       {QStringLiteral("cpuPriceHour"), p.cpuPriceHour.toString()},
                       {QStringLiteral("memoryPriceGibHour"), p.memoryPriceGibHour.toString()},
                       {QStringLiteral("diskPriceGibDay"), p.diskPriceGibDay.toString()},
                       {QStringLiteral("freeTier"), p.freeTier},
                       {QStringLiteral("revision"), p.revision}};
}
} // namespace

// Opens the database once (the password of a PostgreSQL role from the keychain), brings its
// schema up to date, and makes the gate for this run's principal.
void Cli::withTenancy(std::function<void()> then)
{
    if (m_tenancy)
        return then();
    const QString text = !m_dbUrl.isEmpty() ? m_dbUrl : qEnvironmentVariable("WHARF_DB");
    auto url = text.isEmpty() ? Expected<StoreUrl>(StoreUrl::defaultUrl()) : StoreUrl::parse(text);
    if (!url)
        return failUsage(url.error().message);
    auto open = [this, then, u = *url](const QString &password) {
        auto store = Store::open(u, password);
        if (!store)
            return fail(store.error().message);
        if (auto e = (*store)->ensureSchema(); e.isError())
            return fail(e.message);
        m_tenancy = std::make_shared<TenancyStore>(*store);
        m_dbPassword = password;
        Principal who;
        who.user = (*store)->currentUser();
        // A tenant's own database role is confined to its tenant, whatever --tenant says.
        auto confined = m_tenancy->connectedTenant();
        if (!confined)
            return fail(confined.error().message);
        if (!confined->isEmpty()) {
            if (!m_tenantName.isEmpty() && m_tenantName != *confined)
                return fail(tr("This database role belongs to tenant \"%1\"; it cannot act as \"%2\".").arg(*confined, m_tenantName));
            m_tenantName = *confined;
        }
        if (!m_tenantName.isEmpty()) {
            auto t = m_tenancy->tenant(m_tenantName);
            if (!t)
                return fail(t.error().message);
        }
        who.tenant = m_tenantName;
        m_gate = std::make_shared<PolicyGate>(m_tenancy, who);
        then();
    };
    if (url->engine == StoreUrl::Sqlite || qEnvironmentVariable("WHARF_KEYCHAIN") == QLatin1String("none"))
        return open({}); // libpq still reads PGPASSWORD and ~/.pgpass
    credentials()->read(url->secretKey(), [open](const Expected<QByteArray> &secret) {
        open(secret ? QString::fromUtf8(*secret) : QString());
    });
}

QString Cli::hostKey() const
{
    return !m_hostName.isEmpty() ? m_hostName : (m_client ? m_client->endpoint().url() : QString());
}

void Cli::cmdDb(const QStringList &a)
{
    const QString sub = a.value(0);
    if (sub == QLatin1String("status") || sub == QLatin1String("migrate")) {
        return withTenancy([this, sub] {
            Store *s = m_tenancy->store();
            const int v = s->schemaVersion().hasValue() ? *s->schemaVersion() : -1;
            if (json())
                return printJson(QJsonObject{{QStringLiteral("url"), s->url().toString()},
                                             {QStringLiteral("schema"), v},
                                             {QStringLiteral("latest"), Store::latestVersion()},
                                             {QStringLiteral("user"), s->currentUser()},
                                             {QStringLiteral("tenant"), m_tenantName}}),
                       finish(0);
            out() << tr("Database: %1").arg(s->url().toString()) << '\n'
                  << tr("Schema:   %1 (this wharfctl knows %2)").arg(v).arg(Store::latestVersion()) << '\n'
                  << tr("Role:     %1%2").arg(s->currentUser(), m_tenantName.isEmpty() ? QString() : tr(" (tenant %1)").arg(m_tenantName)) << Qt::endl;
            finish(0);
        });
    }
    if (sub == QLatin1String("login")) {
        // Keeps a PostgreSQL role's password in the keychain, after checking it works.
        const QString text = !m_dbUrl.isEmpty() ? m_dbUrl : qEnvironmentVariable("WHARF_DB");
        auto url = StoreUrl::parse(text);
        if (!url || url->engine != StoreUrl::Postgres)
            return failUsage(tr("db login needs a PostgreSQL address: wharfctl --db postgresql://user@host:port/db db login --password-stdin"));
        const auto given = this->password(a.contains(QStringLiteral("--password-stdin")), tr("Password for %1: ").arg(url->toString()));
        if (!given)
            return;
        const QString password = *given;
        auto store = Store::open(*url, password);
        if (!store)
            return fail(store.error().message);
        credentials()->write(url->secretKey(), password.toUtf8(), [this, u = *url](const Error &e) {
            if (e.isError())
                return fail(e.message);
            out() << tr("Login Succeeded (%1; the password is in the keychain)").arg(u.toString()) << Qt::endl;
            finish(0);
        });
        return;
    }
    failUsage(tr("usage: wharfctl [--db URL] db status|migrate|login [--password-stdin]"));
}

Error Cli::parsePlanFlags(const FlagParser &f, Plan *p, bool creating)
{
    auto intFlag = [&](const QString &name, int *out) -> Error {
        if (!f.isSet(name) && f.value(name).isNull())
            return {};
        bool ok = false;
        const int v = f.value(name).toInt(&ok);
        if (!ok || v < 0)
            return Error::make(Error::Input, tr("%1 needs a whole number, not \"%2\"").arg(name, f.value(name)));
        *out = v;
        return {};
    };
    auto moneyFlag = [&](const QString &name, Money *out) -> Error {
        if (f.value(name).isNull())
            return {};
        auto m = Money::parse(f.value(name));
        if (!m)
            return Error::make(Error::Input, QStringLiteral("%1: %2").arg(name, m.error().message));
        *out = *m;
        return {};
    };
    if (auto e = intFlag(QStringLiteral("--max-containers"), &p->maxContainers); e.isError())
        return e;
    if (auto e = intFlag(QStringLiteral("--pids"), &p->maxPids); e.isError())
        return e;
    if (!f.value(QStringLiteral("--cpus")).isNull()) {
        auto c = ContainerSpec::parseCpus(f.value(QStringLiteral("--cpus")));
        if (!c)
            return c.error();
        p->cpusNano = *c;
    }
    if (!f.value(QStringLiteral("--memory")).isNull()) {
        auto m = ContainerSpec::parseMemory(f.value(QStringLiteral("--memory")));
        if (!m)
            return m.error();
        p->memoryBytes = *m;
    }
    if (!f.value(QStringLiteral("--disk")).isNull()) {
        auto m = ContainerSpec::parseMemory(f.value(QStringLiteral("--disk")));
        if (!m)
            return m.error();
        p->diskBytes = *m;
    }
    for (const auto &[flag, field] : {std::pair{QStringLiteral("--price-hour"), &p->priceHour}, {QStringLiteral("--price-month"), &p->priceMonth},
                                      {QStringLiteral("--cpu-price"), &p->cpuPriceHour}, {QStringLiteral("--memory-price"), &p->memoryPriceGibHour},
                                      {QStringLiteral("--disk-price"), &p->diskPriceGibDay}})
        if (auto e = moneyFlag(flag, field); e.isError())
            return e;
    if (!f.value(QStringLiteral("--bandwidth")).isNull())
        p->bandwidthNote = f.value(QStringLiteral("--bandwidth"));
    if (f.isSet(QStringLiteral("--free")))
        p->freeTier = true;
    if (creating) {
        if (f.value(QStringLiteral("--max-containers")).isNull() || f.value(QStringLiteral("--cpus")).isNull()
            || f.value(QStringLiteral("--memory")).isNull())
            return Error::make(Error::Input, tr("a plan needs --max-containers N --cpus C --memory M"));
        if (!p->freeTier && f.value(QStringLiteral("--price-hour")).isNull() && f.value(QStringLiteral("--price-month")).isNull())
            return Error::make(Error::Input, tr("a plan needs --price-hour P or --price-month P (or --free for a free tier)"));
    }
    return {};
}

void Cli::cmdPlan(const QStringList &a)
{
    const QString sub = a.value(0);
    FlagParser f = flagsOf("plan");
    if (auto e = f.parse(a.mid(1)); e.isError())
        return failUsage(e.message);
    const QStringList pos = f.positional();
    withTenancy([this, sub, f, pos] {
        const bool admin = !m_gate->principal().isTenant();
        if (sub == QLatin1String("ls") || sub.isEmpty()) {
            auto list = m_tenancy->plans();
            if (!list)
                return fail(list.error().message);
            if (json()) {
                QJsonArray arr;
                for (const auto &p : *list)
                    arr << planJson(p);
                printJson(arr);
                return finish(0);
            }
            QList<QStringList> rows;
            for (const auto &p : *list)
                rows << QStringList{p.name, QString::number(p.maxContainers), cpusText(p.cpusNano), formatBytes(double(p.memoryBytes)),
                                    p.diskBytes ? formatBytes(double(p.diskBytes)) : QStringLiteral("-"),
                                    p.freeTier ? tr("free") : (p.priceMonth.isZero() ? tr("%1/h").arg(p.priceHour.toString()) : tr("%1/month").arg(p.priceMonth.toString())),
                                    QString::number(p.revision)};
            printTable({tr("NAME"), tr("CONTAINERS"), tr("CPUS"), tr("MEMORY"), tr("DISK"), tr("PRICE"), tr("REVISION")}, rows);
            return finish(0);
        }
        if (pos.size() != 1)
            return failUsage(tr("usage: wharfctl plan create|update|show|rm NAME [flags]"));
        const QString name = pos.first();
        if (sub == QLatin1String("show")) {
            auto p = m_tenancy->plan(name);
            if (!p)
                return fail(p.error().message);
            if (json())
                return printJson(planJson(*p)), finish(0);
            out() << tr("Plan:            %1 (revision %2)").arg(p->name).arg(p->revision) << '\n'
                  << tr("Containers:      %1").arg(p->maxContainers) << '\n'
                  << tr("CPUs:            %1").arg(cpusText(p->cpusNano)) << '\n'
                  << tr("Memory:          %1").arg(formatBytes(double(p->memoryBytes))) << '\n'
                  << tr("Disk:            %1").arg(p->diskBytes ? formatBytes(double(p->diskBytes)) : tr("not limited")) << '\n'
                  << tr("Processes:       %1").arg(p->maxPids ? QString::number(p->maxPids) : tr("not limited")) << '\n'
                  << tr("Bandwidth:       %1").arg(p->bandwidthNote) << '\n'
                  << tr("Price:           %1").arg(p->freeTier ? tr("free tier") : p->priceMonth.isZero() ? tr("%1 per hour").arg(p->priceHour.toString()) : tr("%1 per month").arg(p->priceMonth.toString())) << '\n'
                  << tr("Usage prices:    %1 per CPU-hour, %2 per GiB-hour of memory, %3 per GiB-day of disk")
                         .arg(p->cpuPriceHour.toString(), p->memoryPriceGibHour.toString(), p->diskPriceGibDay.toString())
                  << Qt::endl;
            return finish(0);
        }
        if (!admin)
            return fail(tenantRefusal(QStringLiteral("plan"), sub).message);
        if (sub == QLatin1String("create")) {
            Plan p;
            p.name = name;
            if (auto e = parsePlanFlags(f, &p, true); e.isError())
                return failUsage(e.message);
            if (auto e = Models::TenancyAdmin(*m_tenancy).createPlan(p); e.isError())
                return fail(e.message);
            out() << name << Qt::endl;
            return finish(0);
        }
        if (sub == QLatin1String("update")) {
            auto p = m_tenancy->plan(name);
            if (!p)
                return fail(p.error().message);
            Plan changed = *p;
            // --revision N: the revision the change was based on (two admins, one plan).
            if (!f.value(QStringLiteral("--revision")).isNull())
                changed.revision = f.value(QStringLiteral("--revision")).toInt();
            if (auto e = parsePlanFlags(f, &changed, false); e.isError())
                return failUsage(e.message);
            if (auto e = Models::TenancyAdmin(*m_tenancy).updatePlan(changed); e.isError())
                return fail(e.message);
            out() << tr("%1 (revision %2)").arg(name).arg(changed.revision + 1) << Qt::endl;
            return finish(0);
        }
        if (sub == QLatin1String("rm")) {
            if (auto e = Models::TenancyAdmin(*m_tenancy).removePlan(name); e.isError())
                return fail(e.message);
            out() << name << Qt::endl;
            return finish(0);
        }
        failUsage(tr("usage: wharfctl plan ls|create|update|show|rm"));
    });
}

void Cli::cmdTenant(const QStringList &a)
{
    const QString sub = a.value(0);
    FlagParser f = flagsOf("tenant");
    if (auto e = f.parse(a.mid(1)); e.isError())
        return failUsage(e.message);
    const QStringList pos = f.positional();
    withTenancy([this, sub, f, pos] {
        const bool admin = !m_gate->principal().isTenant();
        if (sub == QLatin1String("ls") || sub.isEmpty()) {
            auto list = m_tenancy->tenants();
            if (!list)
                return fail(list.error().message);
            QJsonArray arr;
            QList<QStringList> rows;
            for (const auto &t : *list) {
                const QuotaUsage u = m_tenancy->usage(t.name).hasValue() ? *m_tenancy->usage(t.name) : QuotaUsage{};
                arr << QJsonObject{{QStringLiteral("name"), t.name}, {QStringLiteral("plan"), t.plan}, {QStringLiteral("state"), t.state},
                                   {QStringLiteral("email"), t.email}, {QStringLiteral("containers"), u.containers},
                                   {QStringLiteral("created"), dateText(t.createdAt)}};
                rows << QStringList{t.name, t.plan, t.state, QString::number(u.containers), t.email, dateText(t.createdAt)};
            }
            if (json())
                return printJson(arr), finish(0);
            printTable({tr("NAME"), tr("PLAN"), tr("STATE"), tr("CONTAINERS"), tr("EMAIL"), tr("CREATED")}, rows);
            return finish(0);
        }
        if (pos.isEmpty())
            return failUsage(tr("usage: wharfctl tenant create|show|suspend|resume|plan|role|rm|provision|deprovision|endpoints|profile NAME"));
        const QString name = pos.first();
        if (sub == QLatin1String("endpoints"))
            return tenantEndpoints(name);
        if (sub == QLatin1String("profile"))
            return tenantProfile(name);
        if (sub == QLatin1String("provision") || sub == QLatin1String("deprovision") || sub == QLatin1String("dedicate")
            || sub == QLatin1String("undedicate")) {
            if (!admin)
                return fail(tenantRefusal(QStringLiteral("tenant"), sub).message);
            return tenantDaemon(sub, name, f);
        }
        if (sub == QLatin1String("show")) {
            auto t = m_tenancy->tenant(name);
            if (!t)
                return fail(t.error().message);
            auto u = m_tenancy->usage(name);
            auto subs = m_tenancy->subscriptions(name);
            if (json()) {
                QJsonArray history;
                for (const auto &s : subs ? *subs : QList<Subscription>{})
                    history << QJsonObject{{QStringLiteral("plan"), s.plan}, {QStringLiteral("from"), dateText(s.validFrom)},
                                           {QStringLiteral("to"), dateText(s.validTo)}};
                printJson(QJsonObject{{QStringLiteral("name"), t->name}, {QStringLiteral("displayName"), t->displayName},
                                      {QStringLiteral("email"), t->email}, {QStringLiteral("phone"), t->phone},
                                      {QStringLiteral("state"), t->state}, {QStringLiteral("plan"), t->plan},
                                      {QStringLiteral("created"), dateText(t->createdAt)}, {QStringLiteral("subscriptions"), history}});
                return finish(0);
            }
            out() << tr("Tenant:   %1 %2").arg(t->name, t->displayName.isEmpty() ? QString() : QStringLiteral("(%1)").arg(t->displayName)) << '\n'
                  << tr("State:    %1").arg(t->state) << '\n'
                  << tr("Plan:     %1").arg(t->plan) << '\n'
                  << tr("Contact:  %1 %2").arg(t->email, t->phone) << '\n'
                  << tr("Created:  %1").arg(dateText(t->createdAt)) << '\n';
            if (u)
                out() << tr("In use:   %1 containers, %2 CPUs, %3 memory").arg(u->containers).arg(cpusText(u->cpusNano), formatBytes(double(u->memoryBytes))) << '\n';
            out().flush();
            return finish(0);
        }
        if (!admin)
            return fail(tenantRefusal(QStringLiteral("tenant"), sub).message);
        Error e;
        if (sub == QLatin1String("create")) {
            Tenant t;
            t.name = name;
            t.plan = f.value(QStringLiteral("--plan"));
            t.email = f.value(QStringLiteral("--email"));
            t.phone = f.value(QStringLiteral("--phone"));
            t.displayName = f.value(QStringLiteral("--display-name"));
            e = Models::TenancyAdmin(*m_tenancy).createTenant(t);
        } else if (sub == QLatin1String("suspend")) {
            e = Models::TenancyAdmin(*m_tenancy).setTenantState(name, QStringLiteral("suspended"));
        } else if (sub == QLatin1String("resume")) {
            e = Models::TenancyAdmin(*m_tenancy).setTenantState(name, QStringLiteral("active"));
        } else if (sub == QLatin1String("plan")) {
            if (pos.size() != 2)
                return failUsage(tr("usage: wharfctl tenant plan NAME PLAN"));
            e = Models::TenancyAdmin(*m_tenancy).assignPlan(name, pos.at(1));
        } else if (sub == QLatin1String("rm")) {
            e = Models::TenancyAdmin(*m_tenancy).removeTenant(name, f.isSet(QStringLiteral("--force")));
        } else if (sub == QLatin1String("role")) {
            // A PostgreSQL login role for the tenant's own console (row-level security).
            const auto password = this->password(f.isSet(QStringLiteral("--password-stdin")), tr("New database password for tenant %1: ").arg(name));
            if (!password)
                return;
            e = Models::TenancyAdmin(*m_tenancy).createTenantRole(name, *password);
            if (!e.isError()) {
                out() << tr("Role %1 can sign in to %2").arg(TenancyStore::roleOf(name), m_tenancy->store()->url().toString()) << Qt::endl;
                return finish(0);
            }
        } else {
            return failUsage(tr("usage: wharfctl tenant ls|create|show|suspend|resume|plan|role|rm"));
        }
        if (e.isError())
            return fail(e.message);
        out() << name << Qt::endl;
        finish(0);
    });
}

// What a tenant's daemon's cgroup used when the controller last read it.
QString Cli::cgroupUsageText(const TenantEndpoint::Usage &u)
{
    return tr("%1 memory (peak %2), %3 CPU-seconds, %4 processes, read %5")
        .arg(formatBytes(double(u.memoryBytes)), u.peakMemoryBytes ? formatBytes(double(u.peakMemoryBytes)) : tr("unknown"),
             QString::number(double(u.cpuMicros) / 1e6, 'f', 1))
        .arg(u.pids)
        .arg(dateText(u.at));
}

// A tenant's endpoints, as the principal may see them (a tenant its own only).
Expected<QList<TenantEndpoint>> Cli::endpointsOf(const QString &name)
{
    if (m_gate->principal().isTenant() && name != m_tenantName)
        return Error::make(Error::NotFound, tr("There is no tenant named \"%1\".").arg(name));
    if (auto t = m_tenancy->tenant(name); !t)
        return t.error();
    return m_tenancy->endpoints(name);
}

// Where a tenant reaches its own daemons (a tenant sees its own).
void Cli::tenantEndpoints(const QString &name)
{
    auto list = endpointsOf(name);
    if (!list)
        return fail(list.error().message);
    QJsonArray arr;
    QList<QStringList> rows;
    for (const auto &e : *list) {
        QJsonObject o{{QStringLiteral("host"), e.host}, {QStringLiteral("kind"), e.kind}, {QStringLiteral("user"), e.unixUser},
                      {QStringLiteral("url"), e.url}, {QStringLiteral("memoryBytes"), double(e.memoryBytes)},
                      {QStringLiteral("cpus"), cpusText(e.cpusNano)}, {QStringLiteral("pids"), e.pids},
                      {QStringLiteral("created"), dateText(e.createdAt)}};
        if (e.usage.at)
            o.insert(QStringLiteral("usage"), QJsonObject{{QStringLiteral("memoryBytes"), double(e.usage.memoryBytes)},
                                                          {QStringLiteral("peakMemoryBytes"), double(e.usage.peakMemoryBytes)},
                                                          {QStringLiteral("cpuSeconds"), double(e.usage.cpuMicros) / 1e6},
                                                          {QStringLiteral("pids"), e.usage.pids},
                                                          {QStringLiteral("read"), dateText(e.usage.at)}});
        arr << o;
        const QString limits = tr("%1 memory, %2 CPUs, %3 processes")
                                   .arg(e.memoryBytes ? formatBytes(double(e.memoryBytes)) : tr("any"), e.cpusNano ? cpusText(e.cpusNano) : tr("any"),
                                        e.pids ? QString::number(e.pids) : tr("any"));
        rows << QStringList{e.host,   e.kind, e.unixUser.isEmpty() ? QStringLiteral("-") : e.unixUser, e.url, limits,
                            e.usage.at ? cgroupUsageText(e.usage) : QStringLiteral("-"), dateText(e.createdAt)};
    }
    if (json())
        return printJson(arr), finish(0);
    printTable({tr("HOST"), tr("KIND"), tr("USER"), tr("ADDRESS"), tr("CGROUP LIMITS"), tr("IN USE"), tr("CREATED")}, rows);
    finish(0);
}

// The connection profile a tenant is handed (its endpoints and its database address; no
// secrets): wharfctl host import (or the console's File menu) saves its hosts.
void Cli::tenantProfile(const QString &name)
{
    auto list = endpointsOf(name);
    if (!list)
        return fail(list.error().message);
    const Models::ConnectionProfile profile =
        Models::ConnectionProfile::of(name, *list, Models::ConnectionProfile::databaseFor(m_tenancy->store()->url(), name));
    if (profile.hosts.isEmpty())
        m_err << tr("Tenant %1 has no endpoints yet (wharfctl tenant provision|dedicate).").arg(name) << Qt::endl;
    m_out << profile.toJson();
    finish(0);
}

// Gives a tenant a rootless daemon of its own on a host, or takes it away, over the admin's
// access to the host (a saved host's SSH address, or this machine's socket).
void Cli::tenantDaemon(const QString &sub, const QString &tenant, const FlagParser &f)
{
    const bool provision = sub == QLatin1String("provision");
    const bool dedicate = sub == QLatin1String("dedicate");
    const QString hostArg = f.value(QStringLiteral("--host"));
    if (hostArg.isEmpty())
        return failUsage(provision  ? tr("usage: wharfctl tenant provision TENANT --host HOST --ssh-pubkey FILE [--root DIR]")
                         : dedicate ? tr("usage: wharfctl tenant dedicate TENANT --host HOST --ssh-pubkey FILE [--socket PATH] [--root DIR]")
                                    : tr("usage: wharfctl tenant deprovision|undedicate TENANT --host HOST [--data]"));
    QString publicKey;
    QString planName;
    Plan plan;
    if (provision || dedicate) {
        const QString keyFile = f.value(QStringLiteral("--ssh-pubkey"));
        if (keyFile.isEmpty())
            return failUsage(tr("Name the tenant's SSH public key: --ssh-pubkey FILE (the .pub file; the private key stays with the tenant)."));
        QFile file(keyFile);
        if (!file.open(QIODevice::ReadOnly))
            return fail(tr("Cannot read %1: %2").arg(keyFile, file.errorString()));
        publicKey = QString::fromUtf8(file.read(Models::TenantDaemons::MaxPublicKey + 1));
        if (auto e = Models::TenantDaemons::checkPublicKey(publicKey); e.isError())
            return fail(tr("%1: %2").arg(keyFile, e.message));
        auto t = m_tenancy->tenant(tenant);
        if (!t)
            return fail(t.error().message);
        if (provision && t->plan.isEmpty())
            return fail(tr("Tenant \"%1\" has no plan: its daemon's limits come from the plan (wharfctl tenant plan %1 PLAN).").arg(tenant));
        planName = t->plan;
    }
    if (provision) {
        auto p = m_tenancy->plan(planName);
        if (!p)
            return fail(p.error().message);
        plan = *p;
    }
    const QString root = f.value(QStringLiteral("--root"), Models::TenantDaemons::defaultRoot());
    const QString socket = f.value(QStringLiteral("--socket"), QStringLiteral("/var/run/docker.sock"));
    auto go = [this, sub, provision, dedicate, tenant, f, publicKey, plan, root, socket](const Expected<Endpoint> &endpoint) {
        if (!endpoint)
            return fail(endpoint.error().message);
        auto *provisioner = new Models::TenantProvisioner(ops(), *endpoint, this);
        connect(provisioner, &Models::TenantProvisioner::progress, this, [this](const QString &line) { err() << line << Qt::endl; });
        if (provision) {
            err() << tr("Giving tenant %1 a daemon of its own on %2 (%3)…").arg(tenant, hostKey(), endpoint->url()) << Qt::endl;
            return provisioner->provision(tenant, plan, publicKey, root, [this](const Error &e, const TenantEndpoint &made) {
                if (e.isError())
                    return fail(e.message);
                out() << tr("Tenant %1 reaches its daemon as Unix user %2; its containers are held to %3 memory, %4 CPUs and %5 processes.")
                             .arg(made.tenant, made.unixUser, made.memoryBytes ? formatBytes(double(made.memoryBytes)) : tr("any"),
                                  made.cpusNano ? cpusText(made.cpusNano) : tr("any"), made.pids ? QString::number(made.pids) : tr("any"))
                      << '\n'
                      << made.url << Qt::endl;
                finish(0);
            });
        }
        if (dedicate) {
            err() << tr("Dedicating %1 to tenant %2…").arg(hostKey(), tenant) << Qt::endl;
            return provisioner->dedicate(tenant, publicKey, root, socket, [this](const Error &e, const TenantEndpoint &made) {
                if (e.isError())
                    return fail(e.message);
                out() << tr("Host %1 is dedicated to tenant %2, who reaches its daemon as Unix user %3.").arg(made.host, made.tenant, made.unixUser) << '\n'
                      << made.url << Qt::endl;
                finish(0);
            });
        }
        auto record = m_tenancy->endpoint(tenant, hostKey());
        if (!record)
            return fail(record.error().message);
        const QString wanted = provision || sub == QLatin1String("deprovision") ? QStringLiteral("rootless") : QStringLiteral("dedicated");
        if (record->kind != wanted)
            return fail(record->kind == QLatin1String("dedicated")
                            ? tr("Host %1 is dedicated to tenant %2: wharfctl tenant undedicate takes it back.").arg(record->host, tenant)
                            : tr("Tenant %1 has a daemon of its own on %2: wharfctl tenant deprovision removes it.").arg(tenant, record->host));
        provisioner->deprovision(*record, f.isSet(QStringLiteral("--data")), [this](const Error &e, const TenantEndpoint &gone) {
            if (e.isError())
                return fail(e.message);
            out() << (gone.kind == QLatin1String("dedicated") ? tr("Host %3 is no longer dedicated to tenant %2; its Unix user %1 and key are gone.")
                                                               : tr("Removed the daemon and Unix user %1 of tenant %2 from %3."))
                         .arg(gone.unixUser, gone.tenant, gone.host)
                  << Qt::endl;
            finish(0);
        });
    };
    if (!hostArg.contains(QLatin1String("://"))) {
        m_hostName = hostArg;
        return savedHostEndpoint(hostArg, go);
    }
    m_hostName = hostArg;
    go(withSsh(Endpoint::parse(hostArg), false));
}

void Cli::cmdUser(const QStringList &a)
{
    const QString sub = a.value(0);
    FlagParser f = flagsOf("user");
    if (auto e = f.parse(a.mid(1)); e.isError())
        return failUsage(e.message);
    const QStringList pos = f.positional();
    withTenancy([this, sub, f, pos] {
        if (sub == QLatin1String("ls") || sub.isEmpty()) {
            // A tenant's member sees its own tenant's people (row-level security).
            auto list = m_tenancy->users(f.value(QStringLiteral("--tenant")));
            if (!list)
                return fail(list.error().message);
            QJsonArray arr;
            QList<QStringList> rows;
            for (const auto &u : *list) {
                arr << QJsonObject{{QStringLiteral("name"), u.name}, {QStringLiteral("tenant"), u.tenant}, {QStringLiteral("role"), u.role},
                                   {QStringLiteral("dbRole"), u.dbRole}, {QStringLiteral("created"), dateText(u.createdAt)}};
                rows << QStringList{u.name, u.tenant.isEmpty() ? QStringLiteral("-") : u.tenant, u.role, u.dbRole, dateText(u.createdAt)};
            }
            if (json())
                return printJson(arr), finish(0);
            printTable({tr("NAME"), tr("TENANT"), tr("ROLE"), tr("DATABASE ROLE"), tr("CREATED")}, rows);
            return finish(0);
        }
        if (m_gate->principal().isTenant())
            return fail(tenantRefusal(QStringLiteral("user"), sub).message);
        if (pos.size() != 1)
            return failUsage(tr("usage: wharfctl user create NAME --tenant T|--admin [--password-stdin] | user rm NAME"));
        const QString name = pos.first();
        Error e;
        if (sub == QLatin1String("create")) {
            const QString tenant = f.value(QStringLiteral("--tenant"));
            if (tenant.isEmpty() == !f.isSet(QStringLiteral("--admin")))
                return failUsage(tr("a user is a tenant's member (--tenant T) or an admin (--admin)"));
            const auto password = this->password(f.isSet(QStringLiteral("--password-stdin")), tr("New database password for %1: ").arg(name));
            if (!password)
                return;
            e = Models::TenancyAdmin(*m_tenancy).createUser(name, tenant, *password);
            if (!e.isError()) {
                out() << tr("%1 signs in to %2 as role %3").arg(name, m_tenancy->store()->url().toString(), TenancyStore::memberRoleOf(tenant, name))
                      << Qt::endl;
                return finish(0);
            }
        } else if (sub == QLatin1String("rm")) {
            e = Models::TenancyAdmin(*m_tenancy).removeUser(name);
        } else {
            return failUsage(tr("usage: wharfctl user ls|create|rm"));
        }
        if (e.isError())
            return fail(e.message);
        finish(0);
    });
}

void Cli::cmdDomain(const QStringList &a)
{
    const QString sub = a.value(0);
    withTenancy([this, sub, a] {
        if (sub == QLatin1String("ls") || sub.isEmpty()) {
            auto list = m_tenancy->hostDomains();
            if (!list)
                return fail(list.error().message);
            QList<QStringList> rows;
            QJsonArray arr;
            for (const auto &d : *list) {
                rows << QStringList{d.host, d.domain, d.tenant};
                arr << QJsonObject{{QStringLiteral("host"), d.host}, {QStringLiteral("domain"), d.domain}, {QStringLiteral("tenant"), d.tenant}};
            }
            if (json())
                return printJson(arr), finish(0);
            printTable({tr("HOST"), tr("DOMAIN"), tr("TENANT")}, rows);
            return finish(0);
        }
        if (m_gate->principal().isTenant())
            return fail(tenantRefusal(QStringLiteral("domain"), sub).message);
        Error e;
        if (sub == QLatin1String("set") && a.size() == 3) {
            const QString owner = a.at(2);
            e = owner == QLatin1String("public") ? Models::TenancyAdmin(*m_tenancy).setHostDomain({a.at(1), QStringLiteral("public"), {}})
                                                 : Models::TenancyAdmin(*m_tenancy).setHostDomain({a.at(1), QStringLiteral("private"), owner});
        } else if (sub == QLatin1String("rm") && a.size() == 2) {
            e = Models::TenancyAdmin(*m_tenancy).removeHostDomain(a.at(1));
        } else {
            return failUsage(tr("usage: wharfctl domain ls | set HOST public|TENANT | rm HOST   (HOST: a saved host's name or its address)"));
        }
        if (e.isError())
            return fail(e.message);
        out() << a.at(1) << Qt::endl;
        finish(0);
    });
}

void Cli::cmdQuotaShow(const QString &tenant)
{
    withTenancy([this, tenant] {
        const QString name = tenant.isEmpty() ? m_tenantName : tenant;
        if (name.isEmpty())
            return failUsage(tr("usage: wharfctl quota show TENANT"));
        if (m_gate->principal().isTenant() && name != m_tenantName)
            return fail(tr("There is no tenant named \"%1\".").arg(name));
        auto t = m_tenancy->tenant(name);
        if (!t)
            return fail(t.error().message);
        auto p = m_tenancy->plan(t->plan);
        auto u = m_tenancy->usage(name);
        if (!p || !u)
            return fail(!p ? p.error().message : u.error().message);
        if (json()) {
            printJson(QJsonObject{{QStringLiteral("tenant"), name},
                                  {QStringLiteral("plan"), p->name},
                                  {QStringLiteral("containers"), QJsonObject{{QStringLiteral("used"), u->containers}, {QStringLiteral("limit"), p->maxContainers}}},
                                  {QStringLiteral("cpus"), QJsonObject{{QStringLiteral("used"), double(u->cpusNano) / 1e9}, {QStringLiteral("limit"), double(p->cpusNano) / 1e9}}},
                                  {QStringLiteral("memoryBytes"), QJsonObject{{QStringLiteral("used"), u->memoryBytes}, {QStringLiteral("limit"), p->memoryBytes}}},
                                  {QStringLiteral("diskBytes"), QJsonObject{{QStringLiteral("used"), u->diskBytes}, {QStringLiteral("limit"), p->diskBytes}}}});
            return finish(0);
        }
        printTable({tr("RESOURCE"), tr("USED"), tr("LIMIT")},
                   {{tr("containers"), QString::number(u->containers), QString::number(p->maxContainers)},
                    {tr("CPUs"), cpusText(u->cpusNano), cpusText(p->cpusNano)},
                    {tr("memory"), formatBytes(double(u->memoryBytes)), formatBytes(double(p->memoryBytes))},
                    {tr("disk"), formatBytes(double(u->diskBytes)), p->diskBytes ? formatBytes(double(p->diskBytes)) : tr("not limited")}});
        finish(0);
    });
}

Expected<qint64> Cli::parseTime(const QString &text)
{
    if (text.isEmpty())
        return qint64(0);
    static const QRegularExpression rel(QStringLiteral("^(\\d+)([smhd])$"));
    if (const auto m = rel.match(text); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const QChar u = m.captured(2).at(0);
        const qint64 mult = u == QLatin1Char('s') ? 1 : u == QLatin1Char('m') ? 60 : u == QLatin1Char('h') ? 3600 : 86400;
        return QDateTime::currentSecsSinceEpoch() - n * mult;
    }
    bool ok = false;
    const qint64 epoch = text.toLongLong(&ok);
    if (ok)
        return epoch;
    QDateTime dt = QDateTime::fromString(text, Qt::ISODate);
    if (!dt.isValid())
        dt = QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0), Qt::UTC);
    if (!dt.isValid())
        return Error::make(Error::Input, tr("\"%1\" is not a time: use 2026-11-01, 2026-11-01T08:00:00Z, a Unix time, or 30m, 12h, 7d ago").arg(text));
    return dt.toSecsSinceEpoch();
}

void Cli::cmdAudit(const QStringList &a)
{
    FlagParser f = flagsOf("audit");
    if (auto e = f.parse(a); e.isError())
        return failUsage(e.message);
    AuditFilter filter;
    filter.tenant = f.value(QStringLiteral("--tenant"));
    filter.actor = f.value(QStringLiteral("--actor"));
    filter.action = f.value(QStringLiteral("--action"));
    filter.host = f.value(QStringLiteral("--host"));
    auto since = parseTime(f.value(QStringLiteral("--since")));
    auto until = parseTime(f.value(QStringLiteral("--until")));
    if (!since || !until)
        return failUsage(!since ? since.error().message : until.error().message);
    filter.since = *since;
    filter.until = *until;
    filter.limit = f.value(QStringLiteral("--limit"), QStringLiteral("1000")).toInt();
    withTenancy([this, filter]() mutable {
        if (m_gate->principal().isTenant())
            filter.tenant = m_tenantName; // a tenant reads its own trail only
        auto list = m_tenancy->auditLog(filter);
        if (!list)
            return fail(list.error().message);
        if (m_csv) {
            QString s = QStringLiteral("time,actor,tenant,host,action,target,result,detail\n");
            for (const auto &e : *list)
                s += QStringList{dateText(e.at), csvField(e.actor), csvField(e.tenant), csvField(e.host), csvField(e.action),
                                 csvField(e.target), csvField(e.result), csvField(e.detail)}
                         .join(QLatin1Char(','))
                    + QLatin1Char('\n');
            writeRaw(s.toUtf8());
            return finish(0);
        }
        if (json()) {
            QJsonArray arr;
            for (const auto &e : *list)
                arr << QJsonObject{{QStringLiteral("time"), dateText(e.at)}, {QStringLiteral("actor"), e.actor},
                                   {QStringLiteral("tenant"), e.tenant}, {QStringLiteral("host"), e.host},
                                   {QStringLiteral("action"), e.action}, {QStringLiteral("target"), e.target},
                                   {QStringLiteral("result"), e.result}, {QStringLiteral("detail"), e.detail}};
            printJson(arr);
            return finish(0);
        }
        QList<QStringList> rows;
        for (const auto &e : *list)
            rows << QStringList{dateText(e.at), e.actor, e.tenant, e.host, e.action, e.target, e.result, e.detail.left(60)};
        printTable({tr("TIME"), tr("ACTOR"), tr("TENANT"), tr("HOST"), tr("ACTION"), tr("TARGET"), tr("RESULT"), tr("DETAIL")}, rows);
        finish(0);
    });
}

} // namespace Wharf::App
