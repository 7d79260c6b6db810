#include "common/jira_time.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <stdexcept>

namespace ih::mock {

std::int64_t nowMillis() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string formatJiraDate(std::int64_t epochMillis) {
  std::time_t seconds = static_cast<std::time_t>(epochMillis / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03d+0000", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(epochMillis % 1000));
  return buffer;
}

std::int64_t parseJiraDate(const std::string& text) {
  std::tm utc{};
  int millis = 0;
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &utc.tm_year, &utc.tm_mon, &utc.tm_mday,
                  &utc.tm_hour, &utc.tm_min, &utc.tm_sec, &consumed) != 6) {
    throw std::invalid_argument("not a Jira date: " + text);
  }
  if (text.size() > static_cast<std::size_t>(consumed) && text[consumed] == '.') {
    std::sscanf(text.c_str() + consumed + 1, "%3d", &millis);
  }
  utc.tm_year -= 1900;
  utc.tm_mon -= 1;
  return static_cast<std::int64_t>(timegm(&utc)) * 1000 + millis;
}

}  // namespace ih::mock
