#pragma once

#include "docker/endpoint.h"
#include "secrets/credentialstore.h"

#include <functional>

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>

namespace Wharf::Models {

// A saved host: where it is and how to reach it. No secrets: certificates are referenced by
// path; private keys, passwords and passphrases live in the OS keychain (CredentialStore).
struct HostConfig
{
    QString id;
    QString name;
    QString group;
    QString url;
    bool useTls = false;
    Backends::TlsFiles tls;
    bool labMode = false;
    bool tlsKeyInKeychain = false; // the client key is the keychain entry secretKey(u"tls-key")
    // ssh:// hosts: a private key to use (empty: the agent and ~/.ssh/id_*), and whether to go
    // through the system ssh client instead of the built-in libssh2.
    QString sshIdentityFile;
    bool sshSystemClient = false;

    Backends::Expected<Backends::Endpoint> endpoint() const;
    QString secretKey(QStringView what) const;
};

// The saved host list (a JSON file in the user's configuration folder).
class HostStore : public QObject
{
    Q_OBJECT
public:
    explicit HostStore(const QString &filePath, QObject *parent = nullptr);

    Backends::Error load();
    Backends::Error save() const;
    const QList<HostConfig> &hosts() const { return m_hosts; }
    const HostConfig *find(const QString &id) const;
    const HostConfig *findByName(const QString &name) const;
    // The host list's place: WHARF_CONFIG_DIR, else the user's configuration folder (shared by
    // the console and wharfctl).
    static QString defaultConfigDir();
    // The console's own known_hosts (shared with wharfctl); ~/.ssh/known_hosts is only read.
    static QString knownHostsFile();
    // Adds a host after checking that its address can be used; returns its id.
    Backends::Expected<QString> add(HostConfig config);
    Backends::Error remove(const QString &id);
    // Host groups are the platform's domains (a data centre, a public cloud, a tenant's machines).
    Backends::Error setGroup(const QString &id, const QString &group);
    Backends::Error renameGroup(const QString &from, const QString &to);
    QStringList groups() const;
    QString filePath() const { return m_path; }

Q_SIGNALS:
    void hostAdded(const QString &id);
    void hostRemoved(const QString &id);
    void hostChanged(const QString &id);

private:
    QString m_path;
    QList<HostConfig> m_hosts;
};

// Adding and removing hosts together with their secrets, for the console and wharfctl alike.
namespace HostSecrets {
// Checks a host before anything is saved: a free name, a usable address and, for TLS, that the
// certificates and the key (given as bytes) load.
Backends::Error check(const HostStore &store, const HostConfig &config, const QByteArray &tlsKeyPem);
// Saves the key in the keychain first and the host after it; a host whose key could not be kept
// is not saved, and a key whose host could not be saved is removed again. done gets the id.
void add(HostStore *store, Backends::CredentialStore *credentials, HostConfig config, const QByteArray &tlsKeyPem,
         std::function<void(const Backends::Expected<QString> &)> done);
// Removes the host and then its secrets.
void remove(HostStore *store, Backends::CredentialStore *credentials, const QString &id,
            std::function<void(const Backends::Error &)> done);
} // namespace HostSecrets

} // namespace Wharf::Models
