// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "proxyconnectionmodel.h"

#include <QBrush>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QUrl>

#include "faulttext.h"
#include "theme.h"

using namespace Qt::StringLiterals;

ProxyConnectionModel::ProxyConnectionModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

ProxyConnectionModel::~ProxyConnectionModel() = default;

void ProxyConnectionModel::setClientLabeler(ClientLabeler labeler)
{
    m_clientLabeler = std::move(labeler);
}

void ProxyConnectionModel::setSourceLabeler(SourceLabeler labeler)
{
    m_sourceLabeler = std::move(labeler);
}

int ProxyConnectionModel::rowOf(int source, int connectionId) const
{
    // Newest rows are at the end and are the ones asked about most.
    for (qsizetype row = m_rows.size() - 1; row >= 0; --row) {
        if (m_rows.at(row).source == source && m_rows.at(row).info.id == connectionId)
            return int(row);
    }
    return -1;
}

void ProxyConnectionModel::upsert(int source, const ProxyConnectionInfo &info)
{
    if (const int row = rowOf(source, info.id); row >= 0) {
        m_rows[row].info = info;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    } else {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first);
        m_rows.append({ source, info });
        endInsertRows();
    }
    if (info.state == ProxyConnectionInfo::State::Closed)
        trimClosed();
}

void ProxyConnectionModel::updateTraffic(int source, const QList<ProxyConnectionInfo> &connections)
{
    int first = -1;
    int last = -1;
    for (const ProxyConnectionInfo &info : connections) {
        const int row = rowOf(source, info.id);
        if (row < 0 || m_rows.at(row).info.state == ProxyConnectionInfo::State::Closed)
            continue;
        m_rows[row].info = info;
        first = first < 0 ? row : std::min(first, row);
        last = std::max(last, row);
    }
    // One signal for the byte columns of the rows that moved: at most four a second.
    if (first >= 0)
        emit dataChanged(index(first, DownstreamColumn), index(last, FaultsColumn));
}

void ProxyConnectionModel::closeAll(int source, const QString &reason)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        ProxyConnectionInfo &info = m_rows[row].info;
        if (m_rows.at(row).source != source || info.state == ProxyConnectionInfo::State::Closed)
            continue;
        info.state = ProxyConnectionInfo::State::Closed;
        info.closedAt = now;
        info.closeReason = reason;
        emit dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
    }
    trimClosed();
}

void ProxyConnectionModel::clearClosed()
{
    // Closed rows may lie between open ones: remove each run of them with one signal pair.
    for (qsizetype row = m_rows.size() - 1; row >= 0;) {
        if (m_rows.at(row).info.state != ProxyConnectionInfo::State::Closed) {
            --row;
            continue;
        }
        qsizetype first = row;
        while (first > 0 && m_rows.at(first - 1).info.state == ProxyConnectionInfo::State::Closed)
            --first;
        beginRemoveRows({}, int(first), int(row));
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
}

void ProxyConnectionModel::trimClosed()
{
    qsizetype closed = std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &row) {
        return row.info.state == ProxyConnectionInfo::State::Closed;
    });
    for (qsizetype row = 0; row < m_rows.size() && closed > MaximumClosedRows;) {
        if (m_rows.at(row).info.state != ProxyConnectionInfo::State::Closed) {
            ++row;
            continue;
        }
        beginRemoveRows({}, int(row), int(row));
        m_rows.removeAt(row);
        endRemoveRows();
        --closed;
    }
}

void ProxyConnectionModel::retranslate()
{
    emit layoutAboutToBeChanged();
    emit layoutChanged();
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void ProxyConnectionModel::refreshClientLabels()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, ClientColumn), index(int(m_rows.size()) - 1, ClientColumn));
}

int ProxyConnectionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProxyConnectionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ProxyConnectionModel::clientText(const Row &row) const
{
    QString text = row.info.clientAddress.toString() + u':' + QString::number(row.info.clientPort);
    const QString label = m_clientLabeler ? m_clientLabeler(row.source, row.info.id) : QString();
    if (!label.isEmpty())
        text = tr("%1 · %2", "client address · which client it is").arg(text, label);
    return text;
}

QString ProxyConnectionModel::faultsText(const ProxyConnectionInfo &info) const
{
    QStringList faults;
    for (const ProxyFault &fault : info.faults)
        faults << u"#%1 "_s.arg(fault.id) + FaultText::kindName(fault.kind);
    return faults.join(tr(", ", "list separator"));
}

QVariant ProxyConnectionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const ProxyConnectionInfo &info = row.info;
    const bool closed = info.state == ProxyConnectionInfo::State::Closed;
    switch (role) {
    case ConnectionIdRole:
        return info.id;
    case SourceRole:
        return row.source;
    case StateRole:
        return int(info.state);
    case Qt::ForegroundRole:
        if (closed)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn || index.column() == DownstreamColumn
            || index.column() == UpstreamColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == StateColumn && closed && !info.closeReason.isEmpty())
            return Theme::plainToolTip(info.closeReason);
        if (index.column() == TargetColumn || index.column() == ClientColumn)
            return Theme::plainToolTip(data(index, Qt::DisplayRole).toString());
        if (index.column() == FaultsColumn && !info.faults.isEmpty()) {
            QStringList lines;
            for (const ProxyFault &fault : info.faults)
                lines << FaultText::describe(fault);
            return Theme::plainToolTip(lines.join(u'\n'));
        }
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }

    const QLocale locale;
    switch (Column(index.column())) {
    case IdColumn:
        return locale.toString(info.id);
    case ClientColumn:
        return clientText(row);
    case TargetColumn: {
        const QString source = m_sourceLabeler ? m_sourceLabeler(row.source) : QString();
        const QString target = info.mode == ProxyConnectionInfo::Mode::HttpForward
                ? QUrl(info.target).toDisplayString()
                : info.target;
        return source.isEmpty() ? target
                                : tr("%1 (%2)", "target (which proxy)").arg(target, source);
    }
    case ModeColumn:
        return FaultText::modeName(info.mode);
    case StateColumn:
        return closed && !info.closeReason.isEmpty()
                ? tr("%1: %2", "state: why it closed")
                          .arg(FaultText::stateName(info.state), info.closeReason)
                : FaultText::stateName(info.state);
    case DownstreamColumn:
        return locale.formattedDataSize(info.bytesDownstream, 1, QLocale::DataSizeIecFormat);
    case UpstreamColumn:
        return locale.formattedDataSize(info.bytesUpstream, 1, QLocale::DataSizeIecFormat);
    case OpenedColumn:
        return info.openedAt.toLocalTime().toString(u"HH:mm:ss"_s);
    case FaultsColumn:
        return faultsText(info);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ProxyConnectionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case IdColumn:
        return tr("#");
    case ClientColumn:
        return tr("Client");
    case TargetColumn:
        return tr("Target");
    case ModeColumn:
        return tr("Mode", "how the client reached the proxy");
    case StateColumn:
        return tr("State");
    case DownstreamColumn:
        //: Bytes from the server to the client
        return tr("↓ Down");
    case UpstreamColumn:
        //: Bytes from the client to the server
        return tr("↑ Up");
    case OpenedColumn:
        return tr("Opened");
    case FaultsColumn:
        return tr("Faults in force");
    case ColumnCount:
        break;
    }
    return {};
}
