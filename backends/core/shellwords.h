#pragma once

#include <QStringList>

#include <optional>

namespace Wharf::Backends {

// A command line split into words the way a POSIX shell would (without expanding anything):
// 'single' and "double" quotes, backslash escapes (inside double quotes only before " \ $ `).
// nullopt when a quote is not closed. Compose's command: strings, the create dialog's command
// and entrypoint all use this one.
std::optional<QStringList> splitShellWords(const QString &text);

} // namespace Wharf::Backends
