#include "docker/format.h"
#include "resourcelistmodel.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>

namespace Wharf::Models {

ResourceListModel::ResourceListModel(QString keyField, QString nameField, QList<Column> columns, QObject *parent)
    : QAbstractTableModel(parent)
    , m_key(std::move(keyField))
    , m_name(std::move(nameField))
    , m_columns(std::move(columns))
{
}

int ResourceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ResourceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size()) + 1;
}

QVariant ResourceListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QJsonObject &o = m_rows[index.row()];
    const QString name = o.value(m_name).toString();
    switch (role) {
    case KeyRole:
        return o.value(m_key).toString();
    case NameRole:
        return name;
    case JsonRole:
        return o;
    case UsedByRole:
        return m_usage.value(name);
    case Qt::ToolTipRole:
        if (index.column() == m_columns.size())
            return m_usage.value(name).join(QLatin1Char('\n'));
        return {};
    case Qt::DisplayRole:
        if (index.column() < m_columns.size())
            return m_columns[index.column()].text(o);
        {
            const QStringList users = m_usage.value(name);
            return users.isEmpty() ? tr("Unused") : users.join(QStringLiteral(", "));
        }
    }
    return {};
}

QVariant ResourceListModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section < m_columns.size())
        return m_columns[section].header;
    return tr("In use by");
}

int ResourceListModel::indexOfKey(const QString &key) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].value(m_key).toString() == key)
            return i;
    return -1;
}

void ResourceListModel::setOwner(const QString &label, const QString &value, const QStringList &shared)
{
    m_ownerLabel = label;
    m_owner = value;
    m_shared = shared;
}

void ResourceListModel::applyList(const QJsonArray &list)
{
    QHash<QString, QJsonObject> fresh;
    QStringList order;
    for (const auto &v : list) {
        const QJsonObject o = v.toObject();
        if (!m_ownerLabel.isEmpty() && o.value(QLatin1String("Labels")).toObject().value(m_ownerLabel).toString() != m_owner
            && !m_shared.contains(o.value(QLatin1String("Name")).toString()))
            continue;
        const QString k = o.value(m_key).toString();
        fresh.insert(k, o);
        order << k;
    }
    for (int r = int(m_rows.size()) - 1; r >= 0; --r) {
        if (!fresh.contains(m_rows[r].value(m_key).toString())) {
            beginRemoveRows({}, r, r);
            m_rows.removeAt(r);
            endRemoveRows();
        }
    }
    QSet<QString> have;
    for (int r = 0; r < m_rows.size(); ++r) {
        const QString k = m_rows[r].value(m_key).toString();
        have.insert(k);
        const QJsonObject &n = fresh[k];
        if (n != m_rows[r]) {
            m_rows[r] = n;
            Q_EMIT dataChanged(index(r, 0), index(r, columnCount() - 1));
        }
    }
    QList<QJsonObject> added;
    for (const auto &k : std::as_const(order))
        if (!have.contains(k))
            added << fresh[k];
    if (!added.isEmpty()) {
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at + int(added.size()) - 1);
        m_rows += added;
        endInsertRows();
    }
}

void ResourceListModel::setUsage(const QHash<QString, QStringList> &usage)
{
    if (usage == m_usage)
        return;
    m_usage = usage;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, int(m_columns.size())), index(int(m_rows.size()) - 1, int(m_columns.size())));
}

static QString created(const QJsonObject &o, const char *field)
{
    const QJsonValue v = o.value(QLatin1String(field));
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : v.toString();
}

ResourceListModel *ResourceListModel::createVolumeModel(QObject *parent)
{
    return new ResourceListModel(
        QStringLiteral("Name"), QStringLiteral("Name"),
        {{tr("Name"), [](const QJsonObject &o) { return o.value(QLatin1String("Name")).toString(); }},
         {tr("Driver"), [](const QJsonObject &o) { return o.value(QLatin1String("Driver")).toString(); }},
         {tr("Mount point"), [](const QJsonObject &o) { return o.value(QLatin1String("Mountpoint")).toString(); }},
         {tr("Created", "column: creation time"), [](const QJsonObject &o) { return created(o, "CreatedAt"); }}},
        parent);
}

QJsonArray ResourceListModel::flattenImages(const QJsonArray &images)
{
    QJsonArray out;
    for (const auto &v : images) {
        const QJsonObject img = v.toObject();
        QStringList tags;
        for (const auto &t : img.value(QLatin1String("RepoTags")).toArray())
            if (t.toString() != QLatin1String("<none>:<none>"))
                tags << t.toString();
        const bool dangling = tags.isEmpty();
        if (dangling) {
            const QJsonArray digests = img.value(QLatin1String("RepoDigests")).toArray();
            tags << QString((digests.isEmpty() ? QStringLiteral("<none>") : digests.first().toString().section(QLatin1Char('@'), 0, 0))
                            + QStringLiteral(":<none>"));
        }
        for (const QString &rt : tags) {
            QJsonObject row = img;
            const qsizetype colon = rt.lastIndexOf(QLatin1Char(':'));
            row.insert(QStringLiteral("Repository"), rt.left(colon));
            row.insert(QStringLiteral("Tag"), rt.mid(colon + 1));
            row.insert(QStringLiteral("Reference"), dangling ? img.value(QLatin1String("Id")).toString() : rt);
            row.insert(QStringLiteral("Dangling"), dangling);
            row.insert(QStringLiteral("Key"), QString(img.value(QLatin1String("Id")).toString() + QLatin1Char('|') + rt));
            out.append(row);
        }
    }
    return out;
}

ResourceListModel *ResourceListModel::createImageModel(QObject *parent)
{
    return new ResourceListModel(
        QStringLiteral("Key"), QStringLiteral("Id"),
        {{tr("Repository"), [](const QJsonObject &o) { return o.value(QLatin1String("Repository")).toString(); }},
         {tr("Tag"), [](const QJsonObject &o) { return o.value(QLatin1String("Tag")).toString(); }},
         {tr("Image ID"), [](const QJsonObject &o) { return o.value(QLatin1String("Id")).toString().mid(7, 12); }},
         {tr("Created", "column: creation time"),
          [](const QJsonObject &o) {
              return QLocale().toString(QDateTime::fromSecsSinceEpoch(qint64(o.value(QLatin1String("Created")).toDouble())),
                                        QLocale::ShortFormat);
          }},
         {tr("Size"), [](const QJsonObject &o) { return Backends::formatSize(o.value(QLatin1String("Size")).toDouble()); }}},
        parent);
}

ResourceListModel *ResourceListModel::createNetworkModel(QObject *parent)
{
    return new ResourceListModel(
        QStringLiteral("Id"), QStringLiteral("Name"),
        {{tr("Name"), [](const QJsonObject &o) { return o.value(QLatin1String("Name")).toString(); }},
         {tr("Driver"), [](const QJsonObject &o) { return o.value(QLatin1String("Driver")).toString(); }},
         {tr("Scope"), [](const QJsonObject &o) { return o.value(QLatin1String("Scope")).toString(); }},
         {tr("Subnet"),
          [](const QJsonObject &o) {
              QStringList s;
              for (const auto &c : o.value(QLatin1String("IPAM")).toObject().value(QLatin1String("Config")).toArray())
                  s << c.toObject().value(QLatin1String("Subnet")).toString();
              return s.join(QStringLiteral(", "));
          }},
         {tr("Created", "column: creation time"), [](const QJsonObject &o) { return created(o, "Created"); }}},
        parent);
}

} // namespace Wharf::Models
