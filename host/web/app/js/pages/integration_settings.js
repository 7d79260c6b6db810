// An integration's sync settings (owners): the sync toggles, the status
// mapping per Jira project (projects and their statuses come live from Jira
// through the plugin's search route), how resolving works, the fields hidden
// from the create form, user mappings (the Jira user who stands for a member
// when Jira hides emails), and uninstalling.
// ("Reconcile now" is on the sync health page, beside the failed jobs.)
import { html, useEffect, useState } from "../lib/html.js";
import { api, apiPath, withQuery } from "../lib/api.js";
import { useSubmit } from "../lib/submit.js";
import { integrationStatusLabels, resolutionStrategies } from "../lib/format.js";
import { navigate, paths } from "../lib/router.js";
import { useResource } from "../lib/resource.js";
import { canManage, useSession } from "../lib/session.js";
import { OrgFrame, useOrganization } from "../components/layout.js";
import { Dialog } from "../components/dialog.js";
import { Checkbox, SelectField, TextArea, TextField } from "../components/forms.js";
import { Alert, ErrorAlert, Loading, StatusBadge } from "../components/status.js";

const toggles = [
  ["sync_forward_assignment", "Assign in Jira", "When an issue here is assigned, assign its linked tickets to the Jira user with the same email."],
  ["sync_reverse_assignment", "Assign from Jira", "When a linked ticket is assigned in Jira, assign the issue here (users are matched by verified email)."],
  ["sync_status_reverse", "Resolve from Jira", "When a linked ticket moves to a done status in Jira, resolve the issue here; reopen it when it leaves."],
  ["sync_comments", "Post comments to Jira", "Comments made here are added to the linked tickets."],
];

function searchUrl(slug, integrationId) {
  return `/extensions/jira-server/search/${encodeURIComponent(slug)}/${encodeURIComponent(integrationId)}/`;
}

// One Jira project's row of the status mapping.
function MappingRow({ index, row, projects, statuses, error, onChange, onRemove }) {
  const choices = (statuses[row.project] || []).map((s) => [s.value, s.label]);
  const projectName = (projects.find((p) => p.value === row.project) || {}).label || `Project ${row.project}`;
  return html`
    <div class="mapping-row" role="group" aria-label=${row.project ? `Status mapping for ${projectName}` : "New status mapping"}>
      <${SelectField} label="Jira project" value=${row.project} placeholder="Choose a project"
        choices=${projects.map((p) => [p.value, p.label])} error=${error}
        onChange=${(project) => onChange(index, { project, onResolve: "", onUnresolve: "" })} />
      <${SelectField} label="When resolved here" value=${row.onResolve} placeholder="Choose a status"
        choices=${choices} disabled=${!row.project} onChange=${(onResolve) => onChange(index, { ...row, onResolve })} />
      <${SelectField} label="When unresolved here" value=${row.onUnresolve} placeholder="Choose a status"
        choices=${choices} disabled=${!row.project} onChange=${(onUnresolve) => onChange(index, { ...row, onUnresolve })} />
      <button type="button" class="secondary" onClick=${() => onRemove(index)}
        aria-label=${row.project ? `Remove the mapping for ${projectName}` : "Remove this mapping"}>Remove</button>
    </div>`;
}

function rowsOf(mapping) {
  return Object.entries(mapping || {}).map(([project, m]) => ({
    project,
    onResolve: (m && m.on_resolve) || "",
    onUnresolve: (m && m.on_unresolve) || "",
  }));
}

