// Tests for the HTTP/1.1 server: real sockets on 127.0.0.1, ports chosen by the OS, and
// blocking socket waits with deadlines instead of sleeps.
#include "syncserver/http.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <future>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

using namespace carta::syncserver::http;
using namespace std::chrono_literals;

namespace {

constexpr int kWaitMs = 5000;

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

std::string toStd(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

// Options with short deadlines so that a failing test fails fast.
ServerOptions testOptions()
{
    ServerOptions options;
    options.readTimeout = 5000ms;
    options.writeTimeout = 5000ms;
    options.threads = 2;
    return options;
}

bool started(Server &server)
{
    const auto result = server.start();
    if (!result.ok())
        qWarning("start() failed: %s", qPrintable(result.errorString()));
    return result.ok() && server.port() != 0 && result.value() == server.port();
}

struct Reply
{
    bool complete = false;
    int status = 0;
    QMap<QByteArray, QByteArray> headers; // names lowercased
    QByteArray body;

    [[nodiscard]] QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    [[nodiscard]] QString errorCode() const
    {
        return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }
};

// A raw HTTP client over a blocking QTcpSocket (or QSslSocket), so that tests control
// every byte on the wire.
class Client
{
public:
    static std::unique_ptr<Client> plain(quint16 port)
    {
        auto client = std::unique_ptr<Client>(new Client(std::make_unique<QTcpSocket>(), false));
        client->m_socket->connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        return client;
    }

    static std::unique_ptr<Client> tls(quint16 port)
    {
        auto socket = std::make_unique<QSslSocket>();
        socket->setPeerVerifyMode(QSslSocket::VerifyNone); // the test certificate is self-signed
        socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        return std::unique_ptr<Client>(new Client(std::move(socket), true));
    }

    [[nodiscard]] bool waitConnected(int ms = kWaitMs)
    {
        if (m_tls)
            return static_cast<QSslSocket &>(*m_socket).waitForEncrypted(ms);
        return m_socket->waitForConnected(ms);
    }

    [[nodiscard]] bool send(const QByteArray &data, int ms = 20000)
    {
        if (m_socket->write(data) != data.size())
            return false;
        const QDeadlineTimer deadline(ms);
        while (m_socket->bytesToWrite() > 0) {
            if (deadline.hasExpired() || !m_socket->waitForBytesWritten(int(deadline.remainingTime())))
                return false;
        }
        return true;
    }

    // Reads one response; for a HEAD request there is no body whatever Content-Length says.
    [[nodiscard]] Reply read(bool head = false, int ms = kWaitMs)
    {
        const QDeadlineTimer deadline(ms);
        Reply reply;
        for (;;) {
            m_pending += m_socket->readAll();
            if (parse(reply, head))
                return reply;
            if (m_socket->state() != QAbstractSocket::ConnectedState || deadline.hasExpired())
                return reply;
            m_socket->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
        }
    }

    [[nodiscard]] bool waitDisconnected(int ms = kWaitMs)
    {
        const QDeadlineTimer deadline(ms);
        while (m_socket->state() != QAbstractSocket::UnconnectedState) {
            if (deadline.hasExpired())
                return false;
            m_socket->waitForDisconnected(int(std::max<qint64>(1, deadline.remainingTime())));
            m_pending += m_socket->readAll();
        }
        return true;
    }

    [[nodiscard]] QTcpSocket &socket() { return *m_socket; }

private:
    Client(std::unique_ptr<QTcpSocket> socket, bool tls) : m_socket(std::move(socket)), m_tls(tls) {}

    bool parse(Reply &reply, bool head)
    {
        const qsizetype headerEnd = m_pending.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return false;
        const QList<QByteArray> lines = m_pending.left(headerEnd).split('\n');
        const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
        reply.status = statusLine.value(1).toInt();
        reply.headers.clear();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                reply.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = head ? 0 : reply.header("content-length").toLongLong();
        if (m_pending.size() < headerEnd + 4 + length)
            return false;
        reply.body = m_pending.mid(headerEnd + 4, length);
        m_pending.remove(0, headerEnd + 4 + length);
        reply.complete = true;
        return true;
    }

    std::unique_ptr<QTcpSocket> m_socket;
    bool m_tls = false;
    QByteArray m_pending;
};

QByteArray get(const QByteArray &target, const QByteArray &extraHeaders = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders + "\r\n";
}

QByteArray post(const QByteArray &target, const QByteArray &body)
{
    return "POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\n\r\n" + body;
}

QByteArray postChunked(const QByteArray &target, const QByteArray &body, qsizetype chunkSize)
{
    QByteArray request = "POST " + target + " HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (qsizetype i = 0; i < body.size(); i += chunkSize) {
        const QByteArray chunk = body.mid(i, chunkSize);
        request += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    }
    return request + "0\r\n\r\n";
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char(generator.bounded(256));
    return data;
}

QStringList entriesIn(const QString &folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
}

// Counts handler calls and keeps the last request, shared with the server's threads.
struct Recorder
{
    std::atomic<int> calls{0};
    std::mutex mutex;
    Request last;

    void record(const Request &request)
    {
        std::lock_guard lock(mutex);
        last = request;
        ++calls;
    }
    Request lastRequest()
    {
        std::lock_guard lock(mutex);
        return last;
    }
};

} // namespace

