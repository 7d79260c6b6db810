// mock-jira: a stateful mock of Jira Server / Data Center for the integration host's
// tests, with strict fixture record/replay. See docs/mock-jira.md.
#include <csignal>
#include <iostream>
#include <optional>

#include <Poco/Exception.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>

#include "fixtures/cassette.h"
#include "server/http_listener.h"
#include "server/mock_runtime.h"
#include "server/options.h"

namespace {

using Poco::Util::Option;
using ih::mock::MockConfig;

constexpr int kExitUsage = 2;

class MockJiraApp : public Poco::Util::ServerApplication {
 public:
  // init() + run() with option errors reported as one line and exit code 2 (Poco's own
  // run(argc, argv) would log them and exit 78).
  int launch(int argc, char** argv) {
    try {
      init(argc, argv);
    } catch (const Poco::Exception& e) {
      return usageError(e.displayText() + " (see --help)");
    } catch (const std::exception& e) {
      return usageError(std::string(e.what()) + " (see --help)");
    }
    return run();
  }

 protected:
  void defineOptions(Poco::Util::OptionSet& options) override {
    ServerApplication::defineOptions(options);
    auto valued = [&](const char* name, const char* arg, const char* text) {
      options.addOption(Option(name, "", text).required(false).repeatable(false).argument(arg));
    };
    options.addOption(Option("help", "h", "print this help and exit").required(false).repeatable(false));
    valued("bind", "ADDR", "listen address (default 127.0.0.1)");
    valued("port", "N", "listen port; 0 picks a free port (default 0)");
    valued("base-url", "URL", "the base URL Jira believes it serves, context path included");
    valued("context-path", "PATH", "context path such as /jira (default: none, or the --base-url path)");
    valued("version", "X.Y.Z", "Jira version to impersonate (default 9.12.0)");
    valued("seed", "FILE", "seed JSON to load at start");
    valued("record", "FILE", "record Jira traffic and deliveries into a cassette");
    valued("replay", "FILE", "serve a recorded cassette strictly");
    valued("upstream", "URL", "proxy to this real Jira (with --record)");
    valued("upstream-consumer-key", "KEY", "consumer key to re-sign OAuth requests for the upstream");
    valued("upstream-private-key", "FILE", "PEM private key to re-sign OAuth requests for the upstream");
    valued("tls-cert", "FILE", "PEM certificate: also serve HTTPS (Jira's base URL becomes https://localhost:<tls port>)");
    valued("tls-key", "FILE", "PEM private key of --tls-cert");
    valued("tls-port", "N", "HTTPS listen port; 0 picks a free port (default 0)");
  }

  void handleOption(const std::string& name, const std::string& value) override {
    ServerApplication::handleOption(name, value);
    if (name == "help") {
      help_ = true;
      stopOptionsProcessing();
    } else if (name == "bind") {
      config_.bind = value;
    } else if (name == "port") {
      config_.port = ih::mock::parsePort(value);
    } else if (name == "base-url") {
      config_.baseUrl = value;
    } else if (name == "context-path") {
      config_.contextPath = value;
      config_.contextPathGiven = true;
    } else if (name == "version") {
      config_.version = value;
      config_.versionGiven = true;
    } else if (name == "seed") {
      config_.seedFile = value;
    } else if (name == "record") {
      config_.recordFile = value;
    } else if (name == "replay") {
      config_.replayFile = value;
    } else if (name == "upstream") {
      config_.upstreamUrl = value;
    } else if (name == "upstream-consumer-key") {
      config_.upstreamConsumerKey = value;
    } else if (name == "upstream-private-key") {
      config_.upstreamPrivateKeyFile = value;
    } else if (name == "tls-cert") {
      config_.tlsCertFile = value;
    } else if (name == "tls-key") {
      config_.tlsKeyFile = value;
    } else if (name == "tls-port") {
      config_.tlsPort = ih::mock::parsePort(value, "tls-port");
    }
  }

  int main(const ArgVec& args) override {
    if (help_) {
      Poco::Util::HelpFormatter formatter(options());
      formatter.setCommand("mock-jira");
      formatter.setUsage("[options]");
      formatter.setHeader("A stateful mock of Jira Server / Data Center with strict fixture record/replay.");
      formatter.format(std::cout);
      return EXIT_OK;
    }
    if (!args.empty()) return usageError("unexpected argument '" + args.front() + "'");
    std::optional<ih::mock::Cassette> cassette;
    try {
      ih::mock::validateConfig(config_);
      if (config_.replaying()) cassette = loadReplayCassette();
      return serve(std::move(cassette));
    } catch (const ih::mock::ConfigError& e) {
      return usageError(e.what());
    } catch (const ih::mock::CassetteError& e) {
      return usageError(e.what());
    } catch (const Poco::Exception& e) {
      return usageError(e.displayText());
    } catch (const std::exception& e) {
      return usageError(e.what());
    }
  }

 private:
  static int usageError(const std::string& message) {
    std::cerr << "mock-jira: " << message << std::endl;
    return kExitUsage;
  }

  // A replay serves under the recorded context path and version unless told otherwise.
  ih::mock::Cassette loadReplayCassette() {
    auto cassette = ih::mock::loadCassette(config_.replayFile);
    if (!config_.contextPathGiven && config_.baseUrl.empty()) config_.contextPath = cassette.contextPath;
    if (!config_.versionGiven && !cassette.jiraVersion.empty()) config_.version = cassette.jiraVersion;
    return cassette;
  }

  int serve(std::optional<ih::mock::Cassette> cassette) {
    ih::mock::HttpListener listener, tlsListener;
    const int port = listener.bind(config_.bind, config_.port);
    const int tlsPort =
        config_.tls() ? tlsListener.bindTls(config_.bind, config_.tlsPort, config_.tlsCertFile, config_.tlsKeyFile) : 0;
    ih::mock::resolveBaseUrl(config_, port, tlsPort);
    ih::mock::MockRuntime runtime(config_, std::move(cassette));
    listener.start(runtime.dispatcher());
    if (config_.tls()) tlsListener.start(runtime.dispatcher());
    std::cout << "listening on http://" << config_.bind << ":" << port << std::endl;
    if (config_.tls()) std::cout << "listening on https://" << config_.bind << ":" << tlsPort << std::endl;
    waitForTerminationRequest();
    tlsListener.stop();
    listener.stop();
    return runtime.shutdown();
  }

  MockConfig config_;
  bool help_ = false;
};

// Signals are blocked before any thread exists so that every thread inherits the mask and
// only waitForTerminationRequest() (sigwait) receives SIGTERM/SIGINT.
void blockTerminationSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGQUIT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
}

}  // namespace

int main(int argc, char** argv) {
  blockTerminationSignals();
  MockJiraApp app;
  return app.launch(argc, argv);
}
