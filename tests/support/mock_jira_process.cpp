#include "support/mock_jira_process.h"

#include <stdexcept>

#include "support/ascii.h"
#include "support/json_helpers.h"
#include "support/test_paths.h"

namespace ih::testing {

std::unique_ptr<MockJiraProcess> MockJiraProcess::start(const std::string& seedJson,
                                                        const std::vector<std::string>& extraArgs) {
  std::unique_ptr<MockJiraProcess> mock(new MockJiraProcess());
  std::vector<std::string> args{"--port", "0"};
  if (!seedJson.empty()) {
    args.push_back("--seed");
    args.push_back(mock->dir_.write("seed.json", seedJson));
  }
  args.insert(args.end(), extraArgs.begin(), extraArgs.end());
  mock->process_ = ChildProcess::start(binaryDir() + "/mock-jira", args);
  mock->rootUrl_ = mock->process_->waitForListening();
  // The control API says where Jira lives, whatever --base-url, --context-path or a
  // replayed cassette decided.
  auto settings = httpRequest("GET", mock->rootUrl_ + "/_mock/settings");
  if (settings.status != 200) throw std::runtime_error("mock-jira control API not answering: " + settings.body);
  auto doc = parseJson(settings.body);
  mock->baseUrl_ = jsonString(doc, "/baseUrl");
  mock->contextPath_ = jsonString(doc, "/contextPath");
  return mock;
}

HttpResponse MockJiraProcess::control(const std::string& method, const std::string& path, const std::string& json) const {
  return httpRequest(method, rootUrl_ + path, json);
}

HttpResponse MockJiraProcess::jira(const std::string& method, const std::string& path, const std::string& body,
                                   const std::map<std::string, std::string>& headers) const {
  return httpRequest(method, rootUrl_ + contextPath_ + path, body, headers);
}

std::vector<JournalEntry> MockJiraProcess::journal(const std::string& method, const std::string& path) const {
  std::vector<JournalEntry> entries;
  auto response = control("GET", "/_mock/journal");
  if (response.status != 200) throw std::runtime_error("GET /_mock/journal answered " + std::to_string(response.status));
  auto doc = parseJson(response.body);
  if (!doc.IsArray()) return entries;
  for (const auto& item : doc.GetArray()) {
    JournalEntry entry;
    entry.method = jsonString(item, "/method");
    entry.path = jsonString(item, "/path");
    if (!contextPath_.empty() && entry.path.rfind(contextPath_, 0) == 0) entry.path = entry.path.substr(contextPath_.size());
    if ((!method.empty() && entry.method != method) || (!path.empty() && entry.path != path)) continue;
    entry.body = jsonHas(item, "/body") && item["body"].IsString() ? item["body"].GetString() : "";
    entry.status = jsonHas(item, "/status") && item["status"].IsInt() ? item["status"].GetInt() : 0;
    entry.timeMs = jsonHas(item, "/time") && item["time"].IsInt64() ? item["time"].GetInt64() : 0;
    if (jsonHas(item, "/headers") && item["headers"].IsObject()) {
      for (const auto& header : item["headers"].GetObject()) {
        if (detail::lowercase(header.name.GetString()) == "authorization" && header.value.IsString()) {
          entry.authorization = header.value.GetString();
        }
      }
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

int MockJiraProcess::stop() { return process_->stop(); }

}  // namespace ih::testing
