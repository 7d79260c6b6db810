// host/storage/external_issue_repository.cpp - see external_issue_repository.h.
#include "storage/external_issue_repository.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "storage/dialect.h"
#include "storage/issue_repositories.h"
#include "storage/job_repository.h"
#include "storage/query.h"
#include "storage/unit_of_work.h"

namespace ih::host::storage {

namespace {

constexpr const char* kExternalColumns =
    "e.id, e.organization_id, e.integration_id, e.external_key, e.title, e.description, e.url, e.gone_reason,"
    " e.assignee_watermark, e.status_watermark, e.created_at";

ExternalIssue externalFromRow(const Row& row) {
  ExternalIssue issue;
  issue.id = row.int64(0);
  issue.organizationId = row.int64(1);
  issue.integrationId = row.int64(2);
  issue.key = row.text(3);
  issue.title = row.text(4);
  issue.description = row.text(5);
  issue.url = row.text(6);
  issue.goneReason = row.optText(7);
  issue.assigneeWatermark = row.int64(8);
  issue.statusWatermark = row.int64(9);
  issue.createdAt = row.int64(10);
  return issue;
}

// The watermarks of one (organization, integration, key).
struct TicketMarks {
  int64_t externalIssueId = 0;
  int64_t assignee = 0;
  int64_t status = 0;
};

// Marks advanced by the kept marks of the open transaction, not yet
// written: each ticket's in one statement. The CASEs keep a mark from
// moving back, as the single-column UPDATEs' conditions did.
class PendingMarks final : public UnitOfWork::DeferredWrites {
 public:
  void note(const TicketMarks& marks) { byExternalIssue_.insert_or_assign(marks.externalIssueId, marks); }
  void flush(UnitOfWork& uow) override {
    const std::map<int64_t, TicketMarks> pending = std::move(byExternalIssue_);
    byExternalIssue_.clear();
    for (const auto& [externalIssueId, marks] : pending) {
      Query(uow,
            "UPDATE external_issues SET"
            " assignee_watermark = CASE WHEN assignee_watermark < ? THEN ? ELSE assignee_watermark END,"
            " status_watermark = CASE WHEN status_watermark < ? THEN ? ELSE status_watermark END WHERE id = ?")
          .bind(marks.assignee)
          .bind(marks.assignee)
          .bind(marks.status)
          .bind(marks.status)
          .bind(externalIssueId)
          .executeWithNext();
    }
  }

 private:
  std::map<int64_t, TicketMarks> byExternalIssue_;
};

// The links of each (integration, key) read in the open transaction, in
// every organization that links the integration, ordered as linkedIssues().
// And the marks of each ticket read under its lock: a transaction that holds
// a ticket's issues is the only one that may move its marks (every advance
// locks them first, InboundSync::orderEvent), so the marks stay what this
// transaction read and wrote until it ends.
// And, for each issue read so whose one link is that ticket, the ticket:
// all that linkedTo() would read for the change the delivery makes next.
struct IssueLinksMemo {
  std::map<std::pair<int64_t, std::string>, std::vector<IssueLinkRow>> byTicket;
  std::map<std::tuple<int64_t, int64_t, std::string>, TicketMarks> marksByTicket;
  std::map<int64_t, LinkedExternalIssue> onlyLinkByIssue;
};

}  // namespace

// A watermark column and its rule.
struct ExternalIssueRepository::Watermark {
  const char* column;
  bool assignee;  // else the status mark
  bool acceptsEqual;
  // True when an event at `eventTime` moves `mark`.
  bool accepts(int64_t mark, int64_t eventTime) const { return acceptsEqual ? mark <= eventTime : mark < eventTime; }

