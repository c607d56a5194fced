#pragma once

#include <QString>

namespace Wharf::Backends {

// Where Wharf keeps what it writes, the same for the console and wharfctl:
// the data folder (the embedded database, deploy journals): WHARF_DATA_DIR, else
// WHARF_CONFIG_DIR, else the user's data folder (…/Wharf/wharf);
QString dataDir();
// the configuration folder (saved hosts, registries): WHARF_CONFIG_DIR, else the user's
// configuration folder (…/Wharf/wharf).
QString configDir();

} // namespace Wharf::Backends
