import { html } from "../lib/html.js";
import { paths } from "../lib/router.js";

export function NotFoundPage() {
  return html`
    <h1>Page not found</h1>
    <p class="muted">There is no page at this address.</p>
    <p><a class="button secondary" href=${paths.organizations()}>Go to your organizations</a></p>`;
}
