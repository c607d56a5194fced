#pragma once

#include "expected.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace Wharf::Backends {

// Where secrets live: one entry per key, asynchronous like the OS keychains are.
class SecretBackend : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Error &)>;
    using Got = std::function<void(const Expected<QByteArray> &)>;

    using QObject::QObject;
    // A missing entry is an Error of kind NotFound.
    virtual void readEntry(const QString &key, Got done) = 0;
    virtual void writeEntry(const QString &key, const QByteArray &value, Done done) = 0;
    // Deleting a missing entry is not an error.
    virtual void deleteEntry(const QString &key, Done done) = 0;
    // The largest value one entry holds (Windows Credential Manager: 2,560 bytes).
    virtual qsizetype maxEntrySize() const = 0;
    virtual QString name() const = 0;
};

// For unit tests: a map in memory, with a settable entry limit to exercise splitting.
class MemorySecretBackend : public SecretBackend
{
    Q_OBJECT
public:
    using SecretBackend::SecretBackend;
    void readEntry(const QString &key, Got done) override;
    void writeEntry(const QString &key, const QByteArray &value, Done done) override;
    void deleteEntry(const QString &key, Done done) override;
    qsizetype maxEntrySize() const override { return m_max; }
    QString name() const override { return QStringLiteral("memory"); }
    void setMaxEntrySize(qsizetype n) { m_max = n; }
    const QHash<QString, QByteArray> &entries() const { return m_entries; }
    // The next write stores something else than asked (to test the read-back).
    void corruptNextWrite() { m_corrupt = true; }

private:
    QHash<QString, QByteArray> m_entries;
    qsizetype m_max = 1 << 20;
    bool m_corrupt = false;
};

// The secrets of Wharf (TLS private keys, SSH passphrases and passwords, registry and database
// passwords) on top of a backend: values larger than one entry are split into parts, and every
// write is read back before it counts as done. Nothing else in Wharf keeps a secret.
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    explicit CredentialStore(SecretBackend *backend, QObject *parent = nullptr);

    // Keys name what a secret is for, e.g. key(u"host", id, u"tls-key").
    static QString key(QStringView kind, QStringView id, QStringView what);

    void read(const QString &key, SecretBackend::Got done);
    void write(const QString &key, const QByteArray &value, SecretBackend::Done done);
    void remove(const QString &key, SecretBackend::Done done);
    SecretBackend *backend() const { return m_backend; }

private:
    void writeParts(const QString &key, const QByteArray &value, int oldParts, SecretBackend::Done done);
    void deleteParts(const QString &key, int from, int to, SecretBackend::Done done);
    static int partsOf(const QByteArray &head); // 0 when head is a plain value

    SecretBackend *m_backend;
};

} // namespace Wharf::Backends
