// The HTTP/1.1 front of carta-syncd on Boost.Beast: one session per connection on its own
// strand, in the do_x/on_x style of Beast's examples; every read has a deadline and a limit.
#include "syncserver/http.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>

#include <QString>

#include <fcntl.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cassert>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <mutex>
#include <random>
#include <string_view>
#include <thread>
#include <type_traits>
#include <unordered_map>

namespace carta::syncserver::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = boost::asio::ip::tcp;

namespace {

constexpr std::string_view kServerName = "carta-syncd";
// Closing politely (TLS close_notify, or draining what the client still sends so that a
// reset does not destroy the response in flight) never takes longer than this.
constexpr std::chrono::milliseconds kMaxLinger{5000};
// Accept failures such as "too many open files" are retried after this pause.
constexpr std::chrono::milliseconds kAcceptRetry{100};

// ---- text helpers -----------------------------------------------------------------------

std::string toStd(beast::string_view text)
{
    return std::string(text.data(), text.size());
}

std::string lowercase(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return out;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Decodes %XX escapes; nullopt for a broken escape or a NUL, which no path or parameter
// of ours may contain.
std::optional<std::string> percentDecode(std::string_view text, bool plusIsSpace)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            if (text.size() - i < 3)
                return std::nullopt;
            const int high = hexValue(text[i + 1]);
            const int low = hexValue(text[i + 2]);
            if (high < 0 || low < 0)
                return std::nullopt;
            const char decoded = static_cast<char>(high * 16 + low);
            if (decoded == '\0')
                return std::nullopt;
            out += decoded;
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            out += ' ';
        } else if (c == '\0') {
            return std::nullopt;
        } else {
            out += c;
        }
    }
    return out;
}

// Splits the target into the decoded path and query; false when it is not origin-form
// ("/path?query") or an escape is broken.
bool parseTarget(Request &request)
{
    std::string_view target = request.target;
    if (const auto hash = target.find('#'); hash != std::string_view::npos)
        target = target.substr(0, hash);
    const auto question = target.find('?');
    const std::string_view rawPath = target.substr(0, question);
    if (rawPath.empty() || rawPath.front() != '/')
        return false;
    auto path = percentDecode(rawPath, false);
    if (!path)
        return false;
    request.path = std::move(*path);
    if (question == std::string_view::npos)
        return true;

    std::string_view rest = target.substr(question + 1);
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        if (pair.empty())
            continue;
        const auto equals = pair.find('=');
        auto key = percentDecode(pair.substr(0, equals), true);
        auto value = percentDecode(equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1), true);
        if (!key || !value)
            return false;
        request.query.emplace(std::move(*key), std::move(*value)); // the first occurrence wins
    }
    return true;
}

bool isSaneRequestId(std::string_view id)
{
    if (id.empty() || id.size() > 64)
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.'
            || c == '_' || c == '-';
    });
}

std::string generateRequestId()
{
    std::array<unsigned char, 8> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        // Request ids correlate log lines; they need not be secret, only unlikely to repeat.
        thread_local std::mt19937_64 fallback{std::random_device{}()};
        std::uint64_t value = fallback();
        for (auto &byte : bytes) {
            byte = static_cast<unsigned char>(value & 0xffu);
            value >>= 8;
        }
    }
    static constexpr char digits[] = "0123456789abcdef";
    std::string id;
    id.reserve(bytes.size() * 2);
    for (const unsigned char byte : bytes) {
        id += digits[byte >> 4];
        id += digits[byte & 0x0fu];
    }
    return id;
}

// The length of the valid UTF-8 sequence starting text, or 0 when it is not one.
std::size_t utf8SequenceLength(std::string_view text)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(0);
    std::size_t length = 0;
    std::uint32_t codePoint = 0;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
        codePoint = lead & 0x1fu;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        codePoint = lead & 0x0fu;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        codePoint = lead & 0x07u;
    } else {
        return 0;
    }
    if (text.size() < length)
        return 0;
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xc0u) != 0x80u)
            return 0;
        codePoint = (codePoint << 6) | (byte(i) & 0x3fu);
    }
    const bool overlong = (length == 3 && codePoint < 0x800) || (length == 4 && codePoint < 0x10000);
    const bool surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
    if (overlong || surrogate || codePoint > 0x10ffff)
        return 0;
    return length;
}

