// plugin.cpp - the Jira Server plugin object: hook dispatch only. Every hook
// forwards to the flow that owns it (setup/, webhook/, sync/, tickets/,
// config/, uninstall/); the plugin's only state is the shared, thread-safe
// Jira response cache.
#include <string>

#include "client/response_cache.h"
#include "common/keys.h"
#include "common/replies.h"
#include "descriptor.h"
#include "ihp/sdk/plugin.hpp"
#include "config/config_hooks.h"
#include "setup/install_step_router.h"
#include "setup/oauth_callback_step.h"
#include "sync/event_dispatch.h"
#include "sync/reconcile_job.h"
#include "sync/status_job.h"
#include "tickets/link_comment_job.h"
#include "tickets/search_route.h"
#include "tickets/ticket_hooks.h"
#include "sync/remote_users.h"
#include "uninstall/webhook_removal.h"
#include "webhook/issue_updated_route.h"

namespace ih::jira {

class JiraServerPlugin final : public ihp::sdk::Plugin {
 public:
  explicit JiraServerPlugin(const ihp::sdk::Host&) {}

  ihp_status handleRequest(ihp::sdk::Host& host, const ihp_request& request, ihp::sdk::Reply& reply) override {
    switch (request.route_index) {
      case kRouteIssueUpdated: return handleIssueUpdated(host, request, reply);
      case kRouteSearch: return handleSearch(host, request, reply, responseCache_);
      default: break;
    }
    replyEmpty(reply, 404);
    return IHP_OK;
  }

  ihp_status pipelineStep(ihp::sdk::Host& host, const ihp_pipeline_call& call, ihp::sdk::Reply& reply) override {
    switch (call.step_index) {
      case kStepInstallationConfig: return runFirstInstallStep(host, call, reply);  // OAuth 1.0a or PAT
      case kStepOAuthCallback: return runOAuthCallbackStep(host, call, reply);
      default: break;
    }
    replyDetail(reply, 400, "Unknown pipeline step");
    return IHP_OK;
  }

  ihp_status issueForm(ihp::sdk::Host& host, const ihp_form_call& call, ihp::sdk::Reply& reply) override {
    return runIssueForm(host, call, reply, responseCache_);
  }

  ihp_status issueAction(ihp::sdk::Host& host, const ihp_form_call& call, ihp::sdk::Reply& reply) override {
    return runIssueAction(host, call, reply, responseCache_);
  }

  ihp_status configUpdate(ihp::sdk::Host& host, const ihp_config_call& call, ihp::sdk::Reply& reply) override {
    return runConfigUpdate(host, call, reply);
  }

  ihp_status configView(ihp::sdk::Host& host, const ihp_config_call& call, ihp::sdk::Reply& reply) override {
    return runConfigView(host, call, reply);
  }

  ihp_status handleEvent(ihp::sdk::Host& host, const ihp_event& event, ihp::sdk::Reply& reply) override {
    return handleOutboundEvent(host, event, reply, responseCache_);
  }

  ihp_status uninstall(ihp::sdk::Host& host, const ihp_uninstall_call& call, ihp::sdk::Reply& reply) override {
    return runUninstall(host, call, reply);
  }

  ihp_status remoteUsersResolve(ihp::sdk::Host& host, const ihp_remote_users_call& call,
                                ihp::sdk::Reply& reply) override {
    return runRemoteUsersResolve(host, call, reply, responseCache_);
  }

  ihp_status runJob(ihp::sdk::Host& host, const ihp_job& job, ihp::sdk::Reply& reply) override {
    const std::string_view kind = ihp::sdk::view(job.kind);
    if (kind == keys::kJobStatusInbound) return runStatusJob(host, job, reply, responseCache_);
    if (kind == keys::kJobReconcile) return runReconcileJob(host, job, reply, responseCache_);
    if (kind == kJobPostComment) return runLinkCommentJob(host, job, reply, responseCache_);
    reply.error("unknown job kind: " + std::string(kind));
    return IHP_E_PERMANENT;
  }

 private:
  ResponseCache responseCache_;
};

}  // namespace ih::jira

IHP_DEFINE_PLUGIN(ih::jira::JiraServerPlugin, ih::jira::descriptor)
