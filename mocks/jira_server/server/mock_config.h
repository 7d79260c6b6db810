// mock-jira's settings as given on the command line, plus the base URL resolved once the
// listening port is known.
#pragma once

#include <string>

namespace ih::mock {

struct MockConfig {
  std::string bind = "127.0.0.1";
  int port = 0;
  std::string baseUrl;      // --base-url, or http(s)://host:port + context path after binding
  std::string contextPath;  // "" or "/jira"; derived from --base-url when not given
  std::string version = "9.12.0";
  bool versionGiven = false;
  bool contextPathGiven = false;
  std::string seedFile;
  std::string recordFile;
  std::string replayFile;
  std::string upstreamUrl;
  std::string upstreamConsumerKey;
  std::string upstreamPrivateKeyFile;
  // A second listener speaking HTTPS for Jira's REST and OAuth endpoints (the
  // control API is on both); the default base URL is then https://localhost:<tlsPort>.
  std::string tlsCertFile;
  std::string tlsKeyFile;
  int tlsPort = 0;

  bool recording() const { return !recordFile.empty(); }
  bool replaying() const { return !replayFile.empty(); }
  bool proxying() const { return !upstreamUrl.empty(); }
  bool tls() const { return !tlsCertFile.empty(); }
};

}  // namespace ih::mock
