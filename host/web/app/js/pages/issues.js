// An organization's issues, newest first, with a title search and a status filter.
import { html, useEffect, useState } from "../lib/html.js";
import { apiPath, withQuery } from "../lib/api.js";
import { issueStatusLabels, userLabel } from "../lib/format.js";
import { navigate, paths } from "../lib/router.js";
import { useResource } from "../lib/resource.js";
import { OrgFrame, useOrganization } from "../components/layout.js";
import { SelectField, TextField } from "../components/forms.js";
import { Empty, ErrorAlert, Loading, StatusBadge } from "../components/status.js";

export function IssuesPage({ org: slug, query }) {
  const organization = useOrganization(slug);
  const status = query.get("status") || "";
  const text = query.get("query") || "";
  const [typed, setTyped] = useState(text);
  const issues = useResource(withQuery(apiPath("organizations", slug, "issues"), { status, query: text }));

  // The filter lives in the URL, so a filtered list can be shared and reloaded.
  const apply = (next) => navigate(withQuery(paths.issues(slug), { status, query: text, ...next }), { replace: true });
  useEffect(() => {
    const timer = setTimeout(() => { if (typed !== text) apply({ query: typed }); }, 300);
    return () => clearTimeout(timer);
  }, [typed]);

  return html`<${OrgFrame} slug=${slug} organization=${organization} tab="issues">${(org) => html`
    <div class="page-header"><div><h1>Issues</h1><p class="subtitle">What ${org.name} is tracking.</p></div></div>
    <div class="card">
      <div class="columns" role="search">
        <${TextField} label="Search issues" type="search" value=${typed} onInput=${setTyped} placeholder="Words in the title" />
        <${SelectField} label="Status" value=${status} placeholder="Any status"
          choices=${[["unresolved", "Unresolved"], ["resolved", "Resolved"]]} onChange=${(s) => apply({ status: s })} />
      </div>
    </div>
    <div class="card">
      <${ErrorAlert} error=${issues.error} />
      ${issues.loading && !issues.data && html`<${Loading} />`}
      ${issues.data && issues.data.length === 0 && html`<${Empty}>No issues match.<//>`}
      ${issues.data && issues.data.length > 0 && html`
        <table>
          <thead><tr><th scope="col">Issue</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Assignee</th></tr></thead>
          <tbody>
            ${issues.data.map((issue) => html`
              <tr>
                <td class="mono">${issue.shortId}</td>
                <td><a href=${paths.issue(slug, issue.id)}>${issue.title}</a></td>
                <td><${StatusBadge} table=${issueStatusLabels} value=${issue.status} /></td>
                <td>${issue.assignedTo ? userLabel(issue.assignedTo) : html`<span class="muted">Unassigned</span>`}</td>
              </tr>`)}
          </tbody>
        </table>`}
    </div>`}<//>`;
}
