#include "setup/installation_config_step.h"

#include "common/replies.h"
#include "ihp/sdk/json.hpp"
#include "setup/installation_form.h"
#include "setup/oauth_dance.h"
#include "setup/pipeline_state.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

ihp_status runInstallationConfigStep(const ihp::sdk::Host& host, const ihp_pipeline_call& call,
                                     ihp::sdk::Reply& reply) {
  json::Document input;
  if (!json::parseObject(ihp::sdk::view(call.input_json), input)) {
    replyDetail(reply, 400, "Expected a JSON object.");
    return IHP_OK;
  }
  auto form = validateInstallationForm(host, input);
  if (!form) {
    reply.json(400, fieldErrorsJson(form.error()));
    return IHP_OK;
  }
  auto requestToken = fetchRequestToken(host, form.value());
  if (!requestToken) {
    replyDetail(reply, 400, requestToken.error());
    return IHP_OK;
  }

  PipelineState state{form.value(), requestToken.value()};
  json::JsonBuilder data;
  data.beginObject().field("oauthUrl", authorizeUrl(state.installation, state.requestToken.token)).endObject();
  reply.pipelineState(state.toJson()).pipelineRef(state.requestToken.token).json(200, data.str());
  host.info("installation-config: request token obtained");
  return IHP_OK;
}

}  // namespace ih::jira
