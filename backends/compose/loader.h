#pragma once

#include "project.h"

#include <QHash>

namespace Wharf::Backends::Compose {

struct LoadOptions
{
    QStringList files; // -f, in order; later ones override earlier ones
    QString projectDirectory; // default: the first file's folder
    QString projectName; // -p; else `name:`, else COMPOSE_PROJECT_NAME, else the folder's name
    QStringList envFiles; // --env-file; default: .env in the project folder when it exists
    QHash<QString, QString> environment; // the process environment; it wins over .env
    QStringList profiles; // else COMPOSE_PROFILES; "*" enables every profile
    bool interpolate = true; // false: ${...} stay as written (config --no-interpolate)
    // false: only the form of the file is checked, not that what it names exists (compose-go's
    // SkipConsistencyCheck; for fragments and schema checks)
    bool consistency = true;
    QHash<QString, QByteArray> contents; // a file's text that is not (yet) on disk: an editor's buffer

    static QHash<QString, QString> processEnvironment();
};

struct LoadResult
{
    std::optional<Project> project;
    QList<Diagnostic> diagnostics; // errors, warnings and notices, in the order found

    bool ok() const { return project.has_value(); }
    QList<Diagnostic> errors() const;
    QList<Diagnostic> warnings() const; // warnings and notices
};

// Loads a compose application the way `docker compose` does: includes, extends, merge
// keys, !reset/!override, interpolation, env files, profiles; checks it and normalises it.
// Never throws; a file that cannot be used comes back with errors that name file:line:column.
LoadResult load(const LoadOptions &options);

// "512m", "1.5g", "1024" -> bytes
std::optional<qint64> parseBytes(const QString &text);
// "1m30s", "500ms", "10" (seconds) -> nanoseconds
std::optional<qint64> parseDuration(const QString &text);
// "0.5" -> 500000000
std::optional<qint64> parseNanoCpus(const QString &text);
// a command line as a shell would split it (quotes and backslashes)
std::optional<QStringList> splitCommand(const QString &text);
// "My App" -> "myapp"; compose's rule for project names made from folder names
QString normalizeProjectName(const QString &text);
bool isValidProjectName(const QString &text);

} // namespace Wharf::Backends::Compose
