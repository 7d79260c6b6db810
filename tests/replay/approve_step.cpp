// The "approve" step: the Jira user approving the OAuth request token. Recording
// asks the stateful mock (POST /_mock/oauth/approve) for the real verifier. A replay
// has no OAuth store to approve in, so the request token itself becomes the verifier
// (Sentry's legacy flow, which the plugin and Jira Server accept); the recorded
// access-token request matches either way because credentials are never recorded.
#include "step_fields.h"
#include "step_kinds.h"
#include "support/json_helpers.h"

namespace ih::replay {

void runApproveStep(RunContext& context, const rapidjson::Value& step) {
  requireOnlyKeys(step, {"approve", "saveVerifier", "description"});
  const auto& approve = objectMember(step, "approve", {"token", "user"});
  const auto token = context.vars.substitute(requiredString(approve, "token"));
  const auto user = requiredString(approve, "user");
  const auto saveAs = optionalString(step, "saveVerifier", "oauthVerifier");
  if (!context.recording()) {
    context.vars.set(saveAs, token, true);
    context.log() << "    approve as " << user << ": replay, the request token is the verifier\n";
    return;
  }
  rapidjson::Document body;
  body.SetObject();
  body.AddMember("oauthToken", rapidjson::Value(token.c_str(), body.GetAllocator()), body.GetAllocator());
  body.AddMember("user", rapidjson::Value(user.c_str(), body.GetAllocator()), body.GetAllocator());
  auto response = context.jira.control("POST", "/_mock/oauth/approve", ih::testing::toJson(body));
  context.log() << "    jira POST /_mock/oauth/approve as " << user << " -> " << response.status << "\n";
  if (response.status != 200) throw StepFailure("approval refused: " + std::to_string(response.status) + " " + response.body);
  context.vars.set(saveAs, ih::testing::jsonString(ih::testing::parseJson(response.body), "/oauth_verifier"), true);
}

}  // namespace ih::replay
