#include "sync/status_categories.h"

#include "common/keys.h"
#include "ihp/sdk/json.hpp"
#include "sync/status_decision.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

std::optional<std::string> SharedStatusCategories::storedCategory(const std::string& statusId) const {
  const ihp::sdk::Host& host = client_.host();
  auto integration = host.integrationGet(client_.connection().integrationId);
  if (!integration) return std::nullopt;
  json::Document doc;
  if (!json::parseObject(integration.value, doc)) return std::nullopt;
  const json::Value* metadata = json::member(doc, "metadata");
  const json::Value* stored = metadata != nullptr ? json::member(*metadata, keys::kStatusCategories) : nullptr;
  if (stored == nullptr || !stored->IsObject()) return std::nullopt;
  const int64_t fetchedAt = json::int64(*stored, keys::kStatusCategoriesFetchedAt).value_or(0);
  const int64_t age = host.nowMs() - fetchedAt;
  // A clock behind the writer's (another host) still counts as fresh.
  if (age >= kFreshForMs) return std::nullopt;
  const json::Value* byId = json::member(*stored, keys::kStatusCategoriesById);
  if (byId == nullptr || !byId->IsObject()) return std::nullopt;
  std::string category = json::stringOr(*byId, statusId);
  if (category.empty()) return std::nullopt;
  return category;
}

void SharedStatusCategories::store(const std::vector<JiraStatus>& statuses) const {
  const ihp::sdk::Host& host = client_.host();
  json::JsonBuilder patch;
  patch.beginObject().key(keys::kStatusCategories).beginObject();
  patch.field(keys::kStatusCategoriesFetchedAt, host.nowMs());
  patch.key(keys::kStatusCategoriesById).beginObject();
  for (const JiraStatus& status : statuses) {
    if (!status.categoryKey.empty()) patch.field(status.id, status.categoryKey);
  }
  patch.endObject().endObject().endObject();
  // Not stored: this decision still uses the fresh list; the next job fetches again.
  if (ihp_status stored = host.integrationMergeMetadata(client_.connection().integrationId, patch.str());
      stored != IHP_OK) {
    host.warn(std::string("status-categories-not-stored: ") + ihp::sdk::statusName(stored));
  }
}

ApiResult<std::optional<std::string>> SharedStatusCategories::categoryOf(const std::string& statusId) const {
  if (auto stored = storedCategory(statusId)) return std::optional<std::string>(std::move(*stored));
  auto statuses = client_.statuses();
  if (!statuses) return fail(statuses.error());
  store(statuses.value());
  return ih::jira::categoryOf(statusId, statuses.value());
}

}  // namespace ih::jira
