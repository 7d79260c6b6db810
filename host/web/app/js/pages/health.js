// An organization's sync health (owners): background jobs that gave up
// (dead letters) with the reason, each with Retry (it runs again, before the
// later changes of its ticket) and Discard; and the audit log (who changed
// what); and "reconcile now" per integration with the last reconcile's
// result. All are owners' business, like the routes behind them.
import { html, useEffect, useState } from "../lib/html.js";
import { api, apiPath, withQuery } from "../lib/api.js";
import { useSubmit } from "../lib/submit.js";
import { formatDate } from "../lib/format.js";
import { paths } from "../lib/router.js";
import { useResource, usePolling } from "../lib/resource.js";
import { canManage, useSession } from "../lib/session.js";
import { OrgFrame, useOrganization } from "../components/layout.js";
import { Alert, Empty, ErrorAlert, Loading } from "../components/status.js";

function kindLabel(kind) {
  if (kind === "ihp.event") return "Change sent to Jira";
  if (kind === "ihp.uninstall") return "Uninstall clean-up";
  return kind.replaceAll("_", " ");
}

function JobActions({ slug, job, onDone }) {
  const { busy, error, submit } = useSubmit(async (action) => {
    const path = apiPath("organizations", slug, "jobs", job.id);
    if (action === "retry") await api.post(path + "retry/");
    else await api.del(path);
    onDone(action === "retry" ? `Job #${job.id} will run again.` : `Job #${job.id} was discarded.`);
  });
  return html`
    <div class="actions">
      <button type="button" class="secondary" disabled=${busy} aria-label=${`Retry job ${job.id}`}
        onClick=${() => submit("retry")}>Retry</button>
      <button type="button" class="danger" disabled=${busy} aria-label=${`Discard job ${job.id}`}
        onClick=${() => submit("discard")}>Discard</button>
    </div>
    <${ErrorAlert} error=${error} />`;
}

