#include "composeeditor.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBlock>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Wharf::Ui {

using Models::Apps::ComposeDocument;
using Backends::Compose::YamlNode;
using Backends::Compose::emitYaml;

namespace {

QString keyOf(NodeKind k, const QString &name)
{
    return QString::number(int(k)) + QLatin1Char('/') + name;
}

// One edit: the document before and after (cheap, exact, and any edit can be undone).
class SnapshotCommand : public QUndoCommand
{
public:
    SnapshotCommand(ComposeDocument *doc, YamlNode before, YamlNode after, const QString &text)
        : QUndoCommand(text)
        , m_doc(doc)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }
    void undo() override { m_doc->setRoot(m_before); }
    void redo() override
    {
        if (m_first) { // applied already when it was made
            m_first = false;
            return;
        }
        m_doc->setRoot(m_after);
    }

private:
    ComposeDocument *m_doc;
    YamlNode m_before;
    YamlNode m_after;
    bool m_first = true;
};

// The palette: blocks and images dragged out as a MIME type the canvas accepts.
class PaletteList : public QListWidget
{
public:
    using QListWidget::QListWidget;

protected:
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override
    {
        auto *m = new QMimeData;
        if (!items.isEmpty())
            m->setData(QLatin1String(CanvasView::BlockMime), items.first()->data(Qt::UserRole).toString().toUtf8());
        return m;
    }
    QStringList mimeTypes() const override { return {QLatin1String(CanvasView::BlockMime)}; }
};

} // namespace

