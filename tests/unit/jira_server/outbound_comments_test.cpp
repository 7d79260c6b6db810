// Outbound comments (handle_event COMMENT_CREATED / COMMENT_UPDATED) and the
// link form's "post_comment" job.
#include "support/outbound_fixtures.h"
#include "tickets/link_comment_job.h"

namespace ih::jira::testing {
namespace {

using ::testing::_;
using ::testing::Return;

const std::string kCommentsUrl = api("/issue/OPS-1/comment");
const std::string kCommentsConfig = R"({"sync_comments":true})";
const std::string kQuotedText = R"("Bob Builder wrote:\n\n{quote}It broke again{quote}")";
// The marker property of host comment 77 synced by integration 7.
const std::string kMarkerProperty =
    R"([{"key":"integration-host.origin","value":{"ref":"integration/7/comment/77"}}])";
const std::string kQuoted = R"({"body":)" + kQuotedText + R"(})";
const std::string kQuotedAndMarked = R"({"body":)" + kQuotedText + R"(,"properties":)" + kMarkerProperty + "}";
// The first page of OPS-1's comments with their properties (the marker lookup).
const std::string kMarkerSearchUrl = kCommentsUrl + "?startAt=0&maxResults=100&expand=properties";

// A comment page of `total` comments holding these (id, marker ref) pairs.
std::string commentPage(const std::vector<std::pair<std::string, std::string>>& idAndRef, int total = -1) {
  std::string comments;
  for (const auto& [id, ref] : idAndRef) {
    if (!comments.empty()) comments += ",";
    comments += R"({"id":")" + id + R"(","body":"x","properties":[{"key":"integration-host.origin","value":{"ref":")" +
                ref + R"("}}]})";
  }
  const int count = total < 0 ? static_cast<int>(idAndRef.size()) : total;
  return R"({"startAt":0,"maxResults":100,"total":)" + std::to_string(count) + R"(,"comments":[)" + comments + "]}";
}

class OutboundCommentsTest : public OutboundTest {
 protected:
  // Jira takes a new comment (id 10082).
  void acceptNewComment() { host.http.on("POST", kCommentsUrl, respond(201, R"({"id":"10082","body":"..."})")); }
  // Jira takes an edit of comment 10050.
  void acceptCommentEdit() { host.http.on("PUT", kCommentsUrl + "/10050", respond(200, R"({"id":"10050"})")); }
};

TEST_F(OutboundCommentsTest, CreatedCommentIsQuotedAndItsJiraIdLinked) {
  acceptNewComment();
  EXPECT_CALL(host, commentLinkExternal(1, kCommentId, kExternalIssueId, "10082")).WillOnce(Return(IHP_OK));
  auto outcome = hooks.event(IHP_EVENT_COMMENT_CREATED, EventJson().config(kCommentsConfig).json());
  EXPECT_EQ(outcome.status, IHP_OK) << outcome.reply.error;
  ASSERT_EQ(host.http.count("POST", kCommentsUrl), 1u);
  EXPECT_EQ(host.http.requestsTo("POST", kCommentsUrl)[0].body, kQuotedAndMarked);
}

TEST_F(OutboundCommentsTest, UpdateWithAKnownIdPutsTheSameFormat) {
  acceptCommentEdit();
  EXPECT_CALL(host, commentLinkExternal(_, _, _, _)).Times(0);
  auto outcome =
      hooks.event(IHP_EVENT_COMMENT_UPDATED, EventJson().config(kCommentsConfig).comment("It broke again", "10050").json());
  EXPECT_EQ(outcome.status, IHP_OK);
  EXPECT_EQ(host.http.requestsTo("PUT", kCommentsUrl + "/10050").at(0).body, kQuoted);
  EXPECT_TRUE(never("POST", kCommentsUrl));
}

TEST_F(OutboundCommentsTest, UpdateWithoutAKnownIdPostsANewCommentAndLinksIt) {
  host.http.on("GET", kMarkerSearchUrl, respond(200, commentPage({{"10001", "integration/7/comment/76"}})));
  acceptNewComment();
  EXPECT_CALL(host, commentLinkExternal(1, kCommentId, kExternalIssueId, "10082")).WillOnce(Return(IHP_OK));
  EXPECT_EQ(hooks.event(IHP_EVENT_COMMENT_UPDATED, EventJson().config(kCommentsConfig).json()).status, IHP_OK);
  EXPECT_EQ(host.http.count("POST", kCommentsUrl), 1u);
}

