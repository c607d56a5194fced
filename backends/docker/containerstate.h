#pragma once

#include <QStringView>

namespace Wharf::Backends {

// A container's state as the Engine API names it (State in lists, State.Status in inspect).
enum class ContainerState { Created, Running, Paused, Restarting, Removing, Exited, Dead, Unknown };

// "running" → Running, …; anything else (an engine's new word, an empty field) → Unknown.
ContainerState containerState(QStringView text);

} // namespace Wharf::Backends
