// The organizations the signed-in user belongs to (the superuser: all).
import { html } from "../lib/html.js";
import { paths } from "../lib/router.js";
import { useResource } from "../lib/resource.js";
import { useSession } from "../lib/session.js";
import { Badge, Empty, ErrorAlert, Loading } from "../components/status.js";

export function OrganizationsPage() {
  const { session } = useSession();
  const orgs = useResource("/api/0/organizations/");
  return html`
    <div class="page-header">
      <div>
        <h1>Organizations</h1>
        <p class="subtitle">${session.superuser ? "Every organization on this host." : "The organizations you belong to."}</p>
      </div>
    </div>
    <${ErrorAlert} error=${orgs.error} />
    ${orgs.loading && !orgs.data && html`<${Loading} />`}
    ${orgs.data && orgs.data.length === 0 && html`<div class="card"><${Empty}>
      ${session.superuser
        ? html`There are no organizations yet. Create one with <code>POST /api/0/organizations/</code>.`
        : "You are not a member of any organization yet. Ask an owner to add you."}<//></div>`}
    ${orgs.data && orgs.data.length > 0 && html`
      <ul class="grid plain-list" aria-label="Organizations">
        ${orgs.data.map((org) => html`
          <li>
            <a class="card org-card" href=${paths.issues(org.slug)}>
              <span class="name">${org.name}</span>
              <span class="muted small"> · ${org.slug}</span>
              <p class="small muted">${org.role ? html`<${Badge} tone=${org.role === "owner" ? "accent" : ""}>${org.role === "owner" ? "Owner" : "Member"}<//>` : "Superuser access"}</p>
            </a>
          </li>`)}
      </ul>`}`;
}
