#pragma once

#include "core/error.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace Wharf::Backends {

// A command to run in a running container (docker exec): the one body of POST
// /containers/{id}/exec, for wharfctl exec and the console's Console tab.
struct ExecSpec
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Backends::ExecSpec)

public:
    QStringList command;     // the words, already split
    bool interactive = false; // stdin attached (-i)
    bool tty = false;        // a terminal (-t)
    QStringList env;         // KEY=VALUE (-e)
    QString workingDir;      // -w
    QString user;            // -u

    // The console's terminal: stdin and a tty, TERM and LANG set for it.
    static ExecSpec terminal(const QStringList &command);

    // A command and each KEY=VALUE checked; the first problem as a sentence.
    Error check() const;
    QJsonObject toCreateBody() const;
};

} // namespace Wharf::Backends
