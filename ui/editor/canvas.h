#pragma once

#include "apps/composedocument.h"

#include <QGraphicsObject>
#include <QGraphicsPathItem>
#include <QGraphicsView>

namespace Wharf::Ui {

using NodeKind = Models::Apps::ComposeDocument::Kind;

// A service, volume or network on the canvas.
class NodeItem : public QGraphicsObject
{
    Q_OBJECT
public:
    NodeItem(NodeKind kind, const QString &name, const QString &subtitle);

    NodeKind kind() const { return m_kind; }
    QString name() const { return m_name; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    // where a link starts (services only): a small circle on the right edge
    QRectF handleRect() const;
    QPointF anchor() const { return sceneBoundingRect().center(); }
    // networks named on the block instead of drawn as lines
    void setTags(const QStringList &tags);
    QStringList tags() const { return m_tags; }

    static constexpr int Grid = 20;

Q_SIGNALS:
    // dropped where it was released (snapped to the grid); from is where the drag started
    void released(Wharf::Ui::NodeItem *item, QPointF from);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    NodeKind m_kind;
    QString m_name;
    QString m_subtitle;
    QStringList m_tags;
    QPointF m_pressPos;
};

// depends_on (an arrow), a volume mount (dashed, with its path) or network membership (dotted).
class EdgeItem : public QGraphicsPathItem
{
public:
    enum Kind { Dependency, Mount, Membership };
    EdgeItem(Kind kind, NodeItem *from, NodeItem *to, const QString &label = {});
    void adjust();
    Kind edgeKind() const { return m_kind; }
    NodeItem *from() const { return m_from; }
    NodeItem *to() const { return m_to; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    Kind m_kind;
    NodeItem *m_from;
    NodeItem *m_to;
    QString m_label;
};

// The canvas view: zoom (Ctrl+wheel), pan (drag on empty space), links drawn from a
// service's handle, blocks dropped from the palette.
class CanvasView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit CanvasView(QGraphicsScene *scene, QWidget *parent = nullptr);
    void zoomBy(double factor);
    double zoom() const { return transform().m11(); }
    static constexpr const char *BlockMime = "application/x-wharf-block";

Q_SIGNALS:
    void linkDrawn(Wharf::Ui::NodeItem *from, Wharf::Ui::NodeItem *to);
    void blockDropped(const QString &block, QPointF scenePos);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    NodeItem *nodeAt(QPoint viewPos) const;
    NodeItem *m_linkFrom = nullptr;
    QGraphicsLineItem *m_rubber = nullptr;
};

} // namespace Wharf::Ui