// Appends text as a JSON string literal; invalid UTF-8 becomes U+FFFD so that the
// document stays valid whatever the message holds.
void appendJsonString(std::string &out, std::string_view text)
{
    out += '"';
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const std::size_t length = utf8SequenceLength(text.substr(i));
            if (length == 0) {
                out += "\xef\xbf\xbd";
                ++i;
            } else {
                out.append(text.substr(i, length));
                i += length;
            }
            continue;
        }
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                std::array<char, 8> escaped{};
                std::snprintf(escaped.data(), escaped.size(), "\\u%04x", static_cast<unsigned>(c));
                out += escaped.data();
            } else {
                out += static_cast<char>(c);
            }
        }
        ++i;
    }
    out += '"';
}

bool isToken(std::string_view name)
{
    static constexpr std::string_view extra = "!#$%&'*+-.^_`|~";
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || extra.find(c) != std::string_view::npos;
    });
}

bool isSafeHeaderValue(std::string_view value)
{
    return value.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

// Headers a handler may add: well-formed ones that leave the framing (the server's
// business) and the server's own headers alone.
bool isHandlerHeaderAllowed(const std::string &name, const std::string &value)
{
    if (!isToken(name) || !isSafeHeaderValue(value))
        return false;
    const std::string lower = lowercase(name);
    return lower != "content-length" && lower != "transfer-encoding" && lower != "connection"
        && lower != "keep-alive" && lower != "upgrade" && lower != "server" && lower != "x-request-id";
}

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

// ---- the temporary file an upload is streamed to -----------------------------------------

// Owns the path of an upload's temporary file and removes it when it goes; if the handler
// has moved the file away, removing quietly does nothing.
class TemporaryUpload
{
public:
    explicit TemporaryUpload(std::string path) : m_path(std::move(path)) {}
    ~TemporaryUpload()
    {
        std::error_code ignored;
        std::filesystem::remove(m_path, ignored);
    }
    TemporaryUpload(const TemporaryUpload &) = delete;
    TemporaryUpload &operator=(const TemporaryUpload &) = delete;

    [[nodiscard]] const std::string &path() const { return m_path; }

private:
    std::string m_path;
};

// Creates upload-XXXXXX in directory and hands its open descriptor to file.
std::unique_ptr<TemporaryUpload> createTemporaryUpload(const std::string &directory, beast::file &file,
                                                       beast::error_code &ec)
{
    std::string pattern = (std::filesystem::path(directory) / "upload-XXXXXX").string();
    const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd < 0) {
        ec.assign(errno, beast::system_category());
        return nullptr;
    }
    auto upload = std::make_unique<TemporaryUpload>(pattern);
    file.native_handle(fd); // file owns (and closes) the descriptor from here on
    ec = {};
    return upload;
}

// ---- the server's shared state -------------------------------------------------------------

class SessionBase
{
public:
    virtual ~SessionBase() = default;
    // Called from stop() on any thread: close the connection unless a response is being written.
    virtual void serverStopping() = 0;
};

// Everything the sessions share; Server::Impl is this, under the name the header knows.
struct ServerCore
{
    ServerCore(ServerOptions serverOptions, Handler requestHandler)
        : options(std::move(serverOptions))
        , handler(std::move(requestHandler))
    {
    }

    void doAccept();
    void onAccept(beast::error_code ec, tcp::socket socket);
    void closeAcceptor();
    void runWorker();

    void registerSession(const std::shared_ptr<SessionBase> &session)
    {
        std::lock_guard lock(sessionsMutex);
        sessions.emplace(session.get(), session);
    }
    void unregisterSession(const SessionBase *session)
    {
        std::lock_guard lock(sessionsMutex);
        sessions.erase(session);
    }

    const ServerOptions options;
    const Handler handler;
    std::optional<ssl::context> tls; // outlives the sessions, which are owned by handlers in ioc
    std::atomic<bool> stopping{false};
    std::atomic<std::uint16_t> boundPort{0};

    std::mutex lifecycleMutex; // start() and stop()

    std::mutex sessionsMutex;
    std::unordered_map<const SessionBase *, std::weak_ptr<SessionBase>> sessions;

