// Attack: SSRF through the install form (issue 9, finding 5). An org owner
// points the Jira `url` at internal services: (a) one answering 500 with a
// secret in its body, which once came back in `detail`; (b) a closed port,
// whose raw error once made the form a port scanner; (c) an address on the
// host's --outbound-deny list, directly and through a redirect from an
// allowed server. The secret never comes back, the closed port is reported
// in words, and no connection ever reaches the denied listener.
#include "hostile_target.h"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "jira_seed.h"
#include "support/json_helpers.h"
#include "support/recording_http_server.h"

namespace ih::e2e::hostile {
namespace {

constexpr const char* kPlantedSecret = "INTERNAL-SECRET db-password=hunter2";

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

class SsrfAttack : public HostileClient {
 protected:
  // Step 1 of a fresh install pipeline as olivia, the owner, with `url`.
  Reply submitAsOwner(const std::string& url) {
    jira::JiraHostApi owner(host(), target().oliviaToken);
    Reply initialized = owner.initializeInstall("acme");
    EXPECT_EQ(initialized.status, 200) << initialized.describe();
    return owner.submitInstallStep("acme", initialized.str("pipelineId"), jira::oauthInstallForm(url));
  }
  // What the installer reads: a pipeline error is {"status":"error","data":{"detail"}}.
  static std::string detailOf(const Reply& reply) {
    return ih::testing::jsonHas(reply.json, "/data/detail") ? ih::testing::jsonString(reply.json, "/data/detail") : "";
  }
};

// A listener on the denied address that never accepts: a connection the
// host made would wait in its backlog, readable.
class DeniedListener {
 public:
  DeniedListener() : socket_(Poco::Net::SocketAddress(kDeniedAddress, 0)) {}
  std::string url(const std::string& path = "") const {
    return "http://" + std::string(kDeniedAddress) + ":" + std::to_string(socket_.address().port()) + path;
  }
  bool reached() { return socket_.poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ); }

 private:
  Poco::Net::ServerSocket socket_;
};

TEST_F(SsrfAttack, AnInternalServicesAnswerIsNeverEchoed) {
  ih::testing::RecordingHttpServer internal;
  internal.setAnswer(500, std::string("<html>") + kPlantedSecret + "</html>", {{"Content-Type", "text/html"}});
  Reply refused = submitAsOwner(internal.url(""));
  EXPECT_GE(refused.status, 400) << refused.describe();
  EXPECT_FALSE(detailOf(refused).empty()) << refused.describe();
  EXPECT_EQ(refused.body.find("INTERNAL-SECRET"), std::string::npos) << refused.describe();
  EXPECT_EQ(refused.body.find("hunter2"), std::string::npos) << refused.describe();
  EXPECT_GE(internal.requests().size(), 1u) << "the host did call it: the planted body was there to leak";
}

TEST_F(SsrfAttack, AClosedPortIsReportedInWords) {
  uint16_t closedPort = 0;
  {
    Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
    closedPort = probe.address().port();
  }
  Reply refused = submitAsOwner("http://127.0.0.1:" + std::to_string(closedPort));
  EXPECT_GE(refused.status, 400) << refused.describe();
  EXPECT_NE(lowercase(detailOf(refused)).find("connection refused"), std::string::npos) << refused.describe();
}

TEST_F(SsrfAttack, ADeniedAddressIsNeverContactedNotEvenThroughARedirect) {
  DeniedListener denied;
  Reply direct = submitAsOwner(denied.url());
  EXPECT_GE(direct.status, 400) << direct.describe();
  EXPECT_NE(detailOf(direct).find("denied by the host's outbound policy"), std::string::npos)
      << direct.describe();

  ih::testing::RecordingHttpServer redirector;
  redirector.setAnswer(302, "", {{"Location", denied.url("/plugins/servlet/oauth/request-token")}});
  Reply redirected = submitAsOwner(redirector.url(""));
  EXPECT_GE(redirected.status, 400) << redirected.describe();
  EXPECT_FALSE(detailOf(redirected).empty()) << redirected.describe();
  EXPECT_GE(redirector.requests().size(), 1u) << "the allowed server was asked";
  EXPECT_FALSE(denied.reached()) << "a connection reached the denied address";
}

}  // namespace
}  // namespace ih::e2e::hostile