ComposeEditor::ComposeEditor(QWidget *parent)
    : QWidget(parent)
    , m_doc(new ComposeDocument(this))
    , m_undo(new QUndoStack(this))
    , m_scene(new QGraphicsScene(this))
    , m_view(new CanvasView(m_scene))
    , m_yaml(new QPlainTextEdit)
    , m_tabs(new QTabWidget)
    , m_palette(new PaletteList)
    , m_problems(new QListWidget)
    , m_message(new QLabel)
    , m_yamlTimer(new QTimer(this))
    , m_rebuildTimer(new QTimer(this))
{
    askText = [this](const QString &title, const QString &label, const QString &initial) {
        return QInputDialog::getText(this, title, label, QLineEdit::Normal, initial);
    };

    // toolbar
    auto *bar = new QToolBar;
    auto add = [bar, this](const QString &text, QKeySequence key, auto slot) {
        QAction *a = bar->addAction(text, this, slot);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
        return a;
    };
    add(tr("New"), QKeySequence::New, [this] { newDocument(); });
    add(tr("Open…"), QKeySequence::Open, [this] {
        const QString p = QFileDialog::getOpenFileName(this, tr("Open a compose file"), QString(), tr("Compose files (*.yaml *.yml);;All files (*)"));
        if (!p.isEmpty())
            openFile(p);
    });
    add(tr("Save"), QKeySequence::Save, [this] { saveFile(); });
    bar->addSeparator();
    QAction *undo = m_undo->createUndoAction(this, tr("Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undo->createRedoAction(this, tr("Redo"));
    redo->setShortcut(QKeySequence::Redo);
    bar->addAction(undo);
    bar->addAction(redo);
    add(tr("Copy"), QKeySequence::Copy, [this] { copySelected(); });
    add(tr("Paste"), QKeySequence::Paste, [this] { paste(); });
    add(tr("Delete"), QKeySequence::Delete, [this] { deleteSelected(); });
    bar->addSeparator();
    add(tr("Zoom in"), QKeySequence::ZoomIn, [this] { m_view->zoomBy(1.2); });
    add(tr("Zoom out"), QKeySequence::ZoomOut, [this] { m_view->zoomBy(1 / 1.2); });
    add(tr("Fit"), QKeySequence(Qt::CTRL | Qt::Key_0), [this] { fit(); });
    add(tr("Arrange"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), [this] { autoLayout(); });
    bar->addSeparator();
    add(tr("Validate"), QKeySequence(Qt::Key_F7), [this] { validate(); });
    add(tr("Deploy…"), QKeySequence(Qt::CTRL | Qt::Key_R), [this] {
        if (validate() > 0)
            return;
        if (!saveFile())
            return;
        if (deploy)
            deploy(m_doc->path());
    });

    // palette
    m_palette->setDragEnabled(true);
    m_palette->setDragDropMode(QAbstractItemView::DragOnly);
    m_palette->setMaximumWidth(220);
    setImages({});
    connect(m_palette, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *i) {
        if (const QString block = i->data(Qt::UserRole).toString(); !block.isEmpty()) // not a heading
            addBlock(block, m_view->mapToScene(m_view->viewport()->rect().center()));
    });

    // property panel
    m_panel = new QWidget;
    auto *form = new QFormLayout(m_panel);
    m_name = new QLineEdit;
    m_image = new QLineEdit;
    m_command = new QLineEdit;
    m_env = new QPlainTextEdit;
    m_env->setPlaceholderText(tr("KEY=VALUE, one per line"));
    m_env->setMaximumHeight(90);
    m_ports = new QPlainTextEdit;
    m_ports->setPlaceholderText(tr("8080:80, one per line"));
    m_ports->setMaximumHeight(70);
    m_replicas = new QLineEdit;
    m_restart = new QComboBox;
    m_restart->setEditable(true);
    m_restart->addItems({QString(), QStringLiteral("no"), QStringLiteral("always"), QStringLiteral("on-failure"), QStringLiteral("unless-stopped")});
    m_cpus = new QLineEdit;
    m_cpus->setPlaceholderText(tr("e.g. 0.5"));
    m_memory = new QLineEdit;
    m_memory->setPlaceholderText(tr("e.g. 512m"));
    m_health = new QLineEdit;
    m_health->setPlaceholderText(tr("a command that succeeds when healthy"));
    m_volumes = new QPlainTextEdit;
    m_volumes->setPlaceholderText(tr("data:/var/lib/data or ./src:/src:ro, one per line"));
    m_volumes->setMaximumHeight(70);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Image"), m_image);
    form->addRow(tr("Command"), m_command);
    form->addRow(tr("Environment"), m_env);
    form->addRow(tr("Ports"), m_ports);
    form->addRow(tr("Replicas"), m_replicas);
    form->addRow(tr("Restart"), m_restart);
    form->addRow(tr("CPUs"), m_cpus);
    form->addRow(tr("Memory"), m_memory);
    form->addRow(tr("Health check"), m_health);
    form->addRow(tr("Volumes"), m_volumes);
    m_panel->setEnabled(false);
    m_panel->setMinimumWidth(260);
    connect(m_name, &QLineEdit::editingFinished, this, [this] { commitProperty(QStringLiteral("name")); });
    connect(m_image, &QLineEdit::editingFinished, this, [this] { commitProperty(QStringLiteral("image")); });
    connect(m_command, &QLineEdit::editingFinished, this, [this] { commitProperty(QStringLiteral("command")); });
    connect(m_replicas, &QLineEdit::editingFinished, this, [this] { commitProperty(QStringLiteral("replicas")); });
    connect(m_cpus, &QLineEdit::editingFinished, this, [this] { commitProperty(QStringLiteral("cpus")); });
    connect(m_memory, &QLineEdit::editingFinished, this, [this] { commitProperty(QStringLiteral("memory")); });
    connect(m_health, &QLineEdit::editingFinished, this, [this] { commitProperty(QStringLiteral("healthcheck")); });
    connect(m_restart, &QComboBox::activated, this, [this] { commitProperty(QStringLiteral("restart")); });
    // the multi-line fields apply when they lose focus
    for (QPlainTextEdit *e : {m_env, m_ports, m_volumes})
        e->installEventFilter(this);

    // tabs: canvas and YAML
    m_yaml->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_yaml->setFont(mono);
    m_tabs->addTab(m_view, tr("Canvas"));
    m_tabs->addTab(m_yaml, tr("YAML"));
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_problems->setMaximumHeight(90);
    m_problems->hide();
    connect(m_problems, &QListWidget::itemActivated, this, [this](QListWidgetItem *i) {
        const int line = i->data(Qt::UserRole).toInt();
        if (line <= 0)
            return;
        m_tabs->setCurrentWidget(m_yaml);
        QTextCursor c(m_yaml->document()->findBlockByNumber(line - 1));
        m_yaml->setTextCursor(c);
        m_yaml->setFocus();
    });

    auto *center = new QWidget;
    auto *cl = new QVBoxLayout(center);
    cl->setContentsMargins(0, 0, 0, 0);
    cl->addWidget(m_tabs, 1);
    cl->addWidget(m_message);
    cl->addWidget(m_problems);
    auto *split = new QSplitter;
    split->addWidget(m_palette);
    split->addWidget(center);
    split->addWidget(m_panel);
    split->setStretchFactor(1, 1);
    split->setSizes({170, 760, 270});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(bar);
    layout->addWidget(split, 1);

    // the two views follow the document
    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(0);
    connect(m_rebuildTimer, &QTimer::timeout, this, &ComposeEditor::rebuild);
    connect(m_doc, &ComposeDocument::changed, this, [this] {
        m_rebuildTimer->start();
        if (!m_typing)
            refreshYaml();
    });
    connect(m_doc, &ComposeDocument::layoutChanged, this, [this] {
        m_rebuildTimer->start();
        if (!m_typing)
            refreshYaml();
    });
    m_yamlTimer->setSingleShot(true);
    m_yamlTimer->setInterval(400);
    connect(m_yaml, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_rebuilding)
            m_yamlTimer->start();
    });
    connect(m_yamlTimer, &QTimer::timeout, this, &ComposeEditor::applyYamlNow);
    connect(m_view, &CanvasView::linkDrawn, this, &ComposeEditor::link);
    connect(m_view, &CanvasView::blockDropped, this, &ComposeEditor::addBlock);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &ComposeEditor::showProperties);
    connect(m_undo, &QUndoStack::cleanChanged, this, [this] { Q_EMIT titleChanged(m_doc->path()); });
    newDocument();
}

