#include "loaderprivate.h"
#include "core/shellwords.h"

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

namespace Wharf::Backends::Compose::detail {


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

} // namespace Wharf::Backends::Compose::detail

namespace Wharf::Backends::Compose {

using detail::Loader;


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
    // What fits in nanoseconds (about 292 years); more is not a duration.
    constexpr double MaxNanos = 9.2e18;
    const qint64 secs = t.toLongLong(&ok);
    if (ok)
        return secs >= 0 && double(secs) * 1e9 <= MaxNanos ? std::optional<qint64>(secs * 1'000'000'000LL) : std::nullopt;
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
        if (n * factor + double(total) > MaxNanos)
            return std::nullopt;
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
    if (c * 1e9 > 9.2e18) // more CPUs than there are nanoseconds to count them in
        return std::nullopt;
    return static_cast<qint64>(c * 1e9 + 0.5);
}

std::optional<QStringList> splitCommand(const QString &text)
{
    return splitShellWords(text);
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