class tst_Http : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void errorJsonEscapes_data();
    void errorJsonEscapes();
    void getRoundTrip();
    void keepAlive();
    void expectContinue();
    void handlerHeaders();
    void connectionClose_data();
    void connectionClose();
    void headAnswersWithoutBody();
    void fileResponse();
    void missingResponseFile();
    void bodyTooLarge_data();
    void bodyTooLarge();
    void headerTooLarge();
    void uploadStreamedToFile_data();
    void uploadStreamedToFile();
    void uploadTooLarge_data();
    void uploadTooLarge();
    void stalledRequestTimesOut_data();
    void stalledRequestTimesOut();
    void idleKeepAliveClosed();
    void malformedRequest_data();
    void malformedRequest();
    void badTarget_data();
    void badTarget();
    void handlerThrows_data();
    void handlerThrows();
    void requestId_data();
    void requestId();
    void onResponseReports();
    void tlsRoundTrip();
    void plainClientOnTlsPort();
    void tlsHandshakeTimesOut();
    void missingTlsFile_data();
    void missingTlsFile();
    void portInUse();
    void stopWithConnectedClient_data();
    void stopWithConnectedClient();
    void stopLetsResponseFinish();
    void stopGivesUpOnSlowHandler();
    void stopTwice();
    void startAgainAfterStop();

private:
    bool haveCertificate() const { return m_haveCertificate && QSslSocket::supportsSsl(); }
    ServerOptions tlsOptions() const
    {
        ServerOptions options = testOptions();
        options.tls = TlsFiles{m_certificateFile.toStdString(), m_keyFile.toStdString()};
        return options;
    }

    QTemporaryDir m_tlsDir;
    QString m_certificateFile;
    QString m_keyFile;
    bool m_haveCertificate = false;
};

void tst_Http::initTestCase()
{
    QVERIFY(m_tlsDir.isValid());
    m_certificateFile = m_tlsDir.filePath(QStringLiteral("c.pem"));
    m_keyFile = m_tlsDir.filePath(QStringLiteral("k.pem"));
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        qWarning("no openssl CLI: the TLS tests will be skipped");
        return;
    }
    QProcess process;
    process.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                            QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), m_keyFile,
                            QStringLiteral("-out"), m_certificateFile, QStringLiteral("-days"), QStringLiteral("1"),
                            QStringLiteral("-subj"), QStringLiteral("/CN=localhost")});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    m_haveCertificate = QFileInfo::exists(m_certificateFile) && QFileInfo::exists(m_keyFile);
}

void tst_Http::errorJsonEscapes_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("expectedBody");
    QTest::addColumn<bool>("roundTrips");

    QTest::newRow("plain") << QByteArray("nothing special") << QByteArray(R"({"error":{"code":"c","message":"nothing special"}})") << true;
    QTest::newRow("quotes") << QByteArray(R"(say "hi")") << QByteArray(R"({"error":{"code":"c","message":"say \"hi\""}})") << true;
    QTest::newRow("backslash") << QByteArray(R"(C:\temp\)") << QByteArray(R"({"error":{"code":"c","message":"C:\\temp\\"}})") << true;
    QTest::newRow("newline and tab") << QByteArray("a\nb\tc\r") << QByteArray(R"({"error":{"code":"c","message":"a\nb\tc\r"}})") << true;
    QTest::newRow("control characters") << QByteArray("x\x01y\x1f") << QByteArray(R"({"error":{"code":"c","message":"x\u0001y\u001f"}})") << true;
    QTest::newRow("utf-8 kept") << QByteArray("caf\xc3\xa9 \xe2\x82\xac") << QByteArray("{\"error\":{\"code\":\"c\",\"message\":\"caf\xc3\xa9 \xe2\x82\xac\"}}") << true;
    QTest::newRow("invalid utf-8 replaced") << QByteArray("a\xff" "b") << QByteArray("{\"error\":{\"code\":\"c\",\"message\":\"a\xef\xbf\xbd" "b\"}}") << false;
}

void tst_Http::errorJsonEscapes()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, expectedBody);
    QFETCH(bool, roundTrips);

    const Response response = Response::error(418, "c", message.toStdString());
    QCOMPARE(response.status, 418);
    QCOMPARE(q(response.contentType), QStringLiteral("application/json"));
    QCOMPARE(QByteArray::fromStdString(response.body), expectedBody);

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(response.body), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    if (roundTrips) {
        const QJsonObject error = document.object().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("message")).toString(), QString::fromUtf8(message));
    }
}

void tst_Http::getRoundTrip()
{
    Recorder recorder;
    Server server(testOptions(), [&](Request &request) {
        recorder.record(request);
        QJsonObject echo{{QStringLiteral("method"), q(request.method)},
                         {QStringLiteral("path"), q(request.path)},
                         {QStringLiteral("greeting"), q(request.query[std::string("greeting")])}};
        return Response::json(200, toStd(echo));
    });
    QVERIFY(started(server));

    auto client = Client::plain(server.port());
    QVERIFY(client->waitConnected());
    const QByteArray target = "/caf%C3%A9/a%20b?x=1&greeting=hello+world&amp=%26&flag&x=2&sp=%2B%20";
    QVERIFY(client->send(get(target, "X-Custom: Foo Bar\r\n")));
    const Reply reply = client->read();
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("server"), QByteArray("carta-syncd"));
    QCOMPARE(reply.header("content-type"), QByteArray("application/json"));
    QCOMPARE(reply.header("content-length").toInt(), reply.body.size());
    const QJsonObject echo = reply.json();
    QCOMPARE(echo.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
    QCOMPARE(echo.value(QStringLiteral("path")).toString(), QString::fromUtf8("/caf\xc3\xa9/a b"));
    QCOMPARE(echo.value(QStringLiteral("greeting")).toString(), QStringLiteral("hello world"));

    const Request request = recorder.lastRequest();
    QCOMPARE(recorder.calls.load(), 1);
    QCOMPARE(q(request.target), QString::fromLatin1(target));
    QCOMPARE(request.query.size(), std::size_t(5));
    QCOMPARE(q(request.query.at("x")), QStringLiteral("1")); // the first occurrence wins
    QCOMPARE(q(request.query.at("amp")), QStringLiteral("&"));
    QCOMPARE(q(request.query.at("flag")), QString());
    QCOMPARE(q(request.query.at("sp")), QStringLiteral("+ "));
    QCOMPARE(q(request.header("x-custom")), QStringLiteral("Foo Bar"));
    QCOMPARE(q(request.header("host")), QStringLiteral("localhost"));
    QVERIFY(request.headers.count("X-Custom") == 0); // names are lowercased
    QCOMPARE(q(request.remoteAddress), QStringLiteral("127.0.0.1"));
    QVERIFY(request.body.empty());
    QCOMPARE(request.bodySize, std::uint64_t(0));
    QCOMPARE(QByteArray::fromStdString(request.requestId), reply.header("x-request-id"));
}

