#include "support/http_script.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

namespace ih::jira::testing {

namespace {
std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}
}  // namespace

std::string CapturedRequest::header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (lower(key) == lower(name)) return value;
  }
  return {};
}

HttpScript::~HttpScript() { expectAllAnswersUsed(); }

void HttpScript::expectAllAnswersUsed() const {
  for (const auto& unused : unusedAnswers()) ADD_FAILURE() << "scripted but never requested: " << unused;
}

std::vector<std::string> HttpScript::unusedAnswers() const {
  std::vector<std::string> out;
  for (const auto& [key, answers] : routes_) {
    if (optional_.count(key) != 0) continue;
    const auto served = served_.find(key);
    const size_t used = served == served_.end() ? 0 : std::min(served->second, answers.size());
    if (used < answers.size()) {
      out.push_back(key.first + " " + key.second + ": " + std::to_string(answers.size() - used) + " of " +
                    std::to_string(answers.size()) + " answers never served");
    }
  }
  return out;
}

void HttpScript::clear() {
  expectAllAnswersUsed();
  routes_.clear();
  served_.clear();
  optional_.clear();
  requests_.clear();
}

HttpScript& HttpScript::on(const std::string& method, const std::string& url, CannedResponse response) {
  const auto key = std::make_pair(method, url);
  if (optional_.erase(key) != 0) {  // a test's own answer replaces the fixture's allowed one
    routes_.erase(key);
    served_.erase(key);
  }
  routes_[key].push_back(std::move(response));
  return *this;
}

HttpScript& HttpScript::allow(const std::string& method, const std::string& url, CannedResponse response) {
  routes_[{method, url}].push_back(std::move(response));
  optional_.insert({method, url});
  return *this;
}

CannedResponse HttpScript::handle(const CapturedRequest& request) {
  requests_.push_back(request);
  auto key = std::make_pair(request.method, request.url);
  auto it = routes_.find(key);
  if (it == routes_.end()) {
    ADD_FAILURE() << "unscripted request: " << request.method << " " << request.url;
    return transportFailure(IHP_E_UNREACHABLE);
  }
  size_t& served = served_[key];
  const CannedResponse& response = it->second[std::min(served, it->second.size() - 1)];
  ++served;
  return response;
}

std::vector<CapturedRequest> HttpScript::requestsTo(const std::string& method, const std::string& url) const {
  std::vector<CapturedRequest> out;
  for (const auto& request : requests_) {
    if (request.method == method && request.url == url) out.push_back(request);
  }
  return out;
}

}  // namespace ih::jira::testing