TEST_F(OutboundCommentsTest, UpdateOfACommentDeletedInJiraPostsItAgain) {
  acceptNewComment();
  host.http.on("PUT", kCommentsUrl + "/10099", respond(404, "{}"));
  EXPECT_CALL(host, externalIssueMarkGone(_, _, _)).Times(0);
  EXPECT_CALL(host, commentLinkExternal(1, kCommentId, kExternalIssueId, "10082")).WillOnce(Return(IHP_OK));
  auto outcome =
      hooks.event(IHP_EVENT_COMMENT_UPDATED, EventJson().config(kCommentsConfig).comment("It broke again", "10099").json());
  EXPECT_EQ(outcome.status, IHP_OK);
}

TEST_F(OutboundCommentsTest, AFailedLinkAfterPostingIsNotRetried) {
  acceptNewComment();
  ON_CALL(host, commentLinkExternal(_, _, _, _)).WillByDefault(Return(IHP_E_RETRY));
  EXPECT_EQ(hooks.event(IHP_EVENT_COMMENT_CREATED, EventJson().config(kCommentsConfig).json()).status, IHP_OK);
  EXPECT_TRUE(host.anyLogContains("comment-link-failed"));
}

TEST_F(OutboundCommentsTest, FailuresFollowTheOutboxPolicy) {
  host.http.on("POST", kCommentsUrl, respond(503, "down"));
  host.http.on("POST", kCommentsUrl, respond(401, "no"));
  host.http.on("POST", kCommentsUrl, respond(404, "{}"));
  EXPECT_EQ(hooks.event(IHP_EVENT_COMMENT_CREATED, EventJson().config(kCommentsConfig).json()).status, IHP_E_RETRY);
  auto unauthorized = hooks.event(IHP_EVENT_COMMENT_CREATED, EventJson().config(kCommentsConfig).json());
  EXPECT_EQ(unauthorized.status, IHP_E_PERMANENT);
  EXPECT_EQ(unauthorized.reply.error, "Insufficient permissions to comment on Jira Server issue");
  EXPECT_CALL(host, externalIssueMarkGone(1, kExternalIssueId, _)).WillOnce(Return(IHP_OK));
  EXPECT_EQ(hooks.event(IHP_EVENT_COMMENT_CREATED, EventJson().config(kCommentsConfig).json()).status, IHP_OK);
}

// Effectively-once: a retried post (its first answer may have been lost after
// Jira applied it) looks for its marker first and adopts the comment it finds.
TEST_F(OutboundCommentsTest, ARetriedPostAdoptsTheMarkedCommentInsteadOfPostingAgain) {
  host.http.on("GET", kMarkerSearchUrl,
               respond(200, commentPage({{"10001", "integration/7/comment/76"}, {"10082", "integration/7/comment/77"}})));
  EXPECT_CALL(host, commentLinkExternal(1, kCommentId, kExternalIssueId, "10082")).WillOnce(Return(IHP_OK));
  auto outcome = hooks.event(IHP_EVENT_COMMENT_CREATED, EventJson().config(kCommentsConfig).json(), 2);
  EXPECT_EQ(outcome.status, IHP_OK) << outcome.reply.error;
  EXPECT_TRUE(never("POST", kCommentsUrl));
}

TEST_F(OutboundCommentsTest, ARetriedPostWithoutAMarkedCommentPostsOnce) {
  host.http.on("GET", kMarkerSearchUrl, respond(200, commentPage({{"10001", "integration/8/comment/77"}})));
  acceptNewComment();
  EXPECT_CALL(host, commentLinkExternal(1, kCommentId, kExternalIssueId, "10082")).WillOnce(Return(IHP_OK));
  EXPECT_EQ(hooks.event(IHP_EVENT_COMMENT_CREATED, EventJson().config(kCommentsConfig).json(), 2).status, IHP_OK);
  EXPECT_EQ(host.http.requestsTo("POST", kCommentsUrl).at(0).body, kQuotedAndMarked);
}

// The marker search pages through every comment of the ticket.
TEST_F(OutboundCommentsTest, TheMarkerSearchReadsEveryPage) {
  std::vector<std::pair<std::string, std::string>> firstPage;
  for (int i = 0; i < 100; ++i) firstPage.emplace_back(std::to_string(20000 + i), "someone-else");
  host.http.on("GET", kMarkerSearchUrl, respond(200, commentPage(firstPage, 101)));
  host.http.on("GET", kCommentsUrl + "?startAt=100&maxResults=100&expand=properties",
               respond(200, commentPage({{"10082", "integration/7/comment/77"}}, 101)));
  EXPECT_CALL(host, commentLinkExternal(1, kCommentId, kExternalIssueId, "10082")).WillOnce(Return(IHP_OK));
  EXPECT_EQ(hooks.event(IHP_EVENT_COMMENT_CREATED, EventJson().config(kCommentsConfig).json(), 3).status, IHP_OK);
  EXPECT_TRUE(never("POST", kCommentsUrl));
}