    std::mutex runMutex;
    std::condition_variable runFinished;
    int runningThreads = 0;

    // One per run, made by start() and destroyed by stop(): destroying it destroys any
    // handler still queued, and with it the session it keeps alive; so it is declared after
    // everything the sessions use.
    std::unique_ptr<net::io_context> ioc;
    std::optional<tcp::acceptor> acceptor;
    std::optional<net::steady_timer> acceptRetry;
    std::vector<std::thread> threads;
};

// ---- one connection ----------------------------------------------------------------------

template<bool Tls>
class Session final : public SessionBase, public std::enable_shared_from_this<Session<Tls>>
{
public:
    using Stream = std::conditional_t<Tls, beast::ssl_stream<beast::tcp_stream>, beast::tcp_stream>;

    Session(ServerCore &server, tcp::socket &&socket, std::string remoteAddress)
        : m_server(server)
        , m_stream(makeStream(std::move(socket), server))
        , m_remoteAddress(std::move(remoteAddress))
    {
    }

    ~Session() override { m_server.unregisterSession(this); }

    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    void start()
    {
        // The session was made on the acceptor's strand; from here on it lives on its own.
        net::dispatch(m_stream.get_executor(), beast::bind_front_handler(&Session::onStart, this->shared_from_this()));
    }

    void serverStopping() override
    {
        net::post(m_stream.get_executor(), [self = this->shared_from_this()] {
            // A response being written finishes (bounded by writeTimeout); onWrite then closes.
            if (self->m_phase != Phase::Writing)
                self->closeNow();
        });
    }

private:
    enum class Phase { Handshake, Reading, Writing, Closing, Closed };

    static Stream makeStream(tcp::socket &&socket, ServerCore &server)
    {
        if constexpr (Tls)
            return Stream(std::move(socket), *server.tls);
        else
            return Stream(std::move(socket));
    }

    const ServerOptions &options() const { return m_server.options; }
    beast::tcp_stream &tcpStream() { return beast::get_lowest_layer(m_stream); }

    void onStart()
    {
        if constexpr (Tls) {
            m_phase = Phase::Handshake;
            tcpStream().expires_after(options().readTimeout);
            m_stream.async_handshake(ssl::stream_base::server,
                                     beast::bind_front_handler(&Session::onHandshake, this->shared_from_this()));
        } else {
            readRequest();
        }
    }

    void onHandshake(beast::error_code ec)
    {
        // A client that is not speaking TLS (plain HTTP, say) ends up here: drop it.
        if (ec)
            return closeNow();
        readRequest();
    }

    // ---- reading ----

    void readRequest()
    {
        if (m_server.stopping)
            return closeNow();
        m_request = Request{};
        m_request.remoteAddress = m_remoteAddress;
        m_upload.reset();
        m_stringParser.reset();
        m_fileParser.reset();
        m_version = 11;
        m_bodyLimit = options().bodyLimit;

        m_headerParser.emplace();
        const auto headerLimit = std::min<std::uint64_t>(options().headerLimit, std::numeric_limits<std::uint32_t>::max());
        m_headerParser->header_limit(static_cast<std::uint32_t>(headerLimit));
        // The real body limit is set once the header tells where the body goes. (Beast 1.74
        // mishandles body_limit(none), hence the maximum rather than "no limit".)
        m_headerParser->body_limit(std::numeric_limits<std::uint64_t>::max());

        m_phase = Phase::Reading;
        // One deadline for the whole request, header and body; it also ends idle keep-alive.
        tcpStream().expires_after(options().readTimeout);
        bhttp::async_read_header(m_stream, m_buffer, *m_headerParser,
                                 beast::bind_front_handler(&Session::onHeader, this->shared_from_this()));
    }

