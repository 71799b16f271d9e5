#include "sitefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace carta::syncserver {

namespace {

std::string contentType(const QString &path)
{
    static const QList<std::pair<QString, const char *>> types = {
        {u".html"_s, "text/html; charset=utf-8"},
        {u".css"_s, "text/css; charset=utf-8"},
        {u".js"_s, "text/javascript; charset=utf-8"},
        {u".json"_s, "application/json"},
        {u".xml"_s, "application/xml; charset=utf-8"},
        {u".txt"_s, "text/plain; charset=utf-8"},
        {u".svg"_s, "image/svg+xml"},
        {u".png"_s, "image/png"},
        {u".ico"_s, "image/x-icon"},
        {u".pdf"_s, "application/pdf"},
        {u".woff2"_s, "font/woff2"},
    };
    for (const auto &[suffix, type] : types) {
        if (path.endsWith(suffix, Qt::CaseInsensitive))
            return type;
    }
    return "application/octet-stream";
}

http::Response notFound(const QString &release)
{
    http::Response r;
    r.status = 404;
    r.contentType = "text/html; charset=utf-8";
    const QString page = release + u"/404.html"_s;
    if (!release.isEmpty() && QFileInfo(page).isFile())
        r.filePath = QFile::encodeName(page).toStdString();
    else
        r.body = "<!DOCTYPE html><title>Page not found</title><p>Page not found.</p>\n";
    return r;
}

} // namespace

bool isSitePath(const std::string &path)
{
    const std::string prefix = kSitePrefix;
    return path == prefix || path.rfind(prefix + '/', 0) == 0;
}

http::Response serveSiteFile(const QString &siteDir, const http::Request &request)
{
    if (request.method != "GET" && request.method != "HEAD") {
        http::Response r = http::Response::error(405, "method_not_allowed", "the site is read only");
        r.headers.emplace_back("Allow", "GET, HEAD");
        return r;
    }
    const std::string prefix = kSitePrefix;
    if (request.path == prefix) {
        http::Response r;
        r.status = 301;
        r.contentType = "text/plain";
        r.headers.emplace_back("Location", prefix + '/');
        return r;
    }
    // The release `current` points at now; every file of this request comes from it.
    const QString target = QFile::symLinkTarget(siteDir + u"/current"_s);
    if (target.isEmpty())
        return notFound(QString());
    const QString release = QFileInfo(target).absoluteFilePath();
    const QString relative = QString::fromStdString(request.path.substr(prefix.size() + 1));
    for (const QStringView part : QStringView(relative).split(u'/')) {
        if (part == u"." || part == u".." || part.startsWith(u'.'))
            return notFound(release);
    }
    QString path = release + u'/' + relative;
    if (relative.isEmpty() || relative.endsWith(u'/'))
        path += u"index.html"_s;
    const QFileInfo info(path);
    if (info.isDir()) {
        http::Response r;
        r.status = 301;
        r.contentType = "text/plain";
        r.headers.emplace_back("Location", request.path + '/');
        return r;
    }
    if (!info.isFile())
        return notFound(release);
    http::Response r;
    r.contentType = contentType(path);
    r.filePath = QFile::encodeName(path).toStdString();
    // Pages change with every publish; assets and attachments are named by content or
    // versioned by the release, but a short lifetime keeps a rollback visible at once.
    r.headers.emplace_back("Cache-Control", "public, max-age=60");
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    return r;
}

} // namespace carta::syncserver
