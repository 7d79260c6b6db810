// The web app: asks the host who is signed in, then shows the page the URL
// names (or the sign-in page). It talks only to the host's public API.
import { html, render, useCallback, useEffect, useState } from "./lib/html.js";
import { api, onSessionEnded, setCsrfToken } from "./lib/api.js";
import { installLinkHandler, matchPath, navigate, paths, useLocation } from "./lib/router.js";
import { SessionContext } from "./lib/session.js";
import { Shell } from "./components/layout.js";
import { Loading } from "./components/status.js";
import { SignInPage } from "./pages/sign_in.js";
import { OrganizationsPage } from "./pages/organizations.js";
import { IssuesPage } from "./pages/issues.js";
import { IssuePage } from "./pages/issue.js";
import { IntegrationsPage } from "./pages/integrations.js";
import { InstallPage } from "./pages/install.js";
import { InstalledPage } from "./pages/installed.js";
import { IntegrationSettingsPage } from "./pages/integration_settings.js";
import { HealthPage } from "./pages/health.js";
import { AccountPage } from "./pages/account.js";
import { NotFoundPage } from "./pages/not_found.js";

// Most specific first: "integrations/new/x" before "integrations/:id".
const routes = [
  ["/organizations/", OrganizationsPage, "Organizations"],
  ["/organizations/:org/issues/", IssuesPage, "Issues"],
  ["/organizations/:org/issues/:id/", IssuePage, "Issue"],
  ["/organizations/:org/integrations/", IntegrationsPage, "Integrations"],
  ["/organizations/:org/integrations/new/:provider/", InstallPage, "Install"],
  ["/organizations/:org/integrations/:id/installed/", InstalledPage, "Installed"],
  ["/organizations/:org/integrations/:id/", IntegrationSettingsPage, "Integration settings"],
  ["/organizations/:org/health/", HealthPage, "Sync health"],
  ["/account/", AccountPage, "Account"],
];

function resolve(path) {
  for (const [pattern, Page, title] of routes) {
    const params = matchPath(pattern, path);
    if (params) return { Page, params, title };
  }
  return null;
}

function App() {
  const { path, query } = useLocation();
  const [session, setSession] = useState(undefined);  // undefined: asking; null: signed out
  const [notice, setNotice] = useState("");

  const adopt = useCallback((value) => {
    setCsrfToken(value ? value.csrfToken : null);
    setSession(value);
  }, []);

  useEffect(() => {
    // A page's requests run side by side; the first 401 clears the cookie, so
    // one sent a moment later is refused as carrying no credentials at all.
    // The first answer says why the session ended; the later ones keep it.
    onSessionEnded((detail) => {
      adopt(null);
      setNotice((current) => current || detail || "Your session has ended. Sign in again.");
    });
    api.get("/api/0/auth/session/").then(adopt, () => adopt(null));
  }, [adopt]);

  const signOut = useCallback(async () => {
    try {
      await api.del("/api/0/auth/session/");
    } finally {
      adopt(null);
      setNotice("You are signed out.");
      navigate(paths.signIn());
    }
  }, [adopt]);

  // "/" and "/organizations/<org>/" lead to the pages under them.
  useEffect(() => {
    if (path === "/") navigate(paths.organizations(), { replace: true });
    const org = matchPath("/organizations/:org/", path);
    if (org) navigate(paths.issues(org.org), { replace: true });
  }, [path]);

  const route = resolve(path);
  useEffect(() => {
    document.title = (session === null ? "Sign in" : route ? route.title : "Not found") + " · Integration host";
  }, [session, route && route.title]);

  if (session === undefined) return html`<main class="page"><${Loading} /></main>`;
  if (session === null) {
    const next = path === paths.signIn() ? query.get("next") || paths.organizations() : path + location.search;
    return html`<${SignInPage} notice=${notice} onSignedIn=${(value) => {
      setNotice("");
      adopt(value);
      navigate(next.startsWith("/") && !next.startsWith("//") ? next : paths.organizations(), { replace: true });
    }} />`;
  }
  if (path === paths.signIn()) {
    navigate(query.get("next") || paths.organizations(), { replace: true });
    return null;
  }
  const Page = route ? route.Page : NotFoundPage;
  return html`
    <${SessionContext.Provider} value=${{ session, signOut }}>
      <${Shell}><${Page} key=${path} ...${route ? route.params : {}} query=${query} /><//>
    <//>`;
}

installLinkHandler();
render(html`<${App} />`, document.getElementById("app"));
