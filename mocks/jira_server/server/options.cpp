#include "server/options.h"

#include <cstdlib>

#include "common/url_parts.h"

namespace ih::mock {
namespace {

std::string withoutTrailingSlash(std::string text) {
  while (!text.empty() && text.back() == '/') text.pop_back();
  return text;
}

}  // namespace

int parsePort(const std::string& text, const std::string& option) {
  char* end = nullptr;
  long port = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || port < 0 || port > 65535) throw ConfigError("invalid --" + option + " '" + text + "'");
  return static_cast<int>(port);
}

void validateConfig(MockConfig& config) {
  if (config.recording() && config.replaying()) throw ConfigError("--record and --replay cannot be combined");
  if (config.proxying() && config.replaying()) throw ConfigError("--upstream cannot be combined with --replay");
  if (config.proxying() && (config.upstreamConsumerKey.empty() != config.upstreamPrivateKeyFile.empty())) {
    throw ConfigError("--upstream-consumer-key and --upstream-private-key must be given together");
  }
  if (!config.proxying() && !config.upstreamConsumerKey.empty()) {
    throw ConfigError("--upstream-consumer-key needs --upstream");
  }
  if (config.tlsCertFile.empty() != config.tlsKeyFile.empty()) {
    throw ConfigError("--tls-cert and --tls-key must be given together");
  }
  if (!config.tls() && config.tlsPort != 0) throw ConfigError("--tls-port needs --tls-cert and --tls-key");
  config.contextPath = withoutTrailingSlash(config.contextPath);
  if (!config.contextPath.empty() && config.contextPath.front() != '/') {
    throw ConfigError("--context-path must start with '/': " + config.contextPath);
  }
  if (!config.baseUrl.empty()) {
    config.baseUrl = withoutTrailingSlash(config.baseUrl);
    try {
      auto parts = splitUrl(config.baseUrl);
      if (parts.scheme != "http" && parts.scheme != "https") throw ConfigError("--base-url must be http or https");
      if (!config.contextPathGiven) config.contextPath = withoutTrailingSlash(parts.path);
    } catch (const std::invalid_argument& e) {
      throw ConfigError(std::string("invalid --base-url: ") + e.what());
    }
  }
  if (config.proxying()) {
    config.upstreamUrl = withoutTrailingSlash(config.upstreamUrl);
    try {
      splitUrl(config.upstreamUrl);
    } catch (const std::invalid_argument& e) {
      throw ConfigError(std::string("invalid --upstream: ") + e.what());
    }
  }
  auto numbers = config.version.find_first_not_of("0123456789.");
  if (config.version.empty() || numbers != std::string::npos) throw ConfigError("invalid --version '" + config.version + "'");
}

void resolveBaseUrl(MockConfig& config, int boundPort, int boundTlsPort) {
  if (!config.baseUrl.empty()) return;
  // A certificate names a host, not an address: localhost is what a test's names.
  config.baseUrl = config.tls() ? "https://localhost:" + std::to_string(boundTlsPort) + config.contextPath
                                : "http://" + config.bind + ":" + std::to_string(boundPort) + config.contextPath;
}

}  // namespace ih::mock