ComposeEditor::~ComposeEditor()
{
    // the scene and the document go after this object's own parts: they must not call back
    disconnect(m_scene, nullptr, this, nullptr);
    disconnect(m_doc, nullptr, this, nullptr);
    disconnect(m_undo, nullptr, this, nullptr);
}

void ComposeEditor::setImages(const QStringList &images)
{
    m_hostImages = images;
    fillPalette();
}

void ComposeEditor::setRegistryImages(const QStringList &images)
{
    m_registryImages = images;
    fillPalette();
}

void ComposeEditor::fillPalette()
{
    m_palette->clear();
    auto item = [this](const QString &text, const QString &block, const QString &tip) {
        auto *i = new QListWidgetItem(text, m_palette);
        i->setData(Qt::UserRole, block);
        i->setToolTip(tip);
    };
    item(tr("Service"), QStringLiteral("service"), tr("Drag onto the canvas to add a service"));
    item(tr("Volume"), QStringLiteral("volume"), tr("Drag onto the canvas to add a volume; link a service to it to mount it"));
    item(tr("Network"), QStringLiteral("network"), tr("Drag onto the canvas to add a network; link a service to it to join it"));
    auto heading = [this](const QString &text) {
        auto *h = new QListWidgetItem(text, m_palette);
        h->setFlags(Qt::ItemIsEnabled); // not dragged, not selected
        QFont f = h->font();
        f.setBold(true);
        h->setFont(f);
    };
    if (!m_hostImages.isEmpty())
        heading(tr("Images on the host"));
    for (const QString &img : std::as_const(m_hostImages))
        item(img, QStringLiteral("image:") + img, tr("Drag onto the canvas to add a service running %1").arg(img));
    if (!m_registryImages.isEmpty())
        heading(tr("Images in the registries"));
    for (const QString &img : std::as_const(m_registryImages))
        item(img, QStringLiteral("image:") + img, tr("Drag onto the canvas to add a service running %1 (pulled when deployed)").arg(img));
}

