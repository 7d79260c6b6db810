// Calls to the host's public HTTP API (/api/0/ and the plugins' routes), and
// nothing else. The browser sends the session cookie; every request that may
// change something also sends the session's CSRF token, which the host
// demands of cookie-authenticated requests. A 401 on any call means the
// session ended (idle timeout, sign-out elsewhere): the app is told, and
// shows the sign-in page.

let csrfToken = null;
let sessionEndedListener = () => {};

export function setCsrfToken(token) {
  csrfToken = token || null;
}

export function onSessionEnded(listener) {
  sessionEndedListener = listener;
}

// An answer other than 2xx. `fields` holds the contract's validation errors
// ({"field": ["message"]}), `detail` the message of any other error.
export class ApiError extends Error {
  constructor(status, body) {
    super(ApiError.describe(status, body));
    this.status = status;
    this.body = body;
    this.fields = ApiError.fieldErrors(body);
  }

  static describe(status, body) {
    if (body && typeof body.detail === "string") return body.detail;
    if (body && body.data && typeof body.data.detail === "string") return body.data.detail;
    if (body && ApiError.fieldErrors(body)) return "Please correct the highlighted fields.";
    if (status === 0) return "The host could not be reached. Check your connection and try again.";
    return `The request failed (HTTP ${status}).`;
  }

  // {"url": ["Enter a valid URL."]} -> {url: "Enter a valid URL."}; null when not that shape.
  static fieldErrors(body) {
    if (!body || typeof body !== "object" || Array.isArray(body) || "detail" in body || "status" in body) return null;
    const out = {};
    for (const [name, messages] of Object.entries(body)) {
      if (Array.isArray(messages) && messages.every((m) => typeof m === "string")) out[name] = messages.join(" ");
      else if (typeof messages === "string") out[name] = messages;
    }
    return Object.keys(out).length ? out : null;
  }
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export async function request(method, path, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (UNSAFE.has(method) && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, null);
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { detail: text.slice(0, 200) };
    }
  }
  if (response.status === 401 && !path.startsWith("/api/0/auth/session/")) {
    sessionEndedListener(data && data.detail);
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const api = {
  get: (path) => request("GET", path),
  post: (path, body = {}) => request("POST", path, body),
  put: (path, body = {}) => request("PUT", path, body),
  del: (path) => request("DELETE", path),
};

// "/api/0/organizations/" + encoded segments.
export function apiPath(...segments) {
  return "/api/0/" + segments.map((s) => encodeURIComponent(String(s))).join("/") + "/";
}

// A URL with query parameters added (values encoded; empty ones left out).
export function withQuery(url, params) {
  const query = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== "")
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join("&");
  if (!query) return url;
  return url + (url.includes("?") ? "&" : "?") + query;
}
