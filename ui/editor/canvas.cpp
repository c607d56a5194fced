#include "canvas.h"

#include <QGraphicsScene>
#include <QGraphicsSceneMouseEvent>
#include <QMimeData>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QWheelEvent>
#include <QtMath>

namespace Wharf::Ui {

namespace {

QColor fillFor(NodeKind k)
{
    switch (k) {
    case NodeKind::Service:
        return QColor(0xe3, 0xee, 0xfb);
    case NodeKind::Volume:
        return QColor(0xfd, 0xf0, 0xdc);
    case NodeKind::Network:
        return QColor(0xe2, 0xf4, 0xe6);
    }
    return Qt::white;
}

QColor edgeFor(NodeKind k)
{
    switch (k) {
    case NodeKind::Service:
        return QColor(0x2f, 0x6f, 0xc0);
    case NodeKind::Volume:
        return QColor(0xc0, 0x7a, 0x1a);
    case NodeKind::Network:
        return QColor(0x2e, 0x8b, 0x47);
    }
    return Qt::black;
}

} // namespace

NodeItem::NodeItem(NodeKind kind, const QString &name, const QString &subtitle)
    : m_kind(kind)
    , m_name(name)
    , m_subtitle(subtitle)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setZValue(1);
    setCacheMode(DeviceCoordinateCache); // drawn once per zoom level, not on every frame of a pan
    setToolTip(subtitle.isEmpty() ? name : name + QLatin1Char('\n') + subtitle);
}

QRectF NodeItem::boundingRect() const
{
    switch (m_kind) {
    case NodeKind::Service:
        return QRectF(0, 0, 190, 64);
    case NodeKind::Volume:
        return QRectF(0, 0, 160, 50);
    case NodeKind::Network:
        return QRectF(0, 0, 160, 40);
    }
    return {};
}

void NodeItem::setTags(const QStringList &tags)
{
    m_tags = tags;
    update();
}

QRectF NodeItem::handleRect() const
{
    const QRectF r = boundingRect();
    return QRectF(r.right() - 14, r.center().y() - 7, 14, 14);
}

void NodeItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QRectF r = boundingRect().adjusted(1, 1, -1, -1);
    const bool selected = option->state & QStyle::State_Selected;
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(edgeFor(m_kind), selected ? 3 : 1.5));
    p->setBrush(fillFor(m_kind));
    if (m_kind == NodeKind::Network)
        p->drawRoundedRect(r, r.height() / 2, r.height() / 2);
    else
        p->drawRoundedRect(r, 8, 8);
    if (m_kind == NodeKind::Volume) { // a disk's top
        p->setBrush(Qt::NoBrush);
        p->drawArc(QRectF(r.left() + 6, r.top() + 3, 16, 8), 0, 180 * 16);
        p->drawArc(QRectF(r.left() + 6, r.top() + 3, 16, 8), 180 * 16, 180 * 16);
    }
    QFont f = p->font();
    f.setBold(true);
    p->setFont(f);
    p->setPen(Qt::black);
    const QString kindText = m_kind == NodeKind::Service ? tr("service") : m_kind == NodeKind::Volume ? tr("volume") : tr("network");
    if (m_kind == NodeKind::Network) {
        p->drawText(r.adjusted(12, 0, -12, 0), Qt::AlignCenter, p->fontMetrics().elidedText(m_name, Qt::ElideRight, int(r.width() - 24)));
        return;
    }
    p->drawText(r.adjusted(12, 6, -18, 0), Qt::AlignLeft | Qt::AlignTop, p->fontMetrics().elidedText(m_name, Qt::ElideRight, int(r.width() - 30)));
    f.setBold(false);
    p->setFont(f);
    p->setPen(QColor(0x55, 0x55, 0x55));
    const QString sub = m_subtitle.isEmpty() ? kindText : m_subtitle;
    p->drawText(r.adjusted(12, 0, -18, -6), Qt::AlignLeft | Qt::AlignBottom, p->fontMetrics().elidedText(sub, Qt::ElideMiddle, int(r.width() - 30)));
    if (!m_tags.isEmpty()) {
        QFont small = p->font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        p->setFont(small);
        p->setPen(edgeFor(NodeKind::Network));
        p->drawText(r.adjusted(r.width() / 2, 6, -18, 0), Qt::AlignRight | Qt::AlignTop,
                    p->fontMetrics().elidedText(m_tags.join(QStringLiteral(", ")), Qt::ElideRight, int(r.width() / 2 - 18)));
    }
    if (m_kind == NodeKind::Service) {
        p->setPen(QPen(edgeFor(m_kind), 1.5));
        p->setBrush(Qt::white);
        p->drawEllipse(handleRect().adjusted(2, 2, -2, -2));
    }
}

void NodeItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    m_pressPos = pos();
    QGraphicsObject::mousePressEvent(event);
}

void NodeItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsObject::mouseReleaseEvent(event);
    if (pos() != m_pressPos)
        Q_EMIT released(this, m_pressPos);
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionChange) { // snap to the grid
        const QPointF p = value.toPointF();
        return QPointF(qRound(p.x() / Grid) * Grid, qRound(p.y() / Grid) * Grid);
    }
    if (change == ItemPositionHasChanged && scene()) {
        for (QGraphicsItem *i : scene()->items())
            if (auto *e = dynamic_cast<EdgeItem *>(i); e && (e->from() == this || e->to() == this))
                e->adjust();
    }
    return QGraphicsObject::itemChange(change, value);
}

