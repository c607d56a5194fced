// Tar archives as the daemon sends them (docker cp, image save): headers, octal and PAX
// sizes, long names, entries past the end.
#include "docker/tar.h"
#include "fuzzsupport.h"

using namespace Wharf::Backends;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto entries = Tar::read(FuzzSupport::bytes(data, size));
    if (entries)
        for (const TarEntry &e : *entries)
            (void)e.name.size();
    return 0;
}
