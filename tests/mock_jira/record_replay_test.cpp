// Record a session against the stateful mock, then replay it strictly: secrets become
// placeholders, replay binds them again, mismatches get a near-miss report, unused
// interactions make the exit code 3, and recorded faults come back.
#include <gtest/gtest.h>

#include "fixtures/cassette.h"
#include "fixtures/fixture_lint.h"
#include "auth/oauth1_signer.h"
#include "mock_jira_fixture.h"
#include "support/eventually.h"
#include "support/test_paths.h"
#include "support/recording_http_server.h"

namespace ih::testing {
namespace {

constexpr const char* kJwt = "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6IjEyMzQ1Njc4OTAifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
constexpr const char* kSecret = "whk-topsecret-value-123";

// One session of the kind the host plays: server info, webhook registration with a JWT in
// the URL and a secret, an assignment (which delivers), an issue creation and the OAuth dance.
void playSession(MockJiraProcess& mock, const std::string& hookUrl, bool replaying) {
  const std::map<std::string, std::string> pat{{"Authorization", "Bearer alice-pat"}};
  EXPECT_EQ(mock.jira("GET", "/rest/api/2/serverInfo").status, 200);
  auto hook = mock.jira("POST", "/rest/webhooks/1.0/webhook",
                        R"({"name":"Host","url":")" + hookUrl + R"(","events":["jira:issue_updated"],"secret":")" + kSecret + "\"}", pat);
  EXPECT_EQ(hook.status, 201) << hook.body;
  EXPECT_EQ(mock.jira("PUT", "/rest/api/2/issue/OPS-1/assignee", R"({"name":"bob"})", pat).status, 204);
  auto created = mock.jira("POST", "/rest/api/2/issue",
                           R"({"fields":{"project":{"key":"OPS"},"issuetype":{"name":"Task"},"summary":"Recorded"}})", pat);
  EXPECT_EQ(created.status, 201) << created.body;

