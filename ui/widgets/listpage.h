#pragma once

#include <QList>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QToolBar;
class QWidget;

namespace Wharf::Ui {

// What the list pages (containers, volumes, networks) share: a read-only, sortable table of
// whole rows behind a case-insensitive filter over every column, a hidden red message line,
// and the page's layout (toolbar, filter, message, table).
void setUpListPage(QWidget *page, QToolBar *toolbar, QLineEdit *filter, QLabel *message, QSortFilterProxyModel *proxy,
                   QAbstractItemModel *source, QTableView *table, int sortColumn);

} // namespace Wharf::Ui
