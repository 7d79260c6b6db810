// host/http/wire_message.cpp - see wire_message.h.
#include "http/wire_message.h"

#include <Poco/Logger.h>

#include <ctime>
#include <string_view>

#include "common/strings.h"
#include "http/field_syntax.h"

namespace ih::host::http {

namespace {

namespace bhttp = boost::beast::http;

std::string_view view(boost::beast::string_view text) { return std::string_view(text.data(), text.size()); }

// The header that makes `answer` unsafe to write, or nullptr.
const std::pair<std::string, std::string>* badHeader(const Response& answer) {
  for (const auto& header : answer.headers) {
    if (!isFieldName(header.first) || !isFieldValue(header.second)) return &header;
  }
  return nullptr;
}

// RFC 9110 wants a Date on answers from a server with a clock; formatted
// once a second per thread, not per answer.
const std::string& httpDate() {
  thread_local std::time_t formattedFor = 0;
  thread_local std::string formatted;
  const std::time_t now = std::time(nullptr);
  if (now != formattedFor) {
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[64];
    const size_t n = std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S GMT", &utc);
    formatted.assign(buffer, n);
    formattedFor = now;
  }
  return formatted;
}

bool framingHeader(std::string_view name) {
  const std::string lower = toLowerAscii(name);
  return lower == "content-length" || lower == "transfer-encoding" || lower == "connection";
}

}  // namespace

RequestContext headContextFrom(const WireRequest& request) {
  return RequestContext(std::string(view(request.method_string())), view(request.target()));
}

RequestContext contextFrom(WireRequest& request) {
  RequestContext ctx = headContextFrom(request);
  ctx.headers.reserve(static_cast<size_t>(std::distance(request.begin(), request.end())));
  for (const auto& field : request) {
    ctx.headers.emplace_back(toLowerAscii(view(field.name_string())), std::string(view(field.value())));
  }
  ctx.body = std::move(request.body());
  return ctx;
}

void toWire(Response&& answer, const WireFraming& framing, WireResponse& out) {
  if (const auto* bad = badHeader(answer); bad != nullptr || !isFieldValue(answer.contentType)) {
    // Never echo the value: it is whatever the handler was tricked into.
    Poco::Logger::get("ih.http").error(
        "answer %d dropped: header %s is not valid HTTP (RFC 9110 field syntax); sent 500 instead", answer.status,
        bad != nullptr && isFieldName(bad->first) ? bad->first : std::string("<name>"));
    answer = Response::detail(500, "Internal error");
  }
  out = WireResponse();
  out.version(framing.version);
  out.result(static_cast<unsigned>(answer.status));
  out.set(bhttp::field::server, "integration-host");
  out.set(bhttp::field::date, httpDate());
  if (!answer.contentType.empty()) out.set(bhttp::field::content_type, answer.contentType);
  for (auto& [name, value] : answer.headers) {
    if (!framingHeader(name)) out.insert(name, value);
  }
  out.keep_alive(framing.keepAlive);
  const bool bodiless = answer.status == 204 || answer.status == 304 || answer.status < 200;
  if (bodiless) return;
  out.content_length(answer.body.size());
  if (!framing.headRequest) out.body() = std::move(answer.body);
}

}  // namespace ih::host::http
