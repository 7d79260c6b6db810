// tests/ui/support/processes.mjs - the real processes a browser test talks
// to: build/bin/integration-host and build/bin/mock-jira, each started on a
// free port with its own temporary directory, ready once it printed
// "listening on http://ADDR:PORT", stopped with SIGTERM (then SIGKILL).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const buildDir = process.env.IH_BUILD_DIR || path.resolve(fileURLToPath(new URL(".", import.meta.url)), "../../../build");

const running = new Set();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

// Starts `binary` and resolves with {child, url} once it is listening.
function launch(name, binary, args, env, readyMs = 30000) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    running.add(child);
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => fail(new Error(`${name} did not start within ${readyMs} ms`)), readyMs);
    function fail(error) {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${error.message}\n--- ${name} stderr ---\n${stderr.slice(-4000)}`));
    }
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const match = stdout.match(/listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1], logs: () => stderr });
      }
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
      if (stderr.length > 200000) stderr = stderr.slice(-100000);
    });
    child.on("exit", (code) => {
      running.delete(child);
      fail(new Error(`${name} exited with ${code}`));
    });
  });
}

async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

async function call(url, method, body, headers = {}) {
  const response = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, json, text, headers: response.headers };
}

export const ADMIN_TOKEN = "ui-test-admin-token";

// The host on a fresh data dir, with the build's plugins and web app.
export async function startHost({ args = [] } = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "ih-ui-host-"));
  const { child, url, logs } = await launch(
    "integration-host",
    path.join(buildDir, "bin/integration-host"),
    ["--port", "0", "--data-dir", dataDir, "--plugins-dir", path.join(buildDir, "plugins"),
      "--web-dir", path.join(buildDir, "web"), "--workers", "2", "--job-retry-base-ms", "200",
      "--log-level", "warning", ...args],
    { INTEGRATION_HOST_ADMIN_TOKEN: ADMIN_TOKEN },
  );
  return {
    url,
    logs,
    // A call with the admin token (or another bearer token), asserting nothing.
    api: (method, apiPath, body, token = ADMIN_TOKEN) =>
      call(url + apiPath, method, body, token ? { Authorization: `Bearer ${token}` } : {}),
    async stop() {
      await stop(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// mock-jira under /jira, seeded from `seed`.
export async function startMockJira(seed) {
  const dir = mkdtempSync(path.join(tmpdir(), "ih-ui-jira-"));
  const seedFile = path.join(dir, "seed.json");
  writeFileSync(seedFile, JSON.stringify(seed));
  const { child, url } = await launch("mock-jira", path.join(buildDir, "bin/mock-jira"),
    ["--port", "0", "--context-path", "/jira", "--seed", seedFile], {});
  return {
    url,
    baseUrl: url + "/jira",
    control: (method, controlPath, body) => call(url + controlPath, method, body),
    async stop() {
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
