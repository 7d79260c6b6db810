// Jira DC's rate limiter (issue 10, section 7): the mock limits every REST
// call to a few a second and answers 429 with Retry-After and the
// X-RateLimit-* headers. The same burst of comment writes on two tickets goes
// to Jira twice: first from a naive client (the test: writes as fast as it
// can, waits Retry-After after a 429, retries), then through the host's
// outbox, which paces the integration's calls by the limits Jira announced.
// The host must draw fewer 429s, and every write must land exactly once.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <thread>
#include <vector>

#include "outbound_e2e.h"
#include "support/http_client.h"
#include "support/json_helpers.h"

namespace ih::e2e::jira {
namespace {

using namespace std::chrono_literals;

constexpr int kWritesPerTicket = 10;
constexpr const char* kLimit = R"({"rateLimit":{"capacity":4,"fillRate":4,"intervalSeconds":1}})";

class RateLimitE2E : public OutboundE2E {
 protected:
  void SetUp() override {
    OutboundE2E::SetUp();
    if (HasFatalFailure()) return;
    secondIssue_ = createIssue("acme", "web", "Fan noise");
    ASSERT_TRUE(linkIssue("acme", secondIssue_, integration_, "OPS-2"));
    bobToken_ = tokenFor(bob_);
    ASSERT_TRUE(within(10s, [&] { return jobsSettled("acme"); }));
  }

  // Turns the limiter on with a full bucket and zeroed counts.
  void limit() {
    auto reply = jira_->control("POST", "/_mock/settings", kLimit);
    ASSERT_EQ(reply.status, 200) << reply.body;
  }
  int64_t limitedCount() {
    return ih::testing::jsonInt(mockJson("GET", "/_mock/rate-limit"), "/limited");
  }

  // A client without pacing: one thread per ticket, each write sent at once
  // and, after a 429, again after Retry-After.
  void naiveWrites() {
    std::vector<std::thread> writers;
    for (const std::string key : {"OPS-1", "OPS-2"}) {
      writers.emplace_back([this, key] {
        for (int write = 0; write < kWritesPerTicket; ++write) {
          const std::string body = R"({"body":"naive )" + key + " " + std::to_string(write) + R"("})";
          while (true) {
            auto answer = jira_->jira("POST", "/rest/api/2/issue/" + key + "/comment", body,
                                      {{"Authorization", std::string("Bearer ") + kReaderPat}});
            if (answer.status != 429) break;
            std::this_thread::sleep_for(std::chrono::seconds(std::stoi(answer.header("retry-after"))));
          }
        }
      });
    }
    for (auto& writer : writers) writer.join();
  }

  // The same writes as host comments; each becomes one outbound comment job.
  void hostWrites() {
    for (int write = 0; write < kWritesPerTicket; ++write) {
      for (const auto& [issue, label] : {std::pair{issue_, "OPS-1"}, std::pair{secondIssue_, "OPS-2"}}) {
        Reply created = host_->post("/api/0/organizations/acme/issues/" + issue + "/comments/",
                                    R"({"text":"host )" + std::string(label) + " " + std::to_string(write) + R"("})",
                                    bobToken_);
        ASSERT_EQ(created.status, 201) << created.describe();
      }
    }
  }

  // Comments Jira accepted whose body has `marker`, per body.
  std::map<std::string, int> acceptedComments(const std::string& marker) {
    std::map<std::string, int> bodies;
    for (const std::string key : {"OPS-1", "OPS-2"}) {
      for (const auto& entry : journal("POST", "/rest/api/2/issue/" + key + "/comment")) {
        if (entry.status == 201 && entry.body.find(marker) != std::string::npos) ++bodies[entry.body];
      }
    }
    return bodies;
  }

  std::string secondIssue_, bobToken_;
};

TEST_F(RateLimitE2E, TheHostPacesItsCallsAndDrawsFewer429sThanANaiveClientWithoutLosingAWrite) {
  limit();
  naiveWrites();
  const int64_t naive429s = limitedCount();
  ASSERT_EQ(acceptedComments("naive ").size(), static_cast<size_t>(2 * kWritesPerTicket));

  limit();
  clearJournal();
  hostWrites();
  ASSERT_TRUE(within(60s, [&] {
    return acceptedComments("host ").size() == static_cast<size_t>(2 * kWritesPerTicket) && jobsSettled("acme");
  })) << acceptedComments("host ").size() << " of " << 2 * kWritesPerTicket << " comments reached Jira";
  const int64_t host429s = limitedCount();

  std::cerr << "429s for " << 2 * kWritesPerTicket << " writes at 4/s: naive client " << naive429s << ", host "
            << host429s << "\n";
  EXPECT_GT(naive429s, 0) << "the limiter must bite the naive client, or the comparison shows nothing";
  EXPECT_LT(host429s, naive429s);
  for (const auto& [body, count] : acceptedComments("host ")) EXPECT_EQ(count, 1) << body << " posted once";
  Reply dead = host_->get("/api/0/organizations/acme/jobs/?state=dead", kAdmin);
  EXPECT_EQ(dead.json.Size(), 0u) << "no write was given up: " << dead.describe();
}

}  // namespace
}  // namespace ih::e2e::jira
