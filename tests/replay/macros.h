// tests/replay/macros.h - steps that stand for a sequence of API calls, to keep
// scenario files short where the sequence is always the same. They expand into
// ordinary steps before running (each call is logged as sub-step N.M).
//
//   {"org": {"slug": "acme", "enable": ["jira_server"], "users": {"bob": "bob@example.test"},
//            "team": "core", "project": "web", "issues": {"issue": "Disk full"}}}
//     creates the org, enables plugins, creates each user (id saved as ${bob}) as a member,
//     the team (with every user), the project, and each issue (id saved as ${issue}).
//
//   {"install": {"org": "acme", "auth": "oauth1"|"pat", "approveAs": "alice", "pat": "alice",
//                "step1Expect": {...}, "beforeComplete": [steps], "expect": {...}, "save": {...}}}
//     the install pipeline: initialize, step 1 (application link form, or the PAT form),
//     approval of the request token (oauth1), the beforeComplete steps, step 2. When
//     step1Expect expects a status other than 200 the install ends after step 1.
#pragma once

#include <rapidjson/document.h>

namespace ih::replay {

// An array of steps; throws StepFailure for a malformed macro.
rapidjson::Document expandOrg(const rapidjson::Value& step);
rapidjson::Document expandInstall(const rapidjson::Value& step);

}  // namespace ih::replay