void ComposeEditor::newDocument()
{
    m_doc->setPath({});
    m_doc->setRoot([] {
        YamlNode r = YamlNode::makeMapping();
        r.set(QStringLiteral("services"), YamlNode::makeMapping());
        return r;
    }());
    m_undo->clear();
    refreshYaml();
}

bool ComposeEditor::openFile(const QString &path)
{
    if (!m_doc->load(path)) {
        markProblems(m_doc->diagnostics());
        showMessage(m_doc->diagnostics().isEmpty() ? m_doc->lastError() : m_doc->diagnostics().first().toString());
        // the text stays editable so the mistake can be fixed here
        QFile f(path);
        if (f.open(QIODevice::ReadOnly)) {
            m_rebuilding = true;
            m_yaml->setPlainText(QString::fromUtf8(f.readAll()));
            m_rebuilding = false;
            m_tabs->setCurrentWidget(m_yaml);
        }
        return false;
    }
    m_undo->clear();
    if (!m_doc->hasLayout())
        m_doc->autoLayout(); // opened for the first time: arranged, not piled up
    refreshYaml();
    rebuild();
    if (isVisible())
        fit();
    m_message->hide();
    Q_EMIT titleChanged(path);
    return true;
}

bool ComposeEditor::saveFile(const QString &path)
{
    QString target = path.isEmpty() ? m_doc->path() : path;
    if (target.isEmpty())
        target = QFileDialog::getSaveFileName(this, tr("Save the compose file"), QStringLiteral("compose.yaml"), tr("Compose files (*.yaml *.yml)"));
    if (target.isEmpty())
        return false;
    if (!m_doc->save(target)) {
        showMessage(m_doc->lastError());
        return false;
    }
    m_undo->setClean();
    Q_EMIT titleChanged(target);
    return true;
}

void ComposeEditor::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void ComposeEditor::edit(const QString &description, const std::function<QString()> &change)
{
    const YamlNode before = m_doc->root();
    const QString error = change();
    if (!error.isEmpty()) {
        m_doc->setRoot(before); // nothing half done
        showMessage(error);
        return;
    }
    m_message->hide();
    m_undo->push(new SnapshotCommand(m_doc, before, m_doc->root(), description));
}

void ComposeEditor::refreshYaml()
{
    const QString text = QString::fromUtf8(m_doc->text());
    if (m_yaml->toPlainText() == text)
        return;
    m_rebuilding = true;
    const int pos = m_yaml->textCursor().position();
    m_yaml->setPlainText(text);
    QTextCursor c = m_yaml->textCursor();
    c.setPosition(qMin(pos, int(text.size())));
    m_yaml->setTextCursor(c);
    m_rebuilding = false;
    markProblems({});
}

void ComposeEditor::applyYamlNow()
{
    m_yamlTimer->stop();
    const YamlNode before = m_doc->root();
    m_typing = true;
    const bool ok = m_doc->setText(m_yaml->toPlainText().toUtf8());
    m_typing = false;
    markProblems(m_doc->diagnostics());
    if (!ok) {
        showMessage(m_doc->diagnostics().isEmpty() ? QString() : m_doc->diagnostics().first().toString());
        return;
    }
    m_message->hide();
    if (emitYaml(before) != emitYaml(m_doc->root())) // a fixed typo that brings back what was there is no edit
        m_undo->push(new SnapshotCommand(m_doc, before, m_doc->root(), tr("Edit the YAML")));
    rebuild();
}