// An edit whose comment's Jira id the host never learned (the post's answer
// was lost, or its link failed) edits the marked comment: never a second one.
TEST_F(OutboundCommentsTest, AnEditWithoutAKnownIdEditsTheMarkedComment) {
  host.http.on("GET", kMarkerSearchUrl, respond(200, commentPage({{"10050", "integration/7/comment/77"}})));
  acceptCommentEdit();
  EXPECT_CALL(host, commentLinkExternal(1, kCommentId, kExternalIssueId, "10050")).WillOnce(Return(IHP_OK));
  EXPECT_EQ(hooks.event(IHP_EVENT_COMMENT_UPDATED, EventJson().config(kCommentsConfig).json()).status, IHP_OK);
  EXPECT_EQ(host.http.requestsTo("PUT", kCommentsUrl + "/10050").at(0).body, kQuoted);
  EXPECT_TRUE(never("POST", kCommentsUrl));
}

TEST_F(OutboundCommentsTest, AFailedMarkerSearchIsRetriedWithoutPosting) {
  host.http.on("GET", kMarkerSearchUrl, respond(503, "down"));
  EXPECT_EQ(hooks.event(IHP_EVENT_COMMENT_CREATED, EventJson().config(kCommentsConfig).json(), 2).status,
            IHP_E_RETRY);
  EXPECT_TRUE(never("POST", kCommentsUrl));
}

TEST_F(OutboundCommentsTest, ToggleOffDoesNothing) {
  EXPECT_EQ(hooks.event(IHP_EVENT_COMMENT_CREATED, EventJson().config(R"({"sync_comments":false})").json()).status,
            IHP_OK);
  EXPECT_EQ(hooks.event(IHP_EVENT_COMMENT_UPDATED, EventJson().json()).status, IHP_OK);
  EXPECT_TRUE(host.http.requests().empty());
}

// --- the link form's comment job ------------------------------------------------

std::string linkCommentPayload(int64_t org = 1) {
  return LinkCommentJob{kIntegrationId, org, "OPS-1", "Linked Sentry Issue: [SHORT-1|https://x]"}.toJson();
}

TEST_F(OutboundCommentsTest, LinkCommentJobPostsTheCommentVerbatim) {
  acceptNewComment();
  auto outcome = plugin.runJob("post_comment", linkCommentPayload());
  EXPECT_EQ(outcome.status, IHP_OK) << outcome.reply.error;
  const std::string body = host.http.requestsTo("POST", kCommentsUrl).at(0).body;
  EXPECT_EQ(body.rfind(R"({"body":"Linked Sentry Issue: [SHORT-1|https://x]","properties":[)", 0), 0u) << body;
}

TEST_F(OutboundCommentsTest, LinkCommentJobRetriesAndGivesUpLikeTheOthers) {
  host.http.on("POST", kCommentsUrl, respond(429, "", {{"Retry-After", "1"}}));
  host.http.on("POST", kCommentsUrl, respond(404, "{}"));
  auto limited = plugin.runJob("post_comment", linkCommentPayload());
  EXPECT_EQ(limited.status, IHP_E_RETRY);
  EXPECT_EQ(limited.reply.retryAfterMs, std::optional<int64_t>(1000));
  EXPECT_CALL(host, externalIssueMarkGone(_, _, _)).Times(0);  // no external issue id in this job
  EXPECT_EQ(plugin.runJob("post_comment", linkCommentPayload()).status, IHP_OK);
}

// The link comment job is effectively-once too: a retry that finds the comment
// its earlier attempt posted (job 99 of integration 7) posts nothing.
TEST_F(OutboundCommentsTest, ARetriedLinkCommentJobFindsItsCommentFirst) {
  host.http.on("GET", kMarkerSearchUrl, respond(200, commentPage({{"10090", "integration/7/link-job/99"}})));
  EXPECT_EQ(plugin.runJob("post_comment", linkCommentPayload(), 2).status, IHP_OK);
  EXPECT_TRUE(never("POST", kCommentsUrl));
}

TEST_F(OutboundCommentsTest, LinkCommentJobWithABadPayloadIsPermanent) {
  EXPECT_EQ(plugin.runJob("post_comment", "{}").status, IHP_E_PERMANENT);
  EXPECT_EQ(plugin.runJob("post_comment", linkCommentPayload(2)).status, IHP_E_PERMANENT);  // org 2 lost its link
}

}  // namespace
}  // namespace ih::jira::testing
