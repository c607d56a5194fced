// The compose loader on a file's text: YAML (aliases, merge keys, tags, nesting and size
// bounds), interpolation, extends, the model's checks and normalisation.
#include "compose/loader.h"
#include "fuzzsupport.h"

using namespace Wharf::Backends;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Compose::LoadOptions o;
    o.files = {QStringLiteral("/fuzz/app/compose.yaml")};
    o.contents.insert(o.files.first(), FuzzSupport::bytes(data, size));
    o.environment = {{QStringLiteral("TAG"), QStringLiteral("1")}};
    const Compose::LoadResult r = Compose::load(o);
    (void)r.ok();
    return 0;
}