function SettingsForm({ org, integration, onSaved }) {
  const config = integration.config || {};
  const search = searchUrl(org.slug, integration.id);
  const [values, setValues] = useState(() => ({
    sync_forward_assignment: Boolean(config.sync_forward_assignment),
    sync_reverse_assignment: Boolean(config.sync_reverse_assignment),
    sync_status_reverse: Boolean(config.sync_status_reverse),
    sync_comments: Boolean(config.sync_comments),
    resolution_strategy: config.resolution_strategy || "resolve",
    issues_ignored_fields: config.issues_ignored_fields || "",
  }));
  const [rows, setRows] = useState(() => rowsOf(config.sync_status_forward));
  const [projects, setProjects] = useState([]);
  const [statuses, setStatuses] = useState({});
  const [jiraError, setJiraError] = useState(null);
  const [saved, setSaved] = useState("");

  useEffect(() => {
    api.get(withQuery(search, { field: "project" })).then(setProjects, setJiraError);
  }, [search]);

  // Each mapped project's statuses, fetched once per project.
  useEffect(() => {
    for (const { project } of rows) {
      if (!project || statuses[project]) continue;
      setStatuses((s) => ({ ...s, [project]: [] }));
      api.get(withQuery(search, { field: "status", project })).then(
        (list) => setStatuses((s) => ({ ...s, [project]: list })),
        setJiraError,
      );
    }
  }, [rows, search]);

  const set = (name) => (value) => setValues((v) => ({ ...v, [name]: value }));

  const { busy, error, fields, submit: save } = useSubmit(async () => {
    setSaved("");
    const mapping = {};
    for (const row of rows) {
      if (row.project) mapping[row.project] = { on_resolve: row.onResolve, on_unresolve: row.onUnresolve };
    }
    const updated = await api.put(apiPath("organizations", org.slug, "integrations", integration.id), {
      config: { ...values, sync_status_forward: mapping },
    });
    setSaved("Settings saved.");
    onSaved(updated);
  });

  const unusedProjects = projects.filter((p) => !rows.some((r) => r.project === p.value));
  return html`
    <form onSubmit=${save} novalidate>
      ${error && html`<${Alert} kind="error"><p>${error.message}</p><//>`}
      ${saved && html`<${Alert} kind="success"><p>${saved}</p><//>`}
      <section class="card stack" aria-labelledby="sync-heading">
        <h2 id="sync-heading">What to sync</h2>
        ${toggles.map(([name, label, help]) => html`
          <${Checkbox} key=${name} label=${label} help=${help} checked=${values[name]} onChange=${set(name)}
            error=${fields[name]} />`)}
      </section>
      <section class="card" aria-labelledby="mapping-heading">
        <h2 id="mapping-heading">Status in Jira when an issue is resolved or reopened here</h2>
        <p class="muted small">For each Jira project, the status a linked ticket moves to. Projects without a row are left alone.</p>
        ${jiraError && html`<${Alert} kind="warn"><p>Jira's projects or statuses could not be loaded: ${jiraError.message}</p><//>`}
        ${fields.sync_status_forward && html`<p class="error" role="alert">${fields.sync_status_forward}</p>`}
        ${rows.map((row, index) => html`
          <${MappingRow} key=${index} index=${index} row=${row} projects=${projects} statuses=${statuses}
            onChange=${(i, next) => setRows((r) => r.map((x, j) => (j === i ? next : x)))}
            onRemove=${(i) => setRows((r) => r.filter((_, j) => j !== i))} />`)}
        <button type="button" class="secondary" disabled=${unusedProjects.length === 0 && projects.length > 0}
          onClick=${() => setRows((r) => [...r, { project: "", onResolve: "", onUnresolve: "" }])}>Add a Jira project</button>
      </section>
      <section class="card stack" aria-labelledby="resolve-heading">
        <h2 id="resolve-heading">Resolving and the create form</h2>
        <${SelectField} label="When a linked ticket is done in Jira" value=${values.resolution_strategy}
          choices=${resolutionStrategies} onChange=${set("resolution_strategy")} error=${fields.resolution_strategy}
          help="Resolve in a release needs a release of the issue's project; without one the issue is simply resolved." />
        <${TextArea} label="Jira fields hidden from the create form" value=${values.issues_ignored_fields}
          onInput=${set("issues_ignored_fields")} error=${fields.issues_ignored_fields} rows=${3}
          help="Jira field ids, separated by commas or new lines (for example customfield_10100, labels)." />
      </section>
      <div class="actions"><button type="submit" disabled=${busy}>${busy ? "Saving…" : "Save settings"}</button></div>
    </form>`;
}

// The whole list is saved at once (PUT replaces it); the host checks every
// Jira user with Jira and every member before it stores anything.
function UserMappings({ org, integration }) {
  const path = apiPath("organizations", org.slug, "integrations", integration.id, "user-mappings");
  const stored = useResource(path);
  const members = useResource(apiPath("organizations", org.slug, "members"));
  const [rows, setRows] = useState(null);
  const [saved, setSaved] = useState("");
  useEffect(() => {
    if (stored.data && rows === null) setRows(stored.data.map((m) => ({ jiraUser: m.jiraUser, userId: m.userId })));
  }, [stored.data]);
  const { busy, error, fields, submit: save } = useSubmit(async (event) => {
    setSaved("");
    const answer = await api.put(path, (rows || []).filter((r) => r.jiraUser.trim() || r.userId)
      .map((r) => ({ jiraUser: r.jiraUser.trim(), userId: r.userId })));
    setRows(answer.map((m) => ({ jiraUser: m.jiraUser, userId: m.userId })));
    setSaved("User mappings saved.");
  });
  const choices = (members.data || []).map((m) => [m.userId, m.name ? `${m.name} (${m.email})` : m.email]);
  const update = (i, change) => setRows((r) => r.map((x, j) => (j === i ? { ...x, ...change } : x)));
  return html`
    <section class="card stack" aria-labelledby="user-mappings-heading">
      <h2 id="user-mappings-heading">User mappings</h2>
      <p class="muted small">When Jira hides email addresses, or a Jira user's email matches nobody here, a mapping
        says who they are. Assignments from Jira use it, and assigning here sets that Jira user without a search.</p>
      <${ErrorAlert} error=${stored.error} />
      ${saved && html`<${Alert} kind="success"><p>${saved}</p><//>`}
      <form onSubmit=${save} novalidate class="stack">
        <${ErrorAlert} error=${error} />
        ${(rows || []).map((row, index) => html`
          <div class="mapping-row" role="group" key=${index} aria-label=${`User mapping ${index + 1}`}>
            <${TextField} label="Jira user (name or key)" value=${row.jiraUser} error=${fields.jiraUser}
              onInput=${(jiraUser) => update(index, { jiraUser })} />
            <${SelectField} label="Member" value=${row.userId} placeholder="Choose a member" choices=${choices}
              error=${fields.userId} onChange=${(userId) => update(index, { userId })} />
            <button type="button" class="secondary" aria-label=${`Remove user mapping ${index + 1}`}
              onClick=${() => setRows((r) => r.filter((_, j) => j !== index))}>Remove</button>
          </div>`)}
        <div class="actions">
          <button type="button" class="secondary" disabled=${rows === null}
            onClick=${() => setRows((r) => [...(r || []), { jiraUser: "", userId: "" }])}>Add a user mapping</button>
          <button type="submit" disabled=${busy || rows === null}>${busy ? "Checking with Jira…" : "Save user mappings"}</button>
        </div>
      </form>
    </section>`;
}

function Uninstall({ org, integration }) {
  const [open, setOpen] = useState(false);
  const { busy, error, submit: uninstall } = useSubmit(async () => {
    await api.del(apiPath("organizations", org.slug, "integrations", integration.id));
    setOpen(false);
    navigate(paths.integrations(org.slug) + "?removed=1");
  });
  return html`
    <section class="card" aria-labelledby="uninstall-heading">
      <h2 id="uninstall-heading">Uninstall</h2>
      <p class="muted">Links to Jira tickets stop syncing for ${org.name}. When no organization uses this Jira any
        more, the host also removes its webhook there.</p>
      <button type="button" class="danger" onClick=${() => setOpen(true)}>Uninstall ${integration.name}</button>
      <${Dialog} title=${`Uninstall ${integration.name}?`} open=${open} onClose=${() => setOpen(false)}
        footer=${html`
          <button type="button" class="secondary" onClick=${() => setOpen(false)}>Cancel</button>
          <button type="button" class="danger" disabled=${busy} onClick=${uninstall}>Yes, uninstall</button>`}>
        <${ErrorAlert} error=${error} />
        <p>${org.name} stops syncing with ${integration.domainName}. Linked tickets stay in Jira. This cannot be undone;
          installing again starts with every sync option off.</p>
      <//>
    </section>`;
}

export function IntegrationSettingsPage({ org: slug, id }) {
  const { session } = useSession();
  const organization = useOrganization(slug);
  const integration = useResource(apiPath("organizations", slug, "integrations", id));
  return html`<${OrgFrame} slug=${slug} organization=${organization} tab="integrations"
      crumbs=${[["Integrations", paths.integrations(slug)], [integration.data ? integration.data.name : "Settings"]]}>${(org) => html`
    <${ErrorAlert} error=${integration.error} />
    ${integration.loading && !integration.data && html`<${Loading} />`}
    ${integration.data && html`
      <div class="page-header">
        <div>
          <h1>${integration.data.name}</h1>
          <p class="subtitle">${integration.data.provider.name} · ${integration.data.domainName}${" "}
            <${StatusBadge} table=${integrationStatusLabels} value=${integration.data.status} /></p>
        </div>
      </div>
      ${canManage(session, org)
        ? html`
          <${SettingsForm} org=${org} integration=${integration.data} onSaved=${() => integration.reload(true)} />
          <${UserMappings} org=${org} integration=${integration.data} />
          <${Uninstall} org=${org} integration=${integration.data} />`
        : html`<${Alert} kind="info"><p>Only owners of ${org.name} can change an integration's settings.</p><//>`}`}`}<//>`;
}