void tst_Http::keepAlive()
{
    Recorder recorder;
    Server server(testOptions(), [&](Request &request) {
        recorder.record(request);
        return Response::json(200, "{\"path\":\"" + request.path + "\"}");
    });
    QVERIFY(started(server));

    auto client = Client::plain(server.port());
    QVERIFY(client->waitConnected());
    QVERIFY(client->send(get("/one")));
    const Reply first = client->read();
    QVERIFY(first.complete);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.body, QByteArray(R"({"path":"/one"})"));
    QVERIFY(first.header("connection").toLower() != "close");
    QCOMPARE(client->socket().state(), QAbstractSocket::ConnectedState);

    QVERIFY(client->send(post("/two", "payload")));
    const Reply second = client->read();
    QVERIFY(second.complete);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.body, QByteArray(R"({"path":"/two"})"));
    QCOMPARE(q(recorder.lastRequest().body), QStringLiteral("payload"));
    QCOMPARE(recorder.calls.load(), 2);
    QCOMPARE(client->socket().state(), QAbstractSocket::ConnectedState);

    // Pipelined: the second request is already buffered when the first is answered.
    QVERIFY(client->send(get("/three") + get("/four")));
    const Reply third = client->read();
    const Reply fourth = client->read();
    QVERIFY(third.complete && fourth.complete);
    QCOMPARE(third.body, QByteArray(R"({"path":"/three"})"));
    QCOMPARE(fourth.body, QByteArray(R"({"path":"/four"})"));
}

void tst_Http::expectContinue()
{
    ServerOptions options = testOptions();
    options.bodyLimit = 100;
    Server server(options, [](Request &request) { return Response::json(200, "{\"got\":\"" + request.body + "\"}"); });
    QVERIFY(started(server));

    auto client = Client::plain(server.port());
    QVERIFY(client->waitConnected());
    QVERIFY(client->send("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"));
    const Reply interim = client->read();
    QVERIFY(interim.complete);
    QCOMPARE(interim.status, 100);
    QVERIFY(client->send("hello"));
    const Reply reply = client->read();
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray(R"({"got":"hello"})"));

    // Too large: refused at once, before the client sends the body.
    QVERIFY(client->send("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 500\r\nExpect: 100-continue\r\n\r\n"));
    const Reply refused = client->read();
    QVERIFY(refused.complete);
    QCOMPARE(refused.status, 413);
    QVERIFY(client->waitDisconnected());
}

void tst_Http::handlerHeaders()
{
    Server server(testOptions(), [](Request &request) {
        Response response = Response::json(request.path == "/empty" ? 204 : 200, request.path == "/empty" ? "" : "<p/>");
        response.headers.emplace_back("Content-Type", "text/html"); // overrides contentType
        response.headers.emplace_back("Set-Cookie", "a=1");
        response.headers.emplace_back("Set-Cookie", "b=2");
        response.headers.emplace_back("X-Injected", "x\r\nEvil: yes"); // dropped
        response.headers.emplace_back("Connection", "close");          // framing is the server's
        response.headers.emplace_back("X-Request-Id", "forged");       // so is the request id
        return response;
    });
    QVERIFY(started(server));

    auto client = Client::plain(server.port());
    QVERIFY(client->waitConnected());
    QVERIFY(client->send(get("/page", "X-Request-Id: real\r\n")));
    const Reply reply = client->read();
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("content-type"), QByteArray("text/html"));
    QCOMPARE(reply.header("x-request-id"), QByteArray("real"));
    QVERIFY(!reply.headers.contains("x-injected"));
    QVERIFY(!reply.headers.contains("evil"));
    QCOMPARE(reply.body, QByteArray("<p/>"));
    QCOMPARE(client->socket().state(), QAbstractSocket::ConnectedState);

    QVERIFY(client->send(get("/empty")));
    const Reply empty = client->read();
    QVERIFY(empty.complete);
    QCOMPARE(empty.status, 204);
    QVERIFY(!empty.headers.contains("content-length"));
    QVERIFY(empty.body.isEmpty());
}

void tst_Http::connectionClose_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("Connection: close") << QByteArray("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    QTest::newRow("HTTP/1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n");
}

void tst_Http::connectionClose()
{
    QFETCH(QByteArray, request);
    ServerOptions options = testOptions();
    options.readTimeout = 30000ms; // closing must not wait for a deadline
    Server server(options, [](Request &) { return Response::json(200, "{}"); });
    QVERIFY(started(server));

    auto client = Client::plain(server.port());
    QVERIFY(client->waitConnected());
    QVERIFY(client->send(request));
    const Reply reply = client->read();
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.header("connection").toLower() != "keep-alive");
    QVERIFY(client->waitDisconnected(2000));
}

