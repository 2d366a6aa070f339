// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "connectionpanel.h"
#include "detailpane.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "messagefilterproxymodel.h"
#include "messagemodel.h"
#include "messageview.h"
#include "rawsseserver.h"
#include "recordtext.h"
#include "streamtab.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int Timeout = 10'000;
const QString Chinese = u"zh_CN"_s;
const QString English = u"en"_s;

/// One <message> of a .ts file, as lupdate identifies it.
struct TsMessage
{
    QString context;
    QString source;
    QString comment; ///< The disambiguation, part of the key.
    bool numerus = false;
    QString translationType; ///< "unfinished", "vanished", "obsolete" or empty.
    QStringList forms; ///< The translation, or its numerus forms.

    QString key() const { return context + u" | "_s + source + u" | "_s + comment; }
};

QList<TsMessage> readTs(const QString &path, QString *language = nullptr, QString *error = nullptr)
{
    QList<TsMessage> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"TS"_s && language) {
                *language = xml.attributes().value(u"language"_s).toString();
            } else if (name == u"name"_s) {
                context = xml.readElementText();
            } else if (name == u"message"_s) {
                message = TsMessage();
                message.context = context;
                message.numerus = xml.attributes().value(u"numerus"_s) == u"yes"_s;
            } else if (name == u"source"_s) {
                message.source = xml.readElementText();
            } else if (name == u"comment"_s) {
                message.comment = xml.readElementText();
            } else if (name == u"translation"_s) {
                message.translationType = xml.attributes().value(u"type"_s).toString();
                if (!message.numerus)
                    message.forms << xml.readElementText();
            } else if (name == u"numerusform"_s) {
                message.forms << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == u"message"_s) {
            messages << message;
        }
    }
    if (xml.hasError() && error)
        *error = xml.errorString();
    return messages;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%L?(n|\\d+)"_s);
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.sort();
    return found;
}

QString fileMenuTitle(const MainWindow &window)
{
    const QList<QAction *> menus = window.menuBar()->actions();
    return menus.isEmpty() ? QString() : menus.constFirst()->text();
}

QString connectButtonText(const MainWindow &window)
{
    StreamTab *tab = window.currentTab();
    auto *button = tab ? tab->findChild<QPushButton *>(u"connectButton"_s) : nullptr;
    return button ? button->text() : QString();
}

/// Every piece of user-visible text in a window: labels, buttons, group titles, tab titles and
/// actions, keyed by where it is, so two snapshots can be compared.
QMap<QString, QString> visibleTexts(const QWidget &window)
{
    QMap<QString, QString> texts;
    const auto key = [](const QObject *object, const char *what) -> QString {
        QString path = QString::fromLatin1(what);
        for (const QObject *o = object; o; o = o->parent())
            path.prepend(QString::fromLatin1(o->metaObject()->className()) + u'/' + o->objectName()
                         + u'>');
        return path + u'@' + QString::number(quintptr(object), 16);
    };
    for (const QLabel *label : window.findChildren<QLabel *>()) {
        if (label->isVisibleTo(&window) && !label->text().isEmpty())
            texts.insert(key(label, "text"), label->text());
    }
    for (const QAbstractButton *button : window.findChildren<QAbstractButton *>()) {
        if (button->isVisibleTo(&window) && !button->text().isEmpty())
            texts.insert(key(button, "text"), button->text());
    }
    for (const QGroupBox *group : window.findChildren<QGroupBox *>()) {
        if (group->isVisibleTo(&window))
            texts.insert(key(group, "title"), group->title());
    }
    for (const QTabBar *bar : window.findChildren<QTabBar *>()) {
        for (int i = 0; i < bar->count(); ++i)
            texts.insert(key(bar, "tab") + QString::number(i), bar->tabText(i));
    }
    for (const QAction *action : window.findChildren<QAction *>()) {
        if (!action->text().isEmpty())
            texts.insert(key(action, "action"), action->text());
    }
    return texts;
}

