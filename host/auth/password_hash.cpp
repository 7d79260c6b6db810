// host/auth/password_hash.cpp - see password_hash.h.
#include "auth/password_hash.h"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <charconv>
#include <memory>
#include <stdexcept>
#include <vector>

#include "auth/crypto.h"

namespace ih::host::auth {

namespace {

constexpr std::string_view kScryptPrefix = "$scrypt$";
constexpr size_t kSaltBytes = 16;
constexpr size_t kHashBytes = 32;

// Bounds for parameters read back from storage: N up to 2^20 with r 16 is 2 GiB
// already, so anything beyond is refused rather than attempted.
constexpr uint32_t kMaxLogN = 20;
constexpr uint32_t kMaxR = 16;
constexpr uint32_t kMaxP = 16;
constexpr uint64_t kMaxMemoryBytes = uint64_t{1} << 31;

struct KdfDeleter {
  void operator()(EVP_KDF* kdf) const { EVP_KDF_free(kdf); }
  void operator()(EVP_KDF_CTX* ctx) const { EVP_KDF_CTX_free(ctx); }
};

bool validParams(const ScryptParams& params) {
  return params.logN >= 1 && params.logN <= kMaxLogN && params.r >= 1 && params.r <= kMaxR && params.p >= 1 &&
         params.p <= kMaxP;
}

std::string derive(std::string_view password, std::string_view salt, const ScryptParams& params) {
  std::unique_ptr<EVP_KDF, KdfDeleter> kdf(EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_SCRYPT, nullptr));
  std::unique_ptr<EVP_KDF_CTX, KdfDeleter> ctx(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr);
  if (!ctx) {
    ERR_clear_error();
    throw std::runtime_error("scrypt is not available from OpenSSL");
  }
  static char empty = 0;  // OpenSSL wants a pointer even for an empty password
  uint64_t n = uint64_t{1} << params.logN;
  uint32_t r = params.r;
  uint32_t p = params.p;
  uint64_t maxMemory = kMaxMemoryBytes;
  OSSL_PARAM settings[] = {
      OSSL_PARAM_construct_octet_string(
          OSSL_KDF_PARAM_PASSWORD, password.empty() ? &empty : const_cast<char*>(password.data()), password.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char*>(salt.data()), salt.size()),
      OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
      OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
      OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
      OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxMemory),
      OSSL_PARAM_construct_end(),
  };
  std::string out(kHashBytes, '\0');
  if (EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), out.size(), settings) != 1) {
    ERR_clear_error();
    throw std::runtime_error("scrypt derivation failed");
  }
  return out;
}

std::optional<uint32_t> number(std::string_view text) {
  uint32_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "ln=15,r=8,p=3" in this order.
std::optional<ScryptParams> parseParams(std::string_view text) {
  ScryptParams params;
  const std::pair<std::string_view, uint32_t*> expected[] = {
      {"ln=", &params.logN}, {"r=", &params.r}, {"p=", &params.p}};
  for (size_t i = 0; i < 3; ++i) {
    const auto& [name, target] = expected[i];
    if (text.substr(0, name.size()) != name) return std::nullopt;
    text.remove_prefix(name.size());
    const size_t comma = text.find(',');
    if ((comma == std::string_view::npos) != (i == 2)) return std::nullopt;
    std::optional<uint32_t> value = number(text.substr(0, comma));
    if (!value) return std::nullopt;
    *target = *value;
    text.remove_prefix(comma == std::string_view::npos ? text.size() : comma + 1);
  }
  if (!validParams(params)) return std::nullopt;
  return params;
}

struct Parsed {
  ScryptParams params;
  std::string salt;
  std::string hash;
};

std::optional<Parsed> parse(std::string_view encoded) {
  if (encoded.substr(0, kScryptPrefix.size()) != kScryptPrefix) return std::nullopt;
  encoded.remove_prefix(kScryptPrefix.size());
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    const size_t dollar = encoded.find('$', start);
    parts.push_back(encoded.substr(start, dollar == std::string_view::npos ? std::string_view::npos : dollar - start));
    if (dollar == std::string_view::npos) break;
    start = dollar + 1;
  }
  if (parts.size() != 3) return std::nullopt;
  std::optional<ScryptParams> params = parseParams(parts[0]);
  std::optional<std::string> salt = base64UrlDecode(parts[1]);
  std::optional<std::string> hash = base64UrlDecode(parts[2]);
  if (!params || !salt || salt->empty() || !hash || hash->size() != kHashBytes) return std::nullopt;
  return Parsed{*params, std::move(*salt), std::move(*hash)};
}

}  // namespace

std::string hashPassword(std::string_view password, const ScryptParams& params) {
  if (!validParams(params)) throw std::invalid_argument("scrypt parameters out of range");
  const std::string salt = randomBytes(kSaltBytes);
  return std::string(kScryptPrefix) + "ln=" + std::to_string(params.logN) + ",r=" + std::to_string(params.r) +
         ",p=" + std::to_string(params.p) + "$" + base64UrlEncode(salt) + "$" +
         base64UrlEncode(derive(password, salt, params));
}

bool verifyPassword(std::string_view password, std::string_view encoded) {
  std::optional<Parsed> parsed = parse(encoded);
  if (!parsed) return false;
  return constantTimeEquals(derive(password, parsed->salt, parsed->params), parsed->hash);
}

std::optional<ScryptParams> scryptParamsOf(std::string_view encoded) {
  std::optional<Parsed> parsed = parse(encoded);
  if (!parsed) return std::nullopt;
  return parsed->params;
}

bool needsRehash(std::string_view encoded, const ScryptParams& current) {
  std::optional<ScryptParams> params = scryptParamsOf(encoded);
  return !params || !(*params == current);
}

}  // namespace ih::host::auth