void tst_Http::headAnswersWithoutBody()
{
    Server server(testOptions(), [](Request &) { return Response::json(200, R"({"a":1})"); });
    QVERIFY(started(server));

    auto client = Client::plain(server.port());
    QVERIFY(client->waitConnected());
    QVERIFY(client->send("HEAD /thing HTTP/1.1\r\nHost: localhost\r\n\r\n"));
    const Reply head = client->read(true);
    QVERIFY(head.complete);
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("content-length"), QByteArray("7"));
    QVERIFY(head.body.isEmpty());

    // Had a body followed the HEAD answer, this reply would be garbled.
    QVERIFY(client->send(get("/thing")));
    const Reply reply = client->read();
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray(R"({"a":1})"));
}

void tst_Http::fileResponse()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("blob.bin"));
    const QByteArray content = randomBytes(1024 * 1024 + 17, 7);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
    }
    Server server(testOptions(), [&](Request &) {
        Response response;
        response.contentType = "application/octet-stream";
        response.filePath = path.toStdString();
        response.headers.emplace_back("Cache-Control", "no-store");
        response.headers.emplace_back("Content-Length", "1"); // framing belongs to the server
        return response;
    });
    QVERIFY(started(server));

    auto client = Client::plain(server.port());
    QVERIFY(client->waitConnected());
    QVERIFY(client->send(get("/blob")));
    const Reply reply = client->read(false, 20000);
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("content-type"), QByteArray("application/octet-stream"));
    QCOMPARE(reply.header("cache-control"), QByteArray("no-store"));
    QCOMPARE(reply.header("content-length").toLongLong(), content.size());
    QVERIFY(reply.body == content);

    QVERIFY(client->send("HEAD /blob HTTP/1.1\r\nHost: localhost\r\n\r\n"));
    const Reply head = client->read(true);
    QVERIFY(head.complete);
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("content-length").toLongLong(), content.size());
}

void tst_Http::missingResponseFile()
{
    Server server(testOptions(), [](Request &) {
        Response response;
        response.filePath = "/nonexistent/carta/blob.bin";
        return response;
    });
    QVERIFY(started(server));

    auto client = Client::plain(server.port());
    QVERIFY(client->waitConnected());
    QVERIFY(client->send(get("/blob")));
    const Reply reply = client->read();
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.errorCode(), QStringLiteral("not_found"));
}

void tst_Http::bodyTooLarge_data()
{
    QTest::addColumn<QByteArray>("request");
    const QByteArray body = randomBytes(4096, 1);
    QTest::newRow("Content-Length") << post("/echo", body);
    QTest::newRow("chunked") << postChunked("/echo", body, 700);
}

void tst_Http::bodyTooLarge()
{
    QFETCH(QByteArray, request);
    ServerOptions options = testOptions();
    options.bodyLimit = 1024;
    Recorder recorder;
    Server server(options, [&](Request &r) {
        recorder.record(r);
        return Response::json(200, "{}");
    });
    QVERIFY(started(server));

    auto client = Client::plain(server.port());
    QVERIFY(client->waitConnected());
    QVERIFY(client->send(request));
    const Reply reply = client->read();
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, 413);
    QCOMPARE(reply.body, QByteArray(R"({"error":{"code":"body_too_large","message":"request body exceeds 1024 bytes"}})"));
    QVERIFY(!reply.header("x-request-id").isEmpty());
    QVERIFY(client->waitDisconnected());
    QCOMPARE(recorder.calls.load(), 0);
}

void tst_Http::headerTooLarge()
{
    ServerOptions options = testOptions();
    options.headerLimit = 1024;
    Recorder recorder;
    Server server(options, [&](Request &r) {
        recorder.record(r);
        return Response::json(200, "{}");
    });
    QVERIFY(started(server));

    auto client = Client::plain(server.port());
    QVERIFY(client->waitConnected());
    QVERIFY(client->send(get("/", "X-Big: " + QByteArray(4000, 'a') + "\r\n")));
    const Reply reply = client->read();
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, 431);
    QCOMPARE(reply.errorCode(), QStringLiteral("header_too_large"));
    QVERIFY(client->waitDisconnected());
    QCOMPARE(recorder.calls.load(), 0);
}

void tst_Http::uploadStreamedToFile_data()
{
    QTest::addColumn<bool>("chunked");
    QTest::addColumn<bool>("handlerMovesFile");
    QTest::newRow("Content-Length") << false << false;
    QTest::newRow("chunked") << true << false;
    QTest::newRow("handler moves the file away") << false << true;
}

