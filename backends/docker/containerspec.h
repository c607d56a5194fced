#pragma once

#include <QCoreApplication>

#include "expected.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include "portmapping.h"

#include <QString>
#include <QStringList>

namespace Wharf::Backends {

struct VolumeMapping
{
    QString source; // a volume name, or an absolute host path (a bind mount)
    QString target;
    bool readOnly = false;
    bool isBind() const { return source.startsWith(QLatin1Char('/')) || source.startsWith(QLatin1Char('.')); }
};

// What a person asks for when creating a container (the create dialog, `wharfctl run`).
// Parsing helpers accept docker's own flag syntax so habits carry over.
struct ContainerSpec
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Backends::ContainerSpec)
public:

    QString name;
    QString image;
    QStringList command;    // empty: the image's CMD
    QStringList entrypoint; // empty: the image's ENTRYPOINT
    bool entrypointSet = false;
    QStringList env;        // K=V
    QList<PortMapping> ports;
    QList<VolumeMapping> volumes;
    QMap<QString, QString> labels;
    qint64 memoryBytes = 0; // 0: no limit
    qint64 nanoCpus = 0;    // 0: no limit
    qint64 pidsLimit = 0;   // processes in the container; 0: the daemon's default, -1: unlimited
    QString restartPolicy = QStringLiteral("no");
    int restartMaxRetries = 0;
    QString network;
    QString workingDir;
    QString user;
    bool tty = false;
    bool openStdin = false;
    bool autoRemove = false;
    bool privileged = false;
    QString pidMode;        // "host" shares the host's process namespace
    QString ipcMode;
    QStringList devices;    // /dev/x[:/dev/y[:rwm]]
    QStringList capAdd;

    // The body of POST /containers/create.
    QJsonObject toCreateBody() const;
    // Checks what the daemon would otherwise reject later; the first problem found.
    Error validate() const;

    static Expected<qint64> parseMemory(const QString &text);      // 64m, 1g, 512k, 1048576
    static Expected<qint64> parseCpus(const QString &text);        // 0.5 -> 500000000 nano CPUs
    // [ip:][host:]container[/proto] (parsePortMapping: ranges too; expandPortRange splits them)
    static Expected<PortMapping> parsePort(const QString &text);
    static Expected<VolumeMapping> parseVolume(const QString &text); // src:dst[:ro|rw]
    static Error parseRestart(const QString &text, QString *policy, int *retries);
    static Error checkEnv(const QString &text);
    static Error checkName(const QString &text);
    static Error checkLabelKey(const QString &key);

    static constexpr const char *ReservedLabelPrefix = "io.wharf.";
};

} // namespace Wharf::Backends
