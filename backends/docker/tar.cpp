#include "tar.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <cstring>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace Wharf::Backends {

namespace {

void putOctal(char *field, int width, qint64 value)
{
    const QByteArray s = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    std::memcpy(field, s.constData(), size_t(std::min<qsizetype>(s.size(), width - 1)));
    field[width - 1] = 0;
}

qint64 getOctal(const char *field, int width)
{
    qint64 v = 0;
    for (int i = 0; i < width && field[i]; ++i) {
        if (field[i] == ' ')
            continue;
        if (field[i] < '0' || field[i] > '7')
            break;
        v = v * 8 + (field[i] - '0');
    }
    return v;
}

QByteArray header(const QByteArray &name, char type, quint32 mode, qint64 size, qint64 mtime, const QByteArray &link)
{
    QByteArray h(512, '\0');
    char *p = h.data();
    std::memcpy(p, name.constData(), size_t(std::min<qsizetype>(name.size(), 100)));
    putOctal(p + 100, 8, mode & 07777);
    putOctal(p + 108, 8, 0);
    putOctal(p + 116, 8, 0);
    putOctal(p + 124, 12, size);
    putOctal(p + 136, 12, mtime);
    p[156] = type;
    std::memcpy(p + 157, link.constData(), size_t(std::min<qsizetype>(link.size(), 100)));
    std::memcpy(p + 257, "ustar\0" "00", 8);
    std::memset(p + 148, ' ', 8);
    unsigned sum = 0;
    for (int i = 0; i < 512; ++i)
        sum += uchar(p[i]);
    putOctal(p + 148, 7, sum);
    p[155] = ' ';
    return h;
}

void pad(QByteArray &out)
{
    const qsizetype rem = out.size() % 512;
    if (rem)
        out.append(512 - rem, '\0');
}

QByteArray paxRecord(const QByteArray &key, const QByteArray &value)
{
    // "%d %s=%s\n" where the length counts itself
    const QByteArray body = ' ' + key + '=' + value + '\n';
    qsizetype len = body.size() + 1;
    while (QByteArray::number(len).size() + body.size() != len)
        ++len;
    return QByteArray::number(len) + body;
}
} // namespace

void Tar::append(QByteArray &out, const TarEntry &e, const QByteArray &data)
{
    const qint64 size = e.type == TarEntry::File ? data.size() : 0;
    out += entryHeader(e, size);
    if (size) {
        out += data;
        out += padding(size);
    }
}

QByteArray Tar::padding(qint64 size)
{
    return QByteArray(qsizetype((512 - size % 512) % 512), '\0');
}

QByteArray Tar::entryHeader(const TarEntry &e, qint64 size)
{
    QByteArray out;
    QByteArray name = e.name.toUtf8();
    if (e.type == TarEntry::Directory && !name.endsWith('/'))
        name += '/';
    const QByteArray link = e.linkTarget.toUtf8();
    if (name.size() > 100 || link.size() > 100) {
        QByteArray pax;
        if (name.size() > 100)
            pax += paxRecord("path", name);
        if (link.size() > 100)
            pax += paxRecord("linkpath", link);
        out += header("PaxHeaders/" + name.right(80), 'x', 0644, pax.size(), e.mtime, {});
        out += pax;
        pad(out);
    }
    const char type = e.type == TarEntry::Directory ? '5'
        : e.type == TarEntry::Symlink              ? '2'
        : e.type == TarEntry::HardLink             ? '1'
        : e.type == TarEntry::Other                ? '6' // written as a FIFO
                                                   : '0';
    out += header(name, type, e.mode, e.type == TarEntry::File ? size : 0, e.mtime, link);
    return out;
}

void Tar::finish(QByteArray &out)
{
    out.append(1024, '\0');
}

QByteArray Tar::write(const QList<TarEntry> &entries)
{
    QByteArray out;
    for (const auto &e : entries)
        append(out, e, e.data);
    finish(out);
    return out;
}

