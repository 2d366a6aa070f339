// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include "detailpane.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSyntaxHighlighter>
#include <QTabWidget>
#include <QTextCursor>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include "recordjson.h"
#include "recordtext.h"
#include "ssewriter.h"

using namespace Qt::StringLiterals;

namespace {
// Highlighting runs over the whole document at once; above this it would freeze the UI for
// longer than a click should.
constexpr qsizetype HighlightLimit = 512 * 1024;

bool looksLikeJson(QStringView text)
{
    for (const QChar c : text) {
        if (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r')
            continue;
        return c == u'{' || c == u'[';
    }
    return false;
}

/// Re-indents valid JSON text without parsing it into values, so key order, number literals
/// (big integers, 1.0 vs 1) and escapes stay exactly as the server sent them; QJsonDocument
/// would sort keys and round numbers through double.
QString reindentJson(QStringView json)
{
    QString out;
    out.reserve(json.size() + json.size() / 2);
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    const auto newline = [&out, &depth] {
        out += u'\n';
        out += QString(depth * 2, u' ');
    };
    const auto isSpace = [](QChar c) {
        return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const QChar c = json.at(i);
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == u'"')
                inString = false;
            continue;
        }
        switch (c.unicode()) {
        case u'"':
            inString = true;
            out += c;
            break;
        case u'{':
        case u'[': {
            qsizetype next = i + 1;
            while (next < json.size() && isSpace(json.at(next)))
                ++next;
            const QChar close = c == u'{' ? u'}' : u']';
            if (next < json.size() && json.at(next) == close) {
                out += c;
                out += close;
                i = next;
                break;
            }
            out += c;
            ++depth;
            newline();
            break;
        }
        case u'}':
        case u']':
            --depth;
            newline();
            out += c;
            break;
        case u',':
            out += c;
            newline();
            break;
        case u':':
            out += u": "_s;
            break;
        case u' ':
        case u'\t':
        case u'\n':
        case u'\r':
            break;
        default:
            out += c;
        }
    }
    return out;
}

/// The event as `field: value` lines, written by the same SseWriter as the demo server. The
/// parser keeps no bytes, so this is a reconstruction: an explicit `event: message`, comments,
/// field order and the original line endings are gone. The final empty line is left out.
QString reconstructWireLines(const SseEvent &event)
{
    const QByteArray block = SseWriter::event(event);
    return QString::fromUtf8(QByteArrayView(block).chopped(1));
}

/// Breaks lines longer than limit into limit-sized display lines; sets split when it did.
QString splitLongLines(const QString &text, qsizetype limit, bool &split)
{
    qsizetype run = 0;
    bool needed = false;
    for (const QChar c : text) {
        run = c == u'\n' ? 0 : run + 1;
        if (run > limit) {
            needed = true;
            break;
        }
    }
    if (!needed)
        return text;
    split = true;
    QString out;
    out.reserve(text.size() + text.size() / limit + 1);
    run = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        // Break before the limit is passed, but never between the halves of a surrogate pair.
        if (run >= limit && c != u'\n' && !c.isLowSurrogate()) {
            out += u'\n';
            run = 0;
        }
        out += c;
        run = c == u'\n' ? 0 : run + 1;
    }
    return out;
}

qsizetype chunkEnd(const QString &text, qsizetype from, qsizetype length)
{
    qsizetype end = qMin(text.size(), from + length);
    // Never cut a surrogate pair in half.
    if (end < text.size() && end > from && text.at(end - 1).isHighSurrogate())
        --end;
    return end;
}
} // namespace

