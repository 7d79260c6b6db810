#include "payloads/jira_payload.h"

#include "ihp/sdk/json.hpp"
#include "ihp/sdk/timestamp.hpp"

namespace ih::bench {

using ihp::sdk::json::JsonBuilder;

namespace {

constexpr const char* kBase = "http://jira.example.test:8080";
constexpr int64_t kCreatedMs = 1'760'000'000'000;

// Jira repeats four avatar sizes for every user and project it renders.
void avatarUrls(JsonBuilder& out, const std::string& query) {
  const std::string base = std::string(kBase) + "/secure/useravatar?";
  out.key("avatarUrls").beginObject()
      .field("48x48", base + query)
      .field("24x24", base + "size=small&" + query)
      .field("16x16", base + "size=xsmall&" + query)
      .field("32x32", base + "size=medium&" + query)
      .endObject();
}

void user(JsonBuilder& out, const JiraUserRef& who) {
  out.beginObject()
      .field("self", std::string(kBase) + "/rest/api/2/user?username=" + who.name)
      .field("name", who.name)
      .field("key", who.key)
      .field("emailAddress", who.email);
  avatarUrls(out, "ownerId=" + who.key + "&avatarId=10122");
  out.field("displayName", who.displayName).field("active", true).field("timeZone", "Europe/Berlin").endObject();
}

void optionalUser(JsonBuilder& out, const char* name, const std::optional<JiraUserRef>& who) {
  out.key(name);
  if (who) {
    user(out, *who);
  } else {
    out.null();
  }
}

void project(JsonBuilder& out) {
  out.key("project").beginObject()
      .field("self", std::string(kBase) + "/rest/api/2/project/10000")
      .field("id", "10000").field("key", "OPS").field("name", "Operations").field("projectTypeKey", "software");
  avatarUrls(out, "pid=10000&avatarId=10324");
  out.endObject();
}

void status(JsonBuilder& out) {
  out.key("status").beginObject()
      .field("self", std::string(kBase) + "/rest/api/2/status/3")
      .field("description", "This issue is being actively worked on at the moment by the assignee.")
      .field("iconUrl", std::string(kBase) + "/images/icons/statuses/inprogress.png")
      .field("name", "In Progress").field("id", "3")
      .key("statusCategory").beginObject()
      .field("self", std::string(kBase) + "/rest/api/2/statuscategory/4")
      .field("id", 4).field("key", "indeterminate").field("colorName", "yellow").field("name", "In Progress")
      .endObject().endObject();
}

void issueType(JsonBuilder& out) {
  out.key("issuetype").beginObject()
      .field("self", std::string(kBase) + "/rest/api/2/issuetype/10004")
      .field("id", "10004").field("description", "A problem which impairs or prevents the functions of the product.")
      .field("iconUrl", std::string(kBase) + "/secure/viewavatar?size=xsmall&avatarId=10303&avatarType=issuetype")
      .field("name", "Bug").field("subtask", false).field("avatarId", 10303).endObject();
}

const std::string& description() {
  static const std::string text =
      "Since the last deploy the ingest nodes report `No space left on device` roughly every forty minutes.\n\n"
      "h3. Steps to reproduce\n# Start the ingest pipeline with the default retention.\n"
      "# Push the nightly backfill (about 40 GB).\n# Watch /var/lib/ingest fill up while compaction lags.\n\n"
      "h3. Expected\nCompaction keeps up and usage stays under 70 %.\n\n"
      "h3. Actual\nUsage climbs to 100 %, the writer stalls, and alerts fire for every shard on the node. "
      "Restarting the service frees the space for a while, which suggests file handles of deleted segments "
      "are kept open. The graphs of the last week are attached; the spikes line up with the backfill windows. "
      "Logs from ingest-3 show repeated warnings from the segment merger about throttling, and the merge queue "
      "never drains below 200 entries. Raising the merge budget did not help. Workaround for now: a cron job "
      "restarts the writer at 03:00. Please look at the retention settings and the merge scheduler together.";
  return text;
}

void changelog(JsonBuilder& out, const IssueUpdate& update) {
  auto keyOf = [](const std::optional<JiraUserRef>& who) { return who ? who->key : std::string(); };
  auto nameOf = [](const std::optional<JiraUserRef>& who) { return who ? who->displayName : std::string(); };
  out.key("changelog").beginObject().field("id", "10" + std::to_string(update.updatedMs % 100000))
      .key("items").beginArray().beginObject()
      .field("field", "assignee").field("fieldtype", "jira");
  out.key("from");
  update.previousAssignee ? out.value(keyOf(update.previousAssignee)) : out.null();
  out.key("fromString");
  update.previousAssignee ? out.value(nameOf(update.previousAssignee)) : out.null();
  out.key("to");
  update.assignee ? out.value(keyOf(update.assignee)) : out.null();
  out.key("toString");
  update.assignee ? out.value(nameOf(update.assignee)) : out.null();
  out.endObject().endArray().endObject();
}

}  // namespace

JiraUserRef seedAlice() { return {"alice", "JIRAUSER10100", "Alice Admin", "alice@example.test"}; }
JiraUserRef seedBob() { return {"bob", "JIRAUSER10200", "Bob Builder", "bob@example.test"}; }

std::string formatJiraTime(int64_t epochMs) {
  return ihp::sdk::timestamp::formatMs(epochMs, ihp::sdk::timestamp::UtcSuffix::NumericOffset);
}

std::string buildIssueUpdatedPayload(const IssueUpdate& update) {
  const JiraUserRef actor = seedAlice();
  JsonBuilder out;
  out.beginObject().field("timestamp", update.updatedMs).field("webhookEvent", "jira:issue_updated")
      .field("issue_event_type_name", "issue_assigned");
  out.key("user");
  user(out, actor);
  out.key("issue").beginObject()
      .field("id", std::to_string(update.issueId))
      .field("self", std::string(kBase) + "/rest/api/2/issue/" + std::to_string(update.issueId))
      .field("key", update.issueKey)
      .key("fields").beginObject();
  issueType(out);
  out.nullField("timespent");
  project(out);
  out.key("fixVersions").beginArray().endArray().nullField("aggregatetimespent").nullField("resolution")
      .nullField("resolutiondate").field("workratio", -1).nullField("lastViewed")
      .key("watches").beginObject()
      .field("self", std::string(kBase) + "/rest/api/2/issue/" + update.issueKey + "/watchers")
      .field("watchCount", 2).field("isWatching", true).endObject()
      .field("created", formatJiraTime(kCreatedMs))
      .key("priority").beginObject()
      .field("self", std::string(kBase) + "/rest/api/2/priority/2")
      .field("iconUrl", std::string(kBase) + "/images/icons/priorities/high.svg").field("name", "High")
      .field("id", "2").endObject()
      .key("labels").beginArray().value("ingest").value("disk").value("on-call").endArray()
      .nullField("timeestimate").nullField("aggregatetimeoriginalestimate")
      .key("versions").beginArray().endArray().key("issuelinks").beginArray().endArray();
  optionalUser(out, "assignee", update.assignee);
  out.field("updated", formatJiraTime(update.updatedMs));
  status(out);
  out.key("components").beginArray().beginObject()
      .field("self", std::string(kBase) + "/rest/api/2/component/10100").field("id", "10100")
      .field("name", "ingest").endObject().endArray()
      .nullField("timeoriginalestimate").field("description", description())
      .key("timetracking").beginObject().endObject()
      .key("attachment").beginArray().endArray().nullField("aggregatetimeestimate")
      .field("summary", "Ingest nodes run out of disk during the nightly backfill");
  out.key("creator");
  user(out, actor);
  out.key("subtasks").beginArray().endArray();
  out.key("reporter");
  user(out, actor);
  out.key("aggregateprogress").beginObject().field("progress", 0).field("total", 0).endObject()
      .nullField("environment").nullField("duedate")
      .key("progress").beginObject().field("progress", 0).field("total", 0).endObject()
      .key("votes").beginObject()
      .field("self", std::string(kBase) + "/rest/api/2/issue/" + update.issueKey + "/votes")
      .field("votes", 0).field("hasVoted", false).endObject()
      .nullField("customfield_10000").field("customfield_10100", "0|i0001b:").nullField("customfield_10101")
      .field("customfield_10102", "OPS-board").endObject().endObject();
  if (update.withChangelog) changelog(out, update);
  out.endObject();
  return out.str();
}

std::string sampleAssigneeChangePayload() {
  IssueUpdate update;
  update.updatedMs = 1'760'000'123'456;
  update.assignee = seedBob();
  update.previousAssignee = seedAlice();
  return buildIssueUpdatedPayload(update);
}

}  // namespace ih::bench
