#include "api_test_host.h"

#include <gtest/gtest.h>

#include "api/api_services.h"
#include "api/routes.h"
#include "auth/bearer_authenticator.h"
#include "auth/password_service.h"
#include "auth/session_service.h"
#include "auth/sign_in_throttle.h"
#include "http/dispatcher.h"
#include "http/router.h"
#include "http/server.h"
#include "inbox/webhook_inbox.h"
#include "ops/health.h"
#include "plugins/plugin_registry.h"
#include "support/http_client.h"
#include "web/static_site.h"

namespace ih::test {

namespace {

HostFixtureOptions fixtureOptions(const ApiTestHostOptions& hostOptions) {
  HostFixtureOptions options;
  options.manualClock = hostOptions.manualClock;
  options.publicUrl = hostOptions.publicUrl;
  return options;
}

}  // namespace

struct ApiTestHost::Parts {
  host::plugins::PluginRegistry registry;
  host::auth::BearerAuthenticator authenticator{kAdminToken};
  // Cheap scrypt parameters: the tests check the rules, not the cost.
  host::auth::PasswordService passwords{host::auth::ScryptParams{10, 8, 1}};
  host::auth::SessionService sessions;
  host::auth::SignInThrottle throttle;
  host::ops::HealthCheck health;
  host::web::StaticSite site;
  // Never started: tests apply the inbox with drain(), when they choose.
  std::unique_ptr<host::inbox::WebhookInbox> inbox;
  host::api::ApiServices services;
  host::http::Router router;
  host::http::Dispatcher dispatcher;
  host::http::HttpServer server;

  explicit Parts(HostFixture& core, const ApiTestHostOptions& options)
      : registry(core.services()),
        sessions(core.clock(), options.sessions),
        throttle(core.clock(), options.perAccount, options.perAddress),
        site(options.webDir),
        inbox(options.webhookInbox ? std::make_unique<host::inbox::WebhookInbox>(core.database(), registry, core.clock(),
                                                                                 core.metrics(), options.inbox)
                                   : nullptr),
        services{core.database(), core.directory(), core.issues(),  core.integrations(), core.pipelines(),
                 registry,        core.jobs(),      core.metrics(), health,              authenticator,
                 options.publicUrl, passwords,      sessions,       throttle,            site.available(),
                 inbox.get()},
        dispatcher(router, core.metrics(), 64 * 1024),
        server(serverOptions(), dispatcher) {
    registry.loadDirectory(IH_API_TEST_PLUGIN_DIR);
    host::api::registerRoutes(router, dispatcher, services, &site);
    server.start();
  }

  static host::http::ServerOptions serverOptions() {
    host::http::ServerOptions o;
    o.port = 0;
    return o;
  }
};

ApiTestHost::ApiTestHost(ApiTestHostOptions options)
    : core_(std::make_unique<HostFixture>(fixtureOptions(options))) {
  parts_ = std::make_unique<Parts>(*core_, options);
}

ApiTestHost::~ApiTestHost() {
  parts_->server.stop(std::chrono::milliseconds(1000));
  parts_.reset();
}

uint16_t ApiTestHost::port() const { return parts_->server.port(); }

host::inbox::InboxApplier& ApiTestHost::inbox() {
  if (!parts_->inbox) throw std::logic_error("ApiTestHostOptions::webhookInbox is off");
  return parts_->inbox->applier();
}

ApiReply ApiTestHost::call(const std::string& method, const std::string& path, const char* token,
                           const std::string& body, const std::map<std::string, std::string>& headers) {
  std::map<std::string, std::string> sent = headers;
  if (token != nullptr) sent["Authorization"] = std::string("Bearer ") + token;
  ih::testing::HttpResponse response =
      ih::testing::httpRequest(method, "http://127.0.0.1:" + std::to_string(port()) + path, body, sent);
  ApiReply reply;
  reply.status = response.status;
  reply.body = std::move(response.body);
  reply.headers = std::move(response.headers);
  reply.contentType = reply.headers["content-type"];
  if (!ihp::sdk::json::parse(reply.body, reply.json)) reply.json.SetNull();
  return reply;
}

std::string ApiTestHost::createOrganization(const std::string& slug) {
  ApiReply r = post("/api/0/organizations/", R"({"slug":")" + slug + R"(","name":")" + slug + R"( Inc"})");
  EXPECT_EQ(r.status, 201) << r.describe();
  return r.str("id");
}

std::string ApiTestHost::createUser(const std::string& email, const std::string& extraEmailsJson) {
  ApiReply r = post("/api/0/users/",
                    R"({"email":")" + email + R"(","name":"User )" + email + R"(","emails":)" + extraEmailsJson + "}");
  EXPECT_EQ(r.status, 201) << r.describe();
  return r.str("id");
}

std::string ApiTestHost::tokenFor(const std::string& userId) {
  ApiReply r = post("/api/0/users/" + userId + "/tokens/", "");
  EXPECT_EQ(r.status, 201) << r.describe();
  return r.str("token");
}

void ApiTestHost::addMember(const std::string& org, const std::string& userId, const std::string& role) {
  ApiReply r = post("/api/0/organizations/" + org + "/members/", R"({"userId":")" + userId + R"(","role":")" + role + R"("})");
  EXPECT_EQ(r.status, 201) << r.describe();
}

std::string ApiTestHost::createIssue(const std::string& org, const std::string& project, const std::string& title) {
  ApiReply r = post("/api/0/projects/" + org + "/" + project + "/issues/", R"({"title":")" + title + R"("})");
  EXPECT_EQ(r.status, 201) << r.describe();
  return r.str("id");
}

void ApiTestHost::enablePlugin(const std::string& org, const std::string& key, bool enabled) {
  ApiReply r = put("/api/0/organizations/" + org + "/plugins/" + key + "/",
                   std::string(R"({"enabled":)") + (enabled ? "true" : "false") + "}");
  EXPECT_EQ(r.status, 200) << r.describe();
}

ApiTestHost::Acme ApiTestHost::seedAcme() {
  Acme acme;
  acme.orgId = createOrganization("acme");
  acme.ownerId = createUser("owner@acme.test");
  acme.memberId = createUser("member@acme.test");
  acme.ownerToken = tokenFor(acme.ownerId);
  acme.memberToken = tokenFor(acme.memberId);
  addMember("acme", acme.ownerId, "owner");
  addMember("acme", acme.memberId, "member");
  EXPECT_EQ(post("/api/0/organizations/acme/teams/", R"({"slug":"core"})").status, 201);
  EXPECT_EQ(post("/api/0/organizations/acme/projects/", R"({"slug":"web","teams":["core"]})").status, 201);
  acme.issueId = createIssue("acme", "web", "Disk full");
  return acme;
}

}  // namespace ih::test