    void onHeader(beast::error_code ec, std::size_t)
    {
        if (m_phase == Phase::Closed) // closed meanwhile (a stop): the request must not run unanswered
            return;
        if (ec)
            return onReadError(ec);
        m_started = std::chrono::steady_clock::now();

        const auto &header = m_headerParser->get();
        m_version = header.version();
        m_request.method = toStd(header.method_string());
        m_request.target = toStd(header.target());
        for (const auto &field : header) {
            auto [it, inserted] = m_request.headers.emplace(lowercase(toStd(field.name_string())), toStd(field.value()));
            if (!inserted) // repeated fields combine into one list (RFC 9110, 5.3)
                it->second += ", " + toStd(field.value());
        }
        const std::string givenId = m_request.header("x-request-id");
        m_request.requestId = isSaneRequestId(givenId) ? givenId : generateRequestId();

        if (!parseTarget(m_request))
            return respondAndClose(Response::error(400, "bad_request", "malformed request target"));

        bool toFile = false;
        if (options().streamToFile) {
            try {
                toFile = options().streamToFile(m_request.method, m_request.path);
            } catch (...) { // a user callback; it must not take the server down
                return respondAndClose(Response::error(500, "internal", "internal server error"));
            }
        }
        m_bodyLimit = toFile ? options().uploadLimit : options().bodyLimit;
        if (const auto length = m_headerParser->content_length(); length && *length > m_bodyLimit)
            return respondBodyTooLarge();

        const bool hasBody = !m_headerParser->is_done();
        if (hasBody && m_version >= 11 && beast::iequals(toStd(header[bhttp::field::expect]), "100-continue")) {
            m_phase = Phase::Writing;
            tcpStream().expires_after(options().writeTimeout);
            static constexpr std::string_view continueLine = "HTTP/1.1 100 Continue\r\n\r\n";
            net::async_write(m_stream, net::buffer(continueLine.data(), continueLine.size()),
                             [self = this->shared_from_this(), toFile](beast::error_code writeError, std::size_t) {
                                 if (writeError || self->m_server.stopping)
                                     return self->closeNow();
                                 self->m_phase = Phase::Reading;
                                 self->tcpStream().expires_after(self->options().readTimeout);
                                 self->readBody(toFile);
                             });
            return;
        }
        readBody(toFile);
    }

    void readBody(bool toFile)
    {
        if (toFile) {
            beast::file file;
            beast::error_code ec;
            m_upload = createTemporaryUpload(options().uploadDirectory, file, ec);
            if (!ec) {
                m_fileParser.emplace(std::move(*m_headerParser));
                m_fileParser->get().body().reset(std::move(file), ec);
            }
            m_headerParser.reset();
            if (ec)
                return respondAndClose(Response::error(500, "internal", "cannot store the request body"));
            m_fileParser->body_limit(m_bodyLimit);
            tcpStream().expires_after(options().uploadTimeout);
            bhttp::async_read(m_stream, m_buffer, *m_fileParser,
                              beast::bind_front_handler(&Session::onBody, this->shared_from_this()));
        } else {
            m_stringParser.emplace(std::move(*m_headerParser));
            m_headerParser.reset();
            m_stringParser->body_limit(m_bodyLimit);
            bhttp::async_read(m_stream, m_buffer, *m_stringParser,
                              beast::bind_front_handler(&Session::onBody, this->shared_from_this()));
        }
    }

    void onBody(beast::error_code ec, std::size_t)
    {
        // A stop may have closed the connection after the body arrived but before this ran:
        // then nobody can receive the answer, so the request is not carried out at all.
        if (m_phase == Phase::Closed)
            return;
        if (ec)
            return onReadError(ec);
        bool keepAlive = false;
        if (m_fileParser) {
            auto &message = m_fileParser->get();
            keepAlive = message.keep_alive();
            beast::error_code closeError;
            message.body().file().close(closeError); // the handler gets a complete, closed file
            if (closeError)
                return respondAndClose(Response::error(500, "internal", "cannot store the request body"));
            m_request.bodyFile = m_upload->path();
            std::error_code sizeError;
            m_request.bodySize = std::filesystem::file_size(m_upload->path(), sizeError);
            if (sizeError)
                return respondAndClose(Response::error(500, "internal", "cannot store the request body"));
        } else {
            auto &message = m_stringParser->get();
            keepAlive = message.keep_alive();
            m_request.body = std::move(message.body());
            m_request.bodySize = m_request.body.size();
        }
        m_fileParser.reset();
        m_stringParser.reset();

        // The handler runs right here, on this session's strand and one of the worker
        // threads: a handler that blocks (on a database mutex, say) holds that thread.
        Response response;
        try {
            response = m_server.handler(m_request);
        } catch (...) { // exceptions must not cross into Asio and end the worker thread
            response = Response::error(500, "internal", "internal server error");
        }
        respond(std::move(response), keepAlive);
    }

