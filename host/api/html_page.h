// host/api/html_page.h - the small HTML pages the browser callback answers
// with. Every piece of text is HTML-escaped.
#pragma once

#include <string>
#include <string_view>

namespace ih::host::api {

std::string htmlEscape(std::string_view text);
// A complete page with a title and a message (newlines become line breaks).
std::string htmlPage(std::string_view title, std::string_view message);

}  // namespace ih::host::api
