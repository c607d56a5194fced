#include "composedocument.h"
#include "composeproperties.h"
#include "docker/containerspec.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

namespace Wharf::Models::Apps {

using namespace Backends::Compose;
using namespace ComposeText;

namespace {

// A name in a list or mapping of names (depends_on, networks, the layout), or a mount's source.
void renameIn(YamlNode *list, const QString &from, const QString &to, bool mountsToo)
{
    if (!list)
        return;
    for (auto &e : list->entries)
        if (e.key == from)
            e.key = to;
    for (auto &i : list->items) {
        if (i.isScalar() && i.scalar == from)
            i.scalar = to;
        else if (mountsToo && mountSource(i) == from) {
            if (i.isScalar())
                i.scalar = to + i.scalar.mid(from.size());
            else if (YamlNode *s = i.get(u"source"))
                s->scalar = to;
        }
    }
}

} // namespace

void ComposeDocument::renameReferences(YamlNode *svc, Kind kind, const QString &from, const QString &to)
{
    if (kind == Kind::Service)
        renameIn(svc->get(u"depends_on"), from, to, false);
    else if (kind == Kind::Volume)
        renameIn(svc->get(u"volumes"), from, to, true);
    else
        renameIn(svc->get(u"networks"), from, to, false);
}

ComposeDocument::ComposeDocument(QObject *parent)
    : QObject(parent)
    , m_root(YamlNode::makeMapping())
{
    m_root.set(QStringLiteral("services"), YamlNode::makeMapping());
}

QString ComposeDocument::sectionOf(Kind kind)
{
    return kind == Kind::Service ? QStringLiteral("services") : kind == Kind::Volume ? QStringLiteral("volumes") : QStringLiteral("networks");
}

bool ComposeDocument::setText(const QByteArray &bytes)
{
    YamlParse p = parseYaml(bytes, m_path.isEmpty() ? QStringLiteral("compose.yaml") : m_path);
    m_diagnostics = p.diagnostics;
    if (p.ok && !p.root.isMapping() && !p.root.isNull()) {
        m_diagnostics << Diagnostic{Diagnostic::Error, p.root.mark, tr("a compose file is a mapping (services:, volumes:, ...)")};
        p.ok = false;
    }
    Q_EMIT diagnosticsChanged();
    if (!p.ok)
        return false;
    m_root = p.root.isNull() ? YamlNode::makeMapping() : p.root;
    m_comments = collectComments(bytes, p.root);
    Q_EMIT changed();
    Q_EMIT layoutChanged();
    return true;
}

QByteArray ComposeDocument::text() const
{
    return emitYaml(m_root, m_comments);
}

bool ComposeDocument::load(const QString &path)
{
    QFile f(path);
    m_path = QFileInfo(path).absoluteFilePath();
    if (!f.open(QIODevice::ReadOnly)) {
        m_lastError = tr("cannot read %1: %2").arg(path, f.errorString());
        m_diagnostics = {Diagnostic{Diagnostic::Error, Mark{path}, m_lastError}};
        Q_EMIT diagnosticsChanged();
        return false;
    }
    return setText(f.readAll());
}

bool ComposeDocument::save(const QString &path)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text()) < 0 || !f.commit()) {
        m_lastError = tr("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    m_path = QFileInfo(path).absoluteFilePath();
    return true;
}

LoadResult ComposeDocument::validate() const
{
    LoadOptions o;
    const QString path = m_path.isEmpty() ? QStringLiteral("compose.yaml") : m_path;
    o.files << path;
    o.contents.insert(path, text());
    o.environment = LoadOptions::processEnvironment();
    return Backends::Compose::load(o);
}

void ComposeDocument::setRoot(const YamlNode &root)
{
    m_root = root;
    Q_EMIT changed();
    Q_EMIT layoutChanged();
}

YamlNode *ComposeDocument::section(const QString &name, bool create)
{
    YamlNode *s = m_root.get(name);
    if (!s || !s->isMapping()) {
        if (!create)
            return nullptr;
        s = &m_root.set(name, YamlNode::makeMapping());
    }
    return s;
}

const YamlNode *ComposeDocument::section(const QString &name) const
{
    const YamlNode *s = m_root.get(name);
    return s && s->isMapping() ? s : nullptr;
}

YamlNode *ComposeDocument::service(const QString &name)
{
    YamlNode *s = section(QStringLiteral("services"), false);
    YamlNode *svc = s ? s->get(name) : nullptr;
    if (svc && svc->isNull())
        *svc = YamlNode::makeMapping();
    return svc && svc->isMapping() ? svc : nullptr;
}

const YamlNode *ComposeDocument::service(const QString &name) const
{
    const YamlNode *s = section(QStringLiteral("services"));
    return s ? s->get(name) : nullptr;
}

QStringList ComposeDocument::services() const
{
    const YamlNode *s = section(QStringLiteral("services"));
    return s ? s->keys() : QStringList();
}

QStringList ComposeDocument::volumes() const
{
    const YamlNode *s = section(QStringLiteral("volumes"));
    return s ? s->keys() : QStringList();
}

QStringList ComposeDocument::networks() const
{
    const YamlNode *s = section(QStringLiteral("networks"));
    return s ? s->keys() : QStringList();
}

QList<std::pair<QString, QString>> ComposeDocument::dependencies() const
{
    QList<std::pair<QString, QString>> out;
    for (const QString &name : services()) {
        const YamlNode *svc = service(name);
        const YamlNode *d = svc ? svc->get(u"depends_on") : nullptr;
        if (!d)
            continue;
        for (const auto &i : d->items)
            out.append({name, i.scalar});
        for (const auto &e : d->entries)
            out.append({name, e.key});
    }
    return out;
}

QList<ComposeDocument::Mount> ComposeDocument::mounts() const
{
    QList<Mount> out;
    const QStringList vols = volumes();
    for (const QString &name : services()) {
        const YamlNode *svc = service(name);
        const YamlNode *v = svc ? svc->get(u"volumes") : nullptr;
        if (!v)
            continue;
        for (const auto &i : v->items)
            if (vols.contains(mountSource(i)))
                out.append(Mount{name, mountSource(i), mountTarget(i)});
    }
    return out;
}

QList<std::pair<QString, QString>> ComposeDocument::memberships() const
{
    QList<std::pair<QString, QString>> out;
    for (const QString &name : services()) {
        const YamlNode *svc = service(name);
        const YamlNode *n = svc ? svc->get(u"networks") : nullptr;
        if (!n)
            continue;
        for (const auto &i : n->items)
            out.append({name, i.scalar});
        for (const auto &e : n->entries)
            out.append({name, e.key});
    }
    return out;
}

QString ComposeDocument::value(const QString &name, const QString &key) const
{
    const YamlNode *svc = service(name);
    const ServiceProperties::Property *p = ServiceProperties::find(key);
    return svc && p ? p->get(*svc) : QString();
}

QString ComposeDocument::setValue(const QString &name, const QString &key, const QString &raw)
{
    YamlNode *svc = service(name);
    if (!svc)
        return tr("there is no service \"%1\"").arg(name);
    const ServiceProperties::Property *p = ServiceProperties::find(key);
    if (!p)
        return ServiceProperties::cannotEdit(key);
    QStringList newVolumes;
    if (const QString error = p->set(*svc, raw.trimmed(), volumes(), &newVolumes); !error.isEmpty())
        return error;
    for (const QString &volume : std::as_const(newVolumes))
        section(QStringLiteral("volumes"), true)->set(volume, YamlNode::makeMapping());
    Q_EMIT changed();
    return {};
}

QString ComposeDocument::freeName(Kind kind, const QString &base) const
{
    const QStringList taken = kind == Kind::Service ? services() : kind == Kind::Volume ? volumes() : networks();
    QString b = base.toLower();
    b.replace(QRegularExpression(QStringLiteral("[^a-z0-9_.-]")), QStringLiteral("-"));
    while (b.startsWith(QLatin1Char('-')) || b.startsWith(QLatin1Char('.')) || b.startsWith(QLatin1Char('_')))
        b.remove(0, 1);
    if (b.isEmpty())
        b = kind == Kind::Service ? QStringLiteral("service") : kind == Kind::Volume ? QStringLiteral("data") : QStringLiteral("net");
    if (!taken.contains(b))
        return b;
    for (int i = 2;; ++i)
        if (!taken.contains(b + QLatin1Char('-') + QString::number(i)))
            return b + QLatin1Char('-') + QString::number(i);
}

QString ComposeDocument::addService(const QString &name, const QString &image)
{
    if (!validName(name))
        return tr("\"%1\" is not a valid service name: use letters, digits, dots, dashes and underscores").arg(name);
    if (services().contains(name))
        return tr("there is a service \"%1\" already").arg(name);
    YamlNode svc = YamlNode::makeMapping();
    if (!image.isEmpty())
        svc.set(QStringLiteral("image"), textNode(image));
    section(QStringLiteral("services"), true)->set(name, svc);
    Q_EMIT changed();
    return {};
}

QString ComposeDocument::addVolume(const QString &name)
{
    if (!validName(name))
        return tr("\"%1\" is not a valid volume name").arg(name);
    if (volumes().contains(name))
        return tr("there is a volume \"%1\" already").arg(name);
    section(QStringLiteral("volumes"), true)->set(name, YamlNode::makeMapping());
    Q_EMIT changed();
    return {};
}

QString ComposeDocument::addNetwork(const QString &name)
{
    if (!validName(name))
        return tr("\"%1\" is not a valid network name").arg(name);
    if (networks().contains(name))
        return tr("there is a network \"%1\" already").arg(name);
    section(QStringLiteral("networks"), true)->set(name, YamlNode::makeMapping());
    Q_EMIT changed();
    return {};
}

QString ComposeDocument::remove(Kind kind, const QString &name)
{
    YamlNode *sec = section(sectionOf(kind), false);
    if (!sec || !sec->remove(name))
        return tr("there is no %1 \"%2\"").arg(sectionOf(kind).chopped(1), name);
    for (const QString &s : services()) {
        YamlNode *svc = service(s);
        if (!svc)
            continue;
        if (kind == Kind::Service) {
            if (YamlNode *d = svc->get(u"depends_on")) {
                d->remove(name);
                d->items.erase(std::remove_if(d->items.begin(), d->items.end(), [&](const YamlNode &i) { return i.scalar == name; }), d->items.end());
                if (d->items.empty() && d->entries.empty())
                    svc->remove(u"depends_on");
            }
        } else if (kind == Kind::Volume) {
            if (YamlNode *v = svc->get(u"volumes")) {
                v->items.erase(std::remove_if(v->items.begin(), v->items.end(), [&](const YamlNode &i) { return mountSource(i) == name; }), v->items.end());
                if (v->items.empty())
                    svc->remove(u"volumes");
            }
        } else {
            if (YamlNode *n = svc->get(u"networks")) {
                n->remove(name);
                n->items.erase(std::remove_if(n->items.begin(), n->items.end(), [&](const YamlNode &i) { return i.scalar == name; }), n->items.end());
                if (n->items.empty() && n->entries.empty())
                    svc->remove(u"networks");
            }
        }
    }
    if (YamlNode *layout = m_root.get(u"x-wharf"))
        if (YamlNode *l = layout->get(u"layout"))
            if (YamlNode *k = l->get(sectionOf(kind)))
                k->remove(name);
    Q_EMIT changed();
    return {};
}

QString ComposeDocument::rename(Kind kind, const QString &from, const QString &to)
{
    if (from == to)
        return {};
    if (!validName(to))
        return tr("\"%1\" is not a valid name: use letters, digits, dots, dashes and underscores").arg(to);
    YamlNode *sec = section(sectionOf(kind), false);
    if (!sec || !sec->entry(from))
        return tr("there is no %1 \"%2\"").arg(sectionOf(kind).chopped(1), from);
    if (sec->entry(to))
        return tr("the name \"%1\" is taken").arg(to);
    for (auto &e : sec->entries)
        if (e.key == from)
            e.key = to;
    // its comments go along (and stay under the old name too, for an undo)
    for (qsizetype i = 0, n = m_comments.size(); i < n; ++i) {
        if (m_comments[i].path.size() >= 2 && m_comments[i].path[0] == sectionOf(kind) && m_comments[i].path[1] == from) {
            YamlComment c = m_comments[i];
            c.path[1] = to;
            m_comments << c;
        }
    }
    for (const QString &s : services())
        if (YamlNode *svc = service(s))
            renameReferences(svc, kind, from, to);
    if (YamlNode *layout = m_root.get(u"x-wharf"))
        if (YamlNode *l = layout->get(u"layout"))
            renameIn(l->get(sectionOf(kind)), from, to, false);
    Q_EMIT changed();
    return {};
}

QString ComposeDocument::addDependency(const QString &name, const QString &on)
{
    if (name == on)
        return tr("a service cannot depend on itself");
    YamlNode *svc = service(name);
    if (!svc || !service(on))
        return tr("both ends of a dependency must be services");
    for (const auto &[s, d] : dependencies())
        if (s == name && d == on)
            return tr("%1 depends on %2 already").arg(name, on);
    // no cycles: `on` must not reach `name`
    QSet<QString> seen;
    QStringList todo{on};
    const auto deps = dependencies();
    while (!todo.isEmpty()) {
        const QString cur = todo.takeFirst();
        if (cur == name)
            return tr("%1 depends on %2 already, through others: that would be a cycle").arg(on, name);
        if (seen.contains(cur))
            continue;
        seen.insert(cur);
        for (const auto &[s, d] : deps)
            if (s == cur)
                todo << d;
    }
    YamlNode *d = svc->get(u"depends_on");
    if (d && d->isMapping()) {
        YamlNode cond = YamlNode::makeMapping();
        cond.set(QStringLiteral("condition"), scalar(QStringLiteral("service_started")));
        d->set(on, cond);
    } else {
        if (!d || !d->isSequence())
            d = &svc->set(QStringLiteral("depends_on"), YamlNode::makeSequence());
        d->append(textNode(on));
    }
    Q_EMIT changed();
    return {};
}

QString ComposeDocument::removeDependency(const QString &name, const QString &on)
{
    YamlNode *svc = service(name);
    YamlNode *d = svc ? svc->get(u"depends_on") : nullptr;
    if (!d)
        return tr("%1 does not depend on %2").arg(name, on);
    d->remove(on);
    d->items.erase(std::remove_if(d->items.begin(), d->items.end(), [&](const YamlNode &i) { return i.scalar == on; }), d->items.end());
    if (d->items.empty() && d->entries.empty())
        svc->remove(u"depends_on");
    Q_EMIT changed();
    return {};
}

QString ComposeDocument::mountVolume(const QString &name, const QString &volume, const QString &target)
{
    YamlNode *svc = service(name);
    if (!svc)
        return tr("there is no service \"%1\"").arg(name);
    if (!volumes().contains(volume))
        return tr("there is no volume \"%1\"").arg(volume);
    if (!target.startsWith(QLatin1Char('/')))
        return tr("the path in the container must be absolute (like /var/lib/data)");
    YamlNode *v = svc->get(u"volumes");
    if (!v || !v->isSequence())
        v = &svc->set(QStringLiteral("volumes"), YamlNode::makeSequence());
    for (const auto &i : v->items)
        if (mountTarget(i) == target)
            return tr("%1 mounts something at %2 already").arg(name, target);
    v->append(scalar(volume + QLatin1Char(':') + target, true));
    Q_EMIT changed();
    return {};
}

QString ComposeDocument::joinNetwork(const QString &name, const QString &network)
{
    YamlNode *svc = service(name);
    if (!svc)
        return tr("there is no service \"%1\"").arg(name);
    if (!networks().contains(network))
        return tr("there is no network \"%1\"").arg(network);
    for (const auto &[s, n] : memberships())
        if (s == name && n == network)
            return tr("%1 is in %2 already").arg(name, network);
    YamlNode *n = svc->get(u"networks");
    if (n && n->isMapping())
        n->set(network, YamlNode{});
    else {
        if (!n || !n->isSequence())
            n = &svc->set(QStringLiteral("networks"), YamlNode::makeSequence());
        n->append(textNode(network));
    }
    Q_EMIT changed();
    return {};
}

QString ComposeDocument::leaveNetwork(const QString &name, const QString &network)
{
    YamlNode *svc = service(name);
    YamlNode *n = svc ? svc->get(u"networks") : nullptr;
    if (!n)
        return tr("%1 is not in %2").arg(name, network);
    n->remove(network);
    n->items.erase(std::remove_if(n->items.begin(), n->items.end(), [&](const YamlNode &i) { return i.scalar == network; }), n->items.end());
    if (n->items.empty() && n->entries.empty())
        svc->remove(u"networks");
    Q_EMIT changed();
    return {};
}

QByteArray ComposeDocument::serviceYaml(const QString &name) const
{
    const YamlNode *svc = service(name);
    if (!svc)
        return {};
    YamlNode m = YamlNode::makeMapping();
    m.set(name, *svc);
    return emitYaml(m);
}

QByteArray ComposeDocument::fragment(const QList<std::pair<Kind, QString>> &nodes) const
{
    YamlNode out = YamlNode::makeMapping();
    for (Kind kind : {Kind::Service, Kind::Volume, Kind::Network}) {
        const YamlNode *sec = m_root.get(sectionOf(kind));
        YamlNode part = YamlNode::makeMapping();
        for (const auto &[k, name] : nodes)
            if (k == kind && sec)
                if (const YamlNode *v = sec->get(name))
                    part.set(name, *v);
        if (!part.entries.empty())
            out.set(sectionOf(kind), part);
    }
    return out.entries.empty() ? QByteArray() : emitYaml(out);
}

QList<ComposeDocument::Pasted> ComposeDocument::pasteFragment(const QByteArray &yaml)
{
    const YamlParse p = parseYaml(yaml, QStringLiteral("clipboard"));
    if (!p.ok || !p.root.isMapping())
        return {};
    const bool sectioned = std::any_of(p.root.entries.cbegin(), p.root.entries.cend(), [](const YamlNode::Entry &e) {
        return e.key == QLatin1String("services") || e.key == QLatin1String("volumes") || e.key == QLatin1String("networks");
    });
    if (!sectioned) { // one service, as serviceYaml writes it
        const QString name = pasteService(yaml, {});
        if (name.isEmpty())
            return {};
        return {Pasted{Kind::Service, p.root.entries.front().key, name}};
    }
    QList<Pasted> added;
    for (Kind kind : {Kind::Volume, Kind::Network, Kind::Service}) {
        const YamlNode *part = p.root.get(sectionOf(kind));
        if (!part || !part->isMapping())
            continue;
        for (const auto &e : part->entries) {
            if (!validName(e.key) || !(e.value.isMapping() || e.value.isNull()))
                continue;
            const QString free = freeName(kind, e.key);
            YamlNode v = e.value.isNull() ? YamlNode::makeMapping() : e.value;
            if (kind == Kind::Service)
                v.remove(u"container_name"); // a copy cannot have the same container name
            else
                v.remove(u"name"); // nor the same name on the host
            section(sectionOf(kind), true)->set(free, v);
            added << Pasted{kind, e.key, free};
        }
    }
    // what the pasted services refer to among the pasted things follows their new names (by
    // way of names nothing has, so that "a" -> "a-2" and "a-2" -> "a-3" do not run together)
    for (const Pasted &svcPasted : std::as_const(added)) {
        if (svcPasted.kind != Kind::Service)
            continue;
        YamlNode *svc = service(svcPasted.name);
        for (const Pasted &p : std::as_const(added))
            if (p.from != p.name)
                renameReferences(svc, p.kind, p.from, QStringLiteral("\x01") + p.name);
        for (const Pasted &p : std::as_const(added))
            if (p.from != p.name)
                renameReferences(svc, p.kind, QStringLiteral("\x01") + p.name, p.name);
    }
    if (!added.isEmpty())
        Q_EMIT changed();
    return added;
}

QString ComposeDocument::pasteService(const QByteArray &yaml, const QString &name)
{
    const YamlParse p = parseYaml(yaml, QStringLiteral("clipboard"));
    if (!p.ok || !p.root.isMapping() || p.root.entries.size() != 1 || !(p.root.entries.front().value.isMapping() || p.root.entries.front().value.isNull()))
        return {};
    const QString free = freeName(Kind::Service, name.isEmpty() ? p.root.entries.front().key : name);
    YamlNode svc = p.root.entries.front().value;
    if (svc.isNull())
        svc = YamlNode::makeMapping();
    svc.remove(u"container_name"); // a copy cannot have the same container name
    section(QStringLiteral("services"), true)->set(free, svc);
    Q_EMIT changed();
    return free;
}

std::optional<QPointF> ComposeDocument::position(Kind kind, const QString &name) const
{
    const YamlNode *x = m_root.get(u"x-wharf");
    const YamlNode *l = x ? x->get(u"layout") : nullptr;
    const YamlNode *k = l ? l->get(sectionOf(kind)) : nullptr;
    const YamlNode *p = k ? k->get(name) : nullptr;
    if (!p || !p->isSequence() || p->items.size() != 2)
        return std::nullopt;
    bool ok1 = false;
    bool ok2 = false;
    const double px = p->items[0].scalar.toDouble(&ok1);
    const double py = p->items[1].scalar.toDouble(&ok2);
    if (!ok1 || !ok2)
        return std::nullopt;
    return QPointF(px, py);
}

void ComposeDocument::setPosition(Kind kind, const QString &name, QPointF at)
{
    placeQuietly(kind, name, at);
    Q_EMIT layoutChanged();
}

void ComposeDocument::placeQuietly(Kind kind, const QString &name, QPointF at)
{
    YamlNode *x = m_root.get(u"x-wharf");
    if (!x || !x->isMapping())
        x = &m_root.set(QStringLiteral("x-wharf"), YamlNode::makeMapping());
    YamlNode *l = x->get(u"layout");
    if (!l || !l->isMapping())
        l = &x->set(QStringLiteral("layout"), YamlNode::makeMapping());
    YamlNode *k = l->get(sectionOf(kind));
    if (!k || !k->isMapping())
        k = &l->set(sectionOf(kind), YamlNode::makeMapping());
    YamlNode p = YamlNode::makeSequence();
    p.append(scalar(QString::number(qRound(at.x()))));
    p.append(scalar(QString::number(qRound(at.y()))));
    k->set(name, p);
}

bool ComposeDocument::hasLayout() const
{
    const YamlNode *x = m_root.get(u"x-wharf");
    return x && x->get(u"layout");
}

void ComposeDocument::autoLayout()
{
    // depth: how many services a service waits for, at most
    const auto deps = dependencies();
    const QStringList svcs = services();
    QHash<QString, int> depth;
    std::function<int(const QString &, int)> depthOf = [&](const QString &s, int guard) -> int {
        if (depth.contains(s))
            return depth.value(s);
        if (guard > svcs.size())
            return 0;
        int d = 0;
        for (const auto &[from, to] : deps)
            if (from == s && svcs.contains(to))
                d = qMax(d, depthOf(to, guard + 1) + 1);
        depth.insert(s, d);
        return d;
    };
    int maxDepth = 0;
    for (const QString &s : svcs)
        maxDepth = qMax(maxDepth, depthOf(s, 0));
    // the deepest (what users reach: web) on the left, what everyone needs on the right
    QHash<int, int> rows;
    constexpr double colWidth = 260;
    constexpr double rowHeight = 140;
    for (const QString &s : svcs) {
        const int col = maxDepth - depth.value(s);
        placeQuietly(Kind::Service, s, QPointF(col * colWidth, rows[col]++ * rowHeight));
    }
    int r = 0;
    for (const QString &v : volumes())
        placeQuietly(Kind::Volume, v, QPointF((maxDepth + 1) * colWidth, r++ * rowHeight));
    int c = 0;
    for (const QString &n : networks())
        placeQuietly(Kind::Network, n, QPointF(c++ * colWidth, -rowHeight));
    Q_EMIT layoutChanged();
}

} // namespace Wharf::Models::Apps
