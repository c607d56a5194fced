#include "yamltree.h"

#include <yaml-cpp/emitter.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <QHash>
#include <QMap>
#include <QSet>

#include <limits>
#include <map>
#include <sstream>

using namespace Qt::Literals::StringLiterals;

namespace Wharf::Backends::Compose {

namespace {
// lupdate files the messages of free functions under their namespace; so does this
QString tr(const char *text)
{
    return QCoreApplication::translate("Wharf::Backends::Compose", text);
}
} // namespace

QString Diagnostic::toString() const
{
    const QString what = severity == Error ? u"error"_s : severity == Warning ? u"warning"_s : u"notice"_s;
    QString where = mark.file;
    if (mark.line > 0)
        where += u':' + QString::number(mark.line) + u':' + QString::number(mark.column);
    return (where.isEmpty() ? QString() : where + u": "_s) + what + u": "_s + message;
}

YamlNode YamlNode::makeScalar(const QString &value, bool quoted, const Mark &mark)
{
    YamlNode n;
    n.kind = Scalar;
    n.scalar = value;
    n.quoted = quoted;
    n.mark = mark;
    return n;
}

YamlNode YamlNode::makeMapping(const Mark &mark)
{
    YamlNode n;
    n.kind = Mapping;
    n.mark = mark;
    return n;
}

YamlNode YamlNode::makeSequence(const Mark &mark)
{
    YamlNode n;
    n.kind = Sequence;
    n.mark = mark;
    return n;
}

const YamlNode::Entry *YamlNode::entry(QStringView key) const
{
    for (const auto &e : entries)
        if (e.key == key)
            return &e;
    return nullptr;
}

const YamlNode *YamlNode::get(QStringView key) const
{
    const Entry *e = entry(key);
    return e ? &e->value : nullptr;
}

YamlNode *YamlNode::get(QStringView key)
{
    for (auto &e : entries)
        if (e.key == key)
            return &e.value;
    return nullptr;
}

YamlNode &YamlNode::set(const QString &key, YamlNode value, const Mark &keyMark)
{
    if (kind != Mapping) {
        kind = Mapping;
        items.clear();
        scalar.clear();
    }
    for (auto &e : entries)
        if (e.key == key) {
            e.value = std::move(value);
            return e.value;
        }
    entries.push_back(Entry{key, keyMark.line ? keyMark : value.mark, std::move(value)});
    return entries.back().value;
}

bool YamlNode::remove(QStringView key)
{
    for (auto it = entries.begin(); it != entries.end(); ++it)
        if (it->key == key) {
            entries.erase(it);
            return true;
        }
    return false;
}

QStringList YamlNode::keys() const
{
    QStringList k;
    for (const auto &e : entries)
        k << e.key;
    return k;
}

QString YamlNode::kindName() const
{
    switch (kind) {
    case Null:
        return tr("nothing");
    case Scalar:
        return tr("a single value");
    case Sequence:
        return tr("a list");
    case Mapping:
        return tr("a mapping");
    }
    return {};
}

namespace {

// Thrown from the event handler when a bound is passed: parsing stops at once.
struct LimitReached
{
    YAML::Mark mark;
    QString message;
};

qint64 countNodes(const YamlNode &n)
{
    qint64 c = 1;
    for (const auto &i : n.items)
        c += countNodes(i);
    for (const auto &e : n.entries)
        c += 1 + countNodes(e.value);
    return c;
}

void dropAnchors(YamlNode &n)
{
    n.anchor.clear();
    for (auto &i : n.items)
        dropAnchors(i);
    for (auto &e : n.entries)
        dropAnchors(e.value);
}

class Builder : public YAML::EventHandler
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Backends::Compose::Builder)

public:
    Builder(const QString &file, const YamlLimits &limits)
        : m_file(file)
        , m_limits(limits)
    {
    }

    YamlNode root;
    QList<Diagnostic> diagnostics;
    int documents = 0;