void ComposeEditor::markProblems(const QList<Backends::Compose::Diagnostic> &diagnostics)
{
    QList<QTextEdit::ExtraSelection> marks;
    m_problems->clear();
    for (const auto &d : diagnostics) {
        auto *item = new QListWidgetItem(d.toString(), m_problems);
        item->setData(Qt::UserRole, d.mark.line);
        if (d.severity == Backends::Compose::Diagnostic::Error)
            item->setForeground(QColor(0xb0, 0x00, 0x20));
        if (d.mark.line <= 0)
            continue;
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(m_yaml->document()->findBlockByNumber(d.mark.line - 1));
        s.format.setBackground(d.severity == Backends::Compose::Diagnostic::Error ? QColor(0xff, 0xd6, 0xd6) : QColor(0xff, 0xf3, 0xc4));
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        s.format.setToolTip(d.message);
        marks << s;
    }
    m_yaml->setExtraSelections(marks);
    m_problems->setVisible(!diagnostics.isEmpty());
}

int ComposeEditor::validate()
{
    const auto r = m_doc->validate();
    markProblems(r.diagnostics);
    const int errors = int(r.errors().size());
    showMessage(errors ? tr("%n error(s): fix them before deploying (double-click one to see its line).", nullptr, errors) : QString());
    return errors;
}

NodeItem *ComposeEditor::node(NodeKind kind, const QString &name) const
{
    return m_nodes.value(keyOf(kind, name));
}

void ComposeEditor::rebuild()
{
    m_rebuildTimer->stop();
    // keep the selection across the rebuild
    QStringList selected;
    for (QGraphicsItem *i : m_scene->selectedItems())
        if (auto *n = dynamic_cast<NodeItem *>(i))
            selected << keyOf(n->kind(), n->name());
    const QSignalBlocker block(m_scene);
    m_scene->clear();
    m_nodes.clear();
    QPointF next(0, 0);
    auto place = [&](NodeKind k, const QString &name, const QString &sub) {
        auto *n = new NodeItem(k, name, sub);
        m_scene->addItem(n);
        const auto p = m_doc->position(k, name);
        n->setPos(p ? *p : next);
        if (!p)
            next += QPointF(40, 40);
        m_nodes.insert(keyOf(k, name), n);
        connect(n, &NodeItem::released, this, &ComposeEditor::nodeReleased);
        if (selected.contains(keyOf(k, name)))
            n->setSelected(true);
        return n;
    };
    for (const QString &s : m_doc->services()) {
        const QString image = m_doc->value(s, QStringLiteral("image"));
        const QString replicas = m_doc->value(s, QStringLiteral("replicas"));
        place(NodeKind::Service, s, image + (replicas.isEmpty() || replicas == QLatin1String("1") ? QString() : QStringLiteral("  ×") + replicas));
    }
    for (const QString &v : m_doc->volumes())
        place(NodeKind::Volume, v, tr("volume"));
    for (const QString &n : m_doc->networks())
        place(NodeKind::Network, n, {});
    for (const auto &[s, d] : m_doc->dependencies())
        if (node(NodeKind::Service, s) && node(NodeKind::Service, d))
            m_scene->addItem(new EdgeItem(EdgeItem::Dependency, node(NodeKind::Service, s), node(NodeKind::Service, d)));
    for (const auto &m : m_doc->mounts())
        if (node(NodeKind::Service, m.service) && node(NodeKind::Volume, m.volume))
            m_scene->addItem(new EdgeItem(EdgeItem::Mount, node(NodeKind::Service, m.service), node(NodeKind::Volume, m.volume), m.target));
    // a network with many members is named on its members instead of drawn as lines to each
    // (a hundred lines to one block say nothing and cost every frame of a pan)
    constexpr int MaxMemberLines = 16;
    QHash<QString, int> members;
    const auto memberships = m_doc->memberships();
    for (const auto &[s, n] : memberships)
        ++members[n];
    QHash<QString, QStringList> tags;
    for (const auto &[s, n] : memberships) {
        if (!node(NodeKind::Service, s) || !node(NodeKind::Network, n))
            continue;
        if (members.value(n) <= MaxMemberLines)
            m_scene->addItem(new EdgeItem(EdgeItem::Membership, node(NodeKind::Service, s), node(NodeKind::Network, n)));
        else
            tags[s] << n;
    }
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        node(NodeKind::Service, it.key())->setTags(it.value());
    for (auto it = members.cbegin(); it != members.cend(); ++it)
        if (it.value() > MaxMemberLines && node(NodeKind::Network, it.key()))
            node(NodeKind::Network, it.key())->setToolTip(tr("%1: %n member(s), named on each of them", nullptr, it.value()).arg(it.key()));
    if (m_nodes.isEmpty()) {
        auto *hint = m_scene->addSimpleText(tr("Drag a service, a volume, a network or an image from the palette onto the canvas.\n"
                                               "Draw a link from a service's handle (the circle on its right) to another block:\n"
                                               "to a service for depends_on, to a volume to mount it, to a network to join it."));
        hint->setBrush(QColor(0x88, 0x88, 0x88));
    }
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-400, -300, 400, 300));
    showProperties();
}

