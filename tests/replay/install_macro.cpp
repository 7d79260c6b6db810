// Expands {"install": {...}} into the setup pipeline's calls (host-contract.md,
// "Installing an integration"); see macros.h.
#include "macros.h"
#include "run_context.h"
#include "step_fields.h"
#include "step_list.h"

namespace ih::replay {
namespace {

const char* kDefaultStep1 = R"({"status": 200, "json": {"status": "advance"}})";
const char* kDefaultComplete = R"({"status": 200, "json": {"status": "complete"}})";

void setExpectation(StepList& list, rapidjson::Value& step, const rapidjson::Value& spec, const char* key,
                    const char* fallback) {
  if (const auto* given = optionalMember(spec, key)) {
    list.set(step, "expect", *given);
  } else {
    rapidjson::Document parsed;
    parsed.Parse(fallback);
    list.set(step, "expect", parsed);
  }
}

// Step 1 of an OAuth install; false when the scenario expects it to fail (the install ends).
bool addOAuthStep1(StepList& list, const rapidjson::Value& spec, const std::string& stepPath) {
  auto& step1 = list.add(R"({"api": )" + quoted("POST " + stepPath) + R"(, "description": "install: step 1, the application link form",)"
                         R"( "body": {"url": "${jira.baseUrl}", "consumerKey": "${jira.consumerKey}",)"
                         R"( "privateKey": "${jira.privateKey}", "verifySsl": true}})");
  setExpectation(list, step1, spec, "step1Expect", kDefaultStep1);
  const auto* expected = optionalMember(step1["expect"], "status");
  if (expected != nullptr && expected->IsInt() && expected->GetInt() != 200) return false;
  rapidjson::Document save;
  save.Parse(R"({"requestToken": "$.data.oauthUrl?oauth_token"})");
  list.set(step1, "save", save);
  list.add(R"({"approve": {"token": "${requestToken}", "user": )" + quoted(optionalString(spec, "approveAs", "alice")) +
           R"(}, "saveVerifier": "oauthVerifier", "description": "install: the Jira user approves"})");
  if (const auto* before = optionalMember(spec, "beforeComplete")) {
    if (!before->IsArray()) throw StepFailure("\"beforeComplete\" must be an array of steps");
    for (const auto& step : before->GetArray()) list.addCopy(step);
  }
  return true;
}

}  // namespace

rapidjson::Document expandInstall(const rapidjson::Value& step) {
  requireOnlyKeys(step, {"install", "description"});
  const auto& spec =
      objectMember(step, "install", {"org", "auth", "approveAs", "pat", "step1Expect", "beforeComplete", "expect", "save"});
  const auto org = requiredString(spec, "org");
  const auto auth = optionalString(spec, "auth", "oauth1");
  if (auth != "oauth1" && auth != "pat") throw StepFailure("\"auth\" is \"oauth1\" or \"pat\"");
  const std::string pipeline = "/api/0/organizations/" + org + "/pipeline/integration/";
  const std::string stepPath = pipeline + "${pipelineId}/";

  StepList list;
  list.add(R"({"api": )" + quoted("POST " + pipeline) + R"(, "description": "install: initialize",)"
           R"( "body": {"action": "initialize", "provider": "jira_server"},)"
           R"( "expect": {"status": 200}, "save": {"pipelineId": "$.pipelineId"}})");
  rapidjson::Value* last = nullptr;
  if (auth == "pat") {
    last = &list.add(R"({"api": )" + quoted("POST " + stepPath) + R"(, "description": "install: the personal access token form",)"
                     R"( "body": {"authType": "pat", "url": "${jira.baseUrl}", "personalAccessToken": )" +
                     quoted("${pat." + optionalString(spec, "pat", "alice") + "}") + "}}");
  } else if (addOAuthStep1(list, spec, stepPath)) {
    last = &list.add(R"({"api": )" + quoted("POST " + stepPath) + R"(, "description": "install: step 2, the OAuth callback",)"
                     R"( "body": {"oauthToken": "${requestToken}", "oauthVerifier": "${oauthVerifier}"}})");
  }
  if (last != nullptr) {
    setExpectation(list, *last, spec, "expect", kDefaultComplete);
    if (const auto* save = optionalMember(spec, "save")) list.set(*last, "save", *save);
  }
  return list.take();
}

}  // namespace ih::replay
