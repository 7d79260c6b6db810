// host/web/content_types.h - the Content-Type the web app's files are served
// with, by file extension. Browsers refuse ES modules and stylesheets served
// with the wrong type (and the server sends nosniff), so the table covers
// every kind of file the app ships; anything else is application/octet-stream.
#pragma once

#include <string>
#include <string_view>

namespace ih::host::web {

std::string contentTypeFor(std::string_view fileName);

}  // namespace ih::host::web
