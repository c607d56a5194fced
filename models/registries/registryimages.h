#pragma once

#include "registrystore.h"

#include <QObject>
#include <QStringList>

#include <functional>

namespace Wharf::Models {

// What the registries of the list hold, as image references ("127.0.0.1:5000/team/app:1"),
// for the orchestration editor's palette. Docker Hub has no catalog and is left out. Each
// registry is read with its login from the keychain; at most maxRepositories repositories per
// registry and their tags. A registry that cannot be read is named in errors, not fatal.
struct RegistryImages
{
    QStringList images; // sorted
    QStringList errors; // "name: message"
};
void listRegistryImages(const RegistryStore *registries, Backends::CredentialStore *credentials, QObject *context,
                        std::function<void(const RegistryImages &)> done, int maxRepositories = 50);

} // namespace Wharf::Models
