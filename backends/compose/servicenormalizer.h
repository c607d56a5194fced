#pragma once

// One service of a compose file, read key group by key group (servicenormalizer.cpp holds the
// tables and the plain keys, serviceattachments.cpp what a service attaches to: ports, volumes,
// networks, dependencies, secrets and configs).
#include "loaderprivate.h"

namespace Wharf::Backends::Compose::detail {

class ServiceNormalizer
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Backends::Compose::detail::Loader) // the loader's messages, one context

public:
    ServiceNormalizer(Loader &loader, const QString &name, YamlNode &svc, ServiceConfig &s)
        : m_loader(loader)
        , m_name(name)
        , m_svc(svc)
        , s(s)
    {
    }

    void run();

private:
    // Keys whose value is one string, one list or one flag: the field they fill.
    struct ScalarKey
    {
        const char *key;
        QString ServiceConfig::*field;
    };
    struct ListKey
    {
        const char *key;
        QStringList ServiceConfig::*field;
        bool scalarAllowed; // "dns: 1.1.1.1" as well as a list
    };
    struct FlagKey
    {
        const char *key;
        bool ServiceConfig::*field;
    };
    // Keys that need more: the method that reads them, run when any of its keys is there.
    struct KeyGroup
    {
        QList<QLatin1StringView> keys;
        void (ServiceNormalizer::*read)();
    };

    static const QList<KeyGroup> &groups();

    void error(const Mark &m, const QString &message) { m_loader.error(m, message); }

    // readers of one value shape
    std::optional<QString> scalarOf(QLatin1StringView key);
    void boolOf(QLatin1StringView key, bool &out);
    void bytesOf(const YamlNode *n, const QString &what, qint64 &out);
    void listOf(QLatin1StringView key, QStringList &out, bool scalarAllowed);
    void mapOf(const YamlNode *n, const QString &what, QMap<QString, QString> &out);
    void commandOf(QLatin1StringView key, std::optional<QStringList> &out);

    // key groups
    void readImage();
    void readBuild();
    void readCommand() { commandOf("command"_L1, s.command); }
    void readEntrypoint() { commandOf("entrypoint"_L1, s.entrypoint); }
    void readEnvFiles();
    void readEnvironment();
    void readPorts();
    void readExpose();
    void readVolumes();
    std::optional<Mount> volumeOf(const YamlNode &v);
    static YamlNode volumeNode(const Mount &m, const Mark &mark);
    void readNetworks();
    void readDependsOn();
    void readHealthcheck();
    void readRestart();
    void readDeploy();
    void readScale();
    void readCpus();
    void readMemory();
    void readLabels();
    void readSysctls() { mapOf(m_svc.get(u"sysctls"), u"sysctls"_s, s.sysctls); }
    void readScalars();
    void readLists();
    void readFlags();
    void readInit();
    void readStopGracePeriod();
    void readLogging();
    void readUlimits();
    void readFileReferences();
    void checkAcrossKeys();

    Loader &m_loader;
    const QString &m_name;
    YamlNode &m_svc;
    ServiceConfig &s;
};

} // namespace Wharf::Backends::Compose::detail
