#include "support/mock_jira_process.h"

#include <stdexcept>

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

int MockJiraProcess::stop() { return process_->stop(); }

}  // namespace ih::testing