EdgeItem::EdgeItem(Kind kind, NodeItem *from, NodeItem *to, const QString &label)
    : m_kind(kind)
    , m_from(from)
    , m_to(to)
    , m_label(label)
{
    setZValue(0);
    QPen pen(kind == Dependency ? QColor(0x2f, 0x6f, 0xc0) : kind == Mount ? QColor(0xc0, 0x7a, 0x1a) : QColor(0x2e, 0x8b, 0x47), 1.6);
    // membership is drawn light and solid: a network with many members has many long lines,
    // and dash patterns cost a lot to draw on every frame of a pan
    if (kind == Mount)
        pen.setStyle(Qt::DashLine);
    else if (kind == Membership)
        pen.setColor(QColor(0x2e, 0x8b, 0x47, 110));
    pen.setCosmetic(true);
    setPen(pen);
    adjust();
}

void EdgeItem::adjust()
{
    // from edge to edge of the two boxes
    const QRectF a = m_from->sceneBoundingRect();
    const QRectF b = m_to->sceneBoundingRect();
    QLineF line(a.center(), b.center());
    auto clip = [](const QRectF &r, const QLineF &l, bool atEnd) {
        const QPointF inside = atEnd ? l.p2() : l.p1();
        const QLineF edges[] = {{r.topLeft(), r.topRight()}, {r.topRight(), r.bottomRight()}, {r.bottomRight(), r.bottomLeft()}, {r.bottomLeft(), r.topLeft()}};
        for (const QLineF &e : edges) {
            QPointF x;
            if (l.intersects(e, &x) == QLineF::BoundedIntersection)
                return x;
        }
        return inside;
    };
    const QPointF p1 = clip(a, line, false);
    const QPointF p2 = clip(b, line, true);
    QPainterPath path(p1);
    path.lineTo(p2);
    if (m_kind == Dependency) { // an arrow head at the service depended on
        const QLineF l(p2, p1);
        const double angle = qDegreesToRadians(l.angle());
        const QPointF left = p2 + QPointF(std::cos(angle + M_PI / 7) * 11, -std::sin(angle + M_PI / 7) * 11);
        const QPointF right = p2 + QPointF(std::cos(angle - M_PI / 7) * 11, -std::sin(angle - M_PI / 7) * 11);
        path.moveTo(left);
        path.lineTo(p2);
        path.lineTo(right);
    }
    setPath(path);
    update();
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    painter->setRenderHint(QPainter::Antialiasing, m_kind != Membership);
    QGraphicsPathItem::paint(painter, option, widget);
    if (!m_label.isEmpty()) {
        const QPointF mid = (path().elementAt(0) + QPointF(path().elementAt(1))) / 2;
        painter->setPen(QColor(0x80, 0x50, 0x10));
        painter->drawText(mid + QPointF(4, -4), m_label);
    }
}

CanvasView::CanvasView(QGraphicsScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setAcceptDrops(true);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState);
    setBackgroundBrush(QColor(0xfa, 0xfa, 0xfa));
}

void CanvasView::zoomBy(double factor)
{
    const double z = zoom() * factor;
    if (z < 0.1 || z > 4)
        return;
    scale(factor, factor);
}

void CanvasView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

NodeItem *CanvasView::nodeAt(QPoint viewPos) const
{
    for (QGraphicsItem *i : items(viewPos))
        if (auto *n = dynamic_cast<NodeItem *>(i))
            return n;
    return nullptr;
}

void CanvasView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        NodeItem *n = nodeAt(event->position().toPoint());
        if (n && n->kind() == NodeKind::Service && n->handleRect().contains(n->mapFromScene(mapToScene(event->position().toPoint())))) {
            m_linkFrom = n;
            m_rubber = scene()->addLine(QLineF(n->anchor(), mapToScene(event->position().toPoint())), QPen(Qt::darkGray, 1.5, Qt::DashLine));
            event->accept();
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void CanvasView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_linkFrom && m_rubber) {
        m_rubber->setLine(QLineF(m_linkFrom->anchor(), mapToScene(event->position().toPoint())));
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void CanvasView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_linkFrom) {
        NodeItem *from = m_linkFrom;
        m_linkFrom = nullptr;
        delete m_rubber;
        m_rubber = nullptr;
        NodeItem *to = nodeAt(event->position().toPoint());
        if (to && to != from)
            Q_EMIT linkDrawn(from, to);
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void CanvasView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(QLatin1String(BlockMime)))
        event->acceptProposedAction();
    else
        QGraphicsView::dragEnterEvent(event);
}

void CanvasView::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasFormat(QLatin1String(BlockMime)))
        event->acceptProposedAction();
    else
        QGraphicsView::dragMoveEvent(event);
}

void CanvasView::dropEvent(QDropEvent *event)
{
    if (!event->mimeData()->hasFormat(QLatin1String(BlockMime)))
        return QGraphicsView::dropEvent(event);
    Q_EMIT blockDropped(QString::fromUtf8(event->mimeData()->data(QLatin1String(BlockMime))), mapToScene(event->position().toPoint()));
    event->acceptProposedAction();
}

} // namespace Wharf::Ui