MainWindow::Options quietOptions()
{
    MainWindow::Options options;
    options.restoreSession = false;
    options.startDemoOnFirstLaunch = false;
    return options;
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void catalogsAreEmbedded_data();
    void catalogsAreEmbedded();
    void chineseTranslatesMainWindow();
    void switchingRetranslatesOpenWindow();
    void switchingRetranslatesEverythingShown();
    void languageMenuStoresChoice();
    void systemFollowsLocale();
    void englishPluralForms_data();
    void englishPluralForms();
    void qtOwnStringsFollow();

    void tsFilesAreComplete_data();
    void tsFilesAreComplete();
    void tsFilesMatchSources_data();
    void tsFilesMatchSources();
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ssescope-tests"_s);
    QCoreApplication::setApplicationName(u"tst_translations"_s);
    QSettings().clear();
}

void TestTranslations::cleanup()
{
    LanguageManager::instance()->setLanguage(English);
    QSettings().clear();
}

void TestTranslations::catalogsAreEmbedded_data()
{
    QTest::addColumn<QString>("language");
    for (const QString &code : LanguageManager::availableLanguages())
        QTest::addRow("%s", qPrintable(code)) << code;
}

void TestTranslations::catalogsAreEmbedded()
{
    QFETCH(QString, language);
    QVERIFY(QFileInfo::exists(u":/i18n/ssescope_"_s + language + u".qm"_s));
    LanguageManager::instance()->setLanguage(language);
    QCOMPARE(LanguageManager::instance()->effectiveLanguage(), language);
}

void TestTranslations::chineseTranslatesMainWindow()
{
    LanguageManager::instance()->setLanguage(Chinese);
    MainWindow window(quietOptions());
    QCOMPARE(fileMenuTitle(window), u"文件(&F)"_s);
    QCOMPARE(connectButtonText(window), u"连接"_s);
    QCOMPARE(window.currentTab()->model()->headerData(MessageModel::DataColumn, Qt::Horizontal),
             QVariant(u"数据"_s));
    // Literal protocol words stay as they are.
    QCOMPARE(window.windowTitle(), u"SSE Scope"_s);
}

