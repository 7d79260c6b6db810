#include "tickets/ticket_reply.h"

#include "common/replies.h"
#include "ihp/sdk/json.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

// Jira's {"errors":{field: message}} when the body has a non-empty one.
const json::Value* fieldErrorsOf(const json::Document& body) {
  const json::Value* errors = json::member(body, "errors");
  return errors != nullptr && errors->IsObject() && errors->MemberCount() > 0 ? errors : nullptr;
}

std::string errorMessagesOf(const json::Document& body) {
  std::string text;
  const json::Value* messages = json::member(body, "errorMessages");
  if (messages != nullptr && messages->IsArray()) {
    for (const auto& message : messages->GetArray()) {
      if (message.IsString()) text += (text.empty() ? "" : " ") + std::string(message.GetString());
    }
  }
  if (const json::Value* errors = fieldErrorsOf(body)) {
    for (const auto& member : errors->GetObject()) {
      if (member.value.IsString()) {
        text += (text.empty() ? "" : " ") + std::string(member.name.GetString()) + ": " + member.value.GetString();
      }
    }
  }
  return text.empty() ? "unknown error" : text;
}

}  // namespace

std::string browseUrl(std::string_view baseUrl, std::string_view key) {
  return std::string(baseUrl) + "/browse/" + std::string(key);
}

void replyTicket(ihp::sdk::Reply& reply, const JiraIssue& issue, std::string_view baseUrl) {
  json::JsonBuilder out;
  out.beginObject()
      .field("key", issue.key)
      .field("title", issue.summary)
      .field("description", issue.description)
      .field("url", browseUrl(baseUrl, issue.key))
      .endObject();
  reply.json(201, out.str());
}

std::string jiraErrorDetail(const ApiError& error) {
  if (error.isUnauthorized()) return std::string(kUnauthorizedDetail);
  if (error.kind() != ApiError::Kind::Http) return error.text();
  json::Document body;
  if (!json::parse(error.body(), body)) body.SetObject();
  return "Error Communicating with Jira Server (HTTP " + std::to_string(error.status()) + "): " + errorMessagesOf(body);
}

void replyJiraError(ihp::sdk::Reply& reply, const ApiError& error) {
  json::Document body;
  if (error.kind() == ApiError::Kind::Http && !error.isUnauthorized() && json::parse(error.body(), body)) {
    if (const json::Value* errors = fieldErrorsOf(body)) {
      json::JsonBuilder out;
      out.beginObject();
      for (const auto& member : errors->GetObject()) {
        out.key(std::string_view(member.name.GetString(), member.name.GetStringLength())).beginArray();
        if (member.value.IsString()) {
          out.value(std::string_view(member.value.GetString(), member.value.GetStringLength()));
        } else {
          out.value(json::stringify(member.value));
        }
        out.endArray();
      }
      out.endObject();
      reply.json(400, out.str());
      return;
    }
  }
  replyDetail(reply, 400, jiraErrorDetail(error));
}

}  // namespace ih::jira
