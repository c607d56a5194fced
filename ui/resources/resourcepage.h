#pragma once

#include <QWidget>

class QTableView;
class QLineEdit;
class QSortFilterProxyModel;
class QLabel;

namespace Wharf::Models {
class HostConnection;
}

namespace Wharf::Ui {

// Volumes or networks of one host: list, create, inspect, remove (with "in use by").
class ResourcePage : public QWidget
{
    Q_OBJECT
public:
    enum Kind { Volumes, Networks };
    ResourcePage(Models::HostConnection *host, Kind kind, QWidget *parent = nullptr);
    QTableView *table() const { return m_table; }
    std::function<bool(const QString &)> confirm;
    std::function<QString(const QString &title, const QString &label)> askName;

public Q_SLOTS:
    void create();
    void removeSelected();
    void inspectSelected();

private:
    Models::HostConnection *m_host;
    Kind m_kind;
    QTableView *m_table;
    QLineEdit *m_filter;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_message;
};

} // namespace Wharf::Ui