    void OnDocumentStart(const YAML::Mark &) override { ++documents; }
    void OnDocumentEnd() override { }

    void OnAnchor(const YAML::Mark &, const std::string &name) override { m_nextAnchor = QString::fromStdString(name); }

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        nameAnchor(anchor);
        count(mark, 1);
        YamlNode n;
        n.mark = toMark(mark);
        value(std::move(n), anchor);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        auto it = m_anchors.find(anchor);
        if (it == m_anchors.end()) {
            error(mark, tr("an alias refers to an anchor that is not defined before it"));
            OnNull(mark, 0);
            return;
        }
        if (++m_aliases > m_limits.maxAliases)
            throw LimitReached{mark, tr("more than %1 aliases (*name)").arg(m_limits.maxAliases)};
        count(mark, m_sizes[anchor]);
        YamlNode copy = it->second;
        dropAnchors(copy);
        copy.alias = m_names.value(anchor);
        value(std::move(copy), 0);
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor, const std::string &v) override
    {
        nameAnchor(anchor);
        count(mark, 1);
        YamlNode n = YamlNode::makeScalar(QString::fromStdString(v), tag == "!", toMark(mark));
        if (tag != "?" && tag != "!")
            n.tag = QString::fromStdString(tag);
        // `key: !reset` has an empty value with a tag: that is a null that resets
        if (!n.tag.isEmpty() && v.empty())
            n.kind = YamlNode::Null;
        value(std::move(n), anchor);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        nameAnchor(anchor);
        enter(mark);
        Frame f;
        f.node = YamlNode::makeSequence(toMark(mark));
        if (tag != "?" && tag != "!")
            f.node.tag = QString::fromStdString(tag);
        f.anchor = anchor;
        m_stack.push_back(std::move(f));
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        nameAnchor(anchor);
        enter(mark);
        Frame f;
        f.node = YamlNode::makeMapping(toMark(mark));
        if (tag != "?" && tag != "!")
            f.node.tag = QString::fromStdString(tag);
        f.anchor = anchor;
        m_stack.push_back(std::move(f));
    }
    void OnMapEnd() override { close(); }

    Mark toMark(const YAML::Mark &m) const
    {
        if (m.is_null())
            return Mark{m_file, 0, 0};
        return Mark{m_file, m.line + 1, m.column + 1};
    }

    void error(const YAML::Mark &m, const QString &message) { diagnostics << Diagnostic{Diagnostic::Error, toMark(m), message}; }

private:
    void nameAnchor(YAML::anchor_t anchor)
    {
        if (anchor)
            m_names.insert(anchor, m_nextAnchor);
        m_nextAnchor.clear();
    }
    void count(const YAML::Mark &mark, qint64 nodes)
    {
        m_nodes += nodes;
        if (m_nodes > m_limits.maxNodes)
            throw LimitReached{mark, tr("more than %1 values (aliases expanded)").arg(m_limits.maxNodes)};
    }
    void enter(const YAML::Mark &mark)
    {
        count(mark, 1);
        if (int(m_stack.size()) >= m_limits.maxDepth)
            throw LimitReached{mark, tr("mappings and lists nested more than %1 deep").arg(m_limits.maxDepth)};
    }

    struct Frame
    {
        YamlNode node;
        YAML::anchor_t anchor = 0;
        bool haveKey = false;
        QString key;
        Mark keyMark;
    };

    void close()
    {
        Frame f = std::move(m_stack.back());
        m_stack.pop_back();
        if (f.haveKey) // a key without a value cannot happen in well-formed events; keep it as null
            f.node.set(f.key, YamlNode{}, f.keyMark);
        value(std::move(f.node), f.anchor);
    }

    void value(YamlNode n, YAML::anchor_t anchor)
    {
        if (anchor) {
            n.anchor = m_names.value(anchor);
            m_anchors[anchor] = n;
            m_sizes[anchor] = countNodes(n);
        }
        if (documents > 1)
            return; // only the first document counts
        if (m_stack.empty()) {
            root = std::move(n);
            return;
        }
        Frame &top = m_stack.back();
        if (top.node.isSequence()) {
            top.node.items.push_back(std::move(n));
            return;
        }
        if (!top.haveKey) {
            if (n.isMapping() || n.isSequence())
                diagnostics << Diagnostic{Diagnostic::Error, n.mark, tr("a key must be a single value, not %1").arg(n.kindName())};
            top.key = n.isNull() ? QString() : n.scalar;
            top.keyMark = n.mark;
            top.haveKey = true;
            return;
        }
        top.haveKey = false;
        if (top.key != QLatin1String("<<") && top.node.entry(top.key))
            diagnostics << Diagnostic{Diagnostic::Error, top.keyMark, tr("the key \"%1\" appears twice in this mapping").arg(top.key)};
        else
            top.node.entries.push_back(YamlNode::Entry{top.key, top.keyMark, std::move(n)});
    }

    QString m_file;
    YamlLimits m_limits;
    std::vector<Frame> m_stack;
    std::map<YAML::anchor_t, YamlNode> m_anchors;
    QHash<YAML::anchor_t, QString> m_names;
    QHash<YAML::anchor_t, qint64> m_sizes;
    QString m_nextAnchor;
    qint64 m_nodes = 0;
    int m_aliases = 0;
};

