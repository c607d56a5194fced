#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QSet>

namespace Wharf::Models {

// The event stream of a host, newest last, bounded; an event seen twice (after a reconnect
// that asked for events since the last one) is kept once.
class EventListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Type, Action, Actor, Attributes, ColumnCount };
    enum Roles { TypeRole = Qt::UserRole + 1, KeyRole };

    explicit EventListModel(int capacity = 10000, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

    // Returns false for a duplicate.
    bool append(const QJsonObject &event);
    qint64 lastTimeNano() const { return m_lastNano; }
    static QString key(const QJsonObject &event);

private:
    struct Event
    {
        qint64 timeNano;
        QString type, action, actor, attributes, key;
    };
    int m_capacity;
    QList<Event> m_events;
    QSet<QString> m_keys;
    qint64 m_lastNano = 0;
};

} // namespace Wharf::Models
