#include "run_secrets.h"

#include "common/random_token.h"
#include "support/json_helpers.h"

namespace ih::replay {
namespace {

using ih::mock::randomAlphanumeric;

const ih::testing::RsaKeyPair& processKeys() {
  // One key pair per test process: RSA generation is the slowest part of a run.
  static const ih::testing::RsaKeyPair keys = ih::testing::generateRsaKeyPair();
  return keys;
}

rapidjson::Value text(const std::string& value, rapidjson::Document::AllocatorType& allocator) {
  return rapidjson::Value(value.c_str(), static_cast<rapidjson::SizeType>(value.size()), allocator);
}

}  // namespace

RunSecrets generateRunSecrets(const rapidjson::Value& seed) {
  RunSecrets secrets;
  secrets.keys = &processKeys();
  secrets.adminToken = "replay-admin-" + randomAlphanumeric(24);
  if (seed.IsObject() && seed.HasMember("users") && seed["users"].IsArray()) {
    for (const auto& user : seed["users"].GetArray()) {
      if (user.HasMember("name") && user["name"].IsString()) secrets.pats[user["name"].GetString()] = randomAlphanumeric(44);
    }
  }
  return secrets;
}

std::string mockSeedJson(const rapidjson::Value& seed, const RunSecrets& secrets) {
  rapidjson::Document doc;
  doc.CopyFrom(seed, doc.GetAllocator());
  if (!doc.IsObject()) doc.SetObject();
  auto& allocator = doc.GetAllocator();
  rapidjson::Value consumer(rapidjson::kObjectType);
  consumer.AddMember("consumerKey", text(kConsumerKey, allocator), allocator);
  consumer.AddMember("name", "Integration Host (replay suite)", allocator);
  consumer.AddMember("publicKey", text(secrets.keys->publicPem, allocator), allocator);
  rapidjson::Value consumers(rapidjson::kArrayType);
  consumers.PushBack(consumer, allocator);
  doc.RemoveMember("consumers");
  doc.AddMember("consumers", consumers, allocator);
  rapidjson::Value pats(rapidjson::kArrayType);
  for (const auto& [user, token] : secrets.pats) {
    rapidjson::Value pat(rapidjson::kObjectType);
    pat.AddMember("token", text(token, allocator), allocator);
    pat.AddMember("user", text(user, allocator), allocator);
    pats.PushBack(pat, allocator);
  }
  doc.RemoveMember("pats");
  doc.AddMember("pats", pats, allocator);
  return ih::testing::toJson(doc);
}

}  // namespace ih::replay