    void onReadError(beast::error_code ec)
    {
        if (ec == bhttp::error::body_limit)
            return respondBodyTooLarge();
        if (ec == bhttp::error::header_limit) {
            return respondAndClose(Response::error(
                431, "header_too_large", "request header exceeds " + std::to_string(options().headerLimit) + " bytes"));
        }
        if (isConnectionGone(ec))
            return closeNow();
        if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category())
            return respondAndClose(Response::error(400, "bad_request", "malformed request: " + ec.message()));
        if (m_fileParser) // writing the upload failed (disk full, ...)
            return respondAndClose(Response::error(500, "internal", "cannot store the request body"));
        closeNow();
    }

    static bool isConnectionGone(const beast::error_code &ec)
    {
        return ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message || ec == beast::error::timeout
            || ec == net::error::eof || ec == net::error::operation_aborted || ec == net::error::connection_reset
            || ec == net::error::connection_aborted || ec == net::error::broken_pipe || ec == net::error::not_connected
            || ec == net::error::bad_descriptor || ec == net::error::timed_out || ec == net::ssl::error::stream_truncated
            || ec.category() == net::error::get_ssl_category();
    }

    void respondBodyTooLarge()
    {
        respondAndClose(Response::error(413, "body_too_large",
                                        "request body exceeds " + std::to_string(m_bodyLimit) + " bytes"));
    }

    // For requests the server refuses itself: what is left of the request is not read, so
    // the connection cannot be reused.
    void respondAndClose(Response response)
    {
        m_inputLeft = true;
        if (m_request.requestId.empty())
            m_request.requestId = generateRequestId();
        if (m_started == std::chrono::steady_clock::time_point{})
            m_started = std::chrono::steady_clock::now();
        m_headerParser.reset();
        m_stringParser.reset();
        m_fileParser.reset();
        respond(std::move(response), false);
    }

    // ---- writing ----

    void respond(Response response, bool keepAlive)
    {
        if (response.status < 200 || response.status > 599)
            response = Response::error(500, "internal", "internal server error");
        m_closeAfterWrite = !keepAlive || m_server.stopping;
        const bool head = m_request.method == "HEAD";
        const bool bodyless = response.status == 204 || response.status == 304;

        if (!response.filePath.empty() && !bodyless) {
            bhttp::file_body::value_type file;
            beast::error_code ec;
            std::error_code statError;
            if (std::filesystem::is_regular_file(response.filePath, statError))
                file.open(response.filePath.c_str(), beast::file_mode::scan, ec);
            if (statError || !file.is_open() || ec) {
                response = Response::error(404, "not_found", "the requested file does not exist");
            } else {
                m_response = std::move(response);
                if (head)
                    return sendHeadOnly(file.size());
                auto message = std::make_shared<bhttp::response<bhttp::file_body>>();
                prepareHeader(*message);
                message->body() = std::move(file);
                message->prepare_payload();
                return send(std::move(message));
            }
        }

        m_response = std::move(response);
        if (bodyless) {
            auto message = std::make_shared<bhttp::response<bhttp::empty_body>>();
            prepareHeader(*message);
            return send(std::move(message));
        }
        if (head)
            return sendHeadOnly(m_response.body.size());
        auto message = std::make_shared<bhttp::response<bhttp::string_body>>();
        prepareHeader(*message);
        message->body() = m_response.body;
        message->prepare_payload();
        send(std::move(message));
    }

    // A HEAD answer: the header a GET would get, no body.
    void sendHeadOnly(std::uint64_t contentLength)
    {
        auto message = std::make_shared<bhttp::response<bhttp::empty_body>>();
        prepareHeader(*message);
        message->content_length(contentLength);
        send(std::move(message));
    }

    template<class Body>
    void prepareHeader(bhttp::response<Body> &message)
    {
        message.version(m_version == 10 ? 10 : 11);
        message.result(static_cast<unsigned>(m_response.status));
        message.set(bhttp::field::server, beast::string_view(kServerName.data(), kServerName.size()));
        message.set("X-Request-Id", m_request.requestId);
        const bool bodyless = m_response.status == 204 || m_response.status == 304;
        if (!bodyless && !m_response.contentType.empty() && isSafeHeaderValue(m_response.contentType))
            message.set(bhttp::field::content_type, m_response.contentType);
        for (const auto &[name, value] : m_response.headers) {
            if (!isHandlerHeaderAllowed(name, value))
                continue;
            if (beast::iequals(name, "content-type")) // replaces Response::contentType
                message.set(bhttp::field::content_type, value);
            else
                message.insert(name, value);
        }
        message.keep_alive(!m_closeAfterWrite);
    }

    template<class Message>
    void send(std::shared_ptr<Message> message)
    {
        // The upload is gone before the client can see the answer (an open response file
        // is unaffected).
        m_upload.reset();
        m_phase = Phase::Writing;
        tcpStream().expires_after(options().writeTimeout);
        bhttp::async_write(m_stream, *message,
                           [self = this->shared_from_this(), message](beast::error_code ec, std::size_t) {
                               self->onWrite(ec);
                           });
    }

    void onWrite(beast::error_code ec)
    {
        if (options().onResponse) {
            const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
                std::chrono::steady_clock::now() - m_started);
            try {
                options().onResponse(m_request, m_response, elapsed);
            } catch (...) { // a logging callback must not take the connection down with it
            }
        }
        m_started = {};
        if (ec)
            return closeNow();
        if (m_closeAfterWrite || m_server.stopping)
            return closeGracefully();
        readRequest();
    }

    // ---- closing ----

    void closeGracefully()
    {
        if (m_server.stopping)
            return closeNow();
        m_phase = Phase::Closing;
        tcpStream().expires_after(std::min(options().readTimeout, kMaxLinger));
        if constexpr (Tls) {
            // Send close_notify without waiting for the client's (as nginx does): marking it
            // as received makes the shutdown one-way. Clients such as QSslSocket answer a
            // close_notify with nothing, and would otherwise hold the connection open until
            // the deadline.
            SSL_set_shutdown(m_stream.native_handle(), SSL_RECEIVED_SHUTDOWN);
            m_stream.async_shutdown([self = this->shared_from_this()](beast::error_code ec) {
                if (ec)
                    return self->closeNow();
                self->lingerAndClose();
            });
        } else {
            lingerAndClose();
        }
    }

    // Half-close, then read (and discard) until the client closes too: closing with its
    // unread data (a refused body, say) would reset the connection, and a reset can destroy
    // the response before the client has read it.
    void lingerAndClose()
    {
        beast::error_code ec;
        tcpStream().socket().shutdown(tcp::socket::shutdown_send, ec);
        // Nothing of the request was left unread: no reset to fear, close at once.
        if (ec || !m_inputLeft)
            return closeNow();
        drain();
    }

    void drain()
    {
        tcpStream().async_read_some(net::buffer(m_drainBuffer), [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec || self->m_phase != Phase::Closing)
                return self->closeNow();
            self->drain();
        });
    }

    void closeNow()
    {
        m_phase = Phase::Closed;
        m_upload.reset();
        tcpStream().close(); // cancels the pending operations and the deadline
    }

    ServerCore &m_server;
    Stream m_stream;
    const std::string m_remoteAddress;
    beast::flat_buffer m_buffer;
    Phase m_phase = Phase::Reading;

    std::optional<bhttp::request_parser<bhttp::empty_body>> m_headerParser;
    std::optional<bhttp::request_parser<bhttp::string_body>> m_stringParser;
    std::optional<bhttp::request_parser<bhttp::file_body>> m_fileParser;
    std::unique_ptr<TemporaryUpload> m_upload;
    std::uint64_t m_bodyLimit = 0;
    unsigned m_version = 11;

    Request m_request;
    Response m_response;
    bool m_closeAfterWrite = false;
    bool m_inputLeft = false; // a refused request's body was not read
    std::chrono::steady_clock::time_point m_started;
    std::array<char, 4096> m_drainBuffer{};
};

