#pragma once

// The loader's insides, shared by loader.cpp, servicenormalizer.cpp and projectchecks.cpp.
#include "docker/portmapping.h"
#include "loader.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <map>

namespace Wharf::Backends::Compose::detail {

using namespace Qt::Literals::StringLiterals;


// The loader's messages; lupdate files them under Loader's class name, and so does this.
inline QString tr(const char *text)
{
    return QCoreApplication::translate("Wharf::Backends::Compose::detail::Loader", text);
}

inline const QSet<QString> &topLevelKeys()
{
    static const QSet<QString> k{u"version"_s, u"name"_s, u"services"_s, u"volumes"_s, u"networks"_s, u"secrets"_s, u"configs"_s, u"include"_s};
    return k;
}

inline const QSet<QString> &serviceKeys()
{
    static const QSet<QString> k{
        u"annotations"_s, u"attach"_s, u"blkio_config"_s, u"build"_s, u"cap_add"_s, u"cap_drop"_s, u"cgroup"_s, u"cgroup_parent"_s, u"command"_s,
        u"configs"_s, u"container_name"_s, u"cpu_count"_s, u"cpu_percent"_s, u"cpu_period"_s, u"cpu_quota"_s, u"cpu_rt_period"_s,
        u"cpu_rt_runtime"_s, u"cpu_shares"_s, u"cpus"_s, u"cpuset"_s, u"credential_spec"_s, u"depends_on"_s, u"deploy"_s, u"develop"_s,
        u"device_cgroup_rules"_s, u"devices"_s, u"dns"_s, u"dns_opt"_s, u"dns_search"_s, u"domainname"_s, u"entrypoint"_s, u"env_file"_s,
        u"environment"_s, u"expose"_s, u"extends"_s, u"external_links"_s, u"extra_hosts"_s, u"gpus"_s, u"group_add"_s, u"healthcheck"_s,
        u"hostname"_s, u"image"_s, u"init"_s, u"ipc"_s, u"isolation"_s, u"label_file"_s, u"labels"_s, u"links"_s, u"logging"_s, u"mac_address"_s,
        u"mem_limit"_s, u"mem_reservation"_s, u"mem_swappiness"_s, u"memswap_limit"_s, u"network_mode"_s, u"networks"_s, u"oom_kill_disable"_s,
        u"oom_score_adj"_s, u"pid"_s, u"pids_limit"_s, u"platform"_s, u"ports"_s, u"privileged"_s, u"profiles"_s, u"pull_policy"_s,
        u"read_only"_s, u"restart"_s, u"runtime"_s, u"scale"_s, u"secrets"_s, u"security_opt"_s, u"shm_size"_s, u"stdin_open"_s,
        u"stop_grace_period"_s, u"stop_signal"_s, u"storage_opt"_s, u"sysctls"_s, u"tmpfs"_s, u"tty"_s, u"ulimits"_s, u"user"_s,
        u"userns_mode"_s, u"uts"_s, u"volumes"_s, u"volumes_from"_s, u"working_dir"_s, u"post_start"_s, u"pre_stop"_s, u"use_api_socket"_s};
    return k;
}

inline bool isVariable(const YamlNode &n)
{
    return n.isScalar() && n.scalar.contains(u'$');
}

// `remote:x`, `https://...`, `git@host:repo`: anything a file path is not
inline bool isRemote(const QString &ref)
{
    if (ref.contains(u"://"_s) || ref.startsWith(u"git@"_s))
        return true;
    static const QRegularExpression scheme(u"^[A-Za-z][A-Za-z0-9+.-]+:"_s);
    return scheme.match(ref).hasMatch(); // "C:" (one letter) is a Windows drive
}

inline bool isUrlContext(const QString &ref)
{
    return ref.contains(u"://"_s) || ref.startsWith(u"git@"_s) || ref.startsWith(u"github.com/"_s);
}

inline QString absolutePath(const QString &base, const QString &path)
{
    if (path.startsWith(u"~/"_s) || path == u"~"_s)
        return QDir::cleanPath(QDir::homePath() + path.mid(1));
    if (QDir::isAbsolutePath(path) || (path.size() > 2 && path[1] == u':' && (path[2] == u'\\' || path[2] == u'/')))
        return path;
    return QDir::cleanPath(QDir(base).absoluteFilePath(path));
}

// A short volume spec "src:dst[:mode]" split with Windows drive letters in mind.
inline QStringList splitVolumeSpec(const QString &spec)
{
    QStringList parts;
    QString cur;
    for (qsizetype i = 0; i < spec.size(); ++i) {
        const QChar c = spec[i];
        if (c == u':' && !(cur.size() == 1 && cur[0].isLetter() && i + 1 < spec.size() && (spec[i + 1] == u'\\' || spec[i + 1] == u'/'))) {
            parts << cur;
            cur.clear();
        } else {
            cur += c;
        }
    }
    parts << cur;
    return parts;
}

inline bool looksLikePath(const QString &source)
{
    return source.startsWith(u'.') || source.startsWith(u'/') || source.startsWith(u'~') || source.startsWith(u'\\')
        || (source.size() > 2 && source[1] == u':' && (source[2] == u'\\' || source[2] == u'/'));
}


// "KEY=VALUE" lists and mappings to one mapping form (null for "KEY" alone)
inline YamlNode toMapping(const YamlNode &n, QChar separator = u'=')
{
    if (!n.isSequence())
        return n;
    YamlNode m = YamlNode::makeMapping(n.mark);
    m.tag = n.tag;
    for (const auto &i : n.items) {
        if (!i.isScalar())
            continue;
        const qsizetype at = i.scalar.indexOf(separator);
        if (at < 0)
            m.set(i.scalar, YamlNode{}, i.mark).mark = i.mark;
        else
            m.set(i.scalar.left(at), YamlNode::makeScalar(i.scalar.mid(at + 1), true, i.mark), i.mark);
    }
    return m;
}

inline QString volumeTarget(const YamlNode &v)
{
    if (v.isScalar()) {
        const QStringList parts = splitVolumeSpec(v.scalar);
        return parts.size() >= 2 ? parts[1] : parts[0];
    }
    if (const YamlNode *t = v.get(u"target"))
        return t->scalar;
    return {};
}

inline QString itemKey(const QString &list, const YamlNode &v)
{
    if (list == u"volumes"_s)
        return volumeTarget(v);
    if ((list == u"secrets"_s || list == u"configs"_s) && v.isMapping())
        if (const YamlNode *s = v.get(u"source"))
            return s->scalar;
    if (v.isScalar())
        return v.scalar;
    return QString::fromUtf8(emitYaml(v));
}


inline std::optional<bool> toBool(const QString &s)
{
    const QString l = s.toLower();
    if (l == u"true"_s || l == u"yes"_s || l == u"on"_s || l == u"1"_s)
        return true;
    if (l == u"false"_s || l == u"no"_s || l == u"off"_s || l == u"0"_s)
        return false;
    return std::nullopt;
}

inline YamlNode plain(const QString &v, const Mark &m = {})
{
    return YamlNode::makeScalar(v, false, m);
}

inline YamlNode quotedScalar(const QString &v, const Mark &m = {})
{
    return YamlNode::makeScalar(v, true, m);
}

inline bool validPort(const QString &s, int &first, int &last)
{
    return parsePortRange(s, &first, &last);
}


struct FileContext
{
    QString path; // absolute
    QString baseDir; // where relative paths in it point
    YamlNode root;
    bool loaded = false;
    bool failed = false;
    QHash<QString, YamlNode> resolved; // services with their extends resolved
    QSet<QString> resolving;
};

class ServiceNormalizer;

class Loader
{
    friend class ServiceNormalizer; // reads one service for normalizeService
public:
    explicit Loader(const LoadOptions &options)
        : m_options(options)
    {
    }

