#include "setup/installation_form.h"

#include "common/keys.h"
#include "setup/integration_builder.h"
#include "common/strings.h"
#include "setup/url_validator.h"
#include "ihp/sdk/utf8.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

// The consumer key names the integration.
constexpr size_t kMaxConsumerKeyLength = kMaxIntegrationNameLength;

constexpr const char* kRequired = "This field is required.";
constexpr const char* kNotAString = "Not a valid string.";
constexpr const char* kInvalidUrl = "Enter a valid URL.";
constexpr const char* kUrlNamesAUser =
    "Enter the URL without a user name or password: the integration signs in with OAuth or a personal access token.";
constexpr const char* kConsumerKeyTooLong = "Ensure this field has no more than 200 characters.";
constexpr const char* kInvalidPrivateKey = "Private key must be a valid SSH private key encoded in a PEM format.";
constexpr const char* kNotABoolean = "Must be a valid boolean.";

}  // namespace

// A required text field, trimmed; an absent, null or blank value is "required".
std::optional<std::string> requiredText(const json::Value& input, const char* field, FieldErrors& errors) {
  const json::Value* value = json::member(input, field);
  if (value == nullptr || value->IsNull()) {
    errors.push_back({field, kRequired});
    return std::nullopt;
  }
  if (!value->IsString()) {
    errors.push_back({field, kNotAString});
    return std::nullopt;
  }
  std::string text(trimWhitespace(std::string_view(value->GetString(), value->GetStringLength())));
  if (text.empty()) {
    errors.push_back({field, kRequired});
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> validateUrlField(const json::Value& input, FieldErrors& errors) {
  auto url = requiredText(input, "url", errors);
  if (!url) return std::nullopt;
  // Validate as typed (trimmed), then drop every trailing '/' (Sentry's rstrip).
  if (!isValidJiraUrl(*url)) {
    errors.push_back({"url", kInvalidUrl});
    return std::nullopt;
  }
  if (namesAUser(*url)) {
    errors.push_back({"url", kUrlNamesAUser});
    return std::nullopt;
  }
  return std::string(stripTrailing(*url, '/'));
}

bool validateVerifySslField(const json::Value& input, FieldErrors& errors) {
  const json::Value* verify = json::member(input, "verifySsl");
  if (verify == nullptr || verify->IsNull()) return true;
  if (verify->IsBool()) return verify->GetBool();
  errors.push_back({"verifySsl", kNotABoolean});
  return true;
}

JiraConnection InstallationData::connection() const {
  JiraConnection connection;
  connection.baseUrl = url;
  connection.verifySsl = verifySsl;
  connection.credentials.authType = AuthType::OAuth1;
  connection.credentials.consumerKey = consumerKey;
  connection.credentials.privateKey = privateKey;
  return connection;
}

void InstallationData::writeJson(json::JsonBuilder& out) const {
  out.beginObject()
      .field("url", url)
      .field(keys::kConsumerKey, consumerKey)
      .field(keys::kPrivateKey, privateKey)
      .field(keys::kVerifySsl, verifySsl)
      .endObject();
}

std::optional<InstallationData> InstallationData::fromJson(const json::Value& object) {
  InstallationData data;
  data.url = json::stringOr(object, "url");
  data.consumerKey = json::stringOr(object, keys::kConsumerKey);
  data.privateKey = json::stringOr(object, keys::kPrivateKey);
  data.verifySsl = json::boolean(object, keys::kVerifySsl).value_or(true);
  if (data.url.empty() || data.consumerKey.empty() || data.privateKey.empty()) return std::nullopt;
  return data;
}

Expected<InstallationData, FieldErrors> validateInstallationForm(const ihp::sdk::Host& host,
                                                                 const json::Value& input) {
  FieldErrors errors;
  InstallationData data;

  if (auto url = validateUrlField(input, errors)) data.url = std::move(*url);
  if (auto consumerKey = requiredText(input, "consumerKey", errors)) {
    if (ihp::sdk::utf8::codePoints(*consumerKey) > kMaxConsumerKeyLength) {
      errors.push_back({"consumerKey", kConsumerKeyTooLong});
    } else {
      data.consumerKey = std::move(*consumerKey);
    }
  }
  if (auto privateKey = requiredText(input, "privateKey", errors)) {
    // Parsed by the host (OpenSSL): unencrypted PKCS#1 or PKCS#8 PEM only.
    if (host.privateKeyCheck(*privateKey) == IHP_OK) {
      data.privateKey = std::move(*privateKey);
    } else {
      errors.push_back({"privateKey", kInvalidPrivateKey});
    }
  }
  data.verifySsl = validateVerifySslField(input, errors);

  if (!errors.empty()) return fail(std::move(errors));
  return data;
}

std::string fieldErrorsJson(const FieldErrors& errors) {
  json::JsonBuilder out;
  out.beginObject();
  for (const auto& error : errors) out.key(error.field).beginArray().value(error.message).endArray();
  out.endObject();
  return out.str();
}

}  // namespace ih::jira
