#include "deployjournal.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <array>
#include <utility>

namespace Wharf::Models::Apps {

using namespace Backends;

namespace {

using Kind = JournalEntry::Kind;
constexpr std::array<std::pair<Kind, const char *>, 9> KindNames{{
    {Kind::Image, "image"},
    {Kind::Network, "network"},
    {Kind::Volume, "volume"},
    {Kind::Created, "created"},
    {Kind::Started, "started"},
    {Kind::Restarted, "restarted"},
    {Kind::Aside, "aside"},
    {Kind::Retired, "retired"},
    {Kind::Removed, "removed"},
}};

using State = DeployJournal::State;
constexpr std::array<std::pair<State, const char *>, 4> StateNames{{
    {State::Running, "running"},
    {State::Done, "done"},
    {State::Failed, "failed"},
    {State::RolledBack, "rolled-back"},
}};

template<typename E, std::size_t N>
QString nameOf(const std::array<std::pair<E, const char *>, N> &table, E value)
{
    for (const auto &[v, name] : table)
        if (v == value)
            return QString::fromLatin1(name);
    return {};
}

template<typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char *>, N> &table, const QString &name)
{
    for (const auto &[v, n] : table)
        if (name == QLatin1String(n))
            return v;
    return std::nullopt;
}

} // namespace

QString JournalEntry::kindName(Kind kind)
{
    return nameOf(KindNames, kind);
}

QJsonObject JournalEntry::toJson() const
{
    QJsonObject o{{QStringLiteral("kind"), kindName(kind)}};
    if (!id.isEmpty())
        o.insert(QStringLiteral("id"), id);
    if (!name.isEmpty())
        o.insert(QStringLiteral("name"), name);
    if (!service.isEmpty())
        o.insert(QStringLiteral("service"), service);
    if (kind == Kind::Image)
        o.insert(QStringLiteral("previous"), previous);
    if (kind == Kind::Aside || kind == Kind::Retired)
        o.insert(QStringLiteral("wasRunning"), wasRunning);
    return o;
}

std::optional<JournalEntry> JournalEntry::fromJson(const QJsonObject &o)
{
    const auto kind = valueOf(KindNames, o.value(QLatin1String("kind")).toString());
    if (!kind)
        return std::nullopt;
    JournalEntry e;
    e.kind = *kind;
    e.id = o.value(QLatin1String("id")).toString();
    e.name = o.value(QLatin1String("name")).toString();
    e.service = o.value(QLatin1String("service")).toString();
    e.previous = o.value(QLatin1String("previous")).toString();
    e.wasRunning = o.value(QLatin1String("wasRunning")).toBool();
    return e;
}

QString DeployJournal::stateName(State state)
{
    return nameOf(StateNames, state);
}

QJsonObject DeployJournal::toJson() const
{
    QJsonArray list;
    for (const JournalEntry &e : entries)
        list.append(e.toJson());
    QJsonObject o{{QStringLiteral("app"), app},
                  {QStringLiteral("deployment"), deployment},
                  {QStringLiteral("atomic"), atomic},
                  {QStringLiteral("state"), stateName(state)},
                  {QStringLiteral("updated"), updated.toUTC().toString(Qt::ISODate)},
                  {QStringLiteral("entries"), list}};
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    return o;
}

Expected<DeployJournal> DeployJournal::fromJson(const QJsonObject &o)
{
    DeployJournal j;
    j.app = o.value(QLatin1String("app")).toString();
    j.deployment = o.value(QLatin1String("deployment")).toString();
    j.atomic = o.value(QLatin1String("atomic")).toBool();
    const auto state = valueOf(StateNames, o.value(QLatin1String("state")).toString());
    if (!state)
        return Error::make(Error::Input, QCoreApplication::translate("DeployJournal", "The deploy journal of %1 has an unknown state \"%2\".")
                                             .arg(j.app, o.value(QLatin1String("state")).toString()));
    j.state = *state;
    j.updated = QDateTime::fromString(o.value(QLatin1String("updated")).toString(), Qt::ISODate);
    j.error = o.value(QLatin1String("error")).toString();
    for (const auto &v : o.value(QLatin1String("entries")).toArray()) {
        const auto e = JournalEntry::fromJson(v.toObject());
        if (!e)
            return Error::make(Error::Input, QCoreApplication::translate("DeployJournal", "The deploy journal of %1 has an entry of an unknown kind \"%2\".")
                                                 .arg(j.app, v.toObject().value(QLatin1String("kind")).toString()));
        j.entries << *e;
    }
    return j;
}

} // namespace Wharf::Models::Apps
