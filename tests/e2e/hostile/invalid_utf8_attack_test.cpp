// Attack: invalid UTF-8 in a comment (issue 9, finding 6), which was once
// stored, served back as invalid JSON and sent to Jira. Each form (a stray
// continuation byte, a cut sequence, an overlong form, a surrogate, a lone
// escaped surrogate) is a 400; no activity is stored and Jira sees no comment.
#include "hostile_target.h"

#include "support/eventually.h"

namespace ih::e2e::hostile {
namespace {

TEST_F(HostileClient, InvalidUtf8InACommentIs400AndNothingIsStored) {
  const size_t activitiesBefore = activityCount();
  const size_t jiraCommentsBefore = jiraCommentBodies().size();
  for (const std::string& text : {std::string("\xff"), std::string("caf\xc3"), std::string("\xc0\xaf"),
                                  std::string("\xed\xa0\x80"), std::string("\\udc00")}) {
    Reply refused = postComment("{\"text\":\"" + text + "\"}");
    EXPECT_EQ(refused.status, 400) << refused.describe();
    EXPECT_EQ(refused.str("detail").rfind("Malformed JSON body: not valid UTF-8", 0), 0u) << refused.describe();
  }
  EXPECT_EQ(activityCount(), activitiesBefore) << "nothing stored";
  EXPECT_TRUE(ih::testing::eventually([&] { return jobsSettled(); }));
  EXPECT_EQ(jiraCommentBodies().size(), jiraCommentsBefore) << "nothing sent to Jira";
}

}  // namespace
}  // namespace ih::e2e::hostile
