#include "execspec.h"

#include "containerspec.h"

#include <QJsonArray>

namespace Wharf::Backends {

ExecSpec ExecSpec::terminal(const QStringList &command)
{
    ExecSpec s;
    s.command = command;
    s.interactive = true;
    s.tty = true;
    s.env = {QStringLiteral("TERM=xterm-256color"), QStringLiteral("LANG=C.UTF-8")};
    return s;
}

Error ExecSpec::check() const
{
    if (command.isEmpty() || command.first().isEmpty())
        return Error::make(Error::Input, tr("Enter a command, for example /bin/sh."));
    for (const QString &e : env)
        if (Error err = ContainerSpec::checkEnv(e); err.isError())
            return err;
    return {};
}

QJsonObject ExecSpec::toCreateBody() const
{
    QJsonObject body{{QStringLiteral("AttachStdin"), interactive},
                     {QStringLiteral("AttachStdout"), true},
                     {QStringLiteral("AttachStderr"), true},
                     {QStringLiteral("Tty"), tty},
                     {QStringLiteral("Cmd"), QJsonArray::fromStringList(command)}};
    if (!env.isEmpty())
        body.insert(QStringLiteral("Env"), QJsonArray::fromStringList(env));
    if (!workingDir.isEmpty())
        body.insert(QStringLiteral("WorkingDir"), workingDir);
    if (!user.isEmpty())
        body.insert(QStringLiteral("User"), user);
    return body;
}

} // namespace Wharf::Backends
