// bench/micro/bench_key.h - one 2048-bit RSA key pair per benchmark run,
// generated at first use (outside any timed loop) and never committed; the
// OAuth 1.0a signer and the sealed credentials use it so both see a real
// key's size.
#pragma once

#include "support/rsa_keys.h"

namespace ih::bench {

inline const ih::testing::RsaKeyPair& benchKeyPair() {
  static const ih::testing::RsaKeyPair keys = ih::testing::generateRsaKeyPair(2048);
  return keys;
}

}  // namespace ih::bench
