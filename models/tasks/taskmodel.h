#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QVariantList>

#include <functional>

namespace Wharf::Models {

// What the console is doing for the person: one row per action, with its outcome.
class TaskModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum State { Running, Succeeded, Failed };
    enum Roles {
        StateRole = Qt::UserRole + 1,
        MessageRole,
        TitleRole,
        // Overall progress in bytes (0/0 when the task does not say); and per part (a pull's or
        // push's layers): a list of QVariantMaps {id, status, current, total, done}.
        CurrentRole,
        TotalRole,
        PartsRole,
        DetailRole,    // the last line of progress ("Step 2/4 : RUN make", "Extracting")
        CancelableRole,
        IdRole,
    };
    struct Part
    {
        QString id;
        QString status;
        qint64 current = 0;
        qint64 total = 0;
        bool done = false;
    };

    explicit TaskModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    int begin(const QString &title);
    void succeed(int task, const QString &message = {});
    void fail(int task, const QString &message);
    // Progress of a running task; parts replace the previous ones.
    void setProgress(int task, qint64 current, qint64 total, const QList<Part> &parts = {}, const QString &detail = {});
    // A running task that can be stopped (a pull, a push, a build); cleared when it ends.
    void setCanceller(int task, std::function<void()> cancel);
    bool cancel(int task);
    int idAt(int row) const;
    QList<Part> partsOf(int task) const;
    int runningCount() const;
    State stateOf(int task) const;
    QString messageOf(int task) const;

Q_SIGNALS:
    void taskFailed(const QString &title, const QString &message);

private:
    struct Task
    {
        int id;
        QString title;
        State state;
        QString message;
        QDateTime started;
        qint64 current = 0;
        qint64 total = 0;
        QList<Part> parts;
        QString detail;
        std::function<void()> cancel;
    };
    int rowOf(int id) const;
    QList<Task> m_tasks;
    int m_next = 1;
};

} // namespace Wharf::Models
