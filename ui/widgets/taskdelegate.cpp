#include "taskdelegate.h"

#include "docker/format.h"
#include "tasks/taskmodel.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

namespace Wharf::Ui {

using Models::TaskModel;

int TaskDelegate::barCount(const QModelIndex &index)
{
    if (index.data(TaskModel::StateRole).toInt() != TaskModel::Running)
        return 0;
    const int parts = int(index.data(TaskModel::PartsRole).toList().size());
    if (parts > 0)
        return std::min(parts, MaxBars) + (parts > MaxBars ? 1 : 0);
    return index.data(TaskModel::TotalRole).toLongLong() > 0 ? 1 : 0;
}

QSize TaskDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    const int line = option.fontMetrics.height();
    const bool detail = index.data(TaskModel::StateRole).toInt() == TaskModel::Running && !index.data(TaskModel::DetailRole).toString().isEmpty();
    s.setHeight(s.height() + (detail ? line : 0) + barCount(index) * (line + 2));
    return s;
}

void TaskDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int line = opt.fontMetrics.height();
    const bool running = index.data(TaskModel::StateRole).toInt() == TaskModel::Running;
    const QString detail = running ? index.data(TaskModel::DetailRole).toString() : QString();
    const int bars = barCount(index);
    // The usual row (text, selection) in the top part.
    QStyleOptionViewItem top = opt;
    top.rect.setHeight(QStyledItemDelegate::sizeHint(option, index).height());
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);
    style->drawControl(QStyle::CE_ItemViewItem, &top, painter, opt.widget);
    int y = top.rect.bottom() + 1;
    const int left = opt.rect.left() + 16;
    const int width = opt.rect.width() - 24;
    painter->save();
    if (!detail.isEmpty()) {
        painter->setPen(opt.palette.color(QPalette::PlaceholderText));
        painter->drawText(QRect(left, y, width, line), Qt::AlignLeft | Qt::AlignVCenter,
                          opt.fontMetrics.elidedText(detail, Qt::ElideRight, width));
        y += line;
    }
    painter->restore();
    auto bar = [&](const QString &label, qint64 current, qint64 total, bool done) {
        const int labelWidth = std::min(width / 2, 260);
        painter->save();
        painter->drawText(QRect(left, y, labelWidth - 6, line), Qt::AlignLeft | Qt::AlignVCenter,
                          opt.fontMetrics.elidedText(label, Qt::ElideRight, labelWidth - 6));
        painter->restore();
        QStyleOptionProgressBar pb;
        pb.rect = QRect(left + labelWidth, y + 1, width - labelWidth, line - 2);
        pb.minimum = 0;
        pb.maximum = 1000;
        pb.progress = done ? 1000 : total > 0 ? int(std::min<qint64>(1000, current * 1000 / total)) : 0;
        if (!done && total <= 0)
            pb.maximum = 0; // unknown size: a busy bar
        pb.textVisible = total > 0 && !done;
        pb.text = total > 0 ? Backends::formatSize(double(current)) + QStringLiteral(" / ") + Backends::formatSize(double(total)) : QString();
        pb.state = QStyle::State_Enabled | QStyle::State_Horizontal;
        pb.palette = opt.palette;
        pb.fontMetrics = opt.fontMetrics;
        style->drawControl(QStyle::CE_ProgressBar, &pb, painter, opt.widget);
        y += line + 2;
    };
    const QVariantList parts = index.data(TaskModel::PartsRole).toList();
    if (bars > 0 && !parts.isEmpty()) {
        for (int i = 0; i < parts.size() && i < MaxBars; ++i) {
            const QVariantMap p = parts[i].toMap();
            bar(p.value(QStringLiteral("id")).toString() + QStringLiteral("  ") + p.value(QStringLiteral("status")).toString(),
                p.value(QStringLiteral("current")).toLongLong(), p.value(QStringLiteral("total")).toLongLong(), p.value(QStringLiteral("done")).toBool());
        }
        if (parts.size() > MaxBars) {
            qint64 cur = 0, tot = 0;
            for (int i = MaxBars; i < parts.size(); ++i) {
                cur += parts[i].toMap().value(QStringLiteral("current")).toLongLong();
                tot += parts[i].toMap().value(QStringLiteral("total")).toLongLong();
            }
            bar(tr("%n more layers", nullptr, int(parts.size() - MaxBars)), cur, tot, false);
        }
    } else if (bars > 0) {
        bar(tr("Progress"), index.data(TaskModel::CurrentRole).toLongLong(), index.data(TaskModel::TotalRole).toLongLong(), false);
    }
}

} // namespace Wharf::Ui
