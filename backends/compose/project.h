#pragma once

#include "yamltree.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "docker/portmapping.h"

#include <optional>

namespace Wharf::Backends::Compose {

using PortMapping = Backends::PortMapping; // one type for docker's -p and compose's ports:

struct Mount
{
    QString type; // volume, bind, tmpfs, npipe
    QString source; // a volume's key in the file, an absolute host path, or empty (anonymous)
    QString target;
    bool readOnly = false;
    QString bindPropagation;
    bool createHostPath = true;
    bool noCopy = false;
    QString subpath;
    qint64 tmpfsSize = 0;
};

struct NetworkAttachment
{
    QString network; // the key in the file
    QStringList aliases;
    QString ipv4Address;
    QString ipv6Address;
};

struct Dependency
{
    QString service;
    QString condition = QStringLiteral("service_started"); // service_healthy, service_completed_successfully
    bool restart = false;
    bool required = true;
};

struct Healthcheck
{
    bool disable = false;
    QStringList test; // ["CMD", ...], ["CMD-SHELL", "..."] or ["NONE"]
    qint64 intervalNs = 0;
    qint64 timeoutNs = 0;
    qint64 startPeriodNs = 0;
    qint64 startIntervalNs = 0;
    int retries = 0;
};

struct Build
{
    QString context; // an absolute folder or a git/https URL
    QString dockerfile;
    QString dockerfileInline;
    QMap<QString, QString> args;
    QString target;
    QMap<QString, QString> labels;
    bool noCache = false;
    bool pull = false;
};

struct FileReference // a service's use of a secret or config
{
    QString source;
    QString target;
    QString uid;
    QString gid;
    int mode = -1;
};

struct Ulimit
{
    qint64 soft = 0;
    qint64 hard = 0;
};

struct ServiceConfig
{
    QString name;
    Mark mark;
    QString image;
    std::optional<Build> build;
    std::optional<QStringList> command;
    std::optional<QStringList> entrypoint;
    QMap<QString, QString> environment;
    QList<PortMapping> ports;
    QStringList expose;
    QList<Mount> volumes;
    QList<NetworkAttachment> networks;
    QList<Dependency> dependsOn;
    std::optional<Healthcheck> healthcheck;
    QString restart; // no, always, on-failure[:N], unless-stopped
    int replicas = 1;
    qint64 nanoCpus = 0;
    qint64 memory = 0;
    qint64 memoryReservation = 0;
    QMap<QString, QString> labels;
    QString containerName;
    QString hostname;
    QString domainname;
    QString workingDir;
    QString user;
    QStringList extraHosts; // host:ip
    QStringList dns;
    QStringList dnsSearch;
    QStringList capAdd;
    QStringList capDrop;
    bool privileged = false;
    bool readOnly = false;
    bool tty = false;
    bool stdinOpen = false;
    QString networkMode;
    QString pid;
    QString ipc;
    QString logDriver;
    QMap<QString, QString> logOptions;
    QList<FileReference> secrets;
    QList<FileReference> configs;
    QStringList profiles;
    QMap<QString, Ulimit> ulimits;
    std::optional<qint64> stopGracePeriodNs;
    QString stopSignal;
    std::optional<bool> init;
    QStringList tmpfs;
    qint64 shmSize = 0;
    QStringList devices;
    QStringList securityOpt;
    QMap<QString, QString> sysctls;
    QString platform;
    QString pullPolicy;
    QStringList links;
    QStringList volumesFrom;
};

struct VolumeConfig
{
    QString key; // the name in the file
    QString name; // the daemon's name: <project>_<key>, or `name:`, or the external name
    QString driver;
    QMap<QString, QString> driverOpts;
    QMap<QString, QString> labels;
    bool external = false;
};

struct NetworkConfig
{
    QString key;
    QString name;
    QString driver;
    QMap<QString, QString> driverOpts;
    QMap<QString, QString> labels;
    bool external = false;
    bool internal = false;
    bool attachable = false;
    bool enableIpv6 = false;
    QStringList subnets;
};

struct FileObjectConfig // a top-level secret or config
{
    QString key;
    QString name;
    QString file; // absolute
    QString environment;
    QString content;
    bool external = false;
};

struct Project
{
    QString name;
    QString workingDir;
    QStringList files;
    QList<ServiceConfig> services; // in file order
    QList<VolumeConfig> volumes;
    QList<NetworkConfig> networks;
    QList<FileObjectConfig> secrets;
    QList<FileObjectConfig> configs;
    QStringList disabledServices; // left out by profiles
    YamlNode model; // the normalised model (what `app config` prints)

    const ServiceConfig *service(const QString &name) const;
    const VolumeConfig *volume(const QString &key) const;
    const NetworkConfig *network(const QString &key) const;
    QStringList serviceNames() const;
};

} // namespace Wharf::Backends::Compose
