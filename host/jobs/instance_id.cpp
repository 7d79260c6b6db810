// host/jobs/instance_id.cpp - see instance_id.h.
#include "jobs/instance_id.h"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <random>

namespace ih::host::jobs {

std::string newInstanceId() {
  std::array<char, 256> hostname{};
  if (gethostname(hostname.data(), hostname.size() - 1) != 0) hostname[0] = '\0';
  std::random_device entropy;
  const uint64_t random = (static_cast<uint64_t>(entropy()) << 32) ^ entropy();
  std::array<char, 17> hex{};
  std::snprintf(hex.data(), hex.size(), "%016llx", static_cast<unsigned long long>(random));
  return std::string(hostname.data()) + ":" + std::to_string(getpid()) + ":" + hex.data();
}

}  // namespace ih::host::jobs
