// One issue: title, status and assignee (changed here, synced to linked
// tickets), linked Jira tickets, comments, the activity, and the sync log
// (what was sent to or applied from Jira, skipped or failed, and why, so
// "why did this not sync?" has an answer on the page). The page polls every
// few seconds, so changes made in Jira appear without a reload.
import { html, useState } from "../lib/html.js";
import { api, apiPath } from "../lib/api.js";
import { describeActivity, formatDate, issueStatusLabels, providerName, syncOutcomeLabels } from "../lib/format.js";
import { paths } from "../lib/router.js";
import { usePolling, useResource } from "../lib/resource.js";
import { useSubmit } from "../lib/submit.js";
import { OrgFrame, useOrganization } from "../components/layout.js";
import { SelectField, TextArea } from "../components/forms.js";
import { TicketDialog } from "../components/ticket_dialog.js";
import { Alert, Empty, ErrorAlert, Loading, StatusBadge } from "../components/status.js";

const POLL_MS = 3000;

function Properties({ slug, issue, members, onChanged }) {
  const [saved, setSaved] = useState("");
  const { error, submit: update } = useSubmit(async (change, message) => {
    setSaved("");
    await api.put(apiPath("organizations", slug, "issues", issue.id), change);
    setSaved(message);
    onChanged();
  });
  const choices = (members || []).map((m) => [`user:${m.userId}`, m.name ? `${m.name} (${m.email})` : m.email]);
  const current = issue.assignedTo ? `user:${issue.assignedTo.id}` : "";
  if (issue.assignedTo && !choices.some(([v]) => v === current)) {
    choices.push([current, issue.assignedTo.name || issue.assignedTo.email]);
  }
  return html`
    <section class="card stack" aria-labelledby="properties-heading">
      <h2 id="properties-heading">Status and assignee</h2>
      <${ErrorAlert} error=${error} />
      ${saved && html`<${Alert} kind="success"><p>${saved}</p><//>`}
      <${SelectField} label="Status" value=${issue.status} choices=${[["unresolved", "Unresolved"], ["resolved", "Resolved"]]}
        onChange=${(status) => update({ status }, status === "resolved" ? "Resolved." : "Marked unresolved.")} />
      <${SelectField} label="Assignee" value=${current} placeholder="Unassigned" choices=${choices}
        onChange=${(v) => update({ assignedTo: v || null }, v ? "Assigned." : "Unassigned.")} />
    </section>`;
}

function LinkedTickets({ slug, issue, externals, integrations, onChanged }) {
  const [dialog, setDialog] = useState(null);
  const [notice, setNotice] = useState("");
  const usable = (integrations || []).filter((i) => i.status === "active");
  const nameOf = (id) => ((integrations || []).find((i) => i.id === id) || {}).name || "";
  return html`
    <section class="card" aria-labelledby="tickets-heading">
      <div class="card-header">
        <h2 id="tickets-heading">Linked tickets</h2>
        ${usable.length > 0 && html`<div class="actions">
          <button type="button" class="secondary" onClick=${() => setDialog("link")}>Link ticket</button>
          <button type="button" class="secondary" onClick=${() => setDialog("create")}>Create ticket</button>
        </div>`}
      </div>
      ${notice && html`<${Alert} kind="success"><p>${notice}</p><//>`}
      ${usable.length === 0 && html`<p class="muted small">No active integration: <a href=${paths.integrations(slug)}>install one</a> to link tickets.</p>`}
      ${externals && externals.length === 0 && html`<${Empty}>No tickets are linked.<//>`}
      ${externals && externals.length > 0 && html`
        <ul class="list" aria-label="Linked tickets">
          ${externals.map((t) => html`
            <li>
              <div>
                <a href=${t.url} target="_blank" rel="noopener noreferrer"><strong>${t.key}</strong></a> ${t.title}
                <div class="small muted">${nameOf(t.integrationId)}</div>
              </div>
            </li>`)}
        </ul>`}
      ${dialog && html`<${TicketDialog} org=${slug} issue=${issue} integrations=${usable} action=${dialog}
        onClose=${() => setDialog(null)}
        onDone=${(ticket) => {
          setDialog(null);
          setNotice(`${dialog === "link" ? "Linked" : "Created"} ${ticket.key}.`);
          onChanged();
        }} />`}
    </section>`;
}

function Comments({ slug, issue, notes, onChanged }) {
  const [text, setText] = useState("");
  const { busy, error, submit } = useSubmit(async () => {
    await api.post(apiPath("organizations", slug, "issues", issue.id, "comments"), { text });
    setText("");
    onChanged();
  });
  return html`
    <section class="card" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
      ${notes.length === 0 && html`<${Empty}>No comments yet.<//>`}
      ${notes.map((note) => html`
        <article class="comment" key=${note.id}>
          <time class="small muted" datetime=${note.dateCreated}>${formatDate(note.dateCreated)}</time>
          <p>${(note.data && note.data.text) || ""}</p>
        </article>`)}
      <form class="stack" onSubmit=${submit} novalidate>
        <${ErrorAlert} error=${error} />
        <${TextArea} label="Add a comment" value=${text} onInput=${setText} rows=${3}
          help="With comment sync on, it is also posted to the linked tickets." />
        <div class="actions"><button type="submit" disabled=${busy || !text.trim()}>Comment</button></div>
      </form>
    </section>`;
}

function Activity({ activities }) {
  return html`
    <section class="card" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Activity</h2>
      ${activities.length === 0 && html`<${Empty}>Nothing happened yet.<//>`}
      <ol class="timeline" aria-label="Activity, newest first">
        ${activities.map((a) => html`
          <li key=${a.id} class=${a.data && a.data.provider ? "synced" : ""}>
            ${describeActivity(a)}${a.data && a.data.provider && a.type !== "create_issue"
              ? html` <span class="muted">(from ${providerName(a.data.provider)})</span>` : ""}
            <time datetime=${a.dateCreated}>${formatDate(a.dateCreated)}</time>
          </li>`)}
      </ol>
    </section>`;
}

function SyncLog({ entries }) {
  return html`
    <section class="card" aria-labelledby="sync-log-heading">
      <h2 id="sync-log-heading">Sync log</h2>
      <p class="muted small">What the sync with Jira did for this issue, newest first (the last 200 entries).</p>
      ${entries.length === 0 && html`<${Empty}>Nothing was synced yet.<//>`}
      ${entries.length > 0 && html`
        <table aria-label="Sync log, newest first">
          <thead><tr><th scope="col">When</th><th scope="col">Ticket</th><th scope="col">What</th>
            <th scope="col">Outcome</th><th scope="col">Why</th></tr></thead>
          <tbody>
            ${entries.map((e) => html`
              <tr key=${e.id}>
                <td><time datetime=${e.dateCreated}>${formatDate(e.dateCreated)}</time></td>
                <td class="mono">${e.externalIssue}</td>
                <td>${e.kind} ${e.direction === "inbound" ? "from Jira" : "to Jira"}</td>
                <td><${StatusBadge} table=${syncOutcomeLabels} value=${e.outcome} /></td>
                <td>${e.detail}</td>
              </tr>`)}
          </tbody>
        </table>`}
    </section>`;
}

export function IssuePage({ org: slug, id }) {
  const organization = useOrganization(slug);
  const issue = useResource(apiPath("organizations", slug, "issues", id));
  const activities = useResource(apiPath("organizations", slug, "issues", id, "activities"));
  const externals = useResource(apiPath("organizations", slug, "issues", id, "external-issues"));
  const members = useResource(apiPath("organizations", slug, "members"));
  const integrations = useResource(apiPath("organizations", slug, "integrations"));
  const syncLog = useResource(apiPath("organizations", slug, "issues", id, "sync-log"));
  const refresh = () => {
    issue.reload(true);
    activities.reload(true);
    externals.reload(true);
    syncLog.reload(true);
  };
  usePolling(refresh, POLL_MS);
  const acts = activities.data || [];
  return html`<${OrgFrame} slug=${slug} organization=${organization} tab="issues"
      crumbs=${[["Issues", paths.issues(slug)], [issue.data ? issue.data.shortId : "Issue"]]}>${() => html`
    <${ErrorAlert} error=${issue.error} />
    ${issue.loading && !issue.data && html`<${Loading} />`}
    ${issue.data && html`
      <div class="page-header">
        <div>
          <p class="muted mono small">${issue.data.shortId} · project ${issue.data.project.slug}</p>
          <h1>${issue.data.title}</h1>
          <p class="subtitle"><${StatusBadge} table=${issueStatusLabels} value=${issue.data.status} />
            ${" "}${issue.data.assignedTo ? `Assigned to ${issue.data.assignedTo.name || issue.data.assignedTo.email}` : "Unassigned"}</p>
        </div>
      </div>
      <div class="columns">
        <div>
          <${LinkedTickets} slug=${slug} issue=${issue.data} externals=${externals.data}
            integrations=${integrations.data} onChanged=${refresh} />
          <${Comments} slug=${slug} issue=${issue.data} notes=${acts.filter((a) => a.type === "note")} onChanged=${refresh} />
        </div>
        <div>
          <${Properties} slug=${slug} issue=${issue.data} members=${members.data} onChanged=${refresh} />
          <${Activity} activities=${acts.filter((a) => a.type !== "note")} />
        </div>
      </div>
      <${SyncLog} entries=${syncLog.data || []} />`}`}<//>`;
}