void TestTranslations::switchingRetranslatesOpenWindow()
{
    LanguageManager::instance()->setLanguage(English);
    MainWindow window(quietOptions());
    window.show();
    QCOMPARE(fileMenuTitle(window), u"&File"_s);
    QCOMPARE(connectButtonText(window), u"Connect"_s);
    auto *connectAction = window.findChild<QAction *>(u"actionConnect"_s);
    QVERIFY(connectAction);
    QCOMPARE(connectAction->text(), u"&Connect"_s);

    LanguageManager::instance()->setLanguage(Chinese);
    // LanguageChange is posted: the window follows on the next event-loop pass.
    QTRY_COMPARE_WITH_TIMEOUT(fileMenuTitle(window), u"文件(&F)"_s, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(connectButtonText(window), u"连接"_s, Timeout);
    QCOMPARE(connectAction->text(), u"连接(&C)"_s);
    QCOMPARE(window.currentTab()->model()->headerData(MessageModel::TimeColumn, Qt::Horizontal),
             QVariant(u"时间"_s));

    LanguageManager::instance()->setLanguage(English);
    QTRY_COMPARE_WITH_TIMEOUT(fileMenuTitle(window), u"&File"_s, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(connectButtonText(window), u"Connect"_s, Timeout);
}

void TestTranslations::switchingRetranslatesEverythingShown()
{
    // A stream with a story: open, retry:, an event, an end of stream, a reconnect and a 503.
    RawSseServer server([](QTcpSocket *socket, const RawRequest &, int index) {
        if (index == 0) {
            RawSseServer::respond(
                    socket, RawSseServer::streamHead() + "retry: 40\n\nid: 1\ndata: one\n\n", true);
        } else {
            RawSseServer::respond(socket,
                                  "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                                  "Connection: close\r\n\r\n",
                                  true);
        }
    });
    QVERIFY(server.listen());
    LanguageManager::instance()->setLanguage(English);
    MainWindow window(quietOptions());
    window.resize(1366, 768);
    window.show();
    StreamTab *tab = window.currentTab();
    tab->setUrl(server.url());
    tab->connectStream();
    QTRY_COMPARE_WITH_TIMEOUT(tab->reader()->state(), SseReader::State::Closed, Timeout);
    MessageModel *model = tab->model();
    model->flushPending();
    QVERIFY(model->rowCount() >= 8);
    // The findings engine's verdict on the response (Connection: close) is a row of its own,
    // made from its id and parameters: it follows the language too.
    int findingRow = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->recordKind(row) == StreamRecord::Kind::Finding)
            findingRow = row;
    }
    QVERIFY(findingRow >= 0);
    QCOMPARE(model->recordAt(findingRow).finding.id, u"hygiene.connection-close"_s);
    QCOMPARE(model->index(findingRow, MessageModel::DataColumn).data().toString(),
             u"Warning: "_s + model->recordAt(findingRow).finding.verdict);
    // The detail pane shows the fatal error's row.
    int errorRow = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->recordKind(row) == StreamRecord::Kind::Error)
            errorRow = row;
    }
    QVERIFY(errorRow >= 0);
    tab->messageView()->setCurrentIndex(tab->proxy()->mapFromSource(model->index(errorRow, 0)));
    QVERIFY(!tab->detailPane()->dataText().isEmpty());

    QStringList englishRows;
    for (int row = 0; row < model->rowCount(); ++row)
        englishRows << model->index(row, MessageModel::DataColumn).data().toString();
    const QString englishLog = tab->connectionPanel()->logText();
    const QString englishDetail = tab->detailPane()->dataText();
    const QString englishMeta = tab->detailPane()->metaText();
    const QMap<QString, QString> english = visibleTexts(window);

    LanguageManager::instance()->setLanguage(Chinese);
    QTRY_COMPARE_WITH_TIMEOUT(fileMenuTitle(window), u"文件(&F)"_s, Timeout);

    // Rows already in the table: every life-cycle row is written again, in Chinese.
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString text = model->index(row, MessageModel::DataColumn).data().toString();
        if (model->rowKind(row) == MessageModel::RowKind::Event) {
            QCOMPARE(text, englishRows.at(row)); // server data is never translated
            continue;
        }
        QCOMPARE(text, RecordText::summary(model->recordAt(row)));
        QVERIFY2(text != englishRows.at(row), qPrintable(text));
    }
    // The connection panel's log, line by line; the detail pane, text and fields.
    const QStringList log = tab->connectionPanel()->logText().split(u'\n');
    const QList<StreamRecord> logged = tab->connectionPanel()->loggedRecords();
    QCOMPARE(log.size(), logged.size());
    for (qsizetype i = 0; i < log.size(); ++i)
        QVERIFY2(log.at(i).endsWith(RecordText::summary(logged.at(i))), qPrintable(log.at(i)));
    QVERIFY(tab->connectionPanel()->logText() != englishLog);
    // The failed exchange: the row's words first, then the request and response.
    QVERIFY(tab->detailPane()->dataText().startsWith(
            RecordText::summary(model->recordAt(errorRow))));
    QVERIFY(tab->detailPane()->dataText() != englishDetail);
    QVERIFY(tab->detailPane()->metaText() != englishMeta);
    QCOMPARE(model->index(findingRow, MessageModel::DataColumn).data().toString(),
             u"警告：事件流声明了 Connection: "
             u"close：它的结束只是套接字关闭，中间节点和客户端无法将其"
             "与故障区分"_s);

    // Everything else on screen: no text may stay as it was unless it is a name, a number, a
    // URL or a protocol word that is the same in every language.
    static const QRegularExpression language(u"[A-Za-z]{2,}"_s);
    static const QRegularExpression literal(
            u"^(SSE Scope|GET|POST|PUT|PATCH|DELETE|\\.\\*|\\+|#|Id|Last-Event-ID.?|HTTP \\d{3}.*|"
            "http://\\S+|\\S+/stream|.*\\d+\\.\\d+\\.\\d+\\.\\d+.*|"
            "English|简体中文|.*[\\x{4e00}-\\x{9fff}].*)$"_s);
    QStringList unchanged;
    const QMap<QString, QString> chinese = visibleTexts(window);
    for (auto it = english.cbegin(); it != english.cend(); ++it) {
        const QString now = chinese.value(it.key());
        if (now == it.value() && language.match(now).hasMatch() && !literal.match(now).hasMatch())
            unchanged << it.key().section(u'>', -2) + u" = "_s + now;
    }
    QVERIFY2(unchanged.isEmpty(), qPrintable(unchanged.join(u"\n"_s)));
}

