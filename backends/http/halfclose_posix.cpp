#include "halfclose.h"

#include <sys/socket.h>

namespace Wharf::Backends {
bool halfCloseSocket(qintptr descriptor)
{
    return descriptor >= 0 && ::shutdown(int(descriptor), SHUT_WR) == 0;
}
}
