#pragma once

#include "apps/composedocument.h"
#include "canvas.h"

#include <QHash>
#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QGraphicsScene;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QTabWidget;
class QTimer;
class QUndoStack;

namespace Wharf::Ui {

// The orchestration editor: an app drawn as services, volumes and networks on a canvas and,
// in the other tab, the same model as YAML; an edit in either shows in the other at once.
// Blocks and images come from the palette by drag and drop; a link drawn from a service's
// handle adds depends_on (to a service), a mount (to a volume, asking the path) or network
// membership (to a network); a selected service is edited in the property panel. Every edit
// can be undone; the layout is kept in the file under x-wharf.
class ComposeEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ComposeEditor(QWidget *parent = nullptr);
    ~ComposeEditor() override;

    Models::Apps::ComposeDocument *document() const { return m_doc; }
    QUndoStack *undoStack() const { return m_undo; }
    QGraphicsScene *scene() const { return m_scene; }
    CanvasView *view() const { return m_view; }
    QPlainTextEdit *yamlEditor() const { return m_yaml; }
    QTabWidget *tabs() const { return m_tabs; }
    QListWidget *palette() const { return m_palette; }
    QLabel *message() const { return m_message; }
    QListWidget *problems() const { return m_problems; }

    bool openFile(const QString &path);
    bool saveFile(const QString &path = {});
    void newDocument();
    // the images the palette offers: the host's, and (under their own heading, as they come
    // in) the registries'
    void setImages(const QStringList &images);
    void setRegistryImages(const QStringList &images);

    NodeItem *node(NodeKind kind, const QString &name) const;
    void selectNode(NodeKind kind, const QString &name);
    QString selectedService() const;

    // editing actions (also on the toolbar and keys)
    void addBlock(const QString &block, QPointF at); // "service", "volume", "network", "image:REF"
    void link(NodeItem *from, NodeItem *to);
    void deleteSelected();
    void copySelected();
    void paste();
    void autoLayout();
    void fit();
    // a property of the selected service, as the panel sets it
    bool setProperty(const QString &key, const QString &value);
    // YAML typed in the text tab (applied after a short pause as the person types)
    void applyYamlNow();
    int validate(); // the number of errors; marks them in the YAML and lists them

    // Replaceable for tests: asks a line of text (the mount path); empty cancels.
    std::function<QString(const QString &title, const QString &label, const QString &initial)> askText;
    // Deploy: called with the saved file's path (the console plans and asks before applying).
    std::function<void(const QString &path)> deploy;

Q_SIGNALS:
    void titleChanged(const QString &title);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void edit(const QString &description, const std::function<QString()> &change);
    void rebuild();
    void refreshYaml();
    void markProblems(const QList<Backends::Compose::Diagnostic> &diagnostics);
    void nodeReleased(NodeItem *item, QPointF from);
    void showProperties();
    void commitProperty(const QString &key);
    void showMessage(const QString &text);

    Models::Apps::ComposeDocument *m_doc;
    QUndoStack *m_undo;
    QGraphicsScene *m_scene;
    CanvasView *m_view;
    QPlainTextEdit *m_yaml;
    QTabWidget *m_tabs;
    QListWidget *m_palette;
    QStringList m_hostImages;
    QStringList m_registryImages;
    void fillPalette();
    QListWidget *m_problems;
    QLabel *m_message;
    QTimer *m_yamlTimer;
    QTimer *m_rebuildTimer;
    bool m_typing = false;
    bool m_rebuilding = false;
    bool m_shown = false;
    QHash<QString, NodeItem *> m_nodes; // "kind/name"
    // the property panel
    QWidget *m_panel;
    QLineEdit *m_name;
    QLineEdit *m_image;
    QLineEdit *m_command;
    QPlainTextEdit *m_env;
    QPlainTextEdit *m_ports;
    QLineEdit *m_replicas;
    QComboBox *m_restart;
    QLineEdit *m_cpus;
    QLineEdit *m_memory;
    QLineEdit *m_health;
    QPlainTextEdit *m_volumes;
    QString m_panelService;
};

} // namespace Wharf::Ui
