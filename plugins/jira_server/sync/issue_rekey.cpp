#include "sync/issue_rekey.h"

namespace ih::jira {

ihp_status applyKeyChange(const ihp::sdk::Host& host, int64_t integrationId, const KeyChange& change) {
  // external_issue_rekey joined the host table after 1.0: older hosts lack it.
  if (!IHP_HOST_HAS(host.api(), external_issue_rekey)) {
    host.warn("issue-moved: the host cannot re-key external issues; links keep the old key");
    return IHP_OK;
  }
  ihp_status status = host.externalIssueRekey(integrationId, change.from, change.to);
  // NOT_FOUND: no org links the old key; CONFLICT: the new key is linked already.
  if (status == IHP_OK || status == IHP_E_NOT_FOUND || status == IHP_E_CONFLICT) {
    host.info(std::string("issue-moved: re-key ") + ihp::sdk::statusName(status));
    return IHP_OK;
  }
  host.error(std::string("issue-moved: re-key failed: ") + ihp::sdk::statusName(status));
  return status;
}

}  // namespace ih::jira
