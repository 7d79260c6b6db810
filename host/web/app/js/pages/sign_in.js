// Sign in with email and password, or with the host's admin token (the
// first sign-in, before any user has a password).
import { html, useState } from "../lib/html.js";
import { api } from "../lib/api.js";
import { useSubmit } from "../lib/submit.js";
import { TextField } from "../components/forms.js";
import { Alert } from "../components/status.js";

export function SignInPage({ notice, onSignedIn }) {
  const [mode, setMode] = useState("password");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [token, setToken] = useState("");
  const { busy, error, fields, submit, clear } = useSubmit(async () => {
    const body = mode === "token" ? { token } : { email, password };
    try {
      onSignedIn(await api.post("/api/0/auth/session/", body));
    } catch (e) {
      setPassword("");
      setToken("");
      throw e;
    }
  });

  return html`
    <main class="page" id="main">
      <div class="signin">
        <div class="brand">Integration host</div>
        <div class="card">
          <h1>Sign in</h1>
          <p class="muted">${mode === "token"
            ? "Use the admin token the host printed or stored in its data directory (admin-token)."
            : "Use your email address and password."}</p>
          ${notice && !error && html`<${Alert} kind="info"><p>${notice}</p><//>`}
          ${error && !error.fields && html`<${Alert} kind="error"><p>${error.message}</p><//>`}
          <form class="stack" onSubmit=${submit} novalidate>
            ${mode === "token"
              ? html`<${TextField} label="Admin token" type="password" value=${token} onInput=${setToken}
                  autocomplete="off" error=${fields.token} required />`
              : html`
                <${TextField} label="Email" type="email" value=${email} onInput=${setEmail}
                  autocomplete="username" error=${fields.email} required />
                <${TextField} label="Password" type="password" value=${password} onInput=${setPassword}
                  autocomplete="current-password" error=${fields.password} required />`}
            <div class="actions">
              <button type="submit" disabled=${busy}>${busy ? "Signing in…" : "Sign in"}</button>
              <button type="button" class="link" onClick=${() => {
                setMode(mode === "token" ? "password" : "token");
                clear();
              }}>${mode === "token" ? "Sign in with email and password" : "Sign in with the admin token"}</button>
            </div>
          </form>
        </div>
      </div>
    </main>`;
}
