#include "taskmodel.h"

namespace Wharf::Models {

TaskModel::TaskModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int TaskModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tasks.size());
}

QVariant TaskModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_tasks.size())
        return {};
    const Task &t = m_tasks[index.row()];
    switch (role) {
    case Qt::DisplayRole: {
        const QString when = t.started.toString(QStringLiteral("HH:mm:ss"));
        switch (t.state) {
        case Running:
            return tr("%1  %2 …").arg(when, t.title);
        case Succeeded:
            return tr("%1  %2: done").arg(when, t.title);
        case Failed:
            return tr("%1  %2: failed: %3").arg(when, t.title, t.message);
        }
        break;
    }
    case Qt::ToolTipRole:
    case MessageRole:
        return t.message;
    case StateRole:
        return int(t.state);
    }
    return {};
}

int TaskModel::rowOf(int id) const
{
    for (int i = 0; i < m_tasks.size(); ++i)
        if (m_tasks[i].id == id)
            return i;
    return -1;
}

int TaskModel::begin(const QString &title)
{
    if (m_tasks.size() >= 500) {
        beginRemoveRows({}, 0, 0);
        m_tasks.removeFirst();
        endRemoveRows();
    }
    const int at = int(m_tasks.size());
    beginInsertRows({}, at, at);
    m_tasks.append({m_next, title, Running, {}, QDateTime::currentDateTime()});
    endInsertRows();
    return m_next++;
}

void TaskModel::succeed(int task, const QString &message)
{
    const int r = rowOf(task);
    if (r < 0)
        return;
    m_tasks[r].state = Succeeded;
    m_tasks[r].message = message;
    Q_EMIT dataChanged(index(r), index(r));
}

void TaskModel::fail(int task, const QString &message)
{
    const int r = rowOf(task);
    if (r < 0)
        return;
    m_tasks[r].state = Failed;
    m_tasks[r].message = message;
    Q_EMIT dataChanged(index(r), index(r));
    Q_EMIT taskFailed(m_tasks[r].title, message);
}

int TaskModel::runningCount() const
{
    return int(std::count_if(m_tasks.begin(), m_tasks.end(), [](const Task &t) { return t.state == Running; }));
}

TaskModel::State TaskModel::stateOf(int task) const
{
    const int r = rowOf(task);
    return r < 0 ? Failed : m_tasks[r].state;
}

QString TaskModel::messageOf(int task) const
{
    const int r = rowOf(task);
    return r < 0 ? QString() : m_tasks[r].message;
}

} // namespace Wharf::Models