Expected<QList<TarEntry>> Tar::read(const QByteArray &archive)
{
    QList<TarEntry> entries;
    qsizetype pos = 0;
    QByteArray paxPath, paxLink, gnuLong;
    while (pos + 512 <= archive.size()) {
        const char *h = archive.constData() + pos;
        bool zero = true;
        for (int i = 0; i < 512 && zero; ++i)
            zero = h[i] == 0;
        if (zero)
            break;
        const qint64 size = getOctal(h + 124, 12);
        if (size < 0 || pos + 512 + size > archive.size())
            return Error::make(Error::Protocol, tr("The archive is truncated."));
        const char type = h[156];
        const QByteArray data = archive.mid(pos + 512, size);
        pos += 512 + ((size + 511) / 512) * 512;
        if (type == 'x') {
            qsizetype p = 0;
            while (p < data.size()) {
                const qsizetype sp = data.indexOf(' ', p);
                if (sp < 0)
                    break;
                const qsizetype len = data.mid(p, sp - p).toLongLong();
                if (len <= 0)
                    break;
                const QByteArray rec = data.mid(sp + 1, len - (sp - p) - 2);
                const qsizetype eq = rec.indexOf('=');
                if (rec.left(eq) == "path")
                    paxPath = rec.mid(eq + 1);
                else if (rec.left(eq) == "linkpath")
                    paxLink = rec.mid(eq + 1);
                p += len;
            }
            continue;
        }
        if (type == 'g')
            continue;
        if (type == 'L') {
            gnuLong = data;
            while (gnuLong.endsWith('\0'))
                gnuLong.chop(1);
            continue;
        }
        TarEntry e;
        QByteArray name = QByteArray(h, int(qstrnlen(h, 100)));
        const QByteArray prefix = QByteArray(h + 345, int(qstrnlen(h + 345, 155)));
        if (!prefix.isEmpty() && std::memcmp(h + 257, "ustar", 5) == 0)
            name = prefix + '/' + name;
        if (!gnuLong.isEmpty())
            name = std::exchange(gnuLong, {});
        if (!paxPath.isEmpty())
            name = std::exchange(paxPath, {});
        e.name = QString::fromUtf8(name);
        e.mode = quint32(getOctal(h + 100, 8));
        e.mtime = getOctal(h + 136, 12);
        e.linkTarget = QString::fromUtf8(paxLink.isEmpty() ? QByteArray(h + 157, int(qstrnlen(h + 157, 100))) : paxLink);
        paxLink.clear();
        switch (type) {
        case '0':
        case '\0':
        case '7':
            e.type = TarEntry::File;
            e.data = data;
            break;
        case '5':
            e.type = TarEntry::Directory;
            break;
        case '2':
            e.type = TarEntry::Symlink;
            break;
        case '1':
            e.type = TarEntry::HardLink;
            while (e.linkTarget.endsWith(QLatin1Char('/')))
                e.linkTarget.chop(1);
            break;
        default:
            e.type = TarEntry::Other;
        }
        while (e.name.endsWith(QLatin1Char('/')))
            e.name.chop(1);
        entries << e;
    }
    return entries;
}

quint32 Tar::modeOf(QFile::Permissions p)
{
    return ((p & QFile::ReadOwner) ? 0400 : 0) | ((p & QFile::WriteOwner) ? 0200 : 0) | ((p & QFile::ExeOwner) ? 0100 : 0)
        | ((p & QFile::ReadGroup) ? 040 : 0) | ((p & QFile::WriteGroup) ? 020 : 0) | ((p & QFile::ExeGroup) ? 010 : 0)
        | ((p & QFile::ReadOther) ? 04 : 0) | ((p & QFile::WriteOther) ? 02 : 0) | ((p & QFile::ExeOther) ? 01 : 0);
}

Expected<QByteArray> Tar::packPath(const QString &path, const QString &topName)
{
    const QFileInfo root(path);
    if (!root.exists())
        return Error::make(Error::Input, tr("%1 does not exist.").arg(path));
    QList<TarEntry> entries;
    auto add = [&](const QFileInfo &fi, const QString &name) -> Error {
        TarEntry e;
        e.name = name;
        e.mtime = fi.lastModified().toSecsSinceEpoch();
        e.mode = modeOf(fi.permissions());
        if (fi.isSymLink()) {
            e.type = TarEntry::Symlink;
            e.linkTarget = fi.symLinkTarget();
        } else if (fi.isDir()) {
            e.type = TarEntry::Directory;
        } else {
            QFile f(fi.filePath());
            if (!f.open(QIODevice::ReadOnly))
                return Error::make(Error::Input, tr("Cannot read %1: %2.").arg(fi.filePath(), f.errorString()));
            e.data = f.readAll();
        }
        entries << e;
        return {};
    };
    if (auto e = add(root, topName); e.isError())
        return e;
    if (root.isDir() && !root.isSymLink()) {
        QDirIterator it(path, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            const QString rel = QDir(path).relativeFilePath(it.filePath());
            if (auto e = add(it.fileInfo(), topName + QLatin1Char('/') + rel); e.isError())
                return e;
        }
    }
    return write(entries);
}