/// Keys, strings, numbers and literals of (pretty-printed) JSON, one line at a time.
class JsonHighlighter : public QSyntaxHighlighter
{
public:
    explicit JsonHighlighter(QObject *parent)
        : QSyntaxHighlighter(parent)
        , m_string(uR"("(?:[^"\\]|\\.)*")"_s)
        , m_key(uR"("(?:[^"\\]|\\.)*"(?=\s*:))"_s)
        , m_number(uR"(-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b)"_s)
        , m_literal(uR"(\b(?:true|false|null)\b)"_s)
    {}

    void setDark(bool dark)
    {
        m_keyFormat.setForeground(dark ? QColor(0x7f, 0xb2, 0xff) : QColor(0x1f, 0x4f, 0x99));
        m_keyFormat.setFontWeight(QFont::DemiBold);
        m_stringFormat.setForeground(dark ? QColor(0x8f, 0xd6, 0x94) : QColor(0x2e, 0x7d, 0x32));
        m_numberFormat.setForeground(dark ? QColor(0xf0, 0xa3, 0x5e) : QColor(0xb3, 0x59, 0x00));
        m_literalFormat.setForeground(dark ? QColor(0xd1, 0x9c, 0xf0) : QColor(0x8e, 0x44, 0xad));
    }

protected:
    void highlightBlock(const QString &text) override
    {
        apply(text, m_number, m_numberFormat);
        apply(text, m_literal, m_literalFormat);
        apply(text, m_string, m_stringFormat); // after numbers: digits inside strings are text
        apply(text, m_key, m_keyFormat);
    }

private:
    void apply(const QString &text, const QRegularExpression &expression,
               const QTextCharFormat &format)
    {
        for (auto it = expression.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            setFormat(int(match.capturedStart()), int(match.capturedLength()), format);
        }
    }

    QRegularExpression m_string;
    QRegularExpression m_key;
    QRegularExpression m_number;
    QRegularExpression m_literal;
    QTextCharFormat m_keyFormat;
    QTextCharFormat m_stringFormat;
    QTextCharFormat m_numberFormat;
    QTextCharFormat m_literalFormat;
};

DetailPane::DetailPane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"detailPane"_s);
    buildUi();
    retranslateUi();
}

DetailPane::~DetailPane() = default;

void DetailPane::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    // A finding's rows, as links: shown above the tabs, whichever tab is open.
    m_evidenceLabel = new QLabel(this);
    m_evidenceLabel->setObjectName(u"detailEvidence"_s);
    m_evidenceLabel->setTextFormat(Qt::RichText); // our numbers only, never server text
    m_evidenceLabel->setTextInteractionFlags(Qt::LinksAccessibleByMouse
                                             | Qt::LinksAccessibleByKeyboard);
    m_evidenceLabel->setWordWrap(true);
    m_evidenceLabel->setContentsMargins(4, 2, 4, 0);
    m_evidenceLabel->hide();
    connect(m_evidenceLabel, &QLabel::linkActivated, this, [this](const QString &link) {
        bool ok = false;
        const qint64 number = QStringView(link).sliced(4).toLongLong(&ok); // "row:N"
        if (link.startsWith(u"row:"_s) && ok)
            emit rowRequested(number);
    });
    layout->addWidget(m_evidenceLabel);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"detailTabs"_s);
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs, 1);

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const auto makeEdit = [this, &fixed](const QString &name) {
        auto *edit = new QPlainTextEdit(this);
        edit->setObjectName(name);
        edit->setReadOnly(true);
        edit->setFont(fixed);
        edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        // Wrapped: one long JSON line or token stream should be readable without scrolling.
        edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        edit->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        return edit;
    };

    m_dataEdit = makeEdit(u"detailData"_s);
    m_tabs->addTab(m_dataEdit, QString());

    auto *rawPage = new QWidget(this);
    auto *rawLayout = new QVBoxLayout(rawPage);
    rawLayout->setContentsMargins(0, 2, 0, 0);
    rawLayout->setSpacing(2);
    m_rawNote = new QLabel(rawPage);
    m_rawNote->setTextFormat(Qt::PlainText);
    m_rawNote->setWordWrap(true);
    m_rawNote->setForegroundRole(QPalette::PlaceholderText);
    rawLayout->addWidget(m_rawNote);
    m_rawEdit = makeEdit(u"detailRaw"_s);
    rawLayout->addWidget(m_rawEdit, 1);
    m_tabs->addTab(rawPage, QString());

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_metaPage = new QWidget(scroll);
    m_metaPage->setObjectName(u"detailMeta"_s);
    m_metaLayout = new QFormLayout(m_metaPage);
    m_metaLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_metaLayout->setLabelAlignment(Qt::AlignRight);
    scroll->setWidget(m_metaPage);
    m_tabs->addTab(scroll, QString());

    m_copyButton = new QToolButton(this);
    m_copyButton->setObjectName(u"detailCopyButton"_s);
    m_copyButton->setAutoRaise(true);
    m_copyButton->setIcon(QIcon::fromTheme(u"edit-copy"_s));
    m_copyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(m_copyButton, &QToolButton::clicked, this, &DetailPane::copyCurrent);
    m_tabs->setCornerWidget(m_copyButton, Qt::TopRightCorner);

    auto *truncatedBar = new QHBoxLayout;
    truncatedBar->setContentsMargins(4, 0, 4, 2);
    m_placeholder = new QLabel(this);
    m_placeholder->setObjectName(u"detailTruncatedNote"_s);
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    truncatedBar->addWidget(m_placeholder, 1);
    m_showAllButton = new QPushButton(this);
    m_showAllButton->setObjectName(u"detailShowAllButton"_s);
    connect(m_showAllButton, &QPushButton::clicked, this, &DetailPane::showAll);
    truncatedBar->addWidget(m_showAllButton);
    layout->addLayout(truncatedBar);

    m_chunkTimer = new QTimer(this);
    m_chunkTimer->setInterval(0);
    connect(m_chunkTimer, &QTimer::timeout, this, &DetailPane::loadNextChunk);

    m_highlighter = new JsonHighlighter(this);
    m_highlighter->setDark(palette().color(QPalette::Base).lightness() < 128);

    updateShowAllButton();
}

