// Shared by the edge tests: start the built worker (edge/build/) in workerd through Miniflare, on a
// D1 database that wrangler migrated from edge/migrations/, exactly as `wrangler dev` would.
//
// No mocks: the worker, D1 (SQLite in workerd), the Cache API and the request path are the real
// runtime's. Miniflare applies no migrations itself, so each test's state directory is migrated by
// `wrangler d1 migrations apply DB --local --persist-to DIR` first.

import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { Log, LogLevel, Miniflare } from "miniflare";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const EDGE = join(ROOT, "edge");
export const STATE = process.env.SELOSTE_EDGE_TEST_STATE ?? join(ROOT, "target/edge-tests");

const wranglerToml = readFileSync(join(EDGE, "wrangler.toml"), "utf8");
const tomlValue = (key) => wranglerToml.match(new RegExp(`^${key}\\s*=\\s*"([^"]+)"`, "m"))[1];
/** The placeholder id: Miniflare finds wrangler's local SQLite file by it. */
export const DATABASE_ID = tomlValue("database_id");
export const COMPATIBILITY_DATE = tomlValue("compatibility_date");

/** A fresh, migrated state directory under target/edge-tests/NAME. */
export function freshState(name) {
  const dir = join(STATE, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync(
    join(ROOT, "node_modules/.bin/wrangler"),
    ["d1", "migrations", "apply", "DB", "--local", "--persist-to", dir],
    { cwd: EDGE, env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" }, stdio: "pipe" },
  );
  return dir;
}

/** A port on 127.0.0.1 that is free now (the edge's public origin must be known before it starts). */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Rate limits high enough that no test but the one about them meets them (the benchmark publishes
 * a thousand versions of one notice within a minute).
 */
export const GENEROUS_LIMITS = {
  AUTH_FAILURES: { simple: { limit: 100000, period: 60 } },
  PUBLISHES: { simple: { limit: 100000, period: 60 } },
};

/**
 * Starts the worker on the state in `dir`; `stop()` shuts workerd down (state stays on disk).
 * `publicOrigin` is the edge's configured PUBLIC_ORIGIN (by default the address it listens on);
 * `ratelimits` the rate-limit bindings (Miniflare's form); `vars` more vars.
 */
export async function startEdge(dir, token, { publicOrigin, ratelimits = GENEROUS_LIMITS, vars = {} } = {}) {
  const port = await freePort();
  publicOrigin ??= `http://127.0.0.1:${port}`;
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(EDGE, "build/index.js"),
    modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
    compatibilityDate: COMPATIBILITY_DATE,
    d1Databases: { DB: DATABASE_ID },
    d1Persist: join(dir, "v3/d1"),
    cachePersist: join(dir, "v3/cache"),
    bindings: { PUBLISH_TOKEN: token, PUBLIC_ORIGIN: publicOrigin, ...vars },
    ratelimits,
    host: "127.0.0.1",
    port,
    // No `Request.cf` download from workers.cloudflare.com: the tests talk to 127.0.0.1 only.
    cf: false,
    // SELOSTE_EDGE_LOG=1 shows the worker's console (errors are logged there, never sent).
    log: process.env.SELOSTE_EDGE_LOG ? new Log(LogLevel.DEBUG) : undefined,
  });
  const url = await mf.ready;
  return {
    base: url.href.replace(/\/$/, ""),
    token,
    dir,
    publicOrigin,
    url: (path) => new URL(path, url).href,
    /** The worker's D1 binding, from outside the worker (to test the database itself); a promise. */
    d1: () => mf.getD1Database("DB"),
    stop: () => mf.dispose(),
  };
}

/** A migrated state directory and the worker running on it, with a random operator token. */
/**
 * The `seloste` CLI as built from this tree (a no-op when `cargo test` built it already); returns
 * its path. For tests that drive the edge through the command line.
 */
