// Attack: a plain member edits another member's comment (issue 9, finding
// 4); the edit once reached Jira under the author's name. carol's edit of
// bob's synced comment is a 403, the host's comment and Jira's are
// untouched, and the mock's journal shows no edit; bob's own edit goes
// through, so the journal check could see one.
#include "hostile_target.h"

#include <chrono>

#include "support/eventually.h"

namespace ih::e2e::hostile {
namespace {

using namespace std::chrono_literals;

constexpr const char* kJiraCommentsPath = "/rest/api/2/issue/OPS-1/comment";

size_t editsInJournal(const ih::testing::MockJiraProcess& jira) {
  size_t edits = 0;
  for (const auto& entry : jira.journal("PUT")) edits += entry.path.rfind(kJiraCommentsPath, 0) == 0 ? 1 : 0;
  return edits;
}

TEST_F(HostileClient, AMemberCannotEditAnotherMembersComment) {
  Reply created = postComment(R"({"text":"bob's words"})");
  ASSERT_EQ(created.status, 201) << created.describe();
  ASSERT_TRUE(ih::testing::eventually([&] {
    for (const auto& body : jiraCommentBodies()) {
      if (body.find("bob's words") != std::string::npos) return true;
    }
    return false;
  })) << "the comment reached Jira";
  const size_t editsBefore = editsInJournal(jira());

  const std::string path =
      "/api/0/organizations/acme/issues/" + target().issue + "/comments/" + created.str("id") + "/";
  Reply forged = host().put(path, R"({"text":"carol's words"})", target().carolToken);
  EXPECT_EQ(forged.status, 403) << forged.describe();
  EXPECT_EQ(forged.str("detail"), "Only the comment's author may edit it.");
  ASSERT_TRUE(ih::testing::eventually([&] { return jobsSettled(); }));
  EXPECT_EQ(editsInJournal(jira()), editsBefore) << "Jira untouched";
  for (const auto& body : jiraCommentBodies()) EXPECT_EQ(body.find("carol's words"), std::string::npos);

  Reply own = host().put(path, R"({"text":"bob again"})", target().bobToken);
  EXPECT_EQ(own.status, 200) << own.describe();
  EXPECT_TRUE(ih::testing::eventually([&] { return editsInJournal(jira()) == editsBefore + 1; }, 10s))
      << "the author's edit reaches Jira";
}

}  // namespace
}  // namespace ih::e2e::hostile
