// PipelineService: unguessable ids, sealed state, lookups by ref, expiry.
#include <gtest/gtest.h>

#include "storage/query.h"
#include "support/domain_fixture.h"

namespace ih::host::domain {
namespace {

class PipelineServiceTest : public ih::test::DomainTest {
 protected:
  void SetUp() override {
    DomainTest::SetUp();
    if (IsSkipped()) return;
    org_ = makeOrg("acme");
    other_ = makeOrg("other");
  }
  storage::Organization org_, other_;
};

TEST_P(PipelineServiceTest, StartsAtStepZeroWithAnUnguessableId) {
  const auto first =
      inTransaction([&](auto& uow) { return pipelines_->start(uow, org_.id, std::nullopt, "jira_server"); });
  const auto second =
      inTransaction([&](auto& uow) { return pipelines_->start(uow, org_.id, std::nullopt, "jira_server"); });
  EXPECT_EQ(first.publicId.size(), 32u);
  EXPECT_NE(first.publicId, second.publicId);
  EXPECT_EQ(first.stepIndex, 0u);
  EXPECT_EQ(first.stateJson, "{}");
  EXPECT_EQ(first.expiresAt - first.createdAt, 60 * 60 * 1000);
}

TEST_P(PipelineServiceTest, StateIsSealedAtRestAndRoundTrips) {
  auto pipeline =
      inTransaction([&](auto& uow) { return pipelines_->start(uow, org_.id, std::nullopt, "jira_server"); });
  pipeline.stepIndex = 1;
  pipeline.stateJson = R"({"private_key":"-----BEGIN PRIVATE KEY-----MIIE"})";
  pipeline.ref = "request-token-1";
  inTransaction([&](auto& uow) { pipelines_->save(uow, pipeline); });
  auto uow = db().begin();
  const std::string raw = storage::Query(*uow, "SELECT state FROM pipelines").rows().at(0).text(0);
  EXPECT_EQ(raw.rfind("v1:", 0), 0u);
  EXPECT_EQ(raw.find("PRIVATE KEY"), std::string::npos);
  const auto loaded = pipelines_->find(*uow, org_.id, pipeline.publicId);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->stateJson, pipeline.stateJson);
  EXPECT_EQ(loaded->stepIndex, 1u);
  EXPECT_EQ(pipelines_->findByRef(*uow, "jira_server", "request-token-1")->id, pipeline.id);
  EXPECT_FALSE(pipelines_->findByRef(*uow, "other_provider", "request-token-1"));
  EXPECT_FALSE(pipelines_->findByRef(*uow, "jira_server", ""));
}

TEST_P(PipelineServiceTest, PipelinesBelongToTheirOrganization) {
  const auto pipeline =
      inTransaction([&](auto& uow) { return pipelines_->start(uow, org_.id, std::nullopt, "jira_server"); });
  auto uow = db().begin();
  EXPECT_FALSE(pipelines_->find(*uow, other_.id, pipeline.publicId));
  EXPECT_TRUE(pipelines_->find(*uow, org_.id, pipeline.publicId));
}

TEST_P(PipelineServiceTest, ExpiredAndFinishedPipelinesAreGone) {
  const auto pipeline =
      inTransaction([&](auto& uow) { return pipelines_->start(uow, org_.id, std::nullopt, "jira_server"); });
  clock_.advance(60 * 60 * 1000 - 1);
  {
    auto uow = db().begin();
    EXPECT_TRUE(pipelines_->find(*uow, org_.id, pipeline.publicId));
  }
  clock_.advance(1);
  {
    auto uow = db().begin();
    EXPECT_FALSE(pipelines_->find(*uow, org_.id, pipeline.publicId));
  }
  const auto fresh =
      inTransaction([&](auto& uow) { return pipelines_->start(uow, org_.id, std::nullopt, "jira_server"); });
  auto uow = db().begin();
  EXPECT_EQ(storage::Query(*uow, "SELECT COUNT(*) FROM pipelines").scalarInt64(), 1);  // the expired one was purged
  pipelines_->finish(*uow, fresh.id);
  EXPECT_FALSE(pipelines_->find(*uow, org_.id, fresh.publicId));
}

IH_INSTANTIATE_BACKENDS(PipelineServiceTest);

}  // namespace
}  // namespace ih::host::domain
