// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#include "languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {
const QString ResourceDirectory = u":/i18n"_s;
const QString SystemValue = u"system"_s;
const QString English = u"en"_s;

QPointer<LanguageManager> s_instance;
} // namespace

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
    , m_appTranslator(new QTranslator(this))
    , m_qtTranslator(new QTranslator(this))
{
    setObjectName(u"languageManager"_s);
}

LanguageManager *LanguageManager::instance()
{
    if (!s_instance) {
        Q_ASSERT(QCoreApplication::instance());
        s_instance = new LanguageManager(QCoreApplication::instance());
    }
    return s_instance;
}

QStringList LanguageManager::availableLanguages()
{
    return { English, u"zh_CN"_s };
}

QString LanguageManager::nativeName(const QString &code)
{
    // Endonyms stay untranslated so that users can find their own language in any UI.
    if (code == u"zh_CN"_s)
        return u"简体中文"_s;
    if (code == English)
        return u"English"_s;
    return code;
}

void LanguageManager::loadFromSettings()
{
    const QString stored = QSettings().value(SettingsKey).toString();
    // "system", empty or a language we no longer ship all mean: follow the system.
    select(availableLanguages().contains(stored) ? stored : QString());
}

void LanguageManager::setLanguage(const QString &code)
{
    const QString language = availableLanguages().contains(code) ? code : QString();
    QSettings().setValue(SettingsKey, language.isEmpty() ? SystemValue : language);
    select(language);
}

void LanguageManager::select(const QString &language)
{
    if (m_applied && language == m_language)
        return;
    m_language = language;
    apply(language.isEmpty() ? systemLanguage() : language);
    emit languageChanged(m_language);
}

QString LanguageManager::systemLanguage() const
{
    // Qt's own lookup: uiLanguages() honours LANGUAGE and LC_MESSAGES/LANG, and "zh-Hans-CN"
    // finds ssescope_zh_CN.qm; "en_GB" finds ssescope_en.qm.
    QTranslator probe;
    if (probe.load(QLocale::system(), u"ssescope"_s, u"_"_s, ResourceDirectory)
        && availableLanguages().contains(probe.language()))
        return probe.language();
    // A language we do not ship: English source text, with the plural forms of the en file.
    return English;
}

void LanguageManager::apply(const QString &code)
{
    // Each remove/install posts a LanguageChange; Qt compresses them into one per widget.
    QCoreApplication::removeTranslator(m_appTranslator);
    QCoreApplication::removeTranslator(m_qtTranslator);

    if (!m_appTranslator->load(u"ssescope_"_s + code, ResourceDirectory)) {
        qWarning("No translation for language %s", qPrintable(code));
        m_effectiveLanguage = English;
        if (!m_appTranslator->load(u"ssescope_"_s + English, ResourceDirectory))
            qWarning("The English plural forms are missing from :/i18n");
    } else {
        m_effectiveLanguage = code;
    }
    QCoreApplication::installTranslator(m_appTranslator);

    // Dialog buttons, QLineEdit's context menu and file dialogs: Debian ships qtbase_zh_CN.qm.
    if (m_effectiveLanguage != English
        && m_qtTranslator->load(u"qtbase_"_s + m_effectiveLanguage,
                                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qtTranslator);
    m_applied = true;
}
