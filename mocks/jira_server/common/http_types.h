// The mock's transport-neutral request and answer. The Poco handler converts to and from
// these once, so routing, the journal, faults, recording and replay never touch Poco::Net.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/url_parts.h"

namespace ih::mock {

// Ordered (name, value) pairs; names are lowercase because HTTP names are case-insensitive
// and duplicates are legal.
using HeaderList = std::vector<std::pair<std::string, std::string>>;

std::string lowercase(std::string_view text);
// First value of the header, "" when absent.
std::string headerValue(const HeaderList& headers, std::string_view name);

struct HttpRequest {
  std::string method;
  std::string path;      // as received, not decoded, no query
  std::string rawQuery;  // after '?', not decoded
  HeaderList headers;
  std::string body;

  std::string header(std::string_view name) const { return headerValue(headers, name); }
  ParamList queryParams() const { return url::parseQuery(rawQuery); }
  std::optional<std::string> queryParam(std::string_view name) const;
  std::string mediaType() const;  // content-type without parameters, lowercase
};

// How the connection is treated instead of sending an answer.
// kConnectionReset: RST instead of an answer; kAnswerDropped: the request was
// served, then the connection is closed (FIN) without the answer.
enum class TransportFault { kNone, kConnectionReset, kAnswerDropped };

struct HttpResponse {
  int status = 200;
  HeaderList headers;
  std::string body;
  int delayMs = 0;
  TransportFault fault = TransportFault::kNone;

  std::string header(std::string_view name) const { return headerValue(headers, name); }
  // Replaces every header of that name.
  void setHeader(std::string_view name, std::string value);

  static HttpResponse json(int status, std::string body);
  static HttpResponse text(int status, std::string body, std::string contentType);
  static HttpResponse noContent(int status = 204);
};

inline constexpr const char* kJsonContentType = "application/json;charset=UTF-8";

}  // namespace ih::mock