export function buildCli() {
  try {
    execFileSync("cargo", ["build", "--quiet", "--bin", "seloste"], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  } catch (e) {
    throw new Error(`cannot build the seloste CLI (cargo build --bin seloste): ${e.message}`);
  }
  return join(ROOT, "target/debug/seloste");
}

export async function freshEdge(name, options = {}) {
  return startEdge(freshState(name), randomBytes(24).toString("hex"), options);
}

/** A minimal valid notice with the given id, merged with `extra`. */
export function notice(id, extra = {}) {
  return {
    format: 1,
    id,
    languages: ["fi", "en"],
    title: { fi: "Asiakasrekisterin tietosuojaseloste", en: "Customer register privacy notice" },
    organisation: { name: "Testi Oy", emails: ["tietosuoja@testi.example"] },
    role: { acts_as: "controller" },
    ...extra,
  };
}

/** POST a version; `body` is an object (sent as JSON) or a string (sent as is). */
export async function publish(edge, id, body, { token = edge.token, headers = {} } = {}) {
  const auth = token === null ? {} : { authorization: `Bearer ${token}` };
  return fetch(edge.url(`/api/v1/notices/${id}/versions`), {
    method: "POST",
    headers: { "content-type": "application/json", ...auth, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** Publishes and asserts a 201; returns the JSON answer. */
export async function publishOk(edge, id, body) {
  const r = await publish(edge, id, body);
  const text = await r.text();
  if (r.status !== 201) throw new Error(`publish ${id}: ${r.status} ${text}`);
  return JSON.parse(text);
}

export async function getJson(edge, path) {
  const r = await fetch(edge.url(path));
  return { status: r.status, headers: r.headers, json: await r.json() };
}

/**
 * Runs the Nu HTML Checker (vnu-jar, on Java) over `pages` ({name: html}) in one JVM; returns its
 * error messages, each with the page name.
 */
export async function nuErrors(pages, dirName) {
  const dir = join(STATE, dirName);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = Object.entries(pages).map(([name, html], i) => {
    const file = join(dir, `${String(i).padStart(3, "0")}.html`);
    writeFileSync(file, html);
    return [file, name];
  });
  const names = new Map(files.map(([f, n]) => [`file:${f}`, n]));
  const jar = join(ROOT, "node_modules/vnu-jar/build/dist/vnu.jar");
  const args = ["-jar", jar, "--errors-only", "--format", "json", ...files.map(([f]) => f)];
  let stderr;
  try {
    ({ stderr } = await promisify(execFile)("java", args, { maxBuffer: 64 << 20 }));
  } catch (e) {
    // vnu exits non-zero when it reports errors; the report is on stderr all the same.
    stderr = e.stderr;
    if (!stderr) throw e;
  }
  const { messages } = JSON.parse(stderr);
  return messages
    .filter((m) => m.type === "error" || m.subType === "fatal")
    .map((m) => ({ page: names.get(m.url) ?? m.url, line: m.lastLine, message: m.message, extract: m.extract }));
}

/**
 * The security headers every HTML answer of the edge carries, whatever its status or method: a
 * strict Content-Security-Policy (no script on the edge's own pages), nosniff, a referrer policy.
 */
export function assertHtmlSecurity(r, where) {
  const csp = r.headers.get("content-security-policy") ?? "";
  assert.match(csp, /default-src 'none'/, `${where}: CSP ${csp}`);
  assert.match(csp, /frame-ancestors 'none'/, `${where}: CSP ${csp}`);
  assert.doesNotMatch(csp, /script-src[^;]*('unsafe-inline'|\*)/, `${where}: CSP ${csp}`);
  assert.equal(r.headers.get("x-content-type-options"), "nosniff", where);
  assert.ok(r.headers.get("referrer-policy"), `${where}: Referrer-Policy`);
}

/**
 * Fetches `path` from the edge (redirects not followed) and, for every `text/html` answer, asserts
 * its security headers. Returns {r, html, text}.
 */
export async function fetchPage(edge, path, init = {}) {
  const r = await fetch(edge.url(path), { redirect: "manual", ...init });
  const html = await r.text();
  if ((r.headers.get("content-type") ?? "").startsWith("text/html")) {
    assertHtmlSecurity(r, `${init.method ?? "GET"} ${path} (${r.status})`);
  }
  return { r, html, text: pageText(html) };
}

const STRICT_XML = `
import json, sys, xml.etree.ElementTree as ET
def tree(e):
    return {"tag": e.tag, "attrs": e.attrib, "text": e.text or "", "children": [tree(c) for c in e]}
try:
    root = ET.fromstring(sys.stdin.buffer.read())
except ET.ParseError as e:
    print(json.dumps({"error": str(e)}))
else:
    print(json.dumps({"root": tree(root)}))
`;

/**
 * Parses `xml` with a real XML parser in strict mode (Python's expat, through ElementTree: any
 * well-formedness error is fatal) and returns the root element as {tag, attrs, text, children};
 * `tag`s keep their namespace as `{uri}name`. Throws, with the parser's message, on malformed XML.
 */
export function parseXmlStrict(xml) {
  let out;
  try {
    out = execFileSync("python3", ["-c", STRICT_XML], { input: xml, maxBuffer: 64 << 20 });
  } catch (e) {
    throw new Error(`python3 is needed to parse XML strictly (cargo xtask test needs it anyway): ${e.message}`);
  }
  const { root, error } = JSON.parse(out);
  if (error) throw new Error(`not well-formed XML: ${error}`);
  return root;
}

/** The children of an XML element named `name` in the Atom namespace. */
export function atom(element, name) {
  return element.children.filter((c) => c.tag === `{http://www.w3.org/2005/Atom}${name}`);
}

/** The text a reader sees: tags dropped, entities decoded, white space collapsed. */
export function pageText(html) {
  const body = html.replace(/<head>[\s\S]*?<\/head>/i, " ");
  return collapse(decode(body.replace(/<[^>]+>/g, " ")));
}

export function decode(s) {
  return s
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&amp;/g, "&");
}

export function collapse(s) {
  return s.replace(/\s+/g, " ").trim();
}

/** The example files, `examples/*.json`, sorted. */
export const EXAMPLE_FILES = readdirSync(join(ROOT, "examples"))
  .filter((f) => f.endsWith(".json"))
  .sort();

/**
 * Publishes every example as `cargo xtask dev` does: a single notice as version 1 (here dated by
 * its `updated` day when it has one), a history version by version with its real dates.
 * Returns, per file, the id and the versions as published ([{number, notice, summary}]).
 */
export async function publishExamples(edge) {
  const published = new Map();
  const today = new Date().toISOString().slice(0, 10);
  for (const file of EXAMPLE_FILES) {
    const doc = JSON.parse(readFileSync(join(ROOT, "examples", file), "utf8"));
    const versions = [];
    if (Array.isArray(doc.versions)) {
      for (const v of doc.versions) {
        const body = { notice: v.notice, summary: v.summary, published: v.published };
        if (v.effective) body.effective = v.effective;
        const { number } = await publishOk(edge, doc.id, body);
        if (number !== v.number) throw new Error(`${file}: version ${v.number} published as ${number}`);
        versions.push({ number, notice: v.notice, summary: v.summary });
      }
    } else {
      const summary = Object.fromEntries(
        doc.languages.map((l) => [l, l === "fi" ? "Ensimmäinen julkaistu versio." : l === "sv" ? "Första publicerade versionen." : "First published version."]),
      );
      const body = { notice: doc, summary };
      if (doc.updated && doc.updated <= today) body.published = doc.updated;
      const { number } = await publishOk(edge, doc.id, body);
      versions.push({ number, notice: doc, summary });
    }
    published.set(file, { id: doc.id, versions });
  }
  return published;
}

/**
 * The whole history of `id` from the history API, following its pages (`Link: <…>; rel="next"`):
 * {status, json} as getJson answers, `json.versions` every version in order.
 */
export async function getHistory(edge, id) {
  let next = `/api/v1/notices/${id}/history`;
  let first;
  const versions = [];
  while (next) {
    const r = await fetch(edge.url(next));
    const json = await r.json();
    if (r.status !== 200) return { status: r.status, headers: r.headers, json };
    first ??= json;
    versions.push(...json.versions);
    next = r.headers.get("link")?.match(/<([^>]+)>;\s*rel="next"/)?.[1];
  }
  return { status: 200, json: { ...first, versions } };
}
