// Test support: a real carta-syncd on 127.0.0.1 with an OS-chosen port in a temporary
// data folder, and a small blocking HTTP client for it (Qt Network).
#pragma once

#include "model/json.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <memory>

namespace carta::testing {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QString error; // network-level error, if any
    QList<QNetworkReply::RawHeaderPair> headers;

    // The body as JSON, or null when it is not JSON. Limits as the app's sync reads a page of
    // changes: a page of 1,000 items at ×10 is over 5 MB, beyond parseJson's default.
    [[nodiscard]] model::JsonValue json() const
    {
        auto parsed = parsedJson();
        return parsed ? parsed.value() : model::JsonValue();
    }
    [[nodiscard]] model::Result<model::JsonValue> parsedJson() const
    {
        return model::parseJson(body, model::JsonLimits{512 * 1024 * 1024, 64});
    }
};

class SyncdProcess
{
public:
    explicit SyncdProcess(QString dataDir = QString()) : m_dataDir(std::move(dataDir))
    {
        if (m_dataDir.isEmpty()) {
            m_tmp = std::make_unique<QTemporaryDir>();
            m_dataDir = m_tmp->filePath(QStringLiteral("data"));
        }
    }
    ~SyncdProcess() { stop(); }

    static QString binary() { return QStringLiteral(CARTA_SYNCD_PATH); }
    // A configuration file passed to every command (--config), e.g. for TLS.
    void setConfigFile(const QString &path) { m_config = path; }
    QString dataDir() const { return m_dataDir; }

    // Runs an admin command to completion; returns stdout, fails the test on a non-zero exit.
    QByteArray admin(const QStringList &args, int expectedExit = 0, QByteArray *stderrOut = nullptr) const
    {
        QProcess p;
        p.start(binary(), globalArgs() + args);
        if (!p.waitForFinished(300000))
            qFatal("carta-syncd %s did not finish", qPrintable(args.join(QLatin1Char(' '))));
        const QByteArray err = p.readAllStandardError();
        if (stderrOut)
            *stderrOut = err;
        if (p.exitCode() != expectedExit)
            qWarning("carta-syncd %s exited %d: %s", qPrintable(args.join(QLatin1Char(' '))), p.exitCode(), err.constData());
        return p.readAllStandardOutput();
    }

    void init() const { admin({QStringLiteral("init")}); }

    // Adds a user and returns a fresh token for them.
    QString addUser(const QString &name, const QString &role, const QString &regions, const QString &professions = QString()) const
    {
        QStringList args{QStringLiteral("user"), QStringLiteral("add"), name, QStringLiteral("--role"), role,
                         QStringLiteral("--email"), name + QStringLiteral("@hee.nhs.uk"), QStringLiteral("--regions"), regions};
        if (!professions.isEmpty())
            args += QStringList{QStringLiteral("--professions"), professions};
        admin(args);
        return QString::fromUtf8(admin({QStringLiteral("token"), QStringLiteral("issue"), name}).trimmed());
    }

    // Starts `serve` and waits until the port file appears (start-up reads every item's
    // record: benchmarks at large scales pass a longer wait).
    bool start(const QStringList &extra = {}, int timeoutMs = 30000)
    {
        m_portFile = m_dataDir + QStringLiteral("/../port-") + QString::number(++m_starts);
        QFile::remove(m_portFile);
        m_process = std::make_unique<QProcess>();
        if (qEnvironmentVariableIsSet("CARTA_TEST_QUIET"))
            m_process->setStandardErrorFile(QProcess::nullDevice());
        else
            m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process->start(binary(), globalArgs() + QStringList{QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
                                                              QStringLiteral("--port-file"), m_portFile} + extra);
        if (!m_process->waitForStarted(10000))
            return false;
        QElapsedTimer timer;
        timer.start();
        while (!QFile::exists(m_portFile)) {
            if (m_process->state() != QProcess::Running || timer.elapsed() > timeoutMs)
                return false;
            m_process->waitForFinished(20);
        }
        QFile f(m_portFile);
        if (!f.open(QIODevice::ReadOnly))
            return false;
        m_port = f.readAll().trimmed().toInt();
        return m_port > 0;
    }

