// GET /rest/api/2/serverInfo: anonymous; baseUrl is the configured one, and
// versionNumbers[0] is what clients switch webhook generations on.
#include "common/json.h"
#include "common/wall_clock.h"
#include "rest/resources.h"

namespace ih::mock {
namespace {

HttpResponse serverInfo(const RestCall& call) {
  auto settings = call.services.state.read([](const JiraModel& m) { return m.settings; });
  const auto numbers = settings.versionNumbers();
  json::JsonBuilder out;
  out.beginObject()
      .field("baseUrl", call.services.baseUrl)
      .field("version", settings.version)
      .key("versionNumbers").beginArray().value(numbers[0]).value(numbers[1]).value(numbers[2]).endArray()
      .field("deploymentType", "Server")
      .field("buildNumber", static_cast<std::int64_t>(numbers[0]) * 100000 + numbers[1] * 1000 + numbers[2])
      .field("buildDate", "2023-11-21T00:00:00.000+0000")
      .field("serverTime", jiraDate(nowMillis()))
      .field("scmInfo", "mock-jira")
      .field("serverTitle", "Jira")
      .endObject();
  return HttpResponse::json(200, out.str());
}

}  // namespace

void registerServerInfoRoutes(RouteTable& routes) {
  routes.add("GET", "/rest/api/2/serverInfo", serverInfo, /*anonymous=*/true);
}

}  // namespace ih::mock
