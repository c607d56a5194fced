#include "eventlistmodel.h"

#include <QDateTime>
#include <QJsonObject>

namespace Wharf::Models {

EventListModel::EventListModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(capacity)
{
}

int EventListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventListModel::key(const QJsonObject &e)
{
    return QString::number(qint64(e.value(QLatin1String("timeNano")).toDouble())) + QLatin1Char('/')
        + e.value(QLatin1String("Type")).toString() + QLatin1Char('/') + e.value(QLatin1String("Action")).toString()
        + QLatin1Char('/') + e.value(QLatin1String("Actor")).toObject().value(QLatin1String("ID")).toString();
}

bool EventListModel::append(const QJsonObject &e)
{
    const QString k = key(e);
    if (m_keys.contains(k))
        return false;
    Event ev;
    ev.timeNano = qint64(e.value(QLatin1String("timeNano")).toDouble());
    ev.type = e.value(QLatin1String("Type")).toString();
    ev.action = e.value(QLatin1String("Action")).toString();
    const QJsonObject actor = e.value(QLatin1String("Actor")).toObject();
    const QJsonObject attrs = actor.value(QLatin1String("Attributes")).toObject();
    ev.actor = attrs.value(QLatin1String("name")).toString();
    if (ev.actor.isEmpty())
        ev.actor = actor.value(QLatin1String("ID")).toString().left(12);
    QStringList kv;
    for (auto it = attrs.begin(); it != attrs.end(); ++it)
        if (it.key() != QLatin1String("name"))
            kv << it.key() + QLatin1Char('=') + it.value().toString();
    ev.attributes = kv.join(QStringLiteral(", "));
    ev.key = k;
    if (m_events.size() >= m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_keys.remove(m_events.first().key);
        m_events.removeFirst();
        endRemoveRows();
    }
    const int at = int(m_events.size());
    beginInsertRows({}, at, at);
    m_events.append(ev);
    m_keys.insert(k);
    endInsertRows();
    m_lastNano = std::max(m_lastNano, ev.timeNano);
    return true;
}

QVariant EventListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_events.size())
        return {};
    const Event &e = m_events[index.row()];
    if (role == TypeRole)
        return e.type;
    if (role == KeyRole)
        return e.key;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return QDateTime::fromMSecsSinceEpoch(e.timeNano / 1000000).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    case Type:
        return e.type;
    case Action:
        return e.action;
    case Actor:
        return e.actor;
    case Attributes:
        return e.attributes;
    }
    return {};
}

QVariant EventListModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Type:
        return tr("Type");
    case Action:
        return tr("Action");
    case Actor:
        return tr("Object");
    case Attributes:
        return tr("Attributes");
    }
    return {};
}

} // namespace Wharf::Models
