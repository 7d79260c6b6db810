// host/storage/issue_repositories.h - repositories of issues, their
// activities and their comments. Lookups that take an organization id only
// ever return that organization's rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/records.h"

namespace ih::host::storage {

class Row;
class UnitOfWork;

// Which issues of an organization a list shows (the web app's issue list).
struct IssueFilter {
  std::optional<IssueStatus> status;
  std::string titleContains;  // case-insensitive; "" = any
  size_t limit = 100;
};

class IssueRepository {
 public:
  explicit IssueRepository(UnitOfWork& uow) : uow_(uow) {}
  // shortNumber comes from ProjectRepository::nextShortNumber.
  Issue insert(int64_t organizationId, int64_t projectId, int64_t shortNumber, const std::string& title, int64_t now);
  std::optional<Issue> find(int64_t organizationId, int64_t issueId);
  // The same, holding the row until the transaction ends (PostgreSQL; SQLite's
  // single writer already does): for a read-modify-write of the issue, so a
  // concurrent change (an inbound sync) is waited for and read, not missed.
  // Read once per transaction (UnitOfWork::transactionMemo): the row is held
  // from then on, and this repository's writes update what was kept, so an
  // inbound delivery's assignee and status changes read the issue once.
  std::optional<Issue> findForChange(int64_t organizationId, int64_t issueId);
  // An issue this transaction read while holding its row (another
  // repository's locked read): findForChange() answers with it from now on.
  void keepHeld(const Issue& issue);
  // The columns an Issue is read from, of the issue's and its project's
  // aliases in a statement, and the Issue from them (from column `first`).
  static std::string issueColumns(std::string_view issue, std::string_view project);
  static Issue issueFrom(const Row& row, size_t first);
  // The organization's issues matching the filter, newest first.
  std::vector<Issue> list(int64_t organizationId, const IssueFilter& filter);
  // Both are stored with the transaction's next statement
  // (Query::executeWithNext); a failure is thrown there.
  void setAssignee(int64_t issueId, std::optional<int64_t> userId, int64_t now);
  void setStatus(int64_t issueId, IssueStatus status, std::optional<int64_t> resolvedInReleaseId, int64_t now);

 private:
  UnitOfWork& uow_;
};

class ActivityRepository {
 public:
  explicit ActivityRepository(UnitOfWork& uow) : uow_(uow) {}
  Activity insert(Activity activity);  // id filled in
  // insert() for a caller that needs no id: stored with the transaction's
  // other such activities, in one statement at commit (or before this
  // transaction reads activities). An applier's batch of inbound changes
  // adds one each.
  void add(const Activity& activity);
  // Newest first (created_at, then id).
  // Newest first (ties by id), at most `limit`, after the activity `beforeId`
  // of the issue in that order (0: from the newest; an unknown id: none).
  std::vector<Activity> listForIssue(int64_t issueId, size_t limit, int64_t beforeId = 0);
  void updateData(int64_t activityId, const std::string& dataJson);

 private:
  UnitOfWork& uow_;
};

class CommentRepository {
 public:
  explicit CommentRepository(UnitOfWork& uow) : uow_(uow) {}
  // activityId: the "note" activity that shows the comment.
  Comment insert(Comment comment, std::optional<int64_t> activityId);
  std::optional<Comment> find(int64_t organizationId, int64_t issueId, int64_t commentId);
  void updateText(int64_t commentId, const std::string& text, int64_t now);
  std::optional<int64_t> activityIdOf(int64_t commentId);

 private:
  UnitOfWork& uow_;
};

}  // namespace ih::host::storage
