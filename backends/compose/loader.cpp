#include "loader.h"

#include "interpolation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>

#include <functional>
#include <map>

using namespace Qt::Literals::StringLiterals;

namespace Wharf::Backends::Compose {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Wharf::Backends::Compose::Loader", text);
}

const QSet<QString> &topLevelKeys()
{
    static const QSet<QString> k{u"version"_s, u"name"_s, u"services"_s, u"volumes"_s, u"networks"_s, u"secrets"_s, u"configs"_s, u"include"_s};
    return k;
}

const QSet<QString> &serviceKeys()
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

bool isVariable(const YamlNode &n)
{
    return n.isScalar() && n.scalar.contains(u'$');
}

// `remote:x`, `https://...`, `git@host:repo`: anything a file path is not
bool isRemote(const QString &ref)
{
    if (ref.contains(u"://"_s) || ref.startsWith(u"git@"_s))
        return true;
    static const QRegularExpression scheme(u"^[A-Za-z][A-Za-z0-9+.-]+:"_s);
    return scheme.match(ref).hasMatch(); // "C:" (one letter) is a Windows drive
}

bool isUrlContext(const QString &ref)
{
    return ref.contains(u"://"_s) || ref.startsWith(u"git@"_s) || ref.startsWith(u"github.com/"_s);
}

QString absolutePath(const QString &base, const QString &path)
{
    if (path.startsWith(u"~/"_s) || path == u"~"_s)
        return QDir::cleanPath(QDir::homePath() + path.mid(1));
    if (QDir::isAbsolutePath(path) || (path.size() > 2 && path[1] == u':' && (path[2] == u'\\' || path[2] == u'/')))
        return path;
    return QDir::cleanPath(QDir(base).absoluteFilePath(path));
}

// A short volume spec "src:dst[:mode]" split with Windows drive letters in mind.
QStringList splitVolumeSpec(const QString &spec)
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

