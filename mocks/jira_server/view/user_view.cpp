#include "view/user_view.h"

namespace ih::mock {

void writeUser(json::JsonBuilder& out, const User& user, const ViewContext& ctx) {
  const std::string avatar = ctx.baseUrl + "/secure/useravatar?";
  out.beginObject()
      .field("self", ctx.api("user?username=" + user.name))
      .field("key", user.key)
      .field("name", user.name);
  if (ctx.emailVisible) out.field("emailAddress", user.emailAddress);
  out.key("avatarUrls").beginObject()
      .field("48x48", avatar + "avatarId=10122")
      .field("24x24", avatar + "size=small&avatarId=10122")
      .field("16x16", avatar + "size=xsmall&avatarId=10122")
      .field("32x32", avatar + "size=medium&avatarId=10122")
      .endObject()
      .field("displayName", user.displayName)
      .field("active", user.active)
      .field("timeZone", user.timeZone)
      .endObject();
}

std::string userJson(const User& user, const ViewContext& ctx) {
  json::JsonBuilder out;
  writeUser(out, user, ctx);
  return out.str();
}

void writeUserOrNull(json::JsonBuilder& out, const JiraModel& model, const std::optional<std::string>& name,
                     const ViewContext& ctx) {
  const User* user = name ? model.findUser(*name) : nullptr;
  if (user == nullptr) {
    out.null();
  } else {
    writeUser(out, *user, ctx);
  }
}

}  // namespace ih::mock
