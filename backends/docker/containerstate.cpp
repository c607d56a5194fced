#include "containerstate.h"

#include <QLatin1StringView>

#include <array>
#include <utility>

namespace Wharf::Backends {

ContainerState containerState(QStringView text)
{
    static constexpr std::array<std::pair<const char *, ContainerState>, 7> Names{{
        {"created", ContainerState::Created},
        {"running", ContainerState::Running},
        {"paused", ContainerState::Paused},
        {"restarting", ContainerState::Restarting},
        {"removing", ContainerState::Removing},
        {"exited", ContainerState::Exited},
        {"dead", ContainerState::Dead},
    }};
    for (const auto &[name, state] : Names)
        if (text.compare(QLatin1StringView(name), Qt::CaseInsensitive) == 0)
            return state;
    return ContainerState::Unknown;
}

} // namespace Wharf::Backends
