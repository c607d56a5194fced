#pragma once

#include <QStyledItemDelegate>

namespace Wharf::Ui {

// A row of the task list: the task's line, its current step, and while it runs one progress
// bar per layer (pulls and pushes) or an overall bar.
class TaskDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int MaxBars = 8;
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // How many bars a row shows (for tests): layers (capped), or one overall bar, or none.
    static int barCount(const QModelIndex &index);
};

} // namespace Wharf::Ui
