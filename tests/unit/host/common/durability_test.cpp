// The durability debt of a thread (common/durability.h): what is owed is
// waited for once, at the highest sequence, and never twice.
#include <gtest/gtest.h>

#include <thread>
#include <utility>
#include <vector>

#include "common/durability.h"

namespace ih::host {
namespace {

class RecordingBarrier final : public DurabilityBarrier {
 public:
  void awaitDurable(uint64_t sequence) override { awaited.push_back(sequence); }
  std::vector<uint64_t> awaited;
};

TEST(DurabilityDebt, ASettledDebtIsNotWaitedForAgain) {
  auto barrier = std::make_shared<RecordingBarrier>();
  oweDurability(barrier, 1);
  settleOwedDurability();
  settleOwedDurability();  // owes nothing now: returns without the barrier
  EXPECT_EQ(barrier->awaited, (std::vector<uint64_t>{1}));
}

TEST(DurabilityDebt, SettlingWaitsOnceForTheHighestSequenceOwed) {
  auto barrier = std::make_shared<RecordingBarrier>();
  oweDurability(barrier, 3);
  oweDurability(barrier, 2);  // a lower number cannot lower the debt
  oweDurability(barrier, 5);
  settleOwedDurability();
  settleOwedDurability();
  EXPECT_EQ(barrier->awaited, (std::vector<uint64_t>{5}));
}

TEST(DurabilityDebt, ADebtOnAnotherBarrierSettlesTheFirstAtOnce) {
  auto first = std::make_shared<RecordingBarrier>();
  auto second = std::make_shared<RecordingBarrier>();
  oweDurability(first, 7);
  oweDurability(second, 1);
  EXPECT_EQ(first->awaited, (std::vector<uint64_t>{7}));
  settleOwedDurability();
  EXPECT_EQ(second->awaited, (std::vector<uint64_t>{1}));
}

TEST(DurabilityDebt, AForgottenDebtIsNeverWaitedFor) {
  auto barrier = std::make_shared<RecordingBarrier>();
  oweDurability(barrier, 4);
  forgetOwedDurability();
  settleOwedDurability();
  EXPECT_TRUE(barrier->awaited.empty());
}

// The inbox's writer hands a batch's debt to its syncing thread.
TEST(DurabilityDebt, ATakenDebtIsNoLongerOwedAndIsSettledWhereItWent) {
  auto barrier = std::make_shared<RecordingBarrier>();
  oweDurability(barrier, 9);
  const DurabilityDebt debt = takeOwedDurability();
  settleOwedDurability();
  EXPECT_TRUE(barrier->awaited.empty()) << "the thread still owed what it handed on";
  std::thread([&] { debt.settle(); }).join();
  EXPECT_EQ(barrier->awaited, (std::vector<uint64_t>{9}));
  takeOwedDurability().settle();  // nothing owed: no wait
  EXPECT_EQ(barrier->awaited.size(), 1u);
}

}  // namespace
}  // namespace ih::host
