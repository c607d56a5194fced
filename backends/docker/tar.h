#pragma once

#include <QCoreApplication>

#include "expected.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

namespace Wharf::Backends {

// The small part of tar that `docker cp` needs: regular files, folders, symlinks and hard
// links, ustar headers with PAX records for long names. Devices, FIFOs and sockets are skipped
// (and counted) when unpacking.
struct TarEntry
{
    enum Type { File, Directory, Symlink, HardLink, Other };
    QString name;
    Type type = File;
    quint32 mode = 0644;
    qint64 mtime = 0;
    QString linkTarget;
    QByteArray data;
};

class Tar
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Backends::Tar)

public:
    static QByteArray write(const QList<TarEntry> &entries);
    // Writing piece by piece: one entry (its data given apart, e.data is not read), then the end.
    static void append(QByteArray &out, const TarEntry &e, const QByteArray &data);
    static void finish(QByteArray &out);
    // Streaming: the header blocks of an entry whose data (size bytes, files only) follows,
    // then padding(size) after the data, and End after the last entry.
    static QByteArray entryHeader(const TarEntry &e, qint64 size);
    static QByteArray padding(qint64 size);
    static constexpr int EndBytes = 1024;
    static quint32 modeOf(QFile::Permissions permissions);
    static Expected<QList<TarEntry>> read(const QByteArray &archive);
    // Packs a file or folder from disk; names in the archive start with topName.
    static Expected<QByteArray> packPath(const QString &path, const QString &topName);
    // Unpacks under destDir; the first path component is replaced by renameTop when given.
    // Refuses names that would escape destDir, also through a symlink the archive made.
    // skipped, when given, receives the number of special files (devices, FIFOs) left out.
    static Error unpack(const QList<TarEntry> &entries, const QString &destDir, const QString &renameTop = {},
                        int *skipped = nullptr);
};

} // namespace Wharf::Backends