void DetailPane::setEvent(const SseEvent &event, qint64 number,
                          std::optional<qint64> sincePreviousMs)
{
    m_shown = Shown::Event;
    m_event = event;
    m_number = number;
    m_sincePreviousMs = sincePreviousMs;

    m_isJson = false;
    m_dataText = event.data;
    if (event.data.size() <= PrettyJsonLimit && looksLikeJson(event.data)) {
        QJsonParseError error;
        // Parsed only to validate: the text is re-indented, never re-serialised.
        QJsonDocument::fromJson(event.data.toUtf8(), &error);
        if (error.error == QJsonParseError::NoError) {
            m_isJson = true;
            m_dataText = reindentJson(event.data);
        }
    }
    m_rawText = reconstructWireLines(event);
    showTexts();
    updateMeta();
}

void DetailPane::setRecord(const StreamRecord &record, qint64 number, const Context &context)
{
    m_shown = Shown::Lifecycle;
    m_event = {};
    m_record = record;
    m_context = context;
    m_number = number;
    m_sincePreviousMs.reset();
    m_isJson = false;
    using Kind = StreamRecord::Kind;
    switch (record.kind) {
    case Kind::Finding:
        m_dataText = RecordText::findingText(record.finding);
        break;
    case Kind::Connecting:
    case Kind::Redirect:
    case Kind::Open:
    case Kind::Error:
        m_dataText = exchangeText();
        break;
    default:
        m_dataText = RecordText::summary(record);
        break;
    }
    // The record exactly as recordings and `ssescope-cli watch` write it, indented to read.
    m_rawText = reindentJson(QString::fromUtf8(RecordJson::toJsonLine(record)).trimmed());
    showTexts();
    updateMeta();
}