bool looksLikePath(const QString &source)
{
    return source.startsWith(u'.') || source.startsWith(u'/') || source.startsWith(u'~') || source.startsWith(u'\\')
        || (source.size() > 2 && source[1] == u':' && (source[2] == u'\\' || source[2] == u'/'));
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

class Loader
{
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

std::optional<QByteArray> Loader::readFile(const QString &path, const Mark &from)
{
    if (m_options.contents.contains(path))
        return m_options.contents.value(path);
    QFile f(path);
    if (!f.exists()) {
        error(from.file.isEmpty() ? Mark{path} : from, tr("%1 does not exist").arg(QDir::toNativeSeparators(path)));
        return std::nullopt;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        error(from.file.isEmpty() ? Mark{path} : from, tr("cannot read %1: %2").arg(QDir::toNativeSeparators(path), f.errorString()));
        return std::nullopt;
    }
    return f.readAll();
}

QHash<QString, QString> Loader::environmentFor(const QStringList &envFiles, const QString &projectDir, const Mark &from)
{
    QHash<QString, QString> env;
    QStringList files = envFiles;
    if (files.isEmpty() && QFileInfo::exists(projectDir + u"/.env"_s))
        files << projectDir + u"/.env"_s;
    const QHash<QString, QString> &process = m_options.environment;
    for (const QString &path : files) {
        const auto text = readFile(path, from);
        if (!text)
            continue;
        const DotEnv parsed = parseDotEnv(*text, [&](const QString &name) -> std::optional<QString> {
            if (process.contains(name))
                return process.value(name);
            if (env.contains(name))
                return env.value(name);
            return std::nullopt;
        });
        if (!parsed.error.isEmpty()) {
            error(Mark{path, parsed.errorLine, 1}, parsed.error);
            continue;
        }
        for (const auto &[k, v] : parsed.values)
            env.insert(k, v);
    }
    for (auto it = process.cbegin(); it != process.cend(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

void Loader::resolveMergeKeys(YamlNode &n)
{
    for (auto &i : n.items)
        resolveMergeKeys(i);
    for (auto &e : n.entries)
        resolveMergeKeys(e.value);
    if (!n.isMapping() || !n.entry(u"<<"))
        return;
    QSet<QString> own;
    for (const auto &e : n.entries)
        if (e.key != u"<<"_s)
            own.insert(e.key);
    std::vector<YamlNode::Entry> out;
    for (auto &e : n.entries) {
        if (e.key != u"<<"_s) {
            out.push_back(e);
            continue;
        }
        std::vector<const YamlNode *> sources;
        if (e.value.isMapping())
            sources.push_back(&e.value);
        else if (e.value.isSequence())
            for (const auto &s : e.value.items)
                sources.push_back(&s);
        for (const YamlNode *s : sources) {
            if (!s->isMapping()) {
                error(s->mark, tr("a merge key (<<) takes a mapping or a list of mappings, not %1").arg(s->kindName()));
                continue;
            }
            for (const auto &se : s->entries)
                if (!own.contains(se.key)) {
                    own.insert(se.key);
                    out.push_back(se);
                }
        }
        if (!e.value.isMapping() && !e.value.isSequence())
            error(e.value.mark, tr("a merge key (<<) takes a mapping or a list of mappings, not %1").arg(e.value.kindName()));
    }
    n.entries = std::move(out);
}

void Loader::interpolateAll(YamlNode &n, const QHash<QString, QString> &env)
{
    if (n.isScalar() && n.scalar.contains(u'$')) {
        const Interpolated r = interpolate(n.scalar, [&env](const QString &name) -> std::optional<QString> {
            const auto it = env.constFind(name);
            if (it == env.cend())
                return std::nullopt;
            return *it;
        });
        if (!r.error.isEmpty()) {
            error(n.mark, r.error);
            return;
        }
        for (const QString &u : r.unset)
            if (!m_warnedUnset.contains(u)) {
                m_warnedUnset.insert(u);
                warning(n.mark, tr("the variable %1 is not set; it is replaced by an empty string").arg(u));
            }
        n.scalar = r.value;
        n.quoted = true; // what a variable gives is a string, whatever it looks like
        return;
    }
    for (auto &i : n.items)
        interpolateAll(i, env);
    for (auto &e : n.entries)
        interpolateAll(e.value, env);
}

void Loader::resolvePaths(YamlNode &root, const QString &baseDir)
{
    auto fix = [&](YamlNode &n) {
        if (n.isScalar() && !n.scalar.isEmpty() && !isVariable(n) && !isRemote(n.scalar))
            n.scalar = absolutePath(baseDir, n.scalar);
    };
    if (YamlNode *services = root.get(u"services"); services && services->isMapping()) {
        for (auto &se : services->entries) {
            YamlNode &svc = se.value;
            if (!svc.isMapping())
                continue;
            if (YamlNode *b = svc.get(u"build")) {
                if (b->isScalar() && !isUrlContext(b->scalar))
                    fix(*b);
                else if (b->isMapping()) {
                    if (YamlNode *ctx = b->get(u"context"); ctx && ctx->isScalar() && !isUrlContext(ctx->scalar))
                        fix(*ctx);
                    else if (!ctx) // the file's own folder (or the include's project_directory)
                        b->set(u"context"_s, YamlNode::makeScalar(QDir::cleanPath(baseDir), true));
                }
            }
            if (YamlNode *ef = svc.get(u"env_file")) {
                if (ef->isScalar())
                    fix(*ef);
                for (auto &i : ef->items) {
                    if (i.isScalar())
                        fix(i);
                    else if (YamlNode *p = i.get(u"path"))
                        fix(*p);
                }
            }
            if (YamlNode *ext = svc.get(u"extends"); ext && ext->isMapping())
                if (YamlNode *f = ext->get(u"file"); f && f->isScalar() && !isRemote(f->scalar))
                    fix(*f);
            if (YamlNode *vols = svc.get(u"volumes"); vols && vols->isSequence()) {
                for (auto &v : vols->items) {
                    if (v.isScalar() && !isVariable(v)) {
                        QStringList parts = splitVolumeSpec(v.scalar);
                        if (parts.size() >= 2 && looksLikePath(parts[0])) {
                            parts[0] = absolutePath(baseDir, parts[0]);
                            v.scalar = parts.join(u':');
                        }
                    } else if (v.isMapping()) {
                        const YamlNode *type = v.get(u"type");
                        YamlNode *src = v.get(u"source");
                        if (type && type->scalar == u"bind"_s && src)
                            fix(*src);
                    }
                }
            }
        }
    }
    for (const char *kind : {"secrets", "configs"})
        if (YamlNode *objs = root.get(QLatin1String(kind)); objs && objs->isMapping())
            for (auto &oe : objs->entries)
                if (YamlNode *f = oe.value.get(u"file"))
                    fix(*f);
}

FileContext *Loader::file(const QString &path, const QString &baseDir, const QHash<QString, QString> &env, const Mark &from)
{
    const QString key = path + u'#' + baseDir;
    auto it = m_files.find(key);
    if (it != m_files.end())
        return it->second.failed ? nullptr : &it->second;
    FileContext &f = m_files[key];
    f.path = path;
    f.baseDir = baseDir;
    f.failed = true;
    const auto text = readFile(path, from);
    if (!text)
        return nullptr;
    YamlParse parsed = parseYaml(*text, path);
    m_diagnostics += parsed.diagnostics;
    if (!parsed.ok)
        return nullptr;
    f.root = std::move(parsed.root);
    if (f.root.isNull()) {
        f.root = YamlNode::makeMapping(Mark{path, 1, 1});
    } else if (!f.root.isMapping()) {
        error(f.root.mark, tr("a compose file is a mapping (services:, volumes:, ...), not %1").arg(f.root.kindName()));
        return nullptr;
    }
    resolveMergeKeys(f.root);
    if (m_options.interpolate)
        interpolateAll(f.root, env);
    resolvePaths(f.root, baseDir);
    f.failed = false;
    f.loaded = true;
    return &f;
}

void Loader::processIncludes(FileContext &f, const QHash<QString, QString> &env, QStringList &includeStack)
{
    Q_UNUSED(env) // an included file reads its own .env (or the include's env_file)
    const YamlNode *inc = f.root.get(u"include");
    if (!inc)
        return;
    if (!inc->isSequence()) {
        error(inc->mark, tr("include takes a list of files, not %1").arg(inc->kindName()));
        return;
    }
    const YamlNode include = *inc;
    for (const YamlNode &item : include.items) {
        QStringList paths;
        QString projectDir;
        QStringList envFiles;
        if (item.isScalar()) {
            paths << item.scalar;
        } else if (item.isMapping()) {
            if (const YamlNode *p = item.get(u"path")) {
                if (p->isScalar())
                    paths << p->scalar;
                for (const auto &pi : p->items)
                    paths << pi.scalar;
            }
            if (const YamlNode *pd = item.get(u"project_directory"))
                projectDir = pd->scalar;
            if (const YamlNode *ef = item.get(u"env_file")) {
                if (ef->isScalar())
                    envFiles << ef->scalar;
                for (const auto &ei : ef->items)
                    envFiles << ei.scalar;
            }
            for (const auto &e : item.entries)
                if (e.key != u"path"_s && e.key != u"project_directory"_s && e.key != u"env_file"_s && !e.key.startsWith(u"x-"_s))
                    warning(e.keyMark, tr("include: unknown key \"%1\" (kept, not used)").arg(e.key));
        } else {
            error(item.mark, tr("an include is a path or a mapping with path:, not %1").arg(item.kindName()));
            continue;
        }
        if (paths.isEmpty()) {
            error(item.mark, tr("this include names no file (path:)"));
            continue;
        }
        const QString includerDir = QFileInfo(f.path).absolutePath();
        for (const QString &rel : paths) {
            if (isRemote(rel)) {
                error(item.mark, tr("remote includes are not supported: \"%1\"; download the file and include it by its path").arg(rel));
                continue;
            }
            const QString path = absolutePath(includerDir, rel);
            if (includeStack.contains(path)) {
                QStringList chain = includeStack.mid(includeStack.indexOf(path));
                chain << path;
                for (QString &c : chain)
                    c = QFileInfo(c).fileName();
                error(item.mark, tr("include cycle: %1").arg(chain.join(u" -> "_s)));
                continue;
            }
            const QString base = projectDir.isEmpty() ? QFileInfo(path).absolutePath() : absolutePath(includerDir, projectDir);
            QStringList absEnv;
            for (const QString &e : envFiles)
                absEnv << absolutePath(includerDir, e);
            const QHash<QString, QString> includedEnv = environmentFor(absEnv, base, item.mark);
            // an included file is its own little project: its own folder, its own .env
            FileContext *inner = file(path, base, includedEnv, item.mark);
            if (!inner)
                continue;
            includeStack << path;
            processIncludes(*inner, includedEnv, includeStack);
            includeStack.removeLast();
            resolveAllExtends(*inner);
            // what it defines joins this file; a name defined twice is a conflict
            for (const char *section : {"services", "volumes", "networks", "secrets", "configs"}) {
                const YamlNode *from = inner->root.get(QLatin1String(section));
                if (!from || !from->isMapping())
                    continue;
                YamlNode *to = f.root.get(QLatin1String(section));
                if (!to)
                    to = &f.root.set(QLatin1String(section), YamlNode::makeMapping(from->mark));
                if (!to->isMapping())
                    continue;
                for (const auto &e : from->entries) {
                    if (to->entry(e.key)) {
                        if (QLatin1String(section) == u"services"_s)
                            error(to->entry(e.key)->keyMark,
                                  tr("service \"%1\" is defined here and in the included file %2").arg(e.key, QDir::toNativeSeparators(path)));
                        continue;
                    }
                    to->entries.push_back(e);
                }
            }
        }
    }
    f.root.remove(u"include");
}

std::optional<YamlNode> Loader::resolveService(FileContext &f, const QString &name, const Mark &from, QStringList &stack)
{
    if (f.resolved.contains(name))
        return f.resolved.value(name);
    const YamlNode *services = f.root.get(u"services");
    const YamlNode::Entry *entry = services && services->isMapping() ? services->entry(name) : nullptr;
    if (!entry) {
        error(from, tr("extends: there is no service \"%1\" in %2").arg(name, QDir::toNativeSeparators(f.path)));
        return std::nullopt;
    }
    YamlNode svc = entry->value;
    if (svc.isNull())
        svc = YamlNode::makeMapping(entry->keyMark);
    if (!svc.isMapping()) {
        error(svc.mark, tr("service \"%1\" must be a mapping, not %2").arg(name, svc.kindName()));
        return std::nullopt;
    }
    const YamlNode *ext = svc.get(u"extends");
    if (!ext) {
        f.resolved.insert(name, svc);
        return svc;
    }
    QString baseName;
    QString baseFile;
    if (ext->isScalar()) {
        baseName = ext->scalar;
    } else if (ext->isMapping()) {
        if (const YamlNode *s = ext->get(u"service"))
            baseName = s->scalar;
        if (const YamlNode *fl = ext->get(u"file"))
            baseFile = fl->scalar;
    }
    if (baseName.isEmpty()) {
        error(ext->mark, tr("extends needs the name of a service (extends: NAME or extends: {service: NAME, file: FILE})"));
        return std::nullopt;
    }
    const Mark extMark = ext->mark;
    FileContext *target = &f;
    if (!baseFile.isEmpty()) {
        if (isRemote(baseFile)) {
            error(extMark, tr("extends from a remote file is not supported: \"%1\"; download the file and extend it by its path").arg(baseFile));
            return std::nullopt;
        }
        // the base file's relative paths point from its own folder
        const QString path = absolutePath(QFileInfo(f.path).absolutePath(), baseFile);
        const QHash<QString, QString> env = m_env;
        target = file(path, QFileInfo(path).absolutePath(), env, extMark);
        if (!target)
            return std::nullopt;
    }
    const QString key = target->path + u'#' + baseName;
    if (stack.contains(key)) {
        QStringList chain = stack.mid(stack.indexOf(key));
        chain << key;
        for (QString &c : chain)
            c = c.section(u'#', -1);
        error(extMark, tr("extends cycle: %1").arg(chain.join(u" -> "_s)));
        return std::nullopt;
    }
    stack << key;
    const auto base = resolveService(*target, baseName, extMark, stack);
    stack.removeLast();
    if (!base)
        return std::nullopt;
    svc.remove(u"extends");
    YamlNode b = *base;
    prenormalizeService(b);
    prenormalizeService(svc);
    YamlNode merged = merge(b, svc, u"services"_s);
    merged.mark = svc.mark;
    f.resolved.insert(name, merged);
    return merged;
}

void Loader::resolveAllExtends(FileContext &f)
{
    YamlNode *services = f.root.get(u"services");
    if (!services || !services->isMapping())
        return;
    for (auto &e : services->entries) {
        if (!e.value.isMapping() || !e.value.get(u"extends"))
            continue;
        QStringList stack{f.path + u'#' + e.key};
        if (const auto r = resolveService(f, e.key, e.keyMark, stack))
            e.value = *r;
    }
}

namespace {

// "KEY=VALUE" lists and mappings to one mapping form (null for "KEY" alone)
YamlNode toMapping(const YamlNode &n, QChar separator = u'=')
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

QString volumeTarget(const YamlNode &v)
{
    if (v.isScalar()) {
        const QStringList parts = splitVolumeSpec(v.scalar);
        return parts.size() >= 2 ? parts[1] : parts[0];
    }
    if (const YamlNode *t = v.get(u"target"))
        return t->scalar;
    return {};
}

QString itemKey(const QString &list, const YamlNode &v)
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

} // namespace

void Loader::prenormalizeService(YamlNode &svc)
{
    for (const char *k : {"environment", "labels", "annotations", "sysctls"})
        if (YamlNode *n = svc.get(QLatin1String(k)); n && n->isSequence())
            *n = toMapping(*n);
    if (YamlNode *n = svc.get(u"extra_hosts"); n && n->isMapping()) {
        YamlNode seq = YamlNode::makeSequence(n->mark);
        for (const auto &e : n->entries)
            seq.append(YamlNode::makeScalar(e.key + u':' + e.value.scalar, true, e.keyMark));
        *n = seq;
    }
    if (YamlNode *b = svc.get(u"build")) {
        if (b->isScalar()) {
            YamlNode m = YamlNode::makeMapping(b->mark);
            m.set(u"context"_s, *b);
            *b = m;
        }
        if (YamlNode *a = b->get(u"args"); a && a->isSequence())
            *a = toMapping(*a);
        if (YamlNode *l = b->get(u"labels"); l && l->isSequence())
            *l = toMapping(*l);
    }
    if (YamlNode *d = svc.get(u"depends_on"); d && d->isSequence()) {
        YamlNode m = YamlNode::makeMapping(d->mark);
        for (const auto &i : d->items) {
            YamlNode cond = YamlNode::makeMapping(i.mark);
            cond.set(u"condition"_s, YamlNode::makeScalar(u"service_started"_s, false, i.mark));
            m.set(i.scalar, cond, i.mark);
        }
        *d = m;
    }
    if (YamlNode *nw = svc.get(u"networks"); nw && nw->isSequence()) {
        YamlNode m = YamlNode::makeMapping(nw->mark);
        for (const auto &i : nw->items)
            m.set(i.scalar, YamlNode{}, i.mark);
        *nw = m;
    }
}

YamlNode Loader::merge(const YamlNode &base, const YamlNode &over, const QString &path)
{
    if (over.tag == u"!override"_s) {
        YamlNode r = over;
        r.tag.clear();
        return r;
    }
    if (base.isMapping() && over.isMapping()) {
        YamlNode r = base;
        for (const auto &e : over.entries) {
            if (e.value.tag == u"!reset"_s) {
                r.remove(e.key);
                continue;
            }
            if (const YamlNode *b = r.get(e.key))
                r.set(e.key, merge(*b, e.value, path + u'.' + e.key), e.keyMark);
            else
                r.set(e.key, e.value, e.keyMark);
        }
        return r;
    }
    if (base.isSequence() && over.isSequence()) {
        const QString last = path.section(u'.', -1);
        // a command is one value; a list of ports or volumes grows
        static const QSet<QString> replaced{u"command"_s, u"entrypoint"_s, u"test"_s};
        if (replaced.contains(last) && path.startsWith(u"services."_s))
            return over;
        YamlNode r = base;
        QHash<QString, size_t> at;
        for (size_t i = 0; i < r.items.size(); ++i)
            at.insert(itemKey(last, r.items[i]), i);
        for (const auto &item : over.items) {
            const QString key = itemKey(last, item);
            if (at.contains(key))
                r.items[at.value(key)] = item;
            else {
                at.insert(key, r.items.size());
                r.items.push_back(item);
            }
        }
        return r;
    }
    return over;
}

void Loader::stripTags(YamlNode &n)
{
    for (auto it = n.entries.begin(); it != n.entries.end();) {
        if (it->value.tag == u"!reset"_s) {
            it = n.entries.erase(it);
            continue;
        }
        stripTags(it->value);
        ++it;
    }
    for (auto &i : n.items)
        stripTags(i);
    if (n.tag == u"!override"_s || n.tag == u"!reset"_s)
        n.tag.clear();
    else if (!n.tag.isEmpty() && n.tag != u"!!str"_s && n.tag != u"tag:yaml.org,2002:str"_s)
        warning(n.mark, tr("the tag %1 is not supported; the value is read as if it had none").arg(n.tag));
    if (n.tag.startsWith(u"!"_s) || n.tag.startsWith(u"tag:"_s))
        n.tag.clear();
}

namespace {

std::optional<bool> toBool(const QString &s)
{
    const QString l = s.toLower();
    if (l == u"true"_s || l == u"yes"_s || l == u"on"_s || l == u"1"_s)
        return true;
    if (l == u"false"_s || l == u"no"_s || l == u"off"_s || l == u"0"_s)
        return false;
    return std::nullopt;
}

YamlNode plain(const QString &v, const Mark &m = {})
{
    return YamlNode::makeScalar(v, false, m);
}

YamlNode quotedScalar(const QString &v, const Mark &m = {})
{
    return YamlNode::makeScalar(v, true, m);
}

bool validPort(const QString &s, int &first, int &last)
{
    const QStringList r = s.split(u'-');
    if (r.size() > 2 || r[0].isEmpty())
        return false;
    bool ok1 = false;
    bool ok2 = true;
    first = r[0].toInt(&ok1);
    last = r.size() == 2 ? r[1].toInt(&ok2) : first;
    return ok1 && ok2 && first >= 1 && first <= 65535 && last >= first && last <= 65535;
}

} // namespace

std::optional<ServiceConfig> Loader::normalizeService(const QString &name, YamlNode &svc, const Mark &keyMark)
{
    ServiceConfig s;
    s.name = name;
    s.mark = keyMark;
    if (svc.isNull())
        svc = YamlNode::makeMapping(keyMark);
    if (!svc.isMapping()) {
        error(svc.mark, tr("service \"%1\" must be a mapping, not %2").arg(name, svc.kindName()));
        return std::nullopt;
    }
    prenormalizeService(svc);
    const int errorsBefore = int(errors_count());
    for (const auto &e : svc.entries)
        if (!serviceKeys().contains(e.key) && !e.key.startsWith(u"x-"_s))
            warning(e.keyMark, tr("service \"%1\": unknown key \"%2\" (kept, not used)").arg(name, e.key));

    auto scalarOf = [&](const char *key) -> std::optional<QString> {
        const YamlNode *n = svc.get(QLatin1String(key));
        if (!n || n->isNull())
            return std::nullopt;
        if (!n->isScalar()) {
            error(n->mark, tr("%1 must be a single value, not %2").arg(QLatin1String(key), n->kindName()));
            return std::nullopt;
        }
        return n->scalar;
    };
    auto boolOf = [&](const char *key, bool &out) {
        if (const auto v = scalarOf(key)) {
            const YamlNode *n = svc.get(QLatin1String(key));
            if (isVariable(*n))
                return;
            const auto b = toBool(*v);
            if (!b) {
                error(n->mark, tr("%1 must be true or false, not \"%2\"").arg(QLatin1String(key), *v));
                return;
            }
            out = *b;
            *svc.get(QLatin1String(key)) = plain(*b ? u"true"_s : u"false"_s, n->mark);
        }
    };
    auto bytesOf = [&](const YamlNode *n, const QString &what, qint64 &out) {
        if (!n || n->isNull() || isVariable(*n))
            return;
        const auto b = n->isScalar() ? parseBytes(n->scalar) : std::nullopt;
        if (!b) {
            error(n->mark, tr("%1: \"%2\" is not a size (like 512m or 1g)").arg(what, n->scalar));
            return;
        }
        out = *b;
    };
    auto listOf = [&](const char *key, QStringList &out, bool scalarAllowed) {
        YamlNode *n = svc.get(QLatin1String(key));
        if (!n || n->isNull())
            return;
        if (n->isScalar() && scalarAllowed) {
            out << n->scalar;
            YamlNode seq = YamlNode::makeSequence(n->mark);
            seq.append(*n);
            *n = seq;
            return;
        }
        if (!n->isSequence()) {
            error(n->mark, tr("%1 must be a list, not %2").arg(QLatin1String(key), n->kindName()));
            return;
        }
        for (const auto &i : n->items) {
            if (!i.isScalar()) {
                error(i.mark, tr("%1: each entry must be a single value, not %2").arg(QLatin1String(key), i.kindName()));
                continue;
            }
            out << i.scalar;
        }
    };
    auto mapOf = [&](const YamlNode *n, const QString &what, QMap<QString, QString> &out) {
        if (!n || n->isNull())
            return;
        if (!n->isMapping()) {
            error(n->mark, tr("%1 must be a mapping or a list of KEY=VALUE, not %2").arg(what, n->kindName()));
            return;
        }
        for (const auto &e : n->entries) {
            if (e.value.isMapping() || e.value.isSequence()) {
                error(e.value.mark, tr("%1: the value of %2 must be a single value").arg(what, e.key));
                continue;
            }
            out.insert(e.key, e.value.scalar);
        }
    };
    auto commandOf = [&](const char *key, std::optional<QStringList> &out) {
        YamlNode *n = svc.get(QLatin1String(key));
        if (!n)
            return;
        if (n->isNull()) {
            out = QStringList{};
            return;
        }
        if (n->isScalar()) {
            const auto split = splitCommand(n->scalar);
            if (!split) {
                error(n->mark, tr("%1: a quote is not closed in \"%2\"").arg(QLatin1String(key), n->scalar));
                return;
            }
            out = *split;
        } else if (n->isSequence()) {
            QStringList l;
            for (const auto &i : n->items)
                l << i.scalar;
            out = l;
        } else {
            error(n->mark, tr("%1 must be a string or a list, not %2").arg(QLatin1String(key), n->kindName()));
            return;
        }
        YamlNode seq = YamlNode::makeSequence(n->mark);
        for (const QString &a : *out)
            seq.append(quotedScalar(a, n->mark));
        *n = seq;
    };

    if (const auto v = scalarOf("image"))
        s.image = *v;
    if (YamlNode *b = svc.get(u"build")) {
        if (!b->isMapping()) {
            error(b->mark, tr("build must be a folder or a mapping with context:, not %1").arg(b->kindName()));
        } else {
            Build build;
            if (const YamlNode *c = b->get(u"context"))
                build.context = c->scalar;
            else
                b->set(u"context"_s, quotedScalar(build.context = m_options.projectDirectory));
            if (const YamlNode *d = b->get(u"dockerfile"))
                build.dockerfile = d->scalar;
            if (const YamlNode *d = b->get(u"dockerfile_inline"))
                build.dockerfileInline = d->scalar;
            if (const YamlNode *t = b->get(u"target"))
                build.target = t->scalar;
            mapOf(b->get(u"args"), u"build.args"_s, build.args);
            mapOf(b->get(u"labels"), u"build.labels"_s, build.labels);
            if (const YamlNode *nc = b->get(u"no_cache"))
                build.noCache = toBool(nc->scalar).value_or(false);
            if (const YamlNode *p = b->get(u"pull"))
                build.pull = toBool(p->scalar).value_or(false);
            s.build = build;
        }
    }
    commandOf("command", s.command);
    commandOf("entrypoint", s.entrypoint);

    // environment: env_file first, then environment: wins; "KEY" alone comes from the environment
    if (YamlNode *ef = svc.get(u"env_file")) {
        QList<std::pair<QString, bool>> files;
        if (ef->isScalar())
            files << std::pair{ef->scalar, true};
        else if (ef->isSequence())
            for (const auto &i : ef->items) {
                if (i.isScalar())
                    files << std::pair{i.scalar, true};
                else if (const YamlNode *p = i.get(u"path")) {
                    const YamlNode *req = i.get(u"required");
                    files << std::pair{p->scalar, req ? toBool(req->scalar).value_or(true) : true};
                }
            }
        else
            error(ef->mark, tr("env_file must be a path or a list, not %1").arg(ef->kindName()));
        for (const auto &[path, required] : files) {
            if (!QFileInfo::exists(path) && !m_options.contents.contains(path)) {
                if (required)
                    error(ef->mark, tr("service \"%1\": the env_file %2 does not exist").arg(name, QDir::toNativeSeparators(path)));
                continue;
            }
            const auto text = readFile(path, ef->mark);
            if (!text)
                continue;
            const DotEnv parsed = parseDotEnv(*text, [this](const QString &n) -> std::optional<QString> {
                if (m_env.contains(n))
                    return m_env.value(n);
                return std::nullopt;
            });
            if (!parsed.error.isEmpty()) {
                error(Mark{path, parsed.errorLine, 1}, parsed.error);
                continue;
            }
            for (const auto &[k, v] : parsed.values)
                s.environment.insert(k, v);
        }
        svc.remove(u"env_file");
    }
    if (YamlNode *env = svc.get(u"environment")) {
        if (!env->isMapping() && !env->isNull()) {
            error(env->mark, tr("environment must be a mapping or a list of KEY=VALUE, not %1").arg(env->kindName()));
        } else {
            for (const auto &e : env->entries) {
                if (e.value.isNull()) {
                    if (m_env.contains(e.key))
                        s.environment.insert(e.key, m_env.value(e.key));
                } else if (e.value.isScalar()) {
                    s.environment.insert(e.key, e.value.scalar);
                } else {
                    error(e.value.mark, tr("environment: the value of %1 must be a single value").arg(e.key));
                }
            }
        }
    }
    if (!s.environment.isEmpty() || svc.get(u"environment")) {
        YamlNode m = YamlNode::makeMapping(svc.get(u"environment") ? svc.get(u"environment")->mark : svc.mark);
        for (auto it = s.environment.cbegin(); it != s.environment.cend(); ++it)
            m.set(it.key(), quotedScalar(it.value()));
        svc.set(u"environment"_s, m);
    }

    if (YamlNode *ports = svc.get(u"ports")) {
        if (!ports->isSequence()) {
            error(ports->mark, tr("ports must be a list, not %1").arg(ports->kindName()));
        } else {
            YamlNode out = YamlNode::makeSequence(ports->mark);
            for (const auto &p : ports->items) {
                if (isVariable(p)) {
                    out.append(p);
                    continue;
                }
                PortMapping pm;
                QString target;
                if (p.isScalar()) {
                    QString spec = p.scalar;
                    const qsizetype slash = spec.lastIndexOf(u'/');
                    if (slash >= 0) {
                        pm.protocol = spec.mid(slash + 1);
                        spec = spec.left(slash);
                    }
                    // [ip:]host:container, where ip may be [v6]
                    QString ip;
                    if (spec.startsWith(u'[')) {
                        const qsizetype close = spec.indexOf(u']');
                        ip = spec.mid(1, close - 1);
                        spec = spec.mid(close + 2);
                    }
                    const QStringList parts = spec.split(u':');
                    if (parts.size() == 1) {
                        target = parts[0];
                    } else if (parts.size() == 2) {
                        pm.published = parts[0];
                        target = parts[1];
                    } else if (parts.size() == 3 && ip.isEmpty()) {
                        ip = parts[0];
                        pm.published = parts[1];
                        target = parts[2];
                    } else {
                        error(p.mark, tr("\"%1\" is not a port mapping ([IP:][HOST:]CONTAINER[/PROTOCOL])").arg(p.scalar));
                        continue;
                    }
                    pm.hostIp = ip;
                } else if (p.isMapping()) {
                    if (const YamlNode *t = p.get(u"target"))
                        target = t->scalar;
                    if (const YamlNode *pub = p.get(u"published"))
                        pm.published = pub->scalar;
                    if (const YamlNode *h = p.get(u"host_ip"))
                        pm.hostIp = h->scalar;
                    if (const YamlNode *pr = p.get(u"protocol"))
                        pm.protocol = pr->scalar;
                } else {
                    error(p.mark, tr("a port is a string like 8080:80 or a mapping with target:"));
                    continue;
                }
                int a = 0;
                int b = 0;
                if (!validPort(target, a, b)) {
                    error(p.mark, tr("\"%1\" is not a container port (1-65535, or a range like 8000-8010)").arg(target));
                    continue;
                }
                pm.target = a;
                pm.targetEnd = b;
                int pa = 0;
                int pb = 0;
                if (!pm.published.isEmpty() && !validPort(pm.published, pa, pb)) {
                    error(p.mark, tr("\"%1\" is not a host port (1-65535, or a range like 8000-8010)").arg(pm.published));
                    continue;
                }
                if (!pm.published.isEmpty() && pb - pa != b - a && pa != pb) {
                    error(p.mark, tr("the host range %1 and the container range %2 differ in size").arg(pm.published, target));
                    continue;
                }
                if (pm.protocol != u"tcp"_s && pm.protocol != u"udp"_s && pm.protocol != u"sctp"_s) {
                    error(p.mark, tr("\"%1\" is not a protocol (tcp, udp or sctp)").arg(pm.protocol));
                    continue;
                }
                // ranges become one mapping per port, as compose does
                for (int i = 0; i <= b - a; ++i) {
                    PortMapping one = pm;
                    one.target = a + i;
                    one.targetEnd = a + i;
                    if (!pm.published.isEmpty())
                        one.published = pa == pb && b != a ? pm.published : QString::number(pa + i);
                    s.ports << one;
                    YamlNode m = YamlNode::makeMapping(p.mark);
                    m.set(u"mode"_s, plain(u"ingress"_s));
                    if (!one.hostIp.isEmpty())
                        m.set(u"host_ip"_s, quotedScalar(one.hostIp));
                    m.set(u"target"_s, plain(QString::number(one.target)));
                    if (!one.published.isEmpty())
                        m.set(u"published"_s, quotedScalar(one.published));
                    m.set(u"protocol"_s, plain(one.protocol));
                    out.append(m);
                }
            }
            *ports = out;
        }
    }
    if (YamlNode *ex = svc.get(u"expose"); ex && ex->isSequence())
        for (auto &i : ex->items) {
            int a = 0;
            int b = 0;
            const QString port = i.scalar.section(u'/', 0, 0);
            if (!isVariable(i) && !validPort(port, a, b))
                error(i.mark, tr("expose: \"%1\" is not a port").arg(i.scalar));
            s.expose << i.scalar;
            i.quoted = true;
        }

    if (YamlNode *vols = svc.get(u"volumes")) {
        if (!vols->isSequence()) {
            error(vols->mark, tr("volumes must be a list, not %1").arg(vols->kindName()));
        } else {
            YamlNode out = YamlNode::makeSequence(vols->mark);
            for (const auto &v : vols->items) {
                if (isVariable(v)) {
                    out.append(v);
                    continue;
                }
                Mount m;
                if (v.isScalar()) {
                    const QStringList parts = splitVolumeSpec(v.scalar);
                    if (parts.size() > 3 || parts.contains(QString())) {
                        error(v.mark, tr("\"%1\" is not a volume (SOURCE:TARGET[:MODE] or TARGET)").arg(v.scalar));
                        continue;
                    }
                    if (parts.size() == 1) {
                        m.type = u"volume"_s;
                        m.target = parts[0];
                    } else {
                        m.source = parts[0];
                        m.target = parts[1];
                        m.type = looksLikePath(m.source) ? u"bind"_s : u"volume"_s;
                        if (parts.size() == 3) {
                            for (const QString &opt : parts[2].split(u',')) {
                                if (opt == u"ro"_s)
                                    m.readOnly = true;
                                else if (opt == u"rw"_s)
                                    m.readOnly = false;
                                else if (opt == u"nocopy"_s)
                                    m.noCopy = true;
                                else if (QStringList{u"z"_s, u"Z"_s}.contains(opt))
                                    ;
                                else if (QStringList{u"shared"_s, u"slave"_s, u"private"_s, u"rshared"_s, u"rslave"_s, u"rprivate"_s}.contains(opt))
                                    m.bindPropagation = opt;
                                else
                                    error(v.mark, tr("\"%1\" is not a volume mode (ro, rw, nocopy, z, Z or a propagation)").arg(opt));
                            }
                        }
                    }
                } else if (v.isMapping()) {
                    if (const YamlNode *t = v.get(u"type"))
                        m.type = t->scalar;
                    if (const YamlNode *src = v.get(u"source"))
                        m.source = src->scalar;
                    if (const YamlNode *t = v.get(u"target"))
                        m.target = t->scalar;
                    if (const YamlNode *ro = v.get(u"read_only"))
                        m.readOnly = toBool(ro->scalar).value_or(false);
                    if (const YamlNode *bind = v.get(u"bind")) {
                        if (const YamlNode *pr = bind->get(u"propagation"))
                            m.bindPropagation = pr->scalar;
                        if (const YamlNode *c = bind->get(u"create_host_path"))
                            m.createHostPath = toBool(c->scalar).value_or(true);
                    }
                    if (const YamlNode *vo = v.get(u"volume")) {
                        if (const YamlNode *nc = vo->get(u"nocopy"))
                            m.noCopy = toBool(nc->scalar).value_or(false);
                        if (const YamlNode *sp = vo->get(u"subpath"))
                            m.subpath = sp->scalar;
                    }
                    if (const YamlNode *tf = v.get(u"tmpfs"))
                        bytesOf(tf->get(u"size"), u"tmpfs.size"_s, m.tmpfsSize);
                    if (m.type.isEmpty())
                        m.type = u"volume"_s;
                    static const QStringList types{u"volume"_s, u"bind"_s, u"tmpfs"_s, u"npipe"_s, u"cluster"_s, u"image"_s};
                    if (!types.contains(m.type)) {
                        error(v.mark, tr("\"%1\" is not a volume type (volume, bind, tmpfs or npipe)").arg(m.type));
                        continue;
                    }
                } else {
                    error(v.mark, tr("a volume is a string like data:/var/lib/data or a mapping with target:"));
                    continue;
                }
                if (m.target.isEmpty()) {
                    error(v.mark, tr("this volume has no target path in the container"));
                    continue;
                }
                s.volumes << m;
                YamlNode n = YamlNode::makeMapping(v.mark);
                n.set(u"type"_s, plain(m.type));
                if (!m.source.isEmpty())
                    n.set(u"source"_s, quotedScalar(m.source));
                n.set(u"target"_s, quotedScalar(m.target));
                if (m.readOnly)
                    n.set(u"read_only"_s, plain(u"true"_s));
                if (m.type == u"bind"_s) {
                    YamlNode bind = YamlNode::makeMapping();
                    if (!m.bindPropagation.isEmpty())
                        bind.set(u"propagation"_s, plain(m.bindPropagation));
                    bind.set(u"create_host_path"_s, plain(m.createHostPath ? u"true"_s : u"false"_s));
                    n.set(u"bind"_s, bind);
                }
                if (m.noCopy || !m.subpath.isEmpty()) {
                    YamlNode vol = YamlNode::makeMapping();
                    if (m.noCopy)
                        vol.set(u"nocopy"_s, plain(u"true"_s));
                    if (!m.subpath.isEmpty())
                        vol.set(u"subpath"_s, quotedScalar(m.subpath));
                    n.set(u"volume"_s, vol);
                }
                if (m.tmpfsSize) {
                    YamlNode tf = YamlNode::makeMapping();
                    tf.set(u"size"_s, plain(QString::number(m.tmpfsSize)));
                    n.set(u"tmpfs"_s, tf);
                }
                out.append(n);
            }
            *vols = out;
        }
    }

    if (YamlNode *nw = svc.get(u"networks")) {
        if (!nw->isMapping()) {
            error(nw->mark, tr("networks must be a list or a mapping, not %1").arg(nw->kindName()));
        } else {
            for (const auto &e : nw->entries) {
                NetworkAttachment a;
                a.network = e.key;
                if (e.value.isMapping()) {
                    if (const YamlNode *al = e.value.get(u"aliases"))
                        for (const auto &i : al->items)
                            a.aliases << i.scalar;
                    if (const YamlNode *ip = e.value.get(u"ipv4_address"))
                        a.ipv4Address = ip->scalar;
                    if (const YamlNode *ip = e.value.get(u"ipv6_address"))
                        a.ipv6Address = ip->scalar;
                } else if (!e.value.isNull()) {
                    error(e.value.mark, tr("networks: %1 takes a mapping (aliases:, ipv4_address:) or nothing").arg(e.key));
                }
                s.networks << a;
            }
        }
    }

    if (YamlNode *dep = svc.get(u"depends_on")) {
        if (!dep->isMapping()) {
            error(dep->mark, tr("depends_on must be a list or a mapping, not %1").arg(dep->kindName()));
        } else {
            for (auto &e : dep->entries) {
                Dependency d;
                d.service = e.key;
                if (e.value.isMapping()) {
                    if (const YamlNode *c = e.value.get(u"condition"))
                        d.condition = c->scalar;
                    if (const YamlNode *r = e.value.get(u"restart"))
                        d.restart = toBool(r->scalar).value_or(false);
                    if (const YamlNode *r = e.value.get(u"required"))
                        d.required = toBool(r->scalar).value_or(true);
                } else if (!e.value.isNull()) {
                    error(e.value.mark, tr("depends_on: %1 takes a mapping (condition:, restart:, required:)").arg(e.key));
                }
                static const QStringList conditions{u"service_started"_s, u"service_healthy"_s, u"service_completed_successfully"_s};
                if (!conditions.contains(d.condition)) {
                    error(e.value.mark.line ? e.value.mark : e.keyMark,
                          tr("depends_on: \"%1\" is not a condition (service_started, service_healthy or service_completed_successfully)").arg(d.condition));
                    continue;
                }
                YamlNode m = YamlNode::makeMapping(e.value.mark);
                m.set(u"condition"_s, plain(d.condition));
                if (d.restart)
                    m.set(u"restart"_s, plain(u"true"_s));
                m.set(u"required"_s, plain(d.required ? u"true"_s : u"false"_s));
                e.value = m;
                if (e.value.mark.line == 0)
                    e.value.mark = e.keyMark;
                s.dependsOn << d;
            }
        }
    }

    if (YamlNode *hc = svc.get(u"healthcheck")) {
        if (!hc->isMapping()) {
            error(hc->mark, tr("healthcheck must be a mapping, not %1").arg(hc->kindName()));
        } else {
            Healthcheck h;
            if (const YamlNode *d = hc->get(u"disable"))
                h.disable = toBool(d->scalar).value_or(false);
            if (YamlNode *t = hc->get(u"test")) {
                if (t->isScalar()) {
                    h.test = {u"CMD-SHELL"_s, t->scalar};
                    YamlNode seq = YamlNode::makeSequence(t->mark);
                    seq.append(plain(u"CMD-SHELL"_s));
                    seq.append(quotedScalar(t->scalar));
                    *t = seq;
                } else {
                    for (const auto &i : t->items)
                        h.test << i.scalar;
                }
                if (!h.test.isEmpty() && !QStringList{u"CMD"_s, u"CMD-SHELL"_s, u"NONE"_s}.contains(h.test.first()))
                    error(t->mark, tr("healthcheck.test: a list starts with CMD, CMD-SHELL or NONE, not \"%1\"").arg(h.test.first()));
                if (h.test.value(0) == u"NONE"_s)
                    h.disable = true;
            }
            auto duration = [&](const char *key, qint64 &out) {
                const YamlNode *n = hc->get(QLatin1String(key));
                if (!n || isVariable(*n))
                    return;
                const auto d = parseDuration(n->scalar);
                if (!d)
                    error(n->mark, tr("healthcheck.%1: \"%2\" is not a duration (like 30s, 1m30s or 500ms)").arg(QLatin1String(key), n->scalar));
                else
                    out = *d;
            };
            duration("interval", h.intervalNs);
            duration("timeout", h.timeoutNs);
            duration("start_period", h.startPeriodNs);
            duration("start_interval", h.startIntervalNs);
            if (const YamlNode *r = hc->get(u"retries"); r && !isVariable(*r)) {
                bool ok = false;
                h.retries = r->scalar.toInt(&ok);
                if (!ok || h.retries < 0)
                    error(r->mark, tr("healthcheck.retries: \"%1\" is not a whole number").arg(r->scalar));
            }
            s.healthcheck = h;
        }
    }

    if (const auto v = scalarOf("restart")) {
        static const QRegularExpression re(u"^(no|always|unless-stopped|on-failure(:\\d+)?)$"_s);
        if (!isVariable(*svc.get(u"restart")) && !re.match(*v).hasMatch())
            error(svc.get(u"restart")->mark, tr("restart: \"%1\" is not a policy (no, always, on-failure[:N], unless-stopped)").arg(*v));
        s.restart = *v;
    }

    if (YamlNode *deploy = svc.get(u"deploy"); deploy && deploy->isMapping()) {
        if (const YamlNode *r = deploy->get(u"replicas"); r && !isVariable(*r)) {
            bool ok = false;
            s.replicas = r->scalar.toInt(&ok);
            if (!ok || s.replicas < 0)
                error(r->mark, tr("deploy.replicas: \"%1\" is not a whole number").arg(r->scalar));
        }
        if (const YamlNode *res = deploy->get(u"resources")) {
            if (const YamlNode *lim = res->get(u"limits")) {
                if (const YamlNode *c = lim->get(u"cpus"); c && !isVariable(*c)) {
                    const auto n = parseNanoCpus(c->scalar);
                    if (!n)
                        error(c->mark, tr("deploy.resources.limits.cpus: \"%1\" is not a number of CPUs").arg(c->scalar));
                    else
                        s.nanoCpus = *n;
                }
                bytesOf(lim->get(u"memory"), u"deploy.resources.limits.memory"_s, s.memory);
            }
            if (const YamlNode *resv = res->get(u"reservations"))
                bytesOf(resv->get(u"memory"), u"deploy.resources.reservations.memory"_s, s.memoryReservation);
        }
    } else if (deploy && !deploy->isNull()) {
        error(deploy->mark, tr("deploy must be a mapping, not %1").arg(deploy->kindName()));
    }
    if (const YamlNode *sc = svc.get(u"scale"); sc && !isVariable(*sc)) {
        bool ok = false;
        const int n = sc->scalar.toInt(&ok);
        if (!ok || n < 0)
            error(sc->mark, tr("scale: \"%1\" is not a whole number").arg(sc->scalar));
        else
            s.replicas = n;
    }
    if (const YamlNode *c = svc.get(u"cpus"); c && !isVariable(*c)) {
        const auto n = parseNanoCpus(c->scalar);
        if (!n)
            error(c->mark, tr("cpus: \"%1\" is not a number of CPUs").arg(c->scalar));
        else
            s.nanoCpus = *n;
    }
    bytesOf(svc.get(u"mem_limit"), u"mem_limit"_s, s.memory);
    bytesOf(svc.get(u"mem_reservation"), u"mem_reservation"_s, s.memoryReservation);
    bytesOf(svc.get(u"shm_size"), u"shm_size"_s, s.shmSize);
    {
        qint64 swap = 0;
        bytesOf(svc.get(u"memswap_limit"), u"memswap_limit"_s, swap);
    }

    mapOf(svc.get(u"labels"), u"labels"_s, s.labels);
    if (YamlNode *l = svc.get(u"labels"); l && l->isMapping())
        for (auto &e : l->entries)
            e.value.quoted = true;
    mapOf(svc.get(u"sysctls"), u"sysctls"_s, s.sysctls);
    if (const auto v = scalarOf("container_name"))
        s.containerName = *v;
    if (const auto v = scalarOf("hostname"))
        s.hostname = *v;
    if (const auto v = scalarOf("domainname"))
        s.domainname = *v;
    if (const auto v = scalarOf("working_dir"))
        s.workingDir = *v;
    if (const auto v = scalarOf("user"))
        s.user = *v;
    if (const auto v = scalarOf("network_mode"))
        s.networkMode = *v;
    if (const auto v = scalarOf("pid"))
        s.pid = *v;
    if (const auto v = scalarOf("ipc"))
        s.ipc = *v;
    if (const auto v = scalarOf("stop_signal"))
        s.stopSignal = *v;
    if (const auto v = scalarOf("platform"))
        s.platform = *v;
    if (const auto v = scalarOf("pull_policy"))
        s.pullPolicy = *v;
    listOf("extra_hosts", s.extraHosts, false);
    listOf("dns", s.dns, true);
    listOf("dns_search", s.dnsSearch, true);
    listOf("cap_add", s.capAdd, false);
    listOf("cap_drop", s.capDrop, false);
    listOf("profiles", s.profiles, false);
    listOf("tmpfs", s.tmpfs, true);
    listOf("devices", s.devices, false);
    listOf("security_opt", s.securityOpt, false);
    listOf("links", s.links, false);
    listOf("volumes_from", s.volumesFrom, false);
    for (QString &h : s.extraHosts)
        if (!h.contains(u':') && h.contains(u'='))
            h.replace(h.indexOf(u'='), 1, u':');
    boolOf("privileged", s.privileged);
    boolOf("read_only", s.readOnly);
    boolOf("tty", s.tty);
    boolOf("stdin_open", s.stdinOpen);
    if (svc.get(u"init")) {
        bool init = false;
        boolOf("init", init);
        s.init = init;
    }
    if (const YamlNode *g = svc.get(u"stop_grace_period"); g && !isVariable(*g)) {
        const auto d = parseDuration(g->scalar);
        if (!d)
            error(g->mark, tr("stop_grace_period: \"%1\" is not a duration (like 10s or 1m30s)").arg(g->scalar));
        else
            s.stopGracePeriodNs = *d;
    }
    if (const YamlNode *lg = svc.get(u"logging"); lg && lg->isMapping()) {
        if (const YamlNode *d = lg->get(u"driver"))
            s.logDriver = d->scalar;
        mapOf(lg->get(u"options"), u"logging.options"_s, s.logOptions);
    }
    if (const YamlNode *ul = svc.get(u"ulimits"); ul && ul->isMapping()) {
        for (const auto &e : ul->entries) {
            Ulimit u;
            bool ok1 = true;
            bool ok2 = true;
            if (e.value.isScalar()) {
                if (isVariable(e.value))
                    continue;
                u.soft = u.hard = e.value.scalar.toLongLong(&ok1);
            } else if (e.value.isMapping()) {
                const YamlNode *so = e.value.get(u"soft");
                const YamlNode *ha = e.value.get(u"hard");
                if ((so && isVariable(*so)) || (ha && isVariable(*ha)))
                    continue;
                u.soft = so ? so->scalar.toLongLong(&ok1) : 0;
                u.hard = ha ? ha->scalar.toLongLong(&ok2) : u.soft;
            }
            if (!ok1 || !ok2)
                error(e.value.mark, tr("ulimits.%1: the limits must be whole numbers").arg(e.key));
            else
                s.ulimits.insert(e.key, u);
        }
    }
    for (const char *kind : {"secrets", "configs"}) {
        const YamlNode *refs = svc.get(QLatin1String(kind));
        if (!refs)
            continue;
        QList<FileReference> &out = QLatin1String(kind) == u"secrets"_s ? s.secrets : s.configs;
        for (const auto &r : refs->items) {
            FileReference f;
            if (r.isScalar()) {
                f.source = r.scalar;
            } else if (r.isMapping()) {
                if (const YamlNode *so = r.get(u"source"))
                    f.source = so->scalar;
                if (const YamlNode *t = r.get(u"target"))
                    f.target = t->scalar;
                if (const YamlNode *u = r.get(u"uid"))
                    f.uid = u->scalar;
                if (const YamlNode *g = r.get(u"gid"))
                    f.gid = g->scalar;
                if (const YamlNode *m = r.get(u"mode"); m && !isVariable(*m)) {
                    bool ok = false;
                    f.mode = m->scalar.toInt(&ok, m->scalar.startsWith(u'0') ? 8 : 10);
                    if (!ok)
                        f.mode = -1;
                }
            }
            out << f;
        }
    }
    if (s.replicas > 1 && !s.containerName.isEmpty())
        error(svc.get(u"container_name")->mark,
              tr("service \"%1\" has container_name \"%2\" and %3 replicas; a container name must be unique").arg(name, s.containerName).arg(s.replicas));
    if (int(errors_count()) > errorsBefore)
        return std::nullopt;
    return s;
}

void Loader::checkTopLevel(const YamlNode &root)
{
    for (const auto &e : root.entries) {
        if (e.key == u"version"_s)
            notice(e.keyMark, tr("the \"version\" key is obsolete and ignored"));
        else if (!topLevelKeys().contains(e.key) && !e.key.startsWith(u"x-"_s))
            warning(e.keyMark, tr("unknown top-level key \"%1\" (kept, not used)").arg(e.key));
    }
}

void Loader::normalizeTopLevel(YamlNode &root, Project &p)
{
    auto objects = [&](const char *section, auto &&each) {
        YamlNode *sec = root.get(QLatin1String(section));
        if (!sec || sec->isNull())
            return;
        if (!sec->isMapping()) {
            error(sec->mark, tr("%1 must be a mapping, not %2").arg(QLatin1String(section), sec->kindName()));
            return;
        }
        for (auto &e : sec->entries) {
            if (e.value.isNull())
                e.value = YamlNode::makeMapping(e.keyMark);
            if (!e.value.isMapping()) {
                error(e.value.mark, tr("%1: %2 must be a mapping, not %3").arg(QLatin1String(section), e.key, e.value.kindName()));
                continue;
            }
            each(e);
        }
    };
    auto externalOf = [&](YamlNode &n, bool &external, QString &name, const QString &key) {
        name = p.name + u'_' + key;
        if (const YamlNode *ex = n.get(u"external")) {
            if (ex->isMapping()) { // the obsolete external: {name: x}
                external = true;
                if (const YamlNode *nm = ex->get(u"name"))
                    name = nm->scalar;
                else
                    name = key;
            } else if (!isVariable(*ex)) {
                const auto b = toBool(ex->scalar);
                if (!b)
                    error(ex->mark, tr("external must be true or false, not \"%1\"").arg(ex->scalar));
                external = b.value_or(false);
                if (external)
                    name = key;
            }
        }
        if (const YamlNode *nm = n.get(u"name"))
            name = nm->scalar;
        n.set(u"name"_s, quotedScalar(name));
    };
    objects("volumes", [&](YamlNode::Entry &e) {
        VolumeConfig v;
        v.key = e.key;
        externalOf(e.value, v.external, v.name, e.key);
        if (const YamlNode *d = e.value.get(u"driver"))
            v.driver = d->scalar;
        if (YamlNode *l = e.value.get(u"labels"); l && l->isSequence())
            *l = toMapping(*l);
        if (YamlNode *o = e.value.get(u"driver_opts"))
            for (const auto &oe : o->entries)
                v.driverOpts.insert(oe.key, oe.value.scalar);
        if (const YamlNode *l = e.value.get(u"labels"))
            for (const auto &le : l->entries)
                v.labels.insert(le.key, le.value.scalar);
        p.volumes << v;
    });
    objects("networks", [&](YamlNode::Entry &e) {
        NetworkConfig n;
        n.key = e.key;
        externalOf(e.value, n.external, n.name, e.key);
        if (const YamlNode *d = e.value.get(u"driver"))
            n.driver = d->scalar;
        if (YamlNode *l = e.value.get(u"labels"); l && l->isSequence())
            *l = toMapping(*l);
        if (const YamlNode *l = e.value.get(u"labels"))
            for (const auto &le : l->entries)
                n.labels.insert(le.key, le.value.scalar);
        if (YamlNode *o = e.value.get(u"driver_opts"))
            for (const auto &oe : o->entries)
                n.driverOpts.insert(oe.key, oe.value.scalar);
        if (const YamlNode *i = e.value.get(u"internal"))
            n.internal = toBool(i->scalar).value_or(false);
        if (const YamlNode *a = e.value.get(u"attachable"))
            n.attachable = toBool(a->scalar).value_or(false);
        if (const YamlNode *v6 = e.value.get(u"enable_ipv6"))
            n.enableIpv6 = toBool(v6->scalar).value_or(false);
        if (const YamlNode *ipam = e.value.get(u"ipam"))
            if (const YamlNode *cfg = ipam->get(u"config"))
                for (const auto &c : cfg->items)
                    if (const YamlNode *sn = c.get(u"subnet"))
                        n.subnets << sn->scalar;
        p.networks << n;
    });
    for (const char *kind : {"secrets", "configs"}) {
        objects(kind, [&](YamlNode::Entry &e) {
            FileObjectConfig f;
            f.key = e.key;
            externalOf(e.value, f.external, f.name, e.key);
            if (const YamlNode *fl = e.value.get(u"file"))
                f.file = fl->scalar;
            if (const YamlNode *en = e.value.get(u"environment"))
                f.environment = en->scalar;
            if (const YamlNode *c = e.value.get(u"content"))
                f.content = c->scalar;
            if (!m_options.consistency)
                ;
            else if (!f.external && f.file.isEmpty() && f.environment.isEmpty() && f.content.isEmpty())
                error(e.keyMark, tr("%1: %2 needs file:, environment:, content: or external: true").arg(QLatin1String(kind), e.key));
            else if (!f.file.isEmpty() && !QFileInfo::exists(f.file))
                error(e.value.get(u"file")->mark, tr("%1: %2: the file %3 does not exist").arg(QLatin1String(kind), e.key, QDir::toNativeSeparators(f.file)));
            (QLatin1String(kind) == u"secrets"_s ? p.secrets : p.configs) << f;
        });
    }
    // the default network every service without networks: joins
    const bool anyDefault = std::any_of(p.services.cbegin(), p.services.cend(), [](const ServiceConfig &s) {
        return s.networks.isEmpty() && s.networkMode.isEmpty();
    }) || std::any_of(p.services.cbegin(), p.services.cend(), [](const ServiceConfig &s) {
        return std::any_of(s.networks.cbegin(), s.networks.cend(), [](const NetworkAttachment &a) { return a.network == u"default"_s; });
    });
    if (anyDefault && !p.network(u"default"_s)) {
        NetworkConfig n;
        n.key = u"default"_s;
        n.name = p.name + u"_default"_s;
        p.networks.prepend(n);
        YamlNode *nets = root.get(u"networks");
        if (!nets || !nets->isMapping())
            nets = &root.set(u"networks"_s, YamlNode::makeMapping());
        YamlNode def = YamlNode::makeMapping();
        def.set(u"name"_s, quotedScalar(n.name));
        nets->entries.insert(nets->entries.begin(), YamlNode::Entry{u"default"_s, {}, def});
    }
}

void Loader::checkReferences(Project &p)
{
    YamlNode *services = p.model.get(u"services");
    auto markOf = [&](const QString &service, const char *key) -> Mark {
        const YamlNode *s = services ? services->get(service) : nullptr;
        const YamlNode::Entry *e = s ? s->entry(QLatin1String(key)) : nullptr;
        if (e)
            return e->value.mark.line ? e->value.mark : e->keyMark;
        const YamlNode::Entry *se = services ? services->entry(service) : nullptr;
        return se ? se->keyMark : Mark{};
    };
    QHash<QString, QStringList> edges;
    for (ServiceConfig &s : p.services) {
        QStringList &deps = edges[s.name];
        for (auto it = s.dependsOn.begin(); it != s.dependsOn.end();) {
            if (!p.service(it->service)) {
                if (p.disabledServices.contains(it->service) && !it->required) {
                    it = s.dependsOn.erase(it);
                    continue;
                }
                error(markOf(s.name, "depends_on"), p.disabledServices.contains(it->service)
                          ? tr("service \"%1\" depends on \"%2\", which is in a profile that is not enabled").arg(s.name, it->service)
                          : tr("service \"%1\" depends on \"%2\", which is not defined").arg(s.name, it->service));
            }
            deps << it->service;
            ++it;
        }
        for (const QString &l : s.links) {
            const QString target = l.section(u':', 0, 0);
            if (!p.service(target))
                error(markOf(s.name, "links"), tr("service \"%1\" links to \"%2\", which is not defined").arg(s.name, target));
            deps << target;
        }
        for (const QString &v : s.volumesFrom) {
            if (v.startsWith(u"container:"_s))
                continue;
            const QString target = v.section(u':', 0, 0);
            if (!p.service(target))
                error(markOf(s.name, "volumes_from"), tr("service \"%1\" takes volumes from \"%2\", which is not defined").arg(s.name, target));
            deps << target;
        }
        for (const auto &[key, value] : {std::pair{"network_mode", s.networkMode}, std::pair{"ipc", s.ipc}, std::pair{"pid", s.pid}})
            if (value.startsWith(u"service:"_s)) {
                const QString target = value.mid(8);
                if (!p.service(target))
                    error(markOf(s.name, key), tr("service \"%1\": %2 names \"%3\", which is not defined").arg(s.name, QLatin1String(key), target));
                deps << target;
            }
        for (const Mount &m : s.volumes)
            if (m.type == u"volume"_s && !m.source.isEmpty() && !p.volume(m.source))
                error(markOf(s.name, "volumes"),
                      tr("service \"%1\" mounts the volume \"%2\", which is not defined under the top-level volumes:").arg(s.name, m.source));
        for (const NetworkAttachment &a : s.networks)
            if (!p.network(a.network))
                error(markOf(s.name, "networks"),
                      tr("service \"%1\" joins the network \"%2\", which is not defined under the top-level networks:").arg(s.name, a.network));
        for (const FileReference &f : s.secrets)
            if (!std::any_of(p.secrets.cbegin(), p.secrets.cend(), [&](const FileObjectConfig &o) { return o.key == f.source; }))
                error(markOf(s.name, "secrets"), tr("service \"%1\" uses the secret \"%2\", which is not defined").arg(s.name, f.source));
        for (const FileReference &f : s.configs)
            if (!std::any_of(p.configs.cbegin(), p.configs.cend(), [&](const FileObjectConfig &o) { return o.key == f.source; }))
                error(markOf(s.name, "configs"), tr("service \"%1\" uses the config \"%2\", which is not defined").arg(s.name, f.source));
        if (s.image.isEmpty() && !s.build)
            warning(s.mark, tr("service \"%1\" has neither an image nor a build; it cannot be deployed").arg(s.name));
    }
    // dependency cycles, reported once each, in file order
    QHash<QString, int> state; // 0 new, 1 on the path, 2 done
    QStringList path;
    QSet<QString> reported;
    std::function<void(const QString &)> visit = [&](const QString &n) {
        state[n] = 1;
        path << n;
        for (const QString &d : edges.value(n)) {
            if (!edges.contains(d))
                continue;
            if (state.value(d) == 1) {
                QStringList cycle = path.mid(path.indexOf(d));
                cycle << d;
                if (!reported.contains(d)) {
                    for (const QString &c : cycle)
                        reported.insert(c);
                    error(markOf(d, "depends_on"), tr("dependency cycle: %1").arg(cycle.join(u" -> "_s)));
                }
            } else if (state.value(d) == 0) {
                visit(d);
            }
        }
        path.removeLast();
        state[n] = 2;
    };
    for (const ServiceConfig &s : p.services)
        if (state.value(s.name) == 0)
            visit(s.name);
}

LoadResult Loader::run()
{
    LoadResult result;
    if (m_options.files.isEmpty()) {
        error({}, tr("no compose file given"));
        result.diagnostics = m_diagnostics;
        return result;
    }
    QStringList files;
    for (const QString &f : m_options.files)
        files << QFileInfo(f).absoluteFilePath();
    if (m_options.projectDirectory.isEmpty())
        m_options.projectDirectory = QFileInfo(files.first()).absolutePath();
    else
        m_options.projectDirectory = QFileInfo(m_options.projectDirectory).absoluteFilePath();
    {
        QHash<QString, QByteArray> contents;
        for (auto it = m_options.contents.cbegin(); it != m_options.contents.cend(); ++it)
            contents.insert(QFileInfo(it.key()).absoluteFilePath(), it.value());
        m_options.contents = contents;
    }
    QStringList envFiles;
    for (const QString &e : m_options.envFiles)
        envFiles << absolutePath(QDir::currentPath(), e);
    m_env = environmentFor(envFiles, m_options.projectDirectory, {});

    YamlNode root = YamlNode::makeMapping();
    for (const QString &path : files) {
        FileContext *f = file(path, m_options.projectDirectory, m_env, {});
        if (!f)
            continue;
        QStringList includeStack{path};
        processIncludes(*f, m_env, includeStack);
        resolveAllExtends(*f);
        checkTopLevel(f->root);
        YamlNode layer = f->root;
        if (YamlNode *svcs = layer.get(u"services"); svcs && svcs->isMapping())
            for (auto &e : svcs->entries)
                if (e.value.isMapping())
                    prenormalizeService(e.value);
        root = merge(root, layer, QString());
        root.mark = f->root.mark;
    }
    if (hasErrors()) {
        result.diagnostics = m_diagnostics;
        return result;
    }
    stripTags(root);

    Project p;
    p.files = files;
    p.workingDir = m_options.projectDirectory;
    // the project's name: -p, name:, COMPOSE_PROJECT_NAME, the folder
    QString name = m_options.projectName;
    Mark nameMark;
    if (name.isEmpty())
        if (const YamlNode::Entry *n = root.entry(u"name"); n && n->value.isScalar()) {
            name = n->value.scalar;
            nameMark = n->value.mark;
        }
    if (name.isEmpty())
        name = m_env.value(u"COMPOSE_PROJECT_NAME"_s);
    if (name.isEmpty())
        name = normalizeProjectName(QFileInfo(m_options.projectDirectory).fileName());
    if (!isValidProjectName(name) && !(name.contains(u'$') && !m_options.interpolate)) {
        error(nameMark, tr("\"%1\" is not a valid project name: use lowercase letters, digits, dashes and underscores, starting with a letter or digit").arg(name));
        result.diagnostics = m_diagnostics;
        return result;
    }
    p.name = name;

    QStringList profiles = m_options.profiles;
    if (profiles.isEmpty() && !m_env.value(u"COMPOSE_PROFILES"_s).isEmpty())
        profiles = m_env.value(u"COMPOSE_PROFILES"_s).split(u',', Qt::SkipEmptyParts);

    YamlNode model = YamlNode::makeMapping(root.mark);
    model.set(u"name"_s, quotedScalar(name));
    YamlNode services = YamlNode::makeMapping();
    if (const YamlNode *svcs = root.get(u"services")) {
        if (!svcs->isMapping() && !svcs->isNull()) {
            error(svcs->mark, tr("services must be a mapping of service names, not %1").arg(svcs->kindName()));
        } else {
            for (const auto &e : svcs->entries) {
                YamlNode svc = e.value;
                if (svc.isMapping())
                    if (const YamlNode *pr = svc.get(u"profiles"); pr && pr->isSequence() && !pr->items.empty()) {
                        bool active = profiles.contains(u"*"_s);
                        for (const auto &i : pr->items)
                            active = active || profiles.contains(i.scalar);
                        if (!active) {
                            p.disabledServices << e.key;
                            continue;
                        }
                    }
                static const QRegularExpression validName(u"^[a-zA-Z0-9][a-zA-Z0-9_.-]*$"_s);
                if (!validName.match(e.key).hasMatch()) {
                    error(e.keyMark, tr("\"%1\" is not a valid service name: use letters, digits, dots, dashes and underscores").arg(e.key));
                    continue;
                }
                if (auto s = normalizeService(e.key, svc, e.keyMark)) {
                    p.services << *s;
                    services.set(e.key, svc, e.keyMark);
                }
            }
        }
    }
    model.set(u"services"_s, services);
    for (const char *section : {"networks", "volumes", "secrets", "configs"})
        if (const YamlNode *n = root.get(QLatin1String(section)))
            model.set(QLatin1String(section), *n);
    for (const auto &e : root.entries)
        if (e.key.startsWith(u"x-"_s))
            model.set(e.key, e.value, e.keyMark);
    normalizeTopLevel(model, p);
    p.model = std::move(model);
    if (m_options.consistency)
        checkReferences(p);
    result.diagnostics = m_diagnostics;
    if (!hasErrors())
        result.project = std::move(p);
    return result;
}

} // namespace

QHash<QString, QString> LoadOptions::processEnvironment()
{
    QHash<QString, QString> env;
    const QProcessEnvironment pe = QProcessEnvironment::systemEnvironment();
    for (const QString &k : pe.keys())
        env.insert(k, pe.value(k));
    return env;
}

QList<Diagnostic> LoadResult::errors() const
{
    QList<Diagnostic> out;
    for (const auto &d : diagnostics)
        if (d.severity == Diagnostic::Error)
            out << d;
    return out;
}

QList<Diagnostic> LoadResult::warnings() const
{
    QList<Diagnostic> out;
    for (const auto &d : diagnostics)
        if (d.severity != Diagnostic::Error)
            out << d;
    return out;
}

LoadResult load(const LoadOptions &options)
{
    try {
        return Loader(options).run();
    } catch (const std::exception &e) {
        LoadResult r;
        r.diagnostics << Diagnostic{Diagnostic::Error, Mark{options.files.value(0)}, QString::fromLocal8Bit(e.what())};
        return r;
    }
}

std::optional<qint64> parseBytes(const QString &text)
{
    static const QRegularExpression re(u"^\\s*(\\d+(?:\\.\\d+)?)\\s*([kmgtp]?)(i?b?)\\s*$"_s, QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const double n = m.captured(1).toDouble();
    const QString unit = m.captured(2).toLower();
    const int power = unit.isEmpty() ? 0 : QStringLiteral("kmgtp").indexOf(unit) + 1;
    double v = n;
    for (int i = 0; i < power; ++i)
        v *= 1024;
    if (v > 9.2e18)
        return std::nullopt;
    return static_cast<qint64>(v);
}

std::optional<qint64> parseDuration(const QString &text)
{
    const QString t = text.trimmed();
    bool ok = false;
    const qint64 secs = t.toLongLong(&ok);
    if (ok)
        return secs * 1'000'000'000LL;
    static const QRegularExpression part(u"(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)"_s);
    qint64 total = 0;
    qsizetype at = 0;
    auto it = part.globalMatch(t);
    if (t.isEmpty())
        return std::nullopt;
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart() != at)
            return std::nullopt;
        at = m.capturedEnd();
        const double n = m.captured(1).toDouble();
        const QString u = m.captured(2);
        const double factor = u == u"ns"_s ? 1 : (u == u"us"_s || u == u"µs"_s) ? 1e3 : u == u"ms"_s ? 1e6 : u == u"s"_s ? 1e9 : u == u"m"_s ? 60e9 : 3600e9;
        total += static_cast<qint64>(n * factor);
    }
    if (at != t.size())
        return std::nullopt;
    return total;
}

std::optional<qint64> parseNanoCpus(const QString &text)
{
    bool ok = false;
    const double c = text.trimmed().toDouble(&ok);
    if (!ok || c < 0)
        return std::nullopt;
    return static_cast<qint64>(c * 1e9 + 0.5);
}

std::optional<QStringList> splitCommand(const QString &text)
{
    QStringList out;
    QString cur;
    bool inWord = false;
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!quote.isNull()) {
            if (c == quote) {
                quote = QChar();
            } else if (c == u'\\' && quote == u'"' && i + 1 < text.size() && QStringLiteral("\"\\$`").contains(text[i + 1])) {
                cur += text[++i];
            } else {
                cur += c;
            }
            continue;
        }
        if (c == u'\'' || c == u'"') {
            quote = c;
            inWord = true;
        } else if (c == u'\\' && i + 1 < text.size()) {
            cur += text[++i];
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                out << cur;
            cur.clear();
            inWord = false;
        } else {
            cur += c;
            inWord = true;
        }
    }
    if (!quote.isNull())
        return std::nullopt;
    if (inWord)
        out << cur;
    return out;
}

QString normalizeProjectName(const QString &text)
{
    QString out;
    for (QChar c : text.toLower())
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'-')
            out += c;
    while (!out.isEmpty() && (out[0] == u'_' || out[0] == u'-'))
        out.remove(0, 1);
    return out;
}

bool isValidProjectName(const QString &text)
{
    static const QRegularExpression re(u"^[a-z0-9][a-z0-9_-]*$"_s);
    return re.match(text).hasMatch();
}

const ServiceConfig *Project::service(const QString &name) const
{
    for (const auto &s : services)
        if (s.name == name)
            return &s;
    return nullptr;
}

const VolumeConfig *Project::volume(const QString &key) const
{
    for (const auto &v : volumes)
        if (v.key == key)
            return &v;
    return nullptr;
}

const NetworkConfig *Project::network(const QString &key) const
{
    for (const auto &n : networks)
        if (n.key == key)
            return &n;
    return nullptr;
}

QStringList Project::serviceNames() const
{
    QStringList n;
    for (const auto &s : services)
        n << s.name;
    return n;
}

} // namespace Wharf::Backends::Compose
