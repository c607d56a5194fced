#pragma once

#include <QAbstractListModel>
#include <QDateTime>

namespace Wharf::Models {

// What the console is doing for the person: one row per action, with its outcome.
class TaskModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum State { Running, Succeeded, Failed };
    enum Roles { StateRole = Qt::UserRole + 1, MessageRole };

    explicit TaskModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    int begin(const QString &title);
    void succeed(int task, const QString &message = {});
    void fail(int task, const QString &message);
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
    };
    int rowOf(int id) const;
    QList<Task> m_tasks;
    int m_next = 1;
};

} // namespace Wharf::Models
