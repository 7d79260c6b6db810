// mock-jira over HTTPS (--tls-cert/--tls-key): a second listener with the
// given certificate serves Jira (the control API stays on plain HTTP), the
// base URL becomes https://localhost:<tls port>, and the TLS options are
// checked like the others.
#include <gtest/gtest.h>

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>

#include "support/child_process.h"
#include "support/http_client.h"
#include "support/json_helpers.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"
#include "support/tls_certificates.h"

namespace ih::testing {
namespace {

using Poco::Net::Context;

int exitCodeOf(const std::vector<std::string>& args, std::string& stderrText) {
  auto process = ChildProcess::start(binaryDir() + "/mock-jira", args);
  const int code = process->wait(std::chrono::seconds(10));
  stderrText = process->stderrText();
  return code;
}

TEST(MockJiraTls, ServesJiraOverHttpsWithTheGivenCertificate) {
  TempDir dir;
  const TlsFiles tls = writeTlsFiles(dir, "jira", "localhost");
  auto process = ChildProcess::start(binaryDir() + "/mock-jira", {"--port", "0", "--tls-cert", tls.serverCertificate,
                                                                   "--tls-key", tls.serverPrivateKey});
  const std::string root = process->waitForListening();
  const std::string baseUrl = jsonString(parseJson(httpRequest("GET", root + "/_mock/settings").body), "/baseUrl");
  ASSERT_EQ(baseUrl.rfind("https://localhost:", 0), 0u) << baseUrl;
  const auto tlsPort = static_cast<Poco::UInt16>(std::stoi(baseUrl.substr(baseUrl.rfind(':') + 1)));

  // A client that trusts only the test CA and checks the name.
  Context::Ptr trusting = new Context(Context::TLS_CLIENT_USE, tls.caCertificate, Context::VERIFY_STRICT);
  Poco::Net::HTTPSClientSession session("localhost", tlsPort, trusting);
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/rest/api/2/serverInfo");
  session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  std::string body;
  Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
  EXPECT_EQ(response.getStatus(), Poco::Net::HTTPResponse::HTTP_OK);
  EXPECT_EQ(jsonString(parseJson(body), "/baseUrl"), baseUrl);

  EXPECT_EQ(process->stop(), 0);
  EXPECT_NE(process->stdoutText().find("listening on https://127.0.0.1:" + std::to_string(tlsPort)), std::string::npos)
      << process->stdoutText();
}

TEST(MockJiraTls, OptionsAreCheckedUpFront) {
  TempDir dir;
  const TlsFiles tls = writeTlsFiles(dir, "jira", "localhost");
  std::string err;
  EXPECT_EQ(exitCodeOf({"--tls-cert", tls.serverCertificate}, err), 2);
  EXPECT_NE(err.find("--tls-cert and --tls-key must be given together"), std::string::npos) << err;
  EXPECT_EQ(exitCodeOf({"--tls-port", "8443"}, err), 2);
  EXPECT_NE(err.find("--tls-port needs --tls-cert and --tls-key"), std::string::npos) << err;
  EXPECT_EQ(exitCodeOf({"--tls-cert", dir.write("bad.pem", "nope"), "--tls-key", tls.serverPrivateKey}, err), 2);
  EXPECT_NE(err.find("mock-jira: "), std::string::npos) << err;
}

}  // namespace
}  // namespace ih::testing
