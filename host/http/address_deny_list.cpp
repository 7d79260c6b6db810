#include "http/address_deny_list.h"

#include <Poco/Exception.h>

#include <charconv>
#include <stdexcept>

namespace ih::host::http {

namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

Poco::Net::IPAddress unmapped(const Poco::Net::IPAddress& address) {
  if (address.family() != Poco::Net::IPAddress::IPv6) return address;
  // "::" connects to the local host just as 0.0.0.0 does (Linux turns it into
  // ::1), so it is judged as 0.0.0.0: the entry that denies one denies both.
  if (address.isWildcard()) return Poco::Net::IPAddress(Poco::Net::IPAddress::IPv4);
  if (!address.isIPv4Mapped()) return address;
  const auto* bytes = static_cast<const unsigned char*>(address.addr());
  return Poco::Net::IPAddress(bytes + 12, 4);
}

}  // namespace

AddressDenyList AddressDenyList::parse(std::string_view list) {
  AddressDenyList result;
  while (!list.empty()) {
    const size_t comma = list.find(',');
    const std::string_view entry = trimmed(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    if (entry.empty()) continue;
    const size_t slash = entry.find('/');
    Poco::Net::IPAddress base;
    if (!Poco::Net::IPAddress::tryParse(std::string(entry.substr(0, slash)), base)) {
      throw std::invalid_argument("'" + std::string(entry) + "' is not an address or CIDR network");
    }
    const unsigned maxPrefix = base.family() == Poco::Net::IPAddress::IPv4 ? 32 : 128;
    unsigned prefix = maxPrefix;
    if (slash != std::string_view::npos) {
      const std::string_view digits = entry.substr(slash + 1);
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
      if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty() || prefix > maxPrefix) {
        throw std::invalid_argument("'" + std::string(entry) + "' has a bad prefix length");
      }
    }
    const Poco::Net::IPAddress mask(prefix, base.family());
    result.networks_.push_back(Network{base & mask, mask});
  }
  return result;
}

bool AddressDenyList::denies(const Poco::Net::IPAddress& address) const {
  const Poco::Net::IPAddress judged = unmapped(address);
  for (const auto& network : networks_) {
    if (network.base.family() == judged.family() && (judged & network.mask) == network.base) return true;
  }
  return false;
}

}  // namespace ih::host::http
