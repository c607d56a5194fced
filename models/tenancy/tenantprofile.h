#pragma once

#include "expected.h"
#include "store/store.h"
#include "store/tenancystore.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Wharf::Models {

class HostStore;

// What an admin hands a tenant so its console and wharfctl reach the tenant's own endpoints and
// nothing else: the endpoints' addresses (its rootless daemons, its dedicated hosts) and the
// database address of its own role. No secret is in it: the tenant's SSH key never left the
// tenant, and its database password is the one the tenant was given (kept in its keychain by
// `wharfctl db login`). A small JSON file, read with bounds (it comes from outside).
struct ConnectionProfile
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Models::ConnectionProfile)
public:
    static constexpr int Version = 1;
    static constexpr qsizetype MaxBytes = 64 * 1024;
    static constexpr int MaxHosts = 64;

    struct Host
    {
        QString name; // the saved host's name: TENANT@HOST
        QString url;  // ssh://user@host:port/…/docker.sock
        QString kind; // rootless | dedicated
    };
    QString tenant;
    QString database; // postgresql://wharf_t_TENANT@host:port/db, or empty (no role of its own)
    QList<Host> hosts;

    static ConnectionProfile of(const QString &tenant, const QList<Backends::TenantEndpoint> &endpoints, const QString &database);
    // The address of the tenant's own database role on the platform's database (PostgreSQL;
    // an embedded database has no roles: empty). No password, no options.
    static QString databaseFor(const Backends::StoreUrl &platform, const QString &tenant);
    QByteArray toJson() const;
    // A profile file's text: at most MaxBytes and MaxHosts, each address an ssh:// one with a
    // socket path, names a saved host may have.
    static Backends::Expected<ConnectionProfile> parse(const QByteArray &json);
    // Saves each host in store (group "TENANT", the tenant's private key file for SSH); hosts of
    // the same name are brought up to date, others are left alone. Returns the names saved.
    Backends::Expected<QStringList> importInto(HostStore &store, const QString &sshIdentityFile) const;
};

} // namespace Wharf::Models