void ComposeEditor::nodeReleased(NodeItem *item, QPointF from)
{
    // dropped onto another block: a volume onto a service mounts it, a service into a
    // network joins it (the block goes back where it was)
    NodeItem *target = nullptr;
    for (QGraphicsItem *i : m_scene->collidingItems(item))
        if (auto *n = dynamic_cast<NodeItem *>(i); n && n != item)
            target = n;
    const NodeKind kind = item->kind();
    const QString name = item->name();
    if (target && ((kind == NodeKind::Volume && target->kind() == NodeKind::Service) || (kind == NodeKind::Service && target->kind() == NodeKind::Network))) {
        item->setPos(from);
        link(kind == NodeKind::Volume ? target : item, kind == NodeKind::Volume ? item : target);
        return;
    }
    const QPointF at = item->pos();
    edit(tr("Move %1").arg(name), [this, kind, name, at] {
        m_doc->setPosition(kind, name, at);
        return QString();
    });
}

void ComposeEditor::addBlock(const QString &block, QPointF at)
{
    const QPointF snapped(qRound(at.x() / NodeItem::Grid) * NodeItem::Grid, qRound(at.y() / NodeItem::Grid) * NodeItem::Grid);
    if (block == QLatin1String("volume")) {
        const QString name = m_doc->freeName(NodeKind::Volume, QStringLiteral("data"));
        edit(tr("Add volume %1").arg(name), [this, name, snapped] {
            const QString e = m_doc->addVolume(name);
            if (e.isEmpty())
                m_doc->setPosition(NodeKind::Volume, name, snapped);
            return e;
        });
        selectNode(NodeKind::Volume, name);
        return;
    }
    if (block == QLatin1String("network")) {
        const QString name = m_doc->freeName(NodeKind::Network, QStringLiteral("net"));
        edit(tr("Add network %1").arg(name), [this, name, snapped] {
            const QString e = m_doc->addNetwork(name);
            if (e.isEmpty())
                m_doc->setPosition(NodeKind::Network, name, snapped);
            return e;
        });
        selectNode(NodeKind::Network, name);
        return;
    }
    QString image;
    QString base = QStringLiteral("service");
    if (block.startsWith(QLatin1String("image:"))) {
        image = block.mid(6);
        // "registry:5000/team/web:1.2" -> "web"
        base = image.section(QLatin1Char('/'), -1).section(QLatin1Char(':'), 0, 0).section(QLatin1Char('@'), 0, 0);
    }
    const QString name = m_doc->freeName(NodeKind::Service, base);
    edit(tr("Add service %1").arg(name), [this, name, image, snapped] {
        const QString e = m_doc->addService(name, image);
        if (e.isEmpty())
            m_doc->setPosition(NodeKind::Service, name, snapped);
        return e;
    });
    selectNode(NodeKind::Service, name);
}