void tst_Http::uploadStreamedToFile()
{
    QFETCH(bool, chunked);
    QFETCH(bool, handlerMovesFile);
    QTemporaryDir uploads;
    QTemporaryDir kept;
    QVERIFY(uploads.isValid() && kept.isValid());
    const QString keptPath = kept.filePath(QStringLiteral("kept.bin"));

    ServerOptions options = testOptions();
    options.bodyLimit = 1024; // the upload is far larger: it must not go through memory
    options.uploadLimit = 16 * 1024 * 1024;
    options.uploadDirectory = uploads.path().toStdString();
    options.streamToFile = [](const std::string &method, const std::string &path) {
        return method == "POST" && path == "/upload";
    };

    struct Seen
    {
        QString file;
        std::uint64_t size = 0;
        bool bodyEmpty = false;
        bool existed = false;
    };
    std::mutex mutex;
    Seen seen;
    Server server(options, [&](Request &request) {
        if (request.path != "/upload")
            return Response::json(200, "{}");
        Seen now;
        now.file = q(request.bodyFile);
        now.size = request.bodySize;
        now.bodyEmpty = request.body.empty();
        now.existed = QFileInfo::exists(now.file);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QFile file(now.file);
        if (file.open(QIODevice::ReadOnly))
            hash.addData(&file);
        file.close();
        if (handlerMovesFile)
            QFile::rename(now.file, keptPath);
        {
            std::lock_guard lock(mutex);
            seen = now;
        }
        return Response::json(200, "{\"sha256\":\"" + hash.result().toHex().toStdString() + "\"}");
    });
    QVERIFY(started(server));

    const QByteArray data = randomBytes(3 * 1024 * 1024 + 5, 42);
    const QByteArray expectedHash = QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
    auto client = Client::plain(server.port());
    QVERIFY(client->waitConnected());
    QVERIFY(client->send(chunked ? postChunked("/upload", data, 64 * 1024 + 3) : post("/upload", data)));
    const Reply reply = client->read(false, 20000);
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("sha256")).toString().toLatin1(), expectedHash);

    {
        std::lock_guard lock(mutex);
        QVERIFY(seen.existed);
        QVERIFY(seen.bodyEmpty);
        QCOMPARE(seen.size, std::uint64_t(data.size()));
        QCOMPARE(QFileInfo(seen.file).absolutePath(), QFileInfo(uploads.path()).absoluteFilePath());
        QVERIFY(QFileInfo(seen.file).fileName().startsWith(QStringLiteral("upload-")));
    }
    // The temporary file is gone once the response is out; a moved one is left alone.
    QCOMPARE(entriesIn(uploads.path()), QStringList());
    if (handlerMovesFile) {
        QFile moved(keptPath);
        QVERIFY(moved.open(QIODevice::ReadOnly));
        QCOMPARE(QCryptographicHash::hash(moved.readAll(), QCryptographicHash::Sha256).toHex(), expectedHash);
    }

    // The connection is still good for the next request.
    QVERIFY(client->send(post("/small", "ok")));
    const Reply next = client->read();
    QVERIFY(next.complete);
    QCOMPARE(next.status, 200);
}

void tst_Http::uploadTooLarge_data()
{
    QTest::addColumn<QByteArray>("request");
    const QByteArray body = randomBytes(5000, 3);
    QTest::newRow("Content-Length") << post("/upload", body);
    QTest::newRow("chunked") << postChunked("/upload", body, 600);
}

void tst_Http::uploadTooLarge()
{
    QFETCH(QByteArray, request);
    QTemporaryDir uploads;
    QVERIFY(uploads.isValid());
    ServerOptions options = testOptions();
    options.uploadLimit = 1000;
    options.uploadDirectory = uploads.path().toStdString();
    options.streamToFile = [](const std::string &, const std::string &path) { return path == "/upload"; };
    Recorder recorder;
    Server server(options, [&](Request &r) {
        recorder.record(r);
        return Response::json(200, "{}");
    });
    QVERIFY(started(server));

    auto client = Client::plain(server.port());
    QVERIFY(client->waitConnected());
    QVERIFY(client->send(request));
    const Reply reply = client->read();
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, 413);
    QCOMPARE(reply.body, QByteArray(R"({"error":{"code":"body_too_large","message":"request body exceeds 1000 bytes"}})"));
    QCOMPARE(entriesIn(uploads.path()), QStringList());
    QVERIFY(client->waitDisconnected());
    QCOMPARE(recorder.calls.load(), 0);
}

void tst_Http::stalledRequestTimesOut_data()
{
    QTest::addColumn<QByteArray>("partialRequest");
    QTest::newRow("half a header") << QByteArray("GET / HTTP/1.1\r\nHost: loc");
    QTest::newRow("half a body") << QByteArray("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n0123456789");
    QTest::newRow("half an upload") << QByteArray("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n0123456789");
}

void tst_Http::stalledRequestTimesOut()
{
    QFETCH(QByteArray, partialRequest);
    QTemporaryDir uploads;
    QVERIFY(uploads.isValid());
    ServerOptions options = testOptions();
    options.readTimeout = 500ms;
    options.uploadTimeout = 4000ms; // an upload's body has its own, longer deadline
    options.uploadDirectory = uploads.path().toStdString();
    options.streamToFile = [](const std::string &, const std::string &path) { return path == "/upload"; };
    Recorder recorder;
    Server server(options, [&](Request &r) {
        recorder.record(r);
        return Response::json(200, "{}");
    });
    QVERIFY(started(server));

    auto client = Client::plain(server.port());
    QVERIFY(client->waitConnected());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(client->send(partialRequest));
    QVERIFY(client->waitDisconnected(8000));
    const bool upload = partialRequest.startsWith("POST /upload");
    QVERIFY2(timer.elapsed() >= (upload ? 3900 : 400), qPrintable(QString::number(timer.elapsed())));
    if (!upload) // the header's or body's own deadline, not the upload's (slack for a loaded machine)
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(recorder.calls.load(), 0);
    // The deadline closes the socket before the session ends and removes its upload.
    QTRY_COMPARE(entriesIn(uploads.path()), QStringList());
}

void tst_Http::idleKeepAliveClosed()
{
    ServerOptions options = testOptions();
    options.readTimeout = 500ms;
    Server server(options, [](Request &) { return Response::json(200, "{}"); });
    QVERIFY(started(server));

    auto client = Client::plain(server.port());
    QVERIFY(client->waitConnected());
    QVERIFY(client->send(get("/")));
    const Reply reply = client->read();
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, 200);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(client->waitDisconnected(5000));
    QVERIFY2(timer.elapsed() >= 400, qPrintable(QString::number(timer.elapsed())));
}

