// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringList>
#include <QVariantMap>
#include <QWidget>

#include "proxysetting.h"
#include "ssereader.h"
#include "streamrequest.h"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QTableWidgetItem;
class QToolButton;
class SecretValueDelegate;

/// The request details behind the request bar: extra headers (secret values masked), body and
/// Content-Type for non-GET methods, reconnection policy and its options, idle timeout, TLS, and
/// how the tab reaches the network (the proxy choice).
/// URL and method belong to the request bar; request() leaves them at their defaults.
class RequestEditor : public QWidget
{
    Q_OBJECT
public:
    enum HeaderColumn { NameColumn, ValueColumn, SaveColumn, HeaderColumnCount };

    explicit RequestEditor(QWidget *parent = nullptr);
    ~RequestEditor() override;

    /// Everything but url and method; the body and Content-Type only for a method with a body.
    SseReader::Request request() const;
    /// Takes everything but url and method (call setMethod() for that).
    void setRequest(const SseReader::Request &request);

    /// The method from the request bar: enables the Body tab for anything but GET/HEAD.
    void setMethod(const QByteArray &method);
    QByteArray method() const { return m_method; }

    /// Whether a header's value is masked and kept out of saved sessions unless its Save box is
    /// ticked: StreamRequest::isSecretHeader(), the rule every face shares.
    static bool isSecretHeader(QStringView name) { return StreamRequest::isSecretHeader(name); }

    /// Reveals masked header values in the table.
    void setSecretsRevealed(bool revealed);
    bool secretsRevealed() const { return m_secretsRevealed; }

    /// Adds a header row; save only matters for secret headers (keep the value in sessions).
    void addHeader(const QString &name, const QString &value, bool save = false);
    /// What the Value cell of a row shows: bullets for a masked secret, a "not saved" note for a
    /// secret restored without its value, else the value.
    QString displayedValue(int row) const;
    QTableWidget *headerTable() const { return m_headerTable; }

    /// The Proxy page: system settings (the default), none, the app's fault proxy or a custom one.
    /// A custom proxy's password comes from the page's password field.
    ProxySetting proxySetting() const;
    void setProxySetting(const ProxySetting &setting);
    /// Shown beside the fault proxy choice, e.g. "127.0.0.1:8888"; empty: not running yet.
    void setFaultProxyAddress(const QString &address);
    /// Brings the Proxy page to the front (e.g. to fix a custom proxy address).
    void showProxyPage();

    /// How a session writes request(): secret values only for the rows whose Save box is ticked.
    StreamRequestJson::Options sessionOptions() const;
    /// What a session keeps beside the request's JSON that only the editor knows: which secret
    /// rows have Save ticked, a body typed while the method sends none, and the proxy choice
    /// (ProxySetting::toVariantMap(): never a proxy password).
    QVariantMap saveState() const;
    /// Restores saveState() right after setRequest() with the request read from the session.
    /// unsavedSecrets are indexes into that request's headers, as StreamRequestJson::Result
    /// gives them: their rows say that the value was not saved.
    void restoreState(const QVariantMap &state, const QList<qsizetype> &unsavedSecrets = {});
    /// Reads the editor's fields from a version 1 session (before StreamRequest JSON): one map
    /// with every field; a secret saved without its value has "save": false and no "value".
    void restoreVersion1State(const QVariantMap &state);

    /// Secret headers restored without their value that are still empty, by name.
    QStringList unsavedSecretHeaders() const;
    /// Asks before connecting. While unsavedSecretHeaders() is not empty, the first call after a
    /// restore shows a warning on the Headers page and returns false; later calls return true
    /// (the user has been told and connects anyway, sending the header empty).
    bool confirmUnsavedSecrets();

    void retranslateUi();

signals:
    /// Any field changed.
    void changed();
    /// The proxy choice changed (by the user or by setProxySetting()).
    void proxySettingChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void updatePolicyFields();
    void updateProxyFields();
    void updateRowFlags(int row);
    /// Refreshes the "not saved" notes: a row keeps one while its value stays empty.
    void updateUnsavedSecrets();
    void markValueNotSaved(int row);
    void removeSelectedHeaders();
    bool methodHasBody() const;
    QTableWidgetItem *saveItem(bool secret, bool save) const;

    QByteArray m_method = QByteArrayLiteral("GET");
    bool m_secretsRevealed = false;
    bool m_unsavedSecretsWarned = false; ///< confirmUnsavedSecrets() warned since the restore.

    QTabWidget *m_tabs = nullptr;
    QWidget *m_headersPage = nullptr;
    QWidget *m_bodyPage = nullptr;
    QWidget *m_reconnectPage = nullptr;
    QWidget *m_proxyPage = nullptr;

    QTableWidget *m_headerTable = nullptr;
    SecretValueDelegate *m_secretDelegate = nullptr;
    QToolButton *m_addHeaderButton = nullptr;
    QToolButton *m_removeHeaderButton = nullptr;
    QCheckBox *m_revealCheck = nullptr;
    QLabel *m_headersHint = nullptr;
    QLabel *m_whenNote = nullptr; ///< Which changes reach a running stream, and when.
    QLabel *m_unsavedSecretsWarning = nullptr;
    QLineEdit *m_lastEventIdEdit = nullptr;
    QLabel *m_lastEventIdLabel = nullptr;

    QLabel *m_contentTypeLabel = nullptr;
    QLineEdit *m_contentTypeEdit = nullptr;
    QPlainTextEdit *m_bodyEdit = nullptr;
    QLabel *m_bodyHint = nullptr;

    QLabel *m_policyLabel = nullptr;
    QComboBox *m_policyCombo = nullptr;
    QLabel *m_policyHint = nullptr;
    QCheckBox *m_retryOverrideCheck = nullptr;
    QSpinBox *m_retryOverrideSpin = nullptr;
    QLabel *m_fixedDelayLabel = nullptr;
    QSpinBox *m_fixedDelaySpin = nullptr;
    QLabel *m_backoffBaseLabel = nullptr;
    QSpinBox *m_backoffBaseSpin = nullptr;
    QLabel *m_backoffCapLabel = nullptr;
    QSpinBox *m_backoffCapSpin = nullptr;
    QLabel *m_jitterLabel = nullptr;
    QSpinBox *m_jitterSpin = nullptr;
    QLabel *m_maxAttemptsLabel = nullptr;
    QSpinBox *m_maxAttemptsSpin = nullptr;
    QLabel *m_idleTimeoutLabel = nullptr;
    QSpinBox *m_idleTimeoutSpin = nullptr;
    QCheckBox *m_ignoreTlsCheck = nullptr;
    QLabel *m_ignoreTlsWarning = nullptr;

    QButtonGroup *m_proxyGroup = nullptr;
    QRadioButton *m_proxySystemRadio = nullptr;
    QRadioButton *m_proxyNoneRadio = nullptr;
    QRadioButton *m_proxyFaultRadio = nullptr;
    QRadioButton *m_proxyCustomRadio = nullptr;
    QLineEdit *m_proxyUrlEdit = nullptr;
    QLabel *m_proxyPasswordLabel = nullptr;
    QLineEdit *m_proxyPasswordEdit = nullptr;
    QLabel *m_proxyHint = nullptr;
    QString m_faultProxyAddress;
};
