#include "buildcontext.h"
#include <QRegularExpression>

#include "tar.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>
#include <QUuid>

namespace Wharf::Backends {

namespace {
// filepath.Clean for '/'-separated relative patterns: no "./", no "a/../", no doubled or
// leading or trailing slashes.
QString cleanPath(QString p)
{
    p.replace(QLatin1Char('\\'), QLatin1Char('/')); // only on Windows does docker do this; escapes stay below
    QStringList out;
    for (const QString &c : p.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (c == QLatin1String("."))
            continue;
        if (c == QLatin1String("..")) {
            if (!out.isEmpty() && out.last() != QLatin1String(".."))
                out.removeLast();
            continue; // above the context root is the root
        }
        out << c;
    }
    return out.join(QLatin1Char('/'));
}
} // namespace

QString DockerIgnore::toRegex(const QString &pattern)
{
    QString re = QStringLiteral("^");
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar ch = pattern[i];
        if (ch == QLatin1Char('*')) {
            if (i + 1 < pattern.size() && pattern[i + 1] == QLatin1Char('*')) {
                ++i;
                if (i + 1 < pattern.size() && pattern[i + 1] == QLatin1Char('/'))
                    ++i;
                re += i + 1 >= pattern.size() ? QStringLiteral(".*") : QStringLiteral("(.*/)?");
            } else {
                re += QStringLiteral("[^/]*");
            }
        } else if (ch == QLatin1Char('?')) {
            re += QStringLiteral("[^/]");
        } else if (ch == QLatin1Char('\\') && i + 1 < pattern.size()) {
            re += QRegularExpression::escape(QString(pattern[++i]));
        } else if (ch == QLatin1Char('[')) {
            const qsizetype end = pattern.indexOf(QLatin1Char(']'), i + 1);
            if (end < 0) {
                re += QStringLiteral("\\[");
            } else {
                QString cls = pattern.mid(i + 1, end - i - 1);
                if (cls.startsWith(QLatin1Char('^')))
                    cls[0] = QLatin1Char('!');
                if (cls.startsWith(QLatin1Char('!')))
                    cls = QLatin1Char('^') + cls.mid(1);
                re += QLatin1Char('[') + cls + QLatin1Char(']');
                i = end;
            }
        } else {
            re += QRegularExpression::escape(QString(ch));
        }
    }
    return re + QLatin1Char('$');
}

DockerIgnore DockerIgnore::parse(const QString &text)
{
    DockerIgnore d;
    for (QString line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1Char('#')))
            continue;
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        Pattern p;
        if (line.startsWith(QLatin1Char('!'))) {
            p.exception = true;
            line = line.mid(1).trimmed();
            d.m_hasExceptions = true;
        }
        const bool hadEscape = line.contains(QLatin1Char('\\'));
        QString cleaned = hadEscape ? line : cleanPath(line);
        while (cleaned.startsWith(QLatin1Char('/')))
            cleaned.remove(0, 1);
        if (cleaned.isEmpty())
            cleaned = QStringLiteral(".");
        p.text = cleaned;
        p.re = QRegularExpression(toRegex(cleaned));
        if (!p.re.isValid())
            p.re = QRegularExpression(QRegularExpression::escape(cleaned));
        d.m_patterns << p;
    }
    return d;
}

bool DockerIgnore::excludes(const QString &path) const
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    bool matched = false;
    for (const Pattern &p : m_patterns) {
        if (p.exception != matched)
            continue;
        bool match = p.re.match(path).hasMatch();
        for (qsizetype i = 1; !match && i < parts.size(); ++i)
            match = p.re.match(parts.mid(0, i).join(QLatin1Char('/'))).hasMatch();
        if (match)
            matched = !p.exception;
    }
    return matched;
}

bool DockerIgnore::mayHaveIncludedChildren(const QString &dir) const
{
    for (const Pattern &p : m_patterns) {
        if (!p.exception)
            continue;
        // A wildcard before the folder's depth could match anything inside; else the exception
        // must lie below this folder.
        const qsizetype wild = p.text.indexOf(QRegularExpression(QStringLiteral("[*?\\[\\\\]")));
        const QString fixed = wild < 0 ? p.text : p.text.left(wild);
        const QString dirSlash = dir + QLatin1Char('/');
        if (fixed.startsWith(dirSlash) || dirSlash.startsWith(fixed))
            return true;
    }
    return false;
}

QStringList DockerIgnore::patterns() const
{
    QStringList out;
    for (const Pattern &p : m_patterns)
        out << (p.exception ? QLatin1String("!") : QLatin1String("")) + p.text;
    return out;
}