static bool makeHardLink(const QString &from, const QString &to)
{
#ifdef Q_OS_UNIX
    return ::link(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
#else
    Q_UNUSED(from);
    Q_UNUSED(to);
    return false; // copied instead
#endif
}

Error Tar::unpack(const QList<TarEntry> &entries, const QString &destDir, const QString &renameTop, int *skipped)
{
    const QString base = QDir(destDir).absolutePath();
    const QString canonicalBase = QFileInfo(base).canonicalFilePath();
    if (skipped)
        *skipped = 0;
    auto place = [&](const QString &archiveName, QString *out) -> Error {
        QString name = archiveName;
        if (!renameTop.isEmpty()) {
            const int slash = name.indexOf(QLatin1Char('/'));
            name = slash < 0 ? renameTop : renameTop + name.mid(slash);
        }
        const QString target = QDir::cleanPath(base + QLatin1Char('/') + name);
        if (!target.startsWith(base + QLatin1Char('/')) && target != base)
            return Error::make(Error::Input, tr("The archive entry \"%1\" points outside the destination.").arg(archiveName));
        // A folder on the way may be a symlink the archive made earlier: resolve what exists.
        QString existing = QFileInfo(target).absolutePath();
        while (!QFileInfo::exists(existing) && existing.size() > base.size())
            existing = QFileInfo(existing).absolutePath();
        const QString real = QFileInfo(existing).canonicalFilePath();
        if (!canonicalBase.isEmpty() && real != canonicalBase && !real.startsWith(canonicalBase + QLatin1Char('/')))
            return Error::make(Error::Input, tr("The archive entry \"%1\" points outside the destination.").arg(archiveName));
        *out = target;
        return {};
    };
    for (const auto &e : entries) {
        QString target;
        if (auto err = place(e.name, &target); err.isError())
            return err;
        switch (e.type) {
        case TarEntry::Directory:
            if (!QDir().mkpath(target))
                return Error::make(Error::Input, tr("Cannot create the folder %1.").arg(target));
            break;
        case TarEntry::File: {
            QDir().mkpath(QFileInfo(target).absolutePath());
            QFile f(target);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(e.data) != e.data.size())
                return Error::make(Error::Input, tr("Cannot write %1: %2.").arg(target, f.errorString()));
            f.close();
            QFile::Permissions p;
            const quint32 m = e.mode;
            if (m & 0400) p |= QFile::ReadOwner | QFile::ReadUser;
            if (m & 0200) p |= QFile::WriteOwner | QFile::WriteUser;
            if (m & 0100) p |= QFile::ExeOwner | QFile::ExeUser;
            if (m & 040) p |= QFile::ReadGroup;
            if (m & 020) p |= QFile::WriteGroup;
            if (m & 010) p |= QFile::ExeGroup;
            if (m & 04) p |= QFile::ReadOther;
            if (m & 02) p |= QFile::WriteOther;
            if (m & 01) p |= QFile::ExeOther;
            f.setPermissions(p);
            break;
        }
        case TarEntry::Symlink:
            QFile::remove(target);
            QFile::link(e.linkTarget, target);
            break;
        case TarEntry::HardLink: {
            // The target is another entry of the same archive, already unpacked.
            QString from;
            if (auto err = place(e.linkTarget, &from); err.isError())
                return err;
            QDir().mkpath(QFileInfo(target).absolutePath());
            QFile::remove(target);
            if (!makeHardLink(from, target) && !QFile::copy(from, target))
                return Error::make(Error::Input, tr("Cannot link %1 to %2.").arg(target, from));
            break;
        }
        case TarEntry::Other:
            if (skipped)
                ++*skipped;
            break;
        }
    }
    return {};
}

} // namespace Wharf::Backends
