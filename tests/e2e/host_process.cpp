#include "host_process.h"

#include "support/test_paths.h"

namespace ih::e2e {

std::string Reply::str(const char* key) const {
  if (!json.IsObject() || !json.HasMember(key) || !json[key].IsString()) return {};
  return json[key].GetString();
}

std::string HostProcess::executable() { return ih::testing::binaryDir() + "/integration-host"; }

HostProcess::HostProcess(const HostLaunch& launch) {
  std::vector<std::string> args = {"--port", std::to_string(launch.port), "--data-dir", launch.dataDir, "--plugins-dir", launch.pluginsDir};
  if (!launch.adminToken.empty()) {
    args.push_back("--admin-token");
    args.push_back(launch.adminToken);
  }
  args.insert(args.end(), launch.extraArgs.begin(), launch.extraArgs.end());
  process_ = ih::testing::ChildProcess::start(executable(), args, launch.env);
  baseUrl_ = process_->waitForListening();
}

int HostProcess::runToExit(const std::vector<std::string>& args, std::string* stderrText, std::string* stdoutText) {
  auto process = ih::testing::ChildProcess::start(executable(), args, {{"INTEGRATION_HOST_ADMIN_TOKEN", ""}});
  int code = process->wait(std::chrono::seconds(20));
  if (stderrText != nullptr) *stderrText = process->stderrText();
  if (stdoutText != nullptr) *stdoutText = process->stdoutText();
  return code;
}

Reply HostProcess::call(const std::string& method, const std::string& path, const std::string& token,
                        const std::string& body) {
  std::map<std::string, std::string> headers;
  if (!token.empty()) headers["Authorization"] = "Bearer " + token;
  ih::testing::HttpResponse response = ih::testing::httpRequest(method, baseUrl_ + path, body, headers);
  Reply reply;
  reply.status = response.status;
  reply.body = std::move(response.body);
  reply.headers = std::move(response.headers);
  reply.json.Parse(reply.body.c_str());
  if (reply.json.HasParseError()) reply.json.SetNull();
  return reply;
}

bool HostProcess::inboxDrained() {
  const Reply metrics = get("/metrics", "");
  return metrics.status == 200 && metrics.body.find("\nih_webhook_inbox_pending 0\n") != std::string::npos;
}

}  // namespace ih::e2e
