#pragma once

#include "operations/operations.h"
#include "registries/localregistry.h"
#include "registries/registrystore.h"
#include "registry/registryclient.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace Wharf::Models {
class HostRegistry;
class HostConnection;
class RegistryBrowser;
}

namespace Wharf::Ui {

// The registry browser: the registry list (Docker Hub, the platform's own, any v2 registry;
// logins in the keychain), a registry's repositories, a repository's tags with digest, size,
// created and platform, and a tag's layers. Pull a tag to a host, delete it, copy its pull
// command; run a registry on a host.
class RegistriesPage : public QWidget
{
    Q_OBJECT
public:
    struct Login
    {
        QString username;
        QString password;
    };
    struct LocalRegistryForm
    {
        bool accepted = false;
        QString hostId;
        QString name;
        int port = 5000;
        QString image;
        QString bindAddress = QStringLiteral("127.0.0.1");
    };

    explicit RegistriesPage(Models::HostRegistry *hosts, QWidget *parent = nullptr);

    QListWidget *registryList() const { return m_registries; }
    QListWidget *repositoryList() const { return m_repositories; }
    QTableWidget *tagTable() const { return m_tags; }
    QTableWidget *layerTable() const { return m_layers; }
    QLabel *status() const { return m_status; }
    QLineEdit *repositoryFilter() const { return m_filter; }
    // Questions, replaceable in tests.
    std::function<bool(const QString &question)> confirm;
    std::function<QString(const QString &title, const QString &label)> askText;
    std::function<std::optional<Login>(const QString &registry)> askLogin;
    std::function<QString(const QString &title)> askHost; // a host id
    std::function<LocalRegistryForm()> askLocalRegistry;
    // The last pull command copied (also on the clipboard).
    QString lastCopied() const { return m_copied; }

public Q_SLOTS:
    void selectRegistry(const QString &name);
    void selectRepository(const QString &repository);
    void addRegistry();
    void removeRegistry();
    void login();
    void logout();
    void runLocalRegistry();
    void startLocalRegistry(Models::HostConnection *c, const Models::LocalRegistryDeployer::Options &o);
    void pullSelectedTag();
    void deleteSelectedTag();
    void copyPullCommand();
    void refresh();

Q_SIGNALS:
    // Loading finished (repositories, tags or a tag's layers): for tests and the status line.
    void repositoriesLoaded();
    void tagsLoaded();
    void layersLoaded();

private:
    void fillRegistries();
    void setStatus(const QString &text, bool error = false);
    void showLayers(int row);
    QString selectedTag() const;
    std::optional<Models::RegistryConfig> current() const;
    QString imageName(const QString &tag) const;

    Models::HostRegistry *m_hosts;
    Models::RegistryStore *m_store;
    QListWidget *m_registries;
    QLineEdit *m_filter;
    QListWidget *m_repositories;
    QTableWidget *m_tags;
    QTableWidget *m_layers;
    QLabel *m_status;
    Models::RegistryBrowser *m_browser;
    QString m_repository;
    QHash<QString, Backends::RegistryImage> m_details;
    quint64 m_generation = 0;
    QString m_copied;
};

} // namespace Wharf::Ui
