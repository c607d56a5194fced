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
    case TitleRole:
        return t.title;
    case CurrentRole:
        return t.current;
    case TotalRole:
        return t.total;
    case DetailRole:
        return t.detail;
    case CancelableRole:
        return t.state == Running && bool(t.cancel);
    case IdRole:
        return t.id;
    case PartsRole: {
        QVariantList out;
        for (const Part &p : t.parts)
            out << QVariantMap{{QStringLiteral("id"), p.id},
                               {QStringLiteral("status"), p.status},
                               {QStringLiteral("current"), p.current},
                               {QStringLiteral("total"), p.total},
                               {QStringLiteral("done"), p.done}};
        return out;
    }
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

void TaskModel::setProgress(int task, qint64 current, qint64 total, const QList<Part> &parts, const QString &detail)
{
    const int r = rowOf(task);
    if (r < 0 || m_tasks[r].state != Running)
        return;
    Task &t = m_tasks[r];
    t.current = current;
    t.total = total;
    t.parts = parts;
    if (!detail.isEmpty())
        t.detail = detail;
    Q_EMIT dataChanged(index(r), index(r));
}

void TaskModel::setCanceller(int task, std::function<void()> cancel)
{
    const int r = rowOf(task);
    if (r < 0)
        return;
    m_tasks[r].cancel = std::move(cancel);
    Q_EMIT dataChanged(index(r), index(r), {CancelableRole});
}

bool TaskModel::cancel(int task)
{
    const int r = rowOf(task);
    if (r < 0 || m_tasks[r].state != Running || !m_tasks[r].cancel)
        return false;
    auto fn = m_tasks[r].cancel; // the canceller may end the task (and clear itself)
    fn();
    return true;
}

int TaskModel::idAt(int row) const
{
    return row >= 0 && row < m_tasks.size() ? m_tasks[row].id : 0;
}

QList<TaskModel::Part> TaskModel::partsOf(int task) const
{
    const int r = rowOf(task);
    return r < 0 ? QList<Part>() : m_tasks[r].parts;
}

void TaskModel::succeed(int task, const QString &message)
{
    const int r = rowOf(task);
    if (r < 0)
        return;
    m_tasks[r].cancel = nullptr;
    m_tasks[r].state = Succeeded;
    m_tasks[r].message = message;
    Q_EMIT dataChanged(index(r), index(r));
}

void TaskModel::fail(int task, const QString &message)
{
    const int r = rowOf(task);
    if (r < 0)
        return;
    m_tasks[r].cancel = nullptr;
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
