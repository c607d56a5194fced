#pragma once

#include <QWidget>

#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTableView;
class QSortFilterProxyModel;

namespace Wharf::Models {
class HostConnection;
class ImageActions;
}

namespace Wharf::Ui {

class BuildDialog;

// The images of one host: repository, tag, id, created, size and the containers using each
// (a dangling filter too); pull, push, tag, remove (with force when in use), prune, save, load,
// import, build, run, and the details of an image (history, labels, config, raw inspect).
class ImagesPage : public QWidget
{
    Q_OBJECT
public:
    ImagesPage(Models::HostConnection *host, Models::ImageActions *actions, QWidget *parent = nullptr);
    QTableView *table() const { return m_table; }
    QCheckBox *danglingOnly() const { return m_dangling; }
    QLabel *message() const { return m_message; }
    Models::ImageActions *actions() const { return m_actions; }
    // Questions, replaceable in tests.
    std::function<bool(const QString &question)> confirm;
    std::function<QString(const QString &title, const QString &label, const QString &initial)> askText;
    std::function<QString(bool save, const QString &title)> askFile;
    std::function<bool(const QString &question)> confirmForce;

public Q_SLOTS:
    void pull();
    void pushSelected();
    void tagSelected();
    void removeSelected();
    void prune();
    void saveSelected();
    void load();
    void importTar();
    BuildDialog *build();
    void runSelected();
    void detailsSelected();

Q_SIGNALS:
    // "Run": the containers page opens its create form with this image.
    void runRequested(const QString &image);

private:
    QStringList selectedReferences() const;
    void showMessage(const QString &text);
    Models::HostConnection *m_host;
    Models::ImageActions *m_actions;
    QTableView *m_table;
    QLineEdit *m_filter;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_message;
    QCheckBox *m_dangling;
};

} // namespace Wharf::Ui
