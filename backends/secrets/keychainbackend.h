#pragma once

#include "credentialstore.h"

namespace Wharf::Backends {

// The operating system's keychain through QtKeychain: Secret Service (GNOME Keyring, KWallet)
// on Linux, Keychain on macOS, Credential Manager on Windows. The insecure plaintext fallback
// of QtKeychain stays off: without a keychain, secrets cannot be saved, and the error says so.
class KeychainSecretBackend : public SecretBackend
{
    Q_OBJECT

public:
    explicit KeychainSecretBackend(const QString &service = QStringLiteral("io.wharf.Wharf"), QObject *parent = nullptr);
    void readEntry(const QString &key, Got done) override;
    void writeEntry(const QString &key, const QByteArray &value, Done done) override;
    void deleteEntry(const QString &key, Done done) override;
    qsizetype maxEntrySize() const override;
    QString name() const override;

private:
    QString m_service;
};

} // namespace Wharf::Backends
