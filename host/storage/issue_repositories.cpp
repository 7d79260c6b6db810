// host/storage/issue_repositories.cpp - see issue_repositories.h.
#include "storage/issue_repositories.h"

#include <functional>
#include <map>

#include "common/strings.h"
#include "storage/dialect.h"
#include "storage/query.h"
#include "storage/unit_of_work.h"

namespace ih::host::storage {

namespace {

const std::string& issueSelect() {
  static const std::string sql =
      "SELECT " + IssueRepository::issueColumns("i", "p") + " FROM issues i JOIN projects p ON p.id = i.project_id";
  return sql;
}

Issue issueFromRow(const Row& row) { return IssueRepository::issueFrom(row, 0); }

constexpr const char* kCommentColumns = "id, organization_id, issue_id, user_id, body, created_at, updated_at";

Comment commentFromRow(const Row& row) {
  return Comment{row.int64(0), row.int64(1), row.int64(2), row.optInt64(3), row.text(4), row.int64(5), row.int64(6)};
}

}  // namespace

// --- issues ------------------------------------------------------------------

// The short id is derived (upper-case project slug + number), never stored.
std::string IssueRepository::issueColumns(std::string_view issue, std::string_view project) {
  std::string columns;
  for (const char* column : {"id", "organization_id", "project_id", "short_number", "slug", "title", "status",
                             "assignee_user_id", "resolved_in_release_id", "created_at", "updated_at"}) {
    if (!columns.empty()) columns += ", ";
    columns.append(std::string_view(column) == "slug" ? project : issue).append(".").append(column);
  }
  return columns;
}

Issue IssueRepository::issueFrom(const Row& row, size_t first) {
  Issue issue;
  issue.id = row.int64(first);
  issue.organizationId = row.int64(first + 1);
  issue.projectId = row.int64(first + 2);
  issue.shortNumber = row.int64(first + 3);
  issue.shortId = toUpperAscii(row.text(first + 4)) + "-" + std::to_string(issue.shortNumber);
  issue.title = row.text(first + 5);
  issue.status = issueStatusFromString(row.text(first + 6)).value_or(IssueStatus::Unresolved);
  issue.assigneeUserId = row.optInt64(first + 7);
  issue.resolvedInReleaseId = row.optInt64(first + 8);
  issue.createdAt = row.int64(first + 9);
  issue.updatedAt = row.int64(first + 10);
  return issue;
}

Issue IssueRepository::insert(int64_t organizationId, int64_t projectId, int64_t shortNumber, const std::string& title,
                              int64_t now) {
  uow_.beginWrite();
  const int64_t id = Query(uow_,
                           "INSERT INTO issues (organization_id, project_id, short_number, title, status,"
                           " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
                         .bind(organizationId)
                         .bind(projectId)
                         .bind(shortNumber)
                         .bind(title)
                         .bind(toString(IssueStatus::Unresolved))
                         .bind(now)
                         .bind(now)
                         .scalarInt64();
  return *find(organizationId, id);
}

std::optional<Issue> IssueRepository::find(int64_t organizationId, int64_t issueId) {
  auto row =
      Query(uow_, issueSelect() + " WHERE i.id = ? AND i.organization_id = ?").bind(issueId).bind(organizationId).one();
  if (!row) return std::nullopt;
  return issueFromRow(*row);
}

namespace {

// The issues the open transaction read for change (and so holds), by id,
// as this transaction has since changed them.
struct IssuesHeldMemo {
  std::map<int64_t, Issue> byId;
};

// Applies `change` to what the open transaction keeps of the issue, if any.
void updateHeld(UnitOfWork& uow, int64_t issueId, const std::function<void(Issue&)>& change) {
  if (IssuesHeldMemo* memo = uow.transactionMemo<IssuesHeldMemo>()) {
    if (auto held = memo->byId.find(issueId); held != memo->byId.end()) change(held->second);
  }
}

}  // namespace

void IssueRepository::keepHeld(const Issue& issue) {
  if (IssuesHeldMemo* memo = uow_.transactionMemo<IssuesHeldMemo>()) memo->byId.insert_or_assign(issue.id, issue);
}

std::optional<Issue> IssueRepository::findForChange(int64_t organizationId, int64_t issueId) {
  IssuesHeldMemo* memo = uow_.transactionMemo<IssuesHeldMemo>();
  if (memo != nullptr) {
    if (auto held = memo->byId.find(issueId); held != memo->byId.end()) {
      if (held->second.organizationId != organizationId) return std::nullopt;
      return held->second;
    }
  }
  auto row = Query(uow_, issueSelect() + " WHERE i.id = ? AND i.organization_id = ?" + uow_.dialect().lockRowsOf("i"))
                 .bind(issueId)
                 .bind(organizationId)
                 .one();
  if (!row) return std::nullopt;
  Issue issue = issueFromRow(*row);
  // Kept only under the write transaction that holds the row: outside one,
  // transactionMemo has nothing, and a read before beginWrite() holds nothing.
  if (memo != nullptr) memo->byId.insert_or_assign(issueId, issue);
  return issue;
}

std::vector<Issue> IssueRepository::list(int64_t organizationId, const IssueFilter& filter) {
  std::string sql = issueSelect() + " WHERE i.organization_id = ?";
  if (filter.status) sql += " AND i.status = ?";
  // LIKE's wildcards in the user's text are escaped, so they match literally.
  std::string pattern;
  for (char c : toLowerAscii(filter.titleContains)) {
    if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
    pattern.push_back(c);
  }
  if (!pattern.empty()) sql += " AND LOWER(i.title) LIKE ? ESCAPE '\\'";
  sql += " ORDER BY i.id DESC LIMIT " + std::to_string(filter.limit);
  Query query(uow_, sql);
  query.bind(organizationId);
  if (filter.status) query.bind(toString(*filter.status));
  if (!pattern.empty()) query.bind("%" + pattern + "%");
  std::vector<Issue> issues;
  for (const auto& row : query.rows()) issues.push_back(issueFromRow(row));
  return issues;
}

void IssueRepository::setAssignee(int64_t issueId, std::optional<int64_t> userId, int64_t now) {
  uow_.beginWrite();
  Query(uow_, "UPDATE issues SET assignee_user_id = ?, updated_at = ? WHERE id = ?")
      .bind(userId)
      .bind(now)
      .bind(issueId)
      .executeWithNext();
  updateHeld(uow_, issueId, [&](Issue& issue) {
    issue.assigneeUserId = userId;
    issue.updatedAt = now;
  });
}

void IssueRepository::setStatus(int64_t issueId, IssueStatus status, std::optional<int64_t> resolvedInReleaseId,
                                int64_t now) {
  uow_.beginWrite();
  Query(uow_, "UPDATE issues SET status = ?, resolved_in_release_id = ?, updated_at = ? WHERE id = ?")
      .bind(toString(status))
      .bind(resolvedInReleaseId)
      .bind(now)
      .bind(issueId)
      .executeWithNext();
  updateHeld(uow_, issueId, [&](Issue& issue) {
    issue.status = status;
    issue.resolvedInReleaseId = resolvedInReleaseId;
    issue.updatedAt = now;
  });
}

// --- activities --------------------------------------------------------------

namespace {

constexpr const char* kInsertActivities =
    "INSERT INTO activities (organization_id, issue_id, type, user_id, data, created_at) VALUES ";
constexpr size_t kActivityColumns = 6;
constexpr size_t kActivitiesPerStatement = 16;

Query& bindActivity(Query& query, const Activity& activity) {
  return query.bind(activity.organizationId)
      .bind(activity.issueId)
      .bind(activity.type)
      .bind(activity.userId)
      .bind(activity.dataJson)
      .bind(activity.createdAt);
}

// The open transaction's add()ed activities, not stored yet.
class PendingActivities final : public UnitOfWork::DeferredWrites {
 public:
  void add(UnitOfWork& uow, const Activity& activity) {
    rows_.push_back(activity);
    if (rows_.size() >= kActivitiesPerStatement) flush(uow);
  }
  void flush(UnitOfWork& uow) override {
    if (rows_.empty()) return;
    Query query(uow, kInsertActivities + placeholderRows(kActivityColumns, rows_.size()));
    for (const Activity& activity : rows_) bindActivity(query, activity);
    rows_.clear();
    query.executeWithNext();
  }

 private:
  std::vector<Activity> rows_;
};

}  // namespace

Activity ActivityRepository::insert(Activity activity) {
  uow_.beginWrite();
  uow_.flushDeferredWrites<PendingActivities>();  // ids in the order of the calls
  Query query(uow_, kInsertActivities + placeholderRows(kActivityColumns, 1) + " RETURNING id");
  activity.id = bindActivity(query, activity).scalarInt64();
  return activity;
}

void ActivityRepository::add(const Activity& activity) {
  uow_.beginWrite();
  uow_.deferredWrites<PendingActivities>().add(uow_, activity);
}

std::vector<Activity> ActivityRepository::listForIssue(int64_t issueId, size_t limit, int64_t beforeId) {
  uow_.flushDeferredWrites<PendingActivities>();  // this transaction's own too
  std::vector<Activity> activities;
  constexpr const char* kColumns =
      "SELECT id, organization_id, issue_id, type, user_id, data, created_at FROM activities";
  constexpr const char* kNewestFirst = " ORDER BY created_at DESC, id DESC LIMIT ?";
  const auto rows = beforeId == 0
                        ? Query(uow_, std::string(kColumns) + " WHERE issue_id = ?" + kNewestFirst)
                              .bind(issueId)
                              .bind(static_cast<int64_t>(limit))
                              .rows()
                        : Query(uow_, std::string(kColumns) +
                                          " WHERE issue_id = ? AND (created_at, id) <"
                                          " (SELECT created_at, id FROM activities WHERE id = ? AND issue_id = ?)" +
                                          kNewestFirst)
                              .bind(issueId)
                              .bind(beforeId)
                              .bind(issueId)
                              .bind(static_cast<int64_t>(limit))
                              .rows();
  for (const auto& row : rows) {
    activities.push_back(
        Activity{row.int64(0), row.int64(1), row.int64(2), row.text(3), row.optInt64(4), row.text(5), row.int64(6)});
  }
  return activities;
}

void ActivityRepository::updateData(int64_t activityId, const std::string& dataJson) {
  uow_.beginWrite();
  Query(uow_, "UPDATE activities SET data = ? WHERE id = ?").bind(dataJson).bind(activityId).execute();
}

// --- comments ----------------------------------------------------------------

Comment CommentRepository::insert(Comment comment, std::optional<int64_t> activityId) {
  uow_.beginWrite();
  comment.id = Query(uow_,
                     "INSERT INTO comments (organization_id, issue_id, user_id, activity_id, body, created_at,"
                     " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
                   .bind(comment.organizationId)
                   .bind(comment.issueId)
                   .bind(comment.userId)
                   .bind(activityId)
                   .bind(comment.text)
                   .bind(comment.createdAt)
                   .bind(comment.updatedAt)
                   .scalarInt64();
  return comment;
}

std::optional<Comment> CommentRepository::find(int64_t organizationId, int64_t issueId, int64_t commentId) {
  auto row = Query(uow_, std::string("SELECT ") + kCommentColumns +
                             " FROM comments WHERE id = ? AND issue_id = ? AND organization_id = ?")
                 .bind(commentId)
                 .bind(issueId)
                 .bind(organizationId)
                 .one();
  if (!row) return std::nullopt;
  return commentFromRow(*row);
}

void CommentRepository::updateText(int64_t commentId, const std::string& text, int64_t now) {
  uow_.beginWrite();
  Query(uow_, "UPDATE comments SET body = ?, updated_at = ? WHERE id = ?")
      .bind(text)
      .bind(now)
      .bind(commentId)
      .execute();
}

std::optional<int64_t> CommentRepository::activityIdOf(int64_t commentId) {
  auto row = Query(uow_, "SELECT activity_id FROM comments WHERE id = ?").bind(commentId).one();
  if (!row) return std::nullopt;
  return row->optInt64(0);
}

}  // namespace ih::host::storage