template<bool Tls>
void startSession(ServerCore &server, tcp::socket &&socket, std::string remoteAddress)
{
    auto session = std::make_shared<Session<Tls>>(server, std::move(socket), std::move(remoteAddress));
    server.registerSession(session);
    session->start();
}

// ---- accepting -----------------------------------------------------------------------------

void ServerCore::doAccept()
{
    // Each connection gets its own strand.
    acceptor->async_accept(net::make_strand(*ioc), [this](beast::error_code ec, tcp::socket socket) {
        onAccept(ec, std::move(socket));
    });
}

void ServerCore::onAccept(beast::error_code ec, tcp::socket socket)
{
    if (stopping || ec == net::error::operation_aborted) {
        beast::error_code ignored;
        socket.close(ignored);
        return;
    }
    if (ec) {
        // Out of descriptors, or the connection died in the backlog: try again shortly
        // rather than spin or stop accepting for good.
        acceptRetry->expires_after(kAcceptRetry);
        acceptRetry->async_wait([this](beast::error_code waitError) {
            if (!waitError && !stopping)
                doAccept();
        });
        return;
    }
    beast::error_code endpointError;
    const auto remote = socket.remote_endpoint(endpointError);
    if (endpointError) { // already gone
        doAccept();
        return;
    }
    socket.set_option(tcp::no_delay(true), endpointError); // an optimisation; failure is harmless
    if (tls)
        startSession<true>(*this, std::move(socket), remote.address().to_string());
    else
        startSession<false>(*this, std::move(socket), remote.address().to_string());
    doAccept();
}

