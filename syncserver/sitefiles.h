// Serving the published site from <site>/current, for the demo and for tests (a production
// install puts a web server such as nginx in front of the same folder; see the admin guide).
#pragma once

#include "http.h"

#include <QString>

namespace carta::syncserver {

// The prefix the site is served under by carta-syncd.
inline constexpr const char *kSitePrefix = "/site";

// Whether a request path is the site's ("/site" or under "/site/").
[[nodiscard]] bool isSitePath(const std::string &path);

// GET or HEAD of a file of the current release: "/site/curricula/x/" is
// <site>/current/curricula/x/index.html. The `current` link is resolved once per request,
// so the file comes whole from one release. A missing file gets the site's 404 page.
[[nodiscard]] http::Response serveSiteFile(const QString &siteDir, const http::Request &request);

} // namespace carta::syncserver
