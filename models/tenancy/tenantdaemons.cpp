#include "tenantdaemons.h"

#include "operations/operations.h"
#include "ssh/hostscript.h"

#include <limits>

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>

namespace Wharf::Models {

using namespace Backends;

QString TenantDaemons::unixUser(const QString &tenant)
{
    const QString user = QStringLiteral("wharf-") + tenant;
    if (user.size() <= 32)
        return user;
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(tenant.toUtf8(), QCryptographicHash::Sha256).toHex().left(8));
    return user.left(23) + QLatin1Char('-') + hash;
}

Error TenantDaemons::checkPublicKey(const QString &text)
{
    if (text.size() > MaxPublicKey)
        return Error::make(Error::Input, tr("The SSH public key is longer than %1 bytes; is it a public key?").arg(MaxPublicKey));
    const QString line = text.trimmed();
    if (line.isEmpty())
        return Error::make(Error::Input, tr("The SSH public key is empty."));
    if (line.contains(QLatin1String("PRIVATE KEY")))
        return Error::make(Error::Input, tr("This is a private key. Give the tenant's public key (the .pub file); the private key stays with the tenant."));
    if (line.contains(QLatin1Char('\n')) || line.contains(QLatin1Char('\r')))
        return Error::make(Error::Input, tr("Give one SSH public key (one line), not several."));
    const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    static const QStringList types = {QStringLiteral("ssh-ed25519"), QStringLiteral("ssh-rsa"), QStringLiteral("ecdsa-sha2-nistp256"),
                                      QStringLiteral("ecdsa-sha2-nistp384"), QStringLiteral("ecdsa-sha2-nistp521"),
                                      QStringLiteral("sk-ssh-ed25519@openssh.com"), QStringLiteral("sk-ecdsa-sha2-nistp256@openssh.com")};
    if (words.size() < 2 || !types.contains(words.at(0)))
        return Error::make(Error::Input, tr("Not an SSH public key: it starts with its type (ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa, …), "
                                            "then the key. Options such as command=\"…\" are Wharf's to write."));
    static const QRegularExpression base64(QStringLiteral("^[A-Za-z0-9+/]+={0,2}$"));
    const QString &blob = words.at(1);
    if (!base64.match(blob).hasMatch())
        return Error::make(Error::Input, tr("The SSH public key's data is not base64."));
    const QByteArray raw = QByteArray::fromBase64(blob.toLatin1());
    if (raw.size() < 4)
        return Error::make(Error::Input, tr("The SSH public key's data is too short."));
    const quint32 n = (quint32(quint8(raw[0])) << 24) | (quint32(quint8(raw[1])) << 16) | (quint32(quint8(raw[2])) << 8) | quint32(quint8(raw[3]));
    if (n > quint32(raw.size() - 4) || raw.mid(4, qsizetype(n)) != words.at(0).toLatin1())
        return Error::make(Error::Input, tr("The SSH public key's data is not a %1 key.").arg(words.at(0)));
    return {};
}

DaemonLimits TenantDaemons::limits(const Plan &plan)
{
    DaemonLimits l;
    l.memoryBytes = plan.memoryBytes > 0 ? plan.memoryBytes + DaemonMemory : 0;
    l.cpusNano = plan.cpusNano;
    l.pids = plan.maxPids > 0 ? plan.maxPids + DaemonPids + ShimPids * std::max(1, plan.maxContainers) : 0;
    return l;
}

Error TenantDaemons::checkRoot(const QString &root)
{
    static const QRegularExpression re(QStringLiteral("^(/[A-Za-z0-9._-]+)+$"));
    if (!re.match(root).hasMatch() || root.contains(QLatin1String("/../")) || root.endsWith(QLatin1String("/..")) || root.contains(QLatin1String("/./")))
        return Error::make(Error::Input, tr("The tenants' folder must be an absolute path of letters, digits and / . _ -: \"%1\".").arg(root));
    // A daemon's socket path must fit a Unix socket address (108 bytes).
    if (root.size() > 60)
        return Error::make(Error::Input, tr("The tenants' folder \"%1\" is longer than 60 characters: the daemons' socket paths would not fit.").arg(root));
    return {};
}

