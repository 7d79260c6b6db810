// The signed-in user's account: changing the password (the current one is
// required; other sessions of the account are signed out).
import { html, useState } from "../lib/html.js";
import { api, apiPath } from "../lib/api.js";
import { useSession } from "../lib/session.js";
import { useSubmit } from "../lib/submit.js";
import { TextField } from "../components/forms.js";
import { Alert } from "../components/status.js";

export function AccountPage() {
  const { session } = useSession();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [done, setDone] = useState(false);
  const { busy, error, fields, submit } = useSubmit(async () => {
    setDone(false);
    try {
      await api.put(apiPath("users", session.user.id, "password"), { password: next, currentPassword: current });
      setDone(true);
    } finally {
      setCurrent("");
      setNext("");
    }
  });
  if (!session.user) {
    return html`<h1>Account</h1><${Alert} kind="info"><p>You signed in with the admin token; it has no account.</p><//>`;
  }
  return html`
    <div class="page-header"><div><h1>Account</h1><p class="subtitle">${session.user.name} · ${session.user.email}</p></div></div>
    <form class="card stack page narrow" onSubmit=${submit} novalidate aria-labelledby="password-heading">
      <h2 id="password-heading">Change password</h2>
      ${done && html`<${Alert} kind="success"><p>Password changed. Your other sessions were signed out.</p><//>`}
      ${error && !error.fields && html`<${Alert} kind="error"><p>${error.message}</p><//>`}
      <${TextField} label="Current password" type="password" value=${current} onInput=${setCurrent}
        autocomplete="current-password" error=${fields.currentPassword} required />
      <${TextField} label="New password" type="password" value=${next} onInput=${setNext}
        autocomplete="new-password" error=${fields.password} help="At least 8 characters." required />
      <div class="actions"><button type="submit" disabled=${busy}>Change password</button></div>
    </form>`;
}
