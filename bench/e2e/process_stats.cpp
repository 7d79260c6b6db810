#include "e2e/process_stats.h"

#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>

#include <unistd.h>

namespace ih::bench {

namespace {

std::ifstream openProc(pid_t pid, const char* file) {
  const std::string path = "/proc/" + std::to_string(pid) + "/" + file;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  return in;
}

}  // namespace

MemorySample readProcessMemory(pid_t pid) {
  std::ifstream status = openProc(pid, "status");
  MemorySample sample;
  std::string line;
  while (std::getline(status, line)) {
    std::istringstream fields(line);
    std::string name;
    long kb = 0;
    fields >> name >> kb;
    if (name == "VmRSS:") sample.rssKb = kb;
    if (name == "VmHWM:") sample.peakRssKb = kb;
  }
  return sample;
}

double readProcessCpuSeconds(pid_t pid) {
  std::ifstream stat = openProc(pid, "stat");
  const std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  // The command name (field 2) may contain spaces; fields are counted after its ')'.
  std::istringstream fields(text.substr(text.rfind(')') + 2));
  std::string field;
  long long utime = 0, stime = 0;
  for (int index = 3; fields >> field; ++index) {
    if (index == 14) utime = std::stoll(field);
    if (index == 15) {
      stime = std::stoll(field);
      break;
    }
  }
  return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

}  // namespace ih::bench