void ComposeEditor::link(NodeItem *from, NodeItem *to)
{
    if (!from || !to)
        return;
    const QString a = from->name();
    const QString b = to->name();
    if (from->kind() != NodeKind::Service) {
        if (to->kind() == NodeKind::Service)
            return link(to, from);
        showMessage(tr("Links start at a service."));
        return;
    }
    switch (to->kind()) {
    case NodeKind::Service:
        edit(tr("%1 depends on %2").arg(a, b), [this, a, b] { return m_doc->addDependency(a, b); });
        break;
    case NodeKind::Network:
        edit(tr("%1 joins %2").arg(a, b), [this, a, b] { return m_doc->joinNetwork(a, b); });
        break;
    case NodeKind::Volume: {
        const QString path = askText(tr("Mount %1").arg(b), tr("Path in %1's containers:").arg(a), QStringLiteral("/data")).trimmed();
        if (path.isEmpty())
            return;
        edit(tr("Mount %1 in %2").arg(b, a), [this, a, b, path] { return m_doc->mountVolume(a, b, path); });
        break;
    }
    }
}

void ComposeEditor::selectNode(NodeKind kind, const QString &name)
{
    rebuild();
    m_scene->clearSelection();
    if (NodeItem *n = node(kind, name)) {
        n->setSelected(true);
        m_view->ensureVisible(n);
    }
}

QString ComposeEditor::selectedService() const
{
    for (QGraphicsItem *i : m_scene->selectedItems())
        if (auto *n = dynamic_cast<NodeItem *>(i); n && n->kind() == NodeKind::Service)
            return n->name();
    return {};
}

void ComposeEditor::deleteSelected()
{
    QList<std::pair<NodeKind, QString>> doomed;
    for (QGraphicsItem *i : m_scene->selectedItems())
        if (auto *n = dynamic_cast<NodeItem *>(i))
            doomed.append({n->kind(), n->name()});
    if (doomed.isEmpty())
        return;
    edit(doomed.size() == 1 ? tr("Delete %1").arg(doomed.first().second) : tr("Delete %n blocks", nullptr, int(doomed.size())), [this, doomed] {
        for (const auto &[k, n] : doomed)
            if (QString e = m_doc->remove(k, n); !e.isEmpty())
                return e;
        return QString();
    });
}

void ComposeEditor::copySelected()
{
    QList<std::pair<NodeKind, QString>> nodes;
    for (QGraphicsItem *i : m_scene->selectedItems())
        if (auto *n = dynamic_cast<NodeItem *>(i))
            nodes << std::pair{n->kind(), n->name()};
    if (const QByteArray yaml = m_doc->fragment(nodes); !yaml.isEmpty())
        QApplication::clipboard()->setText(QString::fromUtf8(yaml));
}

void ComposeEditor::paste()
{
    const QByteArray yaml = QApplication::clipboard()->text().toUtf8();
    QList<Models::Apps::ComposeDocument::Pasted> pasted;
    edit(tr("Paste"), [this, yaml, &pasted] {
        pasted = m_doc->pasteFragment(yaml);
        if (pasted.isEmpty())
            return tr("The clipboard holds no service, volume or network (copy some first).");
        // beside the originals when they are here, else in a row at the top left
        QPointF next(40, 40);
        for (const auto &p : std::as_const(pasted)) {
            const auto near = m_doc->position(p.kind, p.from);
            m_doc->setPosition(p.kind, p.name, near ? *near + QPointF(40, 40) : next);
            next += QPointF(220, 0);
        }
        return QString();
    });
    if (!pasted.isEmpty()) {
        rebuild();
        m_scene->clearSelection();
        for (const auto &p : std::as_const(pasted))
            if (NodeItem *n = node(p.kind, p.name))
                n->setSelected(true);
    }
}

void ComposeEditor::autoLayout()
{
    edit(tr("Arrange"), [this] {
        m_doc->autoLayout();
        return QString();
    });
    fit();
}