void tst_Http::malformedRequest_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("garbage request line") << QByteArray("HELLO THERE\r\n\r\n");
    QTest::newRow("no version") << QByteArray("GET /\r\n\r\n");
    QTest::newRow("bad version") << QByteArray("GET / HTTP/x.y\r\n\r\n");
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nNo colon here\r\n\r\n");
    QTest::newRow("space in header name") << QByteArray("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n");
    QTest::newRow("bad Content-Length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n");
    QTest::newRow("bad chunk") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nxx\r\n");
}

void tst_Http::malformedRequest()
{
    QFETCH(QByteArray, request);
    Recorder recorder;
    Server server(testOptions(), [&](Request &r) {
        recorder.record(r);
        return Response::json(200, "{}");
    });
    QVERIFY(started(server));

    auto client = Client::plain(server.port());
    QVERIFY(client->waitConnected());
    QVERIFY(client->send(request));
    const Reply reply = client->read();
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), QStringLiteral("bad_request"));
    QVERIFY(client->waitDisconnected());
    QCOMPARE(recorder.calls.load(), 0);
}

void tst_Http::badTarget_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::newRow("not hex") << QByteArray("/a%zz");
    QTest::newRow("truncated escape") << QByteArray("/a%2");
    QTest::newRow("lone percent") << QByteArray("/a%");
    QTest::newRow("NUL") << QByteArray("/a%00b");
    QTest::newRow("bad escape in query value") << QByteArray("/search?q=%G1");
    QTest::newRow("NUL in query key") << QByteArray("/search?%00=1");
    QTest::newRow("not origin-form") << QByteArray("search");
}

void tst_Http::badTarget()
{
    QFETCH(QByteArray, target);
    Recorder recorder;
    Server server(testOptions(), [&](Request &r) {
        recorder.record(r);
        return Response::json(200, "{}");
    });
    QVERIFY(started(server));

    auto client = Client::plain(server.port());
    QVERIFY(client->waitConnected());
    QVERIFY(client->send(get(target)));
    const Reply reply = client->read();
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), QStringLiteral("bad_request"));
    QCOMPARE(recorder.calls.load(), 0);
}

void tst_Http::handlerThrows_data()
{
    QTest::addColumn<bool>("standardException");
    QTest::newRow("std::runtime_error") << true;
    QTest::newRow("not a std::exception") << false;
}

void tst_Http::handlerThrows()
{
    QFETCH(bool, standardException);
    Server server(testOptions(), [&](Request &request) {
        if (request.path == "/boom") {
            if (standardException)
                throw std::runtime_error("kaput \"secret\"");
            throw 42;
        }
        return Response::json(200, R"({"fine":true})");
    });
    QVERIFY(started(server));

    auto client = Client::plain(server.port());
    QVERIFY(client->waitConnected());
    QVERIFY(client->send(get("/boom")));
    const Reply failed = client->read();
    QVERIFY(failed.complete);
    QCOMPARE(failed.status, 500);
    QCOMPARE(failed.errorCode(), QStringLiteral("internal"));
    QVERIFY(!failed.body.contains("secret")); // what went wrong stays on the server

    // The same connection and a new one are both still served.
    QVERIFY(client->send(get("/fine")));
    const Reply same = client->read();
    QVERIFY(same.complete);
    QCOMPARE(same.status, 200);

    auto other = Client::plain(server.port());
    QVERIFY(other->waitConnected());
    QVERIFY(other->send(get("/fine")));
    const Reply fresh = other->read();
    QVERIFY(fresh.complete);
    QCOMPARE(fresh.status, 200);
    QCOMPARE(fresh.body, QByteArray(R"({"fine":true})"));
}

void tst_Http::requestId_data()
{
    QTest::addColumn<QByteArray>("headerLine");
    QTest::addColumn<QByteArray>("expected"); // empty: a generated id

    QTest::newRow("sane") << QByteArray("X-Request-Id: abc-123_X.y\r\n") << QByteArray("abc-123_X.y");
    QTest::newRow("64 characters") << QByteArray("X-Request-Id: " + QByteArray(64, 'a') + "\r\n") << QByteArray(64, 'a');
    QTest::newRow("any header case") << QByteArray("x-request-ID: Z9\r\n") << QByteArray("Z9");
    QTest::newRow("absent") << QByteArray() << QByteArray();
    QTest::newRow("empty") << QByteArray("X-Request-Id: \r\n") << QByteArray();
    QTest::newRow("65 characters") << QByteArray("X-Request-Id: " + QByteArray(65, 'a') + "\r\n") << QByteArray();
    QTest::newRow("slash") << QByteArray("X-Request-Id: a/b\r\n") << QByteArray();
    QTest::newRow("space") << QByteArray("X-Request-Id: a b\r\n") << QByteArray();
    QTest::newRow("non-ASCII") << QByteArray("X-Request-Id: caf\xc3\xa9\r\n") << QByteArray();
}

void tst_Http::requestId()
{
    QFETCH(QByteArray, headerLine);
    QFETCH(QByteArray, expected);
    Recorder recorder;
    Server server(testOptions(), [&](Request &r) {
        recorder.record(r);
        return Response::json(200, "{}");
    });
    QVERIFY(started(server));

    auto client = Client::plain(server.port());
    QVERIFY(client->waitConnected());
    QVERIFY(client->send(get("/", headerLine)));
    const Reply reply = client->read();
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, 200);
    const QByteArray id = reply.header("x-request-id");
    if (expected.isEmpty())
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{16}$")).match(QString::fromLatin1(id)).hasMatch(), id.constData());
    else
        QCOMPARE(id, expected);
    QCOMPARE(QByteArray::fromStdString(recorder.lastRequest().requestId), id);

    // A generated id is fresh for every request.
    if (expected.isEmpty()) {
        QVERIFY(client->send(get("/", headerLine)));
        const Reply second = client->read();
        QVERIFY(second.complete);
        QVERIFY(second.header("x-request-id") != id);
    }
}