    LoadResult run();

private:
    void error(const Mark &m, const QString &message) { m_diagnostics << Diagnostic{Diagnostic::Error, m, message}; }
    void warning(const Mark &m, const QString &message) { m_diagnostics << Diagnostic{Diagnostic::Warning, m, message}; }
    void notice(const Mark &m, const QString &message) { m_diagnostics << Diagnostic{Diagnostic::Notice, m, message}; }
    qsizetype errors_count() const
    {
        return std::count_if(m_diagnostics.cbegin(), m_diagnostics.cend(), [](const Diagnostic &d) { return d.severity == Diagnostic::Error; });
    }
    bool hasErrors() const
    {
        return std::any_of(m_diagnostics.cbegin(), m_diagnostics.cend(), [](const Diagnostic &d) { return d.severity == Diagnostic::Error; });
    }

    std::optional<QByteArray> readFile(const QString &path, const Mark &from);
    QHash<QString, QString> environmentFor(const QStringList &envFiles, const QString &projectDir, const Mark &from);
    FileContext *file(const QString &path, const QString &baseDir, const QHash<QString, QString> &env, const Mark &from);
    bool prepare(FileContext &f, const QHash<QString, QString> &env, QStringList &includeStack);
    void resolveMergeKeys(YamlNode &n);
    void interpolateAll(YamlNode &n, const QHash<QString, QString> &env);
    void resolvePaths(YamlNode &root, const QString &baseDir);
    void processIncludes(FileContext &f, const QHash<QString, QString> &env, QStringList &includeStack);
    std::optional<YamlNode> resolveService(FileContext &f, const QString &name, const Mark &from, QStringList &stack);
    void resolveAllExtends(FileContext &f);

    YamlNode merge(const YamlNode &base, const YamlNode &over, const QString &path);
    void prenormalizeService(YamlNode &svc);
    void stripTags(YamlNode &n);

    void checkTopLevel(const YamlNode &root);
    std::optional<ServiceConfig> normalizeService(const QString &name, YamlNode &svc, const Mark &keyMark);
    void normalizeTopLevel(YamlNode &root, Project &p);
    void checkReferences(Project &p);

    LoadOptions m_options;
    QList<Diagnostic> m_diagnostics;
    std::map<QString, FileContext> m_files; // by absolute path # base folder; std::map: references stay valid
    QHash<QString, QString> m_env; // for the main files
    QSet<QString> m_warnedUnset;
};

} // namespace Wharf::Backends::Compose::detail
