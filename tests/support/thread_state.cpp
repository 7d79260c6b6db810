#include "support/thread_state.h"

#include <sys/syscall.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>

#include "support/eventually.h"

namespace ih::testing {
namespace {

// The state letter of /proc/self/task/<tid>/stat ("R", "S", "D", ...); '\0'
// when the thread is gone. The name (field 2) is in parentheses and may hold
// spaces, so the state is the first field after the last ')'.
char stateOf(int tid) {
  std::ifstream in("/proc/self/task/" + std::to_string(tid) + "/stat");
  std::string line;
  if (!std::getline(in, line)) return '\0';
  const auto close = line.rfind(')');
  if (close == std::string::npos || close + 2 >= line.size()) return '\0';
  return line[close + 2];
}

}  // namespace

int currentThreadId() { return static_cast<int>(::syscall(SYS_gettid)); }

bool waitUntilBlocked(const std::atomic<int>& tid, std::chrono::milliseconds timeout) {
  return eventually([&] { return tid.load() != 0 && stateOf(tid.load()) == 'S'; }, timeout);
}

}  // namespace ih::testing
