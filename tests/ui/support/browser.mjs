// tests/ui/support/browser.mjs - Debian's chromium, headless, driven by
// playwright-core (which never downloads a browser of its own). The flags
// keep Chromium from reaching out to Google's services: this machine's
// network is closed and every refused connection slows it down.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { buildDir } from "./processes.mjs";

export const CHROMIUM = process.env.IH_CHROMIUM || "/usr/bin/chromium";
export const screenshotDir = process.env.IH_UI_SCREENSHOTS || path.join(buildDir, "ui-screenshots");

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

// A fresh context (own cookies) and page; every request the page makes to
// another origin than the allowed ones fails the test (no third-party calls).
export async function newPage(browser, { allowedOrigins = [] } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  page.foreignRequests = [];
  page.on("request", (request) => {
    const origin = new URL(request.url()).origin;
    if (origin !== "null" && !request.url().startsWith("data:") && !allowedOrigins.includes(origin)) {
      page.foreignRequests.push(request.url());
    }
  });
  page.consoleErrors = [];
  page.on("pageerror", (error) => page.consoleErrors.push(String(error)));
  page.setDefaultTimeout(15000);
  return page;
}

// Saves build/ui-screenshots/<name>.png, so a failure can be looked at.
export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}