QStringList TenantDaemons::provisionArgs(const QString &user, const QString &root, const QString &publicKey, const DaemonLimits &l)
{
    // the key's own comment is dropped: the helper accepts only the type and the data
    const QStringList words = publicKey.trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString key = words.value(0) + QLatin1Char(' ') + words.value(1) + QStringLiteral(" wharf-tenant:") + user;
    return {QStringLiteral("provision"), QStringLiteral("user=") + user, QStringLiteral("root=") + root, QStringLiteral("key=") + key,
            QStringLiteral("memory=%1").arg(l.memoryBytes), QStringLiteral("cpus=%1").arg(l.cpusNano), QStringLiteral("pids=%1").arg(l.pids)};
}

QStringList TenantDaemons::deprovisionArgs(const QString &user, const QString &root, bool data)
{
    return {QStringLiteral("deprovision"), QStringLiteral("user=") + user, QStringLiteral("root=") + root,
            QStringLiteral("data=%1").arg(data ? 1 : 0)};
}

QStringList TenantDaemons::usageArgs(const QString &user, const QString &root)
{
    return {QStringLiteral("usage"), QStringLiteral("user=") + user, QStringLiteral("root=") + root};
}

Expected<TenantEndpoint::Usage> TenantDaemons::parseUsage(const QString &words)
{
    TenantEndpoint::Usage u;
    int seen = 0;
    for (const QString &w : words.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString key = w.section(QLatin1Char('='), 0, 0);
        bool ok = false;
        const qint64 v = w.section(QLatin1Char('='), 1).toLongLong(&ok);
        if (!ok || v < 0 || !w.contains(QLatin1Char('=')))
            return Error::make(Error::Protocol, tr("The host's helper sent a usage that is not a count: \"%1\".").arg(w.left(80)));
        if (key == QLatin1String("memory"))
            u.memoryBytes = v;
        else if (key == QLatin1String("peak"))
            u.peakMemoryBytes = v;
        else if (key == QLatin1String("cpu_usec"))
            u.cpuMicros = v;
        else if (key == QLatin1String("pids") && v <= std::numeric_limits<int>::max())
            u.pids = int(v);
        else
            continue; // a word a newer helper adds
        ++seen;
    }
    if (seen < 4)
        return Error::make(Error::Protocol, tr("The host's helper sent an incomplete usage: \"%1\".").arg(words.left(200)));
    return u;
}

QString TenantDaemons::endpointUrl(const SshTarget &admin, const QString &user, const QString &socket)
{
    return QStringLiteral("ssh://%1@%2%3%4").arg(user, admin.host.contains(QLatin1Char(':')) ? QLatin1Char('[') + admin.host + QLatin1Char(']') : admin.host,
                                                 admin.port == 22 ? QString() : QStringLiteral(":%1").arg(admin.port), socket);
}

