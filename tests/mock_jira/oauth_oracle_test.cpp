// mock-jira's OAuth 1.0a check (oauth/oauth_params.h), the test oracle for the
// host's signer and written apart from it on purpose, against RFC 5849's own
// example request (§3.4.1): header parsing, the parameters that are signed,
// the base string URI and the base string the RFC prints.
#include <gtest/gtest.h>

#include "oauth/oauth_params.h"

namespace ih::mock {
namespace {

// RFC 5849 §3.4.1.1, as the provider receives it.
HttpRequest rfcExampleRequest() {
  HttpRequest request;
  request.method = "POST";
  request.path = "/request";
  request.rawQuery = "b5=%3D%253D&a3=a&c%40=&a2=r%20b";
  request.headers = {{"content-type", "application/x-www-form-urlencoded"}};
  request.body = "c2&a3=2+q";
  return request;
}

constexpr const char* kRfcAuthorization =
    R"(OAuth realm="Example", oauth_consumer_key="9djdj82h48djs9d2", oauth_token="kkk9d7dh3k39sjv7", )"
    R"(oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131201", oauth_nonce="7d8f3e4a", )"
    R"(oauth_signature="bYT5CMsGcbgUdFHObYMEfcx6bsw%3D")";

TEST(OAuthOracle, ParsesTheRfcAuthorizationHeader) {
  auto params = parseOAuthHeader(kRfcAuthorization);
  ASSERT_TRUE(params);
  ASSERT_EQ(params->size(), 7u);
  EXPECT_EQ(*findParam(*params, "realm"), "Example");
  EXPECT_EQ(*findParam(*params, "oauth_signature"), "bYT5CMsGcbgUdFHObYMEfcx6bsw=") << "values are percent-decoded";
  EXPECT_EQ(findParam(*params, "oauth_verifier"), nullptr);
  EXPECT_FALSE(parseOAuthHeader("Bearer abc"));
  EXPECT_TRUE(parseOAuthHeader("oauth oauth_nonce=\"x\"")) << "the scheme is case-insensitive";
}

TEST(OAuthOracle, RebuildsTheRfc5849BaseString) {
  const HttpRequest request = rfcExampleRequest();
  auto header = parseOAuthHeader(kRfcAuthorization);
  ASSERT_TRUE(header);
  const ParamList signedParams = signedParameters(request, *header);
  EXPECT_EQ(findParam(signedParams, "realm"), nullptr);
  EXPECT_EQ(findParam(signedParams, "oauth_signature"), nullptr);
  EXPECT_EQ(baseStringUri(splitUrl("HTTP://Example.COM:80"), request.path), "http://example.com/request");
  EXPECT_EQ(signatureBaseString(request.method, baseStringUri(splitUrl("http://example.com"), request.path),
                                signedParams),
            "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26"
            "c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1"
            "%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7");
}

TEST(OAuthOracle, JsonBodiesAreNotSigned) {
  HttpRequest request = rfcExampleRequest();
  request.headers = {{"content-type", "application/json"}};
  request.body = R"({"a3":"x"})";
  const ParamList signedParams = signedParameters(request, {});
  EXPECT_EQ(signedParams.size(), 4u) << "the query only";
}

}  // namespace
}  // namespace ih::mock
