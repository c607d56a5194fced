#pragma once

#include <QObject>

#include <functional>

class QTableView;
class QTimer;

namespace Wharf::Ui {

// Follows which rows of a table are on screen: changed() is called (at most every 300 ms)
// after rows came, went or moved, the table scrolled, or later() was asked for (the page was
// shown, the rows' contents changed).
class VisibleRows : public QObject
{
    Q_OBJECT
public:
    VisibleRows(QTableView *table, std::function<void()> changed, QObject *parent = nullptr);
    void later();
    void stop();
    // The view's rows on screen, first to last (none when the table is hidden).
    QList<int> rows() const;

private:
    QTableView *m_table;
    QTimer *m_timer;
};

} // namespace Wharf::Ui
