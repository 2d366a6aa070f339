// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

#include <QAbstractTableModel>
#include <QList>

#include "proxyconnectioninfo.h"

/// The fault proxy's connections for the Fault Proxy window: one row per client connection of
/// any number of proxies (the app's forward proxy and the demo page's relay), open ones live,
/// closed ones kept (greyed, with why they closed) until clearClosed() or the cap. It keeps the
/// ProxyConnectionInfo values and formats them on demand, so a language switch only needs
/// retranslate().
class ProxyConnectionModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        ClientColumn,
        TargetColumn,
        ModeColumn,
        StateColumn,
        DownstreamColumn,
        UpstreamColumn,
        OpenedColumn,
        FaultsColumn,
        ColumnCount
    };
    enum Role {
        ConnectionIdRole = Qt::UserRole + 1, ///< int: the proxy's connection id.
        SourceRole, ///< int: which proxy, as given to upsert().
        StateRole, ///< int: ProxyConnectionInfo::State.
    };

    /// Closed rows beyond this many go, oldest first.
    static constexpr int MaximumClosedRows = 200;

    /// Names a source's clients that are known ("SSE Scope tab …"); empty when unknown.
    using ClientLabeler = std::function<QString(int source, int connectionId)>;
    /// Names a source in the Client column ("demo page relay"); empty for none.
    using SourceLabeler = std::function<QString(int source)>;

    explicit ProxyConnectionModel(QObject *parent = nullptr);
    ~ProxyConnectionModel() override;

    void setClientLabeler(ClientLabeler labeler);
    void setSourceLabeler(SourceLabeler labeler);

    /// A connection opened, changed or closed: its row is added or updated.
    void upsert(int source, const ProxyConnectionInfo &info);
    /// The open connections of a source with fresh byte counts (FaultProxy::connectionsUpdated).
    void updateTraffic(int source, const QList<ProxyConnectionInfo> &connections);
    /// Every open row of a source is closed (the proxy stopped).
    void closeAll(int source, const QString &reason);
    /// Drops the closed rows.
    void clearClosed();
    /// Formats everything again (language switch).
    void retranslate();
    /// The client labeler may answer differently now (a tab found its connection).
    void refreshClientLabels();

    /// The row of a connection, or -1.
    int rowOf(int source, int connectionId) const;
    const ProxyConnectionInfo &infoAt(int row) const { return m_rows.at(row).info; }
    int sourceAt(int row) const { return m_rows.at(row).source; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        int source = 0;
        ProxyConnectionInfo info;
    };
    QString clientText(const Row &row) const;
    QString faultsText(const ProxyConnectionInfo &info) const;
    void trimClosed();

    QList<Row> m_rows;
    ClientLabeler m_clientLabeler;
    SourceLabeler m_sourceLabeler;
};
