// tests/unit/api/plugins/api_test_plugin.cpp - an SDK plugin ("api_test")
// that exercises every hook the REST API fronts, with scripted behaviour:
//
// Routes
//   0 GET  /extensions/api-test/search/{org}/   (org member) -> {"organizationId","userId","query","phase"}
//   1 POST /extensions/api-test/hook/{token}/   (public)
//        token "ok":   enqueues job "hook" for org 0, 200 {"ok":true}
//        token "fail": enqueues the same job, then answers 500 (must roll back)
//        token "text": 200 text/plain "plain" with header X-Test: yes
//        token "defer-*": in the ACCEPT phase, reply_defer and 202 {"phase":1}; applied
//          (INLINE or APPLY) it enqueues job "deferred" whose payload is what the
//          call saw: {"phase","query","body" (hex),"header"} (header: X-Probe's value);
//          "defer-fail" then answers 500, "defer-gone" 404 (the request is dropped)
// Pipeline steps "config", "authorize"; browser callback parameter "code".
//   step 0 input {"url"}: not http(s) -> 400 {"url":["Enter a valid URL."]};
//        http://detail.test -> 400 {"detail":"Could not reach the server."};
//        http://throw.test -> throws (500); else state {"url"}, ref "ref-<ref|default>",
//        200 {"authorizeUrl": url + "/authorize"}
//   step 1 input {"code"}: missing -> 400 {"detail":"Missing code"}; "bad" -> IHP_E_UNREACHABLE;
//        "ref-bad..." -> 400 {"detail":"Rejected <code>"} (HTML escaping in the callback page);
//        else 201 {"externalId": url, "name":"Test <url>", "metadata":{"domain_name":"example.test",
//        "webhook_secret":"s3cr3t-webhook"}, "credentials":{"token":"cred-s3cr3t"}}
// issue_form   -> 200 {"fields":[...],"form":N,"context":<the context received>}
// issue_action -> link {"externalIssue"} / create {"title"}; 201 {"key","title","description","url"};
//                 a missing field -> 400 {"<field>":["This field is required."]}
// config_update -> patch key "bad" -> 400 {"bad":["Not allowed."]}; else stored+patch+{"normalised":true}
// config_view   -> stored + {"viewed":true}
#include <stdexcept>
#include <string>

#include "ihp/sdk/hex.hpp"
#include "ihp/sdk/json.hpp"
#include "ihp/sdk/plugin.hpp"

namespace {

namespace json = ihp::sdk::json;
using ihp::sdk::view;

const ihp_route kRoutes[] = {
    {IHP_STR_LIT("GET"), IHP_STR_LIT("/extensions/api-test/search/{org}/"), IHP_ROUTE_ORG_MEMBER},
    {IHP_STR_LIT("POST"), IHP_STR_LIT("/extensions/api-test/hook/{token}/"), IHP_ROUTE_PUBLIC},
};
const ihp_str kSteps[] = {IHP_STR_LIT("config"), IHP_STR_LIT("authorize")};
const ihp_str kFeatures[] = {IHP_STR_LIT("issue-basic")};

std::string valueOf(const ihp_header* pairs, size_t count, std::string_view name) {
  for (size_t i = 0; i < count; ++i) {
    if (view(pairs[i].name) == name) return std::string(view(pairs[i].value));
  }
  return {};
}

std::string pathParam(const ihp_request& request, std::string_view name) {
  return valueOf(request.path_params, request.path_param_count, name);
}

// Enqueues job `kind` (a write the tests can see), then answers 500 with
// `failBody` when `fail` (the host must roll the job back), else 200 `okBody`.
ihp_status writeThenAnswer(ihp::sdk::Host& host, ihp::sdk::Reply& reply, std::string kind, std::string payload,
                           bool fail, std::string_view failBody, std::string_view okBody) {
  ihp::sdk::Host::JobSpec job;
  job.kind = std::move(kind);
  job.payloadJson = std::move(payload);
  if (host.enqueue(job) != IHP_OK) return IHP_E_INTERNAL;
  reply.json(fail ? 500 : 200, fail ? failBody : okBody);
  return IHP_OK;
}

// Shallow merge of two JSON objects plus one extra flag.
std::string mergedWith(std::string_view stored, std::string_view patch, std::string_view flag) {
  json::Document a, b;
  if (!json::parseObject(stored, a)) a.SetObject();
  if (!json::parseObject(patch, b)) b.SetObject();
  for (auto& m : b.GetObject()) {
    json::Value key(m.name, a.GetAllocator());
    json::Value value(m.value, a.GetAllocator());
    a.RemoveMember(key);
    a.AddMember(key, value, a.GetAllocator());
  }
  json::Value key(flag.data(), static_cast<rapidjson::SizeType>(flag.size()), a.GetAllocator());
  a.RemoveMember(key);
  a.AddMember(key, json::Value(true), a.GetAllocator());
  return json::stringify(a);
}

std::string fieldError(std::string_view field, std::string_view message) {
  json::JsonBuilder b;
  b.beginObject().key(field).beginArray().value(message).endArray().endObject();
  return b.str();
}

class ApiTestPlugin : public ihp::sdk::Plugin {
 public:
  explicit ApiTestPlugin(const ihp::sdk::Host&) {}

