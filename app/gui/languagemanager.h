// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QTranslator;

/// Owns the application's translators (ours from :/i18n plus Qt's own qtbase_*.qm) and swaps
/// them at runtime. Installing or removing a translator makes Qt send QEvent::LanguageChange to
/// every widget, which answers with retranslateUi(): no restart needed.
class LanguageManager : public QObject
{
    Q_OBJECT
public:
    /// The QSettings key holding the chosen language: empty (follow the system) or a code.
    static inline const QString SettingsKey = QStringLiteral("language");

    /// The one instance, a child of the application object (translators are application-wide).
    static LanguageManager *instance();

    /// The codes the UI ships in, e.g. {"en", "zh_CN"}.
    static QStringList availableLanguages();
    /// The language's own name ("English", "简体中文"), deliberately untranslated.
    static QString nativeName(const QString &code);

    /// The chosen language: empty means "follow the system locale".
    QString language() const { return m_language; }
    /// The code actually loaded, e.g. "zh_CN" when following a Chinese system; "en" otherwise.
    QString effectiveLanguage() const { return m_effectiveLanguage; }

    /// Applies the language stored in QSettings (call once QApplication has its names set).
    void loadFromSettings();

public slots:
    /// Installs the translators for code ("" = system) and stores the choice in QSettings.
    void setLanguage(const QString &code);

signals:
    void languageChanged(const QString &language);

private:
    explicit LanguageManager(QObject *parent);
    void select(const QString &language);
    void apply(const QString &code);
    QString systemLanguage() const;

    QTranslator *m_appTranslator = nullptr;
    QTranslator *m_qtTranslator = nullptr;
    QString m_language;
    QString m_effectiveLanguage;
    bool m_applied = false;
};
