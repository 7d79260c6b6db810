// host/domain/issue_service.h - issues (groups): creation, assignment,
// resolution, activities, comments, and their external-issue links.
//
// Every change that actually changes something writes its activity and asks
// OutboundEvents to sync linked tickets, all in the caller's unit of work.
// A change that changes nothing (re-assigning the same user, resolving a
// resolved issue) writes nothing and syncs nothing. Activities caused by an
// integration carry data.integrationId and data.provider.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.h"
#include "common/clock.h"
#include "domain/change_source.h"
#include "domain/directory_service.h"
#include "domain/outbound_events.h"
#include "storage/issue_repositories.h"
#include "storage/records.h"
#include "storage/unit_of_work.h"

namespace ih::host::domain {

// How a resolve is recorded (the org's resolution_strategy).
enum class ResolutionMode { Plain, CurrentRelease, NextRelease };

struct ExternalIssueView {
  int64_t id = 0;
  int64_t integrationId = 0;
  std::string key;
  std::string title;
  std::string url;
};

class IssueService {
 public:
  IssueService(const Clock& clock, DirectoryService& directory, OutboundEvents& outbound);

  storage::Issue create(storage::UnitOfWork& uow, int64_t organizationId, int64_t projectId,
                        const std::string& title, const ChangeSource& source);
  std::optional<storage::Issue> find(storage::UnitOfWork& uow, int64_t organizationId, int64_t issueId);
  // The organization's issues, newest first.
  std::vector<storage::Issue> list(storage::UnitOfWork& uow, int64_t organizationId,
                                   const storage::IssueFilter& filter);

  // userId none = unassign. The user must be a member of the organization
  // (ValidationError otherwise). Returns whether the assignee changed.
  bool assign(storage::UnitOfWork& uow, int64_t organizationId, int64_t issueId,
              std::optional<int64_t> userId, const ChangeSource& source);
  // As assign(), for a caller that has read `member` as a member of the
  // organization in this transaction (the inbound sync): the two reads that
  // check it are not repeated.
  bool assignMember(storage::UnitOfWork& uow, int64_t organizationId, int64_t issueId, const storage::User& member,
                    const ChangeSource& source);
  // Returns whether the status changed. Resolving in a release needs a release
  // of the issue's project; without one it falls back to a plain resolve.
  bool setStatus(storage::UnitOfWork& uow, int64_t organizationId, int64_t issueId, storage::IssueStatus status,
                 const ChangeSource& source, ResolutionMode mode = ResolutionMode::Plain);

  // Newest first.
  // Newest first, at most `limit`, older than the activity `beforeId` (0: from the newest).
  std::vector<storage::Activity> activities(storage::UnitOfWork& uow, int64_t organizationId, int64_t issueId,
                                            size_t limit, int64_t beforeId = 0);
  storage::Activity writeActivity(storage::UnitOfWork& uow, int64_t organizationId, int64_t issueId,
                                  const std::string& type, const std::string& dataJson,
                                  std::optional<int64_t> userId);

  // A comment also writes a "note" activity and syncs to linked tickets.
  storage::Comment addComment(storage::UnitOfWork& uow, int64_t organizationId, int64_t issueId,
                              std::optional<int64_t> userId, const std::string& text);
  // Only the comment's author or the superuser may edit it (ForbiddenError
  // otherwise, before anything changes): the edit reaches Jira under the
  // author's name, so nobody else may put words there.
  storage::Comment editComment(storage::UnitOfWork& uow, int64_t organizationId, int64_t issueId,
                               int64_t commentId, const auth::Principal& editor, const std::string& text);

  std::vector<ExternalIssueView> externalIssues(storage::UnitOfWork& uow, int64_t organizationId, int64_t issueId);

 private:
  bool applyAssignment(storage::UnitOfWork& uow, storage::Issue issue, const std::optional<storage::User>& assignee,
                       const ChangeSource& source);
  // writeActivity without its checks, for an issue this service has just read.
  storage::Activity recordActivity(storage::UnitOfWork& uow, int64_t organizationId, int64_t issueId,
                                   const std::string& type, const std::string& dataJson,
                                   std::optional<int64_t> userId);
  // recordActivity where nobody needs the new activity's id: it is stored
  // with the transaction's next statement (ActivityRepository::add).
  void noteActivity(storage::UnitOfWork& uow, int64_t organizationId, int64_t issueId, const std::string& type,
                    const std::string& dataJson, std::optional<int64_t> userId);
  storage::Activity activityOf(int64_t organizationId, int64_t issueId, const std::string& type,
                               const std::string& dataJson, std::optional<int64_t> userId) const;

  const Clock& clock_;
  DirectoryService& directory_;
  OutboundEvents& outbound_;
};

}  // namespace ih::host::domain
