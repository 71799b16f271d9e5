// The HTTP/1.1 front of carta-syncd (Boost.Beast): keep-alive, optional TLS, a deadline
// and a size limit on every read, request ids, uploads streamed to disk. It knows nothing
// of Carta: it hands each request to a Handler and writes back the Response.
#pragma once

#include "model/result.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace carta::syncserver::http {

struct Request
{
    std::string method;                         // "GET", "POST", ...
    std::string target;                         // path and query as sent, e.g. "/api/v1/changes?since=12"
    std::string path;                           // target without the query, percent-decoded
    std::map<std::string, std::string> query;   // decoded query parameters
    std::map<std::string, std::string> headers; // names lowercased
    std::string body;                           // empty when the body was streamed to bodyFile
    std::string bodyFile;                       // path of a temporary file holding the body (uploads); removed after the handler returns
    std::uint64_t bodySize = 0;
    std::string remoteAddress;
    std::string requestId;                      // from X-Request-Id if sane, else generated; echoed in the response

    [[nodiscard]] std::string header(const std::string &lowercaseName) const;
};

struct Response
{
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string filePath; // when set, the file's content is sent (streamed) instead of body

    [[nodiscard]] static Response json(int status, std::string body);
    // {"error": {"code": code, "message": message}} with the status.
    [[nodiscard]] static Response error(int status, const std::string &code, const std::string &message);
};

using Handler = std::function<Response(Request &)>;

struct TlsFiles
{
    std::string certificateChainFile; // PEM
    std::string privateKeyFile;       // PEM
};

struct ServerOptions
{
    std::string address = "127.0.0.1";
    std::uint16_t port = 0; // 0: the OS chooses; Server::port() tells
    std::optional<TlsFiles> tls;
    int threads = 8;
    std::chrono::milliseconds readTimeout{30000};  // for a whole request (header and body), and idle keep-alive
    std::chrono::milliseconds writeTimeout{30000};
    std::uint64_t headerLimit = 16 * 1024;
    std::uint64_t bodyLimit = 8 * 1024 * 1024;     // in-memory bodies; larger gets 413
    // Requests for which this returns true have their body streamed to a temporary file in
    // uploadDirectory, up to uploadLimit bytes (larger gets 413).
    std::function<bool(const std::string &method, const std::string &path)> streamToFile;
    std::uint64_t uploadLimit = 200ull * 1024 * 1024;
    // The deadline for a streamed upload's body (its header still has readTimeout): large
    // files on slow links need longer than an API request.
    std::chrono::milliseconds uploadTimeout{600000};
    std::string uploadDirectory; // must exist when streamToFile is set
    // Called after each response: for logs and metrics.
    std::function<void(const Request &, const Response &, std::chrono::microseconds elapsed)> onResponse;
};

class Server
{
public:
    Server(ServerOptions options, Handler handler);
    ~Server(); // stops
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    // Binds and starts the worker threads. Errors (address in use, bad certificate) come
    // back as an Issue.
    [[nodiscard]] model::Result<std::uint16_t> start();
    [[nodiscard]] std::uint16_t port() const;

    // Stops accepting, lets requests in flight finish (up to the write timeout), joins the threads.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace carta::syncserver::http
