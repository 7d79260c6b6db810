#include "setup/install_step_router.h"

#include "common/keys.h"
#include "ihp/sdk/json.hpp"
#include "setup/installation_config_step.h"
#include "setup/installation_form.h"
#include "setup/pat_install_step.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

ihp_status runFirstInstallStep(const ihp::sdk::Host& host, const ihp_pipeline_call& call, ihp::sdk::Reply& reply) {
  json::Document input;
  if (!json::parseObject(ihp::sdk::view(call.input_json), input)) return runInstallationConfigStep(host, call, reply);
  const json::Value* authType = json::member(input, "authType");
  if (authType == nullptr || authType->IsNull() ||
      (authType->IsString() && std::string_view(authType->GetString()) == keys::kAuthTypeOAuth1)) {
    return runInstallationConfigStep(host, call, reply);
  }
  if (authType->IsString() && std::string_view(authType->GetString()) == keys::kAuthTypePat) {
    return runPatInstallStep(host, call, reply);
  }
  reply.json(400, fieldErrorsJson({{"authType", "Select a valid choice: \"oauth1\" or \"pat\"."}}));
  return IHP_OK;
}

}  // namespace ih::jira