  static const Watermark kAssignee;
  static const Watermark kStatus;
};
// An assignee event equal to the mark is re-applied (idempotent: same user, no change).
const ExternalIssueRepository::Watermark ExternalIssueRepository::Watermark::kAssignee{"assignee_watermark", true,
                                                                                       true};
// A status event equal to the mark is a duplicate delivery: it must not enqueue again.
const ExternalIssueRepository::Watermark ExternalIssueRepository::Watermark::kStatus{"status_watermark", false, false};

namespace {

std::optional<ExternalIssue> externalFrom(std::optional<Row> row) {
  if (!row) return std::nullopt;
  return externalFromRow(*row);
}

}  // namespace

ExternalIssue ExternalIssueRepository::upsert(int64_t organizationId, int64_t integrationId, const std::string& key,
                                              const std::string& title, const std::string& description,
                                              const std::string& url, int64_t now) {
  uow_.beginWrite();
  forgetIssueLinks();
  settleMarks();
  Query(uow_,
        "INSERT INTO external_issues (organization_id, integration_id, external_key, title, description, url,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (organization_id, integration_id, external_key) DO UPDATE SET title = excluded.title,"
        " description = excluded.description, url = excluded.url, gone_reason = NULL")
      .bind(organizationId)
      .bind(integrationId)
      .bind(key)
      .bind(title)
      .bind(description)
      .bind(url)
      .bind(now)
      .execute();
  return *findByKey(organizationId, integrationId, key);
}

std::optional<ExternalIssue> ExternalIssueRepository::findById(int64_t organizationId, int64_t externalIssueId) {
  settleMarks();
  return externalFrom(Query(uow_, std::string("SELECT ") + kExternalColumns +
                                      " FROM external_issues e WHERE e.id = ? AND e.organization_id = ?")
                          .bind(externalIssueId)
                          .bind(organizationId)
                          .one());
}

std::optional<ExternalIssue> ExternalIssueRepository::findByKey(int64_t organizationId, int64_t integrationId,
                                                                std::string_view key) {
  settleMarks();
  return externalFrom(Query(uow_, std::string("SELECT ") + kExternalColumns +
                                      " FROM external_issues e"
                                      " WHERE e.organization_id = ? AND e.integration_id = ? AND e.external_key = ?")
                          .bind(organizationId)
                          .bind(integrationId)
                          .bind(key)
                          .one());
}

std::vector<ExternalIssue> ExternalIssueRepository::listForIssue(int64_t organizationId, int64_t issueId) {
  settleMarks();
  std::vector<ExternalIssue> issues;
  const auto rows = Query(uow_, std::string("SELECT ") + kExternalColumns +
                                    " FROM external_issues e JOIN issue_external_links x ON x.external_issue_id = e.id"
                                    " WHERE x.issue_id = ? AND e.organization_id = ? ORDER BY e.id")
                        .bind(issueId)
                        .bind(organizationId)
                        .rows();
  for (const auto& row : rows) issues.push_back(externalFromRow(row));
  return issues;
}

std::vector<ExternalIssue> ExternalIssueRepository::listLive(int64_t organizationId, int64_t integrationId) {
  settleMarks();
  std::vector<ExternalIssue> issues;
  const auto rows = Query(uow_, std::string("SELECT ") + kExternalColumns +
                                    " FROM external_issues e WHERE e.organization_id = ? AND e.integration_id = ?"
                                    " AND e.gone_reason IS NULL ORDER BY e.id")
                        .bind(organizationId)
                        .bind(integrationId)
                        .rows();
  for (const auto& row : rows) issues.push_back(externalFromRow(row));
  return issues;
}

void ExternalIssueRepository::markGone(int64_t externalIssueId, const std::string& reason) {
  uow_.beginWrite();
  forgetIssueLinks();
  Query(uow_, "UPDATE external_issues SET gone_reason = ? WHERE id = ?").bind(reason).bind(externalIssueId).execute();
}

size_t ExternalIssueRepository::renameKey(int64_t integrationId, std::string_view oldKey, std::string_view newKey) {
  uow_.beginWrite();
  forgetIssueLinks();
  return Query(uow_,
               "UPDATE external_issues SET external_key = ?, url = REPLACE(url, ?, ?)"
               " WHERE integration_id = ? AND external_key = ? AND NOT EXISTS ("
               " SELECT 1 FROM external_issues other WHERE other.organization_id = external_issues.organization_id"
               " AND other.integration_id = external_issues.integration_id AND other.external_key = ?)")
      .bind(newKey)
      .bind("/browse/" + std::string(oldKey))
      .bind("/browse/" + std::string(newKey))
      .bind(integrationId)
      .bind(oldKey)
      .bind(newKey)
      .execute();
}

void ExternalIssueRepository::removeForOrganization(int64_t organizationId, int64_t integrationId) {
  uow_.beginWrite();
  forgetIssueLinks();
  const char* const statements[] = {
      "DELETE FROM comment_external_links WHERE external_issue_id IN"
      " (SELECT id FROM external_issues WHERE organization_id = ? AND integration_id = ?)",
      "DELETE FROM issue_external_links WHERE external_issue_id IN"
      " (SELECT id FROM external_issues WHERE organization_id = ? AND integration_id = ?)",
      "DELETE FROM external_issues WHERE organization_id = ? AND integration_id = ?",
  };
  for (const char* sql : statements) Query(uow_, sql).bind(organizationId).bind(integrationId).execute();
}

void ExternalIssueRepository::linkIssue(int64_t issueId, int64_t externalIssueId) {
  uow_.beginWrite();
  forgetIssueLinks();
  Query(uow_, "INSERT INTO issue_external_links (issue_id, external_issue_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
      .bind(issueId)
      .bind(externalIssueId)
      .execute();
}

namespace {

// What UnitOfWork::noteLockTaken knows a ticket's lock by, per organization.
std::string linkedIssuesLockName(int64_t organizationId, int64_t integrationId, std::string_view key) {
  return "linked-issues " + std::to_string(organizationId) + " " + std::to_string(integrationId) + " " +
         std::string(key);
}

LinkedIssueRow linkedIssueFromRow(const Row& row) {
  return LinkedIssueRow{row.int64(0),
                        row.int64(1),
                        row.int64(2),
                        row.int64(3),
                        issueStatusFromString(row.text(4)).value_or(IssueStatus::Unresolved),
                        row.optInt64(5)};
}

}  // namespace

namespace {

// From the key to its few links to their issues, in that order, whatever
// the statistics say: otherwise a delivery walks every issue of the
// organization, under the write lock of an inbound delivery.
// - CROSS JOIN is SQLite's way to fix the join order; without it SQLite (no
//   ANALYZE statistics) walks issues_by_organization for the ORDER BY.
// - PostgreSQL plans CROSS JOIN like JOIN, and before its first ANALYZE it
//   drove from the key's organization into issues_by_organization (0.5 ms
//   a call with 200 issues). `+g.organization_id` is not an index column to
//   either planner, so the only way into issues is by id, from the links.
// The few rows are sorted afterwards. `withIssues` adds the ticket's
// gone_reason and how many links each issue has (kOnlyLinkFrom), then each
// issue's whole row (IssueRepository::issueColumns) from kIssueColumnsFrom on.
constexpr size_t kOnlyLinkFrom = 8;
constexpr size_t kIssueColumnsFrom = 10;
std::string linkedIssuesSelect(bool oneOrganization, bool withIssues, const std::string& lastColumn = "") {
  std::string sql =
      "SELECT g.organization_id, g.id, g.project_id, e.id, g.status, g.assignee_user_id,"
      " e.assignee_watermark, e.status_watermark";
  if (withIssues) {
    sql += ", e.gone_reason, (SELECT count(*) FROM issue_external_links y WHERE y.issue_id = g.id), " +
           IssueRepository::issueColumns("g", "p");
  }
  if (!lastColumn.empty()) sql += ", " + lastColumn;
  sql += " FROM external_issues e CROSS JOIN issue_external_links x CROSS JOIN issues g";
  if (withIssues) sql += " CROSS JOIN projects p";
  sql +=
      " WHERE e.integration_id = ? AND e.external_key = ?"
      " AND x.external_issue_id = e.id"
      " AND g.id = x.issue_id AND +g.organization_id = e.organization_id"
      " AND EXISTS (SELECT 1 FROM org_integrations l"
      "  WHERE l.organization_id = e.organization_id AND l.integration_id = e.integration_id)";
  if (withIssues) sql += " AND p.id = g.project_id";
  if (oneOrganization) sql += " AND e.organization_id = ?";
  return sql;
}

}  // namespace

std::string ExternalIssueRepository::linkedIssuesSql(bool oneOrganization) {
  return linkedIssuesSelect(oneOrganization, false) + " ORDER BY g.organization_id, g.id";
}

std::vector<LinkedIssueRow> ExternalIssueRepository::linkedIssues(int64_t integrationId, std::string_view key,
                                                                  std::optional<int64_t> organizationId) {
  settleMarks();
  Query query(uow_, linkedIssuesSql(organizationId.has_value()));
  query.bind(integrationId).bind(key);
  if (organizationId) query.bind(*organizationId);
  std::vector<LinkedIssueRow> linked;
  for (const auto& row : query.rows()) linked.push_back(linkedIssueFromRow(row));
  return linked;
}

namespace {

std::vector<IssueLinkRow> linksOf(const std::vector<LinkedIssueRow>& rows) {
  std::vector<IssueLinkRow> links;
  for (const LinkedIssueRow& row : rows) {
    links.push_back(IssueLinkRow{row.organizationId, row.issueId, row.projectId, row.externalIssueId});
  }
  return links;
}

}  // namespace

std::vector<IssueLinkRow> ExternalIssueRepository::issueLinks(int64_t integrationId, std::string_view key,
                                                              std::optional<int64_t> organizationId) {
  IssueLinksMemo* memo = uow_.transactionMemo<IssueLinksMemo>();
  std::pair<int64_t, std::string> ticket{integrationId, std::string(key)};
  const std::vector<IssueLinkRow>* all = nullptr;
  if (memo != nullptr) {
    if (auto kept = memo->byTicket.find(ticket); kept != memo->byTicket.end()) all = &kept->second;
  }
  std::vector<IssueLinkRow> read;
  if (all == nullptr) {
    read = linksOf(linkedIssues(integrationId, key));
    all = memo != nullptr ? &memo->byTicket.insert_or_assign(std::move(ticket), std::move(read)).first->second : &read;
  }
  std::vector<IssueLinkRow> links;
  for (const IssueLinkRow& link : *all) {
    if (!organizationId || link.organizationId == *organizationId) links.push_back(link);
  }
  return links;
}

void ExternalIssueRepository::keepIssueLinks(int64_t integrationId, std::string_view key,
                                             const std::vector<LinkedIssueRow>& rows) {
  IssueLinksMemo* memo = uow_.transactionMemo<IssueLinksMemo>();
  if (memo == nullptr) return;
  std::vector<IssueLinkRow> links = linksOf(rows);
  std::sort(links.begin(), links.end(), [](const IssueLinkRow& a, const IssueLinkRow& b) {
    return std::pair(a.organizationId, a.issueId) < std::pair(b.organizationId, b.issueId);
  });
  memo->byTicket.insert_or_assign(std::pair(integrationId, std::string(key)), std::move(links));
}

void ExternalIssueRepository::forgetIssueLinks() { uow_.forgetMemo<IssueLinksMemo>(); }

std::string ExternalIssueRepository::lockedLinkedIssuesSql(const Dialect& dialect, bool withUnfinishedJobs) {
  const std::string jobs = withUnfinishedJobs ? JobRepository::unfinishedOfKeyListSql(dialect) : "";
  return linkedIssuesSelect(false, true, jobs) + " ORDER BY g.id" + dialect.lockRowsOf("g");
}

namespace {

// The same rows in the same order (so two transactions cannot deadlock),
// only locked: what the locked read returns is read by its second run.
std::string lockOnlySql(const Dialect& dialect) {
  return linkedIssuesSelect(false, false) + " ORDER BY g.id" + dialect.lockRowsOf("g");
}

}  // namespace

std::vector<LinkedIssueRow> ExternalIssueRepository::lockedLinkedIssues(int64_t integrationId, std::string_view key,
                                                                        std::string_view jobsOrderingKey) {
  uow_.beginWrite();  // a lock outlives only its transaction
  settleMarks();
  const bool withJobs = !jobsOrderingKey.empty();
  const std::string sql = lockedLinkedIssuesSql(uow_.dialect(), withJobs);
  const bool locks = !uow_.dialect().lockRowsOf("g").empty();
  // A read that waited for a row lock returns the locked issues as they are
  // now, but the external issues' marks as they were when it began (READ
  // COMMITTED rechecks only the rows it locks): the marks the lock holder
  // just moved would be missed. So the locks are taken first and read
  // again by a statement that begins once they are held, in one round trip;
  // taking them again waits for nothing.
  if (locks) Query(uow_, lockOnlySql(uow_.dialect())).bind(integrationId).bind(key).executeWithNext();
  Query read(uow_, sql);
  if (withJobs) read.bind(jobsOrderingKey);
  std::optional<std::string> jobsListed;
  std::vector<LinkedIssueRow> linked;
  std::vector<std::pair<int64_t, TicketMarks>> marks;
  std::vector<Issue> issues;
  std::vector<std::pair<int64_t, LinkedExternalIssue>> onlyLinks;
  for (const auto& row : read.bind(integrationId).bind(key).rows()) {
    if (withJobs && linked.empty()) jobsListed = row.optText(row.size() - 1);  // the same on every row
    const LinkedIssueRow& issue = linked.emplace_back(linkedIssueFromRow(row));
    marks.emplace_back(issue.organizationId, TicketMarks{issue.externalIssueId, row.int64(6), row.int64(7)});
    if (row.int64(kOnlyLinkFrom + 1) == 1) {
      onlyLinks.emplace_back(issue.issueId,
                             LinkedExternalIssue{issue.externalIssueId, issue.organizationId, integrationId,
                                                 std::string(key), row.optText(kOnlyLinkFrom)});
    }
    issues.push_back(IssueRepository::issueFrom(row, kIssueColumnsFrom));
  }
  if (locks) {
    for (const LinkedIssueRow& issue : linked) {
      uow_.noteLockTaken(linkedIssuesLockName(issue.organizationId, integrationId, key));
    }
  }
  // Read under the locks just noted: the delivery changes these issues next.
  keepIssueLinks(integrationId, key, linked);
  IssueRepository held(uow_);
  for (const Issue& issue : issues) held.keepHeld(issue);
  // Without a linked issue no row came back, and nothing will ask.
  if (withJobs && !linked.empty()) JobRepository(uow_).keepUnfinished(jobsOrderingKey, jobsListed);
  if (IssueLinksMemo* memo = uow_.transactionMemo<IssueLinksMemo>()) {
    for (const auto& [organizationId, ticketMarks] : marks) {
      memo->marksByTicket.insert_or_assign(std::tuple(organizationId, integrationId, std::string(key)), ticketMarks);
    }
    for (auto& [issueId, ticket] : onlyLinks) memo->onlyLinkByIssue.insert_or_assign(issueId, std::move(ticket));
  }
  return linked;
}

std::string ExternalIssueRepository::lockLinkedIssuesSql(const Dialect& dialect) {
  // In id order, so two lockers of one ticket's issues cannot deadlock. As in
  // linkedIssuesSql, `+g.organization_id` keeps the planner from reaching the
  // issues through the organization's index: it goes from the key's links.
  return "SELECT g.id FROM issues g WHERE +g.organization_id = ? AND g.id IN"
         " (SELECT x.issue_id FROM external_issues e"
         "  JOIN issue_external_links x ON x.external_issue_id = e.id"
         "  WHERE e.organization_id = ? AND e.integration_id = ? AND e.external_key = ?)"
         " ORDER BY g.id" +
         dialect.lockRowsOf("g");
}

void ExternalIssueRepository::lockLinkedIssues(int64_t organizationId, int64_t integrationId, std::string_view key) {
  if (uow_.dialect().lockRowsOf("g").empty()) return;  // SQLite's single writer already orders them
  if (!uow_.noteLockTaken(linkedIssuesLockName(organizationId, integrationId, key))) return;
  Query(uow_, lockLinkedIssuesSql(uow_.dialect()))
      .bind(organizationId)
      .bind(organizationId)
      .bind(integrationId)
      .bind(key)
      .rows();
}

std::string ExternalIssueRepository::linkedToSql() {
  // `+e.organization_id`: the only way into external_issues is by id, from
  // the issue's links. With the organization's index in reach, PostgreSQL's
  // generic plan before the first ANALYZE sorted all of the organization's
  // external issues for a merge join, once for every change of an issue.
  return "SELECT e.id, e.organization_id, e.integration_id, e.external_key, e.gone_reason"
         " FROM issue_external_links x"
         " JOIN external_issues e ON e.id = x.external_issue_id AND +e.organization_id = ?"
         " WHERE x.issue_id = ? ORDER BY e.id";
}

std::vector<LinkedExternalIssue> ExternalIssueRepository::linkedTo(int64_t organizationId, int64_t issueId) {
  if (const IssueLinksMemo* memo = uow_.transactionMemo<IssueLinksMemo>()) {
    const auto kept = memo->onlyLinkByIssue.find(issueId);
    if (kept != memo->onlyLinkByIssue.end() && kept->second.organizationId == organizationId) return {kept->second};
  }
  std::vector<LinkedExternalIssue> linked;
  for (const auto& row : Query(uow_, linkedToSql()).bind(organizationId).bind(issueId).rows()) {
    linked.push_back(LinkedExternalIssue{row.int64(0), row.int64(1), row.int64(2), row.text(3), row.optText(4)});
  }
  return linked;
}

bool ExternalIssueRepository::advanceWatermark(const Watermark& watermark, int64_t organizationId,
                                               int64_t integrationId, std::string_view key, int64_t eventTime) {
  uow_.beginWrite();
  if (IssueLinksMemo* memo = uow_.transactionMemo<IssueLinksMemo>()) {
    const auto kept = memo->marksByTicket.find(std::tuple(organizationId, integrationId, std::string(key)));
    if (kept != memo->marksByTicket.end()) {
      int64_t& mark = watermark.assignee ? kept->second.assignee : kept->second.status;
      if (!watermark.accepts(mark, eventTime)) return false;
      mark = eventTime;
      uow_.deferredWrites<PendingMarks>().note(kept->second);
      return true;
    }
  }
  settleMarks();
  return Query(uow_, std::string("UPDATE external_issues SET ") + watermark.column +
                         " = ? WHERE organization_id = ? AND integration_id = ? AND external_key = ? AND " +
                         watermark.column + (watermark.acceptsEqual ? " <= ?" : " < ?"))
             .bind(eventTime)
             .bind(organizationId)
             .bind(integrationId)
             .bind(key)
             .bind(eventTime)
             .execute() > 0;
}

void ExternalIssueRepository::settleMarks() { uow_.flushDeferredWrites<PendingMarks>(); }

bool ExternalIssueRepository::advanceAssigneeWatermark(int64_t organizationId, int64_t integrationId,
                                                       std::string_view key, int64_t eventTime) {
  return advanceWatermark(Watermark::kAssignee, organizationId, integrationId, key, eventTime);
}

bool ExternalIssueRepository::advanceStatusWatermark(int64_t organizationId, int64_t integrationId,
                                                     std::string_view key, int64_t eventTime) {
  return advanceWatermark(Watermark::kStatus, organizationId, integrationId, key, eventTime);
}

void ExternalIssueRepository::upsertCommentLink(int64_t commentId, int64_t externalIssueId,
                                                const std::string& externalCommentId) {
  uow_.beginWrite();
  Query(uow_,
        "INSERT INTO comment_external_links (comment_id, external_issue_id, external_comment_id) VALUES (?, ?, ?)"
        " ON CONFLICT (comment_id, external_issue_id) DO UPDATE SET external_comment_id = excluded.external_comment_id")
      .bind(commentId)
      .bind(externalIssueId)
      .bind(externalCommentId)
      .execute();
}

std::optional<std::string> ExternalIssueRepository::externalCommentId(int64_t commentId, int64_t externalIssueId) {
  auto row =
      Query(uow_,
            "SELECT external_comment_id FROM comment_external_links WHERE comment_id = ? AND external_issue_id = ?")
          .bind(commentId)
          .bind(externalIssueId)
          .one();
  if (!row) return std::nullopt;
  return row->text(0);
}

}  // namespace ih::host::storage
