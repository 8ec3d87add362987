// Starts the built `purser` executable on a loopback port with a fresh SQLite file, issues an
// operator token, and builds the official Azure SDK clients pointed at it. Only loopback
// addresses are ever contacted.
import { spawn, execFile } from "node:child_process";
import { mkdtemp, rm, access } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { BillingManagementClient } from "@azure/arm-billing";
import { ConsumptionManagementClient } from "@azure/arm-consumption";

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The build test.sh produces; PURSER_DLL overrides it. */
export const purserDll = process.env.PURSER_DLL ?? join(root, "src/Purser.Server/bin/Release/net10.0/purser.dll");

/** The subscription id the Billing client insists on; Purser never reads it on these calls. */
const subscriptionId = "00000000-0000-0000-0000-000000000000";

function assertLoopback(url) {
  const host = new URL(url).hostname;
  if (host !== "127.0.0.1" && host !== "localhost" && host !== "[::1]")
    throw new Error(`refusing to contact a non-loopback address: ${url}`);
}

async function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * A running Purser: `url`, `operatorToken`, `stop()`, and `output()` (what the process printed,
 * for diagnostics).
 */
export async function startPurser() {
  await access(purserDll).catch(() => {
    throw new Error(`${purserDll} is missing: build first (dotnet build Purser.slnx -c Release)`);
  });
  const dir = await mkdtemp(join(tmpdir(), "purser-compat-"));
  const database = `Data Source=${join(dir, "purser.db")}`;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  assertLoopback(url);

  let log = "";
  const child = spawn("dotnet", [purserDll, "serve", "--database", database, "--urls", url, "--no-demo"], {
    cwd: dir,
    env: { ...process.env, DOTNET_NOLOGO: "1", ASPNETCORE_ENVIRONMENT: "Production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d) => { log += d; });
  child.stderr.on("data", (d) => { log += d; });
  const exited = new Promise((r) => child.once("exit", (code, signal) => r({ code, signal })));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`purser exited with ${child.exitCode} before it was healthy:\n${log}`);
      try {
        const health = await fetch(`${url}/healthz`);
        if (health.status === 200) break;
      } catch { /* not listening yet */ }
      if (Date.now() > deadline) throw new Error(`purser was not healthy within 90 s:\n${log}`);
      await sleep(250);
    }
    const { stdout } = await run("dotnet", [purserDll, "token", "--database", database, "--create-operator"], { cwd: dir });
    const operatorToken = stdout.trim().split("\n").pop().trim();
    if (!operatorToken) throw new Error("purser token printed no token");
    return { url, operatorToken, stop, output: () => log };
  } catch (e) {
    await stop();
    throw e;
  }
}

let keys = 0;

/** POST to the operator API; answers the parsed body of a 201, throws on anything else. */
export async function opsPost(purser, path, body) {
  const target = `${purser.url}${path}`;
  assertLoopback(target);
  const response = await fetch(target, {
    method: "POST",
    headers: {
      "Authorization": `Bearer ${purser.operatorToken}`,
      "Content-Type": "application/json",
      "Idempotency-Key": `compat-${process.pid}-${++keys}-${Date.now()}`,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

/** GET from the operator API; answers the response of a 200 (`json()` / `text()` not yet read), throws on anything else. */
export async function opsGet(purser, path) {
  const target = `${purser.url}${path}`;
  assertLoopback(target);
  const response = await fetch(target, { headers: { "Authorization": `Bearer ${purser.operatorToken}` } });
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

/**
 * POST /ops/usage: one batch from `source`, all of it or nothing (the event id is the idempotency
 * key, so no Idempotency-Key header). Throws unless every event was accepted as new.
 */
export async function opsIngest(purser, source, events) {
  const target = `${purser.url}/ops/usage`;
  assertLoopback(target);
  const response = await fetch(target, {
    method: "POST",
    headers: { "Authorization": `Bearer ${purser.operatorToken}`, "Content-Type": "application/json" },
    body: JSON.stringify({ source, events }),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`POST /ops/usage answered ${response.status}: ${text}`);
  const body = JSON.parse(text);
  if (body.accepted !== events.length) throw new Error(`POST /ops/usage accepted ${body.accepted} of ${events.length} events: ${text}`);
  return body;
}

/**
 * Polls `probe` (an async function answering a value, or undefined while not there yet) every
 * `everyMs` until it answers: at most `tries` times and, however slow each probe is, for no longer
 * than twice the time those tries take. Throws with `what` when it never answers.
 */
export async function eventually(what, probe, { tries = 120, everyMs = 500 } = {}) {
  const deadline = Date.now() + 2 * tries * everyMs;
  for (let i = 0; i < tries && Date.now() < deadline; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(everyMs);
  }
  throw new Error(`${what}: not within ${tries} tries ${everyMs} ms apart`);
}

// The recipe of AZURE-WIRE.md: the endpoint option routes, the bearer policy (which refuses
// http://) gives way to one that sends the Purser token, and nothing is retried.
function wire(client, token) {
  client.pipeline.removePolicy({ name: "bearerTokenAuthenticationPolicy" });
  client.pipeline.addPolicy({
    name: "purserToken",
    sendRequest: (request, next) => {
      assertLoopback(request.url);
      request.headers.set("Authorization", `Bearer ${token}`);
      return next(request);
    },
  });
  return client;
}

// Never called once the bearer policy is removed; the constructors only want a TokenCredential.
const credential = { getToken: async () => ({ token: "unused", expiresOnTimestamp: Date.now() + 3_600_000 }) };

function options(purser) {
  return { endpoint: purser.url, allowInsecureConnection: true, retryOptions: { maxRetries: 0 } };
}

export function billingClient(purser, token) {
  return wire(new BillingManagementClient(credential, subscriptionId, options(purser)), token);
}

export function consumptionClient(purser, token) {
  return wire(new ConsumptionManagementClient(credential, subscriptionId, options(purser)), token);
}

/** Every item of a paged list, following nextLink as the client does. */
export async function all(iterable) {
  const items = [];
  for await (const item of iterable) items.push(item);
  return items;
}
