// Small status pieces: alerts (announced to screen readers), loading and
// empty states, badges.
import { html } from "../lib/html.js";

// Errors use role="alert" (announced at once); successes role="status".
export function Alert({ kind = "error", children }) {
  if (!children) return null;
  return html`<div class=${"notice " + kind} role=${kind === "error" ? "alert" : "status"}>${children}</div>`;
}

// The message of an ApiError (or any error), as an alert.
export function ErrorAlert({ error }) {
  if (!error) return null;
  return html`<${Alert} kind="error"><p>${error.message || String(error)}</p><//>`;
}

export function Loading({ label = "Loading…" }) {
  return html`<p class="loading" role="status">${label}</p>`;
}

export function Empty({ children }) {
  return html`<p class="empty">${children}</p>`;
}

export function Badge({ tone = "", children }) {
  return html`<span class=${"badge " + tone}>${children}</span>`;
}

// [label, tone] from one of format.js's label tables.
export function StatusBadge({ table, value }) {
  const [label, tone] = table[value] || [value, ""];
  return html`<${Badge} tone=${tone}>${label}<//>`;
}
