// host/common/html_escape.h - the one HTML escaper of the host and the mock
// (the browser callback pages, the mock's OAuth authorize page): text placed
// in HTML content or a quoted attribute can never open a tag or end the quote.
#pragma once

#include <string>
#include <string_view>

namespace ih::host {

// & < > " ' become entities; everything else (UTF-8 included) is kept.
std::string htmlEscape(std::string_view text);

}  // namespace ih::host
