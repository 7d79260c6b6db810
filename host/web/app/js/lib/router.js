// A small history router: each page has a path pattern (":name" segments),
// links are ordinary <a href> (so they work with the keyboard, in new tabs
// and without JavaScript routing), and clicks on same-origin links are
// handled in place. Every page can also be opened and reloaded by URL: the
// host answers its index.html for app paths.
import { useEffect, useState } from "./html.js";

const listeners = new Set();

export function navigate(path, { replace = false } = {}) {
  if (path === location.pathname + location.search) return;
  if (replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  for (const listener of listeners) listener();
  window.scrollTo(0, 0);
}

// The current location, re-rendering on navigation.
export function useLocation() {
  const [, setTick] = useState(0);
  useEffect(() => {
    const update = () => setTick((t) => t + 1);
    listeners.add(update);
    window.addEventListener("popstate", update);
    return () => {
      listeners.delete(update);
      window.removeEventListener("popstate", update);
    };
  }, []);
  return { path: location.pathname, query: new URLSearchParams(location.search) };
}

// Matches "/organizations/acme/issues/3/" against "/organizations/:org/issues/:id/".
export function matchPath(pattern, path) {
  const want = pattern.split("/").filter(Boolean);
  const got = path.split("/").filter(Boolean);
  if (want.length !== got.length) return null;
  const params = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(":")) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}

// Handles clicks on in-app links without reloading the page.
export function installLinkHandler() {
  document.addEventListener("click", (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest("a[href]");
    if (!link || link.target || link.hasAttribute("download")) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith("/api/") || url.pathname.startsWith("/extensions/")) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
}

// Paths of the app's pages, built in one place.
const seg = (s) => encodeURIComponent(String(s));
export const paths = {
  organizations: () => "/organizations/",
  issues: (org) => `/organizations/${seg(org)}/issues/`,
  issue: (org, id) => `/organizations/${seg(org)}/issues/${seg(id)}/`,
  integrations: (org) => `/organizations/${seg(org)}/integrations/`,
  install: (org, provider) => `/organizations/${seg(org)}/integrations/new/${seg(provider)}/`,
  installed: (org, id) => `/organizations/${seg(org)}/integrations/${seg(id)}/installed/`,
  integration: (org, id) => `/organizations/${seg(org)}/integrations/${seg(id)}/`,
  health: (org) => `/organizations/${seg(org)}/health/`,
  account: () => "/account/",
  signIn: () => "/sign-in/",
};
