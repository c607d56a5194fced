// known_hosts files: plain and hashed (|1|salt|hash) host fields, markers, comments, broken
// lines; removing a host's keys rewrites the file from what was read.
#include "fuzzsupport.h"
#include "ssh/knownhosts.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace Wharf::Backends;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("known_hosts"));
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return 0;
    f.write(FuzzSupport::bytes(data, size));
    f.close();
    (void)KnownHosts::remove(file, QStringLiteral("example.com"), 22);
    (void)KnownHosts::remove(file, QStringLiteral("127.0.0.1"), 2222);
    return 0;
}
