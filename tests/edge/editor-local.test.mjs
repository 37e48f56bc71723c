// `seloste edit FILE` in Chromium: the same editor bundle and host page the edge serves, on
// 127.0.0.1, reading the file from `GET /file` and saving it with `PUT /file`. The HTTP contract
// (atomic writes, 422 drafts, Host and Origin checks, SIGINT) is tests/cli_edit.rs; this proves
// the round trip through the real app: an edit in the form lands in the file exactly (and nothing
// else changes), Save with nothing edited leaves the file byte for byte as it was, and the
// interface stays axe-clean. Screenshot: target/screenshots/editor-local.png.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { chromium } from "playwright-core";

import { CHROME_ARGS, findChrome } from "../support/chrome.cjs";
import { ROOT, buildCli } from "./helpers.mjs";

const SHOTS = join(ROOT, "target/screenshots");
const AXE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
const EXAMPLE = join(ROOT, "examples/kaarea-asiakasrekisteri.json");

let cli;
let browser;
const servers = [];

before(async () => {
  cli = buildCli();
  browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  for (const s of servers) s.kill("SIGINT");
});

/** Starts `seloste edit` on a copy of the example and returns its URL and the copy's path. */
async function serve() {
  const dir = mkdtempSync(join(tmpdir(), "seloste-edit-"));
  const file = join(dir, "notice.json");
  copyFileSync(EXAMPLE, file);
  const child = spawn(cli, ["edit", file, "--port", "0", "--no-open"], { stdio: ["ignore", "pipe", "pipe"] });
  servers.push(child);
  let out = "";
  const url = await new Promise((resolve, reject) => {
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\/?/);
      if (m) resolve(m[0]);
    });
    child.on("exit", (code) => reject(new Error(`seloste edit exited ${code}: ${out}`)));
  });
  return { url, file };
}

async function open(url) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: "en-US" });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e}`));
  page.on("console", (m) => {
    // Chromium asks every origin for a favicon; the editor has none.
    if (m.location().url.endsWith("/favicon.ico")) return;
    if (m.type() === "error" || /Content.Security.Policy/i.test(m.text())) problems.push(`${m.text()} (${m.location().url})`);
  });
  await page.goto(url);
  await page.waitForSelector('[id="field-title.fi"]');
  return { page, context, problems };
}

test("seloste edit: an edit in the form is saved into the file, and only that edit", async () => {
  const { url, file } = await serve();
  const before = JSON.parse(readFileSync(file, "utf8"));
  const { page, context, problems } = await open(url);
  assert.equal(await page.locator("#seloste-preview h1").textContent(), before.title.fi);

  const title = "Kaarean asiakasrekisterin tietosuojaseloste (päivitetty)";
  await page.locator('[id="field-title.fi"]').fill(title);
  await page.waitForFunction((t) => document.querySelector("#seloste-preview h1")?.textContent === t, title);
  await page.locator("#save").click();
  await page.waitForFunction(() => /saved/i.test(document.querySelector(".ed-note")?.textContent ?? ""));

  const after = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(after.title.fi, title);
  assert.deepEqual({ ...after, title: before.title }, before, "nothing but the edited title changed");
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => (await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"] } })).violations.map((v) => v.id));
  assert.deepEqual(violations, []);
  await page.screenshot({ path: join(SHOTS, "editor-local.png") });
  assert.deepEqual(problems, []);
  await context.close();
});

test("seloste edit: Save with nothing edited leaves the file byte for byte as it was", async () => {
  const { url, file } = await serve();
  const bytes = readFileSync(file);
  const mtime = statSync(file).mtimeMs;
  const { page, context, problems } = await open(url);
  await page.locator("#save").click();
  await page.waitForSelector(".ed-note");
  assert.ok(readFileSync(file).equals(bytes), "the file's bytes are unchanged");
  assert.equal(statSync(file).mtimeMs, mtime, "the file was not rewritten");
  assert.deepEqual(problems, []);
  await context.close();
});
