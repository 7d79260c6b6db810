// tests/replay/run_secrets.h - the credentials of one scenario run, generated
// fresh and never written to a fixture: the OAuth consumer's RSA key pair (the
// public half goes to mock-jira through --seed), one personal access token per
// seeded Jira user, and the host's admin token.
#pragma once

#include <map>
#include <string>

#include <rapidjson/document.h>

#include "support/rsa_keys.h"

namespace ih::replay {

// Not a secret: the application link's name, as an admin would type it.
inline constexpr const char* kConsumerKey = "replay-consumer";

struct RunSecrets {
  const ih::testing::RsaKeyPair* keys = nullptr;  // shared by the runs of one process
  std::map<std::string, std::string> pats;       // Jira user name -> token
  std::string adminToken;
};

// PATs for every user of `seed` ({"users":[{"name"}]}).
RunSecrets generateRunSecrets(const rapidjson::Value& seed);

// The seed mock-jira starts with: the scenario's seed plus the consumer and the PATs.
std::string mockSeedJson(const rapidjson::Value& seed, const RunSecrets& secrets);

}  // namespace ih::replay