QByteArray TenantDaemons::helperScript()
{
    QFile f(QStringLiteral(":/tenanthost/wharf-tenant-host.sh"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// ----------------------------------------------------------------------------------------

TenantProvisioner::TenantProvisioner(Operations *ops, const Endpoint &adminEndpoint, QObject *parent)
    : QObject(parent)
    , m_ops(ops)
    , m_admin(adminEndpoint)
{
}

HostScript *TenantProvisioner::script()
{
    auto *s = new HostScript(m_admin, this);
    s->setTimeout(m_timeoutMs);
    connect(s, &HostScript::progress, this, &TenantProvisioner::progress);
    m_script = s;
    return s;
}

void TenantProvisioner::provision(const QString &tenant, const Plan &plan, const QString &publicKey, const QString &root, Done done)
{
    give(QStringLiteral("rootless"), tenant, TenantDaemons::limits(plan), publicKey, root, {}, std::move(done));
}

void TenantProvisioner::dedicate(const QString &tenant, const QString &publicKey, const QString &root, const QString &socket, Done done)
{
    give(QStringLiteral("dedicated"), tenant, {}, publicKey, root, socket, std::move(done));
}

void TenantProvisioner::give(const QString &kind, const QString &tenant, const DaemonLimits &limits, const QString &publicKey, const QString &root,
                             const QString &socket, Done done)
{
    const auto fail = [done](const Error &e) { done(e, {}); };
    if (auto e = TenantDaemons::checkPublicKey(publicKey); e.isError())
        return fail(e);
    if (auto e = TenantDaemons::checkRoot(root); e.isError())
        return fail(e);
    const bool dedicated = kind == QLatin1String("dedicated");
    if (dedicated && !socket.startsWith(QLatin1Char('/')))
        return fail(Error::make(Error::Input, tr("Name the host daemon's socket as an absolute path, not \"%1\".").arg(socket)));
    if (m_admin.scheme() != Endpoint::Ssh && m_admin.scheme() != Endpoint::Unix)
        return fail(Error::make(Error::Input, tr("%1 is reached over TCP, which runs no commands on the host. Add the host with its SSH address "
                                                 "(ssh://root@host) to give tenants daemons there.")
                                                  .arg(m_admin.url())));
    const QString user = TenantDaemons::unixUser(tenant);
    QStringList args = TenantDaemons::provisionArgs(user, root, publicKey, limits);
    if (dedicated)
        args = QStringList{QStringLiteral("dedicate"), args.at(1), args.at(2), args.at(3), QStringLiteral("socket=") + socket};
    QPointer<TenantProvisioner> self(this);
    auto made = std::make_shared<TenantEndpoint>();
    made->tenant = tenant;
    made->host = m_ops->host();
    made->kind = kind;
    made->unixUser = user;
    made->root = root;
    made->memoryBytes = limits.memoryBytes;
    made->cpusNano = limits.cpusNano;
    made->pids = limits.pids;
    const GatedSteps steps = m_ops->steps();
    m_ops->runWork(Request::admin(QStringLiteral("tenant"), dedicated ? QStringLiteral("dedicate") : QStringLiteral("provision"), tenant),
                   [self, args, made, steps](const QJsonObject &, Operations::Finished finished) {
                       // refused before the host is touched: a host dedicated to someone else
                       steps.keep([made](TenancyStore &store) { return store.checkEndpoint(*made); }, [self, args, made, steps, finished](const Error &e) {
                           if (e.isError())
                               return finished(e, {});
                           if (!self)
                               return finished(Error::make(Error::Canceled, tr("Canceled.")), {});
                           self->script()->run(TenantDaemons::helperScript(), args, QStringLiteral("endpoint"), [self, made, steps, finished](const HostScriptResult &r) {
                               if (!r.ok())
                                   return finished(r.error, {});
                               QString socket;
                               for (const QString &w : r.values.value(QStringLiteral("endpoint")).split(QLatin1Char(' ')))
                                   if (w.startsWith(QLatin1String("socket=")))
                                       socket = w.mid(7);
                               if (socket.isEmpty() || !self)
                                   return finished(Error::make(Error::Protocol, tr("Wharf's helper did not name the daemon's socket.")), {});
                               made->url = TenantDaemons::endpointUrl(self->m_admin.scheme() == Endpoint::Ssh ? self->m_admin.sshTarget()
                                                                                                            : SshTarget{{}, QStringLiteral("localhost"), 22, {}, {}},
                                                                      made->unixUser, socket);
                               steps.keep(
                                   [made](TenancyStore &store) {
                                       return store.setEndpoint(*made);
                                   },
                                   [finished, made](const Error &e) { finished(e, made->url); });
                           });
                       });
                   },
                   [done, made](const Outcome &o) { done(o.error, o.ok() ? *made : TenantEndpoint{}); });
}

void TenantProvisioner::deprovision(const TenantEndpoint &record, bool data, Done done)
{
    if (auto e = TenantDaemons::checkRoot(record.root); e.isError())
        return done(e, {});
    const bool dedicated = record.kind == QLatin1String("dedicated");
    const QStringList args = TenantDaemons::deprovisionArgs(record.unixUser, record.root, data || dedicated);
    QPointer<TenantProvisioner> self(this);
    const GatedSteps steps = m_ops->steps();
    m_ops->runWork(Request::admin(QStringLiteral("tenant"), dedicated ? QStringLiteral("undedicate") : QStringLiteral("deprovision"), record.tenant),
                   [self, args, record, steps](const QJsonObject &, Operations::Finished finished) {
                       if (!self)
                           return finished(Error::make(Error::Canceled, tr("Canceled.")), {});
                       self->script()->run(TenantDaemons::helperScript(), args, QStringLiteral("deprovisioned"),
                                           [record, steps, finished](const HostScriptResult &r) {
                                               if (!r.ok())
                                                   return finished(r.error, {});
                                               steps.keep(
                                                   [record](TenancyStore &store) {
                                                       return store.removeEndpoint(record.tenant, record.host);
                                                   },
                                                   [finished, record](const Error &e) { finished(e, record.url); });
                                           });
                   },
                   [done, record](const Outcome &o) { done(o.error, record); });
}

void TenantProvisioner::cancel()
{
    if (m_script)
        m_script->cancel();
}

} // namespace Wharf::Models