void ServerCore::closeAcceptor()
{
    beast::error_code ignored;
    acceptor->close(ignored);
    acceptRetry->cancel();
}

void ServerCore::runWorker()
{
    for (;;) {
        try {
            ioc->run();
            break;
        } catch (...) {
            // Only a bug lets an exception out of a completion handler (the request handler's
            // are caught); it ends that connection, not the server.
        }
    }
    std::lock_guard lock(runMutex);
    --runningThreads;
    runFinished.notify_all();
}

} // namespace

struct Server::Impl : ServerCore
{
    using ServerCore::ServerCore;
};

// ---- Request and Response ----------------------------------------------------------------

std::string Request::header(const std::string &lowercaseName) const
{
    const auto it = headers.find(lowercaseName);
    return it == headers.end() ? std::string{} : it->second;
}

Response Response::json(int status, std::string body)
{
    Response response;
    response.status = status;
    response.contentType = "application/json";
    response.body = std::move(body);
    return response;
}

Response Response::error(int status, const std::string &code, const std::string &message)
{
    std::string body = R"({"error":{"code":)";
    appendJsonString(body, code);
    body += R"(,"message":)";
    appendJsonString(body, message);
    body += "}}";
    return json(status, std::move(body));
}

// ---- Server ----------------------------------------------------------------------------------

Server::Server(ServerOptions options, Handler handler)
    : m_impl(std::make_unique<Impl>(std::move(options), std::move(handler)))
{
}

Server::~Server()
{
    stop();
}

