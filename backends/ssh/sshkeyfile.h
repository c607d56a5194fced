#pragma once

#include <QString>

namespace Wharf::Backends {

// What a private key file is, read without its passphrase: enough to know whether to ask for
// one, and to say why an RSA key cannot be used by libssh2 1.10.
struct SshKeyFile
{
    enum Type { Unknown, Rsa, Ecdsa, Ed25519, Dsa };
    Type type = Unknown;
    bool encrypted = false;
    bool readable = false;
    QString error;

    static SshKeyFile inspect(const QString &path);
    static SshKeyFile inspectData(const QByteArray &pem);
};

} // namespace Wharf::Backends
