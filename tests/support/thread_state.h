// Whether another thread of this process is blocked (asleep in the kernel,
// e.g. waiting on a mutex or condition variable), read from
// /proc/self/task/<tid>/stat. Lets a test put a positive barrier before
// "nothing happened yet": first see the other thread wait, then check it has
// not been let through, with no sleep and no guessed timeout. Linux only.
#pragma once

#include <atomic>
#include <chrono>

namespace ih::testing {

// The calling thread's kernel id (for the thread itself to publish).
int currentThreadId();

// Polls until the thread whose id `tid` holds (0 until the thread has
// published it) is asleep ('S' in its stat line) or the timeout passes;
// false also when the thread has exited.
bool waitUntilBlocked(const std::atomic<int>& tid, std::chrono::milliseconds timeout = std::chrono::seconds(10));

}  // namespace ih::testing