function DeadJobs({ slug, integrations, onChanged }) {
  const jobs = useResource(withQuery(apiPath("organizations", slug, "jobs"), { state: "dead" }));
  const pending = useResource(withQuery(apiPath("organizations", slug, "jobs"), { state: "pending" }));
  const [notice, setNotice] = useState("");
  const refresh = () => { jobs.reload(true); pending.reload(true); };
  usePolling(refresh, 10000);
  const done = (message) => { setNotice(message); refresh(); onChanged(); };
  const nameOf = (id) => ((integrations || []).find((i) => i.id === id) || {}).name || (id ? `Integration ${id}` : "—");
  return html`
    <section class="card" aria-labelledby="dead-heading">
      <div class="card-header">
        <h2 id="dead-heading">Failed sync jobs</h2>
        ${pending.data && html`<span class="muted small">${pending.data.length} waiting to run</span>`}
      </div>
      <p class="muted small">A job is given up after its last retry, or at once when Jira refuses it for good.
        The reason is what Jira or the host said. Retry runs it again, before the later changes of its ticket.</p>
      ${notice && html`<${Alert} kind="success"><p>${notice}</p><//>`}
      <${ErrorAlert} error=${jobs.error} />
      ${jobs.loading && !jobs.data && html`<${Loading} />`}
      ${jobs.data && jobs.data.length === 0 && html`<${Empty}>No failed jobs. Everything reached Jira.<//>`}
      ${jobs.data && jobs.data.length > 0 && html`
        <table>
          <thead><tr><th scope="col">Job</th><th scope="col">Integration</th><th scope="col">Tries</th><th scope="col">Reason</th><th scope="col">Last try</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            ${jobs.data.map((job) => html`
              <tr>
                <td>${kindLabel(job.kind)} <span class="muted small mono">#${job.id}</span></td>
                <td>${nameOf(job.integrationId)}</td>
                <td>${job.attempts} of ${job.maxAttempts}</td>
                <td>${job.lastError || html`<span class="muted">No reason recorded</span>`}</td>
                <td>${formatDate(job.runAt)}</td>
                <td><${JobActions} slug=${slug} job=${job} onDone=${done} /></td>
              </tr>`)}
          </tbody>
        </table>`}
    </section>`;
}

// A reconcile runs as a chain of jobs (one per batch of tickets): the newest
// one of an integration tells where the last reconcile stands.
function reconcileResult(job) {
  if (!job) return "Never reconciled.";
  if (job.state === "pending" || job.state === "running") return `Running (job #${job.id}).`;
  if (job.state === "dead") return `Failed: ${job.lastError || "no reason recorded"} (job #${job.id}).`;
  return `Finished ${formatDate(job.runAt)} (job #${job.id}).`;
}

function ReconcileRow({ slug, integration, lastJob, onStarted }) {
  const { busy, error, submit } = useSubmit(async () => {
    const started = await api.post(apiPath("organizations", slug, "integrations", integration.id, "reconcile"));
    onStarted(`Reconcile of ${integration.name} started (job #${started.jobId}).`);
  });
  return html`
    <tr>
      <td>${integration.name}</td>
      <td aria-live="polite">${reconcileResult(lastJob)}</td>
      <td>
        <button type="button" class="secondary" disabled=${busy} aria-label=${`Reconcile ${integration.name} now`}
          onClick=${() => submit()}>Reconcile now</button>
        <${ErrorAlert} error=${error} />
      </td>
    </tr>`;
}

function Reconcile({ slug, integrations, onChanged }) {
  const jobs = useResource(apiPath("organizations", slug, "jobs"));
  const [notice, setNotice] = useState("");
  usePolling(() => jobs.reload(true), 5000);
  const lastJobOf = (id) => (jobs.data || []).find((job) => job.kind === "reconcile" && job.integrationId === id);
  const started = (message) => { setNotice(message); jobs.reload(true); onChanged(); };
  return html`
    <section class="card" aria-labelledby="reconcile-heading">
      <h2 id="reconcile-heading">Reconcile with Jira</h2>
      <p class="muted small">Jira drops webhooks when its queue overflows. A reconcile reads every linked ticket
        from Jira and applies what is newer than what the host saw; it also runs on its own every
        few minutes (<span class="mono">--reconcile-interval-s</span>).</p>
      ${notice && html`<${Alert} kind="success"><p>${notice}</p><//>`}
      <${ErrorAlert} error=${jobs.error} />
      ${integrations && integrations.length > 0 && html`
        <table aria-label="Reconcile per integration">
          <thead><tr><th scope="col">Integration</th><th scope="col">Last reconcile</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            ${integrations.map((integration) => html`
              <${ReconcileRow} key=${integration.id} slug=${slug} integration=${integration}
                lastJob=${lastJobOf(integration.id)} onStarted=${started} />`)}
          </tbody>
        </table>`}
    </section>`;
}

function actorLabel(actor) {
  if (actor.type === "superuser") return "The administrator";
  return actor.email || `User ${actor.id}`;
}

function auditSummary(entry) {
  const data = entry.data || {};
  if (entry.event === "integration.config_changed" && Array.isArray(data.changed)) {
    return `Changed ${data.changed.join(", ")}`;
  }
  if (data.role) return `Role ${data.previousRole ? `${data.previousRole} → ` : ""}${data.role}`;
  if (data.name) return data.name;
  return "";
}

function AuditLog({ slug, version }) {
  const entries = useResource(apiPath("organizations", slug, "audit-log"));
  // A retry or discard here adds an entry: show it without a reload.
  useEffect(() => { if (version > 0) entries.reload(true); }, [version]);
  return html`
    <section class="card" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      <p class="muted small">Who changed what in this organization, newest first. Secrets are never shown.</p>
      <${ErrorAlert} error=${entries.error} />
      ${entries.loading && !entries.data && html`<${Loading} />`}
      ${entries.data && entries.data.length === 0 && html`<${Empty}>Nothing was changed yet.<//>`}
      ${entries.data && entries.data.length > 0 && html`
        <table aria-label="Audit log, newest first">
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Event</th>
            <th scope="col">Target</th><th scope="col">Details</th></tr></thead>
          <tbody>
            ${entries.data.map((e) => html`
              <tr key=${e.id}>
                <td><time datetime=${e.dateCreated}>${formatDate(e.dateCreated)}</time></td>
                <td>${actorLabel(e.actor)}</td>
                <td class="mono small">${e.event}</td>
                <td>${e.targetType} ${e.targetId || ""}</td>
                <td>${auditSummary(e)}</td>
              </tr>`)}
          </tbody>
        </table>`}
    </section>`;
}

export function HealthPage({ org: slug }) {
  const { session } = useSession();
  const organization = useOrganization(slug);
  const integrations = useResource(apiPath("organizations", slug, "integrations"));
  const [auditVersion, setAuditVersion] = useState(0);
  return html`<${OrgFrame} slug=${slug} organization=${organization} tab="health">${(org) => html`
    <div class="page-header"><div><h1>Sync health</h1>
      <p class="subtitle">What the sync between ${org.name} and Jira could not do.</p></div></div>
    ${canManage(session, org)
      ? html`
        <${DeadJobs} slug=${slug} integrations=${integrations.data} onChanged=${() => setAuditVersion((v) => v + 1)} />
        <${Reconcile} slug=${slug} integrations=${integrations.data} onChanged=${() => setAuditVersion((v) => v + 1)} />
        <${AuditLog} slug=${slug} version=${auditVersion} />
        ${integrations.data && integrations.data.length === 0 && html`<${Alert} kind="info"><p>Nothing is installed:
          <a href=${paths.integrations(slug)}>install an integration</a> first.</p><//>`}`
      : html`<${Alert} kind="info"><p>Only owners of ${org.name} can see the sync health.</p><//>`}`}<//>`;
}
