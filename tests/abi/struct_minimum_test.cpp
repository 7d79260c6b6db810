// tests/abi/struct_minimum_test.cpp - rule 3 on the SDK's side: the SDK
// reads a struct the host hands it only when its struct_size reaches the
// struct's 1.0 minimum (IHP_<NAME>_SIZE_V1_0), and compares with that
// minimum, not sizeof, so a plugin built against a newer header still runs
// on an older host the day ihp_entry_args grows. (The host's side is
// HostApiTable.StructSizesAreChecked.)
#include <gtest/gtest.h>

#include <cstring>

#include "ihp/sdk/plugin.hpp"
#include "plugins/abi_negotiation.h"
#include "plugins/host_api_table.h"

namespace ih::test {
namespace {

class Minimal : public ihp::sdk::Plugin {
 public:
  explicit Minimal(const ihp::sdk::Host&) {}
  ihp_status handleRequest(ihp::sdk::Host&, const ihp_request&, ihp::sdk::Reply&) override { return IHP_OK; }
  ihp_status runJob(ihp::sdk::Host&, const ihp_job&, ihp::sdk::Reply&) override { return IHP_OK; }
};

const ihp::sdk::Descriptor& descriptor() {
  static const ihp::sdk::Descriptor d{IHP_STR_LIT("minimal"), IHP_STR_LIT("Minimal"), IHP_STR_LIT("1.0.0")};
  return d;
}

using Exports = ihp::sdk::detail::Exports<Minimal>;

// Entry arguments as a host of this header fills them, with `size` as struct_size.
ihp_entry_args entryArgs(uint32_t size) {
  ihp_entry_args args;
  std::memset(&args, 0, sizeof args);
  args.struct_size = size;
  args.host_fingerprint = host::plugins::hostFingerprint({});
  args.host_abi_major = IHP_ABI_MAJOR;
  args.host_abi_minor = IHP_ABI_MINOR;
  args.host_api = &host::plugins::hostApiTable();
  return args;
}

TEST(SdkStructMinimums, TheEntryAcceptsArgumentsOfTheOneZeroSize) {
  ihp_entry_args args = entryArgs(IHP_ENTRY_ARGS_SIZE_V1_0);
  EXPECT_EQ(Exports::entry(&args, &descriptor), IHP_OK);
  EXPECT_NE(args.plugin_api, nullptr);

  args = entryArgs(IHP_ENTRY_ARGS_SIZE_V1_0 - 1);
  EXPECT_EQ(Exports::entry(&args, &descriptor), IHP_E_INCOMPATIBLE);
  EXPECT_EQ(args.plugin_api, nullptr) << "nothing handed out";
}

TEST(SdkStructMinimums, AHookInputBelowItsMinimumIsInvalidAndUnread) {
  ihp_entry_args args = entryArgs(sizeof(ihp_entry_args));
  ASSERT_EQ(Exports::entry(&args, &descriptor), IHP_OK);
  auto* instance = reinterpret_cast<ihp_plugin*>(0x1);  // never dereferenced: refused first

  ihp_request request;
  std::memset(&request, 0, sizeof request);
  request.struct_size = IHP_REQUEST_SIZE_V1_0 - 1;
  EXPECT_EQ(Exports::handleRequest(instance, nullptr, &request, nullptr), IHP_E_INVALID);

  ihp_job job;
  std::memset(&job, 0, sizeof job);
  job.struct_size = sizeof(uint32_t);
  EXPECT_EQ(Exports::runJob(instance, nullptr, &job, nullptr), IHP_E_INVALID);
}

}  // namespace
}  // namespace ih::test