  const auto base = mock.rootUrl() + mock.contextPath() + "/plugins/servlet/oauth/";
  auto sign = [&](const std::string& url, const std::string& token, const std::string& verifier) {
    return host::auth::signOAuth1({"POST", url, kConsumerKey, consumerKeys().privatePkcs8Pem, token, verifier});
  };
  auto requestToken = httpRequest("POST", base + "request-token", "", {{"Authorization", sign(base + "request-token", "", "")}});
  ASSERT_EQ(requestToken.status, 200) << requestToken.body;
  auto token = parseForm(requestToken.body)["oauth_token"];
  EXPECT_EQ(token.find("<<"), std::string::npos) << "a placeholder leaked into a replayed answer";
  auto approved = mock.control("POST", "/_mock/oauth/approve", R"({"oauthToken":")" + token + R"(","user":"alice"})");
  ASSERT_EQ(approved.status, 200);
  auto verifier = replaying ? token : jsonString(parseJson(approved.body), "/oauth_verifier");
  auto access = httpRequest("POST", base + "access-token", "", {{"Authorization", sign(base + "access-token", token, verifier)}});
  EXPECT_EQ(access.status, 200) << access.body;
}

TEST(RecordReplay, RecordedSessionReplaysStrictlyWithSecretsAsPlaceholders) {
  TempDir dir;
  const auto cassettePath = dir.file("session.json");
  RecordingHttpServer receiver;
  {
    auto recorder = MockJiraProcess::start(standardSeed(consumerKeys().publicPem),
                                           {"--context-path", "/jira", "--record", cassettePath});
    playSession(*recorder, receiver.url("/extensions/jira-server/issue-updated/") + kJwt + "/", false);
    ASSERT_TRUE(receiver.waitForRequests(1));
    EXPECT_EQ(recorder->stop(), 0);
  }
  const auto text = readFile(cassettePath);
  for (const auto* secret : {kJwt, kSecret, "alice-pat", "Bearer "}) EXPECT_EQ(text.find(secret), std::string::npos) << secret;
  for (const auto* placeholder : {"<<JWT_1>>", "<<WEBHOOK_SECRET>>", "<<OAUTH_TOKEN_1>>", "<<OAUTH_TOKEN_SECRET_1>>",
                                  "<<OAUTH_SESSION_HANDLE_1>>", "<<BASE_URL>>"}) {
    EXPECT_NE(text.find(placeholder), std::string::npos) << placeholder;
  }
  for (const auto& finding : mock::lintFixtureText(text, cassettePath)) ADD_FAILURE() << mock::describe(finding);
  auto cassette = mock::loadCassette(cassettePath);
  EXPECT_EQ(cassette.interactions.size(), 6u);
  EXPECT_EQ(cassette.contextPath, "/jira");
  ASSERT_EQ(cassette.deliveries.size(), 1u);
  EXPECT_EQ(cassette.deliveries[0].event, "jira:issue_updated");
  EXPECT_NE(cassette.deliveries[0].url.find("<<JWT_1>>"), std::string::npos);

  const std::string otherJwt = "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6Ijk4NzY1NDMyMTAifQ.dGhpcy1pcy1hLWRpZmZlcmVudC1zaWduYXR1cmU";
  auto replayer = MockJiraProcess::start(standardSeed(consumerKeys().publicPem), {"--replay", cassettePath});
  EXPECT_EQ(replayer->contextPath(), "/jira");
  playSession(*replayer, receiver.url("/extensions/jira-server/issue-updated/") + otherJwt + "/", true);
  auto status = parseJson(replayer->control("GET", "/_mock/replay").body);
  EXPECT_TRUE(jsonBool(status, "/complete")) << toJson(status);
  EXPECT_EQ(jsonAt(status, "/used").Size(), 6u);
  auto webhooks = parseJson(replayer->control("GET", "/_mock/webhooks").body);
  EXPECT_NE(jsonString(webhooks, "/0/url").find(otherJwt), std::string::npos);

  // The recorded delivery goes to the URL this client registered, signed with its secret.
  ASSERT_EQ(replayer->control("POST", "/_mock/replay/deliveries/0").status, 202);
  ASSERT_TRUE(receiver.waitForRequests(2));
  auto redelivered = receiver.requests()[1];
  EXPECT_NE(redelivered.uri.find(otherJwt), std::string::npos);
  EXPECT_EQ(redelivered.header("x-hub-signature").rfind("sha256=", 0), 0u);
  EXPECT_EQ(replayer->stop(), 0) << replayer->process().stderrText();
}

// A hand-written cassette, as the replay suite will write them.
const char* kHandWritten = R"({
  "format_version": 1, "scenario": "hand", "recorded_with": "hand", "recorded_at": "2024-01-01T00:00:00.000+0000",
  "jira": {"version": "9.12.0", "contextPath": ""},
  "steps": [{"do": "something"}],
  "interactions": [
    {"id": 1, "request": {"method": "GET", "path": "/rest/api/2/user/assignable/search", "query": [["project","OPS"],["username","a"]]},
     "response": {"status": 200, "headers": [["content-type","application/json;charset=UTF-8"]], "body": {"encoding": "json", "json": []}}},
    {"id": 2, "request": {"method": "POST", "path": "/rest/api/2/issue", "headers": [["content-type","application/json"]],
       "body": {"encoding": "utf8", "text": "{\"fields\":{\"summary\":\"A\",\"project\":{\"key\":\"OPS\"}}}"}},
     "response": {"status": 201, "body": {"encoding": "json", "json": {"id": "10100", "key": "OPS-9", "self": "<<BASE_URL>>/rest/api/2/issue/10100"}}},
     "match": {"body": "json"}},
    {"id": 3, "request": {"method": "GET", "path": "/rest/api/2/issue/OPS-9"},
     "response": {"status": 200, "body": {"encoding": "utf8", "text": "{}"}, "delay_ms": 300}},
    {"id": 4, "request": {"method": "GET", "path": "/rest/api/2/serverInfo"},
     "response": {"status": 0, "fault": "connection_reset"}},
    {"id": 5, "request": {"method": "GET", "path": "/rest/api/2/myself"},
     "response": {"status": 200, "body": {"encoding": "utf8", "text": "{}"}}, "optional": true}
  ]
})";

class HandWrittenReplay : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto path = dir_.write("hand.json", kHandWritten);
    mock_ = MockJiraProcess::start(standardSeed(consumerKeys().publicPem), {"--replay", path});
  }

  TempDir dir_;
  std::unique_ptr<MockJiraProcess> mock_;
};

TEST_F(HandWrittenReplay, NearMissReportNamesTheClosestInteractionAndTheDifference) {
  auto response = mock_->jira("POST", "/rest/api/2/issue", R"({"fields":{"project":{"key":"OPS"},"summary":"B"}})");
  EXPECT_EQ(response.status, 418);
  auto report = parseJson(response.body);
  EXPECT_EQ(jsonInt(report, "/candidates/0/id"), 2);
  EXPECT_EQ(toJson(jsonAt(report, "/candidates/0/failed")), R"(["body"])");
  EXPECT_EQ(jsonString(report, "/candidates/0/diff/0"), R"(body $.fields.summary: expected "A" got "B")");

  auto query = mock_->jira("GET", "/rest/api/2/user/assignable/search?username=a&project=ENG");
  EXPECT_EQ(query.status, 418);
  auto queryReport = parseJson(query.body);
  EXPECT_EQ(jsonInt(queryReport, "/candidates/0/id"), 1);
  EXPECT_NE(query.body.find("query: missing project=OPS"), std::string::npos) << query.body;

  EXPECT_EQ(jsonAt(parseJson(mock_->control("GET", "/_mock/replay").body), "/unmatched").Size(), 2u);
  EXPECT_EQ(mock_->stop(), 3);
  EXPECT_NE(mock_->process().stderrText().find("2 unmatched"), std::string::npos);
}

