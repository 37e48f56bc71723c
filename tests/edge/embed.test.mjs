// The example company page (/embed.html), served by the edge, runs the widget in headless
// Chromium under the edge's own headers: the script and the wasm from the edge (application/wasm),
// the notice from the JSON API, no Content-Security-Policy violation, the notice in the shadow root.

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { ROOT, freshEdge, publishExamples } from "./helpers.mjs";

const EMBED = join(ROOT, "examples/embed.html");
const CHROMIUM = "/usr/bin/chromium";
const skip = !existsSync(EMBED)
  ? "examples/embed.html not written yet"
  : !existsSync(CHROMIUM) && "Chromium not installed (cargo xtask test installs it for the widget tests)";

let edge;
let browser;

before(async () => {
  if (skip) return;
  edge = await freshEdge("embed");
  await publishExamples(edge);
  const { chromium } = await import("playwright-core");
  // Playwright gives the browser a fresh temporary profile; the flags keep Chromium off the network.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
});
after(async () => {
  await browser?.close();
  await edge?.stop();
});

test("/embed.html runs the widget from the edge, within its Content-Security-Policy", { skip }, async () => {
  const html = readFileSync(EMBED, "utf8");
  const ids = [...html.matchAll(/data-notice="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(ids.length > 0, "embed.html embeds a notice");

  const page = await browser.newPage();
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error" || /Content.Security.Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  // embed.html may name the local dev edge (127.0.0.1:8787): send that to this test's edge.
  await page.route(/^http:\/\/(127\.0\.0\.1|localhost):8787\//, (route) =>
    route.continue({ url: route.request().url().replace(/^http:\/\/[^/]+/, edge.base) }),
  );
  const wasm = page.waitForResponse((r) => r.url().endsWith("/widget/seloste_bg.wasm"));
  const response = await page.goto(edge.url("/embed.html"));
  assert.equal(response.status(), 200);
  const wasmResponse = await wasm;
  assert.equal(wasmResponse.headers()["content-type"], "application/wasm");

  await page.waitForFunction(
    (n) => [...document.querySelectorAll("seloste-notice")].filter((h) => h.shadowRoot?.querySelector("article")).length >= n,
    ids.length,
    { timeout: 20000 },
  );
  const texts = await page.evaluate(() =>
    [...document.querySelectorAll("seloste-notice")].map((h) => h.shadowRoot.textContent.replace(/\s+/g, " ")),
  );
  for (const [i, id] of ids.entries()) {
    const notice = (await (await fetch(edge.url(`/api/v1/notices/${id}`))).json()).latest.notice;
    const titles = Object.values(notice.title);
    assert.ok(titles.some((t) => texts[i].includes(t)), `the widget for ${id} shows its title`);
  }
  assert.deepEqual(problems, []);
});
