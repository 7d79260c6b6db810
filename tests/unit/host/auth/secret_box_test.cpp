// Secrets at rest: AES-256-GCM round trip, tamper detection, and the key
// file's creation rules.
#include "auth/secret_box.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "support/temp_dir.h"

namespace ih::host::auth {
namespace {

TEST(SecretBoxTest, SealsAndOpensWithFreshNonces) {
  const auto box = SecretBox::fromKey(std::string(32, 'a'));
  const std::string secret = R"({"access_token":"t0k3n","private_key":"-----BEGIN..."})";
  const std::string first = box.seal(secret);
  const std::string second = box.seal(secret);
  EXPECT_EQ(first.rfind("v1:", 0), 0u);
  EXPECT_NE(first, second);  // random nonce per message
  EXPECT_EQ(first.find("t0k3n"), std::string::npos);
  EXPECT_EQ(box.open(first), secret);
  EXPECT_EQ(box.open(second), secret);
  EXPECT_EQ(box.open(box.seal("")), "");
}

TEST(SecretBoxTest, DetectsTamperingAndForeignKeys) {
  const auto box = SecretBox::fromKey(std::string(32, 'a'));
  const auto other = SecretBox::fromKey(std::string(32, 'b'));
  std::string sealed = box.seal("credentials");
  EXPECT_THROW(other.open(sealed), std::runtime_error);
  // Flip one character inside the ciphertext part.
  std::string tampered = sealed;
  tampered[10] = tampered[10] == 'A' ? 'B' : 'A';
  EXPECT_THROW(box.open(tampered), std::runtime_error);
  EXPECT_THROW(box.open(sealed.substr(0, sealed.size() - 4)), std::runtime_error);
  EXPECT_THROW(box.open("v2:" + sealed.substr(3)), std::runtime_error);
  EXPECT_THROW(box.open("credentials"), std::runtime_error);
  EXPECT_THROW(box.open("v1:AAAA"), std::runtime_error);
}

// Hosts compare check values to find out whether they share a key; the value
// must tell keys apart without giving the key away.
TEST(SecretBoxTest, KeyCheckValueTellsKeysApartWithoutShowingThem) {
  const std::string key(32, 'a');
  const auto box = SecretBox::fromKey(key);
  EXPECT_EQ(box.keyCheckValue(), SecretBox::fromKey(key).keyCheckValue());
  EXPECT_NE(box.keyCheckValue(), SecretBox::fromKey(std::string(32, 'b')).keyCheckValue());
  EXPECT_EQ(box.keyCheckValue().rfind("v1:", 0), 0u);
  EXPECT_EQ(box.keyCheckValue().find("6161"), std::string::npos) << "no hex of the key";
  EXPECT_EQ(box.keyCheckValue().find(key), std::string::npos);
}

TEST(SecretBoxTest, KeyMustBe32Bytes) { EXPECT_THROW(SecretBox::fromKey("short"), std::invalid_argument); }

TEST(SecretBoxTest, KeyFileIsCreatedWithMode0600AndReused) {
  ih::testing::TempDir dir;
  const std::string path = dir.file("secret-key");
  const auto box = SecretBox::fromKeyFile(path);
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  EXPECT_EQ(info.st_size, 32);
  const std::string sealed = box.seal("persisted secret");
  // A restart loads the same key and opens what was sealed before.
  EXPECT_EQ(SecretBox::fromKeyFile(path).open(sealed), "persisted secret");
  // No temporary files are left behind.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()), 1);
}

TEST(SecretBoxTest, RefusesAKeyFileOfTheWrongSize) {
  ih::testing::TempDir dir;
  const std::string path = dir.file("secret-key");
  std::ofstream(path) << "too short";
  try {
    SecretBox::fromKeyFile(path);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("expected exactly 32"), std::string::npos) << error.what();
  }
}

TEST(SecretBoxTest, UnwritableDirectoryGivesAClearError) {
  ih::testing::TempDir dir;
  EXPECT_THROW(SecretBox::fromKeyFile(dir.file("missing/secret-key")), std::runtime_error);
}

}  // namespace
}  // namespace ih::host::auth
