// Installing Jira Server: the form (Jira URL, OAuth consumer key and private
// key, or a personal access token; TLS verification), then Jira's approval
// page for OAuth. Jira sends the browser back to the host's callback, which
// lands on the "installed" page. Keys and tokens stay in this form only:
// they are sent once and never shown again.
import { html, useState } from "../lib/html.js";
import { api, apiPath } from "../lib/api.js";
import { useSubmit } from "../lib/submit.js";
import { providerName } from "../lib/format.js";
import { navigate, paths } from "../lib/router.js";
import { canManage, useSession } from "../lib/session.js";
import { OrgFrame, useOrganization } from "../components/layout.js";
import { Checkbox, TextArea, TextField } from "../components/forms.js";
import { Alert } from "../components/status.js";

const emptyForm = { url: "", consumerKey: "", privateKey: "", personalAccessToken: "", verifySsl: true };

function stepBody(authType, form) {
  const common = { url: form.url.trim(), verifySsl: form.verifySsl };
  if (authType === "pat") return { ...common, authType: "pat", personalAccessToken: form.personalAccessToken };
  return { ...common, consumerKey: form.consumerKey.trim(), privateKey: form.privateKey };
}

function InstallForm({ org, provider }) {
  const [authType, setAuthType] = useState("oauth1");
  const [form, setForm] = useState(emptyForm);
  const [oauthUrl, setOauthUrl] = useState("");
  const set = (name) => (value) => setForm((f) => ({ ...f, [name]: value }));

  const { busy, error, fields, submit } = useSubmit(async () => {
    const pipeline = apiPath("organizations", org.slug, "pipeline", "integration");
    const started = await api.post(pipeline, { action: "initialize", provider });
    const step = await api.post(pipeline + encodeURIComponent(started.pipelineId) + "/", stepBody(authType, form));
    // The secrets were sent; they are not kept in the page any longer.
    setForm((f) => ({ ...f, privateKey: "", personalAccessToken: "" }));
    if (step.status === "complete") {
      navigate(paths.installed(org.slug, step.data.integrationId));
    } else if (step.data && step.data.oauthUrl) {
      setOauthUrl(step.data.oauthUrl);
    } else {
      throw new Error("The installation needs a step this page does not know.");
    }
  });

  if (oauthUrl) {
    return html`
      <section class="card" aria-labelledby="approve-heading">
        <h2 id="approve-heading">Step 2 of 2: approve the link in Jira</h2>
        <p>Jira checked the consumer key and issued a request token. Open Jira's approval page, sign in there as a
          <strong>Jira administrator</strong> (creating the webhook needs admin rights) and choose <em>Allow</em>.
          Jira then sends you back here and the installation finishes.</p>
        <p class="actions"><a class="button" href=${oauthUrl}>Continue to Jira's approval page</a>
          <a class="button secondary" href=${paths.integrations(org.slug)}>Cancel</a></p>
        <p class="small muted">The approval link expires after 10 minutes; start again if it did.</p>
      </section>`;
  }

  const hasFieldErrors = Object.keys(fields).length > 0;
  return html`
    <form class="card stack" onSubmit=${submit} novalidate aria-labelledby="install-heading">
      <h2 id="install-heading">Step 1 of ${authType === "pat" ? 1 : 2}: connect to Jira</h2>
      ${hasFieldErrors && html`<${Alert} kind="error"><p>Please correct the fields marked below.</p><//>`}
      ${error && !error.fields && html`<${Alert} kind="error"><p>${error.message}</p><//>`}
      <fieldset>
        <legend>How the host signs in to Jira</legend>
        <div class="radio-row">
          <label><input type="radio" name="authType" value="oauth1" checked=${authType === "oauth1"}
            onChange=${() => setAuthType("oauth1")} /> OAuth 1.0a application link</label>
          <label><input type="radio" name="authType" value="pat" checked=${authType === "pat"}
            onChange=${() => setAuthType("pat")} /> Personal access token (Jira 8.14+)</label>
        </div>
      </fieldset>
      <${TextField} label="Jira URL" type="url" value=${form.url} onInput=${set("url")} error=${fields.url} required
        placeholder="https://jira.example.com" help="The base URL, with the context path if Jira has one (…/jira)." />
      ${authType === "oauth1"
        ? html`
          <${TextField} label="Consumer key" value=${form.consumerKey} onInput=${set("consumerKey")}
            error=${fields.consumerKey} required help="As entered in Jira's application link (Incoming Authentication)." />
          <${TextArea} label="Private key (PEM)" className="key" value=${form.privateKey} onInput=${set("privateKey")}
            error=${fields.privateKey} required
            help="The RSA private key whose public key you gave Jira. It is stored encrypted and never shown again." />`
        : html`
          <${TextField} label="Personal access token" type="password" value=${form.personalAccessToken}
            onInput=${set("personalAccessToken")} error=${fields.personalAccessToken} required autocomplete="off"
            help="A token of a Jira administrator. It is stored encrypted and never shown again." />`}
      <${Checkbox} label="Verify Jira's TLS certificate" checked=${form.verifySsl} onChange=${set("verifySsl")}
        error=${fields.verifySsl}
        help="Keep this on. For a company CA, start the host with --tls-ca-file instead of turning it off." />
      <div class="actions">
        <button type="submit" disabled=${busy}>${busy ? "Connecting…" : authType === "pat" ? "Install" : "Continue"}</button>
        <a class="button secondary" href=${paths.integrations(org.slug)}>Cancel</a>
      </div>
    </form>`;
}

export function InstallPage({ org: slug, provider }) {
  const { session } = useSession();
  const organization = useOrganization(slug);
  const name = providerName(provider);
  return html`<${OrgFrame} slug=${slug} organization=${organization} tab="integrations"
      crumbs=${[["Integrations", paths.integrations(slug)], [`Install ${name}`]]}>${(org) => html`
    <div class="page-header"><div><h1>Install ${name}</h1>
      <p class="subtitle">Link ${org.name} to a Jira Server or Data Center.</p></div></div>
    ${canManage(session, org)
      ? html`<${InstallForm} org=${org} provider=${provider} />`
      : html`<${Alert} kind="info"><p>Only owners of ${org.name} can install integrations.</p><//>`}`}<//>`;
}