void tst_Http::onResponseReports()
{
    struct Entry
    {
        int status = 0;
        QString path;
        QString requestId;
        std::chrono::microseconds elapsed{-1};
    };
    std::mutex mutex;
    QList<Entry> entries;
    const auto entryCount = [&] {
        std::lock_guard lock(mutex);
        return entries.size();
    };
    ServerOptions options = testOptions();
    options.bodyLimit = 10;
    options.onResponse = [&](const Request &request, const Response &response, std::chrono::microseconds elapsed) {
        std::lock_guard lock(mutex);
        entries.append(Entry{response.status, q(request.path), q(request.requestId), elapsed});
    };
    Server server(options, [](Request &) { return Response::json(201, "{}"); });
    QVERIFY(started(server));

    auto client = Client::plain(server.port());
    QVERIFY(client->waitConnected());
    QVERIFY(client->send(get("/logged", "X-Request-Id: log-1\r\n")));
    const Reply reply = client->read();
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, 201);
    QTRY_COMPARE(entryCount(), qsizetype(1));

    QVERIFY(client->send(post("/big", QByteArray(100, 'x'))));
    const Reply refused = client->read();
    QVERIFY(refused.complete);
    QCOMPARE(refused.status, 413);
    QTRY_COMPARE(entryCount(), qsizetype(2));

    std::lock_guard lock(mutex);
    QCOMPARE(entries[0].status, 201);
    QCOMPARE(entries[0].path, QStringLiteral("/logged"));
    QCOMPARE(entries[0].requestId, QStringLiteral("log-1"));
    QVERIFY(entries[0].elapsed.count() >= 0);
    QCOMPARE(entries[1].status, 413);
    QCOMPARE(entries[1].path, QStringLiteral("/big"));
}

void tst_Http::tlsRoundTrip()
{
    if (!haveCertificate())
        QSKIP("no test certificate or no TLS support in Qt");
    ServerOptions options = tlsOptions();
    options.readTimeout = 30000ms; // closing must not wait for a deadline
    options.bodyLimit = 1024;
    Recorder recorder;
    Server server(options, [&](Request &r) {
        recorder.record(r);
        return Response::json(200, "{\"path\":\"" + r.path + "\"}");
    });
    QVERIFY(started(server));

    auto client = Client::tls(server.port());
    QVERIFY2(client->waitConnected(), qPrintable(client->socket().errorString()));
    const auto protocol = static_cast<QSslSocket &>(client->socket()).sessionProtocol();
    QVERIFY(protocol == QSsl::TlsV1_2 || protocol == QSsl::TlsV1_3);

    QVERIFY(client->send(get("/secure")));
    const Reply first = client->read();
    QVERIFY(first.complete);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.body, QByteArray(R"({"path":"/secure"})"));

    QVERIFY(client->send(get("/again", "Connection: close\r\n")));
    const Reply second = client->read();
    QVERIFY(second.complete);
    QCOMPARE(second.status, 200);
    QVERIFY(client->waitDisconnected(2000));
    QCOMPARE(recorder.calls.load(), 2);

    // A refused body over TLS: the answer arrives whole, then the connection closes.
    auto refused = Client::tls(server.port());
    QVERIFY2(refused->waitConnected(), qPrintable(refused->socket().errorString()));
    QVERIFY(refused->send(post("/big", randomBytes(64 * 1024, 5))));
    const Reply tooLarge = refused->read();
    QVERIFY(tooLarge.complete);
    QCOMPARE(tooLarge.status, 413);
    QCOMPARE(tooLarge.errorCode(), QStringLiteral("body_too_large"));
    QVERIFY(refused->waitDisconnected(2000));
    QCOMPARE(recorder.calls.load(), 2);
}

void tst_Http::plainClientOnTlsPort()
{
    if (!haveCertificate())
        QSKIP("no test certificate or no TLS support in Qt");
    Server server(tlsOptions(), [](Request &) { return Response::json(200, "{}"); });
    QVERIFY(started(server));

    auto plain = Client::plain(server.port());
    QVERIFY(plain->waitConnected());
    QVERIFY(plain->send(get("/")));
    QVERIFY(plain->waitDisconnected());

    auto client = Client::tls(server.port());
    QVERIFY2(client->waitConnected(), qPrintable(client->socket().errorString()));
    QVERIFY(client->send(get("/")));
    const Reply reply = client->read();
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, 200);
}

void tst_Http::tlsHandshakeTimesOut()
{
    if (!haveCertificate())
        QSKIP("no test certificate or no TLS support in Qt");
    ServerOptions options = tlsOptions();
    options.readTimeout = 500ms;
    Server server(options, [](Request &) { return Response::json(200, "{}"); });
    QVERIFY(started(server));

    auto silent = Client::plain(server.port()); // connects, never says hello
    QVERIFY(silent->waitConnected());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(silent->waitDisconnected(5000));
    QVERIFY(timer.elapsed() >= 400);
}

void tst_Http::missingTlsFile_data()
{
    QTest::addColumn<bool>("certificateMissing");
    QTest::newRow("certificate chain") << true;
    QTest::newRow("private key") << false;
}

void tst_Http::missingTlsFile()
{
    QFETCH(bool, certificateMissing);
    if (!m_haveCertificate)
        QSKIP("no test certificate");
    const QString missing = m_tlsDir.filePath(QStringLiteral("missing.pem"));
    ServerOptions options = testOptions();
    options.tls = TlsFiles{(certificateMissing ? missing : m_certificateFile).toStdString(),
                           (certificateMissing ? m_keyFile : missing).toStdString()};
    Server server(options, [](Request &) { return Response::json(200, "{}"); });
    const auto result = server.start();
    QVERIFY(!result.ok());
    QVERIFY2(result.errorString().contains(missing), qPrintable(result.errorString()));
    server.stop(); // harmless after a failed start
}

