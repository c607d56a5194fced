#pragma once

// Small helpers shared by the SSH session's files.
#include <QByteArray>
#include <QDir>
#include <QString>

namespace Wharf::Backends::SshUtil {

// The key type name at the start of an SSH public key blob ("ssh-ed25519", ...).
inline QByteArray keyTypeOfBlob(const unsigned char *blob, size_t len)
{
    if (len < 4)
        return {};
    const quint32 n = (quint32(blob[0]) << 24) | (quint32(blob[1]) << 16) | (quint32(blob[2]) << 8) | quint32(blob[3]);
    if (n > len - 4)
        return {};
    return QByteArray(reinterpret_cast<const char *>(blob + 4), qsizetype(n));
}

// ~/... for paths in the home folder, for shorter messages.
inline QString homeShort(const QString &path)
{
    const QString home = QDir::homePath();
    return path.startsWith(home + QLatin1Char('/')) ? QStringLiteral("~") + path.mid(home.size()) : path;
}

} // namespace Wharf::Backends::SshUtil
