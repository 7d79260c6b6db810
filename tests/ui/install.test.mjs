// Browser test of installing Jira Server the way an owner does: enable the
// plugin, fill the install form (a field error first), approve on the mock
// Jira's OAuth page, land back in the app, change the sync settings and see
// them stored, then uninstall after confirming.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launchBrowser, newPage, screenshot } from "./support/browser.mjs";
import { CONSUMER_KEY, OWNER, eventually, keys, signIn, startWorld } from "./support/scenario.mjs";

describe("installing Jira Server in the browser", () => {
  let world;
  let browser;
  let page;

  before(async () => {
    world = await startWorld();
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  after(async () => {
    await browser?.close();
    await world?.stop();
  });

  test("the OAuth install goes through Jira's approval page and back into the app", async () => {
    await signIn(page, world.host, OWNER, "/organizations/acme/integrations/");
    await page.getByRole("heading", { name: "Plugins" }).waitFor();
    const install = page.getByRole("link", { name: "Install Jira Server" });
    assert.equal(await install.getAttribute("aria-disabled"), "true", "installing needs the plugin enabled");
    await page.getByRole("switch", { name: "Enable Jira Server for Acme" }).check();
    await page.getByText("Jira Server is enabled.").waitFor();
    await screenshot(page, "integrations-owner");
    await install.click();

    await page.getByRole("heading", { name: "Install Jira Server" }).waitFor();
    await page.getByLabel("Jira URL").fill("not a url");
    await page.getByLabel("Consumer key").fill(CONSUMER_KEY);
    await page.getByLabel("Private key (PEM)").fill(keys.privateKey);
    await page.getByRole("button", { name: "Continue" }).click();
    // The API's field error, shown at the field and announced.
    await page.getByText("Enter a valid URL.").waitFor();
    assert.equal(await page.getByLabel("Jira URL").getAttribute("aria-invalid"), "true");
    await page.getByRole("alert").filter({ hasText: "Please correct the fields" }).waitFor();
    await screenshot(page, "install-form-error");

    await page.getByLabel("Jira URL").fill(world.jira.baseUrl);
    await page.getByRole("button", { name: "Continue" }).click();
    const toJira = page.getByRole("link", { name: "Continue to Jira's approval page" });
    await toJira.waitFor();
    await screenshot(page, "install-approve-step");
    await toJira.click();

    // mock-jira's approval page, as a Jira administrator.
    await page.getByRole("heading", { name: "Welcome to Jira" }).waitFor();
    await page.getByLabel("Jira username").fill("alice");
    await page.getByRole("button", { name: "Allow" }).click();

    // Jira -> the host's callback -> the app's completion page.
    await page.getByRole("heading", { name: "Installation complete" }).waitFor();
    assert.match(new URL(page.url()).pathname, /^\/organizations\/acme\/integrations\/\d+\/installed\/$/);
    await screenshot(page, "install-complete");
    const webhooks = await world.jira.control("GET", "/_mock/webhooks");
    assert.equal(webhooks.json.length, 1, "the webhook is registered in Jira");
    const content = await page.content();
    assert.ok(!content.includes(keys.privateKey.split("\n")[1]), "the private key is not on the page");
    assert.ok(!/issue-updated\//.test(content), "the webhook URL is not on the page");
  });

  test("changing the settings stores them", async () => {
    await page.getByRole("link", { name: /^Configure/ }).click();
    await page.getByRole("heading", { name: "What to sync" }).waitFor();
    await page.getByLabel("Assign in Jira").check();
    await page.getByLabel("Resolve from Jira").check();
    await page.getByRole("button", { name: "Add a Jira project" }).click();
    const row = page.getByRole("group", { name: "New status mapping" });
    // The projects and their statuses come from Jira.
    await row.getByLabel("Jira project").selectOption({ label: "OPS - Operations" });
    const mapping = page.getByRole("group", { name: "Status mapping for OPS - Operations" });
    await eventually(async () => (await mapping.getByLabel("When resolved here").locator("option").count()) > 1, "statuses");
    await mapping.getByLabel("When resolved here").selectOption({ label: "Done" });
    await mapping.getByLabel("When unresolved here").selectOption({ label: "Open" });
    await page.getByLabel("When a linked ticket is done in Jira").selectOption("resolve_current_release");
    await page.getByLabel("Jira fields hidden from the create form").fill("labels, customfield_10100");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved.").waitFor();
    await screenshot(page, "integration-settings");

    const id = new URL(page.url()).pathname.split("/")[4];
    const stored = await world.host.api("GET", `/api/0/organizations/acme/integrations/${id}/`);
    assert.equal(stored.status, 200);
    assert.deepEqual(stored.json.config.sync_status_forward, { 10000: { on_resolve: "10001", on_unresolve: "1" } });
    assert.equal(stored.json.config.sync_forward_assignment, true);
    assert.equal(stored.json.config.sync_status_reverse, true);
    assert.equal(stored.json.config.sync_reverse_assignment, false);
    assert.equal(stored.json.config.resolution_strategy, "resolve_current_release");
    assert.match(stored.json.config.issues_ignored_fields, /labels/);

    // A reload shows what is stored.
    await page.reload();
    await page.getByRole("heading", { name: "What to sync" }).waitFor();
    assert.equal(await page.getByLabel("Assign in Jira").isChecked(), true);
    assert.equal(await page.getByLabel("Assign from Jira").isChecked(), false);
  });

  test("uninstalling asks for confirmation first", async () => {
    await page.getByRole("button", { name: /^Uninstall/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("This cannot be undone").waitFor();
    await screenshot(page, "uninstall-confirm");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    const listed = await world.host.api("GET", "/api/0/organizations/acme/integrations/");
    assert.equal(listed.json.length, 1, "cancel changes nothing");

    await page.getByRole("button", { name: /^Uninstall/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Yes, uninstall" }).click();
    await page.getByText("The integration is being uninstalled.").waitFor();
    await eventually(async () => (await world.host.api("GET", "/api/0/organizations/acme/integrations/")).json.length === 0,
      "the integration is gone");
  });
});