void tst_Http::portInUse()
{
    Server first(testOptions(), [](Request &) { return Response::json(200, "{}"); });
    QVERIFY(started(first));

    ServerOptions options = testOptions();
    options.port = first.port();
    Server second(options, [](Request &) { return Response::json(200, "{}"); });
    const auto result = second.start();
    QVERIFY(!result.ok());
    QVERIFY2(result.errorString().contains(QString::number(first.port())), qPrintable(result.errorString()));

    // The first server is unaffected.
    auto client = Client::plain(first.port());
    QVERIFY(client->waitConnected());
    QVERIFY(client->send(get("/")));
    QCOMPARE(client->read().status, 200);
}

void tst_Http::stopWithConnectedClient_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QByteArray>("sent");
    QTest::addColumn<bool>("expectReply");
    QTest::newRow("silent client") << false << QByteArray() << false;
    QTest::newRow("idle after a request") << false << get("/") << true;
    QTest::newRow("half a request") << false << QByteArray("GET / HT") << false;
    QTest::newRow("TLS idle after a request") << true << get("/") << true;
}

void tst_Http::stopWithConnectedClient()
{
    QFETCH(bool, tls);
    QFETCH(QByteArray, sent);
    QFETCH(bool, expectReply);
    if (tls && !haveCertificate())
        QSKIP("no test certificate or no TLS support in Qt");
    ServerOptions options = tls ? tlsOptions() : testOptions();
    options.readTimeout = 30000ms; // stop() must not wait for the deadlines
    options.writeTimeout = 30000ms;
    Server server(options, [](Request &) { return Response::json(200, "{}"); });
    QVERIFY(started(server));

    auto client = tls ? Client::tls(server.port()) : Client::plain(server.port());
    QVERIFY(client->waitConnected());
    if (!sent.isEmpty())
        QVERIFY(client->send(sent));
    if (expectReply)
        QCOMPARE(client->read().status, 200);

    QElapsedTimer timer;
    timer.start();
    server.stop();
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(client->waitDisconnected());

    auto late = Client::plain(server.port());
    QVERIFY(!late->waitConnected(2000) || late->waitDisconnected());
}

void tst_Http::stopLetsResponseFinish()
{
    std::promise<void> entered;
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    Server server(testOptions(), [&, released](Request &) {
        entered.set_value();
        released.wait_for(10s); // bounded, so that a broken test cannot hang
        return Response::json(200, R"({"done":true})");
    });
    QVERIFY(started(server));

    auto idle = Client::plain(server.port());
    QVERIFY(idle->waitConnected());
    auto busy = Client::plain(server.port());
    QVERIFY(busy->waitConnected());
    QVERIFY(busy->send(get("/slow")));
    QCOMPARE(entered.get_future().wait_for(5s), std::future_status::ready);

    std::thread stopper([&] { server.stop(); });
    // stop() is under way once the idle connection is closed; only then may the handler end.
    const bool idleClosed = idle->waitDisconnected();
    release.set_value();
    const Reply reply = busy->read();
    stopper.join();

    QVERIFY(idleClosed);
    QVERIFY(reply.complete);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray(R"({"done":true})"));
    QCOMPARE(reply.header("connection").toLower(), QByteArray("close"));
    QVERIFY(busy->waitDisconnected());
}

void tst_Http::stopGivesUpOnSlowHandler()
{
    // A handler that outlasts stop()'s patience (writeTimeout + 1 s): stop() stops the
    // workers, waits for the handler, and discards the response and the session with it.
    QTemporaryDir uploads;
    QVERIFY(uploads.isValid());
    ServerOptions options = testOptions();
    options.writeTimeout = 100ms;
    options.uploadDirectory = uploads.path().toStdString();
    options.streamToFile = [](const std::string &, const std::string &) { return true; };
    std::promise<void> entered;
    Server server(options, [&](Request &) {
        entered.set_value();
        std::promise<void> never;
        never.get_future().wait_for(2500ms); // longer than stop() waits; deliberately so
        return Response::json(200, "{}");
    });
    QVERIFY(started(server));

    auto client = Client::plain(server.port());
    QVERIFY(client->waitConnected());
    QVERIFY(client->send(post("/slow", "body")));
    QCOMPARE(entered.get_future().wait_for(5s), std::future_status::ready);
    QCOMPARE(entriesIn(uploads.path()).size(), 1);

    QElapsedTimer timer;
    timer.start();
    server.stop();
    QVERIFY(timer.elapsed() < 5000);
    QCOMPARE(entriesIn(uploads.path()), QStringList());
    QVERIFY(client->waitDisconnected());
}

void tst_Http::stopTwice()
{
    Server never(testOptions(), [](Request &) { return Response::json(200, "{}"); });
    never.stop(); // before start: nothing to do

    Server server(testOptions(), [](Request &) { return Response::json(200, "{}"); });
    QVERIFY(started(server));
    server.stop();
    server.stop();
    // and once more from the destructor
}

void tst_Http::startAgainAfterStop()
{
    Server server(testOptions(), [](Request &) { return Response::json(200, "{}"); });
    for (int round = 0; round < 2; ++round) {
        QVERIFY(started(server));
        auto client = Client::plain(server.port());
        QVERIFY(client->waitConnected());
        QVERIFY(client->send(get("/")));
        QCOMPARE(client->read().status, 200);
        server.stop();
        QVERIFY(client->waitDisconnected());
    }
}

QTEST_GUILESS_MAIN(tst_Http)
#include "tst_http.moc"