Expected<QByteArray> BuildContext::pack(const QString &folder, const QString &dockerfile, BuildContextStats *stats)
{
    QByteArray out;
    const auto s = write(nullptr, &out, folder, dockerfile, nullptr);
    if (!s)
        return s.error();
    if (stats)
        *stats = *s;
    return out;
}

Expected<QByteArray> BuildContext::packWithDockerfile(const QString &folder, const QByteArray &dockerfileText, BuildContextStats *stats)
{
    QByteArray out;
    const auto s = write(nullptr, &out, folder, {}, &dockerfileText);
    if (!s)
        return s.error();
    if (stats)
        *stats = *s;
    return out;
}

Expected<PackedContext> BuildContext::packToFile(const QString &folder, const QString &dockerfile, const QByteArray *dockerfileText)
{
    auto file = std::make_shared<QTemporaryFile>(QDir(QDir::tempPath()).filePath(QStringLiteral("wharf-context-XXXXXX.tar")));
    if (!file->open())
        return Error::make(Error::Input, tr("Cannot make a temporary file for the build context: %1.").arg(file->errorString()));
    const auto s = write(file.get(), nullptr, folder, dockerfileText ? QString() : dockerfile, dockerfileText);
    if (!s)
        return s.error();
    if (!file->flush() || !file->seek(0))
        return Error::make(Error::Input, tr("Cannot write the build context: %1.").arg(file->errorString()));
    return PackedContext{file, file->size(), *s};
}

