#pragma once

// Small helpers shared by the SSH session's files.
#include <QByteArray>
#include <QDir>
#include <QString>

namespace Wharf::Backends::SshUtil {

// One SSH wire-format string (uint32 length, bytes) at *pos; false when the data is short.
inline bool takeString(const QByteArray &in, qsizetype *pos, QByteArray *out)
{
    if (*pos + 4 > in.size())
        return false;
    const quint32 n = (quint32(uchar(in[*pos])) << 24) | (quint32(uchar(in[*pos + 1])) << 16) | (quint32(uchar(in[*pos + 2])) << 8)
        | quint32(uchar(in[*pos + 3]));
    *pos += 4;
    if (n > quint32(in.size() - *pos))
        return false;
    *out = in.mid(*pos, n);
    *pos += n;
    return true;
}

// ~/... for paths in the home folder, for shorter messages.
inline QString homeShort(const QString &path)
{
    const QString home = QDir::homePath();
    return path.startsWith(home + QLatin1Char('/')) ? QStringLiteral("~") + path.mid(home.size()) : path;
}

} // namespace Wharf::Backends::SshUtil