// The anchors written so far, by name: an alias is written as *name while it still equals one.
using Anchors = QHash<QString, const YamlNode *>;

void emitNode(YAML::Emitter &out, const YamlNode &n, Anchors &anchors)
{
    if (!n.alias.isEmpty()) {
        if (const YamlNode *a = anchors.value(n.alias); a && sameContent(*a, n)) {
            out << YAML::Alias(n.alias.toStdString());
            return;
        }
    }
    if (!n.anchor.isEmpty() && !anchors.contains(n.anchor)) {
        out << YAML::Anchor(n.anchor.toStdString());
        anchors.insert(n.anchor, &n);
    }
    if (!n.tag.isEmpty() && n.tag.startsWith(u'!'))
        out << YAML::LocalTag(n.tag.mid(1).toStdString());
    switch (n.kind) {
    case YamlNode::Null:
        out << YAML::Null;
        break;
    case YamlNode::Scalar:
        if (n.scalar.contains(u'\n') && n.scalar.endsWith(u'\n') && !n.scalar.endsWith(QLatin1String("\n\n"))) {
            // "|" gives the text its one last newline back; written with it there, the
            // emitter would add a blank line after the block
            out << YAML::Literal << n.scalar.chopped(1).toStdString();
            break;
        }
        if (n.scalar.contains(u'\n'))
            out << YAML::Literal;
        else if (n.quoted)
            out << YAML::DoubleQuoted;
        out << n.scalar.toStdString();
        break;
    case YamlNode::Sequence:
        if (n.items.empty())
            out << YAML::Flow;
        out << YAML::BeginSeq;
        for (const auto &i : n.items)
            emitNode(out, i, anchors);
        out << YAML::EndSeq;
        break;
    case YamlNode::Mapping:
        if (n.entries.empty())
            out << YAML::Flow;
        out << YAML::BeginMap;
        for (const auto &e : n.entries) {
            out << YAML::Key << e.key.toStdString() << YAML::Value;
            emitNode(out, e.value, anchors);
        }
        out << YAML::EndMap;
        break;
    }
}

} // namespace