QString DetailPane::exchangeText() const
{
    const Context &context = m_context;
    const auto headerLines = [](QStringList &lines, const StreamRecord::HeaderList &headers) {
        for (const auto &[name, value] : headers)
            lines << QString::fromLatin1(name) + u": "_s + QString::fromLatin1(value);
    };
    QStringList parts { RecordText::summary(m_record) };
    if (context.request) {
        const StreamRecord &request = *context.request;
        const QUrl url(request.url);
        QString target = url.path(QUrl::FullyEncoded);
        if (target.isEmpty())
            target = u"/"_s;
        if (url.hasQuery())
            target += u'?' + url.query(QUrl::FullyEncoded);
        QString line = (request.method.isEmpty() ? u"GET"_s : request.method) + u' ' + target;
        if (context.response && !context.response->httpVersion.isEmpty())
            line += u" HTTP/"_s + context.response->httpVersion;
        QStringList lines { line };
        headerLines(lines, request.headers);
        //: Heading above the request as it went on the wire (secret values masked)
        parts << tr("Request, as sent") + u'\n' + lines.join(u'\n');
    }
    const SseError *failure = context.failure ? &context.failure->error : nullptr;
    if (context.response) {
        const StreamRecord &response = *context.response;
        QStringList lines { u"HTTP/%1 %2 %3"_s.arg(response.httpVersion)
                                    .arg(response.status)
                                    .arg(response.statusText)
                                    .trimmed() };
        headerLines(lines, response.headers);
        //: Heading above the response's status line and headers
        parts << tr("Response") + u'\n' + lines.join(u'\n');
    } else if (failure && failure->httpStatus != 0) {
        const QString status =
                failure->kind == SseError::Kind::HttpStatus && !failure->detail.isEmpty()
                ? failure->detail
                : QString::number(failure->httpStatus);
        parts << tr("Response") + u'\n' + u"HTTP "_s + status + u'\n'
                        + tr("(The headers of a response that failed the stream are not "
                             "recorded.)");
        if (failure->kind == SseError::Kind::HttpStatus) {
            QString body = failure->body;
            if (looksLikeJson(body)) {
                QJsonParseError error;
                QJsonDocument::fromJson(body.toUtf8(), &error);
                if (error.error == QJsonParseError::NoError)
                    body = reindentJson(body);
            }
            if (body.isEmpty())
                parts << tr("The response had no body.");
            else if (failure->bodyTruncated)
                //: Heading above a failed response's body; %1 = how much of it was kept
                parts << tr("Response body (the first %1)")
                                        .arg(QLocale().formattedDataSize(
                                                SseError::MaximumBodyBytes))
                                + u'\n' + body;
            else
                //: Heading above a failed response's body (a 401's JSON message, …)
                parts << tr("Response body") + u'\n' + body;
        }
    } else if (!failure) {
        parts << tr("No response yet.");
    }
    // The status line says it for an error status; anything else is said once, here.
    if (failure && failure->kind != SseError::Kind::HttpStatus)
        //: How the connection ended; %1 = the failure in words
        parts << (context.response || failure->httpStatus != 0 ? tr("Then: %1")
                                                               : tr("No response: %1"))
                         .arg(RecordText::describe(*failure));
    return parts.join(u"\n\n"_s);
}

void DetailPane::updateEvidence()
{
    const bool shown = m_shown == Shown::Lifecycle && m_record.kind == StreamRecord::Kind::Finding
            && !m_context.evidenceRows.isEmpty();
    m_evidenceLabel->setVisible(shown);
    if (!shown)
        return;
    const QLocale locale;
    QStringList links;
    for (const qint64 row : m_context.evidenceRows)
        links << u"<a href=\"row:%1\">#%2</a>"_s.arg(row).arg(locale.toString(row));
    //: Above a finding's details: %1 = links to the table rows it is about ("#16, #18")
    m_evidenceLabel->setText(
            tr("Evidence in the table: %1").toHtmlEscaped().arg(links.join(u", "_s)));
    m_evidenceLabel->setToolTip(tr("Click a row number to select that row"));
}

