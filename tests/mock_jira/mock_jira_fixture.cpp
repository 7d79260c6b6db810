#include "mock_jira_fixture.h"

#include "auth/oauth1_signer.h"

namespace ih::testing {
namespace {

std::string jsonEscaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string standardSeed(const std::string& consumerPublicKey, bool emailVisible) {
  std::string consumers = consumerPublicKey.empty()
                              ? "[]"
                              : R"([{"consumerKey":"host-consumer","name":"Integration Host","publicKey":")" +
                                    jsonEscaped(consumerPublicKey) + "\"}]";
  return R"({
  "users": [
    {"name": "alice", "key": "JIRAUSER10100", "displayName": "Alice Admin", "emailAddress": "alice@example.test", "active": true, "admin": true},
    {"name": "bob", "key": "JIRAUSER10200", "displayName": "Bob Builder", "emailAddress": "bob@example.test", "active": true, "admin": false, "timeZone": "Europe/Berlin"},
    {"name": "carol", "key": "JIRAUSER10300", "displayName": "Carol Gone", "emailAddress": "carol@example.test", "active": false},
    {"name": "dave", "key": "JIRAUSER10400", "displayName": "Dave Viewer", "emailAddress": "dave@example.test", "assignable": false}
  ],
  "consumers": )" + consumers + R"(,
  "pats": [{"token": "alice-pat", "user": "alice"}, {"token": "bob-pat", "user": "bob"}],
  "projects": [
    {"id": "10000", "key": "OPS", "name": "Operations", "components": [{"id": "10100", "name": "Backend"}, {"id": "10101", "name": "Frontend"}],
     "versions": [{"id": "10200", "name": "1.0", "released": true}, {"id": "10201", "name": "2.0"}]},
    {"id": "10001", "key": "ENG", "name": "Engineering"}
  ],
  "statuses": [
    {"id": "1", "name": "Open", "category": "new"},
    {"id": "3", "name": "In Progress", "category": "indeterminate"},
    {"id": "10001", "name": "Done", "category": "done"}
  ],
  "transitions": [
    {"id": "11", "name": "Start", "to": "3", "from": ["1"]},
    {"id": "31", "name": "Finish", "to": "10001"},
    {"id": "41", "name": "Reopen", "to": "1", "from": ["10001"]}
  ],
  "issues": [
    {"key": "OPS-1", "project": "OPS", "summary": "Disk full", "status": "1", "assignee": null, "issuetype": "Bug"},
    {"key": "OPS-2", "project": "OPS", "summary": "Login page broken", "description": "The \"Login\" button does nothing", "status": "1", "assignee": "alice", "reporter": "bob"}
  ],
  "emailVisibility": )" + std::string(emailVisible ? "true" : "false") + "\n}";
}

const RsaKeyPair& consumerKeys() {
  static const RsaKeyPair kKeys = generateRsaKeyPair();
  return kKeys;
}

void MockJiraTest::startMock(const std::vector<std::string>& args, bool emailVisible) {
  mock_ = MockJiraProcess::start(standardSeed(withConsumer_ ? consumerKeys().publicPem : "", emailVisible), args);
}

HttpResponse MockJiraTest::asUser(const std::string& method, const std::string& path, const std::string& body,
                                  const std::string& pat) const {
  return mock_->jira(method, path, body, {{"Authorization", "Bearer " + pat}});
}

std::string MockJiraTest::jiraUrl(const std::string& path) const { return mock_->rootUrl() + mock_->contextPath() + path; }

std::string MockJiraTest::oauthHeader(const std::string& method, const std::string& absoluteUrl, const std::string& token,
                                      const std::string& verifier) const {
  return host::auth::signOAuth1({method, absoluteUrl, kConsumerKey, consumerKeys().privatePkcs8Pem, token, verifier});
}

std::map<std::string, std::string> parseForm(const std::string& body) {
  std::map<std::string, std::string> out;
  std::size_t start = 0;
  while (start < body.size()) {
    auto end = body.find('&', start);
    if (end == std::string::npos) end = body.size();
    auto pair = body.substr(start, end - start);
    auto eq = pair.find('=');
    out[pair.substr(0, eq)] = eq == std::string::npos ? "" : pair.substr(eq + 1);
    start = end + 1;
  }
  return out;
}

}  // namespace ih::testing
