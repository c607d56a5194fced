#include "visiblerows.h"

#include <QAbstractItemModel>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

namespace Wharf::Ui {

VisibleRows::VisibleRows(QTableView *table, std::function<void()> changed, QObject *parent)
    : QObject(parent)
    , m_table(table)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(300);
    connect(m_timer, &QTimer::timeout, this, std::move(changed));
    QAbstractItemModel *model = table->model();
    connect(model, &QAbstractItemModel::rowsInserted, this, &VisibleRows::later);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &VisibleRows::later);
    connect(model, &QAbstractItemModel::layoutChanged, this, &VisibleRows::later);
    connect(model, &QAbstractItemModel::modelReset, this, &VisibleRows::later);
    connect(table->verticalScrollBar(), &QScrollBar::valueChanged, this, &VisibleRows::later);
}

void VisibleRows::later()
{
    if (!m_timer->isActive())
        m_timer->start();
}

void VisibleRows::stop()
{
    m_timer->stop();
}

QList<int> VisibleRows::rows() const
{
    QList<int> out;
    if (!m_table->isVisible())
        return out;
    const int first = qMax(0, m_table->rowAt(0));
    int last = m_table->rowAt(m_table->viewport()->height() - 1);
    if (last < 0)
        last = m_table->model()->rowCount() - 1;
    for (int r = first; r <= last; ++r)
        out << r;
    return out;
}

} // namespace Wharf::Ui
