#pragma once

#include <QStandardItemModel>

namespace Wharf::Ui {

// The navigation tree: groups, their hosts, and each host's pages. Hosts can be dragged onto
// another group; the model does not move rows itself but asks (hostDropped), and the tree
// follows the host list when it has changed.
class NavigationModel : public QStandardItemModel
{
    Q_OBJECT
public:
    static constexpr int HostIdRole = Qt::UserRole + 1;
    static constexpr int KindRole = Qt::UserRole + 2;
    static constexpr int GroupRole = Qt::UserRole + 3; // on group rows: the group's name ("" for none)
    static constexpr const char *HostMime = "application/x-wharf-host-id";

    using QStandardItemModel::QStandardItemModel;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }

    // The group row a drop on this index means (the group itself, or the group of a host row).
    QModelIndex groupOf(const QModelIndex &index) const;

Q_SIGNALS:
    void hostDropped(const QString &hostId, const QString &group);
};

} // namespace Wharf::Ui
