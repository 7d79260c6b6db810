// Display helpers: dates, names, and the human wording of API values.

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function formatDate(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

export function userLabel(user) {
  if (!user) return "Unassigned";
  return user.name ? `${user.name} (${user.email})` : user.email;
}

export const integrationStatusLabels = {
  active: ["Active", "ok"],
  disabled: ["Disabled", "warn"],
  pending_deletion: ["Being removed", "danger"],
};

export const issueStatusLabels = {
  unresolved: ["Unresolved", "warn"],
  resolved: ["Resolved", "ok"],
};

export const syncOutcomeLabels = {
  applied: ["Applied", "ok"],
  skipped: ["Skipped", ""],
  pending: ["Pending", "warn"],
  failed: ["Failed", "danger"],
};

export const resolutionStrategies = [
  ["resolve", "Resolve"],
  ["resolve_current_release", "Resolve in the current release"],
  ["resolve_next_release", "Resolve in the next release"],
];

// One sentence for an activity of an issue (see the contract's activity types).
export function describeActivity(activity) {
  const d = activity.data || {};
  switch (activity.type) {
    case "assigned":
      return `Assigned to ${d.assigneeEmail || "user " + d.assignee}`;
    case "unassigned":
      return "Unassigned";
    case "set_resolved":
      return "Resolved";
    case "set_resolved_in_release":
      return d.version ? `Resolved in release ${d.version}` : "Resolved in the next release";
    case "set_unresolved":
      return "Marked unresolved";
    case "note":
      return "Commented";
    case "create_issue":
      return `Created ${d.label || "a ticket"}${d.provider ? " in " + providerName(d.provider) : ""}`;
    default:
      return activity.type.replaceAll("_", " ");
  }
}

export function providerName(key) {
  return key === "jira_server" ? "Jira Server" : key;
}
