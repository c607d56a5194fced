#include "navigationmodel.h"

#include <QMimeData>

namespace Wharf::Ui {

QStringList NavigationModel::mimeTypes() const
{
    return {QLatin1String(HostMime)};
}

QMimeData *NavigationModel::mimeData(const QModelIndexList &indexes) const
{
    for (const auto &i : indexes) {
        // Only host rows (they have an id and no page kind) are dragged.
        if (!i.data(HostIdRole).toString().isEmpty() && i.data(KindRole).toInt() == 0) {
            auto *m = new QMimeData;
            m->setData(QLatin1String(HostMime), i.data(HostIdRole).toString().toUtf8());
            return m;
        }
    }
    return nullptr;
}

QModelIndex NavigationModel::groupOf(const QModelIndex &index) const
{
    QModelIndex i = index;
    while (i.isValid() && i.parent().isValid())
        i = i.parent();
    return i;
}

bool NavigationModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int, const QModelIndex &parent) const
{
    return data && data->hasFormat(QLatin1String(HostMime)) && groupOf(parent).isValid();
}

bool NavigationModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QModelIndex group = groupOf(parent);
    Q_EMIT hostDropped(QString::fromUtf8(data->data(QLatin1String(HostMime))), group.data(GroupRole).toString());
    return false; // the host list changes, and the tree follows it
}

} // namespace Wharf::Ui
