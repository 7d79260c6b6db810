// host/common/thread_name.cpp - see thread_name.h.
#include "common/thread_name.h"

#include <pthread.h>

#include <cstring>

namespace ih::host {

void nameThisThread(const char* name) noexcept {
  char shortened[16] = {};
  std::strncpy(shortened, name, sizeof shortened - 1);
  // A name is a diagnostic: a thread that cannot be named works the same.
  (void)pthread_setname_np(pthread_self(), shortened);
}

}  // namespace ih::host
