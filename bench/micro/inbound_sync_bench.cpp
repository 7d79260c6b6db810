// The inbound assignee sync host service (host/domain/inbound_sync.h) on a
// real SQLite file with N issues, each linked to its own Jira ticket; what
// ihp_host_api.sync_assignee_inbound costs a webhook delivery that changes
// an assignee: find the linked issues, check the org's toggles and the
// watermark, match the user by verified email, write issue + activity, commit.
// Every call flips one ticket between two assignees with a newer event time,
// so each one really changes an issue. Growing N shows whether the lookups
// stay indexed.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "host_fixture.h"

namespace {

using namespace ih::host;

constexpr const char* kEmails[2] = {"alice@example.test", "bob@example.test"};

// One organization whose team (alice and bob) owns project web with N issues,
// issue i linked to OPS-i of one Jira integration with reverse assignment on.
class SyncScene {
 public:
  explicit SyncScene(int issueCount) {
    const int64_t org = host_.createOrganization("acme");
    const int64_t alice = host_.createUser(kEmails[0]);
    const int64_t bob = host_.createUser(kEmails[1]);
    host_.enablePlugin(org, "jira_server");
    integrationId_ = host_.installIntegration(org, "jira_server", "jira.example.test:pat:alice");
    host_.inTransaction([&](storage::UnitOfWork& uow) {
      auto& directory = host_.directory();
      host_.integrations().mergeConfig(uow, org, integrationId_, R"({"sync_reverse_assignment":true})");
      directory.createTeam(uow, org, "core");
      for (int64_t user : {alice, bob}) {
        directory.addMember(uow, org, user, storage::Role::Member);
        directory.addTeamMember(uow, org, "core", user);
      }
      const int64_t project = directory.createProject(uow, org, "web", {"core"}).id;
      for (int i = 1; i <= issueCount; ++i) {
        const std::string key = "OPS-" + std::to_string(i);
        const int64_t issue = host_.issues().create(uow, org, project, "Ticket " + key,
                                                    domain::ChangeSource::user(std::nullopt)).id;
        host_.integrations().linkExternalIssue(uow, org, integrationId_, issue, key, key, "",
                                               "http://jira.example.test/browse/" + key);
      }
    });
    flips_.assign(static_cast<size_t>(issueCount), 0);
  }

  // Moves the next ticket (round robin) to its other assignee; true when the
  // issue changed.
  bool flipNext() {
    const size_t ticket = next_++ % flips_.size();
    const std::string email = kEmails[flips_[ticket]++ % 2];
    domain::AssigneeSyncRequest request{.integrationId = integrationId_,
                                        .provider = "jira_server",
                                        .externalKey = "OPS-" + std::to_string(ticket + 1),
                                        .assign = true,
                                        .email = email,
                                        .eventTimeMs = ++eventTimeMs_};
    auto uow = host_.begin();
    const domain::AssigneeSyncResult result = host_.inboundSync().syncAssignee(*uow, request);
    uow->commit();
    return result.assigned == 1;
  }

 private:
  ih::test::HostFixture host_;
  int64_t integrationId_ = 0;
  std::vector<int> flips_;
  size_t next_ = 0;
  int64_t eventTimeMs_ = ih::test::HostFixture::kStartMs;
};

void inboundAssigneeSync(benchmark::State& state) {
  SyncScene scene(static_cast<int>(state.range(0)));  // seeding is not timed
  for (auto _ : state) {
    if (!scene.flipNext()) {
      state.SkipWithError("a delivery did not change its issue");
      break;
    }
  }
  state.SetItemsProcessed(state.iterations());
}
// Fixed iterations: a 10k-issue scene takes seconds to seed, so each size is
// seeded once rather than once per calibration run.
BENCHMARK(inboundAssigneeSync)->ArgName("linkedIssues")->Arg(100)->Arg(1000)->Arg(10000)->Iterations(3000)
    ->UseRealTime()->Unit(benchmark::kMicrosecond);

}  // namespace
