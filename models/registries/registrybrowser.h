#pragma once

#include "registry/registryclient.h"
#include "registrystore.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace Wharf::Models {

// Browses one registry at a time for the registries page: its repositories, a repository's
// tags (newest-looking first), a tag's manifest and layers, and deleting a tag. Opening
// another registry drops the first one's answers still under way.
class RegistryBrowser : public QObject
{
    Q_OBJECT
public:
    explicit RegistryBrowser(QObject *parent = nullptr);

    template<typename T>
    using Done = std::function<void(const Backends::Expected<T> &)>;

    // Opens registry with its login from credentials (none: read without a login) and lists
    // its repositories.
    void open(const RegistryConfig &registry, Backends::CredentialStore *credentials, Done<QStringList> repositories);
    void close();
    bool isOpen() const { return bool(m_client); }
    // The tags of a repository of the open registry, newest-looking first.
    void tags(const QString &repository, Done<QStringList> done);
    void image(const QString &repository, const QString &tag, Done<Backends::RegistryImage> done);
    // Deletes the manifest a tag (or digest) points to; done gets its digest.
    void remove(const QString &repository, const QString &reference, Done<QString> done);

    // How people read versions: "latest" first, then 10 before 9 before 1.
    static QStringList newestFirst(QStringList tags);

private:
    Backends::Error notOpen() const;

    QPointer<Backends::RegistryClient> m_client;
    quint64 m_generation = 0;
};

} // namespace Wharf::Models
