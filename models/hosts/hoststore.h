#pragma once

#include "docker/endpoint.h"

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
    // Adds a host after checking that its address can be used; returns its id.
    Backends::Expected<QString> add(HostConfig config);
    Backends::Error remove(const QString &id);
    QString filePath() const { return m_path; }

Q_SIGNALS:
    void hostAdded(const QString &id);
    void hostRemoved(const QString &id);

private:
    QString m_path;
    QList<HostConfig> m_hosts;
};

} // namespace Wharf::Models
