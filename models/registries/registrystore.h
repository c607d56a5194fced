#pragma once

#include "docker/dockerclient.h"
#include "docker/imageref.h"
#include "registry/registryclient.h"
#include "secrets/credentialstore.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace Wharf::Models {

// A registry in the list: where it is and what it is called. Its login (user name and
// password) lives in the keychain under its server address, like docker's credential helpers.
struct RegistryConfig
{
    QString name;
    QString url;          // https://host[:port] (http only on loopback)
    QString hostId;       // a registry Wharf runs itself: the host it runs on
    QString containerId;  //   and its container
    bool isDockerHub() const;
    // host[:port], or Docker Hub's index address: the key of logins and of X-Registry-Auth.
    QString serverAddress() const;
    // host[:port] as it goes in front of image names ("docker.io" for Docker Hub).
    QString imagePrefix() const;
};

// The registry list (registries.json in the configuration folder, beside the host list).
// Docker Hub is always in it.
class RegistryStore : public QObject
{
    Q_OBJECT
public:
    static constexpr QLatin1StringView DockerHubName{"Docker Hub"};
    static constexpr QLatin1StringView DockerHubUrl{"https://registry-1.docker.io"};

    explicit RegistryStore(const QString &filePath, QObject *parent = nullptr);
    static QString defaultFile();
    Backends::Error load();
    Backends::Error save() const;
    const QList<RegistryConfig> &registries() const { return m_list; }
    // By name, by address (host[:port] or URL), or "docker.io".
    const RegistryConfig *find(const QString &nameOrAddress) const;
    // The registry an image reference lives in (an unsaved one gets a config of its own).
    RegistryConfig forImage(const Backends::ImageRef &ref) const;
    // "local/team/app" or "127.0.0.1:5000/team/app" -> registry and repository path.
    Backends::Expected<QPair<RegistryConfig, QString>> splitRepository(const QString &text) const;
    Backends::Error add(const RegistryConfig &config);
    Backends::Error remove(const QString &name);
    QString filePath() const { return m_path; }

Q_SIGNALS:
    void changed();

private:
    QString m_path;
    QList<RegistryConfig> m_list;
};

// Registry logins in the keychain.
namespace RegistryLogins {
QString secretKey(const QString &serverAddress);
// The login for a server address; no login is an empty RegistryAuth, not an error.
void read(Backends::CredentialStore *store, const QString &serverAddress,
          std::function<void(const Backends::Expected<Backends::RegistryAuth> &)> done);
// The logins a build sends (X-Registry-Config, so private base images can be pulled): those of
// every registry of the list and of the registries the Dockerfile's FROM lines name; a login the
// keychain cannot give is left out.
void forBuild(Backends::CredentialStore *store, const RegistryStore *registries, const QByteArray &dockerfile,
              std::function<void(const QList<Backends::RegistryAuth> &)> done);
// Checks the login against the registry (ping with the credentials) and keeps it when accepted.
void login(Backends::CredentialStore *store, const RegistryConfig &registry, const QString &username,
           const QString &password, std::function<void(const Backends::Error &)> done);
void logout(Backends::CredentialStore *store, const QString &serverAddress, std::function<void(const Backends::Error &)> done);
// A registry client for a registry, with its login from the keychain (none when the keychain
// cannot be read).
void client(Backends::CredentialStore *store, const RegistryConfig &registry, QObject *parent,
            std::function<void(const Backends::Expected<Backends::RegistryClient *> &)> done);
} // namespace RegistryLogins

} // namespace Wharf::Models
