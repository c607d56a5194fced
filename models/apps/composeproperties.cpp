#include "composeproperties.h"

#include "compose/loader.h"
#include "docker/containerspec.h"

#include <QRegularExpression>

#include <optional>

namespace Wharf::Models::Apps {

using namespace Backends::Compose;

namespace ComposeText {

YamlNode scalar(const QString &v, bool quoted)
{
    return YamlNode::makeScalar(v, quoted);
}

bool needsQuotes(const QString &v)
{
    static const QRegularExpression plainSafe(QStringLiteral("^[A-Za-z_/.][A-Za-z0-9_./@+-]*$"));
    return !plainSafe.match(v).hasMatch() || v == QLatin1String("true") || v == QLatin1String("false") || v == QLatin1String("null")
        || v == QLatin1String("yes") || v == QLatin1String("no") || v == QLatin1String("on") || v == QLatin1String("off");
}

YamlNode textNode(const QString &v)
{
    return scalar(v, needsQuotes(v));
}

QString shellJoin(const std::vector<YamlNode> &items)
{
    QStringList parts;
    for (const auto &i : items) {
        QString a = i.scalar;
        if (a.isEmpty() || a.contains(QRegularExpression(QStringLiteral("[\\s'\"\\\\$]"))))
            a = QLatin1Char('\'') + QString(a).replace(QLatin1Char('\''), QStringLiteral("'\\''")) + QLatin1Char('\'');
        parts << a;
    }
    return parts.join(QLatin1Char(' '));
}

bool validName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$"));
    return re.match(name).hasMatch();
}

QString mountSource(const YamlNode &v)
{
    if (v.isScalar()) {
        const QStringList parts = v.scalar.split(QLatin1Char(':'));
        return parts.size() >= 2 ? parts[0] : QString();
    }
    if (const YamlNode *s = v.get(u"source"))
        return s->scalar;
    return {};
}

QString mountTarget(const YamlNode &v)
{
    if (v.isScalar()) {
        const QStringList parts = v.scalar.split(QLatin1Char(':'));
        return parts.size() >= 2 ? parts[1] : parts[0];
    }
    if (const YamlNode *t = v.get(u"target"))
        return t->scalar;
    return {};
}

// A mount as one line: the short form as written, the long one as SOURCE:TARGET[:ro].
QString mountText(const YamlNode &m)
{
    if (m.isScalar())
        return m.scalar;
    const QString source = mountSource(m);
    const YamlNode *ro = m.get(u"read_only");
    const bool readOnly = ro && (ro->scalar == QLatin1String("true") || ro->scalar == QLatin1String("yes"));
    return (source.isEmpty() ? QString() : source + QLatin1Char(':')) + mountTarget(m) + (readOnly ? QStringLiteral(":ro") : QString());
}

} // namespace ComposeText

using namespace ComposeText;

