#include "setup/pipeline_state.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

std::string PipelineState::toJson() const {
  json::JsonBuilder out;
  out.beginObject().key("installationData");
  installation.writeJson(out);
  out.key("requestToken")
      .beginObject()
      .field("oauth_token", requestToken.token)
      .field("oauth_token_secret", requestToken.secret)
      .endObject()
      .endObject();
  return out.str();
}

std::optional<PipelineState> PipelineState::fromJson(std::string_view text) {
  json::Document doc;
  if (!json::parseObject(text, doc)) return std::nullopt;
  const json::Value* installation = json::member(doc, "installationData");
  const json::Value* token = json::member(doc, "requestToken");
  if (installation == nullptr || token == nullptr) return std::nullopt;
  auto data = InstallationData::fromJson(*installation);
  if (!data) return std::nullopt;
  PipelineState state;
  state.installation = std::move(*data);
  state.requestToken.token = json::stringOr(*token, "oauth_token");
  state.requestToken.secret = json::stringOr(*token, "oauth_token_secret");
  if (state.requestToken.token.empty()) return std::nullopt;
  return state;
}

}  // namespace ih::jira
