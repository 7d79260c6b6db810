// host/plugins/uninstall_job_runner.cpp - see uninstall_job_runner.h.
#include "plugins/uninstall_job_runner.h"

#include <Poco/Logger.h>

#include "common/errors.h"
#include "domain/integration_service.h"
#include "ihp/sdk/json.hpp"
#include "plugins/host_json.h"
#include "plugins/host_services.h"
#include "plugins/plugin_job_outcome.h"
#include "plugins/plugin_registry.h"
#include "storage/database.h"

namespace ih::host::plugins {

jobs::JobOutcome UninstallJobRunner::run(const storage::Job& job, jobs::JobCompletion& /*completion*/) {
  namespace json = ihp::sdk::json;
  if (job.kind != kKind) return jobs::JobOutcome::dead("unknown host job kind '" + job.kind + "'");
  json::Document payload;
  std::optional<int64_t> integrationId;
  std::optional<std::string> provider;
  if (json::parseObject(job.payloadJson, payload)) {
    integrationId = json::int64(payload, "integrationId");
    provider = json::string(payload, "provider");
  }
  if (!integrationId || !provider) return jobs::JobOutcome::dead("malformed integration.uninstall payload");
  LoadedPlugin* plugin = registry_.find(*provider);
  if (plugin == nullptr) return jobs::JobOutcome::dead("plugin '" + *provider + "' is not loaded");

  try {
    auto uow = services_.database.begin();
    auto integration = services_.integrations.find(*uow, *provider, *integrationId);
    if (!integration || integration->status != storage::IntegrationStatus::PendingDeletion) {
      Poco::Logger::get("plugins").information("integration %s: no longer pending deletion; uninstall skipped",
                                               std::to_string(*integrationId));
      return jobs::JobOutcome::done();
    }
    std::string credentials = services_.integrations.credentials(*uow, *integrationId, 0).value_or("{}");
    CallScope scope{*uow};
    HookReply reply = plugin->uninstall(scope, *integrationId, json_out::integration(*integration), credentials,
                                        attemptOf(job));
    if (reply.status == IHP_E_UNSUPPORTED) reply.status = IHP_OK;  // no hook: nothing remote to remove
    jobs::JobOutcome outcome = jobOutcomeFor(reply);
    if (outcome.kind != jobs::JobOutcome::Kind::Done) {
      uow->rollback();
      return outcome;
    }
    services_.integrations.remove(*uow, *integrationId);
    uow->commit();
    return outcome;
  } catch (const ServiceUnavailableError& e) {
    return jobs::JobOutcome::retry(e.what());  // the hook passed its deadline; rolled back
  } catch (const std::exception&) {
    return jobs::JobOutcome::retry("the uninstall's unit of work failed");
  }
}

}  // namespace ih::host::plugins
