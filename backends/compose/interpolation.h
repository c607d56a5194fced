#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Wharf::Backends::Compose {

using Lookup = std::function<std::optional<QString>(const QString &name)>;

struct Interpolated
{
    QString value;
    QString error; // non-empty: the reason, e.g. "required variable DB_PASSWORD is missing a value: set it"
    QStringList unset; // variables used without a value and without a default (compose warns)
};

// Compose's interpolation: $$, $VAR, ${VAR}, ${VAR:-default}, ${VAR-default},
// ${VAR:?error}, ${VAR?error}, ${VAR:+replacement}, ${VAR+replacement}; defaults may
// themselves hold ${...}.
Interpolated interpolate(const QString &text, const Lookup &lookup);

struct DotEnv
{
    QList<std::pair<QString, QString>> values; // in file order
    QString error; // "line 3: ..." when the file cannot be read as KEY=VALUE lines
    int errorLine = 0;
};

// Reads a .env / env_file: KEY=VALUE lines, `export`, # comments, single quotes (literal),
// double quotes (with \n \t \" \\ escapes), values interpolated from earlier lines and lookup.
// A bare KEY takes its value from lookup, or is left out.
DotEnv parseDotEnv(const QByteArray &text, const Lookup &lookup);

} // namespace Wharf::Backends::Compose