void DetailPane::clear()
{
    m_shown = Shown::Nothing;
    m_event = {};
    m_context = {};
    m_isJson = false;
    m_dataText.clear();
    m_rawText.clear();
    showTexts();
    updateMeta();
}

void DetailPane::showTexts()
{
    m_chunkTimer->stop();
    // Detach the highlighter first so the plain case never pays for a rehighlight.
    m_highlighter->setDocument(nullptr);
    m_linesSplit = false;
    m_dataDisplay = splitLongLines(m_dataText, DisplayLineLimit, m_linesSplit);
    m_rawDisplay = splitLongLines(m_rawText, DisplayLineLimit, m_linesSplit);
    m_dataLoaded = chunkEnd(m_dataDisplay, 0, InitialChunk);
    m_rawLoaded = chunkEnd(m_rawDisplay, 0, InitialChunk);
    m_dataEdit->setPlainText(m_dataDisplay.left(m_dataLoaded));
    m_rawEdit->setPlainText(m_rawDisplay.left(m_rawLoaded));
    if (m_isJson && m_dataText.size() <= HighlightLimit)
        m_highlighter->setDocument(m_dataEdit->document());
    // Pretty JSON reads best unwrapped; everything else wraps so long lines stay visible.
    m_dataEdit->setLineWrapMode(m_isJson ? QPlainTextEdit::NoWrap : QPlainTextEdit::WidgetWidth);
    updateRawNote();
    updateShowAllButton();
    updateEvidence();
}

bool DetailPane::isTruncated() const
{
    return m_dataLoaded < m_dataDisplay.size() || m_rawLoaded < m_rawDisplay.size();
}

void DetailPane::showAll()
{
    if (isTruncated() && !m_chunkTimer->isActive()) {
        m_chunkTimer->start();
        updateShowAllButton();
    }
}

void DetailPane::loadNextChunk()
{
    // One chunk per event-loop pass: the UI keeps painting and taking input in between.
    const auto append = [](QPlainTextEdit *edit, const QString &text, qsizetype &loaded) {
        if (loaded >= text.size())
            return;
        const qsizetype end = chunkEnd(text, loaded, InitialChunk);
        QTextCursor cursor(edit->document());
        cursor.movePosition(QTextCursor::End);
        cursor.insertText(text.mid(loaded, end - loaded));
        loaded = end;
    };
    append(m_dataEdit, m_dataDisplay, m_dataLoaded);
    append(m_rawEdit, m_rawDisplay, m_rawLoaded);
    if (!isTruncated())
        m_chunkTimer->stop();
    updateShowAllButton();
}

void DetailPane::updateShowAllButton()
{
    const bool truncated = isTruncated();
    m_placeholder->setVisible(truncated || m_linesSplit);
    m_showAllButton->setVisible(truncated);
    const QString splitNote = m_linesSplit
            ? tr("Lines longer than %1 characters are split for display; Copy "
                 "copies the exact text.")
                      .arg(DisplayLineLimit)
            : QString();
    if (!truncated) {
        m_placeholder->setText(splitNote);
        return;
    }
    const QLocale locale;
    const QString total = locale.formattedDataSize(qMax(m_dataDisplay.size(), m_rawDisplay.size()));
    QString note;
    if (m_chunkTimer->isActive()) {
        note = tr("Loading… %1 of %2").arg(locale.formattedDataSize(m_dataLoaded), total);
        m_showAllButton->setEnabled(false);
    } else {
        note = tr("Showing the first %1 of %2").arg(locale.formattedDataSize(m_dataLoaded), total);
        m_showAllButton->setEnabled(true);
    }
    m_placeholder->setText(splitNote.isEmpty() ? note : note + u' ' + splitNote);
    m_showAllButton->setText(tr("Show All (%1)").arg(total));
}

