#pragma once

#include "compose/loader.h"

#include <QObject>
#include <QPointF>

#include <optional>

namespace Wharf::Models::Apps {

// A compose file being edited: the YAML tree as written (what Wharf does not model stays),
// with the edits the orchestration editor makes, the canvas layout under the `x-wharf` key
// (which compose ignores), and the text both views show. Edits keep key order, and the
// comments and blank lines of the text stay by the keys they were written above or beside
// (yaml-cpp does not read them: they are found in the text), so a file edited here diffs
// cleanly; a renamed service, volume or network keeps its comments.
class ComposeDocument : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Service, Volume, Network };
    struct Mount
    {
        QString service;
        QString volume;
        QString target;
    };

    explicit ComposeDocument(QObject *parent = nullptr);

    // The whole text. A text that does not parse keeps the last good tree and reports where
    // it is wrong (diagnostics()); false then.
    bool setText(const QByteArray &text);
    QByteArray text() const;
    bool load(const QString &path); // false: cannot be read or parsed (see diagnostics())
    bool save(const QString &path); // false: cannot be written (see lastError())
    QString path() const { return m_path; }
    void setPath(const QString &path) { m_path = path; }
    QString lastError() const { return m_lastError; }

    // What parsing the text found (syntax errors with their lines); validate() adds the
    // loader's own checks (references, formats, cycles).
    QList<Backends::Compose::Diagnostic> diagnostics() const { return m_diagnostics; }
    Backends::Compose::LoadResult validate() const;

    // The tree as it is (for undo snapshots) and back.
    Backends::Compose::YamlNode root() const { return m_root; }
    void setRoot(const Backends::Compose::YamlNode &root);

    QStringList services() const;
    QStringList volumes() const;
    QStringList networks() const;
    QList<std::pair<QString, QString>> dependencies() const; // (service, depends on)
    QList<Mount> mounts() const; // named volumes only
    QList<std::pair<QString, QString>> memberships() const; // (service, network)

    // One service's values, as text, for the property panel ("" when not set).
    QString value(const QString &service, const QString &key) const;
    // Sets (or with an empty text removes) a value; keys: image, command, environment (KEY=VALUE
    // lines), ports (one per line), volumes (SOURCE:TARGET[:MODE] lines; a named volume not
    // defined yet is added), replicas, restart, cpus, memory, healthcheck (a command).
    // An error names what is wrong and changes nothing.
    QString setValue(const QString &service, const QString &key, const QString &text);

    // Edits; each returns an error text (empty: done) and emits changed().
    QString addService(const QString &name, const QString &image);
    QString addVolume(const QString &name);
    QString addNetwork(const QString &name);
    QString remove(Kind kind, const QString &name); // and every reference to it
    QString rename(Kind kind, const QString &from, const QString &to);
    QString addDependency(const QString &service, const QString &on);
    QString removeDependency(const QString &service, const QString &on);
    QString mountVolume(const QString &service, const QString &volume, const QString &target);
    QString joinNetwork(const QString &service, const QString &network);
    QString leaveNetwork(const QString &service, const QString &network);
    // A free name: base, base-2, base-3, ...
    QString freeName(Kind kind, const QString &base) const;
    // A service as YAML (for copy) and back (for paste, under a free name); the new name.
    QByteArray serviceYaml(const QString &service) const;
    QString pasteService(const QByteArray &yaml, const QString &name);
    // Services, volumes and networks as a compose fragment ("services: {web: ...}", what a
    // copy puts on the clipboard) and back: each pasted under a free name, and the references
    // among what is pasted (depends_on, mounts, networks) follow the new names. A fragment of
    // another compose file pastes too, and so does one service written as "name: {...}".
    // Returns what was added (none: the text is no fragment).
    struct Pasted
    {
        Kind kind;
        QString from; // its name in the fragment
        QString name; // and here
    };
    QByteArray fragment(const QList<std::pair<Kind, QString>> &nodes) const;
    QList<Pasted> pasteFragment(const QByteArray &yaml);

    std::optional<QPointF> position(Kind kind, const QString &name) const;
    void setPosition(Kind kind, const QString &name, QPointF at); // emits layoutChanged()
    bool hasLayout() const;
    // Columns by dependency depth, volumes and networks beside what uses them.
    void autoLayout();

Q_SIGNALS:
    void changed(); // the model changed (not only the layout)
    void layoutChanged();
    void diagnosticsChanged();

private:
    // A service's references to a service, volume or network named from now name to.
    static void renameReferences(Backends::Compose::YamlNode *svc, Kind kind, const QString &from, const QString &to);
    Backends::Compose::YamlNode *section(const QString &name, bool create);
    const Backends::Compose::YamlNode *section(const QString &name) const;
    Backends::Compose::YamlNode *service(const QString &name);
    const Backends::Compose::YamlNode *service(const QString &name) const;
    static QString sectionOf(Kind kind);
    void placeQuietly(Kind kind, const QString &name, QPointF at); // no signal (batches)

    Backends::Compose::YamlNode m_root;
    QList<Backends::Compose::YamlComment> m_comments; // of the last text read
    QList<Backends::Compose::Diagnostic> m_diagnostics;
    QString m_path;
    QString m_lastError;
};

} // namespace Wharf::Models::Apps
