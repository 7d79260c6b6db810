#include "net/http_client.h"

#include <memory>
#include <mutex>
#include <sstream>

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/StreamCopier.h>

namespace ih::mock {
namespace {

std::unique_ptr<Poco::Net::HTTPClientSession> openSession(const UrlParts& url, bool verifyTls) {
  if (url.scheme == "https") {
    static std::once_flag sslReady;
    std::call_once(sslReady, [] { Poco::Net::initializeSSL(); });
    auto mode = verifyTls ? Poco::Net::Context::VERIFY_RELAXED : Poco::Net::Context::VERIFY_NONE;
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", "", mode, 9,
                                                             true);
    return std::make_unique<Poco::Net::HTTPSClientSession>(url.host, static_cast<Poco::UInt16>(url.port), context);
  }
  return std::make_unique<Poco::Net::HTTPClientSession>(url.host, static_cast<Poco::UInt16>(url.port));
}

}  // namespace

OutboundResponse sendHttp(const OutboundRequest& request) {
  UrlParts url;
  try {
    url = splitUrl(request.url);
  } catch (const std::exception& e) {
    throw NetworkError(e.what());
  }
  try {
    auto session = openSession(url, request.verifyTls);
    session->setTimeout(Poco::Timespan(static_cast<long>(request.timeout.count() / 1000),
                                       static_cast<long>(request.timeout.count() % 1000) * 1000));
    std::string target = url.path.empty() ? "/" : url.path;
    if (!url.query.empty()) target += "?" + url.query;
    Poco::Net::HTTPRequest out(request.method, target, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [name, value] : request.headers) out.add(name, value);
    out.setContentLength(static_cast<std::streamsize>(request.body.size()));
    session->sendRequest(out) << request.body;
    Poco::Net::HTTPResponse in;
    std::istream& stream = session->receiveResponse(in);
    OutboundResponse response;
    response.status = static_cast<int>(in.getStatus());
    for (const auto& [name, value] : in) response.headers.emplace_back(lowercase(name), value);
    std::ostringstream body;
    Poco::StreamCopier::copyStream(stream, body);
    response.body = body.str();
    return response;
  } catch (const Poco::Exception& e) {
    throw NetworkError(e.displayText());
  } catch (const std::exception& e) {
    throw NetworkError(e.what());
  }
}

}  // namespace ih::mock