model::Result<std::uint16_t> Server::start()
{
    Impl &d = *m_impl;
    std::lock_guard lifecycle(d.lifecycleMutex);
    if (!d.threads.empty())
        return model::Issue{QString(), QStringLiteral("the server is already running")};
    const ServerOptions &options = d.options;

    if (options.tls) {
        const TlsFiles &files = *options.tls;
        d.tls.emplace(ssl::context::tls_server);
        beast::error_code ec;
        d.tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3
                               | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use,
                           ec);
        if (!ec && SSL_CTX_set_min_proto_version(d.tls->native_handle(), TLS1_2_VERSION) != 1)
            ec = beast::error_code(static_cast<int>(::ERR_get_error()), net::error::get_ssl_category());
        if (ec) {
            d.tls.reset();
            return model::Issue{QStringLiteral("tls"), QStringLiteral("cannot set up TLS: ") + qs(ec.message())};
        }
        d.tls->use_certificate_chain_file(files.certificateChainFile, ec);
        if (ec) {
            d.tls.reset();
            return model::Issue{QStringLiteral("tls.certificateChainFile"),
                                QStringLiteral("cannot load the TLS certificate chain from ") + qs(files.certificateChainFile)
                                    + QStringLiteral(": ") + qs(ec.message())};
        }
        d.tls->use_private_key_file(files.privateKeyFile, ssl::context::pem, ec);
        if (ec) {
            d.tls.reset();
            return model::Issue{QStringLiteral("tls.privateKeyFile"),
                                QStringLiteral("cannot load the TLS private key from ") + qs(files.privateKeyFile)
                                    + QStringLiteral(": ") + qs(ec.message())};
        }
    }

    if (options.streamToFile) {
        std::error_code ec;
        if (options.uploadDirectory.empty() || !std::filesystem::is_directory(options.uploadDirectory, ec)) {
            d.tls.reset();
            return model::Issue{QStringLiteral("uploadDirectory"),
                                QStringLiteral("the upload folder does not exist: ") + qs(options.uploadDirectory)};
        }
    }

    const QString where = qs(options.address) + QLatin1Char(':') + QString::number(options.port);
    beast::error_code ec;
    const auto address = net::ip::make_address(options.address, ec);
    if (ec) {
        d.tls.reset();
        return model::Issue{where, QStringLiteral("not an IP address: ") + qs(options.address)};
    }
    d.acceptor.reset();
    d.acceptRetry.reset();
    d.ioc = std::make_unique<net::io_context>(std::max(1, options.threads));
    d.acceptor.emplace(net::make_strand(*d.ioc));
    d.acceptRetry.emplace(d.acceptor->get_executor());
    const tcp::endpoint endpoint(address, options.port);
    const auto fail = [&](const char *what) -> model::Result<std::uint16_t> {
        d.acceptor.reset();
        d.acceptRetry.reset();
        d.tls.reset();
        return model::Issue{where, QStringLiteral("cannot listen on ") + where + QStringLiteral(" (")
                                       + QLatin1String(what) + QStringLiteral("): ") + qs(ec.message())};
    };
    d.acceptor->open(endpoint.protocol(), ec);
    if (ec)
        return fail("open");
    d.acceptor->set_option(net::socket_base::reuse_address(true), ec);
    if (ec)
        return fail("reuse address");
    d.acceptor->bind(endpoint, ec);
    if (ec)
        return fail("bind");
    d.acceptor->listen(net::socket_base::max_listen_connections, ec);
    if (ec)
        return fail("listen");
    const auto local = d.acceptor->local_endpoint(ec);
    if (ec)
        return fail("local address");
    d.boundPort = local.port();

    d.stopping = false;
    d.doAccept();
    const int threadCount = std::max(1, options.threads);
    {
        std::lock_guard lock(d.runMutex);
        d.runningThreads = threadCount;
    }
    d.threads.reserve(static_cast<std::size_t>(threadCount));
    for (int i = 0; i < threadCount; ++i)
        d.threads.emplace_back([&d] { d.runWorker(); });
    return d.boundPort.load();
}

std::uint16_t Server::port() const
{
    return m_impl->boundPort;
}

void Server::stop()
{
    Impl &d = *m_impl;
    std::lock_guard lifecycle(d.lifecycleMutex);
    if (d.threads.empty())
        return;
    assert(std::none_of(d.threads.begin(), d.threads.end(),
                        [](const std::thread &t) { return t.get_id() == std::this_thread::get_id(); })
           && "stop() called from a request handler would join its own thread");

    d.stopping = true;
    net::post(d.acceptor->get_executor(), [&d] { d.closeAcceptor(); });

    // A session registered after this snapshot sees `stopping` before its first read.
    std::vector<std::weak_ptr<SessionBase>> sessions;
    {
        std::lock_guard lock(d.sessionsMutex);
        sessions.reserve(d.sessions.size());
        for (const auto &entry : d.sessions)
            sessions.push_back(entry.second);
    }
    for (const auto &weak : sessions) {
        if (const auto session = weak.lock())
            session->serverStopping();
    }

    // Idle connections close at once and responses being written finish within the write
    // timeout; then the workers run out of work. Past that, stop them regardless.
    {
        std::unique_lock lock(d.runMutex);
        const bool finished = d.runFinished.wait_for(lock, d.options.writeTimeout + std::chrono::seconds(1),
                                                     [&d] { return d.runningThreads == 0; });
        if (!finished)
            d.ioc->stop(); // a handler still running is waited for by join() below
    }
    for (auto &thread : d.threads)
        thread.join();
    d.threads.clear();
    d.acceptor.reset();
    d.acceptRetry.reset();
    // Sessions cut short by ioc->stop() still sit in queued handlers: they go with the
    // io_context, now, while the upload files they own can still be removed.
    d.ioc.reset();
}

} // namespace carta::syncserver::http
