// tests/e2e/jira_server/jira_seed.h - what a run against the real mock-jira
// starts from, shared by the e2e tests and the benchmarks (no gtest here):
// the run's RSA key pair, the mock's seed, and the install forms.
#pragma once

#include <string>

#include "support/rsa_keys.h"

namespace ih::e2e::jira {

inline constexpr const char* kConsumerKey = "host-consumer";

// The key pair of this run (generated once; never committed).
const ih::testing::RsaKeyPair& runKeys();

// The mock's seed: users alice (Jira admin) and bob (not an admin), the
// consumer with runKeys().publicPem, projects OPS and APP, Open/In Progress/Done,
// transitions, issues OPS-1 ("Disk full"), OPS-2 ("Fan noise") and, when
// issueCount is larger, OPS-3 .. OPS-<issueCount>.
std::string jiraSeed(int issueCount = 2);
// A seed fragment (POST /_mock/seed merges it) giving `user` the personal access token.
std::string personalAccessTokenSeed(const std::string& token, const std::string& user);

// Step-1 bodies of the install pipeline: the application-link form with the
// run's private key, and the personal-access-token form.
std::string oauthInstallForm(const std::string& jiraUrl, bool verifySsl = true);
std::string patInstallForm(const std::string& jiraUrl, const std::string& token);

}  // namespace ih::e2e::jira