namespace {

const YamlNode *at(const YamlNode &svc, std::initializer_list<const char *> path)
{
    const YamlNode *n = &svc;
    for (const char *p : path) {
        n = n->get(QLatin1String(p));
        if (!n)
            return nullptr;
    }
    return n;
}

QString scalarText(const YamlNode *n)
{
    return n && n->isScalar() ? n->scalar : QString();
}

// Sets (value) or removes (nullopt) the node at path, making the mappings on the way.
void setPath(YamlNode &svc, std::initializer_list<const char *> path, const std::optional<YamlNode> &value)
{
    YamlNode *n = &svc;
    std::vector<const char *> keys(path);
    for (size_t i = 0; i + 1 < keys.size(); ++i) {
        YamlNode *next = n->get(QLatin1String(keys[i]));
        if (!next || !next->isMapping()) {
            if (!value)
                return;
            next = &n->set(QLatin1String(keys[i]), YamlNode::makeMapping());
        }
        n = next;
    }
    if (value)
        n->set(QLatin1String(keys.back()), *value);
    else
        n->remove(QLatin1String(keys.back()));
}

// A plain text value at the service's top level (image, restart).
void setText(YamlNode &svc, const char *key, const QString &v)
{
    if (v.isEmpty())
        svc.remove(QLatin1String(key));
    else
        svc.set(QLatin1String(key), textNode(v));
}

QString linesOf(const YamlNode *n)
{
    if (!n)
        return {};
    QStringList lines;
    for (const auto &i : n->items)
        lines << (i.isScalar() ? i.scalar : QString::fromUtf8(emitYaml(i)).trimmed());
    for (const auto &e : n->entries)
        lines << (e.value.isNull() ? e.key : e.key + QLatin1Char('=') + e.value.scalar);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

const std::vector<ServiceProperties::Property> &ServiceProperties::table()
{
    static const std::vector<Property> properties{
        {"image", [](const YamlNode &svc) { return scalarText(svc.get(u"image")); },
         [](YamlNode &svc, const QString &v, const QStringList &, QStringList *) {
             setText(svc, "image", v);
             return QString();
         }},
        {"command",
         [](const YamlNode &svc) {
             const YamlNode *n = svc.get(u"command");
             return n && n->isSequence() ? shellJoin(n->items) : scalarText(n);
         },
         [](YamlNode &svc, const QString &v, const QStringList &, QStringList *) {
             if (v.isEmpty()) {
                 svc.remove(u"command");
                 return QString();
             }
             const auto args = splitCommand(v);
             if (!args)
                 return tr("a quote is not closed in the command");
             YamlNode seq = YamlNode::makeSequence();
             for (const QString &a : *args)
                 seq.append(textNode(a));
             svc.set(QStringLiteral("command"), seq);
             return QString();
         }},
        {"restart", [](const YamlNode &svc) { return scalarText(svc.get(u"restart")); },
         [](YamlNode &svc, const QString &v, const QStringList &, QStringList *) {
             QString policy;
             int retries = 0;
             if (!v.isEmpty() && Backends::ContainerSpec::parseRestart(v, &policy, &retries).isError())
                 return tr("\"%1\" is not a restart policy (no, always, on-failure[:N], unless-stopped)").arg(v);
             setText(svc, "restart", v);
             return QString();
         }},
        {"environment", [](const YamlNode &svc) { return linesOf(svc.get(u"environment")); },
         [](YamlNode &svc, const QString &v, const QStringList &, QStringList *) {
             YamlNode m = YamlNode::makeMapping();
             for (const QString &line : v.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                 const QString l = line.trimmed();
                 const qsizetype eq = l.indexOf(QLatin1Char('='));
                 const QString k = eq < 0 ? l : l.left(eq);
                 if (k.isEmpty() || k.contains(QLatin1Char(' ')))
                     return tr("\"%1\" is not KEY=VALUE").arg(l);
                 m.set(k, eq < 0 ? YamlNode{} : scalar(l.mid(eq + 1), true));
             }
             if (m.entries.empty())
                 svc.remove(u"environment");
             else
                 svc.set(QStringLiteral("environment"), m);
             return QString();
         }},
        {"ports", [](const YamlNode &svc) { return linesOf(svc.get(u"ports")); },
         [](YamlNode &svc, const QString &v, const QStringList &, QStringList *) {
             static const QRegularExpression re(QStringLiteral("^((\\[[0-9a-fA-F:]+\\]|[0-9.]+):)?(\\d+(-\\d+)?:)?\\d+(-\\d+)?(/(tcp|udp|sctp))?$"));
             YamlNode seq = YamlNode::makeSequence();
             for (const QString &line : v.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                 if (!re.match(line.trimmed()).hasMatch())
                     return tr("\"%1\" is not a port mapping ([IP:][HOST:]CONTAINER[/PROTOCOL])").arg(line.trimmed());
                 QString ports = line.trimmed().section(QLatin1Char('/'), 0, 0);
                 if (ports.contains(QLatin1Char(']')))
                     ports = ports.section(QLatin1Char(']'), 1).mid(1);
                 QStringList parts = ports.split(QLatin1Char(':'));
                 if (parts.size() == 3)
                     parts.removeFirst(); // the address
                 for (const QString &part : parts)
                     for (const QString &n : part.split(QLatin1Char('-')))
                         if (n.toInt() < 1 || n.toInt() > 65535)
                             return tr("%1 is not a port (1-65535)").arg(n);
                 seq.append(scalar(line.trimmed(), true));
             }
             if (seq.items.empty())
                 svc.remove(u"ports");
             else
                 svc.set(QStringLiteral("ports"), seq);
             return QString();
         }},
        {"volumes",
         [](const YamlNode &svc) {
             const YamlNode *n = svc.get(u"volumes");
             if (!n)
                 return QString();
             QStringList lines;
             for (const auto &i : n->items)
                 lines << mountText(i);
             return lines.join(QLatin1Char('\n'));
         },
         // one mount a line: TARGET, SOURCE:TARGET or SOURCE:TARGET:MODE; a named volume that is
         // not defined yet is added to the file's volumes
         [](YamlNode &svc, const QString &v, const QStringList &defined, QStringList *newVolumes) {
             static const QRegularExpression mode(QStringLiteral("^[a-zA-Z,]+$"));
             const YamlNode *old = svc.get(u"volumes");
             YamlNode seq = YamlNode::makeSequence();
             for (const QString &raw : v.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                 const QString line = raw.trimmed();
                 if (line.isEmpty())
                     continue;
                 // a line that reads as before keeps its item (and what the long form says besides)
                 const YamlNode *same = nullptr;
                 if (old)
                     for (const auto &i : old->items)
                         if (mountText(i) == line)
                             same = &i;
                 if (same) {
                     seq.append(*same);
                     continue;
                 }
                 const QStringList parts = line.split(QLatin1Char(':'));
                 const QString target = parts.size() == 1 ? parts[0] : parts[1];
                 if (parts.size() > 3 || !target.startsWith(QLatin1Char('/')) || (parts.size() == 3 && !mode.match(parts[2]).hasMatch()))
                     return tr("\"%1\" is not a mount (TARGET, SOURCE:TARGET or SOURCE:TARGET:ro; the target is a path in the container)").arg(line);
                 if (parts.size() > 1) {
                     const QString source = parts[0];
                     const bool path = source.startsWith(QLatin1Char('/')) || source.startsWith(QLatin1Char('.')) || source.startsWith(QLatin1Char('~'));
                     if (!path && !validName(source))
                         return tr("\"%1\" is neither a path nor a volume name").arg(source);
                     if (!path && !defined.contains(source) && !newVolumes->contains(source))
                         *newVolumes << source;
                 }
                 seq.append(textNode(line));
             }
             if (seq.items.empty())
                 svc.remove(u"volumes");
             else
                 svc.set(QStringLiteral("volumes"), seq);
             return QString();
         }},
        {"replicas",
         [](const YamlNode &svc) {
             const YamlNode *n = at(svc, {"deploy", "replicas"});
             return scalarText(n ? n : svc.get(u"scale"));
         },
         [](YamlNode &svc, const QString &v, const QStringList &, QStringList *) {
             bool ok = false;
             const int n = v.toInt(&ok);
             if (!v.isEmpty() && (!ok || n < 0))
                 return tr("\"%1\" is not a number of replicas").arg(v);
             svc.remove(u"scale");
             setPath(svc, {"deploy", "replicas"}, v.isEmpty() ? std::nullopt : std::optional<YamlNode>(scalar(QString::number(n))));
             return QString();
         }},
        {"cpus",
         [](const YamlNode &svc) {
             const YamlNode *n = at(svc, {"deploy", "resources", "limits", "cpus"});
             return scalarText(n ? n : svc.get(u"cpus"));
         },
         [](YamlNode &svc, const QString &v, const QStringList &, QStringList *) {
             if (!v.isEmpty() && !parseNanoCpus(v))
                 return tr("\"%1\" is not a number of CPUs").arg(v);
             svc.remove(u"cpus");
             setPath(svc, {"deploy", "resources", "limits", "cpus"}, v.isEmpty() ? std::nullopt : std::optional<YamlNode>(scalar(v, true)));
             return QString();
         }},
        {"memory",
         [](const YamlNode &svc) {
             const YamlNode *n = at(svc, {"deploy", "resources", "limits", "memory"});
             return scalarText(n ? n : svc.get(u"mem_limit"));
         },
         [](YamlNode &svc, const QString &v, const QStringList &, QStringList *) {
             if (!v.isEmpty() && !parseBytes(v))
                 return tr("\"%1\" is not a size (like 512m or 1g)").arg(v);
             svc.remove(u"mem_limit");
             setPath(svc, {"deploy", "resources", "limits", "memory"}, v.isEmpty() ? std::nullopt : std::optional<YamlNode>(scalar(v)));
             return QString();
         }},
        {"healthcheck",
         [](const YamlNode &svc) {
             const YamlNode *n = at(svc, {"healthcheck", "test"});
             if (n && n->isSequence()) {
                 std::vector<YamlNode> rest(n->items.begin() + (n->items.empty() ? 0 : 1), n->items.end());
                 if (!n->items.empty() && n->items.front().scalar == QLatin1String("CMD-SHELL") && rest.size() == 1)
                     return rest.front().scalar;
                 return shellJoin(rest);
             }
             return scalarText(n);
         },
         [](YamlNode &svc, const QString &v, const QStringList &, QStringList *) {
             if (v.isEmpty()) {
                 svc.remove(u"healthcheck");
                 return QString();
             }
             YamlNode test = YamlNode::makeSequence();
             test.append(scalar(QStringLiteral("CMD-SHELL")));
             test.append(scalar(v, true));
             setPath(svc, {"healthcheck", "test"}, test);
             return QString();
         }},
    };
    return properties;
}

const ServiceProperties::Property *ServiceProperties::find(const QString &key)
{
    for (const Property &p : table())
        if (key == QLatin1String(p.key))
            return &p;
    return nullptr;
}

QStringList ServiceProperties::keys()
{
    QStringList out;
    for (const Property &p : table())
        out << QString::fromLatin1(p.key);
    return out;
}

QString ServiceProperties::cannotEdit(const QString &key)
{
    return tr("\"%1\" cannot be edited here; edit it in the YAML").arg(key);
}

} // namespace Wharf::Models::Apps
