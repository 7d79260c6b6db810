// JSON body parsing and the mapping of host errors to status codes and body
// shapes (the body limit is the front's: server_test.cpp).
#include <gtest/gtest.h>

#include "common/errors.h"
#include "http/error_mapping.h"
#include "http/request_context.h"

namespace ih::host::http {
namespace {

TEST(JsonBodyTest, ParsesObjectsAndRejectsEverythingElse) {
  RequestContext ctx;
  ctx.body = R"({"a":1})";
  EXPECT_TRUE(ctx.jsonObject().HasMember("a"));
  RequestContext empty;
  EXPECT_TRUE(empty.jsonObject().IsObject());
  RequestContext malformed;
  malformed.body = "{nope";
  try {
    malformed.jsonObject();
    FAIL();
  } catch (const BadRequestError& e) {
    EXPECT_STREQ(e.what(), "Malformed JSON body");
  }
  RequestContext array;
  array.body = "[1]";
  EXPECT_THROW(array.jsonObject(), BadRequestError);
}

Response mapped(const std::exception_ptr& error) { return errorResponse(error, "/route/{x}/"); }

TEST(ErrorMappingTest, MapsEveryHostErrorToItsStatusAndShape) {
  Response v = mapped(std::make_exception_ptr(ValidationError("url", "Enter a valid URL.")));
  EXPECT_EQ(v.status, 400);
  EXPECT_EQ(v.body, R"({"url":["Enter a valid URL."]})");

  EXPECT_EQ(mapped(std::make_exception_ptr(BadRequestError("bad"))).body, R"({"detail":"bad"})");
  Response unauthorized = mapped(std::make_exception_ptr(UnauthorizedError()));
  EXPECT_EQ(unauthorized.status, 401);
  ASSERT_EQ(unauthorized.headers.size(), 1u);
  EXPECT_EQ(unauthorized.headers[0], (std::pair<std::string, std::string>{"WWW-Authenticate", "Bearer"}));
  EXPECT_EQ(mapped(std::make_exception_ptr(ForbiddenError())).status, 403);
  EXPECT_EQ(mapped(std::make_exception_ptr(NotFoundError())).status, 404);
  EXPECT_EQ(mapped(std::make_exception_ptr(ConflictError("c"))).status, 409);
  Response tooLarge = mapped(std::make_exception_ptr(PayloadTooLargeError()));
  EXPECT_EQ(tooLarge.status, 413);
  EXPECT_EQ(tooLarge.body, R"({"detail":"Request body too large"})");
  EXPECT_TRUE(tooLarge.closeConnection);
  Response unavailable = mapped(std::make_exception_ptr(ServiceUnavailableError("The plugin did not answer in time.")));
  EXPECT_EQ(unavailable.status, 503);
  EXPECT_EQ(unavailable.body, R"({"detail":"The plugin did not answer in time."})");
}

TEST(ErrorMappingTest, HidesTheReasonOfUnexpectedErrors) {
  Response r = mapped(std::make_exception_ptr(std::runtime_error("secret detail")));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body, R"({"detail":"Internal error"})");
  EXPECT_EQ(mapped(std::make_exception_ptr(42)).status, 500);
}

}  // namespace
}  // namespace ih::host::http
