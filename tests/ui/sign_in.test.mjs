// Browser tests of signing in and out: email and password, a wrong password,
// the admin token, the CSRF token, sign-out, an expired session, and what a
// member (not an owner) sees and may do.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launchBrowser, newPage, screenshot } from "./support/browser.mjs";
import { ADMIN_TOKEN } from "./support/processes.mjs";
import { MEMBER, OWNER, eventually, signIn, startWorld } from "./support/scenario.mjs";

describe("signing in", () => {
  let world;
  let browser;

  before(async () => {
    world = await startWorld();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await world?.stop();
  });

  test("a wrong password is refused with an announced error, the right one signs in", async () => {
    const page = await newPage(browser, { allowedOrigins: [world.host.url] });
    await page.goto(world.host.url + "/organizations/acme/issues/");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByLabel("Email").fill(OWNER.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await assert.doesNotReject(page.getByRole("alert").filter({ hasText: "Incorrect email or password." }).waitFor());
    await screenshot(page, "sign-in-wrong-password");

    await page.getByLabel("Password").fill(OWNER.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    // Back on the page that was asked for.
    await page.getByRole("heading", { name: "Issues" }).waitFor();
    assert.equal(new URL(page.url()).pathname, "/organizations/acme/issues/");
    await page.getByRole("link", { name: "Build agents run out of disk" }).waitFor();
    const cookie = (await page.context().cookies()).find((c) => c.name === "ih_session");
    assert.ok(cookie, "the session cookie is set");
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, "Lax");
    await page.getByRole("link", { name: "Organizations" }).first().click();
    await page.getByRole("link", { name: /Acme/ }).waitFor();
    await screenshot(page, "organizations");
    assert.deepEqual(page.foreignRequests, [], "no request leaves the host");
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });

  test("the admin token signs in too (the first sign-in)", async () => {
    const page = await newPage(browser);
    await page.goto(world.host.url + "/");
    await page.getByRole("button", { name: "Sign in with the admin token" }).click();
    await page.getByLabel("Admin token").fill(ADMIN_TOKEN);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByText("Administrator (admin token)").waitFor();
    await page.getByRole("link", { name: /Acme/ }).waitFor();
    await page.context().close();
  });

  test("a change without the CSRF token is refused; with it, it goes through", async () => {
    const page = await newPage(browser);
    await signIn(page, world.host, OWNER, "/organizations/");
    const issuePath = `/api/0/organizations/acme/issues/${world.issue.id}/comments/`;
    const statuses = await page.evaluate(async (path) => {
      const post = (headers) => fetch(path, {
        method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify({ text: "hello" }),
      }).then((r) => r.status);
      const session = await fetch("/api/0/auth/session/").then((r) => r.json());
      return { without: await post({}), wrong: await post({ "X-CSRF-Token": "forged" }),
        with: await post({ "X-CSRF-Token": session.csrfToken }) };
    }, issuePath);
    assert.deepEqual(statuses, { without: 403, wrong: 403, with: 201 });
    await page.context().close();
  });

  test("signing out ends the session: the old cookie no longer works", async () => {
    const page = await newPage(browser);
    await signIn(page, world.host, OWNER, "/organizations/");
    const cookie = (await page.context().cookies()).find((c) => c.name === "ih_session");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByText("You are signed out.").waitFor();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await screenshot(page, "signed-out");
    const replayed = await fetch(world.host.url + "/api/0/auth/session/", { headers: { Cookie: `ih_session=${cookie.value}` } });
    assert.equal(replayed.status, 401);
    await page.goto(world.host.url + "/organizations/");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.context().close();
  });

  test("a member sees no owner-only controls, and the API refuses them anyway", async () => {
    const page = await newPage(browser);
    await signIn(page, world.host, MEMBER, "/organizations/acme/integrations/");
    await page.getByRole("heading", { name: "Plugins" }).waitFor();
    await page.getByText("Only owners of Acme can enable plugins").waitFor();
    assert.equal(await page.getByRole("switch").count(), 0, "no enable switch");
    assert.equal(await page.getByRole("link", { name: "Install Jira Server" }).count(), 0, "no install button");
    assert.equal(await page.getByRole("link", { name: "Sync health" }).count(), 0, "no health tab");
    await screenshot(page, "integrations-member");
    const statuses = await page.evaluate(async () => {
      const { csrfToken } = await fetch("/api/0/auth/session/").then((r) => r.json());
      const headers = { "Content-Type": "application/json", "X-CSRF-Token": csrfToken };
      return {
        enable: (await fetch("/api/0/organizations/acme/plugins/jira_server/",
          { method: "PUT", headers, body: JSON.stringify({ enabled: true }) })).status,
        install: (await fetch("/api/0/organizations/acme/pipeline/integration/",
          { method: "POST", headers, body: JSON.stringify({ action: "initialize", provider: "jira_server" }) })).status,
        jobs: (await fetch("/api/0/organizations/acme/jobs/?state=dead")).status,
        issues: (await fetch("/api/0/organizations/acme/issues/")).status,
      };
    });
    assert.deepEqual(statuses, { enable: 403, install: 403, jobs: 403, issues: 200 });
    await page.goto(world.host.url + "/organizations/acme/health/");
    await page.getByText("Only owners of Acme can see the sync health.").waitFor();
    await page.context().close();
  });
});

describe("an idle session", () => {
  let world;
  let browser;

  before(async () => {
    world = await startWorld({ hostArgs: ["--session-idle-timeout-s", "2"] });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await world?.stop();
  });

  test("expires, and the app asks to sign in again", async () => {
    const page = await newPage(browser);
    await signIn(page, world.host, OWNER, "/organizations/");
    await page.getByRole("link", { name: /Acme/ }).waitFor();
    // Unused for longer than the idle timeout (2 s): the next request finds no
    // session. The idle time counts from the page's last request, which on a
    // loaded machine can come well after the link is shown.
    await page.waitForLoadState("networkidle");
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await page.getByRole("link", { name: /Acme/ }).click();
    await eventually(() => page.getByRole("heading", { name: "Sign in" }).isVisible(), "the sign-in page");
    await page.getByText("Your session has ended. Sign in again.").waitFor();
    await screenshot(page, "session-expired");
    // Signing in again returns to the page that was asked for.
    await page.getByLabel("Email").fill(OWNER.email);
    await page.getByLabel("Password").fill(OWNER.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("heading", { name: "Issues" }).waitFor();
    await page.context().close();
  });
});
