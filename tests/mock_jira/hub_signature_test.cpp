// X-Hub-Signature known answer: GitHub's published HMAC-SHA256 test vector.
#include <gtest/gtest.h>

#include "webhooks/hub_signature.h"

namespace ih::mock {
namespace {

TEST(HubSignature, MatchesThePublishedVector) {
  EXPECT_EQ(hubSignature("It's a Secret to Everybody", "Hello, World!"),
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
}

}  // namespace
}  // namespace ih::mock
