#pragma once

#include <QWidget>

class QTableView;
class QLineEdit;
class QComboBox;
class QSortFilterProxyModel;

namespace Wharf::Models {
class HostConnection;
}

namespace Wharf::Ui {

// The live event stream of a host, filterable by type and text.
class EventsPage : public QWidget
{
    Q_OBJECT
public:
    explicit EventsPage(Models::HostConnection *host, QWidget *parent = nullptr);
    QTableView *table() const { return m_table; }
    QLineEdit *filter() const { return m_filter; }

private:
    QTableView *m_table;
    QLineEdit *m_filter;
    QComboBox *m_type;
    QSortFilterProxyModel *m_text;
    QSortFilterProxyModel *m_byType;
};

} // namespace Wharf::Ui
