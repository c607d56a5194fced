#include "cli.h"

#include "hosts/hoststore.h"
#include "tenancy/tenantprofile.h"
#include "secrets/keychainbackend.h"
#include "ssh/knownhosts.h"
#include "terminal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

namespace Wharf::App {

using namespace Backends;
using Models::HostConfig;
using Models::HostStore;

namespace {
QString hostsFile()
{
    return HostStore::defaultConfigDir() + QStringLiteral("/hosts.json");
}

// wharfctl asks for passphrases and passwords on the terminal; host keys are never asked
// about: --accept-new-host-key decides.
class TerminalSshInteraction : public SshInteraction
{
public:
    void confirmHostKey(const HostKey &, std::function<void(bool)> answer) override { answer(false); }
    bool asksAboutHostKeys() const override { return false; }
    void askSecret(const SecretRequest &r, std::function<void(std::optional<QString>, bool)> answer) override
    {
        const QString prompt = r.kind == SecretKind::KeyPassphrase
            ? (r.retry ? Cli::tr("Wrong passphrase. Passphrase for %1: ") : Cli::tr("Passphrase for %1: ")).arg(r.keyFile)
            : (r.retry ? Cli::tr("Wrong password. Password for %1: ") : Cli::tr("Password for %1: ")).arg(r.target);
        answer(readSecret(prompt), false);
    }
};
} // namespace

Expected<Endpoint> Cli::withSsh(const Expected<Endpoint> &endpoint, bool savedHost)
{
    if (!endpoint || endpoint->scheme() != Endpoint::Ssh)
        return endpoint;
    Endpoint e = *endpoint;
    SshSettings s = e.sshSettings();
    if (s.knownHostsFile.isEmpty()) {
        const SshSettings defaults = SshSettings::forUser(HostStore::knownHostsFile());
        s.knownHostsFile = defaults.knownHostsFile;
        s.importedKnownHosts = defaults.importedKnownHosts;
    }
    if (!m_sshFlags.knownHosts.isEmpty()) {
        s.knownHostsFile = QFileInfo(m_sshFlags.knownHosts).absoluteFilePath();
        s.importedKnownHosts.clear(); // exactly the file given
    }
    s.acceptNewHostKey = m_sshFlags.acceptNewHostKey;
    if (!m_sshFlags.key.isEmpty()) {
        if (!QFileInfo::exists(m_sshFlags.key))
            return Error::make(Error::Input, tr("The SSH key %1 does not exist.").arg(m_sshFlags.key));
        s.identityFiles = {QFileInfo(m_sshFlags.key).absoluteFilePath()};
    }
    if (!m_sshFlags.client.isEmpty())
        s.systemSsh = m_sshFlags.client == QLatin1String("openssh");
    s.interaction = std::make_shared<TerminalSshInteraction>();
    if (savedHost)
        s.credentials = credentials(); // passphrases the console kept
    e.setSshSettings(s);
    return e;
}

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
        return then(withSsh(h.endpoint(), true));
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
                                       {QStringLiteral("lab"), h.labMode},
                                       {QStringLiteral("ssh_key"), h.sshIdentityFile},
                                       {QStringLiteral("ssh_client"), h.sshSystemClient ? QStringLiteral("openssh") : QStringLiteral("libssh2")}});
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
        FlagParser f = flagsOf("host");
        if (auto e = f.parse(rest); e.isError())
            return failUsage(e.message);
        if (f.positional().size() != 2)
            return failUsage(tr("usage: wharfctl host add NAME URL [--group G] [--tlsverify --tlscacert F --tlscert F --tlskey F] [--lab] "
                                "[--ssh-key F] [--ssh-client libssh2|openssh]"));
        const QString client = f.value(QStringLiteral("--ssh-client"), QStringLiteral("libssh2"));
        if (client != QLatin1String("libssh2") && client != QLatin1String("openssh"))
            return failUsage(tr("--ssh-client must be libssh2 or openssh, not \"%1\"").arg(client));
        HostConfig h;
        h.name = f.positional()[0];
        h.url = f.positional()[1];
        h.group = f.value(QStringLiteral("--group"));
        h.labMode = f.isSet(QStringLiteral("--lab"));
        h.useTls = f.isSet(QStringLiteral("--tlsverify")) || f.isSet(QStringLiteral("--tlscacert"));
        auto absolute = [](const QString &p) { return p.isEmpty() ? p : QFileInfo(p).absoluteFilePath(); };
        h.tls.caCert = absolute(f.value(QStringLiteral("--tlscacert")));
        h.tls.clientCert = absolute(f.value(QStringLiteral("--tlscert")));
        h.sshIdentityFile = absolute(f.value(QStringLiteral("--ssh-key")));
        h.sshSystemClient = client == QLatin1String("openssh");
        if (!h.sshIdentityFile.isEmpty() && !QFileInfo::exists(h.sshIdentityFile))
            return fail(tr("The SSH key %1 does not exist.").arg(h.sshIdentityFile));
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
    if (sub == QLatin1String("forget-key")) {
        if (rest.size() != 1)
            return failUsage(tr("usage: wharfctl [--known-hosts FILE] host forget-key NAME|HOST[:PORT]"));
        QString host;
        quint16 port = 22;
        if (const HostConfig *h = store.findByName(rest[0])) {
            auto ep = h->endpoint();
            if (!ep || ep->scheme() != Endpoint::Ssh)
                return fail(tr("Host \"%1\" is not an ssh:// host.").arg(rest[0]));
            host = ep->host();
            port = ep->port();
        } else {
            const QUrl u(rest[0].contains(QLatin1String("://")) ? rest[0] : QStringLiteral("ssh://") + rest[0]);
            if (!u.isValid() || u.host().isEmpty() || u.port(22) <= 0 || u.port(22) > 65535)
                return failUsage(tr("\"%1\" is neither a saved host nor HOST[:PORT].").arg(rest[0]));
            host = u.host();
            port = quint16(u.port(22));
        }
        const QString file = m_sshFlags.knownHosts.isEmpty() ? HostStore::knownHostsFile() : m_sshFlags.knownHosts;
        auto removed = KnownHosts::remove(file, host, port);
        if (!removed)
            return fail(removed.error().message);
        const QString pattern = KnownHosts::hostPattern(host, port);
        if (*removed == 0)
            m_out << tr("No key for %1 in %2.").arg(pattern, file) << '\n';
        else
            m_out << tr("Removed %n key(s) for %1 from %2.", nullptr, *removed).arg(pattern, file) << '\n';
        const QString userFile = QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
        if (m_sshFlags.knownHosts.isEmpty() && QFileInfo::exists(userFile)) {
            QFile uf(userFile);
            if (uf.open(QIODevice::ReadOnly) && uf.readAll().contains(pattern.toUtf8()))
                m_out << tr("%1 also lists it; Wharf only reads that file: ssh-keygen -R '%2' removes it there.").arg(userFile, pattern) << '\n';
        }
        return finish(0);
    }
    if (sub == QLatin1String("import")) {
        // A connection profile an admin handed a tenant: its own endpoints, saved as hosts.
        FlagParser f = flagsOf("host");
        if (auto e = f.parse(rest); e.isError())
            return failUsage(e.message);
        if (f.positional().size() != 1)
            return failUsage(tr("usage: wharfctl host import PROFILE [--ssh-key FILE]"));
        QFile in(f.positional()[0]);
        if (!in.open(QIODevice::ReadOnly))
            return fail(tr("Cannot read %1: %2.").arg(in.fileName(), in.errorString()));
        auto profile = Models::ConnectionProfile::parse(in.read(Models::ConnectionProfile::MaxBytes + 1));
        if (!profile)
            return fail(profile.error().message);
        const QString key = f.value(QStringLiteral("--ssh-key")).isEmpty() ? QString() : QFileInfo(f.value(QStringLiteral("--ssh-key"))).absoluteFilePath();
        if (!key.isEmpty() && !QFileInfo::exists(key))
            return fail(tr("The SSH key %1 does not exist.").arg(key));
        auto saved = profile->importInto(store, key);
        if (!saved)
            return fail(saved.error().message);
        for (const QString &name : *saved)
            m_out << name << '\n';
        if (!profile->database.isEmpty())
            m_out << tr("The tenant's database: %1 (wharfctl --db %1 db login keeps its password in the keychain)").arg(profile->database) << '\n';
        return finish(0);
    }
    failUsage(tr("usage: wharfctl host ls|add|rm|test|forget-key|import"));
}

} // namespace Wharf::App
