#pragma once

#include <QtGlobal>

namespace Wharf::Backends {
// Shuts down the writing half of a native socket (platform file: halfclose_posix.cpp /
// halfclose_win.cpp). Returns false where that is not possible.
bool halfCloseSocket(qintptr descriptor);
}
