// host/api/html_page.h - the small HTML pages the browser callback answers
// with. Every piece of text is HTML-escaped.
#pragma once

#include <string>
#include <string_view>

#include "common/html_escape.h"

namespace ih::host::api {

using ih::host::htmlEscape;
// A complete page with a title and a message (newlines become line breaks).
std::string htmlPage(std::string_view title, std::string_view message);

}  // namespace ih::host::api
