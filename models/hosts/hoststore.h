#pragma once

#include "docker/endpoint.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>

namespace Wharf::Models {

// A saved host: where it is and how to reach it. No secrets: certificate and key files are
// referenced by path; passwords and passphrases live in the OS keychain.
struct HostConfig
{
    QString id;
    QString name;
    QString group;
    QString url;
    bool useTls = false;
    Backends::TlsFiles tls;
    bool labMode = false;

    Backends::Expected<Backends::Endpoint> endpoint() const;
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
