// tests/unit/host/support/query_plan.cpp - see query_plan.h.
#include "support/query_plan.h"

#include <algorithm>

#include "storage/query.h"

namespace ih::test {

std::vector<std::string> queryPlan(host::storage::UnitOfWork& uow, const std::string& portableSql, bool postgres) {
  host::storage::Query query(uow, (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + portableSql);
  const auto placeholders = std::count(portableSql.begin(), portableSql.end(), '?');
  for (long i = 0; i < placeholders; ++i) query.bind(int64_t{1});
  // SQLite: (id, parent, notused, detail); PostgreSQL: one text column.
  const size_t column = postgres ? 0 : 3;
  std::vector<std::string> plan;
  for (const auto& row : query.rows()) plan.push_back(row.text(column));
  return plan;
}

std::string planText(const std::vector<std::string>& plan) {
  std::string text;
  for (const auto& step : plan) text += step + "\n";
  return text;
}

}  // namespace ih::test
