#include "halfclose.h"

#include <winsock2.h>

namespace Wharf::Backends {
bool halfCloseSocket(qintptr descriptor)
{
    return descriptor != qintptr(INVALID_SOCKET) && ::shutdown(SOCKET(descriptor), SD_SEND) == 0;
}
}
