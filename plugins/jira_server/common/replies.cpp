#include "common/replies.h"

#include "ihp/sdk/json.hpp"

namespace ih::jira {

void replyDetail(ihp::sdk::Reply& reply, int32_t status, std::string_view detail) {
  ihp::sdk::json::JsonBuilder body;
  body.beginObject().field("detail", detail).endObject();
  reply.json(status, body.str());
}

void replyEmpty(ihp::sdk::Reply& reply, int32_t status) { reply.status(status); }

}  // namespace ih::jira