void TestTranslations::languageMenuStoresChoice()
{
    LanguageManager::instance()->setLanguage(English);
    MainWindow window(quietOptions());
    auto *menu = window.findChild<QMenu *>(u"languageMenu"_s);
    QVERIFY(menu);
    auto *system = window.findChild<QAction *>(u"actionLanguageSystem"_s);
    auto *english = window.findChild<QAction *>(u"actionLanguage_en"_s);
    auto *chinese = window.findChild<QAction *>(u"actionLanguage_zh_CN"_s);
    QVERIFY(system && english && chinese);
    QVERIFY(english->isChecked());
    QCOMPARE(chinese->text(), u"简体中文"_s); // an endonym, in every UI language
    QCOMPARE(menu->title(), u"Lan&guage"_s);

    QSignalSpy changed(LanguageManager::instance(), &LanguageManager::languageChanged);
    chinese->trigger();
    QCOMPARE(changed.size(), 1);
    QVERIFY(chinese->isChecked());
    QCOMPARE(QSettings().value(LanguageManager::SettingsKey).toString(), Chinese);
    QTRY_COMPARE_WITH_TIMEOUT(menu->title(), u"语言(&G)"_s, Timeout);
    QCOMPARE(chinese->text(), u"简体中文"_s);
    QCOMPARE(system->text(), u"跟随系统(&S)"_s);

    // A second window started later reads the stored choice, as the next launch would.
    LanguageManager::instance()->setLanguage(English);
    QSettings().setValue(LanguageManager::SettingsKey, Chinese);
    LanguageManager::instance()->loadFromSettings();
    QCOMPARE(LanguageManager::instance()->language(), Chinese);
    MainWindow next(quietOptions());
    QCOMPARE(fileMenuTitle(next), u"文件(&F)"_s);
}

void TestTranslations::systemFollowsLocale()
{
    // main() below sets LANGUAGE=zh_CN before QApplication, like a Chinese desktop session.
    QSettings().remove(LanguageManager::SettingsKey);
    LanguageManager::instance()->loadFromSettings();
    QCOMPARE(LanguageManager::instance()->language(), QString());
    QCOMPARE(LanguageManager::instance()->effectiveLanguage(), Chinese);
    QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), u"文件(&F)"_s);

    // A stored language we do not ship also means "follow the system".
    LanguageManager::instance()->setLanguage(English);
    QSettings().setValue(LanguageManager::SettingsKey, u"xx_YY"_s);
    LanguageManager::instance()->loadFromSettings();
    QCOMPARE(LanguageManager::instance()->language(), QString());
    QCOMPARE(LanguageManager::instance()->effectiveLanguage(), Chinese);
}

void TestTranslations::englishPluralForms_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one") << 1 << u"Wrote 1 row to %1"_s;
    QTest::newRow("two") << 2 << u"Wrote 2 rows to %1"_s;
    QTest::newRow("zero") << 0 << u"Wrote 0 rows to %1"_s;
}

void TestTranslations::englishPluralForms()
{
    QFETCH(int, count);
    QFETCH(QString, expected);
    LanguageManager::instance()->setLanguage(English);
    QCOMPARE(QCoreApplication::translate("MainWindow", "Wrote %n row(s) to %1", nullptr, count),
             expected);
    LanguageManager::instance()->setLanguage(Chinese);
    QCOMPARE(QCoreApplication::translate("MainWindow", "Wrote %n row(s) to %1", nullptr, count),
             u"已将 %1 行写入 %2"_s.arg(count).arg(u"%1"_s));
}

void TestTranslations::qtOwnStringsFollow()
{
    const QString qtbase =
            QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_zh_CN.qm"_s;
    if (!QFileInfo::exists(qtbase))
        QSKIP("Qt's own Chinese catalogue is not installed here");
    LanguageManager::instance()->setLanguage(Chinese);
    // The standard dialog buttons (the demo dialog's Apply) come from qtbase.
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Apply"), u"应用"_s);
    LanguageManager::instance()->setLanguage(English);
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Apply"), u"Apply"_s);
}

