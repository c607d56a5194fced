#include "eventspage.h"

#include "hosts/hostconnection.h"
#include "inventory/eventlistmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Wharf::Ui {

using namespace Models;

EventsPage::EventsPage(HostConnection *host, QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableView)
    , m_filter(new QLineEdit)
    , m_type(new QComboBox)
    , m_text(new QSortFilterProxyModel(this))
    , m_byType(new QSortFilterProxyModel(this))
{
    m_type->addItem(tr("All types"), QString());
    for (const auto &t : {QStringLiteral("container"), QStringLiteral("image"), QStringLiteral("volume"), QStringLiteral("network"),
                          QStringLiteral("daemon")})
        m_type->addItem(t, t);
    m_filter->setPlaceholderText(tr("Filter events"));
    m_filter->setClearButtonEnabled(true);
    m_byType->setSourceModel(host->events());
    m_byType->setFilterRole(EventListModel::TypeRole);
    m_text->setSourceModel(m_byType);
    m_text->setFilterKeyColumn(-1);
    m_text->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->setModel(m_text);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(0, 190);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_type);
    bar->addWidget(m_filter, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_table);
    connect(m_filter, &QLineEdit::textChanged, m_text, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        const QString t = m_type->currentData().toString();
        m_byType->setFilterRegularExpression(t.isEmpty() ? QString() : QStringLiteral("^%1$").arg(t));
    });
    connect(host->events(), &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_table->verticalScrollBar()->value() >= m_table->verticalScrollBar()->maximum() - 2)
            m_table->scrollToBottom();
    });
}

} // namespace Wharf::Ui