YamlParse parseYaml(const QByteArray &text, const QString &file, const YamlLimits &limits)
{
    YamlParse result;
    if (text.size() > limits.maxBytes) {
        result.diagnostics << Diagnostic{Diagnostic::Error, Mark{file},
                                         tr("the file is %1 KiB; YAML is read up to %2 KiB").arg(text.size() / 1024).arg(limits.maxBytes / 1024)};
        return result;
    }
    Builder builder(file, limits);
    try {
        std::istringstream in(text.toStdString());
        YAML::Parser parser(in);
        while (parser.HandleNextDocument(builder)) {
        }
    } catch (const LimitReached &l) {
        result.diagnostics << Diagnostic{Diagnostic::Error, builder.toMark(l.mark), tr("too much to read: %1").arg(l.message)};
        return result;
    } catch (const YAML::Exception &e) {
        result.diagnostics << Diagnostic{Diagnostic::Error, builder.toMark(e.mark), QString::fromStdString(e.msg)};
        return result;
    } catch (const std::exception &e) {
        result.diagnostics << Diagnostic{Diagnostic::Error, Mark{file}, QString::fromLocal8Bit(e.what())};
        return result;
    }
    result.diagnostics += builder.diagnostics;
    if (builder.documents > 1)
        result.diagnostics << Diagnostic{Diagnostic::Warning, Mark{file}, tr("the file holds %1 YAML documents; only the first is read").arg(builder.documents)};
    result.root = std::move(builder.root);
    result.ok = std::none_of(result.diagnostics.cbegin(), result.diagnostics.cend(), [](const Diagnostic &d) { return d.severity == Diagnostic::Error; });
    return result;
}

bool sameContent(const YamlNode &a, const YamlNode &b)
{
    if (a.kind != b.kind || a.tag != b.tag || a.scalar != b.scalar || a.quoted != b.quoted || a.items.size() != b.items.size()
        || a.entries.size() != b.entries.size())
        return false;
    for (size_t i = 0; i < a.items.size(); ++i)
        if (!sameContent(a.items[i], b.items[i]))
            return false;
    for (size_t i = 0; i < a.entries.size(); ++i)
        if (a.entries[i].key != b.entries[i].key || !sameContent(a.entries[i].value, b.entries[i].value))
            return false;
    return true;
}

namespace {

// The first line of each key and item (1-based), and the shallowest path on each line.
void mapLines(const YamlNode &n, const QStringList &path, QHash<QStringList, int> *lineOf, QMap<int, QStringList> *pathAt)
{
    auto note = [&](const QStringList &p, int line) {
        if (line <= 0)
            return;
        lineOf->insert(p, line);
        if (!pathAt->contains(line))
            pathAt->insert(line, p);
    };
    if (!n.alias.isEmpty())
        return; // a copy of its anchor: its marks are the anchor's lines
    if (n.isMapping()) {
        for (const auto &e : n.entries) {
            const QStringList p = path + QStringList{e.key};
            note(p, e.keyMark.line);
            mapLines(e.value, p, lineOf, pathAt);
        }
    } else if (n.isSequence()) {
        for (size_t i = 0; i < n.items.size(); ++i) {
            const QStringList p = path + QStringList{QStringLiteral("[%1]").arg(i)};
            note(p, n.items[i].mark.line);
            mapLines(n.items[i], p, lineOf, pathAt);
        }
    }
}

// The lines that are the bodies of multi-line scalars (a '#' there is text, not a comment).
void scalarBodies(const YamlNode &n, const QMap<int, QStringList> &pathAt, QSet<int> *lines)
{
    if (n.isScalar() && n.scalar.contains(u'\n') && n.mark.line > 0) {
        const auto next = pathAt.upperBound(n.mark.line);
        const int end = next == pathAt.cend() ? std::numeric_limits<int>::max() : next.key();
        // the body's last lines: as many as the value has, from its first line on
        const int count = int(n.scalar.count(u'\n')) + 1;
        for (int l = n.mark.line + 1; l < end && l <= n.mark.line + count; ++l)
            lines->insert(l);
    }
    for (const auto &i : n.items)
        scalarBodies(i, pathAt, lines);
    for (const auto &e : n.entries)
        scalarBodies(e.value, pathAt, lines);
}

// Where a comment starts on a line of content: a '#' outside quotes after a blank; -1: none.
int trailingComment(const QString &line)
{
    bool single = false, dbl = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (dbl && c == u'\\') {
            ++i;
            continue;
        }
        if (!dbl && c == u'\'')
            single = !single;
        else if (!single && c == u'"')
            dbl = !dbl;
        else if (c == u'#' && !single && !dbl && i > 0 && (line[i - 1] == u' ' || line[i - 1] == u'\t'))
            return i;
    }
    return -1;
}

} // namespace

