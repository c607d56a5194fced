#pragma once

#include "expected.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <memory>

namespace Wharf::Backends {

// .dockerignore as the docker CLI reads it: one pattern a line, '#' comments, '!' exceptions,
// Go filepath.Match wildcards (* ? [a-z] \) plus '**' for any number of folders. A path is
// excluded when the last pattern matching it or one of its parent folders is not an exception.
class DockerIgnore
{
public:
    static DockerIgnore parse(const QString &text);
    bool isEmpty() const { return m_patterns.isEmpty(); }
    bool hasExceptions() const { return m_hasExceptions; }
    // path: relative to the context, '/' separated, no leading "./".
    bool excludes(const QString &path) const;
    // A folder that is excluded may still hold an exception ("!build/keep"): walk into it then.
    bool mayHaveIncludedChildren(const QString &dir) const;
    QStringList patterns() const;

private:
    struct Pattern
    {
        QString text;
        bool exception = false;
        QRegularExpression re;
    };
    static QString toRegex(const QString &pattern);
    QList<Pattern> m_patterns;
    bool m_hasExceptions = false;
};

struct BuildContextStats
{
    qint64 files = 0;
    qint64 bytes = 0;      // file contents sent
    qint64 excluded = 0;   // files and folders left out by .dockerignore
    QString dockerfile;    // the Dockerfile's name inside the archive
};

// A build context packed into a temporary file (removed when the last reference goes): sent
// from there as the connection takes it, so memory stays flat whatever the folder's size.
struct PackedContext
{
    std::shared_ptr<QIODevice> archive; // open for reading, at its start
    qint64 size = 0;
    BuildContextStats stats;
};

// A build context: a folder packed as a tar the way `docker build` sends it, honouring its
// .dockerignore. The Dockerfile and .dockerignore are always sent; a Dockerfile from outside
// the folder is added under a generated name.
class BuildContext
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Backends::BuildContext)

public:
    // dockerfile: empty for "Dockerfile" in the folder; else a path relative to the folder or absolute.
    static Expected<QByteArray> pack(const QString &folder, const QString &dockerfile, BuildContextStats *stats = nullptr);
    // The folder with a Dockerfile given as text (compose's dockerfile_inline), added under a
    // generated name.
    // A context the engine fetches itself (a git or https URL), not a folder here.
    // The images a Dockerfile starts FROM (not its own earlier stages, not scratch), as
    // written: their registries' logins go with the build.
    static QStringList baseImages(const QByteArray &dockerfile);
    // The Dockerfile of a folder's build (dockerfile: relative to the folder, or absolute;
    // empty: Dockerfile), read for its FROM lines; empty when it cannot be read. Only its first
    // MaxDockerfileRead bytes are read (a Dockerfile is text of a few KiB).
    static constexpr qint64 MaxDockerfileRead = 1 << 20;
    static QByteArray readDockerfile(const QString &folder, const QString &dockerfile);
    static bool isRemote(const QString &context)
    {
        return context.contains(QLatin1String("://")) || context.startsWith(QLatin1String("git@"));
    }
    static Expected<QByteArray> packWithDockerfile(const QString &folder, const QByteArray &dockerfileText, BuildContextStats *stats = nullptr);
    // The same archive in a temporary file (dockerfileText: compose's dockerfile_inline, or null).
    static Expected<PackedContext> packToFile(const QString &folder, const QString &dockerfile, const QByteArray *dockerfileText = nullptr);
    // Files are read and written in pieces of this size.
    static constexpr qint64 ReadChunk = 1 << 20;

private:
    // Into out, or into memory when out is null.
    static Expected<BuildContextStats> write(QIODevice *out, QByteArray *memory, const QString &folder, const QString &dockerfile,
                                             const QByteArray *inlineText);
};

} // namespace Wharf::Backends
