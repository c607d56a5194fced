#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <vector>

namespace Wharf::Backends::Compose {

// A place in a file, 1-based; line 0 means "no place" (a value the program made).
struct Mark
{
    QString file;
    int line = 0;
    int column = 0;
};

struct Diagnostic
{
    enum Severity { Error, Warning, Notice };
    Severity severity = Error;
    Mark mark;
    QString message;

    // "file:line:column: error: message", the form compilers and editors understand
    QString toString() const;
};

// A YAML document as the compose loader needs it: anchors and aliases expanded, every
// value with its place in the file, tags kept (!reset, !override), mapping order kept.
// yaml-cpp's own node keeps no marks after a copy and does not merge `<<` keys; this one
// is a plain value that copies, merges and writes back.
class YamlNode
{
    Q_DECLARE_TR_FUNCTIONS(Wharf::Backends::Compose::YamlNode)

public:
    enum Kind { Null, Scalar, Sequence, Mapping };
    struct Entry;

    Kind kind = Null;
    QString tag; // "!reset", "!override", ... ; empty for none
    QString scalar;
    bool quoted = false; // written in quotes: "8080" stays a string
    Mark mark;
    // Written back as they were read: the anchor this node defined (&name), and the anchor an
    // alias (*name) named where this node is a copy of it. An alias whose copy no longer
    // equals its anchor (one of them was edited) is written out in full.
    QString anchor;
    QString alias;
    std::vector<YamlNode> items; // a sequence
    std::vector<Entry> entries; // a mapping

    static YamlNode makeScalar(const QString &value, bool quoted = false, const Mark &mark = {});
    static YamlNode makeMapping(const Mark &mark = {});
    static YamlNode makeSequence(const Mark &mark = {});

    bool isNull() const { return kind == Null; }
    bool isScalar() const { return kind == Scalar; }
    bool isSequence() const { return kind == Sequence; }
    bool isMapping() const { return kind == Mapping; }

    const YamlNode *get(QStringView key) const;
    YamlNode *get(QStringView key);
    const Entry *entry(QStringView key) const;
    const YamlNode *get(QLatin1String key) const { return get(QStringView(QString(key))); }
    YamlNode *get(QLatin1String key) { return get(QStringView(QString(key))); }
    const Entry *entry(QLatin1String key) const { return entry(QStringView(QString(key))); }
    bool remove(QLatin1String key) { return remove(QStringView(QString(key))); }
    // replaces the value of key, or appends it
    YamlNode &set(const QString &key, YamlNode value, const Mark &keyMark = {});
    bool remove(QStringView key);
    QStringList keys() const;
    void append(YamlNode item);

    // "a scalar, a sequence ..." for messages
    QString kindName() const;
};

struct YamlNode::Entry
{
    QString key;
    Mark keyMark;
    YamlNode value;
};

// (after Entry: moving a node needs the whole type)
inline void YamlNode::append(YamlNode item)
{
    items.push_back(std::move(item));
}

struct YamlParse
{
    YamlNode root;
    QList<Diagnostic> diagnostics;
    bool ok = false;
};

// What a YAML text may cost to read; past a bound parsing stops with an error that names it.
struct YamlLimits
{
    qsizetype maxBytes = 4 << 20;  // the text (a compose file is a few KiB)
    int maxDepth = 64;             // mappings and lists inside each other
    qint64 maxNodes = 200'000;     // values in all, aliases expanded (a "billion laughs" stops here); a 200-service file has ~20,000
    int maxAliases = 10'000;       // aliases used
};

// Parses the first document of text. Duplicate keys are errors; a second document is a
// warning. Syntax errors come back as diagnostics with their line and column.
YamlParse parseYaml(const QByteArray &text, const QString &file, const YamlLimits &limits = {});

// Equal values (kind, tag, text, quoting, items, keys in order), wherever they came from.
bool sameContent(const YamlNode &a, const YamlNode &b);

// Writes a node back as block YAML, in its key order; strings that were quoted stay quoted.
QByteArray emitYaml(const YamlNode &node);

// A comment (or blank line) of a YAML text, tied to the key or item it belongs to by its
// path ("services", "web", "ports", "[0]"): the one on the next line (Before), the one on its
// own line (After), or the end of the file (End).
struct YamlComment
{
    enum Where { Before, After, End };
    QStringList path;
    QString text; // "# ..." (empty: a blank line)
    Where where = Before;
    bool operator==(const YamlComment &) const = default;
};

// The comments and blank lines of text, whose tree (parsed from it) is root. Lines inside
// block scalars are content, not comments.
QList<YamlComment> collectComments(const QByteArray &text, const YamlNode &root);
// emitYaml, with the comments put back by the keys and items they belong to; those whose
// place is gone are left out.
QByteArray emitYaml(const YamlNode &node, const QList<YamlComment> &comments);

} // namespace Wharf::Backends::Compose
