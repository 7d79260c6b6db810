#include "support/http_client.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <stdexcept>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include "support/ascii.h"

namespace ih::testing {

std::string HttpResponse::header(const std::string& name) const {
  auto it = headers.find(detail::lowercase(name));
  return it == headers.end() ? "" : it->second;
}

HttpResponse httpRequest(const std::string& method, const std::string& url, const std::string& body,
                         const std::map<std::string, std::string>& headers, std::chrono::milliseconds timeout) {
  try {
    Poco::URI uri(url);
    Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
    session.setTimeout(Poco::Timespan(static_cast<long>(timeout.count() / 1000), static_cast<long>(timeout.count() % 1000) * 1000));
    Poco::Net::HTTPRequest request(method, uri.getPathAndQuery().empty() ? "/" : uri.getPathAndQuery(),
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    bool typed = false;
    for (const auto& [name, value] : headers) {
      request.set(name, value);
      typed = typed || detail::lowercase(name) == "content-type";
    }
    if (!body.empty() && !typed) request.setContentType("application/json");
    if (!body.empty() || method == "POST" || method == "PUT") request.setContentLength(static_cast<std::streamsize>(body.size()));
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    HttpResponse out;
    out.status = static_cast<int>(response.getStatus());
    for (const auto& [name, value] : response) {
      auto& slot = out.headers[detail::lowercase(name)];
      slot = slot.empty() ? value : slot + ", " + value;
    }
    std::ostringstream text;
    Poco::StreamCopier::copyStream(in, text);
    out.body = text.str();
    return out;
  } catch (const Poco::Exception& e) {
    throw std::runtime_error(method + " " + url + ": " + e.displayText());
  }
}

}  // namespace ih::testing
