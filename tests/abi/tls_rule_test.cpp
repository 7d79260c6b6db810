// tests/abi/tls_rule_test.cpp - ABI 1.2's TLS rule (plugin_abi.h,
// ihp_http_request): a zeroed request fails closed. A plain-C plugin
// (plugins/c_fetch_plugin.c) sends https requests laid out as different
// plugins would to a server whose certificate a CA nobody trusts signed:
// a memset 1.2 request is refused, tls_insecure_skip_verify = 1 accepts
// it, a 1.1-sized request keeps the meaning of verify_tls it was compiled
// with. The C++ SDK sets both members, so its requests mean the same on a
// 1.1 host, which reads only verify_tls.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

#include "abi_test_support.h"
#include "ihp/sdk/host.hpp"
#include "ihp/sdk/json.hpp"
#include "support/tls_certificates.h"
#include "support/tls_server.h"

namespace ih::test {
namespace {

namespace json = ihp::sdk::json;

struct Fetched {
  int64_t status = -1;  // the ihp_status http_send returned
  int64_t http = -1;
  std::string cause;
};

class TlsRule : public ::testing::Test {
 protected:
  TlsRule() : registry(host.services()) { EXPECT_TRUE(registry.loadFile(testPlugin("c_fetch"))); }

  Fetched fetch(const std::string& layout) {
    auto reply = callRoute(host, registry, "GET",
                           "/extensions/c-fetch/fetch/" + layout + "/" + std::to_string(server.port()) + "/");
    Fetched fetched;
    json::Document doc;
    EXPECT_EQ(reply.httpStatus, 200) << reply.body;
    if (!json::parseObject(reply.body, doc)) {
      ADD_FAILURE() << "not JSON: " << reply.body;
      return fetched;
    }
    fetched.status = json::int64(doc, "status").value_or(-1);
    fetched.http = json::int64(doc, "http").value_or(-1);
    fetched.cause = json::stringOr(doc, "cause");
    return fetched;
  }

  void expectRefused(const std::string& layout) {
    const Fetched fetched = fetch(layout);
    EXPECT_EQ(fetched.status, IHP_E_UNREACHABLE) << layout;
    EXPECT_EQ(fetched.http, 0) << layout;
    EXPECT_NE(fetched.cause.find("certificate verify failed"), std::string::npos) << layout << ": " << fetched.cause;
  }
  void expectAccepted(const std::string& layout) {
    const Fetched fetched = fetch(layout);
    EXPECT_EQ(fetched.status, IHP_OK) << layout << ": " << fetched.cause;
    EXPECT_EQ(fetched.http, 200) << layout;
  }

  HostFixture host;  // the real outbound client, trusting the system's CAs only
  host::plugins::PluginRegistry registry;
  ih::testing::TempDir dir;
  ih::testing::LocalTlsServer server{ih::testing::writeTlsFiles(dir, "untrusted", "localhost")};
};

TEST_F(TlsRule, AMemsetRequestVerifiesTheCertificate) { expectRefused("zeroed"); }

TEST_F(TlsRule, OnlyTheNewMemberTurnsVerificationOff) { expectAccepted("skip"); }

TEST_F(TlsRule, AnyOtherValueOfTheNewMemberIsInvalid) {
  const Fetched fetched = fetch("skip-bad");
  EXPECT_EQ(fetched.status, IHP_E_INVALID);
  EXPECT_EQ(fetched.http, 0);
}

TEST_F(TlsRule, AOneOneSizedRequestKeepsTheMeaningItWasCompiledWith) {
  expectRefused("v11-verify");
  expectAccepted("v11-any");
}

// --- the SDK on an older host ---------------------------------------------

// How a 1.1 host and a 1.2 host read the last request. A 1.1 host reads the
// prefix its own (80-byte) struct covers, with the only rule it knew.
struct Seen {
  bool verifiedByA11Host = false;
  bool verifiedByA12Host = false;
};

ihp_status recordingSend(ihp_host_ctx* ctx, const ihp_http_request* request, const ihp_http_response_sink*) {
  Seen& seen = *reinterpret_cast<Seen*>(ctx);  // the test's own context handle
  ihp_http_request oneOne;
  std::memset(&oneOne, 0, sizeof oneOne);
  const size_t oneOneSize = offsetof(ihp_http_request, tls_insecure_skip_verify);
  std::memcpy(&oneOne, request, std::min<size_t>(request->struct_size, oneOneSize));
  seen.verifiedByA11Host = oneOne.verify_tls != 0;
  seen.verifiedByA12Host = IHP_HTTP_REQUEST_VERIFIES_TLS(request);
  return IHP_E_UNREACHABLE;
}

TEST(SdkTlsMembers, MeanTheSameToA11AndA12Host) {
  ihp_host_api api;
  std::memset(&api, 0, sizeof api);
  api.struct_size = IHP_HOST_API_SIZE_V1_0;
  api.abi_minor = 1;
  api.http_send = &recordingSend;
  Seen seen;
  ihp::sdk::Host sdk(&api, reinterpret_cast<ihp_host_ctx*>(&seen));

  ihp::sdk::HttpRequest request;
  request.url = "https://jira.example.test/";
  sdk.send(request);
  EXPECT_TRUE(seen.verifiedByA11Host) << "by default";
  EXPECT_TRUE(seen.verifiedByA12Host) << "by default";

  request.insecureSkipTlsVerify = true;
  sdk.send(request);
  EXPECT_FALSE(seen.verifiedByA11Host);
  EXPECT_FALSE(seen.verifiedByA12Host);
}

}  // namespace
}  // namespace ih::test
