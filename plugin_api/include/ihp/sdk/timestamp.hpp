// ihp/sdk/timestamp.hpp - the one date-time codec of the project: ISO-8601
// timestamps as Jira writes them ("2024-06-10T09:13:20.123+0000": offset
// without a colon) and as the host's API answers them ("...123Z"), to and
// from epoch milliseconds.
//
// The plugin orders webhook deliveries by these times (per-ticket
// watermarks), so parsing honours the offset and refuses anything it would
// have to guess; the mock renders and reads the same format with the same
// code, so the two cannot drift apart. parseMs() is a plain function on raw
// text, callable from a fuzz target.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace ihp::sdk::timestamp {

namespace detail {

// Reads exactly `count` digits at `pos`, advancing it.
inline std::optional<int> readDigits(std::string_view text, size_t& pos, size_t count) {
  if (pos + count > text.size()) return std::nullopt;
  int value = 0;
  for (size_t i = 0; i < count; ++i) {
    char c = text[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += count;
  return value;
}

inline bool expect(std::string_view text, size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date, and back
// (H. Hinnant's algorithms): no time zone database, no time_t range limits.
inline int64_t daysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

struct CivilDate {
  int64_t year;
  unsigned month, day;
};
inline CivilDate civilFromDays(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int64_t>(yoe) + era * 400 + (month <= 2), month, day};
}

inline bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

inline int daysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

// The UTC offset at `pos` in seconds east of UTC: Z, +HHMM, +HH:MM, +HH, or nothing (UTC).
inline std::optional<int> readOffset(std::string_view text, size_t& pos) {
  if (pos == text.size()) return 0;
  if (text[pos] == 'Z') {
    ++pos;
    return 0;
  }
  if (text[pos] != '+' && text[pos] != '-') return std::nullopt;
  int sign = text[pos] == '-' ? -1 : 1;
  ++pos;
  auto hours = readDigits(text, pos, 2);
  if (!hours) return std::nullopt;
  int minutes = 0;
  if (pos < text.size()) {
    if (text[pos] == ':') ++pos;
    auto mm = readDigits(text, pos, 2);
    if (!mm) return std::nullopt;
    minutes = *mm;
  }
  if (*hours > 23 || minutes > 59) return std::nullopt;
  return sign * (*hours * 3600 + minutes * 60);
}

}  // namespace detail

// yyyy-MM-ddTHH:mm:ss[.fraction][Z|±HHMM|±HH:MM|±HH] to epoch milliseconds;
// no offset means UTC; digits beyond milliseconds are truncated. nullopt when
// malformed or out of range (month 13, February 30th, hour 24, ...).
inline std::optional<int64_t> parseMs(std::string_view text) {
  using detail::expect;
  using detail::readDigits;
  size_t pos = 0;
  auto year = readDigits(text, pos, 4);
  if (!year || !expect(text, pos, '-')) return std::nullopt;
  auto month = readDigits(text, pos, 2);
  if (!month || !expect(text, pos, '-')) return std::nullopt;
  auto day = readDigits(text, pos, 2);
  if (!day || !expect(text, pos, 'T')) return std::nullopt;
  auto hour = readDigits(text, pos, 2);
  if (!hour || !expect(text, pos, ':')) return std::nullopt;
  auto minute = readDigits(text, pos, 2);
  if (!minute || !expect(text, pos, ':')) return std::nullopt;
  auto second = readDigits(text, pos, 2);
  if (!second) return std::nullopt;

  int millis = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    int digits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (digits < 3) millis = millis * 10 + (text[pos] - '0');
      ++digits;
      ++pos;
    }
    if (digits == 0) return std::nullopt;
    for (int i = digits; i < 3; ++i) millis *= 10;
  }
  auto offset = detail::readOffset(text, pos);
  if (!offset || pos != text.size()) return std::nullopt;

  if (*month < 1 || *month > 12 || *day < 1 || *day > detail::daysInMonth(*year, *month)) return std::nullopt;
  if (*hour > 23 || *minute > 59 || *second > 60) return std::nullopt;

  int64_t days = detail::daysFromCivil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
  int64_t seconds = days * 86400 + *hour * 3600 + *minute * 60 + *second - *offset;
  return seconds * 1000 + millis;
}

// How a UTC time ends: "Z" (the host's API, RFC 3339) or "+0000" (Jira).
enum class UtcSuffix { Z, NumericOffset };

// yyyy-MM-ddTHH:mm:ss.SSS in UTC followed by the suffix.
inline std::string formatMs(int64_t epochMs, UtcSuffix suffix) {
  // Floor division, so times before 1970 keep a positive millisecond part.
  int64_t seconds = epochMs / 1000;
  int64_t millis = epochMs % 1000;
  if (millis < 0) {
    millis += 1000;
    seconds -= 1;
  }
  int64_t days = seconds / 86400;
  int64_t secondOfDay = seconds % 86400;
  if (secondOfDay < 0) {
    secondOfDay += 86400;
    days -= 1;
  }
  const detail::CivilDate date = detail::civilFromDays(days);
  char text[64];
  std::snprintf(text, sizeof text, "%04lld-%02u-%02uT%02d:%02d:%02d.%03d%s", static_cast<long long>(date.year),
                date.month, date.day, static_cast<int>(secondOfDay / 3600), static_cast<int>(secondOfDay / 60 % 60),
                static_cast<int>(secondOfDay % 60), static_cast<int>(millis),
                suffix == UtcSuffix::Z ? "Z" : "+0000");
  return text;
}

}  // namespace ihp::sdk::timestamp
