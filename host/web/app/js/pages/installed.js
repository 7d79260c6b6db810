// Where Jira's approval (through the host's callback) and a PAT install land:
// the installation is done; next, the sync settings.
import { html } from "../lib/html.js";
import { apiPath } from "../lib/api.js";
import { paths } from "../lib/router.js";
import { useResource } from "../lib/resource.js";
import { OrgFrame, useOrganization } from "../components/layout.js";
import { Alert, ErrorAlert, Loading } from "../components/status.js";

export function InstalledPage({ org: slug, id }) {
  const organization = useOrganization(slug);
  const integration = useResource(apiPath("organizations", slug, "integrations", id));
  return html`<${OrgFrame} slug=${slug} organization=${organization} tab="integrations"
      crumbs=${[["Integrations", paths.integrations(slug)], ["Installed"]]}>${() => html`
    <h1>Installation complete</h1>
    <${ErrorAlert} error=${integration.error} />
    ${integration.loading && html`<${Loading} />`}
    ${integration.data && html`
      <${Alert} kind="success"><p><strong>${integration.data.name}</strong> is connected
        (${integration.data.domainName}). Jira now tells the host about changes to linked tickets.</p><//>
      <section class="card">
        <h2>Next: choose what to sync</h2>
        <p>Every sync option starts off. Turn on assignment and status sync, map statuses per Jira project, and
          choose how resolving works.</p>
        <p class="actions">
          <a class="button" href=${paths.integration(slug, id)}>Configure ${integration.data.name}</a>
          <a class="button secondary" href=${paths.integrations(slug)}>Back to integrations</a>
        </p>
      </section>`}`}<//>`;
}
