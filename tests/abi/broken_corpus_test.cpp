// tests/abi/broken_corpus_test.cpp - the corpus of deliberately broken
// plugins (after Envoy's test_data/c and Poco's TestLibraryMissingDeps). All
// of them sit in one directory with good plugins; one loadDirectory() must
// reject each with exactly one log line naming the file and the precise
// reason, and still load the good ones.
#include <gtest/gtest.h>

#include <map>

#include "abi_test_support.h"
#include "log_capture.h"

namespace ih::test {
namespace {

const std::map<std::string, std::string>& expectedRejections() {
  static const std::map<std::string, std::string> expected = {
      {"missing_entry", "missing entry symbol ihp_plugin_entry"},
      {"entry_refuses", "entry refused: incompatible (plugin reported ABI major 1, minimum minor 7; host 1.6)"},
      {"entry_throws", "entry threw an exception (plugins must not throw across the C ABI)"},
      // The SDK's entry caught it: refused, not a host ended by std::terminate.
      {"descriptor_throws", "entry refused: internal (plugin reported ABI major 0, minimum minor 0; host 1.6)"},
      {"major_too_new", "built for ABI major 2; host supports 1"},
      {"major_too_old", "built for ABI major 0 (too old); host supports 1"},
      {"needs_newer_minor", "requires ABI 1.7 or newer; host implements 1.6"},
      {"small_table", "plugin table is 96 bytes; ABI 1.0 needs at least " + std::to_string(IHP_PLUGIN_API_SIZE_V1_0)},
      {"fingerprint_lie", "fingerprint mismatch: pointer_size plugin 4, host 8"},
      {"null_init", "required hook init is NULL"},
      {"invalid_key", "invalid key 'Bad-Key' (must match [a-z0-9_]{1,64})"},
      {"route_outside",
       "route 0 (GET /extensions/c-echo/hijack/) is outside /extensions/route_outside/ and "
       "/extensions/route-outside/"},
      {"dup_key_b", "duplicate plugin key 'dup_key' (already loaded from " + corpusPlugin("dup_key_a") + ")"},
      {"init_fails", "init failed: permanent"},
      // Its init refuses too: the routes are judged first.
      {"route_clash", "route GET /extensions/route-clash/a/{key}/ duplicates /extensions/route-clash/a/{id}/"},
      {"missing_dependency",
       "dlopen failed: libihp_vanishing.so: cannot open shared object file: No such file or directory"},
  };
  return expected;
}

class BrokenCorpus : public ::testing::Test {
 protected:
  BrokenCorpus() : registry(host.services()) { loaded = registry.loadDirectory(IH_CORPUS_DIR); }
  LogCapture logs;
  HostFixture host;
  host::plugins::PluginRegistry registry;
  size_t loaded = 0;
};

TEST_F(BrokenCorpus, EveryBrokenPluginIsRejectedWithItsPreciseReason) {
  std::map<std::string, std::string> actual;
  for (const auto& failure : registry.failures()) actual[failure.path] = failure.reason;
  for (const auto& [name, reason] : expectedRejections()) {
    auto it = actual.find(corpusPlugin(name));
    ASSERT_NE(it, actual.end()) << name << " was not rejected";
    EXPECT_EQ(it->second, reason) << name;
  }
  EXPECT_EQ(registry.failures().size(), expectedRejections().size());
}

TEST_F(BrokenCorpus, EachRejectionIsExactlyOneLogLine) {
  for (const auto& [name, reason] : expectedRejections()) {
    const std::string path = corpusPlugin(name);
    auto lines = logs.matching(path, Poco::Message::PRIO_ERROR);
    ASSERT_EQ(lines.size(), 1u) << name << "\n" << logs.dump();
    EXPECT_EQ(lines[0].text, "plugin " + path + " skipped: " + reason);
    EXPECT_EQ(lines[0].text.find('\n'), std::string::npos);
  }
}

TEST_F(BrokenCorpus, GoodPluginsInTheSameDirectoryStillLoad) {
  for (const char* key : {"c_echo", "dup_key", "sdk_throws", "unknown_status", "partial_hook", "route_clash"})
    EXPECT_NE(registry.find(key), nullptr) << key << "\n" << logs.dump();
  EXPECT_EQ(loaded, 6u);
  EXPECT_EQ(registry.find("dup_key")->info().path, corpusPlugin("dup_key_a"));
  EXPECT_EQ(callRoute(host, registry, "GET", "/extensions/c-echo/echo/still-here/").httpStatus, 200);
}

// The refused route_clash kept neither its key nor its routes: the fixed
// build of the same key loaded after it and serves its one route.
TEST_F(BrokenCorpus, APluginRefusedForItsRoutesKeepsNoKey) {
  EXPECT_EQ(registry.find("route_clash")->info().path, corpusPlugin("route_clash_fixed"));
  EXPECT_EQ(callRoute(host, registry, "GET", "/extensions/route-clash/a/1/").status, IHP_OK);
}

// partial_hook's table ends halfway through remote_users_resolve: the hook
// reads as absent, never as half a pointer.
TEST_F(BrokenCorpus, AHookTheTableHoldsOnlyInPartIsAbsent) {
  host::plugins::LoadedPlugin* plugin = registry.find("partial_hook");
  ASSERT_NE(plugin, nullptr);
  auto uow = host.begin();
  host::plugins::CallScope scope{*uow};
  EXPECT_EQ(plugin->remoteUsersResolve(scope, 1, "[]").status, IHP_E_UNSUPPORTED);
}

TEST_F(BrokenCorpus, UnknownStatusFromAHookIsPermanent) {
  auto reply = callRoute(host, registry, "GET", "/extensions/unknown-status/go/");
  EXPECT_EQ(reply.status, IHP_E_PERMANENT);
  EXPECT_EQ(logs.matching("returned unknown status 99; treated as permanent", Poco::Message::PRIO_WARNING).size(), 1u);
}

TEST_F(BrokenCorpus, RejectedRouteDoesNotHijackAnotherPlugin) {
  // route_outside tried to claim a c_echo path; it never loaded, so nothing matches there.
  EXPECT_FALSE(registry.matchRoute("GET", "/extensions/c-echo/hijack/").has_value());
}

}  // namespace
}  // namespace ih::test
