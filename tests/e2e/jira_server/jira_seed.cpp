#include "jira_seed.h"

#include "ihp/sdk/json.hpp"

namespace ih::e2e::jira {

using ihp::sdk::json::JsonBuilder;

namespace {

// The summaries the e2e tests know; tickets beyond them are numbered.
std::string summaryOf(int number) {
  if (number == 1) return "Disk full";
  if (number == 2) return "Fan noise";
  return "Ticket " + std::to_string(number);
}

}  // namespace

const ih::testing::RsaKeyPair& runKeys() {
  static const ih::testing::RsaKeyPair keys = ih::testing::generateRsaKeyPair();
  return keys;
}

std::string jiraSeed(int issueCount) {
  JsonBuilder seed;
  seed.beginObject().key("users").beginArray();
  seed.beginObject().field("name", "alice").field("key", "JIRAUSER10100").field("displayName", "Alice Admin")
      .field("emailAddress", "alice@example.test").field("active", true).field("admin", true).endObject();
  seed.beginObject().field("name", "bob").field("key", "JIRAUSER10200").field("displayName", "Bob Builder")
      .field("emailAddress", "bob@example.test").field("active", true).field("admin", false).endObject();
  seed.endArray();
  seed.key("consumers").beginArray().beginObject().field("consumerKey", kConsumerKey)
      .field("publicKey", runKeys().publicPem).endObject().endArray();
  seed.key("projects").beginArray();
  seed.beginObject().field("id", "10000").field("key", "OPS").field("name", "Operations").endObject();
  seed.beginObject().field("id", "10001").field("key", "APP").field("name", "Applications").endObject();
  seed.endArray();
  seed.key("statuses").beginArray();
  seed.beginObject().field("id", "1").field("name", "Open").field("category", "new").endObject();
  seed.beginObject().field("id", "3").field("name", "In Progress").field("category", "indeterminate").endObject();
  seed.beginObject().field("id", "10001").field("name", "Done").field("category", "done").endObject();
  seed.endArray();
  seed.key("transitions").beginArray();
  seed.beginObject().field("id", "11").field("name", "Start").field("to", "3").endObject();
  seed.beginObject().field("id", "31").field("name", "Finish").field("to", "10001").endObject();
  seed.endArray();
  seed.key("issues").beginArray();
  for (int number = 1; number <= issueCount; ++number) {
    seed.beginObject().field("key", "OPS-" + std::to_string(number)).field("project", "OPS")
        .field("summary", summaryOf(number)).field("status", "1").nullField("assignee").endObject();
  }
  seed.endArray().field("emailVisibility", true).endObject();
  return seed.str();
}

std::string personalAccessTokenSeed(const std::string& token, const std::string& user) {
  JsonBuilder seed;
  seed.beginObject().key("pats").beginArray().beginObject().field("token", token).field("user", user).endObject()
      .endArray().endObject();
  return seed.str();
}

std::string oauthInstallForm(const std::string& jiraUrl, bool verifySsl) {
  JsonBuilder form;
  form.beginObject().field("url", jiraUrl).field("consumerKey", kConsumerKey)
      .field("privateKey", runKeys().privatePkcs8Pem).field("verifySsl", verifySsl).endObject();
  return form.str();
}

std::string patInstallForm(const std::string& jiraUrl, const std::string& token) {
  JsonBuilder form;
  form.beginObject().field("authType", "pat").field("url", jiraUrl).field("personalAccessToken", token).endObject();
  return form.str();
}

}  // namespace ih::e2e::jira
