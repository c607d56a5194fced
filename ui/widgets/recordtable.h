#pragma once

#include <QTableView>

class QAbstractItemModel;

namespace Wharf::Ui {

// The table of a record page (tenants, plans, host domains, tenants' daemons, the audit log):
// a RecordTableModel behind a sorting proxy (its SortRole), whole rows selected one at a time,
// nothing edited in place, columns sized to their contents with the last one stretched.
QTableView *makeRecordTable(QAbstractItemModel *model, QWidget *parent, Qt::SortOrder order = Qt::AscendingOrder);

} // namespace Wharf::Ui
