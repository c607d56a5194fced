#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <QVariant>

namespace Wharf::Models {

// A table of records that reloads in place: rows are matched by key, so a reload changes the
// rows that changed, removes the ones that went and appends new ones (never a reset; the
// selection and scroll position survive). Used for tenants, plans, host domains, the audit log.
class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    struct Record
    {
        QString key;
        QStringList cells;
        QList<QVariant> sortValues; // per column; empty: sort by text
        QVariant foreground;        // a colour for the whole row (suspended tenants, denials)
        bool operator==(const Record &) const = default;
    };
    static constexpr int KeyRole = Qt::UserRole + 1;
    static constexpr int SortRole = Qt::UserRole + 2;

    explicit RecordTableModel(QStringList headers, QObject *parent = nullptr);
    void setRecords(const QList<Record> &records);
    const Record *record(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr; }
    int rowOf(const QString &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

private:
    QStringList m_headers;
    QList<Record> m_rows;
};

} // namespace Wharf::Models
