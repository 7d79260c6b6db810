// host/api/html_page.h - the small HTML pages the browser callback answers
// with when it cannot send the browser into the web app. Every piece of text is HTML-escaped.
#pragma once

#include <string>
#include <string_view>

#include "common/html_escape.h"

namespace ih::host::api {

using ih::host::htmlEscape;
// A complete page with a title and a message (newlines become line breaks).
std::string htmlPage(std::string_view title, std::string_view message);
// The same page in the web app's look (its stylesheet and header), with a
// link back into the app, for hosts that serve the app.
std::string appStyledPage(std::string_view title, std::string_view message, std::string_view linkHref,
                          std::string_view linkText);

}  // namespace ih::host::api