void ComposeEditor::fit()
{
    if (m_rebuildTimer->isActive() || m_nodes.isEmpty())
        rebuild();
    const QRectF r = m_scene->itemsBoundingRect();
    if (!r.isEmpty())
        m_view->fitInView(r.adjusted(-40, -40, 40, 40), Qt::KeepAspectRatio);
    if (m_view->zoom() > 1.2)
        m_view->setTransform(QTransform::fromScale(1.2, 1.2));
}

void ComposeEditor::showProperties()
{
    const QString s = selectedService();
    m_panelService = s;
    m_panel->setEnabled(!s.isEmpty());
    auto set = [](QWidget *w, const QString &v) {
        const QSignalBlocker b(w);
        if (auto *l = qobject_cast<QLineEdit *>(w))
            l->setText(v);
        else if (auto *p = qobject_cast<QPlainTextEdit *>(w))
            p->setPlainText(v);
        else if (auto *c = qobject_cast<QComboBox *>(w))
            c->setCurrentText(v);
    };
    set(m_name, s);
    set(m_image, m_doc->value(s, QStringLiteral("image")));
    set(m_command, m_doc->value(s, QStringLiteral("command")));
    set(m_env, m_doc->value(s, QStringLiteral("environment")));
    set(m_ports, m_doc->value(s, QStringLiteral("ports")));
    set(m_replicas, m_doc->value(s, QStringLiteral("replicas")));
    set(m_restart, m_doc->value(s, QStringLiteral("restart")));
    set(m_cpus, m_doc->value(s, QStringLiteral("cpus")));
    set(m_memory, m_doc->value(s, QStringLiteral("memory")));
    set(m_health, m_doc->value(s, QStringLiteral("healthcheck")));
    set(m_volumes, m_doc->value(s, QStringLiteral("volumes")));
}

bool ComposeEditor::setProperty(const QString &key, const QString &value)
{
    const QString s = selectedService();
    if (s.isEmpty())
        return false;
    if (key == QLatin1String("name")) {
        if (value.trimmed() == s)
            return true;
        bool ok = false;
        edit(tr("Rename %1").arg(s), [this, s, value, &ok] {
            const QString e = m_doc->rename(NodeKind::Service, s, value.trimmed());
            ok = e.isEmpty();
            return e;
        });
        if (ok)
            selectNode(NodeKind::Service, value.trimmed());
        return ok;
    }
    if (m_doc->value(s, key) == value.trimmed())
        return true;
    bool ok = false;
    edit(tr("Change %1 of %2").arg(key, s), [this, s, key, value, &ok] {
        const QString e = m_doc->setValue(s, key, value);
        ok = e.isEmpty();
        return e;
    });
    return ok;
}

void ComposeEditor::commitProperty(const QString &key)
{
    if (m_panelService.isEmpty())
        return;
    QString v;
    if (key == QLatin1String("name"))
        v = m_name->text();
    else if (key == QLatin1String("image"))
        v = m_image->text();
    else if (key == QLatin1String("command"))
        v = m_command->text();
    else if (key == QLatin1String("environment"))
        v = m_env->toPlainText();
    else if (key == QLatin1String("ports"))
        v = m_ports->toPlainText();
    else if (key == QLatin1String("volumes"))
        v = m_volumes->toPlainText();
    else if (key == QLatin1String("replicas"))
        v = m_replicas->text();
    else if (key == QLatin1String("restart"))
        v = m_restart->currentText();
    else if (key == QLatin1String("cpus"))
        v = m_cpus->text();
    else if (key == QLatin1String("memory"))
        v = m_memory->text();
    else if (key == QLatin1String("healthcheck"))
        v = m_health->text();
    setProperty(key, v);
}

void ComposeEditor::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_shown) { // fitted once the view has its size
        m_shown = true;
        QTimer::singleShot(0, this, &ComposeEditor::fit);
    }
}

bool ComposeEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusOut) {
        if (watched == m_env)
            commitProperty(QStringLiteral("environment"));
        else if (watched == m_ports)
            commitProperty(QStringLiteral("ports"));
        else if (watched == m_volumes)
            commitProperty(QStringLiteral("volumes"));
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Wharf::Ui
