// tests/unit/api/api_test_host.h - the REST API served for real over
// loopback (port 0) on top of ih_host_fixture's wired host core, with the
// api_test plugin loaded, plus small helpers to call it and seed data
// through the API itself.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "auth/session_service.h"
#include "auth/sign_in_throttle.h"
#include "host_fixture.h"
#include "inbox/inbox_applier.h"
#include "ihp/sdk/json.hpp"

namespace ih::test {

struct ApiReply {
  int status = 0;
  std::string body;
  std::string contentType;
  std::map<std::string, std::string> headers;  // lowercase names
  ihp::sdk::json::Document json;               // parsed body (null when not JSON)

  std::string str(const char* key) const { return ihp::sdk::json::stringOr(json, key); }
  // The body and status, for assertion messages.
  std::string describe() const { return std::to_string(status) + " " + body; }
};

struct ApiTestHostOptions {
  std::string publicUrl = "http://host.test";
  bool manualClock = false;  // true: move time with core().manualClock()
  host::auth::SessionSettings sessions{};
  host::auth::ThrottleLimit perAccount{5, 15 * 60 * 1000};
  host::auth::ThrottleLimit perAddress{30, 15 * 60 * 1000};
  std::string webDir = {};  // non-empty: serve the web app from there (and land callbacks in it)
  // Public plugin routes called in the ACCEPT phase, deferred requests kept
  // in the webhook inbox; inbox() applies them.
  bool webhookInbox = false;
  host::inbox::InboxOptions inbox{};
};

class ApiTestHost {
 public:
  static constexpr const char* kAdminToken = "admin-secret-token";
  static constexpr const char* kPublicUrl = "http://host.test";

  explicit ApiTestHost(ApiTestHostOptions options = {});
  ~ApiTestHost();

  HostFixture& core() { return *core_; }
  uint16_t port() const;
  host::inbox::InboxApplier& inbox();  // with ApiTestHostOptions::webhookInbox

  // token: nullptr = no Authorization header.
  ApiReply call(const std::string& method, const std::string& path, const char* token = kAdminToken,
                const std::string& body = "", const std::map<std::string, std::string>& headers = {});
  ApiReply get(const std::string& path, const std::string& token = kAdminToken) { return call("GET", path, token.c_str()); }
  ApiReply post(const std::string& path, const std::string& body, const std::string& token = kAdminToken) {
    return call("POST", path, token.c_str(), body);
  }
  ApiReply put(const std::string& path, const std::string& body, const std::string& token = kAdminToken) {
    return call("PUT", path, token.c_str(), body);
  }

  // --- seeding through the API (asserting success) --------------------------
  std::string createOrganization(const std::string& slug);  // returns the id
  std::string createUser(const std::string& email, const std::string& extraEmailsJson = "[]");
  std::string tokenFor(const std::string& userId);
  void addMember(const std::string& org, const std::string& userId, const std::string& role);
  std::string createIssue(const std::string& org, const std::string& project, const std::string& title);
  void enablePlugin(const std::string& org, const std::string& key, bool enabled = true);

  // An org "acme" with an owner and a member (tokens ready), team "core",
  // project "web" and one issue.
  struct Acme {
    std::string orgId, ownerId, ownerToken, memberId, memberToken, issueId;
  };
  Acme seedAcme();

 private:
  struct Parts;
  std::unique_ptr<HostFixture> core_;
  std::unique_ptr<Parts> parts_;
};

}  // namespace ih::test