void DetailPane::updateMeta()
{
    const QLocale locale;
    m_metaRows.clear();
    const QString time = m_event.receivedAt.isValid()
            ? m_event.receivedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s)
            : QString();
    const QString connection =
            m_event.connection > 0 ? QString::number(m_event.connection) : tr("None");
    if (m_shown == Shown::Event) {
        qsizetype lines = m_event.data.isEmpty() ? 0 : m_event.data.count(u'\n') + 1;
        m_metaRows = {
            { tr("Row"), QString::number(m_number) },
            { tr("Received"), time },
            { tr("Connection"), connection },
            { tr("Sequence", "dispatch counter of the connection's parser"),
              QString::number(m_event.sequence) },
            { tr("Type"), m_event.type },
            { tr("Id", "the event's own id: field"),
              m_event.hasId ? m_event.lastEventId : tr("(none)") },
            { tr("Last-Event-ID"),
              m_event.lastEventId.isEmpty() ? tr("(empty)") : m_event.lastEventId },
            { tr("Raw size"),
              tr("%n byte(s)", nullptr, int(qMin<qint64>(m_event.rawSize, INT_MAX))) },
            { tr("Data length"),
              tr("%1 characters, %2 lines")
                      .arg(locale.toString(m_event.data.size()), locale.toString(lines)) },
            { tr("Since previous event"),
              m_sincePreviousMs ? tr("%1 ms").arg(locale.toString(*m_sincePreviousMs))
                                : tr("(first event)") },
        };
    } else if (m_shown == Shown::Lifecycle) {
        m_metaRows = { { tr("Row"), QString::number(m_number) } };
        m_metaRows += RecordText::details(m_record);
    }

    while (m_metaLayout->rowCount() > 0)
        m_metaLayout->removeRow(0);
    for (const auto &[label, value] : std::as_const(m_metaRows)) {
        auto *valueLabel = new QLabel(value, m_metaPage);
        valueLabel->setTextFormat(Qt::PlainText); // ids and types are server text
        valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        valueLabel->setWordWrap(true);
        auto *keyLabel = new QLabel(label, m_metaPage);
        keyLabel->setTextFormat(Qt::PlainText);
        m_metaLayout->addRow(keyLabel, valueLabel);
    }
}

QString DetailPane::metaText() const
{
    QStringList lines;
    for (const auto &[label, value] : m_metaRows)
        lines << label + u": "_s + value;
    return lines.join(u'\n');
}

void DetailPane::copyCurrent()
{
    QString text;
    switch (m_tabs->currentIndex()) {
    case DataTab:
        text = m_dataText;
        break;
    case RawTab:
        text = m_rawText;
        break;
    case MetaTab:
        text = metaText();
        break;
    default:
        break;
    }
    QApplication::clipboard()->setText(text);
}

void DetailPane::updateRawNote()
{
    m_rawNote->setText(m_shown == Shown::Lifecycle
                               ? tr("This record as recordings, exports and ssescope-cli watch "
                                    "write it.")
                               : tr("Reconstructed from the parsed event: comments, an explicit "
                                    "\"event: message\" and the original line endings are not "
                                    "kept."));
}

void DetailPane::retranslateUi()
{
    m_tabs->setTabText(DataTab, tr("Data"));
    m_tabs->setTabText(RawTab, tr("Raw"));
    m_tabs->setTabText(MetaTab, tr("Meta", "event metadata tab"));
    m_dataEdit->setPlaceholderText(tr("Select a row to see the event in full."));
    updateRawNote();
    m_copyButton->setText(tr("Copy"));
    m_copyButton->setToolTip(tr("Copy the whole text of this tab"));
    updateShowAllButton();
    if (m_shown == Shown::Lifecycle)
        setRecord(m_record, m_number, m_context); // its text is formatted in the new language
    else
        updateMeta();
}

void DetailPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    } else if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setDark(palette().color(QPalette::Base).lightness() < 128);
        if (m_highlighter->document())
            m_highlighter->rehighlight();
    }
    QWidget::changeEvent(event);
}
