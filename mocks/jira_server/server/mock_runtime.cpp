#include "server/mock_runtime.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "common/wall_clock.h"
#include "net/http_client.h"
#include "state/seed_loader.h"

namespace ih::mock {
namespace {

std::string readFile(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + what + " " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

int sendDelivery(const Delivery& delivery) {
  OutboundRequest request;
  request.url = delivery.url;
  request.headers = delivery.headers;
  request.body = delivery.body;
  return sendHttp(request).status;
}

Cassette recordingHeader(const MockConfig& config, const std::string& version) {
  Cassette header;
  header.scenario = std::filesystem::path(config.recordFile).stem().string();
  header.recordedWith = "mock-jira " + version + (config.proxying() ? " (proxy)" : " (stateful)");
  header.recordedAt = jiraDate(nowMillis());
  header.jiraVersion = version;
  header.contextPath = config.contextPath;
  return header;
}

}  // namespace

struct MockRuntime::Parts {
  MockConfig config;
  JiraState state;
  TokenStore tokens;
  NonceRegistry nonces;
  OAuthValidator validator;
  Authenticator authenticator;
  OAuthServlet servlet;
  DeliveryQueue deliveries{sendDelivery};
  WebhookNotifier notifier{state, deliveries};
  IssueActions actions;
  RestServices restServices;
  RestRouter restRouter;
  Journal journal;
  FaultInjector faults;
  RateLimiter rateLimiter;
  std::unique_ptr<Recorder> recorder;
  std::unique_ptr<Replayer> replayer;
  std::unique_ptr<ProxyForwarder> proxy;
  ControlServices controlServices;
  ControlRouter controlRouter;
  std::unique_ptr<Dispatcher> dispatcher;

  explicit Parts(MockConfig resolved, std::optional<Cassette> cassette)
      : config(std::move(resolved)),
        validator(splitUrl(config.baseUrl), state, tokens, nonces),
        authenticator(config.baseUrl, validator, state, cassette.has_value()),
        servlet(config.baseUrl, validator, tokens, state),
        actions(state, notifier, config.baseUrl),
        restServices{state, actions, config.baseUrl},
        restRouter(restServices, authenticator, servlet),
        replayer(cassette ? std::make_unique<Replayer>(std::move(*cassette), config.baseUrl) : nullptr),
        controlServices{config, state, tokens, actions, deliveries, journal, faults, rateLimiter, replayer.get()},
        controlRouter(controlServices, restServices) {
    loadSeed();
    if (config.proxying()) startProxy();
    if (config.recording()) startRecorder();
    dispatcher = std::make_unique<Dispatcher>(DispatchTargets{config, controlRouter, restRouter, authenticator, faults, rateLimiter,
                                                              journal, recorder.get(), replayer.get(), proxy.get()});
  }

  void loadSeed() {
    state.write([&](JiraModel& model) {
      model.settings.version = config.version;
      if (!config.seedFile.empty()) applySeed(model, readFile(config.seedFile, "seed"), nowMillis());
      if (config.versionGiven) model.settings.version = config.version;
      return 0;
    });
  }

  void startProxy() {
    ProxySettings settings{config.upstreamUrl, config.upstreamConsumerKey, "", config.baseUrl, config.contextPath};
    if (!config.upstreamPrivateKeyFile.empty()) settings.privateKeyPem = readFile(config.upstreamPrivateKeyFile, "private key");
    proxy = std::make_unique<ProxyForwarder>(std::move(settings));
  }

  void startRecorder() {
    const auto version = state.read([](const JiraModel& m) { return m.settings.version; });
    std::vector<std::string> baseUrls{config.baseUrl};
    if (config.proxying()) baseUrls.push_back(config.upstreamUrl);
    recorder = std::make_unique<Recorder>(config.recordFile, recordingHeader(config, version), baseUrls);
    notifier.setObserver([this](const Delivery& delivery) {
      recorder->recordDelivery({delivery.event, delivery.webhookId, delivery.url, delivery.headers, delivery.body});
    });
  }
};

MockRuntime::MockRuntime(MockConfig config, std::optional<Cassette> replayCassette)
    : parts_(std::make_unique<Parts>(std::move(config), std::move(replayCassette))) {}

MockRuntime::~MockRuntime() = default;

Dispatcher& MockRuntime::dispatcher() { return *parts_->dispatcher; }

int MockRuntime::shutdown() {
  parts_->deliveries.stop();
  if (parts_->recorder) parts_->recorder->save();
  if (!parts_->replayer) return 0;
  std::cerr << parts_->replayer->summary() << std::flush;
  return parts_->replayer->complete() ? 0 : 3;
}

}  // namespace ih::mock
