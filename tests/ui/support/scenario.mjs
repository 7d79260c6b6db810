// tests/ui/support/scenario.mjs - the world a browser test starts from: a
// mock Jira with users alice (admin) and bob, project OPS with tickets, an
// application link whose callback is the host's; and a host with the
// organization "acme", an owner and a member who sign in with passwords, a
// team and project, and an issue.
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { startHost, startMockJira } from "./processes.mjs";

export const CONSUMER_KEY = "integration-host";
export const OWNER = { email: "alice@example.test", name: "Alice Owner", password: "correct horse battery" };
export const MEMBER = { email: "bob@example.test", name: "Bob Member", password: "member password 1" };

export const keys = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
});

export function jiraSeed() {
  return {
    users: [
      { name: "alice", displayName: "Alice Admin", emailAddress: OWNER.email, admin: true },
      { name: "bob", displayName: "Bob Builder", emailAddress: MEMBER.email },
    ],
    consumers: [{ consumerKey: CONSUMER_KEY, name: "Integration host", publicKey: keys.publicKey }],
    projects: [{ id: "10000", key: "OPS", name: "Operations" }],
    statuses: [
      { id: "1", name: "Open", category: "new" },
      { id: "3", name: "In Progress", category: "indeterminate" },
      { id: "10001", name: "Done", category: "done" },
    ],
    transitions: [
      { id: "11", name: "Start", to: "3" },
      { id: "31", name: "Finish", to: "10001" },
      { id: "41", name: "Reopen", to: "1" },
    ],
    issues: [
      { key: "OPS-1", project: "OPS", summary: "Disk full on build agents", status: "1", assignee: null },
      { key: "OPS-2", project: "OPS", summary: "Fan noise in the server room", status: "1", assignee: null },
    ],
    emailVisibility: true,
  };
}

async function ok(reply, status, what) {
  assert.equal(reply.status, status, `${what}: ${reply.status} ${reply.text}`);
  return reply.json;
}

// Host + mock Jira + the acme organization. `hostArgs` go to integration-host.
export async function startWorld({ hostArgs = [] } = {}) {
  const jira = await startMockJira(jiraSeed());
  const host = await startHost({ args: hostArgs });
  // Jira's application link sends approving browsers to the host's callback.
  await ok(await jira.control("POST", "/_mock/seed", {
    consumers: [{ consumerKey: CONSUMER_KEY, name: "Integration host", publicKey: keys.publicKey,
      callbackUrl: host.url + "/extensions/jira_server/setup/" }],
  }), 200, "seed the callback");
  const api = host.api;
  await ok(await api("POST", "/api/0/organizations/", { slug: "acme", name: "Acme" }), 201, "organization");
  const owner = await ok(await api("POST", "/api/0/users/", OWNER), 201, "owner");
  const member = await ok(await api("POST", "/api/0/users/", MEMBER), 201, "member");
  await ok(await api("POST", "/api/0/organizations/acme/members/", { userId: owner.id, role: "owner" }), 201, "owner role");
  await ok(await api("POST", "/api/0/organizations/acme/members/", { userId: member.id, role: "member" }), 201, "member role");
  await ok(await api("POST", "/api/0/organizations/acme/teams/", { slug: "ops" }), 201, "team");
  for (const user of [owner, member]) {
    await ok(await api("POST", "/api/0/organizations/acme/teams/ops/members/", { userId: user.id }), 201, "team member");
  }
  await ok(await api("POST", "/api/0/organizations/acme/projects/", { slug: "backend", teams: ["ops"] }), 201, "project");
  const issue = await ok(await api("POST", "/api/0/projects/acme/backend/issues/", { title: "Build agents run out of disk" }),
    201, "issue");
  return {
    jira,
    host,
    owner,
    member,
    issue,
    async stop() {
      await host.stop();
      await jira.stop();
    },
  };
}

// Installs Jira Server for acme through the API (enable, both pipeline steps,
// approval through the mock's control API) and turns every sync option on.
export async function installJiraByApi(world) {
  const { host, jira } = world;
  await ok(await host.api("PUT", "/api/0/organizations/acme/plugins/jira_server/", { enabled: true }), 200, "enable");
  const started = await ok(await host.api("POST", "/api/0/organizations/acme/pipeline/integration/",
    { action: "initialize", provider: "jira_server" }), 200, "initialize");
  const step = await ok(await host.api("POST", `/api/0/organizations/acme/pipeline/integration/${started.pipelineId}/`,
    { url: jira.baseUrl, consumerKey: CONSUMER_KEY, privateKey: keys.privateKey, verifySsl: true }), 200, "step 1");
  const token = new URL(step.data.oauthUrl).searchParams.get("oauth_token");
  const approved = await ok(await jira.control("POST", "/_mock/oauth/approve", { oauthToken: token, user: "alice" }), 200,
    "approve");
  const done = await ok(await host.api("POST", `/api/0/organizations/acme/pipeline/integration/${started.pipelineId}/`,
    { oauthToken: approved.oauth_token, oauthVerifier: approved.oauth_verifier }), 200, "step 2");
  const id = done.data.integrationId;
  await ok(await host.api("PUT", `/api/0/organizations/acme/integrations/${id}/`, {
    config: {
      sync_forward_assignment: true, sync_reverse_assignment: true, sync_status_reverse: true, sync_comments: true,
      sync_status_forward: { 10000: { on_resolve: "10001", on_unresolve: "1" } },
    },
  }), 200, "config");
  return id;
}

// Polls `probe` until it returns a truthy value (or fails after `ms`).
export async function eventually(probe, what, ms = 10000) {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`${what} did not happen within ${ms} ms (last: ${JSON.stringify(last)})`);
}

// Signs in through the sign-in page.
export async function signIn(page, host, user, next = "/") {
  await page.goto(host.url + next);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}