    // Stops gracefully and starts again on the same port, so clients configured with
    // baseUrl() find it again (the server coming back after an outage).
    bool restartOnSamePort()
    {
        const int port = m_port;
        stop();
        return start({QStringLiteral("--port"), QString::number(port)}) && m_port == port;
    }

    // SIGTERM and wait: a graceful stop.
    int stop()
    {
        if (!m_process || m_process->state() == QProcess::NotRunning)
            return m_process ? m_process->exitCode() : 0;
        ::kill(pid_t(m_process->processId()), SIGTERM);
        m_process->waitForFinished(30000);
        return m_process->exitCode();
    }

    // SIGKILL: a crash.
    void kill()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            ::kill(pid_t(m_process->processId()), SIGKILL);
            m_process->waitForFinished(30000);
        }
    }

    bool running() const { return m_process && m_process->state() == QProcess::Running; }
    int port() const { return m_port; }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QString repository() const { return m_dataDir + QStringLiteral("/repo.git"); }

    // Runs git in the server's repository.
    QString git(const QStringList &args, int *exitCode = nullptr) const
    {
        QProcess p;
        p.start(QStringLiteral("git"), QStringList{QStringLiteral("--git-dir"), repository()} + args);
        p.waitForFinished(120000);
        if (exitCode)
            *exitCode = p.exitCode();
        return QString::fromUtf8(p.readAllStandardOutput());
    }

private:
    QStringList globalArgs() const
    {
        QStringList args{QStringLiteral("--data"), m_dataDir};
        if (!m_config.isEmpty())
            args = QStringList{QStringLiteral("--config"), m_config} + args;
        return args;
    }

    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_config;
    QString m_dataDir;
    QString m_portFile;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
    int m_starts = 0;
};

// A blocking HTTP client for tests, one per thread.
class HttpClient
{
public:
    HttpClient(QString baseUrl, QString token) : m_base(std::move(baseUrl)), m_token(std::move(token)) {}

    void setToken(const QString &token) { m_token = token; }

    HttpResult request(const QByteArray &verb, const QString &path, const QByteArray &body = QByteArray(),
                       const QByteArray &contentType = QByteArrayLiteral("application/json"), int timeoutMs = 60000)
    {
        QNetworkRequest req(QUrl(m_base + path));
        if (!m_token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        if (!contentType.isEmpty() && !body.isNull())
            req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        QNetworkReply *reply = m_manager.sendCustomRequest(req, verb, body);
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        timer.start(timeoutMs);
        loop.exec();
        HttpResult result;
        if (!reply->isFinished()) {
            reply->abort();
            result.error = QStringLiteral("timeout");
        }
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.headers = reply->rawHeaderPairs();
        if (reply->error() != QNetworkReply::NoError && result.status == 0)
            result.error = reply->errorString();
        reply->deleteLater();
        return result;
    }

    HttpResult get(const QString &path) { return request("GET", path); }
    HttpResult post(const QString &path, const model::JsonValue &json) { return request("POST", path, model::serializeCompact(json)); }

private:
    QNetworkAccessManager m_manager;
    QString m_base;
    QString m_token;
};

} // namespace carta::testing

// ---- a controllable server clock, and counters from /metrics ---------------------------

#include <QSaveFile>

namespace carta::testing {

// Sets the time of a carta-syncd started with CARTA_SYNCD_CLOCK_FILE=path. QSaveFile renames
// a complete new file over the old one, so the server never reads half a time.
inline bool setSyncdClock(const QString &path, const QDateTime &instant)
{
    QSaveFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(instant.toUTC().toString(Qt::ISODate).toUtf8() + '\n') > 0 && f.commit();
}

// A counter from the server's /metrics, e.g. "carta_scheduler_runs_total"; 0 when absent.
inline qint64 syncdCounter(HttpClient &client, const QString &name)
{
    const QByteArray prefix = name.toUtf8() + ' ';
    for (const QByteArray &line : client.get(QStringLiteral("/metrics")).body.split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).toLongLong();
    return 0;
}

} // namespace carta::testing
