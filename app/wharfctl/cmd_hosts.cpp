#include "cli.h"

#include "hosts/hoststore.h"
#include "secrets/keychainbackend.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace Wharf::App {

using namespace Backends;
using Models::HostConfig;
using Models::HostStore;

namespace {
QString hostsFile()
{
    return HostStore::defaultConfigDir() + QStringLiteral("/hosts.json");
}
} // namespace

CredentialStore *Cli::credentials()
{
    if (!m_credentials)
        m_credentials = new CredentialStore(new KeychainSecretBackend(QStringLiteral("io.wharf.Wharf"), this), this);
    return m_credentials;
}

void Cli::savedHostEndpoint(const QString &name, std::function<void(const Expected<Endpoint> &)> then)
{
    HostStore store(hostsFile());
    if (auto e = store.load(); e.isError())
        return then(e);
    const HostConfig *found = store.findByName(name);
    if (!found)
        return then(Error::make(Error::Input, tr("No saved host is named \"%1\" (see wharfctl host ls); an address "
                                                 "looks like unix:///path or tcp://host:port.")
                                                  .arg(name)));
    const HostConfig h = *found;
    if (!h.tlsKeyInKeychain)
        return then(h.endpoint());
    credentials()->read(h.secretKey(u"tls-key"), [h, then](const Expected<QByteArray> &key) {
        if (!key)
            return then(key.error().kind == Error::NotFound
                            ? Error::make(Error::Secret, tr("The TLS key of host \"%1\" is missing from the keychain; add the host again.").arg(h.name))
                            : key.error());
        HostConfig c = h;
        c.tls.clientKeyPem = *key;
        then(c.endpoint());
    });
}

void Cli::cmdHost(const QStringList &a)
{
    const QString sub = a.value(0);
    const QStringList rest = a.mid(1);
    HostStore store(hostsFile());
    if (auto e = store.load(); e.isError())
        return fail(e.message);

    if (sub == QLatin1String("ls") || sub == QLatin1String("list")) {
        if (!rest.isEmpty())
            return failUsage(tr("usage: wharfctl host ls"));
        if (m_json) {
            QJsonArray out;
            for (const auto &h : store.hosts())
                out.append(QJsonObject{{QStringLiteral("id"), h.id},
                                       {QStringLiteral("name"), h.name},
                                       {QStringLiteral("group"), h.group},
                                       {QStringLiteral("url"), h.url},
                                       {QStringLiteral("tls"), h.useTls},
                                       {QStringLiteral("tls_key_in_keychain"), h.tlsKeyInKeychain},
                                       {QStringLiteral("lab"), h.labMode}});
            printJson(out);
        } else {
            QList<QStringList> rows;
            for (const auto &h : store.hosts())
                rows << QStringList{h.name, h.group, h.url,
                                    h.useTls ? (h.tlsKeyInKeychain ? tr("yes (key in keychain)") : tr("yes")) : h.labMode ? tr("no (lab)") : QStringLiteral("-")};
            printTable({tr("NAME"), tr("GROUP"), tr("ADDRESS"), tr("TLS")}, rows);
        }
        return finish(0);
    }

    if (sub == QLatin1String("add")) {
        FlagParser f;
        f.option({QStringLiteral("--group")})
            .flag({QStringLiteral("--tlsverify")})
            .option({QStringLiteral("--tlscacert")})
            .option({QStringLiteral("--tlscert")})
            .option({QStringLiteral("--tlskey")})
            .flag({QStringLiteral("--lab")});
        if (auto e = f.parse(rest); e.isError())
            return failUsage(e.message);
        if (f.positional().size() != 2)
            return failUsage(tr("usage: wharfctl host add NAME URL [--group G] [--tlsverify --tlscacert F --tlscert F --tlskey F] [--lab]"));
        HostConfig h;
        h.name = f.positional()[0];
        h.url = f.positional()[1];
        h.group = f.value(QStringLiteral("--group"));
        h.labMode = f.isSet(QStringLiteral("--lab"));
        h.useTls = f.isSet(QStringLiteral("--tlsverify")) || f.isSet(QStringLiteral("--tlscacert"));
        auto absolute = [](const QString &p) { return p.isEmpty() ? p : QFileInfo(p).absoluteFilePath(); };
        h.tls.caCert = absolute(f.value(QStringLiteral("--tlscacert")));
        h.tls.clientCert = absolute(f.value(QStringLiteral("--tlscert")));
        QByteArray key;
        if (const QString keyFile = f.value(QStringLiteral("--tlskey")); !keyFile.isEmpty()) {
            QFile kf(keyFile);
            if (!kf.open(QIODevice::ReadOnly))
                return fail(tr("Cannot read %1: %2.").arg(keyFile, kf.errorString()));
            key = kf.readAll();
        }
        // Keeps the store alive until the keychain answers.
        auto *saved = new HostStore(hostsFile(), this);
        saved->load();
        Models::HostSecrets::add(saved, credentials(), h, key, [this](const Expected<QString> &id) {
            if (!id)
                return fail(id.error().message);
            m_out << *id << Qt::endl;
            finish(0);
        });
        return;
    }

    if (sub == QLatin1String("rm") || sub == QLatin1String("remove")) {
        if (rest.size() != 1)
            return failUsage(tr("usage: wharfctl host rm NAME"));
        auto *saved = new HostStore(hostsFile(), this);
        saved->load();
        const HostConfig *h = saved->findByName(rest[0]);
        if (!h)
            return fail(tr("No saved host is named \"%1\".").arg(rest[0]));
        Models::HostSecrets::remove(saved, credentials(), h->id, [this](const Error &e) {
            if (e.isError())
                return fail(e.message);
            finish(0);
        });
        return;
    }

    if (sub == QLatin1String("test")) {
        if (rest.size() != 1)
            return failUsage(tr("usage: wharfctl host test NAME"));
        savedHostEndpoint(rest[0], [this](const Expected<Endpoint> &ep) {
            if (!ep)
                return fail(ep.error().message);
            m_client = new DockerClient(*ep, this);
            if (m_client->configurationError().isError())
                return fail(m_client->configurationError().message);
            call(m_client->info(), [this](DockerJob *job) {
                const QJsonObject o = job->json().object();
                m_out << tr("Connected to %1 (%2)").arg(m_client->endpoint().url(), o.value(QLatin1String("Name")).toString()) << '\n'
                      << tr("Engine:      Docker %1, API %2").arg(o.value(QLatin1String("ServerVersion")).toString(), m_client->apiVersion()) << '\n'
                      << tr("System:      %1, kernel %2").arg(o.value(QLatin1String("OperatingSystem")).toString(), o.value(QLatin1String("KernelVersion")).toString()) << '\n'
                      << tr("CPUs:        %1").arg(o.value(QLatin1String("NCPU")).toInt()) << '\n'
                      << tr("Memory:      %1").arg(humanSize(o.value(QLatin1String("MemTotal")).toDouble())) << '\n'
                      << tr("Containers:  %1 (%2 running)").arg(o.value(QLatin1String("Containers")).toInt()).arg(o.value(QLatin1String("ContainersRunning")).toInt()) << '\n';
                finish(0);
            });
        });
        return;
    }
    failUsage(tr("usage: wharfctl host ls|add|rm|test"));
}

} // namespace Wharf::App
