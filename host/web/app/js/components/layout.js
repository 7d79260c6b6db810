// The frame around every signed-in page: the top bar (app name, main
// navigation, who is signed in, sign-out) and, inside an organization,
// breadcrumbs and the organization's tabs.
import { html } from "../lib/html.js";
import { paths, useLocation } from "../lib/router.js";
import { canManage, useSession } from "../lib/session.js";
import { useResource } from "../lib/resource.js";
import { apiPath } from "../lib/api.js";
import { ErrorAlert, Loading } from "./status.js";

function current(path, prefix) {
  return path.startsWith(prefix) ? "page" : undefined;
}

export function Shell({ children }) {
  const { session, signOut } = useSession();
  const { path } = useLocation();
  const who = session.user ? session.user.name || session.user.email : "Administrator (admin token)";
  return html`
    <a class="skip-link" href="#main">Skip to content</a>
    <header class="topbar">
      <a class="brand" href=${paths.organizations()}>Integration host</a>
      <nav aria-label="Main">
        <a href=${paths.organizations()} aria-current=${current(path, "/organizations/")}>Organizations</a>
        ${session.user && html`<a href=${paths.account()} aria-current=${current(path, "/account/")}>Account</a>`}
      </nav>
      <div class="user-menu">
        <span>Signed in as <strong>${who}</strong></span>
        <button type="button" class="secondary" onClick=${signOut}>Sign out</button>
      </div>
    </header>
    <main id="main" class="page" tabindex="-1">${children}</main>`;
}

// The organization named by the URL, with the caller's role; and its tabs.
export function useOrganization(slug) {
  return useResource(slug ? apiPath("organizations", slug) : null);
}

export function OrgFrame({ slug, organization, tab, crumbs = [], children }) {
  const { session } = useSession();
  const org = organization.data;
  if (organization.error) return html`<${ErrorAlert} error=${organization.error} />`;
  if (!org) return html`<${Loading} />`;
  const tabs = [
    ["issues", "Issues", paths.issues(slug)],
    ["integrations", "Integrations", paths.integrations(slug)],
  ];
  // Dead jobs are owners' business (the jobs endpoint is owner-only).
  if (canManage(session, org)) tabs.push(["health", "Sync health", paths.health(slug)]);
  return html`
    <nav class="breadcrumbs" aria-label="Breadcrumbs">
      <ol>
        <li><a href=${paths.organizations()}>Organizations</a></li>
        <li><a href=${paths.issues(slug)}>${org.name}</a></li>
        ${crumbs.map(([label, href]) => html`<li>${href ? html`<a href=${href}>${label}</a>` : label}</li>`)}
      </ol>
    </nav>
    <nav class="tabs" aria-label=${org.name + " sections"}>
      ${tabs.map(([key, label, href]) => html`<a href=${href} aria-current=${key === tab ? "page" : undefined}>${label}</a>`)}
    </nav>
    ${children(org)}`;
}