Expected<BuildContextStats> BuildContext::write(QIODevice *out, QByteArray *memory, const QString &folder, const QString &dockerfileArg,
                                                const QByteArray *inlineText)
{
    const QFileInfo rootInfo(folder);
    if (!rootInfo.exists())
        return Error::make(Error::Input, tr("The build context folder %1 does not exist.").arg(folder));
    if (!rootInfo.isDir())
        return Error::make(Error::Input, tr("The build context %1 is not a folder.").arg(folder));
    const QDir root(rootInfo.absoluteFilePath());
    const QString dfArg = dockerfileArg.isEmpty() ? QStringLiteral("Dockerfile") : dockerfileArg;
    const QFileInfo dfInfo(QDir::isAbsolutePath(dfArg) ? dfArg : root.filePath(dfArg));
    if (!inlineText && !dfInfo.isFile())
        return Error::make(Error::Input, tr("There is no Dockerfile at %1.").arg(QDir::toNativeSeparators(dfInfo.filePath())));
    QString dfRel = root.relativeFilePath(dfInfo.absoluteFilePath());
    const bool dfOutside = inlineText || dfRel.startsWith(QLatin1String("../")) || QDir::isAbsolutePath(dfRel);

    DockerIgnore ignore;
    QFile ignoreFile(root.filePath(QStringLiteral(".dockerignore")));
    if (ignoreFile.exists()) {
        if (!ignoreFile.open(QIODevice::ReadOnly))
            return Error::make(Error::Input, tr("Cannot read %1: %2.").arg(ignoreFile.fileName(), ignoreFile.errorString()));
        ignore = DockerIgnore::parse(QString::fromUtf8(ignoreFile.readAll()));
    }
    BuildContextStats stats;
    // First the list of what goes in (and its size, so the archive is allocated once), then the
    // archive itself.
    struct Item
    {
        QFileInfo info;
        QString name;
    };
    QList<Item> items;
    const QStringList always{QStringLiteral(".dockerignore"), dfOutside ? QString() : dfRel};
    // Depth-first walk in name order, so that the archive is the same for the same folder.
    std::function<void(const QString &)> walk = [&](const QString &rel) {
        QDir dir(rel.isEmpty() ? root.path() : root.filePath(rel));
        const QFileInfoList list = dir.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                                                     QDir::Name);
        for (const QFileInfo &fi : list) {
            const QString name = rel.isEmpty() ? fi.fileName() : rel + QLatin1Char('/') + fi.fileName();
            const bool excluded = !always.contains(name) && ignore.excludes(name);
            const bool isDir = fi.isDir() && !fi.isSymLink();
            if (excluded) {
                if (isDir && ignore.hasExceptions() && ignore.mayHaveIncludedChildren(name))
                    walk(name);
                ++stats.excluded;
                continue;
            }
            items.append({fi, name});
            if (isDir)
                walk(name);
        }
    };
    walk(QString());
    if (dfOutside) {
        dfRel = QStringLiteral(".wharf-dockerfile-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
        if (!inlineText)
            items.append({dfInfo, dfRel});
    }
    if (!out) {
        // In memory: the archive's size is known, so it is allocated once.
        qint64 total = Tar::EndBytes + (inlineText ? 512 + (inlineText->size() + 511) / 512 * 512 : 0);
        for (const Item &i : items)
            total += 512 + (i.name.size() > 90 ? 1536 : 0) + (i.info.isFile() && !i.info.isSymLink() ? (i.info.size() + 511) / 512 * 512 : 0);
        memory->reserve(qsizetype(total));
    }
    auto put = [&](const QByteArray &bytes) {
        if (!out) {
            memory->append(bytes);
            return true;
        }
        return out->write(bytes) == bytes.size();
    };
    auto cannotWrite = [&] {
        return Error::make(Error::Input, tr("Cannot write the build context: %1.").arg(out ? out->errorString() : QString()));
    };
    for (const Item &i : items) {
        const QFileInfo &fi = i.info;
        TarEntry e;
        e.name = i.name;
        e.mtime = fi.lastModified().toSecsSinceEpoch();
        e.mode = Tar::modeOf(fi.permissions());
        if (fi.isSymLink()) {
            e.type = TarEntry::Symlink;
            e.linkTarget = QDir(fi.absolutePath()).relativeFilePath(fi.symLinkTarget());
            if (!put(Tar::entryHeader(e, 0)))
                return cannotWrite();
        } else if (fi.isDir()) {
            e.type = TarEntry::Directory;
            if (!put(Tar::entryHeader(e, 0)))
                return cannotWrite();
        } else if (fi.isFile()) {
            QFile f(fi.filePath());
            if (!f.open(QIODevice::ReadOnly))
                return Error::make(Error::Input, tr("Cannot read %1: %2.").arg(QDir::toNativeSeparators(fi.filePath()), f.errorString()));
            // The size is fixed in the header first: a file that grows meanwhile is sent as it
            // was, one that shrinks is an error (the archive would be wrong).
            const qint64 size = f.size();
            if (!put(Tar::entryHeader(e, size)))
                return cannotWrite();
            qint64 left = size;
            while (left > 0) {
                const QByteArray piece = f.read(std::min<qint64>(left, ReadChunk));
                if (piece.isEmpty())
                    return Error::make(Error::Input, tr("%1 changed while it was packed (it became shorter).").arg(QDir::toNativeSeparators(fi.filePath())));
                if (!put(piece))
                    return cannotWrite();
                left -= piece.size();
            }
            if (!put(Tar::padding(size)))
                return cannotWrite();
            stats.bytes += size;
        } else {
            continue; // sockets, FIFOs and devices are not sent, as with docker
        }
        ++stats.files;
    }
    if (inlineText) {
        TarEntry e;
        e.name = dfRel;
        e.mtime = QDateTime::currentSecsSinceEpoch();
        if (!put(Tar::entryHeader(e, inlineText->size()) + *inlineText + Tar::padding(inlineText->size())))
            return cannotWrite();
        stats.bytes += inlineText->size();
        ++stats.files;
    }
    if (!put(QByteArray(Tar::EndBytes, '\0')))
        return cannotWrite();
    stats.dockerfile = dfRel;
    return stats;
}

QStringList BuildContext::baseImages(const QByteArray &dockerfile)
{
    static const QRegularExpression from(QStringLiteral("^\\s*FROM\\s+(?:--\\S+\\s+)*(\\S+)(?:\\s+AS\\s+(\\S+))?"),
                                         QRegularExpression::CaseInsensitiveOption);
    QStringList images;
    QStringList stages;
    for (const QByteArray &line : dockerfile.split('\n')) {
        const auto m = from.match(QString::fromUtf8(line));
        if (!m.hasMatch())
            continue;
        const QString image = m.captured(1);
        if (!m.captured(2).isEmpty())
            stages << m.captured(2).toLower();
        if (image.compare(QLatin1String("scratch"), Qt::CaseInsensitive) == 0 || stages.contains(image.toLower()) || image.contains(QLatin1Char('$'))
            || images.contains(image))
            continue;
        images << image;
    }
    return images;
}

QByteArray BuildContext::readDockerfile(const QString &folder, const QString &dockerfile)
{
    const QString name = dockerfile.isEmpty() ? QStringLiteral("Dockerfile") : dockerfile;
    QFile f(QDir::isAbsolutePath(name) ? name : QDir(folder).filePath(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.read(MaxDockerfileRead);
}

} // namespace Wharf::Backends
