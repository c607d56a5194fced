#pragma once

#include "compose/yamltree.h"

#include <QCoreApplication>
#include <QStringList>

#include <vector>

namespace Wharf::Models::Apps {

// How the orchestration editor reads and writes a service's values: one handler per key of
// the property panel (a key not in the table is edited in the YAML tab), and the small text
// rules the document shares with them.
namespace ComposeText {
Backends::Compose::YamlNode scalar(const QString &v, bool quoted = false);
// A scalar quoted when YAML would read it as something else than this text.
Backends::Compose::YamlNode textNode(const QString &v);
QString shellJoin(const std::vector<Backends::Compose::YamlNode> &items);
bool validName(const QString &name);
QString mountSource(const Backends::Compose::YamlNode &v);
QString mountTarget(const Backends::Compose::YamlNode &v);
// A mount as one line: the short form as written, the long one as SOURCE:TARGET[:ro].
QString mountText(const Backends::Compose::YamlNode &m);
} // namespace ComposeText

class ServiceProperties
{
    // (the sentences are the document's own: one context for translators)
    Q_DECLARE_TR_FUNCTIONS(Wharf::Models::Apps::ComposeDocument)
public:
    struct Property
    {
        const char *key;
        // The value as text for the panel ("" when not set).
        QString (*get)(const Backends::Compose::YamlNode &svc);
        // Sets (or, with an empty text, removes) the value: an error sentence, or "". Named
        // volumes the value mounts that are not in `defined` go into newVolumes.
        QString (*set)(Backends::Compose::YamlNode &svc, const QString &text, const QStringList &defined, QStringList *newVolumes);
    };
    // The handler of a key, or null.
    static const Property *find(const QString &key);
    // The keys the panel edits, in its order.
    static QStringList keys();
    static QString cannotEdit(const QString &key);

private:
    static const std::vector<Property> &table();
};

} // namespace Wharf::Models::Apps
