#pragma once

#include <QElapsedTimer>
#include <QObject>

class QWidget;
class QAbstractItemModel;

// Measures start-up for the benchmarks: from process start to the first paint of the main
// window after the container list holds N rows; also the longest event-loop stall and the
// peak resident memory. Prints one JSON line and quits.
class StartupProbe : public QObject
{
    Q_OBJECT
public:
    StartupProbe(QWidget *window, QAbstractItemModel *containers, int rows);
    static void markProcessStart();
    static qint64 peakRssKiB();

protected:
    bool eventFilter(QObject *o, QEvent *e) override;

private:
    QWidget *m_window;
    QAbstractItemModel *m_model;
    int m_rows;
    bool m_ready = false;
    qint64 m_firstPaintMs = -1;
};