  ihp_status handleRequest(ihp::sdk::Host& host, const ihp_request& request, ihp::sdk::Reply& reply) override {
    if (request.route_index == 0) {
      json::JsonBuilder b;
      b.beginObject()
          .field("organizationId", request.organization_id)
          .field("userId", request.user_id)
          .field("query", view(request.query))
          .field("phase", static_cast<int64_t>(ihp::sdk::phaseOf(request)))
          .endObject();
      reply.json(200, b.str());
      return IHP_OK;
    }
    const std::string token = pathParam(request, "token");
    if (token.rfind("defer", 0) == 0) return deferred(host, request, reply, token);
    if (token == "text") {
      reply.status(200).header("Content-Type", "text/plain").header("X-Test", "yes").body("plain");
      return IHP_OK;
    }
    return writeThenAnswer(host, reply, "hook", "{}", token == "fail", R"({"detail":"hook failed"})",
                           R"({"ok":true})");
  }

  static ihp_status deferred(ihp::sdk::Host& host, const ihp_request& request, ihp::sdk::Reply& reply,
                             const std::string& token) {
    const uint32_t phase = ihp::sdk::phaseOf(request);
    if (phase == IHP_REQUEST_PHASE_ACCEPT && reply.defer()) {
      reply.json(202, R"({"phase":1})");
      return IHP_OK;
    }
    if (token == "defer-gone") {
      reply.json(404, R"({"detail":"gone"})");
      return IHP_OK;
    }
    json::JsonBuilder payload;
    payload.beginObject()
        .field("phase", static_cast<int64_t>(phase))
        .field("query", view(request.query))
        .field("body", ihp::sdk::hex::encode(view(request.body)))
        .field("header", valueOf(request.headers, request.header_count, "x-probe"))
        .endObject();
    return writeThenAnswer(host, reply, "deferred", payload.str(), token == "defer-fail",
                           R"({"detail":"apply failed"})", R"({"applied":true})");
  }

  ihp_status pipelineStep(ihp::sdk::Host&, const ihp_pipeline_call& call, ihp::sdk::Reply& reply) override {
    json::Document input, state;
    if (!json::parseObject(view(call.input_json), input)) input.SetObject();
    if (!json::parseObject(view(call.state_json), state)) state.SetObject();
    return call.step_index == 0 ? configStep(input, reply) : authorizeStep(input, state, reply);
  }

  ihp_status issueForm(ihp::sdk::Host&, const ihp_form_call& call, ihp::sdk::Reply& reply) override {
    json::JsonBuilder b;
    b.beginObject()
        .key("fields")
        .beginArray()
        .beginObject()
        .field("name", call.form == IHP_FORM_LINK ? "externalIssue" : "title")
        .endObject()
        .endArray()
        .field("form", static_cast<int>(call.form))
        .rawField("context", view(call.context_json))
        .endObject();
    reply.json(200, b.str());
    return IHP_OK;
  }

