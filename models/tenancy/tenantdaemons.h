#pragma once

#include "docker/endpoint.h"
#include "store/tenancystore.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>

#include <functional>

namespace Wharf::Backends {
class HostScript;
}

namespace Wharf::Models {

class Operations;

// What a tenant's own rootless daemon's cgroup is given. The daemon and its helpers (dockerd,
// containerd, rootlesskit, slirp4netns and one shim per container) live in the same cgroup as
// the tenant's containers, so the cgroup holds the plan plus an allowance for them; the
// policy gate holds the containers to the plan itself.
struct DaemonLimits
{
    qint64 memoryBytes = 0; // 0: not limited
    qint64 cpusNano = 0;
    int pids = 0;
};

// The rules of tenants' own daemons, in one place: the Unix user's name, the public key a
// tenant may hand in, the limits from the plan, the helper's words and the address the tenant
// is given.
class TenantDaemons
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Models::TenantDaemons)
public:
    static constexpr qint64 DaemonMemory = 256ll << 20; // dockerd, containerd, rootlesskit, slirp4netns
    static constexpr int DaemonPids = 128;              // their threads
    static constexpr int ShimPids = 16;                 // each container's shim's threads
    static constexpr qsizetype MaxPublicKey = 16384;

    // "wharf-" and the tenant's name; a name too long for a Unix user (32) is cut and given a
    // hash of the whole, so two tenants never share a user.
    static QString unixUser(const QString &tenant);
    // One OpenSSH public key line (ed25519, ecdsa, rsa, or a security key's): its type, the
    // base64 blob (which names the same type) and an optional comment. Anything else, several
    // lines or options ("command=…") is refused: the helper writes its own options.
    static Backends::Error checkPublicKey(const QString &text);
    static DaemonLimits limits(const Backends::Plan &plan);
    // Where the tenants' homes are on a host unless the admin names another folder.
    static QString defaultRoot() { return QStringLiteral("/var/lib/wharf/tenants"); }
    static Backends::Error checkRoot(const QString &root);
    static QStringList provisionArgs(const QString &user, const QString &root, const QString &publicKey, const DaemonLimits &l);
    static QStringList deprovisionArgs(const QString &user, const QString &root, bool data);
    static QStringList usageArgs(const QString &user, const QString &root);
    // The helper's "wharf-usage:" words ("memory=… peak=… cpu_usec=… pids=…"): each a count
    // that fits; anything else is an error naming the word.
    static Backends::Expected<Backends::TenantEndpoint::Usage> parseUsage(const QString &words);
    // The tenant's address: the admin's SSH host and port, the tenant's user and socket.
    static QString endpointUrl(const Backends::SshTarget &admin, const QString &user, const QString &socket);
    // The helper Wharf runs on the host (resources/tenanthost/wharf-tenant-host.sh).
    static QByteArray helperScript();
};

// Gives a tenant a daemon of its own on a shared host, and takes it away: the helper runs as
// root over the admin's SSH access to the host (or on this machine for a local socket), and
// the endpoint is recorded in the platform database. Each is one operation of the operations
// layer (tenant.provision, tenant.deprovision: an admin's, refused to tenants, recorded).
class TenantProvisioner : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Backends::Error &error, const Backends::TenantEndpoint &endpoint)>;
    // ops: bound to the host (its key is the endpoint's host) and the principal.
    TenantProvisioner(Operations *ops, const Backends::Endpoint &adminEndpoint, QObject *parent = nullptr);

    void provision(const QString &tenant, const Backends::Plan &plan, const QString &publicKey, const QString &root, Done done);
    // A whole host for one tenant (专属主机): its Unix user and key dial the host's own daemon
    // at socket; the host joins the tenant's private domain; no other tenant gets an endpoint
    // there (refused before the host is touched).
    void dedicate(const QString &tenant, const QString &publicKey, const QString &root, const QString &socket, Done done);
    // record: the endpoint as recorded (its user and folder); data: remove its images,
    // containers and volumes too. A dedicated host's user and key go, its daemon stays.
    void deprovision(const Backends::TenantEndpoint &record, bool data, Done done);
    void cancel();
    void setTimeout(int ms) { m_timeoutMs = ms; }

Q_SIGNALS:
    void progress(const QString &line);

private:
    void give(const QString &kind, const QString &tenant, const DaemonLimits &limits, const QString &publicKey, const QString &root,
              const QString &socket, Done done);
    Backends::HostScript *script();
    QPointer<Operations> m_ops;
    Backends::Endpoint m_admin;
    QPointer<Backends::HostScript> m_script;
    int m_timeoutMs = 300000;
};

} // namespace Wharf::Models
