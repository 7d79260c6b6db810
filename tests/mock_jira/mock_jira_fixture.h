// Shared set-up for the mock-jira process tests: a standard seed (users with different
// rights, two projects, a small workflow, two issues, PATs and an OAuth consumer whose key
// pair is generated per run) and shortcuts for authenticated Jira calls.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/http_client.h"
#include "support/json_helpers.h"
#include "support/mock_jira_process.h"
#include "support/rsa_keys.h"

namespace ih::testing {

inline constexpr const char* kConsumerKey = "host-consumer";

// alice: admin; bob: plain user; carol: inactive; dave: not assignable.
// PATs: "alice-pat", "bob-pat". Projects OPS (components, versions) and ENG.
// Statuses 1 Open, 3 In Progress, 10001 Done; transitions 11 Start (1 -> 3),
// 31 Finish (any -> 10001), 41 Reopen (10001 -> 1). Issues OPS-1 (open, unassigned),
// OPS-2 (assigned to alice, with a description).
std::string standardSeed(const std::string& consumerPublicKey = "", bool emailVisible = true);

// The key pair of the seeded consumer, generated once per test process.
const RsaKeyPair& consumerKeys();

class MockJiraTest : public ::testing::Test {
 protected:
  // Starts mock-jira with the standard seed; extra arguments as given.
  void startMock(const std::vector<std::string>& args = {}, bool emailVisible = true);
  void SetUp() override { startMock(); }

  // Jira call authenticated with a PAT ("alice-pat" unless said otherwise).
  HttpResponse asUser(const std::string& method, const std::string& path, const std::string& body = "",
                      const std::string& pat = "alice-pat") const;
  // OAuth 1.0a header for a request to rootUrl + contextPath + path, signed by the host signer.
  std::string oauthHeader(const std::string& method, const std::string& absoluteUrl, const std::string& token = "",
                          const std::string& verifier = "") const;
  std::string jiraUrl(const std::string& path) const;

  std::unique_ptr<MockJiraProcess> mock_;
  // Seed the OAuth consumer (costs an RSA key generation per test process).
  bool withConsumer_ = false;
};

std::map<std::string, std::string> parseForm(const std::string& body);

}  // namespace ih::testing
