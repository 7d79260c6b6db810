// What a REST resource handler receives: the request, its path parameters, the
// authenticated user and the services it may use.
#pragma once

#include <functional>
#include <map>
#include <string>

#include <rapidjson/document.h>

#include "actions/issue_actions.h"
#include "common/http_types.h"
#include "view/view_context.h"

namespace ih::mock {

struct RestServices {
  JiraState& state;
  IssueActions& actions;
  std::string baseUrl;
};

struct RestCall {
  const HttpRequest& request;
  std::map<std::string, std::string> params;  // decoded path parameters
  std::string user;                           // authenticated user name, empty = anonymous
  RestServices& services;

  const std::string& param(const std::string& name) const { return params.at(name); }
  // The JSON body; a 400 JiraError when it does not parse, as Jersey answers.
  rapidjson::Document jsonBody() const;
  // Query parameter as int with a default; a 400 JiraError for non-numbers.
  int intQuery(const std::string& name, int fallback) const;
};

using RestHandler = std::function<HttpResponse(const RestCall&)>;

// Renders under a shared lock with the view context of the moment.
template <typename Fn>
HttpResponse renderJson(const RestCall& call, int status, Fn&& fn) {
  auto body = call.services.state.read([&](const JiraModel& model) {
    return fn(model, ViewContext::of(call.services.baseUrl, model));
  });
  return HttpResponse::json(status, std::move(body));
}

}  // namespace ih::mock
