#pragma once

#include "core/error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Wharf::Models::Apps {

// One thing a deploy did to the host, in the order it happened: what an atomic deploy undoes
// (in reverse) when a later step fails, and what it finishes (retired containers) when all
// went well.
struct JournalEntry
{
    enum class Kind {
        Image,     // an image was pulled or built: id, name (the reference), previous (its image before)
        Network,   // the app's network was created: name, id
        Volume,    // the app's volume was created: name
        Created,   // a container was created: id, name, service
        Started,   // an existing container was started: id
        Restarted, // restarted because what it depends on changed: id
        Aside,     // a container being replaced was renamed aside: id, name (its own), wasRunning
        Retired,   // a surplus container was stopped (atomic deploys remove it at the end): id, wasRunning
        Removed,   // a container was removed: id
    };
    Kind kind = Kind::Created;
    QString id;
    QString name;
    QString service;
    QString previous;
    bool wasRunning = false;

    QJsonObject toJson() const;
    // nullopt for an entry of an unknown kind (a journal written by a newer Wharf)
    static std::optional<JournalEntry> fromJson(const QJsonObject &o);
    static QString kindName(Kind kind);
};

// The deploy journal (the data folder's deploys/APP.json): which deploy, how it stands, what it
// did. Written after every entry, so a deploy cut short leaves a record of where it stopped.
struct DeployJournal
{
    enum class State { Running, Done, Failed, RolledBack };
    QString app;
    QString deployment;
    bool atomic = false;
    State state = State::Running;
    QDateTime updated;
    QString error; // the failure, when it failed
    QList<JournalEntry> entries;

    QJsonObject toJson() const;
    static Backends::Expected<DeployJournal> fromJson(const QJsonObject &o);
    static QString stateName(State state);
};

} // namespace Wharf::Models::Apps
