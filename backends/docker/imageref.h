#pragma once

#include "expected.h"

#include <QCoreApplication>
#include <QString>

namespace Wharf::Backends {

// An image reference as docker reads it: [registry[:port]/]path[:tag][@digest].
// A first component with a '.' or ':' (or "localhost") names a registry; else it is Docker Hub,
// where a one-component path lives under "library/".
struct ImageRef
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Backends::ImageRef)

public:
    static constexpr QLatin1StringView DockerHub{"docker.io"};

    QString registry;   // "docker.io", "127.0.0.1:5000", "ghcr.io"
    QString repository; // "library/nginx", "team/app"
    QString tag;        // empty when only a digest was given
    QString digest;     // "sha256:..."

    // Fills in the default tag "latest" when neither a tag nor a digest is given.
    static Expected<ImageRef> parse(const QString &text, bool defaultTag = true);
    // A registry and repository without tag ("127.0.0.1:5000/team/app"): the form of the registry
    // browser's names.
    static Expected<ImageRef> parseRepository(const QString &text);
    static bool isValidTag(const QString &tag);

    bool isDockerHub() const { return registry == DockerHub; }
    // The name docker prints: "nginx", "team/app", "127.0.0.1:5000/team/app" (no tag).
    QString familiarName() const;
    // familiarName() with ":tag" or "@digest".
    QString toString() const;
    // The key the engine and the keychain use for this registry's credentials
    // ("https://index.docker.io/v1/" for Docker Hub, else host[:port]).
    QString authServerAddress() const;
};

} // namespace Wharf::Backends
