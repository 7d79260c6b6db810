#include "view/issue_view.h"

#include <algorithm>

#include "common/wall_clock.h"
#include "state/defaults.h"
#include "view/project_view.h"
#include "view/status_view.h"
#include "view/user_view.h"

namespace ih::mock {
namespace {

template <typename Item, typename Write>
void writeSelected(json::JsonBuilder& out, const std::vector<Item>& available, const std::vector<std::string>& ids,
                   Write write) {
  out.beginArray();
  for (const auto& id : ids) {
    auto it = std::find_if(available.begin(), available.end(), [&](const Item& a) { return a.id == id; });
    if (it != available.end()) write(*it);
  }
  out.endArray();
}

void writeCustomFields(json::JsonBuilder& out, const Issue& issue, const ViewContext& ctx) {
  for (const auto& field : customFields()) {
    out.key(field.fieldId);
    auto it = issue.customOptions.find(field.fieldId);
    if (it == issue.customOptions.end() || it->second.empty()) {
      out.null();
      continue;
    }
    if (field.multiSelect) out.beginArray();
    for (const auto& optionId : it->second) {
      if (const auto* option = findOption(field, optionId)) writeOption(out, *option, ctx);
      if (!field.multiSelect) break;
    }
    if (field.multiSelect) out.endArray();
  }
}

void writeResolution(json::JsonBuilder& out, const Issue& issue, const ViewContext& ctx) {
  out.key("resolution");
  if (!issue.resolution) {
    out.null();
    return;
  }
  out.beginObject()
      .field("self", ctx.api("resolution/10000"))
      .field("id", "10000")
      .field("description", "Work has been completed on this issue.")
      .field("name", *issue.resolution)
      .endObject();
}

void writeFields(json::JsonBuilder& out, const JiraModel& model, const Issue& issue, const ViewContext& ctx) {
  const auto* project = model.findProject(issue.projectKey);
  out.key("fields").beginObject().field("summary", issue.summary).field("description", issue.description);
  out.key("issuetype");
  if (const auto* type = findIssueType(issue.issueTypeId)) writeIssueType(out, *type, ctx); else out.null();
  out.key("project");
  if (project != nullptr) writeProjectRef(out, *project, ctx); else out.null();
  out.key("status");
  if (const auto* status = model.findStatus(issue.statusId)) {
    writeStatus(out, *status, ctx);
  } else {
    writeStatus(out, Status{issue.statusId, issue.statusId, "undefined", ""}, ctx);
  }
  out.key("priority");
  if (const auto* priority = findPriority(issue.priorityId)) writePriority(out, *priority, ctx); else out.null();
  out.key("assignee");
  writeUserOrNull(out, model, issue.assignee, ctx);
  out.key("reporter");
  writeUserOrNull(out, model, issue.reporter, ctx);
  out.key("creator");
  writeUserOrNull(out, model, issue.reporter, ctx);
  out.key("labels").beginArray();
  for (const auto& label : issue.labels) out.value(label);
  out.endArray();
  static const Project kNoProject;
  const Project& owner = project != nullptr ? *project : kNoProject;
  out.key("components");
  writeSelected(out, owner.components, issue.componentIds, [&](const Component& c) { writeComponent(out, c, ctx); });
  out.key("fixVersions");
  writeSelected(out, owner.versions, issue.fixVersionIds, [&](const Version& v) { writeVersion(out, owner, v, ctx); });
  writeResolution(out, issue, ctx);
  out.key("issuelinks").beginArray().endArray()
      .field("created", jiraDate(issue.createdMs))
      .field("updated", jiraDate(issue.updatedMs));
  writeCustomFields(out, issue, ctx);
  out.key("comment");
  writeCommentPage(out, model, issue, ctx);
  out.endObject();
}

}  // namespace

void writeIssue(json::JsonBuilder& out, const JiraModel& model, const Issue& issue, const ViewContext& ctx) {
  out.beginObject()
      .field("expand", "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations")
      .field("id", issue.id)
      .field("self", ctx.api("issue/" + issue.id))
      .field("key", issue.key);
  writeFields(out, model, issue, ctx);
  out.endObject();
}

std::string issueJson(const JiraModel& model, const Issue& issue, const ViewContext& ctx) {
  json::JsonBuilder out;
  writeIssue(out, model, issue, ctx);
  return out.str();
}

void writeComment(json::JsonBuilder& out, const JiraModel& model, const Issue& issue, const Comment& comment,
                  const ViewContext& ctx, bool withProperties) {
  out.beginObject().field("self", ctx.api("issue/" + issue.id + "/comment/" + comment.id)).field("id", comment.id);
  out.key("author");
  writeUserOrNull(out, model, comment.author, ctx);
  out.field("body", comment.body).key("updateAuthor");
  writeUserOrNull(out, model, comment.updateAuthor, ctx);
  out.field("created", jiraDate(comment.createdMs))
      .field("updated", jiraDate(comment.updatedMs));
  if (withProperties) {
    out.key("properties").beginArray();
    for (const auto& property : comment.properties) {
      out.beginObject().field("key", property.key).rawField("value", property.valueJson).endObject();
    }
    out.endArray();
  }
  out.endObject();
}

std::string commentJson(const JiraModel& model, const Issue& issue, const Comment& comment, const ViewContext& ctx) {
  json::JsonBuilder out;
  writeComment(out, model, issue, comment, ctx);
  return out.str();
}

void writeCommentPage(json::JsonBuilder& out, const JiraModel& model, const Issue& issue, const ViewContext& ctx,
                      const CommentPageQuery& query) {
  const std::size_t total = issue.comments.size();
  const std::size_t first = std::min(query.startAt, total);
  const std::size_t count = std::min(total - first, query.maxResults.value_or(total));
  out.beginObject()
      .field("startAt", static_cast<std::int64_t>(query.startAt))
      .field("maxResults", static_cast<std::int64_t>(query.maxResults.value_or(total)))
      .field("total", static_cast<std::int64_t>(total))
      .key("comments")
      .beginArray();
  for (std::size_t i = first; i < first + count; ++i) {
    writeComment(out, model, issue, issue.comments[i], ctx, query.withProperties);
  }
  out.endArray().endObject();
}

}  // namespace ih::mock