  ihp_status issueAction(ihp::sdk::Host&, const ihp_form_call& call, ihp::sdk::Reply& reply) override {
    json::Document input;
    if (!json::parseObject(view(call.input_json), input)) input.SetObject();
    const bool link = call.form == IHP_FORM_LINK;
    const char* field = link ? "externalIssue" : "title";
    std::string value = json::stringOr(input, field);
    if (value.empty()) {
      reply.json(400, fieldError(field, "This field is required."));
      return IHP_OK;
    }
    const std::string key = link ? value : "TEST-" + std::to_string(++created_);
    json::JsonBuilder b;
    b.beginObject()
        .field("key", key)
        .field("title", link ? "Linked " + key : value)
        .field("description", json::stringOr(input, "description"))
        .field("url", "http://tickets.test/browse/" + key)
        .endObject();
    reply.json(201, b.str());
    return IHP_OK;
  }

  ihp_status configUpdate(ihp::sdk::Host&, const ihp_config_call& call, ihp::sdk::Reply& reply) override {
    json::Document patch;
    if (json::parseObject(view(call.patch_json), patch) && json::member(patch, "bad") != nullptr) {
      reply.json(400, fieldError("bad", "Not allowed."));
      return IHP_OK;
    }
    reply.json(200, mergedWith(view(call.stored_json), view(call.patch_json), "normalised"));
    return IHP_OK;
  }

  ihp_status configView(ihp::sdk::Host&, const ihp_config_call& call, ihp::sdk::Reply& reply) override {
    reply.json(200, mergedWith(view(call.stored_json), "{}", "viewed"));
    return IHP_OK;
  }

 private:
  static ihp_status configStep(const json::Document& input, ihp::sdk::Reply& reply) {
    const std::string url = json::stringOr(input, "url");
    if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
      reply.json(400, fieldError("url", "Enter a valid URL."));
      return IHP_OK;
    }
    if (url == "http://detail.test") {
      reply.json(400, R"({"detail":"Could not reach the server."})");
      return IHP_OK;
    }
    if (url == "http://throw.test") throw std::runtime_error("scripted failure");
    json::JsonBuilder state;
    state.beginObject().field("url", url).endObject();
    json::JsonBuilder data;
    data.beginObject().field("authorizeUrl", url + "/authorize").endObject();
    reply.pipelineState(state.str()).pipelineRef("ref-" + json::stringOr(input, "ref", "default")).json(200, data.str());
    return IHP_OK;
  }

  static ihp_status authorizeStep(const json::Document& input, const json::Document& state, ihp::sdk::Reply& reply) {
    const std::string code = json::stringOr(input, "code");
    if (code.empty()) {
      reply.json(400, R"({"detail":"Missing code"})");
      return IHP_OK;
    }
    if (code.rfind("ref-bad", 0) == 0) {
      json::JsonBuilder b;
      b.beginObject().field("detail", "Rejected <" + code + ">").endObject();
      reply.json(400, b.str());
      return IHP_OK;
    }
    if (code == "bad") {
      reply.error("Unable to reach host: example.test");
      return IHP_E_UNREACHABLE;
    }
    const std::string url = json::stringOr(state, "url");
    json::JsonBuilder b;
    b.beginObject()
        .field("externalId", url)
        .field("name", "Test " + url)
        .key("metadata")
        .beginObject()
        .field("domain_name", "example.test")
        .field("webhook_secret", "s3cr3t-webhook")
        .endObject()
        .key("credentials")
        .beginObject()
        .field("token", "cred-s3cr3t")
        .endObject()
        .endObject();
    reply.json(201, b.str());
    return IHP_OK;
  }

  int created_ = 0;
};

const ihp::sdk::Descriptor& descriptor() {
  static const ihp::sdk::Descriptor d{IHP_STR_LIT("api_test"), IHP_STR_LIT("API Test"), IHP_STR_LIT("1.2.3"),
                                      kFeatures, 1, 0, kRoutes, 2, kSteps, 2, IHP_STR_LIT("code")};
  return d;
}

}  // namespace

IHP_DEFINE_PLUGIN(ApiTestPlugin, descriptor)
