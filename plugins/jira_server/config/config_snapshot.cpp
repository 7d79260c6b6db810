#include "config/config_snapshot.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

void copyConfigSnapshot(const json::Value& document, json::Document& out) {
  const json::Value* config = json::member(document, "config");
  if (config != nullptr && config->IsObject()) {
    out.CopyFrom(*config, out.GetAllocator());
  } else {
    out.SetObject();
  }
}

}  // namespace ih::jira
