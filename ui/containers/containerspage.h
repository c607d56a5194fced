#pragma once

#include <QWidget>

class QTableView;
class QLineEdit;
class QSortFilterProxyModel;
class QAction;
class QLabel;

namespace Wharf::Models {
class HostConnection;
class StatsMonitor;
}

class QTimer;

namespace Wharf::Ui {

class LimitsDialog;

// The containers of one host: a sortable, filterable table with multi-select actions.
class ContainersPage : public QWidget
{
    Q_OBJECT
public:
    explicit ContainersPage(Models::HostConnection *host, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QLineEdit *filter() const { return m_filter; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QStringList selectedIds() const;
    // The confirmation is asked through this hook (tests replace it).
    std::function<bool(const QString &question)> confirm;

public Q_SLOTS:
    // The create form; image preselects an image (the images page's "Run").
    void createContainer(const QString &image = {});
    void removeSelected();
    // Change the CPU/memory limits of the selected containers (the dialog is open, not modal).
    LimitsDialog *changeLimits();
    void openDetails(const QString &id);

protected:
    // Stats streams follow what is on screen: started when the page shows, stopped when hidden.
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateActions();
    void updateWatched();
    QTimer *m_watchTimer = nullptr;
    Models::HostConnection *m_host;
    Models::StatsMonitor *m_stats;
    QTableView *m_table;
    QLineEdit *m_filter;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_message;
    QList<QAction *> m_selectionActions;
};

} // namespace Wharf::Ui