QList<YamlComment> collectComments(const QByteArray &text, const YamlNode &root)
{
    QHash<QStringList, int> lineOf;
    QMap<int, QStringList> pathAt;
    mapLines(root, {}, &lineOf, &pathAt);
    QSet<int> bodies;
    scalarBodies(root, pathAt, &bodies);
    const QStringList lines = QString::fromUtf8(text).split(u'\n');
    QList<YamlComment> out;
    QStringList pending; // comments and blank lines waiting for the key they stand above
    for (int i = 0; i < lines.size(); ++i) {
        const int number = i + 1;
        if (bodies.contains(number))
            continue;
        QString line = lines[i];
        if (line.endsWith(u'\r'))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(u'#') || trimmed.isEmpty()) {
            if (i == lines.size() - 1 && trimmed.isEmpty())
                break; // the file's last newline
            pending << trimmed;
            continue;
        }
        if (trimmed == QLatin1String("---") || trimmed == QLatin1String("..."))
            continue;
        const auto at = pathAt.constFind(number);
        if (at == pathAt.cend())
            continue; // a line of a value that started above: comments wait for the next key
        for (const QString &p : std::as_const(pending))
            out << YamlComment{*at, p, YamlComment::Before};
        pending.clear();
        if (const int hash = trailingComment(line); hash >= 0)
            out << YamlComment{*at, line.mid(hash).trimmed(), YamlComment::After};
    }
    while (!pending.isEmpty() && pending.last().isEmpty())
        pending.removeLast();
    for (const QString &p : std::as_const(pending))
        out << YamlComment{{}, p, YamlComment::End};
    return out;
}

QByteArray emitYaml(const YamlNode &node, const QList<YamlComment> &comments)
{
    const QByteArray plain = emitYaml(node);
    if (comments.isEmpty())
        return plain;
    const YamlParse again = parseYaml(plain, QString());
    QHash<QStringList, int> lineOf;
    QMap<int, QStringList> pathAt;
    mapLines(again.root, {}, &lineOf, &pathAt);
    QStringList lines = QString::fromUtf8(plain).split(u'\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    QHash<int, QStringList> before; // by line index
    QHash<int, QString> after;
    QStringList end;
    for (const YamlComment &c : comments) {
        if (c.where == YamlComment::End) {
            end << c.text;
            continue;
        }
        const int line = lineOf.value(c.path) - 1;
        if (line < 0 || line >= lines.size())
            continue;
        if (c.where == YamlComment::Before)
            before[line] << c.text;
        else
            after[line] = c.text;
    }
    QString out;
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines[i];
        qsizetype spaces = 0;
        while (spaces < line.size() && line[spaces] == u' ')
            ++spaces;
        const QString indent = line.left(spaces);
        for (const QString &c : before.value(i))
            out += (c.isEmpty() ? QString() : indent + c) + u'\n';
        out += line;
        if (after.contains(i))
            out += QStringLiteral("  ") + after.value(i);
        out += u'\n';
    }
    for (const QString &c : std::as_const(end))
        out += c + u'\n';
    return out.toUtf8();
}

QByteArray emitYaml(const YamlNode &node)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out.SetNullFormat(YAML::LowerNull);
    Anchors anchors;
    emitNode(out, node, anchors);
    QByteArray bytes(out.c_str(), static_cast<qsizetype>(out.size()));
    if (!bytes.endsWith('\n'))
        bytes += '\n';
    return bytes;
}

} // namespace Wharf::Backends::Compose
