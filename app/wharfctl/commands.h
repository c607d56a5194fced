#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Wharf::App {

class Cli;
class FlagParser;

// One flag of a command: its names (docker's), the placeholder of its value (empty: a
// switch) and one line of help (translated when shown).
struct FlagDoc
{
    QStringList names;
    const char *value = nullptr;
    const char *help = nullptr;
    bool takesValue() const { return value && *value; }
};

// Where a command goes before its handler runs.
enum class Needs {
    Nothing,  // local files and the keychain (saved hosts, the registry list, logins)
    Database, // the metadata database alone
    Daemon,   // a host (and the database when it changes something or --tenant is given)
};

// Each of wharfctl's commands, declared once: its help, its usage and shell completion come
// from here, its flag parser too (parserFor), and dispatch runs its handler. Sub-commands with
// flags of their own ("app deploy", "registry run") are entries of their own.
struct CommandDoc
{
    QString name;           // "run", "volume", "app deploy"
    const char *synopsis;   // after "wharfctl NAME ": "[OPTIONS] IMAGE [COMMAND] [ARG...]"
    const char *summary;    // one line (translated when shown)
    const char *section;    // its heading in wharfctl --help (translated)
    QList<FlagDoc> flags;
    QStringList subcommands; // completion and help of a group
    Needs needs = Needs::Daemon;
    bool mutating = false;   // changes a host or the platform (and so opens the database)
    bool tenants = false;    // a tenant may use it (else it is an admin's, refused and recorded)
    bool stopAtPositional = false; // flags end at the first word (run IMAGE -x: -x is the command's)
    // The audit action a tenant's refusal is recorded under ("image.tag"); empty: command.NAME
    const char *refusal = nullptr;
    std::function<void(Cli &, const QStringList &)> run; // empty for sub-command entries
};

// The whole table, in the order of wharfctl --help.
const QList<CommandDoc> &commandTable();
// A command by name ("app deploy" finds the sub-command's entry); null when unknown.
const CommandDoc *findCommand(const QString &name);
// The entry that describes `name args…`: the sub-command's when it has one.
const CommandDoc *commandFor(const QString &name, const QStringList &args);
// What `wharfctl name args… --help` describes: the sub-command's entry, or the command a
// group's sub-command stands for (`image ls` is `images`, `image rm` is `rmi`, `image pull` is
// `pull`, …), else the group.
const CommandDoc *helpFor(const QString &name, const QStringList &args);
// The global flags (before the command).
const QList<FlagDoc> &globalFlags();

// A parser of exactly the command's flags (and -h/--help).
FlagParser parserFor(const CommandDoc &c);
// wharfctl CMD --help
QString commandHelp(const CommandDoc &c);
// One line: "Usage: wharfctl CMD SYNOPSIS" and where to read more.
QString commandUsage(const CommandDoc &c);
// wharfctl --help
QString overview();
// wharfctl completion bash|zsh (empty for another shell)
QString completionScript(const QString &shell);

} // namespace Wharf::App
