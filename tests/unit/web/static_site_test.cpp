// StaticSite on a real directory: what it serves, with which headers, and
// every way out of the root it refuses.
#include "web/static_site.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/temp_dir.h"

namespace ih::host::web {
namespace {

class StaticSiteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root = outside.path() + "/site";
    std::filesystem::create_directories(root + "/js");
    writeIn("index.html", "<!DOCTYPE html><title>app</title>");
    writeIn("app.css", "body{}");
    writeIn("js/main.js", "export {};");
    writeIn(".env", "SECRET=1");
    outside.write("secret.txt", "outside the root");
    std::filesystem::create_directory_symlink(outside.path(), root + "/escape");
  }

  void writeIn(const std::string& name, const std::string& content) { std::ofstream(root + "/" + name) << content; }

  std::optional<http::Response> get(const std::string& target, const std::string& method = "GET",
                                    const std::string& ifNoneMatch = "") {
    StaticSite site(root);
    http::RequestContext ctx(method, target);
    if (!ifNoneMatch.empty()) ctx.headers.emplace_back("if-none-match", ifNoneMatch);
    return site.serve(ctx);
  }

  static std::string header(const http::Response& r, const std::string& name) {
    for (const auto& [n, v] : r.headers) {
      if (n == name) return v;
    }
    return "";
  }

  ih::testing::TempDir outside;
  std::string root;
};

TEST_F(StaticSiteTest, ServesFilesWithTheirTypeAndRevalidationHeaders) {
  auto css = get("/app.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->status, 200);
  EXPECT_EQ(css->contentType, "text/css; charset=utf-8");
  EXPECT_EQ(css->body, "body{}");
  EXPECT_EQ(header(*css, "Cache-Control"), "no-cache");
  EXPECT_EQ(header(*css, "X-Content-Type-Options"), "nosniff");
  EXPECT_FALSE(header(*css, "ETag").empty());
  EXPECT_TRUE(header(*css, "Content-Security-Policy").empty()) << "only pages carry the CSP";

  auto js = get("/js/main.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->contentType, "text/javascript; charset=utf-8");

  auto again = get("/app.css", "GET", header(*css, "ETag"));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  EXPECT_EQ(get("/app.css", "GET", "\"other\"")->status, 200);
  EXPECT_EQ(get("/app.css", "HEAD")->status, 200);
}

TEST_F(StaticSiteTest, AppRoutesAnswerTheIndexWithAStrictPolicy) {
  for (const char* path : {"/", "/organizations/", "/organizations/acme/issues/3/", "/sign-in", "/js"}) {
    auto page = get(path);
    ASSERT_TRUE(page) << path;
    EXPECT_EQ(page->status, 200) << path;
    EXPECT_EQ(page->contentType, "text/html; charset=utf-8") << path;
    EXPECT_NE(page->body.find("<title>app</title>"), std::string::npos) << path;
    const std::string csp = header(*page, "Content-Security-Policy");
    EXPECT_NE(csp.find("default-src 'self'"), std::string::npos);
    EXPECT_NE(csp.find("script-src 'self';"), std::string::npos) << "no inline scripts, no eval";
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_EQ(header(*page, "X-Frame-Options"), "DENY");
  }
  // A missing file (it has an extension) is not an app page.
  EXPECT_EQ(get("/missing.js")->status, 404);
  EXPECT_EQ(get("/js/missing.css")->status, 404);
}

TEST_F(StaticSiteTest, NothingOutsideTheRootOrHiddenIsServed) {
  for (const char* path :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/js/%2E%2E/%2e%2e/secret.txt", "/.env", "/%2eenv",
        "/escape/secret.txt", "/js%2fmain.js", "/js/main.js%00.css", "/a\\..\\secret.txt", "/%zz.js"}) {
    auto answer = get(path);
    ASSERT_TRUE(answer) << path;
    EXPECT_EQ(answer->status, 404) << path;
    EXPECT_EQ(answer->body.find("outside the root"), std::string::npos) << path;
    EXPECT_EQ(answer->body.find("SECRET"), std::string::npos) << path;
  }
}

TEST_F(StaticSiteTest, NeverAnswersForTheApiOrPluginsOrOtherMethods) {
  EXPECT_FALSE(get("/api/0/organizations/"));
  EXPECT_FALSE(get("/api"));
  EXPECT_FALSE(get("/extensions/jira-server/search/acme/1/"));
  EXPECT_FALSE(get("/extensions"));
  EXPECT_FALSE(get("/", "POST"));
  EXPECT_FALSE(get("/app.css", "DELETE"));
  EXPECT_TRUE(get("/apiary/"));  // only the exact spaces are reserved
}

TEST_F(StaticSiteTest, WithoutAnIndexNothingIsServed) {
  std::filesystem::remove(root + "/index.html");
  StaticSite site(root);
  EXPECT_FALSE(site.available());
  http::RequestContext ctx("GET", "/app.css");
  EXPECT_FALSE(site.serve(ctx));
  EXPECT_FALSE(StaticSite(outside.path() + "/nowhere").available());
}

TEST_F(StaticSiteTest, RoutePatternsKeepRawPathsOutOfMetrics) {
  StaticSite site(root);
  http::RequestContext page("GET", "/organizations/secret-slug/");
  site.serve(page);
  EXPECT_EQ(page.routePattern, "/{app-page}");
  http::RequestContext file("GET", "/app.css");
  site.serve(file);
  EXPECT_EQ(file.routePattern, "/{web-file}");
}

}  // namespace
}  // namespace ih::host::web
