// host/domain/issue_service.cpp - see issue_service.h.
#include "domain/issue_service.h"

#include "common/errors.h"
#include "common/strings.h"
#include "ihp/sdk/json.hpp"
#include "storage/directory_repositories.h"
#include "storage/external_issue_repository.h"
#include "storage/issue_repositories.h"

namespace ih::host::domain {

namespace json = ihp::sdk::json;
using storage::UnitOfWork;

namespace {

// Activity data always names the integration behind an inbound change. The id
// is a string, like every id the API serves.
void writeSource(json::JsonBuilder& out, const ChangeSource& source) {
  if (source.integrationId) {
    out.field("integrationId", std::to_string(*source.integrationId)).field("provider", source.provider);
  }
}

std::string assigneeData(const storage::User& user, const ChangeSource& source) {
  json::JsonBuilder out;
  out.beginObject()
      .field("assignee", std::to_string(user.id))
      .field("assigneeEmail", user.email)
      .field("assigneeType", "user");
  writeSource(out, source);
  out.endObject();
  return out.str();
}

std::string sourceOnlyData(const ChangeSource& source) {
  json::JsonBuilder out;
  out.beginObject();
  writeSource(out, source);
  out.endObject();
  return out.str();
}

std::string noteData(const std::string& text) {
  json::JsonBuilder out;
  out.beginObject().field("text", text).endObject();
  return out.str();
}

storage::Issue requireIssue(UnitOfWork& uow, int64_t organizationId, int64_t issueId) {
  auto issue = storage::IssueRepository(uow).find(organizationId, issueId);
  if (!issue) throw NotFoundError();
  return *issue;
}

// For a read-modify-write: the row is held until the transaction ends.
storage::Issue requireIssueForChange(UnitOfWork& uow, int64_t organizationId, int64_t issueId) {
  auto issue = storage::IssueRepository(uow).findForChange(organizationId, issueId);
  if (!issue) throw NotFoundError();
  return *issue;
}

void requireText(const std::string& text) {
  if (trim(text).empty()) throw ValidationError("text", "This field is required.");
}

}  // namespace

IssueService::IssueService(const Clock& clock, DirectoryService& directory, OutboundEvents& outbound)
    : clock_(clock), directory_(directory), outbound_(outbound) {}

storage::Issue IssueService::create(UnitOfWork& uow, int64_t organizationId, int64_t projectId,
                                    const std::string& title, const ChangeSource& /*source*/) {
  if (trim(title).empty()) throw ValidationError("title", "This field is required.");
  auto project = directory_.findProject(uow, projectId);
  if (!project || project->organizationId != organizationId) throw NotFoundError();
  uow.beginWrite();
  const int64_t number = storage::ProjectRepository(uow).nextShortNumber(projectId);
  return storage::IssueRepository(uow).insert(organizationId, projectId, number, title, clock_.nowMs());
}

std::optional<storage::Issue> IssueService::find(UnitOfWork& uow, int64_t organizationId, int64_t issueId) {
  return storage::IssueRepository(uow).find(organizationId, issueId);
}

std::vector<storage::Issue> IssueService::list(UnitOfWork& uow, int64_t organizationId,
                                               const storage::IssueFilter& filter) {
  return storage::IssueRepository(uow).list(organizationId, filter);
}

bool IssueService::assign(UnitOfWork& uow, int64_t organizationId, int64_t issueId, std::optional<int64_t> userId,
                          const ChangeSource& source) {
  uow.beginWrite();  // read-modify-write: the check and the change are one step
  storage::Issue issue = requireIssueForChange(uow, organizationId, issueId);
  if (issue.assigneeUserId == userId) return false;
  std::optional<storage::User> assignee;
  if (userId) {
    if (!directory_.roleOf(uow, organizationId, *userId)) {
      throw ValidationError("assignedTo", "User is not a member of the organization.");
    }
    assignee = directory_.findUser(uow, *userId);
    if (!assignee) throw ValidationError("assignedTo", "Unknown user.");
  }
  return applyAssignment(uow, std::move(issue), assignee, source);
}

bool IssueService::assignMember(UnitOfWork& uow, int64_t organizationId, int64_t issueId, const storage::User& member,
                                const ChangeSource& source) {
  uow.beginWrite();
  storage::Issue issue = requireIssueForChange(uow, organizationId, issueId);
  if (issue.assigneeUserId == member.id) return false;
  return applyAssignment(uow, std::move(issue), member, source);
}

bool IssueService::applyAssignment(UnitOfWork& uow, storage::Issue issue, const std::optional<storage::User>& assignee,
                                   const ChangeSource& source) {
  // The "unassigned" activity names who was assigned before (read only then:
  // an inbound delivery pays each read as a round trip on PostgreSQL).
  const std::optional<storage::User> previous =
      !assignee && issue.assigneeUserId ? directory_.findUser(uow, *issue.assigneeUserId) : std::nullopt;
  const int64_t now = clock_.nowMs();
  const std::optional<int64_t> userId = assignee ? std::optional<int64_t>(assignee->id) : std::nullopt;
  storage::IssueRepository(uow).setAssignee(issue.id, userId, now);
  issue.assigneeUserId = userId;
  issue.updatedAt = now;
  if (assignee) {
    noteActivity(uow, issue.organizationId, issue.id, "assigned", assigneeData(*assignee, source), source.userId);
  } else {
    noteActivity(uow, issue.organizationId, issue.id, "unassigned",
                   previous ? assigneeData(*previous, source) : sourceOnlyData(source), source.userId);
  }
  outbound_.issueAssigned(uow, issue, assignee, source);
  return true;
}

bool IssueService::setStatus(UnitOfWork& uow, int64_t organizationId, int64_t issueId, storage::IssueStatus status,
                             const ChangeSource& source, ResolutionMode mode) {
  uow.beginWrite();
  storage::Issue issue = requireIssueForChange(uow, organizationId, issueId);
  if (issue.status == status) return false;
  std::string type = "set_unresolved";
  std::optional<int64_t> releaseId;
  json::JsonBuilder data;
  data.beginObject();
  if (status == storage::IssueStatus::Resolved) {
    type = "set_resolved";
    // In a release only when the project has one; otherwise a plain resolve.
    const auto release = mode == ResolutionMode::Plain ? std::nullopt : directory_.latestRelease(uow, issue.projectId);
    if (release) {
      type = "set_resolved_in_release";
      releaseId = release->id;
      if (mode == ResolutionMode::CurrentRelease) {
        data.field("version", release->version);
      } else {
        data.field("inNextRelease", true);
      }
    }
  }
  writeSource(data, source);
  data.endObject();
  const int64_t now = clock_.nowMs();
  storage::IssueRepository(uow).setStatus(issue.id, status, releaseId, now);
  issue.status = status;
  issue.resolvedInReleaseId = releaseId;
  issue.updatedAt = now;
  noteActivity(uow, organizationId, issue.id, type, data.str(), source.userId);
  outbound_.statusChanged(uow, issue, source);
  return true;
}

std::vector<storage::Activity> IssueService::activities(UnitOfWork& uow, int64_t organizationId, int64_t issueId,
                                                        size_t limit, int64_t beforeId) {
  requireIssue(uow, organizationId, issueId);
  return storage::ActivityRepository(uow).listForIssue(issueId, limit, beforeId);
}

storage::Activity IssueService::writeActivity(UnitOfWork& uow, int64_t organizationId, int64_t issueId,
                                              const std::string& type, const std::string& dataJson,
                                              std::optional<int64_t> userId) {
  if (trim(type).empty()) throw ValidationError("type", "This field is required.");
  json::Document data;
  if (!json::parseObject(dataJson, data)) throw ValidationError("data", "Expected a JSON object.");
  requireIssue(uow, organizationId, issueId);
  return recordActivity(uow, organizationId, issueId, type, dataJson, userId);
}

storage::Activity IssueService::activityOf(int64_t organizationId, int64_t issueId, const std::string& type,
                                          const std::string& dataJson, std::optional<int64_t> userId) const {
  storage::Activity activity;
  activity.organizationId = organizationId;
  activity.issueId = issueId;
  activity.type = type;
  activity.userId = userId;
  activity.dataJson = dataJson;
  activity.createdAt = clock_.nowMs();
  return activity;
}

storage::Activity IssueService::recordActivity(UnitOfWork& uow, int64_t organizationId, int64_t issueId,
                                               const std::string& type, const std::string& dataJson,
                                               std::optional<int64_t> userId) {
  return storage::ActivityRepository(uow).insert(activityOf(organizationId, issueId, type, dataJson, userId));
}

void IssueService::noteActivity(UnitOfWork& uow, int64_t organizationId, int64_t issueId, const std::string& type,
                                const std::string& dataJson, std::optional<int64_t> userId) {
  storage::ActivityRepository(uow).add(activityOf(organizationId, issueId, type, dataJson, userId));
}

storage::Comment IssueService::addComment(UnitOfWork& uow, int64_t organizationId, int64_t issueId,
                                          std::optional<int64_t> userId, const std::string& text) {
  requireText(text);
  uow.beginWrite();
  const storage::Issue issue = requireIssue(uow, organizationId, issueId);
  const auto note = recordActivity(uow, organizationId, issueId, "note", noteData(text), userId);
  storage::Comment comment;
  comment.organizationId = organizationId;
  comment.issueId = issueId;
  comment.userId = userId;
  comment.text = text;
  comment.createdAt = note.createdAt;
  comment.updatedAt = note.createdAt;
  comment = storage::CommentRepository(uow).insert(comment, note.id);
  const auto author = userId ? directory_.findUser(uow, *userId) : std::nullopt;
  outbound_.commentCreated(uow, issue, comment, author, ChangeSource::user(userId));
  return comment;
}

storage::Comment IssueService::editComment(UnitOfWork& uow, int64_t organizationId, int64_t issueId, int64_t commentId,
                                           const auth::Principal& editor, const std::string& text) {
  requireText(text);
  uow.beginWrite();
  const storage::Issue issue = requireIssue(uow, organizationId, issueId);
  storage::CommentRepository comments(uow);
  auto comment = comments.find(organizationId, issueId, commentId);
  if (!comment) throw NotFoundError();
  const bool byAuthor = comment->userId && comment->userId == editor.userId;
  if (!editor.superuser && !byAuthor) throw ForbiddenError("Only the comment's author may edit it.");
  comment->text = text;
  comment->updatedAt = clock_.nowMs();
  comments.updateText(comment->id, text, comment->updatedAt);
  // The note activity shows the comment: keep it in step.
  if (auto activityId = comments.activityIdOf(comment->id); activityId && *activityId) {
    storage::ActivityRepository(uow).updateData(*activityId, noteData(text));
  }
  const auto author = comment->userId ? directory_.findUser(uow, *comment->userId) : std::nullopt;
  outbound_.commentUpdated(uow, issue, *comment, author, ChangeSource::user(editor.userId));
  return *comment;
}

std::vector<ExternalIssueView> IssueService::externalIssues(UnitOfWork& uow, int64_t organizationId, int64_t issueId) {
  requireIssue(uow, organizationId, issueId);
  std::vector<ExternalIssueView> views;
  for (const auto& external : storage::ExternalIssueRepository(uow).listForIssue(organizationId, issueId)) {
    views.push_back(ExternalIssueView{external.id, external.integrationId, external.key, external.title, external.url});
  }
  return views;
}

}  // namespace ih::host::domain
