// Applications: compose files (validate, config) and, with a host, plans and deploys.
#include "cli.h"

#include "compose/loader.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace Wharf::App {

namespace {

QJsonObject diagnosticJson(const Backends::Compose::Diagnostic &d)
{
    using Backends::Compose::Diagnostic;
    return QJsonObject{{QStringLiteral("severity"), d.severity == Diagnostic::Error     ? QStringLiteral("error")
                                                    : d.severity == Diagnostic::Warning ? QStringLiteral("warning")
                                                                                         : QStringLiteral("notice")},
                       {QStringLiteral("file"), d.mark.file},
                       {QStringLiteral("line"), d.mark.line},
                       {QStringLiteral("column"), d.mark.column},
                       {QStringLiteral("message"), d.message}};
}

} // namespace

// The compose flags every app command shares; false after failing the command.
bool Cli::composeOptions(const FlagParser &f, Backends::Compose::LoadOptions *o)
{
    o->files = f.values(QStringLiteral("-f"));
    if (o->files.isEmpty() && !qEnvironmentVariable("COMPOSE_FILE").isEmpty())
        o->files = qEnvironmentVariable("COMPOSE_FILE").split(QDir::listSeparator(), Qt::SkipEmptyParts);
    if (o->files.isEmpty()) {
        for (const char *name : {"compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"})
            if (QFileInfo::exists(QLatin1String(name))) {
                o->files << QLatin1String(name);
                break;
            }
    }
    if (o->files.isEmpty()) {
        failUsage(tr("no compose file: give one with -f FILE (or run in a folder with compose.yaml)"));
        return false;
    }
    o->projectDirectory = f.value(QStringLiteral("--project-directory"));
    o->projectName = f.value(QStringLiteral("--name"));
    o->envFiles = f.values(QStringLiteral("--env-file"));
    o->profiles = f.values(QStringLiteral("--profile"));
    o->environment = Backends::Compose::LoadOptions::processEnvironment();
    o->interpolate = !f.isSet(QStringLiteral("--no-interpolate"));
    o->consistency = !f.isSet(QStringLiteral("--no-consistency"));
    return true;
}

FlagParser Cli::composeFlags()
{
    FlagParser f;
    f.option({QStringLiteral("-f"), QStringLiteral("--file")})
        .option({QStringLiteral("--project-directory")})
        .option({QStringLiteral("--name"), QStringLiteral("-p")})
        .option({QStringLiteral("--env-file")})
        .option({QStringLiteral("--profile")});
    return f;
}

// Prints what the loader found: warnings always (stderr), errors when there are any.
void Cli::printDiagnostics(const QList<Backends::Compose::Diagnostic> &diagnostics)
{
    for (const auto &d : diagnostics)
        err() << d.toString() << '\n';
    err().flush();
}

void Cli::cmdApp(const QStringList &a)
{
    const QString sub = a.value(0);
    const QStringList rest = a.mid(1);
    if (sub == QLatin1String("validate") || sub == QLatin1String("config")) {
        FlagParser f = composeFlags();
        f.flag({QStringLiteral("--no-interpolate")}).flag({QStringLiteral("--no-consistency")}).flag({QStringLiteral("--services")}).flag({QStringLiteral("-q"), QStringLiteral("--quiet")});
        if (auto e = f.parse(rest); e.isError())
            return failUsage(e.message);
        if (!f.positional().isEmpty())
            return failUsage(tr("usage: wharfctl app %1 [-f FILE]... [--env-file F] [--profile P] [--name N] [--no-interpolate] [--no-consistency]").arg(sub));
        Backends::Compose::LoadOptions o;
        if (!composeOptions(f, &o))
            return;
        const auto r = Backends::Compose::load(o);
        if (json() && sub == QLatin1String("validate")) {
            QJsonArray diags;
            for (const auto &d : r.diagnostics)
                diags.append(diagnosticJson(d));
            printJson(QJsonObject{{QStringLiteral("valid"), r.ok()},
                                  {QStringLiteral("name"), r.project ? r.project->name : QString()},
                                  {QStringLiteral("services"), r.project ? QJsonArray::fromStringList(r.project->serviceNames()) : QJsonArray()},
                                  {QStringLiteral("diagnostics"), diags}});
            return finish(r.ok() ? 0 : 1);
        }
        if (!f.isSet(QStringLiteral("-q")))
            printDiagnostics(r.diagnostics);
        if (!r.ok()) {
            const int n = int(r.errors().size());
            err() << tr("%n error(s): the application was not loaded.", nullptr, n) << Qt::endl;
            return finish(1);
        }
        if (sub == QLatin1String("validate")) {
            if (!f.isSet(QStringLiteral("-q")))
                out() << tr("%1 is valid: application \"%2\" with %n service(s)", nullptr, int(r.project->services.size()))
                             .arg(QDir::toNativeSeparators(o.files.join(QStringLiteral(", "))), r.project->name)
                      << '\n';
            return finish(0);
        }
        if (f.isSet(QStringLiteral("--services"))) {
            for (const QString &s : r.project->serviceNames())
                out() << s << '\n';
            return finish(0);
        }
        writeRaw(Backends::Compose::emitYaml(r.project->model));
        return finish(0);
    }
    failUsage(tr("usage: wharfctl app validate|config -f FILE"));
}

} // namespace Wharf::App
