#pragma once

#include "expected.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

struct _LIBSSH2_SESSION;

namespace Wharf::Backends {

// known_hosts files in OpenSSH's format: checked through libssh2 (plain and hashed entries,
// [host]:port for other ports), written by appending one plain line.
class KnownHosts
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Backends::KnownHosts)

public:
    enum class Result { Match, Unknown, Mismatch };
    struct Check
    {
        Result result = Result::Unknown;
        QString file; // where the matching or differing entry is
    };

    // A host key as the server sent it: its type number from libssh2 and its blob.
    struct Key
    {
        int libssh2Type = 0;
        QByteArray blob;
        QString typeName() const; // "ssh-ed25519", ...
        QString fingerprint() const; // "SHA256:..." (base64 without padding, as OpenSSH shows)
    };

    static QString hostPattern(const QString &host, quint16 port);
    // Checks the files in order; a differing key in any file is a mismatch. Missing files are
    // skipped; an unreadable one is an error.
    static Expected<Check> check(_LIBSSH2_SESSION *session, const QStringList &files, const QString &host,
                                 quint16 port, const Key &key);
    // Appends "pattern type base64" to file (created with mode 0600, folder too).
    static Error add(const QString &file, const QString &host, quint16 port, const Key &key);
    // Removes every entry for host:port (plain or hashed) from file; returns how many.
    static Expected<int> remove(const QString &file, const QString &host, quint16 port);
};

} // namespace Wharf::Backends
