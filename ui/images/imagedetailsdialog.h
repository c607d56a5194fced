#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QTableWidget;
class QTabWidget;

namespace Wharf::Models {
class HostConnection;
}

namespace Wharf::Ui {

// One image: what it runs (command, entrypoint, environment, ports), its layers with the
// command that made each, its labels, and the engine's raw inspect.
class ImageDetailsDialog : public QDialog
{
    Q_OBJECT
public:
    ImageDetailsDialog(Models::HostConnection *host, const QString &reference, QWidget *parent = nullptr);
    QTabWidget *tabs() const { return m_tabs; }
    QTableWidget *history() const { return m_history; }
    QTableWidget *labels() const { return m_labels; }
    QLabel *overview() const { return m_overview; }
    QPlainTextEdit *raw() const { return m_raw; }

private:
    QTabWidget *m_tabs;
    QLabel *m_overview;
    QTableWidget *m_history;
    QTableWidget *m_labels;
    QPlainTextEdit *m_raw;
};

} // namespace Wharf::Ui
