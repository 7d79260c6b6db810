// The uninstall hook: deleting the install's Jira webhook in either API
// generation, and what each Jira answer means for the host's job.
#include "support/outbound_fixtures.h"

namespace ih::jira::testing {
namespace {

const std::string kLegacyHook = std::string(kBaseUrl) + "/rest/webhooks/1.0/webhook/12";
const std::string kDcHook = std::string(kBaseUrl) + "/rest/jira-webhook/1.0/webhooks/34";

std::string recordWith(const std::string& webhookId, const std::string& api) {
  MetadataSpec spec;
  spec.webhookId = webhookId;
  spec.webhookApi = api;
  return integrationRecord(kIntegrationId, kExternalId, "pending_deletion", metadataJson(spec));
}

class UninstallTest : public OutboundTest {
 protected:
  Outcome uninstall(const std::string& record, const std::string& credentials = oauthCredentials()) {
    return hooks.uninstall(record, credentials);
  }
};

TEST_F(UninstallTest, LegacyWebhookIsDeleted) {
  host.http.on("DELETE", kLegacyHook, respond(204));
  EXPECT_EQ(uninstall(recordWith("12", "legacy")).status, IHP_OK);
  auto deletes = host.http.requestsTo("DELETE", kLegacyHook);
  ASSERT_EQ(deletes.size(), 1u);
  EXPECT_NE(deletes[0].header("Authorization").find(std::string("oauth_token=\"") + kAccessToken), std::string::npos);
}

TEST_F(UninstallTest, DataCenterWebhookIsDeletedThroughTheNewApi) {
  host.http.on("DELETE", kDcHook, respond(204));
  EXPECT_EQ(uninstall(recordWith("34", "jira-webhook")).status, IHP_OK);
  EXPECT_EQ(host.http.count("DELETE", kDcHook), 1u);
}

TEST_F(UninstallTest, AlreadyGoneCountsAsDeleted) {
  host.http.on("DELETE", kLegacyHook, respond(404, "{}"));
  EXPECT_EQ(uninstall(recordWith("12", "legacy")).status, IHP_OK);
}

TEST_F(UninstallTest, RefusedDeletionIsLoggedForAnAdminAndCompletes) {
  for (int32_t status : {401, 403}) {
    host.http.clear();
    host.http.on("DELETE", kLegacyHook, respond(status, "{}"));
    host.logs.clear();
    EXPECT_EQ(uninstall(recordWith("12", "legacy")).status, IHP_OK);
    EXPECT_TRUE(host.anyLogContains("webhook 12")) << status;
    EXPECT_TRUE(host.anyLogContains("administrator")) << status;
  }
}

TEST_F(UninstallTest, JiraUnavailableRetries) {
  for (const CannedResponse& response : {respond(503, "x"), transportFailure(IHP_E_TIMEOUT)}) {
    host.http.clear();
    host.http.on("DELETE", kLegacyHook, response);
    auto outcome = uninstall(recordWith("12", "legacy"));
    EXPECT_EQ(outcome.status, IHP_E_RETRY);
    EXPECT_FALSE(outcome.reply.error.empty());
  }
  host.http.clear();
  host.http.on("DELETE", kLegacyHook, respond(429, "", {{"Retry-After", "900"}}));
  auto limited = uninstall(recordWith("12", "legacy"));
  EXPECT_EQ(limited.status, IHP_E_RETRY);
  EXPECT_EQ(limited.reply.retryAfterMs, std::optional<int64_t>(900'000)) << "Jira's wait when longer than ours";
}

// A Jira that stays unreachable: the job comes back at growing intervals
// (as long as the host lets it wait), then completes without the deletion, saying
// so for an administrator, instead of keeping the integration for good.
TEST_F(UninstallTest, AJiraThatStaysUnreachableIsWaitedForThenLeftToAnAdministrator) {
  host.http.on("DELETE", kLegacyHook, transportFailure(IHP_E_UNREACHABLE));
  std::vector<int64_t> waits;
  for (uint32_t attempt = 1; attempt <= 6; ++attempt) {
    auto outcome = hooks.uninstall(recordWith("12", "legacy"), oauthCredentials(), attempt);
    ASSERT_EQ(outcome.status, IHP_E_RETRY) << attempt;
    waits.push_back(outcome.reply.retryAfterMs.value_or(0));
  }
  EXPECT_EQ(waits, (std::vector<int64_t>{60'000, 300'000, 900'000, 3'600'000, 10'800'000, 21'600'000}));
  host.logs.clear();
  EXPECT_EQ(hooks.uninstall(recordWith("12", "legacy"), oauthCredentials(), 7).status, IHP_OK);
  EXPECT_TRUE(host.anyLogContains("webhook 12 was not deleted: an administrator must delete it in Jira"));
}

TEST_F(UninstallTest, NoStoredWebhookIdIsDone) {
  EXPECT_EQ(uninstall(integrationRecord()).status, IHP_OK);
  EXPECT_TRUE(host.http.requests().empty());
}

TEST_F(UninstallTest, PersonalAccessTokenDeletesWithBearer) {
  host.http.on("DELETE", kLegacyHook, respond(204));
  EXPECT_EQ(uninstall(recordWith("12", "legacy"), R"({"auth_type":"pat","personal_access_token":"pat-9"})").status,
            IHP_OK);
  EXPECT_EQ(host.http.requestsTo("DELETE", kLegacyHook).at(0).header("Authorization"), "Bearer pat-9");
  expectNeverLogged("pat-9");
}

TEST_F(UninstallTest, UnusableCredentialsCompleteWithAWarning) {
  EXPECT_EQ(uninstall(recordWith("12", "legacy"), "{}").status, IHP_OK);
  EXPECT_TRUE(host.anyLogContains("webhook 12 by hand"));
  EXPECT_TRUE(host.http.requests().empty());
}

}  // namespace
}  // namespace ih::jira::testing
