#include "recordtablemodel.h"

#include <QHash>
#include <QSet>

namespace Wharf::Models {

RecordTableModel::RecordTableModel(QStringList headers, QObject *parent)
    : QAbstractTableModel(parent)
    , m_headers(std::move(headers))
{
}

int RecordTableModel::rowOf(const QString &key) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].key == key)
            return i;
    return -1;
}

void RecordTableModel::setRecords(const QList<Record> &records)
{
    QHash<QString, const Record *> incoming;
    for (const auto &r : records)
        incoming.insert(r.key, &r);
    // Gone: remove from the bottom up so row numbers stay valid.
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (incoming.contains(m_rows[i].key))
            continue;
        beginRemoveRows({}, i, i);
        m_rows.removeAt(i);
        endRemoveRows();
    }
    QSet<QString> have;
    for (int i = 0; i < m_rows.size(); ++i) {
        have.insert(m_rows[i].key);
        const Record &n = *incoming.value(m_rows[i].key);
        if (!(n == m_rows[i])) {
            m_rows[i] = n;
            Q_EMIT dataChanged(index(i, 0), index(i, columnCount() - 1));
        }
    }
    QList<Record> added;
    for (const auto &r : records)
        if (!have.contains(r.key))
            added << r;
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size() - 1));
        m_rows += added;
        endInsertRows();
    }
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Record &r = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return r.cells.value(index.column());
    case KeyRole:
        return r.key;
    case SortRole:
        return index.column() < r.sortValues.size() && r.sortValues[index.column()].isValid() ? r.sortValues[index.column()]
                                                                                                : QVariant(r.cells.value(index.column()));
    case Qt::ForegroundRole:
        return r.foreground;
    default:
        return {};
    }
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o == Qt::Horizontal && role == Qt::DisplayRole)
        return m_headers.value(section);
    return {};
}

} // namespace Wharf::Models
