// host/storage/external_issue_repository.h - external issues (remote
// tickets), their links to issues and to comments, and the per-(org,
// external issue) watermarks that order inbound events.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/records.h"

namespace ih::host::storage {

class Dialect;
class UnitOfWork;

// An issue linked to an external key (one row per issue).
struct LinkedIssueRow {
  int64_t organizationId = 0;
  int64_t issueId = 0;
  int64_t projectId = 0;
  int64_t externalIssueId = 0;
  IssueStatus status = IssueStatus::Unresolved;
  std::optional<int64_t> assigneeUserId;
};

// Where an issue linked to an external key is, without the issue's state
// (which the transaction may change after reading it: see issueLinks()).
struct IssueLinkRow {
  int64_t organizationId = 0;
  int64_t issueId = 0;
  int64_t projectId = 0;
  int64_t externalIssueId = 0;
};

// An external issue linked to an issue, with what outbound gating needs.
// An external issue as a change of a linked issue sees it: where the change
// may go out to. Without the marks, which the open transaction may still be
// writing (see advanceWatermark()).
struct LinkedExternalIssue {
  int64_t id = 0;
  int64_t organizationId = 0;
  int64_t integrationId = 0;
  std::string key;
  std::optional<std::string> goneReason;
};

class ExternalIssueRepository {
 public:
  explicit ExternalIssueRepository(UnitOfWork& uow) : uow_(uow) {}

  // Inserts or refreshes (title, description, url; clears gone) the external
  // issue of (org, integration, key).
  ExternalIssue upsert(int64_t organizationId, int64_t integrationId, const std::string& key, const std::string& title,
                       const std::string& description, const std::string& url, int64_t now);
  std::optional<ExternalIssue> findById(int64_t organizationId, int64_t externalIssueId);
  std::optional<ExternalIssue> findByKey(int64_t organizationId, int64_t integrationId, std::string_view key);
  std::vector<ExternalIssue> listForIssue(int64_t organizationId, int64_t issueId);
  // The org's external issues of the integration that are not gone, oldest first (what reconcile compares).
  std::vector<ExternalIssue> listLive(int64_t organizationId, int64_t integrationId);
  void markGone(int64_t externalIssueId, const std::string& reason);
  // Renames (integration, oldKey) to newKey in every organization that has no
  // external issue with newKey yet; the /browse/ URL follows. Returns the count.
  size_t renameKey(int64_t integrationId, std::string_view oldKey, std::string_view newKey);
  // Drops the org's external issues of the integration (and their links).
  void removeForOrganization(int64_t organizationId, int64_t integrationId);

  void linkIssue(int64_t issueId, int64_t externalIssueId);  // idempotent
  // Issues linked to (integration, key) in organizations that link the
  // integration; `organizationId` restricts to one of them.
  std::vector<LinkedIssueRow> linkedIssues(int64_t integrationId, std::string_view key,
                                           std::optional<int64_t> organizationId = std::nullopt);
  // Its statement (`?`: integration, key[, organization]), for EXPLAIN in tests.
  static std::string linkedIssuesSql(bool oneOrganization);
  // linkedIssues() without the issues' state, read once per transaction: a
  // later call for the same (integration, key) in the same transaction
  // sends nothing (UnitOfWork::transactionMemo), unless this repository has
  // changed links, external issues or org links since. An inbound delivery
  // asks for them three times (assignee, status, sync log).
  std::vector<IssueLinkRow> issueLinks(int64_t integrationId, std::string_view key,
                                       std::optional<int64_t> organizationId = std::nullopt);
  // Holds the rows of the organization's issues linked to (integration, key)
  // until the transaction ends, first waiting for a transaction that changed
  // one of them (a user's assignment, with its outbound job) to commit. On
  // PostgreSQL an inbound change must see that job or be seen by it; SQLite's
  // single writer already serialises them, so it does nothing there. A
  // second call for the same ticket in one transaction sends nothing
  // (UnitOfWork::noteLockTaken).
  void lockLinkedIssues(int64_t organizationId, int64_t integrationId, std::string_view key);
  // Its statement (`?`: organization, organization, integration, key), for
  // EXPLAIN in tests.
  static std::string lockLinkedIssuesSql(const Dialect& dialect);
  // linkedIssues() across organizations, holding each listed organization's
  // rows as lockLinkedIssues() would (which then sends nothing for them):
  // one statement where an inbound assignment made two. Locks in issue id
  // order, as lockLinkedIssues() does, so the two cannot deadlock.
  // With `jobsOrderingKey`, the same read also lists that key's unfinished
  // jobs, for JobRepository's questions later in the transaction
  // (JobRepository::keepUnfinished): read after the locks, it sees the jobs
  // of a change the locks waited for.
  std::vector<LinkedIssueRow> lockedLinkedIssues(int64_t integrationId, std::string_view key,
                                                 std::string_view jobsOrderingKey = {});
  // Its statement (`?`: integration, key; the jobs' ordering key first when
  // they are read), for EXPLAIN in tests. Its rows are what issueLinks()
  // answers for the ticket later in the transaction, and its marks what the
  // advances decide by.
  static std::string lockedLinkedIssuesSql(const Dialect& dialect, bool withUnfinishedJobs = false);
  // What issueLinks() kept for the open transaction is no longer the truth:
  // for repositories that change what it reads (org links) elsewhere.
  void forgetIssueLinks();
  // The organization's external issues linked to the issue, by id: where a
  // change of the issue may go out to (domain/outbound_events.h decides).
  std::vector<LinkedExternalIssue> linkedTo(int64_t organizationId, int64_t issueId);
  // Its statement (`?`: organization, issue), for EXPLAIN in tests.
  static std::string linkedToSql();

  // Conditional updates, atomic on both backends: true when the mark moved.
  // Assignee: accepted when eventTime >= mark. Status: when eventTime > mark.
  // After lockedLinkedIssues() in the same transaction, the marks it read
  // decide and the update goes with the next statement (no round trip).
  bool advanceAssigneeWatermark(int64_t organizationId, int64_t integrationId, std::string_view key, int64_t eventTime);
  bool advanceStatusWatermark(int64_t organizationId, int64_t integrationId, std::string_view key, int64_t eventTime);

  void upsertCommentLink(int64_t commentId, int64_t externalIssueId, const std::string& externalCommentId);
  std::optional<std::string> externalCommentId(int64_t commentId, int64_t externalIssueId);

 private:
  // Moves the mark to eventTime when its rule accepts it. Where this
  // transaction read the ticket's marks under its lock (lockedLinkedIssues),
  // it decides by them and defers the write: a delivery moves both marks of
  // its ticket, in one UPDATE (PendingMarks; flushed by reads of the marks
  // and at commit).
  struct Watermark;
  bool advanceWatermark(const Watermark& watermark, int64_t organizationId, int64_t integrationId,
                        std::string_view key, int64_t eventTime);
  // Writes the marks deferred so far: before any read of them.
  void settleMarks();

  void keepIssueLinks(int64_t integrationId, std::string_view key, const std::vector<LinkedIssueRow>& rows);

  UnitOfWork& uow_;
};

}  // namespace ih::host::storage
