#pragma once

#include <QDialog>
#include <QJsonObject>
#include <QPointer>

class QTabWidget;
class QPlainTextEdit;
class QListView;
class QCheckBox;
class QLineEdit;
class QLabel;
class QSortFilterProxyModel;

namespace Wharf::Models {
class ExecSession;
class HostConnection;
class LogModel;
class LogFollower;
class StatsFeed;
}

namespace Wharf::Ui {

class TerminalWidget;
class StatsCharts;

// Everything about one container: overview, environment, ports, mounts, labels, the raw
// inspect JSON, logs (bounded, searchable, follow), live charts and an exec console.
class ContainerDetailsDialog : public QDialog
{
    Q_OBJECT
public:
    ContainerDetailsDialog(Models::HostConnection *host, const QString &containerId, QWidget *parent = nullptr);
    ~ContainerDetailsDialog() override;

    QTabWidget *tabs() const { return m_tabs; }
    Models::LogModel *logModel() const { return m_logs; }
    Models::LogFollower *logFollower() const { return m_follower; }
    QListView *logView() const { return m_logView; }
    TerminalWidget *terminal() const { return m_terminal; }
    StatsCharts *charts() const { return m_charts; }
    void startConsole(const QString &command);
    void restartLogs();

private:
    void loadInspect();
    void showInspect(const QJsonObject &o);
    QWidget *buildLogsTab();
    QWidget *buildConsoleTab();

    Models::HostConnection *m_host;
    QString m_id;
    bool m_tty = false;
    QTabWidget *m_tabs;
    QLabel *m_status = nullptr;
    QPlainTextEdit *m_inspect = nullptr;
    QWidget *m_overview = nullptr;
    Models::LogModel *m_logs = nullptr;
    QSortFilterProxyModel *m_logFilter = nullptr;
    QListView *m_logView = nullptr;
    QCheckBox *m_follow = nullptr;
    QCheckBox *m_timestamps = nullptr;
    QLineEdit *m_search = nullptr;
    Models::LogFollower *m_follower = nullptr;
    QLabel *m_logStatus = nullptr;
    Models::StatsFeed *m_stats = nullptr;
    StatsCharts *m_charts = nullptr;
    TerminalWidget *m_terminal = nullptr;
    QLineEdit *m_shell = nullptr;
    QLabel *m_consoleStatus = nullptr;
    Models::ExecSession *m_exec = nullptr;
};

} // namespace Wharf::Ui
