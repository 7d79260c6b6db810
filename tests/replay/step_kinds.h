// tests/replay/step_kinds.h - the primitive steps of the scenario format
// (docs/fixtures.md). Each runs one step object and throws StepFailure when it
// does not go as the step says; each logs what it did, one line per HTTP call.
#pragma once

#include <rapidjson/document.h>

#include "run_context.h"

namespace ih::replay {

// {"api": "POST /api/0/...", "as": "admin"|"none"|<var>, "body": {...}, "expect": {...}, "save": {...}}
void runApiStep(RunContext& context, const rapidjson::Value& step);
// {"jira": "POST /_mock/...", "body": {...}, "expect": {...}, "save": {...}, "recordOnly": true}
void runJiraStep(RunContext& context, const rapidjson::Value& step);
// {"approve": {"token": "${requestToken}", "user": "alice"}, "saveVerifier": "oauthVerifier"}
void runApproveStep(RunContext& context, const rapidjson::Value& step);
// {"deliver": 0, "expect": {"status": 200}, "event": "jira:issue_updated"}
void runDeliverStep(RunContext& context, const rapidjson::Value& step);
// {"journal": {"method", "path", "count", "statuses", "bodies", "auth", "minIntervalMs"}}
void runJournalStep(RunContext& context, const rapidjson::Value& step);

}  // namespace ih::replay
