// An organization's sync health (owners): background jobs that gave up
// (dead letters) with the reason, so a broken Jira connection is visible.
//
// TODO(sync-trust): when the host serves them, add here
//   - retry / discard of a dead job (POST .../jobs/{id}/retry/, DELETE .../jobs/{id}/),
//   - "reconcile now" per integration with its last result (POST .../integrations/{id}/reconcile/),
//   - the audit log (GET .../audit-log/).
import { html } from "../lib/html.js";
import { apiPath, withQuery } from "../lib/api.js";
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

function DeadJobs({ slug, integrations }) {
  const jobs = useResource(withQuery(apiPath("organizations", slug, "jobs"), { state: "dead" }));
  const pending = useResource(withQuery(apiPath("organizations", slug, "jobs"), { state: "pending" }));
  usePolling(() => { jobs.reload(true); pending.reload(true); }, 10000);
  const nameOf = (id) => ((integrations || []).find((i) => i.id === id) || {}).name || (id ? `Integration ${id}` : "—");
  return html`
    <section class="card" aria-labelledby="dead-heading">
      <div class="card-header">
        <h2 id="dead-heading">Failed sync jobs</h2>
        ${pending.data && html`<span class="muted small">${pending.data.length} waiting to run</span>`}
      </div>
      <p class="muted small">A job is given up after its last retry, or at once when Jira refuses it for good.
        The reason is what Jira or the host said.</p>
      <${ErrorAlert} error=${jobs.error} />
      ${jobs.loading && !jobs.data && html`<${Loading} />`}
      ${jobs.data && jobs.data.length === 0 && html`<${Empty}>No failed jobs. Everything reached Jira.<//>`}
      ${jobs.data && jobs.data.length > 0 && html`
        <table>
          <thead><tr><th scope="col">Job</th><th scope="col">Integration</th><th scope="col">Tries</th><th scope="col">Reason</th><th scope="col">Last try</th></tr></thead>
          <tbody>
            ${jobs.data.map((job) => html`
              <tr>
                <td>${kindLabel(job.kind)} <span class="muted small mono">#${job.id}</span></td>
                <td>${nameOf(job.integrationId)}</td>
                <td>${job.attempts} of ${job.maxAttempts}</td>
                <td>${job.lastError || html`<span class="muted">No reason recorded</span>`}</td>
                <td>${formatDate(job.runAt)}</td>
              </tr>`)}
          </tbody>
        </table>`}
    </section>`;
}

export function HealthPage({ org: slug }) {
  const { session } = useSession();
  const organization = useOrganization(slug);
  const integrations = useResource(apiPath("organizations", slug, "integrations"));
  return html`<${OrgFrame} slug=${slug} organization=${organization} tab="health">${(org) => html`
    <div class="page-header"><div><h1>Sync health</h1>
      <p class="subtitle">What the sync between ${org.name} and Jira could not do.</p></div></div>
    ${canManage(session, org)
      ? html`
        <${DeadJobs} slug=${slug} integrations=${integrations.data} />
        ${integrations.data && integrations.data.length === 0 && html`<${Alert} kind="info"><p>Nothing is installed:
          <a href=${paths.integrations(slug)}>install an integration</a> first.</p><//>`}`
      : html`<${Alert} kind="info"><p>Only owners of ${org.name} can see the sync health.</p><//>`}`}<//>`;
}
