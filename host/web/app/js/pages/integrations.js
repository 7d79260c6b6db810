// An organization's integrations: the plugins this host has loaded (owners
// switch each on or off for the organization), the installed integrations
// with their status, and the way to install one.
import { html, useEffect, useState } from "../lib/html.js";
import { api, apiPath } from "../lib/api.js";
import { integrationStatusLabels, providerName } from "../lib/format.js";
import { paths } from "../lib/router.js";
import { useResource } from "../lib/resource.js";
import { canManage, useSession } from "../lib/session.js";
import { useSubmit } from "../lib/submit.js";
import { OrgFrame, useOrganization } from "../components/layout.js";
import { Switch } from "../components/forms.js";
import { Alert, Empty, ErrorAlert, Loading, StatusBadge } from "../components/status.js";

function PluginRow({ org, plugin, enabled, manage, onToggled }) {
  // The switch shows what the owner asked for while it is being saved:
  // rendering the stored value meanwhile would flip it back under the
  // pointer. It follows the stored value again once the reload has it (or
  // the save failed).
  const [requested, setRequested] = useState(null);
  useEffect(() => { if (requested === enabled) setRequested(null); }, [enabled, requested]);
  const { busy, error, submit: toggle } = useSubmit(async (value) => {
    setRequested(value);
    try {
      await api.put(apiPath("organizations", org.slug, "plugins", plugin.key), { enabled: value });
    } catch (e) {
      setRequested(null);
      throw e;
    }
    onToggled(value ? `${plugin.name} is enabled.` : `${plugin.name} is disabled.`);
  });
  const shown = requested ?? enabled;
  return html`
    <li>
      <div>
        <strong>${plugin.name}</strong> <span class="muted small">version ${plugin.version}</span>
        <div class="small muted">${plugin.features.join(", ")}</div>
        <${ErrorAlert} error=${error} />
      </div>
      <div class="actions">
        ${manage
          ? html`<${Switch} label=${`Enable ${plugin.name} for ${org.name}`} checked=${shown} disabled=${busy}
              onChange=${toggle} />`
          : html`<span class="badge ${enabled ? "ok" : ""}">${enabled ? "Enabled" : "Not enabled"}</span>`}
        ${manage && plugin.installable && html`
          <a class=${"button" + (enabled ? "" : " secondary")} href=${paths.install(org.slug, plugin.key)}
            aria-disabled=${enabled ? undefined : "true"}
            onClick=${(e) => { if (!enabled) e.preventDefault(); }}>Install ${plugin.name}</a>`}
      </div>
    </li>`;
}

export function IntegrationsPage({ org: slug, query }) {
  const { session } = useSession();
  const organization = useOrganization(slug);
  const plugins = useResource("/api/0/plugins/");
  const enablement = useResource(apiPath("organizations", slug, "plugins"));
  const integrations = useResource(apiPath("organizations", slug, "integrations"));
  const [notice, setNotice] = useState(query.get("removed") ? "The integration is being uninstalled." : "");

  return html`<${OrgFrame} slug=${slug} organization=${organization} tab="integrations">${(org) => {
    const manage = canManage(session, org);
    const enabledKeys = new Set((enablement.data || []).filter((p) => p.enabled).map((p) => p.key));
    return html`
      <div class="page-header">
        <div>
          <h1>Integrations</h1>
          <p class="subtitle">Connect ${org.name} to the tools your team uses.</p>
        </div>
      </div>
      ${notice && html`<${Alert} kind="success"><p>${notice}</p><//>`}
      <section class="card" aria-labelledby="plugins-heading">
        <h2 id="plugins-heading">Plugins</h2>
        ${!manage && html`<p class="muted small">Only owners of ${org.name} can enable plugins and install integrations.</p>`}
        <${ErrorAlert} error=${plugins.error || enablement.error} />
        ${(plugins.loading || enablement.loading) && !plugins.data && html`<${Loading} />`}
        ${plugins.data && plugins.data.length === 0 && html`<${Empty}>No plugins are loaded on this host.<//>`}
        ${plugins.data && html`
          <ul class="list" aria-label="Plugins">
            ${plugins.data.map((plugin) => html`
              <${PluginRow} key=${plugin.key} org=${org} manage=${manage} enabled=${enabledKeys.has(plugin.key)}
                plugin=${{ ...plugin, installable: plugin.key === "jira_server" }}
                onToggled=${(message) => { setNotice(message); enablement.reload(true); }} />`)}
          </ul>`}
      </section>
      <section class="card" aria-labelledby="installed-heading">
        <h2 id="installed-heading">Installed integrations</h2>
        <${ErrorAlert} error=${integrations.error} />
        ${integrations.loading && !integrations.data && html`<${Loading} />`}
        ${integrations.data && integrations.data.length === 0 && html`<${Empty}>Nothing is installed yet.<//>`}
        ${integrations.data && integrations.data.length > 0 && html`
          <table>
            <thead><tr><th scope="col">Name</th><th scope="col">Provider</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              ${integrations.data.map((i) => html`
                <tr>
                  <td><strong>${i.name}</strong><div class="small muted">${i.domainName}</div></td>
                  <td>${i.provider.name || providerName(i.provider.key)}</td>
                  <td><${StatusBadge} table=${integrationStatusLabels} value=${i.status} /></td>
                  <td>${manage && html`<a href=${paths.integration(org.slug, i.id)} aria-label=${`Settings of ${i.name}`}>Settings</a>`}</td>
                </tr>`)}
            </tbody>
          </table>`}
      </section>`;
  }}<//>`;
}
