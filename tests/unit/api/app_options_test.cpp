// Start-up pieces of the application: option resolution (command line over
// config file over defaults), validation, the public URL, and the admin
// token's sources and generated file.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <map>

#include "api/html_page.h"
#include "app/data_dir.h"
#include "app/host_options.h"
#include "support/temp_dir.h"

namespace ih::host::app {
namespace {

HostOptions resolve(const std::map<std::string, std::string>& given) {
  return resolveHostOptions(
      [&](const std::string& name) -> std::optional<std::string> {
        auto it = given.find(name);
        return it == given.end() ? std::nullopt : std::optional<std::string>(it->second);
      },
      "/opt/ih/bin", 4);
}

TEST(HostOptionsTest, DefaultsFollowTheContract) {
  HostOptions o = resolve({});
  EXPECT_EQ(o.bind, "127.0.0.1");
  EXPECT_EQ(o.port, 8080);
  EXPECT_EQ(o.dataDir, "./var");
  EXPECT_EQ(o.databaseUrl, "sqlite:./var/host.db");
  EXPECT_EQ(o.pluginsDir, "/opt/ih/plugins");
  EXPECT_EQ(o.publicUrl, "");  // filled in with the real port once listening
  EXPECT_FALSE(o.adminToken.has_value());
  EXPECT_EQ(o.workers, 4);
  EXPECT_EQ(o.maxBodyBytes, 1024u * 1024u);
  EXPECT_EQ(o.retry.maxAttempts, 8u);
  EXPECT_LE(o.retry.baseDelayMs, 5000);  // the contract: first retry within 5 s
}

TEST(HostOptionsTest, JobRetriesAreConfigurable) {
  HostOptions o = resolve({{"job-max-attempts", "3"}, {"job-retry-base-ms", "200"}, {"job-retry-max-ms", "60000"}});
  EXPECT_EQ(o.retry.maxAttempts, 3u);
  EXPECT_EQ(o.retry.baseDelayMs, 200);
  EXPECT_EQ(o.retry.maxDelayMs, 60000);
  // A first retry later than 5 s would break the contract's catch-up promise.
  EXPECT_THROW(resolve({{"job-retry-base-ms", "6000"}}), std::invalid_argument);
  EXPECT_THROW(resolve({{"job-max-attempts", "0"}}), std::invalid_argument);
  EXPECT_THROW(resolve({{"job-retry-base-ms", "500"}, {"job-retry-max-ms", "100"}}), std::invalid_argument);
}

TEST(HostOptionsTest, SeveralHostsShareAKeyFileAndLeaseJobs) {
  HostOptions defaults = resolve({});
  EXPECT_EQ(defaults.jobLeaseMs, 30000);
  EXPECT_EQ(defaults.secretKeyFile, "") << "resolved at start-up: the environment, else <data-dir>/secret-key";
  HostOptions o = resolve({{"job-lease-ms", "5000"}, {"secret-key-file", "/etc/ih/secret-key"}});
  EXPECT_EQ(o.jobLeaseMs, 5000);
  EXPECT_EQ(o.secretKeyFile, "/etc/ih/secret-key");
  EXPECT_THROW(resolve({{"job-lease-ms", "999"}}), std::invalid_argument);
  EXPECT_THROW(resolve({{"secret-key-file", ""}}), std::invalid_argument);
}

TEST(HostOptionsTest, FrontLimitsAndThePluginDeadlineAreConfigurable) {
  HostOptions defaults = resolve({});
  EXPECT_EQ(defaults.headerTimeoutMs, 10000);  // the contract's default
  EXPECT_EQ(defaults.keepAliveTimeoutMs, 5000);
  EXPECT_EQ(defaults.maxConnections, 1024);
  EXPECT_EQ(defaults.pluginCallTimeoutMs, 10000);
  EXPECT_EQ(defaults.httpThreads, 16);
  HostOptions o = resolve({{"header-timeout-ms", "1500"}, {"keep-alive-timeout-ms", "700"},
                           {"max-connections", "64"}, {"plugin-call-timeout-ms", "2500"}, {"http-threads", "4"}});
  EXPECT_EQ(o.headerTimeoutMs, 1500);
  EXPECT_EQ(o.keepAliveTimeoutMs, 700);
  EXPECT_EQ(o.maxConnections, 64);
  EXPECT_EQ(o.pluginCallTimeoutMs, 2500);
  EXPECT_EQ(o.httpThreads, 4);
  for (const char* name : {"header-timeout-ms", "keep-alive-timeout-ms", "max-connections", "plugin-call-timeout-ms"}) {
    EXPECT_THROW(resolve({{name, "0"}}), std::invalid_argument) << name;
    EXPECT_THROW(resolve({{name, "soon"}}), std::invalid_argument) << name;
  }
}

TEST(HostOptionsTest, DurabilityIsDurableUnlessRelaxedIsAskedFor) {
  EXPECT_TRUE(resolve({}).durableCommits) << "acknowledgements wait for the fsync by default";
  EXPECT_TRUE(resolve({{"durability", "durable"}}).durableCommits);
  EXPECT_FALSE(resolve({{"durability", "relaxed"}}).durableCommits);
  EXPECT_THROW(resolve({{"durability", "fast"}}), std::invalid_argument);
  EXPECT_THROW(resolve({{"durability", ""}}), std::invalid_argument);
  EXPECT_TRUE(resolve({}).deferredWebhooks) << "webhooks are stored, answered, then applied, by default";
  EXPECT_TRUE(resolve({{"webhook-apply", "deferred"}}).deferredWebhooks);
  EXPECT_FALSE(resolve({{"webhook-apply", "inline"}}).deferredWebhooks);
  EXPECT_THROW(resolve({{"webhook-apply", "later"}}), std::invalid_argument);
}

TEST(HostOptionsTest, PluginCallsRunInlineUnlessPooledIsAskedFor) {
  EXPECT_TRUE(resolve({}).pluginCallsInline);
  EXPECT_TRUE(resolve({{"plugin-calls", "inline"}}).pluginCallsInline);
  EXPECT_FALSE(resolve({{"plugin-calls", "pooled"}}).pluginCallsInline);
  EXPECT_THROW(resolve({{"plugin-calls", "threaded"}}), std::invalid_argument);
}

TEST(HostOptionsTest, TheIntegrationCacheTtlIsBoundedAndZeroTurnsItOff) {
  EXPECT_EQ(resolve({}).integrationCacheTtlMs, 2000);
  EXPECT_EQ(resolve({{"integration-cache-ttl-ms", "0"}}).integrationCacheTtlMs, 0);
  EXPECT_EQ(resolve({{"integration-cache-ttl-ms", "60000"}}).integrationCacheTtlMs, 60000);
  EXPECT_THROW(resolve({{"integration-cache-ttl-ms", "-1"}}), std::invalid_argument);
  EXPECT_THROW(resolve({{"integration-cache-ttl-ms", "soon"}}), std::invalid_argument);
}

TEST(HostOptionsTest, ATlsCaFileMustExist) {
  EXPECT_TRUE(resolve({}).tlsCaFile.empty()) << "the system's CAs only, by default";
  ih::testing::TempDir dir;
  const std::string ca = dir.write("ca.pem", "-----BEGIN CERTIFICATE-----\n");
  EXPECT_EQ(resolve({{"tls-ca-file", ca}}).tlsCaFile, ca);  // its content is checked at start-up
  EXPECT_THROW(resolve({{"tls-ca-file", dir.file("missing.pem")}}), std::invalid_argument);
  EXPECT_THROW(resolve({{"tls-ca-file", dir.path()}}), std::invalid_argument);
}

TEST(HostOptionsTest, TheOutboundDenyListDefaultsToLinkLocalAndIsValidated) {
  EXPECT_EQ(resolve({}).outboundDeny, "169.254.0.0/16,fe80::/10,0.0.0.0/8");
  EXPECT_EQ(resolve({{"outbound-deny", "10.0.0.0/8,::1"}}).outboundDeny, "10.0.0.0/8,::1");
  EXPECT_EQ(resolve({{"outbound-deny", ""}}).outboundDeny, "");  // deny nothing
  EXPECT_THROW(resolve({{"outbound-deny", "10.0.0.0/40"}}), std::invalid_argument);
  EXPECT_THROW(resolve({{"outbound-deny", "intranet"}}), std::invalid_argument);
}

TEST(HostOptionsTest, TheWebAppLivesBesideTheBinaryUnlessNamed) {
  HostOptions defaults = resolve({});
  EXPECT_EQ(defaults.webDir, "/opt/ih/web");
  EXPECT_FALSE(defaults.webDirGiven) << "a missing default app only disables the app";
  EXPECT_EQ(defaults.sessionIdleTimeoutMs, 8 * 3600 * 1000);
  ih::testing::TempDir dir;
  EXPECT_THROW(resolve({{"web-dir", dir.path()}}), std::invalid_argument) << "no index.html";
  dir.write("index.html", "<!DOCTYPE html>");
  HostOptions named = resolve({{"web-dir", dir.path()}, {"session-idle-timeout-s", "90"}});
  EXPECT_EQ(named.webDir, dir.path());
  EXPECT_EQ(named.sessionIdleTimeoutMs, 90000);
  EXPECT_THROW(resolve({{"session-idle-timeout-s", "0"}}), std::invalid_argument);
  EXPECT_THROW(resolve({{"session-idle-timeout-s", "soon"}}), std::invalid_argument);
}

TEST(HostOptionsTest, ReadsEveryOption) {
  HostOptions o = resolve({{"bind", "0.0.0.0"}, {"port", "0"}, {"data-dir", "/srv/ih"},
                           {"public-url", "https://ih.example.test/"}, {"admin-token", "t"}, {"workers", "2"},
                           {"log-level", "debug"}, {"max-body-bytes", "2048"}});
  EXPECT_EQ(o.bind, "0.0.0.0");
  EXPECT_EQ(o.port, 0);
  EXPECT_EQ(o.databaseUrl, "sqlite:/srv/ih/host.db");
  EXPECT_EQ(o.publicUrl, "https://ih.example.test");
  EXPECT_EQ(o.adminToken, "t");
  EXPECT_EQ(o.workers, 2);
  EXPECT_EQ(o.maxBodyBytes, 2048u);
}

TEST(HostOptionsTest, RejectsInvalidValuesWithOneLine) {
  for (const auto& [name, value] : std::map<std::string, std::string>{{"port", "70000"},
                                                                      {"port", "12x"},
                                                                      {"workers", "0"},
                                                                      {"log-level", "loud"},
                                                                      {"public-url", "ftp://x"},
                                                                      {"max-body-bytes", "-1"}}) {
    try {
      resolve({{name, value}});
      ADD_FAILURE() << name << "=" << value << " accepted";
    } catch (const std::invalid_argument& e) {
      EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos);
    }
  }
}

TEST(HostOptionsTest, ListeningUrls) {
  EXPECT_EQ(listeningUrl("127.0.0.1", 8080), "http://127.0.0.1:8080");
  EXPECT_EQ(listeningUrl("::1", 9), "http://[::1]:9");
}

TEST(AdminTokenTest, OptionThenEnvironmentThenGeneratedFile) {
  ih::testing::TempDir dir;
  EXPECT_EQ(resolveAdminToken(std::string("opt"), "env", dir.path()).token, "opt");
  AdminToken fromEnv = resolveAdminToken(std::nullopt, "env", dir.path());
  EXPECT_EQ(fromEnv.token, "env");
  EXPECT_EQ(fromEnv.source, "INTEGRATION_HOST_ADMIN_TOKEN");

  AdminToken generated = resolveAdminToken(std::nullopt, "", dir.path());
  EXPECT_EQ(generated.token.size(), 64u);
  EXPECT_EQ(generated.source, dir.file("admin-token"));
  struct stat st {};
  ASSERT_EQ(::stat(generated.source.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  // The next start reads the same token back.
  EXPECT_EQ(resolveAdminToken(std::nullopt, nullptr, dir.path()).token, generated.token);
}

TEST(DataDirTest, CreatesTheDirectoryForTheOwnerOnly) {
  ih::testing::TempDir dir;
  const std::string path = dir.file("a/b");
  ensureDataDir(path);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
}

TEST(HtmlPageTest, EscapesEverything) {
  EXPECT_EQ(api::htmlEscape(R"(<a href="x">'&'</a>)"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  const std::string page = api::htmlPage("<T>", "line1\n<b>");
  EXPECT_NE(page.find("<title>&lt;T&gt;</title>"), std::string::npos);
  EXPECT_NE(page.find("line1<br>&lt;b&gt;"), std::string::npos);
}

}  // namespace
}  // namespace ih::host::app
