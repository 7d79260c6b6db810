// tests/unit/host/support/query_plan.h - how the backend would run a
// repository's statement, for tests that pin a plan (index lookups, no sort)
// rather than time it.
#pragma once

#include <string>
#include <vector>

#include "storage/unit_of_work.h"

namespace ih::test {

// The plan of `portableSql` with every `?` bound to 1: on SQLite the detail
// of each EXPLAIN QUERY PLAN step ("SEARCH e USING INDEX ...", "SCAN g",
// "USE TEMP B-TREE FOR ORDER BY"); on PostgreSQL EXPLAIN's text lines.
std::vector<std::string> queryPlan(host::storage::UnitOfWork& uow, const std::string& portableSql, bool postgres);

// The whole plan as one text, one step a line (for failure messages).
std::string planText(const std::vector<std::string>& plan);

}  // namespace ih::test
