#include "store.h"

// The schema, one migration per release that changed it. A migration is never edited once
// released: add a new one. Each runs in one transaction on both engines (PostgreSQL's DDL is
// transactional, and so is SQLite's), so a failure leaves the previous version intact.
//
// Conventions: times are seconds since the epoch (BIGINT); money is integer micro-units
// (1/1,000,000 of the currency) so sums are exact; CPUs are nano-CPUs like the Docker API;
// every row that belongs to a tenant has a `tenant` column, which PostgreSQL's row-level
// security policies key on.

namespace Wharf::Backends {

namespace {

QStringList common(const QString &id)
{
    return {
        QStringLiteral("CREATE TABLE plans ("
                       " name TEXT PRIMARY KEY,"
                       " max_containers INTEGER NOT NULL CHECK (max_containers >= 0),"
                       " cpus_nano BIGINT NOT NULL CHECK (cpus_nano >= 0),"
                       " memory_bytes BIGINT NOT NULL CHECK (memory_bytes >= 0),"
                       " disk_bytes BIGINT NOT NULL DEFAULT 0 CHECK (disk_bytes >= 0),"
                       " bandwidth_note TEXT NOT NULL DEFAULT '',"
                       " price_hour BIGINT NOT NULL DEFAULT 0 CHECK (price_hour >= 0),"
                       " price_month BIGINT NOT NULL DEFAULT 0 CHECK (price_month >= 0),"
                       " free_tier INTEGER NOT NULL DEFAULT 0,"
                       " revision INTEGER NOT NULL DEFAULT 1,"
                       " created_at BIGINT NOT NULL,"
                       " updated_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE tenants ("
                       " name TEXT PRIMARY KEY,"
                       " display_name TEXT NOT NULL DEFAULT '',"
                       " email TEXT NOT NULL DEFAULT '',"
                       " phone TEXT NOT NULL DEFAULT '',"
                       " state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'suspended')),"
                       " created_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE users ("
                       " name TEXT PRIMARY KEY,"
                       " tenant TEXT REFERENCES tenants(name) ON DELETE CASCADE,"
                       " role TEXT NOT NULL CHECK (role IN ('admin', 'member')),"
                       " db_role TEXT NOT NULL DEFAULT '',"
                       " created_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE subscriptions ("
                       " id %1,"
                       " tenant TEXT NOT NULL REFERENCES tenants(name) ON DELETE CASCADE,"
                       " plan TEXT NOT NULL REFERENCES plans(name),"
                       " valid_from BIGINT NOT NULL,"
                       " valid_to BIGINT)").arg(id),
        QStringLiteral("CREATE INDEX subscriptions_tenant ON subscriptions (tenant, valid_from)"),
        QStringLiteral("CREATE TABLE quota_usage ("
                       " tenant TEXT PRIMARY KEY REFERENCES tenants(name) ON DELETE CASCADE,"
                       " containers INTEGER NOT NULL DEFAULT 0 CHECK (containers >= 0),"
                       " cpus_nano BIGINT NOT NULL DEFAULT 0 CHECK (cpus_nano >= 0),"
                       " memory_bytes BIGINT NOT NULL DEFAULT 0 CHECK (memory_bytes >= 0),"
                       " disk_bytes BIGINT NOT NULL DEFAULT 0 CHECK (disk_bytes >= 0))"),
        QStringLiteral("CREATE TABLE hosts ("
                       " name TEXT PRIMARY KEY,"
                       " domain TEXT NOT NULL CHECK (domain IN ('public', 'private')),"
                       " tenant TEXT REFERENCES tenants(name) ON DELETE CASCADE,"
                       " kind TEXT NOT NULL DEFAULT '',"
                       " CHECK ((domain = 'public' AND tenant IS NULL) OR (domain = 'private' AND tenant IS NOT NULL)))"),
        QStringLiteral("CREATE TABLE resources ("
                       " id %1,"
                       " tenant TEXT NOT NULL REFERENCES tenants(name) ON DELETE CASCADE,"
                       " host TEXT NOT NULL,"
                       " kind TEXT NOT NULL CHECK (kind IN ('container', 'service', 'app', 'volume')),"
                       " ref TEXT NOT NULL DEFAULT '',"
                       " name TEXT NOT NULL DEFAULT '',"
                       " state TEXT NOT NULL CHECK (state IN ('reserved', 'active')),"
                       " cpus_nano BIGINT NOT NULL DEFAULT 0,"
                       " memory_bytes BIGINT NOT NULL DEFAULT 0,"
                       " disk_bytes BIGINT NOT NULL DEFAULT 0,"
                       " created_at BIGINT NOT NULL)").arg(id),
        QStringLiteral("CREATE INDEX resources_tenant ON resources (tenant, kind)"),
        QStringLiteral("CREATE INDEX resources_ref ON resources (host, ref)"),
        QStringLiteral("CREATE TABLE audit_log ("
                       " id %1,"
                       " at BIGINT NOT NULL,"
                       " actor TEXT NOT NULL,"
                       " tenant TEXT,"
                       " host TEXT NOT NULL DEFAULT '',"
                       " action TEXT NOT NULL,"
                       " target TEXT NOT NULL DEFAULT '',"
                       " result TEXT NOT NULL,"
                       " detail TEXT NOT NULL DEFAULT '')").arg(id),
        QStringLiteral("CREATE INDEX audit_at ON audit_log (at)"),
        QStringLiteral("CREATE INDEX audit_tenant ON audit_log (tenant, at)"),
    };
}

// Row-level security (PostgreSQL): group roles wharf_admin (sees everything) and wharf_tenant
// (members see their tenant's rows). A tenant's login role is named wharf_t_<tenant>, so the
// policies need no lookup table a tenant could read. The tables stay owned by the role that
// migrated; FORCE makes the policies apply to it too (it is made a wharf_admin member).
QStringList rowSecurity()
{
    QStringList s{
        QStringLiteral("DO $$ BEGIN"
                       " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wharf_admin') THEN CREATE ROLE wharf_admin NOLOGIN; END IF;"
                       " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wharf_tenant') THEN CREATE ROLE wharf_tenant NOLOGIN; END IF;"
                       " END $$"),
        QStringLiteral("GRANT wharf_admin TO CURRENT_USER"),
        QStringLiteral("CREATE OR REPLACE FUNCTION wharf_is_admin() RETURNS boolean LANGUAGE sql STABLE AS"
                       " $$ SELECT pg_has_role(current_user, 'wharf_admin', 'MEMBER') $$"),
        QStringLiteral("CREATE OR REPLACE FUNCTION wharf_current_tenant() RETURNS text LANGUAGE sql STABLE AS"
                       " $$ SELECT CASE WHEN current_user LIKE 'wharf\\_t\\_%' THEN substr(current_user, 9) END $$"),
        QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO wharf_admin"),
        QStringLiteral("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO wharf_admin"),
        QStringLiteral("GRANT SELECT ON wharf_schema, plans, tenants, users, subscriptions, quota_usage, hosts, resources, audit_log TO wharf_tenant"),
        QStringLiteral("GRANT UPDATE ON quota_usage TO wharf_tenant"),
        QStringLiteral("GRANT INSERT, UPDATE, DELETE ON resources TO wharf_tenant"),
        QStringLiteral("GRANT INSERT ON audit_log TO wharf_tenant"),
        QStringLiteral("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO wharf_tenant"),
    };
    // name: the column holding the tenant; extra: what else a tenant may see (read only).
    struct T
    {
        const char *table;
        const char *column;
        const char *readAlso;
    };
    const T tables[] = {
        {"tenants", "name", nullptr},
        {"users", "tenant", nullptr},
        {"subscriptions", "tenant", nullptr},
        {"quota_usage", "tenant", nullptr},
        {"hosts", "tenant", "domain = 'public'"},
        {"resources", "tenant", nullptr},
        {"audit_log", "tenant", nullptr},
    };
    for (const auto &t : tables) {
        const QString table = QLatin1String(t.table);
        const QString own = QStringLiteral("%1 = wharf_current_tenant()").arg(QLatin1String(t.column));
        s << QStringLiteral("ALTER TABLE %1 ENABLE ROW LEVEL SECURITY").arg(table)
          << QStringLiteral("ALTER TABLE %1 FORCE ROW LEVEL SECURITY").arg(table)
          << QStringLiteral("CREATE POLICY %1_admin ON %1 USING (wharf_is_admin()) WITH CHECK (wharf_is_admin())").arg(table)
          << QStringLiteral("CREATE POLICY %1_tenant ON %1 USING (%2) WITH CHECK (%2)").arg(table, own);
        if (t.readAlso)
            s << QStringLiteral("CREATE POLICY %1_shared ON %1 FOR SELECT USING (%2)").arg(table, QLatin1String(t.readAlso));
    }
    return s;
}

QStringList metering(const QString &id)
{
    return {
        QStringLiteral("ALTER TABLE plans ADD COLUMN cpu_price_hour BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE plans ADD COLUMN memory_price_gib_hour BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE plans ADD COLUMN disk_price_gib_day BIGINT NOT NULL DEFAULT 0"),
        // When a container of a tenant ran: one row per run, closed when it stopped.
        QStringLiteral("CREATE TABLE run_intervals ("
                       " id %1,"
                       " tenant TEXT NOT NULL REFERENCES tenants(name) ON DELETE CASCADE,"
                       " host TEXT NOT NULL,"
                       " ref TEXT NOT NULL,"
                       " name TEXT NOT NULL DEFAULT '',"
                       " cpus_nano BIGINT NOT NULL DEFAULT 0,"
                       " memory_bytes BIGINT NOT NULL DEFAULT 0,"
                       " started_at BIGINT NOT NULL,"
                       " stopped_at BIGINT,"
                       " UNIQUE (host, ref, started_at))").arg(id),
        QStringLiteral("CREATE INDEX run_intervals_tenant ON run_intervals (tenant, started_at)"),
        // Usage per tenant, resource and hour, recomputed from run_intervals (so a tick that
        // runs twice, or late, writes the same numbers: never counted twice).
        QStringLiteral("CREATE TABLE usage_hours ("
                       " tenant TEXT NOT NULL REFERENCES tenants(name) ON DELETE CASCADE,"
                       " hour BIGINT NOT NULL,"
                       " host TEXT NOT NULL,"
                       " ref TEXT NOT NULL,"
                       " name TEXT NOT NULL DEFAULT '',"
                       " kind TEXT NOT NULL,"
                       " seconds INTEGER NOT NULL,"
                       " cpu_nano_seconds BIGINT NOT NULL DEFAULT 0,"
                       " memory_byte_seconds BIGINT NOT NULL DEFAULT 0,"
                       " PRIMARY KEY (tenant, hour, host, ref))"),
        QStringLiteral("CREATE TABLE volume_days ("
                       " tenant TEXT NOT NULL REFERENCES tenants(name) ON DELETE CASCADE,"
                       " day BIGINT NOT NULL,"
                       " host TEXT NOT NULL,"
                       " name TEXT NOT NULL,"
                       " size_bytes BIGINT NOT NULL,"
                       " PRIMARY KEY (tenant, day, host, name))"),
        QStringLiteral("CREATE TABLE meter_state ("
                       " host TEXT PRIMARY KEY,"
                       " last_tick BIGINT NOT NULL)"),
    };
}

QStringList meteringRowSecurity()
{
    QStringList s{
        QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON run_intervals, usage_hours, volume_days, meter_state TO wharf_admin"),
        QStringLiteral("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO wharf_admin"),
        QStringLiteral("GRANT SELECT ON run_intervals, usage_hours, volume_days TO wharf_tenant"),
    };
    for (const char *t : {"run_intervals", "usage_hours", "volume_days"}) {
        const QString table = QLatin1String(t);
        s << QStringLiteral("ALTER TABLE %1 ENABLE ROW LEVEL SECURITY").arg(table)
          << QStringLiteral("ALTER TABLE %1 FORCE ROW LEVEL SECURITY").arg(table)
          << QStringLiteral("CREATE POLICY %1_admin ON %1 USING (wharf_is_admin()) WITH CHECK (wharf_is_admin())").arg(table)
          << QStringLiteral("CREATE POLICY %1_tenant ON %1 FOR SELECT USING (tenant = wharf_current_tenant())").arg(table);
    }
    return s;
}

} // namespace

// Members: a tenant has as many login roles as people (wharf_t_<tenant>.<member>, each
// confined to the tenant by row-level security and named in the audit log as itself), and
// admins have login roles of their own in wharf_admin. A tenant's audit records carry the
// role that wrote them.
QStringList members()
{
    return {QStringLiteral("CREATE INDEX IF NOT EXISTS users_tenant ON users(tenant)")};
}

QStringList membersPostgres()
{
    return members()
        << QStringLiteral("CREATE OR REPLACE FUNCTION wharf_current_tenant() RETURNS text LANGUAGE sql STABLE AS"
                          " $$ SELECT CASE WHEN current_user LIKE 'wharf\\_t\\_%' THEN split_part(substr(current_user, 9), '.', 1) END $$")
        << QStringLiteral("DROP POLICY audit_log_tenant ON audit_log")
        << QStringLiteral("CREATE POLICY audit_log_tenant ON audit_log USING (tenant = wharf_current_tenant())"
                          " WITH CHECK (tenant = wharf_current_tenant() AND actor = current_user)");
}

// Issued bills: a closed period's bill, kept as it was issued (lines and total), once per
// tenant and period; what was billed does not change when prices or usage are edited later.
QStringList issuedBills(const QString &id)
{
    return {QStringLiteral("CREATE TABLE bills ("
                           " id %1,"
                           " tenant TEXT NOT NULL REFERENCES tenants(name) ON DELETE CASCADE,"
                           " period TEXT NOT NULL CHECK (period IN ('hour', 'day', 'month')),"
                           " period_start BIGINT NOT NULL,"
                           " period_end BIGINT NOT NULL,"
                           " total BIGINT NOT NULL,"
                           " lines TEXT NOT NULL,"
                           " issued_at BIGINT NOT NULL,"
                           " issued_by TEXT NOT NULL DEFAULT '',"
                           " UNIQUE (tenant, period, period_start))")
                .arg(id)};
}

QStringList issuedBillsPostgres()
{
    return issuedBills(QStringLiteral("BIGSERIAL PRIMARY KEY"))
        << QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON bills TO wharf_admin")
        << QStringLiteral("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO wharf_admin")
        << QStringLiteral("GRANT SELECT ON bills TO wharf_tenant") << QStringLiteral("ALTER TABLE bills ENABLE ROW LEVEL SECURITY")
        << QStringLiteral("ALTER TABLE bills FORCE ROW LEVEL SECURITY")
        << QStringLiteral("CREATE POLICY bills_admin ON bills USING (wharf_is_admin()) WITH CHECK (wharf_is_admin())")
        << QStringLiteral("CREATE POLICY bills_tenant ON bills FOR SELECT USING (tenant = wharf_current_tenant())");
}

// Networks as resources a tenant owns (an app's networks): only its own containers may join
// them. SQLite cannot change a CHECK constraint, so its table is rebuilt (ids and the id
// sequence kept); PostgreSQL replaces the constraint.
QStringList networkResourcesSqlite()
{
    const QString columns = QStringLiteral("id, tenant, host, kind, ref, name, state, cpus_nano, memory_bytes, disk_bytes, created_at");
    return {QStringLiteral("CREATE TABLE resources_v5 ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " tenant TEXT NOT NULL REFERENCES tenants(name) ON DELETE CASCADE,"
                           " host TEXT NOT NULL,"
                           " kind TEXT NOT NULL CHECK (kind IN ('container', 'service', 'app', 'volume', 'network')),"
                           " ref TEXT NOT NULL DEFAULT '',"
                           " name TEXT NOT NULL DEFAULT '',"
                           " state TEXT NOT NULL CHECK (state IN ('reserved', 'active')),"
                           " cpus_nano BIGINT NOT NULL DEFAULT 0,"
                           " memory_bytes BIGINT NOT NULL DEFAULT 0,"
                           " disk_bytes BIGINT NOT NULL DEFAULT 0,"
                           " created_at BIGINT NOT NULL)"),
            QStringLiteral("INSERT INTO resources_v5 (%1) SELECT %1 FROM resources").arg(columns),
            QStringLiteral("DELETE FROM sqlite_sequence WHERE name = 'resources_v5'"),
            QStringLiteral("INSERT INTO sqlite_sequence (name, seq) SELECT 'resources_v5', seq FROM sqlite_sequence WHERE name = 'resources'"),
            QStringLiteral("DROP TABLE resources"),
            QStringLiteral("ALTER TABLE resources_v5 RENAME TO resources"),
            QStringLiteral("CREATE INDEX resources_tenant ON resources (tenant, kind)"),
            QStringLiteral("CREATE INDEX resources_ref ON resources (host, ref)")};
}

QStringList networkResourcesPostgres()
{
    return {QStringLiteral("ALTER TABLE resources DROP CONSTRAINT resources_kind_check"),
            QStringLiteral("ALTER TABLE resources ADD CONSTRAINT resources_kind_check CHECK (kind IN ('container', 'service', 'app', 'volume', 'network'))")};
}

// One audit vocabulary: wharfctl used to record a command by its words (action "plan", target
// "create basic"; action "stop", target "web"), the console as resource.verb. Old rows are
// renamed to the vocabulary the operations layer writes (plan.create basic, container.stop web).
QStringList auditVocabulary(bool postgres)
{
    const QString groups = QStringLiteral("('plan', 'tenant', 'domain', 'user', 'volume', 'network', 'image', 'registry', 'quota', 'db')");
    const QString firstWord = postgres ? QStringLiteral("split_part(target, ' ', 1)")
                                       : QStringLiteral("CASE WHEN instr(target, ' ') > 0 THEN substr(target, 1, instr(target, ' ') - 1) ELSE target END");
    const QString rest = postgres ? QStringLiteral("CASE WHEN strpos(target, ' ') > 0 THEN substr(target, strpos(target, ' ') + 1) ELSE '' END")
                                  : QStringLiteral("CASE WHEN instr(target, ' ') > 0 THEN substr(target, instr(target, ' ') + 1) ELSE '' END");
    return {
        QStringLiteral("UPDATE audit_log SET action = action || '.' || %1, target = %2 WHERE action IN %3 AND target <> ''").arg(firstWord, rest, groups),
        QStringLiteral("UPDATE audit_log SET action = substr(action, 1, length(action) - 3) || '.remove' WHERE action LIKE '%.rm'"),
        QStringLiteral("UPDATE audit_log SET action = 'container.' || action WHERE action IN"
                       " ('create', 'start', 'stop', 'restart', 'kill', 'pause', 'unpause', 'rename', 'update', 'exec', 'cp')"),
        QStringLiteral("UPDATE audit_log SET action = 'container.remove' WHERE action = 'rm'"),
        QStringLiteral("UPDATE audit_log SET action = 'container.create' WHERE action = 'run'"),
        QStringLiteral("UPDATE audit_log SET action = 'image.' || action WHERE action IN ('pull', 'push', 'tag', 'load', 'import', 'build')"),
        QStringLiteral("UPDATE audit_log SET action = 'image.remove' WHERE action = 'rmi'"),
    };
}

// Tenants' own daemons: where each tenant's endpoint is (its rootless daemon on a shared host,
// or a host dedicated to it) and the limits its cgroup was given; plans limit processes too.
QStringList tenantEndpoints()
{
    return {QStringLiteral("ALTER TABLE plans ADD COLUMN max_pids INTEGER NOT NULL DEFAULT 0 CHECK (max_pids >= 0)"),
            QStringLiteral("CREATE TABLE tenant_endpoints ("
                           " tenant TEXT NOT NULL REFERENCES tenants(name) ON DELETE CASCADE,"
                           " host TEXT NOT NULL,"
                           " kind TEXT NOT NULL CHECK (kind IN ('rootless', 'dedicated')),"
                           " unix_user TEXT NOT NULL DEFAULT '',"
                           " url TEXT NOT NULL,"
                           " root TEXT NOT NULL DEFAULT '',"
                           " memory_bytes BIGINT NOT NULL DEFAULT 0,"
                           " cpus_nano BIGINT NOT NULL DEFAULT 0,"
                           " pids INTEGER NOT NULL DEFAULT 0,"
                           " created_at BIGINT NOT NULL,"
                           " PRIMARY KEY (tenant, host))")};
}

QStringList tenantEndpointsPostgres()
{
    return tenantEndpoints() << QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_endpoints TO wharf_admin")
                             << QStringLiteral("GRANT SELECT ON tenant_endpoints TO wharf_tenant")
                             << QStringLiteral("ALTER TABLE tenant_endpoints ENABLE ROW LEVEL SECURITY")
                             << QStringLiteral("ALTER TABLE tenant_endpoints FORCE ROW LEVEL SECURITY")
                             << QStringLiteral("CREATE POLICY tenant_endpoints_admin ON tenant_endpoints USING (wharf_is_admin()) WITH CHECK (wharf_is_admin())")
                             << QStringLiteral("CREATE POLICY tenant_endpoints_tenant ON tenant_endpoints FOR SELECT USING (tenant = wharf_current_tenant())");
}

// What the controller last read from each tenant's daemon's cgroup.
QStringList endpointUsage()
{
    return {QStringLiteral("ALTER TABLE tenant_endpoints ADD COLUMN used_memory BIGINT NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE tenant_endpoints ADD COLUMN peak_memory BIGINT NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE tenant_endpoints ADD COLUMN cpu_micros BIGINT NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE tenant_endpoints ADD COLUMN used_pids INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE tenant_endpoints ADD COLUMN usage_at BIGINT NOT NULL DEFAULT 0")};
}

// Services' desired state (their spec as JSON, the one before the last change for a rollback)
// and each host's edge router.
QStringList services()
{
    return {QStringLiteral("CREATE TABLE services ("
                           " host TEXT NOT NULL,"
                           " name TEXT NOT NULL,"
                           " tenant TEXT NOT NULL DEFAULT '',"
                           " spec TEXT NOT NULL,"
                           " previous TEXT NOT NULL DEFAULT '',"
                           " generation BIGINT NOT NULL DEFAULT 1,"
                           " status TEXT NOT NULL DEFAULT '',"
                           " message TEXT NOT NULL DEFAULT '',"
                           " updated_at BIGINT NOT NULL,"
                           " PRIMARY KEY (host, name))"),
            QStringLiteral("CREATE TABLE edge_routers ("
                           " host TEXT PRIMARY KEY,"
                           " settings TEXT NOT NULL DEFAULT '{}',"
                           " updated_at BIGINT NOT NULL)")};
}

QStringList servicesPostgres()
{
    return services() << QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON services, edge_routers TO wharf_admin")
                      << QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON services TO wharf_tenant")
                      << QStringLiteral("GRANT SELECT ON edge_routers TO wharf_tenant")
                      << QStringLiteral("ALTER TABLE services ENABLE ROW LEVEL SECURITY")
                      << QStringLiteral("ALTER TABLE services FORCE ROW LEVEL SECURITY")
                      << QStringLiteral("CREATE POLICY services_admin ON services USING (wharf_is_admin()) WITH CHECK (wharf_is_admin())")
                      << QStringLiteral("CREATE POLICY services_tenant ON services USING (tenant = wharf_current_tenant()) WITH CHECK (tenant = wharf_current_tenant())");
}

QList<Store::Migration> storeMigrations()
{
    const QString sqliteId = QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT");
    const QString pgId = QStringLiteral("BIGSERIAL PRIMARY KEY");
    return {
        {1, QStringLiteral("tenants, plans, quotas, ownership, audit log"), common(sqliteId), common(pgId) + rowSecurity()},
        {2, QStringLiteral("metering and prices per resource"), metering(sqliteId), metering(pgId) + meteringRowSecurity()},
        {3, QStringLiteral("tenants' members and admins with roles of their own"), members(), membersPostgres()},
        {4, QStringLiteral("issued bills"), issuedBills(sqliteId), issuedBillsPostgres()},
        {5, QStringLiteral("networks owned by tenants"), networkResourcesSqlite(), networkResourcesPostgres()},
        {6, QStringLiteral("one audit vocabulary"), auditVocabulary(false), auditVocabulary(true)},
        {7, QStringLiteral("tenants' own daemons and process limits"), tenantEndpoints(), tenantEndpointsPostgres()},
        {8, QStringLiteral("what tenants' daemons' cgroups use"), endpointUsage(), endpointUsage()},
        {9, QStringLiteral("services and edge routers"), services(), servicesPostgres()},
    };
}

} // namespace Wharf::Backends
