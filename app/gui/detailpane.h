// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <utility>

#include <QList>
#include <QWidget>

#include "sseevent.h"
#include "streamrecord.h"

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTimer;
class QToolButton;
class JsonHighlighter;

/// The selected row in full: Data (pretty-printed and highlighted when it is JSON), Raw (the
/// event reconstructed as wire lines) and Meta. Server text is only ever shown as plain text.
/// Huge payloads show their first MiB at once; "Show all" streams in the rest without blocking.
///
/// A Connecting, Redirect, Open or Error row shows its exchange in Data: the request as sent
/// (secrets masked), the response's status line and headers and, for a failed response, its
/// body (pretty-printed when it is JSON). A finding shows its verdict, what to do and its
/// evidence, with links to the rows it names.
class DetailPane : public QWidget
{
    Q_OBJECT
public:
    /// Shown at once; the rest on demand.
    static constexpr qsizetype InitialChunk = 1024 * 1024;
    /// JSON above this is shown as it is (parsing and indenting would stall the UI).
    static constexpr qsizetype PrettyJsonLimit = 2 * 1024 * 1024;
    /// Longer lines are split for display: laying out one 1 MiB line takes QPlainTextEdit
    /// ~1.5 s (measured), the same text in 4096-character lines ~15 ms. Copy stays exact.
    static constexpr qsizetype DisplayLineLimit = 4096;

    enum Tab { DataTab, RawTab, MetaTab };

    /// What the tab knows around a life-cycle row.
    struct Context
    {
        /// The exchange of the row's connection: its Connecting, Open and Error records.
        std::optional<StreamRecord> request;
        std::optional<StreamRecord> response;
        std::optional<StreamRecord> failure;
        /// A finding: the numbers of the rows its evidence names.
        QList<qint64> evidenceRows;
    };

    explicit DetailPane(QWidget *parent = nullptr);
    ~DetailPane() override;

    /// Shows an event row. sincePreviousMs: time since the previous event of the tab, if known.
    void setEvent(const SseEvent &event, qint64 number,
                  std::optional<qint64> sincePreviousMs = std::nullopt);
    /// Shows a life-cycle row: its text (a finding in full, an exchange as request and
    /// response), its record as JSON (Raw) and every field (Meta).
    void setRecord(const StreamRecord &record, qint64 number, const Context &context = {});
    void clear();

    /// The Data tab's full text (pretty JSON when shown as such), even the part not loaded yet.
    QString dataText() const { return m_dataText; }
    QString rawText() const { return m_rawText; }
    QString metaText() const;
    bool isJson() const { return m_isJson; }
    /// Whether the Data or Raw tab shows only the first InitialChunk characters.
    bool isTruncated() const;

    QPlainTextEdit *dataEdit() const { return m_dataEdit; }
    QPlainTextEdit *rawEdit() const { return m_rawEdit; }
    QTabWidget *tabs() const { return m_tabs; }

    void retranslateUi();

public slots:
    /// Loads the rest of a huge payload, a chunk per event-loop pass.
    void showAll();
    /// Copies the current tab's full text.
    void copyCurrent();

signals:
    /// The user followed a link to a row (a finding's evidence), by its number.
    void rowRequested(qint64 number);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void showTexts();
    void loadNextChunk();
    void updateMeta();
    void updateShowAllButton();
    void updateRawNote();
    void updateEvidence();
    QString exchangeText() const;

    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_dataEdit = nullptr;
    QPlainTextEdit *m_rawEdit = nullptr;
    QWidget *m_metaPage = nullptr;
    QFormLayout *m_metaLayout = nullptr;
    QLabel *m_rawNote = nullptr;
    /// A finding's rows, as links (our numbers only, never server text).
    QLabel *m_evidenceLabel = nullptr;
    QLabel *m_placeholder = nullptr;
    QPushButton *m_showAllButton = nullptr;
    QToolButton *m_copyButton = nullptr;
    JsonHighlighter *m_highlighter = nullptr;
    QTimer *m_chunkTimer = nullptr;

    QString m_dataText;
    QString m_rawText;
    QString m_dataDisplay; ///< m_dataText with over-long lines split.
    QString m_rawDisplay;
    qsizetype m_dataLoaded = 0; ///< Characters of m_dataDisplay in the editor.
    qsizetype m_rawLoaded = 0;
    bool m_linesSplit = false;
    bool m_isJson = false;

    // What is shown, so a language change can rebuild the Meta tab.
    enum class Shown { Nothing, Event, Lifecycle };
    Shown m_shown = Shown::Nothing;
    SseEvent m_event;
    StreamRecord m_record;
    Context m_context;
    qint64 m_number = 0;
    std::optional<qint64> m_sincePreviousMs;
    QList<std::pair<QString, QString>> m_metaRows; ///< Translated label, value.
};
