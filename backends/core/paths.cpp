#include "paths.h"

#include <QStandardPaths>

namespace Wharf::Backends {

QString dataDir()
{
    QString dir = qEnvironmentVariable("WHARF_DATA_DIR");
    if (dir.isEmpty())
        dir = qEnvironmentVariable("WHARF_CONFIG_DIR");
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/Wharf/wharf");
    return dir;
}

QString configDir()
{
    const QString over = qEnvironmentVariable("WHARF_CONFIG_DIR");
    if (!over.isEmpty())
        return over;
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/Wharf/wharf");
}

} // namespace Wharf::Backends