TEST_F(HandWrittenReplay, EachInteractionServesOnceAndFaultsComeBack) {
  EXPECT_EQ(mock_->jira("GET", "/rest/api/2/user/assignable/search?username=a&project=OPS").status, 200);
  EXPECT_EQ(mock_->jira("GET", "/rest/api/2/user/assignable/search?project=OPS&username=a").status, 418);
  auto created = mock_->jira("POST", "/rest/api/2/issue", R"({"fields":{"project":{"key":"OPS"},"summary":"A"}})");
  ASSERT_EQ(created.status, 201);
  EXPECT_EQ(jsonString(parseJson(created.body), "/self"), mock_->baseUrl() + "/rest/api/2/issue/10100");
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(mock_->jira("GET", "/rest/api/2/issue/OPS-9").status, 200);
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(290));
  EXPECT_THROW(mock_->jira("GET", "/rest/api/2/serverInfo"), std::runtime_error);
  auto status = parseJson(mock_->control("GET", "/_mock/replay").body);
  EXPECT_EQ(toJson(jsonAt(status, "/unused")), "[]");  // #5 is optional
  EXPECT_FALSE(jsonBool(status, "/complete"));          // one unmatched request
}

TEST_F(HandWrittenReplay, UnusedInteractionsMakeExitCodeThree) {
  EXPECT_EQ(mock_->stop(), 3);
  EXPECT_NE(mock_->process().stderrText().find("unused interaction 1"), std::string::npos);
}

TEST_F(HandWrittenReplay, InvalidOAuthSignatureIsRefusedAndCounted) {
  auto other = generateRsaKeyPair();
  const auto url = mock_->rootUrl() + "/rest/api/2/issue/OPS-9";
  auto header = host::auth::signOAuth1({"GET", url, kConsumerKey, other.privatePkcs8Pem, "any-token", ""});
  auto response = httpRequest("GET", url, "", {{"Authorization", header}});
  EXPECT_EQ(response.status, 401);
  EXPECT_NE(response.body.find("signature_invalid"), std::string::npos);
  auto valid = host::auth::signOAuth1({"GET", url, kConsumerKey, consumerKeys().privatePkcs8Pem, "any-token", ""});
  EXPECT_EQ(httpRequest("GET", url, "", {{"Authorization", valid}}).status, 200);
  EXPECT_EQ(jsonAt(parseJson(mock_->control("GET", "/_mock/replay").body), "/unmatched").Size(), 1u);
}

TEST(ReplayFormat, UnknownFormatVersionIsAHardError) {
  TempDir dir;
  auto path = dir.write("v2.json", R"({"format_version": 2, "interactions": []})");
  auto process = ChildProcess::start(binaryDir() + "/mock-jira", {"--replay", path});
  EXPECT_EQ(process->wait(std::chrono::seconds(10)), 2);
  EXPECT_NE(process->stderrText().find("unsupported format_version 2"), std::string::npos) << process->stderrText();
}

TEST(ProxyRecording, ForwardsToUpstreamResignsOAuthAndRecords) {
  auto upstream = MockJiraProcess::start(standardSeed(consumerKeys().publicPem), {"--context-path", "/jira"});
  TempDir dir;
  const auto keyFile = dir.write("key.pem", consumerKeys().privatePkcs1Pem);
  const auto cassettePath = dir.file("proxied.json");
  auto proxy = MockJiraProcess::start("", {"--upstream", upstream->baseUrl(), "--upstream-consumer-key", kConsumerKey,
                                           "--upstream-private-key", keyFile, "--record", cassettePath});
  auto issue = proxy->jira("GET", "/rest/api/2/issue/OPS-1", "", {{"Authorization", "Bearer alice-pat"}});
  ASSERT_EQ(issue.status, 200) << issue.body;
  EXPECT_EQ(jsonString(parseJson(issue.body), "/self"), proxy->baseUrl() + "/rest/api/2/issue/10000");

  const auto url = proxy->rootUrl() + "/plugins/servlet/oauth/request-token";
  auto header = host::auth::signOAuth1({"POST", url, kConsumerKey, consumerKeys().privatePkcs8Pem, "", ""});
  auto token = httpRequest("POST", url, "", {{"Authorization", header}});
  EXPECT_EQ(token.status, 200) << token.body;
  EXPECT_EQ(proxy->stop(), 0);

  auto cassette = mock::loadCassette(cassettePath);
  ASSERT_EQ(cassette.interactions.size(), 2u);
  EXPECT_NE(cassette.recordedWith.find("(proxy)"), std::string::npos);
  EXPECT_NE(cassette.interactions[0].response.body.find("<<BASE_URL>>/rest/api/2/issue/10000"), std::string::npos);
  EXPECT_EQ(cassette.interactions[1].response.body,
            "oauth_token=<<OAUTH_TOKEN_1>>&oauth_token_secret=<<OAUTH_TOKEN_SECRET_1>>");
}

}  // namespace
}  // namespace ih::testing
