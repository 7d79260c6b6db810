// host/http/address_deny_list.h - the networks plugins' outbound calls may not
// reach (--outbound-deny), checked on the address a name resolves to, right
// before connecting to exactly that address.
//
// Why: an org owner types the Jira URL, so without a check the host would POST
// wherever they point it, cloud metadata services (169.254.169.254) included
// (SSRF). Loopback and private ranges stay reachable by default because
// self-hosted Jiras live there; an operator who has none can deny them too.
#pragma once

#include <Poco/Net/IPAddress.h>

#include <string>
#include <string_view>
#include <vector>

namespace ih::host::http {

// The default of --outbound-deny: link-local (metadata services), IPv6
// link-local and "this network" (0.0.0.0 connects to the local host).
inline constexpr std::string_view kDefaultOutboundDeny = "169.254.0.0/16,fe80::/10,0.0.0.0/8";

class AddressDenyList {
 public:
  AddressDenyList() = default;
  // "CIDR,CIDR,..." (IPv4 or IPv6, a bare address = one host; blanks around
  // entries ignored; "" = deny nothing). Throws std::invalid_argument naming
  // the first bad entry.
  static AddressDenyList parse(std::string_view list);

  // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is judged as its IPv4 address,
  // so the mapping cannot smuggle a denied address past an IPv4 entry; "::"
  // is judged as 0.0.0.0, which it means to a connect.
  bool denies(const Poco::Net::IPAddress& address) const;
  bool empty() const { return networks_.empty(); }

 private:
  struct Network {
    Poco::Net::IPAddress base;  // already masked
    Poco::Net::IPAddress mask;
  };
  std::vector<Network> networks_;
};

}  // namespace ih::host::http
