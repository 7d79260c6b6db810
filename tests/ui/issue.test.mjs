// Browser tests of an issue linked to Jira: link a ticket and create one
// through the dialogs (built from the plugin's forms, with search-as-you-type),
// assign in the page and see Jira updated (the mock's journal), see a change
// made in Jira appear on the page; a job Jira refused on the sync health page,
// retried from there until Jira has the change, with the retry in the audit
// log and the outcome in the sync log; a reconcile started there,
// finished and audited.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launchBrowser, newPage, screenshot } from "./support/browser.mjs";
import { OWNER, eventually, installJiraByApi, signIn, startWorld } from "./support/scenario.mjs";

describe("an issue linked to Jira", () => {
  let world;
  let browser;
  let page;

  before(async () => {
    world = await startWorld();
    await installJiraByApi(world);
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  after(async () => {
    await browser?.close();
    await world?.stop();
  });

  const journal = async (method, path) =>
    (await world.jira.control("GET", "/_mock/journal")).json.filter((e) => e.method === method && e.path === path);

  test("linking a ticket through the dialog, found by typing", async () => {
    await signIn(page, world.host, OWNER, "/organizations/acme/issues/");
    await page.getByRole("link", { name: "Build agents run out of disk" }).click();
    await page.getByRole("heading", { name: "Build agents run out of disk" }).waitFor();
    await page.getByRole("button", { name: "Link ticket" }).click();
    const dialog = page.getByRole("dialog", { name: "Link a Jira ticket" });
    const search = dialog.getByRole("combobox", { name: "Issue" });
    await search.pressSequentially("Disk", { delay: 30 });
    const option = dialog.getByRole("option", { name: "(OPS-1) Disk full on build agents" });
    await option.waitFor();
    await screenshot(page, "issue-link-dialog");
    await search.press("Enter");
    await dialog.getByLabel("Comment").fill("Tracked here");
    await dialog.getByRole("button", { name: "Link ticket" }).click();
    await page.getByText("Linked OPS-1.").waitFor();
    const link = page.getByRole("list", { name: "Linked tickets" }).getByRole("link", { name: "OPS-1" });
    assert.equal(await link.getAttribute("href"), world.jira.baseUrl + "/browse/OPS-1");
    await eventually(async () => (await journal("POST", "/jira/rest/api/2/issue/OPS-1/comment")).length === 1,
      "the link comment in Jira");
  });

  test("creating a ticket through the dialog", async () => {
    await page.getByRole("button", { name: "Create ticket" }).click();
    const dialog = page.getByRole("dialog", { name: "Create a Jira ticket" });
    await dialog.getByLabel("Jira Project").waitFor();
    await dialog.getByLabel("Issue Type").selectOption({ label: "Bug" });
    // The form is fetched again for the type; the title keeps its default.
    await eventually(async () => (await dialog.getByLabel("Title").inputValue()) === "Build agents run out of disk", "the title");
    await dialog.getByLabel("Title").fill("Clean the build agents");
    await screenshot(page, "issue-create-dialog");
    await dialog.getByRole("button", { name: "Create ticket" }).click();
    await page.getByText(/^Created OPS-3\./).waitFor();
    await page.getByRole("list", { name: "Linked tickets" }).getByRole("link", { name: "OPS-3" }).waitFor();
    const created = await journal("POST", "/jira/rest/api/2/issue");
    assert.equal(created.length, 1);
    assert.equal(JSON.parse(created[0].body).fields.summary, "Clean the build agents");
  });

  test("assigning in the page updates Jira", async () => {
    await page.getByLabel("Assignee", { exact: true }).selectOption({ label: "Bob Member (bob@example.test)" });
    await page.getByText("Assigned.", { exact: true }).waitFor();
    for (const key of ["OPS-1", "OPS-3"]) {
      await eventually(async () => {
        const puts = await journal("PUT", `/jira/rest/api/2/issue/${key}/assignee`);
        return puts.some((e) => JSON.parse(e.body).name === "bob");
      }, `${key} assigned to bob in Jira`);
    }
  });

  test("a change made in Jira shows up on the issue page", async () => {
    await world.jira.control("POST", "/_mock/issues/OPS-1/status", { status: "10001", actor: "alice" });
    // The page polls: no reload.
    await eventually(async () => (await page.getByLabel("Status", { exact: true }).inputValue()) === "resolved", "resolved on the page", 15000);
    await page.getByText("(from Jira Server)").first().waitFor();
    await screenshot(page, "issue");
  });

  test("the sync health page lists what failed, with Jira's reason", async () => {
    await page.getByRole("link", { name: "Sync health" }).click();
    await page.getByText("No failed jobs.").waitFor();
    // Jira refuses the next assignment of OPS-3 for good (400): that job is dead-lettered.
    const fault = await world.jira.control("POST", "/_mock/faults",
      { method: "PUT", path: "/rest/api/2/issue/OPS-3/assignee", status: 400, count: 1 });
    assert.equal(fault.status, 200);
    await page.goBack();
    await page.getByLabel("Assignee", { exact: true }).selectOption({ label: "Alice Owner (alice@example.test)" });
    const dead = await eventually(async () => {
      const jobs = await world.host.api("GET", "/api/0/organizations/acme/jobs/?state=dead");
      return jobs.json.length === 1 && jobs.json[0];
    }, "a dead job");
    assert.ok(dead.lastError, "the job keeps its reason");
    await page.getByRole("link", { name: "Sync health" }).click();
    const row = page.getByRole("row").filter({ hasText: "Change sent to Jira" });
    await row.waitFor();
    await row.getByText(dead.lastError).waitFor();
    await screenshot(page, "sync-health");
  });

  test("a dead job retried from the health page", async () => {
    // The fault was for one call: Jira takes the assignment now.
    const row = page.getByRole("row").filter({ hasText: "Change sent to Jira" });
    await row.getByRole("button", { name: /^Retry job / }).click();
    await page.getByRole("status").getByText(/will run again/).waitFor();
    await eventually(async () => {
      const puts = await journal("PUT", "/jira/rest/api/2/issue/OPS-3/assignee");
      return puts.some((e) => JSON.parse(e.body).name === "alice");
    }, "OPS-3 assigned to alice in Jira after the retry");
    await page.getByText("No failed jobs.").waitFor({ timeout: 15000 });
    const audit = page.getByRole("table", { name: "Audit log, newest first" });
    await audit.getByRole("row").filter({ hasText: "job.retried" }).waitFor();
    await screenshot(page, "sync-health-retried");
    // The sync log tells the story: the failure, then the assignment.
    await page.goBack();
    const log = page.getByRole("table", { name: "Sync log, newest first" });
    await log.getByRole("row").filter({ hasText: "assigned to Jira user alice" }).first().waitFor({ timeout: 15000 });
    await log.getByRole("row").filter({ hasText: "Failed" }).first().waitFor();
    await screenshot(page, "issue-sync-log");
  });

  test("a reconcile started from the health page finishes and is audited", async () => {
    await page.getByRole("link", { name: "Sync health" }).click();
    const table = page.getByRole("table", { name: "Reconcile per integration" });
    await table.getByRole("button", { name: /^Reconcile .* now$/ }).click();
    await page.getByRole("status").getByText(/Reconcile of .* started/).waitFor();
    await table.getByText(/^Finished /).waitFor({ timeout: 30000 });
    const audit = page.getByRole("table", { name: "Audit log, newest first" });
    await audit.getByRole("row").filter({ hasText: "integration.reconcile_started" }).waitFor();
    await screenshot(page, "sync-health-reconciled");
  });
});
