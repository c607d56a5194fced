#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace Wharf::Models {

// Volumes and networks: rows keyed by one field of the daemon's JSON, kept in place on every
// listing (inserted, changed, removed; never reset). "In use by" comes from the containers.
class ResourceListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    struct Column
    {
        QString header;
        std::function<QString(const QJsonObject &)> text;
    };
    enum Roles { KeyRole = Qt::UserRole + 1, NameRole, JsonRole, UsedByRole };

    ResourceListModel(QString keyField, QString nameField, QList<Column> columns, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

    void applyList(const QJsonArray &list);
    // Only objects whose label has this value (and those named in shared); an empty label
    // shows all. From the next list.
    void setOwner(const QString &label, const QString &value, const QStringList &shared = {});
    // name -> container names using it
    void setUsage(const QHash<QString, QStringList> &usage);
    QStringList usedBy(const QString &name) const { return m_usage.value(name); }
    QJsonObject objectAt(int row) const { return m_rows.value(row); }
    int indexOfKey(const QString &key) const;

    static ResourceListModel *createVolumeModel(QObject *parent);
    static ResourceListModel *createNetworkModel(QObject *parent);
    // Images: one row per repository:tag (an untagged image is one "<none>" row), keyed
    // "id|repo:tag"; "in use by" goes by image id. Give it the list through flattenImages().
    static ResourceListModel *createImageModel(QObject *parent);
    static QJsonArray flattenImages(const QJsonArray &images);

private:
    QString m_key, m_name;
    QString m_ownerLabel, m_owner;
    QStringList m_shared; // keys listed whoever owns them (the daemon's own networks)
    QList<Column> m_columns;
    QList<QJsonObject> m_rows;
    QHash<QString, QStringList> m_usage;
};

} // namespace Wharf::Models
