// Issue search by JQL, as GET (query parameters) or POST (JSON body).
#include <algorithm>
#include <optional>

#include "common/http_types.h"
#include "common/json.h"
#include "rest/jql.h"
#include "rest/resources.h"
#include "view/issue_view.h"

namespace ih::mock {
namespace {

struct SearchRequest {
  std::string jql;
  int startAt = 0;
  int maxResults = 50;
  bool strict = true;  // validateQuery: strict/true (default) refuses unknown keys; warn/false lists them
};

bool strictValidation(const std::optional<std::string>& validateQuery) {
  if (!validateQuery) return true;
  const auto value = lowercase(*validateQuery);
  return value != "warn" && value != "false" && value != "none";
}

HttpResponse runSearch(const RestCall& call, const SearchRequest& search) {
  auto query = JqlQuery::parse(search.jql);
  return renderJson(call, 200, [&](const JiraModel& model, const ViewContext& ctx) {
    std::vector<std::string> warnings;
    if (search.strict) {
      query.validate(model);
    } else {
      warnings = query.warnings(model);
    }
    std::vector<const Issue*> hits;
    for (const auto& issue : model.issues) {
      if (query.matches(model, issue)) hits.push_back(&issue);
    }
    // Newest first, as Jira orders results without ORDER BY.
    std::sort(hits.begin(), hits.end(), [](const Issue* a, const Issue* b) { return std::stoll(a->id) > std::stoll(b->id); });
    json::JsonBuilder out;
    out.beginObject()
        .field("expand", "schema,names")
        .field("startAt", search.startAt)
        .field("maxResults", search.maxResults)
        .field("total", static_cast<std::int64_t>(hits.size()))
        .key("issues").beginArray();
    for (std::size_t i = static_cast<std::size_t>(search.startAt);
         i < hits.size() && i < static_cast<std::size_t>(search.startAt + search.maxResults); ++i) {
      writeIssue(out, model, *hits[i], ctx);
    }
    out.endArray();
    if (!warnings.empty()) {
      out.key("warningMessages").beginArray();
      for (const auto& warning : warnings) out.value(warning);
      out.endArray();
    }
    out.endObject();
    return out.str();
  });
}

HttpResponse searchByQuery(const RestCall& call) {
  SearchRequest search{call.request.queryParam("jql").value_or(""), std::max(0, call.intQuery("startAt", 0)),
                       std::clamp(call.intQuery("maxResults", 50), 0, 1000),
                       strictValidation(call.request.queryParam("validateQuery"))};
  return runSearch(call, search);
}

HttpResponse searchByBody(const RestCall& call) {
  auto body = call.jsonBody();
  SearchRequest search{json::string(body, "jql").value_or(""),
                       static_cast<int>(std::max<long long>(0, json::int64(body, "startAt").value_or(0))),
                       static_cast<int>(std::clamp<long long>(json::int64(body, "maxResults").value_or(50), 0, 1000)),
                       true};
  if (const auto* validate = json::member(body, "validateQuery")) {
    search.strict = validate->IsBool() ? validate->GetBool() : strictValidation(json::string(body, "validateQuery"));
  }
  return runSearch(call, search);
}

}  // namespace

void registerSearchRoutes(RouteTable& routes) {
  routes.add("GET", "/rest/api/2/search", searchByQuery);
  routes.add("POST", "/rest/api/2/search", searchByBody);
}

}  // namespace ih::mock