void TestTranslations::tsFilesAreComplete_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("numerusForms");
    QTest::addColumn<bool>("pluralOnly");
    QTest::newRow("zh_CN") << Chinese << 1 << false; // Chinese has one plural form
    QTest::newRow("en") << English << 2 << true;
}

void TestTranslations::tsFilesAreComplete()
{
    QFETCH(QString, language);
    QFETCH(int, numerusForms);
    QFETCH(bool, pluralOnly);
    const QString path = QStringLiteral(SSESCOPE_TS_DIR) + u"/ssescope_"_s + language + u".ts"_s;
    QString fileLanguage;
    QString error;
    const QList<TsMessage> messages = readTs(path, &fileLanguage, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(fileLanguage, language);
    QVERIFY(!messages.isEmpty());

    QStringList problems;
    for (const TsMessage &message : messages) {
        const QString where = message.key();
        if (!message.translationType.isEmpty())
            problems << message.translationType + u": "_s + where;
        if (pluralOnly && !message.numerus)
            problems << u"not a plural in the plural-only file: "_s + where;
        if (message.numerus && message.forms.size() != numerusForms)
            problems << u"%1 plural forms instead of %2: "_s.arg(message.forms.size())
                                    .arg(numerusForms)
                            + where;
        for (const QString &form : message.forms) {
            if (form.isEmpty()) {
                problems << u"empty translation: "_s + where;
                continue;
            }
            if (placeholders(form) != placeholders(message.source))
                problems << u"placeholders differ (%1): "_s.arg(form) + where;
            // A lost & loses the keyboard accelerator ("文件(&F)").
            if (form.count(u'&') != message.source.count(u'&'))
                problems << u"accelerator lost (%1): "_s.arg(form) + where;
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestTranslations::tsFilesMatchSources_data()
{
    tsFilesAreComplete_data();
}

void TestTranslations::tsFilesMatchSources()
{
    QFETCH(QString, language);
    QFETCH(bool, pluralOnly);
    const QString lupdate = QStringLiteral(SSESCOPE_LUPDATE);
    if (!QFileInfo(lupdate).isExecutable())
        QSKIP("lupdate is not available");
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString generated = directory.filePath(u"ssescope_"_s + language + u".ts"_s);

    // The same scan as `cmake --build <dir> --target update_translations`.
    QStringList arguments = QString::fromUtf8(SSESCOPE_TS_SOURCES).split(u'|', Qt::SkipEmptyParts);
    QVERIFY(!arguments.isEmpty());
    arguments << u"-no-obsolete"_s << u"-locations"_s << u"none"_s << u"-silent"_s;
    if (pluralOnly)
        arguments << u"-pluralonly"_s;
    arguments << u"-ts"_s << generated;
    QProcess process;
    process.start(lupdate, arguments);
    QVERIFY2(process.waitForFinished(60'000), qPrintable(process.errorString()));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());

    QString error;
    QSet<QString> expected;
    for (const TsMessage &message : readTs(generated, nullptr, &error))
        expected.insert(message.key());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!expected.isEmpty());
    QSet<QString> committed;
    const QString path = QStringLiteral(SSESCOPE_TS_DIR) + u"/ssescope_"_s + language + u".ts"_s;
    for (const TsMessage &message : readTs(path, nullptr, &error))
        committed.insert(message.key());
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QStringList missing = QSet<QString>(expected).subtract(committed).values();
    QStringList stale = QSet<QString>(committed).subtract(expected).values();
    missing.sort();
    stale.sort();
    QVERIFY2(missing.isEmpty() && stale.isEmpty(),
             qPrintable(u"Run `cmake --build <dir> --target update_translations` and translate.\n"
                        "Missing from %1:\n  %2\nNo longer in the sources:\n  %3"_s.arg(
                                QFileInfo(path).fileName(), missing.join(u"\n  "_s),
                                stale.join(u"\n  "_s))));
}

int main(int argc, char *argv[])
{
    // "System" must resolve to Chinese here whatever the machine's locale: QLocale::system()
    // reads LANGUAGE for its uiLanguages(), once, before QApplication exists.
    qputenv("LANGUAGE", "zh_CN:en");
    QApplication app(argc, argv);
    TestTranslations test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translations.moc"
